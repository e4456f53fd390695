//! Property tests of what `tolkar init` reads and writes: a site's
//! templates and Hugo configuration never make it panic, whatever they
//! hold, and the `tolkar.toml` it writes always reads back as what it
//! decided, whatever the site's values, names and paths are.
//!
//! The fuzz targets `template` and `hugo_config` (fuzz/) do the first two
//! at a larger scale.

use std::collections::BTreeMap;
use std::path::Path;

use proptest::collection::{btree_map, vec};
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;
use tolkar::hugo::evidence::{Compared, Evidence, KeyEvidence, KeyedPair, ParamEvidence};
use tolkar::hugo::render::render;
use tolkar::hugo::site::Site;
use tolkar::hugo::suggest::{KeySuggestion, ShortcodeSuggestion, Suggestions};
use tolkar::hugo::templates::{ParamRef, analyze};
use tolkar::hugo::{Decided, Overrides, assemble, config};
use tolkar::posting::rules::ShortcodeRule;
use tolkar::project::{Config, Layout, Project};

fn config_for_tests() -> ProptestConfig {
    ProptestConfig {
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/proptest-regressions/init_props.txt"
        )))),
        ..ProptestConfig::default()
    }
}

// ---------------------------------------------------------------------------
// Text
// ---------------------------------------------------------------------------

/// Any character, with the ones that break things more often than chance
/// would draw them: line breaks, control characters, quotes, `#`, glob
/// syntax, non-ASCII letters.
fn character() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => any::<char>(),
        4 => prop::char::range('a', 'z'),
        2 => Just(' '),
        1 => Just('\n'),
        1 => Just('\r'),
        1 => Just('\t'),
        1 => Just('\u{0}'),
        1 => Just('\u{7f}'),
        1 => Just('\u{85}'),
        1 => Just('\u{2028}'),
        1 => Just('#'),
        1 => Just('"'),
        1 => Just('\''),
        1 => Just('\\'),
        1 => Just('['),
        1 => Just('*'),
        1 => Just('{'),
        1 => Just('='),
        1 => Just('ä'),
        1 => Just('€'),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => vec(character(), 0..24).prop_map(String::from_iter),
        // A word longer than a comment line.
        1 => vec(prop::char::range('a', 'z'), 80..240).prop_map(String::from_iter),
    ]
}

// ---------------------------------------------------------------------------
// Templates
// ---------------------------------------------------------------------------

/// Pieces of shortcode templates, HTML and Go template syntax, to be put
/// together in any order.
const TEMPLATE_PIECES: &[&str] = &[
    "{{ ",
    " }}",
    "{{- ",
    " -}}",
    "{{/* ",
    " */}}",
    " */ -}}",
    "{{- /* ",
    "<style>",
    "</style>",
    "<script>",
    "</SCRIPT>",
    "<!--",
    "-->",
    "<a href=\"",
    "<img alt='",
    "\"",
    "'",
    "`",
    ">",
    "<p>",
    "</p>",
    "<code>",
    "</code>",
    "<br/>",
    "<!DOCTYPE html>",
    "(",
    ")",
    ").Title",
    "|",
    ":=",
    "=",
    ",",
    ".Get ",
    ".Get 0",
    ".Get \"title\"",
    "$.Get \"x\"",
    "index .Params 1",
    ".Params",
    ".Params.who",
    "$x",
    "$x := ",
    "$i, $e := ",
    "$",
    ".",
    "with ",
    "if ",
    "range ",
    "else ",
    "else with ",
    "end",
    "define \"x\"",
    "template \"x\" .",
    "errorf \"%q\" ",
    "printf \"/a/%s\" ",
    "printf \"%T\" ",
    "site.GetPage ",
    ".Site.GetPage ",
    "partial \"p.html\" ",
    ".Scratch.Set \"k\" ",
    ".Scratch.Get \"k\"",
    "$.Parent.Scratch.SetInMap \"t\" \"k\" ",
    "relURL ",
    "i18n ",
    "findRE ",
    "path.Base ",
    "highlight ",
    "dict \"a\" ",
    "or ",
    "default ",
    "eq ",
    "$.Page.RenderString ",
    "$p.Fit ",
    "Hämta ",
    "färg",
    "€",
    "\n",
    "\r\n",
    " ",
    "\\",
    "-3",
    "1.5",
    "'x'",
    "/* Hämta */",
];

fn template_soup() -> impl Strategy<Value = String> {
    vec(
        prop_oneof![
            6 => prop::sample::select(TEMPLATE_PIECES).prop_map(str::to_string),
            1 => text(),
        ],
        0..60,
    )
    .prop_map(|pieces| pieces.concat())
}

