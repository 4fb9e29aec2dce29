//! Arbitrary bytes as a procedure file, through every stage a command runs:
//! load (encoding, NFC) → parse and validate → poster and handbook layout →
//! PDF. Any panic is a bug: bad input must end in diagnostics.
//!
//! cargo +nightly fuzz run procedure -- -max_total_time=600

#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use toroi::layout::{self, HandbookSize, Labels, PosterSize, Template};
use toroi::model::{Procedure, SourceFile};
use toroi::render;
use toroi::scene::Document;

struct Setup {
    poster: Template,
    handbook: Template,
    labels: Labels,
}

fn setup() -> &'static Setup {
    static SETUP: OnceLock<Setup> = OnceLock::new();
    SETUP.get_or_init(|| Setup {
        poster: Template::poster(PosterSize::A4),
        handbook: Template::handbook(HandbookSize::A5),
        labels: Labels::vietnamese(),
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(src) = SourceFile::from_bytes(Path::new("fuzz.toml"), data) else {
        return;
    };
    let Ok(p) = Procedure::parse(src) else {
        return;
    };
    let s = setup();
    if let Ok(poster) = layout::poster(&p, None, &s.poster, &s.labels) {
        let doc = Document {
            pages: vec![poster.page],
            ..Document::default()
        };
        render::pdf::render(&doc);
    }
    if let Ok(book) = layout::handbook(std::slice::from_ref(&p), None, &s.handbook, &s.labels) {
        let doc = Document {
            pages: book.pages,
            outline: book.outline,
            ..Document::default()
        };
        render::pdf::render(&doc);
    }
});
