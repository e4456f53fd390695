//! Machine translation through a command: the missing and stale segments
//! of one language are sent in batches (a text that repeats is sent once),
//! each batch's answers checked like an import and stored on their own as
//! `machine` (needs review). A broken batch stores nothing.

use std::collections::BTreeMap;
use std::time::Duration;

use crate::exchange::{ImportUnit, State, id};
use crate::export::state_of;
use crate::import::{Decision, Reading, Reason, Segments, Tally, apply, plan};
use crate::machine::{MachineError, OutputLimits, Request, translate as run_command};
use crate::message::{Diagnostic, Message};
use crate::project::Project;
use crate::store::{Origin, Store, StoreError, Tx, UnitRow};
use crate::sync::Progress;

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum TranslateError {
    #[error("no machine-translation command")]
    NoCommand,
    /// The command failed; what earlier batches stored stays.
    #[error("the machine-translation command failed ({command}): {error}")]
    Failed {
        command: String,
        error: MachineError,
        so_far: Box<Translated>,
    },
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl Diagnostic for TranslateError {
    fn message(&self) -> Message {
        match self {
            TranslateError::NoCommand => {
                Message::new(crate::msg_id!("error-translate-no-command"), vec![])
            }
            TranslateError::Failed {
                command,
                error: MachineError::LineTooLong { line, limit },
                ..
            } => Message::new(
                crate::msg_id!("error-translate-line-too-long"),
                vec![
                    ("command", command.clone()),
                    ("line", line.to_string()),
                    ("limit", limit.to_string()),
                ],
            ),
            TranslateError::Failed {
                command,
                error: MachineError::TooMuchOutput { limit },
                ..
            } => Message::new(
                crate::msg_id!("error-translate-too-much-output"),
                vec![("command", command.clone()), ("limit", limit.to_string())],
            ),
            TranslateError::Failed { command, error, .. } => Message::new(
                crate::msg_id!("error-translate-failed"),
                vec![("command", command.clone()), ("reason", error.to_string())],
            ),
            TranslateError::Store(e) => e.message(),
        }
    }
}

/// How to translate.
#[derive(Debug, Clone)]
pub struct Options<'a> {
    /// The shell command.
    pub command: &'a str,
    /// Texts per run of the command.
    pub batch: usize,
    pub timeout: Duration,
    /// The most the command may write.
    pub limits: OutputLimits,
    /// Also send segments with a current translation.
    pub force: bool,
}

/// Why an answer was not stored.
#[derive(Debug, Clone, PartialEq)]
pub enum Refusal {
    EmptyAnswer,
    Refused(Reason),
}

/// What was stored, and each refused answer with its unit id.
#[derive(Debug, Default)]
pub struct Translated {
    pub tally: Tally,
    pub refused: Vec<(String, Refusal)>,
}

/// The units of a language as they were when the run began.
pub struct Work {
    rows: Vec<UnitRow>,
    segments: Segments,
}

impl Work {
    pub fn load(tx: &Tx<'_>, lang: &str) -> Result<Work, StoreError> {
        Ok(Work {
            rows: tx.unit_rows(lang)?,
            segments: Segments::load(tx, lang)?,
        })
    }
}

/// The command to run: the one given, or the project's.
pub fn command<'a>(
    given: Option<&'a str>,
    project: &'a Project,
) -> Result<&'a str, TranslateError> {
    given
        .or(project.config.translate.command.as_deref())
        .filter(|c| !c.trim().is_empty())
        .ok_or(TranslateError::NoCommand)
}

/// Translates the units of `work` whose posting `selects` picks, storing
/// batch by batch in `store`.
pub fn translate(
    store: &mut Store,
    project: &Project,
    lang: &str,
    work: Work,
    selects: impl Fn(&str) -> bool,
    options: &Options<'_>,
    progress: &dyn Progress,
) -> Result<Translated, TranslateError> {
    let Work { rows, mut segments } = work;
    // One request per distinct text, answering every segment that has it.
    let mut by_text: BTreeMap<&str, Vec<&UnitRow>> = BTreeMap::new();
    let mut order: Vec<&str> = Vec::new();
    for row in rows
        .iter()
        .filter(|r| selects(&r.path))
        .filter(|r| options.force || matches!(state_of(r), State::Missing | State::Stale))
    {
        let same = by_text.entry(row.source.as_str()).or_default();
        if same.is_empty() {
            order.push(row.source.as_str());
        }
        same.push(row);
    }
    // The whole command names the engine better than its first word (often
    // just `python3`).
    let command = options.command;
    let origin = Origin::Machine(command.trim().chars().take(80).collect());
    progress.start(order.len());
    let mut done = Translated::default();
    for texts in order.chunks(options.batch.max(1)) {
        let requests: Vec<Request> = texts
            .iter()
            .map(|text| {
                let row = by_text[text][0];
                Request {
                    id: id::join(&row.path, &row.key),
                    source_lang: project.config.source_language.clone(),
                    target_lang: lang.to_string(),
                    text: text.to_string(),
                    context: format!("{}:{} ({})", row.path, row.line, row.kind),
                }
            })
            .collect();
        let answers = match run_command(command, &requests, options.timeout, options.limits) {
            Ok(answers) => answers,
            Err(error) => {
                progress.finish();
                return Err(TranslateError::Failed {
                    command: command.to_string(),
                    error,
                    so_far: Box::new(done),
                });
            }
        };
        // An empty answer is no translation: say so, store nothing for it.
        for (text, answer) in texts.iter().zip(&answers) {
            if answer.text.trim().is_empty() && !text.trim().is_empty() {
                done.tally.refused += by_text[text].len() as u64;
                done.refused.push((answer.id.clone(), Refusal::EmptyAnswer));
            }
        }
        let units: Vec<ImportUnit> = texts
            .iter()
            .zip(&answers)
            .filter(|(text, answer)| !answer.text.trim().is_empty() || text.trim().is_empty())
            .flat_map(|(text, answer)| {
                by_text[text].iter().map(|row| ImportUnit {
                    id: id::join(&row.path, &row.key),
                    source: Some(row.source.clone()),
                    target: Some(answer.text.clone()),
                    state: Some(State::Machine),
                    line: row.line,
                })
            })
            .collect();
        // Planned and stored in one transaction, with the segments as they
        // are now: a translator's import while the command ran stays.
        let ids: Vec<&str> = units.iter().map(|u| u.id.as_str()).collect();
        let planned = store.transaction(|tx| -> Result<_, StoreError> {
            segments.refresh(tx, lang, &ids)?;
            let units: Vec<ImportUnit> = units
                .iter()
                .filter(|u| options.force || segments.needs_translation(&u.id))
                .cloned()
                .collect();
            let source_age = |segment, hash: &str| tx.source_age(segment, hash).ok().flatten();
            let reading = Reading {
                state: Some(State::Machine),
                read_back: &|s| s,
                source_age: &source_age,
                same_text_is_unchanged: true,
            };
            let planned = plan(&mut segments, &units, &reading);
            apply(tx, lang, &planned, &origin)?;
            Ok(planned)
        })?;
        for p in &planned {
            if let Decision::Refused(reason) = &p.decision {
                done.refused
                    .push((p.id.clone(), Refusal::Refused(reason.clone())));
            }
        }
        done.tally.add(Tally::of(&planned));
        for _ in texts {
            progress.advance();
        }
    }
    progress.finish();
    Ok(done)
}
