//! The Hugo shortcode lexer: finds every `{{< … >}}` and `{{% … %}}` tag in
//! a posting body, reads its name and parameters, and pairs openings with
//! closings.
//!
//! Shortcodes are lexed before Markdown because Markdown does not know them:
//! `[blog]({{% relref "/x.md" %}})` is no valid link until the tag is hidden.
//! The grammar, as Hugo reads it:
//!
//! ```text
//! tag        = open ws* ( comment | closing | opening )
//! open       = "{{<" | "{{%"                       the close must match it
//! comment    = "/*" anything "*/" ws* close        shown literally by Hugo
//! closing    = "/" ws* name ws* close
//! opening    = name ( ws+ param )* ws* "/"? close  "/" makes it self-closing
//! param      = ident "=" value | value             named or positional
//! value      = '"' ( '\"' | any but '"' )* '"' | '`' any but '`' '`' | bare
//! bare       = run of characters up to whitespace or the close
//! close      = ">}}" | "%}}"
//! ```
//!
//! An opening tag with no closing tag is a standalone shortcode, as in Hugo.
//! A closing tag with no opening one, crossed nesting and a tag that never
//! ends are errors with a location.

use std::ops::Range;

use super::error::PostingError;
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
    /// `"…"`, with `\"` and `\\` escapes.
    Quoted,
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
    /// The decoded value.
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

/// Lexes the shortcodes of `body`; offsets in the result are relative to
/// `body` and errors are located in `file` with `body` starting at `base`.
pub fn lex(file: &str, base: usize, body: &str) -> Result<Lexed, PostingError> {
    let error_at = |offset: usize| Location::of(file, base + offset);
    let mut tags = Vec::new();
    let mut from = 0;
    while let Some(found) = find_open(body, from) {
        let tag = Lexer {
            src: body,
            pos: found,
        }
        .tag()
        .map_err(|failure| failure.into_error(&error_at))?;
        from = tag.span.end;
        tags.push(tag);
    }
    let shortcodes = pair(&tags, &error_at)?;
    Ok(Lexed { tags, shortcodes })
}

fn find_open(body: &str, from: usize) -> Option<usize> {
    let bytes = body.as_bytes();
    let mut i = from;
    while let Some(rel) = body[i..].find("{{") {
        let at = i + rel;
        match bytes.get(at + 2) {
            Some(b'<') | Some(b'%') => return Some(at),
            _ => i = at + 2,
        }
    }
    None
}

/// Why a tag could not be read, before it is given a location.
enum Failure {
    Unclosed { at: usize, expected: &'static str },
    Syntax { at: usize, reason: String },
}

impl Failure {
    fn into_error(self, error_at: &impl Fn(usize) -> Location) -> PostingError {
        match self {
            Failure::Unclosed { at, expected } => PostingError::ShortcodeUnclosed {
                at: error_at(at),
                expected,
            },
            Failure::Syntax { at, reason } => PostingError::ShortcodeSyntax {
                at: error_at(at),
                reason,
            },
        }
    }
}

struct Lexer<'a> {
    src: &'a str,
    pos: usize,
}

