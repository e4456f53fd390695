//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod generated;
pub mod history;
pub mod structure;

use std::path::{Path, PathBuf};

use assert_cmd::Command;

pub fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `../shared`, beside the repository.
pub fn shared() -> PathBuf {
    repo().parent().unwrap().join("shared")
}

pub fn corpus_dir() -> PathBuf {
    shared().join("corpus")
}

/// `../shared/corpus`, or `None` with one line on stderr when it is not
/// there (a checkout without it). In CI, `TOLKAR_REQUIRE_TOOLS=1` makes a
/// missing corpus a failure, as it does a missing tool (`have_tool`).
pub fn corpus_or_skip() -> Option<PathBuf> {
    let dir = corpus_dir();
    if dir.is_dir() {
        return Some(dir);
    }
    assert!(
        std::env::var_os("TOLKAR_REQUIRE_TOOLS").is_none(),
        "the corpus is required (TOLKAR_REQUIRE_TOOLS is set) but {} is missing",
        dir.display()
    );
    static SAID: std::sync::Once = std::sync::Once::new();
    // Written to stderr directly: the test harness captures `eprintln!`
    // of a passing test, and this should be seen.
    SAID.call_once(|| {
        use std::io::Write;
        let _ = writeln!(
            std::io::stderr(),
            "skipped: the tests that need the corpus (none at {})",
            dir.display()
        );
    });
    None
}

/// Every posting of the corpus (seed and site), sorted.
pub fn corpus_files() -> Vec<PathBuf> {
    fn walk_all(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk_all(&path, out);
            } else if path.extension().is_some_and(|e| e == "md" || e == "txt")
                && path.file_name().unwrap() != "README.md"
            {
                out.push(path);
            }
        }
    }
    let mut files = Vec::new();
    walk_all(&corpus_dir().join("seed"), &mut files);
    walk_all(&corpus_dir().join("site/content"), &mut files);
    files.sort();
    assert!(
        files.len() >= 70,
        "the corpus is where it should be: {}",
        files.len()
    );
    files
}

/// The rules of the example site, which match the corpus's shortcodes.
pub fn site_rules() -> tolkar::posting::Rules {
    tolkar::project::Project::load(&repo().join("examples/site"))
        .unwrap_or_else(|e| panic!("{e:?}"))
        .rules
}

/// A temporary project: the Swedish postings of the corpus site with the
/// example site's tolkar.toml, and no translations yet.
pub struct Project {
    pub dir: tempfile::TempDir,
}

impl Project {
    /// The corpus project, or `None` (said once) without ../shared.
    pub fn corpus_or_skip() -> Option<Project> {
        corpus_or_skip().map(|_| Project::corpus())
    }

    pub fn corpus() -> Project {
        let dir = tempfile::tempdir().unwrap();
        copy_tree(
            &shared().join("corpus/site/content/sv"),
            &dir.path().join("content/sv"),
        );
        std::fs::copy(
            repo().join("examples/site/tolkar.toml"),
            dir.path().join("tolkar.toml"),
        )
        .unwrap();
        Project { dir }
    }

    pub fn path(&self, relative: &str) -> PathBuf {
        self.dir.path().join(relative)
    }

    pub fn tolkar(&self) -> Command {
        tolkar_in(self.dir.path())
    }

    /// Every translation in the store, one line each.
    pub fn dump(&self) -> Vec<String> {
        let mut store = tolkar::store::Store::open(&self.path(".tolkar/tolkar.db")).unwrap();
        store.transaction(|tx| tx.translation_dump()).unwrap()
    }

    /// The source postings, relative to the project.
    pub fn postings(&self) -> Vec<String> {
        let mut files = Vec::new();
        walk(&self.path("content/sv"), &mut files);
        files
            .iter()
            .map(|p| {
                p.strip_prefix(self.dir.path())
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/")
            })
            .collect()
    }

    /// Translates every missing segment into `lang` (of the postings
    /// matching `doc`, if given) through a JSON export and import: each
    /// target is its source followed by ` [LANG]`.
    pub fn translate_all(&self, lang: &str, doc: Option<&str>) {
        let file = self.path(&format!("{lang}-all.json"));
        let mut export = self.tolkar();
        export.args(["export", "--lang", lang, "--format", "json"]);
        if let Some(doc) = doc {
            export.args(["--doc", doc]);
        }
        succeed(export.arg("-o").arg(&file));
        let mut json: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        for unit in json["units"].as_array_mut().unwrap() {
            let source = unit["source"].as_str().unwrap().to_string();
            unit["target"] = format!("{source} [{lang}]").into();
            unit["state"] = "translated".into();
        }
        std::fs::write(&file, serde_json::to_string(&json).unwrap()).unwrap();
        succeed(self.tolkar().arg("import").arg(&file));
    }

