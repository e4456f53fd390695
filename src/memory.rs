//! The translation memory's fuzzy side: translations of similar source
//! texts, scored by `similar`'s character ratio. (Exact matches are filled
//! by the store itself: `Tx::fill_from_memory`.)
//!
//! A character diff costs up to a millisecond on a long paragraph, so
//! scoring every entry against every text does not scale: an export of
//! 10,000 missing segments against a memory of 10,000 would take hours.
//! Every text gets a MinHash signature over its character trigrams, which
//! estimates how many trigrams two texts share. Only the few entries with
//! the best estimates are diffed. A large memory also finds its candidates
//! through the signature's bands (locality-sensitive hashing) instead of
//! comparing signatures with every entry: texts that are alike land in the
//! same bucket of some band with high probability (more than 99% at half
//! their trigrams in common).

use std::collections::{HashMap, HashSet};

use similar::TextDiff;

use crate::exchange::Suggestion;
use crate::store::MemoryRow;

/// The default lowest score worth offering, in percent.
pub const DEFAULT_THRESHOLD: f64 = 75.0;

/// Up to this many entries, every signature is compared.
const SCAN_ALL: usize = 2_000;
/// Entries scored per text at most: the best estimates.
const SCORED: usize = 24;
/// The lowest estimated share of trigrams worth scoring. Measured on
/// paragraphs with words replaced: every pair scoring 75% or more shared
/// at least 43% of its trigrams, while unrelated paragraphs share under
/// 20%.
const MIN_ESTIMATE: f64 = 0.25;
/// MinHash signature: BANDS bands of ROWS hashes each.
const BANDS: usize = 16;
const ROWS: usize = 2;
/// Entries read from one bucket at most: a bucket that large holds
/// near-copies, and a few of them are enough.
const BUCKET_READ: usize = 48;

/// Translations into one language with their source texts.
pub struct Memory {
    entries: Vec<Entry>,
    /// For a large memory: (band, band hash) → entries.
    buckets: Option<HashMap<(u8, u64), Vec<u32>>>,
}

struct Entry {
    row: MemoryRow,
    chars: usize,
    signature: Signature,
}

/// The lowest hash of the text's trigrams under each of the MinHash
/// functions (low 32 bits: enough to compare).
type Signature = [u32; BANDS * ROWS];

