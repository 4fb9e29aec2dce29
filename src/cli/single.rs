//! `toroi poster`, `handbook`, `cards` and `leaflet`: one output from the
//! command line, resolved into a [`Job`] as `build` resolves an `[[output]]`.

use std::path::{Path, PathBuf};

use super::make;
use crate::catalogue::Catalogue;
use crate::diag::{Diagnostic, Diagnostics};
use crate::job::{Format, Job, Print, Request};
use crate::model::collect::load_procedures_from;
use crate::model::Grouping;
use crate::model::{Campaign, Lang, OutputKind, Procedure, Size};

/// The options every printing command takes.
pub struct Options {
    pub campaign: Option<PathBuf>,
    pub print: Print,
    pub lang: Option<Lang>,
    pub template: Option<PathBuf>,
    /// `--sheet`: the sheet of a list to read.
    pub sheet: Option<String>,
    /// Cards: `--no-fill` leaves the last sheet's empty slots empty.
    pub no_fill: bool,
    /// `--png`: images instead of a PDF, `px` wide (each command's
    /// default when not given).
    pub png: bool,
    pub px: Option<u32>,
}

impl Options {
    fn load_campaign(&self, diags: &mut Diagnostics) -> Option<Campaign> {
        let path = self.campaign.as_deref()?;
        // The logo is decoded while the procedures are read; the job
        // waits for it (and says what was wrong with it).
        match Campaign::load_started(path) {
            Ok((c, said)) => {
                diags.extend(said);
                Some(c)
            }
            Err(d) => {
                diags.extend(d);
                None
            }
        }
    }

    /// PNG output: asked for with `--png`, or by an output file named
    /// `.png`. `--png` with an output named `.pdf` is a slip, not a wish
    /// for a PNG file called .pdf.
    fn format_for(&self, output: Option<&Path>) -> Result<Format, Diagnostic> {
        let ext = output
            .and_then(|o| o.extension())
            .map(|e| e.to_string_lossy().to_lowercase());
        if self.png && ext.as_deref() == Some("pdf") {
            return Err(Diagnostic::error(crate::t!(
                "png-named-pdf",
                path = output.unwrap_or(Path::new("")).display()
            ))
            .with_hint(crate::t!("png-named-pdf-hint")));
        }
        Ok(if self.png || ext.as_deref() == Some("png") {
            Format::Png {
                px: self.px.unwrap_or(crate::render::png::DEFAULT_PX),
            }
        } else {
            Format::Pdf
        })
    }
}

/// The default width of a leaflet side's image.
const LEAFLET_PX: u32 = 1620;

/// What one command asks for, besides its options.
struct Ask<'a> {
    kind: OutputKind,
    size: Size,
    format: Format,
    booklet: bool,
    copies: usize,
    group: Grouping,
    /// The procedures named (the campaign's when none are).
    paths: &'a [PathBuf],
}

/// `diags` with what is wrong with the campaign's logo, decoded meanwhile:
/// a broken campaign and broken procedures are reported together.
fn with_logo(mut diags: Diagnostics, campaign: &mut Option<Campaign>) -> Diagnostics {
    if let Some(c) = campaign {
        diags.extend(c.finish_logo());
    }
    diags
}

/// Loads the campaign and the procedures, resolves the job, makes its
/// files; returns every warning, or every problem when nothing was written.
fn run(ask: Ask, out: make::Out, opts: &Options) -> Result<Diagnostics, Diagnostics> {
    let mut diags = Diagnostics::new();
    let mut campaign = opts.load_campaign(&mut diags);
    // The fonts are made on another core (after the logo's decoding, which
    // the job needs sooner) while the procedures are read.
    rayon::spawn(crate::text::warm_up);
    // A broken campaign and broken procedures are reported together.
    if diags.has_errors() && ask.paths.is_empty() {
        return Err(diags);
    }
    let sheet = opts
        .sheet
        .clone()
        .or_else(|| campaign.as_ref().and_then(|c| c.sheet.clone()));
    let procedures = match procedures_for(
        ask.paths,
        campaign.as_ref(),
        ask.kind,
        sheet.as_deref(),
        &mut diags,
    ) {
        Ok(p) if !diags.has_errors() => p,
        Ok(_) => return Err(with_logo(diags, &mut campaign)),
        Err(d) => {
            diags.extend(d);
            return Err(with_logo(diags, &mut campaign));
        }
    };
    if let Some(c) = &campaign {
        diags.extend(c.tracking_warnings(&procedures));
    }
    let job = Job::resolve(Request {
        kind: ask.kind,
        size: Some(ask.size),
        format: ask.format,
        campaign,
        lang: opts.lang,
        template: opts.template.as_deref(),
        print: opts.print,
        booklet: ask.booklet,
        copies: ask.copies,
        group: ask.group,
        fill_sheets: !opts.no_fill,
        procedures,
    })?;
    let (written, problems) = make::make(&job, out);
    for w in written {
        w.print();
        diags.extend(w.warnings);
    }
    if problems.has_errors() {
        diags.extend(problems);
        return Err(diags);
    }
    diags.extend(problems);
    Ok(diags)
}

