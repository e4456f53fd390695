//! Alignment of a document's new segment list with the stored one.
//!
//! Equal source hashes pair first, the same key preferred, so that a moved
//! paragraph keeps its translation. Then the segments left over pair up,
//! and their translations become stale (the source hash no longer
//! matches): a named front-matter value by its key; everything else within
//! the gap between its paired neighbours, by kind and similarity, so that
//! an edited paragraph after an inserted one still finds its old self
//! although its key (`body:p[4]`) moved on; last, what is still left by
//! key. What is left then is new (missing) or gone (obsolete).

use std::collections::HashMap;

use similar::TextDiff;

use crate::memory::{FastRatio, best_possible};

/// Below this word similarity, two segments are different texts; unless
/// they are the only two of their kind in their gap (a rewrite).
const MIN_SIMILAR: f32 = 0.5;

/// A segment as alignment sees it.
#[derive(Debug, Clone, Copy)]
pub struct Side<'a> {
    pub key: &'a str,
    pub hash: &'a str,
    pub text: &'a str,
}

impl<'a> From<&'a crate::store::StoredSegment> for Side<'a> {
    fn from(segment: &'a crate::store::StoredSegment) -> Side<'a> {
        Side {
            key: &segment.key,
            hash: &segment.hash,
            text: &segment.text,
        }
    }
}

#[derive(Debug, Default, PartialEq, Eq)]
pub struct Alignment {
    /// (old index, new index) pairs.
    pub matched: Vec<(usize, usize)>,
    /// New segments with no old counterpart.
    pub added: Vec<usize>,
    /// Old segments with no new counterpart.
    pub gone: Vec<usize>,
}

pub fn align(old: &[Side<'_>], new: &[Side<'_>]) -> Alignment {
    let mut old_taken = vec![false; old.len()];
    let mut new_match: Vec<Option<usize>> = vec![None; new.len()];

    // 1. Same key and same text.
    let old_by_key: HashMap<&str, usize> =
        old.iter().enumerate().map(|(i, s)| (s.key, i)).collect();
    for (n, side) in new.iter().enumerate() {
        if let Some(&o) = old_by_key.get(side.key)
            && old[o].hash == side.hash
        {
            old_taken[o] = true;
            new_match[n] = Some(o);
        }
    }
    // 2. Same text elsewhere: a move, in order of appearance.
    let mut old_by_hash: HashMap<&str, Vec<usize>> = HashMap::new();
    for (o, side) in old.iter().enumerate().rev() {
        if !old_taken[o] {
            old_by_hash.entry(side.hash).or_default().push(o);
        }
    }
    for (n, side) in new.iter().enumerate() {
        if new_match[n].is_some() {
            continue;
        }
        if let Some(candidates) = old_by_hash.get_mut(side.hash) {
            while let Some(o) = candidates.pop() {
                if !old_taken[o] {
                    old_taken[o] = true;
                    new_match[n] = Some(o);
                    break;
                }
            }
        }
    }
    // 3. A named front-matter value, changed text: by key.
    for (n, side) in new.iter().enumerate() {
        if new_match[n].is_none()
            && !is_positional(side.key)
            && let Some(&o) = old_by_key.get(side.key)
            && !old_taken[o]
        {
            old_taken[o] = true;
            new_match[n] = Some(o);
        }
    }
    // 4. Within each gap between paired neighbours: by kind and similarity.
    pair_in_gaps(old, new, &mut old_taken, &mut new_match);
    // 5. Edited and moved: anywhere, by kind and close similarity.
    pair_moved_edits(old, new, &mut old_taken, &mut new_match);
    let mut alignment = Alignment::default();
    for (n, matched) in new_match.iter().enumerate() {
        match matched {
            Some(o) => alignment.matched.push((*o, n)),
            None => alignment.added.push(n),
        }
    }
    alignment.gone = (0..old.len()).filter(|&o| !old_taken[o]).collect();
    alignment
}

/// Above this similarity of characters (percent), a segment edited
/// somewhere else is the same segment moved and edited (a typo fixed in a
/// section that moved).
const MOVED_SIMILAR: f64 = 80.0;

/// Beyond this many comparisons the pass for moved edits is skipped: a
/// document rewritten throughout has no moves worth finding.
const MOVED_BUDGET: usize = 50_000;

