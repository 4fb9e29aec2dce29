//! Finding a procedure by its title. Provinces word titles differently
//! from the portal, and lists copied from PDFs break words ("đ ạt",
//! "ch ất lư ợng"), so titles are compared as people write them: NFC, any
//! case, without a leading "Thủ tục", punctuation, spaces or small words
//! such as "việc" and "các". One title can exist at several levels
//! (commune, province, embassy): the commune's is preferred, and when two
//! are close nothing is linked. A wrong code linked silently is the worst
//! outcome here, so anything but a near-exact match asks.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use unicode_normalization::UnicodeNormalization;

use super::{builtin, Entry, Level};

/// Words whose absence does not make another procedure.
const SMALL_WORDS: &[&str] = &["việc", "các", "những", "của", "cho", "về", "và"];

/// A title as compared: lower-case NFC letters and digits, without a
/// leading "Thủ tục", small words, punctuation or spaces.
pub fn key(title: &str) -> String {
    let lower: String = title.nfc().collect::<String>().to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let start = match words.as_slice() {
        ["thủ", "tục", ..] => 2,
        _ => 0,
    };
    // Leading numbering ("1", "a") of a row copied with its number.
    let start = start
        + words[start..]
            .iter()
            .take_while(|w| w.chars().all(|c| c.is_ascii_digit()))
            .count();
    words[start..]
        .iter()
        .filter(|w| !SMALL_WORDS.contains(w))
        .copied()
        .collect()
}

/// What a title finds.
#[derive(Debug, Clone)]
pub enum Found {
    /// One procedure, clearly: the title is the catalogue's (as compared)
    /// or differs by a slip of a letter or two.
    One(Entry),
    /// Several could be meant: best first, at most five.
    Several(Vec<Entry>),
    /// Nothing close.
    None,
}

/// Character trigrams of a key, packed (21 bits a character).
fn trigrams(key: &str) -> Vec<u64> {
    let chars: Vec<u64> = key.chars().map(|c| c as u64).collect();
    let mut t: Vec<u64> = chars
        .windows(3)
        .map(|w| (w[0] << 42) | (w[1] << 21) | w[2])
        .collect();
    t.sort_unstable();
    t.dedup();
    t
}

/// The built-in titles' keys and a trigram index over them, made on the
/// first title lookup (a list with codes never needs it).
struct Index {
    keys: Vec<String>,
    sizes: Vec<u16>,
    postings: FxHashMap<u64, Vec<u32>>,
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        use rayon::prelude::*;
        // Keys and trigrams on every core; the postings in one pass.
        let (keys, grams): (Vec<String>, Vec<Vec<u64>>) = builtin()
            .par_iter()
            .map(|e| {
                let k = key(&e.title);
                let t = trigrams(&k);
                (k, t)
            })
            .unzip();
        let mut postings: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
        let mut sizes = Vec::with_capacity(keys.len());
        for (i, t) in grams.into_iter().enumerate() {
            sizes.push(t.len().min(u16::MAX as usize) as u16);
            for g in t {
                postings.entry(g).or_default().push(i as u32);
            }
        }
        Index {
            keys,
            sizes,
            postings,
        }
    })
}

/// A candidate and how close it is.
#[derive(Debug, Clone)]
struct Scored {
    entry: Entry,
    key: String,
    /// Letters added, removed or changed between the two keys.
    edits: usize,
    /// 0..1: 1 − edits ÷ the longer key's length.
    similarity: f64,
    /// Shared trigrams ÷ the title's: 1 when the catalogue's title holds
    /// all of it ("Cấp bản sao Trích lục hộ tịch" in "…, bản sao Giấy khai sinh").
    contained: f64,
}

/// The order in which equally close candidates are listed: the national
/// procedures first, a commune's before another level's, then provinces'
/// own procedures, then the administration's internal ones.
pub(crate) fn order(e: &Entry) -> u8 {
    match (e.kind, e.level()) {
        (super::Kind::Standard, Level::Commune) => 0,
        (super::Kind::Standard, Level::Other) => 1,
        (super::Kind::Specific, Level::Commune) => 2,
        (super::Kind::Specific, Level::Other) => 3,
        (super::Kind::Internal, _) => 4,
    }
}

