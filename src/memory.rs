//! The translation memory's fuzzy side: translations of similar source
//! texts, scored by `similar`'s character ratio. (Exact matches are filled
//! by the store itself: `Tx::fill_from_memory`.)

use std::collections::HashSet;
use std::time::Duration;

use similar::TextDiff;

use crate::exchange::Suggestion;
use crate::store::MemoryRow;

/// The default lowest score worth offering, in percent.
pub const DEFAULT_THRESHOLD: f64 = 75.0;

/// Translations into one language with their source texts.
pub struct Memory {
    entries: Vec<Entry>,
}

struct Entry {
    row: MemoryRow,
    chars: usize,
}

impl Memory {
    /// A memory of `rows`; a pair of source and target seen twice is kept
    /// once, with its first origin.
    pub fn new(rows: Vec<MemoryRow>) -> Memory {
        let mut seen = HashSet::new();
        let entries = rows
            .into_iter()
            .filter(|row| !row.target.is_empty())
            .filter(|row| seen.insert((row.source.clone(), row.target.clone())))
            .map(|row| Entry {
                chars: row.source.chars().count(),
                row,
            })
            .collect();
        Memory { entries }
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
        let chars = text.chars().count();
        let mut found: Vec<Suggestion> = self
            .entries
            .iter()
            .filter(|e| Some(e.row.segment) != exclude)
            // The ratio can be no higher than the shorter text allows.
            .filter(|e| best_possible(chars, e.chars) >= threshold)
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
/// exports are the same on every machine.
pub fn similarity(a: &str, b: &str) -> f64 {
    if a == b {
        return 100.0;
    }
    let ratio = TextDiff::configure()
        .timeout(Duration::from_millis(100))
        .diff_chars(a, b)
        .ratio();
    (f64::from(ratio) * 10_000.0).round() / 100.0
}

/// The highest ratio two texts of these lengths can reach.
fn best_possible(a: usize, b: usize) -> f64 {
    if a + b == 0 {
        return 100.0;
    }
    200.0 * a.min(b) as f64 / (a + b) as f64
}

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
    fn scores_are_percentages() {
        assert_eq!(similarity("abc", "abc"), 100.0);
        assert_eq!(similarity("abc", "xyz"), 0.0);
        assert_eq!(similarity("abcd", "abce"), 75.0);
        assert!(best_possible(10, 30) < 75.0);
    }
}
