//! What `tolkar init` learns from an existing Hugo site: the languages and
//! where their content lives (`config`, `site`), which pages already pair
//! with their sources and what the postings hold (`evidence`), which
//! shortcode parameters the templates print as text (`templates`), and the
//! rules that follow (`suggest`). `render` writes it all as a commented
//! `tolkar.toml`. Nothing here prints.

pub mod config;
pub mod evidence;
pub mod render;
pub mod site;
pub mod suggest;
pub mod templates;

use std::path::Path;

use crate::message::{Diagnostic, Message};
use crate::project::ProjectError;
use crate::project::{Config, Layout, Project};
use crate::project::{is_inside, is_language_code};

/// What the command line says, overriding what the site says.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    pub source: Option<String>,
    pub targets: Option<Vec<String>>,
    pub layout: Option<Layout>,
}

/// Everything `init` decided, with the reasons.
#[derive(Debug, Clone)]
pub struct Plan {
    pub config: Config,
    pub site: site::Site,
    pub evidence: evidence::Evidence,
    pub suggestions: suggest::Suggestions,
}

/// Why `init` cannot plan a configuration for a site.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum InitError {
    #[error("{}:{}: invalid Hugo configuration: {}", .0.path.display(), .0.at, .0.reason)]
    HugoConfig(config::ConfigError),
    #[error("no target languages in {}", dir.display())]
    NoTargets {
        dir: std::path::PathBuf,
        source_language: String,
    },
    #[error(transparent)]
    Project(#[from] ProjectError),
}

impl Diagnostic for InitError {
    fn message(&self) -> Message {
        match self {
            InitError::HugoConfig(e) => Message::at_path(
                crate::msg_id!("error-hugo-config"),
                &e.path,
                vec![
                    ("line", e.at.line.to_string()),
                    ("column", e.at.column.to_string()),
                    ("reason", e.reason.trim().to_string()),
                ],
            ),
            InitError::NoTargets {
                dir,
                source_language,
            } => Message::new(
                crate::msg_id!("error-init-no-targets"),
                vec![
                    ("dir", dir.display().to_string()),
                    ("source", source_language.clone()),
                ],
            ),
            InitError::Project(e) => e.message(),
        }
    }
}

/// Reads the site at `root` and decides its `tolkar.toml`.
pub fn plan(root: &Path, overrides: &Overrides) -> Result<Plan, InitError> {
    let hugo = config::read(root).map_err(InitError::HugoConfig)?;
    let mut site = site::decide(root, hugo.as_ref(), overrides)?;
    let project = Project::new(root, site_config(&mut site))?;
    let evidence = evidence::gather(&project)?;
    let suggestions = suggest::suggest(root, &project.config, &evidence);
    Ok(assemble(site, evidence, suggestions))
}

/// `[shortcodes]` keys of their own: a rule for a shortcode of that name
/// cannot be written (`ShortcodeRules` reads `[shortcodes.NAME]` beside
/// them).
const SHORTCODES_KEYS: [&str; 2] = ["text_params", "verbatim"];

/// The configuration `site` decides, before any suggestion. An exclude
/// pattern that would not compile is left out with a note, so the file
/// always loads.
fn site_config(site: &mut site::Site) -> Config {
    // What tolkar.toml refuses (see `Project::new`) is left out, with a
    // note: a target that is no language code or is the source, a
    // directory outside the site.
    let source = site.source.value.clone();
    let (targets, refused): (Vec<String>, Vec<String>) = std::mem::take(&mut site.targets.value)
        .into_iter()
        .partition(|t| is_language_code(t) && !t.eq_ignore_ascii_case(&source));
    site.targets.value = targets;
    for lang in refused {
        site.undecided.push(format!(
            "language {lang:?} left out: no language code tolkar can write to, or the source language"
        ));
    }
    if !is_inside(&site.content_dir.value) {
        site.undecided.push(format!(
            "content directory {:?} is outside the site; content is used instead",
            site.content_dir.value
        ));
        site.content_dir = Decided::new("content".to_string(), "the default, in the site");
    }
    let outside: Vec<String> = site
        .content_dirs
        .iter()
        .filter(|(lang, dir)| !is_language_code(lang) || !is_inside(&dir.value))
        .map(|(lang, _)| lang.clone())
        .collect();
    for lang in outside {
        if let Some(dir) = site.content_dirs.remove(&lang) {
            site.undecided.push(format!(
                "content directory of {lang:?} ({:?}) left out: outside the site",
                dir.value
            ));
        }
    }
    let mut config = Config::new(&site.source.value, &site.targets.value, site.layout.value);
    config.content_dir = site.content_dir.value.clone();
    config.content_dirs = site
        .content_dirs
        .iter()
        .map(|(lang, dir)| (lang.clone(), dir.value.clone()))
        .collect();
    let (valid, invalid): (Vec<_>, Vec<_>) = std::mem::take(&mut site.exclude)
        .into_iter()
        .partition(|e| compiles(&e.value));
    for exclude in invalid {
        site.undecided.push(format!(
            "not excluded, since it is no valid pattern: {} ({})",
            exclude.value, exclude.why
        ));
    }
    site.exclude = valid;
    config.exclude = site.exclude.iter().map(|e| e.value.clone()).collect();
    config
}

/// Whether `Project::new` compiles `pattern`.
fn compiles(pattern: &str) -> bool {
    globset::Glob::new(pattern)
        .is_ok_and(|glob| globset::GlobSetBuilder::new().add(glob).build().is_ok())
}

/// The plan from what was read: the site's configuration with the
/// suggested rules added.
pub fn assemble(
    mut site: site::Site,
    evidence: evidence::Evidence,
    mut suggestions: suggest::Suggestions,
) -> Plan {
    let mut config = site_config(&mut site);
    config
        .front_matter
        .keys
        .extend(suggestions.front_matter.iter().map(|k| k.key.clone()));
    let reserved: Vec<String> = suggestions
        .shortcodes
        .keys()
        .filter(|name| SHORTCODES_KEYS.contains(&name.as_str()))
        .cloned()
        .collect();
    for name in reserved {
        if let Some(suggestion) = suggestions.shortcodes.remove(&name) {
            suggestions.undecided.push(format!(
                "shortcode {name}: {} suggests a rule, but [shortcodes.{name}] cannot be written, as {name} is a key of [shortcodes] itself; rename the shortcode to give it one",
                suggestion.template
            ));
        }
    }
    for (name, rule) in &suggestions.shortcodes {
        config
            .shortcodes
            .by_name
            .insert(name.clone(), rule.rule.clone());
    }
    // Localized link targets where most of a language's translations link
    // its own pages.
    config.links.localize = config
        .target_languages
        .iter()
        .filter(|lang| {
            evidence
                .links
                .get(*lang)
                .is_some_and(|a| a.localized > a.kept)
        })
        .cloned()
        .collect();
    Plan {
        config,
        site,
        evidence,
        suggestions,
    }
}

/// A decided value and why: `from hugo.toml: defaultContentLanguage = 'sv'`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decided<T> {
    pub value: T,
    pub why: String,
}

impl<T> Decided<T> {
    pub fn new(value: T, why: impl Into<String>) -> Decided<T> {
        Decided {
            value,
            why: why.into(),
        }
    }
}
