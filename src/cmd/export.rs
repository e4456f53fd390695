//! `tolkar export`: sync, then write one language's segments for
//! translators.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::mpsc;

use super::{Failure, note};
use crate::cli::ExchangeFormat;
use crate::cli::ExportArgs;
use crate::exchange::{self, ExportUnit, Format, State};
use crate::export::{Counts, Request, export_each};
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
    // `-o -` is standard output, as for most tools.
    let path = args
        .output
        .as_deref()
        .filter(|p| *p != Path::new("-"))
        .map(|path| output_path(path, &lang, format));
    let report = store.transaction(|tx| session.sync(tx, &super::progress::Bar::new("sync")))?;
    // Written from a snapshot of what sync committed: a slow reader of
    // `-o -` holds up no other command.
    let counts = store.read(|tx| -> Result<_, Failure> {
        let request = Request {
            lang: &lang,
            states: &states,
            documents: session.ws.documents.as_ref(),
        };
        // Written as the units are made; a file replaces the old one only
        // when whole.
        let mut writer = exchange::Writer::new(format, &project.config.source_language, &lang);
        let counts = match &path {
            None => write_units(tx, project, &request, &mut writer, out, Failure::stdout)?,
            Some(path) => {
                let write_error = |e: std::io::Error| Failure::write(path, &e);
                let mut file = crate::output::NamedFile::create(path).map_err(write_error)?;
                let counts =
                    write_units(tx, project, &request, &mut writer, &mut file, write_error)?;
                file.finish().map_err(write_error)?;
                counts
            }
        };
        Ok(counts)
    })?;
    super::sync::print_report_if_changed(&report, messages);
    let target = match &path {
        None => tr!(messages, "export-stdout"),
        Some(path) => path.display().to_string(),
    };
    note(&tr!(
        messages,
        "export-summary",
        units = counts.units,
        missing = counts.missing,
        stale = counts.stale,
        lang = &lang,
        target = target,
    ));
    Ok(session.finish(0, messages))
}

/// Exports `request` through `writer` into `out`, batch by batch. A
/// thread of its own formats each batch while the next is read from the
/// store; this thread writes what it formatted. Formatting took about half
/// of an export, and reading the store waited for it.
fn write_units(
    tx: &crate::store::Tx<'_>,
    project: &crate::project::Project,
    request: &Request<'_>,
    writer: &mut exchange::Writer<'_>,
    out: &mut impl Write,
    write_error: impl Fn(std::io::Error) -> Failure,
) -> Result<Counts, Failure> {
    // One batch is formatted while the next is made; its text is written
    // before that next one is handed over. Two in flight measured as fast
    // and took 3-5 MB more beside a translation memory. The head goes out
    // with the first batch (or the tail): an export that fails before its
    // first batch writes nothing.
    let (units_in, units_out) = mpsc::sync_channel::<Vec<ExportUnit>>(1);
    let (text_in, text_out) = mpsc::sync_channel::<(String, Vec<ExportUnit>)>(1);
    // A batch comes back with its text, to be freed on this thread, and
    // the written text goes back to be written into again: strings made
    // on one thread and freed on another, as a new one for each batch,
    // took 8-10 MB more beside a translation memory (mimalloc keeps what
    // another thread frees until its owner allocates again).
    let (spare_in, spare_out) = mpsc::sync_channel::<String>(2);
    std::thread::scope(|scope| -> Result<Counts, Failure> {
        let formatter = scope.spawn(move || {
            let mut head = String::new();
            writer.head(&mut head);
            for units in units_out {
                let mut text = std::mem::take(&mut head);
                if text.is_empty() {
                    text = spare_out.try_recv().unwrap_or_default();
                }
                writer.units(&mut text, &units);
                // A closed channel: the writing side stopped on an error.
                if text_in.send((text, units)).is_err() {
                    return None;
                }
            }
            writer.tail(&mut head);
            Some(head)
        });
        // A closed channel here means the formatter panicked: the export
        // stops at once, and the join below passes the panic on, so this
        // error is never shown.
        let gone = || write_error(std::io::Error::other("the export's formatter stopped"));
        // Whether a batch is with the formatter.
        let mut in_flight = false;
        let write_next = |out: &mut dyn Write| -> Result<(), Failure> {
            let (mut text, units) = text_out.recv().map_err(|_| gone())?;
            drop(units);
            out.write_all(text.as_bytes()).map_err(&write_error)?;
            // Kept for a later batch if the formatter has room for it.
            text.clear();
            let _ = spare_in.try_send(text);
            Ok(())
        };
        let counts = export_each(tx, project, request, |units| -> Result<(), Failure> {
            if in_flight {
                write_next(out)?;
            }
            units_in.send(units).map_err(|_| gone())?;
            in_flight = true;
            Ok(())
        });
        drop(units_in);
        // On an error the formatter is told to stop by the closed channels;
        // otherwise what it has left is written.
        let counts = counts.and_then(|counts| {
            if in_flight {
                write_next(out)?;
            }
            Ok(counts)
        });
        drop(text_out);
        let tail = formatter
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        let counts = counts?;
        if let Some(tail) = tail {
            out.write_all(tail.as_bytes()).map_err(&write_error)?;
        }
        out.flush().map_err(&write_error)?;
        Ok(counts)
    })
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
