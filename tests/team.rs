//! A team shares a site through git: the committed text state
//! (`.tolkar/state/`) merges with git's own merge, a fresh clone with no
//! store knows everything the store knew, an unresolved conflict is
//! refused, and a renamed posting keeps its work.

mod common;

use std::path::Path;

use common::{copy_tree, repo, stderr_of, succeed, tolkar_in};

/// The posting branch 1 translates.
const DEVOPS: &str = "content/sv/career/2025-devops-engineer.md";
/// The posting branch 2 edits; it has Danish translations (adopted).
const CFO: &str = "content/sv/career/cfo.md";

#[track_caller]
fn git(dir: &Path, args: &[&str]) -> String {
    let output = std::process::Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.com")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.com")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "git {args:?}: {}{}",
        String::from_utf8_lossy(&output.stdout),
        stderr_of(&output)
    );
    String::from_utf8(output.stdout).unwrap()
}

fn commit_all(dir: &Path, message: &str) {
    git(dir, &["add", "-A"]);
    git(dir, &["commit", "-q", "-m", message]);
}

/// The example site as a git repository whose store is not committed:
/// Danish adopted from its hand translations and built, committed.
fn team_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path();
    copy_tree(&repo().join("examples/site/content"), &site.join("content"));
    std::fs::copy(
        repo().join("examples/site/tolkar.toml"),
        site.join("tolkar.toml"),
    )
    .unwrap();
    std::fs::write(site.join(".gitignore"), "/.tolkar/tolkar.db*\n").unwrap();
    git(site, &["init", "-q", "-b", "main"]);
    succeed(tolkar_in(site).args(["adopt", "--lang", "da"]));
    succeed(tolkar_in(site).arg("build"));
    commit_all(site, "adopt Danish, build");
    dir
}

/// Translates every missing segment of `doc` into Danish through a JSON
/// export and import; the files stay outside the site.
fn import_danish(site: &Path, doc: &str) {
    let scratch = tempfile::tempdir().unwrap();
    let file = scratch.path().join("da.json");
    succeed(
        tolkar_in(site)
            .args([
                "export", "--lang", "da", "--format", "json", "--doc", doc, "-o",
            ])
            .arg(&file),
    );
    let mut json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    for unit in json["units"].as_array_mut().unwrap() {
        let source = unit["source"].as_str().unwrap().to_string();
        unit["target"] = format!("{source} (da)").into();
        unit["state"] = "translated".into();
    }
    std::fs::write(&file, serde_json::to_string(&json).unwrap()).unwrap();
    succeed(tolkar_in(site).arg("import").arg(&file));
}

/// Edits the first paragraph of the CFO posting, which has a Danish
/// translation: that translation becomes stale.
fn edit_cfo(site: &Path) {
    let path = site.join(CFO);
    let text = std::fs::read_to_string(&path).unwrap();
    let edited = text.replacen("För att stödja expansionen", "För att klara expansionen", 1);
    assert_ne!(edited, text, "the paragraph to edit is there");
    std::fs::write(&path, edited).unwrap();
}

/// `tolkar check --format json` for Danish: what it says and its exit
/// status.
fn check(site: &Path) -> (serde_json::Value, Option<i32>) {
    let output = tolkar_in(site)
        .args(["check", "--lang", "da", "--format", "json"])
        .output()
        .unwrap();
    let json = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", stderr_of(&output)));
    (json, output.status.code())
}

fn document<'a>(report: &'a serde_json::Value, path: &str) -> &'a serde_json::Value {
    report["languages"][0]["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["path"] == path)
        .unwrap_or_else(|| panic!("{path} in {report}"))
}

fn count(report: &serde_json::Value, path: &str, kind: &str) -> usize {
    document(report, path)["problems"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["kind"] == kind)
        .count()
}

