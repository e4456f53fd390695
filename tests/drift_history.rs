//! Drift precision and recall on edit histories of every posting of the
//! corpus site (all four languages). Each trial edits a posting as people
//! do; line provenance says which segments really changed text, and the
//! aligner that sync uses must flag exactly those as stale.
//!
//! Moves, single edits and layout changes must be perfect; the figures for
//! mixed edits are printed (`cargo test --release --test drift_history --
//! --nocapture`; `TOLKAR_DRIFT_TRIALS=N` for more trials per posting,
//! `TOLKAR_DRIFT_SHOW=1` to see every mistake).

mod common;

use std::collections::HashMap;

use common::history::{Pool, Rng, Seg, Truth, Version, truth, words_of};
use common::{corpus_dir, site_rules};
use tolkar::drift::{Side, align};
use tolkar::posting::Rules;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Scenario {
    /// Paragraphs and sections moved.
    Moves,
    /// One typo or one rewritten paragraph.
    SingleEdit,
    /// Reflowed lines, changed link targets and colours, a move.
    Layout,
    /// Three to eight edits of every kind at once.
    Mixed,
}

const SCENARIOS: [Scenario; 4] = [
    Scenario::Moves,
    Scenario::SingleEdit,
    Scenario::Layout,
    Scenario::Mixed,
];

#[derive(Debug, Default, Clone, Copy)]
struct Tally {
    trials: usize,
    /// Segments whose text really changed.
    changed: usize,
    /// Segments flagged stale.
    flagged: usize,
    /// Flagged, and paired with their real old text.
    correct: usize,
    /// Unchanged segments whose translation was not kept as current.
    lost: usize,
    /// Segments reported new (missing) that existed before.
    false_missing: usize,
    /// Segments really new.
    added: usize,
}

impl Tally {
    fn add(&mut self, other: Tally) {
        self.trials += other.trials;
        self.changed += other.changed;
        self.flagged += other.flagged;
        self.correct += other.correct;
        self.lost += other.lost;
        self.false_missing += other.false_missing;
        self.added += other.added;
    }

    fn precision(&self) -> f64 {
        if self.flagged == 0 {
            1.0
        } else {
            self.correct as f64 / self.flagged as f64
        }
    }

    fn recall(&self) -> f64 {
        if self.changed == 0 {
            1.0
        } else {
            self.correct as f64 / self.changed as f64
        }
    }

    fn perfect(&self) -> bool {
        self.correct == self.flagged
            && self.correct == self.changed
            && self.lost == 0
            && self.false_missing == 0
    }
}

/// Scores what `align` makes of two versions against the truth; with
/// `show`, describes each mistake on stderr.
fn evaluate(old: &[Seg], new: &[Seg], truth: &Truth, show: bool) -> Tally {
    fn side(s: &Seg) -> Side<'_> {
        Side {
            key: &s.key,
            hash: &s.hash,
            text: &s.text,
        }
    }
    let old_sides: Vec<Side> = old.iter().map(side).collect();
    let new_sides: Vec<Side> = new.iter().map(side).collect();
    let alignment = align(&old_sides, &new_sides);
    // Every segment, old and new, is accounted for exactly once.
    let mut news: Vec<usize> = alignment.matched.iter().map(|&(_, n)| n).collect();
    news.extend(&alignment.added);
    news.sort();
    assert_eq!(news, (0..new.len()).collect::<Vec<_>>());
    let mut olds: Vec<usize> = alignment.matched.iter().map(|&(o, _)| o).collect();
    olds.extend(&alignment.gone);
    olds.sort();
    assert_eq!(olds, (0..old.len()).collect::<Vec<_>>());
    let predicted: HashMap<usize, usize> = alignment.matched.iter().map(|&(o, n)| (n, o)).collect();
    let real: HashMap<usize, usize> = truth.pairs.iter().map(|&(o, n)| (n, o)).collect();
    let describe = |what: &str, n: usize, o: Option<usize>| {
        if show {
            let old = o.map(|o| (&old[o].key, &old[o].text));
            eprintln!("{what}: {} {:?}\n  old: {old:?}", new[n].key, new[n].text);
        }
    };

    let mut tally = Tally {
        trials: 1,
        added: truth.added.len(),
        ..Tally::default()
    };
    for (&n, &o) in &real {
        let kept = predicted
            .get(&n)
            .is_some_and(|&p| old[p].hash == new[n].hash);
        if old[o].hash != new[n].hash {
            tally.changed += 1;
            if predicted
                .get(&n)
                .is_none_or(|&p| old[p].hash != old[o].hash)
            {
                describe("changed, not flagged", n, Some(o));
            }
        } else if !kept {
            tally.lost += 1;
            describe("unchanged, translation lost", n, Some(o));
        }
    }
    for (&n, &o) in &predicted {
        if old[o].hash == new[n].hash {
            continue;
        }
        tally.flagged += 1;
        // A duplicate of the real old text is as good as the real one.
        if real
            .get(&n)
            .is_some_and(|&r| old[r].hash == old[o].hash && old[r].hash != new[n].hash)
        {
            tally.correct += 1;
        } else {
            describe("flagged stale wrongly", n, Some(o));
        }
    }
    for &n in alignment.added.iter().filter(|n| real.contains_key(n)) {
        tally.false_missing += 1;
        describe("reported missing, existed", n, real.get(&n).copied());
    }
    tally
}

