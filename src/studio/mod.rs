//! `toroi studio`: the campaign in a page of the office PC's browser. A
//! second front door onto the same engine: a preview is `Job::resolve` +
//! layout + the PNG renderer on the edited procedure, a save is the atomic
//! writer, a problem is the same `Diagnostic`, a print is `build`.
//!
//! Only the PC's own user may use it: the server listens on the loopback
//! address; the first address carries a random token, kept as an
//! HttpOnly, SameSite=Strict cookie and required for every request; the
//! Host header must name the loopback address and port (no DNS
//! rebinding); a request that changes anything must come from the page's
//! own Origin; every path stays inside the campaign's folder.

mod api;
pub mod edit;
mod guard;

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::{Arc, Mutex};

use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use axum::Router;

/// The campaign file a studio folder holds.
pub const CAMPAIGN_FILE: &str = "toroi.toml";

/// The largest list a page may drop (a commune's list is under 1 MB).
pub const LIST_LIMIT: usize = 16 * 1024 * 1024;
/// The largest logo a page may upload.
pub const LOGO_LIMIT: usize = 4 * 1024 * 1024;
/// How many dropped lists are held at once, waiting to be added.
pub const UPLOADS_KEPT: usize = 4;
/// The largest form or other request body.
pub const FORM_LIMIT: usize = 1024 * 1024;

/// One studio: the campaign folder it serves and the secrets it checks.
pub struct Studio {
    /// The folder the campaign reads and writes in, resolved (absolute,
    /// links followed): the campaign's own, or the one `toroi` runs in when
    /// that holds it, or `--root` (as for every command).
    pub root: PathBuf,
    /// The campaign file (which need not exist yet).
    campaign_file: PathBuf,
    /// `Host` as the browser sends it: `127.0.0.1:PORT`.
    pub host: String,
    /// The random token of this run.
    pub token: String,
    /// Lists dropped on the page and not yet added: (id, file name, bytes),
    /// the latest last.
    uploads: Mutex<VecDeque<(String, String, Vec<u8>)>>,
}

impl Studio {
    /// A studio of `folder`, reached at `127.0.0.1:port`, with a new token.
    pub fn new(folder: &Path, port: u16) -> std::io::Result<Studio> {
        let folder = folder.canonicalize()?;
        let campaign_file = folder.join(CAMPAIGN_FILE);
        let root = crate::model::root::Root::of_campaign(&campaign_file)
            .dir()
            .to_path_buf();
        Ok(Studio {
            root,
            campaign_file,
            host: format!("127.0.0.1:{port}"),
            token: random_hex(16),
            uploads: Mutex::new(VecDeque::new()),
        })
    }

    /// The address to open first: it carries the token, which the page
    /// then keeps as a cookie.
    pub fn first_address(&self) -> String {
        format!("http://{}/?t={}", self.host, self.token)
    }

    /// The campaign file.
    pub fn campaign(&self) -> PathBuf {
        self.campaign_file.clone()
    }

    /// The campaign's own folder, where new files go.
    pub fn folder(&self) -> &Path {
        self.campaign_file.parent().unwrap_or(&self.root)
    }

    /// `rel` (a path the page sent, relative to the folder) as a path
    /// inside the folder, or None when it would lead outside it (an
    /// absolute path, `..`, a link out).
    pub fn inside(&self, rel: &str) -> Option<PathBuf> {
        let rel = Path::new(rel);
        if rel.as_os_str().is_empty() || rel.is_absolute() || rel.has_root() {
            return None;
        }
        if rel
            .components()
            .any(|c| !matches!(c, std::path::Component::Normal(_)))
        {
            return None;
        }
        let path = self.root.join(rel);
        crate::model::root::Root::at(&self.root)
            .admits(&path)
            .then_some(path)
    }

