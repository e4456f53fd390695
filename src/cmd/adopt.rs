//! `tolkar adopt`: take over the translations a site already has. Each
//! source posting's localized posting is aligned with it (see
//! `crate::adopt`); the aligned texts are stored as translations (state
//! translated, origin `adopted`) against the current source, and the
//! front-matter values the translation owns as overrides. What does not
//! align is reported per posting with its lines, never guessed.
//!
//! Also the way back for hand edits: a localized posting edited after a
//! build is skipped by the next build, and `adopt` pulls the edits in.

use std::collections::{BTreeSet, HashMap};
use std::io::Write;
use std::path::Path;

use rayon::prelude::*;

use super::{Failure, Rollback, note};
use crate::adopt::{self, Adoption};
use crate::i18n::Messages;
use crate::posting::Location;
use crate::project::{Layout, Project};
use crate::store::{NewTranslation, Store, Tx, UnitRow};
use crate::sync::{Source, read_sources, sync};
use crate::tr;

pub struct Options<'a> {
    pub lang: Option<&'a str>,
    pub documents: &'a [String],
    pub dry_run: bool,
    /// Show, for this posting (source or localized path), why it does not
    /// rebuild as it is; nothing is stored.
    pub explain: Option<&'a str>,
}

/// What adopt did with one localized posting.
struct Outcome {
    localized: String,
    segments: usize,
    adopted: usize,
    stored: usize,
    identical: bool,
    /// Where build's output would first differ from the file, if it would.
    first_difference: Option<Location>,
    problems: Vec<String>,
}

#[derive(Default)]
struct Tally {
    postings: usize,
    identical: usize,
    segments: usize,
    adopted: usize,
    stored: usize,
}

pub fn run(
    dir: &Path,
    options: &Options<'_>,
    messages: &Messages,
    out: &mut impl Write,
) -> Result<u8, Failure> {
    let project = Project::load(dir)?;
    let languages = project.languages(options.lang)?;
    let globs = super::export::document_globs(options.documents)?;
    let sources = read_sources(&project)?;
    super::export::warn_unmatched(globs.as_ref(), options.documents, &sources, messages);
    if let Some(doc) = options.explain {
        let [lang] = &languages[..] else {
            return Err(Failure::new("error-adopt-explain-lang", vec![]));
        };
        return explain(&project, &sources, doc, lang, out);
    }
    let mut store = Store::open(&project.database_path())?;
    let result = store.transaction(|tx| -> Result<_, Rollback<_>> {
        sync(tx, &project, &sources, &())?;
        let documents = tx.documents()?;
        let mut all = Vec::new();
        for lang in &languages {
            let rows = tx.unit_rows(lang)?;
            let written = tx.outputs(lang)?;
            let files = localized_files(&project, lang)?;
            let by_key = by_translation_key(&project, &files);
            let mut paired = BTreeSet::new();
            let mut outcomes = Vec::new();
            let mut rows_by_path: HashMap<&str, HashMap<&str, &UnitRow>> = HashMap::new();
            for row in &rows {
                rows_by_path
                    .entry(row.path.as_str())
                    .or_default()
                    .insert(row.key.as_str(), row);
            }
            let mut todo = Vec::new();
            for source in &sources {
                let Some((localized, moved)) = find_localized(&project, source, lang, &by_key)
                else {
                    continue;
                };
                paired.insert(localized.clone());
                if globs.as_ref().is_none_or(|g| g.is_match(&source.path)) {
                    todo.push((source, localized, moved));
                }
            }
            // Reading, parsing and aligning are independent: in parallel.
            let adoptions: Vec<Adoption> = todo
                .par_iter()
                .map(|(source, localized, _)| {
                    let full = project.root.join(localized);
                    let bytes = std::fs::read(&full).map_err(|e| Failure::io(&full, &e))?;
                    // In a file tolkar wrote, a text equal to its source is
                    // the fallback for a missing translation, not one.
                    let keep_same = !written.contains_key(localized);
                    adopt_one(&project, source, localized, &bytes, lang, keep_same)
                })
                .collect::<Result<_, Failure>>()?;
            for ((source, localized, moved), adoption) in todo.into_iter().zip(adoptions) {
                let document = documents[&source.path].id;
                tx.set_localized_path(document, lang, moved.then_some(localized.as_str()))?;
                let no_rows = HashMap::new();
                let rows = rows_by_path.get(source.path.as_str()).unwrap_or(&no_rows);
                let stored = store_adoption(tx, rows, lang, &adoption)?;
                tx.set_overrides(
                    document,
                    lang,
                    adoption.overrides.as_deref().unwrap_or_default(),
                )?;
                outcomes.push(outcome(&adoption, localized, stored));
            }
            let orphans: Vec<String> = files.into_iter().filter(|f| !paired.contains(f)).collect();
            all.push((lang.clone(), outcomes, orphans));
        }
        if options.dry_run {
            return Err(Rollback::Keep(all));
        }
        Ok(all)
    });
    let all = match result {
        Ok(all) | Err(Rollback::Keep(all)) => all,
        Err(Rollback::Failure(failure)) => return Err(failure),
    };
    for (lang, outcomes, orphans) in &all {
        let mut tally = Tally::default();
        for outcome in outcomes {
            tally.postings += 1;
            tally.identical += usize::from(outcome.identical);
            tally.segments += outcome.segments;
            tally.adopted += outcome.adopted;
            tally.stored += outcome.stored;
            if !outcome.problems.is_empty() || !outcome.identical {
                note(&format!("{}:", outcome.localized));
                for problem in &outcome.problems {
                    note(&format!("  {problem}"));
                }
                if let Some(at) = outcome.first_difference {
                    note(&format!(
                        "  {}",
                        tr!(
                            messages,
                            "adopt-differs",
                            path = outcome.localized.as_str(),
                            lang = lang.as_str(),
                            line = at.line
                        )
                    ));
                }
            }
        }
        for orphan in orphans {
            note(&tr!(messages, "adopt-orphan", path = orphan.as_str()));
        }
        let share = |part: usize, whole: usize| {
            if whole == 0 {
                100.0
            } else {
                (part as f64 * 1000.0 / whole as f64).round() / 10.0
            }
        };
        note(&tr!(
            messages,
            "adopt-summary",
            lang = lang.as_str(),
            postings = tally.postings,
            adopted = tally.adopted,
            segments = tally.segments,
            adopted_share = share(tally.adopted, tally.segments),
            identical = tally.identical,
            identical_share = share(tally.identical, tally.postings),
            stored = tally.stored,
        ));
    }
    if options.dry_run {
        note(&tr!(messages, "adopt-dry-run"));
    }
    Ok(0)
}

