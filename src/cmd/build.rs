//! `tolkar build`: sync, then write every localized posting whose bytes
//! change. Missing translations fall back to the source text (or skip the
//! posting, or stop the build); a localized posting that tolkar did not
//! write is never overwritten without `--force`.
//!
//! A posting whose inputs (source, rules, language, translations) are those
//! of the last build and whose file is as that build wrote it is not even
//! parsed. The others are parsed and rendered in parallel; files are
//! written only once every language has rendered, so an error leaves the
//! site as it was.

use std::collections::HashMap;
use std::path::Path;

use rayon::prelude::*;

use super::{Failure, note};
use crate::adopt::overrides::{self, Override};
use crate::cli::Missing;
use crate::i18n::Messages;
use crate::posting::Shape;
use crate::project::Project;
use crate::reassemble::reassemble;
use crate::segment::hash::content_hash;
use crate::segment::placeholder;
use crate::store::{Output, Store, StoredTranslation, TranslationSummary, Tx};
use crate::sync::{Source, SyncReport, read_sources};
use crate::tr;

/// One localized posting to consider.
struct Plan<'s> {
    source: &'s Source,
    document: i64,
    lang: &'s str,
    path: String,
    /// Of everything the output is made from.
    input_hash: String,
    missing: u64,
    /// What the last build wrote here, if it did.
    last: Option<Output>,
    /// The hash of the file there now, if there is one.
    existing: Option<String>,
    /// Front-matter values this language owns (see `tolkar adopt`).
    overrides: Vec<Override>,
}

/// A posting rendered, to be written if its bytes differ.
struct Rendered {
    index: usize,
    text: String,
    hash: String,
    /// The front-matter values kept from the translation no longer fit the
    /// source's front matter: not written, so that none is lost.
    unfit_overrides: bool,
    /// The output does not read back (a translated value that Hugo would
    /// refuse where it is written): not written, with the reason.
    unreadable: Option<String>,
}

#[derive(Default)]
struct LangReport {
    written: u64,
    unchanged: u64,
    skipped: u64,
    /// Skipped because the output would not read back: an error.
    refused: u64,
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
    let unreadable = super::sync::Unreadables::default();
    let mut notes = Vec::new();
    let (sync_report, reports) =
        store.transaction(|tx| -> Result<(SyncReport, Vec<LangReport>), Failure> {
            let sync_report =
                unreadable.sync(tx, &project, &sources, &super::progress::Bar::new("sync"))?;

            let (plans, taken) = plan(tx, &project, &sources, &languages)?;
            for (path, owner) in taken {
                notes.push(tr!(
                    messages,
                    "build-skipped-taken",
                    path = path.as_str(),
                    owner = owner.as_str()
                ));
            }
            let missing_total: u64 = plans.iter().map(|p| p.missing).sum();
            if missing == Missing::Error && missing_total > 0 {
                let mut langs: Vec<&str> = plans
                    .iter()
                    .filter(|p| p.missing > 0)
                    .map(|p| p.lang)
                    .collect();
                langs.dedup();
                return Err(Failure::new(
                    crate::msg_id!("error-missing-translations"),
                    vec![
                        ("count", missing_total.to_string()),
                        ("lang", langs.join(", ")),
                    ],
                ));
            }
            let todo: Vec<usize> = (0..plans.len())
                .filter(|&i| needs_rendering(&plans[i], missing))
                .collect();
            let rendered = render(tx, &project, &plans, &todo)?;
            let reports = write(
                tx, &project, &languages, &plans, rendered, missing, force, messages, &mut notes,
            )?;
            Ok((sync_report, reports))
        })?;
    super::sync::print_report(&sync_report, messages);
    for line in notes {
        note(&line);
    }
    for (lang, report) in languages.iter().zip(&reports) {
        note(&tr!(
            messages,
            "build-summary",
            lang = lang.as_str(),
            written = report.written,
            unchanged = report.unchanged,
            skipped = report.skipped,
        ));
    }
    let refused = if reports.iter().any(|r| r.refused > 0) {
        2
    } else {
        0
    };
    Ok(refused.max(unreadable.warn(&project, messages)))
}

