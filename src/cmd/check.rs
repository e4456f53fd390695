//! `tolkar check`: the CI gate. Syncs (or, with `--no-write`, syncs in a
//! transaction that is rolled back), judges every language against the
//! policy (`[check]` in tolkar.toml, or flags), prints a report in the
//! format the CI system reads, and exits 1 if the policy fails.

use std::fmt::Write as _;
use std::io::Write;
use std::path::Path;

use super::{Failure, Rollback};
use crate::cli::CheckArgs;
use crate::cli::CheckFormat;
use crate::i18n::Messages;
use crate::ops::check::{
    Empty, LanguageCheck, Policy, Report, UnreadablePosting, check, emptiness, formats,
};
use crate::tr;

pub fn run(
    dir: &Path,
    args: &CheckArgs,
    messages: &Messages,
    out: &mut impl Write,
) -> Result<u8, Failure> {
    let session = super::sync::Session::open(dir, &[], messages)?;
    let project = session.project();
    let languages = project.languages(args.lang.as_deref())?;
    let policy = Policy::new(
        args.fail_on
            .clone()
            .unwrap_or_else(|| project.config.check.fail_on.clone()),
        args.min_coverage.or(project.config.check.min_coverage),
    )?;
    // Before the store is opened (it may be created): a fresh clone has
    // neither it nor the committed text state.
    let fresh = !project.database_path().exists() && !project.state_dir().exists();
    let mut store = session.ws.store(args.no_write)?;
    let result = store.transaction(
        |tx| -> Result<Vec<LanguageCheck>, Rollback<Vec<LanguageCheck>>> {
            session.sync(tx, &super::progress::Bar::new("sync"))?;
            let checks = check(tx, project, &languages, &policy)?;
            if args.no_write {
                return Err(Rollback::Keep(checks));
            }
            Ok(checks)
        },
    );
    let checks = match result {
        Ok(checks) | Err(Rollback::Keep(checks)) => checks,
        Err(Rollback::Failure(failure)) => return Err(failure),
    };
    let english = Messages::new("en");
    let unreadable: Vec<UnreadablePosting> = session
        .unreadable
        .list()
        .iter()
        .map(|u| UnreadablePosting {
            path: u.path.clone(),
            line: u.problem.line,
            column: u.problem.column,
            message: super::sync::message(project, u, &english),
            localized: super::sync::message(project, u, messages),
        })
        .collect();
    let postings = session.ws.sources.postings.len() + session.ws.sources.unreadable.len();
    let empty = emptiness(postings, &checks);
    let mut report = Report::new(policy, checks, unreadable);
    if let Some(empty) = empty.filter(|_| !(args.allow_empty || project.config.check.allow_empty)) {
        report.refuse_empty(empty);
    }
    let text = match args.format {
        CheckFormat::Text => text(&report, args.max_problems, messages),
        CheckFormat::Json => formats::json(&report),
        CheckFormat::Github => formats::github(
            &report,
            args.max_problems.unwrap_or(formats::GITHUB_ANNOTATIONS),
        ),
        CheckFormat::Junit => formats::junit(&report),
        CheckFormat::Markdown => formats::markdown(&report, args.max_problems),
    };
    // A reader that stops early (`| head`) does not turn a failed check
    // into a passed one: the verdict stands.
    match out.write_all(text.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            return Err(Failure::stdout(e));
        }
        _ => {}
    }
    if let Some(empty) = report.empty {
        return Err(empty_failure(empty, project, fresh, &report));
    }
    Ok(report.exit_status())
}

/// Why a check with nothing to check does not pass (exit 2).
fn empty_failure(
    empty: Empty,
    project: &crate::project::Project,
    fresh: bool,
    report: &Report,
) -> Failure {
    match empty {
        Empty::NoPostings => Failure::new(
            crate::msg_id!("check-empty-no-postings"),
            vec![
                ("dir", project.source_dir().display().to_string()),
                ("lang", project.config.source_language.clone()),
            ],
        ),
        Empty::NothingTranslated => {
            let langs: Vec<&str> = report.languages.iter().map(|l| l.lang.as_str()).collect();
            let mut args = vec![("langs", langs.join(", "))];
            if fresh {
                args.push(("store", project.config.database.clone()));
                args.push(("state", project.config.state.clone()));
                Failure::new(crate::msg_id!("check-empty-fresh"), args)
            } else {
                Failure::new(crate::msg_id!("check-empty-nothing-translated"), args)
            }
        }
    }
}

fn text(report: &Report, max_problems: Option<usize>, messages: &Messages) -> String {
    let mut out = String::new();
    let mut budget = max_problems.unwrap_or(usize::MAX);
    let mut left_out = 0usize;
    for lang in &report.languages {
        let line = tr!(
            messages,
            "check-language",
            lang = lang.lang.as_str(),
            coverage = lang.coverage,
            stale = lang.stale,
            missing = lang.missing,
            machine = lang.machine,
        );
        let verdict = if lang.passed {
            tr!(messages, "check-passed")
        } else {
            tr!(messages, "check-failed")
        };
        let _ = writeln!(out, "{line} {verdict}");
        let _ = writeln!(
            out,
            "  {}",
            tr!(
                messages,
                "check-postings",
                managed = lang.postings.managed(),
                share = lang.managed,
                merged = lang.postings.merged,
                conflicts = lang.postings.conflict,
                unmanaged = lang.postings.unmanaged,
            )
        );
        let conflicts = lang.conflicts.iter().map(|c| (c.path.as_str(), c.line));
        for line in super::status::posting_lines(conflicts, &lang.orphans, &lang.lang, messages) {
            let _ = writeln!(out, "  {line}");
        }
        if let Some(min) = report.policy.min_coverage.filter(|&m| lang.coverage < m) {
            let _ = writeln!(
                out,
                "  {}",
                tr!(
                    messages,
                    "check-coverage",
                    coverage = lang.coverage,
                    min = min
                )
            );
        }
        for document in &lang.documents {
            for problem in document.problems.iter().filter(|p| p.fails) {
                if budget == 0 {
                    left_out += 1;
                    continue;
                }
                budget -= 1;
                let _ = write!(
                    out,
                    "  {}:{}: {} {}",
                    document.path, problem.line, problem.kind, problem.key
                );
                if let Some(line) = problem.localized_line {
                    let _ = write!(out, " ({}:{line})", document.localized_path);
                }
                out.push('\n');
            }
        }
    }
    if left_out > 0 {
        let _ = writeln!(out, "{}", tr!(messages, "check-left-out", count = left_out));
    }
    for posting in &report.unreadable {
        let _ = writeln!(out, "{}", posting.localized);
    }
    out
}
