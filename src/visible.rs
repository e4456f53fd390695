//! Text from postings, stores and translators' files, made safe to show on
//! a terminal. A control character printed raw is an instruction to the
//! terminal (`\u{1b}[2J` clears the screen, `\r` overwrites the line), not
//! something a person can read; text for people shows it as an escape.

use std::borrow::Cow;

/// `text` with every control character except tab and line feed written
/// as `\u{1b}`; the two that make up layout stay as they are. Text without
/// control characters comes back as it is.
///
/// # Examples
///
/// ```
/// use tolkar::visible::visible;
/// assert_eq!(visible("a\u{1b}[31mb\r\n\tc"), "a\\u{1b}[31mb\\u{d}\n\tc");
/// assert_eq!(visible("Läs mer"), "Läs mer");
/// ```
pub fn visible(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_hidden) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_hidden(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A control character (C0, DEL or C1) other than tab and line feed.
pub fn is_hidden(c: char) -> bool {
    c.is_control() && c != '\t' && c != '\n'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_control_character_but_tab_and_newline_is_escaped() {
        for c in (0u32..0x20).chain(0x7f..0xa0).filter_map(char::from_u32) {
            let shown = visible(&c.to_string()).into_owned();
            if c == '\t' || c == '\n' {
                assert_eq!(shown, c.to_string());
            } else {
                assert!(!shown.contains(char::is_control), "{c:?}: {shown:?}");
                assert_eq!(shown, format!("\\u{{{:x}}}", u32::from(c)));
            }
        }
        assert_eq!(visible("\u{0}x\u{9b}"), "\\u{0}x\\u{9b}");
        assert!(matches!(visible("ordinary ÅÄÖ"), Cow::Borrowed(_)));
    }
}
