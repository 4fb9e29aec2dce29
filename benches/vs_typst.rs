//! `TYPST=/path/to/typst cargo bench --bench vs_typst`: toroi and Typst,
//! the fastest peer, on the same content in the same run, whole processes
//! both: the A5 handbook of 20 and of 200 procedures, the notice-board
//! catalogue of the real commune's 255-row list (xa-vinh-bao) and an A4
//! poster. For each: toroi's median, min and max of 15 runs (after one
//! warm-up), Typst's the same way, the pages and sizes of both PDFs, and
//! toroi's time over Typst's (the goal: 0.30 or less).
//!
//! Typst's side is a Typst document written here from the same
//! procedures (cover, contents, a section per procedure with its facts,
//! documents, steps, legal basis and QR code; the catalogue's field
//! headings and rows with their codes; the poster's header, facts, lists
//! and large code), set in the same Noto Sans that toroi embeds, with each
//! QR code made beforehand as SVG by `toroi qr` (Typst has no QR code of
//! its own): Typst is timed only on typesetting and writing its PDF.
//! Without TYPST, toroi's side alone is timed. `scripts/vs-typst` runs it
//! on toroi as released (the C runtime linked in). `-- --quick`: 3 runs;
//! BENCH_KEEP=DIR keeps the documents and PDFs of both sides in DIR.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use common::{pages, procedures, spread, toml_files};
use toroi::job::{Format, Job, Request};
use toroi::model::{link, list, Campaign, OutputKind, Procedure};

