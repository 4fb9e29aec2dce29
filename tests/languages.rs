//! The interface speaks Vietnamese by default (and with LANG=vi_VN.UTF-8),
//! English with TOROI_LANG=en or a LANG starting with en: every class of
//! mistake in tests/bad-input/, the summary and `--help`, in both.

mod harness;

use harness::repo;
use std::path::Path;

/// How the language is asked for.
#[derive(Debug, Clone, Copy)]
enum Asked {
    /// Neither TOROI_LANG nor LANG set.
    Nothing,
    VietnameseLocale,
    ToroiLangEn,
    EnglishLocale,
}

/// `toroi ARGS` in `dir` with the language asked for as `asked`: (exit, stdout + stderr).
fn run(dir: &Path, asked: Asked, args: &[&str]) -> (i32, String) {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_toroi"));
    cmd.args(args)
        .current_dir(dir)
        .env_remove("TOROI_LANG")
        .env_remove("LANG");
    match asked {
        Asked::Nothing => {}
        Asked::VietnameseLocale => {
            cmd.env("LANG", "vi_VN.UTF-8");
        }
        Asked::ToroiLangEn => {
            cmd.env("TOROI_LANG", "en").env("LANG", "vi_VN.UTF-8");
        }
        Asked::EnglishLocale => {
            cmd.env("LANG", "en_US.UTF-8");
        }
    }
    let out = cmd.output().unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code().unwrap_or(-1), text)
}

/// Procedure files: what the message says in English and in Vietnamese.
const PROCEDURES: &[(&str, &str, &str)] = &[
    ("not-utf8.toml", "not UTF-8", "không phải văn bản UTF-8"),
    (
        "syntax-error.toml",
        "no closing quote on its line",
        "không có ngoặc kép đóng",
    ),
    (
        "wrong-type.toml",
        "must be a list of texts",
        "phải là một danh sách chữ",
    ),
    (
        "unknown-key.toml",
        "unknown key `documnets`",
        "khóa không hợp lệ `documnets`",
    ),
    ("missing-title.toml", "`title` is missing", "thiếu `title`"),
    (
        "empty-title.toml",
        "`title` is empty",
        "`title` đang để trống",
    ),
    (
        "formality-id-not-a-uuid.toml",
        "must be the portal's record id",
        "phải là mã bản ghi của thủ tục trên Cổng",
    ),
    (
        "online-outside-set.toml",
        "\"full\", \"partial\" or \"none\"",
        "\"full\", \"partial\" hoặc \"none\"",
    ),
    (
        "url-without-scheme.toml",
        "must start with https://",
        "phải bắt đầu bằng https://",
    ),
    ("url-with-spaces.toml", "contains a space", "có dấu cách"),
    (
        "url-too-long-for-qr.toml",
        "the URL is too long for a",
        "địa chỉ quá dài cho mã QR",
    ),
    ("empty.toml", "the file is empty", "tệp trống"),
    ("not-text.toml", "not a text file", "không phải tệp văn bản"),
    (
        "emoji.toml",
        "characters that the printed font cannot draw",
        "ký tự mà phông chữ in không vẽ được",
    ),
    (
        "cjk.toml",
        "`summary` contains 4 characters that the printed font cannot draw",
        "`summary` có 4 ký tự mà phông chữ in không vẽ được",
    ),
];

/// Campaigns: the same.
const CAMPAIGNS: &[(&str, &str, &str)] = &[
    (
        "logo-missing",
        "cannot read the logo file",
        "không đọc được tệp logo",
    ),
    (
        "logo-unreadable",
        "not a readable PNG, JPEG or SVG",
        "không phải ảnh PNG, JPEG hay SVG",
    ),
    (
        "same-output-twice",
        "two outputs write out/cam-nang.pdf",
        "hai đầu ra cùng ghi vào out/cam-nang.pdf",
    ),
    (
        "unknown-language",
        "unknown language \"fr\"",
        "ngôn ngữ không hợp lệ \"fr\"",
    ),
    (
        "px-on-a-pdf",
        "`px` is for kind = \"png\" only",
        "`px` chỉ dùng cho kind = \"png\"",
    ),
    (
        "bleed-too-large",
        "`output.bleed` must be from 0 to 20",
        "`output.bleed` phải từ 0 đến 20",
    ),
    (
        "kind-misspelt",
        "unknown output kind \"posterr\"",
        "loại đầu ra không hợp lệ \"posterr\"",
    ),
];

