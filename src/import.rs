//! Import: translations coming back (from a file or a machine-translation
//! command) checked unit by unit against the store, then stored together.
//!
//! `plan` decides what each unit would do and refuses what is wrong; it
//! writes nothing, so a caller can show a dry run or refuse a whole file.
//! `apply` stores the decisions.

use std::collections::{HashMap, HashSet};
use std::path::{Component, Path};

use crate::exchange::{ImportUnit, State, id};
use crate::posting::Kind;
use crate::segment::control::{self, ControlCharacter};
use crate::segment::hash::source_hash;
use crate::segment::placeholder::{self, PlaceholderError};
use crate::store::{NewTranslation, Origin, StoreError, Tx, UnitRow};
use xxhash_rust::xxh3::xxh3_128;

/// Why a unit is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// Not of the form `path#key`.
    NotAnId,
    /// The path is absolute or climbs out of the project.
    OutsideProject,
    /// No live segment of this project has that id.
    UnknownId,
    /// The same id came twice.
    Duplicate,
    Placeholder(PlaceholderError),
    /// A control character other than tab and newline.
    ControlCharacter(ControlCharacter),
}

impl Reason {
    /// The Fluent message id and arguments that explain it.
    pub fn message(&self) -> (&'static str, Vec<(&'static str, String)>) {
        match self {
            Reason::NotAnId => (crate::msg_id!("import-refused-not-an-id"), vec![]),
            Reason::OutsideProject => (crate::msg_id!("import-refused-outside"), vec![]),
            Reason::UnknownId => (crate::msg_id!("import-refused-unknown"), vec![]),
            Reason::Duplicate => (crate::msg_id!("import-refused-duplicate"), vec![]),
            Reason::Placeholder(e) => {
                let message = crate::message::Diagnostic::message(e);
                (message.id, message.args)
            }
            Reason::ControlCharacter(c) => (
                crate::msg_id!("import-refused-control-character"),
                vec![
                    ("character", c.code()),
                    ("position", c.position.to_string()),
                ],
            ),
        }
    }
}

/// What happens to one unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// A first translation.
    New(Translation),
    /// Replaces the stored translation.
    Updated(Translation),
    /// Made for a source that has changed since: stored, but stale.
    Stale(Translation),
    /// The same as stored.
    Unchanged,
    /// Made for an older source, while a translation of the current source
    /// is stored: that one is newer work and stays.
    Superseded,
    /// No target: nothing to do.
    Empty,
    Refused(Reason),
}

/// A translation to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Translation {
    pub segment: i64,
    pub text: String,
    pub state: State,
    pub source_hash: String,
}

/// A unit and what happens to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Planned {
    pub id: String,
    pub line: usize,
    pub decision: Decision,
}

/// Counts for the summary.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Tally {
    pub new: u64,
    pub updated: u64,
    pub unchanged: u64,
    pub superseded: u64,
    pub stale: u64,
    pub empty: u64,
    pub refused: u64,
}

impl Tally {
    pub fn of(planned: &[Planned]) -> Tally {
        let mut tally = Tally::default();
        for p in planned {
            let count = match p.decision {
                Decision::New(_) => &mut tally.new,
                Decision::Updated(_) => &mut tally.updated,
                Decision::Stale(_) => &mut tally.stale,
                Decision::Unchanged => &mut tally.unchanged,
                Decision::Superseded => &mut tally.superseded,
                Decision::Empty => &mut tally.empty,
                Decision::Refused(_) => &mut tally.refused,
            };
            *count += 1;
        }
        tally
    }

    pub fn add(&mut self, other: Tally) {
        self.new += other.new;
        self.updated += other.updated;
        self.unchanged += other.unchanged;
        self.superseded += other.superseded;
        self.stale += other.stale;
        self.empty += other.empty;
        self.refused += other.refused;
    }
}

/// The live segments of one language, by path and key.
pub struct Segments {
    rows: HashMap<(String, String), UnitRow>,
    /// The documents whose rows are loaded, where they are loaded as
    /// units need them ([`Segments::lazy`]); `None`: all are.
    documents: Option<HashSet<String>>,
    /// Ids already planned, to refuse a second unit with the same id: a
    /// 128-bit hash of each, as a whole language's ids would be tens of
    /// megabytes.
    seen: HashSet<u128>,
}

impl Segments {
    pub fn load(tx: &Tx<'_>, lang: &str) -> Result<Segments, StoreError> {
        let rows = tx
            .unit_rows(lang)?
            .into_iter()
            .map(|row| ((row.path.clone(), row.key.clone()), row))
            .collect();
        Ok(Segments {
            rows,
            documents: None,
            seen: HashSet::new(),
        })
    }

