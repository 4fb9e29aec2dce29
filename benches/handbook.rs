//! `cargo bench --bench handbook`: whole `toroi handbook` processes for 20
//! and 200 procedures (and the QR card sheets for 200), made from the shipped ones with distinct titles,
//! codes and URLs (so no QR code or line break is shared between sections), with the
//! example campaign. Prints medians, the PDF's pages and size, and the peak
//! memory of the process. `-- --quick` runs fewer rounds.
//!
//! Typst on the same content: `cargo bench --bench vs_typst`.

mod common;

use std::path::PathBuf;
use std::process::Command;
use std::time::Instant;

use common::{children_peak_mb, median, procedures};

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
    }
}
