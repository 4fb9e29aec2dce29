//! Looking procedures up by words, as `toroi find` and `toroi new` do:
//! "ket hon" finds "Đăng ký kết hôn" (a word typed without diacritics
//! matches any), "kết hôn" only what has those very letters; a code finds
//! its entry.

use unicode_normalization::UnicodeNormalization;

use super::{builtin, listed, Entry};

/// One word as typed: its letters, and whether diacritics count.
struct Word {
    text: String,
    exact: bool,
}

fn words(text: &str) -> Vec<String> {
    text.nfc()
        .collect::<String>()
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

fn plain(word: &str) -> String {
    deunicode::deunicode(word).to_lowercase()
}

/// The entries whose title has every word (in any order), and whose field
/// has `field`'s words when given; commune procedures first, then the
/// national ones of other levels, provinces' own last, shorter titles
/// first within each.
pub fn find(query: &str, field: Option<&str>) -> Vec<&'static Entry> {
    let q = query.trim();
    if let Some(e) = listed(q) {
        return vec![e];
    }
    let wanted: Vec<Word> = words(q)
        .into_iter()
        .map(|w| match w.is_ascii() {
            true => Word {
                text: plain(&w),
                exact: false,
            },
            false => Word {
                text: w,
                exact: true,
            },
        })
        .collect();
    let field_words: Vec<String> = field
        .map(|f| words(f).iter().map(|w| plain(w)).collect())
        .unwrap_or_default();
    if wanted.is_empty() && field_words.is_empty() {
        return Vec::new();
    }
    let mut found: Vec<&Entry> = builtin()
        .iter()
        .filter(|e| {
            let title = words(&e.title);
            let plain_title: Vec<String> = title.iter().map(|w| plain(w)).collect();
            let has = |w: &Word| {
                if w.exact {
                    title.iter().any(|t| t == &w.text)
                } else {
                    plain_title.iter().any(|t| t == &w.text)
                }
            };
            let in_field = || {
                let f: Vec<String> = words(&e.field).iter().map(|w| plain(w)).collect();
                field_words.iter().all(|w| f.contains(w))
            };
            wanted.iter().all(has) && in_field()
        })
        .collect();
    // The same code twice (a province's and the internal one): once.
    found.dedup_by(|a, b| a.code == b.code);
    // Fewest words besides those asked for first ("Đăng ký khai tử" before
    // "Đăng ký lại khai tử"), a leading "Thủ tục" not counted.
    found.sort_by_key(|e| {
        (
            super::title::order(e),
            super::title::key(&e.title).chars().count(),
        )
    });
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_with_or_without_diacritics() {
        let found = find("ket hon", None);
        assert!(found.len() > 5);
        assert_eq!(found[0].code, "1.000894", "{:?}", found[0]);
        let exact = find("kết hôn", None);
        assert!(exact
            .iter()
            .all(|e| e.title.to_lowercase().contains("kết hôn")));
        assert_eq!(find("1.001193", None)[0].title, "Thủ tục đăng ký khai sinh");
        let narrowed = find("cap giay phep", Some("xây dựng"));
        assert!(!narrowed.is_empty());
        assert!(narrowed
            .iter()
            .all(|e| plain(&e.field).contains("xay dung")));
        assert!(find("zzzz qqqq", None).is_empty());
    }
}
