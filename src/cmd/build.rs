//! `tolkar build`: sync, then write every localized posting whose bytes
//! change (`ops::build`), and tell what was written, skipped and why.

use std::path::Path;

use super::{Failure, note};
use crate::cli::BuildArgs;
use crate::i18n::Messages;
use crate::ops::build::{Built, Note, Options, build};
use crate::tr;

pub fn run(dir: &Path, args: &BuildArgs, messages: &Messages) -> Result<u8, Failure> {
    let session = super::sync::Session::open(dir, &[], messages)?;
    let project = session.project();
    let sources = &session.ws.sources;
    let options = Options {
        languages: project.languages(args.lang.as_deref())?,
        missing: args.missing.into(),
        force: args.force,
        prune: args.prune,
    };
    let mut store = session.ws.store(false)?;
    let (sync_report, built, saving) = store.transaction(|tx| -> Result<_, Failure> {
        let sync_report = session.sync(tx, &super::progress::Bar::new("sync"))?;
        let stage = super::settings::Stage::start("build");
        let built = build(
            tx,
            project,
            sources,
            &options,
            &super::progress::Bar::new("build"),
        )?;
        super::timing(stage);
        Ok((sync_report, built, super::settings::Stage::start("store")))
    })?;
    // The text state, the commit, and the store's close (its log copied
    // into the database): the part that is not parallel.
    drop(store);
    super::timing(saving);
    super::sync::print_report(&sync_report, messages);
    print(&built, messages);
    // Like `git merge`: postings in conflict are work left to do (1); an
    // output that would not read back is an input error (2).
    let status = if built.refused() {
        2
    } else if built.in_conflict() {
        1
    } else {
        0
    };
    Ok(status.max(session.finish(0, messages)))
}

fn print(built: &Built, messages: &Messages) {
    for line in &built.notes {
        note(&match line {
            Note::Taken { path, owner } => tr!(
                messages,
                "build-skipped-taken",
                path = path.as_str(),
                owner = owner.as_str()
            ),
            Note::SkippedMissing { path, count } => tr!(
                messages,
                "build-skipped-missing",
                path = path.as_str(),
                count = *count
            ),
            Note::Unreadable { path, reason } => tr!(
                messages,
                "build-skipped-unreadable",
                path = path.as_str(),
                reason = reason.as_str()
            ),
            Note::SourceChanged { path, source } => tr!(
                messages,
                "build-skipped-source-changed",
                path = path.as_str(),
                source = source.as_str()
            ),
            Note::TooLarge { path, size, limit } => tr!(
                messages,
                "build-skipped-too-large",
                path = path.as_str(),
                size = size.to_string(),
                limit = limit.to_string()
            ),
            Note::Foreign { path, lang } => tr!(
                messages,
                "build-skipped-foreign",
                path = path.as_str(),
                lang = lang.as_str()
            ),
            Note::Conflict {
                path,
                lang,
                line,
                ours,
                theirs,
            } => tr!(
                messages,
                "build-conflict",
                path = path.as_str(),
                lang = lang.as_str(),
                line = *line,
                ours = ours.trim_end(),
                theirs = theirs.trim_end()
            ),
            Note::FellBack { path, count } => tr!(
                messages,
                "build-fallback",
                path = path.as_str(),
                count = *count
            ),
            Note::FellBackMore { postings, count } => tr!(
                messages,
                "build-fallback-more",
                postings = *postings,
                count = *count
            ),
            Note::Moved { from, to } => tr!(
                messages,
                "build-moved",
                from = from.as_str(),
                to = to.as_str()
            ),
            Note::NotMoved { from, to } => tr!(
                messages,
                "build-not-moved",
                from = from.as_str(),
                to = to.as_str()
            ),
            Note::Orphan { path } => tr!(messages, "build-orphan", path = path.as_str()),
            Note::Pruned { path } => tr!(messages, "build-pruned", path = path.as_str()),
            Note::OrphanKept { path } => {
                tr!(messages, "build-orphan-kept", path = path.as_str())
            }
        });
    }
    for report in &built.languages {
        note(&tr!(
            messages,
            "build-summary",
            lang = report.lang.as_str(),
            written = report.written,
            unchanged = report.unchanged,
            skipped = report.skipped,
        ));
        if report.merged + report.conflicts > 0 {
            note(&tr!(
                messages,
                "build-merged",
                lang = report.lang.as_str(),
                merged = report.merged,
                conflicts = report.conflicts,
            ));
        }
    }
}
