//! The national catalogue inside toroi, end to end: lists as provinces
//! write them (titles only, titles worded otherwise, codes only, an old
//! code, a code Excel shortened, a repealed code) are checked and printed,
//! and every printed code is decoded with zbar from poppler's render.

mod harness;

use harness::*;
use std::collections::BTreeMap;
use std::path::Path;

const PAGE: &str = "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/";
const SEARCH: &str = "https://dichvucong.gov.vn/tim-kiem-thu-tuc-hanh-chinh?keyword=";

/// Every code of every page of a PDF, as zbar reads poppler's 200 dpi render.
fn zbar_pages(env: &Env, pdf: &Path) -> Vec<String> {
    let (pages, _, _) = pdf_pages_and_size(pdf);
    let mut found = Vec::new();
    for page in 1..=pages {
        let prefix = env.path(&format!("zbar-{page}"));
        let status = std::process::Command::new("pdftoppm")
            .args([
                "-r",
                "200",
                "-gray",
                "-png",
                "-singlefile",
                "-f",
                &page.to_string(),
                "-l",
                &page.to_string(),
            ])
            .arg(pdf)
            .arg(&prefix)
            .status()
            .unwrap();
        assert!(status.success());
        found.extend(zbar(&prefix.with_extension("png")));
    }
    found
}

/// The warnings of a run, each as one block of text (its message and the
/// candidates listed under it).
fn warnings(stderr: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in stderr.lines() {
        if line.contains(": warning: ") || line.contains(": error: ") {
            out.push(line.to_owned());
        } else if line.starts_with("  ")
            && line
                .trim_start()
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_digit())
        {
            if let Some(last) = out.last_mut() {
                last.push('\n');
                last.push_str(line);
            }
        }
    }
    out
}

/// The codes a candidates warning lists, in order.
fn candidates(warning: &str) -> Vec<String> {
    warning
        .lines()
        .skip(1)
        .filter_map(|l| {
            l.trim()
                .split_once(". ")
                .map(|(_, rest)| rest.split(' ').next().unwrap_or("").to_owned())
        })
        .collect()
}

/// A hộ tịch list as a province publishes it: titles only, some exactly
/// the portal's, some worded otherwise; then codes only, an old code, a
/// code Excel shortened and a code with the id of another procedure.
const TITLES: &[(&str, &str)] = &[
    // (title as the list writes it, the code it means)
    ("Đăng ký khai sinh", "1.001193"),
    ("Thủ tục đăng ký kết hôn", "1.000894"),
    ("ĐĂNG KÝ KHAI TỬ", "1.000656"),
    ("Đăng ký nhận cha, mẹ, con", "1.001022"),
    ("Đăng ký giám hộ", "1.004837"),
    ("Thủ tục đăng ký lại khai sinh", "1.004884"),
    ("Xóa đăng ký thường trú", "1.003197"),
    // A word broken by a PDF copy, and "việc" dropped.
    (
        "Đăng ký khai s inh kết hợp đăng ký nhận cha, mẹ, con",
        "1.000689",
    ),
    // Worded otherwise: the portal's titles are longer.
    ("Thủ tục cấp bản sao Trích lục hộ tịch", "2.000635"),
    ("Xác nhận tình trạng hôn nhân", "1.004873"),
    ("Thay đổi, cải chính, bổ sung thông tin hộ tịch", "1.004859"),
];

