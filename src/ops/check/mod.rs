//! The CI gate: every language judged against the policy (`[check]` in
//! tolkar.toml, or flags). The report is data; `formats` writes it for
//! machines (JSON, GitHub workflow commands, JUnit, Markdown).

pub mod formats;

use std::collections::HashMap;

use serde::Serialize;

use crate::exchange::State;
use crate::export::state_of;
use crate::message::{Diagnostic, Message};
use crate::ops::postings::{PostingCounts, posting_states};
use crate::ops::stale::localized_lines;
use crate::project::Project;
use crate::store::{StoreError, Tx, UnitRow};

/// The version of the JSON report; a change that breaks readers raises it.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
pub struct Report {
    pub schema_version: u32,
    pub passed: bool,
    pub policy: Policy,
    pub languages: Vec<LanguageCheck>,
    /// Source postings that could not be read; they fail the check.
    pub unreadable: Vec<UnreadablePosting>,
    /// Set when the check refused to pass a project with nothing in it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub empty: Option<Empty>,
}

/// Why a check that would pass proves nothing: there was nothing to
/// check. A mistyped source language or a fresh clone without the
/// committed text state looks like this, and must not pass CI unnoticed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Empty {
    /// The source directory holds no posting.
    NoPostings,
    /// No language checked has a single translation, current or stale.
    NothingTranslated,
}

/// Whether a project with `postings` source postings (readable or not)
/// and these checks has nothing to check.
pub fn emptiness(postings: usize, checks: &[LanguageCheck]) -> Option<Empty> {
    if postings == 0 {
        return Some(Empty::NoPostings);
    }
    let untranslated = |c: &LanguageCheck| c.translated + c.machine + c.stale == 0;
    let any_text = checks.iter().any(|c| c.total > 0);
    (any_text && checks.iter().all(untranslated)).then_some(Empty::NothingTranslated)
}

/// A posting that could not be read, for machines: the message in English.
#[derive(Serialize)]
pub struct UnreadablePosting {
    pub path: String,
    /// None for a file that cannot be read at all (binary, I/O error).
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
    /// The message in the reader's language, for `--format text`.
    #[serde(skip)]
    pub localized: String,
}

#[derive(Serialize, Clone)]
pub struct Policy {
    pub fail_on: Vec<String>,
    pub min_coverage: Option<f64>,
}

#[derive(Serialize)]
pub struct LanguageCheck {
    pub lang: String,
    pub passed: bool,
    pub total: u64,
    pub translated: u64,
    pub machine: u64,
    pub stale: u64,
    pub missing: u64,
    /// Segments with a translation of their current source, in percent.
    pub coverage: f64,
    /// Localized postings by how the last build left them.
    pub postings: PostingCounts,
    /// Share of the localized postings build manages, in percent.
    pub managed: f64,
    /// Postings whose own edits collide with the source's changes.
    pub conflicts: Vec<ConflictCheck>,
    /// Localized postings tolkar wrote whose source posting is gone.
    pub orphans: Vec<String>,
    pub documents: Vec<DocumentCheck>,
}

/// A localized posting in conflict, at the first line where.
#[derive(Serialize)]
pub struct ConflictCheck {
    pub path: String,
    pub line: usize,
    /// Whether conflicts fail the policy.
    pub fails: bool,
}

#[derive(Serialize)]
pub struct DocumentCheck {
    pub path: String,
    pub localized_path: String,
    pub problems: Vec<Problem>,
}

#[derive(Serialize)]
pub struct Problem {
    /// `stale`, `missing` or `machine`.
    pub kind: &'static str,
    pub key: String,
    pub line: usize,
    /// For a stale segment, its line in the localized posting, if built.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub localized_line: Option<usize>,
    /// Whether this kind fails the policy.
    pub fails: bool,
    /// The stale translation's text, to find its localized line.
    #[serde(skip)]
    pub translation: Option<String>,
}

/// What a policy can fail on: segments' states, and postings in conflict.
pub const KINDS: [&str; 4] = ["stale", "missing", "machine", "conflict"];

/// A policy that names a kind there is none of.
#[derive(Debug, thiserror::Error)]
#[error("unknown state {state}")]
pub struct UnknownKind {
    pub state: String,
}

impl Diagnostic for UnknownKind {
    fn message(&self) -> Message {
        Message::new(
            crate::msg_id!("error-unknown-state"),
            vec![("state", self.state.clone()), ("states", KINDS.join(", "))],
        )
    }
}

impl Policy {
    /// `fail_on` (empty names dropped: `--fail-on ''` fails by coverage
    /// only) and `min_coverage`, checked.
    pub fn new(fail_on: Vec<String>, min_coverage: Option<f64>) -> Result<Policy, UnknownKind> {
        let fail_on: Vec<String> = fail_on
            .into_iter()
            .filter(|k| !k.trim().is_empty())
            .collect();
        if let Some(kind) = fail_on.iter().find(|k| !KINDS.contains(&k.as_str())) {
            return Err(UnknownKind {
                state: kind.clone(),
            });
        }
        Ok(Policy {
            fail_on,
            min_coverage,
        })
    }
}

/// Judges every language of `languages` in `tx` against `policy`.
pub fn check(
    tx: &Tx<'_>,
    project: &Project,
    languages: &[String],
    policy: &Policy,
) -> Result<Vec<LanguageCheck>, StoreError> {
    let mut checks = Vec::new();
    for lang in languages {
        let moved = tx.localized_paths_by_source(lang)?;
        let mut check = judge(project, lang, tx.unit_rows(lang)?, policy, &moved);
        let states = posting_states(tx, project, lang)?;
        let fails = policy.fail_on.iter().any(|k| k == "conflict");
        check.postings = states.counts;
        check.orphans = states.orphans;
        check.managed = states.counts.managed_percent();
        check.conflicts = states
            .conflicts
            .into_iter()
            .map(|c| ConflictCheck {
                path: c.path,
                line: c.line,
                fails,
            })
            .collect();
        if fails && !check.conflicts.is_empty() {
            check.passed = false;
        }
        checks.push(check);
    }
    Ok(checks)
}

impl Report {
    pub fn new(
        policy: Policy,
        languages: Vec<LanguageCheck>,
        unreadable: Vec<UnreadablePosting>,
    ) -> Report {
        Report {
            schema_version: SCHEMA_VERSION,
            passed: languages.iter().all(|c| c.passed) && unreadable.is_empty(),
            policy,
            languages,
            unreadable,
            empty: None,
        }
    }

    /// Fails the report for `empty` (exit 2): always for a project without
    /// postings; for one with nothing translated only where the policy
    /// would pass it (a policy that fails it already says so, exit 1).
    pub fn refuse_empty(&mut self, empty: Empty) {
        if empty == Empty::NothingTranslated && !self.passed {
            return;
        }
        self.passed = false;
        for lang in &mut self.languages {
            lang.passed = false;
        }
        self.empty = Some(empty);
    }

    /// 0 when the policy holds, 1 when it fails, 2 when a posting could not
    /// be read or there was nothing to check (above a failed policy).
    pub fn exit_status(&self) -> u8 {
        if !self.unreadable.is_empty() || self.empty.is_some() {
            2
        } else if self.passed {
            0
        } else {
            1
        }
    }
}

fn judge(
    project: &Project,
    lang: &str,
    rows: Vec<UnitRow>,
    policy: &Policy,
    moved: &HashMap<String, String>,
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
        postings: PostingCounts::default(),
        managed: 100.0,
        conflicts: Vec::new(),
        orphans: Vec::new(),
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
