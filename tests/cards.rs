//! `toroi cards`: ten 85 × 55 mm cards per A4 sheet, each QR code decoding
//! from one 150-dpi render of the sheet.

mod harness;

use harness::*;
use toroi::layout::cards::{CARD_H, CARD_W};
use toroi::model::Procedure;

/// The codes of the first sheet, card by card, from one 150-dpi render.
fn sheet_codes(pdf: &std::path::Path) -> Vec<String> {
    let origin = ((210.0 - 2.0 * CARD_W) / 2.0, (297.0 - 5.0 * CARD_H) / 2.0);
    decode_pdf_qr_cells(pdf, 150, origin, (CARD_W, CARD_H), 2, 5)
}

/// Ten procedures from the shipped six, each with its own code, title and URL.
fn ten(env: &Env) -> Vec<String> {
    let shipped = shipped_procedures();
    (0..10)
        .map(|i| {
            let p = Procedure::load(&shipped[i % shipped.len()]).unwrap();
            let url = format!(
                "{}{}card={i}",
                p.url.value,
                if p.url.value.contains('?') { '&' } else { '?' }
            );
            let text: String = with_code(
                &std::fs::read_to_string(p.path()).unwrap(),
                &format!("9.{i:06}"),
            )
            .lines()
            .filter(|l| !l.starts_with("url =") && !l.starts_with("formality_id ="))
            .map(|l| format!("{l}\n"))
            .chain([format!("url = \"{url}\"\n")])
            .collect();
            env.write(&format!("p/{i:02}.toml"), text);
            url
        })
        .collect()
}

#[test]
fn all_ten_cards_of_a_sheet_decode_from_one_150_dpi_render() {
    let env = Env::new();
    let urls = ten(&env);
    let out = env.toroi(&["cards", "p", "-o", "cards.pdf"]);
    out.success();
    assert!(
        out.stdout.contains("10 QR cards on 1 A4 sheet"),
        "{}",
        out.stdout
    );
    let pdf = env.path("cards.pdf");
    let (pages, w, h) = pdf_pages_and_size(&pdf);
    assert_eq!((pages, w.round(), h.round()), (1, 595.0, 842.0));
    let mut codes = sheet_codes(&pdf);
    codes.sort();
    let mut expected = urls.clone();
    expected.sort();
    assert_eq!(codes, expected);
    let text = pdf_text(&pdf);
    for p in shipped_procedures() {
        let title = Procedure::load(&p).unwrap().title.value;
        let first_words: String = title.split(' ').take(2).collect::<Vec<_>>().join(" ");
        assert!(text.contains(&first_words), "{first_words} missing");
    }
}

#[test]
fn copies_repeat_each_card_and_a_campaign_adds_the_hotline() {
    let env = Env::new();
    let campaign = contact_campaign(&env, "c", "");
    let p = repo("procedures/dang-ky-khai-sinh.toml");
    let out = env.toroi(&[
        "cards",
        p.to_str().unwrap(),
        "--copies",
        "12",
        "--campaign",
        campaign.to_str().unwrap(),
        "-o",
        "c.pdf",
    ]);
    out.success();
    assert!(
        out.stdout.contains("12 QR cards on 2 A4 sheets"),
        "{}",
        out.stdout
    );
    let pdf = env.path("c.pdf");
    let url = expected_url_of(&p);
    let codes = sheet_codes(&pdf);
    assert_eq!(codes.len(), 10);
    assert!(codes.iter().all(|c| *c == url), "{codes:?}");
    let pages = pdf_page_texts(&pdf);
    assert_eq!(pages[0].matches(TEST_HOTLINE).count(), 10);
    // The last sheet is filled with the cards again, unless --no-fill.
    assert!(
        out.stdout.contains("(+ 8 repeated to fill the last sheet)"),
        "{}",
        out.stdout
    );
    assert_eq!(pages[1].matches(TEST_HOTLINE).count(), 10);
    let out = env.toroi(&[
        "cards",
        p.to_str().unwrap(),
        "--copies",
        "12",
        "--no-fill",
        "--campaign",
        campaign.to_str().unwrap(),
        "-o",
        "n.pdf",
    ]);
    out.success();
    assert!(!out.stdout.contains("repeated"), "{}", out.stdout);
    assert_eq!(
        pdf_page_texts(&env.path("n.pdf"))[1]
            .matches(TEST_HOTLINE)
            .count(),
        2
    );
}

