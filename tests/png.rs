//! PNG output (`--png`, `kind = "png"`): the same scene as the PDF, drawn in
//! pixels. Checked against poppler's render of the PDF at the PNG's size:
//! the ink of every word poppler finds lies within 2 px in both images, so a
//! renderer that broke lines or placed text on its own would fail. Every
//! QR code decodes from the PNG itself.

mod harness;

use std::path::Path;

use harness::*;
use toroi::model::Procedure;

const CAMPAIGN: &str = "examples/phuong-1/toroi.toml";

/// Compares the words of `pdf`'s page `page` with the same places in `png`:
/// the centre of each word's ink within 2 px in both directions, and its
/// left and right ends within 2 px for all but 2 % of words. (Poppler hints
/// glyphs, snapping thin strokes such as `=` and `-` to whole pixels, which
/// moves a word's faint last stroke across the ink threshold; centres are
/// immune to that.) Returns how many words were compared.
fn assert_same_text_boxes(pdf: &Path, page: usize, png: &Path) -> usize {
    let ours = image::open(png).unwrap().into_rgb8();
    let (w, h) = ours.dimensions();
    let poppler = render_page_to(pdf, page, w, h);
    let (_, page_w, _) = pdf_pages_and_size(pdf);
    let scale = w as f32 / page_w;
    let (mut compared, mut ends_apart) = (0, Vec::new());
    let (mut worst_centre, mut worst_end) = (0.0f32, 0.0f32);
    for (word, b) in pdf_words(pdf, page) {
        // The word's box from poppler, ascender to descender.
        let r = [
            (b[0] * scale).floor() as u32,
            (b[1] * scale).round() as u32,
            (b[2] * scale).ceil() as u32,
            (b[3] * scale).round() as u32,
        ];
        let (a, p) = (ink(&ours, r), ink(&poppler, r));
        let (Some(a), Some(p)) = (a, p) else {
            panic!("\"{word}\" at {r:?}: ink in the PNG {a:?}, in the PDF {p:?}");
        };
        let centre = (a.centre.0 - p.centre.0)
            .abs()
            .max((a.centre.1 - p.centre.1).abs());
        assert!(
            centre <= 2.0,
            "\"{word}\": ink centred {centre:.1} px apart (PNG {a:?}, PDF {p:?}) in {}",
            png.display()
        );
        let end = (a.left as f32 - p.left as f32)
            .abs()
            .max((a.right as f32 - p.right as f32).abs());
        if end > 2.0 {
            ends_apart.push(format!("\"{word}\" {end} px"));
        }
        worst_centre = worst_centre.max(centre);
        worst_end = worst_end.max(end);
        compared += 1;
    }
    eprintln!(
        "{}: {compared} words; centres at most {worst_centre:.2} px apart, ends {worst_end} px ({} over 2 px: {})",
        png.display(),
        ends_apart.len(),
        ends_apart.join(", ")
    );
    assert!(
        ends_apart.len() * 50 <= compared,
        "ends of {} of {compared} words over 2 px apart: {}",
        ends_apart.len(),
        ends_apart.join(", ")
    );
    compared
}

#[test]
fn a_poster_png_matches_its_pdf_word_for_word_and_its_code_decodes() {
    let env = Env::new();
    let p = repo("procedures/dang-ky-khai-sinh.toml");
    let campaign = repo(CAMPAIGN);
    let (p, campaign) = (p.to_str().unwrap(), campaign.to_str().unwrap());
    env.toroi(&["poster", p, "--campaign", campaign, "-o", "k.pdf"])
        .success();
    let out = env.toroi(&["poster", p, "--campaign", campaign, "--png", "-o", "k.png"]);
    out.success();
    assert!(
        out.stdout
            .contains("wrote k.png (A4 poster, 1080 × 1527 px"),
        "{}",
        out.stdout
    );
    let png = env.path("k.png");
    assert_eq!(image::image_dimensions(&png).unwrap(), (1080, 1527));
    assert!(assert_same_text_boxes(&env.path("k.pdf"), 1, &png) > 150);
    let url = expected_url_of(Path::new(p));
    let tracked = url;
    assert_eq!(decode_png_qr(&png), vec![tracked.clone()]);
    // As a chat app may pass it on: scaled down to two thirds and
    // recompressed as a JPEG of quality 70, read by zbar.
    let img = image::open(&png).unwrap().into_rgb8();
    let small = image::imageops::resize(&img, 720, 1018, image::imageops::FilterType::Triangle);
    let jpeg = env.path("k.jpg");
    let mut bytes = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, 70)
        .encode_image(&small)
        .unwrap();
    std::fs::write(&jpeg, bytes).unwrap();
    assert_eq!(zbar(&jpeg), vec![tracked]);
}

