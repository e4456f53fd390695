//! What build last wrote, per language, in the text state:
//! `.tolkar/state/LANG/built.txt`, one line per localized posting, sorted,
//! fields separated by tabs (→ below), a blank line between two postings (so that
//! git merges changes to two neighbouring lines: it takes changes to
//! adjacent lines for a conflict):
//!
//! ```text
//! content/da/jobs.md → 447a4f6b714b3b478d42f6f4ade3b5eb
//!
//! content/da/team.md → 9d95e8c7e73fda61d47636bfc36b5a42 → [[2,1,"title: Team\n"]]
//!
//! content/da/tools.md → 3858702b588946a390c94370986bdf65 → conflict=12
//! ```
//!
//! The path, the hash of what build made (the base of its next merge),
//! the line of a conflict that made the last build leave it alone, and
//! for a posting with edits of its own, what build made as a patch of the
//! posting (`patch`). A fresh clone needs this to know which postings
//! tolkar wrote and to merge the next source change into them. One file
//! per language rather than a header in each posting's PO file: a build
//! of a site with no translations yet writes one file, not thousands.

use std::collections::{BTreeMap, HashMap, HashSet};

use rayon::prelude::*;

use super::{Layout, OnDisk, StateError, on_disk, patch, put, remove};
use crate::segment::hash::{content_hash, content_hash_of_file};
use crate::store::{
    Output, OutputStatus, StateFileRecord, StoreError, Tx, compress_base, inflate_base,
};

/// The name of the file in each language's directory.
pub const NAME: &str = "built.txt";

/// One localized posting's line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Built {
    pub path: String,
    pub hash: String,
    /// The last build left the posting alone: its own edits and build's
    /// changes collide at this line (`conflict=LINE`).
    pub conflict: Option<usize>,
    pub patch: Option<String>,
}

pub fn write(lang: &str, rows: &[Built]) -> String {
    let mut out = format!(
        "# tolkar: what build last wrote in {lang}: path, hash, and build's output as a patch of a posting with edits of its own\n"
    );
    for row in rows {
        out.push('\n');
        out.push_str(&row.path);
        out.push('\t');
        out.push_str(&row.hash);
        if let Some(line) = row.conflict {
            out.push_str(&format!("\tconflict={line}"));
        }
        if let Some(patch) = &row.patch {
            out.push('\t');
            out.push_str(patch);
        }
        out.push('\n');
    }
    out
}

/// Reads the file; a line that is not `PATH<TAB>HASH[<TAB>PATCH]` is an
/// error at its line.
pub fn read(text: &str) -> Result<Vec<Built>, super::format::FormatError> {
    use super::format::FormatError;
    let mut rows = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let line_no = index + 1;
        if super::format::is_conflict_marker(line) {
            return Err(FormatError::Conflict { line: line_no });
        }
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut fields = line.split('\t');
        let (Some(path), Some(hash)) = (fields.next(), fields.next()) else {
            return Err(FormatError::Syntax(crate::exchange::ReadError::new(
                line_no,
                1,
                "expected PATH, a tab and a hash",
            )));
        };
        let mut row = Built {
            path: path.to_string(),
            hash: hash.to_string(),
            conflict: None,
            patch: None,
        };
        for field in fields {
            match field.strip_prefix("conflict=") {
                Some(n) => row.conflict = n.parse().ok(),
                // A patch is JSON, which has no tab.
                None => row.patch = Some(field.to_string()),
            }
        }
        rows.push(row);
    }
    Ok(rows)
}

/// Where the file of `lang` is, relative to the root.
pub(super) fn file(layout: &Layout, lang: &str) -> String {
    format!("{}/{lang}/{NAME}", layout.dir)
}

