//! Localized link targets: many sites link a translation's pages to the
//! pages of its own language (`/fr/service/` where the source has
//! `/service/`). `[links]` in tolkar.toml names the languages whose
//! internal links build rewrites so, and how (`pattern`, `/{lang}{path}`
//! by default); init and adopt count how the existing translations link
//! and suggest it.
//!
//! Only a page path is rewritten: a target that starts with one `/`, not
//! already in the language's path, whose last part has no file extension
//! (a picture or a PDF is served from the same place in every language).

use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::{Document, Rules, parse};

/// The pattern most Hugo sites follow: the language's path before the
/// source's target.
pub const DEFAULT_PATTERN: &str = "/{lang}{path}";

/// `[links]`: how build writes internal link targets in translations.
/// (Two rules are equal by what the configuration says: `languages` is
/// the project's, not the rule's.)
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct LinkRule {
    /// The languages whose internal links point to their own pages.
    pub localize: Vec<String>,
    /// The target in a translation: `{lang}` is its language, `{path}` the
    /// source's target.
    pub pattern: String,
    /// Every language of the site (set when the project loads): a link
    /// into one of their paths is left as it is.
    #[serde(skip)]
    pub languages: Vec<String>,
}

impl PartialEq for LinkRule {
    fn eq(&self, other: &LinkRule) -> bool {
        self.localize == other.localize && self.pattern == other.pattern
    }
}

impl Eq for LinkRule {}

impl Default for LinkRule {
    fn default() -> LinkRule {
        LinkRule {
            localize: Vec::new(),
            pattern: DEFAULT_PATTERN.to_string(),
            languages: Vec::new(),
        }
    }
}

impl LinkRule {
    /// Whether build rewrites `lang`'s internal links.
    pub fn applies_to(&self, lang: &str) -> bool {
        self.localize.iter().any(|l| l == lang)
    }

    /// `target` as a translation into `lang` links it, if it is a page
    /// path that changes.
    pub fn localized(&self, target: &str, lang: &str) -> Option<String> {
        if !is_page_path(target) {
            return None;
        }
        // Already a page of one language or another (`/en/about/`).
        let first = target[1..]
            .split(['/', '#', '?'])
            .next()
            .unwrap_or_default();
        if !first.is_empty()
            && (first.eq_ignore_ascii_case(lang)
                || self.languages.iter().any(|l| l.eq_ignore_ascii_case(first)))
        {
            return None;
        }
        let prefix = self
            .pattern
            .split("{path}")
            .next()
            .unwrap_or_default()
            .replace("{lang}", lang);
        let already = !prefix.is_empty()
            && prefix != "/"
            && (target.starts_with(&format!("{}/", prefix.trim_end_matches('/')))
                || target == prefix.trim_end_matches('/'));
        if already {
            return None;
        }
        let localized = self
            .pattern
            .replace("{lang}", lang)
            .replace("{path}", target);
        (localized != target).then_some(localized)
    }

    /// `doc` as build renders it into `lang`: its link targets localized
    /// if the rule applies (the segments stay: targets are markup).
    pub fn localize(&self, doc: Document, rules: &Rules, lang: &str) -> Document {
        if !self.applies_to(lang) {
            return doc;
        }
        match self
            .apply(&doc, lang)
            .map(|text| parse(text.as_bytes(), rules))
        {
            Some(Ok(localized)) => localized,
            _ => doc,
        }
    }

    /// `doc`'s source with every internal link target localized for
    /// `lang`; `None` if none changes.
    pub fn apply(&self, doc: &Document, lang: &str) -> Option<String> {
        let mut out = String::with_capacity(doc.source.len() + 64);
        let mut at = 0;
        for range in &doc.link_targets {
            let Some(localized) = self.localized(&doc.source[range.clone()], lang) else {
                continue;
            };
            out.push_str(&doc.source[at..range.start]);
            out.push_str(&localized);
            at = range.end;
        }
        if at == 0 {
            return None;
        }
        out.push_str(&doc.source[at..]);
        Some(out)
    }
}

/// A link to a page of the site: `/path/…` (not `//host`, not a file).
pub fn is_page_path(target: &str) -> bool {
    if !target.starts_with('/') || target.starts_with("//") {
        return false;
    }
    let path = target.split(['#', '?']).next().unwrap_or_default();
    let last = path.rsplit('/').next().unwrap_or_default();
    // `/docs/`, `/about`, `/v1.2/`: a page; `/logo.png`: a file.
    match last.rsplit_once('.') {
        Some((_, extension)) => {
            extension.is_empty() || extension.chars().all(|c| c.is_ascii_digit())
        }
        None => true,
    }
}

/// How a translation's internal links relate to its source's.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Agreement {
    /// Source page links the translation has localized (by `pattern`).
    pub localized: usize,
    /// Source page links the translation has as the source has them.
    pub kept: usize,
}

