//! The state file of one source posting in one language: gettext PO,
//! written the same way for the same state, byte for byte.
//!
//! ```text
//! # tolkar: translations of content/en/jobs.md into da (docs/workflows.md)
//! msgid ""
//! msgstr ""
//! "Content-Type: text/plain; charset=UTF-8\n"
//! …
//! "Language: da\n"
//! "X-Tolkar-Source: content/en/jobs.md\n"
//!
//! #. kind: paragraph
//! #. tolkar: reviewed, 2026-12-01T10:00:00Z, import:da.xlf
//! #, fuzzy                                   (stale, machine or draft)
//! #| msgid "the source it was translated from" (stale only)
//! msgctxt "body:p[1]"
//! msgid "Apply <1>now</1>"
//! msgstr "Ansøg <1>nu</1>"
//! ```
//!
//! Only translated segments have an entry: the source text is in the
//! posting, and a missing translation is what has no entry. A segment no
//! longer in the posting keeps its translation for the memory as an
//! obsolete entry (`#~`), after the live ones.
//!
//! Read back, the tolkar comment gives state, time and origin; the
//! `fuzzy` flag has the last word, so that a file edited in Poedit or
//! Weblate says what the translator did: a machine or draft translation
//! no longer fuzzy is translated, a translated one made fuzzy is a draft,
//! and a previous msgid counts only on a fuzzy entry. An entry with no
//! tolkar comment is a translation made in such a tool.

use std::fmt::Write as _;

use crate::exchange::po::{error_at, escape, keyword, one_line, string, write_string};
use crate::exchange::{ReadError, State};
use crate::posting::Kind;
use crate::store::{Origin, StateEntry};

/// What one state file holds.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StateFile {
    /// The source posting, relative to the project.
    pub source: String,
    pub lang: String,
    /// Where its localized posting is, when not where the layout puts it
    /// (paired by `translationKey`).
    pub localized: Option<String>,
    pub entries: Vec<StateEntry>,
}

/// Why a state file cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormatError {
    /// A git conflict marker at this line: the merge is not resolved.
    Conflict {
        line: usize,
    },
    Syntax(ReadError),
    /// A translation (the `msgstr` at `line`) with a control character its
    /// source does not have: import refuses it, and so does the state,
    /// which a teammate's commit or a hand edit can bring in just as well.
    ControlCharacter {
        line: usize,
        key: String,
        error: crate::segment::control::ControlCharacter,
    },
}

impl From<ReadError> for FormatError {
    fn from(e: ReadError) -> FormatError {
        FormatError::Syntax(e)
    }
}

const TOLKAR: &str = "tolkar: ";
const KIND: &str = "kind: ";

pub fn write(file: &StateFile) -> String {
    let mut out = String::with_capacity(256 + file.entries.len() * 160);
    let _ = writeln!(
        out,
        "# tolkar: translations of {} into {} (docs/workflows.md)",
        one_line(&file.source),
        one_line(&file.lang)
    );
    out.push_str("msgid \"\"\nmsgstr \"\"\n");
    let mut header = vec![
        ("Content-Type", "text/plain; charset=UTF-8"),
        ("Content-Transfer-Encoding", "8bit"),
        ("Language", file.lang.as_str()),
        ("MIME-Version", "1.0"),
        ("X-Tolkar-Source", file.source.as_str()),
    ];
    if let Some(localized) = &file.localized {
        header.push(("X-Tolkar-Localized", localized));
    }
    for (name, value) in header {
        let _ = writeln!(
            out,
            "\"{}\"",
            escape(&format!("{name}: {}\n", one_line(value)))
        );
    }
    for entry in &file.entries {
        out.push('\n');
        write_entry(&mut out, entry);
    }
    out
}

