//! Reading the state files that changed into the store.

use std::collections::{HashMap, HashSet};

use rayon::prelude::*;

use super::format::{self, StateFile};
use super::{Layout, OnDisk, StateError, built, list, on_disk};
use crate::drift::{Side, align};
use crate::project::Project;
use crate::segment::hash::{content_hash, fingerprint, source_hash};
use crate::store::{
    Restored, Restorer, StateEntry, StateFileRecord, StoreError, StoredSegment, Tx,
};
use crate::sync::Inserted;

/// Reads the state files that changed since tolkar last read or wrote
/// them into the store (see the module documentation). Nothing is stored
/// if one cannot be read.
pub fn load(tx: &Tx<'_>, project: &Project, inserted: &Inserted) -> Result<(), StateError> {
    let layout = Layout::of(project);
    // Changes made so far in this command are to be written, not lost
    // under what is read.
    tx.mark_changed_translations()?;
    let records = tx.state_files()?;
    let files = list(&layout)?;
    let present: HashSet<&str> = files.iter().map(String::as_str).collect();
    let stored = tx.documents()?;
    // Postings that could never be read (no segments stored yet): their
    // state files wait, untouched, until they can be aligned with them.
    let never_read: HashSet<&str> = stored
        .iter()
        .filter(|(_, d)| !d.removed && d.content_hash.is_empty())
        .map(|(path, _)| path.as_str())
        .collect();
    let candidates: Vec<(&String, OnDisk)> = files
        .iter()
        .filter(|path| {
            layout
                .parse(path)
                .is_none_or(|(source, _)| !never_read.contains(source.as_str()))
        })
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
    // A store with no translation at all has none to clear.
    let empty = fresh && !tx.any_translation()?;
    // The (document, language) pairs read from a file in this run.
    let mut loaded: HashSet<(i64, String)> = HashSet::new();
    let mut documents: HashMap<String, (i64, bool)> = stored
        .iter()
        .map(|(path, d)| (path.clone(), (d.id, d.removed)))
        .collect();
    // Read, hash and parse batches in parallel, and store them in path
    // order; a file that cannot be read stops the command, and its
    // transaction takes back what was stored.
    let applier = Applier {
        tx,
        restorer: tx.restorer()?,
        inserted,
        empty,
    };
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
                let exact = applier.apply((document, removed), &lang, &parsed, revision)?;
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
    drop(applier);
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
    // No fill from the memory here: what was committed is the state, and
    // a clone that filled would differ from the one the work was done in.
    tx.state_read()?;
    Ok(())
}

/// How many state files are read in parallel before they are stored.
const LOAD_BATCH: usize = 256;

/// A state file read: its path, metadata and hash, and its contents
/// unless its bytes are the ones tolkar last saw.
type Read = (String, OnDisk, String, Option<Parsed>);

/// A state file's contents, with the source hash of each entry's source
/// and of the source its translation was made for (in entry order).
struct Parsed {
    file: StateFile,
    hashes: Vec<(String, String)>,
    /// Of each live entry's key and source hash, in order.
    fingerprints: Vec<u64>,
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
    let hashes: Vec<(String, String)> = file
        .entries
        .iter()
        .map(|e| {
            let made_for = e.previous.as_deref().unwrap_or(&e.source);
            (source_hash(&e.source), source_hash(made_for))
        })
        .collect();
    let fingerprints = file
        .entries
        .iter()
        .zip(&hashes)
        .filter(|(e, _)| !e.obsolete)
        .map(|(e, (hash, _))| fingerprint(&e.key, hash))
        .collect();
    let parsed = Parsed {
        file,
        hashes,
        fingerprints,
    };
    Ok((path.to_string(), disk, hash, Some(parsed)))
}

/// What stores the files read.
struct Applier<'a, 't> {
    tx: &'a Tx<'t>,
    restorer: Restorer<'a>,
    /// The segments sync inserted in this command.
    inserted: &'a Inserted,
    /// No translation was stored before: none to clear.
    empty: bool,
}

/// Each entry that found its segment: the entry's place, the segment's id
/// and its source hash.
type Matched<'s> = Vec<(usize, i64, &'s str)>;

impl Applier<'_, '_> {
    /// Replaces the translations of `document` (`removed`: its posting is
    /// gone) in `lang` with those of the file, at `revision`. True if every
    /// entry found its segment as it is (same key, same source, in order): the
    /// store then writes the file as it is.
    fn apply(
        &self,
        (document, removed): (i64, bool),
        lang: &str,
        parsed: &Parsed,
        revision: i64,
    ) -> Result<bool, StoreError> {
        let tx = self.tx;
        let file = &parsed.file;
        if !self.empty {
            tx.clear_state(document, lang)?;
        }
        type Entry<'e> = (&'e StateEntry, &'e (String, String));
        let (entries, obsolete): (Vec<Entry>, Vec<Entry>) = file
            .entries
            .iter()
            .zip(&parsed.hashes)
            .partition(|(e, _)| !e.obsolete);
        // Most often every entry is a segment as it is (same key, same text),
        // in order: then the segments' texts need not be read.
        let named: Vec<(&str, &str)> = entries
            .iter()
            .map(|(e, (hash, _))| (e.key.as_str(), hash.as_str()))
            .collect();
        let live: Vec<StoredSegment>;
        // Each entry that found its segment: the entry, the segment's id and
        // source hash.
        let inserted = self.inserted.of(document);
        let (matched, gone, exact): (Matched, Vec<usize>, bool) =
            match quick(tx, inserted, document, &named, &parsed.fingerprints)? {
                Some(ids) => {
                    let matched = ids
                        .into_iter()
                        .enumerate()
                        .map(|(o, id)| (o, id, named[o].1))
                        .collect();
                    (matched, Vec::new(), true)
                }
                None => {
                    live = tx.live_segments(document)?;
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
                    let matched = alignment
                        .matched
                        .iter()
                        .map(|&(o, n)| (o, live[n].id, live[n].hash.as_str()))
                        .collect();
                    (matched, alignment.gone, false)
                }
            };
        let mut restored: Vec<Restored> = Vec::with_capacity(file.entries.len());
        for (o, segment, hash) in matched {
            let (entry, (_, made_for_hash)) = entries[o];
            if made_for_hash != hash {
                let made_for = entry.previous.as_deref().unwrap_or(&entry.source);
                tx.remember_source(segment, made_for, made_for_hash)?;
            }
            restored.push((segment, entry, made_for_hash));
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
            restored.push((segment, entry, made_for_hash));
        }
        self.restorer.restore(lang, revision, &restored)?;
        if let Some(path) = &file.localized {
            tx.set_localized_path(document, lang, Some(path))?;
        }
        Ok(exact)
    }
}

/// The ids of the live segments the entries (`named`: key and source
/// hash; `fingerprints`: of both) name, when each names one as it is and
/// in order: from what sync just inserted if it inserted the document,
/// else from the store.
fn quick(
    tx: &Tx<'_>,
    inserted: Option<&[(i64, u64)]>,
    document: i64,
    named: &[(&str, &str)],
    fingerprints: &[u64],
) -> Result<Option<Vec<i64>>, StoreError> {
    let Some(segments) = inserted else {
        return tx.segments_in_order(document, named);
    };
    let mut segments = segments.iter();
    let ids: Option<Vec<i64>> = fingerprints
        .iter()
        .map(|wanted| segments.find(|(_, f)| f == wanted).map(|&(id, _)| id))
        .collect();
    Ok(ids)
}
