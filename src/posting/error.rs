//! What can be wrong with a posting, with the place it is wrong.

use super::location::Location;

/// A posting that cannot be split into skeleton and segments.
///
/// Each variant carries the 1-based location of the problem; the caller
/// adds the file path. Messages for people come from Fluent (`msg_id` and
/// `args`); `Display` is the English form for logs and tests.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PostingError {
    #[error("{at}: not valid UTF-8")]
    NotUtf8 { at: Location },
    #[error("{at}: front matter opened with {delimiter} is never closed")]
    FrontMatterUnclosed { at: Location, delimiter: String },
    #[error("{at}: invalid {format} front matter: {reason}")]
    FrontMatterSyntax {
        at: Location,
        format: &'static str,
        reason: String,
    },
    #[error("{at}: shortcode tag is never closed (expected {expected})")]
    ShortcodeUnclosed {
        at: Location,
        expected: &'static str,
    },
    #[error("{at}: invalid shortcode: {reason}")]
    ShortcodeSyntax { at: Location, reason: String },
    #[error("{at}: closing shortcode {name} has no opening tag")]
    ShortcodeOrphanClose { at: Location, name: String },
    #[error("{at}: shortcode {name} closes across {other} (crossed nesting)")]
    ShortcodeCrossed {
        at: Location,
        name: String,
        other: String,
    },
}

impl PostingError {
    pub fn location(&self) -> Location {
        match self {
            PostingError::NotUtf8 { at }
            | PostingError::FrontMatterUnclosed { at, .. }
            | PostingError::FrontMatterSyntax { at, .. }
            | PostingError::ShortcodeUnclosed { at, .. }
            | PostingError::ShortcodeSyntax { at, .. }
            | PostingError::ShortcodeOrphanClose { at, .. }
            | PostingError::ShortcodeCrossed { at, .. } => *at,
        }
    }

    /// The Fluent message id and its arguments (besides path, line, column).
    pub fn message(&self) -> (&'static str, Vec<(&'static str, String)>) {
        match self {
            PostingError::NotUtf8 { .. } => ("error-not-utf8", vec![]),
            PostingError::FrontMatterUnclosed { delimiter, .. } => (
                "error-front-matter-unclosed",
                vec![("delimiter", delimiter.clone())],
            ),
            PostingError::FrontMatterSyntax { format, reason, .. } => (
                "error-front-matter-syntax",
                vec![("format", format.to_string()), ("reason", reason.clone())],
            ),
            PostingError::ShortcodeUnclosed { expected, .. } => (
                "error-shortcode-unclosed",
                vec![("expected", expected.to_string())],
            ),
            PostingError::ShortcodeSyntax { reason, .. } => {
                ("error-shortcode-syntax", vec![("reason", reason.clone())])
            }
            PostingError::ShortcodeOrphanClose { name, .. } => {
                ("error-shortcode-orphan-close", vec![("name", name.clone())])
            }
            PostingError::ShortcodeCrossed { name, other, .. } => (
                "error-shortcode-crossed",
                vec![("name", name.clone()), ("other", other.clone())],
            ),
        }
    }
}
