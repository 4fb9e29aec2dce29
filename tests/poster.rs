//! End to end: `toroi poster` and `toroi qr` through the built binary,
//! checked with poppler's readers and a real QR decoder.

mod harness;

use harness::{
    collapse, contact_campaign, decode_pdf_qr, decode_png_qr, decode_svg_qr, expected_url,
    pdf_fonts, pdf_info, pdf_links, pdf_pages_and_size, pdf_text, repo, shipped_procedures, Env,
    TEST_HOTLINE,
};
use unicode_normalization::UnicodeNormalization;

/// The fields of a procedure file as plain strings, read without toroi's own parser.
struct Expected {
    title: String,
    url: String,
    documents: Vec<String>,
}

fn expected(path: &std::path::Path) -> Expected {
    let text = std::fs::read_to_string(path).unwrap();
    let table: toml::Table = toml::from_str(&text).unwrap();
    let s = |k: &str| collapse(&table[k].as_str().unwrap().nfc().collect::<String>());
    let documents = table
        .get("documents")
        .and_then(|d| d.as_array())
        .map(|a| {
            a.iter()
                .map(|d| collapse(&d.as_str().unwrap().nfc().collect::<String>()))
                .collect()
        })
        .unwrap_or_default();
    Expected {
        title: s("title"),
        url: expected_url(&table),
        documents,
    }
}

/// The example campaign with tracking parameters, as a campaign that links
/// to its own site would have them.
const TRACKING: &str = "utm_source=toroi&utm_campaign=phuong1-2026";

fn tracking_campaign(env: &Env) -> std::path::PathBuf {
    contact_campaign(
        env,
        "tracking",
        "tracking = { utm_source = \"toroi\", utm_campaign = \"phuong1-2026\" }\n",
    )
}

#[track_caller]
fn assert_fonts_embedded_subset(pdf: &std::path::Path) {
    let fonts = pdf_fonts(pdf);
    assert!(!fonts.is_empty(), "no fonts in {}", pdf.display());
    for (name, emb, sub) in fonts {
        assert!(
            emb && sub && name.contains('+'),
            "font {name} is not an embedded subset"
        );
    }
}

/// Makes a poster of every shipped procedure and checks it as a reader would.
fn check_every_shipped_poster(size: &str, (w_pt, h_pt): (f32, f32), with_campaign: bool, dpi: u32) {
    let env = Env::new();
    let campaign = tracking_campaign(&env);
    for (i, proc_file) in shipped_procedures().iter().enumerate() {
        let out = env.path(&format!("out/p{i}.pdf"));
        let mut args = vec![
            proc_file.as_os_str(),
            "-o".as_ref(),
            out.as_os_str(),
            "--size".as_ref(),
            size.as_ref(),
        ];
        if with_campaign {
            args.extend(["--campaign".as_ref(), campaign.as_os_str()]);
        }
        let run = env.poster(&args);
        run.success();
        let want = expected(proc_file);
        let url = if with_campaign {
            // Tracking on the portal's addresses is added, with a warning
            // that it only makes the code denser there.
            assert!(
                run.stderr.contains("`tracking` is added to addresses on dichvucong.gov.vn that the office does not run"),
                "{}",
                run.stderr
            );
            let sep = if want.url.contains('?') { '&' } else { '?' };
            format!("{}{sep}{TRACKING}", want.url)
        } else {
            want.url.clone()
        };

        let (pages, w, h) = pdf_pages_and_size(&out);
        assert_eq!(pages, 1);
        assert!(
            (w - w_pt).abs() < 0.5 && (h - h_pt).abs() < 0.5,
            "not {size}: {w} x {h}"
        );

        let text = pdf_text(&out);
        assert!(
            text.contains(&want.title),
            "title {:?} not in {}",
            want.title,
            proc_file.display()
        );
        assert!(!want.documents.is_empty());
        for doc in &want.documents {
            assert!(
                text.contains(doc.as_str()),
                "document line {doc:?} not in the PDF text of {}:\n{text}",
                proc_file.display()
            );
        }
        assert_fonts_embedded_subset(&out);
        assert_eq!(
            decode_pdf_qr(&out, dpi),
            vec![url.clone()],
            "{}",
            proc_file.display()
        );
        assert_eq!(pdf_links(&out), vec![url], "the QR area is a link");
    }
}

