//! For a print shop: `--bleed` grows every page by the bleed with the
//! TrimBox at the finished size and crop marks outside it; `--cmyk` writes
//! every colour as CMYK. Read back with pdfinfo, qpdf, pdftoppm and rqrr.

mod harness;

use harness::*;

const BLEED_PT: f32 = 3.0 * 72.0 / 25.4;

#[test]
fn bleed_grows_every_page_by_3_mm_around_the_trim_box() {
    let env = Env::new();
    let p = repo("procedures/dang-ky-khai-sinh.toml");
    let out = env.poster(&[p.to_str().unwrap(), "--bleed", "3", "-o", "poster.pdf"]);
    out.success();
    assert!(
        out.stdout.contains("3 mm bleed and crop marks"),
        "{}",
        out.stdout
    );
    let handbook = env.toroi(&[
        "handbook",
        repo("procedures").to_str().unwrap(),
        "--bleed",
        "3",
        "-o",
        "hb.pdf",
    ]);
    handbook.success();
    let shipped = shipped_procedures();
    env.toroi(&[
        "leaflet",
        shipped[0].to_str().unwrap(),
        shipped[1].to_str().unwrap(),
        "--bleed",
        "3",
        "-o",
        "leaflet.pdf",
    ])
    .success();
    // As many pages as the same handbook without bleed.
    env.toroi(&[
        "handbook",
        repo("procedures").to_str().unwrap(),
        "-o",
        "plain.pdf",
    ])
    .success();
    let hb_pages = pdf_pages_and_size(&env.path("plain.pdf")).0;
    assert!(hb_pages > 8);
    for (pdf, pages, trim_w, trim_h) in [
        ("poster.pdf", 1, 595.28, 841.89),
        ("hb.pdf", hb_pages, 419.53, 595.28),
        ("leaflet.pdf", 2, 841.89, 595.28),
    ] {
        let pdf = env.path(pdf);
        assert_eq!(pdf_pages_and_size(&pdf).0, pages);
        for page in 1..=pages {
            let boxes = pdf_boxes(&pdf, page);
            let (media, trim) = (boxes["MediaBox"], boxes["TrimBox"]);
            for i in 0..2 {
                assert!(
                    (trim[i] - media[i] - BLEED_PT).abs() < 0.02,
                    "page {page}: {media:?} {trim:?}"
                );
                assert!(
                    (media[i + 2] - trim[i + 2] - BLEED_PT).abs() < 0.02,
                    "page {page}: {media:?} {trim:?}"
                );
            }
            assert!(
                (trim[2] - trim[0] - trim_w).abs() < 0.05
                    && (trim[3] - trim[1] - trim_h).abs() < 0.05,
                "{trim:?}"
            );
        }
        assert!(!decode_pdf_qr(&pdf, 200).is_empty());
    }
}

#[test]
fn crop_marks_are_drawn_at_the_corners_outside_the_trim_box() {
    let env = Env::new();
    let p = repo("procedures/dang-ky-khai-sinh.toml");
    env.poster(&[p.to_str().unwrap(), "--bleed", "3", "-o", "poster.pdf"])
        .success();
    // 300 dpi: the bleed is 35 px wide, a hairline mark at least 1 px.
    let img = render_page_one(&env.path("poster.pdf"), 300);
    let (w, h) = img.dimensions();
    let b = (3.0 / 25.4 * 300.0) as u32; // the bleed in pixels
    let dark = |x0: u32, y0: u32, x1: u32, y1: u32| {
        (y0..y1)
            .flat_map(|y| (x0..x1).map(move |x| (x, y)))
            .filter(|&(x, y)| img.get_pixel(x, y).0[0] < 200)
            .count()
    };
    // Each corner square of the bleed holds its two marks; the bleed
    // strips between the corners hold nothing (the poster has no colour
    // at its edges).
    // Corner squares reach 2 px past the trim lines the marks lie on.
    let c = b + 2;
    for (x0, y0) in [(0, 0), (w - c, 0), (0, h - c), (w - c, h - c)] {
        assert!(
            dark(x0, y0, x0 + c, y0 + c) > 20,
            "no crop mark at ({x0}, {y0})"
        );
    }
    assert_eq!(
        dark(b + 2, 0, w - b - 2, b - 2),
        0,
        "something in the top bleed"
    );
    assert_eq!(
        dark(0, b + 2, b - 2, h - b - 2),
        0,
        "something in the left bleed"
    );
}

