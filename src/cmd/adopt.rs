//! `tolkar adopt`: take over the translations a site already has (see
//! `ops::adopt`), and tell per posting what did not align.
//!
//! Also the way to take hand edits into the store: build keeps a hand edit
//! (merged with later source changes), and `adopt` makes its text the
//! stored translation, so that exports and other builds carry it.

use std::collections::HashSet;
use std::io::Write;
use std::path::Path;

use super::{Failure, Rollback, note};
use crate::cli::AdoptArgs;
use crate::i18n::Messages;
use crate::message::Diagnostic;
use crate::ops::adopt::AdoptError;
use crate::ops::adopt::{Adopted, Explanation, Problem, adopt_all, explain};
use crate::posting::overrides::Override;
use crate::tr;

pub fn run(
    dir: &Path,
    args: &AdoptArgs,
    messages: &Messages,
    out: &mut impl Write,
) -> Result<u8, Failure> {
    let session = super::sync::Session::open(dir, &args.doc, messages)?;
    let project = session.project();
    let languages = project.languages(args.lang.as_deref())?;
    if let Some(doc) = &args.explain {
        let [lang] = &languages[..] else {
            return Err(AdoptError::ExplainNeedsLanguage.into());
        };
        let doc = super::site_path(&project.root, doc);
        let explanation = explain(project, &session.ws.sources, &doc, lang)?;
        let text = explanation_text(&explanation, messages);
        out.write_all(text.as_bytes()).map_err(Failure::stdout)?;
        return Ok(0);
    }
    let mut store = session.ws.store(args.dry_run)?;
    let result = store.transaction(|tx| -> Result<_, Rollback<_>> {
        session.sync(tx, &super::progress::Bar::new("sync"))?;
        // A source that cannot be read has nothing to align with.
        let unread: HashSet<String> = session
            .unreadable
            .list()
            .into_iter()
            .map(|u| u.path)
            .collect();
        let adopted = adopt_all(
            tx,
            &session.ws,
            &unread,
            &languages,
            &super::progress::Bar::new("adopt"),
        )?;
        if args.dry_run {
            return Err(Rollback::Keep(adopted));
        }
        Ok(adopted)
    });
    let adopted = match result {
        Ok(adopted) | Err(Rollback::Keep(adopted)) => adopted,
        Err(Rollback::Failure(failure)) => return Err(failure),
    };
    tell(&adopted, project, messages);
    if args.dry_run {
        note(&tr!(messages, "adopt-dry-run"));
    }
    for error in &adopted.refused {
        note(&format!(
            "tolkar: {}: {}",
            messages.get(crate::msg_id!("error-prefix"), &[]),
            Failure::from_message(error.message()).message(messages)
        ));
    }
    let refused_status = if adopted.refused.is_empty() { 0 } else { 2 };
    Ok(refused_status.max(session.finish(0, messages)))
}

/// Per language: the postings with problems, the orphans and a summary.
fn tell(adopted: &Adopted, project: &crate::project::Project, messages: &Messages) {
    for language in &adopted.languages {
        let lang = language.lang.as_str();
        for shared in &language.shared_keys {
            note(&tr!(
                messages,
                "adopt-shared-key",
                key = shared.key.as_str(),
                paths = shared.paths.join(", ")
            ));
        }
        // A posting that differs only keeps differences build merges
        // with: nothing to tell. One with problems tells that too.
        for outcome in &language.outcomes {
            if outcome.problems.is_empty() {
                continue;
            }
            note(&format!("{}:", outcome.localized));
            for problem in &outcome.problems {
                note(&format!("  {}", problem_text(problem, messages)));
            }
            if let Some(at) = outcome.first_difference {
                note(&format!(
                    "  {}",
                    tr!(
                        messages,
                        "adopt-differs",
                        path = outcome.localized.as_str(),
                        lang = lang,
                        line = at.line
                    )
                ));
            }
        }
        if language.from_memory > 0 {
            note(&tr!(
                messages,
                "memory-filled",
                count = language.from_memory
            ));
        }
        for orphan in &language.orphans {
            note(&tr!(messages, "adopt-orphan", path = orphan.as_str()));
        }
        let tally = language.tally();
        let links = tally.links;
        let localized = project.config.links.applies_to(lang);
        let total = links.localized + links.kept;
        if !localized && links.localized > links.kept {
            note(&tr!(
                messages,
                "adopt-links-suggest",
                lang = lang,
                localized = links.localized,
                total = total
            ));
        } else if localized && links.kept > links.localized {
            note(&tr!(
                messages,
                "adopt-links-unlike",
                lang = lang,
                kept = links.kept,
                total = total
            ));
        }
        let share = |part: usize, whole: usize| {
            if whole == 0 {
                100.0
            } else {
                (part as f64 * 1000.0 / whole as f64).round() / 10.0
            }
        };
        note(&tr!(
            messages,
            "adopt-summary",
            lang = lang,
            postings = tally.postings,
            adopted = tally.adopted,
            segments = tally.segments,
            adopted_share = share(tally.adopted, tally.segments),
            identical = tally.identical,
            merged = tally.postings - tally.identical,
            stored = tally.stored,
        ));
    }
}

