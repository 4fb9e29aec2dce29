//! The catalogue for the notice board (issue: a commune's whole list), read
//! back with poppler and zbar: the real list of xã Vĩnh Bảo (255 rows) has
//! one row per procedure, every title once, every code opening its page,
//! a field index that points at each field's band, no band at a page's
//! foot; A3 holds more rows per page than A4; a generated list of 330 long
//! titles prints with right page numbers; grouped handbooks list fields.

mod harness;

use harness::*;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

const LIST: &str = "examples/xa-vinh-bao/danh-muc-2026.csv";
const CAMPAIGN: &str = "examples/xa-vinh-bao/toroi.toml";

/// The list's rows: (code, title, field, formality id), as the csv crate
/// reads them.
fn rows() -> Vec<(String, String, String, String)> {
    let mut r = csv::Reader::from_path(repo(LIST)).unwrap();
    r.records()
        .map(|r| {
            let r = r.unwrap();
            (
                r[0].to_owned(),
                r[1].to_owned(),
                r[2].to_owned(),
                r[3].to_owned(),
            )
        })
        .collect()
}

/// The address a row's code must open: its portal page (its own id, else
/// the one the national catalogue gives its code), or the search for its
/// code (README: "Linking to the national portal").
fn address(code: &str, id: &str) -> String {
    match (id.is_empty(), portal_id(code)) {
        (false, _) => format!("https://dichvucong.gov.vn/thu-tuc-hanh-chinh/{id}"),
        (true, Some(id)) => format!("https://dichvucong.gov.vn/thu-tuc-hanh-chinh/{id}"),
        (true, None) => {
            format!("https://dichvucong.gov.vn/tim-kiem-thu-tuc-hanh-chinh?keyword={code}")
        }
    }
}

fn catalog(env: &Env, size: &str, out: &str) -> PathBuf {
    env.toroi(&[
        "catalog".as_ref(),
        repo(LIST).as_os_str(),
        "--campaign".as_ref(),
        repo(CAMPAIGN).as_os_str(),
        "--size".as_ref(),
        size.as_ref(),
        "-o".as_ref(),
        out.as_ref(),
    ])
    .success();
    env.path(out)
}

/// The QR codes on every page, read by zbar from the column of codes cut
/// out of each page (one decoder run on a whole page misses some).
fn codes(pdf: &Path, page_mm: (f32, f32), margin_mm: f32) -> Vec<String> {
    let (pages, _, _) = pdf_pages_and_size(pdf);
    let dpi = 200.0;
    let px = |mm: f32| (mm / 25.4 * dpi).round() as u32;
    let (w, h) = (px(page_mm.0), px(page_mm.1));
    let dir = tempfile::tempdir().unwrap();
    let mut found = Vec::new();
    for page in 1..=pages {
        let img = render_page_to(pdf, page, w, h);
        let x = px(page_mm.0 - margin_mm - 34.0);
        let strip = image::imageops::crop_imm(&img, x, 0, w - x, h).to_image();
        let file = dir.path().join(format!("strip-{page}.png"));
        strip.save(&file).unwrap();
        found.extend(zbar(&file));
    }
    found
}

#[test]
fn the_real_list_has_one_row_per_procedure_every_title_once_and_every_code_opens_its_page() {
    let env = Env::new();
    let pdf = catalog(&env, "a4", "danh-muc.pdf");
    let rows = rows();
    let text = collapse(&pdf_text(&pdf));
    for (code, title, _, _) in &rows {
        // The title then its code: one row each, its whole title printed.
        let row = collapse(&format!(". {title} Mã thủ tục: {code}"));
        assert_eq!(text.matches(&row).count(), 1, "{row}");
    }
    let decoded = codes(&pdf, (210.0, 297.0), 12.0);
    let expected: BTreeSet<String> = rows.iter().map(|(c, _, _, id)| address(c, id)).collect();
    let got: BTreeSet<String> = decoded.iter().cloned().collect();
    let missing: Vec<&String> = expected.difference(&got).collect();
    assert!(
        missing.is_empty(),
        "{} codes not read: {missing:?}",
        missing.len()
    );
    assert!(got.is_subset(&expected), "{:?}", got.difference(&expected));
    assert_eq!(decoded.len(), rows.len(), "one code per row");
}

