//! Control characters in a translation. A posting holds tab and line feed
//! as layout; any other control character (`\u{0}`, `\u{1b}[31m`) that
//! comes in through an exchange file or a machine answer would be built
//! into a posting that tolkar and other tools then refuse, and would reach
//! terminals raw. Only the source's own are allowed.

use crate::visible::is_hidden;

/// A control character where a translation may have none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("control character U+{:04X} at character {position}", u32::from(*character))]
pub struct ControlCharacter {
    pub character: char,
    /// 1-based, in characters of the translation.
    pub position: usize,
}

impl ControlCharacter {
    /// The character as people read it: `U+001B`.
    pub fn code(&self) -> String {
        format!("U+{:04X}", u32::from(self.character))
    }
}

/// The first control character of `translation`, other than tab and line
/// feed, that `source` does not have too.
pub fn check(source: &str, translation: &str) -> Result<(), ControlCharacter> {
    match translation
        .chars()
        .enumerate()
        .find(|&(_, c)| is_hidden(c) && !source.contains(c))
    {
        Some((i, character)) => Err(ControlCharacter {
            character,
            position: i + 1,
        }),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_tab_newline_and_the_sources_own_pass() {
        assert_eq!(check("a", "a\tb\nc"), Ok(()));
        assert_eq!(
            check("Finanschef", "Finans\u{1b}[31mchef"),
            Err(ControlCharacter {
                character: '\u{1b}',
                position: 7
            })
        );
        assert_eq!(
            check("x", "ö\u{0}").unwrap_err().code(),
            "U+0000".to_string()
        );
        assert!(check("x", "a\r\nb").is_err());
        assert!(check("x", "a\u{85}").is_err());
        // A source with a carriage return (a YAML "\r") may keep it.
        assert_eq!(check("a\rb", "c\rd"), Ok(()));
    }
}
