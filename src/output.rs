//! Writing output files whole or not at all.
//!
//! Bytes go to a temporary file in the destination's folder and are renamed
//! into place only when complete, so an interrupted run never leaves a
//! half-written PDF, and the previous file survives until the new one is whole.

use std::io::Write;
use std::path::Path;

use crate::diag::Diagnostic;

pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Diagnostic> {
    let fail = |what: &str, e: &dyn std::fmt::Display| {
        Diagnostic::error(format!("cannot write {}: {what}: {e}", path.display()))
            .with_hint("check that the folder exists and that you may write there, and that the file is not open in another program")
    };
    let ends_in_separator = path.as_os_str().to_string_lossy().ends_with(['/', '\\']);
    if path.is_dir() || ends_in_separator {
        return Err(
            Diagnostic::error(format!("the output {} is a folder", path.display()))
                .with_hint("give a file name, e.g. -o out/poster.pdf"),
        );
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir).map_err(|e| fail("cannot create its folder", &e))?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".toroi-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| fail("cannot create a temporary file", &e))?;
    tmp.write_all(bytes)
        .map_err(|e| fail("writing failed", &e))?;
    tmp.as_file()
        .sync_all()
        .map_err(|e| fail("writing failed", &e))?;
    tmp.persist(path)
        .map_err(|e| fail("cannot move the finished file into place", &e.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_whole_file_and_leaves_no_temporary() {
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

    #[test]
    fn a_folder_is_not_an_output_file() {
        let dir = tempfile::tempdir().unwrap();
        let e = write_atomic(dir.path(), b"x").unwrap_err();
        assert!(e.message.contains("is a folder"));
        let e = write_atomic(&dir.path().join("new/"), b"x").unwrap_err();
        assert!(e.message.contains("is a folder"));
        assert!(!dir.path().join("new").exists());
    }
}
