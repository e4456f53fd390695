//! No panic on any input: property tests that throw arbitrary and
//! structure-aware input at everything that reads what people and tools
//! write, the posting parser, reassembly with any translation, and every
//! exchange-file reader.
//!
//! - Postings: random bytes; soups of the syntax the parser cares about
//!   with multi-byte characters, BOMs, CR and CRLF next to every delimiter;
//!   weird YAML, TOML and JSON front matter; real postings of the corpus
//!   mutated. Each is parsed with the default rules and with rules that
//!   make most keys and parameters text. Whatever parses must give itself
//!   back translated to itself, and a pseudo-translation must reassemble.
//! - Reassembly: any translation of any segment, broken placeholders
//!   included, gives `Ok` or an `Err` naming a segment whose translation
//!   breaks its placeholders; never a panic.
//! - Localized link targets: rewriting them keeps every segment.
//! - Exchange files: random bytes, soups of each format's syntax, and valid
//!   exports mutated, read by every reader (`exchange::read`, as `import`
//!   reads them, and `Format::detect`).
//!
//! `cargo test --test no_panic_props` runs 256 cases per property;
//! `PROPTEST_CASES=20000` hunts longer. The cargo-fuzz target
//! `fuzz/fuzz_targets/exchange.rs` does the same for exchange files.

mod common;

use std::sync::LazyLock;

use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::FileFailurePersistence;
use tolkar::exchange::{self, Export, ExportUnit, Format, Markup, State, Suggestion};
use tolkar::posting::{Document, Rules, Shape, parse};
use tolkar::pseudo::expand;
use tolkar::reassemble::{identity, reassemble};
use tolkar::segment::placeholder;

fn config() -> ProptestConfig {
    ProptestConfig {
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/proptest-regressions/no_panic_props.txt"
        )))),
        ..ProptestConfig::default()
    }
}

// ---------------------------------------------------------------------------
// Rules
// ---------------------------------------------------------------------------

/// Rules that make most keys, lists and parameters text, so that values
/// of every kind and place become segments.
static WIDE: LazyLock<Rules> = LazyLock::new(|| {
    let mut rules: Rules = toml_edit::de::from_str(
        r#"
        [front_matter]
        keys = ["title", "description", "summary", "a", "b", "x", "name", "text",
                "tags", "Title", "é", "aliases", "menu", "toc", "alt", "k"]
        lists = ["tags", "title", "aliases", "categories", "x", "keywords", "a"]
        language_key = "language"

        [shortcodes]
        text_params = ["title", "text", "alt", "src", "href", "x", "a", "b", "caption",
                       "label", "class", "é", "name", "link"]
        "#,
    )
    .expect("valid rules");
    for name in [
        "x", "a", "b", "é", "note", "card", "cta", "figure", "alert", "tab",
    ] {
        rules.shortcodes.by_name.insert(
            name.to_string(),
            toml_edit::de::from_str("positional = [0, 1, 2, 3]\nparams = [\"y\", \"z\"]")
                .expect("valid rule"),
        );
    }
    rules.shortcodes.by_name.insert(
        "v".to_string(),
        toml_edit::de::from_str("content = \"verbatim\"\npositional = [0]").expect("valid rule"),
    );
    rules
});

static DEFAULT: LazyLock<Rules> = LazyLock::new(Rules::default);

// ---------------------------------------------------------------------------
// Postings
// ---------------------------------------------------------------------------

/// The syntax of postings, with multi-byte and odd characters next to it.
const SOUP: &[&str] = &[
    "{{<",
    "{{%",
    ">}}",
    "%}}",
    "/>}}",
    "{{< x ",
    "{{< /x >}}",
    "{{< é ",
    "é>}}",
    "{{<é>}}",
    "{{% note %}}",
    "{{% /note %}}",
    "{{< v >}}",
    "{{< /v >}}",
    "{{< highlight go >}}",
    "{{< /highlight >}}",
    "{{< x.inline >}}",
    "{{< /x.inline >}}",
    "{{</* x */>}}",
    "{{%/*",
    "*/%}}",
    "{{< card title=\"",
    "{{< x \"",
    "{{< x `",
    "\" >}}",
    "` >}}",
    "title=\"",
    "title=",
    "text=`",
    "x = \"",
    "\\\"",
    "\\",
    "\\`",
    "`",
    "\"",
    "'",
    "=",
    " ",
    "  ",
    "\t",
    "\n",
    "\r\n",
    "\r",
    "\n\n",
    "\u{feff}",
    "\u{a0}",
    "\u{2028}",
    "\u{85}",
    "é",
    "ö",
    "😀",
    "日本",
    "a",
    "Hej",
    "x",
    "---",
    "+++",
    "{",
    "}",
    "*",
    "**",
    "_",
    "__",
    "~~",
    "[",
    "]",
    "](",
    "(",
    ")",
    "![",
    "![é](",
    "<",
    ">",
    "> ",
    ">>",
    "</",
    "<span>",
    "</span>",
    "<b>",
    "</b>",
    "<br>",
    "<!--",
    "-->",
    "<1>",
    "</1>",
    "<2/>",
    "<0>",
    "<4294967296>",
    "#",
    "## ",
    "- ",
    "* ",
    "+ ",
    "1. ",
    "1) ",
    "- [ ] ",
    "    ",
    ": ",
    "|",
    "|---|",
    ":-:",
    "[^1]",
    "[^é]: ",
    "[é]: /x",
    "](/sida/)",
    "](/fr/x \"t\")",
    "[r]: </a b/>",
    "<https://x.y>",
    "<a@b.c>",
    "https://x.y",
    "www.x.y",
    "```",
    "```é",
    "~~~",
    "$$",
    "\\[",
    "\\]",
    "{.class}",
    "{#id}",
    "> [!NOTE]",
    "&amp;",
    "&#x",
    "&#",
    ";",
    "0",
    "99999999999",
    "title: ",
    "title = ",
    "\"title\": ",
    "language: ",
    "/",
    "/*",
    "*/",
    "!",
    "%",
];

