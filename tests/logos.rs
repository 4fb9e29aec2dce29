//! Logos as offices have them: an SVG emblem, a huge scan. Alone in their
//! test binary, so that the peak memory of the children it runs is toroi's
//! alone.

mod harness;

use harness::*;
use std::path::Path;

/// The images of a PDF as pdfimages lists them: (width, height, colour space).
fn pdf_images(pdf: &Path) -> Vec<(u32, u32, String)> {
    let out = std::process::Command::new("pdfimages")
        .arg("-list")
        .arg(pdf)
        .output()
        .expect("pdfimages (poppler-utils)");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .skip(2)
        .filter_map(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            Some((
                f.get(3)?.parse().ok()?,
                f.get(4)?.parse().ok()?,
                f.get(5)?.to_string(),
            ))
        })
        .collect()
}

fn campaign_with_logo(env: &Env, logo: &str) -> std::path::PathBuf {
    env.write(
        "toroi.toml",
        format!("[issuer]\nname = \"Ủy ban nhân dân xã Vĩnh Bảo\"\nlogo = \"{logo}\"\n"),
    )
}

/// `toroi poster PROCEDURE --campaign CAMPAIGN -o p.pdf`.
fn poster_of(env: &Env, procedure: &Path, campaign: &Path) -> harness::Output {
    env.toroi(&[
        "poster",
        procedure.to_str().unwrap(),
        "--campaign",
        campaign.to_str().unwrap(),
        "-o",
        "p.pdf",
    ])
}

/// The marriage registration's poster under `campaign`, as p.pdf.
fn poster_with(env: &Env, campaign: &Path) {
    poster_of(env, &repo("procedures/dang-ky-ket-hon.toml"), campaign).success();
}

#[test]
fn an_svg_emblem_prints_at_300_dpi() {
    let env = Env::new();
    // A red disc with a yellow star, as emblems are drawn.
    env.write(
        "quoc-huy.svg",
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">
  <circle cx="50" cy="50" r="48" fill="#da251d"/>
  <polygon points="50,15 60,40 87,40 65,56 73,83 50,67 27,83 35,56 13,40 40,40" fill="#ffcd00"/>
</svg>"##,
    );
    let campaign = campaign_with_logo(&env, "quoc-huy.svg");
    poster_with(&env, &campaign);
    let images = pdf_images(&env.path("p.pdf"));
    assert_eq!(images.len(), 1, "{images:?}");
    assert_eq!((images[0].0, images[0].1), (600, 600));
    // Drawn where the logo goes, in its colours (poppler's render, 2 px
    // a millimetre): the red disc and the yellow star.
    let img = render_page_to(&env.path("p.pdf"), 1, 420, 594);
    let (mut red, mut yellow) = (0, 0);
    for y in 28..70 {
        for x in 28..70 {
            match img.get_pixel(x, y).0 {
                [r, g, b] if r > 180 && g < 80 && b < 80 => red += 1,
                [r, g, b] if r > 200 && g > 170 && b < 80 => yellow += 1,
                _ => {}
            }
        }
    }
    assert!(red > 200 && yellow > 50, "red {red}, yellow {yellow}");
}

#[cfg(unix)]
#[test]
fn a_12000_pixel_png_logo_prints_within_bounded_memory_and_a_small_file() {
    let env = Env::new();
    // Written row by row: the test holds one row, not 432 MB.
    let (w, h) = (12000u32, 12000u32);
    let file = std::fs::File::create(env.path("scan.png")).unwrap();
    let mut encoder = png::Encoder::new(std::io::BufWriter::new(file), w, h);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Fast);
    let mut writer = encoder.write_header().unwrap();
    let mut stream = writer.stream_writer().unwrap();
    // A red disc on white: each row is white with one red run.
    let white = vec![255u8; w as usize * 3];
    let red: Vec<u8> = [0xda, 0x25, 0x1d].repeat(w as usize);
    let mut row = white.clone();
    for y in 0..h {
        let dy = y as f64 - 6000.0;
        let half = (5500.0f64 * 5500.0 - dy * dy).max(0.0).sqrt() as usize;
        row.copy_from_slice(&white);
        let (a, b) = (6000 - half.min(6000), (6000 + half).min(w as usize));
        row[a * 3..b * 3].copy_from_slice(&red[a * 3..b * 3]);
        std::io::Write::write_all(&mut stream, &row).unwrap();
    }
    stream.finish().unwrap();
    writer.finish().unwrap();
    let campaign = campaign_with_logo(&env, "scan.png");
    poster_with(&env, &campaign);
    let size = std::fs::metadata(env.path("p.pdf")).unwrap().len();
    assert!(size < 1_000_000, "{size} bytes");
    let images = pdf_images(&env.path("p.pdf"));
    assert_eq!((images[0].0, images[0].1), (600, 600), "{images:?}");
    // The children's peak: toroi's, as no other test runs in this binary
    // at the same time (the SVG test's poster is far smaller).
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) };
    let peak_mb = usage.ru_maxrss as f64 / 1024.0;
    assert!(peak_mb < 64.0, "peak {peak_mb:.0} MB");
}

