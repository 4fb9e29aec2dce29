//! Finding a list's header row and what each column holds. Offices name
//! their columns in many ways ("Mã TTHC", "Mã số TTHC", "Mã thủ tục");
//! they are matched ignoring case, diacritics, spacing and remarks in
//! brackets, against the variants below and the contract's own key names.

use super::table::{Row, Table};

/// A procedure key a column can fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    Title,
    Code,
    Field,
    Agency,
    ProcessingTime,
    Fee,
    LegalBasis,
    Channels,
    Online,
    Documents,
    Steps,
    Result,
    Url,
    FormalityId,
    Summary,
    Source,
    Status,
}

impl Key {
    pub const ALL: [Key; 17] = [
        Key::Title,
        Key::Code,
        Key::Field,
        Key::Agency,
        Key::ProcessingTime,
        Key::Fee,
        Key::LegalBasis,
        Key::Channels,
        Key::Online,
        Key::Documents,
        Key::Steps,
        Key::Result,
        Key::Url,
        Key::FormalityId,
        Key::Summary,
        Key::Source,
        Key::Status,
    ];

    /// The key's name in a procedure file.
    pub fn name(self) -> &'static str {
        match self {
            Key::Title => "title",
            Key::Code => "code",
            Key::Field => "field",
            Key::Agency => "agency",
            Key::ProcessingTime => "processing_time",
            Key::Fee => "fee",
            Key::LegalBasis => "legal_basis",
            Key::Channels => "channels",
            Key::Online => "online",
            Key::Documents => "documents",
            Key::Steps => "steps",
            Key::Result => "result",
            Key::Url => "url",
            Key::FormalityId => "formality_id",
            Key::Summary => "summary",
            Key::Source => "source",
            Key::Status => "status",
        }
    }

    /// Whether the key takes a list (a cell's lines are its items).
    pub fn is_list(self) -> bool {
        matches!(
            self,
            Key::LegalBasis | Key::Channels | Key::Documents | Key::Steps | Key::Source
        )
    }

    /// How offices head the column, besides the key's own name; the
    /// header for a blank list is the first.
    pub fn headers(self) -> &'static [&'static str] {
        match self {
            Key::Title => &["Tên thủ tục hành chính", "Tên TTHC", "Tên thủ tục"],
            Key::Code => &["Mã TTHC", "Mã số TTHC", "Mã thủ tục", "Mã số"],
            Key::Field => &["Lĩnh vực"],
            Key::Agency => &[
                "Cơ quan thực hiện",
                "Cơ quan giải quyết",
                "Địa điểm thực hiện",
            ],
            Key::ProcessingTime => &[
                "Thời hạn giải quyết",
                "Thời gian giải quyết",
                "Thời gian giải quyết tối đa",
            ],
            Key::Fee => &["Phí, lệ phí", "Phí/Lệ phí", "Lệ phí", "Phí"],
            Key::LegalBasis => &["Căn cứ pháp lý"],
            Key::Channels => &["Cách thức thực hiện"],
            Key::Online => &[
                "Mức độ DVC",
                "Dịch vụ công trực tuyến",
                "Toàn trình/Một phần",
                "Mức độ",
            ],
            Key::Documents => &["Thành phần hồ sơ"],
            Key::Steps => &["Trình tự thực hiện"],
            Key::Result => &["Kết quả thực hiện", "Kết quả"],
            Key::Url => &["Đường dẫn", "Link", "URL"],
            Key::FormalityId => &["Mã trên Cổng DVCQG", "formality_id", "formalityId"],
            Key::Summary => &["Mô tả", "Tóm tắt"],
            Key::Source => &["Nguồn", "Quyết định công bố"],
            // A province's list or an audit says what was repealed; an
            // audit has both a status word and its reason.
            Key::Status => &[
                "Tình trạng",
                "Trạng thái",
                "Tình trạng hiệu lực",
                "Hiệu lực",
                "reason",
                "Lý do",
            ],
        }
    }
}

/// What a column holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Column {
    Key(Key),
    /// A running number (STT): not a fact of the procedure.
    Ignored,
    /// One of two columns that mark the online level with an "x" ("DVC
    /// toàn trình" / "DVC một phần"): the level a marked cell means.
    OnlineMark(&'static str),
    /// A header toroi does not know: a warning names it.
    Unknown(String),
}

