//! XLIFF 2.0 core with the translation-candidates (matches) module: one
//! `<file>` per posting, one `<unit>` of one `<segment>` per segment.
//!
//! The placeholders' markup goes in `<originalData>`, so CAT tools can
//! show it; suggestions and, for a stale unit, the previous version go in
//! `<mtc:matches>`. Our states beyond the four of XLIFF keep a `tolkar:`
//! `subState`, honoured on import only while it agrees with `state`, so a
//! tool that changes the state without knowing ours wins. All three
//! (stale, draft, machine) are `initial`: a tool that drops the subState
//! leaves them needing work, never done.

use std::fmt::Write as _;
use std::io::BufRead;

use similar::TextDiff;

use super::stream::{Languages, Unread};
use super::xml::{self, Code, Codes, Element};
use super::{ExportUnit, ImportFile, ImportUnit, Markup, ReadError, State, id};

const NS: &str = "urn:oasis:names:tc:xliff:document:2.0";
const MTC: &str = "urn:oasis:names:tc:xliff:matches:2.0";

/// The XML declaration and the opening `<xliff>`.
pub(super) fn head(out: &mut String, source_lang: &str, target_lang: &str) {
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<xliff xmlns=\"{NS}\" xmlns:mtc=\"{MTC}\" version=\"2.0\" srcLang=\"{}\" trgLang=\"{}\">",
        xml::attr(source_lang),
        xml::attr(target_lang)
    );
}

/// Opens the `<file>` of one document, the `number`th (from 1).
pub(super) fn open_document(out: &mut String, number: usize, path: &str) {
    let _ = writeln!(
        out,
        "  <file id=\"f{number}\" original=\"{}\">",
        xml::attr(path)
    );
}

pub(super) fn close_document(out: &mut String) {
    out.push_str("  </file>\n");
}

pub(super) fn tail(out: &mut String) {
    out.push_str("</xliff>\n");
}

pub(super) fn write_unit(out: &mut String, unit: &ExportUnit) {
    let _ = writeln!(
        out,
        "    <unit id=\"{}\" name=\"{}\" xml:space=\"preserve\">",
        xml::attr(&id::to_nmtoken(&unit.key)),
        xml::attr(&unit.key)
    );
    // The schema wants module elements first, then notes, then data.
    let previous_source = unit
        .previous_source
        .as_deref()
        .filter(|_| unit.state == State::Stale);
    write_matches(out, unit, previous_source.zip(unit.target.as_deref()));
    write_notes(out, unit, previous_source);
    write_original_data(out, &unit.markup);
    let (state, sub_state) = match unit.state {
        State::Missing => ("initial", None),
        State::Stale => ("initial", Some("tolkar:stale")),
        State::Draft => ("initial", Some("tolkar:draft")),
        // Not `translated`: a tool that drops the subState must not turn
        // unreviewed machine text into a finished translation.
        State::Machine => ("initial", Some("tolkar:machine")),
        State::Translated => ("translated", None),
        State::Reviewed => ("reviewed", None),
    };
    let _ = write!(out, "      <segment id=\"s1\" state=\"{state}\"");
    if let Some(sub_state) = sub_state {
        let _ = write!(out, " subState=\"{sub_state}\"");
    }
    out.push_str(">\n");
    let codes = Refs(&unit.markup);
    write_text(out, "        ", "source", &unit.source, &codes);
    if let Some(target) = unit
        .target
        .as_deref()
        .filter(|_| unit.state != State::Missing)
    {
        write_text(out, "        ", "target", target, &codes);
    }
    out.push_str("      </segment>\n    </unit>\n");
}

/// The previous version of a stale unit (its old source and target), then
/// the suggestions.
fn write_matches(out: &mut String, unit: &ExportUnit, previous: Option<(&str, &str)>) {
    if previous.is_none() && unit.suggestions.is_empty() {
        return;
    }
    out.push_str("      <mtc:matches>\n");
    if let Some((source, target)) = previous {
        let similarity = TextDiff::from_chars(source, unit.source.as_str()).ratio() * 100.0;
        let _ = writeln!(
            out,
            "        <mtc:match ref=\"#s1\" type=\"other\" subType=\"tolkar:previous-version\" similarity=\"{}\" origin=\"{}\">",
            percent(f64::from(similarity)),
            xml::attr(&unit.id())
        );
        write_candidate(out, source, target);
    }
    for suggestion in &unit.suggestions {
        let score = percent(suggestion.score);
        let _ = writeln!(
            out,
            "        <mtc:match ref=\"#s1\" type=\"tm\" matchQuality=\"{score}\" similarity=\"{score}\" origin=\"{}\">",
            xml::attr(&suggestion.origin)
        );
        write_candidate(out, &suggestion.source, &suggestion.target);
    }
    out.push_str("      </mtc:matches>\n");
}

