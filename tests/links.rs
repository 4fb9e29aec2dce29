//! Every code opens the live page (issue: the 2026 portal): addresses with
//! Vietnamese letters reach the code in ASCII, a procedure without `url`
//! gets the portal's page for its id or the search for its code, old portal
//! routes are flagged, and the shipped procedures open their 2026 pages.
//! Read back with poppler, rqrr and zbar.

mod harness;

use harness::*;
use std::path::Path;

/// Page 1 of `pdf` as zbar (a phone-like decoder) reads it at `dpi`.
fn zbar_pdf(env: &Env, pdf: &Path, dpi: u32) -> Vec<String> {
    let png = env.path("zbar.png");
    render_page_one(pdf, dpi).save(&png).unwrap();
    zbar(&png)
}

#[test]
fn vietnamese_letters_in_the_path_query_and_host_reach_the_code_as_ascii() {
    let env = Env::new();
    for (name, typed) in [
        (
            "path",
            "https://dichvucong.vinhlong.gov.vn/thủ-tục/đăng-ký-khai-tử?lĩnh_vực=hộ-tịch&mã=1.000656",
        ),
        ("host", "https://xãanbình.vn/thủ-tục/khai-tử"),
    ] {
        env.write(
            &format!("{name}.toml"),
            format!("title = \"Đăng ký khai tử\"\nurl = \"{typed}\"\nsource = \"https://a.vn\"\n"),
        );
        let pdf = env.path(&format!("{name}.pdf"));
        env.poster(&[&format!("{name}.toml"), "-o", pdf.to_str().unwrap()])
            .success();
        // What the URL standard makes of it, by the `url` crate itself.
        let ascii = url::Url::parse(typed).unwrap().to_string();
        assert!(ascii.is_ascii() && ascii.contains('%'), "{ascii}");
        if name == "host" {
            assert!(ascii.starts_with("https://xn--"), "{ascii}");
        }
        assert_eq!(decode_pdf_qr(&pdf, 150), vec![ascii.clone()], "rqrr");
        assert_eq!(zbar_pdf(&env, &pdf, 150), vec![ascii.clone()], "zbar");
        assert_eq!(pdf_links(&pdf), vec![ascii.clone()], "pdfinfo -url");
        // The printed line shows the address as people read it.
        let text = collapse(&pdf_text(&pdf));
        let shown = if name == "host" { "xãanbình.vn" } else { "đăng-ký-khai-tử" };
        assert!(text.contains(shown), "{text}");
    }
}

#[test]
fn without_url_the_code_opens_the_portal_page_or_search_with_a_warning() {
    let env = Env::new();
    let cases = [
        (
            "id",
            "title = \"Đăng ký khai sinh\"\ncode = \"1.001193\"\nformality_id = \"019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7\"\n",
            "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7",
            None,
        ),
        // A code is enough: the national catalogue gives its page, and
        // nothing needs saying.
        (
            "code",
            "title = \"Đăng ký thường trú\"\ncode = \"1.004222\"\n",
            "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bf7-7704-7449-9e95-fe7ebb959aa2",
            None,
        ),
        // A code the catalogue does not know: the search, with a warning.
        (
            "unknown",
            "title = \"Đăng ký thường trú\"\ncode = \"9.004222\"\n",
            "https://dichvucong.gov.vn/tim-kiem-thu-tuc-hanh-chinh?keyword=9.004222",
            Some("unknown.toml:2:8: warning: the national catalogue (July 2026) does not know the code 9.004222: the QR code opens the portal's search for it"),
        ),
        // A title the catalogue matches clearly: its page, with a warning
        // asking to confirm the code.
        (
            "title",
            "title = \"Đăng ký thường trú\"\n",
            "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bf7-7704-7449-9e95-fe7ebb959aa2",
            Some("title.toml:1:9: warning: no code: the title is that of 1.004222 in the national catalogue (Đăng ký thường trú); the QR code opens its page"),
        ),
        // A title it does not know: the search for the title.
        (
            "unmatched",
            "title = \"Xin phép treo băng rôn ngày hội làng\"\n",
            "https://dichvucong.gov.vn/tim-kiem-thu-tuc-hanh-chinh?keyword=Xin+ph%C3%A9p+treo+b%C4%83ng+r%C3%B4n+ng%C3%A0y+h%E1%BB%99i+l%C3%A0ng",
            Some("unmatched.toml:1:9: warning: no code, and the national catalogue has no procedure of this title"),
        ),
        (
            "retired",
            "title = \"Đăng ký kết hôn\"\nurl = \"https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=1.000894\"\n",
            "https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=1.000894",
            Some("retired.toml:2:7: warning: an address from before the portal's 2026 move"),
        ),
        (
            "front",
            "title = \"Cấp bản sao trích lục hộ tịch\"\nurl = \"https://dichvucong.gov.vn/\"\n",
            "https://dichvucong.gov.vn/",
            Some("front.toml:2:7: warning: the QR code opens the front page of dichvucong.gov.vn"),
        ),
    ];
    for (name, text, url, warning) in cases {
        let file = format!("{name}.toml");
        env.write(&file, text);
        let pdf = format!("{name}.pdf");
        let run = env.poster(&[file.as_str(), "-o", &pdf]);
        run.success();
        assert_eq!(
            decode_pdf_qr(&env.path(&pdf), 150),
            vec![url.to_owned()],
            "{name}"
        );
        let check = env.toroi(&["check", &file]);
        check.success();
        for out in [&run.stderr, &check.stderr] {
            match warning {
                Some(w) => assert!(out.contains(w), "{name}: {w}\n{out}"),
                None => assert!(!out.contains("url"), "{name}: {out}"),
            }
        }
        if name == "retired" {
            // The hint gives the new forms.
            assert!(
                check.stderr.contains("formality_id = \"<id>\" from https://dichvucong.gov.vn/thu-tuc-hanh-chinh/<id>")
                    && check.stderr.contains("https://dichvucong.gov.vn/tim-kiem-thu-tuc-hanh-chinh?keyword=1.000894"),
                "{}",
                check.stderr
            );
        }
    }
}

