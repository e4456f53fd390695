//! Build as a three-way merge on every translated posting of the corpus
//! sites, as a new user meets them: after `init` and `adopt`, `build`
//! changes no file there is, and at least 98% of the localized postings
//! that have a source are managed, per language. Then every source posting
//! gains a paragraph and a changed non-text front-matter value (a status,
//! a date, a weight), and `build` changes in each localized posting exactly
//! those lines: everything else the translation has of its own (links,
//! white space, anchors, values, keys) stays. Where the translation had
//! changed that value too, the posting is a reported conflict and is left
//! as it is; so it is where the translation does not follow the source
//! where the paragraph goes (at most 1% of the postings: on the glossary,
//! translations of an older, shorter version of a page).
//!
//! Skipped, with one line said, when ../shared is not beside the
//! repository, unless TOLKAR_REQUIRE_TOOLS=1 (CI).

mod common;

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use common::{corpus_or_skip as corpus, site_copy, succeed, tolkar_in};
use tolkar::posting::{Document, Kind, Rules, parse};
use tolkar::project::Project;

/// A front-matter line as it was, and as it is after its value changed.
type ValueChange = (String, String);

/// The paragraph every source gains.
const PARAGRAPH: &str = "A paragraph the source gained after it was translated.";

/// Every Markdown file under `root`, by path relative to it.
fn snapshot(root: &Path) -> BTreeMap<String, String> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, out);
            } else if path.extension().is_some_and(|e| e == "md") {
                let relative = path.strip_prefix(root).unwrap();
                let text = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned();
                out.insert(relative.to_string_lossy().replace('\\', "/"), text);
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(root, &root.join("content"), &mut out);
    out
}

/// Where a new paragraph goes: before the first paragraph that starts a
/// line after a blank one, or at the end.
fn insertion_point(text: &str, doc: &Document) -> usize {
    doc.segments
        .iter()
        .filter(|s| s.kind == Kind::Paragraph)
        .map(|s| s.span.start)
        .find(|&start| text[..start].ends_with("\n\n"))
        .unwrap_or(text.len())
}

fn with_paragraph(text: &str, doc: &Document) -> String {
    let at = insertion_point(text, doc);
    if at == text.len() {
        let newline = if text.ends_with('\n') { "" } else { "\n" };
        format!("{text}{newline}\n{PARAGRAPH}\n")
    } else {
        format!("{}{PARAGRAPH}\n\n{}", &text[..at], &text[at..])
    }
}

/// Keys whose change would change what the posting is, not a value of it.
const NOT_VALUES: [&str; 8] = [
    "translationkey",
    "language",
    "lang",
    "slug",
    "url",
    "aliases",
    "draft",
    "headless",
];

/// The lines of the front matter that hold a top-level value no segment
/// holds, each with the line it becomes when that value changes: a number
/// grows by one, a date moves a year on, other text gains a suffix.
fn value_changes(text: &str, doc: &Document) -> Vec<(String, String)> {
    let (delimiter, separator) = if text.starts_with("---\n") {
        ("---", ':')
    } else if text.starts_with("+++\n") {
        ("+++", '=')
    } else {
        return Vec::new();
    };
    let held = |key: &str| {
        doc.segments.iter().any(|s| {
            s.key
                .strip_prefix("fm:")
                .and_then(|k| k.strip_prefix(key))
                .is_some_and(|rest| rest.is_empty() || rest.starts_with(['[', '.']))
        })
    };
    let mut changes = Vec::new();
    for line in text.lines().skip(1) {
        if line == delimiter {
            break;
        }
        let Some((key, value)) = line.split_once(separator) else {
            continue;
        };
        let (key_text, value) = (key.trim(), value.trim());
        let plain_key = key_text.chars().all(|c| c.is_alphanumeric() || c == '_');
        if line.starts_with(char::is_whitespace)
            || !plain_key
            || held(key_text)
            || NOT_VALUES.contains(&key_text.to_lowercase().as_str())
        {
            continue;
        }
        if let Some(new) = changed_value(value, separator == '=') {
            let at = line.rfind(value).unwrap();
            changes.push((line.to_string(), format!("{}{new}", &line[..at])));
        }
    }
    changes
}

