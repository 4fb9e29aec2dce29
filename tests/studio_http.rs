//! toroi studio's routes over HTTP, in process (tower's `oneshot` on the
//! real router): the token, the Host and Origin checks, paths outside the
//! campaign refused, upload limits, the conflict on a file changed on
//! disk, comments kept in saved files, and each route's answer.

mod harness;

use std::sync::Arc;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::{json, Value};
use tower::ServiceExt;

use harness::Env;
use toroi::studio::{app, Studio};

const PORT: u16 = 47011;
const HOST: &str = "127.0.0.1:47011";
const ORIGIN: &str = "http://127.0.0.1:47011";

/// A campaign made by `toroi init`, and a studio of it.
fn campaign() -> (Env, Arc<Studio>) {
    let env = Env::strict();
    env.toroi(&["init", "c", "--ten", "Ủy ban nhân dân xã Thử"])
        .success();
    let studio = Arc::new(Studio::new(&env.path("c"), PORT).unwrap());
    (env, studio)
}

struct Answer {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: Vec<u8>,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|_| panic!("not JSON: {}", String::from_utf8_lossy(&self.body)))
    }
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// A request as the studio's page sends it: the Host, the cookie, and for
/// a POST the page's Origin.
fn request(studio: &Studio, method: &str, uri: &str) -> axum::http::request::Builder {
    let mut r = Request::builder()
        .method(method)
        .uri(uri)
        .header(header::HOST, HOST)
        .header(header::COOKIE, format!("toroi={}", studio.token));
    if method != "GET" {
        r = r.header(header::ORIGIN, ORIGIN);
    }
    r
}

async fn send(studio: &Arc<Studio>, req: Request<Body>) -> Answer {
    let res = app(studio.clone()).oneshot(req).await.unwrap();
    let status = res.status();
    let headers = res.headers().clone();
    let body = res.into_body().collect().await.unwrap().to_bytes().to_vec();
    Answer {
        status,
        headers,
        body,
    }
}

async fn get(studio: &Arc<Studio>, uri: &str) -> Answer {
    let req = request(studio, "GET", uri).body(Body::empty()).unwrap();
    send(studio, req).await
}

async fn post(studio: &Arc<Studio>, uri: &str, body: Value) -> Answer {
    let req = request(studio, "POST", uri)
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(body.to_string()))
        .unwrap();
    send(studio, req).await
}

async fn post_bytes(studio: &Arc<Studio>, uri: &str, bytes: Vec<u8>) -> Answer {
    let req = request(studio, "POST", uri)
        .body(Body::from(bytes))
        .unwrap();
    send(studio, req).await
}

#[tokio::test]
async fn the_first_address_sets_the_token_as_a_strict_http_only_cookie() {
    let (_env, studio) = campaign();
    let first = studio.first_address();
    let uri = first.strip_prefix(&format!("http://{HOST}")).unwrap();
    let req = Request::get(uri)
        .header(header::HOST, HOST)
        .body(Body::empty())
        .unwrap();
    let a = send(&studio, req).await;
    assert_eq!(a.status, StatusCode::SEE_OTHER);
    let cookie = a.headers[header::SET_COOKIE].to_str().unwrap();
    assert!(
        cookie.starts_with(&format!("toroi={};", studio.token)),
        "{cookie}"
    );
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );
    assert_eq!(a.headers[header::LOCATION], "/");
    // A wrong token sets nothing.
    let req = Request::get("/?t=0123")
        .header(header::HOST, HOST)
        .body(Body::empty())
        .unwrap();
    let a = send(&studio, req).await;
    assert_eq!(a.status, StatusCode::FORBIDDEN);
    assert!(a.headers.get(header::SET_COOKIE).is_none());
}

