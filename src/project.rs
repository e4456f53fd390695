//! A site under translation: `tolkar.toml`, where the source postings are,
//! and where each localized posting goes.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::{Deserialize, Serialize};

use crate::message::{Diagnostic, Message};
use crate::posting::Location;
use crate::posting::rules::{FrontMatterRules, Rules, ShortcodeRules};

pub const CONFIG_FILE: &str = "tolkar.toml";

/// What can be wrong with a project: its configuration, its language
/// choice, or its files.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ProjectError {
    #[error("no tolkar.toml in {}", dir.display())]
    ConfigMissing { dir: PathBuf },
    #[error("{}:{at}: invalid configuration: {reason}", path.display())]
    ConfigInvalid {
        path: PathBuf,
        at: Location,
        reason: String,
    },
    #[error("no tolkar.toml in {} or any directory above it", start.display())]
    ConfigNotFound { start: PathBuf },
    #[error("{}:{line}: the source directory {} does not exist", config.display(), dir.display())]
    SourceDirMissing {
        config: PathBuf,
        line: usize,
        lang: String,
        dir: PathBuf,
        /// The language directories the content directory does hold.
        found: Vec<String>,
    },
    #[error("unknown language {lang}")]
    UnknownLanguage { lang: String, langs: Vec<String> },
    #[error("cannot read {}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}: {error}", path.display())]
    Read {
        path: PathBuf,
        error: crate::unreadable::ReadError,
    },
}

impl ProjectError {
    fn io(path: &Path, source: std::io::Error) -> ProjectError {
        ProjectError::Io {
            path: path.to_path_buf(),
            source,
        }
    }
}

impl Diagnostic for ProjectError {
    fn message(&self) -> Message {
        match self {
            ProjectError::ConfigMissing { dir } => Message::new(
                crate::msg_id!("error-config-missing"),
                vec![("dir", dir.display().to_string())],
            ),
            ProjectError::ConfigInvalid { path, at, reason } => Message::at_path(
                crate::msg_id!("error-config-invalid"),
                path,
                vec![
                    ("line", at.line.to_string()),
                    ("column", at.column.to_string()),
                    ("reason", reason.clone()),
                ],
            ),
            ProjectError::ConfigNotFound { start } => Message::new(
                crate::msg_id!("error-config-not-found"),
                vec![("dir", start.display().to_string())],
            ),
            ProjectError::SourceDirMissing {
                config,
                line,
                lang,
                dir,
                found,
            } => Message::at_path(
                crate::msg_id!("error-source-dir-missing"),
                config,
                vec![
                    ("line", line.to_string()),
                    ("lang", lang.clone()),
                    ("dir", dir.display().to_string()),
                    ("found", found.join(", ")),
                ],
            ),
            ProjectError::UnknownLanguage { lang, langs } => Message::new(
                crate::msg_id!("error-unknown-language"),
                vec![("lang", lang.clone()), ("langs", langs.join(", "))],
            ),
            ProjectError::Io { path, source } => crate::message::io(path, source),
            ProjectError::Read { path, error } => error.message(path),
        }
    }
}

/// How localized postings sit next to their sources.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Layout {
    /// `content/sv/x.md` → `content/da/x.md`.
    #[default]
    ByDirectory,
    /// `content/x.md` → `content/x.da.md`.
    ByFilename,
}

impl Layout {
    pub fn as_str(self) -> &'static str {
        match self {
            Layout::ByDirectory => "by-directory",
            Layout::ByFilename => "by-filename",
        }
    }
}

