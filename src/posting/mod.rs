//! The posting model: bytes in, a `Document` (the source with holes, and
//! the segments that fill them) out. No database, no file system.
//!
//! The steps follow the data: `frontmatter` finds the front matter and its
//! string values, `shortcode` lexes the Hugo shortcodes of the body,
//! `mask` hides them from Markdown, `markdown` and `inline` turn text
//! blocks into segments with placeholders. `crate::reassemble` puts
//! translations back by byte span.

pub mod error;
pub mod frontmatter;
pub mod inline;
pub mod links;
pub mod location;
pub mod markdown;
mod mask;
pub mod overrides;
pub mod rules;
pub mod shortcode;
pub mod values;

use std::collections::HashMap;
use std::ops::Range;

use serde::Serialize;

pub use error::PostingError;
pub use frontmatter::ScalarStyle;
pub use inline::Placeholder;
pub use location::{LineIndex, Location};
pub use rules::Rules;
use shortcode::{ParamStyle, TagKind};

/// What a segment is, for people and for export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    FrontMatter,
    Heading,
    Paragraph,
    ListItem,
    TableCell,
    Quote,
    Footnote,
    Alt,
    ShortcodeParam,
}

impl Kind {
    pub const ALL: [Kind; 9] = [
        Kind::FrontMatter,
        Kind::Heading,
        Kind::Paragraph,
        Kind::ListItem,
        Kind::TableCell,
        Kind::Quote,
        Kind::Footnote,
        Kind::Alt,
        Kind::ShortcodeParam,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::FrontMatter => "front-matter",
            Kind::Heading => "heading",
            Kind::Paragraph => "paragraph",
            Kind::ListItem => "list-item",
            Kind::TableCell => "table-cell",
            Kind::Quote => "quote",
            Kind::Footnote => "footnote",
            Kind::Alt => "alt",
            Kind::ShortcodeParam => "shortcode-param",
        }
    }
}

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How a translation of a segment is written back into the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shape {
    /// A front-matter value, re-quoted in its style.
    FrontMatter(ScalarStyle),
    /// A shortcode parameter, re-quoted in its style; inline Markdown in
    /// it (`title="**Card** with `code`"`, which templates markdownify)
    /// becomes placeholders, whose markup is written back around the text.
    Param {
        style: ParamStyle,
        markup: Vec<ParamMarkup>,
    },
    /// Markdown inline content with placeholders.
    Inline {
        placeholders: Vec<Placeholder>,
        breaks: Vec<Range<usize>>,
    },
}

/// The markup behind placeholder `id` of a shortcode parameter: the
/// opening (or whole standalone) markup and, for a pair, the closing one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParamMarkup {
    pub id: u32,
    pub open: String,
    pub close: Option<String>,
}

/// A parameter value with inline Markdown, as a translator sees it: the
/// text with placeholders and their markup. `None` when the value has no
/// markup, or is not one paragraph of inline Markdown exactly.
fn param_with_markup(value: &str) -> Option<(String, Vec<ParamMarkup>)> {
    if !value.contains(['*', '_', '`', '[', '<', '~']) {
        return None;
    }
    let body = markdown::segment(value, 0, value, &inline::Atoms::default());
    // The paragraph that is the whole value; an image's alt text inside it
    // is a segment of its own, left as the source has it.
    let only = body
        .segments
        .iter()
        .find(|s| s.inline.span == (0..value.len()))?;
    let inline = &only.inline;
    if only.kind != Kind::Paragraph
        || inline.placeholders.is_empty()
        || inline.placeholders.iter().any(|p| p.relabel.is_some())
    {
        return None;
    }
    let markup = inline
        .placeholders
        .iter()
        .map(|p| ParamMarkup {
            id: p.id,
            open: value.get(p.open.clone()).unwrap_or_default().to_string(),
            close: p
                .close
                .clone()
                .map(|c| value.get(c).unwrap_or_default().to_string()),
        })
        .collect();
    Some((inline.text.clone(), markup))
}