/// Headers of the columns that mark a level with an "x", as offices
/// write them: "DVC toàn trình", "DVCTT một phần", "Toàn trình".
fn online_mark(h: &str) -> Option<&'static str> {
    let level = h
        .trim_start_matches("dich vu cong truc tuyen ")
        .trim_start_matches("dich vu cong ")
        .trim_start_matches("dvctt ")
        .trim_start_matches("dvc truc tuyen ")
        .trim_start_matches("dvc ");
    match level {
        "toan trinh" => Some("full"),
        "mot phan" => Some("partial"),
        _ => None,
    }
}

/// Headers that only number the rows.
const IGNORED: [&str; 3] = ["STT", "TT", "Số TT"];

/// A header as compared: lower case, without diacritics, remarks in
/// brackets, punctuation or repeated spaces. "Phí, lệ phí (VNĐ)" and
/// "phi/le phi" are both "phi le phi".
pub fn normalise(header: &str) -> String {
    let mut without_remarks = String::new();
    let mut depth = 0usize;
    for c in header.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            c if depth == 0 => without_remarks.push(c),
            _ => {}
        }
    }
    let ascii = deunicode::deunicode(&without_remarks).to_lowercase();
    ascii
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The column a header names, if toroi knows it.
pub fn column_of(header: &str) -> Option<Column> {
    let h = normalise(header);
    if h.is_empty() {
        return None;
    }
    if IGNORED.iter().any(|i| normalise(i) == h) {
        return Some(Column::Ignored);
    }
    if let Some(level) = online_mark(&h) {
        return Some(Column::OnlineMark(level));
    }
    Key::ALL
        .into_iter()
        .find(|k| normalise(k.name()) == h || k.headers().iter().any(|v| normalise(v) == h))
        .map(Column::Key)
}

/// A table's header: its row and each column's meaning.
#[derive(Debug, Clone)]
pub struct Header {
    /// Index into the table's rows.
    pub row: usize,
    pub columns: Vec<(usize, Column)>,
}

impl Header {
    pub fn column(&self, key: Key) -> Option<usize> {
        self.columns
            .iter()
            .find(|(_, c)| *c == Column::Key(key))
            .map(|(i, _)| *i)
    }
}

/// How far down a sheet the header may sit under title rows.
const SEARCH_ROWS: usize = 30;

/// The table's header: the first row, among the first few, with a title
/// column and at least one other known column. Err: the headers of the
/// row that came closest (for the message).
pub fn find(table: &Table) -> Result<Header, Vec<String>> {
    let mut closest: (usize, Vec<String>) = (0, Vec::new());
    for (i, row) in table.rows.iter().take(SEARCH_ROWS).enumerate() {
        let columns = columns(row);
        let known = columns
            .iter()
            .filter(|(_, c)| matches!(c, Column::Key(_)))
            .count();
        let has_title = columns.iter().any(|(_, c)| *c == Column::Key(Key::Title));
        if has_title && known >= 2 {
            return Ok(Header { row: i, columns });
        }
        if known > closest.0 || (closest.1.is_empty() && row.filled().count() > 1) {
            closest = (
                known,
                row.filled()
                    .map(|(_, v)| v.text.trim().to_owned())
                    .collect(),
            );
        }
    }
    Err(closest.1)
}

fn columns(row: &Row) -> Vec<(usize, Column)> {
    row.filled()
        .map(|(i, v)| {
            let header = v.text.trim();
            (
                *i,
                column_of(header).unwrap_or_else(|| Column::Unknown(header.to_owned())),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_match_ignoring_case_diacritics_spacing_and_remarks() {
        let cases = [
            ("STT", Column::Ignored),
            ("Mã số  TTHC", Column::Key(Key::Code)),
            ("MÃ THỦ TỤC", Column::Key(Key::Code)),
            ("Tên thủ tục hành chính", Column::Key(Key::Title)),
            (
                "Thời hạn giải quyết (ngày)",
                Column::Key(Key::ProcessingTime),
            ),
            (
                "Thời gian giải quyết (tối đa)",
                Column::Key(Key::ProcessingTime),
            ),
            ("Phí, lệ phí (VNĐ)", Column::Key(Key::Fee)),
            ("Phí/Lệ phí", Column::Key(Key::Fee)),
            ("Căn cứ pháp lý (nếu có)", Column::Key(Key::LegalBasis)),
            ("Toàn trình/Một phần", Column::Key(Key::Online)),
            ("formality_id", Column::Key(Key::FormalityId)),
            ("processing_time", Column::Key(Key::ProcessingTime)),
            ("title", Column::Key(Key::Title)),
            ("Quyết định công bố", Column::Key(Key::Source)),
        ];
        for (header, expected) in cases {
            assert_eq!(column_of(header), Some(expected), "{header}");
        }
        assert_eq!(column_of("Ghi chú"), None);
    }
}
