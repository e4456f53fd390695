//! The placeholder notation in segment text: `<1>…</1>` for paired markup,
//! `<2/>` for standalone markup. A translation may move placeholders but
//! must keep exactly the same set, with pairs nested properly.

use std::collections::BTreeMap;
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Token<'a> {
    Text(&'a str),
    Open(u32),
    Close(u32),
    Standalone(u32),
}

/// Ranges of everything in `text` that reads as a placeholder tag.
pub fn literal_tags(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    tags(text).map(|(range, _)| range)
}

/// Every placeholder tag in `text`: its range and what it is.
fn tags(text: &str) -> impl Iterator<Item = (Range<usize>, Token<'static>)> + '_ {
    let bytes = text.as_bytes();
    text.match_indices('<').filter_map(move |(start, _)| {
        let mut i = start + 1;
        let closing = bytes.get(i) == Some(&b'/');
        if closing {
            i += 1;
        }
        let digits = i;
        while bytes.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        // `<0>` and numbers too large to be an id are plain text.
        if bytes.get(digits) == Some(&b'0') {
            return None;
        }
        let id = text.get(digits..i)?.parse::<u32>().ok()?;
        let standalone = !closing && bytes.get(i) == Some(&b'/');
        if standalone {
            i += 1;
        }
        (bytes.get(i) == Some(&b'>')).then_some((
            start..i + 1,
            match (closing, standalone) {
                (true, _) => Token::Close(id),
                (false, true) => Token::Standalone(id),
                (false, false) => Token::Open(id),
            },
        ))
    })
}

/// Splits text into text runs and placeholder tags.
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::new();
    let mut pos = 0;
    // Tags are ASCII and found at a `<`: every cut is a character boundary.
    for (range, token) in tags(text) {
        if range.start > pos {
            tokens.push(Token::Text(&text[pos..range.start]));
        }
        tokens.push(token);
        pos = range.end;
    }
    if pos < text.len() {
        tokens.push(Token::Text(&text[pos..]));
    }
    tokens
}

/// What is wrong with the placeholders of a translation.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PlaceholderError {
    #[error("placeholder {tag} is missing")]
    Missing { tag: String },
    #[error("placeholder {tag} is not in the source")]
    Unknown { tag: String },
    #[error("placeholder {tag} appears more than once")]
    Repeated { tag: String },
    #[error("placeholder {tag} is not closed where it should be")]
    BadNesting { tag: String },
}

impl crate::message::Diagnostic for PlaceholderError {
    fn message(&self) -> crate::message::Message {
        let (id, tag) = match self {
            PlaceholderError::Missing { tag } => {
                (crate::msg_id!("import-refused-missing-placeholder"), tag)
            }
            PlaceholderError::Unknown { tag } => {
                (crate::msg_id!("import-refused-unknown-placeholder"), tag)
            }
            PlaceholderError::Repeated { tag } => {
                (crate::msg_id!("import-refused-repeated-placeholder"), tag)
            }
            PlaceholderError::BadNesting { tag } => (crate::msg_id!("import-refused-nesting"), tag),
        };
        crate::message::Message::new(id, vec![("tag", tag.clone())])
    }
}

/// The shape of each placeholder id: paired or standalone.
pub fn shapes(text: &str) -> BTreeMap<u32, bool> {
    tokenize(text)
        .into_iter()
        .filter_map(|t| match t {
            Token::Open(id) => Some((id, true)),
            Token::Standalone(id) => Some((id, false)),
            _ => None,
        })
        .collect()
}

/// Checks that `translation` has the placeholders of `source`, each once,
/// pairs properly nested. Order may change.
pub fn check(source: &str, translation: &str) -> Result<(), PlaceholderError> {
    let expected = shapes(source);
    let mut seen: BTreeMap<u32, bool> = BTreeMap::new();
    let mut open: Vec<u32> = Vec::new();
    for token in tokenize(translation) {
        let (id, paired, tag) = match token {
            Token::Text(_) => continue,
            Token::Open(id) => (id, true, format!("<{id}>")),
            Token::Standalone(id) => (id, false, format!("<{id}/>")),
            Token::Close(id) => {
                if open.pop() != Some(id) {
                    return Err(PlaceholderError::BadNesting {
                        tag: format!("</{id}>"),
                    });
                }
                continue;
            }
        };
        if expected.get(&id) != Some(&paired) {
            return Err(PlaceholderError::Unknown { tag });
        }
        if seen.insert(id, paired).is_some() {
            return Err(PlaceholderError::Repeated { tag });
        }
        if paired {
            open.push(id);
        }
    }
    if let Some(id) = open.pop() {
        return Err(PlaceholderError::BadNesting {
            tag: format!("<{id}>"),
        });
    }
    if let Some((&id, &paired)) = expected.iter().find(|(id, _)| !seen.contains_key(id)) {
        let tag = if paired {
            format!("<{id}>")
        } else {
            format!("<{id}/>")
        };
        return Err(PlaceholderError::Missing { tag });
    }
    Ok(())
}

