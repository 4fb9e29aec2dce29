//! One administrative procedure (thủ tục hành chính), as the brief's contract defines it.

use std::path::Path;
use std::sync::Arc;

use crate::diag::{Diagnostic, Diagnostics, Severity};
use crate::model::source::SourceFile;
use crate::model::toml_read::{self, Located, Reader};
use crate::model::{address, portal};

/// How much of the procedure can be done online.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Online {
    /// Toàn trình: from filing to result, entirely online.
    Full,
    /// Một phần: filed online, some steps in person.
    Partial,
    None,
}

/// Where a procedure's QR code leads, and how toroi knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Link {
    /// The file's own `url`: always wins.
    Given,
    /// The portal's page for the file's `formality_id`.
    Portal,
    /// The portal's page the national catalogue gives the code.
    Catalogue,
    /// The page of the one procedure whose title the catalogue matched
    /// (its code is then the procedure's, with a warning to confirm it).
    Title,
    /// Neither: the portal's search for the code (or the title). It opens
    /// for any code, but the citizen has one more step.
    Search,
}

/// The first word of `text` with a letter lost to `?` (see
/// `Procedure::lost_letters`), as written.
pub fn lost_letter(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c != '?' {
            continue;
        }
        let before = i.checked_sub(1).map(|j| chars[j]);
        let after = chars.get(i + 1).copied();
        let next_word = chars[i + 1..].iter().find(|c| !c.is_whitespace());
        let lost = after.is_some_and(char::is_alphabetic)
            || (before.is_some_and(char::is_alphabetic)
                && next_word.is_some_and(|c| c.is_lowercase()));
        if lost {
            let start = chars[..i]
                .iter()
                .rposition(|c| c.is_whitespace())
                .map_or(0, |p| p + 1);
            let end = chars[i..]
                .iter()
                .position(|c| c.is_whitespace())
                .map_or(chars.len(), |p| i + p);
            let word: String = chars[start..end].iter().collect();
            // An address's query ("x?id=1") is no lost letter.
            if word.contains("://") {
                continue;
            }
            return Some(word);
        }
    }
    None
}

/// The most characters a `field` may have (see where it is read).
pub const MAX_FIELD_CHARS: usize = 250;
/// Bounds on a procedure's texts and lists (see `Procedure::bounded`).
pub const MAX_TITLE_CHARS: usize = 2_500;
pub const MAX_TEXT_CHARS: usize = 3_000;
pub const MAX_ITEMS: usize = 200;
pub const MAX_PROCEDURE_CHARS: usize = 30_000;

pub const KEYS: &[&str] = &[
    "title",
    "url",
    "formality_id",
    "code",
    "field",
    "agency",
    "online",
    "summary",
    "processing_time",
    "fee",
    "result",
    "channels",
    "documents",
    "steps",
    "legal_basis",
    "source",
    "status",
];

#[derive(Debug, Clone)]
pub struct Procedure {
    /// The file it came from, kept so that layout can point at a field.
    pub src: Arc<SourceFile>,
    pub title: Located<String>,
    /// The QR target, normalised to ASCII (what the code and the link
    /// carry); located at whatever it was made from.
    pub url: Located<String>,
    pub link: Link,
    /// The portal's record id, lower case and hyphenated.
    pub formality_id: Option<Located<String>>,
    pub code: Option<Located<String>>,
    pub field: Option<Located<String>>,
    pub agency: Option<Located<String>>,
    pub online: Option<Located<Online>>,
    pub summary: Option<Located<String>>,
    pub processing_time: Option<Located<String>>,
    pub fee: Option<Located<String>>,
    pub result: Option<Located<String>>,
    pub channels: Vec<Located<String>>,
    pub documents: Vec<Located<String>>,
    pub steps: Vec<Located<String>>,
    pub legal_basis: Vec<Located<String>>,
    /// Where the facts were taken from: one address, or several.
    pub source: Vec<Located<String>>,
    /// Steps that came with their own number ("Bước 1: …", "1. …"), taken
    /// off because the print numbers them: where each was, for a warning.
    pub renumbered: Vec<usize>,
    /// Whether it is in force, as its list says ("Bị bãi bỏ theo …").
    pub status: Option<Located<String>>,
    /// The catalogue's candidates for its title when it asked which one
    /// is meant ("1.001193 — Thủ tục đăng ký khai sinh — …", best first):
    /// the warning about its search page is said there, and `toroi
    /// import` writes them into the file.
    pub candidates: Vec<String>,
    /// An old-database code replaced by the one its title matched.
    pub old_code: Option<String>,
}

