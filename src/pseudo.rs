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
/// assert_eq!(tolkar::pseudo::expand("a&nbsp;b :smile:"), "⟦à&nbsp;b :smile: ~⟧");
/// ```
pub fn expand(text: &str) -> String {
    // Brackets of their own: ASCII `[` `]` would make Markdown links.
    let mut out = String::from("⟦");
    let mut letters = 0usize;
    for token in tokenize(text) {
        match token {
            Token::Text(run) => {
                let mut rest = run;
                while let Some(c) = rest.chars().next() {
                    // Entities (`&nbsp;`) and emoji codes (`:smile:`) are
                    // markup a translator keeps; accents would break them.
                    if let Some(len) = kept_whole(rest) {
                        out.push_str(&rest[..len]);
                        rest = &rest[len..];
                        continue;
                    }
                    if c.is_alphabetic() {
                        letters += 1;
                    }
                    out.push(accent(c));
                    rest = &rest[c.len_utf8()..];
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

/// The length of an HTML entity or emoji code at the start of `text`.
fn kept_whole(text: &str) -> Option<usize> {
    let (open, close, allowed): (char, char, fn(char) -> bool) = match text.chars().next()? {
        '&' => ('&', ';', |c| c.is_ascii_alphanumeric() || c == '#'),
        ':' => (':', ':', |c| {
            c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '_' | '+' | '-')
        }),
        _ => return None,
    };
    let body = &text[open.len_utf8()..];
    let len = body.find(|c: char| !allowed(c))?;
    (len > 0 && body[len..].starts_with(close)).then_some(len + 2)
}

fn accent(c: char) -> char {
    const FROM: &str = "aeiouyAEIOUYcnszCNSZhH";
    const TO: &str = "àéîöûýÀÉÎÖÛÝçñšžÇÑŠŽĥĤ";
    match FROM.chars().position(|f| f == c) {
        Some(i) => TO.chars().nth(i).unwrap_or(c),
        None => c,
    }
}
