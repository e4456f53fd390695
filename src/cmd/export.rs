//! `tolkar export`: sync, then write one language's segments for
//! translators.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::{Failure, note};
use crate::cli::ExchangeFormat;
use crate::cli::ExportArgs;
use crate::exchange::{self, Format, State};
use crate::export::{Request, export};
use crate::i18n::Messages;
use crate::tr;

pub fn run(
    dir: &Path,
    args: &ExportArgs,
    messages: &Messages,
    out: &mut impl Write,
) -> Result<u8, Failure> {
    let session = super::sync::Session::open(dir, &args.doc, messages)?;
    let project = session.project();
    let lang = project.check_language(&args.lang)?;
    let states = parse_states(&args.state)?;
    let format = format_of(args.format);
    let mut store = session.ws.store(false)?;
    let (report, exported) = store.transaction(|tx| -> Result<_, Failure> {
        let report = session.sync(tx, &super::progress::Bar::new("sync"))?;
        let request = Request {
            lang: &lang,
            states: &states,
            documents: session.ws.documents.as_ref(),
        };
        Ok((report, export(tx, project, &request)?))
    })?;
    super::sync::print_report_if_changed(&report, messages);
    let text = exchange::write(format, &exported);
    let count = |state| exported.units.iter().filter(|u| u.state == state).count();
    let summary = |target: String| {
        tr!(
            messages,
            "export-summary",
            units = exported.units.len(),
            missing = count(State::Missing),
            stale = count(State::Stale),
            lang = &lang,
            target = target,
        )
    };
    // `-o -` is standard output, as for most tools.
    match args.output.as_deref().filter(|p| *p != Path::new("-")) {
        None => {
            out.write_all(text.as_bytes()).map_err(Failure::stdout)?;
            note(&summary(tr!(messages, "export-stdout")));
        }
        Some(path) => {
            let path = output_path(path, &lang, format);
            crate::output::write_named(&path, text.as_bytes())
                .map_err(|e| Failure::write(&path, &e))?;
            note(&summary(path.display().to_string()));
        }
    }
    Ok(session.finish(0, messages))
}

pub(super) fn format_of(format: ExchangeFormat) -> Format {
    match format {
        ExchangeFormat::Xliff2 => Format::Xliff2,
        ExchangeFormat::Xliff12 => Format::Xliff12,
        ExchangeFormat::Po => Format::Po,
        ExchangeFormat::Csv => Format::Csv,
        ExchangeFormat::Json => Format::Json,
    }
}

/// `missing,stale` or `all` as a set of states.
fn parse_states(names: &[String]) -> Result<BTreeSet<State>, Failure> {
    let mut states = BTreeSet::new();
    for name in names {
        if name.trim() == "all" {
            states.extend(State::ALL);
            continue;
        }
        let state = name.parse().map_err(|_| {
            Failure::new(
                crate::msg_id!("error-unknown-state"),
                vec![
                    ("state", name.clone()),
                    ("states", format!("{}, all", state_names())),
                ],
            )
        })?;
        states.insert(state);
    }
    Ok(states)
}

pub(super) fn state_names() -> String {
    State::ALL.map(State::as_str).join(", ")
}

/// `-o DIR` means `DIR/LANG.EXT`; anything else is the file itself.
fn output_path(path: &Path, lang: &str, format: Format) -> PathBuf {
    let is_dir = path.is_dir() || path.as_os_str().to_string_lossy().ends_with('/');
    if is_dir {
        let suffix = match format {
            Format::Xliff12 => ".xliff12",
            _ => "",
        };
        path.join(format!("{lang}{suffix}.{}", format.extension()))
    } else {
        path.to_path_buf()
    }
}