#[test]
fn work_on_two_branches_merges_and_a_fresh_clone_knows_it_all() {
    let repo_dir = team_site();
    let site = repo_dir.path();

    // The same work in sequence, in a copy of the repository.
    let sequential = tempfile::tempdir().unwrap();
    git(
        sequential.path(),
        &["clone", "-q", site.to_str().unwrap(), "."],
    );
    let seq = sequential.path();
    succeed(tolkar_in(seq).args(["adopt", "--lang", "da"]));
    import_danish(seq, DEVOPS);
    edit_cfo(seq);
    succeed(tolkar_in(seq).arg("sync"));
    succeed(tolkar_in(seq).arg("build"));
    let (in_sequence, _) = check(seq);

    // Branch 1: Danish for one posting.
    git(site, &["checkout", "-q", "-b", "danish"]);
    import_danish(site, DEVOPS);
    commit_all(site, "Danish for the DevOps posting");
    // Branch 2, from the same commit: a source edit, sync, build.
    git(site, &["checkout", "-q", "main"]);
    git(site, &["checkout", "-q", "-b", "edit"]);
    edit_cfo(site);
    succeed(tolkar_in(site).arg("sync"));
    succeed(tolkar_in(site).arg("build"));
    commit_all(site, "edit the CFO posting");
    let changed = git(site, &["show", "--name-only", "--format=", "HEAD"]);
    assert!(
        changed.contains(".tolkar/state/da/content/sv/career/cfo.md.po"),
        "the edit's stale translation is in the text state:\n{changed}"
    );
    git(site, &["merge", "-q", "--no-edit", "danish"]);

    // A fresh clone of the merge, with no store.
    let fresh = tempfile::tempdir().unwrap();
    git(fresh.path(), &["clone", "-q", site.to_str().unwrap(), "."]);
    assert!(!fresh.path().join(".tolkar/tolkar.db").exists());
    let (after_merge, _) = check(fresh.path());

    assert_eq!(count(&after_merge, DEVOPS, "missing"), 0, "{after_merge}");
    assert_eq!(count(&after_merge, DEVOPS, "stale"), 0);
    assert!(count(&after_merge, CFO, "stale") > 0, "{after_merge}");
    assert_eq!(after_merge, in_sequence);

    // Nothing the fresh clone ran rewrote the committed state.
    assert_eq!(git(fresh.path(), &["status", "--porcelain"]), "");
}

#[test]
fn two_translations_of_one_segment_are_a_git_conflict_tolkar_refuses() {
    let repo_dir = team_site();
    let site = repo_dir.path();
    let set = |text: &str| {
        let id = format!("{CFO}#fm:Title");
        succeed(tolkar_in(site).args(["review", "set", "--lang", "da", &id, text]));
    };
    git(site, &["checkout", "-q", "-b", "one"]);
    set("Finansdirektør (CFO)");
    commit_all(site, "one title");
    git(site, &["checkout", "-q", "main"]);
    set("Økonomichef (CFO)");
    commit_all(site, "another title");
    let merge = std::process::Command::new("git")
        .args(["merge", "-q", "--no-edit", "one"])
        .current_dir(site)
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.com")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.com")
        .output()
        .unwrap();
    assert!(!merge.status.success(), "a conflict");
    let state = ".tolkar/state/da/content/sv/career/cfo.md.po";
    let unresolved = std::fs::read_to_string(site.join(state)).unwrap();
    let line = unresolved
        .lines()
        .position(|l| l.starts_with("<<<<<<<"))
        .expect("git's conflict markers")
        + 1;

    let before = snapshot(site);
    for command in [&["check"][..], &["sync"], &["build"], &["status"]] {
        let output = tolkar_in(site).args(command).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{command:?}");
        let stderr = stderr_of(&output);
        assert!(
            stderr.contains(&format!("{state}:{line}: an unresolved merge conflict")),
            "{command:?}: {stderr}"
        );
    }
    assert_eq!(snapshot(site), before, "nothing changed");

    // Resolved (the other side's title kept), tolkar takes it.
    let resolved: String = {
        let mut out = Vec::new();
        let mut side = 0;
        for l in unresolved.lines() {
            if l.starts_with("<<<<<<<") {
                side = 1;
            } else if l.starts_with("=======") {
                side = 2;
            } else if l.starts_with(">>>>>>>") {
                side = 0;
            } else if side != 1 {
                out.push(l);
            }
        }
        out.join("\n") + "\n"
    };
    std::fs::write(site.join(state), resolved).unwrap();
    succeed(tolkar_in(site).arg("build"));
    let built = std::fs::read_to_string(site.join("content/da/career/cfo.md")).unwrap();
    assert!(built.contains("Finansdirektør (CFO)"), "{built}");
}

