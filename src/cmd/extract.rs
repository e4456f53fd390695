//! `tolkar extract FILE`: the segments of one posting, for people or as JSON.

use std::io::Write;
use std::path::Path;

use serde::Serialize;

use super::{Failure, note, read_posting, rules_near};
use crate::cli::ExtractArgs;
use crate::cli::ExtractFormat;
use crate::i18n::Messages;
use crate::posting::Kind;
use crate::tr;

#[derive(Serialize)]
struct SegmentOut<'a> {
    key: &'a str,
    kind: Kind,
    text: &'a str,
    line: usize,
    start: usize,
    end: usize,
}

pub fn run(
    dir: &Path,
    args: &ExtractArgs,
    messages: &Messages,
    out: &mut impl Write,
) -> Result<u8, Failure> {
    let near = rules_near(dir)?;
    let doc = read_posting(&dir.join(&args.file), &near)?;
    match args.format {
        ExtractFormat::Json => {
            let segments: Vec<SegmentOut> = doc
                .segments
                .iter()
                .map(|s| SegmentOut {
                    key: &s.key,
                    kind: s.kind,
                    text: &s.text,
                    line: s.line,
                    start: s.span.start,
                    end: s.span.end,
                })
                .collect();
            serde_json::to_writer_pretty(&mut *out, &segments)
                .map_err(|e| Failure::stdout(e.into()))?;
            writeln!(out).map_err(Failure::stdout)?;
        }
        ExtractFormat::Text => {
            for s in &doc.segments {
                writeln!(out, "{:>4}  {}  ({})", s.line, s.key, s.kind.as_str())
                    .map_err(Failure::stdout)?;
                for line in s.text.lines() {
                    writeln!(out, "      {line}").map_err(Failure::stdout)?;
                }
            }
        }
    }
    // Hints go to stderr: they are for people setting up rules, never data.
    for hint in &doc.untranslated_params {
        note(&tr!(
            messages,
            "extract-hint",
            line = hint.line,
            shortcode = hint.shortcode.as_str(),
            param = hint.param.as_str(),
            value = hint.value.as_str(),
        ));
    }
    Ok(0)
}
