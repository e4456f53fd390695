//! `--help` in the UI language.
//!
//! English help is clap's own, from the doc comments of [`crate::cli`]: for
//! English the command line is parsed exactly as derived. For another UI
//! language the command is built (so that clap's `--help`, `--version` and
//! `help` exist), then every text in it is replaced by the message of the
//! same place in `locales/<lang>/tolkar.ftl`:
//!
//! | text | id |
//! |------|----|
//! | tolkar's about | `help-about` |
//! | a command's about (first paragraph) | `help-review-step` |
//! | the paragraphs after the first | `help-review-step-long` |
//! | an argument, by its clap id | `help-review-step-lang`, `help-init-dry-run` |
//! | a global argument | `help-ui-lang` |
//! | a possible value of an argument | `help-export-format-xliff2` |
//! | clap's own words | `help-clap-usage`, `help-clap-help`, … |
//!
//! A message holds the doc comment's paragraph as a sentence; as clap's
//! derive does, the short help drops its final period and the long help is
//! the paragraphs joined by a blank line. A text whose message is missing
//! stays English (the tests make sure none is).

use std::collections::BTreeSet;
use std::ffi::OsString;
use std::fmt::Write as _;
use std::path::Path;

use clap::builder::StyledStr;
use clap::builder::styling::Style;
use clap::{ArgAction, Command, CommandFactory, FromArgMatches};

use crate::cli::Cli;
use crate::i18n::{self, FALLBACK, HELP_PREFIX, Messages};

/// Parses the command line with `--help` in the UI language: the one
/// `--ui-lang` among `args` asks for, else the environment's (as
/// [`Messages::from_env`] decides).
pub fn try_parse_from<I, T>(args: I) -> Result<Cli, clap::Error>
where
    I: IntoIterator<Item = T>,
    T: Into<OsString>,
{
    parse(args).map_err(|refusal| refusal.error)
}

/// Why the command line was refused (or help shown), with the message in
/// the UI language where tolkar has one.
#[derive(Debug)]
pub struct Refusal {
    pub error: clap::Error,
    /// The error in the UI language; None: clap's own text (English, or
    /// help and version, already localized).
    pub localized: Option<String>,
}

impl Refusal {
    /// Prints the help, version or error where clap would.
    pub fn print(&self) {
        match &self.localized {
            Some(text) => eprint!("{text}"),
            None => {
                let _ = self.error.print();
            }
        }
    }

    /// 0 for help and version, 2 for a refused command line.
    pub fn exit_code(&self) -> u8 {
        if self.error.use_stderr() { 2 } else { 0 }
    }
}

/// Like [`try_parse_from`], with argument errors in the UI language.
pub fn parse<I, T>(args: I) -> Result<Cli, Refusal>
where
    I: IntoIterator<Item = T>,
    T: Into<OsString>,
{
    let args: Vec<OsString> = args.into_iter().map(Into::into).collect();
    let messages = Messages::from_env(ui_lang_arg(&args).as_deref());
    let bin_name = args
        .first()
        .and_then(|argv0| Path::new(argv0).file_name())
        .and_then(|name| name.to_str());
    let mut cmd = command(&messages, bin_name);
    let parsed = cmd
        .try_get_matches_from_mut(args)
        .and_then(|mut matches| Cli::from_arg_matches_mut(&mut matches))
        .map_err(|err| err.format(&mut cmd));
    parsed.map_err(|error| Refusal {
        localized: crate::cli_errors::localize(&error, &messages),
        error,
    })
}

/// The value of the last `--ui-lang X` or `--ui-lang=X` before any `--`,
/// read before clap parses (its help has to be in that language).
pub fn ui_lang_arg(args: &[OsString]) -> Option<String> {
    let mut found = None;
    let mut rest = args.iter().skip(1).map(|arg| arg.to_string_lossy());
    while let Some(arg) = rest.next() {
        if arg == "--" {
            break;
        } else if arg == "--ui-lang" {
            found = rest.next().map(|value| value.into_owned());
        } else if let Some(value) = arg.strip_prefix("--ui-lang=") {
            found = Some(value.to_owned());
        }
    }
    found
}

