//! Sync: the source postings of a project into the store.
//!
//! Files are read and hashed in parallel; a file whose hash (with the
//! rules it was read with) is unchanged is skipped. Changed files are
//! parsed in parallel, then written to the store in one transaction.

use std::collections::HashSet;

use rayon::prelude::*;

use crate::cmd::Failure;
use crate::drift::{Side, align};
use crate::posting::Document;
use crate::project::Project;
use crate::segment::hash::source_hash;
use crate::store::{SegmentRow, StoreError, Tx};

/// A source posting as read from disk.
pub struct Source {
    /// Relative to the project root, with `/` separators.
    pub path: String,
    pub bytes: Vec<u8>,
    /// Of the bytes and of the rules they are read with.
    pub hash: String,
}

#[derive(Debug, Default, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SyncReport {
    pub documents: u64,
    pub new: u64,
    pub changed: u64,
    pub unchanged: u64,
    pub removed: u64,
    pub segments_added: u64,
    pub segments_changed: u64,
    pub segments_obsolete: u64,
}

/// Told of each posting done, so that a command can show progress.
pub trait Progress: Sync {
    fn start(&self, _total: usize) {}
    fn advance(&self) {}
    fn finish(&self) {}
}

/// No progress shown.
impl Progress for () {}

/// Reads every source posting of the project, in parallel.
pub fn read_sources(project: &Project) -> Result<Vec<Source>, Failure> {
    let rules_fingerprint = serde_json::to_vec(&project.rules).expect("rules serialize");
    project
        .source_postings()?
        .par_iter()
        .map(|relative| {
            let bytes = crate::project::read_posting_bytes(&project.root.join(relative))?;
            let mut hasher = xxhash_rust::xxh3::Xxh3::new();
            hasher.update(&rules_fingerprint);
            hasher.update(&bytes);
            Ok(Source {
                path: relative.to_string_lossy().replace('\\', "/"),
                bytes,
                hash: format!("{:032x}", hasher.digest128()),
            })
        })
        .collect()
}

/// Parses postings in parallel, telling `progress` of each one; the first
/// error in path order wins.
pub fn parse_all<'s>(
    sources: &[&'s Source],
    project: &Project,
    progress: &dyn Progress,
) -> Result<Vec<(&'s Source, Document)>, Failure> {
    progress.start(sources.len());
    let parsed = sources
        .par_iter()
        .map(|source| {
            let parsed = crate::posting::parse(&source.bytes, &project.rules)
                .map(|doc| (*source, doc))
                .map_err(|e| Failure::posting(&project.root.join(&source.path), &e));
            progress.advance();
            parsed
        })
        .collect();
    progress.finish();
    parsed
}

/// Which sources changed since the last sync.
pub fn changed<'s>(tx: &Tx<'_>, sources: &'s [Source]) -> Result<Vec<&'s Source>, StoreError> {
    let stored = tx.documents()?;
    Ok(sources
        .iter()
        .filter(|s| {
            stored
                .get(&s.path)
                .is_none_or(|d| d.content_hash != s.hash || d.removed)
        })
        .collect())
}

/// Writes the parsed changed documents to the store and marks documents
/// whose file is gone as removed.
pub fn apply(
    tx: &Tx<'_>,
    sources: &[Source],
    parsed: &[(&Source, Document)],
) -> Result<SyncReport, StoreError> {
    let stored = tx.documents()?;
    let mut report = SyncReport {
        documents: sources.len() as u64,
        ..SyncReport::default()
    };
    for (source, doc) in parsed {
        let hashes: Vec<String> = doc.segments.iter().map(|s| source_hash(&s.text)).collect();
        let rows: Vec<SegmentRow> = doc
            .segments
            .iter()
            .enumerate()
            .map(|(i, s)| SegmentRow {
                key: &s.key,
                kind: s.kind.as_str(),
                position: i,
                line: s.line,
                text: &s.text,
                hash: &hashes[i],
            })
            .collect();
        match stored.get(&source.path) {
            None => {
                report.new += 1;
                let id = tx.insert_document(&source.path, &source.hash)?;
                for row in &rows {
                    tx.insert_segment(id, row)?;
                }
                report.segments_added += rows.len() as u64;
            }
            Some(document) => {
                report.changed += 1;
                tx.update_document(document.id, &source.hash)?;
                let old = tx.live_segments(document.id)?;
                let old_sides: Vec<Side> = old
                    .iter()
                    .map(|s| Side {
                        key: &s.key,
                        hash: &s.hash,
                    })
                    .collect();
                let new_sides: Vec<Side> = rows
                    .iter()
                    .map(|r| Side {
                        key: r.key,
                        hash: r.hash,
                    })
                    .collect();
                let alignment = align(&old_sides, &new_sides);
                for &(o, n) in &alignment.matched {
                    if old[o].hash != rows[n].hash {
                        report.segments_changed += 1;
                    }
                    tx.update_segment(&old[o], &rows[n])?;
                }
                for &n in &alignment.added {
                    tx.insert_segment(document.id, &rows[n])?;
                }
                for &o in &alignment.gone {
                    tx.obsolete_segment(old[o].id)?;
                }
                report.segments_added += alignment.added.len() as u64;
                report.segments_obsolete += alignment.gone.len() as u64;
            }
        }
    }
    report.unchanged = report.documents - report.new - report.changed;
    let present: HashSet<&str> = sources.iter().map(|s| s.path.as_str()).collect();
    for (path, document) in &stored {
        if !document.removed && !present.contains(path.as_str()) {
            report.removed += 1;
            report.segments_obsolete += tx.remove_document(document.id)?;
        }
    }
    Ok(report)
}