impl Memory {
    /// A memory of `rows`; a pair of source and target seen twice is kept
    /// once, with its first origin.
    pub fn new(rows: Vec<MemoryRow>) -> Memory {
        let mut seen = HashSet::new();
        let entries: Vec<Entry> = rows
            .into_iter()
            .filter(|row| !row.target.is_empty())
            .filter(|row| seen.insert((row.source.clone(), row.target.clone())))
            .map(|row| Entry {
                chars: row.source.chars().count(),
                signature: signature(&row.source),
                row,
            })
            .collect();
        let buckets = (entries.len() > SCAN_ALL).then(|| {
            let mut buckets: HashMap<(u8, u64), Vec<u32>> = HashMap::new();
            for (i, entry) in entries.iter().enumerate() {
                for (band, key) in band_keys(&entry.signature).into_iter().enumerate() {
                    buckets.entry((band as u8, key)).or_default().push(i as u32);
                }
            }
            buckets
        });
        Memory { entries, buckets }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The best matches for `text` scoring at least `threshold`, highest
    /// first, at most `limit`; never a translation of segment `exclude`.
    pub fn suggest(
        &self,
        text: &str,
        exclude: Option<i64>,
        threshold: f64,
        limit: usize,
    ) -> Vec<Suggestion> {
        // Nothing to find: no signature to make (an export after a first
        // sync spent half its time on them).
        if self.entries.is_empty() {
            return Vec::new();
        }
        let chars = text.chars().count();
        let wanted = signature(text);
        let candidates: Vec<&Entry> = match &self.buckets {
            None => self.entries.iter().collect(),
            Some(buckets) => {
                let mut picked = HashSet::new();
                for (band, key) in band_keys(&wanted).into_iter().enumerate() {
                    if let Some(ids) = buckets.get(&(band as u8, key)) {
                        picked.extend(ids.iter().take(BUCKET_READ).copied());
                    }
                }
                let mut picked: Vec<u32> = picked.into_iter().collect();
                picked.sort_unstable();
                picked.iter().map(|&i| &self.entries[i as usize]).collect()
            }
        };
        let mut estimated: Vec<(f64, &Entry)> = candidates
            .into_iter()
            .filter(|e| Some(e.row.segment) != exclude)
            // The ratio can be no higher than the shorter text allows.
            .filter(|e| best_possible(chars, e.chars) >= threshold)
            .map(|e| (estimate(&wanted, &e.signature), e))
            // At a lower threshold, less in common is worth a look.
            .filter(|(share, _)| *share >= MIN_ESTIMATE * (threshold / DEFAULT_THRESHOLD).min(1.0))
            .collect();
        // Best estimates first; ties in memory order, so runs agree.
        estimated.sort_by(|a, b| b.0.total_cmp(&a.0));
        estimated.truncate(SCORED.max(limit));
        let fast = FastRatio::new(text);
        let mut found: Vec<Suggestion> = estimated
            .into_iter()
            .map(|(_, e)| e)
            // The same ratio, computed a hundred times faster: most
            // candidates fall short, and only the rest are diffed.
            .filter(|e| fast.similarity(&e.row.source) >= threshold)
            .filter_map(|e| {
                let score = similarity(text, &e.row.source);
                (score >= threshold).then(|| Suggestion {
                    source: e.row.source.clone(),
                    target: e.row.target.clone(),
                    score,
                    origin: e.row.origin.clone(),
                })
            })
            .collect();
        found.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then_with(|| a.origin.cmp(&b.origin))
                .then_with(|| a.target.cmp(&b.target))
        });
        found.truncate(limit);
        found
    }
}

/// How alike two texts are, 0 to 100, rounded to two decimals so that
/// exports are the same on every machine. No deadline: a diff cut short
/// would score by the clock. It is only run on pairs the fast ratio has
/// found alike, whose diffs are short.
pub fn similarity(a: &str, b: &str) -> f64 {
    if a == b {
        return 100.0;
    }
    let ratio = TextDiff::from_chars(a, b).ratio();
    (f64::from(ratio) * 10_000.0).round() / 100.0
}

/// `similarity` without the diff: twice the length of the longest common
/// subsequence of characters over the total length, which is the ratio
/// of an optimal diff. Bit-parallel (Hyyrö, 2004): `text` becomes a bit
/// vector once, then each other text is one pass, 64 characters of `text`
/// per machine word.
pub(crate) struct FastRatio {
    len: usize,
    words: usize,
    /// Per character: where it occurs in `text`, as bits.
    masks: HashMap<char, Vec<u64>>,
}

impl FastRatio {
    pub(crate) fn new(text: &str) -> FastRatio {
        let mut len = 0;
        let words = text.chars().count().div_ceil(64);
        let mut masks: HashMap<char, Vec<u64>> = HashMap::new();
        for (i, c) in text.chars().enumerate() {
            masks.entry(c).or_insert_with(|| vec![0; words])[i / 64] |= 1 << (i % 64);
            len += 1;
        }
        FastRatio { len, words, masks }
    }

    pub(crate) fn similarity(&self, other: &str) -> f64 {
        let mut other_len = 0;
        // A zero bit in `v` is a character of `text` in the common
        // subsequence.
        let mut v = vec![u64::MAX; self.words];
        for c in other.chars() {
            other_len += 1;
            let Some(mask) = self.masks.get(&c) else {
                continue;
            };
            let mut carry = false;
            for (word, &m) in v.iter_mut().zip(mask) {
                let u = *word & m;
                let (sum, c1) = word.overflowing_add(u);
                let (sum, c2) = sum.overflowing_add(u64::from(carry));
                carry = c1 || c2;
                *word = sum | (*word & !m);
            }
        }
        let total = self.len + other_len;
        if total == 0 {
            return 100.0;
        }
        let mut common = 0;
        for (i, word) in v.iter().enumerate() {
            let bits = (self.len - i * 64).min(64);
            let used = if bits == 64 {
                u64::MAX
            } else {
                (1 << bits) - 1
            };
            common += (!word & used).count_ones() as usize;
        }
        (200.0 * common as f64 / total as f64 * 100.0).round() / 100.0
    }
}

