//! The `translations` table: the one writer of a translation, what build
//! reads of them, and the counts status reports.

use std::collections::HashMap;

use rusqlite::params;

use super::{Origin, StoreError, Tx, now_utc};
use crate::exchange::State;

/// A translation to store.
#[derive(Debug, Clone, Copy)]
pub struct NewTranslation<'a> {
    pub segment: i64,
    pub lang: &'a str,
    pub text: &'a str,
    /// One of the stored states; a derived one (missing, stale) is
    /// refused with an error.
    pub state: State,
    /// The hash of the source it was made for: the current one, or an
    /// older one for a translation that is stale on arrival.
    pub source_hash: &'a str,
    pub origin: &'a Origin,
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

/// The revision of the next write to `translations`: it grows with every
/// write, so build can tell whether a document's translations changed.
pub(super) const NEXT_REVISION: &str = "(SELECT IFNULL(MAX(revision), 0) + 1 FROM translations)";

impl Tx<'_> {
    /// Stores a translation, replacing the one there was. Every write of
    /// one translation goes through here (`fill_from_memory` writes many
    /// at once, in one statement).
    pub fn store_translation(&self, new: &NewTranslation<'_>) -> Result<(), StoreError> {
        self.run(
            &format!(
                "INSERT INTO translations (segment_id, lang, text, state, source_hash, origin, updated_at, revision)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, {NEXT_REVISION})
                 ON CONFLICT (segment_id, lang) DO UPDATE SET text = excluded.text, state = excluded.state,
                   source_hash = excluded.source_hash, origin = excluded.origin, updated_at = excluded.updated_at,
                   revision = excluded.revision"
            ),
            params![
                new.segment,
                new.lang,
                new.text,
                new.state,
                new.source_hash,
                new.origin,
                now_utc()
            ],
        )?;
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
        state: State,
        origin: &Origin,
    ) -> Result<bool, StoreError> {
        let Some(row) = self.unit_row(lang, path, key)? else {
            return Ok(false);
        };
        self.store_translation(&NewTranslation {
            segment: row.segment,
            lang,
            text,
            state,
            source_hash: &row.hash,
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
        self.rows(
            "SELECT s.key, t.text, t.source_hash = s.source_hash
             FROM segments s JOIN translations t ON t.segment_id = s.id AND t.lang = ?2
             WHERE s.document_id = ?1 AND s.obsolete = 0",
            params![document, lang],
            |r| {
                Ok((
                    r.get(0)?,
                    StoredTranslation {
                        text: r.get(1)?,
                        current: r.get(2)?,
                    },
                ))
            },
        )
    }

    /// Per document: live segments, how many have a translation into
    /// `lang`, and the highest revision among those translations.
    pub fn translation_summary(
        &self,
        lang: &str,
    ) -> Result<HashMap<i64, TranslationSummary>, StoreError> {
        self.rows(
            "SELECT s.document_id, COUNT(*), COUNT(t.segment_id), IFNULL(MAX(t.revision), 0)
             FROM segments s LEFT JOIN translations t ON t.segment_id = s.id AND t.lang = ?1
             WHERE s.obsolete = 0 GROUP BY s.document_id",
            [lang],
            |r| {
                Ok((
                    r.get(0)?,
                    TranslationSummary {
                        segments: r.get::<_, i64>(1)? as u64,
                        translated: r.get::<_, i64>(2)? as u64,
                        revision: r.get(3)?,
                    },
                ))
            },
        )
    }

    /// [`Tx::translation_summary`] of the `documents` given (id and
    /// content hash each), read again only where something changed since
    /// the last call for `lang` (see migration 0013): a document whose
    /// content hash is the one recorded, in a store whose stamp is the one
    /// recorded, has the summary recorded. Records what it finds.
    pub fn translation_summaries(
        &self,
        lang: &str,
        documents: &[(i64, &str)],
    ) -> Result<HashMap<i64, TranslationSummary>, StoreError> {
        let stamp = self.summary_stamp()?;
        let recorded: Option<String> = self.optional_row(
            "SELECT stamp FROM build_stamps WHERE lang = ?1",
            [lang],
            |r| r.get(0),
        )?;
        let same_stamp = recorded.as_deref() == Some(stamp.as_str());
        let mut kept: HashMap<i64, (String, TranslationSummary)> = if same_stamp {
            self.rows(
                "SELECT document_id, content_hash, segments, translated, revision
                 FROM build_summaries WHERE lang = ?1",
                [lang],
                |r| {
                    Ok((
                        r.get(0)?,
                        (
                            r.get(1)?,
                            TranslationSummary {
                                segments: r.get::<_, i64>(2)? as u64,
                                translated: r.get::<_, i64>(3)? as u64,
                                revision: r.get(4)?,
                            },
                        ),
                    ))
                },
            )?
        } else {
            HashMap::new()
        };
        let mut summaries = HashMap::with_capacity(documents.len());
        let mut changed = Vec::new();
        for &(id, hash) in documents {
            match kept.remove(&id) {
                Some((kept_hash, summary)) if kept_hash == hash => {
                    summaries.insert(id, summary);
                }
                _ => changed.push((id, hash)),
            }
        }
        // One query per document while few changed; past that, the one
        // query over every segment is cheaper.
        if changed.len() * 8 > documents.len() {
            let all = self.translation_summary(lang)?;
            for &(id, _) in &changed {
                summaries.insert(id, all.get(&id).copied().unwrap_or_default());
            }
        } else {
            for &(id, _) in &changed {
                summaries.insert(id, self.translation_summary_of(id, lang)?);
            }
        }
        if !same_stamp {
            self.run("DELETE FROM build_summaries WHERE lang = ?1", [lang])?;
            self.run(
                "INSERT INTO build_stamps (lang, stamp) VALUES (?1, ?2)
                 ON CONFLICT (lang) DO UPDATE SET stamp = excluded.stamp",
                params![lang, stamp],
            )?;
        }
        for (id, hash) in changed {
            let summary = summaries[&id];
            self.run(
                "INSERT INTO build_summaries (lang, document_id, content_hash, segments, translated, revision)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (lang, document_id) DO UPDATE SET content_hash = excluded.content_hash,
                   segments = excluded.segments, translated = excluded.translated,
                   revision = excluded.revision",
                params![
                    lang,
                    id,
                    hash,
                    summary.segments as i64,
                    summary.translated as i64,
                    summary.revision
                ],
            )?;
        }
        Ok(summaries)
    }

    /// What changes with every write to `segments` and `translations`
    /// that could change a summary: a translation written gets a revision
    /// above every other, a new segment an id above every other, and a
    /// deletion (which may lower both) is counted by a trigger.
    fn summary_stamp(&self) -> Result<String, StoreError> {
        self.row(
            "SELECT (SELECT IFNULL(MAX(revision), 0) FROM translations),
                    (SELECT IFNULL(MAX(id), 0) FROM segments),
                    (SELECT deletions FROM store_deletions)",
            [],
            |r| {
                Ok(format!(
                    "{}:{}:{}",
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, i64>(2)?
                ))
            },
        )
    }

    /// [`Tx::translation_summary`] of one document.
    fn translation_summary_of(
        &self,
        document: i64,
        lang: &str,
    ) -> Result<TranslationSummary, StoreError> {
        self.row(
            "SELECT COUNT(*), COUNT(t.segment_id), IFNULL(MAX(t.revision), 0)
             FROM segments s LEFT JOIN translations t ON t.segment_id = s.id AND t.lang = ?2
             WHERE s.document_id = ?1 AND s.obsolete = 0",
            params![document, lang],
            |r| {
                Ok(TranslationSummary {
                    segments: r.get::<_, i64>(0)? as u64,
                    translated: r.get::<_, i64>(1)? as u64,
                    revision: r.get(2)?,
                })
            },
        )
    }

    /// Translated, stale and missing counts for `lang` over all documents,
    /// and per document path.
    pub fn counts(&self, lang: &str) -> Result<(Counts, Vec<(String, Counts)>), StoreError> {
        let per_doc: Vec<(String, Counts)> = self.rows(
            "SELECT d.path, COUNT(*),
                    COALESCE(SUM(t.source_hash = s.source_hash), 0),
                    COALESCE(SUM(t.source_hash != s.source_hash), 0)
             FROM documents d
             JOIN segments s ON s.document_id = d.id AND s.obsolete = 0
             LEFT JOIN translations t ON t.segment_id = s.id AND t.lang = ?1
             WHERE d.removed = 0
             GROUP BY d.id ORDER BY d.path",
            [lang],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    Counts::from_row(
                        r.get::<_, i64>(1)? as u64,
                        r.get::<_, i64>(2)? as u64,
                        r.get::<_, i64>(3)? as u64,
                    ),
                ))
            },
        )?;
        let mut total = Counts::default();
        for (_, c) in &per_doc {
            total.total += c.total;
            total.translated += c.translated;
            total.stale += c.stale;
            total.missing += c.missing;
        }
        Ok((total, per_doc))
    }

    /// A dump of every translation as the text stored, for tests that
    /// compare the store before and after.
    pub fn translation_dump(&self) -> Result<Vec<String>, StoreError> {
        self.rows(
            "SELECT segment_id, lang, text, state, source_hash, origin, revision
             FROM translations ORDER BY segment_id, lang",
            [],
            |r| {
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
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::posting::Kind;
    use crate::store::{SegmentRow, Store};

    fn segment(tx: &Tx<'_>, document: i64, position: usize) -> i64 {
        let key = format!("body:p[{position}]");
        tx.insert_segment(
            document,
            &SegmentRow {
                key: &key,
                kind: Kind::Paragraph,
                position,
                line: position + 1,
                text: "Kaffe",
                hash: "x",
                markup: None,
            },
        )
        .unwrap()
    }

    fn translate(tx: &Tx<'_>, segment: i64, text: &str) {
        tx.store_translation(&NewTranslation {
            segment,
            lang: "nb",
            text,
            state: State::Translated,
            source_hash: "x",
            origin: &Origin::ReviewSet,
        })
        .unwrap();
    }

    /// The recorded summaries are what the query over every segment
    /// finds, after each kind of change that could make them differ.
    #[test]
    fn recorded_summaries_follow_every_change() {
        let mut store = Store::open_in_memory().unwrap();
        store
            .transaction(|tx| -> Result<(), StoreError> {
                let a = tx.insert_document("content/sv/a.md", "ha")?;
                let b = tx.insert_document("content/sv/b.md", "hb")?;
                let a1 = segment(tx, a, 1);
                let a2 = segment(tx, a, 2);
                let b1 = segment(tx, b, 1);
                translate(tx, a1, "Kaffe");
                translate(tx, b1, "Kaffe");
                let check = |docs: &[(i64, &str)]| {
                    let fresh = tx.translation_summary("nb").unwrap();
                    let got = tx.translation_summaries("nb", docs).unwrap();
                    for &(id, _) in docs {
                        assert_eq!(
                            got[&id],
                            fresh.get(&id).copied().unwrap_or_default(),
                            "document {id}"
                        );
                    }
                };
                let docs = [(a, "ha"), (b, "hb")];
                check(&docs);
                check(&docs);
                // A translation written.
                translate(tx, a2, "Te");
                check(&docs);
                // One rewritten.
                translate(tx, b1, "Mjölk");
                check(&docs);
                // Deleted: the highest revision goes down, and the next
                // write gets it again.
                tx.run("DELETE FROM translations WHERE segment_id = ?1", [b1])?;
                check(&docs);
                translate(tx, a1, "Kaffe!");
                check(&docs);
                // A segment gone from a document that changed.
                tx.obsolete_segment(a2)?;
                check(&[(a, "ha2"), (b, "hb")]);
                // A document whose file is gone, and back.
                tx.remove_document(b)?;
                check(&[(a, "ha2")]);
                tx.revive_segments(b)?;
                check(&[(a, "ha2"), (b, "hb")]);
                // A segment deleted.
                tx.run("DELETE FROM segments WHERE id = ?1", [a2])?;
                let a3 = segment(tx, a, 3);
                check(&[(a, "ha2"), (b, "hb")]);
                translate(tx, a3, "Socker");
                check(&[(a, "ha2"), (b, "hb")]);
                Ok(())
            })
            .unwrap();
    }
}
