//! Making one output's files from its [`Job`]: the file names, then layout,
//! then the document transforms (booklet imposition, bleed), then the
//! renderer its format asks for, then each file written whole or not at
//! all. The single commands and `build` both come here; `check` runs the
//! same [`targets`] and layout without rendering.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::kb;
use crate::atomic::{check_target, Pending};
use crate::diag::{Diagnostic, Diagnostics};
use crate::job::{Format, Job};
use crate::layout::{self, booklet, marks, Laid};
use crate::model::OutputKind;
use crate::render;
use crate::scene::MM;

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
        println!(
            "{}",
            crate::t!("wrote", path = self.path.display(), what = &self.what)
        );
        for note in &self.notes {
            println!("  {note}");
        }
    }
}

/// Where an output goes, as the user named it.
#[derive(Debug, Clone, Copy)]
pub enum Out<'a> {
    /// A command's `-o`: posters go to exactly this file.
    File(&'a Path),
    /// A campaign's `file =`: posters go into this folder, one per
    /// procedure, unless it names a file of the output's format and there
    /// is one procedure.
    FileOrFolder(&'a Path),
}

/// The files `job` writes when asked for `out`, in the order its layout
/// makes them: a poster per procedure (see [`Out`]), a leaflet's two sides
/// as images (`OUT-1.png`, `OUT-2.png`), a card image per procedure (into
/// the folder `out`), or else the one file `out`.
pub fn targets(job: &Job, out: Out) -> Vec<PathBuf> {
    let (out, exact) = match out {
        Out::File(p) => (p, true),
        Out::FileOrFolder(p) => (p, false),
    };
    let ext = job.format.extension();
    let each_procedure = |dir: &Path| -> Vec<PathBuf> {
        job.procedures()
            .map(|p| dir.join(p.stem()).with_extension(ext))
            .collect()
    };
    let named = out.extension().is_some_and(|e| e.eq_ignore_ascii_case(ext));
    match (job.kind, job.format) {
        (OutputKind::Poster | OutputKind::Png, _) if (exact || named) && job.entries.len() == 1 => {
            vec![out.to_path_buf()]
        }
        (OutputKind::Poster | OutputKind::Png, _) => each_procedure(out),
        (OutputKind::Cards, Format::Png { .. }) => each_procedure(out),
        (OutputKind::Leaflet, Format::Png { .. }) => {
            let stem = out.file_stem().unwrap_or_default().to_string_lossy();
            (1..=2)
                .map(|i| out.with_file_name(format!("{stem}-{i}.{ext}")))
                .collect()
        }
        (
            OutputKind::Handbook | OutputKind::Leaflet | OutputKind::Cards | OutputKind::Catalog,
            _,
        ) => {
            vec![out.to_path_buf()]
        }
    }
}

/// Makes `job`'s files for `out`: those written, and the problems of what
/// was not (every poster that fits is written even when another does not).
pub fn make(job: &Job, out: Out) -> (Vec<Written>, Diagnostics) {
    let targets = targets(job, out);
    let inputs = job.inputs();
    // Every file is claimed (checked, and its temporary file made) on
    // another core while this one lays the job out, a tenth of a
    // millisecond off a poster's path: a folder toroi cannot write to is
    // still said before anything is rendered or written.
    let claim = || -> Result<Vec<Option<Pending>>, Diagnostic> {
        let claimed: Result<Vec<_>, _> = targets
            .iter()
            .map(|t| {
                check_output(t, &inputs)
                    .and_then(|_| named_for(t, job.format))
                    .and_then(|_| Pending::create_output(t))
                    .map(Some)
            })
            .collect();
        // Then the first deflater made and the logo packed, on the thread
        // that claimed: queued before the claim, they held it back, and
        // the layout, done first, waited for it; the render needs them
        // only later.
        if job.format == Format::Pdf && claimed.is_ok() {
            let logo = job.campaign.as_ref().and_then(|c| c.issuer.logo.as_ref());
            render::pdf::warm_up(
                logo.map(|l| l.image.clone()).into_iter().collect(),
                job.print.cmyk,
            );
        }
        claimed
    };
    if job.format == Format::Pdf {
        render::pdf::deflate_at_once(deflaters(job));
    }
    // Both in this thread's language (a studio page's own), on whichever
    // thread runs them.
    let ui = crate::i18n::current();
    let ((mut laid, mut problems), claimed) = rayon::join(
        || crate::i18n::speaking(ui, || layout::lay_out(job)),
        || crate::i18n::speaking(ui, claim),
    );
    let mut pending = match claimed {
        Ok(pending) => pending,
        Err(d) => return (Vec::new(), d.into()),
    };
    if job.proof {
        // A test hook: the tests prove that a spoilt code stops the run by
        // setting this, which covers the middle of every code.
        if std::env::var_os("TOROI_TEST_SPOIL_CODES").is_some() {
            for l in &mut laid {
                crate::proof::spoil(&mut l.document.pages);
            }
        }
        let misread: Vec<_> = laid
            .iter()
            .flat_map(|l| crate::proof::misread(&l.document.pages))
            .collect();
        if let Some(m) = misread.first() {
            // Name the procedure whose code it is.
            let whose = job
                .entries
                .iter()
                .find(|e| e.code.href == m.href)
                .map(|e| {
                    let p = &e.procedure;
                    format!("{} ({})", p.title.value, p.path().display())
                })
                .unwrap_or_else(|| crate::t!("proof-the-campaign"));
            let d = Diagnostic::error(crate::t!(
                "proof-failed",
                whose = whose,
                page = m.page + 1,
                href = m.href.as_str(),
                more = misread.len() - 1
            ))
            .with_hint(crate::t!("proof-failed-hint"));
            return (Vec::new(), d.into());
        }
    }
    if let Format::Png { px } = job.format {
        if let Some(d) = too_fine(&laid, px) {
            return (Vec::new(), d.into());
        }
    }
    let files: Vec<Vec<File>> = laid.into_par_iter().map(|l| files_of(job, l)).collect();
    let mut written = Vec::new();
    for file in files.into_iter().flatten() {
        let Some(p) = pending[file.target].take() else {
            continue;
        };
        match p.commit(&file.bytes) {
            Ok(()) => written.push(Written {
                path: targets[file.target].clone(),
                what: format!("{}, {}", file.what, kb(file.bytes.len())),
                notes: file.notes,
                warnings: file.warnings,
            }),
            Err(d) => problems.push(d),
        }
    }
    (written, problems)
}

/// How many streams `job`'s PDFs deflate at once: one for a single poster
/// or a leaflet, whose few streams beside the logo (deflated ahead, see
/// [`render::pdf::warm_up`]) take less time to deflate than a second
/// deflater takes to make; one per core for the rest.
fn deflaters(job: &Job) -> usize {
    match job.kind {
        OutputKind::Poster if job.entries.len() == 1 => 1,
        OutputKind::Leaflet => 1,
        _ => rayon::current_num_threads(),
    }
}

/// A name that does not end in the format's extension would write a PDF
/// as x.docx, which no program on the office PC then opens.
fn named_for(target: &Path, format: Format) -> Result<(), Diagnostic> {
    let ext = format.extension();
    if target
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(ext))
    {
        return Ok(());
    }
    Err(Diagnostic::error(crate::t!(
        "out-extension",
        path = target.display(),
        format = ext.to_uppercase(),
        ext = ext
    ))
    .with_hint(crate::t!(
        "out-extension-hint",
        path = target.with_extension(ext).display()
    )))
}