impl Procedure {
    /// Loads and validates one procedure file, reporting every problem in it.
    pub fn load(path: &Path) -> Result<Procedure, Diagnostics> {
        let src = SourceFile::load(path)?;
        Procedure::parse(src)
    }

    pub fn parse(src: SourceFile) -> Result<Procedure, Diagnostics> {
        let src = Arc::new(src);
        let doc = toml_read::parse(&src)?;
        let mut diags = Diagnostics::new();
        let mut r = Reader::new(&src, doc.get_ref(), 0, "", &mut diags);
        r.reject_unknown_keys(KEYS);

        let title = r.required_string("title", "\"Đăng ký khai sinh\"");
        let given = r
            .string("url")
            .and_then(|u| match address::normalise(&u.value) {
                Ok(href) => Some(Located {
                    value: String::from(href),
                    offset: u.offset,
                }),
                Err((msg, hint)) => {
                    let d = src
                        .error_at(u.offset, format!("{msg}: `{}`", u.value))
                        .with_hint(hint);
                    r.diags.push(d);
                    None
                }
            });
        let formality_id =
            r.string("formality_id")
                .and_then(|f| match portal::formality_id(&f.value) {
                    Some(id) => Some(Located {
                        value: id.hyphenated().to_string(),
                        offset: f.offset,
                    }),
                    None => {
                        r.diags.push(
                            src.error_at(f.offset, crate::t!("formality-id-bad", value = &f.value))
                                .with_hint(crate::t!("formality-id-hint")),
                        );
                        None
                    }
                });
        let code = r.string("code");
        // The office's words too ("Toàn trình", "Một phần", "Không"), as
        // in lists.
        let online = r.string("online").and_then(|o| {
            match crate::model::list::online_level(&o.value).unwrap_or(o.value.as_str()) {
                "full" => Some(Located {
                    value: Online::Full,
                    offset: o.offset,
                }),
                "partial" => Some(Located {
                    value: Online::Partial,
                    offset: o.offset,
                }),
                "none" => Some(Located {
                    value: Online::None,
                    offset: o.offset,
                }),
                other => {
                    let d = src
                        .error_at(o.offset, crate::t!("online-bad", value = other))
                        .with_hint(crate::t!("online-hint"));
                    r.diags.push(d);
                    None
                }
            }
        });
        // `url` given always wins; then the portal's page for the id; then
        // the portal's search for the code, or for the title.
        let (url, link) = match (&given, &formality_id, &code, &title) {
            (Some(u), _, _, _) => (u.clone(), Link::Given),
            (None, Some(f), _, _) => (
                Located {
                    value: portal::detail_page(&uuid::Uuid::parse_str(&f.value).expect("checked")),
                    offset: f.offset,
                },
                Link::Portal,
            ),
            (None, None, Some(c), _) => (
                Located {
                    value: portal::search_page(&c.value),
                    offset: c.offset,
                },
                Link::Search,
            ),
            (None, None, None, Some(t)) => (
                Located {
                    value: portal::search_page(&portal::title_keywords(&t.value)),
                    offset: t.offset,
                },
                Link::Search,
            ),
            (None, None, None, None) => (
                Located {
                    value: String::new(),
                    offset: 0,
                },
                Link::Search,
            ),
        };
        // The print numbers steps itself: a number typed in front ("Bước 1:",
        // "1.") would print twice ("❶ Bước 1:").
        let mut renumbered = Vec::new();
        let steps: Vec<Located<String>> = r
            .string_list("steps")
            .into_iter()
            .map(|mut step| {
                let stripped = crate::model::list::row::strip_marker(&step.value);
                if stripped.len() != step.value.trim().len() && !stripped.is_empty() {
                    renumbered.push(step.offset);
                    step.value = stripped.to_owned();
                }
                step
            })
            .collect();
        let p = Procedure {
            code,
            formality_id,
            link,
            // "Lĩnh vực Hộ tịch", "3. Hộ tịch": the field is "Hộ tịch".
            field: r
                .string("field")
                .map(|mut f| {
                    let name = field_name(&f.value);
                    if name.len() != f.value.len() {
                        f.value = crate::text::capitalised(name);
                    }
                    f
                })
                .filter(|f| {
                    // The longest field of the national catalogue has 193
                    // characters; a longer one is a paste gone wrong, and would
                    // push the title off every page it heads.
                    let n = f.value.chars().count();
                    if n > MAX_FIELD_CHARS {
                        let d = src
                            .error_at(
                                f.offset,
                                crate::t!("field-too-long", n = n, max = MAX_FIELD_CHARS),
                            )
                            .with_hint(crate::t!("field-too-long-hint"));
                        r.diags.push(d);
                    }
                    n <= MAX_FIELD_CHARS
                }),
            agency: r.string("agency"),
            online,
            summary: r.string("summary"),
            processing_time: r.string("processing_time"),
            fee: r.string("fee"),
            result: r.string("result"),
            channels: r.string_list("channels"),
            documents: r.string_list("documents"),
            steps,
            renumbered,
            legal_basis: r.string_list("legal_basis"),
            source: r.text_or_list("source"),
            status: r.string("status"),
            candidates: Vec::new(),
            old_code: None,
            title: title.unwrap_or(Located {
                value: String::new(),
                offset: 0,
            }),
            url,
            src: src.clone(),
        };
        p.bounded(&mut diags);
        p.lost_letters(&mut diags);
        if diags.has_errors() {
            diags.sort();
            return Err(diags);
        }
        Ok(p)
    }

