//! `toroi poster`, `handbook`, `cards` and `leaflet`: one output from the
//! command line.

use std::path::{Path, PathBuf};

use super::job::Job;
use super::make::{self, Print, Style};
use crate::diag::{Diagnostic, Diagnostics};
use crate::model::collect::load_procedures;
use crate::model::{Campaign, Lang, OutputKind, Procedure, Size};

/// The options every printing command takes.
pub struct Options {
    pub campaign: Option<PathBuf>,
    pub print: Print,
    pub lang: Option<Lang>,
    pub template: Option<PathBuf>,
    /// `--png`: images instead of a PDF, `px` wide.
    pub png: bool,
    pub px: u32,
}

impl Options {
    fn load_campaign(&self, diags: &mut Diagnostics) -> Option<Campaign> {
        let path = self.campaign.as_deref()?;
        Campaign::load(path).map_err(|d| diags.extend(d)).ok()
    }

    /// PNG output: asked for with `--png`, or by an output file named
    /// `.png`. `--png` with an output named `.pdf` is a slip, not a wish
    /// for a PNG file called .pdf.
    fn png_for(&self, output: Option<&Path>) -> Result<Option<u32>, Diagnostic> {
        let ext = output
            .and_then(|o| o.extension())
            .map(|e| e.to_string_lossy().to_lowercase());
        if self.png && ext.as_deref() == Some("pdf") {
            return Err(Diagnostic::error(format!(
                "--png writes PNG images, but the output is named {}",
                output.unwrap_or(Path::new("")).display()
            ))
            .with_hint("name the output .png, or leave out --png for a PDF"));
        }
        Ok((self.png || ext.as_deref() == Some("png")).then_some(self.px))
    }

    /// The output these options ask for, resolved as `build` resolves an
    /// `[[output]]`.
    fn job(
        &self,
        kind: OutputKind,
        size: Size,
        campaign: Option<Campaign>,
    ) -> Result<Job, Diagnostics> {
        Job::resolve(
            kind,
            Some(size),
            campaign,
            self.lang,
            self.template.as_deref(),
            self.print,
        )
    }
}

pub fn poster(
    path: &Path,
    output: Option<PathBuf>,
    size: Size,
    opts: &Options,
) -> Result<Diagnostics, Diagnostics> {
    let mut diags = Diagnostics::new();
    let procedure = Procedure::load(path).map_err(|d| diags.extend(d)).ok();
    let campaign = opts.load_campaign(&mut diags);
    let (Some(procedure), false) = (procedure, diags.has_errors()) else {
        return Err(diags);
    };
    diags.extend(procedure.lint());
    if let Some(c) = &campaign {
        diags.extend(c.tracking_warnings(std::slice::from_ref(&procedure)));
    }
    let png = opts.png_for(output.as_deref())?;
    let out = output.unwrap_or_else(|| {
        PathBuf::from(path.file_stem().unwrap_or_default()).with_extension(if png.is_some() {
            "png"
        } else {
            "pdf"
        })
    });
    let job = opts.job(OutputKind::Poster, size, campaign)?;
    let style = job.style();
    let written = match png {
        Some(px) => make::poster_png(&procedure, &style, &out, px)?,
        None => vec![make::poster(&procedure, &style, &out)?],
    };
    for w in written {
        w.print();
        diags.extend(w.warnings);
    }
    Ok(diags)
}

/// The procedures named, or the campaign's when none are.
fn procedures_for(
    paths: &[PathBuf],
    campaign: Option<&Campaign>,
    what: &str,
    diags: &mut Diagnostics,
) -> Result<Vec<Procedure>, Diagnostics> {
    let paths = if paths.is_empty() {
        match campaign {
            Some(c) if !c.procedures.is_empty() => c.procedures.clone(),
            _ => {
                return Err(
                    Diagnostic::error(format!("no procedures to put in the {what}"))
                        .with_hint(format!(
                            "name procedure files or folders, e.g. toroi {what} procedures/"
                        ))
                        .into(),
                )
            }
        }
    } else {
        paths.to_vec()
    };
    let loaded = load_procedures(&paths)?;
    let errors = loaded.problems.has_errors();
    diags.extend(loaded.problems);
    if errors {
        return Err(std::mem::take(diags));
    }
    Ok(loaded.procedures)
}

