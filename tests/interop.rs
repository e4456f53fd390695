//! Other tools read the files tolkar writes without complaint: the XLIFF
//! schemas (through xmllint), GNU gettext's msgfmt, Translate Toolkit
//! (pocount, po2xliff, xliff2po), polib, and Python's csv and json modules.
//!
//! A tool that is not installed skips its check with a message; with
//! `TOLKAR_REQUIRE_TOOLS` set (as in CI) it fails the test instead.

mod common;

use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::{Project, have_tool, repo, succeed};

/// Corpus postings kept in the project: `export --state all` scores every
/// unit against the translation memory, which can take minutes for the
/// whole corpus in a debug build. These few have placeholders, repeated
/// and similar texts (memory matches), hard line breaks, typographic
/// quotes, a zero-width space, and shortcodes with translatable parameters.
const KEPT: [&str; 4] = [
    "career/2024-09-software-engineer-integrations.md",
    "career/2024-12-software-engineer-integrations.md",
    "career/2026-full-stack-tech-lead.md",
    "career/_index.md",
];

/// A posting with characters the formats must escape or encode: XML
/// specials, quotes, backslashes, printf- and brace-style sequences, a
/// tab, a hard line break, things that look like PO syntax or a CDATA
/// end, entities, emoji, a character outside the BMP, and a control
/// character (not allowed in XML 1.0 as it is).
const TRICKY: &str = r#"---
title: "Tecken & <taggar> i \"citat\" och 'apostrofer'"
description: "Procent: 100 % och %s, %d och %1$s; snedstreck \\ och {0} ${var}"
language: "sv"
---

## Rubrik med & och < och > och "citat"

Ett stycke med **fetstil**, *kursiv*, `kod <b>&amp;</b>`, en [länk](https://example.com/?a=1&b=2 "titel") och en emoji 🚀 och 𝄞 utanför BMP.

Rad ett med ]]> och -- och #| och msgid "x"  
rad två efter ett hårt radbrott.

- Punkt med &amp; &lt; &#x1F600; &nbsp; entiteter
- Punkt med	tabb och \n bokstavligt och "dubbla" citattecken
- Punkt med ett styrtecken: CONTROL.
- {{< inline "Rubrik & <b>:" >}} Text efter en kortkod med <span class="x">html</span>.

{{% note "Obs & märk" %}}
Text i en not, med en bild ![alt & "text"](/img/a.png) och en<br>radbrytning.
{{% /note %}}
"#;

const TRICKY_PATH: &str = "content/sv/career/tecken.md";

/// One exported unit as the JSON export describes it.
struct Unit {
    id: String,
    source: String,
    target: Option<String>,
    state: String,
}

/// The corpus postings of `KEPT` and `TRICKY`, with Norwegian translations
/// in every state: translated, reviewed, machine, draft, missing, and two
/// stale ones (one with placeholders); one translation ends in a line
/// break its source does not have.
fn project() -> Project {
    let project = Project::corpus();
    for posting in project.postings() {
        if !KEPT.iter().any(|kept| posting.ends_with(kept)) {
            std::fs::remove_file(project.path(&posting)).unwrap();
        }
    }
    std::fs::write(
        project.path(TRICKY_PATH),
        TRICKY.replace("CONTROL", "\u{1}"),
    )
    .unwrap();

    let file = project.path("fill.json");
    succeed(
        project
            .tolkar()
            .args(["export", "--lang", "nb", "--format", "json", "-o"])
            .arg(&file),
    );
    let mut json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let cycle = ["translated", "reviewed", "machine", "draft", ""];
    let mut forced = 0;
    for (i, unit) in json["units"].as_array_mut().unwrap().iter_mut().enumerate() {
        let source = unit["source"].as_str().unwrap().to_string();
        let mut target = format!("{source} (nb)");
        let mut state = cycle[i % cycle.len()];
        let id = unit["id"].as_str().unwrap();
        if id == format!("{TRICKY_PATH}#fm:title") {
            state = "translated";
            forced += 1;
        } else if id == format!("{TRICKY_PATH}#body:p[1]") {
            state = "reviewed";
            forced += 1;
        } else if id == format!("{TRICKY_PATH}#fm:description") {
            // PO: msgfmt refuses a translated entry whose msgid and msgstr
            // differ in a line break at the end; tolkar writes it fuzzy.
            state = "translated";
            target.push('\n');
            forced += 1;
        }
        if !state.is_empty() {
            unit["target"] = target.into();
            unit["state"] = state.into();
        }
    }
    assert_eq!(forced, 3, "the units of {TRICKY_PATH} were not all found");
    std::fs::write(&file, serde_json::to_string(&json).unwrap()).unwrap();
    let report = succeed(project.tolkar().arg("import").arg(&file));
    assert!(report.contains(" 0 refused"), "{report}");

    // Two sources change under their translations: they go stale.
    let path = project.path(TRICKY_PATH);
    let text = std::fs::read_to_string(&path).unwrap();
    let changed = text
        .replacen("title: \"Tecken", "title: \"Nya tecken", 1)
        .replacen("Ett stycke med", "Ett nytt stycke med", 1);
    std::fs::write(&path, changed).unwrap();
    succeed(project.tolkar().arg("sync"));
    project
}

