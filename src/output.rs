//! Writing files: always atomically (a temporary file beside the target,
//! then a rename), so a reader never sees half a posting. No fsync per
//! file: a build writes thousands, and after a crash each file is either
//! the old or the new one, which the next build simply writes again. The
//! temporary file comes from `tempfile`: a unique, hidden name, so two
//! tolkar runs never write into each other's, and Hugo and tolkar's own
//! walk skip it.
//!
//! A process killed while it writes leaves its temporary file; the next
//! command that writes knows it by its name ([`temporary_for`]) and puts
//! it in place or removes it (`textstate::recover`).

use std::io::Write;
use std::path::{Path, PathBuf};

/// How the name of every temporary file tolkar writes ends.
const TEMPORARY: &str = ".tolkar-tmp";

/// Writes `bytes` to `path`, creating its directory if needed.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(dir) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    replace_file(path, bytes)
}

/// Writes `bytes` to `path` in a directory that exists. A file replaced
/// keeps its permissions; a new one gets `rw-r--r--`, as a text editor
/// would give it (a temporary file starts private).
pub fn replace_file(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = Replacement::new(path)?;
    file.write_all(bytes)?;
    file.finish()
}

/// Writes `bytes` to `path`, in a directory that exists, where no file is
/// expected: as [`replace_file`], but in fewer steps where the system
/// allows. On Linux the file is made without a name (`O_TMPFILE`), written,
/// and linked at `path` whole: no temporary name to make and rename, which
/// was a third of the kernel's time in a first build. Where that cannot be
/// done (another system, a file system without `O_TMPFILE`, no `/proc`), or
/// a file is at `path` after all, it is replaced as [`replace_file`] does.
pub fn create_file(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if link_new(path, bytes)? {
        return Ok(());
    }
    replace_file(path, bytes)
}

/// Makes `path` a new file of `bytes` in one step: false (and nothing
/// written at `path`) if that cannot be done here, or a file is there.
#[cfg(target_os = "linux")]
fn link_new(path: &Path, bytes: &[u8]) -> std::io::Result<bool> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
    use std::os::unix::io::AsRawFd;
    let dir = directory_of(path);
    let Ok(target) = CString::new(path.as_os_str().as_bytes()) else {
        return Ok(false);
    };
    let mut file = match std::fs::OpenOptions::new()
        .write(true)
        .custom_flags(libc::O_TMPFILE)
        .mode(NEW_FILE_MODE)
        .open(dir)
    {
        Ok(file) => file,
        Err(e) if every_way_fails(&e) => return Err(e),
        // No `O_TMPFILE` here (`EOPNOTSUPP`, or `EISDIR`/`EINVAL` from a
        // kernel before it): the other way.
        Err(_) => return Ok(false),
    };
    // Dropped on an error: an unnamed file leaves nothing behind.
    file.write_all(bytes)?;
    // As `replace_file` gives a new file, whatever the umask.
    file.set_permissions(std::fs::Permissions::from_mode(NEW_FILE_MODE))?;
    let Ok(fd) = CString::new(format!("/proc/self/fd/{}", file.as_raw_fd())) else {
        return Ok(false);
    };
    // SAFETY: both are NUL-terminated strings that outlive the call.
    let linked = unsafe {
        libc::linkat(
            libc::AT_FDCWD,
            fd.as_ptr(),
            libc::AT_FDCWD,
            target.as_ptr(),
            libc::AT_SYMLINK_FOLLOW,
        )
    };
    if linked == 0 {
        return Ok(true);
    }
    // A file there (`EEXIST`), no `/proc`, or a sandbox that forbids the
    // link through it (`EACCES`, `EPERM`): the other way, unless no room
    // is left for any.
    let error = std::io::Error::last_os_error();
    if matches!(error.raw_os_error(), Some(libc::ENOSPC | libc::EDQUOT)) {
        return Err(error);
    }
    Ok(false)
}

