//! `toroi build`: every output a campaign lists. One output failing does
//! not stop the others; the exit status says whether all were written.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use super::claims::{self, Clash};
use super::make;
use super::report;
use crate::diag::{Diagnostic, Diagnostics, Severity};
use crate::job::Job;
use crate::model::collect::load_procedures_from;
use crate::model::{Campaign, Output, OutputKind, Procedure};

pub fn build(path: &Path, proof: bool) -> ExitCode {
    match build_some(path, proof, &|_| true, None, &print) {
        true => ExitCode::SUCCESS,
        false => ExitCode::from(1),
    }
}

/// What a build has to say, as it goes: said on the terminal by the
/// commands ([`print`]), collected by the studio's page.
pub enum Said<'a> {
    /// A file written, with how to print it.
    Wrote(&'a make::Written),
    /// Warnings as they come, and at the end every error.
    Problems(&'a Diagnostics),
    /// The closing lines: how many codes were read back, what was built.
    Done(String),
    /// The closing lines of a build that failed.
    Failed(String),
}

/// The terminal's way of saying it: files and summary on stdout,
/// problems and failure on stderr.
pub fn print(said: Said) {
    match said {
        Said::Wrote(w) => w.print(),
        Said::Problems(d) => report(d),
        Said::Done(line) => println!("{line}"),
        Said::Failed(line) => eprintln!("{line}"),
    }
}

/// Builds the outputs of the campaign at `path` that `wanted` picks (all,
/// or those a change touches, for `watch`), saying what it wrote and every
/// problem; whether all went well. With `changed` (a rebuild by `watch`),
/// an output of a file per procedure writes only the files of procedures
/// read from the changed files, and only their warnings are said again.
pub fn build_some(
    path: &Path,
    proof: bool,
    wanted: &dyn Fn(&Output) -> bool,
    changed: Option<&[PathBuf]>,
    tell: &dyn Fn(Said),
) -> bool {
    let from_changed = |file: &Path| {
        changed.is_none_or(|c| c.iter().any(|c| super::watch::same_or_under(file, c)))
    };
    let started = Instant::now();
    // Warnings as they come; errors held to the end, after every warning
    // and written file, where they are what the user reads last.
    let errors = std::cell::RefCell::new(Diagnostics::new());
    let say = |diags: &Diagnostics| {
        let (e, w): (Vec<_>, Vec<_>) = diags
            .iter()
            .cloned()
            .partition(|d| d.severity == Severity::Error);
        // Rebuilding after a save, the warnings of files left as they were
        // have been said already.
        let w: Diagnostics = w
            .into_iter()
            .filter(|d| d.file.as_deref().is_none_or(from_changed))
            .collect();
        if !w.is_empty() {
            tell(Said::Problems(&w));
        }
        errors.borrow_mut().extend(e.into_iter().collect());
    };
    if !path.exists() {
        let d = Diagnostic::error(crate::t!("build-no-campaign"))
            .in_file(path)
            .with_hint(crate::t!("build-no-campaign-hint"));
        return fail(&d.into(), tell);
    }
    let (campaign, said) = match Campaign::load_warned(path) {
        Ok(c) => c,
        Err(d) => return fail(&d, tell),
    };
    say(&said);
    if campaign.outputs.is_empty() {
        let d = Diagnostic::error(crate::t!("build-no-outputs"))
            .in_file(path)
            .with_hint(crate::t!("build-no-outputs-hint"));
        return fail(&d.into(), tell);
    }
    if campaign.procedures.is_empty() {
        let d = Diagnostic::error(crate::t!("build-no-procedures"))
            .in_file(path)
            .with_hint(crate::t!("build-no-procedures-hint"));
        return fail(&d.into(), tell);
    }
    let loaded = match load_procedures_from(
        &campaign.procedures,
        campaign.sheet.as_deref(),
        &campaign.catalogue,
        Some(&campaign.root),
    ) {
        Ok(l) => l,
        Err(d) => return fail(&d, tell),
    };
    let tracking = campaign.tracking_warnings(&loaded.procedures);
    say(&loaded.problems);
    say(&tracking);
    let mut warnings = loaded.problems.count(Severity::Warning)
        + tracking.count(Severity::Warning)
        + said.count(Severity::Warning);
    let mut broken_count = loaded.broken();

    let mut written = 0;
    let mut failed = 0;
    let chosen: Vec<&Output> = campaign.outputs.iter().filter(|o| wanted(o)).collect();
    // Every output's job first, so that every file it would write is known
    // before any is written.
    let mut jobs: Vec<Result<Job, Diagnostics>> = Vec::with_capacity(chosen.len());
    for output in chosen.iter().copied() {
        // An output with its own list (a leaflet of a few procedures) loads
        // it; problems in files the campaign's list has shown are not repeated.
        let own = output.procedures.as_ref().map(|paths| {
            load_procedures_from(
                paths,
                campaign.sheet.as_deref(),
                &campaign.catalogue,
                Some(&campaign.root),
            )
            .inspect(|l| {
                let fresh: Diagnostics = l
                    .problems
                    .iter()
                    .filter(|d| d.file.as_ref().is_none_or(|f| !loaded.files.contains(f)))
                    .cloned()
                    .collect();
                warnings += fresh.count(Severity::Warning);
                say(&fresh);
                broken_count += l
                    .files
                    .iter()
                    .filter(|f| !loaded.files.contains(f))
                    .filter(|f| !l.procedures.iter().any(|p| p.path() == f.as_path()))
                    .count();
            })
        });
        jobs.push(match &own {
            None => prepare(
                output,
                &campaign,
                &loaded.procedures,
                loaded.broken(),
                proof,
            ),
            Some(Ok(l)) => prepare(output, &campaign, &l.procedures, l.broken(), proof),
            Some(Err(d)) => Err(d.clone()),
        });
        // A file per procedure: after a save, only those the save changed.
        if let (Some(Ok(job)), Some(_)) = (jobs.last_mut(), changed) {
            if output.kind.per_procedure() && job.entries.len() > 1 {
                job.entries.retain(|e| from_changed(e.procedure.path()));
            }
        }
    }
    let targets: Vec<Vec<PathBuf>> = jobs
        .iter()
        .zip(&chosen)
        .map(|(job, output)| match job {
            Ok(job) => make::targets(job, make::Out::FileOrFolder(&output.file)),
            Err(_) => Vec::new(),
        })
        .collect();
    for clash in claims::clashes(&targets) {
        let d = clashed(&campaign, &chosen, &clash);
        jobs[clash.again] = Err(d.into());
    }
    for (output, job) in chosen.iter().copied().zip(jobs) {
        let (done, problems) = match job {
            // None of its procedures changed.
            Ok(job) if job.entries.is_empty() && changed.is_some() => continue,
            Ok(job) => make::make(&job, make::Out::FileOrFolder(&output.file)),
            Err(d) => (Vec::new(), d),
        };
        let problems = at_output(problems, &campaign, output);
        for w in &done {
            tell(Said::Wrote(w));
            warnings += w.warnings.count(Severity::Warning);
            say(&w.warnings);
        }
        written += done.len();
        if problems.has_errors() {
            failed += 1;
        }
        say(&problems);
    }
    let outputs = chosen.len();
    let secs = started.elapsed().as_secs_f32();
    let files = crate::t!("count-files", n = written);
    let outputs = crate::t!("summary-outputs", n = outputs);
    if failed == 0 && broken_count == 0 && errors.borrow().is_empty() {
        let warnings = match warnings {
            0 => String::new(),
            n => format!(", {}", crate::t!("count-warnings", n = n)),
        };
        if proof {
            tell(Said::Done(crate::t!(
                "proof-done",
                n = crate::proof::read_back()
            )));
        }
        tell(Said::Done(crate::t!(
            "built",
            outputs = outputs,
            campaign = path.display(),
            files = files,
            secs = crate::i18n::decimal(secs as f64, 2),
            warnings = warnings,
        )));
        true
    } else {
        let errors = errors.into_inner();
        tell(Said::Problems(&errors));
        if let Some(place) = errors.first_error().filter(|_| errors.iter().count() > 1) {
            tell(Said::Failed(crate::t!("first-error", place = place)));
        }
        let broken = match broken_count {
            0 => String::new(),
            n => crate::t!("build-broken-files", n = n),
        };
        tell(Said::Failed(format!(
            "{}: {}",
            crate::t!("diag-error"),
            crate::t!(
                "build-failed",
                failed = failed,
                outputs = outputs,
                broken = broken,
                files = files,
            )
        )));
        false
    }
}

/// Problems of an output as a whole (a leaflet with too many procedures)
/// point at its `[[output]]` entry, so that the message has a place to fix.
pub(super) fn at_output(diags: Diagnostics, campaign: &Campaign, output: &Output) -> Diagnostics {
    let mut out = Diagnostics::new();
    for d in diags {
        if d.file.is_some() {
            out.push(d);
            continue;
        }
        let mut placed = campaign.src.error_at(output.offset, d.message);
        placed.severity = d.severity;
        placed.hint = d.hint;
        out.push(placed);
    }
    out
}

fn fail(diags: &Diagnostics, tell: &dyn Fn(Said)) -> bool {
    tell(Said::Problems(diags));
    let problems = crate::t!("count-problems", n = diags.count(Severity::Error));
    tell(Said::Failed(format!(
        "{}: {}",
        crate::t!("diag-error"),
        crate::t!("nothing-written", problems = problems)
    )));
    false
}

/// One output's job, or why it must not be made.
fn prepare(
    output: &Output,
    campaign: &Campaign,
    procedures: &[Procedure],
    broken: usize,
    proof: bool,
) -> Result<Job, Diagnostics> {
    if let Some(d) = refused(output, campaign, procedures.len(), broken) {
        return Err(d.into());
    }
    Job::for_output(campaign, output, procedures.to_vec()).map(|job| Job { proof, ..job })
}

/// Two outputs (or two procedures of one) that would write one file: an
/// error at the later output naming the earlier. Shared with `check`.
pub(super) fn clashed(campaign: &Campaign, outputs: &[&Output], clash: &Clash) -> Diagnostic {
    let again = outputs[clash.again];
    let (first_line, _) = campaign.src.position(outputs[clash.first].offset);
    let file = clash.file.display();
    let (message, hint) = match (clash.first == clash.again, clash.nested) {
        (true, _) => (
            crate::t!("clash-within", file = file),
            crate::t!("clash-within-hint"),
        ),
        (false, false) => (
            crate::t!("clash-outputs", file = file, line = first_line.line),
            crate::t!("clash-hint"),
        ),
        (false, true) => (
            crate::t!("clash-nested", file = file, line = first_line.line),
            crate::t!("clash-hint"),
        ),
    };
    campaign.src.error_at(again.offset, message).with_hint(hint)
}

/// An output that must not be made at all: a handbook or leaflet with a
/// procedure missing (it would be handed out), or posters of several
/// procedures into one file. Shared with `check`.
pub(super) fn refused(
    output: &Output,
    campaign: &Campaign,
    procedures: usize,
    broken: usize,
) -> Option<Diagnostic> {
    let at = |message: String| campaign.src.error_at(output.offset, message);
    let whole = |name: &str| {
        (broken > 0).then(|| {
            at(crate::t!(
                "build-whole-broken",
                kind = name,
                file = output.file.display(),
                n = broken
            ))
            .with_hint(crate::t!("build-whole-broken-hint", kind = name))
        })
    };
    match output.kind {
        OutputKind::Poster | OutputKind::Png => {
            let ext = if output.kind == OutputKind::Png {
                "png"
            } else {
                "pdf"
            };
            let named = output
                .file
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case(ext));
            (named && procedures + broken != 1).then(|| {
                at(crate::t!(
                    "build-posters-one-file",
                    file = output.file.display(),
                    n = procedures + broken
                ))
                .with_hint(crate::t!("build-posters-one-file-hint"))
            })
        }
        OutputKind::Leaflet | OutputKind::Handbook | OutputKind::Catalog => {
            whole(&output.kind.described())
        }
        // A sheet of cards one card short would be cut and handed out as
        // if whole: held back like a handbook, the previous file kept.
        OutputKind::Cards => whole(&output.kind.described()),
    }
}
