//! Messages for people, through [Fluent](https://projectfluent.org/).
//!
//! The translations live in `locales/<lang>/tolkar.ftl` and are compiled into
//! the binary. English is the fallback: a message missing from the chosen
//! locale is looked up in English, and a message missing there too comes out
//! as its id, so a lookup never fails.
//!
//! ```ignore
//! let msgs = Messages::from_env(cli.ui_lang.as_deref());
//! eprintln!("{}", tr!(msgs, "sync-summary", documents = 5, new = 1, changed = 2, unchanged = 2, removed = 0));
//! ```

use std::fmt;
use std::path::{Path, PathBuf};

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

/// The fallback locale.
pub const FALLBACK: &str = "en";

/// The locales tolkar has messages for, fallback first.
pub const LANGUAGES: [&str; 4] = ["en", "sv", "da", "nb"];

const EN_FTL: &str = include_str!("../locales/en/tolkar.ftl");
const SV_FTL: &str = include_str!("../locales/sv/tolkar.ftl");
const DA_FTL: &str = include_str!("../locales/da/tolkar.ftl");
const NB_FTL: &str = include_str!("../locales/nb/tolkar.ftl");

/// The embedded Fluent source for one of [`LANGUAGES`].
fn ftl_source(lang: &str) -> Option<&'static str> {
    match lang {
        "en" => Some(EN_FTL),
        "sv" => Some(SV_FTL),
        "da" => Some(DA_FTL),
        "nb" => Some(NB_FTL),
        _ => None,
    }
}

/// The locales the environment asks for, as BCP 47-ish tags (`sv-SE`).
///
/// Like gettext, the first non-empty of `LC_ALL`, `LC_MESSAGES` and `LANG`
/// decides; the others are not consulted. The codeset and modifier are
/// stripped (`sv_SE.UTF-8@euro` becomes `sv-SE`). `C` and `POSIX` (also with a
/// codeset, as in `C.UTF-8`) ask for no translation, so they give no entries;
/// `LC_ALL=C` therefore means English even when `LANG` is Swedish. A
/// colon-separated value is read as a list, in order.
pub fn requested_locales(var: impl Fn(&str) -> Option<String>) -> Vec<String> {
    let Some(value) = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .filter_map(&var)
        .find(|value| !value.trim().is_empty())
    else {
        return Vec::new();
    };
    value.split(':').filter_map(normalize_locale).collect()
}

/// `sv_SE.UTF-8@euro` → `sv-SE`; `None` for empty, `C` and `POSIX`.
fn normalize_locale(raw: &str) -> Option<String> {
    let base = raw
        .trim()
        .split(['.', '@'])
        .next()
        .unwrap_or_default()
        .trim();
    if base.is_empty() || base == "C" || base == "POSIX" {
        return None;
    }
    Some(match base.parse::<LanguageIdentifier>() {
        Ok(id) => id.to_string(),
        Err(_) => base.replace('_', "-"),
    })
}

/// The supported locale for one requested tag, by its primary language subtag.
fn supported(tag: &str) -> Option<&'static str> {
    let primary = tag
        .trim()
        .split(['-', '_', '.', '@'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    match primary.as_str() {
        "en" => Some("en"),
        "sv" => Some("sv"),
        "da" => Some("da"),
        "nb" | "no" | "nn" => Some("nb"),
        _ => None,
    }
}

/// Picks the locale for messages: one of `"en"`, `"sv"`, `"da"`, `"nb"`.
///
/// A non-empty `ui_lang` (from `--ui-lang`) decides on its own: an
/// unsupported value gives English rather than falling through to the
/// environment. Otherwise the first entry of `env_locales` with a supported
/// primary language subtag wins. `no` and `nn` map to `nb`; anything else
/// gives `"en"`.
pub fn negotiate(ui_lang: Option<&str>, env_locales: &[String]) -> &'static str {
    if let Some(ui) = ui_lang.filter(|ui| !ui.trim().is_empty()) {
        return supported(ui).unwrap_or(FALLBACK);
    }
    env_locales
        .iter()
        .find_map(|tag| supported(tag))
        .unwrap_or(FALLBACK)
}

/// A value for a Fluent variable.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    Str(String),
    Num(f64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Str(s.to_owned())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Str(s)
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Arg::Str(s.clone())
    }
}

impl From<&Path> for Arg {
    fn from(p: &Path) -> Self {
        Arg::Str(p.display().to_string())
    }
}

