//! The languages of a site and where their postings are: from the command
//! line first, then the Hugo configuration, then what the content
//! directory holds.
//!
//! A language's content directory is, in Hugo's order, a mount of its own
//! (`[[module.mounts]]` with `target = "content"` and its `lang`), its
//! `contentDir`, or the site's one `contentDir`. When every language has
//! its own, postings are placed by directory; when they share one, the
//! files say it: `x.da.md` beside `x.md` is by filename. A directory
//! mounted for several languages holds pages they share, so it is excluded
//! (a mounted file, that file). A language without a directory of its own
//! gets the site's `contentDir`, as in Hugo, unless other languages'
//! directories are inside it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::InitError;
use super::config::{HugoConfig, Mount};
use super::{Decided, Overrides};
use crate::project::{Layout, walk};

#[derive(Debug, Clone)]
pub struct Site {
    /// The Hugo configuration files read, the strongest first.
    pub hugo_files: Vec<String>,
    pub source: Decided<String>,
    pub targets: Decided<Vec<String>>,
    pub layout: Decided<Layout>,
    pub content_dir: Decided<String>,
    /// Languages whose directory is not `content_dir/LANG`.
    pub content_dirs: BTreeMap<String, Decided<String>>,
    pub exclude: Vec<Decided<String>>,
    /// Where a language's directory came from, for every language that has
    /// one in the Hugo configuration.
    pub language_dirs: BTreeMap<String, Decided<String>>,
    /// What could not be decided, for people to look at.
    pub undecided: Vec<String>,
}

