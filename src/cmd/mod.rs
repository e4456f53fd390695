//! One module per command. Commands call the library and print; the
//! library never prints.

mod adopt;
mod build;
mod check;
mod doctor;
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
pub mod settings;
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
    settings::set(settings::Settings {
        quiet: cli.quiet,
        verbose: cli.verbose,
        color: cli.color,
        ui_lang: cli.ui_lang.clone(),
    });
    crate::store::set_lock_wait(lock_wait()?);
    // `-C DIR` is "as if started in DIR", as git's: every relative path on
    // the command line, and the translate command's working directory.
    for dir in &cli.directory {
        std::env::set_current_dir(dir).map_err(|e| {
            Failure::new(
                crate::msg_id!("error-directory"),
                vec![
                    ("path", dir.display().to_string()),
                    ("error", e.to_string()),
                ],
            )
        })?;
    }
    // The project is found from here upwards (`Project::open`).
    let dir = std::path::PathBuf::from(".");
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
        Command::Doctor => doctor::run(&dir, messages, &mut out)?,
        Command::Completions(args) => {
            let mut command = crate::cli_l10n::command(messages, Some("tolkar"));
            // Into memory first: clap_complete panics on a failed write
            // (`tolkar completions bash | head`).
            let mut script = Vec::new();
            clap_complete::generate(args.shell, &mut command, "tolkar", &mut script);
            out.write_all(&script).map_err(Failure::stdout)?;
            0
        }
    };
    out.flush().map_err(Failure::stdout)?;
    Ok(code)
}

/// How long a command waits for another's write lock on the store:
/// `TOLKAR_LOCK_TIMEOUT_MS`, or 10 s (also when it is set empty, as
/// shells and CI files leave a variable); it says so after a second.
fn lock_wait() -> Result<crate::store::LockWait, Failure> {
    use crate::store::LockWait;
    let value = std::env::var_os("TOLKAR_LOCK_TIMEOUT_MS")
        .filter(|v| !v.to_string_lossy().trim().is_empty());
    let timeout = match value {
        None => LockWait::DEFAULT_TIMEOUT,
        Some(value) => match value.to_str().and_then(|v| v.trim().parse::<u64>().ok()) {
            Some(ms) => std::time::Duration::from_millis(ms),
            None => {
                return Err(Failure::new(
                    crate::msg_id!("error-lock-timeout-env"),
                    vec![(
                        "value",
                        crate::visible::visible(&value.to_string_lossy()).into_owned(),
                    )],
                ));
            }
        },
    };
    Ok(LockWait {
        timeout,
        notice: Some(waiting),
    })
}

/// Said once when a command has waited a second for the store.
fn waiting(database: &Path) {
    let messages = Messages::from_env(settings::get().ui_lang.as_deref());
    note(&crate::tr!(
        &messages,
        "store-waiting",
        path = database.display().to_string()
    ));
}

/// A path a user gave for a posting of the site, as the site names it:
/// relative to where tolkar was started when that file exists there (from
/// a subdirectory, `x.md` is `content/da/x.md`), else as given.
fn site_path(root: &Path, given: &str) -> String {
    let here = Path::new(given);
    if root == Path::new(".") || here.is_absolute() || !here.exists() {
        return given.to_string();
    }
    let (Ok(file), Ok(root)) = (std::fs::canonicalize(here), std::fs::canonicalize(root)) else {
        return given.to_string();
    };
    match file.strip_prefix(&root) {
        Ok(within) => within.to_string_lossy().replace('\\', "/"),
        Err(_) => given.to_string(),
    }
}

/// Reads and parses one posting given on the command line.
/// Reads and parses the posting at `path` for `extract` and `pseudo`; one
/// larger than the project's `[limits] posting_size` (the default outside
/// a project) is refused by its size, before it is read.
fn read_posting(path: &Path, near: &Near) -> Result<Document, Failure> {
    let bytes = crate::unreadable::read_posting_within(path, near.posting_size)
        .map_err(|e| Failure::read(path, &e))?;
    crate::posting::parse(&bytes, &near.rules).map_err(|e| Failure::posting(path, &e))
}

/// What `extract` and `pseudo` take from the project around them.
struct Near {
    rules: Rules,
    posting_size: crate::limits::ByteSize,
}

/// The rules and limits of the project around `dir`, or the defaults
/// outside one.
fn rules_near(dir: &Path) -> Result<Near, Failure> {
    Ok(match crate::project::Project::find(dir)? {
        Some(project) => Near {
            posting_size: project.config.limits.posting_size,
            rules: project.rules,
        },
        None => Near {
            rules: Rules::default(),
            posting_size: crate::limits::Limits::default().posting_size,
        },
    })
}

/// Whether stdout is colored: `--color`, else a terminal without
/// `NO_COLOR`.
fn color_wanted() -> bool {
    use std::io::IsTerminal;
    settings::color_for(std::io::stdout().is_terminal())
}

/// Prints a line to stderr: progress and summaries are for people and
/// never mix with data on stdout. `--quiet` silences them (never errors).
fn note(line: &str) {
    if !settings::get().quiet {
        eprintln!("{line}");
    }
}

/// A line only `--verbose` prints.
fn detail(line: &str) {
    if settings::get().verbose {
        eprintln!("{line}");
    }
}

/// Under `--verbose`, how long a stage took.
fn timing(stage: settings::Stage) {
    if settings::get().verbose {
        let messages = Messages::from_env(settings::get().ui_lang.as_deref());
        let (stage, seconds) = stage.done();
        detail(&crate::tr!(
            &messages,
            "verbose-timing",
            stage = stage,
            seconds = seconds
        ));
    }
}