fn check_template(template: &str) {
    let analysis = analyze(template);
    let lines = template.matches('\n').count() + 1;
    for u in &analysis.uses {
        assert!(
            (1..=lines).contains(&u.line),
            "line {} of {lines}: {u:?}",
            u.line
        );
    }
    let _ = analysis.verdicts();
}

proptest! {
    #![proptest_config(config_for_tests())]

    /// Whatever a template holds, reading it does not panic, and every
    /// use it reports is on one of its lines.
    #[test]
    fn any_text_as_a_template_never_panics(template in text()) {
        check_template(&template);
    }

    #[test]
    fn template_soup_never_panics(template in template_soup()) {
        check_template(&template);
    }
}

// ---------------------------------------------------------------------------
// Hugo configuration
// ---------------------------------------------------------------------------

/// Pieces of TOML, YAML and JSON configurations.
const CONFIG_PIECES: &[&str] = &[
    "defaultContentLanguage",
    "contentDir",
    "languages",
    "module",
    "mounts",
    "source",
    "target",
    "lang",
    "weight",
    "disabled",
    "disableLanguages",
    "[",
    "]",
    "[[",
    "]]",
    "{",
    "}",
    "=",
    ":",
    ": ",
    " = ",
    ",",
    "\"",
    "'",
    "'''",
    "\"\"\"",
    "\n",
    "\r\n",
    "  ",
    "- ",
    "sv",
    "en",
    "1",
    "-1",
    "1e999",
    "nan",
    "true",
    "null",
    "~",
    "&a",
    "*a",
    "<<: *a",
    "!!str",
    "---",
    "...",
    "#",
    "ä",
    ".",
    "[languages.sv]",
    "[[module.mounts]]",
    "languages:\n  sv:\n    weight: 1\n",
    "{\"languages\": {\"sv\": {}}}",
    "2024-01-01T00:00:00Z",
    "0x10",
];

fn config_soup() -> impl Strategy<Value = String> {
    vec(
        prop_oneof![
            6 => prop::sample::select(CONFIG_PIECES).prop_map(str::to_string),
            1 => text(),
        ],
        0..50,
    )
    .prop_map(|pieces| pieces.concat())
}

/// Every reader, on `text` as each kind of file; errors are fine.
fn read_config(text: &str) {
    for name in [
        "hugo.toml",
        "hugo.yaml",
        "hugo.yml",
        "hugo.json",
        "config.toml",
        "config/_default/hugo.yaml",
        "config/_default/languages.toml",
        "config/_default/languages.yaml",
        "config/_default/module.json",
        "config/_default/module.toml",
    ] {
        if let Err(e) = config::parse(Path::new(name), text) {
            assert!(e.at.line >= 1 && e.at.column >= 1, "{name}: {e}");
        }
        let files = [(name.to_string(), text.to_string())];
        if let Ok(Some(found)) = config::from_texts(Path::new("site"), &files) {
            let _ = found.default_language();
            let _ = found.content_dir();
        }
    }
    // The strongest file and the directory together.
    let files = [
        ("hugo.toml".to_string(), text.to_string()),
        (
            "config/_default/languages.yaml".to_string(),
            text.to_string(),
        ),
        ("config/_default/module.json".to_string(), text.to_string()),
    ];
    let _ = config::from_texts(Path::new("site"), &files);
}

proptest! {
    #![proptest_config(config_for_tests())]

    #[test]
    fn any_text_as_a_hugo_configuration_never_panics(text in text()) {
        read_config(&text);
    }

    #[test]
    fn configuration_soup_never_panics(text in config_soup()) {
        read_config(&text);
    }
}

// ---------------------------------------------------------------------------
// What init writes
// ---------------------------------------------------------------------------

/// A path a configuration might give: parts of letters, glob syntax and
/// odd characters, never absolute and never `..` (init would read there).
fn path_part() -> impl Strategy<Value = String> {
    vec(
        prop_oneof![
            6 => prop::char::range('a', 'z'),
            1 => Just('['),
            1 => Just(']'),
            1 => Just('*'),
            1 => Just('?'),
            1 => Just('{'),
            1 => Just('}'),
            1 => Just('\\'),
            1 => Just('!'),
            1 => Just(' '),
            1 => Just('ä'),
            1 => Just('#'),
            1 => Just('"'),
            1 => Just('\n'),
        ],
        1..8,
    )
    .prop_map(String::from_iter)
}

fn path() -> impl Strategy<Value = String> {
    vec(path_part(), 1..3).prop_map(|parts| parts.join("/"))
}