/// One file's bytes, rendered, and what to say of it.
struct File {
    /// Its index in [`targets`].
    target: usize,
    bytes: Vec<u8>,
    what: String,
    notes: Vec<String>,
    warnings: Diagnostics,
}

/// The files one laid-out document becomes: transformed for print (a
/// booklet, bleed), then rendered by the job's format.
fn files_of(job: &Job, laid: Laid) -> Vec<File> {
    let first = laid.entry.unwrap_or(0);
    let paper = job.template.paper();
    let n = job.entries.len();
    // "N procedures", for the kinds whose line says it.
    let procedures = || crate::t!("count-procedures", n = n);
    let paper_name = paper.to_string();
    match job.format {
        Format::Pdf => {
            let mut doc = laid.document;
            let pages = doc.pages.len();
            let mut notes = Vec::new();
            let what = match job.kind {
                OutputKind::Poster => crate::t!("what-poster", paper = paper_name.as_str()),
                OutputKind::Png => crate::t!("what-phone-pdf"),
                OutputKind::Handbook if job.booklet => {
                    // A5 pages on A4 landscape, A4 pages on A3 landscape: the
                    // sheet comes from the page's dimensions, whatever the
                    // template's name.
                    let sheet = paper.two_up();
                    let sheet_name = sheet.iso().map_or(sheet.name(), |(n, _)| n.to_owned());
                    let (imposed, b) = booklet::impose_document(doc, sheet.width * MM);
                    doc = imposed;
                    notes.push(crate::t!(
                        "note-booklet",
                        sheet = sheet_name.as_str(),
                        sheets = b.sheets
                    ));
                    notes.push(crate::t!("note-booklet-fold"));
                    let blanks = if b.blanks > 0 {
                        crate::t!("what-blanks", n = b.blanks)
                    } else {
                        String::new()
                    };
                    crate::t!(
                        "what-booklet",
                        paper = paper_name.as_str(),
                        procedures = procedures().as_str(),
                        pages = pages,
                        blanks = blanks,
                        sheets = b.sheets,
                        sheet = sheet_name.as_str()
                    )
                }
                OutputKind::Handbook => crate::t!(
                    "what-handbook",
                    paper = paper_name.as_str(),
                    procedures = procedures().as_str(),
                    pages = pages
                ),
                OutputKind::Catalog => {
                    notes.push(crate::t!("note-catalog", paper = paper_name.as_str()));
                    crate::t!(
                        "what-catalog",
                        paper = paper_name.as_str(),
                        procedures = procedures().as_str(),
                        fields = doc.outline.len(),
                        pages = pages
                    )
                }
                OutputKind::Leaflet => {
                    notes = vec![
                        crate::t!("note-leaflet-print"),
                        crate::t!("note-leaflet-fold"),
                    ];
                    // Folded, an A4 landscape sheet is "an A4 leaflet".
                    let sheet = paper.iso().map_or(paper.name(), |(n, _)| n.to_owned());
                    crate::t!(
                        "what-leaflet",
                        sheet = sheet,
                        procedures = procedures().as_str()
                    )
                }
                OutputKind::Cards => {
                    notes.push(crate::t!("note-cards"));
                    let cards = n * job.copies;
                    let slots = pages * crate::layout::cards::PER_SHEET;
                    let again = if job.fill_sheets && slots > cards {
                        crate::t!("what-cards-again", n = slots - cards)
                    } else {
                        String::new()
                    };
                    crate::t!(
                        "what-cards",
                        cards = cards,
                        pages = pages,
                        paper = paper_name.as_str(),
                        again = again
                    )
                }
            };
            let doc = marks::bleed(doc, job.print.bleed);
            let bytes = render::pdf::render_with(
                &doc,
                render::pdf::Options {
                    cmyk: job.print.cmyk,
                },
            );
            vec![File {
                target: first,
                bytes,
                what: format!("{what}{}", job.print.describe()),
                notes,
                warnings: laid.warnings,
            }]
        }
        Format::Png { px } => {
            let count = laid.document.pages.len();
            let mut warnings = Some(laid.warnings);
            laid.document
                .pages
                .par_iter()
                .enumerate()
                .map(|(i, page)| {
                    let what = match job.kind {
                        OutputKind::Poster => {
                            crate::t!("where-poster", paper = paper_name.as_str())
                        }
                        OutputKind::Png => OutputKind::Png.described(),
                        OutputKind::Leaflet if i == 0 => crate::t!("png-leaflet-outside"),
                        OutputKind::Leaflet => crate::t!("png-leaflet-inside", side = i + 1),
                        OutputKind::Cards => crate::t!("png-card"),
                        OutputKind::Handbook => crate::t!(
                            "png-handbook-page",
                            paper = paper_name.as_str(),
                            page = i + 1
                        ),
                        OutputKind::Catalog => crate::t!(
                            "png-catalog-page",
                            paper = paper_name.as_str(),
                            page = i + 1
                        ),
                    };
                    let h = (page.height * px as f32 / page.width).round();
                    (
                        first + i,
                        render::png::render(page, px),
                        crate::t!("png-what", what = what, w = px, h = h),
                    )
                })
                .collect::<Vec<_>>()
                .into_iter()
                .enumerate()
                .map(|(k, (target, bytes, what))| File {
                    target,
                    bytes,
                    what,
                    notes: Vec::new(),
                    // The document's warnings once, with its last file.
                    warnings: if k + 1 == count {
                        warnings.take().unwrap_or_default()
                    } else {
                        Diagnostics::new()
                    },
                })
                .collect()
        }
    }
}