pub fn decide(
    root: &Path,
    hugo: Option<&HugoConfig>,
    overrides: &Overrides,
) -> Result<Site, InitError> {
    let mut undecided: Vec<String> = hugo.map(|h| h.notes.clone()).unwrap_or_default();
    let first_file = hugo
        .and_then(|h| h.files.first().cloned())
        .unwrap_or_default();
    let source = match (&overrides.source, hugo) {
        (Some(source), _) => Decided::new(source.clone(), "from --source"),
        (None, Some(h)) => match &h.default_language {
            Some(setting) => {
                Decided::new(setting.value.clone(), format!("from {}", setting.origin))
            }
            None => Decided::new(
                "en".to_string(),
                format!("{first_file} does not set defaultContentLanguage: Hugo's default"),
            ),
        },
        (None, None) => Decided::new("en".to_string(), "no Hugo configuration: the default"),
    };
    let targets = match (&overrides.targets, hugo) {
        (Some(targets), _) => Decided::new(targets.clone(), "from --targets"),
        (None, Some(h)) => {
            let weights: Vec<String> = h
                .languages
                .iter()
                .map(|l| format!("{} {}", l.code, l.weight))
                .collect();
            let targets: Vec<String> = h
                .languages
                .iter()
                .map(|l| l.code.clone())
                .filter(|c| !c.eq_ignore_ascii_case(&source.value))
                .collect();
            let file = h
                .languages
                .first()
                .map_or(first_file.clone(), |l| l.file.clone());
            Decided::new(
                targets,
                format!(
                    "from {file}: the languages by weight ({}), less the source",
                    weights.join(", ")
                ),
            )
        }
        (None, None) => Decided::new(Vec::new(), String::new()),
    };
    if targets.value.is_empty() {
        return Err(InitError::NoTargets {
            dir: root.to_path_buf(),
            source_language: source.value.clone(),
        });
    }
    if let Some(h) = hugo
        && !h.languages.is_empty()
        && !h
            .languages
            .iter()
            .any(|l| l.code.eq_ignore_ascii_case(&source.value))
    {
        undecided.push(format!(
            "the source language {} is not among the languages of {first_file}",
            source.value
        ));
    }

    let configured = hugo.map_or("content", HugoConfig::content_dir);
    let hugo_content = inside(root, configured).unwrap_or_else(|| {
        undecided.push(format!(
            "the site's contentDir is outside the site ({configured}); tolkar reads postings inside it only, and looks in content"
        ));
        "content".to_string()
    });
    let mut languages = vec![source.value.clone()];
    languages.extend(targets.value.iter().cloned());
    let (mut language_dirs, exclude) = match hugo {
        Some(h) => directories(root, h, &languages, &mut undecided),
        None => (BTreeMap::new(), Vec::new()),
    };
    // Hugo reads the site's contentDir for a language that has none of its
    // own (the glossary: `contentDir = "content/en"` at the top, one per
    // other language). Not if other languages' directories are inside it:
    // then it holds theirs too, and Hugo would read those as this one's.
    let lacking: Vec<&String> = languages
        .iter()
        .filter(|l| !language_dirs.contains_key(*l))
        .collect();
    if let [lang] = lacking.as_slice()
        && !language_dirs.is_empty()
        && !language_dirs
            .values()
            .any(|d| Path::new(&d.value).starts_with(&hugo_content))
    {
        let why = content_why(&hugo_content, hugo).why;
        language_dirs.insert(
            lang.to_string(),
            Decided::new(
                hugo_content.clone(),
                format!("{why}, which Hugo reads for a language without a contentDir of its own"),
            ),
        );
    }

    let with_dirs = languages
        .iter()
        .filter(|l| language_dirs.contains_key(*l))
        .count();
    let distinct = {
        let mut dirs: Vec<&String> = language_dirs.values().map(|d| &d.value).collect();
        dirs.sort();
        dirs.dedup();
        dirs.len() == language_dirs.len()
    };
    let mut without_dir: Vec<&String> = Vec::new();
    let layout = if let Some(layout) = overrides.layout {
        Decided::new(layout, "from --layout")
    } else if with_dirs > 0 && distinct {
        let why = if with_dirs == languages.len() {
            "every language has its own content directory in the Hugo configuration".to_string()
        } else {
            without_dir = languages
                .iter()
                .filter(|l| !language_dirs.contains_key(*l))
                .collect();
            "some languages have their own content directory in the Hugo configuration".to_string()
        };
        Decided::new(Layout::ByDirectory, why)
    } else {
        let shared = language_dirs
            .values()
            .next()
            .map_or(hugo_content.clone(), |d| d.value.clone());
        by_files(root, &shared, &source.value, &targets.value, hugo.is_some())?
    };

    let (content_dir, content_dirs) = match layout.value {
        Layout::ByDirectory => place_directories(&language_dirs, &hugo_content, hugo),
        Layout::ByFilename => {
            let dir = language_dirs
                .values()
                .next()
                .cloned()
                .unwrap_or_else(|| content_why(&hugo_content, hugo));
            (dir, BTreeMap::new())
        }
    };
    for lang in without_dir {
        let dir = Path::new(&content_dir.value).join(lang);
        undecided.push(format!(
            "the Hugo configuration gives {lang} no content directory of its own; tolkar uses {}",
            dir.to_string_lossy().replace('\\', "/")
        ));
    }
    Ok(Site {
        hugo_files: hugo.map(|h| h.files.clone()).unwrap_or_default(),
        source,
        targets,
        layout,
        content_dir,
        content_dirs,
        exclude,
        language_dirs,
        undecided,
    })
}

fn content_why(dir: &str, hugo: Option<&HugoConfig>) -> Decided<String> {
    match hugo.and_then(|h| h.content_dir.as_ref()) {
        Some(setting) => Decided::new(dir.to_string(), format!("from {}", setting.origin)),
        None => Decided::new(dir.to_string(), "Hugo's default contentDir"),
    }
}