/// `tolkar.toml`, as written by `tolkar init` and edited by people.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub source_language: String,
    pub target_languages: Vec<String>,
    #[serde(default = "default_content_dir")]
    pub content_dir: String,
    #[serde(default)]
    pub layout: Layout,
    #[serde(default = "default_include")]
    pub include: Vec<String>,
    #[serde(default)]
    pub exclude: Vec<String>,
    #[serde(default = "default_database")]
    pub database: String,
    /// Where the committed text state is kept (`src/textstate/`), relative
    /// to the site root.
    #[serde(default = "default_state")]
    pub state: String,
    /// `by-directory` only: a language's content directory, relative to the
    /// site root, when it is not `content_dir/LANG` (`sv = "content/svenska"`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub content_dirs: BTreeMap<String, String>,
    #[serde(default)]
    pub front_matter: FrontMatterRules,
    #[serde(default)]
    pub shortcodes: ShortcodeRules,
    #[serde(default)]
    pub memory: MemoryConfig,
    #[serde(default)]
    pub translate: TranslateConfig,
    #[serde(default)]
    pub check: CheckConfig,
    #[serde(default)]
    pub links: crate::posting::links::LinkRule,
    /// `[limits]`: what one input may cost (`src/limits.rs`).
    #[serde(default, skip_serializing_if = "crate::limits::Limits::is_default")]
    pub limits: crate::limits::Limits,
}

/// `[check]`: the policy `tolkar check` enforces.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CheckConfig {
    /// What fails the check: `stale`, `missing`, `machine`.
    pub fail_on: Vec<String>,
    /// The lowest share of segments with a current translation, percent.
    pub min_coverage: Option<f64>,
    /// Pass a project with no source postings or nothing translated.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub allow_empty: bool,
}

impl Default for CheckConfig {
    fn default() -> CheckConfig {
        CheckConfig {
            fail_on: vec!["stale".into()],
            min_coverage: None,
            allow_empty: false,
        }
    }
}

/// `[memory]`: the translation memory.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct MemoryConfig {
    /// The lowest similarity, in percent, of a fuzzy match worth offering.
    pub threshold: f64,
    /// Fill new segments from exact matches on sync.
    pub fill: bool,
}

impl Default for MemoryConfig {
    fn default() -> MemoryConfig {
        MemoryConfig {
            threshold: crate::memory::DEFAULT_THRESHOLD,
            fill: true,
        }
    }
}

/// `[translate]`: the machine-translation command.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct TranslateConfig {
    /// A shell command: reads JSON lines on stdin, writes JSON lines.
    pub command: Option<String>,
    /// Segments per run of the command.
    pub batch: usize,
    /// Seconds one run may take.
    pub timeout: u64,
}

impl Default for TranslateConfig {
    fn default() -> TranslateConfig {
        TranslateConfig {
            command: None,
            batch: 50,
            timeout: 120,
        }
    }
}

fn default_content_dir() -> String {
    "content".into()
}

fn default_include() -> Vec<String> {
    vec!["**/*.md".into()]
}

fn default_database() -> String {
    ".tolkar/tolkar.db".into()
}

fn default_state() -> String {
    ".tolkar/state".into()
}

