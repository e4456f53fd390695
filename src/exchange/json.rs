//! JSON for scripts and web tools: a stable schema, version 1, written
//! pretty-printed (2-space indent, final newline). Every unit object has
//! every key, `null` where there is no value:
//!
//! ```json
//! {
//!   "tolkar": 1,
//!   "source_language": "sv",
//!   "target_language": "en",
//!   "units": [
//!     {
//!       "id": "content/sv/x.md#body:p[1]",
//!       "path": "content/sv/x.md",
//!       "key": "body:p[1]",
//!       "kind": "paragraph",
//!       "line": 7,
//!       "state": "translated",
//!       "source": "Läs <1>guiden</1> och kör <2/>",
//!       "target": "Read <1>the guide</1> and run <2/>",
//!       "previous_source": null,
//!       "origin": "import:nb.po",
//!       "placeholders": [
//!         { "id": 1, "open": "[", "close": "](https://example.com)" },
//!         { "id": 2, "markup": "`ls`" }
//!       ],
//!       "suggestions": [
//!         { "score": 80.0, "source": "…", "target": "…", "origin": "content/sv/y.md#body:p[2]" }
//!       ]
//!     }
//!   ]
//! }
//! ```
//!
//! The reader needs `tolkar` (1) and `units`; of a unit it needs `id` and
//! `target` (which may be `null`), takes `source` and `state` if present
//! and ignores everything else. The line of a unit is the line of its
//! opening `{`.

use std::cell::Cell;
use std::io::BufRead;

use serde::de::{DeserializeSeed, Error as _, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

use super::stream::{Languages, Newlines, Unread};
use super::{ExportUnit, ImportFile, ImportUnit, ReadError, State};

/// The schema version this module writes and reads.
pub const VERSION: u32 = 1;

#[derive(Serialize)]
struct Unit<'a> {
    id: String,
    path: &'a str,
    key: &'a str,
    kind: &'a str,
    line: usize,
    state: &'static str,
    source: &'a str,
    target: Option<&'a str>,
    previous_source: Option<&'a str>,
    /// Where the target came from: `import:FILE`, `mt:COMMAND`,
    /// `memory:PATH#KEY`.
    origin: Option<&'a str>,
    placeholders: Vec<Placeholder<'a>>,
    suggestions: Vec<Suggestion<'a>>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum Placeholder<'a> {
    Paired {
        id: u32,
        open: &'a str,
        close: &'a str,
    },
    Standalone {
        id: u32,
        markup: &'a str,
    },
}

#[derive(Serialize)]
struct Suggestion<'a> {
    score: f64,
    source: &'a str,
    target: &'a str,
    origin: &'a str,
}

/// The opening brace, the version, the languages and `"units": [`, as
/// `serde_json` pretty-prints them.
pub(super) fn head(out: &mut String, source_lang: &str, target_lang: &str) {
    let string = |s: &str| serde_json::to_string(s).expect("a string serializes");
    out.push_str(&format!(
        "{{\n  \"tolkar\": {VERSION},\n  \"source_language\": {},\n  \"target_language\": {},\n  \"units\": [",
        string(source_lang),
        string(target_lang)
    ));
}

/// One unit object, indented as an element of `units`; `first`: no comma
/// before it.
pub(super) fn unit(out: &mut String, u: &ExportUnit, first: bool) {
    let unit = Unit {
        id: u.id(),
        path: &u.path,
        key: &u.key,
        kind: &u.kind,
        line: u.line,
        state: u.state.as_str(),
        source: &u.source,
        target: u.target.as_deref(),
        previous_source: u.previous_source.as_deref(),
        origin: u.origin.as_deref(),
        placeholders: u
            .markup
            .iter()
            .map(|m| match &m.close {
                Some(close) => Placeholder::Paired {
                    id: m.id,
                    open: &m.open,
                    close,
                },
                None => Placeholder::Standalone {
                    id: m.id,
                    markup: &m.open,
                },
            })
            .collect(),
        suggestions: u
            .suggestions
            .iter()
            .map(|s| Suggestion {
                score: s.score,
                source: &s.source,
                target: &s.target,
                origin: &s.origin,
            })
            .collect(),
    };
    let text = serde_json::to_string_pretty(&unit).expect("strings and numbers serialize");
    out.push_str(if first { "\n" } else { ",\n" });
    // A JSON string holds no raw line break, so every line break is the
    // printer's, and each line moves in by the two levels it sits at.
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str("    ");
        out.push_str(line);
    }
}

