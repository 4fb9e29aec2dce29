//! Every kind of mistake in tests/bad-input/ meets a message a ward officer
//! can act on: exit 1, the file and line named, a hint, nothing written,
//! never a panic.

mod harness;

use harness::*;
use std::path::Path;

/// Procedure files, and a word the message must contain.
const PROCEDURES: &[(&str, &str)] = &[
    ("not-utf8.toml", "not UTF-8"),
    ("syntax-error.toml", "no closing quote on its line"),
    ("wrong-type.toml", "must be a list of texts"),
    ("unknown-key.toml", "unknown key `documnets`"),
    ("missing-title.toml", "`title` is missing"),
    ("empty-title.toml", "`title` is empty"),
    (
        "formality-id-not-a-uuid.toml",
        "`formality_id` must be the portal's record id",
    ),
    (
        "online-outside-set.toml",
        "\"full\", \"partial\" or \"none\"",
    ),
    ("url-without-scheme.toml", "must start with https://"),
    ("url-with-spaces.toml", "contains a space"),
    ("url-too-long-for-qr.toml", "the URL is too long for a"),
    ("empty.toml", "the file is empty"),
    ("not-text.toml", "not a text file"),
    // Every unprintable character of a field at once, not only the first.
    (
        "emoji.toml",
        "2 characters that the printed font cannot draw: '😀' (U+1F600), '🎉' (U+1F389)",
    ),
    ("cjk.toml", "'出' (U+51FA)"),
];

/// Asserts the common promise, and that `file:line:col` is named.
#[track_caller]
fn refused(out: &Output, file: &str, expect: &str) {
    out.failure(1);
    let header = out
        .stderr
        .lines()
        .find(|l| l.contains(": error: ") && l.contains(expect))
        .unwrap_or_else(|| panic!("no error with `{expect}`:\n{}", out.stderr));
    let (at, _) = header.split_once(": error: ").unwrap();
    let mut parts = at.rsplitn(3, ':');
    let (col, line, path) = (
        parts.next().unwrap(),
        parts.next().unwrap(),
        parts.next().unwrap(),
    );
    assert!(path.ends_with(file), "{header}");
    assert!(
        line.parse::<usize>().is_ok() && col.parse::<usize>().is_ok(),
        "no line and column: {header}"
    );
    assert!(out.stderr.contains("= help: "), "no hint:\n{}", out.stderr);
}

fn nothing_written(env: &Env) {
    let out = env.path("out");
    let left: Vec<_> = std::fs::read_dir(&out)
        .map(|d| d.map(|e| e.unwrap().file_name()).collect())
        .unwrap_or_default();
    assert!(left.is_empty(), "written: {left:?}");
}

#[test]
fn every_broken_procedure_file_is_refused_with_its_line_and_a_hint() {
    let dir = repo("tests/bad-input/procedures");
    let listed: Vec<&str> = PROCEDURES.iter().map(|(f, _)| *f).collect();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        assert!(
            listed.contains(&name.as_str()),
            "{name} has no expectation here"
        );
    }
    for (file, expect) in PROCEDURES {
        let env = Env::new();
        env.write(file, std::fs::read(dir.join(file)).unwrap());
        std::fs::create_dir(env.path("out")).unwrap();
        refused(&env.poster(&[*file, "-o", "out/poster.pdf"]), file, expect);
        refused(
            &env.toroi(&["handbook", file, "-o", "out/cam-nang.pdf"]),
            file,
            expect,
        );
        nothing_written(&env);
        let check = env.toroi(&["check", file]);
        refused(&check, file, expect);
        assert!(
            check.stderr.contains("1 error") || check.stderr.contains("2 errors"),
            "{}",
            check.stderr
        );
    }
}

#[test]
fn check_reports_every_problem_of_every_file_at_once() {
    let env = Env::new();
    let out = env.toroi(&[
        "check",
        repo("tests/bad-input/procedures").to_str().unwrap(),
    ]);
    out.failure(1);
    for (file, expect) in PROCEDURES {
        assert!(
            out.stderr
                .lines()
                .any(|l| l.contains(file) && l.contains(expect)),
            "{file}: {expect} missing from\n{}",
            out.stderr
        );
    }
    let summary = out.stderr.lines().last().unwrap();
    // The overlong URL is refused for the poster's code and the handbook's.
    assert!(
        summary.starts_with(&format!("{} errors, ", PROCEDURES.len() + 1)),
        "{summary}"
    );
    // The summary names the first error's place again, after the many
    // lines above it; every error comes after every warning.
    let (counts, first) = summary.split_once(" — first error: ").expect(summary);
    assert!(
        counts.ends_with(&format!("in {} files", PROCEDURES.len())),
        "{summary}"
    );
    let first_error = out
        .stderr
        .lines()
        .find(|l| l.contains(": error: "))
        .unwrap();
    assert!(first_error.starts_with(first), "{first} / {first_error}");
    let lines: Vec<&str> = out.stderr.lines().collect();
    let last_warning = lines.iter().rposition(|l| l.contains(": warning: "));
    let first_error_line = lines.iter().position(|l| l.contains(": error: "));
    assert!(
        last_warning.is_none_or(|w| Some(w) < first_error_line),
        "{}",
        out.stderr
    );
}

