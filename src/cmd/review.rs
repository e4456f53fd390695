//! `tolkar review confirm|approve|set`: editors act on translations
//! without exporting them (see `ops::review`). Segments are named by id,
//! by `--doc`, or all with `--all`.

use std::path::Path;

use super::{Failure, note};
use crate::cli::{ReviewSelection, ReviewSetArgs};
use crate::i18n::Messages;
use crate::ops::review::{Action, ReviewError, is_one_of, review};
use crate::tr;

/// `confirm` and `approve`: the action on every segment the selection
/// names.
pub fn run(
    dir: &Path,
    action: Action<'_>,
    selection: &ReviewSelection,
    messages: &Messages,
) -> Result<u8, Failure> {
    if selection.ids.is_empty() && selection.doc.is_empty() && !selection.all {
        return Err(ReviewError::NothingNamed.into());
    }
    apply(
        dir,
        action,
        &selection.lang,
        &selection.ids,
        &selection.doc,
        selection.all,
        messages,
    )
}

/// `set`: one segment's new text.
pub fn set(dir: &Path, args: &ReviewSetArgs, messages: &Messages) -> Result<u8, Failure> {
    let ids = [args.id.clone()];
    apply(
        dir,
        Action::Set(&args.text),
        &args.lang,
        &ids,
        &[],
        false,
        messages,
    )
}

fn apply(
    dir: &Path,
    action: Action<'_>,
    lang: &str,
    ids: &[String],
    documents: &[String],
    all: bool,
    messages: &Messages,
) -> Result<u8, Failure> {
    let session = super::sync::Session::open(dir, documents, messages)?;
    let lang = &session.project().check_language(lang)?;
    let mut store = session.ws.store(false)?;
    let (report, changed) = store.transaction(|tx| -> Result<_, Failure> {
        let report = session.sync(tx, &super::progress::Bar::new("sync"))?;
        let changed = review(tx, lang, action, ids, |row| {
            all || (!documents.is_empty() && session.ws.selects(&row.path)) || is_one_of(row, ids)
        })?;
        Ok((report, changed))
    })?;
    super::sync::print_report_if_changed(&report, messages);
    let action = match action {
        Action::Confirm => "confirm",
        Action::Approve => "approve",
        Action::Set(_) => "set",
    };
    note(&tr!(
        messages,
        "review-summary",
        count = changed,
        action = action
    ));
    Ok(session.finish(0, messages))
}
