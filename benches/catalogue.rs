//! `cargo bench --bench catalogue`: what the national catalogue adds to a
//! command, in process: reading the shipped table on first use, linking
//! the real commune's 255 rows through it (code checks, ids, pages), and
//! for a list of titles only, the title index and a lookup per title.
//! The goal: a 255-row list costs under 10 ms more than without it.

use std::path::Path;
use std::time::{Duration, Instant};

use toroi::catalogue::{self, title, Catalogue};
use toroi::model::{link, list, Procedure};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let csv = root.join("examples/xa-vinh-bao/danh-muc-2026.csv");

    // Cold: the table parsed on first use (once per run of toroi).
    let t = Instant::now();
    let n = catalogue::builtin().len();
    let parse = t.elapsed();

    let rows = list::read(&csv, None).unwrap().rows;
    let parsed: Vec<Procedure> = rows
        .into_iter()
        .map(|r| Procedure::parse(r).unwrap())
        .collect();
    // Cold too: the index by portal id, built on the first id check.
    let t = Instant::now();
    let mut first = parsed.clone();
    for p in &mut first {
        link::link(p, Catalogue::builtin());
    }
    let first_link = t.elapsed();
    let mut linking = Vec::new();
    for _ in 0..31 {
        let mut ps = parsed.clone();
        let t = Instant::now();
        for p in &mut ps {
            link::link(p, Catalogue::builtin());
        }
        linking.push(t.elapsed());
    }

    // A list of titles only: the trigram index (once), then each title.
    let titles: Vec<String> = parsed.iter().map(|p| p.title.value.clone()).collect();
    let t = Instant::now();
    let _ = title::find(&titles[0], &[]);
    let index = t.elapsed();
    let mut finding = Vec::new();
    for _ in 0..5 {
        let t = Instant::now();
        for title in &titles {
            let _ = title::find(title, &[]);
        }
        finding.push(t.elapsed());
    }
    println!(
        "catalogue: {n} rows parsed on first use in {:.2} ms",
        ms(parse)
    );
    println!(
        "255 rows with codes: first link {:.2} ms (id index built), then median {:.2} ms",
        ms(first_link),
        ms(median(linking.clone()))
    );
    println!(
        "  added to a 255-row list: {:.2} ms (goal: under 10 ms)",
        ms(parse + first_link)
    );
    println!(
        "255 titles only: index {:.2} ms once, then {:.2} ms for all 255 lookups (median of 5)",
        ms(index),
        ms(median(finding))
    );
}
