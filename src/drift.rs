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
    // 5. What is still left: the same key, as before any insertion.
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

/// Whether a key counts its segment (`body:p[3]`, `sc:note[2].0`,
/// `fm:tags[1]`), so that an insertion before it changes it.
fn is_positional(key: &str) -> bool {
    key.contains('[')
}

/// The kind a key names, without its counts: `body:p[3]` → `body:p`,
/// `sc:note[2].0` → `sc:note.0`.
fn kind_of(key: &str) -> String {
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
/// paired neighbours. The most similar pair first; a gap holding exactly
/// one old and one new segment of a kind pairs them however different.
fn pair_in_gaps(
    old: &[Side<'_>],
    new: &[Side<'_>],
    old_taken: &mut [bool],
    new_match: &mut [Option<usize>],
) {
    let kinds_old: Vec<String> = old.iter().map(|s| kind_of(s.key)).collect();
    let kinds_new: Vec<String> = new.iter().map(|s| kind_of(s.key)).collect();
    // The old range each unpaired new segment may pair within.
    let window = |n: usize, new_match: &[Option<usize>]| -> (usize, usize) {
        let before = new_match[..n]
            .iter()
            .rev()
            .flatten()
            .next()
            .map_or(0, |&o| o + 1);
        let after = new_match[n + 1..]
            .iter()
            .flatten()
            .next()
            .map_or(old.len(), |&o| o);
        if before <= after {
            (before, after)
        } else {
            (0, old.len())
        }
    };
    let mut candidates: Vec<(f32, usize, usize)> = Vec::new();
    let mut gap_counts: HashMap<(usize, usize, &str), (usize, usize)> = HashMap::new();
    for n in (0..new.len()).filter(|&n| new_match[n].is_none()) {
        let (from, to) = window(n, new_match);
        gap_counts.entry((from, to, &kinds_new[n])).or_default().1 += 1;
        for o in (from..to).filter(|&o| !old_taken[o] && kinds_old[o] == kinds_new[n]) {
            let ratio = TextDiff::from_words(old[o].text, new[n].text).ratio();
            candidates.push((ratio, o, n));
        }
    }
    for (key, counts) in gap_counts.iter_mut() {
        let (from, to, kind) = *key;
        counts.0 = (from..to)
            .filter(|&o| !old_taken[o] && kinds_old[o] == kind)
            .count();
    }
    // Best first; equal ratios in document order, so runs agree.
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.2.cmp(&b.2)).then(a.1.cmp(&b.1)));
    for (ratio, o, n) in candidates {
        if old_taken[o] || new_match[n].is_some() {
            continue;
        }
        let (from, to) = window(n, new_match);
        let alone = gap_counts.get(&(from, to, kinds_new[n].as_str())) == Some(&(1, 1));
        if ratio >= MIN_SIMILAR || alone {
            old_taken[o] = true;
            new_match[n] = Some(o);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sides<'a>(list: &'a [(&'a str, &'a str)]) -> Vec<Side<'a>> {
        list.iter()
            .map(|&(key, hash)| Side {
                key,
                hash,
                text: hash,
            })
            .collect()
    }

    #[test]
    fn an_edit_after_an_insertion_finds_its_old_self() {
        let texts = |list: &[&'static str]| -> Vec<(String, &'static str)> {
            list.iter()
                .enumerate()
                .map(|(i, t)| (format!("body:p[{}]", i + 1), *t))
                .collect()
        };
        let old = texts(&[
            "Vi söker en utvecklare",
            "Du arbetar med moln och lagring",
            "Ansök senast i maj",
        ]);
        let new = texts(&[
            "Vi söker en utvecklare",
            "Ett helt nytt stycke om något annat",
            "Du arbetar med moln, nätverk och lagring",
            "Ansök senast i juni",
        ]);
        fn side<'a>((key, text): &'a (String, &'static str)) -> Side<'a> {
            Side {
                key: key.as_str(),
                hash: text,
                text,
            }
        }
        let old: Vec<Side> = old.iter().map(side).collect();
        let new: Vec<Side> = new.iter().map(side).collect();
        let alignment = align(&old, &new);
        assert_eq!(alignment.matched, [(0, 0), (1, 2), (2, 3)]);
        assert_eq!(alignment.added, [1]);
        assert!(alignment.gone.is_empty());
    }

    #[test]
    fn a_rewrite_alone_in_its_gap_pairs_and_kinds_do_not_mix() {
        let old = [
            Side {
                key: "body:h2[1]",
                hash: "a",
                text: "Om oss",
            },
            Side {
                key: "body:p[1]",
                hash: "b",
                text: "Gammal text helt och hållet",
            },
            Side {
                key: "body:li[1]",
                hash: "c",
                text: "Kaffe",
            },
        ];
        let new = [
            Side {
                key: "body:h2[1]",
                hash: "a",
                text: "Om oss",
            },
            Side {
                key: "body:p[1]",
                hash: "x",
                text: "Något annat skrivet på nytt",
            },
            Side {
                key: "body:p[2]",
                hash: "y",
                text: "Te",
            },
        ];
        let alignment = align(&old, &new);
        assert_eq!(alignment.matched, [(0, 0), (1, 1)]);
        assert_eq!(alignment.added, [2]);
        assert_eq!(
            alignment.gone,
            [2],
            "a list item does not become a paragraph"
        );
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
