//! The ward office's PC: files typed in Notepad, names and sizes typed the
//! way people type them, files shared with colleagues. Through the built
//! binary, read back with poppler.

mod harness;

use harness::*;

const URL: &str = "url = \"https://dichvucong.gov.vn/\"\n";

/// Each mistake Notepad or Word makes gets its own message at the place
/// the user must look, not where the TOML reader happened to stop.
#[test]
fn notepad_mistakes_are_explained_at_their_line_and_column() {
    let env = Env::new();
    let cases: [(&str, String, &str, &str); 5] = [
        (
            "backslash.toml",
            format!("title = \"A\"\n{URL}agency = \"C:\\Users\\CanBo\"\n"),
            "backslash.toml:3:13: error: a backslash inside double quotes",
            "C:/Users/",
        ),
        (
            "curly.toml",
            format!("title = “Đăng ký khai sinh”\n{URL}"),
            "curly.toml:1:9: error: curly quotes",
            "straight quotes",
        ),
        (
            "break.toml",
            format!("title = \"Đăng ký\nkhai sinh\"\n{URL}"),
            "break.toml:1:9: error: this text has no closing quote on its line",
            "triple quotes",
        ),
        (
            "key.toml",
            format!("title = \"A\"\n{URL}lệ_phí = \"Miễn lệ phí\"\n"),
            "key.toml:3:1: error: unknown key `lệ_phí`",
            "did you mean `fee`?",
        ),
        (
            "ascii.toml",
            format!("title = \"A\"\n{URL}thoi_han = \"05 ngày\"\n"),
            "ascii.toml:3:1: error: unknown key `thoi_han`",
            "did you mean `processing_time`?",
        ),
    ];
    for (name, text, message, hint) in cases {
        let file = env.write(name, text);
        let run = env.poster(&[file.as_os_str()]);
        run.failure(1);
        assert!(run.stderr.contains(message), "{name}: {}", run.stderr);
        assert!(run.stderr.contains(hint), "{name}: {}", run.stderr);
    }
    assert!(!env.files().iter().any(|f| f.ends_with(".pdf")));
}

#[test]
fn sizes_are_typed_in_any_case_and_a_wrong_extension_is_refused() {
    let env = Env::new();
    let p = repo("procedures/dang-ky-ket-hon.toml");
    let p = p.to_str().unwrap();
    env.toroi(&["poster", p, "--size", "A3", "-o", "a3.pdf"])
        .success();
    assert_eq!(pdf_pages_and_size(&env.path("a3.pdf")).1.round(), 842.0);
    env.toroi(&["handbook", p, "--size", "A5", "--lang", "EN", "-o", "h.pdf"])
        .success();
    // A PDF named .docx would open in nothing: refused, with the name that works.
    let run = env.toroi(&["poster", p, "-o", "x.docx"]);
    run.failure(1);
    assert!(
        run.stderr
            .contains("x.docx: a PDF file's name must end in .pdf")
            && run.stderr.contains("name it x.pdf"),
        "{}",
        run.stderr
    );
    assert!(!env.path("x.docx").exists());
}

#[cfg(unix)]
#[test]
fn outputs_get_the_mode_the_umask_gives() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::new();
    let p = repo("procedures/dang-ky-ket-hon.toml");
    for (umask, mode) in [("022", 0o644), ("002", 0o664)] {
        let out = env.path(&format!("p{umask}.pdf"));
        let status = std::process::Command::new("sh")
            .arg("-c")
            .arg(format!(
                "umask {umask} && exec \"$0\" poster \"$1\" -o \"$2\"",
            ))
            .arg(env!("CARGO_BIN_EXE_toroi"))
            .arg(&p)
            .arg(&out)
            .status()
            .unwrap();
        assert!(status.success());
        let got = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
        assert_eq!(got, mode, "umask {umask}: {got:o}");
    }
}