/// Exports nb in `format`, with `--state STATES` or the default.
fn export(project: &Project, format: &str, states: Option<&str>) -> PathBuf {
    let extension = match format {
        "xliff2" | "xliff12" => "xlf",
        other => other,
    };
    let label = states.unwrap_or("default").replace(',', "-");
    let file = project.path(&format!("nb-{format}-{label}.{extension}"));
    let mut cmd = project.tolkar();
    cmd.args(["export", "--lang", "nb", "--format", format]);
    if let Some(states) = states {
        cmd.args(["--state", states]);
    }
    succeed(cmd.arg("-o").arg(&file));
    file
}

fn units(json_file: &Path) -> Vec<Unit> {
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(json_file).unwrap()).unwrap();
    json["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| Unit {
            id: u["id"].as_str().unwrap().into(),
            source: u["source"].as_str().unwrap().into(),
            target: u["target"].as_str().map(Into::into),
            state: u["state"].as_str().unwrap().into(),
        })
        .collect()
}

/// Runs `program` with `args` (in the C locale); it must exit with status
/// 0. Returns its stdout and stderr.
fn run<S: AsRef<OsStr>>(program: &str, args: &[S]) -> (String, String) {
    let output = Command::new(program)
        .args(args)
        .env("LC_ALL", "C")
        .output()
        .unwrap_or_else(|e| panic!("{program}: {e}"));
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(
        output.status.success(),
        "{program} {:?} failed ({}):\n{stdout}\n{stderr}",
        args.iter().map(AsRef::as_ref).collect::<Vec<_>>(),
        output.status
    );
    (stdout, stderr)
}

/// Runs a Python snippet with `args`; returns what it prints, as JSON.
fn python(code: &str, args: &[&OsStr]) -> serde_json::Value {
    let mut all: Vec<&OsStr> = vec!["-c".as_ref(), code.as_ref()];
    all.extend(args);
    let (stdout, _) = run("python3", &all);
    serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}"))
}

fn have_python() -> bool {
    have_tool("python3", &["--version"])
}

fn have_polib() -> bool {
    have_python() && have_tool("python3", &["-c", "import polib"])
}

/// A Translate Toolkit converter: status 0 is not enough (it reports an
/// input it cannot read as a warning and exits 0), so it must also print
/// nothing and write a non-empty file.
fn convert(program: &str, input: &Path, output: &Path) {
    let (_, stderr) = run(
        program,
        &[
            OsStr::new("--progress=none"),
            input.as_os_str(),
            output.as_os_str(),
        ],
    );
    assert!(
        stderr.trim().is_empty(),
        "{program} {}: {stderr}",
        input.display()
    );
    let written = std::fs::metadata(output).map(|m| m.len()).unwrap_or(0);
    assert!(written > 0, "{program} {}: wrote nothing", input.display());
}

/// Entries of a PO file as polib reads them: (msgctxt, msgid) of each, and
/// how many are translated, fuzzy and untranslated.
const POLIB: &str = r#"
import json, polib, sys
p = polib.pofile(sys.argv[1])
assert len(p) > 0, "no entries"
print(json.dumps({
    "entries": [[e.msgctxt, e.msgid] for e in p],
    "translated": len(p.translated_entries()),
    "fuzzy": len(p.fuzzy_entries()),
    "untranslated": len(p.untranslated_entries()),
}))
"#;

struct PoCounts {
    total: usize,
    translated: usize,
    fuzzy: usize,
    untranslated: usize,
}

