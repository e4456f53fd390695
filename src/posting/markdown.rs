//! Markdown blocks to inline segments, with pulldown-cmark's source offsets.
//!
//! The body is parsed after shortcodes have been masked (see `mask`), so
//! offsets in the masked text are offsets in the real one. Each text block
//! (heading, paragraph, tight list item, table cell…) gives one segment;
//! images inside give an extra segment for their alt text.

use std::ops::Range;

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use super::Kind;
use super::inline::{self, Atoms, InlineText, Node};

/// A segment found in the body, before it gets its key.
#[derive(Debug, Clone)]
pub struct BodySegment {
    pub kind: Kind,
    /// The short name keys count by: `p`, `h2`, `li`, `td`, `img`…
    pub key_kind: &'static str,
    pub inline: InlineText,
}

pub struct Body {
    pub segments: Vec<BodySegment>,
    /// Fenced and indented code blocks: nothing in them is translated.
    pub code: Vec<Range<usize>>,
    /// Where the target of each inline link and link reference definition
    /// is, as written (for localized link targets).
    pub link_targets: Vec<Range<usize>>,
}

/// The pulldown-cmark extensions postings are read with (also what
/// `benches/store_floor.rs` parses with).
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_DEFINITION_LIST
        // GitHub-style alerts (`> [!NOTE]`), which Hugo renders too: the
        // marker is markup, not text.
        | Options::ENABLE_GFM
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Block {
    Paragraph,
    Heading(u8),
    Item,
    Quote,
    Footnote,
    Cell { head: bool },
    TableHead,
    DefinitionTerm,
    Definition,
    Other,
}

/// What an inline tag becomes once closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Wrap {
    /// Markup around translatable children (emphasis, a link).
    Container,
    /// One standalone placeholder (an image, an autolink).
    Whole,
    /// A shortcut or collapsed reference link, `[Hem]` or `[Hem][]`: its
    /// text is also its label, so a translated text must name the label.
    Relabel { collapsed: bool },
}

/// Inline content being gathered for one text block.
struct Gathering {
    kind: Kind,
    key_kind: &'static str,
    /// Open inline containers, innermost last: where each one's `Open`
    /// is in `nodes` (its children follow it) and what it becomes.
    open: Vec<(usize, Wrap)>,
    nodes: Vec<Node>,
}

impl Gathering {
    fn push(&mut self, node: Node) {
        self.nodes.push(node);
    }
}

