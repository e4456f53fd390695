//! `tolkar doctor`: prints every check of the configuration, one line
//! each, and exits 2 if any is an error.
//!
//! A command of its own rather than `check --config`: `check` is the CI
//! gate on translations (it syncs, takes a policy and writes reports for
//! CI systems); doctor only reads the configuration, must run where no
//! other command can, and answers a person asking "is my setup right?".

use std::io::Write;
use std::path::Path;

use super::Failure;
use crate::i18n::{Arg, Messages};
use crate::ops::doctor::{Severity, diagnose};
use crate::tr;

pub fn run(dir: &Path, messages: &Messages, out: &mut impl Write) -> Result<u8, Failure> {
    let findings = diagnose(dir);
    let label = |severity: Severity| match severity {
        Severity::Ok => tr!(messages, "doctor-ok"),
        Severity::Note => tr!(messages, "doctor-note"),
        Severity::Warning => tr!(messages, "doctor-warning"),
        Severity::Error => tr!(messages, "doctor-error"),
    };
    let width = [
        Severity::Ok,
        Severity::Note,
        Severity::Warning,
        Severity::Error,
    ]
    .into_iter()
    .map(|s| label(s).chars().count())
    .max()
    .unwrap_or(0);
    for finding in &findings {
        let args: Vec<(&str, Arg)> = finding
            .message
            .args
            .iter()
            .map(|(k, v)| (*k, Arg::from(v.as_str())))
            .collect();
        let text = messages.get(finding.message.id, &args);
        writeln!(out, "{:<width$}  {text}", label(finding.severity)).map_err(Failure::stdout)?;
    }
    let count = |severity| findings.iter().filter(|f| f.severity == severity).count();
    let (errors, warnings) = (count(Severity::Error), count(Severity::Warning));
    super::note(&tr!(
        messages,
        "doctor-summary",
        errors = errors,
        warnings = warnings
    ));
    Ok(if errors > 0 { 2 } else { 0 })
}
