//! The `tolkar` binary as people and CI use it: commands on a temporary
//! copy of a site, exit statuses, messages, and files left untouched.

mod common;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use common::tolkar_in;
use tolkar::exchange::State;
use tolkar::store::Origin;

/// A temporary copy of the example site.
struct Site {
    dir: tempfile::TempDir,
}

impl Site {
    fn example() -> Site {
        Site {
            dir: common::example_site(),
        }
    }

    fn path(&self, relative: &str) -> PathBuf {
        self.dir.path().join(relative)
    }

    fn read(&self, relative: &str) -> String {
        std::fs::read_to_string(self.path(relative)).unwrap()
    }

    fn tolkar(&self) -> Command {
        tolkar_in(self.dir.path())
    }

    /// Every file under the site with its bytes, to compare before and after.
    fn snapshot(&self) -> Vec<(PathBuf, Vec<u8>)> {
        let mut files = Vec::new();
        snapshot(self.dir.path(), &mut files);
        files.sort();
        files
    }

    fn put_translation(&self, doc: &str, key: &str, lang: &str, text: &str) {
        let mut store = tolkar::store::Store::open(&self.path(".tolkar/tolkar.db")).unwrap();
        let stored = store
            .transaction(|tx| {
                tx.put_translation(doc, key, lang, text, State::Translated, &Origin::ReviewSet)
            })
            .unwrap();
        assert!(stored, "{doc} has segment {key}");
    }
}

fn snapshot(dir: &Path, out: &mut Vec<(PathBuf, Vec<u8>)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            snapshot(&path, out);
        } else {
            let bytes = std::fs::read(&path).unwrap();
            out.push((path, bytes));
        }
    }
}

/// Runs a command that must succeed: its stdout (data).
#[track_caller]
fn stdout_of(cmd: &mut Command) -> String {
    String::from_utf8(succeed(cmd).stdout).unwrap()
}

/// Runs a command that must succeed: its stderr (messages for people).
#[track_caller]
fn stderr_of(cmd: &mut Command) -> String {
    String::from_utf8(succeed(cmd).stderr).unwrap()
}

#[track_caller]
fn succeed(cmd: &mut Command) -> std::process::Output {
    let output = cmd.output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

fn seed() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/seed/000_edf68feba42cc7db.txt")
}

#[test]
fn extract_lists_the_text_of_the_seed_and_nothing_else() {
    if common::corpus_or_skip().is_none() {
        return;
    }
    let json = stdout_of(
        Command::cargo_bin("tolkar")
            .unwrap()
            .arg("extract")
            .arg(seed())
            .args(["--format", "json"]),
    );
    let segments: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
    let texts: Vec<&str> = segments
        .iter()
        .map(|s| s["text"].as_str().unwrap())
        .collect();
    for expected in [
        "Bliv en del af teamet som Cloud Network Engineer!",
        "Ansøg nu",
        "Hvem er du?",
        "Dit team",
        "Klik her for at ansøge",
        "Vores rekrutteringsproces",
        "Har du spørgsmål?",
        "Send e-mail",
        "Fleksibilitet i hvert trin",
        "Stabiliteten ved en overenskomst",
        "Interview med den ansættende leder",
    ] {
        assert!(texts.contains(&expected), "missing {expected:?}");
    }
    for segment in &segments {
        for field in ["key", "kind", "text", "line"] {
            assert!(!segment[field].is_null(), "{segment} has {field}");
        }
        let text = segment["text"].as_str().unwrap();
        for never in [
            "https://",
            "fa-",
            "#3C9BCD",
            "/img/",
            "2025-03-14",
            "safespring-image.svg",
        ] {
            assert!(
                !text.starts_with(never) && text != "da",
                "{text:?} is not text"
            );
        }
    }
    assert!(!texts.contains(&"da"));
}

#[test]
fn pseudo_identity_equals_the_input_and_expand_changes_only_text() {
    if common::corpus_or_skip().is_none() {
        return;
    }
    let input = std::fs::read(seed()).unwrap();
    let output = Command::cargo_bin("tolkar")
        .unwrap()
        .arg("pseudo")
        .arg(seed())
        .args(["--mode", "identity"])
        .output()
        .unwrap();
    assert!(output.status.success());
    assert!(output.stdout == input, "identity changed the posting");
    let expanded = stdout_of(
        Command::cargo_bin("tolkar")
            .unwrap()
            .arg("pseudo")
            .arg(seed()),
    );
    assert!(expanded.contains("link=\"https://safespring.careers.haileyhr.app/en-GB/job/738d81c0-d4ba-4ddd-af69-b6ec5d37158b/640302ca-01e7-48a5-87d1-16789f38ca7c/788936c8-da55-4733-87e9-327fece96707#applyNow\""));
    assert!(expanded.contains("date: \"2025-03-14\""));
    assert!(expanded.contains("{{< accordion-script >}}"));
    assert!(!expanded.contains("Hvem er du?"));
}

