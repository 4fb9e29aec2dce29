//! What a spreadsheet from a stranger may make toroi do, checked before
//! calamine reads it: a 1.5 KB XLSX with a cell at XFD1048576 asks for a
//! grid of 17 billion cells, a 2 MB one inflates to gigabytes, an ODS row
//! repeated a million times is a million rows. The zip's members are
//! measured from its directory (nothing inflated), then each sheet's XML is
//! streamed once (bounded by the member's size) for the extent of its
//! filled cells, its hidden rows and its formulas without a saved value.

use std::collections::HashMap;
use std::io::{BufReader, Read};
use std::path::Path;

use quick_xml::events::{BytesStart, Event};

use crate::diag::{Cell, Diagnostic, Diagnostics};
use crate::model::input::limits;

/// What the scan of one sheet found, for the reader.
#[derive(Debug, Default, Clone)]
pub struct SheetFacts {
    /// Rows hidden in the spreadsheet (1-based).
    pub hidden_rows: Vec<usize>,
    /// Cells with a formula and no saved value: (row, column), 1-based.
    pub unsaved_formulas: Vec<(usize, usize)>,
}

/// The facts of each sheet, by name (XLSX only; empty for others).
pub type Facts = HashMap<String, SheetFacts>;

/// Checks a workbook's size and shape; its sheets' facts when it is XLSX.
pub fn workbook(path: &Path) -> Result<Facts, Diagnostics> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_lowercase)
        .unwrap_or_default();
    let zipped = matches!(ext.as_str(), "xlsx" | "xlsm" | "ods");
    let fail = |message: String, hint: String| -> Diagnostics {
        Diagnostic::error(message)
            .in_file(path)
            .with_hint(hint)
            .into()
    };
    if !zipped {
        // XLS is a compound file: its chains are checked here, then
        // calamine reads it under a guard.
        if ext == "xls" {
            let bytes = crate::model::input::read(path, limits::LIST_BYTES).map_err(|e| {
                fail(
                    crate::t!("file-unreadable", reason = e.reason()),
                    crate::t!("path-spelling"),
                )
            })?;
            if let Err(damage) = super::compound::check(&bytes) {
                let reason = match damage {
                    super::compound::Damage::NotCompound => crate::t!("guard-xls-not-compound"),
                    super::compound::Damage::Counts => crate::t!("guard-xls-counts"),
                    super::compound::Damage::Loop => crate::t!("guard-xls-loop"),
                };
                return Err(fail(
                    crate::t!("sheet-unreadable", reason = reason),
                    crate::t!("sheet-unreadable-hint"),
                ));
            }
        }
        return Ok(Facts::new());
    }
    let file = std::fs::File::open(path).map_err(|e| {
        fail(
            crate::t!("file-unreadable", reason = crate::i18n::io_error(&e)),
            crate::t!("path-spelling"),
        )
    })?;
    let Ok(mut zip) = zip::ZipArchive::new(file) else {
        return Err(fail(
            crate::t!("sheet-unreadable", reason = crate::t!("guard-not-zip")),
            crate::t!("sheet-unreadable-hint"),
        ));
    };
    // Sizes as the zip's directory declares them; the reader never gives
    // more than the declared size of a member.
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let Ok(member) = zip.by_index_raw(i) else {
            continue;
        };
        let size = member.size();
        total = total.saturating_add(size);
        if size > limits::MEMBER_BYTES || total > limits::INFLATED_BYTES {
            return Err(fail(
                crate::t!(
                    "guard-inflates",
                    mb = size.max(total) / 1_000_000,
                    limit = limits::MEMBER_BYTES / 1_000_000
                ),
                crate::t!("guard-inflates-hint"),
            ));
        }
    }
    if ext == "ods" {
        let Ok(content) = zip.by_name("content.xml") else {
            return Ok(Facts::new());
        };
        ods_extent(path, content)?;
        return Ok(Facts::new());
    }
    let sheets = xlsx_sheets(&mut zip);
    let mut facts = Facts::new();
    for (name, member) in sheets {
        let Ok(xml) = zip.by_name(&member) else {
            continue;
        };
        let f = xlsx_sheet(path, &name, xml)?;
        facts.insert(name, f);
    }
    Ok(facts)
}

/// The sheets of an XLSX workbook in order: (name, member path).
fn xlsx_sheets<R: Read + std::io::Seek>(zip: &mut zip::ZipArchive<R>) -> Vec<(String, String)> {
    let mut targets: HashMap<String, String> = HashMap::new();
    if let Ok(rels) = zip.by_name("xl/_rels/workbook.xml.rels") {
        each_start(rels, |e| {
            if e.local_name().as_ref() == "Relationship" {
                if let (Some(id), Some(target)) = (attr(e, "Id"), attr(e, "Target")) {
                    let member = match target.strip_prefix('/') {
                        Some(abs) => abs.to_owned(),
                        None => format!("xl/{target}"),
                    };
                    targets.insert(id, member);
                }
            }
        });
    }
    let mut sheets = Vec::new();
    if let Ok(book) = zip.by_name("xl/workbook.xml") {
        each_start(book, |e| {
            if e.local_name().as_ref() == "sheet" {
                let id = e.attributes().flatten().find_map(|a| {
                    (a.key.local_name().as_ref() == "id").then(|| a.value.to_string())
                });
                if let (Some(name), Some(member)) =
                    (attr(e, "name"), id.and_then(|id| targets.get(&id).cloned()))
                {
                    sheets.push((name, member));
                }
            }
        });
    }
    sheets
}

