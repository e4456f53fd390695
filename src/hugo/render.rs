//! Writes a `Plan` as `tolkar.toml` for people: the values as serde writes
//! them, each with a comment saying where it came from, and at the end what
//! `init` could not decide.
//!
//! The comments quote the site (front-matter values, parameters, paths,
//! parser messages), so they are made safe whatever they hold: a line
//! break would end the comment and leave the rest of the line to be read
//! as TOML. What is written is read back before it is returned.

use toml_edit::{DocumentMut, Item, Table};

use super::Plan;
use crate::posting::Location;
use crate::project::Config;

/// The widest comment line, `#` included, in characters.
const WIDTH: usize = 78;

/// `tolkar.toml` as rendered does not read back as planned. Not expected
/// to happen: a bug in `render`, reported instead of a file tolkar refuses.
#[derive(Debug, thiserror::Error)]
#[error("{}:{}: {reason}", at.line, at.column)]
pub struct RenderError {
    pub at: Location,
    pub reason: String,
}

/// `text` with control characters written as escapes (`\n`, `\u{1b}`):
/// TOML ends a comment at a line break and refuses other control
/// characters in it, and people would not see them there anyway.
fn printable(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') => {
                out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out
}

/// The words of `line`, a word longer than a comment line cut in pieces
/// that fit.
fn words(line: &str) -> impl Iterator<Item = String> + '_ {
    let most = WIDTH - 5;
    line.split(' ').flat_map(move |word| {
        let chars: Vec<char> = word.chars().collect();
        if chars.len() <= most {
            vec![word.to_string()]
        } else {
            chars.chunks(most).map(|c| c.iter().collect()).collect()
        }
    })
}

/// Comment lines, each started with `# ` and wrapped near 78 columns.
fn comment(lines: &[String]) -> String {
    let mut out = String::new();
    for line in lines {
        let line = printable(line);
        if line.is_empty() {
            out.push_str("#\n");
            continue;
        }
        let mut current = String::from("#");
        let mut width = 1;
        for word in words(&line) {
            let word_width = word.chars().count();
            if width + word_width >= WIDTH && width > 4 {
                out.push_str(&current);
                out.push('\n');
                current = String::from("#  ");
                width = 3;
            }
            current.push(' ');
            current.push_str(&word);
            width += 1 + word_width;
        }
        out.push_str(&current);
        out.push('\n');
    }
    out
}

fn note_key(table: &mut Table, key: &str, lines: &[String]) {
    if lines.is_empty() {
        return;
    }
    if let Some(mut key) = table.key_mut(key) {
        key.leaf_decor_mut().set_prefix(comment(lines));
    }
}

fn note_table(item: Option<&mut Item>, lines: &[String]) {
    if let Some(table) = item.and_then(Item::as_table_mut) {
        table
            .decor_mut()
            .set_prefix(format!("\n{}", comment(lines)));
    }
}

/// Short arrays on one line; the empty lists of a shortcode rule left
/// out (empty is their default).
fn tidy(doc: &mut DocumentMut) {
    fn visit(table: &mut Table, drop_empty: bool) {
        if drop_empty {
            table.retain(|_, item| !item.as_array().is_some_and(|a| a.is_empty()));
        }
        for (_, item) in table.iter_mut() {
            if let Some(array) = item.as_array_mut() {
                let mut line = array.clone();
                line.fmt();
                if line.to_string().len() <= 70 {
                    *array = line;
                }
            } else if let Some(inner) = item.as_table_mut() {
                visit(inner, false);
            }
        }
    }
    visit(doc.as_table_mut(), false);
    if let Some(shortcodes) = doc.get_mut("shortcodes").and_then(Item::as_table_mut) {
        for (_, item) in shortcodes.iter_mut() {
            if let Some(rule) = item.as_table_mut() {
                visit(rule, true);
            }
        }
    }
}

/// `1 page` or `2 pages`.
pub(crate) fn plural(n: usize, one: &str, other: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { other })
}

fn error(at: Location, reason: impl Into<String>) -> RenderError {
    RenderError {
        at,
        reason: reason.into(),
    }
}

const START: Location = Location { line: 1, column: 1 };