#[test]
fn every_shipped_procedure_makes_a_one_page_a4_poster_with_its_text_and_a_scannable_qr() {
    check_every_shipped_poster("a4", (595.28, 841.89), false, 150);
}

#[test]
fn every_shipped_procedure_makes_an_a3_campaign_poster_whose_qr_carries_the_tracking() {
    check_every_shipped_poster("a3", (841.89, 1190.55), true, 110);
}

#[test]
fn a3_poster_with_campaign_carries_issuer_and_tracking_parameters() {
    let env = Env::new();
    let proc_file = repo("procedures/dang-ky-khai-sinh.toml");
    let campaign = tracking_campaign(&env);
    let out = env.path("a3.pdf");
    let run = env.poster(&[
        proc_file.as_os_str(),
        "--size".as_ref(),
        "a3".as_ref(),
        "--campaign".as_ref(),
        campaign.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
    ]);
    run.success();
    assert!(
        run.stdout.contains("a3.pdf"),
        "the output path is printed: {}",
        run.stdout
    );

    let (pages, w, h) = pdf_pages_and_size(&out);
    assert_eq!(pages, 1);
    assert!(
        (w - 841.89).abs() < 0.5 && (h - 1190.55).abs() < 0.5,
        "not A3: {w} x {h}"
    );
    let text = pdf_text(&out);
    assert!(text.contains("ỦY BAN NHÂN DÂN PHƯỜNG 1"), "{text}");
    assert!(text.contains(TEST_HOTLINE), "hotline in the footer");
    let url = expected(&proc_file).url;
    assert_eq!(decode_pdf_qr(&out, 100), vec![format!("{url}?{TRACKING}")]);

    assert_eq!(pdf_links(&out), vec![format!("{url}?{TRACKING}")]);
    let info = pdf_info(&out);
    assert!(
        info.contains("Title:           Đăng ký khai sinh"),
        "{info}"
    );
    assert!(
        info.contains("Author:          Ủy ban nhân dân Phường 1"),
        "{info}"
    );
}

#[test]
fn the_poster_subcommand_is_required_and_bad_usage_exits_2() {
    let env = Env::new();
    env.toroi(&["poster"]).failure(2);
    env.toroi(&["poster", "x.toml", "--size", "a9"]).failure(2);
    env.toroi(&["frobnicate"]).failure(2);
}

#[test]
fn decomposed_input_prints_as_composed_text() {
    let env = Env::new();
    let nfc = std::fs::read_to_string(repo("procedures/dang-ky-ket-hon.toml")).unwrap();
    let nfd: String = nfc.nfd().collect();
    assert_ne!(nfc, nfd);
    let file = env.write("nfd.toml", &nfd);
    env.poster(&[file.as_os_str(), "-o".as_ref(), "nfd.pdf".as_ref()])
        .success();
    let text = pdf_text(&env.path("nfd.pdf"));
    let title = expected(&repo("procedures/dang-ky-ket-hon.toml")).title;
    assert!(text.contains(&title), "{text}");
    assert_eq!(
        text,
        text.nfc().collect::<String>(),
        "the PDF's text is NFC"
    );
}

#[test]
fn bom_and_crlf_files_work() {
    let env = Env::new();
    let text = std::fs::read_to_string(repo("procedures/chung-thuc-ban-sao.toml")).unwrap();
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(text.replace('\n', "\r\n").into_bytes());
    let file = env.write("windows.toml", bytes);
    env.poster(&[file.as_os_str(), "-o".as_ref(), "w.pdf".as_ref()])
        .success();
    let title = expected(&repo("procedures/chung-thuc-ban-sao.toml")).title;
    assert!(pdf_text(&env.path("w.pdf")).contains(&title));
}

fn long_procedure(items: usize) -> String {
    longer_procedure(items, 0)
}

