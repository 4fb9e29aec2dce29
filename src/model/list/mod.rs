//! Procedure lists: a spreadsheet (XLSX, XLS, ODS) or CSV file with a row
//! per procedure, as offices keep them, often copied from the annex of a
//! provincial decision. Each row becomes a procedure file's text (see
//! [`row`]) with its cells as origins, and is validated by the same
//! `Procedure::parse` as a TOML file.

mod compound;
mod guard;
mod header;
mod legacy;
pub mod row;
mod table;

use std::path::Path;

use crate::diag::{Cell, Diagnostic, Diagnostics};
use crate::model::source::SourceFile;

pub use header::{normalise as header_key, Column, Key};
pub use table::{decode, is_list};

use row::{Field, FieldValue};
use table::{Table, Value};

/// A list read: each procedure row as a procedure file's text, and what
/// was wrong (errors of rows left out, warnings about those kept).
pub struct Rows {
    pub rows: Vec<SourceFile>,
    pub problems: Diagnostics,
    /// Rows left out because of errors.
    pub broken: usize,
    /// The sheet the list was read from (None for CSV).
    pub sheet: Option<String>,
}

/// Reads the list at `path`: the sheet named `sheet`, else the first with
/// a recognisable header. Fails as a whole only when no table is found.
pub fn read(path: &Path, sheet: Option<&str>) -> Result<Rows, Diagnostics> {
    let tables = table::read(path, sheet)?;
    // Hidden sheets are said once each, whichever sheet is the list.
    let hidden: Diagnostics = tables
        .iter()
        .filter(|t| t.hidden)
        .flat_map(|t| t.problems.iter().cloned())
        .collect();
    let candidates: Vec<&Table> = match sheet {
        Some(name) => {
            let found: Vec<&Table> = tables
                .iter()
                .filter(|t| {
                    t.sheet
                        .as_deref()
                        .is_some_and(|s| s.trim().eq_ignore_ascii_case(name.trim()))
                })
                .collect();
            if found.is_empty() {
                let names: Vec<&str> = tables.iter().filter_map(|t| t.sheet.as_deref()).collect();
                return Err(Diagnostic::error(crate::t!("list-no-sheet", name = name))
                    .in_file(path)
                    .with_hint(crate::t!("list-sheets", names = names.join(", ")))
                    .into());
            }
            found
        }
        None => tables.iter().filter(|t| !t.hidden).collect(),
    };
    let mut closest: Vec<String> = Vec::new();
    for t in &candidates {
        match header::find(t) {
            Ok(h) => {
                let mut found = rows(path, t, &h);
                let mut problems = hidden;
                if !t.hidden {
                    problems.extend(t.problems.clone());
                }
                problems.extend(found.problems);
                found.problems = problems;
                return Ok(found);
            }
            Err(found) if closest.is_empty() => closest = found,
            Err(_) => {}
        }
    }
    let found = if closest.is_empty() {
        crate::t!("list-no-header")
    } else {
        crate::t!("list-headers-found", headers = closest.join(" | "))
    };
    // Headers whose letters a code page turned into "?" ("T?n th? t?c"):
    // renaming them would not help; saving the list again would.
    let hint = match closest
        .iter()
        .find_map(|h| crate::model::procedure_lost_letter(h))
    {
        Some(word) => crate::t!("list-header-letters-lost", word = word),
        None => crate::t!("list-no-title-column-hint"),
    };
    Err(
        Diagnostic::error(crate::t!("list-no-title-column", found = found))
            .in_file(path)
            .with_hint(hint)
            .into(),
    )
}

