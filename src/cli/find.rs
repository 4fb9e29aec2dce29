//! `toroi find WORDS…`: the national catalogue looked up by words (with or
//! without diacritics) or a code; `toroi new CODE…`: a procedure file
//! started from the catalogue and the portal's details, ready to edit.

use std::path::{Path, PathBuf};

use crate::atomic::write_atomic;
use crate::catalogue::{self, details, search, Entry};
use crate::diag::{Diagnostic, Diagnostics};
use crate::model::list::row::slug;
use crate::model::Campaign;

/// How many entries `find` shows unless `--all`.
const SHOWN: usize = 20;

/// Prints the entries matching `words`.
pub fn find(
    words: &[String],
    field: Option<&str>,
    all: bool,
    about: bool,
) -> Result<Diagnostics, Diagnostics> {
    if about {
        println!(
            "{}",
            crate::t!(
                "find-about",
                n = catalogue::codes(),
                date = catalogue::DATE,
                source = catalogue::SOURCE
            )
        );
        return Ok(Diagnostics::new());
    }
    let query = words.join(" ");
    let found = search::find(&query, field);
    if found.is_empty() {
        return Err(Diagnostic::error(crate::t!("find-none", words = &query))
            .with_hint(crate::t!("find-none-hint"))
            .into());
    }
    let shown = if all {
        found.len()
    } else {
        found.len().min(SHOWN)
    };
    for e in &found[..shown] {
        println!("{}  {}", e.code, e.title);
        let mut about = vec![e.field.to_string()];
        let agencies = e.agencies();
        if !agencies.is_empty() {
            about.push(agencies.join("; "));
        }
        println!("          {}", about.join(" · "));
    }
    if shown < found.len() {
        println!("{}", crate::t!("find-more", n = found.len() - shown));
    }
    println!(
        "{}",
        crate::t!("find-summary", n = found.len(), date = catalogue::DATE)
    );
    Ok(Diagnostics::new())
}

/// The entry each of `args` names: codes, or words that find one entry.
fn chosen(args: &[String]) -> Result<Vec<&'static Entry>, Diagnostics> {
    let is_code = |a: &str| {
        matches!(
            catalogue::code::code_form(a.trim()),
            catalogue::code::CodeForm::National
        )
    };
    let mut diags = Diagnostics::new();
    let mut out = Vec::new();
    for c in args.iter().filter(|a| is_code(a)) {
        match catalogue::listed(c.trim()) {
            Some(e) => out.push(e),
            None => diags.push(
                Diagnostic::error(crate::t!("new-unknown-code", code = c.as_str()))
                    .with_hint(crate::t!("find-none-hint")),
            ),
        }
    }
    let words: Vec<&str> = args
        .iter()
        .filter(|a| !is_code(a))
        .map(String::as_str)
        .collect();
    if !words.is_empty() {
        match by_words(&words.join(" ")) {
            Ok(e) => out.push(e),
            Err(d) => diags.extend(d),
        }
    }
    if diags.has_errors() {
        Err(diags)
    } else {
        Ok(out)
    }
}

/// The one entry words name: the only one that has them, or the only one
/// whose title is exactly them.
fn by_words(query: &str) -> Result<&'static Entry, Diagnostics> {
    let query = query.to_owned();
    let found = search::find(&query, None);
    // Compared without diacritics: "dang ky khai tu" is exactly
    // "Thủ tục đăng ký khai tử".
    let plain = |t: &str| deunicode::deunicode(&catalogue::title::key(t));
    let exact: Vec<&&Entry> = found
        .iter()
        .filter(|e| plain(&e.title) == plain(&query))
        .collect();
    match (found.len(), exact.as_slice()) {
        (1, _) => Ok(found[0]),
        (_, [one]) => Ok(**one),
        (0, _) => Err(Diagnostic::error(crate::t!("find-none", words = &query))
            .with_hint(crate::t!("find-none-hint"))
            .into()),
        (n, _) => {
            let listed: String = found
                .iter()
                .take(5)
                .map(|e| format!("\n    {}", e.described()))
                .collect();
            let hint = crate::t!("new-several-hint", words = &query);
            Err(
                Diagnostic::error(crate::t!("new-several", words = &query, n = n))
                    .with_hint(format!("{hint}{listed}"))
                    .into(),
            )
        }
    }
}

