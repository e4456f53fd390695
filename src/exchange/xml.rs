//! XML for the XLIFF modules: escaping and inline codes for the writers,
//! and a strict little tree reader. Exchange files come from outside, so
//! the reader refuses any DOCTYPE (nothing can declare an entity, so
//! nothing can expand into a billion laughs or fetch a file), knows only
//! the five predefined entities and character references, and reports
//! every problem with a line and column.

use quick_xml::events::Event;
use quick_xml::name::{NamespaceResolver, ResolveResult};
use quick_xml::{NsReader, XmlVersion};

use super::stream::Unread;
use super::{ImportUnit, ReadError};
use crate::segment::placeholder::{self, Token};

/// Deeper nesting than this is refused: no XLIFF file needs it, and the
/// tree is walked recursively.
const MAX_DEPTH: usize = 256;

/// Whether XML 1.0 can hold `ch` at all, escaped or not.
fn is_xml_char(ch: char) -> bool {
    matches!(ch, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Appends `s` as element content. `other` writes the characters XML
/// cannot hold (XLIFF 2 has `<cp>` for them).
fn push_text(out: &mut String, s: &str, other: &impl Fn(&mut String, char)) {
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            // A literal CR would be read back as a line break.
            '\r' => out.push_str("&#13;"),
            c if is_xml_char(c) => out.push(c),
            c => other(out, c),
        }
    }
}

fn replacement(out: &mut String, _: char) {
    out.push('\u{FFFD}');
}

/// `s` escaped as element content; characters XML cannot hold become
/// U+FFFD.
pub fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_text(&mut out, s, &replacement);
    out
}

/// `s` escaped for a double-quoted attribute. Tabs and line breaks become
/// references, which attribute normalization leaves alone.
pub fn attr(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '"' => out.push_str("&quot;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c => push_text(&mut out, c.encode_utf8(&mut [0; 4]), &replacement),
        }
    }
    out
}

/// How a format writes placeholders.
pub trait Codes {
    fn open(&self, out: &mut String, id: u32);
    fn close(&self, out: &mut String, id: u32);
    fn standalone(&self, out: &mut String, id: u32);
    /// A character XML cannot hold.
    fn other_char(&self, out: &mut String, ch: char) {
        replacement(out, ch);
    }
}

/// Appends `text`, in our notation, with the format's inline codes. Tags
/// that do not pair up properly stay literal text, which reads back as the
/// same notation.
pub fn inline(out: &mut String, text: &str, codes: &impl Codes) {
    let tokens = placeholder::tokenize(text);
    let paired = pairs(&tokens);
    let other = |out: &mut String, ch| codes.other_char(out, ch);
    for (token, paired) in tokens.iter().zip(paired) {
        match *token {
            Token::Text(s) => push_text(out, s, &other),
            Token::Standalone(id) => codes.standalone(out, id),
            Token::Open(id) if paired => codes.open(out, id),
            Token::Close(id) if paired => codes.close(out, id),
            Token::Open(id) => push_text(out, &format!("<{id}>"), &other),
            Token::Close(id) => push_text(out, &format!("</{id}>"), &other),
        }
    }
}

/// Appends `s`, plain text rather than our notation, escaped; characters
/// XML cannot hold go through `codes`.
pub fn escape(out: &mut String, s: &str, codes: &impl Codes) {
    push_text(out, s, &|out: &mut String, ch| codes.other_char(out, ch));
}

/// For each token, whether it is an open or close tag with a partner that
/// nests properly.
fn pairs(tokens: &[Token]) -> Vec<bool> {
    let mut paired = vec![false; tokens.len()];
    let mut open: Vec<(u32, usize)> = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        match *token {
            Token::Open(id) => open.push((id, i)),
            Token::Close(id) if open.last().is_some_and(|&(top, _)| top == id) => {
                if let Some((_, start)) = open.pop() {
                    paired[start] = true;
                    paired[i] = true;
                }
            }
            _ => {}
        }
    }
    paired
}

/// An element as read: namespace URI ("" for none), local name, the
/// attributes, and the content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Element {
    pub ns: String,
    pub name: String,
    attrs: Vec<Attr>,
    pub children: Vec<Node>,
    /// 1-based line and column of the start tag.
    pub line: usize,
    pub column: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Attr {
    ns: String,
    name: String,
    value: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    Element(Element),
    Text(String),
}

