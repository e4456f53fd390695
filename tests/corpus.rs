//! The invariants of DESIGN.md over every posting in ../shared/corpus:
//! identity round trip byte for byte, and structure preserved under a
//! pseudo-translation that changes every segment.

mod common;

use common::structure::structure;
use common::{corpus_dir, corpus_files, site_rules};
use std::path::{Path, PathBuf};
use tolkar::posting::{Document, Rules, parse};
use tolkar::reassemble::{identity, reassemble};

#[test]
fn identity_round_trip_on_every_corpus_file() {
    if common::corpus_or_skip().is_none() {
        return;
    }
    for rules in [Rules::default(), site_rules()] {
        for path in corpus_files() {
            let bytes = std::fs::read(&path).unwrap();
            let doc = parse(&bytes, &rules).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            assert!(!doc.segments.is_empty(), "{}", path.display());
            assert!(
                identity(&doc).as_bytes() == bytes,
                "{} does not round-trip",
                path.display()
            );
            // Build's way with a posting of no translation: the body
            // unparsed, the same output.
            let short = tolkar::posting::parse_language_only(&bytes, &rules).unwrap();
            assert_eq!(
                reassemble(&short, |_| None, Some("xx")).unwrap(),
                reassemble(&doc, |_| None, Some("xx")).unwrap(),
                "{}",
                path.display()
            );
        }
    }
}

fn expanded(doc: &Document) -> String {
    let texts: Vec<String> = doc
        .segments
        .iter()
        .map(|s| tolkar::pseudo::expand(&s.text))
        .collect();
    reassemble(doc, |i| Some(texts[i].as_str()), Some("xx")).unwrap()
}

#[test]
fn pseudo_translation_keeps_structure_on_every_corpus_file() {
    if common::corpus_or_skip().is_none() {
        return;
    }
    let rules = site_rules();
    for path in corpus_files() {
        let source = std::fs::read_to_string(&path).unwrap();
        let doc = parse(source.as_bytes(), &rules).unwrap();
        let output = expanded(&doc);
        assert_ne!(output, source, "{}: nothing changed", path.display());
        let mut before = structure(&source, &rules);
        let after = structure(&output, &rules);
        if let Some(lang) = before.front_matter.get_mut("language") {
            *lang = "xx".into();
        }
        assert_eq!(before, after, "{}", path.display());
        // The output is a posting too, with the same segments in number.
        let again =
            parse(output.as_bytes(), &rules).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(
            again.segments.len(),
            doc.segments.len(),
            "{}",
            path.display()
        );
        for (a, b) in doc.segments.iter().zip(&again.segments) {
            assert_eq!((&a.key, a.kind), (&b.key, b.kind), "{}", path.display());
            assert_eq!(
                b.text,
                tolkar::pseudo::expand(&a.text),
                "{}: {}",
                path.display(),
                a.key
            );
        }
    }
}

#[test]
fn urls_icons_colours_and_dates_are_never_segments() {
    if common::corpus_or_skip().is_none() {
        return;
    }
    let rules = site_rules();
    for path in corpus_files() {
        let doc = parse(&std::fs::read(&path).unwrap(), &rules).unwrap();
        for segment in &doc.segments {
            let text = &segment.text;
            let is_url = ["http://", "https://", "mailto:", "/"]
                .iter()
                .any(|p| text.starts_with(p));
            assert!(
                !is_url,
                "{}: {} is a URL: {text}",
                path.display(),
                segment.key
            );
            assert!(
                !text.starts_with("fa-") && !text.starts_with('#'),
                "{}: {text}",
                path.display()
            );
            let is_date = text.len() == 10 && text.chars().all(|c| c.is_ascii_digit() || c == '-');
            assert!(
                !is_date && text != "sv" && text != "da",
                "{}: {text}",
                path.display()
            );
            assert!(
                !text.contains("](http"),
                "{}: a link target is editable: {text}",
                path.display()
            );
        }
    }
}

#[test]
fn the_seed_posting_gives_exactly_the_expected_segments() {
    if common::corpus_or_skip().is_none() {
        return;
    }
    let path = corpus_dir().join("seed/000_edf68feba42cc7db.txt");
    let doc = parse(&std::fs::read(path).unwrap(), &Rules::default()).unwrap();
    let got: String = doc
        .segments
        .iter()
        .map(|s| format!("{}\t{}\t{}\t{}\n", s.line, s.key, s.kind.as_str(), s.text))
        .collect();
    let expected_path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seed.segments.tsv");
    if std::env::var_os("TOLKAR_BLESS").is_some() {
        std::fs::write(&expected_path, &got).unwrap();
    }
    let expected = std::fs::read_to_string(&expected_path).unwrap();
    pretty_assert(&expected, &got);
}

#[track_caller]
fn pretty_assert(expected: &str, got: &str) {
    if expected != got {
        let diff = similar::TextDiff::from_lines(expected, got);
        panic!(
            "segments differ (- expected, + got):\n{}",
            diff.unified_diff()
        );
    }
}

fn edge_fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/edge");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
}

