//! `tolkar build`: sync, then write every localized posting whose bytes
//! change. Missing translations fall back to the source text (or skip the
//! posting, or stop the build); a localized posting that tolkar did not
//! write is never overwritten without `--force`.

use std::collections::HashMap;
use std::path::Path;

use rayon::prelude::*;

use super::{Failure, note};
use crate::cli::Missing;
use crate::i18n::Messages;
use crate::posting::Document;
use crate::project::Project;
use crate::reassemble::reassemble;
use crate::segment::hash::content_hash;
use crate::store::{Store, StoredTranslation, Tx};
use crate::sync::{Source, SyncReport, apply, changed, parse_all, read_sources};
use crate::tr;

/// One localized posting, rendered but not yet written.
struct Rendered {
    path: String,
    text: String,
    missing: usize,
}

#[derive(Default)]
struct LangReport {
    written: u64,
    unchanged: u64,
    skipped: u64,
}

pub fn run(
    dir: &Path,
    lang: Option<&str>,
    missing: Missing,
    force: bool,
    messages: &Messages,
) -> Result<u8, Failure> {
    let project = Project::load(dir)?;
    let languages = project.languages(lang)?;
    let mut store = Store::open(&project.database_path())?;
    let sources = read_sources(&project)?;
    let all: Vec<&Source> = sources.iter().collect();
    let parsed = parse_all(&all, &project, &super::progress::Bar::new("build"))?;
    let mut notes = Vec::new();
    let (sync_report, reports) = store.transaction(
        |tx| -> Result<(SyncReport, Vec<(String, LangReport)>), Failure> {
            let changed: Vec<&str> = changed(tx, &sources)?
                .iter()
                .map(|s| s.path.as_str())
                .collect();
            let to_apply: Vec<(&Source, Document)> = parsed
                .iter()
                .filter(|(s, _)| changed.contains(&s.path.as_str()))
                .map(|(s, d)| (*s, d.clone()))
                .collect();
            let sync_report = apply(tx, &sources, &to_apply)?;
            let mut reports = Vec::new();
            // Render every language before writing any file, so that an
            // error (a missing translation with --missing error, a broken
            // stored translation) leaves the site as it was.
            let mut rendered = Vec::new();
            for lang in &languages {
                rendered.push((lang, render_language(tx, &project, &parsed, lang)?));
            }
            let total_missing: usize = rendered
                .iter()
                .flat_map(|(_, r)| r)
                .map(|r| r.missing)
                .sum();
            if missing == Missing::Error && total_missing > 0 {
                let langs: Vec<&str> = rendered
                    .iter()
                    .filter(|(_, r)| r.iter().any(|p| p.missing > 0))
                    .map(|(l, _)| l.as_str())
                    .collect();
                return Err(Failure::new(
                    "error-missing-translations",
                    vec![
                        ("count", total_missing.to_string()),
                        ("lang", langs.join(", ")),
                    ],
                ));
            }
            for (lang, postings) in rendered {
                let report = write_language(
                    tx, &project, postings, lang, missing, force, messages, &mut notes,
                )?;
                reports.push((lang.clone(), report));
            }
            Ok((sync_report, reports))
        },
    )?;
    super::sync::print_report(&sync_report, messages);
    for line in notes {
        note(&line);
    }
    for (lang, report) in reports {
        note(&tr!(
            messages,
            "build-summary",
            lang = lang.as_str(),
            written = report.written,
            unchanged = report.unchanged,
            skipped = report.skipped,
        ));
    }
    Ok(0)
}

fn render_language(
    tx: &Tx<'_>,
    project: &Project,
    parsed: &[(&Source, Document)],
    lang: &str,
) -> Result<Vec<Rendered>, Failure> {
    let documents = tx.documents()?;
    let translations = tx.translations(lang)?;
    parsed
        .par_iter()
        .map(|(source, doc)| {
            render(
                project,
                source,
                doc,
                lang,
                documents.get(&source.path).map(|d| d.id),
                &translations,
            )
        })
        .collect()
}

#[allow(clippy::too_many_arguments)]
fn write_language(
    tx: &Tx<'_>,
    project: &Project,
    rendered: Vec<Rendered>,
    lang: &str,
    missing: Missing,
    force: bool,
    messages: &Messages,
    notes: &mut Vec<String>,
) -> Result<LangReport, Failure> {
    let mut report = LangReport::default();
    let mut fell_back = Vec::new();
    for posting in rendered {
        if posting.missing > 0 && missing == Missing::Skip {
            notes.push(tr!(
                messages,
                "build-skipped-missing",
                path = posting.path.as_str(),
                count = posting.missing
            ));
            report.skipped += 1;
            continue;
        }
        let full = project.root.join(&posting.path);
        let new_hash = content_hash(posting.text.as_bytes());
        let existing = match std::fs::read(&full) {
            Ok(bytes) => Some(bytes),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(Failure::io(&full, &e)),
        };
        if let Some(existing) = &existing {
            let ours = tx
                .output_hash(&posting.path)?
                .is_some_and(|h| h == content_hash(existing));
            if !ours && !force && existing != posting.text.as_bytes() {
                notes.push(tr!(
                    messages,
                    "build-skipped-foreign",
                    path = posting.path.as_str()
                ));
                report.skipped += 1;
                continue;
            }
        }
        if posting.missing > 0 {
            fell_back.push((posting.path.clone(), posting.missing));
        }
        if existing.as_deref() == Some(posting.text.as_bytes()) {
            tx.record_output(&posting.path, lang, &new_hash)?;
            report.unchanged += 1;
            continue;
        }
        crate::output::write_atomically(&full, posting.text.as_bytes())
            .map_err(|e| Failure::io(&full, &e))?;
        tx.record_output(&posting.path, lang, &new_hash)?;
        report.written += 1;
    }
    // Name the first postings that fell back; count the rest.
    const LISTED: usize = 10;
    for (path, count) in fell_back.iter().take(LISTED) {
        notes.push(tr!(
            messages,
            "build-fallback",
            path = path.as_str(),
            count = *count
        ));
    }
    if fell_back.len() > LISTED {
        let segments: usize = fell_back[LISTED..].iter().map(|(_, n)| n).sum();
        notes.push(tr!(
            messages,
            "build-fallback-more",
            postings = fell_back.len() - LISTED,
            count = segments
        ));
    }
    Ok(report)
}

fn render(
    project: &Project,
    source: &Source,
    doc: &Document,
    lang: &str,
    document_id: Option<i64>,
    translations: &HashMap<(i64, String), StoredTranslation>,
) -> Result<Rendered, Failure> {
    let texts: Vec<Option<&str>> = doc
        .segments
        .iter()
        .map(|s| {
            let id = document_id?;
            translations
                .get(&(id, s.key.clone()))
                .map(|t| t.text.as_str())
        })
        .collect();
    let missing = texts.iter().filter(|t| t.is_none()).count();
    let path = project
        .localized_path(Path::new(&source.path), lang)
        .to_string_lossy()
        .replace('\\', "/");
    let text = reassemble(doc, |i| texts[i], Some(lang)).map_err(|e| {
        Failure::new(
            "error-bad-translation",
            vec![
                ("path", source.path.clone()),
                ("lang", lang.into()),
                ("reason", e.to_string()),
            ],
        )
    })?;
    Ok(Rendered {
        path,
        text,
        missing,
    })
}
