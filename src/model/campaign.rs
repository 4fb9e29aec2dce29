//! The campaign file (`toroi.toml`): who issues the material and what to print.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex};

use crate::catalogue::{Catalogue, Entry, Kind};
use crate::diag::Diagnostics;
use crate::model::root::Root;
use crate::model::source::SourceFile;
use crate::model::toml_read::{self, Located, Reader};
use crate::model::{address, portal, Lang, OutputKind, Procedure, Size};

const TOP_KEYS: &[&str] = &[
    "issuer",
    "campaign",
    "procedures",
    "sheet",
    "catalogue",
    "output",
];
const ISSUER_KEYS: &[&str] = &[
    "name",
    "locality",
    "address",
    "hotline",
    "email",
    "website",
    "office_hours",
    "logo",
];
const CAMPAIGN_KEYS: &[&str] = &[
    "title",
    "slogan",
    "url",
    "lang",
    "tracking",
    "procedures",
    "sheet",
    "catalogue",
    "date",
];
const OUTPUT_KEYS: &[&str] = &[
    "kind",
    "size",
    "file",
    "booklet",
    "group",
    "template",
    "bleed",
    "cmyk",
    "px",
    "page",
    "procedures",
    "title",
];

/// A campaign file has [issuer], [campaign] or [[output]]; a procedure has
/// none. `toroi.toml` is a campaign by its name.
pub fn is_campaign(path: &Path) -> bool {
    if path.file_name().is_some_and(|n| n == "toroi.toml") {
        return true;
    }
    let Ok(src) = SourceFile::load(path) else {
        return false;
    };
    let Ok(doc) = crate::model::toml_read::parse(&src) else {
        return false;
    };
    let top = doc.get_ref();
    ["issuer", "campaign", "output"]
        .iter()
        .any(|k| top.get(*k).is_some())
}

/// A layout template has the keys of templates/*.toml (page, margin,
/// colours, type, qr, labels) and no procedure's `title`.
pub fn is_template(path: &Path) -> bool {
    let Ok(src) = SourceFile::load(path) else {
        return false;
    };
    let Ok(doc) = crate::model::toml_read::parse(&src) else {
        return false;
    };
    let top = doc.get_ref();
    top.get("title").is_none()
        && ["page", "margin", "colors", "type", "qr", "labels"]
            .iter()
            .any(|k| top.get(*k).is_some())
}

/// The national public-service portal, the campaign's link when it names none.
pub const NATIONAL_PORTAL: &str = portal::FRONT_PAGE;

/// The office that issues the printed material.
/// Texts keep their position so that layout can point at one that does not fit.
#[derive(Debug, Clone, Default)]
pub struct Issuer {
    pub name: Option<Located<String>>,
    pub locality: Option<Located<String>>,
    pub address: Option<Located<String>>,
    pub hotline: Option<Located<String>>,
    pub email: Option<Located<String>>,
    pub website: Option<Located<String>>,
    pub office_hours: Option<Located<String>>,
    pub logo: Option<Logo>,
    /// A logo still being decoded (see [`Campaign::load_started`]).
    decoding: Option<Decoding>,
}

/// A decoded logo, or what was wrong with it.
type Decoded = Result<Arc<::image::RgbaImage>, String>;

/// A PNG or JPEG logo being decoded on another core while the procedures
/// are read and the job resolved: a 240-pixel logo takes half a
/// millisecond, a tenth of a poster. [`Campaign::finish_logo`] waits for it.
#[derive(Clone)]
struct Decoding {
    path: PathBuf,
    /// Where `logo = …` is, for a message.
    at: usize,
    done: Arc<(Mutex<Option<Decoded>>, Condvar)>,
}

impl std::fmt::Debug for Decoding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Decoding({})", self.path.display())
    }
}

