//! Which localized postings tolkar manages, per language, as the last
//! build (or adopt) left them: for `status`, `check` and the report.
//!
//! A posting is managed when the store has a base for it: build either
//! writes it as it makes it (`same`) or merges its changes into the file's
//! own differences (`merged`). One whose own edits collide with build's
//! changes is in `conflict` until someone settles it. A file at a
//! posting's localized path with no base is `unmanaged`: build does not
//! touch it (`tolkar adopt` takes it over).

use serde::Serialize;

use crate::project::Project;
use crate::store::{OutputState, StoreError, Tx};

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
}

/// The states of `lang`'s localized postings, from the store and whether
/// each source posting's localized file exists.
pub fn posting_states(
    tx: &Tx<'_>,
    project: &Project,
    lang: &str,
) -> Result<PostingStates, StoreError> {
    let mut states = PostingStates::default();
    let recorded = tx.output_states(lang)?;
    let known: std::collections::HashSet<&str> = recorded.iter().map(|o| o.path.as_str()).collect();
    let moved = tx.localized_paths_by_source(lang)?;
    let mut sources: Vec<(String, bool)> = tx
        .documents()?
        .into_iter()
        .filter(|(_, d)| !d.removed)
        .map(|(path, d)| (path, d.unreadable))
        .collect();
    sources.sort();
    for (source, _) in sources.iter().filter(|(_, unreadable)| !unreadable) {
        let localized = project.localized_display_in(source, lang, &moved);
        if !known.contains(localized.as_str()) && project.root.join(&localized).is_file() {
            states.unmanaged.push(localized);
        }
    }
    for output in &recorded {
        // A base whose file is gone: build writes it anew, nothing to count.
        if !project.root.join(&output.path).is_file() {
            continue;
        }
        match output.state {
            OutputState::Same => states.counts.same += 1,
            OutputState::Merged => states.counts.merged += 1,
            OutputState::Conflict { line } => {
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
