//! Which parameters of a shortcode are text, read from its Go template.
//!
//! Not a template engine: a scan that knows enough to follow a parameter
//! from where it is read (`.Get "title"`, `.Get 0`, `index .Params 0`,
//! `.Params.title`) through variables (`$title := or (.Get "title") (.Get
//! 0)`) and `with` blocks to where it is printed, and the HTML around that
//! place. A parameter printed as element content, or in `alt`, `title`,
//! `aria-label` or `placeholder`, is text; one that ends in `href`, `src`,
//! `class`, `style`, `id`, `data-*` or another attribute, in a `<script>`,
//! or goes through `relURL`, `absURL`, `urlize`, `safeURL` and the like is
//! not. HTML comments are skipped: Hugo's `html/template` drops them.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

/// A shortcode parameter, by name or by position.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ParamRef {
    Named(String),
    Position(usize),
}

impl ParamRef {
    /// `title` or `0`, as the posting parser names parameters.
    pub fn label(&self) -> String {
        match self {
            ParamRef::Named(name) => name.clone(),
            ParamRef::Position(n) => n.to_string(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UseKind {
    /// Shown to people.
    Text,
    /// A URL, class, style, id, script value and the like.
    NotText,
    /// Handed to a partial: what it does with it is not read.
    Unknown,
}

/// One place where the template prints a parameter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Use {
    pub param: ParamRef,
    pub kind: UseKind,
    /// 1-based line in the template.
    pub line: usize,
    /// Why: `element content of <span>`, `href attribute`, `urlize`.
    pub why: String,
}

/// What a template does with each parameter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Printed for people only.
    Text(Use),
    /// Never printed for people.
    NotText(Use),
    /// Printed for people and used as a URL or attribute too (an e-mail
    /// address shown and linked): translating it would break the link.
    Mixed { text: Use, not_text: Use },
    /// Only read in conditions or handed to partials.
    Unknown,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Analysis {
    pub uses: Vec<Use>,
    /// Every parameter the template reads, printed or not.
    pub read: BTreeSet<ParamRef>,
    /// The line where all of `.Params` goes somewhere at once.
    pub whole_params: Option<usize>,
}

impl Analysis {
    pub fn verdict(&self, param: &ParamRef) -> Verdict {
        let first = |kind| {
            self.uses
                .iter()
                .find(|u| &u.param == param && u.kind == kind)
                .cloned()
        };
        match (first(UseKind::Text), first(UseKind::NotText)) {
            (Some(text), None) => Verdict::Text(text),
            (None, Some(not_text)) => Verdict::NotText(not_text),
            (Some(text), Some(not_text)) => Verdict::Mixed { text, not_text },
            (None, None) => Verdict::Unknown,
        }
    }

    /// The verdict of every parameter the template reads.
    pub fn verdicts(&self) -> BTreeMap<ParamRef, Verdict> {
        self.read
            .iter()
            .map(|p| (p.clone(), self.verdict(p)))
            .collect()
    }
}

/// The template of shortcode `name` under `root`, relative to it: the
/// site's `layouts/_shortcodes/` (Hugo 0.146 and later) or
/// `layouts/shortcodes/`, then the same in each theme, themes by name.
pub fn find(root: &Path, name: &str) -> Option<PathBuf> {
    let file = format!("{name}.html");
    let mut bases = vec![PathBuf::from("layouts")];
    if let Ok(entries) = std::fs::read_dir(root.join("themes")) {
        let mut themes: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .filter(|e| e.path().is_dir())
            .map(|e| Path::new("themes").join(e.file_name()).join("layouts"))
            .collect();
        themes.sort();
        bases.extend(themes);
    }
    bases.iter().find_map(|base| {
        ["_shortcodes", "shortcodes"]
            .iter()
            .map(|dir| base.join(dir).join(&file))
            .find(|p| root.join(p).is_file())
    })
}

/// Attributes whose value people read.
const TEXT_ATTRIBUTES: [&str; 5] = [
    "alt",
    "title",
    "aria-label",
    "placeholder",
    "aria-description",
];

/// Functions whose result is a URL, an identifier, CSS or script.
const NOT_TEXT_FUNCTIONS: [&str; 16] = [
    "relURL",
    "absURL",
    "relLangURL",
    "absLangURL",
    "urlize",
    "safeURL",
    "urlquery",
    "relref",
    "ref",
    "anchorize",
    "safeCSS",
    "safeJS",
    "querify",
    "md5",
    "sha256",
    "jsonify",
];

/// Where in the HTML an action's output lands.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Place {
    Content(String),
    Attribute(String),
    /// Inside a tag but not in an attribute value (`<div{{ if }}…`).
    Tag,
    Script(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Content,
    TagName,
    InTag,
    AttrName,
    AfterAttrName,
    BeforeValue,
    Value(Option<char>),
    Raw,
}

/// Just enough of an HTML tokenizer to know where the next action lands.
struct Html {
    state: State,
    tag: String,
    element: String,
    attribute: String,
}

impl Html {
    fn new() -> Html {
        Html {
            state: State::Content,
            tag: String::new(),
            element: String::new(),
            attribute: String::new(),
        }
    }

    fn place(&self) -> Place {
        match self.state {
            State::Content => Place::Content(self.element.clone()),
            State::Raw => Place::Script(self.element.clone()),
            State::Value(_) | State::BeforeValue => Place::Attribute(self.attribute.clone()),
            _ => Place::Tag,
        }
    }

    fn end_tag(&mut self) {
        let name = self.tag.to_ascii_lowercase();
        if let Some(closed) = name.strip_prefix('/') {
            if closed == self.element {
                self.element.clear();
            }
            self.state = State::Content;
        } else {
            self.element = name;
            self.state = if self.element == "script" || self.element == "style" {
                State::Raw
            } else {
                State::Content
            };
        }
    }

    fn feed(&mut self, text: &str) {
        let mut chars = text.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            match self.state {
                State::Content => {
                    let next = chars.peek().map(|&(_, n)| n);
                    if c == '<' && next.is_some_and(|n| n.is_ascii_alphabetic() || n == '/') {
                        self.tag.clear();
                        self.state = State::TagName;
                    }
                }
                State::Raw => {
                    let closing = format!("</{}", self.element);
                    let rest = &text[at..];
                    if rest.len() >= closing.len()
                        && rest[..closing.len()].eq_ignore_ascii_case(&closing)
                    {
                        self.tag.clear();
                        self.state = State::TagName;
                    }
                }
                State::TagName => match c {
                    '>' => self.end_tag(),
                    c if c.is_whitespace() => self.state = State::InTag,
                    c => self.tag.push(c),
                },
                State::InTag => match c {
                    '>' => self.end_tag(),
                    '/' => {}
                    c if c.is_whitespace() => {}
                    c => {
                        self.attribute = c.to_ascii_lowercase().to_string();
                        self.state = State::AttrName;
                    }
                },
                State::AttrName => match c {
                    '>' => self.end_tag(),
                    '=' => self.state = State::BeforeValue,
                    c if c.is_whitespace() => self.state = State::AfterAttrName,
                    c => self.attribute.push(c.to_ascii_lowercase()),
                },
                State::AfterAttrName => match c {
                    '>' => self.end_tag(),
                    '=' => self.state = State::BeforeValue,
                    c if c.is_whitespace() => {}
                    c => {
                        self.attribute = c.to_ascii_lowercase().to_string();
                        self.state = State::AttrName;
                    }
                },
                State::BeforeValue => match c {
                    '>' => self.end_tag(),
                    '"' | '\'' => self.state = State::Value(Some(c)),
                    c if c.is_whitespace() => {}
                    _ => self.state = State::Value(None),
                },
                State::Value(Some(quote)) => {
                    if c == quote {
                        self.state = State::InTag;
                    }
                }
                State::Value(None) => match c {
                    '>' => self.end_tag(),
                    c if c.is_whitespace() => self.state = State::InTag,
                    _ => {}
                },
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Word(String),
    Str(String),
    Number(usize),
    Declare,
    Assign,
    Punct,
}

fn tokenize(action: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut chars = action.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            c if c.is_whitespace() => {}
            '"' => {
                let mut s = String::new();
                while let Some(c) = chars.next() {
                    match c {
                        '\\' => s.extend(chars.next()),
                        '"' => break,
                        c => s.push(c),
                    }
                }
                tokens.push(Token::Str(s));
            }
            '`' => tokens.push(Token::Str(
                chars.by_ref().take_while(|&c| c != '`').collect(),
            )),
            '(' | ')' | '|' | ',' => tokens.push(Token::Punct),
            ':' if chars.peek() == Some(&'=') => {
                chars.next();
                tokens.push(Token::Declare);
            }
            '=' => tokens.push(Token::Assign),
            c => {
                let mut word = c.to_string();
                while let Some(&n) = chars.peek() {
                    if n.is_whitespace() || "()|,\"`".contains(n) || n == ':' || n == '=' {
                        break;
                    }
                    word.push(n);
                    chars.next();
                }
                match word.parse() {
                    Ok(n) => tokens.push(Token::Number(n)),
                    Err(_) => tokens.push(Token::Word(word)),
                }
            }
        }
    }
    tokens
}

type Refs = BTreeSet<ParamRef>;

/// The parameters an expression reads, directly or through variables and
/// the dot.
struct Scope {
    vars: HashMap<String, Refs>,
    dots: Vec<(Block, Refs)>,
    whole_params: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Block {
    With,
    Other,
}

impl Scope {
    fn dot(&self) -> Refs {
        self.dots.last().map(|(_, d)| d.clone()).unwrap_or_default()
    }

    fn outer_dot(&self) -> Refs {
        let n = self.dots.len();
        if n >= 2 {
            self.dots[n - 2].1.clone()
        } else {
            Refs::new()
        }
    }

    fn refs(&mut self, tokens: &[Token], line: usize) -> Refs {
        let mut refs = Refs::new();
        let arg = |i: usize| match tokens.get(i) {
            Some(Token::Str(s)) => Some(ParamRef::Named(s.clone())),
            Some(Token::Number(n)) => Some(ParamRef::Position(*n)),
            _ => None,
        };
        for (i, token) in tokens.iter().enumerate() {
            let Token::Word(word) = token else {
                continue;
            };
            if word == ".Get" || word == "$.Get" {
                refs.extend(arg(i + 1));
            } else if word == ".Params" || word == "$.Params" {
                let indexed = i > 0 && tokens[i - 1] == Token::Word("index".into());
                match arg(i + 1).filter(|_| indexed) {
                    Some(param) => {
                        refs.insert(param);
                    }
                    None => self.whole_params = self.whole_params.or(Some(line)),
                }
            } else if let Some(field) = word
                .strip_prefix(".Params.")
                .or_else(|| word.strip_prefix("$.Params."))
            {
                let name = field.split('.').next().unwrap_or(field);
                refs.insert(ParamRef::Named(name.to_string()));
            } else if word == "." {
                refs.extend(self.dot());
            } else if let Some(var) = word.strip_prefix('$').filter(|v| !v.starts_with('.')) {
                let name = var.split('.').next().unwrap_or(var);
                if let Some(bound) = self.vars.get(name) {
                    refs.extend(bound.iter().cloned());
                }
            }
        }
        refs
    }
}

/// Blanks out HTML comments and template comments, keeping every line
/// break, so lines still count as in the file.
fn strip_comments(template: &str) -> String {
    let mut out = template.to_string();
    for (open, close) in [("<!--", "-->"), ("{{/*", "*/}}"), ("{{- /*", "*/ -}}")] {
        let mut from = 0;
        while let Some(start) = out[from..].find(open).map(|i| i + from) {
            let end = out[start..]
                .find(close)
                .map_or(out.len(), |i| start + i + close.len());
            let blank: String = out[start..end]
                .chars()
                .map(|c| if c == '\n' { '\n' } else { ' ' })
                .collect();
            out.replace_range(start..end, &blank);
            from = start + blank.len();
        }
    }
    out
}

/// The end of the action that starts at `start` (after its `{{`): the
/// offset of its `}}`, skipping over string literals.
fn action_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = start;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'`' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'`' {
                    i += 1;
                }
            }
            b'}' if bytes.get(i + 1) == Some(&b'}') => return i,
            _ => {}
        }
        i += 1;
    }
    text.len()
}

