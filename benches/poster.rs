//! `cargo bench`: how long a poster takes, in process and as a whole command.
//!
//! Prints a table of medians. The whole-command figure is what a user waits
//! for (process start, parsing, layout, font subsetting, writing the file).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use toroi::job::Job;
use toroi::layout;
use toroi::model::{Campaign, OutputKind, Procedure};
use toroi::render;
use toroi::scene::Document;
use toroi::style::{Labels, PosterSize, Template};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn time<F: FnMut()>(runs: usize, mut f: F) -> Duration {
    f();
    median(
        (0..runs)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed()
            })
            .collect(),
    )
}

/// One whole `toroi poster` command.
fn run(exe: &Path, file: &Path, out: &Path, extra: &[&str], campaign: &Path) {
    let status = Command::new(exe)
        .arg("poster")
        .arg(file)
        .arg("-o")
        .arg(out)
        .args(extra)
        .arg("--campaign")
        .arg(campaign)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
}

fn main() {
    // `cargo bench -- --quick` (or any filter argument cargo passes) is accepted.
    let quick = std::env::args().any(|a| a == "--quick");
    let runs = if quick { 5 } else { 60 };
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<PathBuf> = std::fs::read_dir(root.join("procedures"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    let campaign_file = root.join("examples/phuong-1/toroi.toml");
    let campaign = Campaign::load(&campaign_file).unwrap();
    let template = Template::poster(PosterSize::A4);
    let labels = Labels::vietnamese();
    let exe = PathBuf::from(env!("CARGO_BIN_EXE_toroi"));
    let out_dir = tempfile::tempdir().unwrap();

    println!(
        "{:<36} {:>10} {:>10} {:>10} {:>12} {:>9} {:>10} {:>12} {:>9}",
        "A4 poster (median)",
        "parse",
        "layout",
        "pdf",
        "command",
        "size",
        "png 1080",
        "png command",
        "png size"
    );
    for file in &files {
        let name = file.file_stem().unwrap().to_string_lossy().into_owned();
        let parse = time(runs, || {
            Procedure::load(file).unwrap();
        });
        let p = Procedure::load(file).unwrap();
        // Resolving the job (its QR code encoded) and laying it out.
        let job = || {
            Job::with_template(
                OutputKind::Poster,
                template.clone(),
                labels.clone(),
                Some(campaign.clone()),
                vec![p.clone()],
            )
            .unwrap()
        };
        let lay = time(runs, || {
            let job = job();
            layout::poster(&job, &job.entries[0]).unwrap();
        });
        let job = job();
        let page = layout::poster(&job, &job.entries[0]).unwrap().page;
        let doc = Document {
            title: p.title.value.clone(),
            author: "bench".into(),
            pages: vec![page],
            outline: Vec::new(),
            date: toroi::clock::now(),
        };
        let mut size = 0;
        let pdf = time(runs, || size = render::pdf::render(&doc).len());
        let out = out_dir.path().join(format!("{name}.pdf"));
        let command = time(runs, || run(&exe, file, &out, &[], &campaign_file));
        // The same poster as a 1080 px PNG for chat apps.
        let mut png_size = 0;
        let png = time(runs, || {
            png_size = render::png::render(&doc.pages[0], 1080).len();
        });
        let png_out = out_dir.path().join(format!("{name}.png"));
        let png_command = time(runs, || {
            run(&exe, file, &png_out, &["--png"], &campaign_file)
        });
        println!(
            "{name:<36} {:>10} {:>10} {:>10} {:>12} {:>6} KB {:>10} {:>12} {:>6} KB",
            ms(parse),
            ms(lay),
            ms(pdf),
            ms(command),
            size / 1024,
            ms(png),
            ms(png_command),
            png_size / 1024
        );
    }
}