#[test]
fn errors_name_file_line_and_column_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let cases: &[(&str, &[u8], &str)] = &[
        (
            "bad-yaml.md",
            b"---\ntitle: [unclosed\n---\nx\n",
            "bad-yaml.md:",
        ),
        (
            "unclosed-fm.md",
            b"---\ntitle: x\n",
            "unclosed-fm.md:2:1: front matter opened with --- is never closed",
        ),
        (
            "unclosed-sc.md",
            b"text\n\n  {{< card title=\"x\" \n",
            // Hugo reports the end of the file; the message names the tag's line.
            "unclosed-sc.md:4:1: shortcode tag opened on line 3 is never closed",
        ),
        (
            "orphan.md",
            b"a\n{{< /note >}}\n",
            "orphan.md:2:5: closing shortcode tag, but no shortcode was opened before it",
        ),
        ("latin1.md", b"caf\xe9\n", "latin1.md:1:4: not valid UTF-8"),
        ("binary.md", b"\x00\x01\x02", "looks like a binary file"),
        ("bad-toml.md", b"+++\ntitle = \n+++\n", "bad-toml.md:2:"),
    ];
    for (name, bytes, expected) in cases {
        std::fs::write(dir.path().join(name), bytes).unwrap();
        let output = Command::cargo_bin("tolkar")
            .unwrap()
            .env("LC_ALL", "C")
            .arg("extract")
            .arg(dir.path().join(name))
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{name}");
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(stderr.contains(expected), "{name}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{name}: one line: {stderr}");
    }
    let output = Command::cargo_bin("tolkar")
        .unwrap()
        .arg("extract")
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("is a directory"));
    let output = Command::cargo_bin("tolkar")
        .unwrap()
        .arg("-C")
        .arg(dir.path())
        .arg("sync")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no tolkar.toml"));
    assert!(!dir.path().join(".tolkar").exists(), "nothing written");
}

#[test]
fn messages_follow_the_ui_language() {
    let dir = tempfile::tempdir().unwrap();
    let sv = Command::cargo_bin("tolkar")
        .unwrap()
        .arg("-C")
        .arg(dir.path())
        .args(["--ui-lang", "sv", "sync"])
        .output()
        .unwrap();
    let en = Command::cargo_bin("tolkar")
        .unwrap()
        .arg("-C")
        .arg(dir.path())
        .env("LC_ALL", "C")
        .arg("sync")
        .output()
        .unwrap();
    let from_env = Command::cargo_bin("tolkar")
        .unwrap()
        .arg("-C")
        .arg(dir.path())
        .env("LC_ALL", "da_DK.UTF-8")
        .arg("sync")
        .output()
        .unwrap();
    assert_ne!(sv.stderr, en.stderr);
    assert_ne!(from_env.stderr, en.stderr);
    assert!(String::from_utf8_lossy(&en.stderr).contains("no tolkar.toml"));
}

