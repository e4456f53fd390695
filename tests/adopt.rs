//! `tolkar adopt` on the corpus site, which already has its translations:
//! every posting pair aligns, a build after it changes no localized
//! posting, pages with no source are left alone, values the translation
//! owns survive source edits, and hand edits come back into the store.

mod common;

use std::collections::BTreeMap;

use common::{Project, copy_tree, repo, shared, stderr_of, succeed};

/// The whole corpus site (sources and translations) with the example
/// site's tolkar.toml.
fn site() -> Project {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(
        &shared().join("corpus/site/content"),
        &dir.path().join("content"),
    );
    std::fs::copy(
        repo().join("examples/site/tolkar.toml"),
        dir.path().join("tolkar.toml"),
    )
    .unwrap();
    Project { dir }
}

/// Every file under content/, by path, with its bytes.
fn snapshot(project: &Project) -> BTreeMap<String, Vec<u8>> {
    fn walk(dir: &std::path::Path, root: &std::path::Path, out: &mut BTreeMap<String, Vec<u8>>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, root, out);
            } else {
                let key = path
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                out.insert(key, std::fs::read(&path).unwrap());
            }
        }
    }
    let mut files = BTreeMap::new();
    walk(&project.path("content"), project.dir.path(), &mut files);
    files
}

