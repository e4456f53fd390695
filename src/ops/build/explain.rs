//! `tolkar merge --explain FILE`: the three versions build merges for one
//! localized posting (the base, the file, what build makes now) and what
//! the merge makes of them, without writing anything.

use super::{BuildError, Merge, merge_posting, plan, render, translations_of};
use crate::project::Project;
use crate::store::{Tx, inflate_base};
use crate::sync::Sources;

/// One localized posting's three-way merge, as the next build would do it.
#[derive(Debug)]
pub struct MergeExplanation {
    pub path: String,
    pub lang: String,
    pub source: String,
    /// What build made of the store last time (adopt: at adoption).
    pub base: Option<String>,
    /// The file as it is, if there is one.
    pub ours: Option<String>,
    /// What build makes of the store now.
    pub theirs: String,
    pub outcome: MergeOutcome,
}

/// What the next build does with the posting.
#[derive(Debug)]
pub enum MergeOutcome {
    /// No file yet, or the file is the base: build writes `theirs`.
    Writes,
    /// The file keeps differences of its own; this is the merge.
    Merges(String),
    /// The file's own edits and build's changes collide.
    Conflicts(Vec<crate::merge::Conflict>),
    /// There is no base: tolkar never wrote or adopted the file.
    NoBase,
    /// With its translations, the posting would not read back.
    Unreadable(String),
}

/// Explains the merge for `path` (a localized posting of one of
/// `languages`).
pub fn explain_merge(
    tx: &Tx<'_>,
    project: &Project,
    sources: &Sources,
    languages: &[String],
    path: &str,
) -> Result<MergeExplanation, BuildError> {
    let path = path.trim_start_matches("./");
    let (plans, _, _) = plan(tx, project, sources, languages)?;
    let Some(index) = plans.iter().position(|p| p.path == path) else {
        return Err(BuildError::NotLocalized {
            path: path.to_string(),
        });
    };
    let plan = &plans[index];
    let translations = translations_of(tx, &plans, &[index])?;
    let rendered = render(project, sources, &plans, &[index], translations, &())?
        .pop()
        .expect("one posting rendered")
        .made(&plans)?;
    let full = project.root.join(&plan.path);
    let limit = project.config.limits.posting_size;
    let ours = match super::read_within(&full, limit) {
        Ok(Ok(bytes)) => Some(String::from_utf8_lossy(&bytes).into_owned()),
        Ok(Err(size)) => {
            return Err(BuildError::Source {
                path: full,
                error: crate::unreadable::ReadError::TooLarge {
                    size: size.bytes(),
                    limit,
                },
            });
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(source) => return Err(BuildError::Io { path: full, source }),
    };
    let base = tx
        .output_base(&plan.path)?
        .as_deref()
        .and_then(inflate_base);
    let outcome = if let Some(reason) = rendered.unreadable.clone() {
        MergeOutcome::Unreadable(reason)
    } else {
        match (&ours, &base) {
            (None, _) => MergeOutcome::Writes,
            (Some(ours), Some(base)) if ours == base || *ours == rendered.text => {
                MergeOutcome::Writes
            }
            (Some(_), None) => MergeOutcome::NoBase,
            (Some(ours), Some(base)) => {
                match merge_posting(base, ours, &rendered.text, &project.rules) {
                    Merge::Clean(text) => MergeOutcome::Merges(text),
                    Merge::Conflicts(conflicts) => MergeOutcome::Conflicts(conflicts),
                    Merge::Unreadable(reason, _) => MergeOutcome::Unreadable(reason),
                }
            }
        }
    };
    Ok(MergeExplanation {
        path: plan.path.clone(),
        lang: plan.lang.to_string(),
        source: plan.source.path.clone(),
        base,
        ours,
        theirs: rendered.text,
        outcome,
    })
}
