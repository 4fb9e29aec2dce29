//! Writing output files whole or not at all.
//!
//! Bytes go to a temporary file in the destination's folder and are renamed
//! into place only when complete, so an interrupted run never leaves a
//! half-written PDF, and the previous file survives until the new one is whole.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::diag::Diagnostic;

/// Temporary files of outputs being made, for [`remove_pending`].
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Deletes the temporary files of unfinished outputs: called on Ctrl-C (or
/// a polite kill) before exiting, so that nothing half-made is left behind.
/// The lock is held until exit, so no new temporary file appears meanwhile.
pub fn remove_pending() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    let guard = PENDING.lock().unwrap_or_else(|e| e.into_inner());
    for path in guard.iter() {
        let _ = std::fs::remove_file(path);
    }
    guard
}

/// Refuses an output path that is a folder (or ends like one).
pub fn check_target(path: &Path) -> Result<(), Diagnostic> {
    let ends_in_separator = path.as_os_str().to_string_lossy().ends_with(['/', '\\']);
    if path.is_dir() || ends_in_separator {
        return Err(Diagnostic::error(crate::t!("out-is-folder"))
            .in_file(path)
            .with_hint(crate::t!("out-is-folder-hint")));
    }
    Ok(())
}

/// Removes the temporary files a killed run (`kill -9`, a power cut)
/// left in `dir`, once a run for each folder: those older than a day, so
/// that another toroi writing there now keeps its own.
fn sweep(dir: &Path) {
    static SWEPT: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());
    let mut swept = SWEPT.lock().unwrap_or_else(|e| e.into_inner());
    if swept.iter().any(|d| d == dir) {
        return;
    }
    swept.push(dir.to_path_buf());
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let day = std::time::Duration::from_secs(24 * 60 * 60);
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(".toroi-") && name.ends_with(".tmp")) {
            continue;
        }
        // Only a regular file (never a link), judged by its own age.
        let old = entry.file_type().is_ok_and(|t| t.is_file())
            && entry
                .metadata()
                .and_then(|m| m.modified())
                .is_ok_and(|t| t.elapsed().is_ok_and(|age| age > day));
        if old {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// How far a committed file must be on the disk before the rename.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Durability {
    /// Flushed to the disk first (`fsync`): the user's own files (a saved
    /// procedure, `toroi.toml`), which a power cut must not empty.
    Flushed,
    /// Renamed once written, as compilers do: a print file is made again
    /// from its sources in a second, and the flush cost a poster a third of
    /// its time (and far more on a Windows PC's disk). The rename still
    /// means a reader sees the old file or the whole new one.
    Regenerable,
}

/// A file being made. Its temporary file, hidden in the destination's
/// folder, is created before the work starts, so that a folder toroi cannot
/// write to fails at once and an interrupt has one file to clean; `commit`
/// fills it and renames it into place. Dropped without a commit, it is deleted.
pub struct Pending {
    path: PathBuf,
    durability: Durability,
    /// Taken by `commit`.
    tmp: Option<tempfile::NamedTempFile>,
}

impl Pending {
    /// A file of the user's (a source), flushed to the disk on commit.
    pub fn create(path: &Path) -> Result<Pending, Diagnostic> {
        Pending::create_with(path, Durability::Flushed)
    }

    /// A print file (PDF, PNG), made again from its sources at will: not
    /// flushed before its rename.
    pub fn create_output(path: &Path) -> Result<Pending, Diagnostic> {
        Pending::create_with(path, Durability::Regenerable)
    }

    fn create_with(path: &Path, durability: Durability) -> Result<Pending, Diagnostic> {
        check_target(path)?;
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        std::fs::create_dir_all(dir).map_err(|e| fail(path, crate::t!("write-no-folder"), &e))?;
        sweep(dir);
        // Registered under the lock, so an interrupt cannot fall between
        // creating the file and knowing about it.
        let mut pending = PENDING.lock().unwrap_or_else(|e| e.into_inner());
        let mut builder = tempfile::Builder::new();
        builder.prefix(".toroi-").suffix(".tmp");
        // A temporary file is made readable by its owner alone; the output
        // gets what any new file gets (0666 less the umask: 0644 under the
        // usual 022), so that colleagues on a shared folder can open it.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(std::fs::Permissions::from_mode(0o666));
        }
        let tmp = builder
            .tempfile_in(dir)
            .map_err(|e| fail(path, crate::t!("write-no-temp"), &e))?;
        pending.push(tmp.path().to_path_buf());
        Ok(Pending {
            path: path.to_path_buf(),
            durability,
            tmp: Some(tmp),
        })
    }

    pub fn commit(mut self, bytes: &[u8]) -> Result<(), Diagnostic> {
        let path = &self.path;
        let mut tmp = self.tmp.take().expect("committed once");
        let tmp_path = tmp.path().to_path_buf();
        let result = tmp
            .write_all(bytes)
            .and_then(|_| match self.durability {
                Durability::Flushed => tmp.as_file().sync_all(),
                Durability::Regenerable => Ok(()),
            })
            .map_err(|e| fail(path, crate::t!("write-failed"), &e))
            .and_then(|_| {
                match self.durability {
                    Durability::Regenerable => swap_into_place(tmp, path),
                    Durability::Flushed => tmp.persist(path).map(|_| ()).map_err(|e| e.error),
                }
                .map_err(|e| fail(path, crate::t!("write-no-rename"), &e))
            });
        forget(&tmp_path);
        result
    }
}