impl Decoding {
    /// Starts decoding `bytes`, a library's panic caught as a message.
    fn start(path: PathBuf, at: usize, bytes: Vec<u8>) -> Decoding {
        let done: Arc<(Mutex<_>, Condvar)> = Arc::default();
        let (slot, p) = (done.clone(), path.clone());
        rayon::spawn(move || {
            let result = super::input::guarded(|| super::logo::decode_with_warnings(&p, &bytes))
                .and_then(|r| r)
                .map(|(image, _)| Arc::new(image));
            *slot.0.lock().unwrap_or_else(|e| e.into_inner()) = Some(result);
            slot.1.notify_all();
        });
        Decoding { path, at, done }
    }

    fn wait(&self) -> Decoded {
        let (slot, ready) = &*self.done;
        loop {
            let result = slot.lock().unwrap_or_else(|e| e.into_inner());
            if let Some(r) = result.as_ref() {
                return r.clone();
            }
            // On one of rayon's threads the decoding may still be queued
            // here (on a one-core PC, nowhere else): run queued work
            // first, and sleep only while another thread has it.
            drop(result);
            if rayon::yield_now() == Some(rayon::Yield::Executed) {
                continue;
            }
            let result = slot.lock().unwrap_or_else(|e| e.into_inner());
            if result.is_none() {
                let _ = ready.wait_timeout(result, std::time::Duration::from_millis(1));
            }
        }
    }
}

/// A logo image, decoded when the campaign is loaded (or, for a single
/// command, while its procedures are read) so that a bad file fails before
/// anything is laid out.
#[derive(Debug, Clone)]
pub struct Logo {
    pub path: PathBuf,
    pub image: Arc<::image::RgbaImage>,
}

/// One `[[output]]` of the campaign.
#[derive(Debug, Clone)]
pub struct Output {
    pub kind: OutputKind,
    /// One of the kind's sizes, when the output names one.
    pub size: Option<Size>,
    /// A PDF file, or for posters a folder that gets one PDF per procedure.
    pub file: PathBuf,
    /// Handbooks: impose the pages for folding (two per sheet side).
    pub booklet: bool,
    /// Handbooks: `group = "field"` orders the sections by field.
    pub group: Grouping,
    /// A template file overriding the built-in preset, resolved.
    pub template: Option<PathBuf>,
    /// For a print shop: bleed in millimetres (0 for none), CMYK colours.
    pub bleed: f32,
    pub cmyk: bool,
    /// PNG outputs: the width in pixels, when not the default.
    pub px: Option<u32>,
    /// `kind = "png"` with `page = true`: the poster page as an image
    /// rather than the phone layout.
    pub page_image: bool,
    /// This output's own procedure files and folders (a leaflet of a few),
    /// instead of the campaign's.
    pub procedures: Option<Vec<PathBuf>>,
    /// This output's own title (a leaflet on family procedures), instead of
    /// the campaign's, on its cover and in its running header.
    pub title: Option<Located<String>>,
    /// Where the `[[output]]` entry starts, for messages.
    pub offset: usize,
}

#[derive(Debug, Clone)]
pub struct Campaign {
    /// The campaign file, kept for messages that point into it.
    pub src: Arc<SourceFile>,
    pub issuer: Issuer,
    pub title: Option<Located<String>>,
    pub slogan: Option<Located<String>>,
    /// The date a catalogue prints ("Tháng 9/2026"), as written; today's
    /// date when not given.
    pub date: Option<Located<String>>,
    /// The language of the printed labels (Vietnamese by default).
    pub lang: Lang,
    /// The campaign's main link (cover QR); the national portal by default.
    pub url: String,
    /// Query parameters appended to every QR URL, in file order.
    pub tracking: Vec<(String, String)>,
    /// Where `tracking` is, for the warning about other sites.
    pub tracking_offset: usize,
    /// Procedure files, folders and lists, resolved against the campaign file's folder.
    pub procedures: Vec<PathBuf>,
    /// The sheet of a list to read (`sheet = "…"`), when not the first
    /// with a header.
    pub sheet: Option<String>,
    /// The campaign's own catalogues (`catalogue = ["…csv"]`: a province's
    /// newer list, an audit's statuses), consulted before the built-in one.
    pub catalogue: Arc<Catalogue>,
    pub outputs: Vec<Output>,
    /// The folder every path above lies in (see [`Root`]).
    pub root: Root,
}

