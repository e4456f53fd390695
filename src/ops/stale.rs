//! Stale translations: every translation made for a source text that has
//! changed since, with a word diff of the change, grouped by posting, the
//! most recently changed posting first.

use std::collections::HashMap;

use serde::Serialize;

use crate::project::Project;
use crate::store::{StoreError, Tx, UnitRow};
use crate::worddiff::{self, Run};

#[derive(Serialize)]
pub struct StaleDocument {
    pub lang: String,
    pub path: String,
    pub localized_path: String,
    /// When the source posting last changed (UTC).
    pub changed_at: String,
    pub segments: Vec<StaleSegment>,
}

#[derive(Serialize)]
pub struct StaleSegment {
    pub key: String,
    pub kind: String,
    pub line: usize,
    /// The segment's line in the localized posting, if that exists.
    pub localized_line: Option<usize>,
    /// The source the translation was made for, if the history has it.
    pub old_source: Option<String>,
    pub new_source: String,
    pub diff: Vec<Run>,
    pub translation: String,
}

/// The stale translations of `languages` in the postings `selects` accepts.
pub fn stale(
    tx: &Tx<'_>,
    project: &Project,
    languages: &[String],
    selects: impl Fn(&str) -> bool,
) -> Result<Vec<StaleDocument>, StoreError> {
    let times = tx.document_times()?;
    let mut found = Vec::new();
    for lang in languages {
        let rows: Vec<UnitRow> = tx
            .unit_rows(lang)?
            .into_iter()
            .filter(|r| r.translation.as_ref().is_some_and(|t| !t.current))
            .filter(|r| selects(&r.path))
            .collect();
        let moved = tx.localized_paths_by_source(lang)?;
        found.extend(documents(project, lang, rows, &times, &moved));
    }
    Ok(found)
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
                kind: row.kind.to_string(),
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
/// empty if the posting does not exist, cannot be read or is larger than a
/// source may be.
pub fn localized_lines(project: &Project, relative: &str) -> HashMap<String, usize> {
    let Ok(bytes) = crate::unreadable::read_posting_within(
        &project.root.join(relative),
        project.config.limits.posting_size,
    ) else {
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