impl std::ops::AddAssign for Agreement {
    fn add_assign(&mut self, other: Agreement) {
        self.localized += other.localized;
        self.kept += other.kept;
    }
}

/// The link targets of `doc`, as written.
pub fn targets(doc: &Document) -> Vec<String> {
    doc.link_targets
        .iter()
        .map(|r: &Range<usize>| doc.source[r.clone()].to_string())
        .collect()
}

/// Counts, for each page link of a source (`source`, its link targets),
/// whether its translation into `lang` (`translation`) links it localized
/// by `pattern`, or as the source does.
pub fn agreement(
    source: &[String],
    translation: &[String],
    pattern: &str,
    lang: &str,
) -> Agreement {
    let rule = LinkRule {
        localize: vec![lang.to_string()],
        pattern: pattern.to_string(),
        languages: Vec::new(),
    };
    let mut agreement = Agreement::default();
    for target in source {
        match rule.localized(target, lang) {
            Some(wanted) if translation.contains(&wanted) => agreement.localized += 1,
            Some(_) if translation.contains(target) => agreement.kept += 1,
            _ => {}
        }
    }
    agreement
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(langs: &[&str]) -> LinkRule {
        LinkRule {
            localize: langs.iter().map(|l| l.to_string()).collect(),
            ..LinkRule::default()
        }
    }

    #[test]
    fn page_paths_are_localized_files_and_other_sites_are_not() {
        let fr = rule(&["fr"]);
        assert_eq!(
            fr.localized("/service/", "fr").as_deref(),
            Some("/fr/service/")
        );
        assert_eq!(
            fr.localized("/docs/a#b", "fr").as_deref(),
            Some("/fr/docs/a#b")
        );
        assert_eq!(fr.localized("/fr/service/", "fr"), None);
        assert_eq!(fr.localized("/images/a.png", "fr"), None);
        assert_eq!(fr.localized("//cdn.example/x", "fr"), None);
        assert_eq!(fr.localized("https://example.com/", "fr"), None);
        assert_eq!(fr.localized("../a/", "fr"), None);
        assert_eq!(fr.localized("#anchor", "fr"), None);
        assert_eq!(fr.localized("/v1.2/", "fr").as_deref(), Some("/fr/v1.2/"));
        let pattern = LinkRule {
            localize: vec!["pt-br".into()],
            pattern: "/{lang}/docs{path}".into(),
            languages: Vec::new(),
        };
        // A link into another language's pages stays.
        let known = LinkRule {
            languages: vec!["en".into(), "fr".into()],
            ..rule(&["fr"])
        };
        assert_eq!(known.localized("/en/about/", "fr"), None);
        assert_eq!(
            known.localized("/enterprise/", "fr").as_deref(),
            Some("/fr/enterprise/")
        );
        assert_eq!(
            pattern.localized("/intro/", "pt-br").as_deref(),
            Some("/pt-br/docs/intro/")
        );
    }

    #[test]
    fn inline_links_and_definitions_are_rewritten_text_and_code_are_not() {
        let text = "---\ntitle: T\n---\nSee [the service](/service/) and [ref][r], \
                    not `[x](/code/)` nor ![logo](/logo.png).\n\n[r]: /other/ \"Title\"\n";
        let doc = parse(text.as_bytes(), &Rules::default()).unwrap();
        let out = rule(&["fr"]).apply(&doc, "fr").unwrap();
        assert_eq!(
            out,
            "---\ntitle: T\n---\nSee [the service](/fr/service/) and [ref][r], \
             not `[x](/code/)` nor ![logo](/logo.png).\n\n[r]: /fr/other/ \"Title\"\n"
        );
        // The segments are the same: targets are markup.
        let localized = parse(out.as_bytes(), &Rules::default()).unwrap();
        let texts = |d: &Document| {
            d.segments
                .iter()
                .map(|s| s.text.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(texts(&doc), texts(&localized));
    }

    #[test]
    fn a_title_that_holds_the_target_is_not_rewritten() {
        let doc = parse(b"[a](/x \"](/x\")\n", &Rules::default()).unwrap();
        assert_eq!(
            rule(&["fr"]).apply(&doc, "fr").as_deref(),
            Some("[a](/fr/x \"](/x\")\n")
        );
    }

    #[test]
    fn agreement_counts_localized_and_kept_links() {
        let source = parse(b"[a](/a/) [b](/b/) [c](/c/)\n", &Rules::default()).unwrap();
        let fr = parse(b"[a](/fr/a/) [b](/b/) [c](/fr/c/)\n", &Rules::default()).unwrap();
        assert_eq!(
            agreement(&targets(&source), &targets(&fr), DEFAULT_PATTERN, "fr"),
            Agreement {
                localized: 2,
                kept: 1
            }
        );
    }
}