#[test]
fn the_field_index_points_at_each_band_and_no_band_ends_a_page() {
    let env = Env::new();
    let pdf = catalog(&env, "a4", "danh-muc.pdf");
    let texts: Vec<String> = (1..=pdf_pages_and_size(&pdf).0)
        .map(|p| {
            let out = std::process::Command::new("pdftotext")
                .args(["-raw", "-f", &p.to_string(), "-l", &p.to_string()])
                .arg(&pdf)
                .arg("-")
                .output()
                .unwrap();
            String::from_utf8_lossy(&out.stdout).into_owned()
        })
        .collect();
    let fields: BTreeSet<String> = rows().iter().map(|r| r.2.to_lowercase()).collect();
    let outline = pdf_outline(&pdf);
    assert_eq!(outline.len(), fields.len(), "a bookmark per field");
    // The index on page 1: "8. Văn hóa ........ 14" per field.
    let index: std::collections::BTreeMap<String, usize> = texts[0]
        .lines()
        .filter_map(|l| {
            let (head, page) = l.rsplit_once(' ')?;
            let page = page.parse().ok()?;
            let name = head.trim_end_matches(['.', ' ']).split_once(". ")?.1;
            l.contains("...").then(|| (name.to_owned(), page))
        })
        .collect();
    assert_eq!(index.len(), fields.len(), "{index:?}");
    for (name, page) in &outline {
        // The band is on the page the index gives.
        let band = format!("{} ", name.to_uppercase());
        assert!(
            texts[page - 1]
                .lines()
                .any(|l| l.starts_with(&band) && l.ends_with("thủ tục")),
            "{name}: no band on page {page}"
        );
        // Long names are shortened in the index's column ("…").
        let listed = index.iter().find(|(n, _)| {
            *n == name || (n.ends_with('…') && name.starts_with(n.trim_end_matches('…')))
        });
        assert_eq!(listed.map(|(_, p)| *p), Some(*page), "{name} in the index");
    }
    for (i, text) in texts.iter().enumerate() {
        let lines: Vec<&str> = text.lines().collect();
        let is_band = |l: &str| {
            let upper = l.split(" (tiếp)").next().unwrap_or(l);
            let name: String = upper
                .trim_end_matches(" thủ tục")
                .trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ')
                .to_owned();
            (l.ends_with("(tiếp)") || l.ends_with(" thủ tục"))
                && !name.is_empty()
                && !name.chars().any(|c| c.is_lowercase())
        };
        if let Some(last) = lines.iter().rposition(|l| is_band(l)) {
            assert!(
                lines[last + 1..]
                    .iter()
                    .any(|l| l.starts_with("Mã thủ tục:")),
                "page {} ends with the band {:?}",
                i + 1,
                lines[last]
            );
        }
        // Every page: the issuer, the list's date and its number.
        let last_line = lines
            .iter()
            .find(|l| l.contains("Cập nhật:"))
            .copied()
            .unwrap_or("");
        assert!(
            last_line.starts_with("Trung tâm Phục vụ hành chính công")
                && last_line.contains("Cập nhật: 21/09/2026")
                && last_line.ends_with(&format!("Trang {}/{}", i + 1, texts.len())),
            "page {}: {last_line}",
            i + 1
        );
    }
}

#[test]
fn a3_holds_more_rows_per_page_than_a4() {
    let env = Env::new();
    let a4 = pdf_pages_and_size(&catalog(&env, "a4", "a4.pdf"));
    let a3 = pdf_pages_and_size(&catalog(&env, "a3", "a3.pdf"));
    assert_eq!((a4.1.round(), a4.2.round()), (595.0, 842.0));
    assert_eq!((a3.1.round(), a3.2.round()), (842.0, 1191.0));
    assert!(a3.0 < a4.0, "A3 {} pages, A4 {} pages", a3.0, a4.0);
    // Around 8 to 12 rows on a full A4 page: 255 rows on 22 to 34 pages.
    assert!((22..=34).contains(&a4.0), "{} A4 pages", a4.0);
}

#[test]
fn a_list_of_330_long_titles_prints_with_rows_intact_and_right_page_numbers() {
    let env = Env::new();
    let rows = rows();
    let mut csv = String::from("code,title,field,formality_id\n");
    for i in 0..330 {
        let (code, title, field, id) = &rows[i % rows.len()];
        // Longer titles than any real one but the longest, each its own.
        let long = format!("{title} – bản {i}: {title}");
        let code = if i < rows.len() {
            code.clone()
        } else {
            format!("9.{i:06}")
        };
        csv.push_str(&format!("{code},\"{long}\",\"{field}\",{id}\n"));
    }
    env.write("dai.csv", csv);
    let out = env.toroi(&["catalog", "dai.csv", "-o", "dai.pdf"]);
    out.success();
    let pdf = env.path("dai.pdf");
    let (pages, _, _) = pdf_pages_and_size(&pdf);
    assert!(
        out.stdout.contains(&format!(
            "330 procedures in {} fields, {pages} pages",
            rows.iter()
                .map(|r| r.2.to_lowercase())
                .collect::<BTreeSet<_>>()
                .len()
        )),
        "{}",
        out.stdout
    );
    let texts = pdf_page_texts(&pdf);
    for (i, t) in texts.iter().enumerate() {
        assert!(
            t.contains(&format!("Trang {}/{pages}", i + 1)),
            "page {}",
            i + 1
        );
    }
    // Every row whole: its number, its whole title and its code on one page.
    for i in [0usize, 100, 254, 329] {
        let (_, title, _, _) = &rows[i % rows.len()];
        let long = collapse(&format!("{title} – bản {i}: {title}"));
        assert_eq!(
            texts.iter().filter(|t| t.contains(&long)).count(),
            1,
            "row {i} is not whole on one page"
        );
    }
    // The real list's 919-character title wraps within its row, whole.
    let longest = rows
        .iter()
        .map(|r| &r.1)
        .max_by_key(|t| t.chars().count())
        .unwrap();
    assert!(longest.chars().count() > 900);
    let all = collapse(&texts.join(" "));
    assert!(all.contains(&collapse(longest)));
}

