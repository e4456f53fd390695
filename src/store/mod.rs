//! The SQLite store: every SQL statement of tolkar lives under this module,
//! each in one place, in the file of the table it is about:
//!
//! - `documents`: source postings (and when each was synced, and why one
//!   could not be read);
//! - `segments`: their translatable pieces, the history of their source
//!   texts, and the index of segments by source hash;
//! - `translations`: the one writer of a translation, what build reads,
//!   the counts status reports;
//! - `units`: live segments joined with their translation, as export,
//!   import and review see them;
//! - `memory`: the translation memory, read for matches and filled from;
//! - `outputs`: what build last wrote;
//! - `overrides`: front-matter overrides and localized paths;
//! - `state`: what the committed text state reads and writes.
//!
//! Values cross the boundary typed: a translation's `State` and `Origin`
//! and a segment's `Kind` are read and written as the text they always
//! were (`values`), and a stored text none of them knows is an error that
//! names the database, the column and the value. Every rusqlite error
//! leaves through `sql::Ctx`, which names the database.
//!
//! The schema is in `migrations/NNNN_name.sql`, embedded and applied in
//! order against `PRAGMA user_version` in one transaction. A database from
//! a newer tolkar is refused before anything is written to it.

mod documents;
mod memory;
mod migrate;
mod origin;
mod outputs;
mod overrides;
mod segments;
mod sql;
mod state;
mod time;
mod translations;
mod units;
mod values;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use rusqlite::Connection;

pub use documents::StoredDocument;
pub use memory::MemoryRow;
pub use origin::{Origin, UnknownOrigin};
pub use outputs::{Output, OutputStatus, compress_base, inflate_base};
pub use segments::{SegmentRow, StoredSegment};
use sql::Ctx;
pub use state::{DirtyState, Restored, Restorer, StateEntry, StateFileRecord};
pub use time::now_utc;
pub use translations::{Counts, NewTranslation, StoredTranslation, TranslationSummary};
pub use units::{TranslationRow, UnitRow};
pub use values::{NotStored, UnknownValue};