/// Templates: the same.
const TEMPLATES: &[(&str, &str, &str)] = &[
    (
        "margin-negative.toml",
        "the margin is -5 mm",
        "lề -5 mm: lề không thể âm",
    ),
    (
        "margin-no-page.toml",
        "margin 100 mm leaves ",
        "lề 100 mm chỉ còn ",
    ),
    (
        "min-body-above-body.toml",
        "the body sizes must rise",
        "cỡ chữ thân phải tăng dần",
    ),
    (
        "qr-too-small.toml",
        "QR code must be at least",
        "phải ít nhất",
    ),
    (
        "white-on-white.toml",
        "has a contrast of 1.0:1",
        "có độ tương phản 1,0:1",
    ),
];

/// Each class's message in the language asked for, framed in it, and not
/// in the other.
fn assert_speaks(text: &str, asked: Asked, en: &str, vi: &str) {
    match asked {
        Asked::Nothing | Asked::VietnameseLocale => {
            assert!(text.contains(vi), "{asked:?}: `{vi}` missing:\n{text}");
            assert!(text.contains(": lỗi: "), "{asked:?}:\n{text}");
            assert!(text.contains("= gợi ý: "), "{asked:?}:\n{text}");
            assert!(text.contains("không ghi tệp nào"), "{asked:?}:\n{text}");
            assert!(!text.contains(en), "{asked:?}: English left:\n{text}");
            assert_no_english(text);
        }
        Asked::ToroiLangEn | Asked::EnglishLocale => {
            assert!(text.contains(en), "{asked:?}: `{en}` missing:\n{text}");
            assert!(
                text.contains(": error: ") && text.contains("= help: "),
                "{text}"
            );
            assert!(text.contains("nothing was written"), "{text}");
            assert!(!text.contains(vi), "{asked:?}: Vietnamese left:\n{text}");
        }
    }
}

/// No English sentence in a Vietnamese run: the words every English
/// message is made of do not appear outside the file's own lines (shown
/// after "|" by the diagnostics).
fn assert_no_english(text: &str) {
    for line in text.lines() {
        if line.trim_start().starts_with(|c: char| c.is_ascii_digit()) && line.contains(" | ") {
            continue;
        }
        let padded = format!(" {} ", line.to_lowercase());
        for word in [
            " the ", " is ", " of ", " must ", " cannot ", " not ", " with ",
        ] {
            assert!(
                !padded.contains(word),
                "English `{}` in a Vietnamese run:\n{line}\n\n{text}",
                word.trim()
            );
        }
    }
}

const ALL: [Asked; 4] = [
    Asked::Nothing,
    Asked::VietnameseLocale,
    Asked::ToroiLangEn,
    Asked::EnglishLocale,
];

#[test]
fn every_bad_procedure_is_explained_in_the_language_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let procedures = repo("tests/bad-input/procedures");
    for (file, en, vi) in PROCEDURES {
        let path = procedures.join(file);
        for asked in ALL {
            let (code, text) = run(
                dir.path(),
                asked,
                &["poster", path.to_str().unwrap(), "-o", "p.pdf"],
            );
            assert_eq!(code, 1, "{file}: {text}");
            assert_speaks(&text, asked, en, vi);
        }
    }
}

