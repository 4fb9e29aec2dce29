//! The studio's routes. Each does what a command does, through the same
//! functions: loading (`Campaign`, `load_procedures_from`), checking
//! (`Procedure::parse`, `lint`), making (`Job::resolve`, `layout`, the PNG
//! renderer, `build`), writing (`write_atomic`). Work that reads files or
//! lays out pages runs off the async threads, and a panic there is caught
//! and answered as an error, never shown as a crash.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::{header, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use toml_edit::DocumentMut;

use super::edit::{self, Fields};
use super::Studio;
use crate::atomic::write_atomic;
use crate::diag::{Diagnostics, Severity};
use crate::job::{Format, Job, Request};
use crate::model::collect::load_procedures_from;
use crate::model::{Campaign, Link, OutputKind, Procedure, SourceFile};

type Shared = State<Arc<Studio>>;

/// An answer that went wrong: a status and a message for the page.
pub struct Failure(StatusCode, String);

impl IntoResponse for Failure {
    fn into_response(self) -> Response {
        (self.0, Json(json!({ "error": self.1 }))).into_response()
    }
}

fn bad(message: String) -> Failure {
    Failure(StatusCode::BAD_REQUEST, message)
}

fn outside(rel: &str) -> Failure {
    Failure(
        StatusCode::FORBIDDEN,
        crate::t!("studio-outside", path = rel),
    )
}

/// Runs `work` on a thread for blocking work; a panic in it (a library's
/// bug on a stranger's file) becomes an error answer.
async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, Failure> + Send + 'static,
) -> Result<T, Failure> {
    // In the page's language: its messages, problems and hints.
    let ui = super::guard::PAGE_LANG
        .try_with(|ui| *ui)
        .unwrap_or_else(|_| crate::i18n::current());
    match tokio::task::spawn_blocking(move || crate::i18n::speaking(ui, work)).await {
        Ok(r) => r,
        Err(e) => {
            let reason = e
                .try_into_panic()
                .ok()
                .and_then(|p| {
                    p.downcast_ref::<String>()
                        .cloned()
                        .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                })
                .unwrap_or_default();
            Err(Failure(
                StatusCode::INTERNAL_SERVER_ERROR,
                crate::t!("panic-caught", reason = reason),
            ))
        }
    }
}

/// A file's version as the page holds it: a hash of its bytes, so that a
/// save can tell the file changed on disk since the page read it.
pub fn version(bytes: &[u8]) -> String {
    use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};
    let h = BuildHasherDefault::<DefaultHasher>::default().hash_one(bytes);
    format!("{h:016x}-{}", bytes.len())
}

fn read_bytes(path: &Path) -> Result<Vec<u8>, Failure> {
    std::fs::read(path).map_err(|e| {
        Failure(
            StatusCode::NOT_FOUND,
            format!("{}: {}", path.display(), crate::i18n::io_error(&e)),
        )
    })
}

/// A problem as the page shows it, beside its field or at its cell.
#[derive(Serialize)]
pub struct Problem {
    pub error: bool,
    pub message: String,
    pub hint: Option<String>,
    /// "file:line:col" or "file.csv:C7", as the command line says it.
    pub place: String,
    pub line: Option<usize>,
    /// "C7" for a value of a list.
    pub cell: Option<String>,
    pub row: Option<usize>,
    /// The form's field the problem is about.
    pub field: Option<String>,
    pub file: Option<String>,
}

fn problems(studio: &Studio, diags: &Diagnostics, text: Option<&str>) -> Vec<Problem> {
    let mut diags = diags.clone();
    diags.sort();
    diags
        .iter()
        .map(|d| {
            let line = d.position().map(|p| p.line);
            let cell = d.at.as_ref().and_then(|a| a.cell.as_ref());
            Problem {
                error: d.severity == Severity::Error,
                message: d.message.clone(),
                hint: d.hint.clone(),
                place: d.place(),
                line,
                cell: cell.map(|c| format!("{}{}", c.column_letters(), c.row)),
                row: cell.map(|c| c.row),
                field: match (text, line) {
                    (Some(t), Some(l)) if cell.is_none() => edit::field_at(t, l),
                    _ => None,
                },
                file: d.file.as_deref().map(|f| studio.relative(f)),
            }
        })
        .collect()
}

// ---- the page ------------------------------------------------------------

pub async fn page() -> Html<&'static str> {
    Html(include_str!("page/index.html"))
}

pub async fn script() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        include_str!("page/app.js"),
    )
}

pub async fn style() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8")],
        include_str!("page/app.css"),
    )
}

#[derive(Deserialize)]
pub struct LangQuery {
    lang: Option<String>,
}