impl Element {
    pub fn is(&self, ns: &str, name: &str) -> bool {
        self.ns == ns && self.name == name
    }

    /// The value of the attribute `name` without a namespace.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|a| a.ns.is_empty() && a.name == name)
            .map(|a| a.value.as_str())
    }

    /// The child elements, in order.
    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|node| match node {
            Node::Element(el) => Some(el),
            Node::Text(_) => None,
        })
    }

    /// The first child element `ns`:`name`.
    pub fn child(&self, ns: &str, name: &str) -> Option<&Element> {
        self.elements().find(|el| el.is(ns, name))
    }

    /// An error at the start tag.
    pub fn error(&self, message: impl Into<String>) -> ReadError {
        ReadError::new(self.line, self.column, message)
    }

    /// The child elements `ns`:`name`, and theirs in any `<group>` child
    /// of the same namespace, groups within groups included, in document
    /// order: the units of an XLIFF `<file>` or `<body>`.
    pub fn grouped(&self, ns: &str, name: &str) -> Vec<&Element> {
        let mut found = Vec::new();
        for el in self.elements().filter(|el| el.ns == ns) {
            if el.name == "group" {
                found.extend(el.grouped(ns, name));
            } else if el.name == name {
                found.push(el);
            }
        }
        found
    }
}

/// Line and column of byte offsets met in increasing order, counted
/// incrementally: each call looks only at the bytes since the previous
/// one, so a file of one long line is read in linear time.
struct Position<'a> {
    text: &'a [u8],
    /// The last offset asked for.
    offset: usize,
    line: usize,
    /// Characters between the start of the line and `offset`.
    column: usize,
}

