//! One posting that cannot be read never stops the others: every command
//! that reads postings reads them all, names each one it cannot read with
//! file, line and column, and ends with exit status 2; what is stored for
//! an unreadable posting stays exactly as it was.

mod common;

use std::path::Path;

use common::{copy_tree, repo, stderr_of, succeed, tolkar_in};

/// The example site's Swedish postings and configuration, in a temporary
/// directory (no translations yet).
fn example_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(
        &repo().join("examples/site/content/sv"),
        &dir.path().join("content/sv"),
    );
    std::fs::copy(
        repo().join("examples/site/tolkar.toml"),
        dir.path().join("tolkar.toml"),
    )
    .unwrap();
    dir
}

const CFO: &str = "content/sv/career/cfo.md";
const DEVOPS: &str = "content/sv/career/2025-devops-engineer.md";

/// Breaks a posting with a shortcode Hugo refuses, on its last line.
fn break_posting(dir: &Path, relative: &str) -> usize {
    let path = dir.join(relative);
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str("\n{{< note \"unterminated >}}\n");
    std::fs::write(&path, &text).unwrap();
    text.lines().count()
}

fn translated_units(dir: &Path, lang: &str) -> usize {
    let output = tolkar_in(dir)
        .args(["status", "--lang", lang, "--format", "json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    json[0]["translated"].as_u64().unwrap() as usize
}

#[test]
fn sync_reads_every_other_posting_and_names_each_broken_one() {
    let dir = example_site();
    let cfo_line = break_posting(dir.path(), CFO);
    let devops_line = break_posting(dir.path(), DEVOPS);
    let output = tolkar_in(dir.path()).arg("sync").output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = stderr_of(&output);
    // Both, one line each, with the place Hugo would name.
    for (path, line) in [(CFO, cfo_line), (DEVOPS, devops_line)] {
        let expected = format!("{path}:{line}:11: quoted shortcode parameter");
        assert!(
            stderr.lines().any(|l| l.contains(&expected)),
            "{expected} in\n{stderr}"
        );
    }
    // The three readable postings are in the store.
    let output = tolkar_in(dir.path())
        .args(["export", "--lang", "da", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{}", stderr_of(&output));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let mut paths: Vec<&str> = json["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["path"].as_str().unwrap())
        .collect();
    paths.dedup();
    assert_eq!(paths.len(), 3, "{paths:?}");
    assert!(!paths.contains(&CFO) && !paths.contains(&DEVOPS));
}

#[test]
fn a_posting_that_breaks_keeps_its_translations_and_is_listed_until_fixed() {
    let dir = example_site();
    succeed(tolkar_in(dir.path()).arg("sync"));
    // Translate everything into Danish through an export and an import.
    let file = dir.path().join("da.json");
    succeed(
        tolkar_in(dir.path())
            .args(["export", "--lang", "da", "--format", "json", "-o"])
            .arg(&file),
    );
    let mut json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    for unit in json["units"].as_array_mut().unwrap() {
        let source = unit["source"].as_str().unwrap().to_string();
        unit["target"] = format!("{source} [da]").into();
        unit["state"] = "reviewed".into();
    }
    std::fs::write(&file, serde_json::to_string(&json).unwrap()).unwrap();
    succeed(tolkar_in(dir.path()).arg("import").arg(&file));
    let before = translated_units(dir.path(), "da");
    assert!(before > 100, "{before}");

    let original = std::fs::read_to_string(dir.path().join(CFO)).unwrap();
    let line = break_posting(dir.path(), CFO);
    let output = tolkar_in(dir.path()).arg("sync").output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    // Nothing stored for it is lost: the same count of translated segments.
    assert_eq!(translated_units(dir.path(), "da"), before);

    // status lists it with its place.
    let output = tolkar_in(dir.path()).arg("status").output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("could not be read"), "{stdout}");
    assert!(stdout.contains(&format!("{CFO}:{line}:11")), "{stdout}");

    // check fails with exit 2 and names it, in every format.
    let output = tolkar_in(dir.path())
        .args(["check", "--format", "json", "--fail-on", ""])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["passed"], false);
    assert_eq!(report["unreadable"][0]["path"], CFO);
    assert_eq!(report["unreadable"][0]["line"], line);
    let output = tolkar_in(dir.path())
        .args(["check", "--format", "github", "--fail-on", ""])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains(&format!("::error file={CFO},line={line},col=11,")),
        "{stdout}"
    );

    // build writes the other postings and leaves this one alone.
    let output = tolkar_in(dir.path())
        .args(["build", "--lang", "da"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{}", stderr_of(&output));
    assert!(!dir.path().join("content/da/career/cfo.md").exists());
    assert!(dir.path().join("content/da/career/_index.md").exists());

    // Fixed: read again, nothing lost, nothing listed.
    std::fs::write(dir.path().join(CFO), original).unwrap();
    succeed(tolkar_in(dir.path()).arg("sync"));
    assert_eq!(translated_units(dir.path(), "da"), before);
    let output = tolkar_in(dir.path()).arg("status").output().unwrap();
    assert!(!String::from_utf8_lossy(&output.stdout).contains("could not be read"));
    succeed(tolkar_in(dir.path()).args(["check", "--fail-on", ""]));
}

#[test]
fn a_file_that_is_no_posting_is_named_and_the_rest_synced() {
    let dir = example_site();
    std::fs::write(
        dir.path().join("content/sv/career/bad.md"),
        b"\xff\xfe\x00binary",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("content/sv/career/latin1.md"),
        b"---\ntitle: Caf\xe9\n---\nText\n",
    )
    .unwrap();
    let output = tolkar_in(dir.path()).arg("sync").output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = stderr_of(&output);
    assert!(
        stderr.contains("bad.md looks like a binary file"),
        "{stderr}"
    );
    assert!(
        stderr.contains("latin1.md:2:11: not valid UTF-8"),
        "{stderr}"
    );
    assert!(stderr.contains("Synced 7 documents: 5 new"), "{stderr}");
}