/// Reads a shortcode template: where each parameter is printed.
///
/// # Examples
///
/// ```
/// use tolkar::hugo::templates::{analyze, ParamRef, Verdict};
///
/// let t = analyze(r#"<a class="button" href="{{ .Get 1 }}">{{ .Get 0 }}</a>"#);
/// assert!(matches!(t.verdict(&ParamRef::Position(0)), Verdict::Text(_)));
/// assert!(matches!(t.verdict(&ParamRef::Position(1)), Verdict::NotText(_)));
/// ```
pub fn analyze(template: &str) -> Analysis {
    let text = strip_comments(template);
    let mut html = Html::new();
    let mut scope = Scope {
        vars: HashMap::new(),
        dots: Vec::new(),
        whole_params: None,
    };
    let mut analysis = Analysis::default();
    let mut at = 0;
    while let Some(open) = text[at..].find("{{").map(|i| i + at) {
        html.feed(&text[at..open]);
        let end = action_end(&text, open + 2);
        let line = text[..open].matches('\n').count() + 1;
        let inner = text[open + 2..end]
            .trim_start_matches('-')
            .trim_end_matches('-')
            .trim();
        let tokens = tokenize(inner);
        let place = html.place();
        action(&tokens, line, &place, &mut scope, &mut analysis);
        at = (end + 2).min(text.len());
    }
    analysis.whole_params = scope.whole_params;
    analysis
}