    /// `path` as the page names it: relative to the folder, with `/`.
    pub fn relative(&self, path: &Path) -> String {
        let abs = crate::model::root::resolved(path);
        let rel = abs.strip_prefix(&self.root).unwrap_or(&abs);
        rel.components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/")
    }
}

/// `n` random bytes as hex, from the operating system's generator.
fn random_hex(n: usize) -> String {
    let mut bytes = vec![0u8; n];
    // Without a generator there is no secret to check: stop rather than
    // serve the campaign unguarded.
    getrandom::fill(&mut bytes).expect("the operating system's random generator");
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The routes, each behind the guard.
pub fn app(studio: Arc<Studio>) -> Router {
    let small = DefaultBodyLimit::max(FORM_LIMIT);
    Router::new()
        .route("/", get(api::page))
        .route("/app.js", get(api::script))
        .route("/app.css", get(api::style))
        .route("/api/state", get(api::state))
        .route("/api/init", post(api::init).layer(small))
        .route("/api/outputs", post(api::outputs).layer(small))
        .route(
            "/api/campaign",
            get(api::campaign).post(api::save_campaign).layer(small),
        )
        .route(
            "/api/logo",
            post(api::logo).layer(DefaultBodyLimit::max(LOGO_LIMIT)),
        )
        .route("/api/procedures", get(api::procedures))
        .route("/api/procedure", get(api::procedure))
        .route("/api/check", post(api::check).layer(small))
        .route("/api/preview", post(api::preview).layer(small))
        .route("/api/save", post(api::save).layer(small))
        .route("/api/import-row", post(api::import_row).layer(small))
        .route("/api/catalogue", get(api::catalogue))
        .route("/api/new", post(api::new).layer(small))
        .route(
            "/api/list",
            post(api::list).layer(DefaultBodyLimit::max(LIST_LIMIT)),
        )
        .route("/api/list/add", post(api::list_add).layer(small))
        .route("/api/build", post(api::build).layer(small))
        .route("/files/{*path}", get(api::file))
        .layer(axum::middleware::from_fn_with_state(
            studio.clone(),
            guard::guard,
        ))
        .with_state(studio)
}

/// `toroi studio FOLDER`: serves until Ctrl-C. Every save is written
/// whole before it is answered, so stopping loses nothing.
pub fn serve(folder: &Path, open: bool) -> ExitCode {
    // The studio works in the campaign's folder, so that its root is that
    // folder (or `--root`), wherever it was started from.
    if let Err(e) = std::env::set_current_dir(folder) {
        return failed(&e);
    }
    let folder = Path::new(".");
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => return failed(&e),
    };
    runtime.block_on(async {
        let listener = match tokio::net::TcpListener::bind(("127.0.0.1", 0)).await {
            Ok(l) => l,
            Err(e) => return failed(&e),
        };
        let port = listener.local_addr().map(|a| a.port()).unwrap_or(0);
        let studio = match Studio::new(folder, port) {
            Ok(s) => Arc::new(s),
            Err(e) => return failed(&e),
        };
        let address = studio.first_address();
        say(&crate::t!(
            "studio-started",
            folder = studio.folder().display(),
            address = &address
        ));
        say(&crate::t!("studio-stop"));
        if open && opener::open_browser(&address).is_err() {
            say(&crate::t!("studio-open-by-hand"));
        }
        // Ctrl-C (or closing the console) ends the process through the
        // command line's handler; every save was written whole before it
        // was answered, so nothing is lost.
        match axum::serve(listener, app(studio)).await {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => failed(&e),
        }
    })
}

/// A line for the console. The studio goes on serving when nobody reads
/// it (a console closed, a pipe whose reader has gone).
fn say(line: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{line}").and_then(|_| out.flush());
}

fn failed(e: &std::io::Error) -> ExitCode {
    eprintln!(
        "{}: {}",
        crate::t!("diag-error"),
        crate::t!("studio-failed", reason = crate::i18n::io_error(e))
    );
    ExitCode::from(1)
}
