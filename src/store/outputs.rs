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

/// A localized posting as the last build left it. (Whether the file keeps
/// differences of its own is the file's hash against `content_hash`.)
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputStatus {
    pub path: String,
    /// Where its own edits and build's changes collided, if they did: the
    /// file was left as it is.
    pub conflict_line: Option<usize>,
    /// Of what build last made of the store there (the base).
    pub content_hash: String,
}

/// A base as the store keeps it: a tag byte, the text's length (4 bytes,
/// little-endian) and the text in LZ4 blocks. LZ4 rather than deflate:
/// it runs for every posting a build writes, and deflate's fastest level
/// took a sixth of a first build's CPU (design-notes §29).
pub fn compress_base(text: &str) -> Vec<u8> {
    let bytes = text.as_bytes();
    // A text whose length does not fit the 4 bytes (past 4 GiB, where
    // `limits.posting_size` allows it) is kept in deflate, which needs none.
    let Ok(length) = u32::try_from(bytes.len()) else {
        return miniz_oxide::deflate::compress_to_vec(bytes, 1);
    };
    let head = 1 + 4;
    let mut out = vec![0; head + lz4_flex::block::get_maximum_output_size(bytes.len())];
    out[0] = LZ4_BASE;
    out[1..head].copy_from_slice(&length.to_le_bytes());
    let written = lz4_flex::block::compress_into(bytes, &mut out[head..])
        .expect("the buffer holds the worst case");
    out.truncate(head + written);
    out
}

/// The first byte of a base in LZ4. Read as deflate, its bits 1 and 2 name
/// block type 3, which RFC 1951 (3.2.3) reserves as an error: no base that
/// an earlier version wrote in deflate starts with it.
const LZ4_BASE: u8 = 0xFF;

/// A recorded base as text, in either format. One that does not
/// decompress to UTF-8 is as good as none: the file is then treated as one
/// tolkar did not write.
pub fn inflate_base(compressed: &[u8]) -> Option<String> {
    let bytes = match compressed.split_first() {
        Some((&LZ4_BASE, rest)) => {
            let (length, blocks) = rest.split_first_chunk::<4>()?;
            let length = usize::try_from(u32::from_le_bytes(*length)).ok()?;
            // LZ4 expands at most about 255 times: a longer claim is a
            // damaged row, not worth allocating for.
            if length > blocks.len().saturating_mul(255) {
                return None;
            }
            let mut text = vec![0; length];
            let written = lz4_flex::block::decompress_into(blocks, &mut text).ok()?;
            (written == length).then_some(text)?
        }
        _ => miniz_oxide::inflate::decompress_to_vec(compressed).ok()?,
    };
    String::from_utf8(bytes).ok()
}

