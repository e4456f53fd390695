//! Inline content to translator text: markup becomes numbered placeholders,
//! line breaks become `\n`, and every byte is accounted for so that the
//! text, translated to itself, gives back the source.
//!
//! Paired placeholders `<1>…</1>` stand for emphasis, strong, links and
//! other inline containers (their opening and closing markup); standalone
//! ones `<2/>` for inline code, images, inline shortcodes, raw inline HTML
//! and hard breaks. URLs live inside placeholders and are never editable.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::ops::Range;

/// Inline content as pulldown-cmark nests it, by source range, kept flat:
/// a container is its `Open` item, its children and its `Close` item.
/// Nothing walks the nesting by recursion, so no depth of nesting (a
/// posting of 10,000 nested `*` or `<span>`) can overflow the stack.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    Text(Range<usize>),
    /// Markup kept whole: code, inline HTML, a hard break, an image.
    Atom(Range<usize>),
    /// A raw inline HTML tag; an opening and a closing tag of the same
    /// element among siblings become one container.
    Html(Range<usize>),
    /// The start of emphasis, strong, a link…: markup around the children
    /// that follow, up to the matching `Close`.
    Open {
        /// The whole container, markup and children.
        range: Range<usize>,
        /// A shortcut or collapsed reference link (`[Hem]`, `[Hem][]`).
        relabel: bool,
    },
    /// The end of the innermost open container; its whole range again.
    Close(Range<usize>),
}

impl Node {
    pub fn range(&self) -> Range<usize> {
        match self {
            Node::Text(r) | Node::Atom(r) | Node::Html(r) | Node::Close(r) => r.clone(),
            Node::Open { range, .. } => range.clone(),
        }
    }
}

/// A placeholder: where its markup is in the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placeholder {
    pub id: u32,
    /// The opening markup, or the whole atom for a standalone placeholder.
    pub open: Range<usize>,
    /// The closing markup of a paired placeholder.
    pub close: Option<Range<usize>>,
    /// For `[Hem]`, whose text is also its reference label: the closing
    /// markup to write when the text is translated (`][Hem]`).
    pub relabel: Option<String>,
}

/// The translator's view of one inline segment and how to put it back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InlineText {
    pub span: Range<usize>,
    pub text: String,
    pub placeholders: Vec<Placeholder>,
    /// Each line break in `text` in order: the end of line and the
    /// container prefix (`> `, indentation) that follows it in the source.
    pub breaks: Vec<Range<usize>>,
}

/// Inline shortcode tags, by absolute range: each becomes a standalone
/// placeholder, except an opening and closing tag of one shortcode in the
/// same text, which become a pair (`<1>Viktigt</1>`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Atoms {
    /// Sorted by start.
    pub ranges: Vec<Range<usize>>,
    /// (opening tag, closing tag) of paired inline shortcodes, sorted by
    /// the opening tag.
    pub pairs: Vec<(Range<usize>, Range<usize>)>,
}

enum Token {
    Text(Range<usize>),
    Open(Range<usize>),
    Close(Range<usize>, Option<String>),
    Atom(Range<usize>),
}

/// Builds the translator text of `nodes` (all inside `src`). `atoms` must
/// become placeholders wherever they fall in text, and so must text that
/// looks like a placeholder. `None` if there is nothing, or if containers
/// do not pair up (pulldown-cmark always pairs them).
pub fn build(src: &str, nodes: &[Node], atoms: &Atoms) -> Option<InlineText> {
    // The ranges are pulldown-cmark's offsets into the masked body, which
    // has the bytes of the source wherever it is not masked, and never
    // splits a masked run (`x…x` or white space). Should one still fall
    // inside a character, the text stays as it is, untranslated, rather
    // than be cut there; every range made below lies between these.
    if nodes.iter().any(|n| src.get(n.range()).is_none()) {
        return None;
    }
    let nodes = pair_html(src, nodes);
    let mut tokens = flatten(src, &nodes)?;
    // pulldown-cmark starts the text of `\[x` after the backslash; the
    // escape belongs to the text, or a translation would lose it.
    if let Some(Token::Text(first)) = tokens.first_mut() {
        let bytes = src.as_bytes();
        let backslashes = bytes[..first.start]
            .iter()
            .rev()
            .take_while(|&&b| b == b'\\')
            .count();
        if backslashes % 2 == 1 && bytes.get(first.start).is_some_and(u8::is_ascii_punctuation) {
            first.start -= 1;
        }
    }
    let first = tokens.first().map(token_range)?;
    let span = first.start..tokens.last().map(token_range)?.end;
    let tokens = pair_atoms(
        split_atoms(src, merge_text(fill_gaps(tokens)), &atoms.ranges),
        &atoms.pairs,
    );

    let mut text = String::new();
    let mut placeholders = Vec::new();
    let mut breaks = Vec::new();
    let mut open_ids = Vec::new();
    for token in tokens {
        match token {
            Token::Text(range) => push_text(src, range, &mut text, &mut breaks),
            Token::Atom(range) => {
                let id = push_placeholder(&mut placeholders, range);
                // Written into the text, with no temporary string as
                // `format!` makes; writing to a String cannot fail.
                let _ = write!(text, "<{id}/>");
            }
            Token::Open(range) => {
                let id = push_placeholder(&mut placeholders, range);
                open_ids.push(id);
                let _ = write!(text, "<{id}>");
            }
            Token::Close(range, relabel) => {
                // Containers pair up (`flatten`), and so do the shortcode
                // tags `pair_atoms` turns into a pair.
                let id = open_ids.pop()?;
                let placeholder = placeholders.get_mut(id as usize - 1)?;
                placeholder.close = Some(range);
                placeholder.relabel = relabel;
                let _ = write!(text, "</{id}>");
            }
        }
    }
    Some(InlineText {
        span,
        text,
        placeholders,
        breaks,
    })
}

