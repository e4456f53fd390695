//! Skeleton + translations → a localized posting, by splicing byte spans.
//!
//! Nothing is re-rendered: every byte that is not a segment is copied from
//! the source. A segment inside a placeholder of another (an image's alt
//! text, an inline shortcode's text parameter) is spliced when that
//! placeholder's markup is written.

use std::ops::Range;

use crate::posting::frontmatter::encode;
use crate::posting::shortcode::encode_param;
use crate::posting::{Document, Shape};
use crate::segment::placeholder::{self, PlaceholderError, Token};

/// A translation that cannot be put into the posting.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("segment {key}: {error}")]
pub struct RenderError {
    pub key: String,
    pub error: PlaceholderError,
}

/// Reassembles `doc`, taking the text of each segment from `translate`
/// (by index into `doc.segments`; `None` keeps the source) and writing
/// `language` into the front matter's language key if given.
///
/// # Examples
///
/// ```
/// use tolkar::posting::{parse, Rules};
/// use tolkar::reassemble::reassemble;
///
/// let doc = parse(b"Read *this* [guide](https://x.io).\n", &Rules::default()).unwrap();
/// assert_eq!(doc.segments[0].text, "Read <1>this</1> <2>guide</2>.");
/// let out = reassemble(&doc, |_| Some("Läs <2>guiden</2> <1>här</1>."), None).unwrap();
/// assert_eq!(out, "Läs [guiden](https://x.io) *här*.\n");
/// ```
pub fn reassemble<'t>(
    doc: &Document,
    translate: impl Fn(usize) -> Option<&'t str>,
    language: Option<&str>,
) -> Result<String, RenderError> {
    let children = children(doc);
    let splicer = Splicer {
        doc,
        children: &children,
        translate: &translate,
        language,
    };
    let mut out = String::with_capacity(doc.source.len() + doc.source.len() / 3);
    splicer.range(&children.roots, 0..doc.source.len(), &mut out)?;
    Ok(out)
}

/// The identity translation: every segment translated to itself.
pub fn identity(doc: &Document) -> String {
    reassemble(doc, |i| Some(doc.segments[i].text.as_str()), None)
        .expect("a segment's own text always fits")
}

/// A parameter's translation with its placeholders turned back into the
/// markup they stand for.
fn with_markup(text: &str, markup: &[crate::posting::ParamMarkup]) -> String {
    let find = |id: u32| markup.iter().find(|m| m.id == id);
    let mut value = String::with_capacity(text.len());
    for token in placeholder::tokenize(text) {
        match token {
            Token::Text(run) => value.push_str(run),
            Token::Open(id) | Token::Standalone(id) => {
                value.push_str(find(id).map_or("", |m| m.open.as_str()));
            }
            Token::Close(id) => {
                value.push_str(find(id).and_then(|m| m.close.as_deref()).unwrap_or(""));
            }
        }
    }
    value
}

struct Tree {
    roots: Vec<usize>,
    /// For each segment, the segments directly inside it.
    inside: Vec<Vec<usize>>,
}

/// Nests segments by span: segments come sorted by start, outer first.
fn children(doc: &Document) -> Tree {
    let mut roots = Vec::new();
    let mut inside = vec![Vec::new(); doc.segments.len()];
    let mut stack: Vec<usize> = Vec::new();
    for (i, segment) in doc.segments.iter().enumerate() {
        while let Some(&top) = stack.last() {
            if doc.segments[top].span.end >= segment.span.end && top != i {
                break;
            }
            stack.pop();
        }
        match stack.last() {
            Some(&parent) => inside[parent].push(i),
            None => roots.push(i),
        }
        stack.push(i);
    }
    Tree { roots, inside }
}

struct Splicer<'a, 't, F: Fn(usize) -> Option<&'t str>> {
    doc: &'a Document,
    children: &'a Tree,
    translate: &'a F,
    language: Option<&'a str>,
}

