//! Exchange with translators' tools. Export turns store rows into
//! `ExportUnit`s and a format module writes them; import has a format
//! module read a file into `ImportUnit`s, which `crate::import` checks
//! against the store. The format modules know nothing of the store.
//!
//! Every format writes the same things per unit: a stable id (document
//! path and segment key), the source with placeholders, the target if
//! any, its state, the path and line as context, the previous source of a
//! stale unit, the placeholders' original markup, and suggestions from
//! the translation memory.

pub mod id;
pub mod json;
pub mod po;
pub mod state;
pub mod stream;
pub mod table;
pub mod xliff12;
pub mod xliff2;
mod xml;

use std::fmt;

use rayon::prelude::*;

pub use state::State;

/// The file formats tolkar exchanges.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Xliff2,
    Xliff12,
    Po,
    Csv,
    Json,
}

impl Format {
    pub const ALL: [Format; 5] = [
        Format::Xliff2,
        Format::Xliff12,
        Format::Po,
        Format::Csv,
        Format::Json,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Format::Xliff2 => "xliff2",
            Format::Xliff12 => "xliff12",
            Format::Po => "po",
            Format::Csv => "csv",
            Format::Json => "json",
        }
    }

    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Xliff2 | Format::Xliff12 => "xlf",
            Format::Po => "po",
            Format::Csv => "csv",
            Format::Json => "json",
        }
    }

    /// Guesses the format of a file from its first bytes, then its name.
    pub fn detect(name: &str, bytes: &[u8]) -> Option<Format> {
        let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]);
        let head = head.trim_start_matches('\u{feff}').trim_start();
        if head.starts_with('<') {
            if head.contains("urn:oasis:names:tc:xliff:document:2") {
                return Some(Format::Xliff2);
            }
            if head.contains("urn:oasis:names:tc:xliff:document:1.2")
                || head.contains("version=\"1.2\"")
            {
                return Some(Format::Xliff12);
            }
        }
        if head.starts_with('{') {
            return Some(Format::Json);
        }
        let lower = name.to_ascii_lowercase();
        if lower.ends_with(".po") || lower.ends_with(".pot") {
            return Some(Format::Po);
        }
        if lower.ends_with(".csv") || lower.ends_with(".tsv") {
            return Some(Format::Csv);
        }
        // A spreadsheet saved under another name: our header row.
        let first = head
            .lines()
            .next()
            .unwrap_or_default()
            .trim_start_matches('"');
        if ["id,", "id;", "id\t", "id\","]
            .iter()
            .any(|p| first.starts_with(p))
        {
            return Some(Format::Csv);
        }
        if lower.ends_with(".json") {
            return Some(Format::Json);
        }
        if head.starts_with("msgid") || head.starts_with("msgctxt") || head.starts_with('#') {
            return Some(Format::Po);
        }
        None
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a placeholder of the source stands for, so CAT tools can show it
/// (XLIFF `<originalData>`, PO comments).
pub use crate::segment::markup::Markup;

/// A translation-memory match offered to the translator.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    pub source: String,
    pub target: String,
    /// Similarity of `source` to the unit's source, 0 to 100.
    pub score: f64,
    /// Where it comes from: `path#key`.
    pub origin: String,
}

/// One segment as it leaves tolkar.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportUnit {
    /// The source posting, relative to the project root, with `/`.
    pub path: String,
    /// The segment key in that posting.
    pub key: String,
    pub kind: String,
    /// 1-based line of the segment in the source posting.
    pub line: usize,
    pub source: String,
    /// The stored translation; for a stale unit, the one made for
    /// `previous_source`.
    pub target: Option<String>,
    pub state: State,
    /// The source text the stale target was translated from.
    pub previous_source: Option<String>,
    /// Where the stored target came from: `import:FILE`, `mt:COMMAND`,
    /// `memory:PATH#KEY` (an exact match from elsewhere).
    pub origin: Option<String>,
    pub markup: Vec<Markup>,
    pub suggestions: Vec<Suggestion>,
}

impl ExportUnit {
    /// The id import resolves: `path#key`.
    pub fn id(&self) -> String {
        id::join(&self.path, &self.key)
    }
}

/// What an export file holds.
#[derive(Debug, Clone, PartialEq)]
pub struct Export {
    pub source_lang: String,
    pub target_lang: String,
    /// In document order, grouped by path.
    pub units: Vec<ExportUnit>,
}

impl Export {
    /// The units grouped by document, in order.
    pub fn documents(&self) -> impl Iterator<Item = (&str, &[ExportUnit])> {
        self.units
            .chunk_by(|a, b| a.path == b.path)
            .map(|chunk| (chunk[0].path.as_str(), chunk))
    }
}

