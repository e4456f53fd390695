//! `tolkar import`: translations back from files. Every file is read and
//! every unit checked before anything is stored; with any unit refused,
//! nothing is stored unless `--partial`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::{Failure, Rollback, note};
use crate::cli::ImportArgs;
use crate::exchange::{self, Format, ImportFile, State};
use crate::i18n::{Arg, Messages};
use crate::import::{Decision, Planned, Reading, Segments, Tally, apply, plan};
use crate::project::Project;
use crate::tr;

/// One file, read and checked.
struct FileImport {
    path: PathBuf,
    format: Format,
    lang: String,
    file: ImportFile,
    planned: Vec<Planned>,
}

pub fn run(dir: &Path, args: &ImportArgs, messages: &Messages) -> Result<u8, Failure> {
    let session = super::sync::Session::open(dir, &[], messages)?;
    let project = session.project();
    let forced_state = args.state.as_deref().map(parse_stored_state).transpose()?;
    let mut imports = Vec::with_capacity(args.files.len());
    for path in &args.files {
        imports.push(read_file(project, path, args.lang.as_deref())?);
    }
    let mut store = session.ws.store(false)?;
    let result = store.transaction(|tx| -> Result<_, Rollback<Vec<FileImport>>> {
        let report = session.sync(tx, &())?;
        let mut segments: HashMap<String, Segments> = HashMap::new();
        for import in &mut imports {
            let segments = match segments.entry(import.lang.clone()) {
                std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
                std::collections::hash_map::Entry::Vacant(e) => {
                    e.insert(Segments::load(tx, &import.lang)?)
                }
            };
            let format = import.format;
            let source_age = |segment, hash: &str| tx.source_age(segment, hash).ok().flatten();
            let reading = Reading {
                state: forced_state,
                read_back: &|s| exchange::read_back(format, s),
                source_age: &source_age,
                same_text_is_unchanged: false,
            };
            import.planned = plan(segments, &import.file.units, &reading);
        }
        let refused = imports.iter().any(|i| Tally::of(&i.planned).refused > 0);
        if args.dry_run || (refused && !args.partial) {
            return Err(Rollback::Keep(std::mem::take(&mut imports)));
        }
        let mut filled = 0;
        for import in &imports {
            let origin = format!("import:{}", file_name(&import.path));
            apply(tx, &import.lang, &import.planned, &origin)?;
        }
        if project.config.memory.fill {
            let mut langs: Vec<&str> = imports.iter().map(|i| i.lang.as_str()).collect();
            langs.sort_unstable();
            langs.dedup();
            for lang in langs {
                filled += tx.fill_from_memory(lang)?;
            }
        }
        Ok((report, std::mem::take(&mut imports), filled))
    });
    let (imports, stored, filled) = match result {
        Ok((report, imports, filled)) => {
            super::sync::print_report_if_changed(&report, messages);
            (imports, true, filled)
        }
        Err(Rollback::Keep(imports)) => (imports, false, 0),
        Err(Rollback::Failure(failure)) => return Err(failure),
    };
    let status = report(&imports, stored, filled, args, messages);
    Ok(status.max(session.finish(0, messages)))
}

/// Prints what happened to every unit that needs a word, and the summary.
fn report(
    imports: &[FileImport],
    stored: bool,
    filled: u64,
    options: &ImportArgs,
    messages: &Messages,
) -> u8 {
    let mut total = Tally::default();
    for import in imports {
        let path = import.path.display().to_string();
        for planned in &import.planned {
            let line = planned.line;
            match &planned.decision {
                Decision::Refused(reason) => {
                    let (id, args) = reason.message();
                    let args: Vec<(&str, Arg)> = args
                        .iter()
                        .map(|(k, v)| (*k, Arg::from(v.as_str())))
                        .collect();
                    let reason = messages.get(id, &args);
                    note(&tr!(
                        messages,
                        "import-refused",
                        path = path.as_str(),
                        line = line,
                        id = planned.id.as_str(),
                        reason = reason,
                    ));
                }
                Decision::Superseded => note(&tr!(
                    messages,
                    "import-superseded",
                    path = path.as_str(),
                    line = line,
                    id = planned.id.as_str(),
                )),
                Decision::Stale(_) => note(&tr!(
                    messages,
                    "import-stale",
                    path = path.as_str(),
                    line = line,
                    id = planned.id.as_str(),
                )),
                _ => {}
            }
        }
        total.add(Tally::of(&import.planned));
    }
    note(&tr!(
        messages,
        "import-summary",
        new = total.new,
        updated = total.updated,
        unchanged = total.unchanged + total.superseded,
        stale = total.stale,
        empty = total.empty,
        refused = total.refused,
    ));
    if filled > 0 {
        note(&tr!(messages, "memory-filled", count = filled));
    }
    if options.dry_run {
        note(&tr!(messages, "import-dry-run"));
    } else if !stored {
        note(&tr!(
            messages,
            "import-nothing-stored",
            refused = total.refused
        ));
    }
    if total.refused > 0 { 2 } else { 0 }
}

