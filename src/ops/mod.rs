//! Operations: what each command does, as library functions. Each takes a
//! project and its synced store (a transaction) and returns a typed report
//! or a typed error; none prints. `cmd` parses arguments, calls one
//! operation and renders its report.

pub mod adopt;
pub mod build;
pub mod check;
pub mod doctor;
pub mod import;
pub mod postings;
pub mod report;
pub mod review;
pub mod stale;
pub mod translate;
pub mod workspace;
