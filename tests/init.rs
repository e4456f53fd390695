//! `tolkar init` on existing Hugo sites: the fixtures under
//! `tests/fixtures/hugo/` (one per way of configuring languages) and a copy
//! of the corpus site. Each run writes a `tolkar.toml` that must load, say
//! what the site says, and work with `sync`.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use common::{copy_tree, corpus_or_skip, repo, stderr_of, succeed, tolkar_in};
use tolkar::posting::Rules;
use tolkar::project::{CONFIG_FILE, Config, Layout, Project};

struct Site {
    dir: tempfile::TempDir,
    /// What init said on stderr.
    said: String,
}

impl Site {
    /// A copy of `tests/fixtures/hugo/NAME`, with `tolkar init ARGS` run.
    fn init(name: &str, args: &[&str]) -> Site {
        let dir = tempfile::tempdir().unwrap();
        copy_tree(&repo().join("tests/fixtures/hugo").join(name), dir.path());
        Site::init_in(dir, args)
    }

    fn init_in(dir: tempfile::TempDir, args: &[&str]) -> Site {
        let said = succeed(tolkar_in(dir.path()).arg("init").args(args));
        Site { dir, said }
    }

    /// The written file, with wrapped comment lines joined again.
    fn text(&self) -> String {
        std::fs::read_to_string(self.dir.path().join(CONFIG_FILE))
            .unwrap()
            .replace("\n#   ", " ")
    }

    fn config(&self) -> Config {
        let text = std::fs::read_to_string(self.dir.path().join(CONFIG_FILE)).unwrap();
        toml_edit::de::from_str(&text).unwrap_or_else(|e| panic!("{e}\n{text}"))
    }

    fn sync(&self) -> String {
        succeed(tolkar_in(self.dir.path()).arg("sync"))
    }
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

#[test]
fn toml_with_a_content_dir_per_language() {
    let site = Site::init("toml-contentdir", &[]);
    let config = site.config();
    assert_eq!(config.source_language, "sv");
    assert_eq!(config.target_languages, ["en", "da"], "by weight");
    assert_eq!(config.layout, Layout::ByDirectory);
    assert_eq!(config.content_dir, "content");
    let dirs: Vec<_> = config
        .content_dirs
        .iter()
        .map(|(l, d)| format!("{l}={d}"))
        .collect();
    assert_eq!(
        dirs,
        ["en=content/english", "sv=content/svenska"],
        "da is content/da and needs no entry"
    );
    let text = site.text();
    assert!(
        text.contains("# from hugo.toml: defaultContentLanguage = 'sv'"),
        "{text}"
    );
    assert!(
        text.contains("languages.sv.contentDir = 'content/svenska'"),
        "{text}"
    );

    assert!(site.sync().contains("Synced 2 documents"));
    succeed(tolkar_in(site.dir.path()).arg("build"));
    let path = |p: &str| site.dir.path().join(p);
    assert!(
        path("content/english/blogg/nytt.md").is_file(),
        "build follows content_dirs"
    );
    assert!(path("content/da/blogg/hej.md").is_file());
    assert_eq!(
        std::fs::read_to_string(path("content/english/blogg/hej.md")).unwrap(),
        "---\ntitle: Hello world\n---\nThis is the first post.\n",
        "the hand translation is not overwritten"
    );
}

#[test]
fn absolute_content_dirs_inside_the_site_are_made_relative() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(
        &repo().join("tests/fixtures/hugo/toml-contentdir"),
        dir.path(),
    );
    let config = dir.path().join("hugo.toml");
    let absolute = dir.path().canonicalize().unwrap().join("content/english/");
    let text = std::fs::read_to_string(&config).unwrap().replace(
        "contentDir = \"content/english\"",
        &format!("contentDir = '{}/'", absolute.display()),
    );
    std::fs::write(&config, text).unwrap();
    let site = Site::init_in(dir, &[]);
    assert_eq!(site.config().content_dirs["en"], "content/english");
}

