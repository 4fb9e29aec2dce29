//! Reading a file that may come from a stranger: only a regular file (a
//! FIFO would hang, `/dev/zero` never ends), and never more than a limit,
//! checked before the bytes are read. Every input toroi reads (procedure,
//! campaign and template files, lists, logos) comes through here.

use std::io::Read;
use std::path::Path;

/// The limits of what toroi reads, with their reasons (README: "Limits").
pub mod limits {
    /// A procedure, campaign or template file: a few kilobytes of text.
    pub const TEXT_BYTES: u64 = 1_000_000;
    /// A list file (XLSX, XLS, ODS, CSV): a commune's list is well under
    /// a megabyte; a province's with every detail a few.
    pub const LIST_BYTES: u64 = 50_000_000;
    /// A logo file: an emblem is kilobytes; a photo straight from a
    /// camera a few megabytes.
    pub const LOGO_BYTES: u64 = 20_000_000;
    /// One member of a zipped spreadsheet once inflated (XLSX and ODS are
    /// zip files; a sheet's XML for 10,000 rows is a few megabytes).
    pub const MEMBER_BYTES: u64 = 100_000_000;
    /// All of a zipped spreadsheet's members together, inflated.
    pub const INFLATED_BYTES: u64 = 200_000_000;
    /// Rows of a list: a province's whole list is a few thousand.
    pub const ROWS: usize = 10_000;
    /// Columns of a list: the contract's keys, with room for remarks.
    pub const COLUMNS: usize = 200;
    /// Characters in one cell: Excel's own limit.
    pub const CELL_CHARS: usize = 32_767;
    /// An image's pixels: 100 megapixels (a 10,000 × 10,000 scan).
    pub const PIXELS: u64 = 100_000_000;
    /// A non-interlaced PNG is read row by row, so its memory stays a few
    /// rows whatever its size; only the time grows (about a second for
    /// each 100 megapixels), so it may be larger: a 20,000 × 20,000 scan.
    pub const PNG_ROW_PIXELS: u64 = 400_000_000;
    /// An SVG's elements, and how deep they nest: official emblems have a
    /// few thousand elements, a dozen levels deep.
    pub const SVG_NODES: usize = 100_000;
    pub const SVG_DEPTH: usize = 256;
    /// A compressed SVG (`.svgz`) once inflated.
    pub const SVG_BYTES: u64 = 10_000_000;
}

/// Why a file could not be read.
#[derive(Debug)]
pub enum ReadError {
    Io(std::io::Error),
    /// Not a regular file: a folder, a FIFO, a device, a socket.
    NotAFile,
    /// Larger than the limit (bytes).
    TooLarge {
        bytes: u64,
        limit: u64,
    },
}

impl ReadError {
    /// The reason in the interface's language.
    pub fn reason(&self) -> String {
        match self {
            ReadError::Io(e) => crate::i18n::io_error(e),
            ReadError::NotAFile => crate::t!("input-not-a-file"),
            ReadError::TooLarge { bytes, limit } => crate::t!(
                "input-too-large",
                mb = crate::i18n::decimal(*bytes as f64 / 1e6, 1),
                limit = crate::i18n::decimal(*limit as f64 / 1e6, 0)
            ),
        }
    }
}

/// The bytes of the regular file at `path`, if it has at most `limit`.
pub fn read(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let len = check(path, limit)?;
    let file = std::fs::File::open(path).map_err(ReadError::Io)?;
    // A file that grows while it is read stops at the limit all the same.
    let mut bytes = Vec::with_capacity(len as usize);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge {
            bytes: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

/// Whether `path` is a regular file of at most `limit` bytes (for readers
/// that open the file themselves, such as the spreadsheet reader); its
/// length.
pub fn check(path: &Path, limit: u64) -> Result<u64, ReadError> {
    let meta = std::fs::metadata(path).map_err(ReadError::Io)?;
    if !meta.is_file() {
        return Err(ReadError::NotAFile);
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge {
            bytes: meta.len(),
            limit,
        });
    }
    Ok(meta.len())
}

/// A library's error as a reason to show: its byte spans ("at 0..0: ",
/// which say nothing to anyone reading it) taken out, its first line only,
/// cut to a readable length.
pub fn reason_of(e: &dyn std::fmt::Display) -> String {
    let text = e.to_string();
    let line = text.lines().next().unwrap_or("");
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(i) = rest.find("at ") {
        let after = &rest[i + 3..];
        let digits = |s: &str| s.bytes().take_while(u8::is_ascii_digit).count();
        let a = digits(after);
        let span = a > 0 && after[a..].starts_with("..") && digits(&after[a + 2..]) > 0;
        if !span {
            out.push_str(&rest[..i + 3]);
            rest = after;
            continue;
        }
        out.push_str(&rest[..i]);
        let b = a + 2 + digits(&after[a + 2..]);
        rest = after[b..].trim_start_matches(':').trim_start();
    }
    out.push_str(rest);
    crate::text::shortened(out.trim(), 200)
}

/// Runs `f`, turning a panic inside it (a dependency's bug on a damaged
/// file) into an error message: a stranger's file must never crash toroi.
pub fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).map_err(|payload| {
        let detail = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        // The first line of a library's message, cut to a readable length.
        let detail: String = detail
            .lines()
            .next()
            .unwrap_or("")
            .chars()
            .take(120)
            .collect();
        crate::t!("input-damaged", detail = detail)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_regular_files_within_the_limit_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("a.txt");
        std::fs::write(&f, b"12345").unwrap();
        assert_eq!(read(&f, 5).unwrap(), b"12345");
        assert!(matches!(
            read(&f, 4),
            Err(ReadError::TooLarge { bytes: 5, limit: 4 })
        ));
        assert!(matches!(read(dir.path(), 100), Err(ReadError::NotAFile)));
        #[cfg(unix)]
        {
            assert!(matches!(
                read(Path::new("/dev/zero"), 100),
                Err(ReadError::NotAFile)
            ));
        }
        assert!(matches!(
            read(&dir.path().join("none"), 1),
            Err(ReadError::Io(_))
        ));
    }

    #[test]
    fn spans_are_taken_out_of_library_messages() {
        let e = "Xlsx error: Xml error: at 0..0: unrecognized entity `&bogus;`";
        assert_eq!(
            reason_of(&e),
            "Xlsx error: Xml error: unrecognized entity `&bogus;`"
        );
        assert_eq!(reason_of(&"looked at 3 rows"), "looked at 3 rows");
        assert_eq!(reason_of(&"bad at 12..40"), "bad");
    }

    #[test]
    fn a_panic_is_a_message() {
        let r: Result<(), String> = guarded(|| panic!("index out of range\nmore"));
        let m = r.unwrap_err();
        assert!(
            m.contains("index out of range") && !m.contains("more"),
            "{m}"
        );
    }
}
