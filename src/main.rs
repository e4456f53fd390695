//! The `tolkar` binary: parse the command line (its help in the UI
//! language), run the command, turn the outcome into an exit status.
//! Everything else is in the library.

use std::process::ExitCode;

use tolkar::cmd;
use tolkar::i18n::Messages;

// mimalloc: sync, load and build allocate many small strings across
// threads, where it is about a fifth faster than the system allocator
// (docs/benchmarks.md). Without transparent huge pages (`no_thp`): with
// them, every arena touched is backed by 2 MB at once, 11 MB more at the
// peak of a cold sync of 10,000 postings and 18 MB more for a build, for
// no measurable gain in time.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = match tolkar::cli_l10n::parse(std::env::args_os()) {
        Ok(cli) => cli,
        Err(refusal) => {
            refusal.print();
            return ExitCode::from(refusal.exit_code());
        }
    };
    let messages = Messages::from_env(cli.ui_lang.as_deref());
    match cmd::run(cli, &messages) {
        Ok(code) => ExitCode::from(code),
        Err(failure) if failure.is_broken_pipe() => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!(
                "tolkar: {}: {}",
                messages.get(tolkar::msg_id!("error-prefix"), &[]),
                failure.message(&messages)
            );
            ExitCode::from(failure.exit_code())
        }
    }
}
