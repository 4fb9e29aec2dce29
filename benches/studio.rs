//! `cargo bench --bench studio`: toroi studio as the officer feels it. The
//! real `toroi studio` (release build) on a campaign made by `toroi init`:
//! the time from starting the program to its page being served, and from a
//! keystroke's request to the new preview image for the A4 poster and the
//! phone image (median and worst of 40 edits, each with a new title).
//! `-- --quick` runs fewer.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn exe() -> std::path::PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let built = Command::new("cargo")
        .args(["build", "--release", "--quiet", "--bin", "toroi"])
        .current_dir(root)
        .status()
        .unwrap();
    assert!(built.success());
    root.join("target/release/toroi")
}

/// One HTTP/1.1 request on a new connection; the status and body.
fn request(host: &str, cookie: &str, method: &str, path: &str, body: &str) -> (u16, Vec<u8>) {
    let mut s = TcpStream::connect(host).unwrap();
    s.set_nodelay(true).unwrap();
    write!(
        s,
        "{method} {path} HTTP/1.1\r\nHost: {host}\r\nCookie: toroi={cookie}\r\nOrigin: http://{host}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut out = Vec::new();
    s.read_to_end(&mut out).unwrap();
    let head_end = out.windows(4).position(|w| w == b"\r\n\r\n").unwrap() + 4;
    let status = std::str::from_utf8(&out[9..12]).unwrap().parse().unwrap();
    (status, out[head_end..].to_vec())
}

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let edits = if quick { 10 } else { 40 };
    let exe = exe();
    let dir = tempfile::tempdir().unwrap();
    let ok = Command::new(&exe)
        .args(["init", "c", "--ten", "Ủy ban nhân dân xã Thử"])
        .current_dir(dir.path())
        .stdout(Stdio::null())
        .status()
        .unwrap();
    assert!(ok.success());

    // Start: from the process starting to the page answered.
    let started = Instant::now();
    let mut child = Command::new(&exe)
        .args(["studio", "--no-open"])
        .arg(dir.path().join("c"))
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let address = loop {
        let line = lines.next().unwrap().unwrap();
        if let Some(i) = line.find("http://") {
            break line[i..].trim().to_owned();
        }
    };
    // The rest of what it says is read too, as a console would.
    std::thread::spawn(move || lines.for_each(drop));
    let rest = address.trim_start_matches("http://");
    let (host, token) = rest.split_once("/?t=").unwrap();
    let (status, _) = request(host, token, "GET", "/", "");
    let start_time = started.elapsed();
    assert_eq!(status, 200);

    println!("toroi studio (release build)            median      worst");
    println!(
        "{:<36} {:>9.1} ms",
        "start to page served",
        start_time.as_secs_f64() * 1e3
    );
    for view in ["poster", "phone"] {
        let mut times = Vec::new();
        for i in 0..edits {
            let body = format!(
                r#"{{"path":"thu-tuc/dang-ky-khai-sinh.toml","view":"{view}","fields":{{"title":"Đăng ký khai sinh lần {i}"}}}}"#
            );
            let t = Instant::now();
            let (status, png) = request(host, token, "POST", "/api/preview", &body);
            times.push(t.elapsed());
            assert_eq!(status, 200, "{}", String::from_utf8_lossy(&png));
            assert!(png.starts_with(b"\x89PNG"));
        }
        times.sort();
        let median = times[times.len() / 2];
        let worst = *times.last().unwrap_or(&Duration::ZERO);
        println!(
            "{:<36} {:>9.1} ms {:>8.1} ms",
            format!("keystroke to preview: {view}"),
            median.as_secs_f64() * 1e3,
            worst.as_secs_f64() * 1e3
        );
    }
    let _ = child.kill();
    let _ = child.wait();
}