#[test]
fn sync_status_build_on_the_example_site() {
    let site = Site::example();
    let shipped_da = site.read("content/da/career/cfo.md");

    assert!(stderr_of(site.tolkar().arg("sync")).contains("5 new"));
    let again = stderr_of(site.tolkar().arg("sync"));
    assert!(again.contains("5 unchanged"), "{again}");

    let status: serde_json::Value = serde_json::from_str(&stdout_of(
        site.tolkar().args(["status", "--format", "json", "--docs"]),
    ))
    .unwrap();
    let da = status
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["lang"] == "da")
        .unwrap();
    assert_eq!(da["translated"], 0);
    assert_eq!(da["missing"], da["total"]);
    assert_eq!(da["documents"].as_array().unwrap().len(), 5);

    // A translation is used, the language key rewritten, the rest kept.
    let doc = "content/sv/career/2025-devops-engineer.md";
    site.put_translation(doc, "fm:Title", "nb", "Bli DevOps-ingeniør: \"hos oss\"");
    let output = site
        .tolkar()
        .args(["build", "--lang", "nb"])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let built = site.read("content/nb/career/2025-devops-engineer.md");
    let source = site.read(doc);
    assert!(
        built.contains("Title: \"Bli DevOps-ingeniør: \\\"hos oss\\\"\""),
        "{built}"
    );
    assert!(built.contains("language: \"nb\""));
    let front: serde_yaml::Value =
        serde_yaml::from_str(built.split("---").nth(1).unwrap()).unwrap();
    assert_eq!(
        front["Title"].as_str(),
        Some("Bli DevOps-ingeniør: \"hos oss\"")
    );
    let body_of = |text: &str| text.splitn(3, "---").nth(2).unwrap().to_string();
    assert_eq!(
        body_of(&built),
        body_of(&source),
        "untranslated body falls back to the source"
    );

    // A build with nothing new writes nothing.
    let before = site.snapshot();
    let stderr = stderr_of(site.tolkar().args(["build", "--lang", "nb"]));
    assert!(stderr.contains("0 written"), "{stderr}");
    let after: Vec<_> = site
        .snapshot()
        .into_iter()
        .filter(|(p, _)| !p.to_string_lossy().contains(".tolkar"))
        .collect();
    let before: Vec<_> = before
        .into_iter()
        .filter(|(p, _)| !p.to_string_lossy().contains(".tolkar"))
        .collect();
    assert_eq!(before, after);

    // Hand translations that tolkar did not write are never overwritten.
    site.tolkar()
        .args(["build", "--lang", "da"])
        .assert()
        .success();
    assert_eq!(site.read("content/da/career/cfo.md"), shipped_da);

    // --missing error stops without writing; --missing skip skips.
    let output = site
        .tolkar()
        .args(["build", "--lang", "en", "--missing", "error"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(!site.path("content/en/career/cfo.md").exists());
    site.tolkar()
        .args(["build", "--lang", "en", "--missing", "skip"])
        .assert()
        .success();
    assert!(!site.path("content/en/career/cfo.md").exists());
}

#[test]
fn a_changed_source_makes_its_translation_stale_not_lost() {
    let site = Site::example();
    site.tolkar().arg("sync").assert().success();
    let doc = "content/sv/career/cfo.md";
    site.put_translation(doc, "fm:Title", "da", "Finansdirektør");
    let status = |site: &Site| -> serde_json::Value {
        let all: serde_json::Value = serde_json::from_str(&stdout_of(
            site.tolkar()
                .args(["status", "--format", "json", "--lang", "da"]),
        ))
        .unwrap();
        all[0].clone()
    };
    assert_eq!(status(&site)["translated"], 1);
    let text = site.read(doc);
    let title_line = text.lines().find(|l| l.starts_with("Title:")).unwrap();
    std::fs::write(
        site.path(doc),
        text.replace(title_line, "Title: \"En helt ny rubrik\""),
    )
    .unwrap();
    site.tolkar().arg("sync").assert().success();
    let now = status(&site);
    assert_eq!(
        (now["translated"].as_u64(), now["stale"].as_u64()),
        (Some(0), Some(1))
    );
    // The stale translation is still used by build.
    site.tolkar()
        .args(["build", "--lang", "nb"])
        .assert()
        .success();
    site.tolkar()
        .args(["build", "--lang", "da", "--force"])
        .assert()
        .success();
    assert!(
        site.read("content/da/career/cfo.md")
            .contains("Finansdirektør")
    );
}

/// Sync does not read a posting again whose `stat` is the one it stored;
/// an edit that keeps the size and puts the modification time back (as
/// `cp -p`, `rsync -t` or `touch -r` can) is still found, and so is a
/// change of the rules the postings are read with.
#[test]
fn an_edit_that_keeps_size_and_modification_time_is_still_synced() {
    let site = Site::example();
    // Postings changed within the last seconds are always read again.
    std::thread::sleep(std::time::Duration::from_millis(2_200));
    site.tolkar().arg("sync").assert().success();
    let trusted = |site: &Site| -> i64 {
        let db = rusqlite::Connection::open(site.path(".tolkar/tolkar.db")).unwrap();
        db.query_row(
            "SELECT count(*) FROM documents WHERE stat IS NOT NULL",
            [],
            |r| r.get(0),
        )
        .unwrap()
    };
    assert_eq!(trusted(&site), 5, "every settled posting's stat is stored");

    let doc = site.path("content/sv/career/cfo.md");
    let modified = std::fs::metadata(&doc).unwrap().modified().unwrap();
    let text = site.read("content/sv/career/cfo.md");
    assert!(
        text.contains("Vi söker"),
        "the edit below needs these words"
    );
    std::fs::write(&doc, text.replacen("Vi söker", "Vi sökte", 1)).unwrap();
    std::fs::File::options()
        .write(true)
        .open(&doc)
        .unwrap()
        .set_modified(modified)
        .unwrap();
    let out = succeed(site.tolkar().arg("sync"));
    let said =
        String::from_utf8_lossy(&out.stderr).into_owned() + &String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("1 changed"), "{said}");

    // New rules: every posting is read again, with them.
    let config = site.path("tolkar.toml");
    let rules = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, rules.replace("\"location\", ", "")).unwrap();
    let out = succeed(site.tolkar().arg("sync"));
    let said =
        String::from_utf8_lossy(&out.stderr).into_owned() + &String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("5 changed"), "{said}");
}

