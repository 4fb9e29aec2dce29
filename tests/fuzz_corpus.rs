//! Replays the fuzzer's corpus (fuzz/corpus/procedure, the inputs that
//! reached new code in `cargo fuzz run procedure`) through the same stages
//! as the fuzz target, so that a change that makes any of them panic fails
//! an ordinary `cargo test`, without nightly.

use std::path::Path;

#[test]
fn no_input_in_the_fuzz_corpus_panics() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus/procedure");
    use rayon::prelude::*;
    let paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    // On every core: the inputs are independent, and this is the slowest
    // test of the suite in a debug build.
    let (inputs, parsed, printed) = paths
        .par_iter()
        .map(|path| {
            let reached = toroi::fuzzing::run(&std::fs::read(path).unwrap());
            (1, reached.parsed as usize, reached.printed as usize)
        })
        .reduce(|| (0, 0, 0), |a, b| (a.0 + b.0, a.1 + b.1, a.2 + b.2));
    // The corpus reaches every stage, or this test would guard little.
    assert!(
        inputs > 1000 && parsed > 100 && printed > 10,
        "{inputs} inputs, {parsed} parsed, {printed} printed"
    );
}
