//! A workspace: the project, its source postings as read from disk, and
//! the postings a command was asked to work on (`--doc`). Every command
//! that reads postings starts from one, so they all see the same postings.

use globset::{Glob, GlobSet, GlobSetBuilder};

use crate::message::{Diagnostic, Message};
use crate::project::{Project, ProjectError};
use crate::store::{Store, StoreError};
use crate::sync::{Sources, read_sources};

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum WorkspaceError {
    #[error("bad --doc pattern {glob}: {reason}")]
    Glob { glob: String, reason: String },
    #[error(transparent)]
    Project(#[from] ProjectError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl Diagnostic for WorkspaceError {
    fn message(&self) -> Message {
        match self {
            WorkspaceError::Glob { glob, reason } => Message::new(
                crate::msg_id!("error-bad-glob"),
                vec![("glob", glob.clone()), ("reason", reason.clone())],
            ),
            WorkspaceError::Project(e) => e.message(),
            WorkspaceError::Store(e) => e.message(),
        }
    }
}

pub struct Workspace {
    pub project: Project,
    pub sources: Sources,
    /// The `--doc` globs; `None`: every posting.
    pub documents: Option<GlobSet>,
    patterns: Vec<String>,
}

impl Workspace {
    /// The project in `dir` or the nearest directory above it, its
    /// postings read, `documents` the `--doc` patterns (relative to the
    /// project; a leading `./` is dropped).
    pub fn open(dir: &std::path::Path, documents: &[String]) -> Result<Workspace, WorkspaceError> {
        let project = Project::open(dir)?;
        let globs = document_globs(documents)?;
        let sources = read_sources(&project)?;
        Ok(Workspace {
            project,
            sources,
            documents: globs,
            patterns: documents.to_vec(),
        })
    }

    /// Whether the posting at `path` is one the command was asked for.
    pub fn selects(&self, path: &str) -> bool {
        self.documents.as_ref().is_none_or(|g| g.is_match(path))
    }

    /// When `--doc` matches no source posting (a typo, or a path not
    /// relative to the project): the patterns and an example path.
    pub fn unmatched(&self) -> Option<(String, &str)> {
        let globs = self.documents.as_ref()?;
        if self.sources.iter().any(|s| globs.is_match(&s.path)) {
            return None;
        }
        let example = self
            .sources
            .first()
            .map_or("content/…", |s| s.path.as_str());
        Some((self.patterns.join(" "), example))
    }

    /// The project's store. For a run that rolls back (`--no-write`,
    /// `--dry-run`, `status`), or one that may run without saving (`tm
    /// search`), with no store yet: one in memory rather than create it;
    /// with a store that may not be written: a copy of it in memory, whose
    /// changes are not saved and which writes no text state.
    pub fn store(&self, rolls_back: bool) -> Result<Store, StoreError> {
        let database = self.project.database_path();
        let mut store = if !rolls_back {
            Store::open(&database)?
        } else if database.exists() {
            Store::open_for_reading(&database)?
        } else {
            return Store::open_in_memory();
        };
        if store.is_copy() {
            return Ok(store);
        }
        // A command that writes marks itself while it runs; every command
        // first settles what one that died while writing left behind.
        let writing = if rolls_back {
            crate::textstate::Writing::without_mark(&self.project)
        } else {
            crate::textstate::Writing::start(&self.project)
        };
        if writing.found_left() {
            if store.is_new() {
                // The store they wrote is gone; nothing says what they
                // committed.
                writing.discard(&self.project);
            } else if rolls_back {
                // Best effort: a command that only reads still runs where
                // the state files may not be written.
                let _ = store.transaction(|tx| writing.recover(tx, &self.project));
            } else {
                store.transaction(|tx| writing.recover(tx, &self.project))?;
            }
        }
        // Every commit writes the text state of what it changed, which
        // takes effect once the transaction is over.
        let layout = crate::textstate::Layout::of(&self.project);
        let staged = layout.clone();
        store.before_commit(Box::new(move |tx| {
            crate::textstate::flush(tx, &layout).map(|_| ())
        }));
        store.after_transaction(Box::new(move |committed| {
            let _mark = &writing;
            crate::textstate::settle(&staged, committed)
        }));
        Ok(store)
    }
}

/// The `--doc` globs, or `None` for every posting.
pub fn document_globs(patterns: &[String]) -> Result<Option<GlobSet>, WorkspaceError> {
    if patterns.is_empty() {
        return Ok(None);
    }
    let mut set = GlobSetBuilder::new();
    for pattern in patterns {
        let glob =
            Glob::new(pattern.trim_start_matches("./")).map_err(|e| WorkspaceError::Glob {
                glob: pattern.clone(),
                reason: e.kind().to_string(),
            })?;
        set.add(glob);
    }
    set.build().map(Some).map_err(|e| WorkspaceError::Glob {
        glob: patterns.join(" "),
        reason: e.to_string(),
    })
}