/// Calls `f` on every start (or empty) element of a small XML member.
fn each_start(member: impl Read, mut f: impl FnMut(&BytesStart)) {
    let mut reader = quick_xml::Reader::from_reader(BufReader::new(member));
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) => f(&e),
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
        buf.clear();
    }
}

fn attr(e: &BytesStart, key: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == key)
        .map(|a| a.value.to_string())
}

/// "XFD1048576" → (1048576, 16384).
fn cell_ref(r: &str) -> Option<(usize, usize)> {
    let letters = r.chars().take_while(|c| c.is_ascii_alphabetic()).count();
    if letters == 0 || letters > 3 {
        return None;
    }
    let col = r[..letters].chars().fold(0usize, |n, c| {
        n * 26 + (c.to_ascii_uppercase() as usize - 'A' as usize + 1)
    });
    let row = r[letters..].parse().ok()?;
    Some((row, col))
}

fn too_far(path: &Path, sheet: Option<&str>, row: usize, column: usize) -> Diagnostics {
    Diagnostic::error(crate::t!(
        "guard-too-far",
        rows = limits::ROWS,
        columns = limits::COLUMNS
    ))
    .in_file(path)
    .at_cell(
        Cell {
            sheet: sheet.map(str::to_owned),
            row,
            column,
        },
        None,
    )
    .with_hint(crate::t!("guard-too-far-hint"))
    .into()
}