fn write_entry(out: &mut String, entry: &StateEntry) {
    let prefix = if entry.obsolete { "#~ " } else { "" };
    let _ = writeln!(out, "#. {KIND}{}", entry.kind.as_str());
    let _ = writeln!(
        out,
        "#. {TOLKAR}{}, {}, {}",
        entry.state.as_str(),
        one_line(&entry.updated_at),
        one_line(&entry.origin.to_string())
    );
    let fuzzy = entry.previous.is_some() || matches!(entry.state, State::Machine | State::Draft);
    if fuzzy {
        out.push_str("#, fuzzy\n");
    }
    if let Some(previous) = &entry.previous {
        let prefix = if entry.obsolete { "#~| " } else { "#| " };
        write_string(out, prefix, "msgid", previous);
    }
    write_string(out, prefix, "msgctxt", &entry.key);
    write_string(out, prefix, "msgid", &entry.source);
    write_string(out, prefix, "msgstr", &entry.text);
}

/// Reads a state file; `name` is the origin of translations made outside
/// tolkar (`import:NAME`).
pub fn read(text: &str, name: &str) -> Result<StateFile, FormatError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut parser = Parser {
        name,
        file: StateFile::default(),
        entry: Entry::default(),
        header_seen: false,
        control: None,
    };
    for (index, line) in text.split('\n').enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if is_conflict_marker(line) {
            return Err(FormatError::Conflict { line: index + 1 });
        }
        parser.line(index + 1, line)?;
    }
    parser.finish()?;
    if let Some((line, key, error)) = parser.control {
        return Err(FormatError::ControlCharacter { line, key, error });
    }
    Ok(parser.file)
}

/// Whether `text` may hold a control character other than tab and line
/// feed: a quick look at the bytes (C0, DEL, and the lead byte of C1 and
/// of some Latin-1 letters) before the exact check of the characters.
fn may_hide(text: &str) -> bool {
    text.bytes()
        .any(|b| (b < 0x20 && b != b'\t' && b != b'\n') || b == 0x7f || b == 0xc2)
}

/// Whether `line` is one of git's conflict markers.
pub fn is_conflict_marker(line: &str) -> bool {
    ["<<<<<<<", "=======", ">>>>>>>", "|||||||"]
        .iter()
        .any(|marker| line.starts_with(marker))
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
enum Field {
    #[default]
    None,
    Previous,
    Context,
    Id,
    Str,
}

#[derive(Debug, Default)]
struct Entry {
    line: usize,
    obsolete: bool,
    fuzzy: bool,
    kind: Option<Kind>,
    tolkar: Option<(State, String, Origin)>,
    previous: Option<String>,
    context: Option<String>,
    id: Option<String>,
    text: Option<String>,
    /// The line of `msgstr`.
    text_line: usize,
    field: Field,
}

impl Entry {
    /// The entry's first line is `no`, unless it began before.
    fn touch(&mut self, no: usize) {
        if self.line == 0 {
            self.line = no;
        }
    }
}

struct Parser<'n> {
    name: &'n str,
    file: StateFile,
    entry: Entry,
    header_seen: bool,
    /// The first translation with a control character its source lacks.
    control: Option<(usize, String, crate::segment::control::ControlCharacter)>,
}