/// Build trusts `stat` for the postings it wrote as sync does for
/// sources: a hand edit that keeps the size and modification time is still
/// found, and merged with the next source change instead of overwritten.
#[test]
fn a_hand_edit_that_keeps_size_and_modification_time_is_still_merged() {
    let site = Site::example();
    site.tolkar()
        .args(["build", "--lang", "nb"])
        .assert()
        .success();
    // Files written within the last seconds are always hashed again.
    std::thread::sleep(std::time::Duration::from_millis(2_200));
    site.tolkar()
        .args(["build", "--lang", "nb"])
        .assert()
        .success();
    let db = rusqlite::Connection::open(site.path(".tolkar/tolkar.db")).unwrap();
    let trusted: i64 = db
        .query_row(
            "SELECT count(*) FROM outputs WHERE lang = 'nb' AND stat IS NOT NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(trusted, 5, "every settled output's stat is stored");

    let built = site.path("content/nb/career/cfo.md");
    let modified = std::fs::metadata(&built).unwrap().modified().unwrap();
    let text = site.read("content/nb/career/cfo.md");
    assert!(
        text.contains("Vi söker"),
        "the edit below needs these words"
    );
    std::fs::write(&built, text.replacen("Vi söker", "Vi sökte", 1)).unwrap();
    std::fs::File::options()
        .write(true)
        .open(&built)
        .unwrap()
        .set_modified(modified)
        .unwrap();
    let source = site.read("content/sv/career/cfo.md");
    let last_line = source.trim_end().lines().last().unwrap().to_string();
    std::fs::write(
        site.path("content/sv/career/cfo.md"),
        source.replacen(&last_line, &format!("{last_line} Välkommen!"), 1),
    )
    .unwrap();
    site.tolkar()
        .args(["build", "--lang", "nb"])
        .assert()
        .success();
    let merged = site.read("content/nb/career/cfo.md");
    assert!(
        merged.contains("Vi sökte"),
        "the hand edit is kept: {merged}"
    );
    assert!(merged.contains("Välkommen!"), "the source change is in");
}

/// The files a build writes are read back once, before its commit, to
/// keep `built.txt`; what `stat` said of them then is stored, so the next
/// build trusts them without reading them. Only files written before that
/// reading's clock are trusted: on a site of 300 postings the first ones
/// written are.
#[test]
fn a_first_build_stores_what_stat_says_of_the_files_it_wrote() {
    let site = Site::example();
    let posting = site.read("content/sv/career/cfo.md");
    for i in 0..300 {
        let path = site.path(&format!("content/sv/many/posting-{i:03}.md"));
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(
            path,
            posting.replacen("Vi söker", &format!("Vi söker {i}"), 1),
        )
        .unwrap();
    }
    site.tolkar()
        .args(["build", "--lang", "nb"])
        .assert()
        .success();
    let db = rusqlite::Connection::open(site.path(".tolkar/tolkar.db")).unwrap();
    let (outputs, trusted): (i64, i64) = db
        .query_row(
            "SELECT count(*), count(stat) FROM outputs WHERE lang = 'nb'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(outputs, 305);
    assert!(
        trusted > 0,
        "the first build stored no stat of the {outputs} files it wrote"
    );
}

/// Build reads a document's translations again only when the store says
/// something changed since the last build (the stamp of migration 0013):
/// a translation written, one rewritten or removed through a state file
/// (as a pull brings it) are each still built.
#[test]
fn every_translation_change_after_a_build_is_built() {
    let site = Site::example();
    let doc = "content/sv/career/cfo.md";
    let built = "content/nb/career/cfo.md";
    let state = ".tolkar/state/nb/content/sv/career/cfo.md.po";
    let build = || {
        site.tolkar()
            .args(["build", "--lang", "nb"])
            .assert()
            .success();
    };
    site.tolkar().arg("sync").assert().success();
    site.put_translation(doc, "fm:Title", "nb", "Finansdirektør først");
    build();
    // Settled, so that the next build trusts every file's stat.
    std::thread::sleep(std::time::Duration::from_millis(2_200));
    build();
    assert!(site.read(built).contains("Finansdirektør først"));

    site.put_translation(doc, "fm:Title", "nb", "Finansdirektør deretter");
    build();
    assert!(site.read(built).contains("Finansdirektør deretter"));

    // The state file says otherwise (a pull).
    let po = site.read(state);
    assert!(po.contains("Finansdirektør deretter"), "{po}");
    std::fs::write(
        site.path(state),
        po.replace("Finansdirektør deretter", "Finansdirektør til slutt"),
    )
    .unwrap();
    build();
    assert!(site.read(built).contains("Finansdirektør til slutt"));

    // And then has no translation at all: the source's title is back.
    let po = site.read(state);
    let kept: Vec<&str> = po
        .split("\n\n")
        .filter(|entry| !entry.contains("Finansdirektør"))
        .collect();
    std::fs::write(site.path(state), kept.join("\n\n")).unwrap();
    build();
    let text = site.read(built);
    assert!(!text.contains("Finansdirektør"), "{text}");
    let source_title = site
        .read(doc)
        .lines()
        .find(|l| l.starts_with("Title:") || l.starts_with("title:"))
        .unwrap()
        .to_string();
    assert!(
        text.contains(source_title.split_once(':').unwrap().1.trim()),
        "{text}"
    );
}

#[test]
fn init_writes_a_config_that_loads_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let tolkar = || tolkar_in(dir.path());
    tolkar()
        .args(["init", "--source", "sv", "--targets", "en,da"])
        .assert()
        .success();
    let config = std::fs::read_to_string(dir.path().join("tolkar.toml")).unwrap();
    assert!(config.contains("source_language = \"sv\""));
    tolkar()
        .args(["init", "--source", "sv", "--targets", "en"])
        .assert()
        .code(2);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("tolkar.toml")).unwrap(),
        config
    );
    std::fs::create_dir_all(dir.path().join("content/sv")).unwrap();
    std::fs::write(
        dir.path().join("content/sv/a.md"),
        "---\ntitle: Hej\n---\nVälkommen!\n",
    )
    .unwrap();
    tolkar().args(["build"]).assert().success();
    assert_eq!(
        std::fs::read_to_string(dir.path().join("content/da/a.md")).unwrap(),
        "---\ntitle: Hej\n---\nVälkommen!\n"
    );
    tolkar().args(["status", "--lang", "fr"]).assert().code(2);
}

