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
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Yaml => "YAML",
            Format::Toml => "TOML",
            Format::Json => "JSON",
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

/// Finds the front matter at `start` (after any BOM) of `text`.
pub fn split(text: &str, start: usize) -> Result<Option<FrontMatter>, PostingError> {
    let rest = &text[start..];
    for (delimiter, format) in [("---", Format::Yaml), ("+++", Format::Toml)] {
        let Some(after) = rest.strip_prefix(delimiter) else {
            continue;
        };
        let Some(first_eol) = line_end_after_delimiter(after) else {
            continue;
        };
        let content_start = start + delimiter.len() + first_eol;
        let mut line_start = content_start;
        while line_start <= text.len() {
            let line_end = text[line_start..]
                .find('\n')
                .map_or(text.len(), |i| line_start + i);
            let line = text[line_start..line_end].trim_end_matches('\r');
            if line.trim_end() == delimiter {
                let body_start = (line_end + 1).min(text.len());
                return Ok(Some(FrontMatter {
                    format,
                    content: content_start..line_start,
                    body_start,
                }));
            }
            if line_end == text.len() {
                break;
            }
            line_start = line_end + 1;
        }
        return Err(PostingError::FrontMatterUnclosed {
            at: Location::of(text, start),
            delimiter: delimiter.to_string(),
        });
    }
    // `{{<` at the start is a shortcode, never a JSON object.
    if rest.starts_with('{') && !rest.starts_with("{{") {
        let end = json::object_end(text, start)?;
        let body_start = match text[end..].find('\n') {
            Some(i) if text[end..end + i].trim().is_empty() => end + i + 1,
            _ => end,
        };
        return Ok(Some(FrontMatter {
            format: Format::Json,
            content: start..end,
            body_start,
        }));
    }
    Ok(None)
}

/// The length of the line ending that must follow an opening delimiter, if
/// only whitespace stands between.
fn line_end_after_delimiter(after: &str) -> Option<usize> {
    let line_end = after.find('\n')?;
    after[..line_end].trim().is_empty().then_some(line_end + 1)
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
        // Pinned: a body that starts with a shortcode was read as JSON.
        assert_eq!(
            split("{{< ingress >}}\nx\n{{< /ingress >}}\n", 0).unwrap(),
            None
        );
        assert_eq!(split("---not a delimiter\n", 0).unwrap(), None);
    }

    #[test]
    fn unclosed_front_matter_is_an_error() {
        let err = split("\u{feff}---\ntitle: x\n", 3).unwrap_err();
        assert!(matches!(err, PostingError::FrontMatterUnclosed { .. }));
        assert_eq!(err.location(), Location { line: 1, column: 1 });
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
