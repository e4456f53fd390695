//! Byte offsets to the line and column an error names.
//!
//! Every error a user can cause names a line and a column; positions are
//! kept as byte offsets everywhere else and converted only here. Columns
//! count bytes, as Hugo's do (`posFromInput` in hugolib), so that tolkar
//! and Hugo name the same place for the same problem: after `åäö ` the
//! next column is 8, and a byte-order mark takes three.

/// A 1-based line and column (columns count bytes, as Hugo's do).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Location {
    pub line: usize,
    pub column: usize,
}

impl Location {
    /// The location of byte `offset` in `text`; offsets past the end or
    /// inside a character are clamped to the nearest character boundary.
    pub fn of(text: &str, offset: usize) -> Location {
        Location::of_bytes(text.as_bytes(), offset)
    }

    /// The location of byte `offset` in bytes that may not be UTF-8.
    pub fn of_bytes(bytes: &[u8], offset: usize) -> Location {
        let before = &bytes[..offset.min(bytes.len())];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        Location {
            line,
            column: before.len() - line_start + 1,
        }
    }
}

impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// The 1-based line of byte `offset`, counted fast for many segments.
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    pub fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset)
    }

    /// How many lines the text has (one more than its line breaks).
    pub fn count(&self) -> usize {
        self.starts.len()
    }

    /// The bytes of 1-based `line`, without its line break; `None` past
    /// the last line.
    pub fn range(&self, line: usize, text_len: usize) -> Option<std::ops::Range<usize>> {
        let start = *self.starts.get(line.checked_sub(1)?)?;
        let end = self.starts.get(line).map_or(text_len, |&next| next - 1);
        Some(start..end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_lines_and_bytes_as_hugo_does() {
        let text = "ab\nåäö x\n";
        assert_eq!(Location::of(text, 0), Location { line: 1, column: 1 });
        assert_eq!(Location::of(text, 3), Location { line: 2, column: 1 });
        // "åäö " is 7 bytes and 4 characters: Hugo says column 8.
        assert_eq!(Location::of(text, 10), Location { line: 2, column: 8 });
        assert_eq!(
            Location::of("\u{feff}x", 3),
            Location { line: 1, column: 4 }
        );
        let index = LineIndex::new(text);
        assert_eq!(index.line(0), 1);
        assert_eq!(index.line(2), 1);
        assert_eq!(index.line(3), 2);
    }
}
