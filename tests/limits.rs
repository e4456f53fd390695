//! Limits instead of crashes (issue 13): one input (a huge posting, a
//! translation with control characters or a stray placeholder) is refused
//! with a message naming it; it never takes the memory of the machine,
//! stores something tolkar cannot read back, or reaches a terminal raw.
//! A translate command that floods its output and deeply nested postings
//! are in the reliability suite, `tests/reliability.rs`.

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::{stderr_of, succeed, tolkar_in};
use tolkar::exchange::State;
use tolkar::store::Origin;

const INDEX: &str = "content/sv/career/_index.md";
const CFO: &str = "content/sv/career/cfo.md";

use common::example_sources as site;

/// `status --format json` of one language: (translated, missing).
fn counts(dir: &Path, lang: &str) -> (u64, u64) {
    let output = tolkar_in(dir)
        .args(["status", "--lang", lang, "--format", "json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    (
        json[0]["translated"].as_u64().unwrap(),
        json[0]["missing"].as_u64().unwrap(),
    )
}

/// Runs `cmd`, asserts exit status 2, and returns its stderr.
#[track_caller]
fn fail(cmd: &mut assert_cmd::Command) -> String {
    let output = cmd.output().unwrap();
    let stderr = stderr_of(&output);
    assert_eq!(output.status.code(), Some(2), "{cmd:?}: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    stderr
}

// --- [limits] posting_size ---------------------------------------------

/// A posting over the limit is refused by its size, named, and the others
/// synced and built; what was stored for it stays.
#[test]
fn a_posting_over_the_size_limit_is_refused_and_the_others_go_on() {
    let dir = site("[limits]\nposting_size = \"6 kB\"\n");
    let big = "content/sv/career/2024-09-software-engineer-integrations.md";
    // Stored while it was small: 7.2 kB now, over 6 kB.
    let text = std::fs::read_to_string(dir.path().join(big)).unwrap();
    std::fs::write(dir.path().join(big), &text[..5000]).unwrap();
    succeed(tolkar_in(dir.path()).arg("sync"));
    let (_, missing_before) = counts(dir.path(), "da");
    std::fs::write(dir.path().join(big), &text).unwrap();

    let stderr = fail(tolkar_in(dir.path()).arg("sync"));
    assert!(
        stderr.contains(&format!(
            "{big} is 7.2 kB, more than a posting may be (6 kB, [limits] posting_size in tolkar.toml); it was not read"
        )),
        "{stderr}"
    );
    // Kept as stored, like any posting sync cannot read.
    assert_eq!(counts(dir.path(), "da").1, missing_before);

    // Build writes every other posting, and not this one; exit 2.
    let stderr = fail(tolkar_in(dir.path()).args(["build", "--lang", "da"]));
    assert!(stderr.contains(big), "{stderr}");
    assert!(dir.path().join("content/da/career/cfo.md").is_file());
    assert!(
        !dir.path()
            .join("content/da/career/2024-09-software-engineer-integrations.md")
            .exists()
    );
    // In the reader's language too.
    let stderr = fail(tolkar_in(dir.path()).args(["--ui-lang", "sv", "sync"]));
    assert!(
        stderr.contains("är 7.2 kB, mer än ett inlägg får vara (6 kB"),
        "{stderr}"
    );
}

/// The size comes from the file system: a posting of 8 GB (sparse, so the
/// test takes no disk) is refused at once, not read into memory first.
#[test]
fn a_huge_posting_is_refused_before_it_is_read() {
    let dir = site("");
    let path = dir.path().join("content/sv/career/huge.md");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(8 << 30).unwrap();
    drop(file);
    let started = Instant::now();
    let stderr = fail(tolkar_in(dir.path()).arg("sync"));
    assert!(
        started.elapsed() < Duration::from_secs(30),
        "{:?}",
        started.elapsed()
    );
    assert!(
        stderr.contains("content/sv/career/huge.md is 8 GiB, more than a posting may be (10 MB"),
        "{stderr}"
    );
    // The other postings were synced.
    assert_eq!(counts(dir.path(), "da").1, 216);
}

/// issue13-ux: `extract` and `pseudo` read the one posting named whatever
/// its size, into memory; a sparse 8 GB file is now refused at once, and
/// inside a project by the project's limit.
#[test]
fn extract_and_pseudo_refuse_a_huge_posting_before_reading_it() {
    let dir = site("");
    let file = std::fs::File::create(dir.path().join("huge.md")).unwrap();
    file.set_len(8 << 30).unwrap();
    drop(file);
    for command in ["extract", "pseudo"] {
        let stderr = fail(tolkar_in(dir.path()).args([command, "huge.md"]));
        assert!(
            stderr.contains("huge.md is 8 GiB, more than a posting may be (10 MB"),
            "{command}: {stderr}"
        );
    }
    let dir = site("[limits]\nposting_size = \"1 kB\"\n");
    let stderr = fail(tolkar_in(dir.path()).args(["pseudo", CFO]));
    assert!(
        stderr.contains(&format!("{CFO} is ")) && stderr.contains("(1 kB, [limits] posting_size"),
        "{stderr}"
    );
}

/// issue13-ux: build read a localized posting with edits of its own into
/// memory to merge with, whatever its size. One that has grown past the
/// limit is left alone, not read, and named; the others are built.
#[test]
fn build_leaves_a_huge_localized_posting_unread() {
    let dir = site("[limits]\nposting_size = \"1 MB\"\n");
    succeed(tolkar_in(dir.path()).args(["build", "--lang", "da"]));
    let localized = dir.path().join("content/da/career/cfo.md");
    let other = dir.path().join("content/da/career/_index.md");
    let file = std::fs::OpenOptions::new()
        .write(true)
        .open(&localized)
        .unwrap();
    file.set_len(50_000_000).unwrap();
    drop(file);
    std::fs::remove_file(&other).unwrap();
    let stderr = succeed(tolkar_in(dir.path()).args(["build", "--lang", "da"]));
    assert!(
        stderr.contains(
            "content/da/career/cfo.md: not written: the file has edits of its own and is 50 MB, \
             more than a posting may be (1 MB, [limits] posting_size in tolkar.toml); it was not \
             read. --force overwrites it."
        ),
        "{stderr}"
    );
    assert_eq!(std::fs::metadata(&localized).unwrap().len(), 50_000_000);
    assert!(other.is_file(), "the others are built");
    // merge --explain will not read it either.
    let stderr =
        fail(tolkar_in(dir.path()).args(["merge", "--explain", "content/da/career/cfo.md"]));
    assert!(
        stderr.contains("cfo.md is 50 MB, more than a posting may be (1 MB"),
        "{stderr}"
    );
    // --force writes build's output over it.
    succeed(tolkar_in(dir.path()).args(["build", "--lang", "da", "--force"]));
    assert!(std::fs::metadata(&localized).unwrap().len() < 1_000_000);
}

#[test]
fn a_limit_that_is_no_size_is_a_configuration_error() {
    let dir = site("[limits]\nposting_size = \"lots\"\n");
    let config = std::fs::read_to_string(dir.path().join("tolkar.toml")).unwrap();
    let line = config.lines().position(|l| l.contains("lots")).unwrap() + 1;
    let stderr = fail(tolkar_in(dir.path()).arg("sync"));
    assert!(
        stderr.contains(&format!("tolkar.toml:{line}:16: invalid configuration")),
        "{stderr}"
    );
    assert!(
        stderr.contains("\"lots\"") && stderr.contains("a size above 0"),
        "{stderr}"
    );
    // Zero is no size either: it would refuse every posting.
    let dir = site("[limits]\nposting_size = 0\n");
    let stderr = fail(tolkar_in(dir.path()).arg("sync"));
    assert!(stderr.contains("a size above 0"), "{stderr}");
}

// --- [limits] translate_line, translate_output ---------------------------

/// Answers under the caps are stored as before.
#[test]
fn a_translate_command_within_the_caps_is_heard() {
    let dir = site("[limits]\ntranslate_output = \"200 kB\"\ntranslate_line = \"1 kB\"\n");
    let stderr = succeed(tolkar_in(dir.path()).args([
        "translate",
        "--lang",
        "da",
        "--doc",
        INDEX,
        "--command",
        "cat",
    ]));
    assert!(
        stderr.contains("Machine translation: 20 stored"),
        "{stderr}"
    );
}

// --- Control characters and placeholders in translations ----------------

/// Exports `doc` for `lang` in `format` to `name` in `dir`.
fn export(dir: &Path, lang: &str, format: &str, doc: &str, name: &str) -> PathBuf {
    let path = dir.join(name);
    succeed(tolkar_in(dir).args([
        "export",
        "--lang",
        lang,
        "--format",
        format,
        "--doc",
        doc,
        "-o",
        path.to_str().unwrap(),
    ]));
    path
}

/// Gives the unit whose source is `source` the target `target` in an
/// exported file of `format` (unescaped as the format needs).
fn translate_in(format: &str, text: &str, source: &str, target: &str) -> String {
    let replaced = match format {
        "po" => text.replacen(
            &format!("msgid \"{source}\"\nmsgstr \"\""),
            &format!("msgid \"{source}\"\nmsgstr \"{target}\""),
            1,
        ),
        "xliff2" | "xliff12" => text.replacen(
            &format!("<source>{source}</source>"),
            &format!("<source>{source}</source>\n<target>{target}</target>"),
            1,
        ),
        "csv" => text.replacen(
            &format!(",missing,{source},,"),
            &format!(",missing,{source},{target},"),
            1,
        ),
        "json" => text.replacen(
            &format!("\"source\": \"{source}\",\n      \"target\": null"),
            &format!(
                "\"source\": \"{source}\",\n      \"target\": {}",
                serde_json::to_string(target).unwrap()
            ),
            1,
        ),
        _ => unreachable!(),
    };
    assert_ne!(replaced, text, "{format}: no unit {source}");
    replaced
}

const FORMATS: [&str; 5] = ["xliff2", "xliff12", "po", "csv", "json"];

/// In every format, a control character in a translation is refused with
/// the file, the unit's line and id; nothing of the file is stored, and
/// with --partial everything but that unit is.
#[test]
fn imports_refuse_control_characters_in_every_format() {
    let dir = site("");
    for format in FORMATS {
        let file = export(dir.path(), "da", format, INDEX, &format!("da.{format}"));
        let text = std::fs::read_to_string(&file).unwrap();
        let text = translate_in(
            format,
            &text,
            "Arbeta på Safespring",
            "Arbejd\u{1b}[31m hos os",
        );
        let text = translate_in(format, &text, "Kundframgångsteamet", "Kundesuccesteamet");
        std::fs::write(&file, &text).unwrap();
        let line = text
            .lines()
            .position(|l| l.contains("fm:Title"))
            .map(|i| i + 1)
            .unwrap();

        let stderr = fail(tolkar_in(dir.path()).arg("import").arg(&file));
        let id = format!("{INDEX}#fm:Title");
        let said = stderr
            .lines()
            .find(|l| l.contains(&id))
            .unwrap_or_else(|| panic!("{format}: {stderr}"));
        assert!(
            said.ends_with(
                ": refused: the translation has the control character U+001B (character 7); only tab and newline may be in a translation"
            ),
            "{format}: {said}"
        );
        // The file and the unit's line in it (XLIFF: its <unit>, a line or
        // so before its id's `original`; the others: the id's own line).
        let at: usize = said
            .strip_prefix(&format!("{}:", file.display()))
            .and_then(|rest| rest.split(':').next())
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("{format}: {said}"));
        assert!(at.abs_diff(line) <= 2, "{format}: line {at}, id on {line}");
        assert!(stderr.contains("Nothing was stored"), "{stderr}");
        assert_eq!(counts(dir.path(), "da").0, 0, "{format}");

        let stderr = fail(
            tolkar_in(dir.path())
                .args(["import", "--partial"])
                .arg(&file),
        );
        assert!(stderr.contains("1 new,"), "{format}: {stderr}");
        assert!(counts(dir.path(), "da").0 >= 1, "{format}");
        // Back to nothing stored, for the next format.
        std::fs::remove_dir_all(dir.path().join(".tolkar")).unwrap();
    }
}

/// Tab and newline are layout, and pass.
#[test]
fn tab_and_newline_pass() {
    let dir = site("");
    let file = export(dir.path(), "da", "json", INDEX, "da.json");
    let text = std::fs::read_to_string(&file).unwrap();
    let text = translate_in("json", &text, "Arbeta på Safespring", "Arbejd\thos\nos");
    std::fs::write(&file, text).unwrap();
    let stderr = succeed(tolkar_in(dir.path()).arg("import").arg(&file));
    assert!(stderr.contains("1 new,"), "{stderr}");
}

/// A machine answer is checked as an import is: with a control character
/// it is refused and not stored.
#[test]
fn machine_answers_with_control_characters_are_refused() {
    let dir = site("");
    // Answers every request with its own text, an escape sequence first.
    let command = r#"sed 's/"text":"/"text":"\\u001b[31m/'"#;
    let stderr = fail(tolkar_in(dir.path()).args([
        "translate",
        "--lang",
        "da",
        "--doc",
        INDEX,
        "--command",
        command,
    ]));
    assert!(
        stderr.contains(&format!(
            "{INDEX}#fm:Title: machine translation refused: the translation has the control character U+001B (character 1)"
        )),
        "{stderr}"
    );
    assert!(stderr.contains("0 stored"), "{stderr}");
    assert_eq!(counts(dir.path(), "da").0, 0);
}

/// The issue's answer `Produktutvecklingsteam <99/>` for a front-matter
/// value used to be stored and built into the title; it is refused in a
/// front-matter value and a shortcode parameter as in a paragraph, from
/// the translate command and from an import alike.
#[test]
fn a_stray_placeholder_is_refused_in_every_kind_of_segment() {
    let dir = site("");
    // Every answer is its request's text with ` <99/>` after it.
    let command = r#"sed 's/","context"/ <99\/>","context"/'"#;
    let stderr = fail(tolkar_in(dir.path()).args([
        "translate",
        "--lang",
        "da",
        "--doc",
        INDEX,
        "--command",
        command,
    ]));
    for key in ["fm:Title", "sc:accordion[1].title", "body:p[1]"] {
        assert!(
            stderr.contains(&format!(
                "{INDEX}#{key}: machine translation refused: placeholder <99/> is not in the source"
            )),
            "{key}: {stderr}"
        );
    }
    assert!(stderr.contains("0 stored"), "{stderr}");
    assert_eq!(counts(dir.path(), "da").0, 0);

    // From a file: `</3>` in a title.
    let file = export(dir.path(), "da", "po", INDEX, "da.po");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        translate_in("po", &text, "Arbeta på Safespring", "Arbejd hos os</3>"),
    )
    .unwrap();
    let stderr = fail(tolkar_in(dir.path()).arg("import").arg(&file));
    assert!(
        stderr.contains(&format!(
            "{INDEX}#fm:Title: refused: placeholder </3> is not in the source"
        )),
        "{stderr}"
    );
    assert_eq!(counts(dir.path(), "da").0, 0);
    // And from an editor.
    let stderr = fail(tolkar_in(dir.path()).args([
        "review",
        "set",
        "--lang",
        "da",
        &format!("{INDEX}#fm:Title"),
        "Arbejd hos os <99/>",
    ]));
    assert!(
        stderr.contains("placeholder <99/> is not in the source"),
        "{stderr}"
    );
    let stderr = fail(tolkar_in(dir.path()).args([
        "review",
        "set",
        "--lang",
        "da",
        &format!("{INDEX}#fm:Title"),
        "Arbejd\u{7} hos os",
    ]));
    assert!(
        stderr.contains("the new text has the control character U+0007 (character 7)"),
        "{stderr}"
    );
    assert_eq!(counts(dir.path(), "da").0, 0);
}