impl Campaign {
    pub fn load(path: &Path) -> Result<Campaign, Diagnostics> {
        let src = SourceFile::load(path)?;
        Campaign::parse(&src)
    }

    /// As [`Campaign::load`], with the warnings about what was read (an
    /// SVG logo's references left out), for commands that print them.
    pub fn load_warned(path: &Path) -> Result<(Campaign, Diagnostics), Diagnostics> {
        let src = SourceFile::load(path)?;
        match Campaign::parse_all(&src) {
            (Some(c), diags) if !diags.has_errors() => Ok((c, diags)),
            (_, diags) => Err(diags),
        }
    }

    /// As [`Campaign::load_warned`], with a PNG or JPEG logo still being
    /// decoded on another core: [`Campaign::finish_logo`] (which
    /// [`crate::job::Job::resolve`] calls) waits for it and says what was
    /// wrong with it.
    pub fn load_started(path: &Path) -> Result<(Campaign, Diagnostics), Diagnostics> {
        let src = SourceFile::load(path)?;
        match Campaign::parse_started(&src) {
            (Some(c), diags) if !diags.has_errors() => Ok((c, diags)),
            // A broken campaign is reported whole, its logo with the rest.
            (campaign, mut diags) => {
                if let Some(mut c) = campaign {
                    diags.extend(c.finish_logo());
                    diags.sort();
                }
                Err(diags)
            }
        }
    }

    pub fn parse(src: &SourceFile) -> Result<Campaign, Diagnostics> {
        let (campaign, diags) = Campaign::parse_all(src);
        match campaign {
            Some(c) if !diags.has_errors() => Ok(c),
            _ => Err(diags),
        }
    }

    /// Reads what can be read even when some of it is wrong, so that `check`
    /// goes on to the procedures and templates the campaign names and
    /// reports every problem in one run. None only for a TOML syntax error.
    pub fn parse_all(src: &SourceFile) -> (Option<Campaign>, Diagnostics) {
        let (mut campaign, mut diags) = Campaign::parse_started(src);
        if let Some(c) = &mut campaign {
            diags.extend(c.finish_logo());
            // In the file's order, the logo's line among the others.
            diags.sort();
        }
        (campaign, diags)
    }

    /// The logo, when one is being decoded, waited for: what was wrong
    /// with it, at its line. Nothing to do for a campaign read otherwise.
    pub fn finish_logo(&mut self) -> Diagnostics {
        let mut diags = Diagnostics::new();
        let Some(d) = self.issuer.decoding.take() else {
            return diags;
        };
        match d.wait() {
            Ok(image) => {
                self.issuer.logo = Some(Logo {
                    path: d.path,
                    image,
                })
            }
            Err(e) => diags.push(
                self.src
                    .error_at(
                        d.at,
                        crate::t!("logo-bad", path = d.path.display(), reason = e),
                    )
                    .with_hint(crate::t!("logo-hint")),
            ),
        }
        diags
    }

