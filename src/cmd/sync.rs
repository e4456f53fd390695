//! `tolkar sync`: extract every source posting into the store.

use std::cell::RefCell;
use std::path::Path;

use super::{Failure, note};
use crate::i18n::{Arg, Messages};
use crate::project::Project;
use crate::store::Tx;
use crate::sync::{Progress, Sources, SyncReport, sync};
use crate::tr;
use crate::unreadable::Unreadable;
use crate::visible::visible;

pub fn run(dir: &Path, messages: &Messages) -> Result<u8, Failure> {
    let session = super::sync::Session::open(dir, &[], messages)?;
    let mut store = session.ws.store(false)?;
    let report = store.transaction(|tx| -> Result<SyncReport, Failure> {
        session.sync(tx, &super::progress::Bar::new("sync"))
    })?;
    print_report(&report, messages);
    Ok(session.finish(0, messages))
}

/// A command's workspace, and the postings its sync could not read.
pub(super) struct Session {
    pub ws: crate::ops::workspace::Workspace,
    pub unreadable: Unreadables,
}

impl Session {
    /// The workspace in `dir` for the postings `documents` names (all if
    /// none), saying so when the patterns match no posting.
    pub fn open(dir: &Path, documents: &[String], messages: &Messages) -> Result<Session, Failure> {
        let stage = super::settings::Stage::start("read");
        let ws = crate::ops::workspace::Workspace::open(dir, documents)?;
        let project = &ws.project;
        let database = crate::project::shown(&project.root, &project.config.database);
        super::detail(&tr!(
            messages,
            "verbose-project",
            config = crate::project::config_path(&project.root)
                .display()
                .to_string(),
            store = database.display().to_string(),
            present = if database.exists() { "yes" } else { "no" },
            postings = ws.sources.len(),
        ));
        super::timing(stage);
        if let Some((glob, example)) = ws.unmatched() {
            note(&tr!(
                messages,
                "doc-no-match",
                glob = glob,
                example = example
            ));
        }
        Ok(Session {
            ws,
            unreadable: Unreadables::default(),
        })
    }

    pub fn project(&self) -> &Project {
        &self.ws.project
    }

    /// Syncs the workspace's postings in `tx`.
    pub fn sync(&self, tx: &Tx<'_>, progress: &dyn Progress) -> Result<SyncReport, Failure> {
        let stage = super::settings::Stage::start("sync");
        let report = self
            .unreadable
            .sync(tx, &self.ws.project, &self.ws.sources, progress)?;
        super::timing(stage);
        Ok(report)
    }

    /// Tells the postings sync could not read; the exit status they call
    /// for, at least `status`.
    pub fn finish(&self, status: u8, messages: &Messages) -> u8 {
        status.max(self.unreadable.warn(&self.ws.project, messages))
    }
}

/// The postings a command's sync could not read: kept from inside the
/// store transaction, told to people once it is done.
#[derive(Default)]
pub(super) struct Unreadables(RefCell<Vec<Unreadable>>);

impl Unreadables {
    /// Syncs, and keeps the postings that could not be read.
    pub fn sync(
        &self,
        tx: &Tx<'_>,
        project: &Project,
        sources: &Sources,
        progress: &dyn Progress,
    ) -> Result<SyncReport, Failure> {
        let mut report = sync(tx, project, sources, progress)?;
        // The committed text state, read where it changed (after sync:
        // its translations are aligned with the postings as they are).
        let inserted = std::mem::take(&mut report.inserted);
        crate::textstate::load(tx, project, &inserted)?;
        self.0.borrow_mut().clone_from(&report.unreadable);
        Ok(report)
    }

    pub fn list(&self) -> Vec<Unreadable> {
        self.0.borrow().clone()
    }

    /// Tells each posting that could not be read, one line each, and gives
    /// the exit status they call for: 2 if any, else 0.
    pub fn warn(&self, project: &Project, messages: &Messages) -> u8 {
        let list = self.0.borrow();
        for unreadable in list.iter() {
            eprintln!(
                "tolkar: {}: {}",
                messages.get(crate::msg_id!("error-prefix"), &[]),
                message(project, unreadable, messages)
            );
        }
        if list.is_empty() { 0 } else { 2 }
    }
}

/// Why a posting could not be read, in the reader's language, with its
/// path as the user names it.
pub(super) fn message(project: &Project, unreadable: &Unreadable, messages: &Messages) -> String {
    let path = project.root.join(&unreadable.path);
    let args = unreadable.problem.message_args(&path.display().to_string());
    let args: Vec<(&str, Arg)> = args
        .iter()
        .map(|(k, v)| (k.as_str(), Arg::from(visible(v).into_owned())))
        .collect();
    messages.get(&unreadable.problem.id, &args)
}

/// For commands that sync on the way: a word only if something changed.
pub(super) fn print_report_if_changed(report: &SyncReport, messages: &Messages) {
    if report.new + report.changed + report.removed + report.from_memory > 0
        || !report.renamed.is_empty()
    {
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
    for (from, to) in &report.renamed {
        note(&tr!(
            messages,
            "sync-renamed",
            from = from.as_str(),
            to = to.as_str()
        ));
    }
    if report.from_memory > 0 {
        note(&tr!(messages, "memory-filled", count = report.from_memory));
    }
}