fn write_notes(out: &mut String, unit: &ExportUnit, previous_source: Option<&str>) {
    out.push_str("      <notes>\n");
    let _ = writeln!(
        out,
        "        <note category=\"location\">{}:{}</note>",
        xml::text(&unit.path),
        unit.line
    );
    let _ = writeln!(
        out,
        "        <note category=\"kind\">{}</note>",
        xml::text(&unit.kind)
    );
    if let Some(previous) = previous_source {
        let _ = writeln!(
            out,
            "        <note category=\"previous-source\" appliesTo=\"source\">{}</note>",
            xml::text(previous)
        );
    }
    if let Some(origin) = &unit.origin {
        let _ = writeln!(
            out,
            "        <note category=\"origin\" appliesTo=\"target\">{}</note>",
            xml::text(origin)
        );
    }
    out.push_str("      </notes>\n");
}

/// A score as the schema's decimal between 0 and 100.
fn percent(score: f64) -> String {
    let score = if score.is_nan() {
        0.0
    } else {
        score.clamp(0.0, 100.0)
    };
    format!("{score:.2}")
}

/// Source and target of a match. Its placeholders may come from another
/// segment, so they refer to no data.
fn write_candidate(out: &mut String, source: &str, target: &str) {
    write_text(out, "          ", "source", source, &Refs(&[]));
    write_text(out, "          ", "target", target, &Refs(&[]));
    out.push_str("        </mtc:match>\n");
}

/// `<source>` or `<target>` on a line of its own.
fn write_text(out: &mut String, indent: &str, name: &str, text: &str, codes: &Refs) {
    let _ = write!(out, "{indent}<{name}>");
    xml::inline(out, text, codes);
    let _ = writeln!(out, "</{name}>");
}

/// Data ids: `d1` for the opening (or only) markup of placeholder 1,
/// `d1-end` for its closing markup.
fn data_id(id: u32, end: bool) -> String {
    if end {
        format!("d{id}-end")
    } else {
        format!("d{id}")
    }
}

fn write_original_data(out: &mut String, markup: &[Markup]) {
    let mut data = Vec::new();
    for m in markup {
        if !m.open.is_empty() {
            data.push((data_id(m.id, false), m.open.as_str()));
        }
        if let Some(close) = m.close.as_deref().filter(|c| !c.is_empty()) {
            data.push((data_id(m.id, true), close));
        }
    }
    if data.is_empty() {
        return;
    }
    out.push_str("      <originalData>\n");
    for (id, content) in data {
        let _ = write!(out, "        <data id=\"{id}\">");
        xml::escape(out, content, &Refs(&[]));
        out.push_str("</data>\n");
    }
    out.push_str("      </originalData>\n");
}

/// Inline codes referring to the unit's original data.
struct Refs<'a>(&'a [Markup]);

impl Refs<'_> {
    fn find(&self, id: u32) -> Option<&Markup> {
        self.0.iter().find(|m| m.id == id)
    }
}

impl Codes for Refs<'_> {
    fn open(&self, out: &mut String, id: u32) {
        let _ = write!(out, "<pc id=\"{id}\"");
        if let Some(m) = self.find(id) {
            if !m.open.is_empty() {
                let _ = write!(out, " dataRefStart=\"{}\"", data_id(id, false));
            }
            if m.close.as_deref().is_some_and(|c| !c.is_empty()) {
                let _ = write!(out, " dataRefEnd=\"{}\"", data_id(id, true));
            }
        }
        out.push('>');
    }

    fn close(&self, out: &mut String, _id: u32) {
        out.push_str("</pc>");
    }

    fn standalone(&self, out: &mut String, id: u32) {
        let _ = write!(out, "<ph id=\"{id}\"");
        if self.find(id).is_some_and(|m| !m.open.is_empty()) {
            let _ = write!(out, " dataRef=\"{}\"", data_id(id, false));
        }
        out.push_str("/>");
    }

    /// XLIFF 2 writes characters XML cannot hold as code points.
    fn other_char(&self, out: &mut String, ch: char) {
        let _ = write!(out, "<cp hex=\"{:04X}\"/>", u32::from(ch));
    }
}

