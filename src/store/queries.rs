//! The statements: documents, segments, translations, outputs.

use std::collections::HashMap;

use rusqlite::{OptionalExtension, params};

use super::{StoreError, Tx, now_utc};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredDocument {
    pub id: i64,
    pub content_hash: String,
    pub removed: bool,
    /// The posting could not be read at the last sync.
    pub unreadable: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredSegment {
    pub id: i64,
    pub key: String,
    pub text: String,
    pub hash: String,
}

/// A segment as sync writes it.
#[derive(Debug, Clone)]
pub struct SegmentRow<'a> {
    pub key: &'a str,
    pub kind: &'a str,
    pub position: usize,
    pub line: usize,
    pub text: &'a str,
    pub hash: &'a str,
}

/// A translation as build reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredTranslation {
    pub text: String,
    /// Made against the current source text (not stale).
    pub current: bool,
}

/// What build needs to know of a document's translations without
/// reading them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TranslationSummary {
    pub segments: u64,
    pub translated: u64,
    pub revision: i64,
}

/// A localized posting as build last wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    pub input_hash: String,
    pub content_hash: String,
}

/// Counts for one language, or one document in one language.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    pub total: u64,
    pub translated: u64,
    pub stale: u64,
    pub missing: u64,
}

impl Counts {
    fn from_row(total: u64, translated: u64, stale: u64) -> Counts {
        Counts {
            total,
            translated,
            stale,
            missing: total - translated - stale,
        }
    }
}

