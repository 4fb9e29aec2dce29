//! Making one output file: layout, render, write. Shared by the single
//! commands (`poster`, `handbook`) and by `build`.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::kb;
use crate::atomic::{check_target, Pending};
use crate::diag::{Diagnostic, Diagnostics};
use crate::layout::{self, booklet, marks, Labels, Template};
use crate::model::{Campaign, Procedure};
use crate::render;
use crate::scene::{Document, Page, MM};

/// What every output takes besides its procedures.
pub struct Style<'a> {
    pub campaign: Option<&'a Campaign>,
    pub template: &'a Template,
    pub labels: &'a Labels,
    pub print: Print,
    /// When the output is made (seconds since 1970), read once.
    pub date: i64,
}

/// For a print shop: bleed and crop marks, CMYK colours.
#[derive(Debug, Clone, Copy, Default)]
pub struct Print {
    /// Millimetres on every side; 0 for an office printer.
    pub bleed: f32,
    pub cmyk: bool,
}

impl Print {
    fn pages(&self, pages: Vec<Page>) -> Vec<Page> {
        if self.bleed <= 0.0 {
            return pages;
        }
        pages
            .into_iter()
            .map(|p| marks::with_bleed(p, self.bleed * MM))
            .collect()
    }

    fn render(&self, doc: &Document) -> Vec<u8> {
        render::pdf::render_with(doc, render::pdf::Options { cmyk: self.cmyk })
    }

    /// ", 3 mm bleed, CMYK" for the summary line.
    fn describe(&self) -> String {
        let mut s = String::new();
        if self.bleed > 0.0 {
            s.push_str(&format!(", {} mm bleed and crop marks", self.bleed));
        }
        if self.cmyk {
            s.push_str(", CMYK");
        }
        s
    }
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

/// Lays out a poster without writing it: what `toroi check` runs.
pub fn check_poster(p: &Procedure, style: &Style) -> Result<Diagnostics, Diagnostics> {
    let poster = layout::poster(p, style.campaign, style.template, style.labels)?;
    Ok(poster.warnings)
}

/// Lays out a handbook without writing it.
pub fn check_handbook(procedures: &[Procedure], style: &Style) -> Result<Diagnostics, Diagnostics> {
    let book = layout::handbook(procedures, style.campaign, style.template, style.labels)?;
    Ok(book.warnings)
}

pub fn poster(p: &Procedure, style: &Style, out: &Path) -> Result<Written, Diagnostics> {
    check_output(out, &inputs(std::slice::from_ref(p), style))?;
    let pending = Pending::create(out)?;
    let t = style.template;
    let poster = layout::poster(p, style.campaign, t, style.labels)?;
    let warnings = poster.warnings;
    let doc = Document {
        title: p.title.value.clone(),
        author: author(style),
        pages: style.print.pages(vec![poster.page]),
        outline: Vec::new(),
        date: style.date,
    };
    let what = format!("{} poster, 1 page", t.paper());
    write(pending, out, &doc, style, what, Vec::new(), warnings)
}

pub fn handbook(
    procedures: &[Procedure],
    style: &Style,
    out: &Path,
    as_booklet: bool,
) -> Result<Written, Diagnostics> {
    check_output(out, &inputs(procedures, style))?;
    let pending = Pending::create(out)?;
    let t = style.template;
    let book = layout::handbook(procedures, style.campaign, t, style.labels)?;
    let warnings = book.warnings;
    let title = style
        .campaign
        .and_then(|c| c.title.as_ref())
        .map_or(style.labels.default_title.clone(), |l| l.value.clone());
    let n = procedures.len();
    let count = format!("{n} {}", if n == 1 { "procedure" } else { "procedures" });
    let pages = book.pages.len();
    let (doc, what, notes) = if as_booklet {
        // A5 pages on A4 landscape, A4 pages on A3 landscape: the sheet
        // comes from the page's dimensions, whatever the template's name.
        let sheet_paper = t.paper().two_up();
        let sheet = sheet_paper
            .iso()
            .map_or(sheet_paper.name(), |(n, _)| n.to_owned());
        let b = booklet::impose(book.pages, true, sheet_paper.width * MM);
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
            pages: style.print.pages(b.sides),
            outline,
            date: style.date,
        };
        (doc, what, notes)
    } else {
        let what = format!("{} handbook, {count}, {pages} pages", t.paper());
        let doc = Document {
            title,
            author: author(style),
            pages: style.print.pages(book.pages),
            outline: book.outline,
            date: style.date,
        };
        (doc, what, Vec::new())
    };
    write(pending, out, &doc, style, what, notes, warnings)
}

