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

#[cfg(test)]
mod variables;

/// The fallback locale.
pub const FALLBACK: &str = "en";

/// The prefix of the ids of `--help` texts (`help-init`, `help-init-force`).
/// Only the translations have them: English help is clap's, from the doc
/// comments of `src/cli.rs`, so `locales/en/tolkar.ftl` has none (see
/// `crate::cli_l10n`).
pub const HELP_PREFIX: &str = "help-";

/// The locales tolkar has messages for, fallback first.
pub const LANGUAGES: [&str; 4] = ["en", "sv", "da", "nb"];

const EN_FTL: &str = include_str!("../../locales/en/tolkar.ftl");
const SV_FTL: &str = include_str!("../../locales/sv/tolkar.ftl");
const DA_FTL: &str = include_str!("../../locales/da/tolkar.ftl");
const NB_FTL: &str = include_str!("../../locales/nb/tolkar.ftl");

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
        self.lookup(id, args).unwrap_or_else(|| id.to_owned())
    }

    /// The message `id` formatted with `args`, from the chosen locale or
    /// else from English; `None` when neither has it. For ids made at run
    /// time that English may lack on purpose, like the `help-` ids of
    /// `--help` (English help is clap's, from the doc comments).
    pub fn lookup(&self, id: &str, args: &[(&str, Arg)]) -> Option<String> {
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
                return Some(
                    bundle
                        .format_pattern(pattern, Some(&fluent_args), &mut errors)
                        .into_owned(),
                );
            }
        }
        None
    }
}

/// The messages of `locales/en/tolkar.ftl` with their variables, made by
/// `build.rs`, and the checks `tr!` and `msg_id!` run on them at compile
/// time (const fns: a wrong id or variable stops the build).
pub mod catalog {
    include!(concat!(env!("OUT_DIR"), "/messages.rs"));

    const fn same(a: &str, b: &str) -> bool {
        let (a, b) = (a.as_bytes(), b.as_bytes());
        if a.len() != b.len() {
            return false;
        }
        let mut i = 0;
        while i < a.len() {
            if a[i] != b[i] {
                return false;
            }
            i += 1;
        }
        true
    }

    const fn variables(id: &str) -> Option<&'static [&'static str]> {
        let mut i = 0;
        while i < MESSAGES.len() {
            if same(MESSAGES[i].0, id) {
                return Some(MESSAGES[i].1);
            }
            i += 1;
        }
        None
    }

    const fn contains(list: &[&str], item: &str) -> bool {
        let mut i = 0;
        while i < list.len() {
            if same(list[i], item) {
                return true;
            }
            i += 1;
        }
        false
    }

    /// Whether English has message `id`.
    pub const fn known(id: &str) -> bool {
        variables(id).is_some()
    }

    /// Whether `given` names exactly the variables message `id` uses.
    pub const fn given_exactly(id: &str, given: &[&str]) -> bool {
        let Some(used) = variables(id) else {
            return false;
        };
        let mut i = 0;
        while i < used.len() {
            if !contains(given, used[i]) {
                return false;
            }
            i += 1;
        }
        let mut i = 0;
        while i < given.len() {
            if !contains(used, given[i]) {
                return false;
            }
            i += 1;
        }
        true
    }
}

/// A message id, checked at compile time against the English messages:
/// `msg_id!("error-io")` is `"error-io"`, and a misspelt id stops the build.
#[macro_export]
macro_rules! msg_id {
    ($id:literal) => {{
        const _: () = assert!(
            $crate::i18n::catalog::known($id),
            concat!("no message ", $id, " in locales/en/tolkar.ftl")
        );
        $id
    }};
}

