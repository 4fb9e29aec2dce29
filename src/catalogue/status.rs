//! Whether a procedure is in force, as a province's list says it. The
//! portal never says "repealed" (a code only disappears from a later
//! list), so status comes from lists: a column such as "Tình trạng"
//! ("Bị bãi bỏ theo 3509/QĐ-UBND", "Quyết định có hiệu lực từ
//! 2027-03-01") or an audit's status words.

/// What a status text says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// Repealed (bãi bỏ, hết hiệu lực, thay thế): with the decision the
    /// text names, if any ("3509/QĐ-UBND").
    Repealed { decision: Option<String> },
    /// In force only from a date still to come (YYYY-MM-DD).
    NotYet { from: String },
    /// In force, or words toroi does not read as either.
    InForce,
}

impl Status {
    /// Reads a status text; `today` is (year, month, day).
    pub fn parse(text: &str, today: (i64, i64, i64)) -> Status {
        let n = deunicode::deunicode(text).to_lowercase();
        let decision = decision(text);
        let repealed = [
            "bai bo",
            "het hieu luc",
            "bi thay the",
            "repealed",
            "huy bo",
            "khong con hieu luc",
        ];
        if repealed.iter().any(|w| n.contains(w)) {
            return Status::Repealed { decision };
        }
        if let Some(from) = date(text) {
            let future = n.contains("hieu luc tu")
                || n.contains("future")
                || n.contains("chua co hieu luc")
                || n.contains("ap dung tu");
            let (y, m, d) = today;
            if future && from > format!("{y:04}-{m:02}-{d:02}") {
                return Status::NotYet { from };
            }
        }
        if n.contains("future_effective") || n.contains("chua co hieu luc") {
            return Status::NotYet {
                from: String::new(),
            };
        }
        Status::InForce
    }
}

/// The first decision number in a text: "3509/QĐ-UBND", "15/2026/NĐ-CP".
fn decision(text: &str) -> Option<String> {
    text.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')'))
        .map(|w| w.trim_end_matches(['.', ':']))
        .find(|w| {
            let mut parts = w.split('/');
            parts
                .next()
                .is_some_and(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
                && w.contains('/')
                && w.chars().any(|c| c.is_alphabetic())
        })
        .map(str::to_owned)
}

/// A date in a text, as YYYY-MM-DD: "2027-03-01" or "01/03/2027".
fn date(text: &str) -> Option<String> {
    for w in text.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')')) {
        let w = w.trim_end_matches('.');
        let parts: Vec<&str> = w.split(['-', '/']).collect();
        if parts.len() != 3 || !parts.iter().all(|p| p.chars().all(|c| c.is_ascii_digit())) {
            continue;
        }
        let nums: Vec<i64> = parts.iter().filter_map(|p| p.parse().ok()).collect();
        if nums.len() != 3 {
            continue;
        }
        let (y, m, d) = if parts[0].len() == 4 {
            (nums[0], nums[1], nums[2])
        } else if parts[2].len() == 4 {
            (nums[2], nums[1], nums[0])
        } else {
            continue;
        };
        if (1..=12).contains(&m) && (1..=31).contains(&d) && (1900..=2200).contains(&y) {
            return Some(format!("{y:04}-{m:02}-{d:02}"));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const TODAY: (i64, i64, i64) = (2026, 12, 5);

    #[test]
    fn status_words_of_lists_and_audits() {
        assert_eq!(
            Status::parse("Bị bãi bỏ theo 3509/QĐ-UBND", TODAY),
            Status::Repealed {
                decision: Some("3509/QĐ-UBND".into())
            }
        );
        assert_eq!(
            Status::parse("repealed_by_official_city_decision", TODAY),
            Status::Repealed { decision: None }
        );
        assert_eq!(
            Status::parse("Quyết định có hiệu lực từ 2027-03-01", TODAY),
            Status::NotYet {
                from: "2027-03-01".into()
            }
        );
        assert_eq!(
            Status::parse("Có hiệu lực từ 01/03/2027", TODAY),
            Status::NotYet {
                from: "2027-03-01".into()
            }
        );
        // A date passed: in force.
        assert_eq!(
            Status::parse("Quyết định có hiệu lực từ 2026-03-01", TODAY),
            Status::InForce
        );
        assert_eq!(Status::parse("Đang thực hiện", TODAY), Status::InForce);
    }
}