/// Front matter syntax of each format, for the inside of a front matter.
const YAML_SOUP: &[&str] = &[
    "title: ",
    "tags:\n",
    "  - ",
    "- ",
    "language: ",
    "x: ",
    "a:",
    "Title: ",
    "é: ",
    "\"k\": ",
    "'k': ",
    "[",
    "]",
    "{",
    "}",
    ", ",
    ",",
    ": ",
    ":",
    "'",
    "\"",
    "''",
    "\\\"",
    "\\",
    "|",
    ">",
    "|+",
    "|-",
    ">-",
    "|2",
    "\n",
    "\r\n",
    "\r",
    "  ",
    "\t",
    "#",
    " #",
    "&a ",
    "*a",
    "!!str ",
    "!x ",
    "? ",
    "---",
    "...",
    "é",
    "😀",
    "a",
    "Hej",
    "Hej då",
    "%YAML 1.2\n",
    "\u{feff}",
    "0x1F",
    "true",
    "~",
    "null",
    "1",
    "2025-03-14",
    "<1>",
    "{{<",
    "`",
    "@",
    "%",
    "\u{85}",
    "\u{2028}",
    "\0",
];

const TOML_SOUP: &[&str] = &[
    "title = ",
    "tags = ",
    "language = ",
    "a = ",
    "x.y = ",
    "\"k\" = ",
    "[",
    "]",
    "[[",
    "]]",
    "{",
    "}",
    ",",
    "=",
    "\"",
    "'",
    "\"\"\"",
    "'''",
    "\\",
    "\\u00e5",
    "\\U0001F600",
    "\\ud800",
    "\n",
    "\r\n",
    "\r",
    "#",
    "é",
    "a",
    "Hej",
    "[params]\n",
    "1979-05-27",
    "true",
    "1",
    " ",
    "\t",
    "<1>",
    "😀",
    "\0",
];

const JSON_SOUP: &[&str] = &[
    "\"title\"",
    "\"tags\"",
    "\"language\"",
    "\"a\"",
    "\"é\"",
    ":",
    ",",
    "{",
    "}",
    "[",
    "]",
    "\"",
    "\\\"",
    "\\",
    "\\u00e5",
    "\\ud800",
    "\\udc00",
    "\\n",
    "é",
    "Hej",
    "1",
    "-1.5e3",
    "true",
    "null",
    " ",
    "\n",
    "\r\n",
    "\t",
    "<1>",
    "😀",
];

fn tokens(soup: &'static [&'static str], max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(soup), 0..max).prop_map(|t| t.concat())
}

/// A posting made of syntax: front matter of a format with soup inside,
/// or none, then a body of soup; with a BOM and CRLF line ends sometimes.
fn soup_posting() -> impl Strategy<Value = String> {
    let front = prop_oneof![
        Just(String::new()),
        tokens(YAML_SOUP, 30).prop_map(|c| format!("---\n{c}\n---\n")),
        tokens(TOML_SOUP, 30).prop_map(|c| format!("+++\n{c}\n+++\n")),
        tokens(JSON_SOUP, 30).prop_map(|c| format!("{{{c}}}\n")),
        // A well-formed shell around a soup value.
        tokens(YAML_SOUP, 8).prop_map(|c| format!("---\ntitle: {c}\ntags: [{c}]\n---\n")),
        tokens(TOML_SOUP, 8).prop_map(|c| format!("+++\ntitle = \"{c}\"\n+++\n")),
        tokens(JSON_SOUP, 8).prop_map(|c| format!("{{\"title\": \"{c}\", \"tags\": [\"{c}\"]}}\n")),
    ];
    (front, tokens(SOUP, 60), any::<bool>(), any::<bool>()).prop_map(|(front, body, bom, crlf)| {
        let mut text = format!("{}{front}{body}", if bom { "\u{feff}" } else { "" });
        if crlf {
            text = text.replace('\n', "\r\n");
        }
        text
    })
}