#[test]
fn build_makes_cards_as_another_output_kind() {
    let env = Env::new();
    ten(&env);
    env.write("toroi.toml", "[campaign]\nprocedures = [\"p\"]\n[[output]]\nkind = \"cards\"\nfile = \"out/the-qr.pdf\"\n");
    let out = env.toroi(&["build"]);
    out.success();
    assert_eq!(sheet_codes(&env.path("out/the-qr.pdf")).len(), 10);
    env.toroi(&["check", "toroi.toml"]).success();
}

/// `--copies 10` repeats each card's drawing, not its data: the PDF holds
/// one QR form per distinct card (counted in qpdf's uncompressed file).
#[test]
fn copies_share_one_form_per_distinct_code() {
    let env = Env::new();
    let a = repo("procedures/dang-ky-khai-sinh.toml");
    let b = repo("procedures/dang-ky-ket-hon.toml");
    let out = env.toroi(&[
        "cards",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
        "--copies",
        "10",
        "-o",
        "c.pdf",
    ]);
    out.success();
    let pdf = env.path("c.pdf");
    assert_eq!(pdf_pages_and_size(&pdf).0, 2);
    assert_eq!(sheet_codes(&pdf).len(), 10);
    let text = pdf_uncompressed(&pdf);
    let forms = text.matches("/Subtype /Form").count();
    assert_eq!(forms, 2, "one form per distinct code");
    // Each is drawn ten times.
    assert_eq!(text.matches(" Do").count(), 20, "twenty cards");
}

#[test]
fn a_card_says_what_to_do_under_its_code_and_what_it_leaves_out() {
    let env = Env::new();
    let base = "title = \"Đăng ký khai sinh\"\ncode = \"1.001193\"\nsource = \"https://dichvucong.gov.vn\"\n";
    env.write(
        "p/a.toml",
        format!("{base}summary = \"Cha, mẹ đăng ký khai sinh cho trẻ. Câu thứ hai.\"\n"),
    );
    let long = "Cha, mẹ hoặc người thân đăng ký khai sinh cho trẻ mới sinh tại Ủy ban nhân dân cấp xã nơi cư trú của cha hoặc mẹ trong thời hạn sáu mươi ngày kể từ ngày sinh con mà không phải nộp lệ phí đăng ký";
    env.write(
        "q/b.toml",
        format!(
            "{}summary = \"{long}.\"\n",
            base.replace("1.001193", "1.000894")
        ),
    );
    let out = env.toroi(&["cards", "p", "q", "-o", "the.pdf", "--lang", "vi"]);
    out.success();
    // The second card's summary does not fit: said, at the summary's line.
    assert!(
        out.stderr.contains("q/b.toml:4:")
            && out.stderr.contains("thẻ QR không in câu \"để làm gì\""),
        "{}",
        out.stderr
    );
    assert!(!out.stderr.contains("p/a.toml:4:"), "{}", out.stderr);
    let text = collapse(&pdf_text(&env.path("the.pdf")));
    // The first sentence of the short summary, and the call to action on
    // every card of the sheet (two cards, repeated to fill the ten).
    assert!(text.contains("Cha, mẹ đăng ký khai sinh cho trẻ"), "{text}");
    assert!(!text.contains("Câu thứ hai"), "{text}");
    assert_eq!(
        text.matches("Quét mã để xem và nộp hồ sơ").count(),
        10,
        "{text}"
    );
    // Under the code, and the code still reads.
    let codes = sheet_codes(&env.path("the.pdf"));
    assert_eq!(
        codes.iter().filter(|c| !c.is_empty()).count(),
        10,
        "{codes:?}"
    );
}

#[test]
fn a_card_prints_the_campaign_slogan_under_its_code() {
    let env = Env::new();
    // Its slogan: "Quét mã để tìm hiểu và nộp hồ sơ trực tuyến".
    let campaign = contact_campaign(&env, "c", "");
    let out = env.toroi(&[
        "cards".as_ref(),
        repo("procedures/dang-ky-khai-sinh.toml").as_os_str(),
        "--campaign".as_ref(),
        campaign.as_os_str(),
        "-o".as_ref(),
        "s.pdf".as_ref(),
    ]);
    out.success();
    let text = collapse(&pdf_text(&env.path("s.pdf")));
    assert!(
        text.contains("Quét mã để tìm hiểu và nộp hồ sơ trực tuyến"),
        "{text}"
    );
    assert!(!text.contains("Quét mã để xem và nộp hồ sơ"), "{text}");
}
