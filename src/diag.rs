//! Problems found in the user's files, with enough position to act on.
//!
//! Every stage reports into a [`Diagnostics`] list instead of stopping at the
//! first problem, so that one run shows everything a ward officer must fix.

use std::fmt;
use std::path::{Path, PathBuf};

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

/// A 1-based line and column (columns count characters, as editors do).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub file: Option<PathBuf>,
    /// Boxed: most results are `Ok`, and a small `Err` keeps them cheap.
    pub at: Option<Box<At>>,
    pub message: String,
    pub hint: Option<String>,
}

/// Where in a file, and the offending line to show under the message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct At {
    pub position: Position,
    pub source_line: Option<String>,
    /// For a value read from a spreadsheet: the cell it came from, which
    /// is what the message names instead of a line and column.
    pub cell: Option<Cell>,
}

/// A cell of a spreadsheet or CSV file: where a value read from a list
/// came from. Rows and columns count from 1, as the spreadsheet shows them.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Cell {
    /// The sheet's name; None for CSV, which has one table.
    pub sheet: Option<String>,
    pub row: usize,
    pub column: usize,
}

impl Cell {
    /// "C" for column 3, "AA" for 27: the letters a spreadsheet shows.
    pub fn column_letters(&self) -> String {
        let mut n = self.column;
        let mut out = Vec::new();
        while n > 0 {
            let r = (n - 1) % 26;
            out.push(b'A' + r as u8);
            n = (n - 1) / 26;
        }
        out.reverse();
        String::from_utf8(out).expect("ASCII letters")
    }
}

impl fmt::Display for Cell {
    /// `Sheet1!C7` for a sheet; `7:3` (line and column) for CSV, which
    /// editors read as a text file.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.sheet {
            Some(sheet) => write!(f, "{sheet}!{}{}", self.column_letters(), self.row),
            None => write!(f, "{}:{}", self.row, self.column),
        }
    }
}

impl Diagnostic {
    pub fn error(message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: None,
            at: None,
            message: message.into(),
            hint: None,
        }
    }

    pub fn warning(message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(message)
        }
    }

    /// The same message as a warning: prints, but deserves a second look.
    pub fn as_warning(self) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..self
        }
    }

    pub fn in_file(mut self, file: &Path) -> Self {
        self.file = Some(file.to_path_buf());
        self
    }

    pub fn at(mut self, position: Position, source_line: Option<String>) -> Self {
        self.at = Some(Box::new(At {
            position,
            source_line,
            cell: None,
        }));
        self
    }

    /// Located at a spreadsheet cell, with the cell's text shown under it.
    pub fn at_cell(mut self, cell: Cell, value: Option<String>) -> Self {
        // A cell is quoted once, and cut to a readable length (a stranger's
        // cell may hold megabytes).
        let value = value.map(|v| crate::text::shortened(&v, 200));
        self.at = Some(Box::new(At {
            position: Position {
                line: cell.row,
                column: cell.column,
            },
            source_line: value,
            cell: Some(cell),
        }));
        self
    }

    pub fn position(&self) -> Option<Position> {
        self.at.as_ref().map(|a| a.position)
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl Diagnostic {
    /// By file, then by position: as a reader meets the problems.
    fn reading_order(&self) -> (Option<PathBuf>, Option<(usize, usize)>) {
        (
            self.file.clone(),
            self.position().map(|p| (p.line, p.column)),
        )
    }

    /// The file and place the message starts with, or its first words when
    /// it names no file.
    pub fn place(&self) -> String {
        let Some(file) = &self.file else {
            return self.message.chars().take(60).collect();
        };
        match self.at.as_deref() {
            Some(At {
                cell: Some(cell), ..
            }) => format!("{}:{cell}", file.display()),
            Some(At { position: p, .. }) => format!("{}:{}:{}", file.display(), p.line, p.column),
            None => file.display().to_string(),
        }
    }
}

impl fmt::Display for Diagnostic {
    /// `file:line:col: error: message` on one line, for people and for
    /// editors that jump to it; then, drawn by annotate-snippets, the
    /// offending line with the token underlined, and the hint.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.file.is_some() {
            write!(f, "{}: ", self.place())?;
        }
        let (label, level) = match self.severity {
            Severity::Error => (crate::t!("diag-error"), Level::ERROR),
            Severity::Warning => (crate::t!("diag-warning"), Level::WARNING),
        };
        write!(f, "{label}: {}", self.message)?;
        let mut group = Group::with_level(level);
        let mut any = false;
        if let Some(At {
            source_line: Some(value),
            cell: Some(cell),
            ..
        }) = self.at.as_deref()
        {
            // A cell's text, whole: there is no line to underline in.
            let place = match cell.sheet {
                Some(_) => crate::t!("diag-cell", cell = cell.to_string()),
                None => crate::t!("diag-line-column", line = cell.row, column = cell.column),
            };
            let note = Level::NOTE.with_name(crate::t!("diag-note"));
            group = group.element(note.message(format!("{place}: {value}")));
            any = true;
        } else if let Some(At {
            position: p,
            source_line: Some(line),
            ..
        }) = self.at.as_deref()
        {
            let span = token(line, p.column);
            group = group.element(
                Snippet::source(line.as_str())
                    .line_start(p.line)
                    .annotation(AnnotationKind::Primary.span(span)),
            );
            any = true;
        }
        if let Some(hint) = &self.hint {
            let help = Level::HELP.with_name(crate::t!("diag-help"));
            group = group.element(help.message(hint.as_str()));
            any = true;
        }
        if any {
            write!(f, "\n{}", Renderer::plain().render(&[group]))?;
        }
        Ok(())
    }
}