/// Line prefixes that open Markdown blocks.
const PREFIXES: &[&str] = &[
    "", "", "", "    ", "\t", "> ", ">", "> > ", "- ", "* ", "1. ", "  - ", "   ", "> - ", "- > ",
    "| ", ": ", "# ", "### ", "[^1]: ", "[x]: ", "```", "~~~", "<div>", "$$",
];

/// A posting of lines, each a block prefix and a soup, so that the soup
/// lands in lists, quotes, code blocks, tables and HTML blocks.
fn lined_posting() -> impl Strategy<Value = String> {
    let line = (prop::sample::select(PREFIXES), tokens(SOUP, 12));
    let eol = prop::sample::select(&["\n", "\n", "\n\n", "\r\n", "\r"][..]);
    (
        prop::collection::vec((line, eol), 1..16),
        prop::sample::select(&["", "---\ntitle: x\n---\n", "+++\n+++\n", "{}\n"][..]),
    )
        .prop_map(|(lines, front)| {
            let mut text = front.to_string();
            for ((prefix, soup), eol) in lines {
                text.push_str(prefix);
                text.push_str(&soup);
                text.push_str(eol);
            }
            text
        })
}

/// Real postings to mutate: the corpus beside the repository, the fuzz
/// seeds, and a few made here.
static SEEDS: LazyLock<Vec<Vec<u8>>> = LazyLock::new(|| {
    let mut seeds: Vec<Vec<u8>> = vec![
        b"---\ntitle: \"Hej \\\"du\\\"\"\ntags: [a, 'b c']\nlanguage: sv\n---\n# Rubrik {#id}\n\nText *med* [l\xc3\xa4nk](https://x.y) och {{< x title=\"Hej\" >}}.\n\n{{% note \"Titel\" %}}\n- punkt **ett**\n- ![bild](a.png)\n{{% /note %}}\n".to_vec(),
        b"+++\r\ntitle = 'x'\r\ntags = [\"a\"]\r\n+++\r\n> citat\r\n> > djupare\r\n\r\n| a | b |\r\n|---|---|\r\n| {{< x \"y\" >}} | `c` |\r\n".to_vec(),
        b"{\"title\": \"Hej \\u00e5\", \"tags\": [\"a\"]}\n\nText[^1] <span>spann</span>\n\n[^1]: fotnot\n\n```go\n{{< x >}}\n```\n".to_vec(),
    ];
    for name in ["json.md", "toml-crlf.md", "yaml.md"] {
        let path = common::repo().join("fuzz/seeds").join(name);
        if let Ok(bytes) = std::fs::read(path) {
            seeds.push(bytes);
        }
    }
    if common::corpus_dir().is_dir() {
        // Every tenth posting of the corpus keeps the test quick.
        let files = common::corpus_files();
        seeds.extend(
            files
                .iter()
                .step_by(10)
                .filter_map(|f| std::fs::read(f).ok()),
        );
    }
    seeds
});

#[derive(Debug, Clone)]
enum Edit {
    Insert(Index, &'static str),
    Delete(Index, usize),
    Duplicate(Index, usize),
    Byte(Index, u8),
    Truncate(Index),
}

fn edit(soup: &'static [&'static str]) -> impl Strategy<Value = Edit> {
    prop_oneof![
        4 => (any::<Index>(), prop::sample::select(soup)).prop_map(|(i, t)| Edit::Insert(i, t)),
        2 => (any::<Index>(), 1usize..40).prop_map(|(i, n)| Edit::Delete(i, n)),
        1 => (any::<Index>(), 1usize..200).prop_map(|(i, n)| Edit::Duplicate(i, n)),
        1 => (any::<Index>(), any::<u8>()).prop_map(|(i, b)| Edit::Byte(i, b)),
        1 => any::<Index>().prop_map(Edit::Truncate),
    ]
}

/// Applies `edits` to `bytes`. Positions are snapped to character
/// boundaries where the text is UTF-8, except for `Byte`, which may break
/// it on purpose.
fn apply(bytes: &[u8], edits: &[Edit]) -> Vec<u8> {
    let mut bytes = bytes.to_vec();
    let snap = |bytes: &[u8], at: usize| {
        let mut at = at.min(bytes.len());
        while at > 0 && at < bytes.len() && (bytes[at] & 0xC0) == 0x80 {
            at -= 1;
        }
        at
    };
    for edit in edits {
        match edit {
            Edit::Insert(i, token) => {
                let at = snap(&bytes, i.index(bytes.len() + 1));
                bytes.splice(at..at, token.bytes());
            }
            Edit::Delete(i, n) => {
                let at = snap(&bytes, i.index(bytes.len() + 1));
                let end = snap(&bytes, at + n);
                bytes.drain(at..end.max(at));
            }
            Edit::Duplicate(i, n) => {
                let at = snap(&bytes, i.index(bytes.len() + 1));
                let end = snap(&bytes, at + n).max(at);
                let copy = bytes[at..end].to_vec();
                bytes.splice(end..end, copy);
            }
            Edit::Byte(i, b) => {
                if !bytes.is_empty() {
                    let at = i.index(bytes.len());
                    bytes[at] = *b;
                }
            }
            Edit::Truncate(i) => {
                let at = snap(&bytes, i.index(bytes.len() + 1));
                bytes.truncate(at);
            }
        }
    }
    bytes
}