/// Each language's own content directory, and the shared mounts to
/// exclude.
fn directories(
    root: &Path,
    hugo: &HugoConfig,
    languages: &[String],
    undecided: &mut Vec<String>,
) -> (BTreeMap<String, Decided<String>>, Vec<Decided<String>>) {
    let mut dirs = BTreeMap::new();
    let content_mounts: Vec<&Mount> = hugo
        .mounts
        .iter()
        .filter(|m| m.target == "content" || m.target.starts_with("content/"))
        .collect();
    // A mount for one language. The same source may be mounted for others
    // too, to fill their gaps (Hugo's own example mounts content/en for en,
    // then again for de and nl): a source mounted for one language only is
    // that language's first, whatever the order.
    let own: Vec<(&String, &Mount)> = content_mounts
        .iter()
        .filter_map(|m| match (m.target.as_str(), m.langs.as_slice()) {
            ("content", [lang]) => Some((lang, *m)),
            _ => None,
        })
        .collect();
    let shared_source = |source: &str| own.iter().filter(|(_, m)| m.source == source).count() > 1;
    for only_theirs in [true, false] {
        for (lang, mount) in &own {
            if only_theirs == shared_source(&mount.source) {
                continue;
            }
            dirs.entry(lang.to_string()).or_insert_with(|| {
                Decided::new(
                    mount.source.clone(),
                    format!(
                        "from {}: [[module.mounts]] source = '{}', target = 'content', {} = '{lang}'",
                        mount.file, mount.source, mount.langs_key
                    ),
                )
            });
        }
    }
    for language in &hugo.languages {
        if let Some(setting) = &language.content_dir
            && !dirs.contains_key(&language.code)
        {
            let Some(value) = inside(root, &setting.value) else {
                undecided.push(format!(
                    "{}: the content directory of {} is outside the site ({}); tolkar reads postings inside it only",
                    setting.origin, language.code, setting.value
                ));
                continue;
            };
            dirs.insert(
                language.code.clone(),
                Decided::new(value, format!("from {}", setting.origin)),
            );
        }
    }
    // Docsy mounts content/en for en and fr, and content/fr for fr alone:
    // pages fr lacks fall back to English. A directory mounted for several
    // languages of which only one has none of its own is that one's.
    for mount in content_mounts.iter().filter(|m| m.target == "content") {
        let for_langs: Vec<&String> = if mount.langs.is_empty() {
            hugo.languages.iter().map(|l| &l.code).collect()
        } else {
            mount.langs.iter().collect()
        };
        let lacking: Vec<&&String> = for_langs
            .iter()
            .filter(|l| !dirs.contains_key(l.as_str()))
            .collect();
        if let [lang] = lacking.as_slice()
            && for_langs.len() > 1
            && !dirs.values().any(|d| d.value == mount.source)
        {
            dirs.insert(
                lang.to_string(),
                Decided::new(
                    mount.source.clone(),
                    format!(
                        "from {}: [[module.mounts]] source = '{}', target = 'content' for {}: the others have directories of their own, so it is {lang}'s (and their fallback)",
                        mount.file,
                        mount.source,
                        for_langs
                            .iter()
                            .map(|l| l.as_str())
                            .collect::<Vec<_>>()
                            .join(", "),
                    ),
                ),
            );
        }
    }
    dirs.retain(|lang, _| languages.contains(lang));

    // A source mounted for more than one language is shared by them.
    let mut shared: BTreeMap<(&str, &str), (Vec<String>, &str)> = BTreeMap::new();
    for mount in &content_mounts {
        let own = mount.target == "content" && mount.langs.len() == 1;
        if own || dirs.values().any(|d| d.value == mount.source) {
            continue;
        }
        let entry = shared
            .entry((mount.source.as_str(), mount.target.as_str()))
            .or_insert((Vec::new(), mount.file.as_str()));
        if mount.langs.is_empty() {
            entry
                .0
                .extend(hugo.languages.iter().map(|l| l.code.clone()));
        } else {
            entry.0.extend(mount.langs.iter().cloned());
        }
    }
    let mut exclude = Vec::new();
    for ((source, target), (langs, file)) in shared {
        let within = target.strip_prefix("content/");
        match within {
            Some(within) if langs.len() > 1 => {
                let why = format!(
                    "{source} is mounted at {target} for {} ({file}): shared by those languages, not translated",
                    langs.join(", ")
                );
                let is_file = mounts_file(root, source, within);
                if is_file && !within.ends_with(".md") {
                    // An image or other file: no posting, nothing to leave out.
                    continue;
                }
                let (pattern, example) = if is_file {
                    (literal_glob(within), within.to_string())
                } else {
                    (format!("{}/**", literal_glob(within)), format!("{within}/x.md"))
                };
                if matches_itself(&pattern, &example) {
                    exclude.push(Decided::new(pattern, why));
                } else {
                    undecided.push(format!(
                        "{why}; but no exclude pattern matches {within} alone, so add one by hand"
                    ));
                }
            }
            _ => undecided.push(format!(
                "{file} mounts {source} at {target} for {}: tolkar reads only each language's own content directory",
                if langs.is_empty() { "every language".to_string() } else { langs.join(", ") }
            )),
        }
    }
    (dirs, exclude)
}