/// Reads an XLIFF 2 document.
pub fn read(text: &str) -> Result<ImportFile, ReadError> {
    let root = xml::parse_xliff(text, NS, "2")?;
    if !root.attr("version").is_some_and(|v| v.starts_with("2.")) {
        return Err(root.error("not an XLIFF 2 document: version is not 2.x"));
    }
    let mut file = ImportFile {
        source_lang: root.attr("srcLang").map(Into::into),
        target_lang: root.attr("trgLang").map(Into::into),
        units: Vec::new(),
    };
    for f in root.elements().filter(|el| el.is(NS, "file")) {
        let path = f
            .attr("original")
            .ok_or_else(|| f.error("<file> has no original attribute, the posting's path"))?;
        for unit in f.grouped(NS, "unit") {
            file.units.push(read_unit(unit, path)?);
        }
    }
    Ok(file)
}

/// Reads `input` unit by unit, as [`read`] reads a text (see
/// `super::stream`): each `<unit>` that `read` would read leaves the tree
/// as soon as it ends.
pub(super) fn read_each(
    input: &mut dyn BufRead,
    each: &mut dyn FnMut(ImportUnit),
) -> Result<Languages, Unread> {
    let xliff = xml::XliffUnits {
        ns: NS,
        is_unit: read_here,
        read_unit,
    };
    let root = xml::each_xliff_unit(input, &xliff, &mut |_| {}, each)?;
    if !root.attr("version").is_some_and(|v| v.starts_with("2.")) {
        return Err(Unread::Invalid);
    }
    Ok(Languages {
        source: root.attr("srcLang").map(Into::into),
        target: root.attr("trgLang").map(Into::into),
    })
}

/// Whether [`read`] reads `el`, within `open`: a `<unit>` of a `<file>`
/// of the `<xliff>` root, in groups or not.
fn read_here(open: &[Element], el: &Element) -> bool {
    el.is(NS, "unit")
        && open.len() >= 2
        && open[0].is(NS, "xliff")
        && open[1].is(NS, "file")
        && open[2..].iter().all(|g| g.is(NS, "group"))
}

/// A unit; the sources and targets of several segments (a tool may split
/// ours) are joined in order.
fn read_unit(unit: &Element, path: &str) -> Result<ImportUnit, ReadError> {
    let key = match (unit.attr("name"), unit.attr("id")) {
        (Some(name), _) => name.to_string(),
        (None, Some(id)) => id::from_nmtoken(id).unwrap_or_else(|| id.to_string()),
        (None, None) => return Err(unit.error("<unit> has no id")),
    };
    let mut source = String::new();
    let mut target = Some(String::new());
    let mut state: Option<State> = None;
    for part in unit
        .elements()
        .filter(|el| el.is(NS, "segment") || el.is(NS, "ignorable"))
    {
        let part_source = part
            .child(NS, "source")
            .ok_or_else(|| part.error(format!("<{}> has no <source>", part.name)))?;
        let part_source = inline(part_source)?;
        let part_target = part.child(NS, "target").map(inline).transpose()?;
        if part.name == "segment" {
            let segment_state = read_state(part, part_target.as_deref())?;
            state = Some(state.map_or(segment_state, |s| s.min(segment_state)));
            // An untranslated segment leaves the whole unit untranslated.
            if segment_state == State::Missing {
                target = None;
            }
        }
        if let Some(target) = &mut target {
            target.push_str(part_target.as_deref().unwrap_or(&part_source));
        }
        source.push_str(&part_source);
    }
    if state.is_none() {
        return Err(unit.error("<unit> has no <segment>"));
    }
    Ok(ImportUnit {
        id: id::join(path, &key),
        source: Some(source),
        target: target.filter(|t| !t.is_empty()),
        state,
        line: unit.line,
    })
}

/// The state of a segment: a `tolkar:` subState where it agrees with
/// `state`, else what `state` says. Machine is `initial` +
/// `tolkar:machine`; `translated` + `tolkar:machine`, as tolkar wrote it
/// before, is still read as machine.
fn read_state(segment: &Element, target: Option<&str>) -> Result<State, ReadError> {
    if target.is_none_or(str::is_empty) {
        return Ok(State::Missing);
    }
    let sub_state = segment.attr("subState");
    Ok(
        match (segment.attr("state").unwrap_or("initial"), sub_state) {
            ("initial", Some("tolkar:stale")) => State::Stale,
            ("initial" | "translated", Some("tolkar:machine")) => State::Machine,
            ("initial", _) => State::Draft,
            ("translated", _) => State::Translated,
            ("reviewed" | "final", _) => State::Reviewed,
            (other, _) => return Err(segment.error(format!("unknown segment state \"{other}\""))),
        },
    )
}

