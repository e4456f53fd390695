//! `tolkar stale`: every stale translation, with what changed in its
//! source as a word diff, grouped by posting, the most recently changed
//! posting first.

use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::path::Path;

use serde::Serialize;

use super::{Failure, note};
use crate::cli::StatusFormat;
use crate::i18n::Messages;
use crate::project::Project;
use crate::store::UnitRow;
use crate::tr;
use crate::worddiff::{self, Run};

pub struct Options<'a> {
    pub lang: Option<&'a str>,
    pub documents: &'a [String],
    pub format: StatusFormat,
}

#[derive(Serialize)]
struct StaleDocument {
    lang: String,
    path: String,
    localized_path: String,
    /// When the source posting last changed (UTC).
    changed_at: String,
    segments: Vec<StaleSegment>,
}

#[derive(Serialize)]
struct StaleSegment {
    key: String,
    kind: String,
    line: usize,
    /// The segment's line in the localized posting, if that exists.
    localized_line: Option<usize>,
    /// The source the translation was made for, if the history has it.
    old_source: Option<String>,
    new_source: String,
    diff: Vec<Run>,
    translation: String,
}

pub fn run(
    dir: &Path,
    options: &Options<'_>,
    messages: &Messages,
    out: &mut impl Write,
) -> Result<u8, Failure> {
    let session = super::sync::Session::open(dir, options.documents, messages)?;
    let project = session.project();
    let languages = project.languages(options.lang)?;
    let globs = session.ws.documents.clone();
    let mut store = session.ws.store(false)?;
    let (report, found) = store.transaction(|tx| -> Result<_, Failure> {
        let report = session.sync(tx, &())?;
        let times = tx.document_times()?;
        let mut found = Vec::new();
        for lang in &languages {
            let rows: Vec<UnitRow> = tx
                .unit_rows(lang)?
                .into_iter()
                .filter(|r| r.translation.as_ref().is_some_and(|t| !t.current))
                .filter(|r| globs.as_ref().is_none_or(|g| g.is_match(&r.path)))
                .collect();
            let moved = tx.localized_paths_by_source(lang)?;
            found.extend(documents(project, lang, rows, &times, &moved));
        }
        Ok((report, found))
    })?;
    super::sync::print_report_if_changed(&report, messages);
    match options.format {
        StatusFormat::Json => {
            let text = serde_json::to_string_pretty(&found).expect("json");
            writeln!(out, "{text}").map_err(Failure::stdout)?;
        }
        StatusFormat::Text => {
            let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            print_text(&found, color, messages, out)?;
        }
    }
    Ok(session.finish(0, messages))
}

/// The stale rows of one language, grouped by posting, most recently
/// changed first.
fn documents(
    project: &Project,
    lang: &str,
    rows: Vec<UnitRow>,
    times: &HashMap<String, String>,
    moved: &HashMap<String, String>,
) -> Vec<StaleDocument> {
    let mut by_path: Vec<StaleDocument> = Vec::new();
    for row in rows {
        if by_path.last().is_none_or(|d| d.path != row.path) {
            by_path.push(StaleDocument {
                lang: lang.to_string(),
                path: row.path.clone(),
                localized_path: project.localized_display_in(&row.path, lang, moved),
                changed_at: times.get(&row.path).cloned().unwrap_or_default(),
                segments: Vec::new(),
            });
        }
        let translation = row.translation.expect("stale rows have one");
        let old = translation.previous_source.clone();
        let diff = worddiff::diff(old.as_deref().unwrap_or(""), &row.source);
        by_path
            .last_mut()
            .expect("pushed")
            .segments
            .push(StaleSegment {
                key: row.key,
                kind: row.kind,
                line: row.line,
                localized_line: None,
                old_source: old,
                new_source: row.source,
                diff,
                translation: translation.text,
            });
    }
    for document in &mut by_path {
        let lines = localized_lines(project, &document.localized_path);
        for segment in &mut document.segments {
            // By the translation's text, not the key: keys after an
            // insertion have moved on since the posting was built.
            segment.localized_line = lines.get(&segment.translation).copied();
        }
    }
    by_path.sort_by(|a, b| {
        b.changed_at
            .cmp(&a.changed_at)
            .then_with(|| a.path.cmp(&b.path))
    });
    by_path
}

/// The line of each text in a localized posting (its first occurrence);
/// empty if the posting does not exist or cannot be read.
pub(super) fn localized_lines(project: &Project, relative: &str) -> HashMap<String, usize> {
    let Ok(bytes) = std::fs::read(project.root.join(relative)) else {
        return HashMap::new();
    };
    let mut lines = HashMap::new();
    if let Ok(doc) = crate::posting::parse(&bytes, &project.rules) {
        for segment in doc.segments {
            lines.entry(segment.text).or_insert(segment.line);
        }
    }
    lines
}

fn print_text(
    found: &[StaleDocument],
    color: bool,
    messages: &Messages,
    out: &mut impl Write,
) -> Result<(), Failure> {
    if found.is_empty() {
        note(&tr!(messages, "stale-none"));
        return Ok(());
    }
    for document in found {
        let header = tr!(
            messages,
            "stale-document",
            lang = document.lang.as_str(),
            path = document.path.as_str(),
            localized = document.localized_path.as_str(),
            count = document.segments.len(),
        );
        writeln!(out, "{header}").map_err(Failure::stdout)?;
        for segment in &document.segments {
            let line = match segment.localized_line {
                Some(localized) => tr!(
                    messages,
                    "stale-segment-both",
                    key = segment.key.as_str(),
                    line = segment.line,
                    localized_line = localized,
                ),
                None => tr!(
                    messages,
                    "stale-segment",
                    key = segment.key.as_str(),
                    line = segment.line,
                ),
            };
            writeln!(out, "  {line}").map_err(Failure::stdout)?;
            let change = match &segment.old_source {
                Some(_) => worddiff::render(&segment.diff, color),
                None => segment.new_source.clone(),
            };
            let source = tr!(messages, "stale-source", text = indent(&change));
            let translation = tr!(
                messages,
                "stale-translation",
                text = indent(&segment.translation)
            );
            writeln!(out, "    {source}\n    {translation}").map_err(Failure::stdout)?;
        }
        writeln!(out).map_err(Failure::stdout)?;
    }
    Ok(())
}

/// Continuation lines under the label.
fn indent(text: &str) -> String {
    text.replace('\n', "\n      ")
}
