//! Front matter: where it is, which string values it holds, and how to
//! write a new value in its place without touching anything else.
//!
//! Front matter is never re-serialized. Each format finds the byte span of
//! every top-level string value; a translation replaces exactly that span,
//! written in the same quoting style where the new text allows it.

mod json;
mod toml;
mod yaml;
mod yaml_events;

use std::ops::Range;

use super::error::PostingError;
use super::location::Location;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Yaml,
    Toml,
    Json,
    /// Org-mode `#+KEY: value` lines, which Hugo reads as front matter in
    /// any posting that starts with them; kept as they are.
    Org,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Yaml => "YAML",
            Format::Toml => "TOML",
            Format::Json => "JSON",
            Format::Org => "Org",
        }
    }
}

/// Where the front matter is in a posting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontMatter {
    pub format: Format,
    /// The text between the delimiters (for JSON, the whole object).
    pub content: Range<usize>,
    /// Where the body starts.
    pub body_start: usize,
}

/// How a scalar is written, so that a replacement stays valid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScalarStyle {
    YamlDouble,
    YamlSingle,
    YamlPlain,
    /// A plain scalar inside a flow list `[a, b]`, where `,[]{}` end it.
    YamlFlowPlain,
    YamlBlock,
    Toml,
    Json,
}

/// A top-level string value of the front matter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// The key as written (`Title`, `intro`).
    pub key: String,
    /// For an item of a list of strings (`tags`), its 0-based index.
    pub item: Option<usize>,
    /// The decoded value.
    pub value: String,
    /// The bytes of the value as written, quotes included.
    pub span: Range<usize>,
    pub style: ScalarStyle,
}

/// Finds the front matter of `text`, which starts at `start` (after any
/// BOM), as Hugo's page lexer finds it (`pagelexer_intro.go`): white space
/// and HTML comment lines may come first; then `+` opens TOML, `-` YAML and
/// `{` JSON front matter, whatever follows; a posting that starts with
/// another HTML tag is refused; anything else has no front matter.
///
/// # Examples
///
/// ```
/// use tolkar::posting::frontmatter::{split, Format};
///
/// let text = "\n---\ntitle: Hej\n---\nText\n";
/// let fm = split(text, 0).unwrap().unwrap();
/// assert_eq!((fm.format, &text[fm.content.clone()]), (Format::Yaml, "title: Hej\n"));
/// assert_eq!(&text[fm.body_start..], "Text\n");
/// assert!(split("- a list item\n", 0).is_err(), "Hugo reads - as a YAML delimiter");
/// assert_eq!(split("# Heading\n", 0).unwrap(), None);
/// ```
pub fn split(text: &str, start: usize) -> Result<Option<FrontMatter>, PostingError> {
    intro(text, start).map(|(front_matter, _)| front_matter)
}