    /// None loaded: [`Segments::load_for`] loads the documents of each
    /// batch of units, so that a large import holds a batch's documents
    /// rather than a whole language.
    pub fn lazy() -> Segments {
        Segments {
            rows: HashMap::new(),
            documents: Some(HashSet::new()),
            seen: HashSet::new(),
        }
    }

    /// Loads the segments of the documents `units` are of, and forgets
    /// those of the others (lazy segments only). The rows a batch reads
    /// can be stale only for segments this import has written, and a
    /// second unit for a segment is refused before its row counts.
    pub fn load_for(
        &mut self,
        tx: &Tx<'_>,
        lang: &str,
        units: &[ImportUnit],
    ) -> Result<(), StoreError> {
        let Some(documents) = &mut self.documents else {
            return Ok(());
        };
        let paths: HashSet<&str> = units
            .iter()
            .filter_map(|unit| id::split(&unit.id))
            .map(|(path, _)| path)
            .collect();
        documents.retain(|path| paths.contains(path.as_str()));
        self.rows
            .retain(|(path, _), _| paths.contains(path.as_str()));
        for path in paths {
            if documents.insert(path.to_string()) {
                for row in tx.document_unit_rows(lang, path)? {
                    self.rows.insert((row.path.clone(), row.key.clone()), row);
                }
            }
        }
        Ok(())
    }

    /// Reads the segments of `ids` again, as they are now: for work that
    /// plans long after it loaded (a machine translation), so that what
    /// was stored meanwhile is seen.
    pub fn refresh(&mut self, tx: &Tx<'_>, lang: &str, ids: &[&str]) -> Result<(), StoreError> {
        for unit_id in ids {
            let Some((path, key)) = id::split(unit_id) else {
                continue;
            };
            let slot = (path.to_string(), key.to_string());
            match tx.unit_row(lang, path, key)? {
                Some(row) => {
                    self.rows.insert(slot, row);
                }
                None => {
                    self.rows.remove(&slot);
                }
            }
        }
        Ok(())
    }

    /// Whether the segment of `unit_id` has no translation of its current
    /// source (missing or stale).
    pub fn needs_translation(&self, unit_id: &str) -> bool {
        id::split(unit_id)
            .and_then(|(path, key)| self.get(path, key))
            .is_some_and(|row| row.translation.as_ref().is_none_or(|t| !t.current))
    }

    fn get(&self, path: &str, key: &str) -> Option<&UnitRow> {
        self.rows.get(&(path.to_string(), key.to_string()))
    }
}

/// How the units of one source are to be read.
pub struct Reading<'a> {
    /// The state every unit gets, whatever the file says.
    pub state: Option<State>,
    /// The state a unit written in a state is read back in (the format's
    /// `read_back`), to tell unchanged units from changed ones.
    pub read_back: &'a dyn Fn(State) -> State,
    /// When a segment last had a source (`Tx::source_age`), to tell which
    /// of two older sources is the newer.
    pub source_age: &'a dyn Fn(i64, &str) -> Option<i64>,
    /// The same text as stored is unchanged whatever the state says: a
    /// machine translation that repeats a reviewed one must not demote it.
    pub same_text_is_unchanged: bool,
}

/// Decides what each unit does, against the segments of its language.
pub fn plan(segments: &mut Segments, units: &[ImportUnit], reading: &Reading<'_>) -> Vec<Planned> {
    units
        .iter()
        .map(|unit| Planned {
            id: unit.id.clone(),
            line: unit.line,
            decision: decide(segments, unit, reading),
        })
        .collect()
}