/// The text of `tolkar.toml` for `plan`, checked to read back as
/// `plan.config`.
pub fn render(plan: &Plan) -> Result<String, RenderError> {
    let body =
        toml_edit::ser::to_string_pretty(&plan.config).map_err(|e| error(START, e.to_string()))?;
    let mut doc: DocumentMut = body
        .parse()
        .map_err(|e: toml_edit::TomlError| error(START, e.message().trim()))?;
    let site = &plan.site;
    let read = if site.hugo_files.is_empty() {
        "no Hugo configuration found".to_string()
    } else {
        format!("read {}", site.hugo_files.join(", "))
    };
    let mut header = vec![
        format!("tolkar configuration, written by `tolkar init` ({read})."),
        "Each value says where it came from. See docs/config.md for every key; edit freely."
            .to_string(),
    ];
    header.push(String::new());
    header.push(site.source.why.clone());
    note_key(&mut doc, "source_language", &header);
    note_key(
        &mut doc,
        "target_languages",
        std::slice::from_ref(&site.targets.why),
    );

    let mut content = vec![site.content_dir.why.clone()];
    for (lang, dir) in &site.language_dirs {
        content.push(format!("{lang}: {} ({})", dir.value, dir.why));
    }
    note_key(&mut doc, "content_dir", &content);

    let mut layout = vec![format!("layout: {}", site.layout.why)];
    let keyed = &plan.evidence.keyed;
    if !keyed.is_empty() {
        layout.push(format!(
            "translationKey: {} with their source by translationKey in front matter while their paths differ from the ones tolkar derives:",
            plural(keyed.len(), "localized page pairs", "localized pages pair")
        ));
        for pair in keyed.iter().take(10) {
            layout.push(format!(
                "  {} ↔ {} (translationKey {}; tolkar's path: {})",
                pair.localized, pair.source, pair.key, pair.expected
            ));
        }
        if keyed.len() > 10 {
            layout.push(format!("  …and {} more", keyed.len() - 10));
        }
    }
    note_key(&mut doc, "layout", &layout);

    let exclude: Vec<String> = site
        .exclude
        .iter()
        .map(|e| format!("{}: {}", e.value, e.why))
        .collect();
    note_key(&mut doc, "exclude", &exclude);

    if let Some(dirs) = doc.get_mut("content_dirs").and_then(Item::as_table_mut) {
        dirs.decor_mut().set_prefix(format!(
            "\n{}",
            comment(&["Content directories that are not content_dir/LANG.".to_string()])
        ));
        for (lang, dir) in &site.content_dirs {
            note_key(dirs, lang, std::slice::from_ref(&dir.why));
        }
    }

    let suggestions = &plan.suggestions;
    if let Some(front) = doc.get_mut("front_matter").and_then(Item::as_table_mut) {
        let mut lines = vec![if suggestions.front_matter.is_empty() {
            "The default keys; no other key of the sources reads like text.".to_string()
        } else {
            "The default keys, and keys whose values read like text in the sources:".to_string()
        }];
        lines.extend(
            suggestions
                .front_matter
                .iter()
                .map(|k| format!("  {}", k.why)),
        );
        note_key(front, "keys", &lines);
    }
    if let Some(shortcodes) = doc.get_mut("shortcodes").and_then(Item::as_table_mut) {
        note_key(
            shortcodes,
            "text_params",
            &["Parameters that are text in every shortcode. A rule per shortcode below: [shortcodes.NAME] with params = [\"…\"], positional = [0], not_text = [\"…\"], content = \"markdown\" | \"verbatim\".".to_string()],
        );
        for (name, suggestion) in &suggestions.shortcodes {
            let mut lines = vec![format!("{name}: from its template {}", suggestion.template)];
            lines.extend(suggestion.evidence.iter().map(|e| format!("  {e}")));
            note_table(shortcodes.get_mut(name), &lines);
        }
    }

    if let Some(links) = doc.get_mut("links").and_then(Item::as_table_mut) {
        let mut lines = vec![
            "Languages whose internal links build points to the language's own pages (pattern: {lang} is the language, {path} the source's target). How the existing translations link the pages their sources link:".to_string(),
        ];
        for (lang, agreement) in &plan.evidence.links {
            let total = agreement.localized + agreement.kept;
            if total > 0 {
                lines.push(format!(
                    "  {lang}: {} of {total} to {lang}'s own pages{}",
                    agreement.localized,
                    if plan.config.links.applies_to(lang) {
                        ""
                    } else {
                        " (not localized)"
                    }
                ));
            }
        }
        if lines.len() == 1 {
            lines.push("  none link a page their source links.".to_string());
        }
        note_key(links, "localize", &lines);
    }
    tidy(&mut doc);
    let mut undecided: Vec<String> = site.undecided.clone();
    undecided.extend(suggestions.undecided.iter().cloned());
    let mut text = doc.to_string();
    if !undecided.is_empty() {
        text.push_str("\n# What init could not decide; look at these:\n");
        let items: Vec<String> = undecided.iter().map(|u| format!("- {u}")).collect();
        text.push_str(&comment(&items));
    }
    check(&text, &plan.config)?;
    Ok(text)
}

