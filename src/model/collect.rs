//! Which procedure files a command works on: files as named, folders as
//! their `.toml` files in file-name order, each file once.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::diag::{Diagnostic, Diagnostics};
use crate::model::{duplicate_codes, is_campaign, Procedure};

/// The procedure files under `paths`, in order.
pub fn procedure_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Diagnostics> {
    let mut diags = Diagnostics::new();
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            match folder(path) {
                Ok(found) if found.is_empty() => diags.push(
                    Diagnostic::error("this folder has no .toml procedure files")
                        .in_file(path)
                        .with_hint(
                            "name the folder that holds the procedure files, e.g. procedures/",
                        ),
                ),
                Ok(found) => files.extend(found),
                Err(e) => diags
                    .push(Diagnostic::error(format!("cannot read the folder: {e}")).in_file(path)),
            }
        } else if path.exists() {
            files.push(path.clone());
        } else {
            diags.push(
                Diagnostic::error("no such file or folder")
                    .in_file(path)
                    .with_hint("check the spelling of the path; relative paths in a campaign file are relative to that file"),
            );
        }
    }
    if diags.has_errors() {
        return Err(diags);
    }
    // The same file named twice (a folder and one of its files) counts once.
    let mut seen = std::collections::HashSet::new();
    files.retain(|f| seen.insert(f.canonicalize().unwrap_or_else(|_| f.clone())));
    Ok(files)
}

fn folder(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        // Hidden files are editor backups and our own temporary files.
        if path.is_file()
            && !name.starts_with('.')
            && path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
        {
            found.push(path);
        }
    }
    // Case-insensitive, so that "B.toml" does not come before "a.toml".
    found.sort_by_key(|p| {
        let name = p.file_name().map(|n| n.to_string_lossy().to_lowercase());
        (name, p.clone())
    });
    Ok(found)
}

/// The procedures a command works on, and what is wrong with the others.
pub struct Loaded {
    /// Those that can be printed, in order.
    pub procedures: Vec<Procedure>,
    /// Errors of the files left out, and warnings about those kept.
    pub problems: Diagnostics,
    /// The files read.
    pub files: Vec<PathBuf>,
}

impl Loaded {
    /// Files left out because of errors.
    pub fn broken(&self) -> usize {
        self.files.len() - self.procedures.len()
    }
}

/// Loads the procedure files under `paths` in parallel and checks them as
/// a set: a file with errors, or with the code of an earlier file, is left
/// out; `lint` warnings are kept. Fails only when the paths themselves do.
pub fn load_procedures(paths: &[PathBuf]) -> Result<Loaded, Diagnostics> {
    let mut files = procedure_files(paths)?;
    // A campaign file kept in a folder of procedures is not one of them;
    // only files that fail as procedures are looked at again, so that good
    // ones are read once.
    let results: Vec<_> = files
        .par_iter()
        .map(|f| match Procedure::load(f) {
            Err(_) if !paths.contains(f) && is_campaign(f) => None,
            r => Some(r),
        })
        .collect();
    let mut problems = Diagnostics::new();
    let mut procedures = Vec::new();
    let mut kept = results.iter().map(Option::is_some);
    files.retain(|_| kept.next().unwrap_or(true));
    for r in results.into_iter().flatten() {
        match r {
            Ok(p) => {
                problems.extend(p.lint());
                procedures.push(p);
            }
            Err(d) => problems.extend(d),
        }
    }
    let duplicates = duplicate_codes(&procedures);
    if !duplicates.is_empty() {
        let repeated: Vec<PathBuf> = duplicates.iter().filter_map(|d| d.file.clone()).collect();
        procedures.retain(|p| !repeated.iter().any(|r| r == p.path()));
        problems.extend(duplicates);
    }
    Ok(Loaded {
        procedures,
        problems,
        files,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_list_their_toml_files_in_name_order_once() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["b.toml", "A.toml", "c.txt", ".x.toml", "d.TOML"] {
            std::fs::write(dir.path().join(name), "").unwrap();
        }
        let d = dir.path().to_path_buf();
        let files = procedure_files(&[d.join("b.toml"), d.clone()]).unwrap();
        let names: Vec<_> = files
            .iter()
            .map(|f| f.file_name().unwrap().to_str().unwrap().to_owned())
            .collect();
        assert_eq!(names, ["b.toml", "A.toml", "d.TOML"]);
        let e = procedure_files(&[d.join("nope")]).unwrap_err();
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
