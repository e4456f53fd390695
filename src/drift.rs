//! Alignment of a document's new segment list with the stored one.
//!
//! Equal source hashes pair first, the same key preferred, so that a moved
//! paragraph keeps its translation; then segments left over pair by key:
//! the text changed, so the translation becomes stale (its source hash no
//! longer matches). What is left is new (missing) or gone (obsolete).

use std::collections::HashMap;

/// A segment as alignment sees it.
#[derive(Debug, Clone, Copy)]
pub struct Side<'a> {
    pub key: &'a str,
    pub hash: &'a str,
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
    // 3. Same key, changed text.
    for (n, side) in new.iter().enumerate() {
        if new_match[n].is_none()
            && let Some(&o) = old_by_key.get(side.key)
            && !old_taken[o]
        {
            old_taken[o] = true;
            new_match[n] = Some(o);
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn sides<'a>(list: &'a [(&'a str, &'a str)]) -> Vec<Side<'a>> {
        list.iter().map(|&(key, hash)| Side { key, hash }).collect()
    }

    #[test]
    fn moves_keep_their_pair_and_edits_pair_by_key() {
        let old = sides(&[("p[1]", "a"), ("p[2]", "b"), ("p[3]", "c")]);
        // b and a swapped places; c was edited to d; e is new.
        let new = sides(&[("p[1]", "b"), ("p[2]", "a"), ("p[3]", "d"), ("p[4]", "e")]);
        let alignment = align(&old, &new);
        assert_eq!(alignment.matched, [(1, 0), (0, 1), (2, 2)]);
        assert_eq!(alignment.added, [3]);
        assert!(alignment.gone.is_empty());
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
