//! What `stat` says of a file, as a key to compare with the one stored
//! when the file was last read: equal keys mean the file is as it was, and
//! need not be read again (git trusts its index the same way). Used for
//! source postings (sync) and for the postings build wrote.

use std::path::Path;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// When a file must have last changed for its key to be trusted. A file
/// changed this recently may change again within the same tick of the
/// file system's clock, keeping the same times (git's "racily clean"
/// case). Two ways to be sure it did not:
/// - it changed more than two seconds ago by the system's clock, which
///   covers the coarsest clock of any file system (FAT's);
/// - it is on the store's device and changed before that file system's
///   own clock read as this command began: any later change gets a later
///   time, however coarse the clock. So a key is recorded for a file
///   written moments before the command (a build's outputs, an edited
///   posting) and trusted by the next one, where the two-second rule
///   alone kept every command in those two seconds reading it again.
#[derive(Debug, Clone, Copy)]
pub struct Settled {
    before: SystemTime,
    /// The store's device and the time its file system gave a file made
    /// there just now.
    clock: Option<(u64, SystemTime)>,
}

impl Settled {
    /// Now, for a store at `database`: the file system's clock is read by
    /// making an empty file beside it (named after it, so that the line
    /// that keeps the store out of git keeps out a file left by a kill),
    /// when its directory exists and may be written.
    pub fn now(database: &Path) -> Settled {
        Settled {
            clock: clock_beside(database),
            ..Settled::by_system_clock()
        }
    }

    /// Only by the system's clock.
    fn by_system_clock() -> Settled {
        Settled {
            before: SystemTime::now()
                .checked_sub(Duration::from_secs(2))
                .unwrap_or(UNIX_EPOCH),
            clock: None,
        }
    }

    fn trusts(&self, changed: SystemTime, device: u64) -> bool {
        changed < self.before
            || self
                .clock
                .is_some_and(|(clock_device, clock)| clock_device == device && changed < clock)
    }
}

#[cfg(unix)]
fn clock_beside(database: &Path) -> Option<(u64, SystemTime)> {
    use std::os::unix::fs::MetadataExt;
    let dir = database.parent().filter(|d| d.is_dir())?;
    let mut prefix = database.file_name()?.to_os_string();
    prefix.push("-clock-");
    let file = tempfile::Builder::new()
        .prefix(&prefix)
        .tempfile_in(dir)
        .ok()?;
    let meta = file.as_file().metadata().ok()?;
    Some((meta.dev(), change_time(&meta)?))
}

#[cfg(not(unix))]
fn clock_beside(_database: &Path) -> Option<(u64, SystemTime)> {
    None
}

#[cfg(unix)]
fn change_time(meta: &std::fs::Metadata) -> Option<SystemTime> {
    use std::os::unix::fs::MetadataExt;
    UNIX_EPOCH.checked_add(Duration::new(
        u64::try_from(meta.ctime()).ok()?,
        u32::try_from(meta.ctime_nsec()).ok()?,
    ))
}

/// What `stat` says of a file (size, modification and change times,
/// inode) and `extra` (what else its meaning depends on), as one key; `None`
/// when `settled` does not trust its times, or the system gives none. The change
/// time is in it because no tool sets it: a file replaced with the same
/// size and modification time (`cp -p`, `rsync -t`, `touch -r`) still gets
/// a new one.
pub fn key(meta: &std::fs::Metadata, extra: u64, settled: &Settled) -> Option<String> {
    let modified = meta.modified().ok()?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if !settled.trusts(modified.max(change_time(meta)?), meta.dev()) {
            return None;
        }
        Some(format!(
            "{}:{}.{}:{}.{}:{}:{extra:016x}",
            meta.len(),
            meta.mtime(),
            meta.mtime_nsec(),
            meta.ctime(),
            meta.ctime_nsec(),
            meta.ino()
        ))
    }
    #[cfg(not(unix))]
    {
        if !settled.trusts(modified, 0) {
            return None;
        }
        let since = modified.duration_since(std::time::UNIX_EPOCH).ok()?;
        Some(format!("{}:{}:{extra:016x}", meta.len(), since.as_nanos()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn a_file_changed_before_the_file_systems_clock_is_trusted_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let database = dir.path().join("tolkar.db");
        let file = dir.path().join("a.md");
        std::fs::write(&file, "text").unwrap();
        let meta = std::fs::metadata(&file).unwrap();
        // Two seconds have not passed: the system's clock alone says no.
        assert_eq!(key(&meta, 0, &Settled::by_system_clock()), None);
        // The file system's clock moves on within milliseconds (one tick
        // of a coarse clock); wait for it, at most a few seconds.
        let deadline = std::time::Instant::now() + Duration::from_secs(3);
        let trusted = loop {
            let found = key(&meta, 0, &Settled::now(&database));
            if found.is_some() || std::time::Instant::now() > deadline {
                break found;
            }
            std::thread::sleep(Duration::from_millis(5));
        };
        assert!(trusted.is_some(), "a file written before the clock read");
        // The clock leaves no file behind.
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["a.md"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_file_changed_after_the_clock_was_read_is_not_trusted() {
        let dir = tempfile::tempdir().unwrap();
        let settled = Settled::now(&dir.path().join("tolkar.db"));
        let file = dir.path().join("a.md");
        std::fs::write(&file, "text").unwrap();
        let meta = std::fs::metadata(&file).unwrap();
        assert_eq!(key(&meta, 0, &settled), None);
        // Without a store's directory there is no clock to read.
        let nowhere = Settled::now(&dir.path().join("missing/tolkar.db"));
        assert!(nowhere.clock.is_none());
        assert_eq!(key(&meta, 0, &nowhere), None);
    }
}
