//! Which procedure files a command works on: files as named, folders as
//! their `.toml` files in file-name order, each file once.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::catalogue::Catalogue;
use crate::diag::{Diagnostic, Diagnostics};
use crate::model::root::Root;
use crate::model::{
    duplicate_codes, is_campaign, is_template, link, list, shared_portal_ids, Procedure,
};

/// The procedure files under `paths`, in order, with warnings about how
/// some were found (a Notepad `.toml.txt`).
pub fn procedure_files(
    paths: &[PathBuf],
    root: Option<&Root>,
) -> Result<(Vec<PathBuf>, Diagnostics), Diagnostics> {
    let mut diags = Diagnostics::new();
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            match walk(path, root, &mut diags) {
                Ok(found) if found.is_empty() => diags.push(
                    Diagnostic::error(crate::t!("folder-no-procedures"))
                        .in_file(path)
                        .with_hint(crate::t!("folder-no-procedures-hint")),
                ),
                Ok(found) => files.extend(found),
                Err(e) => diags.push(
                    Diagnostic::error(crate::t!(
                        "folder-unreadable",
                        reason = crate::i18n::io_error(&e)
                    ))
                    .in_file(path),
                ),
            }
        } else if path.exists() {
            files.push(path.clone());
        } else {
            diags.push(
                Diagnostic::error(crate::t!("io-not-found"))
                    .in_file(path)
                    .with_hint(crate::t!("path-missing-hint")),
            );
        }
    }
    if diags.has_errors() {
        return Err(diags);
    }
    // The same file named twice (a folder and one of its files) counts once.
    let mut seen = std::collections::HashSet::new();
    files.retain(|f| seen.insert(super::root::canonical(f).unwrap_or_else(|_| f.clone())));
    for f in &files {
        if is_notepad_txt(f) {
            let name = f.file_name().unwrap_or_default().to_string_lossy();
            diags.push(
                Diagnostic::warning(crate::t!("file-txt", name = name.as_ref()))
                    .in_file(f)
                    .with_hint(crate::t!(
                        "file-txt-hint",
                        name = name.trim_end_matches(".txt").trim_end_matches(".TXT")
                    )),
            );
        }
    }
    Ok((files, diags))
}

/// `khai-tu.toml.txt`: what Notepad saves when asked for `khai-tu.toml`.
fn is_notepad_txt(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    name.to_lowercase().ends_with(".toml.txt")
}

/// The `.toml` (and `.toml.txt`) files in `dir` and every folder below it,
/// by name at each level (case-insensitive, so "B.toml" does not come
/// before "a.toml"). Hidden files and folders are editor backups, version
/// control and toroi's own temporary files: left out.
pub fn folder(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    walk(dir, None, &mut Diagnostics::new())
}

/// [`folder`], leaving out (with a warning) what a link leads to outside
/// `root`, and each folder seen before: a folder with a link to itself
/// (or to its parent) is walked once, not forever.
pub fn walk(
    dir: &Path,
    root: Option<&Root>,
    diags: &mut Diagnostics,
) -> std::io::Result<Vec<PathBuf>> {
    let mut seen = std::collections::HashSet::new();
    let mut found = Vec::new();
    walk_into(dir, root, &mut seen, diags, &mut found)?;
    Ok(found)
}

fn walk_into(
    dir: &Path,
    root: Option<&Root>,
    seen: &mut std::collections::HashSet<PathBuf>,
    diags: &mut Diagnostics,
    found: &mut Vec<PathBuf>,
) -> std::io::Result<()> {
    if !seen.insert(super::root::canonical(dir)?) {
        return Ok(());
    }
    // Paths under "." are named without "./", as the campaign names them.
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?
        .map(|e| {
            e.map(|e| {
                let p = e.path();
                p.strip_prefix(".").map(Path::to_path_buf).unwrap_or(p)
            })
        })
        .collect::<Result<_, _>>()?;
    entries.sort_by_key(|p| {
        let name = p.file_name().map(|n| n.to_string_lossy().to_lowercase());
        (name, p.clone())
    });
    for path in entries {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.starts_with('.') {
            continue;
        }
        if let Some(root) = root.filter(|r| !r.admits(&path)) {
            diags.push(
                Diagnostic::warning(crate::t!(
                    "root-link-outside",
                    path = path.display(),
                    root = root.shown().display()
                ))
                .in_file(&path)
                .with_hint(crate::t!("root-link-outside-hint")),
            );
            continue;
        }
        if path.is_dir() {
            walk_into(&path, root, seen, diags, found)?;
        } else if path.is_file()
            && (path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
                || is_notepad_txt(&path))
        {
            found.push(path);
        }
    }
    Ok(())
}

/// The procedures a command works on, and what is wrong with the others.
pub struct Loaded {
    /// Those that can be printed, in order.
    pub procedures: Vec<Procedure>,
    /// Errors of the files (and list rows) left out, and warnings about
    /// those kept.
    pub problems: Diagnostics,
    /// The files read.
    pub files: Vec<PathBuf>,
    /// Procedure files and list rows left out because of errors.
    pub broken: usize,
}

