//! JSON front matter: an object at the start of the file. `serde_json`
//! validates it; a small scanner finds the span of each top-level string.

use std::ops::Range;

use super::{Field, ScalarStyle};
use crate::posting::error::PostingError;
use crate::posting::location::Location;

/// The end of the JSON object that starts at `start`, strings respected.
pub(super) fn object_end(text: &str, start: usize) -> Result<usize, PostingError> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut i = start;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => i = string_end(bytes, i).ok_or_else(|| unclosed(text, start))? - 1,
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                depth -= 1;
                if depth == 0 {
                    return Ok(i + 1);
                }
            }
            _ => {}
        }
        i += 1;
    }
    Err(unclosed(text, start))
}

fn unclosed(text: &str, start: usize) -> PostingError {
    PostingError::FrontMatterUnclosed {
        at: Location::of(text, start),
        delimiter: "{".into(),
    }
}

/// The offset after the closing quote of the string starting at `start`.
fn string_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return Some(i + 1),
            _ => i += 1,
        }
    }
    None
}

pub(super) fn fields(
    content: &str,
    syntax_error: &impl Fn(usize, String) -> PostingError,
) -> Result<Vec<Field>, PostingError> {
    if let Err(err) = serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(content) {
        let offset = offset_of(content, err.line(), err.column());
        let reason = err.to_string();
        let reason = reason
            .split(" at line ")
            .next()
            .unwrap_or(&reason)
            .to_string();
        return Err(syntax_error(offset, reason));
    }
    let mut fields = Vec::new();
    let bytes = content.as_bytes();
    for (key, value) in top_level_entries(bytes) {
        let key: String = serde_json::from_str(&content[key]).expect("validated above");
        let string = |item: Option<usize>, span: Range<usize>| Field {
            key: key.clone(),
            item,
            value: serde_json::from_str(&content[span.clone()]).expect("validated above"),
            span,
            style: ScalarStyle::Json,
        };
        match bytes[value.start] {
            b'"' => fields.push(string(None, value)),
            b'[' => {
                for (i, element) in array_elements(bytes, value).into_iter().enumerate() {
                    if bytes[element.start] == b'"' {
                        fields.push(string(Some(i), element));
                    }
                }
            }
            _ => {}
        }
    }
    Ok(fields)
}

/// Key and value spans of the top-level members of a valid JSON object.
fn top_level_entries(bytes: &[u8]) -> Vec<(Range<usize>, Range<usize>)> {
    let skip_ws = |mut i: usize| {
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        i
    };
    let mut entries = Vec::new();
    let mut i = skip_ws(skip_ws(0) + 1);
    while i < bytes.len() && bytes[i] == b'"' {
        let key_end = string_end(bytes, i).expect("valid JSON");
        let key = i..key_end;
        i = skip_ws(skip_ws(key_end) + 1); // past the colon
        let value_end = value_end(bytes, i);
        entries.push((key, i..value_end));
        i = skip_ws(value_end);
        if i < bytes.len() && bytes[i] == b',' {
            i = skip_ws(i + 1);
        }
    }
    entries
}

/// The element spans of a valid JSON array.
fn array_elements(bytes: &[u8], array: Range<usize>) -> Vec<Range<usize>> {
    let skip_ws = |mut i: usize| {
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        i
    };
    let mut elements = Vec::new();
    let mut i = skip_ws(array.start + 1);
    while i < array.end && bytes[i] != b']' {
        let end = value_end(bytes, i);
        elements.push(i..end);
        i = skip_ws(end);
        if i < array.end && bytes[i] == b',' {
            i = skip_ws(i + 1);
        }
    }
    elements
}

fn value_end(bytes: &[u8], start: usize) -> usize {
    match bytes[start] {
        b'"' => string_end(bytes, start).expect("valid JSON"),
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut i = start;
            loop {
                match bytes[i] {
                    b'"' => {
                        i = string_end(bytes, i).expect("valid JSON");
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return i + 1;
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
        }
        _ => {
            let mut i = start;
            while i < bytes.len()
                && !matches!(bytes[i], b',' | b'}' | b']')
                && !bytes[i].is_ascii_whitespace()
            {
                i += 1;
            }
            i
        }
    }
}

/// The byte offset of a 1-based line and column as serde_json reports them.
fn offset_of(content: &str, line: usize, column: usize) -> usize {
    let line_start: usize = content
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let line_text = &content[line_start.min(content.len())..];
    let within: usize = line_text
        .chars()
        .take(column.saturating_sub(1))
        .map(char::len_utf8)
        .sum();
    (line_start + within).min(content.len())
}