impl From<&PathBuf> for Arg {
    fn from(p: &PathBuf) -> Self {
        Arg::Str(p.display().to_string())
    }
}

macro_rules! arg_from_number {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Self {
                Arg::Num(n as f64)
            }
        }
    )*};
}

// i32 is what an unsuffixed integer literal (`tr!(m, "x", count = 3)`) becomes.
arg_from_number!(usize, u64, u32, i64, i32, f64);

/// The messages in one locale, with English behind them.
pub struct Messages {
    lang: &'static str,
    /// `None` when the chosen locale is English itself.
    bundle: Option<FluentBundle<FluentResource>>,
    fallback: FluentBundle<FluentResource>,
}

impl fmt::Debug for Messages {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Messages")
            .field("lang", &self.lang)
            .finish_non_exhaustive()
    }
}

/// A bundle for `lang` holding `source`. Syntax errors in the source are
/// tolerated (Fluent keeps the entries it could parse); the tests make sure
/// the embedded files have none.
fn make_bundle(lang: &str, source: &str) -> FluentBundle<FluentResource> {
    let langid: LanguageIdentifier = lang.parse().unwrap_or_default();
    let mut bundle = FluentBundle::new(vec![langid]);
    bundle.set_use_isolating(false);
    let resource = FluentResource::try_new(source.to_owned()).unwrap_or_else(|(res, _)| res);
    // Errors here are only duplicate ids; the first definition is kept.
    let _ = bundle.add_resource(resource);
    bundle
}

impl Messages {
    /// Messages in `lang` (any tag; it is negotiated down to a supported
    /// locale, so `"sv-SE"` gives Swedish and `"de"` gives English).
    pub fn new(lang: &str) -> Messages {
        let lang = negotiate(Some(lang), &[]);
        let bundle =
            (lang != FALLBACK).then(|| make_bundle(lang, ftl_source(lang).unwrap_or_default()));
        Messages {
            lang,
            bundle,
            fallback: make_bundle(FALLBACK, EN_FTL),
        }
    }

    /// Messages in the locale chosen by `--ui-lang` or, without it, by
    /// `LC_ALL`, `LC_MESSAGES` and `LANG`.
    pub fn from_env(ui_lang: Option<&str>) -> Messages {
        let env = requested_locales(|name| {
            std::env::var_os(name).map(|v| v.to_string_lossy().into_owned())
        });
        Messages::new(negotiate(ui_lang, &env))
    }

    /// The chosen locale: `"en"`, `"sv"`, `"da"` or `"nb"`.
    pub fn lang(&self) -> &str {
        self.lang
    }

    /// The message `id` formatted with `args`: from the chosen locale, else
    /// from English, else `id` itself. Never panics. A variable the message
    /// uses but `args` lacks shows as `{$name}`.
    pub fn get(&self, id: &str, args: &[(&str, Arg)]) -> String {
        let mut fluent_args = FluentArgs::with_capacity(args.len());
        for (name, value) in args {
            let value = match value {
                Arg::Str(s) => FluentValue::from(s.as_str()),
                Arg::Num(n) => FluentValue::from(*n),
            };
            fluent_args.set(*name, value);
        }
        for bundle in self.bundle.iter().chain(std::iter::once(&self.fallback)) {
            if let Some(message) = bundle.get_message(id)
                && let Some(pattern) = message.value()
            {
                let mut errors = Vec::new();
                return bundle
                    .format_pattern(pattern, Some(&fluent_args), &mut errors)
                    .into_owned();
            }
        }
        id.to_owned()
    }
}

