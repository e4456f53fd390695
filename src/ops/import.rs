//! Reading translations back from exchange files: every file is read and
//! its language settled before the store is opened; then, in the store's
//! transaction, each file is read again unit by unit, and each batch of
//! units checked (`crate::import::plan`) and stored. The caller rolls the
//! transaction back when a unit was refused, unless partial: nothing is
//! stored then. A file is never held whole, nor its units.

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};

use crate::exchange::stream::{Languages, Unread};
use crate::exchange::{self, Format, ImportFile, ImportUnit, State};
use crate::import::{Decision, Reading, Reason, Segments, Tally, apply, plan};
use crate::message::{Diagnostic, Message};
use crate::posting::Location;
use crate::project::{Project, ProjectError};
use crate::store::{Origin, StoreError, Tx};

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ImportError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}:{}:{}: not UTF-8", at.line, at.column)]
    NotUtf8 { path: PathBuf, at: Location },
    #[error("{path}: not a file format tolkar reads")]
    UnknownFormat { path: PathBuf },
    #[error("{path}:{line}:{column}: not valid {format}: {reason}")]
    Syntax {
        path: PathBuf,
        line: usize,
        column: usize,
        format: Format,
        reason: String,
    },
    #[error("{path} is for {found}, not {lang}")]
    Language {
        path: PathBuf,
        found: String,
        lang: String,
    },
    #[error("{path} does not say its language; give --lang")]
    NoLanguage { path: PathBuf },
    #[error("{path} translates from {found}, the project from {lang}")]
    SourceLanguage {
        path: PathBuf,
        found: String,
        lang: String,
    },
    #[error("no state {state}")]
    UnknownState { state: String },
    #[error(transparent)]
    Project(#[from] ProjectError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl Diagnostic for ImportError {
    fn message(&self) -> Message {
        match self {
            ImportError::Io { path, source } => crate::message::io(path, source),
            ImportError::NotUtf8 { path, at } => Message::at_path(
                crate::msg_id!("error-not-utf8"),
                path,
                vec![
                    ("line", at.line.to_string()),
                    ("column", at.column.to_string()),
                ],
            ),
            ImportError::UnknownFormat { path } => {
                Message::at_path(crate::msg_id!("error-import-format"), path, vec![])
            }
            ImportError::Syntax {
                path,
                line,
                column,
                format,
                reason,
            } => Message::at_path(
                crate::msg_id!("error-import-syntax"),
                path,
                vec![
                    ("line", line.to_string()),
                    ("column", column.to_string()),
                    ("format", format.to_string()),
                    ("reason", reason.clone()),
                ],
            ),
            ImportError::Language { path, found, lang } => Message::at_path(
                crate::msg_id!("error-import-language"),
                path,
                vec![("found", found.clone()), ("lang", lang.clone())],
            ),
            ImportError::NoLanguage { path } => {
                Message::at_path(crate::msg_id!("error-import-no-language"), path, vec![])
            }
            ImportError::SourceLanguage { path, found, lang } => Message::at_path(
                crate::msg_id!("error-import-source-language"),
                path,
                vec![("found", found.clone()), ("lang", lang.clone())],
            ),
            ImportError::UnknownState { state } => Message::new(
                crate::msg_id!("error-unknown-state"),
                vec![
                    ("state", state.clone()),
                    ("states", "machine, draft, translated, reviewed".into()),
                ],
            ),
            ImportError::Project(e) => e.message(),
            ImportError::Store(e) => e.message(),
        }
    }
}

/// One file: read and checked before the store is opened, imported in
/// it. Only what the report needs is kept of its units.
#[derive(Debug)]
pub struct FileImport {
    pub path: PathBuf,
    pub format: Format,
    pub lang: String,
    /// Read unit by unit; false where only the whole-text reader took the
    /// file (which should not happen, and then that reader is used).
    streams: bool,
    pub tally: Tally,
    /// The units that need a word, in file order.
    pub notes: Vec<Note>,
}

/// A unit that needs a word in the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub id: String,
    pub line: usize,
    pub what: Noted,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Noted {
    Refused(Reason),
    Superseded,
    Stale,
}

/// Whether translations are stored as they are planned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Storing {
    /// A dry run.
    Never,
    /// Until a unit is refused: the import will be rolled back.
    UnlessRefused,
    /// `--partial`.
    Always,
}

/// Units planned and stored together: few enough to hold with the rows of
/// their documents, enough to make few queries.
const BATCH: usize = 1024;

/// A state a translation can be stored in, by name.
pub fn stored_state(name: &str) -> Result<State, ImportError> {
    name.parse::<State>()
        .ok()
        .filter(|s| s.stored().is_some())
        .ok_or_else(|| ImportError::UnknownState {
            state: name.to_string(),
        })
}