/// Letters, digits, `-` and `_`: Hugo takes any such key for a language
/// (so no stricter BCP 47 check), and none leads out of a directory.
pub fn is_language_code(code: &str) -> bool {
    !code.is_empty()
        && code
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// Whether `dir` is a relative path that stays inside the site.
pub fn is_inside(dir: &str) -> bool {
    Path::new(dir).components().all(|c| {
        matches!(
            c,
            std::path::Component::Normal(_) | std::path::Component::CurDir
        )
    })
}

/// The first of `config_problems`: a project is not opened with any.
fn check_languages(path: &Path, config: &Config) -> Result<(), ProjectError> {
    match config_problems(path, config).into_iter().next() {
        Some(problem) => Err(problem),
        None => Ok(()),
    }
}

/// The language codes of `[content_dirs]` and `[links] localize` as the
/// project spells its languages (`NB` and `nb_no` are its `nb-NO`): they
/// are looked up by that spelling everywhere after. A key that is a
/// language's exact spelling stays, and wins over another spelling of
/// the same language.
fn spell_languages(config: &mut Config) {
    let languages: Vec<String> = std::iter::once(&config.source_language)
        .chain(&config.target_languages)
        .cloned()
        .collect();
    let (exact, others): (BTreeMap<String, String>, BTreeMap<String, String>) =
        std::mem::take(&mut config.content_dirs)
            .into_iter()
            .partition(|(lang, _)| languages.contains(lang));
    config.content_dirs = exact;
    for (lang, dir) in others {
        let lang = crate::lang::spelling(&languages, &lang).map_or(lang.clone(), str::to_string);
        config.content_dirs.entry(lang).or_insert(dir);
    }
    let targets = &config.target_languages;
    for lang in &mut config.links.localize {
        if let Some(target) = crate::lang::spelling(targets, lang) {
            *lang = target.to_string();
        }
    }
}

/// `[links]` that build can apply: a pattern with `{path}`, and only
/// target languages to localize.
fn check_links(path: &Path, config: &Config) -> Result<(), ProjectError> {
    let links = &config.links;
    let at = || {
        let line = std::fs::read_to_string(path)
            .ok()
            .and_then(|text| text.lines().position(|l| l.trim() == "[links]"))
            .map_or(1, |i| i + 1);
        Location { line, column: 1 }
    };
    if !links.pattern.contains("{path}") {
        return Err(config_error(
            path,
            at(),
            &format!("[links] pattern {:?} has no {{path}}", links.pattern),
        ));
    }
    if let Some(lang) = links
        .localize
        .iter()
        .find(|l| !config.target_languages.contains(l))
    {
        return Err(config_error(
            path,
            at(),
            &format!("[links] localize names {lang}, which is not a target language"),
        ));
    }
    Ok(())
}

impl Config {
    /// A language's content directory, relative to the site root.
    pub fn language_dir(&self, lang: &str) -> PathBuf {
        match self.content_dirs.get(lang) {
            Some(dir) => PathBuf::from(dir),
            None => Path::new(&self.content_dir).join(lang),
        }
    }

    /// Where the `lang` version of a source posting goes (relative path).
    pub fn localized_path(&self, source: &Path, lang: &str) -> PathBuf {
        match self.layout {
            Layout::ByDirectory => {
                let source_root = self.language_dir(&self.source_language);
                let within = source.strip_prefix(&source_root).unwrap_or(source);
                self.language_dir(lang).join(within)
            }
            Layout::ByFilename => {
                let stem = source
                    .file_stem()
                    .and_then(|s| s.to_str())
                    .unwrap_or_default();
                let stem = stem
                    .strip_suffix(&format!(".{}", self.source_language))
                    .unwrap_or(stem);
                let ext = source.extension().and_then(|e| e.to_str()).unwrap_or("md");
                source.with_file_name(format!("{stem}.{lang}.{ext}"))
            }
        }
    }

    pub fn new(source: &str, targets: &[String], layout: Layout) -> Config {
        Config {
            source_language: source.into(),
            target_languages: targets.to_vec(),
            content_dir: default_content_dir(),
            layout,
            include: default_include(),
            exclude: Vec::new(),
            database: default_database(),
            state: default_state(),
            content_dirs: BTreeMap::new(),
            front_matter: FrontMatterRules::default(),
            shortcodes: ShortcodeRules::default(),
            memory: MemoryConfig::default(),
            translate: TranslateConfig::default(),
            check: CheckConfig::default(),
            links: crate::posting::links::LinkRule::default(),
            limits: crate::limits::Limits::default(),
        }
    }
}

pub struct Project {
    pub root: PathBuf,
    pub config: Config,
    pub rules: Rules,
    include: GlobSet,
    exclude: GlobSet,
}

impl Project {
    /// Loads the project whose `tolkar.toml` is in `root`.
    pub fn load(root: &Path) -> Result<Project, ProjectError> {
        let path = config_path(root);
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(ProjectError::ConfigMissing {
                    dir: root.to_path_buf(),
                });
            }
            Err(e) => return Err(ProjectError::io(&path, e)),
        };
        let config: Config = toml_edit::de::from_str(&text).map_err(|e| {
            let at = Location::of(&text, e.span().map_or(0, |s| s.start));
            config_error(&path, at, e.message().trim())
        })?;
        Project::new(root, config)
    }

    /// The project of `config` at `root`, whether or not its `tolkar.toml`
    /// is written yet (`init` looks at the site through it).
    pub fn new(root: &Path, config: Config) -> Result<Project, ProjectError> {
        let path = config_path(root);
        let globs = |patterns: &[String]| -> Result<GlobSet, ProjectError> {
            let mut set = GlobSetBuilder::new();
            for pattern in patterns {
                let glob = Glob::new(pattern).map_err(|e| {
                    config_error(&path, Location { line: 1, column: 1 }, &e.to_string())
                })?;
                set.add(glob);
            }
            set.build()
                .map_err(|e| config_error(&path, Location { line: 1, column: 1 }, &e.to_string()))
        };
        let include = globs(&config.include)?;
        let exclude = globs(&config.exclude)?;
        let mut config = config;
        check_languages(&path, &config)?;
        spell_languages(&mut config);
        check_links(&path, &config)?;
        config.links.languages = std::iter::once(&config.source_language)
            .chain(&config.target_languages)
            .cloned()
            .collect();
        let rules = Rules {
            front_matter: config.front_matter.clone(),
            shortcodes: config.shortcodes.clone(),
        };
        Ok(Project {
            root: root.to_path_buf(),
            config,
            rules,
            include,
            exclude,
        })
    }

    /// The project in `dir` or the nearest directory above it, if any.
    pub fn find(dir: &Path) -> Result<Option<Project>, ProjectError> {
        let start = std::path::absolute(dir).map_err(|e| ProjectError::io(dir, e))?;
        for candidate in start.ancestors() {
            if candidate.join(CONFIG_FILE).is_file() {
                return Project::load(candidate).map(Some);
            }
        }
        Ok(None)
    }

    /// The directory of the committed text state.
    pub fn state_dir(&self) -> PathBuf {
        self.root.join(&self.config.state)
    }

    pub fn database_path(&self) -> PathBuf {
        self.root.join(&self.config.database)
    }

    fn content_root(&self) -> PathBuf {
        self.root.join(&self.config.content_dir)
    }

    /// The content directory of `lang` with `by-directory`, relative to
    /// the root: its entry in `content_dirs`, or `content_dir/LANG`.
    pub fn language_dir(&self, lang: &str) -> PathBuf {
        self.config.language_dir(lang)
    }

    /// The source postings, as paths relative to the project root, sorted.
    pub fn source_postings(&self) -> Result<Vec<PathBuf>, ProjectError> {
        self.postings(&self.config.source_language)
    }

    /// The postings of `lang` on disk, relative to the project root,
    /// sorted: the source language's are the sources tolkar manages, a
    /// target language's the localized postings there are, paired or not.
    /// Every command finds postings here, so that they all agree which
    /// exist: `include` and `exclude` apply within the language's
    /// directory, hidden entries are skipped, symbolic links not followed.
    pub fn postings(&self, lang: &str) -> Result<Vec<PathBuf>, ProjectError> {
        let (base, by_filename) = match self.config.layout {
            Layout::ByDirectory => (self.root.join(self.language_dir(lang)), false),
            Layout::ByFilename => (self.content_root(), true),
        };
        let is_source = lang == self.config.source_language;
        let mut files = Vec::new();
        walk(&base, &mut files)?;
        let mut postings: Vec<PathBuf> = files
            .into_iter()
            .filter(|path| {
                let within = path.strip_prefix(&base).unwrap_or(path);
                self.include.is_match(within) && !self.exclude.is_match(within)
            })
            .filter(|path| {
                !by_filename
                    || match self.filename_language(path) {
                        None => is_source,
                        Some(l) => l == lang,
                    }
            })
            .filter_map(|path| path.strip_prefix(&self.root).ok().map(Path::to_path_buf))
            .collect();
        postings.sort();
        Ok(postings)
    }

    /// The language suffix of `x.da.md`, if it is one of the project's.
    fn filename_language<'a>(&'a self, path: &Path) -> Option<&'a str> {
        let stem = path.file_stem()?.to_str()?;
        let (_, suffix) = stem.rsplit_once('.')?;
        std::iter::once(&self.config.source_language)
            .chain(&self.config.target_languages)
            .find(|l| l.as_str() == suffix)
            .map(String::as_str)
    }

    /// `localized_path` as reports and JSON show it: with `/`.
    /// Like `localized_display`, but where adopt found the translation at
    /// another path (`moved`, by source path), that path.
    pub fn localized_display_in(
        &self,
        source: &str,
        lang: &str,
        moved: &std::collections::HashMap<String, String>,
    ) -> String {
        moved
            .get(source)
            .cloned()
            .unwrap_or_else(|| self.localized_display(source, lang))
    }

    pub fn localized_display(&self, source: &str, lang: &str) -> String {
        self.localized_path(Path::new(source), lang)
            .to_string_lossy()
            .replace('\\', "/")
    }

    /// Where the `lang` version of a source posting goes (relative path).
    pub fn localized_path(&self, source: &Path, lang: &str) -> PathBuf {
        self.config.localized_path(source, lang)
    }

    /// Checks that `lang` is a target language of the project.
    /// The project's spelling of target language `lang` as someone typed
    /// it: the same code in any case, `_` or `-` (`NB`, `pt_BR`), or else
    /// the one target with the same primary language (`nb_NO` for `nb`).
    pub fn check_language(&self, lang: &str) -> Result<String, ProjectError> {
        let targets = &self.config.target_languages;
        crate::lang::spelling(targets, lang)
            .map(str::to_string)
            .ok_or_else(|| ProjectError::UnknownLanguage {
                lang: lang.to_string(),
                langs: targets.clone(),
            })
    }

    /// The target languages a command works on: one, or all.
    pub fn languages(&self, only: Option<&str>) -> Result<Vec<String>, ProjectError> {
        match only {
            Some(lang) => Ok(vec![self.check_language(lang)?]),
            None => Ok(self.config.target_languages.clone()),
        }
    }
}

