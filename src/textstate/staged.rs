//! State files that follow the store's transaction. Flush writes each
//! state file to a temporary file beside it and removes none; when the
//! transaction is over, [`settle`] renames them into place and removes
//! what is to go if it committed, and deletes them if it did not. So the
//! state files on disk are always those of a committed store, give or
//! take the renames themselves.
//!
//! A command killed after its commit and before its renames leaves
//! temporary files the store has recorded; one killed before its commit
//! (or a build killed while it writes postings) leaves some it has not.
//! Each writing command marks itself with a file beside the store,
//! removed when it ends ([`Writing`]); the next one that finds the mark of
//! a command no longer running settles what it left ([`recover`]): a
//! temporary state file whose bytes the store recorded for its place goes
//! there, every other temporary file of tolkar's is deleted.
//!
//! A removal leaves nothing on disk to tell whether it committed, so a
//! state file to be removed gets a mark beside it before the commit
//! (`.NAME.po.tolkar-remove`, [`mark_removal`]). Recovery removes a
//! marked file the store no longer records (the removal committed) and
//! keeps one it does; without the mark, a file whose removal committed
//! would be read back as a new translation of a posting gone.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use super::Layout;
use crate::project::Project;
use crate::segment::hash::content_hash;
use crate::store::{StoreError, Tx};

/// What a transaction did to the state files, in order.
#[derive(Debug, Default)]
pub(super) struct Staged(Mutex<Vec<Step>>);

#[derive(Debug)]
enum Step {
    /// `temp`, written beside `path`, becomes `path`.
    Write {
        temp: PathBuf,
        path: PathBuf,
    },
    Remove(PathBuf),
}

impl Staged {
    pub(super) fn write(&self, temp: PathBuf, path: PathBuf) {
        self.steps().push(Step::Write { temp, path });
    }

    pub(super) fn remove(&self, path: PathBuf) {
        self.steps().push(Step::Remove(path));
    }

    fn steps(&self) -> std::sync::MutexGuard<'_, Vec<Step>> {
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// Ends what the transaction did to the state files of `layout`: put in
/// place if it `committed`, else undone. Goes on past an error and gives
/// the first; a temporary file it could not rename stays for [`recover`].
pub fn settle(layout: &Layout, committed: bool) -> Result<(), StoreError> {
    let steps = std::mem::take(&mut *layout.staged.steps());
    let mut first = Ok(());
    for step in steps {
        let done = match step {
            Step::Write { temp, path } if committed => match std::fs::rename(&temp, &path) {
                // Put in place already by a command recovering it.
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
                done => done.map_err(|source| StoreError::Write { path, source }),
            },
            Step::Write { temp, .. } => {
                let _ = std::fs::remove_file(temp);
                Ok(())
            }
            Step::Remove(path) if committed => remove_now(layout, &path),
            Step::Remove(path) => {
                let _ = std::fs::remove_file(removal_mark(&path));
                Ok(())
            }
        };
        if first.is_ok() {
            first = done;
        }
    }
    first
}

/// Removes a state file, its removal mark, and the directories they
/// leave empty, up to the state directory.
fn remove_now(layout: &Layout, full: &Path) -> Result<(), StoreError> {
    for path in [full.to_path_buf(), removal_mark(full)] {
        match std::fs::remove_file(&path) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(source) => return Err(StoreError::Write { path, source }),
        }
    }
    let top = layout.root.join(&layout.dir);
    let mut dir = full.parent();
    while let Some(d) = dir {
        if d == top || !d.starts_with(&top) || std::fs::remove_dir(d).is_err() {
            break;
        }
        dir = d.parent();
    }
    Ok(())
}

/// What the name of a removal mark ends with.
const REMOVAL: &str = ".tolkar-remove";

/// The removal mark of the state file `path`: `.NAME.tolkar-remove`
/// beside it.
fn removal_mark(path: &Path) -> PathBuf {
    let mut name = std::ffi::OsString::from(".");
    name.push(path.file_name().unwrap_or_default());
    name.push(REMOVAL);
    path.with_file_name(name)
}

/// The state file a removal mark is for, if `path` is one.
fn marked_for_removal(path: &Path) -> Option<PathBuf> {
    let name = path.file_name()?.to_str()?;
    let target = name.strip_prefix('.')?.strip_suffix(REMOVAL)?;
    (!target.is_empty()).then(|| path.with_file_name(target))
}

/// Marks the state file `path` as to be removed when the transaction
/// under way commits.
pub(super) fn mark_removal(path: &Path) -> Result<(), StoreError> {
    let mark = removal_mark(path);
    std::fs::write(&mark, b"").map_err(|source| StoreError::Write { path: mark, source })
}

/// The mark of a command that writes: a file beside the store, named
/// after it and the process (`tolkar.db-writing-1234`), removed when the
/// command ends (when this is dropped).
pub struct Writing {
    mark: Option<PathBuf>,
    /// The marks of commands that died while writing, found at the start.
    left: Vec<PathBuf>,
}

