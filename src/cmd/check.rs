//! `tolkar check`: the CI gate. Syncs (or, with `--no-write`, syncs in a
//! transaction that is rolled back), judges every language against the
//! policy (`[check]` in tolkar.toml, or flags), prints a report in the
//! format the CI system reads, and exits 1 if the policy fails.

use std::fmt::Write as _;
use std::io::Write;
use std::path::Path;

use serde::Serialize;

use super::{Failure, Rollback};
use crate::cli::CheckFormat;
use crate::exchange::State;
use crate::export::state_of;
use crate::i18n::Messages;
use crate::project::Project;
use crate::store::UnitRow;
use crate::tr;

use super::report::escape;
use super::stale::localized_lines;

/// The version of the JSON report; a change that breaks readers raises it.
const SCHEMA_VERSION: u32 = 1;

pub struct Options<'a> {
    pub lang: Option<&'a str>,
    pub format: CheckFormat,
    pub fail_on: Option<&'a [String]>,
    pub min_coverage: Option<f64>,
    pub no_write: bool,
}

#[derive(Serialize)]
struct Report {
    schema_version: u32,
    passed: bool,
    policy: Policy,
    languages: Vec<LanguageCheck>,
    /// Source postings that could not be read; they fail the check.
    unreadable: Vec<UnreadablePosting>,
}

/// A posting that could not be read, for machines: the message in English.
#[derive(Serialize)]
struct UnreadablePosting {
    path: String,
    /// None for a file that cannot be read at all (binary, I/O error).
    line: Option<usize>,
    column: Option<usize>,
    message: String,
    /// The message in the reader's language, for `--format text`.
    #[serde(skip)]
    localized: String,
}

#[derive(Serialize, Clone)]
struct Policy {
    fail_on: Vec<String>,
    min_coverage: Option<f64>,
}

#[derive(Serialize)]
struct LanguageCheck {
    lang: String,
    passed: bool,
    total: u64,
    translated: u64,
    machine: u64,
    stale: u64,
    missing: u64,
    /// Segments with a translation of their current source, in percent.
    coverage: f64,
    documents: Vec<DocumentCheck>,
}

#[derive(Serialize)]
struct DocumentCheck {
    path: String,
    localized_path: String,
    problems: Vec<Problem>,
}

#[derive(Serialize)]
struct Problem {
    /// `stale`, `missing` or `machine`.
    kind: &'static str,
    key: String,
    line: usize,
    /// For a stale segment, its line in the localized posting, if built.
    #[serde(skip_serializing_if = "Option::is_none")]
    localized_line: Option<usize>,
    /// Whether this kind fails the policy.
    fails: bool,
    /// The stale translation's text, to find its localized line.
    #[serde(skip)]
    translation: Option<String>,
}