/// One translatable piece of a posting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// Structural key, unique in the document: `fm:title`, `body:p[4]`,
    /// `sc:accordion[1].title`.
    pub key: String,
    pub kind: Kind,
    /// The text a translator sees, with placeholders.
    pub text: String,
    /// 1-based line of the segment's first byte.
    pub line: usize,
    /// The bytes of the source the segment replaces.
    pub span: Range<usize>,
    pub shape: Shape,
}

/// The language value of the front matter, rewritten on build.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LanguageSlot {
    pub value: String,
    pub span: Range<usize>,
    pub style: ScalarStyle,
}

/// A parsed posting: the source and the segments that are holes in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub source: String,
    /// In source order; a segment may lie inside a placeholder of another.
    pub segments: Vec<Segment>,
    pub language: Option<LanguageSlot>,
    /// Shortcode parameters that look like prose but no rule translates:
    /// hints for the shortcode rules in `tolkar.toml`.
    pub untranslated_params: Vec<ParamHint>,
    /// Where the targets of Markdown links are written in the body.
    pub link_targets: Vec<Range<usize>>,
}

/// A shortcode parameter that reads like text but is not translated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ParamHint {
    pub shortcode: String,
    /// The parameter's name, or its position for a positional one.
    pub param: String,
    pub line: usize,
    pub value: String,
}

/// Whether a parameter value reads like words for people rather than a
/// URL, path, colour, icon or CSS classes: at least two words made of
/// letters only (`Läs mer`, not `fab fa-github` or `row text-center h1`).
pub fn reads_like_prose(value: &str) -> bool {
    let words = value
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| c.is_ascii_punctuation() && c != '-' && c != '_'))
        .filter(|w| !w.is_empty() && w.chars().all(char::is_alphabetic))
        .count();
    words >= 2 && !value.contains("://")
}

/// Whether text has something to translate: at least one letter outside
/// placeholders.
pub fn has_letters(text: &str) -> bool {
    // A placeholder tag is made of `<`, `/`, `>` and digits, none of them
    // a letter: a letter anywhere is a letter outside placeholders, and
    // the text need not be split into tags first.
    text.chars().any(char::is_alphabetic)
}

/// Whether a value a rule names as text is one: it has letters, and is
/// not a URL, path, number, switch, colour or the like (`values`).
fn is_translatable_value(value: &str) -> bool {
    has_letters(value) && !values::is_never_text(value)
}

/// A posting as build needs it to write it with no translation: its source
/// and its front matter's language slot, without its segments, hints or
/// link targets (the body is not parsed). Only for bytes that [`parse`]
/// reads with these `rules` (a posting sync stored): the body's errors are
/// not looked for, nor the front matter's when it cannot name the
/// language key (then it is not parsed either).
pub fn parse_language_only(bytes: &[u8], rules: &Rules) -> Result<Document, PostingError> {
    let (source, front_matter, _) = open(bytes)?;
    let language = match &front_matter {
        Some(front_matter) if may_name(&source[front_matter.content.clone()], rules) => {
            read_front_matter(source, front_matter, rules, None)?
        }
        _ => None,
    };
    Ok(Document {
        source: source.to_string(),
        segments: Vec::new(),
        language,
        untranslated_params: Vec::new(),
        link_targets: Vec::new(),
    })
}

/// Whether front matter `content` may have the language key: it holds
/// the key's letters in a row (any case, as `Rules::is_language_key`
/// compares), or a backslash, the only way YAML, TOML or JSON can spell a
/// key otherwise (an escape). Most sites name no language in their
/// postings (Hugo takes it from the directory), and libyaml was a fifth of
/// a first build's CPU.
fn may_name(content: &str, rules: &Rules) -> bool {
    let key = rules.front_matter.language_key.as_bytes();
    !key.is_empty()
        && (content.contains('\\')
            || content
                .as_bytes()
                .windows(key.len())
                .any(|window| window.eq_ignore_ascii_case(key)))
}