/// The closing brackets; `empty`: no unit was written.
pub(super) fn tail(out: &mut String, empty: bool) {
    out.push_str(if empty { "]\n}\n" } else { "\n  ]\n}\n" });
}

/// Just the version, read first so that another version is reported as
/// such rather than as whatever its units lack.
#[derive(Deserialize)]
struct Version {
    tolkar: serde_json::Value,
}

#[derive(Deserialize)]
struct InDocument {
    source_language: Option<String>,
    target_language: Option<String>,
    units: Vec<InUnit>,
}

#[derive(Deserialize)]
struct InUnit {
    id: String,
    source: Option<String>,
    /// Required, but may be `null`.
    #[serde(deserialize_with = "nullable")]
    target: Option<String>,
    state: Option<String>,
}

fn nullable<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Option::deserialize(d)
}

pub fn read(text: &str) -> Result<ImportFile, ReadError> {
    // A byte order mark (Windows editors add one) is no JSON. Positions
    // are counted from after it, as editors show them: it is not on the
    // first line's columns.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let version: Version = serde_json::from_str(text).map_err(|e| json_error(text, &e))?;
    let outline = Outline::of(text);
    if version.tolkar.as_u64() != Some(VERSION.into()) {
        return Err(ReadError::at(
            text,
            outline.version.unwrap_or(0),
            format!(
                "this is version {} of tolkar's JSON format; this tolkar reads version {VERSION}",
                version.tolkar
            ),
        ));
    }
    let document: InDocument = serde_json::from_str(text).map_err(|e| json_error(text, &e))?;
    let mut units = Vec::with_capacity(document.units.len());
    let mut lines = LineCursor::default();
    for (i, unit) in document.units.into_iter().enumerate() {
        let at = outline.units.get(i).copied().unwrap_or_default();
        if unit.id.trim().is_empty() {
            return Err(ReadError::at(
                text,
                at.id.unwrap_or(at.start),
                "the id is empty",
            ));
        }
        let state = match unit.state.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(name) => Some(name.parse::<State>().map_err(|bad| {
                ReadError::at(
                    text,
                    at.state.unwrap_or(at.start),
                    format!(
                        "unknown state \"{bad}\"; states are {}",
                        State::ALL.map(State::as_str).join(", ")
                    ),
                )
            })?),
        };
        units.push(ImportUnit {
            id: unit.id.trim().to_string(),
            source: unit.source,
            target: unit.target,
            state,
            line: lines.line_of(text, at.start),
        });
    }
    Ok(ImportFile {
        source_lang: document.source_language,
        target_lang: document.target_language,
        units,
    })
}

/// Reads `input` unit by unit, as [`read`] reads a text (see
/// `super::stream`): serde_json parses from the reader, and a unit's line
/// is the newlines read before its `{`, which serde_json has just taken.
pub(super) fn read_each(
    input: &mut dyn BufRead,
    each: &mut dyn FnMut(ImportUnit),
) -> Result<Languages, Unread> {
    super::stream::skip_bom(input)?;
    let newlines = Cell::new(0);
    let mut de = serde_json::Deserializer::from_reader(Newlines::new(input, &newlines));
    let document = Streamed {
        each,
        newlines: &newlines,
    };
    let languages = de
        .deserialize_map(document)
        .and_then(|languages| de.end().map(|()| languages));
    languages.map_err(|e| match e.io_error_kind() {
        Some(_) => Unread::Io(e.into()),
        None => Unread::Invalid,
    })
}

/// The document, its units handed on as they are read.
struct Streamed<'a> {
    each: &'a mut dyn FnMut(ImportUnit),
    newlines: &'a Cell<usize>,
}

impl<'de> Visitor<'de> for Streamed<'_> {
    type Value = Languages;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a tolkar JSON document")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Languages, A::Error> {
        let mut version: Option<serde_json::Value> = None;
        let mut source: Option<Option<String>> = None;
        let mut target: Option<Option<String>> = None;
        let mut units = false;
        // A key twice is an error, as the derived readers say.
        let twice = || A::Error::custom("a key twice");
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "tolkar" if version.is_none() => version = Some(map.next_value()?),
                "source_language" if source.is_none() => source = Some(map.next_value()?),
                "target_language" if target.is_none() => target = Some(map.next_value()?),
                "units" if !units => {
                    map.next_value_seed(StreamedUnits {
                        each: self.each,
                        newlines: self.newlines,
                    })?;
                    units = true;
                }
                "tolkar" | "source_language" | "target_language" | "units" => {
                    return Err(twice());
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        let version = version.and_then(|v| v.as_u64());
        if version != Some(VERSION.into()) || !units {
            return Err(A::Error::custom("not a tolkar document of this version"));
        }
        Ok(Languages {
            source: source.flatten(),
            target: target.flatten(),
        })
    }
}

