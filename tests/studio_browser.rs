//! toroi studio in a real headless Chromium (Debian's `chromium` and
//! `chromium-driver`), driven through WebDriver as an officer would use
//! it: open the studio on a new campaign; change a title and see the
//! preview change; save and find the new title and the old comments in
//! the file; add 1.001193 from the national catalogue; drop a CSV and see
//! a problem at its cell; print, follow the catalogue's link and decode
//! its code with zbar. Screenshots of each page at 1366 × 768 go to
//! `target/studio-screens/`.

mod harness;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use harness::Env;
use serde_json::json;

/// A child process killed when the test ends, however it ends.
struct Killed(Child);
impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn chromedriver() -> Option<PathBuf> {
    ["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.exists())
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// `toroi studio DIR --no-open`, and the first address it prints.
fn studio(dir: &Path) -> (Killed, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_toroi"))
        .args(["studio", "--no-open"])
        .arg(dir)
        .env("TOROI_LANG", "vi")
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    let out = child.stdout.take().unwrap();
    let mut lines = BufReader::new(out).lines();
    let address = loop {
        let line = lines.next().expect("studio printed its address").unwrap();
        if let Some(i) = line.find("http://") {
            break line[i..].trim().to_owned();
        }
    };
    // The rest of what it says is read too, as a console would.
    std::thread::spawn(move || lines.for_each(drop));
    (Killed(child), address)
}

async fn browser(port: u16, profile: &Path) -> Client {
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        json!({
            "binary": "/usr/bin/chromium",
            "args": [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--window-size=1366,768",
                format!("--user-data-dir={}", profile.display()),
            ]
        }),
    );
    let started = Instant::now();
    loop {
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        match ClientBuilder::new(connector)
            .capabilities(caps.clone())
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
        {
            Ok(c) => return c,
            Err(e) if started.elapsed() < Duration::from_secs(20) => {
                let _ = e;
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
            Err(e) => panic!("no WebDriver session: {e}"),
        }
    }
}

/// Clicks what `css` finds.
async fn click(c: &Client, css: &str) {
    c.find(Locator::Css(css))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
}

/// Waits (up to 20 s) until `script` returns true in the page.
async fn until(c: &Client, what: &str, script: &str) {
    let started = Instant::now();
    loop {
        let v = c.execute(script, vec![]).await.unwrap();
        if v == json!(true) {
            return;
        }
        if started.elapsed() > Duration::from_secs(20) {
            let shot = c.screenshot().await.unwrap_or_default();
            let _ = std::fs::write(screens().join("failed.png"), shot);
            panic!("waited 20 s for {what} ({script})");
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

fn screens() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("../studio-screens");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

async fn shot(c: &Client, name: &str) {
    let png = c.screenshot().await.unwrap();
    let img = image::load_from_memory(&png).unwrap();
    assert_eq!(
        (img.width(), img.height()),
        (1366, 768),
        "{name}: the window is 1366 × 768"
    );
    std::fs::write(screens().join(format!("{name}.png")), png).unwrap();
}

/// A hash of the preview's pixels, drawn from the image on a canvas.
const PREVIEW_HASH: &str = r#"
const img = document.querySelector('#preview');
if (!img.src || !img.complete || !img.naturalWidth) return null;
const c = document.createElement('canvas'); c.width = img.naturalWidth; c.height = img.naturalHeight;
const x = c.getContext('2d'); x.drawImage(img, 0, 0);
const a = x.getImageData(0, 0, c.width, c.height).data; let h = 2166136261;
for (let i = 0; i < a.length; i += 4) { h ^= a[i] ^ (a[i + 1] << 8) ^ (a[i + 2] << 16); h = Math.imul(h, 16777619) >>> 0; }
return c.width + 'x' + c.height + ':' + h;
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_officer_edits_adds_imports_and_prints_in_the_browser() {
    let Some(driver) = chromedriver() else {
        // CI installs Debian's chromium and chromium-driver (.ci/run);
        // there the test must run.
        assert!(
            std::env::var_os("CI").is_none(),
            "chromium-driver is not installed: apt-get install chromium chromium-driver"
        );
        eprintln!("skipped: chromium-driver is not installed");
        return;
    };
    let env = Env::strict();
    env.toroi(&["init", "c", "--ten", "Ủy ban nhân dân xã Thử"])
        .success();
    // 1.001193 comes from the catalogue below; the catalogue of the
    // campaign is one of its outputs.
    std::fs::remove_file(env.path("c/thu-tuc/dang-ky-khai-sinh.toml")).unwrap();
    let campaign = env.path("c/toroi.toml");
    let mut text = std::fs::read_to_string(&campaign).unwrap();
    text.push_str("\n[[output]]\nkind = \"catalog\"\nfile = \"out/danh-muc.pdf\"\n");
    std::fs::write(&campaign, text).unwrap();

    let (_studio, address) = studio(&env.path("c"));
    let port = free_port();
    let _driver = Killed(
        Command::new(&driver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let profile = tempfile::tempdir().unwrap();
    let c = browser(port, profile.path()).await;
    // The page's own area at 1366 × 768, whatever the window's frame takes.
    let frame = c
        .execute("return [window.outerWidth - window.innerWidth, window.outerHeight - window.innerHeight]", vec![])
        .await
        .unwrap();
    let (dw, dh) = (
        frame[0].as_u64().unwrap_or(0) as u32,
        frame[1].as_u64().unwrap_or(0) as u32,
    );
    c.set_window_size(1366 + dw, 768 + dh).await.unwrap();
    let outcome = run(&c, &env, &address).await;
    let _ = c.close().await;
    outcome
}

async fn run(c: &Client, env: &Env, address: &str) {
    // The first address sets the cookie and leaves the token out of the bar.
    c.goto(address).await.unwrap();
    until(
        c,
        "the campaign form",
        "return !!document.querySelector('#issuer-name')",
    )
    .await;
    assert!(!c.current_url().await.unwrap().as_str().contains("?t="));
    let name = c.find(Locator::Id("issuer-name")).await.unwrap();
    assert_eq!(
        name.prop("value").await.unwrap().as_deref(),
        Some("Ủy ban nhân dân xã Thử")
    );
    // Every input has a label a screen reader reads.
    let unlabelled: serde_json::Value = c
        .execute(
            "return [...document.querySelectorAll('input:not([type=hidden]),textarea,select')]
               .filter(e => !e.closest('[hidden]') && !(e.labels && e.labels.length) && !e.getAttribute('aria-label')).map(e => e.id)",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(unlabelled, json!([]), "inputs without a label");
    shot(c, "1-chien-dich").await;

    // Thủ tục: the table, then the editor of the kết hôn file.
    click(c, "button[data-tab=procedures]").await;
    until(
        c,
        "the procedures",
        "return document.querySelectorAll('#proc-table tbody tr').length > 0",
    )
    .await;
    shot(c, "2-thu-tuc").await;
    click(c, "#proc-table tbody button").await;
    until(c, "the first preview", "const i = document.querySelector('#preview'); return !!i.dataset.seq && i.complete && i.naturalWidth > 0").await;
    let before = c.execute(PREVIEW_HASH, vec![]).await.unwrap();
    let title = c.find(Locator::Id("f-title")).await.unwrap();
    title.clear().await.unwrap();
    title
        .send_keys("Đăng ký kết hôn có yếu tố lưu động")
        .await
        .unwrap();
    let typed = Instant::now();
    until(
        c,
        "a new preview",
        "const s = document.querySelector('#preview').dataset.seq; return !!s && Number(s) > 1 && document.querySelector('#f-title').value.endsWith('lưu động')",
    )
    .await;
    // The last keystroke's preview, not an earlier one.
    tokio::time::sleep(Duration::from_millis(400)).await;
    let after = c.execute(PREVIEW_HASH, vec![]).await.unwrap();
    assert!(before.is_string() && after.is_string(), "{before} {after}");
    assert_ne!(before, after, "the preview changed with the title");
    assert!(typed.elapsed() < Duration::from_secs(10));
    shot(c, "3-sua").await;
    click(c, "#edit-save").await;
    until(
        c,
        "the save",
        "return document.querySelector('#edit-status').classList.contains('ok')",
    )
    .await;
    let saved = std::fs::read_to_string(env.path("c/thu-tuc/dang-ky-ket-hon.toml")).unwrap();
    assert!(
        saved.contains("title = \"Đăng ký kết hôn có yếu tố lưu động\""),
        "{saved}"
    );
    assert!(
        saved.lines().any(|l| l.trim_start().starts_with('#')),
        "comments kept: {saved}"
    );

    // Thêm thủ tục: 1.001193 found by words without diacritics.
    click(c, "button[data-tab=add]").await;
    c.find(Locator::Id("search"))
        .await
        .unwrap()
        .send_keys("dang ky khai sinh")
        .await
        .unwrap();
    until(
        c,
        "1.001193 in the results",
        "return !!document.querySelector('#results input[value=\"1.001193\"]')",
    )
    .await;
    shot(c, "4-them-thu-tuc").await;
    click(c, "#results input[value=\"1.001193\"]").await;
    click(c, "#add-go").await;
    until(c, "the new file in the editor", "return document.querySelector('#f-code') && document.querySelector('#f-code').value === '1.001193'").await;
    let made = env.path("c/thu-tuc/dang-ky-khai-sinh.toml");
    assert!(std::fs::read_to_string(&made)
        .unwrap()
        .contains("code = \"1.001193\""));

    // Nhập danh sách: a CSV with a code in the wrong form, at B3.
    let csv = env.write(
        "danh-sach-xa.csv",
        "STT,Mã thủ tục,Tên thủ tục,Lĩnh vực\n1,1.000656,Đăng ký khai tử,Hộ tịch\n2,1.00089,Đăng ký nhận cha mẹ con,Hộ tịch\n",
    );
    click(c, "button[data-tab=list]").await;
    c.find(Locator::Id("list-file"))
        .await
        .unwrap()
        .send_keys(csv.to_str().unwrap())
        .await
        .unwrap();
    until(c, "the problem at B3", "return [...document.querySelectorAll('#list-problems td b')].some(b => b.textContent === 'B3')").await;
    shot(c, "5-nhap-danh-sach").await;

    // In: every output, the catalogue's link followed, its code decoded.
    click(c, "button[data-tab=print]").await;
    click(c, "#print-go").await;
    until(
        c,
        "the files written",
        "return document.querySelectorAll('#print-files a').length > 0",
    )
    .await;
    shot(c, "6-in").await;
    let link = c
        .find(Locator::Css("#print-files a[href$='danh-muc.pdf']"))
        .await
        .unwrap();
    link.click().await.unwrap();
    let pdf = c
        .execute_async(
            r##"const done = arguments[arguments.length - 1];
               fetch(document.querySelector("#print-files a[href$='danh-muc.pdf']").href)
                 .then(r => r.status === 200 ? r.arrayBuffer() : null)
                 .then(b => { if (!b) { done(null); return; } let s = ''; const a = new Uint8Array(b);
                   for (let i = 0; i < a.length; i += 8192) s += String.fromCharCode(...a.subarray(i, i + 8192));
                   done(btoa(s)); });"##,
            vec![],
        )
        .await
        .unwrap();
    let bytes = {
        use base64::Engine;
        base64::engine::general_purpose::STANDARD
            .decode(pdf.as_str().expect("the catalogue's link serves the PDF"))
            .unwrap()
    };
    assert!(bytes.starts_with(b"%PDF"));
    let file = env.path("followed.pdf");
    std::fs::write(&file, &bytes).unwrap();
    let codes = zbar_codes(&file);
    let expected = harness::expected_url_of(&made);
    assert!(codes.contains(&expected), "{codes:?} lacks {expected}");
}

/// The QR codes zbar reads on the PDF's pages drawn by poppler at 200 dpi.
fn zbar_codes(pdf: &Path) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let prefix = dir.path().join("p");
    let ok = Command::new("pdftoppm")
        .args(["-r", "200", "-png"])
        .arg(pdf)
        .arg(&prefix)
        .status()
        .unwrap();
    assert!(ok.success());
    let mut codes = Vec::new();
    for page in std::fs::read_dir(dir.path()).unwrap() {
        let out = Command::new("zbarimg")
            .args(["--quiet", "--raw", "-Sdisable", "-Sqrcode.enable"])
            .arg(page.unwrap().path())
            .output()
            .expect("zbarimg (zbar-tools)");
        codes.extend(
            String::from_utf8_lossy(&out.stdout)
                .lines()
                .map(str::to_owned),
        );
    }
    codes
}