    /// [`Campaign::parse_all`] with the logo still being decoded.
    fn parse_started(src: &SourceFile) -> (Option<Campaign>, Diagnostics) {
        let doc = match toml_read::parse(src) {
            Ok(doc) => doc,
            Err(d) => return (None, d.into()),
        };
        let mut diags = Diagnostics::new();
        let base = src.path.parent().unwrap_or(Path::new("")).to_path_buf();
        let resolve = |p: &str| tidy(&base.join(p));
        let root = Root::of_campaign(&src.path);

        let mut top = Reader::new(src, doc.get_ref(), 0, "", &mut diags);
        top.reject_unknown_keys(TOP_KEYS);
        let issuer_table = top.table("issuer");
        let campaign_table = top.table("campaign");
        let listed = top.string_list("procedures");
        let mut sheet = top.string("sheet").map(|s| s.value);
        let mut procedures = existing(src, &listed, &resolve, &root, top.diags);
        let mut catalogues = top.string_list("catalogue");
        let output_tables = top.table_list("output");

        let mut issuer = Issuer::default();
        if let Some((t, off)) = issuer_table {
            let mut r = Reader::new(src, t, off, "issuer.", &mut diags);
            r.reject_unknown_keys(ISSUER_KEYS);
            issuer.name = r.string("name");
            issuer.locality = r.string("locality");
            issuer.address = r.string("address");
            issuer.hotline = r.string("hotline");
            issuer.email = r.string("email");
            issuer.website = r.string("website");
            issuer.office_hours = r.string("office_hours");
            if let Some(logo) = r.string("logo") {
                let path = resolve(&logo.value);
                if inside(src, &root, &path, logo.offset, r.diags) {
                    (issuer.logo, issuer.decoding) = load_logo(src, &path, &logo, r.diags);
                }
            }
        }

        let mut campaign = Campaign {
            src: Arc::new(src.clone()),
            issuer,
            title: None,
            slogan: None,
            date: None,
            lang: Lang::Vi,
            url: NATIONAL_PORTAL.to_owned(),
            tracking: Vec::new(),
            tracking_offset: 0,
            procedures: Vec::new(),
            sheet: None,
            catalogue: Arc::default(),
            outputs: Vec::new(),
            root: root.clone(),
        };
        if let Some((t, off)) = campaign_table {
            let mut r = Reader::new(src, t, off, "campaign.", &mut diags);
            r.reject_unknown_keys(CAMPAIGN_KEYS);
            campaign.title = r.string("title");
            campaign.slogan = r.string("slogan");
            campaign.date = r.string("date");
            if let Some(lang) = r.string("lang") {
                match Lang::parse(&lang.value) {
                    Some(l) => campaign.lang = l,
                    None => r.diags.push(
                        src.error_at(lang.offset, crate::t!("lang-unknown", value = &lang.value))
                            .with_hint(crate::t!("use-one-of", names = Lang::codes())),
                    ),
                }
            }
            if let Some(u) = r.string("url") {
                match address::normalise(&u.value) {
                    Err((msg, hint)) => r.diags.push(
                        src.error_at(u.offset, format!("{msg}: `{}`", u.value))
                            .with_hint(hint),
                    ),
                    Ok(href) => campaign.url = href.into(),
                }
            }
            if let Some((tracking, toff)) = r.table("tracking") {
                campaign.tracking = read_tracking(src, tracking, toff, r.diags);
                campaign.tracking_offset = toff;
            }
            let listed = r.string_list("procedures");
            procedures.extend(existing(src, &listed, &resolve, &root, r.diags));
            if let Some(s) = r.string("sheet") {
                sheet = Some(s.value);
            }
            catalogues.extend(r.string_list("catalogue"));
        }
        campaign.procedures = procedures;
        if !catalogues.is_empty() {
            campaign.catalogue = Arc::new(load_catalogues(
                src,
                &catalogues,
                &resolve,
                &root,
                &mut diags,
            ));
        }
        campaign.sheet = sheet;

        for (t, off) in output_tables {
            let mut r = Reader::new(src, t, off, "output.", &mut diags);
            r.reject_unknown_keys(OUTPUT_KEYS);
            let kind = r.required_string("kind", "\"poster\"");
            let file = r.required_string("file", "\"out/cam-nang.pdf\"");
            let size = r.string("size");
            let booklet = r.boolean("booklet");
            let group = r.string("group");
            let template = r.string("template");
            let bleed = r.number("bleed", 0.0, 20.0, "3");
            let cmyk = r.boolean("cmyk");
            let px = r.number("px", 200.0, 10_000.0, "1080");
            let page_image = r.boolean("page");
            let title = r.string("title");
            let own = r.get("procedures").map(|v| v.span().start).map(|at| {
                let listed = r.string_list("procedures");
                let found = existing(src, &listed, &resolve, &root, r.diags);
                (at, listed, found)
            });
            if let Some((at, list, _)) = &own {
                if list.is_empty() {
                    r.diags.push(
                        src.error_at(*at, crate::t!("output-procedures-empty"))
                            .with_hint(crate::t!("output-procedures-empty-hint")),
                    );
                }
            }
            let kind = kind.and_then(|k| match OutputKind::parse(&k.value) {
                Some(kind) => Some(kind),
                None => {
                    let names: Vec<&str> = OutputKind::ALL.iter().map(|k| k.name()).collect();
                    let hint = match toml_read::nearest(&k.value, &names) {
                        Some(near) => {
                            crate::t!("kind-did-you-mean", near = near, names = names.join(", "))
                        }
                        None => crate::t!("use-one-of", names = names.join(", ")),
                    };
                    r.diags.push(
                        src.error_at(k.offset, crate::t!("kind-unknown", value = &k.value))
                            .with_hint(hint),
                    );
                    None
                }
            });
            let size = size.and_then(|s| match (Size::parse(&s.value), kind) {
                (Some(size), Some(k)) if k.sizes().contains(&size) => Some(size),
                (_, Some(k)) => {
                    r.diags.push(
                        src.error_at(
                            s.offset,
                            crate::t!("size-not-for", kind = k.described(), size = &s.value),
                        )
                        .with_hint(crate::t!("use-one-of", names = k.size_names())),
                    );
                    None
                }
                (_, None) => None,
            });
            if let Some(b) = booklet
                .as_ref()
                .filter(|b| b.value && kind != Some(OutputKind::Handbook))
            {
                r.diags.push(
                    src.error_at(b.offset, crate::t!("booklet-handbook-only"))
                        .with_hint(crate::t!("handbook-only-hint")),
                );
            }
            let group = group.and_then(|g| match Grouping::parse(&g.value) {
                Some(_) if kind != Some(OutputKind::Handbook) => {
                    r.diags.push(
                        src.error_at(g.offset, crate::t!("group-handbook-only"))
                            .with_hint(crate::t!("handbook-only-hint")),
                    );
                    None
                }
                Some(grouping) => Some(grouping),
                None => {
                    r.diags.push(
                        src.error_at(g.offset, crate::t!("group-unknown", value = &g.value))
                            .with_hint(crate::t!("group-unknown-hint")),
                    );
                    None
                }
            });
            let is_png = kind == Some(OutputKind::Png);
            if let Some(o) = px.as_ref().filter(|_| !is_png) {
                r.diags.push(
                    src.error_at(o.offset, crate::t!("px-only-png"))
                        .with_hint(crate::t!("px-only-png-hint")),
                );
            }
            let print_offset = bleed
                .as_ref()
                .map(|b| b.offset)
                .or(cmyk.as_ref().filter(|c| c.value).map(|c| c.offset));
            if let Some(at) = print_offset.filter(|_| is_png) {
                r.diags.push(
                    src.error_at(at, crate::t!("png-no-print"))
                        .with_hint(crate::t!("png-no-print-hint")),
                );
            }
            let template =
                template.filter(|t| inside(src, &root, &resolve(&t.value), t.offset, r.diags));
            let file = file.filter(|f| inside(src, &root, &resolve(&f.value), f.offset, r.diags));
            if let (Some(kind), Some(file)) = (kind, file) {
                let path = resolve(&file.value);
                if let Some(earlier) = campaign.outputs.iter().find(|o| o.file == path) {
                    let (line, _) = src.position(earlier.offset);
                    r.diags.push(
                        src.error_at(
                            file.offset,
                            crate::t!("outputs-same-file", file = &file.value),
                        )
                        .with_hint(crate::t!("outputs-same-file-hint", line = line.line)),
                    );
                }
                campaign.outputs.push(Output {
                    kind,
                    size,
                    file: path,
                    booklet: booklet.is_some_and(|b| b.value),
                    group: group.unwrap_or_default(),
                    template: template.map(|t| resolve(&t.value)),
                    bleed: bleed.map_or(0.0, |b| b.value as f32),
                    cmyk: cmyk.is_some_and(|c| c.value),
                    px: px.map(|p| p.value.round() as u32),
                    page_image: page_image.is_some_and(|p| p.value),
                    procedures: own.map(|(_, _, found)| found),
                    title,
                    offset: off,
                });
            }
        }

        diags.sort();
        (Some(campaign), diags)
    }

