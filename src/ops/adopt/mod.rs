//! Adopting the translations a site already has, over a synced store:
//! each source posting's localized posting is paired with it (see
//! `pairing`), aligned (`crate::adopt`), its aligned texts stored as
//! translations (state translated, origin `adopted`) against the current
//! source, and what build makes of them recorded as the base of its next
//! merge: everything else the file has of its own (a front-matter value, a
//! link, white space) is then kept by build's three-way merge. What does
//! not align is reported per posting, never guessed.

mod explain;
pub mod pairing;

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use rayon::prelude::*;

pub use explain::{Explanation, explain};
pub use pairing::{Pair, Pairing, SharedKey};

use crate::adopt::{self, Adoption};
use crate::message::{Diagnostic, Message};
use crate::ops::workspace::Workspace;
use crate::posting::{Location, PostingError};
use crate::project::{Project, ProjectError};
use crate::segment::hash::content_hash;
use crate::segment::placeholder::PlaceholderError;
use crate::store::{
    NewTranslation, Origin, Output, StoreError, StoredDocument, Tx, UnitRow, compress_base,
};
use crate::sync::Source;

/// Postings aligned at once: enough for every core, few enough that a
/// large site is not held in memory whole (three batches are: see
/// `Batches::run`).
const ADOPT_CHUNK: usize = 256;

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum AdoptError {
    #[error(transparent)]
    Project(#[from] ProjectError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("--explain needs one language (--lang)")]
    ExplainNeedsLanguage,
    #[error("{path} is no source posting nor a translation of one")]
    UnknownPosting { path: String },
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: {error}")]
    Posting { path: PathBuf, error: PostingError },
    #[error(transparent)]
    Build(#[from] crate::ops::build::BuildError),
}

impl Diagnostic for AdoptError {
    fn message(&self) -> Message {
        match self {
            AdoptError::Project(e) => e.message(),
            AdoptError::Store(e) => e.message(),
            AdoptError::ExplainNeedsLanguage => {
                Message::new(crate::msg_id!("error-adopt-explain-lang"), vec![])
            }
            AdoptError::UnknownPosting { path } => Message::new(
                crate::msg_id!("error-adopt-unknown-doc"),
                vec![("path", path.clone())],
            ),
            AdoptError::Io { path, source } => crate::message::io(path, source),
            AdoptError::Posting { path, error } => {
                crate::unreadable::ReadError::Posting(error.clone()).message(path)
            }
            AdoptError::Build(e) => e.message(),
        }
    }
}

/// What adopt found wrong with one localized posting.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// A source segment with no text in the translation.
    Missing { key: String, source_line: usize },
    /// A text of the translation that pairs with no source segment.
    Unmatched { line: usize, text: String },
    /// A pair whose placeholders do not fit the source's.
    NotAdopted {
        key: String,
        line: usize,
        source_line: usize,
        error: PlaceholderError,
    },
    /// Every text is the source's own: a copy, not a translation.
    Copy,
}

/// What adopt did with one localized posting.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub localized: String,
    pub segments: usize,
    pub adopted: usize,
    pub stored: usize,
    pub identical: bool,
    /// How its internal links relate to the source's.
    pub links: crate::posting::links::Agreement,
    /// Where build's output would first differ from the file, if it would.
    pub first_difference: Option<Location>,
    pub problems: Vec<Problem>,
}

/// What adopt did for one language.
#[derive(Debug)]
pub struct LanguageAdoption {
    pub lang: String,
    pub outcomes: Vec<Outcome>,
    /// Localized postings of no source (not listed with `--doc`).
    pub orphans: Vec<String>,
    /// Segments filled from the translation memory after adopting.
    pub from_memory: u64,
    pub shared_keys: Vec<SharedKey>,
}

impl LanguageAdoption {
    pub fn tally(&self) -> Tally {
        let mut tally = Tally::default();
        for outcome in &self.outcomes {
            tally.postings += 1;
            tally.identical += usize::from(outcome.identical);
            tally.links += outcome.links;
            tally.segments += outcome.segments;
            tally.adopted += outcome.adopted;
            tally.stored += outcome.stored;
        }
        tally
    }
}

#[derive(Debug, Default, Clone, Copy)]
pub struct Tally {
    pub links: crate::posting::links::Agreement,
    pub postings: usize,
    pub identical: usize,
    pub segments: usize,
    pub adopted: usize,
    pub stored: usize,
}

/// Everything adopt did, and the localized postings it could not read.
#[derive(Debug, Default)]
pub struct Adopted {
    pub languages: Vec<LanguageAdoption>,
    pub refused: Vec<AdoptError>,
}

