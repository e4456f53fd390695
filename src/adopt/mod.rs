//! Adopting translations a site already has: a localized posting written
//! by hand (or by another tool) is aligned with its source posting, segment
//! by segment, so that its texts become the store's translations.
//!
//! Front-matter values pair by key. The body's segments pair by structure:
//! only segments of the same kind (`body:p`, `body:li`, `sc:note.0`) may
//! pair, and among the ways to pair them in order, the one that pairs the
//! most alike is chosen (same placeholders, same numbers, similar length),
//! so a paragraph missing from the translation leaves a gap where it was
//! instead of shifting every pair after it. What does not pair is reported,
//! never guessed.

use crate::posting::links::{Agreement, LinkRule, agreement, targets};
use crate::posting::overrides;

use std::collections::HashMap;

use crate::posting::{Document, PostingError, Rules, Segment, parse};
use crate::reassemble::reassemble;
use crate::segment::placeholder::{self, PlaceholderError};

use overrides::Override;

/// What adopting one localized posting comes to.
#[derive(Debug)]
pub struct Adoption {
    pub source: Document,
    pub localized: Document,
    pub alignment: Alignment,
    /// Per source segment: the localized text to store, if any.
    pub texts: Vec<Option<String>>,
    /// Pairs whose placeholders do not fit the source's.
    pub refused: Vec<(usize, usize, PlaceholderError)>,
    /// Pairs whose text is the source's own, not adopted (`keep_same`
    /// false: a file tolkar wrote falls back to the source text).
    pub same_as_source: Vec<(usize, usize)>,
    /// The front-matter values the translation has of its own (build keeps
    /// them by merging); `None` if its front matter cannot be compared
    /// with the source's entry by entry (JSON, another format).
    pub overrides: Option<Vec<Override>>,
    /// What `build` makes of the adopted texts: the base of its merges.
    pub rebuilt: String,
    /// How the translation's internal links relate to the source's.
    pub links: Agreement,
}

impl Adoption {
    /// Whether build writes back the very bytes the site has.
    pub fn identical(&self) -> bool {
        self.rebuilt.as_bytes() == self.localized.source.as_bytes()
    }
}

/// Aligns a localized posting with its source and works out what to
/// store and what build would make of it. `stored`: the translations build
/// would use now, by key. `keep_same`: adopt a text equal to its source
/// where nothing is stored (a person kept it) or not (in a file tolkar
/// wrote, that is its fallback for a missing translation).
pub fn adopt(
    source: &[u8],
    localized: &[u8],
    rules: &Rules,
    links: &LinkRule,
    lang: &str,
    keep_same: bool,
    stored: &HashMap<String, String>,
) -> Result<Adoption, (bool, PostingError)> {
    let source = parse(source, rules).map_err(|e| (true, e))?;
    let localized = parse(localized, rules).map_err(|e| (false, e))?;
    let alignment = align(&source, &localized);
    let mut texts: Vec<Option<String>> = vec![None; source.segments.len()];
    let mut refused = Vec::new();
    let mut same_as_source = Vec::new();
    for &(s, l) in &alignment.pairs {
        let (from, to) = (&source.segments[s], &localized.segments[l]);
        if crate::import::has_placeholders(from.kind)
            && let Err(e) = placeholder::check(&from.text, &to.text)
        {
            refused.push((s, l, e));
        } else if to.text == from.text && !keep_same && !stored.contains_key(&from.key) {
            same_as_source.push((s, l));
        } else {
            texts[s] = Some(to.text.clone());
        }
    }
    // The language value is written by build; a localized spelling of it
    // (`En` for `en`), or leaving it out, is kept as an override.
    let language_as_built = match (&source.language, &localized.language) {
        // Build writes the code in the source's quoting: `language: "en"`
        // where the source has `language: "sv"`.
        (Some(ours), Some(theirs)) => {
            localized.source[theirs.span.clone()]
                == crate::posting::frontmatter::encode(lang, ours.style)
        }
        (None, Some(_)) => true,
        (Some(_), None) => false,
        (None, None) => true,
    };
    let owned = |key: &str| {
        (rules.is_language_key(key) && language_as_built)
            || source.segments.iter().any(|s| {
                s.key
                    .strip_prefix("fm:")
                    .and_then(|k| k.strip_prefix(key))
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with(['[', '.']))
            })
    };
    // What the translation keeps of its own in the front matter, told by
    // `adopt --explain`; build keeps it by merging (see `crate::merge`).
    let overrides = overrides::between(&source.source, &localized.source, owned);
    // Build puts in what is stored where nothing is adopted.
    let used: Vec<Option<String>> = source
        .segments
        .iter()
        .zip(&texts)
        .map(|(segment, text)| text.clone().or_else(|| stored.get(&segment.key).cloned()))
        .collect();
    let links_agree = agreement(
        &targets(&source),
        &targets(&localized),
        &links.pattern,
        lang,
    );
    let rebuilt = rebuild(&links.localize(source.clone(), rules, lang), lang, &used);
    Ok(Adoption {
        source,
        localized,
        alignment,
        texts,
        refused,
        same_as_source,
        overrides,
        rebuilt,
        links: links_agree,
    })
}

