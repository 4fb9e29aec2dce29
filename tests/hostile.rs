//! Files as a hostile sender would make them (issue: "safe with any file"),
//! each made here, small on disk, and given to the real binary under a
//! 1 GiB memory limit (setrlimit): every one must be refused (or read)
//! with a message naming the file, no panic, no flood of messages, within
//! the limit, and leave nothing written where it should not.

#![cfg(unix)]

mod harness;

use std::io::Write;
use std::path::Path;
use std::process::Command;

use harness::*;

/// The address space a run may take: a hostile file that makes toroi
/// allocate past it fails the allocation, which aborts the run.
const MEMORY: u64 = 1 << 30;

/// A run of `toroi ARGS` in `dir` under the memory limit, in English,
/// killed if it has not ended in a minute (a hang is a failure, not a
/// measured time).
fn limited(dir: &Path, args: &[&str]) -> Output {
    use std::os::unix::process::CommandExt;
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_toroi"));
    cmd.env("TOROI_LANG", "en")
        .env_remove("TOROI_DEBUG")
        .args(args)
        .current_dir(dir);
    unsafe {
        cmd.pre_exec(|| {
            let limit = libc::rlimit {
                rlim_cur: MEMORY,
                rlim_max: MEMORY,
            };
            if libc::setrlimit(libc::RLIMIT_AS, &limit) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let child = cmd
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let id = child.id();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    let out = match rx.recv_timeout(std::time::Duration::from_secs(60)) {
        Ok(out) => out.unwrap(),
        Err(_) => {
            unsafe { libc::kill(id as i32, libc::SIGKILL) };
            panic!("toroi {args:?} did not end within a minute");
        }
    };
    Output {
        status: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Refused: exit 1, naming `file` (and `says`), no panic or abort, and a
/// message a person can read (not megabytes of it).
fn refused(out: &Output, file: &str, says: &str) {
    assert_eq!(
        out.status, 1,
        "stdout: {}\nstderr: {}",
        out.stdout, out.stderr
    );
    assert!(
        out.stderr.contains(file),
        "does not name {file}: {}",
        out.stderr
    );
    assert!(
        out.stderr.contains(says),
        "does not say `{says}`: {}",
        out.stderr
    );
    calm(out);
}

/// No panic, no backtrace, no flood.
fn calm(out: &Output) {
    for word in ["panicked", "RUST_BACKTRACE", "memory allocation"] {
        assert!(!out.stderr.contains(word), "{}", out.stderr);
    }
    assert!(
        out.stderr.len() < 8_000,
        "{} bytes of messages",
        out.stderr.len()
    );
}

/// A header and two real procedures (codes and titles of the national
/// catalogue), in rows 1 to 3, with `title` as the first's title.
fn good_rows(title: &str) -> String {
    row(1, &[("A1", "Mã TTHC"), ("B1", "Tên thủ tục hành chính")])
        + &row(2, &[("A2", "1.001193"), ("B2", title)])
        + &row(3, &[("A3", "1.000894"), ("B3", "Đăng ký kết hôn")])
}

#[test]
fn a_far_cell_of_an_xlsx_is_refused_at_that_cell_before_any_memory_is_spent() {
    let env = Env::strict();
    for far in ["XFD1048576", "CV1048576", "A10001", "GS2"] {
        let cell = format!(
            r#"<row r="{0}"><c r="{far}" t="inlineStr"><is><t>x</t></is></c></row>"#,
            far.trim_start_matches(char::is_alphabetic)
        );
        xlsx(
            &env.path("far.xlsx"),
            &[("DanhMuc", "", good_rows("Đăng ký khai sinh") + &cell)],
        );
        let out = limited(env.dir.path(), &["check", "far.xlsx"]);
        refused(
            &out,
            &format!("far.xlsx:DanhMuc!{far}"),
            "at most 10000 rows and 200 columns",
        );
    }
}

#[test]
fn a_zip_bomb_member_is_refused_from_its_declared_size() {
    let env = Env::strict();
    // 210 MB of blank rows inflate from about 200 KB.
    let blank = r#"<row r="9"/>"#.repeat(210_000_000 / 12);
    xlsx(
        &env.path("bom.xlsx"),
        &[("DanhMuc", "", good_rows("Đăng ký khai sinh") + &blank)],
    );
    assert!(std::fs::metadata(env.path("bom.xlsx")).unwrap().len() < 2_000_000);
    let out = limited(env.dir.path(), &["check", "bom.xlsx"]);
    refused(&out, "bom.xlsx", "100 MB");
}

#[test]
fn a_long_cell_is_an_error_quoted_once_and_cut_short() {
    let env = Env::strict();
    let long = "Đăng ký khai sinh ".repeat(2_000);
    xlsx(&env.path("dai.xlsx"), &[("DanhMuc", "", good_rows(&long))]);
    let out = limited(env.dir.path(), &["check", "dai.xlsx"]);
    refused(&out, "dai.xlsx:DanhMuc!B2", "at most 32767");
    assert!(
        out.stderr.matches("Đăng ký khai sinh Đăng ký").count() <= 1,
        "{}",
        out.stderr
    );

    // A CSV cell of 10 MB: refused as a list too large for a cell, the
    // cell not echoed.
    let mut csv = String::from("Mã TTHC,Tên thủ tục hành chính\n1.001193,");
    csv.push_str(&"a".repeat(10_000_000));
    csv.push('\n');
    std::fs::write(env.path("dai.csv"), csv).unwrap();
    let out = limited(env.dir.path(), &["check", "dai.csv"]);
    refused(&out, "dai.csv", "32767");
}

#[test]
fn a_csv_of_two_million_columns_says_so_once() {
    let env = Env::strict();
    let mut csv = String::from("Mã TTHC,Tên thủ tục hành chính");
    csv.push_str(&",x".repeat(2_000_000));
    csv.push_str("\n1.001193,Đăng ký khai sinh\n");
    std::fs::write(env.path("rong.csv"), csv).unwrap();
    let out = limited(env.dir.path(), &["check", "rong.csv"]);
    refused(&out, "rong.csv", "200 columns");
}

#[test]
fn a_list_of_more_rows_than_a_province_has_is_refused() {
    let env = Env::strict();
    let mut csv = String::from("Mã TTHC,Tên thủ tục hành chính\n");
    for i in 0..10_001 {
        csv.push_str(&format!("9.{i:06},Thủ tục số {i}\n"));
    }
    std::fs::write(env.path("nhieu.csv"), csv).unwrap();
    let out = limited(env.dir.path(), &["catalog", "nhieu.csv", "-o", "dm.pdf"]);
    refused(&out, "nhieu.csv", "10000 rows");
    assert!(!env.path("dm.pdf").exists());
}

/// An ODS whose content is `rows` (table:table-row elements).
fn ods(path: &Path, rows: &str) {
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("mimetype", stored).unwrap();
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    zip.start_file("META-INF/manifest.xml", stored).unwrap();
    zip.write_all(br#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#).unwrap();
    zip.start_file("content.xml", stored).unwrap();
    let cell = |v: &str| {
        format!(
            r#"<table:table-cell office:value-type="string"><text:p>{v}</text:p></table:table-cell>"#
        )
    };
    let head = format!(
        "<table:table-row>{}{}</table:table-row><table:table-row>{}{}</table:table-row>",
        cell("Mã TTHC"),
        cell("Tên thủ tục hành chính"),
        cell("1.001193"),
        cell("Đăng ký khai sinh")
    );
    write!(zip, r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="DanhMuc">{head}{rows}</table:table></office:spreadsheet></office:body></office:document-content>"#).unwrap();
    zip.finish().unwrap();
}

#[test]
fn ods_repeats_are_counted_before_they_are_expanded() {
    let env = Env::strict();
    let value =
        r#"<table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell>"#;
    // A row repeated a million times; a cell repeated 16,384 times on 20 rows.
    ods(
        &env.path("hang.ods"),
        &format!(
            r#"<table:table-row table:number-rows-repeated="1048570">{value}</table:table-row>"#
        ),
    );
    let wide = r#"<table:table-row><table:table-cell table:number-columns-repeated="16384" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>"#
    .repeat(20);
    ods(&env.path("cot.ods"), &wide);
    for file in ["hang.ods", "cot.ods"] {
        assert!(std::fs::metadata(env.path(file)).unwrap().len() < 5_000);
        let out = limited(env.dir.path(), &["check", file]);
        refused(&out, file, "at most 10000 rows and 200 columns");
    }
    // Blank repeats to the sheet's end, as LibreOffice saves every sheet,
    // are harmless.
    let blank = r#"<table:table-row table:number-rows-repeated="1048574"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>"#;
    ods(&env.path("le.ods"), blank);
    let out = limited(env.dir.path(), &["check", "le.ods"]);
    calm(&out);
    assert!(!out.stderr.contains("at most 10000"), "{}", out.stderr);
}

#[test]
fn hidden_sheets_and_rows_are_left_out_and_a_damaged_sheet_is_never_skipped() {
    let env = Env::strict();
    // The first sheet, hidden, is the old 2020 list; the visible one is 2026.
    xlsx(
        &env.path("an.xlsx"),
        &[
            (
                "Nam2020",
                r#"state="hidden""#,
                good_rows("Thủ tục cũ năm 2020"),
            ),
            (
                "Nam2026",
                "",
                good_rows("Đăng ký khai sinh")
                    + r#"<row r="4" hidden="1"><c r="A4" t="inlineStr"><is><t>1.000656</t></is></c><c r="B4" t="inlineStr"><is><t>Dòng bị ẩn</t></is></c></row>"#,
            ),
        ],
    );
    let out = limited(env.dir.path(), &["handbook", "an.xlsx", "-o", "h.pdf"]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert!(
        out.stderr.contains("the sheet \"Nam2020\" is hidden"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("hidden"), "{}", out.stderr);
    let text = pdf_text(&env.path("h.pdf"));
    assert!(
        text.contains("Đăng ký khai sinh")
            && !text.contains("2020")
            && !text.contains("Dòng bị ẩn")
    );
    // Named, a hidden sheet is read.
    let out = limited(
        env.dir.path(),
        &["handbook", "an.xlsx", "--sheet", "Nam2020", "-o", "h20.pdf"],
    );
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert!(pdf_text(&env.path("h20.pdf")).contains("Thủ tục cũ năm 2020"));

    // A damaged first sheet: an error, not the next sheet.
    let mut broken = good_rows("Đăng ký khai sinh");
    broken.push_str("<row r=\"4\"><c r=\"A4\" t=\"inlineStr\"><is><t>&bogus;</t></is></c></row>");
    xlsx(
        &env.path("hong.xlsx"),
        &[
            ("Moi", "", broken),
            ("Cu", "", good_rows("Thủ tục cũ năm 2020")),
        ],
    );
    let out = limited(env.dir.path(), &["check", "hong.xlsx"]);
    refused(&out, "hong.xlsx", "the sheet \"Moi\" cannot be read");
    assert!(!out.stderr.contains("0..0"), "{}", out.stderr);
}

#[test]
fn excel_errors_and_unsaved_formulas_are_errors_at_their_cells() {
    let env = Env::strict();
    let head = row(1, &[("A1", "Mã TTHC"), ("B1", "Tên thủ tục hành chính")]);
    for (error, cell) in [("#REF!", "B2"), ("#N/A", "B2"), ("#VALUE!", "B2")] {
        let r = format!(
            r#"<row r="2"><c r="A2" t="inlineStr"><is><t>1.001193</t></is></c><c r="{cell}" t="e"><v>{error}</v></c></row>"#
        );
        xlsx(&env.path("loi.xlsx"), &[("DanhMuc", "", head.clone() + &r)]);
        let out = limited(env.dir.path(), &["check", "loi.xlsx"]);
        refused(&out, &format!("loi.xlsx:DanhMuc!{cell}"), error);
    }
    let r = r#"<row r="2"><c r="A2" t="inlineStr"><is><t>1.001193</t></is></c><c r="B2"><f>CONCAT("Đăng ký ","khai sinh")</f></c></row>"#;
    xlsx(&env.path("ct.xlsx"), &[("DanhMuc", "", head + r)]);
    let out = limited(env.dir.path(), &["check", "ct.xlsx"]);
    refused(&out, "ct.xlsx:DanhMuc!B2", "formula has no saved value");
}

/// The damaged `.xls` files a fuzzer and random mutation found, on which
/// the spreadsheet reader itself panics: each is "cannot read", never a
/// crash (exit 101) or a trace.
#[test]
fn damaged_xls_files_are_messages_not_crashes() {
    let env = Env::strict();
    let good = std::fs::read(repo("tests/hostile/good.xls")).unwrap();
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(repo("tests/hostile"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "xls"))
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(p).unwrap(),
            )
        })
        .collect();
    // Cut short at every 512-byte sector, as a broken download leaves it.
    for cut in (512..good.len()).step_by(512) {
        files.push((format!("cut-{cut}.xls"), good[..cut].to_vec()));
    }
    let mut panicked = 0;
    for (name, bytes) in &files {
        std::fs::write(env.path(name), bytes).unwrap();
        let out = limited(env.dir.path(), &["check", name]);
        calm(&out);
        assert!(
            out.status == 0 || out.status == 1,
            "{name}: exit {}: {}",
            out.status,
            out.stderr
        );
        if out.status == 1 {
            assert!(out.stderr.contains(name.as_str()), "{name}: {}", out.stderr);
        }
        panicked += out.stderr.contains("the file is damaged") as usize;
    }
    // The kept files are those the reader panics on: the guard is tested.
    assert!(panicked >= 2, "{panicked} caught panics");
}

/// A campaign in `env` whose issuer's logo is `logo`, with one procedure.
fn logo_campaign(env: &Env, logo: &str) {
    std::fs::copy(
        repo("procedures/dang-ky-khai-sinh.toml"),
        env.path("khai-sinh.toml"),
    )
    .unwrap();
    env.write(
        "toroi.toml",
        format!(
            "procedures = [\"khai-sinh.toml\"]\n[issuer]\nname = \"UBND xã Thử\"\nlogo = \"{logo}\"\n\n[[output]]\nkind = \"poster\"\nfile = \"out/p.pdf\"\n\n[[output]]\nkind = \"png\"\nfile = \"out/p.png\"\n"
        ),
    );
}

#[test]
fn logos_that_would_take_gigabytes_are_refused_from_their_headers() {
    let env = Env::strict();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("xen.png", harness::png_header(60_000, 60_000, true), "60000 × 60000"),
        ("to.png", harness::png_header(60_000, 60_000, false), "60000 × 60000"),
        // 20,000 groups deep: the stack of a recursive reader.
        (
            "sau.svg",
            format!(
                r#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">{}<rect width="5" height="5"/>{}</svg>"#,
                "<g>".repeat(20_000),
                "</g>".repeat(20_000)
            )
            .into_bytes(),
            "sau.svg",
        ),
    ];
    for (name, bytes, says) in cases {
        std::fs::write(env.path(name), bytes).unwrap();
        logo_campaign(&env, name);
        let out = limited(env.dir.path(), &["build"]);
        refused(&out, "toroi.toml", says);
        assert!(out.stderr.contains(name), "{}", out.stderr);
        assert!(!env.path("out").exists(), "{name}: something was written");
        // A single command decodes the logo meanwhile, on another core:
        // refused all the same, at its line, before anything is written.
        let out = limited(
            env.dir.path(),
            &[
                "poster",
                "khai-sinh.toml",
                "--campaign",
                "toroi.toml",
                "-o",
                "out/x.pdf",
            ],
        );
        refused(&out, "toroi.toml:4:", says);
        assert!(!env.path("out").exists(), "{name}: something was written");
    }
    // A gzipped SVG that inflates to 50 MB from 50 KB.
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(br#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><desc>"#)
        .unwrap();
    gz.write_all(&vec![b' '; 50_000_000]).unwrap();
    gz.write_all(b"</desc></svg>").unwrap();
    std::fs::write(env.path("bom.svgz"), gz.finish().unwrap()).unwrap();
    logo_campaign(&env, "bom.svgz");
    let out = limited(env.dir.path(), &["build"]);
    refused(&out, "bom.svgz", "10 MB");
}

#[test]
fn a_logo_that_is_no_regular_file_or_is_cut_off_is_refused() {
    let env = Env::strict();
    // A FIFO would hang the reader; /dev/zero never ends.
    let fifo = env.path("fifo.png");
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
    logo_campaign(&env, "fifo.png");
    refused(
        &limited(env.dir.path(), &["build"]),
        "fifo.png",
        "it is not a file",
    );
    std::os::unix::fs::symlink("/dev/zero", env.path("zero.png")).unwrap();
    logo_campaign(&env, "zero.png");
    let out = limited(env.dir.path(), &["check", "--root", "/"]);
    refused(&out, "zero.png", "it is not a file");
    // A JPEG cut off in a chat: an error, not a half-grey logo.
    let mut jpeg = Vec::new();
    image::RgbImage::from_pixel(300, 300, image::Rgb([200, 30, 30]))
        .write_to(
            &mut std::io::Cursor::new(&mut jpeg),
            image::ImageFormat::Jpeg,
        )
        .unwrap();
    std::fs::write(env.path("cut.jpg"), &jpeg[..jpeg.len() / 2]).unwrap();
    logo_campaign(&env, "cut.jpg");
    refused(&limited(env.dir.path(), &["build"]), "cut.jpg", "cut off");
}

/// Red where the secret image would be drawn, in poppler's render.
fn reddish(img: &image::RgbImage) -> usize {
    img.pixels()
        .filter(|p| p[0] > 200 && p[1] < 60 && p[2] < 60)
        .count()
}

#[test]
fn an_svg_logo_draws_no_other_file_and_says_what_it_left_out() {
    let env = Env::strict();
    // The "secret": a red image elsewhere on the PC.
    let elsewhere = tempfile::tempdir().unwrap();
    let secret = elsewhere.path().join("secret.png");
    image::RgbImage::from_pixel(50, 50, image::Rgb([255, 0, 0]))
        .save(&secret)
        .unwrap();
    std::fs::copy(&secret, env.path("beside.png")).unwrap();
    let svg = format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="100" height="100"><rect width="100" height="100" fill="#1040a0"/><image href="{}" width="100" height="100"/><image xlink:href="beside.png" width="100" height="100"/><image href="/dev/zero" width="10" height="10"/></svg>"##,
        secret.display()
    );
    std::fs::write(env.path("emblem.svg"), svg).unwrap();
    logo_campaign(&env, "emblem.svg");
    let out = limited(env.dir.path(), &["build"]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    calm(&out);
    assert!(
        out.stderr.contains("secret.png") && out.stderr.contains("beside.png"),
        "{}",
        out.stderr
    );
    let page = render_page_to(&env.path("out/p.pdf"), 1, 595, 842);
    assert_eq!(reddish(&page), 0, "another file was drawn into the poster");
    let phone = image::open(env.path("out/p.png")).unwrap().to_rgb8();
    assert_eq!(reddish(&phone), 0, "another file was drawn into the image");
    // The logo itself is drawn: its blue is there.
    assert!(
        page.pixels().any(|p| p[2] > 140 && p[0] < 40),
        "no logo at all"
    );
}

#[test]
fn nothing_outside_the_campaign_is_read_or_written() {
    let top = tempfile::tempdir().unwrap();
    let campaign = top.path().join("xa");
    std::fs::create_dir_all(campaign.join("thu-tuc")).unwrap();
    std::fs::copy(
        repo("procedures/dang-ky-khai-sinh.toml"),
        campaign.join("thu-tuc/ks.toml"),
    )
    .unwrap();
    std::fs::write(top.path().join("secret.toml"), "title = \"BÍ MẬT\"\n").unwrap();
    image::RgbImage::from_pixel(20, 20, image::Rgb([255, 0, 0]))
        .save(top.path().join("logo.png"))
        .unwrap();
    // A link in the procedures folder to a file outside, and loops.
    std::os::unix::fs::symlink(
        top.path().join("secret.toml"),
        campaign.join("thu-tuc/link.toml"),
    )
    .unwrap();
    std::os::unix::fs::symlink("..", campaign.join("thu-tuc/loop1")).unwrap();
    std::os::unix::fs::symlink(".", campaign.join("thu-tuc/loop2")).unwrap();
    std::fs::write(
        campaign.join("toroi.toml"),
        "procedures = [\"thu-tuc\", \"/etc/passwd\", \"../secret.toml\"]\n[issuer]\nname = \"UBND\"\nlogo = \"../logo.png\"\n\n[[output]]\nkind = \"handbook\"\nfile = \"../outside.pdf\"\n\n[[output]]\nkind = \"cards\"\nfile = \"/tmp/toroi-hostile-outside.pdf\"\n\n[[output]]\nkind = \"catalog\"\nfile = \"out/dm.pdf\"\ntemplate = \"../t.toml\"\n",
    )
    .unwrap();
    for args in [vec!["check"], vec!["build"]] {
        let out = limited(&campaign, &args);
        assert_eq!(out.status, 1, "{}", out.stderr);
        calm(&out);
        for (line, what) in [
            (1, "/etc/passwd"),
            (1, "../secret.toml"),
            (4, "../logo.png"),
            (8, "../outside.pdf"),
            (12, "/tmp/toroi-hostile-outside.pdf"),
            (17, "../t.toml"),
        ] {
            assert!(
                out.stderr.contains(&format!("toroi.toml:{line}:"))
                    && out
                        .stderr
                        .contains(&format!("{what} is outside the campaign's folder")),
                "{what}: {}",
                out.stderr
            );
        }
        // `check` goes on to the procedures (`build` stops at the campaign).
        if args == ["check"] {
            assert!(
                out.stderr.contains("thu-tuc/link.toml leads outside"),
                "{}",
                out.stderr
            );
        }
        assert!(
            !out.stderr.contains("root:x:0"),
            "a line of /etc/passwd was quoted"
        );
        assert!(!out.stderr.contains("BÍ MẬT"));
    }
    assert!(!top.path().join("outside.pdf").exists());
    assert!(!Path::new("/tmp/toroi-hostile-outside.pdf").exists());
    // `--root` widens the root to the folder above, and then they are read.
    std::fs::write(
        campaign.join("toroi.toml"),
        "procedures = [\"thu-tuc\", \"../secret.toml\"]\n[issuer]\nname = \"UBND\"\nlogo = \"../logo.png\"\n\n[[output]]\nkind = \"handbook\"\nfile = \"../outside.pdf\"\n",
    )
    .unwrap();
    let out = limited(&campaign, &["build", "--root", ".."]);
    calm(&out);
    assert_eq!(out.status, 0, "{}", out.stderr);
    let widened = pdf_text(&top.path().join("outside.pdf"));
    assert!(
        widened.contains("BÍ MẬT") && widened.contains("Đăng ký khai sinh"),
        "{widened}"
    );
    // From the folder above, which holds the campaign, it is the root.
    let out = limited(top.path(), &["check", "xa/toroi.toml"]);
    assert!(
        !out.stderr.contains("is outside the campaign's folder"),
        "{}",
        out.stderr
    );
}

#[test]
fn outputs_that_would_write_one_file_are_refused_and_earlier_files_stay_whole() {
    let env = Env::strict();
    std::fs::create_dir_all(env.path("thu-tuc/ho-tich")).unwrap();
    std::fs::create_dir_all(env.path("thu-tuc/dat-dai")).unwrap();
    std::fs::copy(
        repo("procedures/dang-ky-khai-sinh.toml"),
        env.path("thu-tuc/ho-tich/x.toml"),
    )
    .unwrap();
    std::fs::copy(
        repo("procedures/dang-ky-ket-hon.toml"),
        env.path("thu-tuc/dat-dai/x.toml"),
    )
    .unwrap();
    std::fs::create_dir(env.path("that")).unwrap();
    std::os::unix::fs::symlink("that", env.path("link")).unwrap();
    env.write(
        "toroi.toml",
        "procedures = [\"thu-tuc\"]\n\n[[output]]\nkind = \"poster\"\nfile = \"out\"\n\n[[output]]\nkind = \"cards\"\nfile = \"out/x.pdf\"\n\n[[output]]\nkind = \"png\"\nfile = \"that\"\n\n[[output]]\nkind = \"png\"\nfile = \"link\"\n",
    );
    std::fs::create_dir(env.path("out")).unwrap();
    std::fs::write(env.path("out/x.pdf"), b"%PDF- the previous poster").unwrap();
    let check = limited(env.dir.path(), &["check"]);
    let build = limited(env.dir.path(), &["build"]);
    for out in [&check, &build] {
        assert_eq!(out.status, 1, "{}", out.stderr);
        calm(out);
        assert!(out.stderr.contains("toroi.toml:7:1: error: this output would write out/x.pdf, which the output at line 3 writes too"), "{}", out.stderr);
        assert!(out.stderr.contains("toroi.toml:15:1: error: this output would write link/x.png, which the output at line 11 writes too"), "{}", out.stderr);
        // Same-named files of two folders get two posters, with a word.
        assert!(
            out.stderr
                .contains("this one's poster and images are named “x-ho-tich”"),
            "{}",
            out.stderr
        );
    }
    // The poster folder has both procedures, and the cards did not
    // overwrite either.
    let mut posters: Vec<String> = std::fs::read_dir(env.path("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    posters.sort();
    assert_eq!(posters, ["x-ho-tich.pdf", "x.pdf"]);
    assert!(pdf_text(&env.path("out/x-ho-tich.pdf")).contains("khai sinh"));
    assert!(pdf_text(&env.path("out/x.pdf")).contains("kết hôn"));
}

#[test]
fn cards_with_a_procedure_broken_keep_the_previous_file_and_old_temporaries_go() {
    let env = Env::strict();
    std::fs::copy(
        repo("procedures/dang-ky-khai-sinh.toml"),
        env.path("ks.toml"),
    )
    .unwrap();
    env.write(
        "toroi.toml",
        "procedures = [\"ks.toml\", \"kh.toml\"]\n\n[[output]]\nkind = \"cards\"\nfile = \"out/the.pdf\"\n",
    );
    std::fs::copy(repo("procedures/dang-ky-ket-hon.toml"), env.path("kh.toml")).unwrap();
    let out = limited(env.dir.path(), &["build"]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    let before = std::fs::read(env.path("out/the.pdf")).unwrap();
    // What a killed run left: one old, one of a run going on now.
    let old = env.path("out/.toroi-AbCdEf.tmp");
    let fresh = env.path("out/.toroi-XyZwVu.tmp");
    std::fs::write(&old, b"half").unwrap();
    std::fs::write(&fresh, b"half").unwrap();
    let two_days = std::time::SystemTime::now() - std::time::Duration::from_secs(2 * 24 * 3600);
    std::fs::File::options()
        .write(true)
        .open(&old)
        .unwrap()
        .set_modified(two_days)
        .unwrap();
    // One of the two breaks: a sheet one card short is not cut and handed out.
    std::fs::write(
        env.path("ks.toml"),
        "title = \"Đăng ký khai sinh\"\nfee = [\n",
    )
    .unwrap();
    let out = limited(env.dir.path(), &["build"]);
    refused(
        &out,
        "out/the.pdf",
        "was not written: 1 of its procedure files",
    );
    assert_eq!(
        std::fs::read(env.path("out/the.pdf")).unwrap(),
        before,
        "the previous cards were replaced"
    );
    // A good build sweeps the old temporary file and keeps the fresh one.
    std::fs::copy(
        repo("procedures/dang-ky-khai-sinh.toml"),
        env.path("ks.toml"),
    )
    .unwrap();
    assert_eq!(limited(env.dir.path(), &["build"]).status, 0);
    assert!(!old.exists() && fresh.exists());
}

#[test]
fn a_long_field_is_reported_at_the_field() {
    let env = Env::strict();
    let text = std::fs::read_to_string(repo("procedures/dang-ky-khai-sinh.toml")).unwrap();
    let long = "Hộ tịch và chứng thực ".repeat(40);
    let text: String = text
        .lines()
        .map(|l| {
            if l.starts_with("field = ") {
                format!("field = \"{long}\"")
            } else {
                l.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    let line = text
        .lines()
        .position(|l| l.starts_with("field = "))
        .unwrap()
        + 1;
    std::fs::write(env.path("p.toml"), text).unwrap();
    for cmd in ["poster", "handbook", "catalog"] {
        let out = limited(env.dir.path(), &[cmd, "p.toml", "-o", "x.pdf"]);
        refused(
            &out,
            &format!("p.toml:{line}:9: error: `field` has"),
            "at most 250",
        );
    }
}

#[test]
fn a_procedure_too_large_to_lay_out_is_refused_at_its_key() {
    let env = Env::strict();
    let text = std::fs::read_to_string(repo("procedures/dang-ky-khai-sinh.toml")).unwrap();
    let many: Vec<String> = (0..45_000).map(|i| format!("\"Giấy tờ {i}\"")).collect();
    let docs = text.replacen(
        "documents = [",
        &format!("documents = [{}, ", many.join(", ")),
        1,
    );
    std::fs::write(env.path("nhieu.toml"), docs).unwrap();
    let title = text.replacen(
        "title = \"",
        &format!("title = \"{}", "Đăng ký khai sinh ".repeat(40_000)),
        1,
    );
    std::fs::write(env.path("dai.toml"), title).unwrap();
    for args in [
        vec!["poster", "nhieu.toml", "-o", "p.pdf"],
        vec!["poster", "nhieu.toml", "--phone", "-o", "p.png"],
        vec!["poster", "dai.toml", "-o", "p.pdf"],
        vec!["handbook", "dai.toml", "-o", "h.pdf"],
    ] {
        let out = limited(env.dir.path(), &args);
        let (file, says) = match args[1] {
            "nhieu.toml" => (
                "nhieu.toml:",
                "`documents` has 45003 items; a procedure's list has at most 200",
            ),
            _ => (
                "dai.toml:1:9",
                "`title` has 720017 characters; at most 2500",
            ),
        };
        refused(&out, file, says);
    }
}