impl Loaded {
    /// Procedure files and list rows left out because of errors.
    pub fn broken(&self) -> usize {
        self.broken
    }
}

/// What one file gave: its procedures (or their errors), and problems of
/// the file as a whole.
struct FromFile {
    /// Each procedure with what the catalogue said of it, or its errors.
    results: Vec<Result<(Procedure, Diagnostics), Diagnostics>>,
    problems: Diagnostics,
    broken: usize,
}

/// A list's rows often lack the same thing (no documents in a catalogue
/// of 255 codes): the same warning for several rows of one file is one
/// line, at the file, with how many rows it concerns and the first few.
fn summarised(lints: Vec<crate::diag::Diagnostic>) -> Diagnostics {
    let mut groups: Vec<(crate::diag::Diagnostic, Vec<usize>, usize)> = Vec::new();
    for d in lints {
        let row = d.at.as_ref().and_then(|a| a.cell.as_ref()).map(|c| c.row);
        match groups
            .iter_mut()
            .find(|(g, _, _)| g.file == d.file && g.message == d.message && g.hint == d.hint)
        {
            Some((_, rows, n)) => {
                rows.extend(row);
                *n += 1;
            }
            None => groups.push((d, row.into_iter().collect(), 1)),
        }
    }
    groups
        .into_iter()
        .map(|(mut d, mut rows, n)| {
            if n > 1 {
                rows.sort_unstable();
                rows.dedup();
                // The first three rows, then how many more.
                let first: Vec<String> = rows.iter().take(3).map(|r| r.to_string()).collect();
                let mut shown = first.join(", ");
                if rows.len() > 3 {
                    shown = format!(
                        "{shown} {}",
                        crate::t!("list-rows-more", n = rows.len() - 3)
                    );
                }
                d.message = match rows.is_empty() {
                    true => format!("{} ({})", d.message, crate::t!("list-rows-count", n = n)),
                    false => format!(
                        "{} ({})",
                        d.message,
                        crate::t!("list-rows", n = n, rows = shown)
                    ),
                };
                d.at = None;
            }
            d
        })
        .collect()
}

/// Loads the procedure files and lists under `paths` in parallel and
/// checks them as a set: a file or row with errors, or with the code of an
/// earlier one, is left out; `lint` warnings are kept. Fails only when the
/// paths themselves do.
pub fn load_procedures(paths: &[PathBuf]) -> Result<Loaded, Diagnostics> {
    load_procedures_from(paths, None, Catalogue::builtin(), None)
}

/// As [`load_procedures`], reading lists from the sheet named `sheet` and
/// linking codes and titles through `catalogue` (a campaign's lists, then
/// the national one).
pub fn load_procedures_from(
    paths: &[PathBuf],
    sheet: Option<&str>,
    catalogue: &Catalogue,
    root: Option<&Root>,
) -> Result<Loaded, Diagnostics> {
    let (mut files, mut problems) = procedure_files(paths, root)?;
    // Parsed and linked through the catalogue on every core: a list of
    // titles looks each one up.
    let linked = |r: Result<Procedure, Diagnostics>| {
        let mut p = r?;
        let said = link::link(&mut p, catalogue);
        match said.has_errors() {
            true => Err(said),
            false => Ok((p, said)),
        }
    };
    // A campaign or template file kept in a folder of procedures is not one
    // of them; only files that fail as procedures are looked at again, so
    // that good ones are read once.
    let results: Vec<Option<FromFile>> = files
        .par_iter()
        .map(|f| {
            if list::is_list(f) {
                return Some(match list::read(f, sheet) {
                    Ok(rows) => FromFile {
                        results: rows
                            .rows
                            .into_par_iter()
                            .map(|r| linked(Procedure::parse(r)))
                            .collect(),
                        problems: rows.problems,
                        broken: rows.broken,
                    },
                    Err(d) => FromFile {
                        results: Vec::new(),
                        problems: d,
                        broken: 1,
                    },
                });
            }
            match Procedure::load(f) {
                Err(_) if !paths.contains(f) && (is_campaign(f) || is_template(f)) => None,
                r => Some(FromFile {
                    results: vec![linked(r)],
                    problems: Diagnostics::new(),
                    broken: 0,
                }),
            }
        })
        .collect();
    let mut procedures = Vec::new();
    let mut kept = results.iter().map(Option::is_some);
    files.retain(|_| kept.next().unwrap_or(true));
    let mut broken = 0;
    for from in results.into_iter().flatten() {
        problems.extend(from.problems);
        broken += from.broken;
        let mut lints = Vec::new();
        for r in from.results {
            match r {
                Ok((p, said)) => {
                    lints.extend(said);
                    lints.extend(p.lint());
                    procedures.push(p);
                }
                Err(d) => {
                    problems.extend(d);
                    broken += 1;
                }
            }
        }
        problems.extend(summarised(lints));
    }
    let (duplicates, repeated) = duplicate_codes(&procedures);
    if !repeated.is_empty() {
        // A row a file stands for is left out with a warning, not broken.
        broken += duplicates.count(crate::diag::Severity::Error);
        let mut i = 0;
        procedures.retain(|_| {
            i += 1;
            !repeated.contains(&(i - 1))
        });
        problems.extend(duplicates);
    }
    problems.extend(shared_portal_ids(&procedures));
    problems.extend(distinct_stems(&mut procedures));
    Ok(Loaded {
        procedures,
        problems,
        files,
        broken,
    })
}

