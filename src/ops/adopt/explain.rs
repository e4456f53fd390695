//! `adopt --explain`: why one localized posting does not rebuild as it is,
//! without storing anything.

use std::collections::HashMap;

use super::{AdoptError, Outcome, adopt_file, outcome, pairing, usable_translations};
use crate::posting::Location;
use crate::posting::overrides::Override;
use crate::project::Project;
use crate::store::{Store, UnitRow};
use crate::sync::Source;

/// One localized posting, aligned with its source, against what build
/// would write after an adopt.
#[derive(Debug)]
pub struct Explanation {
    pub source: String,
    pub outcome: Outcome,
    /// The front-matter values the translation keeps.
    pub kept: Vec<Override>,
    /// The file as it is, and as build would write it.
    pub now: String,
    pub rebuilt: String,
}

impl Explanation {
    /// Where build's output first differs, if it does.
    pub fn first_difference(&self) -> Option<Location> {
        self.outcome.first_difference
    }
}

/// Explains `doc` (a source posting or its `lang` translation).
pub fn explain(
    project: &Project,
    sources: &[Source],
    doc: &str,
    lang: &str,
) -> Result<Explanation, AdoptError> {
    let doc = doc.trim_start_matches("./");
    let files = pairing::localized_files(project, lang)?;
    let pairing = pairing::pair_postings(project, sources, lang, &files);
    let Some(pair) = pairing
        .pairs
        .into_iter()
        .find(|p| sources[p.source].path == doc || p.localized == doc)
    else {
        return Err(AdoptError::UnknownPosting {
            path: doc.to_string(),
        });
    };
    let source = &sources[pair.source];
    // What build would use: the store's translations, if there is a store.
    let stored = stored_translations(project, &source.path, lang)?;
    let adoption = adopt_file(project, source, &pair.localized, lang, true, &stored)?;
    Ok(Explanation {
        source: source.path.clone(),
        outcome: outcome(&adoption, pair.localized, 0),
        kept: adoption.overrides.unwrap_or_default(),
        now: adoption.localized.source,
        rebuilt: adoption.rebuilt,
    })
}

/// The usable stored translations of one posting, read without writing.
fn stored_translations(
    project: &Project,
    path: &str,
    lang: &str,
) -> Result<HashMap<String, String>, AdoptError> {
    let database = project.database_path();
    if !database.exists() {
        return Ok(HashMap::new());
    }
    // Read only: a store that may not be written is read through a copy.
    let mut store = Store::open_for_reading(&database)?;
    let rows = store.transaction(|tx| tx.unit_rows(lang))?;
    let rows: HashMap<&str, &UnitRow> = rows
        .iter()
        .filter(|r| r.path == path)
        .map(|r| (r.key.as_str(), r))
        .collect();
    Ok(usable_translations(&rows))
}