impl<'a> Position<'a> {
    fn new(text: &'a str) -> Position<'a> {
        Position {
            text: text.as_bytes(),
            offset: 0,
            line: 1,
            column: 0,
        }
    }

    /// The 1-based line and column (in characters) of byte `offset`.
    fn at(&mut self, offset: usize) -> (usize, usize) {
        let offset = offset.clamp(self.offset, self.text.len());
        for &b in &self.text[self.offset..offset] {
            if b == b'\n' {
                self.line += 1;
                self.column = 0;
            } else if b & 0xC0 != 0x80 {
                // Count characters, not bytes: skip UTF-8 continuation
                // bytes.
                self.column += 1;
            }
        }
        self.offset = offset;
        (self.line, self.column + 1)
    }
}

/// Reads `text` into its root element, which must be `<xliff>` in
/// namespace `ns`; `version` names the XLIFF version in the error.
pub fn parse_xliff(text: &str, ns: &str, version: &str) -> Result<Element, ReadError> {
    let root = parse(text)?;
    if !root.is(ns, "xliff") {
        return Err(root.error(format!(
            "not an XLIFF {version} document: the root is <{}> in namespace \"{}\"",
            root.name, root.ns
        )));
    }
    Ok(root)
}

/// Reads `text` into its root element. Comments and processing
/// instructions are dropped, CDATA becomes text, line ends are
/// normalized.
pub fn parse(text: &str) -> Result<Element, ReadError> {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let base = text.len() - body.len();
    let mut reader = NsReader::from_str(body);
    let mut position = Position::new(text);
    let mut keep = |_: &[Element], el: Element| Some(el);
    let mut builder = Builder::new(&mut keep);
    loop {
        let start = base + reader.buffer_position() as usize;
        let (ns, event) = match reader.read_resolved_event() {
            Ok((ns, event)) => (namespace(ns), event),
            Err(e) => {
                let at = base + reader.error_position() as usize;
                return Err(ReadError::at(text, at, format!("malformed XML: {e}")));
            }
        };
        let at = || position.at(start);
        match builder.event(ns, event, reader.resolver(), at) {
            Ok(true) => break,
            Ok(false) => {}
            Err(message) => return Err(ReadError::at(text, start, message)),
        }
    }
    builder
        .finish()
        .map_err(|message| ReadError::at(text, text.len(), message))
}

/// What [`each_xliff_unit`] needs of one XLIFF version.
pub struct XliffUnits {
    pub ns: &'static str,
    /// Whether `read` reads this element (given its open ancestors) as a
    /// unit.
    pub is_unit: fn(&[Element], &Element) -> bool,
    /// Reads a unit of the `<file>` whose `original` is the second
    /// argument.
    pub read_unit: fn(&Element, &str) -> Result<ImportUnit, ReadError>,
}

/// Reads an XLIFF document from `input` unit by unit, as the version's
/// `read` reads a text: each unit goes to `each` as soon as it ends, and
/// each `<file>`, without its units, to `file`. The root, without its
/// files; `Unread::Invalid` where `read` refuses a file or a unit.
pub fn each_xliff_unit(
    input: &mut dyn std::io::BufRead,
    xliff: &XliffUnits,
    file: &mut dyn FnMut(&Element),
    each: &mut dyn FnMut(ImportUnit),
) -> Result<Element, Unread> {
    let mut failed = false;
    let mut detach = |open: &[Element], el: Element| {
        if open.len() == 1 && open[0].is(xliff.ns, "xliff") && el.is(xliff.ns, "file") {
            // Its units are gone: what `read` asks of a file is checked
            // here, and the file goes too.
            failed |= el.attr("original").is_none();
            file(&el);
            return None;
        }
        if !(xliff.is_unit)(open, &el) {
            return Some(el);
        }
        match open[1]
            .attr("original")
            .map(|path| (xliff.read_unit)(&el, path))
        {
            Some(Ok(unit)) => each(unit),
            _ => failed = true,
        }
        None
    };
    let root = parse_each(input, &mut detach)?;
    if failed || !root.is(xliff.ns, "xliff") {
        return Err(Unread::Invalid);
    }
    Ok(root)
}

/// Reads XML from `input` as [`parse`] reads a text, but hands every
/// element `detach` takes (given its open ancestors) to it as soon as it
/// ends, instead of keeping it in the tree: the units of a large file
/// pass one by one. Elements know their line, not their column; a file
/// with any error is `Err(())`, for [`parse`] to say where and why.
pub fn parse_each(
    input: &mut dyn std::io::BufRead,
    detach: &mut dyn FnMut(&[Element], Element) -> Option<Element>,
) -> Result<Element, Unread> {
    super::stream::skip_bom(input)?;
    let mut reader = NsReader::from_reader(super::stream::Lines::new(input));
    let mut builder = Builder::new(detach);
    let mut buf = Vec::new();
    loop {
        buf.clear();
        let start = reader.buffer_position();
        let (ns, event) = match reader.read_resolved_event_into(&mut buf) {
            Ok((ns, event)) => (namespace(ns), event),
            Err(quick_xml::Error::Io(e)) => {
                return Err(Unread::Io(std::io::Error::new(e.kind(), e.to_string())));
            }
            Err(_) => return Err(Unread::Invalid),
        };
        let line = reader.get_mut().line_at(start);
        match builder.event(ns, event, reader.resolver(), || (line, 0)) {
            Ok(true) => break,
            Ok(false) => {}
            Err(_) => return Err(Unread::Invalid),
        }
    }
    builder.finish().map_err(|_| Unread::Invalid)
}

/// The tree as its events come; errors are messages, placed by the
/// caller (a text knows its columns, a stream does not).
struct Builder<'a> {
    stack: Vec<Element>,
    root: Option<Element>,
    /// Takes a finished element, or gives it back to join its parent.
    detach: &'a mut dyn FnMut(&[Element], Element) -> Option<Element>,
}