/// Reads a PO file with polib; checks its entries are `units`, in order,
/// when `exact` (tolkar's own PO), and returns the counts.
fn polib(file: &Path, units: &[Unit], exact: bool) -> PoCounts {
    let read = python(POLIB, &[file.as_os_str()]);
    let entries = read["entries"].as_array().unwrap();
    let what = file.display();
    assert_eq!(entries.len(), units.len(), "{what}: entries read by polib");
    if exact {
        for (entry, unit) in entries.iter().zip(units) {
            assert_eq!(entry[0], unit.id.as_str(), "{what}: msgctxt");
            assert_eq!(
                entry[1],
                unit.source.as_str(),
                "{what}: msgid of {}",
                unit.id
            );
        }
    }
    let count = |key: &str| read[key].as_u64().unwrap() as usize;
    PoCounts {
        total: entries.len(),
        translated: count("translated"),
        fuzzy: count("fuzzy"),
        untranslated: count("untranslated"),
    }
}

/// How many units of each state.
fn by_state(units: &[Unit]) -> BTreeMap<&str, usize> {
    let mut counts = BTreeMap::new();
    for unit in units {
        *counts.entry(unit.state.as_str()).or_default() += 1;
    }
    counts
}

/// `msgfmt --check`: status 0, and on stderr nothing, or only lines
/// matching `allowed`.
fn msgfmt(file: &Path, allowed: &dyn Fn(&str) -> bool) {
    let (_, stderr) = run(
        "msgfmt",
        &[
            OsStr::new("--check"),
            OsStr::new("-o"),
            OsStr::new("/dev/null"),
            file.as_os_str(),
        ],
    );
    let complaints: Vec<&str> = stderr.lines().filter(|l| !allowed(l)).collect();
    assert!(
        complaints.is_empty(),
        "msgfmt {}:\n{}",
        file.display(),
        complaints.join("\n")
    );
}

fn check_json(file: &Path) {
    if have_python() {
        run(
            "python3",
            &[OsStr::new("-m"), "json.tool".as_ref(), file.as_os_str()],
        );
    }
}

fn check_xliff2(file: &Path, units: &[Unit]) {
    if !have_tool("xmllint", &["--version"]) {
        return;
    }
    let script = repo().join("tests/tools/validate-xliff.sh");
    run(script.to_str().unwrap(), &[file]);
    if have_python() {
        let count = python(
            "import sys, xml.etree.ElementTree as ET\n\
             ns = '{urn:oasis:names:tc:xliff:document:2.0}'\n\
             print(len(ET.parse(sys.argv[1]).getroot().findall(f'.//{ns}unit')))",
            &[file.as_os_str()],
        );
        assert_eq!(count, units.len(), "{}: units", file.display());
    }
}

fn check_xliff12(file: &Path, units: &[Unit]) {
    if have_tool("xmllint", &["--version"]) {
        let script = repo().join("tests/tools/validate-xliff.sh");
        run(script.to_str().unwrap(), &[file]);
    }
    // Translate Toolkit reads it as PO.
    if !have_tool("xliff2po", &["--version"]) {
        return;
    }
    let po = file.with_extension("xliff2po.po");
    convert("xliff2po", file, &po);
    if have_tool("msgfmt", &["--version"]) {
        // xliff2po writes a template header of its own (default values, no
        // Language), which msgfmt warns about; nothing else may come up.
        msgfmt(&po, &|line| {
            line.contains("warning: header field")
                && (line.ends_with("still has the initial default value")
                    || line.ends_with("missing in header"))
        });
    }
    if have_polib() {
        let counts = polib(&po, units, false);
        let states = by_state(units);
        let missing = states.get("missing").copied().unwrap_or(0);
        assert_eq!(counts.untranslated, missing, "{}", po.display());
        assert_eq!(
            counts.translated + counts.fuzzy,
            counts.total - missing,
            "{}",
            po.display()
        );
    }
}

