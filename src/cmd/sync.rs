//! `tolkar sync`: extract every source posting into the store.

use std::path::Path;

use super::{Failure, note};
use crate::i18n::Messages;
use crate::project::Project;
use crate::store::Store;
use crate::sync::{SyncReport, read_sources, sync};
use crate::tr;

pub fn run(dir: &Path, messages: &Messages) -> Result<u8, Failure> {
    let project = Project::load(dir)?;
    let mut store = Store::open(&project.database_path())?;
    let sources = read_sources(&project)?;
    let report = store.transaction(|tx| -> Result<SyncReport, Failure> {
        sync(tx, &project, &sources, &super::progress::Bar::new("sync"))
    })?;
    print_report(&report, messages);
    Ok(0)
}

/// For commands that sync on the way: a word only if something changed.
pub(super) fn print_report_if_changed(report: &SyncReport, messages: &Messages) {
    if report.new + report.changed + report.removed + report.from_memory > 0 {
        print_report(report, messages);
    }
}

pub(super) fn print_report(report: &SyncReport, messages: &Messages) {
    note(&tr!(
        messages,
        "sync-summary",
        documents = report.documents,
        new = report.new,
        changed = report.changed,
        unchanged = report.unchanged,
        removed = report.removed,
    ));
    if report.segments_added + report.segments_changed + report.segments_obsolete > 0 {
        note(&tr!(
            messages,
            "sync-segments",
            added = report.segments_added,
            updated = report.segments_changed,
            obsoleted = report.segments_obsolete,
        ));
    }
    if report.from_memory > 0 {
        note(&tr!(messages, "memory-filled", count = report.from_memory));
    }
}
