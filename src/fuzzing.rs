//! Arbitrary bytes as a procedure file, through every stage a command runs:
//! load (encoding, NFC) → parse and validate → poster, handbook, leaflet
//! and card layout → PDF and PNG. Any panic is a bug: bad input must end in
//! diagnostics. Shared by the fuzz target (fuzz/) and the test that replays
//! its corpus, so that both exercise the same stages.

use std::path::Path;
use std::sync::OnceLock;

use crate::layout::{self, with_overrides, HandbookSize, Labels, PosterSize, Template};
use crate::model::{Procedure, SourceFile};
use crate::render;
use crate::scene::Document;

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
    if let Ok(poster) = layout::poster(&p, None, &s.poster, &s.labels) {
        // A small image: the drawing code is the same at any width.
        assert!(render::png::render(&poster.page, 300).starts_with(b"\x89PNG"));
        assert!(pdf(vec![poster.page]).starts_with(b"%PDF-"));
        reached.printed = true;
    }
    if let Ok(book) = layout::handbook(std::slice::from_ref(&p), None, &s.handbook, &s.labels) {
        pdf(book.pages);
    }
    // A leaflet of the procedure twice over: the fewest it takes.
    let two = [p.clone(), p.clone()];
    if let Ok(leaflet) = layout::leaflet::leaflet(&two, None, &s.leaflet, &s.labels) {
        pdf(leaflet.sides.to_vec());
    }
    if let Ok(sheets) = layout::cards::cards(&two, 1, None, &s.poster, &s.labels) {
        pdf(sheets);
    }
    reached
}
