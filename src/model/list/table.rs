//! A list file as a grid of cells, whatever wrote it: XLSX, XLS and ODS
//! through calamine, CSV through the csv crate (after finding its
//! encoding and delimiter as Excel on a Vietnamese PC writes them).

use std::path::Path;

use calamine::{open_workbook_auto, Data, Reader};
use unicode_normalization::UnicodeNormalization;

use crate::diag::{Cell, Diagnostic, Diagnostics};
use crate::model::input::{self, limits};

/// A list's file kinds, by extension.
const SHEETS: [&str; 4] = ["xlsx", "xlsm", "xls", "ods"];

/// Whether `path` names a list (a spreadsheet or a CSV file), not a TOML
/// procedure file.
pub fn is_list(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_lowercase)
        .is_some_and(|e| e == "csv" || SHEETS.contains(&e.as_str()))
}

/// One cell's content, as text; a number keeps its value, since a code
/// stored as a number has lost its trailing zeros.
#[derive(Debug, Clone, PartialEq)]
pub struct Value {
    pub text: String,
    pub number: Option<f64>,
    /// An Excel error the cell shows ("#REF!", "#N/A"), in place of a value.
    pub error: Option<String>,
}

/// A row of the table: its number as the user sees it (the spreadsheet's
/// row, or the CSV line the record starts on) and its cells by column
/// (from 1).
#[derive(Debug, Clone)]
pub struct Row {
    pub number: usize,
    pub cells: Vec<(usize, Value)>,
}

impl Row {
    /// The cells that hold something.
    pub fn filled(&self) -> impl Iterator<Item = &(usize, Value)> {
        // An Excel error counts: it stands where a value should be.
        self.cells
            .iter()
            .filter(|(_, v)| !v.text.trim().is_empty() || v.error.is_some())
    }

    pub fn get(&self, column: usize) -> Option<&Value> {
        self.cells
            .iter()
            .find(|(c, _)| *c == column)
            .map(|(_, v)| v)
    }
}

/// One sheet (or the CSV file's one table).
#[derive(Debug, Clone)]
pub struct Table {
    /// None for CSV.
    pub sheet: Option<String>,
    pub rows: Vec<Row>,
    /// What reading it found: hidden rows left out, formulas without a
    /// saved value.
    pub problems: Diagnostics,
    /// A hidden sheet, left out: never the list unless named.
    pub hidden: bool,
}

impl Table {
    /// Where a cell is, for messages.
    pub fn cell(&self, row: usize, column: usize) -> Cell {
        Cell {
            sheet: self.sheet.clone(),
            row,
            column,
        }
    }
}

/// The tables of the list at `path`: a CSV file's one, or every sheet of a
/// workbook in order (the caller picks the one with a header).
/// `wanted` names the sheet asked for (`--sheet`), which is read even when hidden.
pub fn read(path: &Path, wanted: Option<&str>) -> Result<Vec<Table>, Diagnostics> {
    let is_csv = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    if is_csv {
        let bytes = input::read(path, limits::LIST_BYTES).map_err(|e| {
            Diagnostic::error(crate::t!("file-unreadable", reason = e.reason()))
                .in_file(path)
                .with_hint(crate::t!("path-spelling"))
        })?;
        return Ok(vec![csv_table(path, &bytes)?]);
    }
    input::check(path, limits::LIST_BYTES).map_err(|e| {
        Diagnostic::error(crate::t!("file-unreadable", reason = e.reason()))
            .in_file(path)
            .with_hint(crate::t!("path-spelling"))
    })?;
    // What calamine cannot be told: how large the sheets may be. The zip's
    // members and the sheets' extents are checked before it reads them.
    let facts = super::guard::workbook(path)?;
    // A panic inside calamine on a damaged file is a message about the file.
    input::guarded(|| workbook_tables(path, wanted, &facts)).unwrap_or_else(|reason| {
        Err(
            Diagnostic::error(crate::t!("sheet-unreadable", reason = reason))
                .in_file(path)
                .with_hint(crate::t!("sheet-unreadable-hint"))
                .into(),
        )
    })
}

