//! End-to-end tests of `toroi handbook` and `toroi build`, read back with
//! poppler (text, QR raster), qpdf (outline, links) and rqrr.

mod harness;

use harness::*;
use std::path::{Path, PathBuf};
use toroi::model::Procedure;

const CAMPAIGN: &str = "examples/phuong-1/toroi.toml";

/// The page (from 1) the contents give for entry `n` (from 1) titled `title`.
fn toc_page(toc: &str, n: usize, title: &str) -> usize {
    let entry = format!("{n}. {title}");
    let at = toc
        .find(&entry)
        .unwrap_or_else(|| panic!("no `{entry}` in the contents: {toc}"));
    let rest = toc[at + entry.len()..].trim_start_matches([' ', '.']);
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits
        .parse()
        .unwrap_or_else(|_| panic!("no page number after `{entry}`: {rest}"))
}

fn handbook(env: &Env, args: &[&str]) -> PathBuf {
    let mut all = vec!["handbook"];
    all.extend(args);
    env.toroi(&all).success();
    env.path(args[args.iter().position(|a| *a == "-o").unwrap() + 1])
}

#[test]
fn handbook_contents_outline_qr_codes_and_page_numbers_agree() {
    let env = Env::new();
    let procedures = repo("procedures");
    let campaign = contact_campaign(&env, "c", "");
    let pdf = handbook(
        &env,
        &[
            procedures.to_str().unwrap(),
            "--campaign",
            campaign.to_str().unwrap(),
            "-o",
            "out/cam-nang.pdf",
        ],
    );
    let (n, w, h) = pdf_pages_and_size(&pdf);
    assert_eq!((w.round(), h.round()), (420.0, 595.0), "A5 portrait");
    let texts = pdf_page_texts(&pdf);
    assert_eq!(texts.len(), n);
    let shipped: Vec<Procedure> = shipped_procedures()
        .iter()
        .map(|p| Procedure::load(p).unwrap())
        .collect();

    // Cover: issuer, campaign title and slogan; no page number.
    assert!(
        texts[0].contains("ỦY BAN NHÂN DÂN PHƯỜNG 1"),
        "{}",
        texts[0]
    );
    assert!(texts[0].contains("Cẩm nang thủ tục hành chính"));
    assert!(texts[0].contains("Quét mã để tìm hiểu và nộp hồ sơ trực tuyến"));
    // Back cover: the contacts.
    let back = &texts[n - 1];
    assert!(
        back.contains(TEST_HOTLINE) && back.contains("Đường 20/8"),
        "{back}"
    );
    // Page numbers on every page but the covers, where poppler reads them last.
    for (i, text) in texts.iter().enumerate() {
        let number = format!(" {}", i + 1);
        let covers = i == 0 || i == n - 1;
        assert_eq!(!covers, text.ends_with(&number), "page {}: {text}", i + 1);
    }

    // The contents give each procedure's page; its title is on that page
    // (and not on the page before, unless that is the contents).
    let toc = &texts[1];
    assert!(toc.contains("MỤC LỤC"));
    let mut starts = Vec::new();
    for (i, p) in shipped.iter().enumerate() {
        let page = toc_page(toc, i + 1, &p.title.value);
        assert!(
            texts[page - 1].contains(&p.title.value),
            "{} not on page {page}",
            p.title.value
        );
        if page > 3 {
            assert!(
                !texts[page - 2].contains(&p.title.value),
                "{} starts before page {page}",
                p.title.value
            );
        }
        starts.push(page);
    }
    // In order; sections share pages, so two may start on the same one.
    assert!(starts.windows(2).all(|w| w[0] <= w[1]), "{starts:?}");

    // One bookmark per procedure, to the same pages.
    let outline = pdf_outline(&pdf);
    let expected: Vec<(String, usize)> = shipped
        .iter()
        .map(|p| p.title.value.clone())
        .zip(starts.clone())
        .collect();
    assert_eq!(outline, expected);

    // Contents entries link to their pages, in order.
    let links = pdf_goto_links(&pdf);
    let targets: Vec<usize> = links.iter().filter(|l| l.0 == 2).map(|l| l.2).collect();
    assert_eq!(targets, starts);

    // Every QR code decodes to its procedure's URL (the example campaign adds
    // no tracking to portal links), on the procedure's first page; the
    // cover's to the portal.
    // 200 dpi: rqrr misses some 0.63 mm modules at 150 dpi (3.7 px), a phone does not.
    let codes = decode_pdf_qr_pages(&pdf, 200);
    assert_eq!(codes.len(), n);
    assert_eq!(codes[0], vec!["https://dichvucong.gov.vn/".to_owned()]);
    for (p, start) in shipped.iter().zip(&starts) {
        // Sections share pages: others' codes may be there too.
        assert!(
            codes[start - 1].contains(&expected_url_of(p.path())),
            "page {start}: {:?}",
            codes[start - 1]
        );
    }
    let total: usize = codes.iter().map(Vec::len).sum();
    assert_eq!(total, shipped.len() + 1, "no other codes: {codes:?}");
    // And each is a clickable link to the same address.
    let uris = pdf_links(&pdf);
    for p in &shipped {
        assert!(uris.contains(&expected_url_of(p.path())), "{uris:?}");
    }
    let fonts = pdf_fonts(&pdf);
    assert!(fonts.iter().all(|(_, emb, sub)| *emb && *sub), "{fonts:?}");
}

