//! One output's settings, resolved once: its kind and paper size, the
//! campaign as it prints (with the output's own title), the template with
//! the user's file over it and checked, the labels in the output's language,
//! and what a print shop asked for. `build`, `check` and the single
//! commands all come through [`Job::resolve`], so they cannot drift apart.

use std::path::Path;

use super::make::{Print, Style};
use crate::diag::Diagnostics;
use crate::layout::{template_for, Labels, Template};
use crate::model::{Campaign, Lang, Output, OutputKind, Size};

pub struct Job {
    pub kind: OutputKind,
    pub campaign: Option<Campaign>,
    pub template: Template,
    pub labels: Labels,
    pub print: Print,
    /// Read from the clock once (or SOURCE_DATE_EPOCH): the PDF's dates.
    pub date: i64,
}

impl Job {
    /// The one place an output is resolved, from flags or an `[[output]]`.
    /// The language: the one asked for, else the campaign's, else Vietnamese.
    pub fn resolve(
        kind: OutputKind,
        size: Option<Size>,
        campaign: Option<Campaign>,
        lang: Option<Lang>,
        template: Option<&Path>,
        print: Print,
    ) -> Result<Job, Diagnostics> {
        let size = size.unwrap_or(kind.sizes()[0]);
        let lang = lang.unwrap_or_else(|| campaign.as_ref().map_or(Lang::Vi, |c| c.lang));
        let (template, mut labels) = template_for(kind, size, lang, template)?;
        // The one reading of the clock for this output.
        let date = crate::clock::now();
        labels.year_now = crate::clock::year_of(date);
        Ok(Job {
            date,
            kind,
            campaign,
            template,
            labels,
            print,
        })
    }

    /// A campaign's `[[output]]`, for `build` and `check` alike.
    pub fn for_output(campaign: &Campaign, output: &Output) -> Result<Job, Diagnostics> {
        Job::resolve(
            output.kind,
            output.size,
            Some(campaign.for_output(output)),
            None,
            output.template.as_deref(),
            Print {
                bleed: output.bleed,
                cmyk: output.cmyk,
            },
        )
    }

    pub fn style(&self) -> Style<'_> {
        Style {
            campaign: self.campaign.as_ref(),
            template: &self.template,
            labels: &self.labels,
            print: self.print,
            date: self.date,
        }
    }
}