fn code() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("sv".to_string()),
        Just("en".to_string()),
        Just("pt-br".to_string()),
        path_part(),
    ]
}

/// A Hugo configuration as JSON: languages, content directories and
/// mounts with odd codes and paths.
fn hugo_json() -> impl Strategy<Value = String> {
    (
        code(),
        prop::option::of(path()),
        btree_map(code(), (0i64..5, prop::option::of(path())), 1..4),
        vec((path(), path(), vec(code(), 0..3)), 0..4),
    )
        .prop_map(|(default, content_dir, languages, mounts)| {
            let mut json = serde_json::json!({ "defaultContentLanguage": default });
            if let Some(dir) = content_dir {
                json["contentDir"] = dir.into();
            }
            let mut langs = serde_json::Map::new();
            for (code, (weight, dir)) in languages {
                let mut lang = serde_json::json!({ "weight": weight });
                if let Some(dir) = dir {
                    lang["contentDir"] = dir.into();
                }
                langs.insert(code, lang);
            }
            json["languages"] = langs.into();
            let mounts: Vec<serde_json::Value> = mounts
                .into_iter()
                .map(|(source, target, langs)| {
                    serde_json::json!({
                        "source": source,
                        "target": format!("content/{target}"),
                        "lang": langs,
                    })
                })
                .collect();
            json["module"] = serde_json::json!({ "mounts": mounts });
            json.to_string()
        })
}

fn param() -> impl Strategy<Value = ParamRef> {
    prop_oneof![
        text().prop_map(ParamRef::Named),
        (0usize..4).prop_map(ParamRef::Position),
    ]
}

fn compared() -> impl Strategy<Value = Compared> {
    (0usize..3, 0usize..3, prop::option::of((text(), text()))).prop_map(
        |(compared, changed, example)| Compared {
            compared,
            changed,
            example,
        },
    )
}

/// What postings might hold: any front-matter values, any shortcode
/// names, parameters and values.
fn evidence() -> impl Strategy<Value = Evidence> {
    (
        btree_map(text(), (vec(text(), 1..4), compared()), 0..4),
        btree_map(
            prop_oneof![
                4 => text(),
                1 => Just("text_params".to_string()),
                1 => Just("verbatim".to_string()),
            ],
            btree_map(param(), (vec(text(), 1..3), compared()), 0..3),
            0..3,
        ),
        vec((text(), text(), text(), text()), 0..2),
        vec((text(), text()), 0..2),
    )
        .prop_map(|(front_matter, shortcodes, keyed, unreadable)| Evidence {
            sources: 3,
            pairs: 1,
            keyed: keyed
                .into_iter()
                .map(|(source, localized, expected, key)| KeyedPair {
                    source,
                    localized,
                    expected,
                    key,
                })
                .collect(),
            front_matter: front_matter
                .into_iter()
                .map(|(key, (values, translations))| {
                    let values = values
                        .into_iter()
                        .map(|v| ("content/sv/a.md".to_string(), v))
                        .collect();
                    (
                        key,
                        KeyEvidence {
                            values,
                            translations,
                        },
                    )
                })
                .collect(),
            shortcodes: shortcodes
                .into_iter()
                .map(|(name, params)| {
                    let params = params
                        .into_iter()
                        .map(|(param, (values, translations))| {
                            let values: Vec<(String, usize, String)> = values
                                .into_iter()
                                .map(|v| ("content/sv/a.md".to_string(), 3, v))
                                .collect();
                            let evidence = ParamEvidence {
                                prose: values.clone(),
                                values,
                                translations,
                            };
                            (param, evidence)
                        })
                        .collect();
                    (name, params)
                })
                .collect(),
            unreadable,
            // How the translations link: every language init might name.
            links: ["en", "da", "fr", "sv"]
                .into_iter()
                .enumerate()
                .map(|(i, lang)| {
                    let agreement = tolkar::posting::links::Agreement {
                        localized: i,
                        kept: 3 - i.min(3),
                    };
                    (lang.to_string(), agreement)
                })
                .collect(),
        })
}

/// Rules a template might have suggested, for any shortcode name.
fn suggested_shortcodes() -> impl Strategy<Value = BTreeMap<String, ShortcodeSuggestion>> {
    btree_map(
        prop_oneof![
            4 => text(),
            1 => Just("text_params".to_string()),
            1 => Just("verbatim".to_string()),
        ],
        (
            vec(text(), 0..3),
            vec(0usize..5, 0..3),
            vec(text(), 0..2),
            text(),
            vec(text(), 0..3),
        )
            .prop_map(|(params, positional, not_text, template, evidence)| {
                ShortcodeSuggestion {
                    rule: ShortcodeRule {
                        params,
                        positional,
                        not_text,
                        content: None,
                    },
                    template,
                    evidence,
                }
            }),
        0..3,
    )
}

