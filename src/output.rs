//! Writing files: always atomically (a temporary file in the same
//! directory, then a rename), so a reader never sees half a posting.
//! No fsync per file: a build writes thousands, and a crash leaves either
//! the old or the new file, which the next build simply writes again.

use std::io::Write;
use std::path::Path;

pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let mut temp = tempfile::Builder::new()
        .prefix(".tolkar-")
        .tempfile_in(dir)?;
    temp.write_all(bytes)?;
    temp.persist(path).map_err(|e| e.error)?;
    Ok(())
}
