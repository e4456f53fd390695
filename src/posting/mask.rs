//! Hides shortcodes from the Markdown parser without moving a byte.
//!
//! A tag alone on its line(s) becomes spaces (line endings kept): a blank
//! line, so the text inside a paired shortcode is its own block. A tag
//! among other text becomes a run of `x`, inert in Markdown and valid in a
//! link destination, and is later turned into a standalone placeholder.
//! The inner content of a verbatim shortcode is hidden the same way.

use std::ops::Range;

use super::inline::Atoms;
use super::location::LineIndex;
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
    let verbatim_regions = regions.len();
    for tag in &lexed.tags {
        let inside_verbatim = regions[..verbatim_regions]
            .iter()
            .any(|r| r.start <= tag.span.start && tag.span.end <= r.end);
        if !inside_verbatim {
            regions.push(tag.span.clone());
        }
    }
    regions.sort_by_key(|r| r.start);
    let mut clear = ClearLines::new(body, &is_tag);
    // Built by slices, so no byte of a multi-byte character is ever split.
    // The regions are sorted and disjoint (tags never overlap; verbatim
    // regions nest as shortcodes pair, and one inside another was skipped),
    // and each starts at `{{` and ends after `}}`: the slices below fall on
    // character boundaries.
    let mut text = String::with_capacity(body.len());
    let mut pos = 0;
    for region in &regions {
        let alone = clear.alone(region.clone());
        text.push_str(&body[pos..region.start]);
        // By runs rather than byte by byte: a region is often long (a
        // verbatim shortcode), and line endings are few.
        let masked = &body[region.clone()];
        if alone {
            let mut from = 0;
            for (at, b) in masked.bytes().enumerate() {
                if b == b'\n' || b == b'\r' {
                    push_run(&mut text, SPACES, at - from);
                    text.push(char::from(b));
                    from = at + 1;
                }
            }
            push_run(&mut text, SPACES, masked.len() - from);
        } else {
            push_run(&mut text, XS, masked.len());
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
        .filter(|(open, close)| is_atom(&atoms, open) && is_atom(&atoms, close))
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

const SPACES: &str = "                                                                ";
const XS: &str = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";

/// Appends `n` copies of the one ASCII character `run` is made of.
fn push_run(text: &mut String, run: &str, mut n: usize) {
    while n > 0 {
        let take = n.min(run.len());
        text.push_str(run.get(..take).unwrap_or_default());
        n -= take;
    }
}

/// Whether `range` is one of `atoms`, which are sorted and disjoint.
fn is_atom(atoms: &[Range<usize>], range: &Range<usize>) -> bool {
    atoms
        .binary_search_by_key(&range.start, |a| a.start)
        .is_ok_and(|i| atoms[i] == *range)
}

/// Which lines hold nothing but white space and tags: a tag (or verbatim
/// shortcode) is alone when the line it starts on and the line it ends on
/// are clear. Each line is looked at once, when a tag first asks about it,
/// so that many tags on one long line do not each scan it, and lines with
/// no tag are never read.
struct ClearLines<'a> {
    body: &'a str,
    is_tag: &'a [bool],
    lines: LineIndex,
    /// By 0-based line: `None` until worked out.
    clear: Vec<Option<bool>>,
}

impl<'a> ClearLines<'a> {
    fn new(body: &'a str, is_tag: &'a [bool]) -> ClearLines<'a> {
        let lines = LineIndex::new(body);
        ClearLines {
            body,
            is_tag,
            clear: vec![None; lines.count()],
            lines,
        }
    }

    fn alone(&mut self, region: Range<usize>) -> bool {
        self.is_clear(region.start) && self.is_clear(region.end)
    }

    /// Whether the line of byte `offset` holds only white space and tags.
    fn is_clear(&mut self, offset: usize) -> bool {
        let line = self.lines.line(offset);
        let Some(known) = self.clear.get_mut(line.saturating_sub(1)) else {
            return false;
        };
        if let Some(clear) = *known {
            return clear;
        }
        let clear = self
            .lines
            .range(line, self.body.len())
            .and_then(|range| {
                Some(
                    self.body
                        .as_bytes()
                        .get(range.clone())?
                        .iter()
                        .zip(self.is_tag.get(range)?)
                        .all(|(&b, &tag)| tag || b.is_ascii_whitespace()),
                )
            })
            .unwrap_or(false);
        *known = Some(clear);
        clear
    }
}

#[cfg(test)]
mod tests {
    use crate::posting::{Rules, parse};
    use crate::reassemble::identity;

    #[test]
    fn many_tags_on_one_line_read_in_linear_time() {
        // Pinned: 10,000 nested shortcodes on one line took two minutes in
        // a debug build: each tag scanned its whole line to see whether it
        // stood alone, each pair was looked for among all the atoms, and
        // each pair's tags among all the tokens of the text.
        let source = format!(
            "x {}a{}\n",
            "{{< a >}}".repeat(10_000),
            "{{< /a >}}".repeat(10_000)
        );
        let doc = parse(source.as_bytes(), &Rules::default()).unwrap();
        assert_eq!(doc.segments.len(), 1);
        assert!(doc.segments[0].text.starts_with("x <1><2><3>"));
        assert_eq!(identity(&doc), source);
    }

    #[test]
    fn a_tag_is_alone_when_its_lines_hold_only_tags_and_space() {
        let doc = parse(
            "Se:\n\n{{< a >}} {{< b >}}\nö{{< c >}}\n  {{< d\n  >}}  \ntext {{< e >}}\n".as_bytes(),
            &Rules::default(),
        )
        .unwrap();
        // `a`, `b` and `d` stand alone (blank lines to Markdown); `c` and
        // `e` share their lines with text and become placeholders.
        let texts: Vec<&str> = doc.segments.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(texts, ["Se:", "ö<1/>", "text <1/>"]);
    }
}
