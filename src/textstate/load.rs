//! Reading the state files that changed into the store.

use std::collections::{HashMap, HashSet};

use rayon::prelude::*;

use super::format::{self, StateFile};
use super::{Layout, OnDisk, StateError, built, list, on_disk};
use crate::drift::{Side, align};
use crate::project::Project;
use crate::segment::hash::{content_hash, source_hash};
use crate::store::{StateEntry, StateFileRecord, StoreError, Tx};

/// Reads the state files that changed since tolkar last read or wrote
/// them into the store (see the module documentation). Nothing is stored
/// if one cannot be read.
pub fn load(tx: &Tx<'_>, project: &Project) -> Result<(), StateError> {
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
    }
    if bulk {
        tx.restore_translation_indexes()?;
    }
    // No fill from the memory here: what was committed is the state, and
    // a clone that filled would differ from the one the work was done in.
    tx.state_read()?;
    Ok(())
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
    let file = format::read(&text, path).map_err(|e| StateError::in_file(&full, e))?;
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
            let new: Vec<Side> = live.iter().map(Side::from).collect();
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