fn changed_value(value: &str, toml: bool) -> Option<String> {
    if let Ok(n) = value.parse::<u64>() {
        return Some((n + 1).to_string());
    }
    let is_date = value.len() >= 10
        && value.as_bytes()[4] == b'-'
        && value[..4].chars().all(|c| c.is_ascii_digit());
    let unquoted = value.trim_matches('"');
    if is_date || (unquoted.len() >= 10 && unquoted[..4].chars().all(|c| c.is_ascii_digit())) {
        let start = value.find(|c: char| c.is_ascii_digit())?;
        let year: u32 = value.get(start..start + 4)?.parse().ok()?;
        return Some(format!(
            "{}{}{}",
            &value[..start],
            year + 1,
            &value[start + 4..]
        ));
    }
    let plain = |s: &str| {
        !s.is_empty()
            && s.chars().next().is_some_and(char::is_alphanumeric)
            && s.chars()
                .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_' | '.'))
    };
    if toml {
        let inner = value.strip_prefix('"')?.strip_suffix('"')?;
        plain(inner).then(|| format!("\"{inner} changed\""))
    } else {
        (plain(value) && !["true", "false", "null"].contains(&value))
            .then(|| format!("{value} changed"))
    }
}

/// Lines that went, and lines that came, from `before` to `after`.
fn changed_lines(before: &str, after: &str) -> (Vec<String>, Vec<String>) {
    let diff = similar::TextDiff::from_lines(before, after);
    let (mut gone, mut came) = (Vec::new(), Vec::new());
    for change in diff.iter_all_changes() {
        // White space at the end of a line is the translation's own (the
        // merge keeps it beside a changed value), and a blank line is one
        // however many there are between blocks.
        let line = change.value().trim_end().to_string();
        if line.is_empty() {
            continue;
        }
        match change.tag() {
            similar::ChangeTag::Delete => gone.push(line),
            similar::ChangeTag::Insert => came.push(line),
            similar::ChangeTag::Equal => {}
        }
    }
    // A line the diff sees go and come again only moved against the lines
    // added beside it: it did not change.
    gone.sort();
    came.sort();
    let moved: Vec<String> = gone.iter().filter(|l| came.contains(l)).cloned().collect();
    for line in moved {
        if let (Some(g), Some(c)) = (
            gone.iter().position(|l| *l == line),
            came.iter().position(|l| *l == line),
        ) {
            gone.remove(g);
            came.remove(c);
        }
    }
    (gone, came)
}

/// The paths build reports as in conflict.
fn conflicts(stderr: &str) -> Vec<String> {
    stderr
        .lines()
        .filter(|l| l.contains(": not written: the file's own edit"))
        .filter_map(|l| l.split(':').next())
        .map(str::to_string)
        .collect()
}

