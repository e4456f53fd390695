//! Translation states as translators see them: the four stored ones, and
//! missing and stale, which are derived (no translation; a translation
//! made for an older source).

use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum State {
    Missing,
    Stale,
    /// From a machine-translation command: needs review.
    Machine,
    Draft,
    Translated,
    Reviewed,
}

impl State {
    pub const ALL: [State; 6] = [
        State::Missing,
        State::Stale,
        State::Machine,
        State::Draft,
        State::Translated,
        State::Reviewed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            State::Missing => "missing",
            State::Stale => "stale",
            State::Machine => "machine",
            State::Draft => "draft",
            State::Translated => "translated",
            State::Reviewed => "reviewed",
        }
    }

    /// The state itself if it is one that is stored (the `state` column
    /// holds its name, see `crate::store`), `None` if it is derived.
    pub fn stored(self) -> Option<State> {
        match self {
            State::Missing | State::Stale => None,
            other => Some(other),
        }
    }

    /// The state of a stored translation: its stored state, or stale if it
    /// was made for another source.
    pub fn of_stored(stored: State, current: bool) -> State {
        if current { stored } else { State::Stale }
    }
}

impl fmt::Display for State {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for State {
    type Err = String;

    fn from_str(s: &str) -> Result<State, String> {
        State::ALL
            .into_iter()
            .find(|state| state.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| s.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_read_back() {
        for state in State::ALL {
            assert_eq!(state.as_str().parse(), Ok(state));
        }
        assert_eq!(" Reviewed".parse(), Ok(State::Reviewed));
        assert!("done".parse::<State>().is_err());
        assert_eq!(State::of_stored(State::Reviewed, false), State::Stale);
        assert_eq!(State::of_stored(State::Machine, true), State::Machine);
    }
}