/// "{lang}: N localized postings, A of S segments adopted (…%), I rebuild…"
fn summary(stderr: &str, lang: &str) -> (u64, u64, u64, u64) {
    let line = stderr
        .lines()
        .find(|l| l.starts_with(&format!("{lang}: ")))
        .unwrap_or_else(|| panic!("no summary for {lang}:\n{stderr}"));
    // The number just before `words`, or just after (`of N`).
    let before = |words: &str| -> u64 {
        let at = line
            .find(words)
            .unwrap_or_else(|| panic!("{words}: {line}"));
        let digits: String = line[..at]
            .trim_end()
            .chars()
            .rev()
            .take_while(char::is_ascii_digit)
            .collect();
        digits.chars().rev().collect::<String>().parse().unwrap()
    };
    let after = |words: &str| -> u64 {
        let at = line
            .find(words)
            .unwrap_or_else(|| panic!("{words}: {line}"))
            + words.len();
        let digits: String = line[at..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        digits.parse().unwrap()
    };
    (
        before(" localized postings"),
        before(" of "),
        after(" of "),
        before(" rebuild byte for byte"),
    )
}

/// Of one language's localized postings there are, how many build
/// manages, as `status` counts them.
fn managed(project: &Project, lang: &str) -> (u64, u64) {
    let (_, managed, all, _) = common::managed_postings(project.dir.path(), Some(lang)).remove(0);
    (managed, all)
}

fn translation(project: &Project, lang: &str, id: &str) -> Option<(String, String, String)> {
    project.units(lang, None).iter().find_map(|u| {
        (u["id"] == id).then(|| {
            (
                u["target"].as_str().unwrap_or_default().to_string(),
                u["state"].as_str().unwrap().to_string(),
                u["origin"].as_str().unwrap_or_default().to_string(),
            )
        })
    })
}

#[test]
fn the_corpus_site_is_adopted_and_a_build_changes_nothing() {
    if common::corpus_or_skip().is_none() {
        return;
    }
    let project = site();
    let before = snapshot(&project);
    let report = succeed(project.tolkar().arg("adopt"));
    for lang in ["en", "da", "nb"] {
        let (postings, adopted, segments, identical) = summary(&report, lang);
        // Every Swedish posting has its translation in each language.
        assert_eq!(postings, 17, "{report}");
        assert!(
            adopted * 100 >= segments * 98,
            "{lang}: {adopted} of {segments}\n{report}"
        );
        // The others keep differences of their own, which build keeps.
        assert!(identical <= postings, "{report}");
        assert_eq!(managed(&project, lang), (17, 17), "{lang}");
    }
    // Pages written only in English are named and left alone.
    for orphan in [
        "content/en/career/2026-cloud-engineer-openstack.md",
        "content/en/career/2026-solution-architect.md",
    ] {
        assert!(
            report.contains(&format!("{orphan}: no source posting; left alone")),
            "{report}"
        );
    }
    // Lines of what did not adopt are named.
    assert!(
        report.contains("not adopted: body:li[13] (line 74)"),
        "{report}"
    );
    assert_eq!(
        translation(&project, "nb", "content/sv/career/cfo.md#fm:Title"),
        Some((
            "Finansdirektør (CFO)".into(),
            "translated".into(),
            "adopted".into()
        ))
    );

    // A build right after changes no file, and manages every posting: the
    // ones that do not rebuild byte for byte keep their own differences
    // by a three-way merge.
    let built = succeed(project.tolkar().arg("build"));
    assert_eq!(snapshot(&project), before, "{built}");
    assert!(
        built.contains("Built nb: 0 written, 17 unchanged, 0 skipped."),
        "{built}"
    );
    assert!(
        built.contains("nb: 4 postings keep differences of their own"),
        "{built}"
    );
    // A second adopt has nothing new to store.
    let again = succeed(project.tolkar().args(["adopt", "--lang", "nb"]));
    assert!(
        again.contains("; 0 translations new or changed."),
        "{again}"
    );
}

#[test]
fn explain_shows_why_a_posting_would_change() {
    if common::corpus_or_skip().is_none() {
        return;
    }
    let project = site();
    let output = project
        .tolkar()
        .args([
            "adopt",
            "--explain",
            "content/da/career/2025-open-position.md",
            "--lang",
            "da",
        ])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("19 of 19 segments align"), "{text}");
    assert!(text.contains("first at line 22, column 1"), "{text}");
    assert!(
        text.contains(
            "+++ content/da/career/2025-open-position.md (as build makes it of the store)"
        )
    );
    // --explain stores nothing.
    assert!(!project.path(".tolkar/tolkar.db").exists() || project.dump().is_empty());
    // It needs one language.
    let output = project
        .tolkar()
        .args(["adopt", "--explain", "content/da/career/cfo.md"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn values_the_translation_owns_survive_source_edits() {
    if common::corpus_or_skip().is_none() {
        return;
    }
    let project = site();
    let nb = project.path("content/nb/career/cfo.md");
    // The Norwegian page has its own slug, date and aliases.
    let localized = std::fs::read_to_string(&nb).unwrap();
    let localized = localized
        .replace(
            "date: \"2021-02-26\"",
            "date: \"2021-03-15\"\nslug: \"finansdirektor\"",
        )
        .replace("  - /career/cfo/", "  - /nb/karriere/finansdirektor/");
    std::fs::write(&nb, &localized).unwrap();
    let report = succeed(project.tolkar().args(["adopt", "--lang", "nb"]));
    assert!(!report.contains("content/nb/career/cfo.md:"), "{report}");
    succeed(project.tolkar().args(["build", "--lang", "nb"]));
    assert_eq!(std::fs::read_to_string(&nb).unwrap(), localized);

    // The source changes a value no translation owns, and a paragraph.
    let sv = project.path("content/sv/career/cfo.md");
    let source = std::fs::read_to_string(&sv).unwrap();
    std::fs::write(
        &sv,
        source
            .replace("fa-external-link-alt", "fa-paper-plane")
            .replace("Heltid", "Heltid, tillsvidare"),
    )
    .unwrap();
    succeed(project.tolkar().args(["build", "--lang", "nb"]));
    let rebuilt = std::fs::read_to_string(&nb).unwrap();
    assert!(
        rebuilt.contains("sidebarlinkicon: \"fa-paper-plane\""),
        "{rebuilt}"
    );
    assert!(rebuilt.contains("slug: \"finansdirektor\""), "{rebuilt}");
    assert!(rebuilt.contains("date: \"2021-03-15\""), "{rebuilt}");
    assert!(
        rebuilt.contains("  - /nb/karriere/finansdirektor/"),
        "{rebuilt}"
    );
    // The changed value is stale and keeps its adopted text meanwhile.
    assert_eq!(
        translation(&project, "nb", "content/sv/career/cfo.md#fm:Duration").map(|t| t.1),
        Some("stale".into())
    );
}

#[test]
fn hand_edits_are_not_overwritten_and_adopt_takes_them_in() {
    if common::corpus_or_skip().is_none() {
        return;
    }
    let project = site();
    succeed(project.tolkar().args(["adopt", "--lang", "nb"]));
    succeed(project.tolkar().args(["build", "--lang", "nb"]));
    let nb = project.path("content/nb/career/cfo.md");
    let edited = std::fs::read_to_string(&nb)
        .unwrap()
        .replace("Søk nå", "Søk i dag");
    std::fs::write(&nb, &edited).unwrap();

    let report = succeed(project.tolkar().args(["build", "--lang", "nb"]));
    assert_eq!(
        std::fs::read_to_string(&nb).unwrap(),
        edited,
        "not overwritten"
    );
    assert!(!report.contains("not written"), "{report}");

    // A change of the source reaches the edited posting, and the edit
    // stays.
    let source = project.path("content/sv/career/cfo.md");
    let changed = std::fs::read_to_string(&source).unwrap() + "\nEtt nytt stycke.\n";
    std::fs::write(&source, changed).unwrap();
    succeed(project.tolkar().args(["build", "--lang", "nb"]));
    let merged = std::fs::read_to_string(&nb).unwrap();
    assert!(merged.contains("Søk i dag"), "{merged}");
    assert!(merged.ends_with("\nEtt nytt stycke.\n"), "{merged}");
    std::fs::write(&nb, &edited).unwrap();
    std::fs::write(
        &source,
        std::fs::read_to_string(&source)
            .unwrap()
            .replace("\nEtt nytt stycke.\n", ""),
    )
    .unwrap();

    succeed(
        project
            .tolkar()
            .args(["adopt", "--lang", "nb", "--doc", "content/sv/career/cfo.md"]),
    );
    assert_eq!(
        translation(
            &project,
            "nb",
            "content/sv/career/cfo.md#fm:sidebarlinkname"
        ),
        Some(("Søk i dag".into(), "translated".into(), "adopted".into()))
    );
    let report = succeed(project.tolkar().args(["build", "--lang", "nb"]));
    assert!(
        !report.contains("content/nb/career/cfo.md: not written"),
        "{report}"
    );
    assert_eq!(std::fs::read_to_string(&nb).unwrap(), edited);
}

#[test]
fn a_missing_paragraph_is_reported_with_its_line_and_not_guessed() {
    if common::corpus_or_skip().is_none() {
        return;
    }
    let project = site();
    let nb = project.path("content/nb/career/cfo.md");
    let text = std::fs::read_to_string(&nb).unwrap();
    let paragraph = text
        .lines()
        .find(|l| l.starts_with("Du blir en aktiv og sentral"))
        .unwrap_or_else(|| panic!("{text}"))
        .to_string();
    std::fs::write(&nb, text.replace(&format!("{paragraph}\n\n"), "")).unwrap();
    let before = snapshot(&project);
    let report = succeed(
        project
            .tolkar()
            .args(["adopt", "--lang", "nb", "--doc", "**/cfo.md"]),
    );
    assert!(
        report.contains("missing: body:p[5] (source line 31)"),
        "{report}"
    );
    // The paragraphs after it kept their own translations.
    let next = translation(&project, "nb", "content/sv/career/cfo.md#body:p[6]").unwrap();
    assert!(
        next.0.starts_with("Ansvarsområder som følger med rollen"),
        "{next:?}"
    );
    assert_eq!(
        translation(&project, "nb", "content/sv/career/cfo.md#body:p[5]").map(|t| t.1),
        Some("missing".into())
    );
    // Build leaves the file as the translator wrote it.
    succeed(project.tolkar().args(["build", "--lang", "nb"]));
    assert_eq!(snapshot(&project), before);
}

#[test]
fn dry_run_stores_nothing_and_a_broken_posting_is_located_and_skipped() {
    if common::corpus_or_skip().is_none() {
        return;
    }
    let project = site();
    succeed(project.tolkar().arg("sync"));
    let before = project.dump();
    let report = succeed(project.tolkar().args(["adopt", "--dry-run"]));
    assert!(report.contains("Dry run: nothing was stored."), "{report}");
    assert_eq!(project.dump(), before);

    let da = project.path("content/da/career/cfo.md");
    let text = std::fs::read_to_string(&da).unwrap();
    std::fs::write(&da, text.replacen("Team: ", "Team: [", 1)).unwrap();
    let output = project.tolkar().arg("adopt").output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = stderr_of(&output);
    assert!(
        stderr.contains("content/da/career/cfo.md:5:1: invalid YAML front matter"),
        "{stderr}"
    );
    // The broken posting is left out whole; every other one is adopted.
    assert_eq!(
        translation(&project, "da", "content/sv/career/cfo.md#fm:Title").map(|t| t.1),
        Some("missing".into()),
        "nothing of the broken posting is adopted"
    );
    assert_eq!(
        translation(&project, "nb", "content/sv/career/cfo.md#fm:Title").map(|t| t.1),
        Some("translated".into()),
        "its translation in another language is"
    );
}

#[test]
fn a_translation_at_another_path_pairs_by_translation_key() {
    if common::corpus_or_skip().is_none() {
        return;
    }
    let project = site();
    let add_key = |path: &str| {
        let full = project.path(path);
        let text = std::fs::read_to_string(&full).unwrap();
        std::fs::write(
            &full,
            text.replacen("---\n", "---\ntranslationKey: cfo\n", 1),
        )
        .unwrap();
    };
    add_key("content/sv/career/cfo.md");
    add_key("content/nb/career/cfo.md");
    std::fs::rename(
        project.path("content/nb/career/cfo.md"),
        project.path("content/nb/career/finansdirektor.md"),
    )
    .unwrap();
    let report = succeed(project.tolkar().args(["adopt", "--lang", "nb"]));
    assert!(
        !report.contains("finansdirektor.md: no source posting"),
        "{report}"
    );
    let (postings, ..) = summary(&report, "nb");
    assert_eq!(postings, 17, "{report}");
    assert_eq!(
        translation(&project, "nb", "content/sv/career/cfo.md#fm:Title").map(|t| t.0),
        Some("Finansdirektør (CFO)".into())
    );
    // Build keeps the page where it is and writes nothing at cfo.md.
    let before = snapshot(&project);
    let built = succeed(project.tolkar().args(["build", "--lang", "nb"]));
    assert_eq!(snapshot(&project), before, "{built}");
    assert!(!project.path("content/nb/career/cfo.md").exists());
    // Editors are pointed at it too.
    let source = project.path("content/sv/career/cfo.md");
    let text = std::fs::read_to_string(&source).unwrap();
    std::fs::write(
        &source,
        text.replace("Finanschef (CFO)", "Finanschef (CFO) sökes"),
    )
    .unwrap();
    let output = project
        .tolkar()
        .args(["stale", "--lang", "nb", "--format", "json"])
        .output()
        .unwrap();
    let stale: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        stale[0]["localized_path"],
        "content/nb/career/finansdirektor.md"
    );
    assert_eq!(stale[0]["segments"][0]["localized_line"], 4);
}

#[test]
fn init_then_adopt_takes_over_the_site_as_it_is() {
    if common::corpus_or_skip().is_none() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&shared().join("corpus/site"), dir.path());
    let project = Project { dir };
    let before = snapshot(&project);
    succeed(project.tolkar().arg("init"));
    let report = succeed(project.tolkar().arg("adopt"));
    for lang in ["en", "da", "nb"] {
        let (postings, adopted, segments, _) = summary(&report, lang);
        assert_eq!(postings, 17, "{report}");
        assert!(adopted * 100 >= segments * 98, "{report}");
        assert_eq!(managed(&project, lang), (17, 17), "{lang}");
    }
    succeed(project.tolkar().arg("build"));
    assert_eq!(snapshot(&project), before);
}

/// A fixture site of `tests/fixtures/hugo/`, initialized from its Hugo
/// configuration, then adopted.
fn adopted_fixture(name: &str) -> (Project, String, BTreeMap<String, Vec<u8>>) {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&repo().join("tests/fixtures/hugo").join(name), dir.path());
    let project = Project { dir };
    let before = snapshot(&project);
    succeed(project.tolkar().arg("init"));
    let report = succeed(project.tolkar().arg("adopt"));
    (project, report, before)
}