fn config_error(path: &Path, at: Location, reason: &str) -> ProjectError {
    ProjectError::ConfigInvalid {
        path: path.to_path_buf(),
        at,
        reason: reason.to_string(),
    }
}

// Discovery and validation of the configuration (issue 13): where the
// project is, and everything `tolkar doctor` reports about tolkar.toml.

impl Project {
    /// The project whose tolkar.toml is in `start` or the nearest directory
    /// above it (as git finds its repository), its source directory checked.
    pub fn open(start: &Path) -> Result<Project, ProjectError> {
        let root = find_root(start)?.ok_or_else(|| ProjectError::ConfigNotFound {
            start: std::fs::canonicalize(start).unwrap_or_else(|_| start.to_path_buf()),
        })?;
        let project = Project::load(&root)?;
        project.check_source_dir()?;
        Ok(project)
    }

    /// Where the source postings are, relative to the root: the source
    /// language's directory, or with `by-filename` the content directory.
    pub fn source_dir(&self) -> PathBuf {
        match self.config.layout {
            Layout::ByDirectory => self.language_dir(&self.config.source_language),
            Layout::ByFilename => PathBuf::from(&self.config.content_dir),
        }
    }

    /// A missing source directory is a configuration error (a mistyped
    /// `source_language` would otherwise make sync remove every document);
    /// an existing but empty one is a project with nothing in it yet.
    pub fn check_source_dir(&self) -> Result<(), ProjectError> {
        let dir = self.source_dir();
        if self.root.join(&dir).is_dir() {
            return Ok(());
        }
        let config = config_path(&self.root);
        let text = std::fs::read_to_string(&config).unwrap_or_default();
        let source = self.config.source_language.as_str();
        let keys: &[&str] = match self.config.layout {
            Layout::ByFilename => &["content_dir"],
            Layout::ByDirectory if self.config.content_dirs.contains_key(source) => {
                &["content_dirs", source]
            }
            Layout::ByDirectory => &["source_language"],
        };
        let mut found = Vec::new();
        if let Ok(entries) = std::fs::read_dir(self.content_root()) {
            for entry in entries.flatten() {
                let name = entry.file_name().to_string_lossy().into_owned();
                if entry.path().is_dir() && !name.starts_with('.') {
                    found.push(name);
                }
            }
        }
        found.sort();
        Err(ProjectError::SourceDirMissing {
            config,
            line: key_line(&text, keys).unwrap_or(1),
            lang: source.to_string(),
            dir,
            found,
        })
    }
}

