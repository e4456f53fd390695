//! `tolkar merge --explain FILE`: show the three-way merge the next build
//! does for one localized posting (`ops::build::explain_merge`): the
//! file's own differences, build's changes, and the outcome. Syncs in a
//! transaction that is rolled back: nothing is written.

use std::fmt::Write as _;
use std::io::Write;
use std::path::Path;

use super::{Failure, Rollback};
use crate::cli::MergeArgs;
use crate::i18n::Messages;
use crate::ops::build::{MergeExplanation, MergeOutcome, explain_merge};
use crate::tr;

pub fn run(
    dir: &Path,
    args: &MergeArgs,
    messages: &Messages,
    out: &mut impl Write,
) -> Result<u8, Failure> {
    let session = super::sync::Session::open(dir, &[], messages)?;
    let project = session.project();
    let languages = project.languages(None)?;
    let file = super::site_path(&project.root, &args.explain);
    let mut store = session.ws.store(true)?;
    let result = store.transaction(|tx| -> Result<(), Rollback<Box<MergeExplanation>>> {
        session.sync(tx, &super::progress::Bar::new("sync"))?;
        let explanation = explain_merge(tx, project, &session.ws.sources, &languages, &file)
            .map_err(|e| Rollback::Failure(e.into()))?;
        Err(Rollback::Keep(Box::new(explanation)))
    });
    let explanation = match result {
        Err(Rollback::Keep(explanation)) => explanation,
        Err(Rollback::Failure(failure)) => return Err(failure),
        Ok(()) => unreachable!("the transaction always rolls back"),
    };
    out.write_all(text(&explanation, messages).as_bytes())
        .map_err(Failure::stdout)?;
    let status = match explanation.outcome {
        MergeOutcome::Conflicts(_) => 1,
        _ => 0,
    };
    Ok(status.max(session.finish(0, messages)))
}

fn text(explanation: &MergeExplanation, messages: &Messages) -> String {
    let e = explanation;
    let mut text = tr!(
        messages,
        "merge-explain-head",
        path = e.path.as_str(),
        lang = e.lang.as_str(),
        source = e.source.as_str()
    );
    text.push('\n');
    let (Some(ours), Some(base)) = (&e.ours, &e.base) else {
        let outcome = match (&e.ours, &e.outcome) {
            (_, MergeOutcome::Unreadable(reason)) => {
                tr!(
                    messages,
                    "merge-explain-unreadable",
                    reason = reason.as_str()
                )
            }
            (None, _) => tr!(messages, "merge-explain-new"),
            (Some(_), _) => tr!(messages, "merge-explain-no-base", lang = e.lang.as_str()),
        };
        let _ = writeln!(text, "{outcome}");
        return text;
    };
    let _ = writeln!(text, "\n{}", tr!(messages, "merge-explain-ours"));
    text.push_str(&diff(base, ours, messages));
    let _ = writeln!(text, "\n{}", tr!(messages, "merge-explain-theirs"));
    text.push_str(&diff(base, &e.theirs, messages));
    text.push('\n');
    match &e.outcome {
        MergeOutcome::Writes => {
            let _ = writeln!(text, "{}", tr!(messages, "merge-explain-writes"));
        }
        MergeOutcome::Merges(merged) => {
            let _ = writeln!(text, "{}", tr!(messages, "merge-explain-merges"));
            text.push_str(&diff(ours, merged, messages));
        }
        MergeOutcome::Conflicts(conflicts) => {
            for conflict in conflicts {
                let _ = writeln!(
                    text,
                    "{}",
                    tr!(
                        messages,
                        "merge-explain-conflict",
                        line = conflict.line,
                        ours = conflict.ours.trim_end(),
                        theirs = conflict.theirs.trim_end()
                    )
                );
            }
        }
        MergeOutcome::NoBase => {
            let _ = writeln!(
                text,
                "{}",
                tr!(messages, "merge-explain-no-base", lang = e.lang.as_str())
            );
        }
        MergeOutcome::Unreadable(reason) => {
            let _ = writeln!(
                text,
                "{}",
                tr!(
                    messages,
                    "merge-explain-unreadable",
                    reason = reason.as_str()
                )
            );
        }
    }
    text
}

/// A unified diff by line with one line of context, or a word for none.
fn diff(from: &str, to: &str, messages: &Messages) -> String {
    if from == to {
        return format!("  {}\n", tr!(messages, "merge-explain-none"));
    }
    let diff = similar::TextDiff::from_lines(from, to);
    let mut text = diff.unified_diff().context_radius(1).to_string();
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text
}
