//! `tolkar adopt`: take over the translations a site already has. Each
//! source posting's localized posting is aligned with it (see
//! `crate::adopt`); the aligned texts are stored as translations (state
//! translated, origin `adopted`) against the current source, and the
//! front-matter values the translation owns as overrides. What does not
//! align is reported per posting with its lines, never guessed.
//!
//! Also the way back for hand edits: a localized posting edited after a
//! build is skipped by the next build, and `adopt` pulls the edits in.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::io::Write;
use std::path::Path;

use rayon::prelude::*;

use super::{Failure, Rollback, note};
use crate::adopt::{self, Adoption};
use crate::i18n::Messages;
use crate::posting::Location;
use crate::project::{Layout, Project};
use crate::store::{NewTranslation, Store, Tx, UnitRow};
use crate::sync::Source;
use crate::tr;

/// Postings aligned at once: enough for every core, few enough that a
/// large site is not held in memory whole.
const ADOPT_CHUNK: usize = 256;

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
    let session = super::sync::Session::open(dir, options.documents, messages)?;
    let project = session.project();
    let sources = &session.ws.sources;
    let languages = project.languages(options.lang)?;
    let globs = session.ws.documents.clone();
    if let Some(doc) = options.explain {
        let [lang] = &languages[..] else {
            return Err(Failure::new(
                crate::msg_id!("error-adopt-explain-lang"),
                vec![],
            ));
        };
        return explain(project, sources, doc, lang, out);
    }
    let mut store = session.ws.store(options.dry_run)?;
    let mut refused: Vec<Failure> = Vec::new();
    let result = store.transaction(|tx| -> Result<_, Rollback<_>> {
        session.sync(tx, &())?;
        // A source that cannot be read has nothing to align with.
        let unread: HashSet<String> = session
            .unreadable
            .list()
            .into_iter()
            .map(|u| u.path)
            .collect();
        let documents = tx.documents()?;
        let mut all = Vec::new();
        for lang in &languages {
            let rows = tx.unit_rows(lang)?;
            let written = tx.outputs(lang)?;
            let files = localized_files(project, lang)?;
            let pairing = pair_postings(project, sources, lang, &files);
            let mut outcomes = Vec::new();
            let mut rows_by_path: HashMap<&str, HashMap<&str, &UnitRow>> = HashMap::new();
            for row in &rows {
                rows_by_path
                    .entry(row.path.as_str())
                    .or_default()
                    .insert(row.key.as_str(), row);
            }
            let todo: Vec<&(usize, String, bool)> = pairing
                .pairs
                .iter()
                .filter(|(s, _, _)| globs.as_ref().is_none_or(|g| g.is_match(&sources[*s].path)))
                .filter(|(s, _, _)| !unread.contains(&sources[*s].path))
                .collect();
            let no_rows = HashMap::new();
            let rows_of = |path: &str| rows_by_path.get(path).unwrap_or(&no_rows);
            // A translation found elsewhere before, and not now, is
            // forgotten: build goes back to the layout path.
            let found: HashMap<usize, &String> = pairing
                .pairs
                .iter()
                .filter(|(_, _, moved)| *moved)
                .map(|(s, localized, _)| (*s, localized))
                .collect();
            for (s, source) in sources.iter().enumerate() {
                if globs.as_ref().is_none_or(|g| g.is_match(&source.path)) {
                    let document = documents[&source.path].id;
                    tx.set_localized_path(document, lang, found.get(&s).map(|p| p.as_str()))?;
                }
            }
            // Reading, parsing and aligning are independent: in parallel,
            // a chunk at a time, so that a large site is not all in memory.
            for chunk in todo.chunks(ADOPT_CHUNK) {
                let adoptions = chunk
                    .par_iter()
                    .map(|(s, localized, _)| {
                        let source = &sources[*s];
                        let full = project.root.join(localized);
                        let bytes = std::fs::read(&full).map_err(|e| Failure::io(&full, &e))?;
                        // In a file tolkar wrote, a text equal to its source
                        // is the fallback for a missing translation.
                        let keep_same = !written.contains_key(localized);
                        let stored = usable_translations(rows_of(&source.path));
                        adopt_one(project, source, localized, &bytes, lang, keep_same, &stored)
                    })
                    .collect::<Vec<Result<Adoption, Failure>>>();
                for (&&(s, ref localized, _), adoption) in chunk.iter().zip(adoptions) {
                    // A localized posting that cannot be read is told and
                    // left alone; the others go on.
                    let adoption = match adoption {
                        Ok(adoption) => adoption,
                        Err(failure) => {
                            refused.push(failure);
                            continue;
                        }
                    };
                    let source = &sources[s];
                    let document = documents[&source.path].id;
                    // A copy of the source, first adopted: not a translation.
                    let copy = rows_of(&source.path)
                        .values()
                        .all(|r| r.translation.is_none())
                        && is_copy(&adoption);
                    let stored = if copy {
                        0
                    } else {
                        store_adoption(tx, rows_of(&source.path), lang, &adoption)?
                    };
                    tx.set_overrides(
                        document,
                        lang,
                        adoption.overrides.as_deref().unwrap_or_default(),
                    )?;
                    let mut result = outcome(&adoption, localized.clone(), stored);
                    if copy {
                        result.adopted = 0;
                        result.problems.push(
                            "every text is the source's own: not adopted as a translation".into(),
                        );
                    }
                    outcomes.push(result);
                }
            }
            // With --doc, only the postings asked for are reported.
            let orphans = if globs.is_some() {
                Vec::new()
            } else {
                pairing.orphans
            };
            for problem in pairing.problems {
                note(&problem);
            }
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
    for failure in &refused {
        note(&format!(
            "tolkar: {}: {}",
            messages.get(crate::msg_id!("error-prefix"), &[]),
            failure.message(messages)
        ));
    }
    let refused_status = if refused.is_empty() { 0 } else { 2 };
    Ok(refused_status.max(session.finish(0, messages)))
}

fn adopt_one(
    project: &Project,
    source: &Source,
    localized: &str,
    bytes: &[u8],
    lang: &str,
    keep_same: bool,
    stored: &HashMap<String, String>,
) -> Result<Adoption, Failure> {
    adopt::adopt(
        &source.bytes,
        bytes,
        &project.rules,
        lang,
        keep_same,
        stored,
    )
    .map_err(|(in_source, e)| {
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
        // The same text as stored: nothing to do, and a stale one stays
        // stale (the translation was not touched since its source changed).
        let unchanged = row.translation.as_ref().is_some_and(|t| &t.text == text);
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

/// The translations build would use now, by key: current ones, and stale
/// ones whose placeholders still fit.
fn usable_translations(rows: &HashMap<&str, &UnitRow>) -> HashMap<String, String> {
    rows.values()
        .filter_map(|row| {
            let t = row.translation.as_ref()?;
            let fits =
                t.current || crate::segment::placeholder::check(&row.source, &t.text).is_ok();
            fits.then(|| (row.key.clone(), t.text.clone()))
        })
        .collect()
}

/// A localized posting that is the source word for word: not translated.
fn is_copy(adoption: &Adoption) -> bool {
    let mut adopted = adoption
        .source
        .segments
        .iter()
        .zip(&adoption.texts)
        .filter_map(|(s, t)| Some((s, t.as_ref()?)))
        .peekable();
    adopted.peek().is_some() && adopted.all(|(s, t)| &s.text == t)
}

/// Which localized posting translates which source posting.
struct Pairing {
    /// (source index, localized path, away from its layout path).
    pairs: Vec<(usize, String, bool)>,
    /// Localized postings of no source.
    orphans: Vec<String>,
    /// Keys several postings share, which pair nothing.
    problems: Vec<String>,
}

/// Pairs as Hugo does: a posting's key is its `translationKey`, or else
/// its path (a source's: the path its translation has in the layout).
/// A source and a localized posting with the same key pair, where exactly
/// one of each has it.
fn pair_postings(project: &Project, sources: &[Source], lang: &str, files: &[String]) -> Pairing {
    #[derive(PartialEq, Eq, Hash, PartialOrd, Ord, Clone)]
    enum Key {
        Translation(String),
        Path(String),
    }
    let translation_key = |bytes: &[u8]| {
        std::str::from_utf8(bytes)
            .ok()
            .and_then(adopt::translation_key)
    };
    let mut by_key: std::collections::BTreeMap<Key, (Vec<usize>, Vec<&String>)> =
        std::collections::BTreeMap::new();
    for (s, source) in sources.iter().enumerate() {
        let key = match translation_key(&source.bytes) {
            Some(key) => Key::Translation(key),
            None => Key::Path(project.localized_display(&source.path, lang)),
        };
        by_key.entry(key).or_default().0.push(s);
    }
    for file in files {
        let bytes = std::fs::read(project.root.join(file)).unwrap_or_default();
        let key = match translation_key(&bytes) {
            Some(key) => Key::Translation(key),
            None => Key::Path(file.clone()),
        };
        // Only keys some source has matter.
        if let Some(entry) = by_key.get_mut(&key) {
            entry.1.push(file);
        }
    }
    let mut pairs = Vec::new();
    let mut problems = Vec::new();
    let mut paired: BTreeSet<&String> = BTreeSet::new();
    for (key, (of_sources, of_files)) in &by_key {
        match (&of_sources[..], &of_files[..]) {
            (_, []) => {}
            ([s], [file]) => {
                paired.insert(file);
                let layout = project.localized_display(&sources[*s].path, lang);
                pairs.push((*s, (*file).clone(), **file != layout));
            }
            _ => {
                let Key::Translation(key) = key else {
                    continue;
                };
                let names: Vec<&str> = of_sources
                    .iter()
                    .map(|&s| sources[s].path.as_str())
                    .chain(of_files.iter().map(|f| f.as_str()))
                    .collect();
                problems.push(format!(
                    "translationKey \"{key}\" is on several postings ({}): not paired",
                    names.join(", ")
                ));
            }
        }
    }
    pairs.sort();
    let orphans = files
        .iter()
        .filter(|f| !paired.contains(f))
        .cloned()
        .collect();
    Pairing {
        pairs,
        orphans,
        problems,
    }
}

fn walk(dir: &Path, out: &mut Vec<std::path::PathBuf>) -> std::io::Result<()> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e),
    };
    for entry in entries {
        let entry = entry?;
        // A symlinked directory is not followed (as sync does not).
        let kind = entry.file_type()?;
        if kind.is_dir() {
            walk(&entry.path(), out)?;
        } else if !kind.is_symlink() || entry.path().is_file() {
            out.push(entry.path());
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
    let files = localized_files(project, lang)?;
    let pairing = pair_postings(project, sources, lang, &files);
    let Some((s, localized, _)) = pairing
        .pairs
        .into_iter()
        .find(|(s, localized, _)| sources[*s].path == doc || localized == doc)
    else {
        return Err(Failure::new(
            crate::msg_id!("error-adopt-unknown-doc"),
            vec![("path", doc.to_string())],
        ));
    };
    let source = &sources[s];
    let full = project.root.join(&localized);
    let bytes = std::fs::read(&full).map_err(|e| Failure::io(&full, &e))?;
    // What build would use: the store's translations, if there is a store.
    let stored = stored_translations(project, &source.path, lang)?;
    let adoption = adopt_one(project, source, &localized, &bytes, lang, true, &stored)?;
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

/// The usable stored translations of one posting, read without writing.
fn stored_translations(
    project: &Project,
    path: &str,
    lang: &str,
) -> Result<HashMap<String, String>, Failure> {
    let database = project.database_path();
    if !database.exists() {
        return Ok(HashMap::new());
    }
    let mut store = Store::open(&database)?;
    let rows = store.transaction(|tx| tx.unit_rows(lang))?;
    let rows: HashMap<&str, &UnitRow> = rows
        .iter()
        .filter(|r| r.path == path)
        .map(|r| (r.key.as_str(), r))
        .collect();
    Ok(usable_translations(&rows))
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
