//! Reads what `tolkar init` needs from a Hugo site's configuration: the
//! default content language, the languages with their weights and content
//! directories, and the content mounts.
//!
//! Hugo reads one root file (`hugo.toml`, then `hugo.yaml`, `hugo.yml`,
//! `hugo.json`, then the same for `config.*`; the first found) and the
//! directory `config/_default/`, where `hugo.*`/`config.*` hold the whole
//! configuration, `languages.*` the languages (its top-level keys are
//! language codes) and `module.*` the module settings. Keys are
//! case-insensitive (`defaultContentLanguage` is `defaultcontentlanguage`).
//! Each file is read on its own and the values merged afterwards, so every
//! value remembers the file and key it came from: `init` writes that into
//! `tolkar.toml` as a comment.

use std::fmt;
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use crate::posting::Location;

/// The root configuration files, in the order Hugo looks for them.
const ROOT_FILES: [&str; 8] = [
    "hugo.toml",
    "hugo.yaml",
    "hugo.yml",
    "hugo.json",
    "config.toml",
    "config.yaml",
    "config.yml",
    "config.json",
];

const EXTENSIONS: [&str; 4] = ["toml", "yaml", "yml", "json"];

/// A configuration file that does not parse.
#[derive(Debug, thiserror::Error)]
#[error("{}:{}:{}: {reason}", path.display(), at.line, at.column)]
pub struct ConfigError {
    pub path: PathBuf,
    pub at: Location,
    pub reason: String,
}

/// Where a value came from: the file (relative to the site root), the key
/// as written there, and the value as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub file: String,
    pub key: String,
    pub value: String,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {} = {}", self.file, self.key, self.value)
    }
}

/// A value and the place that set it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Setting {
    pub value: String,
    pub origin: Origin,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Language {
    pub code: String,
    /// Hugo's `weight`: languages sort by it, then by code. 0 if unset.
    pub weight: i64,
    /// The language's own `contentDir`, if set.
    pub content_dir: Option<Setting>,
    /// The file that declares the language.
    pub file: String,
}

/// One entry of `[[module.mounts]]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mount {
    pub source: String,
    pub target: String,
    /// The languages this mount is for, lowercased; empty for all.
    pub langs: Vec<String>,
    /// The key that names them, as written: `lang`, or
    /// `sites.matrix.languages` (newer Hugo versions); empty if none.
    pub langs_key: String,
    pub file: String,
}

/// What tolkar needs of a Hugo configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HugoConfig {
    /// The files read, relative to the site root, the strongest first.
    pub files: Vec<String>,
    /// `defaultContentLanguage`; `None` means Hugo's default, `en`.
    pub default_language: Option<Setting>,
    /// The top-level `contentDir`; `None` means `content`.
    pub content_dir: Option<Setting>,
    /// Sorted by weight, then code.
    pub languages: Vec<Language>,
    /// The mounts of the strongest file that has any (Hugo does not merge
    /// lists).
    pub mounts: Vec<Mount>,
    /// Things that look like mistakes in the configuration, for people.
    pub notes: Vec<String>,
}

impl HugoConfig {
    /// The default content language: as configured, or Hugo's `en`.
    pub fn default_language(&self) -> &str {
        self.default_language.as_ref().map_or("en", |s| &s.value)
    }

    /// The top-level content directory, without a trailing `/`.
    pub fn content_dir(&self) -> &str {
        self.content_dir
            .as_ref()
            .map_or("content", |s| s.value.trim_end_matches('/'))
    }
}

/// Reads the Hugo configuration of the site at `root`; `None` if it has
/// none.
pub fn read(root: &Path) -> Result<Option<HugoConfig>, ConfigError> {
    let mut files = Vec::new();
    for name in file_names(root) {
        let path = root.join(&name);
        let text = std::fs::read_to_string(&path).map_err(|e| ConfigError {
            path: path.clone(),
            at: Location { line: 1, column: 1 },
            reason: e.to_string(),
        })?;
        files.push((name, text));
    }
    from_texts(root, &files)
}

