//! `tolkar translate`: missing and stale segments through a
//! machine-translation command (`ops::translate`), and what was refused.

use std::path::Path;
use std::time::Duration;

use super::{Failure, note};
use crate::cli::TranslateArgs;
use crate::i18n::{Arg, Messages};
use crate::ops::translate::{
    Options, Refusal, TranslateError, Translated, Work, command, translate,
};
use crate::tr;

pub fn run(dir: &Path, args: &TranslateArgs, messages: &Messages) -> Result<u8, Failure> {
    let session = super::sync::Session::open(dir, &args.doc, messages)?;
    let project = session.project();
    let lang = args.lang.as_str();
    let lang = &project.check_language(lang)?;
    let settings = &project.config.translate;
    let options = Options {
        command: command(args.command.as_deref(), project)?,
        batch: args.batch.unwrap_or(settings.batch).max(1),
        timeout: Duration::from_secs(args.timeout.unwrap_or(settings.timeout).max(1)),
        limits: (&project.config.limits).into(),
        force: args.force,
    };
    let mut store = session.ws.store(false)?;
    let (report, work) = store.transaction(|tx| -> Result<_, Failure> {
        let report = session.sync(tx, &super::progress::Bar::new("sync"))?;
        Ok((report, Work::load(tx, lang)?))
    })?;
    super::sync::print_report_if_changed(&report, messages);
    let progress = super::progress::Bar::new("translate");
    let selects = |path: &str| session.ws.selects(path);
    let done = match translate(
        &mut store, project, lang, work, selects, &options, &progress,
    ) {
        Ok(done) => done,
        Err(TranslateError::Failed {
            command,
            error,
            so_far,
        }) => {
            tell(&so_far, messages);
            return Err(TranslateError::Failed {
                command,
                error,
                so_far,
            }
            .into());
        }
        Err(other) => return Err(other.into()),
    };
    tell(&done, messages);
    // Segments outside --doc that repeat a translated text get it too.
    if project.config.memory.fill {
        let filled = store.transaction(|tx| tx.fill_from_memory(lang))?;
        if filled > 0 {
            note(&tr!(messages, "memory-filled", count = filled));
        }
    }
    let refused = if done.tally.refused > 0 { 2 } else { 0 };
    Ok(refused.max(session.finish(0, messages)))
}

/// Every refused answer, and the summary.
fn tell(done: &Translated, messages: &Messages) {
    for (id, refusal) in &done.refused {
        let reason = match refusal {
            Refusal::EmptyAnswer => tr!(messages, "translate-empty-answer"),
            Refusal::Refused(reason) => {
                let (id, args) = reason.message();
                let args: Vec<(&str, Arg)> = args
                    .iter()
                    .map(|(k, v)| (*k, Arg::from(v.as_str())))
                    .collect();
                messages.get(id, &args)
            }
        };
        note(&tr!(
            messages,
            "translate-refused",
            id = crate::visible::visible(id).into_owned(),
            reason = reason
        ));
    }
    let tally = &done.tally;
    note(&tr!(
        messages,
        "translate-summary",
        stored = tally.new + tally.updated + tally.stale,
        unchanged = tally.unchanged,
        refused = tally.refused,
    ));
}
