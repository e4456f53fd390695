//! CSV for spreadsheets: RFC 4180, UTF-8 with a byte order mark (so Excel
//! opens it as UTF-8), CRLF between records, a header row, fields quoted
//! where needed. One row per unit:
//!
//! `id, path, key, line, kind, state, source (sv), target (en),
//! previous source, suggestion, placeholders`
//!
//! The reader finds columns by header name (case-insensitive, `_` or `-`
//! for a space, a `(lang)` suffix allowed), so columns may be reordered,
//! added or dropped, except `id` and `target`. It takes the languages
//! from the `source (…)` and `target (…)` headers. A file saved with `;`
//! or tabs between fields (Excel in many locales) reads too: the first of
//! `,`, `;` and tab in the header line is the delimiter.
//!
//! Cells are written verbatim, also those that start with `=`, `+`, `-` or
//! `@`, which spreadsheets may take for formulas. Prefixing them (`'=`)
//! would change the text a translator sees and must keep, and would not
//! survive the round trip reliably; the cells are the site's own text and
//! the translator's. The user documentation says how to import the file
//! with every column as text, which also keeps ids, numbers and dates as
//! they are.
//!
//! The reader is strict where the `csv` crate is lenient: a quoted field
//! that is never closed, or text after a closing quote, is an error at the
//! line of the quote, not a field running to the end of the file.

use super::{ExportUnit, ImportFile, ImportUnit, ReadError, State};

const BOM: char = '\u{feff}';

fn csv_writer() -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new())
}

fn push_records(out: &mut String, records: csv::Writer<Vec<u8>>) {
    let bytes = records.into_inner().expect("writing to memory");
    out.push_str(std::str::from_utf8(&bytes).expect("the records are UTF-8"));
}

/// The byte order mark (spreadsheets read UTF-8 by it) and the header row.
pub(super) fn head(out: &mut String, source_lang: &str, target_lang: &str) {
    let mut records = csv_writer();
    let source = format!("source ({source_lang})");
    let target = format!("target ({target_lang})");
    records
        .write_record([
            "id",
            "path",
            "key",
            "line",
            "kind",
            "state",
            &source,
            &target,
            "previous source",
            "suggestion",
            "placeholders",
            "origin",
        ])
        .expect("writing to memory");
    out.push(BOM);
    push_records(out, records);
}

/// One row per unit.
pub(super) fn rows(out: &mut String, units: &[ExportUnit]) {
    let mut records = csv_writer();
    for unit in units {
        records
            .write_record([
                unit.id().as_str(),
                &unit.path,
                &unit.key,
                &unit.line.to_string(),
                &unit.kind,
                unit.state.as_str(),
                &unit.source,
                unit.target.as_deref().unwrap_or(""),
                unit.previous_source.as_deref().unwrap_or(""),
                &suggestion(unit),
                &placeholders(unit),
                unit.origin.as_deref().unwrap_or(""),
            ])
            .expect("writing to memory");
    }
    push_records(out, records);
}

/// The best suggestion, as `80% Apply now`; the first of equal scores.
fn suggestion(unit: &ExportUnit) -> String {
    let best = unit
        .suggestions
        .iter()
        .reduce(|best, s| if s.score > best.score { s } else { best });
    best.map_or_else(String::new, |s| format!("{:.0}% {}", s.score, s.target))
}

/// One line per placeholder: `<1>…</1> = […](url)`, `<2/> = `ls``.
fn placeholders(unit: &ExportUnit) -> String {
    let lines: Vec<String> = unit
        .markup
        .iter()
        .map(|m| match &m.close {
            Some(close) => format!("<{0}>…</{0}> = {1}…{2}", m.id, m.open, close),
            None => format!("<{}/> = {}", m.id, m.open),
        })
        .collect();
    lines.join("\n")
}