/// The configuration files of the site at `root` that exist, relative to
/// it, the strongest first: the root file, then `config/_default/`.
fn file_names(root: &Path) -> Vec<String> {
    let mut names: Vec<String> = ROOT_FILES
        .iter()
        .find(|f| root.join(f).is_file())
        .map(|f| f.to_string())
        .into_iter()
        .collect();
    for stem in ["hugo", "config", "languages", "module"] {
        for ext in EXTENSIONS {
            let name = format!("config/_default/{stem}.{ext}");
            if root.join(&name).is_file() {
                names.push(name);
            }
        }
    }
    names
}

/// The Hugo configuration that `files` make, the strongest first: each
/// one's name relative to the site at `root` (`hugo.toml`,
/// `config/_default/languages.yaml`) and its text. What `read` does once
/// it has read them; public so that tests and the fuzzer reach it without
/// a site on disk.
pub fn from_texts(
    root: &Path,
    files: &[(String, String)],
) -> Result<Option<HugoConfig>, ConfigError> {
    let mut parts: Vec<(String, Value)> = Vec::new();
    for (name, text) in files {
        let value = parse(&root.join(name), text)?;
        // `config/_default/languages.toml` holds what `[languages]` would.
        let name_path = Path::new(name);
        let wrap = name_path
            .parent()
            .is_some_and(|p| p == Path::new("config/_default"))
            .then(|| name_path.file_stem().and_then(|s| s.to_str()))
            .flatten()
            .filter(|stem| matches!(*stem, "languages" | "module"));
        let value = match wrap {
            Some(key) => {
                let mut map = Map::new();
                map.insert(key.to_string(), value);
                Value::Object(map)
            }
            None => value,
        };
        parts.push((name.clone(), value));
    }
    if parts.is_empty() {
        return Ok(None);
    }
    Ok(Some(merge(&parts)))
}

/// A parser's message without the position it appends (` at line 2
/// column 3`), which the error already names.
fn without_position(message: &str) -> String {
    match message
        .rfind(" at line ")
        .and_then(|at| message.split_at_checked(at))
    {
        Some((before, position)) if position.contains(" column ") => before.to_string(),
        _ => message.to_string(),
    }
}

/// Parses one configuration file by its extension.
pub fn parse(path: &Path, text: &str) -> Result<Value, ConfigError> {
    let error = |at: Location, reason: String| ConfigError {
        path: path.to_path_buf(),
        at,
        reason,
    };
    let value: Value = match path.extension().and_then(|e| e.to_str()) {
        Some("toml") => toml_edit::de::from_str(text).map_err(|e| {
            let at = Location::of(text, e.span().map_or(0, |s| s.start));
            error(at, e.message().trim().to_string())
        })?,
        Some("yaml" | "yml") => {
            if text.trim().is_empty() {
                Value::Object(Map::new())
            } else {
                serde_yaml::from_str(text).map_err(|e| {
                    let at = e
                        .location()
                        .map_or(Location { line: 1, column: 1 }, |l| Location {
                            line: l.line(),
                            column: l.column(),
                        });
                    error(at, without_position(&e.to_string()))
                })?
            }
        }
        _ => serde_json::from_str(text).map_err(|e| {
            let at = Location {
                line: e.line().max(1),
                column: e.column().max(1),
            };
            error(at, without_position(&e.to_string()))
        })?,
    };
    match value {
        Value::Object(_) => Ok(value),
        Value::Null => Ok(Value::Object(Map::new())),
        _ => Err(error(
            Location { line: 1, column: 1 },
            "the configuration is not a table of keys".into(),
        )),
    }
}

/// The entry of `map` whose key equals `key` regardless of case, with the
/// key as written.
fn get<'a>(map: &'a Map<String, Value>, key: &str) -> Option<(&'a str, &'a Value)> {
    map.iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(key))
        .map(|(k, v)| (k.as_str(), v))
}

/// A value as the comment in `tolkar.toml` shows it.
fn shown(value: &Value) -> String {
    match value {
        Value::String(s) => format!("'{s}'"),
        other => other.to_string(),
    }
}

/// A string value as a setting; an empty one is no setting (Hugo takes
/// its default then).
fn string_setting(file: &str, key: &str, value: &Value) -> Option<Setting> {
    value
        .as_str()
        .filter(|s| !s.trim().is_empty())
        .map(|s| Setting {
            value: s.to_string(),
            origin: Origin {
                file: file.to_string(),
                key: key.to_string(),
                value: shown(value),
            },
        })
}

