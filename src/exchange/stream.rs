//! Reading an exchange file unit by unit from a reader, so that a large
//! import never holds the file or all its units (issue 14). A stream
//! reader only tells whether a file is valid: on any error the caller
//! reads the whole text with the format's `read`, which says why and
//! where, as it always has (errors are rare, and must not change).

use std::cell::Cell;
use std::collections::VecDeque;
use std::io::{self, BufRead, Read};

/// Why a file could not be read as a stream.
#[derive(Debug)]
pub enum Unread {
    /// Not a valid file of its format: `read` on the whole text says why.
    Invalid,
    Io(io::Error),
}

impl From<io::Error> for Unread {
    fn from(e: io::Error) -> Unread {
        Unread::Io(e)
    }
}

/// The languages a file names.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Languages {
    pub source: Option<String>,
    pub target: Option<String>,
}

/// Skips a byte order mark at the start of `input`.
pub fn skip_bom(input: &mut dyn BufRead) -> io::Result<()> {
    const BOM: &[u8] = "\u{feff}".as_bytes();
    // A mark split over two reads of a buffered file is not worth a
    // thought: `BufReader` fills at least 8 KiB.
    if input.fill_buf()?.starts_with(BOM) {
        input.consume(BOM.len());
    }
    Ok(())
}

/// A reader that knows the line of any byte offset at or after the last
/// one asked for, however far ahead its user has read: the newlines
/// between are kept until they are passed.
pub struct Lines<'a> {
    input: &'a mut dyn BufRead,
    /// Bytes consumed so far.
    offset: u64,
    /// Offsets of the newlines consumed and not yet passed.
    ahead: VecDeque<u64>,
    /// Lines before the last offset asked for, plus one.
    line: usize,
}

impl<'a> Lines<'a> {
    pub fn new(input: &'a mut dyn BufRead) -> Lines<'a> {
        Lines {
            input,
            offset: 0,
            ahead: VecDeque::new(),
            line: 1,
        }
    }

    /// The 1-based line of byte `offset`, which must not be smaller than
    /// the last one asked for.
    pub fn line_at(&mut self, offset: u64) -> usize {
        while self.ahead.front().is_some_and(|&newline| newline < offset) {
            self.ahead.pop_front();
            self.line += 1;
        }
        self.line
    }
}

impl Read for Lines<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = {
            let available = self.fill_buf()?;
            let n = available.len().min(buf.len());
            buf[..n].copy_from_slice(&available[..n]);
            n
        };
        self.consume(n);
        Ok(n)
    }
}

impl BufRead for Lines<'_> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.input.fill_buf()
    }

    fn consume(&mut self, amount: usize) {
        if let Ok(buf) = self.input.fill_buf() {
            let end = amount.min(buf.len());
            let offset = self.offset;
            self.ahead.extend(
                buf[..end]
                    .iter()
                    .enumerate()
                    .filter(|(_, b)| **b == b'\n')
                    .map(|(i, _)| offset + i as u64),
            );
        }
        self.offset += amount as u64;
        self.input.consume(amount);
    }
}

/// A reader that counts the newlines read through it, for a parser that
/// reads no further than it has parsed (serde_json reads a byte at a
/// time and peeks one). It keeps a buffer of its own, so that a byte
/// costs no call through `input`.
pub struct Newlines<'a> {
    input: &'a mut dyn BufRead,
    count: &'a Cell<usize>,
    buf: Box<[u8]>,
    pos: usize,
    end: usize,
}

impl<'a> Newlines<'a> {
    pub fn new(input: &'a mut dyn BufRead, count: &'a Cell<usize>) -> Newlines<'a> {
        Newlines {
            input,
            count,
            buf: vec![0; 1 << 16].into_boxed_slice(),
            pos: 0,
            end: 0,
        }
    }
}

impl Read for Newlines<'_> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if self.pos == self.end {
            self.end = self.input.read(&mut self.buf)?;
            self.pos = 0;
        }
        let n = (self.end - self.pos).min(out.len());
        let bytes = &self.buf[self.pos..self.pos + n];
        out[..n].copy_from_slice(bytes);
        let newlines = bytes.iter().filter(|&&b| b == b'\n').count();
        self.count.set(self.count.get() + newlines);
        self.pos += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_known_behind_the_reader() {
        let mut text: &[u8] = b"a\nbb\n\nc";
        let mut lines = Lines::new(&mut text);
        let mut all = String::new();
        lines.read_to_string(&mut all).unwrap();
        assert_eq!(lines.line_at(0), 1);
        assert_eq!(lines.line_at(1), 1);
        assert_eq!(lines.line_at(2), 2);
        assert_eq!(lines.line_at(5), 3);
        assert_eq!(lines.line_at(6), 4);
    }

    #[test]
    fn newlines_are_counted_as_read() {
        let mut text: &[u8] = b"a\nb\n\nc";
        let count = Cell::new(0);
        let mut reader = Newlines::new(&mut text, &count);
        let mut byte = [0; 1];
        for expected in [0, 1, 1, 2, 3, 3] {
            reader.read_exact(&mut byte).unwrap();
            assert_eq!(count.get(), expected);
        }
        assert_eq!(reader.read(&mut byte).unwrap(), 0);
    }

    #[test]
    fn a_byte_order_mark_is_skipped_once() {
        let mut text: &[u8] = "\u{feff}\u{feff}x".as_bytes();
        skip_bom(&mut text).unwrap();
        assert_eq!(text, "\u{feff}x".as_bytes());
    }
}