#[tokio::test]
async fn every_route_wants_the_token() {
    let (_env, studio) = campaign();
    for uri in [
        "/",
        "/app.js",
        "/api/state",
        "/api/campaign",
        "/api/procedures",
        "/files/toroi.toml",
    ] {
        let req = Request::get(uri)
            .header(header::HOST, HOST)
            .body(Body::empty())
            .unwrap();
        let a = send(&studio, req).await;
        assert_eq!(a.status, StatusCode::FORBIDDEN, "{uri}");
        let req = Request::get(uri)
            .header(header::HOST, HOST)
            .header(header::COOKIE, "toroi=ffffffffffffffffffffffffffffffff")
            .body(Body::empty())
            .unwrap();
        assert_eq!(
            send(&studio, req).await.status,
            StatusCode::FORBIDDEN,
            "{uri}"
        );
    }
    let a = get(&studio, "/").await;
    assert_eq!(a.status, StatusCode::OK);
    assert!(a.text().contains("<script src=\"/app.js\""));
    // Nothing from the internet: the page's policy allows its own origin only.
    let csp = a.headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
    assert!(csp.starts_with("default-src 'self'"), "{csp}");
    assert!(
        !a.text().contains("https://"),
        "the page loads nothing from the internet"
    );
}

#[tokio::test]
async fn another_host_name_is_refused_even_with_the_token() {
    let (_env, studio) = campaign();
    for host in [
        "evil.example:47011",
        "127.0.0.1:80",
        "127.0.0.1",
        "localhost.evil.example:47011",
    ] {
        let req = Request::get("/api/campaign")
            .header(header::HOST, host)
            .header(header::COOKIE, format!("toroi={}", studio.token))
            .body(Body::empty())
            .unwrap();
        assert_eq!(
            send(&studio, req).await.status,
            StatusCode::MISDIRECTED_REQUEST,
            "{host}"
        );
    }
    let req = Request::get("/api/campaign")
        .header(header::HOST, "localhost:47011")
        .header(header::COOKIE, format!("toroi={}", studio.token))
        .body(Body::empty())
        .unwrap();
    assert_eq!(send(&studio, req).await.status, StatusCode::OK);
}

#[tokio::test]
async fn a_change_from_another_origin_is_refused_and_writes_nothing() {
    let (env, studio) = campaign();
    let before = std::fs::read(env.path("c/toroi.toml")).unwrap();
    let version = get(&studio, "/api/campaign").await.json()["version"].clone();
    let body = json!({ "version": version, "campaign": { "title": "Bị đổi" } });
    for origin in [
        Some("http://evil.example"),
        Some("http://127.0.0.1:9"),
        Some("null"),
        None,
    ] {
        let mut r = Request::post("/api/campaign")
            .header(header::HOST, HOST)
            .header(header::COOKIE, format!("toroi={}", studio.token))
            .header(header::CONTENT_TYPE, "application/json");
        if let Some(o) = origin {
            r = r.header(header::ORIGIN, o);
        }
        let a = send(&studio, r.body(Body::from(body.to_string())).unwrap()).await;
        assert_eq!(a.status, StatusCode::FORBIDDEN, "{origin:?}");
    }
    assert_eq!(std::fs::read(env.path("c/toroi.toml")).unwrap(), before);
}

#[tokio::test]
async fn paths_outside_the_campaign_are_refused() {
    let (env, studio) = campaign();
    env.write("secret.toml", "title = \"x\"\n");
    for path in [
        "../secret.toml",
        "/etc/passwd",
        "thu-tuc/../../secret.toml",
        "C:\\Windows\\win.ini",
    ] {
        let q = url_escape(path);
        let a = get(&studio, &format!("/api/procedure?path={q}")).await;
        assert!(
            a.status == StatusCode::FORBIDDEN || a.status == StatusCode::NOT_FOUND,
            "{path}: {}",
            a.status
        );
        assert!(!a.text().contains("title = "), "{path}");
    }
    let a = get(&studio, "/files/..%2Fsecret.toml").await;
    assert_ne!(a.status, StatusCode::OK);
    // A link inside the folder that leads out of it.
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(env.path("secret.toml"), env.path("c/link.toml")).unwrap();
        let a = get(&studio, "/api/procedure?path=link.toml").await;
        assert_eq!(a.status, StatusCode::FORBIDDEN);
    }
    // Only printable files are served, not the campaign's sources.
    assert_eq!(
        get(&studio, "/files/toroi.toml").await.status,
        StatusCode::FORBIDDEN
    );
    let a = post(
        &studio,
        "/api/save",
        json!({ "path": "../x.toml", "version": "", "fields": {} }),
    )
    .await;
    assert_eq!(a.status, StatusCode::FORBIDDEN);
    assert!(!env.path("x.toml").exists());
}

