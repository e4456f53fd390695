//! The command line, as clap reads it. Validation against the project
//! (languages, paths) happens in `cmd`, once the configuration is loaded.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// Translation management for Hugo postings: extract the translatable text,
/// track it per language, flag drift, and rebuild localized postings with
/// front matter and shortcodes intact.
#[derive(Debug, Parser)]
#[command(name = "tolkar", version, propagate_version = true)]
pub struct Cli {
    /// Run as if started in DIR.
    // Every path on the command line is then relative to DIR; given more
    // than once, each DIR is relative to the one before (as git's -C).
    #[arg(short = 'C', value_name = "DIR", global = true, action = clap::ArgAction::Append)]
    pub directory: Vec<PathBuf>,

    /// Language of tolkar's own messages and of this help (en, sv, da,
    /// nb); default from LC_ALL, LC_MESSAGES or LANG.
    #[arg(long, value_name = "LANG", global = true)]
    pub ui_lang: Option<String>,

    /// Print only errors and the command's output: no summaries or notes.
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,

    /// Also say which tolkar.toml and store are used, and how long each
    /// stage takes.
    #[arg(short, long, global = true)]
    pub verbose: bool,

    /// When to color the output: auto (on a terminal, unless NO_COLOR is
    /// set), always, never.
    #[arg(long, value_enum, value_name = "WHEN", global = true, default_value_t = ColorWhen::Auto)]
    pub color: ColorWhen,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the translatable segments of one posting (no project needed).
    Extract(ExtractArgs),
    /// Print one posting reassembled with every segment pseudo-translated.
    Pseudo(PseudoArgs),
    /// Write a tolkar.toml for the site here, from its Hugo configuration.
    ///
    /// Reads the Hugo configuration (languages, content directories,
    /// mounts), the postings and the shortcode templates, and writes each
    /// value with a comment saying where it came from. The flags override
    /// what the site says; without a Hugo configuration, --targets is
    /// required.
    Init(InitArgs),
    /// Extract every source posting into the store.
    Sync,
    /// Show how much is translated, stale and missing per language.
    Status(StatusArgs),
    /// Sync, then show every stale translation with a word diff of its
    /// source change, the most recently changed posting first.
    Stale(StaleArgs),
    /// Sync, then judge every language against the policy, for CI: exit 1
    /// if it fails.
    ///
    /// The policy comes from [check] in tolkar.toml, or the flags.
    Check(CheckArgs),
    /// Sync, then write one self-contained HTML page for editors:
    /// progress, postings by staleness, and each stale segment's change.
    Report(ReportArgs),
    /// Take over the translations a site already has: align each localized
    /// posting with its source and store its texts as translations.
    ///
    /// Front-matter values the translation owns (slug, aliases, a localized
    /// date, keys only it has) are kept and written back by build, and so
    /// is every other difference of its own (a link, white space): build
    /// merges the source's changes into it. What does not align is listed
    /// per posting with its lines. Run it again to take hand edits of
    /// localized postings into the store.
    Adopt(AdoptArgs),
    /// Act on translations without exporting them: confirm stale ones,
    /// approve machine output, set a new text.
    Review {
        #[command(subcommand)]
        action: ReviewCommand,
    },
    /// Sync, then write every localized posting whose bytes change.
    ///
    /// A posting with differences of its own (a hand edit, a link or value
    /// the translation keeps) is merged: its differences stay, the
    /// source's changes are applied. One whose own edits collide with them
    /// is left as it is and listed; the exit status is then 1.
    Build(BuildArgs),
    /// Show the three-way merge build does for one localized posting: its
    /// own differences, build's changes, and the outcome. Writes nothing.
    Merge(MergeArgs),
    /// Sync, then write one language's segments for translators.
    ///
    /// Formats: XLIFF 2, XLIFF 1.2, PO, CSV or JSON. Each unit has its id
    /// (path#key), source, target, state, location, the previous source
    /// of a stale unit, and matches from the translation memory.
    Export(ExportArgs),
    /// Read translations back from XLIFF, PO, CSV or JSON files.
    ///
    /// Every unit is checked against the project: its id, its language, its
    /// placeholders, the source it was made from. With any unit refused,
    /// nothing is stored (unless --partial) and the exit status is 2.
    Import(ImportArgs),
    /// Machine-translate missing and stale segments through a command.
    ///
    /// The command reads one JSON object per line on stdin (id,
    /// source_lang, target_lang, text, context) and writes one per line
    /// (id, text). Results are stored in state machine (needs review).
    Translate(TranslateArgs),
    /// Show every check of the configuration at once: languages,
    /// directories, source postings, store and text state.
    ///
    /// Reads tolkar.toml and the site, writes nothing. Exit 2 if any check
    /// is an error.
    Doctor,
    /// Print a completion script for SHELL on standard output.
    Completions(CompletionsArgs),
    /// The translation memory.
    Tm {
        #[command(subcommand)]
        command: TmCommand,
    },
}