    /// The campaign as `output` prints it: with the output's own title.
    pub fn for_output(&self, output: &Output) -> Campaign {
        let mut c = self.clone();
        if output.title.is_some() {
            c.title = output.title.clone();
        }
        c
    }

    pub fn path(&self) -> &Path {
        &self.src.path
    }

    /// The URL a QR code encodes for a procedure: its page plus tracking.
    pub fn qr_url(&self, url: &str) -> String {
        address::with_tracking(url, &self.tracking)
    }

    /// What `p`'s code and link carry, with or without a campaign: the one
    /// place every layout takes a procedure's final address from.
    pub fn target_of(campaign: Option<&Campaign>, p: &Procedure) -> String {
        campaign.map_or_else(|| p.url.value.clone(), |c| c.qr_url(&p.url.value))
    }

    /// Tracking parameters only help on a site whose statistics the office
    /// reads (the campaign's own `url` or the issuer's `website`); on the
    /// portal and other organisations' sites they only make every code
    /// denser. One warning, at `tracking`, naming those sites.
    pub fn tracking_warnings(&self, procedures: &[Procedure]) -> Diagnostics {
        let mut diags = Diagnostics::new();
        if self.tracking.is_empty() {
            return diags;
        }
        let mut own: Vec<String> = Vec::new();
        if self.url != NATIONAL_PORTAL {
            own.push(address::host(&self.url));
        }
        if let Some(w) = &self.issuer.website {
            if let Ok(u) = address::normalise(&w.value) {
                own.push(address::host(u.as_str()));
            }
        }
        let mut foreign: Vec<String> = Vec::new();
        let targets = std::iter::once(self.url.as_str())
            .chain(procedures.iter().map(|p| p.url.value.as_str()));
        for href in targets {
            let host = address::host(href);
            if !own.contains(&host) && !foreign.contains(&host) {
                foreign.push(host);
            }
        }
        if !foreign.is_empty() {
            diags.push(
                self.src
                    .error_at(
                        self.tracking_offset,
                        crate::t!("tracking-foreign", hosts = foreign.join(", ")),
                    )
                    .with_hint(crate::t!("tracking-foreign-hint"))
                    .as_warning(),
            );
        }
        diags
    }
}