fn url_escape(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'.' | b'-' | b'_' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[tokio::test]
async fn uploads_have_size_limits() {
    let (env, studio) = campaign();
    let big = vec![b'a'; toroi::studio::LIST_LIMIT + 1];
    let a = post_bytes(&studio, "/api/list?name=big.csv", big).await;
    assert_eq!(a.status, StatusCode::PAYLOAD_TOO_LARGE);
    let big = vec![0u8; toroi::studio::LOGO_LIMIT + 1];
    let a = post_bytes(&studio, "/api/logo?name=logo.png", big).await;
    assert_eq!(a.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(!env.path("c/logo.png").exists());
    let a = post(
        &studio,
        "/api/check",
        json!({ "path": "x", "fields": { "title": "a".repeat(toroi::studio::FORM_LIMIT) } }),
    )
    .await;
    assert_eq!(a.status, StatusCode::PAYLOAD_TOO_LARGE);
    // Not a list, not an image: refused by name and by content.
    let a = post_bytes(&studio, "/api/list?name=..%2F..%2Fx.exe", b"MZ".to_vec()).await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
    let a = post_bytes(&studio, "/api/logo?name=logo.png", b"not a png".to_vec()).await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
    assert!(!env.path("c/logo.png").exists());
}

const FILE: &str = "thu-tuc/dang-ky-khai-sinh.toml";

#[tokio::test]
async fn a_saved_procedure_keeps_its_comments_and_says_its_problems_by_field() {
    let (env, studio) = campaign();
    let path = env.path(&format!("c/{FILE}"));
    let original = std::fs::read_to_string(&path).unwrap();
    let comments: Vec<&str> = original
        .lines()
        .filter(|l| l.trim_start().starts_with('#'))
        .collect();
    assert!(!comments.is_empty(), "init's sample has comments");
    let p = get(&studio, &format!("/api/procedure?path={FILE}"))
        .await
        .json();
    assert_eq!(p["readonly"], false);
    assert_eq!(p["fields"]["code"], "1.001193");
    let a = post(
        &studio,
        "/api/save",
        json!({ "path": FILE, "version": p["version"], "fields": { "title": "Đăng ký khai sinh cho trẻ em", "fee": "" } }),
    )
    .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text());
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(
        saved.contains("title = \"Đăng ký khai sinh cho trẻ em\""),
        "{saved}"
    );
    for c in &comments {
        assert!(saved.contains(c), "comment lost: {c}\n{saved}");
    }
    assert!(!saved.lines().any(|l| l.starts_with("fee =")), "{saved}");
    // The saved file is what `check` reads.
    env.toroi(&["check", path.to_str().unwrap()]).success();
    // A problem is placed at its field: a code in the wrong form.
    let a = post(
        &studio,
        "/api/check",
        json!({ "path": FILE, "fields": { "code": "1.00119" } }),
    )
    .await;
    let problems = a.json()["problems"].as_array().unwrap().clone();
    assert!(
        problems
            .iter()
            .any(|p| p["field"] == "code" && p["error"] == true),
        "{problems:?}"
    );
}

#[tokio::test]
async fn a_file_changed_on_disk_is_not_overwritten() {
    let (env, studio) = campaign();
    let path = env.path(&format!("c/{FILE}"));
    let p = get(&studio, &format!("/api/procedure?path={FILE}"))
        .await
        .json();
    // Notepad (or `watch`, or another tab) saves the file meanwhile.
    let notepad = std::fs::read_to_string(&path)
        .unwrap()
        .replace("Đăng ký khai sinh", "Sửa trong Notepad");
    std::fs::write(&path, &notepad).unwrap();
    let a = post(
        &studio,
        "/api/save",
        json!({ "path": FILE, "version": p["version"], "fields": { "title": "Từ trang" } }),
    )
    .await;
    assert_eq!(a.status, StatusCode::CONFLICT);
    assert!(a.json()["error"]
        .as_str()
        .unwrap()
        .contains("dang-ky-khai-sinh.toml"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), notepad);
    // Two tabs: the second save with the old version is refused too.
    let p = get(&studio, &format!("/api/procedure?path={FILE}"))
        .await
        .json();
    let first = post(
        &studio,
        "/api/save",
        json!({ "path": FILE, "version": p["version"], "fields": { "title": "Tab một" } }),
    )
    .await;
    assert_eq!(first.status, StatusCode::OK);
    let second = post(
        &studio,
        "/api/save",
        json!({ "path": FILE, "version": p["version"], "fields": { "title": "Tab hai" } }),
    )
    .await;
    assert_eq!(second.status, StatusCode::CONFLICT);
    assert!(std::fs::read_to_string(&path).unwrap().contains("Tab một"));
}

#[tokio::test]
async fn the_campaign_form_saves_into_the_file_with_its_comments() {
    let (env, studio) = campaign();
    let path = env.path("c/toroi.toml");
    let original = std::fs::read_to_string(&path).unwrap();
    let c = get(&studio, "/api/campaign").await.json();
    assert_eq!(c["issuer"]["name"], "Ủy ban nhân dân xã Thử");
    assert!(!c["outputs"].as_array().unwrap().is_empty());
    let a = post(
        &studio,
        "/api/campaign",
        json!({ "version": c["version"], "issuer": { "hotline": "0225 3 888 999" }, "campaign": { "slogan": "Quét mã, làm thủ tục không cần chờ" } }),
    )
    .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text());
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(saved.contains("hotline = \"0225 3 888 999\""), "{saved}");
    assert!(saved.contains("slogan = \"Quét mã, làm thủ tục không cần chờ\""));
    for l in original.lines().filter(|l| l.trim_start().starts_with('#')) {
        assert!(saved.contains(l), "comment lost: {l}");
    }
    // The old version no longer saves.
    let a = post(
        &studio,
        "/api/campaign",
        json!({ "version": c["version"], "campaign": { "title": "x" } }),
    )
    .await;
    assert_eq!(a.status, StatusCode::CONFLICT);
}

