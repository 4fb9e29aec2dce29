//! The ward office's PC: files typed in Notepad, names and sizes typed the
//! way people type them, files shared with colleagues. Through the built
//! binary, read back with poppler.

mod harness;

use harness::*;
use std::path::Path;

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

/// Every file under `dir` with its bytes, to see that nothing changed.
fn snapshot(dir: &std::path::Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(snapshot(&p));
        } else {
            out.push((p.clone(), std::fs::read(&p).unwrap()));
        }
    }
    out.sort();
    out
}

#[test]
fn init_makes_a_campaign_folder_that_builds_and_a_second_init_changes_nothing() {
    let env = Env::new();
    let run = env.toroi(&["init", "xa-moi", "--ten", "Ủy ban nhân dân xã Mới"]);
    run.success();
    assert!(
        run.stdout.contains("cd xa-moi && toroi build"),
        "{}",
        run.stdout
    );
    let dir = env.path("xa-moi");
    let before = snapshot(&dir);
    let again = env.toroi(&["init", "xa-moi", "--ten", "Ủy ban nhân dân xã Khác"]);
    again.success();
    assert!(again.stdout.contains("init never overwrites"));
    assert_eq!(snapshot(&dir), before, "a second init changes nothing");
    // The two commands it prints work as they are.
    toroi_in(&dir, &["check"]).success();
    let build = toroi_in(&dir, &["build"]);
    build.success();
    let handbook = dir.join("out/cam-nang.pdf");
    let text = pdf_text(&handbook);
    assert!(text.contains("ỦY BAN NHÂN DÂN XÃ MỚI"), "{text}");
    assert!(text.contains("Đăng ký khai sinh") && text.contains("Đăng ký kết hôn"));
    assert_eq!(
        decode_pdf_qr(&dir.join("out/posters/dang-ky-ket-hon.pdf"), 150).len(),
        1
    );
}