#[test]
fn px_sets_the_width_and_a_png_name_alone_chooses_png() {
    let env = Env::new();
    let p = repo("procedures/dang-ky-ket-hon.toml");
    env.toroi(&[
        "poster",
        p.to_str().unwrap(),
        "-o",
        "a3.png",
        "--size",
        "a3",
        "--px",
        "1500",
    ])
    .success();
    let png = env.path("a3.png");
    // A3 is 297 × 420 mm.
    assert_eq!(image::image_dimensions(&png).unwrap(), (1500, 2121));
    let url = expected_url_of(&p);
    assert_eq!(decode_png_qr(&png), vec![url]);
    env.toroi(&[
        "poster",
        p.to_str().unwrap(),
        "-o",
        "a3.pdf",
        "--size",
        "a3",
    ])
    .success();
    assert_same_text_boxes(&env.path("a3.pdf"), 1, &png);
    // Print-shop options make no sense for an image.
    let out = env.toroi(&["poster", p.to_str().unwrap(), "--png", "--bleed", "3"]);
    out.failure(2);
    // Nor does a PNG named .pdf.
    let out = env.toroi(&["poster", p.to_str().unwrap(), "--png", "-o", "x.pdf"]);
    out.failure(1);
    assert!(
        out.stderr.contains("name the output .png"),
        "{}",
        out.stderr
    );
    assert!(!env.path("x.pdf").exists());
}

#[test]
fn each_leaflet_side_png_matches_its_pdf_page_and_its_codes_decode() {
    let env = Env::new();
    let campaign = repo(CAMPAIGN);
    let procs: Vec<String> = ["dang-ky-khai-sinh", "dang-ky-ket-hon", "dang-ky-thuong-tru"]
        .iter()
        .map(|n| repo(&format!("procedures/{n}.toml")).display().to_string())
        .collect();
    let run = |extra: &[&str]| {
        let mut args: Vec<&str> = vec!["leaflet"];
        args.extend(procs.iter().map(String::as_str));
        args.extend(["--campaign", campaign.to_str().unwrap()]);
        args.extend(extra);
        env.toroi(&args)
    };
    run(&["-o", "l.pdf"]).success();
    let out = run(&["--png", "-o", "l.png"]);
    out.success();
    assert!(
        out.stdout.contains("wrote l-1.png (leaflet side 1"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("wrote l-2.png (leaflet side 2"),
        "{}",
        out.stdout
    );
    for side in [1, 2] {
        let png = env.path(&format!("l-{side}.png"));
        // 297 × 210 mm at a leaflet's default of 1620 px.
        let (w, h) = image::image_dimensions(&png).unwrap();
        assert_eq!(w, 1620);
        assert!((1145..=1146).contains(&h), "{h}");
        assert!(assert_same_text_boxes(&env.path("l.pdf"), side, &png) > 60);
    }
    // At 1620 px a leaflet code has 3-pixel modules: crisp, and they decode.
    let inside = image::open(env.path("l-2.png")).unwrap().into_luma8();
    let h = inside.height();
    let thirds: Vec<[u32; 4]> = (0..3).map(|i| [i * 540, 0, i * 540 + 540, h]).collect();
    let mut found = decode_regions(&inside, &thirds);
    found.sort();
    let mut expected: Vec<String> = procs
        .iter()
        .map(|p| {
            let url = expected_url_of(Path::new(p));
            url
        })
        .collect();
    expected.sort();
    assert_eq!(found, expected);
}

#[test]
fn card_pngs_are_one_per_procedure_and_each_decodes() {
    let env = Env::new();
    let out = env.toroi(&[
        "cards",
        repo("procedures").to_str().unwrap(),
        "--png",
        "-o",
        "cards",
    ]);
    out.success();
    for p in shipped_procedures() {
        let stem = p.file_stem().unwrap().to_str().unwrap();
        let png = env.path(&format!("cards/{stem}.png"));
        // 85 × 55 mm.
        assert_eq!(image::image_dimensions(&png).unwrap(), (1080, 699));
        let url = expected_url_of(&p);
        assert_eq!(decode_png_qr(&png), vec![url], "{stem}");
    }
}

/// Signs that Noto Sans lacks (≥ → ≈ ≤ − ✓ ① ▪ ►) come from the fallback
/// faces in the PNG as in the PDF: each word that holds one has its ink
/// where poppler draws the PDF's.
#[test]
fn signs_from_the_fallback_faces_draw_in_the_png_where_the_pdf_has_them() {
    let env = Env::new();
    env.write("dau.toml", SIGNS);
    env.toroi(&["poster", "dau.toml", "-o", "dau.pdf"])
        .success();
    env.toroi(&["poster", "dau.toml", "-o", "dau.png"])
        .success();
    let pdf = env.path("dau.pdf");
    let signs: Vec<String> = pdf_words(&pdf, 1)
        .into_iter()
        .map(|(w, _)| w)
        .filter(|w| w.chars().any(|c| "≥→≈≤−✓①▪►".contains(c)))
        .collect();
    assert!(signs.len() >= 9, "{signs:?}");
    assert!(assert_same_text_boxes(&pdf, 1, &env.path("dau.png")) > 20);
}

/// `--phone`: an image laid out for a phone, 1080 × 1350 px, whose code
/// still reads after a chat app scales it to 720 px and recompresses it as
/// a JPEG of quality 70; a width whose modules would be under 3 px is
/// refused with the width that works, and that width works.
#[test]
fn the_phone_image_is_4_by_5_and_its_code_survives_a_chat_app() {
    let env = Env::new();
    let p = repo("procedures/dang-ky-khai-sinh.toml");
    let p = p.to_str().unwrap();
    let out = env.toroi(&["poster", p, "--phone", "-o", "zalo.png"]);
    out.success();
    assert!(
        out.stdout.contains("phone image, 1080 × 1350 px"),
        "{}",
        out.stdout
    );
    let png = env.path("zalo.png");
    assert_eq!(image::image_dimensions(&png).unwrap(), (1080, 1350));
    let url = expected_url_of(Path::new(p));
    let small = image::open(&png)
        .unwrap()
        .resize(720, 900, image::imageops::FilterType::Triangle)
        .to_rgb8();
    let mut bytes = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, 70)
        .encode_image(&small)
        .unwrap();
    let jpeg = env.write("zalo.jpg", bytes);
    assert_eq!(zbar(&jpeg), vec![url.clone()]);
    // The documents it shows, and how many more the code has.
    let out = env.toroi(&["poster", p, "--phone", "--px", "300", "-o", "tiny.png"]);
    out.failure(1);
    let hint = out
        .stderr
        .split("use --px ")
        .nth(1)
        .and_then(|s| s.split_whitespace().next())
        .unwrap_or_else(|| panic!("{}", out.stderr))
        .to_owned();
    assert!(!env.path("tiny.png").exists());
    env.toroi(&["poster", p, "--phone", "--px", &hint, "-o", "ok.png"])
        .success();
    assert_eq!(zbar(&env.path("ok.png")), vec![url]);
}