#[tokio::test]
async fn a_preview_is_a_png_drawn_by_toroi_and_changes_with_the_title() {
    let (_env, studio) = campaign();
    let mut images = Vec::new();
    for title in ["Đăng ký khai sinh", "Đăng ký khai sinh lưu động cho trẻ em"] {
        for view in ["poster", "phone", "card", "handbook"] {
            let a = post(
                &studio,
                "/api/preview",
                json!({ "path": FILE, "view": view, "fields": { "title": title } }),
            )
            .await;
            assert_eq!(a.status, StatusCode::OK, "{view}: {}", a.text());
            assert_eq!(a.headers[header::CONTENT_TYPE], "image/png");
            let img = image::load_from_memory(&a.body).unwrap();
            assert!(img.width() >= 500, "{view}");
            images.push(a.body);
        }
    }
    assert_ne!(images[0], images[4], "the poster follows the title");
    assert_ne!(images[0], images[1], "the views differ");
    // A form that does not make a procedure: the problems, no image.
    let a = post(
        &studio,
        "/api/preview",
        json!({ "path": FILE, "view": "poster", "fields": { "title": "" } }),
    )
    .await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(a.json()["problems"]
        .as_array()
        .is_some_and(|p| !p.is_empty()));
}

#[tokio::test]
async fn the_catalogue_is_searched_without_diacritics_and_new_files_start_from_it() {
    let (env, studio) = campaign();
    let found = get(&studio, "/api/catalogue?q=ket%20hon").await.json();
    let entries = found["entries"].as_array().unwrap();
    assert!(entries.iter().any(|e| e["code"] == "1.000894"), "{found}");
    let a = post(
        &studio,
        "/api/new",
        json!({ "codes": ["1.000656", "9.999999"] }),
    )
    .await;
    let a = a.json();
    let written = a["written"].as_array().unwrap();
    assert_eq!(written.len(), 1, "{a}");
    let rel = written[0].as_str().unwrap();
    let text = std::fs::read_to_string(env.path(&format!("c/{rel}"))).unwrap();
    assert!(text.contains("code = \"1.000656\""), "{text}");
    assert_eq!(a["failed"].as_array().unwrap().len(), 1);
    // It is one of the campaign's procedures now.
    let list = get(&studio, "/api/procedures").await.json();
    assert!(list["rows"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["code"] == "1.000656"));
}