fn decide(segments: &mut Segments, unit: &ImportUnit, reading: &Reading<'_>) -> Decision {
    let Some((path, key)) = id::split(&unit.id) else {
        return Decision::Refused(Reason::NotAnId);
    };
    if !inside_project(path) {
        return Decision::Refused(Reason::OutsideProject);
    }
    let Some(row) = segments.get(path, key) else {
        return Decision::Refused(Reason::UnknownId);
    };
    let row = row.clone();
    // An untranslated unit claims nothing: the id may come again with a
    // translation (two files: the export and its translation).
    let Some(target) = unit.target.as_deref().filter(|t| !t.is_empty()) else {
        return Decision::Empty;
    };
    if !segments.seen.insert(xxh3_128(unit.id.as_bytes())) {
        return Decision::Refused(Reason::Duplicate);
    }
    // The translator saw the unit's source: its placeholders are the ones
    // to keep. Control characters only the stored source may bring.
    let seen_source = unit.source.as_deref().unwrap_or(&row.source);
    if let Err(unfit) = check_text(row.kind, seen_source, &row.source, target) {
        return Decision::Refused(unfit.into());
    }
    let seen_hash = source_hash(seen_source);
    let made_for_older = seen_hash != row.hash;
    let file_state = reading.state.or(unit.state);
    if let Some(t) = &row.translation {
        let kept = t.state;
        let unchanged = if made_for_older {
            // An old file again: the same text for the same old source.
            t.source_hash == seen_hash
                && t.text == target
                && file_state.is_none_or(|s| s == State::Stale || s == (reading.read_back)(kept))
        } else {
            let shown = (reading.read_back)(State::of_stored(t.state, t.current));
            t.text == target && file_state.is_none_or(|s| s == shown)
        };
        if unchanged || (reading.same_text_is_unchanged && t.current && t.text == target) {
            return Decision::Unchanged;
        }
        // Made for an older source than the stored translation: that one
        // is newer work and stays.
        if made_for_older
            && (t.current
                || (reading.source_age)(row.segment, &seen_hash)
                    < (reading.source_age)(row.segment, &t.source_hash))
        {
            return Decision::Superseded;
        }
    }
    let state = match file_state {
        None => State::Translated,
        Some(State::Missing | State::Stale | State::Draft) => State::Draft,
        Some(state) => state,
    };
    let store = Translation {
        segment: row.segment,
        text: target.to_string(),
        state,
        source_hash: if made_for_older {
            seen_hash
        } else {
            row.hash.clone()
        },
    };
    if made_for_older {
        Decision::Stale(store)
    } else if row.translation.is_some() {
        Decision::Updated(store)
    } else {
        Decision::New(store)
    }
}

/// Whether segments of `kind` have placeholders. Front-matter values and
/// shortcode parameters have none: a `<1>` in them is text.
pub fn has_placeholders(kind: Kind) -> bool {
    !matches!(kind, Kind::FrontMatter | Kind::ShortcodeParam)
}

/// Why a text cannot be a segment's translation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unfit {
    Placeholder(PlaceholderError),
    ControlCharacter(ControlCharacter),
}

impl From<Unfit> for Reason {
    fn from(unfit: Unfit) -> Reason {
        match unfit {
            Unfit::Placeholder(e) => Reason::Placeholder(e),
            Unfit::ControlCharacter(c) => Reason::ControlCharacter(c),
        }
    }
}

/// Whether `target` may be stored as the translation of a segment of
/// `kind`: its placeholders fit `seen_source` (the source the translator
/// saw) and it has no control characters but tab, newline and those of
/// `source` (the stored one). Import, machine translation and review all
/// check with this.
pub fn check_text(kind: Kind, seen_source: &str, source: &str, target: &str) -> Result<(), Unfit> {
    control::check(source, target).map_err(Unfit::ControlCharacter)?;
    check_placeholders(kind, seen_source, target).map_err(Unfit::Placeholder)
}

/// The placeholder check for a segment of `kind`, for every kind: a tag
/// that is no placeholder of the source (`<99/>`) is refused in a title as
/// in a paragraph, since build would write it into the posting.
pub fn check_placeholders(kind: Kind, source: &str, target: &str) -> Result<(), PlaceholderError> {
    let literal = match kind {
        // A value's `<1>` is text: it may be dropped, not added.
        Kind::FrontMatter => true,
        // A parameter with inline Markdown has placeholders, which build
        // checks as in a paragraph; in one without, a tag is text.
        Kind::ShortcodeParam => placeholder::check(source, source).is_err(),
        _ => false,
    };
    if literal {
        placeholder::check_literal(source, target)
    } else {
        placeholder::check(source, target)
    }
}

/// Whether an id's path stays inside the project: relative, no `..`.
fn inside_project(path: &str) -> bool {
    !path.contains('\\')
        && Path::new(path)
            .components()
            .all(|c| matches!(c, Component::Normal(_)))
}