#[test]
fn a_list_of_titles_links_every_clear_title_and_asks_about_the_others() {
    let env = Env::new();
    let mut csv = String::from("STT,Tên thủ tục hành chính,Lĩnh vực\n");
    for (i, (title, _)) in TITLES.iter().enumerate() {
        csv.push_str(&format!("{},\"{title}\",Hộ tịch\n", i + 1));
    }
    env.write("ho-tich.csv", &csv);
    let check = env.toroi(&["check", "ho-tich.csv"]);
    check.success();
    let all = warnings(&check.stderr);
    // The row of each title: line i + 2 of the CSV, cell B.
    let mut linked: BTreeMap<&str, String> = BTreeMap::new();
    for (i, (title, code)) in TITLES.iter().enumerate() {
        let at = format!("ho-tich.csv:{}:2: warning: ", i + 2);
        let about: Vec<&String> = all.iter().filter(|w| w.starts_with(&at)).collect();
        let matched = about
            .iter()
            .find(|w| w.contains("no code: the title is that of"));
        let asked = about.iter().find(|w| w.contains("could be any of these"));
        match (matched, asked) {
            (Some(w), None) => {
                // Linked: to the right code, never another.
                assert!(w.contains(&format!("that of {code} ")), "{title}: {w}");
                let id = portal_id(code).unwrap();
                linked.insert(title, format!("{PAGE}{id}"));
            }
            (None, Some(w)) => {
                let c = candidates(w);
                assert!(
                    c.iter().take(3).any(|c| c == code),
                    "{title}: {code} not in the first three of {c:?}"
                );
            }
            _ => panic!("{title}: {about:#?}"),
        }
    }
    // Exact titles (as compared) are all linked.
    for t in [
        "Đăng ký khai sinh",
        "Thủ tục đăng ký kết hôn",
        "ĐĂNG KÝ KHAI TỬ",
        "Xóa đăng ký thường trú",
        "Đăng ký khai s inh kết hợp đăng ký nhận cha, mẹ, con",
    ] {
        assert!(linked.contains_key(t), "{t} was not linked");
    }
    assert!(
        check
            .stdout
            .contains("procedures were found by their titles: confirm their codes"),
        "{}",
        check.stdout
    );

    // The catalogue of the list prints (A4, 26 mm codes: a search for a
    // title grows its row), and every code decodes to the page the
    // warnings named or to the search for its title.
    let run = env.toroi(&["catalog", "ho-tich.csv", "-o", "danh-muc.pdf"]);
    run.success();
    assert!(
        run.stderr
            .contains("rows of 11 open the portal's search page"),
        "{}",
        run.stderr
    );
    let decoded = zbar_pages(&env, &env.path("danh-muc.pdf"));
    assert_eq!(decoded.len(), TITLES.len(), "{decoded:?}");
    for (title, page) in &linked {
        assert!(
            decoded.contains(page),
            "{title}: {page} not among {decoded:?}"
        );
    }
    let searches = decoded.iter().filter(|d| d.starts_with(SEARCH)).count();
    assert_eq!(searches + linked.len(), TITLES.len(), "{decoded:?}");
    // The printed search is for the title's first words.
    assert!(
        decoded.iter().any(|d| d.starts_with(&format!(
            "{SEARCH}Th%E1%BB%A7+t%E1%BB%A5c+c%E1%BA%A5p+b%E1%BA%A3n+sao"
        ))),
        "{decoded:?}"
    );
}

#[test]
fn codes_are_enough_and_damaged_or_old_codes_are_caught() {
    let env = Env::new();
    env.write(
        "ma.csv",
        "Mã TTHC,Tên thủ tục hành chính\n\
         1.004222,Đăng ký thường trú\n\
         1.00157,Tạm ngừng kinh doanh hộ kinh doanh\n\
         T-LDG-090670-TT,Đăng ký kết hôn\n\
         9.123456,Thủ tục riêng của xã\n",
    );
    let check = env.toroi(&["check", "ma.csv"]);
    check.failure(1);
    let w = warnings(&check.stderr);
    let line = |n: usize| -> Vec<&String> {
        w.iter()
            .filter(|x| x.starts_with(&format!("ma.csv:{n}:1: ")))
            .collect()
    };
    // A code alone: linked, nothing said.
    assert!(line(2).is_empty(), "{:?}", line(2));
    // Excel's 1.00157: an error suggesting 1.001570 and its title.
    let damaged = line(3);
    assert_eq!(damaged.len(), 1, "{damaged:?}");
    assert!(
        damaged[0].contains("error: `1.00157` is not a national code"),
        "{}",
        damaged[0]
    );
    assert!(
        check
            .stderr
            .contains("did you mean 1.001570 (Tạm ngừng kinh doanh"),
        "{}",
        check.stderr
    );
    // An old code: a warning, and the title's match as the new code.
    let old = line(4);
    assert!(
        old.iter().any(|o| o.contains(
            "`T-LDG-090670-TT` is a code from the old national database: its title is 1.000894"
        )),
        "{old:?}"
    );
    // A code the catalogue does not know: the search, with a warning.
    assert!(
        line(5).iter().any(|o| o.contains("does not know its code")),
        "{:?}",
        line(5)
    );
    // The other rows print; their codes open what the messages said.
    let run = env.toroi(&["cards", "ma.csv", "-o", "the.pdf"]);
    run.failure(1);
    env.write(
        "ma.csv",
        "Mã TTHC,Tên thủ tục hành chính\n1.004222,Đăng ký thường trú\nT-LDG-090670-TT,Đăng ký kết hôn\n9.123456,Thủ tục riêng của xã\n",
    );
    env.toroi(&["cards", "ma.csv", "-o", "the.pdf"]).success();
    let mut decoded = zbar_pages(&env, &env.path("the.pdf"));
    decoded.sort();
    let mut want = vec![
        format!("{PAGE}{}", portal_id("1.004222").unwrap()),
        format!("{PAGE}{}", portal_id("1.000894").unwrap()),
        format!("{SEARCH}9.123456"),
    ];
    want.sort();
    decoded.dedup();
    assert_eq!(decoded, want);
}