/// Every file of the site but the store's, and its bytes.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    fn walk(dir: &Path, root: &Path, out: &mut Vec<(String, Vec<u8>)>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .to_string();
            if name == ".git" || name.contains("tolkar.db-") {
                continue;
            }
            if path.is_dir() {
                walk(&path, root, out);
            } else {
                out.push((name, std::fs::read(&path).unwrap()));
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

#[test]
fn a_renamed_posting_keeps_its_work_in_a_fresh_clone_too() {
    let repo_dir = team_site();
    let site = repo_dir.path();
    succeed(tolkar_in(site).args(["review", "approve", "--lang", "da", "--doc", CFO]));
    let renamed = "content/sv/career/finanschef.md";
    git(site, &["mv", CFO, renamed]);
    succeed(tolkar_in(site).arg("build"));
    assert!(site.join("content/da/career/finanschef.md").is_file());
    assert!(!site.join("content/da/career/cfo.md").exists());
    assert!(
        site.join(".tolkar/state/da/content/sv/career/finanschef.md.po")
            .is_file()
    );
    assert!(
        !site
            .join(".tolkar/state/da/content/sv/career/cfo.md.po")
            .exists()
    );
    commit_all(site, "rename");
    let (here, _) = check(site);

    let fresh = tempfile::tempdir().unwrap();
    git(fresh.path(), &["clone", "-q", site.to_str().unwrap(), "."]);
    let (there, _) = check(fresh.path());
    assert_eq!(there, here);
    let state = std::fs::read_to_string(
        fresh
            .path()
            .join(".tolkar/state/da/content/sv/career/finanschef.md.po"),
    )
    .unwrap();
    assert!(state.contains("#. tolkar: reviewed"), "{state}");
}

/// `tolkar status --lang da --format json`, as a value.
fn status(site: &Path) -> serde_json::Value {
    let output = tolkar_in(site)
        .args(["status", "--lang", "da", "--format", "json"])
        .output()
        .unwrap();
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| panic!("{e}: {}", stderr_of(&output)))
}

#[test]
fn a_teammate_who_pulls_a_rename_keeps_every_translation() {
    let repo_dir = team_site();
    let site = repo_dir.path();
    let mate = tempfile::tempdir().unwrap();
    git(mate.path(), &["clone", "-q", site.to_str().unwrap(), "."]);
    succeed(tolkar_in(mate.path()).arg("sync"));

    git(site, &["mv", CFO, "content/sv/career/finanschef.md"]);
    succeed(tolkar_in(site).arg("build"));
    commit_all(site, "rename");
    let here = status(site);

    git(
        mate.path(),
        &["pull", "-q", "--no-rebase", "origin", "main"],
    );
    assert_eq!(status(mate.path()), here);
    succeed(tolkar_in(mate.path()).arg("sync"));
    assert_eq!(git(mate.path(), &["status", "--porcelain"]), "");
}

#[test]
fn a_deleted_paragraph_stays_in_the_memory_and_a_fresh_clone_reads_it() {
    let repo_dir = team_site();
    let site = repo_dir.path();
    let path = site.join(CFO);
    let text = std::fs::read_to_string(&path).unwrap();
    let start = text.find("För att stödja expansionen").unwrap();
    let end = start + text[start..].find("\n\n").unwrap() + 2;
    std::fs::write(&path, format!("{}{}", &text[..start], &text[end..])).unwrap();
    succeed(tolkar_in(site).arg("build"));
    commit_all(site, "a paragraph less");
    let state =
        std::fs::read_to_string(site.join(".tolkar/state/da/content/sv/career/cfo.md.po")).unwrap();
    assert!(state.contains("#~ msgid"), "kept as obsolete:\n{state}");

    let fresh = tempfile::tempdir().unwrap();
    git(fresh.path(), &["clone", "-q", site.to_str().unwrap(), "."]);
    assert_eq!(check(fresh.path()), check(site));
    let search = tolkar_in(fresh.path())
        .args(["tm", "search", "--lang", "da", &text[start..end - 2]])
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&search.stdout).contains("100"),
        "the memory of a fresh clone has the deleted paragraph: {}",
        String::from_utf8_lossy(&search.stdout)
    );
    assert_eq!(git(fresh.path(), &["status", "--porcelain"]), "");
}