/// The procedures named, or the campaign's when none are, with their
/// warnings in `diags`; every error when any file has one.
fn procedures_for(
    paths: &[PathBuf],
    campaign: Option<&Campaign>,
    kind: OutputKind,
    sheet: Option<&str>,
    diags: &mut Diagnostics,
) -> Result<Vec<Procedure>, Diagnostics> {
    let paths = if paths.is_empty() {
        match campaign {
            Some(c) if !c.procedures.is_empty() => c.procedures.clone(),
            _ => {
                return Err(Diagnostic::error(crate::t!(
                    "no-procedures-for",
                    kind = kind.described()
                ))
                .with_hint(crate::t!("no-procedures-for-hint", command = kind.name()))
                .into())
            }
        }
    } else {
        paths.to_vec()
    };
    let catalogue = campaign.map_or(Catalogue::builtin(), |c| &c.catalogue);
    let loaded = load_procedures_from(&paths, sheet, catalogue, None)?;
    let errors = loaded.problems.has_errors();
    diags.extend(loaded.problems);
    if errors {
        return Err(std::mem::take(diags));
    }
    Ok(loaded.procedures)
}

pub fn poster(
    paths: &[PathBuf],
    output: Option<PathBuf>,
    (size, phone): (Size, bool),
    opts: &Options,
) -> Result<Diagnostics, Diagnostics> {
    // `--phone`: the image laid out for a phone, always a PNG.
    let format = match phone {
        true => Format::Png {
            px: opts.px.unwrap_or(crate::render::png::DEFAULT_PX),
        },
        false => opts.format_for(output.as_deref())?,
    };
    let kind = if phone {
        OutputKind::Png
    } else {
        OutputKind::Poster
    };
    let ask = Ask {
        kind,
        size,
        format,
        booklet: false,
        copies: 1,
        group: Grouping::AsListed,
        paths,
    };
    // One procedure file: one poster, named after it unless -o says.
    let one_file = match paths {
        [p] => p.is_file() && !crate::model::list::is_list(p),
        _ => false,
    };
    if one_file {
        let out = output.unwrap_or_else(|| {
            PathBuf::from(paths[0].file_stem().unwrap_or_default())
                .with_extension(format.extension())
        });
        return run(ask, make::Out::File(&out), opts);
    }
    // Several files, folders or lists: a poster of each, into a folder.
    if let Some(o) = output.as_deref().filter(|o| o.extension().is_some()) {
        return Err(
            Diagnostic::error(crate::t!("posters-out-file", path = o.display()))
                .with_hint(crate::t!("posters-out-file-hint"))
                .into(),
        );
    }
    let default = if phone { "zalo" } else { "posters" };
    let out = output.unwrap_or_else(|| PathBuf::from(default));
    run(ask, make::Out::FileOrFolder(&out), opts)
}

pub fn handbook(
    paths: &[PathBuf],
    output: Option<PathBuf>,
    (size, booklet, group): (Size, bool, Grouping),
    opts: &Options,
) -> Result<Diagnostics, Diagnostics> {
    let out = output.unwrap_or_else(|| {
        PathBuf::from(if booklet {
            "cam-nang-in.pdf"
        } else {
            "cam-nang.pdf"
        })
    });
    let ask = Ask {
        kind: OutputKind::Handbook,
        size,
        format: Format::Pdf,
        booklet,
        copies: 1,
        group,
        paths,
    };
    run(ask, make::Out::File(&out), opts)
}

pub fn cards(
    paths: &[PathBuf],
    output: Option<PathBuf>,
    copies: usize,
    opts: &Options,
) -> Result<Diagnostics, Diagnostics> {
    let format = if opts.png {
        Format::Png {
            px: opts.px.unwrap_or(crate::render::png::DEFAULT_PX),
        }
    } else {
        Format::Pdf
    };
    let out = match format {
        // A folder of cards, one PNG each.
        Format::Png { .. } => {
            if let Some(o) = output.as_deref().filter(|o| o.extension().is_some()) {
                return Err(
                    Diagnostic::error(crate::t!("cards-png-out-file", path = o.display()))
                        .with_hint(crate::t!("cards-png-out-file-hint"))
                        .into(),
                );
            }
            output.unwrap_or_else(|| PathBuf::from("the-qr"))
        }
        Format::Pdf => output.unwrap_or_else(|| PathBuf::from("the-qr.pdf")),
    };
    let ask = Ask {
        kind: OutputKind::Cards,
        size: Size::A4,
        format,
        booklet: false,
        copies,
        group: Grouping::AsListed,
        paths,
    };
    run(ask, make::Out::File(&out), opts)
}

pub fn leaflet(
    paths: &[PathBuf],
    output: Option<PathBuf>,
    opts: &Options,
) -> Result<Diagnostics, Diagnostics> {
    // A side of a leaflet is A4 wide: 1620 px keeps its codes' modules at
    // 3 pixels, unless a width is asked for.
    let format = match opts.format_for(output.as_deref())? {
        Format::Png { .. } if opts.px.is_none() => Format::Png { px: LEAFLET_PX },
        f => f,
    };
    let out = output.unwrap_or_else(|| PathBuf::from("to-gap").with_extension(format.extension()));
    let ask = Ask {
        kind: OutputKind::Leaflet,
        size: Size::A4,
        format,
        booklet: false,
        copies: 1,
        group: Grouping::AsListed,
        paths,
    };
    run(ask, make::Out::File(&out), opts)
}

pub fn catalog(
    paths: &[PathBuf],
    output: Option<PathBuf>,
    size: Size,
    opts: &Options,
) -> Result<Diagnostics, Diagnostics> {
    let out = output.unwrap_or_else(|| PathBuf::from("danh-muc.pdf"));
    let ask = Ask {
        kind: OutputKind::Catalog,
        size,
        format: Format::Pdf,
        booklet: false,
        copies: 1,
        group: Grouping::AsListed,
        paths,
    };
    run(ask, make::Out::File(&out), opts)
}