/// The byte range to underline: the token that starts at `column` (1-based,
/// in characters): a quoted string, or a word up to a space or `=`.
fn token(line: &str, column: usize) -> std::ops::Range<usize> {
    let start = line
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(line.len(), |(i, _)| i);
    let rest = &line[start..];
    let len = match rest.chars().next() {
        None => 0,
        Some('"') => rest[1..].find('"').map_or(rest.len(), |i| i + 2),
        Some(first) => rest
            .char_indices()
            .find(|&(_, c)| c.is_whitespace() || matches!(c, '=' | ',' | ']' | '}'))
            .map_or(rest.len(), |(i, _)| i)
            .max(first.len_utf8()),
    };
    start..start + len
}

/// A list of problems, in the order they were found.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics(Vec<Diagnostic>);

impl Diagnostics {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&mut self, d: Diagnostic) {
        self.0.push(d);
    }

    pub fn extend(&mut self, other: Diagnostics) {
        self.0.extend(other.0);
    }

    pub fn has_errors(&self) -> bool {
        self.0.iter().any(Diagnostic::is_error)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.0.iter()
    }

    /// Orders the problems warnings first, then errors, each by file and
    /// position: the errors, what must be fixed, are the last lines on the
    /// screen, not scrolled away.
    pub fn sort(&mut self) {
        self.0
            .sort_by_key(|d| (d.severity == Severity::Error, d.reading_order()));
    }

    /// Where the first error is, as its message names it ("list.csv:B4",
    /// "a.toml:3:9"): the summary repeats it after many lines of warnings.
    pub fn first_error(&self) -> Option<String> {
        self.0
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .min_by_key(|d| d.reading_order())
            .map(Diagnostic::place)
    }

    /// Sorts, and keeps one of each problem reported twice (a text checked
    /// for both a poster and a handbook).
    pub fn dedup(&mut self) {
        self.sort();
        let mut seen = std::collections::HashSet::new();
        self.0.retain(|d| seen.insert(d.to_string()));
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.0.iter().filter(|d| d.severity == severity).count()
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(d: Diagnostic) -> Self {
        Diagnostics(vec![d])
    }
}

impl FromIterator<Diagnostic> for Diagnostics {
    fn from_iter<I: IntoIterator<Item = Diagnostic>>(iter: I) -> Self {
        let mut all = Diagnostics::new();
        for d in iter {
            all.push(d);
        }
        all
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_is_named_as_a_spreadsheet_shows_it() {
        let cell = |sheet: Option<&str>, row, column| Cell {
            sheet: sheet.map(str::to_owned),
            row,
            column,
        };
        let d = Diagnostic::error("`title` is empty")
            .in_file(Path::new("danh-muc.xlsx"))
            .at_cell(cell(Some("Sheet1"), 7, 3), Some("".to_owned()));
        assert!(
            d.to_string()
                .starts_with("danh-muc.xlsx:Sheet1!C7: error: `title` is empty"),
            "{d}"
        );
        assert_eq!(cell(Some("A"), 1, 27).to_string(), "A!AA1");
        assert_eq!(cell(Some("A"), 1, 26).to_string(), "A!Z1");
        let d = Diagnostic::error("x")
            .in_file(Path::new("a.csv"))
            .at_cell(cell(None, 7, 3), Some("v".into()));
        assert!(d.to_string().starts_with("a.csv:7:3: error: x\n"), "{d}");
        assert!(d.to_string().contains("line 7, column 3: v"), "{d}");
    }

    #[test]
    fn a_long_line_is_shown_around_the_column() {
        let line = format!("title = \"{}\" # end", "Đ".repeat(3000));
        let d = Diagnostic::error("too long")
            .in_file(Path::new("a.toml"))
            .at(
                Position {
                    line: 1,
                    column: 2000,
                },
                Some(line),
            );
        let s = d.to_string();
        let shown = s.lines().find(|l| l.starts_with("1 |")).unwrap();
        assert!(shown.chars().count() < 200, "{shown}");
        assert!(shown.contains("...ĐĐĐ"), "{shown}");
        assert!(s.lines().any(|l| l.contains('^')), "{s}");
    }

    #[test]
    fn the_whole_token_is_underlined() {
        assert_eq!(token("documnets = [\"a\"]", 1), 0..9);
        assert_eq!(token("online = \"yes\" # c", 10), 9..14);
        assert_eq!(token("tiêu = 2", 1), 0.."tiêu".len());
        assert_eq!(token("a", 5), 1..1);
    }

    #[test]
    fn display_names_file_line_column_and_hint() {
        let d = Diagnostic::error("unknown key `titel`")
            .in_file(Path::new("a.toml"))
            .at(
                Position { line: 3, column: 1 },
                Some("titel = \"x\"".into()),
            )
            .with_hint("did you mean `title`?");
        let s = d.to_string();
        assert!(
            s.starts_with("a.toml:3:1: error: unknown key `titel`"),
            "{s}"
        );
        assert!(s.contains("3 | titel = \"x\"\n  | ^^^^^"), "{s}");
        assert!(s.contains("= help: did you mean `title`?"), "{s}");
    }
}
