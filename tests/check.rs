//! `tolkar check` as CI runs it: exit 1 exactly when the policy fails,
//! reports CI systems read, and `--no-write` leaving the store alone.

mod common;

use common::{Project, have_tool, stderr_of, succeed};

const POSTING: &str = "content/sv/career/cfo.md";

/// A project whose nb translations are complete, then one source edit.
fn project_with_one_stale() -> Project {
    let project = Project::corpus();
    project.translate_all("nb", None);
    let passed = project
        .tolkar()
        .args(["check", "--lang", "nb"])
        .output()
        .unwrap();
    assert_eq!(passed.status.code(), Some(0), "{}", stderr_of(&passed));
    let path = project.path(POSTING);
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replacen("Finanschef (CFO)", "Finanschef (CFO) sökes", 1),
    )
    .unwrap();
    project
}

fn check(project: &Project, args: &[&str]) -> (Option<i32>, String) {
    let output = project.tolkar().arg("check").args(args).output().unwrap();
    (
        output.status.code(),
        String::from_utf8(output.stdout).unwrap(),
    )
}

#[test]
fn check_fails_exactly_when_the_policy_does() {
    if common::corpus_or_skip().is_none() {
        return;
    }
    let project = project_with_one_stale();
    // --no-write with no store creates none.
    let fresh = Project::corpus();
    let (code, _) = check(
        &fresh,
        &["--lang", "nb", "--no-write", "--fail-on", "missing"],
    );
    assert_eq!(code, Some(1));
    assert!(!fresh.path(".tolkar").exists(), "no store was created");
    // --no-write: the edit is judged, the store is not touched.
    let before = project.dump();
    let (code, text) = check(&project, &["--lang", "nb", "--no-write"]);
    assert_eq!(code, Some(1), "{text}");
    assert!(
        text.contains("content/sv/career/cfo.md:3: stale fm:Title"),
        "{text}"
    );
    assert_eq!(project.dump(), before);
    // Stale is what fails by default; not when only missing counts.
    let (code, _) = check(&project, &["--lang", "nb", "--fail-on", "missing"]);
    assert_eq!(code, Some(0));
    // Coverage: 1 stale of all is under 100%, over 50%.
    let (code, _) = check(
        &project,
        &[
            "--lang",
            "nb",
            "--fail-on",
            "missing",
            "--min-coverage",
            "100",
        ],
    );
    assert_eq!(code, Some(1));
    let (code, _) = check(
        &project,
        &[
            "--lang",
            "nb",
            "--fail-on",
            "missing",
            "--min-coverage",
            "50",
        ],
    );
    assert_eq!(code, Some(0));
    // da has no translations: missing everywhere.
    let (code, _) = check(&project, &["--lang", "da", "--fail-on", "missing"]);
    assert_eq!(code, Some(1));
    // The policy may live in tolkar.toml.
    project.configure("\n[check]\nfail_on = [\"missing\"]\n");
    let (code, _) = check(&project, &["--lang", "nb"]);
    assert_eq!(code, Some(0));

    let (_, json) = check(
        &project,
        &["--lang", "nb", "--format", "json", "--fail-on", "stale"],
    );
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(report["schema_version"], 1);
    assert_eq!(report["passed"], false);
    assert_eq!(report["languages"][0]["stale"], 1);
}

