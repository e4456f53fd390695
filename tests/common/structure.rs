//! What must survive a translation, read from a posting's text.

use std::collections::BTreeMap;

use pulldown_cmark::{Event, Parser, Tag};
use tolkar::posting::shortcode::{TagKind, lex};
use tolkar::posting::{Rules, frontmatter};

/// What must survive a translation: shortcodes with their non-text
/// parameters, code blocks, link and image targets, front matter keys and
/// non-translated values.
#[derive(Debug, PartialEq)]
pub struct Structure {
    pub shortcodes: Vec<String>,
    pub code: Vec<String>,
    pub targets: Vec<String>,
    pub front_matter: BTreeMap<String, String>,
    pub blocks: Vec<String>,
}

/// A value that is data, not prose, whatever a rule says: a switch, a
/// number, a URL or path, a file name, a colour, an icon class. Written for
/// the tests on their own (not tolkar's `values::is_never_text`), so that a
/// rule that translates such a value shows as lost structure.
pub fn looks_like_data(value: &str) -> bool {
    let v = value.trim();
    let no_space = !v.contains(char::is_whitespace) && !v.is_empty();
    let lower = v.to_ascii_lowercase();
    lower == "true"
        || lower == "false"
        || v.parse::<f64>().is_ok()
        || lower.starts_with("http://")
        || lower.starts_with("https://")
        || lower.starts_with("mailto:")
        || (no_space && (v.starts_with('/') || v.starts_with("./") || v.starts_with("../")))
        || (no_space
            && v.split('/').filter(|p| !p.is_empty()).count() >= 2
            && v.contains(['-', '_', '.']))
        || (no_space
            && [
                ".png", ".jpg", ".jpeg", ".svg", ".gif", ".webp", ".pdf", ".md", ".html", ".yaml",
                ".json",
            ]
            .iter()
            .any(|ext| lower.ends_with(ext)))
        || (v.starts_with('#')
            && v.len() <= 9
            && v[1..].chars().all(|c| c.is_ascii_hexdigit())
            && v.len() > 1)
        || v.split_whitespace()
            .any(|w| w.starts_with("fa-") && w.len() > 3)
            && v.chars()
                .all(|c| c.is_ascii_lowercase() || c == '-' || c == ' ' || c.is_ascii_digit())
}

pub fn structure(text: &str, rules: &Rules) -> Structure {
    let (fm, body_start) = frontmatter::intro(text, 0).unwrap();
    let mut front_matter = BTreeMap::new();
    if let Some(fm) = &fm {
        for field in frontmatter::fields(text, fm).unwrap() {
            let value = if rules.is_translatable_key(&field.key) && !looks_like_data(&field.value) {
                "<text>".to_string()
            } else {
                field.value
            };
            front_matter.insert(field.key, value);
        }
    }
    let body = &text[body_start..];
    let lexed = lex(text, body_start, body).unwrap();
    let shortcodes = lexed
        .tags
        .iter()
        .map(|tag| {
            let params: Vec<String> = tag
                .params
                .iter()
                .map(|p| {
                    let value = if rules.is_text_param(&tag.name, p.name.as_deref(), p.position)
                        && !looks_like_data(&p.value)
                    {
                        "<text>"
                    } else {
                        p.value.as_str()
                    };
                    format!("{}={value}", p.name.clone().unwrap_or_default())
                })
                .collect();
            let kind = match tag.kind {
                TagKind::Open => "open",
                TagKind::Close => "close",
                TagKind::Comment => "comment",
            };
            format!("{kind} {} {}", tag.name, params.join(" "))
        })
        .collect();
    let mut code = Vec::new();
    let mut targets = Vec::new();
    let mut blocks = Vec::new();
    let mut in_code = false;
    for event in Parser::new_ext(
        body,
        // As Hugo's Goldmark reads content: footnotes and definition lists too.
        pulldown_cmark::Options::ENABLE_TABLES
            | pulldown_cmark::Options::ENABLE_HEADING_ATTRIBUTES
            | pulldown_cmark::Options::ENABLE_FOOTNOTES
            | pulldown_cmark::Options::ENABLE_STRIKETHROUGH
            | pulldown_cmark::Options::ENABLE_TASKLISTS
            | pulldown_cmark::Options::ENABLE_DEFINITION_LIST
            | pulldown_cmark::Options::ENABLE_GFM,
    ) {
        match event {
            Event::Start(Tag::CodeBlock(_)) => {
                in_code = true;
                code.push(String::new());
            }
            Event::End(pulldown_cmark::TagEnd::CodeBlock) => in_code = false,
            Event::Text(t) if in_code => code.last_mut().unwrap().push_str(&t),
            Event::Code(c) => code.push(c.to_string()),
            Event::Start(Tag::Link { dest_url, .. })
            | Event::Start(Tag::Image { dest_url, .. }) => targets.push(dest_url.to_string()),
            Event::Start(Tag::Heading { level, id, .. }) => {
                blocks.push(format!("{level:?} {id:?}"))
            }
            Event::Start(tag @ (Tag::List(_) | Tag::Item | Tag::BlockQuote(_) | Tag::Table(_))) => {
                blocks.push(format!("{tag:?}"))
            }
            _ => {}
        }
    }
    Structure {
        shortcodes,
        code,
        targets,
        front_matter,
        blocks,
    }
}