#[test]
fn a4_handbook_with_english_labels() {
    let env = Env::new();
    let p = repo("procedures/dang-ky-khai-sinh.toml");
    let pdf = handbook(
        &env,
        &[
            p.to_str().unwrap(),
            "--size",
            "a4",
            "--lang",
            "en",
            "-o",
            "en.pdf",
        ],
    );
    let (_, w, h) = pdf_pages_and_size(&pdf);
    assert_eq!((w.round(), h.round()), (595.0, 842.0));
    let text = pdf_text(&pdf);
    for label in [
        "CONTENTS",
        "DOCUMENTS TO SUBMIT",
        "STEPS",
        "Scan the code for details",
        "Handbook of administrative procedures",
    ] {
        assert!(text.contains(label), "{label} missing: {text}");
    }
    assert!(
        text.contains("Đăng ký khai sinh"),
        "the procedure's own text stays as written"
    );
    assert!(!text.contains("Thành phần hồ sơ"));
    assert_eq!(decode_pdf_qr(&pdf, 110).len(), 2);
}

/// A procedure with many documents flows over pages: the heading comes
/// back with "(tiếp)", nothing is lost, no heading ends a page.
#[test]
fn a_long_section_flows_onto_continued_pages_without_losing_a_line() {
    let env = Env::new();
    let documents: Vec<String> = (1..=45)
        .map(|i| format!("Giấy tờ số {i}: bản sao có chứng thực hoặc bản chính để đối chiếu, kèm theo tờ khai theo mẫu"))
        .collect();
    let list = documents
        .iter()
        .map(|d| format!("\"{d}\""))
        .collect::<Vec<_>>()
        .join(",\n  ");
    env.write(
        "dai.toml",
        format!(
            "title = \"Thủ tục có rất nhiều giấy tờ\"\nurl = \"https://dichvucong.gov.vn/p/x?ma=1\"\ndocuments = [\n  {list}\n]\nsteps = [\"Nộp hồ sơ.\", \"Nhận kết quả.\"]\n"
        ),
    );
    let pdf = handbook(&env, &["dai.toml", "-o", "dai.pdf"]);
    let texts = pdf_page_texts(&pdf);
    let section: Vec<&String> = texts[2..texts.len() - 1].iter().collect();
    assert!(section.len() >= 3, "{} section pages", section.len());
    for page in &section[1..] {
        assert!(
            page.starts_with("Cẩm nang thủ tục hành chính Thủ tục có rất nhiều giấy tờ (tiếp)"),
            "{page}"
        );
    }
    let all = texts.join(" ");
    for d in &documents {
        assert_eq!(
            all.matches(&format!("{d} ")).count() + all.matches(&format!("{d}\n")).count(),
            1,
            "{d}"
        );
    }
    for page in &section {
        // Before the page number, the last words are never a heading.
        let body = page.rsplit_once(' ').unwrap().0;
        assert!(
            !body.ends_with("THÀNH PHẦN HỒ SƠ") && !body.ends_with("TRÌNH TỰ THỰC HIỆN"),
            "{page}"
        );
    }
}

