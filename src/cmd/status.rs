//! `tolkar status`: translated, stale and missing segments per language,
//! as of the last sync.

use std::io::Write;
use std::path::Path;

use serde::Serialize;

use super::{Failure, Rollback};

/// What status shows: per language, and the postings it could not read.
type Computed = (Vec<LanguageStatus>, Vec<crate::unreadable::Unreadable>);
use crate::cli::{StatusArgs, StatusFormat};
use crate::i18n::Messages;
use crate::ops::postings::{ConflictPosting, PostingCounts, posting_states};
use crate::store::Counts;
use crate::tr;

#[derive(Serialize)]
struct LanguageStatus {
    lang: String,
    #[serde(flatten)]
    counts: Counts,
    translated_percent: f64,
    /// Localized postings by how the last build left them.
    postings: PostingCounts,
    managed_percent: f64,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    conflicts: Vec<ConflictPosting>,
    /// Localized postings tolkar wrote whose source posting is gone.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    orphans: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    documents: Option<Vec<DocumentStatus>>,
    /// Source postings that could not be read at the last sync; what is
    /// stored for them is counted as it was.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    unreadable: Vec<UnreadableStatus>,
}

#[derive(Serialize, Clone)]
struct UnreadableStatus {
    path: String,
    /// None for a file that cannot be read at all (binary, I/O error).
    line: Option<usize>,
    column: Option<usize>,
    /// In English: JSON is for machines.
    message: String,
}

#[derive(Serialize)]
struct DocumentStatus {
    path: String,
    #[serde(flatten)]
    counts: Counts,
    translated_percent: f64,
}

fn percent(counts: &Counts) -> f64 {
    if counts.total == 0 {
        100.0
    } else {
        (counts.translated as f64 * 1000.0 / counts.total as f64).round() / 10.0
    }
}

pub fn run(
    dir: &Path,
    args: &StatusArgs,
    messages: &Messages,
    out: &mut impl Write,
) -> Result<u8, Failure> {
    // Figures as of now: a sync first, in a transaction rolled back, so
    // that status writes nothing (and creates no store).
    let session = super::sync::Session::open(dir, &[], messages)?;
    let project = session.project();
    let languages = project.languages(args.lang.as_deref())?;
    let (docs, format) = (args.docs, args.format);
    let mut store = session.ws.store(true)?;
    let computed = store.transaction(|tx| -> Result<(), Rollback<Computed>> {
        session.sync(tx, &super::progress::Bar::new("sync"))?;
        let unreadable = tx.unreadable()?;
        let english = Messages::new("en");
        let listed: Vec<UnreadableStatus> = unreadable
            .iter()
            .map(|u| UnreadableStatus {
                path: u.path.clone(),
                line: u.problem.line,
                column: u.problem.column,
                message: super::sync::message(project, u, &english),
            })
            .collect();
        let statuses = languages
            .iter()
            .map(|lang| {
                let (counts, per_doc) = tx.counts(lang)?;
                let postings = posting_states(tx, project, lang)?;
                Ok(LanguageStatus {
                    lang: lang.clone(),
                    translated_percent: percent(&counts),
                    counts,
                    managed_percent: postings.counts.managed_percent(),
                    postings: postings.counts,
                    conflicts: postings.conflicts,
                    orphans: postings.orphans,
                    unreadable: listed.clone(),
                    documents: docs.then(|| {
                        per_doc
                            .into_iter()
                            .map(|(path, counts)| DocumentStatus {
                                path,
                                translated_percent: percent(&counts),
                                counts,
                            })
                            .collect()
                    }),
                })
            })
            .collect::<Result<Vec<LanguageStatus>, Failure>>()?;
        Err(Rollback::Keep((statuses, unreadable)))
    });
    let (statuses, unreadable) = match computed {
        Err(Rollback::Keep(computed)) => computed,
        Err(Rollback::Failure(failure)) => return Err(failure),
        Ok(()) => unreachable!("the transaction always rolls back"),
    };
    match format {
        StatusFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &statuses)
                .map_err(|e| Failure::stdout(e.into()))?;
            writeln!(out).map_err(Failure::stdout)?;
        }
        StatusFormat::Text => {
            print_table(&statuses, messages, out).map_err(Failure::stdout)?;
            if !unreadable.is_empty() {
                writeln!(
                    out,
                    "{}",
                    tr!(messages, "status-unreadable", count = unreadable.len())
                )
                .map_err(Failure::stdout)?;
                for posting in &unreadable {
                    writeln!(
                        out,
                        "  {}",
                        super::sync::message(project, posting, messages)
                    )
                    .map_err(Failure::stdout)?;
                }
            }
        }
    }
    Ok(0)
}

