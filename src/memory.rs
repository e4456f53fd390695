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

use std::collections::HashSet;

use similar::TextDiff;

use crate::exchange::Suggestion;
use crate::store::{MemoryRow, StoreError, Tx};

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

/// Translations into one language with their source texts: what it takes
/// to find and rank matches, and no more. An export of a whole language
/// holds it beside everything else, so it is kept flat (about 350 bytes
/// an entry with its index, against 1,200 as a list of rows with a hash
/// map of buckets), and the targets stay in the store until a match is
/// offered ([`Memory::suggestion`]).
#[derive(Default)]
pub struct Memory {
    entries: Vec<Entry>,
    signatures: Vec<Signature>,
    sources: Texts,
    keys: Texts,
    /// Each posting's path once; entries point into it.
    paths: Vec<String>,
    /// For a large memory, entries by band.
    bands: Option<Bands>,
}

struct Entry {
    segment: i64,
    chars: u32,
    path: u32,
}

/// Texts end to end in one string: one allocation, not one per text.
#[derive(Default)]
struct Texts {
    text: String,
    ends: Vec<usize>,
}

impl Texts {
    fn push(&mut self, text: &str) {
        self.text.push_str(text);
        self.ends.push(self.text.len());
    }

    fn get(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.text[start..self.ends[i]]
    }
}

/// Per band, each entry as its band key's low 32 bits above its number,
/// sorted: a bucket's entries lie together, in entry order. Two keys that
/// agree in those 32 bits share a bucket here; `Memory::suggest` checks
/// the whole key of each entry it reads.
struct Bands([Band; BANDS]);

struct Band {
    entries: Vec<u64>,
    /// Where the keys starting with each value of their top `bits` bits
    /// start in `entries`, and one past the end: a lookup reads a few
    /// neighbouring entries instead of searching the whole list, whose
    /// cache misses took a sixth of an export's time.
    starts: Vec<u32>,
    bits: u32,
}

impl Band {
    fn new(mut entries: Vec<u64>) -> Band {
        entries.sort_unstable();
        // About four entries per start: keys are hashes, spread evenly.
        let bits = (entries.len() / 4).max(2).ilog2().min(24);
        let mut starts = Vec::with_capacity((1 << bits) + 1);
        let mut at = 0;
        for prefix in 0..=(1u64 << bits) {
            while at < entries.len() && entries[at] >> (64 - bits) < prefix {
                at += 1;
            }
            starts.push(at as u32);
        }
        Band {
            entries,
            starts,
            bits,
        }
    }

    fn bucket(&self, key: u64) -> impl Iterator<Item = u32> + '_ {
        let key = key & u64::from(u32::MAX);
        let prefix = (key >> (32 - self.bits)) as usize;
        let near = &self.entries[self.starts[prefix] as usize..self.starts[prefix + 1] as usize];
        let start = near.partition_point(|&e| e >> 32 < key);
        near[start..]
            .iter()
            .take_while(move |&&e| e >> 32 == key)
            .map(|&e| e as u32)
    }
}

/// The lowest hash of the text's trigrams under each of the MinHash
/// functions (low 32 bits: enough to compare).
type Signature = [u32; BANDS * ROWS];

/// A match found by [`Memory::suggest`]; [`Memory::suggestion`] makes it
/// a suggestion once its target is read.
#[derive(Debug, Clone, PartialEq)]
pub struct Match {
    /// The segment whose translation it is.
    pub segment: i64,
    pub score: f64,
    entry: u32,
}

/// Fills a [`Memory`] a row at a time, so that the rows are never held
/// together.
#[derive(Default)]
struct MemoryBuilder {
    memory: Memory,
    /// Pairs of source and target seen, by a 128-bit hash of both.
    seen: HashSet<u128>,
}

