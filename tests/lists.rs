//! Procedure lists from the office's spreadsheets (issue: toroi import):
//! the same list as XLSX (made here with rust_xlsxwriter: title rows, merged
//! section rows, a code stored as a number, multi-line cells, a blank row),
//! as ODS (tests/lists/danh-muc.ods, from make-ods.py) and as CSV the ways
//! Excel writes it (UTF-8 with BOM, Windows-1258 with `;` and CRLF, UTF-16
//! with tabs) reads to the same procedures; a handbook printed straight from
//! it has every title (pdftotext) and every code opens its page (zbar);
//! problems are reported at their cells, all at once, with nothing written.
//!
//! Facts in the list: codes, titles and portal ids from xã Vĩnh Bảo's 2026
//! list (examples/xa-vinh-bao/), documents and steps from procedures/.

mod harness;

use harness::*;
use std::path::{Path, PathBuf};

use unicode_normalization::UnicodeNormalization;

/// A cell of the test list.
#[derive(Debug, Clone)]
enum C {
    T(&'static str),
    N(f64),
    E,
}

const DOCS: &str = "- Tờ khai đăng ký khai sinh theo mẫu\n\
- Giấy chứng sinh; nếu không có thì văn bản của người làm chứng hoặc giấy cam đoan về việc sinh\n\
- Giấy tờ tùy thân của người đi đăng ký (thẻ căn cước, hộ chiếu hoặc giấy tờ có ảnh khác)";
const STEPS: &str = "Bước 1: Người đi đăng ký nộp hồ sơ tại Bộ phận Một cửa hoặc nộp trực tuyến trên Cổng Dịch vụ công.\n\
Bước 2: Công chức tư pháp – hộ tịch kiểm tra hồ sơ; nếu đầy đủ, hợp lệ thì ghi vào Sổ hộ tịch.\n\
Bước 3: Người đi đăng ký kiểm tra thông tin, ký vào Sổ hộ tịch và nhận Giấy khai sinh.";

const HEADER: [&str; 8] = [
    "STT",
    "Mã TTHC",
    "Tên thủ tục hành chính",
    "Mức độ DVC",
    "Thành phần hồ sơ",
    "Trình tự thực hiện",
    "Mã trên Cổng DVCQG",
    "Ghi chú",
];

/// The list as make-ods.py writes it, row by row (1-based rows in the
/// sheet); a one-cell row in upper case is a section, merged across.
fn rows(number_code: bool) -> Vec<Vec<C>> {
    use C::*;
    vec![
        vec![T("ỦY BAN NHÂN DÂN XÃ VĨNH BẢO")],
        vec![T(
            "DANH MỤC THỦ TỤC HÀNH CHÍNH THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA CẤP XÃ",
        )],
        vec![],
        HEADER.iter().map(|h| T(h)).collect(),
        vec![T("I. LĨNH VỰC HỘ TỊCH")],
        vec![
            N(1.0),
            T("1.001193"),
            T("Thủ tục đăng ký khai sinh"),
            T("Toàn trình"),
            T(DOCS),
            T(STEPS),
            T("019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7"),
        ],
        vec![
            N(2.0),
            T("1.000894"),
            T("Thủ tục đăng ký kết hôn"),
            T("Một phần"),
            T("Tờ khai đăng ký kết hôn theo mẫu"),
            E,
            T("019d2bfd-3fac-7489-b53b-a15eb239a6fe"),
        ],
        vec![],
        vec![T("II. LĨNH VỰC CHỨNG THỰC")],
        vec![
            N(3.0),
            T("2.000913"),
            T("Chứng thực việc sửa đổi, bổ sung, hủy bỏ giao dịch"),
        ],
        vec![T("III. LĨNH VỰC XUẤT NHẬP KHẨU")],
        vec![
            N(4.0),
            if number_code {
                N(1.00089)
            } else {
                T("1.000890")
            },
            T("Thủ tục cấp Giấy phép kinh doanh chuyển khẩu"),
            E,
            E,
            E,
            T("019d2bf7-dceb-705b-8213-9d269e6d2457"),
        ],
    ]
}

/// What every form of the list reads to, by file name.
struct Expected {
    stem: &'static str,
    title: &'static str,
    code: &'static str,
    field: &'static str,
    online: Option<&'static str>,
    documents: Vec<&'static str>,
    steps: Vec<&'static str>,
}

fn expected() -> Vec<Expected> {
    vec![
        Expected {
            stem: "thu-tuc-dang-ky-khai-sinh",
            title: "Thủ tục đăng ký khai sinh",
            code: "1.001193",
            field: "Hộ tịch",
            online: Some("full"),
            documents: vec![
                "Tờ khai đăng ký khai sinh theo mẫu",
                "Giấy chứng sinh; nếu không có thì văn bản của người làm chứng hoặc giấy cam đoan về việc sinh",
                "Giấy tờ tùy thân của người đi đăng ký (thẻ căn cước, hộ chiếu hoặc giấy tờ có ảnh khác)",
            ],
            steps: vec![
                "Người đi đăng ký nộp hồ sơ tại Bộ phận Một cửa hoặc nộp trực tuyến trên Cổng Dịch vụ công.",
                "Công chức tư pháp – hộ tịch kiểm tra hồ sơ; nếu đầy đủ, hợp lệ thì ghi vào Sổ hộ tịch.",
                "Người đi đăng ký kiểm tra thông tin, ký vào Sổ hộ tịch và nhận Giấy khai sinh.",
            ],
        },
        Expected {
            stem: "thu-tuc-dang-ky-ket-hon",
            title: "Thủ tục đăng ký kết hôn",
            code: "1.000894",
            field: "Hộ tịch",
            online: Some("partial"),
            documents: vec!["Tờ khai đăng ký kết hôn theo mẫu"],
            steps: vec![],
        },
        Expected {
            stem: "chung-thuc-viec-sua-doi-bo-sung-huy-bo-giao-dich",
            title: "Chứng thực việc sửa đổi, bổ sung, hủy bỏ giao dịch",
            code: "2.000913",
            field: "Chứng thực",
            online: None,
            documents: vec![],
            steps: vec![],
        },
        Expected {
            stem: "thu-tuc-cap-giay-phep-kinh-doanh-chuyen-khau",
            title: "Thủ tục cấp Giấy phép kinh doanh chuyển khẩu",
            code: "1.000890",
            field: "Xuất nhập khẩu",
            online: None,
            documents: vec![],
            steps: vec![],
        },
    ]
}

fn is_section(row: &[C]) -> bool {
    matches!(row, [C::T(t)] if t.starts_with("I") && t.contains("LĨNH VỰC"))
}

/// The list as an XLSX file, as an office formats it: sections merged
/// across the table, the code column left as numbers where typed so.
fn write_xlsx(path: &Path, rows: &[Vec<C>]) {
    use rust_xlsxwriter::{Format, Workbook};
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Danh mục").unwrap();
    let wrap = Format::new().set_text_wrap();
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32;
        if is_section(row) {
            if let C::T(t) = &row[0] {
                sheet
                    .merge_range(
                        r,
                        0,
                        r,
                        HEADER.len() as u16 - 1,
                        t,
                        &Format::new().set_bold(),
                    )
                    .unwrap();
            }
            continue;
        }
        for (c, cell) in row.iter().enumerate() {
            let c = c as u16;
            match cell {
                C::T(t) => {
                    sheet.write_string_with_format(r, c, *t, &wrap).unwrap();
                }
                C::N(n) => {
                    sheet.write_number(r, c, *n).unwrap();
                }
                C::E => {}
            }
        }
    }
    book.save(path).unwrap();
}

