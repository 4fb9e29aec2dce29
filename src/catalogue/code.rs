//! How a procedure's code is written: the national form `d.dddddd`, and
//! the forms lists damage it into or carry from elsewhere.

/// How a code is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodeForm {
    /// `d.dddddd`, the national form.
    National,
    /// A province's record code that starts with the national one
    /// ("1.001193.000.00.00.H23"): the national part.
    Province(String),
    /// Digits lost or the point dropped ("1.00157", "1001570"): the
    /// national code it may have been.
    Damaged(String),
    /// A code of the old national database ("T-LDG-090670-TT").
    Old,
    /// Anything else.
    Unknown,
}

/// How `code` is written (after trimming).
pub fn code_form(code: &str) -> CodeForm {
    let is_national = |c: &str| {
        let b = c.as_bytes();
        b.len() == 8
            && b[0].is_ascii_digit()
            && b[1] == b'.'
            && b[2..].iter().all(u8::is_ascii_digit)
    };
    if is_national(code) {
        return CodeForm::National;
    }
    if code.len() > 9 && is_national(&code[..8]) && code.as_bytes()[8] == b'.' {
        return CodeForm::Province(code[..8].to_owned());
    }
    let b = code.as_bytes();
    if b.len() >= 3
        && b.len() < 8
        && b[0].is_ascii_digit()
        && b[1] == b'.'
        && b[2..].iter().all(u8::is_ascii_digit)
    {
        return CodeForm::Damaged(format!("{code:0<8}"));
    }
    if b.len() == 7 && b.iter().all(u8::is_ascii_digit) {
        return CodeForm::Damaged(format!("{}.{}", &code[..1], &code[1..]));
    }
    let parts: Vec<&str> = code.split('-').collect();
    let old = parts.len() >= 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric()))
        && parts.iter().any(|p| p.chars().all(|c| c.is_ascii_digit()))
        && parts
            .iter()
            .any(|p| p.chars().any(|c| c.is_ascii_alphabetic()));
    if old {
        return CodeForm::Old;
    }
    CodeForm::Unknown
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_read_in_every_form_lists_write_them() {
        assert_eq!(code_form("1.001193"), CodeForm::National);
        assert_eq!(
            code_form("1.001193.000.00.00.H23"),
            CodeForm::Province("1.001193".into())
        );
        assert_eq!(code_form("1.00157"), CodeForm::Damaged("1.001570".into()));
        assert_eq!(code_form("1001570"), CodeForm::Damaged("1.001570".into()));
        assert_eq!(code_form("T-LDG-090670-TT"), CodeForm::Old);
        assert_eq!(code_form("BTP-HPG-277281"), CodeForm::Old);
        assert_eq!(code_form("abc"), CodeForm::Unknown);
        assert_eq!(code_form("1.0133611"), CodeForm::Unknown);
    }
}
