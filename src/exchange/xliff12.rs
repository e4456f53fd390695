//! XLIFF 1.2 (strict schema), for tools that do not read XLIFF 2: one
//! `<file>` per posting, one `<trans-unit>` per segment.
//!
//! 1.2 has no place for both halves of paired markup, so `<x>` carries
//! its markup in `equiv-text` and a note lists every placeholder's markup
//! for the translator. Suggestions and, for a stale unit, the previous
//! version are `<alt-trans>`. Our states map onto 1.2's `state` with a
//! `state-qualifier` where 1.2 has none of its own.

use std::fmt::Write as _;
use std::io::BufRead;

use similar::TextDiff;

use super::stream::{Languages, Unread};
use super::xml::{self, Code, Codes, Element};
use super::{ExportUnit, ImportFile, ImportUnit, Markup, ReadError, State, id};

const NS: &str = "urn:oasis:names:tc:xliff:document:1.2";

/// The XML declaration and the opening `<xliff>`.
pub(super) fn head(out: &mut String) {
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(out, "<xliff version=\"1.2\" xmlns=\"{NS}\">");
}

/// Opens the `<file>` and `<body>` of one document.
pub(super) fn open_document(out: &mut String, path: &str, source_lang: &str, target_lang: &str) {
    let _ = writeln!(
        out,
        "  <file original=\"{}\" source-language=\"{}\" target-language=\"{}\" datatype=\"x-markdown\">",
        xml::attr(path),
        xml::attr(source_lang),
        xml::attr(target_lang)
    );
    out.push_str("    <body>\n");
}

pub(super) fn close_document(out: &mut String) {
    out.push_str("    </body>\n  </file>\n");
}

pub(super) fn tail(out: &mut String) {
    out.push_str("</xliff>\n");
}

pub(super) fn write_unit(out: &mut String, unit: &ExportUnit) {
    let key = xml::attr(&unit.key);
    let approved = match unit.state {
        State::Reviewed => " approved=\"yes\"",
        _ => "",
    };
    let _ = writeln!(
        out,
        "      <trans-unit id=\"{key}\" resname=\"{key}\"{approved} xml:space=\"preserve\">"
    );
    // The schema wants source and target first, the rest in any order.
    let codes = Equiv(&unit.markup);
    write_text(out, "        ", "source", "", &unit.source, &codes);
    let state = match unit.state {
        State::Missing => None,
        State::Stale => Some(" state=\"needs-review-translation\" state-qualifier=\"x-stale\""),
        State::Machine => {
            Some(" state=\"needs-review-translation\" state-qualifier=\"mt-suggestion\"")
        }
        State::Draft => Some(" state=\"needs-review-translation\""),
        State::Translated => Some(" state=\"translated\""),
        State::Reviewed => Some(" state=\"signed-off\""),
    };
    if let (Some(target), Some(state)) = (unit.target.as_deref(), state) {
        write_text(out, "        ", "target", state, target, &codes);
    }
    out.push_str("        <context-group purpose=\"location\">\n");
    let _ = writeln!(
        out,
        "          <context context-type=\"sourcefile\">{}</context>",
        xml::text(&unit.path)
    );
    let _ = writeln!(
        out,
        "          <context context-type=\"linenumber\">{}</context>",
        unit.line
    );
    out.push_str("        </context-group>\n");
    write_note(out, &format!("Kind: {}", unit.kind));
    let previous = unit
        .previous_source
        .as_deref()
        .filter(|_| unit.state == State::Stale);
    if let Some(previous) = previous {
        write_note(out, &format!("Previous source: {previous}"));
    }
    if !unit.markup.is_empty() {
        write_note(out, &format!("Placeholders: {}", describe(&unit.markup)));
    }
    if let Some(origin) = &unit.origin {
        write_note(out, &format!("Translation from: {origin}"));
    }
    if let (Some(source), Some(target)) = (previous, unit.target.as_deref()) {
        let similarity = TextDiff::from_chars(source, unit.source.as_str()).ratio() * 100.0;
        let origin = unit.id();
        let alt = Alt {
            kind: "previous-version",
            quality: f64::from(similarity),
            origin: &origin,
        };
        write_alt_trans(out, &alt, source, target);
    }
    for suggestion in &unit.suggestions {
        let alt = Alt {
            kind: "proposal",
            quality: suggestion.score,
            origin: &suggestion.origin,
        };
        write_alt_trans(out, &alt, &suggestion.source, &suggestion.target);
    }
    out.push_str("      </trans-unit>\n");
}