pub fn read(text: &str) -> Result<ImportFile, ReadError> {
    let body = text.strip_prefix(BOM).unwrap_or(text);
    // Offsets below are into `text`, so that errors count columns right.
    let skip = text.len() - body.len();
    let records = parse(text, skip, delimiter(body))?;
    let Some((header, rows)) = records.split_first() else {
        return Err(ReadError::new(1, 1, "empty file: no header row"));
    };
    let columns = Columns::find(text, header)?;
    let mut file = ImportFile {
        source_lang: columns.source_lang.clone(),
        target_lang: columns.target_lang.clone(),
        units: Vec::with_capacity(rows.len()),
    };
    for row in rows {
        if row.fields.len() != header.fields.len() {
            return Err(ReadError::at(
                text,
                row.start,
                format!(
                    "this row has {} fields, the header has {}",
                    row.fields.len(),
                    header.fields.len()
                ),
            ));
        }
        if row.fields.iter().all(|f| f.value.is_empty()) {
            continue;
        }
        let id = &row.fields[columns.id];
        if id.value.trim().is_empty() {
            return Err(ReadError::at(text, id.offset, "the id is empty"));
        }
        let state = match columns.state.map(|i| &row.fields[i]) {
            Some(cell) if !cell.value.trim().is_empty() => {
                Some(cell.value.parse::<State>().map_err(|bad| {
                    ReadError::at(
                        text,
                        cell.offset,
                        format!("unknown state \"{bad}\"; states are {}", state_names()),
                    )
                })?)
            }
            _ => None,
        };
        let target = &row.fields[columns.target].value;
        file.units.push(ImportUnit {
            id: id.value.trim().to_string(),
            source: columns.source.map(|i| row.fields[i].value.clone()),
            target: (!target.is_empty()).then(|| target.clone()),
            state,
            line: row.line,
        });
    }
    Ok(file)
}

pub fn read_back(state: State) -> State {
    state
}

fn state_names() -> String {
    State::ALL.map(State::as_str).join(", ")
}

/// The first of `,`, `;` and tab outside quotes in the first line; `,` if
/// there is none.
fn delimiter(text: &str) -> u8 {
    let mut quoted = false;
    for byte in text.bytes() {
        match byte {
            b'"' => quoted = !quoted,
            b',' | b';' | b'\t' if !quoted => return byte,
            b'\r' | b'\n' if !quoted => break,
            _ => {}
        }
    }
    b','
}

/// Where the reader's columns are.
struct Columns {
    id: usize,
    target: usize,
    source: Option<usize>,
    state: Option<usize>,
    source_lang: Option<String>,
    target_lang: Option<String>,
}

impl Columns {
    fn find(text: &str, header: &Record) -> Result<Columns, ReadError> {
        const NAMES: [&str; 4] = ["id", "target", "source", "state"];
        let mut found = [None; 4];
        let mut columns = Columns {
            id: 0,
            target: 0,
            source: None,
            state: None,
            source_lang: None,
            target_lang: None,
        };
        for (i, field) in header.fields.iter().enumerate() {
            let (name, lang) = header_name(&field.value);
            let Some(which) = NAMES.iter().position(|&n| n == name) else {
                continue;
            };
            if found[which].is_some() {
                return Err(ReadError::at(
                    text,
                    field.offset,
                    format!("there are two \"{name}\" columns"),
                ));
            }
            found[which] = Some(i);
            match name.as_str() {
                "source" => columns.source_lang = lang,
                "target" => columns.target_lang = lang,
                _ => {}
            }
        }
        match found {
            [Some(id), Some(target), source, state] => Ok(Columns {
                id,
                target,
                source,
                state,
                ..columns
            }),
            _ => {
                let missing: Vec<&str> = NAMES[..2]
                    .iter()
                    .zip(found)
                    .filter(|(_, i)| i.is_none())
                    .map(|(&n, _)| n)
                    .collect();
                Err(ReadError::at(
                    text,
                    header.start,
                    format!("the header has no {} column", missing.join(" or ")),
                ))
            }
        }
    }
}

