//! The SQLite store: every SQL statement of tolkar lives under this module.
//!
//! The schema is in `migrations/NNNN_name.sql`, embedded and applied in
//! order against `PRAGMA user_version` in one transaction. A database from
//! a newer tolkar is refused before anything is written to it.

mod exchange;
mod migrate;
mod overrides;
mod queries;
mod time;

use std::path::{Path, PathBuf};

use rusqlite::Connection;

pub use exchange::*;
pub use queries::*;
pub use time::now_utc;

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
            StoreError::Sqlite { path, source } => Message::at_path(
                crate::msg_id!("error-db"),
                path,
                vec![("error", source.to_string())],
            ),
            StoreError::Io { path, source } => crate::message::io(path, source),
        }
    }
}

pub struct Store {
    pub(crate) conn: Connection,
    path: PathBuf,
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
        let conn = Connection::open(path).map_err(|source| StoreError::Sqlite {
            path: path.to_path_buf(),
            source,
        })?;
        Store::setup(conn, path)
    }

    pub fn open_in_memory() -> Result<Store, StoreError> {
        let conn = Connection::open_in_memory().map_err(|source| StoreError::Sqlite {
            path: ":memory:".into(),
            source,
        })?;
        Store::setup(conn, Path::new(":memory:"))
    }

    fn setup(mut conn: Connection, path: &Path) -> Result<Store, StoreError> {
        let sqlite = |source| StoreError::Sqlite {
            path: path.to_path_buf(),
            source,
        };
        conn.busy_timeout(std::time::Duration::from_secs(10))
            .map_err(sqlite)?;
        conn.pragma_update(None, "foreign_keys", true)
            .map_err(sqlite)?;
        // Migrate first: a database from a newer tolkar is refused before
        // even its journal mode is touched.
        let created = migrate::migrate(&mut conn, path)?;
        // WAL lets a reader (status in CI) run beside a writer. A store
        // just created is first filled by one big sync, which a rollback
        // journal writes once where WAL writes every page twice; WAL is
        // switched on at the next open. In-memory databases keep theirs.
        if !created {
            let _: String = conn
                .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
                .map_err(sqlite)?;
        }
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(sqlite)?;
        // 64 MB of page cache: a sync of a large site writes hundreds of
        // thousands of rows in one transaction.
        conn.pragma_update(None, "cache_size", -65_536)
            .map_err(sqlite)?;
        conn.pragma_update(None, "temp_store", "MEMORY")
            .map_err(sqlite)?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Runs `work` in one transaction: all of it is stored, or none.
    pub fn transaction<T, E: From<StoreError>>(
        &mut self,
        work: impl FnOnce(&Tx<'_>) -> Result<T, E>,
    ) -> Result<T, E> {
        let path = self.path.clone();
        let tx = self
            .conn
            .transaction()
            .map_err(|source| StoreError::Sqlite {
                path: path.clone(),
                source,
            })?;
        let result = work(&Tx {
            tx: &tx,
            path: &path,
        })?;
        tx.commit()
            .map_err(|source| StoreError::Sqlite { path, source })?;
        Ok(result)
    }
}

/// A transaction on the store; every write goes through one.
pub struct Tx<'a> {
    pub(crate) tx: &'a rusqlite::Transaction<'a>,
    pub(crate) path: &'a Path,
}

impl Tx<'_> {
    pub(crate) fn err(&self, source: rusqlite::Error) -> StoreError {
        StoreError::Sqlite {
            path: self.path.to_path_buf(),
            source,
        }
    }
}
