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

/// The list and logo fuzzers' corpora (fuzz/corpus/list, fuzz/corpus/logo:
/// spreadsheets and images that reached new code in the readers, and the
/// damaged ones among them) read again as `toroi` reads them: none may
/// panic past toroi's guard, and some must still be read whole.
#[test]
fn no_list_or_logo_in_the_fuzz_corpora_panics() {
    use rayon::prelude::*;
    for (corpus, read, least) in [
        ("list", toroi::fuzzing::list as fn(&[u8]) -> bool, 5),
        ("logo", toroi::fuzzing::logo as fn(&[u8]) -> bool, 5),
    ] {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fuzz/corpus")
            .join(corpus);
        let paths: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        // The readers silence panics (toroi's guard reports them); one
        // that escapes the guard is caught here and named.
        let results: Vec<(&std::path::PathBuf, std::thread::Result<bool>)> = paths
            .par_iter()
            .map(|path| {
                let bytes = std::fs::read(path).unwrap_or_default();
                (path, std::panic::catch_unwind(|| read(&bytes)))
            })
            .collect();
        let escaped: Vec<_> = results
            .iter()
            .filter(|(_, r)| r.is_err())
            .map(|(p, _)| p.display().to_string())
            .collect();
        assert!(
            escaped.is_empty(),
            "{corpus}: panics past the guard: {escaped:?}"
        );
        let read_whole = results
            .iter()
            .filter(|(_, r)| matches!(r, Ok(true)))
            .count();
        assert!(
            paths.len() > 20 && read_whole >= least,
            "{corpus}: {} inputs, {read_whole} read whole",
            paths.len()
        );
    }
}