/// Lays out QR cards without writing them.
pub fn check_cards(procedures: &[Procedure], style: &Style) -> Result<Diagnostics, Diagnostics> {
    layout::cards::cards(procedures, 1, style.campaign, style.template, style.labels)?;
    Ok(Diagnostics::new())
}

pub fn cards(
    procedures: &[Procedure],
    copies: usize,
    style: &Style,
    out: &Path,
) -> Result<Written, Diagnostics> {
    check_output(out, &inputs(procedures, style))?;
    let pending = Pending::create(out)?;
    let sheets = layout::cards::cards(
        procedures,
        copies,
        style.campaign,
        style.template,
        style.labels,
    )?;
    let n = sheets.len();
    let count = procedures.len() * copies.max(1);
    let doc = Document {
        title: style
            .campaign
            .and_then(|c| c.title.as_ref())
            .map_or(style.labels.default_title.clone(), |l| l.value.clone()),
        author: author(style),
        pages: style.print.pages(sheets),
        outline: Vec::new(),
        date: style.date,
    };
    let what = format!(
        "{count} QR cards on {n} {} {}",
        style.template.paper(),
        if n == 1 { "sheet" } else { "sheets" }
    );
    let notes = vec![
        "print at 100 % (\"actual size\"), then cut along the marks: 85 × 55 mm cards".to_owned(),
    ];
    write(pending, out, &doc, style, what, notes, Diagnostics::new())
}

/// Lays out a leaflet without writing it.
pub fn check_leaflet(procedures: &[Procedure], style: &Style) -> Result<Diagnostics, Diagnostics> {
    let l = layout::leaflet::leaflet(procedures, style.campaign, style.template, style.labels)?;
    Ok(l.warnings)
}

/// How to print and fold a leaflet, after writing it.
const LEAFLET_NOTES: [&str; 2] = [
    "print on A4, double-sided, flip on the SHORT edge",
    "fold the narrow panel (left on side 1) in first, then the front cover over it",
];

pub fn leaflet(
    procedures: &[Procedure],
    style: &Style,
    out: &Path,
) -> Result<Written, Diagnostics> {
    check_output(out, &inputs(procedures, style))?;
    let pending = Pending::create(out)?;
    let l = layout::leaflet::leaflet(procedures, style.campaign, style.template, style.labels)?;
    let doc = Document {
        title: campaign_title(style),
        author: author(style),
        pages: style.print.pages(l.sides.to_vec()),
        outline: Vec::new(),
        date: style.date,
    };
    let what = format!(
        "A4 tri-fold leaflet, {} procedures, 2 sides",
        procedures.len()
    );
    let notes = LEAFLET_NOTES.map(str::to_owned).to_vec();
    write(pending, out, &doc, style, what, notes, l.warnings)
}

/// A page to write as a PNG: where, and what it is for the summary line.
pub struct Picture {
    pub path: PathBuf,
    pub page: Page,
    pub what: String,
}

/// The poster as a PNG, `px` wide.
pub fn poster_png(
    p: &Procedure,
    style: &Style,
    out: &Path,
    px: u32,
) -> Result<Vec<Written>, Diagnostics> {
    let poster = layout::poster(p, style.campaign, style.template, style.labels)?;
    let picture = Picture {
        path: out.to_path_buf(),
        page: poster.page,
        what: format!("{} poster", style.template.paper()),
    };
    let inputs = inputs(std::slice::from_ref(p), style);
    pngs(vec![picture], &inputs, px, poster.warnings)
}

