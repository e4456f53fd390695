//! Drift on a real posting: every segment translated, then the source
//! edited as people do. Exactly the segments whose text changed go stale,
//! an inserted paragraph is missing, and nothing else is flagged.

mod common;

use std::collections::BTreeMap;

use common::{Project, succeed};

const POSTING: &str = "content/sv/career/cfo.md";

/// State of every unit for nb, by key, from a JSON export of all states.
fn states(project: &Project) -> BTreeMap<String, (String, Option<String>)> {
    let file = project.path("all.json");
    succeed(
        project
            .tolkar()
            .args([
                "export", "--lang", "nb", "--format", "json", "--state", "all",
            ])
            .args(["--doc", POSTING, "-o"])
            .arg(&file),
    );
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    json["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| {
            (
                u["key"].as_str().unwrap().to_string(),
                (
                    u["state"].as_str().unwrap().to_string(),
                    u["target"].as_str().map(str::to_string),
                ),
            )
        })
        .collect()
}

fn edit(project: &Project, from: &str, to: &str) {
    let path = project.path(POSTING);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{from:?} is not in the posting");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn only_changed_text_goes_stale() {
    let project = Project::corpus();
    // Translate everything: each target is its source with a marker.
    project.translate_all("nb", Some(POSTING));
    let before = states(&project);
    assert!(before.values().all(|(state, _)| state == "translated"));

    // A typo fixed in one paragraph.
    edit(
        &project,
        "snabb expansion i Skandinavien",
        "snabb expansion i hela Skandinavien",
    );
    // A new paragraph inserted in the middle, after p[4].
    edit(
        &project,
        "vår verksamhet och tillväxt.\n",
        "vår verksamhet och tillväxt.\n\nEtt helt nytt stycke om hur vi arbetar tillsammans.\n",
    );
    // A typo fixed after the insertion: its key moved on (p[6] to p[7]).
    edit(
        &project,
        "Ansvar som följer med rollen",
        "Ansvaret som följer med rollen",
    );
    // A list item deleted.
    edit(
        &project,
        "- Dataanalys, prognoser och kassaflödeshantering\n",
        "",
    );
    // A paragraph's line breaks reflowed: not drift.
    edit(
        &project,
        "Du blir en aktiv och central medlem i ledningsgruppen. Du rapporterar",
        "Du blir en aktiv och central medlem i ledningsgruppen.\nDu rapporterar",
    );
    let report = succeed(project.tolkar().arg("sync"));
    let after = states(&project);

    let by_state = |state: &str| -> Vec<&str> {
        after
            .iter()
            .filter(|(_, (s, _))| s == state)
            .map(|(k, _)| k.as_str())
            .collect()
    };
    assert_eq!(by_state("stale"), ["body:p[1]", "body:p[7]"], "{report}");
    assert_eq!(
        by_state("missing"),
        ["body:p[5]"],
        "the inserted paragraph; {report}"
    );
    // `stale` shows each with the word diff of its source and its translation.
    succeed(project.tolkar().args(["build", "--lang", "nb"]));
    let output = project
        .tolkar()
        .args(["stale", "--lang", "nb", "--format", "json"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let stale: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let documents = stale.as_array().unwrap();
    assert_eq!(documents.len(), 1);
    assert_eq!(documents[0]["path"], POSTING);
    assert_eq!(documents[0]["localized_path"], "content/nb/career/cfo.md");
    let segments = documents[0]["segments"].as_array().unwrap();
    let keys: Vec<&str> = segments
        .iter()
        .map(|s| s["key"].as_str().unwrap())
        .collect();
    assert_eq!(keys, ["body:p[1]", "body:p[7]"]);
    let first = &segments[0];
    assert!(first["translation"].as_str().unwrap().ends_with("[nb]"));
    assert!(first["localized_line"].as_u64().is_some(), "{first}");
    let inserted: Vec<&str> = first["diff"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|run| run["op"] == "insert")
        .map(|run| run["text"].as_str().unwrap())
        .collect();
    assert_eq!(inserted, ["hela "]);
    let text = String::from_utf8(
        project
            .tolkar()
            .args(["stale", "--lang", "nb"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert!(
        text.contains(
            "source: Safespring går nu in i en ny fas av snabb expansion i {+hela +}Skandinavien"
        ),
        "{text}"
    );
    assert!(text.contains("[-Ansvar-]{+Ansvaret+}"), "{text}");

    // Every translation survives: the stale one keeps its text, and the
    // paragraphs after the insertion keep theirs under their new keys.
    let kept: Vec<&String> = after.values().filter_map(|(_, t)| t.as_ref()).collect();
    let gone_item = "Dataanalys, prognoser och kassaflödeshantering [nb]";
    for (key, (_, target)) in &before {
        let target = target.as_ref().unwrap();
        if target == gone_item {
            assert!(!kept.contains(&target), "the deleted item is obsolete");
        } else {
            assert!(kept.contains(&target), "{key}: {target} was lost");
        }
    }
}