/// The list as CSV text: `sep` between cells, `eol` between rows, cells
/// quoted when they hold the separator, a quote or a line break.
fn csv_text(rows: &[Vec<C>], sep: char, eol: &str) -> String {
    let mut out = String::new();
    for row in rows {
        let cells: Vec<String> = row
            .iter()
            .map(|c| match c {
                C::T(t) if t.contains([sep, '"', '\n']) => {
                    format!("\"{}\"", t.replace('"', "\"\""))
                }
                C::T(t) => t.to_string(),
                C::N(n) => format!("{n}"),
                C::E => String::new(),
            })
            .collect();
        out.push_str(&cells.join(&sep.to_string()));
        out.push_str(eol);
    }
    out
}

/// Text in Windows-1258 as Excel writes it: the precomposed letters the
/// code page has, others as a letter and a combining mark.
fn cp1258(text: &str) -> Vec<u8> {
    let enc = encoding_rs::WINDOWS_1258;
    let mut out = Vec::new();
    for c in text.chars() {
        let s = c.to_string();
        let (bytes, _, bad) = enc.encode(&s);
        if !bad {
            out.extend_from_slice(&bytes);
            continue;
        }
        // Compose the base with as many marks as the code page has.
        let parts: Vec<char> = s.nfd().collect();
        let mut base = parts[0].to_string();
        let mut rest = Vec::new();
        for m in &parts[1..] {
            let tried: String = format!("{base}{m}").nfc().collect();
            if !enc.encode(&tried).2 {
                base = tried;
            } else {
                rest.push(*m);
            }
        }
        let (b, _, bad) = enc.encode(&base);
        assert!(!bad, "{base}");
        out.extend_from_slice(&b);
        for m in rest {
            let m = m.to_string();
            let (b, _, bad) = enc.encode(&m);
            assert!(!bad, "{m:?}");
            out.extend_from_slice(&b);
        }
    }
    out
}