// --- Text from users' files in messages (issue13-ux) --------------------

/// Asserts that `said` has no control character but newline: what a file
/// held is shown as escapes.
#[track_caller]
fn nothing_raw(said: &str) {
    assert!(
        !said.contains(|c: char| c.is_control() && c != '\n'),
        "{said:?}"
    );
}

/// Issue 13: import printed a unit id as the file had it, so an id with
/// `\u{1b}[2J` cleared the translator's screen; a language from the
/// file's header reached the terminal raw too.
#[test]
fn import_shows_ids_and_languages_from_the_file_as_escapes() {
    let dir = site("");
    let file = export(dir.path(), "da", "po", CFO, "da.po");
    let text = std::fs::read_to_string(&file).unwrap();
    let hostile = text.replacen(
        &format!("msgctxt \"{CFO}#fm:Title\"\nmsgid \"Finanschef (CFO)\"\nmsgstr \"\""),
        &format!(
            "msgctxt \"{CFO}#fm:Title\u{1b}[2J\"\nmsgid \"Finanschef (CFO)\"\nmsgstr \"Finanschef\""
        ),
        1,
    );
    assert_ne!(hostile, text);
    std::fs::write(&file, &hostile).unwrap();
    let stderr = fail(tolkar_in(dir.path()).arg("import").arg(&file));
    assert!(
        stderr.contains(&format!(
            "{CFO}#fm:Title\\u{{1b}}[2J: refused: no such segment"
        )),
        "{stderr}"
    );
    nothing_raw(&stderr);

    let hostile = text.replacen("\"Language: da\\n\"", "\"Language: d\u{1b}[31ma\\n\"", 1);
    assert_ne!(hostile, text);
    std::fs::write(&file, &hostile).unwrap();
    let stderr = fail(tolkar_in(dir.path()).arg("import").arg(&file));
    assert!(stderr.contains("d\\u{1b}[31ma"), "{stderr}");
    nothing_raw(&stderr);
}