impl Lexer<'_> {
    fn rest(&self) -> &str {
        &self.src[self.pos..]
    }

    fn skip_ws(&mut self) {
        let rest = self.rest();
        self.pos += rest.len() - rest.trim_start().len();
    }

    fn tag(mut self) -> Result<Tag, Failure> {
        let start = self.pos;
        let delimiter = if self.src.as_bytes()[start + 2] == b'<' {
            Delimiter::Angle
        } else {
            Delimiter::Percent
        };
        let close = delimiter.close();
        let unclosed = Failure::Unclosed {
            at: start,
            expected: close,
        };
        self.pos += 3;
        self.skip_ws();
        if self.rest().starts_with("/*") {
            let end_marker = self.rest().find("*/").ok_or(unclosed)?;
            self.pos += end_marker + 2;
            self.skip_ws();
            if !self.rest().starts_with(close) {
                return Err(Failure::Unclosed {
                    at: start,
                    expected: close,
                });
            }
            self.pos += close.len();
            return Ok(Tag {
                span: start..self.pos,
                delimiter,
                kind: TagKind::Comment,
                name: String::new(),
                params: Vec::new(),
                self_closing: false,
            });
        }
        let kind = if self.rest().starts_with('/') {
            self.pos += 1;
            self.skip_ws();
            TagKind::Close
        } else {
            TagKind::Open
        };
        let name = self.name(start, close)?;
        let mut params = Vec::new();
        let mut self_closing = false;
        loop {
            let before_ws = self.pos;
            self.skip_ws();
            let rest = self.rest();
            if rest.is_empty() {
                return Err(unclosed);
            }
            if rest.starts_with(close) {
                self.pos += close.len();
                break;
            }
            if rest.starts_with('/') && rest[1..].trim_start().starts_with(close) {
                self_closing = true;
                self.pos += 1;
                self.skip_ws();
                self.pos += close.len();
                break;
            }
            if let Some(other) = [">}}", "%}}"].into_iter().find(|c| rest.starts_with(c)) {
                return Err(Failure::Syntax {
                    at: self.pos,
                    reason: format!("tag opened with {{{{{} is closed with {other}", &close[..1]),
                });
            }
            if kind == TagKind::Close {
                return Err(Failure::Syntax {
                    at: self.pos,
                    reason: format!("closing tag {name} takes no parameters"),
                });
            }
            if self.pos == before_ws {
                return Err(Failure::Syntax {
                    at: self.pos,
                    reason: "parameters must be separated by whitespace".into(),
                });
            }
            let position = params.len();
            params.push(self.param(start, close, position)?);
        }
        if kind == TagKind::Close && self_closing {
            return Err(Failure::Syntax {
                at: start,
                reason: format!("closing tag {name} cannot be self-closing"),
            });
        }
        Ok(Tag {
            span: start..self.pos,
            delimiter,
            kind,
            name,
            params,
            self_closing,
        })
    }

    fn name(&mut self, start: usize, close: &'static str) -> Result<String, Failure> {
        let rest = self.rest();
        let len = rest
            .char_indices()
            .find(|&(_, c)| !(c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | '/')))
            .map_or(rest.len(), |(i, _)| i);
        if len == 0 {
            return Err(if rest.is_empty() {
                Failure::Unclosed {
                    at: start,
                    expected: close,
                }
            } else {
                Failure::Syntax {
                    at: self.pos,
                    reason: "expected a shortcode name".into(),
                }
            });
        }
        let name = rest[..len].to_string();
        self.pos += len;
        Ok(name)
    }

    fn param(
        &mut self,
        start: usize,
        close: &'static str,
        position: usize,
    ) -> Result<Param, Failure> {
        let rest = self.rest();
        // A named parameter is an identifier directly followed by `=`.
        let ident_len = rest
            .char_indices()
            .find(|&(_, c)| !(c.is_alphanumeric() || matches!(c, '_' | '-')))
            .map_or(rest.len(), |(i, _)| i);
        let name = if ident_len > 0 && rest[ident_len..].starts_with('=') {
            let name = rest[..ident_len].to_string();
            self.pos += ident_len + 1;
            Some(name)
        } else {
            None
        };
        let value_start = self.pos;
        let rest = self.rest();
        let (value, style, len) = if let Some(quoted) = rest.strip_prefix('"') {
            let mut value = String::new();
            let mut chars = quoted.char_indices();
            let mut end = None;
            while let Some((i, c)) = chars.next() {
                match c {
                    '"' => {
                        end = Some(i + 2);
                        break;
                    }
                    '\\' => match chars.next() {
                        Some((_, e @ ('"' | '\\'))) => value.push(e),
                        Some((_, other)) => {
                            value.push('\\');
                            value.push(other);
                        }
                        None => break,
                    },
                    c => value.push(c),
                }
            }
            let len = end.ok_or(Failure::Unclosed {
                at: start,
                expected: close,
            })?;
            (value, ParamStyle::Quoted, len)
        } else if let Some(raw) = rest.strip_prefix('`') {
            let end = raw.find('`').ok_or(Failure::Unclosed {
                at: start,
                expected: close,
            })?;
            (raw[..end].to_string(), ParamStyle::Raw, end + 2)
        } else {
            let mut len = 0;
            for (i, c) in rest.char_indices() {
                let here = &rest[i..];
                if c.is_whitespace()
                    || here.starts_with(close)
                    || (c == '/' && here[1..].trim_start().starts_with(close))
                {
                    break;
                }
                len = i + c.len_utf8();
            }
            if len == 0 {
                return Err(Failure::Syntax {
                    at: value_start,
                    reason: "expected a parameter value".into(),
                });
            }
            (rest[..len].to_string(), ParamStyle::Bare, len)
        };
        self.pos += len;
        Ok(Param {
            name,
            position,
            value,
            span: value_start..self.pos,
            style,
        })
    }
}

