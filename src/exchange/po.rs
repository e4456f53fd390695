//! GNU gettext PO files, UTF-8, for Poedit and the like.
//!
//! The header gives the languages (`Language`, `X-Source-Language`) and
//! plural forms for the target language, though tolkar has no plurals;
//! the fields `msgfmt --check` asks for get fixed values so the same
//! export always writes the same bytes. Each unit is one entry:
//!
//! ```text
//! # tm 80%: "Ansök nu" → "Apply now" (content/sv/annat.md#body:p[2])
//! #. kind: paragraph
//! #. <1>…</1>: [ … ](https://example.com/)
//! #: content/sv/jobb.md:7
//! #, fuzzy
//! #| msgid "the source the translation was made for"
//! msgctxt "content/sv/jobb.md#body:p[1]"
//! msgid "Läs <1>guiden</1>"
//! msgstr "Read <1>the guide</1>"
//! ```
//!
//! `msgctxt` is the unit id, and the only thing import needs besides
//! `msgid` and `msgstr`: comments and references are for the translator.
//! Suggestions from the translation memory are translator comments
//! (`# tm`), the kind and the placeholders' markup extracted comments.
//!
//! States: draft and machine translations are `fuzzy`; a stale one is
//! `fuzzy` with the source it was made for as the previous msgid (`#|`),
//! so Poedit shows what changed. Reading, an entry that is not fuzzy and
//! has a translation is translated, a fuzzy one with `#|` is stale and
//! other fuzzy ones are drafts; an empty msgstr has no state.
//!
//! `msgfmt --check` refuses an entry that is not fuzzy when only one of
//! msgid and msgstr begins, or ends, with a line break. A translated unit
//! like that is written `fuzzy` with the extracted comment
//! `TRANSLATED_NOTE`, which tells the translator why and makes it read
//! back as translated, so every file written passes the check. (A comment
//! rather than a flag of our own: gettext tools drop unknown flags.)

use std::fmt::Write as _;

use std::io::BufRead;

use super::stream::{Languages, Unread};
use super::{ExportUnit, ImportFile, ImportUnit, ReadError, State};

/// gettext's page width: longer strings are wrapped after spaces.
const WIDTH: usize = 79;

/// The extracted comment that marks a translated entry as fuzzy only to
/// satisfy `msgfmt --check` (see the module documentation).
const TRANSLATED_NOTE: &str = "tolkar: translated, and fuzzy only because msgid and msgstr \
                               differ in a line break at the start or end";

/// The state [`read`] gives back for a unit written in `state`.
pub fn read_back(state: State) -> State {
    match state {
        State::Missing => State::Missing,
        State::Stale => State::Stale,
        State::Machine | State::Draft => State::Draft,
        State::Translated | State::Reviewed => State::Translated,
    }
}

// ---------------------------------------------------------------- writing

/// The comments and the header entry.
pub(super) fn head(out: &mut String, source_lang: &str, target_lang: &str) {
    let source = header_value(source_lang);
    let target = header_value(target_lang);
    let _ = writeln!(
        out,
        "# Translation from {source} to {target}, exported by tolkar."
    );
    out.push_str("# Keep every msgctxt as it is: it names the segment a translation is for.\n");
    out.push_str("msgid \"\"\nmsgstr \"\"\n");
    let fields = [
        ("Project-Id-Version", "tolkar".to_string()),
        ("PO-Revision-Date", "1970-01-01 00:00+0000".to_string()),
        ("Last-Translator", "Automatically generated".to_string()),
        ("Language-Team", "none".to_string()),
        ("Language", target.clone()),
        ("MIME-Version", "1.0".to_string()),
        ("Content-Type", "text/plain; charset=UTF-8".to_string()),
        ("Content-Transfer-Encoding", "8bit".to_string()),
        ("Plural-Forms", plural_forms(&target).to_string()),
        ("X-Source-Language", source),
        ("X-Generator", "tolkar".to_string()),
    ];
    for (name, value) in fields {
        let _ = writeln!(out, "\"{}\\n\"", escape(&format!("{name}: {value}")));
    }
}

/// A language code fit for a header line.
fn header_value(value: &str) -> String {
    value
        .chars()
        .filter(|c| !c.is_control())
        .collect::<String>()
        .trim()
        .to_string()
}

/// The `Plural-Forms` of gettext for a language, by its primary subtag
/// (and region, for Brazilian Portuguese).
fn plural_forms(lang: &str) -> &'static str {
    let lang = lang.to_ascii_lowercase().replace('_', "-");
    if lang == "pt-br" || lang.starts_with("pt-br-") {
        return "nplurals=2; plural=(n > 1);";
    }
    let primary = lang.split('-').next().unwrap_or("");
    match primary {
        "ja" | "zh" | "ko" | "vi" | "th" | "id" | "ms" | "lo" | "km" | "my" => {
            "nplurals=1; plural=0;"
        }
        "fr" | "oc" | "fil" | "tl" | "ln" | "mg" | "wa" => "nplurals=2; plural=(n > 1);",
        "ru" | "uk" | "be" | "sr" | "hr" | "bs" => {
            "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : \
             n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"
        }
        "pl" => {
            "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"
        }
        "cs" | "sk" => "nplurals=3; plural=(n==1 ? 0 : n>=2 && n<=4 ? 1 : 2);",
        "lt" => {
            "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && (n%100<10 || n%100>=20) ? 1 : 2);"
        }
        "lv" => "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n != 0 ? 1 : 2);",
        "ro" => "nplurals=3; plural=(n==1 ? 0 : (n==0 || (n%100 > 0 && n%100 < 20)) ? 1 : 2);",
        "sl" => "nplurals=4; plural=(n%100==1 ? 0 : n%100==2 ? 1 : n%100==3 || n%100==4 ? 2 : 3);",
        "ga" => "nplurals=5; plural=(n==1 ? 0 : n==2 ? 1 : n>2 && n<7 ? 2 : n>6 && n<11 ? 3 : 4);",
        "ar" => {
            "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : \
             n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);"
        }
        "is" => "nplurals=2; plural=(n%10!=1 || n%100==11);",
        // sv, da, nb, nn, no, en, de, nl, es, it, pt, fi, et, el, hu, tr, he…
        _ => "nplurals=2; plural=(n != 1);",
    }
}

