//! How well adopt pairs a translation whose structure differs from its
//! source's. The corpus translations that align completely are edited as
//! translators' copies drift: a paragraph or list item deleted, another
//! inserted, a block moved. Line provenance gives the true pairs; adopt's
//! pairs are scored against them. A wrong pair is a guess (the one thing
//! adopt must not do); a missed pair only leaves a segment to translate.
//!
//! `cargo test --release --test adopt_alignment -- --nocapture` prints
//! the figures; `TOLKAR_ADOPT_TRIALS=N` for more trials per posting.

mod common;

use std::collections::{HashMap, HashSet};

use common::history::{Pool, Rng, Version, truth};
use common::{corpus_dir, site_rules};

#[derive(Debug, Default, Clone, Copy)]
struct Tally {
    trials: usize,
    expected: usize,
    predicted: usize,
    wrong: usize,
    missed: usize,
}

#[test]
fn adopt_pairs_drifted_translations_without_guessing() {
    if common::corpus_or_skip().is_none() {
        return;
    }
    let rules = site_rules();
    let trials: u64 = std::env::var("TOLKAR_ADOPT_TRIALS")
        .ok()
        .and_then(|t| t.parse().ok())
        .unwrap_or(4);
    let site = corpus_dir().join("site/content");
    let mut sources: Vec<_> = std::fs::read_dir(site.join("sv/career"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    sources.sort();
    let none = HashMap::new();
    let kinds = ["delete", "insert", "move", "mixed"];
    let mut tallies = vec![Tally::default(); kinds.len()];
    let mut examples = Vec::new();
    for lang in ["en", "da", "nb"] {
        let mut pool = Pool::default();
        for source in &sources {
            let path = site
                .join(lang)
                .join("career")
                .join(source.file_name().unwrap());
            if let Ok(text) = std::fs::read_to_string(path) {
                pool.add(&text);
            }
        }
        for (p, source) in sources.iter().enumerate() {
            let path = site
                .join(lang)
                .join("career")
                .join(source.file_name().unwrap());
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            let source_bytes = std::fs::read(source).unwrap();
            let original = Version::parse(&text);
            let base = tolkar::adopt::adopt(
                &source_bytes,
                original.text().as_bytes(),
                &rules,
                &tolkar::posting::links::LinkRule::default(),
                lang,
                true,
                &none,
            )
            .unwrap();
            // Only complete alignments give a truth to score against.
            if !base.alignment.missing.is_empty()
                || !base.alignment.unmatched.is_empty()
                || !base.refused.is_empty()
            {
                continue;
            }
            let source_of: HashMap<usize, usize> =
                base.alignment.pairs.iter().map(|&(s, l)| (l, s)).collect();
            let old_segs = original.segments(&rules).unwrap();
            for (k, kind) in kinds.iter().enumerate() {
                for trial in 0..trials {
                    let seed = (p as u64) << 32 | (k as u64) << 24 | trial << 8 | lang.len() as u64;
                    let mut rng = Rng::new(seed ^ lang.as_bytes()[0] as u64);
                    let mut version = original.clone();
                    let edited = match *kind {
                        "delete" => version.delete(&mut rng),
                        "insert" => version.insert(&mut rng, &pool),
                        "move" => version.move_block(&mut rng),
                        _ => {
                            let mut any = false;
                            for _ in 0..2 + rng.below(3) {
                                any |= match rng.below(3) {
                                    0 => version.delete(&mut rng),
                                    1 => version.insert(&mut rng, &pool),
                                    _ => version.move_block(&mut rng),
                                };
                            }
                            any
                        }
                    };
                    if !edited {
                        continue;
                    }
                    let Ok(new_segs) = version.segments(&rules) else {
                        continue;
                    };
                    let t = truth(&original, &old_segs, &version, &new_segs);
                    let expected: HashSet<(usize, usize)> =
                        t.pairs.iter().map(|&(o, n)| (source_of[&o], n)).collect();
                    let adoption = tolkar::adopt::adopt(
                        &source_bytes,
                        version.text().as_bytes(),
                        &rules,
                        &tolkar::posting::links::LinkRule::default(),
                        lang,
                        true,
                        &none,
                    )
                    .unwrap();
                    let predicted: HashSet<(usize, usize)> =
                        adoption.alignment.pairs.iter().copied().collect();
                    let tally = &mut tallies[k];
                    tally.trials += 1;
                    tally.expected += expected.len();
                    tally.predicted += predicted.len();
                    let wrong: Vec<_> = predicted.difference(&expected).collect();
                    tally.wrong += wrong.len();
                    tally.missed += expected.difference(&predicted).count();
                    if let Some(&&(s, l)) = wrong.first()
                        && examples.len() < 3
                        && std::env::var_os("TOLKAR_ADOPT_SHOW").is_some()
                    {
                        examples.push(format!(
                            "{lang} {}: {:?} paired with {:?}",
                            source.display(),
                            adoption.source.segments[s].text,
                            adoption.localized.segments[l].text
                        ));
                    }
                }
            }
        }
    }
    eprintln!("edit      trials  true pairs  pairs made  wrong (guessed)  missed");
    for (kind, t) in kinds.iter().zip(&tallies) {
        eprintln!(
            "{kind:<8} {:>7} {:>11} {:>11} {:>9} ({:.2}%) {:>7}",
            t.trials,
            t.expected,
            t.predicted,
            t.wrong,
            100.0 * t.wrong as f64 / t.predicted.max(1) as f64,
            t.missed
        );
    }
    for example in &examples {
        eprintln!("{example}");
    }
    for (kind, t) in kinds.iter().zip(&tallies) {
        assert!(t.trials >= 20, "{kind}: too few trials");
        // Guesses are rare, and most true pairs are found.
        assert!(
            t.wrong * 100 <= t.predicted,
            "{kind}: {} of {} pairs wrong",
            t.wrong,
            t.predicted
        );
        assert!(t.missed * 10 <= t.expected, "{kind}: {t:?}");
    }
}