/// Whether `error` is one any way of writing a file in that directory
/// meets (no space or quota left, a read-only file system, no permission
/// to write there): told at once, not met a second time.
#[cfg(target_os = "linux")]
fn every_way_fails(error: &std::io::Error) -> bool {
    matches!(
        error.raw_os_error(),
        Some(libc::ENOSPC | libc::EDQUOT | libc::EROFS | libc::EACCES)
    )
}

#[cfg(not(target_os = "linux"))]
fn link_new(_path: &Path, _bytes: &[u8]) -> std::io::Result<bool> {
    Ok(false)
}

/// A file being written beside `path` that replaces it, whole, when
/// finished. Dropped unfinished (an error, a panic), it is removed and
/// `path` stays as it was.
pub struct Replacement {
    path: PathBuf,
    temp: tempfile::NamedTempFile,
}

impl Replacement {
    /// Starts the replacement of `path`, in a directory that exists.
    pub fn new(path: &Path) -> std::io::Result<Replacement> {
        Ok(Replacement {
            path: path.to_path_buf(),
            temp: temporary_beside(path)?,
        })
    }

    /// Puts the file in place of `path`.
    pub fn finish(self) -> std::io::Result<()> {
        give_permissions(&self.temp, &self.path)?;
        // On error the temporary file is removed when it is dropped.
        self.temp
            .persist(&self.path)
            .map(|_| ())
            .map_err(|e| e.error)
    }
}

impl Write for Replacement {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.temp.write(buf)
    }

    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.temp.write_all(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.temp.flush()
    }
}

/// Writes `bytes` to a temporary file beside `path` (creating its
/// directory if needed) and keeps it there, to be renamed onto `path`
/// later: its path.
pub fn write_beside(path: &Path, bytes: &[u8]) -> std::io::Result<PathBuf> {
    if let Some(dir) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let mut temp = temporary_beside(path)?;
    temp.write_all(bytes)?;
    give_permissions(&temp, path)?;
    temp.into_temp_path().keep().map_err(|e| e.error)
}

/// The name of the file that the file `name` is a temporary file of
/// tolkar's for (`.cfo.md.Ab12Cd.tolkar-tmp` → `cfo.md`), if it is one.
pub fn temporary_for(name: &str) -> Option<&str> {
    let inner = name.strip_prefix('.')?.strip_suffix(TEMPORARY)?;
    let (target, _random) = inner.rsplit_once('.')?;
    (!target.is_empty()).then_some(target)
}

/// The directory `path` is in (`.` for a bare name).
fn directory_of(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

/// An empty temporary file in the directory of `path`, named after it.
fn temporary_beside(path: &Path) -> std::io::Result<tempfile::NamedTempFile> {
    let dir = directory_of(path);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(TEMPORARY)
        .tempfile_in(dir)
}

/// Gives `temp` the permissions `path` has, or those a new file gets.
fn give_permissions(temp: &tempfile::NamedTempFile, path: &Path) -> std::io::Result<()> {
    let permissions = match std::fs::metadata(path) {
        Ok(meta) => meta.permissions(),
        Err(_) => default_permissions(temp.as_file().metadata()?.permissions()),
    };
    temp.as_file().set_permissions(permissions)
}

/// `rw-r--r--`.
#[cfg(unix)]
const NEW_FILE_MODE: u32 = 0o644;

#[cfg(unix)]
fn default_permissions(mut permissions: std::fs::Permissions) -> std::fs::Permissions {
    use std::os::unix::fs::PermissionsExt;
    permissions.set_mode(NEW_FILE_MODE);
    permissions
}

#[cfg(not(unix))]
fn default_permissions(permissions: std::fs::Permissions) -> std::fs::Permissions {
    permissions
}

/// Writes a file a person named on the command line: through a symlink to
/// the file it points at, straight into something that is not a regular
/// file (`/dev/stdout`, a pipe), and atomically otherwise.
pub fn write_named(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = NamedFile::create(path)?;
    file.write_all(bytes)?;
    file.finish()
}

/// A file a person named on the command line, written as [`write_named`]
/// writes it, piece by piece; a regular file is replaced only when
/// finished.
pub enum NamedFile {
    Replacement(Replacement),
    /// A device or a pipe: written as it comes.
    Stream(std::fs::File),
}

impl NamedFile {
    pub fn create(path: &Path) -> std::io::Result<NamedFile> {
        let replace = |path: &Path| -> std::io::Result<NamedFile> {
            if let Some(dir) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir)?;
            }
            Replacement::new(path).map(NamedFile::Replacement)
        };
        match std::fs::metadata(path) {
            Ok(meta) if !meta.is_file() && !meta.is_dir() => std::fs::OpenOptions::new()
                .write(true)
                .open(path)
                .map(NamedFile::Stream),
            Ok(_) => replace(&std::fs::canonicalize(path)?),
            Err(_) => replace(path),
        }
    }

    pub fn finish(self) -> std::io::Result<()> {
        match self {
            NamedFile::Replacement(file) => file.finish(),
            NamedFile::Stream(mut file) => file.flush(),
        }
    }
}

