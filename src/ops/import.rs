//! Reading translations back from exchange files: every file is read, its
//! language settled and every unit checked (`crate::import::plan`) before
//! anything is stored; the caller decides whether to store (nothing is
//! stored while a unit is refused, unless partial).

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::path::{Path, PathBuf};

use crate::exchange::{self, Format, ImportFile, State};
use crate::import::{Planned, Reading, Segments, Tally, apply, plan};
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

/// One file, read and checked.
#[derive(Debug)]
pub struct FileImport {
    pub path: PathBuf,
    pub format: Format,
    pub lang: String,
    pub file: ImportFile,
    pub planned: Vec<Planned>,
}

/// A state a translation can be stored in, by name.
pub fn stored_state(name: &str) -> Result<State, ImportError> {
    name.parse::<State>()
        .ok()
        .filter(|s| s.stored().is_some())
        .ok_or_else(|| ImportError::UnknownState {
            state: name.to_string(),
        })
}

/// Reads, detects and parses one file, and settles its language: the one
/// the file says, or `lang` (which must then agree with it).
pub fn read_file(
    project: &Project,
    path: &Path,
    lang: Option<&str>,
) -> Result<FileImport, ImportError> {
    let bytes = std::fs::read(path).map_err(|source| ImportError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let text = String::from_utf8(bytes).map_err(|e| ImportError::NotUtf8 {
        path: path.to_path_buf(),
        at: Location::of_bytes(e.as_bytes(), e.utf8_error().valid_up_to()),
    })?;
    let format = Format::detect(&path.to_string_lossy(), text.as_bytes()).ok_or_else(|| {
        ImportError::UnknownFormat {
            path: path.to_path_buf(),
        }
    })?;
    let file = exchange::read(format, &text).map_err(|e| ImportError::Syntax {
        path: path.to_path_buf(),
        line: e.line,
        column: e.column,
        format,
        reason: e.message.clone(),
    })?;
    // Stored under the project's spelling, however the file or `--lang`
    // writes it (`nb_NO`, `NB` for the project's `nb`).
    let lang = match (file.target_lang.as_deref(), lang) {
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
    if let Some(source) = file.source_lang.as_deref()
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
        file,
        planned: Vec::new(),
    })
}

/// Checks every unit of every file against the synced store; `state`
/// overrides what the files say.
pub fn plan_all(
    tx: &Tx<'_>,
    imports: &mut [FileImport],
    state: Option<State>,
) -> Result<(), StoreError> {
    let mut segments: HashMap<String, Segments> = HashMap::new();
    for import in imports {
        let segments = match segments.entry(import.lang.clone()) {
            Entry::Occupied(e) => e.into_mut(),
            Entry::Vacant(e) => e.insert(Segments::load(tx, &import.lang)?),
        };
        let format = import.format;
        let source_age = |segment, hash: &str| tx.source_age(segment, hash).ok().flatten();
        let reading = Reading {
            state,
            read_back: &|s| exchange::read_back(format, s),
            source_age: &source_age,
            same_text_is_unchanged: false,
        };
        import.planned = plan(segments, &import.file.units, &reading);
    }
    Ok(())
}

/// Whether any unit of any file was refused.
pub fn any_refused(imports: &[FileImport]) -> bool {
    imports.iter().any(|i| Tally::of(&i.planned).refused > 0)
}

/// Stores what was planned, each file's translations with the origin
/// `import:FILE`, then fills from memory if the project says so; returns
/// how many memory filled.
pub fn store_all(
    tx: &Tx<'_>,
    project: &Project,
    imports: &[FileImport],
) -> Result<u64, StoreError> {
    for import in imports {
        let origin = Origin::Import(file_name(&import.path));
        apply(tx, &import.lang, &import.planned, &origin)?;
    }
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