/// A posting's `translationKey` (Hugo pairs translations by it when their
/// paths differ), if its front matter has one.
pub fn translation_key(text: &str) -> Option<String> {
    const KEY: &str = "translationKey";
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let front = crate::posting::frontmatter::split(text, start).ok()??;
    // Most postings have none: no key spelt so, nor an escape that could
    // spell it, and the front matter need not be parsed (pairing reads
    // every posting of a site).
    let content = text[front.content.clone()].as_bytes();
    let spelt = content
        .windows(KEY.len())
        .any(|w| w.eq_ignore_ascii_case(KEY.as_bytes()));
    if !spelt && !content.contains(&b'\\') {
        return None;
    }
    let wanted = |key: &str| key.eq_ignore_ascii_case(KEY);
    let fields = crate::posting::frontmatter::fields_where(text, &front, &wanted).ok()?;
    fields
        .into_iter()
        .find(|f| f.item.is_none())
        .map(|f| f.value)
        .filter(|v| !v.trim().is_empty())
}

/// The localized posting build writes: the source with the texts put in
/// (the source's own where there is none).
fn rebuild(source: &Document, lang: &str, texts: &[Option<String>]) -> String {
    let by_key: HashMap<&str, &str> = source
        .segments
        .iter()
        .zip(texts)
        .filter_map(|(s, t)| Some((s.key.as_str(), t.as_deref()?)))
        .collect();
    reassemble(
        source,
        |i| by_key.get(source.segments[i].key.as_str()).copied(),
        Some(lang),
    )
    .unwrap_or_else(|_| crate::reassemble::identity(source))
}

/// How a localized posting's segments relate to its source's.
#[derive(Debug, Default, PartialEq)]
pub struct Alignment {
    /// (source index, localized index).
    pub pairs: Vec<(usize, usize)>,
    /// Source segments with no counterpart in the localized posting.
    pub missing: Vec<usize>,
    /// Localized segments with no counterpart in the source.
    pub unmatched: Vec<usize>,
}

/// Below this, two segments of one kind are too unlike to pair.
const MIN_PAIR_SCORE: f64 = 0.5;

pub fn align(source: &Document, localized: &Document) -> Alignment {
    let mut alignment = Alignment::default();
    let is_front = |s: &Segment| s.key.starts_with("fm:");
    // Front matter: by key.
    for (s, segment) in source
        .segments
        .iter()
        .enumerate()
        .filter(|(_, s)| is_front(s))
    {
        match localized.segments.iter().position(|l| l.key == segment.key) {
            Some(l) => alignment.pairs.push((s, l)),
            None => alignment.missing.push(s),
        }
    }
    for (l, segment) in localized
        .segments
        .iter()
        .enumerate()
        .filter(|(_, s)| is_front(s))
    {
        if !source.segments.iter().any(|s| s.key == segment.key) {
            alignment.unmatched.push(l);
        }
    }
    // The body: by structure, in order.
    let body = |doc: &Document| -> Vec<usize> {
        (0..doc.segments.len())
            .filter(|&i| !is_front(&doc.segments[i]))
            .collect()
    };
    let (source_body, localized_body) = (body(source), body(localized));
    fn features<'a>(doc: &'a Document, indexes: &[usize]) -> Vec<Features<'a>> {
        indexes
            .iter()
            .map(|&i| Features::of(&doc.segments[i]))
            .collect()
    }
    let (a, b) = (
        features(source, &source_body),
        features(localized, &localized_body),
    );
    let (pairs, missing, unmatched) = best_pairing(&a, &b);
    alignment.pairs.extend(
        pairs
            .iter()
            .map(|&(i, j)| (source_body[i], localized_body[j])),
    );
    alignment
        .missing
        .extend(missing.iter().map(|&i| source_body[i]));
    alignment
        .unmatched
        .extend(unmatched.iter().map(|&j| localized_body[j]));
    alignment.pairs.sort_unstable();
    alignment.missing.sort_unstable();
    alignment.unmatched.sort_unstable();
    alignment
}