/// The sheets of a workbook as tables: hidden sheets left out (unless
/// named), hidden rows left out, each with a warning; a sheet that cannot
/// be read is an error, never a reason to read the next one.
fn workbook_tables(
    path: &Path,
    wanted: Option<&str>,
    facts: &super::guard::Facts,
) -> Result<Vec<Table>, Diagnostics> {
    let mut book = open_workbook_auto(path).map_err(|e| {
        Diagnostic::error(crate::t!(
            "sheet-unreadable",
            reason = crate::model::input::reason_of(&e)
        ))
        .in_file(path)
        .with_hint(crate::t!("sheet-unreadable-hint"))
    })?;
    let is_wanted = |name: &str| wanted.is_some_and(|w| w.trim().eq_ignore_ascii_case(name.trim()));
    let sheets: Vec<(String, bool)> = book
        .sheets_metadata()
        .iter()
        .filter(|s| s.typ == calamine::SheetType::WorkSheet)
        .map(|s| (s.name.clone(), s.visible != calamine::SheetVisible::Visible))
        .collect();
    let mut tables = Vec::new();
    for (name, hidden) in sheets {
        let mut problems = Diagnostics::new();
        if hidden && !is_wanted(&name) {
            problems.push(
                Diagnostic::warning(crate::t!("list-sheet-hidden", sheet = &name))
                    .in_file(path)
                    .with_hint(crate::t!("list-sheet-hidden-hint", sheet = &name)),
            );
            tables.push(Table {
                sheet: Some(name),
                rows: Vec::new(),
                problems,
                hidden: true,
            });
            continue;
        }
        let range = book.worksheet_range(&name).map_err(|e| {
            Diagnostic::error(crate::t!(
                "sheet-damaged",
                sheet = &name,
                reason = crate::model::input::reason_of(&e)
            ))
            .in_file(path)
            .with_hint(crate::t!("sheet-unreadable-hint"))
        })?;
        let (row0, col0) = range.start().unwrap_or((0, 0));
        let (h, w) = range.get_size();
        // XLS has no zip to measure: its sheet is measured once read.
        if row0 as usize + h > limits::ROWS || col0 as usize + w > limits::COLUMNS {
            return Err(Diagnostic::error(crate::t!(
                "guard-too-far",
                rows = limits::ROWS,
                columns = limits::COLUMNS
            ))
            .in_file(path)
            .with_hint(crate::t!("guard-too-far-hint"))
            .into());
        }
        let f = facts.get(&name).cloned().unwrap_or_default();
        let cell = |row: usize, column: usize| Cell {
            sheet: Some(name.clone()),
            row,
            column,
        };
        for &(r, c) in f.unsaved_formulas.iter().take(1) {
            problems.push(
                Diagnostic::error(crate::t!(
                    "list-formula-unsaved",
                    n = f.unsaved_formulas.len()
                ))
                .in_file(path)
                .at_cell(cell(r, c), None)
                .with_hint(crate::t!("list-formula-unsaved-hint")),
            );
        }
        if let Some(&first) = f.hidden_rows.first() {
            problems.push(
                Diagnostic::warning(crate::t!("list-rows-hidden", n = f.hidden_rows.len()))
                    .in_file(path)
                    .at_cell(cell(first, 1), None)
                    .with_hint(crate::t!("list-rows-hidden-hint")),
            );
        }
        let mut rows = Vec::new();
        for (i, cells) in range.rows().enumerate() {
            let number = row0 as usize + i + 1;
            if f.hidden_rows.binary_search(&number).is_ok() {
                continue;
            }
            let mut row = Vec::new();
            for (j, d) in cells.iter().enumerate() {
                let column = col0 as usize + j + 1;
                if let Data::Error(e) = d {
                    row.push((
                        column,
                        Value {
                            text: String::new(),
                            number: None,
                            error: Some(e.to_string()),
                        },
                    ));
                    continue;
                }
                let Some(v) = value(d) else { continue };
                if v.text.chars().count() > limits::CELL_CHARS {
                    return Err(Diagnostic::error(crate::t!(
                        "list-cell-too-long",
                        n = v.text.chars().count(),
                        limit = limits::CELL_CHARS
                    ))
                    .in_file(path)
                    .at_cell(cell(number, column), None)
                    .with_hint(crate::t!("list-cell-too-long-hint"))
                    .into());
                }
                row.push((column, v));
            }
            rows.push(Row { number, cells: row });
        }
        tables.push(Table {
            sheet: Some(name),
            rows,
            problems,
            hidden,
        });
    }
    Ok(tables)
}

