//! Export, import and machine translation as translators use them: files
//! edited by a program outside tolkar, damaged files, and a
//! machine-translation command that behaves and misbehaves.

mod common;

use std::path::{Path, PathBuf};

use common::structure::{Structure, structure};
use common::{Project, have_tool, repo, stderr_of, succeed};
use tolkar::posting::Rules;

const FORMATS: [&str; 5] = ["xliff2", "xliff12", "po", "csv", "json"];

fn rules(project: &Project) -> Rules {
    tolkar::project::Project::load(project.dir.path())
        .unwrap()
        .rules
}

/// Runs a Python tool from tests/tools; false if Python (or polib, for
/// PO) is missing and the tools are not required.
fn python(script: &str, args: &[&std::ffi::OsStr], needs_polib: bool) -> bool {
    if !have_tool("python3", &["--version"]) {
        return false;
    }
    if needs_polib && !have_tool("python3", &["-c", "import polib"]) {
        return false;
    }
    let status = std::process::Command::new("python3")
        .arg(repo().join("tests/tools").join(script))
        .args(args)
        .status()
        .unwrap();
    assert!(status.success(), "{script} failed");
    true
}

fn export(project: &Project, lang: &str, format: &str, states: &str) -> PathBuf {
    let file = project.path(&format!("{lang}-{format}.{}", extension(format)));
    succeed(
        project
            .tolkar()
            .args([
                "export", "--lang", lang, "--format", format, "--state", states, "-o",
            ])
            .arg(&file),
    );
    file
}

fn extension(format: &str) -> &str {
    match format {
        "xliff2" | "xliff12" => "xlf",
        other => other,
    }
}

/// Shortcodes and link targets as sets: a translator may move them
/// within a segment.
fn unordered(mut s: Structure) -> Structure {
    s.shortcodes.sort();
    s.targets.sort();
    s.code.sort();
    s
}

