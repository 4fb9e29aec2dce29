//! Letter case for names typed in capitals, as lists often have them.

/// The first letter in capitals, the rest as written.
pub fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// 20000 → "20.000", as Vietnamese prints amounts.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// `s` cut to at most `max` characters, with "…" where it was cut.
pub fn shortened(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", &s[..at]),
        None => s.to_owned(),
    }
}

/// "HỘ TỊCH" → "Hộ tịch": text in capitals only, in sentence case; text
/// with a lower-case letter stays as it is written.
pub fn sentence_case(s: &str) -> String {
    if s.chars().any(char::is_lowercase) {
        return s.to_owned();
    }
    capitalised(&s.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitals_become_sentence_case_and_mixed_case_stays() {
        assert_eq!(sentence_case("HỘ TỊCH"), "Hộ tịch");
        assert_eq!(sentence_case("Hộ tịch UBND"), "Hộ tịch UBND");
        assert_eq!(capitalised("đất đai"), "Đất đai");
        assert_eq!(sentence_case(""), "");
    }
}
