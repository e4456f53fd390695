//! Where a stored translation came from, as the `origin` column holds it.

use std::fmt;
use std::str::FromStr;

/// Where a stored translation came from. The stored text is what
/// `Display` writes and `FromStr` reads back, byte for byte.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Origin {
    /// Aligned from a localized posting by `adopt`: `adopted`.
    Adopted,
    /// A stale translation confirmed for the new source: `review:confirm`.
    ReviewConfirm,
    /// A text set by `review set`: `review:set`.
    ReviewSet,
    /// Imported from a file, by its name: `import:FILE`.
    Import(String),
    /// From a machine-translation command: `mt:COMMAND`.
    Machine(String),
    /// Copied by the translation memory from the segment `path#key`:
    /// `memory:PATH#KEY` (written by `Tx::fill_from_memory` in SQL).
    Memory(String),
}

const ADOPTED: &str = "adopted";
const REVIEW_CONFIRM: &str = "review:confirm";
const REVIEW_SET: &str = "review:set";
const IMPORT: &str = "import:";
const MACHINE: &str = "mt:";
/// Also in the statement of `Tx::fill_from_memory`.
pub(crate) const MEMORY: &str = "memory:";

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Adopted => f.write_str(ADOPTED),
            Origin::ReviewConfirm => f.write_str(REVIEW_CONFIRM),
            Origin::ReviewSet => f.write_str(REVIEW_SET),
            Origin::Import(file) => write!(f, "{IMPORT}{file}"),
            Origin::Machine(command) => write!(f, "{MACHINE}{command}"),
            Origin::Memory(id) => write!(f, "{MEMORY}{id}"),
        }
    }
}

/// An origin text no tolkar writes.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown origin {0:?}")]
pub struct UnknownOrigin(pub String);

impl FromStr for Origin {
    type Err = UnknownOrigin;

    fn from_str(s: &str) -> Result<Origin, UnknownOrigin> {
        let tail = |prefix: &str| s.strip_prefix(prefix).map(str::to_string);
        match s {
            ADOPTED => Ok(Origin::Adopted),
            REVIEW_CONFIRM => Ok(Origin::ReviewConfirm),
            REVIEW_SET => Ok(Origin::ReviewSet),
            _ => tail(IMPORT)
                .map(Origin::Import)
                .or_else(|| tail(MACHINE).map(Origin::Machine))
                .or_else(|| tail(MEMORY).map(Origin::Memory))
                .ok_or_else(|| UnknownOrigin(s.to_string())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_texts_read_back_exactly() {
        for text in [
            "adopted",
            "review:confirm",
            "review:set",
            "import:nb.po",
            "import:",
            "mt:python3 translate.py --to nb",
            "memory:content/sv/a.md#body:p[1]",
        ] {
            let origin: Origin = text.parse().unwrap();
            assert_eq!(origin.to_string(), text);
        }
        assert_eq!("mt:deepl".parse(), Ok(Origin::Machine("deepl".to_string())));
        for unknown in ["", "test", "Adopted", "review:approve", " adopted"] {
            assert_eq!(
                unknown.parse::<Origin>(),
                Err(UnknownOrigin(unknown.to_string()))
            );
        }
    }
}
