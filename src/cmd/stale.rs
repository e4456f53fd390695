//! `tolkar stale`: every stale translation, with what changed in its
//! source as a word diff, grouped by posting, the most recently changed
//! posting first. The text is for people: control characters in paths,
//! keys and texts are shown as escapes (`crate::visible`), never sent to
//! the terminal raw; `--format json` keeps them exact (JSON escapes them).

use std::io::Write;
use std::path::Path;

use super::{Failure, note};
use crate::cli::StaleArgs;
use crate::cli::StatusFormat;
use crate::i18n::Messages;
use crate::ops::stale::{StaleDocument, stale};
use crate::tr;
use crate::visible::visible;
use crate::worddiff::{self, Run};

pub fn run(
    dir: &Path,
    args: &StaleArgs,
    messages: &Messages,
    out: &mut impl Write,
) -> Result<u8, Failure> {
    let session = super::sync::Session::open(dir, &args.doc, messages)?;
    let project = session.project();
    let languages = project.languages(args.lang.as_deref())?;
    let mut store = session.ws.store(false)?;
    let (report, found) = store.transaction(|tx| -> Result<_, Failure> {
        let report = session.sync(tx, &super::progress::Bar::new("sync"))?;
        let found = stale(tx, project, &languages, |path| session.ws.selects(path))?;
        Ok((report, found))
    })?;
    super::sync::print_report_if_changed(&report, messages);
    match args.format {
        StatusFormat::Json => {
            let text = serde_json::to_string_pretty(&found).expect("json");
            writeln!(out, "{text}").map_err(Failure::stdout)?;
        }
        StatusFormat::Text => {
            let color = super::color_wanted();
            print_text(&found, color, messages, out)?;
        }
    }
    Ok(session.finish(0, messages))
}

fn print_text(
    found: &[StaleDocument],
    color: bool,
    messages: &Messages,
    out: &mut impl Write,
) -> Result<(), Failure> {
    if found.is_empty() {
        note(&tr!(messages, "stale-none"));
        return Ok(());
    }
    for document in found {
        let header = tr!(
            messages,
            "stale-document",
            lang = document.lang.as_str(),
            path = visible(&document.path).into_owned(),
            localized = visible(&document.localized_path).into_owned(),
            count = document.segments.len(),
        );
        writeln!(out, "{header}").map_err(Failure::stdout)?;
        for segment in &document.segments {
            let line = match segment.localized_line {
                Some(localized) => tr!(
                    messages,
                    "stale-segment-both",
                    key = visible(&segment.key).into_owned(),
                    line = segment.line,
                    localized_line = localized,
                ),
                None => tr!(
                    messages,
                    "stale-segment",
                    key = visible(&segment.key).into_owned(),
                    line = segment.line,
                ),
            };
            writeln!(out, "  {line}").map_err(Failure::stdout)?;
            // Escaped before the colours go in: those are ours.
            let change = match &segment.old_source {
                Some(_) => worddiff::render(&visible_runs(&segment.diff), color),
                None => visible(&segment.new_source).into_owned(),
            };
            let source = tr!(messages, "stale-source", text = indent(&change));
            let translation = tr!(
                messages,
                "stale-translation",
                text = indent(&visible(&segment.translation))
            );
            writeln!(out, "    {source}\n    {translation}").map_err(Failure::stdout)?;
        }
        writeln!(out).map_err(Failure::stdout)?;
    }
    Ok(())
}

/// The runs of a diff with their control characters escaped.
fn visible_runs(runs: &[Run]) -> Vec<Run> {
    runs.iter()
        .map(|run| Run {
            op: run.op,
            text: visible(&run.text).into_owned(),
        })
        .collect()
}

/// Continuation lines under the label.
fn indent(text: &str) -> String {
    text.replace('\n', "\n      ")
}