fn action(tokens: &[Token], line: usize, place: &Place, scope: &mut Scope, out: &mut Analysis) {
    let word = |i: usize| match tokens.get(i) {
        Some(Token::Word(w)) => w.as_str(),
        _ => "",
    };
    let mut read = |scope: &mut Scope, tokens: &[Token]| {
        let refs = scope.refs(tokens, line);
        out.read.extend(refs.iter().cloned());
        refs
    };
    match word(0) {
        "if" | "range" | "define" | "block" | "while" => {
            let refs = read(scope, &tokens[1..]);
            let dot = if word(0) == "range" {
                refs
            } else {
                scope.dot()
            };
            scope.dots.push((Block::Other, dot));
        }
        "with" => {
            let refs = read(scope, &tokens[1..]);
            scope.dots.push((Block::With, refs));
        }
        "else" => {
            let rest = &tokens[1..];
            let dot = if word(1) == "with" {
                read(scope, &rest[1..])
            } else {
                read(scope, rest);
                match scope.dots.last() {
                    Some((Block::With, _)) => scope.outer_dot(),
                    _ => scope.dot(),
                }
            };
            if let Some(top) = scope.dots.last_mut() {
                top.1 = dot;
            }
        }
        "end" => {
            scope.dots.pop();
        }
        "template" | "return" | "break" | "continue" => {
            read(scope, tokens);
        }
        first
            if first.starts_with('$')
                && matches!(tokens.get(1), Some(Token::Declare | Token::Assign)) =>
        {
            let name = first.trim_start_matches('$').to_string();
            let refs = read(scope, &tokens[2..]);
            if tokens[1] == Token::Declare {
                scope.vars.insert(name, refs);
            } else {
                scope.vars.entry(name).or_default().extend(refs);
            }
        }
        first => {
            let refs = read(scope, tokens);
            if refs.is_empty() {
                return;
            }
            let function = tokens.iter().find_map(|t| match t {
                Token::Word(w) if NOT_TEXT_FUNCTIONS.contains(&w.as_str()) => Some(w.clone()),
                _ => None,
            });
            let (kind, why) = if first == "partial" || first == "partialCached" {
                (UseKind::Unknown, "handed to a partial".to_string())
            } else if let Some(function) = function {
                (UseKind::NotText, format!("through {function}"))
            } else {
                match place {
                    Place::Content(element) if element.is_empty() => {
                        (UseKind::Text, "printed as text".to_string())
                    }
                    Place::Content(element) => {
                        (UseKind::Text, format!("printed as content of <{element}>"))
                    }
                    Place::Attribute(name) if TEXT_ATTRIBUTES.contains(&name.as_str()) => {
                        (UseKind::Text, format!("in the {name} attribute"))
                    }
                    Place::Attribute(name) => {
                        (UseKind::NotText, format!("in the {name} attribute"))
                    }
                    Place::Script(element) => (UseKind::NotText, format!("inside <{element}>")),
                    Place::Tag => (UseKind::Unknown, "inside a tag".to_string()),
                }
            };
            for param in refs {
                out.uses.push(Use {
                    param,
                    kind,
                    line,
                    why: why.clone(),
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(name: &str) -> ParamRef {
        ParamRef::Named(name.into())
    }

    fn kind(template: &str, param: ParamRef) -> &'static str {
        match analyze(template).verdict(&param) {
            Verdict::Text(_) => "text",
            Verdict::NotText(_) => "not text",
            Verdict::Mixed { .. } => "mixed",
            Verdict::Unknown => "unknown",
        }
    }

    #[test]
    fn places_decide_text_or_not() {
        for (template, param, expected) in [
            (
                r#"<span class="x">{{ .Get 0 }}</span>"#,
                ParamRef::Position(0),
                "text",
            ),
            (
                r#"<a href="{{ .Get 1 }}">x</a>"#,
                ParamRef::Position(1),
                "not text",
            ),
            (
                r#"<img src="{{ .Get "src" }}" alt="{{ .Get "alt" }}">"#,
                named("src"),
                "not text",
            ),
            (
                r#"<img src="{{ .Get "src" }}" alt="{{ .Get "alt" }}">"#,
                named("alt"),
                "text",
            ),
            (
                r#"<i class='{{ .Get "icon" }} icon'></i>"#,
                named("icon"),
                "not text",
            ),
            (
                r#"<div style='color: {{ .Get "color" }};'></div>"#,
                named("color"),
                "not text",
            ),
            (
                r#"<div data-x="{{ .Get "x" }}"></div>"#,
                named("x"),
                "not text",
            ),
            (
                r#"<div aria-label="{{ .Get "l" }}"></div>"#,
                named("l"),
                "text",
            ),
            (r#"<input placeholder={{ .Get "p" }}>"#, named("p"), "text"),
            (r#"<p>{{ .Get "d" | safeHTML }}</p>"#, named("d"), "text"),
            (r#"<p>{{ .Get "u" | relURL }}</p>"#, named("u"), "not text"),
            (r#"<p>{{ urlize (.Get "u") }}</p>"#, named("u"), "not text"),
            (
                r#"<p>{{ index .Params 0 }}</p>"#,
                ParamRef::Position(0),
                "text",
            ),
            (r#"<p>{{ .Params.who }}</p>"#, named("who"), "text"),
            (
                r#"<script>var x = "{{ .Get "k" }}";</script>"#,
                named("k"),
                "not text",
            ),
            (
                r#"<script>var x;</script><b>{{ .Get "k" }}</b>"#,
                named("k"),
                "text",
            ),
            (
                r#"{{ if .Get "c" }}<p>x</p>{{ end }}"#,
                named("c"),
                "unknown",
            ),
            (
                r#"{{ partial "p.html" (.Get "c") }}"#,
                named("c"),
                "unknown",
            ),
        ] {
            assert_eq!(
                kind(template, param.clone()),
                expected,
                "{param:?} in {template}"
            );
        }
    }

    #[test]
    fn variables_and_with_blocks_carry_parameters() {
        // note.html of the corpus, shortened.
        let note = r#"{{ $title := or (.Get "title") (.Get 0) }}
{{ $icon := .Get "icon" | default "fa-solid fa-exclamation" }}
{{ $colorInput := .Get "color" | default "green" | lower }}
{{ $accent := index $palette $colorInput }}
<div class="note-dotted" style="--note-accent: {{ $accent }};">
  {{ if $title }}
  <p class="t"><span aria-hidden="true"><i class="{{ $icon }}"></i></span>
    <span>{{ $title }}</span>
  </p>
  {{ end }}
</div>"#;
        let analysis = analyze(note);
        match analysis.verdict(&ParamRef::Position(0)) {
            Verdict::Text(u) => {
                assert_eq!(u.line, 8);
                assert_eq!(u.why, "printed as content of <span>");
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            analysis.verdict(&named("title")),
            Verdict::Text(_)
        ));
        assert!(matches!(
            analysis.verdict(&named("icon")),
            Verdict::NotText(_)
        ));
        assert!(matches!(
            analysis.verdict(&named("color")),
            Verdict::NotText(_)
        ));

        let distance =
            r#"{{ with .Get 0 }}<div id="{{ . }}"></div>{{ else }}<div>{{ . }}</div>{{ end }}"#;
        assert_eq!(kind(distance, ParamRef::Position(0)), "not text");

        let accordion = r#"{{ $title := .Get "title" }}
<div class="accordion-box"{{ with .Get "id" }} id="{{ . }}"{{ end }}>
  <button type="button">{{ $title }}</button>"#;
        assert_eq!(kind(accordion, named("id")), "not text");
        assert_eq!(kind(accordion, named("title")), "text");

        // 2calltoaction.html: links resolved through a partial, then used
        // in href; the texts printed as link content.
        let cta = r#"{{ $href1 := partial "resolve-link.html" (dict "page" .Page "href" (.Get 1)) }}
{{ $href2 := partial "resolve-link.html" (dict "page" .Page "href" (.Get 3)) }}
<a class="button" target="_self" href="{{ $href1 | safeURL }}">{{ .Get 0 }}</a>
{{ if and (.Get 2) $href2 }}
  <a href="{{ $href2 | safeURL }}">{{ .Get 2 }}</a>
{{ end }}"#;
        let analysis = analyze(cta);
        let verdicts: Vec<_> = (0..4)
            .map(|n| match analysis.verdict(&ParamRef::Position(n)) {
                Verdict::Text(u) => format!("text:{}", u.line),
                Verdict::NotText(_) => "not".into(),
                other => format!("{other:?}"),
            })
            .collect();
        assert_eq!(verdicts, ["text:3", "not", "text:5", "not"]);
    }

    #[test]
    fn shown_and_linked_is_mixed_and_comments_are_skipped() {
        let contact = r#"<!--
  <img alt="{{ .Get `name` }}, {{ .Get `title` }}" />
-->
{{/* {{ .Get "secret" }} */}}
<div class="contact-name">{{ .Get "name" }}</div>
{{ if .Params.email }}
  <a class="contact-link" href="mailto:{{ .Get `email` }}"><span>{{ .Get "email" }}</span></a>
{{ end }}"#;
        let analysis = analyze(contact);
        assert!(matches!(
            analysis.verdict(&named("email")),
            Verdict::Mixed { .. }
        ));
        match analysis.verdict(&named("name")) {
            Verdict::Text(u) => assert_eq!(u.line, 5, "not the commented-out alt"),
            other => panic!("{other:?}"),
        }
        assert!(!analysis.read.contains(&named("title")));
        assert!(!analysis.read.contains(&named("secret")));
    }

    #[test]
    fn passing_all_params_is_noticed() {
        let analysis = analyze(r#"{{ partial "card.html" .Params }}"#);
        assert_eq!(analysis.whole_params, Some(1));
    }

    #[test]
    fn finds_site_templates_before_themes() {
        let dir = tempfile::tempdir().unwrap();
        for file in [
            "themes/b/layouts/shortcodes/card.html",
            "themes/a/layouts/_shortcodes/card.html",
            "themes/a/layouts/shortcodes/box.html",
            "layouts/_shortcodes/note.html",
            "layouts/shortcodes/note.html",
        ] {
            let path = dir.path().join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "").unwrap();
        }
        let found = |name| find(dir.path(), name).map(|p| p.to_string_lossy().replace('\\', "/"));
        assert_eq!(
            found("note").as_deref(),
            Some("layouts/_shortcodes/note.html")
        );
        assert_eq!(
            found("card").as_deref(),
            Some("themes/a/layouts/_shortcodes/card.html")
        );
        assert_eq!(
            found("box").as_deref(),
            Some("themes/a/layouts/shortcodes/box.html")
        );
        assert_eq!(found("none"), None);
    }
}
