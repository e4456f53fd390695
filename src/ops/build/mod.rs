//! Build: write every localized posting whose bytes change. Missing
//! translations fall back to the source text (or skip the posting, or stop
//! the build); a localized posting that tolkar did not write is never
//! overwritten without `force`.
//!
//! A posting whose inputs (source, rules, language, translations) are those
//! of the last build and whose file is as that build wrote it is not even
//! parsed. The others are parsed and rendered in parallel; files are
//! written only once every language has rendered, so an error leaves the
//! site as it was.

mod explain;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

pub use explain::{MergeExplanation, MergeOutcome, explain_merge};

use rayon::prelude::*;

use crate::message::{Diagnostic, Message};
use crate::posting::{Rules, Shape};
use crate::project::Project;
use crate::reassemble::reassemble;
use crate::segment::hash::{content_hash, content_hash_of_file};
use crate::segment::placeholder;
use crate::store::{
    Output, StoreError, StoredTranslation, TranslationSummary, Tx, compress_base, inflate_base,
};
use crate::sync::{Progress, Source, Sources};

/// What to do with a posting that has segments with no translation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Missing {
    /// Write the source's text in their place.
    Fallback,
    /// Leave the posting out.
    Skip,
    /// Stop the build before writing anything.
    Error,
}

/// What to build.
#[derive(Debug, Clone)]
pub struct Options {
    pub languages: Vec<String>,
    pub missing: Missing,
    /// Overwrite localized postings tolkar did not write.
    pub force: bool,
    /// Remove the localized postings tolkar wrote whose source is gone.
    pub prune: bool,
}

/// Why a build stopped before writing anything, or while writing.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BuildError {
    #[error("{count} segments have no translation for {}", langs.join(", "))]
    MissingTranslations { count: u64, langs: Vec<String> },
    #[error("{path} ({lang}): a stored translation does not fit: {reason}")]
    BadTranslation {
        path: String,
        lang: String,
        reason: String,
    },
    #[error("cannot read {}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot write {}: {source}", path.display())]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A source that sync read and build cannot (it changed between), or
    /// a localized posting `merge --explain` will not read (too large).
    #[error("{}: {error}", path.display())]
    Source {
        path: PathBuf,
        error: crate::unreadable::ReadError,
    },
    /// `merge --explain` of a path that is no localized posting.
    #[error("{path} is no localized posting of a source posting")]
    NotLocalized { path: String },
    /// A source posting changed after the command's sync read it.
    #[error("{path} changed while tolkar worked on it; run the command again")]
    SourceChanged { path: String },
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl Diagnostic for BuildError {
    fn message(&self) -> Message {
        match self {
            BuildError::MissingTranslations { count, langs } => Message::new(
                crate::msg_id!("error-missing-translations"),
                vec![("count", count.to_string()), ("lang", langs.join(", "))],
            ),
            BuildError::BadTranslation { path, lang, reason } => Message::new(
                crate::msg_id!("error-bad-translation"),
                vec![
                    ("path", path.clone()),
                    ("lang", lang.clone()),
                    ("reason", reason.clone()),
                ],
            ),
            BuildError::Io { path, source } => crate::message::io(path, source),
            BuildError::Write { path, source } => crate::message::write(path, source),
            BuildError::Source { path, error } => error.message(path),
            BuildError::NotLocalized { path } => Message::new(
                crate::msg_id!("error-not-localized"),
                vec![("path", path.clone())],
            ),
            BuildError::SourceChanged { path } => Message::new(
                crate::msg_id!("error-source-changed"),
                vec![("path", path.clone())],
            ),
            BuildError::Store(e) => e.message(),
        }
    }
}

/// Something people should know about one posting of the build.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    /// Not planned: the path is another posting's translation, found
    /// there by `translationKey`.
    Taken { path: String, owner: String },
    /// Left out (`Missing::Skip`): `count` segments have no translation.
    SkippedMissing { path: String, count: u64 },
    /// Not written: with its translations it would not read back.
    Unreadable { path: String, reason: String },
    /// Not written: its source posting changed after this build synced
    /// it; the next build writes it.
    SourceChanged { path: String, source: String },
    /// Not written: tolkar did not write this file (or wrote it before it
    /// kept a base to merge with), and it differs from what build writes.
    Foreign { path: String, lang: String },
    /// Not written: the file has edits of its own and is larger than a
    /// posting may be (`[limits] posting_size`), so it was not read to
    /// merge with.
    TooLarge {
        path: String,
        size: crate::limits::ByteSize,
        limit: crate::limits::ByteSize,
    },
    /// Not written: the file's own edits and the source's changes collide;
    /// the first place where, in the file as it is.
    Conflict {
        path: String,
        lang: String,
        line: usize,
        ours: String,
        theirs: String,
    },
    /// Written with the source's text for `count` untranslated segments.
    FellBack { path: String, count: u64 },
    /// …and so were `postings` more, with `count` segments in all.
    FellBackMore { postings: usize, count: u64 },
    /// Moved with its source posting, which was renamed.
    Moved { from: String, to: String },
    /// Not moved with its renamed source: a file is already at `to`.
    NotMoved { from: String, to: String },
    /// Its source posting is gone; `--prune` removes it.
    Orphan { path: String },
    /// Removed (`--prune`): its source posting is gone.
    Pruned { path: String },
    /// Not removed by `--prune`: it has text of its own (hand-written or
    /// edited), which only a person should throw away.
    OrphanKept { path: String },
}