#[test]
fn yaml_with_case_insensitive_keys_and_a_template() {
    let site = Site::init("yaml", &[]);
    let config = site.config();
    assert_eq!(config.source_language, "da", "DefaultContentLanguage");
    assert_eq!(config.target_languages, ["en"]);
    assert_eq!(config.layout, Layout::ByDirectory);
    assert!(
        config.front_matter.keys.iter().any(|k| k == "undertitel"),
        "a key whose value reads like text"
    );
    assert!(!config.front_matter.keys.iter().any(|k| k == "date"));
    let figur = &config.shortcodes.by_name["figur"];
    assert_eq!(figur.params, ["beskrivelse", "billedtekst"]);
    assert!(!config.shortcodes.by_name.contains_key("kort"));
    let text = site.text();
    let undecided = &text[text.find("could not decide").expect(&text)..];
    assert!(
        undecided.contains("shortcode kort has no template"),
        "{undecided}"
    );
    assert!(undecided.contains("Læs"), "{undecided}");
    assert!(
        site.said.contains("1 thing init could not decide"),
        "{}",
        site.said
    );
    assert!(site.sync().contains("Synced 1 document"));
}

#[test]
fn json_under_the_older_name() {
    let site = Site::init("json", &[]);
    let config = site.config();
    assert_eq!(config.source_language, "nb");
    assert_eq!(config.target_languages, ["sv", "en"]);
    assert_eq!(config.layout, Layout::ByDirectory);
    assert!(config.content_dirs.is_empty());
    assert!(site.said.contains("config.json"), "{}", site.said);
    assert!(site.sync().contains("Synced 1 document"));
}

#[test]
fn config_default_directory_with_languages_toml() {
    let site = Site::init("config-dir", &[]);
    let config = site.config();
    assert_eq!(config.source_language, "sv");
    assert_eq!(config.target_languages, ["en", "nb"]);
    assert_eq!(config.layout, Layout::ByDirectory);
    assert_eq!(config.content_dir, "content");
    assert!(
        site.text()
            .contains("config/_default/languages.toml: languages.nb.contentDir"),
        "{}",
        site.text()
    );
    assert!(site.sync().contains("Synced 1 document"));
}

#[test]
fn translations_beside_their_sources_are_by_filename() {
    let site = Site::init("by-filename", &[]);
    let config = site.config();
    assert_eq!(config.layout, Layout::ByFilename);
    assert_eq!(config.target_languages, ["da", "en"], "by weight");
    assert!(
        site.text().contains("content/posts/x.da.md"),
        "{}",
        site.text()
    );
    assert!(
        site.sync().contains("Synced 2 documents"),
        "x.md and y.md, not x.da.md"
    );
}

#[test]
fn mounts_with_lang_give_directories_and_shared_mounts_are_excluded() {
    let site = Site::init("mounts", &[]);
    let config = site.config();
    assert_eq!(config.source_language, "sv");
    assert_eq!(config.target_languages, ["en"]);
    assert_eq!(config.layout, Layout::ByDirectory);
    assert_eq!(config.exclude, ["legal/**"]);
    let rules = &config.shortcodes.by_name;
    assert_eq!(
        rules["box"].params,
        ["heading"],
        "not the class or the link"
    );
    assert!(rules["box"].positional.is_empty());
    assert_eq!(
        rules["person"].params,
        ["role"],
        "from the theme's _shortcodes; the name is the same in the translation"
    );
    let text = site.text();
    assert!(
        text.contains("# box: from its template layouts/shortcodes/box.html"),
        "{text}"
    );
    assert!(
        text.contains("box.html:4: <h2>{{ $heading }}</h2>"),
        "{text}"
    );
    let undecided = &text[text.find("could not decide").expect(&text)..];
    assert!(undecided.contains("shortcode banner has no template"));
    assert!(undecided.contains("shortcode person name"));
    assert!(
        site.said.contains("not translated: legal/**"),
        "{}",
        site.said
    );
    assert!(site.sync().contains("Synced 1 document"));
}