/// What alignment compares of a segment, borrowing its text: made for
/// every segment of both postings, it was a fifth of adopt's time when
/// each word and number was a `String` of its own.
struct Features<'a> {
    /// The key without its counts: `body:p[3]` → `body:p`.
    kind: String,
    placeholders: std::collections::BTreeMap<u32, bool>,
    /// The runs of digits in the text, outside placeholders.
    numbers: Vec<&'a str>,
    /// Characters of text, outside placeholders.
    length: usize,
    /// Names and terms a translation keeps: capitalized words past the
    /// first (`Golang`, `Terraform`, `API`), which rarely get translated.
    /// Sorted, each once.
    terms: Vec<&'a str>,
    /// Hashed character trigrams of the lowercased text, sorted: related
    /// languages (sv, da, nb) share many, and names share them everywhere.
    trigrams: Vec<u32>,
}

impl<'a> Features<'a> {
    fn of(segment: &'a Segment) -> Features<'a> {
        let mut words = Words::default();
        let mut placeholders = std::collections::BTreeMap::new();
        for token in placeholder::tokenize(&segment.text) {
            match token {
                placeholder::Token::Text(text) => words.add(text),
                // What `placeholder::shapes` makes, from the same tokens.
                placeholder::Token::Open(id) => {
                    placeholders.insert(id, true);
                }
                placeholder::Token::Standalone(id) => {
                    placeholders.insert(id, false);
                }
                placeholder::Token::Close(_) => {}
            }
        }
        let Words {
            length,
            mut terms,
            numbers,
            ..
        } = words;
        terms.sort_unstable();
        terms.dedup();
        Features {
            kind: crate::drift::kind_of(&segment.key),
            placeholders,
            numbers,
            length,
            terms,
            trigrams: trigrams(&segment.text),
        }
    }

    /// How alike a source segment and a localized one are, or `None` if
    /// they may not pair at all.
    fn score(&self, other: &Features) -> Option<f64> {
        self.score_over(other, 0.0, f64::NEG_INFINITY)
    }

    /// [`Features::score`], or `None` as well where even the most the
    /// trigrams could add leaves `score + diagonal` under `value`: the
    /// pairing would not take the pair then. Comparing trigrams is most of
    /// an alignment's time, and most pairs of a long posting are out of
    /// reach; the bound is the score with the trigrams' share at its
    /// highest, summed in the same order, so it is never below the score.
    fn score_over(&self, other: &Features, diagonal: f64, value: f64) -> Option<f64> {
        if self.kind != other.kind {
            return None;
        }
        let mut head = 1.0;
        if self.placeholders == other.placeholders {
            head += 1.0;
        }
        if !self.numbers.is_empty() || !other.numbers.is_empty() {
            head += if self.numbers == other.numbers {
                1.0
            } else {
                -1.0
            };
        }
        let terms = if !self.terms.is_empty() && !other.terms.is_empty() {
            let shared = common(&self.terms, &other.terms) as f64;
            let fewer = self.terms.len().min(other.terms.len()) as f64;
            2.0 * shared / fewer - 0.5
        } else {
            0.0
        };
        // A translation is rarely under a third or over three times as long.
        let (a, b) = (self.length.max(1) as f64, other.length.max(1) as f64);
        let length = 1.0 - ((b / a).ln().abs() / 3f64.ln()).min(2.0);
        let total = |dice: f64| head + 1.5 * dice + terms + length;
        let most = total(dice_at_most(&self.trigrams, &other.trigrams));
        if most < MIN_PAIR_SCORE || most + diagonal < value {
            return None;
        }
        let score = total(dice(&self.trigrams, &other.trigrams));
        (score >= MIN_PAIR_SCORE).then_some(score)
    }
}

/// The characters, terms and runs of digits of a segment's text outside
/// placeholders, a piece of text at a time (see [`Features`]).
#[derive(Debug, Default, PartialEq)]
struct Words<'a> {
    length: usize,
    /// In the order found; a word counts from the segment's second on.
    terms: Vec<&'a str>,
    numbers: Vec<&'a str>,
    past_first_word: bool,
}