/// One entry, after the blank line that separates entries.
pub(super) fn unit(out: &mut String, unit: &ExportUnit) {
    out.push('\n');
    write_unit(out, unit);
}

fn write_unit(out: &mut String, unit: &ExportUnit) {
    let target = unit.target.as_deref().filter(|t| !t.is_empty());
    // Without a translation there is nothing to be fuzzy about.
    let state = if target.is_some() {
        unit.state
    } else {
        State::Missing
    };
    let newline_mismatch = target.is_some_and(|t| {
        t.starts_with('\n') != unit.source.starts_with('\n')
            || t.ends_with('\n') != unit.source.ends_with('\n')
    });

    for suggestion in &unit.suggestions {
        let _ = writeln!(
            out,
            "# tm {:.0}%: \"{}\" → \"{}\" ({})",
            suggestion.score,
            one_line(&suggestion.source),
            one_line(&suggestion.target),
            one_line(&suggestion.origin),
        );
    }
    // Pieces pushed rather than formatted: an export writes hundreds of
    // thousands of entries.
    comment(out, "#. kind: ", &unit.kind);
    if let Some(origin) = &unit.origin {
        comment(out, "#. translation from: ", origin);
    }
    for markup in &unit.markup {
        let _ = match &markup.close {
            Some(close) => writeln!(
                out,
                "#. <{0}>…</{0}>: {1} … {2}",
                markup.id,
                one_line(&markup.open),
                one_line(close)
            ),
            None => writeln!(out, "#. <{}/>: {}", markup.id, one_line(&markup.open)),
        };
    }
    let flags = match state {
        State::Machine => {
            out.push_str("#. machine translation, not reviewed yet\n");
            "fuzzy"
        }
        State::Draft | State::Stale => "fuzzy",
        State::Translated | State::Reviewed if newline_mismatch => {
            let _ = writeln!(out, "#. {TRANSLATED_NOTE}");
            "fuzzy"
        }
        State::Missing | State::Translated | State::Reviewed => "",
    };
    write_reference(out, &unit.path, unit.line);
    if !flags.is_empty() {
        let _ = writeln!(out, "#, {flags}");
    }
    if state == State::Stale {
        // A stale unit always has a previous msgid, so it reads back stale.
        let previous = unit.previous_source.as_deref().unwrap_or(&unit.source);
        write_string(out, "#| ", "msgid", previous);
    }
    write_string(out, "", "msgctxt", &unit.id());
    write_string(out, "", "msgid", &unit.source);
    write_string(out, "", "msgstr", target.unwrap_or(""));
}

/// `lead` and `text` on one comment line.
fn comment(out: &mut String, lead: &str, text: &str) {
    out.push_str(lead);
    out.push_str(&one_line(text));
    out.push('\n');
}

/// `#: path:line`; a path with white space between U+2068 and U+2069,
/// as gettext writes it.
fn write_reference(out: &mut String, path: &str, line: usize) {
    let path = one_line(path);
    let isolated = path.contains(char::is_whitespace);
    out.push_str(if isolated { "#: \u{2068}" } else { "#: " });
    out.push_str(&path);
    out.push_str(if isolated { "\u{2069}:" } else { ":" });
    let _ = write!(out, "{line}");
    out.push('\n');
}