pub fn run(
    dir: &Path,
    options: &Options<'_>,
    messages: &Messages,
    out: &mut impl Write,
) -> Result<u8, Failure> {
    let session = super::sync::Session::open(dir, &[], messages)?;
    let project = session.project();
    let languages = project.languages(options.lang)?;
    let policy = Policy {
        // `--fail-on ''`: nothing fails by kind (coverage only).
        fail_on: options
            .fail_on
            .map(<[String]>::to_vec)
            .unwrap_or_else(|| project.config.check.fail_on.clone())
            .into_iter()
            .filter(|k| !k.trim().is_empty())
            .collect(),
        min_coverage: options.min_coverage.or(project.config.check.min_coverage),
    };
    for kind in &policy.fail_on {
        if !["stale", "missing", "machine"].contains(&kind.as_str()) {
            return Err(Failure::new(
                crate::msg_id!("error-unknown-state"),
                vec![
                    ("state", kind.clone()),
                    ("states", "stale, missing, machine".into()),
                ],
            ));
        }
    }
    let mut store = session.ws.store(options.no_write)?;
    let result = store.transaction(
        |tx| -> Result<Vec<LanguageCheck>, Rollback<Vec<LanguageCheck>>> {
            session.sync(tx, &())?;
            let mut checks = Vec::new();
            for lang in &languages {
                let moved = tx.localized_paths_by_source(lang)?;
                checks.push(judge(project, lang, tx.unit_rows(lang)?, &policy, &moved));
            }
            if options.no_write {
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
    let report = Report {
        schema_version: SCHEMA_VERSION,
        passed: checks.iter().all(|c| c.passed) && unreadable.is_empty(),
        policy,
        languages: checks,
        unreadable,
    };
    let text = match options.format {
        CheckFormat::Text => text(&report, messages),
        CheckFormat::Json => serde_json::to_string_pretty(&report).expect("json") + "\n",
        CheckFormat::Github => github(&report),
        CheckFormat::Junit => junit(&report),
        CheckFormat::Markdown => markdown(&report),
    };
    out.write_all(text.as_bytes()).map_err(Failure::stdout)?;
    // A posting that cannot be read is an input error, above a failed policy.
    Ok(if !report.unreadable.is_empty() {
        2
    } else if report.passed {
        0
    } else {
        1
    })
}

fn judge(
    project: &Project,
    lang: &str,
    rows: Vec<UnitRow>,
    policy: &Policy,
    moved: &std::collections::HashMap<String, String>,
) -> LanguageCheck {
    let fails = |kind: &str| policy.fail_on.iter().any(|k| k == kind);
    let mut check = LanguageCheck {
        lang: lang.to_string(),
        passed: true,
        total: 0,
        translated: 0,
        machine: 0,
        stale: 0,
        missing: 0,
        coverage: 100.0,
        documents: Vec::new(),
    };
    for row in rows {
        check.total += 1;
        // Every posting is a test case, with problems or without.
        if check.documents.last().is_none_or(|d| d.path != row.path) {
            check.documents.push(DocumentCheck {
                path: row.path.clone(),
                localized_path: project.localized_display_in(&row.path, lang, moved),
                problems: Vec::new(),
            });
        }
        let kind = match state_of(&row) {
            State::Missing => {
                check.missing += 1;
                Some("missing")
            }
            State::Stale => {
                check.stale += 1;
                Some("stale")
            }
            State::Machine => {
                check.machine += 1;
                Some("machine")
            }
            _ => {
                check.translated += 1;
                None
            }
        };
        let Some(kind) = kind else { continue };
        let document = check.documents.last_mut().expect("pushed");
        document.problems.push(Problem {
            kind,
            key: row.key,
            line: row.line,
            localized_line: None,
            fails: fails(kind),
            translation: (kind == "stale")
                .then(|| row.translation.map(|t| t.text))
                .flatten(),
        });
    }
    for document in &mut check.documents {
        if !document.problems.iter().any(|p| p.translation.is_some()) {
            continue;
        }
        // By the translation's text: keys move on after an insertion.
        let lines = localized_lines(project, &document.localized_path);
        for problem in &mut document.problems {
            if let Some(text) = &problem.translation {
                problem.localized_line = lines.get(text).copied();
            }
        }
    }
    if check.total > 0 {
        let current = check.translated + check.machine;
        check.coverage = (current as f64 * 1000.0 / check.total as f64).round() / 10.0;
    }
    let any_failing = check
        .documents
        .iter()
        .flat_map(|d| &d.problems)
        .any(|p| p.fails);
    let too_little = policy.min_coverage.is_some_and(|min| check.coverage < min);
    check.passed = !any_failing && !too_little;
    check
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

/// GitHub Actions workflow commands: an annotation per stale segment on
/// its line of the source posting, naming its line in the localized one;
/// one per posting for its missing and its machine-translated segments,
/// which can be hundreds (GitHub shows 10 of each level per step).
fn github(report: &Report) -> String {
    let mut out = String::new();
    for lang in &report.languages {
        let title = escape_property(&format!("tolkar {}", lang.lang));
        for document in &lang.documents {
            let file = escape_property(&document.path);
            let level = |fails: bool| if fails { "error" } else { "warning" };
            for problem in document.problems.iter().filter(|p| p.kind == "stale") {
                let localized = match problem.localized_line {
                    Some(line) => format!("{}:{line}", document.localized_path),
                    None => document.localized_path.clone(),
                };
                let _ = writeln!(
                    out,
                    "::{} file={file},line={},title={title}::stale translation ({}) of {}: the source changed; {} needs review",
                    level(problem.fails),
                    problem.line,
                    escape_data(&lang.lang),
                    escape_data(&problem.key),
                    escape_data(&localized),
                );
            }
            for kind in ["missing", "machine"] {
                let group: Vec<&Problem> = document
                    .problems
                    .iter()
                    .filter(|p| p.kind == kind)
                    .collect();
                let Some(first) = group.first() else { continue };
                let keys: Vec<&str> = group.iter().map(|p| p.key.as_str()).collect();
                let what = if kind == "missing" {
                    "without a translation"
                } else {
                    "machine-translated, not reviewed"
                };
                let _ = writeln!(
                    out,
                    "::{} file={file},line={},title={title}::{} segment(s) {what} ({}) in {}: {}",
                    level(first.fails),
                    first.line,
                    group.len(),
                    escape_data(&lang.lang),
                    escape_data(&document.localized_path),
                    escape_data(&shortened(&keys, 10)),
                );
            }
        }
        if let Some(min) = report.policy.min_coverage.filter(|&m| lang.coverage < m) {
            let _ = writeln!(
                out,
                "::error title={title}::coverage {}% is below the required {min}%",
                lang.coverage
            );
        }
        let _ = writeln!(
            out,
            "::notice title={title}::{}% translated, {} stale, {} missing, {} machine",
            lang.coverage, lang.stale, lang.missing, lang.machine
        );
    }
    for posting in &report.unreadable {
        let place = match (posting.line, posting.column) {
            (Some(line), Some(column)) => format!(",line={line},col={column}"),
            _ => String::new(),
        };
        let _ = writeln!(
            out,
            "::error file={}{place},title=tolkar::{}",
            escape_property(&posting.path),
            escape_data(&posting.message)
        );
    }
    out
}

/// The first `limit` items, and how many more.
fn shortened(items: &[&str], limit: usize) -> String {
    let mut text = items[..items.len().min(limit)].join(", ");
    if items.len() > limit {
        let _ = write!(text, " and {} more", items.len() - limit);
    }
    text
}

/// Workflow-command data: `%`, CR and LF are escaped.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Workflow-command properties also escape `:` and `,`.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// JUnit XML: a test suite per language, a test case per posting with
/// problems that fail the policy (and one for coverage).
fn junit(report: &Report) -> String {
    let mut out =
        String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"tolkar\">\n");
    for lang in &report.languages {
        let cases: Vec<&DocumentCheck> = lang.documents.iter().collect();
        let failures = cases
            .iter()
            .filter(|d| d.problems.iter().any(|p| p.fails))
            .count()
            + usize::from(
                report
                    .policy
                    .min_coverage
                    .is_some_and(|m| lang.coverage < m),
            );
        let _ = writeln!(
            out,
            "  <testsuite name=\"tolkar {}\" tests=\"{}\" failures=\"{failures}\" errors=\"0\" skipped=\"0\">",
            escape(&lang.lang),
            cases.len() + 1
        );
        for document in cases {
            let _ = write!(
                out,
                "    <testcase classname=\"tolkar.{}\" name=\"{}\"",
                escape(&lang.lang),
                escape(&document.path)
            );
            let failing: Vec<&Problem> = document.problems.iter().filter(|p| p.fails).collect();
            if failing.is_empty() {
                out.push_str("/>\n");
                continue;
            }
            let list: Vec<String> = failing
                .iter()
                .map(|p| format!("{}:{}: {} {}", document.path, p.line, p.kind, p.key))
                .collect();
            let _ = writeln!(
                out,
                ">\n      <failure message=\"{} segments need work\" type=\"translation\">{}</failure>\n    </testcase>",
                failing.len(),
                escape(&list.join("\n"))
            );
        }
        let _ = write!(
            out,
            "    <testcase classname=\"tolkar.{}\" name=\"coverage\"",
            escape(&lang.lang)
        );
        match report.policy.min_coverage {
            Some(min) if lang.coverage < min => {
                let _ = writeln!(
                    out,
                    ">\n      <failure message=\"coverage {}% is below {min}%\" type=\"coverage\"/>\n    </testcase>",
                    lang.coverage
                );
            }
            _ => out.push_str("/>\n"),
        }
        out.push_str("  </testsuite>\n");
    }
    if !report.unreadable.is_empty() {
        let _ = writeln!(
            out,
            "  <testsuite name=\"tolkar postings\" tests=\"{0}\" failures=\"0\" errors=\"{0}\" skipped=\"0\">",
            report.unreadable.len()
        );
        for posting in &report.unreadable {
            let _ = writeln!(
                out,
                "    <testcase classname=\"tolkar.postings\" name=\"{}\">\n      <error message=\"{}\" type=\"unreadable\"/>\n    </testcase>",
                escape(&posting.path),
                escape(&posting.message)
            );
        }
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    out
}

/// A pull-request comment: a table per language, a collapsible list per
/// posting.
fn markdown(report: &Report) -> String {
    let mut out = String::from("## tolkar check\n\n");
    out.push_str("| Language | Translated | Machine | Stale | Missing | Coverage | Result |\n");
    out.push_str("|---|---:|---:|---:|---:|---:|---|\n");
    for lang in &report.languages {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {}% | {} |",
            lang.lang,
            lang.translated,
            lang.machine,
            lang.stale,
            lang.missing,
            lang.coverage,
            if lang.passed {
                "✅ passed"
            } else {
                "❌ failed"
            }
        );
    }
    for lang in &report.languages {
        for document in lang.documents.iter().filter(|d| !d.problems.is_empty()) {
            let failing = document.problems.iter().filter(|p| p.fails).count();
            let _ = writeln!(
                out,
                "\n<details><summary>{}{} · <code>{}</code>: {} segments, {failing} failing</summary>\n",
                if failing > 0 { "❌ " } else { "" },
                lang.lang,
                escape(&document.path),
                document.problems.len()
            );
            for problem in &document.problems {
                let mark = if problem.fails { "❌ " } else { "" };
                let _ = write!(
                    out,
                    "- {mark}{} `{}` (line {}",
                    problem.kind, problem.key, problem.line
                );
                if let Some(line) = problem.localized_line {
                    let _ = write!(out, "; translation: line {line}");
                }
                out.push_str(")\n");
            }
            out.push_str("\n</details>\n");
        }
    }
    if !report.unreadable.is_empty() {
        out.push_str("\n### ❌ Postings that could not be read\n\n");
        for posting in &report.unreadable {
            let _ = writeln!(out, "- {}", escape(&posting.message));
        }
    }
    out
}