#[test]
fn a_portal_id_of_another_code_is_named_with_the_right_one() {
    let env = Env::new();
    // The real list's slip: 1.001612 with 2.000720's id.
    let list = std::fs::read_to_string(repo("examples/xa-vinh-bao/danh-muc-2026.csv"))
        .unwrap()
        .replace(
            "019d2bfb-d76d-737f-81b9-69258b07240b",
            "019d2bfc-d9ca-768c-a8f4-cc0dff5f41ed",
        );
    env.write("danh-muc.csv", list);
    let check = env.toroi(&["check", "danh-muc.csv"]);
    check.success();
    let slip: Vec<String> = warnings(&check.stderr)
        .into_iter()
        .filter(|w| w.contains("is the id of"))
        .collect();
    assert!(
        slip.iter().any(|w| w.starts_with("danh-muc.csv:25:")
            && w.contains("019d2bfc-d9ca-768c-a8f4-cc0dff5f41ed is the id of 2.000720 (Đăng ký thay đổi nội dung đăng ký hộ kinh doanh)")),
        "{slip:#?}"
    );
    assert!(
        check
            .stderr
            .contains("the catalogue gives 1.001612 the id 019d2bfb-d76d-737f-81b9-69258b07240b"),
        "{}",
        check.stderr
    );
    // The same warning on the two ids the list and the portal disagree on,
    // and no other: every other id is the code's own.
    assert_eq!(slip.len(), 2, "{slip:#?}");
    // Every row without an id but with a code the catalogue knows is
    // linked through it.
    assert!(
        check
            .stdout
            .contains("codes open their procedures' pages through the national catalogue"),
        "{}",
        check.stdout
    );
}

#[test]
fn a_campaign_catalogue_marks_repealed_and_future_procedures() {
    let env = Env::new();
    std::fs::copy(
        repo("examples/xa-vinh-bao/khong-hieu-luc-2026.csv"),
        env.path("khong-hieu-luc.csv"),
    )
    .unwrap();
    env.write(
        "toroi.toml",
        "[issuer]\nname = \"UBND xã Thử\"\n[campaign]\nprocedures = [\"thu-tuc\"]\ncatalogue = [\"khong-hieu-luc.csv\"]\n\
         [[output]]\nkind = \"cards\"\nfile = \"out/the.pdf\"\n",
    );
    env.write("thu-tuc/lien-thong.toml", "title = \"Liên thông đăng ký khai sinh, cấp thẻ BHYT\"\ncode = \"2.001023\"\nsource = \"x\"\ndocuments = [\"Tờ khai\"]\nsteps = [\"Nộp\"]\n");
    env.write("thu-tuc/hiv.toml", "title = \"Cấp giấy chứng nhận bị phơi nhiễm với HIV do tai nạn rủi ro nghề nghiệp\"\ncode = \"1.013860\"\nsource = \"x\"\ndocuments = [\"Đơn\"]\nsteps = [\"Nộp\"]\n");
    env.write(
        "thu-tuc/khai-sinh.toml",
        std::fs::read_to_string(repo("procedures/dang-ky-khai-sinh.toml")).unwrap(),
    );
    let check = env.toroi(&["check"]);
    check.success();
    assert!(
        check.stderr.contains("lien-thong.toml:2:8: warning: this procedure was repealed (3582/QĐ-UBND), according to khong-hieu-luc.csv"),
        "{}",
        check.stderr
    );
    assert!(
        check
            .stderr
            .contains("hiv.toml:2:8: warning: this procedure is in force only from 2027-03-01"),
        "{}",
        check.stderr
    );
    assert!(
        !check.stderr.contains("khai-sinh.toml:"),
        "{}",
        check.stderr
    );
    env.toroi(&["check", "--strict"]).failure(1);
    // Every printing command says it too, and prints.
    let build = env.toroi(&["build"]);
    build.success();
    assert!(
        build.stderr.contains("was repealed (3582/QĐ-UBND)"),
        "{}",
        build.stderr
    );
    let poster = env.poster(&["thu-tuc/lien-thong.toml", "-o", "p.pdf"]);
    poster.success();
    assert!(
        poster.stderr.contains("was repealed (3582/QĐ-UBND)"),
        "{}",
        poster.stderr
    );
    // A catalogue that is not a list is an error at its line.
    env.write(
        "toroi.toml",
        "[campaign]\nprocedures = [\"thu-tuc\"]\ncatalogue = [\"thu-tuc/hiv.toml\"]\n",
    );
    let bad = env.toroi(&["check"]);
    bad.failure(1);
    assert!(
        bad.stderr
            .contains("toroi.toml:3:14: error: thu-tuc/hiv.toml is not a list"),
        "{}",
        bad.stderr
    );
}