#[test]
fn by_filename_translations_are_adopted() {
    let (project, report, before) = adopted_fixture("by-filename");
    let (postings, adopted, segments, identical) = summary(&report, "da");
    assert_eq!(
        (postings, adopted, segments, identical),
        (1, 2, 2, 1),
        "{report}"
    );
    assert_eq!(
        translation(&project, "da", "content/posts/x.md#body:p[1]").map(|t| t.0),
        Some("Tekst på dansk.".into())
    );
    // y.md has no Danish page: build writes one, and touches nothing else.
    succeed(project.tolkar().args(["build", "--lang", "da"]));
    let after = snapshot(&project);
    assert!(after.contains_key("content/posts/y.da.md"));
    for (path, bytes) in &before {
        assert_eq!(&after[path], bytes, "{path}");
    }
}

#[test]
fn fixture_pages_pair_by_translation_key() {
    let (project, report, before) = adopted_fixture("translation-key");
    let (postings, adopted, segments, identical) = summary(&report, "en");
    assert_eq!(
        (postings, adopted, segments, identical),
        (2, 4, 4, 2),
        "{report}"
    );
    assert!(!report.contains("no source posting"), "{report}");
    assert_eq!(
        translation(&project, "en", "content/sv/om/oss.md#fm:title").map(|t| t.0),
        Some("About us".into())
    );
    succeed(project.tolkar().arg("build"));
    assert_eq!(snapshot(&project), before);
}

