//! The committed text state: the translations of each source posting in
//! each language as a PO file (`format`), under the project's `state`
//! directory (`.tolkar/state/LANG/SOURCE-PATH.po`), and what build last
//! wrote in each language (`built`, `.tolkar/state/LANG/built.txt`). It is
//! what a team shares through git; the SQLite store is its working copy.
//!
//! - [`load`] runs in every command after sync: a file that changed since
//!   tolkar last read or wrote it (by size and time, then by hash) is read
//!   again and replaces what the store has for its posting and language;
//!   a file gone takes its translations with it. Its entries are aligned
//!   with the posting's segments as sync aligns a changed posting, so a
//!   file written before a source edit still finds its segments.
//! - [`flush`] runs before every commit: each state file whose posting or
//!   translations changed is written again, only if its bytes differ.
//!
//! A file with git conflict markers, or one that is not a state file, is
//! refused with its path and line, and the command's transaction takes
//! back whatever it stored.
//!
//! The files follow the store's transaction ([`staged`]): flush writes
//! each one beside its place, and only once the transaction has committed
//! are they put there, so that a command that fails or is killed before
//! its commit leaves the state files as the store has them (the next
//! command would otherwise read them back as changes: half an import).

pub mod built;
mod flush;
pub mod format;
mod load;
pub mod patch;
mod staged;

pub use flush::flush;
pub use load::load;
pub use staged::{Writing, settle};

use std::path::{Path, PathBuf};

use crate::message::{Diagnostic, Message};
use crate::project::{Project, ProjectError};
use crate::store::StoreError;
use crate::visible::visible;

/// Why the text state could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StateError {
    #[error("{path}:{line}: unresolved merge conflict")]
    Conflict { path: PathBuf, line: usize },
    #[error("{path}:{line}:{column}: {message}")]
    Syntax {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{path}:{line}: the translation of {key} has a control character")]
    ControlCharacter {
        path: PathBuf,
        line: usize,
        key: String,
        error: crate::segment::control::ControlCharacter,
    },
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(transparent)]
    Project(#[from] ProjectError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl StateError {
    /// Why the state file at `path` could not be read.
    pub(crate) fn in_file(path: &Path, error: format::FormatError) -> StateError {
        match error {
            format::FormatError::Conflict { line } => StateError::Conflict {
                path: path.to_path_buf(),
                line,
            },
            format::FormatError::Syntax(e) => StateError::Syntax {
                path: path.to_path_buf(),
                line: e.line,
                column: e.column,
                message: e.message,
            },
            format::FormatError::ControlCharacter { line, key, error } => {
                StateError::ControlCharacter {
                    path: path.to_path_buf(),
                    line,
                    key,
                    error,
                }
            }
        }
    }
}

impl Diagnostic for StateError {
    fn message(&self) -> Message {
        match self {
            StateError::Conflict { path, line } => Message::new(
                crate::msg_id!("error-state-conflict"),
                vec![
                    ("path", path.display().to_string()),
                    ("line", line.to_string()),
                ],
            ),
            StateError::Syntax {
                path,
                line,
                column,
                message,
            } => Message::new(
                crate::msg_id!("error-state-syntax"),
                vec![
                    ("path", path.display().to_string()),
                    ("line", line.to_string()),
                    ("column", column.to_string()),
                    // The reason may quote the file.
                    ("error", visible(message).into_owned()),
                ],
            ),
            StateError::ControlCharacter {
                path,
                line,
                key,
                error,
            } => Message::new(
                crate::msg_id!("error-state-control-character"),
                vec![
                    ("path", path.display().to_string()),
                    ("line", line.to_string()),
                    ("key", visible(key).into_owned()),
                    ("character", error.code()),
                    ("position", error.position.to_string()),
                ],
            ),
            StateError::Io { path, source } => crate::message::io(path, source),
            StateError::Project(e) => e.message(),
            StateError::Store(e) => e.message(),
        }
    }
}

/// Where the state files of a project are, and which languages count.
#[derive(Debug, Clone)]
pub struct Layout {
    root: PathBuf,
    /// Relative to `root`, with `/`, no trailing `/`.
    pub(crate) dir: String,
    pub(crate) languages: Vec<String>,
    /// The store, beside which the file system's clock is read.
    database: PathBuf,
    /// What the transaction under way wrote and removed, to be settled
    /// when it is over (shared by the clones of a layout).
    staged: std::sync::Arc<staged::Staged>,
}

