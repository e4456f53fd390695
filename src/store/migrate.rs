//! Schema migrations: an append-only list, applied in order in one
//! transaction, recorded in `PRAGMA user_version`.

use std::path::Path;

use rusqlite::Connection;

use super::StoreError;
use super::sql::Ctx;

/// Every migration, in order; never edit one that has shipped.
const MIGRATIONS: &[&str] = &[
    include_str!("../../migrations/0001_initial.sql"),
    include_str!("../../migrations/0002_memory.sql"),
    include_str!("../../migrations/0003_overrides.sql"),
    include_str!("../../migrations/0004_unreadable.sql"),
    include_str!("../../migrations/0005_output_base.sql"),
    include_str!("../../migrations/0006_output_state.sql"),
    include_str!("../../migrations/0007_moves.sql"),
    include_str!("../../migrations/0008_text_state.sql"),
    include_str!("../../migrations/0009_translation_check.sql"),
    include_str!("../../migrations/0010_translations_by_lang.sql"),
    include_str!("../../migrations/0011_document_stat.sql"),
    include_str!("../../migrations/0012_output_stat.sql"),
    include_str!("../../migrations/0013_build_summaries.sql"),
    include_str!("../../migrations/0014_output_bases.sql"),
    include_str!("../../migrations/0015_segment_markup.sql"),
    include_str!("../../migrations/0016_outputs_by_lang.sql"),
    include_str!("../../migrations/0017_document_parse_revision.sql"),
];

/// Brings the schema up to date; true if the database was empty.
pub fn migrate(conn: &mut Connection, path: &Path) -> Result<bool, StoreError> {
    let known = MIGRATIONS.len() as i64;
    if version(conn, path)? == known {
        return Ok(false);
    }
    // Under the write lock, read again: a tolkar started at the same
    // time on a new site may have migrated while this one waited for it
    // (both read 0, and the second failed with "table documents already
    // exists").
    let tx = conn
        .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
        .ctx(path)?;
    let found = version(&tx, path)?;
    if found == known {
        return Ok(false);
    }
    for migration in &MIGRATIONS[found as usize..] {
        tx.execute_batch(migration).ctx(path)?;
    }
    tx.pragma_update(None, "user_version", known).ctx(path)?;
    tx.commit().ctx(path)?;
    Ok(found == 0)
}

/// The schema version of the database, refused if it is newer than this
/// tolkar knows.
fn version(conn: &Connection, path: &Path) -> Result<i64, StoreError> {
    let known = MIGRATIONS.len() as i64;
    let found: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .ctx(path)?;
    if found > known {
        return Err(StoreError::Newer {
            path: path.to_path_buf(),
            found,
            known,
        });
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrating_twice_is_harmless() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn, Path::new(":memory:")).unwrap();
        migrate(&mut conn, Path::new(":memory:")).unwrap();
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(version, MIGRATIONS.len() as i64);
    }

    /// Bases kept in `outputs` by a store of schema 13 are in
    /// `output_bases` after the migration, and read back as they were.
    #[test]
    fn bases_kept_in_the_outputs_row_move_to_their_own_table() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        let conn = Connection::open(&path).unwrap();
        for migration in &MIGRATIONS[..13] {
            conn.execute_batch(migration).unwrap();
        }
        conn.pragma_update(None, "user_version", 13).unwrap();
        let base = crate::store::compress_base("---\ntitle: Om oss\n---\n\nHej.\n");
        conn.execute(
            "INSERT INTO outputs (path, lang, input_hash, content_hash, written_at, base)
             VALUES ('content/da/om.md', 'da', 'i', 'c', '', ?1),
                    ('content/da/egen.md', 'da', 'i', 'c', '', NULL)",
            [&base],
        )
        .unwrap();
        drop(conn);
        let mut store = crate::store::Store::open(&path).unwrap();
        let (kept, none, outputs) = store
            .transaction(|tx| -> Result<_, StoreError> {
                Ok((
                    tx.output_base("content/da/om.md")?,
                    tx.output_base("content/da/egen.md")?,
                    tx.outputs("da")?.len(),
                ))
            })
            .unwrap();
        assert_eq!(kept, Some(base));
        assert_eq!(none, None);
        assert_eq!(outputs, 2);
    }

    #[test]
    fn a_newer_database_is_refused_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
        drop(conn);
        let before = std::fs::read(&path).unwrap();
        let err = crate::store::Store::open(&path).err().unwrap();
        assert!(matches!(err, StoreError::Newer { found: 99, .. }), "{err}");
        assert_eq!(std::fs::read(&path).unwrap(), before);
    }
}