/// What can go wrong with the store.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    #[error(
        "the database {path} was made by a newer tolkar (schema {found}, this tolkar knows {known})"
    )]
    Newer {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    /// A stored text that none of the values of its column is (written by
    /// something other than tolkar, or a newer one).
    #[error("the database {path} holds {value:?} in {column}, which this tolkar does not know")]
    UnknownValue {
        path: PathBuf,
        column: &'static str,
        value: String,
    },
    /// Another connection held the write lock for longer than the
    /// command would wait ([`LockWait`]).
    #[error("another tolkar command is still writing the store {path}")]
    Locked { path: PathBuf },
    #[error("database error in {path}: {source}")]
    Sqlite {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
    #[error("cannot create {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot write {path}: {source}")]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

impl crate::message::Diagnostic for StoreError {
    fn message(&self) -> crate::message::Message {
        use crate::message::Message;
        match self {
            StoreError::Newer { path, found, known } => Message::at_path(
                crate::msg_id!("error-db-newer"),
                path,
                vec![("found", found.to_string()), ("known", known.to_string())],
            ),
            StoreError::UnknownValue {
                path,
                column,
                value,
            } => Message::at_path(
                crate::msg_id!("error-db-value"),
                path,
                vec![
                    ("column", column.to_string()),
                    ("value", format!("{value:?}")),
                ],
            ),
            StoreError::Locked { path } => {
                Message::at_path(crate::msg_id!("error-db-locked"), path, vec![])
            }
            StoreError::Sqlite { path, source } => Message::at_path(
                crate::msg_id!("error-db"),
                path,
                vec![("error", source.to_string())],
            ),
            StoreError::Io { path, source } => crate::message::io(path, source),
            StoreError::Write { path, source } => crate::message::write(path, source),
        }
    }
}

/// Runs in a transaction that is about to commit (see
/// [`Store::before_commit`]).
pub type CommitHook = Box<dyn Fn(&Tx<'_>) -> Result<(), StoreError>>;

/// Runs when a transaction is over, told whether it committed (see
/// [`Store::after_transaction`]).
pub type AfterHook = Box<dyn Fn(bool) -> Result<(), StoreError>>;

pub struct Store {
    pub(crate) conn: Connection,
    path: PathBuf,
    before_commit: Option<CommitHook>,
    after_transaction: Option<AfterHook>,
    /// The store was created by this open and its first transaction has
    /// not run yet: foreign keys are not checked until it has.
    first_fill: bool,
    /// A copy in memory of a store that may not be written.
    copy: bool,
}

impl Store {
    /// Opens (creating if needed) the database at `path` and brings its
    /// schema up to date.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|source| StoreError::Io {
                path: parent.to_path_buf(),
                source,
            })?;
        }
        let conn = Connection::open(path).ctx(path)?;
        Store::setup(conn, path)
    }

    /// A copy in memory of the database at `path`, which is read and
    /// never written: for a command that writes nothing, when the store
    /// may not be written (its file or directory read-only). What the
    /// command changes stays in the copy.
    pub fn open_copy(path: &Path) -> Result<Store, StoreError> {
        let flags =
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_URI;
        let read_only = Connection::open_with_flags(path, flags).ctx(path)?;
        let mut copy = Connection::open_in_memory().ctx(path)?;
        copy_into(&read_only, &mut copy)
            .or_else(|_| {
                // A store in WAL mode whose directory may not be written
                // cannot get its shared-memory file: read it as it stands.
                let uri = format!("file:{}?immutable=1", uri_path(path));
                let immutable = Connection::open_with_flags(uri, flags)?;
                copy_into(&immutable, &mut copy)
            })
            .ctx(path)?;
        let mut store = Store::setup(copy, path)?;
        store.copy = true;
        Ok(store)
    }

    /// The database at `path` for a command that saves nothing: the store
    /// itself, or a copy of it in memory ([`Store::open_copy`]) when its
    /// file or directory may not be written.
    pub fn open_for_reading(path: &Path) -> Result<Store, StoreError> {
        if writable(path) {
            Store::open(path)
        } else {
            Store::open_copy(path)
        }
    }

    /// Whether this is a copy in memory of a store that may not be written.
    pub fn is_copy(&self) -> bool {
        self.copy
    }

    /// Whether this open created the store (until its first transaction).
    pub fn is_new(&self) -> bool {
        self.first_fill
    }

    pub fn open_in_memory() -> Result<Store, StoreError> {
        let path = Path::new(":memory:");
        let conn = Connection::open_in_memory().ctx(path)?;
        Store::setup(conn, path)
    }

    fn setup(mut conn: Connection, path: &Path) -> Result<Store, StoreError> {
        // Room for every statement a command runs in its loops: rusqlite
        // keeps 16, and a statement pushed out is parsed again.
        conn.set_prepared_statement_cache_capacity(128);
        conn.busy_handler(Some(waiter(path.to_path_buf(), lock_wait())))
            .ctx(path)?;
        conn.pragma_update(None, "foreign_keys", true).ctx(path)?;
        // One plan per statement: without this, SQLite marks statements
        // whose parameters meet an index (`document_id = ?1`) to be planned
        // again on every new binding, and rusqlite's cache rebinds on every
        // use; re-planning was a third of the time of reading the state.
        conn.set_db_config(
            rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG,
            true,
        )
        .ctx(path)?;
        // Migrate first: a database from a newer tolkar is refused before
        // even its journal mode is touched.
        let created = migrate::migrate(&mut conn, path)?;
        // WAL lets a reader (status in CI) run beside a writer. A store
        // just created is first filled by one big sync, which a rollback
        // journal writes once where WAL writes every page twice; WAL is
        // switched on at the next open. In-memory databases keep theirs.
        if !created {
            switch_to_wal(&conn, path)?;
        }
        conn.pragma_update(None, "synchronous", "NORMAL")
            .ctx(path)?;
        // 16 MB of page cache: on 10,000 postings a first sync, a first
        // build and reading the text state ran as fast as with 64 MB,
        // which took 50 MB more memory (docs/benchmarks.md).
        conn.pragma_update(None, "cache_size", -16_384).ctx(path)?;
        conn.pragma_update(None, "temp_store", "MEMORY").ctx(path)?;
        // The first fill of a new store (a first sync, or a fresh clone's
        // sync that reads the text state) only inserts, each row made
        // from the rows before it: its hundreds of thousands of foreign key
        // lookups are skipped. Every later transaction checks them.
        if created {
            conn.pragma_update(None, "foreign_keys", false).ctx(path)?;
        }
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            before_commit: None,
            after_transaction: None,
            first_fill: created,
            copy: false,
        })
    }

    /// Sets what every transaction runs last, when its work succeeded:
    /// the committed text state is written there.
    pub fn before_commit(&mut self, hook: CommitHook) {
        self.before_commit = Some(hook);
    }

    /// Sets what every transaction runs when it is over: the state files
    /// `before_commit` wrote beside their places are put there, or
    /// removed if the transaction did not commit.
    pub fn after_transaction(&mut self, hook: AfterHook) {
        self.after_transaction = Some(hook);
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Runs `work` in one transaction: all of it is stored, or none.
    pub fn transaction<T, E: From<StoreError>>(
        &mut self,
        work: impl FnOnce(&Tx<'_>) -> Result<T, E>,
    ) -> Result<T, E> {
        // Immediate: a second command on the site waits for the write lock
        // (the busy handler, `waiter`) at the start, instead of failing
        // when its deferred transaction first writes.
        // SQLite's lock ends at the commit, but the state files it wrote
        // are put in place after it: a second command must not start
        // before they are, or it would read the old ones back as edits.
        let _site_lock = match &self.after_transaction {
            Some(_) => Some(site_lock(&self.path)?),
            None => None,
        };
        let outcome = self.run_transaction(work);
        let after = match &self.after_transaction {
            Some(hook) => hook(outcome.is_ok()),
            None => Ok(()),
        };
        if std::mem::take(&mut self.first_fill) {
            self.conn
                .pragma_update(None, "foreign_keys", true)
                .ctx(&self.path)?;
            // The first fill is over: from now on readers (`read`) run
            // beside writers, as they do from the next open (which
            // switches, if this cannot: the work is committed already).
            let _ = switch_to_wal(&self.conn, &self.path);
        }
        let value = outcome?;
        after?;
        Ok(value)
    }

    /// Runs `work` on a snapshot of the store, in a transaction that
    /// only reads and is rolled back. It takes neither the write lock nor
    /// the site lock, so that however long `work` takes (an export
    /// written to a slow pipe), other commands on the site go on.
    pub fn read<T, E: From<StoreError>>(
        &mut self,
        work: impl FnOnce(&Tx<'_>) -> Result<T, E>,
    ) -> Result<T, E> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Deferred)
            .ctx(&self.path)?;
        work(&Tx {
            tx: &tx,
            path: &self.path,
        })
    }

    fn run_transaction<T, E: From<StoreError>>(
        &mut self,
        work: impl FnOnce(&Tx<'_>) -> Result<T, E>,
    ) -> Result<T, E> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .ctx(&self.path)?;
        let handle = Tx {
            tx: &tx,
            path: &self.path,
        };
        let result = work(&handle)?;
        if let Some(hook) = &self.before_commit {
            hook(&handle)?;
        }
        tx.commit().ctx(&self.path)?;
        Ok(result)
    }
}

