//! `cargo bench --bench handbook`: whole `toroi handbook` processes for 20
//! and 200 procedures (and the QR card sheets for 200), made from the shipped ones with distinct titles,
//! codes and URLs (so no QR code or line break is shared between sections), with the
//! example campaign. Prints medians, the PDF's pages and size, and the peak
//! memory of the process. `-- --quick` runs fewer rounds.
//!
//! Side by side with Typst: `TYPST=/path/to/typst cargo bench --bench
//! handbook` also writes each handbook's content (the same generated
//! procedures: cover, contents, a section per procedure with its facts,
//! documents, steps and QR code, in the same fonts, A5) as a Typst
//! document, with the QR codes made beforehand as SVG by `toroi qr`, and
//! times `typst compile` the same way, in the same run; the last column is
//! toroi's time over Typst's.
//!
//! Peer (Typst, QR codes made beforehand): 59 ms for 20 procedures (42 A5
//! pages, 293 KB); 433 ms on two cores, 700 ms on one, for 200 (407 pages,
//! 2.7 MB, 154 MB peak).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// The largest resident set of any child process waited for so far, in MB
/// (Unix only: getrusage).
#[cfg(unix)]
fn children_peak_mb() -> f64 {
    // SAFETY: getrusage only writes into the struct we pass.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) };
    usage.ru_maxrss as f64 / 1024.0
}

/// Windows has no getrusage: the peak is not measured there.
#[cfg(not(unix))]
fn children_peak_mb() -> f64 {
    f64::NAN
}

/// `n` procedure files in `dir`, cycling through the shipped ones.
fn procedures(root: &Path, dir: &Path, n: usize) {
    let mut shipped: Vec<PathBuf> = std::fs::read_dir(root.join("procedures"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    shipped.sort();
    std::fs::create_dir_all(dir).unwrap();
    for i in 0..n {
        let text = std::fs::read_to_string(&shipped[i % shipped.len()]).unwrap();
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
                // in the national form, which no real procedure uses.
                out.push_str(&format!("code = \"9.{i:06}\"\n"));
            } else if let Some(rest) = line.strip_prefix("url = \"") {
                let url = rest.trim_end_matches('"');
                let sep = if url.contains('?') { '&' } else { '?' };
                out.push_str(&format!("url = \"{url}{sep}b={i}\"\n"));
            } else {
                out.push_str(line);
                out.push('\n');
            }
        }
        std::fs::write(dir.join(format!("{i:03}.toml")), out).unwrap();
    }
}

