//! The folder a campaign reads and writes in. A campaign folder may come
//! from a stranger (Zalo, e-mail): its `logo = "/home/…/cmnd.png"` must not
//! print another file of the PC, nor its `file = "../../x.pdf"` write
//! anywhere. Every path a campaign names (procedures, lists, catalogues,
//! logo, templates, outputs) must lie inside the root, as the file system
//! resolves it (links followed), as Typst confines a document to its root.

use std::path::{Component, Path, PathBuf};
use std::sync::OnceLock;

/// `--root DIR`, set once from the command line.
static FLAG: OnceLock<PathBuf> = OnceLock::new();

/// Widens (or narrows) every campaign's root to `dir` (`--root DIR`).
pub fn set_flag(dir: PathBuf) {
    let _ = FLAG.set(dir);
}

/// A folder, resolved, that a campaign's paths must stay inside.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Root {
    /// The folder as the file system resolves it (absolute, links followed).
    dir: PathBuf,
    /// The folder as the user would write it, for messages.
    shown: PathBuf,
}

impl Root {
    /// The root of the campaign file at `campaign`: `--root` when given;
    /// else the current folder when it holds the campaign (so the examples
    /// read `../../procedures` when built from the project's folder); else
    /// the campaign's own folder.
    pub fn of_campaign(campaign: &Path) -> Root {
        if let Some(dir) = FLAG.get() {
            return Root::at(dir);
        }
        let folder = match campaign.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let here = Root::at(Path::new("."));
        if here.admits(&folder) {
            here
        } else {
            Root::at(&folder)
        }
    }

    /// The root at `dir`.
    pub fn at(dir: &Path) -> Root {
        Root {
            dir: resolved(dir),
            shown: if dir == Path::new(".") {
                std::env::current_dir().unwrap_or_else(|_| dir.to_path_buf())
            } else {
                dir.to_path_buf()
            },
        }
    }

    /// Whether `path` (which need not exist yet) lies inside the root once
    /// every link on its way is followed.
    pub fn admits(&self, path: &Path) -> bool {
        resolved(path).starts_with(&self.dir)
    }

    /// The root, resolved (absolute, links followed).
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The root as the user would write it.
    pub fn shown(&self) -> &Path {
        &self.shown
    }

    /// An error message for `path`, outside the root, and its hint.
    pub fn refusal(&self, path: &Path) -> (String, String) {
        (
            crate::t!(
                "root-outside",
                path = path.display(),
                root = self.shown.display()
            ),
            crate::t!("root-outside-hint", root = self.shown.display()),
        )
    }
}

/// `path` made absolute, with every link of its longest existing part
/// followed and `..` after that part taken lexically; `..` beyond a link
/// is resolved by the file system, as opening the file would.
pub fn resolved(path: &Path) -> PathBuf {
    // Most paths named exist: resolved whole, relative or not.
    if let Ok(real) = canonical(path) {
        return real;
    }
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    // The longest part that exists, canonicalised; the rest appended. The
    // whole path was just found missing: the search starts at its parent.
    let mut existing = absolute.as_path();
    let mut rest: Vec<Component> = Vec::new();
    loop {
        match (existing.parent(), existing.components().next_back()) {
            (Some(parent), Some(last)) => {
                rest.push(last);
                existing = parent;
            }
            _ => return absolute,
        }
        if let Ok(real) = canonical(existing) {
            let mut out = real;
            for c in rest.into_iter().rev() {
                match c {
                    Component::ParentDir => {
                        out.pop();
                    }
                    Component::CurDir => {}
                    other => out.push(other),
                }
            }
            return out;
        }
    }
}

/// `path` absolute with every link followed, as `canonicalize` makes it,
/// but on Linux in three system calls however deep the path: opened
/// without reading (`O_PATH`, so a FIFO does not block) and its name asked
/// of the kernel. glibc's `realpath` reads each component as a link: 64
/// calls for one poster's paths.
pub fn canonical(path: &Path) -> std::io::Result<PathBuf> {
    #[cfg(target_os = "linux")]
    {
        use rustix::fs::{Mode, OFlags};
        use std::os::fd::AsRawFd;
        let fd = rustix::fs::open(path, OFlags::PATH | OFlags::CLOEXEC, Mode::empty())?;
        // Without /proc (a bare container), as everywhere else.
        if let Ok(named) = std::fs::read_link(format!("/proc/self/fd/{}", fd.as_raw_fd())) {
            if named.is_absolute() {
                return Ok(named);
            }
        }
    }
    path.canonicalize()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same path `canonicalize` makes, through links and `..`, and
    /// the same refusal of a path that is not there.
    #[test]
    fn a_path_is_resolved_as_canonicalize_resolves_it() {
        let dir = tempfile::tempdir().unwrap();
        let base = dir.path();
        std::fs::create_dir_all(base.join("a/b")).unwrap();
        std::fs::write(base.join("a/b/f.toml"), "x").unwrap();
        let mut paths = vec![
            base.join("a/b/f.toml"),
            base.join("a/b/../b/f.toml"),
            base.join("a/./b"),
            PathBuf::from("."),
            PathBuf::from("src/../Cargo.toml"),
        ];
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(base.join("a/b"), base.join("link")).unwrap();
            std::os::unix::fs::symlink("a/b/f.toml", base.join("rel")).unwrap();
            paths.extend([
                base.join("link/f.toml"),
                base.join("rel"),
                base.join("link/.."),
            ]);
        }
        for p in &paths {
            assert_eq!(
                canonical(p).unwrap(),
                p.canonicalize().unwrap(),
                "{}",
                p.display()
            );
        }
        assert!(canonical(&base.join("missing/x")).is_err());
    }

    #[test]
    fn paths_through_dots_and_links_are_judged_where_they_lead() {
        let dir = tempfile::tempdir().unwrap();
        let root_dir = dir.path().join("campaign");
        std::fs::create_dir_all(root_dir.join("procedures")).unwrap();
        std::fs::create_dir_all(dir.path().join("elsewhere")).unwrap();
        let root = Root::at(&root_dir);
        assert!(root.admits(&root_dir.join("procedures/a.toml")));
        assert!(root.admits(&root_dir.join("out/new/x.pdf")), "not yet made");
        assert!(!root.admits(&root_dir.join("../elsewhere/x.png")));
        assert!(!root.admits(&root_dir.join("out/../../x.pdf")));
        assert!(!root.admits(Path::new("/etc/passwd")));
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(dir.path().join("elsewhere"), root_dir.join("out")).unwrap();
            assert!(!root.admits(&root_dir.join("out/x.pdf")), "a link out");
        }
    }
}
