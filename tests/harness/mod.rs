//! Runs the real `toroi` binary in a temporary folder and reads what it
//! made with independent tools: poppler (pdftotext, pdffonts, pdfinfo,
//! pdftoppm), rsvg-convert, and the rqrr QR decoder.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

pub struct Output {
    pub status: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Output {
    #[track_caller]
    pub fn success(&self) -> &Self {
        assert_eq!(
            self.status, 0,
            "toroi failed:\nstdout: {}\nstderr: {}",
            self.stdout, self.stderr
        );
        assert!(!self.stderr.contains("panicked"), "{}", self.stderr);
        self
    }

    #[track_caller]
    pub fn failure(&self, code: i32) -> &Self {
        assert_eq!(
            self.status, code,
            "expected exit {code}:\nstdout: {}\nstderr: {}",
            self.stdout, self.stderr
        );
        assert!(!self.stderr.contains("panicked"), "{}", self.stderr);
        self
    }
}

/// `toroi ARGS` run in `dir`, its messages in English.
pub fn toroi_in<S: AsRef<std::ffi::OsStr>>(dir: &Path, args: &[S]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_toroi"))
        .env("TOROI_LANG", "en")
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    Output {
        status: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// A temporary working folder with the repository's files at hand.
pub struct Env {
    pub dir: tempfile::TempDir,
    /// Campaigns here may name the repository's files (`--root` is the
    /// repository, which holds the folder); else the default root.
    wide: bool,
}

impl Env {
    /// A folder inside the repository's target folder, where campaigns
    /// may name the shipped procedures and templates (`--root REPO`).
    pub fn new() -> Env {
        Env {
            dir: tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap(),
            wide: true,
        }
    }

    /// A folder outside the repository with toroi's default root (the
    /// campaign's folder, or the current one when it holds the campaign).
    pub fn strict() -> Env {
        Env {
            dir: tempfile::tempdir().unwrap(),
            wide: false,
        }
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    pub fn write(&self, rel: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let p = self.path(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, bytes).unwrap();
        p
    }

    pub fn toroi<S: AsRef<std::ffi::OsStr>>(&self, args: &[S]) -> Output {
        if !self.wide {
            return toroi_in(self.dir.path(), args);
        }
        let mut all: Vec<std::ffi::OsString> = vec!["--root".into(), repo("").into()];
        all.extend(args.iter().map(|a| a.as_ref().to_owned()));
        toroi_in(self.dir.path(), &all)
    }

    /// `toroi poster ARGS...`, as users type it.
    pub fn poster<S: AsRef<std::ffi::OsStr>>(&self, args: &[S]) -> Output {
        let mut all: Vec<std::ffi::OsString> = vec!["poster".into()];
        all.extend(args.iter().map(|a| a.as_ref().to_owned()));
        self.toroi(&all)
    }

    /// Names of the files in the folder, hidden ones included.
    pub fn files(&self) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(self.dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }
}

pub fn repo(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// The portal id the national catalogue (July 2026) gives a code, read
/// from the portal's list as shipped (assets/catalogue, one line a code).
pub fn portal_id(code: &str) -> Option<String> {
    static IDS: std::sync::OnceLock<std::collections::HashMap<String, String>> =
        std::sync::OnceLock::new();
    IDS.get_or_init(|| {
        let text = std::fs::read_to_string(repo("assets/catalogue/portal-2026-07.tsv")).unwrap();
        let mut ids = std::collections::HashMap::new();
        for line in text.lines().skip(1) {
            let mut f = line.split('\t');
            if let (Some(c), Some(id)) = (f.next(), f.next()) {
                ids.entry(c.to_owned()).or_insert_with(|| id.to_owned());
            }
        }
        ids
    })
    .get(code)
    .cloned()
}

/// The address a procedure file's QR code must carry, worked out from the
/// file's keys as the README states the rules: `url` (normalised by the
/// `url` crate: percent-encoded, punycode host), else the 2026 portal's page
/// for `formality_id`, else the page the national catalogue gives `code`,
/// else the portal's search for `code`.
pub fn expected_url(table: &toml::Table) -> String {
    let s = |k: &str| table.get(k).and_then(|v| v.as_str());
    if let Some(u) = s("url") {
        url::Url::parse(u).unwrap().to_string()
    } else if let Some(id) = s("formality_id") {
        format!(
            "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/{}",
            id.to_lowercase()
        )
    } else if let Some(id) = s("code").and_then(portal_id) {
        format!("https://dichvucong.gov.vn/thu-tuc-hanh-chinh/{id}")
    } else {
        format!(
            "https://dichvucong.gov.vn/tim-kiem-thu-tuc-hanh-chinh?keyword={}",
            s("code").expect("a test procedure has a url, an id or a code")
        )
    }
}

/// [`expected_url`] of a procedure file.
pub fn expected_url_of(path: &Path) -> String {
    let table: toml::Table = toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    expected_url(&table)
}

/// A procedure whose title, fee and documents hold the signs that Noto Sans
/// lacks and the fallback faces draw: ≥ → ≈ ≤ − ✓ ① ▪ ►, with × ± № m².
pub const SIGNS: &str = "title = \"Cấp phép ≥ 18 tuổi → ≈ 2 tuần\"\n\
formality_id = \"019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7\"\n\
fee = \"≤ 50.000 đồng − miễn × 2 ± 1 № 5 m² ✓ ①\"\nsource = \"https://a.vn\"\n\
documents = [\"Bản sao ▪ ►\"]\nsteps = [\"Nộp hồ sơ\"]\n";

/// The shipped procedure files, sorted.
/// A procedure file's text with another code: a national-looking one the
/// catalogue does not know ("9.000042"), so that copies of the shipped
/// procedures are distinct procedures (their QR codes open the search for
/// that code unless they carry a portal id).
pub fn with_code(text: &str, code: &str) -> String {
    text.lines()
        .map(|l| match l.starts_with("code = ") {
            true => format!("code = \"{code}\""),
            false => l.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

pub fn shipped_procedures() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(repo("procedures"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    v.sort();
    v
}

fn tool(name: &str, args: &[&std::ffi::OsStr]) -> String {
    let out = Command::new(name).args(args).output().unwrap_or_else(|e| {
        panic!("cannot run {name} ({e}); install poppler-utils, qpdf and librsvg2-bin (see scripts/test)")
    });
    assert!(
        out.status.success(),
        "{name} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The PDF's text in content-stream order, white space collapsed to single spaces.
pub fn pdf_text(pdf: &Path) -> String {
    pdf_page_texts(pdf).join(" ")
}

pub fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `pdfinfo` fields: (pages, width pt, height pt).
pub fn pdf_pages_and_size(pdf: &Path) -> (usize, f32, f32) {
    let info = tool("pdfinfo", &[pdf.as_os_str()]);
    let field = |k: &str| {
        info.lines()
            .find_map(|l| l.strip_prefix(k))
            .unwrap_or_else(|| panic!("no {k} in {info}"))
            .trim()
            .to_owned()
    };
    let pages = field("Pages:").parse().unwrap();
    let size = field("Page size:");
    let nums: Vec<f32> = size
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect();
    (pages, nums[0], nums[1])
}

/// URLs of the link annotations, as `pdfinfo -url` lists them.
pub fn pdf_links(pdf: &Path) -> Vec<String> {
    let out = tool("pdfinfo", &["-url".as_ref(), pdf.as_os_str()]);
    out.lines()
        .skip(1)
        .filter_map(|l| l.split_whitespace().nth(2).map(str::to_owned))
        .collect()
}

/// What `pdfinfo` says about `pdf`.
pub fn pdf_info(pdf: &Path) -> String {
    tool("pdfinfo", &[pdf.as_os_str()])
}

/// Rows of `pdffonts`: (name, embedded, subset).
pub fn pdf_fonts(pdf: &Path) -> Vec<(String, bool, bool)> {
    let out = tool("pdffonts", &[pdf.as_os_str()]);
    out.lines()
        .skip(2)
        .map(|l| {
            let cols: Vec<&str> = l.split_whitespace().collect();
            let n = cols.len();
            // name type... encoding emb sub uni object ID
            (
                cols[0].to_owned(),
                cols[n - 5] == "yes",
                cols[n - 4] == "yes",
            )
        })
        .collect()
}

/// Every QR code found on the PDF's pages rendered by poppler at `dpi`.
pub fn decode_pdf_qr(pdf: &Path, dpi: u32) -> Vec<String> {
    decode_pdf_qr_pages(pdf, dpi)
        .into_iter()
        .flatten()
        .collect()
}

/// The QR codes found on each page, in page order.
pub fn decode_pdf_qr_pages(pdf: &Path, dpi: u32) -> Vec<Vec<String>> {
    let dir = tempfile::tempdir().unwrap();
    let prefix = dir.path().join("page");
    tool(
        "pdftoppm",
        &[
            "-r".as_ref(),
            dpi.to_string().as_ref(),
            "-png".as_ref(),
            pdf.as_os_str(),
            prefix.as_os_str(),
        ],
    );
    let mut pages: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    pages.sort();
    pages.iter().map(|p| decode_png_qr(p)).collect()
}

/// Each page's text (pdftotext -raw), white space collapsed.
pub fn pdf_page_texts(pdf: &Path) -> Vec<String> {
    let raw = tool(
        "pdftotext",
        &[
            "-raw".as_ref(),
            "-enc".as_ref(),
            "UTF-8".as_ref(),
            pdf.as_os_str(),
            "-".as_ref(),
        ],
    );
    let mut pages: Vec<String> = raw.split('\u{c}').map(collapse).collect();
    // pdftotext ends every page with a form feed, the last one too.
    if pages.last().is_some_and(|p| p.is_empty()) {
        pages.pop();
    }
    pages
}

/// The text inside a rectangle of page `page` (from 1), in points.
pub fn pdf_region_text(pdf: &Path, page: usize, x: f32, y: f32, w: f32, h: f32) -> String {
    let n = page.to_string();
    let [x, y, w, h] = [x, y, w, h].map(|v| (v.round() as i64).to_string());
    let out = tool(
        "pdftotext",
        &[
            "-raw".as_ref(),
            "-enc".as_ref(),
            "UTF-8".as_ref(),
            "-f".as_ref(),
            n.as_ref(),
            "-l".as_ref(),
            n.as_ref(),
            "-x".as_ref(),
            x.as_ref(),
            "-y".as_ref(),
            y.as_ref(),
            "-W".as_ref(),
            w.as_ref(),
            "-H".as_ref(),
            h.as_ref(),
            pdf.as_os_str(),
            "-".as_ref(),
        ],
    );
    collapse(&out)
}

/// qpdf's JSON view of the document: pages, outlines and objects.
fn qpdf_json(pdf: &Path) -> serde_json::Value {
    let out = tool(
        "qpdf",
        &[
            "--json=2".as_ref(),
            "--json-key=pages".as_ref(),
            "--json-key=outlines".as_ref(),
            "--json-key=qpdf".as_ref(),
            pdf.as_os_str(),
        ],
    );
    serde_json::from_str(&out).unwrap()
}

/// The bookmarks as qpdf reads them: title and destination page (from 1).
pub fn pdf_outline(pdf: &Path) -> Vec<(String, usize)> {
    let j = qpdf_json(pdf);
    j["outlines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            (
                o["title"].as_str().unwrap().to_owned(),
                o["destpageposfrom1"].as_u64().unwrap() as usize,
            )
        })
        .collect()
}

/// Links that jump inside the document: (page with the link, its
/// rectangle [x0 y0 x1 y1] in PDF points, destination page), pages from 1.
pub fn pdf_goto_links(pdf: &Path) -> Vec<(usize, [f32; 4], usize)> {
    let j = qpdf_json(pdf);
    let page_of: std::collections::HashMap<String, usize> = j["pages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["object"].as_str().unwrap().to_owned(),
                p["pageposfrom1"].as_u64().unwrap() as usize,
            )
        })
        .collect();
    let objects = &j["qpdf"][1];
    let mut links = Vec::new();
    for (id, obj) in objects.as_object().unwrap() {
        let Some(from) = page_of.get(id.trim_start_matches("obj:")) else {
            continue;
        };
        let annots = obj["value"]["/Annots"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        for a in annots {
            if a["/A"]["/S"] == "/GoTo" {
                let dest = a["/A"]["/D"][0].as_str().unwrap();
                let r: Vec<f32> = a["/Rect"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|v| v.as_f64().unwrap() as f32)
                    .collect();
                links.push((*from, [r[0], r[1], r[2], r[3]], page_of[dest]));
            }
        }
    }
    links.sort_by(|a, b| (a.0, -a.1[3] as i64).cmp(&(b.0, -b.1[3] as i64)));
    links
}

pub fn decode_png_qr(png: &Path) -> Vec<String> {
    let img = image::open(png).unwrap().into_luma8();
    let mut prepared = rqrr::PreparedImage::prepare(img);
    prepared
        .detect_grids()
        .into_iter()
        .filter_map(|g| g.decode().ok().map(|(_, text)| text))
        .collect()
}

/// Rasterises an SVG with librsvg and decodes its QR code.
pub fn decode_svg_qr(svg: &Path) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let png = dir.path().join("qr.png");
    tool(
        "rsvg-convert",
        &[
            "--width".as_ref(),
            "600".as_ref(),
            "--background-color".as_ref(),
            "white".as_ref(),
            "-o".as_ref(),
            png.as_os_str(),
            svg.as_os_str(),
        ],
    );
    decode_png_qr(&png)
}

/// `pdfinfo -box` for page `page` (from 1): MediaBox, TrimBox, ... as
/// [x0, y0, x1, y1] in points.
pub fn pdf_boxes(pdf: &Path, page: usize) -> std::collections::HashMap<String, [f32; 4]> {
    let n = page.to_string();
    let out = tool(
        "pdfinfo",
        &[
            "-box".as_ref(),
            "-f".as_ref(),
            n.as_ref(),
            "-l".as_ref(),
            n.as_ref(),
            pdf.as_os_str(),
        ],
    );
    out.lines()
        .filter_map(|l| {
            let (head, nums) = l.split_once("Box:")?;
            let name = format!("{}Box", head.split_whitespace().last()?);
            let v: Vec<f32> = nums
                .split_whitespace()
                .filter_map(|x| x.parse().ok())
                .collect();
            (v.len() == 4).then(|| (name, [v[0], v[1], v[2], v[3]]))
        })
        .collect()
}

/// The PDF's content, uncompressed by qpdf, as text (for operators).
pub fn pdf_uncompressed(pdf: &Path) -> String {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("q.pdf");
    let status = Command::new("qpdf")
        .args(["--qdf", "--object-streams=disable"])
        .arg(pdf)
        .arg(&out)
        .status()
        .unwrap();
    assert!(status.success());
    String::from_utf8_lossy(&std::fs::read(out).unwrap()).into_owned()
}

/// QR codes decoded from each cell of a `cols` × `rows` grid of
/// `cell_mm`-sized cells starting at `origin_mm`, cut from one render of
/// page 1 at `dpi`. rqrr finds only a few codes in one large image full of
/// text (it runs out of region labels), and a phone sees one card anyway.
pub fn decode_pdf_qr_cells(
    pdf: &Path,
    dpi: u32,
    origin_mm: (f32, f32),
    cell_mm: (f32, f32),
    cols: u32,
    rows: u32,
) -> Vec<String> {
    let img = render_page_one(pdf, dpi);
    let px = |mm: f32| (mm / 25.4 * dpi as f32).round() as u32;
    let mut cells = Vec::new();
    for row in 0..rows {
        for col in 0..cols {
            let x = px(origin_mm.0 + col as f32 * cell_mm.0);
            let y = px(origin_mm.1 + row as f32 * cell_mm.1);
            cells.push([x, y, x + px(cell_mm.0), y + px(cell_mm.1)]);
        }
    }
    decode_regions(&img, &cells)
}

/// Page 1 rendered by poppler at `dpi`, in grey.
pub fn render_page_one(pdf: &Path, dpi: u32) -> image::GrayImage {
    let r = dpi.to_string();
    render_page(pdf, 1, &["-r", &r]).into_luma8()
}

/// Page `page` (from 1) rendered by poppler to exactly `w` × `h` pixels.
pub fn render_page_to(pdf: &Path, page: usize, w: u32, h: u32) -> image::RgbImage {
    let (w, h) = (w.to_string(), h.to_string());
    render_page(pdf, page, &["-scale-to-x", &w, "-scale-to-y", &h]).into_rgb8()
}

/// Page `page` (from 1) rendered by pdftoppm with `args` (its resolution).
fn render_page(pdf: &Path, page: usize, args: &[&str]) -> image::DynamicImage {
    let dir = tempfile::tempdir().unwrap();
    let prefix = dir.path().join("page");
    let p = page.to_string();
    let mut all: Vec<&std::ffi::OsStr> = vec!["-f".as_ref(), p.as_ref(), "-l".as_ref(), p.as_ref()];
    all.extend(args.iter().map(std::ffi::OsStr::new));
    all.extend(["-png".as_ref(), pdf.as_os_str(), prefix.as_os_str()]);
    tool("pdftoppm", &all);
    let png = std::fs::read_dir(dir.path())
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    image::open(png).unwrap()
}

/// Every word poppler finds on page `page` (from 1), with its box in points
/// (x0, y0, x1, y1 from the top-left).
pub fn pdf_words(pdf: &Path, page: usize) -> Vec<(String, [f32; 4])> {
    let p = page.to_string();
    let html = tool(
        "pdftotext",
        &[
            "-bbox".as_ref(),
            "-f".as_ref(),
            p.as_ref(),
            "-l".as_ref(),
            p.as_ref(),
            "-enc".as_ref(),
            "UTF-8".as_ref(),
            pdf.as_os_str(),
            "-".as_ref(),
        ],
    );
    let attr = |tag: &str, name: &str| -> f32 {
        let at = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        tag[at..].split('"').next().unwrap().parse().unwrap()
    };
    html.split("<word ")
        .skip(1)
        .map(|w| {
            let (tag, rest) = w.split_once('>').unwrap();
            let text = rest.split("</word>").next().unwrap().to_owned();
            let b = ["xMin", "yMin", "xMax", "yMax"].map(|n| attr(tag, n));
            (text, b)
        })
        .collect()
}

/// The ink inside `[x0, y0, x1, y1)`, against the region's most common
/// colour (its background): the left and right ends of the pixels clearly
/// unlike it, and the centre of all ink weighted by its darkness, which
/// anti-aliasing and hinting hardly move.
pub fn ink(img: &image::RgbImage, r: [u32; 4]) -> Option<Ink> {
    let [x0, y0] = [r[0], r[1]];
    let [x1, y1] = [r[2].min(img.width()), r[3].min(img.height())];
    let mut counts = std::collections::HashMap::new();
    for y in y0..y1 {
        for x in x0..x1 {
            *counts.entry(img.get_pixel(x, y).0).or_insert(0u32) += 1;
        }
    }
    let bg = counts.into_iter().max_by_key(|(_, n)| *n)?.0;
    let diff = |x: u32, y: u32| {
        let p = img.get_pixel(x, y).0;
        (0..3)
            .map(|i| (p[i] as i32 - bg[i] as i32).abs())
            .max()
            .unwrap()
    };
    // Half the strongest contrast in the region: the same cut for light
    // grey text as for black, whatever each renderer's anti-aliasing.
    let strongest = (y0..y1)
        .flat_map(|y| (x0..x1).map(move |x| (x, y)))
        .map(|(x, y)| diff(x, y))
        .max()?;
    let (mut left, mut right) = (u32::MAX, 0);
    let (mut top, mut bottom) = (u32::MAX, 0);
    let (mut sum, mut sx, mut sy) = (0.0f64, 0.0f64, 0.0f64);
    for y in y0..y1 {
        for x in x0..x1 {
            let diff = diff(x, y);
            if diff * 2 > strongest {
                left = left.min(x);
                right = right.max(x);
                top = top.min(y);
                bottom = bottom.max(y);
            }
            let wgt = diff as f64;
            sum += wgt;
            sx += wgt * x as f64;
            sy += wgt * y as f64;
        }
    }
    (right >= left && sum > 0.0).then(|| Ink {
        left,
        right,
        top,
        bottom,
        centre: ((sx / sum) as f32, (sy / sum) as f32),
    })
}

#[derive(Debug, Clone, Copy)]
pub struct Ink {
    pub left: u32,
    pub right: u32,
    pub top: u32,
    pub bottom: u32,
    pub centre: (f32, f32),
}

/// QR codes decoded from rectangles (in pixels) cut from `img`.
pub fn decode_regions(img: &image::GrayImage, regions: &[[u32; 4]]) -> Vec<String> {
    let mut found = Vec::new();
    for r in regions {
        let cell = image::imageops::crop_imm(img, r[0], r[1], r[2] - r[0], r[3] - r[1]).to_image();
        let mut prepared = rqrr::PreparedImage::prepare(cell);
        found.extend(
            prepared
                .detect_grids()
                .into_iter()
                .filter_map(|g| g.decode().ok().map(|(_, t)| t)),
        );
    }
    found
}

/// What zbar (an independent decoder, closer to a phone's than rqrr) reads
/// in an image file.
pub fn zbar(image: &Path) -> Vec<String> {
    let out = Command::new("zbarimg")
        .args(["--quiet", "--raw", "-Sdisable", "-Sqrcode.enable"])
        .arg(image)
        .output()
        .unwrap_or_else(|e| {
            panic!("cannot run zbarimg ({e}); install zbar-tools (see scripts/test)")
        });
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_owned)
        .collect()
}

/// Contacts to add to the example campaign in tests that check they print
/// (the example itself gives none, having no public source for Phường 1):
/// xã Vĩnh Bảo's published ones (shared/data/README.md).
pub const TEST_HOTLINE: &str = "0823.919.686";
pub const TEST_ADDRESS: &str = "Đường 20/8, xã Vĩnh Bảo, thành phố Hải Phòng";

/// The Phường 1 example campaign, written into `env` with an address and
/// a hotline under [issuer] and its paths made absolute; `extra` goes
/// under [campaign].
pub fn contact_campaign(env: &Env, name: &str, extra: &str) -> PathBuf {
    let text = std::fs::read_to_string(repo("examples/phuong-1/toroi.toml"))
        .unwrap()
        .replace(
            "[issuer]\n",
            &format!("[issuer]\naddress = \"{TEST_ADDRESS}\"\nhotline = \"{TEST_HOTLINE}\"\n"),
        )
        .replace("[campaign]\n", &format!("[campaign]\n{extra}"))
        .replace(
            "\"logo.png\"",
            &format!("{:?}", repo("examples/phuong-1/logo.png")),
        )
        .replace(
            "\"../../procedures",
            &format!("\"{}", repo("procedures").display()),
        );
    env.write(&format!("{name}/toroi.toml"), text)
}

/// A minimal XLSX: `sheets` as (name, visibility, the sheet's XML rows).
pub fn xlsx(path: &Path, sheets: &[(&str, &str, String)]) {
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    let mut put = |name: &str, text: &str| {
        zip.start_file(name, opts).unwrap();
        std::io::Write::write_all(&mut zip, text.as_bytes()).unwrap();
    };
    put(
        "[Content_Types].xml",
        r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>"#,
    );
    put(
        "_rels/.rels",
        r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
    );
    let list: String = sheets
        .iter()
        .enumerate()
        .map(|(i, (name, state, _))| {
            format!(
                r#"<sheet name="{name}" sheetId="{}" {state} r:id="rId{}"/>"#,
                i + 1,
                i + 1
            )
        })
        .collect();
    put(
        "xl/workbook.xml",
        &format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>{list}</sheets></workbook>"#
        ),
    );
    let rels: String = (1..=sheets.len())
        .map(|i| {
            format!(
                r#"<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i}.xml"/>"#
            )
        })
        .collect();
    put(
        "xl/_rels/workbook.xml.rels",
        &format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>"#
        ),
    );
    for (i, (_, _, rows)) in sheets.iter().enumerate() {
        put(
            &format!("xl/worksheets/sheet{}.xml", i + 1),
            &format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{rows}</sheetData></worksheet>"#
            ),
        );
    }
    zip.finish().unwrap();
}

/// A row of text cells: (reference, text).
pub fn row(n: usize, cells: &[(&str, &str)]) -> String {
    let cells: String = cells
        .iter()
        .map(|(r, v)| format!(r#"<c r="{r}" t="inlineStr"><is><t>{v}</t></is></c>"#))
        .collect();
    format!(r#"<row r="{n}">{cells}</row>"#)
}

/// A PNG header (and nothing of the pixels) declaring `w` × `h`.
pub fn png_header(w: u32, h: u32, interlaced: bool) -> Vec<u8> {
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = b"IHDR".to_vec();
    ihdr.extend(w.to_be_bytes());
    ihdr.extend(h.to_be_bytes());
    ihdr.extend([8, 6, 0, 0, interlaced as u8]);
    out.extend(13u32.to_be_bytes());
    out.extend(&ihdr);
    out.extend(crc32(&ihdr).to_be_bytes());
    // A tiny IDAT of zlib data for a few rows, then the end.
    let mut idat = b"IDAT".to_vec();
    idat.extend([0x78, 0x9c, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01]);
    out.extend(((idat.len() - 4) as u32).to_be_bytes());
    out.extend(&idat);
    out.extend(crc32(&idat).to_be_bytes());
    out.extend(0u32.to_be_bytes());
    out.extend(b"IEND");
    out.extend(crc32(b"IEND").to_be_bytes());
    out
}

pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}
