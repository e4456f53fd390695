//! One module per command. Commands call the library and print; the
//! library never prints.

mod adopt;
mod build;
mod check;
mod export;
mod extract;
mod failure;
mod import;
mod init;
mod progress;
mod pseudo;
mod report;
mod review;
mod review_step;
mod stale;
mod status;
mod sync;
mod tm;
mod translate;

use std::io::Write;
use std::path::Path;

pub use failure::{Failure, Rollback};

use crate::cli::{Cli, Command, ReviewAction, ReviewCommand, TmCommand};
use crate::i18n::Messages;
use crate::posting::{Document, Rules};

/// Runs one command; returns the exit status.
pub fn run(cli: Cli, messages: &Messages) -> Result<u8, Failure> {
    let dir = cli.directory.clone().unwrap_or_else(|| ".".into());
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let code = match cli.command {
        Command::Extract { file, format } => extract::run(&dir, &file, format, messages, &mut out)?,
        Command::Pseudo { file, mode } => pseudo::run(&dir, &file, mode, &mut out)?,
        Command::Init {
            source,
            targets,
            layout,
            force,
            dry_run,
        } => {
            let overrides = crate::hugo::Overrides {
                source,
                targets,
                layout: layout.map(init::layout),
            };
            init::run(&dir, &overrides, force, dry_run, messages, &mut out)?
        }
        Command::Sync => sync::run(&dir, messages)?,
        Command::Status { lang, docs, format } => {
            status::run(&dir, lang.as_deref(), docs, format, messages, &mut out)?
        }
        Command::Build {
            lang,
            missing,
            force,
        } => build::run(&dir, lang.as_deref(), missing, force, messages)?,
        Command::Report {
            html: _,
            output,
            lang,
        } => report::run(&dir, &output, lang.as_deref(), messages)?,
        Command::Adopt {
            lang,
            doc,
            dry_run,
            explain,
        } => {
            let options = adopt::Options {
                lang: lang.as_deref(),
                documents: &doc,
                dry_run,
                explain: explain.as_deref(),
            };
            adopt::run(&dir, &options, messages, &mut out)?
        }
        Command::Review {
            action: ReviewCommand::Step { lang, doc },
        } => {
            use std::io::IsTerminal;
            let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            let stdin = std::io::stdin();
            review_step::run(
                &dir,
                &lang,
                &doc,
                messages,
                &mut stdin.lock(),
                &mut out,
                color,
            )?
        }
        Command::Review { action } => {
            let (action, selection, set) = match &action {
                ReviewCommand::Confirm(s) => (ReviewAction::Confirm, Some(s), None),
                ReviewCommand::Approve(s) => (ReviewAction::Approve, Some(s), None),
                ReviewCommand::Set { lang, id, text } => {
                    (ReviewAction::Set, None, Some((lang, id, text)))
                }
                ReviewCommand::Step { .. } => unreachable!("handled above"),
            };
            let one_id;
            let options = match (selection, set) {
                (Some(s), _) => review::Options {
                    action,
                    lang: &s.lang,
                    ids: &s.ids,
                    documents: &s.doc,
                    all: s.all,
                    text: None,
                },
                (None, Some((lang, id, text))) => {
                    one_id = [id.clone()];
                    review::Options {
                        action,
                        lang,
                        ids: &one_id,
                        documents: &[],
                        all: false,
                        text: Some(text),
                    }
                }
                (None, None) => unreachable!("every review command is one of the two"),
            };
            review::run(&dir, &options, messages)?
        }
        Command::Check {
            lang,
            format,
            fail_on,
            min_coverage,
            no_write,
        } => {
            let options = check::Options {
                lang: lang.as_deref(),
                format,
                fail_on: fail_on.as_deref(),
                min_coverage,
                no_write,
            };
            check::run(&dir, &options, messages, &mut out)?
        }
        Command::Stale { lang, doc, format } => {
            let options = stale::Options {
                lang: lang.as_deref(),
                documents: &doc,
                format,
            };
            stale::run(&dir, &options, messages, &mut out)?
        }
        Command::Export {
            lang,
            format,
            state,
            doc,
            output,
        } => {
            let options = export::Options {
                lang: &lang,
                format,
                states: &state,
                documents: &doc,
                output: output.as_deref(),
            };
            export::run(&dir, &options, messages, &mut out)?
        }
        Command::Import {
            files,
            lang,
            state,
            dry_run,
            partial,
        } => {
            let options = import::Options {
                files: &files,
                lang: lang.as_deref(),
                state: state.as_deref(),
                dry_run,
                partial,
            };
            import::run(&dir, &options, messages)?
        }
        Command::Translate {
            lang,
            command,
            doc,
            batch,
            timeout,
            force,
        } => {
            let options = translate::Options {
                lang: &lang,
                command: command.as_deref(),
                documents: &doc,
                batch,
                timeout,
                force,
            };
            translate::run(&dir, &options, messages)?
        }
        Command::Tm {
            command:
                TmCommand::Search {
                    text,
                    lang,
                    min,
                    limit,
                    format,
                },
        } => {
            let search = tm::Search {
                text: &text,
                lang: &lang,
                min,
                limit,
                format,
            };
            tm::search(&dir, &search, messages, &mut out)?
        }
    };
    out.flush().map_err(Failure::stdout)?;
    Ok(code)
}

/// Reads and parses one posting given on the command line.
fn read_posting(path: &Path, rules: &Rules) -> Result<Document, Failure> {
    let bytes = crate::project::read_posting_bytes(path)?;
    crate::posting::parse(&bytes, rules).map_err(|e| Failure::posting(path, &e))
}

/// The rules of the project around `dir`, or the defaults outside one.
fn rules_near(dir: &Path) -> Result<Rules, Failure> {
    match crate::project::Project::find(dir)? {
        Some(project) => Ok(project.rules),
        None => Ok(Rules::default()),
    }
}

/// Prints a line to stderr: progress and summaries are for people and
/// never mix with data on stdout.
fn note(line: &str) {
    eprintln!("{line}");
}
