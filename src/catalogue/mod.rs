//! The national catalogue of procedures, shipped inside toroi: every code
//! of the public-service portal's list of July 2026 with its portal id,
//! title, field, agency and type (`assets/catalogue/`, made by
//! `scripts/catalogue` from the data and sources in its README), and the
//! lists a campaign adds (a province's newer list, an audit's statuses),
//! consulted first.
//!
//! A code is enough for a direct link; a title is enough when it matches
//! one procedure clearly ([`title`]); a list can say a procedure was
//! repealed ([`status`]). `model::link` applies it to loaded procedures.
//! Nothing here knows procedures or files: it is data and lookups.

pub mod code;
pub mod details;
pub mod search;
pub mod status;
pub mod title;

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

/// The portal's list, one line per code: code, portal id, title, field,
/// agency, type; sorted by code, first line the header.
const TABLE: &str = include_str!("../../assets/catalogue/portal-2026-07.tsv");

/// When the portal's list was read, for messages and `--version`.
pub const DATE: &str = "2026-07-18";

/// Where it was read: the portal's public list of procedures.
pub const SOURCE: &str = "dichvucong.gov.vn";

/// Text of an entry: borrowed from the shipped table, or owned (a list's).
pub type Text = Cow<'static, str>;

/// Which level of government carries a procedure out, as far as the
/// catalogue tells. A campaign is a commune's or a ward's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// The agency says "cấp xã", or is empty for one of the national
    /// standard procedures (the portal leaves most commune ones empty).
    Commune,
    /// Any other: a province, a ministry, an embassy, another province's own.
    Other,
}

/// The portal's type of a procedure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// National (STANDARD).
    Standard,
    /// One province's own (SPECIFIC).
    Specific,
    /// Internal to the administration (STANDARD_INTERNAL).
    Internal,
}

/// One procedure of a catalogue.
#[derive(Debug, Clone)]
pub struct Entry {
    pub code: Text,
    /// The portal's record id: its page is `…/thu-tuc-hanh-chinh/<id>`.
    pub formality_id: Option<Text>,
    pub title: Text,
    pub field: Text,
    pub agency: Text,
    pub kind: Kind,
    /// A list's status text ("Bị bãi bỏ theo 3509/QĐ-UBND"), if it gave one.
    pub status: Option<Text>,
    /// Where the entry comes from, for messages: the list's place, or
    /// None for the built-in catalogue.
    pub from: Option<String>,
}

impl Entry {
    pub fn level(&self) -> Level {
        let agency = self.agency.to_lowercase();
        if agency.contains("cấp xã") || (agency.trim().is_empty() && self.kind == Kind::Standard)
        {
            Level::Commune
        } else {
            Level::Other
        }
    }

    /// "1.001193 — Thủ tục đăng ký khai sinh — Ủy ban nhân dân cấp xã",
    /// as a candidate is listed in a message.
    pub fn described(&self) -> String {
        let mut s = format!("{} — {}", self.code, self.title);
        let agency = self.agencies();
        if !agency.is_empty() {
            s.push_str(" — ");
            s.push_str(&agency.join("; "));
        }
        s
    }

    /// The agencies, each once (the portal repeats some: "Ủy ban nhân dân
    /// cấp xã; Ủy ban nhân dân cấp xã").
    pub fn agencies(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for a in self
            .agency
            .split(';')
            .map(str::trim)
            .filter(|a| !a.is_empty())
        {
            if !out.contains(&a) {
                out.push(a);
            }
        }
        out
    }
}

// ROWS (where each row starts), BY_ID (rows by portal id) and CODES,
// computed from TABLE by build.rs when toroi is compiled.
include!(concat!(env!("OUT_DIR"), "/catalogue_index.rs"));

/// The text of the table's row `i` (in code order).
fn row(i: usize) -> &'static str {
    let rest = &TABLE[ROWS[i] as usize..];
    let line = rest.split_once('\n').map_or(rest, |(line, _)| line);
    line.strip_suffix('\r').unwrap_or(line)
}