/// The highest ratio two texts of these lengths can reach.
pub(crate) fn best_possible(a: usize, b: usize) -> f64 {
    if a + b == 0 {
        return 100.0;
    }
    200.0 * a.min(b) as f64 / (a + b) as f64
}

/// The MinHash signature of a text.
fn signature(text: &str) -> Signature {
    let mut minimums = [u64::MAX; BANDS * ROWS];
    for gram in trigrams(text) {
        for (i, min) in minimums.iter_mut().enumerate() {
            *min = (*min).min(mix(gram ^ SEEDS[i]));
        }
    }
    minimums.map(|m| m as u32)
}

/// The estimated share of trigrams two texts have in common (Jaccard).
fn estimate(a: &Signature, b: &Signature) -> f64 {
    let same = a.iter().zip(b).filter(|(x, y)| x == y).count();
    same as f64 / a.len() as f64
}

/// One key per band of a signature.
fn band_keys(signature: &Signature) -> [u64; BANDS] {
    let mut keys = [0; BANDS];
    for (band, key) in keys.iter_mut().enumerate() {
        let rows = &signature[band * ROWS..(band + 1) * ROWS];
        *key = rows
            .iter()
            .fold(band as u64, |acc, &m| mix(acc ^ u64::from(m)));
    }
    keys
}

/// Hashes of the lowercased character trigrams of a text, with markers
/// at both ends so that short texts have some.
fn trigrams(text: &str) -> HashSet<u64> {
    let chars: Vec<char> = std::iter::once('\u{2}')
        .chain(text.chars().flat_map(char::to_lowercase))
        .chain(std::iter::once('\u{3}'))
        .collect();
    chars
        .windows(3)
        .map(|w| {
            let packed = (u64::from(w[0]) << 42) | (u64::from(w[1]) << 21) | u64::from(w[2]);
            mix(packed)
        })
        .collect()
}

/// A 64-bit mixer (the finalizer of SplitMix64): cheap and well spread.
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// One seed per MinHash function, fixed so that exports are the same on
/// every run.
const SEEDS: [u64; BANDS * ROWS] = {
    let mut seeds = [0u64; BANDS * ROWS];
    let mut i = 0;
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    while i < seeds.len() {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        seeds[i] = z ^ (z >> 31);
        i += 1;
    }
    seeds
};

#[cfg(test)]
mod tests {
    use super::*;

    fn row(segment: i64, source: &str, target: &str) -> MemoryRow {
        MemoryRow {
            segment,
            origin: format!("content/sv/a.md#body:p[{segment}]"),
            source: source.into(),
            target: target.into(),
        }
    }