impl<'a> Builder<'a> {
    fn new(detach: &'a mut dyn FnMut(&[Element], Element) -> Option<Element>) -> Builder<'a> {
        Builder {
            stack: Vec::new(),
            root: None,
            detach,
        }
    }

    /// Takes one event; `at` gives the line and column of its start.
    /// True at the end of the input.
    fn event(
        &mut self,
        ns: Result<String, String>,
        event: Event<'_>,
        resolver: &NamespaceResolver,
        at: impl FnOnce() -> (usize, usize),
    ) -> Result<bool, String> {
        let empty = matches!(event, Event::Empty(_));
        match event {
            Event::Start(e) | Event::Empty(e) => {
                let (line, column) = at();
                let mut el = Element {
                    ns: ns.map_err(|prefix| format!("unknown namespace prefix `{prefix}`"))?,
                    name: e.local_name().as_ref().to_string(),
                    attrs: Vec::new(),
                    children: Vec::new(),
                    line,
                    column,
                };
                for a in e.attributes() {
                    let a = a.map_err(|e| format!("malformed attribute: {e}"))?;
                    if a.key.as_namespace_binding().is_some() {
                        continue;
                    }
                    let (ans, name) = resolver.resolve_attribute(a.key);
                    let ans =
                        namespace(ans).map_err(|p| format!("unknown namespace prefix `{p}`"))?;
                    let value = a
                        .normalized_value(XmlVersion::Implicit1_0)
                        .map_err(|e| format!("attribute {}: {e}", el.name))?;
                    el.attrs.push(Attr {
                        ns: ans,
                        name: name.as_ref().to_string(),
                        value: value.into_owned(),
                    });
                }
                if self.root.is_some() {
                    return Err("a second root element".into());
                }
                if empty {
                    self.close(el);
                } else if self.stack.len() == MAX_DEPTH {
                    return Err(format!("elements nested more than {MAX_DEPTH} deep"));
                } else {
                    self.stack.push(el);
                }
            }
            Event::End(_) => {
                // The reader checks end tags (`check_end_names`, on by
                // default): an end tag with no start tag open is an error
                // before it gets here (`<a/></a>` in the tests below).
                let el = self.stack.pop().expect("the reader checks end tags");
                self.close(el);
            }
            Event::Text(e) => add_text(&mut self.stack, &e.xml10_content())?,
            Event::CData(e) => add_text(&mut self.stack, &e.xml10_content())?,
            Event::GeneralRef(r) => {
                let ch = match r.resolve_char_ref() {
                    Ok(Some(ch)) if is_xml_char(ch) => ch,
                    Ok(Some(_)) | Err(_) => {
                        return Err(format!("bad character reference &{};", &*r));
                    }
                    Ok(None) => match &*r {
                        "lt" => '<',
                        "gt" => '>',
                        "amp" => '&',
                        "apos" => '\'',
                        "quot" => '"',
                        name => {
                            return Err(format!(
                                "unknown entity &{name}; (only the five predefined entities are allowed)"
                            ));
                        }
                    },
                };
                add_text(&mut self.stack, ch.encode_utf8(&mut [0; 4]))?;
            }
            Event::DocType(_) => return Err("DOCTYPE is not allowed".into()),
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
            Event::Eof => return Ok(true),
        }
        Ok(false)
    }

    /// Adds a finished element to its parent, unless detached, or makes
    /// it the root.
    fn close(&mut self, el: Element) {
        if self.stack.is_empty() {
            self.root = Some(el);
        } else if let Some(el) = (self.detach)(&self.stack, el) {
            let parent = self.stack.last_mut().expect("not empty");
            parent.children.push(Node::Element(el));
        }
    }

    /// The root, once the input has ended.
    fn finish(self) -> Result<Element, String> {
        if let Some(open) = self.stack.last() {
            return Err(format!(
                "the file ends inside <{}> opened at line {}",
                open.name, open.line
            ));
        }
        self.root.ok_or_else(|| "no root element".to_string())
    }
}

/// The namespace URI, or the unknown prefix.
fn namespace(ns: ResolveResult) -> Result<String, String> {
    match ns {
        ResolveResult::Bound(ns) => Ok(ns.as_ref().to_string()),
        ResolveResult::Unbound => Ok(String::new()),
        ResolveResult::Unknown(prefix) => Err(prefix),
    }
}

/// Adds text to the open element, merged with text just before it. Only
/// whitespace may stand outside the root.
fn add_text(stack: &mut [Element], s: &str) -> Result<(), String> {
    let Some(parent) = stack.last_mut() else {
        return match s.trim_matches(['\t', '\n', '\r', ' ']) {
            "" => Ok(()),
            _ => Err("text outside the root element".into()),
        };
    };
    match parent.children.last_mut() {
        Some(Node::Text(last)) => last.push_str(s),
        _ => parent.children.push(Node::Text(s.to_string())),
    }
    Ok(())
}

/// What an inline element of a format stands for in our notation.
pub enum Code {
    /// Paired code around its content: `<id>…</id>`.
    Paired(u32),
    Open(u32),
    Close(u32),
    Standalone(u32),
    /// Markup around text that stays, such as an annotation: its content.
    Content,
    /// Nothing of it belongs in the text: annotation boundaries, native
    /// code inside a placeholder.
    Nothing,
    /// One character (XLIFF 2 `<cp>`).
    Char(char),
}

/// The content of `el` in our notation, `classify` saying what each
/// inline element is.
pub fn inline_text(
    el: &Element,
    classify: &mut impl FnMut(&Element) -> Result<Code, ReadError>,
) -> Result<String, ReadError> {
    let mut out = String::new();
    push_inline(&mut out, el, classify)?;
    Ok(out)
}

fn push_inline(
    out: &mut String,
    el: &Element,
    classify: &mut impl FnMut(&Element) -> Result<Code, ReadError>,
) -> Result<(), ReadError> {
    for node in &el.children {
        let child = match node {
            Node::Text(s) => {
                out.push_str(s);
                continue;
            }
            Node::Element(child) => child,
        };
        match classify(child)? {
            Code::Paired(id) => {
                out.push_str(&format!("<{id}>"));
                push_inline(out, child, classify)?;
                out.push_str(&format!("</{id}>"));
            }
            Code::Open(id) => out.push_str(&format!("<{id}>")),
            Code::Close(id) => out.push_str(&format!("</{id}>")),
            Code::Standalone(id) => out.push_str(&format!("<{id}/>")),
            Code::Content => push_inline(out, child, classify)?,
            Code::Nothing => {}
            Code::Char(ch) => out.push(ch),
        }
    }
    Ok(())
}

/// The placeholder number in attribute `name` of `el`. Only our numbers
/// are accepted: a tool that renumbers codes would otherwise be read as
/// moving markup around.
pub fn code_id(el: &Element, name: &str) -> Result<u32, ReadError> {
    let value = el
        .attr(name)
        .ok_or_else(|| el.error(format!("<{}> has no {name} attribute", el.name)))?;
    let number = value.bytes().all(|b| b.is_ascii_digit()) && !value.starts_with('0');
    match value.parse::<u32>() {
        Ok(id) if number => Ok(id),
        _ => Err(el.error(format!(
            "<{}> {name}=\"{value}\" is not a tolkar placeholder number",
            el.name
        ))),
    }
}

/// An error for an inline element the format does not allow.
pub fn unknown_inline(el: &Element) -> ReadError {
    el.error(format!("unknown inline element <{}>", el.name))
}

/// Checks `text` with `tests/tools/validate-xliff.sh`, if xmllint is
/// installed.
#[cfg(test)]
pub fn assert_valid(text: &str) {
    use std::process::Command;
    if Command::new("xmllint").arg("--version").output().is_err() {
        eprintln!("xmllint is not installed: XLIFF not validated");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("export.xlf");
    std::fs::write(&file, text).unwrap();
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/tools/validate-xliff.sh");
    let output = Command::new("sh").arg(script).arg(&file).output().unwrap();
    assert!(
        output.status.success(),
        "{}\n{text}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_text_and_attributes() {
        assert_eq!(
            text("a < b & c > d\r\n\u{1}"),
            "a &lt; b &amp; c &gt; d&#13;\n\u{FFFD}"
        );
        assert_eq!(attr("\"x\"\n\ty<&"), "&quot;x&quot;&#10;&#9;y&lt;&amp;");
    }

    #[test]
    fn parses_namespaces_entities_and_positions() {
        let doc = "\u{feff}<?xml version=\"1.0\"?>\n<a xmlns=\"urn:a\" xmlns:b=\"urn:b\" x=\"1&amp;&#10;2\">\n  <b:c xml:space=\"preserve\">&lt;&#x263A;<![CDATA[<&>]]></b:c>\n</a>";
        let root = parse(doc).unwrap();
        assert!(root.is("urn:a", "a"));
        assert_eq!(root.attr("x"), Some("1&\n2"));
        let c = root.elements().next().unwrap();
        assert!(c.is("urn:b", "c"));
        assert_eq!((c.line, c.column), (3, 3));
        assert_eq!(c.children, [Node::Text("<\u{263A}<&>".into())]);
    }

    #[test]
    fn refuses_what_is_not_plain_xml() {
        let refused = |doc: &str| parse(doc).unwrap_err();
        assert!(refused("<!DOCTYPE a><a/>").message.contains("DOCTYPE"));
        assert!(refused("<a>&nbsp;</a>").message.contains("&nbsp;"));
        assert!(refused("<a x='&foo;'/>").message.contains("foo"));
        assert!(
            refused("<a>&#0;</a>")
                .message
                .contains("character reference")
        );
        assert!(refused("<a/><b/>").message.contains("second root"));
        assert!(refused("<a/>x").message.contains("outside"));
        assert!(refused("<a/></a>").message.contains("malformed"));
        assert!(refused("<a></b>").message.contains("malformed"));
        assert!(refused("").message.contains("no root"));
        assert!(refused("<x:a/>").message.contains("prefix"));
        assert_eq!(refused("<a>\n<b>\n</a>").line, 3);
        let deep = "<a>".repeat(MAX_DEPTH + 1);
        assert!(refused(&deep).message.contains("nested"));
        let truncated = refused("<a>\n  <b>text");
        assert_eq!(truncated.line, 2);
        assert!(truncated.message.contains("<b>"), "{}", truncated.message);
    }

    #[test]
    fn positions_count_incrementally() {
        let text = "\u{feff}<a>\n  <b>åäö</b><c/>\r\n\n\u{263A}x<d>\n";
        let mut position = Position::new(text);
        for offset in (0..=text.len()).filter(|&o| text.is_char_boundary(o)) {
            let expected = ReadError::at(text, offset, "");
            assert_eq!(
                position.at(offset),
                (expected.line, expected.column),
                "offset {offset}"
            );
        }
        // Offsets only grow: an earlier one is taken as the last one.
        assert_eq!(position.at(0), position.at(text.len()));
    }

    #[test]
    fn one_long_line_reads_in_linear_time() {
        // Each start tag used to recount its column from the start of the
        // line: minutes for this file in a debug build.
        const UNITS: usize = 3000;
        let mut doc = String::from("<xliff><file original=\"a.md\">");
        for n in 1..=UNITS {
            doc.push_str(&format!(
                "<unit id=\"u{n}\" name=\"body:p[{n}]\"><notes><note category=\"location\">a.md:{n}</note></notes>\
                 <segment state=\"translated\"><source>Läs <pc id=\"1\">mer</pc> om jobbet här, nummer {n}.</source>\
                 <target>Read <pc id=\"1\">more</pc> about the job here, number {n}.</target></segment></unit>"
            ));
        }
        doc.push_str("</file></xliff>");
        assert!(!doc.contains('\n'));
        let root = parse(&doc).unwrap();
        let units: Vec<&Element> = root.elements().next().unwrap().elements().collect();
        assert_eq!(units.len(), UNITS);
        let last = units[UNITS - 1];
        assert_eq!(last.attr("name"), Some(format!("body:p[{UNITS}]").as_str()));
        let offset = doc.rfind("<unit ").unwrap();
        assert_eq!(
            (last.line, last.column),
            (1, doc[..offset].chars().count() + 1)
        );
        let target = last
            .child("", "segment")
            .unwrap()
            .child("", "target")
            .unwrap();
        let offset = doc.rfind("<target>").unwrap();
        assert_eq!(target.column, doc[..offset].chars().count() + 1);
    }

    struct Brackets;

    impl Codes for Brackets {
        fn open(&self, out: &mut String, id: u32) {
            out.push_str(&format!("[{id}"));
        }
        fn close(&self, out: &mut String, id: u32) {
            out.push_str(&format!("{id}]"));
        }
        fn standalone(&self, out: &mut String, id: u32) {
            out.push_str(&format!("[{id}]"));
        }
    }

    #[test]
    fn unpaired_tags_stay_text() {
        let mut out = String::new();
        inline(&mut out, "<1>a<2>b</1></2><3/> </4> & <5>", &Brackets);
        assert_eq!(
            out,
            "&lt;1&gt;a[2b&lt;/1&gt;2][3] &lt;/4&gt; &amp; &lt;5&gt;"
        );
    }
}