#[test]
fn find_lists_commune_procedures_first_in_both_languages() {
    let env = Env::new();
    let en = env.toroi(&["find", "ket", "hon"]);
    en.success();
    let first = en.stdout.lines().next().unwrap();
    assert_eq!(first, "1.000894  Thủ tục đăng ký kết hôn", "{}", en.stdout);
    assert!(en.stdout.contains("procedures in the national catalogue (dichvucong.gov.vn, 2026-07-18); commune procedures first"), "{}", en.stdout);
    let many = env.toroi(&["find", "cap", "giay"]);
    assert!(
        many.stdout.contains("… and ") && many.stdout.contains("more: --all shows them"),
        "{}",
        many.stdout
    );
    assert_eq!(many.stdout.lines().filter(|l| is_entry(l)).count(), 20);
    // Only what has every word; with diacritics, those very letters.
    for line in en.stdout.lines().filter(|l| is_entry(l)) {
        let title = deunicode(line).to_lowercase();
        assert!(title.contains("ket") && title.contains("hon"), "{line}");
    }
    let exact = env.toroi(&["find", "kết", "hôn", "--all"]);
    assert!(exact
        .stdout
        .lines()
        .filter(|l| is_entry(l))
        .all(|l| l.to_lowercase().contains("kết hôn")));
    let field = env.toroi(&["find", "giay", "phep", "--field", "xay dung"]);
    field.success();
    assert!(
        field.stdout.lines().nth(1).unwrap().contains("Xây dựng")
            || field.stdout.contains("xây dựng"),
        "{}",
        field.stdout
    );
    let vi = toroi_vi(&env, &["find", "ket", "hon"]);
    assert!(vi.contains("thủ tục trong danh mục quốc gia (dichvucong.gov.vn, 2026-07-18); thủ tục cấp xã đứng trước"), "{vi}");
    let none = env.toroi(&["find", "qqqq", "zzzz"]);
    none.failure(1);
    assert!(
        none.stderr
            .contains("no procedure of the national catalogue has the words \"qqqq zzzz\""),
        "{}",
        none.stderr
    );
    let about = env.toroi(&["find", "--about"]);
    assert!(
        about.stdout.contains("5669 procedures") && about.stdout.contains("2026-07-18"),
        "{}",
        about.stdout
    );
    let version = env.toroi(&["--version"]);
    assert!(
        version
            .stdout
            .contains("the national catalogue of 2026-07-18, 5669 codes"),
        "{}",
        version.stdout
    );
}

/// A line of `find` naming an entry: "1.000894  Thủ tục …".
fn is_entry(line: &str) -> bool {
    line.as_bytes().get(1) == Some(&b'.') && line.get(8..10) == Some("  ")
}

fn toroi_vi(env: &Env, args: &[&str]) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_toroi"))
        .env("TOROI_LANG", "vi")
        .args(args)
        .current_dir(env.dir.path())
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn deunicode(s: &str) -> String {
    // The decoder-independent way: NFD and drop the marks; đ is d.
    use unicode_normalization::UnicodeNormalization;
    s.nfd()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .map(|c| match c {
            'đ' => 'd',
            'Đ' => 'D',
            c => c,
        })
        .collect()
}

