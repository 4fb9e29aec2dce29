//! `toroi import`: a list (XLSX, XLS, ODS, CSV) into one procedure file
//! per row, for editing in Notepad; and `--blank`, an empty list to fill.
//!
//! The file written for a row is exactly the text the list reader
//! validated, so the folder loads to the same procedures as the list.

use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::atomic::write_atomic;
use crate::catalogue::Catalogue;
use crate::diag::{Diagnostic, Diagnostics, Severity};
use crate::model::collect::load_procedures_from;
use crate::model::list::{self, Key};
use crate::model::{Link, Procedure};

/// Writes a procedure file per row of `list` into `out`.
pub fn import(
    list_path: &Path,
    out: Option<PathBuf>,
    sheet: Option<&str>,
    force: bool,
) -> Result<Diagnostics, Diagnostics> {
    let started = Instant::now();
    if !list::is_list(list_path) {
        return Err(Diagnostic::error(crate::t!("import-not-list"))
            .in_file(list_path)
            .with_hint(crate::t!("import-not-list-hint"))
            .into());
    }
    let loaded = load_procedures_from(
        &[list_path.to_path_buf()],
        sheet,
        Catalogue::builtin(),
        None,
    )?;
    if loaded.problems.has_errors() {
        return Err(loaded.problems);
    }
    let out = out.unwrap_or_else(|| PathBuf::from(list_path.file_stem().unwrap_or_default()));
    if out.is_file() {
        return Err(Diagnostic::error(crate::t!("import-out-file"))
            .in_file(&out)
            .with_hint(crate::t!("import-out-file-hint"))
            .into());
    }
    let targets: Vec<PathBuf> = loaded
        .procedures
        .iter()
        .map(|p| out.join(p.stem()).with_extension("toml"))
        .collect();
    if !force {
        let existing: Vec<&PathBuf> = targets.iter().filter(|t| t.exists()).collect();
        if let Some(first) = existing.first() {
            return Err(Diagnostic::error(crate::t!(
                "import-exists",
                n = existing.len(),
                of = targets.len(),
                first = first.display()
            ))
            .in_file(&out)
            .with_hint(crate::t!("import-exists-hint"))
            .into());
        }
    }
    let mut problems = loaded.problems;
    // Each file is synced to disk before it is renamed into place; with
    // many writers at once the file system commits their syncs together,
    // so hundreds of small files take a few commits, not hundreds.
    let texts: Vec<String> = loaded.procedures.iter().map(with_catalogue).collect();
    let jobs: Vec<(&PathBuf, &[u8])> = targets
        .iter()
        .zip(&texts)
        .map(|(t, text)| (t, text.as_bytes()))
        .collect();
    let writers = jobs.len().clamp(1, 32);
    let failed: Vec<Diagnostic> = std::thread::scope(|scope| {
        let handles: Vec<_> = jobs
            .chunks(jobs.len().div_ceil(writers).max(1))
            .map(|chunk| {
                scope.spawn(move || {
                    chunk
                        .iter()
                        .filter_map(|(t, bytes)| write_atomic(t, bytes).err())
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    });
    if !failed.is_empty() {
        problems.extend(failed.into_iter().collect());
        return Err(problems);
    }
    for (p, target) in loaded.procedures.iter().zip(&targets) {
        println!(
            "{}",
            crate::t!("wrote", path = target.display(), what = &p.title.value)
        );
    }
    let w = problems.count(Severity::Warning);
    let warnings = match w {
        0 => String::new(),
        n => format!(", {}", crate::t!("count-warnings", n = n)),
    };
    println!(
        "{}",
        crate::t!(
            "imported",
            procedures = crate::t!("count-procedures", n = targets.len()),
            list = list_path.display(),
            folder = out.display(),
            secs = crate::i18n::decimal(started.elapsed().as_secs_f64(), 2),
            warnings = warnings
        )
    );
    Ok(problems)
}

/// A row's file with what the national catalogue told of it: the code and
/// portal id it linked (with a comment saying where they came from), or
/// the candidates for its title, for the officer to choose from.
pub(crate) fn with_catalogue(p: &Procedure) -> String {
    let text = &p.src.text;
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    let key_line = |lines: &[String], key: &str| {
        lines
            .iter()
            .position(|l| l.starts_with(&format!("{key} = ")))
    };
    let entry = p
        .code
        .as_ref()
        .and_then(|c| Catalogue::builtin().code(&c.value));
    match (&p.link, entry) {
        (Link::Catalogue | Link::Title, Some(e)) => {
            let mut add = vec![format!(
                "# {}",
                crate::t!("import-linked-comment", title = e.title.as_ref())
            )];
            if p.link == Link::Title {
                add.push(format!("code = \"{}\"", e.code));
            }
            if let Some(id) = &e.formality_id {
                add.push(format!("formality_id = \"{id}\""));
            }
            // An old-database code stays as a comment, for the record.
            if let Some(i) = key_line(&lines, "code").filter(|_| p.old_code.is_some()) {
                lines[i] = format!("# {} ({})", lines[i], crate::t!("import-old-code"));
            }
            let after = if p.link == Link::Title {
                "title"
            } else {
                "code"
            };
            match key_line(&lines, after).filter(|&i| !lines[i].ends_with("\"\"\"")) {
                Some(i) => {
                    lines.splice(i + 1..i + 1, add);
                }
                None => lines.extend(add),
            }
        }
        _ if !p.candidates.is_empty() => {
            let mut add = vec![format!("# {}", crate::t!("import-candidates-comment"))];
            add.extend(
                p.candidates
                    .iter()
                    .enumerate()
                    .map(|(i, c)| format!("#   {}. {c}", i + 1)),
            );
            match key_line(&lines, "title").filter(|&i| !lines[i].ends_with("\"\"\"")) {
                Some(i) => {
                    lines.splice(i + 1..i + 1, add);
                }
                None => lines.extend(add),
            }
        }
        _ => return text.clone(),
    }
    let mut out = lines.join("\n");
    out.push('\n');
    out
}

/// The values the `online` column's drop-down offers.
const ONLINE_CHOICES: [&str; 3] = ["Toàn trình", "Một phần", "Không"];

/// An empty list with every header toroi reads: the code column as text
/// (so that 1.000420 keeps its zeros) and `online` as a drop-down.
pub fn blank(out: &Path) -> Result<Diagnostics, Diagnostics> {
    use rust_xlsxwriter::{DataValidation, Format, Workbook};
    if out
        .extension()
        .is_none_or(|e| !e.eq_ignore_ascii_case("xlsx"))
    {
        return Err(Diagnostic::error(crate::t!("blank-not-xlsx"))
            .in_file(out)
            .with_hint(crate::t!("blank-not-xlsx-hint"))
            .into());
    }
    if out.exists() {
        return Err(Diagnostic::error(crate::t!("file-exists"))
            .in_file(out)
            .with_hint(crate::t!("file-exists-hint"))
            .into());
    }
    let fail = |e: rust_xlsxwriter::XlsxError| -> Diagnostics {
        Diagnostic::error(crate::t!("blank-failed", reason = e.to_string()))
            .in_file(out)
            .into()
    };
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Danh mục").map_err(fail)?;
    let bold = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_background_color("#E8F0F8");
    let text = Format::new().set_num_format("@");
    let wrap = Format::new().set_text_wrap();
    // The procedure's name first, then the code: how offices order them.
    let keys = [
        Key::Title,
        Key::Code,
        Key::Field,
        Key::FormalityId,
        Key::Online,
        Key::Agency,
        Key::ProcessingTime,
        Key::Fee,
        Key::Result,
        Key::Documents,
        Key::Steps,
        Key::Channels,
        Key::LegalBasis,
        Key::Summary,
        Key::Url,
        Key::Source,
    ];
    const ROWS: u32 = 1000;
    for (i, key) in keys.iter().enumerate() {
        let col = i as u16;
        let header = key.headers()[0];
        sheet
            .write_with_format(0, col, header, &bold)
            .map_err(fail)?;
        let width = if *key == Key::Title || key.is_list() {
            40.0
        } else {
            16.0
        };
        sheet.set_column_width(col, width).map_err(fail)?;
        match key {
            Key::Code | Key::FormalityId => {
                sheet.set_column_format(col, &text).map_err(fail)?;
            }
            Key::Online => {
                let choices = DataValidation::new()
                    .allow_list_strings(&ONLINE_CHOICES)
                    .map_err(fail)?;
                sheet
                    .add_data_validation(1, col, ROWS, col, &choices)
                    .map_err(fail)?;
            }
            k if k.is_list() || *k == Key::Title => {
                sheet.set_column_format(col, &wrap).map_err(fail)?;
            }
            _ => {}
        }
    }
    sheet.set_freeze_panes(1, 0).map_err(fail)?;
    let bytes = book.save_to_buffer().map_err(fail)?;
    write_atomic(out, &bytes)?;
    println!(
        "{}",
        crate::t!("blank-wrote", path = out.display(), columns = keys.len())
    );
    Ok(Diagnostics::new())
}
