//! Which localized postings tolkar manages, per language: for `status`,
//! `check` and the report. Conflicts are as the last build found them;
//! the rest as the files are now.
//!
//! A posting is managed when the store has a base for it: build either
//! writes it as it makes it (`same`) or merges its changes into the file's
//! own differences (`merged`). One whose own edits collide with build's
//! changes is in `conflict` until someone settles it. A file at a
//! posting's localized path with no base is `unmanaged`: build does not
//! touch it (`tolkar adopt` takes it over).

use std::collections::HashSet;

use rayon::prelude::*;
use serde::Serialize;

use crate::project::Project;
use crate::segment::hash::content_hash;
use crate::store::{StoreError, Tx};

/// How many localized postings of one language are in each state.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PostingCounts {
    pub same: u64,
    pub merged: u64,
    pub conflict: u64,
    pub unmanaged: u64,
}

impl PostingCounts {
    /// Postings build keeps up to date: written as made, or merged.
    pub fn managed(&self) -> u64 {
        self.same + self.merged
    }

    /// Of the localized postings there are, the share managed (percent,
    /// one decimal); 100 when there are none.
    pub fn managed_percent(&self) -> f64 {
        let all = self.managed() + self.conflict + self.unmanaged;
        if all == 0 {
            100.0
        } else {
            (self.managed() as f64 * 1000.0 / all as f64).round() / 10.0
        }
    }
}

/// A posting in conflict: its path and the first line where its own edits
/// and build's changes collide.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConflictPosting {
    pub path: String,
    pub line: usize,
}

/// The states of one language's localized postings.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize)]
pub struct PostingStates {
    pub counts: PostingCounts,
    pub conflicts: Vec<ConflictPosting>,
    /// Files at a posting's localized path that build does not manage.
    pub unmanaged: Vec<String>,
    /// Localized postings tolkar wrote whose source posting is gone
    /// (`build --prune` removes them).
    pub orphans: Vec<String>,
}

/// What one recorded localized posting is now.
enum Found {
    Same,
    Merged,
    Conflict(usize),
    /// Its source posting is gone.
    Orphan,
}

/// The states of `lang`'s localized postings: in conflict as the last
/// build found; otherwise same or merged as the file is now (its hash
/// against what build last made of the store). Only postings of sources
/// there are count.
pub fn posting_states(
    tx: &Tx<'_>,
    project: &Project,
    lang: &str,
) -> Result<PostingStates, StoreError> {
    let mut states = PostingStates::default();
    let recorded = tx.output_states(lang)?;
    let moved = tx.localized_paths_by_source(lang)?;
    let mut localized: Vec<String> = tx
        .documents()?
        .into_iter()
        .filter(|(_, d)| !d.removed && !d.unreadable)
        .map(|(path, _)| project.localized_display_in(&path, lang, &moved))
        .collect();
    localized.sort();
    let of_a_source: HashSet<&str> = localized.iter().map(String::as_str).collect();
    let known: HashSet<&str> = recorded.iter().map(|o| o.path.as_str()).collect();
    for path in &localized {
        if !known.contains(path.as_str()) && project.root.join(path).is_file() {
            states.unmanaged.push(path.clone());
        }
    }
    // Reading the files is the slow part: in parallel. A base whose file
    // is gone counts for nothing: build writes it anew.
    let found: Vec<Option<Found>> = recorded
        .par_iter()
        .map(|output| {
            let full = project.root.join(&output.path);
            if !of_a_source.contains(output.path.as_str()) {
                return full.is_file().then_some(Found::Orphan);
            }
            if let Some(line) = output.conflict_line {
                return full.is_file().then_some(Found::Conflict(line));
            }
            let bytes = std::fs::read(&full).ok()?;
            Some(if content_hash(&bytes) == output.content_hash {
                Found::Same
            } else {
                Found::Merged
            })
        })
        .collect();
    for (output, found) in recorded.iter().zip(found) {
        match found {
            None => {}
            Some(Found::Orphan) => states.orphans.push(output.path.clone()),
            Some(Found::Same) => states.counts.same += 1,
            Some(Found::Merged) => states.counts.merged += 1,
            Some(Found::Conflict(line)) => {
                states.counts.conflict += 1;
                states.conflicts.push(ConflictPosting {
                    path: output.path.clone(),
                    line,
                });
            }
        }
    }
    states.counts.unmanaged = states.unmanaged.len() as u64;
    Ok(states)
}