/// Adopts the localized postings of `languages` for the workspace's
/// selected sources, in `tx` (synced). A source in `unread` has nothing to
/// align with and is passed over. `progress` counts the postings aligned,
/// language by language.
pub fn adopt_all(
    tx: &Tx<'_>,
    ws: &Workspace,
    unread: &HashSet<String>,
    languages: &[String],
    progress: &dyn crate::sync::Progress,
) -> Result<Adopted, AdoptError> {
    let project = &ws.project;
    let sources = &ws.sources;
    let documents = tx.documents()?;
    let mut adopted = Adopted::default();
    for lang in languages {
        let written = tx.outputs(lang)?;
        let files = pairing::localized_files(project, lang)?;
        let pairing = pairing::pair_postings(project, sources, lang, &files);
        // A translation found elsewhere before, and not now, is forgotten:
        // build goes back to the layout path.
        let found: HashMap<usize, &String> = pairing
            .pairs
            .iter()
            .filter(|p| p.moved)
            .map(|p| (p.source, &p.localized))
            .collect();
        for (s, source) in sources.iter().enumerate() {
            if ws.selects(&source.path) {
                let document = documents[&source.path].id;
                tx.set_localized_path(document, lang, found.get(&s).map(|p| p.as_str()))?;
            }
        }
        // A file that is no source's translation any more (its key
        // changed, its source is gone) has no base to merge with.
        for orphan in &pairing.orphans {
            if written.contains_key(orphan) {
                tx.forget_output(orphan)?;
            }
        }
        let todo: Vec<&Pair> = pairing
            .pairs
            .iter()
            .filter(|p| ws.selects(&sources[p.source].path))
            .filter(|p| !unread.contains(&sources[p.source].path))
            .collect();
        let mut outcomes = Vec::new();
        progress.start(todo.len());
        let batches = Batches {
            tx,
            documents: &documents,
            work: Work {
                project,
                sources,
                written: &written,
                lang,
            },
        };
        batches.run(&todo, |pair, prepared| {
            progress.advance();
            // A localized posting that cannot be read is told and left
            // alone; the others go on.
            match prepared {
                Ok(prepared) => outcomes.push(batches.store(pair, prepared)?),
                Err(error) => adopted.refused.push(error),
            }
            Ok(())
        })?;
        // Sync fills segments from the memory once a source changes; adopt
        // does it now, so that the bases it records are what build makes:
        // otherwise the first source change would bring fills into parts
        // the translations left out, each a conflict.
        let from_memory = if project.config.memory.fill {
            tx.fill_from_memory(lang)?
        } else {
            0
        };
        if from_memory > 0 {
            rebase(tx, ws, lang, &mut outcomes)?;
        }
        adopted.languages.push(LanguageAdoption {
            lang: lang.clone(),
            from_memory,
            outcomes,
            // With --doc, only the postings asked for are reported.
            orphans: if ws.documents.is_some() {
                Vec::new()
            } else {
                pairing.orphans
            },
            shared_keys: pairing.shared_keys,
        });
    }
    progress.finish();
    Ok(adopted)
}

/// One posting's adoption, made ready for the store on a worker thread:
/// this thread only writes it.
struct Prepared {
    /// The adopted texts that differ from what the store has.
    writes: Vec<Write>,
    output: Output,
    /// The compressed base: what build makes of the store after it.
    base: Vec<u8>,
    outcome: Outcome,
}

type Ready = Result<Prepared, AdoptError>;

/// A translation to store.
struct Write {
    segment: i64,
    text: String,
    source_hash: String,
}

/// What adopting one language's postings a batch at a time needs.
struct Batches<'a, 't> {
    tx: &'a Tx<'t>,
    documents: &'a HashMap<String, StoredDocument>,
    work: Work<'a>,
}

/// What the worker threads need: no store.
struct Work<'a> {
    project: &'a Project,
    sources: &'a [Source],
    written: &'a HashMap<String, Output>,
    lang: &'a str,
}