impl Scored {
    /// How candidates are ordered for a person: the closest first, a
    /// commune's before another level's when about as close.
    fn rank(&self) -> f64 {
        let closeness = self.similarity.max(0.9 * self.contained);
        closeness
            + match self.entry.level() {
                Level::Commune => 0.05,
                Level::Other => 0.0,
            }
            - match self.entry.kind {
                super::Kind::Standard => 0.0,
                _ => 0.08,
            }
    }
}

/// The catalogue entries `title` may name; `extra` (a campaign's lists)
/// are looked at before the built-in ones.
pub fn find(title: &str, extra: &[Entry]) -> Found {
    let wanted = key(title);
    if wanted.chars().count() < 4 {
        return Found::None;
    }
    let mut scored = candidates(&wanted, extra);
    // The title as the catalogue writes it (as compared): linked when one
    // national procedure at the commune's level has it (or only one
    // procedure at all), else every one of them is listed.
    let mut exact: Vec<&Scored> = scored.iter().filter(|s| s.key == wanted).collect();
    exact.sort_by_key(|s| (order(&s.entry), s.entry.code.clone()));
    exact.dedup_by(|a, b| a.entry.code == b.entry.code);
    if let Some(first) = exact.first() {
        let rivals = exact[1..]
            .iter()
            .any(|s| s.entry.level() == Level::Commune || first.entry.level() != Level::Commune);
        if !rivals {
            return Found::One(first.entry.clone());
        }
        return Found::Several(exact.iter().take(5).map(|s| s.entry.clone()).collect());
    }
    scored.sort_by(|a, b| b.rank().total_cmp(&a.rank()));
    let Some(top) = scored.first() else {
        return Found::None;
    };
    // A slip of a letter or two in a title of some length, with nothing
    // else near it: no other title within two more slips, none that holds
    // the whole title (it may be a cut copy of that one).
    let len = wanted.chars().count();
    let rivals = scored[1..]
        .iter()
        .filter(|s| s.entry.code != top.entry.code)
        .any(|s| s.edits <= top.edits + 2 || s.contained > 0.95);
    if len >= 16 && top.edits <= 2 && !rivals {
        return Found::One(top.entry.clone());
    }
    let close: Vec<Entry> = scored
        .iter()
        .filter(|s| s.similarity >= 0.5 || s.contained >= 0.8)
        // Only those about as close as the best: a list of five where one
        // is plausible hides it.
        .filter(|s| s.rank() >= top.rank() - 0.2)
        .take(5)
        .map(|s| s.entry.clone())
        .collect();
    if close.is_empty() {
        Found::None
    } else {
        Found::Several(close)
    }
}

/// The entries that share most of the title's trigrams, scored.
fn candidates(wanted: &str, extra: &[Entry]) -> Vec<Scored> {
    let grams = trigrams(wanted);
    if grams.is_empty() {
        return Vec::new();
    }
    let index = index();
    // Shared trigrams per title: a count for every title is cheaper than a
    // map (the common trigrams, "đăn", "ngk", are in thousands of titles).
    let mut shared = vec![0u16; index.keys.len()];
    for g in &grams {
        if let Some(list) = index.postings.get(g) {
            for &i in list {
                shared[i as usize] += 1;
            }
        }
    }
    // Dice coefficient on trigrams, to keep the best few for the exact
    // (and slower) edit distance.
    let mut by_dice: Vec<(f64, u32, u16)> = shared
        .iter()
        .enumerate()
        .filter(|(_, &n)| n > 0)
        .map(|(i, &n)| {
            let dice = 2.0 * n as f64 / (grams.len() + index.sizes[i] as usize) as f64;
            (dice, i as u32, n)
        })
        .collect();
    let mut by_contained = by_dice.clone();
    best(&mut by_dice, 24, |a, b| {
        b.0.total_cmp(&a.0).then(a.1.cmp(&b.1))
    });
    let mut out: Vec<Scored> = Vec::new();
    for e in extra {
        let k = key(&e.title);
        let t = trigrams(&k);
        let n = t.iter().filter(|g| grams.binary_search(g).is_ok()).count();
        out.push(score(e.clone(), k, wanted, n, grams.len()));
    }
    // The most contained ones too: a province's short title inside the
    // portal's long one has a low Dice.
    best(&mut by_contained, 8, |a, b| {
        b.2.cmp(&a.2).then(a.1.cmp(&b.1))
    });
    let mut taken = std::collections::HashSet::new();
    for &(_, i, n) in by_dice.iter().take(24).chain(by_contained.iter().take(8)) {
        if !taken.insert(i) {
            continue;
        }
        let entry = &builtin()[i as usize];
        // A campaign's own list already gave this code.
        if extra.iter().any(|e| e.code == entry.code) {
            continue;
        }
        out.push(score(
            entry.clone(),
            index.keys[i as usize].clone(),
            wanted,
            n as usize,
            grams.len(),
        ));
    }
    out
}