/// The code that opens row `i`, and its portal id.
fn code_and_id(i: usize) -> (&'static str, &'static str) {
    let mut f = row(i).split('\t');
    (f.next().unwrap_or(""), f.next().unwrap_or(""))
}

/// Row `i` as an entry (its text borrowed from the table).
fn entry(i: usize) -> Entry {
    let mut f = row(i).split('\t');
    let mut next = || f.next().unwrap_or("");
    let (code, id, title, field, agency, kind) = (next(), next(), next(), next(), next(), next());
    Entry {
        code: Cow::Borrowed(code),
        formality_id: (!id.is_empty()).then_some(Cow::Borrowed(id)),
        title: Cow::Borrowed(title),
        field: Cow::Borrowed(field),
        agency: Cow::Borrowed(agency),
        kind: match kind {
            "SPECIFIC" => Kind::Specific,
            "STANDARD_INTERNAL" => Kind::Internal,
            _ => Kind::Standard,
        },
        status: None,
        from: None,
    }
}

/// The shipped catalogue: its entries in code order, made on first use by
/// what reads them all (search, titles); a code or an id is looked up
/// without them ([`builtin_code`], [`Catalogue::id`]).
pub fn builtin() -> &'static [Entry] {
    static ENTRIES: OnceLock<Vec<Entry>> = OnceLock::new();
    ENTRIES.get_or_init(|| (0..ROWS.len()).map(entry).collect())
}

/// How many codes the built-in catalogue knows (one code has two rows).
pub fn codes() -> usize {
    CODES
}

/// The built-in entry for a code (the national one when a code has two):
/// a binary search of the table's rows, nothing parsed but the one found.
pub fn builtin_code(code: &str) -> Option<Entry> {
    let i = ROWS.partition_point(|&r| {
        let rest = &TABLE[r as usize..];
        rest.split_once('\t').map_or(rest, |(c, _)| c) < code
    });
    (i < ROWS.len() && code_and_id(i).0 == code).then(|| entry(i))
}

/// [`builtin_code`]'s entry in [`builtin`]'s list, for what keeps
/// entries by reference (search results).
pub fn listed(code: &str) -> Option<&'static Entry> {
    let all = builtin();
    let i = all.partition_point(|e| e.code.as_ref() < code);
    all.get(i).filter(|e| e.code == code)
}

/// The built-in entry that has a portal id (a binary search of the rows
/// in id order).
fn builtin_id(id: &str) -> Option<Entry> {
    let i = BY_ID.partition_point(|&r| code_and_id(r as usize).1 < id);
    BY_ID
        .get(i)
        .map(|&r| r as usize)
        .filter(|&r| code_and_id(r).1 == id)
        .map(entry)
}

/// The catalogues a campaign consults: its own lists first (a province's
/// newer list, an audit's statuses), then the built-in one.
#[derive(Debug, Clone, Default)]
pub struct Catalogue {
    extra: Vec<Entry>,
    by_code: HashMap<String, usize>,
}

