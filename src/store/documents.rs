//! The `documents` table: source postings, when each was last synced with
//! a change, and why one could not be read.

use std::collections::HashMap;

use rusqlite::params;

use super::{StoreError, Tx, now_utc};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredDocument {
    pub id: i64,
    pub content_hash: String,
    pub removed: bool,
    /// The posting could not be read at the last sync.
    pub unreadable: bool,
    /// What `stat` said of the file when it was last read (see
    /// `sync::Source::stat`); `None`: read it again.
    pub stat: Option<String>,
    /// The revision of the parser that stored its segments
    /// (`posting::PARSE_REVISION`).
    pub parse_revision: u32,
}

impl Tx<'_> {
    pub fn documents(&self) -> Result<HashMap<String, StoredDocument>, StoreError> {
        self.rows(
            "SELECT path, id, content_hash, removed, problem IS NOT NULL, stat, parse_revision
             FROM documents",
            [],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    StoredDocument {
                        id: r.get(1)?,
                        content_hash: r.get(2)?,
                        removed: r.get(3)?,
                        unreadable: r.get(4)?,
                        stat: r.get(5)?,
                        parse_revision: r.get(6)?,
                    },
                ))
            },
        )
    }

    pub fn insert_document(&self, path: &str, hash: &str) -> Result<i64, StoreError> {
        self.insert_document_read(path, hash, None)
    }

    /// Inserts a document read with `stat` (see [`StoredDocument::stat`]).
    pub fn insert_document_read(
        &self,
        path: &str,
        hash: &str,
        stat: Option<&str>,
    ) -> Result<i64, StoreError> {
        self.run(
            "INSERT INTO documents (path, content_hash, synced_at, stat, parse_revision)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![path, hash, now_utc(), stat, crate::posting::PARSE_REVISION],
        )?;
        Ok(self.tx.last_insert_rowid())
    }

    pub fn update_document(
        &self,
        id: i64,
        hash: &str,
        stat: Option<&str>,
    ) -> Result<(), StoreError> {
        self.run(
            "UPDATE documents SET content_hash = ?2, removed = 0, problem = NULL, synced_at = ?3,
                    stat = ?4, parse_revision = ?5
             WHERE id = ?1",
            params![id, hash, now_utc(), stat, crate::posting::PARSE_REVISION],
        )?;
        // Its segments may have changed: so may its state files.
        self.mark_state_dirty(id, "")
    }

    /// Records that a posting whose bytes are as they were was parsed
    /// again by this revision of the parser, with what `stat` says of it
    /// now. It has not changed: its sync time stays.
    pub fn set_document_reparsed(&self, id: i64, stat: Option<&str>) -> Result<(), StoreError> {
        self.run(
            "UPDATE documents SET stat = ?2, parse_revision = ?3 WHERE id = ?1",
            params![id, stat, crate::posting::PARSE_REVISION],
        )?;
        // What a new parser reads differently may change its state files.
        self.mark_state_dirty(id, "")
    }

    /// Records that a posting read again is as it was, with what `stat`
    /// says of it now.
    pub fn set_document_stat(&self, id: i64, stat: Option<&str>) -> Result<(), StoreError> {
        self.run(
            "UPDATE documents SET stat = ?2 WHERE id = ?1",
            params![id, stat],
        )?;
        Ok(())
    }

    /// Records why the posting at `path` could not be read, and nothing
    /// else: what is stored for it stays. A posting never read before gets
    /// a document with no segments, and a hash nothing matches, so that the
    /// next sync reads it again.
    pub fn mark_unreadable(
        &self,
        path: &str,
        problem: &crate::unreadable::Problem,
    ) -> Result<(), StoreError> {
        let json = serde_json::to_string(problem).expect("a problem serializes");
        self.run(
            "INSERT INTO documents (path, content_hash, synced_at, problem)
             VALUES (?1, '', ?2, ?3)
             ON CONFLICT (path) DO UPDATE SET problem = ?3, removed = 0, synced_at = ?2, stat = NULL",
            params![path, now_utc(), json],
        )?;
        Ok(())
    }

    /// The postings that could not be read at the last sync, by path.
    pub fn unreadable(&self) -> Result<Vec<crate::unreadable::Unreadable>, StoreError> {
        self.rows(
            "SELECT path, problem FROM documents
             WHERE problem IS NOT NULL AND removed = 0 ORDER BY path",
            [],
            |r| {
                let json: String = r.get(1)?;
                let problem = serde_json::from_str(&json).map_err(|e| {
                    rusqlite::Error::FromSqlConversionFailure(
                        1,
                        rusqlite::types::Type::Text,
                        Box::new(e),
                    )
                })?;
                Ok(crate::unreadable::Unreadable {
                    path: r.get(0)?,
                    problem,
                })
            },
        )
    }

    /// Marks a document removed and its segments obsolete; translations
    /// stay for the translation memory. Returns how many segments that
    /// made obsolete.
    pub fn remove_document(&self, id: i64) -> Result<u64, StoreError> {
        self.run(
            "UPDATE documents SET removed = 1, problem = NULL, synced_at = ?2 WHERE id = ?1",
            params![id, now_utc()],
        )?;
        self.mark_state_dirty(id, "")?;
        self.obsolete_segments_of(id)
    }

    /// A source posting renamed or moved: the document, its segments and
    /// translations go with it to `path`.
    pub fn rename_document(&self, id: i64, path: &str) -> Result<(), StoreError> {
        self.run(
            "UPDATE documents SET path = ?2, synced_at = ?3 WHERE id = ?1",
            params![id, path, now_utc()],
        )?;
        self.mark_state_dirty(id, "")
    }

    /// When each document was last synced with a change, by path.
    pub fn document_times(&self) -> Result<HashMap<String, String>, StoreError> {
        self.rows("SELECT path, synced_at FROM documents", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
    }
}