/// The cap height of the smallest text of the phone image, measured on the
/// image: the ink of each line's first capital (T, G, C…: no mark above
/// it) from its top to the baseline.
#[test]
fn the_phone_image_s_smallest_capitals_are_22_px_tall() {
    use toroi::job::Job;
    use toroi::model::{OutputKind, Size};
    use toroi::scene::Item;
    let env = Env::new();
    let paths = shipped_procedures();
    let procedures: Vec<Procedure> = paths.iter().map(|p| Procedure::load(p).unwrap()).collect();
    let (t, labels) =
        toroi::style::template_for(OutputKind::Png, Size::A4, toroi::model::Lang::Vi, None)
            .unwrap();
    let job = Job::with_template(OutputKind::Png, t, labels, None, procedures).unwrap();
    let mut smallest = f32::MAX;
    let mut measured_at_smallest = f32::MAX;
    for (entry, path) in job.entries.iter().zip(&paths) {
        env.toroi(&["poster", path.to_str().unwrap(), "--phone", "-o", "z.png"])
            .success();
        let img = image::open(env.path("z.png")).unwrap().to_rgb8();
        let page = toroi::layout::phone::phone(&job, entry).unwrap();
        let px = img.width() as f32 / page.width;
        for item in &page.items {
            let Item::Text(run) = item else { continue };
            smallest = smallest.min(run.size);
            let Some(first) = run.text.chars().next().filter(|c| c.is_ascii_uppercase()) else {
                continue;
            };
            let glyph_w = run
                .font
                .font()
                .width(first.encode_utf8(&mut [0; 4]), run.size);
            let baseline = (run.y * px).round() as u32;
            let region = [
                (run.x * px).floor() as u32,
                ((run.y - run.size) * px).floor() as u32,
                ((run.x + glyph_w) * px).ceil() as u32,
                baseline + 1,
            ];
            let ink = harness::ink(&img, region).expect("the capital is drawn");
            let cap = (baseline - ink.top) as f32;
            assert!(cap >= 22.0, "{:?}: capitals {cap} px", run.text);
            if run.size <= smallest + 1e-3 {
                measured_at_smallest = measured_at_smallest.min(run.size);
            }
        }
    }
    assert!(
        (measured_at_smallest - smallest).abs() < 1e-3,
        "a line of the smallest size ({smallest} pt) was measured"
    );
}