impl Parser<'_> {
    fn line(&mut self, no: usize, line: &str) -> Result<(), ReadError> {
        if line.trim().is_empty() {
            return Ok(());
        }
        let start = line.len() - line.trim_start().len();
        let body = &line[start..];
        if let Some(rest) = body.strip_prefix("#~") {
            // An obsolete entry: its keywords and strings follow `#~`. A
            // keyword ends the entry before it; a string continues one.
            if let Some(previous) = rest.strip_prefix('|') {
                self.entry_starts(no)?;
                self.entry.obsolete = true;
                let offset = line.len() - previous.trim_start().len();
                return self.previous(no, line, offset);
            }
            let offset = line.len() - rest.trim_start().len();
            let result = self.keyword_or_string(no, line, offset);
            self.entry.obsolete = true;
            return result;
        }
        if let Some(rest) = body.strip_prefix('#') {
            if self.entry.id.is_some() || self.entry.context.is_some() {
                if self.entry.text.is_none() {
                    return Err(error_at(
                        no,
                        line,
                        start,
                        "comment inside an entry: expected msgstr",
                    ));
                }
                self.finish()?;
            }
            self.entry_starts(no)?;
            if let Some(flags) = rest.strip_prefix(',') {
                if flags.split(',').any(|flag| flag.trim() == "fuzzy") {
                    self.entry.fuzzy = true;
                }
            } else if let Some(note) = rest.strip_prefix('.') {
                self.note(no, line, note.trim())?;
            } else if let Some(previous) = rest.strip_prefix('|') {
                let offset = line.len() - previous.trim_start().len();
                return self.previous(no, line, offset);
            }
            self.entry.field = Field::None;
            return Ok(());
        }
        self.keyword_or_string(no, line, start)
    }

    /// A comment or `#~` line: finishes the entry before it, if any.
    fn entry_starts(&mut self, no: usize) -> Result<(), ReadError> {
        if self.entry.text.is_some() {
            self.finish()?;
        }
        self.entry.touch(no);
        Ok(())
    }

    fn note(&mut self, no: usize, line: &str, note: &str) -> Result<(), ReadError> {
        let at = line.find(note).unwrap_or(0);
        if let Some(kind) = note.strip_prefix(KIND) {
            let kind = Kind::ALL
                .into_iter()
                .find(|k| k.as_str() == kind.trim())
                .ok_or_else(|| error_at(no, line, at, format!("unknown kind {kind:?}")))?;
            self.entry.kind = Some(kind);
        } else if let Some(rest) = note.strip_prefix(TOLKAR) {
            let mut parts = rest.splitn(3, ", ");
            let (state, time, origin) = (parts.next(), parts.next(), parts.next());
            let (Some(state), Some(time), Some(origin)) = (state, time, origin) else {
                return Err(error_at(
                    no,
                    line,
                    at,
                    "expected `tolkar: STATE, TIME, ORIGIN`",
                ));
            };
            let state = State::ALL
                .into_iter()
                .filter(|s| s.stored().is_some())
                .find(|s| s.as_str() == state)
                .ok_or_else(|| error_at(no, line, at, format!("unknown state {state:?}")))?;
            let origin: Origin = origin
                .parse()
                .map_err(|e: crate::store::UnknownOrigin| error_at(no, line, at, e.to_string()))?;
            self.entry.tolkar = Some((state, time.to_string(), origin));
        }
        Ok(())
    }

    /// `#| msgid "…"` or `#| "…"` at byte `offset` (after the `#|`).
    fn previous(&mut self, no: usize, line: &str, offset: usize) -> Result<(), ReadError> {
        if line[offset..].starts_with('"') {
            if self.entry.field != Field::Previous {
                return Err(error_at(
                    no,
                    line,
                    offset,
                    "a #| string must follow #| msgid",
                ));
            }
            let value = string(no, line, offset)?;
            self.entry
                .previous
                .get_or_insert_with(String::new)
                .push_str(&value);
            return Ok(());
        }
        let (word, quote) = keyword(no, line, offset)?;
        let value = string(no, line, quote)?;
        if word == "msgid" {
            self.entry.previous = Some(value);
            self.entry.field = Field::Previous;
        } else {
            // `#| msgctxt`: the key it had; the key it has is what counts.
            self.entry.field = Field::None;
        }
        Ok(())
    }

    fn keyword_or_string(&mut self, no: usize, line: &str, start: usize) -> Result<(), ReadError> {
        let fail = |message: &str| Err(error_at(no, line, start, message));
        if line[start..].starts_with('"') {
            let value = string(no, line, start)?;
            let entry = &mut self.entry;
            let target = match entry.field {
                Field::Context => entry.context.as_mut(),
                Field::Id => entry.id.as_mut(),
                Field::Str => entry.text.as_mut(),
                Field::Previous | Field::None => None,
            };
            let Some(target) = target else {
                return fail("a string must follow msgctxt, msgid or msgstr");
            };
            target.push_str(&value);
            return Ok(());
        }
        let (word, quote) = keyword(no, line, start)?;
        let value = string(no, line, quote)?;
        match word {
            "msgctxt" => {
                if self.entry.text.is_some() {
                    self.finish()?;
                }
                if self.entry.id.is_some() || self.entry.context.is_some() {
                    return fail("msgctxt in the middle of an entry");
                }
                self.entry.touch(no);
                self.entry.context = Some(value);
                self.entry.field = Field::Context;
            }
            "msgid" => {
                if self.entry.text.is_some() {
                    self.finish()?;
                }
                if self.entry.id.is_some() {
                    return fail("a second msgid: expected msgstr");
                }
                self.entry.touch(no);
                self.entry.id = Some(value);
                self.entry.field = Field::Id;
            }
            "msgstr" => {
                if self.entry.id.is_none() || self.entry.text.is_some() {
                    return fail("msgstr must follow one msgid");
                }
                self.entry.text = Some(value);
                self.entry.text_line = no;
                self.entry.field = Field::Str;
            }
            word => return fail(&format!("{word}: not part of a tolkar state file")),
        }
        Ok(())
    }

    fn finish(&mut self) -> Result<(), ReadError> {
        let entry = std::mem::take(&mut self.entry);
        let Some(id) = entry.id else {
            if entry.context.is_some() {
                return Err(ReadError::new(entry.line, 1, "msgctxt without msgid"));
            }
            return Ok(()); // comments alone
        };
        let Some(text) = entry.text else {
            return Err(ReadError::new(entry.line, 1, "msgid without msgstr"));
        };
        let Some(key) = entry.context else {
            if id.is_empty() && !self.header_seen {
                self.header_seen = true;
                self.header(&text);
                return Ok(());
            }
            return Err(ReadError::new(
                entry.line,
                1,
                "entry without msgctxt: msgctxt names the segment",
            ));
        };
        let (state, updated_at, origin) = entry.tolkar.unwrap_or_else(|| {
            let state = if entry.fuzzy {
                State::Draft
            } else {
                State::Translated
            };
            (state, String::new(), Origin::Import(self.name.to_string()))
        });
        // An entry with nothing in it (one cleared in Poedit): missing.
        if text.is_empty() {
            return Ok(());
        }
        if self.control.is_none()
            && may_hide(&text)
            && let Err(error) = crate::segment::control::check(&id, &text)
        {
            self.control = Some((entry.text_line, key.clone(), error));
        }
        let state = match (state, entry.fuzzy) {
            (State::Machine | State::Draft, false) => State::Translated,
            (State::Translated | State::Reviewed, true) if entry.previous.is_none() => State::Draft,
            (state, _) => state,
        };
        self.file.entries.push(StateEntry {
            key,
            kind: entry.kind.unwrap_or(Kind::Paragraph),
            source: id,
            obsolete: entry.obsolete,
            text,
            state,
            origin,
            updated_at,
            previous: entry.previous.filter(|_| entry.fuzzy),
        });
        Ok(())
    }

    fn header(&mut self, text: &str) {
        for field in text.split('\n') {
            let Some((name, value)) = field.split_once(':') else {
                continue;
            };
            let value = value.trim().to_string();
            match name.trim() {
                "Language" => self.file.lang = value,
                "X-Tolkar-Source" => self.file.source = value,
                "X-Tolkar-Localized" => self.file.localized = Some(value),
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(key: &str, source: &str, text: &str, state: State) -> StateEntry {
        StateEntry {
            key: key.into(),
            kind: Kind::Paragraph,
            source: source.into(),
            obsolete: false,
            text: text.into(),
            state,
            origin: Origin::Import("da.xlf".into()),
            updated_at: "2026-12-01T10:00:00Z".into(),
            previous: None,
        }
    }

    fn sample() -> StateFile {
        let mut stale = entry("body:p[2]", "New text", "Gammel tekst", State::Reviewed);
        stale.previous = Some("Old text".into());
        let mut gone = entry(
            "body:p[9]",
            "Gone \"quoted\"\nline",
            "Væk\nover flere linjer",
            State::Machine,
        );
        gone.obsolete = true;
        gone.previous = Some("Older".into());
        let mut title = entry("fm:title", "Jobs", "Job", State::Translated);
        title.kind = Kind::FrontMatter;
        title.origin = Origin::Adopted;
        StateFile {
            source: "content/en/jobs.md".into(),
            lang: "da".into(),
            localized: Some("content/da/job.md".into()),
            entries: vec![
                title,
                entry(
                    "body:p[1]",
                    "Apply <1>now</1>",
                    "Ansøg <1>nu</1>",
                    State::Machine,
                ),
                stale,
                gone,
            ],
        }
    }

    #[test]
    fn reads_back_what_it_writes() {
        let file = sample();
        let text = write(&file);
        assert_eq!(read(&text, "x").unwrap(), file);
        assert!(text.contains("#, fuzzy\n#| msgid \"Old text\"\nmsgctxt \"body:p[2]\""));
        assert!(text.contains("#~ msgctxt \"body:p[9]\""));
        assert!(text.contains("#~| msgid \"Older\""));
        assert!(text.contains("#~ \"over flere linjer\""), "{text}");
        // Two obsolete entries in a row, the first with a text on two lines.
        let mut two = file.clone();
        let mut next = two.entries[3].clone();
        next.key = "body:p[10]".into();
        two.entries.push(next);
        assert_eq!(read(&write(&two), "x").unwrap(), two);
    }

    #[test]
    fn a_cleared_translation_is_missing() {
        let text = write(&sample()).replacen("msgstr \"Job\"", "msgstr \"\"", 1);
        let file = read(&text, "x").unwrap();
        assert!(file.entries.iter().all(|e| e.key != "fm:title"));
    }

    #[test]
    fn the_fuzzy_flag_says_what_a_translator_did() {
        let text = write(&sample())
            // Poedit: the machine translation confirmed, the title unsure.
            .replacen(
                "#, fuzzy\nmsgctxt \"body:p[1]\"",
                "msgctxt \"body:p[1]\"",
                1,
            )
            .replacen("msgctxt \"fm:title\"", "#, fuzzy\nmsgctxt \"fm:title\"", 1);
        let file = read(&text, "x").unwrap();
        assert_eq!(file.entries[0].state, State::Draft);
        assert_eq!(file.entries[1].state, State::Translated);
        assert_eq!(file.entries[2].state, State::Reviewed);
    }

    #[test]
    fn an_entry_from_another_tool_is_a_translation_from_the_file() {
        let text = format!(
            "{}\nmsgctxt \"body:p[3]\"\nmsgid \"Hello\"\nmsgstr \"Hej\"\n\nmsgctxt \"body:p[4]\"\nmsgid \"Not yet\"\nmsgstr \"\"\n",
            write(&sample())
        );
        let file = read(&text, ".tolkar/state/da/x.po").unwrap();
        let added = file.entries.last().unwrap();
        assert_eq!(
            (added.key.as_str(), added.text.as_str()),
            ("body:p[3]", "Hej")
        );
        assert_eq!(added.state, State::Translated);
        assert_eq!(added.origin.to_string(), "import:.tolkar/state/da/x.po");
        assert_eq!(file.entries.len(), 5);
    }

    #[test]
    fn conflict_markers_are_refused_with_their_line() {
        let text = write(&sample()).replacen(
            "msgstr \"Ansøg <1>nu</1>\"",
            "<<<<<<< HEAD\nmsgstr \"Ansøg <1>nu</1>\"\n=======\nmsgstr \"Søg <1>nu</1>\"\n>>>>>>> other",
            1,
        );
        let line = text.lines().position(|l| l.starts_with("<<<<<<<")).unwrap() + 1;
        assert_eq!(read(&text, "x"), Err(FormatError::Conflict { line }));
    }

    #[test]
    fn syntax_errors_name_their_line() {
        let text = write(&sample()).replacen("msgstr \"Job\"", "msgstr Job", 1);
        let line = text.lines().position(|l| l == "msgstr Job").unwrap() + 1;
        match read(&text, "x") {
            Err(FormatError::Syntax(e)) => assert_eq!(e.line, line),
            other => panic!("{other:?}"),
        }
    }
}
