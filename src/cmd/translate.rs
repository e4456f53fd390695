//! `tolkar translate`: missing and stale segments through a
//! machine-translation command, stored as `machine` (needs review).
//! A text that repeats is sent once. Each batch is checked like an
//! import and stored on its own; a broken batch stores nothing.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Duration;

use super::{Failure, note};
use crate::cli::TranslateArgs;
use crate::exchange::{ImportUnit, State, id};
use crate::export::state_of;
use crate::i18n::{Arg, Messages};
use crate::import::{Decision, Reading, Segments, Tally, apply, plan};
use crate::machine::{Request, translate};
use crate::store::UnitRow;
use crate::tr;

pub fn run(dir: &Path, args: &TranslateArgs, messages: &Messages) -> Result<u8, Failure> {
    let session = super::sync::Session::open(dir, &args.doc, messages)?;
    let project = session.project();
    let lang = &args.lang;
    project.check_language(lang)?;
    let settings = &project.config.translate;
    let command = args
        .command
        .as_deref()
        .or(settings.command.as_deref())
        .filter(|c| !c.trim().is_empty())
        .ok_or_else(|| Failure::new(crate::msg_id!("error-translate-no-command"), vec![]))?;
    let batch = args.batch.unwrap_or(settings.batch).max(1);
    let timeout = Duration::from_secs(args.timeout.unwrap_or(settings.timeout).max(1));
    let documents = session.ws.documents.clone();

    let mut store = session.ws.store(false)?;
    let (report, rows, mut segments) = store.transaction(|tx| -> Result<_, Failure> {
        let report = session.sync(tx, &())?;
        let rows = tx.unit_rows(lang)?;
        Ok((report, rows, Segments::load(tx, lang)?))
    })?;
    super::sync::print_report_if_changed(&report, messages);

    // One request per distinct text, answering every segment that has it.
    let mut by_text: BTreeMap<&str, Vec<&UnitRow>> = BTreeMap::new();
    let mut order: Vec<&str> = Vec::new();
    for row in rows
        .iter()
        .filter(|r| documents.as_ref().is_none_or(|g| g.is_match(&r.path)))
        .filter(|r| args.force || matches!(state_of(r), State::Missing | State::Stale))
    {
        let same = by_text.entry(row.source.as_str()).or_default();
        if same.is_empty() {
            order.push(row.source.as_str());
        }
        same.push(row);
    }
    // The whole command names the engine better than its first word
    // (often just `python3`).
    let origin = format!("mt:{}", command.trim().chars().take(80).collect::<String>());
    let progress = super::progress::Bar::new("translate");
    crate::sync::Progress::start(&progress, order.len());
    let mut tally = Tally::default();
    for texts in order.chunks(batch) {
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
        let answers = translate(command, &requests, timeout).map_err(|e| {
            Failure::new(
                crate::msg_id!("error-translate-failed"),
                vec![("command", command.to_string()), ("reason", e.to_string())],
            )
        });
        let answers = match answers {
            Ok(answers) => answers,
            Err(failure) => {
                crate::sync::Progress::finish(&progress);
                print_summary(&tally, messages);
                return Err(failure);
            }
        };
        // An empty answer is no translation: say so, store nothing for it.
        for (text, answer) in texts.iter().zip(&answers) {
            if answer.text.trim().is_empty() && !text.trim().is_empty() {
                tally.refused += by_text[text].len() as u64;
                note(&tr!(
                    messages,
                    "translate-refused",
                    id = answer.id.as_str(),
                    reason = tr!(messages, "translate-empty-answer"),
                ));
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
        let planned = store.transaction(|tx| -> Result<_, Failure> {
            segments.refresh(tx, lang, &ids)?;
            let units: Vec<ImportUnit> = units
                .iter()
                .filter(|u| args.force || segments.needs_translation(&u.id))
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
                let (id, args) = reason.message();
                let args: Vec<(&str, Arg)> = args
                    .iter()
                    .map(|(k, v)| (*k, Arg::from(v.as_str())))
                    .collect();
                note(&tr!(
                    messages,
                    "translate-refused",
                    id = p.id.as_str(),
                    reason = messages.get(id, &args),
                ));
            }
        }
        tally.add(Tally::of(&planned));
        for _ in texts {
            crate::sync::Progress::advance(&progress);
        }
    }
    crate::sync::Progress::finish(&progress);
    print_summary(&tally, messages);
    // Segments outside --doc that repeat a translated text get it too.
    if project.config.memory.fill {
        let filled = store.transaction(|tx| tx.fill_from_memory(lang))?;
        if filled > 0 {
            note(&tr!(messages, "memory-filled", count = filled));
        }
    }
    let refused = if tally.refused > 0 { 2 } else { 0 };
    Ok(refused.max(session.finish(0, messages)))
}

fn print_summary(tally: &Tally, messages: &Messages) {
    note(&tr!(
        messages,
        "translate-summary",
        stored = tally.new + tally.updated + tally.stale,
        unchanged = tally.unchanged,
        refused = tally.refused,
    ));
}
