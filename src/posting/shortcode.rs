//! The Hugo shortcode lexer: finds every `{{< … >}}` and `{{% … %}}` tag in
//! a posting body, reads its name and parameters, and pairs openings with
//! closings.
//!
//! Shortcodes are lexed before Markdown because Markdown does not know them:
//! `[blog]({{% relref "/x.md" %}})` is no valid link until the tag is hidden.
//! Hugo finds them everywhere in the body, code blocks included, so we do
//! too. What is accepted, what is refused and where the error points follow
//! Hugo's page lexer (gohugoio/hugo, `parser/pageparser/pagelexer_shortcode.go`
//! and its tests, which `tests/hugo_conformance.rs` restates):
//!
//! ```text
//! tag        = open ( comment | ws* ( closing | opening ) )
//! open       = "{{<" | "{{%"                  closed by ">}}" or "%}}"
//! comment    = "/*" anything "*/" close      directly after open and before
//!                                            close; Hugo prints it as text
//! closing    = "/" ws* name sp* close        name opened before in the page
//! opening    = name ( ws* param )* ws* ( "/" ws* )? close
//! name       = alnum ( alnum | "-" | "/" )* ( ".inline" )?
//! param      = word "=" ws* value            named, or
//!            | word | quoted | raw           positional; never both kinds
//! word       = ( alnum | "-" ) ( alnum | "-" | "." )*
//! value      = quoted | raw | run of anything up to white space
//! quoted     = '"' … '"'   one line; with a \" inside, every \ is dropped
//!            | '\"' … '\"' the old escaped form
//! raw        = '`' … '`'   any characters, line breaks too
//! ws         = " " | "\t" | "\r" | "\n"      sp = " " | "\t"
//! ```
//!
//! A closing tag ends the innermost open shortcode that takes inner content,
//! whatever its name (Hugo decides by the template; we by the page: a name
//! that is closed somewhere takes inner content). An opening tag with no
//! closing tag is a standalone shortcode. Inside an inline shortcode
//! (`{{< x.inline >}}`) no other shortcode may start.

use std::collections::HashSet;
use std::ops::Range;

use super::error::{PostingError, ShortcodeProblem};
use super::location::Location;

/// Which delimiter pair a tag uses: `{{< >}}` or `{{% %}}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delimiter {
    Angle,
    Percent,
}

