//! tolkar: translation management for Hugo postings.
//!
//! The modules follow the data, in layers; each uses only the ones above
//! it (docs/design-notes.md §15 has the map):
//!
//! 1. The pure core, no I/O: `posting` turns bytes into a skeleton with
//!    segments, `segment` holds the placeholder notation and hashing,
//!    `reassemble` splices translations back; `exchange` reads and writes
//!    the translators' file formats; `limits` says what one input may
//!    cost, `visible` makes text safe to show on a terminal, `lang`
//!    matches language codes as people write them to the project's.
//! 2. `store`: segments, translations and what was built, in SQLite;
//!    `textstate`, its committed text copy; `filestat`, when a file on
//!    disk can be trusted to be as the store last saw it.
//! 3. The domain: `project` (tolkar.toml, which postings exist), `sync`
//!    (postings into the store, with `drift`), `memory`, `export`,
//!    `import`, `adopt`, `machine`, and `hugo` (reading a Hugo site for
//!    init).
//! 4. `ops`: one operation per command over a synced workspace, returning
//!    typed reports and errors.
//! 5. `cmd` (with `cli` and `i18n`): arguments in, localized text out;
//!    only `cmd` and `main` print.

// 1. The pure core.
pub mod exchange;
pub mod lang;
pub mod limits;
pub mod merge;
pub mod message;
pub mod posting;
pub mod pseudo;
pub mod reassemble;
pub mod segment;
pub mod visible;
pub mod worddiff;

// 2. The store.
pub mod filestat;
pub mod store;
pub mod textstate;
pub mod unreadable;

// 3. The domain.
pub mod adopt;
pub mod drift;
pub mod export;
pub mod hugo;
pub mod import;
pub mod machine;
pub mod memory;
pub mod output;
pub mod project;
pub mod sync;

// 4. Operations.
pub mod ops;

// 5. Commands.
pub mod cli;
pub mod cli_errors;
pub mod cli_l10n;
pub mod cmd;
pub mod i18n;