#[test]
fn a_database_from_a_newer_tolkar_is_refused() {
    let site = Site::example();
    site.tolkar().arg("sync").assert().success();
    let db = site.path(".tolkar/tolkar.db");
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.pragma_update(None, "user_version", 999).unwrap();
    }
    let output = site.tolkar().arg("sync").output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("newer tolkar"));
}

#[test]
fn a_bad_posting_is_named_and_every_other_one_is_built() {
    let site = Site::example();
    site.tolkar().arg("build").assert().success();
    std::fs::write(site.path("content/sv/career/broken.md"), "---\ntitle: x\n").unwrap();
    std::fs::write(
        site.path("content/sv/career/cfo.md"),
        site.read("content/sv/career/cfo.md").replace("Vi ", "Ni "),
    )
    .unwrap();
    let output = site.tolkar().arg("build").output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("broken.md:2:1"));
    // The source change reaches every language; the broken posting has no
    // localized posting.
    for lang in ["en", "nb"] {
        assert!(
            site.read(&format!("content/{lang}/career/cfo.md"))
                .contains("Ni "),
            "{lang}"
        );
        assert!(
            !site
                .path(&format!("content/{lang}/career/broken.md"))
                .exists()
        );
    }
}

#[test]
fn a_new_translation_is_built_and_hand_edits_are_kept() {
    let site = Site::example();
    site.tolkar()
        .args(["build", "--lang", "nb"])
        .assert()
        .success();
    let out = "content/nb/career/_index.md";
    let before = site.read(out);
    site.put_translation(
        "content/sv/career/_index.md",
        "fm:Title",
        "nb",
        "Jobb hos Safespring",
    );
    let stderr = stderr_of(site.tolkar().args(["build", "--lang", "nb"]));
    assert!(stderr.contains("1 written"), "{stderr}");
    let after = site.read(out);
    assert_ne!(before, after);
    assert!(after.contains("Title: \"Jobb hos Safespring\""));

    // Someone edits the built posting by hand: the next build keeps the edit.
    let edited = after.replace("Jobb hos Safespring", "Jobb hos oss");
    std::fs::write(site.path(out), &edited).unwrap();
    site.put_translation(
        "content/sv/career/_index.md",
        "fm:Title",
        "nb",
        "Jobbe hos Safespring",
    );
    // The same line changed on both sides: a conflict, the file untouched,
    // exit 1 (as `git merge`), and status, check and merge --explain say so.
    let output = site
        .tolkar()
        .args(["build", "--lang", "nb"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(&format!("{out}:3: not written"))
            && stderr.contains("Jobb hos oss")
            && stderr.contains("Jobbe hos Safespring"),
        "{stderr}"
    );
    assert_eq!(site.read(out), edited);
    let status =
        String::from_utf8(succeed(site.tolkar().args(["status", "--lang", "nb"])).stdout).unwrap();
    assert!(
        status.contains(&format!("{out}:3: in conflict (nb)")),
        "{status}"
    );
    let json: serde_json::Value = serde_json::from_slice(
        &succeed(
            site.tolkar()
                .args(["status", "--lang", "nb", "--format", "json"]),
        )
        .stdout,
    )
    .unwrap();
    assert_eq!(json[0]["postings"]["conflict"], 1, "{json}");
    assert_eq!(json[0]["conflicts"][0]["path"], out, "{json}");
    let check = site
        .tolkar()
        .args([
            "check",
            "--lang",
            "nb",
            "--fail-on",
            "conflict",
            "--format",
            "github",
        ])
        .output()
        .unwrap();
    assert_eq!(check.status.code(), Some(1));
    let annotations = String::from_utf8(check.stdout).unwrap();
    assert!(
        annotations.contains(&format!("::error file={out},line=3,")),
        "{annotations}"
    );
    let page = site.path("report.html");
    succeed(site.tolkar().args(["report", "--html", "-o"]).arg(&page));
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(
        html.contains("<h3>In conflict</h3>")
            && html.contains(&format!("<code>{out}</code>, line 3")),
        "{html}"
    );
    let explained = site
        .tolkar()
        .args(["merge", "--explain", out])
        .output()
        .unwrap();
    let text = String::from_utf8(explained.stdout).unwrap();
    assert_eq!(explained.status.code(), Some(1), "{text}");
    assert!(
        text.contains("+Title: \"Jobb hos oss\"")
            && text.contains("+Title: \"Jobbe hos Safespring\"")
            && text.contains("Conflict at line 3"),
        "{text}"
    );
    // Taking back the edit settles it: build writes the new translation.
    std::fs::write(site.path(out), &after).unwrap();
    let stderr = stderr_of(site.tolkar().args(["build", "--lang", "nb"]));
    assert!(
        stderr.contains("0 in conflict") || !stderr.contains("conflict"),
        "{stderr}"
    );
    assert!(site.read(out).contains("Jobbe hos Safespring"));
    // Deleting a built posting makes the next build write it again.
    std::fs::remove_file(site.path("content/nb/career/cfo.md")).unwrap();
    site.tolkar()
        .args(["build", "--lang", "nb"])
        .assert()
        .success();
    assert!(site.path("content/nb/career/cfo.md").exists());
}

/// Past a hundred postings build reads translations in bulk; the result
/// must be the same as one posting at a time.
#[test]
fn a_large_build_uses_every_translation() {
    let dir = tempfile::tempdir().unwrap();
    let tolkar = || tolkar_in(dir.path());
    tolkar()
        .args(["init", "--source", "sv", "--targets", "da"])
        .assert()
        .success();
    for i in 0..150 {
        let path = dir.path().join(format!("content/sv/p{i:03}.md"));
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(
            path,
            format!("---\ntitle: Rubrik {i}\n---\nStycke nummer {i}.\n"),
        )
        .unwrap();
    }
    tolkar().arg("sync").assert().success();
    let mut store = tolkar::store::Store::open(&dir.path().join(".tolkar/tolkar.db")).unwrap();
    store
        .transaction(|tx| -> Result<(), tolkar::store::StoreError> {
            for i in [0, 77, 149] {
                let doc = format!("content/sv/p{i:03}.md");
                assert!(tx.put_translation(
                    &doc,
                    "body:p[1]",
                    "da",
                    &format!("Afsnit nummer {i}."),
                    State::Translated,
                    &Origin::ReviewSet
                )?);
            }
            Ok(())
        })
        .unwrap();
    drop(store);
    tolkar().arg("build").assert().success();
    for i in [0, 77, 149] {
        let built =
            std::fs::read_to_string(dir.path().join(format!("content/da/p{i:03}.md"))).unwrap();
        assert_eq!(
            built,
            format!("---\ntitle: Rubrik {i}\n---\nAfsnit nummer {i}.\n")
        );
    }
    let untranslated = std::fs::read_to_string(dir.path().join("content/da/p001.md")).unwrap();
    assert_eq!(
        untranslated,
        "---\ntitle: Rubrik 1\n---\nStycke nummer 1.\n"
    );
}

/// `tolkar ARGS` with `LC_ALL` set: its help on stdout (exit status 0).
fn help_text(lc_all: &str, args: &[&str]) -> String {
    let output = Command::cargo_bin("tolkar")
        .unwrap()
        .env("LC_ALL", lc_all)
        .args(args)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{args:?}");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn help_follows_the_ui_language() {
    let text = help_text("C", &["--ui-lang", "sv", "init", "--help"]);
    assert!(
        text.contains("Skriv över en befintlig tolkar.toml"),
        "{text}"
    );
    assert!(text.contains("Användning: tolkar init [OPTIONS]"), "{text}");
    assert!(!text.contains("Overwrite"), "{text}");

    // From the environment, for -h too, and for clap's own words.
    let text = help_text("da_DK.UTF-8", &["export", "-h"]);
    assert!(text.contains("Filformatet [standard: xliff2]"), "{text}");
    assert!(text.contains("Vis hjælp (mere med '--help')"), "{text}");

    let text = help_text("C", &["init", "--help"]);
    assert!(text.contains("Overwrite an existing tolkar.toml"), "{text}");
    assert!(text.contains("Usage: tolkar init [OPTIONS]"), "{text}");
}

/// A site (sv → da) with one source posting, `text`, built: the site, the
/// source's path and the built posting's.
fn one_posting(text: &str) -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    tolkar_in(dir.path())
        .args(["init", "--source", "sv", "--targets", "da"])
        .assert()
        .success();
    let source = dir.path().join("content/sv/p.md");
    std::fs::create_dir_all(source.parent().unwrap()).unwrap();
    std::fs::write(&source, text).unwrap();
    tolkar_in(dir.path()).arg("build").assert().success();
    let built = dir.path().join("content/da/p.md");
    (dir, source, built)
}