/// Like `split`, with where the body starts: after the front matter, or
/// after an HTML comment at the top that hides none (Hugo skips it whole,
/// shortcodes and all), else at `start`.
pub fn intro(text: &str, start: usize) -> Result<(Option<FrontMatter>, usize), PostingError> {
    // Every offset below moves past ASCII it has just matched (white
    // space, `<!--`, a line break, a delimiter, `{`…`}`): each slice is on
    // a character boundary, given that `start` is.
    // Where Hugo reports problems of the intro: the start, or after the
    // last HTML comment line it skipped.
    let mut report_at = start;
    let mut comment: Option<usize> = None;
    let mut pos = start;
    loop {
        pos += text[pos..].len()
            - text[pos..]
                .trim_start_matches([' ', '\t', '\r', '\n'])
                .len();
        if !text[pos..].starts_with("<!--") {
            break;
        }
        comment.get_or_insert(pos);
        pos = text[pos..].find('\n').map_or(text.len(), |i| pos + i + 1);
        report_at = pos;
    }
    let at = |offset: usize| Location::of(text, offset);
    let found = match text[pos..].chars().next() {
        Some('+') => Some(delimited(text, pos, Format::Toml, at(report_at))?),
        Some('-') => Some(delimited(text, pos, Format::Yaml, at(report_at))?),
        Some('{') if text[pos..].starts_with("{{") => {
            return Err(PostingError::ShortcodeAtStart { at: at(report_at) });
        }
        Some('{') => {
            let end = json::object_end(text, pos)?;
            Some(FrontMatter {
                format: Format::Json,
                content: pos..end,
                body_start: end + crlf_len(&text[end..]),
            })
        }
        Some('<') => return Err(PostingError::PlainHtml { at: at(report_at) }),
        Some('#') if text[pos..].starts_with("#+") => {
            // Lines go on while the next one starts with `#+` again.
            let mut end = pos;
            while text[end..].starts_with("#+") {
                end = text[end..].find('\n').map_or(text.len(), |i| end + i + 1);
            }
            Some(FrontMatter {
                format: Format::Org,
                content: pos..end,
                body_start: end,
            })
        }
        _ => None,
    };
    let Some(comment) = comment else {
        let body_start = found.as_ref().map_or(start, |f| f.body_start);
        return Ok((found, body_start));
    };
    // The comment hides front matter: it must close after it.
    let from = found.as_ref().map_or(pos, |f| f.body_start);
    let Some(close) = text.get(from..).and_then(|rest| rest.find("-->")) else {
        return Err(PostingError::HtmlCommentUnclosed { at: at(comment) });
    };
    let body_start = from + close + 3;
    Ok((found.map(|f| FrontMatter { body_start, ..f }), body_start))
}

/// YAML or TOML front matter between `---` or `+++` lines: the opening
/// delimiter ends with an optional line break; the closing one is the first
/// line that starts with the delimiter.
fn delimited(
    text: &str,
    pos: usize,
    format: Format,
    report_at: Location,
) -> Result<FrontMatter, PostingError> {
    let delimiter = if format == Format::Toml { "+++" } else { "---" };
    if !text[pos..].starts_with(delimiter) {
        return Err(PostingError::FrontMatterDelimiter {
            at: report_at,
            found: delimiter.chars().next().unwrap_or('-'),
            delimiter,
        });
    }
    let content_start = pos + 3 + crlf_len(&text[pos + 3..]);
    let opened_with_eol = content_start > pos + 3;
    let closing = if opened_with_eol && text[content_start..].starts_with(delimiter) {
        Some(content_start)
    } else {
        text[content_start..]
            .match_indices(['\r', '\n'])
            .map(|(i, _)| content_start + i + 1)
            .find(|&after| text[after..].starts_with(delimiter))
    };
    let Some(closing) = closing else {
        return Err(PostingError::FrontMatterUnclosed {
            at: Location::of(text, content_start),
            delimiter: delimiter.to_string(),
        });
    };
    let after = closing + 3;
    Ok(FrontMatter {
        format,
        content: content_start..closing,
        body_start: after + crlf_len(&text[after..]),
    })
}

/// The length of an optional `\r` then an optional `\n` at the start.
fn crlf_len(text: &str) -> usize {
    let cr = usize::from(text.starts_with('\r'));
    cr + usize::from(text[cr..].starts_with('\n'))
}

/// Every top-level string value, in source order. Validates the front
/// matter as a whole: a syntax error anywhere in it is reported.
pub fn fields(text: &str, front_matter: &FrontMatter) -> Result<Vec<Field>, PostingError> {
    fields_where(text, front_matter, &|_| true)
}

/// Like `fields`, for the keys `wanted` accepts only: each YAML value found
/// is read back by the parser, which is worth skipping for keys nobody uses.
pub fn fields_where(
    text: &str,
    front_matter: &FrontMatter,
    wanted: &dyn Fn(&str) -> bool,
) -> Result<Vec<Field>, PostingError> {
    let content = &text[front_matter.content.clone()];
    let base = front_matter.content.start;
    let syntax_error = |offset: usize, reason: String| PostingError::FrontMatterSyntax {
        at: Location::of(text, base + offset),
        format: front_matter.format.name(),
        reason,
    };
    let mut fields = match front_matter.format {
        Format::Yaml => yaml::fields(content, &syntax_error, wanted)?,
        Format::Toml => toml::fields(content, &syntax_error)?,
        Format::Json => json::fields(content, &syntax_error)?,
        Format::Org => Vec::new(),
    };
    fields.retain(|f| wanted(&f.key));
    for field in &mut fields {
        field.span = field.span.start + base..field.span.end + base;
    }
    Ok(fields)
}

