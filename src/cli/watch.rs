//! `toroi watch`: build a campaign, then rebuild what a saved file touches,
//! for as long as it runs. A PDF viewer that reloads (SumatraPDF on
//! Windows, most Linux viewers) then shows each save. Problems are printed
//! and watching goes on; Ctrl-C stops it (the handler set in `run` removes
//! any half-written file).

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

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
        return build::build(path, true);
    }
    build::build_some(path, true, &|_| true, None, &build::print);
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
    let mut outputs = outputs_of(path);
    while let Ok(first) = rx.recv() {
        // Only inputs count: a log beside them written every 100 ms must
        // neither start a build nor hold one back.
        let mut batch = Batch::default();
        if !batch.take(first, &outputs, &watched) {
            continue;
        }
        // Debounced: the changes until none comes for a moment, but never
        // longer than a second after the first, so that a file that keeps
        // changing is still built once a second.
        let started = Instant::now();
        let mut last = started;
        loop {
            let wait = SETTLE
                .saturating_sub(last.elapsed())
                .min(MOST.saturating_sub(started.elapsed()));
            if wait.is_zero() {
                break;
            }
            match rx.recv_timeout(wait) {
                Ok(event) => {
                    if batch.take(event, &outputs, &watched) {
                        last = Instant::now();
                    }
                }
                Err(std::sync::mpsc::RecvTimeoutError::Timeout) => break,
                Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => return ExitCode::SUCCESS,
            }
        }
        if batch.rearm {
            // A watched folder was renamed, replaced or deleted: its watch
            // went with the old folder; the folder now at the path is
            // watched afresh.
            for w in &watched {
                let _ = watcher.unwatch(w);
            }
            watched = watch_roots(&mut watcher, path, &[]);
        }
        let campaign = Campaign::load(path).ok();
        let mut changed = batch.paths;
        changed.sort();
        changed.dedup();
        let here = std::env::current_dir()
            .and_then(|d| d.canonicalize())
            .unwrap_or_default();
        let names: Vec<String> = changed
            .iter()
            .map(|p| p.strip_prefix(&here).unwrap_or(p).display().to_string())
            .collect();
        println!("\n{}", crate::t!("watch-changed", paths = names.join(", ")));
        let everything = batch.rearm
            || campaign.is_none()
            || changed.iter().any(|c| !in_procedures(c, campaign.as_ref()));
        // A change to the campaign, a template or a logo rebuilds all;
        // a procedure's file only what it feeds, and of a folder of
        // posters only its own.
        let only = (!everything).then_some(changed.as_slice());
        build::build_some(
            path,
            true,
            &|o| everything || campaign.as_ref().is_some_and(|c| touches(o, c, &changed)),
            only,
            &build::print,
        );
        // The campaign may name new folders and outputs: watch those too.
        watched = watch_roots(&mut watcher, path, &watched);
        outputs = outputs_of(path);
    }
    ExitCode::SUCCESS
}

/// The longest a build waits for changes to settle after the first.
const MOST: Duration = Duration::from_secs(1);

/// The changes gathered for one build.
#[derive(Default)]
struct Batch {
    /// Inputs created, changed or removed.
    paths: Vec<PathBuf>,
    /// A watched folder (or a folder above one) moved or removed.
    rearm: bool,
}

impl Batch {
    /// Takes in one event; whether it counts (an input, or a watched folder).
    fn take(
        &mut self,
        event: notify::Result<notify::Event>,
        outputs: &[PathBuf],
        watched: &[PathBuf],
    ) -> bool {
        let event = match event {
            Ok(e) => e,
            Err(e) => {
                eprintln!(
                    "{}: {}",
                    crate::t!("diag-warning"),
                    crate::t!("watch-failed", reason = e.to_string())
                );
                return false;
            }
        };
        // Reads are not changes (toroi's own build reads them all).
        if !(event.kind.is_create() || event.kind.is_modify() || event.kind.is_remove()) {
            return false;
        }
        // A folder made, moved or deleted (not one whose times change).
        let moved = matches!(
            event.kind,
            notify::EventKind::Create(_)
                | notify::EventKind::Remove(_)
                | notify::EventKind::Modify(notify::event::ModifyKind::Name(_))
        );
        let mut counts = false;
        for p in event.paths {
            if moved && watched.iter().any(|w| same_or_under(w, &p)) {
                self.rearm = true;
                self.paths.push(p);
                counts = true;
            } else if is_input(&p, outputs) {
                self.paths.push(p);
                counts = true;
            }
        }
        counts
    }
}

/// The files the campaign's outputs write (never inputs).
fn outputs_of(path: &Path) -> Vec<PathBuf> {
    Campaign::load(path)
        .map(|c| c.outputs.iter().map(|o| o.file.clone()).collect())
        .unwrap_or_default()
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
pub(super) fn same_or_under(path: &Path, root: &Path) -> bool {
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