/// Every form of the test list, written into `env`: (file name, what it is).
fn lists(env: &Env) -> Vec<(PathBuf, &'static str)> {
    let xlsx = env.path("danh-muc.xlsx");
    write_xlsx(&xlsx, &rows(true));
    let ods = env.path("danh-muc.ods");
    std::fs::copy(repo("tests/lists/danh-muc.ods"), &ods).unwrap();
    let text_rows = rows(false);
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(csv_text(&text_rows, ',', "\r\n").as_bytes());
    let utf8 = env.write("utf8-bom.csv", bom);
    let windows = env.write(
        "windows-1258.csv",
        cp1258(&csv_text(&text_rows, ';', "\r\n")),
    );
    let mut utf16 = vec![0xFF, 0xFE];
    for u in csv_text(&text_rows, '\t', "\r\n").encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    let utf16 = env.write("utf-16.csv", utf16);
    vec![
        (xlsx, "XLSX"),
        (ods, "ODS"),
        (utf8, "CSV UTF-8 with BOM, comma"),
        (windows, "CSV Windows-1258, semicolon, CRLF"),
        (utf16, "CSV UTF-16, tab"),
    ]
}

fn toml_of(path: &Path) -> toml::Table {
    toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn strings(t: &toml::Table, key: &str) -> Vec<String> {
    t.get(key)
        .and_then(|v| v.as_array())
        .map(|a| a.iter().map(|v| v.as_str().unwrap().to_owned()).collect())
        .unwrap_or_default()
}

#[test]
fn every_form_of_the_list_imports_to_the_same_procedures() {
    let env = Env::new();
    for (list, what) in lists(&env) {
        let folder = env.path(&format!(
            "out-{}",
            list.file_name().unwrap().to_string_lossy()
        ));
        let run = env.toroi(&[
            "import".as_ref(),
            list.as_os_str(),
            "-o".as_ref(),
            folder.as_os_str(),
        ]);
        run.success();
        assert!(
            run.stdout.contains("imported 4 procedures"),
            "{what}: {}",
            run.stdout
        );
        // The unknown column is named once, at its header cell.
        assert!(
            run.stderr.contains("the column \"Ghi chú\" is not read"),
            "{what}: {}",
            run.stderr
        );
        let mut files: Vec<String> = std::fs::read_dir(&folder)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        files.sort();
        let mut stems: Vec<String> = expected()
            .iter()
            .map(|e| format!("{}.toml", e.stem))
            .collect();
        stems.sort();
        assert_eq!(files, stems, "{what}");
        for e in expected() {
            let file = folder.join(format!("{}.toml", e.stem));
            let text = std::fs::read_to_string(&file).unwrap();
            assert!(text.starts_with("# Imported by toroi from "), "{text}");
            let t = toml_of(&file);
            let s = |k: &str| t.get(k).and_then(|v| v.as_str()).map(str::to_owned);
            assert_eq!(s("title").as_deref(), Some(e.title), "{what}");
            assert_eq!(
                s("code").as_deref(),
                Some(e.code),
                "{what}: the code as text"
            );
            assert_eq!(
                s("field").as_deref(),
                Some(e.field),
                "{what}: from the section row"
            );
            assert_eq!(s("online").as_deref(), e.online, "{what}");
            assert_eq!(strings(&t, "documents"), e.documents, "{what}");
            assert_eq!(strings(&t, "steps"), e.steps, "{what}");
        }
    }
}

#[test]
fn a_code_stored_as_a_number_is_a_warning_at_its_cell() {
    let env = Env::new();
    let lists = lists(&env);
    for (list, cell) in [(&lists[0].0, "Danh mục!B12"), (&lists[1].0, "Danh mục!B12")] {
        let run = env.toroi(&["check".as_ref(), list.as_os_str()]);
        run.success();
        let line = format!(
            "{}:{cell}: warning: the code is stored as a number",
            list.file_name().unwrap().to_string_lossy()
        );
        assert!(run.stderr.contains(&line), "{line}\n{}", run.stderr);
        assert!(
            run.stderr.contains("read as \"1.000890\""),
            "{}",
            run.stderr
        );
    }
}

#[test]
fn a_handbook_straight_from_the_list_has_every_title_and_every_code_opens_its_page() {
    let env = Env::new();
    let lists = lists(&env);
    // From a campaign, the list beside a folder of procedure files.
    std::fs::create_dir(env.path("more")).unwrap();
    std::fs::copy(
        repo("procedures/xac-nhan-tinh-trang-hon-nhan.toml"),
        env.path("more/xac-nhan-tinh-trang-hon-nhan.toml"),
    )
    .unwrap();
    env.write(
        "toroi.toml",
        "procedures = [\"danh-muc.xlsx\", \"more\"]\n[[output]]\nkind = \"handbook\"\nfile = \"cam-nang.pdf\"\n",
    );
    env.toroi(&["build", "toroi.toml"]).success();
    let pdf = env.path("cam-nang.pdf");
    let text = collapse(&pdf_text(&pdf));
    let mut titles: Vec<String> = expected().iter().map(|e| e.title.to_owned()).collect();
    titles.push("Cấp Giấy xác nhận tình trạng hôn nhân".to_owned());
    for t in &titles {
        assert!(text.contains(&collapse(t)), "{t} missing from the handbook");
    }
    // Every section's code decodes to the address its row gives.
    let folder = env.path("imported");
    env.toroi(&[
        "import".as_ref(),
        lists[0].0.as_os_str(),
        "-o".as_ref(),
        folder.as_os_str(),
    ])
    .success();
    let decoded: Vec<String> = decode_pdf_qr_pages(&pdf, 150)
        .into_iter()
        .flatten()
        .collect();
    for e in expected() {
        let url = expected_url(&toml_of(&folder.join(format!("{}.toml", e.stem))));
        assert!(decoded.contains(&url), "{url} not among {decoded:?}");
    }
    // The row without a portal id opens the page the national catalogue
    // gives its code.
    let page = format!(
        "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/{}",
        portal_id("2.000913").expect("the catalogue knows 2.000913")
    );
    assert!(decoded.contains(&page), "{page} not among {decoded:?}");
    // Printed directly with `toroi handbook LIST`, the same procedures.
    env.toroi(&["handbook", "danh-muc.ods", "-o", "from-ods.pdf"])
        .success();
    let ods_text = collapse(&pdf_text(&env.path("from-ods.pdf")));
    for e in expected() {
        assert!(ods_text.contains(&collapse(e.title)), "{}", e.title);
    }
}

#[test]
fn the_folder_import_writes_loads_to_exactly_the_procedures_of_the_list() {
    use toroi::model::collect::load_procedures;
    let env = Env::new();
    for (list, what) in lists(&env) {
        let folder = env.path(&format!(
            "p-{}",
            list.file_name().unwrap().to_string_lossy()
        ));
        env.toroi(&[
            "import".as_ref(),
            list.as_os_str(),
            "-o".as_ref(),
            folder.as_os_str(),
        ])
        .success();
        let from_list = load_procedures(std::slice::from_ref(&list)).unwrap();
        let from_folder = load_procedures(std::slice::from_ref(&folder)).unwrap();
        assert!(!from_list.problems.has_errors() && !from_folder.problems.has_errors());
        let key = |p: &toroi::model::Procedure| {
            (
                p.stem(),
                p.title.value.clone(),
                p.url.value.clone(),
                p.code.as_ref().map(|c| c.value.clone()),
                p.field.as_ref().map(|c| c.value.clone()),
                p.online.as_ref().map(|o| format!("{:?}", o.value)),
                p.documents
                    .iter()
                    .map(|d| d.value.clone())
                    .collect::<Vec<_>>(),
                p.steps.iter().map(|d| d.value.clone()).collect::<Vec<_>>(),
            )
        };
        let mut a: Vec<_> = from_list.procedures.iter().map(key).collect();
        let mut b: Vec<_> = from_folder.procedures.iter().map(key).collect();
        a.sort();
        b.sort();
        assert_eq!(a.len(), 4, "{what}");
        assert_eq!(a, b, "{what}");
        // `toroi check` finds the same: no errors either way.
        env.toroi(&["check".as_ref(), list.as_os_str()]).success();
    }
}

#[test]
fn importing_twice_without_force_refuses_and_changes_nothing() {
    let env = Env::new();
    let lists = lists(&env);
    let list = lists[0].0.as_os_str();
    env.toroi(&["import".as_ref(), list, "-o".as_ref(), "p".as_ref()])
        .success();
    let file = env.path("p/thu-tuc-dang-ky-khai-sinh.toml");
    std::fs::write(&file, "title = \"edited by hand\"\n").unwrap();
    let again = env.toroi(&["import".as_ref(), list, "-o".as_ref(), "p".as_ref()]);
    again.failure(1);
    assert!(again.stderr.contains("exist already"), "{}", again.stderr);
    assert!(again.stderr.contains("--force"), "{}", again.stderr);
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        "title = \"edited by hand\"\n"
    );
    env.toroi(&[
        "import".as_ref(),
        list,
        "-o".as_ref(),
        "p".as_ref(),
        "--force".as_ref(),
    ])
    .success();
    assert!(std::fs::read_to_string(&file)
        .unwrap()
        .contains("Thủ tục đăng ký khai sinh"));
}