/// Stores every decision that stores something, with `origin`.
pub fn apply(
    tx: &Tx<'_>,
    lang: &str,
    planned: &[Planned],
    origin: &Origin,
) -> Result<(), StoreError> {
    for p in planned {
        let (Decision::New(store) | Decision::Updated(store) | Decision::Stale(store)) =
            &p.decision
        else {
            continue;
        };
        tx.store_translation(&NewTranslation {
            segment: store.segment,
            lang,
            text: &store.text,
            // `decide` stores missing and stale as draft, as this does.
            state: store.state.stored().unwrap_or(State::Draft),
            source_hash: &store.source_hash,
            origin,
        })?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::TranslationRow;

    fn segments() -> Segments {
        let row = |segment, key: &str, source: &str, translation: Option<(&str, State, bool)>| {
            let hash = source_hash(source);
            UnitRow {
                segment,
                path: "content/sv/a.md".into(),
                key: key.into(),
                kind: Kind::Paragraph,
                line: 1,
                source: source.into(),
                translation: translation.map(|(text, state, current)| TranslationRow {
                    text: text.into(),
                    state,
                    source_hash: if current {
                        hash.clone()
                    } else {
                        source_hash("old")
                    },
                    current,
                    origin: Origin::ReviewSet,
                    previous_source: (!current).then(|| "old".into()),
                }),
                hash,
                markup: None,
            }
        };
        let rows = [
            row(1, "body:p[1]", "Läs <1>mer</1>", None),
            row(
                2,
                "body:p[2]",
                "Kaffe",
                Some(("Coffee", State::Translated, true)),
            ),
            row(
                3,
                "body:p[3]",
                "Te nu",
                Some(("Tea", State::Reviewed, false)),
            ),
        ];
        Segments {
            rows: rows
                .into_iter()
                .map(|r| ((r.path.clone(), r.key.clone()), r))
                .collect(),
            documents: None,
            seen: HashSet::new(),
        }
    }

    fn unit(key: &str, source: Option<&str>, target: &str, state: Option<State>) -> ImportUnit {
        ImportUnit {
            id: format!("content/sv/a.md#{key}"),
            source: source.map(Into::into),
            target: Some(target.into()),
            state,
            line: 3,
        }
    }

    fn decide_one(unit: ImportUnit) -> Decision {
        let reading = Reading {
            state: None,
            read_back: &|s| s,
            source_age: &|_, _| None,
            same_text_is_unchanged: false,
        };
        plan(&mut segments(), &[unit], &reading).remove(0).decision
    }

    #[test]
    fn new_updated_unchanged_and_stale() {
        assert!(matches!(
            decide_one(unit("body:p[1]", None, "Read <1>more</1>", None)),
            Decision::New(Translation {
                state: State::Translated,
                ..
            })
        ));
        assert_eq!(
            decide_one(unit(
                "body:p[2]",
                Some("Kaffe"),
                "Coffee",
                Some(State::Translated)
            )),
            Decision::Unchanged
        );
        assert!(matches!(
            decide_one(unit(
                "body:p[2]",
                Some("Kaffe"),
                "Coffee",
                Some(State::Reviewed)
            )),
            Decision::Updated(Translation {
                state: State::Reviewed,
                ..
            })
        ));
        // A stale unit sent back as it was is unchanged; edited, a draft.
        assert_eq!(
            decide_one(unit("body:p[3]", Some("Te nu"), "Tea", Some(State::Stale))),
            Decision::Unchanged
        );
        assert!(matches!(
            decide_one(unit(
                "body:p[3]",
                Some("Te nu"),
                "Tea now",
                Some(State::Stale)
            )),
            Decision::Updated(Translation {
                state: State::Draft,
                ..
            })
        ));
        // Translated from a source that has changed since: kept, stale.
        let Decision::Stale(store) = decide_one(unit(
            "body:p[1]",
            Some("Läs <1>mindre</1>"),
            "Read <1>less</1>",
            None,
        )) else {
            panic!("not stale");
        };
        assert_eq!(store.source_hash, source_hash("Läs <1>mindre</1>"));
        // Sent back again after it was translated for the new source: the
        // newer work stays.
        let mut segments = segments();
        let reading = Reading {
            state: None,
            read_back: &|s| s,
            source_age: &|_, _| None,
            same_text_is_unchanged: false,
        };
        let old = [unit(
            "body:p[2]",
            Some("Kaffet"),
            "The coffee",
            Some(State::Translated),
        )];
        assert_eq!(
            plan(&mut segments, &old, &reading)[0].decision,
            Decision::Superseded
        );
    }

    #[test]
    fn front_matter_has_no_placeholders_and_empty_units_claim_nothing() {
        let mut segments = segments();
        let mut title = segments.rows[&("content/sv/a.md".into(), "body:p[1]".into())].clone();
        title.key = "fm:title".into();
        title.kind = Kind::FrontMatter;
        title.source = "Tre <1> skäl".into();
        title.hash = source_hash(&title.source);
        segments
            .rows
            .insert(("content/sv/a.md".into(), "fm:title".into()), title);
        let reading = Reading {
            state: None,
            read_back: &|s| s,
            source_age: &|_, _| None,
            same_text_is_unchanged: false,
        };
        let mut empty = unit("body:p[2]", None, "", None);
        empty.target = None;
        let units = [
            unit("fm:title", None, "Three reasons", None),
            empty,
            unit("body:p[2]", None, "Coffee!", None),
        ];
        let planned = plan(&mut segments, &units, &reading);
        assert!(
            matches!(planned[0].decision, Decision::New(_)),
            "{:?}",
            planned[0]
        );
        assert_eq!(planned[1].decision, Decision::Empty);
        assert!(
            matches!(planned[2].decision, Decision::Updated(_)),
            "{:?}",
            planned[2]
        );
    }

    #[test]
    fn a_translation_of_an_older_source_never_replaces_a_newer_one() {
        // Segment 3 is stale: translated for "old". A file made for an even
        // older source comes back: the stored one is newer and stays.
        let ages = |_: i64, hash: &str| {
            if hash == source_hash("old") {
                Some(2)
            } else if hash == source_hash("older") {
                Some(1)
            } else {
                None
            }
        };
        let reading = Reading {
            state: None,
            read_back: &|s| s,
            source_age: &ages,
            same_text_is_unchanged: false,
        };
        let oldest = [unit("body:p[3]", Some("older"), "Tea (older)", None)];
        assert_eq!(
            plan(&mut segments(), &oldest, &reading)[0].decision,
            Decision::Superseded
        );
        // A file made for a source newer than the stored one's is stored.
        let ages = |_: i64, hash: &str| (hash == source_hash("old")).then_some(1).or(Some(5));
        let reading = Reading {
            source_age: &ages,
            ..reading
        };
        let newer = [unit("body:p[3]", Some("newer"), "Tea (newer)", None)];
        assert!(matches!(
            plan(&mut segments(), &newer, &reading)[0].decision,
            Decision::Stale(_)
        ));
    }

    #[test]
    fn refuses_what_does_not_fit() {
        let refused = |u| match decide_one(u) {
            Decision::Refused(reason) => reason,
            other => panic!("{other:?}"),
        };
        assert!(matches!(
            refused(unit("body:p[1]", None, "Read more", None)),
            Reason::Placeholder(PlaceholderError::Missing { .. })
        ));
        assert!(matches!(
            refused(unit("body:p[1]", None, "Read <1>more</1><2/>", None)),
            Reason::Placeholder(PlaceholderError::Unknown { .. })
        ));
        assert_eq!(
            refused(unit("body:p[9]", None, "x", None)),
            Reason::UnknownId
        );
        let mut outside = unit("body:p[1]", None, "x", None);
        outside.id = "../../etc/passwd#body:p[1]".into();
        assert_eq!(refused(outside), Reason::OutsideProject);
        let mut bad = unit("body:p[1]", None, "x", None);
        bad.id = "no id".into();
        assert_eq!(refused(bad), Reason::NotAnId);
        let reading = Reading {
            state: None,
            read_back: &|s| s,
            source_age: &|_, _| None,
            same_text_is_unchanged: false,
        };
        let twice = [
            unit("body:p[2]", None, "A", None),
            unit("body:p[2]", None, "B", None),
        ];
        let planned = plan(&mut segments(), &twice, &reading);
        assert_eq!(planned[1].decision, Decision::Refused(Reason::Duplicate));
        assert_eq!(Tally::of(&planned).refused, 1);
    }

    #[test]
    fn every_kind_refuses_tags_its_source_does_not_have() {
        // The machine answer: fine in no kind of segment.
        for kind in [Kind::FrontMatter, Kind::ShortcodeParam, Kind::Paragraph] {
            assert_eq!(
                check_placeholders(
                    kind,
                    "Produktutvecklingsteam",
                    "Produktutvecklingsteam <99/>"
                ),
                Err(PlaceholderError::Unknown {
                    tag: "<99/>".into()
                }),
                "{kind:?}"
            );
        }
        // A parameter with inline Markdown keeps its placeholders, as build
        // wants them; a value's literal `<1>` may go.
        assert!(check_placeholders(Kind::ShortcodeParam, "Läs <1>mer</1>", "Read more").is_err());
        assert_eq!(
            check_placeholders(Kind::FrontMatter, "Tre <1> skäl", "Three reasons"),
            Ok(())
        );
        assert!(matches!(
            check_text(Kind::Heading, "Rubrik", "Rubrik", "Title\u{1b}[2J"),
            Err(Unfit::ControlCharacter(ControlCharacter {
                position: 6,
                ..
            }))
        ));
        assert_eq!(
            check_text(Kind::Paragraph, "Rad", "Rad", "Line\tone\ntwo"),
            Ok(())
        );
    }
}