#[test]
fn every_bad_campaign_and_template_is_explained_in_the_language_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let good = repo("procedures/dang-ky-khai-sinh.toml");
    let good = good.to_str().unwrap();
    for (case, en, vi) in CAMPAIGNS {
        let campaign = repo(&format!("tests/bad-input/campaigns/{case}/toroi.toml"));
        for asked in ALL {
            let args = [
                "poster",
                good,
                "--campaign",
                campaign.to_str().unwrap(),
                "-o",
                "p.pdf",
            ];
            let (code, text) = run(dir.path(), asked, &args);
            assert_eq!(code, 1, "{case}: {text}");
            assert_speaks(&text, asked, en, vi);
        }
    }
    for (file, en, vi) in TEMPLATES {
        let template = repo(&format!("tests/bad-input/templates/{file}"));
        for asked in ALL {
            let args = [
                "poster",
                good,
                "--template",
                template.to_str().unwrap(),
                "-o",
                "p.pdf",
            ];
            let (code, text) = run(dir.path(), asked, &args);
            assert_eq!(code, 1, "{file}: {text}");
            assert_speaks(&text, asked, en, vi);
        }
    }
    // A duplicate code, across two files.
    let dup = repo("tests/bad-input/duplicate-code");
    let (_, text) = run(
        dir.path(),
        Asked::Nothing,
        &["handbook", dup.to_str().unwrap(), "-o", "h.pdf"],
    );
    assert_speaks(
        &text,
        Asked::Nothing,
        "is also the code of",
        "trùng với mã của",
    );
}

#[test]
fn help_and_the_summary_speak_the_language_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let (_, help) = run(dir.path(), Asked::Nothing, &["--help"]);
    assert!(
        help.contains("Cách dùng: toroi") && help.contains("Áp phích một trang"),
        "{help}"
    );
    let (_, help) = run(dir.path(), Asked::ToroiLangEn, &["--help"]);
    assert!(
        help.contains("Usage: toroi") && help.contains("A one-page poster"),
        "{help}"
    );
    // --lang en asks for English too, for the help and for what follows.
    let (_, help) = run(dir.path(), Asked::Nothing, &["poster", "--help"]);
    assert!(help.contains("Áp phích một trang"), "{help}");
    let (_, help) = run(
        dir.path(),
        Asked::Nothing,
        &["poster", "--lang", "en", "--help"],
    );
    assert!(help.contains("A one-page poster"), "{help}");
    // A build's summary, with its plurals.
    run(dir.path(), Asked::Nothing, &["init", "xa"]);
    let xa = dir.path().join("xa");
    let (code, text) = run(&xa, Asked::Nothing, &["build"]);
    assert_eq!(code, 0, "{text}");
    assert!(
        text.contains("đã ghi ") && text.contains("đã làm 5 đầu ra của toroi.toml: 7 tệp"),
        "{text}"
    );
    // What each file is, and how to print it.
    assert!(
        text.contains("(cẩm nang A5, 2 thủ tục, ") && text.contains("lật theo cạnh NGẮN"),
        "{text}"
    );
    let (_, text) = run(&xa, Asked::EnglishLocale, &["build"]);
    assert!(
        text.contains("(A5 handbook, 2 procedures, ") && text.contains("flip on the SHORT edge"),
        "{text}"
    );
    assert!(
        text.contains("built 5 outputs of toroi.toml: 7 files"),
        "{text}"
    );
    let (_, text) = run(&xa, Asked::EnglishLocale, &["check"]);
    assert!(
        text.contains("0 errors, 0 warnings in 3 files: ready to print")
            || text.contains("in 3 files"),
        "{text}"
    );
    let one = repo("procedures/dang-ky-ket-hon.toml");
    let (_, text) = run(&xa, Asked::EnglishLocale, &["check", one.to_str().unwrap()]);
    assert!(
        text.contains("0 errors, 0 warnings in 1 file: ready to print"),
        "{text}"
    );
    let (_, text) = run(&xa, Asked::Nothing, &["check", one.to_str().unwrap()]);
    assert!(
        text.contains("0 lỗi, 0 cảnh báo trong 1 tệp: sẵn sàng để in"),
        "{text}"
    );
}

