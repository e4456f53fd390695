//! The `outputs` table: what build last wrote, so that a localized posting
//! edited by hand is never overwritten.

use std::collections::HashMap;

use rusqlite::params;

use super::{StoreError, Tx, now_utc};

/// A localized posting as build last wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    pub input_hash: String,
    pub content_hash: String,
}

impl Tx<'_> {
    /// What build last wrote for `lang`, by path.
    pub fn outputs(&self, lang: &str) -> Result<HashMap<String, Output>, StoreError> {
        self.rows(
            "SELECT path, input_hash, content_hash FROM outputs WHERE lang = ?1",
            [lang],
            |r| {
                Ok((
                    r.get(0)?,
                    Output {
                        input_hash: r.get(1)?,
                        content_hash: r.get(2)?,
                    },
                ))
            },
        )
    }

    pub fn record_output(&self, path: &str, lang: &str, output: &Output) -> Result<(), StoreError> {
        self.run(
            "INSERT INTO outputs (path, lang, input_hash, content_hash, written_at) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (path) DO UPDATE SET lang = excluded.lang, input_hash = excluded.input_hash,
               content_hash = excluded.content_hash, written_at = excluded.written_at",
            params![path, lang, output.input_hash, output.content_hash, now_utc()],
        )?;
        Ok(())
    }
}