#[tokio::test]
async fn a_dropped_list_shows_its_problems_at_their_cells_and_joins_the_campaign() {
    let (env, studio) = campaign();
    let csv = "STT,Mã thủ tục,Tên thủ tục,Lĩnh vực\n1,1.001193,Đăng ký khai sinh,Hộ tịch\n2,1.00089,Đăng ký kết hôn,Hộ tịch\n";
    let a = post_bytes(
        &studio,
        "/api/list?name=danh-sach.csv",
        csv.as_bytes().to_vec(),
    )
    .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text());
    let r = a.json();
    let problems = r["problems"].as_array().unwrap();
    assert!(problems.iter().any(|p| p["cell"] == "B3"), "{r}");
    assert!(
        problems
            .iter()
            .all(|p| !p["place"].as_str().unwrap().contains("/tmp")),
        "{r}"
    );
    assert!(
        !env.path("c/danh-sach.csv").exists(),
        "nothing written before it is added"
    );
    let a = post(&studio, "/api/list/add", json!({ "id": r["id"] })).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text());
    assert_eq!(
        std::fs::read_to_string(env.path("c/danh-sach.csv")).unwrap(),
        csv
    );
    let campaign = std::fs::read_to_string(env.path("c/toroi.toml")).unwrap();
    assert!(campaign.contains("\"danh-sach.csv\""), "{campaign}");
}

#[tokio::test]
async fn print_builds_every_output_and_serves_the_files() {
    let (env, studio) = campaign();
    let a = post(&studio, "/api/build", json!({})).await;
    let r = a.json();
    assert_eq!(r["ok"], true, "{r}");
    let written = r["written"].as_array().unwrap();
    assert!(!written.is_empty());
    assert!(
        r["lines"]
            .as_array()
            .unwrap()
            .iter()
            .any(|l| l.as_str().unwrap().contains("QR")),
        "{r}"
    );
    let pdf = written
        .iter()
        .find(|w| w["path"].as_str().unwrap().ends_with(".pdf"))
        .unwrap();
    let a = get(&studio, pdf["href"].as_str().unwrap()).await;
    assert_eq!(a.status, StatusCode::OK);
    assert_eq!(a.headers[header::CONTENT_TYPE], "application/pdf");
    let on_disk = std::fs::read(env.path(&format!("c/{}", pdf["path"].as_str().unwrap()))).unwrap();
    assert_eq!(a.body, on_disk);
}

#[tokio::test]
async fn a_dropped_list_can_become_a_file_per_row() {
    let (env, studio) = campaign();
    let csv = "Mã thủ tục,Tên thủ tục,Lĩnh vực\n1.000656,Đăng ký khai tử,Hộ tịch\n2.000815,Chứng thực bản sao từ bản chính,Chứng thực\n";
    let r = post_bytes(
        &studio,
        "/api/list?name=hai-dong.csv",
        csv.as_bytes().to_vec(),
    )
    .await
    .json();
    let a = post(
        &studio,
        "/api/list/add",
        json!({ "id": r["id"], "into": "files" }),
    )
    .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text());
    let files = a.json()["files"].as_array().unwrap().clone();
    assert_eq!(files.len(), 2, "{files:?}");
    for f in &files {
        let text =
            std::fs::read_to_string(env.path(&format!("c/{}", f.as_str().unwrap()))).unwrap();
        assert!(
            text.contains("code = \"1.000656\"") || text.contains("code = \"2.000815\""),
            "{text}"
        );
    }
    // Each row is one of the campaign's procedures now, in files to edit.
    let rows = get(&studio, "/api/procedures").await.json()["rows"]
        .as_array()
        .unwrap()
        .clone();
    assert!(
        rows.iter()
            .any(|r| r["code"] == "2.000815" && r["row"].is_null()),
        "{rows:?}"
    );
}

#[tokio::test]
async fn a_folder_without_a_campaign_offers_to_make_one() {
    let env = Env::strict();
    std::fs::create_dir(env.path("moi")).unwrap();
    let studio = Arc::new(Studio::new(&env.path("moi"), PORT).unwrap());
    let s = get(&studio, "/api/state").await.json();
    assert_eq!(s["campaign"], false);
    assert!(s["labels"]["studio-init-button"]
        .as_str()
        .is_some_and(|l| !l.is_empty()));
    let en = get(&studio, "/api/state?lang=en").await.json();
    assert_eq!(en["labels"]["studio-nav-print"], "Print");
    let a = post(
        &studio,
        "/api/init",
        json!({ "name": "Ủy ban nhân dân phường Mới" }),
    )
    .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text());
    assert_eq!(get(&studio, "/api/state").await.json()["campaign"], true);
    let c = get(&studio, "/api/campaign").await.json();
    assert_eq!(c["issuer"]["name"], "Ủy ban nhân dân phường Mới");
}