/// The command line with its help in the language of `messages`; for
/// English, the derived command as it is. `bin_name` is how tolkar was
/// started (clap's usage lines name it).
pub fn command(messages: &Messages, bin_name: Option<&str>) -> Command {
    if messages.lang() == FALLBACK {
        return Cli::command();
    }
    localize(messages, bin_name).0
}

/// What [`localize`] looked up.
#[derive(Debug, Default)]
pub struct Report {
    /// Every message id the command line needs.
    pub used: BTreeSet<String>,
    /// Those the locale lacks (their texts stayed English).
    pub missing: BTreeSet<String>,
}

/// The built command line with every help text from `messages`, and the
/// ids it needed.
pub fn localize(messages: &Messages, bin_name: Option<&str>) -> (Command, Report) {
    let mut cmd = Cli::command();
    if let Some(name) = bin_name {
        cmd = cmd.bin_name(name);
    }
    // Builds the whole tree: --help, --version and the help subcommands
    // exist from here on, and global arguments are copied into every
    // subcommand; parsing builds nothing more.
    cmd.build();
    let mut localizer = Localizer {
        messages,
        report: Report::default(),
    };
    let cmd = localizer.command(cmd, &[], Mode::Full);
    (cmd, localizer.report)
}

/// The id of a command's about: `help-about` for tolkar, else
/// `help-<path>`.
fn command_id(path: &[String]) -> String {
    if path.is_empty() {
        format!("{HELP_PREFIX}about")
    } else {
        format!("{HELP_PREFIX}{}", path.join("-"))
    }
}

/// The id of an argument's help: `help-<path>-<id>`, `_` written `-`.
/// Global arguments are named from the top wherever clap copied them.
fn arg_id(path: &[String], arg: &clap::Arg) -> String {
    let name = arg.get_id().as_str().replace('_', "-");
    if path.is_empty() || arg.is_global_set() {
        format!("{HELP_PREFIX}{name}")
    } else {
        format!("{HELP_PREFIX}{}-{name}", path.join("-"))
    }
}

/// Clap's words, by id.
const CLAP_USAGE: &str = "help-clap-usage";
const CLAP_COMMANDS: &str = "help-clap-commands";
const CLAP_ARGUMENTS: &str = "help-clap-arguments";
const CLAP_OPTIONS: &str = "help-clap-options";
const CLAP_HELP: &str = "help-clap-help";
const CLAP_HELP_MORE: &str = "help-clap-help-more";
const CLAP_HELP_SUMMARY: &str = "help-clap-help-summary";
const CLAP_VERSION: &str = "help-clap-version";
const CLAP_HELP_COMMAND: &str = "help-clap-help-command";
const CLAP_DEFAULT: &str = "help-clap-default";
const CLAP_POSSIBLE_VALUES: &str = "help-clap-possible-values";
const CLAP_POSSIBLE_VALUES_HEADING: &str = "help-clap-possible-values-heading";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// A command of tolkar's.
    Full,
    /// clap's copy of a command under `help`, which has only its about.
    HelpCopy,
}

struct Localizer<'a> {
    messages: &'a Messages,
    report: Report,
}

/// Drops the final period of a one-paragraph text, as clap's derive does
/// for short help.
fn short(text: &str) -> String {
    match text.strip_suffix('.') {
        Some(rest) if !rest.ends_with('.') => rest.to_owned(),
        _ => text.to_owned(),
    }
}

