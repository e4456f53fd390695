//! What one input may cost: the `[limits]` of `tolkar.toml`. Each limit
//! turns an input that would take memory out of all proportion (a 200 MB
//! posting, a translate command that never stops writing) into a clear
//! refusal naming it, instead of a crash.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// `[limits]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Limits {
    /// A source posting larger than this is not read (sync reports it
    /// like any posting it cannot read).
    pub posting_size: ByteSize,
    /// The longest line the translate command may write.
    pub translate_line: ByteSize,
    /// The most the translate command may write in one run (one batch).
    pub translate_output: ByteSize,
}

impl Limits {
    pub const DEFAULT_POSTING_SIZE: ByteSize = ByteSize(10_000_000);

    pub fn is_default(&self) -> bool {
        *self == Limits::default()
    }
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            // Far above any posting written by hand (the corpus's largest
            // is under 50 kB), far below what takes a machine down: sync and
            // build need 20 to 30 times a posting's size in memory.
            posting_size: Limits::DEFAULT_POSTING_SIZE,
            // One answer holds one segment, which a posting holds.
            translate_line: ByteSize(10_000_000),
            // A batch of 50 answers is usually well under 1 MB.
            translate_output: ByteSize(64_000_000),
        }
    }
}

/// A number of bytes, written in `tolkar.toml` as an integer (`4096`) or
/// with a unit (`"10 MB"`, `"512 kB"`, `"1 MiB"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct ByteSize(pub u64);

/// Units by name: decimal as `ls --si` and disk makers count, binary
/// with an `i`.
const UNITS: [(&str, u64); 7] = [
    ("b", 1),
    ("kb", 1_000),
    ("mb", 1_000_000),
    ("gb", 1_000_000_000),
    ("kib", 1 << 10),
    ("mib", 1 << 20),
    ("gib", 1 << 30),
];

impl ByteSize {
    pub fn bytes(self) -> u64 {
        self.0
    }

    /// Reads `"10 MB"`, `"10MB"`, `"1 MiB"`, `"4096"`; units ignore case.
    pub fn parse(text: &str) -> Option<ByteSize> {
        let text = text.trim();
        let split = text
            .find(|c: char| !c.is_ascii_digit() && c != '_')
            .unwrap_or(text.len());
        let (number, unit) = text.split_at(split);
        let number: u64 = number.replace('_', "").parse().ok()?;
        let unit = unit.trim().to_ascii_lowercase();
        let factor = if unit.is_empty() {
            1
        } else {
            UNITS.iter().find(|(name, _)| *name == unit)?.1
        };
        number.checked_mul(factor).map(ByteSize)
    }
}

/// Exact where a unit fits (`10 MB`, `1 MiB`), otherwise to one decimal
/// (`209.7 MB`).
impl fmt::Display for ByteSize {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.0;
        for (name, factor) in [
            ("GB", 1_000_000_000),
            ("GiB", 1 << 30),
            ("MB", 1_000_000),
            ("MiB", 1 << 20),
            ("kB", 1_000),
            ("KiB", 1 << 10),
        ] {
            if n >= factor && n.is_multiple_of(factor) {
                return write!(f, "{} {name}", n / factor);
            }
        }
        match n {
            1_000_000_000.. => write!(f, "{:.1} GB", n as f64 / 1e9),
            1_000_000.. => write!(f, "{:.1} MB", n as f64 / 1e6),
            1_000.. => write!(f, "{:.1} kB", n as f64 / 1e3),
            _ => write!(f, "{n} B"),
        }
    }
}

impl Serialize for ByteSize {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for ByteSize {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<ByteSize, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = ByteSize;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a size above 0: a number of bytes, or a string such as \"10 MB\"")
            }

            fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<ByteSize, E> {
                if n == 0 {
                    return Err(E::invalid_value(serde::de::Unexpected::Unsigned(0), &self));
                }
                Ok(ByteSize(n))
            }

            fn visit_i64<E: serde::de::Error>(self, n: i64) -> Result<ByteSize, E> {
                match u64::try_from(n) {
                    Ok(n) => self.visit_u64(n),
                    Err(_) => Err(E::invalid_value(serde::de::Unexpected::Signed(n), &self)),
                }
            }

            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<ByteSize, E> {
                match ByteSize::parse(text) {
                    Some(size) if size.0 > 0 => Ok(size),
                    _ => Err(E::invalid_value(serde::de::Unexpected::Str(text), &self)),
                }
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_with_and_without_units() {
        let parse = |t| ByteSize::parse(t).map(ByteSize::bytes);
        assert_eq!(parse("4096"), Some(4096));
        assert_eq!(parse("10 MB"), Some(10_000_000));
        assert_eq!(parse("10mb"), Some(10_000_000));
        assert_eq!(parse(" 512 kB "), Some(512_000));
        assert_eq!(parse("1 MiB"), Some(1 << 20));
        assert_eq!(parse("20_000_000"), Some(20_000_000));
        assert_eq!(parse("10 MX"), None);
        assert_eq!(parse("MB"), None);
        assert_eq!(parse("-1 MB"), None);
        assert_eq!(parse("99999999999999999999 GB"), None);
    }

    #[test]
    fn sizes_show_exactly_where_they_can() {
        assert_eq!(ByteSize(10_000_000).to_string(), "10 MB");
        assert_eq!(ByteSize(1 << 20).to_string(), "1 MiB");
        assert_eq!(ByteSize(209_715_201).to_string(), "209.7 MB");
        assert_eq!(ByteSize(1_500).to_string(), "1.5 kB");
        assert_eq!(ByteSize(999).to_string(), "999 B");
    }

    #[test]
    fn limits_read_from_toml() {
        #[derive(Deserialize)]
        struct Wrap {
            #[serde(default)]
            limits: Limits,
        }
        let read = |t: &str| toml_edit::de::from_str::<Wrap>(t).map(|w| w.limits);
        assert_eq!(read("").unwrap(), Limits::default());
        let limits = read("[limits]\nposting_size = \"20 MB\"\ntranslate_line = 4096\n").unwrap();
        assert_eq!(limits.posting_size, ByteSize(20_000_000));
        assert_eq!(limits.translate_line, ByteSize(4096));
        assert_eq!(limits.translate_output, Limits::default().translate_output);
        for bad in [
            "[limits]\nposting_size = 0\n",
            "[limits]\nposting_size = -5\n",
            "[limits]\nposting_size = \"lots\"\n",
            "[limits]\nsize = 5\n",
        ] {
            assert!(read(bad).is_err(), "{bad}");
        }
    }
}