/// A small project: sv sources and en translations, by directory.
fn small(files: &[(&str, &str)]) -> Project {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("tolkar.toml"),
        "source_language = \"sv\"\ntarget_languages = [\"en\"]\n",
    )
    .unwrap();
    for (path, text) in files {
        let full = dir.path().join(path);
        std::fs::create_dir_all(full.parent().unwrap()).unwrap();
        std::fs::write(full, text).unwrap();
    }
    Project { dir }
}

#[test]
fn postings_pair_by_translation_key_as_hugo_pairs_them() {
    // A key on two sources pairs nothing, even where a path would.
    let project = small(&[
        (
            "content/sv/a.md",
            "---\ntitle: \"Alfa\"\ntranslationKey: k\n---\nFörsta texten om alfa.\n",
        ),
        (
            "content/sv/b.md",
            "---\ntitle: \"Beta\"\ntranslationKey: k\n---\nAndra texten om beta.\n",
        ),
        (
            "content/en/b.md",
            "---\ntitle: \"Beta\"\ntranslationKey: k\n---\nSecond text about beta.\n",
        ),
    ]);
    let report = succeed(project.tolkar().arg("adopt"));
    assert!(
        report.contains("translationKey \"k\" is on several postings (content/sv/a.md, content/sv/b.md, content/en/b.md): not paired"),
        "{report}"
    );
    assert_eq!(summary(&report, "en").0, 0, "{report}");

    // A file paired by key is not another source's by path, and build
    // does not write that source's translation over it.
    let project = small(&[
        (
            "content/sv/a.md",
            "---\ntitle: \"Ett\"\ntranslationKey: k\n---\nFörsta texten.\n",
        ),
        (
            "content/en/b.md",
            "---\ntitle: \"One\"\ntranslationKey: k\n---\nFirst text.\n",
        ),
    ]);
    succeed(project.tolkar().arg("adopt"));
    succeed(project.tolkar().arg("build"));
    std::fs::write(
        project.path("content/sv/b.md"),
        "---\ntitle: \"Tvåan\"\n---\nAndra texten här.\n",
    )
    .unwrap();
    let before = snapshot(&project);
    let report = succeed(project.tolkar().arg("adopt"));
    assert_eq!(summary(&report, "en").0, 1, "{report}");
    assert_eq!(
        translation(&project, "en", "content/sv/b.md#body:p[1]").map(|t| t.1),
        Some("missing".into())
    );
    let built = succeed(project.tolkar().arg("build"));
    assert!(
        built.contains("content/en/b.md: not written for content/sv/b.md"),
        "{built}"
    );
    assert_eq!(snapshot(&project), before);

    // The key changed: the pairing is forgotten, and build writes the
    // translation at its layout path again.
    let en = project.path("content/en/b.md");
    let text = std::fs::read_to_string(&en).unwrap();
    std::fs::write(
        &en,
        text.replace("translationKey: k", "translationKey: other"),
    )
    .unwrap();
    let report = succeed(project.tolkar().args(["adopt", "--lang", "en"]));
    assert!(
        report.contains("content/en/b.md: no source posting"),
        "{report}"
    );
    succeed(project.tolkar().args(["build", "--lang", "en"]));
    assert!(project.path("content/en/a.md").exists());
    assert_eq!(
        std::fs::read_to_string(&en).unwrap(),
        text.replace("translationKey: k", "translationKey: other")
    );
}