impl MemoryBuilder {
    /// A builder with room for `entries`: a list that grows by doubling
    /// holds its old and its new copy at once, at most twice what a large
    /// memory needs.
    fn with_capacity(entries: usize) -> MemoryBuilder {
        let mut builder = MemoryBuilder::default();
        // Reserved, not touched: a count beyond any real memory costs
        // address space only, and the cap keeps that sane.
        let entries = entries.min(1 << 24);
        let memory = &mut builder.memory;
        memory.entries.reserve_exact(entries);
        memory.signatures.reserve_exact(entries);
        memory.sources.ends.reserve_exact(entries);
        memory.keys.ends.reserve_exact(entries);
        builder.seen.reserve(entries);
        builder
    }

    /// Adds a translation unless it is empty or the same pair of source
    /// and target is in already (the first origin is kept).
    fn add(&mut self, row: &MemoryRow) {
        if row.target.is_empty() || self.memory.entries.len() >= u32::MAX as usize {
            return;
        }
        let mut pair = xxhash_rust::xxh3::Xxh3::new();
        pair.update(&(row.source.len() as u64).to_le_bytes());
        pair.update(row.source.as_bytes());
        pair.update(row.target.as_bytes());
        if !self.seen.insert(pair.digest128()) {
            return;
        }
        let memory = &mut self.memory;
        if memory.paths.last() != Some(&row.path) {
            memory.paths.push(row.path.clone());
        }
        memory.entries.push(Entry {
            segment: row.segment,
            chars: u32::try_from(row.source.chars().count()).unwrap_or(u32::MAX),
            path: (memory.paths.len() - 1) as u32,
        });
        memory.signatures.push(signature(&row.source));
        memory.sources.push(&row.source);
        memory.keys.push(&row.key);
    }

    fn build(self) -> Memory {
        let MemoryBuilder { mut memory, seen } = self;
        drop(seen);
        if memory.entries.len() > SCAN_ALL {
            let mut bands: [Vec<u64>; BANDS] =
                std::array::from_fn(|_| Vec::with_capacity(memory.entries.len()));
            for (i, signature) in memory.signatures.iter().enumerate() {
                for (band, key) in band_keys(signature).into_iter().enumerate() {
                    bands[band].push((key << 32) | i as u64);
                }
            }
            memory.bands = Some(Bands(bands.map(Band::new)));
        }
        memory
    }
}

impl Memory {
    /// The memory of `lang`: its translations read a row at a time, none
    /// of them held; empty ones and repeated pairs of source and target
    /// left out.
    pub fn read(tx: &Tx<'_>, lang: &str) -> Result<Memory, StoreError> {
        let mut builder = MemoryBuilder::with_capacity(tx.memory_size(lang)?);
        tx.each_memory_row(lang, |row| -> Result<(), StoreError> {
            builder.add(&row);
            Ok(())
        })?;
        Ok(builder.build())
    }

    /// A memory of `rows` (see [`MemoryBuilder::add`]).
    #[cfg(test)]
    fn new(rows: impl IntoIterator<Item = MemoryRow>) -> Memory {
        let mut builder = MemoryBuilder::default();
        for row in rows {
            builder.add(&row);
        }
        builder.build()
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.entries.len()
    }

