//! Reading a user's text file: encoding checks, BOM, NFC, and positions.
//!
//! Files typed in Notepad arrive with a BOM, CRLF endings, decomposed
//! (NFD) Vietnamese or in the old Windows-1258 code page. Everything after
//! this module sees clean NFC text; everything before it is the user's.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use unicode_normalization::UnicodeNormalization;

use crate::diag::{Cell, Diagnostic, Position};

/// The largest file toroi reads: 200 times a long procedure, so that a
/// wrong file (a database dump, a scanned book) fails at once, not after
/// minutes of layout.
pub const MAX_BYTES: usize = 1 << 20;

/// A text file loaded and normalised to NFC, kept for positions in messages.
///
/// A procedure read from a row of a spreadsheet is a `SourceFile` too: its
/// cells written out as TOML text, so that one function validates a
/// procedure whatever the reader, and a map from that text back to the
/// cells, so that messages name `danh-muc.xlsx:Sheet1!C7`, not a line of a
/// text nobody wrote.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub path: PathBuf,
    pub text: String,
    /// Empty for a text file; for a row of a list, where each value's text
    /// lies and the cell it came from.
    pub cells: Vec<CellSpan>,
    /// For a row of a list, the name its files take (posters, `toroi
    /// import`): the title in ASCII. None for a file, named by its path.
    pub stem: Option<String>,
    /// A file read in the old Windows-1258 code page rather than UTF-8:
    /// where its first such letter is, for the warning to save it as UTF-8.
    pub legacy: Option<usize>,
    /// For a row of a list, the list's own title rows above its header
    /// ("Kèm theo Quyết định số …/QĐ-UBND ngày …"), shared by its rows:
    /// the catalogue prints them under its title.
    pub heading: Option<Arc<[String]>>,
}

/// A value of a list row: its byte range in [`SourceFile::text`], its cell
/// and the cell's text as the spreadsheet shows it.
#[derive(Debug, Clone)]
pub struct CellSpan {
    pub range: std::ops::Range<usize>,
    pub cell: Cell,
    pub value: String,
}

impl SourceFile {
    /// A text file's contents, already read and clean.
    pub fn new(path: impl Into<PathBuf>, text: impl Into<String>) -> SourceFile {
        SourceFile {
            path: path.into(),
            text: text.into(),
            cells: Vec::new(),
            stem: None,
            legacy: None,
            heading: None,
        }
    }

    /// Reads `path` and checks that it is non-empty UTF-8 text.
    pub fn load(path: &Path) -> Result<SourceFile, Diagnostic> {
        if path.is_dir() {
            return Err(Diagnostic::error(crate::t!("path-is-folder"))
                .in_file(path)
                .with_hint(crate::t!("path-is-folder-hint")));
        }
        use super::input::{self, ReadError};
        let bytes = input::read(path, MAX_BYTES as u64).map_err(|e| match e {
            ReadError::TooLarge { bytes, .. } => Diagnostic::error(crate::t!(
                "file-too-large",
                mb = crate::i18n::decimal(bytes as f64 / 1e6, 1)
            ))
            .in_file(path)
            .at(Position { line: 1, column: 1 }, None)
            .with_hint(crate::t!("file-too-large-hint")),
            e => {
                let hint = match &e {
                    ReadError::Io(io) if io.kind() == std::io::ErrorKind::NotFound => {
                        crate::t!("path-spelling")
                    }
                    _ => crate::t!("file-unreadable-hint"),
                };
                Diagnostic::error(crate::t!("file-unreadable", reason = e.reason()))
                    .in_file(path)
                    .with_hint(hint)
            }
        })?;
        SourceFile::from_bytes(path, &bytes)
    }

