//! Postings that cannot be read: why, and where.
//!
//! One unreadable posting never stops the others. Sync records the problem
//! with the posting's document and leaves what is stored for it (segments,
//! translations) exactly as it was; `status`, `check` and `report` list it
//! until the posting reads again. Messages are kept as Fluent ids with
//! their arguments, so they are shown in the reader's language.

use std::io::{self, Read};
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::limits::ByteSize;
use crate::posting::{Location, PostingError};

/// Why a posting could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReadError {
    #[error("{0}")]
    Io(String),
    #[error("a directory, not a posting")]
    Directory,
    #[error("a binary file, not a posting")]
    Binary,
    /// Larger than `[limits] posting_size`: not read at all.
    #[error("{size} bytes, more than the limit of {limit}")]
    TooLarge { size: u64, limit: ByteSize },
    #[error(transparent)]
    Posting(PostingError),
}

impl ReadError {
    pub fn io(err: &io::Error) -> ReadError {
        ReadError::Io(err.to_string())
    }

    /// The message id, its own arguments and the place, if any.
    fn parts(&self) -> (&'static str, Vec<(&'static str, String)>, Option<Location>) {
        match self {
            ReadError::Io(message) => (
                crate::msg_id!("error-io"),
                vec![("error", message.clone())],
                None,
            ),
            ReadError::Directory => (crate::msg_id!("error-is-directory"), vec![], None),
            ReadError::Binary => (crate::msg_id!("error-binary"), vec![], None),
            ReadError::TooLarge { size, limit } => (
                crate::msg_id!("error-posting-too-large"),
                vec![
                    ("size", ByteSize(*size).to_string()),
                    ("limit", limit.to_string()),
                ],
                None,
            ),
            ReadError::Posting(err) => {
                let (id, args) = err.message();
                (id, args, Some(err.location()))
            }
        }
    }

    /// The message for this error in the posting at `path`.
    pub fn message(&self, path: &Path) -> crate::message::Message {
        let (id, mut args, at) = self.parts();
        if let Some(at) = at {
            args.push(("line", at.line.to_string()));
            args.push(("column", at.column.to_string()));
        }
        crate::message::Message::at_path(id, path, args)
    }
}

/// A posting that could not be read, with the problem as it is shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unreadable {
    /// Relative to the project root, with `/`.
    pub path: String,
    pub problem: Problem,
}

/// A problem as a message: its Fluent id, its arguments (besides path,
/// line and column) and where it is, if a place is known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    pub id: String,
    pub args: Vec<(String, String)>,
    pub line: Option<usize>,
    pub column: Option<usize>,
}

impl Problem {
    pub fn of(error: &ReadError) -> Problem {
        let (id, args, at) = error.parts();
        Problem {
            id: id.to_string(),
            args: args.into_iter().map(|(k, v)| (k.to_string(), v)).collect(),
            line: at.map(|a| a.line),
            column: at.map(|a| a.column),
        }
    }

    /// The arguments of the message for `path`, place included (messages
    /// without a place do not use it).
    pub fn message_args(&self, path: &str) -> Vec<(String, String)> {
        let mut args = self.args.clone();
        args.push(("path".into(), path.to_string()));
        args.push(("line".into(), self.line.unwrap_or(1).to_string()));
        args.push(("column".into(), self.column.unwrap_or(1).to_string()));
        args
    }
}

impl Unreadable {
    pub fn new(path: &str, error: &ReadError) -> Unreadable {
        Unreadable {
            path: path.to_string(),
            problem: Problem::of(error),
        }
    }
}

/// Reads a posting's bytes, refusing directories and binary files.
pub fn read_posting_bytes(path: &Path) -> Result<Vec<u8>, ReadError> {
    if path.is_dir() {
        return Err(ReadError::Directory);
    }
    let bytes = std::fs::read(path).map_err(|e| ReadError::io(&e))?;
    refuse_binary(bytes)
}

/// Reads a posting's bytes like [`read_posting_bytes`], refusing also a
/// posting larger than `limit`, by its size before anything is read (and
/// by what it gives, should it grow meanwhile): parsing and building take
/// many times a posting's size in memory.
pub fn read_posting_within(path: &Path, limit: ByteSize) -> Result<Vec<u8>, ReadError> {
    let file = std::fs::File::open(path).map_err(|e| ReadError::io(&e))?;
    let meta = file.metadata().map_err(|e| ReadError::io(&e))?;
    if meta.is_dir() {
        return Err(ReadError::Directory);
    }
    let too_large = |size| ReadError::TooLarge { size, limit };
    if meta.len() > limit.bytes() {
        return Err(too_large(meta.len()));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit.bytes().saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| ReadError::io(&e))?;
    if bytes.len() as u64 > limit.bytes() {
        return Err(too_large(bytes.len() as u64));
    }
    refuse_binary(bytes)
}

fn refuse_binary(bytes: Vec<u8>) -> Result<Vec<u8>, ReadError> {
    if bytes[..bytes.len().min(8000)].contains(&0) {
        return Err(ReadError::Binary);
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_posting_over_the_limit_is_refused_before_it_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.md");
        std::fs::write(&path, "x".repeat(2_001)).unwrap();
        assert_eq!(
            read_posting_within(&path, ByteSize(2_000)),
            Err(ReadError::TooLarge {
                size: 2_001,
                limit: ByteSize(2_000)
            })
        );
        assert_eq!(
            read_posting_within(&path, ByteSize(2_001)).unwrap().len(),
            2_001
        );
        assert_eq!(
            read_posting_within(dir.path(), ByteSize(2_000)),
            Err(ReadError::Directory)
        );
        std::fs::write(&path, b"a\0b").unwrap();
        assert_eq!(
            read_posting_within(&path, ByteSize(10)),
            Err(ReadError::Binary)
        );
    }
}
