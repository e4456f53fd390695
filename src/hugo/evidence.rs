//! What the postings of a site say about its rules: the front-matter
//! values and shortcode parameters of the sources, and, where a translation
//! exists already, whether it changed them. A value people read is
//! translated; a value every translation keeps (a person's name, an icon)
//! probably is not.
//!
//! A source and its translation pair by path (where `tolkar build` would
//! write it), or else by the `translationKey` of their front matter, which
//! Hugo uses to link translations whose paths differ.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use super::templates::ParamRef;
use crate::posting::frontmatter;
use crate::posting::links::{Agreement, DEFAULT_PATTERN, agreement, targets};
use crate::posting::rules::{Rules, ShortcodeRules};
use crate::posting::shortcode::{self, TagKind};
use crate::project::Project;
use crate::project::ProjectError;

/// How often a value was compared with its translation, and changed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Compared {
    pub compared: usize,
    pub changed: usize,
    /// A source value and its translation that differ, for messages.
    pub example: Option<(String, String)>,
}

impl Compared {
    fn add(&mut self, source: &str, translation: &str) {
        self.compared += 1;
        if source != translation {
            self.changed += 1;
            if self.example.is_none() {
                self.example = Some((source.to_string(), translation.to_string()));
            }
        }
    }

    /// Translations exist, and every one kept the value as it is.
    pub fn always_kept(&self) -> bool {
        self.compared > 0 && self.changed == 0
    }

    /// Enough translations exist (ten or more), and nine in ten or more
    /// kept the value as it is: the few that changed it are slips. The
    /// glossary's `status: Completed`, which its templates compare with
    /// `"Completed"`, is kept by 782 of 817.
    pub fn mostly_kept(&self) -> bool {
        self.always_kept() || (self.compared >= 10 && self.changed * 10 <= self.compared)
    }
}

/// A front-matter key across the source postings (keys are compared
/// without regard to case, as the rules do).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KeyEvidence {
    /// The string values of the sources: (posting, value).
    pub values: Vec<(String, String)>,
    pub translations: Compared,
}

/// One parameter of one shortcode across the source postings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParamEvidence {
    /// (posting, line, value)
    pub values: Vec<(String, usize, String)>,
    /// Values the posting parser names as reading like text.
    pub prose: Vec<(String, usize, String)>,
    pub translations: Compared,
}

/// A localized page that pairs with its source by `translationKey` while
/// its path is not the one tolkar gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyedPair {
    pub source: String,
    pub localized: String,
    pub expected: String,
    pub key: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Evidence {
    pub sources: usize,
    /// Source and translation pairs compared.
    pub pairs: usize,
    pub keyed: Vec<KeyedPair>,
    /// By lowercase key.
    pub front_matter: BTreeMap<String, KeyEvidence>,
    /// By shortcode name, then parameter.
    pub shortcodes: BTreeMap<String, BTreeMap<ParamRef, ParamEvidence>>,
    /// Postings that could not be read: (path, why).
    pub unreadable: Vec<(String, String)>,
    /// By language: how the translations link the pages their sources
    /// link (see `crate::posting::links`).
    pub links: BTreeMap<String, Agreement>,
}

/// A parameter as a posting writes it: which, the line, the value.
type ParamValue = (ParamRef, usize, String);

/// What one posting holds.
#[derive(Debug, Default)]
struct Facts {
    translation_key: Option<String>,
    /// (lowercase key, value) of top-level string values.
    fields: Vec<(String, String)>,
    /// Each shortcode in order: its name and parameters (with lines).
    shortcodes: Vec<(String, Vec<ParamValue>)>,
    prose: Vec<(String, ParamRef, usize, String)>,
    /// The targets of its Markdown links.
    links: Vec<String>,
}

fn read_facts(path: &Path) -> Result<Facts, String> {
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    let text = std::str::from_utf8(&bytes).map_err(|e| e.to_string())?;
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let front = frontmatter::split(text, bom).map_err(|e| e.to_string())?;
    let mut facts = Facts::default();
    // Link targets are markup whatever the rules: the default ones do.
    if let Ok(doc) = crate::posting::parse(&bytes, &Rules::default()) {
        facts.links = targets(&doc);
    }
    let body_start = match &front {
        Some(front) => {
            for field in
                frontmatter::fields_where(text, front, &|_| true).map_err(|e| e.to_string())?
            {
                if field.item.is_some() {
                    continue;
                }
                let key = field.key.to_ascii_lowercase();
                if key == "translationkey" {
                    facts.translation_key = Some(field.value.clone());
                }
                facts.fields.push((key, field.value));
            }
            front.body_start
        }
        None => bom,
    };
    let lines = crate::posting::LineIndex::new(text);
    let body = text.get(body_start..).unwrap_or_default();
    let lexed = shortcode::lex(text, body_start, body).map_err(|e| e.to_string())?;
    for found in &lexed.shortcodes {
        let tag = &lexed.tags[found.open];
        if tag.kind != TagKind::Open {
            continue;
        }
        let line = lines.line(tag.span.start + body_start);
        let params = tag
            .params
            .iter()
            .map(|p| {
                let which = match &p.name {
                    Some(name) => ParamRef::Named(name.clone()),
                    None => ParamRef::Position(p.position),
                };
                (which, line, p.value.clone())
            })
            .collect();
        facts.shortcodes.push((tag.name.clone(), params));
    }
    // The parser names parameters that read like text, outside code; with
    // no text parameters at all, it names every one.
    let rules = Rules {
        front_matter: Default::default(),
        shortcodes: ShortcodeRules {
            text_params: Vec::new(),
            ..ShortcodeRules::default()
        },
    };
    let document = crate::posting::parse(&bytes, &rules).map_err(|e| e.to_string())?;
    for hint in document.untranslated_params {
        let which = match hint.param.parse() {
            Ok(n) => ParamRef::Position(n),
            Err(_) => ParamRef::Named(hint.param),
        };
        facts
            .prose
            .push((hint.shortcode, which, hint.line, hint.value));
    }
    Ok(facts)
}

