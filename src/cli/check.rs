//! `toroi check`: every problem in every file, without writing anything.
//! The checks are the commands' own: loading, then laying out each output
//! (a poster and an A5 handbook for bare procedure files; a campaign's own
//! outputs), so whatever `check` passes, `build` prints.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::make::{check_output, targets, Out};
use super::report;
use crate::catalogue::Catalogue;
use crate::diag::{Diagnostic, Diagnostics, Severity};
use crate::job::{Format, Job, Print, Request};
use crate::layout;
use crate::model::collect::{self, load_procedures_from};
use crate::model::{is_campaign, is_template, list, Campaign, Lang, OutputKind, SourceFile};
use crate::style::template::with_overrides;

pub fn check(paths: &[PathBuf], strict: bool, sheet: Option<&str>) -> ExitCode {
    let mut all = Diagnostics::new();
    let mut files = BTreeSet::new();
    // Procedures linked to their page by the catalogue (from their code,
    // from their title), each once however many outputs name it.
    let mut linked = Linked::default();
    // Every file under the paths, each checked as what it is: a campaign
    // (with its templates and procedures), a template, or a procedure.
    let mut procedure_paths = Vec::new();
    for path in paths {
        let found = if path.is_dir() {
            match collect::folder(path) {
                Ok(found) => found,
                Err(e) => {
                    all.push(
                        Diagnostic::error(crate::t!(
                            "folder-unreadable",
                            reason = crate::i18n::io_error(&e)
                        ))
                        .in_file(path),
                    );
                    continue;
                }
            }
        } else if path.exists() {
            vec![path.clone()]
        } else {
            all.push(
                Diagnostic::error(crate::t!("io-not-found"))
                    .in_file(path)
                    .with_hint(crate::t!("path-spelling")),
            );
            continue;
        };
        for file in found {
            if is_campaign(&file) {
                files.insert(file.clone());
                campaign(&file, &mut all, &mut files, &mut linked);
            } else if is_template(&file) {
                files.insert(file.clone());
                // A template met on its own is for some kind of output:
                // it is fine if one kind's preset takes it; otherwise the
                // problems against the preset it fits best are shown.
                let tried: Vec<Diagnostics> = OutputKind::ALL
                    .iter()
                    .flat_map(|k| k.sizes().iter().map(move |s| k.preset(*s)))
                    .filter_map(|preset| with_overrides(preset, Lang::Vi, Some(&file)).err())
                    .collect();
                let presets = OutputKind::ALL
                    .iter()
                    .map(|k| k.sizes().len())
                    .sum::<usize>();
                if tried.len() == presets {
                    if let Some(best) = tried.into_iter().min_by_key(|d| d.iter().count()) {
                        all.extend(best);
                    }
                }
            } else {
                procedure_paths.push(file);
            }
        }
    }
    if !procedure_paths.is_empty() {
        match load_procedures_from(&procedure_paths, sheet, Catalogue::builtin(), None) {
            Err(d) => all.extend(d),
            Ok(loaded) => {
                files.extend(loaded.files.iter().cloned());
                linked.add(&loaded.procedures);
                all.extend(loaded.problems);
                // As `toroi poster` and `toroi handbook` would print them;
                // a list's hundreds of rows go in a handbook and on the
                // notice board's catalogue, not on posters.
                let from_list = procedure_paths.iter().any(|p| list::is_list(p));
                let kinds: &[OutputKind] = if from_list {
                    &[OutputKind::Handbook, OutputKind::Catalog]
                } else {
                    &[OutputKind::Poster, OutputKind::Handbook]
                };
                for &kind in kinds {
                    let job = Job::resolve(Request {
                        kind,
                        size: None,
                        format: Format::Pdf,
                        campaign: None,
                        lang: None,
                        template: None,
                        print: Print::default(),
                        booklet: false,
                        copies: 1,
                        group: crate::model::Grouping::AsListed,
                        fill_sheets: true,
                        procedures: loaded.procedures.clone(),
                    });
                    match job {
                        Ok(job) => all.extend(lay_out(&job)),
                        Err(d) => all.extend(d),
                    }
                }
            }
        }
    }
    // Never "ready to print" for nothing.
    if files.is_empty() && !all.has_errors() {
        let named: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        all.push(
            Diagnostic::error(crate::t!("check-nothing-in", paths = named.join(", ")))
                .with_hint(crate::t!("check-nothing-hint")),
        );
    }
    all.dedup();
    report(&all);
    let errors = all.count(Severity::Error);
    let warnings = all.count(Severity::Warning);
    let summary = crate::t!(
        "check-summary",
        errors = crate::t!("count-errors", n = errors),
        warnings = crate::t!("count-warnings", n = warnings),
        files = crate::t!("count-files", n = files.len()),
    );
    // How many codes the catalogue linked: what the warnings do not say.
    if !linked.by_code.is_empty() {
        println!("{}", crate::t!("check-linked", n = linked.by_code.len()));
    }
    if !linked.by_title.is_empty() {
        println!(
            "{}",
            crate::t!("check-linked-title", n = linked.by_title.len())
        );
    }
    if errors > 0 || (strict && warnings > 0) {
        if errors == 0 {
            eprintln!("{summary} {}", crate::t!("check-strict"));
        } else if let Some(place) = all.first_error().filter(|_| all.iter().count() > 1) {
            eprintln!("{summary} — {}", crate::t!("first-error", place = place));
        } else {
            eprintln!("{summary}");
        }
        ExitCode::from(1)
    } else {
        println!("{summary}: {}", crate::t!("check-ready"));
        ExitCode::SUCCESS
    }
}

