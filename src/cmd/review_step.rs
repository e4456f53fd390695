//! `tolkar review step`: an editor steps through the stale translations of
//! a language one at a time, sees what changed in the source and the
//! current translation, and keeps it (confirm), edits it (a new text) or
//! skips it. Everything decided is stored together at the end, also when
//! the editor quits early or input ends.

use std::io::{BufRead, Write};
use std::path::Path;

use super::{Failure, note};
use crate::cli::ReviewStepArgs;
use crate::exchange::id;
use crate::i18n::{Arg, Messages};
use crate::message::{Diagnostic, Message};
use crate::ops::review::{Action, Change, ReviewError, change, stale_units};
use crate::store::UnitRow;
use crate::tr;
use crate::visible::visible;
use crate::worddiff;

/// What the editor decided for one segment.
enum Decision {
    Keep(Change),
    Edit(Change),
}

#[derive(Default)]
struct Tally {
    kept: u64,
    edited: u64,
    skipped: u64,
}

pub fn run(
    dir: &Path,
    args: &ReviewStepArgs,
    messages: &Messages,
    input: &mut impl BufRead,
    out: &mut impl Write,
) -> Result<u8, Failure> {
    let color = super::color_wanted();
    let lang = args.lang.as_str();
    let session = super::sync::Session::open(dir, &args.doc, messages)?;
    let lang = &session.project().check_language(lang)?;
    let mut store = session.ws.store(false)?;
    let tally = store.transaction(|tx| -> Result<Tally, Failure> {
        session.sync(tx, &super::progress::Bar::new("sync"))?;
        let stale = stale_units(tx, lang, |path| session.ws.selects(path))?;
        let mut tally = Tally::default();
        for (i, row) in stale.iter().enumerate() {
            let Some(decision) = ask(row, i + 1, stale.len(), messages, input, out, color)? else {
                tally.skipped += (stale.len() - i) as u64;
                break;
            };
            let change = match decision {
                None => {
                    tally.skipped += 1;
                    continue;
                }
                Some(Decision::Keep(change)) => {
                    tally.kept += 1;
                    change
                }
                Some(Decision::Edit(change)) => {
                    tally.edited += 1;
                    change
                }
            };
            crate::ops::review::store(tx, lang, row, &change)?;
        }
        Ok(tally)
    })?;
    note(&tr!(
        messages,
        "review-step-summary",
        kept = tally.kept,
        edited = tally.edited,
        skipped = tally.skipped
    ));
    Ok(session.finish(0, messages))
}

/// Shows one stale segment and asks until the answer is usable. `None`:
/// quit (or input ended); `Some(None)`: skip.
#[allow(clippy::type_complexity)]
fn ask(
    row: &UnitRow,
    number: usize,
    total: usize,
    messages: &Messages,
    input: &mut impl BufRead,
    out: &mut impl Write,
    color: bool,
) -> Result<Option<Option<Decision>>, Failure> {
    let Some(translation) = row.translation.as_ref() else {
        return Ok(Some(None));
    };
    // Control characters are shown as escapes, never sent to the terminal
    // raw; the colours go in after.
    let old = visible(translation.previous_source.as_deref().unwrap_or(""));
    let diff = worddiff::render(&worddiff::diff(&old, &visible(&row.source)), color);
    let heading = tr!(
        messages,
        "review-step-segment",
        number = number,
        total = total,
        id = visible(&id::join(&row.path, &row.key)).into_owned(),
        line = row.line,
    );
    let source = tr!(messages, "review-step-source", text = diff);
    let current = tr!(
        messages,
        "review-step-translation",
        text = visible(&translation.text).into_owned()
    );
    let mut shown = format!("\n{heading}\n  {source}\n  {current}\n");
    // The change an answer makes, or why it does not fit the source.
    let try_change = |action: Action<'_>| -> Result<Option<Change>, String> {
        match change(action, row) {
            Ok(change) => Ok(change),
            Err(ReviewError::Placeholders { error, .. }) => Err(say(messages, error.message())),
            Err(ReviewError::ControlCharacter { error, .. }) => Err(tr!(
                messages,
                "import-refused-control-character",
                character = error.code(),
                position = error.position,
            )),
            Err(other) => Err(say(messages, other.message())),
        }
    };
    loop {
        shown.push_str(&tr!(messages, "review-step-prompt"));
        shown.push(' ');
        out.write_all(shown.as_bytes()).map_err(Failure::stdout)?;
        out.flush().map_err(Failure::stdout)?;
        shown.clear();
        let Some(answer) = read_line(input)? else {
            return Ok(None);
        };
        match answer.trim() {
            "k" | "keep" => match try_change(Action::Confirm) {
                Ok(change) => return Ok(Some(change.map(Decision::Keep))),
                Err(reason) => shown.push_str(&format!(
                    "  {}\n",
                    tr!(messages, "review-step-unfit", reason = reason.as_str())
                )),
            },
            "e" | "edit" => {
                shown.push_str(&tr!(messages, "review-step-new-text"));
                shown.push(' ');
                out.write_all(shown.as_bytes()).map_err(Failure::stdout)?;
                out.flush().map_err(Failure::stdout)?;
                shown.clear();
                let Some(text) = read_line(input)? else {
                    return Ok(None);
                };
                let text = text.trim_end_matches(['\n', '\r']).to_string();
                if text.trim().is_empty() {
                    continue;
                }
                match try_change(Action::Set(&text)) {
                    Ok(change) => return Ok(Some(change.map(Decision::Edit))),
                    Err(reason) => shown.push_str(&format!(
                        "  {}\n",
                        tr!(messages, "review-step-unfit", reason = reason.as_str())
                    )),
                }
            }
            "s" | "skip" | "" => return Ok(Some(None)),
            "q" | "quit" => return Ok(None),
            _ => {}
        }
    }
}

/// A library message in the editor's language.
fn say(messages: &Messages, message: Message) -> String {
    let args: Vec<(&str, Arg)> = message
        .args
        .iter()
        .map(|(k, v)| (*k, Arg::from(v.as_str())))
        .collect();
    messages.get(message.id, &args)
}

fn read_line(input: &mut impl BufRead) -> Result<Option<String>, Failure> {
    let mut line = String::new();
    let read = input
        .read_line(&mut line)
        .map_err(|e| Failure::io(Path::new("-"), &e))?;
    Ok((read > 0).then_some(line))
}