/// The logo is decoded on another of rayon's threads while the procedure
/// is read: with one thread (a one-core PC), the waiting thread decodes it
/// itself; with several, the same poster comes out.
#[test]
fn a_png_logo_prints_the_same_on_one_thread_as_on_many() {
    let env = Env::new();
    std::fs::copy(repo("examples/phuong-1/logo.png"), env.path("logo.png")).unwrap();
    let campaign = campaign_with_logo(&env, "logo.png");
    let p = repo("procedures/dang-ky-ket-hon.toml");
    let mut made = Vec::new();
    for threads in ["1", "2", "4"] {
        let out = env.path(&format!("p{threads}.pdf"));
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_toroi"))
            .env("RAYON_NUM_THREADS", threads)
            .args(["--root", repo("").to_str().unwrap(), "poster"])
            .arg(&p)
            .arg("--campaign")
            .arg(&campaign)
            .arg("-o")
            .arg(&out)
            .stdout(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // A wait that never ends is the failure this test is for.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
        let status = loop {
            if let Some(s) = child.try_wait().unwrap() {
                break s;
            }
            if std::time::Instant::now() > deadline {
                let _ = child.kill();
                panic!("{threads} thread(s): still waiting after a minute");
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        };
        assert!(status.success(), "{threads} thread(s): {status}");
        let images = pdf_images(&out);
        assert_eq!(images.len(), 1, "{threads} thread(s): {images:?}");
        assert_eq!((images[0].0, images[0].1), (240, 240));
        made.push(std::fs::metadata(&out).unwrap().len());
    }
    assert!(made.windows(2).all(|w| w[0] == w[1]), "{made:?}");
}

/// A logo cut off in a chat and a procedure with a slip: both said in one
/// run, each at its line (the logo is decoded while the procedure is read),
/// and nothing written.
#[test]
fn a_broken_logo_and_a_broken_procedure_are_reported_together() {
    let env = Env::new();
    let logo = std::fs::read(repo("examples/phuong-1/logo.png")).unwrap();
    env.write("logo.png", &logo[..logo.len() / 4]);
    let campaign = campaign_with_logo(&env, "logo.png");
    let procedure = env.write("thu-tuc.toml", "title = \n");
    let out = poster_of(&env, &procedure, &campaign);
    out.failure(1);
    assert!(out.stderr.contains("thu-tuc.toml:1:"), "{}", out.stderr);
    assert!(out.stderr.contains("toroi.toml:3:"), "{}", out.stderr);
    assert!(out.stderr.contains("logo.png"), "{}", out.stderr);
    assert!(!env.path("p.pdf").exists());
    // A campaign broken elsewhere too: its logo is said with the rest.
    env.write(
        "toroi.toml",
        "[issuer]\nname = \"UBND\"\nlogo = \"logo.png\"\n[campaign]\nlang = \"fr\"\n",
    );
    let p = repo("procedures/dang-ky-ket-hon.toml");
    let out = poster_of(&env, &p, &campaign);
    out.failure(1);
    assert!(out.stderr.contains("toroi.toml:3:"), "{}", out.stderr);
    assert!(out.stderr.contains("toroi.toml:5:"), "{}", out.stderr);
    assert!(!env.path("p.pdf").exists());
}
