//! What `stat` says of a file, as a key to compare with the one stored
//! when the file was last read: equal keys mean the file is as it was, and
//! need not be read again (git trusts its index the same way). Used for
//! source postings (sync) and for the postings build wrote.

use std::time::SystemTime;

/// Files changed after this are not trusted by their key: a file changed
/// this recently may change again within the same tick of the file
/// system's clock, leaving the same times (git's "racily clean" case).
pub fn settled() -> SystemTime {
    SystemTime::now()
        .checked_sub(std::time::Duration::from_secs(2))
        .unwrap_or(std::time::UNIX_EPOCH)
}

/// What `stat` says of a file (size, modification and change times,
/// inode) and `extra` (what else its meaning depends on), as one key; `None`
/// when it changed after `settled` or the system gives no times. The change
/// time is in it because no tool sets it: a file replaced with the same
/// size and modification time (`cp -p`, `rsync -t`, `touch -r`) still gets
/// a new one.
pub fn key(meta: &std::fs::Metadata, extra: u64, settled: SystemTime) -> Option<String> {
    let modified = meta.modified().ok()?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let changed = std::time::UNIX_EPOCH.checked_add(std::time::Duration::new(
            u64::try_from(meta.ctime()).ok()?,
            u32::try_from(meta.ctime_nsec()).ok()?,
        ))?;
        if modified.max(changed) >= settled {
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
        if modified >= settled {
            return None;
        }
        let since = modified.duration_since(std::time::UNIX_EPOCH).ok()?;
        Some(format!("{}:{}:{extra:016x}", meta.len(), since.as_nanos()))
    }
}