impl Delimiter {
    fn close(self) -> &'static str {
        match self {
            Delimiter::Angle => ">}}",
            Delimiter::Percent => "%}}",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TagKind {
    Open,
    Close,
    /// `{{</* … */>}}`: Hugo prints it as text; it is never a shortcode.
    Comment,
}

/// How a parameter value is written, so a replacement keeps the style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamStyle {
    /// `"…"`.
    Quoted,
    /// `\"…\"`, the escaped form older sites use.
    EscapedQuoted,
    /// `` `…` ``, no escapes.
    Raw,
    /// A bare word.
    Bare,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Param {
    /// The name of a named parameter; `None` for a positional one.
    pub name: Option<String>,
    /// The 0-based position among the tag's parameters.
    pub position: usize,
    /// The value as Hugo reads it.
    pub value: String,
    /// The bytes of the value as written, quotes included.
    pub span: Range<usize>,
    pub style: ParamStyle,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag {
    pub span: Range<usize>,
    pub delimiter: Delimiter,
    pub kind: TagKind,
    pub name: String,
    pub params: Vec<Param>,
    pub self_closing: bool,
    /// A problem Hugo's parser (not its lexer) finds in the tag: reported
    /// where Hugo reports it, at the outermost open shortcode.
    deferred: Option<ShortcodeProblem>,
}

/// A shortcode: an opening tag and, if it is paired, its closing tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shortcode {
    pub open: usize,
    pub close: Option<usize>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lexed {
    /// Every tag in source order, comments included.
    pub tags: Vec<Tag>,
    /// Every shortcode in the order of its opening tag.
    pub shortcodes: Vec<Shortcode>,
}

/// A problem before it is given a location: the byte offset in the body
/// where Hugo reports it.
type Failure = (usize, ShortcodeProblem);

/// Lexes the shortcodes of `body`; offsets in the result are relative to
/// `body` and errors are located in `file` with `body` starting at `base`.
pub fn lex(file: &str, base: usize, body: &str) -> Result<Lexed, PostingError> {
    let error = |(offset, problem): Failure| PostingError::Shortcode {
        at: Location::of(file, base + offset),
        problem: match problem {
            // The lexer knows the tag's offset; people want its line.
            ShortcodeProblem::Unclosed { expected, opened } => ShortcodeProblem::Unclosed {
                expected,
                opened: Location::of(file, base + opened).line,
            },
            other => other,
        },
    };
    let mut lexer = Lexer {
        src: body,
        pos: 0,
        mark: 0,
        names: HashSet::new(),
        tag_start: 0,
    };
    let mut tags = Vec::new();
    let mut inline_open: Option<String> = None;
    let mut from = 0;
    while let Some(at) = find_open(body, from) {
        if let Some(name) = &inline_open
            && !closes_inline(body.get(at + 3..).unwrap_or_default(), name)
        {
            return Err(error((
                at,
                ShortcodeProblem::InlineNested { name: name.clone() },
            )));
        }
        let tag = lexer.tag(at).map_err(error)?;
        match tag.kind {
            TagKind::Open if tag.name.ends_with(".inline") && !tag.self_closing => {
                inline_open = Some(tag.name.clone());
            }
            TagKind::Close => inline_open = None,
            _ => {}
        }
        from = tag.span.end;
        tags.push(tag);
    }
    let shortcodes = pair(&tags).map_err(error)?;
    Ok(Lexed { tags, shortcodes })
}

fn find_open(body: &str, from: usize) -> Option<usize> {
    let bytes = body.as_bytes();
    let mut i = from;
    // A search for one byte (memchr), not for `{{`: a string search sets
    // up a searcher on every call, and this runs once per tag.
    while let Some(rel) = body.get(i..)?.find('{') {
        let at = i + rel;
        if bytes.get(at + 1) != Some(&b'{') {
            i = at + 1;
            continue;
        }
        match bytes.get(at + 2) {
            Some(b'<') | Some(b'%') => return Some(at),
            // `{{{<`: Hugo looks again one byte on.
            _ => i = at + 1,
        }
    }
    None
}

/// Whether the text after a `{{<` inside inline shortcode `name` is its
/// closing tag, the only tag Hugo allows there.
fn closes_inline(after_open: &str, name: &str) -> bool {
    after_open
        .trim_start()
        .strip_prefix('/')
        .is_some_and(|rest| {
            rest.trim_start()
                .strip_prefix(name)
                .is_some_and(|r| r.starts_with(' '))
        })
}

/// Letters, decimal digits and `_`: what a shortcode name starts with.
/// As Go's `unicode.IsLetter` and `unicode.IsDigit`, which Hugo uses: a
/// combining mark (Thai, Devanagari vowel signs) or `½` is neither.
fn is_alnum(c: char) -> bool {
    use unicode_properties::{GeneralCategory, GeneralCategoryGroup, UnicodeGeneralCategory};
    c == '_'
        || c.is_ascii_alphanumeric()
        || (!c.is_ascii()
            && (c.general_category_group() == GeneralCategoryGroup::Letter
                || c.general_category() == GeneralCategory::DecimalNumber))
}

/// What a bare word (a name, a positional parameter) is made of.
fn is_word(c: char) -> bool {
    is_alnum(c) || c == '-'
}

/// White space between the parts of a tag.
fn is_tag_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\r' | '\n')
}

/// Whether the parameters seen so far are positional or named.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kinds {
    None,
    Positional,
    Named,
}

/// Every offset the lexer slices `src` at is on a character boundary:
/// `pos` moves by whole characters (`bump`) or past ASCII it has just
/// matched (`{{<`, a closing delimiter, a quote, a backtick), and the
/// starts it remembers are earlier values of `pos`.
struct Lexer<'a> {
    src: &'a str,
    pos: usize,
    /// Where an error found now is reported: the start of the part being
    /// read, as Hugo reports it.
    mark: usize,
    /// Every shortcode name seen so far; a closing tag must name one.
    names: HashSet<String>,
    /// Where the tag being read starts.
    tag_start: usize,
}