/// Reads, detects and checks one file, and settles its language: the one
/// the file says, or `lang` (which must then agree with it). The file is
/// read as a stream, its units checked and dropped; [`import_all`] reads
/// it again.
pub fn read_file(
    project: &Project,
    path: &Path,
    lang: Option<&str>,
) -> Result<FileImport, ImportError> {
    let head = check_utf8(path)?;
    let format = Format::detect(&path.to_string_lossy(), &head).ok_or_else(|| {
        ImportError::UnknownFormat {
            path: path.to_path_buf(),
        }
    })?;
    let (languages, streams) = match exchange::read_each(format, &mut open(path)?, &mut |_| {}) {
        Ok(languages) => (languages, true),
        Err(Unread::Io(source)) => return Err(io_error(path, source)),
        // The whole-text reader says why, or, failing that, reads it.
        Err(Unread::Invalid) => {
            let file = read_whole(path, format)?;
            let languages = Languages {
                source: file.source_lang,
                target: file.target_lang,
            };
            (languages, false)
        }
    };
    // Stored under the project's spelling, however the file or `--lang`
    // writes it (`nb_NO`, `NB` for the project's `nb`).
    let lang = match (languages.target.as_deref(), lang) {
        (found, Some(given)) => {
            let lang = project.check_language(given)?;
            if let Some(found) = found
                && !same_language(found, &lang)
            {
                return Err(ImportError::Language {
                    path: path.to_path_buf(),
                    found: found.into(),
                    lang: given.into(),
                });
            }
            lang
        }
        (Some(found), None) => project.check_language(found)?,
        (None, None) => {
            return Err(ImportError::NoLanguage {
                path: path.to_path_buf(),
            });
        }
    };
    if let Some(source) = languages.source.as_deref()
        && !same_language(source, &project.config.source_language)
    {
        return Err(ImportError::SourceLanguage {
            path: path.to_path_buf(),
            found: source.into(),
            lang: project.config.source_language.clone(),
        });
    }
    Ok(FileImport {
        path: path.to_path_buf(),
        format,
        lang,
        streams,
        tally: Tally::default(),
        notes: Vec::new(),
    })
}

fn io_error(path: &Path, source: std::io::Error) -> ImportError {
    ImportError::Io {
        path: path.to_path_buf(),
        source,
    }
}

fn open(path: &Path) -> Result<BufReader<File>, ImportError> {
    let file = File::open(path).map_err(|e| io_error(path, e))?;
    Ok(BufReader::with_capacity(1 << 16, file))
}

/// Checks that the file is UTF-8 without holding it, and gives its first
/// 4 KiB, which tell its format.
fn check_utf8(path: &Path) -> Result<Vec<u8>, ImportError> {
    let mut file = File::open(path).map_err(|e| io_error(path, e))?;
    let mut head = Vec::new();
    let mut chunk = vec![0; 1 << 16];
    // The bytes of a character the last chunk ended inside.
    let mut carry = 0;
    loop {
        let read = match file.read(&mut chunk[carry..]) {
            Ok(read) => read,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(io_error(path, e)),
        };
        let end = carry + read;
        if head.len() < 4096 {
            let more = (4096 - head.len()).min(read);
            head.extend_from_slice(&chunk[carry..carry + more]);
        }
        match std::str::from_utf8(&chunk[..end]) {
            Ok(_) => carry = 0,
            // Cut inside a character: the rest comes with the next chunk.
            Err(e) if e.error_len().is_none() && read > 0 => {
                let valid = e.valid_up_to();
                chunk.copy_within(valid..end, 0);
                carry = end - valid;
            }
            // Where, the whole file says (rare, so not worth counting here).
            Err(_) => {
                let bytes = std::fs::read(path).map_err(|e| io_error(path, e))?;
                if let Err(e) = std::str::from_utf8(&bytes) {
                    return Err(ImportError::NotUtf8 {
                        path: path.to_path_buf(),
                        at: Location::of_bytes(&bytes, e.valid_up_to()),
                    });
                }
                return Err(io_error(
                    path,
                    std::io::Error::other("the file changed while it was read"),
                ));
            }
        }
        if read == 0 {
            return Ok(head);
        }
    }
}

/// The file read whole, as import read every file before it streamed:
/// what its format's reader says of a file the stream reader refused.
fn read_whole(path: &Path, format: Format) -> Result<ImportFile, ImportError> {
    let text = std::fs::read_to_string(path).map_err(|e| io_error(path, e))?;
    exchange::read(format, &text).map_err(|e| ImportError::Syntax {
        path: path.to_path_buf(),
        line: e.line,
        column: e.column,
        format,
        reason: e.message.clone(),
    })
}