/// Applies a scenario's edits; false if none could be made.
fn edit(
    version: &mut Version,
    scenario: Scenario,
    rng: &mut Rng,
    rules: &Rules,
    vocabulary: &[String],
    pool: &Pool,
) -> bool {
    let mut made = 0;
    let attempt = |version: &mut Version, rng: &mut Rng, op: usize| -> bool {
        match op {
            0 => version.typo(rng, rules),
            1 => version.rewrite(rng, rules, vocabulary),
            2 => version.insert(rng, pool),
            3 => version.delete(rng),
            4 => version.move_block(rng),
            5 => version.move_section(rng),
            6 => version.reflow(rng),
            _ => version.relink(rng),
        }
    };
    match scenario {
        Scenario::Moves => {
            for _ in 0..1 + rng.below(3) {
                let op = 4 + rng.below(2);
                made += usize::from(attempt(version, rng, op));
            }
        }
        Scenario::SingleEdit => {
            for _ in 0..10 {
                let op = usize::from(rng.below(10) < 3);
                if attempt(version, rng, op) {
                    made = 1;
                    break;
                }
            }
        }
        Scenario::Layout => {
            for op in [6, 7, 6, 7, 4] {
                made += usize::from(attempt(version, rng, op));
            }
        }
        Scenario::Mixed => {
            for _ in 0..3 + rng.below(6) {
                let op = rng.below(8);
                made += usize::from(attempt(version, rng, op));
            }
        }
    }
    made > 0
}

fn site_postings() -> Vec<std::path::PathBuf> {
    common::corpus_files()
        .into_iter()
        .filter(|p| p.starts_with(corpus_dir().join("site")))
        .collect()
}

#[test]
fn drift_is_exact_on_moves_single_edits_and_layout_and_measured_on_mixed_edits() {
    if common::corpus_or_skip().is_none() {
        return;
    }
    let rules = site_rules();
    let postings = site_postings();
    let trials: u64 = std::env::var("TOLKAR_DRIFT_TRIALS")
        .ok()
        .and_then(|t| t.parse().ok())
        .unwrap_or(6);
    let texts: Vec<String> = postings
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    // Inserted paragraphs come from postings in the same language.
    let language = |path: &std::path::Path| -> String {
        let relative = path
            .strip_prefix(corpus_dir().join("site/content"))
            .unwrap();
        relative
            .iter()
            .next()
            .unwrap()
            .to_string_lossy()
            .into_owned()
    };
    let mut pools: HashMap<String, Pool> = HashMap::new();
    for (path, text) in postings.iter().zip(&texts) {
        pools.entry(language(path)).or_default().add(text);
    }
    let show = std::env::var_os("TOLKAR_DRIFT_SHOW").is_some();
    let mut vocabulary: Vec<String> = texts
        .iter()
        .flat_map(|text| words_of(text))
        .filter(|w| w.chars().all(|c| c.is_lowercase()))
        .collect();
    vocabulary.sort();
    vocabulary.dedup();

    let mut totals: Vec<Tally> = vec![Tally::default(); SCENARIOS.len()];
    let mut failures: Vec<String> = Vec::new();
    for (p, path) in postings.iter().enumerate() {
        let original = Version::parse(&std::fs::read_to_string(path).unwrap());
        let old_segs = original.segments(&rules).unwrap();
        for (s, &scenario) in SCENARIOS.iter().enumerate() {
            for trial in 0..trials {
                let mut rng = Rng::new((p as u64) << 32 | (s as u64) << 16 | trial);
                let mut version = original.clone();
                if !edit(
                    &mut version,
                    scenario,
                    &mut rng,
                    &rules,
                    &vocabulary,
                    &pools[&language(path)],
                ) {
                    continue;
                }
                let new_segs = version.segments(&rules).unwrap_or_else(|e| {
                    panic!("{}: an edit broke the posting: {e}", path.display())
                });
                let truth = truth(&original, &old_segs, &version, &new_segs);
                let tally = evaluate(&old_segs, &new_segs, &truth, show);
                if scenario != Scenario::Mixed && !tally.perfect() && failures.len() < 5 {
                    failures.push(format!(
                        "{} ({scenario:?}, trial {trial}): {tally:?}\n{}",
                        path.display(),
                        version.text()
                    ));
                }
                totals[s].add(tally);
            }
        }
    }

    eprintln!(
        "{} postings, up to {trials} trials each\n\
         scenario     trials  changed  flagged  correct  precision  recall  lost  false missing",
        postings.len()
    );
    for (scenario, t) in SCENARIOS.iter().zip(&totals) {
        eprintln!(
            "{:<12} {:>6}  {:>7}  {:>7}  {:>7}  {:>8.1}%  {:>5.1}%  {:>4}  {:>13}",
            format!("{scenario:?}"),
            t.trials,
            t.changed,
            t.flagged,
            t.correct,
            100.0 * t.precision(),
            100.0 * t.recall(),
            t.lost,
            t.false_missing
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    for (scenario, t) in SCENARIOS.iter().zip(&totals) {
        assert!(t.trials >= postings.len(), "{scenario:?}: too few trials");
    }
    let single = totals[1];
    assert!(
        single.changed >= single.trials,
        "every single edit changes text"
    );
    let mixed = totals[3];
    assert!(mixed.changed > 0 && mixed.added > 0);
    assert!(
        mixed.precision() >= 0.97 && mixed.recall() >= 0.97,
        "mixed edits: {mixed:?}"
    );
}