/// A spreadsheet cell as text, NFC; None when empty.
fn value(d: &Data) -> Option<Value> {
    let (text, number) = match d {
        Data::Empty => return None,
        Data::String(s) => (s.clone(), None),
        Data::Float(f) => (format_number(*f), Some(*f)),
        Data::Int(i) => (i.to_string(), Some(*i as f64)),
        Data::Bool(b) => (if *b { "TRUE" } else { "FALSE" }.to_owned(), None),
        Data::DateTime(dt) => (excel_date(dt.as_f64()), None),
        Data::DateTimeIso(s) | Data::DurationIso(s) => (s.clone(), None),
        Data::Error(_) => return None,
    };
    Some(Value {
        text: nfc(&text),
        number,
        error: None,
    })
}

/// An Excel date serial (days since 1899-12-30) as YYYY-MM-DD.
fn excel_date(serial: f64) -> String {
    // Howard Hinnant's days-to-civil, from 1970-01-01 (serial 25569).
    let z = serial.floor() as i64 - 25569 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// 50000 rather than 50000.0; 1.00042 as stored.
fn format_number(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}

fn nfc(s: &str) -> String {
    if unicode_normalization::is_nfc(s) {
        s.to_owned()
    } else {
        s.nfc().collect()
    }
}

/// Text of a CSV file as Excel writes it: UTF-8 with or without a BOM,
/// UTF-16 with a BOM ("Unicode text"), or, when the bytes are not UTF-8,
/// the Vietnamese Windows code page 1258 (plain "CSV" on a Vietnamese PC),
/// whose tone marks come as separate characters: hence NFC after.
pub fn decode(bytes: &[u8]) -> (String, &'static str) {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom..]);
        return (nfc(&text), encoding.name());
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => (nfc(s), "UTF-8"),
        Err(_) => {
            let (text, _) = encoding_rs::WINDOWS_1258.decode_without_bom_handling(bytes);
            (nfc(&text), "windows-1258")
        }
    }
}

/// The delimiter that splits the first records most consistently into
/// more than one field: `,`, `;` (Excel where the decimal mark is a comma)
/// or tab. Commas inside unquoted text of a `;` file split unevenly, so
/// counting characters would not do.
fn sniff(text: &str) -> u8 {
    let mut best = (b',', 0usize, 0usize);
    for delimiter in [b',', b';', b'\t'] {
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        let mut counts = std::collections::HashMap::new();
        for record in reader.records().take(40).flatten() {
            let fields = record.iter().filter(|f| !f.trim().is_empty()).count();
            if fields > 1 {
                *counts.entry(record.len()).or_insert(0usize) += 1;
            }
        }
        if let Some((&fields, &rows)) = counts.iter().max_by_key(|(f, r)| (**r, **f)) {
            if (rows, fields) > (best.1, best.2) {
                best = (delimiter, rows, fields);
            }
        }
    }
    best.0
}

