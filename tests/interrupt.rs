//! An interrupted run never loses work: the previous output survives a real
//! SIGINT (Ctrl-C) or SIGKILL sent to a long `toroi handbook`; after Ctrl-C
//! no temporary file is left, after a kill at most one hidden one.

#![cfg(unix)]

mod harness;

use harness::*;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const PREVIOUS: &[u8] = b"%PDF-1.7 the handbook printed last month";

/// Starts a handbook of `n` procedures over out/cam-nang.pdf and waits
/// until its temporary file exists, so the signal lands mid-run.
fn start(env: &Env, n: usize) -> std::process::Child {
    let shipped = shipped_procedures();
    for i in 0..n {
        let text = with_code(
            &std::fs::read_to_string(&shipped[i % shipped.len()]).unwrap(),
            &format!("9.{i:06}"),
        );
        env.write(&format!("p/{i:04}.toml"), text);
    }
    env.write("out/cam-nang.pdf", PREVIOUS);
    let child = Command::new(env!("CARGO_BIN_EXE_toroi"))
        .env("TOROI_LANG", "en")
        .args(["handbook", "p", "-o", "out/cam-nang.pdf"])
        .current_dir(env.dir.path())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while hidden(env).is_empty() {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "no temporary file appeared"
        );
        std::thread::sleep(Duration::from_millis(2));
    }
    child
}

fn hidden(env: &Env) -> Vec<String> {
    std::fs::read_dir(env.path("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.starts_with(".toroi-"))
        .collect()
}

fn send(child: &std::process::Child, signal: i32) {
    // SAFETY: kill(2) on our own child's pid.
    assert_eq!(unsafe { libc::kill(child.id() as i32, signal) }, 0);
}

#[test]
fn ctrl_c_keeps_the_previous_file_and_leaves_no_temporary_file() {
    let env = Env::new();
    let child = start(&env, 400);
    std::thread::sleep(Duration::from_millis(30));
    send(&child, libc::SIGINT);
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(130),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("interrupted") && !stderr.contains("panicked"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read(env.path("out/cam-nang.pdf")).unwrap(),
        PREVIOUS
    );
    assert_eq!(hidden(&env), Vec::<String>::new());
}

#[test]
fn a_kill_keeps_the_previous_file_and_leaves_at_most_a_hidden_one() {
    let env = Env::new();
    let mut child = start(&env, 400);
    std::thread::sleep(Duration::from_millis(30));
    send(&child, libc::SIGKILL);
    let status = child.wait().unwrap();
    assert!(!status.success());
    assert_eq!(
        std::fs::read(env.path("out/cam-nang.pdf")).unwrap(),
        PREVIOUS
    );
    let left = hidden(&env);
    assert!(left.len() <= 1, "{left:?}");
    assert!(left
        .iter()
        .all(|n| n.starts_with(".toroi-") && n.ends_with(".tmp")));
    // The next run writes the file whole, whatever was left.
    env.toroi(&["handbook", "p/0000.toml", "-o", "out/cam-nang.pdf"])
        .success();
    env.toroi(&["handbook", "p/0000.toml", "-o", "fresh.pdf"])
        .success();
    assert_eq!(
        std::fs::read(env.path("out/cam-nang.pdf")).unwrap().len(),
        std::fs::read(env.path("fresh.pdf")).unwrap().len()
    );
    assert!(pdf_pages_and_size(&env.path("out/cam-nang.pdf")).0 >= 4);
}