impl<'a> Words<'a> {
    /// One pass for all three: three passes over every character were a
    /// tenth of adopt's time.
    fn add(&mut self, text: &'a str) {
        // (start, characters, any uppercase) of the word being read.
        let mut word: Option<(usize, usize, bool)> = None;
        let mut run = None;
        for (at, c) in text.char_indices().chain([(text.len(), ' ')]) {
            let end = at == text.len();
            self.length += usize::from(!end);
            if !end && c.is_alphanumeric() {
                let (_, chars, upper) = word.get_or_insert((at, 0, false));
                *chars += 1;
                *upper |= c.is_uppercase();
            } else if let Some((start, chars, upper)) = word.take() {
                if self.past_first_word && chars >= 3 && upper {
                    self.terms.push(&text[start..at]);
                }
                self.past_first_word = true;
            }
            if c.is_ascii_digit() {
                run.get_or_insert(at);
            } else if let Some(start) = run.take() {
                self.numbers.push(&text[start..at]);
            }
        }
    }
}

/// The distinct trigrams of a text's letters and digits, lowercased.
///
/// One pass with a window of three characters, ASCII lowercased without
/// `char::to_lowercase`'s iterator: this was most of adopt's time, and
/// gives the very hashes of the windows over the lowercased text (a
/// window with a space in it, or before the third character, has none).
fn trigrams(text: &str) -> Vec<u32> {
    let mut grams: Vec<u32> = Vec::with_capacity(text.len());
    let mut window = [' '; 3];
    let mut push = |c: char| {
        let c = if c.is_alphanumeric() { c } else { ' ' };
        window = [window[1], window[2], c];
        if !window.contains(&' ') {
            grams.push(window.iter().fold(2_166_136_261u32, |h, &c| {
                (h ^ c as u32).wrapping_mul(16_777_619)
            }));
        }
    };
    for c in text.chars() {
        if c.is_ascii() {
            push(c.to_ascii_lowercase());
        } else {
            c.to_lowercase().for_each(&mut push);
        }
    }
    grams.sort_unstable();
    grams.dedup();
    grams
}

/// How many items two sorted lists of distinct items share.
fn common(a: &[&str], b: &[&str]) -> usize {
    let (mut i, mut j, mut common) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    common
}

/// The most [`dice`] can be for lists of these lengths: all of the
/// shorter one shared.
fn dice_at_most(a: &[u32], b: &[u32]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    2.0 * a.len().min(b.len()) as f64 / (a.len() + b.len()) as f64
}

/// The share of trigrams two sorted lists have in common (Dice).
fn dice(a: &[u32], b: &[u32]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    // Without branches on the comparison: which side moves is a coin toss
    // the processor cannot predict, and this is adopt's innermost loop.
    while i < a.len() && j < b.len() {
        let (x, y) = (a[i], b[j]);
        common += usize::from(x == y);
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    2.0 * common as f64 / (a.len() + b.len()) as f64
}

type Pairing = (Vec<(usize, usize)>, Vec<usize>, Vec<usize>);

/// `best[i * (b.len() + 1) + j]`: the best total for `a[i..]` and `b[j..]`.
/// `score` is given the pair, the best total after it and the best total
/// without it, and may say `None` for a pair that could not beat that.
fn totals(
    a: &[Features],
    b: &[Features],
    score: impl Fn(&Features, &Features, f64, f64) -> Option<f64>,
) -> Vec<f64> {
    let (n, m) = (a.len(), b.len());
    let mut best = vec![0f64; (n + 1) * (m + 1)];
    let at = |i: usize, j: usize| i * (m + 1) + j;
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            let mut value = best[at(i + 1, j)].max(best[at(i, j + 1)]);
            let diagonal = best[at(i + 1, j + 1)];
            if let Some(score) = score(&a[i], &b[j], diagonal, value) {
                value = value.max(score + diagonal);
            }
            best[at(i, j)] = value;
        }
    }
    best
}