/// `<source>` or `<target>` on a line of its own; `attrs` starts with a
/// space.
fn write_text(out: &mut String, indent: &str, name: &str, attrs: &str, text: &str, codes: &Equiv) {
    let _ = write!(out, "{indent}<{name}{attrs}>");
    xml::inline(out, text, codes);
    let _ = writeln!(out, "</{name}>");
}

fn write_note(out: &mut String, text: &str) {
    let _ = writeln!(
        out,
        "        <note from=\"tolkar\">{}</note>",
        xml::text(text)
    );
}

/// The markup of each placeholder, for a note: `<1>…</1> = [ … ](url)`.
fn describe(markup: &[Markup]) -> String {
    let parts: Vec<String> = markup
        .iter()
        .map(|m| match &m.close {
            Some(close) => format!("<{0}>…</{0}> = {1} … {close}", m.id, m.open),
            None => format!("<{}/> = {}", m.id, m.open),
        })
        .collect();
    parts.join("; ")
}

/// What an `<alt-trans>` is: its type, match quality (0 to 100) and
/// origin.
struct Alt<'a> {
    kind: &'a str,
    quality: f64,
    origin: &'a str,
}

fn write_alt_trans(out: &mut String, alt: &Alt, source: &str, target: &str) {
    let quality = if alt.quality.is_nan() {
        0.0
    } else {
        alt.quality.clamp(0.0, 100.0).round()
    };
    let _ = writeln!(
        out,
        "        <alt-trans alttranstype=\"{}\" match-quality=\"{quality}\" origin=\"{}\" xml:space=\"preserve\">",
        alt.kind,
        xml::attr(alt.origin)
    );
    // A match's placeholders may come from another segment: no markup.
    write_text(out, "          ", "source", "", source, &Equiv(&[]));
    write_text(out, "          ", "target", "", target, &Equiv(&[]));
    out.push_str("        </alt-trans>\n");
}

/// Inline codes with the markup of standalone ones as `equiv-text`.
struct Equiv<'a>(&'a [Markup]);

impl Codes for Equiv<'_> {
    fn open(&self, out: &mut String, id: u32) {
        let _ = write!(out, "<g id=\"{id}\">");
    }

    fn close(&self, out: &mut String, _id: u32) {
        out.push_str("</g>");
    }

    fn standalone(&self, out: &mut String, id: u32) {
        let _ = write!(out, "<x id=\"{id}\"");
        if let Some(m) = self.0.iter().find(|m| m.id == id && !m.open.is_empty()) {
            let _ = write!(out, " equiv-text=\"{}\"", xml::attr(&m.open));
        }
        out.push_str("/>");
    }
}

/// Reads an XLIFF 1.2 document.
pub fn read(text: &str) -> Result<ImportFile, ReadError> {
    let root = xml::parse_xliff(text, NS, "1.2")?;
    let mut file = ImportFile::default();
    for f in root.elements().filter(|el| el.is(NS, "file")) {
        let path = f
            .attr("original")
            .ok_or_else(|| f.error("<file> has no original attribute, the posting's path"))?;
        file.source_lang = file
            .source_lang
            .or_else(|| f.attr("source-language").map(Into::into));
        file.target_lang = file
            .target_lang
            .or_else(|| f.attr("target-language").map(Into::into));
        if let Some(body) = f.child(NS, "body") {
            for unit in body.grouped(NS, "trans-unit") {
                file.units.push(read_unit(unit, path)?);
            }
        }
    }
    Ok(file)
}

/// Reads `input` unit by unit, as [`read`] reads a text (see
/// `super::stream`): each `<trans-unit>` that `read` would read leaves
/// the tree as soon as it ends.
pub(super) fn read_each(
    input: &mut dyn BufRead,
    each: &mut dyn FnMut(ImportUnit),
) -> Result<Languages, Unread> {
    let mut languages = Languages::default();
    let xliff = xml::XliffUnits {
        ns: NS,
        is_unit: read_here,
        read_unit,
    };
    let mut file = |el: &Element| {
        languages.source = languages
            .source
            .take()
            .or_else(|| el.attr("source-language").map(Into::into));
        languages.target = languages
            .target
            .take()
            .or_else(|| el.attr("target-language").map(Into::into));
    };
    xml::each_xliff_unit(input, &xliff, &mut file, each)?;
    Ok(languages)
}

