//! Text typed in the 1990s fonts that old offices' files still carry:
//! TCVN3 (the ABC fonts, ".VnTime") and VNI ("VNI-Times"). Such a cell
//! shows, for "Đăng ký khai sinh", "§¨ng ký khai sinh" (TCVN3) or
//! "Ñaêng kyù khai sinh" (VNI). The tables are data (assets/legacy/).

use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;

/// Which legacy encoding a cell was in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Legacy {
    Tcvn3,
    Vni,
}

impl Legacy {
    pub fn name(self) -> &'static str {
        match self {
            Legacy::Tcvn3 => "TCVN3 (ABC, .VnTime)",
            Legacy::Vni => "VNI",
        }
    }
}

/// (what a cell shows, Unicode), longest first.
type Table = Vec<(String, String)>;

fn load(data: &str) -> Table {
    let mut table: Table = data
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let mut parts = l.split('\t').rev();
            let to = parts.next()?;
            let from = parts.next()?;
            Some((from.to_owned(), to.to_owned()))
        })
        .collect();
    table.sort_by_key(|(from, _)| std::cmp::Reverse(from.chars().count()));
    table
}

fn tcvn3() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| load(include_str!("../../../assets/legacy/tcvn3.tsv")))
}

fn vni() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| load(include_str!("../../../assets/legacy/vni.tsv")))
}

/// Latin-1 characters that Vietnamese text in Unicode never uses: their
/// presence is what gives a legacy cell away.
fn is_foreign(c: char) -> bool {
    const VIETNAMESE: &str = "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý";
    ('\u{A1}'..='\u{FF}').contains(&c) && !VIETNAMESE.contains(c)
}

fn convert(text: &str, table: &Table) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    'outer: while let Some(c) = rest.chars().next() {
        for (from, to) in table {
            if rest.starts_with(from.as_str()) {
                out.push_str(to);
                rest = &rest[from.len()..];
                continue 'outer;
            }
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out.nfc().collect()
}

/// Tone marks in a word: a real Vietnamese syllable has at most one.
fn tones(word: &str) -> usize {
    word.nfd()
        .filter(|c| matches!(c, '\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{323}'))
        .count()
}

/// The cell's text in Unicode and the encoding it was typed in, when it
/// was typed in one of the legacy encodings; None for ordinary text.
pub fn detect(text: &str) -> Option<(String, Legacy)> {
    if !text.chars().any(is_foreign) {
        return None;
    }
    // VNI writes a mark after its vowel ("kyù"); TCVN3 a whole letter in
    // place of the vowel, mostly after a consonant ("Thñ"). Which of the
    // two the text's special characters follow decides; a conversion must
    // also leave nothing foreign behind.
    let mut after_vowel = 0;
    let mut special = 0;
    let mut prev: Option<char> = None;
    for c in text.chars() {
        if !c.is_ascii() {
            special += 1;
            if prev.is_some_and(|p| "aeiouyAEIOUY".contains(p)) {
                after_vowel += 1;
            }
        }
        prev = Some(c);
    }
    let order = if 2 * after_vowel > special {
        [(Legacy::Vni, vni()), (Legacy::Tcvn3, tcvn3())]
    } else {
        [(Legacy::Tcvn3, tcvn3()), (Legacy::Vni, vni())]
    };
    order.into_iter().find_map(|(legacy, table)| {
        let mut converted = convert(text, table);
        // The uppercase fonts (.VnTimeH) draw lowercase codes as capitals:
        // text whose plain letters are all capitals was meant in capitals.
        let letters: Vec<char> = text.chars().filter(|c| c.is_ascii_alphabetic()).collect();
        if legacy == Legacy::Tcvn3
            && !letters.is_empty()
            && letters.iter().all(|c| c.is_ascii_uppercase())
        {
            converted = converted.to_uppercase();
        }
        valid(&converted).then_some((converted, legacy))
    })
}

/// A conversion that leaves nothing foreign and no stray combining mark,
/// and no word with two tone marks.
fn valid(converted: &str) -> bool {
    let stray = converted
        .chars()
        .any(|c| is_foreign(c) || ('\u{300}'..='\u{36F}').contains(&c));
    !stray && converted.split_whitespace().all(|w| tones(w) <= 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tcvn3_and_vni_cells_convert_to_unicode() {
        assert_eq!(
            detect("§¨ng ký khai sinh"),
            Some(("Đăng ký khai sinh".to_owned(), Legacy::Tcvn3))
        );
        assert_eq!(
            detect("Ñaêng kyù khai sinh"),
            Some(("Đăng ký khai sinh".to_owned(), Legacy::Vni))
        );
        assert_eq!(
            detect("Thuû tuïc haønh chính"),
            Some(("Thủ tục hành chính".to_owned(), Legacy::Vni))
        );
        assert_eq!(
            detect("Thñ tôc hµnh chÝnh"),
            Some(("Thủ tục hành chính".to_owned(), Legacy::Tcvn3))
        );
    }

    #[test]
    fn unicode_vietnamese_is_left_alone() {
        for text in [
            "Đăng ký khai sinh",
            "Cấp bản sao trích lục hộ tịch",
            "Xuân, Thủy; phí 8.000 đồng",
            "50 000 đ",
        ] {
            assert_eq!(detect(text), None, "{text}");
        }
    }
}