impl Localizer<'_> {
    fn text(&mut self, id: &str, args: &[(&str, i18n::Arg)]) -> Option<String> {
        let text = self.messages.lookup(id, args);
        if text.is_none() {
            self.report.missing.insert(id.to_owned());
        }
        self.report.used.insert(id.to_owned());
        text
    }

    /// `id` and, if the English text has more than one paragraph,
    /// `id-long`: the short text and the long one.
    fn paragraphs(&mut self, id: &str, has_long: bool) -> Option<(String, Option<String>)> {
        let first = self.text(id, &[]);
        let rest = has_long.then(|| self.text(&format!("{id}-long"), &[]));
        let first = first?;
        let long = match rest {
            None => None,
            Some(rest) => Some(format!("{first}\n\n{}", rest?)),
        };
        Some((short(&first), long))
    }

    fn command(&mut self, mut cmd: Command, path: &[String], mode: Mode) -> Command {
        let clap_help = cmd.get_name() == "help" && !path.is_empty();
        if clap_help {
            if let Some(about) = self.text(CLAP_HELP_COMMAND, &[]) {
                cmd = cmd.about(about);
            }
        } else if cmd.get_about().is_some() || mode == Mode::Full {
            let has_long = cmd.get_long_about().is_some();
            if let Some((about, long)) = self.paragraphs(&command_id(path), has_long) {
                cmd = cmd.about(about);
                if let Some(long) = long {
                    cmd = cmd.long_about(long);
                }
            }
        }
        let parent: Vec<String> = if clap_help {
            // The commands under `help` are named like the ones they stand for.
            path[..path.len() - 1].to_vec()
        } else {
            path.to_vec()
        };
        let sub_mode = if clap_help { Mode::HelpCopy } else { mode };
        for sub in cmd.get_subcommands_mut() {
            let mut sub_path = parent.clone();
            sub_path.push(sub.get_name().to_owned());
            let taken = std::mem::take(sub);
            *sub = self.command(taken, &sub_path, sub_mode);
        }
        if mode == Mode::Full && !clap_help {
            let styles = cmd.get_styles().clone();
            cmd = cmd.mut_args(|arg| self.arg(arg, path, &styles));
        }
        let template = self.template(&cmd);
        cmd.help_template(template)
    }

    fn arg(
        &mut self,
        arg: clap::Arg,
        path: &[String],
        styles: &clap::builder::Styles,
    ) -> clap::Arg {
        match arg.get_action() {
            ArgAction::Help | ArgAction::HelpShort | ArgAction::HelpLong => {
                return if arg.get_long_help().is_some() {
                    let more = self.text(CLAP_HELP_MORE, &[]);
                    let summary = self.text(CLAP_HELP_SUMMARY, &[]);
                    match (more, summary) {
                        (Some(more), Some(summary)) => arg.help(more).long_help(summary),
                        _ => arg,
                    }
                } else {
                    match self.text(CLAP_HELP, &[]) {
                        Some(help) => arg.help(help),
                        None => arg,
                    }
                };
            }
            ArgAction::Version => {
                return match self.text(CLAP_VERSION, &[]) {
                    Some(help) => arg.help(help),
                    None => arg,
                };
            }
            _ => {}
        }
        let id = arg_id(path, &arg);
        let Some((help, long)) = self.paragraphs(&id, arg.get_long_help().is_some()) else {
            return arg;
        };
        // clap's "[default: …]" and "[possible values: …]", and the list of
        // possible values with their help, are written here instead.
        let literal = *styles.get_literal();
        let context = *styles.get_context();
        let takes_values = arg.get_action().takes_values();
        let values: Vec<_> = arg
            .get_possible_values()
            .into_iter()
            .filter(|value| !value.is_hide_set())
            .collect();
        // Every id is looked up (and so reported) before any is found missing.
        let mut complete = true;
        let mut value_help = Vec::new();
        if takes_values && values.iter().any(|value| value.get_help().is_some()) {
            for value in &values {
                let text = value.get_help().and_then(|_| {
                    let text = self.text(&format!("{id}-{}", value.get_name()), &[]);
                    complete &= text.is_some();
                    text.map(|text| short(&text))
                });
                value_help.push((value.get_name().to_owned(), text));
            }
        }
        let mut spec = |wanted: bool, id: &str, args: &[(&str, i18n::Arg)]| {
            if !wanted {
                return None;
            }
            let text = self.text(id, args);
            complete &= text.is_some();
            text
        };
        let default_value = arg
            .get_default_values()
            .iter()
            .map(|value| value.to_string_lossy())
            .collect::<Vec<_>>()
            .join(" ");
        let default = spec(
            takes_values && !arg.get_default_values().is_empty(),
            CLAP_DEFAULT,
            &[("value", default_value.into())],
        )
        .map(|text| styled(context, &text));
        let names: Vec<&str> = values.iter().map(|value| value.get_name()).collect();
        let possible = spec(
            takes_values && !values.is_empty(),
            CLAP_POSSIBLE_VALUES,
            &[("values", names.join(", ").into())],
        )
        .map(|text| styled(context, &text));
        let heading = spec(!value_help.is_empty(), CLAP_POSSIBLE_VALUES_HEADING, &[]);
        if !complete {
            return arg;
        }
        if default.is_none() && possible.is_none() {
            let arg = arg.help(help);
            return match long {
                Some(long) => arg.long_help(long),
                None => arg,
            };
        }
        // Short help: the specs after the text, as clap puts them.
        let mut short_help = help.clone();
        for spec in default.iter().chain(&possible) {
            short_help.push(' ');
            short_help.push_str(spec);
        }
        // Long help: the list of values, then the specs on lines of their own.
        let mut long_help = long.unwrap_or(help);
        if let Some(heading) = heading {
            let width = value_help
                .iter()
                .map(|(name, _)| name.chars().count())
                .max()
                .unwrap_or(0);
            let _ = write!(long_help, "\n\n{heading}");
            for (name, text) in &value_help {
                let _ = write!(long_help, "\n- {}", styled(literal, name));
                if let Some(text) = text {
                    let pad = width - name.chars().count();
                    let _ = write!(long_help, ": {:pad$}{text}", "");
                }
            }
        }
        let mut specs: Vec<&String> = default.iter().collect();
        if value_help.is_empty() {
            specs.extend(&possible);
        }
        if !specs.is_empty() {
            long_help.push_str("\n\n");
            long_help.push_str(
                &specs
                    .iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>()
                    .join("\n"),
            );
        }
        arg.help(short_help)
            .long_help(long_help)
            .hide_default_value(true)
            .hide_possible_values(true)
    }

    /// clap's help layout with localized headings.
    fn template(&mut self, cmd: &Command) -> StyledStr {
        let styles = cmd.get_styles();
        let (usage_style, header) = (*styles.get_usage(), *styles.get_header());
        let usage = self
            .text(CLAP_USAGE, &[])
            .unwrap_or_else(|| "Usage:".into());
        let mut template = format!(
            "{{before-help}}{{about-with-newline}}\n{} {{usage}}",
            styled(usage_style, &usage)
        );
        let sections = [
            (
                cmd.get_subcommands().any(|sub| !sub.is_hide_set()),
                CLAP_COMMANDS,
                "Commands:",
                "{subcommands}",
            ),
            (
                cmd.get_positionals().any(|arg| !arg.is_hide_set()),
                CLAP_ARGUMENTS,
                "Arguments:",
                "{positionals}",
            ),
            (
                cmd.get_arguments()
                    .any(|arg| !arg.is_positional() && !arg.is_hide_set()),
                CLAP_OPTIONS,
                "Options:",
                "{options}",
            ),
        ];
        for (present, id, english, tag) in sections {
            if present {
                let heading = self.text(id, &[]).unwrap_or_else(|| english.into());
                let _ = write!(template, "\n\n{}\n{tag}", styled(header, &heading));
            }
        }
        template.push_str("{after-help}");
        StyledStr::from(template)
    }
}