#[test]
fn every_argument_and_command_line_mistake_speaks_the_language_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    for command in [
        "poster", "leaflet", "handbook", "catalog", "check", "import", "cards", "init", "build",
        "watch", "qr",
    ] {
        let (code, vi) = run(dir.path(), Asked::Nothing, &[command, "--help"]);
        assert_eq!(code, 0, "{vi}");
        assert!(
            vi.contains("Cách dùng: toroi") && vi.contains("In hướng dẫn"),
            "{command}:\n{vi}"
        );
        assert!(
            !vi.contains("Print help") && !vi.contains("[default:") && !vi.contains("Usage:"),
            "{command}:\n{vi}"
        );
        assert_no_english(&vi);
        let (_, en) = run(dir.path(), Asked::ToroiLangEn, &[command, "--help"]);
        assert!(
            en.contains("Usage: toroi") && en.contains("Print help"),
            "{en}"
        );
    }
    let (_, vi) = run(dir.path(), Asked::Nothing, &["handbook", "--help"]);
    assert!(
        vi.contains("Khổ trang [mặc định: a5] [giá trị: a5, a4]"),
        "{vi}"
    );
    let (_, en) = run(dir.path(), Asked::EnglishLocale, &["handbook", "--help"]);
    assert!(
        en.contains("Page size [default: a5] [possible values: a5, a4]"),
        "{en}"
    );
    // Mistakes in the command line: exit 2, said in the language asked for.
    let mistakes: &[(&[&str], &str, &str)] = &[
        (
            &["handbook", "--sise", "a4"],
            "lỗi: không có tùy chọn '--sise'\n  có phải ý bạn là '--size'?",
            "unexpected argument '--sise'",
        ),
        (
            &["poster", "a.toml", "--size", "a7"],
            "'a7' không phải giá trị hợp lệ của '--size <SIZE>'\n  các giá trị: a4, a3",
            "invalid value 'a7'",
        ),
        (
            &["cards", "--copies", "500", "a.toml"],
            "ghi một số nguyên từ 1 đến 100",
            "give a whole number from 1 to 100",
        ),
        (
            &["posterr"],
            "lỗi: không có lệnh 'posterr'",
            "there is no command 'posterr'",
        ),
        (
            &["poster", "a.toml", "--png", "--bleed", "3"],
            "không dùng được '--png' cùng với '--bleed <MM>'",
            "cannot be used with",
        ),
        (
            &["poster"],
            "lỗi: thiếu <PATH>",
            "required arguments were not provided",
        ),
    ];
    for (args, vi, en) in mistakes {
        let (code, text) = run(dir.path(), Asked::Nothing, args);
        assert_eq!(code, 2, "{args:?}: {text}");
        assert!(
            text.contains(vi) && text.contains("Xem thêm"),
            "{args:?}:\n{text}"
        );
        assert_no_english(&text);
        let (code, text) = run(dir.path(), Asked::ToroiLangEn, args);
        assert_eq!(code, 2, "{args:?}: {text}");
        assert!(text.contains(en), "{args:?}:\n{text}");
    }
}

