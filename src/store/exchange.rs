//! The statements behind export, import, machine translation and the
//! translation memory.

use rusqlite::params;

use super::{StoreError, Tx, now_utc};

/// A live segment and its translation into one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitRow {
    pub segment: i64,
    pub path: String,
    pub key: String,
    pub kind: String,
    pub line: usize,
    pub source: String,
    pub hash: String,
    pub translation: Option<TranslationRow>,
}

/// A stored translation, with what it was made from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TranslationRow {
    pub text: String,
    pub state: String,
    pub source_hash: String,
    /// Made for the current source text.
    pub current: bool,
    pub origin: String,
    /// For a stale translation: the source text it was made for, if the
    /// history has it.
    pub previous_source: Option<String>,
}

/// A translation with the source text it translates: one entry of the
/// translation memory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemoryRow {
    pub segment: i64,
    /// `path#key` of the segment it was made for.
    pub origin: String,
    pub source: String,
    pub target: String,
}

/// A translation to store.
#[derive(Debug, Clone, Copy)]
pub struct NewTranslation<'a> {
    pub segment: i64,
    pub lang: &'a str,
    pub text: &'a str,
    pub state: &'a str,
    /// The hash of the source it was made for: the current one, or an
    /// older one for a translation that is stale on arrival.
    pub source_hash: &'a str,
    pub origin: &'a str,
}

/// States in the order a memory match is preferred.
const STATE_RANK: &str = "CASE t.state WHEN 'reviewed' THEN 4 WHEN 'translated' THEN 3
                          WHEN 'draft' THEN 2 ELSE 1 END";

/// Live segments with their translation into `?1`; callers add the
/// `WHERE` (on `d` and `s`) and the order.
const UNIT_ROWS: &str = "SELECT s.id, d.path, s.key, s.kind, s.line, s.source_text, s.source_hash,
        t.text, t.state, t.source_hash, t.origin,
        (SELECT h.source_text FROM source_history h
          WHERE h.segment_id = s.id AND h.source_hash = t.source_hash
          ORDER BY h.id DESC LIMIT 1)
 FROM documents d
 JOIN segments s ON s.document_id = d.id AND s.obsolete = 0
 LEFT JOIN translations t ON t.segment_id = s.id AND t.lang = ?1";