fn read_tracking(
    src: &SourceFile,
    t: &toml_read::Table<'_>,
    off: usize,
    diags: &mut Diagnostics,
) -> Vec<(String, String)> {
    let mut r = Reader::new(src, t, off, "campaign.tracking.", diags);
    let keys: Vec<String> = t.iter().map(|(k, _)| k.get_ref().to_string()).collect();
    let mut out = Vec::new();
    for k in keys {
        if let Some(v) = r.string(&k) {
            out.push((k, v.value));
        }
    }
    // The file's order, not the table's sorted order, so URLs read as written.
    out.sort_by_key(|(k, _)| {
        t.get_key_value(k.as_str())
            .map_or(0, |(s, _)| s.span().start)
    });
    out
}

/// The listed procedure paths, resolved; one that does not exist is an
/// error at its place in the campaign file.
/// The lists a campaign names as catalogues, read like any list: each
/// row with a code is an entry (its portal id, title, status). A row's
/// mistakes are warnings here: the list informs, it does not print.
fn load_catalogues(
    src: &SourceFile,
    listed: &[Located<String>],
    resolve: &dyn Fn(&str) -> PathBuf,
    root: &Root,
    diags: &mut Diagnostics,
) -> Catalogue {
    let mut catalogue = Catalogue::default();
    for (path, at) in existing(src, listed, resolve, root, diags)
        .into_iter()
        .zip(listed.iter().map(|l| l.offset))
    {
        if !crate::model::list::is_list(&path) {
            diags.push(
                src.error_at(at, crate::t!("catalogue-not-list", path = path.display()))
                    .with_hint(crate::t!("catalogue-not-list-hint")),
            );
            continue;
        }
        let rows = match crate::model::list::read(&path, None) {
            Ok(rows) => rows,
            Err(d) => {
                diags.extend(d);
                continue;
            }
        };
        for row in rows.rows {
            match Procedure::parse(row) {
                Ok(p) => {
                    let Some(code) = &p.code else { continue };
                    catalogue.add(Entry {
                        code: code.value.trim().to_owned().into(),
                        formality_id: p.formality_id.as_ref().map(|f| f.value.clone().into()),
                        title: p.title.value.clone().into(),
                        field: p
                            .field
                            .as_ref()
                            .map_or(String::new(), |f| f.value.clone())
                            .into(),
                        agency: p
                            .agency
                            .as_ref()
                            .map_or(String::new(), |f| f.value.clone())
                            .into(),
                        kind: Kind::Standard,
                        status: p.status.as_ref().map(|s| s.value.clone().into()),
                        from: Some(p.origin()),
                    });
                }
                Err(d) => diags.extend(d.iter().map(|d| d.clone().as_warning()).collect()),
            }
        }
    }
    catalogue
}

