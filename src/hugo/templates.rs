//! Which parameters of a shortcode are text, read from its Go template.
//!
//! Not a template engine: a reader that knows enough of Go's template
//! language to follow a parameter from where it is read (`.Get "title"`,
//! `.Get 0`, `index .Params 0`, `.Params.title`) through pipelines,
//! parentheses, variables (`$title := or (.Get "title") (.Get 0)`), `with`
//! blocks and `.Scratch`, to where it ends up:
//!
//! - printed as element content, or in `alt`, `title`, `aria-label` or
//!   `placeholder`: text;
//! - printed in `href`, `src`, `class`, `style`, `id`, `data-*` or another
//!   attribute, in a `<script>` or `<style>`, in `<code>`, or handed to a
//!   function that takes it as a URL, path, page, resource, file, message
//!   key, pattern or number (`relURL`, `GetPage`, `resources.Get`,
//!   `readFile`, `i18n`, `findRE`, `path.Base`, `highlight`, …): not text,
//!   since translating it would break what it names;
//! - only in an error or warning message (`errorf`, `warnf`), or kept in a
//!   variable that is never used: not text either, but weakly so: printed
//!   elsewhere, it is still text;
//! - handed to a partial or another template, or printed inside a tag:
//!   unknown, since what happens there is not read.
//!
//! A function not named above passes its arguments on to its result
//! (`default`, `or`, `printf`, `markdownify`, `.Page.RenderString`), so
//! that result is followed further; comparisons and counts (`eq`, `len`)
//! only read them. Only the arguments of a function are consumed by it:
//! `{{ or (.Get "title") (.Site.GetPage (.Get "page")).Title }}` prints
//! `title` and looks `page` up.
//!
//! HTML comments print nothing (Hugo's `html/template` drops them), and
//! template comments are skipped. Nothing here panics, whatever the
//! template holds: every offset is found by searching for ASCII and read
//! with `str::get`.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Component, Path, PathBuf};

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
    /// A URL, class, style, id, script value, page path, file name,
    /// message key and the like: translating it breaks what it names.
    NotText,
    /// Only in an error or warning message, or kept and never used: people
    /// reading the page never see it, but nothing breaks if it changes.
    Consumed,
    /// Handed to a partial or template: what it does with it is not read.
    Unknown,
}

/// One place where the template uses a parameter.
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
    /// Printed for people, and not used as a URL, key or the like.
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
    /// The line where all of `.Params`, or the shortcode itself, goes
    /// somewhere at once (a loop, a partial).
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
            // Only in messages or unused variables: not text, unless a
            // partial that gets it, or gets every parameter, may print it.
            (None, None) => match first(UseKind::Consumed) {
                Some(consumed)
                    if first(UseKind::Unknown).is_none() && self.whole_params.is_none() =>
                {
                    Verdict::NotText(consumed)
                }
                _ => Verdict::Unknown,
            },
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

/// The directories, relative to the site root, where shortcode templates
/// are looked for, the strongest first: the site's `layouts/`, then each
/// theme's under `themes/`, by name. A theme's templates count as the
/// site's own: Hugo uses them unless the site overrides them.
fn layout_dirs(root: &Path) -> Vec<PathBuf> {
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
    bases
}

/// The template of shortcode `name` under `root`, relative to it: the
/// site's `layouts/_shortcodes/` (Hugo 0.146 and later) or
/// `layouts/shortcodes/`, then the same in each theme, themes by name.
/// A name that would lead outside those directories (`../x`, `/x`) has
/// none.
pub fn find(root: &Path, name: &str) -> Option<PathBuf> {
    let relative = Path::new(name);
    if name.is_empty()
        || !relative
            .components()
            .all(|c| matches!(c, Component::Normal(_)))
    {
        return None;
    }
    let file = format!("{name}.html");
    layout_dirs(root).iter().find_map(|base| {
        ["_shortcodes", "shortcodes"]
            .iter()
            .map(|dir| base.join(dir).join(&file))
            .find(|p| root.join(p).is_file())
    })
}

// ---------------------------------------------------------------------------
// The template: text and actions
// ---------------------------------------------------------------------------

