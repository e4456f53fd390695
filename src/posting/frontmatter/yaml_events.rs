//! One pass of a YAML event parser over the front matter: it validates the
//! whole of it and records, for the wanted top-level keys, each string
//! scalar (and each string item of a list) with its decoded value and where
//! it starts and ends.
//!
//! The parser is `libyaml-safer`, a safe port of libyaml: Hugo reads front
//! matter with a YAML library as lenient as libyaml, which accepts a quoted
//! title whose closing quote sits at column 0 of the next line, or a flow
//! list whose items and `]` are at column 0 (both seen on real sites that
//! Hugo builds, and refused by stricter YAML 1.2 parsers such as saphyr).
//! Its marks are byte offsets, so spans need no conversion.

use std::collections::HashMap;
use std::ops::Range;

use libyaml_safer::{EventData, Parser, ScalarStyle as Style};

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
        /// The keys seen so far: Hugo (0.152 and later) refuses a key
        /// written twice in one mapping.
        seen: std::collections::HashSet<String>,
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
    if let Some(offset) = tag_before_comma(content) {
        return Err(Invalid {
            offset,
            reason:
                "a tag followed directly by ',' in a flow collection (write a space before the ',')"
                    .into(),
        });
    }
    let mut input = content.as_bytes();
    let mut parser = Parser::new();
    parser.set_input_string(&mut input);
    let mut stack: Vec<Frame> = Vec::new();
    let mut found = HashMap::new();
    let mut is_mapping = false;
    loop {
        let event = parser.parse().map_err(|e| Invalid {
            offset: e
                .problem_mark()
                .map_or(content.len(), |m| clamp(content, m.index)),
            reason: match e.context() {
                Some(context) => format!("{}, {context}", e.problem()),
                None => e.problem().to_string(),
            },
        })?;
        let span = clamp(content, event.start_mark.index)..clamp(content, event.end_mark.index);
        match event.data {
            EventData::StreamEnd => break,
            EventData::MappingStart { .. } => {
                if stack.is_empty() {
                    is_mapping = true;
                }
                stack.push(Frame::Map {
                    expect_key: true,
                    key: None,
                    seen: std::collections::HashSet::new(),
                });
            }
            EventData::SequenceStart { .. } => stack.push(Frame::Seq { index: 0 }),
            EventData::MappingEnd | EventData::SequenceEnd => {
                stack.pop();
                completed(&mut stack, None);
            }
            EventData::Scalar {
                value, style, tag, ..
            } => {
                if let Some(Frame::Map {
                    expect_key: true,
                    seen,
                    ..
                }) = stack.last_mut()
                    && value != "<<"
                    && !seen.insert(value.clone())
                {
                    return Err(Invalid {
                        offset: span.start,
                        reason: format!("mapping key {value:?} is already defined above"),
                    });
                }
                // A top-level key.
                if let [
                    Frame::Map {
                        expect_key: true, ..
                    },
                ] = stack.as_slice()
                {
                    completed(&mut stack, Some(value));
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
                    let block = matches!(style, Style::Literal | Style::Folded);
                    found.insert((key, item), Scalar { value, span, block });
                }
                completed(&mut stack, None);
            }
            EventData::Alias { .. } => completed(&mut stack, None),
            _ => {}
        }
    }
    Ok(is_mapping.then_some(found))
}

/// Where a tag in a flow collection is followed directly by `,` (`[!a,
/// b]`): libyaml-safer 0.3 panics there (a `TODO` in its scanner) where
/// libyaml reads an empty tagged value, so such front matter is refused
/// before the parser sees it. A lexical scan, outside quotes and comments;
/// it can refuse a plain scalar like `[x !y, z]` as well, which no real
/// front matter has shown.
fn tag_before_comma(content: &str) -> Option<usize> {
    let bytes = content.as_bytes();
    let (mut depth, mut quote) = (0usize, None::<u8>);
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        match quote {
            Some(q) => {
                if c == b'\\' && q == b'"' {
                    i += 1;
                } else if c == q {
                    quote = None;
                }
            }
            None => match c {
                b'"' | b'\'' => quote = Some(c),
                b'#' if i == 0 || bytes[i - 1].is_ascii_whitespace() => {
                    while i < bytes.len() && bytes[i] != b'\n' {
                        i += 1;
                    }
                    continue;
                }
                b'[' | b'{' => depth += 1,
                b']' | b'}' => depth = depth.saturating_sub(1),
                b'!' if depth > 0
                    && (i == 0
                        || matches!(
                            bytes[i - 1],
                            b' ' | b'\t' | b'\n' | b'\r' | b'[' | b'{' | b','
                        )) =>
                {
                    let end = bytes[i..]
                        .iter()
                        .position(|b| b.is_ascii_whitespace() || b"[]{},".contains(b))
                        .map_or(bytes.len(), |n| i + n);
                    if bytes.get(end) == Some(&b',') {
                        return Some(i);
                    }
                    i = end;
                    continue;
                }
                _ => {}
            },
        }
        i += 1;
    }
    None
}

/// A parser mark as a byte offset into `content`, on a char boundary.
fn clamp(content: &str, index: u64) -> usize {
    let mut at = usize::try_from(index)
        .unwrap_or(usize::MAX)
        .min(content.len());
    while !content.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// A node ended: its parent map now expects the next key or value (a
/// top-level key's text is kept for its value), a sequence the next item.
fn completed(stack: &mut [Frame], top_level_key: Option<String>) {
    let depth = stack.len();
    match stack.last_mut() {
        Some(Frame::Map {
            expect_key, key, ..
        }) => {
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

    #[test]
    fn a_tag_before_a_comma_in_a_flow_list_is_refused_not_a_panic() {
        for (yaml, at) in [
            ("tags: [!a,b]\n", 7),
            ("x: {a: !t, b: c}\n", 7),
            ("tags: [\n!a,\n]\n", 8),
        ] {
            let error = scalars(yaml, &|_| true).unwrap_err();
            assert_eq!(error.offset, at, "{yaml}");
        }
        for yaml in [
            "title: \"Wow !a, b\"\n",
            "title: 'x [!a, b]'\n",
            "title: Hello !a, world\n",
            "tags: [!a , b]\n",
            "# [!a, b]\ntitle: x\n",
        ] {
            assert!(scalars(yaml, &|_| true).is_ok(), "{yaml}");
        }
    }
}