/// The state `read` gives a unit written in `state`: all six survive.
pub fn read_back(state: State) -> State {
    state
}

/// Source or target content in our notation.
fn inline(el: &Element) -> Result<String, ReadError> {
    xml::inline_text(el, &mut |code| {
        if code.ns != NS {
            return Err(xml::unknown_inline(code));
        }
        Ok(match code.name.as_str() {
            "pc" => Code::Paired(xml::code_id(code, "id")?),
            "ph" => Code::Standalone(xml::code_id(code, "id")?),
            "sc" => Code::Open(xml::code_id(code, "id")?),
            "ec" if code.attr("startRef").is_some() => Code::Close(xml::code_id(code, "startRef")?),
            "ec" => Code::Close(xml::code_id(code, "id")?),
            "mrk" => Code::Content,
            "sm" | "em" => Code::Nothing,
            "cp" => {
                let hex = code.attr("hex").unwrap_or_default();
                let ch = u32::from_str_radix(hex, 16).ok().and_then(char::from_u32);
                Code::Char(
                    ch.ok_or_else(|| code.error(format!("<cp hex=\"{hex}\"> is no character")))?,
                )
            }
            _ => return Err(xml::unknown_inline(code)),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exchange::Export;

    fn write(export: &Export) -> String {
        crate::exchange::write(crate::exchange::Format::Xliff2, export)
    }
    use crate::exchange::{Format, sample};

    #[test]
    fn sample_reads_back_and_validates() {
        let (_, text, file) = sample::round_trip(Format::Xliff2);
        assert!(
            text.contains("<pc id=\"1\" dataRefStart=\"d1\" dataRefEnd=\"d1-end\">guiden</pc>"),
            "{text}"
        );
        assert!(
            text.contains("<data id=\"d1-end\">](https://example.com/?a=1&amp;b=&lt;2&gt;)</data>")
        );
        assert!(text.contains("subType=\"tolkar:previous-version\""));
        // Machine text is `initial`: a tool that drops the subState keeps
        // it unfinished.
        assert!(
            text.contains("<segment id=\"s1\" state=\"initial\" subState=\"tolkar:machine\">"),
            "{text}"
        );
        assert!(!text.contains("state=\"translated\" subState"), "{text}");
        xml::assert_valid(&text);
        assert_eq!(
            file.units[1].line,
            sample::line_of(&text, "name=\"body:p[1]\"")
        );
    }

    #[test]
    fn odd_text_survives() {
        let mut export = sample::export();
        export.units.truncate(1);
        let unit = &mut export.units[0];
        unit.state = State::Translated;
        unit.source = "a\r\n\u{c} <3> </1> <1>b</1>\t]]> &amp;".into();
        unit.target = Some("<1>x</1> <2/> ' \"".into());
        unit.markup = vec![Markup {
            id: 1,
            open: "\u{1}".into(),
            close: Some(String::new()),
        }];
        let text = write(&export);
        xml::assert_valid(&text);
        sample::assert_reads_back(Format::Xliff2, &export, &text);
    }

    fn doc(units: &str) -> String {
        format!(
            "<?xml version=\"1.0\"?>\n<xliff xmlns=\"{NS}\" version=\"2.0\" srcLang=\"sv\" trgLang=\"en\">\n\
             <file id=\"f1\" original=\"content/a.md\">\n{units}\n</file>\n</xliff>\n"
        )
    }

    #[test]
    fn reads_what_tools_write() {
        let text = doc("<group id=\"g\"><unit id=\"body:p_5B1_5D\">\n\
             <segment state=\"translated\" subState=\"tolkar:stale\"><source>Läs <pc id=\"1\">mer</pc> <ph id=\"2\"/>. </source>\
             <target><ph id=\"2\"/> <mrk id=\"m1\" type=\"term\">read</mrk> <sc id=\"1\"/>more<ec startRef=\"1\"/>. </target></segment>\
             <ignorable><source>\n</source></ignorable>\
             <segment state=\"final\"><source>Nu<cp hex=\"0009\"/></source><target>Now<sm id=\"x\"/>!<em startRef=\"x\"/></target></segment>\
             </unit></group>\n\
             <unit id=\"u2\" name=\"fm:title\"><segment><source>a</source><target></target></segment></unit>\n\
             <unit id=\"u3\" name=\"fm:x\"><segment state=\"reviewed\"><source>a</source><target>b</target></segment>\
             <segment><source>c</source></segment></unit>");
        let file = read(&text).unwrap();
        let unit = &file.units[0];
        assert_eq!(unit.id, "content/a.md#body:p[1]");
        assert_eq!(unit.source.as_deref(), Some("Läs <1>mer</1> <2/>. \nNu\t"));
        assert_eq!(
            unit.target.as_deref(),
            Some("<2/> read <1>more</1>. \nNow!")
        );
        // subState stale does not fit state translated.
        assert_eq!(unit.state, Some(State::Translated));
        assert_eq!(unit.line, 4);
        assert_eq!(
            (file.units[1].target.as_deref(), file.units[1].state),
            (None, Some(State::Missing))
        );
        assert_eq!(file.units[1].id, "content/a.md#fm:title");
        assert_eq!(
            (file.units[2].target.as_deref(), file.units[2].state),
            (None, Some(State::Missing))
        );
    }

    #[test]
    fn states_and_substates() {
        let segment = |state: &str, sub_state: &str| {
            let mut attrs = String::new();
            if !state.is_empty() {
                attrs.push_str(&format!(" state=\"{state}\""));
            }
            if !sub_state.is_empty() {
                attrs.push_str(&format!(" subState=\"{sub_state}\""));
            }
            let text = doc(&format!(
                "<unit id=\"u\" name=\"fm:x\"><segment{attrs}><source>a</source><target>b</target></segment></unit>"
            ));
            read(&text).unwrap().units[0].state.unwrap()
        };
        assert_eq!(segment("initial", "tolkar:machine"), State::Machine);
        assert_eq!(segment("", "tolkar:machine"), State::Machine);
        assert_eq!(segment("initial", "tolkar:stale"), State::Stale);
        assert_eq!(segment("initial", "tolkar:draft"), State::Draft);
        assert_eq!(segment("initial", "other:x"), State::Draft);
        // A tool that dropped the subState: still needs work.
        assert_eq!(segment("initial", ""), State::Draft);
        // How tolkar wrote machine text before: still machine.
        assert_eq!(segment("translated", "tolkar:machine"), State::Machine);
        assert_eq!(segment("translated", "tolkar:draft"), State::Translated);
        assert_eq!(segment("translated", ""), State::Translated);
        assert_eq!(segment("reviewed", "tolkar:machine"), State::Reviewed);
        assert_eq!(segment("final", ""), State::Reviewed);
        for state in State::ALL {
            assert_eq!(read_back(state), state);
        }
    }

    #[test]
    fn refuses_unsafe_and_broken_files() {
        let laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]>\n\
                      <xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"sv\">&lol2;</xliff>";
        let e = read(laughs).unwrap_err();
        assert!(e.message.contains("DOCTYPE"), "{e}");
        assert_eq!(e.line, 2);

        let text = write(&sample::export());
        let cut = &text[..text.len() / 2];
        let e = read(cut).unwrap_err();
        assert_eq!(e.line, cut.lines().count(), "{e}");

        // Cuts are refused, never a panic; only the final newline may go.
        for (end, _) in text
            .char_indices()
            .filter(|&(end, _)| end < text.len() - 1)
            .step_by(3)
        {
            assert!(read(&text[..end]).is_err(), "{}", &text[..end]);
        }

        let unknown = doc("<unit id=\"u\"><segment><source>a <b>b</b></source></segment></unit>");
        let e = read(&unknown).unwrap_err();
        assert!(e.message.contains("<b>"), "{e}");
        assert_eq!(e.line, 4);

        let renumbered =
            doc("<unit id=\"u\"><segment><source><ph id=\"ph1\"/></source></segment></unit>");
        assert!(read(&renumbered).unwrap_err().message.contains("\"ph1\""));
        let entity = doc("<unit id=\"u\"><segment><source>&nbsp;</source></segment></unit>");
        assert!(read(&entity).unwrap_err().message.contains("&nbsp;"));
        let v12 = "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:1.2\" version=\"1.2\"/>";
        assert!(read(v12).unwrap_err().message.contains("not an XLIFF 2"));
        assert!(read(&doc("").replace("original=\"content/a.md\"", "")).is_err());
    }
}