/// Writes `value` as a scalar of `style`, or the nearest style that can
/// hold it (a plain YAML scalar with `: ` in it becomes double-quoted).
pub fn encode(value: &str, style: ScalarStyle) -> String {
    match style {
        ScalarStyle::YamlPlain if yaml::plain_is_safe(value) => value.to_string(),
        ScalarStyle::YamlFlowPlain
            if yaml::plain_is_safe(value) && !value.contains([',', '[', ']', '{', '}']) =>
        {
            value.to_string()
        }
        ScalarStyle::YamlSingle if !value.contains(['\n', '\r']) => {
            format!("'{}'", value.replace('\'', "''"))
        }
        ScalarStyle::YamlDouble
        | ScalarStyle::YamlSingle
        | ScalarStyle::YamlPlain
        | ScalarStyle::YamlFlowPlain
        | ScalarStyle::YamlBlock
        | ScalarStyle::Toml => escaped_double_quoted(value),
        ScalarStyle::Json => serde_json::to_string(value).expect("strings always serialize"),
    }
}

/// A double-quoted string with the escapes YAML and TOML share.
fn escaped_double_quoted(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_each_format() {
        let yaml = "---\ntitle: x\n---\nbody";
        let fm = split(yaml, 0).unwrap().unwrap();
        assert_eq!(
            (fm.format, &yaml[fm.content.clone()], &yaml[fm.body_start..]),
            (Format::Yaml, "title: x\n", "body")
        );
        let toml = "+++\r\ntitle = 'x'\r\n+++\r\nbody";
        let fm = split(toml, 0).unwrap().unwrap();
        assert_eq!((fm.format, &toml[fm.body_start..]), (Format::Toml, "body"));
        let json = "{\n  \"title\": \"a } b\"\n}\nbody";
        let fm = split(json, 0).unwrap().unwrap();
        assert_eq!((fm.format, &json[fm.body_start..]), (Format::Json, "body"));
        assert_eq!(split("# no front matter", 0).unwrap(), None);
        let org = "#+TITLE: Hej\n#+AUTHOR: A\nText\n";
        let fm = split(org, 0).unwrap().unwrap();
        assert_eq!((fm.format, &org[fm.body_start..]), (Format::Org, "Text\n"));
        assert_eq!(split("Just text\n---\n", 0).unwrap(), None);
    }

    #[test]
    fn the_intro_is_read_as_hugo_reads_it() {
        // Each case after gohugoio/hugo parser/pageparser (intro lexer and
        // its tests) and the Hugo issues named.
        let blank_lines_first = "\n\n---\ntitle: x\n---\nbody";
        let fm = split(blank_lines_first, 0).unwrap().unwrap();
        assert_eq!(&blank_lines_first[fm.body_start..], "body");
        let commented = "<!--\n---\ntitle: x\n---\n-->\nSome text.\n";
        let fm = split(commented, 0).unwrap().unwrap();
        assert_eq!(&commented[fm.content.clone()], "title: x\n");
        assert_eq!(&commented[fm.body_start..], "\nSome text.\n");
        // A comment that hides no front matter is skipped whole, as Hugo
        // skips it: a broken shortcode in it is no error.
        let note = "<!-- note\nfoo {{< x \"broken >}}\n-->\nText here.\n";
        let (fm, body_start) = intro(note, 0).unwrap();
        assert!(fm.is_none());
        assert_eq!(&note[body_start..], "\nText here.\n");
        let empty = "---\n---\n\nSome text.\n";
        let fm = split(empty, 0).unwrap().unwrap();
        assert_eq!(
            (fm.content.len(), &empty[fm.body_start..]),
            (0, "\nSome text.\n")
        );
        let closing_with_more = "---\ntitle: x\n---  \nbody";
        let fm = split(closing_with_more, 0).unwrap().unwrap();
        assert_eq!(&closing_with_more[fm.body_start..], "  \nbody");
        for (text, expected) in [
            // #7176: a posting that starts with a shortcode.
            ("{{< ingress >}}\nx\n{{< /ingress >}}\n", "shortcode"),
            // #9482: plain HTML.
            ("<p>Hej</p>\n", "html"),
            // #11150: an HTML comment at the top hides front matter.
            ("<!-- comment -->\n## Hello\n", "comment"),
            ("<!--\n---\ntitle: x\n---\nSome text.\n", "comment"),
            ("- a list\n", "delimiter"),
            ("+ a list\n", "delimiter"),
            ("---\ntitle: x\n", "unclosed"),
        ] {
            let err = split(text, 0).unwrap_err();
            let kind = match &err {
                PostingError::ShortcodeAtStart { .. } => "shortcode",
                PostingError::PlainHtml { .. } => "html",
                PostingError::HtmlCommentUnclosed { .. } => "comment",
                PostingError::FrontMatterDelimiter { .. } => "delimiter",
                PostingError::FrontMatterUnclosed { .. } => "unclosed",
                _ => "other",
            };
            assert_eq!(kind, expected, "{text:?}: {err}");
            assert_eq!(
                err.location().line,
                if expected == "unclosed" { 2 } else { 1 }
            );
        }
    }

    #[test]
    fn unclosed_front_matter_is_an_error() {
        let err = split("\u{feff}---\ntitle: x\n", 3).unwrap_err();
        assert!(matches!(err, PostingError::FrontMatterUnclosed { .. }));
        // Where Hugo looks for the end: after the opening delimiter.
        assert_eq!(err.location(), Location { line: 2, column: 1 });
    }

    #[test]
    fn a_front_matter_only_file_has_an_empty_body() {
        let text = "---\ntitle: x\n---";
        let fm = split(text, 0).unwrap().unwrap();
        assert_eq!(fm.body_start, text.len());
    }

    fn values(text: &str) -> Vec<(String, String, String)> {
        let fm = split(text, 0).unwrap().unwrap();
        fields(text, &fm)
            .unwrap()
            .into_iter()
            .filter(|f| f.item.is_none())
            .map(|f| (f.key, f.value, text[f.span].to_string()))
            .collect()
    }

    fn items(text: &str) -> Vec<(String, usize, String, String)> {
        let fm = split(text, 0).unwrap().unwrap();
        fields(text, &fm)
            .unwrap()
            .into_iter()
            .filter_map(|f| Some((f.key, f.item?, f.value, text[f.span].to_string())))
            .collect()
    }

    #[test]
    fn list_items_in_every_format() {
        let expected = |raw: [&str; 3]| -> Vec<(String, usize, String, String)> {
            ["Moln", "Öppen källkod", "a, b"]
                .iter()
                .zip(raw)
                .enumerate()
                .map(|(i, (v, r))| ("tags".to_string(), i, v.to_string(), r.to_string()))
                .collect()
        };
        assert_eq!(
            items("---\ntags:\n  - Moln\n  - 'Öppen källkod' # c\n  - \"a, b\"\nn: [1, 2]\n---\n"),
            expected(["Moln", "'Öppen källkod'", "\"a, b\""])
        );
        assert_eq!(
            items("---\ntags: [Moln, 'Öppen källkod', \"a, b\"]\n---\n"),
            expected(["Moln", "'Öppen källkod'", "\"a, b\""])
        );
        assert_eq!(
            items("+++\ntags = ['Moln', \"Öppen källkod\", \"a, b\"]\n+++\n"),
            expected(["'Moln'", "\"Öppen källkod\"", "\"a, b\""])
        );
        assert_eq!(
            items("{\"tags\": [\"Moln\", \"Öppen källkod\", \"a, b\"], \"n\": [1]}\n"),
            expected(["\"Moln\"", "\"Öppen källkod\"", "\"a, b\""])
        );
    }

    #[test]
    fn yaml_values_in_every_style() {
        let text = "---\nTitle: \"Bli \\\"en\\\" av oss\"\nintro: 'it''s'\nplain: a plain value # note\ndate: 2025-03-14\ndraft: true\nn: 3\nblock: |\n  line one\n  line two\nnested:\n  a: b\n---\n";
        let got = values(text);
        assert_eq!(
            got[0],
            (
                "Title".into(),
                "Bli \"en\" av oss".into(),
                "\"Bli \\\"en\\\" av oss\"".into()
            )
        );
        assert_eq!(got[1], ("intro".into(), "it's".into(), "'it''s'".into()));
        assert_eq!(
            got[2],
            (
                "plain".into(),
                "a plain value".into(),
                "a plain value".into()
            )
        );
        assert_eq!(got[3].0, "date");
        assert_eq!(
            got.iter().find(|f| f.0 == "block").unwrap().1,
            "line one\nline two\n"
        );
        assert!(
            got.iter()
                .all(|f| f.0 != "draft" && f.0 != "n" && f.0 != "nested")
        );
    }

    #[test]
    fn yaml_that_libyaml_and_hugo_accept() {
        // Both seen on real sites Hugo builds: a closing quote at column 0
        // of the next line, and a flow list laid out at column 0 with a
        // trailing comma.
        let got = values("---\ntitle: \"What is a\nthing?\n\"\naliases: [\n/a/,\n/b/,\n]\n---\n");
        assert_eq!(got[0].0, "title");
        assert_eq!(got[0].1, "What is a thing? ");
        assert_eq!(got[0].2, "\"What is a\nthing?\n\"");
    }

    #[test]
    fn toml_and_json_values() {
        let got =
            values("+++\ntitle = \"Hej\"\ndesc = 'lit'\ndraft = false\n[params]\nx = \"y\"\n+++\n");
        assert_eq!(
            got,
            [
                ("title".into(), "Hej".into(), "\"Hej\"".into()),
                ("desc".into(), "lit".into(), "'lit'".into())
            ]
        );
        let got = values(
            "{\"title\": \"Hej \\u00e5\", \"n\": 1, \"tags\": [\"a\"], \"x\": {\"y\": \"z\"}}\n",
        );
        assert_eq!(
            got,
            [("title".into(), "Hej å".into(), "\"Hej \\u00e5\"".into())]
        );
    }

    #[test]
    fn syntax_errors_are_located_in_the_file() {
        let text = "---\ntitle: x\nbad: [unclosed\n---\n";
        let fm = split(text, 0).unwrap().unwrap();
        let err = fields(text, &fm).unwrap_err();
        assert!(
            matches!(err, PostingError::FrontMatterSyntax { format: "YAML", .. }),
            "{err:?}"
        );
        assert!(err.location().line >= 3, "{err:?}");
        let text = "+++\ntitle = \n+++\n";
        let err = fields(text, &split(text, 0).unwrap().unwrap()).unwrap_err();
        assert_eq!(err.location().line, 2, "{err:?}");
        let text = "{\n\"title\": \"x\",\n}\n";
        let err = fields(text, &split(text, 0).unwrap().unwrap()).unwrap_err();
        assert_eq!(err.location().line, 3, "{err:?}");
    }

    #[test]
    fn encoded_values_parse_back_to_the_same_text() {
        for value in [
            "plain",
            "with: colon",
            "a # hash",
            "it's \"quoted\"",
            "- dash",
            "true",
            "line\nbreak",
            "",
            " lead",
            "tab\there",
        ] {
            for style in [
                ScalarStyle::YamlDouble,
                ScalarStyle::YamlSingle,
                ScalarStyle::YamlPlain,
                ScalarStyle::YamlBlock,
            ] {
                let doc = format!("key: {}\n", encode(value, style));
                let parsed: std::collections::BTreeMap<String, String> =
                    serde_yaml::from_str(&doc).unwrap_or_else(|e| panic!("{doc:?}: {e}"));
                assert_eq!(parsed["key"], value, "{doc:?}");
            }
            let doc = format!("key = {}\n", encode(value, ScalarStyle::Toml));
            let parsed: toml_edit::DocumentMut = doc.parse().unwrap();
            assert_eq!(parsed["key"].as_str(), Some(value), "{doc:?}");
            let doc = format!("{{\"key\": {}}}", encode(value, ScalarStyle::Json));
            let parsed: serde_json::Value = serde_json::from_str(&doc).unwrap();
            assert_eq!(parsed["key"], value);
        }
    }
}
