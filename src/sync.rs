//! Sync: the source postings of a project into the store.
//!
//! Files are read and hashed in parallel; a file whose hash (with the
//! rules it was read with) is unchanged is skipped. Changed files are
//! parsed in parallel, then written to the store in one transaction. A
//! posting that cannot be read is listed in the report and recorded with
//! its document; everything stored for it stays, and the others go on.

use std::collections::{HashMap, HashSet};

use rayon::prelude::*;

use crate::drift::{Side, align};
use crate::message::{Diagnostic, Message};
use crate::project::Project;
use crate::project::ProjectError;
use crate::segment::hash::{fingerprint, source_hash};
use crate::segment::markup;
use crate::store::{SegmentRow, StoreError, StoredDocument, Tx};
use crate::unreadable::{ReadError, Unreadable};

/// A source posting as listed on disk. Its bytes are read when needed
/// (by sync when it may have changed, by build when it renders): holding
/// every posting of a large site would cost its whole size in memory.
pub struct Source {
    /// Relative to the project root, with `/` separators.
    pub path: String,
    /// What `stat` says of the file (size, modification and change times,
    /// inode) and the rules it is read with, as one key. Equal to the key
    /// stored at the last sync: the file is as it was then, and is not
    /// read again (git trusts its index the same way). `None` when the
    /// file changed within the last seconds, where a second change could
    /// leave the same times, or when the system gives no times.
    pub stat: Option<String>,
}

impl Source {
    /// The posting's bytes, within `[limits] posting_size`.
    pub fn read(&self, project: &Project) -> Result<Vec<u8>, ReadError> {
        crate::unreadable::read_posting_within(
            &project.root.join(&self.path),
            project.config.limits.posting_size,
        )
    }
}

/// Why sync could not run at all (one posting that cannot be read is no
/// such reason: it is reported and the others synced).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SyncError {
    #[error(transparent)]
    Project(#[from] ProjectError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl Diagnostic for SyncError {
    fn message(&self) -> Message {
        match self {
            SyncError::Project(e) => e.message(),
            SyncError::Store(e) => e.message(),
        }
    }
}

/// The source postings of a project: those listed, and those that cannot
/// be read (a directory, a file over the size limit, an I/O error).
#[derive(Default)]
pub struct Sources {
    pub postings: Vec<Source>,
    pub unreadable: Vec<Unreadable>,
    /// The rules postings are read with, serialized: part of every
    /// posting's content hash, so that new rules read every posting anew.
    rules: Vec<u8>,
}

impl Sources {
    /// The content hash of a posting's bytes, with the rules.
    pub fn hash(&self, bytes: &[u8]) -> String {
        let mut hasher = xxhash_rust::xxh3::Xxh3::new();
        hasher.update(&self.rules);
        hasher.update(bytes);
        format!("{:032x}", hasher.digest128())
    }
}

impl std::ops::Deref for Sources {
    type Target = [Source];

    fn deref(&self) -> &[Source] {
        &self.postings
    }
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
    /// Postings that could not be read, in path order; what is stored for
    /// them is kept as it was.
    pub unreadable: Vec<Unreadable>,
    /// Source postings renamed or moved: (from, to). Their translations
    /// went with them.
    pub renamed: Vec<(String, String)>,
    /// The segments inserted, for reading the committed text state right
    /// after (taken by it; not reported).
    #[serde(skip)]
    pub inserted: Inserted,
}

/// The segments a sync inserted, by document: each one's id and the
/// [`fingerprint`] of its key and source hash, in the posting's order.
/// Reading the committed text state into a fresh store matches its
/// entries against these instead of reading every segment back.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Inserted(HashMap<i64, Vec<(i64, u64)>>);

