//! `tolkar tm search`: what the translation memory offers for a text.

use std::io::Write;
use std::path::Path;

use super::{Failure, note};
use crate::cli::StatusFormat;
use crate::cli::TmSearchArgs;
use crate::i18n::Messages;
use crate::memory::Memory;

/// What to look for.
pub fn search(
    dir: &Path,
    args: &TmSearchArgs,
    messages: &Messages,
    out: &mut impl Write,
) -> Result<u8, Failure> {
    let (text, lang) = (args.text.as_str(), args.lang.as_str());
    let (min, limit, format) = (args.min, args.limit, args.format);
    // Synced first, as every command that reads the store: in a fresh
    // clone the memory is the committed text state.
    let session = super::sync::Session::open(dir, &[], messages)?;
    let project = session.project();
    let lang = &project.check_language(lang)?;
    let threshold = min.unwrap_or(project.config.memory.threshold);
    // Writes nothing it needs: a store that may not be written, or none,
    // is read through a copy in memory.
    let mut store = session.ws.store(true)?;
    let found = store.transaction(|tx| -> Result<_, Failure> {
        session.sync(tx, &super::progress::Bar::new("sync"))?;
        let memory = Memory::read(tx, lang)?;
        let found = memory.suggest(text, None, threshold, limit);
        Ok(memory.suggestions(&found, limit, |segment| tx.memory_target(segment, lang))?)
    })?;
    match format {
        StatusFormat::Json => {
            let json: Vec<serde_json::Value> = found
                .iter()
                .map(|s| {
                    serde_json::json!({
                        "score": s.score, "source": s.source, "target": s.target, "origin": s.origin,
                    })
                })
                .collect();
            let text = serde_json::to_string_pretty(&json).expect("json");
            writeln!(out, "{text}").map_err(Failure::stdout)?;
        }
        StatusFormat::Text => {
            for s in &found {
                writeln!(out, "{:>6.2}%  {}", s.score, s.origin).map_err(Failure::stdout)?;
                writeln!(out, "         {}", s.source.replace('\n', "\n         "))
                    .map_err(Failure::stdout)?;
                writeln!(out, "       → {}", s.target.replace('\n', "\n         "))
                    .map_err(Failure::stdout)?;
            }
        }
    }
    if found.is_empty() {
        // Nothing found is an answer, not an error; say it, since the
        // text must be in the source language to match.
        note(&crate::tr!(
            messages,
            "tm-none",
            min = threshold,
            lang = lang,
            source = project.config.source_language.as_str(),
        ));
    }
    Ok(session.finish(0, messages))
}