fn existing(
    src: &SourceFile,
    listed: &[Located<String>],
    resolve: &dyn Fn(&str) -> PathBuf,
    root: &Root,
    diags: &mut Diagnostics,
) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for p in listed {
        let path = resolve(&p.value);
        if !inside(src, root, &path, p.offset, diags) {
            continue;
        }
        if path.exists() {
            out.push(path);
        } else {
            diags.push(
                src.error_at(
                    p.offset,
                    crate::t!("campaign-path-missing", path = path.display()),
                )
                .with_hint(crate::t!("campaign-path-missing-hint")),
            );
        }
    }
    out
}

/// Whether `path`, named at `at`, lies inside the campaign's root; an
/// error there when it does not (nothing outside is read or written).
fn inside(src: &SourceFile, root: &Root, path: &Path, at: usize, diags: &mut Diagnostics) -> bool {
    if root.admits(path) {
        return true;
    }
    let (message, hint) = root.refusal(path);
    diags.push(src.error_at(at, message).with_hint(hint));
    false
}

/// Removes `.` and `name/..` from a path without touching the disk, so that
/// messages say `procedures/a.toml`, not `examples/x/../../procedures/a.toml`.
fn tidy(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir
                if matches!(out.components().next_back(), Some(Component::Normal(_))) =>
            {
                out.pop();
            }
            other => out.push(other),
        }
    }
    if out.as_os_str().is_empty() {
        out.push(".");
    }
    out
}

