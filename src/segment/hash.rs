//! The source hash of a segment: of its text with runs of whitespace
//! collapsed, so that re-wrapping a paragraph is not a change.

/// Collapses every run of whitespace to one space and trims the ends.
pub fn normalize(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A stable, hex-encoded 128-bit hash of the normalized text. Most
/// segments are normalized already (single spaces, no ends), and are
/// hashed as they are, in one pass; the others word by word, without
/// building the normalized string. Both hash the same bytes.
pub fn source_hash(text: &str) -> String {
    let digest = if is_normalized(text) {
        xxhash_rust::xxh3::xxh3_128(text.as_bytes())
    } else {
        let mut hasher = xxhash_rust::xxh3::Xxh3::new();
        for (i, word) in text.split_whitespace().enumerate() {
            if i > 0 {
                hasher.update(b" ");
            }
            hasher.update(word.as_bytes());
        }
        hasher.digest128()
    };
    format!("{digest:032x}")
}

/// Whether `text` is its own [`normalize`]: whitespace only as single
/// spaces between words.
fn is_normalized(text: &str) -> bool {
    let mut after_space = true;
    for c in text.chars() {
        if c == ' ' {
            if after_space {
                return false;
            }
            after_space = true;
        } else if c.is_whitespace() {
            return false;
        } else {
            after_space = false;
        }
    }
    !after_space || text.is_empty()
}

/// A stable, hex-encoded 128-bit hash of bytes (file contents).
pub fn content_hash(bytes: &[u8]) -> String {
    format!("{:032x}", xxhash_rust::xxh3::xxh3_128(bytes))
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
        fn the_hash_is_that_of_the_normalized_text(text in "[ a\\t\\nå\u{a0}\u{2003}b]{0,12}") {
            proptest::prop_assert_eq!(is_normalized(&text), normalize(&text) == text);
            proptest::prop_assert_eq!(
                source_hash(&text),
                format!("{:032x}", xxhash_rust::xxh3::xxh3_128(normalize(&text).as_bytes()))
            );
        }
    }
}