/// Reads, detects and parses one file, and settles its language.
fn read_file(project: &Project, path: &Path, lang: Option<&str>) -> Result<FileImport, Failure> {
    let bytes = std::fs::read(path).map_err(|e| Failure::io(path, &e))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let at = crate::posting::Location::of_bytes(e.as_bytes(), e.utf8_error().valid_up_to());
        Failure::new(
            crate::msg_id!("error-not-utf8"),
            vec![
                ("path", path.display().to_string()),
                ("line", at.line.to_string()),
                ("column", at.column.to_string()),
            ],
        )
    })?;
    let format = Format::detect(&path.to_string_lossy(), text.as_bytes()).ok_or_else(|| {
        Failure::new(
            crate::msg_id!("error-import-format"),
            vec![("path", path.display().to_string())],
        )
    })?;
    let file = exchange::read(format, &text).map_err(|e| {
        Failure::new(
            crate::msg_id!("error-import-syntax"),
            vec![
                ("path", path.display().to_string()),
                ("line", e.line.to_string()),
                ("column", e.column.to_string()),
                ("format", format.to_string()),
                ("reason", e.message.clone()),
            ],
        )
    })?;
    let lang = match (file.target_lang.as_deref(), lang) {
        (Some(found), Some(given))
            if !same_language(found, given) && !same_primary(found, given) =>
        {
            return Err(Failure::new(
                crate::msg_id!("error-import-language"),
                vec![
                    ("path", path.display().to_string()),
                    ("found", found.into()),
                    ("lang", given.into()),
                ],
            ));
        }
        (_, Some(given)) => given.to_string(),
        // `nb_NO` or `NB` from a translator's tool: the project's `nb`.
        (Some(found), None) => project_language(project, found)
            .unwrap_or(found)
            .to_string(),
        (None, None) => {
            return Err(Failure::new(
                crate::msg_id!("error-import-no-language"),
                vec![("path", path.display().to_string())],
            ));
        }
    };
    project.check_language(&lang)?;
    if let Some(source) = file.source_lang.as_deref()
        && !same_language(source, &project.config.source_language)
        && !same_primary(source, &project.config.source_language)
    {
        return Err(Failure::new(
            crate::msg_id!("error-import-source-language"),
            vec![
                ("path", path.display().to_string()),
                ("found", source.into()),
                ("lang", project.config.source_language.clone()),
            ],
        ));
    }
    Ok(FileImport {
        path: path.to_path_buf(),
        format,
        lang,
        file,
        planned: Vec::new(),
    })
}

/// `en-GB` and `en_gb` are the same tag to a translator's tool.
fn same_language(a: &str, b: &str) -> bool {
    a.replace('_', "-")
        .eq_ignore_ascii_case(&b.replace('_', "-"))
}

/// `nb-NO` and `nb`: the same language, one with a region.
fn same_primary(a: &str, b: &str) -> bool {
    let primary = |tag: &str| {
        tag.split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase()
    };
    primary(a) == primary(b)
}

/// The project's spelling of a target language a file names: the same
/// tag, or else the only target with the same primary language.
fn project_language<'p>(project: &'p Project, found: &str) -> Option<&'p str> {
    let targets = &project.config.target_languages;
    if let Some(same) = targets.iter().find(|t| same_language(t, found)) {
        return Some(same);
    }
    let mut alike = targets.iter().filter(|t| same_primary(t, found));
    match (alike.next(), alike.next()) {
        (Some(only), None) => Some(only),
        _ => None,
    }
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// A state a translation can be stored in.
pub(super) fn parse_stored_state(name: &str) -> Result<State, Failure> {
    name.parse::<State>()
        .ok()
        .filter(|s| s.stored().is_some())
        .ok_or_else(|| {
            Failure::new(
                crate::msg_id!("error-unknown-state"),
                vec![
                    ("state", name.into()),
                    ("states", "machine, draft, translated, reviewed".into()),
                ],
            )
        })
}