#[test]
fn adopting_again_keeps_stale_translations_stale() {
    let project = small(&[
        (
            "content/sv/a.md",
            "---\ntitle: \"Produkten\"\n---\nVi säljer Kubernetes.\n\nKontakta oss.\n",
        ),
        (
            "content/en/a.md",
            "---\ntitle: \"The product\"\n---\nWe sell Kubernetes.\n\nContact us.\n",
        ),
    ]);
    succeed(project.tolkar().arg("adopt"));
    succeed(project.tolkar().arg("build"));
    let source = project.path("content/sv/a.md");
    let text = std::fs::read_to_string(&source).unwrap();
    std::fs::write(
        &source,
        text.replace("Kontakta oss.", "Kontakta oss i dag."),
    )
    .unwrap();
    let report = succeed(project.tolkar().arg("adopt"));
    assert!(
        report.contains("; 0 translations new or changed."),
        "{report}"
    );
    assert_eq!(
        translation(&project, "en", "content/sv/a.md#body:p[2]").map(|t| t.1),
        Some("stale".into())
    );
}

#[test]
fn a_hand_edit_back_to_the_source_text_is_adopted() {
    let project = small(&[
        (
            "content/sv/a.md",
            "---\ntitle: \"Produkten\"\n---\nVi säljer Kubernetes.\n",
        ),
        (
            "content/en/a.md",
            "---\ntitle: \"The product\"\n---\nWe sell Kubernetes.\n",
        ),
    ]);
    succeed(project.tolkar().arg("adopt"));
    succeed(project.tolkar().arg("build"));
    let en = project.path("content/en/a.md");
    let edited = std::fs::read_to_string(&en)
        .unwrap()
        .replace("The product", "Produkten");
    std::fs::write(&en, &edited).unwrap();
    succeed(project.tolkar().arg("adopt"));
    assert_eq!(
        translation(&project, "en", "content/sv/a.md#fm:title").map(|t| t.0),
        Some("Produkten".into())
    );
    let report = succeed(project.tolkar().arg("build"));
    assert!(!report.contains("not written"), "{report}");
    assert_eq!(std::fs::read_to_string(&en).unwrap(), edited);
}