impl Writing {
    /// Marks this process as writing in `project`. Best effort: without a
    /// mark, a command killed now leaves its files until another is.
    pub fn start(project: &Project) -> Writing {
        let mark = mark_prefix(project).map(|prefix| {
            let mut name = prefix.into_os_string();
            name.push(std::process::id().to_string());
            PathBuf::from(name)
        });
        Writing {
            mark: mark.filter(|m| std::fs::write(m, b"").is_ok()),
            left: dead_marks(project),
        }
    }

    /// For a command that only reads: no mark of its own, only what the
    /// commands that died while writing left, which it settles (with a
    /// store it may write) so that it shows what they committed.
    pub fn look(project: &Project) -> Writing {
        Writing {
            mark: None,
            left: dead_marks(project),
        }
    }

    /// Whether a command died while writing here: [`Writing::recover`]
    /// has work to do.
    pub fn found_left(&self) -> bool {
        !self.left.is_empty()
    }

    /// Settles what the commands that died while writing left in
    /// `project` (see the module documentation). Runs in a transaction,
    /// so that no other command writes meanwhile; a command still running
    /// but past its own transaction may be renaming the same files, which
    /// both allow.
    pub fn recover(&self, tx: &Tx<'_>, project: &Project) -> Result<(), StoreError> {
        recover(tx, project)?;
        for mark in &self.left {
            let _ = std::fs::remove_file(mark);
        }
        Ok(())
    }
}

impl Drop for Writing {
    fn drop(&mut self) {
        if let Some(mark) = &self.mark {
            let _ = std::fs::remove_file(mark);
        }
    }
}

/// The path of the store with `-writing-` after it.
fn mark_prefix(project: &Project) -> Option<PathBuf> {
    let database = project.database_path();
    let mut name = database.file_name()?.to_os_string();
    name.push("-writing-");
    Some(database.with_file_name(name))
}

/// The marks of commands that are no longer running.
fn dead_marks(project: &Project) -> Vec<PathBuf> {
    let Some(prefix) = mark_prefix(project) else {
        return Vec::new();
    };
    let (Some(dir), Some(start)) = (prefix.parent(), prefix.file_name()) else {
        return Vec::new();
    };
    let start = start.to_string_lossy();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .filter_map(|e| e.ok())
        .filter(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            name.strip_prefix(start.as_ref())
                .and_then(|pid| pid.parse::<u32>().ok())
                .is_some_and(|pid| pid != std::process::id() && !running(pid))
        })
        .map(|e| e.path())
        .collect()
}

#[cfg(unix)]
fn running(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    // SAFETY: signal 0 only asks whether the process exists.
    let found = unsafe { libc::kill(pid, 0) } == 0;
    found || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

/// Elsewhere every other mark counts as left behind: recovering beside a
/// live command is safe (see [`recover`]), only slower.
#[cfg(not(unix))]
fn running(_pid: u32) -> bool {
    false
}

fn recover(tx: &Tx<'_>, project: &Project) -> Result<(), StoreError> {
    let layout = Layout::of(project);
    let records = tx.state_files()?;
    let relative = |path: &Path| {
        path.strip_prefix(&layout.root)
            .map(|p| p.to_string_lossy().replace('\\', "/"))
            .unwrap_or_default()
    };
    for mark in files_under(&layout.root.join(&layout.dir), |name| {
        marked_for_removal(Path::new(name)).is_some()
    }) {
        let Some(target) = marked_for_removal(&mark) else {
            continue;
        };
        if records.contains_key(&relative(&target)) {
            // The removal never committed: the file stays.
            let _ = std::fs::remove_file(&mark);
        } else {
            remove_now(&layout, &target)?;
        }
    }
    for temp in temporary_files(&layout.root.join(&layout.dir)) {
        let target = temp.with_file_name(
            crate::output::temporary_for(&temp.file_name().unwrap_or_default().to_string_lossy())
                .unwrap_or_default(),
        );
        let committed = records.get(&relative(&target)).is_some_and(|record| {
            std::fs::read(&temp).is_ok_and(|bytes| content_hash(&bytes) == record.hash)
        });
        let done = if committed {
            std::fs::rename(&temp, &target)
        } else {
            std::fs::remove_file(&temp)
        };
        match done {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                return Err(StoreError::Write {
                    path: temp,
                    source: e,
                });
            }
            _ => {}
        }
    }
    // Postings a build was writing: it renames them before its commit, so
    // a temporary file left is one it never finished.
    let mut content = vec![project.root.join(&project.config.content_dir)];
    content.extend(
        project
            .config
            .content_dirs
            .values()
            .map(|dir| project.root.join(dir)),
    );
    for dir in content {
        for temp in temporary_files(&dir) {
            let _ = std::fs::remove_file(temp);
        }
    }
    Ok(())
}

/// Every temporary file of tolkar's under `dir`.
fn temporary_files(dir: &Path) -> Vec<PathBuf> {
    files_under(dir, |name| crate::output::temporary_for(name).is_some())
}

/// Every file under `dir` whose name `wanted` picks.
fn files_under(dir: &Path, wanted: impl Fn(&str) -> bool) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.filter_map(|e| e.ok()) {
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if kind.is_dir() {
                stack.push(entry.path());
            } else if kind.is_file() && wanted(&entry.file_name().to_string_lossy()) {
                found.push(entry.path());
            }
        }
    }
    found
}
