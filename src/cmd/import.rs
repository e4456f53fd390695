//! `tolkar import`: translations back from files. Every file is read and
//! every unit checked before anything is stored; with any unit refused,
//! nothing is stored unless `--partial`.

use std::path::Path;

use super::{Failure, Rollback, note};
use crate::cli::ImportArgs;
use crate::i18n::{Arg, Messages};
use crate::import::Tally;
use crate::ops::import::{
    FileImport, Noted, Storing, any_refused, fill_all, import_all, read_file, stored_state,
};
use crate::tr;
use crate::visible::visible;

pub fn run(dir: &Path, args: &ImportArgs, messages: &Messages) -> Result<u8, Failure> {
    let session = super::sync::Session::open(dir, &[], messages)?;
    let project = session.project();
    let forced_state = args.state.as_deref().map(stored_state).transpose()?;
    let mut imports = Vec::with_capacity(args.files.len());
    for path in &args.files {
        imports.push(read_file(project, path, args.lang.as_deref())?);
    }
    let storing = if args.dry_run {
        Storing::Never
    } else if args.partial {
        Storing::Always
    } else {
        Storing::UnlessRefused
    };
    let mut store = session.ws.store(false)?;
    let result = store.transaction(|tx| -> Result<_, Rollback<Vec<FileImport>>> {
        let report = session.sync(tx, &super::progress::Bar::new("sync"))?;
        import_all(tx, &mut imports, forced_state, storing)?;
        if args.dry_run || (any_refused(&imports) && !args.partial) {
            return Err(Rollback::Keep(std::mem::take(&mut imports)));
        }
        let filled = fill_all(tx, project, &imports)?;
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
        // The file's name and its unit ids as people can read them: an id
        // is whatever the file says, control characters included.
        let path = visible(&import.path.display().to_string()).into_owned();
        for unit in &import.notes {
            let line = unit.line;
            let id = visible(&unit.id);
            match &unit.what {
                Noted::Refused(reason) => {
                    let (message, args) = reason.message();
                    let args: Vec<(&str, Arg)> = args
                        .iter()
                        .map(|(k, v)| (*k, Arg::from(visible(v).into_owned())))
                        .collect();
                    let reason = messages.get(message, &args);
                    note(&tr!(
                        messages,
                        "import-refused",
                        path = path.as_str(),
                        line = line,
                        id = id.as_ref(),
                        reason = reason,
                    ));
                }
                Noted::Superseded => note(&tr!(
                    messages,
                    "import-superseded",
                    path = path.as_str(),
                    line = line,
                    id = id.as_ref(),
                )),
                Noted::Stale => note(&tr!(
                    messages,
                    "import-stale",
                    path = path.as_str(),
                    line = line,
                    id = id.as_ref(),
                )),
            }
        }
        total.add(import.tally);
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