/// Pairs opening and closing tags: a closing tag closes the nearest open
/// shortcode of its name; shortcodes left open inside it are standalone.
fn pair(
    tags: &[Tag],
    error_at: &impl Fn(usize) -> Location,
) -> Result<Vec<Shortcode>, PostingError> {
    let mut shortcodes: Vec<Shortcode> = Vec::new();
    // Indices into `shortcodes` of those that may still be closed.
    let mut open: Vec<usize> = Vec::new();
    // Shortcodes made standalone by a closing tag around them, with that tag's name.
    let mut demoted: Vec<(usize, String)> = Vec::new();
    for (index, tag) in tags.iter().enumerate() {
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
                let found = open
                    .iter()
                    .rposition(|&s| tags[shortcodes[s].open].name == tag.name);
                match found {
                    Some(at) => {
                        for left_open in open.drain(at + 1..) {
                            demoted.push((left_open, tag.name.clone()));
                        }
                        let closed = open.pop().expect("found above");
                        shortcodes[closed].close = Some(index);
                    }
                    None => {
                        let crossed = demoted
                            .iter()
                            .rev()
                            .find(|(s, _)| tags[shortcodes[*s].open].name == tag.name);
                        return Err(match crossed {
                            Some((_, other)) => PostingError::ShortcodeCrossed {
                                at: error_at(tag.span.start),
                                name: tag.name.clone(),
                                other: other.clone(),
                            },
                            None => PostingError::ShortcodeOrphanClose {
                                at: error_at(tag.span.start),
                                name: tag.name.clone(),
                            },
                        });
                    }
                }
            }
        }
    }
    Ok(shortcodes)
}

/// Writes `value` as a shortcode parameter, in `style` where it can be.
pub fn encode_param(value: &str, style: ParamStyle) -> String {
    let bare_ok = !value.is_empty()
        && !value
            .chars()
            .any(|c| c.is_whitespace() || matches!(c, '"' | '`' | '=' | '>' | '%' | '/'));
    match style {
        ParamStyle::Bare if bare_ok => value.to_string(),
        ParamStyle::Raw if !value.contains('`') => format!("`{value}`"),
        _ => {
            let mut out = String::with_capacity(value.len() + 2);
            out.push('"');
            for c in value.chars() {
                if matches!(c, '"' | '\\') {
                    out.push('\\');
                }
                out.push(c);
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
    }

    #[test]
    fn errors_have_locations() {
        let err = lex("ab\n  {{< x ", 0, "ab\n  {{< x ").unwrap_err();
        assert_eq!(err.location(), Location { line: 2, column: 3 });
        assert!(matches!(err, PostingError::ShortcodeUnclosed { .. }));
        let err = lex_ok_err("x {{< /y >}}");
        assert!(matches!(err, PostingError::ShortcodeOrphanClose { .. }));
        let err = lex_ok_err("{{< a >}}{{< b >}}{{< /a >}}{{< /b >}}");
        assert!(
            matches!(err, PostingError::ShortcodeCrossed { .. }),
            "{err:?}"
        );
        let err = lex_ok_err("{{< a %}}");
        assert!(
            matches!(err, PostingError::ShortcodeSyntax { .. }),
            "{err:?}"
        );
        let err = lex_ok_err("{{< a \"unterminated >}}");
        assert!(
            matches!(err, PostingError::ShortcodeUnclosed { .. }),
            "{err:?}"
        );
    }

    fn lex_ok_err(body: &str) -> PostingError {
        lex(body, 0, body).unwrap_err()
    }

    #[test]
    fn go_template_braces_are_not_shortcodes() {
        assert!(lex_ok("{{ .Title }} and {{- x -}}").tags.is_empty());
    }

    #[test]
    fn encoding_keeps_the_style_when_it_can() {
        assert_eq!(encode_param("Hej", ParamStyle::Bare), "Hej");
        assert_eq!(encode_param("Hej då", ParamStyle::Bare), "\"Hej då\"");
        assert_eq!(
            encode_param("say \"hi\"", ParamStyle::Quoted),
            r#""say \"hi\"""#
        );
        assert_eq!(encode_param("a `b`", ParamStyle::Raw), r#""a `b`""#);
    }
}
