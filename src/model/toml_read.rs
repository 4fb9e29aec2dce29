//! Reading typed values out of a parsed TOML table, keeping positions.
//!
//! We walk toml's spanned document tree ourselves instead of using serde's
//! derive so that every problem (unknown key, wrong type, bad value) is
//! reported with its line and column, and all problems are reported at once.

use toml::de::{DeTable, DeValue};
use toml::Spanned;

use crate::diag::{Diagnostic, Diagnostics};
use crate::model::source::SourceFile;

pub type Table<'i> = DeTable<'i>;
pub type Value<'i> = Spanned<DeValue<'i>>;

/// A value read from a file, with the byte offset it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located<T> {
    pub value: T,
    pub offset: usize,
}

/// Parses a whole file into a spanned table, or reports the syntax error.
pub fn parse(src: &SourceFile) -> Result<Spanned<Table<'_>>, Diagnostic> {
    DeTable::parse(&src.text).map_err(|e| {
        let offset = e.span().map_or(0, |s| s.start);
        if let Some(d) = notepad_mistake(src, offset) {
            return d;
        }
        let message = e.message().trim().trim_end_matches('.').to_owned();
        let said = toml_message(&message);
        src.error_at(offset, crate::t!("toml-syntax", message = said.as_str()))
            .with_hint(syntax_hint(&message))
    })
}

/// The mistakes of a file typed in Notepad or pasted from Word, looked for
/// where the TOML reader stopped and said in their own words at their own
/// place: curly quotes, a Windows path's backslashes inside double quotes,
/// a text broken over two lines (which the reader notices a line late).
fn notepad_mistake(src: &SourceFile, offset: usize) -> Option<Diagnostic> {
    let text = &src.text;
    let offset = offset.min(text.len());
    let offset = (0..=offset).rev().find(|&i| text.is_char_boundary(i))?;
    let start_of = |at: usize| text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end_of = |at: usize| text[at..].find('\n').map_or(text.len(), |i| at + i);
    let line_start = start_of(offset);
    let line = &text[line_start..end_of(offset)];
    if let Some(i) = line.find(['\u{201C}', '\u{201D}', '\u{2018}', '\u{2019}']) {
        return Some(
            src.error_at(line_start + i, crate::t!("toml-curly"))
                .with_hint(crate::t!("toml-curly-hint")),
        );
    }
    // A key typed in Vietnamese: TOML keys are ASCII, so the reader stops
    // at its first marked letter.
    if let Some((key, _)) = line.split_once('=') {
        let key = key.trim();
        let at_key = offset < line_start + line.find('=').unwrap_or(0);
        if at_key && !key.is_ascii() && !key.starts_with(['"', '\'', '[']) {
            let column = line.find(key).unwrap_or(0);
            let meant: Vec<String> = vietnamese_key(key)
                .map(|keys| keys.iter().map(|k| format!("`{k}`")).collect())
                .unwrap_or_default();
            let hint = if meant.is_empty() {
                crate::t!("key-english")
            } else {
                crate::t!("key-did-you-mean-any", keys = meant.join(" / "))
            };
            return Some(
                src.error_at(line_start + column, crate::t!("key-unknown", key = key))
                    .with_hint(hint),
            );
        }
    }
    if let Some(i) = escape_in_basic_string(line) {
        return Some(
            src.error_at(line_start + i, crate::t!("toml-backslash"))
                .with_hint(crate::t!("toml-backslash-hint")),
        );
    }
    // A text not closed on its line: the line before the error first, as
    // the reader stops on the line after the break.
    let previous = (line_start > 0).then(|| start_of(line_start - 1));
    for start in previous.into_iter().chain([line_start]) {
        if let Some(i) = unclosed_quote(&text[start..end_of(start)]) {
            return Some(
                src.error_at(start + i, crate::t!("toml-unclosed"))
                    .with_hint(crate::t!("toml-unclosed-hint")),
            );
        }
    }
    None
}