fn adopt_one(
    project: &Project,
    source: &Source,
    localized: &str,
    bytes: &[u8],
    lang: &str,
    keep_same: bool,
) -> Result<Adoption, Failure> {
    adopt::adopt(&source.bytes, bytes, &project.rules, lang, keep_same).map_err(|(in_source, e)| {
        let path = if in_source {
            project.root.join(&source.path)
        } else {
            project.root.join(localized)
        };
        Failure::posting(&path, &e)
    })
}

/// Stores the adopted texts that differ from what the store has; returns
/// how many.
fn store_adoption(
    tx: &Tx<'_>,
    by_key: &HashMap<&str, &UnitRow>,
    lang: &str,
    adoption: &Adoption,
) -> Result<usize, Failure> {
    let mut stored = 0;
    for (segment, text) in adoption.source.segments.iter().zip(&adoption.texts) {
        let (Some(text), Some(row)) = (text, by_key.get(segment.key.as_str())) else {
            continue;
        };
        let unchanged = row
            .translation
            .as_ref()
            .is_some_and(|t| t.current && &t.text == text);
        if unchanged {
            continue;
        }
        tx.store_translation(&NewTranslation {
            segment: row.segment,
            lang,
            text,
            state: "translated",
            source_hash: &row.hash,
            origin: "adopted",
        })?;
        stored += 1;
    }
    Ok(stored)
}

fn outcome(adoption: &Adoption, localized: String, stored: usize) -> Outcome {
    let source_line = |i: usize| adoption.source.segments[i].line;
    let localized_line = |i: usize| adoption.localized.segments[i].line;
    let mut problems = Vec::new();
    for &s in &adoption.alignment.missing {
        let segment = &adoption.source.segments[s];
        problems.push(format!(
            "missing: {} (source line {})",
            segment.key,
            source_line(s)
        ));
    }
    for &l in &adoption.alignment.unmatched {
        let segment = &adoption.localized.segments[l];
        problems.push(format!(
            "unmatched text at line {}: {}",
            localized_line(l),
            shorten(&segment.text)
        ));
    }
    for (s, l, error) in &adoption.refused {
        problems.push(format!(
            "not adopted: {} (line {}): {error}, unlike the source (line {})",
            adoption.source.segments[*s].key,
            localized_line(*l),
            source_line(*s)
        ));
    }
    if adoption.overrides.is_none() {
        problems.push("front matter not comparable with the source's".into());
    }
    Outcome {
        localized,
        segments: adoption.source.segments.len(),
        adopted: adoption.texts.iter().flatten().count(),
        stored,
        identical: adoption.identical(),
        first_difference: (!adoption.identical()).then(|| {
            let at = first_difference(&adoption.localized.source, &adoption.rebuilt);
            Location::of(&adoption.localized.source, at)
        }),
        problems,
    }
}

fn shorten(text: &str) -> String {
    const MAX: usize = 60;
    if text.chars().count() <= MAX {
        text.to_string()
    } else {
        let cut: String = text.chars().take(MAX).collect();
        format!("{cut}…")
    }
}