/// Text for a comment line: line breaks shown as ⏎, other control
/// characters escaped.
pub(crate) fn one_line(text: &str) -> std::borrow::Cow<'_, str> {
    let plain = |ch: char| !ch.is_control() && !matches!(ch, '\u{2028}' | '\u{2029}');
    if text.chars().all(plain) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(ch) = chars.next() {
        match ch {
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => out.push('⏎'),
            '\t' => out.push(ch),
            ch if !plain(ch) => out.extend(ch.escape_unicode()),
            ch => out.push(ch),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// `keyword "value"`, on one line if it fits and has no line break
/// inside; otherwise `keyword ""` and one line per piece the way gettext
/// splits: after each `\n`, and after spaces to keep within the width.
pub(crate) fn write_string(out: &mut String, prefix: &str, keyword: &str, value: &str) {
    let escaped = escape(value);
    let inner_break = value.find('\n').is_some_and(|i| i + 1 < value.len());
    // Fits when the escaped text has at most `room` characters; counted
    // only that far, as most texts are longer.
    let room = WIDTH.checked_sub(prefix.chars().count() + keyword.len() + 3);
    let fits = room.is_some_and(|room| escaped.chars().nth(room).is_none());
    if !inner_break && fits {
        out.push_str(prefix);
        out.push_str(keyword);
        out.push_str(" \"");
        out.push_str(&escaped);
        out.push_str("\"\n");
        return;
    }
    out.push_str(prefix);
    out.push_str(keyword);
    out.push_str(" \"\"\n");
    let width = WIDTH.saturating_sub(prefix.chars().count() + 2).max(16);
    let mut lines_of = |text: &str| {
        for line in wrap(text, width) {
            out.push_str(prefix);
            out.push('"');
            out.push_str(line);
            out.push_str("\"\n");
        }
    };
    if inner_break {
        for piece in value.split_inclusive('\n') {
            lines_of(&escape(piece));
        }
    } else if !value.is_empty() {
        // One piece, the whole value, escaped already.
        lines_of(&escaped);
    }
}

/// Splits escaped text into lines of at most `width` characters, after
/// spaces; a word longer than that stays whole.
fn wrap(text: &str, width: usize) -> Vec<&str> {
    let mut lines = Vec::new();
    let mut rest = text;
    // `limit`: where the character after the first `width` starts, while
    // the rest is longer than that.
    while let Some((limit, _)) = rest.char_indices().nth(width) {
        let cut = rest[..limit]
            .rfind(' ')
            .map(|i| i + 1)
            .or_else(|| rest[limit..].find(' ').map(|i| limit + i + 1));
        match cut {
            Some(cut) if cut < rest.len() => {
                lines.push(&rest[..cut]);
                rest = &rest[cut..];
            }
            _ => break,
        }
    }
    lines.push(rest);
    lines
}

/// The bytes [`escape`] writes otherwise: a table, as testing every byte
/// of every text against each of them was a tenth of the formatting.
const NEEDS_ESCAPE: [bool; 256] = {
    let mut table = [false; 256];
    let mut each = [b'\\', b'"', b'\n', b'\t', b'\r', 7, 8, 11, 12].as_slice();
    while let [byte, rest @ ..] = each {
        table[*byte as usize] = true;
        each = rest;
    }
    table
};

/// The text of a PO string, without its quotes.
pub(crate) fn escape(text: &str) -> std::borrow::Cow<'_, str> {
    // Most texts have nothing to escape: they are written as they are.
    if !text.bytes().any(|b| NEEDS_ESCAPE[usize::from(b)]) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for ch in text.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\u{7}' => out.push_str("\\a"),
            '\u{8}' => out.push_str("\\b"),
            '\u{b}' => out.push_str("\\v"),
            '\u{c}' => out.push_str("\\f"),
            ch => out.push(ch),
        }
    }
    std::borrow::Cow::Owned(out)
}

// ---------------------------------------------------------------- reading

/// Reads a PO file written by [`write()`] and edited by a translator.
pub fn read(text: &str) -> Result<ImportFile, ReadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut units = Vec::new();
    let mut keep = |unit| units.push(unit);
    let mut parser = Parser::new(&mut keep);
    for (index, line) in text.split('\n').enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        parser.line(index + 1, line)?;
    }
    parser.finish()?;
    let languages = parser.languages;
    Ok(ImportFile {
        source_lang: languages.source,
        target_lang: languages.target,
        units,
    })
}

/// Reads `input` line by line, as [`read`] reads a text (see
/// `super::stream`).
pub(super) fn read_each(
    input: &mut dyn BufRead,
    each: &mut dyn FnMut(ImportUnit),
) -> Result<Languages, Unread> {
    super::stream::skip_bom(input)?;
    let mut parser = Parser::new(each);
    let mut buf = Vec::new();
    let mut no = 0;
    loop {
        buf.clear();
        let read = input.read_until(b'\n', &mut buf)?;
        // `split` gives a last, empty line after a final newline, which
        // says nothing.
        if read == 0 {
            break;
        }
        no += 1;
        let line = buf.strip_suffix(b"\n").unwrap_or(&buf);
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        let line = std::str::from_utf8(line).map_err(|_| Unread::Invalid)?;
        parser.line(no, line).map_err(|_| Unread::Invalid)?;
    }
    parser.finish().map_err(|_| Unread::Invalid)?;
    Ok(parser.languages)
}

/// The string a continuation line (`"…"`) adds to.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
enum Field {
    #[default]
    None,
    Context,
    Id,
    Str,
}

#[derive(Debug, Default)]
struct Entry {
    /// First line of the entry; 0 before it starts.
    line: usize,
    fuzzy: bool,
    /// Has the extracted comment [`TRANSLATED_NOTE`].
    translated_note: bool,
    /// Has a previous msgid (`#| msgid`).
    previous: bool,
    /// The last line was a `#|` string, which `#| "…"` continues.
    previous_open: bool,
    context: Option<String>,
    /// The msgid and its line.
    id: Option<(String, usize)>,
    text: Option<String>,
    field: Field,
}

impl Entry {
    fn touch(&mut self, line: usize) {
        if self.line == 0 {
            self.line = line;
        }
    }

    fn state(&self, text: &str) -> Option<State> {
        if text.is_empty() {
            None
        } else if !self.fuzzy {
            Some(State::Translated)
        } else if self.previous {
            Some(State::Stale)
        } else if self.translated_note {
            Some(State::Translated)
        } else {
            Some(State::Draft)
        }
    }
}

struct Parser<'a> {
    languages: Languages,
    each: &'a mut dyn FnMut(ImportUnit),
    entry: Entry,
}

/// 1-based column of byte `offset` of `line`.
fn column(line: &str, offset: usize) -> usize {
    line[..offset.min(line.len())].chars().count() + 1
}

pub(crate) fn error_at(
    no: usize,
    line: &str,
    offset: usize,
    message: impl Into<String>,
) -> ReadError {
    ReadError::new(no, column(line, offset), message)
}