fn check_po(file: &Path, units: &[Unit]) {
    let what = file.display();
    if have_tool("msgfmt", &["--version"]) {
        msgfmt(file, &|_| false);
    }
    // The states as PO tools see them: translated and reviewed are
    // translated, unless msgid and msgstr differ in a line break at the
    // start or end (then fuzzy, or msgfmt would refuse the file); machine,
    // draft and stale are fuzzy; missing is untranslated.
    let mut translated = 0;
    let mut fuzzy = 0;
    let mut untranslated = 0;
    for unit in units {
        let target = unit.target.as_deref().unwrap_or("");
        let newlines_agree = unit.source.starts_with('\n') == target.starts_with('\n')
            && unit.source.ends_with('\n') == target.ends_with('\n');
        match unit.state.as_str() {
            "missing" => untranslated += 1,
            "translated" | "reviewed" if newlines_agree => translated += 1,
            _ => fuzzy += 1,
        }
    }
    if have_tool("pocount", &["--help"]) {
        let (stdout, stderr) = run("pocount", &[OsStr::new("--csv"), file.as_os_str()]);
        assert!(stderr.trim().is_empty(), "pocount {what}: {stderr}");
        let mut rows = stdout.lines();
        let header: Vec<&str> = rows.next().unwrap_or("").split(',').collect();
        let row: Vec<&str> = rows.next().unwrap_or("").rsplitn(12, ',').collect();
        let column = |name: &str| -> usize {
            let at = header
                .iter()
                .position(|h| *h == name)
                .unwrap_or_else(|| panic!("pocount: no column {name}: {stdout}"));
            row[header.len() - 1 - at].parse().unwrap()
        };
        assert_eq!(column("Total Message"), units.len(), "pocount {what}");
        assert_eq!(column("Translated Messages"), translated, "pocount {what}");
        assert_eq!(column("Fuzzy Messages"), fuzzy, "pocount {what}");
        assert_eq!(
            column("Untranslated Messages"),
            untranslated,
            "pocount {what}"
        );
    }
    if have_tool("po2xliff", &["--version"]) {
        let xliff = file.with_extension("po2xliff.xlf");
        convert("po2xliff", file, &xliff);
        if have_python() {
            // Every entry becomes a trans-unit, and so does the header.
            let count = python(
                "import sys, xml.etree.ElementTree as ET\n\
                 ns = '{urn:oasis:names:tc:xliff:document:1.1}'\n\
                 units = ET.parse(sys.argv[1]).getroot().findall(f'.//{ns}trans-unit')\n\
                 print(len([u for u in units if u.get('restype') != 'x-gettext-domain-header']))",
                &[xliff.as_os_str()],
            );
            assert_eq!(count, units.len(), "po2xliff {what}: trans-units");
        }
    }
    if have_polib() {
        let counts = polib(file, units, true);
        assert_eq!(counts.translated, translated, "polib {what}: translated");
        assert_eq!(counts.fuzzy, fuzzy, "polib {what}: fuzzy");
        assert_eq!(
            counts.untranslated, untranslated,
            "polib {what}: untranslated"
        );
    }
}

const CSV: &str = r#"
import csv, json, sys
with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
    rows = list(csv.reader(f))
header = rows[0]
source = next(i for i, h in enumerate(header) if h.startswith("source"))
print(json.dumps({
    "header": header,
    "uneven": [n + 1 for n, row in enumerate(rows) if len(row) != len(header)],
    "units": [[row[0], row[source]] for row in rows[1:] if len(row) == len(header)],
}))
"#;

fn check_csv(file: &Path, units: &[Unit]) {
    if !have_python() {
        return;
    }
    let read = python(CSV, &[file.as_os_str()]);
    let what = file.display();
    assert_eq!(read["header"][0], "id", "{what}: header {}", read["header"]);
    assert_eq!(
        read["uneven"],
        serde_json::json!([]),
        "{what}: rows (1 is the header) without the header's number of fields"
    );
    let rows = read["units"].as_array().unwrap();
    assert_eq!(rows.len(), units.len(), "{what}: rows");
    for (row, unit) in rows.iter().zip(units) {
        assert_eq!(row[0], unit.id.as_str(), "{what}: id");
        assert_eq!(
            row[1],
            unit.source.as_str(),
            "{what}: source of {}",
            unit.id
        );
    }
}

#[test]
fn other_tools_read_every_format_without_complaint() {
    if common::corpus_or_skip().is_none() {
        return;
    }
    let project = project();
    for states in [Some("all"), None] {
        let json = export(&project, "json", states);
        check_json(&json);
        let units = units(&json);
        let counts = by_state(&units);
        if states == Some("all") {
            for state in [
                "missing",
                "stale",
                "machine",
                "draft",
                "translated",
                "reviewed",
            ] {
                assert!(counts.contains_key(state), "no {state} unit: {counts:?}");
            }
            assert_eq!(counts["stale"], 2, "{counts:?}");
            assert!(
                units.iter().any(|u| u.state == "translated"
                    && u.target.as_deref().is_some_and(|t| t.ends_with('\n'))),
                "the translation ending in a line break is missing"
            );
        } else {
            assert!(
                counts.keys().copied().eq(["missing", "stale"]),
                "{counts:?}"
            );
        }
        check_xliff2(&export(&project, "xliff2", states), &units);
        check_xliff12(&export(&project, "xliff12", states), &units);
        check_po(&export(&project, "po", states), &units);
        check_csv(&export(&project, "csv", states), &units);
    }
}