#[test]
fn pages_paired_by_translation_key_are_reported() {
    let site = Site::init("translation-key", &[]);
    assert!(
        site.said
            .contains("1 localized page pairs with a source by translationKey"),
        "{}",
        site.said
    );
    let text = site.text();
    assert!(
        text.contains("content/en/about/us.md ↔ content/sv/om/oss.md"),
        "{text}"
    );
    assert!(
        !text.contains("content/en/kontakt.md ↔"),
        "same path: nothing to report"
    );
    site.config();
}

#[test]
fn flags_override_the_site() {
    let site = Site::init(
        "mounts",
        &[
            "--source",
            "en",
            "--targets",
            "sv,da",
            "--layout",
            "by-filename",
        ],
    );
    let config = site.config();
    assert_eq!(config.source_language, "en");
    assert_eq!(config.target_languages, ["sv", "da"]);
    assert_eq!(config.layout, Layout::ByFilename);
    assert!(site.text().contains("\n# from --source\nsource_language"));
}

#[test]
fn without_hugo_configuration_targets_are_required() {
    let dir = tempfile::tempdir().unwrap();
    let output = tolkar_in(dir.path()).arg("init").output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let said = stderr_of(&output);
    assert!(said.contains("no target languages"), "{said}");
    assert!(said.contains("--targets"), "{said}");
    assert!(!dir.path().join(CONFIG_FILE).exists());

    let site = Site::init_in(dir, &["--source", "sv", "--targets", "da"]);
    assert!(site.said.contains("No Hugo configuration"), "{}", site.said);
    assert_eq!(site.config().layout, Layout::ByDirectory);
}

#[test]
fn a_broken_hugo_configuration_names_file_line_and_column() {
    for (name, text, at) in [
        ("hugo.toml", "title = 'x'\n[languages\n", "hugo.toml:2:"),
        ("hugo.yaml", "title: x\nlanguages: [sv\n", "hugo.yaml:3:"),
        (
            "config.json",
            "{\"title\": \"x\",\n\"languages\": }",
            "config.json:2:",
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(name), text).unwrap();
        let output = tolkar_in(dir.path()).arg("init").output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{name}");
        let said = stderr_of(&output);
        assert!(said.contains(at), "{name}: {said}");
        assert!(said.contains("invalid Hugo configuration"), "{said}");
        assert!(!dir.path().join(CONFIG_FILE).exists());
    }
}

#[test]
fn dry_run_prints_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&repo().join("tests/fixtures/hugo/mounts"), dir.path());
    let output = tolkar_in(dir.path())
        .args(["init", "--dry-run"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let printed = String::from_utf8(output.stdout).unwrap();
    let config: Config = toml_edit::de::from_str(&printed).unwrap();
    assert_eq!(config.source_language, "sv");
    assert!(!dir.path().join(CONFIG_FILE).exists());
}

/// The corpus site: Swedish sources, mounts with `lang`, and a shared
/// `content/compliance` mounted for every language. `None` without the
/// corpus.
fn corpus() -> Option<Site> {
    let corpus = corpus_or_skip()?;
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&corpus.join("site"), dir.path());
    let compliance = dir.path().join("content/compliance/gdpr.md");
    std::fs::create_dir_all(compliance.parent().unwrap()).unwrap();
    std::fs::write(&compliance, "---\ntitle: GDPR\n---\nThe same everywhere.\n").unwrap();
    Some(Site::init_in(dir, &[]))
}

