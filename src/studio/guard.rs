//! Every request passes here first: the Host must be the loopback address
//! and port the studio listens on (a page of another site that has its
//! name point at 127.0.0.1 sends its own Host); the token must come as
//! the cookie (or, once, in the first address, which sets the cookie); a
//! request that changes anything must come from the studio's own page.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{header, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::Studio;

/// The cookie that carries the token.
const COOKIE: &str = "toroi";

/// The header the page says its language in, once switched.
const LANG_HEADER: &str = "x-toroi-lang";

tokio::task_local! {
    /// The language the page that sent this request speaks.
    pub static PAGE_LANG: crate::i18n::Ui;
}

pub async fn guard(State(studio): State<Arc<Studio>>, req: Request, next: Next) -> Response {
    let headers = req.headers();
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
    let localhost = studio.host.replace("127.0.0.1", "localhost");
    if host != Some(studio.host.as_str()) && host != Some(localhost.as_str()) {
        return refuse(StatusCode::MISDIRECTED_REQUEST, "studio-bad-host");
    }
    let host = host.unwrap_or_default().to_owned();
    // The first address: ?t=TOKEN becomes the cookie, and the address
    // without it (so that the token is not left in the history bar).
    if req.method() == Method::GET && req.uri().path() == "/" {
        if let Some(t) = req
            .uri()
            .query()
            .and_then(|q| q.split('&').find_map(|kv| kv.strip_prefix("t=")))
        {
            if same(t, &studio.token) {
                return (
                    StatusCode::SEE_OTHER,
                    [
                        (
                            header::SET_COOKIE,
                            format!(
                                "{COOKIE}={}; HttpOnly; SameSite=Strict; Path=/",
                                studio.token
                            ),
                        ),
                        (header::LOCATION, "/".to_owned()),
                    ],
                )
                    .into_response();
            }
            return refuse(StatusCode::FORBIDDEN, "studio-bad-token");
        }
    }
    let cookie_ok = headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().strip_prefix(COOKIE)?.strip_prefix('='))
        .any(|t| same(t, &studio.token));
    if !cookie_ok {
        return refuse(StatusCode::FORBIDDEN, "studio-bad-token");
    }
    if !matches!(*req.method(), Method::GET | Method::HEAD) {
        let origin = headers.get(header::ORIGIN).and_then(|o| o.to_str().ok());
        if origin != Some(format!("http://{host}").as_str()) {
            return refuse(StatusCode::FORBIDDEN, "studio-bad-origin");
        }
    }
    let ui = match headers.get(LANG_HEADER).and_then(|v| v.to_str().ok()) {
        Some("en") => crate::i18n::Ui::En,
        Some("vi") => crate::i18n::Ui::Vi,
        _ => crate::i18n::current(),
    };
    let mut response = PAGE_LANG.scope(ui, next.run(req)).await;
    let h = response.headers_mut();
    // Nothing from the internet, no frame of another site around the page.
    h.entry(header::CONTENT_SECURITY_POLICY).or_insert(
        header::HeaderValue::from_static(
            "default-src 'self'; img-src 'self' blob: data:; frame-src 'self'; object-src 'self'; frame-ancestors 'none'",
        ),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        header::HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("no-store"),
    );
    response
}

/// Compared in time that does not depend on where they differ.
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

fn refuse(status: StatusCode, message: &str) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        crate::i18n::message(message, &[]),
    )
        .into_response()
}