/// Writes a procedure file per code into `out`, or the campaign's
/// procedure folder, or this folder. Never overwrites.
pub fn new(
    args: &[String],
    out: Option<PathBuf>,
    campaign: Option<&Path>,
) -> Result<Diagnostics, Diagnostics> {
    let entries = chosen(args)?;
    let campaign = campaign.and_then(|c| Campaign::load(c).ok());
    let folder = match out {
        Some(o) => o,
        None => campaign
            .as_ref()
            .and_then(|c| c.procedures.iter().find(|p| p.is_dir()).cloned())
            .unwrap_or_else(|| PathBuf::from(".")),
    };
    if folder.is_file() {
        return Err(Diagnostic::error(crate::t!("import-out-file"))
            .in_file(&folder)
            .with_hint(crate::t!("import-out-file-hint"))
            .into());
    }
    let mut problems = Diagnostics::new();
    let mut written = 0;
    for e in entries {
        let path = match write_new(e, &folder, campaign.as_ref()) {
            Ok(p) => p,
            Err(d) => {
                problems.push(d);
                continue;
            }
        };
        written += 1;
        let what = match details::of(&e.code) {
            Some(_) => crate::t!("new-wrote-details"),
            None => crate::t!("new-wrote-bare"),
        };
        println!(
            "{}",
            crate::t!(
                "new-wrote",
                path = path.display(),
                code = e.code.as_ref(),
                what = what
            )
        );
    }
    if written > 0 {
        println!("{}", crate::t!("new-next", folder = folder.display()));
    }
    if problems.has_errors() {
        return Err(problems);
    }
    Ok(problems)
}

/// Writes the procedure file `toroi new` starts for `e` into `folder`
/// (named after its title; after its code too when another code has that
/// name), never over a file that exists; the path written.
pub fn write_new(
    e: &Entry,
    folder: &Path,
    campaign: Option<&Campaign>,
) -> Result<PathBuf, Diagnostic> {
    let name = slug(title_for_print(&e.title).as_str());
    // Files in this folder are named without "./".
    let place = |file: String| match folder == Path::new(".") {
        true => PathBuf::from(file),
        false => folder.join(file),
    };
    let path = place(format!("{name}.toml"));
    // A file of that name for another code (the same title at another
    // level): the code tells them apart.
    let has_code = |p: &Path| {
        std::fs::read_to_string(p).is_ok_and(|t| t.contains(&format!("code = \"{}\"", e.code)))
    };
    let path = match path.exists() && !has_code(&path) {
        true => place(format!("{name}-{}.toml", e.code.replace('.', "-"))),
        false => path,
    };
    if path.exists() {
        return Err(
            Diagnostic::error(crate::t!("new-exists", code = e.code.as_ref()))
                .in_file(&path)
                .with_hint(crate::t!("new-exists-hint")),
        );
    }
    std::fs::create_dir_all(folder)
        .map_err(|err| Diagnostic::error(crate::i18n::io_error(&err)).in_file(folder))?;
    write_atomic(&path, procedure_text(e, campaign).as_bytes())?;
    Ok(path)
}

/// A portal title as a poster prints it: without the leading "Thủ tục"
/// and in sentence case ("THỦ TỤC THÀNH LẬP HỘI" → "Thành lập hội").
pub fn title_for_print(title: &str) -> String {
    let t = title.trim().trim_end_matches('.');
    let lower = t.to_lowercase();
    let t = match lower.starts_with("thủ tục ") {
        true => t["thủ tục ".len()..].trim_start(),
        false => t,
    };
    crate::text::capitalised(&crate::text::sentence_case(t))
}

