//! Making one output file: layout, render, write. Shared by the single
//! commands (`poster`, `handbook`) and by `build`.

use std::path::{Path, PathBuf};

use super::kb;
use crate::diag::{Diagnostic, Diagnostics};
use crate::layout::{self, booklet, Labels, Template};
use crate::model::{Campaign, Procedure};
use crate::render;
use crate::scene::{Document, MM};

/// What every output takes besides its procedures.
pub struct Style<'a> {
    pub campaign: Option<&'a Campaign>,
    pub template: &'a Template,
    pub labels: &'a Labels,
}

/// A file written, and what to tell the user about it.
#[derive(Debug)]
pub struct Written {
    pub path: PathBuf,
    /// What it is, after "wrote PATH": "(A4 poster, 1 page, 31 KB)".
    pub what: String,
    /// Further lines: how to print it.
    pub notes: Vec<String>,
    pub warnings: Diagnostics,
}

impl Written {
    pub fn print(&self) {
        println!("wrote {} ({})", self.path.display(), self.what);
        for note in &self.notes {
            println!("  {note}");
        }
    }
}

pub fn poster(p: &Procedure, style: &Style, out: &Path) -> Result<Written, Diagnostics> {
    let mut inputs = vec![p.path()];
    inputs.extend(campaign_files(style.campaign));
    check_output(out, &inputs)?;
    let t = style.template;
    let poster = layout::poster(p, style.campaign, t, style.labels)?;
    let mut warnings = Diagnostics::new();
    if poster.shrunk {
        warnings.push(
            Diagnostic::warning(format!(
                "the text was shrunk from {} pt to {:.1} pt to fit on one page",
                t.sizes.body, poster.body_size
            ))
            .in_file(p.path())
            .with_hint("shorter texts, or --size a3, print larger"),
        );
    }
    let doc = Document {
        title: p.title.value.clone(),
        author: author(style),
        pages: vec![poster.page],
        outline: Vec::new(),
    };
    let bytes = render::pdf::render(&doc);
    crate::output::write_atomic(out, &bytes)?;
    Ok(Written {
        path: out.to_path_buf(),
        what: format!("{} poster, 1 page, {}", t.paper(), kb(bytes.len())),
        notes: Vec::new(),
        warnings,
    })
}

pub fn handbook(
    procedures: &[Procedure],
    style: &Style,
    out: &Path,
    as_booklet: bool,
) -> Result<Written, Diagnostics> {
    let mut inputs: Vec<&Path> = procedures.iter().map(|p| p.path()).collect();
    inputs.extend(campaign_files(style.campaign));
    check_output(out, &inputs)?;
    let t = style.template;
    let book = layout::handbook(procedures, style.campaign, t, style.labels)?;
    let title = style
        .campaign
        .and_then(|c| c.title.as_ref())
        .map_or(style.labels.default_title.clone(), |l| l.value.clone());
    let n = procedures.len();
    let count = format!("{n} {}", if n == 1 { "procedure" } else { "procedures" });
    let pages = book.pages.len();
    let (doc, what, notes) = if as_booklet {
        // A5 pages on A4 landscape, A4 pages on A3 landscape.
        let (sheet, sheet_mm) = if t.paper() == "A5" {
            ("A4", 297.0)
        } else {
            ("A3", 420.0)
        };
        let b = booklet::impose(book.pages, true, sheet_mm * MM);
        let outline = book
            .outline
            .into_iter()
            .map(|(title, p)| (title, b.side_of[p]))
            .collect();
        let what = format!(
            "{} booklet, {count}, {pages} pages{} on {} sheets of {sheet}",
            t.paper(),
            if b.blanks > 0 {
                format!(" + {} blank", b.blanks)
            } else {
                String::new()
            },
            b.sheets,
        );
        let notes = vec![
            format!(
                "print on {sheet}, double-sided, flip on the SHORT edge ({} sheets)",
                b.sheets
            ),
            "then fold the stack in half and staple along the fold".to_owned(),
        ];
        let doc = Document {
            title,
            author: author(style),
            pages: b.sides,
            outline,
        };
        (doc, what, notes)
    } else {
        let what = format!("{} handbook, {count}, {pages} pages", t.paper());
        let doc = Document {
            title,
            author: author(style),
            pages: book.pages,
            outline: book.outline,
        };
        (doc, what, Vec::new())
    };
    let bytes = render::pdf::render(&doc);
    crate::output::write_atomic(out, &bytes)?;
    Ok(Written {
        path: out.to_path_buf(),
        what: format!("{what}, {}", kb(bytes.len())),
        notes,
        warnings: Diagnostics::new(),
    })
}

fn author(style: &Style) -> String {
    style
        .campaign
        .and_then(|c| c.issuer.name.as_ref().map(|n| n.value.clone()))
        .unwrap_or_else(|| style.labels.default_issuer.clone())
}

/// The campaign file and its logo: outputs must not overwrite them.
fn campaign_files(campaign: Option<&Campaign>) -> Vec<&Path> {
    let Some(c) = campaign else {
        return Vec::new();
    };
    let mut files = vec![c.path()];
    files.extend(c.issuer.logo.as_ref().map(|l| l.path.as_path()));
    files
}

/// Refuses to overwrite an input file with an output.
fn check_output(out: &Path, inputs: &[&Path]) -> Result<(), Diagnostic> {
    let same = |a: &Path, b: &Path| match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    if let Some(input) = inputs.iter().find(|i| same(out, i)) {
        return Err(Diagnostic::error(format!(
            "the output {} is the input file {}",
            out.display(),
            input.display()
        ))
        .with_hint("give another output name"));
    }
    Ok(())
}