/// Adds a placeholder for the markup at `open`, numbered after the last
/// one, with no closing markup yet; its id.
fn push_placeholder(placeholders: &mut Vec<Placeholder>, open: Range<usize>) -> u32 {
    let id = placeholders.len() as u32 + 1;
    placeholders.push(Placeholder {
        id,
        open,
        close: None,
        relabel: None,
    });
    id
}

fn token_range(token: &Token) -> Range<usize> {
    match token {
        Token::Text(r) | Token::Open(r) | Token::Close(r, _) | Token::Atom(r) => r.clone(),
    }
}

/// The tokens of `nodes`: text, atoms, and the opening and closing markup
/// of each container with children (one without children is an atom).
/// `None` if containers do not pair up.
fn flatten(src: &str, nodes: &[Node]) -> Option<Vec<Token>> {
    let mut out = Vec::with_capacity(nodes.len());
    // Each open container, innermost last: its range, whether it is
    // relabelled and where its first child starts; `None` for one without
    // children, already written as an atom.
    let mut open: Vec<Option<(Range<usize>, bool, usize)>> = Vec::new();
    for (i, node) in nodes.iter().enumerate() {
        match node {
            Node::Text(r) => out.push(Token::Text(r.clone())),
            Node::Atom(r) | Node::Html(r) => out.push(Token::Atom(r.clone())),
            Node::Open { range, relabel } => match nodes.get(i + 1) {
                Some(first) if !matches!(first, Node::Close(_)) => {
                    let start = first.range().start;
                    out.push(Token::Open(range.start..start));
                    open.push(Some((range.clone(), *relabel, start)));
                }
                _ => {
                    out.push(Token::Atom(range.clone()));
                    open.push(None);
                }
            },
            Node::Close(_) => {
                let Some((range, relabel, start)) = open.pop()? else {
                    continue;
                };
                // The last child: the node before, a container's `Close`
                // standing for the whole container.
                let end = nodes.get(i.checked_sub(1)?)?.range().end;
                let label = match relabel {
                    true => Some(format!("][{}]", src.get(start..end)?)),
                    false => None,
                };
                out.push(Token::Close(end..range.end, label));
            }
        }
    }
    open.is_empty().then_some(out)
}

/// Pairs `<span>` with its `</span>` among siblings, so the translator
/// sees `<1>text</1>` and cannot separate the two tags.
fn pair_html(src: &str, nodes: &[Node]) -> Vec<Node> {
    let mut out: Vec<Node> = Vec::with_capacity(nodes.len());
    // Opening tags not yet closed among the siblings being read: their
    // index in `out` and their names; those of the enclosing containers
    // wait in `outer`, innermost last.
    let mut open: Vec<(usize, String)> = Vec::new();
    let mut outer: Vec<Vec<(usize, String)>> = Vec::new();
    for node in nodes {
        match node {
            Node::Open { .. } => outer.push(std::mem::take(&mut open)),
            Node::Close(_) => open = outer.pop().unwrap_or_default(),
            Node::Html(range) => match html_tag(src.get(range.clone()).unwrap_or_default()) {
                Some((name, false)) => open.push((out.len(), name)),
                Some((name, true)) => {
                    if let Some(at) = open.iter().rposition(|(_, n)| *n == name) {
                        let (start, _) = open[at];
                        open.truncate(at);
                        let whole = out[start].range().start..range.end;
                        // Everything after the opening tag is a sibling
                        // or a whole container: the children.
                        if start + 1 == out.len() {
                            out[start] = Node::Atom(whole);
                        } else {
                            out[start] = Node::Open {
                                range: whole.clone(),
                                relabel: false,
                            };
                            out.push(Node::Close(whole));
                        }
                        continue;
                    }
                }
                None => {}
            },
            Node::Text(_) | Node::Atom(_) => {}
        }
        out.push(node.clone());
    }
    out
}

