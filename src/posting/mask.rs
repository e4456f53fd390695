//! Hides shortcodes from the Markdown parser without moving a byte.
//!
//! A tag alone on its line(s) becomes spaces (line endings kept): a blank
//! line, so the text inside a paired shortcode is its own block. A tag
//! among other text becomes a run of `x`, inert in Markdown and valid in a
//! link destination, and is later turned into a standalone placeholder.
//! The inner content of a verbatim shortcode is hidden the same way.

use std::ops::Range;

use super::inline::Atoms;
use super::rules::Rules;
use super::shortcode::Lexed;

pub struct Masked {
    /// The body with every shortcode masked; same length as the body.
    pub text: String,
    /// Inline tags (and inline verbatim shortcodes), which become
    /// placeholders; an inline opening and closing tag become one pair.
    pub atoms: Atoms,
    /// Absolute ranges of verbatim shortcodes, tags included.
    pub verbatim: Vec<Range<usize>>,
}

pub fn mask(body: &str, base: usize, lexed: &Lexed, rules: &Rules) -> Masked {
    let mut is_tag = vec![false; body.len()];
    for tag in &lexed.tags {
        is_tag[tag.span.clone()].fill(true);
    }
    let mut atoms = Vec::new();
    let mut verbatim = Vec::new();
    // Verbatim shortcodes are masked whole, from opening to closing tag.
    let mut regions: Vec<Range<usize>> = Vec::new();
    for shortcode in &lexed.shortcodes {
        let open = &lexed.tags[shortcode.open];
        if let Some(close) = shortcode.close
            && rules.is_verbatim(&open.name)
        {
            let region = open.span.start..lexed.tags[close].span.end;
            if regions
                .iter()
                .any(|r| r.start <= region.start && region.end <= r.end)
            {
                continue;
            }
            is_tag[region.clone()].fill(true);
            verbatim.push(region.start + base..region.end + base);
            regions.push(region);
        }
    }
    for tag in &lexed.tags {
        let inside_verbatim = regions
            .iter()
            .any(|r| r.start <= tag.span.start && tag.span.end <= r.end);
        if !inside_verbatim {
            regions.push(tag.span.clone());
        }
    }
    regions.sort_by_key(|r| r.start);
    // Built by slices, so no byte of a multi-byte character is ever split.
    let mut text = String::with_capacity(body.len());
    let mut pos = 0;
    for region in &regions {
        let alone = tag_alone_on_lines(body, &is_tag, region.clone());
        text.push_str(&body[pos..region.start]);
        for b in body[region.clone()].bytes() {
            text.push(match b {
                b'\n' | b'\r' if alone => b as char,
                _ if alone => ' ',
                _ => 'x',
            });
        }
        pos = region.end;
        if !alone {
            atoms.push(region.start + base..region.end + base);
        }
    }
    text.push_str(&body[pos..]);
    atoms.sort_by_key(|r| r.start);
    let absolute = |r: &Range<usize>| r.start + base..r.end + base;
    let pairs = lexed
        .shortcodes
        .iter()
        .filter_map(|s| {
            Some((
                absolute(&lexed.tags[s.open].span),
                absolute(&lexed.tags[s.close?].span),
            ))
        })
        .filter(|(open, close)| atoms.contains(open) && atoms.contains(close))
        .collect();
    Masked {
        text,
        atoms: Atoms {
            ranges: atoms,
            pairs,
        },
        verbatim,
    }
}

/// Whether only whitespace and other tags share the lines of `region`.
fn tag_alone_on_lines(body: &str, is_tag: &[bool], region: Range<usize>) -> bool {
    let bytes = body.as_bytes();
    let line_start = body[..region.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = body[region.end..]
        .find('\n')
        .map_or(body.len(), |i| region.end + i);
    (line_start..region.start)
        .chain(region.end..line_end)
        .all(|i| is_tag[i] || bytes[i].is_ascii_whitespace())
}
