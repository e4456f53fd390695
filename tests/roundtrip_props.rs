//! Property tests of the round trip: a posting parsed and put back with
//! every segment translated to itself is the posting, byte for byte; put
//! back with pseudo-translations it is still the same posting in structure.
//!
//! The generator writes random but valid Hugo postings: front matter in
//! YAML, TOML or JSON, Markdown blocks of every common kind, and Hugo
//! shortcodes standalone, paired, nested, inline, in link destinations and
//! commented out, with LF or CRLF line endings.

use std::collections::BTreeMap;
use std::fmt;

use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;
use tolkar::posting::frontmatter::{self, Format};
use tolkar::posting::shortcode::{self, TagKind};
use tolkar::posting::{Document, Kind, Rules, has_letters, parse};
use tolkar::pseudo::expand;
use tolkar::reassemble::{identity, reassemble};
use tolkar::segment::placeholder::shapes;

// ---------------------------------------------------------------------------
// The posting model the generator draws
// ---------------------------------------------------------------------------

#[derive(Debug, Clone)]
enum Inline {
    Word(&'static str),
    /// `*a b*` or `_a b_`.
    Em(char, Vec<&'static str>),
    /// `**a b**` or `__a b__`.
    Strong(&'static str, Vec<&'static str>),
    /// `[a b](url "title")`.
    Link(Vec<&'static str>, &'static str, Option<&'static str>),
    /// `[a b]({{% relref "/x.md" %}})`.
    ShortcodeLink(Vec<&'static str>, &'static str),
    Code(&'static str),
    Image(Vec<&'static str>, &'static str),
    /// An inline shortcode (or a commented-out one), written as is.
    Shortcode(&'static str),
    FootnoteRef(&'static str),
    Html(&'static str),
    /// A reference link; its definition is added at the end of the body.
    Ref(&'static str),
    /// Other inline markup, written as is.
    Raw(&'static str),
}

#[derive(Debug, Clone, Copy)]
enum LineEnd {
    Plain,
    /// One trailing space: no hard break.
    Space,
    /// Two trailing spaces: a hard break (unless it is the last line).
    TwoSpaces,
    /// A backslash: a hard break (unless it is the last line).
    Backslash,
}

#[derive(Debug, Clone)]
struct Line {
    parts: Vec<Inline>,
    end: LineEnd,
}

#[derive(Debug, Clone)]
struct Item {
    /// A task list item: `[ ]` or `[x]`.
    task: Option<char>,
    lines: Vec<Line>,
    nested: Option<Box<Block>>,
    more: Option<Vec<Line>>,
}

#[derive(Debug, Clone)]
enum Block {
    Heading {
        level: usize,
        parts: Vec<Inline>,
        id: Option<&'static str>,
        closing: bool,
        trailing: bool,
    },
    Setext(Vec<Inline>, char),
    Paragraph(Vec<Line>),
    List {
        ordered: bool,
        marker: char,
        loose: bool,
        items: Vec<Item>,
    },
    Quote {
        lines: Vec<Line>,
        lazy: Vec<bool>,
        nested: Option<Vec<Line>>,
    },
    Fenced {
        fence: &'static str,
        lang: &'static str,
        lines: Vec<&'static str>,
    },
    Indented(Vec<&'static str>),
    Table {
        head: Vec<Vec<Inline>>,
        rows: Vec<Vec<Vec<Inline>>>,
    },
    Footnote(&'static str, Vec<Inline>),
    /// A definition list: a term and its definitions.
    Definition(Vec<Inline>, Vec<Vec<Inline>>),
    Html(&'static str),
    Rule(&'static str),
    /// A shortcode tag alone on its line(s), written as is.
    Standalone(&'static str),
    Paired {
        open: &'static str,
        close: &'static str,
        inner: Vec<Block>,
        blank_lines: bool,
    },
    /// A verbatim shortcode (`highlight`), written as is.
    Verbatim(&'static str),
}

#[derive(Debug, Clone)]
enum Value {
    /// Pieces joined by spaces, written in the style of the format.
    Text(Style, Vec<&'static str>),
    Date(&'static str),
    Bool(bool),
    Language,
    Tags,
    Nested,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Plain,
    Single,
    Double,
    /// YAML `|`, TOML `"""`.
    Block,
    /// YAML `>-`.
    Folded,
    /// YAML `|+`, keeping the blank line after it.
    Keep,
    /// A YAML plain scalar on the line after its key.
    NextLine,
    /// A YAML plain scalar continued on an indented line.
    Continued,
}

#[derive(Debug, Clone, Copy)]
enum FmFormat {
    Yaml,
    Toml,
    Json,
}

#[derive(Debug, Clone)]
struct Posting {
    bom: bool,
    front_matter: Option<(FmFormat, Vec<(&'static str, Value)>)>,
    body: Vec<Block>,
    crlf: bool,
    final_newline: bool,
}

/// A rendered posting, with what must survive any translation byte for
/// byte: fenced code blocks, verbatim shortcodes, URLs.
struct Rendered {
    text: String,
    fenced: Vec<String>,
    literals: Vec<String>,
}

impl fmt::Debug for Rendered {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.text)
    }
}

// ---------------------------------------------------------------------------
// Rendering
// ---------------------------------------------------------------------------

#[derive(Default)]
struct Out {
    fenced: Vec<String>,
    literals: Vec<String>,
    /// Whether a reference link was written.
    refs: bool,
}

fn render_inline(inline: &Inline, out: &mut Out) -> String {
    match inline {
        Inline::Word(w) => w.to_string(),
        Inline::Em(c, words) => format!("{c}{}{c}", words.join(" ")),
        Inline::Strong(m, words) => format!("{m}{}{m}", words.join(" ")),
        Inline::Link(words, url, title) => {
            out.literals.push(url.to_string());
            match title {
                Some(t) => format!("[{}]({url} \"{t}\")", words.join(" ")),
                None => format!("[{}]({url})", words.join(" ")),
            }
        }
        Inline::ShortcodeLink(words, tag) => format!("[{}]({tag})", words.join(" ")),
        Inline::Code(c) => format!("`{c}`"),
        Inline::Image(words, path) => {
            out.literals.push(path.to_string());
            format!("![{}]({path})", words.join(" "))
        }
        Inline::Shortcode(tag) => tag.to_string(),
        Inline::FootnoteRef(label) => format!("[^{label}]"),
        Inline::Html(html) => html.to_string(),
        Inline::Ref(link) => {
            out.refs = true;
            link.to_string()
        }
        Inline::Raw(markup) => markup.to_string(),
    }
}

fn render_parts(parts: &[Inline], out: &mut Out) -> String {
    let mut text: Vec<String> = parts.iter().map(|p| render_inline(p, out)).collect();
    if !parts.iter().any(|p| matches!(p, Inline::Word(_))) {
        // Every line has a word, so that no line is only a shortcode.
        text.push("ord".into());
    }
    text.join(" ")
}

fn render_lines(lines: &[Line], out: &mut Out) -> Vec<String> {
    lines
        .iter()
        .map(|line| {
            let mut text = render_parts(&line.parts, out);
            text.push_str(match line.end {
                LineEnd::Plain => "",
                LineEnd::Space => " ",
                LineEnd::TwoSpaces => "  ",
                LineEnd::Backslash => "\\",
            });
            text
        })
        .collect()
}

fn indent(lines: Vec<String>, first: &str, rest: &str) -> Vec<String> {
    lines
        .into_iter()
        .enumerate()
        .map(|(i, line)| {
            if line.is_empty() {
                line
            } else if i == 0 {
                format!("{first}{line}")
            } else {
                format!("{rest}{line}")
            }
        })
        .collect()
}

fn render_block(block: &Block, out: &mut Out) -> Vec<String> {
    match block {
        Block::Heading {
            level,
            parts,
            id,
            closing,
            trailing,
        } => {
            let mut line = format!("{} {}", "#".repeat(*level), render_parts(parts, out));
            if *closing {
                line.push_str(&format!(" {}", "#".repeat(*level)));
            }
            if let Some(id) = id {
                line.push_str(&format!(" {{#{id}}}"));
            }
            if *trailing {
                line.push_str("  ");
            }
            vec![line]
        }
        Block::Setext(parts, c) => {
            vec![render_parts(parts, out), c.to_string().repeat(5)]
        }
        Block::Paragraph(lines) => render_lines(lines, out),
        Block::List {
            ordered,
            marker,
            loose,
            items,
        } => {
            let mut lines = Vec::new();
            for (k, item) in items.iter().enumerate() {
                if k > 0 && *loose {
                    lines.push(String::new());
                }
                let prefix = if *ordered {
                    format!("{}{marker} ", k + 1)
                } else {
                    format!("{marker} ")
                };
                let pad = " ".repeat(prefix.len());
                let prefix = match item.task {
                    Some(c) => format!("{prefix}[{c}] "),
                    None => prefix,
                };
                lines.extend(indent(render_lines(&item.lines, out), &prefix, &pad));
                if let Some(nested) = &item.nested {
                    lines.extend(indent(render_block(nested, out), &pad, &pad));
                }
                if let Some(more) = &item.more {
                    lines.push(String::new());
                    lines.extend(indent(render_lines(more, out), &pad, &pad));
                }
            }
            lines
        }
        Block::Quote {
            lines,
            lazy,
            nested,
        } => {
            let mut out_lines: Vec<String> = render_lines(lines, out)
                .into_iter()
                .enumerate()
                .map(|(i, line)| {
                    if i > 0 && lazy.get(i).copied().unwrap_or(false) {
                        line
                    } else {
                        format!("> {line}")
                    }
                })
                .collect();
            if let Some(nested) = nested {
                out_lines.push(">".into());
                out_lines.extend(indent(render_lines(nested, out), "> > ", "> > "));
            }
            out_lines
        }
        Block::Fenced { fence, lang, lines } => {
            let mut all = vec![format!("{fence}{lang}")];
            all.extend(lines.iter().map(|l| l.to_string()));
            all.push(fence.to_string());
            out.fenced.push(all.join("\n"));
            all
        }
        Block::Indented(lines) => lines.iter().map(|l| format!("    {l}")).collect(),
        Block::Table { head, rows } => {
            let row = |cells: &[Vec<Inline>], out: &mut Out| {
                let cells: Vec<String> = cells.iter().map(|c| render_parts(c, out)).collect();
                format!("| {} |", cells.join(" | "))
            };
            let mut lines = vec![row(head, out)];
            let aligns = ["---", ":--", ":-:", "--:"];
            let delimiter: Vec<&str> = (0..head.len()).map(|i| aligns[i % aligns.len()]).collect();
            lines.push(format!("|{}|", delimiter.join("|")));
            for cells in rows {
                let mut cells = cells.clone();
                cells.resize(head.len(), vec![Inline::Word("tom")]);
                lines.push(row(&cells, out));
            }
            lines
        }
        Block::Footnote(label, parts) => {
            vec![format!("[^{label}]: {}", render_parts(parts, out))]
        }
        Block::Definition(term, definitions) => {
            let mut lines = vec![render_parts(term, out)];
            for definition in definitions {
                lines.push(format!(": {}", render_parts(definition, out)));
            }
            lines
        }
        Block::Html(html) => html.lines().map(String::from).collect(),
        Block::Rule(rule) => vec![rule.to_string()],
        Block::Standalone(tag) => tag.lines().map(String::from).collect(),
        Block::Paired {
            open,
            close,
            inner,
            blank_lines,
        } => {
            let mut lines = vec![open.to_string()];
            if *blank_lines {
                lines.push(String::new());
            }
            lines.extend(render_blocks(inner, out));
            if *blank_lines {
                lines.push(String::new());
            }
            lines.push(close.to_string());
            lines
        }
        Block::Verbatim(text) => {
            out.fenced.push(text.to_string());
            text.lines().map(String::from).collect()
        }
    }
}

fn render_blocks(blocks: &[Block], out: &mut Out) -> Vec<String> {
    let mut lines = Vec::new();
    for (i, block) in blocks.iter().enumerate() {
        if i > 0 {
            // Blank lines between blocks, some with trailing spaces.
            lines.push(if i % 3 == 1 {
                "  ".into()
            } else {
                String::new()
            });
        }
        lines.extend(render_block(block, out));
    }
    lines
}

fn render_text_value(format: FmFormat, style: Style, pieces: &[&str]) -> String {
    let joined = pieces.join(" ");
    match (format, style) {
        (FmFormat::Yaml, Style::Plain) => joined,
        (FmFormat::Yaml, Style::Single) => format!("'{}'", joined.replace('\'', "''")),
        (FmFormat::Yaml, Style::Block) => format!("|\n  {}\n  {}", joined, pieces[0]),
        (FmFormat::Yaml, Style::Folded) => format!(">-\n  {}\n  {}", joined, pieces[0]),
        (FmFormat::Yaml, Style::Keep) => format!("|+\n  {joined}\n"),
        (FmFormat::Yaml, Style::NextLine) => format!("\n  {joined}"),
        (FmFormat::Yaml, Style::Continued) => format!("{}\n  {joined}", pieces[0]),
        (FmFormat::Toml, Style::Single) => format!("'{}'", joined.replace('\'', "")),
        (FmFormat::Toml, Style::Block) => format!("\"\"\"\n{joined}\"\"\""),
        // The pieces of double-quoted styles are written escaped already.
        _ => format!("\"{joined}\""),
    }
}

fn render_front_matter(format: FmFormat, entries: &[(&'static str, Value)]) -> String {
    let mut seen = Vec::new();
    let entries: Vec<&(&str, Value)> = entries
        .iter()
        .filter(|(key, _)| {
            let new = !seen.contains(key);
            seen.push(key);
            new
        })
        .collect();
    match format {
        FmFormat::Yaml => {
            let mut s = String::from("---\n");
            for (key, value) in entries {
                let value = match value {
                    Value::Text(style, pieces) => render_text_value(format, *style, pieces),
                    Value::Date(d) => d.to_string(),
                    Value::Bool(b) => b.to_string(),
                    Value::Language => "sv".into(),
                    Value::Tags => "\n  - a\n  - 'b c'".into(),
                    Value::Nested => "\n  x: y\n  z: \"w\"".into(),
                };
                if value.starts_with('\n') {
                    s.push_str(&format!("{key}:{value}\n"));
                } else {
                    s.push_str(&format!("{key}: {value}\n"));
                }
            }
            s.push_str("---\n");
            s
        }
        FmFormat::Toml => {
            let mut s = String::from("+++\n");
            let mut table = false;
            for (key, value) in entries {
                let value = match value {
                    Value::Text(style, pieces) => render_text_value(format, *style, pieces),
                    Value::Date(d) => d.to_string(),
                    Value::Bool(b) => b.to_string(),
                    Value::Language => "\"sv\"".into(),
                    Value::Tags => "[\"a\", 'b c']".into(),
                    Value::Nested => {
                        table = true;
                        continue;
                    }
                };
                s.push_str(&format!("{key} = {value}\n"));
            }
            if table {
                s.push_str("[params]\nx = \"y\"\n");
            }
            s.push_str("+++\n");
            s
        }
        FmFormat::Json => {
            let members: Vec<String> = entries
                .iter()
                .map(|(key, value)| {
                    let value = match value {
                        Value::Text(_, pieces) => format!("\"{}\"", pieces.join(" ")),
                        Value::Date(d) => format!("\"{d}\""),
                        Value::Bool(b) => b.to_string(),
                        Value::Language => "\"sv\"".into(),
                        Value::Tags => "[\"a\", \"b c\"]".into(),
                        Value::Nested => "{\"x\": \"y\", \"n\": 1}".into(),
                    };
                    format!("  \"{key}\": {value}")
                })
                .collect();
            if members.is_empty() {
                "{}\n".into()
            } else {
                format!("{{\n{}\n}}\n", members.join(",\n"))
            }
        }
    }
}

fn render(posting: &Posting) -> Rendered {
    let mut out = Out::default();
    let mut text = String::new();
    if posting.bom {
        text.push('\u{feff}');
    }
    if let Some((format, entries)) = &posting.front_matter {
        text.push_str(&render_front_matter(*format, entries));
    }
    let mut lines = render_blocks(&posting.body, &mut out);
    if out.refs {
        lines.push(String::new());
        lines.push("[g]: https://x.y/g \"Titel\"".into());
        lines.push("[Hem]: </sv/hem/>".into());
        out.literals.push("https://x.y/g".into());
        out.literals.push("</sv/hem/>".into());
    }
    let mut body = lines.join("\n");
    if !body.is_empty() {
        body.push('\n');
    }
    text.push_str(&body);
    if !posting.final_newline && text.ends_with('\n') {
        text.pop();
    }
    let eol = |s: &str| {
        if posting.crlf {
            s.replace('\n', "\r\n")
        } else {
            s.to_string()
        }
    };
    Rendered {
        text: eol(&text),
        fenced: out.fenced.iter().map(|s| eol(s)).collect(),
        literals: out.literals,
    }
}

// ---------------------------------------------------------------------------
// Strategies
// ---------------------------------------------------------------------------

const WORDS: &[&str] = &[
    "Hej",
    "världen",
    "Vi",
    "har",
    "bra",
    "jobb",
    "naïve",
    "Ängel",
    "Text:",
    "kl:10",
    "C#",
    "100%",
    "ok,",
    "日本語",
    "straße",
    "Öl",
    "x.y",
    "yes!",
    "a-b",
    "i",
    "tre",
    "Läs",
    "mer",
];

const EM_WORDS: &[&str] = &["bra", "viktigt", "Ängel", "jobb", "naïve", "mycket"];

const URLS: &[&str] = &[
    "https://x.y/z",
    "https://example.com/a?b=c&d=e",
    "/sv/om-oss/",
    "mailto:m@x.se",
];

const INLINE_SHORTCODES: &[&str] = &[
    r#"{{< inline "Text:" >}}"#,
    r#"{{< inline text="Läs mer" >}}"#,
    r#"{{< icon name="check" >}}"#,
    r#"{{< kbd >}}Ctrl{{< /kbd >}}"#,
    r#"{{% sup %}}1{{% /sup %}}"#,
    r#"{{< br />}}"#,
    r#"{{</* figure src="x" */>}}"#,
    r#"{{%/* note */%}}"#,
];

const LINK_SHORTCODES: &[&str] = &[
    r#"{{% relref "/x.md" %}}"#,
    r#"{{< ref "om-oss.md#kontakt" >}}"#,
    r#"{{< relref path="/y.md" lang="en" >}}"#,
];

const STANDALONE: &[&str] = &[
    r#"{{< figure src="/img/a.png" title="Bild: här" >}}"#,
    r#"{{< youtube id="abc123" >}}"#,
    r#"{{< br />}}"#,
    r#"{{< card title="Kort \"A\"" link="https://x.y/kort" >}}"#,
    r#"{{< 2calltoaction "Ansök" "https://x/?a=1" "Kontakta" "mailto:m@x" >}}"#,
    r#"{{< gallery dir=/img/g cols=3 >}}"#,
    "{{< quote alt=`raw \"x\"` >}}",
    "{{< card\n  title=\"Kort\"\n  link=\"/kort\"\n>}}",
    "{{< figure\n    src=\"/img/b.png\"\n    caption=\"Text: ja\"\n/>}}",
    r#"{{</* figure src="x" */>}}"#,
    r#"{{%/* note "Titel" */%}}"#,
    r#"{{% toc %}}"#,
];

const PAIRED: &[(&str, &str)] = &[
    (r#"{{% note "Titel" %}}"#, r#"{{% /note %}}"#),
    (r#"{{< ingress >}}"#, r#"{{< /ingress >}}"#),
    (
        r#"{{< details title="Mer: info" >}}"#,
        r#"{{< /details >}}"#,
    ),
    (r#"{{% tab name="A" %}}"#, r#"{{%/ tab %}}"#),
];

const VERBATIM: &[&str] = &[
    "{{< highlight go >}}\nfunc main() { fmt.Println(\"{{< y >}}\") }\n{{< /highlight >}}",
    "{{< mermaid >}}\ngraph TD;\n  A-->B\n{{< /mermaid >}}",
    "{{< code lang=\"md\" >}}\n# Inte en rubrik\n\n*inte* översatt\n{{< /code >}}",
    "{{< html >}}\n<p>{{< card title=\"Nej\" >}}</p>\n{{< /html >}}",
];

const CODE_LINES: &[&str] = &[
    "fmt.Println(\"hi\")",
    "{{< x >}}",
    "{{</* y */>}}",
    "{{% x %}}",
    "{{< x title=\"Nej\" >}}",
    "let a = b * c;",
    "# not a heading",
    "- not a list",
    "  indented",
    "<div>",
    "",
    "[a](b) *c*",
];

const REF_LINKS: &[&str] = &[
    "[guiden][g]",
    "[en *fin* sida][g]",
    "[Hem]",
    "[Hem][]",
    "[hem][Hem]",
];

const RAW_INLINE: &[&str] = &[
    "<https://x.y/auto>",
    "~~gammal~~",
    "&amp;",
    "a\\*b",
    "[![alt text](/img/c.png)](https://x.y/l)",
    "`` a`b ``",
    "***båda***",
    "\\[inte länk\\]",
    "\\*inte kursiv\\*",
    "\\# inte rubrik",
    "\\<1>",
    "<2/> och </1>",
    "{{< raw >}}<b>{{< x title=\"Nej\" >}}</b>{{< /raw >}}",
];

const HTML_BLOCKS: &[&str] = &[
    "<div class=\"box\">\n<p>Hej <b>du</b></p>\n</div>",
    "<!-- kommentar: x -->",
    "<details>\n<summary>Mer</summary>\n\nInne *text* här.\n\n</details>",
];

fn words(
    list: &'static [&'static str],
    n: std::ops::Range<usize>,
) -> BoxedStrategy<Vec<&'static str>> {
    prop::collection::vec(prop::sample::select(list), n).boxed()
}

fn inline() -> BoxedStrategy<Inline> {
    prop_oneof![
        6 => prop::sample::select(WORDS).prop_map(Inline::Word),
        1 => (prop::sample::select(&['*', '_'][..]), words(EM_WORDS, 1..3))
            .prop_map(|(c, w)| Inline::Em(c, w)),
        1 => (prop::sample::select(&["**", "__"][..]), words(EM_WORDS, 1..3))
            .prop_map(|(m, w)| Inline::Strong(m, w)),
        1 => (
            words(EM_WORDS, 1..3),
            prop::sample::select(URLS),
            prop::option::of(prop::sample::select(&["title", "Rubrik: här"][..])),
        )
            .prop_map(|(w, u, t)| Inline::Link(w, u, t)),
        1 => (words(EM_WORDS, 1..3), prop::sample::select(LINK_SHORTCODES))
            .prop_map(|(w, t)| Inline::ShortcodeLink(w, t)),
        1 => prop::sample::select(&["x = 1", "fn main()", "a*b*c", "{{< x >}}"][..])
            .prop_map(Inline::Code),
        1 => (
            words(EM_WORDS, 0..3),
            prop::sample::select(&["/img/a.png", "https://x.y/b.jpg \"Bild\""][..]),
        )
            .prop_map(|(w, p)| Inline::Image(w, p)),
        2 => prop::sample::select(INLINE_SHORTCODES).prop_map(Inline::Shortcode),
        1 => prop::sample::select(&["1", "not"][..]).prop_map(Inline::FootnoteRef),
        1 => prop::sample::select(REF_LINKS).prop_map(Inline::Ref),
        1 => prop::sample::select(RAW_INLINE).prop_map(Inline::Raw),
        1 => prop::sample::select(&["<b>du</b>", "<br>", "<abbr title=\"x\">HTML</abbr>"][..])
            .prop_map(Inline::Html),
    ]
    .boxed()
}

fn parts(n: std::ops::Range<usize>) -> BoxedStrategy<Vec<Inline>> {
    prop::collection::vec(inline(), n).boxed()
}

fn line() -> BoxedStrategy<Line> {
    (
        parts(1..6),
        prop_oneof![
            4 => Just(LineEnd::Plain),
            1 => Just(LineEnd::Space),
            1 => Just(LineEnd::TwoSpaces),
            1 => Just(LineEnd::Backslash),
        ],
    )
        .prop_map(|(parts, end)| Line { parts, end })
        .boxed()
}

fn lines(n: std::ops::Range<usize>) -> BoxedStrategy<Vec<Line>> {
    prop::collection::vec(line(), n).boxed()
}

fn list(depth: u32) -> BoxedStrategy<Block> {
    let nested: BoxedStrategy<Option<Box<Block>>> = if depth == 0 {
        Just(None).boxed()
    } else {
        prop::option::weighted(0.25, list(depth - 1).prop_map(Box::new)).boxed()
    };
    let item = (
        prop::option::weighted(0.15, prop::sample::select(&[' ', 'x'][..])),
        lines(1..3),
        nested,
        prop::option::weighted(0.2, lines(1..3)),
    )
        .prop_map(|(task, lines, nested, more)| Item {
            task,
            lines,
            nested,
            more,
        });
    (
        any::<bool>(),
        prop::sample::select(&['-', '*', '+', '.', ')'][..]),
        any::<bool>(),
        prop::collection::vec(item, 1..4),
    )
        .prop_map(|(ordered, marker, loose, items)| {
            let ordered = matches!(marker, '.' | ')') || (ordered && marker == '+');
            let marker = if ordered && !matches!(marker, '.' | ')') {
                '.'
            } else {
                marker
            };
            Block::List {
                ordered,
                marker,
                loose,
                items,
            }
        })
        .boxed()
}

fn leaf_block() -> BoxedStrategy<Block> {
    prop_oneof![
        2 => (
            1usize..7,
            parts(1..4),
            prop::option::weighted(0.3, prop::sample::select(&["om-oss", "a1 .klass"][..])),
            prop::bool::weighted(0.2),
            any::<bool>(),
        )
            .prop_map(|(level, parts, id, closing, trailing)| Block::Heading {
                level,
                parts,
                id,
                closing,
                trailing,
            }),
        1 => (parts(1..3), prop::collection::vec(parts(1..4), 1..3))
            .prop_map(|(term, definitions)| Block::Definition(term, definitions)),
        1 => (parts(1..3), prop::sample::select(&['=', '-'][..]))
            .prop_map(|(p, c)| Block::Setext(p, c)),
        5 => lines(1..4).prop_map(Block::Paragraph),
        3 => list(1),
        2 => (lines(1..4), prop::collection::vec(any::<bool>(), 4), prop::option::weighted(0.3, lines(1..3)))
            .prop_map(|(lines, lazy, nested)| Block::Quote { lines, lazy, nested }),
        2 => (
            prop::sample::select(&["```", "~~~", "````"][..]),
            prop::sample::select(&["", "go", "toml", "md"][..]),
            prop::collection::vec(prop::sample::select(CODE_LINES), 0..5),
        )
            .prop_map(|(fence, lang, lines)| Block::Fenced { fence, lang, lines }),
        1 => prop::collection::vec(
            prop::sample::select(&["let x = 1;", "{{< x >}}", "*inte*", "# kod"][..]),
            1..3,
        )
            .prop_map(Block::Indented),
        1 => (1usize..4)
            .prop_flat_map(|cols| (
                prop::collection::vec(parts(1..3), cols),
                prop::collection::vec(prop::collection::vec(parts(1..3), cols), 0..3),
            ))
            .prop_map(|(head, rows)| Block::Table { head, rows }),
        1 => (prop::sample::select(&["1", "not"][..]), parts(1..4))
            .prop_map(|(l, p)| Block::Footnote(l, p)),
        1 => prop::sample::select(HTML_BLOCKS).prop_map(Block::Html),
        1 => prop::sample::select(&["---", "***", "___", "- - -"][..]).prop_map(Block::Rule),
        2 => prop::sample::select(STANDALONE).prop_map(Block::Standalone),
        1 => prop::sample::select(VERBATIM).prop_map(Block::Verbatim),
    ]
    .boxed()
}

fn block(depth: u32) -> BoxedStrategy<Block> {
    if depth == 0 {
        return leaf_block();
    }
    prop_oneof![
        6 => leaf_block(),
        1 => (
            prop::sample::select(PAIRED),
            prop::collection::vec(block(depth - 1), 0..4),
            any::<bool>(),
        )
            .prop_map(|((open, close), inner, blank_lines)| Block::Paired {
                open,
                close,
                inner,
                blank_lines,
            }),
    ]
    .boxed()
}

fn text_value(format: FmFormat) -> BoxedStrategy<Value> {
    let plain = &[
        "Hej", "världen", "C#", "kl:10", "naïve", "Ängel", "日本", "Bli", "en", "av", "oss", "a#b",
        "x-y",
    ][..];
    let quoted_yaml = &[
        "Bli", "en:", "del", "#1", "av", "\"oss\"", "it's", "Ängel", "日本", "a: b", "x #y", "<1>",
    ][..];
    let double_yaml = &[
        "Säg",
        "\\\"hej\\\":",
        "#1",
        "it's",
        "\\u00e5",
        "a: b",
        "x #y",
        "\\\\",
        "Ängel",
    ][..];
    let toml_basic = &[
        "Säg",
        "\\\"hej\\\":",
        "#1",
        "it's",
        "\\u00e5",
        "a = b",
        "x #y",
        "\\\\",
        "Ängel",
    ][..];
    let toml_literal = &["Bli", "en:", "\"oss\"", "#1", "C:\\väg", "Ängel", "a = b"][..];
    let json = &[
        "Säg",
        "\\\"hej\\\":",
        "#1",
        "it's",
        "\\u00e5",
        "a: b",
        "\\/x",
        "\\\\",
        "Ängel",
        "{x}",
        "<2/>",
    ][..];
    match format {
        FmFormat::Yaml => prop_oneof![
            (
                prop::sample::select(&["Hej", "Bli", "Ängel", "Om"][..]),
                prop::collection::vec(prop::sample::select(plain), 0..4),
                any::<bool>(),
            )
                .prop_map(|(first, mut rest, comment)| {
                    rest.insert(0, first);
                    if comment {
                        rest.push("# kommentar");
                    }
                    Value::Text(Style::Plain, rest)
                }),
            prop::collection::vec(prop::sample::select(quoted_yaml), 1..5)
                .prop_map(|p| Value::Text(Style::Single, p)),
            prop::collection::vec(prop::sample::select(double_yaml), 1..5)
                .prop_map(|p| Value::Text(Style::Double, p)),
            (
                prop::sample::select(
                    &[
                        Style::Block,
                        Style::Folded,
                        Style::Keep,
                        Style::NextLine,
                        Style::Continued
                    ][..]
                ),
                prop::collection::vec(
                    prop::sample::select(&["Hej", "världen", "Ängel", "Bli", "oss"][..]),
                    1..4
                ),
            )
                .prop_map(|(style, p)| Value::Text(style, p)),
        ]
        .boxed(),
        FmFormat::Toml => prop_oneof![
            prop::collection::vec(prop::sample::select(toml_basic), 1..5)
                .prop_map(|p| Value::Text(Style::Double, p)),
            prop::collection::vec(prop::sample::select(toml_literal), 1..5)
                .prop_map(|p| Value::Text(Style::Single, p)),
            prop::collection::vec(prop::sample::select(toml_basic), 1..4)
                .prop_map(|p| Value::Text(Style::Block, p)),
        ]
        .boxed(),
        FmFormat::Json => prop::collection::vec(prop::sample::select(json), 1..5)
            .prop_map(|p| Value::Text(Style::Double, p))
            .boxed(),
    }
}

fn front_matter() -> BoxedStrategy<(FmFormat, Vec<(&'static str, Value)>)> {
    prop::sample::select(&[FmFormat::Yaml, FmFormat::Toml, FmFormat::Json][..])
        .prop_flat_map(|format| {
            let dates: &'static [&'static str] = match format {
                FmFormat::Toml => &["2025-03-14", "2025-03-14T10:00:00+01:00", "\"2025-03-14\""],
                _ => &["2025-03-14", "2025-03-14T10:00:00+01:00"],
            };
            let entry = prop_oneof![
                3 => (prop::sample::select(&["title", "description", "intro", "Title", "subtitle"][..]), text_value(format))
                    .prop_map(|(k, v)| (k, v)),
                1 => (Just("author"), text_value(format)),
                1 => prop::sample::select(dates).prop_map(|d| ("date", Value::Date(d))),
                1 => any::<bool>().prop_map(|b| ("draft", Value::Bool(b))),
                1 => Just(("language", Value::Language)),
                1 => Just(("tags", Value::Tags)),
                1 => Just(("params", Value::Nested)),
            ];
            (Just(format), prop::collection::vec(entry, 0..7))
        })
        .boxed()
}

fn posting() -> impl Strategy<Value = Posting> {
    (
        prop::bool::weighted(0.15),
        prop::option::weighted(0.75, front_matter()),
        prop::collection::vec(block(2), 0..8),
        prop::bool::weighted(0.3),
        prop::bool::weighted(0.8),
        parts(1..3),
    )
        .prop_map(
            |(bom, front_matter, mut body, crlf, final_newline, first)| {
                if front_matter.is_none() {
                    // Without front matter a body must not start with `---`,
                    // `+++` or `{`: it would read as front matter.
                    body.insert(
                        0,
                        Block::Heading {
                            level: 1,
                            parts: first,
                            id: None,
                            closing: false,
                            trailing: false,
                        },
                    );
                }
                Posting {
                    bom,
                    front_matter,
                    body,
                    crlf,
                    final_newline,
                }
            },
        )
}

fn rendered() -> impl Strategy<Value = Rendered> {
    posting().prop_map(|p| render(&p))
}

// ---------------------------------------------------------------------------
// Checks
// ---------------------------------------------------------------------------

fn config() -> ProptestConfig {
    ProptestConfig {
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/proptest-regressions/roundtrip_props.txt"
        )))),
        ..ProptestConfig::default()
    }
}

/// The default rules: what a project without configuration gets.
fn rules() -> Rules {
    Rules::default()
}

fn parse_ok(text: &str) -> Document {
    parse(text.as_bytes(), &rules())
        .unwrap_or_else(|e| panic!("a generated posting must parse: {e}\n{text:?}"))
}

fn expanded(doc: &Document) -> Vec<String> {
    doc.segments.iter().map(|s| expand(&s.text)).collect()
}

fn body_start(source: &str) -> (Option<Format>, usize, std::ops::Range<usize>) {
    let bom = if source.starts_with('\u{feff}') { 3 } else { 0 };
    match frontmatter::intro(source, bom).expect("parsed before") {
        (Some(fm), _) => (Some(fm.format), fm.body_start, fm.content),
        (None, body_start) => (None, body_start, bom..bom),
    }
}

/// The top-level keys of the front matter with their values, as JSON.
fn front_matter_values(source: &str) -> (Option<Format>, BTreeMap<String, serde_json::Value>) {
    let (format, _, content) = body_start(source);
    let content = &source[content];
    let value: serde_json::Value = match format {
        None | Some(Format::Org) => return (None, BTreeMap::new()),
        Some(Format::Yaml) => {
            let yaml: serde_yaml::Value = serde_yaml::from_str(content).expect("valid YAML");
            serde_json::to_value(yaml).expect("YAML with string keys")
        }
        Some(Format::Toml) => toml_edit::de::from_str(content).expect("valid TOML"),
        Some(Format::Json) => serde_json::from_str(content).expect("valid JSON"),
    };
    let map = match value {
        serde_json::Value::Object(map) => map.into_iter().collect(),
        _ => BTreeMap::new(),
    };
    (format, map)
}

/// Checks that `out` (the posting reassembled with `translations`) has the
/// structure of `doc`: the same segments, the same shortcodes, the same
/// front matter keys, code and URLs byte for byte.
fn check_structure(
    posting: &Rendered,
    doc: &Document,
    translations: &[String],
    out: &str,
) -> Result<(), TestCaseError> {
    let out_doc = parse(out.as_bytes(), &rules()).map_err(|e| {
        TestCaseError::fail(format!("reassembled posting does not parse: {e}\n{out:?}"))
    })?;
    let summary = |d: &Document| -> Vec<(String, Kind)> {
        d.segments.iter().map(|s| (s.key.clone(), s.kind)).collect()
    };
    prop_assert_eq!(
        summary(&out_doc),
        summary(doc),
        "segments differ after reassembly\ninput:  {:?}\noutput: {:?}",
        &doc.source,
        out
    );

    // Fenced code blocks, verbatim shortcodes and URLs are copied as is:
    // each is in the output at least as often as in the input.
    for literal in posting.fenced.iter().chain(&posting.literals) {
        let count = |text: &str| text.matches(literal.as_str()).count();
        prop_assert!(
            count(out) >= count(&posting.text),
            "{:?} changed\noutput: {:?}",
            literal,
            out
        );
    }

    // The same shortcode tags, in order; parameter values unchanged unless
    // they are segments, then they are the translation.
    let (in_format, in_body, _) = body_start(&doc.source);
    let (out_format, out_body, _) = body_start(out);
    prop_assert_eq!(in_format, out_format);
    let in_tags = shortcode::lex(&doc.source, in_body, &doc.source[in_body..])
        .expect("parsed before")
        .tags;
    let out_tags = shortcode::lex(out, out_body, &out[out_body..])
        .expect("parsed before")
        .tags;
    prop_assert_eq!(in_tags.len(), out_tags.len(), "tags differ\n{:?}", out);
    for (a, b) in in_tags.iter().zip(&out_tags) {
        prop_assert_eq!(
            (a.kind, a.delimiter, &a.name, a.self_closing, a.params.len()),
            (b.kind, b.delimiter, &b.name, b.self_closing, b.params.len()),
            "tag differs\noutput: {:?}",
            out
        );
        if a.kind == TagKind::Comment {
            prop_assert_eq!(
                &doc.source[a.span.start + in_body..a.span.end + in_body],
                &out[b.span.start + out_body..b.span.end + out_body]
            );
        }
        for (p, q) in a.params.iter().zip(&b.params) {
            prop_assert_eq!(&p.name, &q.name);
            let span = p.span.start + in_body..p.span.end + in_body;
            let segment = doc
                .segments
                .iter()
                .position(|s| s.kind == Kind::ShortcodeParam && s.span == span);
            let expected = segment.map_or(&p.value, |i| &translations[i]);
            prop_assert_eq!(
                expected,
                &q.value,
                "parameter of {} changed\noutput: {:?}",
                &a.name,
                out
            );
        }
    }

    // The same front matter keys; values unchanged unless translated.
    let (_, in_fm) = front_matter_values(&doc.source);
    let (_, out_fm) = front_matter_values(out);
    prop_assert_eq!(
        in_fm.keys().collect::<Vec<_>>(),
        out_fm.keys().collect::<Vec<_>>(),
        "front matter keys differ\noutput: {:?}",
        out
    );
    let translated = |key: String| {
        doc.segments
            .iter()
            .position(|s| s.kind == Kind::FrontMatter && s.key == key)
            .map(|i| serde_json::Value::String(translations[i].clone()))
    };
    for (key, value) in &in_fm {
        let expected = match value {
            // A list of strings may be translated item by item: `fm:tags[1]`.
            serde_json::Value::Array(items) => serde_json::Value::Array(
                items
                    .iter()
                    .enumerate()
                    .map(|(i, item)| {
                        translated(format!("fm:{key}[{}]", i + 1)).unwrap_or(item.clone())
                    })
                    .collect(),
            ),
            _ => translated(format!("fm:{key}")).unwrap_or(value.clone()),
        };
        prop_assert_eq!(
            &expected,
            &out_fm[key],
            "front matter {} changed\noutput: {:?}",
            key,
            out
        );
    }
    Ok(())
}

const SOUP: &[&str] = &[
    "{{<",
    "{{%",
    ">}}",
    "%}}",
    "/>}}",
    "{{< x ",
    "{{< /x >}}",
    "{{% note %}}",
    "{{% /note %}}",
    "title=\"",
    "text=",
    "\" ",
    "`",
    "---",
    "+++",
    "{",
    "}",
    "\"",
    "*",
    "**",
    "[",
    "](",
    "]",
    "(",
    ")",
    "\n",
    "\r\n",
    "\r",
    "\n\n",
    " ",
    "  ",
    "a",
    "Hej",
    "x",
    "/",
    "/*",
    "*/",
    "```",
    "<1>",
    "</1>",
    "<2/>",
    "<4294967296>",
    "#",
    "## ",
    ">",
    "> ",
    "- ",
    "1. ",
    ": ",
    "|",
    "|---|",
    "\\",
    "    ",
    "é",
    "title: ",
    "title = ",
    "!",
    "_",
    "~",
    "[^1]",
    "[^1]: ",
    "\u{feff}",
    "=",
    "'",
    ":",
    "<",
    "<b>",
    "{#id}",
    "\t",
    "0",
    "99999999999",
    "&amp;",
    "https://x.y",
];

const VALUE_SOUP: &[&str] = &[
    "Hej",
    " ",
    "<1>",
    "</1>",
    "<2/>",
    "<4294967296>",
    "{{<",
    ">}}",
    "*",
    "[",
    "]",
    "é",
    "x",
    "#",
    ":",
    "a",
    "~",
];

/// Strings mixing the syntax the parser cares about, often inside a front
/// matter shell so that the body and the front matter values both get some.
fn soup() -> impl Strategy<Value = String> {
    let tokens = || prop::collection::vec(prop::sample::select(SOUP), 0..40);
    let shells: &[(&str, &str)] = &[
        ("", ""),
        ("---\ntitle: ", "\n---\n"),
        ("---\ntitle: \"", "\"\n---\n"),
        ("+++\ntitle = \"", "\"\n+++\n"),
        ("{\"title\": \"", "\"}\n"),
    ];
    let value = prop::collection::vec(prop::sample::select(VALUE_SOUP), 0..12);
    (prop::sample::select(shells), value, tokens()).prop_map(|((open, close), value, body)| {
        format!("{open}{}{close}{}", value.concat(), body.concat())
    })
}

fn check_random(bytes: &[u8]) -> Result<(), TestCaseError> {
    if let Ok(doc) = parse(bytes, &rules()) {
        let out = identity(&doc);
        prop_assert_eq!(
            out.as_bytes(),
            bytes,
            "identity changed {:?}",
            String::from_utf8_lossy(bytes)
        );
        check_keys_unique(&doc)?;
        let translations = expanded(&doc);
        let out = reassemble(&doc, |i| Some(translations[i].as_str()), None);
        prop_assert!(out.is_ok(), "pseudo-translation failed: {:?}", out);
        let out = out.unwrap();
        let again = parse(out.as_bytes(), &rules());
        prop_assert!(
            again.is_ok(),
            "pseudo-translated posting does not parse: {:?}\ninput: {:?}\noutput: {:?}",
            again.err(),
            String::from_utf8_lossy(bytes),
            out
        );
    }
    Ok(())
}

/// Segment keys are unique in a document: they identify segments in the
/// store.
fn check_keys_unique(doc: &Document) -> Result<(), TestCaseError> {
    let mut seen = std::collections::BTreeSet::new();
    for segment in &doc.segments {
        prop_assert!(
            seen.insert(segment.key.as_str()),
            "segment key {} appears twice in {:?}",
            &segment.key,
            &doc.source
        );
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

proptest! {
    #![proptest_config(config())]

    /// Every generated posting parses, and translated to itself it is the
    /// same posting, byte for byte.
    #[test]
    fn identity_gives_the_posting_back(posting in rendered()) {
        let doc = parse_ok(&posting.text);
        prop_assert_eq!(&doc.source, &posting.text);
        check_keys_unique(&doc)?;
        let out = identity(&doc);
        prop_assert_eq!(out.as_bytes(), posting.text.as_bytes());
        let kept = reassemble(&doc, |_| None, None).expect("source kept");
        prop_assert_eq!(kept.as_bytes(), posting.text.as_bytes());
        // Only the language value changes when a language is written.
        if let Some(slot) = &doc.language {
            let english = reassemble(&doc, |_| None, Some("en")).expect("source kept");
            let english_doc = parse_ok(&english);
            prop_assert_eq!(
                english_doc.language.as_ref().map(|l| l.value.as_str()),
                Some("en")
            );
            let expected = format!(
                "{}{}{}",
                &posting.text[..slot.span.start],
                &english[slot.span.start..english.len() + slot.span.end - posting.text.len()],
                &posting.text[slot.span.end..]
            );
            prop_assert_eq!(&english, &expected);
        }
        // What build writes with no translation, the body unparsed, is
        // what it writes from the whole parse.
        let short = tolkar::posting::parse_language_only(posting.text.as_bytes(), &rules())
            .expect("the front matter parses");
        for lang in [None, Some("en")] {
            prop_assert_eq!(
                reassemble(&short, |_| None, lang).expect("source kept"),
                reassemble(&doc, |_| None, lang).expect("source kept")
            );
        }
    }

    /// Pseudo-translated, a posting keeps its structure: it parses again
    /// with the same segments, shortcodes, front matter keys and code.
    #[test]
    fn expand_keeps_the_structure(posting in rendered()) {
        let doc = parse_ok(&posting.text);
        let translations = expanded(&doc);
        for (segment, translation) in doc.segments.iter().zip(&translations) {
            prop_assert_eq!(shapes(&segment.text), shapes(translation));
        }
        let out = reassemble(&doc, |i| Some(translations[i].as_str()), None)
            .map_err(|e| TestCaseError::fail(format!("{e}\n{:?}", posting.text)))?;
        check_structure(&posting, &doc, &translations, &out)?;
    }

    /// Every string value of a translatable front matter key, whatever its
    /// style, is a segment with that value: none is left untranslated.
    #[test]
    fn translatable_front_matter_is_extracted(posting in rendered()) {
        let doc = parse_ok(&posting.text);
        let (_, values) = front_matter_values(&doc.source);
        for (key, value) in &values {
            let serde_json::Value::String(value) = value else {
                continue;
            };
            // A value that is never prose (a path, a URL…) is data.
            if !rules().is_translatable_key(key)
                || !has_letters(value)
                || tolkar::posting::values::is_never_text(value)
            {
                continue;
            }
            let segment = doc.segments.iter().find(|s| s.key == format!("fm:{key}"));
            prop_assert_eq!(
                segment.map(|s| s.text.as_str()),
                Some(value.as_str()),
                "front matter {} is not extracted from {:?}",
                key,
                &posting.text
            );
        }
    }

    /// Pseudo-translated and parsed again, each segment reads as its
    /// translation: what a translator writes is what the next extract sees.
    #[test]
    fn expanded_segments_read_back(posting in rendered()) {
        let doc = parse_ok(&posting.text);
        let translations = expanded(&doc);
        let out = reassemble(&doc, |i| Some(translations[i].as_str()), None)
            .map_err(|e| TestCaseError::fail(format!("{e}\n{:?}", posting.text)))?;
        let out_doc = parse_ok(&out);
        prop_assert_eq!(out_doc.segments.len(), doc.segments.len(), "{:?}", out);
        for (segment, translation) in out_doc.segments.iter().zip(&translations) {
            prop_assert_eq!(
                &segment.text,
                translation,
                "segment {} reads back differently\ninput:  {:?}\noutput: {:?}",
                &segment.key,
                &posting.text,
                &out
            );
        }
    }

    /// Arbitrary bytes never make `parse` panic; what parses round-trips.
    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        check_random(&bytes)?;
    }

    /// Strings full of the syntax the parser cares about never make it
    /// panic; what parses round-trips.
    #[test]
    fn syntax_soup_never_panics(text in soup()) {
        check_random(text.as_bytes())?;
    }
}
