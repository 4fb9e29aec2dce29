//! Indexes what toroi ships when it is compiled.
//!
//! The national catalogue, so that
//! a run looks a code or a portal id up without parsing the table's 5,670
//! rows (about 3 ms, which every print command paid before its first
//! page): where each row starts, the rows in portal-id order and how many
//! codes there are, written to `$OUT_DIR/catalogue_index.rs` as plain
//! numbers (no pointers, so nothing to relocate when toroi starts).
//!
//! The message files, so that a command parses only the messages it says
//! (a handful of seven hundred) without reading the whole file for them:
//! where each entry and its id are, by id, in `$OUT_DIR/messages_index.rs`.
//!
//! On Linux with glibc, the unwinder linked into the program (see
//! [`link_unwinder_in`]).

use std::fmt::Write as _;
use std::path::PathBuf;

const TABLE: &str = "assets/catalogue/portal-2026-07.tsv";

const MESSAGES: [(&str, &str); 2] = [("VI", "assets/i18n/vi.ftl"), ("EN", "assets/i18n/en.ftl")];

fn main() {
    index_catalogue();
    index_messages();
    link_unwinder_in();
}

/// Links libgcc's unwinder (`libgcc_eh.a`, what `gcc -static-libgcc`
/// uses) into the program instead of loading `libgcc_s.so.1` when it
/// starts. Rust's standard library asks for `-lgcc_s` by name, so a
/// one-line linker script of that name, found first, gives the linker the
/// archive instead. A shared library fewer to find, map and relocate is
/// 0.05-0.1 ms of every run (README, Speed); panics unwind and are caught
/// as before (the hostile-file tests). Only for a build for this machine
/// whose C compiler knows the archive; anything else links as it would.
fn link_unwinder_in() {
    let var = |k: &str| std::env::var(k).unwrap_or_default();
    let static_crt = var("CARGO_CFG_TARGET_FEATURE")
        .split(',')
        .any(|f| f == "crt-static");
    if var("CARGO_CFG_TARGET_OS") != "linux"
        || var("CARGO_CFG_TARGET_ENV") != "gnu"
        || static_crt
        || var("TARGET") != var("HOST")
    {
        return;
    }
    let Ok(found) = std::process::Command::new("cc")
        .arg("-print-file-name=libgcc_eh.a")
        .output()
    else {
        return;
    };
    let archive = PathBuf::from(String::from_utf8_lossy(&found.stdout).trim());
    // An unknown file is printed back as its bare name.
    if !archive.is_absolute()
        || !archive.is_file()
        || archive.to_str().is_none_or(|a| a.contains('"'))
    {
        return;
    }
    let dir = PathBuf::from(var("OUT_DIR")).join("unwinder");
    let script = format!("INPUT(\"{}\")\n", archive.display());
    if std::fs::create_dir_all(&dir).is_ok()
        && std::fs::write(dir.join("libgcc_s.so"), script).is_ok()
    {
        println!("cargo:rustc-link-search=native={}", dir.display());
    }
}

/// Each message file's entries as (end of the id, start, end) byte
/// offsets, sorted by id. An entry starts on a line that begins with its
/// id and runs until the next line that begins with an id or a comment
/// (its value's further lines, attributes and variants are indented; only
/// a select expression's closing brace may start a line of it). The files
/// have no terms and no references between messages, so each entry parses
/// alone (a test parses every one and compares it with the whole file).
fn index_messages() {
    let mut out = String::new();
    for (name, path) in MESSAGES {
        println!("cargo:rerun-if-changed={path}");
        let text = std::fs::read_to_string(path).expect("the message files");
        let mut entries: Vec<(&str, usize, usize)> = Vec::new();
        let mut open: Option<(&str, usize)> = None;
        let mut at = 0;
        for line in text.split_inclusive('\n') {
            if line.starts_with(|c: char| c.is_ascii_alphabetic() || c == '#' || c == '-') {
                if let Some((id, from)) = open.take() {
                    entries.push((id, from, at));
                }
                if let Some((id, _)) = line.split_once('=').filter(|_| !line.starts_with('#')) {
                    open = Some((id.trim(), at));
                }
            }
            at += line.len();
        }
        if let Some((id, from)) = open {
            entries.push((id, from, text.len()));
        }
        entries.sort_by_key(|e| e.0);
        assert!(
            entries.windows(2).all(|w| w[0].0 != w[1].0),
            "{path}: an id is defined twice"
        );
        write!(
            out,
            "/// {path}: (end of the id, start, end) of each entry, by id.\nstatic {name}_ENTRIES: [(u32, u32, u32); {}] = [",
            entries.len()
        )
        .unwrap();
        for (n, (id, from, to)) in entries.iter().enumerate() {
            if n % 8 == 0 {
                out.push_str("\n    ");
            }
            write!(out, "({}, {from}, {to}), ", from + id.len()).unwrap();
        }
        out.push_str("\n];\n\n");
    }
    let dest = PathBuf::from(std::env::var_os("OUT_DIR").unwrap()).join("messages_index.rs");
    std::fs::write(dest, out).unwrap();
}

fn index_catalogue() {
    println!("cargo:rerun-if-changed={TABLE}");
    println!("cargo:rerun-if-changed=build.rs");
    let text = std::fs::read_to_string(TABLE).expect("the shipped catalogue");
    // (start, code, id) of every row with a code, after the header.
    let mut rows: Vec<(usize, &str, &str)> = Vec::new();
    let mut start = 0;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let row = line.trim_end_matches(['\n', '\r']);
        let mut fields = row.split('\t');
        let code = fields.next().unwrap_or("");
        let id = fields.next().unwrap_or("");
        if i > 0 && !code.is_empty() {
            rows.push((start, code, id));
        }
        start += line.len();
    }
    assert!(
        rows.windows(2).all(|w| w[0].1 <= w[1].1),
        "{TABLE} must be sorted by code"
    );
    let mut by_id: Vec<usize> = (0..rows.len()).filter(|&i| !rows[i].2.is_empty()).collect();
    // The first row of an id stays first (as a map's first insert did).
    by_id.sort_by_key(|&i| (rows[i].2, i));
    let codes = 1 + rows.windows(2).filter(|w| w[0].1 != w[1].1).count();

    let mut out = String::new();
    let list = |v: &mut String, items: &mut dyn Iterator<Item = usize>| {
        for (n, x) in items.enumerate() {
            if n % 16 == 0 {
                v.push_str("\n    ");
            }
            write!(v, "{x}, ").unwrap();
        }
    };
    write!(
        out,
        "/// Where each row of the table starts, in its order (by code).\nstatic ROWS: [u32; {}] = [",
        rows.len()
    )
    .unwrap();
    list(&mut out, &mut rows.iter().map(|r| r.0));
    write!(
        out,
        "\n];\n\n/// The rows that have a portal id, by id.\nstatic BY_ID: [u16; {}] = [",
        by_id.len()
    )
    .unwrap();
    list(&mut out, &mut by_id.iter().copied());
    write!(
        out,
        "\n];\n\n/// How many codes the table has (one code has two rows).\nconst CODES: usize = {codes};\n"
    )
    .unwrap();
    assert!(rows.len() < u16::MAX as usize && text.len() < u32::MAX as usize);
    let dest = PathBuf::from(std::env::var_os("OUT_DIR").unwrap()).join("catalogue_index.rs");
    std::fs::write(dest, out).unwrap();
}