/// The least pixels per QR module a decoder reads reliably.
const MIN_MODULE_PX: f32 = 3.0;

/// An image whose QR modules would be under 3 pixels at `px` wide: an
/// error naming the width that works.
fn too_fine(laid: &[Laid], px: u32) -> Option<Diagnostic> {
    let mut need = 0.0f32;
    for l in laid {
        for page in &l.document.pages {
            let scale = px as f32 / page.width;
            for item in &page.items {
                if let crate::scene::Item::Modules { module, .. } = item {
                    if module * scale < MIN_MODULE_PX {
                        need = need.max(MIN_MODULE_PX * page.width / module);
                    }
                }
            }
        }
    }
    (need > 0.0).then(|| {
        let works = (need / 10.0).ceil() as u32 * 10;
        Diagnostic::error(crate::t!("png-too-fine", px = px, min = MIN_MODULE_PX))
            .with_hint(crate::t!("png-too-fine-hint", px = works))
    })
}

/// Refuses an output that is a folder or one of the input files.
pub fn check_output(out: &Path, inputs: &[&Path]) -> Result<(), Diagnostic> {
    check_target(out)?;
    // An output not there yet is no input: one look at the disk, not a
    // path resolved for each input.
    let Ok(written) = std::fs::metadata(out) else {
        return Ok(());
    };
    let same = |input: &Path| is_same_file(out, &written, input);
    if let Some(input) = inputs.iter().find(|i| same(i)) {
        return Err(Diagnostic::error(crate::t!(
            "out-is-input",
            out = out.display(),
            input = input.display()
        ))
        .with_hint(crate::t!("out-is-input-hint")));
    }
    Ok(())
}

/// Whether `input` is the file at `out` (whose metadata is `meta`), by
/// another name too: a link, `..`, another case on Windows.
fn is_same_file(out: &Path, meta: &std::fs::Metadata, input: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let _ = out;
        std::fs::metadata(input).is_ok_and(|m| m.dev() == meta.dev() && m.ino() == meta.ino())
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        match (out.canonicalize(), input.canonicalize()) {
            (Ok(a), Ok(b)) => a == b,
            _ => false,
        }
    }
}
