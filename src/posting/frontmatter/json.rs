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
    while let Some(&b) = bytes.get(i) {
        match b {
            b'"' => i = string_end(bytes, i).ok_or_else(|| unclosed(text, start))? - 1,
            b'{' | b'[' => depth += 1,
            // The first byte is `{`: the depth is at least 1 here.
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
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
    while let Some(&b) = bytes.get(i) {
        match b {
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
    // serde_json has accepted the object, and the scanner reads strings
    // and brackets as it does: it always finds every member. Were it ever
    // to run off the end, that is reported as serde_json reports it.
    let eof = || syntax_error(content.len(), "EOF while parsing a value".into());
    let decode = |span: Range<usize>| -> Result<String, PostingError> {
        let raw = content.get(span).ok_or_else(eof)?;
        serde_json::from_str(raw).map_err(|e| syntax_error(0, e.to_string()))
    };
    let mut fields = Vec::new();
    let bytes = content.as_bytes();
    for (key, value) in top_level_entries(bytes).ok_or_else(eof)? {
        let key = decode(key)?;
        match bytes.get(value.start) {
            Some(b'"') => fields.push(Field {
                key,
                item: None,
                value: decode(value.clone())?,
                span: value,
                style: ScalarStyle::Json,
            }),
            Some(b'[') => {
                let elements = array_elements(bytes, value).ok_or_else(eof)?;
                for (i, element) in elements.into_iter().enumerate() {
                    if bytes.get(element.start) == Some(&b'"') {
                        fields.push(Field {
                            key: key.clone(),
                            item: Some(i),
                            value: decode(element.clone())?,
                            span: element,
                            style: ScalarStyle::Json,
                        });
                    }
                }
            }
            _ => {}
        }
    }
    Ok(fields)
}

/// Key and value spans of the top-level members of a valid JSON object;
/// `None` if the text ends first.
fn top_level_entries(bytes: &[u8]) -> Option<Vec<(Range<usize>, Range<usize>)>> {
    let skip_ws = |mut i: usize| {
        while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        i
    };
    let mut entries = Vec::new();
    let mut i = skip_ws(skip_ws(0) + 1);
    while bytes.get(i) == Some(&b'"') {
        let key_end = string_end(bytes, i)?;
        let key = i..key_end;
        i = skip_ws(skip_ws(key_end) + 1); // past the colon
        let value_end = value_end(bytes, i)?;
        entries.push((key, i..value_end));
        i = skip_ws(value_end);
        if bytes.get(i) == Some(&b',') {
            i = skip_ws(i + 1);
        }
    }
    Some(entries)
}

/// The element spans of a valid JSON array; `None` if the text ends first.
fn array_elements(bytes: &[u8], array: Range<usize>) -> Option<Vec<Range<usize>>> {
    let skip_ws = |mut i: usize| {
        while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        i
    };
    let mut elements = Vec::new();
    let mut i = skip_ws(array.start + 1);
    while i < array.end && bytes.get(i) != Some(&b']') {
        let end = value_end(bytes, i)?;
        elements.push(i..end);
        i = skip_ws(end);
        if i < array.end && bytes.get(i) == Some(&b',') {
            i = skip_ws(i + 1);
        }
    }
    Some(elements)
}

/// The end of the JSON value at `start`; `None` if the text ends first.
fn value_end(bytes: &[u8], start: usize) -> Option<usize> {
    match bytes.get(start)? {
        b'"' => string_end(bytes, start),
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut i = start;
            loop {
                match bytes.get(i)? {
                    b'"' => {
                        i = string_end(bytes, i)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth = depth.checked_sub(1)?;
                        if depth == 0 {
                            return Some(i + 1);
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
        }
        _ => {
            let mut i = start;
            while bytes
                .get(i)
                .is_some_and(|&b| !matches!(b, b',' | b'}' | b']') && !b.is_ascii_whitespace())
            {
                i += 1;
            }
            Some(i)
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
