//! YAML front matter: validated by the YAML parser, located line by line.
//!
//! A small line-level locator finds the span of each top-level scalar as
//! written (block scalars with their header); a span is only trusted when
//! the event parser (`yaml_events`) saw the same scalar there.

use std::ops::Range;

use serde_yaml::Value;

use super::{Field, ScalarStyle, yaml_events};
use crate::posting::error::PostingError;

pub(super) fn fields(
    content: &str,
    syntax_error: &impl Fn(usize, String) -> PostingError,
    wanted: &dyn Fn(&str) -> bool,
) -> Result<Vec<Field>, PostingError> {
    let parsed = match yaml_events::scalars(content, wanted) {
        Ok(Some(parsed)) => parsed,
        // Empty front matter, or a scalar: nothing to translate.
        Ok(None) => return Ok(Vec::new()),
        Err(invalid) => return Err(syntax_error(invalid.offset, invalid.reason)),
    };
    let mut fields = Vec::new();
    for (key, item, span, style) in locate(content) {
        if !wanted(&key) {
            continue;
        }
        let Some(scalar) = parsed.get(&(key.clone(), item)) else {
            continue;
        };
        // Trust the locator's span only where the parser saw the same
        // scalar start there and the bytes agree with the value. The
        // locator's end is the one to keep: the parser's end of a block
        // scalar takes in the blank lines after it.
        let Some(raw) = content.get(span.clone()) else {
            continue;
        };
        // A quoted scalar without its quotes.
        let inner = raw.get(1..raw.len().saturating_sub(1)).unwrap_or_default();
        let agrees = match style {
            ScalarStyle::YamlBlock => scalar.block && span.start == scalar.span.start,
            _ if scalar.block || scalar.span.start != span.start => false,
            ScalarStyle::YamlPlain | ScalarStyle::YamlFlowPlain => {
                raw.split_whitespace().eq(scalar.value.split_whitespace())
            }
            ScalarStyle::YamlDouble => {
                raw.len() >= 2
                    && raw.ends_with('"')
                    && (raw.contains(['\\', '\n']) || inner == scalar.value)
            }
            ScalarStyle::YamlSingle => {
                raw.len() >= 2
                    && raw.ends_with('\'')
                    && (raw.contains('\n') || inner.replace("''", "'") == scalar.value)
            }
            ScalarStyle::Toml | ScalarStyle::Json => false,
        };
        if agrees {
            fields.push(Field {
                key,
                item,
                value: scalar.value.clone(),
                span,
                style,
            });
        }
    }
    Ok(fields)
}

/// A located scalar: its key, its index if it is a list item, its span.
///
/// The locator cuts lines at `\n`, and within a line at what it has found:
/// ASCII (`:`, quotes, `#`, `-`, brackets, commas) or the end of a trimmed
/// run. Its offsets are character boundaries.
type Located = (String, Option<usize>, Range<usize>, ScalarStyle);