/// Formats a message: `tr!(msgs, "id")` or
/// `tr!(msgs, "id", name = value, other_name = value)`.
///
/// Each name becomes the Fluent variable of the same spelling (`doc_count`
/// is `{ $doc_count }`); each value goes through `Arg::from`.
#[macro_export]
macro_rules! tr {
    ($msgs:expr, $id:literal $(,)?) => {
        $msgs.get($id, &[])
    };
    ($msgs:expr, $id:literal, $($k:ident = $v:expr),+ $(,)?) => {
        $msgs.get($id, &[$((stringify!($k), $crate::i18n::Arg::from($v))),+])
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeMap, BTreeSet};

    /// Message id → the variables its text mentions, read from Fluent source
    /// by plain scanning: a message starts on an unindented `id =` line and
    /// runs until the next unindented line.
    fn messages_of(source: &str) -> BTreeMap<String, BTreeSet<String>> {
        let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        let mut current: Option<String> = None;
        for line in source.lines() {
            let starts_unindented = line.chars().next().is_some_and(|c| !c.is_whitespace());
            if starts_unindented {
                current = None;
                let first = line.chars().next().unwrap();
                if first.is_ascii_alphabetic() {
                    let id: String = line
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                        .collect();
                    if line[id.len()..].trim_start().starts_with('=') {
                        assert!(
                            out.insert(id.clone(), BTreeSet::new()).is_none(),
                            "duplicate message id {id}"
                        );
                        current = Some(id);
                    }
                }
            }
            if let Some(id) = &current {
                let vars = out.get_mut(id).unwrap();
                let mut rest = line;
                while let Some(pos) = rest.find('$') {
                    rest = &rest[pos + 1..];
                    let name: String = rest
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                        .collect();
                    if !name.is_empty() {
                        vars.insert(name);
                    }
                }
            }
        }
        out
    }

    fn all_sources() -> Vec<(&'static str, &'static str)> {
        LANGUAGES
            .iter()
            .map(|l| (*l, ftl_source(l).unwrap()))
            .collect()
    }

    #[test]
    fn every_ftl_file_parses() {
        for (lang, source) in all_sources() {
            if let Err((_, errors)) = FluentResource::try_new(source.to_owned()) {
                panic!("locales/{lang}/tolkar.ftl does not parse: {errors:?}");
            }
            let mut bundle = FluentBundle::new(vec![lang.parse().unwrap()]);
            let resource = FluentResource::try_new(source.to_owned()).unwrap();
            bundle
                .add_resource(resource)
                .unwrap_or_else(|e| panic!("locales/{lang}/tolkar.ftl: {e:?}"));
            // The plain scanner used by the other tests agrees with Fluent.
            let ids = messages_of(source);
            assert!(!ids.is_empty(), "{lang}: no messages found");
            for id in ids.keys() {
                assert!(
                    bundle.has_message(id),
                    "{lang}: scanner found {id}, Fluent did not"
                );
            }
        }
    }

    #[test]
    fn every_locale_has_exactly_the_english_ids() {
        let en: BTreeSet<String> = messages_of(EN_FTL).into_keys().collect();
        for (lang, source) in all_sources() {
            let ids: BTreeSet<String> = messages_of(source).into_keys().collect();
            let missing: Vec<_> = en.difference(&ids).collect();
            let extra: Vec<_> = ids.difference(&en).collect();
            assert!(
                missing.is_empty(),
                "locales/{lang}/tolkar.ftl lacks {missing:?}"
            );
            assert!(
                extra.is_empty(),
                "locales/{lang}/tolkar.ftl has ids not in English: {extra:?}"
            );
        }
    }

    #[test]
    fn translations_use_only_english_variables() {
        let en = messages_of(EN_FTL);
        for (lang, source) in all_sources() {
            for (id, vars) in messages_of(source) {
                let Some(en_vars) = en.get(&id) else { continue };
                let unknown: Vec<_> = vars.difference(en_vars).collect();
                assert!(
                    unknown.is_empty(),
                    "{lang}: {id} uses {unknown:?}, which the English message does not"
                );
            }
        }
    }

    #[test]
    fn every_message_formats_without_errors() {
        let en = messages_of(EN_FTL);
        for (lang, source) in all_sources() {
            let bundle = make_bundle(lang, source);
            for (id, vars) in &en {
                for n in [0, 1, 2, 5, 21] {
                    let mut args = FluentArgs::new();
                    for var in vars {
                        args.set(var.as_str(), FluentValue::from(n));
                    }
                    let message = bundle.get_message(id).unwrap();
                    let pattern = message
                        .value()
                        .unwrap_or_else(|| panic!("{lang}: {id} has no value"));
                    let mut errors = Vec::new();
                    let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
                    assert!(errors.is_empty(), "{lang}: {id}: {errors:?}");
                    assert!(
                        !text.contains(['\u{2068}', '\u{2069}']),
                        "{lang}: {id}: isolation marks"
                    );
                    assert!(!text.contains('\n'), "{lang}: {id}: line break in {text:?}");
                }
            }
        }
    }

    #[test]
    fn get_missing_id_returns_the_id() {
        let missing = "no-such-message-id";
        for lang in LANGUAGES {
            assert_eq!(Messages::new(lang).get(missing, &[]), missing);
        }
    }

    #[test]
    fn get_falls_back_to_english() {
        let msgs = Messages {
            lang: "sv",
            bundle: Some(make_bundle("sv", "only-swedish = bara på svenska\n")),
            fallback: make_bundle(
                "en",
                "only-swedish = English\nonly-english = hello { $name }\n",
            ),
        };
        // Ids in variables, so that every_id_used_in_source_exists skips them.
        let (swedish_id, english_id) = ("only-swedish", "only-english");
        assert_eq!(msgs.get(swedish_id, &[]), "bara på svenska");
        assert_eq!(
            msgs.get(english_id, &[("name", "world".into())]),
            "hello world"
        );
        let missing = "neither";
        assert_eq!(msgs.get(missing, &[]), missing);
    }

    #[test]
    fn get_formats_args_plurals_and_no_isolation_marks() {
        let en = Messages::new("en");
        assert_eq!(
            tr!(
                en,
                "sync-summary",
                documents = 1,
                new = 1,
                changed = 0,
                unchanged = 0,
                removed = 0
            ),
            "Synced 1 document: 1 new, 0 changed, 0 unchanged, 0 removed."
        );
        assert_eq!(
            tr!(
                en,
                "error-missing-translations",
                count = 3usize,
                lang = "sv"
            ),
            "3 segments have no translation for sv (--missing error)"
        );
        let sv = Messages::new("sv_SE");
        assert_eq!(sv.lang(), "sv");
        assert_eq!(
            tr!(
                sv,
                "sync-summary",
                documents = 5u64,
                new = 1,
                changed = 2,
                unchanged = 2i64,
                removed = 0.0,
            ),
            "Synkroniserade 5 dokument: 1 nytt, 2 ändrade, 2 oförändrade, 0 borttagna."
        );
        assert_eq!(tr!(sv, "error-prefix"), "fel");
        let path = String::from("content/post.md");
        assert_eq!(
            tr!(
                Messages::new("nb"),
                "error-io",
                path = &path,
                error = "nope"
            ),
            "kan ikke lese content/post.md: nope"
        );
        // Extra arguments are ignored, missing ones are shown, not fatal.
        let text = tr!(en, "sync-summary", new = 3, doc_count = 5);
        assert!(text.contains("3 new"), "{text}");
        assert!(!text.contains(['\u{2068}', '\u{2069}']), "{text:?}");
    }

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let map: BTreeMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |name| map.get(name).cloned()
    }

    #[test]
    fn requested_locales_reads_env_like_gettext() {
        assert_eq!(requested_locales(env(&[])), Vec::<String>::new());
        assert_eq!(
            requested_locales(env(&[("LANG", "sv_SE.UTF-8")])),
            ["sv-SE"]
        );
        assert_eq!(
            requested_locales(env(&[("LANG", "sv_SE.UTF-8@euro")])),
            ["sv-SE"]
        );
        assert_eq!(requested_locales(env(&[("LANG", "de_DE@euro")])), ["de-DE"]);
        assert_eq!(requested_locales(env(&[("LANG", "nb")])), ["nb"]);
        assert_eq!(
            requested_locales(env(&[
                ("LC_ALL", "da_DK.UTF-8"),
                ("LC_MESSAGES", "nb_NO"),
                ("LANG", "sv_SE")
            ])),
            ["da-DK"]
        );
        assert_eq!(
            requested_locales(env(&[
                ("LC_ALL", ""),
                ("LC_MESSAGES", "nb_NO"),
                ("LANG", "sv_SE")
            ])),
            ["nb-NO"]
        );
        // C and POSIX ask for no translation and still win over LANG.
        assert_eq!(
            requested_locales(env(&[("LANG", "C")])),
            Vec::<String>::new()
        );
        assert_eq!(
            requested_locales(env(&[("LANG", "C.UTF-8")])),
            Vec::<String>::new()
        );
        assert_eq!(
            requested_locales(env(&[("LC_ALL", "POSIX"), ("LANG", "sv_SE.UTF-8")])),
            Vec::<String>::new()
        );
        assert_eq!(
            requested_locales(env(&[("LANG", "sv_SE:en_US")])),
            ["sv-SE", "en-US"]
        );
    }

    #[test]
    fn negotiation_table() {
        let from_lang = |lang: &str| negotiate(None, &requested_locales(env(&[("LANG", lang)])));
        for (lang, want) in [
            ("sv_SE.UTF-8", "sv"),
            ("sv", "sv"),
            ("da_DK.UTF-8", "da"),
            ("nb_NO", "nb"),
            ("nb_NO.UTF-8", "nb"),
            ("no", "nb"),
            ("no_NO", "nb"),
            ("nn_NO", "nb"),
            ("en_GB.UTF-8", "en"),
            ("de_DE", "en"),
            ("C", "en"),
            ("POSIX", "en"),
            ("", "en"),
        ] {
            assert_eq!(from_lang(lang), want, "LANG={lang:?}");
        }
        assert_eq!(negotiate(None, &[]), "en");
        assert_eq!(negotiate(None, &["de-DE".into(), "sv-SE".into()]), "sv");
        assert_eq!(negotiate(None, &["en-US".into(), "sv-SE".into()]), "en");
    }

    #[test]
    fn ui_lang_overrides_env() {
        let env_sv = vec!["sv-SE".to_string()];
        assert_eq!(negotiate(Some("da"), &env_sv), "da");
        assert_eq!(negotiate(Some("nb-NO"), &env_sv), "nb");
        assert_eq!(negotiate(Some("NN"), &env_sv), "nb");
        assert_eq!(negotiate(Some("en"), &env_sv), "en");
        assert_eq!(negotiate(Some("de"), &env_sv), "en");
        assert_eq!(negotiate(Some(""), &env_sv), "sv");
        assert_eq!(negotiate(None, &env_sv), "sv");
        assert_eq!(Messages::new("no").lang(), "nb");
        assert_eq!(Messages::new("fr").lang(), "en");
    }

    // ---- ids used in the source ------------------------------------------

    fn is_ident(c: char) -> bool {
        c.is_alphanumeric() || c == '_'
    }

    fn skip_ws(s: &[char], mut i: usize) -> usize {
        while i < s.len() && s[i].is_whitespace() {
            i += 1;
        }
        i
    }

    fn starts_with(s: &[char], i: usize, pat: &str) -> bool {
        pat.chars()
            .enumerate()
            .all(|(k, p)| s.get(i + k) == Some(&p))
    }

    /// If `s[i..]` starts a comment, string or char literal, the index just
    /// past it; otherwise `None`.
    fn skip_non_code(s: &[char], i: usize) -> Option<usize> {
        let c = s[i];
        let prev_ident = i > 0 && is_ident(s[i - 1]);
        if starts_with(s, i, "//") {
            let mut j = i;
            while j < s.len() && s[j] != '\n' {
                j += 1;
            }
            return Some(j);
        }
        if starts_with(s, i, "/*") {
            let (mut j, mut depth) = (i + 2, 1);
            while j < s.len() && depth > 0 {
                if starts_with(s, j, "/*") {
                    depth += 1;
                    j += 2;
                } else if starts_with(s, j, "*/") {
                    depth -= 1;
                    j += 2;
                } else {
                    j += 1;
                }
            }
            return Some(j);
        }
        if c == 'r' && !prev_ident {
            // Raw string r"..." / r#"..."# (also br"...").
            let mut j = i + 1;
            let mut hashes = 0;
            while s.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if s.get(j) == Some(&'"') {
                j += 1;
                let close: String = std::iter::once('"')
                    .chain(std::iter::repeat_n('#', hashes))
                    .collect();
                while j < s.len() && !starts_with(s, j, &close) {
                    j += 1;
                }
                return Some((j + close.chars().count()).min(s.len()));
            }
            return None;
        }
        if c == '"' {
            return Some(string_end(s, i));
        }
        if c == '\'' {
            // A char literal; a lifetime or label is left alone.
            if s.get(i + 1) == Some(&'\\') {
                let mut j = i + 2;
                while j < s.len() && s[j] != '\'' {
                    j += 1;
                }
                return Some(j + 1);
            }
            if s.get(i + 2) == Some(&'\'') {
                return Some(i + 3);
            }
        }
        None
    }

    /// `s[i]` is `"`: the index just past the closing quote.
    fn string_end(s: &[char], i: usize) -> usize {
        let mut j = i + 1;
        while j < s.len() {
            match s[j] {
                '\\' => j += 2,
                '"' => return j + 1,
                _ => j += 1,
            }
        }
        s.len()
    }

    /// `s[i]` is `"`: the literal's contents (escapes kept as written).
    fn string_at(s: &[char], i: usize) -> Option<String> {
        (s.get(i) == Some(&'"')).then(|| s[i + 1..string_end(s, i) - 1].iter().collect())
    }

    /// The message ids a Rust source uses as `tr!(<expr>, "id"`,
    /// `.get("id", ...)` (two arguments, so map lookups are not taken) and
    /// `msg_id: "id"`. Comments and string contents are not searched.
    fn ids_used_in(source: &str) -> Vec<String> {
        let s: Vec<char> = source.chars().collect();
        let mut ids = Vec::new();
        let mut i = 0;
        while i < s.len() {
            if let Some(next) = skip_non_code(&s, i) {
                i = next;
                continue;
            }
            let boundary = i == 0 || !is_ident(s[i - 1]);
            if boundary && starts_with(&s, i, "tr") && s.get(i + 2).is_some_and(|c| !is_ident(*c)) {
                let j = skip_ws(&s, i + 2);
                if s.get(j) == Some(&'!') {
                    let j = skip_ws(&s, j + 1);
                    if matches!(s.get(j), Some('(' | '[' | '{')) {
                        // Find the comma ending the first argument.
                        let mut k = j + 1;
                        let mut depth = 0usize;
                        while k < s.len() {
                            if let Some(next) = skip_non_code(&s, k) {
                                k = next;
                                continue;
                            }
                            match s[k] {
                                '(' | '[' | '{' => depth += 1,
                                ')' | ']' | '}' if depth == 0 => break,
                                ')' | ']' | '}' => depth -= 1,
                                ',' if depth == 0 => {
                                    let lit = skip_ws(&s, k + 1);
                                    ids.extend(string_at(&s, lit));
                                    break;
                                }
                                _ => {}
                            }
                            k += 1;
                        }
                    }
                }
            } else if s[i] == '.'
                && starts_with(&s, i + 1, "get")
                && s.get(i + 4).is_some_and(|c| !is_ident(*c))
            {
                let j = skip_ws(&s, i + 4);
                if s.get(j) == Some(&'(') {
                    let lit = skip_ws(&s, j + 1);
                    if let Some(id) = string_at(&s, lit) {
                        let after = skip_ws(&s, string_end(&s, lit));
                        if s.get(after) == Some(&',') {
                            ids.push(id);
                        }
                    }
                }
            } else if boundary
                && starts_with(&s, i, "msg_id")
                && s.get(i + 6).is_some_and(|c| !is_ident(*c))
            {
                let j = skip_ws(&s, i + 6);
                if s.get(j) == Some(&':') && s.get(j + 1) != Some(&':') {
                    let lit = skip_ws(&s, j + 1);
                    ids.extend(string_at(&s, lit));
                }
            }
            i += 1;
        }
        ids
    }

    fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| e.unwrap().path())
            .collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                rust_files(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }

    #[test]
    fn id_scanner_is_tolerant() {
        let source = r##"
            // tr!(m, "in-a-comment") and /* .get("in-block", &[]) */
            let a = tr!(msgs, "plain-id");
            let b = crate::tr!(
                self.messages(),
                "multi-line-id",
                path = p,
            );
            let c = tr!(f(x, y), "after-call-id", n = 1);
            let d = tr![m,"bracket-id"];
            let e = msgs
                .get("method-id", &[("n", 1.into())]);
            let f = table.get("not-an-id");
            let g = Report { msg_id: "field-id", code: 1 };
            let h = "tr!(m, \"in-a-string\")";
            let i = r#"msgs.get("in-raw-string", &[])"#;
            let j = attr!(m, "not-tr");
            let k = tr!(m, some_var);
            fn l(msg_id: &'static str) {}
            let c = 'x'; let q = '"'; let z = tr!(m, "after-chars");
        "##;
        assert_eq!(
            ids_used_in(source),
            [
                "plain-id",
                "multi-line-id",
                "after-call-id",
                "bracket-id",
                "method-id",
                "field-id",
                "after-chars"
            ]
        );
    }

    #[test]
    fn every_id_used_in_source_exists() {
        let en = messages_of(EN_FTL);
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = Vec::new();
        rust_files(&src, &mut files);
        assert!(!files.is_empty(), "no Rust files under {}", src.display());
        let mut unknown = Vec::new();
        for file in &files {
            let source = std::fs::read_to_string(file).unwrap();
            for id in ids_used_in(&source) {
                if !en.contains_key(&id) {
                    unknown.push(format!("{}: {id}", file.display()));
                }
            }
        }
        assert!(
            unknown.is_empty(),
            "message ids used in the source but missing from locales/en/tolkar.ftl:\n{}",
            unknown.join("\n")
        );
    }
}
