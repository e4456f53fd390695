//! Writing files: always atomically (a temporary file beside the target,
//! then a rename), so a reader never sees half a posting. No fsync per
//! file: a build writes thousands, and after a crash each file is either
//! the old or the new one, which the next build simply writes again.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Writes `bytes` to `path`, creating its directory if needed.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(dir) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    replace_file(path, bytes)
}

/// Writes `bytes` to `path` in a directory that exists.
pub fn replace_file(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let temp = temp_path(path);
    let result = std::fs::File::create(&temp)
        .and_then(|mut file| file.write_all(bytes))
        .and_then(|()| std::fs::rename(&temp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}

/// Writes a file a person named on the command line: through a symlink to
/// the file it points at, straight into something that is not a regular
/// file (`/dev/stdout`, a pipe), and atomically otherwise.
pub fn write_named(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    match std::fs::metadata(path) {
        Ok(meta) if !meta.is_file() && !meta.is_dir() => std::fs::OpenOptions::new()
            .write(true)
            .open(path)?
            .write_all(bytes),
        Ok(_) => write_atomically(&std::fs::canonicalize(path)?, bytes),
        Err(_) => write_atomically(path, bytes),
    }
}

/// `dir/.name.tolkar-tmp`: hidden, so Hugo and tolkar's own walk skip it.
fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.tolkar-tmp"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_whole_files_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a/b/x.md");
        write_atomically(&path, b"one").unwrap();
        write_atomically(&path, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        let names: Vec<_> = std::fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["x.md"]);
    }

    #[cfg(unix)]
    #[test]
    fn named_files_are_written_through_links_and_into_devices() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.po");
        let link = dir.path().join("link.po");
        std::fs::write(&real, b"old").unwrap();
        std::os::unix::fs::symlink(&real, &link).unwrap();
        write_named(&link, b"new").unwrap();
        assert_eq!(std::fs::read(&real).unwrap(), b"new");
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        write_named(Path::new("/dev/null"), b"gone").unwrap();
        let null = std::fs::metadata("/dev/null").unwrap();
        assert!(!null.is_file(), "/dev/null is still a device");
    }
}