impl Batches<'_, '_> {
    /// Prepares the postings of `todo` a batch at a time and hands each,
    /// in order, to `store`. A batch is read and aligned on every core
    /// while this thread stores the one before and reads the stored rows
    /// of the one after: only three batches are in memory at once, never
    /// a whole language's rows.
    fn run(
        &self,
        todo: &[&Pair],
        mut store: impl FnMut(&Pair, Ready) -> Result<(), AdoptError>,
    ) -> Result<(), AdoptError> {
        let batches: Vec<&[&Pair]> = todo.chunks(ADOPT_CHUNK).collect();
        let mut next_rows = match batches.first() {
            Some(first) => Some(self.rows(first)?),
            None => None,
        };
        // The batch aligned last, waiting to be stored.
        let mut done: Option<(&[&Pair], Vec<Ready>)> = None;
        let work = &self.work;
        for (b, batch) in batches.iter().enumerate() {
            let rows = next_rows.take().unwrap_or_default();
            let prepared = std::thread::scope(|scope| -> Result<_, AdoptError> {
                let worker = scope.spawn(|| work.prepare(batch, &rows));
                if let Some((pairs, prepared)) = done.take() {
                    for (pair, prepared) in pairs.iter().zip(prepared) {
                        store(pair, prepared)?;
                    }
                }
                if let Some(next) = batches.get(b + 1) {
                    next_rows = Some(self.rows(next)?);
                }
                Ok(worker
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
            })?;
            done = Some((batch, prepared));
        }
        if let Some((pairs, prepared)) = done {
            for (pair, prepared) in pairs.iter().zip(prepared) {
                store(pair, prepared)?;
            }
        }
        Ok(())
    }

    /// The stored rows of each pair's source, in the store's order.
    fn rows(&self, batch: &[&Pair]) -> Result<Vec<Vec<UnitRow>>, StoreError> {
        batch
            .iter()
            .map(
                |pair| match self.documents.get(&self.work.sources[pair.source].path) {
                    Some(document) if !document.removed => {
                        self.tx.unit_rows_of(document.id, self.work.lang)
                    }
                    _ => Ok(Vec::new()),
                },
            )
            .collect()
    }

    /// Writes one prepared posting, and returns its outcome.
    fn store(&self, pair: &Pair, prepared: Prepared) -> Result<Outcome, AdoptError> {
        for write in &prepared.writes {
            self.tx.store_translation(&NewTranslation {
                segment: write.segment,
                lang: self.work.lang,
                text: &write.text,
                state: crate::exchange::State::Translated,
                source_hash: &write.source_hash,
                origin: &Origin::Adopted,
            })?;
        }
        self.tx.record_output(
            &pair.localized,
            self.work.lang,
            &prepared.output,
            &prepared.base,
        )?;
        Ok(prepared.outcome)
    }
}

impl Work<'_> {
    /// Reads, parses and aligns a batch in parallel, and works out what to
    /// store of each posting.
    fn prepare(&self, batch: &[&Pair], rows: &[Vec<UnitRow>]) -> Vec<Result<Prepared, AdoptError>> {
        batch
            .par_iter()
            .zip(rows)
            .map(|(pair, rows)| {
                let rows: HashMap<&str, &UnitRow> =
                    rows.iter().map(|r| (r.key.as_str(), r)).collect();
                self.prepare_one(pair, &rows)
            })
            .collect()
    }

    fn prepare_one(
        &self,
        pair: &Pair,
        rows: &HashMap<&str, &UnitRow>,
    ) -> Result<Prepared, AdoptError> {
        let source = &self.sources[pair.source];
        // In a file tolkar wrote, a text equal to its source is the
        // fallback for a missing translation.
        let keep_same = !self.written.contains_key(&pair.localized);
        let stored = usable_translations(rows);
        let adoption = adopt_file(
            self.project,
            source,
            &pair.localized,
            self.lang,
            keep_same,
            &stored,
        )?;
        // A copy of the source, first adopted: not a translation.
        let copy = rows.values().all(|r| r.translation.is_none()) && is_copy(&adoption);
        let writes = if copy {
            Vec::new()
        } else {
            adoption_writes(rows, &adoption)
        };
        // What build makes of the store now is the base its next merge
        // starts from: the file's own differences from it (a link, white
        // space, an anchor) are kept from then on. No input hash: the next
        // build renders it.
        let output = Output {
            input_hash: String::new(),
            content_hash: content_hash(adoption.rebuilt.as_bytes()),
        };
        let base = compress_base(&adoption.rebuilt);
        let mut outcome = outcome(&adoption, pair.localized.clone(), writes.len());
        if copy {
            outcome.adopted = 0;
            outcome.problems.push(Problem::Copy);
        }
        Ok(Prepared {
            writes,
            output,
            base,
            outcome,
        })
    }
}

/// Records as the base of each adopted posting what build makes of the
/// store now (after a fill from the memory), and whether its file is that.
fn rebase(
    tx: &Tx<'_>,
    ws: &Workspace,
    lang: &str,
    outcomes: &mut [Outcome],
) -> Result<(), AdoptError> {
    let by_path: HashMap<String, usize> = outcomes
        .iter()
        .enumerate()
        .map(|(i, o)| (o.localized.clone(), i))
        .collect();
    let paths: HashSet<&str> = by_path.keys().map(String::as_str).collect();
    // Rendered a batch at a time (not every posting at once), each
    // recorded as it comes.
    crate::ops::build::render_paths(
        tx,
        &ws.project,
        &ws.sources,
        lang,
        &paths,
        |path, text, hash, base| -> Result<(), AdoptError> {
            let Some(&i) = by_path.get(path) else {
                return Ok(());
            };
            let outcome = &mut outcomes[i];
            let full = ws.project.root.join(path);
            let file = std::fs::read(&full).map_err(|source| AdoptError::Io {
                path: full.clone(),
                source,
            })?;
            let file = String::from_utf8_lossy(&file);
            outcome.identical = file == text;
            outcome.first_difference =
                (!outcome.identical).then(|| Location::of(&file, first_difference(&file, text)));
            tx.record_output(
                path,
                lang,
                &Output {
                    input_hash: String::new(),
                    content_hash: hash.to_string(),
                },
                base,
            )?;
            Ok(())
        },
    )
}

