//! Two commands on one site (issue 13: "a second command waits and says
//! so after a second"). The test holds the store's write lock itself, as a
//! long `tolkar build` would, and runs `tolkar sync` beside it.

mod common;

use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::{copy_tree, tolkar_in};

/// A synced copy of the example site.
fn site() -> tempfile::TempDir {
    let site = tempfile::tempdir().unwrap();
    copy_tree(&common::repo().join("examples/site"), site.path());
    let _ = std::fs::remove_dir_all(site.path().join(".tolkar"));
    // Twice: the second open switches the new store to WAL, as every
    // store but a brand-new one is.
    tolkar_in(site.path()).arg("sync").assert().success();
    tolkar_in(site.path()).arg("sync").assert().success();
    site
}

/// The store's write lock, held until dropped (a `BEGIN IMMEDIATE`, as
/// every tolkar command that writes begins).
fn hold_write_lock(site: &Path) -> rusqlite::Connection {
    let conn = rusqlite::Connection::open(site.join(".tolkar/tolkar.db")).unwrap();
    conn.execute_batch("BEGIN IMMEDIATE").unwrap();
    conn
}

fn spawn_tolkar(site: &Path, timeout_ms: u64, args: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_tolkar"))
        .arg("-C")
        .arg(site)
        .args(args)
        .env("LC_ALL", "C")
        .env_remove("LANG")
        .env_remove("LC_MESSAGES")
        .env("TOLKAR_LOCK_TIMEOUT_MS", timeout_ms.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Waits for `child` (at most a minute: a hung command fails the test
/// instead of hanging it).
fn finish(mut child: Child) -> Output {
    let deadline = Instant::now() + Duration::from_secs(60);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            child.kill().unwrap();
            panic!("tolkar still runs after a minute");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    child.wait_with_output().unwrap()
}

#[test]
fn a_second_command_waits_for_the_first_says_so_and_then_runs() {
    let site = site();
    let lock = hold_write_lock(site.path());
    let child = spawn_tolkar(site.path(), 120_000, &["sync"]);
    // Long enough for tolkar to say it waits (after a second), with room.
    std::thread::sleep(Duration::from_millis(2500));
    drop(lock);
    let output = finish(child);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(
        stderr.contains(
            "waiting for another tolkar command on this site to finish (./.tolkar/tolkar.db)"
        ),
        "{stderr}"
    );
    assert_eq!(
        stderr.matches("waiting for another").count(),
        1,
        "said once: {stderr}"
    );
}

#[test]
fn a_command_that_waits_too_long_gives_up_with_a_clear_message() {
    let site = site();
    let _lock = hold_write_lock(site.path());
    let output = finish(spawn_tolkar(site.path(), 1500, &["sync"]));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains(
            "tolkar: error: another tolkar command is still writing the store \
             (./.tolkar/tolkar.db); try again when it has finished"
        ),
        "{stderr}"
    );
    assert!(!stderr.contains("database is locked"), "{stderr}");
    // In the reader's language too.
    let output = finish(spawn_tolkar(
        site.path(),
        300,
        &[
            "--ui-lang",
            "sv",
            "review",
            "confirm",
            "--lang",
            "nb",
            "--all",
        ],
    ));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("ett annat tolkar-kommando skriver fortfarande i lagret"),
        "{stderr}"
    );
}

/// `export -o -` reads from a snapshot after its sync has committed: a
/// reader of its output that stops reading holds up no other command.
#[test]
fn a_slow_reader_of_an_export_holds_up_no_other_command() {
    let site = tempfile::tempdir().unwrap();
    common::generated::generate(site.path(), 200);
    tolkar_in(site.path()).arg("sync").assert().success();
    let mut export = spawn_tolkar(
        site.path(),
        120_000,
        &["export", "--lang", "da", "--format", "json", "-o", "-"],
    );
    // The export has begun writing; then nobody reads, and it waits on
    // the full pipe (its output is far larger than a pipe holds).
    let mut stdout = export.stdout.take().unwrap();
    let mut first = [0u8; 1];
    std::io::Read::read_exact(&mut stdout, &mut first).unwrap();
    std::thread::sleep(Duration::from_millis(300));

    let edited = site.path().join(common::generated::posting_path(0));
    let text = std::fs::read_to_string(&edited).unwrap();
    std::fs::write(&edited, text.replace("title: \"", "title: \"Ny ")).unwrap();
    let sync = finish(spawn_tolkar(site.path(), 3_000, &["sync"]));
    let stderr = String::from_utf8_lossy(&sync.stderr);
    assert!(
        sync.status.success(),
        "sync beside a stalled export: {stderr}"
    );
    assert!(stderr.contains("1 changed"), "{stderr}");

    let mut rest = Vec::new();
    std::io::Read::read_to_end(&mut stdout, &mut rest).unwrap();
    let output = finish(export);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let mut whole = first.to_vec();
    whole.extend(rest);
    let json: serde_json::Value = serde_json::from_slice(&whole).expect("a whole export");
    assert_eq!(json["units"].as_array().unwrap().len(), 200 * 14);
}

#[test]
fn a_lock_timeout_that_is_set_empty_is_the_default() {
    let site = site();
    let output = tolkar_in(site.path())
        .env("TOLKAR_LOCK_TIMEOUT_MS", "")
        .arg("sync")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn a_lock_timeout_that_is_not_a_number_is_refused() {
    let site = site();
    let output = tolkar_in(site.path())
        .env("TOLKAR_LOCK_TIMEOUT_MS", "10s")
        .arg("sync")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("TOLKAR_LOCK_TIMEOUT_MS is 10s: give a number of milliseconds"),
        "{stderr}"
    );
}