/// A Typst string literal of `s`, embedded in markup as `#"…"`.
fn typ(s: &str) -> String {
    format!("#\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// The handbook of the procedures in `dir` as a Typst document, each QR
/// code drawn beforehand by `toroi qr` into `dir/qr-N.svg`.
fn typst_handbook(exe: &Path, dir: &Path) -> PathBuf {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    let mut doc = String::from(
        "#set page(paper: \"a5\", margin: (x: 14mm, y: 16mm), numbering: \"1\")\n\
         #set text(font: \"Noto Sans\", size: 9.5pt, lang: \"vi\")\n\
         #set par(justify: false, leading: 0.55em)\n\
         #align(center + horizon)[#text(size: 11pt)[ỦY BAN NHÂN DÂN PHƯỜNG 1] \\ #v(1cm) #text(size: 22pt, weight: \"bold\")[Cẩm nang thủ tục hành chính] \\ #v(5mm) Quét mã để tìm hiểu và nộp hồ sơ trực tuyến]\n\
         #pagebreak()\n#outline(title: [Mục lục], depth: 1)\n",
    );
    for (i, f) in files.iter().enumerate() {
        let t: toml::Table = toml::from_str(&std::fs::read_to_string(f).unwrap()).unwrap();
        let text = |k: &str| t.get(k).and_then(|v| v.as_str()).unwrap_or("").to_owned();
        let list = |k: &str| -> Vec<String> {
            t.get(k)
                .and_then(|v| v.as_array())
                .map(|a| {
                    a.iter()
                        .filter_map(|v| v.as_str().map(str::to_owned))
                        .collect()
                })
                .unwrap_or_default()
        };
        // The address the poster's code carries: the file's own, else the
        // portal's page for its id, else the search for its code.
        let url = match (text("url"), text("formality_id")) {
            (u, _) if !u.is_empty() => u,
            (_, id) if !id.is_empty() => {
                format!("https://dichvucong.gov.vn/thu-tuc-hanh-chinh/{id}")
            }
            _ => format!(
                "https://dichvucong.gov.vn/tim-kiem-thu-tuc-hanh-chinh?keyword={}",
                text("code")
            ),
        };
        let svg = dir.join(format!("qr-{i}.svg"));
        if !svg.exists() {
            let ok = Command::new(exe)
                .args(["qr", &url, "-o"])
                .arg(&svg)
                .args(["--mm", "30"])
                .output()
                .unwrap();
            assert!(
                ok.status.success(),
                "{}",
                String::from_utf8_lossy(&ok.stderr)
            );
        }
        doc.push_str(&format!(
            "#pagebreak()\n= {}\n{}\n\n#grid(columns: (1fr, 32mm), gutter: 4mm, table(columns: (auto, 1fr), stroke: 0.4pt + luma(200), [*Thời hạn*], [{}], [*Lệ phí*], [{}], [*Cơ quan*], [{}], [*Kết quả*], [{}]), image(\"qr-{i}.svg\", width: 30mm))\n\n=== Thành phần hồ sơ\n",
            typ(&text("title")),
            typ(&text("summary")),
            typ(&text("processing_time")),
            typ(&text("fee")),
            typ(&text("agency")),
            typ(&text("result")),
        ));
        for d in list("documents") {
            doc.push_str(&format!("- {}\n", typ(&d)));
        }
        doc.push_str("\n=== Trình tự thực hiện\n");
        for s in list("steps") {
            doc.push_str(&format!("+ {}\n", typ(&s)));
        }
        doc.push_str(&format!(
            "\n#text(size: 8pt)[Căn cứ: {}]\n",
            typ(&list("legal_basis").join("; "))
        ));
    }
    let out = dir.join("handbook.typ");
    std::fs::write(&out, doc).unwrap();
    out
}

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    // TOROI_BENCH_EXE: another build of toroi (an earlier commit), to
    // compare on the same generated procedures.
    let exe = std::env::var_os("TOROI_BENCH_EXE")
        .map_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_toroi")), PathBuf::from);
    let campaign = root.join("examples/phuong-1/toroi.toml");
    let tmp = tempfile::tempdir().unwrap();
    println!(
        "{:<34} {:>10} {:>10} {:>7} {:>9} {:>9}",
        "toroi handbook (median)", "time", "min", "pages", "size", "peak"
    );
    // (procedures, command, extra arguments)
    let cases: [(usize, &str, &[&str]); 6] = [
        (20, "handbook", &[]),
        (200, "handbook", &[]),
        (20, "handbook", &["--booklet"]),
        (200, "handbook", &["--booklet"]),
        (200, "cards", &[]),
        (6, "leaflet", &[]),
    ];
    for (n, command, extra) in cases {
        let dir = tmp.path().join(format!("p{n}"));
        if !dir.exists() {
            procedures(&root, &dir, n);
        }
        let out = tmp.path().join(format!("h{n}.pdf"));
        let runs = match (quick, n) {
            (true, _) => 3,
            (false, 6 | 20) => 40,
            _ => 15,
        };
        // Typst on the same content, when asked (handbooks only).
        let typst = std::env::var_os("TYPST")
            .filter(|_| command == "handbook" && extra.is_empty())
            .map(|typst| {
                let typ = typst_handbook(&exe, &dir);
                let fonts = root.join("assets/fonts");
                let mut times = Vec::new();
                for _ in 0..runs + 1 {
                    let t = Instant::now();
                    let out = Command::new(&typst)
                        .arg("compile")
                        .arg("--font-path")
                        .arg(&fonts)
                        .arg("--ignore-system-fonts")
                        .arg(&typ)
                        .arg(dir.join("typst.pdf"))
                        .output()
                        .unwrap();
                    times.push(t.elapsed());
                    assert!(
                        out.status.success(),
                        "{}",
                        String::from_utf8_lossy(&out.stderr)
                    );
                }
                times.remove(0);
                let pages = Command::new("pdfinfo")
                    .arg(dir.join("typst.pdf"))
                    .output()
                    .map(|o| {
                        String::from_utf8_lossy(&o.stdout)
                            .lines()
                            .find_map(|l| l.strip_prefix("Pages:").map(|p| p.trim().to_owned()))
                            .unwrap_or_default()
                    })
                    .unwrap_or_default();
                let size = std::fs::metadata(dir.join("typst.pdf")).unwrap().len();
                (
                    median(times.clone()),
                    *times.iter().min().unwrap(),
                    pages,
                    size,
                )
            });
        let mut times = Vec::new();
        let mut said = String::new();
        for _ in 0..runs + 1 {
            let mut cmd = Command::new(&exe);
            // English, for the page count read from its summary below.
            cmd.env("TOROI_LANG", "en")
                .arg(command)
                .arg(&dir)
                .arg("--campaign")
                .arg(&campaign)
                .arg("-o")
                .arg(&out);
            cmd.args(extra);
            let t = Instant::now();
            let status = cmd.output().unwrap();
            times.push(t.elapsed());
            assert!(
                status.status.success(),
                "{}",
                String::from_utf8_lossy(&status.stderr)
            );
            said = String::from_utf8_lossy(&status.stdout).into_owned();
        }
        times.remove(0); // warm-up
        let min = *times.iter().min().unwrap();
        let size = std::fs::metadata(&out).unwrap().len();
        // "wrote h20.pdf (A5 handbook, 20 procedures, 42 pages, ...)"; cards
        // say "sheets", leaflets "sides".
        let pages = said
            .split(", ")
            .find_map(|part| {
                part.strip_suffix(" pages")
                    .or_else(|| part.strip_suffix(" sides"))
                    .or_else(|| {
                        part.split(" A4 sheet")
                            .next()
                            .filter(|_| part.contains(" A4 sheet"))
                            .and_then(|p| p.rsplit(' ').next())
                    })
                    .or_else(|| {
                        part.split(" pages")
                            .next()
                            .filter(|_| part.contains(" pages"))
                    })
            })
            .unwrap_or("?")
            .to_owned();
        let ours = median(times);
        println!(
            "{:<34} {:>7.1} ms {:>7.1} ms {:>7} {:>6} KB {:>6.1} MB",
            format!("{command} {n} {}", extra.join(" ")),
            ours.as_secs_f64() * 1000.0,
            min.as_secs_f64() * 1000.0,
            pages,
            size.div_ceil(1024),
            children_peak_mb(),
        );
        if let Some((theirs, min, pages, size)) = typst {
            println!(
                "{:<34} {:>7.1} ms {:>7.1} ms {:>7} {:>6} KB   toroi/typst {:.2}",
                format!("  typst, same content"),
                theirs.as_secs_f64() * 1000.0,
                min.as_secs_f64() * 1000.0,
                pages,
                size.div_ceil(1024),
                ours.as_secs_f64() / theirs.as_secs_f64(),
            );
        }
    }
}