/// What the build did for one language.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct LangReport {
    pub lang: String,
    pub written: u64,
    pub unchanged: u64,
    pub skipped: u64,
    /// Skipped because the output would not read back: an error.
    pub refused: u64,
    /// Postings with differences of their own (a hand edit, a value the
    /// translation keeps) that the build kept, merged with its changes.
    pub merged: u64,
    /// Postings not written because their edits and the build's collide.
    pub conflicts: u64,
}

/// What a build did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Built {
    pub languages: Vec<LangReport>,
    pub notes: Vec<Note>,
}

impl Built {
    /// Whether a posting was refused because it would not read back.
    pub fn refused(&self) -> bool {
        self.languages.iter().any(|r| r.refused > 0)
    }

    /// Whether a posting was left alone because its own edits and the
    /// build's changes collide.
    pub fn in_conflict(&self) -> bool {
        self.languages.iter().any(|r| r.conflicts > 0)
    }
}

/// Builds `options.languages` from the synced `sources`, in `tx`.
pub fn build(
    tx: &Tx<'_>,
    project: &Project,
    sources: &Sources,
    options: &Options,
    progress: &dyn Progress,
) -> Result<Built, BuildError> {
    let mut notes = Vec::new();
    move_renamed(tx, project, &options.languages, &mut notes)?;
    let (plans, taken, unplanned) = plan(tx, project, sources, &options.languages)?;
    for (path, owner) in taken {
        notes.push(Note::Taken { path, owner });
    }
    let missing_total: u64 = plans.iter().map(|p| p.missing).sum();
    if options.missing == Missing::Error && missing_total > 0 {
        let mut langs: Vec<String> = plans
            .iter()
            .filter(|p| p.missing > 0)
            .map(|p| p.lang.to_string())
            .collect();
        langs.dedup();
        return Err(BuildError::MissingTranslations {
            count: missing_total,
            langs,
        });
    }
    // Rendered and written a batch at a time: memory stays that of one
    // batch, whatever the size of the site.
    let todo = (0..plans.len())
        .filter(|&i| needs_rendering(&plans[i], options.missing))
        .count();
    progress.start(todo);
    let mut tally = Tally::new(&options.languages);
    // The files of one batch are written on a thread of their own while
    // this one reads the store for the next and records what it made:
    // the store is one connection, and it was the part that left a core
    // idle.
    // Likewise a batch is rendered (on every core, from a thread of its
    // own) while this one records the batch before.
    std::thread::scope(|scope| -> Result<(), BuildError> {
        let plans = &plans;
        let mut writing: Option<Worker<'_, ()>> = None;
        let mut rendering: Option<(std::ops::Range<usize>, Worker<'_, Vec<Rendered>>)> = None;
        let batches = (0..plans.len()).step_by(BATCH).map(Some).chain([None]);
        for start in batches {
            // A store error reading this batch comes after the errors of
            // the batches before it.
            let mut reading = Ok(());
            let next = start.and_then(|start| {
                let batch = start..(start + BATCH).min(plans.len());
                let todo: Vec<usize> = batch
                    .clone()
                    .filter(|&i| needs_rendering(&plans[i], options.missing))
                    .collect();
                let translations = translations_of(tx, plans, &todo)
                    .map_err(|e| reading = Err(e))
                    .ok()?;
                let rendered = scope
                    .spawn(move || render(project, sources, plans, &todo, translations, progress));
                Some((batch, rendered))
            });
            let Some((batch, rendered)) = std::mem::replace(&mut rendering, next) else {
                reading?;
                continue;
            };
            let files = finished(rendered).and_then(|rendered| {
                record(
                    tx, project, options, plans, batch, rendered, &mut notes, &mut tally,
                )
            });
            // The batch before comes first: its error is the earlier one.
            if let Some(previous) = writing.take() {
                finished(previous)?;
            }
            let files = files?;
            reading?;
            writing = Some(scope.spawn(move || write_files(project, files)));
        }
        writing.map_or(Ok(()), finished)
    })?;
    progress.finish();
    let languages = tally.finish(&plans, &mut notes);
    orphans(tx, project, options, &plans, unplanned, &mut notes)?;
    Ok(Built { languages, notes })
}

/// How many postings are rendered and written at a time: enough to keep
/// every core busy.
const BATCH: usize = 512;

/// Moves the localized postings whose source posting sync found renamed
/// (with their bases), unless a file is already where they go.
fn move_renamed(
    tx: &Tx<'_>,
    project: &Project,
    languages: &[String],
    notes: &mut Vec<Note>,
) -> Result<(), BuildError> {
    for lang in languages {
        for (from, to) in tx.moves(lang)? {
            let (old, new) = (project.root.join(&from), project.root.join(&to));
            let moved = if !old.is_file() {
                true
            } else if new.exists() {
                notes.push(Note::NotMoved {
                    from: from.clone(),
                    to: to.clone(),
                });
                false
            } else {
                if let Some(dir) = new.parent() {
                    std::fs::create_dir_all(dir).map_err(|source| BuildError::Write {
                        path: dir.to_path_buf(),
                        source,
                    })?;
                }
                std::fs::rename(&old, &new)
                    .map_err(|source| BuildError::Write { path: old, source })?;
                notes.push(Note::Moved {
                    from: from.clone(),
                    to: to.clone(),
                });
                true
            };
            tx.finish_move(&from, &to, moved)?;
        }
    }
    Ok(())
}

/// The localized postings tolkar wrote whose source posting is gone: told,
/// or with `prune` removed if they are as tolkar wrote them.
fn orphans(
    tx: &Tx<'_>,
    project: &Project,
    options: &Options,
    plans: &[Plan<'_>],
    unplanned: Vec<Vec<(String, Output)>>,
    notes: &mut Vec<Note>,
) -> Result<(), BuildError> {
    let planned: std::collections::HashSet<&str> = plans.iter().map(|p| p.path.as_str()).collect();
    // What plan left of each language's outputs: build records outputs
    // only at planned paths, so these are still what the store has.
    for mut outputs in unplanned {
        outputs.sort_by(|a, b| a.0.cmp(&b.0));
        for (path, output) in outputs {
            if planned.contains(path.as_str()) {
                continue;
            }
            let full = project.root.join(&path);
            // Hashed as it is read: a file of any size takes no memory.
            let Ok(hash) = content_hash_of_file(&full) else {
                continue;
            };
            if !options.prune {
                notes.push(Note::Orphan { path });
            } else if hash == output.content_hash {
                std::fs::remove_file(&full)
                    .map_err(|source| BuildError::Write { path: full, source })?;
                tx.forget_output(&path)?;
                notes.push(Note::Pruned { path });
            } else {
                notes.push(Note::OrphanKept { path });
            }
        }
    }
    Ok(())
}

/// One localized posting to consider.
struct Plan<'s> {
    source: &'s Source,
    document: i64,
    lang: &'s str,
    path: String,
    /// The source posting's hash as synced: its translations are those
    /// of this text.
    source_hash: String,
    /// Of everything the output is made from.
    input_hash: String,
    missing: u64,
    /// What the last build wrote here, if it did.
    last: Option<Output>,
    /// The hash of the file there now, if there is one.
    existing: Option<String>,
    /// What `stat` said of the file when build last found it to be its
    /// own output.
    stored_stat: Option<String>,
    /// What `stat` says of it now, when it was just found to be build's
    /// own output (to be stored).
    new_stat: Option<String>,
}

impl Rendered {
    /// The posting made, for a command that cannot go on without its
    /// text: an error if the source changed after sync.
    fn made(self, plans: &[Plan<'_>]) -> Result<Rendered, BuildError> {
        if self.source_changed {
            return Err(BuildError::SourceChanged {
                path: plans[self.index].source.path.clone(),
            });
        }
        Ok(self)
    }
}

/// A posting rendered, to be written if its bytes differ.
struct Rendered {
    index: usize,
    text: String,
    hash: String,
    /// `text` compressed, as the base of the next merge (done here, in
    /// parallel).
    base: Vec<u8>,
    /// The output does not read back (a translated value that Hugo would
    /// refuse where it is written): not written, with the reason.
    unreadable: Option<String>,
    /// The source posting is no longer what sync stored: not written.
    source_changed: bool,
}

/// Every (posting, language) pair with what the last build left there;
/// the (path, source) pairs not planned because the path is another
/// posting's translation, found there by `translationKey`; and per
/// language (in order) the outputs recorded at paths not planned.
#[allow(clippy::type_complexity)]
fn plan<'s>(
    tx: &Tx<'_>,
    project: &Project,
    sources: &'s [Source],
    languages: &'s [String],
) -> Result<
    (
        Vec<Plan<'s>>,
        Vec<(String, String)>,
        Vec<Vec<(String, Output)>>,
    ),
    BuildError,
> {
    let mut taken_notes = Vec::new();
    let documents = tx.documents()?;
    let mut plans = Vec::with_capacity(sources.len() * languages.len());
    let mut unplanned = Vec::with_capacity(languages.len());
    // A source that cannot be read leaves its postings as they are.
    let readable: Vec<(i64, &str)> = sources
        .iter()
        .map(|source| &documents[&source.path])
        .filter(|document| !document.unreadable)
        .map(|document| (document.id, document.content_hash.as_str()))
        .collect();
    for lang in languages {
        let summaries = tx.translation_summaries(lang, &readable)?;
        let mut outputs = tx.outputs_with_stats(lang)?;
        // Translations adopt found by `translationKey` stay where they are.
        let mut moved = tx.localized_paths(lang)?;
        let taken: std::collections::HashSet<String> = moved.values().cloned().collect();
        for source in sources {
            // A source that cannot be read leaves its postings as they are.
            if documents[&source.path].unreadable {
                continue;
            }
            let document = documents[&source.path].id;
            let summary = summaries.get(&document).copied().unwrap_or_default();
            let path = match moved.remove(&document) {
                Some(path) => path,
                None => {
                    let path = project.localized_display(&source.path, lang);
                    if taken.contains(&path) {
                        taken_notes.push((path, source.path.clone()));
                        continue;
                    }
                    path
                }
            };
            let (last, stored_stat) = match outputs.remove(&path) {
                Some((output, stat)) => (Some(output), stat),
                None => (None, None),
            };
            plans.push(Plan {
                source,
                document,
                lang,
                source_hash: documents[&source.path].content_hash.clone(),
                input_hash: input_hash(
                    &documents[&source.path].content_hash,
                    lang,
                    &summary,
                    &project.config.links,
                ),
                missing: summary.segments - summary.translated,
                last,
                stored_stat,
                new_stat: None,
                path,
                existing: None,
            });
        }
        unplanned.push(
            outputs
                .into_iter()
                .map(|(path, (output, _))| (path, output))
                .collect(),
        );
    }
    // Reading what is on disk is the slow part; do it in parallel, and
    // only for the files `stat` does not vouch for.
    let settled = crate::filestat::Settled::now(&project.database_path());
    plans
        .par_iter_mut()
        .map(|plan| {
            let full = project.root.join(&plan.path);
            let meta = std::fs::metadata(&full);
            if meta.as_ref().is_err_and(no_file_there) {
                return Ok(());
            }
            let stat = meta
                .ok()
                .and_then(|meta| crate::filestat::key(&meta, 0, &settled));
            let trusted = stat.is_some() && stat == plan.stored_stat;
            if let Some(last) = plan.last.as_ref().filter(|_| trusted) {
                plan.existing = Some(last.content_hash.clone());
                return Ok(());
            }
            plan.existing = match content_hash_of_file(&full) {
                Ok(hash) => {
                    // Its own output, as a later build can trust.
                    if plan.last.as_ref().is_some_and(|l| l.content_hash == hash) {
                        plan.new_stat = stat;
                    }
                    Some(hash)
                }
                // Gone since `stat` looked.
                Err(e) if no_file_there(&e) => None,
                Err(source) => return Err(BuildError::Io { path: full, source }),
            };
            Ok(())
        })
        .collect::<Result<(), BuildError>>()?;
    for plan in &plans {
        if let Some(stat) = &plan.new_stat {
            tx.set_output_stat(&plan.path, stat)?;
        }
    }
    Ok((plans, taken_notes, unplanned))
}

/// Whether `error` says no file is at a path: nothing there, or a file
/// where its directory should be (which the write reports).
fn no_file_there(error: &std::io::Error) -> bool {
    matches!(
        error.kind(),
        std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory
    )
}

/// Of the source (and rules), the language, the translations, the link
/// rule, and this version of tolkar.
fn input_hash(
    source_hash: &str,
    lang: &str,
    summary: &TranslationSummary,
    links: &crate::posting::links::LinkRule,
) -> String {
    let pattern = if links.applies_to(lang) {
        links.pattern.as_str()
    } else {
        ""
    };
    let key = format!(
        "{}\n{}\n{lang}\n{}\n{}\n{pattern}",
        env!("CARGO_PKG_VERSION"),
        source_hash,
        summary.translated,
        summary.revision,
    );
    content_hash(key.as_bytes())
}

fn needs_rendering(plan: &Plan<'_>, missing: Missing) -> bool {
    if missing == Missing::Skip && plan.missing > 0 {
        return false;
    }
    match (&plan.last, &plan.existing) {
        (Some(last), Some(existing)) => {
            last.input_hash != plan.input_hash || &last.content_hash != existing
        }
        _ => true,
    }
}

/// What build makes now of the localized postings at `paths` (of `lang`),
/// handed to `each` with its content hash and compressed base, in plan
/// order: for adopt, whose bases must be build's own output. Rendered
/// `BATCH` postings at a time, so that a site's postings are never all in
/// memory at once.
pub(crate) fn render_paths<E: From<BuildError>>(
    tx: &Tx<'_>,
    project: &Project,
    sources: &Sources,
    lang: &str,
    paths: &std::collections::HashSet<&str>,
    mut each: impl FnMut(&str, &str, &str, &[u8]) -> Result<(), E>,
) -> Result<(), E> {
    let languages = [lang.to_string()];
    let (plans, _, _) = plan(tx, project, sources, &languages)?;
    let todo: Vec<usize> = (0..plans.len())
        .filter(|&i| paths.contains(plans[i].path.as_str()))
        .collect();
    for batch in todo.chunks(BATCH) {
        let translations = translations_of(tx, &plans, batch)?;
        for r in render(project, sources, &plans, batch, translations, &())? {
            let r = r.made(&plans)?;
            each(&plans[r.index].path, &r.text, &r.hash, &r.base)?;
        }
    }
    Ok(())
}

/// The stored translations of each posting of `todo`, read from the store
/// on this thread (it is one connection) for [`render`].
fn translations_of(
    tx: &Tx<'_>,
    plans: &[Plan<'_>],
    todo: &[usize],
) -> Result<Vec<HashMap<String, StoredTranslation>>, BuildError> {
    let mut translations = Vec::with_capacity(todo.len());
    for &i in todo {
        translations.push(tx.translations_of(plans[i].document, plans[i].lang)?);
    }
    Ok(translations)
}

/// Parses and renders the postings of `todo` with their `translations`,
/// in parallel.
fn render(
    project: &Project,
    sources: &Sources,
    plans: &[Plan<'_>],
    todo: &[usize],
    translations: Vec<HashMap<String, StoredTranslation>>,
    progress: &dyn Progress,
) -> Result<Vec<Rendered>, BuildError> {
    todo.par_iter()
        .zip(translations)
        .map(|(&index, translations)| {
            let plan = &plans[index];
            let source_error = |error| BuildError::Source {
                path: project.root.join(&plan.source.path),
                error,
            };
            let bytes = plan.source.read(project).map_err(source_error)?;
            // Edited since sync (build reads postings when it renders them,
            // not all at once): its translations may not fit.
            if sources.hash(&bytes) != plan.source_hash {
                progress.advance();
                return Ok(Rendered {
                    index,
                    text: String::new(),
                    hash: String::new(),
                    base: Vec::new(),
                    unreadable: None,
                    source_changed: true,
                });
            }
            let links = &project.config.links;
            // With no translation, and no links to localize, the output is
            // the source with its language set: the body (which sync read
            // in these very bytes) need not be parsed again.
            let doc = if translations.is_empty() && !links.applies_to(plan.lang) {
                crate::posting::parse_language_only(&bytes, &project.rules)
            } else {
                crate::posting::parse(&bytes, &project.rules)
                    .map(|doc| links.localize(doc, &project.rules, plan.lang))
            }
            .map_err(|error| source_error(crate::unreadable::ReadError::Posting(error)))?;
            let text = reassemble(
                &doc,
                |i| {
                    let segment = &doc.segments[i];
                    // A stale translation whose placeholders no longer fit
                    // the source cannot be put back: the source stands in.
                    translations
                        .get(&segment.key)
                        .filter(|t| t.current || placeholder::check(&segment.text, &t.text).is_ok())
                        .map(|t| t.text.as_str())
                },
                Some(plan.lang),
            )
            .map_err(|e| BuildError::BadTranslation {
                path: plan.source.path.clone(),
                lang: plan.lang.to_string(),
                reason: e.to_string(),
            })?;
            // Body text is checked by its placeholders; a value re-quoted
            // into front matter or a shortcode tag is checked by reading
            // the output back, so that no file Hugo refuses is written.
            let requoted = doc.segments.iter().any(|s| {
                matches!(s.shape, Shape::FrontMatter(_) | Shape::Param { .. })
                    && translations.get(&s.key).is_some_and(|t| t.text != s.text)
            });
            let unreadable = requoted
                .then(|| crate::posting::parse(text.as_bytes(), &project.rules).err())
                .flatten()
                .map(|e| e.to_string());
            progress.advance();
            Ok(Rendered {
                index,
                hash: content_hash(text.as_bytes()),
                base: compress_base(&text),
                text,
                unreadable,
                source_changed: false,
            })
        })
        .collect()
}

/// A localized posting with differences of its own, merged.
enum Local {
    Merged(String),
    Conflict(crate::merge::Conflict),
    /// No base to merge with: tolkar did not write it.
    Foreign,
    /// Larger than a posting may be: not read.
    TooLarge(crate::limits::ByteSize),
    /// The merge would not read back as a posting: why, and the line.
    Unreadable(String, usize),
}

/// The bytes of the file at `path`, or its size if that is over `limit`
/// (judged before it is read, and by what it gives should it grow).
pub(super) fn read_within(
    path: &std::path::Path,
    limit: crate::limits::ByteSize,
) -> std::io::Result<Result<Vec<u8>, crate::limits::ByteSize>> {
    use std::io::Read;
    let file = std::fs::File::open(path)?;
    let size = file.metadata()?.len();
    if size > limit.bytes() {
        return Ok(Err(crate::limits::ByteSize(size)));
    }
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(limit.bytes().saturating_add(1))
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit.bytes() {
        return Ok(Err(crate::limits::ByteSize(bytes.len() as u64)));
    }
    Ok(Ok(bytes))
}

/// For every rendered posting whose file has differences of its own (it
/// is there, and is neither the new output nor what build last made of
/// the store): the merge of the changes build makes into it. (`force`
/// writes build's output only where there is no clean merge.) The bases are read from the
/// store on this thread; reading the files and merging run in parallel.
fn merge_all(
    tx: &Tx<'_>,
    project: &Project,
    plans: &[Plan<'_>],
    rendered: &HashMap<usize, Rendered>,
) -> Result<HashMap<usize, Local>, BuildError> {
    let mut todo = Vec::new();
    for (&index, output) in rendered {
        let plan = &plans[index];
        let own_differences = plan.existing.is_some()
            && plan.existing.as_ref() != Some(&output.hash)
            && plan.last.as_ref().map(|l| &l.content_hash) != plan.existing.as_ref();
        if !own_differences || output.unreadable.is_some() || output.source_changed {
            continue;
        }
        let base = match &plan.last {
            Some(_) => tx.output_base(&plan.path)?,
            None => None,
        };
        todo.push((index, base));
    }
    todo.into_par_iter()
        .map(|(index, base)| {
            let plan = &plans[index];
            let theirs = &rendered[&index].text;
            // No base kept (a record taken over from the text state in a
            // fresh clone): while build makes what it made then, that is
            // the base.
            let unchanged = plan
                .last
                .as_ref()
                .is_some_and(|l| l.content_hash == rendered[&index].hash);
            let base = match base.as_deref().and_then(inflate_base) {
                Some(base) => base,
                None if unchanged => theirs.clone(),
                None => return Ok((index, Local::Foreign)),
            };
            let full = project.root.join(&plan.path);
            let limit = project.config.limits.posting_size;
            let bytes = match read_within(&full, limit) {
                Ok(Ok(bytes)) => bytes,
                Ok(Err(size)) => return Ok((index, Local::TooLarge(size))),
                Err(source) => return Err(BuildError::Io { path: full, source }),
            };
            let Ok(ours) = String::from_utf8(bytes) else {
                return Ok((index, Local::Foreign));
            };
            let local = match merge_posting(&base, &ours, theirs, &project.rules) {
                Merge::Clean(text) => Local::Merged(text),
                Merge::Conflicts(mut conflicts) => Local::Conflict(conflicts.swap_remove(0)),
                Merge::Unreadable(reason, line) => Local::Unreadable(reason, line),
            };
            Ok((index, local))
        })
        .collect()
}

/// A three-way merge of one posting, as build writes it.
pub(crate) enum Merge {
    Clean(String),
    Conflicts(Vec<crate::merge::Conflict>),
    /// The merge would not read back as a posting: why, and the line.
    Unreadable(String, usize),
}

/// Merges the changes from `base` to `theirs` into `ours`, and reads the
/// result back: a merge can join two valid texts into one Hugo would
/// refuse, and such a posting is not written.
pub(crate) fn merge_posting(base: &str, ours: &str, theirs: &str, rules: &Rules) -> Merge {
    match crate::merge::merge(base, ours, theirs) {
        crate::merge::Merged::Clean(text) => match crate::posting::parse(text.as_bytes(), rules) {
            Ok(_) => Merge::Clean(text),
            Err(error) => Merge::Unreadable(error.to_string(), error.location().line),
        },
        crate::merge::Merged::Conflicts(conflicts) => Merge::Conflicts(conflicts),
    }
}

/// The reports per language, and the postings that fell back to the
/// source (by plan), as the batches are written.
struct Tally {
    reports: Vec<LangReport>,
    fell_back: Vec<Vec<(usize, u64)>>,
}

impl Tally {
    fn new(languages: &[String]) -> Tally {
        Tally {
            reports: languages
                .iter()
                .map(|lang| LangReport {
                    lang: lang.clone(),
                    ..LangReport::default()
                })
                .collect(),
            fell_back: languages.iter().map(|_| Vec::new()).collect(),
        }
    }

    /// Names the first postings per language that fell back and counts
    /// the rest; the reports.
    fn finish(self, plans: &[Plan<'_>], notes: &mut Vec<Note>) -> Vec<LangReport> {
        const LISTED: usize = 10;
        for list in self.fell_back {
            for &(index, count) in list.iter().take(LISTED) {
                notes.push(Note::FellBack {
                    path: plans[index].path.clone(),
                    count,
                });
            }
            if list.len() > LISTED {
                let segments: u64 = list[LISTED..].iter().map(|(_, n)| n).sum();
                notes.push(Note::FellBackMore {
                    postings: list.len() - LISTED,
                    count: segments,
                });
            }
        }
        self.reports
    }
}

/// Decides what becomes of the plans in `batch`, records it and counts it
/// in `tally`: the postings whose bytes changed, to be written.
#[allow(clippy::too_many_arguments)]
fn record<'p, 's>(
    tx: &Tx<'_>,
    project: &Project,
    options: &Options,
    plans: &'p [Plan<'s>],
    batch: std::ops::Range<usize>,
    rendered: Vec<Rendered>,
    notes: &mut Vec<Note>,
    tally: &mut Tally,
) -> Result<Vec<(&'p Plan<'s>, String)>, BuildError> {
    let (languages, missing, force) = (&options.languages, options.missing, options.force);
    let mut rendered: HashMap<usize, Rendered> =
        rendered.into_iter().map(|r| (r.index, r)).collect();
    let mut merges = merge_all(tx, project, plans, &rendered)?;
    let mut to_write = Vec::new();
    for (index, plan) in plans.iter().enumerate().take(batch.end).skip(batch.start) {
        let lang_index = languages
            .iter()
            .position(|l| l == plan.lang)
            .expect("planned languages");
        let report = &mut tally.reports[lang_index];
        let fell_back = &mut tally.fell_back[lang_index];
        if missing == Missing::Skip && plan.missing > 0 {
            notes.push(Note::SkippedMissing {
                path: plan.path.clone(),
                count: plan.missing,
            });
            report.skipped += 1;
            continue;
        }
        let Some(output) = rendered.remove(&index) else {
            report.unchanged += 1;
            if plan.missing > 0 {
                fell_back.push((index, plan.missing));
            }
            continue;
        };
        if output.source_changed {
            notes.push(Note::SourceChanged {
                path: plan.path.clone(),
                source: plan.source.path.clone(),
            });
            // The next sync reads it whatever `stat` says (which did not
            // see the change, where its times are coarse).
            tx.set_document_stat(plan.document, None)?;
            report.skipped += 1;
            continue;
        }
        if let Some(reason) = &output.unreadable {
            notes.push(Note::Unreadable {
                path: plan.path.clone(),
                reason: reason.clone(),
            });
            report.skipped += 1;
            report.refused += 1;
            continue;
        }
        let Rendered {
            text: theirs,
            hash: theirs_hash,
            base,
            ..
        } = output;
        // `merge_all` decided which postings have differences of their
        // own and merged them; the others take what build makes now, and
        // with `--force` so does a file with no clean merge.
        let merge = merges
            .remove(&index)
            .filter(|local| !force || matches!(local, Local::Merged(_)));
        let text = match merge {
            None => theirs,
            Some(local) => match local {
                Local::Merged(text) => {
                    report.merged += 1;
                    text
                }
                Local::Conflict(conflict) => {
                    tx.record_conflict(&plan.path, conflict.line)?;
                    notes.push(Note::Conflict {
                        path: plan.path.clone(),
                        lang: plan.lang.to_string(),
                        line: conflict.line,
                        ours: conflict.ours,
                        theirs: conflict.theirs,
                    });
                    report.skipped += 1;
                    report.conflicts += 1;
                    continue;
                }
                Local::Unreadable(reason, line) => {
                    tx.record_conflict(&plan.path, line)?;
                    notes.push(Note::Unreadable {
                        path: plan.path.clone(),
                        reason,
                    });
                    report.skipped += 1;
                    report.conflicts += 1;
                    continue;
                }
                Local::Foreign => {
                    notes.push(Note::Foreign {
                        path: plan.path.clone(),
                        lang: plan.lang.to_string(),
                    });
                    report.skipped += 1;
                    continue;
                }
                Local::TooLarge(size) => {
                    notes.push(Note::TooLarge {
                        path: plan.path.clone(),
                        size,
                        limit: project.config.limits.posting_size,
                    });
                    report.skipped += 1;
                    continue;
                }
            },
        };
        if plan.missing > 0 {
            fell_back.push((index, plan.missing));
        }
        // The base of the next merge is what build made of the store.
        tx.record_output(
            &plan.path,
            plan.lang,
            &Output {
                input_hash: plan.input_hash.clone(),
                content_hash: theirs_hash,
            },
            &base,
        )?;
        if plan.existing.as_ref() == Some(&content_hash(text.as_bytes())) {
            report.unchanged += 1;
        } else {
            report.written += 1;
            to_write.push((plan, text));
        }
    }
    Ok(to_write)
}

/// The result of a batch's writing thread; its panic goes on here.
/// A thread of the build: rendering a batch, or writing one.
type Worker<'scope, T> = std::thread::ScopedJoinHandle<'scope, Result<T, BuildError>>;

/// What a thread of the build gave; its panic is passed on.
fn finished<T>(thread: Worker<'_, T>) -> Result<T, BuildError> {
    thread
        .join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}

/// Writes the postings of one batch: their directories once each, then
/// the files in parallel.
fn write_files(project: &Project, to_write: Vec<(&Plan<'_>, String)>) -> Result<(), BuildError> {
    let dirs: std::collections::BTreeSet<_> = to_write
        .iter()
        .filter_map(|(plan, _)| {
            project
                .root
                .join(&plan.path)
                .parent()
                .map(Path::to_path_buf)
        })
        .collect();
    for dir in dirs {
        std::fs::create_dir_all(&dir).map_err(|source| BuildError::Write { path: dir, source })?;
    }
    to_write
        .par_iter()
        .map(|(plan, text)| {
            let full = project.root.join(&plan.path);
            // No file there when the plan looked: made in one step.
            let write = if plan.existing.is_none() {
                crate::output::create_file
            } else {
                crate::output::replace_file
            };
            write(&full, text.as_bytes()).map_err(|source| BuildError::Write { path: full, source })
        })
        .collect::<Result<(), BuildError>>()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A source posting edited after sync stored it, before build read it
    /// to render: its translations are those of the old text, so it is
    /// left for the next build instead of written from the new one.
    #[test]
    fn a_source_edited_during_a_build_is_left_for_the_next() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("tolkar.toml"),
            "source_language = \"sv\"\ntarget_languages = [\"da\"]\n",
        )
        .unwrap();
        std::fs::create_dir_all(dir.path().join("content/sv")).unwrap();
        for name in ["a", "b"] {
            std::fs::write(
                dir.path().join(format!("content/sv/{name}.md")),
                format!("---\ntitle: Rubrik {name}\n---\n\nText {name}.\n"),
            )
            .unwrap();
        }
        let ws = crate::ops::workspace::Workspace::open(dir.path(), &[]).unwrap();
        let project = &ws.project;
        let mut store = crate::store::Store::open_in_memory().unwrap();
        let options = Options {
            languages: vec!["da".into()],
            missing: Missing::Fallback,
            force: false,
            prune: false,
        };
        let built = store
            .transaction(|tx| -> Result<_, BuildError> {
                crate::sync::sync(tx, project, &ws.sources, &()).unwrap();
                std::fs::write(
                    dir.path().join("content/sv/b.md"),
                    "---\ntitle: Ny rubrik\n---\n\nNy text.\n",
                )
                .unwrap();
                build(tx, project, &ws.sources, &options, &())
            })
            .unwrap();
        assert!(
            built.notes.contains(&Note::SourceChanged {
                path: "content/da/b.md".into(),
                source: "content/sv/b.md".into(),
            }),
            "{:?}",
            built.notes
        );
        assert!(dir.path().join("content/da/a.md").exists(), "{built:?}");
        assert!(!dir.path().join("content/da/b.md").exists());

        // Adopt, which needs what build makes of it, stops instead.
        let paths = std::collections::HashSet::from(["content/da/b.md"]);
        let made = store.transaction(|tx| {
            render_paths(tx, project, &ws.sources, "da", &paths, |_, _, _, _| {
                Ok::<(), BuildError>(())
            })
        });
        assert!(
            matches!(&made, Err(BuildError::SourceChanged { path }) if path == "content/sv/b.md"),
            "{made:?}"
        );
    }

    #[test]
    fn a_file_over_the_limit_is_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.md");
        let file = std::fs::File::create(&path).unwrap();
        file.set_len(5_000_000_000).unwrap();
        let limit = crate::limits::ByteSize(1_000);
        assert_eq!(
            read_within(&path, limit).unwrap(),
            Err(crate::limits::ByteSize(5_000_000_000))
        );
        std::fs::write(&path, "ok").unwrap();
        assert_eq!(read_within(&path, limit).unwrap(), Ok(b"ok".to_vec()));
    }
}