/// The top-level `key: scalar` entries and the scalar items of top-level
/// `key: [a, b]` and `key:\n  - a` lists, with the span of each scalar.
fn locate(content: &str) -> Vec<Located> {
    let lines: Vec<Range<usize>> = line_ranges(content);
    let mut found = Vec::new();
    for (index, line) in lines.iter().enumerate() {
        let text = &content[line.clone()];
        let Some((key, value_offset)) = top_level_key(text) else {
            continue;
        };
        let value_start = line.start + value_offset;
        let rest = content[value_start..line.end].trim_end_matches('\r');
        let located = match rest.chars().next() {
            None | Some('#') => {
                let items = block_list(content, &lines[index + 1..]);
                if items.is_empty() {
                    // A scalar may also start on the next, indented line.
                    next_line_scalar(content, &lines[index + 1..])
                } else {
                    for (i, (span, style)) in items.into_iter().enumerate() {
                        found.push((key.clone(), Some(i), span, style));
                    }
                    None
                }
            }
            Some('[') => {
                for (i, (span, style)) in flow_list(content, value_start).into_iter().enumerate() {
                    found.push((key.clone(), Some(i), span, style));
                }
                None
            }
            Some('"') => quoted_end(content, value_start, '"')
                .map(|end| (value_start..end, ScalarStyle::YamlDouble)),
            Some('\'') => quoted_end(content, value_start, '\'')
                .map(|end| (value_start..end, ScalarStyle::YamlSingle)),
            Some('|') | Some('>') => {
                let mut end = trim_eol(
                    content,
                    value_start,
                    indented_block_end(content, &lines[index + 1..]).unwrap_or(line.end),
                );
                // With `+` (keep), trailing blank lines belong to the value.
                if rest.split('#').next().unwrap_or_default().contains('+') {
                    let last_text = end;
                    let after = lines.iter().skip_while(|l| l.start <= last_text);
                    for blank in after.take_while(|l| content[(*l).clone()].trim().is_empty()) {
                        end = blank.end;
                    }
                }
                Some((value_start..end, ScalarStyle::YamlBlock))
            }
            Some('{' | '&' | '*' | '!' | '%' | '@' | '`') => None,
            Some(_) => {
                let first_end = value_start + plain_len(rest);
                let end = indented_block_end(content, &lines[index + 1..]).unwrap_or(first_end);
                Some((
                    value_start..trim_eol(content, value_start, end.max(first_end)),
                    ScalarStyle::YamlPlain,
                ))
            }
        };
        if let Some((span, style)) = located {
            found.push((key, None, span, style));
        }
    }
    found
}

/// The scalar items of a block list (`- item` lines) after a key.
fn block_list(content: &str, following: &[Range<usize>]) -> Vec<(Range<usize>, ScalarStyle)> {
    let mut items = Vec::new();
    for line in following {
        let text = content[line.clone()].trim_end_matches('\r');
        if text.trim().is_empty() {
            continue;
        }
        let trimmed = text.trim_start();
        let Some(after_dash) = trimmed.strip_prefix("- ") else {
            break;
        };
        let start = line.start + (text.len() - after_dash.trim_start().len());
        let value = after_dash.trim_start();
        items.push(scalar_on_line(content, start, value));
    }
    items
}

/// A scalar that starts on the indented line after its key.
fn next_line_scalar(
    content: &str,
    following: &[Range<usize>],
) -> Option<(Range<usize>, ScalarStyle)> {
    let (at, line) = following
        .iter()
        .enumerate()
        .find(|(_, l)| !content[(*l).clone()].trim().is_empty())?;
    let text = content[line.clone()].trim_end_matches('\r');
    if !text.starts_with([' ', '\t']) {
        return None;
    }
    let value = text.trim_start();
    let start = line.start + (text.len() - value.len());
    match value.chars().next()? {
        q @ ('"' | '\'') => {
            let end = quoted_end(content, start, q)?;
            let style = if q == '"' {
                ScalarStyle::YamlDouble
            } else {
                ScalarStyle::YamlSingle
            };
            Some((start..end, style))
        }
        '|' | '>' | '[' | '{' | '&' | '*' | '!' | '-' => None,
        _ => {
            let first_end = start + plain_len(value);
            let end = indented_block_end(content, &following[at + 1..]).unwrap_or(first_end);
            Some((
                start..trim_eol(content, start, end.max(first_end)),
                ScalarStyle::YamlPlain,
            ))
        }
    }
}

/// The items of a one-line flow list `[a, "b", 'c']` starting at `start`.
fn flow_list(content: &str, start: usize) -> Vec<(Range<usize>, ScalarStyle)> {
    let line_end = content[start..]
        .find('\n')
        .map_or(content.len(), |i| start + i);
    let mut items = Vec::new();
    let mut pos = start + 1;
    loop {
        let rest = &content[pos..line_end];
        let skipped = rest.len() - rest.trim_start().len();
        pos += skipped;
        let rest = &content[pos..line_end];
        if rest.is_empty() || rest.starts_with(']') {
            break;
        }
        let end = match rest.chars().next() {
            Some(q @ ('"' | '\'')) => match quoted_end(content, pos, q) {
                Some(end) if end <= line_end => end,
                _ => return Vec::new(),
            },
            _ => pos + rest.find([',', ']']).unwrap_or(rest.len()),
        };
        let raw = content[pos..end].trim_end();
        let style = match raw.chars().next() {
            Some('"') => ScalarStyle::YamlDouble,
            Some('\'') => ScalarStyle::YamlSingle,
            _ => ScalarStyle::YamlFlowPlain,
        };
        items.push((pos..pos + raw.len(), style));
        pos = end;
        let rest = content[pos..line_end].trim_start();
        if let Some(after) = rest.strip_prefix(',') {
            pos = line_end - after.len();
        } else {
            break;
        }
    }
    items
}

