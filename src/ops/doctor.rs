//! `tolkar doctor`: every check of the configuration at once, where a
//! command stops at the first. Reads tolkar.toml and the site; opens no
//! store and writes nothing, so it also runs where the configuration is
//! too broken for any other command.

use std::path::{Path, PathBuf};

use crate::message::{Diagnostic, Message};
use crate::posting::Location;
use crate::project::{
    Config, Project, ProjectError, bcp47, config_path, config_problems, find_root, key_line,
};

/// How much a finding matters; an error makes doctor exit 2.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Ok,
    Note,
    Warning,
    Error,
}

/// One check and what it found.
#[derive(Debug)]
pub struct Finding {
    pub severity: Severity,
    pub message: Message,
}

impl Finding {
    fn new(severity: Severity, id: &'static str, args: Vec<(&'static str, String)>) -> Finding {
        Finding {
            severity,
            message: Message::new(id, args),
        }
    }

    fn error(error: &ProjectError) -> Finding {
        Finding {
            severity: Severity::Error,
            message: error.message(),
        }
    }
}

/// Every check of the project found from `start` upwards, in the order a
/// reader follows them: the file, its languages, its directories, the
/// source postings, the store and the text state.
pub fn diagnose(start: &Path) -> Vec<Finding> {
    let mut findings = Vec::new();
    let root = match find_root(start) {
        Ok(Some(root)) => root,
        Ok(None) => {
            let start = std::fs::canonicalize(start).unwrap_or_else(|_| start.to_path_buf());
            findings.push(Finding::error(&ProjectError::ConfigNotFound { start }));
            return findings;
        }
        Err(e) => {
            findings.push(Finding::error(&e));
            return findings;
        }
    };
    let path = config_path(&root);
    findings.push(Finding::new(
        Severity::Ok,
        crate::msg_id!("doctor-config"),
        vec![("path", path.display().to_string())],
    ));
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) => {
            findings.push(Finding::error(&ProjectError::Io { path, source: e }));
            return findings;
        }
    };
    let config: Config = match toml_edit::de::from_str(&text) {
        Ok(config) => config,
        Err(e) => {
            let at = Location::of(&text, e.span().map_or(0, |s| s.start));
            findings.push(Finding::error(&ProjectError::ConfigInvalid {
                path,
                at,
                reason: e.message().trim().to_string(),
            }));
            return findings;
        }
    };
    languages(&path, &text, &config, &mut findings);
    let problems = config_problems(&path, &config);
    let valid = problems.is_empty();
    findings.extend(problems.iter().map(Finding::error));
    if !valid {
        return findings;
    }
    // What the other checks of `Project::new` find ([links], globs).
    let project = match Project::new(&root, config) {
        Ok(project) => project,
        Err(e) => {
            findings.push(Finding::error(&e));
            return findings;
        }
    };
    sources(&project, &mut findings);
    stored(&project, &mut findings);
    findings
}

/// Each language: a well-formed BCP 47 tag, and its normalised form.
fn languages(path: &Path, text: &str, config: &Config, findings: &mut Vec<Finding>) {
    let source = std::iter::once((&config.source_language, "source_language"));
    let targets = config
        .target_languages
        .iter()
        .map(|lang| (lang, "target_languages"));
    for (lang, key) in source.chain(targets) {
        let line = key_line(text, &[key]).unwrap_or(1).to_string();
        match bcp47(lang) {
            Some(tag) => findings.push(Finding::new(
                Severity::Ok,
                crate::msg_id!("doctor-language"),
                vec![("key", key.into()), ("lang", lang.clone()), ("tag", tag)],
            )),
            None => findings.push(Finding::new(
                Severity::Warning,
                crate::msg_id!("doctor-language-not-bcp47"),
                vec![
                    ("path", path.display().to_string()),
                    ("line", line),
                    ("key", key.into()),
                    ("lang", lang.clone()),
                ],
            )),
        }
    }
}

/// The source directory exists and holds postings.
fn sources(project: &Project, findings: &mut Vec<Finding>) {
    if let Err(e) = project.check_source_dir() {
        findings.push(Finding::error(&e));
        return;
    }
    let dir = project.source_dir().display().to_string();
    match project.source_postings() {
        Ok(postings) if postings.is_empty() => findings.push(Finding::new(
            Severity::Warning,
            crate::msg_id!("doctor-no-postings"),
            vec![("dir", dir)],
        )),
        Ok(postings) => findings.push(Finding::new(
            Severity::Ok,
            crate::msg_id!("doctor-postings"),
            vec![("dir", dir), ("count", postings.len().to_string())],
        )),
        Err(e) => findings.push(Finding::error(&e)),
    }
}

/// The store and the committed text state: present or not (neither is an
/// error: sync makes the store, and a site may keep no text state).
fn stored(project: &Project, findings: &mut Vec<Finding>) {
    let database = PathBuf::from(&project.config.database);
    let state = PathBuf::from(&project.config.state);
    let store_present = project.database_path().is_file();
    let state_present = project.state_dir().is_dir();
    let (severity, id) = if store_present {
        (Severity::Ok, crate::msg_id!("doctor-store-present"))
    } else {
        (Severity::Note, crate::msg_id!("doctor-store-absent"))
    };
    findings.push(Finding::new(
        severity,
        id,
        vec![("path", database.display().to_string())],
    ));
    let (severity, id) = if state_present {
        (Severity::Ok, crate::msg_id!("doctor-state-present"))
    } else {
        (Severity::Note, crate::msg_id!("doctor-state-absent"))
    };
    findings.push(Finding::new(
        severity,
        id,
        vec![("path", state.display().to_string())],
    ));
    if !store_present && !state_present && !project.config.check.allow_empty {
        findings.push(Finding::new(
            Severity::Warning,
            crate::msg_id!("doctor-fresh"),
            vec![],
        ));
    }
}
