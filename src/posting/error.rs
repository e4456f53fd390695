//! What can be wrong with a posting, with the place it is wrong.
//!
//! The problems and their places follow Hugo's page lexer, so that tolkar
//! refuses what Hugo refuses where Hugo does (see `tests/hugo_conformance.rs`).

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
    #[error(
        "{at}: a posting that starts with {found} must start with the {delimiter} of front matter"
    )]
    FrontMatterDelimiter {
        at: Location,
        found: char,
        delimiter: &'static str,
    },
    #[error(
        "{at}: a posting that starts with an HTML tag needs front matter (Hugo reads no plain HTML)"
    )]
    PlainHtml { at: Location },
    #[error("{at}: the HTML comment at the top is never closed with -->")]
    HtmlCommentUnclosed { at: Location },
    #[error("{at}: a posting that starts with a shortcode is read by Hugo as JSON front matter")]
    ShortcodeAtStart { at: Location },
    #[error("{at}: {problem}")]
    Shortcode {
        at: Location,
        problem: ShortcodeProblem,
    },
}

/// What is wrong with a shortcode tag, in Hugo's terms.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ShortcodeProblem {
    #[error("shortcode tag opened on line {opened} is never closed (expected {expected})")]
    Unclosed {
        expected: &'static str,
        /// The line of the tag's `{{<`; Hugo reports the end of the file.
        opened: usize,
    },
    #[error(
        "unexpected {found:?} in a shortcode tag (a value with other characters than letters, digits and - must be quoted)"
    )]
    UnexpectedChar { found: char },
    #[error("shortcode tag has no name")]
    NoName,
    #[error("a . in a shortcode name is only allowed in NAME.inline")]
    PeriodInName,
    #[error("closing tag, but no shortcode was opened before it")]
    CloseWithoutOpen,
    #[error("closing tag for shortcode {name}, which was never opened")]
    CloseNameUnknown { name: String },
    #[error("only spaces may follow the name in the closing tag of {name}")]
    CloseNotAlone { name: String },
    #[error("closing shortcode {name} has no open shortcode to close")]
    OrphanClose { name: String },
    #[error("quoted shortcode parameter is not closed on its line")]
    UnterminatedQuote,
    #[error("raw shortcode parameter (`…`) is never closed")]
    UnterminatedRaw,
    #[error("a backslash before ` in a shortcode parameter")]
    BadEscape,
    #[error("named and positional parameters are mixed (at {param:?})")]
    MixedParams { param: String },
    #[error(
        "shortcode {name} takes content (it is closed elsewhere in the page) and must be closed or self-closed"
    )]
    NotClosed { name: String },
    #[error("shortcode comment is never closed with {expected}")]
    CommentUnclosed { expected: String },
    #[error("inline shortcode {name} cannot hold other shortcodes")]
    InlineNested { name: String },
}

impl ShortcodeProblem {
    /// The Fluent message id and its arguments.
    fn message(&self) -> (&'static str, Vec<(&'static str, String)>) {
        match self {
            ShortcodeProblem::Unclosed { expected, opened } => (
                crate::msg_id!("error-shortcode-unclosed"),
                vec![
                    ("expected", expected.to_string()),
                    ("opened", opened.to_string()),
                ],
            ),
            ShortcodeProblem::UnexpectedChar { found } => (
                crate::msg_id!("error-shortcode-unexpected-char"),
                vec![("found", format!("{found:?}"))],
            ),
            ShortcodeProblem::NoName => (crate::msg_id!("error-shortcode-no-name"), vec![]),
            ShortcodeProblem::PeriodInName => {
                (crate::msg_id!("error-shortcode-period-in-name"), vec![])
            }
            ShortcodeProblem::CloseWithoutOpen => {
                (crate::msg_id!("error-shortcode-close-without-open"), vec![])
            }
            ShortcodeProblem::CloseNameUnknown { name } => (
                crate::msg_id!("error-shortcode-close-unknown"),
                vec![("name", name.clone())],
            ),
            ShortcodeProblem::CloseNotAlone { name } => (
                crate::msg_id!("error-shortcode-close-not-alone"),
                vec![("name", name.clone())],
            ),
            ShortcodeProblem::OrphanClose { name } => (
                crate::msg_id!("error-shortcode-orphan-close"),
                vec![("name", name.clone())],
            ),
            ShortcodeProblem::UnterminatedQuote => {
                (crate::msg_id!("error-shortcode-unterminated-quote"), vec![])
            }
            ShortcodeProblem::UnterminatedRaw => {
                (crate::msg_id!("error-shortcode-unterminated-raw"), vec![])
            }
            ShortcodeProblem::BadEscape => (crate::msg_id!("error-shortcode-bad-escape"), vec![]),
            ShortcodeProblem::MixedParams { param } => (
                crate::msg_id!("error-shortcode-mixed-params"),
                vec![("param", param.clone())],
            ),
            ShortcodeProblem::NotClosed { name } => (
                crate::msg_id!("error-shortcode-not-closed"),
                vec![("name", name.clone())],
            ),
            ShortcodeProblem::CommentUnclosed { expected } => (
                crate::msg_id!("error-shortcode-comment-unclosed"),
                vec![("expected", expected.clone())],
            ),
            ShortcodeProblem::InlineNested { name } => (
                crate::msg_id!("error-shortcode-inline-nested"),
                vec![("name", name.clone())],
            ),
        }
    }
}

impl PostingError {
    pub fn location(&self) -> Location {
        match self {
            PostingError::NotUtf8 { at }
            | PostingError::FrontMatterUnclosed { at, .. }
            | PostingError::FrontMatterSyntax { at, .. }
            | PostingError::FrontMatterDelimiter { at, .. }
            | PostingError::PlainHtml { at }
            | PostingError::HtmlCommentUnclosed { at }
            | PostingError::ShortcodeAtStart { at }
            | PostingError::Shortcode { at, .. } => *at,
        }
    }

    /// The Fluent message id and its arguments (besides path, line, column).
    pub fn message(&self) -> (&'static str, Vec<(&'static str, String)>) {
        match self {
            PostingError::NotUtf8 { .. } => (crate::msg_id!("error-not-utf8"), vec![]),
            PostingError::FrontMatterUnclosed { delimiter, .. } => (
                crate::msg_id!("error-front-matter-unclosed"),
                vec![("delimiter", delimiter.clone())],
            ),
            PostingError::FrontMatterSyntax { format, reason, .. } => (
                crate::msg_id!("error-front-matter-syntax"),
                vec![("format", format.to_string()), ("reason", reason.clone())],
            ),
            PostingError::FrontMatterDelimiter {
                found, delimiter, ..
            } => (
                crate::msg_id!("error-front-matter-delimiter"),
                vec![
                    ("found", found.to_string()),
                    ("delimiter", delimiter.to_string()),
                ],
            ),
            PostingError::PlainHtml { .. } => (crate::msg_id!("error-plain-html"), vec![]),
            PostingError::HtmlCommentUnclosed { .. } => {
                (crate::msg_id!("error-html-comment-unclosed"), vec![])
            }
            PostingError::ShortcodeAtStart { .. } => {
                (crate::msg_id!("error-shortcode-at-start"), vec![])
            }
            PostingError::Shortcode { problem, .. } => problem.message(),
        }
    }
}
