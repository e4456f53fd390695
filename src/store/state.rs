//! What the committed text state (`src/textstate/`) reads and writes of
//! the store: the translations of one document in one language as
//! entries, the record of each state file, and which files must be
//! written again.

use std::collections::HashMap;

use std::cell::RefCell;

use rusqlite::params;

use super::sql::Ctx;
use super::{Origin, StoreError, Tx};
use crate::exchange::State;
use crate::posting::Kind;

/// A translated segment of a document, as its state file holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StateEntry {
    pub key: String,
    pub kind: Kind,
    /// The segment's source text.
    pub source: String,
    /// Gone from the posting (kept for the memory), or the posting is.
    pub obsolete: bool,
    pub text: String,
    pub state: State,
    pub origin: Origin,
    pub updated_at: String,
    /// The source text the translation was made for, when it is not
    /// `source` (the translation is stale); empty if no longer known.
    pub previous: Option<String>,
}

/// A state file as tolkar last read or wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StateFileRecord {
    pub document: i64,
    pub lang: String,
    pub hash: String,
    pub size: i64,
    pub mtime: i64,
}

/// A (document, language) pair whose state file must be written again.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct DirtyState {
    pub path: String,
    pub document: i64,
    pub lang: String,
}

impl Tx<'_> {
    /// The translated segments of `document` in `lang`: live ones in the
    /// posting's order, then obsolete ones by key, source and text.
    /// (`CROSS JOIN` keeps SQLite from scanning every translation of the
    /// language by the memory's index.)
    pub fn state_entries(&self, document: i64, lang: &str) -> Result<Vec<StateEntry>, StoreError> {
        self.rows(
            "SELECT s.key, s.kind, s.source_text, s.obsolete > 0, t.text, t.state, t.origin, t.updated_at,
                    CASE WHEN t.source_hash = s.source_hash THEN NULL ELSE COALESCE(
                      (SELECT h.source_text FROM source_history h
                       WHERE h.segment_id = s.id AND h.source_hash = t.source_hash ORDER BY h.id DESC LIMIT 1),
                      (SELECT o.source_text FROM segments o WHERE o.source_hash = t.source_hash LIMIT 1),
                      '') END
             FROM segments s CROSS JOIN translations t ON t.segment_id = s.id AND t.lang = ?2
             WHERE s.document_id = ?1 AND t.text <> ''
             ORDER BY s.obsolete > 0, CASE WHEN s.obsolete = 0 THEN s.position ELSE 0 END,
                      s.key, s.source_text, t.text",
            params![document, lang],
            |r| {
                Ok(StateEntry {
                    key: r.get(0)?,
                    kind: r.get(1)?,
                    source: r.get(2)?,
                    obsolete: r.get(3)?,
                    text: r.get(4)?,
                    state: r.get(5)?,
                    origin: r.get(6)?,
                    updated_at: r.get(7)?,
                    previous: r.get(8)?,
                })
            },
        )
    }

    /// Forgets every translation of `document` into `lang`, and the
    /// obsolete segments of the document no language translates any more:
    /// its state file is read in their place. (One delete per segment: a
    /// `segment_id IN (SELECT …)` costs SQLite a temporary table each time.)
    pub fn clear_state(&self, document: i64, lang: &str) -> Result<(), StoreError> {
        let segments: Vec<(i64, bool)> = self.rows(
            "SELECT id, obsolete > 0 FROM segments WHERE document_id = ?1",
            [document],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        for &(segment, _) in &segments {
            self.run(
                "DELETE FROM translations WHERE segment_id = ?1 AND lang = ?2",
                params![segment, lang],
            )?;
        }
        for &(segment, obsolete) in &segments {
            if obsolete {
                self.run(
                    "DELETE FROM segments WHERE id = ?1
                       AND NOT EXISTS (SELECT 1 FROM translations t WHERE t.segment_id = ?1)",
                    [segment],
                )?;
            }
        }
        Ok(())
    }

    /// Whether any translation is stored.
    pub fn any_translation(&self) -> Result<bool, StoreError> {
        self.row("SELECT EXISTS (SELECT 1 FROM translations)", [], |r| {
            r.get(0)
        })
    }

    /// The ids of the live segments of `document` that `entries` (key and
    /// source hash each) name, when every entry names one as it is and in
    /// the posting's order: the usual state file, matched in one walk over
    /// the segments without reading their texts.
    pub fn segments_in_order(
        &self,
        document: i64,
        entries: &[(&str, &str)],
    ) -> Result<Option<Vec<i64>>, StoreError> {
        let walk = || -> rusqlite::Result<Option<Vec<i64>>> {
            let mut stmt = self.tx.prepare_cached(
                "SELECT id, key, source_hash FROM segments
                 WHERE document_id = ?1 AND obsolete = 0 ORDER BY position",
            )?;
            let mut rows = stmt.query([document])?;
            let mut ids = Vec::with_capacity(entries.len());
            while let Some(&(key, hash)) = entries.get(ids.len()) {
                let Some(row) = rows.next()? else { break };
                if row.get_ref(1)?.as_str()? != key {
                    continue;
                }
                if row.get_ref(2)?.as_str()? != hash {
                    return Ok(None);
                }
                ids.push(row.get(0)?);
            }
            Ok((ids.len() == entries.len()).then_some(ids))
        };
        walk().ctx(self.path)
    }

    /// The revision the next write to `translations` gets.
    pub fn next_revision(&self) -> Result<i64, StoreError> {
        self.row(
            &format!("SELECT {}", super::translations::NEXT_REVISION),
            [],
            |r| r.get(0),
        )
    }

    /// A statement that stores translations read from state files, held
    /// for a whole load (a state file of ten thousand postings is hundreds
    /// of thousands of rows).
    pub fn restorer(&self) -> Result<Restorer<'_>, StoreError> {
        let statement = self
            .tx
            .prepare(
                "INSERT INTO translations (segment_id, lang, text, state, source_hash, origin, updated_at, revision)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                 ON CONFLICT (segment_id, lang) DO UPDATE SET text = excluded.text, state = excluded.state,
                   source_hash = excluded.source_hash, origin = excluded.origin,
                   updated_at = excluded.updated_at, revision = excluded.revision",
            )
            .ctx(self.path)?;
        Ok(Restorer {
            statement: RefCell::new(statement),
            path: self.path,
        })
    }

    /// A segment of `document` that is no longer in its posting (`level`
    /// 2: because the posting is gone), kept for its translations.
    pub fn insert_obsolete_segment(
        &self,
        document: i64,
        key: &str,
        kind: Kind,
        text: &str,
        hash: &str,
        level: u8,
    ) -> Result<i64, StoreError> {
        self.run(
            "INSERT INTO segments (document_id, key, kind, position, line, source_text, source_hash, obsolete)
             VALUES (?1, ?2, ?3, 0, 0, ?4, ?5, ?6)",
            params![document, key, kind, text, hash, level],
        )?;
        Ok(self.tx.last_insert_rowid())
    }

    /// Remembers that `segment` once had the source text `text`, unless it
    /// is already known: `stale` shows what changed since.
    pub fn remember_source(&self, segment: i64, text: &str, hash: &str) -> Result<(), StoreError> {
        self.run(
            "INSERT INTO source_history (segment_id, source_text, source_hash, replaced_at)
             SELECT ?1, ?2, ?3, ''
             WHERE NOT EXISTS (SELECT 1 FROM source_history WHERE segment_id = ?1 AND source_hash = ?3)",
            params![segment, text, hash],
        )?;
        Ok(())
    }

    /// A document known only from a state file (its posting is gone).
    pub fn insert_removed_document(&self, path: &str) -> Result<i64, StoreError> {
        self.run(
            "INSERT INTO documents (path, content_hash, removed, synced_at) VALUES (?1, '', 1, '')",
            [path],
        )?;
        Ok(self.tx.last_insert_rowid())
    }

    /// Every state file tolkar last read or wrote, by path.
    pub fn state_files(&self) -> Result<HashMap<String, StateFileRecord>, StoreError> {
        self.rows(
            "SELECT path, document_id, lang, hash, size, mtime FROM state_files",
            [],
            |r| {
                Ok((
                    r.get(0)?,
                    StateFileRecord {
                        document: r.get(1)?,
                        lang: r.get(2)?,
                        hash: r.get(3)?,
                        size: r.get(4)?,
                        mtime: r.get(5)?,
                    },
                ))
            },
        )
    }

    pub fn record_state_file(
        &self,
        path: &str,
        record: &StateFileRecord,
    ) -> Result<(), StoreError> {
        self.run(
            "INSERT INTO state_files (path, document_id, lang, hash, size, mtime) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (path) DO UPDATE SET document_id = excluded.document_id, lang = excluded.lang,
               hash = excluded.hash, size = excluded.size, mtime = excluded.mtime",
            params![
                path,
                record.document,
                record.lang,
                record.hash,
                record.size,
                record.mtime
            ],
        )?;
        Ok(())
    }

    pub fn forget_state_file(&self, path: &str) -> Result<(), StoreError> {
        self.run("DELETE FROM state_files WHERE path = ?1", [path])?;
        Ok(())
    }

    /// Marks the state file of `document` in `lang` ('': in every
    /// language) to be written again.
    pub fn mark_state_dirty(&self, document: i64, lang: &str) -> Result<(), StoreError> {
        self.run(
            "INSERT OR IGNORE INTO state_dirty (document_id, lang) VALUES (?1, ?2)",
            params![document, lang],
        )?;
        Ok(())
    }

    /// Marks every pair whose translations were written since the state
    /// was last written or read.
    pub fn mark_changed_translations(&self) -> Result<(), StoreError> {
        self.run(
            "INSERT OR IGNORE INTO state_dirty (document_id, lang)
             SELECT DISTINCT s.document_id, t.lang FROM translations t
             JOIN segments s ON s.id = t.segment_id
             WHERE t.revision > (SELECT revision FROM state_revision)",
            [],
        )?;
        Ok(())
    }

    /// Every pair marked, a mark for every language given as the languages
    /// the document has translations in or a state file for.
    pub fn dirty_states(&self) -> Result<Vec<DirtyState>, StoreError> {
        let mut dirty: Vec<DirtyState> = self.rows(
            "SELECT d.path, x.document_id, x.lang FROM state_dirty x
             JOIN documents d ON d.id = x.document_id WHERE x.lang <> ''
             UNION
             SELECT d.path, x.document_id, t.lang FROM state_dirty x
             CROSS JOIN documents d ON d.id = x.document_id
             CROSS JOIN segments s ON s.document_id = x.document_id
             CROSS JOIN translations t ON t.segment_id = s.id
             WHERE x.lang = ''
             UNION
             SELECT d.path, x.document_id, f.lang FROM state_dirty x
             CROSS JOIN documents d ON d.id = x.document_id
             CROSS JOIN state_files f ON f.document_id = x.document_id
             WHERE x.lang = ''",
            [],
            |r| {
                Ok(DirtyState {
                    path: r.get(0)?,
                    document: r.get(1)?,
                    lang: r.get(2)?,
                })
            },
        )?;
        dirty.sort();
        Ok(dirty)
    }

    /// Forgets every mark and every translation change so far: the files
    /// say what the store does.
    pub fn state_written(&self) -> Result<(), StoreError> {
        self.run("DELETE FROM state_dirty", [])?;
        self.run("DELETE FROM state_dirty_outputs", [])?;
        self.state_read()
    }

    /// The paths of localized postings whose build record changed.
    pub fn dirty_outputs(&self) -> Result<Vec<String>, StoreError> {
        self.rows(
            "SELECT path FROM state_dirty_outputs ORDER BY path",
            [],
            |r| r.get(0),
        )
    }

    /// Forgets the translation changes so far, which came from the files
    /// just read; the marks stay.
    pub fn state_read(&self) -> Result<(), StoreError> {
        self.run(
            "UPDATE state_revision SET revision = (SELECT IFNULL(MAX(revision), 0) FROM translations)",
            [],
        )?;
        Ok(())
    }

    /// The state files of a document (all languages), by path.
    pub fn state_files_of(&self, document: i64) -> Result<Vec<String>, StoreError> {
        self.rows(
            "SELECT path FROM state_files WHERE document_id = ?1 ORDER BY path",
            [document],
            |r| r.get(0),
        )
    }
}

