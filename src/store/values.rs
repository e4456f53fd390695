//! How the typed values of the store sit in their columns: a translation's
//! `State` and `Origin`, a segment's `Kind`. They are stored as the text
//! they always were; a stored text that is none of them is an error naming
//! its column and value, never a default: a database this tolkar does not
//! understand must stop it rather than be quietly misread.

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};

use super::Origin;
use crate::exchange::State;
use crate::posting::Kind;

/// A stored text that is none of the values of its column.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown value {value:?} in column {column}")]
pub struct UnknownValue {
    /// `table.column`.
    pub column: &'static str,
    pub value: String,
}

/// A derived state (missing, stale) offered for storing: a bug, refused
/// rather than written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the state {0} is derived, not stored")]
pub struct NotStored(pub State);

/// Reads the text of `column` with `parse`; `None` is an unknown value.
fn read<T>(
    value: ValueRef<'_>,
    column: &'static str,
    parse: impl FnOnce(&str) -> Option<T>,
) -> FromSqlResult<T> {
    let text = value.as_str()?;
    parse(text).ok_or_else(|| {
        FromSqlError::Other(Box::new(UnknownValue {
            column,
            value: text.to_string(),
        }))
    })
}

impl ToSql for State {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        match self.stored() {
            Some(state) => Ok(ToSqlOutput::from(state.as_str())),
            None => Err(rusqlite::Error::ToSqlConversionFailure(Box::new(
                NotStored(*self),
            ))),
        }
    }
}

impl FromSql for State {
    /// Exactly the names the column's CHECK allows, as written.
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<State> {
        read(value, "translations.state", |text| {
            State::ALL
                .into_iter()
                .filter(|state| state.stored().is_some())
                .find(|state| state.as_str() == text)
        })
    }
}

impl ToSql for Kind {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.as_str()))
    }
}

impl FromSql for Kind {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Kind> {
        read(value, "segments.kind", |text| {
            Kind::ALL.into_iter().find(|kind| kind.as_str() == text)
        })
    }
}

impl ToSql for Origin {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.to_string()))
    }
}

impl FromSql for Origin {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Origin> {
        read(value, "translations.origin", |text| text.parse().ok())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every value goes in as the text it always was, and comes back.
    #[test]
    fn values_keep_their_stored_text() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        let text = |value: &dyn ToSql| -> String {
            conn.query_row("SELECT ?1", [value], |r| r.get(0)).unwrap()
        };
        for state in State::ALL.into_iter().filter(|s| s.stored().is_some()) {
            assert_eq!(text(&state), state.as_str());
            let back: State = conn.query_row("SELECT ?1", [state], |r| r.get(0)).unwrap();
            assert_eq!(back, state);
        }
        for kind in Kind::ALL {
            assert_eq!(text(&kind), kind.as_str());
            let back: Kind = conn.query_row("SELECT ?1", [kind], |r| r.get(0)).unwrap();
            assert_eq!(back, kind);
        }
        let origin = Origin::Import("nb.po".into());
        assert_eq!(text(&origin), "import:nb.po");
        assert!(
            conn.query_row("SELECT ?1", [State::Stale], |r| r.get::<_, String>(0))
                .is_err()
        );
    }

    #[test]
    fn an_unknown_text_is_an_error_naming_its_column() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        for (sql, column) in [
            ("SELECT 'Reviewed'", "translations.state"),
            ("SELECT 'stale'", "translations.state"),
        ] {
            let err = conn
                .query_row(sql, [], |r| r.get::<_, State>(0))
                .unwrap_err();
            let rusqlite::Error::FromSqlConversionFailure(_, _, source) = err else {
                panic!("{err}");
            };
            assert_eq!(
                source.downcast_ref::<UnknownValue>().unwrap().column,
                column
            );
        }
        assert!(
            conn.query_row("SELECT 'table'", [], |r| r.get::<_, Kind>(0))
                .is_err()
        );
        assert!(
            conn.query_row("SELECT 'test'", [], |r| r.get::<_, Origin>(0))
                .is_err()
        );
    }
}
