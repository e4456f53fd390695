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
    #[arg(short = 'C', value_name = "DIR", global = true)]
    pub directory: Option<PathBuf>,

    /// Language of tolkar's own messages (en, sv, da, nb); default from
    /// LC_ALL, LC_MESSAGES or LANG.
    #[arg(long, value_name = "LANG", global = true)]
    pub ui_lang: Option<String>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the translatable segments of one posting (no project needed).
    Extract {
        /// The posting to read.
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = ExtractFormat::Text)]
        format: ExtractFormat,
    },
    /// Print one posting reassembled with every segment pseudo-translated.
    Pseudo {
        /// The posting to read.
        file: PathBuf,
        /// identity: every segment translated to itself (must equal the
        /// input); expand: accented and ~30% longer.
        #[arg(long, value_enum, default_value_t = PseudoMode::Expand)]
        mode: PseudoMode,
    },
    /// Write a tolkar.toml for the site in the current directory.
    Init {
        /// The language the postings are written in.
        #[arg(long, value_name = "LANG", default_value = "en")]
        source: String,
        /// The languages to translate into, comma separated.
        #[arg(long, value_name = "LANGS", value_delimiter = ',', required = true)]
        targets: Vec<String>,
        /// content/<lang>/x.md (by-directory) or content/x.<lang>.md (by-filename).
        #[arg(long, value_enum, default_value_t = LayoutArg::ByDirectory)]
        layout: LayoutArg,
        /// Overwrite an existing tolkar.toml.
        #[arg(long)]
        force: bool,
    },
    /// Extract every source posting into the store.
    Sync,
    /// Show how much is translated, stale and missing per language.
    Status {
        /// Only this language.
        #[arg(long, value_name = "LANG")]
        lang: Option<String>,
        /// Also list every document.
        #[arg(long)]
        docs: bool,
        #[arg(long, value_enum, default_value_t = StatusFormat::Text)]
        format: StatusFormat,
    },
    /// Sync, then write every localized posting whose bytes change.
    Build {
        /// Only this language.
        #[arg(long, value_name = "LANG")]
        lang: Option<String>,
        /// What to do with segments that have no translation.
        #[arg(long, value_enum, default_value_t = Missing::Fallback)]
        missing: Missing,
        /// Overwrite localized postings that tolkar did not write.
        #[arg(long)]
        force: bool,
    },
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

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_consistent() {
        super::Cli::command().debug_assert();
    }
}