/// A Typst string literal of `s`, embedded in markup as `#"…"`.
fn typ(s: &str) -> String {
    format!("#\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

fn text(v: &Option<toroi::model::Located<String>>) -> &str {
    v.as_ref().map_or("", |l| l.value.as_str())
}

fn items(v: &[toroi::model::Located<String>]) -> Vec<&str> {
    v.iter().map(|l| l.value.as_str()).collect()
}

/// `toroi qr` of `href` into `svg`, `mm` wide, unless it is there.
fn qr_svg(exe: &Path, href: &str, svg: &Path, mm: u32) {
    if svg.exists() {
        return;
    }
    let out = Command::new(exe)
        .args(["qr", href, "-o"])
        .arg(svg)
        .args(["--mm", &mm.to_string()])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The procedures as toroi resolves them for `kind` with the campaign:
/// each with the address its code carries.
fn resolved(kind: OutputKind, campaign: &Path, procedures: Vec<Procedure>) -> Job {
    let campaign = Campaign::load(campaign).unwrap();
    Job::resolve(Request::plain(
        kind,
        Format::Pdf,
        Some(campaign),
        procedures,
    ))
    .unwrap()
}

fn load_dir(dir: &Path) -> Vec<Procedure> {
    toml_files(dir)
        .iter()
        .map(|f| Procedure::load(f).unwrap())
        .collect()
}

const PREAMBLE: &str = "#set text(font: \"Noto Sans\", lang: \"vi\")\n";

/// The handbook of the procedures in `dir` as a Typst document.
fn typst_handbook(exe: &Path, campaign: &Path, dir: &Path) -> PathBuf {
    let job = resolved(OutputKind::Handbook, campaign, load_dir(dir));
    let mut doc = format!(
        "{PREAMBLE}#set page(paper: \"a5\", margin: (x: 14mm, y: 16mm), numbering: \"1\")\n\
         #set text(size: 9.5pt)\n\
         #set par(justify: false, leading: 0.55em)\n\
         #align(center + horizon)[#text(size: 11pt)[{}] \\ #v(1cm) #text(size: 22pt, weight: \"bold\")[{}] \\ #v(5mm) Quét mã để tìm hiểu và nộp hồ sơ trực tuyến]\n\
         #pagebreak()\n#outline(title: [Mục lục], depth: 1)\n",
        typ(&job.issuer),
        typ(&job.title),
    );
    for (i, e) in job.entries.iter().enumerate() {
        let p = &e.procedure;
        qr_svg(exe, &e.code.href, &dir.join(format!("qr-{i}.svg")), 30);
        doc.push_str(&format!(
            "#pagebreak()\n= {}\n{}\n\n#grid(columns: (1fr, 32mm), gutter: 4mm, table(columns: (auto, 1fr), stroke: 0.4pt + luma(200), [*Thời hạn*], [{}], [*Lệ phí*], [{}], [*Cơ quan*], [{}], [*Kết quả*], [{}]), image(\"qr-{i}.svg\", width: 30mm))\n\n=== Thành phần hồ sơ\n",
            typ(&p.title.value),
            typ(text(&p.summary)),
            typ(text(&p.processing_time)),
            typ(text(&p.fee)),
            typ(text(&p.agency)),
            typ(text(&p.result)),
        ));
        for d in items(&p.documents) {
            doc.push_str(&format!("- {}\n", typ(d)));
        }
        doc.push_str("\n=== Trình tự thực hiện\n");
        for s in items(&p.steps) {
            doc.push_str(&format!("+ {}\n", typ(s)));
        }
        doc.push_str(&format!(
            "\n#text(size: 8pt)[Căn cứ: {}]\n",
            typ(&items(&p.legal_basis).join("; "))
        ));
    }
    let out = dir.join("typst.typ");
    std::fs::write(&out, doc).unwrap();
    out
}

/// The catalogue of a list as a Typst document: the title, then for each
/// field its heading bar and its rows (number, title, code, a 22 mm QR
/// code), in the order toroi prints them.
fn typst_catalog(exe: &Path, campaign: &Path, csv: &Path, dir: &Path) -> PathBuf {
    let procedures: Vec<Procedure> = list::read(csv, None)
        .unwrap()
        .rows
        .into_iter()
        .filter_map(|r| Procedure::parse(r).ok())
        .map(|mut p| {
            link::link(&mut p, toroi::catalogue::Catalogue::builtin());
            p
        })
        .collect();
    let mut procedures = toroi::job::by_field(procedures);
    procedures
        .dedup_by(|a, b| a.code.as_ref().map(|c| &c.value) == b.code.as_ref().map(|c| &c.value));
    let job = resolved(OutputKind::Catalog, campaign, procedures);
    let mut doc = format!(
        "{PREAMBLE}#set page(paper: \"a4\", margin: (x: 12mm, y: 14mm), footer: context [#text(size: 7pt)[{} #h(1fr) #counter(page).display(\"1/1\", both: true)]])\n\
         #set text(size: 9pt)\n\
         #align(center)[#text(size: 16pt, weight: \"bold\")[{}]]\n#v(4mm)\n",
        typ(&job.issuer),
        typ("DANH MỤC THỦ TỤC HÀNH CHÍNH"),
    );
    let mut field = None;
    let mut n = 0;
    for (i, e) in job.entries.iter().enumerate() {
        let p = &e.procedure;
        let f = text(&p.field).to_owned();
        if field.as_ref() != Some(&f) {
            doc.push_str(&format!(
                "#block(width: 100%, fill: rgb(\"#1f4e8c\"), inset: 2mm, below: 1mm)[#text(fill: white, weight: \"bold\")[{}]]\n",
                typ(&f.to_uppercase())
            ));
            field = Some(f);
            n = 0;
        }
        n += 1;
        qr_svg(exe, &e.code.href, &dir.join(format!("qr-{i}.svg")), 22);
        doc.push_str(&format!(
            "#block(width: 100%, fill: {}, inset: 2mm, above: 0mm, below: 0mm, breakable: false)[#grid(columns: (8mm, 1fr, 24mm), gutter: 2mm, [*{n}.*], [*{}* \\ #text(size: 7pt, fill: luma(100))[Mã thủ tục: {}]], image(\"qr-{i}.svg\", width: 22mm))]\n",
            if n % 2 == 0 { "white" } else { "rgb(\"#eef3fa\")" },
            typ(&p.title.value),
            typ(p.code.as_ref().map_or("", |c| c.value.as_str())),
        ));
    }
    let out = dir.join("typst.typ");
    std::fs::write(&out, doc).unwrap();
    out
}

/// One procedure's A4 poster as a Typst document: the campaign's logo
/// (copied beside it, decoded and embedded by Typst as toroi does), the
/// issuer, the code and field, the title, the summary, six facts in a box, documents and steps
/// in two columns, the legal basis and the call to scan beside a 60 mm
/// code, the contacts at the foot.
fn typst_poster(exe: &Path, campaign: &Path, file: &Path, dir: &Path) -> PathBuf {
    let job = resolved(
        OutputKind::Poster,
        campaign,
        vec![Procedure::load(file).unwrap()],
    );
    let e = &job.entries[0];
    let p = &e.procedure;
    qr_svg(exe, &e.code.href, &dir.join("qr-0.svg"), 60);
    let logo = job.campaign.as_ref().and_then(|c| c.issuer.logo.as_ref());
    let logo = logo.expect("the example campaign has a logo");
    let logo_file = Path::new("logo").with_extension(logo.path.extension().unwrap());
    std::fs::copy(&logo.path, dir.join(&logo_file)).unwrap();
    let fact = |label: &str, value: &str| {
        format!(
            "[#text(size: 7.5pt, weight: \"bold\", fill: rgb(\"#1f4e8c\"))[{}] \\ {}]",
            typ(label),
            typ(value)
        )
    };
    let list = |v: Vec<&str>, mark: &str| {
        v.iter()
            .map(|s| format!("{mark} {}\n", typ(s)))
            .collect::<String>()
    };
    let doc = format!(
        "{PREAMBLE}#set page(paper: \"a4\", margin: 14mm)\n#set text(size: 10pt)\n\
         #grid(columns: (auto, 1fr, auto), column-gutter: 3mm, align: horizon, image(\"{logo}\", height: 12mm), [#text(weight: \"bold\", fill: rgb(\"#1f4e8c\"))[{issuer}] \\ #text(size: 8pt)[{locality}]], align(right)[#text(size: 8pt)[Mã thủ tục: {code} \\ Lĩnh vực: {field}]])\n\
         #line(length: 100%, stroke: 0.6pt + rgb(\"#1f4e8c\"))\n\
         #text(size: 8pt, weight: \"bold\", fill: rgb(\"#1f4e8c\"))[THỦ TỤC HÀNH CHÍNH] \\\n\
         #text(size: 22pt, weight: \"bold\")[{title}]\n\n#text(fill: luma(90))[{summary}]\n\n\
         #block(fill: rgb(\"#eef3fa\"), inset: 4mm, radius: 2mm, width: 100%)[#grid(columns: (1fr, 1fr), gutter: 4mm, {f1}, {f2}, {f3}, {f4}, {f5}, {f6})]\n\
         #grid(columns: (1fr, 1fr), gutter: 6mm, [#text(weight: \"bold\", fill: rgb(\"#1f4e8c\"))[THÀNH PHẦN HỒ SƠ]\n{documents}], [#text(weight: \"bold\", fill: rgb(\"#1f4e8c\"))[TRÌNH TỰ THỰC HIỆN]\n{steps}])\n\n\
         #text(size: 7.5pt, fill: luma(90))[Căn cứ pháp lý: {legal}]\n#v(1fr)\n\
         #block(fill: rgb(\"#1f4e8c\"), inset: 6mm, radius: 2mm, width: 100%)[#grid(columns: (1fr, 64mm), align: horizon, [#text(size: 20pt, weight: \"bold\", fill: white)[Quét mã để xem chi tiết và nộp hồ sơ trực tuyến] \\ #text(size: 8pt, fill: white)[{shown}]], box(fill: white, inset: 2mm)[#image(\"qr-0.svg\", width: 60mm)])]\n\
         #align(center)[#text(size: 7.5pt)[{contacts}]]\n",
        logo = logo_file.display(),
        issuer = typ(&job.issuer),
        locality = typ(job.campaign.as_ref().map_or("", |c| c.issuer.locality.as_ref().map_or("", |l| l.value.as_str()))),
        code = typ(p.code.as_ref().map_or("", |c| c.value.as_str())),
        field = typ(text(&p.field)),
        title = typ(&p.title.value),
        summary = typ(text(&p.summary)),
        f1 = fact("THỜI HẠN GIẢI QUYẾT", text(&p.processing_time)),
        f2 = fact("LỆ PHÍ", text(&p.fee)),
        f3 = fact("CƠ QUAN THỰC HIỆN", text(&p.agency)),
        f4 = fact("DỊCH VỤ CÔNG TRỰC TUYẾN", "Một phần"),
        f5 = fact("CÁCH THỨC NỘP HỒ SƠ", &items(&p.channels).join("; ")),
        f6 = fact("KẾT QUẢ", text(&p.result)),
        documents = list(items(&p.documents), "-"),
        steps = list(items(&p.steps), "+"),
        legal = typ(&items(&p.legal_basis).join("; ")),
        shown = typ(&e.code.shown),
        contacts = typ(&job.campaign.as_ref().map_or(String::new(), |c| {
            [&c.issuer.hotline, &c.issuer.address]
                .into_iter()
                .flatten()
                .map(|l| l.value.as_str())
                .collect::<Vec<_>>()
                .join(" · ")
        })),
    );
    let out = dir.join("typst.typ");
    std::fs::write(&out, doc).unwrap();
    out
}

/// How long `cmd` takes, which must succeed.
fn once(mut cmd: Command) -> Duration {
    let t = Instant::now();
    let out = cmd.output().unwrap();
    let took = t.elapsed();
    assert!(
        out.status.success(),
        "{:?}: {}",
        cmd,
        String::from_utf8_lossy(&out.stderr)
    );
    took
}

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let runs = if quick { 3 } else { 15 };
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    // TOROI_BENCH_EXE: another build of toroi (an earlier commit, or the
    // released build that scripts/vs-typst makes).
    let exe = std::env::var_os("TOROI_BENCH_EXE")
        .map_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_toroi")), PathBuf::from);
    println!("toroi: {}", exe.display());
    if std::env::var_os("TOROI_BENCH_EXE").is_none() {
        println!("(the plain cargo build; scripts/vs-typst times toroi as released)");
    }
    let typst = std::env::var_os("TYPST").map(PathBuf::from);
    let fonts = root.join("assets/fonts");
    let phuong = root.join("examples/phuong-1/toroi.toml");
    // BENCH_KEEP=DIR keeps both sides' documents and PDFs there, to look at.
    let tmp = tempfile::tempdir().unwrap();
    let tmp = std::env::var_os("BENCH_KEEP").map_or_else(|| tmp.path().to_owned(), PathBuf::from);
    // Both programs run from a copy made here, written whole as `cargo
    // install` or a download writes one. How a program's file sits in the
    // kernel's page cache changes how fast it starts: a file the linker
    // has just written in small pieces, or one read back in pieces after
    // memory ran short, started 0.5 ms (toroi) and 1.3-2.4 ms (Typst)
    // slower on the development machine than the same bytes copied whole.
    // Copies of both make neither side pay for the state of its file.
    let bin = tmp.join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let installed = |exe: &Path| {
        let copy = bin.join(exe.file_name().unwrap());
        let _ = std::fs::remove_file(&copy);
        std::fs::copy(exe, &copy).unwrap();
        copy
    };
    let exe = installed(&exe);
    let typst = typst.map(|t| installed(&t));
    if typst.is_none() {
        println!("(TYPST=/path/to/typst to time Typst on the same content)");
    }
    println!(
        "{:<22} {:>24} {:>11} {:>24} {:>11} {:>7}",
        "same content",
        "toroi median (min–max)",
        "pages, KB",
        "typst median (min–max)",
        "pages, KB",
        "ratio"
    );
    // (name, toroi's arguments, Typst's document)
    type Doc = Box<dyn Fn(&Path) -> PathBuf>;
    let mut cases: Vec<(String, Vec<String>, Doc)> = Vec::new();
    for n in [20, 200] {
        let dir = tmp.join(format!("p{n}"));
        procedures(&root, &dir, n);
        let (exe2, phuong2, dir2) = (exe.clone(), phuong.clone(), dir.clone());
        cases.push((
            format!("handbook A5, {n}"),
            vec!["handbook".into(), dir.display().to_string()],
            Box::new(move |_| typst_handbook(&exe2, &phuong2, &dir2)),
        ));
    }
    let csv = root.join("examples/xa-vinh-bao/danh-muc-2026.csv");
    {
        let (exe2, phuong2, csv2) = (exe.clone(), phuong.clone(), csv.clone());
        cases.push((
            "catalog A4, 255 rows".into(),
            vec!["catalog".into(), csv.display().to_string()],
            Box::new(move |dir| typst_catalog(&exe2, &phuong2, &csv2, dir)),
        ));
    }
    let poster = root.join("procedures/chung-thuc-ban-sao.toml");
    {
        let (exe2, phuong2, poster2) = (exe.clone(), phuong.clone(), poster.clone());
        cases.push((
            "poster A4".into(),
            vec!["poster".into(), poster.display().to_string()],
            Box::new(move |dir| typst_poster(&exe2, &phuong2, &poster2, dir)),
        ));
    }
    for (i, (name, args, doc)) in cases.iter().enumerate() {
        let dir = tmp.join(format!("case{i}"));
        std::fs::create_dir_all(&dir).unwrap();
        let out = dir.join("toroi.pdf");
        let toroi_cmd = || {
            let mut c = Command::new(&exe);
            c.args(args)
                .arg("--campaign")
                .arg(&phuong)
                .arg("--root")
                .arg(&root)
                .arg("-o")
                .arg(&out);
            c
        };
        let typ = typst.as_ref().map(|_| doc(&dir));
        let pdf = dir.join("typst.pdf");
        let typst_cmd = || {
            let mut c = Command::new(typst.as_ref().unwrap());
            c.arg("compile")
                .arg("--font-path")
                .arg(&fonts)
                .arg("--ignore-system-fonts")
                .arg(typ.as_ref().unwrap())
                .arg(&pdf);
            c
        };
        // The two alternate, run by run, so that a slower moment of the
        // machine falls on both alike.
        let (mut ours, mut theirs) = (Vec::new(), Vec::new());
        for round in 0..=runs {
            // Round 0 warms the caches up, and is not counted.
            let t = once(toroi_cmd());
            if round > 0 {
                ours.push(t);
            }
            if typst.is_some() {
                let t = once(typst_cmd());
                if round > 0 {
                    theirs.push(t);
                }
            }
        }
        let (m, lo, hi) = spread(&ours);
        let ours_kb = std::fs::metadata(&out).unwrap().len().div_ceil(1024);
        let mut line = format!(
            "{:<22} {:>8.1} ms ({:>5.1}–{:>5.1}) {:>5}, {:>4}",
            name,
            m,
            lo,
            hi,
            pages(&out),
            ours_kb
        );
        if !theirs.is_empty() {
            let (tm, tlo, thi) = spread(&theirs);
            line.push_str(&format!(
                " {:>8.1} ms ({:>5.1}–{:>5.1}) {:>5}, {:>4} {:>7.2}",
                tm,
                tlo,
                thi,
                pages(&pdf),
                std::fs::metadata(&pdf).unwrap().len().div_ceil(1024),
                m / tm
            ));
        }
        println!("{line}");
    }
}