/// Switches the store to WAL, unless another command holds it: the
/// switch needs the store to itself, and SQLite refuses it at once,
/// without waiting, where waiting could deadlock (this command reading
/// while the other waits to commit). The store then stays in its rollback
/// journal for this command, which only waits longer for the other, and
/// the next command switches it.
fn switch_to_wal(conn: &Connection, path: &Path) -> Result<(), StoreError> {
    match conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get::<_, String>(0)) {
        Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy) => Ok(()),
        done => done.map(|_| ()).ctx(path),
    }
}

/// How a command waits for the write lock that another holds: a second
/// command on the site waits for the first to finish, says so after a
/// second ([`LockWait::notice`]), and gives up after `timeout` with
/// [`StoreError::Locked`].
#[derive(Debug, Clone, Copy)]
pub struct LockWait {
    pub timeout: Duration,
    /// Called once per open store, with its path, when it has waited
    /// [`LockWait::NOTICE_AFTER`]: the library never prints, the command
    /// says it is waiting.
    pub notice: Option<fn(&Path)>,
}

impl LockWait {
    pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);
    pub const NOTICE_AFTER: Duration = Duration::from_secs(1);
}

impl Default for LockWait {
    fn default() -> LockWait {
        LockWait {
            timeout: LockWait::DEFAULT_TIMEOUT,
            notice: None,
        }
    }
}

static LOCK_WAIT: OnceLock<LockWait> = OnceLock::new();