fn problem_text(problem: &Problem, messages: &Messages) -> String {
    match problem {
        Problem::Missing { key, source_line } => tr!(
            messages,
            "adopt-missing",
            key = key.as_str(),
            line = *source_line
        ),
        Problem::Unmatched { line, text } => tr!(
            messages,
            "adopt-unmatched",
            line = *line,
            text = shorten(text)
        ),
        Problem::NotAdopted {
            key,
            line,
            source_line,
            error,
        } => tr!(
            messages,
            "adopt-not-adopted",
            key = key.as_str(),
            line = *line,
            source_line = *source_line,
            reason = Failure::from_message(error.message()).message(messages)
        ),
        Problem::Copy => tr!(messages, "adopt-copy"),
    }
}

/// The start of a text on one line: a report lists a posting per line.
fn shorten(text: &str) -> String {
    const MAX: usize = 60;
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= MAX {
        flat
    } else {
        let cut: String = flat.chars().take(MAX).collect();
        format!("{cut}…")
    }
}

/// `--explain`: the alignment's problems, what the translation keeps, and
/// a diff of the posting as it is against what build would write.
fn explanation_text(explanation: &Explanation, messages: &Messages) -> String {
    let outcome = &explanation.outcome;
    let localized = outcome.localized.as_str();
    let mut text = tr!(
        messages,
        "adopt-explain-head",
        localized = localized,
        source = explanation.source.as_str(),
        adopted = outcome.adopted,
        segments = outcome.segments
    );
    text.push('\n');
    for problem in &outcome.problems {
        text.push_str(&format!("  {}\n", problem_text(problem, messages)));
    }
    for kept in &explanation.kept {
        let what = describe(kept, messages);
        text.push_str(&format!(
            "  {}\n",
            tr!(messages, "adopt-explain-kept", what = what)
        ));
    }
    let Some(at) = explanation.first_difference() else {
        text.push_str(&tr!(messages, "adopt-explain-same"));
        text.push('\n');
        return text;
    };
    text.push_str(&tr!(
        messages,
        "adopt-explain-differs",
        line = at.line,
        column = at.column
    ));
    text.push('\n');
    let diff = similar::TextDiff::from_lines(&explanation.now, &explanation.rebuilt);
    let now = tr!(messages, "adopt-diff-now", path = localized);
    let built = tr!(messages, "adopt-diff-built", path = localized);
    text.push_str(
        &diff
            .unified_diff()
            .context_radius(1)
            .header(&now, &built)
            .to_string(),
    );
    text
}

fn describe(o: &Override, messages: &Messages) -> String {
    let first_line = |t: &str| t.lines().next().unwrap_or_default().to_string();
    match o {
        Override::Set { text, .. } => first_line(text),
        Override::Insert { text, .. } => {
            tr!(messages, "adopt-kept-only-here", text = first_line(text))
        }
        Override::Remove { key } => tr!(messages, "adopt-kept-left-out", key = key.as_str()),
        Override::Lead { text } => tr!(
            messages,
            "adopt-kept-lead",
            count = text.matches('\n').count()
        ),
        Override::Tail { text } if text.is_empty() => tr!(messages, "adopt-kept-no-newline"),
        Override::Tail { text } => tr!(
            messages,
            "adopt-kept-tail",
            count = text.matches('\n').count()
        ),
    }
}
