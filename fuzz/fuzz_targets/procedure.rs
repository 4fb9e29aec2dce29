//! Arbitrary bytes as a procedure file, through every stage a command runs
//! (see `toroi::fuzzing`). Any panic is a bug.
//!
//! cargo +nightly fuzz run procedure -- -max_total_time=600

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    toroi::fuzzing::run(data);
});