    /// The best matches for `text` scoring at least `threshold`, highest
    /// first, at most `limit`; never a translation of segment `exclude`.
    pub fn suggest(
        &self,
        text: &str,
        exclude: Option<i64>,
        threshold: f64,
        limit: usize,
    ) -> Vec<Match> {
        // Nothing to find: no signature to make (an export after a first
        // sync spent half its time on them).
        if self.entries.is_empty() {
            return Vec::new();
        }
        let chars = text.chars().count();
        let wanted = signature(text);
        let candidates: Vec<u32> = match &self.bands {
            None => (0..self.entries.len() as u32).collect(),
            Some(bands) => {
                let mut picked = Vec::new();
                for (band, key) in band_keys(&wanted).into_iter().enumerate() {
                    // The band keeps 32 bits of each key; the whole key
                    // decides, so that a bucket is what it always was.
                    let members = bands.0[band]
                        .bucket(key)
                        .filter(|&i| band_key(&self.signatures[i as usize], band) == key);
                    picked.extend(members.take(BUCKET_READ));
                }
                picked.sort_unstable();
                picked.dedup();
                picked
            }
        };
        let mut estimated: Vec<(f64, u32)> = candidates
            .into_iter()
            .filter(|&i| {
                let entry = &self.entries[i as usize];
                // The ratio can be no higher than the shorter text allows.
                Some(entry.segment) != exclude
                    && best_possible(chars, entry.chars as usize) >= threshold
            })
            .map(|i| (estimate(&wanted, &self.signatures[i as usize]), i))
            // At a lower threshold, less in common is worth a look.
            .filter(|(share, _)| *share >= MIN_ESTIMATE * (threshold / DEFAULT_THRESHOLD).min(1.0))
            .collect();
        // Best estimates first; ties in memory order, so runs agree. The
        // candidates come in memory order, so this is the order a stable
        // sort by estimate gives, and only the best need sorting.
        let keep = SCORED.max(limit);
        let order = |a: &(f64, u32), b: &(f64, u32)| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1));
        if estimated.len() > keep {
            estimated.select_nth_unstable_by(keep, order);
            estimated.truncate(keep);
        }
        estimated.sort_unstable_by(order);
        let fast = FastRatio::new(text);
        let mut found: Vec<Match> = estimated
            .into_iter()
            .map(|(_, i)| i)
            // The same ratio, computed a hundred times faster: most
            // candidates fall short, and only the rest are diffed.
            .filter(|&i| fast.similarity(self.sources.get(i as usize)) >= threshold)
            .filter_map(|i| {
                let score = similarity(text, self.sources.get(i as usize));
                (score >= threshold).then(|| Match {
                    segment: self.entries[i as usize].segment,
                    score,
                    entry: i,
                })
            })
            .collect();
        // Ties by origin, then by target (`Memory::suggestions`): an
        // obsolete segment and a live one may share an origin, so matches
        // that tie with the last one kept stay until their targets are read.
        let order = |a: &Match, b: &Match| {
            b.score
                .total_cmp(&a.score)
                .then_with(|| self.origin_bytes(a).cmp(self.origin_bytes(b)))
        };
        found.sort_by(order);
        if limit == 0 {
            found.clear();
        } else if found.len() > limit {
            let last = &found[limit - 1];
            let ties = found[limit..]
                .iter()
                .take_while(|m| order(last, m).is_eq())
                .count();
            found.truncate(limit + ties);
        }
        found
    }

    /// What `suggest` found, with each target read by `target_of`, best
    /// first (by score, then origin, then target), at most `limit`.
    pub fn suggestions<E>(
        &self,
        found: &[Match],
        limit: usize,
        target_of: impl Fn(i64) -> Result<Option<String>, E>,
    ) -> Result<Vec<Suggestion>, E> {
        let mut suggestions = Vec::with_capacity(found.len());
        for m in found {
            // Read in the same transaction as the memory: always there.
            if let Some(target) = target_of(m.segment)? {
                let (path, key) = self.origin_parts(m);
                suggestions.push(Suggestion {
                    source: self.sources.get(m.entry as usize).to_string(),
                    target,
                    score: m.score,
                    origin: format!("{path}#{key}"),
                });
            }
        }
        suggestions.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then_with(|| a.origin.cmp(&b.origin))
                .then_with(|| a.target.cmp(&b.target))
        });
        suggestions.truncate(limit);
        Ok(suggestions)
    }

    /// Where an entry comes from, `path#key`, byte by byte: ordered as
    /// the joined string, without joining it.
    fn origin_bytes(&self, found: &Match) -> impl Iterator<Item = u8> + '_ {
        let (path, key) = self.origin_parts(found);
        path.bytes().chain(std::iter::once(b'#')).chain(key.bytes())
    }

    fn origin_parts(&self, found: &Match) -> (&str, &str) {
        let entry = &self.entries[found.entry as usize];
        (
            &self.paths[entry.path as usize],
            self.keys.get(found.entry as usize),
        )
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
    /// Bit vectors end to end, `words` per distinct character of `text`:
    /// where it occurs.
    masks: Vec<u64>,
    /// Where the bit vector of a character below `TABLE` starts, or
    /// `ABSENT`: most characters of most texts are found without hashing
    /// (a hash per character was a fifth of an export's time).
    table: Box<[u32; TABLE]>,
    /// The other characters, sorted, with where their vectors start.
    others: Vec<(char, u32)>,
}