/// Merges the files, the strongest first: the first file that sets a value
/// wins; languages are merged key by key; mounts come whole from one file.
fn merge(parts: &[(String, Value)]) -> HugoConfig {
    let mut config = HugoConfig {
        files: parts.iter().map(|(f, _)| f.clone()).collect(),
        default_language: None,
        content_dir: None,
        languages: Vec::new(),
        mounts: Vec::new(),
        notes: Vec::new(),
    };
    let mut mounts_found = false;
    for (file, value) in parts {
        let Some(map) = value.as_object() else {
            continue;
        };
        if config.default_language.is_none() {
            config.default_language =
                get(map, "defaultContentLanguage").and_then(|(k, v)| string_setting(file, k, v));
        }
        if config.content_dir.is_none() {
            config.content_dir =
                get(map, "contentDir").and_then(|(k, v)| string_setting(file, k, v));
        }
        if let Some((languages_key, Value::Object(languages))) = get(map, "languages") {
            for (code, settings) in languages {
                let index = match config
                    .languages
                    .iter()
                    .position(|l| l.code.eq_ignore_ascii_case(code))
                {
                    Some(index) => index,
                    None => {
                        // Hugo lowercases language codes.
                        config.languages.push(Language {
                            code: code.to_lowercase(),
                            weight: 0,
                            content_dir: None,
                            file: file.clone(),
                        });
                        config.languages.len() - 1
                    }
                };
                let (Some(language), Some(settings)) =
                    (config.languages.get_mut(index), settings.as_object())
                else {
                    continue;
                };
                if language.weight == 0 {
                    language.weight = get(settings, "weight")
                        .and_then(|(_, w)| w.as_i64())
                        .unwrap_or(0);
                }
                if language.content_dir.is_none() {
                    language.content_dir = get(settings, "contentDir").and_then(|(k, v)| {
                        string_setting(file, &format!("{languages_key}.{code}.{k}"), v)
                    });
                }
            }
        }
        if !mounts_found
            && let Some((_, Value::Object(module))) = get(map, "module")
            && let Some((_, Value::Array(mounts))) = get(module, "mounts")
        {
            mounts_found = true;
            config.mounts = mounts.iter().filter_map(|m| mount(file, m)).collect();
        }
    }
    if config.default_language.is_none() {
        misplaced_default_language(parts, &mut config);
    }
    // Hugo lowercases language codes, this one too.
    if let Some(setting) = &mut config.default_language {
        setting.value = setting.value.to_lowercase();
    }
    // Disabled languages are not built by Hugo: not translated either.
    let mut disabled: Vec<String> = Vec::new();
    for (_, value) in parts {
        let Some(map) = value.as_object() else {
            continue;
        };
        if let Some((_, Value::Array(codes))) = get(map, "disableLanguages") {
            disabled.extend(
                codes
                    .iter()
                    .filter_map(|c| c.as_str())
                    .map(str::to_lowercase),
            );
        }
        if let Some((_, Value::Object(languages))) = get(map, "languages") {
            for (code, settings) in languages {
                if let Some(settings) = settings.as_object()
                    && get(settings, "disabled").is_some_and(|(_, v)| v.as_bool() == Some(true))
                {
                    disabled.push(code.to_lowercase());
                }
            }
        }
    }
    if !disabled.is_empty() {
        config.languages.retain(|l| !disabled.contains(&l.code));
        disabled.sort();
        disabled.dedup();
        config.notes.push(format!(
            "disabled in the Hugo configuration, not translated: {}",
            disabled.join(", ")
        ));
    }
    config
        .languages
        .sort_by(|a, b| a.weight.cmp(&b.weight).then_with(|| a.code.cmp(&b.code)));
    config
}

/// `defaultContentLanguage` written after a TOML table header belongs to
/// that table (`[pagination]`), where Hugo does not look; it is easy to do
/// and clearly meant for the top level. Taken as meant, with a note.
fn misplaced_default_language(parts: &[(String, Value)], config: &mut HugoConfig) {
    for (file, value) in parts {
        let Some(map) = value.as_object() else {
            continue;
        };
        for (table, nested) in map {
            let Some(nested) = nested.as_object() else {
                continue;
            };
            if let Some(setting) = get(nested, "defaultContentLanguage")
                .and_then(|(k, v)| string_setting(file, &format!("{table}.{k}"), v))
            {
                config.notes.push(format!(
                    "{file}: defaultContentLanguage = '{}' is inside [{table}], not at the top level (a key after a table header belongs to that table), so Hugo does not see it and uses en; init takes it as meant. Move it above [{table}].",
                    setting.value
                ));
                config.default_language = Some(setting);
                return;
            }
        }
    }
}

