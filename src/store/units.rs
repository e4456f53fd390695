//! Units: live segments joined with their translation into one language
//! and the source text that translation was made for, as export, import,
//! review and the reports see them.

use rusqlite::params;

use super::{Origin, StoreError, Tx};
use crate::exchange::State;
use crate::posting::Kind;

/// A live segment and its translation into one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitRow {
    pub segment: i64,
    pub path: String,
    pub key: String,
    pub kind: Kind,
    pub line: usize,
    pub source: String,
    pub hash: String,
    pub translation: Option<TranslationRow>,
    /// What its placeholders stand for, as sync stored it
    /// (`segment::markup::encode`); `None` if not stored.
    pub markup: Option<String>,
}

/// A stored translation, with what it was made from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TranslationRow {
    pub text: String,
    /// Its stored state (never missing or stale; see `State::of_stored`).
    pub state: State,
    pub source_hash: String,
    /// Made for the current source text.
    pub current: bool,
    pub origin: Origin,
    /// For a stale translation: the source text it was made for, if the
    /// history has it.
    pub previous_source: Option<String>,
}

/// Live segments with their translation into `?1`; callers add the
/// `WHERE` (on `d` and `s`) and the order.
const UNIT_ROWS: &str = "SELECT s.id, d.path, s.key, s.kind, s.line, s.source_text, s.source_hash,
        t.text, t.state, t.source_hash, t.origin,
        (SELECT h.source_text FROM source_history h
          WHERE h.segment_id = s.id AND h.source_hash = t.source_hash
          ORDER BY h.id DESC LIMIT 1),
        s.markup
 FROM documents d
 JOIN segments s ON s.document_id = d.id AND s.obsolete = 0
 LEFT JOIN translations t ON t.segment_id = s.id AND t.lang = ?1";

impl Tx<'_> {
    /// Every live segment of the documents present, with its translation
    /// into `lang`, in document and segment order.
    pub fn unit_rows(&self, lang: &str) -> Result<Vec<UnitRow>, StoreError> {
        let mut rows = Vec::new();
        self.each_unit_row(lang, |row| -> Result<(), StoreError> {
            rows.push(row);
            Ok(())
        })?;
        Ok(rows)
    }

    /// [`Tx::unit_rows`] one by one, as they are read. Read document by
    /// document: one query ordered by path and position over the whole
    /// store made SQLite sort every row, texts and all (80 MB for 320,000
    /// segments).
    pub fn each_unit_row<E: From<StoreError>>(
        &self,
        lang: &str,
        mut each: impl FnMut(UnitRow) -> Result<(), E>,
    ) -> Result<(), E> {
        let documents: Vec<i64> = self.rows(
            "SELECT id FROM documents WHERE removed = 0 ORDER BY path",
            [],
            |r| r.get(0),
        )?;
        let sql = format!("{UNIT_ROWS} WHERE d.id = ?2 ORDER BY s.position");
        for document in documents {
            self.each_row(&sql, params![lang, document], read, &mut each)?;
        }
        Ok(())
    }

    /// The live segments of one document with their translation into
    /// `lang`, in segment order: adopt reads a batch of postings' rows at
    /// a time, not a whole language's.
    pub fn unit_rows_of(&self, document: i64, lang: &str) -> Result<Vec<UnitRow>, StoreError> {
        self.rows(
            &format!("{UNIT_ROWS} WHERE d.id = ?2 ORDER BY s.position"),
            params![lang, document],
            read,
        )
    }

    /// The live segments of the document at `path`, if it is present,
    /// with their translations into `lang`, in order.
    pub fn document_unit_rows(&self, lang: &str, path: &str) -> Result<Vec<UnitRow>, StoreError> {
        self.rows(
            &format!("{UNIT_ROWS} WHERE d.removed = 0 AND d.path = ?2 ORDER BY s.position"),
            params![lang, path],
            read,
        )
    }

    /// One live segment with its translation into `lang`, as it is now.
    pub fn unit_row(
        &self,
        lang: &str,
        path: &str,
        key: &str,
    ) -> Result<Option<UnitRow>, StoreError> {
        let mut rows: Vec<UnitRow> = self.rows(
            &format!("{UNIT_ROWS} WHERE d.removed = 0 AND d.path = ?2 AND s.key = ?3"),
            params![lang, path, key],
            read,
        )?;
        Ok(rows.pop())
    }
}

fn read(r: &rusqlite::Row<'_>) -> rusqlite::Result<UnitRow> {
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
        markup: r.get(12)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::message::Diagnostic;
    use crate::store::{NewTranslation, SegmentRow, Store};

    /// A store with one segment of `content/sv/a.md` translated into nb,
    /// and then `column` of that translation overwritten with `value`,
    /// past the schema's CHECK (as a foreign or newer writer could).
    fn store_with(column: &str, value: &str) -> Store {
        let mut store = Store::open_in_memory().unwrap();
        store
            .transaction(|tx| -> Result<(), StoreError> {
                let doc = tx.insert_document("content/sv/a.md", "h")?;
                let row = SegmentRow {
                    key: "body:p[1]",
                    kind: Kind::Paragraph,
                    position: 0,
                    line: 1,
                    text: "Kaffe",
                    hash: "x",
                    markup: None,
                };
                let segment = tx.insert_segment(doc, &row)?;
                tx.store_translation(&NewTranslation {
                    segment,
                    lang: "nb",
                    text: "Kaffe",
                    state: State::Translated,
                    source_hash: "x",
                    origin: &Origin::ReviewSet,
                })?;
                tx.batch("PRAGMA ignore_check_constraints = ON")?;
                tx.run(&format!("UPDATE translations SET {column} = ?1"), [value])?;
                Ok(())
            })
            .unwrap();
        store
    }

    #[test]
    fn an_unknown_stored_state_is_an_error_not_a_draft() {
        let mut store = store_with("state", "approved");
        let err = store.transaction(|tx| tx.unit_rows("nb")).unwrap_err();
        match &err {
            StoreError::UnknownValue {
                path,
                column,
                value,
            } => {
                assert_eq!(path.to_str(), Some(":memory:"));
                assert_eq!(*column, "translations.state");
                assert_eq!(value, "approved");
            }
            other => panic!("{other}"),
        }
        let message = err.message();
        assert_eq!(message.id, "error-db-value");
        // The unit alone, as import and review read it again, too.
        let err = store
            .transaction(|tx| tx.unit_row("nb", "content/sv/a.md", "body:p[1]"))
            .unwrap_err();
        assert!(matches!(err, StoreError::UnknownValue { .. }), "{err}");
    }

    #[test]
    fn an_unknown_stored_origin_is_an_error() {
        let mut store = store_with("origin", "test");
        let err = store.transaction(|tx| tx.unit_rows("nb")).unwrap_err();
        assert!(
            matches!(
                &err,
                StoreError::UnknownValue { column: "translations.origin", value, .. } if value == "test"
            ),
            "{err}"
        );
    }

    #[test]
    fn stored_values_read_back_typed() {
        let mut store = store_with("origin", "mt:deepl --to nb");
        let rows = store.transaction(|tx| tx.unit_rows("nb")).unwrap();
        assert_eq!(rows[0].kind, Kind::Paragraph);
        let translation = rows[0].translation.as_ref().unwrap();
        assert_eq!(translation.state, State::Translated);
        assert_eq!(translation.origin, Origin::Machine("deepl --to nb".into()));
    }
}