/// Where a backslash that TOML cannot read as an escape sits inside a
/// double-quoted text of `line`.
fn escape_in_basic_string(line: &str) -> Option<usize> {
    let mut inside = false;
    let mut chars = line.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => inside = !inside,
            '\'' if !inside => return None,
            '#' if !inside => return None,
            '\\' if inside => {
                let next = chars.next().map(|(_, n)| n);
                if !matches!(next, Some('b' | 't' | 'n' | 'f' | 'r' | '"' | '\\' | 'e'))
                    && !escape_with_digits(next, &mut chars)
                {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

/// Whether `\u` / `\U` (already taken) is followed by its 4 or 8 hex digits.
fn escape_with_digits(
    kind: Option<char>,
    chars: &mut std::iter::Peekable<std::str::CharIndices<'_>>,
) -> bool {
    let n = match kind {
        Some('u') => 4,
        Some('U') => 8,
        _ => return false,
    };
    (0..n).all(|_| chars.next().is_some_and(|(_, c)| c.is_ascii_hexdigit()))
}

/// The opening quote of a double-quoted text that `line` leaves open.
fn unclosed_quote(line: &str) -> Option<usize> {
    if line.contains("\"\"\"") || line.contains("\'\'\'") {
        return None;
    }
    let mut open: Option<usize> = None;
    let mut single = false;
    let mut chars = line.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '#' if open.is_none() && !single => break,
            '\'' if open.is_none() => single = !single,
            '"' if !single => open = if open.is_some() { None } else { Some(i) },
            '\\' if open.is_some() => {
                chars.next();
            }
            _ => {}
        }
    }
    open
}

/// The TOML parser's message in the interface's language: its common
/// messages (what a hand-edited file runs into) have their own; any other
/// is shown as the parser says it.
fn toml_message(message: &str) -> String {
    if crate::i18n::current() == crate::i18n::Ui::En {
        return message.to_owned();
    }
    // "key with no value, expected `=`": what is wrong, then what the
    // parser expected, which the hint says in words.
    let what = message.split(", expected").next().unwrap_or(message).trim();
    let id = match what {
        "key with no value" => "toml-key-no-value",
        "string values must be quoted" => "toml-quote-values",
        "missing comma between array elements" => "toml-list-comma",
        "extra comma in array" => "toml-list-extra-comma",
        "duplicate key" => "toml-duplicate-key",
        "unclosed array" => "toml-unclosed-list",
        "unclosed table" | "unclosed array table" => "toml-unclosed-header",
        "missing value" | "missing value for key" => "toml-missing-value",
        "invalid unquoted key" => "toml-bad-key",
        "missing assignment between key-value pairs" => "toml-missing-equals",
        "unexpected content" | "unexpected key or value" => "toml-unexpected",
        "invalid value" => "toml-bad-value",
        "missing opening quote" => "toml-missing-opening-quote",
        _ => return message.to_owned(),
    };
    crate::i18n::message(id, &[])
}

fn syntax_hint(message: &str) -> String {
    if message.contains("string") || message.contains("quote") {
        crate::t!("toml-syntax-quotes-hint")
    } else if message.contains("duplicate") {
        crate::t!("toml-syntax-duplicate-hint")
    } else {
        crate::t!("toml-syntax-hint")
    }
}

/// Keys as Vietnamese users write them (without marks, words apart), and
/// the keys they mean, the first of those a table has being suggested:
/// `lệ_phí = …` is `fee`, `tên` is `title` in a procedure and `name` under
/// [issuer].
const VIETNAMESE_KEYS: &[(&str, &[&str])] = &[
    ("ten", &["title", "name"]),
    ("ten thu tuc", &["title"]),
    ("ten tthc", &["title"]),
    ("tieu de", &["title"]),
    ("phi", &["fee"]),
    ("le phi", &["fee"]),
    ("phi le phi", &["fee"]),
    ("thoi han", &["processing_time"]),
    ("thoi han giai quyet", &["processing_time"]),
    ("thoi gian", &["processing_time"]),
    ("thoi gian giai quyet", &["processing_time"]),
    ("ma", &["code"]),
    ("ma so", &["code"]),
    ("ma thu tuc", &["code"]),
    ("ma tthc", &["code"]),
    ("linh vuc", &["field"]),
    ("co quan", &["agency"]),
    ("co quan thuc hien", &["agency"]),
    ("tom tat", &["summary"]),
    ("mo ta", &["summary"]),
    ("ket qua", &["result"]),
    ("giay to", &["documents"]),
    ("ho so", &["documents"]),
    ("thanh phan ho so", &["documents"]),
    ("buoc", &["steps"]),
    ("cac buoc", &["steps"]),
    ("trinh tu", &["steps"]),
    ("trinh tu thuc hien", &["steps"]),
    ("can cu", &["legal_basis"]),
    ("can cu phap ly", &["legal_basis"]),
    ("cach thuc", &["channels"]),
    ("cach thuc thuc hien", &["channels"]),
    ("cach nop", &["channels"]),
    ("truc tuyen", &["online"]),
    ("muc do", &["online"]),
    ("nguon", &["source"]),
    ("duong dan", &["url"]),
    ("lien ket", &["url"]),
    ("dia chi", &["address", "url"]),
    ("duong day nong", &["hotline"]),
    ("so dien thoai", &["hotline"]),
    ("dien thoai", &["hotline"]),
    ("gio lam viec", &["office_hours"]),
    ("dia phuong", &["locality"]),
    ("khau hieu", &["slogan"]),
    ("bieu tuong", &["logo"]),
    ("ngon ngu", &["lang"]),
    ("thu tuc", &["procedures"]),
    ("cac thu tuc", &["procedures"]),
    ("don vi", &["issuer", "name"]),
    ("co quan ban hanh", &["issuer"]),
    ("chien dich", &["campaign"]),
    ("kho giay", &["size"]),
    ("loai", &["kind"]),
    ("tep", &["file"]),
];

/// The keys a Vietnamese name may mean ("lệ_phí", "le phi": `fee`).
fn vietnamese_key(name: &str) -> Option<&'static [&'static str]> {
    let ascii = deunicode::deunicode(name).to_lowercase();
    let words: Vec<&str> = ascii
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let words = words.join(" ");
    VIETNAMESE_KEYS
        .iter()
        .find(|(v, _)| *v == words)
        .map(|(_, keys)| *keys)
}