fn csv_table(path: &Path, bytes: &[u8]) -> Result<Table, Diagnostics> {
    let (text, _) = decode(bytes);
    if text.trim().is_empty() {
        return Err(Diagnostic::error(crate::t!("file-empty"))
            .in_file(path)
            .with_hint(crate::t!("list-empty-hint"))
            .into());
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(sniff(&text))
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    // (byte, line breaks before it): where the last record started.
    let mut counted = (0usize, 0usize);
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                // The line the record starts on (the csv crate counts
                // records, not the line breaks inside quoted cells).
                let line = record.position().map_or(0, |p| {
                    // The position may fall on the previous line's end.
                    let mut at = (p.byte() as usize).min(text.len());
                    while matches!(text.as_bytes().get(at), Some(b'\r' | b'\n')) {
                        at += 1;
                    }
                    // Counted on from the previous record, not from the start.
                    let (from, lines) = counted;
                    let at = at.max(from);
                    let line = lines
                        + text.as_bytes()[from..at]
                            .iter()
                            .filter(|b| **b == b'\n')
                            .count();
                    counted = (at, line);
                    line + 1
                });
                // The limits, before anything is kept of the record.
                let at = |column: usize| Cell {
                    sheet: None,
                    row: line,
                    column,
                };
                let far = record
                    .iter()
                    .enumerate()
                    .skip(limits::COLUMNS)
                    .find(|(_, f)| !f.trim().is_empty());
                if rows.len() >= limits::ROWS || far.is_some() {
                    let column = far.map_or(1, |(i, _)| i + 1);
                    return Err(Diagnostic::error(crate::t!(
                        "guard-too-far",
                        rows = limits::ROWS,
                        columns = limits::COLUMNS
                    ))
                    .in_file(path)
                    .at_cell(at(column), None)
                    .with_hint(crate::t!("guard-too-far-hint"))
                    .into());
                }
                if let Some((i, f)) = record.iter().enumerate().find(|(_, f)| {
                    f.len() > limits::CELL_CHARS && f.chars().count() > limits::CELL_CHARS
                }) {
                    return Err(Diagnostic::error(crate::t!(
                        "list-cell-too-long",
                        n = f.chars().count(),
                        limit = limits::CELL_CHARS
                    ))
                    .in_file(path)
                    .at_cell(at(i + 1), None)
                    .with_hint(crate::t!("list-cell-too-long-hint"))
                    .into());
                }
                rows.push(Row {
                    number: line,
                    cells: record
                        .iter()
                        .enumerate()
                        .filter(|(_, f)| !f.is_empty())
                        .map(|(i, f)| {
                            (
                                i + 1,
                                Value {
                                    // Excel writes line breaks in cells as CRLF.
                                    text: f.replace("\r\n", "\n"),
                                    number: None,
                                    error: None,
                                },
                            )
                        })
                        .collect(),
                });
            }
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as usize);
                return Err(Diagnostic::error(crate::t!(
                    "csv-unreadable",
                    reason = crate::model::input::reason_of(&e)
                ))
                .in_file(path)
                .at_cell(
                    Cell {
                        sheet: None,
                        row: line,
                        column: 1,
                    },
                    None,
                )
                .with_hint(crate::t!("csv-unreadable-hint"))
                .into());
            }
        }
    }
    Ok(Table {
        sheet: None,
        rows,
        problems: Diagnostics::new(),
        hidden: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings_excel_writes_decode_to_the_same_nfc_text() {
        let title = "Đăng ký khai sinh";
        let mut utf8_bom = b"\xEF\xBB\xBF".to_vec();
        utf8_bom.extend_from_slice(title.as_bytes());
        let mut utf16 = vec![0xFF, 0xFE];
        for u in title.encode_utf16() {
            utf16.extend_from_slice(&u.to_le_bytes());
        }
        // Windows-1258 has "ă" and "Đ" but no "ý": Excel writes "y" and a
        // combining acute.
        let (cp1258, _, unmappable) = encoding_rs::WINDOWS_1258.encode("Đăng ky\u{301} khai sinh");
        assert!(!unmappable);
        for (bytes, name) in [
            (title.as_bytes().to_vec(), "UTF-8"),
            (utf8_bom, "UTF-8"),
            (utf16, "UTF-16LE"),
            (cp1258.into_owned(), "windows-1258"),
        ] {
            assert_eq!(decode(&bytes), (title.to_owned(), name));
        }
    }

    #[test]
    fn excel_dates_are_iso() {
        assert_eq!(excel_date(46023.0), "2026-01-01");
        assert_eq!(excel_date(25569.5), "1970-01-01");
    }

    #[test]
    fn the_delimiter_is_the_one_that_splits_rows_evenly() {
        let semicolon = "Mã TTHC;Tên thủ tục;Lĩnh vực\n1.001193;Cấp, cấp lại giấy phép, gia hạn;Hộ tịch\n2.000635;Trích lục;Hộ tịch\n";
        assert_eq!(sniff(semicolon), b';');
        assert_eq!(sniff("a,b,c\n1,\"x;y\",3\n"), b',');
        assert_eq!(sniff("a\tb\n1\t2\n"), b'\t');
    }

    #[test]
    fn csv_rows_keep_their_line_numbers_across_multi_line_cells() {
        let text = "title,documents\r\nA,\"one\r\ntwo\"\r\nB,x\r\n";
        let t = csv_table(Path::new("l.csv"), text.as_bytes()).unwrap();
        assert_eq!(t.rows.len(), 3);
        assert_eq!(t.rows[1].get(2).unwrap().text, "one\ntwo");
        assert_eq!(t.rows[2].number, 4);
    }
}