fn rows(path: &Path, table: &Table, h: &header::Header) -> Rows {
    let mut problems = Diagnostics::new();
    let header_row = &table.rows[h.row];
    // Unknown columns are named, the first few each; the rest counted (a
    // stranger's list may have thousands).
    const NAMED: usize = 5;
    let unknown: Vec<(usize, &String)> = h
        .columns
        .iter()
        .filter_map(|(col, c)| match c {
            header::Column::Unknown(name) => Some((*col, name)),
            _ => None,
        })
        .collect();
    for (k, (col, name)) in unknown.iter().enumerate().take(NAMED) {
        let mut message = crate::t!(
            "list-column-unknown",
            name = crate::text::shortened(name, 60)
        );
        if k + 1 == NAMED && unknown.len() > NAMED {
            message = format!(
                "{message} ({})",
                crate::t!("list-more-columns", n = unknown.len() - NAMED)
            );
        }
        problems.push(
            Diagnostic::warning(message)
                .in_file(path)
                .at_cell(table.cell(header_row.number, *col), Some((*name).clone()))
                .with_hint(crate::t!("list-column-unknown-hint")),
        );
    }
    let title_col = h.column(Key::Title).expect("a header has a title column");
    let keyed: Vec<(usize, Key)> = h
        .columns
        .iter()
        .filter_map(|(i, c)| match c {
            header::Column::Key(k) => Some((*i, *k)),
            _ => None,
        })
        .collect();
    // Two columns marking the online level with an "x".
    let marks: Vec<(usize, &'static str)> = h
        .columns
        .iter()
        .filter_map(|(i, c)| match c {
            header::Column::OnlineMark(level) => Some((*i, *level)),
            _ => None,
        })
        .collect();
    let ignored: Vec<usize> = h
        .columns
        .iter()
        .filter(|(_, c)| *c == header::Column::Ignored)
        .map(|(i, _)| *i)
        .collect();
    let heading = title_rows(table, h.row);
    let mut section: Option<(String, Cell, String)> = None;
    let mut out = Vec::new();
    let mut broken = 0;
    let mut stems = std::collections::HashSet::new();
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    for r in &table.rows[h.row + 1..] {
        let filled: Vec<&(usize, Value)> = r.filled().collect();
        // A section row: one text cell, often merged across the table
        // from the STT column ("I. LĨNH VỰC HỘ TỊCH"); it names the field
        // of the rows below.
        if let [(col, v)] = filled.as_slice() {
            if v.number.is_none() && (*col != title_col || looks_like_section(&v.text)) {
                section = Some((
                    section_field(&v.text),
                    table.cell(r.number, *col),
                    v.text.clone(),
                ));
                continue;
            }
        }
        // Empty, or only a running number.
        if filled.iter().all(|(c, _)| ignored.contains(c)) {
            continue;
        }
        let mut fields: Vec<Field> = Vec::new();
        let mut row_errors = Diagnostics::new();
        for &(col, key) in &keyed {
            // An Excel error where a value should be: the row cannot be
            // printed as the office meant it.
            if let Some(error) = r.get(col).and_then(|v| v.error.as_ref()) {
                row_errors.push(
                    Diagnostic::error(crate::t!("list-cell-error", error = error))
                        .in_file(path)
                        .at_cell(table.cell(r.number, col), Some(error.clone()))
                        .with_hint(crate::t!("list-cell-error-hint")),
                );
                continue;
            }
            let Some(v) = r.get(col).filter(|v| !v.text.trim().is_empty()) else {
                continue;
            };
            let cell = table.cell(r.number, col);
            let mut text = v.text.trim().to_owned();
            if let Some((converted, legacy)) = legacy::detect(&text) {
                problems.push(
                    Diagnostic::warning(crate::t!(
                        "list-legacy",
                        encoding = legacy.name(),
                        text = &converted
                    ))
                    .in_file(path)
                    .at_cell(cell.clone(), Some(text.clone()))
                    .with_hint(crate::t!("list-legacy-hint")),
                );
                text = converted;
            }
            let value = match key {
                Key::Code => {
                    if let Some(n) = v.number {
                        // Codes are "1.000420": six decimals, which a
                        // number cell has dropped the trailing zeros of.
                        let code = format!("{n:.6}");
                        problems.push(
                            Diagnostic::warning(crate::t!(
                                "list-code-number",
                                number = &v.text,
                                code = &code
                            ))
                            .in_file(path)
                            .at_cell(cell.clone(), Some(v.text.clone()))
                            .with_hint(crate::t!("list-code-number-hint")),
                        );
                        text = code;
                    }
                    FieldValue::One(text.clone())
                }
                Key::Online => match online(&text) {
                    Some(o) => FieldValue::One(o.to_owned()),
                    None => {
                        row_errors.push(
                            Diagnostic::error(crate::t!("list-online-bad", value = &text))
                                .in_file(path)
                                .at_cell(cell.clone(), Some(v.text.clone()))
                                .with_hint(crate::t!("list-online-bad-hint")),
                        );
                        continue;
                    }
                },
                // A fee typed as a number (2000): the amount the Vietnamese
                // way, with its unit ("2.000 đồng"), and a word about it.
                Key::Fee if v.number.is_some_and(|n| n >= 0.0 && n.fract() == 0.0) => {
                    let fee = format!(
                        "{} đồng",
                        crate::text::thousands(v.number.unwrap_or(0.0) as u64)
                    );
                    problems.push(
                        Diagnostic::warning(crate::t!("list-fee-number", fee = fee.as_str()))
                            .in_file(path)
                            .at_cell(cell.clone(), Some(v.text.clone()))
                            .with_hint(crate::t!("list-fee-number-hint")),
                    );
                    FieldValue::One(fee)
                }
                // "Lĩnh vực Hộ tịch", "3. Lĩnh vực đất đai": the field's name.
                Key::Field if header::normalise(&text).starts_with("linh vuc") => {
                    FieldValue::One(section_field(&text))
                }
                k if k.is_list() => FieldValue::Many(row::items(&text)),
                _ => FieldValue::One(text.clone()),
            };
            // Two status columns (an audit's status word and its reason)
            // say one thing: "repealed_…; Bị bãi bỏ theo 3509/QĐ-UBND".
            if let (Some(earlier), FieldValue::One(more)) = (
                fields
                    .iter_mut()
                    .find(|f| f.key == key && key == Key::Status),
                &value,
            ) {
                if let FieldValue::One(text) = &mut earlier.value {
                    text.push_str("; ");
                    text.push_str(more);
                }
                continue;
            }
            fields.push(Field {
                key,
                value,
                cell,
                shown: v.text.clone(),
            });
        }
        // A marked level column ("x" under "DVC toàn trình"), unless the
        // row says its level in words too.
        if !fields.iter().any(|f| f.key == Key::Online) {
            let marked = marks.iter().find_map(|&(col, level)| {
                r.get(col)
                    .filter(|v| is_mark(&v.text))
                    .map(|v| (col, level, v.text.clone()))
            });
            if let Some((col, level, shown)) = marked {
                fields.push(Field {
                    key: Key::Online,
                    value: FieldValue::One(level.to_owned()),
                    cell: table.cell(r.number, col),
                    shown,
                });
            }
        }
        // (An Excel error in the title's cell has been said already.)
        let title_error = r.get(title_col).is_some_and(|v| v.error.is_some());
        if !title_error && !fields.iter().any(|f| f.key == Key::Title) {
            row_errors.push(
                Diagnostic::error(crate::t!("list-row-no-title"))
                    .in_file(path)
                    .at_cell(table.cell(r.number, title_col), None)
                    .with_hint(crate::t!("list-row-no-title-hint")),
            );
        }
        if let Some((field, cell, shown)) = &section {
            if !fields.iter().any(|f| f.key == Key::Field) {
                fields.push(Field {
                    key: Key::Field,
                    value: FieldValue::One(field.clone()),
                    cell: cell.clone(),
                    shown: shown.clone(),
                });
            }
        }
        if row_errors.has_errors() {
            problems.extend(row_errors);
            broken += 1;
            continue;
        }
        // In the order of the procedure file's keys (title, address, code, ...).
        fields.sort_by_key(|f| {
            crate::model::procedure_keys()
                .iter()
                .position(|k| *k == f.key.name())
        });
        let title = match &fields[0].value {
            FieldValue::One(t) => t.clone(),
            FieldValue::Many(t) => t.join(" "),
        };
        let code = fields
            .iter()
            .find(|f| f.key == Key::Code)
            .map(|f| match &f.value {
                FieldValue::One(c) => c.clone(),
                FieldValue::Many(c) => c.join(" "),
            });
        let mut stem = row::slug(&title);
        if !stems.insert(stem.clone()) {
            stem = match &code {
                Some(c) => format!("{stem}-{}", row::slug(c)),
                None => format!("{stem}-{}", r.number),
            };
            if !stems.insert(stem.clone()) {
                stem = format!("{stem}-{}", r.number);
                stems.insert(stem.clone());
            }
        }
        let place = match &table.sheet {
            Some(s) => crate::t!(
                "list-place-sheet",
                file = &file_name,
                sheet = s,
                row = r.number
            ),
            None => crate::t!("list-place-line", file = &file_name, line = r.number),
        };
        let comment = crate::t!("list-imported-comment", place = place);
        let (text, cells) = row::write(&comment, &fields);
        let mut src = SourceFile::new(path, text);
        src.cells = cells;
        src.stem = Some(stem);
        src.heading = heading.clone();
        out.push(src);
    }
    if out.is_empty() && broken == 0 {
        problems.push(
            Diagnostic::warning(crate::t!("list-no-rows"))
                .in_file(path)
                .at_cell(table.cell(header_row.number, title_col), None)
                .with_hint(crate::t!("list-no-rows-hint")),
        );
    }
    Rows {
        rows: out,
        problems,
        broken,
        sheet: table.sheet.clone(),
    }
}

/// The rows above the header that say what the list is ("DANH MỤC THỦ
/// TỤC HÀNH CHÍNH…", "(Kèm theo Quyết định số 3508/QĐ-UBND ngày …)"):
/// each row's text cells joined, at most four rows of 300 characters; the
/// letterhead's short cells ("CỘNG HÒA XÃ HỘI…", "Độc lập - Tự do…") are
/// left out by keeping only rows that name a list or a decision.
fn title_rows(table: &Table, header_row: usize) -> Option<std::sync::Arc<[String]>> {
    let rows: Vec<String> = table.rows[..header_row]
        .iter()
        .filter_map(|r| {
            let text: Vec<&str> = r
                .filled()
                .map(|(_, v)| v.text.trim())
                .filter(|t| !t.is_empty())
                .collect();
            let line = text.join(" ");
            // (Not `normalise`: it drops the brackets such a row is in.)
            let n = deunicode::deunicode(&line).to_lowercase();
            let says = ["danh muc", "quyet dinh", "kem theo", "thu tuc"]
                .iter()
                .any(|w| n.contains(w));
            (says && !line.is_empty()).then(|| crate::text::shortened(&line, 300))
        })
        .take(4)
        .collect();
    (!rows.is_empty()).then(|| rows.into())
}

/// "I. LĨNH VỰC HỘ TỊCH", "23-Lĩnh vực hộ tịch", "A. LĨNH VỰC ĐẤT ĐAI".
fn looks_like_section(text: &str) -> bool {
    let n = header::normalise(text);
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    n.starts_with("linh vuc")
        || n.contains(" linh vuc ")
        || n.split(' ').nth(1).is_some_and(|w| w == "linh")
        || (!letters.is_empty() && letters.iter().all(|c| !c.is_lowercase()))
}

/// The field a section row names: its numbering and "Lĩnh vực" dropped,
/// capitals made sentence case ("I. LĨNH VỰC HỘ TỊCH" → "Hộ tịch").
fn section_field(text: &str) -> String {
    crate::text::capitalised(&crate::text::sentence_case(crate::model::field_name(text)))
}

/// The online level an office's wording means: "full", "partial" or "none".
pub fn online_level(text: &str) -> Option<&'static str> {
    online(text)
}