/// The commune's list, read with the csv-free split its simple rows allow:
/// code → formality id.
fn list_ids() -> std::collections::HashMap<String, String> {
    let text = std::fs::read_to_string(repo("examples/xa-vinh-bao/danh-muc-2026.csv")).unwrap();
    text.lines()
        .skip(1)
        .filter_map(|l| {
            let code = l.split(',').next()?.to_owned();
            // The id is the one UUID-shaped field of the row.
            let id = l
                .split(',')
                .find(|f| f.len() == 36 && f.chars().filter(|c| *c == '-').count() == 4)?;
            Some((code, id.to_owned()))
        })
        .collect()
}

#[test]
fn every_shipped_procedure_opens_its_2026_page() {
    let ids = list_ids();
    assert!(ids.len() > 200, "{}", ids.len());
    let env = Env::new();
    let mut searched = Vec::new();
    for p in shipped_procedures() {
        let table: toml::Table = toml::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
        let code = table["code"]
            .as_str()
            .expect("every shipped procedure has its code");
        // The commune's list's id, else the national catalogue's for the code.
        let want = match ids.get(code).cloned().or_else(|| portal_id(code)) {
            Some(id) => format!("https://dichvucong.gov.vn/thu-tuc-hanh-chinh/{id}"),
            None => {
                searched.push(code.to_owned());
                format!("https://dichvucong.gov.vn/tim-kiem-thu-tuc-hanh-chinh?keyword={code}")
            }
        };
        let pdf = env.path("p.pdf");
        env.poster(&[p.to_str().unwrap(), "-o", pdf.to_str().unwrap()])
            .success();
        assert_eq!(decode_pdf_qr(&pdf, 110), vec![want], "{}", p.display());
    }
    // Every one opens its page (đăng ký thường trú, a police procedure not
    // in the commune's list, through the national catalogue).
    assert!(searched.is_empty(), "{searched:?}");
    // And check says nothing about addresses.
    let check = env.toroi(&[
        "check",
        repo("procedures").to_str().unwrap(),
        repo("examples/phuong-1/toroi.toml").to_str().unwrap(),
    ]);
    check.success();
    let warnings: Vec<&str> = check
        .stderr
        .lines()
        .filter(|l| l.contains(": warning: "))
        .collect();
    assert!(warnings.is_empty(), "{}", check.stderr);
    assert!(
        check
            .stdout
            .contains("1 code opens its procedure's page through the national catalogue"),
        "{}",
        check.stdout
    );
}

#[test]
fn signs_of_fees_and_conditions_print() {
    let env = Env::new();
    env.write("dau.toml", SIGNS);
    env.poster(&["dau.toml", "-o", "dau.pdf"]).success();
    let text = collapse(&pdf_text(&env.path("dau.pdf")));
    for sign in [
        "≥", "→", "≈", "≤", "−", "×", "±", "№", "m²", "✓", "①", "▪", "►",
    ] {
        assert!(
            text.contains(sign),
            "{sign} not read back from the PDF: {text}"
        );
    }
    // The fallback faces are embedded subsets too.
    let fonts = pdf_fonts(&env.path("dau.pdf"));
    for face in ["NotoSansMath", "NotoSansSymbols2", "NotoSansSymbols-"] {
        assert!(
            fonts
                .iter()
                .any(|(n, emb, sub)| n.contains(face) && *emb && *sub),
            "{face}: {fonts:?}"
        );
    }
}