#[test]
fn two_procedures_with_one_code_are_refused() {
    let env = Env::new();
    std::fs::create_dir(env.path("out")).unwrap();
    let dir = repo("tests/bad-input/duplicate-code");
    let out = env.toroi(&["handbook", dir.to_str().unwrap(), "-o", "out/h.pdf"]);
    refused(&out, "b.toml", "is also the code of");
    assert!(out.stderr.contains("a.toml"));
    nothing_written(&env);
    refused(
        &env.toroi(&["check", dir.to_str().unwrap()]),
        "b.toml",
        "is also the code of",
    );
}

#[test]
fn broken_campaign_files_are_refused_at_their_line() {
    let cases = [
        ("logo-missing", "cannot read the logo file"),
        ("logo-unreadable", "not a readable PNG, JPEG or SVG"),
        ("same-output-twice", "two outputs write out/cam-nang.pdf"),
        ("unknown-language", "unknown language \"fr\""),
        ("px-on-a-pdf", "`px` is for kind = \"png\" only"),
        ("bleed-too-large", "`output.bleed` must be from 0 to 20"),
        ("kind-misspelt", "unknown output kind \"posterr\""),
    ];
    let good = repo("procedures/dang-ky-khai-sinh.toml");
    for (case, expect) in cases {
        let env = Env::new();
        std::fs::create_dir(env.path("out")).unwrap();
        let campaign = repo(&format!("tests/bad-input/campaigns/{case}/toroi.toml"));
        let c = campaign.to_str().unwrap();
        refused(
            &env.poster(&[good.to_str().unwrap(), "--campaign", c, "-o", "out/p.pdf"]),
            "toroi.toml",
            expect,
        );
        refused(&env.toroi(&["build", c]), "toroi.toml", expect);
        refused(&env.toroi(&["check", c]), "toroi.toml", expect);
        nothing_written(&env);
        assert!(!campaign.parent().unwrap().join("out").exists());
    }
}

#[test]
fn an_output_that_is_a_folder_or_an_input_is_refused() {
    let env = Env::new();
    let p = env.write(
        "p.toml",
        std::fs::read(repo("procedures/dang-ky-khai-sinh.toml")).unwrap(),
    );
    std::fs::create_dir(env.path("out")).unwrap();
    let before = std::fs::read(&p).unwrap();
    let out = env.poster(&["p.toml", "-o", "out"]);
    out.failure(1);
    assert!(
        out.stderr.contains("out: error: the output is a folder") && out.stderr.contains("= help:"),
        "{}",
        out.stderr
    );
    let out = env.toroi(&["handbook", "p.toml", "-o", "p.toml"]);
    out.failure(1);
    assert!(out.stderr.contains("is the input file"), "{}", out.stderr);
    assert_eq!(std::fs::read(&p).unwrap(), before);
    nothing_written(&env);
    assert_eq!(env.files(), ["out", "p.toml"]);
}

#[test]
fn warnings_pass_unless_strict() {
    let env = Env::new();
    env.write(
        "w.toml",
        "title = \"Đăng ký khai sinh\"\nurl = \"http://dichvucong.gov.vn/p/x\"\n",
    );
    let out = env.toroi(&["check", "w.toml"]);
    out.success();
    for w in [
        "`http` address",
        "no `source`",
        "no `documents`",
        "no `steps`",
    ] {
        assert!(out.stderr.contains(w), "{w}: {}", out.stderr);
    }
    assert!(
        out.stdout.contains("0 errors, 4 warnings in 1 file"),
        "{}",
        out.stdout
    );
    let strict = env.toroi(&["check", "--strict", "w.toml"]);
    strict.failure(1);
    // Printing still works, and says the same.
    let poster = env.poster(&["w.toml", "-o", "w.pdf"]);
    poster.success();
    assert!(poster.stderr.contains("no `source`"));
    assert!(Path::new(&env.path("w.pdf")).exists());
}