/// Every localized posting of `lang` on disk, relative to the project.
fn localized_files(project: &Project, lang: &str) -> Result<Vec<String>, Failure> {
    let (dir, suffix) = match project.config.layout {
        Layout::ByDirectory => (
            project.root.join(project.language_dir(lang)),
            ".md".to_string(),
        ),
        Layout::ByFilename => (
            project.root.join(&project.config.content_dir),
            format!(".{lang}.md"),
        ),
    };
    let mut found = Vec::new();
    walk(&dir, &mut found).map_err(|e| Failure::io(&dir, &e))?;
    let mut files: Vec<String> = found
        .iter()
        .filter_map(|p| {
            let relative = p.strip_prefix(&project.root).ok()?;
            Some(relative.to_string_lossy().replace('\\', "/"))
        })
        .filter(|p| p.ends_with(&suffix))
        .collect();
    files.sort();
    Ok(files)
}

/// The localized postings that have a `translationKey`, by key.
fn by_translation_key(project: &Project, files: &[String]) -> HashMap<String, String> {
    let mut by_key = HashMap::new();
    for file in files {
        let Ok(text) = std::fs::read_to_string(project.root.join(file)) else {
            continue;
        };
        if let Some(key) = adopt::translation_key(&text) {
            by_key.entry(key).or_insert_with(|| file.clone());
        }
    }
    by_key
}

/// Where a source posting's translation into `lang` is: at its layout
/// path, or else where a localized posting has the same `translationKey`
/// (then `true`).
fn find_localized(
    project: &Project,
    source: &Source,
    lang: &str,
    by_key: &HashMap<String, String>,
) -> Option<(String, bool)> {
    let path = project.localized_display(&source.path, lang);
    if project.root.join(&path).is_file() {
        return Some((path, false));
    }
    let key = adopt::translation_key(std::str::from_utf8(&source.bytes).ok()?)?;
    by_key.get(&key).map(|p| (p.clone(), true))
}

fn walk(dir: &Path, out: &mut Vec<std::path::PathBuf>) -> std::io::Result<()> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e),
    };
    for entry in entries {
        let path = entry?.path();
        if path.is_dir() {
            walk(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

/// `--explain`: the alignment's problems and a diff of the localized
/// posting as it is against what build would write after an adopt.
fn explain(
    project: &Project,
    sources: &[Source],
    doc: &str,
    lang: &str,
    out: &mut impl Write,
) -> Result<u8, Failure> {
    let doc = doc.trim_start_matches("./");
    let Some(source) = sources
        .iter()
        .find(|s| s.path == doc || project.localized_display(&s.path, lang) == doc)
    else {
        return Err(Failure::new(
            "error-adopt-unknown-doc",
            vec![("path", doc.to_string())],
        ));
    };
    let localized = project.localized_display(&source.path, lang);
    let full = project.root.join(&localized);
    let bytes = std::fs::read(&full).map_err(|e| Failure::io(&full, &e))?;
    let adoption = adopt_one(project, source, &localized, &bytes, lang, true)?;
    let result = outcome(&adoption, localized.clone(), 0);
    let mut text = format!(
        "{localized} ← {}: {} of {} segments align\n",
        source.path, result.adopted, result.segments
    );
    for problem in &result.problems {
        text.push_str(&format!("  {problem}\n"));
    }
    if let Some(overrides) = &adoption.overrides {
        for o in overrides {
            text.push_str(&format!("  kept from the translation: {}\n", describe(o)));
        }
    }
    if let Some(at) = result.first_difference {
        text.push_str(&format!(
            "build would write it differently, first at line {}, column {}:\n",
            at.line, at.column
        ));
        let diff = similar::TextDiff::from_lines(&adoption.localized.source, &adoption.rebuilt);
        text.push_str(
            &diff
                .unified_diff()
                .context_radius(1)
                .header(
                    &format!("{localized} (now)"),
                    &format!("{localized} (as build writes it)"),
                )
                .to_string(),
        );
    } else {
        text.push_str("build writes it back byte for byte\n");
    }
    out.write_all(text.as_bytes()).map_err(Failure::stdout)?;
    Ok(0)
}

fn describe(o: &adopt::overrides::Override) -> String {
    use adopt::overrides::Override;
    let first_line = |t: &str| t.lines().next().unwrap_or_default().to_string();
    match o {
        Override::Set { text, .. } => first_line(text),
        Override::Insert { text, .. } => format!("{} (only in the translation)", first_line(text)),
        Override::Remove { key } => format!("{key} (left out of the translation)"),
        Override::Lead { text } => format!(
            "{} blank line(s) after the front matter",
            text.matches('\n').count()
        ),
        Override::Tail { text } if text.is_empty() => "no newline at the end".into(),
        Override::Tail { text } => {
            format!("{} line break(s) at the end", text.matches('\n').count())
        }
    }
}

/// The byte offset where two texts first differ.
fn first_difference(a: &str, b: &str) -> usize {
    a.char_indices()
        .zip(b.chars())
        .find(|((_, x), y)| x != y)
        .map_or(a.len().min(b.len()), |((i, _), _)| i)
}