#[test]
fn commands_in_a_campaign_folder_use_its_campaign() {
    let env = Env::new();
    env.toroi(&["init", "xa", "--ten", "Ủy ban nhân dân xã Vĩnh Bảo"])
        .success();
    let dir = env.path("xa");
    // The campaign's hotline, added as a user would.
    let toml = std::fs::read_to_string(dir.join("toroi.toml"))
        .unwrap()
        .replace(
            "# hotline = \"0…\"",
            &format!("hotline = \"{TEST_HOTLINE}\""),
        );
    std::fs::write(dir.join("toroi.toml"), toml).unwrap();
    // One poster, from a folder below the campaign's.
    let run = toroi_in(
        &dir.join("thu-tuc"),
        &["poster", "dang-ky-ket-hon.toml", "-o", "kh.pdf"],
    );
    run.success();
    assert!(
        run.stdout.contains("campaign: ../toroi.toml"),
        "{}",
        run.stdout
    );
    let text = pdf_text(&dir.join("thu-tuc/kh.pdf"));
    assert!(
        text.contains("ỦY BAN NHÂN DÂN XÃ VĨNH BẢO") && text.contains(TEST_HOTLINE),
        "{text}"
    );
    // --no-campaign leaves it out.
    toroi_in(
        &dir,
        &[
            "poster",
            "thu-tuc/dang-ky-ket-hon.toml",
            "--no-campaign",
            "-o",
            "plain.pdf",
        ],
    )
    .success();
    assert!(!pdf_text(&dir.join("plain.pdf")).contains(TEST_HOTLINE));
    // A poster of each file of a folder.
    toroi_in(&dir, &["poster", "thu-tuc/", "-o", "posters/"]).success();
    let mut made: Vec<String> = std::fs::read_dir(dir.join("posters"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    made.sort();
    assert_eq!(made, ["dang-ky-ket-hon.pdf", "dang-ky-khai-sinh.pdf"]);
    // The handbook of the campaign's procedures, with no paths.
    toroi_in(&dir, &["handbook", "-o", "h.pdf"]).success();
    assert!(pdf_text(&dir.join("h.pdf")).contains("Đăng ký khai sinh"));
}

/// `toroi watch` running in a folder, its output read line by line.
#[cfg(unix)]
struct Watching {
    child: std::process::Child,
    lines: std::sync::mpsc::Receiver<String>,
}

#[cfg(unix)]
impl Watching {
    fn start(dir: &Path) -> Watching {
        use std::io::BufRead;
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_toroi"))
            .env("TOROI_LANG", "en")
            .arg("watch")
            .current_dir(dir)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let (tx, lines) = std::sync::mpsc::channel();
        // What it says and what it warns about, as they come.
        let stdout = child.stdout.take().unwrap();
        let stderr = child.stderr.take().unwrap();
        let tx2 = tx.clone();
        std::thread::spawn(move || {
            for line in std::io::BufReader::new(stderr)
                .lines()
                .map_while(Result::ok)
            {
                let _ = tx2.send(line);
            }
        });
        std::thread::spawn(move || {
            for line in std::io::BufReader::new(stdout)
                .lines()
                .map_while(Result::ok)
            {
                let _ = tx.send(line);
            }
        });
        let w = Watching { child, lines };
        w.wait_for("watching", std::time::Duration::from_secs(20));
        w
    }

    /// Waits for a line containing `what`; panics after `within`.
    fn wait_for(&self, what: &str, within: std::time::Duration) {
        self.lines_until(what, within);
    }

    /// The lines said until one containing `what` (included); panics
    /// after `within`.
    fn lines_until(&self, what: &str, within: std::time::Duration) -> Vec<String> {
        let end = std::time::Instant::now() + within;
        let mut seen = Vec::new();
        while std::time::Instant::now() < end {
            if let Ok(line) = self
                .lines
                .recv_timeout(std::time::Duration::from_millis(50))
            {
                let found = line.contains(what);
                seen.push(line);
                if found {
                    return seen;
                }
            }
        }
        panic!("no `{what}` from toroi watch within {within:?}: {seen:#?}");
    }

    /// Ctrl-C: it stops with a failure status.
    fn interrupt(mut self) {
        unsafe { libc::kill(self.child.id() as i32, libc::SIGINT) };
        let status = self.child.wait().unwrap();
        assert!(!status.success());
    }
}

/// Saves a procedure file with a new title, as an editor does (whole).
fn retitle(file: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(file).unwrap();
    assert!(text.contains(from));
    std::fs::write(file, text.replace(from, to)).unwrap();
}

/// Waits until the PDF's text contains `what`.
fn until_pdf_says(pdf: &Path, what: &str) {
    let end = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !pdf_text(pdf).contains(what) {
        assert!(
            std::time::Instant::now() < end,
            "{} was not rewritten",
            pdf.display()
        );
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
}

#[cfg(unix)]
#[test]
fn watch_rebuilds_when_a_procedure_is_saved_and_stops_cleanly_on_ctrl_c() {
    let env = Env::new();
    env.toroi(&["init", "xa"]).success();
    let dir = env.path("xa");
    let watching = Watching::start(&dir);
    let poster = dir.join("out/posters/dang-ky-ket-hon.pdf");
    assert!(!pdf_text(&poster).contains("(sửa đổi)"));
    retitle(
        &dir.join("thu-tuc/dang-ky-ket-hon.toml"),
        "title = \"Đăng ký kết hôn\"",
        "title = \"Đăng ký kết hôn (sửa đổi)\"",
    );
    watching.wait_for("changed: ", std::time::Duration::from_secs(20));
    // One save rebuilds what the file feeds: its own poster and image and
    // the handbooks and cards it is in, not the other procedure's poster
    // and image; and says no warning about the file left as it was.
    let said = watching.lines_until("built ", std::time::Duration::from_secs(20));
    let wrote: Vec<&String> = said.iter().filter(|l| l.starts_with("wrote ")).collect();
    assert!(
        wrote.iter().any(|l| l.contains("dang-ky-ket-hon.pdf")),
        "{said:#?}"
    );
    assert!(
        !said.iter().any(|l| l.contains("dang-ky-khai-sinh")),
        "{said:#?}"
    );
    assert!(wrote.iter().any(|l| l.contains("handbook")), "{said:#?}");
    until_pdf_says(&poster, "(sửa đổi)");
    // Ctrl-C: it stops, and leaves no temporary file.
    watching.interrupt();
    let left: Vec<_> = snapshot(&dir)
        .into_iter()
        .filter(|(p, _)| p.to_string_lossy().contains(".toroi-"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

/// A procedures folder renamed away and back is watched again, and a log
/// written beside the inputs every 50 ms neither holds a build back nor
/// starts one.
#[cfg(unix)]
#[test]
fn watch_follows_a_folder_renamed_back_and_ignores_a_busy_log() {
    use std::time::Duration;
    let env = Env::new();
    env.toroi(&["init", "xa"]).success();
    let dir = env.path("xa");
    let watching = Watching::start(&dir);
    // The noise: a log beside the campaign, for the whole test.
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let noise = {
        let (stop, log) = (stop.clone(), dir.join("nhat-ky.log"));
        std::thread::spawn(move || {
            let mut n = 0;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                n += 1;
                std::fs::write(&log, format!("{n}\n")).unwrap();
                std::thread::sleep(Duration::from_millis(50));
            }
        })
    };
    // The log alone starts no build.
    std::thread::sleep(Duration::from_millis(1500));
    assert!(
        watching.lines.try_iter().all(|l| !l.contains("changed")),
        "a log file started a build"
    );
    std::fs::rename(dir.join("thu-tuc"), env.path("away")).unwrap();
    std::thread::sleep(Duration::from_millis(700));
    std::fs::rename(env.path("away"), dir.join("thu-tuc")).unwrap();
    std::thread::sleep(Duration::from_millis(1500));
    // A save in the folder that came back is seen within a second or two
    // (the debounce waits at most one second), the log still going.
    let _ = watching.lines.try_iter().count();
    let saved = std::time::Instant::now();
    retitle(
        &dir.join("thu-tuc/dang-ky-ket-hon.toml"),
        "title = \"Đăng ký kết hôn\"",
        "title = \"Đăng ký kết hôn (lần hai)\"",
    );
    watching.wait_for("thu-tuc/dang-ky-ket-hon.toml", Duration::from_secs(5));
    assert!(
        saved.elapsed() < Duration::from_secs(3),
        "{:?}",
        saved.elapsed()
    );
    until_pdf_says(&dir.join("out/posters/dang-ky-ket-hon.pdf"), "(lần hai)");
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    noise.join().unwrap();
    watching.interrupt();
}

/// Notepad's "ANSI" save (Windows-1258) turns the letters the code page
/// lacks into "?": each damaged text is an error at its line naming the
/// word, nothing is printed; a list whose headers lost letters says so
/// rather than asking for the headers to be renamed.
#[test]
fn letters_lost_to_an_ansi_save_are_errors_at_each_text() {
    let env = Env::new();
    // The file as Notepad saves it: each letter in the code page's byte,
    // or "?" where the code page has none.
    let ansi = |text: &str| -> Vec<u8> {
        let mut out = Vec::new();
        for c in text.chars() {
            let mut buf = [0; 4];
            let (bytes, _, lossy) = encoding_rs::WINDOWS_1258.encode(c.encode_utf8(&mut buf));
            match lossy {
                true => out.push(b'?'),
                false => out.extend_from_slice(&bytes),
            }
        }
        out
    };
    let text = std::fs::read_to_string(repo("procedures/dang-ky-ket-hon.toml")).unwrap();
    std::fs::write(env.path("kh.toml"), ansi(&text)).unwrap();
    let out = env.poster(&["kh.toml", "-o", "kh.pdf"]);
    out.failure(1);
    assert!(!env.path("kh.pdf").exists());
    for (at, word) in [("kh.toml:1:9", "(\"k?\")"), ("kh.toml:4:9", "(\"H?\")")] {
        assert!(
            out.stderr.lines().any(|l| l.starts_with(at)
                && l.contains("letters were lost here")
                && l.contains(word)),
            "{at} {word}: {}",
            out.stderr
        );
    }
    // A list saved the same way.
    let list = "Mã TTHC,Tên thủ tục hành chính,Lĩnh vực\n1.001193,Đăng ký khai sinh,Hộ tịch\n";
    std::fs::write(env.path("ds.csv"), ansi(list)).unwrap();
    let out = env.toroi(&["check", "ds.csv"]);
    out.failure(1);
    assert!(
        out.stderr.contains("the headers lost letters"),
        "{}",
        out.stderr
    );
    assert!(
        !out.stderr.contains("head the column of names"),
        "{}",
        out.stderr
    );
}