/// A hand edit and a source change that each read well can merge into a
/// posting Hugo refuses (the same key twice): build does not write it.
#[test]
fn a_merge_that_would_not_read_back_is_not_written() {
    let (dir, source, built) = one_posting("---\ntitle: Rubrik\nweight: 1\n---\nStycke.\n");
    let tolkar = || tolkar_in(dir.path());
    // The translator adds a key after the title; the source adds the same
    // key elsewhere, with another value.
    let edited = std::fs::read_to_string(&built)
        .unwrap()
        .replace("title: Rubrik\n", "title: Rubrik\nauthor: Anna\n");
    std::fs::write(&built, &edited).unwrap();
    std::fs::write(
        &source,
        "---\ntitle: Rubrik\nweight: 1\nauthor: Bo\n---\nStycke.\n",
    )
    .unwrap();
    let output = tolkar().arg("build").output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("content/da/p.md: not written") && stderr.contains("author"),
        "{stderr}"
    );
    assert_eq!(std::fs::read_to_string(&built).unwrap(), edited);
    // Without the collision the same kind of edits merge.
    std::fs::write(&source, "---\ntitle: Rubrik\nweight: 2\n---\nStycke.\n").unwrap();
    tolkar().arg("build").assert().success();
    let merged = std::fs::read_to_string(&built).unwrap();
    assert!(
        merged.contains("author: Anna\n") && merged.contains("weight: 2\n"),
        "{merged}"
    );
}

