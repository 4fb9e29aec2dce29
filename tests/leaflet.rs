//! `toroi leaflet`: a tri-fold A4 leaflet, both sides, 2 to 6 procedures.
//! Read back with poppler: page size, the text of each side, and every QR
//! code decoded panel by panel.

mod harness;

use harness::*;
use toroi::model::Procedure;

/// Each panel of a side at `dpi`, as pixel rectangles (outside: 97/100/100 mm).
fn panels(side: usize, dpi: u32) -> Vec<[u32; 4]> {
    let widths: [f32; 3] = if side == 1 {
        [97.0, 100.0, 100.0]
    } else {
        [100.0, 100.0, 97.0]
    };
    let px = |mm: f32| (mm / 25.4 * dpi as f32).round() as u32;
    let mut x = 0.0;
    widths
        .iter()
        .map(|w| {
            let r = [px(x), 0, px(x + w), px(210.0)];
            x += w;
            r
        })
        .collect()
}

/// The QR codes of page `page`, decoded panel by panel at 200 dpi.
fn codes(pdf: &std::path::Path, page: usize) -> Vec<String> {
    let img = image::DynamicImage::ImageRgb8(render_page_to(pdf, page, 2339, 1654)).into_luma8();
    let mut found = decode_regions(&img, &panels(page, 200));
    found.sort();
    found
}