    /// Every text the procedure prints, with its key: the one list that
    /// the checks of glyphs, bounds and lost letters go through.
    pub fn printed_texts(&self) -> impl Iterator<Item = (&'static str, &Located<String>)> {
        let singles = [
            ("title", Some(&self.title)),
            ("code", self.code.as_ref()),
            ("field", self.field.as_ref()),
            ("agency", self.agency.as_ref()),
            ("summary", self.summary.as_ref()),
            ("processing_time", self.processing_time.as_ref()),
            ("fee", self.fee.as_ref()),
            ("result", self.result.as_ref()),
        ];
        let lists = [
            ("channels", &self.channels),
            ("documents", &self.documents),
            ("steps", &self.steps),
            ("legal_basis", &self.legal_basis),
        ];
        singles
            .into_iter()
            .filter_map(|(k, v)| v.map(|v| (k, v)))
            .chain(
                lists
                    .into_iter()
                    .flat_map(|(k, items)| items.iter().map(move |v| (k, v))),
            )
    }

    /// Notepad saving Vietnamese as "ANSI" (Windows-1258) turns every
    /// letter the code page lacks into `?`: "Đăng k? k?t hôn". In a file
    /// read as Windows-1258, a `?` inside a word, at a word's start, or
    /// after a word with more of the sentence following in lower case is a
    /// lost letter: an error at each text that has one, since the print
    /// would carry the damage.
    fn lost_letters(&self, diags: &mut Diagnostics) {
        if self.src.legacy.is_none() {
            return;
        }
        for (_, text) in self.printed_texts() {
            if let Some(word) = lost_letter(&text.value) {
                diags.push(
                    self.src
                        .error_at(text.offset, crate::t!("file-letters-lost", word = word))
                        .with_hint(crate::t!("file-letters-lost-hint")),
                );
            }
        }
    }

