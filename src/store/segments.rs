//! The `segments` table, with `source_history` (the source texts a
//! segment had before) and the index of segments by source hash.

use rusqlite::{ToSql, params};

use super::{StoreError, Tx, now_utc};
use crate::posting::Kind;

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
    pub kind: Kind,
    pub position: usize,
    pub line: usize,
    pub text: &'a str,
    pub hash: &'a str,
    /// What its placeholders stand for (`segment::markup::encode`), as sync
    /// found it; `None` where the writer does not know.
    pub markup: Option<&'a str>,
}

impl SegmentRow<'_> {
    /// Its position and line as SQLite stores them.
    fn numbers(&self) -> (i64, i64) {
        (self.position as i64, self.line as i64)
    }

    /// `first` (the document, or the segment updated) and the row's
    /// columns, in the order the statements below name them.
    fn params<'p>(&'p self, first: &'p i64, numbers: &'p (i64, i64)) -> [&'p dyn ToSql; 8] {
        [
            first,
            &self.key,
            &self.kind,
            &numbers.0,
            &numbers.1,
            &self.text,
            &self.hash,
            &self.markup,
        ]
    }
}

/// The insert of segments, followed by one `VALUES` per row.
const INSERT: &str = "INSERT INTO segments (document_id, key, kind, position, line, source_text, source_hash, markup) VALUES ";
const VALUES: &str = "(?, ?, ?, ?, ?, ?, ?, ?)";

