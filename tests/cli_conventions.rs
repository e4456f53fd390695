//! The command line's conventions and guardrails (issue 13): no false
//! green from a mistyped source language or an empty project, `doctor`,
//! tolkar.toml found upwards, `-C DIR` for every path, `--quiet`,
//! `--verbose`, `--color`, completions, `--max-problems` and reports that
//! fit where they go, argument errors in the UI language.

mod common;

use std::path::Path;

use assert_cmd::Command;
use common::{copy_tree, tolkar_in};

/// A temporary copy of the example site: no store, no text state, no
/// Norwegian postings.
fn example() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&common::repo().join("examples/site"), dir.path());
    let _ = std::fs::remove_dir_all(dir.path().join(".tolkar"));
    let _ = std::fs::remove_dir_all(dir.path().join("content/nb"));
    dir
}

/// tolkar started in `dir` itself (no `-C`), in English.
fn tolkar_here(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("tolkar").unwrap();
    cmd.current_dir(dir)
        .env("LC_ALL", "C")
        .env_remove("LANG")
        .env_remove("LC_MESSAGES")
        .env_remove("NO_COLOR");
    cmd
}

fn run(cmd: &mut Command) -> (i32, String, String) {
    let output = cmd.output().unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn set_config(dir: &Path, from: &str, to: &str) {
    let path = dir.join("tolkar.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{from} in tolkar.toml");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

fn line_of(dir: &Path, needle: &str) -> usize {
    let text = std::fs::read_to_string(dir.join("tolkar.toml")).unwrap();
    text.lines().position(|l| l.contains(needle)).unwrap() + 1
}

// --- 1. No false green ----------------------------------------------------

#[test]
fn a_mistyped_source_language_stops_sync_and_keeps_the_store() {
    // Issue 13: `source_language = "se"` made sync remove all 5 documents
    // and `check` say "passed".
    let site = example();
    let (code, _, stderr) = run(tolkar_in(site.path()).arg("sync"));
    assert_eq!(code, 0, "{stderr}");
    let db = site.path().join(".tolkar/tolkar.db");
    let before = std::fs::read(&db).unwrap();
    set_config(
        site.path(),
        "source_language = \"sv\"",
        "source_language = \"se\"",
    );
    let line = line_of(site.path(), "source_language");
    for command in ["sync", "check", "status", "build"] {
        let (code, stdout, stderr) = run(tolkar_in(site.path()).arg(command));
        assert_eq!(code, 2, "{command}: {stdout}{stderr}");
        assert!(
            stderr.contains(&format!("tolkar.toml:{line}:"))
                && stderr.contains("content/se")
                && stderr.contains("does not exist")
                && stderr.contains("da, en, sv"),
            "{command}: {stderr}"
        );
        assert!(!stdout.contains("passed"), "{command}: {stdout}");
    }
    assert_eq!(
        std::fs::read(&db).unwrap(),
        before,
        "the store is untouched"
    );
    set_config(
        site.path(),
        "source_language = \"se\"",
        "source_language = \"sv\"",
    );
    let (_, stdout, _) = run(tolkar_in(site.path()).args(["status", "--format", "json"]));
    assert!(
        stdout.contains("\"total\": 216"),
        "nothing was removed: {stdout}"
    );
}

#[test]
fn check_fails_on_a_source_directory_without_postings_unless_allowed() {
    let site = example();
    let sources = site.path().join("content/sv");
    std::fs::remove_dir_all(&sources).unwrap();
    std::fs::create_dir_all(&sources).unwrap();
    let (code, stdout, stderr) = run(tolkar_in(site.path()).args(["check", "--no-write"]));
    assert_eq!(code, 2, "{stdout}{stderr}");
    assert!(
        stderr.contains("no source postings in content/sv") && stderr.contains("--allow-empty"),
        "{stderr}"
    );
    assert!(!stdout.contains("passed"), "{stdout}");
    // An existing but empty source directory is no configuration error.
    let (code, _, stderr) = run(tolkar_in(site.path()).arg("sync"));
    assert_eq!(code, 0, "{stderr}");
    let (code, _, stderr) = run(tolkar_in(site.path()).args(["check", "--allow-empty"]));
    assert_eq!(code, 0, "{stderr}");
    let path = site.path().join("tolkar.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, format!("{text}\n[check]\nallow_empty = true\n")).unwrap();
    let (code, _, stderr) = run(tolkar_in(site.path()).arg("check"));
    assert_eq!(code, 0, "{stderr}");
}

#[test]
fn a_fresh_clone_with_nothing_translated_does_not_pass() {
    // Issue 13: "0% translated, 216 missing: passed" on a clone without
    // the store.
    let site = example();
    let (code, stdout, stderr) = run(tolkar_in(site.path()).args(["check", "--no-write"]));
    assert_eq!(code, 2, "{stdout}{stderr}");
    assert!(
        stderr.contains("nothing is translated in en, da, nb")
            && stderr.contains("fresh clone")
            && stderr.contains(".tolkar/state"),
        "{stderr}"
    );
    assert!(!stdout.contains("passed"), "{stdout}");
    let (_, json, _) =
        run(tolkar_in(site.path()).args(["check", "--no-write", "--format", "json"]));
    assert!(json.contains("\"empty\": \"nothing-translated\""), "{json}");
    assert!(json.contains("\"passed\": false"), "{json}");
    let (code, _, stderr) =
        run(tolkar_in(site.path()).args(["check", "--no-write", "--allow-empty"]));
    assert_eq!(code, 0, "{stderr}");
    // A policy that fails it already says so: exit 1, not 2.
    let (code, _, _) =
        run(tolkar_in(site.path()).args(["check", "--no-write", "--fail-on", "missing"]));
    assert_eq!(code, 1);
    // Once anything is translated, the policy alone decides.
    let (code, _, stderr) = run(tolkar_in(site.path()).args(["adopt", "--lang", "da"]));
    assert_eq!(code, 0, "{stderr}");
    let (code, stdout, stderr) = run(tolkar_in(site.path()).arg("check"));
    assert_eq!(code, 0, "{stdout}{stderr}");
}

// --- 2. doctor --------------------------------------------------------------

#[test]
fn doctor_shows_every_problem_at_once_with_its_line() {
    let site = example();
    let (code, stdout, stderr) = run(tolkar_in(site.path()).arg("doctor"));
    assert_eq!(code, 0, "{stdout}{stderr}");
    for expected in [
        "configuration: tolkar.toml",
        "source_language: sv (BCP 47: sv)",
        "target_languages: nb (BCP 47: nb)",
        "source postings: 5 in content/sv",
        "store: none yet at .tolkar/tolkar.db",
        "text state: none at .tolkar/state",
    ] {
        assert!(stdout.contains(expected), "{expected}: {stdout}");
    }
    set_config(
        site.path(),
        "\"en\", \"da\", \"nb\"",
        "\"en\", \"../x\", \"sv\"",
    );
    let path = site.path().join("tolkar.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        format!("{text}\n[content_dirs]\nen = \"../outside\"\n"),
    )
    .unwrap();
    let targets = line_of(site.path(), "target_languages");
    let outside = line_of(site.path(), "../outside");
    let (code, stdout, _) = run(tolkar_in(site.path()).arg("doctor"));
    assert_eq!(code, 2, "{stdout}");
    let errors: Vec<&str> = stdout.lines().filter(|l| l.starts_with("error")).collect();
    assert_eq!(errors.len(), 3, "{stdout}");
    assert!(
        errors[0].contains(&format!("tolkar.toml:{targets}:")) && errors[0].contains("\"../x\"")
    );
    assert!(
        errors[1].contains(&format!("tolkar.toml:{targets}:"))
            && errors[1].contains("also a target")
    );
    assert!(
        errors[2].contains(&format!("tolkar.toml:{outside}:")) && errors[2].contains("../outside")
    );
    // A missing source directory, in the UI language.
    let site = example();
    set_config(
        site.path(),
        "source_language = \"sv\"",
        "source_language = \"se\"",
    );
    let (code, stdout, _) = run(tolkar_in(site.path()).args(["--ui-lang", "sv", "doctor"]));
    assert_eq!(code, 2);
    assert!(stdout.contains("källkatalogen content/se"), "{stdout}");
}

// --- 3. Upward discovery ------------------------------------------------------

#[test]
fn tolkar_toml_is_found_from_a_subdirectory() {
    let site = example();
    let deep = site.path().join("content/sv/career");
    let (code, stdout, stderr) = run(tolkar_here(&deep).args(["--verbose", "status"]));
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("216"), "{stdout}");
    assert!(stderr.contains("Using ../../../tolkar.toml"), "{stderr}");
    assert!(
        !deep.join(".tolkar").exists(),
        "no store in the subdirectory"
    );
    let outside = tempfile::tempdir().unwrap();
    let (code, _, stderr) = run(tolkar_here(outside.path()).arg("status"));
    assert_eq!(code, 2);
    assert!(stderr.contains("or any directory above it"), "{stderr}");
}

// --- 4. -C DIR for every path --------------------------------------------------

#[test]
fn dash_c_makes_every_path_relative_to_dir() {
    let site = example();
    let elsewhere = tempfile::tempdir().unwrap();
    let c = |args: &[&str]| {
        let mut cmd = tolkar_here(elsewhere.path());
        cmd.arg("-C").arg(site.path()).args(args);
        run(&mut cmd)
    };
    let posting = "content/sv/career/cfo.md";
    let (code, stdout, stderr) = c(&["extract", posting]);
    assert_eq!(code, 0, "{stderr}");
    assert!(!stdout.is_empty());
    let (code, _, stderr) = c(&["pseudo", posting]);
    assert_eq!(code, 0, "{stderr}");
    let (code, _, stderr) = c(&["export", "--lang", "da", "--format", "po", "-o", "da.po"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(site.path().join("da.po").is_file(), "export -o is in DIR");
    assert!(!elsewhere.path().join("da.po").exists());
    let (code, _, stderr) = c(&["import", "--dry-run", "da.po"]);
    assert_eq!(code, 0, "import reads from DIR: {stderr}");
    let (code, _, stderr) = c(&["report", "--html", "-o", "report.html"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        site.path().join("report.html").is_file(),
        "report -o is in DIR"
    );
    assert!(!elsewhere.path().join("report.html").exists());
    // The translate command runs in DIR.
    let (_, _, _) = c(&[
        "translate",
        "--lang",
        "da",
        "--batch",
        "1",
        "--command",
        "pwd > where.txt; cat >/dev/null",
    ]);
    let written = std::fs::read_to_string(site.path().join("where.txt")).unwrap();
    assert_eq!(
        std::fs::canonicalize(written.trim()).unwrap(),
        std::fs::canonicalize(site.path()).unwrap()
    );
    let (code, stdout, stderr) = c(&["merge", "--explain", "content/da/career/cfo.md"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("content/da/career/cfo.md (da)"), "{stdout}");
    // From a subdirectory, a file there is named as in the site.
    let mut cmd = tolkar_here(elsewhere.path());
    cmd.arg("-C").arg(site.path().join("content/da/career"));
    let (code, stdout, stderr) = run(cmd.args(["merge", "--explain", "cfo.md"]));
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("content/da/career/cfo.md (da)"), "{stdout}");
    let mut cmd = tolkar_here(elsewhere.path());
    cmd.arg("-C").arg(site.path().join("content/da/career"));
    let (code, stdout, stderr) = run(cmd.args(["adopt", "--lang", "da", "--explain", "cfo.md"]));
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("cfo.md"), "{stdout}");
    let (code, _, stderr) = c(&["-C", "no-such-dir", "status"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("cannot change to directory no-such-dir"),
        "{stderr}"
    );
}

// --- 5. --quiet, --verbose, --color ----------------------------------------------

#[test]
fn quiet_silences_notes_but_not_errors_and_verbose_tells_more() {
    let site = example();
    let (_, _, stderr) = run(tolkar_in(site.path()).arg("sync"));
    assert!(
        stderr.contains("documents"),
        "sync says what it did: {stderr}"
    );
    std::fs::write(
        site.path().join("content/sv/career/new.md"),
        "---\ntitle: Ny\n---\nText.\n",
    )
    .unwrap();
    let (code, _, stderr) = run(tolkar_in(site.path()).args(["--quiet", "sync"]));
    assert_eq!(code, 0);
    assert_eq!(stderr, "", "--quiet: no summary");
    let (code, _, stderr) = run(tolkar_in(site.path()).args(["-q", "export", "--lang", "xx"]));
    assert_eq!(code, 2);
    assert!(
        stderr.contains("unknown language xx"),
        "errors stay: {stderr}"
    );
    let (_, _, stderr) = run(tolkar_in(site.path()).args(["--verbose", "sync"]));
    assert!(
        stderr.contains("Using tolkar.toml; store .tolkar/tolkar.db (present); 6 source postings.")
            && stderr.contains("read: ")
            && stderr.contains("sync: "),
        "{stderr}"
    );
    // Build tells its own stages: rendering and writing, then the store.
    let (_, _, stderr) = run(tolkar_in(site.path()).args(["--verbose", "build"]));
    assert!(
        stderr.contains("build: ") && stderr.contains("store: "),
        "{stderr}"
    );
}

#[test]
fn color_follows_the_flag_and_no_color() {
    let site = example();
    let (code, _, stderr) = run(tolkar_in(site.path()).args(["adopt", "--lang", "da"]));
    assert_eq!(code, 0, "{stderr}");
    let posting = site.path().join("content/sv/career/cfo.md");
    let text = std::fs::read_to_string(&posting).unwrap();
    let changed = text.replacen("CFO", "Finanschef CFO", 2);
    assert_ne!(changed, text);
    std::fs::write(&posting, changed).unwrap();
    let stale = |args: &[&str], no_color: bool| {
        let mut cmd = tolkar_in(site.path());
        if no_color {
            cmd.env("NO_COLOR", "1");
        } else {
            cmd.env_remove("NO_COLOR");
        }
        run(cmd.args(args).args(["stale", "--lang", "da"])).1
    };
    let always = stale(&["--color", "always"], true);
    assert!(
        always.contains("\u{1b}["),
        "always colors, into a pipe and over NO_COLOR: {always}"
    );
    let never = stale(&["--color", "never"], false);
    assert!(!never.is_empty() && !never.contains('\u{1b}'), "{never}");
    let auto = stale(&[], false);
    assert!(!auto.contains('\u{1b}'), "auto: a pipe is no terminal");
}

// --- 6. completions ------------------------------------------------------------------

#[test]
fn completions_name_the_subcommands() {
    let site = example();
    let (code, stdout, stderr) = run(tolkar_in(site.path()).args(["completions", "bash"]));
    assert_eq!(code, 0, "{stderr}");
    for command in [
        "sync",
        "check",
        "export",
        "doctor",
        "completions",
        "--max-problems",
    ] {
        assert!(stdout.contains(command), "{command}");
    }
    for shell in ["zsh", "fish", "powershell", "elvish"] {
        let (code, stdout, _) = run(tolkar_in(site.path()).args(["completions", shell]));
        assert_eq!(code, 0);
        assert!(stdout.contains("doctor"), "{shell}");
    }
}

// --- 7. --max-problems and reports that fit -------------------------------------------

/// A site of `postings` tiny postings with `paragraphs` segments each.
fn generated_site(postings: usize, paragraphs: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("tolkar.toml"),
        "source_language = \"sv\"\ntarget_languages = [\"en\", \"da\", \"nb\"]\n",
    )
    .unwrap();
    let sources = dir.path().join("content/sv");
    std::fs::create_dir_all(&sources).unwrap();
    for i in 0..postings {
        let body: Vec<String> = (0..paragraphs)
            .map(|p| format!("Stycke {p} av {i}."))
            .collect();
        std::fs::write(
            sources.join(format!("p{i:04}.md")),
            format!("---\ntitle: Inlägg {i}\n---\n{}\n", body.join("\n\n")),
        )
        .unwrap();
    }
    dir
}

#[test]
fn reports_keep_within_the_limits_of_where_they_go() {
    // Issue 13: markdown on 2,000 postings was 7.8 MB (a GitHub job
    // summary takes 1 MiB), github printed 6,003 annotations.
    let site = generated_site(2000, 8);
    let (code, _, stderr) = run(tolkar_in(site.path()).arg("sync"));
    assert_eq!(code, 0, "{stderr}");
    let check = |args: &[&str]| {
        run(tolkar_in(site.path())
            .args(["check", "--fail-on", "missing"])
            .args(args))
    };
    let (code, markdown, _) = check(&["--format", "markdown"]);
    assert_eq!(code, 1);
    assert!(markdown.len() < 1024 * 1024, "{} bytes", markdown.len());
    assert!(markdown.contains("more problems") && markdown.contains("left out"));
    assert!(markdown.contains("| nb |"), "the table is whole");
    let (code, github, _) = check(&["--format", "github"]);
    assert_eq!(code, 1);
    let annotations = github
        .lines()
        .filter(|l| l.starts_with("::error file=") || l.starts_with("::warning file="))
        .count();
    assert_eq!(annotations, 50, "{github}");
    assert!(
        github.contains("::warning title=tolkar::5950 more problems not annotated"),
        "{github}"
    );
    assert_eq!(
        github.lines().filter(|l| l.starts_with("::notice")).count(),
        3
    );
    let (_, github, _) = check(&["--format", "github", "--max-problems", "5"]);
    assert!(
        github.contains("::warning title=tolkar::5995 more problems"),
        "{github}"
    );
    let (code, text, _) = check(&["--max-problems", "10"]);
    assert_eq!(code, 1);
    let listed = text.lines().filter(|l| l.contains(": missing ")).count();
    assert_eq!(listed, 10, "{text}");
    assert!(
        text.contains(&format!(
            "… and {} more problems not listed",
            3 * 2000 * 9 - 10
        )),
        "{text}"
    );
}

// --- 8. Argument errors in the UI language ---------------------------------------------

#[test]
fn argument_errors_follow_the_ui_language() {
    let site = example();
    let cases: [(&[&str], &str); 4] = [
        (&["sync", "--bogus"], "oväntat argument '--bogus'"),
        (
            &["export"],
            "de här obligatoriska argumenten saknas:\n  --lang <LANG>",
        ),
        (
            &["check", "--format", "nope"],
            "ogiltigt värde 'nope' för '--format <FORMAT>'",
        ),
        (&["synk"], "okänt underkommando 'synk'"),
    ];
    for (args, expected) in cases {
        let (code, _, stderr) = run(tolkar_in(site.path()).args(["--ui-lang", "sv"]).args(args));
        assert_eq!(code, 2, "{args:?}");
        assert!(stderr.starts_with("fel: "), "{stderr}");
        assert!(stderr.contains(expected), "{args:?}: {stderr}");
        assert!(
            stderr.contains("Mer information får du med '--help'."),
            "{stderr}"
        );
        assert!(!stderr.contains("For more information"), "{stderr}");
    }
    let (_, _, stderr) = run(tolkar_in(site.path()).args(["--ui-lang", "da", "synk"]));
    assert!(
        stderr.contains("ukendt underkommando 'synk'") && stderr.contains("Brug: tolkar"),
        "{stderr}"
    );
    let (_, _, stderr) = run(tolkar_in(site.path()).args(["--ui-lang", "nb", "sync", "--bogus"]));
    assert!(stderr.contains("uventet argument '--bogus'"), "{stderr}");
    let (_, _, stderr) = run(tolkar_in(site.path()).args(["sync", "--bogus"]));
    assert!(
        stderr.contains("unexpected argument '--bogus' found"),
        "English stays clap's: {stderr}"
    );
}
