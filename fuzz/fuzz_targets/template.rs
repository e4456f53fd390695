//! Arbitrary bytes, as a shortcode template, into the template reader.
//!
//! `templates::analyze` must never panic nor overflow the stack, whatever
//! the template holds (non-ASCII in `<style>`, unclosed actions, comments
//! and strings, ten thousand parentheses), and every use it reports must
//! be on one of the template's lines. Bytes that are no UTF-8 are skipped:
//! init reads templates as UTF-8 (lossily), so the reader only ever sees
//! strings.

#![no_main]

use libfuzzer_sys::fuzz_target;
use tolkar::hugo::templates::analyze;

fuzz_target!(|data: &[u8]| {
    let Ok(template) = std::str::from_utf8(data) else {
        return;
    };
    let analysis = analyze(template);
    let lines = template.matches('\n').count() + 1;
    for u in &analysis.uses {
        assert!(
            (1..=lines).contains(&u.line),
            "use on line {} of {lines}: {u:?}",
            u.line
        );
    }
    let _ = analysis.verdicts();
});
