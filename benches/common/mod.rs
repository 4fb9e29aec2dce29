//! What the whole-command benches share: generated procedures, medians,
//! a child process's peak memory and a PDF's page count.

#![allow(dead_code)] // each bench uses its own part

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

pub fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// Median and spread (min, max) in milliseconds.
pub fn spread(v: &[Duration]) -> (f64, f64, f64) {
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    (
        ms(median(v.to_vec())),
        ms(*v.iter().min().unwrap()),
        ms(*v.iter().max().unwrap()),
    )
}

/// The largest resident set of any child process waited for so far, in MB
/// (Unix only: getrusage).
#[cfg(unix)]
pub fn children_peak_mb() -> f64 {
    // SAFETY: getrusage only writes into the struct we pass.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) };
    usage.ru_maxrss as f64 / 1024.0
}

/// Windows has no getrusage: the peak is not measured there.
#[cfg(not(unix))]
pub fn children_peak_mb() -> f64 {
    f64::NAN
}

/// A PDF's page count, by poppler's pdfinfo ("?" without it).
pub fn pages(pdf: &Path) -> String {
    Command::new("pdfinfo")
        .arg(pdf)
        .output()
        .ok()
        .and_then(|o| {
            String::from_utf8_lossy(&o.stdout)
                .lines()
                .find_map(|l| l.strip_prefix("Pages:").map(|p| p.trim().to_owned()))
        })
        .unwrap_or_else(|| "?".into())
}

/// The `.toml` files of `dir`, in name order.
pub fn toml_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    files
}

/// `n` procedure files in `dir`, cycling through the shipped ones, each
/// with its own title, code and address (so that no QR code or line break
/// is shared between sections) and nothing to warn about: the address is
/// the shipped one, else the portal's page of its id, else the portal's
/// search for its code, with `b=<i>` added.
pub fn procedures(root: &Path, dir: &Path, n: usize) {
    let shipped = toml_files(&root.join("procedures"));
    std::fs::create_dir_all(dir).unwrap();
    for i in 0..n {
        let text = std::fs::read_to_string(&shipped[i % shipped.len()]).unwrap();
        let value = |key: &str| {
            text.lines().find_map(|l| {
                l.strip_prefix(key)
                    .and_then(|r| r.trim_start().strip_prefix('='))
                    .and_then(|r| r.trim().strip_prefix('"'))
                    .and_then(|r| r.split('"').next())
                    .map(str::to_owned)
            })
        };
        let url = match (value("url"), value("formality_id"), value("code")) {
            (Some(u), _, _) => format!("{u}{}b={i}", if u.contains('?') { '&' } else { '?' }),
            (None, Some(id), _) => {
                format!("https://dichvucong.gov.vn/thu-tuc-hanh-chinh/{id}?b={i}")
            }
            (None, None, code) => format!(
                "https://dichvucong.gov.vn/tim-kiem-thu-tuc-hanh-chinh?keyword={}&b={i}",
                code.unwrap_or_default()
            ),
        };
        let mut out = String::new();
        for line in text.lines() {
            if let Some(rest) = line.strip_prefix("title = \"") {
                out.push_str(&format!(
                    "title = \"{} ({})\"\n",
                    rest.trim_end_matches('"'),
                    i + 1
                ));
            } else if line.starts_with("code = \"") {
                // Each its own code (two files with one code are refused),
                // in the national form, which no real procedure uses; the
                // address says where the code leads.
                out.push_str(&format!("code = \"9.{i:06}\"\nurl = \"{url}\"\n"));
            } else if line.starts_with("url = ") || line.starts_with("formality_id = ") {
            } else {
                out.push_str(line);
                out.push('\n');
            }
        }
        std::fs::write(dir.join(format!("{i:03}.toml")), out).unwrap();
    }
}