/// The first `k` of `v` in `order`, in order (a partial sort: thousands
/// of titles share a trigram with any title).
fn best<T>(v: &mut Vec<T>, k: usize, order: impl Fn(&T, &T) -> std::cmp::Ordering) {
    if v.len() > k {
        v.select_nth_unstable_by(k, &order);
        v.truncate(k);
    }
    v.sort_by(order);
}

fn score(entry: Entry, key: String, wanted: &str, shared: usize, grams: usize) -> Scored {
    let edits = strsim::levenshtein(wanted, &key);
    let longer = wanted.chars().count().max(key.chars().count()).max(1);
    Scored {
        entry,
        key,
        edits,
        similarity: 1.0 - edits as f64 / longer as f64,
        contained: shared as f64 / grams as f64,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(title: &str) -> Option<String> {
        match find(title, &[]) {
            Found::One(e) => Some(e.code.to_string()),
            _ => None,
        }
    }

    fn several(title: &str) -> Vec<String> {
        match find(title, &[]) {
            Found::Several(v) => v.iter().map(|e| e.code.to_string()).collect(),
            other => panic!("{title}: {other:?}"),
        }
    }

    #[test]
    fn titles_are_compared_as_people_write_them() {
        assert_eq!(key("Thủ tục đăng ký khai sinh"), key("ĐĂNG KÝ KHAI SINH."));
        assert_eq!(
            key("Công nhận trường m ầm non đạt chuẩn"),
            key("Công nhận trường mầm non đạt chuẩn")
        );
        assert_eq!(
            key("Thủ tục thực hiện việc giải quyết các chế độ"),
            key("thực hiện giải quyết chế độ")
        );
        // NFD input (a Mac's copy) is the same title.
        let nfd: String = "Đăng ký kết hôn".nfd().collect();
        assert_eq!(key(&nfd), key("Đăng ký kết hôn"));
    }

    #[test]
    fn exact_titles_link_their_code_at_the_commune_level() {
        assert_eq!(one("Đăng ký khai sinh").as_deref(), Some("1.001193"));
        assert_eq!(one("Xóa đăng ký thường trú").as_deref(), Some("1.003197"));
        assert_eq!(one("Thủ tục đăng ký kết hôn").as_deref(), Some("1.000894"));
        // A slip of a letter.
        assert_eq!(
            one("Thủ tục đăng ký khai sinh có yêu tố nước ngoài").as_deref(),
            Some("2.000528")
        );
    }

    #[test]
    fn near_titles_ask_with_the_right_candidate_first() {
        // The province's wording of 2.000635 ("…, bản sao Giấy khai sinh").
        let c = several("Thủ tục cấp bản sao Trích lục hộ tịch");
        assert!(c.iter().take(3).any(|c| c == "2.000635"), "{c:?}");
        assert_eq!(one("Thủ tục cấp bản sao Trích lục hộ tịch"), None);
        assert!(matches!(
            find("Xin cấp giấy phép bay vào vũ trụ", &[]),
            Found::None | Found::Several(_)
        ));
        assert!(matches!(find("abc", &[]), Found::None));
    }
}

/// The real commune's 255 titles (examples/xa-vinh-bao), with their codes
/// hidden: no title may link another code than the list's own, and nearly
/// every one must link or ask with the right code among the first three.
#[cfg(test)]
mod real_list {
    use super::*;

    #[test]
    fn the_commune_list_titles_never_link_a_wrong_code() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/xa-vinh-bao/danh-muc-2026.csv"
        );
        let mut reader = csv::Reader::from_path(path).unwrap();
        let (mut linked, mut asked_right, mut asked_wrong, mut none) = (0, 0, 0, 0);
        let mut wrong = Vec::new();
        let mut rows = 0;
        for r in reader.records() {
            let r = r.unwrap();
            let (code, title) = (&r[0], &r[1]);
            // Codes the catalogue does not have cannot be found by title.
            if super::super::builtin_code(code).is_none() {
                continue;
            }
            rows += 1;
            match find(title, &[]) {
                Found::One(e) if e.code == code => linked += 1,
                // The list names the province's twin of a commune procedure
                // ("Thành lập hội (cấp tỉnh)") by the commune's title: the
                // commune's is what the title says.
                Found::One(e)
                    if e.level() == Level::Commune
                        && key(&e.title) == key(title)
                        && super::super::builtin_code(code)
                            .is_some_and(|l| l.title.to_lowercase().contains("cấp tỉnh")) =>
                {
                    linked += 1
                }
                Found::One(e) => wrong.push(format!("{code} {title} → {}", e.described())),
                Found::Several(c) if c.iter().take(3).any(|e| e.code == code) => asked_right += 1,
                Found::Several(c) => {
                    asked_wrong += 1;
                    eprintln!(
                        "asked without {code} {title}: {:?}",
                        c.iter().map(|e| e.code.to_string()).collect::<Vec<_>>()
                    );
                }
                Found::None => {
                    none += 1;
                    eprintln!("none: {code} {title}");
                }
            }
        }
        eprintln!("{rows} rows: {linked} linked, {asked_right} asked with it, {asked_wrong} asked without, {none} none");
        assert!(wrong.is_empty(), "{wrong:#?}");
        assert!(linked * 10 >= rows * 6, "{linked} of {rows} linked");
        assert!(
            (linked + asked_right) * 100 >= rows * 95,
            "{linked} + {asked_right} of {rows}"
        );
    }

    /// Every commune procedure's title, written as provinces write it
    /// (capitals, "Thủ tục" added or dropped, a word broken by a PDF copy,
    /// "việc" and "các" dropped, a letter slipped): never another code.
    #[test]
    fn commune_titles_written_otherwise_never_link_another_code() {
        let mut checked = 0;
        let (mut linked, mut asked) = (0, 0);
        // Every third one: the debug build is slow, and they are alike.
        for e in builtin()
            .iter()
            .filter(|e| e.level() == Level::Commune)
            .step_by(3)
        {
            let t = e.title.to_string();
            let words: Vec<&str> = t.split(' ').collect();
            let broken = match words.iter().position(|w| w.chars().count() >= 4) {
                Some(i) => {
                    let mut w: Vec<String> = words.iter().map(|w| w.to_string()).collect();
                    let chars: Vec<char> = w[i].chars().collect();
                    w[i] = format!(
                        "{} {}",
                        chars[..2].iter().collect::<String>(),
                        chars[2..].iter().collect::<String>()
                    );
                    w.join(" ")
                }
                None => t.clone(),
            };
            let variants = [
                t.to_uppercase(),
                format!("Thủ tục {}", t.trim_start_matches("Thủ tục ")),
                t.replace(" việc ", " ").replace(" các ", " "),
                broken,
            ];
            for v in variants {
                checked += 1;
                match find(&v, &[]) {
                    Found::One(f) => {
                        assert!(
                            f.code == e.code || key(&f.title) == key(&e.title),
                            "{v:?} ({}) linked {}",
                            e.code,
                            f.described()
                        );
                        linked += 1;
                    }
                    Found::Several(c) => {
                        assert!(
                            c.iter()
                                .any(|c| c.code == e.code || key(&c.title) == key(&e.title)),
                            "{v:?} ({}) asked without it: {c:?}",
                            e.code
                        );
                        asked += 1;
                    }
                    Found::None => panic!("{v:?} ({}) found nothing", e.code),
                }
            }
        }
        eprintln!("{checked} variants: {linked} linked, {asked} asked");
        assert!(linked * 10 >= checked * 8, "{linked} of {checked}");
    }
}