impl Write for NamedFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            NamedFile::Replacement(file) => file.write(buf),
            NamedFile::Stream(file) => file.write(buf),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            NamedFile::Replacement(file) => file.flush(),
            NamedFile::Stream(file) => file.flush(),
        }
    }
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

    /// A new file is made whole and readable by all; a file found at the
    /// path after all is replaced as `replace_file` replaces it. Either
    /// way no other file is left in the directory.
    #[cfg(unix)]
    #[test]
    fn files_expected_new_are_made_whole_and_existing_ones_replaced() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.md");
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        create_file(&path, b"one").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"one");
        assert_eq!(mode(&path), 0o644);
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o664)).unwrap();
        create_file(&path, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        assert_eq!(mode(&path), 0o664);
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["x.md"]);
        let missing = dir.path().join("no/such/dir/x.md");
        assert!(create_file(&missing, b"three").is_err());
    }

    /// Where Linux gives `O_TMPFILE` and `/proc`, a new file is made in one
    /// step, not by the fallback.
    #[cfg(target_os = "linux")]
    #[test]
    fn on_linux_a_new_file_is_linked_in_one_step() {
        use std::os::unix::fs::OpenOptionsExt;
        let dir = tempfile::tempdir().unwrap();
        let unnamed = std::fs::OpenOptions::new()
            .write(true)
            .custom_flags(libc::O_TMPFILE)
            .open(dir.path());
        if unnamed.is_err() || !Path::new("/proc/self/fd").is_dir() {
            return;
        }
        let path = dir.path().join("x.md");
        assert!(link_new(&path, b"one").unwrap());
        assert_eq!(std::fs::read(&path).unwrap(), b"one");
        assert!(!link_new(&path, b"two").unwrap(), "a file is there");
        assert_eq!(std::fs::read(&path).unwrap(), b"one");
    }

    #[test]
    fn temporary_files_are_known_by_their_name() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.md.po");
        let temp = write_beside(&path, b"one").unwrap();
        let name = temp.file_name().unwrap().to_str().unwrap();
        assert_eq!(temporary_for(name), Some("x.md.po"));
        assert!(!path.exists());
        for other in [
            "x.md",
            ".x.md",
            ".tolkar-tmp",
            "..tolkar-tmp",
            "x.md.abc.tolkar-tmp",
        ] {
            assert_eq!(temporary_for(other), None, "{other}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn new_files_are_readable_by_all_and_replaced_ones_keep_their_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.md");
        write_atomically(&path, b"one").unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o644);
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o664)).unwrap();
        write_atomically(&path, b"two").unwrap();
        assert_eq!(mode(&path), 0o664);
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