/// Reads the file of each language that changed since tolkar last read or
/// wrote it, and takes over the records the store does not have.
pub(super) fn load(
    tx: &Tx<'_>,
    layout: &Layout,
    records: &HashMap<String, StateFileRecord>,
) -> Result<(), StateError> {
    for lang in &layout.languages {
        let path = file(layout, lang);
        let full = layout.root.join(&path);
        let Ok(disk) = on_disk(&full) else {
            continue;
        };
        let record = records.get(&path);
        if record.is_some_and(|r| r.size == disk.size && r.mtime == disk.mtime) {
            continue;
        }
        let bytes = std::fs::read(&full).map_err(|source| StateError::Io {
            path: full.clone(),
            source,
        })?;
        let hash = content_hash(&bytes);
        if record.is_none_or(|r| r.hash != hash) {
            let text = String::from_utf8_lossy(&bytes);
            let rows = read(&text).map_err(|e| StateError::in_file(&full, e))?;
            restore_all(tx, layout, lang, &rows)?;
        }
        record_file(tx, &path, lang, hash, &disk)?;
    }
    Ok(())
}

/// Takes over what the file says build wrote at each row's path, unless
/// the store knows it already. The posting there is the base of the next
/// merge if it is what build wrote; with edits of its own, the patch gives
/// the base back (checked against the hash); without one that fits, the
/// base is not known, and build merges it only while it makes the same.
/// The postings are read, patched and compressed in parallel, in batches.
fn restore_all(tx: &Tx<'_>, layout: &Layout, lang: &str, rows: &[Built]) -> Result<(), StoreError> {
    for batch in rows.chunks(RESTORE_BATCH) {
        let mut new = Vec::with_capacity(batch.len());
        for row in batch {
            let known = tx.output_at(&row.path)?;
            if known.is_none_or(|o| o.content_hash != row.hash) {
                new.push(row);
            }
        }
        let bases: Vec<Option<Option<Vec<u8>>>> =
            new.par_iter().map(|row| base_of(layout, row)).collect();
        for (row, base) in new.iter().zip(bases) {
            // A posting gone from the disk: nothing to take over.
            let Some(base) = base else { continue };
            let output = Output {
                input_hash: String::new(),
                content_hash: row.hash.clone(),
            };
            tx.restore_output(&row.path, lang, &output, base.as_deref())?;
        }
        for row in batch {
            if let Some(line) = row.conflict {
                tx.record_conflict(&row.path, line)?;
            }
        }
    }
    Ok(())
}

/// How many rows of `built.txt` are read from the disk at once.
const RESTORE_BATCH: usize = 256;

/// The base of the next merge of the posting at `row.path`, compressed
/// (`Some(None)`: not known); `None` if the posting cannot be read.
fn base_of(layout: &Layout, row: &Built) -> Option<Option<Vec<u8>>> {
    let bytes = std::fs::read(layout.root.join(&row.path)).ok()?;
    let posting = String::from_utf8_lossy(&bytes);
    let base = if content_hash(&bytes) == row.hash {
        Some(posting.into_owned())
    } else {
        row.patch
            .as_deref()
            .and_then(|p| patch::apply(&posting, p))
            .filter(|base| content_hash(base.as_bytes()) == row.hash)
    };
    Some(base.map(|b| compress_base(&b)))
}

fn record_file(
    tx: &Tx<'_>,
    path: &str,
    lang: &str,
    hash: String,
    disk: &OnDisk,
) -> Result<(), StoreError> {
    tx.record_state_file(
        path,
        &StateFileRecord {
            // Not a posting's file.
            document: 0,
            lang: lang.to_string(),
            hash,
            size: disk.size,
            mtime: disk.mtime,
        },
    )
}

/// What a posting's file was found to be, against its base.
enum Checked {
    /// Its base, byte for byte, with what `stat` said of it if that can be
    /// trusted.
    AsBuilt(Option<String>),
    Differs,
    Unreadable,
}