/// One XLSX sheet streamed: where its filled cells reach (an error past
/// the limits), which rows are hidden, which formulas have no saved value.
fn xlsx_sheet(path: &Path, name: &str, xml: impl Read) -> Result<SheetFacts, Diagnostics> {
    let mut reader = quick_xml::Reader::from_reader(BufReader::new(xml));
    let mut buf = Vec::new();
    let mut facts = SheetFacts::default();
    let (mut row, mut col) = (0usize, 0usize);
    // The cell being read: its place, whether it has a value or a formula.
    let mut cell: Option<(usize, usize)> = None;
    let (mut has_value, mut has_formula) = (false, false);
    // A damaged sheet ends the scan: calamine says so in its own words.
    while let Ok(event) = reader.read_event_into(&mut buf) {
        match event {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "row" => {
                row = attr(&e, "r")
                    .and_then(|r| r.parse().ok())
                    .unwrap_or(row + 1);
                col = 0;
                if attr(&e, "hidden").is_some_and(|h| h == "1" || h == "true") {
                    facts.hidden_rows.push(row);
                }
            }
            Event::Start(e) if e.local_name().as_ref() == "c" => {
                let (r, c) = attr(&e, "r")
                    .and_then(|r| cell_ref(&r))
                    .unwrap_or((row, col + 1));
                col = c;
                cell = Some((r.max(1), c));
                has_value = false;
                has_formula = false;
            }
            Event::Empty(e) if e.local_name().as_ref() == "c" => {
                col = attr(&e, "r")
                    .and_then(|r| cell_ref(&r))
                    .map_or(col + 1, |(_, c)| c);
            }
            Event::Start(e) | Event::Empty(e) if cell.is_some() => match e.local_name().as_ref() {
                "v" | "is" => has_value = true,
                "f" => has_formula = true,
                _ => {}
            },
            Event::End(e) if e.local_name().as_ref() == "c" => {
                if let Some((r, c)) = cell.take() {
                    if has_value && (r > limits::ROWS || c > limits::COLUMNS) {
                        return Err(too_far(path, Some(name), r, c));
                    }
                    if has_formula && !has_value {
                        facts.unsaved_formulas.push((r, c));
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(facts)
}

/// An ODS content.xml streamed: where its filled cells reach once the
/// repeats are counted, before calamine expands them.
fn ods_extent(path: &Path, xml: impl Read) -> Result<(), Diagnostics> {
    let mut reader = quick_xml::Reader::from_reader(BufReader::new(xml));
    let mut buf = Vec::new();
    let repeat = |e: &BytesStart, key: &str| {
        attr(e, key)
            .and_then(|v| v.parse::<usize>().ok())
            .unwrap_or(1)
            .max(1)
    };
    let mut sheet: Option<String> = None;
    // The row being read: where it starts, how often it repeats.
    let (mut row, mut row_repeat) = (0usize, 1usize);
    let mut col = 0usize;
    // The cell being read, and whether it holds anything.
    let mut cell: Option<(usize, usize)> = None;
    let mut filled = false;
    while let Ok(event) = reader.read_event_into(&mut buf) {
        let is_start = matches!(event, Event::Start(_));
        match event {
            Event::Start(e) if e.name().as_ref() == "table:table" => {
                sheet = attr(&e, "table:name");
                row = 0;
                row_repeat = 1;
            }
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == "table:table-row" => {
                row = row.saturating_add(row_repeat);
                row_repeat = repeat(&e, "table:number-rows-repeated");
                col = 0;
            }
            Event::Start(e) | Event::Empty(e)
                if matches!(
                    e.name().as_ref(),
                    "table:table-cell" | "table:covered-table-cell"
                ) =>
            {
                let n = repeat(&e, "table:number-columns-repeated");
                let valued = attr(&e, "office:value-type").is_some();
                let start = col + 1;
                col = col.saturating_add(n);
                if valued || is_start {
                    cell = Some((start, col));
                    filled = valued;
                }
                if valued && !is_start {
                    check_ods(path, sheet.as_deref(), row, row_repeat, col)?;
                    cell = None;
                }
            }
            Event::Start(e) | Event::Empty(e)
                if cell.is_some() && e.name().as_ref() == "text:p" =>
            {
                filled = true;
            }
            Event::Text(_) if cell.is_some() => filled = true,
            Event::End(e)
                if matches!(
                    e.name().as_ref(),
                    "table:table-cell" | "table:covered-table-cell"
                ) =>
            {
                if let Some((_, last)) = cell.take() {
                    if filled {
                        check_ods(path, sheet.as_deref(), row, row_repeat, last)?;
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(())
}

/// A filled cell reaching `column`, in a row starting at `row` repeated
/// `repeat` times: within the limits, or an error at the first cell past them.
fn check_ods(
    path: &Path,
    sheet: Option<&str>,
    row: usize,
    repeat: usize,
    column: usize,
) -> Result<(), Diagnostics> {
    let last_row = row.saturating_add(repeat - 1);
    if last_row > limits::ROWS || column > limits::COLUMNS {
        let at_row = if row > limits::ROWS {
            row
        } else {
            last_row.min(limits::ROWS + 1)
        };
        return Err(too_far(
            path,
            sheet,
            at_row,
            column.clamp(1, limits::COLUMNS + 1),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_references_read_as_rows_and_columns() {
        assert_eq!(cell_ref("A1"), Some((1, 1)));
        assert_eq!(cell_ref("XFD1048576"), Some((1048576, 16384)));
        assert_eq!(cell_ref("CV10"), Some((10, 100)));
        assert_eq!(cell_ref("1A"), None);
    }

    #[test]
    fn xlsx_sheets_report_their_reach_hidden_rows_and_unsaved_formulas() {
        let xml = r#"<worksheet><sheetData>
            <row r="1"><c r="A1" t="s"><v>0</v></c></row>
            <row r="2" hidden="1"><c r="B2"><f>SUM(A1)</f></c></row>
            <row r="3"><c r="A3" s="1"/><c r="C3"><f>1+1</f><v>2</v></c></row>
            </sheetData></worksheet>"#;
        let f = xlsx_sheet(Path::new("l.xlsx"), "S", xml.as_bytes()).unwrap();
        assert_eq!(f.hidden_rows, [2]);
        assert_eq!(f.unsaved_formulas, [(2, 2)]);
        let far = r#"<worksheet><sheetData><row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData></worksheet>"#;
        let e = xlsx_sheet(Path::new("l.xlsx"), "S", far.as_bytes()).unwrap_err();
        let m = e.iter().next().unwrap().to_string();
        assert!(m.contains("l.xlsx:S!XFD1048576"), "{m}");
        // A styled empty cell far away is nothing.
        let styled = r#"<worksheet><sheetData><row r="1048576"><c r="XFD1048576" s="3"/></row></sheetData></worksheet>"#;
        assert!(xlsx_sheet(Path::new("l.xlsx"), "S", styled.as_bytes()).is_ok());
    }

    #[test]
    fn ods_repeats_are_counted_before_they_are_expanded() {
        let rows = r#"<office:document-content><table:table table:name="T">
            <table:table-row table:number-rows-repeated="1000000"><table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>
            </table:table></office:document-content>"#;
        let e = ods_extent(Path::new("l.ods"), rows.as_bytes()).unwrap_err();
        assert!(
            e.iter()
                .next()
                .unwrap()
                .to_string()
                .contains("l.ods:T!A10001"),
            "{e:?}"
        );
        let cols = r#"<table:table table:name="T"><table:table-row><table:table-cell table:number-columns-repeated="16384" office:value-type="float" office:value="1"/></table:table-row></table:table>"#;
        assert!(ods_extent(Path::new("l.ods"), cols.as_bytes()).is_err());
        // Empty rows repeated to the sheet's end, as LibreOffice writes them: fine.
        let tail = r#"<table:table table:name="T"><table:table-row><table:table-cell office:value-type="string"><text:p>Tên thủ tục</text:p></table:table-cell></table:table-row>
            <table:table-row table:number-rows-repeated="1048575"><table:table-cell table:number-columns-repeated="1024"/></table:table-row></table:table>"#;
        assert!(ods_extent(Path::new("l.ods"), tail.as_bytes()).is_ok());
    }
}
