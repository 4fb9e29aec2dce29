//! One output, resolved once: everything its layout needs, decided before
//! layout starts (after usvg: resolve once, then only draw).
//!
//! A [`Job`] comes from the command line's flags or from a campaign's
//! `[[output]]`, through the same [`Job::resolve`]; `build`, `check` and
//! the single commands all lay out a `Job`, so they cannot drift apart.
//! It holds the kind and format, the template (preset + the user's file,
//! validated), the labels in the output's language, the date (the one
//! reading of the clock), the issuer's name and the title with their
//! defaults, and each procedure with its final address and QR matrix.

use std::path::Path;

use rayon::prelude::*;

use crate::diag::{Diagnostic, Diagnostics};
use crate::model::{
    address, Campaign, Grouping, Lang, Output, OutputKind, Procedure, Size, NATIONAL_PORTAL,
};
use crate::qr::{QrError, QrMatrix};
use crate::style::{template_for, Labels, Template};

/// What bytes an output becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Pdf,
    /// Images for chat apps, `px` wide.
    Png {
        px: u32,
    },
}

impl Format {
    /// The file extension it is written with.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Png { .. } => "png",
        }
    }
}

/// `procedures` by field, stable: fields in the order they first appear
/// ("HỘ TỊCH" and "Hộ tịch" are one), those without a field last.
pub fn by_field(procedures: Vec<Procedure>) -> Vec<Procedure> {
    let key = |p: &Procedure| p.field.as_ref().map(|f| f.value.trim().to_lowercase());
    let mut order: Vec<Option<String>> = Vec::new();
    for p in &procedures {
        let k = key(p);
        if k.is_some() && !order.contains(&k) {
            order.push(k);
        }
    }
    let mut indexed: Vec<(usize, Procedure)> = procedures
        .into_iter()
        .map(|p| {
            let k = key(&p);
            (order.iter().position(|o| *o == k).unwrap_or(usize::MAX), p)
        })
        .collect();
    indexed.sort_by_key(|(i, _)| *i);
    indexed.into_iter().map(|(_, p)| p).collect()
}

/// For a print shop: bleed and crop marks, CMYK colours.
#[derive(Debug, Clone, Copy, Default)]
pub struct Print {
    /// Millimetres on every side; 0 for an office printer.
    pub bleed: f32,
    pub cmyk: bool,
}

impl Print {
    /// ", 3 mm bleed, CMYK" for the summary line.
    pub fn describe(&self) -> String {
        let mut s = String::new();
        if self.bleed > 0.0 {
            s.push_str(&format!(", {}", crate::t!("print-bleed", mm = self.bleed)));
        }
        if self.cmyk {
            s.push_str(", CMYK");
        }
        s
    }
}

/// What an output is asked to be, before anything is resolved.
pub struct Request<'a> {
    pub kind: OutputKind,
    /// The kind's first size when none is asked for.
    pub size: Option<Size>,
    pub format: Format,
    /// The campaign as this output prints it (with the output's title).
    pub campaign: Option<Campaign>,
    /// The campaign's language when none is asked for, else Vietnamese.
    pub lang: Option<Lang>,
    pub template: Option<&'a Path>,
    pub print: Print,
    /// Handbooks: imposed for folding.
    pub booklet: bool,
    /// Cards: how many of each.
    pub copies: usize,
    /// Handbooks: grouped by field or as listed.
    pub group: Grouping,
    /// Cards: fill the last sheet by repeating the cards.
    pub fill_sheets: bool,
    pub procedures: Vec<Procedure>,
}

impl Request<'static> {
    /// `kind` of `procedures` in its first size, as laid out with no
    /// template, print settings or options of the command line: a check
    /// that a file fits, a preview.
    pub fn plain(
        kind: OutputKind,
        format: Format,
        campaign: Option<Campaign>,
        procedures: Vec<Procedure>,
    ) -> Request<'static> {
        Request {
            kind,
            size: None,
            format,
            campaign,
            lang: None,
            template: None,
            print: Print::default(),
            booklet: false,
            copies: 1,
            group: Grouping::AsListed,
            fill_sheets: true,
            procedures,
        }
    }
}

/// An address as a QR code carries it, encoded once.
#[derive(Debug, Clone)]
pub struct Code {
    /// The final address: normalised, with the campaign's tracking.
    pub href: String,
    pub matrix: QrMatrix,
    /// What prints under the code for a person to read or type: see
    /// [`crate::model::address::for_people`].
    pub shown: String,
}