/// Whether [`read`] reads `el`, within `open`: a `<trans-unit>` of the
/// first `<body>` of a `<file>` of the `<xliff>` root, in groups or not.
fn read_here(open: &[Element], el: &Element) -> bool {
    el.is(NS, "trans-unit")
        && open.len() >= 3
        && open[0].is(NS, "xliff")
        && open[1].is(NS, "file")
        && open[2].is(NS, "body")
        && !open[1].elements().any(|b| b.is(NS, "body"))
        && open[3..].iter().all(|g| g.is(NS, "group"))
}

fn read_unit(unit: &Element, path: &str) -> Result<ImportUnit, ReadError> {
    let key = unit
        .attr("resname")
        .or(unit.attr("id"))
        .ok_or_else(|| unit.error("<trans-unit> has no id"))?;
    let source = unit
        .child(NS, "source")
        .ok_or_else(|| unit.error("<trans-unit> has no <source>"))?;
    let target_el = unit.child(NS, "target");
    let target = target_el.map(inline).transpose()?.filter(|t| !t.is_empty());
    let state = match (target_el, &target) {
        (Some(el), Some(_)) => read_state(el, unit.attr("approved") == Some("yes")),
        _ => State::Missing,
    };
    Ok(ImportUnit {
        id: id::join(path, key),
        source: Some(inline(source)?),
        target,
        state: Some(state),
        line: unit.line,
    })
}

/// The state of a target with text. `approved` only raises a translated
/// one: a tool may approve without touching `state`.
fn read_state(target: &Element, approved: bool) -> State {
    let qualifier = target.attr("state-qualifier");
    match target.attr("state") {
        Some("needs-review-translation") if qualifier == Some("x-stale") => State::Stale,
        Some("needs-review-translation")
            if matches!(qualifier, Some("mt-suggestion" | "leveraged-mt")) =>
        {
            State::Machine
        }
        Some("final" | "signed-off") => State::Reviewed,
        None | Some("translated") if approved => State::Reviewed,
        None | Some("translated") => State::Translated,
        // new, needs-*, and extensions: the text is there but not done.
        Some(_) => State::Draft,
    }
}

/// The state `read` gives a unit written in `state`: all six survive.
pub fn read_back(state: State) -> State {
    state
}