/// Beyond the bad-input classes: lists, layouts that do not fit, files
/// and folders, import and the descriptions of images.
#[test]
fn lists_layouts_files_and_images_speak_the_language_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let good = repo("procedures/dang-ky-khai-sinh.toml");
    let good = good.to_str().unwrap();
    std::fs::write(
        d.join("no-title.csv"),
        "Mã TTHC,Lĩnh vực\n1.000001,Hộ tịch\n",
    )
    .unwrap();
    std::fs::write(
        d.join("list.csv"),
        "Tên thủ tục,Mã TTHC,Ghi chú riêng\nĐăng ký khai sinh,1.001193,x\nĐăng ký kết hôn,1.000894,y\n",
    )
    .unwrap();
    // TOML mistakes beyond the Notepad ones: the parser's message, said.
    std::fs::write(d.join("no-value.toml"), "title = \"A\"\nfee\n").unwrap();
    std::fs::write(
        d.join("no-comma.toml"),
        "title = \"A\"\ndocuments = [\"x\" \"y\"]\n",
    )
    .unwrap();
    let cases: &[(&[&str], &str, &str)] = &[
        (
            &["check", "no-value.toml"],
            "no-value.toml:2:4: lỗi: lỗi cú pháp TOML: khóa chưa có giá trị",
            "key with no value",
        ),
        (
            &["check", "no-comma.toml"],
            "thiếu dấu phẩy giữa các mục của danh sách",
            "missing comma between array elements",
        ),
        (
            &["handbook", "no-title.csv", "-o", "h.pdf"],
            "không có cột tên thủ tục",
            "no column of procedure titles",
        ),
        (
            &["leaflet", good, "-o", "t.pdf"],
            "tờ gấp cần từ 2 đến 6 thủ tục; đã cho 1",
            "a leaflet needs 2 to 6 procedures; 1 given",
        ),
        (
            &["handbook", "khong-co/", "-o", "h.pdf"],
            "không có tệp hay thư mục này",
            "no such file or folder",
        ),
        (
            &["poster", good, "-o", "x.docx"],
            "tên tệp PDF phải kết thúc bằng .pdf",
            "a PDF file's name must end in .pdf",
        ),
        (
            &["import", "list.csv", "-o", "thu-tuc"],
            "đã chuyển 2 thủ tục từ list.csv vào thu-tuc",
            "imported 2 procedures from list.csv into thu-tuc",
        ),
        (
            &["cards", good, "--png", "-o", "the"],
            "(thẻ QR, 1080 × ",
            "(QR card, 1080 × ",
        ),
        (
            &["qr", "https://dichvucong.gov.vn", "-o", "qr.svg"],
            " ô, dạng vector, ",
            " modules, vector, ",
        ),
    ];
    for (args, vi, en) in cases {
        let (_, text) = run(d, Asked::Nothing, args);
        assert!(text.contains(vi), "{args:?}:\n{text}");
        assert_no_english(&text);
        let _ = std::fs::remove_dir_all(d.join("thu-tuc"));
        let (_, text) = run(d, Asked::ToroiLangEn, args);
        assert!(text.contains(en), "{args:?}:\n{text}");
        let _ = std::fs::remove_dir_all(d.join("thu-tuc"));
    }
}

/// `--lang` before or after any command; help that states its own default
/// says it once; a mistyped command gets the one nearest command.
#[test]
fn lang_goes_anywhere_defaults_are_said_once_and_one_command_is_suggested() {
    let dir = repo("");
    for args in [
        vec!["--lang", "en", "check", "procedures/dang-ky-khai-sinh.toml"],
        vec!["check", "procedures/dang-ky-khai-sinh.toml", "--lang", "en"],
    ] {
        let (code, text) = run(&dir, Asked::VietnameseLocale, &args);
        assert_eq!(code, 0, "{args:?}: {text}");
        assert!(text.contains("ready to print"), "{args:?}: {text}");
    }
    for (asked, word) in [
        (Asked::VietnameseLocale, "mặc định"),
        (Asked::EnglishLocale, "default"),
    ] {
        for (cmd, arg) in [("init", "[FOLDER]"), ("watch", "[toroi.toml]")] {
            let (code, text) = run(&dir, asked, &[cmd, "--help"]);
            assert_eq!(code, 0, "{text}");
            let line = text
                .lines()
                .find(|l| l.trim_start().starts_with(arg))
                .unwrap();
            assert_eq!(line.matches(word).count(), 1, "{line}");
        }
        let (code, text) = run(&dir, asked, &["postr"]);
        assert_eq!(code, 2, "{text}");
        assert!(
            text.contains("'poster'") && !text.contains("import"),
            "{text}"
        );
    }
}