#[test]
fn three_procedures_print_two_sides_whose_codes_all_decode() {
    let env = Env::new();
    let files: Vec<_> = [
        "dang-ky-khai-sinh",
        "dang-ky-ket-hon",
        "xac-nhan-tinh-trang-hon-nhan",
    ]
    .iter()
    .map(|n| repo(&format!("procedures/{n}.toml")))
    .collect();
    let mut args: Vec<String> = vec!["leaflet".into()];
    args.extend(files.iter().map(|f| f.display().to_string()));
    args.extend([
        "--campaign".into(),
        contact_campaign(&env, "c", "").display().to_string(),
        "-o".into(),
        "out/to-gap.pdf".into(),
    ]);
    let out = env.toroi(&args);
    out.success();
    assert!(
        out.stdout
            .contains("wrote out/to-gap.pdf (A4 tri-fold leaflet, 3 procedures, 2 sides"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("double-sided, flip on the SHORT edge"));
    let pdf = env.path("out/to-gap.pdf");
    let (pages, w, h) = pdf_pages_and_size(&pdf);
    assert_eq!((pages, w.round(), h.round()), (2, 842.0, 595.0));

    // Inside: each procedure's title and facts, and its code with tracking.
    let texts = pdf_page_texts(&pdf);
    let mut expected = Vec::new();
    for f in &files {
        let p = Procedure::load(f).unwrap();
        assert!(texts[1].contains(&p.title.value), "{}", texts[1]);
        if let Some(fee) = &p.fee {
            assert!(texts[1].contains(&fee.value), "fee of {}", p.title.value);
        }
        expected.push(expected_url_of(p.path()));
    }
    expected.sort();
    assert_eq!(codes(&pdf, 2), expected);
    // Outside: the cover, the contacts, the scanning guide and the
    // campaign's code (the portal).
    for words in [
        "Cẩm nang thủ tục hành chính",
        "ỦY BAN NHÂN DÂN PHƯỜNG 1",
        TEST_HOTLINE,
        "QUÉT MÃ QR THẾ NÀO?",
    ] {
        assert!(texts[0].contains(words), "{words}: {}", texts[0]);
    }
    assert_eq!(
        codes(&pdf, 1),
        vec!["https://dichvucong.gov.vn/".to_owned()]
    );
}

/// Seven procedures (the shipped ones, repeated with other codes) as
/// `{prefix}0.toml` … `{prefix}6.toml`.
fn seven(env: &Env, prefix: &str) {
    let shipped = shipped_procedures();
    for i in 0..7 {
        let text = with_code(
            &std::fs::read_to_string(&shipped[i % shipped.len()]).unwrap(),
            &format!("9.{i:06}"),
        );
        env.write(&format!("{prefix}{i}.toml"), text);
    }
}

#[test]
fn seven_procedures_are_refused_with_how_many_fit() {
    let env = Env::new();
    seven(&env, "p/");
    let out = env.toroi(&["leaflet", "p", "-o", "to-gap.pdf"]);
    out.failure(1);
    assert!(
        out.stderr
            .contains("a leaflet holds 6 of these 7 procedures: drop 1"),
        "{}",
        out.stderr
    );
    assert!(env.files().iter().all(|f| !f.ends_with(".pdf")));
}

#[test]
fn procedures_too_long_for_the_panels_are_refused_with_how_many_fit() {
    let env = Env::new();
    let long = "Bản sao giấy tờ chứng minh nơi cư trú hợp pháp của người đề nghị, có chứng thực hoặc xuất trình bản chính để đối chiếu";
    for i in 0..6 {
        let docs: Vec<String> = (0..10).map(|k| format!("\"{long} ({k})\"")).collect();
        env.write(
            &format!("p/{i}.toml"),
            format!(
                "title = \"Thủ tục số {i}\"\ncode = \"9.00000{i}\"\nurl = \"https://dichvucong.gov.vn/p/{i}\"\n\
                 processing_time = \"05 ngày làm việc\"\nfee = \"Không\"\ndocuments = [{}]\nsource = \"test\"\n",
                docs.join(", ")
            ),
        );
    }
    let out = env.toroi(&["leaflet", "p", "-o", "to-gap.pdf"]);
    out.failure(1);
    let msg = out
        .stderr
        .lines()
        .find(|l| l.contains("error: "))
        .unwrap_or_default();
    assert!(
        msg.contains("a leaflet holds") && msg.contains("of these 6 procedures: drop"),
        "{}",
        out.stderr
    );
    // The count it gives is true: that many of the first procedures print.
    let fits: usize = msg
        .split("holds ")
        .nth(1)
        .and_then(|s| s.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap();
    assert!((2..6).contains(&fits), "{msg}");
    let mut args: Vec<String> = vec!["leaflet".into()];
    args.extend((0..fits).map(|i| format!("p/{i}.toml")));
    args.extend(["-o".into(), "fits.pdf".into()]);
    env.toroi(&args).success();
    let mut args: Vec<String> = vec!["leaflet".into()];
    args.extend((0..=fits).map(|i| format!("p/{i}.toml")));
    args.extend(["-o".into(), "too-many.pdf".into()]);
    env.toroi(&args).failure(1);
    assert!(!env.path("to-gap.pdf").exists() && !env.path("too-many.pdf").exists());
}

#[test]
fn one_procedure_is_pointed_to_a_poster() {
    let env = Env::new();
    let p = repo("procedures/dang-ky-khai-sinh.toml");
    let out = env.toroi(&["leaflet", p.to_str().unwrap()]);
    out.failure(1);
    assert!(
        out.stderr.contains("needs 2 to 6 procedures") && out.stderr.contains("toroi poster"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_campaign_leaflet_of_too_many_points_at_its_output_and_its_own_list_fixes_it() {
    let env = Env::new();
    seven(&env, "c/p");
    // The campaign file sits among its procedures and is not read as one.
    let campaign = "[campaign]\nprocedures = [\".\"]\n\n[[output]]\nkind = \"leaflet\"\nfile = \"to-gap.pdf\"\n";
    env.write("c/toroi.toml", campaign);
    for command in ["check", "build"] {
        let out = env.toroi(&[command, "c/toroi.toml"]);
        out.failure(1);
        assert!(
            out.stderr
                .contains("toroi.toml:4:1: error: a leaflet holds 6 of these 7 procedures: drop 1"),
            "{command}: {}",
            out.stderr
        );
        assert!(out.stderr.contains("procedures = ["), "{}", out.stderr);
    }
    assert!(!env.path("c/to-gap.pdf").exists());
    env.write(
        "c/toroi.toml",
        format!(
            "{campaign}procedures = [\"p0.toml\", \"p2.toml\", \"p3.toml\"]\ntitle = \"Thủ tục cho gia đình\"\n"
        ),
    );
    env.toroi(&["check", "c/toroi.toml"]).success();
    let out = env.toroi(&["build", "c/toroi.toml"]);
    out.success();
    let pdf = env.path("c/to-gap.pdf");
    let mut expected: Vec<String> = [0, 2, 3]
        .iter()
        .map(|i| {
            Procedure::load(&env.path(&format!("c/p{i}.toml")))
                .unwrap()
                .url
                .value
        })
        .collect();
    expected.sort();
    assert_eq!(codes(&pdf, 2), expected);
    // The output's own title is on its cover.
    assert!(pdf_page_texts(&pdf)[0].contains("Thủ tục cho gia đình"));
}