/// The committed state is imported too (a teammate's commit, a hand
/// edit): a translation with a control character its source lacks is
/// refused there as import refuses it, naming the file, line and key,
/// and nothing is stored.
#[test]
fn a_state_file_with_a_control_character_is_refused_with_its_line() {
    let dir = site("");
    succeed(tolkar_in(dir.path()).args([
        "review",
        "set",
        "--lang",
        "da",
        &format!("{CFO}#fm:Title"),
        "Finanschef",
    ]));
    let state = dir
        .path()
        .join(".tolkar/state/da")
        .join(format!("{CFO}.po"));
    let text = std::fs::read_to_string(&state).unwrap();
    let line = text
        .lines()
        .position(|l| l == "msgstr \"Finanschef\"")
        .unwrap()
        + 1;
    let hostile = text
        .replacen("msgctxt \"fm:Title\"", "msgctxt \"fm:Title\u{1b}[2J\"", 1)
        .replacen(
            "msgstr \"Finanschef\"",
            "msgstr \"Finans\u{1b}[31mchef\"",
            1,
        );
    std::fs::write(&state, hostile).unwrap();
    // As a fresh clone reads it: no store yet.
    std::fs::remove_file(dir.path().join(".tolkar/tolkar.db")).unwrap();
    let stderr = fail(tolkar_in(dir.path()).args(["status"]));
    assert!(
        stderr.contains(&format!(
            "/{CFO}.po:{line}: the translation of fm:Title\\u{{1b}}[2J has the control \
             character U+001B (character 7); only tab and newline may be in a translation"
        )),
        "{stderr}"
    );
    assert!(stderr.contains("Nothing was stored."), "{stderr}");
    nothing_raw(&stderr);
    // Tab and newline, and the source's own, pass.
    std::fs::write(
        &state,
        text.replacen("msgstr \"Finanschef\"", "msgstr \"Finans\\tchef\"", 1),
    )
    .unwrap();
    succeed(tolkar_in(dir.path()).args(["status"]));
}