/// The page's words (the `studio-` messages of the same files the command
/// line speaks from), in the interface's language or the one asked for,
/// and whether the folder holds a campaign.
pub async fn state(State(studio): Shared, Query(q): Query<LangQuery>) -> Json<Value> {
    let ui = match q.lang.as_deref() {
        Some("en") => crate::i18n::Ui::En,
        Some("vi") => crate::i18n::Ui::Vi,
        _ => crate::i18n::current(),
    };
    let labels: BTreeMap<String, String> = crate::i18n::ids(ui)
        .into_iter()
        .filter(|id| id.starts_with("studio-"))
        .map(|id| {
            let text = crate::i18n::message_in(ui, &id, &[]);
            (id, text)
        })
        .collect();
    Json(json!({
        "campaign": studio.campaign().is_file(),
        "folder": studio.folder().display().to_string(),
        "lang": match ui { crate::i18n::Ui::En => "en", crate::i18n::Ui::Vi => "vi" },
        "labels": labels,
    }))
}

#[derive(Deserialize)]
pub struct InitBody {
    name: Option<String>,
}

/// A new campaign in the folder, as `toroi init` makes it.
pub async fn init(State(studio): Shared, Json(b): Json<InitBody>) -> Result<Json<Value>, Failure> {
    blocking(move || {
        let name = b.name.filter(|n| !n.trim().is_empty());
        match crate::cli::init::init(studio.folder(), name.as_deref()) {
            Ok(_) => Ok(Json(json!({ "ok": true }))),
            Err(d) => Err(bad(first_message(&d))),
        }
    })
    .await
}