impl Tx<'_> {
    pub fn live_segments(&self, document: i64) -> Result<Vec<StoredSegment>, StoreError> {
        self.rows(
            "SELECT id, key, source_text, source_hash FROM segments
             WHERE document_id = ?1 AND obsolete = 0 ORDER BY position",
            [document],
            |r| {
                Ok(StoredSegment {
                    id: r.get(0)?,
                    key: r.get(1)?,
                    text: r.get(2)?,
                    hash: r.get(3)?,
                })
            },
        )
    }

    pub fn insert_segment(&self, document: i64, row: &SegmentRow<'_>) -> Result<i64, StoreError> {
        let numbers = row.numbers();
        self.run(
            &format!("{INSERT}{VALUES}"),
            row.params(&document, &numbers).as_slice(),
        )?;
        Ok(self.tx.last_insert_rowid())
    }

    /// Inserts the segments of a new document, many rows per statement: a
    /// cold sync stores hundreds of thousands.
    pub fn insert_segments(
        &self,
        document: i64,
        rows: &[SegmentRow<'_>],
    ) -> Result<Vec<i64>, StoreError> {
        const PER_STATEMENT: usize = 32;
        let mut ids = Vec::with_capacity(rows.len());
        let mut chunks = rows.chunks_exact(PER_STATEMENT);
        if rows.len() >= PER_STATEMENT {
            let sql = format!("{INSERT}{}", vec![VALUES; PER_STATEMENT].join(", "));
            for chunk in &mut chunks {
                let mut values: Vec<&dyn ToSql> = Vec::with_capacity(PER_STATEMENT * 8);
                let numbers: Vec<(i64, i64)> = chunk.iter().map(SegmentRow::numbers).collect();
                for (row, numbers) in chunk.iter().zip(&numbers) {
                    values.extend(row.params(&document, numbers));
                }
                self.run(&sql, values.as_slice())?;
                // The rows of one statement get consecutive ids, each one
                // more than the largest in the table before it.
                let last = self.tx.last_insert_rowid();
                ids.extend(last + 1 - PER_STATEMENT as i64..=last);
            }
        }
        for row in chunks.remainder() {
            ids.push(self.insert_segment(document, row)?);
        }
        Ok(ids)
    }

    /// Moves a stored segment to its new place and text; a changed text
    /// goes to the history first (its translations become stale).
    pub fn update_segment(
        &self,
        old: &StoredSegment,
        row: &SegmentRow<'_>,
    ) -> Result<(), StoreError> {
        if old.hash != row.hash {
            self.run(
                "INSERT INTO source_history (segment_id, source_text, source_hash, replaced_at)
                 VALUES (?1, ?2, ?3, ?4)",
                params![old.id, old.text, old.hash, now_utc()],
            )?;
        }
        self.run(
            "UPDATE segments SET key = ?2, kind = ?3, position = ?4, line = ?5, source_text = ?6, source_hash = ?7,
               markup = ?8
             WHERE id = ?1",
            row.params(&old.id, &row.numbers()).as_slice(),
        )?;
        Ok(())
    }

    pub fn obsolete_segment(&self, id: i64) -> Result<(), StoreError> {
        self.run("UPDATE segments SET obsolete = 1 WHERE id = ?1", [id])?;
        Ok(())
    }

    /// Makes every live segment of a removed document obsolete (as `2`:
    /// obsolete because the document went, see `revive_segments`); how
    /// many there were.
    pub(crate) fn obsolete_segments_of(&self, document: i64) -> Result<u64, StoreError> {
        let n = self.run(
            "UPDATE segments SET obsolete = 2 WHERE document_id = ?1 AND obsolete = 0",
            [document],
        )?;
        Ok(n as u64)
    }

    /// The segments a document had when it was removed, live again (its
    /// file is back): their translations, states and history with them.
    pub fn revive_segments(&self, document: i64) -> Result<(), StoreError> {
        self.run(
            "UPDATE segments SET obsolete = 0 WHERE document_id = ?1 AND obsolete = 2",
            [document],
        )?;
        self.mark_state_dirty(document, "")
    }

    /// When segment `segment` last had the source text of `hash`, as a
    /// position in its history (higher is later); `None` if never.
    pub fn source_age(&self, segment: i64, hash: &str) -> Result<Option<i64>, StoreError> {
        self.row(
            "SELECT MAX(id) FROM source_history WHERE segment_id = ?1 AND source_hash = ?2",
            params![segment, hash],
            |r| r.get(0),
        )
    }

    /// Drops the index of segments by source hash, for a bulk load: a
    /// first sync inserts hundreds of thousands of segments in random hash
    /// order, which costs more than building the index once afterwards.
    /// Only filling from the memory reads it, and builds it when it is
    /// missing (`ensure_hash_index`): a first sync of a site with no
    /// translations yet never needs it, and building it took 0.3 s of
    /// the 2.3 s a first sync of 10,000 postings took, after the parsing.
    pub fn drop_hash_index(&self) -> Result<(), StoreError> {
        self.batch("DROP INDEX IF EXISTS segments_by_hash")
    }

    /// Builds the index `drop_hash_index` dropped (as in 0002_memory.sql)
    /// if it is missing. Its sort of every hash gets a temporary file and
    /// a small cache: with the store's settings it was held in memory,
    /// 30 MB more for the command that builds it on 10,000 postings.
    pub fn ensure_hash_index(&self) -> Result<(), StoreError> {
        let present: bool = self.row(
            "SELECT EXISTS (SELECT 1 FROM sqlite_master
                            WHERE type = 'index' AND name = 'segments_by_hash')",
            [],
            |r| r.get(0),
        )?;
        if present {
            return Ok(());
        }
        self.sorting_on_disk(|| {
            self.batch("CREATE INDEX segments_by_hash ON segments(source_hash)")
        })
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
                        kind: Kind::Paragraph,
                        position: i,
                        line: i + 1,
                        text: &texts[i],
                        hash: "x",
                        markup: None,
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

    #[test]
    fn a_dropped_hash_index_is_built_again() {
        let mut store = Store::open_in_memory().unwrap();
        let indexes = |store: &mut Store| {
            store
                .transaction(|tx| {
                    tx.row(
                        "SELECT COUNT(*) FROM sqlite_master WHERE name = 'segments_by_hash'",
                        [],
                        |r| r.get::<_, i64>(0),
                    )
                })
                .unwrap()
        };
        assert_eq!(indexes(&mut store), 1);
        store.transaction(|tx| tx.drop_hash_index()).unwrap();
        assert_eq!(indexes(&mut store), 0);
        store.transaction(|tx| tx.ensure_hash_index()).unwrap();
        assert_eq!(indexes(&mut store), 1);
    }
}