/// Checks a translation of text in which tags are plain text (a
/// front-matter value): the translation may keep or drop the source's
/// `<1>`, but a tag the source does not have (`<99/>`, `</3>`), or has
/// fewer times, would read as a placeholder everywhere else and is refused.
pub fn check_literal(source: &str, translation: &str) -> Result<(), PlaceholderError> {
    let mut left: BTreeMap<&str, usize> = BTreeMap::new();
    for range in literal_tags(source) {
        *left.entry(&source[range]).or_default() += 1;
    }
    for range in literal_tags(translation) {
        let tag = &translation[range];
        match left.get_mut(tag) {
            Some(0) => return Err(PlaceholderError::Repeated { tag: tag.into() }),
            Some(n) => *n -= 1,
            None => return Err(PlaceholderError::Unknown { tag: tag.into() }),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokenizes_tags_and_leaves_other_angle_brackets() {
        assert_eq!(
            tokenize("a <1>b</1> <2/> 1 < 2 <x> <0>"),
            [
                Token::Text("a "),
                Token::Open(1),
                Token::Text("b"),
                Token::Close(1),
                Token::Text(" "),
                Token::Standalone(2),
                Token::Text(" 1 < 2 <x> <0>"),
            ]
        );
        // Pinned: a huge number once panicked while parsing the id.
        assert_eq!(tokenize("<99999999999>"), [Token::Text("<99999999999>")]);
    }

    #[test]
    fn accepts_moved_placeholders_and_refuses_broken_ones() {
        let source = "Read <1>the <2>guide</2></1> now<3/>";
        assert_eq!(
            check(source, "<3/>Now read <1>the <2>guide</2></1>"),
            Ok(())
        );
        assert!(matches!(
            check(source, "Read the guide<3/>"),
            Err(PlaceholderError::Missing { .. })
        ));
        assert!(matches!(
            check(source, "<1>a <2>b</2></1><3/><4/>"),
            Err(PlaceholderError::Unknown { .. })
        ));
        assert!(matches!(
            check(source, "<1>a <2>b</1></2><3/>"),
            Err(PlaceholderError::BadNesting { .. })
        ));
        assert!(matches!(
            check(source, "<1>a <2>b</2></1><3/><3/>"),
            Err(PlaceholderError::Repeated { .. })
        ));
        assert!(matches!(
            check(source, "<1/> <2>b</2><3/>"),
            Err(PlaceholderError::Unknown { .. })
        ));
    }

    #[test]
    fn plain_text_keeps_or_drops_the_source_tags_and_adds_none() {
        assert_eq!(check_literal("Team", "Team"), Ok(()));
        assert_eq!(check_literal("Tre <1> skäl", "Three <1> reasons"), Ok(()));
        assert_eq!(check_literal("Tre <1> skäl", "Three reasons"), Ok(()));
        // The machine answer for a front-matter value.
        assert_eq!(
            check_literal("Produktutvecklingsteam", "Produktutvecklingsteam <99/>"),
            Err(PlaceholderError::Unknown {
                tag: "<99/>".into()
            })
        );
        for tag in ["</3>", "<3>", "<1/>"] {
            assert!(
                matches!(
                    check_literal("Tre <1> skäl", &format!("Three {tag}")),
                    Err(PlaceholderError::Unknown { .. })
                ),
                "{tag}"
            );
        }
        assert!(matches!(
            check_literal("Tre <1> skäl", "Three <1> <1>"),
            Err(PlaceholderError::Repeated { .. })
        ));
        // Angle brackets that are no tag stay text.
        assert_eq!(check_literal("a", "1 < 2 <x> <0> <b>"), Ok(()));
    }
}
