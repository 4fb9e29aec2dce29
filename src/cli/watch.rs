//! `toroi watch`: build a campaign, then rebuild what a saved file touches,
//! for as long as it runs. A PDF viewer that reloads (SumatraPDF on
//! Windows, most Linux viewers) then shows each save. Problems are printed
//! and watching goes on; Ctrl-C stops it (the handler set in `run` removes
//! any half-written file).

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use notify::{RecursiveMode, Watcher};

use super::build;
use crate::model::{Campaign, Output};

/// Saves closer together than this are one change: an editor writes a
/// file in several steps, and a folder copied in is many files.
const SETTLE: Duration = Duration::from_millis(300);

/// Files whose change can change an output.
const INPUTS: [&str; 11] = [
    "toml", "txt", "xlsx", "xls", "ods", "csv", "png", "jpg", "jpeg", "svg", "svgz",
];

pub fn watch(path: &Path) -> ExitCode {
    if !path.is_file() {
        // Says what is missing, and there is nothing to watch.
        return build::build(path, false);
    }
    build::build_some(path, false, &|_| true);
    let (tx, rx) = std::sync::mpsc::channel();
    let mut watcher = match notify::recommended_watcher(tx) {
        Ok(w) => w,
        Err(e) => {
            eprintln!(
                "{}: {}",
                crate::t!("diag-error"),
                crate::t!("watch-cannot", reason = e.to_string())
            );
            return ExitCode::from(1);
        }
    };
    let mut watched = watch_roots(&mut watcher, path, &[]);
    println!("{}", crate::t!("watch-watching", what = describe(&watched)));
    while let Ok(first) = rx.recv() {
        // Debounced: the paths of every change until none comes for a
        // moment. Reads are not changes (toroi's own build reads them all).
        let mut paths = Vec::new();
        let mut take = |event: notify::Result<notify::Event>| match event {
            Ok(e) if e.kind.is_create() || e.kind.is_modify() || e.kind.is_remove() => {
                paths.extend(e.paths)
            }
            Ok(_) => {}
            Err(e) => eprintln!(
                "{}: {}",
                crate::t!("diag-warning"),
                crate::t!("watch-failed", reason = e.to_string())
            ),
        };
        take(first);
        while let Ok(more) = rx.recv_timeout(SETTLE) {
            take(more);
        }
        let campaign = Campaign::load(path).ok();
        let outputs: Vec<PathBuf> = campaign
            .iter()
            .flat_map(|c| c.outputs.iter().map(|o| o.file.clone()))
            .collect();
        let mut changed: Vec<PathBuf> = paths
            .into_iter()
            .filter(|p| is_input(p, &outputs))
            .collect();
        changed.sort();
        changed.dedup();
        if changed.is_empty() {
            continue;
        }
        let here = std::env::current_dir()
            .and_then(|d| d.canonicalize())
            .unwrap_or_default();
        let names: Vec<String> = changed
            .iter()
            .map(|p| p.strip_prefix(&here).unwrap_or(p).display().to_string())
            .collect();
        println!("\n{}", crate::t!("watch-changed", paths = names.join(", ")));
        let everything =
            campaign.is_none() || changed.iter().any(|c| !in_procedures(c, campaign.as_ref()));
        build::build_some(path, false, &|o| {
            everything || campaign.as_ref().is_some_and(|c| touches(o, c, &changed))
        });
        // The campaign may name new folders: watch those too.
        watched = watch_roots(&mut watcher, path, &watched);
    }
    ExitCode::SUCCESS
}

/// Watches the campaign file's folder and every procedure folder, list and
/// file it names (none twice); returns what is watched.
fn watch_roots(watcher: &mut impl Watcher, path: &Path, already: &[PathBuf]) -> Vec<PathBuf> {
    let mut roots: Vec<(PathBuf, RecursiveMode)> = Vec::new();
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    roots.push((dir.to_path_buf(), RecursiveMode::NonRecursive));
    if let Ok(c) = Campaign::load(path) {
        let named = c
            .procedures
            .iter()
            .chain(c.outputs.iter().flat_map(|o| o.procedures.iter().flatten()));
        for p in named {
            if p.is_dir() {
                roots.push((p.clone(), RecursiveMode::Recursive));
            } else if let Some(parent) = p.parent().filter(|d| !d.as_os_str().is_empty()) {
                roots.push((parent.to_path_buf(), RecursiveMode::NonRecursive));
            }
        }
    }
    let mut watched = already.to_vec();
    for (root, mode) in roots {
        if watched.contains(&root) {
            continue;
        }
        match watcher.watch(&root, mode) {
            Ok(()) => watched.push(root),
            Err(e) => eprintln!(
                "{}: {}",
                crate::t!("diag-warning"),
                crate::t!(
                    "watch-cannot-folder",
                    path = root.display(),
                    reason = e.to_string()
                )
            ),
        }
    }
    watched
}

fn describe(watched: &[PathBuf]) -> String {
    match watched {
        [one] => one.display().to_string(),
        _ => crate::t!("watch-folders", n = watched.len()),
    }
}

/// A file an output can be made from: not toroi's own temporary files,
/// not hidden, not what an output writes.
fn is_input(path: &Path, outputs: &[PathBuf]) -> bool {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    let hidden = name
        .as_deref()
        .is_none_or(|n| n.starts_with('.') || n.starts_with('~'));
    let known = path
        .extension()
        .is_some_and(|e| INPUTS.iter().any(|i| e.eq_ignore_ascii_case(i)));
    let written = outputs.iter().any(|o| same_or_under(path, o));
    !hidden && known && !written
}

/// Whether `path` is `root` or lies in it.
fn same_or_under(path: &Path, root: &Path) -> bool {
    // A deleted file has no canonical path: its folder does.
    let canon = |p: &Path| {
        p.canonicalize()
            .unwrap_or_else(|_| match (p.parent(), p.file_name()) {
                (Some(dir), Some(name)) => dir
                    .canonicalize()
                    .map_or_else(|_| p.to_path_buf(), |d| d.join(name)),
                _ => p.to_path_buf(),
            })
    };
    let (path, root) = (canon(path), canon(root));
    path.starts_with(&root)
}

/// Whether `changed` is one of the campaign's procedure files or lists (a
/// change elsewhere, to the campaign file, a template or a logo, touches
/// every output).
fn in_procedures(changed: &Path, campaign: Option<&Campaign>) -> bool {
    campaign.is_some_and(|c| {
        c.procedures
            .iter()
            .chain(c.outputs.iter().flat_map(|o| o.procedures.iter().flatten()))
            .any(|root| same_or_under(changed, root))
    })
}

/// Whether a change to `changed` touches `output`: one of its procedures.
fn touches(output: &Output, campaign: &Campaign, changed: &[PathBuf]) -> bool {
    let roots = output.procedures.as_ref().unwrap_or(&campaign.procedures);
    changed
        .iter()
        .any(|c| roots.iter().any(|root| same_or_under(c, root)))
}
