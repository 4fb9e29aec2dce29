//! Arbitrary bytes as a procedure file, through every stage a command runs:
//! load (encoding, NFC) → parse and validate → poster, handbook, leaflet
//! and card layout → PDF and PNG. Any panic is a bug: bad input must end in
//! diagnostics. Shared by the fuzz target (fuzz/) and the test that replays
//! its corpus, so that both exercise the same stages.

use std::path::Path;
use std::sync::OnceLock;

use crate::job::Job;
use crate::layout::{self, with_overrides, HandbookSize, Labels, PosterSize, Template};
use crate::model::{OutputKind, Procedure, SourceFile};
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