/// What a multi-procedure command has loaded before it lays anything out.
struct Loaded {
    job: Job,
    procedures: Vec<Procedure>,
    /// Warnings so far.
    diags: Diagnostics,
}

impl Loaded {
    /// The campaign, the procedures (named, or the campaign's), and the
    /// output resolved from the options.
    fn new(
        paths: &[PathBuf],
        what: &str,
        kind: OutputKind,
        size: Size,
        opts: &Options,
    ) -> Result<Loaded, Diagnostics> {
        let mut diags = Diagnostics::new();
        let campaign = opts.load_campaign(&mut diags);
        if diags.has_errors() {
            return Err(diags);
        }
        let procedures = procedures_for(paths, campaign.as_ref(), what, &mut diags)?;
        if let Some(c) = &campaign {
            diags.extend(c.tracking_warnings(&procedures));
        }
        let job = opts.job(kind, size, campaign)?;
        Ok(Loaded {
            job,
            procedures,
            diags,
        })
    }

    fn style(&self, _opts: &Options) -> Style<'_> {
        self.job.style()
    }

    /// Prints what was written; returns every warning.
    fn finish(mut self, written: Vec<make::Written>) -> Diagnostics {
        for w in written {
            w.print();
            self.diags.extend(w.warnings);
        }
        self.diags
    }
}

pub fn handbook(
    paths: &[PathBuf],
    output: Option<PathBuf>,
    size: Size,
    booklet: bool,
    opts: &Options,
) -> Result<Diagnostics, Diagnostics> {
    let job = Loaded::new(paths, "handbook", OutputKind::Handbook, size, opts)?;
    let out = output.unwrap_or_else(|| {
        PathBuf::from(if booklet {
            "cam-nang-in.pdf"
        } else {
            "cam-nang.pdf"
        })
    });
    let written = make::handbook(&job.procedures, &job.style(opts), &out, booklet)?;
    Ok(job.finish(vec![written]))
}

pub fn cards(
    paths: &[PathBuf],
    output: Option<PathBuf>,
    copies: usize,
    opts: &Options,
) -> Result<Diagnostics, Diagnostics> {
    let job = Loaded::new(paths, "cards", OutputKind::Cards, Size::A4, opts)?;
    let written = match opts.png.then_some(opts.px) {
        // A folder of cards, one PNG each.
        Some(px) => {
            if let Some(o) = output.as_deref().filter(|o| o.extension().is_some()) {
                return Err(Diagnostic::error(format!(
                    "with --png, -o names a folder for the card images, not the file {}",
                    o.display()
                ))
                .with_hint("e.g. -o the-qr (one PNG per procedure goes in it)")
                .into());
            }
            let dir = output.unwrap_or_else(|| PathBuf::from("the-qr"));
            make::cards_png(&job.procedures, &job.style(opts), &dir, px)?
        }
        None => {
            let out = output.unwrap_or_else(|| PathBuf::from("the-qr.pdf"));
            vec![make::cards(
                &job.procedures,
                copies,
                &job.style(opts),
                &out,
            )?]
        }
    };
    Ok(job.finish(written))
}

pub fn leaflet(
    paths: &[PathBuf],
    output: Option<PathBuf>,
    opts: &Options,
) -> Result<Diagnostics, Diagnostics> {
    let job = Loaded::new(paths, "leaflet", OutputKind::Leaflet, Size::A4, opts)?;
    let png = opts.png_for(output.as_deref())?;
    let out = output.unwrap_or_else(|| {
        PathBuf::from(if png.is_some() {
            "to-gap.png"
        } else {
            "to-gap.pdf"
        })
    });
    let written = match png {
        Some(px) => make::leaflet_png(&job.procedures, &job.style(opts), &out, px)?,
        None => vec![make::leaflet(&job.procedures, &job.style(opts), &out)?],
    };
    Ok(job.finish(written))
}