#[test]
fn problems_are_reported_at_their_cells_all_at_once_and_nothing_is_written() {
    use C::*;
    let env = Env::new();
    let bad = vec![
        vec![
            T("Mã TTHC"),
            T("Tên TTHC"),
            T("Toàn trình/Một phần"),
            T("Đường dẫn"),
        ],
        vec![T("1.001193"), T("Thủ tục đăng ký khai sinh"), T("Có"), E],
        vec![T("1.000894"), E, T("Một phần"), E],
        vec![
            T("1.000656"),
            T("Thủ tục đăng ký khai tử"),
            E,
            T("http://exa mple.vn/a b"),
        ],
    ];
    write_xlsx(&env.path("loi.xlsx"), &bad);
    for args in [
        vec!["import", "loi.xlsx", "-o", "p"],
        vec!["check", "loi.xlsx"],
        vec!["handbook", "loi.xlsx", "-o", "h.pdf"],
    ] {
        let run = env.toroi(&args);
        run.failure(1);
        for line in [
            "loi.xlsx:Danh mục!C2: error: \"Có\" is not a level of online service",
            "loi.xlsx:Danh mục!B3: error: this row has no procedure title",
            "loi.xlsx:Danh mục!D4: error:",
        ] {
            assert!(
                run.stderr.contains(line),
                "{args:?}: {line}\n{}",
                run.stderr
            );
        }
    }
    assert!(!env.path("p").exists() && !env.path("h.pdf").exists());

    // No column of titles: an error that lists the headers found.
    write_xlsx(
        &env.path("khong-ten.xlsx"),
        &[
            vec![T("Mã TTHC"), T("Tên gọi"), T("Lĩnh vực")],
            vec![T("1.001193"), T("Khai sinh"), T("Hộ tịch")],
        ],
    );
    let run = env.toroi(&["import", "khong-ten.xlsx", "-o", "p"]);
    run.failure(1);
    assert!(
        run.stderr
            .contains("khong-ten.xlsx: error: no column of procedure titles")
            && run.stderr.contains("Mã TTHC | Tên gọi | Lĩnh vực"),
        "{}",
        run.stderr
    );
    assert!(!env.path("p").exists());
}