/// `text` in `style` (ANSI codes clap removes where there is no colour).
fn styled(style: Style, text: &str) -> String {
    format!("{style}{text}{style:#}")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command of the built tree with its path, clap's `help`
    /// commands left out.
    fn commands(cmd: &Command, path: Vec<String>, out: &mut Vec<(Vec<String>, Command)>) {
        out.push((path.clone(), cmd.clone()));
        for sub in cmd.get_subcommands() {
            if sub.get_name() == "help" {
                continue;
            }
            let mut sub_path = path.clone();
            sub_path.push(sub.get_name().to_owned());
            commands(sub, sub_path, out);
        }
    }

    fn find<'a>(cmd: &'a Command, path: &[String]) -> &'a Command {
        path.iter().fold(cmd, |cmd, name| {
            cmd.find_subcommand(name)
                .unwrap_or_else(|| panic!("no command {path:?}"))
        })
    }

    fn plain(text: Option<&StyledStr>) -> Option<String> {
        text.map(ToString::to_string)
    }

    #[test]
    fn ui_lang_is_read_before_parsing() {
        let args = |list: &[&str]| -> Vec<OsString> { list.iter().map(OsString::from).collect() };
        assert_eq!(ui_lang_arg(&args(&["tolkar", "init", "--help"])), None);
        assert_eq!(
            ui_lang_arg(&args(&["tolkar", "--ui-lang", "sv", "init", "--help"])),
            Some("sv".into())
        );
        assert_eq!(
            ui_lang_arg(&args(&["tolkar", "init", "--ui-lang=da", "-h"])),
            Some("da".into())
        );
        assert_eq!(
            ui_lang_arg(&args(&["tolkar", "--ui-lang=da", "--ui-lang", "nb"])),
            Some("nb".into())
        );
        assert_eq!(
            ui_lang_arg(&args(&["tolkar", "review", "set", "--", "--ui-lang", "sv"])),
            None
        );
        assert_eq!(ui_lang_arg(&args(&["--ui-lang", "sv"])), None, "argv[0]");
    }

    #[test]
    fn english_is_the_derived_command() {
        let cmd = command(&Messages::new("en"), Some("tolkar"));
        let init = cmd.find_subcommand("init").unwrap();
        let about = plain(init.get_about()).unwrap();
        assert_eq!(
            about,
            "Write a tolkar.toml for the site here, from its Hugo configuration"
        );
    }

    /// Every command, argument and possible value of the command line has
    /// its text in sv, da and nb, different from the English; and the files
    /// have no help- ids the command line does not use.
    #[test]
    fn every_help_text_is_localized() {
        let mut english = Cli::command();
        english.build();
        let mut all = Vec::new();
        commands(&english, Vec::new(), &mut all);
        for lang in ["sv", "da", "nb"] {
            let messages = Messages::new(lang);
            let (localized, report) = localize(&messages, None);
            assert!(
                report.missing.is_empty(),
                "locales/{lang}/tolkar.ftl lacks {:?}",
                report.missing
            );
            let mut untranslated = Vec::new();
            for (path, en_cmd) in &all {
                let cmd = find(&localized, path);
                let name = path.join(" ");
                let about = plain(en_cmd.get_about());
                assert!(about.is_some(), "`{name}` has no doc comment");
                if plain(cmd.get_about()) == about {
                    untranslated.push(format!("about of `{name}`"));
                }
                let long_about = plain(en_cmd.get_long_about());
                if long_about.is_some() && plain(cmd.get_long_about()) == long_about {
                    untranslated.push(format!("long about of `{name}`"));
                }
                for en_arg in en_cmd.get_arguments() {
                    let id = en_arg.get_id();
                    let arg = cmd.get_arguments().find(|a| a.get_id() == id).unwrap();
                    let help = plain(en_arg.get_help());
                    assert!(help.is_some(), "`{name}` {id} has no doc comment");
                    if plain(arg.get_help()) == help {
                        untranslated.push(format!("`{name}` {id}"));
                    }
                    let long = plain(en_arg.get_long_help());
                    if long.is_some() && plain(arg.get_long_help()) == long {
                        untranslated.push(format!("long help of `{name}` {id}"));
                    }
                    for value in en_arg.get_possible_values() {
                        let Some(help) = value.get_help() else {
                            continue;
                        };
                        let long = plain(arg.get_long_help()).unwrap_or_default();
                        if long.contains(&help.to_string()) {
                            untranslated.push(format!("`{name}` {id} {}", value.get_name()));
                        }
                    }
                }
            }
            assert!(
                untranslated.is_empty(),
                "{lang}: still English: {untranslated:#?}"
            );
            let source = std::fs::read_to_string(
                Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("locales/{lang}/tolkar.ftl")),
            )
            .unwrap();
            let resource = fluent_syntax::parser::parse(source.as_str()).unwrap();
            let in_file: BTreeSet<String> = resource
                .body
                .iter()
                .filter_map(|entry| match entry {
                    fluent_syntax::ast::Entry::Message(message) => Some(message.id.name.to_owned()),
                    _ => None,
                })
                .filter(|id| id.starts_with(HELP_PREFIX))
                .collect();
            let unused: Vec<_> = in_file.difference(&report.used).collect();
            assert!(
                unused.is_empty(),
                "locales/{lang}/tolkar.ftl: no such command, argument or value: {unused:?}"
            );
        }
    }

    /// Two places never share an id.
    #[test]
    fn help_ids_are_unique() {
        let mut english = Cli::command();
        english.build();
        let mut all = Vec::new();
        commands(&english, Vec::new(), &mut all);
        let mut seen = BTreeSet::new();
        let clap_ids = [
            CLAP_USAGE,
            CLAP_COMMANDS,
            CLAP_ARGUMENTS,
            CLAP_OPTIONS,
            CLAP_HELP,
            CLAP_HELP_MORE,
            CLAP_HELP_SUMMARY,
            CLAP_VERSION,
            CLAP_HELP_COMMAND,
            CLAP_DEFAULT,
            CLAP_POSSIBLE_VALUES,
            CLAP_POSSIBLE_VALUES_HEADING,
        ];
        for id in clap_ids {
            assert!(seen.insert(id.to_owned()), "{id} twice");
        }
        for (path, cmd) in &all {
            let id = command_id(path);
            assert!(seen.insert(id.clone()), "{id} twice");
            assert!(seen.insert(format!("{id}-long")), "{id}-long twice");
            for arg in cmd.get_arguments() {
                if matches!(
                    arg.get_action(),
                    ArgAction::Help
                        | ArgAction::HelpShort
                        | ArgAction::HelpLong
                        | ArgAction::Version
                ) || (arg.is_global_set() && !path.is_empty())
                {
                    continue;
                }
                let id = arg_id(path, arg);
                assert!(seen.insert(id.clone()), "{id} twice");
                assert!(seen.insert(format!("{id}-long")), "{id}-long twice");
                for value in arg.get_possible_values() {
                    let id = format!("{id}-{}", value.get_name());
                    assert!(seen.insert(id.clone()), "{id} twice");
                }
            }
        }
    }

    #[test]
    fn localized_help_reads_in_the_language() {
        let (mut cmd, _) = localize(&Messages::new("sv"), Some("tolkar"));
        let init = cmd.find_subcommand_mut("init").unwrap();
        let help = init.render_long_help().to_string();
        assert!(help.starts_with("Skriv en tolkar.toml"), "{help}");
        assert!(help.contains("Användning: tolkar init [OPTIONS]"), "{help}");
        assert!(
            help.contains("Skriv över en befintlig tolkar.toml"),
            "{help}"
        );
        let (mut cmd, _) = localize(&Messages::new("da"), Some("tolkar"));
        let export = cmd.find_subcommand_mut("export").unwrap();
        let short = export.render_help().to_string();
        assert!(
            short.contains(
                "Filformatet [standard: xliff2] [mulige værdier: xliff2, xliff12, po, csv, json]"
            ),
            "{short}"
        );
        let long = export.render_long_help().to_string();
        assert!(long.contains("- xliff12: XLIFF 1.2, til OmegaT"), "{long}");
        assert!(!long.contains("Possible values"), "{long}");
        assert!(!long.contains("default:"), "{long}");
    }

    #[test]
    fn localized_command_line_still_parses() {
        for lang in ["sv", "da", "nb"] {
            let (mut cmd, _) = localize(&Messages::new(lang), Some("tolkar"));
            let mut matches = cmd
                .try_get_matches_from_mut([
                    "tolkar", "export", "--lang", "sv", "--format", "po", "--state", "stale",
                ])
                .unwrap();
            let cli = Cli::from_arg_matches_mut(&mut matches).unwrap();
            let crate::cli::Command::Export(args) = cli.command else {
                panic!("not export");
            };
            assert_eq!(args.format, crate::cli::ExchangeFormat::Po);
            let err = cmd
                .try_get_matches_from_mut(["tolkar", "build", "--missing", "nope"])
                .unwrap_err();
            assert!(err.to_string().contains("fallback"), "{err}");
        }
    }
}
