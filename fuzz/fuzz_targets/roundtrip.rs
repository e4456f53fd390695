//! Arbitrary bytes into the posting parser.
//!
//! `parse` must never panic, nor build's short way for a posting with no
//! translation (`parse_language_only`), which must give what the whole
//! parse gives. Whatever parses must come back byte for byte
//! when every segment is translated to itself, and a pseudo-translation of
//! every segment (placeholders kept) must always reassemble into a posting
//! that parses again. Localizing its link targets (`[links]`) must keep
//! every segment.

#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use tolkar::posting::links::LinkRule;
use tolkar::posting::{Rules, parse};
use tolkar::pseudo::expand;
use tolkar::reassemble::{identity, reassemble};

static RULES: LazyLock<Rules> = LazyLock::new(Rules::default);
static LINKS: LazyLock<LinkRule> = LazyLock::new(|| LinkRule {
    localize: vec!["fr".into()],
    ..LinkRule::default()
});

fuzz_target!(|data: &[u8]| {
    // Build's short way for a posting with no translation: no panic, and
    // where the whole parse reads it, the same output.
    let short = tolkar::posting::parse_language_only(data, &RULES);
    let Ok(doc) = parse(data, &RULES) else {
        return;
    };
    let short = short.expect("what parses whole parses short");
    assert_eq!(
        reassemble(&short, |_| None, Some("xx")).ok(),
        reassemble(&doc, |_| None, Some("xx")).ok(),
        "the short way differs for {:?}",
        String::from_utf8_lossy(data)
    );
    let same = identity(&doc);
    assert!(
        same.as_bytes() == data,
        "identity differs\ninput:  {:?}\noutput: {same:?}",
        String::from_utf8_lossy(data)
    );
    let translations: Vec<String> = doc.segments.iter().map(|s| expand(&s.text)).collect();
    let out = match reassemble(&doc, |i| Some(translations[i].as_str()), None) {
        Ok(out) => out,
        Err(e) => panic!(
            "pseudo-translation does not reassemble: {e}\ninput: {:?}",
            String::from_utf8_lossy(data)
        ),
    };
    if let Err(e) = parse(out.as_bytes(), &RULES) {
        panic!(
            "pseudo-translated posting does not parse: {e}\ninput:  {:?}\noutput: {out:?}",
            String::from_utf8_lossy(data)
        );
    }
    if let Some(localized) = LINKS.apply(&doc, "fr") {
        let again = parse(localized.as_bytes(), &RULES)
            .unwrap_or_else(|e| panic!("localized links do not parse: {e}\noutput: {localized:?}"));
        let texts = |d: &tolkar::posting::Document| {
            d.segments
                .iter()
                .map(|s| (s.key.clone(), s.text.clone()))
                .collect::<Vec<_>>()
        };
        assert!(
            texts(&doc) == texts(&again),
            "localized links change segments: {localized:?}"
        );
    }
});