/// Writes the file of each language whose build records changed: lines of
/// postings build wrote again get a new patch, the others keep theirs.
pub(super) fn flush(tx: &Tx<'_>, layout: &Layout) -> Result<(), StoreError> {
    let dirty: HashSet<String> = tx.dirty_outputs()?.into_iter().collect();
    if dirty.is_empty() {
        return Ok(());
    }
    // Read after build wrote its files: those written before it can be
    // vouched for by `stat` (`crate::filestat`).
    let settled = crate::filestat::Settled::now(&layout.database);
    for lang in &layout.languages {
        let path = file(layout, lang);
        let full = layout.root.join(&path);
        let old_text = std::fs::read_to_string(&full).unwrap_or_default();
        let old: HashMap<String, Built> = read(&old_text)
            .unwrap_or_default()
            .into_iter()
            .map(|b| (b.path.clone(), b))
            .collect();
        let outputs: BTreeMap<String, OutputStatus> = tx
            .output_states(lang)?
            .into_iter()
            .map(|o| (o.path.clone(), o))
            .collect();
        if outputs.is_empty() && old.is_empty() {
            continue;
        }
        // Paths with a tab or a line break cannot be a line; none is a
        // Hugo posting's in practice.
        let usable = |p: &str| !p.contains(['\t', '\n', '\r']);
        let todo: Vec<(&String, &OutputStatus)> = outputs
            .iter()
            .filter(|(p, _)| usable(p))
            .filter(|(p, o)| {
                dirty.contains(*p) || old.get(*p).is_none_or(|b| b.hash != o.content_hash)
            })
            .collect();
        // Most postings are as build made them: their bytes hash to the
        // base's hash, so they need no patch and their base is not read.
        // What `stat` said of such a file just before it was read is
        // recorded, as build's plan records it of a file it read and
        // found to be its own: the next build trusts it unread.
        let checked: Vec<(&String, &OutputStatus, Checked)> = todo
            .into_par_iter()
            .map(|(p, o)| {
                let full = layout.root.join(p);
                let stat = std::fs::metadata(&full)
                    .ok()
                    .and_then(|meta| crate::filestat::key(&meta, 0, &settled));
                let checked = match content_hash_of_file(&full) {
                    Ok(hash) if hash == o.content_hash => Checked::AsBuilt(stat),
                    Ok(_) => Checked::Differs,
                    Err(_) => Checked::Unreadable,
                };
                (p, o, checked)
            })
            .collect();
        let mut bases = Vec::with_capacity(checked.len());
        for (p, o, checked) in checked {
            let base = match checked {
                Checked::Differs => tx.output_base(p)?,
                Checked::AsBuilt(Some(stat)) => {
                    tx.set_output_stat(p, &stat)?;
                    None
                }
                Checked::AsBuilt(None) | Checked::Unreadable => None,
            };
            bases.push((p, o, base));
        }
        let fresh: HashMap<&String, Built> = bases
            .into_par_iter()
            .map(|(p, o, base)| {
                let patch = base.as_deref().and_then(inflate_base).and_then(|base| {
                    let posting = std::fs::read(layout.root.join(p)).ok()?;
                    let posting = String::from_utf8_lossy(&posting);
                    (posting != base).then(|| patch::make(&posting, &base))
                });
                (
                    p,
                    Built {
                        path: p.to_string(),
                        hash: o.content_hash.clone(),
                        conflict: o.conflict_line,
                        patch,
                    },
                )
            })
            .collect();
        let rows: Vec<Built> = outputs
            .keys()
            .filter(|p| usable(p))
            .filter_map(|p| fresh.get(p).or_else(|| old.get(p)).cloned())
            .collect();
        if rows.is_empty() {
            remove(layout, &path)?;
            tx.forget_state_file(&path)?;
            continue;
        }
        let text = write(lang, &rows);
        let disk = put(layout, &full, text.as_bytes(), text != old_text)?;
        record_file(tx, &path, lang, content_hash(text.as_bytes()), &disk)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_back_what_it_writes() {
        let rows = vec![
            Built {
                path: "content/da/a.md".into(),
                hash: "00ff".into(),
                conflict: None,
                patch: None,
            },
            Built {
                path: "content/da/b c.md".into(),
                hash: "11ee".into(),
                conflict: Some(12),
                patch: Some(patch::make("mine\n", "theirs\n")),
            },
        ];
        assert_eq!(read(&write("da", &rows)).unwrap(), rows);
    }

    #[test]
    fn conflict_markers_and_bad_lines_are_refused_with_their_line() {
        use super::super::format::FormatError;
        let text = "# x\ncontent/da/a.md\t00\n<<<<<<< HEAD\n";
        assert_eq!(read(text), Err(FormatError::Conflict { line: 3 }));
        match read("# x\nno tab here\n") {
            Err(FormatError::Syntax(e)) => assert_eq!(e.line, 2),
            other => panic!("{other:?}"),
        }
    }
}
