//! Replays the fuzzer's corpus (fuzz/corpus/procedure, the inputs that
//! reached new code in `cargo fuzz run procedure`) through the same stages
//! as the fuzz target, so that a change that makes any of them panic fails
//! an ordinary `cargo test`, without nightly.

use std::path::Path;

use toroi::layout::{self, HandbookSize, Labels, PosterSize, Template};
use toroi::model::{Procedure, SourceFile};
use toroi::render;
use toroi::scene::Document;

#[test]
fn no_input_in_the_fuzz_corpus_panics() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus/procedure");
    let poster = Template::poster(PosterSize::A4);
    let handbook = Template::handbook(HandbookSize::A5);
    let labels = Labels::vietnamese();
    let (mut inputs, mut parsed, mut printed) = (0, 0, 0);
    for entry in std::fs::read_dir(dir).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        inputs += 1;
        let Ok(src) = SourceFile::from_bytes(Path::new("fuzz.toml"), &bytes) else {
            continue;
        };
        let Ok(p) = Procedure::parse(src) else {
            continue;
        };
        parsed += 1;
        if let Ok(poster) = layout::poster(&p, None, &poster, &labels) {
            printed += 1;
            let doc = Document {
                pages: vec![poster.page],
                ..Document::default()
            };
            assert!(render::pdf::render(&doc).starts_with(b"%PDF-"));
        }
        let _ = layout::handbook(std::slice::from_ref(&p), None, &handbook, &labels);
    }
    // The corpus reaches every stage, or this test would guard little.
    assert!(
        inputs > 1000 && parsed > 100 && printed > 10,
        "{inputs} inputs, {parsed} parsed, {printed} printed"
    );
}
