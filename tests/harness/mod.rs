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

/// A temporary working folder with the repository's files at hand.
pub struct Env {
    pub dir: tempfile::TempDir,
}

impl Env {
    pub fn new() -> Env {
        Env {
            dir: tempfile::tempdir().unwrap(),
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
        let out = Command::new(env!("CARGO_BIN_EXE_toroi"))
            .args(args)
            .current_dir(self.dir.path())
            .output()
            .unwrap();
        Output {
            status: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
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

/// The shipped procedure files, sorted.
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
        panic!("cannot run {name} ({e}); install poppler-utils and librsvg2-bin (see .ci/run)")
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
    collapse(&raw)
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
    let mut found = Vec::new();
    let mut pages: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    pages.sort();
    for page in pages {
        found.extend(decode_png_qr(&page));
    }
    found
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