/// A TOML basic string.
fn quoted(s: &str) -> String {
    toml::Value::String(s.to_owned()).to_string()
}

fn list(key: &str, items: &[String]) -> String {
    let mut s = format!("{key} = [\n");
    for i in items {
        s.push_str("  ");
        s.push_str(&quoted(i));
        s.push_str(",\n");
    }
    s.push_str("]\n");
    s
}

/// The file `toroi new` writes for an entry: the catalogue's facts, the
/// portal's details where it has them, tidied for print, and comments
/// where a person must read or add something. The comments are in
/// Vietnamese: the file is the office's.
pub fn procedure_text(e: &Entry, campaign: Option<&Campaign>) -> String {
    // The portal's texts are long: items are commented out, from the end of
    // the longest list, until the A4 poster (the tightest print) fits.
    let mut shown = Shown::default();
    loop {
        let text = draft(e, &shown);
        if fits(&text, campaign) || !shown.shorten(e) {
            return text;
        }
    }
}

/// How many items of each long list are printed (None: all).
#[derive(Debug, Default, Clone)]
struct Shown {
    documents: Option<usize>,
    steps: Option<usize>,
    legal_basis: Option<usize>,
}

impl Shown {
    /// One item fewer of the list with the most printed text; false when
    /// nothing is left to take.
    fn shorten(&mut self, e: &Entry) -> bool {
        let Some(d) = details::of(&e.code) else {
            return false;
        };
        let documents: Vec<String> = d
            .documents()
            .into_iter()
            .filter(|(h, _)| !is_note(h))
            .flat_map(|(_, i)| i)
            .collect();
        let lists = [
            (&mut self.documents, documents),
            (&mut self.steps, d.steps()),
            (&mut self.legal_basis, d.legal_basis()),
        ];
        let mut best: Option<(usize, &mut Option<usize>, usize)> = None;
        for (limit, items) in lists {
            let n = limit.unwrap_or(items.len()).min(items.len());
            // One item of each list stays.
            if n <= 1 {
                continue;
            }
            let chars: usize = items[..n].iter().map(|i| i.chars().count()).sum();
            if best.as_ref().is_none_or(|(c, _, _)| chars > *c) {
                best = Some((chars, limit, n));
            }
        }
        match best {
            Some((_, limit, n)) => {
                *limit = Some(n - 1);
                true
            }
            None => false,
        }
    }
}

/// The portal's "Lưu ý" (notes) are not documents to bring.
fn is_note(heading: &str) -> bool {
    crate::model::list::header_key(heading).starts_with("luu y")
}

/// Whether a procedure file's text loads and its A4 poster lays out, with
/// the campaign's header when there is one.
fn fits(text: &str, campaign: Option<&Campaign>) -> bool {
    use crate::job::{Format, Job, Request};
    let Ok(p) =
        crate::model::Procedure::parse(crate::model::SourceFile::new("new.toml", text.to_owned()))
    else {
        return false;
    };
    let job = Job::resolve(Request::plain(
        crate::model::OutputKind::Poster,
        Format::Pdf,
        campaign.cloned(),
        vec![p],
    ));
    match job {
        Ok(job) => !crate::layout::lay_out(&job).1.has_errors(),
        Err(_) => false,
    }
}

/// Items as a TOML array, one per line; those past `shown` commented out
/// (the officer removes the `#` to print them).
fn array(key: &str, items: &[String], shown: Option<usize>) -> String {
    let shown = shown.unwrap_or(items.len());
    let mut s = format!("{key} = [\n");
    for (k, i) in items.iter().enumerate() {
        if k == shown {
            s.push_str("  # Bỏ ra cho vừa áp phích A4 (toàn văn ở trang Cổng); bỏ dấu # để in:\n");
        }
        s.push_str(if k < shown { "  " } else { "  # " });
        s.push_str(&quoted(i));
        s.push_str(",\n");
    }
    s.push_str("]\n");
    s
}

