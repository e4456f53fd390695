//! Which localized posting translates which source posting, as Hugo pairs
//! them: a posting's key is its `translationKey`, or else its path (a
//! source's: the path its translation has in the layout). A source and a
//! localized posting with the same key pair, where exactly one of each has
//! it.

use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

use crate::adopt;
use crate::project::{Project, ProjectError};
use crate::sync::Source;

/// The pairs of one language.
#[derive(Debug, Default)]
pub struct Pairing {
    pub pairs: Vec<Pair>,
    /// Localized postings of no source.
    pub orphans: Vec<String>,
    /// Keys several postings share, which pair nothing.
    pub shared_keys: Vec<SharedKey>,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Pair {
    /// Index into the sources.
    pub source: usize,
    /// The localized posting, relative to the project.
    pub localized: String,
    /// Whether it is away from its layout path (paired by translationKey).
    pub moved: bool,
}

/// A `translationKey` on several postings: it pairs none of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedKey {
    pub key: String,
    pub paths: Vec<String>,
}

/// The localized postings of `lang` on disk, relative to the project, with
/// `/`.
pub fn localized_files(project: &Project, lang: &str) -> Result<Vec<String>, ProjectError> {
    Ok(project
        .postings(lang)?
        .iter()
        .map(|p| p.to_string_lossy().replace('\\', "/"))
        .collect())
}

pub fn pair_postings(
    project: &Project,
    sources: &[Source],
    lang: &str,
    files: &[String],
) -> Pairing {
    #[derive(PartialEq, Eq, Hash, PartialOrd, Ord, Clone)]
    enum Key {
        Translation(String),
        Path(String),
    }
    let translation_key = |bytes: &[u8]| {
        std::str::from_utf8(bytes)
            .ok()
            .and_then(adopt::translation_key)
    };
    // A source that cannot be read pairs by its path; sync has reported it.
    let source_keys: Vec<Option<String>> = sources
        .par_iter()
        .map(|s| s.read(project).ok().and_then(|b| translation_key(&b)))
        .collect();
    let mut by_key: BTreeMap<Key, (Vec<usize>, Vec<&String>)> = BTreeMap::new();
    for (s, (source, key)) in sources.iter().zip(source_keys).enumerate() {
        let key = match key {
            Some(key) => Key::Translation(key),
            None => Key::Path(project.localized_display(&source.path, lang)),
        };
        by_key.entry(key).or_default().0.push(s);
    }
    // A file that cannot be read pairs by its path; reading it to adopt
    // it says what is wrong.
    let file_keys: Vec<Option<String>> = files
        .par_iter()
        .map(|f| translation_key(&std::fs::read(project.root.join(f)).unwrap_or_default()))
        .collect();
    for (file, key) in files.iter().zip(file_keys) {
        let key = match key {
            Some(key) => Key::Translation(key),
            None => Key::Path(file.clone()),
        };
        // Only keys some source has matter.
        if let Some(entry) = by_key.get_mut(&key) {
            entry.1.push(file);
        }
    }
    let mut pairing = Pairing::default();
    let mut paired: BTreeSet<&String> = BTreeSet::new();
    for (key, (of_sources, of_files)) in &by_key {
        match (&of_sources[..], &of_files[..]) {
            (_, []) => {}
            ([s], [file]) => {
                paired.insert(file);
                let layout = project.localized_display(&sources[*s].path, lang);
                pairing.pairs.push(Pair {
                    source: *s,
                    localized: (*file).clone(),
                    moved: **file != layout,
                });
            }
            _ => {
                let Key::Translation(key) = key else {
                    continue;
                };
                let paths = of_sources
                    .iter()
                    .map(|&s| sources[s].path.clone())
                    .chain(of_files.iter().map(|f| (*f).clone()))
                    .collect();
                pairing.shared_keys.push(SharedKey {
                    key: key.clone(),
                    paths,
                });
            }
        }
    }
    pairing.pairs.sort();
    pairing.orphans = files
        .iter()
        .filter(|f| !paired.contains(f))
        .cloned()
        .collect();
    pairing
}
