//! `tolkar review`: editors act on translations without exporting them.
//! `confirm` says a stale translation still holds for the new source,
//! `approve` marks machine output and drafts reviewed, `set` gives a
//! segment a new translation. Segments are named by id, by `--doc`, or all
//! with `--all`; every change is stored with its time and origin.

use std::path::Path;

use super::{Failure, note};
use crate::cli::ReviewAction;
use crate::exchange::{State, id};
use crate::export::state_of;
use crate::i18n::Messages;
use crate::segment::placeholder;
use crate::store::{NewTranslation, UnitRow};
use crate::tr;

pub struct Options<'a> {
    pub action: ReviewAction,
    pub lang: &'a str,
    pub ids: &'a [String],
    pub documents: &'a [String],
    pub all: bool,
    /// For `set`: the new text.
    pub text: Option<&'a str>,
}

pub fn run(dir: &Path, options: &Options<'_>, messages: &Messages) -> Result<u8, Failure> {
    let session = super::sync::Session::open(dir, options.documents, messages)?;
    let project = session.project();
    project.check_language(options.lang)?;
    if options.ids.is_empty() && options.documents.is_empty() && !options.all {
        return Err(Failure::new(
            crate::msg_id!("error-review-nothing-named"),
            vec![],
        ));
    }
    let globs = session.ws.documents.clone();
    let mut store = session.ws.store(false)?;
    let (report, changed) = store.transaction(|tx| -> Result<_, Failure> {
        let report = session.sync(tx, &())?;
        let rows = tx.unit_rows(options.lang)?;
        let named = |row: &UnitRow| {
            options.all
                || globs.as_ref().is_some_and(|g| g.is_match(&row.path))
                || options
                    .ids
                    .iter()
                    .any(|i| id::split(i) == Some((row.path.as_str(), row.key.as_str())))
        };
        for unit_id in options.ids {
            let known = id::split(unit_id)
                .is_some_and(|(path, key)| rows.iter().any(|r| r.path == path && r.key == key));
            if !known {
                return Err(Failure::new(
                    crate::msg_id!("error-review-unknown"),
                    vec![("id", unit_id.clone())],
                ));
            }
        }
        let mut changed = 0u64;
        for row in rows.iter().filter(|r| named(r)) {
            let Some(new) = change(options, row)? else {
                continue;
            };
            tx.store_translation(&NewTranslation {
                segment: row.segment,
                lang: options.lang,
                text: &new.0,
                state: new.1.stored().expect("a stored state"),
                source_hash: &row.hash,
                origin: &new.2,
            })?;
            changed += 1;
        }
        Ok((report, changed))
    })?;
    super::sync::print_report_if_changed(&report, messages);
    let action = match options.action {
        ReviewAction::Confirm => "confirm",
        ReviewAction::Approve => "approve",
        ReviewAction::Set => "set",
    };
    note(&tr!(
        messages,
        "review-summary",
        count = changed,
        action = action
    ));
    Ok(session.finish(0, messages))
}

/// The new text, state and origin of a named segment, or `None` if the
/// action does not apply to it.
fn change(
    options: &Options<'_>,
    row: &UnitRow,
) -> Result<Option<(String, State, String)>, Failure> {
    let translation = row.translation.as_ref();
    Ok(match options.action {
        // A stale translation holds for the new source: same text and
        // state, now made for the current source, if its placeholders
        // still fit (a link added to the source needs a new text).
        ReviewAction::Confirm => match translation.filter(|t| !t.current) {
            Some(t) => {
                fits(row, &t.text)?;
                let state = State::of_stored(&t.state, true);
                Some((t.text.clone(), state, "review:confirm".into()))
            }
            None => None,
        },
        // Machine output and drafts that are current become reviewed;
        // the origin stays, so exports still say where the text came from.
        ReviewAction::Approve => match state_of(row) {
            State::Machine | State::Draft | State::Translated => {
                translation.map(|t| (t.text.clone(), State::Reviewed, t.origin.clone()))
            }
            _ => None,
        },
        ReviewAction::Set => {
            let text = options.text.unwrap_or_default();
            fits(row, text)?;
            Some((text.to_string(), State::Translated, "review:set".into()))
        }
    })
}

/// A text for a segment must have the placeholders of its source
/// (front matter and parameters have none).
fn fits(row: &UnitRow, text: &str) -> Result<(), Failure> {
    if crate::import::has_placeholders(&row.kind)
        && let Err(e) = placeholder::check(&row.source, text)
    {
        return Err(Failure::new(
            crate::msg_id!("error-review-placeholders"),
            vec![
                ("id", id::join(&row.path, &row.key)),
                ("reason", e.to_string()),
            ],
        ));
    }
    Ok(())
}