/// Reads the keys of one table and reports what is wrong with them.
pub struct Reader<'a, 'i, 'd> {
    pub src: &'a SourceFile,
    table: &'a Table<'i>,
    /// Where the table starts, for "missing key" messages.
    table_offset: usize,
    /// Prefix for key names in messages, e.g. `issuer.` in a campaign.
    prefix: &'static str,
    pub diags: &'d mut Diagnostics,
}

impl<'a, 'i, 'd> Reader<'a, 'i, 'd> {
    pub fn new(
        src: &'a SourceFile,
        table: &'a Table<'i>,
        table_offset: usize,
        prefix: &'static str,
        diags: &'d mut Diagnostics,
    ) -> Self {
        Reader {
            src,
            table,
            table_offset,
            prefix,
            diags,
        }
    }

    /// Reports every key that is not in `known`, suggesting the nearest known one.
    pub fn reject_unknown_keys(&mut self, known: &[&str]) {
        for (key, _) in self.table.iter() {
            let name: &str = key.get_ref();
            if known.contains(&name) {
                continue;
            }
            let mut d = self.src.error_at(
                key.span().start,
                crate::t!("key-unknown", key = format!("{}{name}", self.prefix)),
            );
            d = match nearest(name, known) {
                Some(k) => d.with_hint(crate::t!("key-did-you-mean", key = k)),
                None => d.with_hint(crate::t!("key-known", keys = known.join(", "))),
            };
            self.diags.push(d);
        }
    }

    pub fn get(&self, key: &str) -> Option<&'a Value<'i>> {
        self.table.get(key)
    }

    fn wrong_type(&mut self, key: &str, value: &Value<'i>, expected: &str, example: &str) {
        let d = self
            .src
            .error_at(
                value.span().start,
                crate::t!(
                    "key-wrong-type",
                    key = format!("{}{key}", self.prefix),
                    expected = expected,
                    found = describe(value.get_ref()),
                ),
            )
            .with_hint(crate::t!("key-write-like", key = key, example = example));
        self.diags.push(d);
    }

    /// An optional text value, trimmed. Empty text counts as absent.
    pub fn string(&mut self, key: &str) -> Option<Located<String>> {
        let value = self.get(key)?;
        match value.get_ref() {
            DeValue::String(s) => {
                let t = clean_text(s);
                (!t.is_empty()).then(|| Located {
                    value: t,
                    offset: value.span().start,
                })
            }
            _ => {
                self.wrong_type(key, value, &crate::t!("type-text"), "\"...\"");
                None
            }
        }
    }

    /// An optional true/false value.
    pub fn boolean(&mut self, key: &str) -> Option<Located<bool>> {
        let value = self.get(key)?;
        match value.get_ref() {
            DeValue::Boolean(b) => Some(Located {
                value: *b,
                offset: value.span().start,
            }),
            _ => {
                self.wrong_type(key, value, &crate::t!("type-bool"), "true");
                None
            }
        }
    }

