//! A procedure file edited as a form: the form's fields read from the
//! file's TOML and written back into it with `toml_edit`, so that the
//! user's comments, key order and line layout stay as they were.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use toml_edit::{Array, DocumentMut, Item, Value};

/// The one-line fields of a procedure file, in the form's order.
pub const TEXTS: &[&str] = &[
    "title",
    "code",
    "formality_id",
    "url",
    "field",
    "agency",
    "online",
    "summary",
    "processing_time",
    "fee",
    "result",
];

/// The fields that are lists, in the form's order.
pub const LISTS: &[&str] = &["documents", "steps", "channels", "legal_basis", "source"];

/// A field's value as the form holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum FormValue {
    Text(String),
    List(Vec<String>),
}

/// The form: field name → value. Fields it leaves out are left as they are.
pub type Fields = BTreeMap<String, FormValue>;

/// The form's fields of the procedure file `text`; a field the file lacks
/// is empty. An error when the text is not TOML.
pub fn read(text: &str) -> Result<Fields, String> {
    let doc: DocumentMut = text
        .parse()
        .map_err(|e: toml_edit::TomlError| e.to_string())?;
    let mut fields = Fields::new();
    for key in TEXTS {
        let v = doc.get(key).and_then(Item::as_str).unwrap_or("").to_owned();
        fields.insert((*key).to_owned(), FormValue::Text(v));
    }
    for key in LISTS {
        let items = match doc.get(key) {
            Some(item) => match item.as_array() {
                Some(a) => a
                    .iter()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .collect(),
                // `source = "…"`: one text where a list is expected.
                None => item
                    .as_str()
                    .map(|s| vec![s.to_owned()])
                    .unwrap_or_default(),
            },
            None => Vec::new(),
        };
        fields.insert((*key).to_owned(), FormValue::List(items));
    }
    Ok(fields)
}

/// `text` with the form's `fields` written into it: a changed value takes
/// the old one's place (its comment after it kept), an emptied field is
/// removed, a new one goes at the end; keys the form does not know, and
/// every comment, are kept.
pub fn apply(text: &str, fields: &Fields) -> Result<String, String> {
    let mut doc: DocumentMut = text
        .parse()
        .map_err(|e: toml_edit::TomlError| e.to_string())?;
    for (key, value) in fields {
        if !TEXTS.contains(&key.as_str()) && !LISTS.contains(&key.as_str()) {
            continue;
        }
        let new = match value {
            FormValue::Text(s) if s.trim().is_empty() => None,
            FormValue::Text(s) => Some(Value::from(s.trim())),
            FormValue::List(items) => {
                let items: Vec<&str> = items
                    .iter()
                    .map(|s| s.trim())
                    .filter(|s| !s.is_empty())
                    .collect();
                (!items.is_empty()).then(|| Value::Array(list(&items)))
            }
        };
        let Some(mut new) = new else {
            doc.remove(key);
            continue;
        };
        match doc.get_mut(key).and_then(Item::as_value_mut) {
            Some(old) if *old.to_string().trim() == *new.to_string().trim() => {}
            Some(old) => {
                *new.decor_mut() = old.decor().clone();
                *old = new;
            }
            None => {
                doc.insert(key, Item::Value(new));
            }
        }
    }
    Ok(doc.to_string())
}

/// A list as procedure files write it: one item a line when there are
/// several, so that a diff shows the one line that changed.
fn list(items: &[&str]) -> Array {
    let mut array = Array::new();
    for item in items {
        let mut v = Value::from(*item);
        if items.len() > 1 {
            v.decor_mut().set_prefix("\n  ");
        }
        array.push_formatted(v);
    }
    if items.len() > 1 {
        array.set_trailing("\n");
        array.set_trailing_comma(true);
    }
    array
}