/// The logo `logo = …` names: an SVG drawn now (what it leaves out is
/// said at once), a PNG or JPEG read now and decoded on another core
/// meanwhile (see [`Decoding`]); or nothing, with what was wrong.
fn load_logo(
    src: &SourceFile,
    path: &Path,
    at: &Located<String>,
    diags: &mut Diagnostics,
) -> (Option<Logo>, Option<Decoding>) {
    let read = super::input::read(path, super::input::limits::LOGO_BYTES);
    let problem = match read {
        Err(e) => crate::t!(
            "logo-unreadable-file",
            path = path.display(),
            reason = e.reason()
        ),
        Ok(bytes) if !super::logo::is_svg(path) => {
            return (
                None,
                Some(Decoding::start(path.to_path_buf(), at.offset, bytes)),
            );
        }
        // A library's panic on a damaged image is a message, not a crash.
        Ok(bytes) => {
            match super::input::guarded(|| super::logo::decode_with_warnings(path, &bytes))
                .and_then(|r| r)
            {
                Ok((image, warnings)) => {
                    for w in warnings {
                        diags.push(
                            src.error_at(at.offset, w)
                                .as_warning()
                                .with_hint(crate::t!("logo-svg-href-hint")),
                        );
                    }
                    let logo = Logo {
                        path: path.to_path_buf(),
                        image: Arc::new(image),
                    };
                    return (Some(logo), None);
                }
                Err(e) => crate::t!("logo-bad", path = path.display(), reason = e),
            }
        }
    };
    diags.push(
        src.error_at(at.offset, problem)
            .with_hint(crate::t!("logo-hint")),
    );
    (None, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Campaign, Diagnostics> {
        Campaign::parse(&SourceFile::new(
            PathBuf::from("ex/toroi.toml"),
            text.to_owned(),
        ))
    }

    #[test]
    fn brief_example_parses_with_tracking_in_file_order() {
        let text = r#"
[issuer]
name = "Ủy ban nhân dân Phường 1"
locality = "Thành phố Sa Đéc, tỉnh Đồng Tháp"

[campaign]
title = "Cẩm nang thủ tục hành chính"
tracking = { utm_source = "toroi", utm_campaign = "phuong1-2026" }

procedures = ["procedures"]

[[output]]
kind = "handbook"
size = "a5"
file = "out/cam-nang.pdf"
"#;
        // ex/procedures does not exist: an error at its line, and the rest
        // is read all the same (check goes on with it).
        let (c, diags) = Campaign::parse_all(&SourceFile::new(
            PathBuf::from("ex/toroi.toml"),
            text.to_owned(),
        ));
        let c = c.unwrap();
        let m: Vec<String> = diags.iter().map(|d| d.to_string()).collect();
        assert_eq!(m.len(), 1, "{m:#?}");
        assert!(
            m[0].starts_with("ex/toroi.toml:10:15: error: no such file or folder: ex/procedures"),
            "{}",
            m[0]
        );
        assert_eq!(
            c.issuer.name.as_ref().unwrap().value,
            "Ủy ban nhân dân Phường 1"
        );
        assert!(c.procedures.is_empty());
        assert_eq!(c.outputs[0].file, PathBuf::from("ex/out/cam-nang.pdf"));
        assert_eq!(
            c.qr_url("https://a.vn/x"),
            "https://a.vn/x?utm_source=toroi&utm_campaign=phuong1-2026"
        );
    }

    #[test]
    fn paths_are_tidied_without_touching_the_disk() {
        assert_eq!(
            tidy(Path::new("examples/p1/../../procedures")),
            PathBuf::from("procedures")
        );
        assert_eq!(tidy(Path::new("./a/./b")), PathBuf::from("a/b"));
        assert_eq!(tidy(Path::new("../x")), PathBuf::from("../x"));
        assert_eq!(tidy(Path::new("a/..")), PathBuf::from("."));
    }

    #[test]
    fn a_large_logo_is_scaled_down_keeping_its_shape() {
        let dir = tempfile::tempdir().unwrap();
        ::image::RgbaImage::from_pixel(1600, 800, ::image::Rgba([200, 0, 0, 255]))
            .save(dir.path().join("big.png"))
            .unwrap();
        let c = Campaign::parse(&SourceFile::new(
            dir.path().join("toroi.toml"),
            "[issuer]\nlogo = \"big.png\"\n".to_owned(),
        ))
        .unwrap();
        assert_eq!(c.issuer.logo.unwrap().image.dimensions(), (600, 300));
    }

    #[test]
    fn unknown_keys_missing_logo_and_bad_kind_are_all_reported() {
        let e = parse("[issuer]\nnmae = \"A\"\nlogo = \"missing.png\"\n[[output]]\nkind = \"flyer\"\nfile = \"a.pdf\"\n").unwrap_err();
        let m: Vec<String> = e.iter().map(|d| d.to_string()).collect();
        assert_eq!(m.len(), 3, "{m:#?}");
        assert!(m[0].contains("unknown key `issuer.nmae`") && m[0].contains("`name`"));
        assert!(m[1].contains("cannot read the logo file"));
        assert!(m[2].contains("unknown output kind \"flyer\""));
    }
}

/// How a handbook orders its procedures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Grouping {
    /// In the order given (files by name, a list's rows in order).
    #[default]
    AsListed,
    /// By field (lĩnh vực), fields in the order they first appear, each
    /// opened by a heading; the contents grouped the same way.
    Field,
}

impl Grouping {
    pub fn parse(name: &str) -> Option<Grouping> {
        match name.trim().to_lowercase().as_str() {
            "field" | "linh-vuc" | "lĩnh vực" => Some(Grouping::Field),
            "none" | "list" => Some(Grouping::AsListed),
            _ => None,
        }
    }
}