impl Lexer<'_> {
    fn rest(&self) -> &str {
        self.src.get(self.pos..).unwrap_or_default()
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    fn peek_second(&self) -> Option<char> {
        self.rest().chars().nth(1)
    }

    fn bump(&mut self) {
        if let Some(c) = self.peek() {
            self.pos += c.len_utf8();
        }
    }

    /// Skips white space between parts of a tag; the next part starts after.
    fn skip_tag_space(&mut self) {
        while self.peek().is_some_and(is_tag_space) {
            self.bump();
        }
        self.mark = self.pos;
    }

    fn tag(&mut self, start: usize) -> Result<Tag, Failure> {
        let delimiter = if self.src.as_bytes().get(start + 2) == Some(&b'<') {
            Delimiter::Angle
        } else {
            Delimiter::Percent
        };
        let close = delimiter.close();
        self.tag_start = start;
        self.pos = start + 3;
        self.mark = self.pos;
        if self.rest().starts_with("/*") {
            return self.comment(start, delimiter);
        }
        let mut kind = TagKind::Open;
        let mut name: Option<String> = None;
        let mut params: Vec<Param> = Vec::new();
        let mut kinds = Kinds::None;
        // A bare word that an `=` after white space may still make a name.
        let mut word_before_equals = false;
        let mut self_closing = false;
        loop {
            if self.rest().starts_with(close) {
                self.pos += close.len();
                break;
            }
            let Some(c) = self.peek() else {
                return Err((
                    self.mark,
                    ShortcodeProblem::Unclosed {
                        expected: close,
                        opened: self.tag_start,
                    },
                ));
            };
            if is_tag_space(c) {
                self.skip_tag_space();
                continue;
            }
            match (c, &name) {
                ('/', None) => {
                    if self.names.is_empty() {
                        return Err((self.pos, ShortcodeProblem::CloseWithoutOpen));
                    }
                    kind = TagKind::Close;
                    self.bump();
                    self.skip_tag_space();
                    // `{{< / >}}` closes whatever takes content: no name.
                    let found = if self.rest().starts_with(close) {
                        String::new()
                    } else {
                        self.name(true, close)?
                    };
                    self.end_of_closing(close, &found)?;
                    name = Some(found);
                    break;
                }
                // Hugo skips a backslash before the name.
                ('\\', None) if !matches!(self.peek_second(), Some('"' | '`')) => {
                    self.bump();
                    self.mark = self.pos;
                }
                (c, None) if is_alnum(c) => name = Some(self.name(false, close)?),
                ('/', Some(_)) => {
                    self.bump();
                    self.skip_tag_space();
                    if !self.rest().starts_with(close) {
                        let found = self.peek().unwrap_or(' ');
                        return Err((self.mark, ShortcodeProblem::UnexpectedChar { found }));
                    }
                    self.pos += close.len();
                    self_closing = true;
                    break;
                }
                ('=', Some(_)) if word_before_equals => {
                    word_before_equals = false;
                    self.bump();
                    while self.peek().is_some_and(char::is_whitespace) {
                        self.bump();
                    }
                    self.mark = self.pos;
                    let (value, span, style) = self.named_value()?;
                    // `word_before_equals` is only set with a parameter
                    // pushed; without one Hugo drops the value.
                    if let Some(param) = params.last_mut() {
                        param.name = Some(std::mem::replace(&mut param.value, value));
                        param.span = span;
                        param.style = style;
                    }
                }
                // A value with no name before it: Hugo reads it and drops it.
                ('=', _) => {
                    self.bump();
                    while self.peek().is_some_and(char::is_whitespace) {
                        self.bump();
                    }
                    self.mark = self.pos;
                    self.named_value()?;
                }
                ('\\', Some(_)) => {
                    self.bump();
                    self.mark = self.pos;
                    match self.peek() {
                        Some('"') => {
                            params.push(self.quoted_positional(&mut kinds, params.len(), true)?);
                            word_before_equals = true;
                        }
                        Some('`') => return Err((self.pos, ShortcodeProblem::BadEscape)),
                        // Hugo skips a lone backslash.
                        _ => {}
                    }
                }
                ('"' | '`', Some(_)) => {
                    params.push(self.quoted_positional(&mut kinds, params.len(), false)?);
                    // `"k"="v"`: Hugo's parser takes a value after any
                    // parameter as its value.
                    word_before_equals = true;
                }
                (c, Some(_)) if is_word(c) => {
                    let (mut param, followed_by_equals) = self.word(&mut kinds, params.len())?;
                    word_before_equals = !followed_by_equals;
                    if followed_by_equals {
                        self.bump();
                        while self.peek().is_some_and(char::is_whitespace) {
                            self.bump();
                        }
                        self.mark = self.pos;
                        let (value, span, style) = self.named_value()?;
                        param.name = Some(std::mem::replace(&mut param.value, value));
                        param.span = span;
                        param.style = style;
                    }
                    params.push(param);
                }
                (found, _) => {
                    return Err((self.mark, ShortcodeProblem::UnexpectedChar { found }));
                }
            }
        }
        let mut deferred = None;
        if name.is_none() {
            deferred = Some(ShortcodeProblem::NoName);
        }
        // Hugo's lexer lets `a ="x" b` through, and its parser refuses it.
        if let Some(first) = params.first() {
            let named = first.name.is_some();
            if let Some(other) = params.iter().find(|p| p.name.is_some() != named) {
                deferred = deferred.or(Some(ShortcodeProblem::MixedParams {
                    param: other.name.clone().unwrap_or_else(|| other.value.clone()),
                }));
            }
        }
        Ok(Tag {
            span: start..self.pos,
            delimiter,
            kind,
            name: name.unwrap_or_default(),
            params,
            self_closing,
            deferred,
        })
    }

    /// `{{</* … */>}}`: the comment runs to the first `*/` directly
    /// followed by the closing delimiter.
    fn comment(&mut self, start: usize, delimiter: Delimiter) -> Result<Tag, Failure> {
        let end_marker = format!("*/{}", delimiter.close());
        match self.rest().find(&end_marker) {
            // `{{</*/>}}` has no room for a comment.
            Some(at) if at > 1 => {
                self.pos += at + end_marker.len();
                Ok(Tag {
                    span: start..self.pos,
                    delimiter,
                    kind: TagKind::Comment,
                    name: String::new(),
                    params: Vec::new(),
                    self_closing: false,
                    deferred: None,
                })
            }
            _ => Err((
                start,
                ShortcodeProblem::CommentUnclosed {
                    expected: end_marker,
                },
            )),
        }
    }

    fn name(&mut self, closing: bool, close: &'static str) -> Result<String, Failure> {
        let start = self.pos;
        match self.peek() {
            Some(c) if is_alnum(c) => self.bump(),
            Some(found) => return Err((start, ShortcodeProblem::UnexpectedChar { found })),
            None => {
                return Err((
                    start,
                    ShortcodeProblem::Unclosed {
                        expected: close,
                        opened: self.tag_start,
                    },
                ));
            }
        }
        while let Some(c) = self.peek() {
            if is_word(c) || c == '/' {
                self.bump();
            } else if c == '.' {
                self.bump();
                if !self.rest().starts_with("inline ") {
                    return Err((start, ShortcodeProblem::PeriodInName));
                }
            } else {
                break;
            }
        }
        let name = self.src[start..self.pos].to_string();
        if closing && !self.names.contains(&name) {
            return Err((start, ShortcodeProblem::CloseNameUnknown { name }));
        }
        self.names.insert(name.clone());
        self.mark = self.pos;
        Ok(name)
    }

    /// After the name of a closing tag: spaces and the delimiter only.
    fn end_of_closing(&mut self, close: &str, name: &str) -> Result<(), Failure> {
        while matches!(self.peek(), Some(' ' | '\t')) {
            self.bump();
        }
        self.mark = self.pos;
        if self.rest().starts_with(close) {
            self.pos += close.len();
            Ok(())
        } else {
            Err((
                self.pos,
                ShortcodeProblem::CloseNotAlone {
                    name: name.to_string(),
                },
            ))
        }
    }

    /// A bare word: a positional parameter, or the name of a named one when
    /// `=` follows directly (the `=` is not consumed).
    fn word(&mut self, kinds: &mut Kinds, position: usize) -> Result<(Param, bool), Failure> {
        let start = self.pos;
        self.bump();
        let mut equals = false;
        while let Some(c) = self.peek() {
            if c == '=' {
                equals = true;
                break;
            }
            if !(is_word(c) || c == '.') {
                break;
            }
            self.bump();
        }
        let word = self.src[start..self.pos].to_string();
        let clash = match (*kinds, equals) {
            (Kinds::None, _) => {
                *kinds = if equals {
                    Kinds::Named
                } else {
                    Kinds::Positional
                };
                false
            }
            (Kinds::Positional, true) | (Kinds::Named, false) => true,
            _ => false,
        };
        if clash {
            return Err((start, ShortcodeProblem::MixedParams { param: word }));
        }
        self.mark = self.pos;
        Ok((
            Param {
                name: None,
                position,
                value: word,
                span: start..self.pos,
                style: ParamStyle::Bare,
            },
            equals,
        ))
    }

    /// A quoted or raw positional parameter; `escaped` when written `\"…`.
    fn quoted_positional(
        &mut self,
        kinds: &mut Kinds,
        position: usize,
        escaped: bool,
    ) -> Result<Param, Failure> {
        let start = if escaped { self.pos - 1 } else { self.pos };
        if *kinds == Kinds::Named {
            return Err((
                self.pos,
                ShortcodeProblem::MixedParams {
                    param: String::new(),
                },
            ));
        }
        *kinds = Kinds::Positional;
        let (value, style) = if self.peek() == Some('`') {
            (self.raw()?, ParamStyle::Raw)
        } else {
            let style = if escaped {
                ParamStyle::EscapedQuoted
            } else {
                ParamStyle::Quoted
            };
            (self.quoted(!escaped)?, style)
        };
        Ok(Param {
            name: None,
            position,
            value,
            span: start..self.pos,
            style,
        })
    }

    /// The value after `name=` and any white space.
    fn named_value(&mut self) -> Result<(String, Range<usize>, ParamStyle), Failure> {
        let start = self.pos;
        let (value, style) = match self.peek() {
            Some('"') => (self.quoted(true)?, ParamStyle::Quoted),
            Some('\\') => (self.quoted(false)?, ParamStyle::EscapedQuoted),
            Some('`') => (self.raw()?, ParamStyle::Raw),
            _ => {
                while self.peek().is_some_and(|c| !c.is_whitespace()) {
                    self.bump();
                }
                (self.src[start..self.pos].to_string(), ParamStyle::Bare)
            }
        };
        self.mark = self.pos;
        Ok((value, start..self.pos, style))
    }

    /// A double-quoted value, read as Hugo reads it: on one line; with a
    /// `\"` inside, every backslash is dropped, else all are kept. In the
    /// old escaped form (`\"…\"`, `allow_escapes` false), `\"` ends it.
    fn quoted(&mut self, allow_escapes: bool) -> Result<String, Failure> {
        let mut content_start: Option<usize> = None;
        let mut has_escaped_quote = false;
        let mut after_escape = false;
        let content_end = loop {
            let Some(c) = self.peek() else {
                return Err((self.mark, ShortcodeProblem::UnterminatedQuote));
            };
            match c {
                '\\' => match self.peek_second() {
                    Some('"') if content_start.is_some() && !allow_escapes => break self.pos,
                    Some('"') if content_start.is_some() => {
                        has_escaped_quote = true;
                        after_escape = true;
                    }
                    Some('`') => return Err((self.mark, ShortcodeProblem::BadEscape)),
                    _ => {}
                },
                '\n' => return Err((self.mark, ShortcodeProblem::UnterminatedQuote)),
                '"' if after_escape => after_escape = false,
                '"' if content_start.is_some() => break self.pos,
                '"' => {
                    self.bump();
                    content_start = Some(self.pos);
                    self.mark = self.pos;
                    continue;
                }
                _ => {}
            }
            self.bump();
        };
        let content = &self.src[content_start.unwrap_or(content_end)..content_end];
        let value = if has_escaped_quote {
            content.replace('\\', "")
        } else {
            content.to_string()
        };
        if self.rest().starts_with("\\\"") {
            self.pos += 2;
        } else if self.rest().starts_with('"') {
            self.pos += 1;
        }
        Ok(value)
    }

    /// A raw value between backticks, line breaks and all.
    fn raw(&mut self) -> Result<String, Failure> {
        self.bump();
        self.mark = self.pos;
        let Some(len) = self.rest().find('`') else {
            return Err((self.mark, ShortcodeProblem::UnterminatedRaw));
        };
        let value = self.rest()[..len].to_string();
        self.pos += len + 1;
        Ok(value)
    }
}

