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
use crate::ops::check::{LanguageCheck, Policy, Report, UnreadablePosting, check, formats};
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
    let mut store = session.ws.store(args.no_write)?;
    let result = store.transaction(
        |tx| -> Result<Vec<LanguageCheck>, Rollback<Vec<LanguageCheck>>> {
            session.sync(tx, &())?;
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
    let report = Report::new(policy, checks, unreadable);
    let text = match args.format {
        CheckFormat::Text => text(&report, messages),
        CheckFormat::Json => formats::json(&report),
        CheckFormat::Github => formats::github(&report),
        CheckFormat::Junit => formats::junit(&report),
        CheckFormat::Markdown => formats::markdown(&report),
    };
    // A reader that stops early (`| head`) does not turn a failed check
    // into a passed one: the verdict stands.
    match out.write_all(text.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            return Err(Failure::stdout(e));
        }
        _ => {}
    }
    Ok(report.exit_status())
}

fn text(report: &Report, messages: &Messages) -> String {
    let mut out = String::new();
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
    for posting in &report.unreadable {
        let _ = writeln!(out, "{}", posting.localized);
    }
    out
}