/// The tolkar.toml of the project at `root`, as messages name it: without
/// a leading `./` when the root is where tolkar was started.
pub fn config_path(root: &Path) -> PathBuf {
    shown(root, CONFIG_FILE)
}

/// `relative` (a path in the site) joined to `root` as messages show it:
/// without a leading `./` when the root is where tolkar was started.
pub fn shown(root: &Path, relative: &str) -> PathBuf {
    if root == Path::new(".") {
        PathBuf::from(relative)
    } else {
        root.join(relative)
    }
}

/// The directory of the nearest tolkar.toml at or above `start`, as a path
/// relative to `start` (`start`, `start/..`, …): paths joined to it stay
/// the short relative ones people typed. None up to the filesystem root.
pub fn find_root(start: &Path) -> Result<Option<PathBuf>, ProjectError> {
    // Physical parents: `..` from a directory reached through a symbolic
    // link is its real parent, and so are the ancestors of a canonical path.
    let absolute = std::fs::canonicalize(start).map_err(|e| ProjectError::io(start, e))?;
    let mut relative = start.to_path_buf();
    for candidate in absolute.ancestors() {
        if candidate.join(CONFIG_FILE).is_file() {
            return Ok(Some(relative));
        }
        relative = if relative == Path::new(".") {
            PathBuf::from("..")
        } else {
            relative.join("..")
        };
    }
    Ok(None)
}