/// Pairs opening and closing tags. Hugo ends the innermost open shortcode
/// whose template takes inner content; without templates, a closing tag
/// ends the innermost open shortcode whose name is closed somewhere in the
/// page, else the innermost one opened with the same delimiter, else the
/// innermost one. Shortcodes left open inside it are standalone. A closing
/// tag with nothing open is an error, and so is a shortcode left open at
/// the end whose name a closing tag of its own name closes elsewhere (its
/// template takes content: Hugo says it must be closed). Problems Hugo's
/// parser finds are reported at the outermost open shortcode, as Hugo does.
fn pair(tags: &[Tag]) -> Result<Vec<Shortcode>, Failure> {
    let closed_names: HashSet<&str> = tags
        .iter()
        .filter(|t| t.kind == TagKind::Close)
        .map(|t| t.name.as_str())
        .collect();
    let mut paired_by_name: HashSet<&str> = HashSet::new();
    let mut shortcodes: Vec<Shortcode> = Vec::new();
    // Indices into `shortcodes` of those that may still be closed.
    let mut open: Vec<usize> = Vec::new();
    let outermost = |open: &[usize], shortcodes: &[Shortcode], tag: &Tag| {
        open.first()
            .map_or(tag.span.start, |&s| tags[shortcodes[s].open].span.start)
    };
    for (index, tag) in tags.iter().enumerate() {
        if let Some(problem) = &tag.deferred {
            return Err((outermost(&open, &shortcodes, tag), problem.clone()));
        }
        match tag.kind {
            TagKind::Comment => {}
            TagKind::Open => {
                shortcodes.push(Shortcode {
                    open: index,
                    close: None,
                });
                if !tag.self_closing {
                    open.push(shortcodes.len() - 1);
                }
            }
            TagKind::Close => {
                let Some(innermost) = open.len().checked_sub(1) else {
                    return Err((
                        tag.span.start,
                        ShortcodeProblem::OrphanClose {
                            name: tag.name.clone(),
                        },
                    ));
                };
                let opening = |s: usize| &tags[shortcodes[s].open];
                let at = open
                    .iter()
                    .rposition(|&s| closed_names.contains(opening(s).name.as_str()))
                    .or_else(|| {
                        open.iter()
                            .rposition(|&s| opening(s).delimiter == tag.delimiter)
                    })
                    .unwrap_or(innermost);
                open.truncate(at + 1);
                if let Some(closed) = open.pop() {
                    let name = tags[shortcodes[closed].open].name.as_str();
                    if name == tag.name {
                        paired_by_name.insert(name);
                    }
                    shortcodes[closed].close = Some(index);
                }
            }
        }
    }
    if let Some(&unclosed) = open
        .iter()
        .find(|&&s| paired_by_name.contains(tags[shortcodes[s].open].name.as_str()))
    {
        let tag = &tags[shortcodes[unclosed].open];
        return Err((
            outermost(&open, &shortcodes, tag),
            ShortcodeProblem::NotClosed {
                name: tag.name.clone(),
            },
        ));
    }
    Ok(shortcodes)
}