/// A piece of a template: text to print, or an action (`{{ … }}`) with the
/// text between its delimiters, trim markers removed.
#[derive(Debug, PartialEq, Eq)]
enum Piece<'a> {
    Text(&'a str),
    Action { inner: &'a str, line: usize },
}

/// Splits a template into text and actions; comments (`{{/* … */}}`,
/// with or without trim markers) are left out.
fn pieces(template: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut at = 0;
    let mut line = 1;
    let newlines = |from: usize, to: usize| {
        template
            .as_bytes()
            .get(from..to)
            .map_or(0, |b| b.iter().filter(|&&c| c == b'\n').count())
    };
    while let Some(open) = template.get(at..).and_then(|t| t.find("{{")) {
        let open = at + open;
        if let Some(text) = template.get(at..open) {
            out.push(Piece::Text(text));
        }
        line += newlines(at, open);
        let body = open + 2;
        let rest = template.get(body..).unwrap_or("");
        let after_trim = rest
            .strip_prefix('-')
            .filter(|r| r.starts_with(char::is_whitespace))
            .map_or(rest, str::trim_start);
        let end = if after_trim.starts_with("/*") {
            // A comment runs to `*/` and the delimiter after it.
            let comment = template.len() - after_trim.len();
            let close = after_trim
                .find("*/")
                .map_or(template.len(), |i| comment + i + 2);
            let end = template
                .get(close..)
                .and_then(|t| t.find("}}"))
                .map_or(template.len(), |i| close + i);
            line += newlines(open, end);
            end
        } else {
            let end = action_end(template, body);
            let inner = template.get(body..end).unwrap_or("");
            out.push(Piece::Action {
                inner: trim_markers(inner),
                line,
            });
            line += newlines(open, end);
            end
        };
        at = (end + 2).min(template.len());
    }
    if let Some(text) = template.get(at..).filter(|t| !t.is_empty()) {
        out.push(Piece::Text(text));
    }
    out
}

/// An action's text without its trim markers (`{{- ` and ` -}}`; a dash
/// with no space after it is a negative number, `{{-3}}`).
fn trim_markers(inner: &str) -> &str {
    let inner = match inner.strip_prefix('-') {
        Some(rest) if rest.starts_with(char::is_whitespace) => rest,
        _ => inner,
    };
    let inner = match inner.strip_suffix('-') {
        Some(rest) if rest.ends_with(char::is_whitespace) => rest,
        _ => inner,
    };
    inner.trim()
}

/// The end of the action whose text starts at `start` (after its `{{`):
/// the offset of its `}}`, skipping over string, raw string and character
/// literals; the end of the text if it has none. Only ASCII bytes are
/// ever stopped at, so the offset is always on a character boundary.
fn action_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = start;
    while i < bytes.len() {
        match bytes[i] {
            quote @ (b'"' | b'\'') => {
                i += 1;
                while i < bytes.len() && bytes[i] != quote {
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

// ---------------------------------------------------------------------------
// The HTML around an action
// ---------------------------------------------------------------------------

/// Attributes whose value people read.
const TEXT_ATTRIBUTES: [&str; 5] = [
    "alt",
    "title",
    "aria-label",
    "placeholder",
    "aria-description",
];

/// Elements whose content is code, not prose.
const CODE_ELEMENTS: [&str; 3] = ["code", "kbd", "samp"];

/// Elements that have no end tag.
const VOID_ELEMENTS: [&str; 14] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Where in the HTML an action's output lands.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Place {
    /// Element content; the innermost open element, if any.
    Content(Option<String>),
    /// Content of `<code>`, `<kbd>` or `<samp>`.
    Code(String),
    Attribute(String),
    /// Inside a tag but not in an attribute value (`<div{{ if }}…`).
    Tag,
    Script(String),
    /// Inside an HTML comment: printed nowhere.
    Comment,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Content,
    /// `<!DOCTYPE …>`, `<?…>`: up to the next `>`.
    Markup,
    Comment,
    TagName,
    InTag,
    AttrName,
    AfterAttrName,
    BeforeValue,
    Value(Option<char>),
    /// Inside `<script>` or `<style>`, up to its end tag.
    Raw,
}

/// Just enough of an HTML tokenizer to know where the next action lands.
struct Html {
    state: State,
    tag: String,
    /// The open elements, outermost first.
    open: Vec<String>,
    attribute: String,
}

impl Html {
    fn new() -> Html {
        Html {
            state: State::Content,
            tag: String::new(),
            open: Vec::new(),
            attribute: String::new(),
        }
    }

    fn place(&self) -> Place {
        match self.state {
            State::Content | State::Markup => {
                match self
                    .open
                    .iter()
                    .rev()
                    .find(|e| CODE_ELEMENTS.contains(&e.as_str()))
                {
                    Some(code) => Place::Code(code.clone()),
                    None => Place::Content(self.open.last().cloned()),
                }
            }
            State::Comment => Place::Comment,
            State::Raw => Place::Script(self.open.last().cloned().unwrap_or_default()),
            State::Value(_) | State::BeforeValue => Place::Attribute(self.attribute.clone()),
            _ => Place::Tag,
        }
    }

    fn end_tag(&mut self) {
        let name = self.tag.to_ascii_lowercase();
        let name = name.trim_end_matches('/');
        if let Some(closed) = name.strip_prefix('/') {
            if let Some(at) = self.open.iter().rposition(|e| e == closed) {
                self.open.truncate(at);
            }
            self.state = State::Content;
        } else if name == "script" || name == "style" {
            self.open.push(name.to_string());
            self.state = State::Raw;
        } else {
            if !VOID_ELEMENTS.contains(&name) && !self.tag.ends_with('/') {
                self.open.push(name.to_string());
            }
            self.state = State::Content;
        }
    }

    /// The end of a raw element: its end tag starts at `at` in `text`.
    fn leaves_raw(&self, text: &str, at: usize) -> bool {
        let Some(element) = self.open.last() else {
            return true;
        };
        let closing = format!("</{element}");
        text.as_bytes()
            .get(at..at + closing.len())
            .is_some_and(|b| b.eq_ignore_ascii_case(closing.as_bytes()))
    }

    fn feed(&mut self, text: &str) {
        let mut chars = text.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            let rest = text.get(at..).unwrap_or("");
            match self.state {
                State::Content => {
                    if rest.starts_with("<!--") {
                        self.state = State::Comment;
                    } else if rest.starts_with("<!") || rest.starts_with("<?") {
                        self.state = State::Markup;
                    } else if c == '<' {
                        let next = chars.peek().map(|&(_, n)| n);
                        if next.is_some_and(|n| n.is_ascii_alphabetic() || n == '/') {
                            self.tag.clear();
                            self.state = State::TagName;
                        }
                    }
                }
                State::Markup => {
                    if c == '>' {
                        self.state = State::Content;
                    }
                }
                State::Comment => {
                    if rest.starts_with("-->") {
                        // The `->` left is content that opens nothing.
                        self.state = State::Content;
                    }
                }
                State::Raw => {
                    if c == '<' && self.leaves_raw(text, at) {
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
                        self.attribute = c.to_lowercase().to_string();
                        self.state = State::AttrName;
                    }
                },
                State::AttrName => match c {
                    '>' => self.end_tag(),
                    '=' => self.state = State::BeforeValue,
                    c if c.is_whitespace() => self.state = State::AfterAttrName,
                    c => self.attribute.extend(c.to_lowercase()),
                },
                State::AfterAttrName => match c {
                    '>' => self.end_tag(),
                    '=' => self.state = State::BeforeValue,
                    c if c.is_whitespace() => {}
                    c => {
                        self.attribute = c.to_lowercase().to_string();
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

// ---------------------------------------------------------------------------
// An action: tokens, then a pipeline
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    /// An identifier, keyword, variable or field chain: `printf`, `if`,
    /// `$title`, `.Get`, `$.Page.RenderString`, `site.GetPage`.
    Word(String),
    Str(String),
    Number(usize),
    /// Any other literal: a character, a negative or decimal number.
    Literal,
    Declare,
    Assign,
    Pipe,
    Comma,
    Open,
    Close,
    /// A field of what the parentheses before it give: `(…).Title`.
    Field,
}

fn tokenize(action: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut chars = action.chars().peekable();
    let mut after_close = false;
    while let Some(c) = chars.next() {
        let was_after_close = std::mem::replace(&mut after_close, false);
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
            '\'' => {
                while let Some(c) = chars.next() {
                    match c {
                        '\\' => {
                            chars.next();
                        }
                        '\'' => break,
                        _ => {}
                    }
                }
                tokens.push(Token::Literal);
            }
            '(' => tokens.push(Token::Open),
            ')' => {
                tokens.push(Token::Close);
                after_close = true;
            }
            '|' => tokens.push(Token::Pipe),
            ',' => tokens.push(Token::Comma),
            ':' if chars.peek() == Some(&'=') => {
                chars.next();
                tokens.push(Token::Declare);
            }
            '=' => tokens.push(Token::Assign),
            c => {
                let mut word = c.to_string();
                while let Some(&n) = chars.peek() {
                    if n.is_whitespace() || "()|,\"`'".contains(n) || n == ':' || n == '=' {
                        break;
                    }
                    word.push(n);
                    chars.next();
                }
                if was_after_close && word.starts_with('.') {
                    tokens.push(Token::Field);
                } else if let Ok(n) = word.parse() {
                    tokens.push(Token::Number(n));
                } else if word.starts_with(|c: char| c.is_ascii_digit() || c == '-' || c == '+') {
                    tokens.push(Token::Literal);
                } else {
                    tokens.push(Token::Word(word));
                }
            }
        }
    }
    tokens
}

/// How deep parentheses are followed; deeper ones count as a literal, so
/// a template of ten thousand `(` does not exhaust the stack.
const MAX_DEPTH: usize = 48;

#[derive(Debug, Clone, PartialEq, Eq)]
enum Operand {
    Word(String),
    Str(String),
    Number(usize),
    Literal,
    Group(Pipeline),
    /// `(…).Field`: what the group gives, looked into.
    Chain(Box<Operand>),
}

type Command = Vec<Operand>;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Pipeline {
    /// `$a :=` or `$i, $e :=`: the variables, without `$`.
    declare: Vec<String>,
    /// `=` rather than `:=`.
    assign: bool,
    commands: Vec<Command>,
}

/// Parses a pipeline from `tokens[*at..]` up to an unmatched `)` or the
/// end, with a declaration in front if `top`.
fn parse_pipeline(tokens: &[Token], at: &mut usize, depth: usize, top: bool) -> Pipeline {
    let mut pipeline = Pipeline::default();
    if top {
        let mut names = Vec::new();
        let mut i = *at;
        while let Some(Token::Word(w)) = tokens.get(i) {
            let Some(name) = w.strip_prefix('$').filter(|n| !n.contains('.')) else {
                break;
            };
            names.push(name.to_string());
            i += 1;
            if tokens.get(i) == Some(&Token::Comma) {
                i += 1;
            } else {
                break;
            }
        }
        if let Some(t @ (Token::Declare | Token::Assign)) = tokens.get(i)
            && !names.is_empty()
        {
            pipeline.assign = *t == Token::Assign;
            pipeline.declare = names;
            *at = i + 1;
        }
    }
    let mut command = Command::new();
    while let Some(token) = tokens.get(*at) {
        *at += 1;
        let operand = match token {
            Token::Close if depth > 0 => break,
            Token::Close | Token::Comma | Token::Declare | Token::Assign | Token::Field => continue,
            Token::Pipe => {
                pipeline.commands.push(std::mem::take(&mut command));
                continue;
            }
            Token::Word(w) => Operand::Word(w.clone()),
            Token::Str(s) => Operand::Str(s.clone()),
            Token::Number(n) => Operand::Number(*n),
            Token::Literal => Operand::Literal,
            Token::Open if depth < MAX_DEPTH => {
                Operand::Group(parse_pipeline(tokens, at, depth + 1, false))
            }
            Token::Open => {
                skip_group(tokens, at);
                Operand::Literal
            }
        };
        let mut operand = operand;
        while tokens.get(*at) == Some(&Token::Field) {
            *at += 1;
            operand = Operand::Chain(Box::new(operand));
        }
        command.push(operand);
    }
    if !command.is_empty() {
        pipeline.commands.push(command);
    }
    pipeline
}

/// Skips to after the `)` that closes the group whose `(` is just behind.
fn skip_group(tokens: &[Token], at: &mut usize) {
    let mut open = 1usize;
    while let Some(token) = tokens.get(*at) {
        *at += 1;
        match token {
            Token::Open => open += 1,
            Token::Close => {
                open -= 1;
                if open == 0 {
                    return;
                }
            }
            _ => {}
        }
    }
}

// ---------------------------------------------------------------------------
// Where values go
// ---------------------------------------------------------------------------

/// How a parameter reached a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Via {
    /// As it is, or through functions that pass it on.
    Direct,
    /// Through what a partial made of it.
    Partial,
}

/// What an expression gives: the parameters in it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Value {
    refs: BTreeMap<ParamRef, Via>,
    /// The shortcode itself (`$`, or `.` where it is the dot): whatever
    /// gets it can read every parameter.
    context: bool,
}

impl Value {
    fn param(param: ParamRef) -> Value {
        let mut value = Value::default();
        value.refs.insert(param, Via::Direct);
        value
    }

    fn context() -> Value {
        Value {
            refs: BTreeMap::new(),
            context: true,
        }
    }

    fn merge(&mut self, other: Value) {
        for (param, via) in other.refs {
            let entry = self.refs.entry(param).or_insert(via);
            *entry = (*entry).min(via);
        }
        self.context |= other.context;
    }

    /// A field of this value: the shortcode's fields are not parameters.
    fn field(mut self) -> Value {
        self.context = false;
        self
    }

    fn through_partial(mut self) -> Value {
        for via in self.refs.values_mut() {
            *via = Via::Partial;
        }
        self.context = false;
        self
    }
}

/// What a function does with one of its arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Role {
    /// Passes it on to its result.
    Flows,
    /// Only reads it: a comparison, a count, a type test.
    Read,
    /// Takes it as a URL, path, key, pattern, number or code (why).
    Key(String),
    /// Shows it only in an error or warning message (why).
    Logged(String),
    /// Hands it to a partial or template (why); what that does is not read.
    Handed(String),
}

/// Functions that write a message for whoever builds the site.
const LOGGED: [&str; 8] = [
    "errorf",
    "warnf",
    "erroridf",
    "warnidf",
    "fmt.Errorf",
    "fmt.Warnf",
    "fmt.Erroridf",
    "fmt.Warnidf",
];

/// Functions whose argument names a file or data to read.
const FILES: &[&str] = &[
    "readFile",
    "os.ReadFile",
    "os.FileExists",
    "fileExists",
    "os.Stat",
    "os.ReadDir",
    "readDir",
    "os.Getenv",
    "getenv",
    "getJSON",
    "getCSV",
    "data.GetJSON",
    "data.GetCSV",
    "transform.Unmarshal",
    "unmarshal",
    "resources.GetRemote",
];

/// Functions whose result is a URL, an identifier, CSS, script, a number,
/// a date or a hash: what goes in is not text either.
const NOT_TEXT_FUNCTIONS: &[&str] = &[
    "relURL",
    "absURL",
    "relLangURL",
    "absLangURL",
    "urlize",
    "safeURL",
    "urlquery",
    "anchorize",
    "safeCSS",
    "safeJS",
    "safeJSStr",
    "safeHTMLAttr",
    "querify",
    "md5",
    "sha1",
    "sha256",
    "jsonify",
    "base64Encode",
    "base64Decode",
    "highlight",
    "transform.Highlight",
    "int",
    "float",
    "add",
    "sub",
    "mul",
    "div",
    "mod",
    "modBool",
    "seq",
    "time",
    "dateFormat",
    "duration",
    "ref",
    "relref",
    "templates.Exists",
    "collections.Seq",
    "cast.ToInt",
    "cast.ToFloat",
];

/// Namespaces whose every function takes URLs, paths, numbers, dates,
/// hashes, encodings or images.
const NOT_TEXT_NAMESPACES: &[&str] = &[
    "urls.",
    "path.",
    "math.",
    "time.",
    "crypto.",
    "hash.",
    "encoding.",
    "images.",
    "css.",
    "js.",
    "resources.",
];

/// Functions that only read their arguments: comparisons, counts, tests.
const READ: &[&str] = &[
    "eq",
    "ne",
    "lt",
    "le",
    "gt",
    "ge",
    "in",
    "not",
    "isset",
    "len",
    "hasPrefix",
    "hasSuffix",
    "strings.HasPrefix",
    "strings.HasSuffix",
    "strings.Contains",
    "strings.ContainsAny",
    "strings.ContainsNonSpace",
    "strings.Count",
    "strings.RuneCount",
    "countwords",
    "countrunes",
    "compare.Eq",
    "compare.Ne",
    "collections.In",
    "collections.IsSet",
    "reflect.IsMap",
    "reflect.IsSlice",
];

/// Methods of resources that turn an image into another.
const IMAGE_METHODS: [&str; 6] = ["Fit", "Fill", "Resize", "Crop", "Filter", "Process"];

/// An argument of a call: what it gives, and the literal it is, if any.
#[derive(Debug, Clone)]
struct Arg {
    value: Value,
    literal: Option<ParamRef>,
}

impl Arg {
    fn text(&self) -> Option<&str> {
        match &self.literal {
            Some(ParamRef::Named(s)) => Some(s),
            _ => None,
        }
    }
}

/// A `printf` format that puts a value in a path or an attribute
/// (`"/img/%s"`, `id=\"%s\"`), or only shows its type (`"%T"`).
fn format_kind(format: &str) -> Option<Role> {
    if format.trim() == "%T" {
        return Some(Role::Read);
    }
    for (i, _) in format.match_indices('%') {
        let before = format.get(..i).unwrap_or("").trim_end_matches(['"', '\'']);
        if before.ends_with('%') {
            continue;
        }
        if before.ends_with(['/', '=']) {
            return Some(Role::Key(format!("formatted into \"{format}\"")));
        }
        let after = format.get(i + 1..).unwrap_or("");
        let after = after.trim_start_matches(|c: char| c.is_ascii_alphanumeric() || c == '.');
        if after.starts_with('/') {
            return Some(Role::Key(format!("formatted into \"{format}\"")));
        }
    }
    None
}

/// What function `name` does with argument `i` of `args`.
fn role(name: &str, i: usize, args: &[Arg]) -> Role {
    let chain = name.starts_with(['.', '$']);
    let method = name.rsplit('.').next().unwrap_or(name);
    let lower = name.to_ascii_lowercase();
    if LOGGED.contains(&name) {
        return Role::Logged(format!("only in the message of {name}"));
    }
    if method == "GetPage" {
        return Role::Key("a page looked up with GetPage".into());
    }
    if lower.contains("resources")
        && matches!(
            method,
            "Get" | "GetMatch" | "Match" | "ByType" | "GetRemote"
        )
    {
        return Role::Key(format!("a resource looked up with {method}"));
    }
    if FILES.contains(&name) {
        return Role::Key(format!("a file or data source read by {name}"));
    }
    match name {
        "i18n" | "T" | "lang.Translate" => {
            return if i == 0 {
                Role::Key(format!("a message key for {name}"))
            } else {
                Role::Flows
            };
        }
        "findRE"
        | "findRESubmatch"
        | "replaceRE"
        | "strings.FindRE"
        | "strings.FindRESubmatch"
        | "strings.ReplaceRE" => {
            return if i == 0 {
                Role::Key(format!("a regular expression for {name}"))
            } else {
                Role::Flows
            };
        }
        "strings.TrimPrefix" | "strings.TrimSuffix" | "strings.TrimLeft" | "strings.TrimRight"
        | "trimPrefix" | "trimSuffix" => {
            let on_path = args
                .iter()
                .any(|a| a.text().is_some_and(|t| t.contains('/')));
            return if on_path && args.get(i).is_some_and(|a| a.literal.is_none()) {
                Role::Key(format!("a path, through {name}"))
            } else {
                Role::Flows
            };
        }
        "partial" | "partialCached" | "partials.Include" | "partials.IncludeCached" => {
            return if i == 0 {
                Role::Key("names the partial".into())
            } else {
                Role::Handed(format!("handed to {name}"))
            };
        }
        "cond" => {
            return if i == 0 { Role::Read } else { Role::Flows };
        }
        "printf" | "fmt.Printf" => {
            if let Some(kind) = args.first().and_then(Arg::text).and_then(format_kind) {
                return if i == 0 { Role::Read } else { kind };
            }
            return Role::Flows;
        }
        _ => {}
    }
    if NOT_TEXT_FUNCTIONS.contains(&name)
        || (!chain && NOT_TEXT_NAMESPACES.iter().any(|ns| name.starts_with(ns)))
    {
        return Role::Key(format!("through {name}"));
    }
    if READ.contains(&name) {
        return Role::Read;
    }
    if chain && method == "Param" {
        return Role::Key("a parameter key for .Param".into());
    }
    if chain && IMAGE_METHODS.contains(&method) {
        return Role::Key(format!("image processing options for {method}"));
    }
    Role::Flows
}

/// Reads a template's actions in order, keeping what each variable, the
/// dot and `.Scratch` hold.
struct Reader {
    vars: HashMap<String, Value>,
    /// Variables read after they were set.
    used: HashSet<String>,
    /// `.Scratch` and `.Store` entries, by key (`*` for a key that is not
    /// a literal).
    scratch: HashMap<String, Value>,
    /// The dot of each open block (`if`, `with`, `range`), innermost
    /// last; outside them, the dot is the shortcode.
    dots: Vec<Value>,
    line: usize,
    /// Inside an HTML comment: nothing is printed or counted as read.
    muted: bool,
    analysis: Analysis,
}

impl Reader {
    fn new() -> Reader {
        Reader {
            vars: HashMap::new(),
            used: HashSet::new(),
            scratch: HashMap::new(),
            dots: Vec::new(),
            line: 1,
            muted: false,
            analysis: Analysis::default(),
        }
    }

    fn dot(&self) -> Value {
        self.dots.last().cloned().unwrap_or_else(Value::context)
    }

    fn outer_dot(&self) -> Value {
        let n = self.dots.len();
        match n.checked_sub(2).and_then(|i| self.dots.get(i)) {
            Some(dot) => dot.clone(),
            None if n == 1 => Value::context(),
            None => Value::default(),
        }
    }

    fn read(&mut self, param: ParamRef) -> Value {
        if !self.muted {
            self.analysis.read.insert(param.clone());
        }
        Value::param(param)
    }

    fn whole(&mut self) {
        if !self.muted {
            self.analysis.whole_params = self.analysis.whole_params.or(Some(self.line));
        }
    }

    fn record(&mut self, value: &Value, kind: UseKind, why: &str) {
        if self.muted {
            return;
        }
        for param in value.refs.keys() {
            self.analysis.uses.push(Use {
                param: param.clone(),
                kind,
                line: self.line,
                why: why.to_string(),
            });
        }
    }

    fn var(&mut self, name: &str) -> Value {
        self.used.insert(name.to_string());
        self.vars.get(name).cloned().unwrap_or_default()
    }

    fn bind(&mut self, pipeline: &Pipeline, value: &Value) {
        let count = pipeline.declare.len();
        for (i, name) in pipeline.declare.iter().enumerate() {
            // `range $i, $e := …`: the index is no parameter.
            let value = if i + 1 == count {
                value.clone()
            } else {
                Value::default()
            };
            if pipeline.assign {
                self.vars.entry(name.clone()).or_default().merge(value);
            } else {
                self.used.remove(name);
                self.vars.insert(name.clone(), value);
            }
        }
    }

    fn operand(&mut self, operand: &Operand) -> Value {
        match operand {
            Operand::Word(word) => self.word(word),
            Operand::Group(pipeline) => self.pipeline(pipeline),
            Operand::Chain(inner) => self.operand(inner).field(),
            Operand::Str(_) | Operand::Number(_) | Operand::Literal => Value::default(),
        }
    }

    /// A word on its own: a variable, the dot, a field, a parameter.
    fn word(&mut self, word: &str) -> Value {
        if word == "." {
            return self.dot();
        }
        if word == "$" {
            return Value::context();
        }
        if word == ".Params" || word == "$.Params" {
            self.whole();
            return Value::default();
        }
        if let Some(field) = word
            .strip_prefix(".Params.")
            .or_else(|| word.strip_prefix("$.Params."))
        {
            let name = field.split('.').next().unwrap_or(field);
            return self.read(ParamRef::Named(name.to_string()));
        }
        if let Some(var) = word.strip_prefix('$') {
            let (name, field) = match var.split_once('.') {
                Some((name, _)) => (name, true),
                None => (var, false),
            };
            let value = self.var(name);
            return if field { value.field() } else { value };
        }
        if word.starts_with('.') {
            // A field of the dot: of a parameter's value if the dot is one,
            // nothing of the shortcode's own (`.Inner`, `.Page`).
            let dot = self.dot();
            return if dot.context { Value::default() } else { dot };
        }
        Value::default()
    }

    fn pipeline(&mut self, pipeline: &Pipeline) -> Value {
        let mut input: Option<Value> = None;
        for command in &pipeline.commands {
            input = Some(self.command(command, input));
        }
        input.unwrap_or_default()
    }

    fn command(&mut self, command: &Command, input: Option<Value>) -> Value {
        let callable = match command.first() {
            Some(Operand::Word(w)) => {
                let function = w.starts_with(|c: char| c.is_alphabetic() || c == '_')
                    && !matches!(w.as_str(), "true" | "false" | "nil");
                let method = w.len() > 1
                    && w.starts_with(['.', '$'])
                    && w.contains(|c: char| c.is_alphabetic())
                    && (command.len() > 1 || input.is_some());
                (function || method).then(|| w.clone())
            }
            _ => None,
        };
        match callable {
            Some(name) => self.call(&name, command.get(1..).unwrap_or_default(), input),
            None => {
                let mut value = Value::default();
                for operand in command {
                    value.merge(self.operand(operand));
                }
                if let Some(input) = input {
                    value.merge(input);
                }
                value
            }
        }
    }

    fn call(&mut self, name: &str, operands: &[Operand], input: Option<Value>) -> Value {
        // The parameter getters first: `.Params` in them is no hand-over.
        if name == ".Get" || name == "$.Get" {
            return match operands.first() {
                Some(Operand::Str(s)) => self.read(ParamRef::Named(s.clone())),
                Some(Operand::Number(n)) => self.read(ParamRef::Position(*n)),
                _ => Value::default(),
            };
        }
        if name == "index"
            && let Some(Operand::Word(w)) = operands.first()
            && (w == ".Params" || w == "$.Params")
        {
            return match operands.get(1) {
                Some(Operand::Str(s)) => self.read(ParamRef::Named(s.clone())),
                Some(Operand::Number(n)) => self.read(ParamRef::Position(*n)),
                _ => {
                    self.whole();
                    Value::default()
                }
            };
        }
        let mut args: Vec<Arg> = operands
            .iter()
            .map(|operand| Arg {
                literal: match operand {
                    Operand::Str(s) => Some(ParamRef::Named(s.clone())),
                    Operand::Number(n) => Some(ParamRef::Position(*n)),
                    _ => None,
                },
                value: self.operand(operand),
            })
            .collect();
        if let Some(input) = input {
            args.push(Arg {
                value: input,
                literal: None,
            });
        }
        let method = name.rsplit('.').next().unwrap_or(name);
        let chain = name.starts_with(['.', '$']);
        if chain && let Some(value) = self.scratch(name, method, &args) {
            return value;
        }
        if name == "index" {
            // `index $palette $colour`: the keys are looked up, the
            // collection's values come out.
            for arg in args.iter().skip(1) {
                self.record(&arg.value, UseKind::NotText, "a key looked up with index");
            }
            return args.first().map(|a| a.value.clone()).unwrap_or_default();
        }
        let mut result = Value::default();
        for (i, arg) in args.iter().enumerate() {
            match role(name, i, &args) {
                Role::Flows => result.merge(arg.value.clone()),
                Role::Read => {}
                Role::Key(why) => self.record(&arg.value, UseKind::NotText, &why),
                Role::Logged(why) => self.record(&arg.value, UseKind::Consumed, &why),
                Role::Handed(why) => {
                    if arg.value.context {
                        self.whole();
                    }
                    self.record(&arg.value, UseKind::Unknown, &why);
                    result.merge(arg.value.clone().through_partial());
                }
            }
        }
        result
    }

    /// `.Scratch` and `.Store` (`Set`, `Add`, `SetInMap`, `Get`,
    /// `GetSortedMapValues`, `Delete`), as variables by key. What is kept
    /// on the page or the enclosing shortcode is for other templates too.
    fn scratch(&mut self, name: &str, method: &str, args: &[Arg]) -> Option<Value> {
        let on_scratch = name.contains(".Scratch.") || name.contains(".Store.");
        let on_var = name.starts_with('$') && !name.starts_with("$.");
        if !(on_scratch || on_var) {
            return None;
        }
        let key = args.first().and_then(Arg::text).unwrap_or("*").to_string();
        match method {
            "Set" | "Add" | "SetInMap" => {
                let value = args.last().map(|a| a.value.clone()).unwrap_or_default();
                if name.contains("Page.") || name.contains("Parent.") || name.contains("site.") {
                    self.record(
                        &value,
                        UseKind::Unknown,
                        &format!("kept for other templates with {name}"),
                    );
                }
                // `Set` in one branch and another `Set` in the other both
                // may hold: the reading is not path by path, so they merge.
                self.scratch.entry(key).or_default().merge(value);
                Some(Value::default())
            }
            "Get" | "GetSortedMapValues" if key == "*" => {
                let mut all = Value::default();
                for value in self.scratch.values() {
                    all.merge(value.clone());
                }
                Some(all)
            }
            "Get" | "GetSortedMapValues" => Some(
                self.scratch
                    .get(&key)
                    .cloned()
                    .or_else(|| self.scratch.get("*").cloned())
                    .unwrap_or_default(),
            ),
            "Delete" => Some(Value::default()),
            _ => None,
        }
    }

    /// Prints `value` at `place`.
    fn print(&mut self, value: &Value, place: &Place) {
        let (kind, why) = match place {
            Place::Comment => return,
            Place::Content(None) => (UseKind::Text, "printed as text".to_string()),
            Place::Content(Some(element)) => {
                (UseKind::Text, format!("printed as content of <{element}>"))
            }
            Place::Code(element) => (
                UseKind::NotText,
                format!("printed as content of <{element}>"),
            ),
            Place::Attribute(name) if TEXT_ATTRIBUTES.contains(&name.as_str()) => {
                (UseKind::Text, format!("in the {name} attribute"))
            }
            Place::Attribute(name) => (UseKind::NotText, format!("in the {name} attribute")),
            Place::Script(element) => (UseKind::NotText, format!("inside <{element}>")),
            Place::Tag => (UseKind::Unknown, "inside a tag".to_string()),
        };
        let direct = Value {
            refs: value
                .refs
                .iter()
                .filter(|(_, via)| **via == Via::Direct)
                .map(|(p, v)| (p.clone(), *v))
                .collect(),
            context: false,
        };
        let partial = Value {
            refs: value
                .refs
                .iter()
                .filter(|(_, via)| **via == Via::Partial)
                .map(|(p, v)| (p.clone(), *v))
                .collect(),
            context: false,
        };
        self.record(&direct, kind, &why);
        // What a partial made of a parameter: a link in `href` is no text,
        // but what it shows as text may be anything.
        let partial_kind = if kind == UseKind::NotText {
            UseKind::NotText
        } else {
            UseKind::Unknown
        };
        self.record(&partial, partial_kind, &format!("{why}, from a partial"));
    }

    fn action(&mut self, tokens: &[Token], place: &Place) {
        let keyword = match tokens.first() {
            Some(Token::Word(w)) => w.as_str(),
            _ => "",
        };
        let rest = |skip: usize| {
            let mut at = skip;
            parse_pipeline(tokens, &mut at, 0, true)
        };
        match keyword {
            "if" | "with" | "range" | "block" | "define" => {
                let pipeline = rest(1);
                let value = self.pipeline(&pipeline);
                self.bind(&pipeline, &value);
                let dot = match keyword {
                    "if" => self.dot(),
                    "range" => value.field(),
                    "define" => Value::default(),
                    _ => value,
                };
                self.dots.push(dot);
            }
            "else" => {
                let next = match tokens.get(1) {
                    Some(Token::Word(w)) => w.as_str(),
                    _ => "",
                };
                let dot = if next == "with" {
                    let pipeline = rest(2);
                    let value = self.pipeline(&pipeline);
                    self.bind(&pipeline, &value);
                    value
                } else {
                    let pipeline = rest(if next == "if" { 2 } else { 1 });
                    let value = self.pipeline(&pipeline);
                    self.bind(&pipeline, &value);
                    // The dot of the block's start: `with` and `range` set
                    // it only for their first branch.
                    self.outer_dot()
                };
                if let Some(top) = self.dots.last_mut() {
                    *top = dot;
                }
            }
            "end" => {
                self.dots.pop();
            }
            "template" | "return" => {
                let pipeline = rest(1);
                let value = self.pipeline(&pipeline);
                if value.context {
                    self.whole();
                }
                let why = if keyword == "template" {
                    "handed to a template"
                } else {
                    "returned to the caller"
                };
                self.record(&value, UseKind::Unknown, why);
            }
            "break" | "continue" => {}
            _ => {
                let pipeline = rest(0);
                let value = self.pipeline(&pipeline);
                if pipeline.declare.is_empty() {
                    self.print(&value, place);
                } else {
                    self.bind(&pipeline, &value);
                }
            }
        }
    }

    /// Variables set and never read again: their parameters go nowhere.
    fn unused_variables(&mut self) {
        let mut unused: Vec<(String, Value)> = self
            .vars
            .iter()
            .filter(|(name, _)| !self.used.contains(*name))
            .map(|(name, value)| (name.clone(), value.clone()))
            .collect();
        unused.sort_by(|a, b| a.0.cmp(&b.0));
        for (name, value) in unused {
            self.record(
                &value,
                UseKind::Consumed,
                &format!("kept in ${name}, which is never used"),
            );
        }
    }
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
///
/// // A path looked up, then the page's title printed: the path is no text.
/// let t = analyze(r#"{{ with site.GetPage (.Get "page") }}<b>{{ .Title }}</b>{{ end }}"#);
/// assert!(matches!(t.verdict(&ParamRef::Named("page".into())), Verdict::NotText(_)));
/// ```
pub fn analyze(template: &str) -> Analysis {
    let mut html = Html::new();
    let mut reader = Reader::new();
    for piece in pieces(template) {
        match piece {
            Piece::Text(text) => html.feed(text),
            Piece::Action { inner, line } => {
                reader.line = line;
                let place = html.place();
                reader.muted = place == Place::Comment;
                reader.action(&tokenize(inner), &place);
            }
        }
    }
    reader.muted = false;
    reader.unused_variables();
    reader.analysis
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
    fn non_ascii_in_style_and_script_blocks_does_not_panic() {
        // A Swedish site's templates broke this: `</style>` was looked for
        // by slicing at a byte inside `ä`.
        let template = "<style>/* Hämta färgerna */ .x { color: red }</style>\n\
            <script>// Hämta länken: ö\nvar å = 1;</script>\n\
            <p>{{ .Get \"t\" }}</p><script>var x = \"{{ .Get \"k\" }}\"; // ä</script>";
        let analysis = analyze(template);
        match analysis.verdict(&named("t")) {
            Verdict::Text(u) => {
                assert_eq!(u.line, 4);
                assert_eq!(u.why, "printed as content of <p>");
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(kind(template, named("k")), "not text");
        for cut in template.char_indices().map(|(i, _)| i) {
            analyze(&template[..cut]);
            analyze(&template[cut..]);
        }
    }

    #[test]
    fn template_comments_with_trim_markers_end_where_they_end() {
        // Docsy's alert.html: `{{/* … */ -}}` ends at its own `-}}`; the
        // comment used to run on to the end of the file, so `title` was
        // never read.
        let alert = r#"{{/*
@param {string} [title=""] HTML rendered as a heading.
*/ -}}
{{ $color := .Get "color" | default "primary" -}}
<div class="alert alert-{{ $color }}" role="alert">
{{- with .Get "title" -}}
  <div class="h4 alert-heading" role="heading">
    {{- . | safeHTML -}}
  </div>
{{- end }}
{{- /* Do NOT remove this comment */ -}}
</div>"#;
        let analysis = analyze(alert);
        match analysis.verdict(&named("title")) {
            Verdict::Text(u) => assert_eq!(u.line, 8),
            other => panic!("{other:?}"),
        }
        assert_eq!(kind(alert, named("color")), "not text");
        assert_eq!(
            kind("{{-3}}<b>{{ .Get 0 -}}</b>", ParamRef::Position(0)),
            "text"
        );
    }

    #[test]
    fn lookups_keys_and_messages_are_not_text() {
        for (template, param) in [
            // The include shortcode that made init mark a path as text.
            (
                r#"{{ $path := .Get 0 }}{{ with .Site.GetPage $path }}{{ .Content }}{{ else }}{{ errorf "include: no page %q" (.Get 0) }}{{ end }}"#,
                ParamRef::Position(0),
            ),
            (
                r#"{{ $p := site.GetPage (.Get "section") }}{{ if not $p }}{{ errorf "quick-reference: %q" (.Get "section") }}{{ end }}<h2>{{ $p.Title }}</h2><ul>{{ range $p.Pages }}<li>{{ .Title }}</li>{{ end }}</ul>"#,
                named("section"),
            ),
            (
                r#"<b>{{ (.Page.GetPage (.Get "p")).Title }}</b>"#,
                named("p"),
            ),
            (r#"<b>{{ ref . (.Get "p") }}</b>"#, named("p")),
            (r#"<b>{{ relref $.Page (.Get "p") }}</b>"#, named("p")),
            (
                r#"{{ with resources.Get (.Get "f") }}<b>{{ .Name }}</b>{{ end }}"#,
                named("f"),
            ),
            (
                r#"{{ with resources.GetRemote (.Get "u") }}<b>{{ .Content }}</b>{{ end }}"#,
                named("u"),
            ),
            (
                r#"{{ with .Page.Resources.GetMatch (printf "*%s*" (.Get "f")) }}<b>{{ .Title }}</b>{{ end }}"#,
                named("f"),
            ),
            (
                r#"<b>{{ (.Resources.Get (.Get "f")).Title }}</b>"#,
                named("f"),
            ),
            (
                r#"<b>{{ range .Resources.ByType (.Get "t") }}{{ .Title }}{{ end }}</b>"#,
                named("t"),
            ),
            (
                r#"<b>{{ readFile (.Get "f") | markdownify }}</b>"#,
                named("f"),
            ),
            (r#"<b>{{ os.ReadFile (.Get "f") }}</b>"#, named("f")),
            (
                r#"{{ if fileExists (.Get "f") }}<b>x</b>{{ end }}"#,
                named("f"),
            ),
            (
                r#"{{ if os.FileExists (.Get "f") }}<b>x</b>{{ end }}"#,
                named("f"),
            ),
            (
                r#"{{ with os.Stat (.Get "f") }}<b>{{ .Size }}</b>{{ end }}"#,
                named("f"),
            ),
            (
                r#"{{ range getJSON (.Get "u") }}<b>{{ .name }}</b>{{ end }}"#,
                named("u"),
            ),
            (
                r#"{{ range getCSV "," (.Get "u") }}<b>{{ . }}</b>{{ end }}"#,
                named("u"),
            ),
            (
                r#"<b>{{ (.Get "d" | transform.Unmarshal).title }}</b>"#,
                named("d"),
            ),
            (r#"<b>{{ i18n (.Get "key") }}</b>"#, named("key")),
            (r#"<b>{{ T (.Get "key") }}</b>"#, named("key")),
            (r#"<b>{{ findRE (.Get "re") .Inner }}</b>"#, named("re")),
            (
                r#"<b>{{ replaceRE (.Get "re") "" .Inner }}</b>"#,
                named("re"),
            ),
            (r#"<b>{{ path.Base (.Get "p") }}</b>"#, named("p")),
            (
                r#"<b>{{ strings.TrimPrefix "/" (.Get "p") }}</b>"#,
                named("p"),
            ),
            (
                r#"<b>{{ highlight .Inner (.Get "lang") "" }}</b>"#,
                named("lang"),
            ),
            (r#"<code>{{ .Get "cmd" }}</code>"#, named("cmd")),
            (
                r#"{{ $msg := printf "bad %s" (.Get "x") }}<b>ok</b>"#,
                named("x"),
            ),
            (r#"{{ printf "bad %s" (.Get "x") | warnf }}"#, named("x")),
            (r#"{{ warnidf "id" "bad %s" (.Get "x") }}"#, named("x")),
            (r#"{{ erroridf "id" "bad %s" (.Get "x") }}"#, named("x")),
        ] {
            assert_eq!(
                kind(template, param.clone()),
                "not text",
                "{param:?} in {template}"
            );
        }
        for attribute in [
            "href",
            "src",
            "srcset",
            "action",
            "poster",
            "data",
            "cite",
            "class",
            "style",
            "id",
            "for",
            "name",
            "type",
            "rel",
            "target",
            "width",
            "height",
            "data-title",
        ] {
            let template = format!(r#"<x {attribute}="{{{{ .Get "v" }}}}">"#);
            assert_eq!(kind(&template, named("v")), "not text", "{template}");
        }
        assert_eq!(
            kind(r#"{{ partialCached "x.html" (.Get "v") }}"#, named("v")),
            "unknown"
        );
        assert_eq!(
            kind(
                r#"{{ errorf "%q" (.Get "v") }}{{ partial "card.html" . }}"#,
                named("v")
            ),
            "unknown",
            "the partial gets the whole shortcode and may print it"
        );
    }

    #[test]
    fn only_the_arguments_of_a_lookup_are_consumed() {
        let template = r#"<h2>{{ or (.Get "title") (.Site.GetPage (.Get "page")).Title }}</h2>"#;
        assert_eq!(kind(template, named("title")), "text");
        assert_eq!(kind(template, named("page")), "not text");
        let template = r#"<p>{{ printf "%s: %s" (.Get "label") (i18n (.Get "key")) }}</p>"#;
        assert_eq!(kind(template, named("label")), "text");
        assert_eq!(kind(template, named("key")), "not text");
    }

    #[test]
    fn printed_in_one_place_and_consumed_in_another() {
        let checked = r#"{{ if not (.Get "t") }}{{ errorf "missing title %q" (.Get "t") }}{{ end }}
<h2>{{ .Get "t" }}</h2>"#;
        assert_eq!(
            kind(checked, named("t")),
            "text",
            "an error message is no use"
        );
        let linked = r#"<a href="{{ .Get "t" }}">{{ .Get "t" }}</a>"#;
        assert_eq!(kind(linked, named("t")), "mixed");
    }

    #[test]
    fn scratch_values_are_followed() {
        // Docsy's imgproc.html, shortened.
        let imgproc = r#"{{ $original := .Page.Resources.GetMatch (printf "**%s*" (.Get 0)) -}}
{{ $command := .Get 1 -}}
{{ $options := .Get 2 -}}
{{ if eq $command "Fit" -}}
    {{ .Scratch.Set "image" ($original.Fit $options) -}}
{{ end -}}
{{ $image := .Scratch.Get "image" -}}
<img src="{{ $image.RelPermalink }}">
<figcaption>{{ .Inner }}</figcaption>"#;
        let analysis = analyze(imgproc);
        assert!(
            analysis.uses.iter().all(|u| u.kind != UseKind::Text),
            "{analysis:?}"
        );
        assert_eq!(kind(imgproc, ParamRef::Position(0)), "not text");
        assert_eq!(kind(imgproc, ParamRef::Position(1)), "unknown");
        assert_eq!(kind(imgproc, ParamRef::Position(2)), "not text");

        let kept = r#"{{ $.Scratch.Set "t" (.Get "title") }}<h2>{{ $.Scratch.Get "t" }}</h2>"#;
        assert_eq!(kind(kept, named("title")), "text");
        // Docsy's readfile.html: the file is named one way or the other.
        let readfile = r#"{{ if .IsNamedParams -}}
  {{ $.Scratch.Set "fparameter" ( .Get "file" ) -}}
{{ else -}}
  {{ $.Scratch.Set "fparameter" ( .Get 0 ) -}}
{{ end -}}
{{ $.Scratch.Set "filepath" "/" -}}
{{ $.Scratch.Add "filepath" ($.Scratch.Get "fparameter") -}}
{{ if fileExists ($.Scratch.Get "filepath") -}}
  {{ $.Scratch.Get "filepath" | os.ReadFile | .Page.RenderString | safeHTML -}}
{{ end -}}"#;
        assert_eq!(kind(readfile, named("file")), "not text");
        assert_eq!(kind(readfile, ParamRef::Position(0)), "not text");
        let parent =
            r#"{{ $.Parent.Scratch.SetInMap "tabs" "x" (dict "header" (.Get "header")) }}"#;
        assert_eq!(kind(parent, named("header")), "unknown");
    }

    #[test]
    fn formatted_into_a_path_or_attribute_is_not_text() {
        // The glossary's sign-language-section.html.
        let video = r#"{{ $youtube := "" -}}
{{ $videoID := .Get 0 -}}
{{ if $videoID -}}
  {{ $youtube = printf "{{< youtube id=\"%s?mute=1\" >}}" $videoID -}}
{{ end -}}
<div>{{ $.Page.RenderString $youtube }}</div>"#;
        assert_eq!(kind(video, ParamRef::Position(0)), "not text");
        let picture = r#"<div style="x">{{ printf "/img/people/%s" (.Get "p") }}</div>"#;
        assert_eq!(kind(picture, named("p")), "not text");
        let tab = r#"<b>{{ .Get "h" | default (printf "Tab %v" .Ordinal) }}</b>"#;
        assert_eq!(kind(tab, named("h")), "text");
    }

    #[test]
    fn deep_or_broken_templates_do_not_panic() {
        for template in [
            "(".repeat(100_000),
            format!("{{{{ {} .Get 0 }}}}", "(".repeat(100_000)),
            format!("{{{{ {} }}}}", ")".repeat(1000)),
            "{{ .Get".to_string(),
            "{{/* never closed".to_string(),
            "{{- /* x */".to_string(),
            "<scr{{ .Get 0 }}ipt>".to_string(),
            "{{ end }}{{ end }}{{ else }}{{ else with .Get 0 }}{{ . }}".to_string(),
            "{{ $a, $b, := }}{{ $ := 1 }}{{ := }}{{ = }}{{ | | }}".to_string(),
            "{{ \"\\".to_string(),
            "{{ '\\".to_string(),
            "{{ `".to_string(),
            "<a href='{{ (.Get 0).x.y }}'>{{ index .Params }}{{ index }}{{ .Get }}</a>".to_string(),
            "<!-- {{ if .Get 0 }} -->{{ .Get 0 }}{{ end }}".to_string(),
        ] {
            analyze(&template);
        }
    }

    #[test]
    fn actions_in_html_comments_print_nothing_but_keep_their_blocks() {
        let template =
            "<!-- {{ with .Get 0 }} -->\n<b>{{ . }}</b>\n<!-- {{ end }} -->\n<i>{{ .Get 1 }}</i>";
        let analysis = analyze(template);
        assert_eq!(kind(template, ParamRef::Position(0)), "text");
        match analysis.verdict(&ParamRef::Position(1)) {
            Verdict::Text(u) => assert_eq!(u.line, 4),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn names_leading_out_of_the_layouts_have_no_template() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("layouts/shortcodes")).unwrap();
        std::fs::write(dir.path().join("secret.html"), "").unwrap();
        for name in ["../../secret", "/etc/passwd", "", ".", "a/../../../secret"] {
            assert_eq!(find(dir.path(), name), None, "{name}");
        }
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