impl Tx<'_> {
    /// Every live segment of the documents present, with its translation
    /// into `lang`, in document and segment order.
    pub fn unit_rows(&self, lang: &str) -> Result<Vec<UnitRow>, StoreError> {
        self.query_unit_rows(
            &format!("{UNIT_ROWS} WHERE d.removed = 0 ORDER BY d.path, s.position"),
            params![lang],
        )
    }

    /// One live segment with its translation into `lang`, as it is now.
    pub fn unit_row(
        &self,
        lang: &str,
        path: &str,
        key: &str,
    ) -> Result<Option<UnitRow>, StoreError> {
        let mut rows = self.query_unit_rows(
            &format!("{UNIT_ROWS} WHERE d.removed = 0 AND d.path = ?2 AND s.key = ?3"),
            params![lang, path, key],
        )?;
        Ok(rows.pop())
    }

    fn query_unit_rows(
        &self,
        sql: &str,
        params: &[&dyn rusqlite::ToSql],
    ) -> Result<Vec<UnitRow>, StoreError> {
        let mut stmt = self.tx.prepare_cached(sql).map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map(params, |r| {
                let hash: String = r.get(6)?;
                let translation = match r.get::<_, Option<String>>(7)? {
                    None => None,
                    Some(text) => {
                        let source_hash: String = r.get(9)?;
                        Some(TranslationRow {
                            text,
                            state: r.get(8)?,
                            current: source_hash == hash,
                            source_hash,
                            origin: r.get(10)?,
                            previous_source: r.get(11)?,
                        })
                    }
                };
                Ok(UnitRow {
                    segment: r.get(0)?,
                    path: r.get(1)?,
                    key: r.get(2)?,
                    kind: r.get(3)?,
                    line: r.get::<_, i64>(4)? as usize,
                    source: r.get(5)?,
                    hash,
                    translation,
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(e))
    }

    /// When each document was last synced with a change, by path.
    pub fn document_times(&self) -> Result<std::collections::HashMap<String, String>, StoreError> {
        let mut stmt = self
            .tx
            .prepare_cached("SELECT path, synced_at FROM documents")
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(e))
    }

    /// When segment `segment` last had the source text of `hash`, as a
    /// position in its history (higher is later); `None` if never.
    pub fn source_age(&self, segment: i64, hash: &str) -> Result<Option<i64>, StoreError> {
        self.tx
            .prepare_cached(
                "SELECT MAX(id) FROM source_history WHERE segment_id = ?1 AND source_hash = ?2",
            )
            .and_then(|mut s| s.query_row(params![segment, hash], |r| r.get(0)))
            .map_err(|e| self.err(e))
    }

    /// Stores a translation, replacing the one there was.
    pub fn store_translation(&self, new: &NewTranslation<'_>) -> Result<(), StoreError> {
        self.tx
            .prepare_cached(
                "INSERT INTO translations (segment_id, lang, text, state, source_hash, origin, updated_at, revision)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, (SELECT IFNULL(MAX(revision), 0) + 1 FROM translations))
                 ON CONFLICT (segment_id, lang) DO UPDATE SET text = excluded.text, state = excluded.state,
                   source_hash = excluded.source_hash, origin = excluded.origin, updated_at = excluded.updated_at,
                   revision = excluded.revision",
            )
            .and_then(|mut s| {
                s.execute(params![
                    new.segment,
                    new.lang,
                    new.text,
                    new.state,
                    new.source_hash,
                    new.origin,
                    now_utc()
                ])
            })
            .map_err(|e| self.err(e))?;
        Ok(())
    }

    /// Every translation into `lang` whose source text is known, for
    /// fuzzy matching.
    pub fn memory(&self, lang: &str) -> Result<Vec<MemoryRow>, StoreError> {
        let mut stmt = self
            .tx
            .prepare_cached(
                "SELECT t.segment_id, d.path || '#' || s.key, t.text,
                        CASE WHEN t.source_hash = s.source_hash THEN s.source_text ELSE
                          (SELECT h.source_text FROM source_history h
                            WHERE h.segment_id = s.id AND h.source_hash = t.source_hash
                            ORDER BY h.id DESC LIMIT 1) END
                 FROM translations t
                 JOIN segments s ON s.id = t.segment_id
                 JOIN documents d ON d.id = s.document_id
                 WHERE t.lang = ?1
                 ORDER BY d.path, s.position",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([lang], |r| {
                Ok(r.get::<_, Option<String>>(3)?.map(|source| MemoryRow {
                    segment: r.get(0).unwrap_or_default(),
                    origin: r.get(1).unwrap_or_default(),
                    target: r.get(2).unwrap_or_default(),
                    source,
                }))
            })
            .map_err(|e| self.err(e))?;
        let mut all = Vec::new();
        for row in rows {
            if let Some(row) = row.map_err(|e| self.err(e))? {
                all.push(row);
            }
        }
        Ok(all)
    }

    /// Fills every live segment with no translation into `lang` from the
    /// memory: a current translation of a segment with the very same
    /// source text elsewhere. The same text, not just the same hash: the
    /// hash ignores white space, and a line break that fits a paragraph
    /// would break a heading or a table cell. The best state wins (a
    /// review does not travel: reviewed arrives as translated), then the
    /// newest. Returns how many were filled.
    pub fn fill_from_memory(&self, lang: &str) -> Result<u64, StoreError> {
        let sql = format!(
            "INSERT INTO translations (segment_id, lang, text, state, source_hash, origin, updated_at, revision)
             SELECT s.id, ?1, m.text, m.state, s.source_hash, 'memory:' || m.origin, ?2,
                    (SELECT IFNULL(MAX(revision), 0) + 1 FROM translations)
             FROM (SELECT t.source_hash, o.source_text, t.text,
                          CASE t.state WHEN 'reviewed' THEN 'translated' ELSE t.state END AS state,
                          d.path || '#' || o.key AS origin,
                          ROW_NUMBER() OVER (PARTITION BY o.source_text
                                             ORDER BY {STATE_RANK} DESC, t.revision DESC) AS rank
                   FROM translations t
                   JOIN segments o ON o.id = t.segment_id AND o.source_hash = t.source_hash
                   JOIN documents d ON d.id = o.document_id
                   WHERE t.lang = ?1) m
             CROSS JOIN segments s ON s.source_hash = m.source_hash AND s.source_text = m.source_text
                                  AND s.obsolete = 0
             WHERE m.rank = 1
               AND NOT EXISTS (SELECT 1 FROM translations x WHERE x.segment_id = s.id AND x.lang = ?1)
             ORDER BY s.id"
        );
        // A language with no translations yet (a first sync) has nothing
        // to give.
        let any: bool = self
            .tx
            .prepare_cached("SELECT EXISTS (SELECT 1 FROM translations WHERE lang = ?1)")
            .and_then(|mut s| s.query_row([lang], |r| r.get(0)))
            .map_err(|e| self.err(e))?;
        if !any {
            return Ok(0);
        }
        let n = self
            .tx
            .execute(&sql, params![lang, now_utc()])
            .map_err(|e| self.err(e))?;
        Ok(n as u64)
    }

    /// Drops the index of segments by source hash, for a bulk load: a
    /// first sync inserts hundreds of thousands of segments in random hash
    /// order, which costs more than building the index once afterwards.
    /// `restore_hash_index` must follow in the same transaction.
    pub fn drop_hash_index(&self) -> Result<(), StoreError> {
        self.tx
            .execute_batch("DROP INDEX IF EXISTS segments_by_hash")
            .map_err(|e| self.err(e))
    }

    /// Builds the index `drop_hash_index` dropped (as in 0002_memory.sql).
    pub fn restore_hash_index(&self) -> Result<(), StoreError> {
        self.tx
            .execute_batch("CREATE INDEX IF NOT EXISTS segments_by_hash ON segments(source_hash)")
            .map_err(|e| self.err(e))
    }

    /// A dump of every translation, for tests that compare the store
    /// before and after.
    pub fn translation_dump(&self) -> Result<Vec<String>, StoreError> {
        let mut stmt = self
            .tx
            .prepare_cached(
                "SELECT segment_id, lang, text, state, source_hash, origin, revision
                 FROM translations ORDER BY segment_id, lang",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |r| {
                Ok(format!(
                    "{}\t{}\t{}\t{}\t{}\t{}\t{}",
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, String>(5)?,
                    r.get::<_, i64>(6)?
                ))
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::hash::source_hash;
    use crate::store::{SegmentRow, Store};

    #[test]
    fn a_bulk_load_gets_its_hash_index_back() {
        let mut store = Store::open_in_memory().unwrap();
        let indexes = |store: &mut Store| {
            store
                .transaction(|tx| {
                    tx.tx
                        .query_row(
                            "SELECT COUNT(*) FROM sqlite_master WHERE name = 'segments_by_hash'",
                            [],
                            |r| r.get::<_, i64>(0),
                        )
                        .map_err(|e| tx.err(e))
                })
                .unwrap()
        };
        assert_eq!(indexes(&mut store), 1);
        store.transaction(|tx| tx.drop_hash_index()).unwrap();
        assert_eq!(indexes(&mut store), 0);
        store.transaction(|tx| tx.restore_hash_index()).unwrap();
        assert_eq!(indexes(&mut store), 1);
    }

    #[test]
    fn the_memory_fills_the_same_text_only() {
        let mut store = Store::open_in_memory().unwrap();
        let filled = store
            .transaction(|tx| -> Result<_, StoreError> {
                let doc = tx.insert_document("content/sv/a.md", "h")?;
                let texts = [
                    ("body:p[1]", "paragraph", "Citat rad ett\ncitat rad två"),
                    ("body:h2[1]", "heading", "Citat rad ett citat rad två"),
                    ("body:p[2]", "paragraph", "Citat rad ett\ncitat rad två"),
                ];
                let hashes: Vec<String> = texts.iter().map(|t| source_hash(t.2)).collect();
                let rows: Vec<SegmentRow> = texts
                    .iter()
                    .zip(&hashes)
                    .enumerate()
                    .map(|(i, ((key, kind, text), hash))| SegmentRow {
                        key,
                        kind,
                        position: i,
                        line: i + 1,
                        text,
                        hash,
                    })
                    .collect();
                tx.insert_segments(doc, &rows)?;
                let first = tx.unit_rows("nb")?[0].segment;
                tx.store_translation(&NewTranslation {
                    segment: first,
                    lang: "nb",
                    text: "Sitat linje en\nsitat linje to",
                    state: "reviewed",
                    source_hash: &hashes[0],
                    origin: "test",
                })?;
                let n = tx.fill_from_memory("nb")?;
                Ok((n, tx.unit_rows("nb")?))
            })
            .unwrap();
        let (n, rows) = filled;
        assert_eq!(n, 1, "only the paragraph with the same text");
        assert!(rows[1].translation.is_none(), "the heading would break");
        let copy = rows[2].translation.as_ref().unwrap();
        assert_eq!(copy.text, "Sitat linje en\nsitat linje to");
        assert_eq!(copy.state, "translated", "a review does not travel");
        assert_eq!(copy.origin, "memory:content/sv/a.md#body:p[1]");
    }
}
