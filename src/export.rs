//! Export: the segments of one language that a translator should see,
//! with everything that helps (placeholder markup, previous source,
//! memory matches), as an `exchange::Export` for a format to write.

use std::collections::{BTreeSet, HashMap};

use globset::GlobSet;
use rayon::prelude::*;

use crate::exchange::{ExportUnit, Markup, State};
use crate::memory::{Match, Memory};
use crate::message::{Diagnostic, Message};
use crate::project::Project;
use crate::project::ProjectError;
use crate::segment::markup;
use crate::store::StoreError;
use crate::store::{Tx, UnitRow};

/// How many memory matches a unit carries at most.
const SUGGESTIONS: usize = 3;

/// What to export.
pub struct Request<'a> {
    pub lang: &'a str,
    pub states: &'a BTreeSet<State>,
    /// Only postings whose project-relative path matches.
    pub documents: Option<&'a GlobSet>,
}

/// Why an export could not be made.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExportError {
    #[error(transparent)]
    Project(#[from] ProjectError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl Diagnostic for ExportError {
    fn message(&self) -> Message {
        match self {
            ExportError::Project(e) => e.message(),
            ExportError::Store(e) => e.message(),
        }
    }
}

/// How many units an export holds, by state.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub units: usize,
    pub missing: usize,
    pub stale: usize,
}

/// About this many units are made at a time (whole documents): enough to
/// keep every core busy, few enough that an export of any size takes
/// little memory (at 2,048 an export with suggestions peaked 5 MB higher).
const BATCH: usize = 1_024;

/// The units of `request`, in document order, handed to `each` a batch of
/// whole documents at a time as they are made: an export of a whole site
/// is never held in memory.
pub fn export_each<E: From<ExportError> + From<StoreError>>(
    tx: &Tx<'_>,
    project: &Project,
    request: &Request<'_>,
    mut each: impl FnMut(Vec<ExportUnit>) -> Result<(), E>,
) -> Result<Counts, E> {
    // A posting that cannot be read cannot be built either: its segments
    // wait until it reads again.
    let unread: std::collections::HashSet<String> = tx
        .unreadable()
        .map_err(ExportError::from)?
        .into_iter()
        .map(|u| u.path)
        .collect();
    // Each posting's rows are read once; the memory, once. 4 MB of
    // page cache exported 10,000 postings as fast as 16 MB, with 12 MB
    // less memory beside a memory of 155,000 translations.
    tx.set_page_cache(4_096).map_err(ExportError::from)?;
    let mut counts = Counts::default();
    // Read when the first unit that wants suggestions comes.
    let mut memory: Option<Memory> = None;
    let mut batch: Vec<UnitRow> = Vec::new();
    let mut make = |rows: Vec<UnitRow>, memory: &Option<Memory>| -> Result<(), E> {
        // Sync stores each segment's markup, and an export syncs first:
        // only a row stored otherwise has none, and its posting is read.
        let mut paths: Vec<String> = Vec::new();
        for row in rows.iter().filter(|row| row.markup.is_none()) {
            if paths.last() != Some(&row.path) {
                paths.push(row.path.clone());
            }
        }
        let markup = markup_of(project, &paths).map_err(ExportError::from)?;
        let target_of = |segment| tx.memory_target(segment, request.lang);
        let units = make_units(project, rows, &markup, memory.as_ref(), target_of)?;
        for unit in &units {
            counts.units += 1;
            match unit.state {
                State::Missing => counts.missing += 1,
                State::Stale => counts.stale += 1,
                _ => {}
            }
        }
        each(units)
    };
    tx.each_unit_row(request.lang, |row| -> Result<(), E> {
        if unread.contains(&row.path)
            || !request.documents.is_none_or(|g| g.is_match(&row.path))
            || !request.states.contains(&state_of(&row))
        {
            return Ok(());
        }
        if memory.is_none() && wants_suggestions(state_of(&row)) {
            memory = Some(Memory::read(tx, request.lang).map_err(ExportError::from)?);
        }
        if batch.len() >= BATCH && batch.last().is_some_and(|last| last.path != row.path) {
            make(std::mem::take(&mut batch), &memory)?;
        }
        batch.push(row);
        Ok(())
    })?;
    if !batch.is_empty() {
        make(batch, &memory)?;
    }
    Ok(counts)
}

/// The markup behind each placeholder, by path and key.
type Markups = HashMap<String, HashMap<String, Vec<Markup>>>;

/// The units of `rows` (whole documents), made in parallel; the targets
/// of their memory matches are read by `target_of` afterwards (the store
/// is not shared between threads).
fn make_units(
    project: &Project,
    rows: Vec<UnitRow>,
    markup: &Markups,
    memory: Option<&Memory>,
    target_of: impl Fn(i64) -> Result<Option<String>, StoreError>,
) -> Result<Vec<ExportUnit>, ExportError> {
    let threshold = project.config.memory.threshold;
    let made: Vec<(ExportUnit, Vec<Match>)> = rows
        .into_par_iter()
        .map(|row| {
            let state = state_of(&row);
            let found = match memory {
                Some(memory) if wants_suggestions(state) => {
                    memory.suggest(&row.source, Some(row.segment), threshold, SUGGESTIONS)
                }
                _ => Vec::new(),
            };
            // As stored (a damaged row shows none), or as read again.
            let markup = match &row.markup {
                Some(stored) => crate::segment::markup::decode(stored).unwrap_or_default(),
                None => markup
                    .get(&row.path)
                    .and_then(|keys| keys.get(&row.key))
                    .cloned()
                    .unwrap_or_default(),
            };
            let (target, previous_source, origin) = match row.translation {
                Some(t) => (
                    Some(t.text),
                    t.previous_source.filter(|_| !t.current),
                    Some(t.origin.to_string()),
                ),
                None => (None, None, None),
            };
            let unit = ExportUnit {
                path: row.path,
                key: row.key,
                kind: row.kind.to_string(),
                line: row.line,
                source: row.source,
                target,
                state,
                previous_source,
                origin,
                markup,
                suggestions: Vec::new(),
            };
            (unit, found)
        })
        .collect();
    let mut units = Vec::with_capacity(made.len());
    for (mut unit, found) in made {
        if let Some(memory) = memory.filter(|_| !found.is_empty()) {
            unit.suggestions = memory.suggestions(&found, SUGGESTIONS, &target_of)?;
        }
        units.push(unit);
    }
    Ok(units)
}

/// The state a translator sees for a stored segment.
pub fn state_of(row: &UnitRow) -> State {
    match &row.translation {
        None => State::Missing,
        Some(t) => State::of_stored(t.state, t.current),
    }
}

/// Whether memory matches help a unit: one that still needs work.
fn wants_suggestions(state: State) -> bool {
    matches!(
        state,
        State::Missing | State::Stale | State::Machine | State::Draft
    )
}

/// The markup behind each placeholder, by path and key, read from the
/// postings at `paths` (sync has just stored them).
fn markup_of(project: &Project, paths: &[String]) -> Result<Markups, ProjectError> {
    paths
        .par_iter()
        .map(|path| {
            let file = project.root.join(path);
            let bytes = crate::project::read_posting_bytes(&file)?;
            let doc =
                crate::posting::parse(&bytes, &project.rules).map_err(|e| ProjectError::Read {
                    path: file.clone(),
                    error: crate::unreadable::ReadError::Posting(e),
                })?;
            let keys = doc
                .segments
                .iter()
                .map(|segment| (segment.key.clone(), markup::of(&doc, segment)))
                .filter(|(_, markup)| !markup.is_empty())
                .collect();
            Ok((path.to_string(), keys))
        })
        .collect()
}