impl Inserted {
    fn record(&mut self, document: i64, ids: Vec<i64>, rows: &[SegmentRow<'_>]) {
        let segments = ids
            .into_iter()
            .zip(rows)
            .map(|(id, row)| (id, fingerprint(row.key, row.hash)))
            .collect();
        self.0.insert(document, segments);
    }

    /// The segments inserted for `document`, if they were.
    pub fn of(&self, document: i64) -> Option<&[(i64, u64)]> {
        self.0.get(&document).map(Vec::as_slice)
    }
}

/// Told of each posting done, so that a command can show progress.
pub trait Progress: Sync {
    fn start(&self, _total: usize) {}
    fn advance(&self) {}
    fn finish(&self) {}
}

/// No progress shown.
impl Progress for () {}

/// Lists every source posting of the project with what `stat` says of
/// it, in parallel. A posting that is a directory, or larger than
/// `[limits] posting_size`, is set aside with the reason; only listing the
/// content directory can fail.
pub fn read_sources(project: &Project) -> Result<Sources, ProjectError> {
    let rules = serde_json::to_vec(&project.rules).expect("rules serialize");
    let rules_key = xxhash_rust::xxh3::xxh3_64(&rules);
    let settled = crate::filestat::Settled::now(&project.database_path());
    let limit = project.config.limits.posting_size;
    let listed: Vec<Result<Source, Unreadable>> = project
        .source_postings()?
        .par_iter()
        .map(|relative| {
            let path = relative.to_string_lossy().replace('\\', "/");
            let unreadable = |e: &ReadError| Unreadable::new(&path, e);
            let meta = std::fs::metadata(project.root.join(relative))
                .map_err(|e| unreadable(&ReadError::io(&e)))?;
            if meta.is_dir() {
                return Err(unreadable(&ReadError::Directory));
            }
            if meta.len() > limit.bytes() {
                return Err(unreadable(&ReadError::TooLarge {
                    size: meta.len(),
                    limit,
                }));
            }
            let stat = crate::filestat::key(&meta, rules_key, &settled);
            Ok(Source { path, stat })
        })
        .collect();
    let mut sources = Sources {
        rules,
        ..Sources::default()
    };
    for result in listed {
        match result {
            Ok(source) => sources.postings.push(source),
            Err(unreadable) => sources.unreadable.push(unreadable),
        }
    }
    Ok(sources)
}

/// A source that may have changed, read: parsed with the source hash of
/// every segment, or found as it was.
enum Read<'s> {
    Parsed(Parsed<'s>),
    /// Its bytes are those last synced (only its `stat` changed).
    Same(&'s Source),
}

/// A changed source, parsed, with the source hash of every segment.
struct Parsed<'s> {
    source: &'s Source,
    /// Of the bytes parsed.
    hash: String,
    segments: Vec<OwnedRow>,
}

/// What the store keeps of a segment; made on the parsing thread, so the
/// storing thread neither hashes nor frees whole documents.
struct OwnedRow {
    key: String,
    kind: crate::posting::Kind,
    line: usize,
    text: String,
    hash: String,
    /// What its placeholders stand for, for export (`segment::markup`).
    markup: String,
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
    sources: &Sources,
    progress: &dyn Progress,
) -> Result<SyncReport, SyncError> {
    let mut applier = Applier {
        tx,
        project,
        stored: tx.documents()?,
        gone: Vec::new(),
        written: Vec::new(),
        report: SyncReport {
            documents: (sources.len() + sources.unreadable.len()) as u64,
            ..SyncReport::default()
        },
    };
    for unreadable in &sources.unreadable {
        applier.unreadable(unreadable.clone())?;
    }
    applier.find_renames(sources)?;
    // Postings whose `stat` is not the one stored may have changed: they
    // are read (with the hash they had, to tell), the others are not.
    let maybe_changed: Vec<(&Source, Option<String>)> = sources
        .iter()
        .filter_map(|s| match applier.stored.get(&s.path) {
            // Stored by an earlier parser: parsed again whatever its bytes
            // (build and export trust what is stored to be what this one
            // reads).
            Some(d) if d.parse_revision != crate::posting::PARSE_REVISION => Some((s, None)),
            Some(d) if !d.removed && !d.unreadable && !d.content_hash.is_empty() => {
                let same = s.stat.is_some() && d.stat == s.stat;
                (!same).then(|| (s, Some(d.content_hash.clone())))
            }
            _ => Some((s, None)),
        })
        .collect();
    let maybe_changed = maybe_changed.as_slice();
    // A first sync of a large site: the hash index is built when the
    // memory first needs it, once (`Tx::drop_hash_index`).
    let bulk = applier.stored.is_empty() && maybe_changed.len() >= BULK;
    if bulk {
        tx.drop_hash_index()?;
    }
    progress.start(maybe_changed.len());
    std::thread::scope(|scope| -> Result<(), SyncError> {
        type Batch<'s> = Vec<Result<Read<'s>, Unreadable>>;
        let (send, receive) = std::sync::mpsc::sync_channel::<Batch>(2);
        // Parsing may use every core: the storing thread often waits
        // for a batch, and measured faster than one parser thread.
        scope.spawn(move || {
            for batch in maybe_changed.chunks(BATCH) {
                let parsed: Batch = batch
                    .par_iter()
                    .map(|(s, hash)| read_one(s, hash.as_deref(), sources, project))
                    .collect();
                // A closed channel means the store side stopped on an error.
                if send.send(parsed).is_err() {
                    break;
                }
            }
        });
        for batch in receive {
            for parsed in batch {
                match parsed {
                    Ok(Read::Parsed(parsed)) => applier.apply(&parsed)?,
                    Ok(Read::Same(source)) => applier.same(source)?,
                    Err(unreadable) => applier.unreadable(unreadable)?,
                }
                progress.advance();
            }
        }
        Ok(())
    })?;
    progress.finish();
    let mut report = applier.finish(sources)?;
    report.unreadable.sort_by(|a, b| a.path.cmp(&b.path));
    if project.config.memory.fill && report.new + report.changed > 0 {
        for lang in &project.config.target_languages {
            report.from_memory += tx.fill_from_memory(lang)?;
        }
    }
    Ok(report)
}

/// Reads a source that may have changed and, unless its bytes hash to
/// `stored_hash`, parses it.
fn read_one<'s>(
    source: &'s Source,
    stored_hash: Option<&str>,
    sources: &Sources,
    project: &Project,
) -> Result<Read<'s>, Unreadable> {
    let bytes = source
        .read(project)
        .map_err(|e| Unreadable::new(&source.path, &e))?;
    let hash = sources.hash(&bytes);
    if stored_hash == Some(hash.as_str()) {
        return Ok(Read::Same(source));
    }
    let doc = crate::posting::parse(&bytes, &project.rules)
        .map_err(|e| Unreadable::new(&source.path, &ReadError::Posting(e)))?;
    let markup: Vec<String> = doc
        .segments
        .iter()
        .map(|s| markup::encode(&markup::of(&doc, s)))
        .collect();
    let segments = doc
        .segments
        .into_iter()
        .zip(markup)
        .map(|(s, markup)| OwnedRow {
            hash: source_hash(&s.text),
            key: s.key,
            kind: s.kind,
            line: s.line,
            text: s.text,
            markup,
        })
        .collect();
    Ok(Read::Parsed(Parsed {
        source,
        hash,
        segments,
    }))
}

