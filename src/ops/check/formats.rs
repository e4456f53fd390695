//! The check report for machines and pull requests: JSON (`schema_version`
//! 1), GitHub Actions workflow commands, JUnit XML and Markdown. Never
//! localized: CI systems and reviewers read them as they are.

use std::fmt::Write as _;

use super::{DocumentCheck, Problem, Report};
use crate::ops::report::escape;

/// The report as pretty JSON.
pub fn json(report: &Report) -> String {
    serde_json::to_string_pretty(report).expect("the report serializes") + "\n"
}

/// How many annotations `github` writes by default: GitHub shows 10 of
/// each level per step and 50 per job; thousands only flood the log.
pub const GITHUB_ANNOTATIONS: usize = 50;

/// GitHub caps a job summary at 1 MiB; the Markdown report stays below,
/// with room for the lines that say what was left out.
pub const MARKDOWN_BUDGET: usize = 1024 * 1024 - 16 * 1024;

/// GitHub Actions workflow commands: an annotation per stale segment on
/// its line of the source posting, naming its line in the localized one;
/// one per posting for its missing and its machine-translated segments,
/// which can be hundreds. At most `limit` annotations on postings, then
/// one that says how many more there are; the summary of each language
/// and the unreadable postings always.
pub fn github(report: &Report, limit: usize) -> String {
    let mut out = String::new();
    let mut annotations = Annotations {
        out: String::new(),
        limit,
        written: 0,
        left_out: 0,
    };
    for lang in &report.languages {
        let out = &mut annotations;
        let title = escape_property(&format!("tolkar {}", lang.lang));
        for document in &lang.documents {
            let file = escape_property(&document.path);
            let level = |fails: bool| if fails { "error" } else { "warning" };
            for problem in document.problems.iter().filter(|p| p.kind == "stale") {
                let localized = match problem.localized_line {
                    Some(line) => format!("{}:{line}", document.localized_path),
                    None => document.localized_path.clone(),
                };
                let _ = out.annotate(format_args!(
                    "::{} file={file},line={},title={title}::stale translation ({}) of {}: the source changed; {} needs review",
                    level(problem.fails),
                    problem.line,
                    escape_data(&lang.lang),
                    escape_data(&problem.key),
                    escape_data(&localized),
                ));
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
                let _ = out.annotate(format_args!(
                    "::{} file={file},line={},title={title}::{} segment(s) {what} ({}) in {}: {}",
                    level(first.fails),
                    first.line,
                    group.len(),
                    escape_data(&lang.lang),
                    escape_data(&document.localized_path),
                    escape_data(&shortened(&keys, 10)),
                ));
            }
        }
        for conflict in &lang.conflicts {
            let _ = out.annotate(format_args!(
                "::{} file={},line={},title={title}::not built: the translation's own edits and the source's changes collide here",
                if conflict.fails { "error" } else { "warning" },
                escape_property(&conflict.path),
                conflict.line,
            ));
        }
        let out = &mut out.out;
        if let Some(min) = report.policy.min_coverage.filter(|&m| lang.coverage < m) {
            let _ = writeln!(
                out,
                "::error title={title}::coverage {}% is below the required {min}%",
                lang.coverage
            );
        }
        let _ = writeln!(
            out,
            "::notice title={title}::{}% translated, {} stale, {} missing, {} machine; {} postings managed ({}%), {} in conflict, {} unmanaged",
            lang.coverage,
            lang.stale,
            lang.missing,
            lang.machine,
            lang.postings.managed(),
            lang.managed,
            lang.postings.conflict,
            lang.postings.unmanaged,
        );
    }
    out.push_str(&annotations.out);
    if annotations.left_out > 0 {
        let _ = writeln!(
            out,
            "::warning title=tolkar::{} more problems not annotated (at most {limit}; --max-problems); run tolkar check for the full list",
            annotations.left_out
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

/// Annotations on postings, up to a limit; how many were left out.
struct Annotations {
    out: String,
    limit: usize,
    written: usize,
    left_out: usize,
}

impl Annotations {
    fn annotate(&mut self, line: std::fmt::Arguments<'_>) -> std::fmt::Result {
        if self.written >= self.limit {
            self.left_out += 1;
            return Ok(());
        }
        self.written += 1;
        writeln!(self.out, "{line}")
    }
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
pub fn junit(report: &Report) -> String {
    let mut out =
        String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"tolkar\">\n");
    for lang in &report.languages {
        let cases: Vec<&DocumentCheck> = lang.documents.iter().collect();
        let failures = cases
            .iter()
            .filter(|d| d.problems.iter().any(|p| p.fails))
            .count()
            + lang.conflicts.iter().filter(|c| c.fails).count()
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
            cases.len() + lang.conflicts.len() + 1
        );
        for conflict in &lang.conflicts {
            let _ = write!(
                out,
                "    <testcase classname=\"tolkar.{}\" name=\"{}\"",
                escape(&lang.lang),
                escape(&conflict.path)
            );
            if conflict.fails {
                let _ = writeln!(
                    out,
                    ">\n      <failure message=\"in conflict at line {}\" type=\"conflict\"/>\n    </testcase>",
                    conflict.line
                );
            } else {
                out.push_str("/>\n");
            }
        }
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

/// A pull-request comment or job summary: a table per language, a
/// collapsible list per posting. Under GitHub's 1 MiB limit for a job
/// summary (`MARKDOWN_BUDGET`), and at most `max_problems` problems if
/// given; a line says how many were left out.
pub fn markdown(report: &Report, max_problems: Option<usize>) -> String {
    let mut budget = max_problems.unwrap_or(usize::MAX);
    let (mut left_out, mut postings_left_out) = (0usize, 0usize);
    let mut out = String::from("## tolkar check\n\n");
    out.push_str(
        "| Language | Translated | Machine | Stale | Missing | Coverage | Postings managed | In conflict | Result |\n",
    );
    out.push_str("|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
    for lang in &report.languages {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {}% | {} ({}%) | {} | {} |",
            lang.lang,
            lang.translated,
            lang.machine,
            lang.stale,
            lang.missing,
            lang.coverage,
            lang.postings.managed(),
            lang.managed,
            lang.postings.conflict,
            if lang.passed {
                "✅ passed"
            } else {
                "❌ failed"
            }
        );
    }
    for lang in &report.languages {
        for document in lang.documents.iter().filter(|d| !d.problems.is_empty()) {
            let block = details(&lang.lang, document, budget);
            // Listed problems, then whole postings, give way to the limit.
            if budget == 0 || out.len() + block.len() > MARKDOWN_BUDGET {
                left_out += document.problems.len();
                postings_left_out += 1;
                continue;
            }
            let listed = document.problems.len().min(budget);
            budget -= listed;
            left_out += document.problems.len() - listed;
            out.push_str(&block);
        }
    }
    if left_out > 0 {
        let _ = writeln!(
            out,
            "\n_{left_out} more problems ({postings_left_out} postings not listed) left out to keep this report short; run `tolkar check` for the full list._"
        );
    }
    let conflicts: Vec<_> = report.languages.iter().flat_map(|l| &l.conflicts).collect();
    if !conflicts.is_empty() {
        out.push_str("\n### Postings in conflict\n\n");
        let lines = conflicts.iter().map(|conflict| {
            let mark = if conflict.fails { "❌ " } else { "" };
            format!(
                "- {mark}<code>{}</code> line {}\n",
                escape(&conflict.path),
                conflict.line
            )
        });
        push_within_budget(&mut out, lines);
    }
    if !report.unreadable.is_empty() {
        out.push_str("\n### ❌ Postings that could not be read\n\n");
        let lines = report
            .unreadable
            .iter()
            .map(|posting| format!("- {}\n", escape(&posting.message)));
        push_within_budget(&mut out, lines);
    }
    out
}

/// Appends `lines` while the report stays within `MARKDOWN_BUDGET`, then
/// one line saying how many were left out.
fn push_within_budget(out: &mut String, lines: impl ExactSizeIterator<Item = String>) {
    let total = lines.len();
    let mut written = 0;
    for line in lines {
        if out.len() + line.len() > MARKDOWN_BUDGET {
            break;
        }
        out.push_str(&line);
        written += 1;
    }
    if written < total {
        let _ = writeln!(out, "- _… and {} more_", total - written);
    }
}

/// One posting's problems as a collapsible block: at most `limit` of them.
fn details(lang: &str, document: &DocumentCheck, limit: usize) -> String {
    let mut out = String::new();
    let failing = document.problems.iter().filter(|p| p.fails).count();
    let _ = writeln!(
        out,
        "\n<details><summary>{}{lang} · <code>{}</code>: {} segments, {failing} failing</summary>\n",
        if failing > 0 { "❌ " } else { "" },
        escape(&document.path),
        document.problems.len()
    );
    for problem in document.problems.iter().take(limit) {
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
    if document.problems.len() > limit {
        let _ = writeln!(out, "- _… and {} more_", document.problems.len() - limit);
    }
    out.push_str("\n</details>\n");
    out
}