/// Reads every file again, unit by unit, and plans each batch of units
/// against the synced store, storing what `storing` says as it goes;
/// `state` overrides what the files say. Keeps each file's tally and
/// notes.
pub fn import_all(
    tx: &Tx<'_>,
    imports: &mut [FileImport],
    state: Option<State>,
    storing: Storing,
) -> Result<(), ImportError> {
    let mut segments: HashMap<String, Segments> = HashMap::new();
    let mut refused = false;
    for import in imports {
        let segments = segments
            .entry(import.lang.clone())
            .or_insert_with(Segments::lazy);
        let format = import.format;
        let source_age = |segment, hash: &str| tx.source_age(segment, hash).ok().flatten();
        let mut batches = Batches {
            tx,
            segments,
            reading: Reading {
                state,
                read_back: &|s| exchange::read_back(format, s),
                source_age: &source_age,
                same_text_is_unchanged: false,
            },
            lang: &import.lang,
            origin: Origin::Import(file_name(&import.path)),
            storing,
            refused: &mut refused,
            batch: Vec::with_capacity(BATCH),
            tally: Tally::default(),
            notes: Vec::new(),
            failed: None,
        };
        let path = &import.path;
        if import.streams {
            let read = exchange::read_each(format, &mut open(path)?, &mut |u| batches.push(u));
            match read {
                Ok(_) => {}
                Err(Unread::Io(e)) => return Err(io_error(path, e)),
                // Read before: it has changed since.
                Err(Unread::Invalid) => {
                    read_whole(path, format)?;
                    return Err(io_error(
                        path,
                        std::io::Error::other("the file changed while it was read"),
                    ));
                }
            }
        } else {
            read_whole(path, format)?
                .units
                .into_iter()
                .for_each(|u| batches.push(u));
        }
        batches.flush();
        if let Some(e) = batches.failed {
            return Err(e.into());
        }
        import.tally = batches.tally;
        import.notes = batches.notes;
    }
    Ok(())
}

/// The units of one file, planned and stored a batch at a time.
struct Batches<'a, 't> {
    tx: &'a Tx<'t>,
    segments: &'a mut Segments,
    reading: Reading<'a>,
    lang: &'a str,
    origin: Origin,
    storing: Storing,
    /// Whether a unit of any file was refused so far.
    refused: &'a mut bool,
    batch: Vec<ImportUnit>,
    tally: Tally,
    notes: Vec<Note>,
    /// The first error of the store; nothing is done after it.
    failed: Option<StoreError>,
}

impl Batches<'_, '_> {
    fn push(&mut self, unit: ImportUnit) {
        self.batch.push(unit);
        if self.batch.len() == BATCH {
            self.flush();
        }
    }

    fn flush(&mut self) {
        if self.failed.is_none()
            && let Err(e) = self.run()
        {
            self.failed = Some(e);
        }
        self.batch.clear();
    }

    fn run(&mut self) -> Result<(), StoreError> {
        self.segments.load_for(self.tx, self.lang, &self.batch)?;
        let planned = plan(self.segments, &self.batch, &self.reading);
        let tally = Tally::of(&planned);
        self.tally.add(tally);
        *self.refused |= tally.refused > 0;
        for p in &planned {
            let what = match &p.decision {
                Decision::Refused(reason) => Noted::Refused(reason.clone()),
                Decision::Superseded => Noted::Superseded,
                Decision::Stale(_) => Noted::Stale,
                _ => continue,
            };
            self.notes.push(Note {
                id: p.id.clone(),
                line: p.line,
                what,
            });
        }
        let store = match self.storing {
            Storing::Never => false,
            // Nothing will be kept: no need to store.
            Storing::UnlessRefused => !*self.refused,
            Storing::Always => true,
        };
        if store {
            apply(self.tx, self.lang, &planned, &self.origin)?;
        }
        Ok(())
    }
}

/// Whether any unit of any file was refused.
pub fn any_refused(imports: &[FileImport]) -> bool {
    imports.iter().any(|i| i.tally.refused > 0)
}

/// Fills the files' languages from memory if the project says so, once
/// their translations are stored; returns how many memory filled.
pub fn fill_all(tx: &Tx<'_>, project: &Project, imports: &[FileImport]) -> Result<u64, StoreError> {
    let mut filled = 0;
    if project.config.memory.fill {
        let mut langs: Vec<&str> = imports.iter().map(|i| i.lang.as_str()).collect();
        langs.sort_unstable();
        langs.dedup();
        for lang in langs {
            filled += tx.fill_from_memory(lang)?;
        }
    }
    Ok(filled)
}

/// Whether a file's language is `lang`: the same tag in any spelling
/// (`en_gb`, `EN-GB`), or the same language with or without a region
/// (`nb-NO` and `nb`).
fn same_language(found: &str, lang: &str) -> bool {
    crate::lang::same(found, lang) || crate::lang::primary(found) == crate::lang::primary(lang)
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}
