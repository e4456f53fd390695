//! `tolkar review step`: an editor steps through the stale translations of
//! a language one at a time, sees what changed in the source and the
//! current translation, and keeps it (confirm), edits it (a new text) or
//! skips it. Everything decided is stored together at the end, also when
//! the editor quits early or input ends.

use std::io::{BufRead, Write};
use std::path::Path;

use super::{Failure, note};
use crate::exchange::{State, id};
use crate::export::state_of;
use crate::i18n::Messages;
use crate::segment::placeholder;
use crate::store::{NewTranslation, UnitRow};
use crate::tr;
use crate::worddiff;

/// What the editor decided for one segment.
enum Decision {
    Keep,
    Edit(String),
}

#[derive(Default)]
struct Tally {
    kept: u64,
    edited: u64,
    skipped: u64,
}

pub fn run(
    dir: &Path,
    lang: &str,
    documents: &[String],
    messages: &Messages,
    input: &mut impl BufRead,
    out: &mut impl Write,
    color: bool,
) -> Result<u8, Failure> {
    let session = super::sync::Session::open(dir, documents, messages)?;
    let project = session.project();
    project.check_language(lang)?;
    let globs = session.ws.documents.clone();
    let mut store = session.ws.store(false)?;
    let tally = store.transaction(|tx| -> Result<Tally, Failure> {
        session.sync(tx, &())?;
        let stale: Vec<UnitRow> = tx
            .unit_rows(lang)?
            .into_iter()
            .filter(|r| state_of(r) == State::Stale)
            .filter(|r| globs.as_ref().is_none_or(|g| g.is_match(&r.path)))
            .collect();
        let mut tally = Tally::default();
        for (i, row) in stale.iter().enumerate() {
            let Some(decision) = ask(row, i + 1, stale.len(), messages, input, out, color)? else {
                tally.skipped += (stale.len() - i) as u64;
                break;
            };
            let translation = row.translation.as_ref().expect("stale rows have one");
            let (text, state, origin) = match decision {
                None => {
                    tally.skipped += 1;
                    continue;
                }
                Some(Decision::Keep) => {
                    tally.kept += 1;
                    (
                        translation.text.clone(),
                        State::of_stored(&translation.state, true),
                        "review:confirm",
                    )
                }
                Some(Decision::Edit(text)) => {
                    tally.edited += 1;
                    (text, State::Translated, "review:set")
                }
            };
            tx.store_translation(&NewTranslation {
                segment: row.segment,
                lang,
                text: &text,
                state: state.stored().expect("a stored state"),
                source_hash: &row.hash,
                origin,
            })?;
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
    let translation = row.translation.as_ref().expect("stale rows have one");
    let old = translation.previous_source.as_deref().unwrap_or("");
    let diff = worddiff::render(&worddiff::diff(old, &row.source), color);
    let mut shown = format!(
        "\n[{number}/{total}] {} (line {})\n  source: {diff}\n  translation: {}\n",
        id::join(&row.path, &row.key),
        row.line,
        translation.text
    );
    let fits_source = |text: &str| -> Result<(), String> {
        if crate::import::has_placeholders(&row.kind) {
            placeholder::check(&row.source, text).map_err(|e| e.to_string())?;
        }
        Ok(())
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
            "k" | "keep" => match fits_source(&translation.text) {
                Ok(()) => return Ok(Some(Some(Decision::Keep))),
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
                match fits_source(&text) {
                    Ok(()) => return Ok(Some(Some(Decision::Edit(text)))),
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

fn read_line(input: &mut impl BufRead) -> Result<Option<String>, Failure> {
    let mut line = String::new();
    let read = input
        .read_line(&mut line)
        .map_err(|e| Failure::io(Path::new("-"), &e))?;
    Ok((read > 0).then_some(line))
}