/// Unicode text in TCVN3 as a legacy font's cell shows it, using the
/// project's own table backwards.
fn tcvn3(text: &str) -> String {
    let table = std::fs::read_to_string(repo("assets/legacy/tcvn3.tsv")).unwrap();
    let mut back = std::collections::HashMap::new();
    for line in table.lines().filter(|l| !l.starts_with('#')) {
        let parts: Vec<&str> = line.split('\t').collect();
        back.insert(parts[2].to_owned(), parts[1].to_owned());
    }
    text.chars()
        .map(|c| back.get(&c.to_string()).cloned().unwrap_or(c.to_string()))
        .collect()
}

#[test]
fn tcvn3_and_vni_cells_are_converted_with_a_warning_naming_the_cell() {
    let env = Env::new();
    let old = tcvn3("Thủ tục đăng ký khai tử");
    assert_ne!(old, "Thủ tục đăng ký khai tử");
    let old: &'static str = Box::leak(old.into_boxed_str());
    write_xlsx(
        &env.path("cu.xlsx"),
        &[
            vec![C::T("Mã TTHC"), C::T("Tên thủ tục")],
            vec![C::T("1.000656"), C::T(old)],
            vec![C::T("1.001193"), C::T("Thñ tôc ®¨ng ký khai sinh")],
            vec![C::T("1.000894"), C::T("Thuû tuïc ñaêng kyù keát hoân")],
        ],
    );
    let run = env.toroi(&["import", "cu.xlsx", "-o", "p"]);
    run.success();
    for (cell, title) in [
        ("B2", "Thủ tục đăng ký khai tử"),
        ("B3", "Thủ tục đăng ký khai sinh"),
        ("B4", "Thủ tục đăng ký kết hôn"),
    ] {
        assert!(
            run.stderr.contains(&format!(
                "cu.xlsx:Danh mục!{cell}: warning: this cell is typed in the old"
            )),
            "{cell}: {}",
            run.stderr
        );
        let file = env.path(&format!("p/{}.toml", slug(title)));
        assert_eq!(
            toml_of(&file).get("title").and_then(|v| v.as_str()),
            Some(title)
        );
    }
}