/// The order-keeping pairing of `a` with `b` with the highest total score
/// (dynamic programming over both lists; unpaired segments cost nothing).
fn best_pairing(a: &[Features], b: &[Features]) -> Pairing {
    let (n, m) = (a.len(), b.len());
    let best = totals(a, b, |x, y, diagonal, value| {
        x.score_over(y, diagonal, value)
    });
    let at = |i: usize, j: usize| i * (m + 1) + j;
    let (mut pairs, mut missing, mut unmatched) = (Vec::new(), Vec::new(), Vec::new());
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        let here = best[at(i, j)];
        match a[i].score(&b[j]) {
            Some(score) if (score + best[at(i + 1, j + 1)] - here).abs() < 1e-9 => {
                pairs.push((i, j));
                i += 1;
                j += 1;
            }
            _ if (best[at(i + 1, j)] - here).abs() < 1e-9 => {
                missing.push(i);
                i += 1;
            }
            _ => {
                unmatched.push(j);
                j += 1;
            }
        }
    }
    missing.extend(i..n);
    unmatched.extend(j..m);
    (pairs, missing, unmatched)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::posting::{Rules, parse};

    fn doc(text: &str) -> Document {
        parse(text.as_bytes(), &Rules::default()).unwrap()
    }

    /// The trigrams as first written, over a collected lowercased text.
    fn trigrams_by_windows(text: &str) -> Vec<u32> {
        let chars: Vec<char> = text
            .chars()
            .flat_map(char::to_lowercase)
            .map(|c| if c.is_alphanumeric() { c } else { ' ' })
            .collect();
        let mut grams: Vec<u32> = chars
            .windows(3)
            .filter(|w| w.iter().all(|c| *c != ' '))
            .map(|w| {
                w.iter().fold(2_166_136_261u32, |h, &c| {
                    (h ^ c as u32).wrapping_mul(16_777_619)
                })
            })
            .collect();
        grams.sort_unstable();
        grams.dedup();
        grams
    }

    /// Words as first written: a pass each for the length, the words and
    /// the digits.
    fn words_by_passes<'a>(texts: &[&'a str]) -> Words<'a> {
        let mut words = Words::default();
        for text in texts {
            words.length += text.chars().count();
            for word in text.split(|c: char| !c.is_alphanumeric()) {
                if word.is_empty() {
                    continue;
                }
                if words.past_first_word
                    && word.chars().count() >= 3
                    && word.chars().any(char::is_uppercase)
                {
                    words.terms.push(word);
                }
                words.past_first_word = true;
            }
            let mut run = None;
            for (at, c) in text.char_indices().chain([(text.len(), ' ')]) {
                if c.is_ascii_digit() {
                    run.get_or_insert(at);
                } else if let Some(start) = run.take() {
                    words.numbers.push(&text[start..at]);
                }
            }
        }
        words
    }

    proptest::proptest! {
        #[test]
        fn words_in_one_pass_are_those_of_three(
            texts in proptest::collection::vec("(\\PC|[0-9A-Z ])*", 0..4)
        ) {
            let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
            let mut words = Words::default();
            for text in &texts {
                words.add(text);
            }
            proptest::prop_assert_eq!(words, words_by_passes(&texts));
        }
    }

    #[test]
    fn trigrams_are_those_of_the_lowercased_windows() {
        for text in [
            "",
            "ab",
            "abc",
            "Vi grundades 2014 i Stockholm.",
            "Ärlig ÖVERSÄTTNING: åäö ÅÄÖ ß ẞ İstanbul ΣΊΣΥΦΟΣ",
            "<1>Kontakta</1> oss på [mejl](mailto:x@y.se)! 日本語テキスト",
            "a b c d  ee fff gggg İİİ",
        ] {
            assert_eq!(trigrams(text), trigrams_by_windows(text), "{text}");
        }
    }

    proptest::proptest! {
        #[test]
        fn trigrams_match_the_windows_on_any_text(text in "\\PC{0,40}") {
            proptest::prop_assert_eq!(trigrams(&text), trigrams_by_windows(&text));
        }
    }

    proptest::proptest! {
        #[test]
        fn pairs_out_of_reach_are_skipped_without_changing_the_pairing(
            source in proptest::collection::vec("(# )?[A-C][a-c]{0,3}( [a-cA-C0-2]{1,4}){0,9}", 1..12),
            localized in proptest::collection::vec("(# )?[A-C][a-c]{0,3}( [a-cA-C0-2]{1,4}){0,9}", 1..12),
        ) {
            let (source, localized) = (doc(&source.join("\n\n")), doc(&localized.join("\n\n")));
            let a: Vec<Features> = source.segments.iter().map(Features::of).collect();
            let b: Vec<Features> = localized.segments.iter().map(Features::of).collect();
            let (pairs, missing, unmatched) = best_pairing(&a, &b);
            // The same total as scoring every pair, reached by the pairs chosen.
            let best = totals(&a, &b, |x, y, _, _| x.score(y));
            let total: f64 = pairs.iter().map(|&(i, j)| a[i].score(&b[j]).unwrap()).sum();
            proptest::prop_assert!((total - best[0]).abs() < 1e-9, "{total} != {}", best[0]);
            proptest::prop_assert_eq!(pairs.len() + missing.len(), a.len());
            proptest::prop_assert_eq!(pairs.len() + unmatched.len(), b.len());
        }
    }

    proptest::proptest! {
        /// Found in review: a bound a hair too low passed the test above
        /// at its 256 cases; a pair whose total only just reaches what the
        /// programme has already must still be scored.
        #[test]
        fn a_pair_at_the_margin_is_never_cut_off(
            source in proptest::collection::vec("(# )?[A-Ca-c0-2]{1,4}( [a-cA-C0-2]{1,6}){0,12}", 1..8),
            localized in proptest::collection::vec("(# )?[A-Ca-c0-2]{1,4}( [a-cA-C0-2]{1,6}){0,12}", 1..8),
            diagonal in 0.0f64..50.0,
        ) {
            let (source, localized) = (doc(&source.join("\n\n")), doc(&localized.join("\n\n")));
            let a: Vec<Features> = source.segments.iter().map(Features::of).collect();
            let b: Vec<Features> = localized.segments.iter().map(Features::of).collect();
            for x in &a {
                for y in &b {
                    if let Some(score) = x.score(y) {
                        proptest::prop_assert_eq!(x.score_over(y, diagonal, score + diagonal), Some(score));
                    }
                }
            }
        }
    }

    #[test]
    fn translation_keys_are_read_from_any_front_matter() {
        assert_eq!(
            translation_key("---\ntitle: x\ntranslationKey: cfo\n---\nText\n").as_deref(),
            Some("cfo")
        );
        assert_eq!(
            translation_key("+++\ntranslationkey = \"cfo\"\n+++\nText\n").as_deref(),
            Some("cfo")
        );
        assert_eq!(translation_key("Text\n"), None);
    }

    #[test]
    fn the_same_structure_pairs_one_to_one() {
        let source = doc("---\ntitle: Om oss\n---\n# Rubrik\n\nEtt stycke.\n\n- ett\n- två\n");
        let localized = doc("---\ntitle: About\n---\n# Heading\n\nA paragraph.\n\n- one\n- two\n");
        let alignment = align(&source, &localized);
        assert_eq!(alignment.pairs, [(0, 0), (1, 1), (2, 2), (3, 3), (4, 4)]);
        assert!(alignment.missing.is_empty() && alignment.unmatched.is_empty());
    }

    #[test]
    fn a_paragraph_left_out_leaves_a_gap_where_it_was() {
        let source = doc(
            "Vi grundades 2014 i Stockholm.\n\nVi har kontor i tre länder och många kunder.\n\nKontakta oss på [mejl](mailto:x@y.se).\n",
        );
        // The middle paragraph was never translated.
        let localized =
            doc("We were founded in 2014 in Stockholm.\n\nContact us by [mail](mailto:x@y.se).\n");
        let alignment = align(&source, &localized);
        assert_eq!(alignment.pairs, [(0, 0), (2, 1)]);
        assert_eq!(alignment.missing, [1]);
        assert!(alignment.unmatched.is_empty());
    }

    #[test]
    fn kinds_never_pair_and_extra_text_is_unmatched() {
        let source = doc("## Om oss\n\n- Kaffe\n");
        let localized = doc("## About us\n\nAn extra paragraph.\n\n- Coffee\n");
        let alignment = align(&source, &localized);
        assert_eq!(alignment.pairs, [(0, 0), (1, 2)]);
        assert_eq!(alignment.unmatched, [1]);
    }
}
