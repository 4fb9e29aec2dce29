//! Replays the fuzzer's corpus (fuzz/corpus/procedure, the inputs that
//! reached new code in `cargo fuzz run procedure`) through the same stages
//! as the fuzz target, so that a change that makes any of them panic fails
//! an ordinary `cargo test`, without nightly.

use std::path::Path;

#[test]
fn no_input_in_the_fuzz_corpus_panics() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus/procedure");
    let (mut inputs, mut parsed, mut printed) = (0, 0, 0);
    for entry in std::fs::read_dir(dir).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        let reached = toroi::fuzzing::run(&bytes);
        inputs += 1;
        parsed += reached.parsed as usize;
        printed += reached.printed as usize;
    }
    // The corpus reaches every stage, or this test would guard little.
    assert!(
        inputs > 1000 && parsed > 100 && printed > 10,
        "{inputs} inputs, {parsed} parsed, {printed} printed"
    );
}