/// Every (posting, language) pair with what the last build left there;
/// and the (path, source) pairs not planned because the path is another
/// posting's translation, found there by `translationKey`.
#[allow(clippy::type_complexity)]
fn plan<'s>(
    tx: &Tx<'_>,
    project: &Project,
    sources: &'s [Source],
    languages: &'s [String],
) -> Result<(Vec<Plan<'s>>, Vec<(String, String)>), Failure> {
    let mut taken_notes = Vec::new();
    let documents = tx.documents()?;
    let mut plans = Vec::with_capacity(sources.len() * languages.len());
    for lang in languages {
        let summaries = tx.translation_summary(lang)?;
        let mut outputs = tx.outputs(lang)?;
        let mut all_overrides = tx.overrides_by_document(lang)?;
        // Translations adopt found by `translationKey` stay where they are.
        let mut moved = tx.localized_paths(lang)?;
        let taken: std::collections::HashSet<String> = moved.values().cloned().collect();
        for source in sources {
            // A source that cannot be read leaves its postings as they are.
            if documents[&source.path].unreadable {
                continue;
            }
            let document = documents[&source.path].id;
            let summary = summaries.get(&document).copied().unwrap_or_default();
            let overrides = all_overrides.remove(&document).unwrap_or_default();
            let path = match moved.remove(&document) {
                Some(path) => path,
                None => {
                    let path = project.localized_display(&source.path, lang);
                    if taken.contains(&path) {
                        taken_notes.push((path, source.path.clone()));
                        continue;
                    }
                    path
                }
            };
            plans.push(Plan {
                source,
                document,
                lang,
                input_hash: input_hash(source, lang, &summary, &overrides),
                missing: summary.segments - summary.translated,
                last: outputs.remove(&path),
                path,
                existing: None,
                overrides,
            });
        }
    }
    // Reading what is on disk is the slow part; do it in parallel.
    plans
        .par_iter_mut()
        .map(|plan| {
            let full = project.root.join(&plan.path);
            plan.existing = match std::fs::read(&full) {
                Ok(bytes) => Some(content_hash(&bytes)),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
                Err(e) => return Err(Failure::io(&full, &e)),
            };
            Ok(())
        })
        .collect::<Result<(), Failure>>()?;
    Ok((plans, taken_notes))
}

/// Of the source (and rules), the language, the translations, the
/// front-matter overrides, and this version of tolkar.
fn input_hash(
    source: &Source,
    lang: &str,
    summary: &TranslationSummary,
    overrides: &[Override],
) -> String {
    let key = format!(
        "{}\n{}\n{lang}\n{}\n{}\n{}",
        env!("CARGO_PKG_VERSION"),
        source.hash,
        summary.translated,
        summary.revision,
        serde_json::to_string(overrides).expect("overrides serialize"),
    );
    content_hash(key.as_bytes())
}

fn needs_rendering(plan: &Plan<'_>, missing: Missing) -> bool {
    if missing == Missing::Skip && plan.missing > 0 {
        return false;
    }
    match (&plan.last, &plan.existing) {
        (Some(last), Some(existing)) => {
            last.input_hash != plan.input_hash || &last.content_hash != existing
        }
        _ => true,
    }
}