/// Whether a cell under a level column marks it: "x", "X", "✓", "1",
/// "có"; not an empty cell, "0" or "không".
fn is_mark(text: &str) -> bool {
    let n = header::normalise(text);
    let ticked = text
        .trim()
        .chars()
        .next()
        .is_some_and(|c| "✓✔☑✗✘•".contains(c));
    ticked || matches!(n.as_str(), "x" | "1" | "co" | "yes" | "v")
}

/// The `online` value a cell means: "Toàn trình" / "Mức độ 4" → full,
/// "Một phần" / "Mức độ 3" → partial, "Không" → none.
fn online(text: &str) -> Option<&'static str> {
    let n = header::normalise(text);
    let has = |s: &str| n == s || n.starts_with(&format!("{s} ")) || n.contains(&format!(" {s}"));
    if n == "full" || has("toan trinh") || has("muc do 4") || n == "4" {
        Some("full")
    } else if n == "partial" || has("mot phan") || has("muc do 3") || n == "3" {
        Some("partial")
    } else if n == "none"
        || n == "khong"
        || has("muc do 2")
        || has("muc do 1")
        || n == "2"
        || n == "1"
        || n == "truc tiep"
    {
        Some("none")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn section_rows_name_the_field() {
        assert_eq!(section_field("I. LĨNH VỰC HỘ TỊCH"), "Hộ tịch");
        assert_eq!(section_field("23-Lĩnh vực hộ tịch"), "Hộ tịch");
        assert_eq!(section_field("Lĩnh vực Đất đai"), "Đất đai");
        assert!(looks_like_section("II. LĨNH VỰC CHỨNG THỰC"));
        assert!(!looks_like_section("Đăng ký khai sinh"));
    }

    #[test]
    fn amounts_are_grouped_the_vietnamese_way() {
        assert_eq!(crate::text::thousands(2000), "2.000");
        assert_eq!(crate::text::thousands(1_234_567), "1.234.567");
        assert_eq!(crate::text::thousands(500), "500");
        assert_eq!(section_field("Lĩnh vực Hộ tịch"), "Hộ tịch");
        assert_eq!(section_field("3. Lĩnh vực đất đai"), "Đất đai");
    }

    #[test]
    fn a_field_loses_its_numbering_and_the_word_linh_vuc() {
        assert_eq!(crate::model::field_name("Lĩnh vực Hộ tịch"), "Hộ tịch");
        assert_eq!(crate::model::field_name("3. Lĩnh vực đất đai"), "đất đai");
        assert_eq!(
            crate::model::field_name("II- LĨNH VỰC CHỨNG THỰC"),
            "CHỨNG THỰC"
        );
        assert_eq!(crate::model::field_name("Y tế - Dược"), "Y tế - Dược");
        assert_eq!(crate::model::field_name("Lĩnh vực"), "Lĩnh vực");
        let p = crate::model::Procedure::parse(crate::model::source::SourceFile::new(
            "a.toml",
            "title = \"Đăng ký khai sinh\"\ncode = \"1.001193\"\nfield = \"2. Lĩnh vực hộ tịch\"\n",
        ))
        .unwrap();
        assert_eq!(p.field.unwrap().value, "Hộ tịch");
    }

    #[test]
    fn online_levels_are_read_from_office_wording() {
        assert_eq!(online("Toàn trình"), Some("full"));
        assert_eq!(online("DVC trực tuyến toàn trình"), Some("full"));
        assert_eq!(online("Mức độ 4"), Some("full"));
        assert_eq!(online("Một phần"), Some("partial"));
        assert_eq!(online("Mức độ 3"), Some("partial"));
        assert_eq!(online("Không"), Some("none"));
        assert_eq!(online("có lẽ"), None);
    }
}