impl<'t, F: Fn(usize) -> Option<&'t str>> Splicer<'_, 't, F> {
    /// Copies `range` of the source, splicing in the segments of
    /// `candidates` (and the language value) that lie inside it.
    fn range(
        &self,
        candidates: &[usize],
        range: Range<usize>,
        out: &mut String,
    ) -> Result<(), RenderError> {
        let src = &self.doc.source;
        let mut holes: Vec<(Range<usize>, Option<usize>)> = candidates
            .iter()
            .map(|&i| (self.doc.segments[i].span.clone(), Some(i)))
            .filter(|(span, _)| range.start <= span.start && span.end <= range.end)
            .collect();
        if let (Some(lang), Some(slot)) = (self.language, &self.doc.language)
            && range.start <= slot.span.start
            && slot.span.end <= range.end
            && lang != slot.value
        {
            holes.push((slot.span.clone(), None));
            holes.sort_by_key(|(span, _)| span.start);
        }
        let mut pos = range.start;
        for (span, segment) in holes {
            out.push_str(&src[pos..span.start]);
            match segment {
                Some(i) => self.segment(i, out)?,
                None => {
                    let slot = self.doc.language.as_ref().expect("checked above");
                    out.push_str(&encode(self.language.expect("checked above"), slot.style));
                }
            }
            pos = span.end;
        }
        out.push_str(&src[pos..range.end]);
        Ok(())
    }

    fn segment(&self, index: usize, out: &mut String) -> Result<(), RenderError> {
        let segment = &self.doc.segments[index];
        let text = (self.translate)(index).unwrap_or(&segment.text);
        let src = &self.doc.source;
        match &segment.shape {
            Shape::FrontMatter(_) | Shape::Param { .. } if text == segment.text => {
                out.push_str(&src[segment.span.clone()]);
            }
            Shape::FrontMatter(style) => out.push_str(&encode(text, *style)),
            Shape::Param { style, markup } if markup.is_empty() => {
                out.push_str(&encode_param(text, *style))
            }
            Shape::Param { style, markup } => {
                placeholder::check(&segment.text, text).map_err(|error| RenderError {
                    key: segment.key.clone(),
                    error,
                })?;
                out.push_str(&encode_param(&with_markup(text, markup), *style));
            }
            // Untranslated inline text is copied as it stands (segments
            // inside its placeholders are still spliced).
            Shape::Inline { .. } if text == segment.text => {
                self.range(&self.children.inside[index], segment.span.clone(), out)?;
            }
            Shape::Inline {
                placeholders,
                breaks,
            } => {
                placeholder::check(&segment.text, text).map_err(|error| RenderError {
                    key: segment.key.clone(),
                    error,
                })?;
                self.inline(index, text, placeholders, breaks, out)?;
            }
        }
        Ok(())
    }

    fn inline(
        &self,
        index: usize,
        text: &str,
        placeholders: &[crate::posting::Placeholder],
        breaks: &[Range<usize>],
        out: &mut String,
    ) -> Result<(), RenderError> {
        let src = &self.doc.source;
        let inside = &self.children.inside[index];
        let mut line = 0;
        for token in placeholder::tokenize(text) {
            match token {
                Token::Text(run) => {
                    let mut lines = run.split('\n');
                    out.push_str(lines.next().unwrap_or_default());
                    for next in lines {
                        match breaks.get(line).or(breaks.last()) {
                            Some(eol) => out.push_str(&src[eol.clone()]),
                            None => out.push('\n'),
                        }
                        line += 1;
                        out.push_str(next);
                    }
                }
                Token::Open(id) | Token::Standalone(id) => {
                    let placeholder = &placeholders[id as usize - 1];
                    self.range(inside, placeholder.open.clone(), out)?;
                }
                Token::Close(id) => {
                    let placeholder = &placeholders[id as usize - 1];
                    match &placeholder.relabel {
                        Some(markup) => out.push_str(markup),
                        None => {
                            let close = placeholder.close.clone().expect("checked: paired");
                            self.range(inside, close, out)?;
                        }
                    }
                }
            }
        }
        Ok(())
    }
}