/// One unit as a format reader found it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportUnit {
    /// `path#key`.
    pub id: String,
    /// The source text the translation was made from, placeholders in our
    /// notation; `None` where the format has no source.
    pub source: Option<String>,
    /// The translation in our notation; `None` or empty: not translated.
    pub target: Option<String>,
    /// The state the file gives; `None` where it gives none.
    pub state: Option<State>,
    /// 1-based line in the imported file, for messages.
    pub line: usize,
}

/// What a format reader found in a file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ImportFile {
    pub source_lang: Option<String>,
    pub target_lang: Option<String>,
    pub units: Vec<ImportUnit>,
}

/// A file that cannot be read as its format.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}, column {column}: {message}")]
pub struct ReadError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl ReadError {
    pub fn new(line: usize, column: usize, message: impl Into<String>) -> ReadError {
        ReadError {
            line,
            column,
            message: message.into(),
        }
    }

    /// An error at byte `offset` of `text`.
    pub fn at(text: &str, offset: usize, message: impl Into<String>) -> ReadError {
        let offset = offset.min(text.len());
        let before = &text.as_bytes()[..offset];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |p| p + 1);
        let column = String::from_utf8_lossy(&before[line_start..])
            .chars()
            .count()
            + 1;
        ReadError::new(line, column, message)
    }
}

/// Writes `export` in `format`.
pub fn write(format: Format, export: &Export) -> String {
    let mut writer = Writer::new(format, &export.source_lang, &export.target_lang);
    let mut out = String::new();
    writer.head(&mut out);
    writer.units(&mut out, &export.units);
    writer.tail(&mut out);
    out
}

/// Writes an export in `format` piece by piece, as its units are made, so
/// that a large export is never held whole: the head, the units in
/// document order (any number of calls), the tail. The pieces together
/// are the very text of [`write`].
pub struct Writer<'a> {
    format: Format,
    source_lang: &'a str,
    target_lang: &'a str,
    /// The path of the document whose units were written last.
    document: Option<String>,
    documents: usize,
    units: usize,
    /// Where pieces of units are written on every core (see [`in_pieces`]).
    pieces: Vec<String>,
}

impl<'a> Writer<'a> {
    pub fn new(format: Format, source_lang: &'a str, target_lang: &'a str) -> Writer<'a> {
        Writer {
            format,
            source_lang,
            target_lang,
            document: None,
            pieces: Vec::new(),
            documents: 0,
            units: 0,
        }
    }

    /// What comes before the first unit.
    pub fn head(&self, out: &mut String) {
        let (source, target) = (self.source_lang, self.target_lang);
        match self.format {
            Format::Xliff2 => xliff2::head(out, source, target),
            Format::Xliff12 => xliff12::head(out),
            Format::Po => po::head(out, source, target),
            Format::Csv => table::head(out, source, target),
            Format::Json => json::head(out, source, target),
        }
    }

    /// The next units, in document order.
    pub fn units(&mut self, out: &mut String, units: &[ExportUnit]) {
        match self.format {
            Format::Xliff2 | Format::Xliff12 => {
                for unit in units {
                    if self.document.as_deref() != Some(unit.path.as_str()) {
                        self.next_document(out, &unit.path);
                    }
                    match self.format {
                        Format::Xliff2 => xliff2::write_unit(out, unit),
                        _ => xliff12::write_unit(out, unit),
                    }
                }
            }
            Format::Po => in_pieces(&mut self.pieces, out, units, |out, _, piece| {
                piece.iter().for_each(|unit| po::unit(out, unit));
            }),
            Format::Csv => in_pieces(&mut self.pieces, out, units, |out, _, piece| {
                table::rows(out, piece);
            }),
            Format::Json => {
                let first = self.units;
                in_pieces(&mut self.pieces, out, units, |out, at, piece| {
                    for (i, unit) in piece.iter().enumerate() {
                        json::unit(out, unit, first + at + i == 0);
                    }
                });
            }
        }
        self.units += units.len();
    }

    /// Closes the document written so far, if any, and opens `path`'s.
    fn next_document(&mut self, out: &mut String, path: &str) {
        if self.document.is_some() {
            self.close_document(out);
        }
        self.documents += 1;
        match self.format {
            Format::Xliff2 => xliff2::open_document(out, self.documents, path),
            _ => xliff12::open_document(out, path, self.source_lang, self.target_lang),
        }
        self.document = Some(path.to_string());
    }

    fn close_document(&self, out: &mut String) {
        match self.format {
            Format::Xliff2 => xliff2::close_document(out),
            _ => xliff12::close_document(out),
        }
    }

    /// What comes after the last unit.
    pub fn tail(&mut self, out: &mut String) {
        match self.format {
            Format::Xliff2 | Format::Xliff12 => {
                if self.document.take().is_some() {
                    self.close_document(out);
                }
                match self.format {
                    Format::Xliff2 => xliff2::tail(out),
                    _ => xliff12::tail(out),
                }
            }
            Format::Po | Format::Csv => {}
            Format::Json => json::tail(out, self.units == 0),
        }
    }
}