    /// Bounds on what a procedure holds, so that laying it out takes a
    /// moment whatever a file says: 45,000 documents took a poster 19 s and
    /// the phone image minutes. Each bound is far above any real procedure
    /// (the portal's longest title has 1,192 characters, a title may have twice that; a handbook section
    /// stops at 12 pages, about 30,000 characters).
    fn bounded(&self, diags: &mut Diagnostics) {
        let src = &self.src;
        let lists = [
            ("channels", &self.channels),
            ("documents", &self.documents),
            ("steps", &self.steps),
            ("legal_basis", &self.legal_basis),
        ];
        for (key, items) in lists {
            if let Some(extra) = items.get(MAX_ITEMS) {
                diags.push(
                    src.error_at(
                        extra.offset,
                        crate::t!("list-too-many", key = key, n = items.len(), max = MAX_ITEMS),
                    )
                    .with_hint(crate::t!("text-too-long-hint")),
                );
            }
        }
        let texts = self.printed_texts();
        let mut total = 0;
        for (key, value) in texts {
            let n = value.value.chars().count();
            total += n;
            let max = if key == "title" {
                MAX_TITLE_CHARS
            } else {
                MAX_TEXT_CHARS
            };
            if n > max {
                diags.push(
                    src.error_at(
                        value.offset,
                        crate::t!("text-too-long", key = key, n = n, max = max),
                    )
                    .with_hint(crate::t!("text-too-long-hint")),
                );
            }
        }
        if total > MAX_PROCEDURE_CHARS && !diags.has_errors() {
            diags.push(
                src.error_at(
                    self.title.offset,
                    crate::t!("procedure-too-long", n = total, max = MAX_PROCEDURE_CHARS),
                )
                .with_hint(crate::t!("text-too-long-hint")),
            );
        }
    }

    pub fn path(&self) -> &Path {
        &self.src.path
    }

    /// The name of files made for this procedure alone (a poster, a card
    /// image, an imported file): its file's name, or for a row of a list
    /// its title in ASCII.
    pub fn stem(&self) -> String {
        match &self.src.stem {
            Some(s) => s.clone(),
            None => self
                .path()
                .file_stem()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned(),
        }
    }

    /// Where the procedure came from, for messages and `toroi import`'s
    /// comments: the file, or the list's cell of its title.
    pub fn origin(&self) -> String {
        match (self.src.cells.first(), &self.code) {
            (Some(c), Some(code)) => {
                format!("{}:{} ({})", self.path().display(), c.cell, code.value)
            }
            (Some(c), None) => format!("{}:{}", self.path().display(), c.cell),
            (None, _) => self.path().display().to_string(),
        }
    }

    /// An error pointing at a field's value in this procedure's file.
    pub fn error_at(&self, offset: usize, message: impl Into<String>) -> Diagnostic {
        self.src.error_at(offset, message)
    }