#[test]
fn reports_are_what_ci_systems_read() {
    if common::corpus_or_skip().is_none() {
        return;
    }
    let project = project_with_one_stale();
    succeed(project.tolkar().args(["build", "--lang", "nb"]));
    // Two new paragraphs: missing, which the default policy lets wait.
    let path = project.path(POSTING);
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str("\nEtt nytt stycke.\n\nOch ett till.\n");
    std::fs::write(&path, text).unwrap();
    let (_, github) = check(&project, &["--lang", "nb", "--format", "github"]);
    let lines: Vec<&str> = github.lines().collect();
    // The stale segment at its source line, naming its localized line.
    assert!(lines.contains(
        &"::error file=content/sv/career/cfo.md,line=3,title=tolkar nb::stale translation (nb) of fm:Title: the source changed; content/nb/career/cfo.md:3 needs review"
    ), "{github}");
    // The missing ones in one warning for their posting.
    let missing: Vec<&&str> = lines
        .iter()
        .filter(|l| l.contains("without a translation"))
        .collect();
    assert_eq!(missing.len(), 1, "{github}");
    assert!(
        missing[0].starts_with("::warning file=content/sv/career/cfo.md,line=96,"),
        "{github}"
    );
    assert!(missing[0].ends_with("2 segment(s) without a translation (nb) in content/nb/career/cfo.md: body:p[14], body:p[15]"), "{github}");
    for line in &lines {
        assert!(
            line.starts_with("::error ")
                || line.starts_with("::warning ")
                || line.starts_with("::notice "),
            "{line}"
        );
        assert!(line[2..].contains("::"), "{line}");
    }
    let (_, markdown) = check(&project, &["--lang", "nb", "--format", "markdown"]);
    assert!(markdown.contains("| nb | "), "{markdown}");
    assert!(
        markdown.contains(
            "<details><summary>❌ nb · <code>content/sv/career/cfo.md</code>: 3 segments, 1 failing</summary>"
        ),
        "{markdown}"
    );
    assert!(
        markdown.contains("- ❌ stale `fm:Title` (line 3; translation: line 3)"),
        "{markdown}"
    );
    assert!(
        markdown.contains("- missing `body:p[14]` (line 96)"),
        "{markdown}"
    );

    let (_, junit) = check(
        &project,
        &["--format", "junit", "--fail-on", "stale,missing"],
    );
    let file = project.path("junit.xml");
    std::fs::write(&file, &junit).unwrap();
    if !have_tool("python3", &["--version"]) {
        return;
    }
    // Read as CI systems do: suites, cases, failures.
    let script = r#"
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
assert root.tag == "testsuites", root.tag
suites = {s.get("name"): s for s in root.findall("testsuite")}
assert set(suites) == {"tolkar en", "tolkar da", "tolkar nb"}, suites
nb = suites["tolkar nb"]
cases = nb.findall("testcase")
assert int(nb.get("tests")) == len(cases)
failed = [c for c in cases if c.find("failure") is not None]
assert int(nb.get("failures")) == len(failed) == 1, len(failed)
assert failed[0].get("name") == "content/sv/career/cfo.md"
assert "stale fm:Title" in failed[0].find("failure").text
print("ok")
"#;
    let output = std::process::Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn editors_confirm_approve_and_set_without_exporting() {
    if common::corpus_or_skip().is_none() {
        return;
    }
    let project = project_with_one_stale();
    // Nothing named is a usage error, not a bulk change.
    let output = project
        .tolkar()
        .args(["review", "confirm", "--lang", "nb"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let report = succeed(project.tolkar().args([
        "review",
        "confirm",
        "--lang",
        "nb",
        "content/sv/career/cfo.md#fm:Title",
    ]));
    assert!(report.contains("1 translation changed"), "{report}");
    let (code, text) = check(&project, &["--lang", "nb"]);
    assert_eq!(code, Some(0), "confirmed, no longer stale: {text}");

    succeed(
        project
            .tolkar()
            .args(["review", "approve", "--lang", "nb", "--doc", POSTING]),
    );
    let (_, json) = check(&project, &["--lang", "nb", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(report["languages"][0]["stale"], 0);

    // A new text must keep the source's placeholders.
    let output = project
        .tolkar()
        .args([
            "review",
            "set",
            "--lang",
            "nb",
            "content/sv/career/cfo.md#body:p[1]",
            "Ny tekst",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    let file = project.path("after.json");
    succeed(
        project
            .tolkar()
            .args([
                "export", "--lang", "nb", "--format", "json", "--state", "all", "--doc", POSTING,
                "-o",
            ])
            .arg(&file),
    );
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let unit = |key: &str| {
        json["units"]
            .as_array()
            .unwrap()
            .iter()
            .find(|u| u["key"] == key)
            .unwrap()
            .clone()
    };
    assert_eq!(unit("body:p[1]")["target"], "Ny tekst");
    assert_eq!(unit("body:p[1]")["origin"], "review:set");
    assert_eq!(unit("body:p[2]")["state"], "reviewed");
    assert_eq!(unit("fm:Title")["state"], "reviewed");
    let with_link = json["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["source"].as_str().unwrap().contains("<1>"))
        .map(|u| u["id"].as_str().unwrap().to_string())
        .expect("cfo.md has a link");
    {
        let id = with_link;
        let output = project
            .tolkar()
            .args(["review", "set", "--lang", "nb", &id, "no placeholders"])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2));
        assert!(
            stderr_of(&output).contains("does not fit"),
            "{}",
            stderr_of(&output)
        );
    }
}

#[test]
fn the_html_report_shows_progress_postings_and_diffs() {
    if common::corpus_or_skip().is_none() {
        return;
    }
    let project = project_with_one_stale();
    let file = project.path("report.html");
    let said = succeed(project.tolkar().args(["report", "--html", "-o"]).arg(&file));
    assert!(said.contains("Wrote the report"), "{said}");
    let html = std::fs::read_to_string(&file).unwrap();
    // Self-contained: nothing is fetched.
    for outside in ["src=", "href=", "@import", "url("] {
        assert!(!html.contains(outside), "{outside} in the report");
    }
    if !have_tool("python3", &["--version"]) {
        return;
    }
    // Read as a browser's parser does: one progress bar and one table per
    // language, a row per posting, the stale segment's change beside its
    // translation.
    let script = r#"
import sys
from html.parser import HTMLParser
class Page(HTMLParser):
    def __init__(self):
        super().__init__(); self.stack=[]; self.bars=0; self.tables=0; self.rows=0
        self.ins=[]; self.translations=0; self.sections=[]; self.text=None
    def handle_starttag(self, tag, attrs):
        a=dict(attrs); cls=a.get('class','')
        if tag=='section': self.sections.append(a.get('id'))
        if 'bar' in cls.split(): self.bars+=1
        if tag=='table': self.tables+=1
        if tag=='tr' and self.tables and 'tbody' in self.stack: self.rows+=1
        if 'translation' in cls.split(): self.translations+=1
        if tag=='ins': self.text=''
        if tag not in ('meta','br'): self.stack.append(tag)
    def handle_endtag(self, tag):
        if tag=='ins': self.ins.append(self.text); self.text=None
        while self.stack and self.stack.pop()!=tag: pass
    def handle_data(self, data):
        if self.text is not None: self.text+=data
p=Page(); p.feed(open(sys.argv[1], encoding='utf-8').read())
assert p.sections==['lang-en','lang-da','lang-nb'], p.sections
assert p.bars==3 and p.tables==3, (p.bars, p.tables)
assert p.rows==3*int(sys.argv[2]), p.rows
assert p.ins==[' sökes'], p.ins
assert p.translations==1, p.translations
print('ok')
"#;
    let postings = project.postings().len().to_string();
    let output = std::process::Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(&file)
        .arg(postings)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// The HTML report speaks the UI language, and says which in its `lang`
/// (issue 13: it was English only, `lang="en"`).
#[test]
fn the_html_report_is_in_the_ui_language() {
    if common::corpus_or_skip().is_none() {
        return;
    }
    let project = project_with_one_stale();
    let page = |ui: &str| {
        let file = project.path(&format!("report-{ui}.html"));
        succeed(
            project
                .tolkar()
                .args(["--ui-lang", ui, "report", "--html", "-o"])
                .arg(&file),
        );
        std::fs::read_to_string(&file).unwrap()
    };
    let english = page("en");
    assert!(english.contains("<html lang=\"en\">"), "{english}");
    assert!(english.contains("<h1>Translation report</h1>"));
    assert!(english.contains("<h3>Stale translations (1)</h3>"));
    for (ui, title, stale) in [
        (
            "sv",
            "Översättningsrapport",
            "Inaktuella översättningar (1)",
        ),
        ("da", "Oversættelsesrapport", "Forældede oversættelser (1)"),
        ("nb", "Oversettelsesrapport", "Utdaterte oversettelser (1)"),
    ] {
        let html = page(ui);
        assert!(html.contains(&format!("<html lang=\"{ui}\">")), "{ui}");
        assert!(html.contains(&format!("<h1>{title}</h1>")), "{ui}: {html}");
        assert!(html.contains(stale), "{ui}");
        assert!(!html.contains("Source change"), "{ui}: English left");
    }
}

/// Every unit of `lang`, by key: (state, target, origin).
fn units(
    project: &Project,
    lang: &str,
) -> std::collections::BTreeMap<String, (String, String, String)> {
    project
        .units(lang, Some(POSTING))
        .iter()
        .map(|u| {
            let text = |field: &str| u[field].as_str().unwrap_or_default().to_string();
            (text("key"), (text("state"), text("target"), text("origin")))
        })
        .collect()
}

#[test]
fn editors_step_through_stale_translations() {
    if common::corpus_or_skip().is_none() {
        return;
    }
    let project = project_with_one_stale();
    let path = project.path(POSTING);
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replacen("Vi söker en person som", "Vi söker nu en person som", 1),
    )
    .unwrap();
    // Quitting at once stores nothing.
    let output = project
        .tolkar()
        .args(["review", "step", "--lang", "nb"])
        .write_stdin("q\n")
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    assert!(stderr_of(&output).contains("0 kept, 0 edited, 2 skipped"));
    let before = units(&project, "nb");
    assert_eq!(before["fm:Title"].0, "stale");
    assert_eq!(before["body:p[4]"].0, "stale");

    // An unknown answer asks again; keep the title; a text whose
    // placeholders do not fit is not taken; then a new paragraph text.
    let output = project
        .tolkar()
        .args(["review", "step", "--lang", "nb"])
        .write_stdin("x\nk\ne\nEn <9>ny</9> tekst\ne\nVi søker nå en person [nb]\n")
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let shown = String::from_utf8(output.stdout.clone()).unwrap();
    assert!(
        shown.contains("[1/2] content/sv/career/cfo.md#fm:Title (line 3)"),
        "{shown}"
    );
    assert!(
        shown.contains("source: Finanschef (CFO){+ sökes+}"),
        "{shown}"
    );
    assert!(
        shown.contains("[2/2] content/sv/career/cfo.md#body:p[4]"),
        "{shown}"
    );
    assert!(
        shown.contains("not taken: placeholder <9> is not in the source"),
        "{shown}"
    );
    assert!(stderr_of(&output).contains("1 kept, 1 edited, 0 skipped"));
    let after = units(&project, "nb");
    assert_eq!(after["fm:Title"].0, "translated");
    assert_eq!(after["fm:Title"].2, "review:confirm");
    assert_eq!(
        after["body:p[4]"],
        (
            "translated".to_string(),
            "Vi søker nå en person [nb]".to_string(),
            "review:set".to_string()
        )
    );
}

/// Issue 13: review step printed its labels in English whatever the
/// editor's language ("source:", "translation:", "(line 3)").
#[test]
fn review_step_shows_each_segment_in_the_editors_language() {
    if common::corpus_or_skip().is_none() {
        return;
    }
    let project = project_with_one_stale();
    let shown = |ui: &str| {
        let output = project
            .tolkar()
            .args(["--ui-lang", ui, "review", "step", "--lang", "nb"])
            .write_stdin("q\n")
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", stderr_of(&output));
        String::from_utf8(output.stdout).unwrap()
    };
    for (ui, line, source, translation) in [
        ("en", "line", "source", "translation"),
        ("sv", "rad", "källa", "översättning"),
        ("da", "linje", "kilde", "oversættelse"),
        ("nb", "linje", "kilde", "oversettelse"),
    ] {
        let shown = shown(ui);
        assert!(
            shown.contains(&format!(
                "[1/1] content/sv/career/cfo.md#fm:Title ({line} 3)\n  \
                 {source}: Finanschef (CFO){{+ sökes+}}\n  {translation}: "
            )),
            "{ui}: {shown}"
        );
        if ui != "en" {
            for english in ["(line ", "source:", "translation:"] {
                assert!(!shown.contains(english), "{ui}: {shown}");
            }
        }
    }
}
