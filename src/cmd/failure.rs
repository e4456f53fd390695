//! Why a command stopped: a message id with its arguments, and the exit
//! status. Turned into words (in the user's language) only in `main`.

use std::io;
use std::path::Path;

use crate::i18n::{Arg, Messages};
use crate::message::{Diagnostic, Message};
use crate::posting::PostingError;

#[derive(Debug)]
pub struct Failure {
    id: &'static str,
    args: Vec<(&'static str, String)>,
    code: u8,
    broken_pipe: bool,
}

impl Failure {
    /// An input or usage error (exit status 2).
    pub fn new(id: &'static str, args: Vec<(&'static str, String)>) -> Failure {
        Failure {
            id,
            args,
            code: 2,
            broken_pipe: false,
        }
    }

    /// A message from the library, as an input error.
    pub fn from_message(message: Message) -> Failure {
        Failure::new(message.id, message.args)
    }

    pub fn posting(path: &Path, err: &PostingError) -> Failure {
        Failure::read(path, &crate::unreadable::ReadError::Posting(err.clone()))
    }

    /// A posting that could not be read.
    pub fn read(path: &Path, err: &crate::unreadable::ReadError) -> Failure {
        Failure::from_message(err.message(path))
    }

    pub fn io(path: &Path, err: &io::Error) -> Failure {
        let mut failure = Failure::new(
            crate::msg_id!("error-io"),
            vec![
                ("path", path.display().to_string()),
                ("error", err.to_string()),
            ],
        );
        failure.broken_pipe = err.kind() == io::ErrorKind::BrokenPipe;
        failure
    }

    /// A file named on the command line could not be written.
    pub fn write(path: &Path, err: &io::Error) -> Failure {
        Failure::new(
            crate::msg_id!("error-write"),
            vec![
                ("path", path.display().to_string()),
                ("error", err.to_string()),
            ],
        )
    }

    /// Writing to stdout failed; a closed pipe (`tolkar … | head`) is fine.
    pub fn stdout(err: io::Error) -> Failure {
        Failure::io(Path::new("<stdout>"), &err)
    }

    pub fn is_broken_pipe(&self) -> bool {
        self.broken_pipe
    }

    pub fn exit_code(&self) -> u8 {
        self.code
    }

    pub fn id(&self) -> &'static str {
        self.id
    }

    /// The message in the reader's language. Every argument is shown
    /// with its control characters as escapes (`crate::visible`): a unit
    /// id, a language code or a parser's reason may come from a file
    /// anybody wrote, and must not reach the terminal as instructions.
    pub fn message(&self, messages: &Messages) -> String {
        let args: Vec<(&str, Arg)> = self
            .args
            .iter()
            .map(|(k, v)| (*k, Arg::from(crate::visible::visible(v).into_owned())))
            .collect();
        messages.get(self.id, &args)
    }
}

/// How a transaction that may roll back on purpose ends: with a failure,
/// or with what was found, nothing stored (a dry run, refused units,
/// `check --no-write`).
pub enum Rollback<T> {
    Failure(Failure),
    Keep(T),
}

impl<T, E: Diagnostic> From<E> for Rollback<T> {
    fn from(e: E) -> Rollback<T> {
        Rollback::Failure(e.into())
    }
}

impl<T> From<Failure> for Rollback<T> {
    fn from(e: Failure) -> Rollback<T> {
        Rollback::Failure(e)
    }
}

/// Every library error says which message it is; a closed pipe stays one.
impl<E: Diagnostic> From<E> for Failure {
    fn from(err: E) -> Failure {
        let mut failure = Failure::from_message(err.message());
        failure.broken_pipe = err.is_broken_pipe();
        failure
    }
}