/// Characters looked up in a table: ASCII, Latin-1 and Latin Extended-A
/// and -B.
const TABLE: usize = 0x250;
const ABSENT: u32 = u32::MAX;

impl FastRatio {
    pub(crate) fn new(text: &str) -> FastRatio {
        let len = text.chars().count();
        let words = len.div_ceil(64);
        let mut ratio = FastRatio {
            len,
            words,
            masks: Vec::new(),
            table: Box::new([ABSENT; TABLE]),
            others: Vec::new(),
        };
        for (i, c) in text.chars().enumerate() {
            let start = match ratio.start_of(c) {
                Some(start) => start,
                None => {
                    let start = ratio.masks.len() as u32;
                    ratio.masks.resize(ratio.masks.len() + words, 0);
                    match ratio.table.get_mut(c as usize) {
                        Some(slot) => *slot = start,
                        None => {
                            let at = ratio.others.partition_point(|&(o, _)| o < c);
                            ratio.others.insert(at, (c, start));
                        }
                    }
                    start
                }
            };
            ratio.masks[start as usize + i / 64] |= 1 << (i % 64);
        }
        ratio
    }

    fn start_of(&self, c: char) -> Option<u32> {
        match self.table.get(c as usize) {
            Some(&start) => (start != ABSENT).then_some(start),
            None => self
                .others
                .binary_search_by_key(&c, |&(o, _)| o)
                .ok()
                .map(|at| self.others[at].1),
        }
    }