fn mutated_posting() -> impl Strategy<Value = Vec<u8>> {
    (any::<Index>(), prop::collection::vec(edit(SOUP), 1..6))
        .prop_map(|(seed, edits)| apply(&SEEDS[seed.index(SEEDS.len())], &edits))
}

/// Deep nesting of each kind, for the stack.
fn deep_posting() -> impl Strategy<Value = String> {
    let open_close: &[(&str, &str)] = &[
        ("*", "*"),
        ("_", "_"),
        ("**", "**"),
        ("~~", "~~"),
        ("<span>", "</span>"),
        ("<b>x ", " y</b>"),
        ("[", "](x)"),
        ("![a ", "](x)"),
        ("> ", ""),
        ("- ", ""),
        ("1. ", ""),
        ("{{< x >}}", "{{< /x >}}"),
        ("{{< x title=\"*", "*\" >}}"),
        ("`", "`"),
        ("\\", ""),
    ];
    (
        prop::sample::select(open_close),
        500usize..3000,
        any::<bool>(),
    )
        .prop_map(|((open, close), depth, in_param)| {
            let inner = format!("{}a{}", open.repeat(depth), close.repeat(depth));
            if in_param && !inner.contains('"') {
                format!("x {{{{< card title=\"{inner}\" >}}}}\n")
            } else {
                format!("x {inner}\n")
            }
        })
}

