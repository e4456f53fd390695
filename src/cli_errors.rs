//! Argument errors in the UI language: clap writes its errors in English
//! (`unexpected argument`, `For more information, try '--help'`) while
//! `--help` is localized (`cli_l10n`). The common kinds are rewritten here
//! from the error's context, the way clap's own formatter reads it
//! (clap_builder's `error/format.rs`); others stay clap's.

use std::fmt::Write as _;

use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::i18n::{FALLBACK, Messages};
use crate::tr;

/// The error's text in the language of `messages`, or None where clap's
/// own serves: in English, and for kinds not rewritten here.
pub fn localize(error: &clap::Error, messages: &Messages) -> Option<String> {
    if messages.lang() == FALLBACK {
        return None;
    }
    let string = |kind| match error.get(kind) {
        Some(ContextValue::String(text)) => Some(text.clone()),
        _ => None,
    };
    let strings = |kind| match error.get(kind) {
        Some(ContextValue::Strings(list)) => Some(list.join(", ")),
        Some(ContextValue::String(text)) => Some(text.clone()),
        _ => None,
    };
    let main = match error.kind() {
        ErrorKind::UnknownArgument => {
            tr!(
                messages,
                "cli-error-unknown-argument",
                arg = string(ContextKind::InvalidArg)?
            )
        }
        ErrorKind::InvalidSubcommand => tr!(
            messages,
            "cli-error-unknown-subcommand",
            name = string(ContextKind::InvalidSubcommand)?
        ),
        ErrorKind::InvalidValue => {
            let arg = string(ContextKind::InvalidArg)?;
            let value = string(ContextKind::InvalidValue)?;
            let mut text = if value.is_empty() {
                tr!(messages, "cli-error-missing-value", arg = arg)
            } else {
                tr!(
                    messages,
                    "cli-error-invalid-value",
                    value = value,
                    arg = arg
                )
            };
            if let Some(values) = strings(ContextKind::ValidValue) {
                text.push_str("\n  ");
                text.push_str(&tr!(messages, "cli-error-possible-values", values = values));
            }
            text
        }
        ErrorKind::ValueValidation => {
            let arg = string(ContextKind::InvalidArg)?;
            let value = string(ContextKind::InvalidValue)?;
            tr!(
                messages,
                "cli-error-invalid-value",
                value = value,
                arg = arg
            )
        }
        ErrorKind::MissingRequiredArgument => {
            let Some(ContextValue::Strings(args)) = error.get(ContextKind::InvalidArg) else {
                return None;
            };
            let mut text = tr!(messages, "cli-error-missing-argument");
            for arg in args {
                let _ = write!(text, "\n  {arg}");
            }
            text
        }
        ErrorKind::MissingSubcommand => {
            let mut text = tr!(
                messages,
                "cli-error-missing-subcommand",
                name = string(ContextKind::InvalidSubcommand)?
            );
            if let Some(commands) = strings(ContextKind::ValidSubcommand) {
                text.push_str("\n  ");
                text.push_str(&tr!(messages, "cli-error-subcommands", names = commands));
            }
            text
        }
        _ => return None,
    };
    let mut out = format!(
        "{}: {main}\n",
        messages.get(crate::msg_id!("error-prefix"), &[])
    );
    let similar = [
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedArg,
        ContextKind::SuggestedValue,
    ]
    .into_iter()
    .find_map(strings);
    if let Some(names) = similar {
        let _ = write!(
            out,
            "\n  {}\n",
            tr!(messages, "cli-error-similar", names = names)
        );
    }
    if let Some(ContextValue::StyledStr(usage)) = error.get(ContextKind::Usage) {
        // clap's usage starts with its English heading.
        let usage = usage.to_string();
        let usage = usage.trim_start_matches("Usage:").trim();
        let heading = messages.get("help-clap-usage", &[]);
        let _ = write!(out, "\n{heading} {usage}\n");
    }
    let _ = writeln!(out, "\n{}", tr!(messages, "cli-error-more-info"));
    Some(out)
}