#[derive(Debug, Subcommand)]
pub enum TmCommand {
    /// Translations of texts similar to TEXT, best first.
    Search(TmSearchArgs),
}

#[derive(Debug, Subcommand)]
pub enum ReviewCommand {
    /// Stale translations still hold for the new source: keep them, now
    /// current.
    Confirm(ReviewSelection),
    /// Mark machine translations, drafts and translations reviewed.
    Approve(ReviewSelection),
    /// Step through the stale translations one at a time: see the source's
    /// change and the translation, then keep it, edit it, or skip it.
    ///
    /// Answers are read from standard input: k (keep), e (edit: the new
    /// text on the next line), s or an empty line (skip), q (quit). What
    /// was decided is stored when the last segment is done, or at q or the
    /// end of input.
    Step(ReviewStepArgs),
    /// Give one segment a new translation (state translated).
    Set(ReviewSetArgs),
}

/// The arguments of `tolkar extract`.
#[derive(Debug, Clone, clap::Args)]
pub struct ExtractArgs {
    /// The posting to read.
    pub file: PathBuf,
    /// text for people, json for scripts.
    #[arg(long, value_enum, default_value_t = ExtractFormat::Text)]
    pub format: ExtractFormat,
}

/// The arguments of `tolkar pseudo`.
#[derive(Debug, Clone, clap::Args)]
pub struct PseudoArgs {
    /// The posting to read.
    pub file: PathBuf,
    /// identity: every segment translated to itself (must equal the
    /// input); expand: accented and ~30% longer.
    #[arg(long, value_enum, default_value_t = PseudoMode::Expand)]
    pub mode: PseudoMode,
}

/// The arguments of `tolkar init`.
#[derive(Debug, Clone, clap::Args)]
pub struct InitArgs {
    /// The language the postings are written in [default: Hugo's
    /// defaultContentLanguage, or en].
    #[arg(long, value_name = "LANG")]
    pub source: Option<String>,
    /// The languages to translate into, comma separated [default: the
    /// site's other languages, by weight].
    #[arg(long, value_name = "LANGS", value_delimiter = ',')]
    pub targets: Option<Vec<String>>,
    /// content/<lang>/x.md (by-directory) or content/x.<lang>.md
    /// (by-filename) [default: what the site does].
    #[arg(long, value_enum)]
    pub layout: Option<LayoutArg>,
    /// Overwrite an existing tolkar.toml.
    #[arg(long)]
    pub force: bool,
    /// Print the configuration on stdout instead of writing it.
    #[arg(long)]
    pub dry_run: bool,
}

/// The arguments of `tolkar status`.
#[derive(Debug, Clone, clap::Args)]
pub struct StatusArgs {
    /// Only this language.
    #[arg(long, value_name = "LANG")]
    pub lang: Option<String>,
    /// Also list every document.
    #[arg(long)]
    pub docs: bool,
    /// text for people, json for scripts.
    #[arg(long, value_enum, default_value_t = StatusFormat::Text)]
    pub format: StatusFormat,
}

/// The arguments of `tolkar stale`.
#[derive(Debug, Clone, clap::Args)]
pub struct StaleArgs {
    /// Only this language.
    #[arg(long, value_name = "LANG")]
    pub lang: Option<String>,
    /// Only postings whose path (relative to the project) matches.
    /// May be repeated.
    #[arg(long, value_name = "GLOB")]
    pub doc: Vec<String>,
    /// text for people (colored on a terminal), json for scripts.
    #[arg(long, value_enum, default_value_t = StatusFormat::Text)]
    pub format: StatusFormat,
}