/// Writes `value` as a shortcode parameter, in `style` where Hugo reads it
/// back as the same value.
pub fn encode_param(value: &str, style: ParamStyle) -> String {
    // Bare only where Hugo reads the same word back in every position:
    // ASCII letters, digits, `_`, `-` and `.`, not starting with `.`.
    let bare_ok = value
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'));
    // In "…" a backslash stays as written unless a \" is present, and a
    // value may not span lines or end in a backslash (it would escape the
    // closing quote).
    let plain_quote_ok = !value.contains(['"', '\n']) && !value.ends_with('\\');
    match style {
        ParamStyle::Bare if bare_ok => value.to_string(),
        ParamStyle::EscapedQuoted if plain_quote_ok && !value.contains('\\') => {
            format!("\\\"{value}\\\"")
        }
        ParamStyle::Raw if !value.contains('`') => format!("`{value}`"),
        _ if plain_quote_ok => format!("\"{value}\""),
        _ if !value.contains('`') => format!("`{value}`"),
        // Quotes and backticks both: only \" can say it, and Hugo then
        // drops every backslash and refuses a line break.
        _ => {
            let mut out = String::with_capacity(value.len() + 4);
            out.push('"');
            for c in value.chars() {
                match c {
                    '"' => out.push_str("\\\""),
                    '\\' => {}
                    '\n' | '\r' => out.push(' '),
                    c => out.push(c),
                }
            }
            out.push('"');
            out
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex_ok(body: &str) -> Lexed {
        lex(body, 0, body).unwrap_or_else(|e| panic!("{body:?}: {e}"))
    }

    fn lex_err(body: &str) -> PostingError {
        lex(body, 0, body).unwrap_err()
    }

    fn names(lexed: &Lexed) -> Vec<(String, bool)> {
        lexed
            .shortcodes
            .iter()
            .map(|s| (lexed.tags[s.open].name.clone(), s.close.is_some()))
            .collect()
    }

    #[test]
    fn named_params_in_every_style() {
        let lexed = lex_ok(r#"{{< card title="A \"b\"" alt=`raw "x"` n=3 >}}"#);
        let params = &lexed.tags[0].params;
        assert_eq!(params.len(), 3);
        assert_eq!(params[0].name.as_deref(), Some("title"));
        assert_eq!(params[0].value, r#"A "b""#);
        assert_eq!(params[1].value, r#"raw "x""#);
        assert_eq!(params[1].style, ParamStyle::Raw);
        assert_eq!(params[2].value, "3");
        assert_eq!(params[2].style, ParamStyle::Bare);
    }

    #[test]
    fn positional_params() {
        let lexed =
            lex_ok(r#"{{< 2calltoaction "Ansök" "https://x/?a=1" "Kontakta" "mailto:m@x">}}"#);
        let values: Vec<_> = lexed.tags[0]
            .params
            .iter()
            .map(|p| p.value.as_str())
            .collect();
        assert_eq!(
            values,
            ["Ansök", "https://x/?a=1", "Kontakta", "mailto:m@x"]
        );
        assert!(lexed.tags[0].params.iter().all(|p| p.name.is_none()));
    }

    #[test]
    fn paired_standalone_self_closing_and_nested() {
        let lexed =
            lex_ok("{{< a >}}{{< b />}}{{% c %}}{{< d >}}x{{< /d >}}{{% /c %}}{{< /a >}}{{< e >}}");
        assert_eq!(
            names(&lexed),
            [
                ("a".into(), true),
                ("b".into(), false),
                ("c".into(), true),
                ("d".into(), true),
                ("e".into(), false)
            ]
        );
        assert!(lexed.tags[1].self_closing);
    }

    #[test]
    fn opening_without_closing_inside_a_pair_is_standalone() {
        let lexed = lex_ok("{{< a >}}{{< b >}}{{< /a >}}");
        assert_eq!(names(&lexed), [("a".into(), true), ("b".into(), false)]);
    }

    #[test]
    fn a_closing_tag_ends_the_innermost_shortcode_that_takes_content() {
        // A real page Hugo builds: the second /blocks/lead closes the open
        // blocks/section, since a blocks/lead was opened before.
        let lexed = lex_ok(
            "{{% blocks/lead %}}a{{% /blocks/lead %}}\n{{% blocks/section %}}b{{< icon x >}}{{% /blocks/lead %}}",
        );
        assert_eq!(
            names(&lexed),
            [
                ("blocks/lead".into(), true),
                ("blocks/section".into(), true),
                ("icon".into(), false)
            ]
        );
        assert_eq!(lexed.shortcodes[1].close, Some(4));
        // Both take content, so each closing tag ends the innermost.
        let lexed = lex_ok("{{< a >}}{{< b >}}{{< /a >}}{{< /b >}}");
        assert_eq!(names(&lexed), [("a".into(), true), ("b".into(), true)]);
        assert_eq!(lexed.shortcodes[1].close, Some(2));
    }

    #[test]
    fn closing_tag_without_space_and_multi_line_tag() {
        let lexed = lex_ok("{{< ingress >}}\nx\n{{</ ingress >}}\n{{< card\n  title=\"T\"\n>}}");
        assert_eq!(
            names(&lexed),
            [("ingress".into(), true), ("card".into(), false)]
        );
        assert_eq!(lexed.tags[2].params[0].value, "T");
    }

    #[test]
    fn comments_are_kept_and_never_paired() {
        let lexed = lex_ok("{{</* figure src=\"x\" */>}} {{%/* note */%}}");
        assert_eq!(lexed.tags.len(), 2);
        assert!(lexed.tags.iter().all(|t| t.kind == TagKind::Comment));
        assert!(lexed.shortcodes.is_empty());
        // Documentation of the comment syntax itself.
        let lexed = lex_ok("```\n{{</*/* name */*/>}}\n```");
        assert_eq!(lexed.tags.len(), 1);
        assert_eq!(lexed.tags[0].span, 4..24);
    }

    #[test]
    fn space_after_equals_and_before_it() {
        let lexed = lex_ok("{{% accordion title= \"What is it?\" %}}x{{% /accordion %}}");
        let param = &lexed.tags[0].params[0];
        assert_eq!(param.name.as_deref(), Some("title"));
        assert_eq!(param.value, "What is it?");
        let lexed = lex_ok("{{< x title =\"T\" >}}");
        assert_eq!(lexed.tags[0].params[0].name.as_deref(), Some("title"));
    }

    #[test]
    fn errors_have_locations() {
        let err = lex("ab\n  {{< x ", 0, "ab\n  {{< x ").unwrap_err();
        assert!(matches!(
            err,
            PostingError::Shortcode {
                problem: ShortcodeProblem::Unclosed { .. },
                ..
            }
        ));
        let err = lex_err("{{< a >}}{{< /a >}}x {{< /a >}}");
        assert!(
            matches!(
                err,
                PostingError::Shortcode {
                    problem: ShortcodeProblem::OrphanClose { .. },
                    ..
                }
            ),
            "{err:?}"
        );
        let err = lex_err("x\n{{< a >}}{{< /b >}}");
        assert_eq!(
            err.location(),
            Location {
                line: 2,
                column: 15
            }
        );
        let err = lex_err("{{< a %}}");
        assert_eq!(err.location(), Location { line: 1, column: 7 });
        let err = lex_err("{{< a \"unterminated >}}");
        assert_eq!(err.location(), Location { line: 1, column: 8 });
    }

    #[test]
    fn go_template_braces_are_not_shortcodes() {
        assert!(lex_ok("{{ .Title }} and {{- x -}}").tags.is_empty());
    }

    #[test]
    fn encoding_keeps_the_style_when_hugo_reads_it_back() {
        assert_eq!(encode_param("Hej", ParamStyle::Bare), "Hej");
        assert_eq!(encode_param("สมัคร", ParamStyle::Bare), "\"สมัคร\"");
        assert_eq!(encode_param(".NET", ParamStyle::Bare), "\".NET\"");
        assert_eq!(encode_param("Hej då", ParamStyle::Bare), "\"Hej då\"");
        assert_eq!(
            encode_param("say \"hi\"", ParamStyle::Quoted),
            "`say \"hi\"`"
        );
        assert_eq!(encode_param("a `b`", ParamStyle::Raw), "\"a `b`\"");
        assert_eq!(encode_param("C:\\x", ParamStyle::Quoted), "\"C:\\x\"");
        assert_eq!(
            encode_param("two\nlines", ParamStyle::Quoted),
            "`two\nlines`"
        );
        assert_eq!(
            encode_param("Hej", ParamStyle::EscapedQuoted),
            "\\\"Hej\\\""
        );
        for (value, style) in [
            ("say \"hi\"", ParamStyle::Quoted),
            ("a `b` \"c\"", ParamStyle::Quoted),
            ("C:\\x", ParamStyle::Quoted),
            ("ends in \\", ParamStyle::Bare),
            ("x.y-z", ParamStyle::Bare),
            ("två ord", ParamStyle::EscapedQuoted),
            // Hugo stops a bare word at a combining mark, and at a leading dot.
            ("สมัคร", ParamStyle::Bare),
            (".NET", ParamStyle::Bare),
            ("Ansök", ParamStyle::Bare),
        ] {
            let tag = format!("{{{{< s {} >}}}}", encode_param(value, style));
            let lexed = lex_ok(&tag);
            assert_eq!(lexed.tags[0].params[0].value, value, "{tag}");
        }
    }
}