/// Sets how every store opened from now on waits for the write lock; the
/// first call wins (a command sets it once, before it opens the store).
pub fn set_lock_wait(wait: LockWait) {
    let _ = LOCK_WAIT.set(wait);
}

fn lock_wait() -> LockWait {
    LOCK_WAIT.get().copied().unwrap_or_default()
}

/// One wait for the lock of the store at `path`: sleeps in short steps,
/// tells once when it has lasted a second, gives up at the timeout.
struct Waiting {
    path: PathBuf,
    wait: LockWait,
    began: Instant,
    told: bool,
}

impl Waiting {
    fn new(path: PathBuf, wait: LockWait) -> Waiting {
        Waiting {
            path,
            wait,
            began: Instant::now(),
            told: false,
        }
    }

    /// Sleeps one step; `false` when the timeout has passed instead.
    fn step(&mut self) -> bool {
        const STEP: Duration = Duration::from_millis(25);
        let waited = self.began.elapsed();
        if waited >= self.wait.timeout {
            return false;
        }
        if !self.told && waited >= LockWait::NOTICE_AFTER {
            self.told = true;
            if let Some(notice) = self.wait.notice {
                notice(&self.path);
            }
        }
        std::thread::sleep(STEP.min(self.wait.timeout - waited));
        true
    }
}

/// SQLite's busy handler for a store at `path` (`count` is 0 on the first
/// call of each wait).
fn waiter(path: PathBuf, wait: LockWait) -> impl FnMut(i32) -> bool + Send + 'static {
    let mut waiting = Waiting::new(path.clone(), wait);
    move |count| {
        if count == 0 {
            waiting = Waiting::new(path.clone(), wait);
        }
        waiting.step()
    }
}

/// Takes the lock of the site whose store is `database` (an advisory lock
/// on `DATABASE-lock`), waiting for another command to finish as
/// [`LockWait`] says; held until the returned file is dropped.
fn site_lock(database: &Path) -> Result<std::fs::File, StoreError> {
    let mut name = database.as_os_str().to_owned();
    name.push("-lock");
    let path = PathBuf::from(name);
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|source| StoreError::Write {
            path: path.clone(),
            source,
        })?;
    let mut waiting = Waiting::new(database.to_path_buf(), lock_wait());
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(file),
            Err(std::fs::TryLockError::WouldBlock) => {}
            Err(std::fs::TryLockError::Error(source)) => {
                return Err(StoreError::Write { path, source });
            }
        }
        if !waiting.step() {
            return Err(StoreError::Locked {
                path: database.to_path_buf(),
            });
        }
    }
}

/// Whether `database` and its directory may be written (SQLite writes its
/// journal beside the file).
fn writable(database: &Path) -> bool {
    let dir = database
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    may_write(database) && may_write(dir)
}

#[cfg(unix)]
fn may_write(path: &Path) -> bool {
    use std::os::unix::ffi::OsStrExt;
    std::ffi::CString::new(path.as_os_str().as_bytes())
        // SAFETY: a NUL-terminated path, which access only reads.
        .is_ok_and(|c| unsafe { libc::access(c.as_ptr(), libc::W_OK) } == 0)
}

#[cfg(not(unix))]
fn may_write(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| !m.permissions().readonly())
}

/// A path as the path of a `file:` URI: the characters a URI gives a
/// meaning to escaped.
fn uri_path(path: &Path) -> String {
    let mut out = String::new();
    for c in path.to_string_lossy().chars() {
        match c {
            '%' | '?' | '#' => out.push_str(&format!("%{:02X}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// Copies every page of `from` into `to`.
fn copy_into(from: &Connection, to: &mut Connection) -> rusqlite::Result<()> {
    rusqlite::backup::Backup::new(from, to)?.run_to_completion(
        1024,
        std::time::Duration::ZERO,
        None,
    )
}

/// A transaction on the store; every write goes through one.
pub struct Tx<'a> {
    pub(crate) tx: &'a rusqlite::Transaction<'a>,
    pub(crate) path: &'a Path,
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_path_with_uri_characters_is_escaped() {
        let path = std::path::Path::new("/sites/50%?#/.tolkar/tolkar.db");
        assert_eq!(
            super::uri_path(path),
            "/sites/50%25%3F%23/.tolkar/tolkar.db"
        );
    }
}
