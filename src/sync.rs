//! Sync: the source postings of a project into the store.
//!
//! Files are read and hashed in parallel; a file whose hash (with the
//! rules it was read with) is unchanged is skipped. Changed files are
//! parsed in parallel, then written to the store in one transaction.

use std::collections::{HashMap, HashSet};

use rayon::prelude::*;

use crate::cmd::Failure;
use crate::drift::{Side, align};
use crate::project::Project;
use crate::segment::hash::source_hash;
use crate::store::{SegmentRow, StoreError, StoredDocument, Tx};

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
    /// Translations filled from exact matches in the memory.
    pub from_memory: u64,
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

/// A changed source, parsed, with the source hash of every segment.
struct Parsed<'s> {
    source: &'s Source,
    segments: Vec<OwnedRow>,
}

/// What the store keeps of a segment; made on the parsing thread, so the
/// storing thread neither hashes nor frees whole documents.
struct OwnedRow {
    key: String,
    kind: &'static str,
    line: usize,
    text: String,
    hash: String,
}

/// How many postings are parsed while the previous batch is stored.
const BATCH: usize = 256;

/// From how many new postings a first sync builds its indexes at the end.
const BULK: usize = 1000;

/// Syncs the sources that changed since the last sync (by content hash)
/// into the store and marks documents whose file is gone as removed.
/// Parsing runs in parallel on a helper thread while this thread stores
/// what is parsed, in path order.
pub fn sync(
    tx: &Tx<'_>,
    project: &Project,
    sources: &[Source],
    progress: &dyn Progress,
) -> Result<SyncReport, Failure> {
    let mut applier = Applier {
        tx,
        stored: tx.documents()?,
        report: SyncReport {
            documents: sources.len() as u64,
            ..SyncReport::default()
        },
    };
    let changed: Vec<&Source> = sources
        .iter()
        .filter(|s| {
            applier
                .stored
                .get(&s.path)
                .is_none_or(|d| d.content_hash != s.hash || d.removed)
        })
        .collect();
    let changed = changed.as_slice();
    // A first sync of a large site: build the hash index once at the end.
    let bulk = applier.stored.is_empty() && changed.len() >= BULK;
    if bulk {
        tx.drop_hash_index()?;
    }
    progress.start(changed.len());
    std::thread::scope(|scope| -> Result<(), Failure> {
        let (send, receive) = std::sync::mpsc::sync_channel::<Result<Vec<Parsed>, Failure>>(2);
        // Parsing may use every core: the storing thread often waits
        // for a batch, and measured faster than one parser thread.
        scope.spawn(move || {
            for batch in changed.chunks(BATCH) {
                let parsed: Result<Vec<Parsed>, Failure> =
                    batch.par_iter().map(|s| parse_one(s, project)).collect();
                let failed = parsed.is_err();
                // A closed channel means the store side stopped on an error.
                if send.send(parsed).is_err() || failed {
                    break;
                }
            }
        });
        for batch in receive {
            for parsed in batch? {
                applier.apply(&parsed)?;
                progress.advance();
            }
        }
        Ok(())
    })?;
    progress.finish();
    if bulk {
        tx.restore_hash_index()?;
    }
    let mut report = applier.finish(sources)?;
    if project.config.memory.fill && report.new + report.changed > 0 {
        for lang in &project.config.target_languages {
            report.from_memory += tx.fill_from_memory(lang)?;
        }
    }
    Ok(report)
}

fn parse_one<'s>(source: &'s Source, project: &Project) -> Result<Parsed<'s>, Failure> {
    let doc = crate::posting::parse(&source.bytes, &project.rules)
        .map_err(|e| Failure::posting(&project.root.join(&source.path), &e))?;
    let segments = doc
        .segments
        .into_iter()
        .map(|s| OwnedRow {
            hash: source_hash(&s.text),
            key: s.key,
            kind: s.kind.as_str(),
            line: s.line,
            text: s.text,
        })
        .collect();
    Ok(Parsed { source, segments })
}

/// Stores parsed documents one by one and keeps the report.
struct Applier<'t, 'c> {
    tx: &'t Tx<'c>,
    stored: HashMap<String, StoredDocument>,
    report: SyncReport,
}

impl Applier<'_, '_> {
    fn apply(&mut self, parsed: &Parsed<'_>) -> Result<(), StoreError> {
        let (tx, report) = (self.tx, &mut self.report);
        let Parsed { source, segments } = parsed;
        let rows: Vec<SegmentRow> = segments
            .iter()
            .enumerate()
            .map(|(i, s)| SegmentRow {
                key: &s.key,
                kind: s.kind,
                position: i,
                line: s.line,
                text: &s.text,
                hash: &s.hash,
            })
            .collect();
        match self.stored.get(&source.path) {
            None => {
                report.new += 1;
                let id = tx.insert_document(&source.path, &source.hash)?;
                tx.insert_segments(id, &rows)?;
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
                        text: &s.text,
                    })
                    .collect();
                let new_sides: Vec<Side> = rows
                    .iter()
                    .map(|r| Side {
                        key: r.key,
                        hash: r.hash,
                        text: r.text,
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
        Ok(())
    }

    /// Counts the unchanged and marks documents whose file is gone.
    fn finish(mut self, sources: &[Source]) -> Result<SyncReport, StoreError> {
        let report = &mut self.report;
        report.unchanged = report.documents - report.new - report.changed;
        let present: HashSet<&str> = sources.iter().map(|s| s.path.as_str()).collect();
        let mut gone: Vec<(&String, &StoredDocument)> = self
            .stored
            .iter()
            .filter(|(path, d)| !d.removed && !present.contains(path.as_str()))
            .collect();
        gone.sort_by_key(|(path, _)| path.as_str());
        for (_, document) in gone {
            report.removed += 1;
            report.segments_obsolete += self.tx.remove_document(document.id)?;
        }
        Ok(self.report)
    }
}
