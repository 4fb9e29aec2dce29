//! Arbitrary bytes as a procedure file, through every stage a command runs:
//! load (encoding, NFC) → parse and validate → poster, handbook, leaflet
//! and card layout → PDF and PNG. Any panic is a bug: bad input must end in
//! diagnostics. Shared by the fuzz target (fuzz/) and the test that replays
//! its corpus, so that both exercise the same stages.

use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;

use crate::job::Job;
use crate::layout;
use crate::model::{OutputKind, Procedure, SourceFile};
use crate::render;
use crate::scene::Document;
use crate::style::{with_overrides, HandbookSize, Labels, PosterSize, Template};

/// How far an input got.
#[derive(Debug, Default, Clone, Copy)]
pub struct Reached {
    pub parsed: bool,
    /// A poster was laid out and written as PDF and PNG.
    pub printed: bool,
}

struct Setup {
    poster: Template,
    handbook: Template,
    leaflet: Template,
    cards: Template,
    labels: Labels,
}

fn setup() -> &'static Setup {
    static SETUP: OnceLock<Setup> = OnceLock::new();
    SETUP.get_or_init(|| Setup {
        poster: Template::poster(PosterSize::A4),
        handbook: Template::handbook(HandbookSize::A5),
        leaflet: with_overrides("leaflet-a4", crate::model::Lang::Vi, None)
            .expect("built-in preset")
            .0,
        cards: with_overrides("cards-a4", crate::model::Lang::Vi, None)
            .expect("built-in preset")
            .0,
        labels: Labels::vietnamese(),
    })
}

fn pdf(pages: Vec<crate::scene::Page>) -> Vec<u8> {
    render::pdf::render(&Document {
        pages,
        ..Document::default()
    })
}

pub fn run(data: &[u8]) -> Reached {
    let mut reached = Reached::default();
    let Ok(src) = SourceFile::from_bytes(Path::new("fuzz.toml"), data) else {
        return reached;
    };
    let Ok(p) = Procedure::parse(src) else {
        return reached;
    };
    reached.parsed = true;
    let s = setup();
    let job = |kind, template: &Template, procedures: Vec<Procedure>| {
        Job::with_template(kind, template.clone(), s.labels.clone(), None, procedures)
    };
    let Ok(one) = job(OutputKind::Poster, &s.poster, vec![p.clone()]) else {
        return reached;
    };
    if let Ok(poster) = layout::poster(&one, &one.entries[0]) {
        // A small image: the drawing code is the same at any width.
        assert!(render::png::render(&poster.page, 300).starts_with(b"\x89PNG"));
        assert!(pdf(vec![poster.page]).starts_with(b"%PDF-"));
        reached.printed = true;
    }
    if let Ok(book) =
        job(OutputKind::Handbook, &s.handbook, vec![p.clone()]).and_then(|j| layout::handbook(&j))
    {
        pdf(book.pages);
    }
    // A leaflet of the procedure twice over: the fewest it takes.
    let two = vec![p.clone(), p.clone()];
    if let Ok(leaflet) =
        job(OutputKind::Leaflet, &s.leaflet, two.clone()).and_then(|j| layout::leaflet::leaflet(&j))
    {
        pdf(leaflet.sides.to_vec());
    }
    if let Ok((sheets, _)) =
        job(OutputKind::Cards, &s.cards, two).and_then(|j| layout::cards::cards(&j))
    {
        pdf(sheets);
    }
    reached
}

/// The list formats, chosen by an input's first byte.
const LIST_KINDS: [&str; 4] = ["xlsx", "xls", "ods", "csv"];
/// The logo formats, chosen by an input's first byte.
const LOGO_KINDS: [&str; 4] = ["png", "jpg", "svg", "svgz"];

/// A panic inside a reader is caught by toroi (`input::guarded`) and
/// reported as a damaged file; the fuzzer's own hook would abort on it
/// first. The fuzz targets put its hook aside once, so that only a panic
/// toroi does not catch ends the run.
pub fn quiet_panics() {
    static QUIET: OnceLock<()> = OnceLock::new();
    QUIET.get_or_init(|| std::panic::set_hook(Box::new(|_| {})));
}

/// The bytes after the first as a file of the kind the first byte picks
/// (`kinds`), written where the readers, which open files, find it.
fn as_file(data: &[u8], kinds: &[&str]) -> Option<TempInput> {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    // One file per input: the corpus test reads inputs on every core, and
    // a shared name let one thread's bytes replace another's before it read
    // them (a flaky count of inputs read whole).
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let (&pick, bytes) = data.split_first()?;
    let dir = DIR.get_or_init(|| tempfile::tempdir().expect("a temporary folder"));
    let path = dir.path().join(format!(
        "fuzz-{}.{}",
        NEXT.fetch_add(1, Ordering::Relaxed),
        kinds[pick as usize % kinds.len()]
    ));
    std::fs::write(&path, bytes).ok()?;
    Some(TempInput(path))
}

/// An input written for a reader, removed once read.
struct TempInput(std::path::PathBuf);

impl std::ops::Deref for TempInput {
    type Target = std::path::Path;
    fn deref(&self) -> &std::path::Path {
        &self.0
    }
}

impl Drop for TempInput {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// Arbitrary bytes as a list (XLSX, XLS, ODS or CSV, by the first byte),
/// read as `toroi` reads one, then its rows parsed as procedures. Whether
/// any row became a procedure.
pub fn list(data: &[u8]) -> bool {
    let Some(path) = as_file(data, &LIST_KINDS) else {
        return false;
    };
    let Ok(rows) = crate::model::list::read(&path, None) else {
        return false;
    };
    rows.rows
        .into_iter()
        .map(Procedure::parse)
        .fold(false, |any, p| any | p.is_ok())
}

/// Arbitrary bytes as a logo (PNG, JPEG, SVG or SVGZ, by the first byte),
/// decoded as a campaign's logo is. Whether it became an image.
pub fn logo(data: &[u8]) -> bool {
    let Some(path) = as_file(data, &LOGO_KINDS) else {
        return false;
    };
    let Ok(bytes) = crate::model::input::read(&path, crate::model::input::limits::LOGO_BYTES)
    else {
        return false;
    };
    crate::model::input::guarded(|| crate::model::logo::decode_with_warnings(&path, &bytes))
        .is_ok_and(|r| r.is_ok())
}