    /// What prints but deserves a second look: an `http` link, no `source`
    /// for the facts, no documents or no steps.
    pub fn lint(&self) -> Diagnostics {
        let mut warnings = Diagnostics::new();
        let mut warn = |d: Diagnostic| {
            warnings.push(Diagnostic {
                severity: Severity::Warning,
                ..d
            })
        };
        if let Some(at) = self.src.legacy {
            warn(
                self.error_at(at, crate::t!("file-windows-1258"))
                    .with_hint(crate::t!("file-windows-1258-hint")),
            );
        }
        if self
            .url
            .value
            .get(..7)
            .is_some_and(|s| s.eq_ignore_ascii_case("http://"))
        {
            warn(
                self.error_at(self.url.offset, crate::t!("lint-http"))
                    .with_hint(crate::t!("lint-http-hint")),
            );
        }
        match self.link {
            Link::Search if !self.candidates.is_empty() || self.old_code.is_some() => {}
            Link::Search => {
                // A list's rows say it once for all (the cell shows the code).
                let message = match &self.code {
                    Some(_) if !self.src.cells.is_empty() => crate::t!("lint-search-its-code"),
                    Some(c) => crate::t!("lint-search-code", code = &c.value),
                    None => crate::t!("lint-search-title"),
                };
                warn(
                    self.error_at(self.url.offset, message)
                        .with_hint(crate::t!("lint-search-hint")),
                );
            }
            Link::Given | Link::Portal | Link::Catalogue | Link::Title => {}
        }
        match portal::concern(&self.url.value) {
            Some(portal::Concern::Retired { code }) => {
                let code = code.or_else(|| self.code.as_ref().map(|c| c.value.clone()));
                let search = code.map_or(String::new(), |c| {
                    crate::t!("lint-retired-search", page = portal::search_page(&c))
                });
                warn(
                    self.error_at(self.url.offset, crate::t!("lint-retired"))
                        .with_hint(crate::t!("lint-retired-hint", search = search)),
                );
            }
            Some(portal::Concern::FrontPage { host }) => warn(
                self.error_at(self.url.offset, crate::t!("lint-front-page", host = host))
                    .with_hint(crate::t!("lint-front-page-hint")),
            ),
            None => {}
        }
        // A list's user edits columns, not keys: the hint names the column.
        let in_list = !self.src.cells.is_empty();
        let column = |key: crate::model::list::Key| key.headers()[0];
        // What a message calls a field: `documents` in a file, the column
        // "Thành phần hồ sơ" in a list.
        let key_or_column = |key: crate::model::list::Key| match in_list {
            true => format!("\"{}\"", column(key)),
            false => format!("`{}`", key.name()),
        };
        if self.source.is_empty() {
            let (message, hint) = match in_list {
                true => (
                    crate::t!("lint-no-source-list"),
                    crate::t!(
                        "lint-no-source-list-hint",
                        column = column(crate::model::list::Key::Source)
                    ),
                ),
                false => (
                    crate::t!("lint-no-source"),
                    crate::t!("lint-no-source-hint"),
                ),
            };
            warn(
                Diagnostic::error(message)
                    .in_file(self.path())
                    .with_hint(hint),
            );
        }
        if let Some(&at) = self.renumbered.first() {
            warn(
                self.error_at(at, crate::t!("lint-renumbered", n = self.renumbered.len()))
                    .with_hint(crate::t!("lint-renumbered-hint")),
            );
        }
        use crate::model::list::Key;
        let missing = [(&self.documents, Key::Documents), (&self.steps, Key::Steps)];
        for (list, key) in missing {
            if list.is_empty() {
                let message = match key {
                    Key::Documents => crate::t!("lint-no-documents", key = key_or_column(key)),
                    _ => crate::t!("lint-no-steps", key = key_or_column(key)),
                };
                let hint = match in_list {
                    true => crate::t!("lint-add-column", column = column(key)),
                    false => crate::t!("lint-add-list", key = key.name()),
                };
                warn(self.error_at(self.title.offset, message).with_hint(hint));
            }
        }
        warnings
    }
}

/// Two procedures with the same national code: one is a copy of the other,
/// or a code was mistyped. Reported at the later file's `code`.
/// Procedures that share a portal id with an earlier one: a warning at
/// each (one of the two codes opens the other's page; lists copied by hand
/// have such slips).
pub fn shared_portal_ids(procedures: &[Procedure]) -> Diagnostics {
    let mut diags = Diagnostics::new();
    let mut seen: std::collections::HashMap<String, &Procedure> = std::collections::HashMap::new();
    for p in procedures {
        let Some(id) = &p.formality_id else { continue };
        let key = id.value.to_lowercase();
        if let Some(first) = seen.get(&key) {
            diags.push(
                p.error_at(
                    id.offset,
                    crate::t!("portal-id-shared", id = &id.value, other = first.origin()),
                )
                .as_warning()
                .with_hint(crate::t!("portal-id-shared-hint")),
            );
        } else {
            seen.insert(key, p);
        }
    }
    diags
}