/// Stores translations read from state files ([`Tx::restorer`]) through
/// one statement, held for the whole load (a state of ten thousand
/// postings is hundreds of thousands of rows).
pub struct Restorer<'t> {
    statement: RefCell<rusqlite::Statement<'t>>,
    path: &'t std::path::Path,
}

/// A translation to restore: the segment, the entry of the state file and
/// the source hash it was made for.
pub type Restored<'e> = (i64, &'e StateEntry, &'e str);

impl Restorer<'_> {
    /// Stores each entry as the translation of its segment into `lang`,
    /// made for its source hash, with its own time, at `revision` (one for
    /// the whole file, from [`Tx::next_revision`]).
    pub fn restore(
        &self,
        lang: &str,
        revision: i64,
        rows: &[Restored<'_>],
    ) -> Result<(), StoreError> {
        let mut statement = self.statement.borrow_mut();
        // Entries of a file mostly share one origin, written out once.
        let mut origin: Option<(&Origin, String)> = None;
        for &(segment, entry, source_hash) in rows {
            if origin
                .as_ref()
                .is_none_or(|(last, _)| **last != entry.origin)
            {
                origin = Some((&entry.origin, entry.origin.to_string()));
            }
            let origin = origin.as_ref().map_or("", |(_, text)| text.as_str());
            statement
                .execute(params![
                    segment,
                    lang,
                    entry.text,
                    entry.state,
                    source_hash,
                    origin,
                    entry.updated_at,
                    revision
                ])
                .ctx(self.path)?;
        }
        Ok(())
    }
}
