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
//! refused with its path and line before anything is stored.

pub mod built;
pub mod format;
pub mod patch;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::drift::{Side, align};
use crate::message::{Diagnostic, Message};
use crate::project::{Project, ProjectError};
use crate::segment::hash::{content_hash, source_hash};
use crate::store::{DirtyState, StateEntry, StateFileRecord, StoreError, Tx};
use format::{FormatError, StateFile};

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
                    ("error", message.clone()),
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

/// What [`load`] read.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct LoadReport {
    /// State files read because they changed (or are new to the store).
    pub read: usize,
    /// State files gone, whose translations went with them.
    pub removed: usize,
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
fn list(layout: &Layout) -> Result<Vec<String>, ProjectError> {
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

/// Reads the state files that changed since tolkar last read or wrote
/// them into the store (see the module documentation). Nothing is stored
/// if one cannot be read.
pub fn load(tx: &Tx<'_>, project: &Project) -> Result<LoadReport, StateError> {
    let layout = Layout::of(project);
    // Changes made so far in this command are to be written, not lost
    // under what is read.
    tx.mark_changed_translations()?;
    let records = tx.state_files()?;
    let files = list(&layout)?;
    let present: HashSet<&str> = files.iter().map(String::as_str).collect();
    let candidates: Vec<(&String, OnDisk)> = files
        .iter()
        .filter_map(|path| {
            let disk = on_disk(&layout.root.join(path)).ok()?;
            let same = records
                .get(path)
                .is_some_and(|r| r.size == disk.size && r.mtime == disk.mtime);
            (!same).then_some((path, disk))
        })
        .collect();
    let fresh = records.is_empty();
    let mut report = LoadReport::default();
    // One revision per file read; nothing else writes translations here.
    let mut revision = tx.next_revision()?;
    // Many files into a store that has none: the memory's indexes are
    // built once at the end (as sync does for a first sync).
    let bulk = fresh && candidates.len() >= BULK;
    // A store with no translation at all has none to clear.
    let empty = fresh && !tx.any_translation()?;
    if bulk {
        tx.drop_translation_indexes()?;
    }
    // The (document, language) pairs read from a file in this run.
    let mut loaded: HashSet<(i64, String)> = HashSet::new();
    let mut documents: HashMap<String, (i64, bool)> = tx
        .documents()?
        .into_iter()
        .map(|(path, d)| (path, (d.id, d.removed)))
        .collect();
    // Read, hash and parse batches in parallel, and store them in path
    // order; a file that cannot be read stops the command, and its
    // transaction takes back what was stored.
    std::thread::scope(|scope| -> Result<(), StateError> {
        let (send, receive) = std::sync::mpsc::sync_channel::<Vec<Result<Read, StateError>>>(2);
        let (layout, records, candidates) = (&layout, &records, &candidates);
        // The next batch is read while this thread stores the last one.
        scope.spawn(move || {
            for batch in candidates.chunks(LOAD_BATCH) {
                let read = batch
                    .par_iter()
                    .map(|(path, disk)| read_one(layout, path, disk, records.get(*path)))
                    .collect();
                // A closed channel: the storing side stopped on an error.
                if send.send(read).is_err() {
                    break;
                }
            }
        });
        for read in receive {
            for result in read {
                let (path, disk, hash, parsed) = result?;
                let Some(parsed) = parsed else {
                    // The same bytes under a new time: only the time is new.
                    if let Some(record) = records.get(&path) {
                        let record = StateFileRecord {
                            size: disk.size,
                            mtime: disk.mtime,
                            ..record.clone()
                        };
                        tx.record_state_file(&path, &record)?;
                    }
                    continue;
                };
                let (source, lang) = layout.parse(&path).expect("listed as a state file");
                let (document, removed) = match documents.get(&source) {
                    Some(&found) => found,
                    None => {
                        let id = tx.insert_removed_document(&source)?;
                        documents.insert(source.clone(), (id, true));
                        (id, true)
                    }
                };
                // A file whose entries no longer match the posting as they
                // are (a source edited and committed without tolkar) is
                // written again with its translations where they are now.
                let exact = apply(tx, document, removed, &lang, &parsed, revision, empty)?;
                revision += 1;
                if !exact {
                    tx.mark_state_dirty(document, &lang)?;
                }
                tx.record_state_file(
                    &path,
                    &StateFileRecord {
                        document,
                        lang: lang.clone(),
                        hash,
                        size: disk.size,
                        mtime: disk.mtime,
                    },
                )?;
                loaded.insert((document, lang));
                report.read += 1;
            }
        }
        Ok(())
    })?;
    built::load(tx, &layout, &records)?;
    // A state file gone (deleted, or its posting renamed elsewhere in git):
    // its translations go with it.
    let prefix = format!("{}/", layout.dir);
    let paths: HashMap<i64, &str> = documents
        .iter()
        .map(|(path, (id, _))| (*id, path.as_str()))
        .collect();
    for (path, record) in &records {
        if present.contains(path.as_str()) || !path.starts_with(&prefix) {
            continue;
        }
        let Some((source, _)) = layout.parse(path) else {
            continue;
        };
        tx.forget_state_file(path)?;
        // Its posting renamed (sync moved the document) or read from its
        // new file just now: the file moved, the translations did not go.
        let moved = paths.get(&record.document).is_some_and(|p| *p != source);
        if moved || loaded.contains(&(record.document, record.lang.clone())) {
            continue;
        }
        tx.clear_state(record.document, &record.lang)?;
        report.removed += 1;
    }
    if bulk {
        tx.restore_translation_indexes()?;
    }
    // No fill from the memory here: what was committed is the state, and
    // a clone that filled would differ from the one the work was done in.
    tx.state_read()?;
    Ok(report)
}

/// How many state files are read in parallel before they are stored.
const LOAD_BATCH: usize = 256;

/// From how many state files a load into an empty store builds the
/// translations' indexes at the end.
const BULK: usize = 1000;

/// A state file read: its path, metadata and hash, and its contents
/// unless its bytes are the ones tolkar last saw.
type Read = (String, OnDisk, String, Option<Parsed>);

/// A state file's contents, with the source hash of each entry's source
/// and of the source its translation was made for (in entry order).
struct Parsed {
    file: StateFile,
    hashes: Vec<(String, String)>,
}

fn read_one(
    layout: &Layout,
    path: &str,
    disk: &OnDisk,
    record: Option<&StateFileRecord>,
) -> Result<Read, StateError> {
    let full = layout.root.join(path);
    let bytes = std::fs::read(&full).map_err(|source| StateError::Io {
        path: full.clone(),
        source,
    })?;
    let hash = content_hash(&bytes);
    let disk = OnDisk {
        size: disk.size,
        mtime: disk.mtime,
    };
    if record.is_some_and(|r| r.hash == hash) {
        return Ok((path.to_string(), disk, hash, None));
    }
    let text = String::from_utf8(bytes).map_err(|e| StateError::Syntax {
        path: full.clone(),
        line: 1,
        column: 1,
        message: format!("not UTF-8: {e}"),
    })?;
    let file = format::read(&text, path).map_err(|e| match e {
        FormatError::Conflict { line } => StateError::Conflict {
            path: full.clone(),
            line,
        },
        FormatError::Syntax(e) => StateError::Syntax {
            path: full.clone(),
            line: e.line,
            column: e.column,
            message: e.message,
        },
    })?;
    let hashes = file
        .entries
        .iter()
        .map(|e| {
            let made_for = e.previous.as_deref().unwrap_or(&e.source);
            (source_hash(&e.source), source_hash(made_for))
        })
        .collect();
    Ok((path.to_string(), disk, hash, Some(Parsed { file, hashes })))
}

/// Replaces the translations of `document` in `lang` with those of
/// `file`. True if every entry found its segment as it is (same key, same
/// source, in order): the store then writes the file as it is.
fn apply(
    tx: &Tx<'_>,
    document: i64,
    removed: bool,
    lang: &str,
    parsed: &Parsed,
    revision: i64,
    empty: bool,
) -> Result<bool, StoreError> {
    let file = &parsed.file;
    if !empty {
        tx.clear_state(document, lang)?;
    }
    type Entry<'e> = (&'e StateEntry, &'e (String, String));
    let (entries, obsolete): (Vec<Entry>, Vec<Entry>) = file
        .entries
        .iter()
        .zip(&parsed.hashes)
        .partition(|(e, _)| !e.obsolete);
    let hashes: Vec<&String> = entries.iter().map(|(_, (hash, _))| hash).collect();
    // Most often every entry is a segment as it is (same key, same text):
    // then the segments' texts need not be read.
    let keys = tx.live_segment_keys(document)?;
    let by_key: HashMap<&str, usize> = keys
        .iter()
        .enumerate()
        .map(|(i, s)| (s.key.as_str(), i))
        .collect();
    let same: Option<Vec<(usize, usize)>> = entries
        .iter()
        .enumerate()
        .map(|(o, (e, _))| {
            by_key
                .get(e.key.as_str())
                .filter(|&&n| &keys[n].hash == hashes[o])
                .map(|&n| (o, n))
        })
        .collect();
    let (live, matched, gone, exact) = match same {
        Some(matched) => {
            let in_order = matched.windows(2).all(|w| w[0].1 < w[1].1);
            (keys, matched, Vec::new(), in_order)
        }
        None => {
            let live = tx.live_segments(document)?;
            let old: Vec<Side> = entries
                .iter()
                .map(|(e, (hash, _))| Side {
                    key: &e.key,
                    hash,
                    text: &e.source,
                })
                .collect();
            let new: Vec<Side> = live
                .iter()
                .map(|s| Side {
                    key: &s.key,
                    hash: &s.hash,
                    text: &s.text,
                })
                .collect();
            let alignment = align(&old, &new);
            (live, alignment.matched, alignment.gone, false)
        }
    };
    for &(o, n) in &matched {
        let (entry, (_, made_for_hash)) = entries[o];
        let segment = &live[n];
        if made_for_hash != &segment.hash {
            let made_for = entry.previous.as_deref().unwrap_or(&entry.source);
            tx.remember_source(segment.id, made_for, made_for_hash)?;
        }
        tx.restore_translation(segment.id, lang, entry, made_for_hash, revision)?;
    }
    // Entries whose segment is no longer in the posting: kept as obsolete
    // segments, for the memory.
    let level = if removed { 2 } else { 1 };
    let gone = gone.iter().map(|&o| entries[o]);
    for (entry, (hash, made_for_hash)) in gone.chain(obsolete) {
        let segment = tx.insert_obsolete_segment(
            document,
            &entry.key,
            entry.kind,
            &entry.source,
            hash,
            level,
        )?;
        if made_for_hash != hash {
            let made_for = entry.previous.as_deref().unwrap_or(&entry.source);
            tx.remember_source(segment, made_for, made_for_hash)?;
        }
        tx.restore_translation(segment, lang, entry, made_for_hash, revision)?;
    }
    if let Some(path) = &file.localized {
        tx.set_localized_path(document, lang, Some(path))?;
    }
    Ok(exact)
}

/// Writes every state file whose posting or translations changed, if its
/// bytes differ, and removes those with no translation left. Runs in the
/// transaction about to commit; a file written before a commit that then
/// fails is read again by the next command.
pub fn flush(tx: &Tx<'_>, layout: &Layout) -> Result<usize, StoreError> {
    tx.mark_changed_translations()?;
    built::flush(tx, layout)?;
    let dirty = tx.dirty_states()?;
    if dirty.is_empty() {
        tx.state_written()?;
        return Ok(0);
    }
    let mut localized: BTreeMap<String, HashMap<i64, String>> = BTreeMap::new();
    let mut written = 0;
    let dirty: Vec<_> = dirty
        .into_iter()
        .filter(|d| layout.languages.contains(&d.lang))
        .collect();
    // Read from the store in batches on this thread; render, compare and
    // write each batch in parallel.
    for batch in dirty.chunks(FLUSH_BATCH) {
        let mut pending = Vec::with_capacity(batch.len());
        for state in batch {
            if !localized.contains_key(&state.lang) {
                localized.insert(state.lang.clone(), tx.localized_paths(&state.lang)?);
            }
            let path = layout.file(&state.path, &state.lang);
            // The files it had under another path (its posting was renamed).
            for old in tx.state_files_of(state.document)? {
                if old != path
                    && layout
                        .parse(&old)
                        .is_some_and(|(_, lang)| lang == state.lang)
                {
                    remove(layout, &old)?;
                    tx.forget_state_file(&old)?;
                }
            }
            let paired = localized[&state.lang].get(&state.document);
            let entries = tx.state_entries(state.document, &state.lang)?;
            if entries.is_empty() {
                remove(layout, &path)?;
                tx.forget_state_file(&path)?;
                continue;
            }
            let file = StateFile {
                source: state.path.clone(),
                lang: state.lang.clone(),
                localized: paired.cloned(),
                entries,
            };
            pending.push((state, path, file));
        }
        let done: Vec<Result<Written, StoreError>> = pending
            .into_par_iter()
            .map(|(state, path, file)| {
                let text = format::write(&file);
                let full = layout.root.join(&path);
                let same = std::fs::read(&full).is_ok_and(|bytes| bytes == text.as_bytes());
                if !same {
                    write_atomically(&full, text.as_bytes())?;
                }
                let disk = on_disk(&full).map_err(|source| StoreError::Write {
                    path: full.clone(),
                    source,
                })?;
                Ok((state, !same, path, content_hash(text.as_bytes()), disk))
            })
            .collect();
        for result in done {
            let (state, changed, path, hash, disk) = result?;
            written += usize::from(changed);
            tx.record_state_file(
                &path,
                &StateFileRecord {
                    document: state.document,
                    lang: state.lang.clone(),
                    hash,
                    size: disk.size,
                    mtime: disk.mtime,
                },
            )?;
        }
    }
    tx.state_written()?;
    Ok(written)
}

/// A state file flushed: for which pair, whether its bytes changed, its
/// path, hash and metadata.
type Written<'d> = (&'d DirtyState, bool, String, String, OnDisk);

/// How many state files are read from the store before they are written.
const FLUSH_BATCH: usize = 256;

fn remove(layout: &Layout, path: &str) -> Result<(), StoreError> {
    let full = layout.root.join(path);
    match std::fs::remove_file(&full) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(source) => return Err(StoreError::Write { path: full, source }),
    }
    // Empty directories left behind go too, up to the state directory.
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

/// Writes `bytes` to `path` through a temporary file beside it, renamed
/// into place: a reader never sees half a file. The store's write lock
/// keeps two commands from flushing at once, so one name per file will
/// do; a dot keeps a leftover out of [`list`], and the next write of the
/// file takes it over.
pub(crate) fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let error = |source| StoreError::Write {
        path: path.to_path_buf(),
        source,
    };
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let temp = dir.join(format!(".{name}.tmp"));
    std::fs::write(&temp, bytes)
        .or_else(|_| {
            std::fs::create_dir_all(dir)?;
            std::fs::write(&temp, bytes)
        })
        .map_err(error)?;
    std::fs::rename(&temp, path).map_err(error)
}
