//! Drift on a real posting: every segment translated, then the source
//! edited as people do. Exactly the segments whose text changed go stale,
//! an inserted paragraph is missing, and nothing else is flagged.

mod common;

use std::collections::BTreeMap;

use common::{Project, succeed};

const POSTING: &str = "content/sv/career/cfo.md";

/// State of every unit for nb, by key, from a JSON export of all states.
fn states(project: &Project, posting: &str) -> BTreeMap<String, (String, Option<String>)> {
    project
        .units("nb", Some(posting))
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

fn edit(project: &Project, posting: &str, from: &str, to: &str) {
    let path = project.path(posting);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{from:?} is not in {posting}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn only_changed_text_goes_stale() {
    if common::corpus_or_skip().is_none() {
        return;
    }
    let project = Project::corpus();
    // Translate everything: each target is its source with a marker.
    project.translate_all("nb", Some(POSTING));
    let before = states(&project, POSTING);
    assert!(before.values().all(|(state, _)| state == "translated"));

    // A typo fixed in one paragraph.
    edit(
        &project,
        POSTING,
        "snabb expansion i Skandinavien",
        "snabb expansion i hela Skandinavien",
    );
    // A new paragraph inserted in the middle, after p[4].
    edit(
        &project,
        POSTING,
        "vår verksamhet och tillväxt.\n",
        "vår verksamhet och tillväxt.\n\nEtt helt nytt stycke om hur vi arbetar tillsammans.\n",
    );
    // A typo fixed after the insertion: its key moved on (p[6] to p[7]).
    edit(
        &project,
        POSTING,
        "Ansvar som följer med rollen",
        "Ansvaret som följer med rollen",
    );
    // A list item deleted.
    edit(
        &project,
        POSTING,
        "- Dataanalys, prognoser och kassaflödeshantering\n",
        "",
    );
    // A paragraph's line breaks reflowed: not drift.
    edit(
        &project,
        POSTING,
        "Du blir en aktiv och central medlem i ledningsgruppen. Du rapporterar",
        "Du blir en aktiv och central medlem i ledningsgruppen.\nDu rapporterar",
    );
    // A section moved: the qualifications now come before the duties.
    let text = std::fs::read_to_string(project.path(POSTING)).unwrap();
    let start = text.find("### Kvalifikationer\n").unwrap();
    let end = text.find("<div id=\"down\">").unwrap();
    let section = text[start..end].to_string();
    let moved = text.replacen(&section, "", 1).replacen(
        "### Ansvarsområden\n",
        &format!("{section}### Ansvarsområden\n"),
        1,
    );
    std::fs::write(project.path(POSTING), moved).unwrap();
    // A link target changed: applied on build, not drift.
    edit(
        &project,
        POSTING,
        "/industries/research-and-education.md",
        "/industries/education.md",
    );
    // A URL parameter of a shortcode changed: not drift either.
    edit(&project, POSTING, "view/2427471416/", "view/2427479999/");
    // A translatable shortcode parameter changed: drift.
    edit(
        &project,
        POSTING,
        "title=\"Styrelseordförande\"",
        "title=\"Vice styrelseordförande\"",
    );
    let report = succeed(project.tolkar().arg("sync"));
    let after = states(&project, POSTING);

    let by_state = |state: &str| -> Vec<&str> {
        after
            .iter()
            .filter(|(_, (s, _))| s == state)
            .map(|(k, _)| k.as_str())
            .collect()
    };
    assert_eq!(
        by_state("stale"),
        ["body:p[1]", "body:p[7]", "sc:contact[1].title"],
        "{report}"
    );
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
    assert_eq!(keys, ["body:p[1]", "body:p[7]", "sc:contact[1].title"]);
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
    assert!(
        text.contains("[-Styrelseordförande-]{+Vice styrelseordförande+}"),
        "{text}"
    );

    // The build carries the new link target and URL into the translation,
    // and the moved section with its translations.
    let built = std::fs::read_to_string(project.path("content/nb/career/cfo.md")).unwrap();
    assert!(built.contains("/industries/education.md"), "{built}");
    assert!(built.contains("view/2427479999/"), "{built}");
    let qualifications = built.find("Kvalifikationer [nb]").unwrap();
    let responsibilities = built.find("Ansvarsområden [nb]").unwrap();
    assert!(qualifications < responsibilities, "{built}");

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

#[test]
fn layout_and_non_text_changes_are_not_drift() {
    if common::corpus_or_skip().is_none() {
        return;
    }
    const OTHER: &str = "content/sv/career/2025-devops-engineer.md";
    let project = Project::corpus();
    project.translate_all("nb", Some(OTHER));
    let before = states(&project, OTHER);

    // A shortcode's colour, icon and image changed.
    edit(&project, OTHER, "color=\"#3C9BCD\"", "color=\"#E84A5F\"");
    edit(
        &project,
        OTHER,
        "fa-arrow-up-right-from-square",
        "fa-paper-plane",
    );
    edit(
        &project,
        OTHER,
        "/img/kontakt/marietta.webp",
        "/img/team/marietta.webp",
    );
    // Two paragraphs swapped.
    edit(
        &project,
        OTHER,
        "Du kan arbeta helt på distans, från Stockholmskontoret eller var som helst i Europa, med ett hemmakontorsbidrag och utrustning efter eget val som stöd.\n\nDu blir en del av ett Europaomspännande team som präglas av tillit och minimalt med mikrostyrning.\n",
        "Du blir en del av ett Europaomspännande team som präglas av tillit och minimalt med mikrostyrning.\n\nDu kan arbeta helt på distans, från Stockholmskontoret eller var som helst i Europa, med ett hemmakontorsbidrag och utrustning efter eget val som stöd.\n",
    );
    // Trailing white space dropped from a list item, a blank line doubled.
    edit(
        &project,
        OTHER,
        "med stor påverkan  \n",
        "med stor påverkan\n",
    );
    edit(&project, OTHER, "\n## Om oss\n", "\n\n## Om oss\n");
    succeed(project.tolkar().arg("sync"));
    // Nothing is flagged, and every translation is kept (the swapped
    // paragraphs' keys swap with them).
    let after = states(&project, OTHER);
    assert!(
        after.values().all(|(state, _)| state == "translated"),
        "{after:?}"
    );
    let targets = |states: &BTreeMap<String, (String, Option<String>)>| {
        let mut targets: Vec<String> = states.values().filter_map(|(_, t)| t.clone()).collect();
        targets.sort();
        targets
    };
    assert_eq!(targets(&after), targets(&before));
    assert_eq!(
        after["body:p[3]"].1.as_deref(),
        before["body:p[4]"].1.as_deref()
    );

    // The build applies the new colour and keeps the swapped order.
    succeed(project.tolkar().args(["build", "--lang", "nb"]));
    let built =
        std::fs::read_to_string(project.path("content/nb/career/2025-devops-engineer.md")).unwrap();
    assert!(built.contains("color=\"#E84A5F\""), "{built}");
    assert!(built.contains("/img/team/marietta.webp"), "{built}");
    let team = built
        .find("Du blir en del av ett Europaomspännande")
        .unwrap();
    let remote = built.find("Du kan arbeta helt på distans").unwrap();
    assert!(team < remote, "{built}");

    // A translatable parameter of the same shortcode is drift.
    edit(
        &project,
        OTHER,
        "text=\"Klicka här för att ansöka\"",
        "text=\"Klicka här för att söka\"",
    );
    succeed(project.tolkar().arg("sync"));
    let after = states(&project, OTHER);
    let stale: Vec<&String> = after
        .iter()
        .filter(|(_, (state, _))| state == "stale")
        .map(|(key, _)| key)
        .collect();
    assert_eq!(stale, ["sc:icon-block-horisontal[1].text"]);
}