fn first_message(d: &Diagnostics) -> String {
    d.iter()
        .map(|d| match &d.hint {
            Some(h) => format!("{} ({h})", d.message),
            None => d.message.clone(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

// ---- the campaign --------------------------------------------------------

const ISSUER_KEYS: &[&str] = &[
    "name",
    "locality",
    "address",
    "hotline",
    "office_hours",
    "logo",
];
const CAMPAIGN_KEYS: &[&str] = &["title", "slogan"];

fn campaign_doc(studio: &Studio) -> Result<(Vec<u8>, DocumentMut), Failure> {
    let bytes = read_bytes(&studio.campaign())?;
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let doc = text
        .parse::<DocumentMut>()
        .map_err(|e| bad(format!("{CAMPAIGN_FILE_NAME}: {e}")))?;
    Ok((bytes, doc))
}

const CAMPAIGN_FILE_NAME: &str = super::CAMPAIGN_FILE;

/// The campaign's issuer, title and outputs, with its problems.
pub async fn campaign(State(studio): Shared) -> Result<Json<Value>, Failure> {
    blocking(move || {
        let (bytes, doc) = campaign_doc(&studio)?;
        let text_of = |table: &str, key: &str| {
            doc.get(table)
                .and_then(|t| t.get(key))
                .and_then(|v| v.as_str())
                .unwrap_or("")
                .to_owned()
        };
        let issuer: BTreeMap<&str, String> =
            ISSUER_KEYS.iter().map(|k| (*k, text_of("issuer", k))).collect();
        let camp: BTreeMap<&str, String> =
            CAMPAIGN_KEYS.iter().map(|k| (*k, text_of("campaign", k))).collect();
        let outputs: Vec<Value> = doc
            .get("output")
            .and_then(|o| o.as_array_of_tables())
            .map(|a| {
                a.iter()
                    .map(|t| {
                        let s = |k: &str| t.get(k).and_then(|v| v.as_str()).unwrap_or("").to_owned();
                        json!({ "kind": s("kind"), "size": s("size"), "file": s("file"), "title": s("title") })
                    })
                    .collect()
            })
            .unwrap_or_default();
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let diags = match Campaign::load_warned(&studio.campaign()) {
            Ok((_, d)) => d,
            Err(d) => d,
        };
        Ok(Json(json!({
            "version": version(&bytes),
            "issuer": issuer,
            "campaign": camp,
            "outputs": outputs,
            "problems": problems(&studio, &diags, Some(&text)),
        })))
    })
    .await
}

#[derive(Deserialize)]
pub struct CampaignBody {
    version: String,
    #[serde(default)]
    issuer: BTreeMap<String, String>,
    #[serde(default)]
    campaign: BTreeMap<String, String>,
}

/// Saves the issuer and the campaign's title and slogan into the file,
/// every other line and comment kept; refused when the file changed since
/// the page read it.
pub async fn save_campaign(
    State(studio): Shared,
    Json(b): Json<CampaignBody>,
) -> Result<Json<Value>, Failure> {
    blocking(move || {
        let (bytes, mut doc) = campaign_doc(&studio)?;
        if version(&bytes) != b.version {
            return Err(conflict(&studio.campaign()));
        }
        for (table, keys, values) in [
            ("issuer", ISSUER_KEYS, &b.issuer),
            ("campaign", CAMPAIGN_KEYS, &b.campaign),
        ] {
            for (key, value) in values {
                if keys.contains(&key.as_str()) {
                    set_in_table(&mut doc, table, key, value);
                }
            }
        }
        let text = doc.to_string();
        write_atomic(&studio.campaign(), text.as_bytes()).map_err(|d| bad(d.message))?;
        let diags = match Campaign::load_warned(&studio.campaign()) {
            Ok((_, d)) => d,
            Err(d) => d,
        };
        Ok(Json(json!({
            "version": version(text.as_bytes()),
            "problems": problems(&studio, &diags, Some(&text)),
        })))
    })
    .await
}

/// `[table] key = value` set in place (its comment kept), removed when
/// empty, added when new.
fn set_in_table(doc: &mut DocumentMut, table: &str, key: &str, value: &str) {
    let value = value.trim();
    if doc.get(table).is_none() {
        if value.is_empty() {
            return;
        }
        doc.insert(table, toml_edit::Item::Table(toml_edit::Table::new()));
    }
    let Some(t) = doc.get_mut(table).and_then(|t| t.as_table_like_mut()) else {
        return;
    };
    if value.is_empty() {
        t.remove(key);
        return;
    }
    match t.get_mut(key).and_then(|i| i.as_value_mut()) {
        Some(old) if old.as_str() == Some(value) => {}
        Some(old) => {
            let decor = old.decor().clone();
            *old = toml_edit::Value::from(value);
            *old.decor_mut() = decor;
        }
        None => {
            t.insert(key, toml_edit::value(value));
        }
    }
}

fn conflict(path: &Path) -> Failure {
    Failure(
        StatusCode::CONFLICT,
        crate::t!("studio-conflict", path = path.display()),
    )
}

#[derive(Deserialize)]
pub struct NewOutput {
    kind: String,
    #[serde(default)]
    size: String,
    file: String,
}

#[derive(Deserialize)]
pub struct OutputsBody {
    version: String,
    /// The `[[output]]` to remove, counted from 0.
    remove: Option<usize>,
    add: Option<NewOutput>,
}

/// An `[[output]]` added or removed, every other line kept.
pub async fn outputs(
    State(studio): Shared,
    Json(b): Json<OutputsBody>,
) -> Result<Json<Value>, Failure> {
    blocking(move || {
        let (bytes, mut doc) = campaign_doc(&studio)?;
        if version(&bytes) != b.version {
            return Err(conflict(&studio.campaign()));
        }
        if doc.get("output").is_none() {
            doc.insert(
                "output",
                toml_edit::Item::ArrayOfTables(toml_edit::ArrayOfTables::new()),
            );
        }
        let Some(list) = doc
            .get_mut("output")
            .and_then(|o| o.as_array_of_tables_mut())
        else {
            return Err(bad(crate::t!("studio-no-campaign-table")));
        };
        if let Some(i) = b.remove.filter(|i| *i < list.len()) {
            list.remove(i);
        }
        if let Some(new) = b.add {
            let kind = OutputKind::parse(&new.kind)
                .ok_or_else(|| bad(crate::t!("studio-bad-kind", kind = new.kind.as_str())))?;
            let file = new.file.trim().replace('\\', "/");
            if studio.inside(&file).is_none() {
                return Err(outside(&file));
            }
            let mut t = toml_edit::Table::new();
            t.insert("kind", toml_edit::value(kind.name()));
            if let Some(size) =
                crate::model::Size::parse(&new.size).filter(|s| kind.sizes().contains(s))
            {
                t.insert("size", toml_edit::value(size.name()));
            }
            t.insert("file", toml_edit::value(file));
            list.push(t);
        }
        let text = doc.to_string();
        write_atomic(&studio.campaign(), text.as_bytes()).map_err(|d| bad(d.message))?;
        Ok(Json(json!({ "version": version(text.as_bytes()) })))
    })
    .await
}

#[derive(Deserialize)]
pub struct NameQuery {
    name: String,
}

/// A logo dropped on the page: saved beside the campaign file under its own
/// name (a PNG or JPEG) and named as the issuer's logo.
pub async fn logo(
    State(studio): Shared,
    Query(q): Query<NameQuery>,
    body: Bytes,
) -> Result<Json<Value>, Failure> {
    blocking(move || {
        let name = plain_name(&q.name, &["png", "jpg", "jpeg", "svg"])?;
        let path = studio.folder().join(&name);
        // Read as the campaign will read it, with the same bounds (a
        // decompression bomb, an SVG naming other files): a logo that
        // would not print is refused now, not at print time.
        if let Err(reason) = crate::model::logo::decode(&path, &body) {
            return Err(bad(crate::t!("studio-logo-unreadable", reason = reason)));
        }
        write_atomic(&path, &body).map_err(|d| bad(d.message))?;
        let (_, mut doc) = campaign_doc(&studio)?;
        set_in_table(&mut doc, "issuer", "logo", &name);
        let text = doc.to_string();
        write_atomic(&studio.campaign(), text.as_bytes()).map_err(|d| bad(d.message))?;
        Ok(Json(
            json!({ "logo": name, "version": version(text.as_bytes()) }),
        ))
    })
    .await
}

/// A file name the page sent, without folders, with one of `extensions`.
fn plain_name(name: &str, extensions: &[&str]) -> Result<String, Failure> {
    let name = name
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or("")
        .trim()
        .to_owned();
    let ext = Path::new(&name)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_lowercase)
        .unwrap_or_default();
    if name.is_empty() || name.starts_with('.') || !extensions.contains(&ext.as_str()) {
        return Err(bad(crate::t!(
            "studio-bad-file-name",
            name = name,
            kinds = extensions.join(", ")
        )));
    }
    Ok(name)
}

// ---- the procedures ------------------------------------------------------

fn load_campaign(studio: &Studio) -> Result<Campaign, Failure> {
    Campaign::load(&studio.campaign()).map_err(|d| bad(first_message(&d)))
}

fn link_kind(p: &Procedure) -> &'static str {
    let portal = p.url.value.contains("dichvucong.gov.vn");
    match p.link {
        Link::Search => "search",
        _ if !portal => "other",
        _ => "portal",
    }
}

/// Every procedure of the campaign, from files and lists, with the number
/// of problems of each; files left out for their errors are listed too.
pub async fn procedures(State(studio): Shared) -> Result<Json<Value>, Failure> {
    blocking(move || {
        let campaign = load_campaign(&studio)?;
        let loaded = load_procedures_from(
            &campaign.procedures,
            campaign.sheet.as_deref(),
            &campaign.catalogue,
            Some(&campaign.root),
        )
        .map_err(|d| bad(first_message(&d)))?;
        let all = problems(&studio, &loaded.problems, None);
        let mut rows: Vec<Value> = loaded
            .procedures
            .iter()
            .map(|p| {
                let file = studio.relative(p.path());
                let row = p.src.cells.first().map(|c| c.cell.row);
                let count = all
                    .iter()
                    .filter(|d| d.file.as_deref() == Some(file.as_str()))
                    .filter(|d| row.is_none() || d.row == row)
                    .count();
                json!({
                    "file": file,
                    "row": row,
                    "title": p.title.value,
                    "code": p.code.as_ref().map(|c| c.value.clone()),
                    "field": p.field.as_ref().map(|f| crate::model::field_name(&f.value)),
                    "link": link_kind(p),
                    "url": p.url.value,
                    "problems": count,
                })
            })
            .collect();
        // Files left out: their errors are the row.
        for f in &loaded.files {
            let file = studio.relative(f);
            if loaded.procedures.iter().any(|p| p.path() == f.as_path()) {
                continue;
            }
            let count = all
                .iter()
                .filter(|d| d.file.as_deref() == Some(file.as_str()))
                .count();
            if count > 0 {
                rows.push(json!({
                    "file": file, "row": null, "title": file, "code": null, "field": null,
                    "link": "none", "url": "", "problems": count, "broken": true,
                }));
            }
        }
        Ok(Json(json!({ "rows": rows, "problems": all })))
    })
    .await
}

#[derive(Deserialize)]
pub struct ProcedureQuery {
    path: String,
    row: Option<usize>,
}

/// A list's row as procedure-file text, with the row's procedure.
fn list_row(campaign: Option<&Campaign>, path: &Path, row: usize) -> Result<Procedure, Failure> {
    let catalogue = campaign.map_or(crate::catalogue::Catalogue::builtin(), |c| &c.catalogue);
    let sheet = campaign.and_then(|c| c.sheet.clone());
    let loaded = load_procedures_from(&[path.to_path_buf()], sheet.as_deref(), catalogue, None)
        .map_err(|d| bad(first_message(&d)))?;
    loaded
        .procedures
        .into_iter()
        .find(|p| p.src.cells.first().map(|c| c.cell.row) == Some(row))
        .ok_or_else(|| bad(crate::t!("studio-no-row", row = row)))
}

/// What `check` says of a procedure file's text, linked through the
/// campaign's catalogue (its code's page, its title's code) as `build`
/// links it.
fn check_text(
    campaign: Option<&Campaign>,
    path: &Path,
    text: &str,
) -> (Option<Procedure>, Diagnostics) {
    let catalogue = campaign.map_or(crate::catalogue::Catalogue::builtin(), |c| &c.catalogue);
    match Procedure::parse(SourceFile::new(path.to_path_buf(), text.to_owned())) {
        Ok(mut p) => {
            let mut d = crate::model::link::link(&mut p, catalogue);
            if d.has_errors() {
                return (None, d);
            }
            d.extend(p.lint());
            if let Err(g) = crate::layout::check_glyphs(&p) {
                d.extend(g);
            }
            (Some(p), d)
        }
        Err(d) => (None, d),
    }
}

/// One procedure as the form shows it: its fields, its version, its
/// problems; a list's row read-only.
pub async fn procedure(
    State(studio): Shared,
    Query(q): Query<ProcedureQuery>,
) -> Result<Json<Value>, Failure> {
    blocking(move || {
        let path = studio.inside(&q.path).ok_or_else(|| outside(&q.path))?;
        if let Some(row) = q.row {
            let campaign = load_campaign(&studio).ok();
            let p = list_row(campaign.as_ref(), &path, row)?;
            let text = p.src.text.clone();
            let fields = edit::read(&text).map_err(bad)?;
            let (_, diags) = check_text(campaign.as_ref(), &path, &text);
            return Ok(Json(json!({
                "path": q.path, "row": row, "readonly": true, "version": "",
                "fields": fields, "problems": problems(&studio, &diags, None),
            })));
        }
        let bytes = read_bytes(&path)?;
        let src = SourceFile::load(&path).map_err(|d| bad(d.message))?;
        let fields = edit::read(&src.text).map_err(bad)?;
        let campaign = load_campaign(&studio).ok();
        let (_, diags) = check_text(campaign.as_ref(), &path, &src.text);
        Ok(Json(json!({
            "path": q.path, "row": null, "readonly": false, "version": version(&bytes),
            "fields": fields, "problems": problems(&studio, &diags, Some(&src.text)),
        })))
    })
    .await
}

#[derive(Deserialize)]
pub struct Edited {
    path: String,
    row: Option<usize>,
    #[serde(default)]
    fields: Fields,
    /// Saving: the version the page read.
    #[serde(default)]
    version: String,
    /// Previewing: what to draw.
    #[serde(default)]
    view: View,
}

/// What a preview shows of the form: the A4 poster, the phone image, the
/// card, or the handbook's page.
#[derive(Debug, Clone, Copy, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum View {
    #[default]
    Poster,
    Phone,
    Card,
    Handbook,
}

impl View {
    fn kind(self) -> OutputKind {
        match self {
            View::Poster => OutputKind::Poster,
            View::Phone => OutputKind::Png,
            View::Card => OutputKind::Cards,
            View::Handbook => OutputKind::Handbook,
        }
    }
}

/// The text the form makes of the file (or the list's row).
fn edited_text(
    studio: &Studio,
    campaign: Option<&Campaign>,
    e: &Edited,
) -> Result<(PathBuf, Vec<u8>, String), Failure> {
    let path = studio.inside(&e.path).ok_or_else(|| outside(&e.path))?;
    let (bytes, base) = match e.row {
        Some(row) => (Vec::new(), list_row(campaign, &path, row)?.src.text.clone()),
        None => {
            let bytes = read_bytes(&path)?;
            let text = SourceFile::load(&path).map_err(|d| bad(d.message))?.text;
            (bytes, text)
        }
    };
    let text = edit::apply(&base, &e.fields).map_err(bad)?;
    Ok((path, bytes, text))
}

/// The problems of the form as it stands, beside their fields.
pub async fn check(State(studio): Shared, Json(e): Json<Edited>) -> Result<Json<Value>, Failure> {
    blocking(move || {
        let campaign = load_campaign(&studio).ok();
        let (path, _, text) = edited_text(&studio, campaign.as_ref(), &e)?;
        let (_, diags) = check_text(campaign.as_ref(), &path, &text);
        Ok(Json(
            json!({ "problems": problems(&studio, &diags, Some(&text)) }),
        ))
    })
    .await
}

/// The form drawn by toroi's own layout and PNG renderer: the A4 poster,
/// the phone image, the card or the handbook's section.
pub async fn preview(State(studio): Shared, Json(e): Json<Edited>) -> Result<Response, Failure> {
    blocking(move || {
        // The campaign read once: for the catalogue, the list and the page.
        let campaign = load_campaign(&studio).ok();
        let (path, _, text) = edited_text(&studio, campaign.as_ref(), &e)?;
        let (procedure, diags) = check_text(campaign.as_ref(), &path, &text);
        let Some(procedure) = procedure else {
            return Ok((
                StatusCode::UNPROCESSABLE_ENTITY,
                Json(json!({ "problems": problems(&studio, &diags, Some(&text)) })),
            )
                .into_response());
        };
        let png = draw(campaign, procedure, e.view)
            .map_err(|d| Failure(StatusCode::UNPROCESSABLE_ENTITY, first_message(&d)))?;
        Ok(([(header::CONTENT_TYPE, "image/png")], png).into_response())
    })
    .await
}

/// How wide a preview is drawn, in pixels: sharp on a laptop's screen
/// beside the form, and quick to draw.
const PREVIEW_PX: u32 = 760;

/// `procedure` laid out as `view` and drawn as a PNG.
pub fn draw(
    campaign: Option<Campaign>,
    procedure: Procedure,
    view: View,
) -> Result<Vec<u8>, Diagnostics> {
    let kind = view.kind();
    // One card, not a sheet filled with copies of it.
    let mut request = Request::plain(
        kind,
        Format::Png { px: PREVIEW_PX },
        campaign,
        vec![procedure],
    );
    request.fill_sheets = false;
    let job = Job::resolve(request)?;
    let href = job.entries[0].code.href.clone();
    let (laid, diags) = crate::layout::lay_out(&job);
    let Some(doc) = laid.into_iter().next().map(|l| l.document) else {
        return Err(diags);
    };
    // A handbook: the section's page (the one whose code opens the
    // procedure), not the cover.
    let page = doc
        .pages
        .iter()
        .find(|p| {
            kind != OutputKind::Handbook
                || p.items.iter().any(|i| {
                    matches!(i, crate::scene::Item::Link { target: crate::scene::Target::Url(u), .. } if *u == href)
                })
        })
        .or(doc.pages.first());
    let Some(page) = page else {
        return Err(diags);
    };
    let px = match kind {
        OutputKind::Png => 540,
        _ => PREVIEW_PX,
    };
    Ok(crate::render::png::render(page, px))
}

/// Saves the form into its file, comments kept; refused when the file
/// changed on disk since the page read it.
pub async fn save(State(studio): Shared, Json(e): Json<Edited>) -> Result<Json<Value>, Failure> {
    blocking(move || {
        if e.row.is_some() {
            return Err(bad(crate::t!("studio-row-read-only")));
        }
        let campaign = load_campaign(&studio).ok();
        let (path, bytes, text) = edited_text(&studio, campaign.as_ref(), &e)?;
        if version(&bytes) != e.version {
            return Err(conflict(&path));
        }
        write_atomic(&path, text.as_bytes()).map_err(|d| bad(d.message))?;
        let (_, diags) = check_text(campaign.as_ref(), &path, &text);
        Ok(Json(json!({
            "version": version(text.as_bytes()),
            "problems": problems(&studio, &diags, Some(&text)),
        })))
    })
    .await
}

/// The folder new procedure files go into: the campaign's first folder of
/// procedures, else `thu-tuc` (added to the campaign's procedures).
fn procedures_folder(studio: &Studio) -> Result<PathBuf, Failure> {
    let campaign = load_campaign(studio)?;
    if let Some(dir) = campaign.procedures.iter().find(|p| p.is_dir()) {
        if crate::model::root::Root::at(&studio.root).admits(dir) {
            return Ok(dir.clone());
        }
    }
    let dir = studio.folder().join("thu-tuc");
    std::fs::create_dir_all(&dir).map_err(|e| bad(crate::i18n::io_error(&e)))?;
    add_procedures(studio, "thu-tuc")?;
    Ok(dir)
}

/// `[campaign] procedures` with `entry` added (once).
fn add_procedures(studio: &Studio, entry: &str) -> Result<(), Failure> {
    let (_, mut doc) = campaign_doc(studio)?;
    if doc.get("campaign").is_none() {
        doc.insert("campaign", toml_edit::Item::Table(toml_edit::Table::new()));
    }
    let Some(t) = doc.get_mut("campaign").and_then(|t| t.as_table_like_mut()) else {
        return Err(bad(crate::t!("studio-no-campaign-table")));
    };
    match t.get_mut("procedures").and_then(|i| i.as_value_mut()) {
        Some(toml_edit::Value::Array(a)) => {
            if a.iter().any(|v| v.as_str() == Some(entry)) {
                return Ok(());
            }
            a.push(entry);
        }
        Some(v) => {
            let old = v.as_str().unwrap_or_default().to_owned();
            let mut a = toml_edit::Array::new();
            a.push(old);
            a.push(entry);
            *v = toml_edit::Value::Array(a);
        }
        None => {
            let mut a = toml_edit::Array::new();
            a.push(entry);
            t.insert("procedures", toml_edit::value(a));
        }
    }
    write_atomic(&studio.campaign(), doc.to_string().as_bytes()).map_err(|d| bad(d.message))
}

#[derive(Deserialize)]
pub struct RowBody {
    path: String,
    row: usize,
}

/// A list's row written as a procedure file of its own, to edit; the
/// row stays in the list (the file's problems say when both print).
pub async fn import_row(
    State(studio): Shared,
    Json(b): Json<RowBody>,
) -> Result<Json<Value>, Failure> {
    blocking(move || {
        let list = studio.inside(&b.path).ok_or_else(|| outside(&b.path))?;
        let p = list_row(load_campaign(&studio).ok().as_ref(), &list, b.row)?;
        let folder = procedures_folder(&studio)?;
        let stem = p
            .src
            .stem
            .clone()
            .unwrap_or_else(|| format!("dong-{}", b.row));
        let path = folder.join(format!("{stem}.toml"));
        if path.exists() {
            return Err(bad(crate::t!(
                "studio-exists",
                path = studio.relative(&path)
            )));
        }
        write_atomic(&path, crate::cli::import::with_catalogue(&p).as_bytes())
            .map_err(|d| bad(d.message))?;
        Ok(Json(json!({ "path": studio.relative(&path) })))
    })
    .await
}

// ---- the national catalogue ----------------------------------------------

#[derive(Deserialize)]
pub struct SearchQuery {
    q: String,
}

/// How many entries a search shows.
const FOUND: usize = 40;

/// The built-in national catalogue searched by words (diacritics optional)
/// or a code.
pub async fn catalogue(Query(q): Query<SearchQuery>) -> Json<Value> {
    let found = crate::catalogue::search::find(&q.q, None);
    let entries: Vec<Value> = found
        .iter()
        .take(FOUND)
        .map(|e| {
            json!({
                "code": e.code.as_ref(),
                "title": e.title.as_ref(),
                "field": e.field.as_ref(),
                "agency": e.agencies().join("; "),
                "details": crate::catalogue::details::of(&e.code).is_some(),
            })
        })
        .collect();
    Json(json!({ "entries": entries, "total": found.len() }))
}

#[derive(Deserialize)]
pub struct NewBody {
    codes: Vec<String>,
}

/// The files `toroi new` starts for the codes picked, in the campaign's
/// folder of procedures.
pub async fn new(State(studio): Shared, Json(b): Json<NewBody>) -> Result<Json<Value>, Failure> {
    blocking(move || {
        let folder = procedures_folder(&studio)?;
        let campaign = load_campaign(&studio).ok();
        let mut written = Vec::new();
        let mut failed = Vec::new();
        for code in b.codes.iter().take(100) {
            let Some(e) = crate::catalogue::search::find(code, None)
                .into_iter()
                .find(|e| e.code.as_ref() == code.trim())
            else {
                failed.push(crate::t!("studio-no-code", code = code));
                continue;
            };
            match crate::cli::find::write_new(e, &folder, campaign.as_ref()) {
                Ok(p) => written.push(studio.relative(&p)),
                Err(d) => failed.push(match d.hint {
                    Some(h) => format!("{} ({h})", d.message),
                    None => d.message,
                }),
            }
        }
        Ok(Json(json!({ "written": written, "failed": failed })))
    })
    .await
}

// ---- lists ---------------------------------------------------------------

/// A list dropped on the page: read as `check` reads it; its rows and its
/// problems at their cells. Kept until added or the studio stops.
pub async fn list(
    State(studio): Shared,
    Query(q): Query<NameQuery>,
    body: Bytes,
) -> Result<Json<Value>, Failure> {
    blocking(move || {
        let name = plain_name(&q.name, &["xlsx", "xls", "ods", "csv"])?;
        let dir = tempfile::tempdir().map_err(|e| bad(crate::i18n::io_error(&e)))?;
        let path = dir.path().join(&name);
        std::fs::write(&path, &body).map_err(|e| bad(crate::i18n::io_error(&e)))?;
        let campaign = load_campaign(&studio).ok();
        let catalogue = campaign
            .as_ref()
            .map_or(crate::catalogue::Catalogue::builtin(), |c| &c.catalogue);
        let (rows, diags) =
            match load_procedures_from(std::slice::from_ref(&path), None, catalogue, None) {
                Ok(l) => (l.procedures, l.problems),
                Err(d) => (Vec::new(), d),
            };
        let mut found = problems(&studio, &diags, None);
        for p in &mut found {
            // Named as the user named it, not by the temporary folder.
            p.place = p.place.replace(&path.display().to_string(), &name);
            p.file = Some(name.clone());
        }
        let rows: Vec<Value> = rows
            .iter()
            .map(|p| {
                json!({
                    "row": p.src.cells.first().map(|c| c.cell.row),
                    "title": p.title.value,
                    "code": p.code.as_ref().map(|c| c.value.clone()),
                    "field": p.field.as_ref().map(|f| crate::model::field_name(&f.value)),
                })
            })
            .collect();
        let id = super::random_hex(8);
        let mut uploads = studio.uploads.lock().map_err(|_| bad(String::new()))?;
        // Held until added; only the last few, so that dropping list
        // after list does not fill the PC's memory.
        while uploads.len() >= super::UPLOADS_KEPT {
            uploads.pop_front();
        }
        uploads.push_back((id.clone(), name.clone(), body.to_vec()));
        drop(uploads);
        Ok(Json(
            json!({ "id": id, "name": name, "rows": rows, "problems": found }),
        ))
    })
    .await
}

#[derive(Deserialize)]
pub struct AddBody {
    id: String,
    /// "files": each row into a procedure file of its own (`toroi
    /// import`), in the campaign's folder of procedures; else the list
    /// itself joins the campaign.
    #[serde(default)]
    into: String,
}

/// The dropped list saved in the campaign's folder and added to its
/// procedures; never over another file.
pub async fn list_add(
    State(studio): Shared,
    Json(b): Json<AddBody>,
) -> Result<Json<Value>, Failure> {
    blocking(move || {
        let (name, bytes) = {
            let mut uploads = studio.uploads.lock().map_err(|_| bad(String::new()))?;
            let i = uploads
                .iter()
                .position(|(id, _, _)| *id == b.id)
                .ok_or_else(|| bad(crate::t!("studio-upload-gone")))?;
            let (_, name, bytes) = uploads.remove(i).expect("found");
            (name, bytes)
        };
        if b.into == "files" {
            let folder = procedures_folder(&studio)?;
            let before = procedure_files_in(&folder);
            let dir = tempfile::tempdir().map_err(|e| bad(crate::i18n::io_error(&e)))?;
            let list = dir.path().join(&name);
            std::fs::write(&list, &bytes).map_err(|e| bad(crate::i18n::io_error(&e)))?;
            crate::cli::import::import(&list, Some(folder.clone()), None, false)
                .map_err(|d| bad(first_message(&d).replace(&list.display().to_string(), &name)))?;
            let made: Vec<String> = procedure_files_in(&folder)
                .into_iter()
                .filter(|p| !before.contains(p))
                .map(|p| studio.relative(&p))
                .collect();
            return Ok(Json(
                json!({ "files": made, "path": studio.relative(&folder) }),
            ));
        }
        let mut path = studio.folder().join(&name);
        let stem = Path::new(&name)
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let ext = Path::new(&name)
            .extension()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let mut n = 2;
        while path.exists() {
            path = studio.folder().join(format!("{stem}-{n}.{ext}"));
            n += 1;
        }
        write_atomic(&path, &bytes).map_err(|d| bad(d.message))?;
        let rel = studio.relative(&path);
        let entry = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        add_procedures(&studio, &entry)?;
        Ok(Json(json!({ "path": rel })))
    })
    .await
}

fn procedure_files_in(folder: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "toml"));
    files.sort();
    files
}