    /// An optional number (integer or decimal) within `min..=max`.
    pub fn number(&mut self, key: &str, min: f64, max: f64, example: &str) -> Option<Located<f64>> {
        let value = self.get(key)?;
        let n = match value.get_ref() {
            DeValue::Integer(i) => i64::from_str_radix(&i.as_str().replace('_', ""), i.radix())
                .ok()
                .map(|i| i as f64),
            DeValue::Float(f) => f.as_str().replace('_', "").parse::<f64>().ok(),
            _ => {
                self.wrong_type(key, value, &crate::t!("type-number-bare"), example);
                return None;
            }
        };
        match n {
            Some(n) if (min..=max).contains(&n) => Some(Located {
                value: n,
                offset: value.span().start,
            }),
            _ => {
                let d = self
                    .src
                    .error_at(
                        value.span().start,
                        crate::t!(
                            "number-range",
                            key = format!("{}{key}", self.prefix),
                            min = min.to_string(),
                            max = max.to_string(),
                        ),
                    )
                    .with_hint(crate::t!("key-write-like", key = key, example = example));
                self.diags.push(d);
                None
            }
        }
    }

    /// A text value that must be present and non-empty.
    pub fn required_string(&mut self, key: &str, example: &str) -> Option<Located<String>> {
        let name = format!("{}{key}", self.prefix);
        let (message, offset, hint) = match self.get(key) {
            None => (
                crate::t!("key-missing", key = name.as_str()),
                self.table_offset,
                crate::t!("key-missing-hint", key = key, example = example),
            ),
            // Present as text, but only white space.
            Some(v) if matches!(v.get_ref(), DeValue::String(t) if t.trim().is_empty()) => (
                crate::t!("key-empty", key = name.as_str()),
                v.span().start,
                crate::t!("key-write-like", key = key, example = example),
            ),
            // Usable, or of the wrong type (which `string` reports).
            Some(_) => return self.string(key),
        };
        let d = self.src.error_at(offset, message).with_hint(hint);
        self.diags.push(d);
        None
    }

    /// An optional list of texts; empty entries are dropped.
    pub fn string_list(&mut self, key: &str) -> Vec<Located<String>> {
        let Some(value) = self.get(key) else {
            return Vec::new();
        };
        let DeValue::Array(items) = value.get_ref() else {
            self.wrong_type(
                key,
                value,
                &crate::t!("type-list"),
                "[\"first\", \"second\"]",
            );
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in items.iter() {
            match item.get_ref() {
                DeValue::String(s) => {
                    let t = clean_text(s);
                    if !t.is_empty() {
                        out.push(Located {
                            value: t,
                            offset: item.span().start,
                        });
                    }
                }
                other => {
                    let d = self
                        .src
                        .error_at(
                            item.span().start,
                            crate::t!(
                                "key-list-item",
                                key = format!("{}{key}", self.prefix),
                                found = describe(other),
                            ),
                        )
                        .with_hint(crate::t!("key-list-item-hint"));
                    self.diags.push(d);
                }
            }
        }
        out
    }

    /// An optional text, or a list of texts (`source`, with one address
    /// or several).
    pub fn text_or_list(&mut self, key: &str) -> Vec<Located<String>> {
        match self.get(key).map(|v| v.get_ref()) {
            Some(DeValue::String(_)) => self.string(key).into_iter().collect(),
            _ => self.string_list(key),
        }
    }

    /// An optional sub-table, with the offset where it starts.
    pub fn table(&mut self, key: &str) -> Option<(&'a Table<'i>, usize)> {
        let value = self.get(key)?;
        match value.get_ref() {
            DeValue::Table(t) => Some((t, value.span().start)),
            _ => {
                self.wrong_type(key, value, &crate::t!("type-table"), "{ key = \"value\" }");
                None
            }
        }
    }

    /// An optional list of tables (`[[key]]`).
    pub fn table_list(&mut self, key: &str) -> Vec<(&'a Table<'i>, usize)> {
        let Some(value) = self.get(key) else {
            return Vec::new();
        };
        let DeValue::Array(items) = value.get_ref() else {
            self.wrong_type(key, value, &crate::t!("type-table-list"), "[[key]]");
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in items.iter() {
            match item.get_ref() {
                DeValue::Table(t) => out.push((t, item.span().start)),
                other => {
                    let d = self
                        .src
                        .error_at(
                            item.span().start,
                            crate::t!(
                                "key-entries-tables",
                                key = format!("{}{key}", self.prefix),
                                found = describe(other)
                            ),
                        )
                        .with_hint(crate::t!("key-entries-tables-hint", key = key));
                    self.diags.push(d);
                }
            }
        }
        out
    }
}

/// Collapses runs of white space (including line breaks) to one space:
/// the layout decides where lines break, not the file.
fn clean_text(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn describe(v: &DeValue<'_>) -> String {
    match v {
        DeValue::String(_) => crate::t!("found-text"),
        DeValue::Integer(_) | DeValue::Float(_) => crate::t!("found-number"),
        DeValue::Boolean(_) => crate::t!("found-bool"),
        DeValue::Datetime(_) => crate::t!("found-date"),
        DeValue::Array(_) => crate::t!("found-list"),
        DeValue::Table(_) => crate::t!("found-table"),
    }
}

/// The known key closest to `name`, if it is close enough to be a typo.
pub fn nearest<'k>(name: &str, known: &[&'k str]) -> Option<&'k str> {
    // A key written in Vietnamese, with or without its marks.
    if let Some(keys) = vietnamese_key(name) {
        if let Some(k) = known.iter().find(|k| keys.contains(k)) {
            return Some(k);
        }
    }
    let lower = name.to_lowercase();
    known
        .iter()
        .map(|k| (strsim::damerau_levenshtein(&lower, k), *k))
        .filter(|(d, k)| *d <= 2.max(k.len() / 3))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_key_suggests_typos_only() {
        let known = ["title", "url", "documents", "processing_time"];
        assert_eq!(nearest("titel", &known), Some("title"));
        assert_eq!(nearest("Documets", &known), Some("documents"));
        assert_eq!(nearest("processing-time", &known), Some("processing_time"));
        assert_eq!(nearest("colour", &known), None);
    }