impl<'a> Parser<'a> {
    fn new(each: &'a mut dyn FnMut(ImportUnit)) -> Parser<'a> {
        Parser {
            languages: Languages::default(),
            each,
            entry: Entry::default(),
        }
    }

    fn line(&mut self, no: usize, line: &str) -> Result<(), ReadError> {
        let body = line.trim_start();
        if body.is_empty() {
            return Ok(());
        }
        let start = line.len() - body.len();
        // An error at the start of the line's content.
        let fail = |message: &str| Err(error_at(no, line, start, message));
        let previous_open = std::mem::take(&mut self.entry.previous_open);
        if let Some(comment) = body.strip_prefix('#') {
            return self.comment(no, line, start, comment, previous_open);
        }
        if body.starts_with('"') {
            let value = string(no, line, start)?;
            let entry = &mut self.entry;
            // `field` is set together with its string.
            let target = match entry.field {
                Field::None => None,
                Field::Context => entry.context.as_mut(),
                Field::Id => entry.id.as_mut().map(|(id, _)| id),
                Field::Str => entry.text.as_mut(),
            };
            let Some(target) = target else {
                return fail("a string must follow msgctxt, msgid or msgstr");
            };
            target.push_str(&value);
            return Ok(());
        }
        let (word, quote) = keyword(no, line, start)?;
        match word {
            "msgctxt" => {
                if self.entry.text.is_some() {
                    self.finish()?;
                }
                if self.entry.id.is_some() {
                    return fail("msgctxt after msgid: expected msgstr");
                }
                if self.entry.context.is_some() {
                    return fail("a second msgctxt: expected msgid");
                }
                let value = string(no, line, quote)?;
                self.entry.touch(no);
                self.entry.context = Some(value);
                self.entry.field = Field::Context;
            }
            "msgid" => {
                if self.entry.text.is_some() {
                    self.finish()?;
                }
                if let Some((_, id_line)) = &self.entry.id {
                    return fail(&format!(
                        "a second msgid: the msgid on line {id_line} has no msgstr"
                    ));
                }
                let value = string(no, line, quote)?;
                self.entry.touch(no);
                self.entry.id = Some((value, no));
                self.entry.field = Field::Id;
            }
            "msgid_plural" => {
                return fail(
                    "msgid_plural: tolkar has no plural forms, so this entry is not from tolkar",
                );
            }
            "msgstr" => {
                if self.entry.id.is_none() {
                    return fail("msgstr without msgid");
                }
                if self.entry.text.is_some() {
                    return fail("a second msgstr in one entry");
                }
                let value = string(no, line, quote)?;
                self.entry.text = Some(value);
                self.entry.field = Field::Str;
            }
            word if word.starts_with("msgstr[") => {
                return fail(&format!(
                    "{word}: tolkar has no plural forms, so this entry is not from tolkar"
                ));
            }
            word => return fail(&format!("unknown keyword {word}")),
        }
        Ok(())
    }

    /// A line that begins with `#`; `rest` follows the `#`.
    fn comment(
        &mut self,
        no: usize,
        line: &str,
        start: usize,
        rest: &str,
        previous_open: bool,
    ) -> Result<(), ReadError> {
        if self.entry.text.is_some() {
            self.finish()?;
        } else if self.entry.id.is_some() || self.entry.context.is_some() {
            return Err(error_at(
                no,
                line,
                start,
                "comment inside an entry: expected msgstr",
            ));
        }
        if rest.starts_with('~') {
            // An obsolete entry; the comments before it were its own.
            self.entry = Entry::default();
            return Ok(());
        }
        self.entry.touch(no);
        self.entry.field = Field::None;
        if let Some(flags) = rest.strip_prefix(',') {
            if flags.split(',').any(|flag| flag.trim() == "fuzzy") {
                self.entry.fuzzy = true;
            }
        } else if let Some(note) = rest.strip_prefix('.') {
            if note.trim() == TRANSLATED_NOTE {
                self.entry.translated_note = true;
            }
        } else if let Some(previous) = rest.strip_prefix('|') {
            let offset = start + 2 + (previous.len() - previous.trim_start().len());
            let previous = previous.trim_start();
            if previous.starts_with('"') {
                if !previous_open {
                    return Err(error_at(
                        no,
                        line,
                        offset,
                        "a #| string must follow #| msgid or #| msgctxt",
                    ));
                }
                string(no, line, offset)?;
            } else if previous.is_empty() {
                return Ok(());
            } else {
                let (word, quote) = keyword(no, line, offset)?;
                match word {
                    "msgid" => self.entry.previous = true,
                    "msgctxt" | "msgid_plural" => {}
                    word => {
                        return Err(error_at(
                            no,
                            line,
                            offset,
                            format!("unknown keyword {word} after #|"),
                        ));
                    }
                }
                string(no, line, quote)?;
            }
            self.entry.previous_open = true;
        }
        Ok(())
    }

    /// Ends the current entry.
    fn finish(&mut self) -> Result<(), ReadError> {
        let entry = std::mem::take(&mut self.entry);
        let Some((id, id_line)) = entry.id.clone() else {
            if entry.context.is_some() {
                return Err(ReadError::new(entry.line, 1, "msgctxt without msgid"));
            }
            return Ok(()); // comments alone
        };
        let Some(text) = entry.text.clone() else {
            return Err(ReadError::new(id_line, 1, "msgid without msgstr"));
        };
        let Some(context) = entry.context.clone() else {
            if id.is_empty() {
                self.header(&text);
                return Ok(());
            }
            return Err(ReadError::new(
                entry.line,
                1,
                "entry without msgctxt is not from tolkar: msgctxt names the segment",
            ));
        };
        let state = entry.state(&text);
        (self.each)(ImportUnit {
            id: context,
            source: Some(id),
            target: (!text.is_empty()).then_some(text),
            state,
            line: entry.line,
        });
        Ok(())
    }

    fn header(&mut self, text: &str) {
        for field in text.split('\n') {
            let Some((name, value)) = field.split_once(':') else {
                continue;
            };
            let value = value.trim();
            let value = (!value.is_empty()).then(|| value.to_string());
            let name = name.trim();
            if name.eq_ignore_ascii_case("Language") {
                self.languages.target = value;
            } else if name.eq_ignore_ascii_case("X-Source-Language") {
                self.languages.source = value;
            }
        }
    }
}

/// The keyword at byte `start` of `line` and the byte offset of the
/// string after it.
pub(crate) fn keyword(no: usize, line: &str, start: usize) -> Result<(&str, usize), ReadError> {
    let body = &line[start..];
    let len = body
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '[' | ']')))
        .unwrap_or(body.len());
    if len == 0 {
        return Err(error_at(
            no,
            line,
            start,
            "unexpected text: expected a keyword, a string or a comment",
        ));
    }
    let word = &body[..len];
    let after = &body[len..];
    let quote = start + len + (after.len() - after.trim_start().len());
    if !line[quote..].starts_with('"') {
        let known = matches!(word, "msgctxt" | "msgid" | "msgid_plural" | "msgstr")
            || word.starts_with("msgstr[");
        let message = if known {
            format!("expected a string after {word}")
        } else {
            format!("unknown keyword {word}")
        };
        return Err(error_at(
            no,
            line,
            if known { quote } else { start },
            message,
        ));
    }
    Ok((word, quote))
}