/// A posting's text, its front matter (after a byte order mark) and where
/// its body starts.
fn open(bytes: &[u8]) -> Result<(&str, Option<frontmatter::FrontMatter>, usize), PostingError> {
    let source = std::str::from_utf8(bytes).map_err(|e| PostingError::NotUtf8 {
        at: Location::of_bytes(bytes, e.valid_up_to()),
    })?;
    let bom = if source.starts_with('\u{feff}') { 3 } else { 0 };
    let (front_matter, body_start) = frontmatter::intro(source, bom)?;
    Ok((source, front_matter, body_start))
}

/// The language slot of the front matter, and its translatable values as
/// segments, when `segments` is given.
fn read_front_matter(
    source: &str,
    front_matter: &frontmatter::FrontMatter,
    rules: &Rules,
    mut segments: Option<&mut Vec<Segment>>,
) -> Result<Option<LanguageSlot>, PostingError> {
    let texts = segments.is_some();
    let wanted = |key: &str| {
        rules.is_language_key(key)
            || (texts && (rules.is_translatable_key(key) || rules.is_translatable_list(key)))
    };
    let mut language: Option<(bool, LanguageSlot)> = None;
    for field in frontmatter::fields_where(source, front_matter, &wanted)? {
        if let Some(item) = field.item {
            if let Some(segments) = segments.as_deref_mut().filter(|_| {
                rules.is_translatable_list(&field.key) && is_translatable_value(&field.value)
            }) {
                segments.push(Segment {
                    key: format!("fm:{}[{}]", field.key, item + 1),
                    kind: Kind::FrontMatter,
                    text: field.value,
                    line: 0,
                    span: field.span,
                    shape: Shape::FrontMatter(field.style),
                });
            }
        } else if rules.is_language_key(&field.key) {
            // With `language` and `Language` both present, the key
            // spelled as configured wins; otherwise the first one.
            let exact = field.key == rules.front_matter.language_key;
            let taken_exactly = matches!(&language, Some((true, _)));
            if taken_exactly || (language.is_some() && !exact) {
                continue;
            }
            language = Some((
                exact,
                LanguageSlot {
                    value: field.value,
                    span: field.span,
                    style: field.style,
                },
            ));
        } else if let Some(segments) = segments.as_deref_mut().filter(|_| {
            rules.is_translatable_key(&field.key) && is_translatable_value(&field.value)
        }) {
            segments.push(Segment {
                key: format!("fm:{}", field.key),
                kind: Kind::FrontMatter,
                text: field.value,
                line: 0,
                span: field.span,
                shape: Shape::FrontMatter(field.style),
            });
        }
    }
    Ok(language.map(|(_, slot)| slot))
}

/// Raised with every change to what [`parse`] makes of some posting (its
/// segments, keys, lines, markup, what it refuses) or to what sync stores
/// of it: stored with each document, so that the first sync after such a
/// change parses every posting again, counting none as changed whose
/// bytes are the same. (2: the markup of each segment is stored.)
pub const PARSE_REVISION: u32 = 2;