    #[test]
    fn a_key_written_in_vietnamese_suggests_the_key_it_means() {
        let known = ["title", "fee", "processing_time", "documents"];
        for v in ["lệ_phí", "le_phi", "phí", "Lệ phí"] {
            assert_eq!(nearest(v, &known), Some("fee"), "{v}");
        }
        assert_eq!(nearest("tên", &known), Some("title"));
        assert_eq!(nearest("thời_hạn", &known), Some("processing_time"));
        assert_eq!(nearest("thành_phần_hồ_sơ", &known), Some("documents"));
        // Under [issuer], "tên" is its name.
        assert_eq!(nearest("tên", &["name", "hotline"]), Some("name"));
        assert_eq!(
            nearest("đường_dây_nóng", &["name", "hotline"]),
            Some("hotline")
        );
    }

    fn parse_error(text: &str) -> String {
        let src = SourceFile::new("p.toml", text);
        let d = parse(&src).unwrap_err();
        format!("{d}")
    }

    #[test]
    fn notepad_mistakes_are_named_at_their_place() {
        // A Windows path in double quotes: at its first bad backslash.
        let m = parse_error("title = \"A\"\nlogo = \"C:\\Users\\CanBo\\Desktop\\logo.png\"\n");
        assert!(
            m.starts_with("p.toml:2:11: error: a backslash inside double quotes"),
            "{m}"
        );
        assert!(
            m.contains("C:/Users/") && m.contains("single quotes"),
            "{m}"
        );
        // Curly quotes pasted from Word.
        let m = parse_error("title = “Đăng ký khai sinh”\n");
        assert!(m.starts_with("p.toml:1:9: error: curly quotes"), "{m}");
        assert!(m.contains("straight quotes"), "{m}");
        // A line break inside a text: at its opening quote, not the next line.
        let m = parse_error("title = \"Đăng ký\nkhai sinh\"\nfee = \"0\"\n");
        assert!(
            m.starts_with("p.toml:1:9: error: this text has no closing quote"),
            "{m}"
        );
        // Valid escapes are no mistake.
        assert!(parse(&SourceFile::new("p.toml", "a = \"x\\ty\\u00e9\"\n")).is_ok());
    }

    #[test]
    fn clean_text_collapses_white_space() {
        assert_eq!(clean_text("  a\r\n  b\tc "), "a b c");
    }
}