/// Every problem of `config` that keeps build inside the site and off the
/// sources, each at its line of tolkar.toml (at `path`): a target that is
/// no language code (`is_language_code`), the source also a target, a
/// content or state directory outside the site.
pub fn config_problems(path: &Path, config: &Config) -> Vec<ProjectError> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let at = |keys: &[&str]| Location {
        line: key_line(&text, keys).unwrap_or(1),
        column: 1,
    };
    let mut problems = Vec::new();
    for lang in &config.target_languages {
        if !is_language_code(lang) {
            problems.push(config_error(
                path,
                at(&["target_languages"]),
                &format!(
                    "{lang:?} is no language code (letters, digits, - and _, such as en, pt-br, zh-Hant)"
                ),
            ));
        }
    }
    if config
        .target_languages
        .iter()
        .any(|t| t.eq_ignore_ascii_case(&config.source_language))
    {
        problems.push(config_error(
            path,
            at(&["target_languages"]),
            &format!(
                "the source language {} is also a target: build would write over the sources",
                config.source_language
            ),
        ));
    }
    let dirs = [
        (vec!["content_dir"], "content_dir", &config.content_dir),
        (vec!["state"], "state", &config.state),
    ]
    .into_iter()
    .chain(
        config
            .content_dirs
            .iter()
            .map(|(lang, dir)| (vec!["content_dirs", lang.as_str()], lang.as_str(), dir)),
    );
    for (keys, key, dir) in dirs {
        if !is_inside(dir) {
            problems.push(config_error(
                path,
                at(&keys),
                &format!("{key} = {dir:?} is not a directory inside the site"),
            ));
        }
    }
    problems
}

/// The BCP 47 form of a language code (`pt_br` → `pt-BR`, `NB` → `nb`), or
/// None if it is not a well-formed tag (Hugo takes it all the same).
pub fn bcp47(code: &str) -> Option<String> {
    code.replace('_', "-")
        .parse::<unic_langid::LanguageIdentifier>()
        .ok()
        .map(|tag| tag.to_string())
}

/// The line of the key at `keys` (a table path, then the key) in TOML
/// `text`, if the text parses and has it.
pub fn key_line(text: &str, keys: &[&str]) -> Option<usize> {
    let document = toml_edit::Document::parse(text).ok()?;
    let (last, tables) = keys.split_last()?;
    let mut table: &dyn toml_edit::TableLike = document.as_table();
    for key in tables {
        table = table.get(key)?.as_table_like()?;
    }
    let (key, _) = table.get_key_value(last)?;
    Some(Location::of(text, key.span()?.start).line)
}

/// Every file under `dir`, skipping hidden entries; a missing dir is empty.
pub(crate) fn walk(dir: &Path, files: &mut Vec<PathBuf>) -> Result<(), ProjectError> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(ProjectError::io(dir, e)),
    };
    for entry in entries {
        let entry = entry.map_err(|e| ProjectError::io(dir, e))?;
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        let kind = entry.file_type().map_err(|e| ProjectError::io(&path, e))?;
        if kind.is_dir() {
            walk(&path, files)?;
        } else if kind.is_file() {
            files.push(path);
        }
    }
    Ok(())
}