fn missing(project: &Project, lang: &str) -> u64 {
    let output = project
        .tolkar()
        .args(["status", "--lang", lang, "--format", "json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    json[0]["missing"].as_u64().unwrap() + json[0]["stale"].as_u64().unwrap()
}

#[test]
fn an_outside_translator_round_trips_every_format_over_the_corpus() {
    if common::corpus_or_skip().is_none() {
        return;
    }
    for format in FORMATS {
        let project = Project::corpus();
        let file = export(&project, "nb", format, "missing,stale");
        if !python(
            "translator.py",
            &[format.as_ref(), file.as_os_str()],
            format == "po",
        ) {
            continue;
        }
        let first = succeed(project.tolkar().arg("import").arg(&file));
        assert!(first.contains(" 0 refused"), "{format}: {first}");
        assert_eq!(missing(&project, "nb"), 0, "{format}: {first}");
        let again = succeed(project.tolkar().arg("import").arg(&file));
        assert!(
            again.contains("Import: 0 new, 0 updated,") && again.contains(" 0 stale,"),
            "{format}: importing twice changed something: {again}"
        );
        succeed(project.tolkar().args(["build", "--lang", "nb"]));
        let rules = rules(&project);
        for posting in project.postings() {
            let source = std::fs::read_to_string(project.path(&posting)).unwrap();
            let built_path = project.path(&posting.replacen("content/sv/", "content/nb/", 1));
            let built = std::fs::read_to_string(&built_path)
                .unwrap_or_else(|e| panic!("{format}: {}: {e}", built_path.display()));
            assert!(built.contains('á'), "{format}: {posting} is not translated");
            let mut before = structure(&source, &rules);
            if let Some(lang) = before.front_matter.get_mut("language") {
                *lang = "nb".into();
            }
            assert_eq!(
                unordered(before),
                unordered(structure(&built, &rules)),
                "{format}: {posting}"
            );
        }
    }
}

/// A project with the seed posting (Danish) and translations in every
/// state, one of them stale.
fn seed_project() -> Project {
    let project = Project::corpus();
    std::fs::remove_dir_all(project.path("content/sv")).unwrap();
    let seed = common::shared().join("corpus/seed/000_edf68feba42cc7db.txt");
    std::fs::create_dir_all(project.path("content/da")).unwrap();
    std::fs::copy(&seed, project.path("content/da/seed.md")).unwrap();
    let config = std::fs::read_to_string(project.path("tolkar.toml"))
        .unwrap()
        .replace("source_language = \"sv\"", "source_language = \"da\"")
        .replace(
            "target_languages = [\"en\", \"da\", \"nb\"]",
            "target_languages = [\"sv\", \"en\"]",
        );
    std::fs::write(project.path("tolkar.toml"), config).unwrap();
    let file = export(&project, "sv", "json", "missing");
    let mut json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let states = ["translated", "reviewed", "machine", "draft", ""];
    for (i, unit) in json["units"].as_array_mut().unwrap().iter_mut().enumerate() {
        let state = states[i % states.len()];
        if !state.is_empty() {
            let source = unit["source"].as_str().unwrap().to_string();
            unit["target"] = format!("{source} (sv)").into();
            unit["state"] = state.into();
        }
    }
    std::fs::write(&file, serde_json::to_string(&json).unwrap()).unwrap();
    succeed(project.tolkar().arg("import").arg(&file));
    // The source changes under a translation: it goes stale.
    let path = project.path("content/da/seed.md");
    let text = std::fs::read_to_string(&path).unwrap();
    let changed = text.replacen(
        "Arbejd med infrastruktur",
        "Arbejd med vores infrastruktur",
        1,
    );
    assert_ne!(text, changed);
    std::fs::write(&path, changed).unwrap();
    succeed(project.tolkar().arg("sync"));
    project
}

#[test]
fn importing_an_unchanged_export_changes_nothing_in_any_format() {
    if common::corpus_or_skip().is_none() {
        return;
    }
    let project = seed_project();
    let before = project.dump();
    assert!(before.len() > 10);
    for format in FORMATS {
        let file = export(&project, "sv", format, "all");
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(text.contains("Arbejd med vores infrastruktur"), "{format}");
        assert!(
            text.contains("Arbejd med infrastruktur"),
            "{format}: the previous source of the stale unit is missing"
        );
        let report = succeed(project.tolkar().arg("import").arg(&file));
        assert!(
            report.contains("Import: 0 new, 0 updated,") && report.contains(" 0 stale,"),
            "{format}: {report}"
        );
        assert_eq!(project.dump(), before, "{format} changed the store");
    }
}

#[test]
fn pseudo_translations_of_the_seed_build_intact_in_every_format() {
    if common::corpus_or_skip().is_none() {
        return;
    }
    for format in FORMATS {
        let project = seed_project();
        let file = export(&project, "sv", format, "all");
        if !python(
            "translator.py",
            &[format.as_ref(), file.as_os_str()],
            format == "po",
        ) {
            continue;
        }
        let report = succeed(project.tolkar().arg("import").arg(&file));
        assert!(report.contains(" 0 refused"), "{format}: {report}");
        assert_eq!(missing(&project, "sv"), 0, "{format}: {report}");
        succeed(project.tolkar().args(["build", "--lang", "sv"]));
        let source = std::fs::read_to_string(project.path("content/da/seed.md")).unwrap();
        let built = std::fs::read_to_string(project.path("content/sv/seed.md")).unwrap();
        assert!(
            built.contains("Árbéjd"),
            "{format}: not translated:\n{built}"
        );
        let rules = rules(&project);
        let mut before = structure(&source, &rules);
        if let Some(lang) = before.front_matter.get_mut("language") {
            *lang = "sv".into();
        }
        assert_eq!(
            unordered(before),
            unordered(structure(&built, &rules)),
            "{format}"
        );
    }
}

#[test]
fn exports_carry_context_state_and_memory_matches() {
    if common::corpus_or_skip().is_none() {
        return;
    }
    let project = seed_project();
    let file = export(&project, "sv", "json", "missing,stale");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let units = json["units"].as_array().unwrap();
    assert!(units.iter().all(|u| {
        let state = u["state"].as_str().unwrap();
        state == "missing" || state == "stale"
    }));
    let stale = units
        .iter()
        .find(|u| u["state"] == "stale")
        .expect("a stale unit");
    assert!(
        stale["previous_source"]
            .as_str()
            .unwrap()
            .contains("Arbejd med infrastruktur")
    );
    assert!(stale["target"].as_str().unwrap().ends_with("(sv)"));
    assert!(
        stale["id"]
            .as_str()
            .unwrap()
            .starts_with("content/da/seed.md#")
    );
    assert!(stale["line"].as_u64().unwrap() > 0);
    // The stale unit's old translation is a fuzzy match for it elsewhere?
    // Not for itself: its own translation is the previous version.
    for unit in units {
        for s in unit["suggestions"].as_array().unwrap() {
            assert!(s["score"].as_f64().unwrap() >= 75.0);
            assert_ne!(s["origin"], unit["id"]);
        }
    }
}

/// A file damaged by `damage`, imported: refused with exit status 2, a
/// message naming `expect`, and the store unchanged.
fn assert_refused(project: &Project, file: &Path, extra: &[&str], expect: &str) {
    let before = project.dump();
    let output = project
        .tolkar()
        .arg("import")
        .arg(file)
        .args(extra)
        .output()
        .unwrap();
    let stderr = stderr_of(&output);
    assert_eq!(
        output.status.code(),
        Some(2),
        "{}: {stderr}",
        file.display()
    );
    assert!(
        stderr.contains(expect),
        "{}: expected {expect:?} in: {stderr}",
        file.display()
    );
    assert_eq!(
        project.dump(),
        before,
        "{}: the store changed",
        file.display()
    );
}

fn damaged(project: &Project, name: &str, text: &str) -> PathBuf {
    let path = project.path(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn damaged_files_are_refused_and_leave_the_store_alone() {
    if common::corpus_or_skip().is_none() {
        return;
    }
    let project = Project::corpus();
    let json_file = export(&project, "en", "json", "missing");
    let json_text = std::fs::read_to_string(&json_file).unwrap();
    let mut json: serde_json::Value = serde_json::from_str(&json_text).unwrap();
    let units = json["units"].as_array_mut().unwrap();
    for unit in units.iter_mut() {
        let source = unit["source"].as_str().unwrap().to_string();
        unit["target"] = source.into();
        unit["state"] = "translated".into();
    }
    let with_placeholder = units
        .iter()
        .position(|u| u["source"].as_str().unwrap().contains("<1>"))
        .expect("a unit with a placeholder");
    let id = units[with_placeholder]["id"].as_str().unwrap().to_string();
    let variant = |edit: &dyn Fn(&mut serde_json::Value)| {
        let mut copy = json.clone();
        edit(&mut copy);
        serde_json::to_string_pretty(&copy).unwrap()
    };

    // Some translations are there before the damaged files come.
    let base = variant(&|j| {
        j["units"].as_array_mut().unwrap().truncate(20);
    });
    succeed(
        project
            .tolkar()
            .arg("import")
            .arg(damaged(&project, "base.json", &base)),
    );
    // The memory fills the segments that repeat those texts.
    assert!(project.dump().len() >= 20);

    let dropped = variant(&|j| {
        let t = j["units"][with_placeholder]["target"].as_str().unwrap();
        j["units"][with_placeholder]["target"] =
            t.replacen("<1>", "", 1).replacen("</1>", "", 1).into();
    });
    let file = damaged(&project, "dropped.json", &dropped);
    assert_refused(
        &project,
        &file,
        &[],
        &format!("{id}: refused: placeholder <1> of the source is missing"),
    );

    let extra = variant(&|j| {
        let t = j["units"][with_placeholder]["target"].as_str().unwrap();
        j["units"][with_placeholder]["target"] = format!("{t}<99/>").into();
    });
    let file = damaged(&project, "extra.json", &extra);
    assert_refused(
        &project,
        &file,
        &[],
        "placeholder <99/> is not in the source",
    );

    let unknown = variant(&|j| j["units"][0]["id"] = "content/da/gone.md#body:p[1]".into());
    let file = damaged(&project, "unknown.json", &unknown);
    assert_refused(
        &project,
        &file,
        &[],
        "content/da/gone.md#body:p[1]: refused: no such segment",
    );

    let outside = variant(&|j| j["units"][0]["id"] = "../../etc/passwd#body:p[1]".into());
    let file = damaged(&project, "outside.json", &outside);
    assert_refused(&project, &file, &[], "outside the project");

    let file = damaged(&project, "good.json", &variant(&|_| {}));
    assert_refused(
        &project,
        &file,
        &["--lang", "da"],
        "is for language en, not da",
    );

    // The other formats, damaged in their own ways.
    let xliff = std::fs::read_to_string(export(&project, "en", "xliff2", "missing")).unwrap();
    let file = damaged(&project, "truncated.xlf", &xliff[..xliff.len() / 2]);
    assert_refused(&project, &file, &[], "truncated.xlf:");
    let laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]>\n\
        <xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"da\" trgLang=\"en\">\
        <file id=\"f1\" original=\"content/da/seed.md\"><unit id=\"u\" name=\"fm:Title\"><segment>\
        <source>&lol2;</source><target>&lol2;</target></segment></unit></file></xliff>\n";
    let file = damaged(&project, "laughs.xlf", laughs);
    assert_refused(&project, &file, &[], "DOCTYPE");

    let po = std::fs::read_to_string(export(&project, "en", "po", "missing")).unwrap();
    let broken = po.replacen("msgstr \"\"\n\n#", "msgstr \"unterminated\n\n#", 2);
    assert_ne!(broken, po);
    let file = damaged(&project, "broken.po", &broken);
    assert_refused(&project, &file, &[], "broken.po:");

    let csv = std::fs::read_to_string(export(&project, "en", "csv", "missing")).unwrap();
    let mut lines: Vec<&str> = csv.split("\r\n").collect();
    let broken_line = format!("{}\"oops", lines[2]);
    lines[2] = &broken_line;
    let file = damaged(&project, "broken.csv", &lines.join("\r\n"));
    assert_refused(&project, &file, &[], "broken.csv:");

    // --partial stores the valid units and still says what was refused.
    let file = damaged(&project, "partial.json", &dropped);
    let output = project
        .tolkar()
        .args(["import", "--partial"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(project.dump().len() > 1);
    // --dry-run stores nothing, even when all is well.
    let fresh = Project::corpus();
    let before = fresh.dump();
    let file = damaged(&fresh, "good.json", &variant(&|_| {}));
    succeed(fresh.tolkar().args(["import", "--dry-run"]).arg(&file));
    assert_eq!(fresh.dump(), before);
}

fn mt_project() -> (Project, PathBuf) {
    let project = seed_project();
    let script = repo().join("tests/tools/fake-mt.py");
    project.configure(&format!(
        "\n[translate]\ncommand = \"python3 '{}'\"\nbatch = 1000\n",
        script.display()
    ));
    let log = project.path("mt.log");
    (project, log)
}

fn logged(log: &Path) -> Vec<serde_json::Value> {
    std::fs::read_to_string(log)
        .unwrap_or_default()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn machine_translation_sends_only_what_needs_it_and_never_on_argv() {
    if common::corpus_or_skip().is_none() {
        return;
    }
    if !have_tool("python3", &["--version"]) {
        return;
    }
    let (project, log) = mt_project();
    let report = succeed(
        project
            .tolkar()
            .args(["translate", "--lang", "sv"])
            .env("FAKE_MT_LOG", &log),
    );
    assert!(report.contains(" 0 refused"), "{report}");
    let sent = logged(&log);
    let argv = &sent[0]["argv"];
    assert_eq!(argv.as_array().unwrap().len(), 1, "only the script: {argv}");
    let requests: Vec<&serde_json::Value> = sent.iter().filter(|r| r.get("id").is_some()).collect();
    // Missing and stale only: a fifth of the units had no translation,
    // and one went stale.
    assert!(!requests.is_empty());
    for r in &requests {
        assert_eq!(r["source_lang"], "da");
        assert_eq!(r["target_lang"], "sv");
        assert!(
            r["context"]
                .as_str()
                .unwrap()
                .starts_with("content/da/seed.md:")
        );
    }
    let texts: std::collections::HashSet<&str> = requests
        .iter()
        .map(|r| r["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts.len(), requests.len(), "a repeated text is sent once");
    assert_eq!(missing(&project, "sv"), 0);
    // Stored as machine, needing review.
    let file = export(&project, "sv", "json", "machine");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
    assert!(json["units"].as_array().unwrap().iter().any(|u| {
        u["target"]
            .as_str()
            .unwrap()
            .chars()
            .any(|c| c.is_uppercase())
    }));
    // Nothing left to send.
    std::fs::remove_file(&log).unwrap();
    succeed(
        project
            .tolkar()
            .args(["translate", "--lang", "sv"])
            .env("FAKE_MT_LOG", &log),
    );
    assert!(logged(&log).iter().all(|r| r.get("id").is_none()));
}

#[test]
fn a_misbehaving_command_stores_nothing_of_its_batch() {
    if common::corpus_or_skip().is_none() {
        return;
    }
    if !have_tool("python3", &["--version"]) {
        return;
    }
    for (mode, extra, expect) in [
        ("fail", vec![], "quota exceeded"),
        ("garbage", vec![], "is not an answer"),
        ("empty", vec![], "the answer is empty"),
        ("sleep", vec!["--timeout", "1"], "longer than 1 s"),
    ] {
        let (project, _) = mt_project();
        let before = project.dump();
        let output = project
            .tolkar()
            .args(["translate", "--lang", "sv"])
            .args(&extra)
            .env("FAKE_MT_MODE", mode)
            .output()
            .unwrap();
        let stderr = stderr_of(&output);
        assert_eq!(output.status.code(), Some(2), "{mode}: {stderr}");
        assert!(stderr.contains(expect), "{mode}: {stderr}");
        assert_eq!(project.dump(), before, "{mode}: the store changed");
    }
    // A wrong placeholder refuses that segment, the rest are stored.
    let project = Project::corpus();
    let script = repo().join("tests/tools/fake-mt.py");
    project.configure(&format!(
        "\n[translate]\ncommand = \"python3 '{}'\"\n",
        script.display()
    ));
    let before = project.dump().len();
    let output = project
        .tolkar()
        .args(["translate", "--lang", "nb", "--force"])
        .env("FAKE_MT_MODE", "drop-placeholder")
        .output()
        .unwrap();
    let stderr = stderr_of(&output);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("machine translation refused: placeholder"),
        "{stderr}"
    );
    assert!(project.dump().len() > before);
}

#[test]
fn the_memory_fills_repeated_texts_and_answers_searches() {
    if common::corpus_or_skip().is_none() {
        return;
    }
    let project = seed_project();
    let output = project
        .tolkar()
        .args([
            "tm",
            "search",
            "Arbejd med infrastruktur, som er open source, suveræn og bygget med bæredygtighed",
            "--lang",
            "sv",
            "--min",
            "50",
        ])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{}", stderr_of(&output));
    assert!(stdout.contains("(sv)"), "{stdout}");
    // A new posting that repeats a translated text gets it on sync.
    let seed = std::fs::read_to_string(project.path("content/da/seed.md")).unwrap();
    std::fs::write(project.path("content/da/copy.md"), &seed).unwrap();
    let report = succeed(project.tolkar().arg("sync"));
    assert!(
        report.contains("filled from the translation memory"),
        "{report}"
    );
    let file = export(&project, "sv", "json", "all");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
    let copied: Vec<&serde_json::Value> = json["units"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|u| u["path"] == "content/da/copy.md" && u["state"] != "missing")
        .collect();
    assert!(!copied.is_empty());
    assert!(
        copied.iter().all(|u| u["origin"]
            .as_str()
            .unwrap()
            .starts_with("memory:content/da/seed.md#")),
        "an editor sees where a filled translation came from"
    );
    assert!(
        copied.iter().all(|u| u["state"] != "reviewed"),
        "a review does not travel"
    );
}

/// An import of more units than are planned and stored at once, with one
/// unit refused near the end: nothing is stored, and the unit is named
/// with its line; with `--partial`, every other unit is stored.
#[test]
fn a_unit_refused_late_in_a_large_file_stores_nothing() {
    let dir = tempfile::tempdir().unwrap();
    common::generated::generate(dir.path(), 200);
    let project = Project { dir };
    let file = export(&project, "nb", "json", "missing");
    let mut json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let units = json["units"].as_array_mut().unwrap();
    // More than two batches of 1,024 (`ops::import`).
    assert!(units.len() > 2048, "{}", units.len());
    for unit in units.iter_mut() {
        let source = unit["source"].as_str().unwrap().to_string();
        unit["target"] = format!("{source} [nb]").into();
        unit["state"] = "translated".into();
    }
    let bad = "content/sv/no-such-posting.md#body:p[1]";
    let last = units.len() - 3;
    units[last]["id"] = bad.into();
    let count = units.len();
    let text = serde_json::to_string_pretty(&json).unwrap();
    std::fs::write(&file, &text).unwrap();
    // The unit's line is its `{`, the line before its id.
    let line = text
        .lines()
        .position(|l| l.contains(bad))
        .expect("the bad id is written");

    let output = project.tolkar().arg("import").arg(&file).output().unwrap();
    let stderr = stderr_of(&output);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains(&format!(":{line}: {bad}: refused: no such segment")),
        "{stderr}"
    );
    assert!(stderr.contains("1 refused"), "{stderr}");
    assert!(project.dump().is_empty(), "stored while a unit was refused");

    let output = project
        .tolkar()
        .arg("import")
        .arg(&file)
        .arg("--partial")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{}", stderr_of(&output));
    // Every other unit, and what the memory fills of the one refused.
    assert!(
        project.dump().len() >= count - 1,
        "{}",
        project.dump().len()
    );
}