/// `--force` overwrites only what has no clean merge: a hand edit that
/// merges stays; one in conflict is replaced by build's version.
#[test]
fn force_keeps_clean_merges_and_replaces_conflicts() {
    let (dir, source, built) = one_posting("---\ntitle: Rubrik\n---\nEtt.\n\nTvå.\n");
    let tolkar = || tolkar_in(dir.path());
    let edited = std::fs::read_to_string(&built)
        .unwrap()
        .replace("Ett.", "En.");
    std::fs::write(&built, &edited).unwrap();
    std::fs::write(&source, "---\ntitle: Rubrik\n---\nEtt.\n\nTvå!\n").unwrap();
    tolkar().args(["build", "--force"]).assert().success();
    let merged = std::fs::read_to_string(&built).unwrap();
    assert!(
        merged.contains("En.\n") && merged.contains("Två!\n"),
        "{merged}"
    );
    // Now the same line on both sides: --force writes build's version.
    std::fs::write(&built, merged.replace("Två!", "To!")).unwrap();
    std::fs::write(&source, "---\ntitle: Rubrik\n---\nEtt.\n\nTvå?\n").unwrap();
    tolkar().arg("build").assert().code(1);
    tolkar().args(["build", "--force"]).assert().success();
    let forced = std::fs::read_to_string(&built).unwrap();
    assert!(
        forced.contains("Ett.\n") && forced.contains("Två?\n"),
        "{forced}"
    );
}

/// `-o -` is standard output, as for most tools; no file named `-`.
#[test]
fn dash_as_output_is_standard_output() {
    let site = Site::example();
    let exported = site
        .tolkar()
        .args(["export", "--lang", "nb", "--format", "po", "-o", "-"])
        .output()
        .unwrap();
    assert!(exported.status.success());
    assert!(String::from_utf8_lossy(&exported.stdout).contains("msgctxt"));
    let report = site
        .tolkar()
        .args(["report", "--html", "-o", "-"])
        .output()
        .unwrap();
    assert!(report.status.success());
    assert!(String::from_utf8_lossy(&report.stdout).starts_with("<!DOCTYPE html>"));
    assert!(!site.path("-").exists());
}

/// A failed check stays failed when its reader stops early (`| head`).
#[test]
fn a_failed_check_is_not_passed_by_a_closed_pipe() {
    let site = Site::example();
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("tolkar"))
        .args(["-C"])
        .arg(site.path("."))
        .args(["check", "--fail-on", "missing", "--format", "github"])
        .env("LC_ALL", "C")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Close the pipe without reading: the writes fail with EPIPE.
    drop(child.stdout.take());
    assert_eq!(child.wait().unwrap().code(), Some(1));
}

/// `status` shows the figures as of now (it syncs, writing nothing), and
/// creates no store where there is none.
#[test]
fn status_shows_the_site_as_it_is_and_writes_nothing() {
    let site = Site::example();
    let status = || {
        let output = site
            .tolkar()
            .args(["status", "--format", "json", "--lang", "nb"])
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        json[0]["total"].as_u64().unwrap()
    };
    let total = status();
    assert!(!site.path(".tolkar").exists(), "status made a store");
    let source = site.path("content/sv/career/cfo.md");
    let text = std::fs::read_to_string(&source).unwrap();
    std::fs::write(
        &source,
        text.replacen("\n\n", "\n\nEtt nytt stycke.\n\n", 1),
    )
    .unwrap();
    assert_eq!(status(), total + 1);
}