/// Printed addresses are for people: the code carries the tracked address;
/// the print shows the portal and the procedure's code, never the tracking.
#[test]
fn printed_addresses_show_the_portal_and_code_never_the_tracking() {
    let env = Env::new();
    let campaign = contact_campaign(&env, "c", "tracking = { utm_source = \"toroi\" }\n");
    let p = repo("procedures/dang-ky-khai-sinh.toml");
    env.toroi(&[
        "poster".as_ref(),
        p.as_os_str(),
        "--campaign".as_ref(),
        campaign.as_os_str(),
        "-o".as_ref(),
        "p.pdf".as_ref(),
    ])
    .success();
    let text = collapse(&pdf_text(&env.path("p.pdf")));
    assert!(text.contains("dichvucong.gov.vn · mã 1.001193"), "{text}");
    assert!(
        !text.contains("utm_source") && !text.contains("https://"),
        "{text}"
    );
    // The code itself still carries the tracked address.
    let codes = decode_pdf_qr(&env.path("p.pdf"), 150);
    assert_eq!(
        codes,
        ["https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7?utm_source=toroi"]
    );
}

/// A procedure linked by a search for its title (no code, no id): every
/// print shows the search as people read it ("dichvucong.gov.vn · tìm: …,
/// …"), never `%2C`, `%XX` or `+`, while the code carries the encoded
/// address and opens the search.
#[test]
fn a_search_address_prints_in_words_and_the_code_carries_it_encoded() {
    let env = Env::new();
    let title = "Cấp giấy xác nhận cho hộ nghèo, cận nghèo ở thôn";
    let text: String = std::fs::read_to_string(repo("procedures/dang-ky-khai-sinh.toml"))
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with("code = ") && !l.starts_with("formality_id = "))
        .map(|l| match l.starts_with("title = ") {
            true => format!("title = \"{title}\""),
            false => l.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("\n");
    env.write("p.toml", text);
    env.poster(&["p.toml", "-o", "p.pdf"]).success();
    let printed = collapse(&pdf_text(&env.path("p.pdf")));
    assert!(
        printed.contains(&format!("dichvucong.gov.vn · tìm: {title}")),
        "{printed}"
    );
    let href = zbar_pdf(&env, &env.path("p.pdf"), 150);
    assert_eq!(href.len(), 1);
    assert!(href[0].starts_with("https://dichvucong.gov.vn/tim-kiem-thu-tuc-hanh-chinh?keyword="));
    assert!(href[0].contains("%2C"), "{}", href[0]);
    for (cmd, out) in [
        ("cards", "c.pdf"),
        ("catalog", "d.pdf"),
        ("handbook", "h.pdf"),
    ] {
        env.toroi(&[cmd, "p.toml", "-o", out]).success();
    }
    for out in ["p.pdf", "c.pdf", "d.pdf", "h.pdf"] {
        let text = pdf_text(&env.path(out));
        assert!(
            !text.contains('%') && !text.contains("keyword"),
            "{out}: {text}"
        );
    }
    env.poster(&["p.toml", "--phone", "-o", "p.png"]).success();
    assert_eq!(zbar(&env.path("p.png")), href);
}

/// The campaign's own address is encoded only where it prints (a
/// handbook's cover, a leaflet's back): one too long for any QR code stops
/// those, with the campaign's file named, and not a poster or a catalogue,
/// which print the procedures' codes alone and open the procedure's page.
#[test]
fn a_campaign_address_too_long_for_a_code_stops_only_what_prints_it() {
    let env = Env::new();
    let long = format!("https://example.org/{}", "a".repeat(2400));
    env.write(
        "toroi.toml",
        format!("[issuer]\nname = \"UBND phường Một\"\n\n[campaign]\nurl = \"{long}\"\n"),
    );
    env.write(
        "p.toml",
        std::fs::read(repo("procedures/dang-ky-khai-sinh.toml")).unwrap(),
    );
    let campaign = ["--campaign", "toroi.toml"];
    for (cmd, out) in [
        ("poster", "p.pdf"),
        ("catalog", "d.pdf"),
        ("cards", "c.pdf"),
    ] {
        env.toroi(&[&[cmd, "p.toml", "-o", out][..], &campaign[..]].concat())
            .success();
        let codes = decode_pdf_qr(&env.path(out), 150);
        assert!(
            !codes.is_empty()
                && codes
                    .iter()
                    .all(|c| c.starts_with("https://dichvucong.gov.vn/thu-tuc-hanh-chinh/")),
            "{out}: {codes:?}"
        );
    }
    for (cmd, out) in [("handbook", "h.pdf"), ("leaflet", "l.pdf")] {
        let run = env.toroi(&[&[cmd, "p.toml", "-o", out][..], &campaign[..]].concat());
        run.failure(1);
        assert!(
            run.stderr.contains("toroi.toml")
                && run.stderr.contains("too long for any QR code")
                && run.stderr.contains("shorter campaign `url`"),
            "{cmd}: {}",
            run.stderr
        );
        assert!(!env.path(out).exists(), "{out} written");
    }
}