/// A content directory as `tolkar.toml` holds it: relative to the site,
/// without a `/` behind. An absolute one inside the site is made relative,
/// so the file works in every checkout; one outside is `None`.
fn inside(root: &Path, dir: &str) -> Option<String> {
    let dir = dir.trim_end_matches('/');
    if !Path::new(dir).is_absolute() {
        return Some(dir.to_string());
    }
    let site = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    Path::new(dir)
        .strip_prefix(&site)
        .ok()
        .map(|relative| relative.to_string_lossy().replace('\\', "/"))
}

/// Whether the mount of `source` at `content/WITHIN` is of one file: so
/// on disk if the source is there (it may be outside the site, or in a
/// module), else if the target's last part has an extension.
fn mounts_file(root: &Path, source: &str, within: &str) -> bool {
    match std::fs::metadata(root.join(source)) {
        Ok(meta) => meta.is_file(),
        Err(_) => Path::new(within).extension().is_some(),
    }
}

/// `path` as a glob that matches it and nothing else: the characters
/// globs give a meaning (`* ? [ ] { } \`) each in a class of its own.
fn literal_glob(path: &str) -> String {
    let mut glob = String::with_capacity(path.len());
    for c in path.chars() {
        if matches!(c, '*' | '?' | '[' | ']' | '{' | '}' | '\\') {
            glob.push('[');
            glob.push(c);
            glob.push(']');
        } else {
            glob.push(c);
        }
    }
    glob
}

/// Whether `pattern` compiles and matches `path`, as `Project` will use it.
fn matches_itself(pattern: &str, path: &str) -> bool {
    globset::Glob::new(pattern).is_ok_and(|glob| glob.compile_matcher().is_match(path))
}

/// `content_dir` and the exceptions, for languages placed by directory:
/// the parent most language directories share as `PARENT/LANG` (the
/// site's `contentDir` if none does), and an entry for every other one.
fn place_directories(
    dirs: &BTreeMap<String, Decided<String>>,
    hugo_content: &str,
    hugo: Option<&HugoConfig>,
) -> (Decided<String>, BTreeMap<String, Decided<String>>) {
    let mut parents: BTreeMap<String, usize> = BTreeMap::new();
    for (lang, dir) in dirs {
        let path = Path::new(&dir.value);
        if path.file_name().and_then(|n| n.to_str()) == Some(lang.as_str())
            && let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty())
        {
            *parents
                .entry(parent.to_string_lossy().replace('\\', "/"))
                .or_default() += 1;
        }
    }
    let best = parents
        .iter()
        .max_by_key(|(_, n)| **n)
        .map(|(p, n)| (p.clone(), *n));
    let content = match best {
        Some((parent, n)) if n == dirs.len() => Decided::new(
            parent.clone(),
            format!("every language's directory is {parent}/LANG"),
        ),
        Some((parent, n)) => Decided::new(
            parent.clone(),
            format!(
                "{n} of {} languages' directories are {parent}/LANG; the others are in [content_dirs]",
                dirs.len()
            ),
        ),
        None => content_why(hugo_content, hugo),
    };
    let exceptions = dirs
        .iter()
        .filter(|(lang, dir)| {
            Path::new(&dir.value) != Path::new(&content.value).join(lang.as_str())
        })
        .map(|(lang, dir)| (lang.clone(), dir.clone()))
        .collect();
    (content, exceptions)
}