/// Segments `masked` (the body with shortcodes masked), whose offsets are
/// relative to `base` in `src`. `atoms` are the inline shortcodes, which
/// become placeholders.
pub fn segment(src: &str, base: usize, masked: &str, atoms: &Atoms) -> Body {
    let mut blocks: Vec<Block> = Vec::new();
    let mut gathering: Option<Gathering> = None;
    let mut segments = Vec::new();
    let mut code = Vec::new();

    let finish = |gathering: &mut Option<Gathering>, segments: &mut Vec<BodySegment>| {
        if let Some(g) = gathering.take()
            && let Some(inline) = inline::build(src, &g.nodes, atoms).and_then(prose)
        {
            segments.push(BodySegment {
                kind: g.kind,
                key_kind: g.key_kind,
                inline,
            });
        }
    };

    let parser = Parser::new_ext(masked, options());
    let mut link_targets: Vec<Range<usize>> = parser
        .reference_definitions()
        .iter()
        .filter_map(|(_, def)| target_in(masked, def.span.clone(), &def.dest))
        .map(|r| r.start + base..r.end + base)
        .collect();
    for (event, range) in parser.into_offset_iter() {
        if let Event::Start(Tag::Link {
            link_type: LinkType::Inline,
            dest_url,
            ..
        }) = &event
            && let Some(target) = target_in(masked, range.clone(), dest_url)
        {
            link_targets.push(target.start + base..target.end + base);
        }
        let range = range.start + base..range.end + base;
        match event {
            Event::Start(tag) => {
                let block = match &tag {
                    Tag::Paragraph => Some(Block::Paragraph),
                    Tag::Heading { level, .. } => Some(Block::Heading(*level as u8)),
                    Tag::Item => Some(Block::Item),
                    Tag::BlockQuote(_) => Some(Block::Quote),
                    Tag::FootnoteDefinition(_) => Some(Block::Footnote),
                    Tag::TableHead => Some(Block::TableHead),
                    Tag::TableCell => Some(Block::Cell {
                        head: blocks.contains(&Block::TableHead),
                    }),
                    Tag::DefinitionListTitle => Some(Block::DefinitionTerm),
                    Tag::DefinitionListDefinition => Some(Block::Definition),
                    Tag::CodeBlock(_) => {
                        code.push(range.clone());
                        Some(Block::Other)
                    }
                    Tag::HtmlBlock
                    | Tag::List(_)
                    | Tag::Table(_)
                    | Tag::TableRow
                    | Tag::DefinitionList
                    | Tag::MetadataBlock(_) => Some(Block::Other),
                    _ => None,
                };
                if let Some(block) = block {
                    // A tight list item's text ends where a nested block starts.
                    finish(&mut gathering, &mut segments);
                    blocks.push(block);
                    if let Some((kind, key_kind)) = text_block(&blocks) {
                        gathering = Some(Gathering {
                            kind,
                            key_kind,
                            open: Vec::new(),
                            nodes: Vec::new(),
                        });
                    }
                    continue;
                }
                // An inline container may be the first thing in a tight
                // list item or a definition, before any text.
                let Some(g) = gathering_for_inline(&mut gathering, &blocks) else {
                    continue;
                };
                let wrap = match tag {
                    Tag::Image { .. } => Wrap::Whole,
                    Tag::Link {
                        link_type: LinkType::Autolink | LinkType::Email,
                        ..
                    } => Wrap::Whole,
                    Tag::Link {
                        link_type: link_type @ (LinkType::Shortcut | LinkType::Collapsed),
                        ..
                    } => Wrap::Relabel {
                        collapsed: link_type == LinkType::Collapsed,
                    },
                    _ => Wrap::Container,
                };
                g.open.push((g.nodes.len(), wrap));
                g.nodes.push(Node::Open {
                    range,
                    relabel: matches!(wrap, Wrap::Relabel { .. }),
                });
            }
            Event::End(end) => {
                let is_block = matches!(
                    end,
                    TagEnd::Paragraph
                        | TagEnd::Heading(_)
                        | TagEnd::Item
                        | TagEnd::BlockQuote(_)
                        | TagEnd::FootnoteDefinition
                        | TagEnd::TableHead
                        | TagEnd::TableCell
                        | TagEnd::DefinitionListTitle
                        | TagEnd::DefinitionListDefinition
                        | TagEnd::CodeBlock
                        | TagEnd::HtmlBlock
                        | TagEnd::List(_)
                        | TagEnd::Table
                        | TagEnd::TableRow
                        | TagEnd::DefinitionList
                        | TagEnd::MetadataBlock(_)
                );
                if is_block {
                    finish(&mut gathering, &mut segments);
                    blocks.pop();
                    continue;
                }
                let Some(g) = gathering.as_mut() else {
                    continue;
                };
                let Some((at, wrap)) = g.open.pop() else {
                    continue;
                };
                let Some(Node::Open { range, .. }) = g.nodes.get(at).cloned() else {
                    continue;
                };
                let children = &g.nodes[at + 1..];
                if matches!(end, TagEnd::Image)
                    && let Some(alt) = inline::build(src, children, atoms)
                {
                    segments.push(BodySegment {
                        kind: Kind::Alt,
                        key_kind: "img",
                        inline: alt,
                    });
                }
                match wrap {
                    // A link that shows its own URL has nothing to translate.
                    Wrap::Whole => {}
                    Wrap::Container if shows_a_url(src, children) => {}
                    Wrap::Container => {
                        g.nodes.push(Node::Close(range));
                        continue;
                    }
                    Wrap::Relabel { collapsed } => {
                        // pulldown-cmark ends a collapsed link before its `[]`.
                        let mut range = range;
                        if collapsed && src.get(range.end..).is_some_and(|r| r.starts_with("[]")) {
                            range.end += 2;
                        }
                        g.nodes[at] = Node::Open {
                            range: range.clone(),
                            relabel: true,
                        };
                        g.nodes.push(Node::Close(range));
                        continue;
                    }
                }
                // One standalone placeholder: its children go.
                g.nodes.truncate(at);
                g.nodes.push(Node::Atom(range));
            }
            Event::Text(_) | Event::SoftBreak => {
                if let Some(g) = gathering_for_inline(&mut gathering, &blocks) {
                    g.push(Node::Text(range));
                }
            }
            Event::HardBreak => {
                if let Some(g) = gathering_for_inline(&mut gathering, &blocks) {
                    // The line ending is text; only the marker is markup.
                    let text = src.get(range.clone()).unwrap_or_default();
                    let marker_len = text.trim_end_matches(['\n', '\r']).len();
                    let eol = range.start + marker_len;
                    if marker_len > 0 {
                        g.push(Node::Atom(range.start..eol));
                    }
                    if eol < range.end {
                        g.push(Node::Text(eol..range.end));
                    }
                }
            }
            Event::InlineHtml(_) => {
                if let Some(g) = gathering_for_inline(&mut gathering, &blocks) {
                    g.push(Node::Html(range));
                }
            }
            Event::Code(_)
            | Event::Html(_)
            | Event::InlineMath(_)
            | Event::DisplayMath(_)
            | Event::FootnoteReference(_) => {
                if matches!(event, Event::Html(_)) && gathering.is_none() {
                    continue;
                }
                if let Some(g) = gathering_for_inline(&mut gathering, &blocks) {
                    g.push(Node::Atom(range));
                }
            }
            Event::TaskListMarker(_) | Event::Rule => {}
        }
    }
    finish(&mut gathering, &mut segments);
    link_targets.sort_by_key(|r| r.start);
    Body {
        segments,
        code,
        link_targets,
    }
}

