//! Which output writes which file, known before anything is written: two
//! outputs (or two procedures of one poster folder) that would write the
//! same file, by name or through a link, would leave one of them lost and
//! `build` saying both were written. Files are compared as the file system
//! resolves them; a file of one output that is a folder of another clashes
//! too.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::model::root::resolved;

/// Two claims on one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clash {
    /// The output claiming it first, and the one claiming it again (the
    /// same one for two procedures of one output); indexes into the list
    /// given to [`clashes`].
    pub first: usize,
    pub again: usize,
    /// The file (as the later output names it).
    pub file: PathBuf,
    /// One output's file is the other's folder.
    pub nested: bool,
}

/// The file a path ends at, for comparison: resolved, and in any case on
/// the systems whose disks ignore it.
fn key(path: &Path) -> PathBuf {
    let path = resolved(path);
    if cfg!(any(windows, target_os = "macos")) {
        PathBuf::from(path.to_string_lossy().to_lowercase())
    } else {
        path
    }
}

/// Every second claim on a file among `targets` (each output's files, in
/// the campaign's order); at most one clash for each output.
pub fn clashes(targets: &[Vec<PathBuf>]) -> Vec<Clash> {
    let mut files: HashMap<PathBuf, usize> = HashMap::new();
    // Every folder above a claimed file, and the output that claimed it.
    let mut folders: HashMap<PathBuf, usize> = HashMap::new();
    let mut out = Vec::new();
    for (i, files_of) in targets.iter().enumerate() {
        let mut mine = Vec::with_capacity(files_of.len());
        let mut clash = None;
        for file in files_of {
            let k = key(file);
            let found = files
                .get(&k)
                .map(|&first| (first, false))
                .or_else(|| folders.get(&k).map(|&first| (first, true)))
                .or_else(|| {
                    k.ancestors()
                        .skip(1)
                        .find_map(|a| files.get(a))
                        .map(|&f| (f, true))
                });
            if let Some((first, nested)) = found {
                clash.get_or_insert(Clash {
                    first,
                    again: i,
                    file: file.clone(),
                    nested,
                });
            }
            // Within one output, the same file twice is a clash too.
            if files.insert(k.clone(), i).is_none() {
                mine.push(k);
            }
        }
        for k in mine {
            for a in k.ancestors().skip(1) {
                if folders.insert(a.to_path_buf(), i).is_some() {
                    break;
                }
            }
        }
        out.extend(clash);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paths(names: &[&str], dir: &Path) -> Vec<PathBuf> {
        names.iter().map(|n| dir.join(n)).collect()
    }

    #[test]
    fn the_same_file_a_file_in_a_file_and_a_folder_through_a_link_clash() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        // A poster folder `out` and a cards file `out/p.pdf`.
        let c = clashes(&[
            paths(&["out/p.pdf", "out/q.pdf"], d),
            paths(&["out/p.pdf"], d),
        ]);
        assert_eq!(c.len(), 1);
        assert_eq!((c[0].first, c[0].again, c[0].nested), (0, 1, false));
        // A handbook `out.pdf` and posters into the folder `out.pdf`.
        let c = clashes(&[paths(&["out.pdf"], d), paths(&["out.pdf/a.pdf"], d)]);
        assert_eq!((c[0].first, c[0].again, c[0].nested), (0, 1, true));
        let c = clashes(&[paths(&["x/a.pdf"], d), paths(&["x"], d)]);
        assert_eq!((c[0].first, c[0].again, c[0].nested), (0, 1, true));
        // Two procedures of one output.
        let c = clashes(&[paths(&["out/a.pdf", "out/./a.pdf"], d)]);
        assert_eq!((c[0].first, c[0].again), (0, 0));
        // Files side by side do not clash.
        assert!(clashes(&[paths(&["out/a.pdf"], d), paths(&["out/b.pdf", "o.pdf"], d)]).is_empty());
        #[cfg(unix)]
        {
            std::fs::create_dir(d.join("real")).unwrap();
            std::os::unix::fs::symlink(d.join("real"), d.join("link")).unwrap();
            let c = clashes(&[paths(&["real/a.png"], d), paths(&["link/a.png"], d)]);
            assert_eq!(c.len(), 1, "one folder through a link");
        }
    }
}