/// Procedures whose code an earlier one has: an error at each, and their
/// indices (a row of a list shares its file with the others, so the file
/// alone does not say which to leave out). A procedure file and a list's
/// row with one code are not a mistake but a row taken out to edit (`toroi
/// import`, the studio's "import into a file of its own"): the file stands
/// for the procedure, the row is left out, with a warning that says so.
pub fn duplicate_codes(procedures: &[Procedure]) -> (Diagnostics, Vec<usize>) {
    let mut diags = Diagnostics::new();
    let mut repeated = Vec::new();
    let mut seen: std::collections::HashMap<&str, (usize, &Procedure)> =
        std::collections::HashMap::new();
    let is_row = |p: &Procedure| !p.src.cells.is_empty();
    for (i, p) in procedures.iter().enumerate() {
        let Some(code) = &p.code else { continue };
        if let Some(&(j, first)) = seen.get(code.value.as_str()) {
            if is_row(first) != is_row(p) {
                let (row, file, at) = match is_row(p) {
                    true => (p, first, i),
                    false => (first, p, j),
                };
                let row_code = row.code.as_ref().map_or(0, |c| c.offset);
                diags.push(
                    row.error_at(
                        row_code,
                        crate::t!(
                            "code-row-replaced",
                            code = &code.value,
                            file = file.path().display()
                        ),
                    )
                    .as_warning()
                    .with_hint(crate::t!("code-row-replaced-hint")),
                );
                repeated.push(at);
                if at == j {
                    seen.insert(&code.value, (i, p));
                }
                continue;
            }
            diags.push(
                p.error_at(
                    code.offset,
                    crate::t!("code-repeated", code = &code.value, other = first.origin()),
                )
                .with_hint(crate::t!("code-repeated-hint")),
            );
            repeated.push(i);
        } else {
            seen.insert(&code.value, (i, p));
        }
    }
    repeated.sort_unstable();
    (diags, repeated)
}