/// That `text` reads back as `config`.
fn check(text: &str, config: &Config) -> Result<(), RenderError> {
    let read: Config = toml_edit::de::from_str(text).map_err(|e| {
        let at = Location::of(text, e.span().map_or(0, |s| s.start));
        error(at, e.message().trim())
    })?;
    if &read != config {
        return Err(error(
            START,
            "the written configuration does not read back as planned",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hugo::{Overrides, plan};
    use crate::project::Config;

    #[test]
    fn the_comments_leave_the_configuration_as_planned() {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in [
            (
                "hugo.toml",
                "defaultContentLanguage = 'sv'\n[languages.sv]\nweight = 1\ncontentDir = 'innehall/sv'\n[languages.da]\nweight = 2\ncontentDir = 'innehall/dansk'\n",
            ),
            (
                "innehall/sv/a.md",
                "---\ntitle: Hej\nplats: Solna eller Stockholm\n---\n{{< kort \"Läs mer här\" >}}\n",
            ),
            ("layouts/shortcodes/kort.html", "<b>{{ .Get 0 }}</b>\n"),
        ] {
            let path = dir.path().join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        let plan = plan(dir.path(), &Overrides::default()).unwrap();
        let text = render(&plan).unwrap();
        let read: Config = toml_edit::de::from_str(&text).unwrap();
        assert_eq!(read, plan.config, "{text}");
        assert_eq!(read.content_dir, "innehall");
        assert_eq!(read.content_dirs["da"], "innehall/dansk");
        assert_eq!(read.shortcodes.by_name["kort"].positional, [0]);
        assert!(read.front_matter.keys.contains(&"plats".to_string()));
        assert!(
            text.contains("# kort: from its template layouts/shortcodes/kort.html"),
            "{text}"
        );
        assert!(text.contains("\n# from hugo.toml: defaultContentLanguage = 'sv'\n"));
        assert!(!text.contains("could not decide"), "{text}");
    }

    /// A real site's front-matter value spanning lines was quoted into a
    /// comment whose second line lost its `#`: tolkar then refused its own
    /// file (`key with no value`).
    #[test]
    fn a_value_spanning_lines_stays_in_its_comment() {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in [
            (
                "hugo.toml",
                "defaultContentLanguage = 'sv'\n[languages.sv]\n[languages.da]\n",
            ),
            (
                "content/sv/a.md",
                "---\ntitle: Hej\nplats: |\n  Solna eller Stockholm\n  key = \"x\" # inte en nyckel\r\n---\nText.\n",
            ),
        ] {
            let path = dir.path().join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        let plan = plan(dir.path(), &Overrides::default()).unwrap();
        assert!(plan.config.front_matter.keys.contains(&"plats".to_string()));
        let text = render(&plan).unwrap();
        let read: Config = toml_edit::de::from_str(&text).unwrap();
        assert_eq!(read, plan.config, "{text}");
        assert!(
            text.replace("\n#   ", " ")
                .contains("(\"Solna eller Stockholm\\nkey = \"x\" # inte en nyckel\\n\")"),
            "the line break shown as \\n: {text}"
        );
    }

    #[test]
    fn comment_lines_are_safe_whatever_they_quote() {
        let lines = [
            "a\nb\rc\u{0}d\u{1b}e\u{7f}f\u{85}g\u{2028}h\ti".to_string(),
            "x".repeat(200),
            String::new(),
            "  indented evidence".to_string(),
        ];
        let text = comment(&lines);
        for line in text.lines() {
            assert!(line.starts_with('#'), "{line:?}");
            assert!(line.chars().count() <= WIDTH, "{line:?}");
            assert!(!line.contains(char::is_control), "{line:?}");
        }
        assert!(text.starts_with("# a\\nb\\rc\\u{0}d\\u{1b}e\\u{7f}f\\u{85}g\\u{2028}h\\ti\n"));
        assert!(text.contains("\n#   indented evidence\n"), "{text}");
    }
}