/// TOML and JSON front matter, CRLF with a BOM, nested and multi-line
/// shortcodes, comments, tables, footnotes, raw HTML and code fences with
/// shortcode-like text: what the corpus does not have.
#[test]
fn edge_fixtures_round_trip_and_keep_structure() {
    let rules = Rules::default();
    let mut all = String::new();
    for path in edge_fixtures() {
        let source = std::fs::read_to_string(&path).unwrap();
        let doc =
            parse(source.as_bytes(), &rules).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(
            identity(&doc) == source,
            "{} does not round-trip",
            path.display()
        );
        let output = expanded(&doc);
        assert_eq!(
            structure(&source, &rules),
            structure(&output, &rules),
            "{}",
            path.display()
        );
        for s in &doc.segments {
            all.push_str(&format!(
                "{}\t{}\t{}\n",
                path.file_name().unwrap().to_string_lossy(),
                s.key,
                s.text
            ));
        }
    }
    for expected in [
        "toml.md\tfm:description\tEn \"bra\" sida",
        "toml.md\tbody:h1[1]\tRubrik",
        "toml.md\tbody:td[2]\t<1>Chef</1>",
        "toml.md\tbody:fn[1]\tFotnotens text.",
        "toml.md\tbody:quote[1]\tCitat som fortsätter\npå nästa rad.",
        "toml.md\tbody:p[2]\tText med <1>inline html</1> och <2/>.",
        "json.md\tfm:title\tJSON-rubrik",
        "json.md\tbody:p[1]\tStycke ett med <1>länk</1>.",
        "json.md\tbody:img[1]\tBild på kontoret",
        "crlf-bom.md\tbody:p[1]\tFörsta raden\nandra raden<1/>\ntredje.",
        "nested.md\tsc:tab[1].title\tFörsta",
        "nested.md\tbody:p[1]\tInnehåll i <1>första</1> fliken.",
        "nested.md\tbody:p[2]\tSe <1/> för syntax, och <2/> här.",
        "nested.md\tsc:figure[1].caption\tMultirad",
        "nested.md\tbody:p[3]\tSlut utan radbrytning",
        "hugo-extras.md\tbody:p[1]\t<1>Important</1> note about badges.",
        "hugo-extras.md\tbody:quote[1]\tPlace the divider on its own line.",
        "hugo-extras.md\tbody:p[2]\tThis is a paragraph.\n",
        "hugo-extras.md\tbody:p[3]\tFront&nbsp;matter :heavy_check_mark: ok",
        "hugo-extras.md\tbody:p[4]\t\\*Obs:\\* detta är inte betoning, se <1>innehållsformat</1> och <2>front matter</2>.",
        "hugo-extras.md\tbody:li[1]\t\\#hashtag i en lista",
    ] {
        assert!(all.contains(expected), "missing {expected:?} in\n{all}");
    }
    for never in [
        "indenterad kod",
        "Rå HTML",
        "not-a-shortcode",
        "func main",
        "2024-01-02",
        "\tred\n",
    ] {
        assert!(!all.contains(never), "{never:?} is not a segment:\n{all}");
    }
}

/// A translation that reflows a CRLF paragraph keeps CRLF line endings.
#[test]
fn translated_lines_keep_the_line_endings_and_prefixes() {
    let source = "> Citat som\r\n> fortsätter.\r\n";
    let doc = parse(source.as_bytes(), &Rules::default()).unwrap();
    assert_eq!(doc.segments[0].text, "Citat som\nfortsätter.");
    let out = reassemble(&doc, |_| Some("A quote\nthat goes\non."), None).unwrap();
    assert_eq!(out, "> A quote\r\n> that goes\r\n> on.\r\n");
}

/// Lists of strings (tags) are translated item by item where configured,
/// and a translated item that needs quoting gets quotes.
#[test]
fn configured_front_matter_lists_are_translated_item_by_item() {
    let mut rules = Rules::default();
    rules.front_matter.lists = vec!["tags".into()];
    for source in [
        "---\ntitle: T\ntags: [moln, öppen källkod]\n---\n42\n",
        "---\ntitle: T\ntags:\n  - moln\n  - öppen källkod\n---\n42\n",
        "+++\ntitle = \"T\"\ntags = [\"moln\", \"öppen källkod\"]\n+++\n42\n",
        "{\"title\": \"T\", \"tags\": [\"moln\", \"öppen källkod\"]}\n42\n",
    ] {
        let doc = parse(source.as_bytes(), &rules).unwrap();
        let keys: Vec<&str> = doc.segments.iter().map(|s| s.key.as_str()).collect();
        assert_eq!(keys, ["fm:title", "fm:tags[1]", "fm:tags[2]"], "{source}");
        let out = reassemble(
            &doc,
            |i| Some(["Title", "cloud, sky", "open: source"][i]),
            None,
        )
        .unwrap();
        let again = parse(out.as_bytes(), &rules).unwrap_or_else(|e| panic!("{out}: {e}"));
        let texts: Vec<&str> = again.segments.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(texts, ["Title", "cloud, sky", "open: source"], "{out}");
    }
    let doc = parse(b"---\ntags: [a, b]\n---\n42\n", &Rules::default()).unwrap();
    assert!(
        doc.segments.iter().all(|s| !s.key.starts_with("fm:tags")),
        "not translated unless configured"
    );
}

/// A translated reference link still resolves, and an inline paired
/// shortcode is one placeholder pair that a translation cannot split.
#[test]
fn reference_links_and_inline_paired_shortcodes_survive_translation() {
    let source = "Se [Hem] och {{% badge %}}Viktigt{{% /badge %}} nu.\n\n[Hem]: /sv/hem/\n";
    let doc = parse(source.as_bytes(), &Rules::default()).unwrap();
    assert_eq!(doc.segments[0].text, "Se <1>Hem</1> och <2>Viktigt</2> nu.");
    let out = reassemble(&doc, |_| Some("<2>Important</2>: see <1>Home</1>."), None).unwrap();
    assert_eq!(
        out,
        "{{% badge %}}Important{{% /badge %}}: see [Home][Hem].\n\n[Hem]: /sv/hem/\n"
    );
    assert!(reassemble(&doc, |_| Some("<2/>Important see <1>Home</1>."), None).is_err());
}