/// The segments table, then the postings table, then the postings in
/// conflict.
fn print_table(
    statuses: &[LanguageStatus],
    messages: &Messages,
    out: &mut impl Write,
) -> std::io::Result<()> {
    let segments = statuses.iter().map(|status| {
        let c = &status.counts;
        vec![
            status.lang.clone(),
            format!("{} ({}%)", c.translated, status.translated_percent),
            c.stale.to_string(),
            c.missing.to_string(),
            c.total.to_string(),
        ]
    });
    let mut doc_rows = statuses.iter().map(|status| {
        status
            .documents
            .iter()
            .flatten()
            .map(|doc| {
                let c = &doc.counts;
                tr!(
                    messages,
                    "status-doc-row",
                    path = doc.path.as_str(),
                    translated = c.translated,
                    total = c.total,
                    translated_pct = doc.translated_percent,
                    stale = c.stale,
                    missing = c.missing,
                )
            })
            .collect()
    });
    aligned(
        &tr!(messages, "status-header"),
        segments,
        |_| doc_rows.next().unwrap_or_default(),
        out,
    )?;
    writeln!(out)?;
    let postings = statuses.iter().map(|status| {
        let p = &status.postings;
        vec![
            status.lang.clone(),
            format!("{} ({}%)", p.managed(), status.managed_percent),
            p.merged.to_string(),
            p.conflict.to_string(),
            p.unmanaged.to_string(),
        ]
    });
    aligned(
        &tr!(messages, "status-postings-header"),
        postings,
        |_| Vec::new(),
        out,
    )?;
    for status in statuses {
        let conflicts = status.conflicts.iter().map(|c| (c.path.as_str(), c.line));
        for line in posting_lines(conflicts, &status.orphans, &status.lang, messages) {
            writeln!(out, "  {line}")?;
        }
    }
    Ok(())
}

/// A line for each posting in conflict (path, line) and each orphan of
/// `lang`: for status and check.
pub(super) fn posting_lines<'a>(
    conflicts: impl Iterator<Item = (&'a str, usize)>,
    orphans: &[String],
    lang: &str,
    messages: &Messages,
) -> Vec<String> {
    let mut lines: Vec<String> = conflicts
        .map(|(path, line)| {
            tr!(
                messages,
                "status-conflict",
                path = path,
                line = line,
                lang = lang
            )
        })
        .collect();
    lines.extend(
        orphans
            .iter()
            .map(|path| tr!(messages, "build-orphan", path = path.as_str())),
    );
    lines
}

/// An aligned table; the header's columns come from the message catalogue
/// (split at three spaces), so the widths follow the user's language.
/// `below(i)`: lines to print under row `i`.
fn aligned(
    header: &str,
    rows: impl Iterator<Item = Vec<String>>,
    mut below: impl FnMut(usize) -> Vec<String>,
    out: &mut impl Write,
) -> std::io::Result<()> {
    let titles: Vec<&str> = header.split("   ").collect();
    let widths: Vec<usize> = titles.iter().map(|t| t.chars().count().max(8)).collect();
    let row = |cells: &[String]| -> String {
        cells
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let width = widths.get(i).copied().unwrap_or(8);
                if i == 0 {
                    format!("{c:<width$}")
                } else {
                    format!("{c:>width$}")
                }
            })
            .collect::<Vec<_>>()
            .join("   ")
    };
    writeln!(
        out,
        "{}",
        row(&titles.iter().map(|t| t.to_string()).collect::<Vec<_>>())
    )?;
    for (i, cells) in rows.enumerate() {
        writeln!(out, "{}", row(&cells))?;
        for line in below(i) {
            writeln!(out, "  {line}")?;
        }
    }
    Ok(())
}