#[test]
fn a_grouped_handbook_lists_the_fields_in_order_and_each_section_sits_under_its_field() {
    let env = Env::new();
    env.toroi(&[
        "handbook".as_ref(),
        repo("procedures").as_os_str(),
        "--group".as_ref(),
        "field".as_ref(),
        "-o".as_ref(),
        "nhom.pdf".as_ref(),
    ])
    .success();
    let pdf = env.path("nhom.pdf");
    let texts = pdf_page_texts(&pdf);
    // The fields of the shipped procedures, in the order they first appear.
    let mut fields: Vec<String> = Vec::new();
    let mut by_field: Vec<(String, String)> = Vec::new();
    for p in shipped_procedures() {
        let t: toml::Table = toml::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
        let f = t["field"].as_str().unwrap().to_owned();
        if !fields.contains(&f) {
            fields.push(f.clone());
        }
        by_field.push((f, t["title"].as_str().unwrap().to_owned()));
    }
    assert!(fields.len() >= 2);
    let contents = &texts[1];
    let at: Vec<usize> = fields
        .iter()
        .map(|f| {
            contents
                .find(&f.to_uppercase())
                .unwrap_or_else(|| panic!("{f} not in the contents"))
        })
        .collect();
    assert!(
        at.windows(2).all(|w| w[0] < w[1]),
        "fields out of order: {at:?}"
    );
    for (f, title) in &by_field {
        // In the contents, the title comes after its field's heading and
        // before the next field's.
        let k = fields.iter().position(|x| x == f).unwrap();
        let pos = contents
            .find(&collapse(title))
            .unwrap_or_else(|| panic!("{title}"));
        assert!(
            pos > at[k] && at.get(k + 1).is_none_or(|n| pos < *n),
            "{title} not under {f}"
        );
    }
    // Each field's first section opens with the field's band.
    // (Every section's kicker names its field after a "·"; the band names
    // it alone.)
    for f in &fields {
        let upper = f.to_uppercase();
        let bands: usize = texts[2..]
            .iter()
            .map(|t| t.matches(&upper).count() - t.matches(&format!("· {upper}")).count())
            .sum();
        assert_eq!(bands, 1, "one band for {f}");
    }
}

#[test]
fn the_list_title_rows_print_under_the_catalogue_title() {
    // An office's XLSX: the letterhead, the list's title and its decision
    // above the header row.
    let env = Env::new();
    let mut sheet = String::new();
    sheet += &harness::row(
        1,
        &[
            ("A1", "UBND XÃ VĨNH BẢO"),
            ("D1", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        ],
    );
    sheet += &harness::row(2, &[("A2", "DANH MỤC THỦ TỤC HÀNH CHÍNH CẤP XÃ NĂM 2026")]);
    sheet += &harness::row(
        3,
        &[("A3", "(Kèm theo Quyết định số 3508/QĐ-UBND ngày 03/9/2026)")],
    );
    sheet += &harness::row(
        5,
        &[("A5", "STT"), ("B5", "Mã TTHC"), ("C5", "Tên thủ tục")],
    );
    sheet += &harness::row(
        6,
        &[
            ("A6", "1"),
            ("B6", "1.001193"),
            ("C6", "Thủ tục đăng ký khai sinh"),
        ],
    );
    sheet += &harness::row(
        7,
        &[("A7", "2"), ("B7", "2.000815"), ("C7", "Chứng thực chữ ký")],
    );
    harness::xlsx(&env.path("danh-muc.xlsx"), &[("DanhMuc", "", sheet)]);
    env.toroi(&["catalog", "danh-muc.xlsx", "-o", "dm.pdf"])
        .success();
    let text = collapse(&pdf_text(&env.path("dm.pdf")));
    let title = text
        .find("DANH MỤC THỦ TỤC HÀNH CHÍNH CẤP XÃ NĂM 2026")
        .expect(&text);
    let decision = text
        .find("(Kèm theo Quyết định số 3508/QĐ-UBND ngày 03/9/2026)")
        .expect(&text);
    let first_row = text.find("Thủ tục đăng ký khai sinh").expect(&text);
    assert!(title < decision && decision < first_row, "{text}");
    // The letterhead is not the list's title.
    assert!(!text.contains("CỘNG HÒA XÃ HỘI"), "{text}");
}