/// Which page of the handbook each half of each booklet side shows, found
/// by comparing texts: (left, right), pages from 1, 0 for a blank.
fn booklet_halves(book: &Path, flat: &Path) -> Vec<(usize, usize)> {
    let pages = pdf_page_texts(flat);
    let (sides, w, h) = pdf_pages_and_size(book);
    let find = |text: String| -> usize {
        if text.is_empty() {
            return 0;
        }
        1 + pages
            .iter()
            .position(|p| *p == text)
            .unwrap_or_else(|| panic!("unknown half: {text}"))
    };
    (1..=sides)
        .map(|s| {
            let left = pdf_region_text(book, s, 0.0, 0.0, w / 2.0, h);
            let right = pdf_region_text(book, s, w / 2.0, 0.0, w / 2.0, h);
            (find(left), find(right))
        })
        .collect()
}

#[test]
fn booklet_sides_follow_the_saddle_stitch_order_for_8_12_and_20_pages() {
    let env = Env::new();
    let shipped = shipped_procedures();
    // A page per shipped procedure (two for the birth registration, the
    // fourth), plus cover, contents and back cover: 5, 10 and 19 pages.
    for (count, pages) in [(2, 8), (6, 12), (14, 20)] {
        let dir = format!("p{count}");
        for i in 0..count {
            let src = &shipped[i % shipped.len()];
            // Copies get their own code: two files with one code are refused.
            let text = with_code(&std::fs::read_to_string(src).unwrap(), &format!("9.{i:06}"));
            env.write(&format!("{dir}/{i:02}.toml"), text);
        }
        let flat = handbook(&env, &[&dir, "-o", &format!("{dir}.pdf")]);
        let out = env.toroi(&[
            "handbook",
            &dir,
            "--booklet",
            "-o",
            &format!("{dir}-in.pdf"),
        ]);
        out.success();
        let book = env.path(&format!("{dir}-in.pdf"));
        let (raw, _, _) = pdf_pages_and_size(&flat);
        assert_eq!(
            raw.div_ceil(4) * 4,
            pages,
            "the test expects a {pages}-page booklet from {count} procedures"
        );
        let (sides, w, h) = pdf_pages_and_size(&book);
        assert_eq!((w.round(), h.round()), (842.0, 595.0), "A4 landscape");
        assert_eq!(sides * 2, pages);
        assert!(
            out.stdout.contains(&format!("{} sheets", pages / 4))
                && out.stdout.to_lowercase().contains("flip on the short edge"),
            "{}",
            out.stdout
        );

        // Padded page p (from 1) shows handbook page p, except that the
        // blanks go before the back cover, which stays last.
        let shown = |p: usize| -> usize {
            if p == pages {
                raw
            } else if p < raw {
                p
            } else {
                0
            }
        };
        let expected: Vec<(usize, usize)> = (1..=pages / 4)
            .flat_map(|i| [(pages - 2 * i + 2, 2 * i - 1), (2 * i, pages - 2 * i + 1)])
            .map(|(l, r)| (shown(l), shown(r)))
            .collect();
        assert_eq!(booklet_halves(&book, &flat), expected, "{pages} pages");
        // The first side holds the last page and the first.
        assert_eq!(expected[0], (raw, 1));
        assert_eq!(decode_pdf_qr(&book, 200).len(), count + 1);
    }
}