struct StreamedUnits<'a> {
    each: &'a mut dyn FnMut(ImportUnit),
    newlines: &'a Cell<usize>,
}

impl<'de> DeserializeSeed<'de> for StreamedUnits<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for StreamedUnits<'_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("units")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        loop {
            // The `{` of the unit is read: its line is the newlines
            // before it, plus one.
            let seed = StreamedUnit {
                line: &|| self.newlines.get() + 1,
            };
            match seq.next_element_seed(seed)? {
                Some(unit) => (self.each)(unit),
                None => return Ok(()),
            }
        }
    }
}

struct StreamedUnit<'a> {
    line: &'a dyn Fn() -> usize,
}

impl<'de> DeserializeSeed<'de> for StreamedUnit<'_> {
    type Value = ImportUnit;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<ImportUnit, D::Error> {
        let line = (self.line)();
        let unit = InUnit::deserialize(d)?;
        let invalid = || D::Error::custom("an invalid unit");
        let id = unit.id.trim();
        if id.is_empty() {
            return Err(invalid());
        }
        let state = match unit.state.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(name) => Some(name.parse::<State>().map_err(|_| invalid())?),
        };
        Ok(ImportUnit {
            id: id.to_string(),
            source: unit.source,
            target: unit.target,
            state,
            line,
        })
    }
}

pub fn read_back(state: State) -> State {
    state
}

/// A serde_json error as a `ReadError`: its message without the position,
/// its line, and its column counted in characters (serde_json counts
/// bytes).
fn json_error(text: &str, error: &serde_json::Error) -> ReadError {
    let message = error.to_string();
    let suffix = format!(" at line {} column {}", error.line(), error.column());
    let message = message.strip_suffix(&suffix).unwrap_or(&message);
    if error.line() == 0 {
        return ReadError::new(1, 1, message);
    }
    let line = text.split('\n').nth(error.line() - 1).unwrap_or("");
    let mut end = error.column().min(line.len());
    while !line.is_char_boundary(end) {
        end -= 1;
    }
    // serde_json counts the bytes of the line up to the one it stopped at;
    // count the characters of those bytes.
    let column = line[..end].chars().count().max(1);
    ReadError::new(error.line(), column, message)
}