fn slug(title: &str) -> String {
    toroi::model::list::row::slug(title)
}

#[test]
fn the_real_list_imports_without_an_error() {
    let env = Env::new();
    let shared = repo("../shared/data/xa-vinh-bao-2026.csv");
    let list = if shared.exists() {
        shared
    } else {
        repo("examples/xa-vinh-bao/danh-muc-2026.csv")
    };
    let run = env.toroi(&[
        "import".as_ref(),
        list.as_os_str(),
        "-o".as_ref(),
        "p".as_ref(),
    ]);
    run.success();
    assert!(!run.stderr.contains("error:"), "{}", run.stderr);
    assert!(
        run.stdout.contains("imported 255 procedures"),
        "{}",
        run.stdout
    );
    assert_eq!(std::fs::read_dir(env.path("p")).unwrap().count(), 255);
    // Its two unknown columns are named, once each.
    assert_eq!(
        run.stderr.matches("is not read").count(),
        2,
        "{}",
        run.stderr
    );
}

#[test]
fn a_blank_list_has_the_headers_a_text_code_column_and_a_drop_down() {
    let env = Env::new();
    let run = env.toroi(&["import", "--blank", "danh-muc.xlsx"]);
    run.success();
    // toroi reads it back: a header, no rows yet.
    let check = env.toroi(&["check", "danh-muc.xlsx"]);
    check.success();
    assert!(
        check.stderr.contains("a header but no procedure rows"),
        "{}",
        check.stderr
    );
    // The drop-down and the text format, as Excel stores them.
    let bytes = std::fs::read(env.path("danh-muc.xlsx")).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut sheet = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("xl/worksheets/sheet1.xml").unwrap(),
        &mut sheet,
    )
    .unwrap();
    assert!(sheet.contains("<dataValidation type=\"list\""), "{sheet}");
    assert!(sheet.contains("Toàn trình,Một phần,Không"), "{sheet}");
    let mut styles = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("xl/styles.xml").unwrap(), &mut styles).unwrap();
    assert!(
        styles.contains("formatCode=\"@\""),
        "the text format (@): {styles}"
    );
    // Importing it twice over is refused: the file exists.
    env.toroi(&["import", "--blank", "danh-muc.xlsx"])
        .failure(1);
}

