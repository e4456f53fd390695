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
/// after it, the process and a random part (`tolkar.db-writing-1234-Ab12Cd`),
/// which the command holds an advisory lock on while it runs and removes
/// when it ends (when this is dropped). A mark another command can lock is
/// that of a command that died: the system releases the lock with the
/// process. (Process ids cannot tell: in a container every run is
/// process 1, and a dead command's id may be a live one's.)
pub struct Writing {
    mark: Option<(PathBuf, std::fs::File)>,
    /// The marks of commands that died while writing, found at the start
    /// (held locked, so that no other command settles them meanwhile).
    left: Vec<(PathBuf, std::fs::File)>,
}

impl Writing {
    /// Marks this process as writing in `project`. Best effort: without a
    /// mark, a command killed now leaves its files until another is.
    pub fn start(project: &Project) -> Writing {
        let left = dead_marks(project);
        Writing {
            mark: new_mark(project),
            left,
        }
    }

    /// For a command that only reads: no mark of its own, only the marks
    /// of commands that died while writing, whose leftovers it settles
    /// (with a store it may write) so that it shows what they committed.
    pub fn without_mark(project: &Project) -> Writing {
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
        self.forget_left();
        Ok(())
    }

    /// What the dead commands left, against a store this command has just
    /// created (the old one was deleted): nothing there says what they
    /// committed, so the state files stay as they are; their temporary
    /// files and removal marks go.
    pub fn discard(&self, project: &Project) {
        let layout = Layout::of(project);
        let state = layout.root.join(&layout.dir);
        for path in files_under(&state, |name| {
            crate::output::temporary_for(name).is_some()
                || marked_for_removal(Path::new(name)).is_some()
        }) {
            let _ = std::fs::remove_file(path);
        }
        self.forget_left();
    }

    fn forget_left(&self) {
        for (mark, _) in &self.left {
            let _ = std::fs::remove_file(mark);
        }
    }
}

impl Drop for Writing {
    fn drop(&mut self) {
        if let Some((mark, _)) = &self.mark {
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

/// A new mark for this process, locked before it takes its name, so that
/// no other command ever finds it unlocked while this one runs.
fn new_mark(project: &Project) -> Option<(PathBuf, std::fs::File)> {
    let prefix = mark_prefix(project)?;
    let dir = prefix.parent()?;
    let name = prefix.file_name()?.to_string_lossy().into_owned();
    let temp = tempfile::Builder::new()
        .prefix(&format!(".{name}"))
        .tempfile_in(dir)
        .ok()?;
    temp.as_file().try_lock().ok()?;
    let temp_name = temp.path().file_name()?.to_string_lossy().into_owned();
    let random = temp_name.strip_prefix(&format!(".{name}"))?;
    let mut mark = prefix.into_os_string();
    mark.push(format!("{}-{random}", std::process::id()));
    let mark = PathBuf::from(mark);
    let file = temp.persist(&mark).ok()?;
    Some((mark, file))
}

/// The marks of commands that are no longer running: those this one can
/// lock (and keeps locked).
fn dead_marks(project: &Project) -> Vec<(PathBuf, std::fs::File)> {
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
        .filter(|e| e.file_name().to_string_lossy().starts_with(start.as_ref()))
        .filter_map(|e| {
            let file = std::fs::OpenOptions::new().read(true).open(e.path()).ok()?;
            file.try_lock().ok()?;
            Some((e.path(), file))
        })
        .collect()
}

fn recover(tx: &Tx<'_>, project: &Project) -> Result<(), StoreError> {
    let layout = Layout::of(project);
    let records = tx.state_files()?;
    let state = layout.root.join(&layout.dir);
    // Under the state directory, as the store records it; `None` (kept)
    // for a path it could not record.
    let relative = |path: &Path| {
        path.strip_prefix(&layout.root)
            .ok()
            .map(|p| p.to_string_lossy().replace('\\', "/"))
    };
    for mark in files_under(&state, |name| marked_for_removal(Path::new(name)).is_some()) {
        let Some(target) = marked_for_removal(&mark) else {
            continue;
        };
        match relative(&target) {
            Some(path) if !records.contains_key(&path) => remove_now(&layout, &target)?,
            // The removal never committed: the file stays.
            _ => {
                let _ = std::fs::remove_file(&mark);
            }
        }
    }
    for temp in temporary_files(&state) {
        let target = temp.with_file_name(
            crate::output::temporary_for(&temp.file_name().unwrap_or_default().to_string_lossy())
                .unwrap_or_default(),
        );
        let record = relative(&target).and_then(|path| records.get(&path));
        let committed = record.is_some_and(|record| {
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
    // A removal killed before it removed the directories it emptied.
    remove_empty_directories(&state);
    Ok(())
}

/// Removes the empty directories under `dir` (not `dir` itself).
fn remove_empty_directories(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.filter_map(|e| e.ok()) {
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            let path = entry.path();
            remove_empty_directories(&path);
            // Fails, as it should, while anything is left in it.
            let _ = std::fs::remove_dir(&path);
        }
    }
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
