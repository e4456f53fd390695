//! Pseudo-translation: accented and about 30% longer, placeholders kept.
//! Shows at a glance what a build would translate and what it must leave
//! alone, and that a longer text still fits.

use crate::segment::placeholder::{Token, tokenize};

/// Pseudo-translates a segment text, keeping every placeholder in place.
///
/// # Examples
///
/// ```
/// assert_eq!(tolkar::pseudo::expand("Hi <1>you</1>"), "⟦Ĥî <1>ýöû</1> ~~⟧");
/// ```
pub fn expand(text: &str) -> String {
    // Brackets of their own: ASCII `[` `]` would make Markdown links.
    let mut out = String::from("⟦");
    let mut letters = 0usize;
    for token in tokenize(text) {
        match token {
            Token::Text(run) => {
                for c in run.chars() {
                    if c.is_alphabetic() {
                        letters += 1;
                    }
                    out.push(accent(c));
                }
            }
            Token::Open(id) => out.push_str(&format!("<{id}>")),
            Token::Close(id) => out.push_str(&format!("</{id}>")),
            Token::Standalone(id) => out.push_str(&format!("<{id}/>")),
        }
    }
    // About 30% longer, as many European languages are than English.
    let padding = (letters * 3).div_ceil(10).max(1);
    out.push(' ');
    out.push_str(&"~".repeat(padding));
    out.push('⟧');
    out
}

fn accent(c: char) -> char {
    const FROM: &str = "aeiouyAEIOUYcnszCNSZhH";
    const TO: &str = "àéîöûýÀÉÎÖÛÝçñšžÇÑŠŽĥĤ";
    match FROM.chars().position(|f| f == c) {
        Some(i) => TO.chars().nth(i).unwrap_or(c),
        None => c,
    }
}