/// The procedures the national catalogue linked, by where they are.
#[derive(Default)]
struct Linked {
    by_code: BTreeSet<String>,
    by_title: BTreeSet<String>,
}

impl Linked {
    fn add(&mut self, procedures: &[crate::model::Procedure]) {
        for p in procedures {
            match p.link {
                crate::model::Link::Catalogue => self.by_code.insert(p.origin()),
                crate::model::Link::Title => self.by_title.insert(p.origin()),
                _ => false,
            };
        }
    }
}

/// Lays out `job` as its command would, without rendering: its errors and
/// warnings.
fn lay_out(job: &Job) -> Diagnostics {
    if job.entries.is_empty() {
        return Diagnostics::new();
    }
    let (laid, mut diags) = layout::lay_out(job);
    for l in laid {
        diags.extend(l.warnings);
        // Every code read back from its page, as it will print.
        for m in crate::proof::misread(&l.document.pages) {
            let what = match &m.read {
                Some(other) => crate::t!("proof-reads-as", other = other),
                None => crate::t!("proof-unread"),
            };
            let message = crate::t!(
                "proof-misread",
                page = m.page + 1,
                kind = job.kind.described(),
                what = what
            );
            let hint = crate::t!("proof-misread-hint");
            let d = match job.entries.iter().find(|e| e.code.href == m.href) {
                Some(e) => e.procedure.error_at(e.procedure.url.offset, message),
                None => crate::diag::Diagnostic::error(message),
            };
            diags.push(d.with_hint(hint));
        }
    }
    diags
}

fn campaign(
    path: &Path,
    all: &mut Diagnostics,
    files: &mut BTreeSet<PathBuf>,
    linked: &mut Linked,
) {
    // What can be read of a campaign with mistakes is checked further, so
    // that its procedures' and templates' problems come in the same run.
    let campaign = match SourceFile::load(path) {
        Ok(src) => match Campaign::parse_all(&src) {
            (Some(c), d) => {
                all.extend(d);
                c
            }
            (None, d) => return all.extend(d),
        },
        Err(d) => return all.push(d),
    };
    let loaded = match load_procedures_from(
        &campaign.procedures,
        campaign.sheet.as_deref(),
        &campaign.catalogue,
        Some(&campaign.root),
    ) {
        Ok(l) => l,
        Err(d) => return all.extend(d),
    };
    files.extend(loaded.files.iter().cloned());
    linked.add(&loaded.procedures);
    all.extend(loaded.problems);
    all.extend(campaign.tracking_warnings(&loaded.procedures));
    // Each output's files, to find two that would write one file.
    let mut claimed: Vec<(&crate::model::Output, Vec<PathBuf>)> = Vec::new();
    for output in &campaign.outputs {
        // An output's own list of procedures; its problems are de-duplicated
        // with the campaign's later.
        let own = match output.procedures.as_ref().map(|p| {
            load_procedures_from(
                p,
                campaign.sheet.as_deref(),
                &campaign.catalogue,
                Some(&campaign.root),
            )
        }) {
            None => None,
            Some(Ok(l)) => {
                files.extend(l.files.iter().cloned());
                all.extend(l.problems.clone());
                Some(l)
            }
            Some(Err(d)) => {
                all.extend(d);
                continue;
            }
        };
        let procedures = own.as_ref().map_or(&loaded.procedures, |l| &l.procedures);
        if let Some(t) = &output.template {
            files.insert(t.clone());
        }
        // Broken procedure files have their own errors already.
        if let Some(d) = super::build::refused(output, &campaign, procedures.len(), 0) {
            all.push(d);
            continue;
        }
        let job = match Job::for_output(&campaign, output, procedures.clone()) {
            Ok(job) => job,
            Err(d) => {
                all.extend(d);
                continue;
            }
        };
        let inputs = job.inputs();
        let files = targets(&job, Out::FileOrFolder(&output.file));
        for target in &files {
            if let Err(d) = check_output(target, &inputs) {
                let (pos, line) = campaign.src.position(output.offset);
                all.push(d.in_file(path).at(pos, Some(line)));
            }
        }
        claimed.push((output, files));
        // Laid out as `build` lays it out, without rendering.
        all.extend(super::build::at_output(lay_out(&job), &campaign, output));
    }
    let (outputs, files): (Vec<&crate::model::Output>, Vec<Vec<PathBuf>>) =
        claimed.into_iter().unzip();
    for clash in super::claims::clashes(&files) {
        all.push(super::build::clashed(&campaign, &outputs, &clash));
    }
}