/// A field's name without its numbering ("I.", "23-", "A)") or the word
/// "Lĩnh vực" before it, in the case it was written: "3. Lĩnh vực Hộ
/// tịch" is "Hộ tịch", wherever it comes from.
pub fn field_name(text: &str) -> &str {
    let mut t = text.trim();
    // Numbering: "I.", "23-", "A)", "1." before the name.
    if let Some(pos) = t.find(['.', '-', ')', ':']) {
        let label = &t[..pos];
        if !label.is_empty() && label.len() <= 5 && !label.contains(' ') {
            t = t[pos + 1..].trim_start();
        }
    }
    let lower = t.to_lowercase();
    if lower.starts_with("lĩnh vực") {
        t = t["lĩnh vực".len()..].trim_start_matches([' ', ':', '-']);
    }
    if t.is_empty() {
        text.trim()
    } else {
        t
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn online_takes_the_office_words_as_lists_do() {
        for (word, level) in [
            ("Một phần", Online::Partial),
            ("toàn trình", Online::Full),
            ("Không", Online::None),
            ("partial", Online::Partial),
        ] {
            let p = parse(&format!(
                "title = \"Đăng ký khai sinh\"\ncode = \"1.001193\"\nonline = \"{word}\"\n"
            ))
            .unwrap();
            assert_eq!(p.online.unwrap().value, level, "{word}");
        }
        assert!(parse("title = \"A\"\ncode = \"1.001193\"\nonline = \"có lẽ\"\n").is_err());
    }

    #[test]
    fn a_letter_lost_to_a_code_page_is_told_from_a_question() {
        assert_eq!(lost_letter("Đăng k? k?t hôn").as_deref(), Some("k?"));
        assert_eq!(lost_letter("?y ban nhân dân").as_deref(), Some("?y"));
        assert_eq!(lost_letter("c?p x?").as_deref(), Some("c?p"));
        assert_eq!(lost_letter("Ai được đăng ký?"), None);
        assert_eq!(lost_letter("Có mất phí không? Không."), None);
        assert_eq!(lost_letter("xem https://a.vn/x?id=1 ở đó"), None);
    }
    use super::*;
    use std::path::PathBuf;

    fn parse(text: &str) -> Result<Procedure, Diagnostics> {
        Procedure::parse(SourceFile::new(PathBuf::from("p.toml"), text.to_owned()))
    }

    fn messages(text: &str) -> Vec<String> {
        parse(text)
            .unwrap_err()
            .iter()
            .map(|d| d.to_string())
            .collect()
    }

    #[test]
    fn steps_typed_with_their_numbers_print_once_numbered() {
        let p = parse(
            "title = \"A\"\nsteps = [\"Bước 1: Nộp hồ sơ\", \"2. Nhận kết quả\", \"Ký sổ\"]\n",
        )
        .unwrap();
        let steps: Vec<&str> = p.steps.iter().map(|s| s.value.as_str()).collect();
        assert_eq!(steps, ["Nộp hồ sơ", "Nhận kết quả", "Ký sổ"]);
        let warning = p
            .lint()
            .iter()
            .map(|d| d.to_string())
            .find(|m| m.contains("start with their own number"))
            .expect("a warning");
        assert!(
            warning.starts_with("p.toml:2:10: warning: 2 of the steps"),
            "{warning}"
        );
    }

    #[test]
    fn minimal_procedure_parses() {
        let p = parse("title = \"Đăng ký khai sinh\"\nurl = \"https://dichvucong.gov.vn/x\"\n")
            .unwrap();
        assert_eq!(p.title.value, "Đăng ký khai sinh");
        assert!(p.documents.is_empty());
    }

    #[test]
    fn unknown_key_names_the_nearest_known_key() {
        let m = messages("title = \"A\"\nurl = \"https://a.vn\"\ndocumets = [\"x\"]\n");
        assert_eq!(m.len(), 1);
        assert!(
            m[0].starts_with("p.toml:3:1: error: unknown key `documets`"),
            "{}",
            m[0]
        );
        assert!(m[0].contains("did you mean `documents`?"), "{}", m[0]);
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let m = messages("title = \"\"\nurl = \"www.a.vn\"\nonline = \"yes\"\nsteps = \"one\"\n");
        assert_eq!(m.len(), 4, "{m:#?}");
        assert!(m[0].contains("`title` is empty"));
        assert!(m[1].contains("must start with https://"));
        assert!(m[2].contains("`online` must be"));
        assert!(m[3].contains("`steps` must be a list of texts, not text"));
    }

    #[test]
    fn without_url_the_code_opens_the_portal() {
        let p = parse("title = \"Đăng ký thường trú\"\ncode = \"1.004222\"\n").unwrap();
        assert_eq!(
            p.url.value,
            "https://dichvucong.gov.vn/tim-kiem-thu-tuc-hanh-chinh?keyword=1.004222"
        );
        assert_eq!(p.link, Link::Search);
        let w: Vec<String> = p.lint().iter().map(|d| d.to_string()).collect();
        assert!(
            w.iter()
                .any(|w| w.starts_with("p.toml:2:8: warning: the national catalogue (July 2026) does not know the code 1.004222")),
            "{w:#?}"
        );

        let p = parse("title = \"A\"\nformality_id = \"019D2BFD-3FE0-70AC-B9D6-5E9E20D6EEF7\"\ncode = \"1.001193\"\n").unwrap();
        assert_eq!(
            p.url.value,
            "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7"
        );
        assert_eq!((p.link, p.url.offset), (Link::Portal, 27));

        let p = parse("title = \"A b\"\n").unwrap();
        assert!(p.url.value.ends_with("?keyword=A+b"), "{}", p.url.value);

        // `url` always wins.
        let p = parse("title = \"A\"\nurl = \"https://a.vn/x\"\nformality_id = \"019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7\"\n").unwrap();
        assert_eq!(
            (p.url.value.as_str(), p.link),
            ("https://a.vn/x", Link::Given)
        );

        let m = messages("title = \"A\"\nformality_id = \"1.001193\"\n");
        assert!(
            m[0].starts_with("p.toml:2:16: error: `formality_id` must be"),
            "{}",
            m[0]
        );
    }

    /// A procedure read from a row of a list is validated by the same
    /// function; its problems name the cells the values came from.
    #[test]
    fn a_row_of_a_list_reports_at_its_cells() {
        use crate::diag::Cell;
        use crate::model::CellSpan;
        let text = "title = \"Khai tử\"\nonline = \"co\"\nformality_id = \"x\"\n";
        let cell = |column, range: std::ops::Range<usize>, value: &str| CellSpan {
            range,
            cell: Cell {
                sheet: Some("Danh mục".to_owned()),
                row: 7,
                column,
            },
            value: value.to_owned(),
        };
        let mut src = SourceFile::new("danh-muc.xlsx", text);
        let online = text.find("\"co\"").unwrap();
        let id = text.find("\"x\"").unwrap();
        src.cells = vec![
            cell(2, 8..19, "Khai tử"),
            cell(5, online..online + 4, "co"),
            cell(9, id..id + 3, "x"),
        ];
        let m: Vec<String> = Procedure::parse(src)
            .unwrap_err()
            .iter()
            .map(|d| d.to_string())
            .collect();
        assert_eq!(m.len(), 2, "{m:#?}");
        assert!(
            m[0].starts_with("danh-muc.xlsx:Danh mục!E7: error: `online` must be"),
            "{}",
            m[0]
        );
        assert!(m[0].contains("cell Danh mục!E7: co"), "{}", m[0]);
        assert!(
            m[1].starts_with("danh-muc.xlsx:Danh mục!I7: error: `formality_id` must be"),
            "{}",
            m[1]
        );
    }

    #[test]
    fn retired_portal_route_warns_with_the_new_forms() {
        let p = parse("title = \"A\"\nurl = \"https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=1.001193\"\nsource = \"x\"\n").unwrap();
        let w: Vec<String> = p.lint().iter().map(|d| d.to_string()).collect();
        let retired = w.iter().find(|w| w.contains("2026 move")).expect("warned");
        assert!(retired.starts_with("p.toml:2:7: warning:"), "{retired}");
        assert!(
            retired
                .contains("https://dichvucong.gov.vn/tim-kiem-thu-tuc-hanh-chinh?keyword=1.001193"),
            "{retired}"
        );
        let p = parse("title = \"A\"\nurl = \"https://dichvucong.gov.vn\"\n").unwrap();
        let w: Vec<String> = p.lint().iter().map(|d| d.to_string()).collect();
        assert!(
            w.iter()
                .any(|w| w.contains("front page of dichvucong.gov.vn")),
            "{w:#?}"
        );
    }

    #[test]
    fn syntax_error_has_a_position() {
        let m = messages("title = \"A\nurl = \"https://a.vn\"\n");
        assert!(m[0].starts_with("p.toml:1:9"), "{}", m[0]);
        assert!(m[0].contains("no closing quote"), "{}", m[0]);
        let m = messages("title = \"A\"\nurl = [\"https://a.vn\"\n");
        assert!(m[0].starts_with("p.toml:"), "{}", m[0]);
        assert!(m[0].contains("TOML syntax error"), "{}", m[0]);
    }
}