/// Parses and renders the postings of `todo`, in parallel.
fn render(
    tx: &Tx<'_>,
    project: &Project,
    plans: &[Plan<'_>],
    todo: &[usize],
) -> Result<Vec<Rendered>, Failure> {
    // The store is read on this thread; parsing and rendering use all.
    // Many postings: one query for the language beats one per posting.
    let mut translations: Vec<HashMap<String, StoredTranslation>> = Vec::with_capacity(todo.len());
    if todo.len() > 100 {
        let mut by_language: HashMap<&str, HashMap<i64, HashMap<String, StoredTranslation>>> =
            HashMap::new();
        for &i in todo {
            let lang = plans[i].lang;
            if !by_language.contains_key(lang) {
                by_language.insert(lang, tx.translations_by_document(lang)?);
            }
            let of_document = by_language
                .get_mut(lang)
                .and_then(|m| m.remove(&plans[i].document));
            translations.push(of_document.unwrap_or_default());
        }
    } else {
        for &i in todo {
            translations.push(tx.translations_of(plans[i].document, plans[i].lang)?);
        }
    }
    let progress = super::progress::Bar::new("build");
    crate::sync::Progress::start(&progress, todo.len());
    let rendered = todo
        .par_iter()
        .zip(translations)
        .map(|(&index, translations)| {
            let plan = &plans[index];
            let source_path = project.root.join(&plan.source.path);
            let mut doc = crate::posting::parse(&plan.source.bytes, &project.rules)
                .map_err(|e| Failure::posting(&source_path, &e))?;
            let mut unfit_overrides = false;
            if !plan.overrides.is_empty() {
                // They edit only entries no segment is in: keys stay.
                let edited = overrides::apply(&doc.source, &plan.overrides);
                match crate::posting::parse(edited.as_bytes(), &project.rules) {
                    Ok(edited) => doc = edited,
                    Err(_) => unfit_overrides = true,
                }
            }
            let language = crate::adopt::language_for(&plan.overrides, &project.rules, plan.lang);
            let text = reassemble(
                &doc,
                |i| {
                    let segment = &doc.segments[i];
                    // A stale translation whose placeholders no longer fit
                    // the source cannot be put back: the source stands in.
                    translations
                        .get(&segment.key)
                        .filter(|t| t.current || placeholder::check(&segment.text, &t.text).is_ok())
                        .map(|t| t.text.as_str())
                },
                language,
            )
            .map_err(|e| {
                Failure::new(
                    crate::msg_id!("error-bad-translation"),
                    vec![
                        ("path", plan.source.path.clone()),
                        ("lang", plan.lang.into()),
                        ("reason", e.to_string()),
                    ],
                )
            })?;
            // Body text is checked by its placeholders; a value re-quoted
            // into front matter or a shortcode tag is checked by reading
            // the output back, so that no file Hugo refuses is written.
            let requoted = doc.segments.iter().any(|s| {
                matches!(s.shape, Shape::FrontMatter(_) | Shape::Param { .. })
                    && translations.get(&s.key).is_some_and(|t| t.text != s.text)
            });
            let unreadable = requoted
                .then(|| crate::posting::parse(text.as_bytes(), &project.rules).err())
                .flatten()
                .map(|e| e.to_string());
            crate::sync::Progress::advance(&progress);
            Ok(Rendered {
                index,
                hash: content_hash(text.as_bytes()),
                text,
                unfit_overrides,
                unreadable,
            })
        })
        .collect();
    crate::sync::Progress::finish(&progress);
    rendered
}

/// Writes what changed (in parallel), records it, and reports per language.
#[allow(clippy::too_many_arguments)]
fn write(
    tx: &Tx<'_>,
    project: &Project,
    languages: &[String],
    plans: &[Plan<'_>],
    rendered: Vec<Rendered>,
    missing: Missing,
    force: bool,
    messages: &Messages,
    notes: &mut Vec<String>,
) -> Result<Vec<LangReport>, Failure> {
    let mut rendered: HashMap<usize, Rendered> =
        rendered.into_iter().map(|r| (r.index, r)).collect();
    let mut reports: Vec<LangReport> = languages.iter().map(|_| LangReport::default()).collect();
    let mut to_write = Vec::new();
    let mut fell_back: Vec<Vec<(&str, u64)>> = languages.iter().map(|_| Vec::new()).collect();
    for (index, plan) in plans.iter().enumerate() {
        let lang_index = languages
            .iter()
            .position(|l| l == plan.lang)
            .expect("planned languages");
        let report = &mut reports[lang_index];
        if missing == Missing::Skip && plan.missing > 0 {
            notes.push(tr!(
                messages,
                "build-skipped-missing",
                path = plan.path.as_str(),
                count = plan.missing
            ));
            report.skipped += 1;
            continue;
        }
        let Some(output) = rendered.remove(&index) else {
            report.unchanged += 1;
            if plan.missing > 0 {
                fell_back[lang_index].push((&plan.path, plan.missing));
            }
            continue;
        };
        if let Some(reason) = &output.unreadable {
            notes.push(tr!(
                messages,
                "build-skipped-unreadable",
                path = plan.path.as_str(),
                reason = reason.as_str()
            ));
            report.skipped += 1;
            report.refused += 1;
            continue;
        }
        if output.unfit_overrides {
            notes.push(tr!(
                messages,
                "build-skipped-overrides",
                path = plan.path.as_str(),
                lang = plan.lang
            ));
            report.skipped += 1;
            continue;
        }
        let ours = plan.last.as_ref().map(|l| &l.content_hash) == plan.existing.as_ref();
        if plan.existing.is_some()
            && !ours
            && !force
            && plan.existing.as_ref() != Some(&output.hash)
        {
            notes.push(tr!(
                messages,
                "build-skipped-foreign",
                path = plan.path.as_str(),
                lang = plan.lang
            ));
            report.skipped += 1;
            continue;
        }
        if plan.missing > 0 {
            fell_back[lang_index].push((&plan.path, plan.missing));
        }
        let Rendered { text, hash, .. } = output;
        tx.record_output(
            &plan.path,
            plan.lang,
            &Output {
                input_hash: plan.input_hash.clone(),
                content_hash: hash.clone(),
            },
        )?;
        if plan.existing.as_ref() == Some(&hash) {
            report.unchanged += 1;
        } else {
            report.written += 1;
            to_write.push((plan, text));
        }
    }
    // Directories once each, then the files in parallel.
    let dirs: std::collections::BTreeSet<_> = to_write
        .iter()
        .filter_map(|(plan, _)| {
            project
                .root
                .join(&plan.path)
                .parent()
                .map(Path::to_path_buf)
        })
        .collect();
    for dir in dirs {
        std::fs::create_dir_all(&dir).map_err(|e| Failure::io(&dir, &e))?;
    }
    to_write
        .par_iter()
        .map(|(plan, text)| {
            let full = project.root.join(&plan.path);
            crate::output::replace_file(&full, text.as_bytes()).map_err(|e| Failure::io(&full, &e))
        })
        .collect::<Result<(), Failure>>()?;
    // Name the first postings per language that fell back; count the rest.
    const LISTED: usize = 10;
    for list in fell_back {
        for (path, count) in list.iter().take(LISTED) {
            notes.push(tr!(
                messages,
                "build-fallback",
                path = *path,
                count = *count
            ));
        }
        if list.len() > LISTED {
            let segments: u64 = list[LISTED..].iter().map(|(_, n)| n).sum();
            notes.push(tr!(
                messages,
                "build-fallback-more",
                postings = list.len() - LISTED,
                count = segments
            ));
        }
    }
    Ok(reports)
}