/// The offset of the first byte from `pos` on that is no JSON whitespace.
fn skip_space(bytes: &[u8], pos: usize) -> usize {
    let pos = pos.min(bytes.len());
    bytes[pos..]
        .iter()
        .position(|b| !matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
        .map_or(bytes.len(), |n| pos + n)
}

/// Lines of offsets that only grow, counted once: a file of 100,000 units
/// must not be rescanned from the start for each.
#[derive(Default)]
struct LineCursor {
    offset: usize,
    newlines: usize,
}

impl LineCursor {
    fn line_of(&mut self, text: &str, offset: usize) -> usize {
        let offset = offset.min(text.len());
        if offset < self.offset {
            *self = LineCursor::default();
        }
        self.newlines += text.as_bytes()[self.offset..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        self.offset = offset;
        self.newlines + 1
    }
}

/// Byte offsets of what the reader reports on, from a scan of the
/// structure of a document serde_json has accepted.
#[derive(Default)]
struct Outline {
    /// The value of the top-level `tolkar`.
    version: Option<usize>,
    units: Vec<UnitOutline>,
}

#[derive(Default, Clone, Copy)]
struct UnitOutline {
    /// The unit's `{`.
    start: usize,
    /// The values of its `id` and `state`.
    id: Option<usize>,
    state: Option<usize>,
}

impl Outline {
    fn of(text: &str) -> Outline {
        let bytes = text.as_bytes();
        let mut outline = Outline::default();
        // The open containers: `true` for an object.
        let mut open: Vec<bool> = Vec::new();
        // The last key read in each open object.
        let mut keys: Vec<&str> = Vec::new();
        let mut in_units = false;
        let mut pos = 0;
        while pos < bytes.len() {
            match bytes[pos] {
                b'"' => {
                    let start = pos;
                    pos += 1;
                    while pos < bytes.len() && bytes[pos] != b'"' {
                        pos += if bytes[pos] == b'\\' { 2 } else { 1 };
                    }
                    let string = text.get(start + 1..pos.min(text.len())).unwrap_or("");
                    pos += 1;
                    let colon = skip_space(bytes, pos);
                    if bytes.get(colon) == Some(&b':') && open.last() == Some(&true) {
                        let value = skip_space(bytes, colon + 1);
                        // One key per open object: `open.last()` is one.
                        if let Some(key) = keys.last_mut() {
                            *key = string;
                        }
                        let unit = outline
                            .units
                            .last_mut()
                            .filter(|_| in_units && open.len() == 3);
                        match (open.len(), string, unit) {
                            (1, "tolkar", _) => outline.version = Some(value),
                            (3, "id", Some(unit)) => unit.id = Some(value),
                            (3, "state", Some(unit)) => unit.state = Some(value),
                            _ => {}
                        }
                        pos = colon + 1;
                    }
                    continue;
                }
                b'{' => {
                    if in_units && open.len() == 2 {
                        outline.units.push(UnitOutline {
                            start: pos,
                            ..UnitOutline::default()
                        });
                    }
                    open.push(true);
                    keys.push("");
                }
                b'[' => {
                    if open.len() == 1 && keys.last() == Some(&"units") {
                        in_units = true;
                    }
                    open.push(false);
                }
                b'}' | b']' => {
                    if open.pop() == Some(true) {
                        keys.pop();
                    }
                    if open.len() == 1 {
                        in_units = false;
                    }
                }
                _ => {}
            }
            pos += 1;
        }
        outline
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exchange::Export;

    fn write(export: &Export) -> String {
        crate::exchange::write(crate::exchange::Format::Json, export)
    }
    use crate::exchange::{Format, sample};

    #[test]
    fn sample_reads_back() {
        let (e, text, file) = sample::round_trip(Format::Json);
        for (unit, back) in e.units.iter().zip(&file.units) {
            assert_eq!(text.lines().nth(back.line - 1), Some("    {"));
            assert_eq!(
                text.lines().nth(back.line),
                Some(
                    format!(
                        "      \"id\": {},",
                        serde_json::to_string(&unit.id()).unwrap()
                    )
                    .as_str()
                )
            );
        }
        assert_eq!(write(&e), text);
    }

    #[test]
    fn writes_the_documented_schema() {
        let text = write(&sample::export());
        assert!(text.starts_with(
            "{\n  \"tolkar\": 1,\n  \"source_language\": \"sv\",\n  \"target_language\": \"en\",\n  \"units\": [\n    {\n"
        ));
        assert!(text.ends_with("\n  ]\n}\n"));
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        let stale = &value["units"][0];
        assert_eq!(stale["previous_source"], "Bli utvecklare");
        assert_eq!(stale["kind"], "front-matter");
        assert_eq!(stale["line"], 2);
        let linked = &value["units"][1];
        assert_eq!(linked["id"], "content/sv/jobb.md#body:p[1]");
        assert_eq!(linked["path"], "content/sv/jobb.md");
        assert_eq!(linked["key"], "body:p[1]");
        assert_eq!(linked["previous_source"], serde_json::Value::Null);
        assert_eq!(
            linked["placeholders"],
            serde_json::json!([
                {"id": 1, "open": "[", "close": "](https://example.com/?a=1&b=<2>)"},
                {"id": 2, "markup": "`ls -l`"},
            ])
        );
        let missing = &value["units"][2];
        assert_eq!(missing["target"], serde_json::Value::Null);
        assert_eq!(missing["state"], "missing");
        assert_eq!(missing["origin"], serde_json::Value::Null);
        assert_eq!(value["units"][1]["origin"], "import:jobb.po");
        assert!(text.contains("\"score\": 80.0,"));
        assert_eq!(
            missing["suggestions"][0],
            serde_json::json!({"score": 80.0, "source": "Ansök nu", "target": "Apply now",
                "origin": "content/sv/annat.md#body:p[2]"})
        );
        for unit in value["units"].as_array().unwrap() {
            assert_eq!(unit.as_object().unwrap().len(), 12);
        }
    }

    #[test]
    fn minified_and_minimal_units_read() {
        let text = r#"{"tolkar":1,"units":[{"id":"a.md#k","target":"x","extra":[{"id":"no"}]},{"target":null,"state":"Draft","id":" b.md#k "}]}"#;
        let file = read(text).unwrap();
        assert_eq!(file.source_lang, None);
        assert_eq!(
            file.units,
            [
                ImportUnit {
                    id: "a.md#k".into(),
                    source: None,
                    target: Some("x".into()),
                    state: None,
                    line: 1,
                },
                ImportUnit {
                    id: "b.md#k".into(),
                    source: None,
                    target: None,
                    state: Some(State::Draft),
                    line: 1,
                },
            ]
        );
    }

    #[test]
    fn lines_follow_the_unit_objects() {
        let text = "{\n\"units\": [{\"id\": \"a#b\", \"target\": \"{[\\\"\"},\n\n  {\"id\": \"c#d\",\n\"target\": null}],\n\"tolkar\": 1, \"more\": {\"units\": [{}]}}\n";
        let file = read(text).unwrap();
        let lines: Vec<usize> = file.units.iter().map(|u| u.line).collect();
        assert_eq!(lines, [2, 4]);
        assert_eq!(file.units[0].target.as_deref(), Some("{[\""));
    }

    #[test]
    fn other_versions_are_errors() {
        let err = read("{\n  \"tolkar\": 2,\n  \"units\": []\n}\n").unwrap_err();
        assert_eq!((err.line, err.column), (2, 13), "{err}");
        assert!(err.message.contains("version 2"), "{err}");
        let err = read("{\"tolkar\": \"1\", \"units\": []}").unwrap_err();
        assert!(err.message.contains("version \"1\""), "{err}");
        let err = read("{\"units\": []}").unwrap_err();
        assert!(err.message.contains("missing field `tolkar`"), "{err}");
        let err = read("[]").unwrap_err();
        assert_eq!(err.line, 1);
    }

    #[test]
    fn a_byte_order_mark_is_skipped() {
        let e = sample::export();
        let text = format!("\u{feff}{}", write(&e));
        assert_eq!(
            Format::detect("x.json", text.as_bytes()),
            Some(Format::Json)
        );
        sample::assert_reads_back(Format::Json, &e, &text);
        assert_eq!(read(&text).unwrap(), read(&text[3..]).unwrap());
        // Positions are those of the text after the mark.
        let err = read("\u{feff}{\"tolkar\": 2, \"units\": []}").unwrap_err();
        assert_eq!((err.line, err.column), (1, 12), "{err}");
        let err = read("\u{feff}{\"tolkar\": 1, \"units\": [{\"id\": \"a#b\" }}").unwrap_err();
        assert_eq!((err.line, err.column), (1, 39), "{err}");
        let text = "\u{feff}{\n  \"tolkar\": 1,\n  \"units\": [\n    {\"id\": \"a#b\", \"target\": null, \"state\": \"done\"}]}";
        let err = read(text).unwrap_err();
        assert_eq!((err.line, err.column), (4, 44), "{err}");
    }

    #[test]
    fn syntax_errors_have_line_and_column() {
        let text = "{\n  \"tolkar\": 1,\n  \"units\": [\n    {\"id\": \"a#b\" \"target\": \"ö\"}\n  ]\n}\n";
        let err = read(text).unwrap_err();
        assert_eq!((err.line, err.column), (4, 18), "{err}");
        assert!(err.message.contains("expected `,` or `}`"), "{err}");
        assert!(!err.message.contains("at line"), "{err}");
        // Columns count characters, not bytes.
        let text = "{\"tolkar\": 1, \"units\": [{\"id\": \"åäö\", \"target\": x}]}";
        let err = read(text).unwrap_err();
        assert_eq!((err.line, err.column), (1, 49), "{err}");
        let err = read("{\"tolkar\": 1, \"units\": [").unwrap_err();
        assert!(err.message.contains("EOF"), "{err}");
    }

    #[test]
    fn unit_errors() {
        let text =
            "{\n  \"tolkar\": 1,\n  \"units\": [\n    {\n      \"target\": \"x\"\n    }\n  ]\n}\n";
        let err = read(text).unwrap_err();
        assert!(err.message.contains("missing field `id`"), "{err}");
        assert_eq!(err.line, 6, "{err}");
        let err = read("{\"tolkar\": 1, \"units\": [{\"id\": \"a#b\"}]}").unwrap_err();
        assert!(err.message.contains("missing field `target`"), "{err}");
        let text = "{\"tolkar\": 1, \"units\": [\n  {\"id\": \"a#b\", \"target\": null},\n  {\"id\": \"a#c\", \"target\": null, \"state\": \"done\"}]}";
        let err = read(text).unwrap_err();
        assert_eq!((err.line, err.column), (3, 42), "{err}");
        assert!(err.message.contains("unknown state \"done\""), "{err}");
        let err =
            read("{\"tolkar\": 1, \"units\": [{\"id\": \"\", \"target\": null}]}").unwrap_err();
        assert!(err.message.contains("id is empty"), "{err}");
    }
}
