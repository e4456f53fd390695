//! The languages of a site and where their postings are: from the command
//! line first, then the Hugo configuration, then what the content
//! directory holds.
//!
//! A language's content directory is, in Hugo's order, a mount of its own
//! (`[[module.mounts]]` with `target = "content"` and its `lang`), its
//! `contentDir`, or the site's one `contentDir`. When every language has
//! its own, postings are placed by directory; when they share one, the
//! files say it: `x.da.md` beside `x.md` is by filename. A directory
//! mounted for several languages holds pages they share, so it is excluded.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::config::{HugoConfig, Mount};
use super::{Decided, Overrides};
use crate::cmd::Failure;
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
) -> Result<Site, Failure> {
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
        return Err(Failure::new(
            "error-init-no-targets",
            vec![
                ("dir", root.display().to_string()),
                ("source", source.value.clone()),
            ],
        ));
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

    let hugo_content = hugo.map_or("content", HugoConfig::content_dir).to_string();
    let mut languages = vec![source.value.clone()];
    languages.extend(targets.value.iter().cloned());
    let (language_dirs, exclude) = match hugo {
        Some(h) => directories(root, h, &languages, &mut undecided),
        None => (BTreeMap::new(), Vec::new()),
    };

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
    let layout = if let Some(layout) = overrides.layout {
        Decided::new(layout, "from --layout")
    } else if with_dirs > 0 && distinct {
        let why = if with_dirs == languages.len() {
            "every language has its own content directory in the Hugo configuration".to_string()
        } else {
            for lang in languages.iter().filter(|l| !language_dirs.contains_key(*l)) {
                undecided.push(format!(
                    "the Hugo configuration gives {lang} no content directory of its own; \
                     tolkar uses {hugo_content}/{lang}"
                ));
            }
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
    for mount in &content_mounts {
        if mount.target == "content" && mount.langs.len() == 1 {
            let lang = &mount.langs[0];
            dirs.entry(lang.clone()).or_insert_with(|| {
                Decided::new(
                    mount.source.clone(),
                    format!(
                        "from {}: [[module.mounts]] source = '{}', target = 'content', lang = '{lang}'",
                        mount.file, mount.source
                    ),
                )
            });
        }
    }
    for language in &hugo.languages {
        if let Some(setting) = &language.content_dir
            && !dirs.contains_key(&language.code)
        {
            let value = setting.value.trim_end_matches('/');
            // An absolute directory inside the site is written relative to
            // it, so tolkar.toml works in every checkout.
            let site = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
            let value = match Path::new(value).strip_prefix(&site) {
                Ok(relative) => relative.to_string_lossy().replace('\\', "/"),
                Err(_) if Path::new(value).is_absolute() => {
                    undecided.push(format!(
                        "{}: the content directory of {} is outside the site ({value}); tolkar reads postings inside it only",
                        setting.origin, language.code
                    ));
                    continue;
                }
                Err(_) => value.to_string(),
            };
            dirs.insert(
                language.code.clone(),
                Decided::new(value, format!("from {}", setting.origin)),
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
            Some(within) if langs.len() > 1 => exclude.push(Decided::new(
                format!("{within}/**"),
                format!(
                    "{source} is mounted at {target} for {} ({file}): shared by those languages, not translated",
                    langs.join(", ")
                ),
            )),
            _ => undecided.push(format!(
                "{file} mounts {source} at {target} for {}: tolkar reads only each language's own content directory",
                if langs.is_empty() { "every language".to_string() } else { langs.join(", ") }
            )),
        }
    }
    (dirs, exclude)
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
) -> Result<Decided<Layout>, Failure> {
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