/// The element name of an HTML tag and whether it is a closing tag; `None`
/// for comments, self-closing and void elements.
fn html_tag(tag: &str) -> Option<(String, bool)> {
    const VOID: &[&str] = &[
        "br", "img", "hr", "input", "wbr", "source", "meta", "link", "area", "col", "embed",
    ];
    let inner = tag.strip_prefix('<')?.strip_suffix('>')?;
    if inner.ends_with('/') {
        return None;
    }
    let (closing, inner) = match inner.strip_prefix('/') {
        Some(rest) => (true, rest),
        None => (false, inner),
    };
    let name: String = inner
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    if name.is_empty() || VOID.contains(&name.to_ascii_lowercase().as_str()) {
        return None;
    }
    Some((name.to_ascii_lowercase(), closing))
}

/// Bytes between tokens (escapes, container prefixes) become text, so that
/// nothing in the span is lost.
fn fill_gaps(tokens: Vec<Token>) -> Vec<Token> {
    let mut out = Vec::with_capacity(tokens.len());
    let mut pos = None;
    for token in tokens {
        let mut token = token;
        // Text that markup already covers (the `[]` of `[Hem][]`) is dropped.
        if let (Token::Text(range), Some(pos)) = (&mut token, pos) {
            if range.end <= pos {
                continue;
            }
            range.start = range.start.max(pos);
        }
        let range = token_range(&token);
        if let Some(pos) = pos
            && pos < range.start
        {
            out.push(Token::Text(pos..range.start));
        }
        pos = Some(range.end.max(pos.unwrap_or(0)));
        if !range.is_empty() || matches!(token, Token::Open(_) | Token::Close(..)) {
            out.push(token);
        }
    }
    out
}

fn merge_text(tokens: Vec<Token>) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::with_capacity(tokens.len());
    for token in tokens {
        if let (Token::Text(next), Some(Token::Text(prev))) = (&token, out.last_mut())
            && prev.end == next.start
        {
            prev.end = next.end;
            continue;
        }
        out.push(token);
    }
    out
}

/// Turns the opening and closing tag of one shortcode into a pair where
/// both are here with only balanced markup between them. Shortcodes nest,
/// so each pair is judged on the tokens as they are. Linear, so that a
/// posting of thousands of nested inline shortcodes reads fast: only the
/// pairs that start among the tokens are looked at, atoms are found by
/// their start, and "balanced between" is read off the depth of open
/// containers after each token.
fn pair_atoms(mut tokens: Vec<Token>, pairs: &[(Range<usize>, Range<usize>)]) -> Vec<Token> {
    let (Some(first), Some(last)) = (tokens.first(), tokens.last()) else {
        return tokens;
    };
    let span = token_range(first).start..token_range(last).end;
    let from = pairs.partition_point(|(open, _)| open.start < span.start);
    let pairs = pairs[from..]
        .iter()
        .take_while(|(open, _)| open.start < span.end);
    // Most text has no paired shortcode: no map of its atoms to build.
    if pairs.clone().next().is_none() {
        return tokens;
    }
    let atoms: HashMap<usize, usize> = tokens
        .iter()
        .enumerate()
        .filter_map(|(i, t)| match t {
            Token::Atom(r) => Some((r.start, i)),
            _ => None,
        })
        .collect();
    let find = |range: &Range<usize>| {
        let &i = atoms.get(&range.start)?;
        matches!(&tokens[i], Token::Atom(r) if r == range).then_some(i)
    };
    // The depth after each token, and where it first falls below that.
    let mut depth = Vec::with_capacity(tokens.len());
    let mut open = 0i64;
    for token in &tokens {
        match token {
            Token::Open(_) => open += 1,
            Token::Close(..) => open -= 1,
            _ => {}
        }
        depth.push(open);
    }
    let mut falls = vec![usize::MAX; tokens.len()];
    let mut waiting: Vec<usize> = Vec::new();
    for (k, &d) in depth.iter().enumerate() {
        while let Some(&top) = waiting.last()
            && d < depth[top]
        {
            falls[top] = k;
            waiting.pop();
        }
        waiting.push(k);
    }
    let paired: Vec<(usize, usize)> = pairs
        .filter_map(|(open, close)| Some((find(open)?, find(close)?)))
        .filter(|&(at, end)| at < end && falls[at] > end && depth[end] == depth[at])
        .collect();
    for (at, end) in paired {
        if let (Token::Atom(open), Token::Atom(close)) = (&tokens[at], &tokens[end]) {
            let (open, close) = (open.clone(), close.clone());
            tokens[at] = Token::Open(open);
            tokens[end] = Token::Close(close, None);
        }
    }
    tokens
}