#[test]
fn the_corpus_site() {
    let Some(site) = corpus() else {
        return;
    };
    let config = site.config();
    assert_eq!(config.source_language, "sv");
    assert_eq!(
        config.target_languages,
        ["en", "nb", "da"],
        "by weight: en 1, (sv 2), nb 3, da 4"
    );
    assert_eq!(config.layout, Layout::ByDirectory);
    assert_eq!(config.content_dir, "content");
    assert!(config.content_dirs.is_empty());
    assert_eq!(
        config.exclude,
        ["compliance/**"],
        "content/compliance is shared"
    );
    let text = site.text();
    assert!(
        text.contains("source = 'content/sv', target = 'content', lang = 'sv'"),
        "{text}"
    );
    assert!(
        text.contains("defaultContentLanguage = 'sv' is inside [pagination]"),
        "the misplaced key is pointed out: {text}"
    );
    for key in ["team", "location", "duration"] {
        assert!(
            config.front_matter.keys.iter().any(|k| k == key),
            "{key}: {text}"
        );
    }
    for key in [
        "list",
        "sidebarlinkurl",
        "sidebarlinkicon",
        "socialmedia",
        "date",
    ] {
        assert!(
            !config.front_matter.keys.iter().any(|k| k == key),
            "{key}: {text}"
        );
    }
    let synced = site.sync();
    assert!(synced.contains("Synced 17 documents"), "{synced}");
    let sources: Vec<_> = std::fs::read_dir(site.dir.path().join("content/sv/career"))
        .unwrap()
        .collect();
    assert_eq!(sources.len(), 17);
}

/// On every Swedish posting of the corpus, the suggested rules make the same
/// segments as the hand-written `examples/site/tolkar.toml`.
#[test]
fn the_corpus_suggestions_segment_like_the_example_config() {
    let Some(site) = corpus() else {
        return;
    };
    let config = site.config();
    let suggested = Rules {
        front_matter: config.front_matter.clone(),
        shortcodes: config.shortcodes.clone(),
    };
    // All of examples/site/tolkar.toml: `common::site_rules` leaves out the
    // [shortcodes.NAME] tables.
    let example: Config = toml_edit::de::from_str(
        &std::fs::read_to_string(repo().join("examples/site/tolkar.toml")).unwrap(),
    )
    .unwrap();
    let example = Rules {
        front_matter: example.front_matter,
        shortcodes: example.shortcodes,
    };
    let dir = site.dir.path().join("content/sv/career");
    let mut compared = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        let keys = |rules: &Rules| -> BTreeSet<String> {
            tolkar::posting::parse(&bytes, rules)
                .unwrap()
                .segments
                .into_iter()
                .map(|s| s.key)
                .collect()
        };
        assert_eq!(keys(&suggested), keys(&example), "{}", path.display());
        compared += 1;
    }
    assert_eq!(compared, 17);
    let rules = &config.shortcodes.by_name;
    for (name, positional) in [
        ("note", vec![0]),
        ("inline", vec![0]),
        ("2calltoaction", vec![0, 2]),
        ("localtextbutton", vec![0]),
    ] {
        assert_eq!(rules[name].positional, positional, "{name}");
    }
    assert!(
        !rules.contains_key("contact"),
        "title is a text parameter everywhere; name is kept by every translation"
    );
}

#[test]
fn init_refuses_to_overwrite_without_force() {
    let site = Site::init("json", &[]);
    let before = site.text();
    let output = tolkar_in(site.dir.path()).arg("init").output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(site.text(), before);
    succeed(tolkar_in(site.dir.path()).args(["init", "--force", "--targets", "da"]));
    assert_eq!(site.config().target_languages, strings(&["da"]));
    assert!(Path::new(&site.dir.path().join(CONFIG_FILE)).is_file());
}