/// Where `dest` is written in `text[within]`: right after a `](` of an
/// inline link (the first one followed by it: the text may hold brackets,
/// the title may hold `](`), or after the `:` of a definition; `None` if
/// it is written otherwise (escaped, in `<…>`).
fn target_in(text: &str, within: Range<usize>, dest: &str) -> Option<Range<usize>> {
    let written = text.get(within.clone())?;
    if dest.is_empty() {
        return None;
    }
    written
        .match_indices("](")
        .chain(written.match_indices("]:"))
        .map(|(i, _)| i + 2)
        .find_map(|after| {
            let rest = &written[after..];
            let start = within.start + after + (rest.len() - rest.trim_start().len());
            (text.get(start..start + dest.len()) == Some(dest)).then(|| start..start + dest.len())
        })
}

/// Whether a link's text is a bare URL.
fn shows_a_url(src: &str, children: &[Node]) -> bool {
    match children {
        [Node::Text(range)] => {
            let text = src.get(range.clone()).unwrap_or_default();
            (text.starts_with("http://")
                || text.starts_with("https://")
                || text.starts_with("www."))
                && !text.contains(char::is_whitespace)
        }
        _ => false,
    }
}

/// Keeps the prose of a text block: a display-math block (`$$…$$`,
/// `\[…\]`) or a Goldmark attribute line (`{.class}`) alone is no segment,
/// and an attribute line at the end of a block stays in the skeleton.
fn prose(mut inline: InlineText) -> Option<InlineText> {
    let text = inline.text.trim();
    let math = (text.starts_with("$$") && text.ends_with("$$") && text.len() >= 4)
        || (text.starts_with("\\[") && text.ends_with("\\]"))
        || (text.starts_with("\\(") && text.ends_with("\\)"));
    if math || is_attribute_line(text) {
        return None;
    }
    if let Some(last_break) = inline.text.rfind('\n')
        && is_attribute_line(&inline.text[last_break + 1..])
        && let Some(eol) = inline.breaks.pop()
    {
        inline.text.truncate(last_break);
        inline.span.end = eol.start;
    }
    Some(inline)
}

/// `{.class #id key="value"}`: Goldmark's block attributes.
fn is_attribute_line(line: &str) -> bool {
    let Some(inner) = line
        .trim()
        .strip_prefix('{')
        .and_then(|l| l.strip_suffix('}'))
    else {
        return false;
    };
    let inner = inner.trim();
    !inner.is_empty()
        && !inner.contains(['<', '{', '}'])
        && inner.split_whitespace().all(|part| {
            part.starts_with('.')
                || part.starts_with('#')
                || part.contains('=')
                || part.ends_with('"')
        })
}

/// The gathering for an inline event: the open one, or a new one for text
/// directly inside a tight list item or a definition list.
fn gathering_for_inline<'g>(
    gathering: &'g mut Option<Gathering>,
    blocks: &[Block],
) -> Option<&'g mut Gathering> {
    if gathering.is_none() {
        let (kind, key_kind) = match blocks.last()? {
            Block::Item => (Kind::ListItem, "li"),
            Block::DefinitionTerm | Block::Definition => (Kind::Paragraph, "p"),
            _ => return None,
        };
        *gathering = Some(Gathering {
            kind,
            key_kind,
            open: Vec::new(),
            nodes: Vec::new(),
        });
    }
    gathering.as_mut()
}

/// If the innermost block holds text, the kind of segment it gives.
fn text_block(blocks: &[Block]) -> Option<(Kind, &'static str)> {
    match blocks.last()? {
        // Static names, not `format!("h{level}")`: no string per block.
        Block::Heading(level) => Some((
            Kind::Heading,
            ["h1", "h2", "h3", "h4", "h5", "h6"]
                .get(usize::from(*level).saturating_sub(1))
                .copied()?,
        )),
        Block::Cell { head: true } => Some((Kind::TableCell, "th")),
        Block::Cell { head: false } => Some((Kind::TableCell, "td")),
        Block::Paragraph => {
            let container = blocks[..blocks.len() - 1]
                .iter()
                .rev()
                .find(|b| matches!(b, Block::Item | Block::Quote | Block::Footnote));
            Some(match container {
                Some(Block::Item) => (Kind::ListItem, "li"),
                Some(Block::Quote) => (Kind::Quote, "quote"),
                Some(Block::Footnote) => (Kind::Footnote, "fn"),
                _ => (Kind::Paragraph, "p"),
            })
        }
        _ => None,
    }
}