/// Splits text runs around atoms and around literal placeholder-like text
/// (`<1>` in the source must not read as a placeholder).
fn split_atoms(src: &str, tokens: Vec<Token>, atoms: &[Range<usize>]) -> Vec<Token> {
    let mut out = Vec::with_capacity(tokens.len());
    for token in tokens {
        let Token::Text(range) = token else {
            out.push(token);
            continue;
        };
        // Atoms are sorted by start: only those from here on can fall in.
        let first = atoms.partition_point(|a| a.start < range.start);
        let mut cuts: Vec<Range<usize>> = atoms[first..]
            .iter()
            .take_while(|a| a.start < range.end)
            .filter(|a| a.end <= range.end)
            .cloned()
            .collect();
        cuts.extend(
            crate::segment::placeholder::literal_tags(&src[range.clone()])
                .map(|r| r.start + range.start..r.end + range.start),
        );
        cuts.sort_by_key(|r| r.start);
        let mut pos = range.start;
        for cut in cuts {
            if cut.start < pos {
                continue;
            }
            if pos < cut.start {
                out.push(Token::Text(pos..cut.start));
            }
            out.push(Token::Atom(cut.clone()));
            pos = cut.end;
        }
        if pos < range.end {
            out.push(Token::Text(pos..range.end));
        }
    }
    out
}

/// Appends a text run; each end of line with the container prefix after it
/// becomes one `\n` and a recorded break.
fn push_text(src: &str, range: Range<usize>, text: &mut String, breaks: &mut Vec<Range<usize>>) {
    let run = &src[range.clone()];
    let mut pos = 0;
    while let Some(nl) = run[pos..].find('\n') {
        let nl = pos + nl;
        let eol_start = if nl > pos && run.as_bytes()[nl - 1] == b'\r' {
            nl - 1
        } else {
            nl
        };
        text.push_str(&run[pos..eol_start]);
        let after = &run[nl + 1..];
        let prefix = after.len() - after.trim_start_matches([' ', '\t', '>']).len();
        breaks.push(range.start + eol_start..range.start + nl + 1 + prefix);
        text.push('\n');
        pos = nl + 1 + prefix;
    }
    text.push_str(&run[pos..]);
}

#[cfg(test)]
mod tests {
    use crate::posting::{Rules, parse};
    use crate::pseudo::expand;
    use crate::reassemble::{identity, reassemble};

    #[test]
    fn deep_nesting_does_not_overflow_the_stack() {
        // Pinned: each of these overflowed the stack (a 2 MiB test thread)
        // when inline content was a tree cloned, paired, flattened and
        // dropped by recursion: 10,000 `*` around a word (5,000 nested
        // strong), 5,000 `*x … y*` pairs, 10,000 nested `<span>`, and the
        // same `*` in a text parameter, whose Markdown is read too.
        let stars = format!("{}a{}\n", "*".repeat(10_000), "*".repeat(10_000));
        let pairs = format!("{}a{}\n", "*x ".repeat(5_000), " y*".repeat(5_000));
        let spans = format!(
            "x {}a{}\n",
            "<span>".repeat(10_000),
            "</span>".repeat(10_000)
        );
        let param = format!(
            "x {{{{< card title=\"{}a{}\" >}}}}\n",
            "*".repeat(10_000),
            "*".repeat(10_000)
        );
        for source in [stars, pairs, spans, param] {
            let doc = parse(source.as_bytes(), &Rules::default()).unwrap();
            assert!(!doc.segments.is_empty());
            assert_eq!(identity(&doc), source);
            let pseudo: Vec<String> = doc.segments.iter().map(|s| expand(&s.text)).collect();
            reassemble(&doc, |i| Some(pseudo[i].as_str()), None).unwrap();
        }
    }

    #[test]
    fn nested_containers_become_nested_placeholders() {
        let doc = parse(
            b"a ***b** c* <span>d <b>e</b></span> [f][] [g *h*](x)\n\n[f]: y\n",
            &Rules::default(),
        )
        .unwrap();
        assert_eq!(
            doc.segments[0].text,
            "a <1><2>b</2> c</1> <3>d <4>e</4></3> <5>f</5> <6>g <7>h</7></6>"
        );
    }
}
