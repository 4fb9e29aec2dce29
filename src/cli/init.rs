//! `toroi init`: a campaign folder ready to build, for a ward office that
//! has never used toroi. It holds a commented `toroi.toml`, a `thu-tuc/`
//! folder with two real procedures, and an empty list to fill in; it prints
//! the two commands that come next. A file that exists is never touched, so
//! running it again changes nothing.

use std::path::Path;

use super::import;
use crate::diag::{Diagnostic, Diagnostics};
use crate::i18n::Ui;

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
        return Err(Diagnostic::error(crate::t!("init-is-file"))
            .in_file(folder)
            .with_hint(crate::t!("init-is-file-hint"))
            .into());
    }
    let campaign = campaign_text(name, crate::i18n::current());
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
    for p in &made {
        println!("{}", crate::t!("init-made", path = p.display()));
    }
    let list = folder.join(LIST);
    if list.exists() {
        kept.push(list);
    } else {
        // It says so itself, after the files above.
        import::blank(&list)?;
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
    println!("  {}", crate::t!("init-build", cd = cd.as_str()));
    println!("  {}", crate::t!("init-check", cd = cd.as_str()));
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
fn campaign_text(name: Option<&str>, ui: Ui) -> String {
    let name_line = match name {
        Some(n) => format!("name = {}", toml::Value::String(n.to_owned())),
        None => crate::i18n::message_in(ui, "init-name-line", &[]),
    };
    // The notes in the file are in the interface's language: they are read
    // by the same person, in Notepad.
    let template = match ui {
        Ui::Vi => include_str!("../../assets/init/toroi.vi.toml"),
        Ui::En => include_str!("../../assets/init/toroi.en.toml"),
    };
    template
        .replace("{{name_line}}", &name_line)
        .replace("{{list}}", LIST)
        .replace("{{procedures}}", PROCEDURES_DIR)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_campaign_file_reads_with_or_without_a_name() {
        let names = [None, Some("Ủy ban nhân dân xã \"Mới\"")];
        for (name, ui) in names.into_iter().flat_map(|n| [(n, Ui::Vi), (n, Ui::En)]) {
            let dir = tempfile::tempdir().unwrap();
            std::fs::create_dir(dir.path().join(PROCEDURES_DIR)).unwrap();
            let text = campaign_text(name, ui);
            let src = crate::model::SourceFile::new(dir.path().join("toroi.toml"), text.clone());
            let c = crate::model::Campaign::parse(&src).unwrap();
            assert_eq!(c.outputs.len(), 5, "{ui:?}");
            // The notes are in the file's language, and no placeholder is left.
            let note = match ui {
                Ui::Vi => "Sửa tệp này bằng Notepad",
                Ui::En => "Edit it in Notepad",
            };
            assert!(text.contains(note) && !text.contains("{{"), "{text}");
            assert_eq!(c.issuer.name.as_ref().map(|n| n.value.as_str()), name);
        }
    }
}