impl Tx<'_> {
    pub fn documents(&self) -> Result<HashMap<String, StoredDocument>, StoreError> {
        let mut stmt = self
            .tx
            .prepare_cached(
                "SELECT path, id, content_hash, removed, problem IS NOT NULL FROM documents",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    StoredDocument {
                        id: r.get(1)?,
                        content_hash: r.get(2)?,
                        removed: r.get(3)?,
                        unreadable: r.get(4)?,
                    },
                ))
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(e))
    }

    pub fn insert_document(&self, path: &str, hash: &str) -> Result<i64, StoreError> {
        self.tx
            .prepare_cached(
                "INSERT INTO documents (path, content_hash, synced_at) VALUES (?1, ?2, ?3)",
            )
            .and_then(|mut s| s.execute(params![path, hash, now_utc()]))
            .map_err(|e| self.err(e))?;
        Ok(self.tx.last_insert_rowid())
    }

    pub fn update_document(&self, id: i64, hash: &str) -> Result<(), StoreError> {
        self.tx
            .prepare_cached(
                "UPDATE documents SET content_hash = ?2, removed = 0, problem = NULL, synced_at = ?3
                 WHERE id = ?1",
            )
            .and_then(|mut s| s.execute(params![id, hash, now_utc()]))
            .map_err(|e| self.err(e))?;
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
        self.tx
            .prepare_cached(
                "INSERT INTO documents (path, content_hash, synced_at, problem)
                 VALUES (?1, '', ?2, ?3)
                 ON CONFLICT (path) DO UPDATE SET problem = ?3, removed = 0, synced_at = ?2",
            )
            .and_then(|mut s| s.execute(params![path, now_utc(), json]))
            .map_err(|e| self.err(e))?;
        Ok(())
    }

    /// The postings that could not be read at the last sync, by path.
    pub fn unreadable(&self) -> Result<Vec<crate::unreadable::Unreadable>, StoreError> {
        let mut stmt = self
            .tx
            .prepare_cached(
                "SELECT path, problem FROM documents
                 WHERE problem IS NOT NULL AND removed = 0 ORDER BY path",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
            .map_err(|e| self.err(e))?;
        let mut found = Vec::new();
        for row in rows {
            let (path, json) = row.map_err(|e| self.err(e))?;
            let problem = serde_json::from_str(&json).map_err(|e| {
                self.err(rusqlite::Error::FromSqlConversionFailure(
                    1,
                    rusqlite::types::Type::Text,
                    Box::new(e),
                ))
            })?;
            found.push(crate::unreadable::Unreadable { path, problem });
        }
        Ok(found)
    }

    /// Marks a document removed and its segments obsolete; translations
    /// stay for the translation memory.
    pub fn remove_document(&self, id: i64) -> Result<u64, StoreError> {
        self.tx
            .execute(
                "UPDATE documents SET removed = 1, problem = NULL, synced_at = ?2 WHERE id = ?1",
                params![id, now_utc()],
            )
            .map_err(|e| self.err(e))?;
        let n = self
            .tx
            .execute(
                "UPDATE segments SET obsolete = 1 WHERE document_id = ?1 AND obsolete = 0",
                [id],
            )
            .map_err(|e| self.err(e))?;
        Ok(n as u64)
    }

    pub fn live_segments(&self, document: i64) -> Result<Vec<StoredSegment>, StoreError> {
        let mut stmt = self
            .tx
            .prepare_cached(
                "SELECT id, key, source_text, source_hash FROM segments
                 WHERE document_id = ?1 AND obsolete = 0 ORDER BY position",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([document], |r| {
                Ok(StoredSegment {
                    id: r.get(0)?,
                    key: r.get(1)?,
                    text: r.get(2)?,
                    hash: r.get(3)?,
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(e))
    }

    pub fn insert_segment(&self, document: i64, row: &SegmentRow<'_>) -> Result<i64, StoreError> {
        self.tx
            .prepare_cached(
                "INSERT INTO segments (document_id, key, kind, position, line, source_text, source_hash)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )
            .and_then(|mut s| {
                s.execute(params![
                    document,
                    row.key,
                    row.kind,
                    row.position as i64,
                    row.line as i64,
                    row.text,
                    row.hash
                ])
            })
            .map_err(|e| self.err(e))?;
        Ok(self.tx.last_insert_rowid())
    }

    /// Inserts the segments of a new document, many rows per statement: a
    /// cold sync stores hundreds of thousands.
    pub fn insert_segments(
        &self,
        document: i64,
        rows: &[SegmentRow<'_>],
    ) -> Result<(), StoreError> {
        const PER_STATEMENT: usize = 32;
        let mut chunks = rows.chunks_exact(PER_STATEMENT);
        if rows.len() >= PER_STATEMENT {
            let sql = format!(
                "INSERT INTO segments (document_id, key, kind, position, line, source_text, source_hash) VALUES {}",
                vec!["(?, ?, ?, ?, ?, ?, ?)"; PER_STATEMENT].join(", ")
            );
            let mut stmt = self.tx.prepare_cached(&sql).map_err(|e| self.err(e))?;
            for chunk in &mut chunks {
                let mut values: Vec<&dyn rusqlite::ToSql> = Vec::with_capacity(PER_STATEMENT * 7);
                let numbers: Vec<(i64, i64)> = chunk
                    .iter()
                    .map(|r| (r.position as i64, r.line as i64))
                    .collect();
                for (row, (position, line)) in chunk.iter().zip(&numbers) {
                    values.extend([
                        &document as &dyn rusqlite::ToSql,
                        &row.key,
                        &row.kind,
                        position,
                        line,
                        &row.text,
                        &row.hash,
                    ]);
                }
                stmt.execute(values.as_slice()).map_err(|e| self.err(e))?;
            }
        }
        for row in chunks.remainder() {
            self.insert_segment(document, row)?;
        }
        Ok(())
    }

    /// Moves a stored segment to its new place and text; a changed text
    /// goes to the history first (its translations become stale).
    pub fn update_segment(
        &self,
        old: &StoredSegment,
        row: &SegmentRow<'_>,
    ) -> Result<(), StoreError> {
        if old.hash != row.hash {
            self.tx
                .prepare_cached(
                    "INSERT INTO source_history (segment_id, source_text, source_hash, replaced_at)
                     VALUES (?1, ?2, ?3, ?4)",
                )
                .and_then(|mut s| s.execute(params![old.id, old.text, old.hash, now_utc()]))
                .map_err(|e| self.err(e))?;
        }
        self.tx
            .prepare_cached(
                "UPDATE segments SET key = ?2, kind = ?3, position = ?4, line = ?5, source_text = ?6, source_hash = ?7
                 WHERE id = ?1",
            )
            .and_then(|mut s| {
                s.execute(params![
                    old.id,
                    row.key,
                    row.kind,
                    row.position as i64,
                    row.line as i64,
                    row.text,
                    row.hash
                ])
            })
            .map_err(|e| self.err(e))?;
        Ok(())
    }

    pub fn obsolete_segment(&self, id: i64) -> Result<(), StoreError> {
        self.tx
            .prepare_cached("UPDATE segments SET obsolete = 1 WHERE id = ?1")
            .and_then(|mut s| s.execute([id]))
            .map_err(|e| self.err(e))?;
        Ok(())
    }

    /// Stores a translation of the live segment `key` of document `path`,
    /// made against its current source text. Returns false if there is no
    /// such segment.
    pub fn put_translation(
        &self,
        path: &str,
        key: &str,
        lang: &str,
        text: &str,
        state: &str,
        origin: &str,
    ) -> Result<bool, StoreError> {
        let segment: Option<(i64, String)> = self
            .tx
            .query_row(
                "SELECT s.id, s.source_hash FROM segments s JOIN documents d ON d.id = s.document_id
                 WHERE d.path = ?1 AND s.key = ?2 AND s.obsolete = 0",
                params![path, key],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(|e| self.err(e))?;
        let Some((id, hash)) = segment else {
            return Ok(false);
        };
        self.store_translation(&super::NewTranslation {
            segment: id,
            lang,
            text,
            state,
            source_hash: &hash,
            origin,
        })?;
        Ok(true)
    }

    /// The translations into `lang` of the live segments of a document, by key.
    pub fn translations_of(
        &self,
        document: i64,
        lang: &str,
    ) -> Result<HashMap<String, StoredTranslation>, StoreError> {
        let mut stmt = self
            .tx
            .prepare_cached(
                "SELECT s.key, t.text, t.source_hash = s.source_hash
                 FROM segments s JOIN translations t ON t.segment_id = s.id AND t.lang = ?2
                 WHERE s.document_id = ?1 AND s.obsolete = 0",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map(params![document, lang], |r| {
                Ok((
                    r.get(0)?,
                    StoredTranslation {
                        text: r.get(1)?,
                        current: r.get(2)?,
                    },
                ))
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(e))
    }

    /// Every translation into `lang` of a live segment, by document and key.
    pub fn translations_by_document(
        &self,
        lang: &str,
    ) -> Result<HashMap<i64, HashMap<String, StoredTranslation>>, StoreError> {
        let mut stmt = self
            .tx
            .prepare_cached(
                "SELECT s.document_id, s.key, t.text, t.source_hash = s.source_hash
                 FROM translations t JOIN segments s ON s.id = t.segment_id
                 WHERE t.lang = ?1 AND s.obsolete = 0",
            )
            .map_err(|e| self.err(e))?;
        let mut rows = stmt.query([lang]).map_err(|e| self.err(e))?;
        let mut all: HashMap<i64, HashMap<String, StoredTranslation>> = HashMap::new();
        while let Some(row) = rows.next().map_err(|e| self.err(e))? {
            let read = || -> rusqlite::Result<(i64, String, StoredTranslation)> {
                Ok((
                    row.get(0)?,
                    row.get(1)?,
                    StoredTranslation {
                        text: row.get(2)?,
                        current: row.get(3)?,
                    },
                ))
            };
            let (document, key, translation) = read().map_err(|e| self.err(e))?;
            all.entry(document).or_default().insert(key, translation);
        }
        Ok(all)
    }

    /// Per document: live segments, how many have a translation into
    /// `lang`, and the highest revision among those translations.
    pub fn translation_summary(
        &self,
        lang: &str,
    ) -> Result<HashMap<i64, TranslationSummary>, StoreError> {
        let mut stmt = self
            .tx
            .prepare_cached(
                "SELECT s.document_id, COUNT(*), COUNT(t.segment_id), IFNULL(MAX(t.revision), 0)
                 FROM segments s LEFT JOIN translations t ON t.segment_id = s.id AND t.lang = ?1
                 WHERE s.obsolete = 0 GROUP BY s.document_id",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([lang], |r| {
                Ok((
                    r.get(0)?,
                    TranslationSummary {
                        segments: r.get::<_, i64>(1)? as u64,
                        translated: r.get::<_, i64>(2)? as u64,
                        revision: r.get(3)?,
                    },
                ))
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(e))
    }

    /// Translated, stale and missing counts for `lang` over all documents,
    /// and per document path.
    pub fn counts(&self, lang: &str) -> Result<(Counts, Vec<(String, Counts)>), StoreError> {
        let mut stmt = self
            .tx
            .prepare_cached(
                "SELECT d.path, COUNT(*),
                        COALESCE(SUM(t.source_hash = s.source_hash), 0),
                        COALESCE(SUM(t.source_hash != s.source_hash), 0)
                 FROM documents d
                 JOIN segments s ON s.document_id = d.id AND s.obsolete = 0
                 LEFT JOIN translations t ON t.segment_id = s.id AND t.lang = ?1
                 WHERE d.removed = 0
                 GROUP BY d.id ORDER BY d.path",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([lang], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    Counts::from_row(
                        r.get::<_, i64>(1)? as u64,
                        r.get::<_, i64>(2)? as u64,
                        r.get::<_, i64>(3)? as u64,
                    ),
                ))
            })
            .map_err(|e| self.err(e))?;
        let per_doc: Vec<(String, Counts)> =
            rows.collect::<Result<_, _>>().map_err(|e| self.err(e))?;
        let mut total = Counts::default();
        for (_, c) in &per_doc {
            total.total += c.total;
            total.translated += c.translated;
            total.stale += c.stale;
            total.missing += c.missing;
        }
        Ok((total, per_doc))
    }

    /// What build last wrote for `lang`, by path.
    pub fn outputs(&self, lang: &str) -> Result<HashMap<String, Output>, StoreError> {
        let mut stmt = self
            .tx
            .prepare_cached("SELECT path, input_hash, content_hash FROM outputs WHERE lang = ?1")
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([lang], |r| {
                Ok((
                    r.get(0)?,
                    Output {
                        input_hash: r.get(1)?,
                        content_hash: r.get(2)?,
                    },
                ))
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(e))
    }

    pub fn record_output(&self, path: &str, lang: &str, output: &Output) -> Result<(), StoreError> {
        self.tx
            .prepare_cached(
                "INSERT INTO outputs (path, lang, input_hash, content_hash, written_at) VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (path) DO UPDATE SET lang = excluded.lang, input_hash = excluded.input_hash,
                   content_hash = excluded.content_hash, written_at = excluded.written_at",
            )
            .and_then(|mut s| s.execute(params![path, lang, output.input_hash, output.content_hash, now_utc()]))
            .map_err(|e| self.err(e))?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    #[test]
    fn bulk_inserted_segments_read_back_in_order() {
        let mut store = Store::open_in_memory().unwrap();
        store
            .transaction(|tx| -> Result<(), StoreError> {
                let id = tx.insert_document("content/sv/a.md", "h")?;
                let texts: Vec<String> = (0..70).map(|i| format!("Stycke {i}")).collect();
                let keys: Vec<String> = (0..70).map(|i| format!("body:p[{}]", i + 1)).collect();
                let rows: Vec<SegmentRow> = (0..70)
                    .map(|i| SegmentRow {
                        key: &keys[i],
                        kind: "paragraph",
                        position: i,
                        line: i + 1,
                        text: &texts[i],
                        hash: "x",
                    })
                    .collect();
                tx.insert_segments(id, &rows)?;
                let stored = tx.live_segments(id)?;
                assert_eq!(stored.len(), 70);
                assert!(
                    stored
                        .iter()
                        .enumerate()
                        .all(|(i, s)| s.key == keys[i] && s.text == texts[i])
                );
                Ok(())
            })
            .unwrap();
    }
}