/// The example campaign, copied with the procedures it names.
fn example(env: &Env) -> PathBuf {
    for p in shipped_procedures() {
        env.write(
            &format!("procedures/{}", p.file_name().unwrap().to_str().unwrap()),
            std::fs::read(&p).unwrap(),
        );
    }
    env.write(
        "examples/phuong-1/logo.png",
        std::fs::read(repo("examples/phuong-1/logo.png")).unwrap(),
    );
    env.write(
        "examples/phuong-1/toroi.toml",
        std::fs::read(repo(CAMPAIGN)).unwrap(),
    )
}

#[test]
fn build_writes_every_output_of_the_example_campaign() {
    let env = Env::new();
    example(&env);
    let out = env.toroi(&["build", "examples/phuong-1/toroi.toml"]);
    out.success();
    let dir = env.path("examples/phuong-1/out");
    for p in shipped_procedures() {
        let stem = p.file_stem().unwrap().to_str().unwrap();
        let poster = dir.join(format!("posters/{stem}.pdf"));
        assert!(out.stdout.contains(&format!(
            "wrote {}",
            Path::new("examples/phuong-1/out/posters")
                .join(format!("{stem}.pdf"))
                .display()
        )));
        assert_eq!(pdf_pages_and_size(&poster).0, 1);
        let url = expected_url_of(&p);
        assert_eq!(decode_pdf_qr(&poster, 110), vec![url.clone()]);
    }
    let flat = dir.join("cam-nang.pdf");
    let book = dir.join("cam-nang-in.pdf");
    let (pages, _, _) = pdf_pages_and_size(&flat);
    let (sides, _, _) = pdf_pages_and_size(&book);
    assert_eq!(sides, pages.div_ceil(4) * 2);
    // The cards, the poster images for Zalo and the leaflet.
    assert_eq!(pdf_pages_and_size(&dir.join("the-qr.pdf")).0, 1);
    for p in shipped_procedures() {
        let stem = p.file_stem().unwrap().to_str().unwrap();
        let url = expected_url_of(&p);
        let png = dir.join(format!("zalo/{stem}.png"));
        // Laid out for a phone: the 4:5 portrait chat apps show whole.
        assert_eq!(image::image_dimensions(&png).unwrap(), (1080, 1350));
        assert_eq!(decode_png_qr(&png), vec![url.clone()]);
    }
    // The leaflet has the four procedures its output lists, not all six.
    let leaflet = dir.join("to-gap.pdf");
    let (sides, w, h) = pdf_pages_and_size(&leaflet);
    assert_eq!((sides, w.round(), h.round()), (2, 842.0, 595.0));
    let inside = &pdf_page_texts(&leaflet)[1];
    for title in [
        "Đăng ký khai sinh",
        "Đăng ký kết hôn",
        "Cấp Giấy xác nhận tình trạng hôn nhân",
    ] {
        assert!(inside.contains(title), "{title}: {inside}");
    }
    assert!(!inside.contains("Đăng ký thường trú"), "{inside}");
    assert!(
        out.stdout.contains("built 6 outputs") && out.stdout.contains("16 files"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("flip on the SHORT edge"));
    // Running it again replaces the files and leaves no temporary ones.
    env.toroi(&["build", "examples/phuong-1/toroi.toml"])
        .success();
    let names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 6, "{names:?}");
}