/// Parses a posting.
///
/// # Examples
///
/// ```
/// use tolkar::posting::{parse, Rules};
///
/// let doc = parse(b"---\ntitle: Hej\n---\nVi har *bra* jobb.\n", &Rules::default()).unwrap();
/// let texts: Vec<_> = doc.segments.iter().map(|s| (s.key.as_str(), s.text.as_str())).collect();
/// assert_eq!(texts, [("fm:title", "Hej"), ("body:p[1]", "Vi har <1>bra</1> jobb.")]);
/// ```
pub fn parse(bytes: &[u8], rules: &Rules) -> Result<Document, PostingError> {
    let (source, front_matter, body_start) = open(bytes)?;
    let mut segments = Vec::new();
    let language = match &front_matter {
        Some(front_matter) => read_front_matter(source, front_matter, rules, Some(&mut segments))?,
        None => None,
    };

    // After the BOM, or after a closing delimiter, `}` or `-->` and the
    // line break after it: a character boundary.
    let body = &source[body_start..];
    let lexed = shortcode::lex(source, body_start, body)?;
    let masked = mask::mask(body, body_start, &lexed, rules);
    let parsed = markdown::segment(source, body_start, &masked.text, &masked.atoms);

    // A dozen kinds at most (`p`, `li`, `h2`…): a list is faster than a
    // map, and takes no key copy per segment.
    let mut counters: Vec<(&'static str, usize)> = Vec::new();
    for found in parsed.segments {
        if !has_letters(&found.inline.text) {
            continue;
        }
        let at = match counters.iter().position(|(k, _)| *k == found.key_kind) {
            Some(at) => at,
            None => {
                counters.push((found.key_kind, 0));
                counters.len() - 1
            }
        };
        counters[at].1 += 1;
        let n = counters[at].1;
        segments.push(Segment {
            key: format!("body:{}[{n}]", found.key_kind),
            kind: found.kind,
            text: found.inline.text,
            line: 0,
            span: found.inline.span,
            shape: Shape::Inline {
                placeholders: found.inline.placeholders,
                breaks: found.inline.breaks,
            },
        });
    }

    let inside =
        |ranges: &[Range<usize>], at: usize| ranges.iter().any(|r| r.start <= at && at < r.end);
    let lines = LineIndex::new(source);
    let mut untranslated_params = Vec::new();
    let mut shortcode_counters: HashMap<&str, usize> = HashMap::new();
    for shortcode in &lexed.shortcodes {
        let tag = &lexed.tags[shortcode.open];
        debug_assert_eq!(tag.kind, TagKind::Open);
        let n = shortcode_counters.entry(tag.name.as_str()).or_default();
        *n += 1;
        let start = tag.span.start + body_start;
        if inside(&parsed.code, start) || inside(&masked.verbatim, start) {
            continue;
        }
        for param in &tag.params {
            let which = param
                .name
                .clone()
                .unwrap_or_else(|| param.position.to_string());
            if !rules.is_text_param(&tag.name, param.name.as_deref(), param.position) {
                if reads_like_prose(&param.value) {
                    untranslated_params.push(ParamHint {
                        shortcode: tag.name.clone(),
                        param: which,
                        line: lines.line(start),
                        value: param.value.clone(),
                    });
                }
                continue;
            }
            if !is_translatable_value(&param.value) {
                continue;
            }
            let (text, markup) = param_with_markup(&param.value)
                .unwrap_or_else(|| (param.value.clone(), Vec::new()));
            // `footer="![Signature](x.png)"`: markup only, nothing to say.
            if !has_letters(&text) {
                continue;
            }
            segments.push(Segment {
                key: format!("sc:{}[{n}].{which}", tag.name),
                kind: Kind::ShortcodeParam,
                text,
                line: 0,
                span: param.span.start + body_start..param.span.end + body_start,
                shape: Shape::Param {
                    style: param.style,
                    markup,
                },
            });
        }
    }

    // A key written twice (`{"title": …, "title": …}`, `title="A"
    // title="B"`) counts once, with the value parsers keep: the last.
    let mut last: HashMap<&str, usize> = HashMap::with_capacity(segments.len());
    for (i, segment) in segments.iter().enumerate() {
        last.insert(segment.key.as_str(), i);
    }
    if last.len() < segments.len() {
        let keep: Vec<bool> = (0..segments.len())
            .map(|i| last[segments[i].key.as_str()] == i)
            .collect();
        let mut index = 0;
        segments.retain(|_| {
            index += 1;
            keep[index - 1]
        });
    }
    segments.sort_by(|a, b| {
        a.span
            .start
            .cmp(&b.span.start)
            .then(b.span.end.cmp(&a.span.end))
    });
    for segment in &mut segments {
        segment.line = lines.line(segment.span.start);
    }
    Ok(Document {
        source: source.to_string(),
        segments,
        language,
        untranslated_params,
        link_targets: parsed.link_targets,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Build's short way finds the language slot the whole parse finds,
    /// whether or not it skips the front matter: the key in any case and
    /// format, in a value or inside a longer key only, spelled with an
    /// escape, or not there at all.
    #[test]
    fn the_short_way_finds_the_language_the_whole_parse_finds() {
        let postings = [
            "---\ntitle: Hej\n---\nText.\n",
            "---\ntitle: Hej\nlanguage: sv\n---\nText.\n",
            "---\nLanguage: \"sv\"\ntitle: Hej\n---\nText.\n",
            "---\nLANGUAGE: 'sv'\n---\nText.\n",
            "---\ntitle: Every language\n---\nText.\n",
            "---\nlanguageCode: sv\n---\nText.\n",
            "---\n\"langu\\x61ge\": sv\n---\nText.\n",
            "---\n\"language\": sv\n---\nText.\n",
            "---\nbase: &b\n  language: sv\n<<: *b\n---\nText.\n",
            "+++\ntitle = \"Hej\"\nlanguage = \"sv\"\n+++\nText.\n",
            "+++\ntitle = \"Hej\"\n+++\nText.\n",
            "{\n  \"title\": \"Hej\",\n  \"language\": \"sv\"\n}\nText.\n",
            "{\n  \"title\": \"Hej\"\n}\nText.\n",
        ];
        let rules = Rules::default();
        let mut found = 0;
        for posting in postings {
            let whole = parse(posting.as_bytes(), &rules).unwrap();
            let short = parse_language_only(posting.as_bytes(), &rules).unwrap();
            assert_eq!(short.language, whole.language, "{posting:?}");
            found += usize::from(whole.language.is_some());
        }
        assert!(found >= 5, "only {found} postings have a language slot");
    }

    #[test]
    fn prose_in_unknown_parameters_is_hinted_and_ids_are_not() {
        let doc = parse(
            b"Se:\n{{< cta \"L\xc3\xa4s mer\" \"#info\" >}}\n{{< feature icon=\"fab fa-github\" class=\"row text-center h1\" >}}\n",
            &Rules::default(),
        )
        .unwrap();
        let hints: Vec<(&str, &str, &str)> = doc
            .untranslated_params
            .iter()
            .map(|h| (h.shortcode.as_str(), h.param.as_str(), h.value.as_str()))
            .collect();
        assert_eq!(hints, [("cta", "0", "Läs mer")]);
        assert_eq!(doc.segments.len(), 1, "only the text before them");
    }

    #[test]
    fn inline_markdown_in_a_text_parameter_becomes_placeholders() {
        let source = "Se:\n{{< card title=\"**Kort** med `kod`\" >}}\n";
        let doc = parse(source.as_bytes(), &Rules::default()).unwrap();
        let param = doc
            .segments
            .iter()
            .find(|s| s.key == "sc:card[1].title")
            .unwrap();
        assert_eq!(param.text, "<1>Kort</1> med <2/>");
        let out = crate::reassemble::reassemble(
            &doc,
            |i| (doc.segments[i].key == param.key).then_some("<2/> and <1>card</1>"),
            None,
        )
        .unwrap();
        assert_eq!(out, "Se:\n{{< card title=\"`kod` and **card**\" >}}\n");
        assert_eq!(crate::reassemble::identity(&doc), source);
        let dropped = crate::reassemble::reassemble(
            &doc,
            |i| (doc.segments[i].key == param.key).then_some("card"),
            None,
        );
        assert!(dropped.is_err(), "a placeholder left out is refused");
    }

    #[test]
    fn a_key_written_twice_gives_one_segment_with_the_last_value() {
        let doc = parse(b"{\"title\": \"Hej\", \"title\": \"D\xc3\xa5\"}\n\n{{< card title=\"A\" title=\"B\" >}}\n", &Rules::default()).unwrap();
        let texts: Vec<(&str, &str)> = doc
            .segments
            .iter()
            .map(|s| (s.key.as_str(), s.text.as_str()))
            .collect();
        assert_eq!(texts, [("fm:title", "Då"), ("sc:card[1].title", "B")]);
        assert_eq!(crate::reassemble::identity(&doc), doc.source);
    }
}