/// The arguments of `tolkar check`.
#[derive(Debug, Clone, clap::Args)]
pub struct CheckArgs {
    /// Only this language.
    #[arg(long, value_name = "LANG")]
    pub lang: Option<String>,
    /// text, json, junit, github (workflow commands) or markdown.
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    pub format: CheckFormat,
    /// What fails the check, comma separated: stale, missing, machine, conflict.
    #[arg(long, value_name = "KINDS", value_delimiter = ',')]
    pub fail_on: Option<Vec<String>>,
    /// The lowest share of segments with a current translation, in
    /// percent.
    #[arg(long, value_name = "PERCENT", value_parser = percent)]
    pub min_coverage: Option<f64>,
    /// Sync in a transaction that is rolled back: the store is left as
    /// it was (read-only CI).
    #[arg(long)]
    pub no_write: bool,
    /// Pass a project with no source postings, or with nothing translated
    /// in any language checked (else exit 2).
    #[arg(long)]
    pub allow_empty: bool,
    /// List at most N problems (text, github, markdown) and say how many
    /// more there are [default: github 50, others all].
    #[arg(long, value_name = "N")]
    pub max_problems: Option<usize>,
}

/// The arguments of `tolkar completions`.
#[derive(Debug, Clone, clap::Args)]
pub struct CompletionsArgs {
    /// The shell to write the script for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// When to color the output. (No help per value: `--color`'s own says it,
/// and values with help would give every command a long help.)
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    #[default]
    Auto,
    Always,
    Never,
}

/// The arguments of `tolkar report`.
#[derive(Debug, Clone, clap::Args)]
pub struct ReportArgs {
    /// Write the HTML report (the only kind there is).
    #[arg(long, required = true)]
    pub html: bool,
    /// The file to write.
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
    /// Only this language.
    #[arg(long, value_name = "LANG")]
    pub lang: Option<String>,
}

/// The arguments of `tolkar adopt`.
#[derive(Debug, Clone, clap::Args)]
pub struct AdoptArgs {
    /// Only this language.
    #[arg(long, value_name = "LANG")]
    pub lang: Option<String>,
    /// Only postings whose source path matches. May be repeated.
    #[arg(long, value_name = "GLOB")]
    pub doc: Vec<String>,
    /// Report what would be adopted; store nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Show how one posting (source or localized path) differs from what
    /// build makes of the store, and what it keeps; needs --lang.
    #[arg(long, value_name = "DOC")]
    pub explain: Option<String>,
}

/// The arguments of `tolkar merge`.
#[derive(Debug, Clone, clap::Args)]
pub struct MergeArgs {
    /// The localized posting to explain (its path in the site).
    #[arg(long, value_name = "FILE")]
    pub explain: String,
}

/// The arguments of `tolkar build`.
#[derive(Debug, Clone, clap::Args)]
pub struct BuildArgs {
    /// Only this language.
    #[arg(long, value_name = "LANG")]
    pub lang: Option<String>,
    /// What to do with segments that have no translation.
    #[arg(long, value_enum, default_value_t = Missing::Fallback)]
    pub missing: Missing,
    /// Overwrite localized postings that tolkar did not write or that are
    /// in conflict (a clean merge is still a merge).
    #[arg(long)]
    pub force: bool,
    /// Remove the localized postings tolkar wrote whose source posting is
    /// gone (never one with text of its own).
    #[arg(long)]
    pub prune: bool,
}

/// The arguments of `tolkar export`.
#[derive(Debug, Clone, clap::Args)]
pub struct ExportArgs {
    /// The language to translate into.
    #[arg(long, value_name = "LANG")]
    pub lang: String,
    /// The file format.
    #[arg(long, value_enum, default_value_t = ExchangeFormat::Xliff2)]
    pub format: ExchangeFormat,
    /// Which segments, comma separated: missing, stale, machine,
    /// draft, translated, reviewed, or all.
    #[arg(
        long,
        value_name = "STATES",
        value_delimiter = ',',
        default_value = "missing,stale"
    )]
    pub state: Vec<String>,
    /// Only postings whose path (relative to the project) matches,
    /// e.g. 'content/sv/jobs/**'. May be repeated.
    #[arg(long, value_name = "GLOB")]
    pub doc: Vec<String>,
    /// Write to FILE, or to DIR/LANG.EXT if it is a directory;
    /// default: standard output.
    #[arg(short, long, value_name = "FILE|DIR")]
    pub output: Option<PathBuf>,
}

/// The arguments of `tolkar import`.
#[derive(Debug, Clone, clap::Args)]
pub struct ImportArgs {
    /// The files to read; the format is detected.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// The language of the translations, for files that do not say.
    #[arg(long, value_name = "LANG")]
    pub lang: Option<String>,
    /// Store every translation in this state (machine, draft,
    /// translated, reviewed) whatever the file says.
    #[arg(long, value_name = "STATE")]
    pub state: Option<String>,
    /// Check and report, but store nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Store the valid units even if some are refused.
    #[arg(long)]
    pub partial: bool,
}

