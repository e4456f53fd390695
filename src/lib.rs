//! tolkar: translation management for Hugo postings.
//!
//! The modules follow the data: `posting` turns bytes into a skeleton with
//! segments, `segment` holds the placeholder notation and hashing, `store`
//! keeps segments and translations in SQLite, `project` maps source
//! postings to localized ones, and `reassemble` splices translations back.
//! `cmd` has one module per command; only `cmd` and `main` print.

pub mod adopt;
pub mod cli;
pub mod cli_l10n;
pub mod cmd;
pub mod drift;
pub mod exchange;
pub mod export;
pub mod hugo;
pub mod i18n;
pub mod import;
pub mod machine;
pub mod memory;
pub mod message;
pub mod ops;
pub mod output;
pub mod posting;
pub mod project;
pub mod pseudo;
pub mod reassemble;
pub mod segment;
pub mod store;
pub mod sync;
pub mod unreadable;
pub mod worddiff;