/// Two procedures named alike (`ho-tich/x.toml` and `dat-dai/x.toml`, or
/// a file and a list row with its title) would print posters and images
/// over each other; the later one's files take its folder's name (else
/// its code, else a number) after their own, with a warning saying so.
fn distinct_stems(procedures: &mut [Procedure]) -> Diagnostics {
    let mut diags = Diagnostics::new();
    // Compared as a Windows or macOS disk compares names: in any case.
    let key = |s: &str| s.to_lowercase();
    let mut taken: std::collections::HashMap<String, usize> = procedures
        .iter()
        .enumerate()
        .rev()
        .map(|(i, p)| (key(&p.stem()), i))
        .collect();
    for i in 0..procedures.len() {
        let stem = procedures[i].stem();
        let first = taken[&key(&stem)];
        if first == i {
            continue;
        }
        let p = &procedures[i];
        let folder = p
            .path()
            .parent()
            .and_then(|f| f.file_name())
            .map(|f| list::row::slug(&f.to_string_lossy()))
            .filter(|f| !f.is_empty());
        let code = p.code.as_ref().map(|c| list::row::slug(&c.value));
        let mut candidates: Vec<String> = [folder, code]
            .into_iter()
            .flatten()
            .map(|tail| format!("{stem}-{tail}"))
            .collect();
        candidates.extend(
            (2..)
                .take(procedures.len() + 1)
                .map(|n| format!("{stem}-{n}")),
        );
        let Some(new) = candidates
            .into_iter()
            .find(|c| !taken.contains_key(&key(c)))
        else {
            continue;
        };
        taken.insert(key(&new), i);
        diags.push(
            Diagnostic::warning(crate::t!(
                "stem-renamed",
                stem = stem.as_str(),
                other = procedures[first].origin(),
                new = new.as_str()
            ))
            .in_file(procedures[i].path())
            .with_hint(crate::t!("stem-renamed-hint")),
        );
        std::sync::Arc::make_mut(&mut procedures[i].src).stem = Some(new);
    }
    diags
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_list_their_toml_files_in_name_order_once() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("sub/deeper")).unwrap();
        std::fs::create_dir_all(dir.path().join(".git")).unwrap();
        for name in [
            "b.toml",
            "A.toml",
            "c.txt",
            ".x.toml",
            "d.TOML",
            "e.toml.txt",
            "sub/f.toml",
            "sub/deeper/g.toml",
            ".git/h.toml",
        ] {
            std::fs::write(dir.path().join(name), "").unwrap();
        }
        let d = dir.path().to_path_buf();
        let (files, warnings) = procedure_files(&[d.join("b.toml"), d.clone()], None).unwrap();
        let names: Vec<_> = files
            .iter()
            .map(|f| f.strip_prefix(&d).unwrap().to_str().unwrap().to_owned())
            .collect();
        assert_eq!(
            names,
            [
                "b.toml",
                "A.toml",
                "d.TOML",
                "e.toml.txt",
                "sub/deeper/g.toml",
                "sub/f.toml"
            ]
        );
        let w: Vec<String> = warnings.iter().map(|w| w.to_string()).collect();
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(
            w[0].contains("e.toml.txt: warning: this file is named e.toml.txt"),
            "{}",
            w[0]
        );
        assert!(w[0].contains("rename it to e.toml"), "{}", w[0]);
        let e = procedure_files(&[d.join("nope")], None).unwrap_err();
        assert!(e
            .iter()
            .next()
            .unwrap()
            .to_string()
            .contains("no such file"));
    }

    #[test]
    fn campaign_files_in_a_folder_of_procedures_are_left_out() {
        let dir = tempfile::tempdir().unwrap();
        let good = std::fs::read(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("procedures/dang-ky-khai-sinh.toml"),
        )
        .unwrap();
        std::fs::write(dir.path().join("a.toml"), good).unwrap();
        std::fs::write(dir.path().join("toroi.toml"), "[campaign]\n").unwrap();
        std::fs::write(
            dir.path().join("dot.toml"),
            "[[output]]\nkind = \"poster\"\n",
        )
        .unwrap();
        std::fs::write(dir.path().join("bad.toml"), "title = 3\n").unwrap();
        let loaded = load_procedures(&[dir.path().to_path_buf()]).unwrap();
        let names: Vec<_> = loaded
            .files
            .iter()
            .map(|f| f.file_name().unwrap().to_str().unwrap().to_owned())
            .collect();
        assert_eq!(names, ["a.toml", "bad.toml"]);
        assert_eq!((loaded.procedures.len(), loaded.broken()), (1, 1));
    }
}