#[test]
fn new_starts_files_that_check_and_print_and_never_overwrites() {
    let env = Env::new();
    let made = env.toroi(&[
        "new", "1.001193", "dang", "ky", "khai", "tu", "-o", "thu-tuc",
    ]);
    made.success();
    assert!(
        made.stdout.contains(
            "wrote thu-tuc/dang-ky-khai-sinh.toml (1.001193, with the portal's documents"
        ),
        "{}",
        made.stdout
    );
    assert!(
        made.stdout
            .contains("wrote thu-tuc/dang-ky-khai-tu.toml (1.000656"),
        "{}",
        made.stdout
    );
    let text = std::fs::read_to_string(env.path("thu-tuc/dang-ky-khai-sinh.toml")).unwrap();
    assert!(text.contains("title = \"Đăng ký khai sinh\"\ncode = \"1.001193\"\nformality_id = \"019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7\""), "{text}");
    assert!(
        text.contains(
            "\"https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7\""
        ),
        "{text}"
    );
    assert!(text.contains("18/07/2026"), "{text}");
    // Tidied: no list markers left at the start of an item.
    let table: toml::Table = text.parse().unwrap();
    for key in ["documents", "steps"] {
        let items = table[key].as_array().unwrap();
        assert!(!items.is_empty(), "{key}");
        for i in items {
            let s = i.as_str().unwrap();
            assert!(
                !s.starts_with("- ") && !s.starts_with("+ ") && !s.contains('\n'),
                "{s}"
            );
        }
    }
    // The files pass check and print; the poster's code opens the page.
    let check = env.toroi(&["check", "thu-tuc"]);
    check.success();
    assert!(!check.stderr.contains("error"), "{}", check.stderr);
    env.poster(&["thu-tuc/dang-ky-khai-sinh.toml", "-o", "ks.pdf"])
        .success();
    assert_eq!(
        decode_pdf_qr(&env.path("ks.pdf"), 150),
        ["https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7"]
    );
    let text_on_page = collapse(&pdf_text(&env.path("ks.pdf")));
    assert!(text_on_page.contains("Giấy chứng sinh"), "{text_on_page}");
    // Never overwrites: the edited file stays.
    env.write(
        "thu-tuc/dang-ky-khai-sinh.toml",
        "title = \"Đã sửa\"\ncode = \"1.001193\"\n",
    );
    let again = env.toroi(&["new", "1.001193", "-o", "thu-tuc"]);
    again.failure(1);
    assert!(
        again
            .stderr
            .contains("a file for 1.001193 exists already: toroi new never overwrites"),
        "{}",
        again.stderr
    );
    assert_eq!(
        std::fs::read_to_string(env.path("thu-tuc/dang-ky-khai-sinh.toml")).unwrap(),
        "title = \"Đã sửa\"\ncode = \"1.001193\"\n"
    );
    // Words that name several: nothing written, the first ones listed.
    let several = env.toroi(&["new", "dang", "ky", "lai", "-o", "x"]);
    several.failure(1);
    assert!(
        several
            .stderr
            .contains("procedures have the words \"dang ky lai\": name one by its code"),
        "{}",
        several.stderr
    );
    assert!(!env.path("x").exists());
    // In a campaign folder: into its procedure folder, in Vietnamese by default.
    env.write("xa/toroi.toml", "[campaign]\nprocedures = [\"thu-tuc\"]\n");
    std::fs::create_dir_all(env.path("xa/thu-tuc")).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_toroi"))
        .env("TOROI_LANG", "vi")
        .args(["new", "1.004222"])
        .current_dir(env.path("xa"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("đã ghi thu-tuc/dang-ky-thuong-tru.toml (1.004222"),
        "{said}"
    );
    assert!(env.path("xa/thu-tuc/dang-ky-thuong-tru.toml").is_file());
}

#[test]
fn import_writes_the_linked_code_and_id_or_the_candidates() {
    let env = Env::new();
    env.write(
        "l.csv",
        "Tên thủ tục hành chính,Lĩnh vực\nĐăng ký khai sinh,Hộ tịch\nXác nhận tình trạng hôn nhân,Hộ tịch\nĐăng ký thường trú,Cư trú\n",
    );
    env.toroi(&["import", "l.csv", "-o", "tt"]).success();
    let ks = std::fs::read_to_string(env.path("tt/dang-ky-khai-sinh.toml")).unwrap();
    assert!(
        ks.contains("title = \"Đăng ký khai sinh\"\n# from the national portal's catalogue (dichvucong.gov.vn, July 2026): Thủ tục đăng ký khai sinh\ncode = \"1.001193\"\nformality_id = \"019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7\"\n"),
        "{ks}"
    );
    let hn = std::fs::read_to_string(env.path("tt/xac-nhan-tinh-trang-hon-nhan.toml")).unwrap();
    assert!(
        hn.contains("#   1. 1.004873 — Thủ tục cấp Giấy xác nhận tình trạng hôn nhân"),
        "{hn}"
    );
    assert!(!hn.contains("\ncode = "), "{hn}");
    // The folder loads, and now its codes are confirmed: no title matching left.
    let check = env.toroi(&["check", "tt"]);
    check.success();
    assert!(
        !check.stderr.contains("the title is that of"),
        "{}",
        check.stderr
    );
    assert_eq!(
        expected_url_of(&env.path("tt/dang-ky-thuong-tru.toml")),
        format!("{PAGE}{}", portal_id("1.004222").unwrap())
    );
}