/// The file's text with `shown` items of each list.
fn draft(e: &Entry, shown: &Shown) -> String {
    let d = details::of(&e.code);
    let date = |iso: &str| {
        let p: Vec<&str> = iso.split('-').collect();
        match p.as_slice() {
            [y, m, d] => format!("{d}/{m}/{y}"),
            _ => iso.to_owned(),
        }
    };
    let read = d.map_or(catalogue::DATE, |d| d.crawled.as_str());
    let mut s = String::new();
    s.push_str(&format!(
        "# {} {}: {}\n",
        e.code,
        "theo Cổng Dịch vụ công quốc gia, dữ liệu đọc ngày",
        date(read)
    ));
    s.push_str("# Hãy đọc lại từng dòng trước khi in: văn bản trên Cổng có chỗ sai, và lệ phí,\n");
    s.push_str("# thời hạn có thể do tỉnh quy định khác. Chạy toroi check sau mỗi lần sửa.\n");
    s.push_str(&format!("title = {}\n", quoted(&title_for_print(&e.title))));
    s.push_str(&format!("code = {}\n", quoted(&e.code)));
    if let Some(id) = &e.formality_id {
        s.push_str(&format!("formality_id = {}\n", quoted(id)));
    }
    let field = d
        .map(|d| d.field.as_str())
        .filter(|f| !f.is_empty())
        .unwrap_or(&e.field);
    if !field.is_empty() {
        s.push_str(&format!(
            "field = {}\n",
            quoted(field.split(';').next().unwrap_or(field).trim())
        ));
    }
    let agencies = e.agencies();
    match d.map(|d| d.agency.as_str()).filter(|a| !a.is_empty()) {
        Some(a) => s.push_str(&format!("agency = {}\n", quoted(a))),
        None if !agencies.is_empty() => {
            s.push_str(&format!("agency = {}\n", quoted(&agencies.join("; "))))
        }
        None => s.push_str(
            "# agency = \"Ủy ban nhân dân cấp xã\"   # Cổng không ghi cơ quan thực hiện\n",
        ),
    }
    s.push_str("# online = \"full\"   # \"full\" (toàn trình), \"partial\" (một phần) hoặc \"none\": ghi theo danh mục của tỉnh\n");
    s.push_str("# summary = \"Một câu cho người dân: thủ tục này để làm gì, ai cần làm.\"\n");
    let Some(d) = d else {
        s.push_str("# Cổng không có chi tiết của thủ tục này trong dữ liệu của toroi: điền từ danh mục của tỉnh.\n");
        s.push_str("# processing_time = \"… ngày làm việc\"\n# fee = \"…\"\n# result = \"…\"\n");
        s.push_str(
            "# documents = [\"…\", \"…\"]\n# steps = [\"…\", \"…\"]\n# legal_basis = [\"…\"]\n",
        );
        s.push_str(&format!(
            "source = [{}, {}]\n",
            quoted(&e.formality_id.as_deref().map_or_else(
                || crate::model::portal::search_page(&e.code),
                |id| format!("https://dichvucong.gov.vn/thu-tuc-hanh-chinh/{id}")
            )),
            quoted(&format!(
                "Danh mục thủ tục hành chính của Cổng Dịch vụ công quốc gia, {}",
                date(catalogue::DATE)
            ))
        ));
        return s;
    };
    match d.processing_time() {
        Some(t) => s.push_str(&format!("processing_time = {}\n", quoted(&t))),
        None => {
            s.push_str("# processing_time = \"… ngày làm việc\"   # Cổng không ghi rõ thời hạn\n")
        }
    }
    match d.fee() {
        Some(f) => s.push_str(&format!("fee = {}\n", quoted(&f))),
        None => s.push_str("# fee = \"…\"   # Cổng ghi 0 đồng: mức thu thường do HĐND tỉnh quy định; ghi mức của tỉnh, hoặc \"Miễn lệ phí\"\n"),
    }
    let results: Vec<String> = d
        .results
        .iter()
        .map(|r| r.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|r| !r.is_empty())
        .collect();
    match results.is_empty() {
        false => s.push_str(&format!("result = {}\n", quoted(&results.join("; ")))),
        true => s.push_str("# result = \"…\"\n"),
    }
    let channels = d.channels();
    if !channels.is_empty() {
        s.push_str(&list("channels", &channels));
    }
    let groups = d.documents();
    if groups.iter().all(|(h, _)| is_note(h)) {
        s.push_str("# documents = [\"…\", \"…\"]   # Cổng không ghi thành phần hồ sơ\n");
    } else {
        s.push_str("documents = [\n");
        // The portal's notes follow as comments, for the officer to read.
        let mut k = 0;
        let limit = shown.documents.unwrap_or(usize::MAX);
        for (heading, items) in groups.iter().filter(|(h, _)| !is_note(h)) {
            if groups.len() > 1 && !heading.is_empty() {
                s.push_str(&format!("  # {heading}\n"));
            }
            for i in items {
                if k == limit {
                    s.push_str(
                        "  # Bỏ ra cho vừa áp phích A4 (toàn văn ở trang Cổng); bỏ dấu # để in:\n",
                    );
                }
                s.push_str(if k < limit { "  " } else { "  # " });
                s.push_str(&format!("{},\n", quoted(i)));
                k += 1;
            }
        }
        s.push_str("]\n");
        for (heading, items) in groups.iter().filter(|(h, _)| is_note(h)) {
            s.push_str(&format!("# {heading} ({}):\n", "theo Cổng"));
            for i in items {
                s.push_str(&format!("#   - {i}\n"));
            }
        }
    }
    let steps = d.steps();
    match steps.is_empty() {
        false => s.push_str(&array("steps", &steps, shown.steps)),
        true => s.push_str("# steps = [\"…\", \"…\"]   # Cổng không ghi trình tự thực hiện\n"),
    }
    let basis = d.legal_basis();
    if !basis.is_empty() {
        s.push_str(&array("legal_basis", &basis, shown.legal_basis));
    }
    s.push_str(&format!(
        "source = [{}, {}]\n",
        quoted(&d.url),
        quoted(&format!(
            "Cổng Dịch vụ công quốc gia, dữ liệu đọc ngày {}",
            date(&d.crawled)
        ))
    ));
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_file_is_a_procedure_that_loads() {
        for code in ["1.001193", "1.004222", "2.000815", "1.003197", "1.000894"] {
            let e = catalogue::builtin_code(code).unwrap();
            let text = procedure_text(&e, None);
            let p = crate::model::Procedure::parse(crate::model::SourceFile::new(
                "n.toml",
                text.clone(),
            ))
            .unwrap_or_else(|d| panic!("{code}: {d:?}\n{text}"));
            assert_eq!(p.code.unwrap().value, code);
            assert_eq!(
                p.formality_id.unwrap().value,
                e.formality_id.as_deref().unwrap()
            );
            assert!(!p.title.value.starts_with("Thủ tục"), "{}", p.title.value);
            assert!(
                p.source
                    .iter()
                    .any(|s| s.value.contains("dichvucong.gov.vn")),
                "{text}"
            );
        }
        let text = procedure_text(&catalogue::builtin_code("1.001193").unwrap(), None);
        assert!(text.contains("title = \"Đăng ký khai sinh\""), "{text}");
        assert!(text.contains("documents = [\n"), "{text}");
        assert!(text.contains("# fee = "), "{text}");
    }

    #[test]
    fn portal_titles_print_without_their_prefix() {
        assert_eq!(
            title_for_print("THỦ TỤC THÀNH LẬP HỘI (CẤP TỈNH)."),
            "Thành lập hội (cấp tỉnh)"
        );
        assert_eq!(
            title_for_print("Thủ tục đăng ký khai sinh"),
            "Đăng ký khai sinh"
        );
    }
}