/// Reads a file written in `format`.
pub fn read(format: Format, text: &str) -> Result<ImportFile, ReadError> {
    match format {
        Format::Xliff2 => xliff2::read(text),
        Format::Xliff12 => xliff12::read(text),
        Format::Po => po::read(text),
        Format::Csv => table::read(text),
        Format::Json => json::read(text),
    }
}

/// Reads a file written in `format` from `input` unit by unit, giving
/// each to `each` in file order, as [`read`] would give them, and then
/// the languages it names. `Unread::Invalid` for a file [`read`] refuses:
/// it says why (see [`stream`]).
pub fn read_each(
    format: Format,
    input: &mut dyn std::io::BufRead,
    each: &mut dyn FnMut(ImportUnit),
) -> Result<stream::Languages, stream::Unread> {
    match format {
        Format::Xliff2 => xliff2::read_each(input, each),
        Format::Xliff12 => xliff12::read_each(input, each),
        Format::Po => po::read_each(input, each),
        Format::Json => json::read_each(input, each),
        // A table is read whole: CSV files are made by hand or by a
        // spreadsheet, and a large import comes in another format.
        Format::Csv => {
            let mut text = String::new();
            input.read_to_string(&mut text)?;
            let file = table::read(&text).map_err(|_| stream::Unread::Invalid)?;
            file.units.into_iter().for_each(each);
            Ok(stream::Languages {
                source: file.source_lang,
                target: file.target_lang,
            })
        }
    }
}

/// The state a reader of `format` gives back for a unit written in
/// `state`. Import compares with this to tell an unchanged unit: PO, for
/// one, writes machine and draft both as `fuzzy`.
pub fn read_back(format: Format, state: State) -> State {
    match format {
        Format::Xliff2 => xliff2::read_back(state),
        Format::Xliff12 => xliff12::read_back(state),
        Format::Po => po::read_back(state),
        Format::Csv | Format::Json => state,
    }
}

/// Units written in pieces of this many on every core, a few pieces at a
/// time.
const PIECE: usize = 128;
const PIECES_AT_ONCE: usize = 2;

/// Writes `units` into `out` in order, pieces of them on every core:
/// `write` is given a piece and the index of its first unit. Formatting was
/// about half of the thread that reads the store in an export.
///
/// The pieces are written into the same few buffers, kept from call to
/// call: a new string for every piece, made on one thread and freed on
/// another, took an export of 330,000 units in JSON from 29 to 67 MB.
fn in_pieces(
    buffers: &mut Vec<String>,
    out: &mut String,
    units: &[ExportUnit],
    write: impl Fn(&mut String, usize, &[ExportUnit]) + Sync,
) {
    buffers.resize_with(PIECES_AT_ONCE, String::new);
    for (w, wave) in units.chunks(PIECE * PIECES_AT_ONCE).enumerate() {
        buffers
            .par_iter_mut()
            .zip(wave.par_chunks(PIECE))
            .enumerate()
            .for_each(|(p, (text, piece))| {
                text.clear();
                write(text, (w * PIECES_AT_ONCE + p) * PIECE, piece);
            });
        let written = wave.len().div_ceil(PIECE);
        buffers[..written]
            .iter()
            .for_each(|text| out.push_str(text));
    }
}

#[cfg(test)]
pub(crate) mod sample {
    //! A small export every format's tests write and read back.
    use super::*;