/// `items` documents and steps, the first document `words` words longer.
fn longer_procedure(items: usize, words: usize) -> String {
    let doc = "Giấy tờ chứng minh nơi cư trú hợp pháp của người yêu cầu đăng ký, bản chính hoặc bản sao có chứng thực";
    let list: Vec<String> = (0..items).map(|i| format!("\"{doc} (mục {i})\"")).collect();
    let mut docs = list.clone();
    docs[0] = format!("\"{doc}{} (mục 0)\"", " kèm theo".repeat(words));
    format!(
        "title = \"Đăng ký thường trú\"\nurl = \"https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=1.004222\"\n\
         documents = [{}]\nsteps = [{}]\n",
        docs.join(", "),
        list.join(", ")
    )
}

#[test]
fn a_long_procedure_shrinks_to_fit_and_says_so() {
    let env = Env::new();
    // Lengthen the lists until the normal type size no longer fits: that
    // poster must shrink and still print every item, not fail.
    // The type shrinks by at most a twentieth, so the lists grow by a few
    // words at a time.
    let (n, run) = (4..40)
        .flat_map(|n| (0..40).step_by(2).map(move |w| (n, w)))
        .map(|(n, words)| {
            let file = env.write("long.toml", longer_procedure(n, words));
            (
                n,
                env.poster(&[file.as_os_str(), "-o".as_ref(), "long.pdf".as_ref()]),
            )
        })
        .find(|(_, run)| run.status != 0 || run.stderr.contains("shrunk"))
        .expect("a long enough procedure needs shrinking");
    run.success();
    assert!(
        run.stderr.contains("warning: the text was shrunk"),
        "{}",
        run.stderr
    );
    let out = env.path("long.pdf");
    assert_eq!(pdf_pages_and_size(&out).0, 1);
    let text = pdf_text(&out);
    let last = format!("bản sao có chứng thực (mục {})", n - 1);
    assert!(
        text.contains(&last),
        "the last item is printed whole: {text}"
    );
    assert_eq!(decode_pdf_qr(&out, 150).len(), 1);
}

#[test]
fn an_impossible_procedure_fails_names_the_field_and_writes_nothing() {
    let env = Env::new();
    let file = env.write("huge.toml", long_procedure(40));
    std::fs::write(env.path("keep.pdf"), b"previous").unwrap();
    let run = env.poster(&[file.as_os_str(), "-o".as_ref(), "huge.pdf".as_ref()]);
    run.failure(1);
    assert!(
        run.stderr.contains("huge.toml:3:"),
        "file and line: {}",
        run.stderr
    );
    assert!(
        run.stderr.contains("`documents`"),
        "names the field: {}",
        run.stderr
    );
    assert!(run.stderr.contains("help:"), "gives a hint: {}", run.stderr);
    assert_eq!(
        env.files(),
        vec!["huge.toml", "keep.pdf"],
        "no output and no temporary file"
    );
}