impl Code {
    /// The code for `href`, printed as `shown`.
    pub fn new(href: String, shown: String) -> Result<Code, QrError> {
        let matrix = QrMatrix::encode(&href, qrcode::EcLevel::M)?;
        Ok(Code {
            href,
            matrix,
            shown,
        })
    }
}

/// A procedure with the code that opens its page.
#[derive(Debug, Clone)]
pub struct Coded {
    pub procedure: Procedure,
    pub code: Code,
}

pub struct Job {
    pub kind: OutputKind,
    pub format: Format,
    pub template: Template,
    pub labels: Labels,
    pub print: Print,
    /// Read from the clock once (or SOURCE_DATE_EPOCH): the PDF's dates
    /// and the year a handbook's cover shows.
    pub date: i64,
    pub booklet: bool,
    pub copies: usize,
    pub group: Grouping,
    /// Cards: the last sheet's empty slots take the cards again.
    pub fill_sheets: bool,
    /// Read every code back before writing (`build --proof`; `check`
    /// always does).
    pub proof: bool,
    /// For the issuer's details and the logo; `title` and `issuer` below
    /// already carry the defaults.
    pub campaign: Option<Campaign>,
    /// The output's title, else the campaign's, else the language's default.
    pub title: String,
    /// The issuer's name, else the language's default.
    pub issuer: String,
    pub entries: Vec<Coded>,
    /// The campaign's own link (the portal by default), tracked: the code
    /// on a handbook's cover and a leaflet's back. Made only for the kinds
    /// that print it ([`OutputKind::prints_campaign_code`]): a poster or
    /// a catalogue no longer encodes a code it never shows.
    pub front: Option<Code>,
    /// The title rows of the lists the procedures were read from ("Kèm
    /// theo Quyết định số …"): the catalogue prints them under its title.
    pub headings: Vec<String>,
}

impl Job {
    /// The one place an output is resolved, from flags or an `[[output]]`.
    pub fn resolve(r: Request) -> Result<Job, Diagnostics> {
        let size = r.size.unwrap_or(r.kind.sizes()[0]);
        let lang = r
            .lang
            .unwrap_or_else(|| r.campaign.as_ref().map_or(Lang::Vi, |c| c.lang));
        let (template, mut labels) = template_for(r.kind, size, lang, r.template)?;
        // The one reading of the clock for this output.
        let date = crate::clock::now();
        labels.year_now = crate::clock::year_of(date);
        let procedures = match r.group {
            Grouping::Field => by_field(r.procedures),
            Grouping::AsListed => r.procedures,
        };
        let mut job = Job::with_template(r.kind, template, labels, r.campaign, procedures)?;
        // A logo decoded meanwhile, on another core, is needed from here.
        if let Some(c) = &mut job.campaign {
            let said = c.finish_logo();
            if said.has_errors() {
                return Err(said);
            }
        }
        Ok(Job {
            group: r.group,
            fill_sheets: r.fill_sheets,
            format: r.format,
            print: r.print,
            date,
            booklet: r.booklet,
            copies: r.copies.max(1),
            ..job
        })
    }