/// Each side of the leaflet as a PNG: `OUT-1.png` (outside), `OUT-2.png` (inside).
pub fn leaflet_png(
    procedures: &[Procedure],
    style: &Style,
    out: &Path,
    px: u32,
) -> Result<Vec<Written>, Diagnostics> {
    let l = layout::leaflet::leaflet(procedures, style.campaign, style.template, style.labels)?;
    let stem = out.file_stem().unwrap_or_default().to_string_lossy();
    let [outside, inside] = l.sides;
    let pictures = [(outside, "outside: cover, back, flap"), (inside, "inside")]
        .into_iter()
        .enumerate()
        .map(|(i, (page, side))| Picture {
            path: out.with_file_name(format!("{stem}-{}.png", i + 1)),
            page,
            what: format!("leaflet side {} ({side})", i + 1),
        })
        .collect();
    pngs(pictures, &inputs(procedures, style), px, l.warnings)
}

/// One PNG per procedure's QR card, in the folder `dir`, named after the procedure files.
pub fn cards_png(
    procedures: &[Procedure],
    style: &Style,
    dir: &Path,
    px: u32,
) -> Result<Vec<Written>, Diagnostics> {
    let faces =
        layout::cards::card_pages(procedures, style.campaign, style.template, style.labels)?;
    let pictures = procedures
        .iter()
        .zip(faces)
        .map(|(p, page)| Picture {
            path: dir
                .join(p.path().file_stem().unwrap_or_default())
                .with_extension("png"),
            page,
            what: "QR card".to_owned(),
        })
        .collect();
    pngs(pictures, &inputs(procedures, style), px, Diagnostics::new())
}

/// Draws and writes `pictures`, each whole or not at all.
fn pngs(
    pictures: Vec<Picture>,
    inputs: &[&Path],
    px: u32,
    warnings: Diagnostics,
) -> Result<Vec<Written>, Diagnostics> {
    let mut pending = Vec::new();
    for p in &pictures {
        check_output(&p.path, inputs)?;
        pending.push(Pending::create(&p.path)?);
    }
    let images: Vec<Vec<u8>> = pictures
        .par_iter()
        .map(|p| render::png::render(&p.page, px))
        .collect();
    let mut written = Vec::new();
    for ((picture, pending), bytes) in pictures.into_iter().zip(pending).zip(images) {
        pending.commit(&bytes)?;
        let h = (picture.page.height * px as f32 / picture.page.width).round();
        written.push(Written {
            path: picture.path,
            what: format!("{}, {px} × {h} px, {}", picture.what, kb(bytes.len())),
            notes: Vec::new(),
            warnings: Diagnostics::new(),
        });
    }
    if let Some(last) = written.last_mut() {
        last.warnings = warnings;
    }
    Ok(written)
}

fn campaign_title(style: &Style) -> String {
    style
        .campaign
        .and_then(|c| c.title.as_ref())
        .map_or(style.labels.default_title.clone(), |l| l.value.clone())
}

/// Renders `doc` into the pending file and says what was written:
/// `what`, the print-shop options, the size.
fn write(
    pending: Pending,
    out: &Path,
    doc: &Document,
    style: &Style,
    what: String,
    notes: Vec<String>,
    warnings: Diagnostics,
) -> Result<Written, Diagnostics> {
    let bytes = style.print.render(doc);
    pending.commit(&bytes)?;
    Ok(Written {
        path: out.to_path_buf(),
        what: format!("{what}{}, {}", style.print.describe(), kb(bytes.len())),
        notes,
        warnings,
    })
}

fn author(style: &Style) -> String {
    style
        .campaign
        .and_then(|c| c.issuer.name.as_ref().map(|n| n.value.clone()))
        .unwrap_or_else(|| style.labels.default_issuer.clone())
}

/// The files an output is made from, which it must not overwrite.
fn inputs<'a>(procedures: &'a [Procedure], style: &Style<'a>) -> Vec<&'a Path> {
    let mut inputs: Vec<&Path> = procedures.iter().map(|p| p.path()).collect();
    inputs.extend(campaign_files(style.campaign));
    inputs
}

/// The campaign file and its logo: outputs must not overwrite them.
pub fn campaign_files(campaign: Option<&Campaign>) -> Vec<&Path> {
    let Some(c) = campaign else {
        return Vec::new();
    };
    let mut files = vec![c.path()];
    files.extend(c.issuer.logo.as_ref().map(|l| l.path.as_path()));
    files
}

/// Refuses an output that is a folder or one of the input files.
pub fn check_output(out: &Path, inputs: &[&Path]) -> Result<(), Diagnostic> {
    check_target(out)?;
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