/// The arguments of `tolkar translate`.
#[derive(Debug, Clone, clap::Args)]
pub struct TranslateArgs {
    /// The language to translate into.
    #[arg(long, value_name = "LANG")]
    pub lang: String,
    /// The shell command to run; default: `[translate] command` in
    /// tolkar.toml.
    #[arg(long, value_name = "CMD")]
    pub command: Option<String>,
    /// Only postings whose path (relative to the project) matches.
    /// May be repeated.
    #[arg(long, value_name = "GLOB")]
    pub doc: Vec<String>,
    /// Segments per run of the command.
    #[arg(long, value_name = "N")]
    pub batch: Option<usize>,
    /// Seconds one run of the command may take.
    #[arg(long, value_name = "SECONDS")]
    pub timeout: Option<u64>,
    /// Also send segments that already have a current translation.
    #[arg(long)]
    pub force: bool,
}

/// The arguments of `tolkar tm search`.
#[derive(Debug, Clone, clap::Args)]
pub struct TmSearchArgs {
    /// The source text to look for.
    pub text: String,
    /// The language of the translations.
    #[arg(long, value_name = "LANG")]
    pub lang: String,
    /// The lowest similarity to show, in percent; default: `[memory]
    /// threshold` in tolkar.toml (75).
    #[arg(long, value_name = "PERCENT", value_parser = percent)]
    pub min: Option<f64>,
    /// How many matches to show at most.
    #[arg(long, value_name = "N", default_value_t = 10,
          value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..))]
    pub limit: usize,
    /// text for people, json for scripts.
    #[arg(long, value_enum, default_value_t = StatusFormat::Text)]
    pub format: StatusFormat,
}

/// The arguments of `tolkar review step`.
#[derive(Debug, Clone, clap::Args)]
pub struct ReviewStepArgs {
    /// The language of the translations.
    #[arg(long, value_name = "LANG")]
    pub lang: String,
    /// Only postings whose path matches. May be repeated.
    #[arg(long, value_name = "GLOB")]
    pub doc: Vec<String>,
}

/// The arguments of `tolkar review set`.
#[derive(Debug, Clone, clap::Args)]
pub struct ReviewSetArgs {
    /// The language of the translation.
    #[arg(long, value_name = "LANG")]
    pub lang: String,
    /// The segment: path#key, as `export` and `stale` show it.
    pub id: String,
    /// The new translation, with the placeholders of the source.
    pub text: String,
}

/// Which segments a review acts on.
#[derive(Debug, clap::Args)]
pub struct ReviewSelection {
    /// The language of the translations.
    #[arg(long, value_name = "LANG")]
    pub lang: String,
    /// Segments by id (path#key).
    pub ids: Vec<String>,
    /// Every segment of postings whose path matches. May be repeated.
    #[arg(long, value_name = "GLOB")]
    pub doc: Vec<String>,
    /// Every segment of the language.
    #[arg(long)]
    pub all: bool,
}

/// The report formats of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    Text,
    Json,
    Junit,
    Github,
    Markdown,
}

/// A similarity in percent, 0 to 100.
fn percent(text: &str) -> Result<f64, String> {
    match text.trim().trim_end_matches('%').parse::<f64>() {
        Ok(value) if (0.0..=100.0).contains(&value) => Ok(value),
        _ => Err("expected a percentage from 0 to 100".into()),
    }
}

/// The file formats of export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExchangeFormat {
    /// XLIFF 2.0, for CAT tools (memoQ, Trados, Phrase).
    Xliff2,
    /// XLIFF 1.2, for OmegaT and older CAT tools.
    Xliff12,
    /// GNU gettext PO, for Poedit and Weblate.
    Po,
    /// Comma-separated values, for spreadsheets.
    Csv,
    /// JSON, for scripts.
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PseudoMode {
    Identity,
    Expand,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatusFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LayoutArg {
    ByDirectory,
    ByFilename,
}

/// What a build does where a segment has no translation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Missing {
    /// Use the source text and report it.
    Fallback,
    /// Do not write that posting.
    Skip,
    /// Stop with an error.
    Error,
}

impl From<Missing> for crate::ops::build::Missing {
    fn from(missing: Missing) -> Self {
        match missing {
            Missing::Fallback => crate::ops::build::Missing::Fallback,
            Missing::Skip => crate::ops::build::Missing::Skip,
            Missing::Error => crate::ops::build::Missing::Error,
        }
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_consistent() {
        super::Cli::command().debug_assert();
    }
}
