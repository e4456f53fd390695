//! Writing the state files whose translations or build records changed.

use std::collections::{BTreeMap, HashMap};

use rayon::prelude::*;

use super::format::{self, StateFile};
use super::{Layout, OnDisk, built, put, remove};
use crate::segment::hash::content_hash;
use crate::store::{DirtyState, StateFileRecord, StoreError, Tx};

/// Writes every state file whose posting or translations changed, if its
/// bytes differ, and removes those with no translation left. Runs in the
/// transaction about to commit; what it writes and removes takes effect
/// when the transaction is over, and only if it committed
/// ([`super::settle`]).
pub fn flush(tx: &Tx<'_>, layout: &Layout) -> Result<usize, StoreError> {
    tx.mark_changed_translations()?;
    built::flush(tx, layout)?;
    let dirty = tx.dirty_states()?;
    if dirty.is_empty() {
        tx.state_written()?;
        return Ok(0);
    }
    super::ignore_own_files(layout)?;
    let mut localized: BTreeMap<String, HashMap<i64, String>> = BTreeMap::new();
    let mut written = 0;
    let dirty: Vec<_> = dirty
        .into_iter()
        .filter(|d| layout.languages.contains(&d.lang))
        .collect();
    // A stale translation's source is looked up by hash; a first sync
    // leaves that index to be built when first needed, and with no
    // translation at all nothing is stale.
    if !dirty.is_empty() && tx.any_translation()? {
        tx.ensure_hash_index()?;
    }
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
                let disk = put(layout, &full, text.as_bytes(), !same)?;
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