/// The string beginning with the `"` at byte `start` of `line`, which must
/// end the line.
pub(crate) fn string(no: usize, line: &str, start: usize) -> Result<String, ReadError> {
    let mut value = String::new();
    let mut chars = line[start + 1..]
        .char_indices()
        .map(|(i, c)| (start + 1 + i, c));
    while let Some((at, ch)) = chars.next() {
        match ch {
            '"' => {
                let rest = &line[at + 1..];
                let trimmed = rest.trim_start();
                if !trimmed.is_empty() {
                    let offset = line.len() - trimmed.len();
                    return Err(error_at(
                        no,
                        line,
                        offset,
                        "unexpected text after the string",
                    ));
                }
                return Ok(value);
            }
            '\\' => {
                let Some((_, escaped)) = chars.next() else {
                    break;
                };
                let simple = match escaped {
                    'n' => Some('\n'),
                    't' => Some('\t'),
                    'r' => Some('\r'),
                    '\\' => Some('\\'),
                    '"' => Some('"'),
                    '\'' => Some('\''),
                    '?' => Some('?'),
                    'a' => Some('\u{7}'),
                    'b' => Some('\u{8}'),
                    'f' => Some('\u{c}'),
                    'v' => Some('\u{b}'),
                    _ => None,
                };
                if let Some(ch) = simple {
                    value.push(ch);
                    continue;
                }
                // Octal `\ooo` and hex `\xhh`, for ASCII only: gettext
                // itself writes neither.
                let (radix, max, first) = match escaped {
                    'x' => (16, 2, None),
                    '0'..='7' => (8, 3, Some(escaped)),
                    _ => {
                        return Err(error_at(
                            no,
                            line,
                            at,
                            format!("unknown escape \\{escaped}"),
                        ));
                    }
                };
                let mut digits: String = first.into_iter().collect();
                let rest = &line[at + 1 + escaped.len_utf8()..];
                let more: String = rest
                    .chars()
                    .take_while(|c| c.is_digit(radix))
                    .take(max - digits.len())
                    .collect();
                for _ in 0..more.len() {
                    chars.next();
                }
                digits.push_str(&more);
                if digits.is_empty() {
                    return Err(error_at(no, line, at, "escape \\x without hex digits"));
                }
                match u32::from_str_radix(&digits, radix)
                    .ok()
                    .and_then(|code| u8::try_from(code).ok())
                    .filter(u8::is_ascii)
                {
                    Some(code) => value.push(char::from(code)),
                    None => {
                        return Err(error_at(
                            no,
                            line,
                            at,
                            format!(
                                "escape \\{escaped}{}: only ASCII characters may be escaped",
                                &more
                            ),
                        ));
                    }
                }
            }
            ch => value.push(ch),
        }
    }
    Err(error_at(no, line, start, "unterminated string"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exchange::Export;

    fn write(export: &Export) -> String {
        crate::exchange::write(crate::exchange::Format::Po, export)
    }
    use crate::exchange::sample;
    use crate::exchange::{Format, Markup};

    /// The sample, plus units that stretch the format: a long source,
    /// a path with a space, a translation that differs from its source in
    /// a trailing line break, awkward characters.
    fn export() -> Export {
        let mut export = sample::export();
        let base = export.units[1].clone();
        let mut long = base.clone();
        long.key = "body:p[9]".into();
        long.source = "Det här är ett långt stycke som inte får plats på en rad i en PO-fil, \
                       så det bryts efter mellanslag precis som gettext gör.\nOch en rad till."
            .into();
        long.target = Some("A long paragraph. ".repeat(8));
        long.markup.clear();
        let mut spaced = base.clone();
        spaced.path = "content/sv/mina jobb.md".into();
        spaced.key = "body:p[1]".into();
        spaced.markup = vec![Markup {
            id: 1,
            open: "```sh\nls -l\n```".into(),
            close: None,
        }];
        spaced.source = "Kör <1/>".into();
        spaced.target = Some("Run <1/>".into());
        let mut trailing = base.clone();
        trailing.key = "fm:description".into();
        trailing.source = "Rad ett\nrad två\n".into();
        trailing.target = Some("Line one\nline two".into());
        trailing.state = State::Reviewed;
        trailing.markup.clear();
        let mut odd = base;
        odd.key = "body:p[10]".into();
        odd.source = "a\\b \"c\"\td\re\u{7}f".into();
        odd.target = Some("\\\\ \"\" \t\t \r\n x".into());
        odd.markup.clear();
        odd.suggestions = vec![crate::exchange::Suggestion {
            source: "två\nrader".into(),
            target: "two\r\nlines".into(),
            score: 72.4,
            origin: "content/sv/x.md#body:p[1]".into(),
        }];
        export.units.extend([long, spaced, trailing, odd]);
        export
    }

    #[test]
    fn sample_reads_back() {
        let e = sample::export();
        sample::assert_reads_back(Format::Po, &e, &write(&e));
        let e = export();
        let text = write(&e);
        sample::assert_reads_back(Format::Po, &e, &text);
        let file = read(&text).unwrap();
        assert_eq!(file.source_lang.as_deref(), Some("sv"));
        assert_eq!(file.target_lang.as_deref(), Some("en"));
        let states: Vec<_> = file.units.iter().map(|u| u.state).collect();
        assert_eq!(
            states,
            [
                Some(State::Stale),
                Some(State::Translated),
                None,
                Some(State::Draft),
                Some(State::Translated),
                Some(State::Draft),
                Some(State::Translated),
                Some(State::Translated),
                Some(State::Translated),
                Some(State::Translated),
            ]
        );
        // Each unit's line is where its entry begins.
        let lines: Vec<&str> = text.lines().collect();
        for unit in &file.units {
            let previous = if unit.line > 1 {
                lines[unit.line - 2]
            } else {
                ""
            };
            assert!(
                previous.is_empty(),
                "{}: {}",
                unit.line,
                lines[unit.line - 1]
            );
        }
    }

    #[test]
    fn writes_the_expected_entries() {
        let e = sample::export();
        let text = write(&e);
        assert_eq!(text, write(&e), "deterministic");
        assert!(text.contains("\"Language: en\\n\"\n"), "{text}");
        assert!(text.contains("\"X-Source-Language: sv\\n\"\n"), "{text}");
        assert!(
            text.contains("\"Plural-Forms: nplurals=2; plural=(n != 1);\\n\"\n"),
            "{text}"
        );
        let stale = "#. kind: front-matter\n#. translation from: import:jobb.po\n#: content/sv/jobb.md:2\n#, fuzzy\n#| msgid \"Bli utvecklare\"\n\
                     msgctxt \"content/sv/jobb.md#fm:title\"\nmsgid \"Bli DevOps-ingenjör\"\n\
                     msgstr \"Become a developer\"\n";
        assert!(text.contains(stale), "{text}");
        let linked = "#. kind: paragraph\n#. translation from: import:jobb.po\n#. <1>…</1>: [ … ](https://example.com/?a=1&b=<2>)\n\
                      #. <2/>: `ls -l`\n#: content/sv/jobb.md:7\nmsgctxt \"content/sv/jobb.md#body:p[1]\"\n\
                      msgid \"Läs <1>guiden</1> och kör <2/> & \\\"gå\\\"\"\n";
        assert!(text.contains(linked), "{text}");
        let missing = "# tm 80%: \"Ansök nu\" → \"Apply now\" (content/sv/annat.md#body:p[2])\n\
                       #. kind: shortcode-param\n#: content/sv/jobb.md:12\n\
                       msgctxt \"content/sv/jobb.md#sc:note[1].0\"\nmsgid \"\"\n\"Ansök nu\\n\"\n\"senast i dag\"\n\
                       msgstr \"\"\n";
        assert!(text.contains(missing), "{text}");
        assert!(text.contains(
            "#. machine translation, not reviewed yet\n#: content/sv/om.md:3\n#, fuzzy\n"
        ));

        let text = write(&export());
        assert!(
            text.contains("#: \u{2068}content/sv/mina jobb.md\u{2069}:7\n"),
            "{text}"
        );
        assert!(text.contains("#. <1/>: ```sh⏎ls -l⏎```\n"), "{text}");
        assert!(
            text.contains(&format!(
                "#. {TRANSLATED_NOTE}\n#: content/sv/jobb.md:7\n#, fuzzy\n"
            )),
            "{text}"
        );
        assert!(
            text.contains("# tm 72%: \"två⏎rader\" → \"two⏎lines\" (content/sv/x.md#body:p[1])\n")
        );
        for line in text
            .lines()
            .filter(|l| l.starts_with('"') && l.contains(' '))
        {
            assert!(line.chars().count() <= WIDTH, "{line}");
        }
    }

    #[test]
    fn escapes_round_trip() {
        let mut e = sample::export();
        let texts = [
            "\"quoted\" \\backslash\\ \\n not a newline",
            "tab\there\r\nwindows\nunix\n",
            "\n leading and trailing \n",
            "\\",
            "\"",
            "ends with backslash \\",
            "bell \u{7} backspace \u{8} vt \u{b} ff \u{c}",
            &"ordlångtordlångtord ".repeat(10),
            &"x".repeat(200),
        ];
        e.units.truncate(1);
        let template = e.units[0].clone();
        e.units = texts
            .iter()
            .enumerate()
            .map(|(i, text)| {
                let mut unit = template.clone();
                unit.key = format!("body:p[{i}]");
                unit.source = text.to_string();
                unit.target = Some(text.chars().rev().collect());
                unit.state = State::Translated;
                unit.previous_source = None;
                unit
            })
            .collect();
        let written = write(&e);
        sample::assert_reads_back(Format::Po, &e, &written);
    }

    #[test]
    fn reads_a_file_edited_in_poedit() {
        // Saved by Poedit: header rewritten, the stale unit confirmed (no
        // fuzzy, no #|), the missing one translated, the draft's
        // translation changed, lines wrapped elsewhere, CRLF and a BOM.
        let text = "\u{feff}# Translation from sv to en, exported by tolkar.\n\
msgid \"\"\n\
msgstr \"\"\n\
\"Project-Id-Version: tolkar\\n\"\n\
\"PO-Revision-Date: 2024-05-02 10:11+0200\\n\"\n\
\"Last-Translator: Anna <anna@example.com>\\n\"\n\
\"Language-Team: none\\n\"\n\
\"Language: en\\n\"\n\
\"MIME-Version: 1.0\\n\"\n\
\"Content-Type: text/plain; charset=UTF-8\\n\"\n\
\"Content-Transfer-Encoding: 8bit\\n\"\n\
\"Plural-Forms: nplurals=2; plural=(n != 1);\\n\"\n\
\"X-Source-Language: sv\\n\"\n\
\"X-Generator: Poedit 3.4.2\\n\"\n\
\n\
#. kind: front-matter\n\
#: content/sv/jobb.md:2\n\
msgctxt \"content/sv/jobb.md#fm:title\"\n\
msgid \"Bli DevOps-\"\n\
\"ingenjör\"\n\
msgstr \"Become a DevOps engineer\"\n\
\n\
# tm 80%: \"Ansök nu\" → \"Apply now\" (content/sv/annat.md#body:p[2])\n\
#. kind: shortcode-param\n\
msgctxt \"content/sv/jobb.md#sc:note[1].0\"\n\
msgid \"Ansök nu\\nsenast i dag\"\n\
msgstr \"\"\n\
\"Apply now\\n\"\n\
\"by today\"\n\
\n\
#, fuzzy\n\
msgctxt \"content/sv/om.md#body:li[2]\"\n\
msgid \"Te\"\n\
msgstr \"Some tea\"\n\
\n\
msgctxt \"content/sv/om.md#body:li[1]\"\n\
msgid \"Kaffe\"\n\
msgstr \"\"\n\
\n\
#~ msgctxt \"content/sv/gammal.md#body:p[1]\"\n\
#~ msgid \"Borta\"\n\
#~ msgstr \"Gone\"\n"
            .replace('\n', "\r\n");
        let file = read(&text).unwrap();
        assert_eq!(file.target_lang.as_deref(), Some("en"));
        assert_eq!(file.source_lang.as_deref(), Some("sv"));
        let got: Vec<_> = file
            .units
            .iter()
            .map(|u| {
                (
                    u.id.as_str(),
                    u.source.as_deref(),
                    u.target.as_deref(),
                    u.state,
                    u.line,
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    "content/sv/jobb.md#fm:title",
                    Some("Bli DevOps-ingenjör"),
                    Some("Become a DevOps engineer"),
                    Some(State::Translated),
                    16
                ),
                (
                    "content/sv/jobb.md#sc:note[1].0",
                    Some("Ansök nu\nsenast i dag"),
                    Some("Apply now\nby today"),
                    Some(State::Translated),
                    23
                ),
                (
                    "content/sv/om.md#body:li[2]",
                    Some("Te"),
                    Some("Some tea"),
                    Some(State::Draft),
                    31
                ),
                ("content/sv/om.md#body:li[1]", Some("Kaffe"), None, None, 36),
            ]
        );
    }

    #[test]
    fn stale_stays_stale_until_confirmed() {
        let text = "msgctxt \"a.md#k\"\nmsgid \"new\"\nmsgstr \"old\"\n\n\
                    #, fuzzy\n#| msgid \"\"\n#| \"older \"\n#| \"source\"\nmsgctxt \"a.md#l\"\nmsgid \"new\"\nmsgstr \"x\"\n";
        let file = read(text).unwrap();
        assert_eq!(file.units[0].state, Some(State::Translated));
        assert_eq!(file.units[1].state, Some(State::Stale));
        assert_eq!(file.units[1].line, 5);
        assert_eq!(file.target_lang, None);
    }

    fn error(text: &str) -> (usize, usize, String) {
        let e = read(text).expect_err(text);
        (e.line, e.column, e.message)
    }

    #[test]
    fn syntax_errors_name_line_and_column() {
        let head = "msgid \"\"\nmsgstr \"Language: en\\n\"\n\n";
        let cases: &[(&str, usize, usize, &str)] = &[
            (
                "msgctxt \"a#b\"\nmsgid \"x\nmsgstr \"\"\n",
                5,
                7,
                "unterminated",
            ),
            (
                "msgctxt \"a#b\"\nmsgid \"x\\q\"\nmsgstr \"\"\n",
                5,
                9,
                "unknown escape",
            ),
            (
                "msgctxt \"a#b\"\nmsgid \"x\\xff\"\nmsgstr \"\"\n",
                5,
                9,
                "ASCII",
            ),
            (
                "msgctxt \"a#b\"\nmsgid \"x\\xg\"\nmsgstr \"\"\n",
                5,
                9,
                "without hex digits",
            ),
            (
                "msgctxt \"a#b\"\nmsgid \"x\" y\nmsgstr \"\"\n",
                5,
                11,
                "after the string",
            ),
            (
                "msgctxt \"a#b\"\nmsgstr \"x\"\n",
                5,
                1,
                "msgstr without msgid",
            ),
            ("msgstr \"x\"\n", 4, 1, "second msgstr"),
            (
                "msgctxt \"a#b\"\nmsgid \"x\"\nmsgctxt \"c\"\n",
                6,
                1,
                "msgctxt after msgid",
            ),
            (
                "msgctxt \"a#b\"\nmsgid \"x\"\nmsgid \"y\"\n",
                6,
                1,
                "line 5 has no msgstr",
            ),
            (
                "msgctxt \"a#b\"\nmsgid \"x\"\nmsgstr \"\"\nmsgstr \"y\"\n",
                7,
                1,
                "second msgstr",
            ),
            (
                "msgctxt \"a#b\"\nmsgid \"x\"\n#. note\nmsgstr \"\"\n",
                6,
                1,
                "comment inside",
            ),
            (
                "msgctxt \"a#b\"\nmsgid \"x\"\n",
                5,
                1,
                "msgid without msgstr",
            ),
            ("msgctxt \"a#b\"\n", 4, 1, "msgctxt without msgid"),
            ("#. c\n\"stray\"\n", 5, 1, "must follow"),
            (
                "msgctxt \"a#b\"\nmsgid \"x\"\nmsgstr \"\"\nhello there\n",
                7,
                1,
                "unknown keyword hello",
            ),
            (
                "msgctxt \"a#b\"\nmsgid \"x\"\nmsgstr \"\"\n  !!!\n",
                7,
                3,
                "unexpected text",
            ),
            (
                "msgctxt \"a#b\"\nmsgid\nmsgstr \"\"\n",
                5,
                6,
                "expected a string after msgid",
            ),
            (
                "#| msgid \"a\nmsgctxt \"a#b\"\nmsgid \"x\"\nmsgstr \"\"\n",
                4,
                10,
                "unterminated",
            ),
            ("#. c\n#| \"a\"\n", 5, 4, "#| string"),
            (
                "#. note\nmsgid \"x\"\nmsgstr \"y\"\n",
                4,
                1,
                "without msgctxt",
            ),
            (
                "msgctxt \"a#b\"\nmsgid \"x\"\nmsgid_plural \"xs\"\nmsgstr[0] \"\"\n",
                6,
                1,
                "msgid_plural",
            ),
            (
                "msgctxt \"a#b\"\nmsgid \"x\"\nmsgstr[0] \"\"\n",
                6,
                1,
                "msgstr[0]",
            ),
        ];
        for &(body, line, column, message) in cases {
            let (l, c, m) = error(&format!("{head}{body}"));
            assert_eq!((l, c), (line, column), "{body:?}: {m}");
            assert!(m.contains(message), "{body:?}: {m}");
        }
        assert_eq!(
            error("msgstr \"x\"\n"),
            (1, 1, "msgstr without msgid".into())
        );
        assert_eq!(error("\"stray\"\n").0, 1);
        // Columns count characters, and CRLF does not shift them.
        let (l, c, _) = error("msgctxt \"å#b\"\r\nmsgid \"ö\\q\"\r\nmsgstr \"\"\r\n");
        assert_eq!((l, c), (2, 9));
    }

    #[test]
    fn accepts_what_gettext_writes() {
        let text = "# translator\n#, fuzzy\nmsgid \"\"\nmsgstr \"\"\n\"Language: de_DE\\n\"\n\n\
                    #: a.c:1 b.c:2\n#, c-format, fuzzy\n#| msgctxt \"old\"\n#| msgid \"old\"\n\
                    msgctxt \"a.md#k\"\nmsgid \"\\a\\b\\f\\v\\'\\?\\101\\x42\"\nmsgstr \"x\"\n\n\
                    #~ msgid \"gone\"\n#~ msgstr \"weg\"\n";
        let file = read(text).unwrap();
        assert_eq!(file.target_lang.as_deref(), Some("de_DE"));
        assert_eq!(file.units.len(), 1);
        assert_eq!(
            file.units[0].source.as_deref(),
            Some("\u{7}\u{8}\u{c}\u{b}'?AB")
        );
        assert_eq!(file.units[0].state, Some(State::Stale));
        assert_eq!(read("").unwrap(), ImportFile::default());
    }

    #[test]
    fn plural_forms_by_language() {
        assert_eq!(plural_forms("sv"), "nplurals=2; plural=(n != 1);");
        assert_eq!(plural_forms("pt"), "nplurals=2; plural=(n != 1);");
        assert_eq!(plural_forms("pt-BR"), "nplurals=2; plural=(n > 1);");
        assert_eq!(plural_forms("pt_BR"), "nplurals=2; plural=(n > 1);");
        assert_eq!(plural_forms("fr-CA"), "nplurals=2; plural=(n > 1);");
        assert_eq!(plural_forms("zh-Hant"), "nplurals=1; plural=0;");
        assert!(plural_forms("uk").starts_with("nplurals=3;"));
        assert_eq!(plural_forms("xx"), "nplurals=2; plural=(n != 1);");
    }

    #[test]
    fn read_back_merges_what_po_cannot_tell_apart() {
        assert_eq!(read_back(State::Machine), State::Draft);
        assert_eq!(read_back(State::Reviewed), State::Translated);
        assert_eq!(read_back(State::Stale), State::Stale);
        assert_eq!(read_back(State::Missing), State::Missing);
    }

    /// `msgfmt --check` accepts what we write, without warnings, for
    /// languages with each kind of plural forms.
    #[test]
    fn msgfmt_accepts_the_output() {
        let Ok(version) = std::process::Command::new("msgfmt")
            .arg("--version")
            .output()
        else {
            eprintln!("msgfmt not found; skipping");
            return;
        };
        assert!(version.status.success());
        for lang in [
            "en", "pt-BR", "ja", "ru", "pl", "cs", "ar", "ga", "sl", "ro", "lv", "lt", "is",
        ] {
            let mut e = export();
            e.target_lang = lang.into();
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("out.po");
            std::fs::write(&path, write(&e)).unwrap();
            let output = std::process::Command::new("msgfmt")
                .args(["--check", "-o", "/dev/null"])
                .arg(&path)
                .output()
                .unwrap();
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert!(output.status.success(), "{lang}: {stderr}");
            assert!(stderr.trim().is_empty(), "{lang}: {stderr}");
        }
        // gettext's own writer lays the file out the same, byte for byte.
        let text = write(&export());
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.po");
        std::fs::write(&path, &text).unwrap();
        if let Ok(output) = std::process::Command::new("msgcat").arg(&path).output() {
            assert!(output.status.success());
            assert_eq!(String::from_utf8_lossy(&output.stdout), text);
        }
    }
}
