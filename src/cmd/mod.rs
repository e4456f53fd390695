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
mod merge;
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

use crate::cli::{Cli, Command, ReviewCommand, TmCommand};
use crate::i18n::Messages;
use crate::posting::{Document, Rules};

/// Runs one command; returns the exit status.
pub fn run(cli: Cli, messages: &Messages) -> Result<u8, Failure> {
    let dir = cli.directory.clone().unwrap_or_else(|| ".".into());
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let code = match &cli.command {
        Command::Extract(args) => extract::run(&dir, args, messages, &mut out)?,
        Command::Pseudo(args) => pseudo::run(&dir, args, &mut out)?,
        Command::Init(args) => init::run(&dir, args, messages, &mut out)?,
        Command::Sync => sync::run(&dir, messages)?,
        Command::Status(args) => status::run(&dir, args, messages, &mut out)?,
        Command::Build(args) => build::run(&dir, args, messages)?,
        Command::Merge(args) => merge::run(&dir, args, messages, &mut out)?,
        Command::Report(args) => report::run(&dir, args, messages, &mut out)?,
        Command::Adopt(args) => adopt::run(&dir, args, messages, &mut out)?,
        Command::Review {
            action: ReviewCommand::Step(args),
        } => {
            let stdin = std::io::stdin();
            review_step::run(&dir, args, messages, &mut stdin.lock(), &mut out)?
        }
        Command::Review {
            action: ReviewCommand::Confirm(selection),
        } => review::run(
            &dir,
            crate::ops::review::Action::Confirm,
            selection,
            messages,
        )?,
        Command::Review {
            action: ReviewCommand::Approve(selection),
        } => review::run(
            &dir,
            crate::ops::review::Action::Approve,
            selection,
            messages,
        )?,
        Command::Review {
            action: ReviewCommand::Set(args),
        } => review::set(&dir, args, messages)?,
        Command::Check(args) => check::run(&dir, args, messages, &mut out)?,
        Command::Stale(args) => stale::run(&dir, args, messages, &mut out)?,
        Command::Export(args) => export::run(&dir, args, messages, &mut out)?,
        Command::Import(args) => import::run(&dir, args, messages)?,
        Command::Translate(args) => translate::run(&dir, args, messages)?,
        Command::Tm {
            command: TmCommand::Search(args),
        } => tm::search(&dir, args, messages, &mut out)?,
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

/// Whether stdout is a terminal that wants colour (and `NO_COLOR` unset).
fn color_wanted() -> bool {
    use std::io::IsTerminal;
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

/// Prints a line to stderr: progress and summaries are for people and
/// never mix with data on stdout.
fn note(line: &str) {
    eprintln!("{line}");
}