impl Layout {
    pub fn of(project: &Project) -> Layout {
        Layout {
            root: project.root.clone(),
            dir: project
                .config
                .state
                .trim_start_matches("./")
                .trim_end_matches('/')
                .to_string(),
            languages: project.config.target_languages.clone(),
            database: project.database_path(),
            staged: Default::default(),
        }
    }

    /// The state file of the posting `source` in `lang`, relative to the root.
    pub fn file(&self, source: &str, lang: &str) -> String {
        format!("{}/{lang}/{source}.po", self.dir)
    }

    /// The posting and language of a state file, if `path` is one.
    fn parse(&self, path: &str) -> Option<(String, String)> {
        let rest = path.strip_prefix(&self.dir)?.strip_prefix('/')?;
        let (lang, source) = rest.split_once('/')?;
        let source = source.strip_suffix(".po")?;
        (self.languages.iter().any(|l| l == lang) && !source.is_empty())
            .then(|| (source.to_string(), lang.to_string()))
    }
}

/// What the state directory's `.gitignore` says, written by tolkar.
const IGNORE: &str = "\
# Written by tolkar: its files of a command under way, which a command
# killed meanwhile leaves to the next one.
.*.tolkar-tmp
.*.tolkar-remove
";

/// Writes a `.gitignore` into the state directory if it has none, so that
/// the files a killed command left there are never committed (a clone
/// would have nothing to settle them with).
fn ignore_own_files(layout: &Layout) -> Result<(), StoreError> {
    let dir = layout.root.join(&layout.dir);
    let path = dir.join(".gitignore");
    if path.exists() {
        return Ok(());
    }
    std::fs::create_dir_all(&dir)
        .and_then(|()| std::fs::write(&path, IGNORE))
        .map_err(|source| StoreError::Write { path, source })
}

/// A state file on disk, as its metadata says.
pub(crate) struct OnDisk {
    size: i64,
    mtime: i64,
}

pub(crate) fn on_disk(path: &Path) -> std::io::Result<OnDisk> {
    let meta = std::fs::metadata(path)?;
    let mtime = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos() as i64);
    Ok(OnDisk {
        size: meta.len() as i64,
        mtime,
    })
}

/// Every state file under the layout's directory, relative to the root.
pub(crate) fn list(layout: &Layout) -> Result<Vec<String>, ProjectError> {
    let mut found = Vec::new();
    crate::project::walk(&layout.root.join(&layout.dir), &mut found)?;
    let mut files: Vec<String> = found
        .iter()
        .filter_map(|path| {
            let relative = path.strip_prefix(&layout.root).ok()?;
            let relative = relative.to_string_lossy().replace('\\', "/");
            layout.parse(&relative).map(|_| relative)
        })
        .collect();
    files.sort();
    Ok(files)
}

/// Removes the state file `path` (relative to the root) when the
/// transaction has committed, and the directories it leaves empty. A
/// mark beside it says so until then ([`staged`]), so that a command
/// killed after its commit still has the file removed by the next one.
pub(crate) fn remove(layout: &Layout, path: &str) -> Result<(), StoreError> {
    let full = layout.root.join(path);
    match std::fs::symlink_metadata(&full) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        _ => {}
    }
    staged::mark_removal(&full)?;
    layout.staged.remove(full);
    Ok(())
}

/// Writes the state file at `path` if `changed`, when the transaction has
/// committed (written now beside it, as tolkar writes every file, see
/// [`crate::output::write_atomically`]); what it will be on disk.
pub(crate) fn put(
    layout: &Layout,
    path: &Path,
    bytes: &[u8],
    changed: bool,
) -> Result<OnDisk, StoreError> {
    let write_error = |source| StoreError::Write {
        path: path.to_path_buf(),
        source,
    };
    if !changed {
        return on_disk(path).map_err(write_error);
    }
    let temp = crate::output::write_beside(path, bytes).map_err(write_error)?;
    // The rename keeps the size and time the store records.
    let disk = on_disk(&temp).map_err(write_error);
    layout.staged.write(temp, path.to_path_buf());
    disk
}
