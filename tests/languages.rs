//! Language codes in any spelling (issue 13): `NB`, `nb_NO` and `nb-no`
//! all name the project's `nb-NO`, wherever a code comes in (an exchange
//! file, `--lang`, the keys of `[content_dirs]`), and what is stored and
//! written is under the project's spelling.

mod common;

use std::path::Path;

use common::{succeed, tolkar_in};

const CFO: &str = "content/sv/career/cfo.md";

/// The example site's Swedish postings, translated into `en`, `da` and
/// `nb-NO`, with `extra` appended to its `tolkar.toml`.
fn site(extra: &str) -> tempfile::TempDir {
    let dir = common::example_sources(extra);
    let path = dir.path().join("tolkar.toml");
    let config = std::fs::read_to_string(&path).unwrap().replacen(
        "target_languages = [\"en\", \"da\", \"nb\"]",
        "target_languages = [\"en\", \"da\", \"nb-NO\"]",
        1,
    );
    assert!(config.contains("\"nb-NO\""));
    std::fs::write(path, config).unwrap();
    dir
}

/// The languages that have a state directory.
fn state_languages(dir: &Path) -> Vec<String> {
    let mut langs: Vec<String> = std::fs::read_dir(dir.join(".tolkar/state"))
        .map(|entries| {
            entries
                .map(|e| e.unwrap())
                .filter(|e| e.file_type().unwrap().is_dir())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    langs.sort();
    langs
}

/// Translated segments of nb-NO, as `status` counts them.
fn translated(dir: &Path) -> u64 {
    let output = tolkar_in(dir)
        .args(["status", "--lang", "nb-NO", "--format", "json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json[0]["lang"], "nb-NO");
    json[0]["translated"].as_u64().unwrap()
}

/// A PO export of the CFO posting for nb-NO, with the title translated
/// and the header's language written as `header`.
fn po_with_language(dir: &Path, header: &str) -> std::path::PathBuf {
    let path = dir.join("nb.po");
    succeed(tolkar_in(dir).args([
        "export", "--lang", "nb_no", "--format", "po", "--doc", CFO, "-o", "nb.po",
    ]));
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("\"Language: nb-NO\\n\""), "{text}");
    let text = text
        .replacen(
            "\"Language: nb-NO\\n\"",
            &format!("\"Language: {header}\\n\""),
            1,
        )
        .replacen(
            "msgid \"Finanschef (CFO)\"\nmsgstr \"\"",
            "msgid \"Finanschef (CFO)\"\nmsgstr \"Finanssjef (CFO)\"",
            1,
        );
    std::fs::write(&path, text).unwrap();
    path
}

/// The language a translator's tool writes (`NB_no`, `nb`) is the
/// project's `nb-NO`: the translations are stored, and written to the
/// state, under `nb-NO` and nothing else.
#[test]
fn an_import_file_names_the_language_in_any_spelling() {
    for header in ["NB_no", "nb", "nb-no", "NB"] {
        let dir = site("");
        let file = po_with_language(dir.path(), header);
        let stderr = succeed(tolkar_in(dir.path()).arg("import").arg(&file));
        assert!(stderr.contains("Import: 1 new,"), "{header}: {stderr}");
        assert_eq!(translated(dir.path()), 1, "{header}");
        assert_eq!(state_languages(dir.path()), ["nb-NO"], "{header}");
    }
}

/// `import --lang NB` stored the translations under `NB`, a language the
/// project does not have: status counted nothing for `nb-NO`.
#[test]
fn import_lang_in_any_spelling_stores_under_the_projects() {
    for given in ["NB", "nb_no", "nb"] {
        let dir = site("");
        let file = po_with_language(dir.path(), "nb-NO");
        let stderr = succeed(
            tolkar_in(dir.path())
                .args(["import", "--lang", given])
                .arg(&file),
        );
        assert!(stderr.contains("Import: 1 new,"), "{given}: {stderr}");
        assert_eq!(translated(dir.path()), 1, "{given}");
        assert_eq!(state_languages(dir.path()), ["nb-NO"], "{given}");
    }
    // A file for another language is still refused.
    let dir = site("");
    let file = po_with_language(dir.path(), "da");
    let output = tolkar_in(dir.path())
        .args(["import", "--lang", "NB"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        common::stderr_of(&output).contains("is for language da, not NB"),
        "{}",
        common::stderr_of(&output)
    );
}

/// A `[content_dirs]` key and `build --lang` in other spellings: the
/// Norwegian postings go to the directory configured for `nb-NO`.
#[test]
fn content_dirs_keys_and_build_lang_in_any_spelling() {
    let dir = site("[content_dirs]\nNB_no = \"content/norsk\"\n");
    let stderr = succeed(tolkar_in(dir.path()).args(["build", "--lang", "nb"]));
    assert!(
        dir.path().join("content/norsk/career/cfo.md").is_file(),
        "{stderr}"
    );
    assert!(!dir.path().join("content/nb-NO").exists(), "{stderr}");
    // Its exact spelling wins over another.
    let dir = site("[content_dirs]\nnb-NO = \"content/nb\"\nNB_no = \"content/norsk\"\n");
    succeed(tolkar_in(dir.path()).args(["build", "--lang", "NB"]));
    assert!(dir.path().join("content/nb/career/cfo.md").is_file());
    assert!(!dir.path().join("content/norsk").exists());
}