    #[test]
    fn offers_similar_texts_best_first() {
        let memory = Memory::new(vec![
            row(1, "Ansök nu via formuläret", "Apply now using the form"),
            row(2, "Ansök nu via formulären", "Apply now using the forms"),
            row(3, "Skicka e-post", "Send an email"),
            row(4, "Ansök nu via formuläret", "Apply now using the form"),
        ]);
        assert_eq!(memory.len(), 3, "the repeated pair is kept once");
        let found = memory.suggest("Ansök nu via formuläret!", None, 75.0, 5);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].target, "Apply now using the form");
        assert!(found[0].score > found[1].score && found[1].score >= 75.0);
        assert!(memory.suggest("Skicka e-post", Some(3), 75.0, 5).is_empty());
        assert_eq!(
            memory.suggest("Skicka e-post", None, 75.0, 5)[0].score,
            100.0
        );
    }

    #[test]
    fn the_fast_ratio_is_the_diff_ratio() {
        // Texts of few letters share a lot, and cross the 64-character
        // word boundary: where a carry bug would show.
        let mut state: u64 = 7;
        let mut text = |len: usize| -> String {
            (0..len)
                .map(|_| {
                    state = mix(state);
                    ['a', 'b', 'c', 'å', ' '][(state % 5) as usize]
                })
                .collect()
        };
        for round in 0..300 {
            let a = text(round % 150);
            let b = text((round * 7) % 170);
            let diff = f64::from(TextDiff::from_chars(&a, &b).ratio()) * 100.0;
            let fast = FastRatio::new(&a).similarity(&b);
            assert!((fast - diff).abs() < 0.01, "{a:?} {b:?}: {fast} {diff}");
        }
        assert_eq!(FastRatio::new("").similarity(""), 100.0);
        assert_eq!(FastRatio::new("abcd").similarity("abce"), 75.0);
    }

    #[test]
    fn low_thresholds_and_long_lists_are_honoured() {
        let rows: Vec<MemoryRow> = (0..40)
            .map(|i| row(i, &format!("Ansök nu till tjänst {i:02}"), &format!("t{i}")))
            .collect();
        let memory = Memory::new(rows);
        assert_eq!(
            memory
                .suggest("Ansök nu till tjänst 99", None, 75.0, 100)
                .len(),
            40
        );
        let small = Memory::new(vec![row(1, "Ansök nu", "Apply now")]);
        assert_eq!(small.suggest("Sök", None, 0.0, 5).len(), 1);
        assert!(small.suggest("Sök", None, 75.0, 5).is_empty());
    }

    #[test]
    fn scores_are_percentages() {
        assert_eq!(similarity("abc", "abc"), 100.0);
        assert_eq!(similarity("abc", "xyz"), 0.0);
        assert_eq!(similarity("abcd", "abce"), 75.0);
        assert!(best_possible(10, 30) < 75.0);
    }

    /// Sentences unlike each other, numbered so every one is distinct.
    fn filler(i: usize) -> String {
        let words = [
            "moln",
            "lagring",
            "nätverk",
            "säkerhet",
            "kunder",
            "tjänster",
            "drift",
            "data",
            "europa",
            "öppen",
            "källkod",
            "hållbar",
            "infrastruktur",
            "team",
            "utveckling",
        ];
        let pick = |k: usize| words[(i * 7 + k * 13 + i / 3) % words.len()];
        format!("{} {} {} {} nummer {i}", pick(1), pick(2), pick(3), pick(4))
    }

    #[test]
    fn a_large_memory_finds_what_a_full_scan_finds() {
        let mut rows: Vec<MemoryRow> = (0..SCAN_ALL as i64 + 500)
            .map(|i| row(i, &filler(i as usize), &format!("t{i}")))
            .collect();
        rows.push(row(
            -1,
            "Vi söker en erfaren nätverksingenjör till vårt team i Stockholm",
            "We are looking for an experienced network engineer",
        ));
        let full_scan = {
            let mut m = Memory::new(rows.clone());
            m.buckets = None;
            m
        };
        let indexed = Memory::new(rows);
        assert!(indexed.buckets.is_some());
        let query = "Vi söker en erfaren nätverksingenjör till vårt nya team i Göteborg";
        let expected = full_scan.suggest(query, None, 75.0, 3);
        assert_eq!(expected.len(), 1);
        assert_eq!(indexed.suggest(query, None, 75.0, 3), expected);
        for i in [3, 777, SCAN_ALL + 100] {
            let query = format!("{}!", filler(i));
            let full = full_scan.suggest(&query, None, 75.0, 1);
            assert!(!full.is_empty());
            assert_eq!(indexed.suggest(&query, None, 75.0, 1), full, "{query}");
        }
    }
}
