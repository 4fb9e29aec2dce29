//! `toroi init`: a campaign folder ready to build, for a ward office that
//! has never used toroi. It holds a commented `toroi.toml`, a `thu-tuc/`
//! folder with two real procedures, and an empty list to fill in; it prints
//! the two commands that come next. A file that exists is never touched, so
//! running it again changes nothing.

use std::path::Path;

use super::import;
use crate::diag::{Diagnostic, Diagnostics};

/// Two of the procedures the project ships, with their sources, as
/// examples of a procedure file.
const PROCEDURES: [(&str, &str); 2] = [
    (
        "dang-ky-khai-sinh.toml",
        include_str!("../../procedures/dang-ky-khai-sinh.toml"),
    ),
    (
        "dang-ky-ket-hon.toml",
        include_str!("../../procedures/dang-ky-ket-hon.toml"),
    ),
];

/// The folder the procedure files go in.
const PROCEDURES_DIR: &str = "thu-tuc";
/// The empty list to fill in.
const LIST: &str = "danh-muc.xlsx";

pub fn init(folder: &Path, name: Option<&str>) -> Result<Diagnostics, Diagnostics> {
    if folder.is_file() {
        return Err(Diagnostic::error("this is a file, not a folder")
            .in_file(folder)
            .with_hint("name a new folder, e.g. toroi init xa-moi")
            .into());
    }
    let campaign = campaign_text(name);
    let mut files: Vec<(String, &str)> = vec![(super::CAMPAIGN_FILE.to_owned(), &campaign)];
    for (file, text) in PROCEDURES {
        files.push((format!("{PROCEDURES_DIR}/{file}"), text));
    }
    let mut made = Vec::new();
    let mut kept = Vec::new();
    for (rel, text) in &files {
        let path = folder.join(rel);
        if path.exists() {
            kept.push(path);
            continue;
        }
        crate::atomic::Pending::create(&path)
            .and_then(|p| p.commit(text.as_bytes()))
            .map_err(Diagnostics::from)?;
        made.push(path);
    }
    let list = folder.join(LIST);
    if list.exists() {
        kept.push(list);
    } else {
        // It says so itself.
        import::blank(&list)?;
    }
    for p in &made {
        println!("{}", crate::t!("init-made", path = p.display()));
    }
    for p in &kept {
        println!("{}", crate::t!("init-kept", path = p.display()));
    }
    let cd = if folder == Path::new(".") {
        String::new()
    } else {
        format!("cd {} && ", shell_word(&folder.display().to_string()))
    };
    println!("{}", crate::t!("init-next"));
    println!("  {cd}toroi build      ({})", crate::t!("init-build"));
    println!("  {cd}toroi check      ({})", crate::t!("init-check"));
    Ok(Diagnostics::new())
}

/// A path as one word of a command line.
fn shell_word(s: &str) -> String {
    if s.chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | '/'))
    {
        s.to_owned()
    } else {
        format!("\"{s}\"")
    }
}

/// The campaign file, its every key explained for someone editing it in
/// Notepad.
fn campaign_text(name: Option<&str>) -> String {
    let name_line = match name {
        Some(n) => format!("name = {}", toml::Value::String(n.to_owned())),
        None => {
            "# name = \"Ủy ban nhân dân xã …\"     # the office's name, printed on every output"
                .to_owned()
        }
    };
    format!(
        r#"# The campaign: who prints, what and where. Edit it in Notepad and save
# as UTF-8; then run `toroi build` in this folder. Lines starting with # are
# notes; remove the # in front of a line to use it.

[issuer]
{name_line}
# locality = "Huyện …, tỉnh …"           # under the name, on posters
# address = "Số …, đường …"              # printed with the contacts
# hotline = "0…"                         # printed on every output
# office_hours = "Thứ Hai – Thứ Sáu, 7 giờ 30 – 11 giờ 30, 13 giờ 30 – 17 giờ"
# logo = "logo.png"                      # a PNG or JPEG beside this file

[campaign]
title = "Cẩm nang thủ tục hành chính"
# slogan = "Quét mã để tìm hiểu và nộp hồ sơ trực tuyến"

# The procedures: the folder of procedure files, and lists (.xlsx, .ods,
# .csv) with a row per procedure. Fill in {LIST} (its first row names the
# columns) and add it here: procedures = ["{PROCEDURES_DIR}", "{LIST}"]
procedures = ["{PROCEDURES_DIR}"]

# What `toroi build` writes, relative to this file.
[[output]]
kind = "poster"        # an A4 poster per procedure, for the one-stop desk
size = "a4"
file = "out/posters"

[[output]]
kind = "handbook"      # the A5 handbook (cẩm nang) for households
size = "a5"
file = "out/cam-nang.pdf"

[[output]]
kind = "handbook"      # the same, imposed on A4 sheets to fold: print both
size = "a5"            # sides, flip on the short edge
booklet = true
file = "out/cam-nang-in.pdf"

[[output]]
kind = "cards"         # QR cards to cut out, ten to an A4 sheet
file = "out/the-qr.pdf"

[[output]]
kind = "png"           # an image per procedure for Zalo groups (1080 × 1350 px)
file = "out/zalo"
"#
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_campaign_file_reads_with_or_without_a_name() {
        for name in [None, Some("Ủy ban nhân dân xã \"Mới\"")] {
            let dir = tempfile::tempdir().unwrap();
            std::fs::create_dir(dir.path().join(PROCEDURES_DIR)).unwrap();
            let text = campaign_text(name);
            let src = crate::model::SourceFile::new(dir.path().join("toroi.toml"), text);
            let c = crate::model::Campaign::parse(&src).unwrap();
            assert_eq!(c.outputs.len(), 5);
            assert_eq!(c.issuer.name.as_ref().map(|n| n.value.as_str()), name);
        }
    }
}
