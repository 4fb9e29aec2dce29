//! List markers typed in front of items: bullets and numbering that the
//! print draws itself.

/// A line without its leading bullet or number ("- ", "+ ", "•",
/// "a)", "1.", "Bước 1:").
pub fn strip_marker(line: &str) -> &str {
    let mut l = line.trim();
    for bullet in ["-", "+", "•", "*", "–", "·", "○", "▪", "►"] {
        if let Some(rest) = l.strip_prefix(bullet) {
            l = rest.trim_start();
            break;
        }
    }
    // "Bước 1:", "Bước 2." (steps numbered in words).
    let lower = l.to_lowercase();
    if lower.starts_with("bước ") {
        let after = &l["bước ".len()..];
        let digits = after.chars().take_while(|c| c.is_ascii_digit()).count();
        if digits > 0 {
            let rest = &after[digits..];
            if let Some(r) = rest.strip_prefix([':', '.', ')']) {
                return r.trim_start();
            }
        }
    }
    // "a)", "1.", "1)", "12." — a short label, then a space.
    let label: String = l.chars().take_while(|c| c.is_alphanumeric()).collect();
    let is_label = !label.is_empty()
        && (label.chars().all(|c| c.is_ascii_digit())
            || (label.chars().count() == 1 && label.chars().all(|c| c.is_alphabetic())));
    if is_label {
        let rest = &l[label.len()..];
        if let Some(r) = rest.strip_prefix([')', '.']) {
            if r.starts_with(' ') {
                return r.trim_start();
            }
        }
    }
    l
}
