//! One row of a list written as a procedure file: TOML text for hand
//! editing (what `toroi import` writes) and, for each value, the cell it
//! came from, so that `Procedure::parse` validates a row exactly as it
//! validates a file and its messages name the cell.

use crate::diag::Cell;
use crate::model::source::CellSpan;

use super::header::Key;

/// A value of the row and its cell.
#[derive(Debug, Clone)]
pub struct Field {
    pub key: Key,
    pub value: FieldValue,
    pub cell: Cell,
    /// The cell's text as the spreadsheet shows it, for messages.
    pub shown: String,
}

#[derive(Debug, Clone)]
pub enum FieldValue {
    One(String),
    Many(Vec<String>),
}

/// The row as a procedure file: its text and where each value lies.
pub fn write(header_comment: &str, fields: &[Field]) -> (String, Vec<CellSpan>) {
    let mut text = String::new();
    for line in header_comment.lines() {
        text.push_str("# ");
        text.push_str(line);
        text.push('\n');
    }
    let mut cells = Vec::new();
    for f in fields {
        text.push_str(f.key.name());
        text.push_str(" = ");
        let start = text.len();
        match &f.value {
            FieldValue::One(v) => text.push_str(&string(v)),
            FieldValue::Many(items) if items.len() == 1 => {
                text.push('[');
                text.push_str(&string(&items[0]));
                text.push(']');
            }
            FieldValue::Many(items) => {
                // One item per line: what a person editing in Notepad expects.
                text.push_str("[\n");
                for item in items {
                    text.push_str("  ");
                    text.push_str(&string(item));
                    text.push_str(",\n");
                }
                text.push(']');
            }
        }
        cells.push(CellSpan {
            range: start..text.len(),
            cell: f.cell.clone(),
            value: f.shown.clone(),
        });
        text.push('\n');
    }
    (text, cells)
}

/// A TOML string: a basic string, or a multi-line one when the value has
/// line breaks.
fn string(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    let multi = value.contains('\n');
    out.push_str(if multi { "\"\"\"\n" } else { "\"" });
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' if multi => out.push('\n'),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push_str(if multi { "\"\"\"" } else { "\"" });
    out
}

/// A cell's lines as list items: bullets and numbering removed ("- ",
/// "+ ", "•", "a)", "1.", "Bước 1:"), empty lines dropped.
pub fn items(text: &str) -> Vec<String> {
    text.lines()
        .map(strip_marker)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

pub use crate::text::strip_marker;

/// A file name for the procedure, ASCII without diacritics:
/// "Đăng ký khai sinh" → "dang-ky-khai-sinh", at most about 60 characters,
/// cut between words.
pub fn slug(title: &str) -> String {
    let ascii = deunicode::deunicode(title).to_lowercase();
    let mut out = String::new();
    for word in ascii
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() && out.len() + 1 + word.len() > 60 {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(word);
    }
    if out.is_empty() {
        out.push_str("thu-tuc");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_markers_are_removed() {
        let cell = "- Tờ khai\n+ Giấy chứng sinh\n• Hộ chiếu\na) Bản sao\nBước 1: Nộp hồ sơ\n2. Nhận kết quả\n\n";
        assert_eq!(
            items(cell),
            [
                "Tờ khai",
                "Giấy chứng sinh",
                "Hộ chiếu",
                "Bản sao",
                "Nộp hồ sơ",
                "Nhận kết quả"
            ]
        );
        // A number that is part of the text stays.
        assert_eq!(items("1.000 đồng"), ["1.000 đồng"]);
    }

    #[test]
    fn slugs_are_ascii_and_short() {
        assert_eq!(slug("Đăng ký khai sinh"), "dang-ky-khai-sinh");
        assert_eq!(
            slug("Cấp, cấp lại Giấy phép (mới)"),
            "cap-cap-lai-giay-phep-moi"
        );
        assert!(slug(&"Thủ tục rất dài ".repeat(20)).len() <= 60);
    }

    #[test]
    fn written_rows_are_toml_with_spans_on_their_values() {
        let cell = |column| Cell {
            sheet: Some("Sheet1".into()),
            row: 7,
            column,
        };
        let fields = vec![
            Field {
                key: Key::Title,
                value: FieldValue::One("Đăng ký \"khai\" sinh".into()),
                cell: cell(2),
                shown: String::new(),
            },
            Field {
                key: Key::Documents,
                value: FieldValue::Many(vec!["Tờ khai".into(), "Giấy \\ chứng sinh".into()]),
                cell: cell(5),
                shown: String::new(),
            },
            Field {
                key: Key::Summary,
                value: FieldValue::One("Dòng một\nDòng hai".into()),
                cell: cell(6),
                shown: String::new(),
            },
        ];
        let (text, spans) = write("From l.xlsx", &fields);
        let t: toml::Table = toml::from_str(&text).unwrap();
        assert_eq!(t["title"].as_str(), Some("Đăng ký \"khai\" sinh"));
        assert_eq!(t["documents"].as_array().unwrap().len(), 2);
        assert_eq!(t["summary"].as_str(), Some("Dòng một\nDòng hai"));
        assert!(text[spans[1].range.clone()].contains("Tờ khai"));
    }
}