/// Runs toroi, failing the test if it takes longer than `secs`.
fn within(env: &Env, args: &[&str], secs: u64) -> Output {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_toroi"))
        .env("TOROI_LANG", "en")
        .args(args)
        .current_dir(env.dir.path())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Read both pipes while waiting: a run with many warnings would
    // otherwise fill the pipe and block.
    let drain = |mut r: Box<dyn std::io::Read + Send>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            r.read_to_end(&mut buf).unwrap();
            buf
        })
    };
    let stdout = drain(Box::new(child.stdout.take().unwrap()));
    let stderr = drain(Box::new(child.stderr.take().unwrap()));
    let started = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed().as_secs() > secs {
            child.kill().unwrap();
            panic!("toroi {args:?} took over {secs} s");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    Output {
        status: child.wait().unwrap().code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&stdout.join().unwrap()).into_owned(),
        stderr: String::from_utf8_lossy(&stderr.join().unwrap()).into_owned(),
    }
}

#[test]
fn a_5_mb_procedure_file_fails_at_once() {
    let env = Env::new();
    let documents: Vec<String> = (0..60_000)
        .map(|i| format!("\"Giấy tờ số {i}: bản sao có chứng thực hoặc bản chính để đối chiếu\""))
        .collect();
    let text = format!(
        "title = \"Thủ tục lớn\"\nurl = \"https://dichvucong.gov.vn/p/x\"\ndocuments = [{}]\n",
        documents.join(", ")
    );
    assert!(text.len() > 5_000_000);
    env.write("lon.toml", text);
    std::fs::create_dir(env.path("out")).unwrap();
    for args in [
        vec!["poster", "lon.toml", "-o", "out/p.pdf"],
        vec!["handbook", "lon.toml", "-o", "out/h.pdf"],
        vec!["check", "lon.toml"],
    ] {
        let out = within(&env, &args, 20);
        refused(&out, "lon.toml", "at most 1 MB");
    }
    nothing_written(&env);
}

