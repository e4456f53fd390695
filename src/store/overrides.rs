//! Front-matter overrides per document and language (see
//! `crate::posting::overrides`), stored as JSON, and localized postings
//! found away from their layout path (by `translationKey`).

use std::collections::HashMap;

use rusqlite::params;

use super::{StoreError, Tx, now_utc};
use crate::posting::overrides::Override;

impl Tx<'_> {
    /// Replaces the overrides of a document in a language (none: removed).
    pub fn set_overrides(
        &self,
        document: i64,
        lang: &str,
        overrides: &[Override],
    ) -> Result<(), StoreError> {
        if overrides.is_empty() {
            self.run(
                "DELETE FROM front_matter_overrides WHERE document_id = ?1 AND lang = ?2",
                params![document, lang],
            )?;
            return Ok(());
        }
        let json = serde_json::to_string(overrides).expect("overrides serialize");
        self.run(
            "INSERT INTO front_matter_overrides (document_id, lang, overrides, updated_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (document_id, lang) DO UPDATE SET overrides = excluded.overrides, updated_at = excluded.updated_at",
            params![document, lang, json, now_utc()],
        )?;
        Ok(())
    }

    pub fn overrides_of(&self, document: i64, lang: &str) -> Result<Vec<Override>, StoreError> {
        let json: Option<String> = self.optional_row(
            "SELECT overrides FROM front_matter_overrides WHERE document_id = ?1 AND lang = ?2",
            params![document, lang],
            |r| r.get(0),
        )?;
        Ok(json.map(|j| decode(&j)).unwrap_or_default())
    }

    /// Every document's overrides in a language.
    pub fn overrides_by_document(
        &self,
        lang: &str,
    ) -> Result<HashMap<i64, Vec<Override>>, StoreError> {
        self.rows(
            "SELECT document_id, overrides FROM front_matter_overrides WHERE lang = ?1",
            [lang],
            |r| Ok((r.get::<_, i64>(0)?, decode(&r.get::<_, String>(1)?))),
        )
    }
}

impl Tx<'_> {
    /// Records (or, with `None`, forgets) where a document's localized
    /// posting is when it is not where the layout puts it.
    pub fn set_localized_path(
        &self,
        document: i64,
        lang: &str,
        path: Option<&str>,
    ) -> Result<(), StoreError> {
        match path {
            Some(path) => self.run(
                "INSERT INTO localized_paths (document_id, lang, path) VALUES (?1, ?2, ?3)
                 ON CONFLICT (document_id, lang) DO UPDATE SET path = excluded.path",
                params![document, lang, path],
            )?,
            None => self.run(
                "DELETE FROM localized_paths WHERE document_id = ?1 AND lang = ?2",
                params![document, lang],
            )?,
        };
        self.mark_state_dirty(document, lang)
    }

    /// Every recorded localized path of a language, by source path.
    pub fn localized_paths_by_source(
        &self,
        lang: &str,
    ) -> Result<HashMap<String, String>, StoreError> {
        self.rows(
            "SELECT d.path, l.path FROM localized_paths l JOIN documents d ON d.id = l.document_id
             WHERE l.lang = ?1",
            [lang],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
    }

    /// Every recorded localized path of a language, by document.
    pub fn localized_paths(&self, lang: &str) -> Result<HashMap<i64, String>, StoreError> {
        self.rows(
            "SELECT document_id, path FROM localized_paths WHERE lang = ?1",
            [lang],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
    }
}

/// A list written by this or an earlier tolkar; one that does not read is
/// treated as none rather than stopping a build.
fn decode(json: &str) -> Vec<Override> {
    serde_json::from_str(json).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    #[test]
    fn overrides_round_trip_and_empty_removes() {
        let mut store = Store::open_in_memory().unwrap();
        store
            .transaction(|tx| -> Result<(), StoreError> {
                let id = tx.insert_document("content/sv/a.md", "h")?;
                let overrides = vec![Override::Set {
                    key: "slug".into(),
                    text: "slug: om-oss\n".into(),
                }];
                tx.set_overrides(id, "nb", &overrides)?;
                assert_eq!(tx.overrides_of(id, "nb")?, overrides);
                assert_eq!(tx.overrides_by_document("nb")?[&id], overrides);
                assert!(tx.overrides_of(id, "da")?.is_empty());
                tx.set_overrides(id, "nb", &[])?;
                assert!(tx.overrides_of(id, "nb")?.is_empty());
                Ok(())
            })
            .unwrap();
    }
}