    /// A PDF job from a template already in hand, dated 0: what
    /// [`Job::resolve`] builds on, and what the fuzz target and the
    /// layouts' tests use to try many procedures against one template.
    pub fn with_template(
        kind: OutputKind,
        template: Template,
        labels: Labels,
        campaign: Option<Campaign>,
        procedures: Vec<Procedure>,
    ) -> Result<Job, Diagnostics> {
        let title = campaign
            .as_ref()
            .and_then(|c| c.title.as_ref())
            .map_or_else(|| labels.default_title.clone(), |t| t.value.clone());
        let issuer = campaign
            .as_ref()
            .and_then(|c| c.issuer.name.as_ref())
            .map_or_else(|| labels.default_issuer.clone(), |n| n.value.clone());
        let untracked = campaign
            .as_ref()
            .map_or(NATIONAL_PORTAL, |c| c.url.as_str());
        let front = campaign
            .as_ref()
            .map_or_else(|| NATIONAL_PORTAL.to_owned(), |c| c.qr_url(&c.url));
        let words = address::Words {
            code: &labels.code_short,
            search: &labels.search_short,
        };
        // The title rows of the lists the procedures come from, each once.
        let mut headings: Vec<String> = Vec::new();
        for p in &procedures {
            for line in p.src.heading.iter().flat_map(|h| h.iter()) {
                if !headings.contains(line) {
                    headings.push(line.clone());
                }
            }
        }
        headings.truncate(6);
        // The campaign's code and the procedures' are made side by side,
        // their problems said in this thread's language (a studio page's).
        let ui = crate::i18n::current();
        let (front, entries) = rayon::join(
            || {
                kind.prints_campaign_code()
                    .then(|| Code::new(front, address::for_people(untracked, None, words)))
                    .transpose()
            },
            || crate::i18n::speaking(ui, || code_all(procedures, campaign.as_ref(), words)),
        );
        let front = front.map_err(|e| {
            let d =
                Diagnostic::error(e.to_string()).with_hint(crate::t!("hint-shorter-campaign-url"));
            match &campaign {
                Some(c) => d.in_file(c.path()),
                None => d,
            }
        })?;
        let entries = entries?;
        Ok(Job {
            headings,
            kind,
            format: Format::Pdf,
            template,
            labels,
            print: Print::default(),
            date: 0,
            booklet: false,
            copies: 1,
            group: Grouping::AsListed,
            fill_sheets: true,
            proof: false,
            campaign,
            title,
            issuer,
            entries,
            front,
        })
    }

    /// A campaign's `[[output]]` with its procedures, for `build` and
    /// `check` alike.
    pub fn for_output(
        campaign: &Campaign,
        output: &Output,
        procedures: Vec<Procedure>,
    ) -> Result<Job, Diagnostics> {
        let format = match output.kind {
            OutputKind::Png => Format::Png {
                px: output.px.unwrap_or(crate::render::png::DEFAULT_PX),
            },
            _ => Format::Pdf,
        };
        // `page = true`: the poster page drawn as an image.
        let kind = match output.kind {
            OutputKind::Png if output.page_image => OutputKind::Poster,
            k => k,
        };
        Job::resolve(Request {
            kind,
            size: output.size,
            format,
            campaign: Some(campaign.for_output(output)),
            lang: None,
            template: output.template.as_deref(),
            print: Print {
                bleed: output.bleed,
                cmyk: output.cmyk,
            },
            booklet: output.booklet,
            copies: 1,
            group: output.group,
            fill_sheets: true,
            procedures,
        })
    }

    /// The files it is made from, which it must not overwrite: the
    /// procedures, the campaign file and its logo.
    pub fn inputs(&self) -> Vec<&Path> {
        let mut inputs: Vec<&Path> = self.entries.iter().map(|e| e.procedure.path()).collect();
        if let Some(c) = &self.campaign {
            inputs.push(c.path());
            inputs.extend(c.issuer.logo.as_ref().map(|l| l.path.as_path()));
        }
        inputs
    }

    /// The procedures, in order.
    pub fn procedures(&self) -> impl Iterator<Item = &Procedure> {
        self.entries.iter().map(|e| &e.procedure)
    }
}

/// Each procedure's final address, encoded, or an error at each `url`
/// that no QR code can hold.
fn code_all(
    procedures: Vec<Procedure>,
    campaign: Option<&Campaign>,
    words: address::Words,
) -> Result<Vec<Coded>, Diagnostics> {
    let coded: Vec<Result<Coded, Diagnostic>> = procedures
        .into_par_iter()
        .map(crate::i18n::carried(|procedure: Procedure| {
            let href = Campaign::target_of(campaign, &procedure);
            let shown = address::for_people(
                &procedure.url.value,
                procedure.code.as_ref().map(|c| c.value.as_str()),
                words,
            );
            match Code::new(href, shown) {
                Ok(code) => Ok(Coded { procedure, code }),
                Err(e) => Err(procedure
                    .error_at(procedure.url.offset, e.to_string())
                    .with_hint(crate::t!("hint-shorter-url"))),
            }
        }))
        .collect();
    let mut diags = Diagnostics::new();
    let mut entries = Vec::new();
    for c in coded {
        match c {
            Ok(c) => entries.push(c),
            Err(d) => diags.push(d),
        }
    }
    if diags.has_errors() {
        return Err(diags);
    }
    Ok(entries)
}