#[test]
fn a_campaign_of_2000_procedures_fails_cleanly_for_one_handbook() {
    let env = Env::new();
    let shipped = shipped_procedures();
    for i in 0..2000 {
        let text = with_code(
            &std::fs::read_to_string(&shipped[i % shipped.len()]).unwrap(),
            &format!("9.{i:06}"),
        );
        env.write(&format!("p/{i:04}.toml"), text);
    }
    env.write(
        "toroi.toml",
        "[campaign]\nprocedures = [\"p\"]\n[[output]]\nkind = \"handbook\"\nfile = \"out/h.pdf\"\n",
    );
    let out = within(&env, &["build", "toroi.toml"], 60);
    out.failure(1);
    assert!(
        out.stderr
            .contains("2000 procedures are too many for one handbook (at most 500"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("= help: make one handbook per field"),
        "{}",
        out.stderr
    );
    assert!(!env.path("out/h.pdf").exists());
}

/// `check .` in a campaign folder misses nothing: the campaign file, its
/// template, a procedure two folders down and a Notepad `.toml.txt` are all
/// reported in one run; a listed path that does not exist is an error at
/// its line.
#[test]
fn check_in_a_campaign_folder_reports_every_file_in_one_run() {
    let env = Env::new();
    let good = std::fs::read_to_string(repo("procedures/dang-ky-khai-sinh.toml")).unwrap();
    env.write(
        "xa/toroi.toml",
        "[issuer]\nname = 5\n\n[campaign]\nprocedures = [\"thu-tuc\", \"khong-co\"]\n\n\
         [[output]]\nkind = \"handbook\"\nfile = \"out/cam-nang.pdf\"\ntemplate = \"mau.toml\"\n",
    );
    env.write(
        "xa/mau.toml",
        "margin = 12\n[colors]\naccnet = \"#000000\"\n",
    );
    env.write(
        "xa/thu-tuc/ho-tich/hong.toml",
        "title = \"Khai tử\"\nonline = \"co\"\n",
    );
    env.write(
        "xa/thu-tuc/khai-sinh.toml.txt",
        good.replace("1.001193", "1.001193-b"),
    );
    env.write("xa/thu-tuc/khai-sinh.toml", &good);
    let out = env.toroi(&["check", "."]);
    out.failure(1);
    let expect = [
        "xa/toroi.toml:2:8: error: `issuer.name` must be text",
        "xa/toroi.toml:5:26: error: no such file or folder: xa/khong-co",
        "mau.toml:3:1: error:",
        "xa/thu-tuc/ho-tich/hong.toml:2:10: error: `online` must be",
        "xa/thu-tuc/khai-sinh.toml.txt: warning: this file is named khai-sinh.toml.txt",
    ];
    for e in expect {
        assert!(out.stderr.contains(e), "{e}\n{}", out.stderr);
    }
    assert!(!out.stdout.contains("ready to print"), "{}", out.stdout);
    // Not one "0 files": the five files were read.
    assert!(out.stderr.contains("in 5 files"), "{}", out.stderr);

    std::fs::create_dir(env.path("rong")).unwrap();
    let empty = env.toroi(&["check", "rong"]);
    empty.failure(1);
    assert!(
        empty.stderr.contains("error: nothing to check in rong"),
        "{}",
        empty.stderr
    );
}

/// A template that cannot make a printable page is refused at its own line,
/// by `check` (through a campaign) and by every printing command.
#[test]
fn a_template_that_leaves_no_page_is_refused_at_its_line() {
    let cases = [
        (
            "margin-negative.toml",
            "the margin is -5 mm: it cannot be negative",
        ),
        ("margin-no-page.toml", "margin 100 mm leaves "),
        (
            "min-body-above-body.toml",
            "the body sizes must rise: min_body 14",
        ),
        ("qr-too-small.toml", "QR code must be at least"),
        (
            "white-on-white.toml",
            "`colors.ink` on the white page has a contrast of 1.0:1",
        ),
    ];
    let good = repo("procedures/dang-ky-khai-sinh.toml");
    let good = good.to_str().unwrap();
    for (file, expect) in cases {
        let env = Env::new();
        std::fs::create_dir(env.path("out")).unwrap();
        let t = repo(&format!("tests/bad-input/templates/{file}"));
        let t = t.to_str().unwrap();
        env.write(
            "toroi.toml",
            format!(
                "[campaign]\nprocedures = [{good:?}]\n\n[[output]]\nkind = \"handbook\"\nfile = \"out/h.pdf\"\ntemplate = {t:?}\n"
            ),
        );
        for args in [
            vec!["poster", good, "--template", t, "-o", "out/p.pdf"],
            vec!["handbook", good, "--template", t, "-o", "out/h.pdf"],
            vec!["leaflet", good, good, "--template", t, "-o", "out/l.pdf"],
            vec!["check", "toroi.toml"],
            vec!["build", "toroi.toml"],
        ] {
            let out = env.toroi(&args);
            refused(&out, file, expect);
            // At the template's own line (its second or third: after the comment).
            assert!(
                out.stderr.lines().any(|l| l.contains(&format!("{file}:2:")) || l.contains(&format!("{file}:3:"))),
                "{args:?}: {}",
                out.stderr
            );
        }
        nothing_written(&env);
    }
}

/// Bugs of the string-typed joint between the command line and layout.
#[test]
fn a_custom_named_a5_template_booklet_lands_on_a4_landscape_sheets() {
    let env = Env::new();
    env.write("mine.toml", "name = \"mine\"\nmargin = 12\n");
    let good = repo("procedures/dang-ky-khai-sinh.toml");
    let out = env.toroi(&[
        "handbook",
        good.to_str().unwrap(),
        "--booklet",
        "--template",
        "mine.toml",
        "-o",
        "b.pdf",
    ]);
    out.success();
    let (_, w, h) = pdf_pages_and_size(&env.path("b.pdf"));
    assert_eq!((w.round(), h.round()), (842.0, 595.0));
    assert!(
        out.stdout.contains("sheets of A4") && out.stdout.contains("print on A4"),
        "{}",
        out.stdout
    );

    // Cards with an A5 page are refused at the template's line.
    env.write(
        "a5.toml",
        "page = { width = 148, height = 210 }\n[type]\ntitle = 40\n",
    );
    let out = env.toroi(&[
        "cards",
        good.to_str().unwrap(),
        "--template",
        "a5.toml",
        "-o",
        "c.pdf",
    ]);
    out.failure(1);
    assert!(
        out.stderr.contains(
            "a5.toml:1:1: error: ten 85 × 55 mm cards need an A4 page; this template's page is A5"
        ),
        "{}",
        out.stderr
    );
    assert!(!env.path("c.pdf").exists());
    // A card title size from the template is used: at its 40 pt (four
    // lines or fewer, so no step down towards its min_title of 30) the
    // title does not fit whole, and is shortened visibly, with a warning.
    env.write("big.toml", "[type]\ntitle = 40\nmin_title = 30\n");
    let out = env.toroi(&[
        "cards",
        good.to_str().unwrap(),
        "--template",
        "big.toml",
        "-o",
        "c.pdf",
    ]);
    out.success();
    assert!(
        out.stderr
            .contains("warning: the title is shortened to 2 lines at 40 pt on its QR card"),
        "{}",
        out.stderr
    );
}