fn relative(project: &Project, path: &Path) -> String {
    path.strip_prefix(&project.root)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

/// Reads every source posting and every translation that pairs with one.
pub fn gather(project: &Project) -> Result<Evidence, ProjectError> {
    let mut evidence = Evidence::default();
    let read = |path: &Path, evidence: &mut Evidence| -> Option<Facts> {
        match read_facts(&project.root.join(path)) {
            Ok(facts) => Some(facts),
            Err(why) => {
                evidence.unreadable.push((relative(project, path), why));
                None
            }
        }
    };
    let sources = project.source_postings()?;
    evidence.sources = sources.len();
    let mut source_facts = Vec::new();
    for source in &sources {
        if let Some(facts) = read(source, &mut evidence) {
            source_facts.push((source.clone(), facts));
        }
    }
    for (path, facts) in &source_facts {
        let display = path.to_string_lossy().replace('\\', "/");
        for (key, value) in &facts.fields {
            evidence
                .front_matter
                .entry(key.clone())
                .or_default()
                .values
                .push((display.clone(), value.clone()));
        }
        for (name, params) in &facts.shortcodes {
            let by_param = evidence.shortcodes.entry(name.clone()).or_default();
            for (which, line, value) in params {
                by_param.entry(which.clone()).or_default().values.push((
                    display.clone(),
                    *line,
                    value.clone(),
                ));
            }
        }
        for (name, which, line, value) in &facts.prose {
            evidence
                .shortcodes
                .entry(name.clone())
                .or_default()
                .entry(which.clone())
                .or_default()
                .prose
                .push((display.clone(), *line, value.clone()));
        }
    }

    let by_key: HashMap<&str, usize> = source_facts
        .iter()
        .enumerate()
        .filter_map(|(i, (_, f))| f.translation_key.as_deref().map(|k| (k, i)))
        .collect();
    for lang in &project.config.target_languages {
        let files = project.postings(lang)?;
        let mut paired: HashMap<usize, PathBuf> = HashMap::new();
        for (i, (source, _)) in source_facts.iter().enumerate() {
            let expected = project.localized_path(source, lang);
            if project.root.join(&expected).is_file() {
                paired.insert(i, expected);
            }
        }
        let mut keyed_facts: HashMap<PathBuf, Facts> = HashMap::new();
        for file in &files {
            if paired.values().any(|p| p == file) || by_key.is_empty() {
                continue;
            }
            let Some(facts) = read(file, &mut evidence) else {
                continue;
            };
            if let Some(&i) = facts.translation_key.as_deref().and_then(|k| by_key.get(k)) {
                let expected = project.localized_path(&source_facts[i].0, lang);
                evidence.keyed.push(KeyedPair {
                    source: relative(project, &source_facts[i].0),
                    localized: relative(project, file),
                    expected: relative(project, &expected),
                    key: facts.translation_key.clone().unwrap_or_default(),
                });
                paired.entry(i).or_insert_with(|| file.clone());
            }
            keyed_facts.insert(file.clone(), facts);
        }
        let mut pairs: Vec<(usize, PathBuf)> = paired.into_iter().collect();
        pairs.sort();
        for (i, file) in pairs {
            let facts = match keyed_facts.remove(&file) {
                Some(facts) => facts,
                None => match read(&file, &mut evidence) {
                    Some(facts) => facts,
                    None => continue,
                },
            };
            evidence.pairs += 1;
            compare(&source_facts[i].1, &facts, &mut evidence);
            *evidence.links.entry(lang.clone()).or_default() += agreement(
                &source_facts[i].1.links,
                &facts.links,
                DEFAULT_PATTERN,
                lang,
            );
        }
    }
    Ok(evidence)
}

/// Compares a source with its translation: the same key, and the same
/// parameter of the n-th shortcode of each name.
fn compare(source: &Facts, translation: &Facts, evidence: &mut Evidence) {
    for (key, value) in &source.fields {
        if let Some((_, translated)) = translation.fields.iter().find(|(k, _)| k == key)
            && let Some(key_evidence) = evidence.front_matter.get_mut(key)
        {
            key_evidence.translations.add(value, translated);
        }
    }
    let nth = |facts: &Facts| {
        let mut counts: HashMap<&str, usize> = HashMap::new();
        facts
            .shortcodes
            .iter()
            .map(|(name, params)| {
                let n = counts.entry(name.as_str()).or_default();
                *n += 1;
                ((name.clone(), *n), params.clone())
            })
            .collect::<HashMap<_, _>>()
    };
    let translated = nth(translation);
    for (at, params) in nth(source) {
        let Some(other) = translated.get(&at) else {
            continue;
        };
        for (which, _, value) in &params {
            if let Some((_, _, translated)) = other.iter().find(|(w, _, _)| w == which)
                && let Some(param) = evidence
                    .shortcodes
                    .get_mut(&at.0)
                    .and_then(|p| p.get_mut(which))
            {
                param.translations.add(value, translated);
            }
        }
    }
}
