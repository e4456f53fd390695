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

    /// The value of the `state` column, for the states that are stored.
    pub fn stored(self) -> Option<&'static str> {
        match self {
            State::Missing | State::Stale => None,
            other => Some(other.as_str()),
        }
    }

    /// The state of a stored translation: its stored state, or stale if it
    /// was made for another source.
    pub fn of_stored(stored: &str, current: bool) -> State {
        if !current {
            return State::Stale;
        }
        stored.parse().unwrap_or(State::Draft)
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
        assert_eq!(State::of_stored("reviewed", false), State::Stale);
        assert_eq!(State::of_stored("machine", true), State::Machine);
    }
}