/// A copy of corpus site `name` (`site`, `glossary`, or `docsy`: the Docsy
/// documentation with the theme's templates where a user's install puts
/// them, `themes/docsy/layouts`), with `tolkar init` run. `None` without
/// the corpus.
fn corpus_site(name: &str) -> Option<Site> {
    let corpus = corpus_or_skip()?;
    let dir = tempfile::tempdir().unwrap();
    if name == "docsy" {
        copy_tree(&corpus.join("docsy/docsy.dev"), dir.path());
        copy_tree(
            &corpus.join("docsy/theme/layouts"),
            &dir.path().join("themes/docsy/layouts"),
        );
    } else {
        copy_tree(&corpus.join(name), dir.path());
    }
    Some(Site::init_in(dir, &[]))
}

/// On each real site, init writes a file that tolkar itself loads and
/// works with.
#[test]
fn init_writes_a_configuration_that_loads_on_every_corpus_site() {
    for name in ["site", "glossary", "docsy"] {
        let Some(site) = corpus_site(name) else {
            return;
        };
        let project = Project::load(site.dir.path()).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        assert!(
            !project.source_postings().unwrap().is_empty(),
            "{name}: postings are found"
        );
        assert_eq!(project.config, site.config(), "{name}");
        succeed(tolkar_in(site.dir.path()).arg("status"));
    }
}

/// The Docsy documentation: shortcodes of a theme, mounts of single files
/// and a language that falls back to another's directory.
#[test]
fn init_on_the_docsy_documentation() {
    let Some(site) = corpus_site("docsy") else {
        return;
    };
    let config = site.config();
    assert_eq!(config.source_language, "en");
    assert_eq!(config.target_languages, ["fr"]);
    assert_eq!(config.layout, Layout::ByDirectory);
    assert_eq!(config.content_dir, "content");
    assert!(config.content_dirs.is_empty());
    assert_eq!(
        config.exclude,
        [
            "project/repo/AGENTS.md",
            "project/repo/CHANGELOG.md",
            "project/repo/CONTRIBUTING.md",
            "project/repo/README.md",
        ],
        "mounted files are excluded as files; mounted images are no postings"
    );
    let rules = &config.shortcodes.by_name;
    assert_eq!(
        rules.keys().collect::<Vec<_>>(),
        ["card"],
        "imgproc's file and options and siteGetPage's path and property are no text: {}",
        site.text()
    );
    assert_eq!(rules["card"].params, ["footer", "header", "subtitle"]);
    assert!(
        !config.front_matter.keys.iter().any(|k| k.contains(':')),
        "cSpell:ignore is no text: {:?}",
        config.front_matter.keys
    );
    let text = site.text();
    assert!(
        text.contains("sites.matrix.languages = 'fr'"),
        "fr's directory comes from its mount: {text}"
    );
    assert!(
        !text.contains("reads only each language's own content directory"),
        "{text}"
    );
    assert!(site.said.contains("18 templates read"), "{}", site.said);
}

/// The CNCF glossary: the site's contentDir is English's, each other
/// language has its own.
#[test]
fn init_on_the_glossary() {
    let Some(site) = corpus_site("glossary") else {
        return;
    };
    let config = site.config();
    assert_eq!(config.source_language, "en");
    assert_eq!(config.target_languages.len(), 15);
    assert_eq!(config.layout, Layout::ByDirectory);
    assert_eq!(config.content_dir, "content");
    assert!(config.content_dirs.is_empty());
    let text = site.text();
    assert!(
        text.contains("en: content/en (from config.toml: contentDir = 'content/en'"),
        "{text}"
    );
    assert!(!text.contains("content/en/en"), "{text}");
    assert!(
        !config
            .shortcodes
            .by_name
            .contains_key("sign-language-section"),
        "its parameter is a video id, formatted into a shortcode call: {text}"
    );
    assert!(
        !config.front_matter.keys.iter().any(|k| k == "status"),
        "status: Completed is what the templates look for, kept by most translations: {text}"
    );
    assert!(
        text.contains("front matter status: reads like text (\"Feedback Appreciated\"), but 782 of 817 translations keep it"),
        "{text}"
    );
    assert!(site.said.contains("95 source postings"), "{}", site.said);
}
