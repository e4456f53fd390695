//! One pass of a YAML event parser (saphyr) over the front matter: it
//! validates the whole of it and records, for the wanted top-level keys,
//! each string scalar (and each string item of a list) with its decoded
//! value and where it starts and ends.

use std::collections::HashMap;
use std::ops::Range;

use saphyr_parser::{Event, Parser, ScalarStyle as Style};

/// A string scalar the parser read: its decoded value and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Scalar {
    pub value: String,
    pub span: Range<usize>,
    /// Block scalars (`|`, `>`) start after their header.
    pub block: bool,
}

/// String scalars by top-level key and, for list items, index.
pub(super) type Scalars = HashMap<(String, Option<usize>), Scalar>;

/// Why the front matter is not valid YAML: the byte offset and the reason.
#[derive(Debug)]
pub(super) struct Invalid {
    pub offset: usize,
    pub reason: String,
}

enum Frame {
    Map {
        expect_key: bool,
        key: Option<String>,
    },
    Seq {
        index: usize,
    },
}

/// The wanted top-level string scalars, by key and list index; `None` if
/// the document is not a mapping.
pub(super) fn scalars(
    content: &str,
    wanted: &dyn Fn(&str) -> bool,
) -> Result<Option<Scalars>, Invalid> {
    let bytes_at = CharOffsets::new(content);
    let mut parser = Parser::new_from_str(content);
    let mut stack: Vec<Frame> = Vec::new();
    let mut found = HashMap::new();
    let mut is_mapping = false;
    while let Some(event) = parser.next_event() {
        let (event, span) = event.map_err(|e| Invalid {
            offset: bytes_at.byte(e.marker().index()),
            reason: e.info().to_string(),
        })?;
        match event {
            Event::MappingStart(..) => {
                if stack.is_empty() {
                    is_mapping = true;
                }
                stack.push(Frame::Map {
                    expect_key: true,
                    key: None,
                });
            }
            Event::SequenceStart(..) => stack.push(Frame::Seq { index: 0 }),
            Event::MappingEnd | Event::SequenceEnd => {
                stack.pop();
                completed(&mut stack, None);
            }
            Event::Scalar(value, style, _, tag) => {
                // A top-level key.
                if let [
                    Frame::Map {
                        expect_key: true, ..
                    },
                ] = stack.as_slice()
                {
                    completed(&mut stack, Some(value.into_owned()));
                    continue;
                }
                let slot = match stack.as_slice() {
                    [Frame::Map { key: Some(key), .. }] => Some((key.clone(), None)),
                    [Frame::Map { key: Some(key), .. }, Frame::Seq { index }] => {
                        Some((key.clone(), Some(*index)))
                    }
                    _ => None,
                };
                if let Some((key, item)) = slot
                    && wanted(&key)
                    && tag.is_none()
                    && (style != Style::Plain || plain_is_string(&value))
                {
                    let span = bytes_at.byte(span.start.index())..bytes_at.byte(span.end.index());
                    let block = matches!(style, Style::Literal | Style::Folded);
                    found.insert(
                        (key, item),
                        Scalar {
                            value: value.into_owned(),
                            span,
                            block,
                        },
                    );
                }
                completed(&mut stack, None);
            }
            Event::Alias(_) => completed(&mut stack, None),
            _ => {}
        }
    }
    Ok(is_mapping.then_some(found))
}

/// A node ended: its parent map now expects the next key or value (a
/// top-level key's text is kept for its value), a sequence the next item.
fn completed(stack: &mut [Frame], top_level_key: Option<String>) {
    let depth = stack.len();
    match stack.last_mut() {
        Some(Frame::Map { expect_key, key }) => {
            if *expect_key {
                *key = if depth == 1 { top_level_key } else { None };
            } else if depth == 1 {
                *key = None;
            }
            *expect_key = !*expect_key;
        }
        Some(Frame::Seq { index }) => *index += 1,
        None => {}
    }
}

/// Whether a plain scalar is a string under the YAML 1.2 core schema (not
/// null, a boolean or a number), as Hugo reads front matter.
fn plain_is_string(value: &str) -> bool {
    let lower = value.to_ascii_lowercase();
    if matches!(
        lower.as_str(),
        "" | "~" | "null" | "true" | "false" | ".nan" | ".inf" | "-.inf" | "+.inf"
    ) {
        return false;
    }
    let digits = value.strip_prefix(['-', '+']).unwrap_or(value);
    let number = digits.parse::<f64>().is_ok()
        && digits
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit() || c == '.');
    let radix = (digits.starts_with("0x") && i64::from_str_radix(&digits[2..], 16).is_ok())
        || (digits.starts_with("0o") && i64::from_str_radix(&digits[2..], 8).is_ok());
    !(number || radix)
}

/// Character indices (the parser's positions) to byte offsets.
struct CharOffsets<'a> {
    text: &'a str,
    ascii: bool,
}

impl<'a> CharOffsets<'a> {
    fn new(text: &'a str) -> Self {
        CharOffsets {
            text,
            ascii: text.is_ascii(),
        }
    }

    fn byte(&self, chars: usize) -> usize {
        if self.ascii {
            return chars.min(self.text.len());
        }
        self.text
            .char_indices()
            .nth(chars)
            .map_or(self.text.len(), |(i, _)| i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_scalars_that_are_not_strings() {
        for not in [
            "3", "-1.5", "true", "False", "null", "~", "0x1F", ".inf", "1e3",
        ] {
            assert!(!plain_is_string(not), "{not}");
        }
        for string in ["2025-03-14", "Hej", "v1.2", "1st", "yes"] {
            assert!(plain_is_string(string), "{string}");
        }
    }

    #[test]
    fn records_top_level_strings_and_list_items_with_spans() {
        let content =
            "Title: \"Bli \\\"x\\\"\"\nn: 3\nnested:\n  title: no\ntags:\n  - a\n  - 'b c'\nå: ö\n";
        let found = scalars(content, &|_| true).unwrap().unwrap();
        let get = |k: &str, i: Option<usize>| found.get(&(k.to_string(), i)).cloned().unwrap();
        assert_eq!(get("Title", None).value, "Bli \"x\"");
        assert_eq!(&content[get("Title", None).span], "\"Bli \\\"x\\\"\"");
        assert_eq!(&content[get("tags", Some(1)).span], "'b c'");
        assert_eq!(&content[get("å", None).span], "ö");
        assert!(!found.contains_key(&("n".to_string(), None)));
        assert!(
            !found.contains_key(&("title".to_string(), None)),
            "nested keys are not top-level"
        );
    }
}
