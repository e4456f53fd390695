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
    splicer.write(
        Work::Range {
            candidates: &children.roots,
            range: 0..doc.source.len(),
        },
        &mut out,
    )?;
    Ok(out)
}

/// The identity translation: every segment translated to itself.
pub fn identity(doc: &Document) -> String {
    // Only a translation that differs from its segment's text is checked,
    // so nothing here can fail.
    reassemble(doc, |i| doc.segments.get(i).map(|s| s.text.as_str()), None)
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

/// What is left to write, in order. The splicer keeps a stack of these
/// instead of recursing, so segments inside segments (an image inside the
/// alt text of an image, 10,000 deep) cannot overflow the stack.
enum Work<'a> {
    /// Bytes of the source, copied.
    Source(Range<usize>),
    Text(String),
    /// `range` of the source, with the segments of `candidates` (and the
    /// language value) that lie inside it spliced in.
    Range {
        candidates: &'a [usize],
        range: Range<usize>,
    },
    /// A segment, translated.
    Segment(usize),
}

/// A hole in a range of the source: a segment, or the language value.
enum Hole {
    Segment(usize),
    Language(String),
}

impl<'a, 't, F: Fn(usize) -> Option<&'t str>> Splicer<'a, 't, F> {
    /// Writes `work` and everything it expands to.
    fn write(&self, work: Work<'a>, out: &mut String) -> Result<(), RenderError> {
        let mut stack = vec![work];
        let mut parts = Vec::new();
        while let Some(work) = stack.pop() {
            match work {
                // Spans come from `parse`, on character boundaries.
                Work::Source(range) => out.push_str(self.doc.source.get(range).unwrap_or_default()),
                Work::Text(text) => out.push_str(&text),
                Work::Range { candidates, range } => self.range(candidates, range, &mut parts),
                Work::Segment(index) => self.segment(index, &mut parts)?,
            }
            stack.extend(parts.drain(..).rev());
        }
        Ok(())
    }

    /// The segments directly inside segment `index`.
    fn inside(&self, index: usize) -> &'a [usize] {
        self.children.inside.get(index).map_or(&[], Vec::as_slice)
    }

    /// Copies `range` of the source, splicing in the segments of
    /// `candidates` (and the language value) that lie inside it.
    fn range(&self, candidates: &'a [usize], range: Range<usize>, parts: &mut Vec<Work<'a>>) {
        // Candidates come by start (`children`): only those that start in
        // `range` are looked at, so that a paragraph of thousands of
        // shortcodes with text parameters is not quadratic.
        let span = |i: usize| self.doc.segments.get(i).map(|s| s.span.clone());
        let first = candidates.partition_point(|&i| span(i).is_some_and(|s| s.start < range.start));
        let mut holes: Vec<(Range<usize>, Hole)> = candidates[first..]
            .iter()
            .map_while(|&i| Some((span(i)?, Hole::Segment(i))))
            .take_while(|(span, _)| span.start <= range.end)
            .filter(|(span, _)| range.start <= span.start && span.end <= range.end)
            .collect();
        if let (Some(lang), Some(slot)) = (self.language, &self.doc.language)
            && range.start <= slot.span.start
            && slot.span.end <= range.end
            && lang != slot.value
        {
            holes.push((slot.span.clone(), Hole::Language(encode(lang, slot.style))));
            holes.sort_by_key(|(span, _)| span.start);
        }
        let mut pos = range.start;
        for (span, hole) in holes {
            // Segments nest or follow each other (`children`); one that
            // began inside the last would overlap it.
            if span.start < pos {
                continue;
            }
            parts.push(Work::Source(pos..span.start));
            parts.push(match hole {
                Hole::Segment(i) => Work::Segment(i),
                Hole::Language(value) => Work::Text(value),
            });
            pos = span.end;
        }
        parts.push(Work::Source(pos..range.end));
    }

    fn segment(&self, index: usize, parts: &mut Vec<Work<'a>>) -> Result<(), RenderError> {
        let Some(segment) = self.doc.segments.get(index) else {
            return Ok(());
        };
        let text = (self.translate)(index).unwrap_or(&segment.text);
        let checked = || {
            placeholder::check(&segment.text, text).map_err(|error| RenderError {
                key: segment.key.clone(),
                error,
            })
        };
        match &segment.shape {
            Shape::FrontMatter(_) | Shape::Param { .. } if text == segment.text => {
                parts.push(Work::Source(segment.span.clone()));
            }
            Shape::FrontMatter(style) => parts.push(Work::Text(encode(text, *style))),
            Shape::Param { style, markup } if markup.is_empty() => {
                parts.push(Work::Text(encode_param(text, *style)));
            }
            Shape::Param { style, markup } => {
                checked()?;
                parts.push(Work::Text(encode_param(&with_markup(text, markup), *style)));
            }
            // Untranslated inline text is copied as it stands (segments
            // inside its placeholders are still spliced).
            Shape::Inline { .. } if text == segment.text => parts.push(Work::Range {
                candidates: self.inside(index),
                range: segment.span.clone(),
            }),
            Shape::Inline {
                placeholders,
                breaks,
            } => {
                checked()?;
                let inside = self.inside(index);
                self.inline(&segment.key, inside, text, placeholders, breaks, parts)?;
            }
        }
        Ok(())
    }

    /// A translated inline segment `key`: its text, and the markup of its
    /// placeholders with the segments `inside` it spliced in.
    fn inline(
        &self,
        key: &str,
        inside: &'a [usize],
        text: &str,
        placeholders: &[crate::posting::Placeholder],
        breaks: &[Range<usize>],
        parts: &mut Vec<Work<'a>>,
    ) -> Result<(), RenderError> {
        // `check` has passed: every placeholder of the text is one of the
        // segment's, and a closing one is paired. A document not made by
        // `parse` may still disagree with its own text.
        let unknown = |tag: String| RenderError {
            key: key.to_string(),
            error: placeholder::PlaceholderError::Unknown { tag },
        };
        let placeholder = |id: u32| {
            let at = usize::try_from(id).ok()?.checked_sub(1)?;
            placeholders.get(at)
        };
        let mut line = 0;
        for token in placeholder::tokenize(text) {
            match token {
                Token::Text(run) => {
                    let mut lines = run.split('\n');
                    parts.push(Work::Text(lines.next().unwrap_or_default().to_string()));
                    for next in lines {
                        parts.push(match breaks.get(line).or(breaks.last()) {
                            Some(eol) => Work::Source(eol.clone()),
                            None => Work::Text("\n".into()),
                        });
                        line += 1;
                        parts.push(Work::Text(next.to_string()));
                    }
                }
                Token::Open(id) | Token::Standalone(id) => {
                    let open = placeholder(id).ok_or_else(|| unknown(format!("<{id}>")))?;
                    parts.push(Work::Range {
                        candidates: inside,
                        range: open.open.clone(),
                    });
                }
                Token::Close(id) => {
                    let pair = placeholder(id).ok_or_else(|| unknown(format!("</{id}>")))?;
                    parts.push(match (&pair.relabel, &pair.close) {
                        (Some(markup), _) => Work::Text(markup.clone()),
                        (None, Some(close)) => Work::Range {
                            candidates: inside,
                            range: close.clone(),
                        },
                        (None, None) => return Err(unknown(format!("</{id}>"))),
                    });
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::posting::{Rules, parse};

    #[test]
    fn deeply_nested_segments_do_not_overflow_the_stack() {
        // Pinned: 10,000 images each inside the alt text of the one before
        // are 10,000 nested segments, which overflowed the stack while the
        // splicer recursed into each.
        let source = format!("{}a{}\n", "![a ".repeat(10_000), "](x)".repeat(10_000));
        let doc = parse(source.as_bytes(), &Rules::default()).unwrap();
        assert_eq!(doc.segments.len(), 10_000);
        assert_eq!(identity(&doc), source);
        let text = |i: usize| match doc.segments[i].text.contains("<1/>") {
            true => "b <1/>",
            false => "b",
        };
        let out = reassemble(&doc, |i| Some(text(i)), None).unwrap();
        let expected = format!("{}![b{}\n", "![b ".repeat(9_999), "](x)".repeat(10_000));
        assert_eq!(out, expected);
    }

    #[test]
    fn a_document_that_disagrees_with_its_text_is_an_error() {
        // A `Document` is plain data: one not made by `parse` may name a
        // placeholder it has no markup for. That used to index out of
        // bounds; it is a `RenderError`.
        let mut doc = parse(b"Read *this* now.\n", &Rules::default()).unwrap();
        let Shape::Inline { placeholders, .. } = &mut doc.segments[0].shape else {
            panic!("inline");
        };
        placeholders.clear();
        let err = reassemble(&doc, |_| Some("Now <1>this</1>."), None).unwrap_err();
        assert_eq!(err.key, "body:p[1]");
        let Shape::Inline { placeholders, .. } = &mut doc.segments[0].shape else {
            panic!("inline");
        };
        placeholders.push(crate::posting::Placeholder {
            id: 1,
            open: 5..6,
            close: None,
            relabel: None,
        });
        assert!(reassemble(&doc, |_| Some("Now <1>this</1>."), None).is_err());
    }

    #[test]
    fn many_text_parameters_in_one_paragraph_reassemble_in_linear_time() {
        // Pinned: each placeholder of the paragraph looked through all the
        // segments inside it, 3,000 × 3,000 for this line.
        let source = format!("x {}\n", "{{< a title=\"Hej\" >}} ".repeat(3_000));
        let doc = parse(source.as_bytes(), &Rules::default()).unwrap();
        assert_eq!(doc.segments.len(), 3_001);
        let out = reassemble(&doc, |i| (i > 0).then_some("Hallå"), None).unwrap();
        assert_eq!(out, source.replace("Hej", "Hallå"));
    }
}