impl Catalogue {
    /// The built-in catalogue alone.
    pub fn builtin() -> &'static Catalogue {
        static EMPTY: OnceLock<Catalogue> = OnceLock::new();
        EMPTY.get_or_init(Catalogue::default)
    }

    /// Adds a list's entry; a later one for the same code adds to the
    /// earlier (a status list after a full one).
    pub fn add(&mut self, entry: Entry) {
        match self.by_code.get(entry.code.as_ref()) {
            Some(&i) => {
                let e = &mut self.extra[i];
                if entry.formality_id.is_some() {
                    e.formality_id = entry.formality_id;
                }
                if entry.status.is_some() {
                    e.status = entry.status;
                    e.from = entry.from;
                }
            }
            None => {
                self.by_code
                    .insert(entry.code.to_string(), self.extra.len());
                self.extra.push(entry);
            }
        }
    }

    /// What the catalogues know of a code: the campaign's list's entry,
    /// completed by the built-in one (a status list gives no id).
    pub fn code(&self, code: &str) -> Option<Entry> {
        let own = self.by_code.get(code).map(|&i| &self.extra[i]);
        let national = builtin_code(code);
        match (own, national) {
            (Some(o), Some(n)) => {
                let mut e = n;
                if o.formality_id.is_some() {
                    e.formality_id = o.formality_id.clone();
                }
                e.status = o.status.clone();
                e.from = o.from.clone();
                Some(e)
            }
            (Some(o), None) => Some(o.clone()),
            (None, n) => n,
        }
    }

    /// The entry that has a portal id.
    pub fn id(&self, id: &str) -> Option<Entry> {
        self.extra
            .iter()
            .find(|e| e.formality_id.as_deref() == Some(id))
            .cloned()
            .or_else(|| builtin_id(id))
    }

    /// Entries of the campaign's lists with a title, for title matching.
    pub fn extra(&self) -> &[Entry] {
        &self.extra
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_catalogue_knows_every_code_of_the_portal_list() {
        let all = builtin();
        assert!(all.len() >= 5669, "{}", all.len());
        assert!(all.windows(2).all(|w| w[0].code <= w[1].code));
        let e = builtin_code("1.004222").expect("đăng ký thường trú");
        assert_eq!(
            e.formality_id.as_deref(),
            Some("019d2bf7-7704-7449-9e95-fe7ebb959aa2")
        );
        let e = builtin_code("1.001193").unwrap();
        assert_eq!(e.title, "Thủ tục đăng ký khai sinh");
        assert_eq!(e.level(), Level::Commune);
        // The code with two rows: the province's own before the internal one.
        assert_eq!(builtin_code("1.014325").unwrap().kind, Kind::Specific);
        assert!(builtin_code("1.00157").is_none());
        assert!(builtin_code("9.999999").is_none());
        let by_id = builtin_id("019d2bfc-d9ca-768c-a8f4-cc0dff5f41ed").unwrap();
        assert_eq!(by_id.code, "2.000720");
        // Titles are one line.
        assert!(all.iter().all(|e| !e.title.contains('\n')));
        assert_eq!(
            codes(),
            1 + all.windows(2).filter(|w| w[0].code != w[1].code).count()
        );
    }

    /// The indexes build.rs makes find what a scan of every row finds: each
    /// code's first row, each id's first row, and nothing for what is not
    /// there (before the first, after the last, between two).
    #[test]
    fn every_code_and_id_is_found_by_the_compiled_indexes() {
        let all = builtin();
        for e in all {
            let first = all.iter().position(|o| o.code == e.code).unwrap();
            let found = builtin_code(&e.code).unwrap();
            assert_eq!(found.title, all[first].title, "{}", e.code);
            assert_eq!(found.kind, all[first].kind, "{}", e.code);
            if let Some(id) = &e.formality_id {
                let owner = all
                    .iter()
                    .find(|o| o.formality_id.as_ref() == Some(id))
                    .unwrap();
                assert_eq!(builtin_id(id).unwrap().code, owner.code, "{id}");
            }
        }
        for absent in ["", "0", "1.000004", "1.0000051", "9.999999", "ZZZ"] {
            assert!(builtin_code(absent).is_none(), "{absent}");
        }
        assert!(builtin_id("019d2bfc-d9ca-768c-a8f4-cc0dff5f41ee").is_none());
        assert!(builtin_id("").is_none());
    }

    #[test]
    fn a_campaign_list_comes_before_the_built_in_one() {
        let mut c = Catalogue::default();
        c.add(Entry {
            code: "1.001193".into(),
            formality_id: None,
            title: "Đăng ký khai sinh".into(),
            field: "".into(),
            agency: "".into(),
            kind: Kind::Standard,
            status: Some("Bị bãi bỏ theo 1/QĐ-UBND".into()),
            from: Some("l.csv:2".into()),
        });
        let e = c.code("1.001193").unwrap();
        assert_eq!(e.status.as_deref(), Some("Bị bãi bỏ theo 1/QĐ-UBND"));
        assert_eq!(
            e.formality_id.as_deref(),
            Some("019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7")
        );
        assert!(Catalogue::builtin()
            .code("1.001193")
            .unwrap()
            .status
            .is_none());
    }
}