fn decided<T>(value: T, why: String) -> Decided<T> {
    Decided::new(value, why)
}

/// What `site::decide` might have made of any configuration.
fn site() -> impl Strategy<Value = Site> {
    (
        (code(), vec(code(), 1..3), any::<bool>(), path()),
        btree_map(code(), path(), 0..3),
        vec(text(), 0..3),
        vec(text(), 8),
        vec(text(), 0..3),
        vec(text(), 0..2),
    )
        .prop_map(
            |(
                (source, targets, by_filename, content_dir),
                dirs,
                exclude,
                whys,
                undecided,
                files,
            )| {
                let why = |i: usize| whys.get(i).cloned().unwrap_or_default();
                let layout = if by_filename {
                    Layout::ByFilename
                } else {
                    Layout::ByDirectory
                };
                let content_dirs: BTreeMap<String, Decided<String>> = dirs
                    .into_iter()
                    .map(|(lang, dir)| (lang, decided(dir, why(4))))
                    .collect();
                Site {
                    hugo_files: files,
                    source: decided(source, why(0)),
                    targets: decided(targets, why(1)),
                    layout: decided(layout, why(2)),
                    content_dir: decided(content_dir, why(3)),
                    language_dirs: content_dirs.clone(),
                    content_dirs,
                    // Not checked yet: `assemble` leaves out what would not
                    // compile.
                    exclude: exclude.into_iter().map(|e| decided(e, why(5))).collect(),
                    undecided,
                }
            },
        )
}

/// `text` reads back as `config`, and a project loads from it.
#[track_caller]
fn loads(root: &Path, text: &str, config: &Config) {
    let read: Config = toml_edit::de::from_str(text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    assert_eq!(&read, config, "{text}");
    if let Err(e) = Project::new(root, read) {
        panic!("{e:?}\n{text}");
    }
    for line in text.lines().filter(|l| l.starts_with('#')) {
        assert!(line.chars().count() <= 78, "{line:?}");
    }
}

proptest! {
    #![proptest_config(config_for_tests())]

    /// Whatever the site and its postings hold, the file init writes reads
    /// back as exactly the configuration it decided, and loads.
    #[test]
    fn the_written_configuration_reads_back_as_planned(
        site in site(),
        evidence in evidence(),
        shortcodes in suggested_shortcodes(),
        notes in vec(text(), 0..3),
        keys in vec((text(), text()), 0..3),
    ) {
        let root = tempfile::tempdir().unwrap();
        let base = Config::new(&site.source.value, &site.targets.value, site.layout.value);
        let mut suggestions =
            tolkar::hugo::suggest::suggest(root.path(), &base, &evidence);
        suggestions.shortcodes.extend(shortcodes);
        suggestions.undecided.extend(notes);
        suggestions.front_matter.extend(keys.into_iter().map(|(key, value)| KeySuggestion {
            why: format!("{key}: 1 of 1 source values read like text (\"{value}\")"),
            key,
        }));
        let _: &Suggestions = &suggestions;
        let plan = assemble(site, evidence, suggestions);
        for name in ["text_params", "verbatim"] {
            prop_assert!(!plan.config.shortcodes.by_name.contains_key(name));
        }
        let text = render(&plan).unwrap_or_else(|e| panic!("{e}"));
        loads(root.path(), &text, &plan.config);
    }

    /// Whatever languages, directories and mounts the Hugo configuration
    /// names, init either refuses it with a message or writes a file that
    /// loads: the exclude patterns it makes from mounts always compile.
    #[test]
    fn what_init_takes_from_hugo_always_loads(json in hugo_json()) {
        let root = tempfile::tempdir().unwrap();
        let files = [("hugo.json".to_string(), json)];
        let Ok(Some(hugo)) = config::from_texts(root.path(), &files) else {
            return Ok(());
        };
        let Ok(site) = tolkar::hugo::site::decide(root.path(), Some(&hugo), &Overrides::default())
        else {
            return Ok(());
        };
        let excludes = site.exclude.len();
        let plan = assemble(site, Evidence::default(), Suggestions::default());
        prop_assert_eq!(plan.config.exclude.len(), excludes, "{:?}", plan.site.undecided);
        let text = render(&plan).unwrap_or_else(|e| panic!("{e}"));
        loads(root.path(), &text, &plan.config);
    }
}