/// One content directory for all languages: `x.da.md` files say by
/// filename; a directory per language under it says by directory.
fn by_files(
    root: &Path,
    dir: &str,
    source: &str,
    targets: &[String],
    has_hugo: bool,
) -> Result<Decided<Layout>, InitError> {
    let mut files = Vec::new();
    walk(&root.join(dir), &mut files)?;
    let suffixed: Vec<&PathBuf> = files
        .iter()
        .filter(|p| {
            let stem = p.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
            p.extension().is_some_and(|e| e == "md")
                && stem
                    .rsplit_once('.')
                    .is_some_and(|(_, lang)| targets.iter().any(|t| t == lang))
        })
        .collect();
    if let Some(example) = suffixed.first() {
        let example = example
            .strip_prefix(root)
            .unwrap_or(example)
            .to_string_lossy()
            .replace('\\', "/");
        return Ok(Decided::new(
            Layout::ByFilename,
            format!(
                "the languages share {dir}/ and {} there named x.LANG.md (e.g. {example})",
                super::render::plural(suffixed.len(), "file is", "files are")
            ),
        ));
    }
    if root.join(dir).join(source).is_dir() {
        return Ok(Decided::new(
            Layout::ByDirectory,
            format!("{dir}/{source}/ exists and no file is named x.LANG.md"),
        ));
    }
    if !has_hugo {
        return Ok(Decided::new(
            Layout::ByDirectory,
            "no Hugo configuration and no file named x.LANG.md: the default",
        ));
    }
    Ok(Decided::new(
        Layout::ByFilename,
        format!(
            "the languages share {dir}/ and there are no translations yet: Hugo's convention for one content directory"
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hugo::config::{Language, Setting};

    fn language(code: &str, weight: i64, dir: Option<&str>) -> Language {
        Language {
            code: code.into(),
            weight,
            content_dir: dir.map(|d| Setting {
                value: d.into(),
                origin: super::super::config::Origin {
                    file: "hugo.toml".into(),
                    key: format!("languages.{code}.contentDir"),
                    value: format!("'{d}'"),
                },
            }),
            file: "hugo.toml".into(),
        }
    }

    fn hugo(languages: Vec<Language>, mounts: Vec<Mount>) -> HugoConfig {
        HugoConfig {
            files: vec!["hugo.toml".into()],
            default_language: Some(Setting {
                value: "en".into(),
                origin: super::super::config::Origin {
                    file: "hugo.toml".into(),
                    key: "defaultContentLanguage".into(),
                    value: "'en'".into(),
                },
            }),
            content_dir: None,
            languages,
            mounts,
            notes: Vec::new(),
        }
    }

    fn mount(source: &str, target: &str, langs: &[&str]) -> Mount {
        Mount {
            source: source.into(),
            target: target.into(),
            langs: langs.iter().map(|l| l.to_string()).collect(),
            langs_key: "lang".into(),
            file: "hugo.toml".into(),
        }
    }

    /// Docsy mounts single files (`../README.md`) into every language: the
    /// file is excluded, not a directory of that name, and images are no
    /// postings at all.
    #[test]
    fn a_mounted_file_is_excluded_as_itself() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("content/en/about")).unwrap();
        std::fs::create_dir_all(dir.path().join("shared")).unwrap();
        std::fs::create_dir_all(dir.path().join("releases")).unwrap();
        std::fs::write(dir.path().join("CHANGELOG"), "x").unwrap();
        let mut mounts = vec![
            mount("content/en", "content", &["en"]),
            mount("content/fr", "content", &["fr"]),
        ];
        for (source, target) in [
            ("../README.md", "content/project/README.md"),
            ("CHANGELOG", "content/project/CHANGELOG.md"),
            ("releases", "content/v1.2"),
            (
                "content/en/about/bg.jpg",
                "content/tests/cover/background.jpg",
            ),
            ("shared", "content/legal[1]"),
        ] {
            mounts.push(mount(source, target, &["en", "fr"]));
        }
        let config = hugo(
            vec![language("en", 1, None), language("fr", 2, None)],
            mounts,
        );
        let site = decide(dir.path(), Some(&config), &Overrides::default()).unwrap();
        let exclude: Vec<&str> = site.exclude.iter().map(|e| e.value.as_str()).collect();
        assert_eq!(
            exclude,
            [
                "project/README.md",
                "project/CHANGELOG.md",
                "v1.2/**",
                "legal[[]1[]]/**"
            ],
            "{:?}",
            site.undecided
        );
        let project = crate::project::Project::new(
            dir.path(),
            crate::project::Config {
                exclude: exclude.iter().map(|e| e.to_string()).collect(),
                ..crate::project::Config::new("en", &["fr".into()], Layout::ByDirectory)
            },
        );
        assert!(project.is_ok(), "the patterns compile");
    }

    /// Docsy (the newer `sites.matrix`): content/fr for fr, content/en
    /// for en and fr, where it is fr's fallback.
    #[test]
    fn a_directory_mounted_for_several_languages_is_the_one_of_those_without_another() {
        let dir = tempfile::tempdir().unwrap();
        let files = [(
            "hugo.yaml".to_string(),
            "languages:
  en: {}
  fr: {}
module:
  mounts:
  - source: content/fr
    target: content
    sites: { matrix: { languages: [FR] } }
  - source: content/en
    target: content
    sites: &s { matrix: { languages: [en, fr] } }
  - source: ../README.md
    target: content/project/README.md
    sites: *s
"
            .to_string(),
        )];
        let config = crate::hugo::config::from_texts(dir.path(), &files)
            .unwrap()
            .unwrap();
        assert_eq!(config.mounts[0].langs, ["fr"]);
        assert_eq!(config.mounts[0].langs_key, "sites.matrix.languages");
        let site = decide(dir.path(), Some(&config), &Overrides::default()).unwrap();
        assert_eq!(site.language_dirs["fr"].value, "content/fr");
        assert_eq!(site.language_dirs["en"].value, "content/en");
        assert!(
            site.language_dirs["en"].why.contains("so it is en's"),
            "{}",
            site.language_dirs["en"].why
        );
        assert_eq!(site.layout.value, Layout::ByDirectory);
        assert_eq!(site.content_dir.value, "content");
        assert!(site.content_dirs.is_empty());
        assert_eq!(site.exclude.len(), 1);
        assert!(site.undecided.is_empty(), "{:?}", site.undecided);
    }

    /// Hugo's documentation fills the gaps of de and nl with English by
    /// mounting content/en for each; in any order, content/de is de's.
    #[test]
    fn a_source_mounted_to_fill_gaps_is_not_the_language_of_its_own() {
        let dir = tempfile::tempdir().unwrap();
        let mut mounts = vec![
            mount("content/en", "content", &["de"]),
            mount("content/en", "content", &["nl"]),
            mount("content/en", "content", &["en"]),
            mount("content/de", "content", &["de"]),
            mount("content/nl", "content", &["nl"]),
        ];
        for _ in 0..2 {
            let config = hugo(
                vec![
                    language("en", 1, None),
                    language("de", 2, None),
                    language("nl", 3, None),
                ],
                mounts.clone(),
            );
            let site = decide(dir.path(), Some(&config), &Overrides::default()).unwrap();
            let dirs: Vec<String> = site
                .language_dirs
                .iter()
                .map(|(l, d)| format!("{l}={}", d.value))
                .collect();
            assert_eq!(dirs, ["de=content/de", "en=content/en", "nl=content/nl"]);
            assert!(site.exclude.is_empty());
            assert!(site.undecided.is_empty(), "{:?}", site.undecided);
            mounts.reverse();
        }
    }

    #[test]
    fn the_one_language_without_a_directory_gets_the_sites_content_dir() {
        let dir = tempfile::tempdir().unwrap();
        let mut config = hugo(
            vec![
                language("en", 1, None),
                language("bn", 2, Some("content/bn")),
                language("fr", 3, Some("content/fr")),
            ],
            Vec::new(),
        );
        config.content_dir = Some(Setting {
            value: "content/en".into(),
            origin: super::super::config::Origin {
                file: "config.toml".into(),
                key: "contentDir".into(),
                value: "'content/en'".into(),
            },
        });
        let site = decide(dir.path(), Some(&config), &Overrides::default()).unwrap();
        assert_eq!(site.language_dirs["en"].value, "content/en");
        assert!(
            site.language_dirs["en"]
                .why
                .starts_with("from config.toml: contentDir = 'content/en'"),
            "{}",
            site.language_dirs["en"].why
        );
        assert_eq!(site.content_dir.value, "content");
        assert!(site.content_dirs.is_empty());
        assert!(site.undecided.is_empty(), "{:?}", site.undecided);

        // `content` holds the others' directories: en is not given all of
        // it, and the note says where tolkar looks.
        config.content_dir = None;
        config.languages[1] = language("bn", 2, Some("content/bengali"));
        let site = decide(dir.path(), Some(&config), &Overrides::default()).unwrap();
        assert!(!site.language_dirs.contains_key("en"));
        assert_eq!(
            site.undecided,
            [
                "the Hugo configuration gives en no content directory of its own; tolkar uses content/en"
            ]
        );
    }
}