/// Stores parsed documents one by one and keeps the report.
struct Applier<'t, 'c> {
    tx: &'t Tx<'c>,
    project: &'t Project,
    stored: HashMap<String, StoredDocument>,
    /// Documents whose file is gone, not yet found under another path,
    /// with the hashes of their segments (read when first needed).
    gone: Vec<(String, StoredDocument, Option<HashSet<String>>)>,
    /// Per target language, read at the first rename: the documents paired
    /// by `translationKey` and the localized postings build wrote.
    written: Vec<(String, HashSet<i64>, HashSet<String>)>,
    report: SyncReport,
}

/// At least this share of a new posting's segments, and of a gone one's,
/// must be the same for the new one to be the gone one renamed.
const RENAMED_SHARE: f64 = 0.5;

impl Applier<'_, '_> {
    /// Documents whose file is gone and postings at new paths; each new
    /// posting with the very content of a gone one is that one renamed
    /// (as `git mv`). The others may still be found similar when parsed.
    fn find_renames(&mut self, sources: &Sources) -> Result<(), StoreError> {
        let present: HashSet<&str> = sources
            .iter()
            .map(|s| s.path.as_str())
            .chain(sources.unreadable.iter().map(|u| u.path.as_str()))
            .collect();
        let mut gone: Vec<(String, StoredDocument)> = self
            .stored
            .iter()
            .filter(|(path, d)| {
                !d.removed && !d.content_hash.is_empty() && !present.contains(path.as_str())
            })
            .map(|(path, d)| (path.clone(), d.clone()))
            .collect();
        gone.sort_by(|a, b| a.0.cmp(&b.0));
        if gone.is_empty() {
            return Ok(());
        }
        // The new postings' hashes, to find the gone ones among them; one
        // that cannot be read is reported when sync reads it.
        let new: Vec<(&Source, Option<String>)> = sources
            .par_iter()
            .filter(|s| !self.stored.contains_key(&s.path))
            .map(|s| (s, s.read(self.project).ok().map(|b| sources.hash(&b))))
            .collect();
        for (source, hash) in new {
            let Some(hash) = hash else { continue };
            if let Some(i) = gone.iter().position(|(_, d)| d.content_hash == hash) {
                let (from, document) = gone.remove(i);
                self.rename(&from, &source.path, document)?;
            }
        }
        self.gone = gone.into_iter().map(|(p, d)| (p, d, None)).collect();
        Ok(())
    }

    /// Moves document `document` from `from` to `to`, and the localized
    /// postings build wrote for it with it (build moves the files).
    fn rename(&mut self, from: &str, to: &str, document: StoredDocument) -> Result<(), StoreError> {
        self.tx.rename_document(document.id, to)?;
        if self.written.is_empty() {
            for lang in &self.project.config.target_languages {
                let paired = self.tx.localized_paths(lang)?.into_keys().collect();
                let outputs = self.tx.outputs(lang)?.into_keys().collect();
                self.written.push((lang.clone(), paired, outputs));
            }
        }
        for (lang, paired, outputs) in &self.written {
            // A translation paired by translationKey stays where it is.
            if paired.contains(&document.id) {
                continue;
            }
            let (old, new) = (
                self.project.localized_display(from, lang),
                self.project.localized_display(to, lang),
            );
            if outputs.contains(&old) {
                self.tx.add_move(lang, &old, &new)?;
            }
        }
        self.stored.remove(from);
        self.stored.insert(to.to_string(), document);
        self.report.renamed.push((from.to_string(), to.to_string()));
        Ok(())
    }