    pub fn from_bytes(path: &Path, bytes: &[u8]) -> Result<SourceFile, Diagnostic> {
        // Notepad's "Unicode" is UTF-16 with a byte order mark.
        if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
            if encoding != encoding_rs::UTF_8 {
                let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom..]);
                if !had_errors {
                    return SourceFile::from_text(path, &text, None);
                }
            }
        }
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        // Line and column of a byte, counting bytes: the text may not be UTF-8.
        let at = |i: usize| {
            let before = &bytes[..i];
            let line = before.iter().filter(|b| **b == b'\n').count() + 1;
            let column = i - before
                .iter()
                .rposition(|b| *b == b'\n')
                .map_or(0, |n| n + 1)
                + 1;
            Position { line, column }
        };
        if let Some(nul) = bytes.iter().position(|b| *b == 0) {
            return Err(Diagnostic::error(crate::t!("file-not-text"))
                .in_file(path)
                .at(at(nul), None)
                .with_hint(crate::t!("file-not-text-hint")));
        }
        match std::str::from_utf8(bytes) {
            Ok(raw) => SourceFile::from_text(path, raw, None),
            Err(e) => {
                // Not UTF-8: an old Vietnamese Windows file, in the code page
                // Notepad used before UTF-8 (Windows-1258), is read as such,
                // with a warning; anything with control characters in it is
                // not a text file at all.
                let (text, _) = encoding_rs::WINDOWS_1258.decode_without_bom_handling(bytes);
                // Letters already read as UTF-8 before the bad byte mean a
                // UTF-8 file with damage in it, not an old one.
                let binary = text
                    .chars()
                    .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'));
                if binary || !bytes[..e.valid_up_to()].is_ascii() {
                    let good = &bytes[..e.valid_up_to()];
                    let prefix = std::str::from_utf8(good).unwrap_or_default();
                    let line = prefix.matches('\n').count() + 1;
                    let column = prefix.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
                    let byte = format!("0x{:02X}", bytes[e.valid_up_to()]);
                    return Err(Diagnostic::error(crate::t!("file-not-utf8", byte = byte))
                        .in_file(path)
                        .at(Position { line, column }, None)
                        .with_hint(crate::t!("file-not-utf8-hint")));
                }
                // The valid prefix decodes to the same text when it is
                // ASCII, as it is in such a file: the first letter that is
                // not sits where UTF-8 stopped.
                let first = text
                    .char_indices()
                    .find(|(_, c)| !c.is_ascii())
                    .map_or(0, |(i, _)| i);
                let prefix: String = text[..first].nfc().collect();
                SourceFile::from_text(path, &text, Some(prefix.len()))
            }
        }
    }

    /// Decoded text, checked for content and normalised to NFC.
    fn from_text(path: &Path, raw: &str, legacy: Option<usize>) -> Result<SourceFile, Diagnostic> {
        if raw.trim().is_empty() {
            return Err(Diagnostic::error(crate::t!("file-empty"))
                .in_file(path)
                .at(Position { line: 1, column: 1 }, None)
                .with_hint(crate::t!("file-empty-hint")));
        }
        let text = if unicode_normalization::is_nfc(raw) {
            raw.to_owned()
        } else {
            raw.nfc().collect()
        };
        Ok(SourceFile {
            legacy,
            ..SourceFile::new(path, text)
        })
    }

    /// The line and column of a byte offset, and the text of that line.
    pub fn position(&self, offset: usize) -> (Position, String) {
        let offset = offset.min(self.text.len());
        let offset = (0..=offset)
            .rev()
            .find(|&i| self.text.is_char_boundary(i))
            .unwrap_or(0);
        let before = &self.text[..offset];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let line_end = self.text[offset..]
            .find('\n')
            .map_or(self.text.len(), |i| offset + i);
        let line = before.matches('\n').count() + 1;
        let column = self.text[line_start..offset].chars().count() + 1;
        let text = self.text[line_start..line_end]
            .trim_end_matches('\r')
            .to_owned();
        (Position { line, column }, text)
    }

    /// An error located at a byte offset of this file (at its cell, for a
    /// row of a list: the cell whose value holds the offset, else the
    /// row's first cell).
    pub fn error_at(&self, offset: usize, message: impl Into<String>) -> Diagnostic {
        if let Some(first) = self.cells.first() {
            let span = self
                .cells
                .iter()
                .find(|c| c.range.contains(&offset) || c.range.start == offset)
                .unwrap_or(first);
            return Diagnostic::error(message)
                .in_file(&self.path)
                .at_cell(span.cell.clone(), Some(span.value.clone()));
        }
        let (pos, line) = self.position(offset);
        Diagnostic::error(message)
            .in_file(&self.path)
            .at(pos, Some(line))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(bytes: &[u8]) -> Result<SourceFile, Diagnostic> {
        SourceFile::from_bytes(Path::new("p.toml"), bytes)
    }

    #[test]
    fn strips_bom_and_normalises_to_nfc() {
        let nfd = "title = \"Đăng ky\u{301} khai sinh\"";
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend_from_slice(nfd.as_bytes());
        let f = load(&bytes).unwrap();
        assert_eq!(f.text, "title = \"Đăng ký khai sinh\"");
    }

    #[test]
    fn windows_1258_is_read_and_marked_where_it_first_differs() {
        // "tên", with ê as Windows-1258's 0xEA (not UTF-8), and "ký" with
        // its tone as a combining mark (0xEC), as Windows-1258 writes it.
        let f = load(b"a = 1\nb = \"t\xEAn\"\nc = \"ky\xEC\"\n").unwrap();
        assert_eq!(f.text, "a = 1\nb = \"tên\"\nc = \"ký\"\n");
        let (p, _) = f.position(f.legacy.unwrap());
        assert_eq!((p.line, p.column), (2, 7));
    }

    #[test]
    fn utf16_with_a_bom_is_read() {
        for le in [true, false] {
            let mut bytes = if le {
                vec![0xFF, 0xFE]
            } else {
                vec![0xFE, 0xFF]
            };
            for unit in "title = \"Đăng ký\"\r\n".encode_utf16() {
                bytes.extend(if le {
                    unit.to_le_bytes()
                } else {
                    unit.to_be_bytes()
                });
            }
            let f = load(&bytes).unwrap();
            assert_eq!(f.text, "title = \"Đăng ký\"\r\n");
            assert_eq!(f.legacy, None);
        }
    }

    #[test]
    fn empty_and_binary_files_are_refused() {
        assert!(load(b"  \r\n").unwrap_err().message.contains("empty"));
        assert!(load(b"\x89PNG\r\n\x1a\n\0\0")
            .unwrap_err()
            .message
            .contains("not a text file"));
    }

    #[test]
    fn positions_count_characters_not_bytes() {
        let f = load("a = 1\r\ntiêu = 2\n".as_bytes()).unwrap();
        let off = f.text.find('=').unwrap();
        let off2 = f.text[off + 1..].find('=').unwrap() + off + 1;
        let (p, line) = f.position(off2);
        assert_eq!((p.line, p.column), (2, 6));
        assert_eq!(line, "tiêu = 2");
    }
}