#[test]
fn a_conflict_is_a_conflict_in_a_fresh_clone_too() {
    let repo_dir = team_site();
    let site = repo_dir.path();
    let localized = site.join("content/da/career/cfo.md");
    let text = std::fs::read_to_string(&localized).unwrap();
    let title = text.lines().find(|l| l.starts_with("Title:")).unwrap();
    std::fs::write(
        &localized,
        text.replacen(title, "Title: \"Min egen titel\"", 1),
    )
    .unwrap();
    commit_all(site, "a hand edit");
    let id = format!("{CFO}#fm:Title");
    succeed(tolkar_in(site).args(["review", "set", "--lang", "da", &id, "Økonomichef (CFO)"]));
    let build = tolkar_in(site).arg("build").output().unwrap();
    assert_eq!(build.status.code(), Some(1), "{}", stderr_of(&build));
    commit_all(site, "the conflicting build");

    let fresh = tempfile::tempdir().unwrap();
    git(fresh.path(), &["clone", "-q", site.to_str().unwrap(), "."]);
    for dir in [site, fresh.path()] {
        let output = tolkar_in(dir)
            .args(["check", "--lang", "da", "--fail-on", "conflict"])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1), "{}", dir.display());
    }
}

/// A merge tool leaves copies of a conflicted state file beside it
/// (`git mergetool` names them `FILE_BASE_1234.po`, `FILE_LOCAL_1234.po`);
/// they name no posting the site could have, and are not read as state.
#[test]
fn a_merge_tools_leftovers_are_not_read_as_state() {
    let dir = team_site();
    let site = dir.path();
    let (before, _) = check(site);
    let state = site.join(".tolkar/state/da").join(format!("{CFO}.po"));
    assert!(state.exists(), "{} is written", state.display());
    for leftover in ["cfo.md_BASE_12345.po", "cfo.md_LOCAL_12345.po"] {
        std::fs::copy(&state, state.with_file_name(leftover)).unwrap();
    }
    // A fresh clone that has them: no store.
    std::fs::remove_file(site.join(".tolkar/tolkar.db")).unwrap();
    let (after, status) = check(site);
    assert_eq!(status, Some(0), "{after}");
    assert_eq!(after, before, "the same check as without the leftovers");
    let all = stderr_of(&tolkar_in(site).args(["status", "--docs"]).output().unwrap())
        + &String::from_utf8(
            tolkar_in(site)
                .args(["status", "--docs", "--format", "json"])
                .output()
                .unwrap()
                .stdout,
        )
        .unwrap();
    assert!(!all.contains("_BASE_") && !all.contains("_LOCAL_"), "{all}");
}

/// A posting that cannot be read in a fresh clone (a syntax error, or one
/// over `[limits] posting_size`) has no segments to align its state file
/// with: the file is left as committed, not rewritten as obsolete entries
/// (found in review), and read once the posting reads again.
#[test]
fn a_fresh_clone_leaves_the_state_of_an_unreadable_posting_as_committed() {
    let dir = team_site();
    let site = dir.path();
    let (before, _) = check(site);
    let state = site.join(".tolkar/state/da").join(format!("{CFO}.po"));
    let committed = std::fs::read(&state).unwrap();
    let source = site.join(CFO);
    let text = std::fs::read_to_string(&source).unwrap();
    std::fs::write(&source, format!("{text}\n{{{{< figure src=\"x.png\"\n")).unwrap();
    std::fs::remove_file(site.join(".tolkar/tolkar.db")).unwrap();
    let output = tolkar_in(site).arg("sync").output().unwrap();
    assert_eq!(output.status.code(), Some(2), "{}", stderr_of(&output));
    assert!(
        stderr_of(&output).contains("cfo.md"),
        "{}",
        stderr_of(&output)
    );
    assert!(
        std::fs::read(&state).unwrap() == committed,
        "the state file was rewritten"
    );
    // Readable again: its translations are there, as they were made.
    std::fs::write(&source, text).unwrap();
    let (after, _) = check(site);
    assert_eq!(after, before);
    let state_text = String::from_utf8(std::fs::read(&state).unwrap()).unwrap();
    assert!(!state_text.contains("memory:"), "{state_text}");
}
