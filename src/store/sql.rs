//! Running statements. Every rusqlite error leaves the store through
//! `Ctx::ctx`, which names the database it came from (and turns a stored
//! value no tolkar writes into `StoreError::UnknownValue`).

use std::path::Path;

use rusqlite::{OptionalExtension, Params, Row};

use super::values::UnknownValue;
use super::{StoreError, Tx};

/// Attaches the database path to a rusqlite error.
pub(crate) trait Ctx<T> {
    fn ctx(self, path: &Path) -> Result<T, StoreError>;
}

impl<T> Ctx<T> for rusqlite::Result<T> {
    fn ctx(self, path: &Path) -> Result<T, StoreError> {
        self.map_err(|source| error(path, source))
    }
}

fn error(path: &Path, source: rusqlite::Error) -> StoreError {
    if let rusqlite::Error::FromSqlConversionFailure(_, _, cause) = &source
        && let Some(unknown) = cause.downcast_ref::<UnknownValue>()
    {
        return StoreError::UnknownValue {
            path: path.to_path_buf(),
            column: unknown.column,
            value: unknown.value.clone(),
        };
    }
    // The busy handler gave up: another command kept the write lock.
    if source.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy) {
        return StoreError::Locked {
            path: path.to_path_buf(),
        };
    }
    StoreError::Sqlite {
        path: path.to_path_buf(),
        source,
    }
}

impl Tx<'_> {
    /// Runs a statement that returns no rows; how many rows it changed.
    pub(crate) fn run(&self, sql: &str, params: impl Params) -> Result<usize, StoreError> {
        self.tx
            .prepare_cached(sql)
            .and_then(|mut stmt| stmt.execute(params))
            .ctx(self.path)
    }

    /// Every row of a query, read by `map`.
    pub(crate) fn rows<T, C: FromIterator<T>>(
        &self,
        sql: &str,
        params: impl Params,
        map: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<C, StoreError> {
        self.tx
            .prepare_cached(sql)
            .and_then(|mut stmt| stmt.query_map(params, map)?.collect())
            .ctx(self.path)
    }

    /// Each row of a query, read by `map` and handed to `each` as it is
    /// read, so that no more than one is held.
    pub(crate) fn each_row<T, E: From<StoreError>>(
        &self,
        sql: &str,
        params: impl Params,
        map: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
        mut each: impl FnMut(T) -> Result<(), E>,
    ) -> Result<(), E> {
        let mut stmt = self.tx.prepare_cached(sql).ctx(self.path)?;
        for row in stmt.query_map(params, map).ctx(self.path)? {
            each(row.ctx(self.path)?)?;
        }
        Ok(())
    }

    /// The one row of a query, read by `map`.
    pub(crate) fn row<T>(
        &self,
        sql: &str,
        params: impl Params,
        map: impl FnOnce(&Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<T, StoreError> {
        self.tx
            .prepare_cached(sql)
            .and_then(|mut stmt| stmt.query_row(params, map))
            .ctx(self.path)
    }

    /// The row of a query if there is one, read by `map`.
    pub(crate) fn optional_row<T>(
        &self,
        sql: &str,
        params: impl Params,
        map: impl FnOnce(&Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<Option<T>, StoreError> {
        self.tx
            .prepare_cached(sql)
            .and_then(|mut stmt| stmt.query_row(params, map).optional())
            .ctx(self.path)
    }

    /// Sets the page cache to about `kib` KiB for the rest of this
    /// connection: a command that reads each page about once (an export)
    /// gains nothing from the default 16 MB.
    pub fn set_page_cache(&self, kib: u32) -> Result<(), StoreError> {
        self.batch(&format!("PRAGMA cache_size = -{kib}"))
    }

    /// Runs `work` with its sorts in a temporary file and a 2 MB cache,
    /// then puts the store's settings back: with them (`temp_store =
    /// MEMORY`, 16 MB of cache) one statement that sorts a whole table
    /// held the sort in memory, tens of MB more for its command.
    pub(crate) fn sorting_on_disk<T>(
        &self,
        work: impl FnOnce() -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let temp_store: i64 = self.row("PRAGMA temp_store", [], |r| r.get(0))?;
        let cache_size: i64 = self.row("PRAGMA cache_size", [], |r| r.get(0))?;
        self.batch("PRAGMA temp_store = FILE; PRAGMA cache_size = -2048")?;
        let done = work();
        self.batch(&format!(
            "PRAGMA temp_store = {temp_store}; PRAGMA cache_size = {cache_size}"
        ))?;
        done
    }

    /// Runs statements that take no parameters (schema changes).
    pub(crate) fn batch(&self, sql: &str) -> Result<(), StoreError> {
        self.tx.execute_batch(sql).ctx(self.path)
    }
}
