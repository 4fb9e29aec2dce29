//! Arbitrary bytes as a logo (PNG, JPEG, SVG or SVGZ, picked by the first
//! byte), decoded as a campaign's logo is (see `toroi::fuzzing::logo`).
//! Any panic toroi does not catch, and any run past the memory limit, is a
//! bug.
//!
//! cargo +nightly fuzz run logo -- -max_total_time=600 -rss_limit_mb=1024

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    toroi::fuzzing::quiet_panics();
    toroi::fuzzing::logo(data);
});