#[test]
fn an_unknown_key_fails_with_its_position_and_the_nearest_key() {
    let env = Env::new();
    let file = env.write("typo.toml", "title = \"Đăng ký khai sinh\"\nurl = \"https://dichvucong.gov.vn/x\"\nfe = \"Miễn lệ phí\"\n");
    let run = env.poster(&[file.as_os_str()]);
    run.failure(1);
    assert!(
        run.stderr
            .contains("typo.toml:3:1: error: unknown key `fe`"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("did you mean `fee`?"), "{}", run.stderr);
    assert_eq!(env.files(), vec!["typo.toml"]);
}

#[test]
fn a_windows_1258_file_prints_with_a_warning_and_a_utf16_one_prints() {
    let env = Env::new();
    // "Đăng ký" in Windows-1258: Đ = 0xD0, ă = 0xE3, the acute a combining 0xEC.
    let file = env.write(
        "old.toml",
        b"title = \"\xD0\xE3ng ky\xEC\"\nurl = \"https://dichvucong.gov.vn/\"\n".as_slice(),
    );
    let run = env.poster(&[file.as_os_str(), "-o".as_ref(), "old.pdf".as_ref()]);
    run.success();
    assert!(
        run.stderr
            .contains("old.toml:1:10: warning: the file is in the old Windows-1258 code page"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("Encoding: UTF-8"), "{}", run.stderr);
    assert!(pdf_text(&env.path("old.pdf")).contains("Đăng ký"));
    // Notepad's "Unicode": UTF-16 little-endian with a byte order mark.
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in
        "title = \"Đăng ký kết hôn\"\r\nurl = \"https://dichvucong.gov.vn/\"\r\n".encode_utf16()
    {
        utf16.extend(unit.to_le_bytes());
    }
    let file = env.write("unicode.toml", utf16);
    env.poster(&[file.as_os_str(), "-o".as_ref(), "u.pdf".as_ref()])
        .success();
    assert!(pdf_text(&env.path("u.pdf")).contains("Đăng ký kết hôn"));
}

#[test]
fn a_url_too_long_for_a_readable_qr_is_refused() {
    let env = Env::new();
    let url = format!("https://dichvucong.gov.vn/x?{}", "a=1&".repeat(400));
    let file = env.write("longurl.toml", format!("title = \"A\"\nurl = \"{url}\"\n"));
    let run = env.poster(&[file.as_os_str()]);
    run.failure(1);
    assert!(run.stderr.contains("longurl.toml:2:7:"), "{}", run.stderr);
    assert!(run.stderr.contains("0.5 mm"), "{}", run.stderr);
    assert_eq!(env.files(), vec!["longurl.toml"]);
}

#[test]
fn the_output_may_not_overwrite_the_campaign_or_its_logo() {
    let env = Env::new();
    let campaign = env.write("toroi.toml", "[issuer]\nlogo = \"logo.png\"\n");
    std::fs::copy(repo("examples/phuong-1/logo.png"), env.path("logo.png")).unwrap();
    let proc_file = repo("procedures/dang-ky-khai-sinh.toml");
    for target in ["toroi.toml", "logo.png"] {
        let before = std::fs::read(env.path(target)).unwrap();
        let run = env.poster(&[
            proc_file.as_os_str(),
            "--campaign".as_ref(),
            campaign.as_os_str(),
            "-o".as_ref(),
            target.as_ref(),
        ]);
        run.failure(1);
        assert!(run.stderr.contains("is the input file"), "{}", run.stderr);
        assert_eq!(std::fs::read(env.path(target)).unwrap(), before);
    }
}

#[test]
fn the_output_may_not_overwrite_the_input() {
    let env = Env::new();
    let file = env.write("p.toml", "title = \"A\"\nurl = \"https://a.vn\"\n");
    env.poster(&[file.as_os_str(), "-o".as_ref(), file.as_os_str()])
        .failure(1);
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        "title = \"A\"\nurl = \"https://a.vn\"\n"
    );
}

/// An output that is the input under another name (a link to it, a hard
/// link, a path through `..`) is refused too, and the input is untouched.
#[cfg(unix)]
#[test]
fn the_output_may_not_overwrite_the_input_under_another_name() {
    let env = Env::new();
    let text = "title = \"A\"\nurl = \"https://a.vn\"\n";
    let file = env.write("p.toml", text);
    let dir = file.parent().unwrap();
    std::os::unix::fs::symlink(&file, dir.join("link.pdf")).unwrap();
    std::fs::hard_link(&file, dir.join("hard.pdf")).unwrap();
    std::fs::create_dir(dir.join("sub")).unwrap();
    for out in [
        dir.join("link.pdf"),
        dir.join("hard.pdf"),
        dir.join("sub/../p.toml"),
    ] {
        let run = env.poster(&[file.as_os_str(), "-o".as_ref(), out.as_os_str()]);
        run.failure(1);
        assert!(run.stderr.contains("p.toml"), "{}", run.stderr);
        assert_eq!(std::fs::read_to_string(&file).unwrap(), text);
    }
}

const PORTAL: &str =
    "https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=1.001193";

#[test]
fn qr_command_writes_svg_png_and_pdf_that_decode_to_the_url() {
    let env = Env::new();
    for name in ["qr.svg", "qr.png", "qr.pdf"] {
        env.toroi(&["qr", PORTAL, "-o", name]).success();
    }
    assert_eq!(decode_svg_qr(&env.path("qr.svg")), vec![PORTAL]);
    let png = env.path("qr.png");
    assert_eq!(image::image_dimensions(&png).unwrap(), (1200, 1200));
    assert_eq!(decode_png_qr(&png), vec![PORTAL]);
    assert_eq!(decode_pdf_qr(&env.path("qr.pdf"), 300), vec![PORTAL]);

    env.toroi(&["qr", PORTAL, "-o", "small.png", "--px", "300"])
        .success();
    assert_eq!(
        image::image_dimensions(env.path("small.png")).unwrap(),
        (300, 300)
    );
    assert_eq!(decode_png_qr(&env.path("small.png")), vec![PORTAL]);
}

#[test]
fn qr_command_refuses_bad_urls_and_unknown_formats() {
    let env = Env::new();
    let run = env.toroi(&["qr", "dichvucong.gov.vn", "-o", "a.svg"]);
    run.failure(1);
    assert!(run.stderr.contains("https://"), "{}", run.stderr);
    env.toroi(&["qr", PORTAL, "-o", "a.gif"]).failure(1);
    assert!(env.files().is_empty());
}

#[test]
fn a_campaign_text_too_long_for_header_or_footer_is_refused_at_its_line() {
    let env = Env::new();
    let proc_file = repo("procedures/dang-ky-khai-sinh.toml");
    let cases = [
        ("name", "Ủy ban nhân dân Phường 1 ".repeat(12), 2),
        ("address", "Số 1 đường Hùng Vương, Phường 1, ".repeat(40), 2),
    ];
    for (key, value, line) in cases {
        let campaign = env.write("toroi.toml", format!("[issuer]\n{key} = \"{value}\"\n"));
        let run = env.poster(&[
            proc_file.as_os_str(),
            "--campaign".as_ref(),
            campaign.as_os_str(),
            "-o".as_ref(),
            "p.pdf".as_ref(),
        ]);
        run.failure(1);
        assert!(
            run.stderr.contains(&format!("toroi.toml:{line}:")),
            "{}",
            run.stderr
        );
        assert!(
            run.stderr.contains(&format!("`issuer.{key}` takes")),
            "{}",
            run.stderr
        );
        assert!(!env.path("p.pdf").exists());
    }
}

/// A procedure file whose lists cycle through the shipped procedures' own
/// documents and steps (real texts, 30 to 90 characters).
fn dense_procedure(documents: usize, steps: usize) -> String {
    let mut docs = Vec::new();
    let mut all_steps = Vec::new();
    for path in shipped_procedures() {
        let table: toml::Table = std::fs::read_to_string(path).unwrap().parse().unwrap();
        let strings = |key: &str| -> Vec<String> {
            table
                .get(key)
                .and_then(|v| v.as_array())
                .map_or(Vec::new(), |a| {
                    a.iter().map(|v| v.as_str().unwrap().to_owned()).collect()
                })
        };
        docs.extend(strings("documents"));
        all_steps.extend(strings("steps"));
    }
    let quoted = |list: &[String], n: usize| -> String {
        list.iter()
            .cycle()
            .take(n)
            .map(|s| format!("{s:?}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    format!(
        "title = \"Đăng ký thường trú\"\ncode = \"1.004222\"\nagency = \"Công an cấp xã\"\n\
         summary = \"Công dân đăng ký nơi thường trú khi có chỗ ở hợp pháp.\"\n\
         processing_time = \"07 ngày làm việc\"\nfee = \"20.000 đồng\"\n\
         documents = [{}]\nsteps = [{}]\nlegal_basis = [\"Luật Cư trú năm 2020\"]\n",
        quoted(&docs, documents),
        quoted(&all_steps, steps)
    )
}

#[test]
fn a_dense_procedure_prints_on_one_a4_poster_at_9_pt_or_more() {
    let env = Env::new();
    let file = env.write("dense.toml", dense_procedure(20, 10));
    let run = env.poster(&[file.as_os_str(), "-o".as_ref(), "dense.pdf".as_ref()]);
    run.success();
    // The body may shrink from 9.5 pt, never under 9.
    if let Some(at) = run.stderr.find("shrunk from 9.5 pt to ") {
        let rest = &run.stderr[at + "shrunk from 9.5 pt to ".len()..];
        let size: f32 = rest.split(' ').next().unwrap().parse().unwrap();
        assert!(size >= 9.0, "{}", run.stderr);
    }
    let out = env.path("dense.pdf");
    assert_eq!(pdf_pages_and_size(&out).0, 1);
    let text = collapse(&pdf_text(&out));
    let table: toml::Table = std::fs::read_to_string(&file).unwrap().parse().unwrap();
    for key in ["documents", "steps"] {
        for item in table[key].as_array().unwrap() {
            assert!(text.contains(item.as_str().unwrap()), "{item} missing");
        }
    }
    // The code (at least 60 mm, read by a real decoder) opens the page the
    // national catalogue gives the procedure's code.
    let codes = decode_pdf_qr(&out, 150);
    assert_eq!(codes, [expected_url(&table)]);
}

#[test]
fn a_short_poster_fills_its_page() {
    let env = Env::new();
    let file = env.write("short.toml", dense_procedure(3, 3));
    env.poster(&[file.as_os_str(), "-o".as_ref(), "short.pdf".as_ref()])
        .success();
    let out = env.path("short.pdf");
    // At most a quarter of the page is blank (its code grows into the room
    // the text leaves, and the code's panel holds words only at its middle).
    let (blank, _) = blank_and_code(&out);
    assert!(blank <= 0.25, "{:.0} % blank", blank * 100.0);
    // And no blank band across the page is taller than a tenth of it
    // (the poster of a short procedure used to leave a third empty).
    let img = harness::render_page_one(&out, 50);
    let blank_row = |y: u32| (0..img.width()).all(|x| img.get_pixel(x, y).0[0] > 245);
    let (mut run, mut longest) = (0u32, 0u32);
    let margin = img.height() / 14;
    for y in margin..img.height() - margin {
        run = if blank_row(y) { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    assert!(
        (longest as f32) < img.height() as f32 * 0.1,
        "a blank band of {:.0} % of the page",
        longest as f32 / img.height() as f32 * 100.0
    );
}

/// The page's blank area, as poppler reads it back: the bands across the
/// page, inside the template's 14 mm margins, taller than 10 mm with no
/// word (pdftotext -bbox) and no part of the code's box (its dark modules
/// found in the rendered page outside every word, widened by the 4-module
/// quiet zone), as a fraction of the page's height; and the code's side.
fn blank_and_code(pdf: &std::path::Path) -> (f32, f32) {
    let mm = 72.0 / 25.4;
    let words = harness::pdf_words(pdf, 1);
    let (_, _, h) = pdf_pages_and_size(pdf);
    let img = harness::render_page_one(pdf, 72);
    let in_word = |x: u32, y: u32| {
        let (x, y) = (x as f32, y as f32);
        words
            .iter()
            .any(|(_, b)| b[0] - 1.0 <= x && x <= b[2] + 1.0 && b[1] - 1.0 <= y && y <= b[3] + 1.0)
    };
    let (mut x0, mut y0, mut x1, mut y1) = (u32::MAX, u32::MAX, 0, 0);
    for (x, y, p) in img.enumerate_pixels() {
        if p.0[0] < 60 && !in_word(x, y) {
            (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x), y1.max(y));
        }
    }
    assert!(x0 < x1, "no code on the page");
    // The finder pattern in the top-left corner is 7 modules wide.
    let run = (x0..x1)
        .take_while(|&x| img.get_pixel(x, y0).0[0] < 60)
        .count() as f32;
    let quiet = 4.0 * run / 7.0;
    let code = (y0 as f32 - quiet, y1 as f32 + quiet);
    let mut bands: Vec<(f32, f32)> = words.iter().map(|(_, b)| (b[1], b[3])).collect();
    bands.push(code);
    bands.sort_by(|a, b| a.0.total_cmp(&b.0));
    let (mut blank, mut y) = (0.0, 14.0 * mm);
    for (top, foot) in bands.into_iter().chain([(h - 14.0 * mm, h)]) {
        if top - y > 10.0 * mm {
            blank += top - y;
        }
        y = y.max(foot);
    }
    (blank / h, (code.1 - code.0) / mm)
}

#[test]
fn a_poster_of_a_list_row_is_at_most_a_quarter_blank_with_a_large_code() {
    let env = Env::new();
    env.write(
        "list.csv",
        "Mã TTHC,Tên thủ tục,Lĩnh vực,Thời hạn giải quyết,Cơ quan thực hiện\n\
         1.001193,Thủ tục đăng ký khai sinh,Hộ tịch,Ngay trong ngày tiếp nhận,UBND cấp xã\n\
         2.000815,\"Thủ tục chứng thực chữ ký trong các giấy tờ, văn bản\",Chứng thực,,UBND cấp xã\n",
    );
    env.poster(&["list.csv", "-o", "posters"]).success();
    for name in [
        "thu-tuc-dang-ky-khai-sinh",
        "thu-tuc-chung-thuc-chu-ky-trong-cac-giay-to-van-ban",
    ] {
        let pdf = env.path(&format!("posters/{name}.pdf"));
        let (blank, side) = blank_and_code(&pdf);
        assert!(blank <= 0.25, "{name}: {:.0} % blank", blank * 100.0);
        // The code grows from the template's 60 mm towards 110 mm.
        assert!((100.0..=111.0).contains(&side), "{name}: code {side:.0} mm");
        let text = collapse(&pdf_text(&pdf));
        // The page says where the documents and steps are.
        assert!(
            text.contains("Quét mã QR để xem thành phần hồ sơ"),
            "{text}"
        );
        assert_eq!(decode_pdf_qr(&pdf, 100).len(), 1);
    }
}

#[test]
fn a_full_poster_keeps_its_code_at_the_template_size_and_no_band_of_blank() {
    // The shipped procedures fill their page with documents and steps:
    // their blank area stays small without the sparse growth.
    let env = Env::new();
    for path in harness::shipped_procedures() {
        let out = env.path("full.pdf");
        env.poster(&[path.as_os_str(), "-o".as_ref(), out.as_os_str()])
            .success();
        let (blank, side) = blank_and_code(&out);
        assert!(
            blank <= 0.25,
            "{}: {:.0} % blank",
            path.display(),
            blank * 100.0
        );
        assert!(side <= 111.0, "{}: code {side:.0} mm", path.display());
    }
}

#[test]
fn text_that_no_longer_fits_a_widened_template_margin_blames_the_margin() {
    let env = Env::new();
    env.write("wide.toml", "# our own margins\nmargin = 60\n");
    let ket_hon = repo("procedures/dang-ky-ket-hon.toml");
    let out = env.poster(&[
        ket_hon.as_os_str(),
        "--template".as_ref(),
        "wide.toml".as_ref(),
        "-o".as_ref(),
        "w.pdf".as_ref(),
    ]);
    out.failure(1);
    let first = out.stderr.lines().next().unwrap();
    assert!(
        first.contains(
            "wide.toml:2:1: error: the template's margin of 60 mm leaves only 90 × 177 mm"
        ),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("the built-in template uses 14 mm"),
        "{}",
        out.stderr
    );
    assert!(!out.stderr.contains("shorten"), "{}", out.stderr);
    assert!(!env.path("w.pdf").exists());
    // The preset's margin, or a narrower one, prints the same procedure.
    env.write("narrow.toml", "margin = 12\n");
    env.poster(&[
        ket_hon.as_os_str(),
        "--template".as_ref(),
        "narrow.toml".as_ref(),
        "-o".as_ref(),
        "n.pdf".as_ref(),
    ])
    .success();
}