// --- stale and review on a terminal --------------------------------------

/// A site with one stale translation for da whose text, source and key
/// carry control characters (stored by hand, as an older tolkar let in).
fn stale_with_control_characters() -> tempfile::TempDir {
    let dir = site("");
    succeed(tolkar_in(dir.path()).arg("sync"));
    let mut store = tolkar::store::Store::open(&dir.path().join(".tolkar/tolkar.db")).unwrap();
    let stored = store
        .transaction(|tx| {
            tx.put_translation(
                CFO,
                "fm:Title",
                "da",
                "Finans\u{1b}[2J\u{1b}[31mchef\r(CFO)\u{0}",
                State::Translated,
                &Origin::ReviewSet,
            )
        })
        .unwrap();
    assert!(stored);
    drop(store);
    let path = dir.path().join(CFO);
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replacen("Finanschef (CFO)", "Finanschef (CFO) sökes", 1),
    )
    .unwrap();
    dir
}

/// The translation of `stale_with_control_characters`, its control
/// characters as escapes, and nothing raw.
#[track_caller]
fn shows_the_translation_escaped(stdout: &str) {
    assert!(
        stdout.contains("translation: Finans\\u{1b}[2J\\u{1b}[31mchef\\u{d}(CFO)\\u{0}"),
        "{stdout}"
    );
    assert!(
        !stdout.contains(|c: char| c.is_control() && c != '\n'),
        "{stdout:?}"
    );
}

#[test]
fn stale_shows_control_characters_as_escapes() {
    let dir = stale_with_control_characters();
    let output = tolkar_in(dir.path())
        .args(["stale", "--lang", "da"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    shows_the_translation_escaped(&String::from_utf8(output.stdout).unwrap());
    // JSON keeps the data exact.
    let output = tolkar_in(dir.path())
        .args(["stale", "--lang", "da", "--format", "json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        json[0]["segments"][0]["translation"],
        "Finans\u{1b}[2J\u{1b}[31mchef\r(CFO)\u{0}"
    );
}

#[test]
fn review_step_shows_control_characters_as_escapes() {
    let dir = stale_with_control_characters();
    let output = tolkar_in(dir.path())
        .args(["review", "step", "--lang", "da"])
        .write_stdin("s\n")
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    shows_the_translation_escaped(&String::from_utf8(output.stdout).unwrap());
}
