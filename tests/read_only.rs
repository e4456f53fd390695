//! Reading commands on a store that may not be written (issue 13: "A
//! read-only store (mode 0444, directory not writable) cannot even be read
//! by `status`, `tm search` or `check --no-write`"). Root may write any
//! file, so as root the commands run as `nobody` through `setpriv`.

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use common::{copy_tree, tolkar_in};

fn set_mode(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// `tolkar ARGS` in `dir` as a user who may not write the store, or `None`
/// when there is no way to be one (root without `setpriv`).
fn tolkar_unprivileged(dir: &Path, args: &[&str]) -> Option<std::process::Output> {
    let is_root = unsafe { libc::geteuid() } == 0;
    let mut command = if is_root {
        let setpriv = Path::new("/usr/bin/setpriv");
        if !setpriv.exists() {
            eprintln!("skipped: running as root and /usr/bin/setpriv is missing");
            return None;
        }
        let mut c = std::process::Command::new(setpriv);
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
            .arg(env!("CARGO_BIN_EXE_tolkar"));
        c
    } else {
        std::process::Command::new(env!("CARGO_BIN_EXE_tolkar"))
    };
    command
        .args(args)
        .current_dir(dir)
        .env("LC_ALL", "C")
        .env_remove("CI");
    Some(command.output().unwrap())
}

#[test]
fn status_check_and_tm_search_read_a_store_that_may_not_be_written() {
    let site = tempfile::tempdir().unwrap();
    copy_tree(&common::repo().join("examples/site"), site.path());
    let _ = std::fs::remove_dir_all(site.path().join(".tolkar"));
    // A store with a translation, then made read-only, as a CI cache or a
    // checkout by another user would be.
    tolkar_in(site.path()).arg("sync").assert().success();
    tolkar_in(site.path())
        .args([
            "review",
            "set",
            "--lang",
            "nb",
            "content/sv/career/cfo.md#fm:Title",
            "Økonomisjef",
        ])
        .assert()
        .success();
    let store = site.path().join(".tolkar");
    let database = store.join("tolkar.db");
    let before = std::fs::read(&database).unwrap();
    set_mode(site.path(), 0o755);
    set_mode(&database, 0o444);
    set_mode(&store, 0o555);

    let status = tolkar_unprivileged(site.path(), &["status", "--format", "json"]);
    let check = tolkar_unprivileged(
        site.path(),
        &[
            "check",
            "--no-write",
            "--lang",
            "nb",
            "--fail-on",
            "missing",
        ],
    );
    let search = tolkar_unprivileged(
        site.path(),
        &["tm", "search", "--lang", "nb", "Finanschef (CFO)"],
    );
    let explain = tolkar_unprivileged(
        site.path(),
        &[
            "adopt",
            "--explain",
            "content/da/career/cfo.md",
            "--lang",
            "da",
        ],
    );
    set_mode(&store, 0o755);
    set_mode(&database, 0o644);
    let (Some(status), Some(check), Some(search), Some(explain)) = (status, check, search, explain)
    else {
        return;
    };

    let text = |o: &std::process::Output| {
        format!(
            "{}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        )
    };
    assert!(status.status.success(), "status: {}", text(&status));
    let json: serde_json::Value = serde_json::from_slice(&status.stdout).unwrap();
    let nb = json
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["lang"] == "nb")
        .unwrap_or_else(|| panic!("nb in {json}"));
    assert_eq!(
        nb["translated"], 1,
        "the stored translation is read: {json}"
    );
    // The check runs to its verdict (nb is far from done: exit 1), not to a
    // store error (exit 2), and counts the stored translation.
    assert_eq!(check.status.code(), Some(1), "check: {}", text(&check));
    assert!(text(&check).contains("0.5% translated"), "{}", text(&check));
    assert!(!text(&check).contains("readonly"), "{}", text(&check));
    assert!(search.status.success(), "tm search: {}", text(&search));
    assert!(
        explain.status.success(),
        "adopt --explain: {}",
        text(&explain)
    );
    assert_eq!(
        std::fs::read(&database).unwrap(),
        before,
        "the store is as it was"
    );
}