/// Formats a message: `tr!(msgs, "id")` or
/// `tr!(msgs, "id", name = value, other_name = value)`.
///
/// Each name becomes the Fluent variable of the same spelling (`doc_count`
/// is `{ $doc_count }`); each value goes through `Arg::from`. The id and
/// the names are checked at compile time: the message must exist in
/// English and use exactly the variables given.
#[macro_export]
macro_rules! tr {
    ($msgs:expr, $id:literal $(,)?) => {{
        const _: () = assert!(
            $crate::i18n::catalog::given_exactly($id, &[]),
            concat!("message ", $id, " is not in locales/en/tolkar.ftl, or takes variables")
        );
        $msgs.get($id, &[])
    }};
    ($msgs:expr, $id:literal, $($k:ident = $v:expr),+ $(,)?) => {{
        const _: () = assert!(
            $crate::i18n::catalog::given_exactly($id, &[$(stringify!($k)),+]),
            concat!(
                "message ", $id, " is not in locales/en/tolkar.ftl, or does not use exactly the variables ",
                $(stringify!($k), " "),+
            )
        );
        $msgs.get($id, &[$((stringify!($k), $crate::i18n::Arg::from($v))),+])
    }};
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeMap, BTreeSet};

    /// Message id → the variables it uses, from Fluent's syntax tree.
    fn messages_of(source: &str) -> BTreeMap<String, BTreeSet<String>> {
        variables::messages(source).unwrap_or_else(|e| panic!("{e}"))
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
            // The syntax tree the other tests read agrees with the bundle.
            let ids = messages_of(source);
            assert!(!ids.is_empty(), "{lang}: no messages found");
            for id in ids.keys() {
                assert!(
                    bundle.has_message(id),
                    "{lang}: the syntax tree has {id}, the bundle does not"
                );
            }
        }
    }

    #[test]
    fn every_locale_has_exactly_the_english_ids() {
        let en: BTreeSet<String> = messages_of(EN_FTL).into_keys().collect();
        for (lang, source) in all_sources() {
            // The --help texts English lacks on purpose; cli_l10n's tests
            // hold them to the command line instead.
            let ids: BTreeSet<String> = messages_of(source)
                .into_keys()
                .filter(|id| !id.starts_with(HELP_PREFIX))
                .collect();
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
    fn english_help_is_the_doc_comments_only() {
        let help: Vec<String> = messages_of(EN_FTL)
            .into_keys()
            .filter(|id| id.starts_with(HELP_PREFIX))
            .collect();
        assert!(
            help.is_empty(),
            "locales/en/tolkar.ftl has {help:?}: English --help comes from the doc comments of src/cli.rs"
        );
    }

    /// Formats `id` with every variable set to `value`; no Fluent error
    /// and no bidi isolation marks (they would show in a terminal).
    fn format_checked(
        bundle: &FluentBundle<FluentResource>,
        lang: &str,
        id: &str,
        vars: &BTreeSet<String>,
        value: FluentValue<'static>,
    ) -> String {
        let mut args = FluentArgs::new();
        for var in vars {
            args.set(var.as_str(), value.clone());
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
        text.into_owned()
    }

    #[test]
    fn help_messages_format_without_errors() {
        for (lang, source) in all_sources() {
            let bundle = make_bundle(lang, source);
            for (id, vars) in messages_of(source) {
                if !id.starts_with(HELP_PREFIX) {
                    continue;
                }
                let text = format_checked(&bundle, lang, &id, &vars, FluentValue::from("x"));
                assert!(!text.trim().is_empty(), "{lang}: {id} is empty");
                // One paragraph each; a -long text may hold several.
                assert!(
                    id.ends_with("-long") || !text.contains('\n'),
                    "{lang}: {id}: line break in {text:?}"
                );
            }
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
                    let text = format_checked(&bundle, lang, id, vars, FluentValue::from(n));
                    assert!(!text.contains('\n'), "{lang}: {id}: line break in {text:?}");
                }
            }
        }
    }

    #[test]
    fn the_compiled_catalogue_is_the_english_file() {
        let en = messages_of(EN_FTL);
        assert_eq!(catalog::MESSAGES.len(), en.len());
        for (id, vars) in catalog::MESSAGES {
            assert!(catalog::known(id));
            let expected: Vec<&str> = en[*id].iter().map(String::as_str).collect();
            assert_eq!(vars.to_vec(), expected, "{id}");
        }
        assert!(!catalog::known("no-such-message"));
        assert!(catalog::given_exactly(
            "sync-segments",
            &["added", "updated", "obsoleted"]
        ));
        assert!(!catalog::given_exactly(
            "sync-segments",
            &["added", "updated"]
        ));
        assert!(!catalog::given_exactly(
            "sync-segments",
            &["added", "updated", "obsoleted", "x"]
        ));
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
        // At run time (ids from data), extra arguments are ignored and
        // missing ones are shown, not fatal; `tr!` refuses both when built.
        let text = en.get(
            "sync-summary",
            &[("new", Arg::from(3)), ("doc_count", Arg::from(5))],
        );
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
}