/// The top-level key whose value holds line `line` (from 1) of `text`: the
/// form field a problem at that line is shown beside.
pub fn field_at(text: &str, line: usize) -> Option<String> {
    let mut current = None;
    for (i, l) in text.lines().enumerate() {
        let t = l.trim_start();
        let key: String = t
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        let is_key =
            !key.is_empty() && l.len() == t.len() && t[key.len()..].trim_start().starts_with('=');
        if is_key {
            current = Some(key);
        }
        if i + 1 == line {
            return current;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = r#"# Đăng ký kết hôn, checked with the ward on 2 Dec
title = "Đăng ký kết hôn"
code = "1.000894"   # the national code
fee = "Miễn lệ phí"
documents = [
  "Tờ khai",
  "Giấy tờ tùy thân", # both
]
status = "keep me"
"#;

    #[test]
    fn reads_every_field_and_empty_for_those_missing() {
        let f = read(FILE).unwrap();
        assert_eq!(f["title"], FormValue::Text("Đăng ký kết hôn".into()));
        assert_eq!(f["summary"], FormValue::Text(String::new()));
        assert_eq!(
            f["documents"],
            FormValue::List(vec!["Tờ khai".into(), "Giấy tờ tùy thân".into()])
        );
        assert_eq!(f["steps"], FormValue::List(vec![]));
    }

    #[test]
    fn a_changed_title_keeps_comments_order_and_unknown_keys() {
        let mut f = Fields::new();
        f.insert(
            "title".into(),
            FormValue::Text("Đăng ký kết hôn lưu động".into()),
        );
        f.insert("code".into(), FormValue::Text("1.000894".into()));
        let out = apply(FILE, &f).unwrap();
        assert!(out.starts_with("# Đăng ký kết hôn, checked with the ward on 2 Dec\n"));
        assert!(
            out.contains("title = \"Đăng ký kết hôn lưu động\"\n"),
            "{out}"
        );
        assert!(
            out.contains("code = \"1.000894\"   # the national code"),
            "{out}"
        );
        assert!(out.contains("\"Giấy tờ tùy thân\", # both"), "{out}");
        assert!(out.contains("status = \"keep me\""));
    }

    #[test]
    fn lists_are_rewritten_one_item_a_line_and_emptied_fields_removed() {
        let mut f = Fields::new();
        f.insert(
            "documents".into(),
            FormValue::List(vec!["Tờ khai".into(), " ".into(), "Ảnh 4×6".into()]),
        );
        f.insert("fee".into(), FormValue::Text("  ".into()));
        f.insert("steps".into(), FormValue::List(vec!["Nộp hồ sơ".into()]));
        let out = apply(FILE, &f).unwrap();
        assert!(
            out.contains("documents = [\n  \"Tờ khai\",\n  \"Ảnh 4×6\",\n]"),
            "{out}"
        );
        assert!(!out.contains("fee"), "{out}");
        assert!(out.contains("steps = [\"Nộp hồ sơ\"]"), "{out}");
        assert_eq!(
            read(&out).unwrap()["title"],
            FormValue::Text("Đăng ký kết hôn".into())
        );
    }

    #[test]
    fn a_line_is_placed_under_the_key_that_holds_it() {
        assert_eq!(field_at(FILE, 1), None);
        assert_eq!(field_at(FILE, 3).as_deref(), Some("code"));
        assert_eq!(field_at(FILE, 7).as_deref(), Some("documents"));
        assert_eq!(field_at(FILE, 9).as_deref(), Some("status"));
    }

    /// The form's fields are the keys a procedure file has: a key renamed
    /// in the model must be renamed here.
    #[test]
    fn every_field_of_the_form_is_a_key_of_a_procedure_file() {
        for key in TEXTS.iter().chain(LISTS) {
            assert!(crate::model::procedure::KEYS.contains(key), "{key}");
        }
    }

    #[test]
    fn text_that_is_not_toml_is_an_error_not_a_panic() {
        assert!(read("title = \"x").is_err());
        assert!(apply("[[[", &Fields::new()).is_err());
    }
}