/// A header cell as a column name and the language in its `(…)` suffix:
/// `Target (en)` is `("target", Some("en"))`, `previous_source` is
/// `("previous source", None)`.
fn header_name(cell: &str) -> (String, Option<String>) {
    let cell = cell.trim();
    let (name, lang) = match cell.strip_suffix(')').and_then(|c| c.rsplit_once('(')) {
        Some((name, lang)) => (
            name,
            Some(lang.trim())
                .filter(|l| !l.is_empty())
                .map(str::to_string),
        ),
        None => (cell, None),
    };
    let name = name
        .to_lowercase()
        .replace(['_', '-'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    (name, lang)
}

/// A record of the file: where it starts and its fields.
struct Record {
    /// 1-based line where it starts.
    line: usize,
    /// Byte offset where it starts.
    start: usize,
    fields: Vec<Field>,
}

struct Field {
    value: String,
    /// Byte offset where it starts.
    offset: usize,
}

/// Splits `text` from byte `pos` into records (RFC 4180, with `\r\n`, `\n`
/// or `\r` between records). Empty lines are skipped. A quote inside an
/// unquoted field is kept as text.
fn parse(text: &str, mut pos: usize, delimiter: u8) -> Result<Vec<Record>, ReadError> {
    let bytes = text.as_bytes();
    let mut line = 1 + bytes[..pos].iter().filter(|&&b| b == b'\n').count();
    let mut records = Vec::new();
    while pos < bytes.len() {
        // An empty line is no record.
        if matches!(bytes[pos], b'\r' | b'\n') {
            pos = after_newline(bytes, pos, &mut line);
            continue;
        }
        let mut record = Record {
            line,
            start: pos,
            fields: Vec::new(),
        };
        loop {
            let offset = pos;
            let value = if bytes.get(pos) == Some(&b'"') {
                let mut value = String::new();
                let mut run = pos + 1;
                pos += 1;
                loop {
                    match bytes.get(pos) {
                        None => {
                            return Err(ReadError::at(
                                text,
                                offset,
                                "this quoted field is never closed (a missing or stray \")",
                            ));
                        }
                        Some(b'"') if bytes.get(pos + 1) == Some(&b'"') => {
                            value.push_str(&text[run..pos + 1]);
                            pos += 2;
                            run = pos;
                        }
                        Some(b'"') => {
                            value.push_str(&text[run..pos]);
                            pos += 1;
                            break;
                        }
                        Some(b'\n') => {
                            line += 1;
                            pos += 1;
                        }
                        // Line ends inside a cell read as `\n`, as in the
                        // XLIFF and PO readers: `\r\n` and a lone `\r`.
                        Some(b'\r') => {
                            value.push_str(&text[run..pos]);
                            value.push('\n');
                            pos += 1;
                            if bytes.get(pos) == Some(&b'\n') {
                                line += 1;
                                pos += 1;
                            }
                            run = pos;
                        }
                        Some(_) => pos += 1,
                    }
                }
                match bytes.get(pos) {
                    None | Some(b'\r' | b'\n') => {}
                    Some(&b) if b == delimiter => {}
                    Some(_) => {
                        return Err(ReadError::at(
                            text,
                            pos,
                            "text after the closing quote of a field (write a quote inside a quoted field as \"\")",
                        ));
                    }
                }
                value
            } else {
                let end = bytes[pos..]
                    .iter()
                    .position(|&b| b == delimiter || b == b'\r' || b == b'\n')
                    .map_or(bytes.len(), |n| pos + n);
                let value = text[pos..end].to_string();
                pos = end;
                value
            };
            record.fields.push(Field { value, offset });
            match bytes.get(pos) {
                Some(&b) if b == delimiter => pos += 1,
                Some(_) => {
                    pos = after_newline(bytes, pos, &mut line);
                    break;
                }
                None => break,
            }
        }
        records.push(record);
    }
    Ok(records)
}

/// The offset after the line break at `pos`, counting the line.
fn after_newline(bytes: &[u8], pos: usize, line: &mut usize) -> usize {
    *line += 1;
    if bytes[pos] == b'\r' && bytes.get(pos + 1) == Some(&b'\n') {
        pos + 2
    } else {
        pos + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exchange::Export;

    fn write(export: &Export) -> String {
        crate::exchange::write(crate::exchange::Format::Csv, export)
    }
    use crate::exchange::{Format, sample};

    #[test]
    fn sample_reads_back() {
        let (_, _, file) = sample::round_trip(Format::Csv);
        // The stale unit has a record of one line; the linked one's
        // placeholders take two lines; the missing one's source two.
        let lines: Vec<usize> = file.units.iter().map(|u| u.line).collect();
        assert_eq!(lines, [2, 3, 5, 7, 8, 9]);
    }

    #[test]
    fn writes_header_bom_crlf_and_quotes() {
        let text = write(&sample::export());
        assert!(text.starts_with(
            "\u{feff}id,path,key,line,kind,state,source (sv),target (en),previous source,suggestion,placeholders,origin\r\n"
        ));
        assert!(text.contains(
            "\r\ncontent/sv/jobb.md#fm:title,content/sv/jobb.md,fm:title,2,front-matter,stale,\
             Bli DevOps-ingenjör,Become a developer,Bli utvecklare,,,import:jobb.po\r\n"
        ));
        assert!(text.contains(
            ",\"Läs <1>guiden</1> och kör <2/> & \"\"gå\"\"\",\
             \"Read <1>the guide</1> and run <2/> & \"\"go\"\"\",,,\
             \"<1>…</1> = […](https://example.com/?a=1&b=<2>)\n<2/> = `ls -l`\",import:jobb.po\r\n"
        ));
        assert!(text.contains(",missing,\"Ansök nu\nsenast i dag\",,,80% Apply now,,\r\n"));
        assert!(text.ends_with("Te,Tea,,,,import:jobb.po\r\n"));
        assert_eq!(write(&sample::export()), text);
    }

    #[test]
    fn best_suggestion_wins() {
        let mut e = sample::export();
        let unit = &mut e.units[2];
        let mut better = unit.suggestions[0].clone();
        better.score = 92.4;
        better.target = "Apply today".into();
        unit.suggestions.push(better);
        assert_eq!(suggestion(unit), "92% Apply today");
    }

    #[test]
    fn tricky_cells_round_trip() {
        let mut e = sample::export();
        let texts = [
            "=SUM(A1:A2)",
            "+46 8 123",
            "-5 grader, \"kallt\"",
            "@hem",
            "rad ett\nrad två\n\"citat\"",
            " mellanslag ",
            "a;b\tc",
        ];
        // One unit per text: every one is written and read back.
        let template = e.units[0].clone();
        e.units = texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let mut unit = template.clone();
                unit.key = format!("body:p[{i}]");
                unit.source = t.to_string();
                unit.target = Some(format!("{t}, en"));
                unit
            })
            .collect();
        let text = write(&e);
        sample::assert_reads_back(Format::Csv, &e, &text);
        assert!(text.contains("\"a;b\tc, en\""), "{text}");
        assert!(text.contains(",=SUM(A1:A2),\"=SUM(A1:A2), en\","), "{text}");
        assert!(text.contains(",@hem,\"@hem, en\","), "{text}");
    }

    #[test]
    fn line_ends_in_cells_read_as_newlines() {
        let text = "id,target\r\na.md#k,\"a\r\nb\rc\n\r\nd\"\"\r\"\r\nb.md#k,x\r\n";
        let file = read(text).unwrap();
        assert_eq!(file.units[0].target.as_deref(), Some("a\nb\nc\n\nd\"\n"));
        // Lines count as before (`\n`s): the second row is on line 6.
        assert_eq!(file.units[1].line, 6);
        // A written CR comes back as a line break.
        let mut e = sample::export();
        e.units[0].target = Some("rad ett\r\nrad två\r".into());
        let file = read(&write(&e)).unwrap();
        assert_eq!(file.units[0].target.as_deref(), Some("rad ett\nrad två\n"));
    }

    #[test]
    fn reordered_extra_and_plain_columns() {
        let text = "Notes,TARGET,Id,State,Source\n\
                    hi,Coffee,content/sv/om.md#body:li[1],Reviewed,Kaffe\n\
                    ,,content/sv/om.md#body:li[2],,Te\n";
        let file = read(text).unwrap();
        assert_eq!(file.source_lang, None);
        assert_eq!(file.target_lang, None);
        assert_eq!(
            file.units,
            [
                ImportUnit {
                    id: "content/sv/om.md#body:li[1]".into(),
                    source: Some("Kaffe".into()),
                    target: Some("Coffee".into()),
                    state: Some(State::Reviewed),
                    line: 2,
                },
                ImportUnit {
                    id: "content/sv/om.md#body:li[2]".into(),
                    source: Some("Te".into()),
                    target: None,
                    state: None,
                    line: 3,
                },
            ]
        );
        // Only id and target are needed; languages come from the header.
        let file = read("target (de-CH),id\r\nKaffi,x.md#k\r\n").unwrap();
        assert_eq!(file.target_lang.as_deref(), Some("de-CH"));
        assert_eq!(file.units[0].source, None);
        assert_eq!(file.units[0].target.as_deref(), Some("Kaffi"));
    }

    #[test]
    fn semicolons_and_blank_rows() {
        let text = "\u{feff}id;source (sv);target (en);previous_source\r\n\
                    x.md#k;\"a;b\";\"c;d\";\r\n\
                    ;;;\r\n\
                    \r\n";
        let file = read(text).unwrap();
        assert_eq!(file.units.len(), 1);
        assert_eq!(file.units[0].target.as_deref(), Some("c;d"));
        assert_eq!(file.source_lang.as_deref(), Some("sv"));
    }

    #[test]
    fn missing_columns_are_named() {
        let err = read("path,source (sv)\r\na,b\r\n").unwrap_err();
        assert_eq!((err.line, err.column), (1, 1));
        assert!(err.message.contains("no id or target column"), "{err}");
        let err = read("id,state\r\na,b\r\n").unwrap_err();
        assert!(err.message.contains("no target column"), "{err}");
        let err = read("id,target,Target (en)\r\na,b,c\r\n").unwrap_err();
        assert_eq!((err.line, err.column), (1, 11));
        assert!(read("").is_err());
        assert!(read("\u{feff}").is_err());
    }

    #[test]
    fn broken_quotes_are_errors_with_their_line() {
        // Never closed: the error is at the opening quote.
        let text = "id,target\r\na,ok\r\nb,\"Read\r\nmore\r\nc,x\r\n";
        let err = read(text).unwrap_err();
        assert_eq!((err.line, err.column), (3, 3), "{err}");
        assert!(err.message.contains("never closed"), "{err}");
        // Text after a closing quote.
        let text = "id,target\r\na,\"multi\nline\"\r\nb,\"say \"hi\" now\"\r\n";
        let err = read(text).unwrap_err();
        assert_eq!((err.line, err.column), (4, 9), "{err}");
    }

    #[test]
    fn unequal_rows_are_errors_with_their_line() {
        let text = "\u{feff}id,target\r\na,\"x\ny\"\r\nb,c,d\r\n";
        let err = read(text).unwrap_err();
        assert_eq!((err.line, err.column), (4, 1), "{err}");
        assert!(err.message.contains("3 fields, the header has 2"), "{err}");
        let err = read("id,target\na\n").unwrap_err();
        assert_eq!(err.line, 2);
    }

    #[test]
    fn unknown_state_is_an_error_at_its_cell() {
        let text = "id,state,target\r\na,translated,x\r\nb,done,y\r\n";
        let err = read(text).unwrap_err();
        assert_eq!((err.line, err.column), (3, 3), "{err}");
        assert!(err.message.contains("unknown state \"done\""), "{err}");
        let err = read("id,target\r\n,x\r\n").unwrap_err();
        assert!(err.message.contains("id is empty"), "{err}");
    }
}