#[test]
fn cmyk_writes_every_colour_as_cmyk_and_still_scans() {
    let env = Env::new();
    let p = repo("procedures/dang-ky-ket-hon.toml");
    let out = env.poster(&[p.to_str().unwrap(), "--cmyk", "-o", "cmyk.pdf"]);
    out.success();
    assert!(out.stdout.contains("CMYK"));
    let content = pdf_uncompressed(&env.path("cmyk.pdf"));
    assert!(content.contains(" k\n"), "no CMYK fill");
    assert!(!content.contains(" rg\n"), "an RGB fill is left");
    // The template's ink (#1B1F24), in which the QR code is printed, is
    // near-black and prints in black ink only: no misregistered colours.
    assert!(content.contains("0 0 0 0.859 k"), "ink as pure K");
    let url = expected_url_of(&p);
    assert_eq!(decode_pdf_qr(&env.path("cmyk.pdf"), 150), vec![url]);
    // And without --cmyk, RGB.
    env.poster(&[p.to_str().unwrap(), "-o", "rgb.pdf"])
        .success();
    assert!(pdf_uncompressed(&env.path("rgb.pdf")).contains(" rg\n"));
}

#[test]
fn an_impossible_bleed_is_bad_usage() {
    let env = Env::new();
    let p = repo("procedures/dang-ky-ket-hon.toml");
    let out = env.poster(&[p.to_str().unwrap(), "--bleed", "50", "-o", "x.pdf"]);
    out.failure(2);
    assert!(out.stderr.contains("from 0 to 20"), "{}", out.stderr);
}

#[test]
fn a_campaign_output_asks_for_bleed_and_cmyk_itself() {
    let env = Env::new();
    let shipped = shipped_procedures();
    env.write(
        "toroi.toml",
        format!(
            "[campaign]\nprocedures = [{:?}, {:?}]\n\n\
             [[output]]\nkind = \"leaflet\"\nfile = \"nha-in/to-gap.pdf\"\nbleed = 3\ncmyk = true\n\n\
             [[output]]\nkind = \"leaflet\"\nfile = \"van-phong/to-gap.pdf\"\n",
            shipped[0].display().to_string(),
            shipped[1].display().to_string()
        ),
    );
    let out = env.toroi(&["build", "toroi.toml"]);
    out.success();
    assert!(
        out.stdout.contains("3 mm bleed and crop marks, CMYK"),
        "{}",
        out.stdout
    );
    let shop = env.path("nha-in/to-gap.pdf");
    let boxes = pdf_boxes(&shop, 2);
    let (media, trim) = (boxes["MediaBox"], boxes["TrimBox"]);
    assert!(
        (trim[0] - media[0] - BLEED_PT).abs() < 0.02,
        "{media:?} {trim:?}"
    );
    let content = pdf_uncompressed(&shop);
    assert!(content.contains(" k\n") && !content.contains(" rg\n"));
    // The office copy is plain: no bleed, RGB.
    let office = env.path("van-phong/to-gap.pdf");
    let boxes = pdf_boxes(&office, 1);
    assert_eq!(boxes["MediaBox"], boxes["TrimBox"]);
    assert!(pdf_uncompressed(&office).contains(" rg\n"));
}

#[test]
fn cmyk_converts_the_logo_too() {
    let env = Env::new();
    // The example campaign's logo (a coloured emblem) on a poster.
    let logo = repo("examples/phuong-1/logo.png");
    std::fs::copy(&logo, env.path("logo.png")).unwrap();
    env.write(
        "toroi.toml",
        "[issuer]\nname = \"Ủy ban nhân dân Phường 1\"\nlogo = \"logo.png\"\n",
    );
    let p = repo("procedures/dang-ky-ket-hon.toml");
    for (flag, file) in [("--cmyk", "cmyk.pdf"), ("--bleed=0", "rgb.pdf")] {
        env.toroi(&[
            "poster",
            p.to_str().unwrap(),
            "--campaign",
            "toroi.toml",
            flag,
            "-o",
            file,
        ])
        .success();
    }
    let cmyk = pdf_uncompressed(&env.path("cmyk.pdf"));
    let rgb = pdf_uncompressed(&env.path("rgb.pdf"));
    // The RGB file has the logo as an RGB image; the CMYK one has no RGB
    // anywhere, its logo a DeviceCMYK image.
    assert!(rgb.contains("/DeviceRGB"), "the logo is in the RGB file");
    assert!(!cmyk.contains("/DeviceRGB"), "an RGB image is left");
    assert!(cmyk.contains("/Subtype /Image") && cmyk.contains("/DeviceCMYK"));
    // And it prints the same: the logo's corner of both pages, rendered by
    // poppler, differs by little (the plain formula, no ICC profile).
    let a = render_page_to(&env.path("cmyk.pdf"), 1, 210, 297);
    let b = render_page_to(&env.path("rgb.pdf"), 1, 210, 297);
    let mut diff = 0u64;
    let mut ink = 0u64;
    for y in 10..40 {
        for x in 10..40 {
            let (pa, pb) = (a.get_pixel(x, y).0, b.get_pixel(x, y).0);
            diff += (0..3).map(|i| pa[i].abs_diff(pb[i]) as u64).sum::<u64>();
            ink += (0..3).map(|i| 255 - pb[i] as u64).sum::<u64>();
        }
    }
    assert!(ink > 30 * 30 * 60, "the logo is drawn: {ink}");
    assert!(
        diff * 8 < ink,
        "the CMYK logo looks like the RGB one: {diff} vs {ink}"
    );
}