    /// Every unit of `lang` in every state (of the postings matching
    /// `doc`, if given), from a JSON export.
    pub fn units(&self, lang: &str, doc: Option<&str>) -> Vec<serde_json::Value> {
        let file = self.path(&format!("{lang}-units.json"));
        let mut export = self.tolkar();
        export.args([
            "export", "--lang", lang, "--format", "json", "--state", "all",
        ]);
        if let Some(doc) = doc {
            export.args(["--doc", doc]);
        }
        succeed(export.arg("-o").arg(&file));
        let mut json: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        match json["units"].take() {
            serde_json::Value::Array(units) => units,
            other => panic!("no units: {other}"),
        }
    }

    /// Appends to tolkar.toml.
    pub fn configure(&self, text: &str) {
        let path = self.path("tolkar.toml");
        let mut config = std::fs::read_to_string(&path).unwrap();
        config.push_str(text);
        std::fs::write(path, config).unwrap();
    }
}

/// A temporary copy of the example site as the repository ships it: no
/// store, no Norwegian postings, and none of the Danish or English ones a
/// build in the checkout may have added.
/// The example site's Swedish postings and configuration in a temporary
/// directory, with `extra` appended to its `tolkar.toml`.
pub fn example_sources(extra: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(
        &repo().join("examples/site/content/sv"),
        &dir.path().join("content/sv"),
    );
    let config = std::fs::read_to_string(repo().join("examples/site/tolkar.toml")).unwrap();
    std::fs::write(dir.path().join("tolkar.toml"), format!("{config}\n{extra}")).unwrap();
    dir
}

pub fn example_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let from = repo().join("examples/site");
    copy_tree(&from, dir.path());
    let _ = std::fs::remove_dir_all(dir.path().join(".tolkar"));
    let _ = std::fs::remove_dir_all(dir.path().join("content/nb"));
    for lang in ["da", "en"] {
        let built = dir.path().join("content").join(lang).join("career");
        for entry in std::fs::read_dir(built).unwrap() {
            let path = entry.unwrap().path();
            let shipped = from
                .join("content")
                .join(lang)
                .join("career")
                .join(path.file_name().unwrap());
            if !git_tracked(&shipped) {
                std::fs::remove_file(path).unwrap();
            }
        }
    }
    dir
}

fn git_tracked(path: &Path) -> bool {
    std::process::Command::new("git")
        .args(["ls-files", "--error-unmatch"])
        .arg(path)
        .current_dir(repo())
        .output()
        .is_ok_and(|o| o.status.success())
}

/// The binary, run in `dir` with English messages.
pub fn tolkar_in(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("tolkar").unwrap();
    cmd.arg("-C")
        .arg(dir)
        .env("LC_ALL", "C")
        .env_remove("LANG")
        .env_remove("LC_MESSAGES");
    cmd
}

/// Per language of `tolkar status --format json` in `dir` (or one, `lang`):
/// the language, its localized postings build manages (same and merged),
/// all its localized postings, and the managed share in percent.
pub fn managed_postings(dir: &Path, lang: Option<&str>) -> Vec<(String, u64, u64, f64)> {
    let mut cmd = tolkar_in(dir);
    cmd.args(["status", "--format", "json"]);
    if let Some(lang) = lang {
        cmd.args(["--lang", lang]);
    }
    let output = cmd.output().unwrap();
    let status: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    status
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            let count = |k: &str| l["postings"][k].as_u64().unwrap();
            let managed = count("same") + count("merged");
            (
                l["lang"].as_str().unwrap().to_string(),
                managed,
                managed + count("conflict") + count("unmanaged"),
                l["managed_percent"].as_f64().unwrap(),
            )
        })
        .collect()
}

pub fn stderr_of(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Runs `cmd`, asserts it succeeded, and returns its stderr.
pub fn succeed(cmd: &mut Command) -> String {
    let output = cmd.output().unwrap();
    assert!(
        output.status.success(),
        "{cmd:?} failed: {}",
        stderr_of(&output)
    );
    stderr_of(&output)
}

/// A copy of a corpus site (`site`, `glossary` or `docsy`) as its users
/// have it: Docsy's docs with the theme installed under themes/docsy.
pub fn site_copy(corpus: &Path, site: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    match site {
        "docsy" => {
            copy_tree(&corpus.join("docsy/docsy.dev"), dir.path());
            copy_tree(
                &corpus.join("docsy/theme/layouts"),
                &dir.path().join("themes/docsy/layouts"),
            );
        }
        other => copy_tree(&corpus.join(other), dir.path()),
    }
    dir
}

pub fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            walk(&path, out);
        } else if path.extension().is_some_and(|e| e == "md") {
            out.push(path);
        }
    }
}

/// Whether `program` can be run (for tests of other tools' views of our
/// files). In CI, `TOLKAR_REQUIRE_TOOLS=1` makes a missing one a failure.
pub fn have_tool(program: &str, probe: &[&str]) -> bool {
    let found = std::process::Command::new(program)
        .args(probe)
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var_os("TOLKAR_REQUIRE_TOOLS").is_none(),
            "{program} is required (TOLKAR_REQUIRE_TOOLS is set) but cannot be run"
        );
        eprintln!("skipped: {program} is not installed");
    }
    found
}
