//! What is translatable: the front-matter keys, the language key, and the
//! shortcode rules. Read from `tolkar.toml` (see docs/config.md); the
//! defaults fit most Hugo sites.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Rules {
    pub front_matter: FrontMatterRules,
    pub shortcodes: ShortcodeRules,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FrontMatterRules {
    /// Keys whose string values are translated, matched case-insensitively.
    pub keys: Vec<String>,
    /// Keys whose lists of strings (`tags`) are translated item by item.
    pub lists: Vec<String>,
    /// The key that holds the posting's language; rewritten on build.
    pub language_key: String,
}

impl Default for FrontMatterRules {
    fn default() -> Self {
        FrontMatterRules {
            keys: [
                "title",
                "description",
                "summary",
                "intro",
                "linkTitle",
                "sidebarlinkname",
                "toc",
                "alt",
                "caption",
                "subtitle",
                "excerpt",
            ]
            .map(String::from)
            .to_vec(),
            lists: Vec::new(),
            language_key: "language".into(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ShortcodeRules {
    /// Named parameters that are text in every shortcode.
    pub text_params: Vec<String>,
    /// Paired shortcodes whose inner content is kept verbatim.
    pub verbatim: Vec<String>,
    /// Rules for one shortcode, by name.
    #[serde(flatten)]
    pub by_name: BTreeMap<String, ShortcodeRule>,
}

impl Default for ShortcodeRules {
    fn default() -> Self {
        ShortcodeRules {
            text_params: [
                "title",
                "text",
                "description",
                "linktext",
                "cardtitle",
                "alt",
                "caption",
                "label",
            ]
            .map(String::from)
            .to_vec(),
            verbatim: [
                "highlight",
                "code",
                "mermaid",
                "math",
                "katex",
                "chart",
                "raw",
                "html",
            ]
            .map(String::from)
            .to_vec(),
            by_name: BTreeMap::new(),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ShortcodeRule {
    /// Named parameters that are text, besides the global ones.
    pub params: Vec<String>,
    /// Positional parameters (0-based) that are text.
    pub positional: Vec<usize>,
    /// Global text parameters that are not text in this shortcode.
    pub not_text: Vec<String>,
    /// Whether a paired shortcode's inner content is Markdown or verbatim.
    pub content: Option<Content>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Content {
    Markdown,
    Verbatim,
}

impl Rules {
    pub fn is_translatable_key(&self, key: &str) -> bool {
        self.front_matter
            .keys
            .iter()
            .any(|k| k.eq_ignore_ascii_case(key))
    }

    pub fn is_translatable_list(&self, key: &str) -> bool {
        self.front_matter
            .lists
            .iter()
            .any(|k| k.eq_ignore_ascii_case(key))
    }

    pub fn is_language_key(&self, key: &str) -> bool {
        !self.front_matter.language_key.is_empty()
            && self.front_matter.language_key.eq_ignore_ascii_case(key)
    }

    /// Whether parameter `name` (or `position`, if positional) of shortcode
    /// `shortcode` is text to translate.
    pub fn is_text_param(&self, shortcode: &str, name: Option<&str>, position: usize) -> bool {
        let rule = self.shortcodes.by_name.get(shortcode);
        match name {
            Some(name) => {
                let global = self.shortcodes.text_params.iter().any(|p| p == name)
                    && !rule.is_some_and(|r| r.not_text.iter().any(|p| p == name));
                global || rule.is_some_and(|r| r.params.iter().any(|p| p == name))
            }
            None => rule.is_some_and(|r| r.positional.contains(&position)),
        }
    }

    /// Whether the inner content of paired shortcode `name` is verbatim.
    pub fn is_verbatim(&self, name: &str) -> bool {
        match self.shortcodes.by_name.get(name).and_then(|r| r.content) {
            Some(content) => content == Content::Verbatim,
            None => name.ends_with(".inline") || self.shortcodes.verbatim.iter().any(|v| v == name),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_match_case_insensitively() {
        let rules = Rules::default();
        assert!(rules.is_translatable_key("Title"));
        assert!(rules.is_translatable_key("linktitle"));
        assert!(!rules.is_translatable_key("date"));
        assert!(rules.is_language_key("Language"));
    }

    #[test]
    fn shortcode_rules_by_name_and_position() {
        let rules: Rules = toml_edit::de::from_str(
            "[shortcodes.note]\npositional = [0]\n[shortcodes.card]\nnot_text = [\"title\"]\nparams = [\"body\"]\n[shortcodes.ingress]\ncontent = \"verbatim\"\n",
        )
        .unwrap();
        assert!(rules.is_text_param("note", None, 0));
        assert!(!rules.is_text_param("note", None, 1));
        assert!(rules.is_text_param("note", Some("title"), 0));
        assert!(!rules.is_text_param("card", Some("title"), 0));
        assert!(rules.is_text_param("card", Some("body"), 0));
        assert!(!rules.is_text_param("x", Some("link"), 0));
        assert!(rules.is_verbatim("ingress"));
        assert!(rules.is_verbatim("highlight"));
        assert!(rules.is_verbatim("x.inline"));
        assert!(!rules.is_verbatim("accordion"));
        assert!(!rules.shortcodes.text_params.is_empty(), "defaults kept");
    }
}