impl Tx<'_> {
    /// What build last wrote for `lang`, by path.
    pub fn outputs(&self, lang: &str) -> Result<HashMap<String, Output>, StoreError> {
        Ok(self
            .outputs_with_stats(lang)?
            .into_iter()
            .map(|(path, (output, _))| (path, output))
            .collect())
    }

    /// What build last wrote for `lang`, by path, each with what `stat`
    /// said of the file when build last found it to be the file it wrote
    /// (see [`crate::filestat`]), if it did.
    #[allow(clippy::type_complexity)]
    pub fn outputs_with_stats(
        &self,
        lang: &str,
    ) -> Result<HashMap<String, (Output, Option<String>)>, StoreError> {
        self.rows(
            "SELECT path, input_hash, content_hash, stat FROM outputs WHERE lang = ?1",
            [lang],
            |r| {
                Ok((
                    r.get(0)?,
                    (
                        Output {
                            input_hash: r.get(1)?,
                            content_hash: r.get(2)?,
                        },
                        r.get(3)?,
                    ),
                ))
            },
        )
    }

    /// Records that the file at `path` is what build wrote there, as
    /// `stat` says of it now.
    pub fn set_output_stat(&self, path: &str, stat: &str) -> Result<(), StoreError> {
        self.run(
            "UPDATE outputs SET stat = ?2 WHERE path = ?1",
            params![path, stat],
        )?;
        Ok(())
    }

    /// Records what build wrote at `path`, and `base` (from
    /// [`compress_base`]): what build made of the store (the file itself,
    /// unless it was merged with local edits). A conflict recorded there
    /// is settled.
    pub fn record_output(
        &self,
        path: &str,
        lang: &str,
        output: &Output,
        base: &[u8],
    ) -> Result<(), StoreError> {
        self.put_output(path, lang, output, &now_utc(), Some(base))?;
        self.mark_output_dirty(path)
    }

    /// Records what a state file says build wrote at `path`, with the
    /// file itself as the base when it is what build wrote (`None`: the
    /// file has differences of its own, and the base is not known).
    pub fn restore_output(
        &self,
        path: &str,
        lang: &str,
        output: &Output,
        base: Option<&[u8]>,
    ) -> Result<(), StoreError> {
        self.put_output(path, lang, output, "", base)
    }

    /// The row of `path` and its base (none: any base kept is dropped).
    fn put_output(
        &self,
        path: &str,
        lang: &str,
        output: &Output,
        written_at: &str,
        base: Option<&[u8]>,
    ) -> Result<(), StoreError> {
        self.run(
            "INSERT INTO outputs (path, lang, input_hash, content_hash, written_at, state, conflict_line)
             VALUES (?1, ?2, ?3, ?4, ?5, 'same', NULL)
             ON CONFLICT (path) DO UPDATE SET lang = excluded.lang, input_hash = excluded.input_hash,
               content_hash = excluded.content_hash, written_at = excluded.written_at,
               state = excluded.state, conflict_line = NULL, stat = NULL",
            params![path, lang, output.input_hash, output.content_hash, written_at],
        )?;
        match base {
            Some(base) => self.run(
                "INSERT INTO output_bases (path, base) VALUES (?1, ?2)
                 ON CONFLICT (path) DO UPDATE SET base = excluded.base",
                params![path, base],
            )?,
            None => self.run("DELETE FROM output_bases WHERE path = ?1", [path])?,
        };
        Ok(())
    }

    /// What build last wrote at `path`, if it wrote there.
    pub fn output_at(&self, path: &str) -> Result<Option<Output>, StoreError> {
        self.optional_row(
            "SELECT input_hash, content_hash FROM outputs WHERE path = ?1",
            [path],
            |r| {
                Ok(Output {
                    input_hash: r.get(0)?,
                    content_hash: r.get(1)?,
                })
            },
        )
    }

    /// The state file of the posting built at `path` says what build
    /// wrote there: it must be written again.
    fn mark_output_dirty(&self, path: &str) -> Result<(), StoreError> {
        self.run(
            "INSERT OR IGNORE INTO state_dirty_outputs (path) VALUES (?1)",
            [path],
        )?;
        Ok(())
    }

    /// Records that the localized posting at `from` (of `lang`) belongs at
    /// `to` now: its source posting was renamed. Build moves it.
    pub fn add_move(&self, lang: &str, from: &str, to: &str) -> Result<(), StoreError> {
        self.run(
            "INSERT INTO moves (from_path, to_path, lang) VALUES (?1, ?2, ?3)
             ON CONFLICT (from_path) DO UPDATE SET to_path = excluded.to_path, lang = excluded.lang",
            params![from, to, lang],
        )?;
        Ok(())
    }

    /// The moves waiting for `lang`: (from, to).
    pub fn moves(&self, lang: &str) -> Result<Vec<(String, String)>, StoreError> {
        self.rows(
            "SELECT from_path, to_path FROM moves WHERE lang = ?1 ORDER BY from_path",
            [lang],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
    }

    /// A move done (or given up): the base goes with the file to `to`.
    pub fn finish_move(&self, from: &str, to: &str, moved: bool) -> Result<(), StoreError> {
        if moved {
            self.forget_row(to)?;
            self.run(
                "UPDATE outputs SET path = ?2, stat = NULL WHERE path = ?1",
                params![from, to],
            )?;
            self.run(
                "UPDATE output_bases SET path = ?2 WHERE path = ?1",
                params![from, to],
            )?;
            self.mark_output_dirty(to)?;
        }
        self.run("DELETE FROM moves WHERE from_path = ?1", [from])?;
        Ok(())
    }

    /// Forgets what build wrote at `path`: the file there is no longer
    /// the translation of the posting it was written for.
    pub fn forget_output(&self, path: &str) -> Result<(), StoreError> {
        self.forget_row(path)?;
        self.mark_output_dirty(path)
    }

    fn forget_row(&self, path: &str) -> Result<(), StoreError> {
        self.run("DELETE FROM outputs WHERE path = ?1", [path])?;
        self.run("DELETE FROM output_bases WHERE path = ?1", [path])?;
        Ok(())
    }

    /// Marks the posting at `path` as left alone by a conflict at `line`;
    /// its base stays that of the last build that wrote it.
    pub fn record_conflict(&self, path: &str, line: usize) -> Result<(), StoreError> {
        self.run(
            "UPDATE outputs SET state = 'conflict', conflict_line = ?2 WHERE path = ?1",
            params![path, line as i64],
        )?;
        self.mark_output_dirty(path)
    }

    /// How the last build left each localized posting of `lang`, by path.
    pub fn output_states(&self, lang: &str) -> Result<Vec<OutputStatus>, StoreError> {
        self.rows(
            "SELECT path, CASE state WHEN 'conflict' THEN conflict_line END, content_hash
             FROM outputs WHERE lang = ?1 ORDER BY path",
            [lang],
            |r| {
                Ok(OutputStatus {
                    path: r.get(0)?,
                    conflict_line: r.get::<_, Option<i64>>(1)?.map(|l| l.max(1) as usize),
                    content_hash: r.get(2)?,
                })
            },
        )
    }

    /// The base recorded for `path`, compressed (see [`inflate_base`]).
    pub fn output_base(&self, path: &str) -> Result<Option<Vec<u8>>, StoreError> {
        self.optional_row(
            "SELECT base FROM output_bases WHERE path = ?1",
            [path],
            |r| r.get(0),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_base_reads_back_as_the_text_it_was() {
        for text in [
            "",
            "a",
            "# Tittel\n\nBrødtekst med æøå.\n",
            &"lorem ipsum ".repeat(2000),
        ] {
            assert_eq!(inflate_base(&compress_base(text)).as_deref(), Some(text));
        }
    }

    #[test]
    fn a_base_written_as_deflate_by_an_earlier_version_still_reads() {
        let text = "---\ntitle: Om oss\n---\nVi er et lite team.\n";
        let deflated = miniz_oxide::deflate::compress_to_vec(text.as_bytes(), 1);
        assert_ne!(deflated.first(), Some(&LZ4_BASE));
        assert_eq!(inflate_base(&deflated).as_deref(), Some(text));
    }

    #[test]
    fn a_damaged_base_is_no_base() {
        let mut base = compress_base(&"tekst ".repeat(100));
        assert_eq!(inflate_base(&base[..base.len() - 3]), None);
        // A length far beyond what the blocks can hold.
        base[1..5].copy_from_slice(&u32::MAX.to_le_bytes());
        assert_eq!(inflate_base(&base), None);
        assert_eq!(inflate_base(&[LZ4_BASE, 1, 0]), None);
        assert_eq!(inflate_base(&[]), None);
    }
}