/// Reads the localized posting and aligns it with its source.
fn adopt_file(
    project: &Project,
    source: &Source,
    localized: &str,
    lang: &str,
    keep_same: bool,
    stored: &HashMap<String, String>,
) -> Result<Adoption, AdoptError> {
    let full = project.root.join(localized);
    let bytes = std::fs::read(&full).map_err(|source| AdoptError::Io {
        path: full.clone(),
        source,
    })?;
    let source_bytes = source.read(project).map_err(|error| ProjectError::Read {
        path: project.root.join(&source.path),
        error,
    })?;
    adopt::adopt(
        &source_bytes,
        &bytes,
        &project.rules,
        &project.config.links,
        lang,
        keep_same,
        stored,
    )
    .map_err(|(in_source, error)| AdoptError::Posting {
        path: if in_source {
            project.root.join(&source.path)
        } else {
            full
        },
        error,
    })
}

/// The adopted texts that differ from what the store has.
fn adoption_writes(by_key: &HashMap<&str, &UnitRow>, adoption: &Adoption) -> Vec<Write> {
    let mut writes = Vec::new();
    for (segment, text) in adoption.source.segments.iter().zip(&adoption.texts) {
        let (Some(text), Some(row)) = (text, by_key.get(segment.key.as_str())) else {
            continue;
        };
        // The same text as stored: nothing to do, and a stale one stays
        // stale (the translation was not touched since its source changed).
        let unchanged = row.translation.as_ref().is_some_and(|t| &t.text == text);
        if unchanged {
            continue;
        }
        writes.push(Write {
            segment: row.segment,
            text: text.clone(),
            source_hash: row.hash.clone(),
        });
    }
    writes
}

fn outcome(adoption: &Adoption, localized: String, stored: usize) -> Outcome {
    let source_line = |i: usize| adoption.source.segments[i].line;
    let localized_line = |i: usize| adoption.localized.segments[i].line;
    let mut problems = Vec::new();
    for &s in &adoption.alignment.missing {
        problems.push(Problem::Missing {
            key: adoption.source.segments[s].key.clone(),
            source_line: source_line(s),
        });
    }
    for &l in &adoption.alignment.unmatched {
        problems.push(Problem::Unmatched {
            line: localized_line(l),
            text: adoption.localized.segments[l].text.clone(),
        });
    }
    for (s, l, error) in &adoption.refused {
        problems.push(Problem::NotAdopted {
            key: adoption.source.segments[*s].key.clone(),
            line: localized_line(*l),
            source_line: source_line(*s),
            error: error.clone(),
        });
    }
    Outcome {
        localized,
        segments: adoption.source.segments.len(),
        adopted: adoption.texts.iter().flatten().count(),
        stored,
        identical: adoption.identical(),
        links: adoption.links,
        first_difference: (!adoption.identical()).then(|| {
            let at = first_difference(&adoption.localized.source, &adoption.rebuilt);
            Location::of(&adoption.localized.source, at)
        }),
        problems,
    }
}

/// The translations build would use now, by key: current ones, and stale
/// ones whose placeholders still fit.
fn usable_translations(rows: &HashMap<&str, &UnitRow>) -> HashMap<String, String> {
    rows.values()
        .filter_map(|row| {
            let t = row.translation.as_ref()?;
            let fits =
                t.current || crate::segment::placeholder::check(&row.source, &t.text).is_ok();
            fits.then(|| (row.key.clone(), t.text.clone()))
        })
        .collect()
}

/// A localized posting that is the source word for word: not translated.
fn is_copy(adoption: &Adoption) -> bool {
    let mut adopted = adoption
        .source
        .segments
        .iter()
        .zip(&adoption.texts)
        .filter_map(|(s, t)| Some((s, t.as_ref()?)))
        .peekable();
    adopted.peek().is_some() && adopted.all(|(s, t)| &s.text == t)
}

/// The byte offset where two texts first differ.
fn first_difference(a: &str, b: &str) -> usize {
    a.char_indices()
        .zip(b.chars())
        .find(|((_, x), y)| x != y)
        .map_or(a.len().min(b.len()), |((i, _), _)| i)
}