/// A print file into place: on Linux the new file and the old one are
/// exchanged in one step, and the old one, now under the temporary name,
/// is deleted. A plain rename over an existing file makes ext4 write the
/// new file's data out at once (its guard for programs that never flush),
/// which cost a poster a twentieth of its time; a print file is made again
/// in a second, and a reader still sees the old file or the whole new one.
/// Where there is no old file, or the disk cannot exchange, it is renamed.
fn swap_into_place(tmp: tempfile::NamedTempFile, path: &Path) -> std::io::Result<()> {
    #[cfg(target_os = "linux")]
    {
        use rustix::fs::{renameat_with, RenameFlags, CWD};
        if renameat_with(CWD, tmp.path(), CWD, path, RenameFlags::EXCHANGE).is_ok() {
            // The old file, now at the temporary's name, goes with it.
            return tmp.close();
        }
    }
    tmp.persist(path).map(|_| ()).map_err(|e| e.error)
}

impl Drop for Pending {
    fn drop(&mut self) {
        if let Some(tmp) = &self.tmp {
            forget(tmp.path());
        }
    }
}

fn forget(tmp: &Path) {
    let mut pending = PENDING.lock().unwrap_or_else(|e| e.into_inner());
    pending.retain(|p| p != tmp);
}

fn fail(path: &Path, what: String, e: &std::io::Error) -> Diagnostic {
    Diagnostic::error(crate::t!(
        "write-cannot",
        path = path.display(),
        what = what,
        reason = crate::i18n::io_error(e)
    ))
    .with_hint(crate::t!("write-cannot-hint"))
}

/// Writes `bytes` to `path` whole or not at all.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Diagnostic> {
    Pending::create(path)?.commit(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `remove_pending` deletes every temporary of the process, as Ctrl-C
    /// must; the tests that make temporaries take turns so that one test's
    /// interrupt does not delete another's file mid-write.
    static SERIAL: Mutex<()> = Mutex::new(());

    fn serial() -> std::sync::MutexGuard<'static, ()> {
        SERIAL.lock().unwrap_or_else(|e| e.into_inner())
    }

    #[cfg(unix)]
    #[test]
    fn an_output_gets_the_mode_a_new_file_gets() {
        use std::os::unix::fs::PermissionsExt;
        let _turn = serial();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.pdf");
        Pending::create(&path).unwrap().commit(b"x").unwrap();
        // What the umask gives a new file, measured by making one.
        let plain = dir.path().join("plain");
        std::fs::write(&plain, b"x").unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), mode(&plain));
    }

    #[test]
    fn replaces_whole_file_and_leaves_no_temporary() {
        let _turn = serial();
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("sub/out.pdf");
        write_atomic(&out, b"first").unwrap();
        write_atomic(&out, b"second").unwrap();
        assert_eq!(std::fs::read(&out).unwrap(), b"second");
        let names: Vec<_> = std::fs::read_dir(dir.path().join("sub"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("out.pdf")]);
    }

    /// A print file, new or swapped with the old one (which goes): the
    /// folder then holds it alone, with its new bytes and a new file's mode.
    #[test]
    fn a_print_file_takes_the_old_ones_place_and_leaves_nothing_else() {
        let _turn = serial();
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out.pdf");
        for bytes in [&b"first"[..], b"second", b"third, longer"] {
            Pending::create_output(&out).unwrap().commit(bytes).unwrap();
            assert_eq!(std::fs::read(&out).unwrap(), bytes);
            let names: Vec<_> = std::fs::read_dir(dir.path())
                .unwrap()
                .map(|e| e.unwrap().file_name())
                .collect();
            assert_eq!(names, vec![std::ffi::OsString::from("out.pdf")]);
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let plain = dir.path().join("plain");
            std::fs::write(&plain, b"x").unwrap();
            let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode(&out), mode(&plain));
        }
    }

    #[test]
    fn an_abandoned_output_leaves_the_old_file_and_no_temporary() {
        let _turn = serial();
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out.pdf");
        write_atomic(&out, b"old").unwrap();
        let pending = Pending::create(&out).unwrap();
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
        drop(pending);
        assert_eq!(std::fs::read(&out).unwrap(), b"old");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        // And what an interrupt would delete.
        let _pending = Pending::create(&out).unwrap();
        drop(remove_pending());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_folder_is_not_an_output_file() {
        let _turn = serial();
        let dir = tempfile::tempdir().unwrap();
        let e = write_atomic(dir.path(), b"x").unwrap_err();
        assert!(e.message.contains("is a folder"));
        let e = write_atomic(&dir.path().join("new/"), b"x").unwrap_err();
        assert!(e.message.contains("is a folder"));
        assert!(!dir.path().join("new").exists());
    }
}