#[test]
fn a_word_for_word_copy_of_the_source_is_not_adopted() {
    let text = "---\ntitle: \"Produkten\"\n---\nVi säljer Kubernetes.\n";
    let project = small(&[("content/sv/a.md", text), ("content/en/a.md", text)]);
    let report = succeed(project.tolkar().arg("adopt"));
    assert!(
        report.contains("every text is the source's own"),
        "{report}"
    );
    assert_eq!(
        translation(&project, "en", "content/sv/a.md#fm:title").map(|t| t.1),
        Some("missing".into())
    );
}

#[test]
fn the_translation_spelling_of_its_language_is_kept() {
    // Quoted unlike the source, as the source, or left out: each rebuilds.
    for spelled in ["language: \"en\"", "language: en", ""] {
        let localized = format!("---\ntitle: \"About\"\n{spelled}\n---\nText here.\n")
            .replace("\n\n---", "\n---");
        let project = small(&[
            (
                "content/sv/a.md",
                "---\ntitle: \"Om\"\nlanguage: sv\n---\nText här.\n",
            ),
            ("content/en/a.md", &localized),
        ]);
        succeed(project.tolkar().arg("adopt"));
        assert_eq!(managed(&project, "en"), (1, 1), "{spelled:?}");
        let before = snapshot(&project);
        succeed(project.tolkar().arg("build"));
        assert_eq!(snapshot(&project), before, "{spelled:?}");
    }
}

#[test]
fn localized_link_targets_are_suggested_and_then_written_for_new_postings_too() {
    let project = small(&[
        (
            "content/sv/a.md",
            "---\ntitle: \"Om\"\n---\nLäs om [tjänsten](/tjanst/) och se ![loggan](/logo.png).\n",
        ),
        (
            "content/en/a.md",
            "---\ntitle: \"About\"\n---\nRead about [the service](/en/tjanst/) and see ![the logo](/logo.png).\n",
        ),
    ]);
    let report = succeed(project.tolkar().arg("adopt"));
    assert!(
        report.contains("en: 1 of 1 internal links in the translations point to the language's own pages; add \"en\" to localize in [links]"),
        "{report}"
    );
    let config = project.path("tolkar.toml");
    let mut text = std::fs::read_to_string(&config).unwrap();
    text.push_str("\n[links]\nlocalize = [\"en\"]\n");
    std::fs::write(&config, text).unwrap();
    let report = succeed(project.tolkar().arg("adopt"));
    assert!(!report.contains("internal links"), "{report}");
    assert_eq!(
        summary(&report, "en").3,
        1,
        "rebuilds byte for byte: {report}"
    );
    // A new posting: its links point to the English pages, its picture
    // stays where it is.
    std::fs::write(
        project.path("content/sv/b.md"),
        "---\ntitle: \"Mer\"\n---\nSe [priser](/priser/#lista) och ![bild](/bild.jpg).\n",
    )
    .unwrap();
    let before = std::fs::read_to_string(project.path("content/en/a.md")).unwrap();
    succeed(project.tolkar().arg("build"));
    let built = std::fs::read_to_string(project.path("content/en/b.md")).unwrap();
    assert!(
        built.contains("[priser](/en/priser/#lista)") && built.contains("![bild](/bild.jpg)"),
        "{built}"
    );
    assert_eq!(
        std::fs::read_to_string(project.path("content/en/a.md")).unwrap(),
        before
    );
}