#[tokio::test]
async fn a_list_row_opens_read_only_and_imported_into_a_file_the_file_stands_for_it() {
    let (env, studio) = campaign();
    let csv = "Mã thủ tục,Tên thủ tục,Lĩnh vực\n1.000656,Đăng ký khai tử,Hộ tịch\n";
    let r = post_bytes(
        &studio,
        "/api/list?name=khai-tu.csv",
        csv.as_bytes().to_vec(),
    )
    .await
    .json();
    post(&studio, "/api/list/add", json!({ "id": r["id"] })).await;
    let p = get(&studio, "/api/procedure?path=khai-tu.csv&row=2")
        .await
        .json();
    assert_eq!(p["readonly"], true, "{p}");
    assert_eq!(p["fields"]["code"], "1.000656");
    let a = post(
        &studio,
        "/api/save",
        json!({ "path": "khai-tu.csv", "row": 2, "version": "", "fields": {} }),
    )
    .await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
    let a = post(
        &studio,
        "/api/import-row",
        json!({ "path": "khai-tu.csv", "row": 2 }),
    )
    .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text());
    let file = a.json()["path"].as_str().unwrap().to_owned();
    assert!(std::fs::read_to_string(env.path(&format!("c/{file}")))
        .unwrap()
        .contains("1.000656"));
    // The file stands for the row: one procedure of that code, printed.
    let rows = get(&studio, "/api/procedures").await.json()["rows"]
        .as_array()
        .unwrap()
        .clone();
    let of_code: Vec<_> = rows.iter().filter(|r| r["code"] == "1.000656").collect();
    assert_eq!(of_code.len(), 1, "{rows:?}");
    assert_eq!(of_code[0]["file"], file.as_str());
    let built = post(&studio, "/api/build", json!({})).await.json();
    assert_eq!(built["ok"], true, "{built}");
    assert!(
        built["problems"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["error"] == false && p["cell"].is_string()),
        "the row left out is said: {built}"
    );
}

#[tokio::test]
async fn outputs_are_added_and_removed_in_the_campaign_file() {
    let (env, studio) = campaign();
    let path = env.path("c/toroi.toml");
    let c = get(&studio, "/api/campaign").await.json();
    let before = c["outputs"].as_array().unwrap().len();
    let a = post(&studio, "/api/outputs", json!({ "version": c["version"], "add": { "kind": "catalog", "size": "a3", "file": "out/niem-yet.pdf" } })).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text());
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("kind = \"catalog\"\nsize = \"a3\"\nfile = \"out/niem-yet.pdf\""),
        "{text}"
    );
    let c = get(&studio, "/api/campaign").await.json();
    assert_eq!(c["outputs"].as_array().unwrap().len(), before + 1);
    assert!(
        c["problems"]
            .as_array()
            .unwrap()
            .iter()
            .all(|p| p["error"] == false),
        "{c}"
    );
    // Removing the first keeps the comments of the others.
    let a = post(
        &studio,
        "/api/outputs",
        json!({ "version": c["version"], "remove": 0 }),
    )
    .await;
    assert_eq!(a.status, StatusCode::OK);
    let after = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        get(&studio, "/api/campaign").await.json()["outputs"]
            .as_array()
            .unwrap()
            .len(),
        before
    );
    assert!(after.contains("# ") && after.contains("niem-yet.pdf"));
    // Not outside the folder, not an unknown kind.
    let v = get(&studio, "/api/campaign").await.json()["version"].clone();
    let a = post(
        &studio,
        "/api/outputs",
        json!({ "version": v, "add": { "kind": "poster", "file": "../../x" } }),
    )
    .await;
    assert_eq!(a.status, StatusCode::FORBIDDEN);
    let a = post(
        &studio,
        "/api/outputs",
        json!({ "version": v, "add": { "kind": "mural", "file": "out/m" } }),
    )
    .await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn problems_come_in_the_language_the_page_speaks() {
    let (_env, studio) = campaign();
    let mut said = Vec::new();
    for lang in ["vi", "en"] {
        let req = request(&studio, "POST", "/api/check")
            .header(header::CONTENT_TYPE, "application/json")
            .header("x-toroi-lang", lang)
            .body(Body::from(
                json!({ "path": FILE, "fields": { "code": "1.00119" } }).to_string(),
            ))
            .unwrap();
        let a = send(&studio, req).await.json();
        let p = a["problems"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["field"] == "code")
            .cloned()
            .unwrap();
        said.push(p["message"].as_str().unwrap().to_owned());
    }
    assert!(said[0].contains("không phải mã quốc gia"), "{said:?}");
    assert!(said[1].contains("is not a national code"), "{said:?}");
}