    pub fn export() -> Export {
        let unit = |key: &str, line, source: &str, target: Option<&str>, state| ExportUnit {
            path: "content/sv/jobb.md".into(),
            key: key.into(),
            kind: "paragraph".into(),
            line,
            source: source.into(),
            target: target.map(Into::into),
            state,
            previous_source: None,
            origin: target.map(|_| "import:jobb.po".into()),
            markup: Vec::new(),
            suggestions: Vec::new(),
        };
        let mut linked = unit(
            "body:p[1]",
            7,
            "Läs <1>guiden</1> och kör <2/> & \"gå\"",
            Some("Read <1>the guide</1> and run <2/> & \"go\""),
            State::Translated,
        );
        linked.markup = vec![
            Markup {
                id: 1,
                open: "[".into(),
                close: Some("](https://example.com/?a=1&b=<2>)".into()),
            },
            Markup {
                id: 2,
                open: "`ls -l`".into(),
                close: None,
            },
        ];
        let mut stale = unit(
            "fm:title",
            2,
            "Bli DevOps-ingenjör",
            Some("Become a developer"),
            State::Stale,
        );
        stale.kind = "front-matter".into();
        stale.previous_source = Some("Bli utvecklare".into());
        let mut missing = unit(
            "sc:note[1].0",
            12,
            "Ansök nu\nsenast i dag",
            None,
            State::Missing,
        );
        missing.kind = "shortcode-param".into();
        missing.suggestions = vec![Suggestion {
            source: "Ansök nu".into(),
            target: "Apply now".into(),
            score: 80.0,
            origin: "content/sv/annat.md#body:p[2]".into(),
        }];
        let mut other = unit("body:h2[1]", 3, "Om oss", Some("About us"), State::Machine);
        other.path = "content/sv/om.md".into();
        other.kind = "heading".into();
        let mut reviewed = unit("body:li[1]", 5, "Kaffe", Some("Coffee"), State::Reviewed);
        reviewed.path = "content/sv/om.md".into();
        let mut draft = unit("body:li[2]", 6, "Te", Some("Tea"), State::Draft);
        draft.path = "content/sv/om.md".into();
        Export {
            source_lang: "sv".into(),
            target_lang: "en".into(),
            units: vec![stale, linked, missing, other, reviewed, draft],
        }
    }

    /// Writes the sample export in `format` and reads it back, checking
    /// what `assert_reads_back` checks, both languages, and that every
    /// unit keeps the state it was written in (all formats but PO keep
    /// all six). Gives the export, the text and what was read.
    #[track_caller]
    pub fn round_trip(format: Format) -> (Export, String, ImportFile) {
        let export = export();
        let text = write(format, &export);
        assert_reads_back(format, &export, &text);
        let file = read(format, &text).unwrap();
        assert_eq!(file.source_lang.as_deref(), Some("sv"));
        assert_eq!(file.target_lang.as_deref(), Some("en"));
        let states: Vec<_> = file.units.iter().map(|u| u.state).collect();
        let written: Vec<_> = export.units.iter().map(|u| Some(u.state)).collect();
        assert_eq!(states, written, "{format}");
        (export, text, file)
    }

    /// The 1-based number of the first line of `text` that contains
    /// `needle`.
    #[track_caller]
    pub fn line_of(text: &str, needle: &str) -> usize {
        text.lines()
            .position(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("no line contains {needle:?}:\n{text}"))
            + 1
    }

    /// Checks that reading `text` unit by unit gives what reading it whole
    /// gives, or that both refuse it.
    #[track_caller]
    pub fn assert_streams_alike(format: Format, text: &str) {
        let mut units = Vec::new();
        let streamed = read_each(format, &mut text.as_bytes(), &mut |u| units.push(u));
        match (read(format, text), streamed) {
            (Ok(file), Ok(languages)) => {
                assert_eq!(units, file.units, "{format}");
                assert_eq!(languages.source, file.source_lang, "{format}");
                assert_eq!(languages.target, file.target_lang, "{format}");
            }
            (Err(_), Err(stream::Unread::Invalid)) => {}
            (whole, streamed) => panic!("{format}: {whole:?} but {streamed:?}\n{text}"),
        }
    }

    /// Checks that reading `text` gives every unit of `export` back, with
    /// the states the format keeps.
    pub fn assert_reads_back(format: Format, export: &Export, text: &str) {
        let file = read(format, text).unwrap_or_else(|e| panic!("{format}: {e}\n{text}"));
        assert_streams_alike(format, text);
        assert_eq!(file.units.len(), export.units.len(), "{text}");
        for (unit, back) in export.units.iter().zip(&file.units) {
            assert_eq!(back.id, unit.id(), "{format}");
            assert_eq!(
                back.source.as_deref(),
                Some(unit.source.as_str()),
                "{format} {}",
                unit.key
            );
            let target = back.target.as_deref().filter(|t| !t.is_empty());
            assert_eq!(target, unit.target.as_deref(), "{format} {}", unit.key);
            if unit.target.is_some() {
                assert_eq!(
                    back.state,
                    Some(read_back(format, unit.state)),
                    "{format} {}",
                    unit.key
                );
            }
            assert!(back.line >= 1);
        }
    }
}
