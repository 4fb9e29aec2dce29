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
        let message = e.message().trim().trim_end_matches('.').to_owned();
        src.error_at(offset, format!("TOML syntax error: {message}"))
            .with_hint(syntax_hint(&message))
    })
}

fn syntax_hint(message: &str) -> &'static str {
    if message.contains("string") || message.contains("quote") {
        "text values go in double quotes: key = \"value\"; a quote inside text is written \\\""
    } else if message.contains("duplicate") {
        "each key may appear once per table; delete or rename the second one"
    } else {
        "each line is `key = value`; text in double quotes, lists in [ ] separated by commas"
    }
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
                format!("unknown key `{}{name}`", self.prefix),
            );
            d = match nearest(name, known) {
                Some(k) => d.with_hint(format!(
                    "did you mean `{k}`? (a misspelt key would silently drop a field from print)"
                )),
                None => d.with_hint(format!("the known keys here are: {}", known.join(", "))),
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
                format!(
                    "`{}{key}` must be {expected}, not {}",
                    self.prefix,
                    describe(value.get_ref())
                ),
            )
            .with_hint(format!("write it like: {key} = {example}"));
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
                self.wrong_type(key, value, "text in double quotes", "\"...\"");
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
                self.wrong_type(key, value, "true or false (without quotes)", "true");
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
                self.wrong_type(key, value, "a number (without quotes)", example);
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
                        format!("`{}{key}` must be from {min} to {max}", self.prefix),
                    )
                    .with_hint(format!("write it like: {key} = {example}"));
                self.diags.push(d);
                None
            }
        }
    }

    /// A text value that must be present and non-empty.
    pub fn required_string(&mut self, key: &str, example: &str) -> Option<Located<String>> {
        let (message, offset, hint) = match self.get(key) {
            None => (
                "missing",
                self.table_offset,
                format!("add a line: {key} = {example}"),
            ),
            // Present as text, but only white space.
            Some(v) if matches!(v.get_ref(), DeValue::String(t) if t.trim().is_empty()) => (
                "empty",
                v.span().start,
                format!("write it like: {key} = {example}"),
            ),
            // Usable, or of the wrong type (which `string` reports).
            Some(_) => return self.string(key),
        };
        let d = self
            .src
            .error_at(offset, format!("`{}{key}` is {message}", self.prefix))
            .with_hint(hint);
        self.diags.push(d);
        None
    }

    /// An optional list of texts; empty entries are dropped.
    pub fn string_list(&mut self, key: &str) -> Vec<Located<String>> {
        let Some(value) = self.get(key) else {
            return Vec::new();
        };
        let DeValue::Array(items) = value.get_ref() else {
            self.wrong_type(key, value, "a list of texts", "[\"first\", \"second\"]");
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
                            format!(
                                "`{}{key}` must be a list of texts, but this item is {}",
                                self.prefix,
                                describe(other)
                            ),
                        )
                        .with_hint("put each item in double quotes, separated by commas");
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
                self.wrong_type(key, value, "a table", "{ key = \"value\" }");
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
            self.wrong_type(key, value, "a list of tables", "[[key]] sections");
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
                            format!(
                                "`{}{key}` entries must be tables, not {}",
                                self.prefix,
                                describe(other)
                            ),
                        )
                        .with_hint(format!("write each entry as a [[{key}]] section"));
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

fn describe(v: &DeValue<'_>) -> &'static str {
    match v {
        DeValue::String(_) => "text",
        DeValue::Integer(_) => "a number",
        DeValue::Float(_) => "a number",
        DeValue::Boolean(_) => "true/false",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "a list",
        DeValue::Table(_) => "a table",
    }
}

/// The known key closest to `name`, if it is close enough to be a typo.
pub fn nearest<'k>(name: &str, known: &[&'k str]) -> Option<&'k str> {
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
    fn clean_text_collapses_white_space() {
        assert_eq!(clean_text("  a\r\n  b\tc "), "a b c");
    }
}