#[test]
fn the_first_sheet_with_a_header_is_read_unless_sheet_names_one() {
    use rust_xlsxwriter::Workbook;
    let env = Env::new();
    let mut book = Workbook::new();
    let cover = book.add_worksheet();
    cover.set_name("Bìa").unwrap();
    cover
        .write(0, 0, "DANH MỤC THỦ TỤC HÀNH CHÍNH NĂM 2026")
        .unwrap();
    for (name, title) in [
        ("Cấp xã", "Thủ tục đăng ký khai sinh"),
        ("Liên thông", "Thủ tục đăng ký kết hôn"),
    ] {
        let sheet = book.add_worksheet();
        sheet.set_name(name).unwrap();
        sheet.write(0, 0, "Tên thủ tục").unwrap();
        sheet.write(0, 1, "Lĩnh vực").unwrap();
        sheet.write(1, 0, title).unwrap();
        sheet.write(1, 1, "Hộ tịch").unwrap();
    }
    book.save(env.path("hai-bang.xlsx")).unwrap();
    env.toroi(&["import", "hai-bang.xlsx", "-o", "a"]).success();
    assert!(env.path("a/thu-tuc-dang-ky-khai-sinh.toml").exists());
    env.toroi(&[
        "import",
        "hai-bang.xlsx",
        "--sheet",
        "liên thông",
        "-o",
        "b",
    ])
    .success();
    assert!(env.path("b/thu-tuc-dang-ky-ket-hon.toml").exists());
    let run = env.toroi(&["check", "hai-bang.xlsx", "--sheet", "Phụ lục"]);
    run.failure(1);
    assert!(
        run.stderr.contains("no sheet named \"Phụ lục\"")
            && run.stderr.contains("Bìa, Cấp xã, Liên thông"),
        "{}",
        run.stderr
    );
}