// ---- printing ------------------------------------------------------------

/// `build` with the proof: every output written, what it says of each
/// file, every problem.
pub async fn build(State(studio): Shared) -> Result<Json<Value>, Failure> {
    blocking(move || {
        let written = std::cell::RefCell::new(Vec::<Value>::new());
        let said = std::cell::RefCell::new(Diagnostics::new());
        let lines = std::cell::RefCell::new(Vec::<String>::new());
        let tell = |s: crate::cli::build::Said| match s {
            crate::cli::build::Said::Wrote(w) => {
                let rel = studio.relative(&w.path);
                written.borrow_mut().push(json!({
                    "path": rel,
                    "href": format!("/files/{rel}"),
                    "what": w.what,
                    "notes": w.notes,
                }));
            }
            crate::cli::build::Said::Problems(d) => said.borrow_mut().extend(d.clone()),
            crate::cli::build::Said::Done(l) | crate::cli::build::Said::Failed(l) => {
                lines.borrow_mut().push(l)
            }
        };
        let ok = crate::cli::build::build_some(&studio.campaign(), true, &|_| true, None, &tell);
        let said = said.into_inner();
        Ok(Json(json!({
            "ok": ok,
            "written": written.into_inner(),
            "problems": problems(&studio, &said, None),
            "lines": lines.into_inner(),
        })))
    })
    .await
}

