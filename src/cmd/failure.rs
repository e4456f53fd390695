//! Why a command stopped: a message id with its arguments, and the exit
//! status. Turned into words (in the user's language) only in `main`.

use std::io;
use std::path::Path;

use crate::i18n::{Arg, Messages};
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

    pub fn posting(path: &Path, err: &PostingError) -> Failure {
        let (id, mut args) = err.message();
        let at = err.location();
        args.push(("path", path.display().to_string()));
        args.push(("line", at.line.to_string()));
        args.push(("column", at.column.to_string()));
        Failure::new(id, args)
    }

    /// A posting that could not be read.
    pub fn read(path: &Path, err: &crate::unreadable::ReadError) -> Failure {
        use crate::unreadable::ReadError;
        match err {
            ReadError::Posting(e) => Failure::posting(path, e),
            ReadError::Io(message) => Failure::new(
                crate::msg_id!("error-io"),
                vec![
                    ("path", path.display().to_string()),
                    ("error", message.clone()),
                ],
            ),
            ReadError::Directory => Failure::new(
                crate::msg_id!("error-is-directory"),
                vec![("path", path.display().to_string())],
            ),
            ReadError::Binary => Failure::new(
                crate::msg_id!("error-binary"),
                vec![("path", path.display().to_string())],
            ),
        }
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

    pub fn message(&self, messages: &Messages) -> String {
        let args: Vec<(&str, Arg)> = self
            .args
            .iter()
            .map(|(k, v)| (*k, Arg::from(v.as_str())))
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

impl<T> From<crate::store::StoreError> for Rollback<T> {
    fn from(e: crate::store::StoreError) -> Rollback<T> {
        Rollback::Failure(e.into())
    }
}

impl<T> From<Failure> for Rollback<T> {
    fn from(e: Failure) -> Rollback<T> {
        Rollback::Failure(e)
    }
}

impl From<crate::store::StoreError> for Failure {
    fn from(err: crate::store::StoreError) -> Failure {
        use crate::store::StoreError;
        match err {
            StoreError::Newer { path, found, known } => Failure::new(
                crate::msg_id!("error-db-newer"),
                vec![
                    ("path", path.display().to_string()),
                    ("found", found.to_string()),
                    ("known", known.to_string()),
                ],
            ),
            StoreError::Sqlite { path, source } => Failure::new(
                crate::msg_id!("error-db"),
                vec![
                    ("path", path.display().to_string()),
                    ("error", source.to_string()),
                ],
            ),
            StoreError::Io { path, source } => Failure::io(&path, &source),
        }
    }
}
