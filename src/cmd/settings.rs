//! How much tolkar says on stderr and whether it colors: the global flags
//! `--quiet`, `--verbose` and `--color`, set once before a command runs.
//! A process-wide setting rather than an argument of every command: like a
//! logger's level, every command's notes obey it the same way.

use std::sync::OnceLock;
use std::time::Instant;

use crate::cli::ColorWhen;

#[derive(Debug, Clone, Default)]
pub struct Settings {
    pub quiet: bool,
    pub verbose: bool,
    pub color: ColorWhen,
    /// `--ui-lang`, for the notes of code that is not handed the messages.
    pub ui_lang: Option<String>,
}

static SETTINGS: OnceLock<Settings> = OnceLock::new();

/// Sets the flags of this run; the first call wins.
pub fn set(settings: Settings) {
    let _ = SETTINGS.set(settings);
}

/// The flags of this run; the defaults before `set`.
pub fn get() -> &'static Settings {
    static DEFAULT: Settings = Settings {
        quiet: false,
        verbose: false,
        color: ColorWhen::Auto,
        ui_lang: None,
    };
    SETTINGS.get().unwrap_or(&DEFAULT)
}

/// Whether output to a stream that is (or is not) a terminal is colored:
/// `--color always` even into a pipe, `never` never, `auto` on a terminal
/// unless `NO_COLOR` is set (no-color.org: an explicit flag overrides it).
pub fn color_for(is_terminal: bool) -> bool {
    match get().color {
        ColorWhen::Always => true,
        ColorWhen::Never => false,
        ColorWhen::Auto => is_terminal && std::env::var_os("NO_COLOR").is_none(),
    }
}

/// Measures one stage of a command for `--verbose`.
pub struct Stage {
    name: &'static str,
    started: Instant,
}

impl Stage {
    pub fn start(name: &'static str) -> Stage {
        Stage {
            name,
            started: Instant::now(),
        }
    }

    /// The stage's name and its time in seconds, rounded to milliseconds.
    pub fn done(self) -> (&'static str, f64) {
        let seconds = self.started.elapsed().as_secs_f64();
        (self.name, (seconds * 1000.0).round() / 1000.0)
    }
}
