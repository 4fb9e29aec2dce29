//! Arbitrary bytes as a list file (XLSX, XLS, ODS or CSV, picked by the
//! first byte), read as `toroi` reads one (see `toroi::fuzzing::list`).
//! Any panic toroi does not catch, and any run past the memory limit, is a
//! bug.
//!
//! cargo +nightly fuzz run list -- -max_total_time=600 -rss_limit_mb=1024

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    toroi::fuzzing::quiet_panics();
    toroi::fuzzing::list(data);
});
