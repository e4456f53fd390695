//! The `outputs` table: what build last wrote, so that a localized posting
//! edited by hand is never overwritten, and the base of the three-way
//! merge that keeps such edits when the source changes (compressed).

use std::collections::HashMap;

use rusqlite::params;

use super::{StoreError, Tx, now_utc};

/// A localized posting as build last wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    pub input_hash: String,
    pub content_hash: String,
}

/// A base as the store keeps it. The fastest deflate level: it runs for
/// every posting a build writes, and still keeps about a third of the
/// text.
pub fn compress_base(text: &str) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec(text.as_bytes(), 1)
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

    /// Records what build wrote at `path`, and `base` (from
    /// [`compress_base`]): what build made of the store (the file itself,
    /// unless it was merged with local edits).
    pub fn record_output(
        &self,
        path: &str,
        lang: &str,
        output: &Output,
        base: &[u8],
    ) -> Result<(), StoreError> {
        self.run(
            "INSERT INTO outputs (path, lang, input_hash, content_hash, written_at, base) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (path) DO UPDATE SET lang = excluded.lang, input_hash = excluded.input_hash,
               content_hash = excluded.content_hash, written_at = excluded.written_at, base = excluded.base",
            params![path, lang, output.input_hash, output.content_hash, now_utc(), base],
        )?;
        Ok(())
    }

    /// The base recorded for `path`, compressed (see [`inflate_base`]).
    pub fn output_base(&self, path: &str) -> Result<Option<Vec<u8>>, StoreError> {
        let compressed: Option<Option<Vec<u8>>> =
            self.optional_row("SELECT base FROM outputs WHERE path = ?1", [path], |r| {
                r.get(0)
            })?;
        Ok(compressed.flatten())
    }
}

/// A recorded base as text. One that does not inflate to UTF-8 is as good
/// as none: the file is then treated as one tolkar did not write.
pub fn inflate_base(compressed: &[u8]) -> Option<String> {
    miniz_oxide::inflate::decompress_to_vec(compressed)
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
}