/// A scalar that starts at `start` and ends on its line.
fn scalar_on_line(content: &str, start: usize, value: &str) -> (Range<usize>, ScalarStyle) {
    match value.chars().next() {
        Some(q @ ('"' | '\'')) => {
            let end = quoted_end(content, start, q).unwrap_or(start + value.len());
            let style = if q == '"' {
                ScalarStyle::YamlDouble
            } else {
                ScalarStyle::YamlSingle
            };
            (start..end, style)
        }
        _ => (start..start + plain_len(value), ScalarStyle::YamlPlain),
    }
}

fn line_ranges(content: &str) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = 0;
    for (i, _) in content.match_indices('\n') {
        ranges.push(start..i);
        start = i + 1;
    }
    if start < content.len() {
        ranges.push(start..content.len());
    }
    ranges
}

/// `key: value` at column 0: the key and the offset of the value in `line`.
fn top_level_key(line: &str) -> Option<(String, usize)> {
    let first = line.chars().next()?;
    if first.is_whitespace() || matches!(first, '#' | '-' | '?' | '{' | '[') {
        return None;
    }
    let (key, after_key) = if first == '"' || first == '\'' {
        let end = line[1..].find(first)? + 1;
        (line[1..end].to_string(), end + 1)
    } else {
        let colon = line
            .find(": ")
            .or_else(|| line.trim_end().strip_suffix(':').map(|k| k.len()))?;
        (line[..colon].trim_end().to_string(), colon)
    };
    let after = line[after_key..].strip_prefix(':')?;
    if !(after.is_empty() || after.starts_with([' ', '\t', '\r'])) {
        return None;
    }
    let value_offset = line.len() - after.trim_start_matches([' ', '\t']).len();
    Some((key, value_offset))
}

/// The end (after the closing quote) of a quoted scalar starting at `start`.
fn quoted_end(content: &str, start: usize, quote: char) -> Option<usize> {
    let mut chars = content[start + 1..].char_indices();
    while let Some((i, c)) = chars.next() {
        if quote == '"' && c == '\\' {
            chars.next();
        } else if c == quote {
            if quote == '\'' && content[start + 1 + i + 1..].starts_with('\'') {
                chars.next();
                continue;
            }
            return Some(start + 1 + i + 1);
        }
    }
    None
}

/// The length of a plain scalar on its first line: up to a comment.
fn plain_len(rest: &str) -> usize {
    let cut = rest
        .find(" #")
        .or_else(|| rest.find("\t#"))
        .unwrap_or(rest.len());
    rest[..cut].trim_end().len()
}

/// The end of the last indented line directly after a key, if any.
fn indented_block_end(content: &str, following: &[Range<usize>]) -> Option<usize> {
    let mut end = None;
    for line in following {
        let text = content[line.clone()].trim_end_matches('\r');
        if text.trim().is_empty() {
            continue;
        }
        if !text.starts_with([' ', '\t']) {
            break;
        }
        end = Some(line.end);
    }
    end
}

fn trim_eol(content: &str, start: usize, end: usize) -> usize {
    start + content[start..end].trim_end().len()
}

/// Whether `value` can be written as a plain scalar and read back as the
/// same string.
pub(super) fn plain_is_safe(value: &str) -> bool {
    !value.is_empty()
        && !value.contains(['\n', '\r', '\t'])
        && value.trim() == value
        && serde_yaml::from_str::<Value>(value).is_ok_and(|v| v == Value::String(value.to_string()))
}
