//! The translation memory: translations read with the source text they
//! were made for (for fuzzy matching), and filled into segments with the
//! very same text.

use rusqlite::params;

use super::origin::MEMORY;
use super::translations::NEXT_REVISION;
use super::{StoreError, Tx, now_utc};

/// A translation with the source text it translates: one entry of the
/// translation memory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemoryRow {
    pub segment: i64,
    /// The posting and the key of the segment it was made for: where the
    /// match comes from, not how its text came to be (not an `Origin`).
    pub path: String,
    pub key: String,
    pub source: String,
    pub target: String,
}

/// States in the order a memory match is preferred.
const STATE_RANK: &str = "CASE t.state WHEN 'reviewed' THEN 4 WHEN 'translated' THEN 3
                          WHEN 'draft' THEN 2 ELSE 1 END";

impl Tx<'_> {
    /// Each translation into `lang` whose source text is known, for fuzzy
    /// matching, in the order of postings' paths and segments' positions
    /// (an obsolete segment may share its position with a live one: then
    /// the older first).
    /// Postings come in path order from their index and each one's
    /// segments are sorted on their own: sorting the whole language at
    /// once held every row in memory (about 50 MB for 190,000).
    pub fn each_memory_row<E: From<StoreError>>(
        &self,
        lang: &str,
        mut each: impl FnMut(MemoryRow) -> Result<(), E>,
    ) -> Result<(), E> {
        self.each_row(
            "SELECT t.segment_id, d.path, s.key, t.text,
                    CASE WHEN t.source_hash = s.source_hash THEN s.source_text ELSE
                      (SELECT h.source_text FROM source_history h
                        WHERE h.segment_id = s.id AND h.source_hash = t.source_hash
                        ORDER BY h.id DESC LIMIT 1) END
             FROM documents d
             CROSS JOIN segments s ON s.document_id = d.id
             CROSS JOIN translations t ON t.segment_id = s.id AND t.lang = ?1
             ORDER BY d.path, s.position, s.id",
            [lang],
            |r| {
                let Some(source) = r.get::<_, Option<String>>(4)? else {
                    return Ok(None);
                };
                Ok(Some(MemoryRow {
                    segment: r.get(0)?,
                    path: r.get(1)?,
                    key: r.get(2)?,
                    target: r.get(3)?,
                    source,
                }))
            },
            |row| match row {
                Some(row) => each(row),
                None => Ok(()),
            },
        )
    }

    /// How many translations into `lang` there are: what
    /// [`Tx::each_memory_row`] reads at most.
    pub fn memory_size(&self, lang: &str) -> Result<usize, StoreError> {
        let n: i64 = self.row(
            "SELECT COUNT(*) FROM translations WHERE lang = ?1",
            [lang],
            |r| r.get(0),
        )?;
        Ok(usize::try_from(n).unwrap_or(0))
    }

    /// The translation of `segment` into `lang`: the memory keeps only
    /// what it needs to find matches, and reads the target of a match
    /// when it is offered.
    pub fn memory_target(&self, segment: i64, lang: &str) -> Result<Option<String>, StoreError> {
        self.optional_row(
            "SELECT text FROM translations WHERE segment_id = ?1 AND lang = ?2",
            params![segment, lang],
            |r| r.get(0),
        )
    }

    /// Fills every live segment with no translation into `lang` from the
    /// memory: a current translation of a segment with the very same
    /// source text elsewhere. The same text, not just the same hash: the
    /// hash ignores white space, and a line break that fits a paragraph
    /// would break a heading or a table cell. The best state wins (a
    /// review does not travel: reviewed arrives as translated), then the
    /// newest; the origin is `Origin::Memory` of the segment it comes
    /// from. Returns how many were filled.
    pub fn fill_from_memory(&self, lang: &str) -> Result<u64, StoreError> {
        // A language with no translations yet (a first sync) has nothing
        // to give.
        let any: bool = self.row(
            "SELECT EXISTS (SELECT 1 FROM translations WHERE lang = ?1)",
            [lang],
            |r| r.get(0),
        )?;
        if !any {
            return Ok(0);
        }
        // Dropped by a first sync, which had no use for it.
        self.ensure_hash_index()?;
        let sql = format!(
            "INSERT INTO translations (segment_id, lang, text, state, source_hash, origin, updated_at, revision)
             SELECT s.id, ?1, m.text, m.state, s.source_hash, '{MEMORY}' || m.origin, ?2, {NEXT_REVISION}
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
        // The fill sorts every translation of the language by its source
        // text. With the store's settings (`temp_store = MEMORY`, 16 MB of
        // cache, which also bounds the sorter's runs in memory) that took
        // 64 MB after an import of 155,050 units, the import's peak; with
        // a temporary file and a small cache, for this one statement, 6 MB
        // and as fast. SQLite's sort is stable, so the same translations
        // win (issue 14).
        let n = self.sorting_on_disk(|| self.run(&sql, params![lang, now_utc()]))?;
        Ok(n as u64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exchange::State;
    use crate::posting::Kind;
    use crate::segment::hash::source_hash;
    use crate::store::{NewTranslation, Origin, SegmentRow, Store};

    #[test]
    fn the_memory_fills_the_same_text_only() {
        let mut store = Store::open_in_memory().unwrap();
        let filled = store
            .transaction(|tx| -> Result<_, StoreError> {
                let doc = tx.insert_document("content/sv/a.md", "h")?;
                let texts = [
                    ("body:p[1]", Kind::Paragraph, "Citat rad ett\ncitat rad två"),
                    ("body:h2[1]", Kind::Heading, "Citat rad ett citat rad två"),
                    ("body:p[2]", Kind::Paragraph, "Citat rad ett\ncitat rad två"),
                ];
                let hashes: Vec<String> = texts.iter().map(|t| source_hash(t.2)).collect();
                let rows: Vec<SegmentRow> = texts
                    .iter()
                    .zip(&hashes)
                    .enumerate()
                    .map(|(i, ((key, kind, text), hash))| SegmentRow {
                        key,
                        kind: *kind,
                        position: i,
                        line: i + 1,
                        text,
                        hash,
                        markup: None,
                    })
                    .collect();
                // As after a first sync of a large site.
                tx.drop_hash_index()?;
                tx.insert_segments(doc, &rows)?;
                let first = tx.unit_rows("nb")?[0].segment;
                tx.store_translation(&NewTranslation {
                    segment: first,
                    lang: "nb",
                    text: "Sitat linje en\nsitat linje to",
                    state: State::Reviewed,
                    source_hash: &hashes[0],
                    origin: &Origin::ReviewSet,
                })?;
                let n = tx.fill_from_memory("nb")?;
                let index: i64 = tx.row(
                    "SELECT COUNT(*) FROM sqlite_master WHERE name = 'segments_by_hash'",
                    [],
                    |r| r.get(0),
                )?;
                assert_eq!(index, 1, "the fill builds the index it reads");
                Ok((n, tx.unit_rows("nb")?))
            })
            .unwrap();
        let (n, rows) = filled;
        assert_eq!(n, 1, "only the paragraph with the same text");
        assert!(rows[1].translation.is_none(), "the heading would break");
        let copy = rows[2].translation.as_ref().unwrap();
        assert_eq!(copy.text, "Sitat linje en\nsitat linje to");
        assert_eq!(copy.state, State::Translated, "a review does not travel");
        assert_eq!(copy.origin.to_string(), "memory:content/sv/a.md#body:p[1]");
    }
}