/// `links`: languages init should set to link their own pages, and ones
/// it should not.
fn site_merges(site: &str, at_least: usize, links: (&[&str], &[&str])) {
    let Some(corpus) = corpus() else {
        return;
    };
    let dir = site_copy(&corpus, site);
    let root = dir.path();
    let original = snapshot(root);
    succeed(tolkar_in(root).arg("init"));
    let localize = Project::load(root).unwrap().config.links.localize;
    let (own, not) = links;
    assert!(
        own.iter().all(|l| localize.iter().any(|x| x == l))
            && not.iter().all(|l| !localize.iter().any(|x| x == l)),
        "{site}: init localizes links for {localize:?}"
    );
    succeed(tolkar_in(root).arg("adopt"));
    for (lang, _, postings, managed) in common::managed_postings(root, None) {
        assert!(
            managed >= 98.0,
            "{site} {lang}: {managed}% of {postings} localized postings managed"
        );
    }
    succeed(tolkar_in(root).arg("build"));
    let built = snapshot(root);
    let changed: Vec<&String> = original
        .iter()
        .filter(|(path, text)| built.get(*path) != Some(text))
        .map(|(path, _)| path)
        .collect();
    assert!(changed.is_empty(), "{site}: build changed {changed:?}");

    // Every source gains a paragraph, and a value changes where there is
    // one that most of its translations left as the source has it.
    let project = Project::load(root).unwrap();
    let rules: &Rules = &project.rules;
    // (localized path, source path, the value line changed: old, new)
    let mut localized: Vec<(String, String, Option<ValueChange>)> = Vec::new();
    for source in project.source_postings().unwrap() {
        let source = source.to_string_lossy().replace('\\', "/");
        let text = &built[&source];
        let doc = parse(text.as_bytes(), rules).unwrap();
        let translations: Vec<String> = project
            .config
            .target_languages
            .iter()
            .map(|lang| project.localized_display(&source, lang))
            .filter(|path| original.contains_key(path))
            .collect();
        let change = value_changes(text, &doc)
            .into_iter()
            .max_by_key(|(old, _)| {
                translations
                    .iter()
                    .filter(|path| original[*path].lines().any(|l| l.trim_end() == old))
                    .count()
            });
        let mut new_text = with_paragraph(text, &doc);
        if let Some((old, new)) = &change {
            new_text = new_text.replacen(&format!("\n{old}\n"), &format!("\n{new}\n"), 1);
        }
        std::fs::write(root.join(&source), new_text).unwrap();
        for path in translations {
            localized.push((path, source.clone(), change.clone()));
        }
    }
    assert!(
        localized.len() >= at_least,
        "{site}: {} translated postings",
        localized.len()
    );
    let output = tolkar_in(root).arg("build").output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "{site}: {stderr}"
    );
    let in_conflict = conflicts(&stderr);
    let after = snapshot(root);
    let mut failures = Vec::new();
    let mut tally: HashMap<&str, usize> = HashMap::new();
    let mut diverging = Vec::new();
    for (path, source, change) in &localized {
        let (before, now) = (&built[path], &after[path]);
        let had_value = change
            .as_ref()
            .is_some_and(|(old, _)| before.lines().any(|l| l.trim_end() == old));
        if in_conflict.contains(path) {
            // A conflict leaves the file as it is.
            if now != before {
                failures.push(format!("{path}: in conflict, and changed"));
            }
            if change.is_some() && !had_value {
                // The translation has a value of its own there.
                *tally.entry("conflict: both changed the value").or_default() += 1;
            } else {
                // The translation does not follow the source where the
                // paragraph goes (an older, shorter version of the page):
                // no place for it is right, so none is guessed.
                diverging.push(path.clone());
            }
            continue;
        }
        if let Err(e) = parse(now.as_bytes(), rules) {
            failures.push(format!("{path}: does not read back: {e}"));
            continue;
        }
        // The new paragraph is a paragraph of its own, not a line joined to
        // the one before it.
        let doc = parse(now.as_bytes(), rules).unwrap();
        if !doc.segments.iter().any(|s| s.text == PARAGRAPH) {
            failures.push(format!(
                "{path}: the new paragraph is no paragraph of its own"
            ));
        }
        let (gone, came) = changed_lines(before, now);
        let mut expected_came = vec![PARAGRAPH.to_string()];
        let mut expected_gone = Vec::new();
        if let Some((old, new)) = change.as_ref().filter(|_| had_value) {
            expected_gone.push(old.clone());
            expected_came.push(new.clone());
            *tally.entry("paragraph and value").or_default() += 1;
        } else {
            *tally.entry("paragraph (no value to change)").or_default() += 1;
        }
        expected_came.sort();
        if gone != expected_gone || came != expected_came {
            failures.push(format!(
                "{path} (from {source}): went {gone:?}, came {came:?}; expected went {expected_gone:?}, came {expected_came:?}"
            ));
        }
    }
    eprintln!("{site}: {} translated postings: {tally:?}", localized.len());
    if std::env::var_os("TOLKAR_KEEP_SITE").is_some() {
        eprintln!("{site}: kept at {}", dir.keep().display());
    }
    eprintln!(
        "{site}: {} in conflict where the translation does not follow the source: {diverging:?}",
        diverging.len()
    );
    assert!(
        diverging.len() * 100 <= localized.len(),
        "{site}: {} of {} in conflict: {diverging:?}",
        diverging.len(),
        localized.len()
    );
    assert!(
        failures.is_empty(),
        "{site}: {} of {} translated postings:\n{}",
        failures.len(),
        localized.len(),
        failures.join("\n")
    );
}

#[test]
fn the_career_site_takes_source_changes_and_keeps_its_own() {
    site_merges("site", 51, (&[], &["en", "da", "nb"]));
}

#[test]
fn the_glossary_takes_source_changes_and_keeps_its_own() {
    // fr links /fr/… in 184 of 186 links; vi in 2 of 92.
    site_merges("glossary", 800, (&["fr", "es", "ja"], &["vi", "de", "hi"]));
}

#[test]
fn the_docsy_docs_take_source_changes_and_keep_their_own() {
    site_merges("docsy", 1, (&[], &[]));
}