/// A file build cannot write is told as such (not as one it cannot read),
/// with exit 2, and the store records nothing of that build.
#[test]
fn a_file_build_cannot_write_is_named_as_unwritable() {
    let (dir, source, _) = one_posting("---\ntitle: Rubrik\n---\nEtt.\n");
    // A file where the next language's directory must go.
    let config = dir.path().join("tolkar.toml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(
        &config,
        text.replace(
            "target_languages = [\"da\"]",
            "target_languages = [\"da\", \"nb\"]",
        ),
    )
    .unwrap();
    std::fs::write(dir.path().join("content/nb"), "not a directory").unwrap();
    std::fs::write(&source, "---\ntitle: Rubrik\n---\nTvå.\n").unwrap();
    let output = tolkar_in(dir.path()).arg("build").output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("cannot write") && stderr.contains("content/nb"),
        "{stderr}"
    );
}

/// `--lang` takes a language as people write it: `NB`, `nb_NO` for `nb`.
#[test]
fn a_language_is_taken_in_any_usual_spelling() {
    let site = Site::example();
    for lang in ["NB", "nb_NO", "nb-no"] {
        let output = site
            .tolkar()
            .args(["status", "--format", "json", "--lang", lang])
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{lang}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        assert_eq!(json[0]["lang"], "nb", "{lang}");
    }
    let output = site
        .tolkar()
        .args(["build", "--lang", "nb_NO"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("Built nb:"), "{stderr}");
    let output = site
        .tolkar()
        .args(["status", "--lang", "fr"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
}

/// Export tells what each placeholder stands for (a PO comment) from what
/// sync stored: a link moved to another page shows its new target though
/// the text is the same, and a store filled by an earlier tolkar, with no
/// markup stored, still shows it (the posting is read again).
#[test]
fn export_shows_what_placeholders_stand_for_as_the_posting_has_it_now() {
    let site = Site::example();
    let posting = "content/sv/career/lankar.md";
    let write = |target: &str| {
        std::fs::write(
            site.path(posting),
            format!("---\ntitle: Länkar\n---\n\nLäs mer i [guiden]({target}) om **allt**.\n"),
        )
        .unwrap();
    };
    let export = || {
        stdout_of(
            site.tolkar()
                .args(["export", "--lang", "nb", "--format", "po", "--doc", posting]),
        )
    };
    write("/guide/a/");
    let po = export();
    assert!(po.contains("[ … ](/guide/a/)"), "{po}");
    assert!(po.contains("** … **"), "{po}");

    write("/guide/b/");
    let po = export();
    assert!(
        po.contains("[ … ](/guide/b/)") && !po.contains("/guide/a/"),
        "{po}"
    );

    // What export shows comes from the store, not the posting read again.
    let db = rusqlite::Connection::open(site.path(".tolkar/tolkar.db")).unwrap();
    db.execute(
        "UPDATE segments SET markup = '[[1,\"«stored»\",\"»\"]]' WHERE markup != ''",
        [],
    )
    .unwrap();
    assert!(export().contains("«stored»"), "the stored markup is shown");
    db.execute("UPDATE segments SET markup = NULL", []).unwrap();
    drop(db);
    assert_eq!(export(), po, "read again from the posting");
}

/// A store whose postings an earlier parser stored (no markup): the next
/// sync parses them again, stores their markup, and counts none as
/// changed, whose bytes are the same; when each last changed stays.
#[test]
fn postings_stored_by_an_earlier_parser_are_read_again_unchanged() {
    let site = Site::example();
    succeed(site.tolkar().arg("sync"));
    let db = rusqlite::Connection::open(site.path(".tolkar/tolkar.db")).unwrap();
    db.execute_batch(
        "UPDATE documents SET parse_revision = 1, synced_at = '2020-01-01T00:00:00Z';
         UPDATE segments SET markup = NULL;",
    )
    .unwrap();
    let out = succeed(site.tolkar().arg("sync"));
    let said = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(said.contains("0 changed, 5 unchanged"), "{said}");
    let (unstored, old_times): (i64, i64) = db
        .query_row(
            "SELECT (SELECT count(*) FROM segments WHERE obsolete = 0 AND markup IS NULL),
                    (SELECT count(*) FROM documents WHERE synced_at = '2020-01-01T00:00:00Z')",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(unstored, 0, "every live segment has its markup");
    assert_eq!(old_times, 5, "no posting counts as changed");
    let revision: i64 = db
        .query_row("SELECT min(parse_revision) FROM documents", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(revision, i64::from(tolkar::posting::PARSE_REVISION));
}