    /// A gone document most of whose segments `rows` has, if any: the new
    /// posting is that one renamed and edited.
    fn similar_gone(&mut self, rows: &[SegmentRow<'_>]) -> Result<Option<usize>, StoreError> {
        let new: HashSet<&str> = rows.iter().map(|r| r.hash).collect();
        let mut best: Option<(usize, f64)> = None;
        for i in 0..self.gone.len() {
            if self.gone[i].2.is_none() {
                let hashes = self
                    .tx
                    .live_segments(self.gone[i].1.id)?
                    .into_iter()
                    .map(|s| s.hash)
                    .collect();
                self.gone[i].2 = Some(hashes);
            }
            let old = self.gone[i].2.as_ref().expect("read above");
            let shared = old.iter().filter(|h| new.contains(h.as_str())).count();
            let share = shared as f64 / old.len().max(new.len()).max(1) as f64;
            if share >= RENAMED_SHARE && best.is_none_or(|(_, b)| share > b) {
                best = Some((i, share));
            }
        }
        Ok(best.map(|(i, _)| i))
    }

    /// Records an unreadable posting; its stored segments stay as they are.
    fn unreadable(&mut self, unreadable: Unreadable) -> Result<(), StoreError> {
        self.tx
            .mark_unreadable(&unreadable.path, &unreadable.problem)?;
        self.report.unreadable.push(unreadable);
        Ok(())
    }

    /// Records what `stat` says now of a source read again unchanged.
    fn same(&mut self, source: &Source) -> Result<(), StoreError> {
        let document = self.stored[&source.path].id;
        self.tx.set_document_stat(document, source.stat.as_deref())
    }

    fn apply(&mut self, parsed: &Parsed<'_>) -> Result<(), StoreError> {
        let Parsed {
            source,
            hash,
            segments,
        } = parsed;
        let stat = source.stat.as_deref();
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
                markup: Some(&s.markup),
            })
            .collect();
        let mut found = self.stored.get(&source.path).cloned();
        if found.is_none()
            && !self.gone.is_empty()
            && let Some(i) = self.similar_gone(&rows)?
        {
            let (from, document, _) = self.gone.remove(i);
            self.rename(&from, &source.path, document.clone())?;
            found = Some(document);
        }
        let (tx, report) = (self.tx, &mut self.report);
        match found {
            None => {
                report.new += 1;
                let id = tx.insert_document_read(&source.path, hash, stat)?;
                let ids = tx.insert_segments(id, &rows)?;
                report.inserted.record(id, ids, &rows);
                report.segments_added += rows.len() as u64;
            }
            // Recorded only as unreadable so far: new now that it reads.
            Some(document) if document.content_hash.is_empty() => {
                report.new += 1;
                tx.update_document(document.id, hash, stat)?;
                let ids = tx.insert_segments(document.id, &rows)?;
                report.inserted.record(document.id, ids, &rows);
                report.segments_added += rows.len() as u64;
            }
            Some(document) => {
                // Read again only because an earlier parser stored it: its
                // bytes are as they were, so it has not changed, and keeps
                // the time it last did (`stale` orders by it). Its segments
                // are aligned as a changed posting's are (their markup is
                // new; what a new parser reads differently shows there).
                let reparsed =
                    !document.removed && !document.unreadable && document.content_hash == *hash;
                if reparsed {
                    tx.set_document_reparsed(document.id, stat)?;
                } else {
                    report.changed += 1;
                    // A posting whose file is back: its segments come back
                    // with their translations before they are aligned.
                    if document.removed {
                        tx.revive_segments(document.id)?;
                    }
                    tx.update_document(document.id, hash, stat)?;
                }
                let old = tx.live_segments(document.id)?;
                let old_sides: Vec<Side> = old.iter().map(Side::from).collect();
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
    fn finish(mut self, sources: &Sources) -> Result<SyncReport, StoreError> {
        let report = &mut self.report;
        report.unchanged = report
            .documents
            .saturating_sub(report.new + report.changed + report.unreadable.len() as u64);
        let present: HashSet<&str> = sources
            .iter()
            .map(|s| s.path.as_str())
            .chain(sources.unreadable.iter().map(|u| u.path.as_str()))
            .collect();
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