#[test]
fn a_renamed_source_keeps_its_translations_and_build_moves_its_postings() {
    let project = small(&[
        (
            "content/sv/a.md",
            "---\ntitle: \"Om oss\"\n---\nVi säljer moln.\n\nKontakta oss.\n",
        ),
        (
            "content/en/a.md",
            "---\ntitle: \"About us\"\n---\nWe sell clouds.\n\nContact us.\n",
        ),
        ("content/sv/b.md", "---\ntitle: \"Bortre\"\n---\nEn sida.\n"),
    ]);
    succeed(project.tolkar().arg("adopt"));
    succeed(project.tolkar().arg("build"));
    succeed(
        project
            .tolkar()
            .args(["review", "approve", "--lang", "en", "--all"]),
    );
    let state = |id: &str| translation(&project, "en", id).map(|t| t.1);
    assert_eq!(
        state("content/sv/a.md#body:p[1]").as_deref(),
        Some("reviewed")
    );

    // `git mv`, and an edit on the way: the same document, its states kept.
    std::fs::create_dir_all(project.path("content/sv/om")).unwrap();
    std::fs::remove_file(project.path("content/sv/a.md")).unwrap();
    std::fs::write(
        project.path("content/sv/om/a.md"),
        "---\ntitle: \"Om oss\"\n---\nVi säljer moln.\n\nKontakta oss.\n\nNytt stycke.\n",
    )
    .unwrap();
    let built = succeed(project.tolkar().arg("build"));
    assert!(
        built.contains("content/sv/a.md → content/sv/om/a.md: renamed")
            && built
                .contains("content/en/a.md → content/en/om/a.md: moved with its source posting"),
        "{built}"
    );
    assert_eq!(
        state("content/sv/om/a.md#body:p[1]").as_deref(),
        Some("reviewed")
    );
    assert!(!project.path("content/en/a.md").exists());
    let moved = std::fs::read_to_string(project.path("content/en/om/a.md")).unwrap();
    assert!(
        moved.contains("We sell clouds.") && moved.contains("Nytt stycke."),
        "{moved}"
    );

    // Moved out of the site and back: still reviewed.
    let away = project.path("a.md.away");
    std::fs::rename(project.path("content/sv/om/a.md"), &away).unwrap();
    succeed(project.tolkar().arg("sync"));
    std::fs::rename(&away, project.path("content/sv/om/a.md")).unwrap();
    succeed(project.tolkar().arg("sync"));
    assert_eq!(
        state("content/sv/om/a.md#body:p[1]").as_deref(),
        Some("reviewed")
    );

    // A deleted source: its posting is told of, and --prune removes it
    // only as tolkar wrote it.
    std::fs::remove_file(project.path("content/sv/b.md")).unwrap();
    let built = succeed(project.tolkar().arg("build"));
    assert!(
        built.contains("content/en/b.md: its source posting is gone"),
        "{built}"
    );
    let status = String::from_utf8(succeed_out(project.tolkar().arg("status"))).unwrap();
    assert!(
        status.contains("content/en/b.md: its source posting is gone"),
        "{status}"
    );
    let b = project.path("content/en/b.md");
    let text = std::fs::read_to_string(&b).unwrap();
    std::fs::write(&b, text.replace("En sida.", "A page.")).unwrap();
    let built = succeed(project.tolkar().args(["build", "--prune"]));
    assert!(
        built.contains("has text of its own; not removed"),
        "{built}"
    );
    assert!(b.exists());
    std::fs::write(&b, &text).unwrap();
    let built = succeed(project.tolkar().args(["build", "--prune"]));
    assert!(built.contains("content/en/b.md: removed"), "{built}");
    assert!(!b.exists());
}

fn succeed_out(cmd: &mut assert_cmd::Command) -> Vec<u8> {
    let output = cmd.output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    output.stdout
}