#[tokio::test]
async fn an_output_that_cannot_be_written_is_said_in_the_page_s_language() {
    // The handbook's file is a folder: refused when the outputs are
    // claimed, which happens on another of rayon's threads than the
    // request's, in the language the page speaks all the same.
    let (env, studio) = campaign();
    std::fs::create_dir_all(env.path("c/out/cam-nang.pdf")).unwrap();
    for (lang, said) in [
        ("vi", "đầu ra là một thư mục"),
        ("en", "the output is a folder"),
    ] {
        let req = request(&studio, "POST", "/api/build")
            .header(header::CONTENT_TYPE, "application/json")
            .header("x-toroi-lang", lang)
            .body(Body::from(json!({}).to_string()))
            .unwrap();
        let a = send(&studio, req).await;
        assert!(a.text().contains(said), "{lang}: {}", a.text());
    }
}

#[tokio::test]
async fn a_logo_is_read_within_the_bounds_of_every_logo() {
    let (env, studio) = campaign();
    // A PNG declaring 60000 × 60000 pixels in a few bytes: refused from
    // its header, nothing written.
    let bomb = harness::png_header(60_000, 60_000, false);
    let a = post_bytes(&studio, "/api/logo?name=logo.png", bomb).await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST, "{}", a.text());
    assert!(
        a.json()["error"].as_str().unwrap().contains("60000"),
        "{}",
        a.text()
    );
    assert!(!env.path("c/logo.png").exists());
    // An SVG emblem is taken (as the campaign takes it: its references to
    // other files are never opened), and opened on its own it runs nothing.
    env.write("secret.png", b"not for the page");
    let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="100" height="100"><circle cx="50" cy="50" r="40" fill="#c00"/><image xlink:href="../secret.png" width="10" height="10"/><script>alert(1)</script></svg>"##;
    let a = post_bytes(
        &studio,
        "/api/logo?name=quoc-huy.svg",
        svg.as_bytes().to_vec(),
    )
    .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text());
    let c = get(&studio, "/api/campaign").await.json();
    assert_eq!(c["issuer"]["logo"], "quoc-huy.svg");
    let a = get(&studio, "/files/quoc-huy.svg").await;
    assert_eq!(a.status, StatusCode::OK);
    let csp = a.headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
    assert!(
        csp.contains("sandbox") && csp.contains("default-src 'none'"),
        "{csp}"
    );
}

#[tokio::test]
async fn only_the_last_few_dropped_lists_are_held() {
    let (_env, studio) = campaign();
    let csv = "Mã thủ tục,Tên thủ tục\n1.000656,Đăng ký khai tử\n";
    let mut ids = Vec::new();
    for i in 0..toroi::studio::UPLOADS_KEPT + 2 {
        let r = post_bytes(
            &studio,
            &format!("/api/list?name=l{i}.csv"),
            csv.as_bytes().to_vec(),
        )
        .await;
        ids.push(r.json()["id"].clone());
    }
    let first = post(&studio, "/api/list/add", json!({ "id": ids[0] })).await;
    assert_eq!(
        first.status,
        StatusCode::BAD_REQUEST,
        "the oldest is let go"
    );
    let last = post(
        &studio,
        "/api/list/add",
        json!({ "id": ids.last().unwrap() }),
    )
    .await;
    assert_eq!(last.status, StatusCode::OK, "{}", last.text());
}