    pub(crate) fn similarity(&self, other: &str) -> f64 {
        let mut other_len = 0;
        // A zero bit in `v` is a character of `text` in the common
        // subsequence.
        let mut v = vec![u64::MAX; self.words];
        for c in other.chars() {
            other_len += 1;
            let Some(start) = self.start_of(c) else {
                continue;
            };
            let mask = &self.masks[start as usize..start as usize + self.words];
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

/// The MinHash signature of a text: over its trigrams as they come, not
/// as a set, since a trigram seen twice gives the same minimums.
fn signature(text: &str) -> Signature {
    let mut minimums = [u64::MAX; BANDS * ROWS];
    for gram in trigrams(text) {
        for (min, seed) in minimums.iter_mut().zip(SEEDS) {
            *min = (*min).min(mix(gram ^ seed));
        }
    }
    minimums.map(|m| m as u32)
}

/// The estimated share of trigrams two texts have in common (Jaccard).
fn estimate(a: &Signature, b: &Signature) -> f64 {
    // A sum of 0s and 1s, not a count of matches: the compiler makes it
    // a few vector instructions.
    let same: u32 = a.iter().zip(b).map(|(x, y)| u32::from(x == y)).sum();
    same as f64 / a.len() as f64
}

/// One key per band of a signature.
fn band_keys(signature: &Signature) -> [u64; BANDS] {
    std::array::from_fn(|band| band_key(signature, band))
}

/// The key of one band of a signature.
fn band_key(signature: &Signature, band: usize) -> u64 {
    signature[band * ROWS..(band + 1) * ROWS]
        .iter()
        .fold(band as u64, |acc, &m| mix(acc ^ u64::from(m)))
}

/// Hashes of the lowercased character trigrams of a text, with markers
/// at both ends so that short texts have some; a trigram that occurs
/// twice comes twice.
fn trigrams(text: &str) -> impl Iterator<Item = u64> {
    let chars: Vec<char> = std::iter::once('\u{2}')
        .chain(text.chars().flat_map(char::to_lowercase))
        .chain(std::iter::once('\u{3}'))
        .collect();
    (0..chars.len().saturating_sub(2)).map(move |i| {
        let packed =
            (u64::from(chars[i]) << 42) | (u64::from(chars[i + 1]) << 21) | u64::from(chars[i + 2]);
        mix(packed)
    })
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
            path: "content/sv/a.md".into(),
            key: format!("body:p[{segment}]"),
            source: source.into(),
            target: target.into(),
        }
    }

    /// What `memory` suggests, with the targets read from `rows`, as an
    /// export reads them from the store.
    fn suggestions(memory: &Memory, rows: &[MemoryRow], found: &[Match]) -> Vec<Suggestion> {
        let target_of = |segment| -> Result<Option<String>, ()> {
            Ok(rows
                .iter()
                .find(|r| r.segment == segment)
                .map(|r| r.target.clone()))
        };
        memory.suggestions(found, found.len(), target_of).unwrap()
    }

    #[test]
    fn matches_from_one_origin_are_ordered_by_target() {
        // An obsolete segment and the live one that took its key: two
        // entries of one origin, equally alike.
        let mut rows = vec![
            row(1, "Ansök nu via formuläret", "Sök nu"),
            row(2, "Ansök nu via formuläret", "Apply now"),
            row(3, "Ansök nu via formuläret", "Ansök"),
        ];
        rows[1].key = rows[0].key.clone();
        let memory = Memory::new(rows.clone());
        let found = memory.suggest("Ansök nu via formuläret!", None, 75.0, 1);
        assert_eq!(found.len(), 2, "the tie with the one kept stays");
        let best = suggestions(&memory, &rows, &found);
        assert_eq!(best[0].target, "Apply now", "ordered by target");
        let one = memory
            .suggestions(&found, 1, |segment| -> Result<_, ()> {
                Ok(rows
                    .iter()
                    .find(|r| r.segment == segment)
                    .map(|r| r.target.clone()))
            })
            .unwrap();
        assert_eq!(one.len(), 1);
        assert_eq!(one[0].target, "Apply now");
        assert!(memory.suggest("Ansök nu", None, 75.0, 0).is_empty());
    }

    #[test]
    fn offers_similar_texts_best_first() {
        let rows = vec![
            row(1, "Ansök nu via formuläret", "Apply now using the form"),
            row(2, "Ansök nu via formulären", "Apply now using the forms"),
            row(3, "Skicka e-post", "Send an email"),
            row(4, "Ansök nu via formuläret", "Apply now using the form"),
        ];
        let memory = Memory::new(rows.clone());
        assert_eq!(memory.len(), 3, "the repeated pair is kept once");
        let found = memory.suggest("Ansök nu via formuläret!", None, 75.0, 5);
        let found = suggestions(&memory, &rows, &found);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].target, "Apply now using the form");
        assert_eq!(found[0].source, "Ansök nu via formuläret");
        assert_eq!(
            found[0].origin, "content/sv/a.md#body:p[1]",
            "the first origin"
        );
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
                    // Beyond the table too: Cyrillic and Han.
                    ['a', 'b', 'c', 'å', ' ', 'ж', '語'][(state % 7) as usize]
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
    fn a_band_finds_every_entry_of_a_bucket_in_order() {
        let mut state: u64 = 11;
        let mut next = || {
            state = mix(state);
            state
        };
        // Few distinct keys, so that buckets hold many entries, and keys
        // that agree in their low 32 bits only.
        let keys: Vec<u64> = (0..50).map(|_| next()).collect();
        let entries: Vec<(u64, u32)> = (0..5_000)
            .map(|i| (keys[(next() % 50) as usize], i))
            .collect();
        let band = Band::new(
            entries
                .iter()
                .map(|&(k, i)| (k << 32) | u64::from(i))
                .collect(),
        );
        for &key in keys.iter().chain([next(), keys[3] ^ (1 << 40)].iter()) {
            let expected: Vec<u32> = entries
                .iter()
                .filter(|(k, _)| k & 0xffff_ffff == key & 0xffff_ffff)
                .map(|&(_, i)| i)
                .collect();
            assert_eq!(band.bucket(key).collect::<Vec<_>>(), expected);
        }
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
            m.bands = None;
            m
        };
        let indexed = Memory::new(rows);
        assert!(indexed.bands.is_some());
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