#[test]
fn build_with_one_broken_procedure_writes_the_other_outputs_and_fails() {
    let env = Env::new();
    let campaign = example(&env);
    env.write(
        "procedures/zz-hong.toml",
        "title = \"Thủ tục hỏng\"\nurl = \"https://a.vn/x\"\ndocumnets = [\"Tờ khai\"]\n",
    );
    let out = env.toroi(&["build", campaign.to_str().unwrap()]);
    out.failure(1);
    assert!(
        out.stderr.contains("zz-hong.toml:3:1") && out.stderr.contains("did you mean `documents`"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("the handbook") && out.stderr.contains("was not written"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("3 of 6 outputs failed and 1 procedure file has errors"),
        "{}",
        out.stderr
    );
    let dir = env.path("examples/phuong-1/out");
    // Every good procedure still has its poster; no handbook from a partial list.
    for p in shipped_procedures() {
        let stem = p.file_stem().unwrap().to_str().unwrap();
        assert_eq!(
            pdf_pages_and_size(&dir.join(format!("posters/{stem}.pdf"))).0,
            1
        );
    }
    assert!(!dir.join("posters/zz-hong.pdf").exists());
    assert!(!dir.join("cam-nang.pdf").exists() && !dir.join("cam-nang-in.pdf").exists());
    // Nor a sheet of cards one card short.
    assert!(!dir.join("the-qr.pdf").exists());
    // The leaflet lists its own procedures, all good: it is written.
    assert_eq!(pdf_pages_and_size(&dir.join("to-gap.pdf")).0, 2);
}

#[test]
fn a_campaign_template_file_overrides_labels_and_lang_switches_language() {
    let env = Env::new();
    env.write(
        "p/a.toml",
        std::fs::read(repo("procedures/dang-ky-ket-hon.toml")).unwrap(),
    );
    env.write(
        "mau.toml",
        "margin = 16\n[labels]\ndocuments = \"Giấy tờ cần mang theo\"\n",
    );
    env.write(
        "toroi.toml",
        "[campaign]\ntitle = \"Sổ tay thủ tục\"\nprocedures = [\"p\"]\n[[output]]\nkind = \"handbook\"\ntemplate = \"mau.toml\"\nfile = \"vi.pdf\"\n",
    );
    env.toroi(&["build"]).success();
    let text = pdf_text(&env.path("vi.pdf"));
    assert!(
        text.contains("GIẤY TỜ CẦN MANG THEO") && text.contains("TRÌNH TỰ THỰC HIỆN"),
        "{text}"
    );
    assert!(text.contains("Sổ tay thủ tục"));

    env.write("toroi.toml", "[campaign]\nlang = \"en\"\nprocedures = [\"p\"]\n[[output]]\nkind = \"poster\"\nfile = \"posters\"\n");
    env.toroi(&["build"]).success();
    assert!(pdf_text(&env.path("posters/a.pdf")).contains("DOCUMENTS TO SUBMIT"));

    env.write("mau.toml", "[labels]\ndocumets = \"x\"\n");
    env.write("toroi.toml", "[campaign]\nprocedures = [\"p\"]\n[[output]]\nkind = \"handbook\"\ntemplate = \"mau.toml\"\nfile = \"x.pdf\"\n");
    let out = env.toroi(&["build"]);
    out.failure(1);
    assert!(
        out.stderr.contains("mau.toml:2:1")
            && out.stderr.contains("`labels.documets`")
            && out.stderr.contains("`documents`"),
        "{}",
        out.stderr
    );
    assert!(!env.path("x.pdf").exists());
}

/// Paper is money: a real list's 255 short procedures (a title, a code and
/// an address each) take at most one page per three, plus the contents;
/// short sections share pages, the code beside the title.
#[test]
fn a_handbook_of_a_real_list_takes_a_page_per_three_procedures_at_most() {
    let env = Env::new();
    let list = repo("examples/xa-vinh-bao/danh-muc-2026.csv");
    let pdf = handbook(&env, &[list.to_str().unwrap(), "-o", "ds.pdf"]);
    let texts = pdf_page_texts(&pdf);
    let first_section = texts
        .iter()
        .position(|t| t.contains("Mã thủ tục:"))
        .expect("a section");
    let sections = texts.len() - first_section - 1;
    assert!(
        sections <= 255usize.div_ceil(3),
        "{sections} pages of sections for 255 procedures"
    );
    // Every procedure is there, each code once.
    let all = texts.join(" ");
    for line in std::fs::read_to_string(&list).unwrap().lines().skip(1) {
        let code = line.split(',').next().unwrap();
        assert!(all.contains(&format!("Mã thủ tục: {code} ")), "{code}");
    }
}

#[test]
fn the_a5_handbook_of_the_shipped_procedures_fills_its_pages() {
    let env = Env::new();
    let procedures = repo("procedures");
    let pdf = handbook(&env, &[procedures.to_str().unwrap(), "-o", "a5.pdf"]);
    let texts = pdf_page_texts(&pdf);
    let n = texts.len();
    assert!(n <= 10, "{n} pages");
    let shipped: Vec<Procedure> = shipped_procedures()
        .iter()
        .map(|p| Procedure::load(p).unwrap())
        .collect();
    // A page continues a section when it opens with "<title> (tiếp)"
    // under the running header.
    let header = texts[1].split(" MỤC LỤC").next().unwrap().to_owned();
    let continues = |i: usize| {
        texts.get(i).is_some_and(|t| {
            t.strip_prefix(&header).is_some_and(|rest| {
                shipped.iter().any(|p| {
                    rest.trim_start()
                        .starts_with(&format!("{} (tiếp)", p.title.value))
                })
            })
        })
    };
    assert!(
        (0..n).any(continues),
        "the test must see a continued section"
    );
    // Each page's fill: from the top of its content (under the running
    // header) to the lowest word above the page number, over the room
    // between the header and the number.
    let fill = |page: usize| {
        let words = pdf_words(&pdf, page);
        let (number, rest) = words.split_last().unwrap();
        let header_bottom = rest[0].1[3];
        let content: Vec<_> = rest
            .iter()
            .filter(|w| w.1[1] > header_bottom + 2.0)
            .collect();
        let top = content.iter().map(|w| w.1[1]).fold(f32::MAX, f32::min);
        let lowest = content.iter().map(|w| w.1[3]).fold(0.0, f32::max);
        (lowest - top) / (number.1[1] - top)
    };
    // Every page but the covers and a section's last page is at least 40 %
    // full: the contents page included (the scanning guide fills it).
    for (i, text) in texts.iter().enumerate().take(n - 1).skip(1) {
        let last_of_section = i > 1 && !continues(i + 1);
        if last_of_section {
            continue;
        }
        let f = fill(i + 1);
        assert!(
            f >= 0.4,
            "page {} is {:.0} % full: {}",
            i + 1,
            f * 100.0,
            text
        );
    }
    // No list of four items or fewer is split across a page turn: one
    // page holds the start of every item.
    let start = |text: &str| {
        text.split_whitespace()
            .take(6)
            .collect::<Vec<_>>()
            .join(" ")
    };
    for p in &shipped {
        for list in [&p.documents, &p.steps] {
            if list.len() > 4 {
                continue;
            }
            assert!(
                (2..n).any(|i| list.iter().all(|e| texts[i].contains(&start(&e.value)))),
                "{}: a list split across pages",
                p.title.value
            );
        }
    }
}

#[test]
fn a_code_that_does_not_read_back_stops_build_proof_and_nothing_is_written() {
    let env = Env::new();
    let campaign = env.write(
        "c/toroi.toml",
        format!(
            "procedures = [{:?}]\n[[output]]\nkind = \"poster\"\nfile = \"out/posters\"\n",
            repo("procedures/dang-ky-ket-hon.toml")
        ),
    );
    // The test hook covers the middle of every code before the read-back,
    // as an item laid over it by mistake would.
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_toroi"))
        .env("TOROI_LANG", "en")
        .args(["build", "--proof"])
        .arg(&campaign)
        .env("TOROI_TEST_SPOIL_CODES", "1")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("the QR code of Đăng ký kết hôn")
            && stderr.contains("dang-ky-ket-hon.toml")
            && stderr.contains("on page 1 does not read back"),
        "{stderr}"
    );
    // No file, not even a temporary one (the folder may have been made).
    let files: Vec<_> = walk(&env.path("c/out"));
    assert!(files.is_empty(), "nothing written: {files:?}");
    // Without the spoiling, the same build proofs and writes the poster.
    let out = env.toroi(&["build", "--proof", campaign.to_str().unwrap()]);
    out.success();
    // And says what it checked.
    assert!(
        out.stdout
            .contains("read back 1 QR code: it opens its address"),
        "{}",
        out.stdout
    );
    assert_eq!(
        decode_pdf_qr(&env.path("c/out/posters/dang-ky-ket-hon.pdf"), 150).len(),
        1
    );
}

/// Every file under `dir` (none when it does not exist).
fn walk(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .flatten()
        .flat_map(|e| {
            let p = e.path();
            if p.is_dir() {
                walk(&p)
            } else {
                vec![p]
            }
        })
        .collect()
}

#[test]
fn a_section_starts_on_a_page_only_with_its_first_block() {
    // Forty civil-status procedures as `toroi new` writes them from the
    // portal's records: their heads used to end a page with their facts
    // opening the next one under "(tiếp)".
    let env = Env::new();
    let details = repo("../shared/data/portal-details-2026-07.jsonl");
    let codes: Vec<String> = std::fs::read_to_string(details)
        .unwrap()
        .lines()
        .filter(|l| l.contains("\"name\": \"Hộ tịch\""))
        .filter_map(|l| l.split("\"code\": \"").nth(1))
        .map(|rest| rest.split('"').next().unwrap().to_owned())
        .take(40)
        .collect();
    assert!(codes.len() >= 30, "{codes:?}");
    let mut args = vec!["new".to_owned()];
    args.extend(codes);
    args.extend(["-o".to_owned(), "thu-tuc".to_owned()]);
    env.toroi(&args).success();
    let book = handbook(&env, &["thu-tuc", "--size", "a5", "-o", "book.pdf"]);
    let titles: Vec<String> = std::fs::read_dir(env.path("thu-tuc"))
        .unwrap()
        .map(|e| {
            let table: toml::Table = std::fs::read_to_string(e.unwrap().path())
                .unwrap()
                .parse()
                .unwrap();
            collapse(table["title"].as_str().unwrap())
        })
        .collect();
    let pages: Vec<String> = pdf_page_texts(&book).iter().map(|p| collapse(p)).collect();
    // What opens a section's first block: a fact's label or a list's heading.
    let firsts = [
        "thời hạn giải quyết",
        "phí, lệ phí",
        "cơ quan thực hiện",
        "mức độ",
        "cách thức thực hiện",
        "kết quả",
        "thành phần hồ sơ",
        "trình tự thực hiện",
    ];
    let mut checked = 0;
    for (i, page) in pages.iter().enumerate() {
        let on_page: Vec<&String> = titles
            .iter()
            .filter(|t| page.contains(t.as_str()))
            .collect();
        // The contents pages list many titles; a section page starts a few.
        if on_page.len() > 6 {
            continue;
        }
        for title in on_page {
            // Every place the title is on the page (a longer title may hold
            // a shorter one) but a repeat "(tiếp)" heads what follows it.
            for (at, _) in page.match_indices(title.as_str()) {
                let after = page[at + title.len()..].to_lowercase();
                if after.trim_start().starts_with("(tiếp)") {
                    continue;
                }
                assert!(
                    firsts.iter().any(|f| after.contains(f)),
                    "page {}: {title:?} starts there without its facts or first list:\n{page}",
                    i + 1
                );
                checked += 1;
            }
        }
    }
    assert!(checked >= 30, "{checked} section heads checked");
}
