//! Language codes as people and tools write them. A translator's tool
//! says `nb_NO` or `NB`, a person types `nb-no`, tolkar.toml says `nb-NO`:
//! BCP 47 tags are case-insensitive and `_` is the POSIX locale's
//! separator, so all of them mean the project's `nb-NO`. Every code that
//! comes in (`--lang`, an exchange file's language, the keys of
//! `[content_dirs]`, `[links] localize`, a state directory) is matched to
//! the project's own spelling here, and only that spelling is stored.

/// The form codes are compared in: `_` as `-`, ASCII lowercase.
fn folded(code: &str) -> String {
    code.trim().replace('_', "-").to_ascii_lowercase()
}

/// The primary language subtag, lowercase (`nb` of `nb_NO`).
pub fn primary(code: &str) -> String {
    folded(code)
        .split('-')
        .next()
        .unwrap_or_default()
        .to_string()
}

/// Whether two codes are the same tag, in any case, with `_` or `-`.
///
/// # Examples
///
/// ```
/// use tolkar::lang::same;
/// assert!(same("nb_NO", "nb-no"));
/// assert!(!same("nb", "nb-NO"));
/// ```
pub fn same(a: &str, b: &str) -> bool {
    folded(a) == folded(b)
}

/// The spelling among `known` of the same tag as `code` (case, `_`).
pub fn exact<'k, S: AsRef<str>>(known: &'k [S], code: &str) -> Option<&'k str> {
    known.iter().map(AsRef::as_ref).find(|k| same(k, code))
}

/// The spelling among `known` of the language `code` names: the same tag
/// ([`exact`]), or else the only one with the same primary language (`nb`
/// and `nb_NO` for a project with `nb-NO`; none where `en-GB` and `en-US`
/// both are).
///
/// # Examples
///
/// ```
/// use tolkar::lang::spelling;
/// let targets = ["en", "da", "nb-NO"];
/// assert_eq!(spelling(&targets, "NB"), Some("nb-NO"));
/// assert_eq!(spelling(&targets, "nb_no"), Some("nb-NO"));
/// assert_eq!(spelling(&targets, "EN-gb"), Some("en"));
/// assert_eq!(spelling(&targets, "sv"), None);
/// assert_eq!(spelling(&["en-GB", "en-US"], "en"), None);
/// ```
pub fn spelling<'k, S: AsRef<str>>(known: &'k [S], code: &str) -> Option<&'k str> {
    if let Some(same) = exact(known, code) {
        return Some(same);
    }
    let wanted = primary(code);
    let mut alike = known
        .iter()
        .map(AsRef::as_ref)
        .filter(|k| primary(k) == wanted);
    match (alike.next(), alike.next()) {
        (Some(only), None) => Some(only),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_spelling_finds_the_projects() {
        let targets = ["en", "da", "nb-NO"];
        for typed in ["nb-NO", "NB", "nb", "nb_NO", "nb-no", "NB_no", " nb "] {
            assert_eq!(spelling(&targets, typed), Some("nb-NO"), "{typed}");
        }
        assert_eq!(spelling(&targets, "nn"), None);
        assert_eq!(spelling(&targets, ""), None);
        // Two with one primary language: only the exact tag.
        let english = ["en-GB", "en-US"];
        assert_eq!(spelling(&english, "en_us"), Some("en-US"));
        assert_eq!(spelling(&english, "en"), None);
        assert_eq!(exact(&targets, "nb"), None);
        assert_eq!(primary("zh_Hant_TW"), "zh");
    }
}