/// What the parser, identity and pseudo-translation must do with any
/// input: no panic; what parses comes back byte for byte and takes a
/// pseudo-translation.
fn check_posting(bytes: &[u8], rules: &Rules) -> Result<(), TestCaseError> {
    // Build's short way (front matter only) must not panic either.
    let short = tolkar::posting::parse_language_only(bytes, rules);
    let Ok(doc) = parse(bytes, rules) else {
        return Ok(());
    };
    // What parses whole gives build the same posting with no translation.
    prop_assert_eq!(
        short
            .ok()
            .and_then(|s| reassemble(&s, |_| None, Some("xx")).ok()),
        reassemble(&doc, |_| None, Some("xx")).ok()
    );
    let same = identity(&doc);
    prop_assert_eq!(
        same.as_bytes(),
        bytes,
        "identity differs for {:?}",
        String::from_utf8_lossy(bytes)
    );
    for segment in &doc.segments {
        prop_assert!(
            doc.source.get(segment.span.clone()).is_some(),
            "segment {} spans no characters of {:?}",
            &segment.key,
            &doc.source
        );
    }
    let pseudo: Vec<String> = doc.segments.iter().map(|s| expand(&s.text)).collect();
    let out = reassemble(&doc, |i| Some(pseudo[i].as_str()), Some("xx-Åland"));
    prop_assert!(
        out.is_ok(),
        "pseudo-translation failed: {:?}\ninput: {:?}",
        out.err(),
        String::from_utf8_lossy(bytes)
    );
    if let Ok(out) = out {
        // A pseudo-translation may leave a posting other rules cannot read
        // (wide rules translate values no site would); it must not panic.
        let _ = parse(out.as_bytes(), rules);
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Translations
// ---------------------------------------------------------------------------

const TRANSLATION_SOUP: &[&str] = &[
    "<1>",
    "</1>",
    "<2/>",
    "<2>",
    "</2>",
    "<3/>",
    "<3>",
    "</3>",
    "<0>",
    "<01>",
    "</0>",
    "<4294967295/>",
    "<4294967296>",
    "\n",
    "\r\n",
    "\r",
    "\"",
    "'",
    "`",
    "\\",
    "\\\"",
    "{{<",
    ">}}",
    "{{% /x %}}",
    "---",
    "+++",
    "é",
    "😀",
    "",
    " ",
    "#",
    ": ",
    "- ",
    "<",
    ">",
    "&",
    "*",
    "[",
    "]",
    "|",
    "\u{2028}",
    "\t",
    "\u{0}",
    "\u{feff}",
    "Hej",
    "a b",
    "%}}",
    "]]>",
    "]:",
    "\n\n",
    "\n---\n",
    "\n+++\n",
    "}",
    "{",
    "''",
    "\"\"\"",
];

/// How one segment is translated.
#[derive(Debug, Clone)]
enum Translation {
    /// Kept as in the source.
    Source,
    /// A soup of syntax and placeholder tags.
    Soup(String),
    /// The source text edited: soup inserted, some of it deleted.
    Edited(Vec<Edit>),
    /// The source's placeholder tags only, in another order.
    Shuffled(Index),
    Pseudo,
}

fn translation() -> impl Strategy<Value = Translation> {
    prop_oneof![
        1 => Just(Translation::Source),
        2 => tokens(TRANSLATION_SOUP, 12).prop_map(Translation::Soup),
        3 => prop::collection::vec(edit(TRANSLATION_SOUP), 1..4).prop_map(Translation::Edited),
        1 => any::<Index>().prop_map(Translation::Shuffled),
        1 => Just(Translation::Pseudo),
    ]
}

fn translate(source: &str, how: &Translation) -> String {
    match how {
        Translation::Source => source.to_string(),
        Translation::Soup(s) => s.clone(),
        Translation::Edited(edits) => {
            String::from_utf8_lossy(&apply(source.as_bytes(), edits)).into_owned()
        }
        Translation::Shuffled(i) => {
            let mut tags: Vec<String> = placeholder::tokenize(source)
                .into_iter()
                .filter_map(|t| match t {
                    placeholder::Token::Text(_) => None,
                    placeholder::Token::Open(id) => Some(format!("<{id}>")),
                    placeholder::Token::Close(id) => Some(format!("</{id}>")),
                    placeholder::Token::Standalone(id) => Some(format!("<{id}/>")),
                })
                .collect();
            if !tags.is_empty() {
                let k = i.index(tags.len());
                tags.rotate_left(k);
            }
            tags.join(" x ")
        }
        Translation::Pseudo => expand(source),
    }
}

/// Whether a segment's shape has its placeholders checked on reassembly.
fn checks_placeholders(doc: &Document, i: usize) -> bool {
    match &doc.segments[i].shape {
        Shape::Inline { .. } => true,
        Shape::Param { markup, .. } => !markup.is_empty(),
        Shape::FrontMatter(_) => false,
    }
}

/// Reassembly with any translation: `Ok` when every translation keeps its
/// placeholders, else `Ok` or an error naming a segment that does not.
fn check_translations(
    doc: &Document,
    hows: &[Translation],
    language: &str,
) -> Result<(), TestCaseError> {
    if hows.is_empty() {
        return Ok(());
    }
    let translations: Vec<String> = doc
        .segments
        .iter()
        .enumerate()
        .map(|(i, s)| translate(&s.text, &hows[i % hows.len()]))
        .collect();
    let broken = |i: usize| {
        translations[i] != doc.segments[i].text
            && checks_placeholders(doc, i)
            && placeholder::check(&doc.segments[i].text, &translations[i]).is_err()
    };
    let language = (!language.is_empty()).then_some(language);
    match reassemble(doc, |i| Some(translations[i].as_str()), language) {
        Ok(out) => {
            // What comes out may not be a posting any more (a translation
            // may hold `{{<`); reading it must not panic.
            let _ = parse(out.as_bytes(), &WIDE);
        }
        Err(e) => {
            let at = doc.segments.iter().position(|s| s.key == e.key);
            prop_assert!(
                at.is_some_and(broken),
                "{e} for a translation that keeps its placeholders\nsource: {:?}\ntranslations: {:?}",
                &doc.source,
                translations
            );
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Exchange files
// ---------------------------------------------------------------------------

const XML_SOUP: &[&str] = &[
    "<",
    ">",
    "</",
    "/>",
    "<?xml version=\"1.0\"?>",
    "<!DOCTYPE x>",
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    "<?pi x?>",
    "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"sv\" trgLang=\"en\">",
    "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:1.2\" version=\"1.2\">",
    "</xliff>",
    "<file original=\"a.md\" target-language=\"en\">",
    "</file>",
    "<body>",
    "</body>",
    "<group>",
    "</group>",
    "<unit id=\"body:p_5B1_5D\">",
    "<unit name=\"body:p[1]\">",
    "</unit>",
    "<trans-unit id=\"body:p[1]\" approved=\"yes\">",
    "</trans-unit>",
    "<segment state=\"translated\" subState=\"tolkar:machine\">",
    "<segment>",
    "</segment>",
    "<ignorable>",
    "</ignorable>",
    "<source>",
    "</source>",
    "<target state=\"final\">",
    "<target>",
    "</target>",
    "<pc id=\"1\">",
    "</pc>",
    "<ph id=\"2\"/>",
    "<sc id=\"1\"/>",
    "<ec startRef=\"1\"/>",
    "<ec id=\"1\"/>",
    "<cp hex=\"D800\"/>",
    "<cp hex=\"110000\"/>",
    "<cp hex=\"41\"/>",
    "<cp/>",
    "<sm id=\"m\"/>",
    "<em startRef=\"m\"/>",
    "<mrk id=\"m\">",
    "</mrk>",
    "<g id=\"1\">",
    "</g>",
    "<x id=\"0\"/>",
    "<x id=\"01\"/>",
    "<x id=\"-1\"/>",
    "<x id=\"4294967296\"/>",
    "<bx id=\"1\" rid=\"a\"/>",
    "<ex rid=\"a\"/>",
    "<ex id=\"1\"/>",
    "<bpt id=\"1\">[</bpt>",
    "<ept id=\"1\">]</ept>",
    "<it pos=\"close\" id=\"1\"/>",
    "<it id=\"1\"/>",
    "&amp;",
    "&lt;",
    "&#0;",
    "&#x110000;",
    "&#xD800;",
    "&#65;",
    "&nbsp;",
    "&",
    "é",
    "😀",
    "\u{feff}",
    "\r\n",
    "\n",
    " ",
    "x:y",
    "xmlns:x=\"urn:x\"",
    "<x:y>",
    "</x:y>",
    "xml:space=\"preserve\"",
    "\"",
    "'",
    "=",
    "id=\"",
    "<notes>",
    "<note category=\"location\">a.md:1</note>",
    "</notes>",
];

const PO_SOUP: &[&str] = &[
    "msgid ",
    "msgstr ",
    "msgctxt ",
    "msgid_plural ",
    "msgstr[0] ",
    "\"",
    "\"\"",
    "\\",
    "\\n",
    "\\x",
    "\\x4",
    "\\x41",
    "\\xff",
    "\\0",
    "\\101",
    "\\777",
    "\\u",
    "\\\"",
    "#",
    "#,",
    " fuzzy",
    "#|",
    "#| msgid ",
    "#| \"",
    "#~",
    "#.",
    "# ",
    "\n",
    "\r\n",
    "\r",
    " ",
    "\t",
    "é",
    "😀",
    "\u{feff}",
    "a.md#body:p[1]",
    "Language: en\\n",
    "X-Source-Language: sv\\n",
    "<1>",
    "</1>",
    "mystery ",
];

const CSV_SOUP: &[&str] = &[
    ",",
    ";",
    "\t",
    "\"",
    "\"\"",
    "\r",
    "\n",
    "\r\n",
    "id",
    "target",
    "source",
    "state",
    "Target (en)",
    "Source (sv)",
    "()",
    "(",
    ")",
    "é",
    "😀",
    "a.md#fm:title",
    "translated",
    "bogus",
    "\u{feff}",
    " ",
    "previous source",
    "<1>",
    "</1>",
];

const JSON_EXPORT_SOUP: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ":",
    ",",
    "\"tolkar\"",
    "1",
    "2",
    "-1",
    "1e400",
    "\"units\"",
    "\"id\"",
    "\"target\"",
    "\"source\"",
    "\"state\"",
    "\"source_language\"",
    "null",
    "\"a.md#body:p[1]\"",
    "\"translated\"",
    "\"bogus\"",
    "\" \"",
    "\"\\u00e5\"",
    "\"\\ud800\"",
    "\"é\"",
    "\n",
    " ",
    "\"",
    "\\",
    "\u{feff}",
    "true",
    "{}",
    "[]",
];

/// Reads `bytes` as `import` does: UTF-8, the format detected from a file
/// name and the bytes, then each reader, whatever the detection says.
fn read_everything(bytes: &[u8]) {
    for name in ["t.xlf", "t.po", "t.csv", "t.json", "t"] {
        let _ = Format::detect(name, bytes);
    }
    let text = String::from_utf8_lossy(bytes);
    for format in Format::ALL {
        // Import reads a file as a stream, and whole only for the error:
        // both must take the same files and find the same units in them.
        let mut units = Vec::new();
        let streamed = exchange::read_each(format, &mut text.as_bytes(), &mut |u| units.push(u));
        match (exchange::read(format, &text), streamed) {
            (Ok(file), Ok(languages)) => {
                assert_eq!(units, file.units, "{format}: {text}");
                assert_eq!(languages.source, file.source_lang, "{format}: {text}");
                assert_eq!(languages.target, file.target_lang, "{format}: {text}");
            }
            (Err(_), Err(exchange::stream::Unread::Invalid)) => {}
            (whole, streamed) => panic!("{format}: {whole:?} but {streamed:?}: {text}"),
        }
        if let Ok(file) = exchange::read(format, &text) {
            // What import does next with each unit.
            for unit in &file.units {
                assert!(unit.line >= 1, "{format}: unit {:?} on line 0", unit.id);
                let _ = exchange::id::split(&unit.id);
                if let (Some(source), Some(target)) = (&unit.source, &unit.target) {
                    let _ = placeholder::check(source, target);
                }
            }
        }
    }
}

fn exchange_soup() -> impl Strategy<Value = String> {
    prop_oneof![
        tokens(XML_SOUP, 60),
        tokens(PO_SOUP, 60),
        tokens(CSV_SOUP, 60),
        tokens(JSON_EXPORT_SOUP, 60),
    ]
}

fn unit_text() -> impl Strategy<Value = String> {
    tokens(TRANSLATION_SOUP, 8)
}

fn export() -> impl Strategy<Value = Export> {
    let unit = (
        "[a-zé#]{1,6}",
        "(fm:[a-z_]{1,5}|body:p\\[[1-9]\\]|sc:note\\[1\\]\\.0)",
        unit_text(),
        unit_text(),
        prop::sample::select(State::ALL.to_vec()),
    )
        .prop_map(|(name, key, source, target, state)| ExportUnit {
            path: format!("content/sv/{name}.md"),
            key,
            kind: "paragraph".into(),
            line: 3,
            target: (state != State::Missing).then(|| target.clone()),
            previous_source: (state == State::Stale).then(|| "förr".into()),
            origin: None,
            markup: vec![
                Markup {
                    id: 1,
                    open: "[".into(),
                    close: Some("](https://x.y/?a=<1>&b)".into()),
                },
                Markup {
                    id: 2,
                    open: "`ls`".into(),
                    close: None,
                },
            ],
            suggestions: vec![Suggestion {
                source: source.clone(),
                target,
                score: 80.0,
                origin: "content/sv/a.md#body:p[1]".into(),
            }],
            source,
            state,
        });
    prop::collection::vec(unit, 1..5).prop_map(|units| Export {
        source_lang: "sv".into(),
        target_lang: "en".into(),
        units,
    })
}

/// A valid export in one format, edited with the syntax of all of them.
fn mutated_export() -> impl Strategy<Value = Vec<u8>> {
    let all: &'static [&'static str] = Box::leak(
        [XML_SOUP, PO_SOUP, CSV_SOUP, JSON_EXPORT_SOUP]
            .concat()
            .into_boxed_slice(),
    );
    (
        export(),
        prop::sample::select(Format::ALL.to_vec()),
        prop::collection::vec(edit(all), 1..6),
    )
        .prop_map(|(export, format, edits)| {
            apply(exchange::write(format, &export).as_bytes(), &edits)
        })
}

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

proptest! {
    #![proptest_config(config())]

    #[test]
    fn random_bytes_never_make_the_parser_panic(
        bytes in prop::collection::vec(any::<u8>(), 0..600),
    ) {
        check_posting(&bytes, &DEFAULT)?;
        check_posting(&bytes, &WIDE)?;
    }

    #[test]
    fn syntax_soup_never_makes_the_parser_panic(
        text in prop_oneof![soup_posting(), lined_posting()],
    ) {
        check_posting(text.as_bytes(), &DEFAULT)?;
        check_posting(text.as_bytes(), &WIDE)?;
    }

    #[test]
    fn mutated_postings_never_make_the_parser_panic(bytes in mutated_posting()) {
        check_posting(&bytes, &DEFAULT)?;
        check_posting(&bytes, &WIDE)?;
    }

    #[test]
    fn any_translation_reassembles_or_is_refused(
        text in prop_oneof![
            soup_posting().prop_map(String::into_bytes),
            lined_posting().prop_map(String::into_bytes),
            mutated_posting(),
        ],
        hows in prop::collection::vec(translation(), 1..8),
        language in tokens(TRANSLATION_SOUP, 3),
    ) {
        for rules in [&*DEFAULT, &*WIDE] {
            if let Ok(doc) = parse(&text, rules) {
                check_translations(&doc, &hows, &language)?;
            }
        }
    }

    #[test]
    fn localizing_link_targets_keeps_every_segment(
        text in prop_oneof![
            soup_posting().prop_map(String::into_bytes),
            lined_posting().prop_map(String::into_bytes),
            mutated_posting(),
        ],
    ) {
        let rule = tolkar::posting::links::LinkRule {
            localize: vec!["fr".into()],
            ..Default::default()
        };
        for rules in [&*DEFAULT, &*WIDE] {
            let Ok(doc) = parse(&text, rules) else { continue };
            let Some(localized) = rule.apply(&doc, "fr") else { continue };
            // Targets are markup: the same segments, in the same order.
            let again = parse(localized.as_bytes(), rules);
            prop_assert!(again.is_ok(), "{localized:?}: {again:?}");
            let texts = |d: &Document| d.segments.iter().map(|s| (s.key.clone(), s.text.clone())).collect::<Vec<_>>();
            prop_assert_eq!(texts(&doc), texts(&again.unwrap()));
        }
    }

    #[test]
    fn random_bytes_never_make_a_reader_panic(
        bytes in prop::collection::vec(any::<u8>(), 0..600),
    ) {
        read_everything(&bytes);
    }

    #[test]
    fn syntax_soup_never_makes_a_reader_panic(text in exchange_soup()) {
        read_everything(text.as_bytes());
    }

    #[test]
    fn mutated_exports_never_make_a_reader_panic(bytes in mutated_export()) {
        read_everything(&bytes);
    }

    #[test]
    fn front_matter_soup_never_makes_the_parser_panic(
        format in 0..3usize,
        content in prop_oneof![tokens(YAML_SOUP, 80), tokens(TOML_SOUP, 80), tokens(JSON_SOUP, 80)],
        body in tokens(SOUP, 8),
    ) {
        let text = match format {
            0 => format!("---\n{content}\n---\n{body}"),
            1 => format!("+++\n{content}\n+++\n{body}"),
            _ => format!("{{{content}}}\n{body}"),
        };
        check_posting(text.as_bytes(), &DEFAULT)?;
        check_posting(text.as_bytes(), &WIDE)?;
    }

    #[test]
    fn text_helpers_never_panic(
        source in unit_text(),
        target in prop_oneof![unit_text(), tokens(YAML_SOUP, 12), tokens(TOML_SOUP, 12)],
    ) {
        use tolkar::posting::ScalarStyle;
        let _ = placeholder::check(&source, &target);
        let _ = placeholder::shapes(&source);
        let _ = expand(&target);
        for style in [
            ScalarStyle::YamlDouble,
            ScalarStyle::YamlSingle,
            ScalarStyle::YamlPlain,
            ScalarStyle::YamlFlowPlain,
            ScalarStyle::YamlBlock,
            ScalarStyle::Toml,
            ScalarStyle::Json,
        ] {
            let _ = tolkar::posting::frontmatter::encode(&target, style);
        }
        for style in [
            tolkar::posting::shortcode::ParamStyle::Quoted,
            tolkar::posting::shortcode::ParamStyle::EscapedQuoted,
            tolkar::posting::shortcode::ParamStyle::Raw,
            tolkar::posting::shortcode::ParamStyle::Bare,
        ] {
            let _ = tolkar::posting::shortcode::encode_param(&target, style);
        }
        let _ = exchange::id::from_nmtoken(&target);
        let _ = exchange::id::split(&target);
        let _ = tolkar::posting::values::is_never_text(&target);
        let _ = tolkar::segment::hash::source_hash(&target);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..config() })]

    /// Deep nesting of every kind: no stack overflow, and the identity.
    #[test]
    fn deep_nesting_never_overflows_the_stack(text in deep_posting()) {
        check_posting(text.as_bytes(), &DEFAULT)?;
        check_posting(text.as_bytes(), &WIDE)?;
    }
}

/// Pieces of the committed text state: a posting's PO file and a
/// language's built.txt, as people, tools and git's merges leave them.
const STATE_SOUP: &[&str] = &[
    "#. kind: paragraph\n",
    "#. kind: nonsense\n",
    "#. tolkar: reviewed, 2026-12-01T10:00:00Z, import:da.xlf\n",
    "#. tolkar: machine, , mt:x\n",
    "#. tolkar: broken\n",
    "#, fuzzy\n",
    "#| msgid \"old\"\n",
    "#| \"more\"\n",
    "#~ msgctxt \"body:p[9]\"\n",
    "#~ msgid \"gone\"\n",
    "#~ msgstr \"væk\"\n",
    "#~ \"line\\n\"\n",
    "#~| msgid \"older\"\n",
    "msgctxt \"body:p[1]\"\n",
    "msgid \"\"\n",
    "msgid \"Hej\"\n",
    "msgstr \"\"\n",
    "msgstr \"Hi\"\n",
    "\"X-Tolkar-Source: content/sv/a.md\\n\"\n",
    "\"Language: da\\n\"\n",
    "\"\\t\\\"\\\\\\u{1}\"\n",
    "<<<<<<< HEAD\n",
    "=======\n",
    ">>>>>>> other\n",
    "content/da/a.md\t00ff\n",
    "content/da/b.md\t11ee\tconflict=3\n",
    "content/da/c.md\t22dd\t[[0,1,\"x\\n\"]]\n",
    "\n",
    "\r\n",
    "\u{feff}",
    "#",
    "\"",
    "msgstr",
];

proptest! {
    #![proptest_config(config())]

    /// No state file makes a reader panic; what the PO reader accepts
    /// writes back the same way twice, and has no conflict marker.
    #[test]
    fn state_files_never_make_a_reader_panic(text in tokens(STATE_SOUP, 40)) {
        use tolkar::textstate::{built, format, patch};
        if let Ok(file) = format::read(&text, "p.po") {
            prop_assert!(!text.lines().any(format::is_conflict_marker));
            let written = format::write(&file);
            let again = format::read(&written, "p.po");
            prop_assert!(again.is_ok(), "{written}");
            prop_assert_eq!(format::write(&again.unwrap()), written);
        }
        if let Ok(rows) = built::read(&text) {
            for row in rows {
                if let Some(p) = row.patch {
                    let _ = patch::apply(&text, &p);
                }
            }
        }
    }
}
