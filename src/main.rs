//! The `tolkar` binary: parse the command line (its help in the UI
//! language), run the command, turn the outcome into an exit status.
//! Everything else is in the library.

use std::process::ExitCode;

use tolkar::cmd;
use tolkar::i18n::Messages;

// mimalloc: sync, load and build allocate many small strings across
// threads, where it is about a fifth faster than the system allocator
// (docs/benchmarks.md).
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