/// A fee typed as a number prints the Vietnamese way with its unit, with a
/// warning; a field column's "Lĩnh vực" prefix is taken off.
#[test]
fn a_numeric_fee_prints_as_an_amount_and_a_field_loses_its_prefix() {
    let env = Env::new();
    let rows = row(
        1,
        &[
            ("A1", "Mã TTHC"),
            ("B1", "Tên thủ tục hành chính"),
            ("C1", "Lệ phí"),
            ("D1", "Lĩnh vực"),
        ],
    ) + r#"<row r="2"><c r="A2" t="inlineStr"><is><t>1.001193</t></is></c><c r="B2" t="inlineStr"><is><t>Đăng ký khai sinh</t></is></c><c r="C2"><v>2000</v></c><c r="D2" t="inlineStr"><is><t>Lĩnh vực Hộ tịch</t></is></c></row>"#;
    xlsx(&env.path("ds.xlsx"), &[("DanhMuc", "", rows)]);
    let out = env.toroi(&["handbook", "ds.xlsx", "-o", "p.pdf"]);
    out.success();
    assert!(
        out.stderr.contains("ds.xlsx:DanhMuc!C2")
            && out.stderr.contains("it prints as \"2.000 đồng\""),
        "{}",
        out.stderr
    );
    let text = collapse(&pdf_text(&env.path("p.pdf")));
    assert!(text.contains("2.000 đồng"), "{text}");
    assert!(
        !text.contains("Lĩnh vực Hộ tịch") && text.contains("Hộ tịch"),
        "{text}"
    );
}

#[test]
fn a_list_is_told_which_column_to_add_once_for_all_its_rows() {
    let env = Env::new();
    env.write(
        "list.csv",
        "Mã TTHC,Tên thủ tục,Lĩnh vực\n\
         1.001193,Thủ tục đăng ký khai sinh,Hộ tịch\n\
         2.000815,Chứng thực chữ ký,Chứng thực\n\
         1.000894,Đăng ký kết hôn,Hộ tịch\n\
         1.001022,Đăng ký khai tử,Hộ tịch\n\
         1.000656,Đăng ký lại khai sinh,Hộ tịch\n",
    );
    let out = env.toroi(&["check", "list.csv"]);
    out.success();
    let err = &out.stderr;
    // Column names, not TOML keys.
    assert!(err.contains("add a column \"Thành phần hồ sơ\""), "{err}");
    assert!(err.contains("add a column \"Trình tự thực hiện\""), "{err}");
    assert!(err.contains("add a column \"Nguồn\""), "{err}");
    assert!(!err.contains("documents = ["), "{err}");
    assert!(!err.contains("source = \""), "{err}");
    // One line for all five rows, naming the first three.
    let documents: Vec<&str> = err
        .lines()
        .filter(|l| l.contains("no \"Thành phần hồ sơ\""))
        .collect();
    assert_eq!(documents.len(), 1, "{err}");
    assert!(
        documents[0].contains("in 5 rows: 2, 3, 4 and 2 more"),
        "{err}"
    );
}

#[test]
fn two_columns_marking_the_online_level_with_an_x_are_read() {
    let env = Env::new();
    env.write(
        "list.csv",
        "STT,Mã TTHC,Tên thủ tục,DVC toàn trình,DVC một phần\n\
         1,1.001193,Thủ tục đăng ký khai sinh,x,\n\
         2,2.000815,Chứng thực chữ ký,,X\n\
         3,1.000894,Đăng ký kết hôn,,\n",
    );
    let check = env.toroi(&["check", "list.csv"]);
    check.success();
    // Neither column is "not read".
    assert!(!check.stderr.contains("is not read"), "{}", check.stderr);
    env.toroi(&["import", "list.csv", "-o", "files"]).success();
    let online = |stem: &str| -> Option<String> {
        let text = std::fs::read_to_string(env.path(&format!("files/{stem}.toml"))).unwrap();
        let table: toml::Table = text.parse().unwrap();
        table.get("online").map(|v| v.as_str().unwrap().to_owned())
    };
    assert_eq!(online("thu-tuc-dang-ky-khai-sinh").as_deref(), Some("full"));
    assert_eq!(online("chung-thuc-chu-ky").as_deref(), Some("partial"));
    // No mark: the list does not say, and nothing is made up.
    assert_eq!(online("dang-ky-ket-hon"), None);
}
