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

use crate::cmd::Failure;
use crate::project::{Config, Layout, Project};

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

/// Reads the site at `root` and decides its `tolkar.toml`.
pub fn plan(root: &Path, overrides: &Overrides) -> Result<Plan, Failure> {
    let hugo = config::read(root).map_err(|e| {
        Failure::new(
            "error-hugo-config",
            vec![
                ("path", e.path.display().to_string()),
                ("line", e.at.line.to_string()),
                ("column", e.at.column.to_string()),
                ("reason", e.reason.trim().to_string()),
            ],
        )
    })?;
    let site = site::decide(root, hugo.as_ref(), overrides)?;
    let mut config = Config::new(&site.source.value, &site.targets.value, site.layout.value);
    config.content_dir = site.content_dir.value.clone();
    config.content_dirs = site
        .content_dirs
        .iter()
        .map(|(lang, dir)| (lang.clone(), dir.value.clone()))
        .collect();
    config.exclude = site.exclude.iter().map(|e| e.value.clone()).collect();
    let project = Project::new(root, config.clone())?;
    let evidence = evidence::gather(&project)?;
    let suggestions = suggest::suggest(root, &config, &evidence);
    config
        .front_matter
        .keys
        .extend(suggestions.front_matter.iter().map(|k| k.key.clone()));
    for (name, rule) in &suggestions.shortcodes {
        config
            .shortcodes
            .by_name
            .insert(name.clone(), rule.rule.clone());
    }
    Ok(Plan {
        config,
        site,
        evidence,
        suggestions,
    })
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
