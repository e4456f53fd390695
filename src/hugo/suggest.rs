//! Rules that follow from the evidence: front-matter keys whose values read
//! like text, and shortcode parameters the templates print as text.
//!
//! The templates decide for shortcodes; a parameter that every existing
//! translation keeps as it is (a person's name) is not suggested even when
//! printed. For front matter, a key is suggested when most of its source
//! values read like text: two words or more, or one capitalised word
//! (`Heltid`), unless (nearly) every translation keeps it. Neither is suggested when
//! most of its source values are never text, whatever the template does
//! with them: booleans, numbers, URLs, paths, file names, dates, colours,
//! icon classes (`posting::values::is_never_text`). Whatever is left open
//! is said in `undecided`, for people.

use std::collections::BTreeMap;
use std::path::Path;

use super::evidence::{Compared, Evidence, ParamEvidence};
use super::templates::{self, ParamRef, Use, Verdict};
use crate::posting::reads_like_prose;
use crate::posting::rules::ShortcodeRule;
use crate::posting::values::is_never_text;
use crate::project::Config;

/// Hugo's own shortcodes, which have no template in the site.
const BUILT_IN: [&str; 15] = [
    "comment",
    "details",
    "figure",
    "gist",
    "highlight",
    "instagram",
    "param",
    "qr",
    "ref",
    "relref",
    "tweet",
    "twitter",
    "vimeo",
    "x",
    "youtube",
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeySuggestion {
    pub key: String,
    pub why: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShortcodeSuggestion {
    pub rule: ShortcodeRule,
    /// The template, relative to the site root.
    pub template: String,
    /// One line of evidence per parameter.
    pub evidence: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Suggestions {
    /// Keys to add to the default `[front_matter] keys`.
    pub front_matter: Vec<KeySuggestion>,
    pub shortcodes: BTreeMap<String, ShortcodeSuggestion>,
    /// Templates read.
    pub templates: usize,
    pub undecided: Vec<String>,
}

/// One word of letters with a capital first (`Heltid`, `Full-time`).
fn capitalised_word(value: &str) -> bool {
    let value = value.trim();
    value.chars().count() >= 2
        && value.chars().next().is_some_and(char::is_uppercase)
        && value.chars().all(|c| c.is_alphabetic() || c == '-')
}

fn reads_like_text(value: &str) -> bool {
    !is_never_text(value) && (reads_like_prose(value) || capitalised_word(value))
}

/// Values that are never text, when they are at least half of `values`:
/// how many, and the first.
fn mostly_never_text<'a>(values: impl Iterator<Item = &'a str>) -> Option<(usize, &'a str)> {
    let mut total = 0;
    let mut never = 0;
    let mut first = None;
    for value in values {
        total += 1;
        if is_never_text(value) {
            never += 1;
            first = first.or(Some(value));
        }
    }
    first.filter(|_| never * 2 >= total).map(|v| (never, v))
}

/// Letters, spaces and hyphens only: a word, not a path, anchor or URL.
fn only_words(value: &str) -> bool {
    value.chars().any(char::is_alphabetic)
        && value
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '-')
}

pub fn suggest(root: &Path, config: &Config, evidence: &Evidence) -> Suggestions {
    let mut out = Suggestions::default();
    front_matter(config, evidence, &mut out);
    for (name, params) in &evidence.shortcodes {
        shortcode(root, config, name, params, &mut out);
    }
    for (path, why) in &evidence.unreadable {
        out.undecided.push(format!(
            "{path} could not be read, so it says nothing: {why}"
        ));
    }
    out
}

fn front_matter(config: &Config, evidence: &Evidence, out: &mut Suggestions) {
    let rules = &config.front_matter;
    for (key, found) in &evidence.front_matter {
        let known = rules.keys.iter().any(|k| k.eq_ignore_ascii_case(key))
            || rules.lists.iter().any(|k| k.eq_ignore_ascii_case(key))
            || rules.language_key.eq_ignore_ascii_case(key)
            || key == "translationkey";
        if known {
            continue;
        }
        let total = found.values.len();
        if mostly_never_text(found.values.iter().map(|(_, v)| v.as_str())).is_some() {
            continue;
        }
        let texts: Vec<&str> = found
            .values
            .iter()
            .map(|(_, v)| v.as_str())
            .filter(|v| reads_like_text(v))
            .collect();
        let translations = &found.translations;
        if let Some(example) = texts.first().filter(|_| texts.len() * 2 >= total) {
            if key.contains(':') {
                // `cSpell:ignore`, `markdownlint:disable`: a tool's
                // directive, which no template can read as `.Params.KEY`.
                out.undecided.push(format!(
                    "front matter {key}: reads like text (\"{example}\"), but the key names a tool's directive; not suggested"
                ));
                continue;
            }
            if translations.mostly_kept() {
                out.undecided.push(format!(
                    "front matter {key}: reads like text (\"{example}\"), but {} it as it is; not suggested",
                    kept(translations)
                ));
                continue;
            }
            let mut why = format!(
                "{key}: {} of {total} source values read like text (\"{example}\")",
                texts.len(),
            );
            if translations.compared > 0 {
                why.push_str(&format!(
                    ", translated in {} of {} existing translations",
                    translations.changed, translations.compared
                ));
            }
            out.front_matter.push(KeySuggestion {
                key: key.clone(),
                why,
            });
        } else if translations.changed > 0 && found.values.iter().all(|(_, v)| only_words(v)) {
            let (from, to) = translations.example.clone().unwrap_or_default();
            out.undecided.push(format!(
                "front matter {key}: translations change it (\"{from}\" → \"{to}\") but it does not read like text; add it to [front_matter] keys if people read it"
            ));
        }
    }
}

/// `the one translation keeps`, `all 3 translations keep` or `782 of 817
/// translations keep`.
fn kept(translations: &Compared) -> String {
    let n = translations.compared;
    let same = n - translations.changed.min(n);
    if n == 1 {
        "the one translation keeps".to_string()
    } else if same == n {
        format!("all {n} translations keep")
    } else {
        format!("{same} of {n} translations keep")
    }
}

/// `positional 0` or `title`.
fn describe(param: &ParamRef) -> String {
    match param {
        ParamRef::Named(name) => name.clone(),
        ParamRef::Position(n) => format!("positional {n}"),
    }
}

fn shortcode(
    root: &Path,
    config: &Config,
    name: &str,
    params: &BTreeMap<ParamRef, ParamEvidence>,
    out: &mut Suggestions,
) {
    let global = |param: &ParamRef| match param {
        ParamRef::Named(n) => config.shortcodes.text_params.contains(n),
        ParamRef::Position(_) => false,
    };
    let Some(template) = templates::find(root, name) else {
        let built_in = BUILT_IN.contains(&name);
        for (param, found) in params {
            let Some((path, line, value)) = found.prose.first() else {
                continue;
            };
            if global(param) {
                continue;
            }
            let what = if built_in {
                format!("Hugo's shortcode {name}")
            } else {
                format!(
                    "shortcode {name} has no template (layouts/shortcodes/, layouts/_shortcodes/, themes/*/layouts/…), and"
                )
            };
            out.undecided.push(format!(
                "{what} its parameter {} reads like text: \"{value}\" ({path}:{line})",
                describe(param)
            ));
        }
        return;
    };
    let display = template.to_string_lossy().replace('\\', "/");
    // A stray byte that is no UTF-8 (a Latin-1 comment) does not hide
    // what the rest of the template does.
    let Ok(bytes) = std::fs::read(root.join(&template)) else {
        out.undecided
            .push(format!("{display} could not be read for shortcode {name}"));
        return;
    };
    let text = String::from_utf8_lossy(&bytes);
    out.templates += 1;
    let analysis = templates::analyze(&text);
    let lines: Vec<&str> = text.lines().collect();
    let cite = |u: &Use| {
        let line = u
            .line
            .checked_sub(1)
            .and_then(|i| lines.get(i))
            .map_or("", |l| l.trim());
        let line: String = if line.chars().count() > 90 {
            line.chars().take(89).chain(['…']).collect()
        } else {
            line.to_string()
        };
        format!("{display}:{}: {line}", u.line)
    };
    let mut rule = ShortcodeRule::default();
    let mut evidence = Vec::new();
    for (param, found) in params {
        let label = describe(param);
        // Values that are mostly no text (`text=true`) are nothing to look
        // at, whatever the template does with them.
        let reads_text = (!found.prose.is_empty() || global(param))
            && mostly_never_text(found.values.iter().map(|(_, _, v)| v.as_str())).is_none();
        match analysis.verdict(param) {
            Verdict::Text(u) => {
                let has_letters = found
                    .values
                    .iter()
                    .any(|(_, _, v)| v.chars().any(char::is_alphabetic));
                let never = mostly_never_text(found.values.iter().map(|(_, _, v)| v.as_str()));
                if let Some((count, example)) = never {
                    // Printed, but what it holds is a URL, number, path…:
                    // only worth a word if some values look otherwise.
                    if count < found.values.len() && !global(param) {
                        out.undecided.push(format!(
                            "shortcode {name} {label}: printed ({}, {}), but {count} of {} values are no text (\"{example}\"); not suggested",
                            cite(&u),
                            u.why,
                            found.values.len()
                        ));
                    }
                } else if found.translations.always_kept() && has_letters {
                    out.undecided.push(format!(
                        "shortcode {name} {label}: printed ({}, {}), but {} it as it is (\"{}\"): a name or a code? not suggested",
                        cite(&u),
                        u.why,
                        kept(&found.translations),
                        found.values.first().map_or("", |v| v.2.as_str())
                    ));
                } else if !global(param) {
                    match param {
                        ParamRef::Named(n) => rule.params.push(n.clone()),
                        ParamRef::Position(n) => rule.positional.push(*n),
                    }
                    evidence.push(format!("{label} is text: {} ({})", cite(&u), u.why));
                }
            }
            Verdict::NotText(u) => {
                if let ParamRef::Named(n) = param
                    && global(param)
                {
                    rule.not_text.push(n.clone());
                    evidence.push(format!("{label} is not text: {} ({})", cite(&u), u.why));
                }
            }
            Verdict::Mixed { text, not_text } if reads_text => {
                out.undecided.push(format!(
                    "shortcode {name} {label}: printed ({}) and also used {} ({}): translating it would change both; not suggested",
                    cite(&text),
                    not_text.why,
                    cite(&not_text)
                ));
            }
            Verdict::Mixed { .. } => {}
            Verdict::Unknown if reads_text => {
                let why = if analysis.read.contains(param) {
                    "only read in conditions or handed to a partial"
                } else if analysis.whole_params.is_some() {
                    "all of .Params goes to a partial or loop"
                } else {
                    "never read"
                };
                out.undecided.push(format!(
                    "shortcode {name} {label}: {display} does not print it ({why}); its values read like text (\"{}\")",
                    found.values.first().map_or("", |v| v.2.as_str())
                ));
            }
            Verdict::Unknown => {}
        }
    }
    if rule != ShortcodeRule::default() {
        out.shortcodes.insert(
            name.to_string(),
            ShortcodeSuggestion {
                rule,
                template: display,
                evidence,
            },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_words_or_one_capitalised_word() {
        assert!(reads_like_text("Sverige - Solna, Stockholm"));
        assert!(reads_like_text("Heltid"));
        assert!(!reads_like_text("horisontell"));
        assert!(!reads_like_text("#ned"));
        assert!(!reads_like_text("fa-external-link-alt"));
        assert!(!reads_like_text("2021-02-26"));
        assert!(!reads_like_text("/socialmedia/safespring-work.jpg"));
        assert!(only_words("horisontell"));
        assert!(!only_words("#ned"));
        assert!(!reads_like_text("True"), "a boolean, capitalised");
        assert!(
            !reads_like_text("fa-solid fa-star"),
            "icon classes, two words"
        );
    }

    /// The glossary's `status: Completed` is compared with "Completed" by
    /// its templates; a few translators translated it anyway.
    #[test]
    fn a_key_most_translations_keep_is_not_suggested() {
        let evidence = |changed: usize| {
            let mut evidence = Evidence::default();
            evidence.front_matter.insert(
                "status".into(),
                crate::hugo::evidence::KeyEvidence {
                    values: vec![("content/en/a.md".into(), "Completed".into()); 20],
                    translations: Compared {
                        compared: 40,
                        changed,
                        example: Some(("Completed".into(), "Terminé".into())),
                    },
                },
            );
            evidence
        };
        let config = Config::new("en", &["fr".into()], crate::project::Layout::ByDirectory);
        let root = Path::new("no-such-site");
        let slips = suggest(root, &config, &evidence(2));
        assert!(slips.front_matter.is_empty());
        assert_eq!(
            slips.undecided,
            [
                "front matter status: reads like text (\"Completed\"), but 38 of 40 translations keep it as it is; not suggested"
            ]
        );
        let translated = suggest(root, &config, &evidence(10));
        assert_eq!(translated.front_matter.len(), 1);
    }

    #[test]
    fn a_template_with_a_byte_that_is_no_utf8_is_still_read() {
        let dir = tempfile::tempdir().unwrap();
        for (name, bytes) in [
            (
                "hugo.toml",
                b"defaultContentLanguage = 'sv'\n[languages.sv]\n[languages.da]\n".as_slice(),
            ),
            (
                "content/sv/a.md",
                "Se:\n{{< kort \"Läs mer här\" >}}\n".as_bytes(),
            ),
            (
                "themes/t/layouts/shortcodes/kort.html",
                b"<!-- h\xe4mta -->\n<b>{{ .Get 0 }}</b>\n".as_slice(),
            ),
        ] {
            let path = dir.path().join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, bytes).unwrap();
        }
        let plan = crate::hugo::plan(dir.path(), &crate::hugo::Overrides::default()).unwrap();
        assert_eq!(plan.suggestions.templates, 1);
        let kort = &plan.suggestions.shortcodes["kort"];
        assert_eq!(kort.rule.positional, [0]);
        assert_eq!(kort.template, "themes/t/layouts/shortcodes/kort.html");
    }

    /// Values that are never text keep a key or parameter out, even where
    /// the template prints it as text.
    #[test]
    fn never_text_values_are_not_suggested() {
        let dir = tempfile::tempdir().unwrap();
        let posting = |title: &str| {
            format!(
                "---\ntitle: {title}\nplats: Solna eller Stockholm\nsynlig: \"True\"\nikon: fa-solid fa-star\n\
                 cSpell:ignore: opentelemetry namespacing\n---\n\
                 {{{{< kort \"Läs mer här\" >}}}}\n\
                 {{{{< kort ikon=\"fa-solid fa-star\" bredd=\"120px\" text=\"true\" >}}}}\n"
            )
        };
        for (name, text) in [
            (
                "hugo.toml",
                "defaultContentLanguage = 'sv'\n[languages.sv]\n[languages.da]\n".to_string(),
            ),
            ("content/sv/a.md", posting("A")),
            ("content/sv/b.md", posting("B")),
            (
                "layouts/shortcodes/kort.html",
                "<p>{{ .Get 0 }}</p><b>{{ .Get \"ikon\" }}</b><i>{{ .Get \"bredd\" }}</i>\n\
                 {{ if .Get \"text\" }}<hr>{{ end }}\n"
                    .to_string(),
            ),
        ] {
            let path = dir.path().join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        let plan = crate::hugo::plan(dir.path(), &crate::hugo::Overrides::default()).unwrap();
        let keys: Vec<&str> = plan
            .suggestions
            .front_matter
            .iter()
            .map(|k| k.key.as_str())
            .collect();
        assert_eq!(keys, ["plats"]);
        let kort = &plan.suggestions.shortcodes["kort"].rule;
        assert_eq!(kort.positional, [0]);
        assert!(kort.params.is_empty(), "{kort:?}");
        assert_eq!(
            plan.suggestions.undecided,
            [
                "front matter cspell:ignore: reads like text (\"opentelemetry namespacing\"), but the key names a tool's directive; not suggested"
            ],
            "every value of ikon, bredd and text is no text: nothing to look at"
        );
    }
}
