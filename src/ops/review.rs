//! Acting on translations without exporting them: `confirm` says a stale
//! translation still holds for the new source, `approve` marks machine
//! output and drafts reviewed, `set` gives a segment a new translation.
//! Every change is stored with its time and origin.

use crate::exchange::{State, id};
use crate::export::state_of;
use crate::import::{Unfit, check_text};
use crate::message::{Diagnostic, Message};
use crate::segment::control::ControlCharacter;
use crate::segment::placeholder::PlaceholderError;
use crate::store::{NewTranslation, Origin, StoreError, Tx, UnitRow};

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReviewError {
    #[error("name segments by id, --doc or --all")]
    NothingNamed,
    #[error("no segment {id}")]
    UnknownId { id: String },
    #[error("{id}: the new text does not fit the source: {error}")]
    Placeholders { id: String, error: PlaceholderError },
    #[error("{id}: the new text has a {error}")]
    ControlCharacter { id: String, error: ControlCharacter },
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl Diagnostic for ReviewError {
    fn message(&self) -> Message {
        match self {
            ReviewError::NothingNamed => {
                Message::new(crate::msg_id!("error-review-nothing-named"), vec![])
            }
            ReviewError::UnknownId { id } => Message::new(
                crate::msg_id!("error-review-unknown"),
                vec![("id", id.clone())],
            ),
            ReviewError::Placeholders { id, error } => Message::new(
                crate::msg_id!("error-review-placeholders"),
                vec![("id", id.clone()), ("reason", error.to_string())],
            ),
            ReviewError::ControlCharacter { id, error } => Message::new(
                crate::msg_id!("error-review-control-character"),
                vec![
                    ("id", id.clone()),
                    ("character", error.code()),
                    ("position", error.position.to_string()),
                ],
            ),
            ReviewError::Store(e) => e.message(),
        }
    }
}

/// What a review does to the segments it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action<'a> {
    Confirm,
    Approve,
    /// A new text.
    Set(&'a str),
}

/// A segment's new text, state and origin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub text: String,
    pub state: State,
    pub origin: Origin,
}

/// Applies `action` to every unit of `lang` that `named` picks, after
/// checking that every id in `ids` exists; returns how many changed.
pub fn review(
    tx: &Tx<'_>,
    lang: &str,
    action: Action<'_>,
    ids: &[String],
    named: impl Fn(&UnitRow) -> bool,
) -> Result<u64, ReviewError> {
    let rows = tx.unit_rows(lang)?;
    for unit_id in ids {
        let known = id::split(unit_id)
            .is_some_and(|(path, key)| rows.iter().any(|r| r.path == path && r.key == key));
        if !known {
            return Err(ReviewError::UnknownId {
                id: unit_id.clone(),
            });
        }
    }
    let mut changed = 0u64;
    for row in rows.iter().filter(|r| named(r)) {
        if let Some(change) = change(action, row)? {
            store(tx, lang, row, &change)?;
            changed += 1;
        }
    }
    Ok(changed)
}

/// Whether the unit is one of `ids` (path#key).
pub fn is_one_of(row: &UnitRow, ids: &[String]) -> bool {
    ids.iter()
        .any(|i| id::split(i) == Some((row.path.as_str(), row.key.as_str())))
}

/// The stale units of `lang` whose posting `selects` picks.
pub fn stale_units(
    tx: &Tx<'_>,
    lang: &str,
    selects: impl Fn(&str) -> bool,
) -> Result<Vec<UnitRow>, StoreError> {
    Ok(tx
        .unit_rows(lang)?
        .into_iter()
        .filter(|r| state_of(r) == State::Stale)
        .filter(|r| selects(&r.path))
        .collect())
}

/// What `action` makes of a unit, or `None` if it does not apply to it.
pub fn change(action: Action<'_>, row: &UnitRow) -> Result<Option<Change>, ReviewError> {
    let translation = row.translation.as_ref();
    Ok(match action {
        // A stale translation holds for the new source: same text and
        // state, now made for the current source, if its placeholders
        // still fit (a link added to the source needs a new text).
        Action::Confirm => match translation.filter(|t| !t.current) {
            Some(t) => {
                fits(row, &t.text)?;
                Some(Change {
                    text: t.text.clone(),
                    state: t.state,
                    origin: Origin::ReviewConfirm,
                })
            }
            None => None,
        },
        // Machine output and drafts that are current become reviewed; the
        // origin stays, so exports still say where the text came from.
        Action::Approve => match state_of(row) {
            State::Machine | State::Draft | State::Translated => translation.map(|t| Change {
                text: t.text.clone(),
                state: State::Reviewed,
                origin: t.origin.clone(),
            }),
            _ => None,
        },
        Action::Set(text) => {
            fits(row, text)?;
            Some(Change {
                text: text.to_string(),
                state: State::Translated,
                origin: Origin::ReviewSet,
            })
        }
    })
}

/// Stores a change of one unit, made for its current source.
pub fn store(tx: &Tx<'_>, lang: &str, row: &UnitRow, change: &Change) -> Result<(), StoreError> {
    tx.store_translation(&NewTranslation {
        segment: row.segment,
        lang,
        text: &change.text,
        state: change.state,
        source_hash: &row.hash,
        origin: &change.origin,
    })
}

/// A text for a segment must fit its source as an imported one must: the
/// same placeholders, no control characters but tab and newline.
pub fn fits(row: &UnitRow, text: &str) -> Result<(), ReviewError> {
    let id = || id::join(&row.path, &row.key);
    match check_text(row.kind, &row.source, &row.source, text) {
        Ok(()) => Ok(()),
        Err(Unfit::Placeholder(error)) => Err(ReviewError::Placeholders { id: id(), error }),
        Err(Unfit::ControlCharacter(error)) => {
            Err(ReviewError::ControlCharacter { id: id(), error })
        }
    }
}