fn mount(file: &str, value: &Value) -> Option<Mount> {
    let map = value.as_object()?;
    let text = |key: &str| get(map, key).and_then(|(_, v)| v.as_str()).map(clean);
    // Hugo lowercases language codes; these are compared with them.
    let codes = |value: &Value| match value {
        Value::String(lang) if !lang.is_empty() => vec![lang.to_lowercase()],
        Value::Array(langs) => langs
            .iter()
            .filter_map(|l| l.as_str().map(str::to_lowercase))
            .collect(),
        _ => Vec::new(),
    };
    let (langs, langs_key) = if let Some((key, value)) = get(map, "lang") {
        (codes(value), key.to_string())
    } else if let Some((sites, Value::Object(inner))) = get(map, "sites")
        && let Some((matrix, Value::Object(inner))) = get(inner, "matrix")
        && let Some((languages, value)) = get(inner, "languages")
    {
        (codes(value), format!("{sites}.{matrix}.{languages}"))
    } else {
        (Vec::new(), String::new())
    };
    // A pattern (`**`) may match every language: taken as all of them.
    let langs = if langs.iter().any(|l| l.contains(['*', '?', '[', '{'])) {
        Vec::new()
    } else {
        langs
    };
    Some(Mount {
        source: text("source")?,
        target: text("target")?,
        langs,
        langs_key,
        file: file.to_string(),
    })
}