/// A file of the campaign's folder, for the browser's PDF viewer.
pub async fn file(
    State(studio): Shared,
    axum::extract::Path(rel): axum::extract::Path<String>,
) -> Result<Response, Failure> {
    let path = studio.inside(&rel).ok_or_else(|| outside(&rel))?;
    let kind = match path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_lowercase)
        .as_deref()
    {
        Some("pdf") => "application/pdf",
        Some("png") => "image/png",
        Some("jpg") | Some("jpeg") => "image/jpeg",
        Some("svg") => "image/svg+xml",
        _ => {
            return Err(Failure(
                StatusCode::FORBIDDEN,
                crate::t!(
                    "studio-bad-file-name",
                    name = rel.as_str(),
                    kinds = "PDF, PNG, JPEG, SVG"
                ),
            ))
        }
    };
    let bytes = blocking(move || read_bytes(&path)).await?;
    let mut response = ([(header::CONTENT_TYPE, kind)], bytes).into_response();
    if kind == "image/svg+xml" {
        // A stranger's SVG logo opened on its own runs nothing here. (PDFs
        // keep the page's policy: a sandbox would stop the browser's
        // PDF viewer.)
        response.headers_mut().insert(
            header::CONTENT_SECURITY_POLICY,
            header::HeaderValue::from_static(
                "default-src 'none'; style-src 'unsafe-inline'; sandbox",
            ),
        );
    }
    Ok(response)
}