/// Reads a posting, refusing directories and binary files.
pub fn read_posting_bytes(path: &Path) -> Result<Vec<u8>, ProjectError> {
    crate::unreadable::read_posting_bytes(path).map_err(|error| ProjectError::Read {
        path: path.to_path_buf(),
        error,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn project(layout: Layout) -> Project {
        let dir = tempfile::tempdir().unwrap();
        let mut config = Config::new("sv", &["da".into(), "en".into()], layout);
        config.exclude = vec!["drafts/**".into()];
        std::fs::write(
            dir.path().join(CONFIG_FILE),
            toml_edit::ser::to_string_pretty(&config).unwrap(),
        )
        .unwrap();
        let project = Project::load(dir.path()).unwrap();
        std::mem::forget(dir);
        project
    }

    #[test]
    fn localized_paths_follow_the_layout() {
        let p = project(Layout::ByDirectory);
        assert_eq!(
            p.localized_path(Path::new("content/sv/career/x.md"), "da"),
            Path::new("content/da/career/x.md")
        );
        let p = project(Layout::ByFilename);
        assert_eq!(
            p.localized_path(Path::new("content/career/x.md"), "da"),
            Path::new("content/career/x.da.md")
        );
        assert_eq!(
            p.localized_path(Path::new("content/x.sv.md"), "en"),
            Path::new("content/x.en.md")
        );
    }

    #[test]
    fn content_dirs_override_the_language_directories() {
        let dir = tempfile::tempdir().unwrap();
        let mut config = Config::new("sv", &["da".into(), "en".into()], Layout::ByDirectory);
        config
            .content_dirs
            .insert("sv".into(), "content/svenska".into());
        config.content_dirs.insert("da".into(), "danish".into());
        let text = toml_edit::ser::to_string_pretty(&config).unwrap();
        assert!(text.contains("[content_dirs]"), "{text}");
        let loaded: Config = toml_edit::de::from_str(&text).unwrap();
        assert_eq!(loaded, config, "the map survives a round trip");
        let p = Project::new(dir.path(), config).unwrap();
        for file in [
            "content/svenska/career/x.md",
            "content/sv/not-a-source.md",
            "danish/career/x.md",
        ] {
            let path = p.root.join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "x").unwrap();
        }
        assert_eq!(
            p.source_postings().unwrap(),
            [PathBuf::from("content/svenska/career/x.md")]
        );
        let source = Path::new("content/svenska/career/x.md");
        assert_eq!(
            p.localized_path(source, "da"),
            Path::new("danish/career/x.md")
        );
        assert_eq!(
            p.localized_path(source, "en"),
            Path::new("content/en/career/x.md"),
            "a language without an entry keeps content_dir/LANG"
        );
    }

    #[test]
    fn content_dirs_is_not_written_when_empty_and_typos_are_refused() {
        let config = Config::new("sv", &["da".into()], Layout::ByDirectory);
        let text = toml_edit::ser::to_string_pretty(&config).unwrap();
        assert!(!text.contains("content_dirs"), "{text}");
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(CONFIG_FILE),
            "source_language = \"sv\"\ntarget_languages = [\"da\"]\n[content_dir]\nsv = \"x\"\n",
        )
        .unwrap();
        assert!(Project::load(dir.path()).is_err());
    }

    #[test]
    fn finds_sources_by_layout_and_globs() {
        let p = project(Layout::ByFilename);
        for file in [
            "content/a.md",
            "content/a.da.md",
            "content/b.sv.md",
            "content/drafts/c.md",
            "content/x.txt",
        ] {
            let path = p.root.join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "x").unwrap();
        }
        let found = p.source_postings().unwrap();
        assert_eq!(
            found,
            [
                PathBuf::from("content/a.md"),
                PathBuf::from("content/b.sv.md")
            ]
        );
    }

    #[test]
    fn config_errors_have_a_location() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(CONFIG_FILE),
            "source_language = \"sv\"\ntarget_languages = [\"da\"]\nbogus = 1\n",
        )
        .unwrap();
        let err = Project::load(dir.path()).err().unwrap();
        assert_eq!(err.message().id, "error-config-invalid");
    }
}
