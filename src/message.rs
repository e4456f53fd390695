//! What an error says to people, before it is put into words: a Fluent
//! message id with its arguments. Library errors describe themselves this
//! way (`Diagnostic`); only `cmd` turns a `Message` into text, in the
//! reader's language, and decides the exit status.

use std::path::Path;

/// A Fluent message id (checked at compile time by `msg_id!`) and its
/// arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub id: &'static str,
    pub args: Vec<(&'static str, String)>,
}

impl Message {
    pub fn new(id: &'static str, args: Vec<(&'static str, String)>) -> Message {
        Message { id, args }
    }

    /// `id` with a `path` argument first.
    pub fn at_path(
        id: &'static str,
        path: &Path,
        mut args: Vec<(&'static str, String)>,
    ) -> Message {
        args.insert(0, ("path", path.display().to_string()));
        Message { id, args }
    }
}

/// An error people can act on: it says which message describes it.
pub trait Diagnostic: std::error::Error {
    fn message(&self) -> Message;

    /// Whether it is a closed pipe on stdout (`tolkar … | head`), which is
    /// no failure.
    fn is_broken_pipe(&self) -> bool {
        false
    }
}

/// An I/O error on `path`, as a message.
/// "cannot write PATH: why".
pub fn write(path: &Path, err: &std::io::Error) -> Message {
    Message::at_path(
        crate::msg_id!("error-write"),
        path,
        vec![("error", err.to_string())],
    )
}

pub fn io(path: &Path, err: &std::io::Error) -> Message {
    Message::at_path(
        crate::msg_id!("error-io"),
        path,
        vec![("error", err.to_string())],
    )
}
