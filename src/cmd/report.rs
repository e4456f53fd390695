//! `tolkar report --html`: sync, then write the editors' page
//! (`ops::report`).

use std::path::Path;

use super::{Failure, note};
use crate::cli::ReportArgs;
use crate::i18n::Messages;
use crate::ops::report::{gather, page};
use crate::tr;

pub fn run(
    dir: &Path,
    args: &ReportArgs,
    messages: &Messages,
    out: &mut impl std::io::Write,
) -> Result<u8, Failure> {
    let session = super::sync::Session::open(dir, &[], messages)?;
    let project = session.project();
    let languages = project.languages(args.lang.as_deref())?;
    let output = args.output.as_path();
    let mut store = session.ws.store(false)?;
    let (report, rows) = store.transaction(|tx| -> Result<_, Failure> {
        let report = session.sync(tx, &super::progress::Bar::new("sync"))?;
        Ok((report, gather(tx, project, &languages)?))
    })?;
    super::sync::print_report_if_changed(&report, messages);
    let page = page(project, &rows, messages);
    // `-o -` is standard output.
    if output == Path::new("-") {
        out.write_all(page.as_bytes()).map_err(Failure::stdout)?;
        return Ok(session.finish(0, messages));
    }
    crate::output::write_named(output, page.as_bytes()).map_err(|e| Failure::write(output, &e))?;
    note(&tr!(
        messages,
        "report-written",
        path = output.display().to_string()
    ));
    Ok(session.finish(0, messages))
}
