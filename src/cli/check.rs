//! `toroi check`: every problem in every file, without writing anything.
//! The checks are the commands' own: loading, then laying out each output
//! (a poster and an A5 handbook for bare procedure files; a campaign's own
//! outputs), so whatever `check` passes, `build` prints.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use rayon::prelude::*;

use super::outputs::{self, campaign_files, check_output, Print, Style};
use super::report;
use crate::diag::{Diagnostics, Severity};
use crate::layout::template::with_overrides;
use crate::model::collect::load_procedures;
use crate::model::{is_campaign, preset, sizes_of, Campaign, Procedure};

pub fn check(paths: &[PathBuf], strict: bool) -> ExitCode {
    let mut all = Diagnostics::new();
    let mut files = BTreeSet::new();
    let mut procedure_paths = Vec::new();
    for path in paths {
        if path.is_file() && is_campaign(path) {
            files.insert(path.clone());
            campaign(path, &mut all, &mut files);
        } else {
            procedure_paths.push(path.clone());
        }
    }
    if !procedure_paths.is_empty() {
        match load_procedures(&procedure_paths) {
            Err(d) => all.extend(d),
            Ok(loaded) => {
                files.extend(loaded.files.iter().cloned());
                all.extend(loaded.problems);
                for (kind, size) in [("poster", "a4"), ("handbook", "a5")] {
                    match with_overrides(&format!("{kind}-{size}"), "vi", None) {
                        Ok((template, labels)) => {
                            let style = Style {
                                campaign: None,
                                template: &template,
                                labels: &labels,
                                print: Print::default(),
                            };
                            all.extend(lay_out(kind, &loaded.procedures, &style));
                        }
                        Err(d) => all.extend(d),
                    }
                }
            }
        }
    }
    all.dedup();
    report(&all);
    let errors = all.count(Severity::Error);
    let warnings = all.count(Severity::Warning);
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let summary = format!(
        "{}, {} in {}",
        plural(errors, "error", "errors"),
        plural(warnings, "warning", "warnings"),
        plural(files.len(), "file", "files")
    );
    if errors > 0 || (strict && warnings > 0) {
        eprintln!(
            "{summary}{}",
            if errors == 0 {
                " (--strict: warnings fail)"
            } else {
                ""
            }
        );
        ExitCode::from(1)
    } else {
        println!("{summary}: ready to print");
        ExitCode::SUCCESS
    }
}

/// Lays out one kind of output for `procedures` (each poster, or one
/// handbook, leaflet or card sheet), collecting errors and warnings.
fn lay_out(kind: &str, procedures: &[Procedure], style: &Style) -> Diagnostics {
    let mut diags = Diagnostics::new();
    if kind == "poster" || kind == "png" {
        let results: Vec<_> = procedures
            .par_iter()
            .map(|p| outputs::check_poster(p, style))
            .collect();
        for r in results {
            diags.extend(r.unwrap_or_else(|e| e));
        }
    } else if kind == "cards" {
        diags.extend(outputs::check_cards(procedures, style).unwrap_or_else(|e| e));
    } else if kind == "leaflet" {
        diags.extend(outputs::check_leaflet(procedures, style).unwrap_or_else(|e| e));
    } else if !procedures.is_empty() {
        diags.extend(outputs::check_handbook(procedures, style).unwrap_or_else(|e| e));
    }
    diags
}

fn campaign(path: &Path, all: &mut Diagnostics, files: &mut BTreeSet<PathBuf>) {
    let campaign = match Campaign::load(path) {
        Ok(c) => c,
        Err(d) => return all.extend(d),
    };
    let loaded = match load_procedures(&campaign.procedures) {
        Ok(l) => l,
        Err(d) => return all.extend(d),
    };
    files.extend(loaded.files.iter().cloned());
    all.extend(loaded.problems);
    let mut inputs: Vec<&Path> = loaded.files.iter().map(PathBuf::as_path).collect();
    inputs.extend(campaign_files(Some(&campaign)));
    for output in &campaign.outputs {
        let Some(default_size) = sizes_of(&output.kind).first() else {
            all.push(
                campaign
                    .src
                    .error_at(
                        output.offset,
                        format!("toroi cannot make `{}` outputs yet", output.kind),
                    )
                    .with_hint("use kind = \"poster\" or kind = \"handbook\""),
            );
            continue;
        };
        let size = output.size.as_deref().unwrap_or(default_size);
        // An output's own list of procedures; its problems are de-duplicated
        // with the campaign's later.
        let own = match output.procedures.as_ref().map(|p| load_procedures(p)) {
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
        let (template, labels) = match with_overrides(
            &preset(&output.kind, size),
            &campaign.lang,
            output.template.as_deref(),
        ) {
            Ok(t) => t,
            Err(d) => {
                all.extend(d);
                continue;
            }
        };
        // Posters go into a folder, one file per procedure; the rest are one file.
        let targets: Vec<PathBuf> = if output.kind == "poster" || output.kind == "png" {
            let ext = if output.kind == "png" { "png" } else { "pdf" };
            procedures
                .iter()
                .map(|p| {
                    output
                        .file
                        .join(p.path().file_stem().unwrap_or_default())
                        .with_extension(ext)
                })
                .collect()
        } else {
            vec![output.file.clone()]
        };
        for target in &targets {
            if let Err(d) = check_output(target, &inputs) {
                let (pos, line) = campaign.src.position(output.offset);
                all.push(d.in_file(path).at(pos, Some(line)));
            }
        }
        let own_title = campaign.for_output(output);
        let style = Style {
            campaign: Some(&own_title),
            template: &template,
            labels: &labels,
            print: Print::default(),
        };
        all.extend(super::build::at_output(
            lay_out(&output.kind, procedures, &style),
            &campaign,
            output,
        ));
    }
}