/// Pairs unpaired segments of the same kind anywhere in the document when
/// their texts are close, best first.
fn pair_moved_edits(
    old: &[Side<'_>],
    new: &[Side<'_>],
    old_taken: &mut [bool],
    new_match: &mut [Option<usize>],
) {
    let olds: Vec<usize> = (0..old.len()).filter(|&o| !old_taken[o]).collect();
    let news: Vec<usize> = (0..new.len()).filter(|&n| new_match[n].is_none()).collect();
    if olds.is_empty() || news.is_empty() || olds.len() * news.len() > MOVED_BUDGET {
        return;
    }
    let lengths = |text: &str| text.chars().count();
    let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
    for &o in &olds {
        let kind = kind_of(old[o].key);
        let old_len = lengths(old[o].text);
        let ratio = FastRatio::new(old[o].text);
        for &n in news.iter().filter(|&&n| kind_of(new[n].key) == kind) {
            if best_possible(old_len, lengths(new[n].text)) < MOVED_SIMILAR {
                continue;
            }
            let similarity = ratio.similarity(new[n].text);
            if similarity >= MOVED_SIMILAR {
                candidates.push((similarity, o, n));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.2.cmp(&b.2)).then(a.1.cmp(&b.1)));
    for (_, o, n) in candidates {
        if !old_taken[o] && new_match[n].is_none() {
            old_taken[o] = true;
            new_match[n] = Some(o);
        }
    }
}

/// Whether a key counts its segment (`body:p[3]`, `sc:note[2].0`,
/// `fm:tags[1]`), so that an insertion before it changes it.
fn is_positional(key: &str) -> bool {
    key.contains('[')
}

/// The kind a key names, without its counts: `body:p[3]` → `body:p`,
/// `sc:note[2].0` → `sc:note.0`.
pub(crate) fn kind_of(key: &str) -> String {
    let mut kind = String::with_capacity(key.len());
    let mut in_count = false;
    for c in key.chars() {
        match c {
            '[' => in_count = true,
            ']' => in_count = false,
            _ if !in_count => kind.push(c),
            _ => {}
        }
    }
    kind
}

/// Pairs what is left between anchors: for each unpaired new segment, the
/// old ones of its kind that lie between the old partners of its nearest
/// paired neighbours. The most similar pairs first; then a gap left with
/// exactly one old and one new segment of a kind pairs them however
/// different (a rewrite).
fn pair_in_gaps(
    old: &[Side<'_>],
    new: &[Side<'_>],
    old_taken: &mut [bool],
    new_match: &mut [Option<usize>],
) {
    let kinds_old: Vec<String> = old.iter().map(|s| kind_of(s.key)).collect();
    let kinds_new: Vec<String> = new.iter().map(|s| kind_of(s.key)).collect();
    let mut candidates: Vec<(f32, usize, usize)> = Vec::new();
    for n in (0..new.len()).filter(|&n| new_match[n].is_none()) {
        let gap = Gap::of(n, new_match, old.len());
        for o in gap
            .old_range()
            .filter(|&o| !old_taken[o] && kinds_old[o] == kinds_new[n])
        {
            let ratio = TextDiff::from_words(old[o].text, new[n].text).ratio();
            if ratio >= MIN_SIMILAR {
                candidates.push((ratio, o, n));
            }
        }
    }
    // Best first; equal ratios in document order, so runs agree. A pair
    // made shrinks the gaps around it: later pairs must stay inside them.
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.2.cmp(&b.2)).then(a.1.cmp(&b.1)));
    for (_, o, n) in candidates {
        if !old_taken[o]
            && new_match[n].is_none()
            && Gap::of(n, new_match, old.len()).old_range().contains(&o)
        {
            old_taken[o] = true;
            new_match[n] = Some(o);
        }
    }
    // Lone pairs, until none is left: each pair made splits a gap.
    loop {
        let mut paired = false;
        for n in 0..new.len() {
            if new_match[n].is_some() {
                continue;
            }
            let gap = Gap::of(n, new_match, old.len());
            let kind = &kinds_new[n];
            let olds: Vec<usize> = gap
                .old_range()
                .filter(|&o| !old_taken[o] && &kinds_old[o] == kind)
                .collect();
            let news = gap
                .new_range()
                .filter(|&m| new_match[m].is_none() && &kinds_new[m] == kind)
                .count();
            if let [o] = olds[..]
                && news == 1
            {
                old_taken[o] = true;
                new_match[n] = Some(o);
                paired = true;
            }
        }
        if !paired {
            break;
        }
    }
}

/// The stretch between an unpaired new segment's nearest paired
/// neighbours, in the new list and in the old one (between their
/// partners). Crossed partners (a move) open the old stretch to the whole
/// document.
struct Gap {
    new: (usize, usize),
    old: (usize, usize),
}

impl Gap {
    fn of(n: usize, new_match: &[Option<usize>], old_len: usize) -> Gap {
        let before = new_match[..n].iter().rposition(Option::is_some);
        let after = new_match[n + 1..]
            .iter()
            .position(Option::is_some)
            .map(|i| n + 1 + i);
        let new = (
            before.map_or(0, |b| b + 1),
            after.unwrap_or(new_match.len()),
        );
        let old_from = before.map_or(0, |b| new_match[b].unwrap() + 1);
        let old_to = after.map_or(old_len, |a| new_match[a].unwrap());
        let old = if old_from <= old_to {
            (old_from, old_to)
        } else {
            (0, old_len)
        };
        Gap { new, old }
    }

    fn old_range(&self) -> std::ops::Range<usize> {
        self.old.0..self.old.1
    }

    fn new_range(&self) -> std::ops::Range<usize> {
        self.new.0..self.new.1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Segments from (key, text) pairs, each text its own hash.
    fn sides<'a>(list: &[(&'a str, &'a str)]) -> Vec<Side<'a>> {
        list.iter()
            .map(|&(key, hash)| Side {
                key,
                hash,
                text: hash,
            })
            .collect()
    }

    /// Segments from (key, hash, text) triples.
    fn hashed<'a>(list: &[(&'a str, &'a str, &'a str)]) -> Vec<Side<'a>> {
        list.iter()
            .map(|&(key, hash, text)| Side { key, hash, text })
            .collect()
    }

    /// The alignment a test expects.
    fn expected(matched: &[(usize, usize)], added: &[usize], gone: &[usize]) -> Alignment {
        Alignment {
            matched: matched.to_vec(),
            added: added.to_vec(),
            gone: gone.to_vec(),
        }
    }

    #[test]
    fn an_edit_after_an_insertion_finds_its_old_self() {
        let old = sides(&[
            ("body:p[1]", "Vi söker en utvecklare"),
            ("body:p[2]", "Du arbetar med moln och lagring"),
            ("body:p[3]", "Ansök senast i maj"),
        ]);
        let new = sides(&[
            ("body:p[1]", "Vi söker en utvecklare"),
            ("body:p[2]", "Ett helt nytt stycke om något annat"),
            ("body:p[3]", "Du arbetar med moln, nätverk och lagring"),
            ("body:p[4]", "Ansök senast i juni"),
        ]);
        assert_eq!(
            align(&old, &new),
            expected(&[(0, 0), (1, 2), (2, 3)], &[1], &[])
        );
    }

    #[test]
    fn a_rewrite_alone_in_its_gap_pairs_and_kinds_do_not_mix() {
        let old = hashed(&[
            ("body:h2[1]", "a", "Om oss"),
            ("body:p[1]", "b", "Gammal text helt och hållet"),
            ("body:li[1]", "c", "Kaffe"),
        ]);
        let mut new = hashed(&[
            ("body:h2[1]", "a", "Om oss"),
            ("body:p[1]", "x", "Något annat skrivet på nytt"),
            ("body:li[1]", "y", "Te"),
        ]);
        let alignment = align(&old, &new);
        assert_eq!(alignment.matched, [(0, 0), (1, 1), (2, 2)]);
        // Two new paragraphs for one old one: which is the rewrite is a
        // guess, so neither pairs; and a list item never pairs with a
        // paragraph.
        new[2] = Side {
            key: "body:p[2]",
            hash: "z",
            text: "Ytterligare ett stycke",
        };
        assert_eq!(align(&old, &new), expected(&[(0, 0)], &[1, 2], &[1, 2]));
    }

    #[test]
    fn moves_keep_their_pair_and_edits_pair_by_similarity() {
        let old = sides(&[
            ("p[1]", "Vi bygger moln"),
            ("p[2]", "Ansök idag"),
            ("p[3]", "Vi söker en ingenjör med erfarenhet av nätverk"),
        ]);
        // Two paragraphs swapped places, the third was edited, and a new
        // one came after it.
        let new = sides(&[
            ("p[1]", "Ansök idag"),
            ("p[2]", "Vi bygger moln"),
            (
                "p[3]",
                "Vi söker en ingenjör med lång erfarenhet av nätverk",
            ),
            ("p[4]", "Välkommen"),
        ]);
        assert_eq!(
            align(&old, &new),
            expected(&[(1, 0), (0, 1), (2, 2)], &[3], &[])
        );
    }

    #[test]
    fn an_edited_segment_that_moved_far_keeps_its_pair() {
        let old = sides(&[
            ("h2[1]", "Om oss"),
            ("p[1]", "Vi är ett litet team i Stockholm"),
            ("h2[2]", "Ansök"),
            ("p[2]", "Skicka ditt CV till oss"),
        ]);
        // The first section moved to the end, with a typo fixed in it.
        let new = sides(&[
            ("h2[1]", "Ansök"),
            ("p[1]", "Skicka ditt CV till oss"),
            ("h2[2]", "Om oss"),
            ("p[2]", "Vi är ett litet team i Solna"),
        ]);
        let alignment = align(&old, &new);
        assert_eq!(alignment.matched, [(2, 0), (3, 1), (0, 2), (1, 3)]);
    }

    #[test]
    fn removed_segments_are_gone() {
        let old = sides(&[("p[1]", "a"), ("p[2]", "b")]);
        let new = sides(&[("p[1]", "b")]);
        let alignment = align(&old, &new);
        assert_eq!(alignment.matched, [(1, 0)]);
        assert_eq!(alignment.gone, [0]);
    }
}
