//! The source hash of a segment: of its text with runs of whitespace
//! collapsed, so that re-wrapping a paragraph is not a change.

/// Collapses every run of whitespace to one space and trims the ends.
pub fn normalize(text: &str) -> String {
    let mut normalized = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !normalized.is_empty() {
            normalized.push(' ');
        }
        normalized.push_str(word);
    }
    normalized
}

/// A stable, hex-encoded 128-bit hash of the normalized text. Most
/// segments are normalized already (single spaces, no ends), and are
/// hashed as they are, in one pass; the others once normalized. Both
/// hash the same bytes.
pub fn source_hash(text: &str) -> String {
    let digest = if is_normalized(text) {
        xxhash_rust::xxh3::xxh3_128(text.as_bytes())
    } else {
        // Normalized into one buffer and hashed in one call: cheaper than
        // feeding the streaming hasher word by word.
        xxhash_rust::xxh3::xxh3_128(normalize(text).as_bytes())
    };
    hex128(digest)
}

/// `format!("{digest:032x}")`, without the formatting machinery: one hash
/// per segment, and sync hashes hundreds of thousands.
fn hex128(digest: u128) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = [0u8; 32];
    for (i, digit) in out.iter_mut().enumerate() {
        *digit = DIGITS[((digest >> ((31 - i) * 4)) & 0xf) as usize];
    }
    // ASCII digits: always UTF-8.
    std::str::from_utf8(&out)
        .map(str::to_owned)
        .unwrap_or_default()
}

/// Whether `text` is its own [`normalize`]: whitespace only as single
/// spaces between words.
fn is_normalized(text: &str) -> bool {
    let bytes = text.as_bytes();
    // Most text has no white space but single spaces, and no byte that may
    // start a non-ASCII space: then it is normalized unless a space starts
    // or ends it or follows another. Folded without branches, so that the
    // compiler can read many bytes at a time.
    let unusual = bytes.iter().fold(0u8, |acc, &b| {
        acc | u8::from(b.wrapping_sub(0x09) < 5)
            | u8::from(b == 0xc2)
            | u8::from(b.wrapping_sub(0xe1) < 3)
    });
    if unusual == 0 {
        let doubled = bytes
            .iter()
            .zip(bytes.get(1..).unwrap_or_default())
            .fold(0u8, |acc, (&a, &b)| {
                acc | u8::from((a == b' ') & (b == b' '))
            });
        return doubled == 0 && bytes.first() != Some(&b' ') && bytes.last() != Some(&b' ');
    }
    // Read byte by byte, not char by char, with the class of each byte
    // from a table: one look-up for the common byte.
    const OTHER: u8 = 0;
    const SPACE: u8 = 1;
    const BREAK: u8 = 2;
    // Outside ASCII only a character starting with one of these bytes can
    // be white space (U+0085 and U+00A0, U+1680, U+2000 to U+205F, U+3000).
    const MAYBE: u8 = 3;
    const CLASS: [u8; 256] = {
        let mut class = [OTHER; 256];
        class[b' ' as usize] = SPACE;
        // The ASCII white space of `char::is_whitespace` other than ' '.
        let mut b = 0x09;
        while b <= 0x0d {
            class[b] = BREAK;
            b += 1;
        }
        class[0xc2] = MAYBE;
        class[0xe1] = MAYBE;
        class[0xe2] = MAYBE;
        class[0xe3] = MAYBE;
        class
    };
    let mut after_space = true;
    for (i, &b) in bytes.iter().enumerate() {
        match CLASS[usize::from(b)] {
            OTHER => after_space = false,
            SPACE => {
                if after_space {
                    return false;
                }
                after_space = true;
            }
            BREAK => return false,
            _ => {
                if text
                    .get(i..)
                    .and_then(|rest| rest.chars().next())
                    .is_some_and(char::is_whitespace)
                {
                    return false;
                }
                after_space = false;
            }
        }
    }
    !after_space || text.is_empty()
}

/// A stable, hex-encoded 128-bit hash of bytes (file contents).
pub fn content_hash(bytes: &[u8]) -> String {
    format!("{:032x}", xxhash_rust::xxh3::xxh3_128(bytes))
}

/// The [`content_hash`] of the file at `path`, read a piece at a time.
pub fn content_hash_of_file(path: &std::path::Path) -> std::io::Result<String> {
    use std::io::Read;
    let mut file = std::fs::File::open(path)?;
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    let mut buffer = vec![0; 64 * 1024];
    loop {
        match file.read(&mut buffer) {
            Ok(0) => break,
            Ok(n) => hasher.update(&buffer[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(format!("{:032x}", hasher.digest128()))
}

/// A 64-bit fingerprint of a segment's key and source hash together:
/// what reading the text state compares, in memory, with the segments
/// sync has just inserted.
pub fn fingerprint(key: &str, source_hash: &str) -> u64 {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    hasher.update(key.as_bytes());
    // A key holds no NUL (keys are paths of names and numbers).
    hasher.update(b"\0");
    hasher.update(source_hash.as_bytes());
    hasher.digest()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_hashed_as_it_is_read_has_its_content_hash() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.md");
        // Over one buffer, so that the pieces are joined.
        let bytes: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
        std::fs::write(&path, &bytes).unwrap();
        assert_eq!(content_hash_of_file(&path).unwrap(), content_hash(&bytes));
        std::fs::write(&path, b"").unwrap();
        assert_eq!(content_hash_of_file(&path).unwrap(), content_hash(b""));
    }

    #[test]
    fn rewrapping_keeps_the_hash() {
        assert_eq!(source_hash("a  b\nc "), source_hash("a b c"));
        assert_ne!(source_hash("a b c"), source_hash("a b d"));
        // Pinned: the hash must not change between versions or machines.
        assert_eq!(source_hash("Ansök nu").len(), 32);
        assert_eq!(source_hash("x"), source_hash(" x\n"));
        let text = " Ansök\n nu  idag ";
        assert_eq!(
            source_hash(text),
            format!(
                "{:032x}",
                xxhash_rust::xxh3::xxh3_128(normalize(text).as_bytes())
            )
        );
    }

    proptest::proptest! {
        /// The one-pass hash of normalized text and the word-by-word hash
        /// of any other are both the hash of the normalized text.
        #[test]
        fn the_hash_is_that_of_the_normalized_text(
            text in "[ a\\t\\n\u{b}\u{c}\rå\u{85}\u{a0}§\u{1680}\u{2003}\u{202f}\u{205f}€\u{3000}、b]{0,12}"
        ) {
            proptest::prop_assert_eq!(is_normalized(&text), normalize(&text) == text);
            proptest::prop_assert_eq!(
                source_hash(&text),
                format!("{:032x}", xxhash_rust::xxh3::xxh3_128(normalize(&text).as_bytes()))
            );
        }
    }
}