/// A path as written in a mount, without `./` in front or `/` behind.
fn clean(path: &str) -> String {
    path.trim_start_matches("./")
        .trim_end_matches('/')
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(files: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in files {
            let path = dir.path().join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        dir
    }

    #[test]
    fn no_configuration_is_none() {
        let dir = site(&[("content/x.md", "x")]);
        assert_eq!(read(dir.path()).unwrap(), None);
    }

    #[test]
    fn disabled_languages_are_left_out_and_codes_lowercased() {
        let config = merge(&[(
            "hugo.toml".into(),
            serde_json::json!({
                "defaultContentLanguage": "SV",
                "disableLanguages": ["de"],
                "languages": {
                    "SV": {"weight": 1},
                    "EN": {"weight": 2},
                    "de": {"weight": 3},
                    "fr": {"weight": 4, "disabled": true}
                }
            }),
        )]);
        let codes: Vec<&str> = config.languages.iter().map(|l| l.code.as_str()).collect();
        assert_eq!(codes, ["sv", "en"]);
        assert_eq!(config.default_language(), "sv");
        assert!(
            config.notes.iter().any(|n| n.contains("de, fr")),
            "{:?}",
            config.notes
        );
    }

    #[test]
    fn keys_are_case_insensitive_and_languages_sort_by_weight() {
        let dir = site(&[(
            "hugo.toml",
            "DefaultContentLanguage = 'sv'\n[languages.nb]\nweight = 3\n[languages.sv]\nWeight = 1\ncontentdir = 'content/svenska'\n[languages.da]\nweight = 3\n",
        )]);
        let config = read(dir.path()).unwrap().unwrap();
        assert_eq!(config.default_language(), "sv");
        let origin = config.default_language.as_ref().unwrap().origin.to_string();
        assert_eq!(origin, "hugo.toml: DefaultContentLanguage = 'sv'");
        let codes: Vec<_> = config.languages.iter().map(|l| l.code.as_str()).collect();
        assert_eq!(codes, ["sv", "da", "nb"]);
        let dir_setting = config.languages[0].content_dir.as_ref().unwrap();
        assert_eq!(dir_setting.value, "content/svenska");
        assert_eq!(dir_setting.origin.key, "languages.sv.contentdir");
    }

    #[test]
    fn a_default_language_inside_a_table_is_taken_with_a_note() {
        let dir = site(&[(
            "hugo.toml",
            "title = 'x'\n[pagination]\npagerSize = 10\n\ndefaultContentLanguage = 'sv'\n",
        )]);
        let config = read(dir.path()).unwrap().unwrap();
        assert_eq!(config.default_language(), "sv");
        assert_eq!(
            config.default_language.unwrap().origin.key,
            "pagination.defaultContentLanguage"
        );
        assert!(
            config.notes[0].contains("inside [pagination]"),
            "{:?}",
            config.notes
        );
    }

    #[test]
    fn the_root_file_is_the_first_found_in_hugo_order() {
        let dir = site(&[
            ("config.toml", "defaultContentLanguage = 'da'\n"),
            ("hugo.yaml", "defaultContentLanguage: nb\n"),
        ]);
        let config = read(dir.path()).unwrap().unwrap();
        assert_eq!(config.default_language(), "nb");
        assert_eq!(config.files, ["hugo.yaml"]);
    }

    #[test]
    fn config_default_languages_and_module_files_merge() {
        let dir = site(&[
            (
                "config/_default/hugo.toml",
                "defaultContentLanguage = 'sv'\n",
            ),
            (
                "config/_default/languages.toml",
                "[sv]\nweight = 1\n[en]\nweight = 2\ncontentDir = 'content/english'\n",
            ),
            (
                "config/_default/module.yaml",
                "mounts:\n  - source: content/svenska\n    target: content\n    lang: sv\n",
            ),
        ]);
        let config = read(dir.path()).unwrap().unwrap();
        assert_eq!(config.default_language(), "sv");
        assert_eq!(config.languages.len(), 2);
        assert_eq!(
            config.languages[1]
                .content_dir
                .as_ref()
                .unwrap()
                .origin
                .file,
            "config/_default/languages.toml"
        );
        assert_eq!(
            config.mounts,
            [Mount {
                source: "content/svenska".into(),
                target: "content".into(),
                langs: vec!["sv".into()],
                langs_key: "lang".into(),
                file: "config/_default/module.yaml".into(),
            }]
        );
    }

    #[test]
    fn the_root_file_wins_over_config_default() {
        let dir = site(&[
            ("hugo.json", "{\"defaultContentLanguage\": \"da\"}"),
            (
                "config/_default/hugo.toml",
                "defaultContentLanguage = 'sv'\ncontentDir = 'src'\n",
            ),
        ]);
        let config = read(dir.path()).unwrap().unwrap();
        assert_eq!(config.default_language(), "da");
        assert_eq!(config.content_dir(), "src", "what the root file lacks");
    }

    #[test]
    fn texts_are_read_as_files_of_those_names() {
        let files = [
            (
                "hugo.toml",
                "defaultContentLanguage = ''\ncontentDir = ''\n",
            ),
            (
                "config/_default/languages.yaml",
                "sv:\n  weight: 2\n  contentDir: innehåll/sv\nen:\n  weight: 1\n",
            ),
        ]
        .map(|(n, t)| (n.to_string(), t.to_string()));
        let config = from_texts(Path::new("site"), &files).unwrap().unwrap();
        assert_eq!(config.default_language(), "en", "empty is Hugo's default");
        assert_eq!(config.content_dir(), "content", "empty is Hugo's default");
        let codes: Vec<&str> = config.languages.iter().map(|l| l.code.as_str()).collect();
        assert_eq!(codes, ["en", "sv"]);
        assert_eq!(
            config.languages[1].content_dir.as_ref().unwrap().value,
            "innehåll/sv"
        );
        assert_eq!(from_texts(Path::new("site"), &[]).unwrap(), None);
        let broken = [("hugo.json".to_string(), "{\"a\": ö}".to_string())];
        let err = from_texts(Path::new("site"), &broken).unwrap_err();
        assert_eq!(err.path, Path::new("site/hugo.json"));
    }

    #[test]
    fn errors_name_the_file_line_and_column() {
        for (name, text, line) in [
            ("hugo.toml", "title = 'x'\nlanguages = [\n", 2),
            ("hugo.yaml", "title: x\nlanguages:\n  sv: [\n", 4),
            ("hugo.json", "{\n  \"title\": x\n}", 2),
        ] {
            let dir = site(&[(name, text)]);
            let err = read(dir.path()).unwrap_err();
            assert!(err.path.ends_with(name), "{err}");
            assert_eq!(err.at.line, line, "{name}: {err}");
        }
    }
}