/// Source or target content in our notation.
fn inline(el: &Element) -> Result<String, ReadError> {
    // Begin codes by `rid`, so an end code can name its partner that way.
    let mut begins: Vec<(String, u32)> = Vec::new();
    xml::inline_text(el, &mut |code| {
        if code.ns != NS {
            return Err(xml::unknown_inline(code));
        }
        let mut begin = |code: &Element| {
            let id = xml::code_id(code, "id")?;
            if let Some(rid) = code.attr("rid") {
                begins.push((rid.to_string(), id));
            }
            Ok::<_, ReadError>(Code::Open(id))
        };
        Ok(match code.name.as_str() {
            "g" => Code::Paired(xml::code_id(code, "id")?),
            "x" | "ph" => Code::Standalone(xml::code_id(code, "id")?),
            "bx" | "bpt" => begin(code)?,
            "ex" | "ept" => {
                let rid = code.attr("rid");
                match begins.iter().rev().find(|(r, _)| Some(r.as_str()) == rid) {
                    Some(&(_, id)) => Code::Close(id),
                    None => Code::Close(xml::code_id(code, "id")?),
                }
            }
            "it" => match code.attr("pos") {
                Some("close") => Code::Close(xml::code_id(code, "id")?),
                _ => Code::Open(xml::code_id(code, "id")?),
            },
            "mrk" => Code::Content,
            _ => return Err(xml::unknown_inline(code)),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exchange::Export;

    fn write(export: &Export) -> String {
        crate::exchange::write(crate::exchange::Format::Xliff12, export)
    }
    use crate::exchange::{Format, sample};

    #[test]
    fn sample_reads_back_and_validates() {
        let (_, text, file) = sample::round_trip(Format::Xliff12);
        assert!(
            text.contains("<x id=\"2\" equiv-text=\"`ls -l`\"/>"),
            "{text}"
        );
        assert!(text.contains("alttranstype=\"previous-version\""));
        xml::assert_valid(&text);
        assert_eq!(
            file.units[1].line,
            sample::line_of(&text, "id=\"body:p[1]\"")
        );
    }

    #[test]
    fn odd_text_survives() {
        let mut export = sample::export();
        export.units.truncate(1);
        let unit = &mut export.units[0];
        unit.state = State::Machine;
        unit.source = "a\r\n <3> </1> <1>b</1>\t]]> &amp;".into();
        unit.target = Some("<1>x</1> <2/> ' \"".into());
        unit.markup = vec![Markup {
            id: 2,
            open: "\"\n".into(),
            close: None,
        }];
        let text = write(&export);
        xml::assert_valid(&text);
        sample::assert_reads_back(Format::Xliff12, &export, &text);
    }

    fn doc(units: &str) -> String {
        format!(
            "<?xml version=\"1.0\"?>\n<xliff version=\"1.2\" xmlns=\"{NS}\">\n\
             <file original=\"content/a.md\" source-language=\"sv\" target-language=\"en\" datatype=\"plaintext\"><body>\n\
             {units}\n</body></file>\n</xliff>\n"
        )
    }

    #[test]
    fn reads_what_tools_write() {
        let text = doc("<group><trans-unit id=\"7\" resname=\"body:p[1]\">\n\
             <source>Läs <g id=\"1\">mer</g> <x id=\"2\"/>.</source>\
             <target state=\"needs-review-translation\" state-qualifier=\"leveraged-mt\"><mrk mtype=\"seg\" mid=\"1\"><ph id=\"2\">`x`</ph> \
             <bx id=\"1\" rid=\"r\"/>more<ex id=\"9\" rid=\"r\"/> <bpt id=\"3\">**</bpt>b<ept id=\"3\">**</ept></mrk></target>\
             <alt-trans><source>fel</source><target>wrong</target></alt-trans></trans-unit></group>\n\
             <trans-unit id=\"fm:title\"><source>a</source><target state=\"new\">b</target></trans-unit>\n\
             <trans-unit id=\"fm:x\" approved=\"yes\"><source>a</source><target>b</target></trans-unit>\n\
             <trans-unit id=\"fm:y\"><source>a</source><target state=\"final\"/></trans-unit>");
        let file = read(&text).unwrap();
        let unit = &file.units[0];
        assert_eq!(unit.id, "content/a.md#body:p[1]");
        assert_eq!(unit.source.as_deref(), Some("Läs <1>mer</1> <2/>."));
        assert_eq!(unit.target.as_deref(), Some("<2/> <1>more</1> <3>b</3>"));
        assert_eq!(unit.state, Some(State::Machine));
        assert_eq!(unit.line, 4);
        let rest: Vec<_> = file.units[1..]
            .iter()
            .map(|u| (u.id.as_str(), u.state.unwrap()))
            .collect();
        assert_eq!(
            rest,
            [
                ("content/a.md#fm:title", State::Draft),
                ("content/a.md#fm:x", State::Reviewed),
                ("content/a.md#fm:y", State::Missing)
            ]
        );
    }

    #[test]
    fn refuses_unsafe_and_broken_files() {
        let laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]>\n\
                      <xliff xmlns=\"urn:oasis:names:tc:xliff:document:1.2\" version=\"1.2\">&lol2;</xliff>";
        let e = read(laughs).unwrap_err();
        assert!(e.message.contains("DOCTYPE"), "{e}");

        let text = write(&sample::export());
        let cut = &text[..text.len() * 2 / 3];
        let e = read(cut).unwrap_err();
        assert_eq!(e.line, cut.lines().count(), "{e}");

        let unknown = doc("<trans-unit id=\"u\"><source>a <b>b</b></source></trans-unit>");
        let e = read(&unknown).unwrap_err();
        assert!(e.message.contains("<b>"), "{e}");
        assert_eq!(e.line, 4);

        let renumbered = doc("<trans-unit id=\"u\"><source><x id=\"x1\"/></source></trans-unit>");
        assert!(read(&renumbered).unwrap_err().message.contains("\"x1\""));
        let v2 = "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\"/>";
        assert!(read(v2).unwrap_err().message.contains("not an XLIFF 1.2"));
    }
}
