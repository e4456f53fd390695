//! Unit ids: `path#key`, the source posting relative to the project root
//! and the segment key. A path may contain `#` (`c#sharp.md`), but a key
//! always starts with `fm:`, `body:` or `sc:`, so an id splits at the
//! first `#` followed by one of those.

/// The prefixes every segment key starts with.
const KEY_PREFIXES: [&str; 3] = ["fm:", "body:", "sc:"];

/// The id of segment `key` of the posting at `path`.
pub fn join(path: &str, key: &str) -> String {
    format!("{path}#{key}")
}

/// The path and key of an id, if it has both: split at the first `#`
/// that starts a key, or, if none does, at the first `#`. A leading `./`
/// of the path is dropped.
pub fn split(id: &str) -> Option<(&str, &str)> {
    let at = id
        .match_indices('#')
        .map(|(i, _)| i)
        .find(|&i| KEY_PREFIXES.iter().any(|p| id[i + 1..].starts_with(p)))
        .or_else(|| id.find('#'))?;
    let (path, key) = (&id[..at], &id[at + 1..]);
    let path = path.strip_prefix("./").unwrap_or(path);
    (!path.is_empty() && !key.is_empty()).then_some((path, key))
}

/// `key` as an XML NMTOKEN (XLIFF 2 ids): letters, digits, `.`, `-` and
/// `:` stay, `_` and everything else become `_XX` in UTF-8 hex.
pub fn to_nmtoken(key: &str) -> String {
    let mut out = String::with_capacity(key.len() + 8);
    for ch in key.chars() {
        if ch.is_alphanumeric() || matches!(ch, '.' | '-' | ':') {
            out.push(ch);
        } else {
            let mut buf = [0; 4];
            for byte in ch.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("_{byte:02X}"));
            }
        }
    }
    out
}

/// The key `to_nmtoken` encoded, or `None` if `token` is not one of ours.
pub fn from_nmtoken(token: &str) -> Option<String> {
    let mut bytes = Vec::with_capacity(token.len());
    let mut rest = token.as_bytes();
    while let Some((&first, tail)) = rest.split_first() {
        if first == b'_' {
            let hex = std::str::from_utf8(tail.get(..2)?).ok()?;
            bytes.push(u8::from_str_radix(hex, 16).ok()?);
            rest = &tail[2..];
        } else {
            bytes.push(first);
            rest = tail;
        }
    }
    String::from_utf8(bytes).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Checks that `id` splits into `path` and `key`.
    #[track_caller]
    fn assert_splits(id: &str, path: &str, key: &str) {
        assert_eq!(split(id), Some((path, key)), "{id}");
    }

    #[test]
    fn ids_split_into_path_and_key() {
        assert_splits(
            &join("content/sv/a b.md", "body:p[3]"),
            "content/sv/a b.md",
            "body:p[3]",
        );
        assert_eq!(split("no-hash"), None);
        assert_eq!(split("#body:p[1]"), None);
        assert_eq!(split("./#body:p[1]"), None);
        assert_eq!(split("a.md#"), None);
        // Keys that do not look like ours: the first `#`.
        assert_splits("a.md#k#2", "a.md", "k#2");
    }

    #[test]
    fn paths_may_contain_hashes() {
        assert_splits(
            "content/sv/career/c#sharp.md#body:p[1]",
            "content/sv/career/c#sharp.md",
            "body:p[1]",
        );
        assert_splits("c#sharp.md#body:p[1]", "c#sharp.md", "body:p[1]");
        assert_splits("a#b.md#fm:title", "a#b.md", "fm:title");
        assert_splits("a#sc.md#sc:note[1].0", "a#sc.md", "sc:note[1].0");
        // A `#` inside the key stays in the key.
        assert_splits("a.md#fm:C#", "a.md", "fm:C#");
        assert_splits(&join("x#y.md", "fm:tags[2]"), "x#y.md", "fm:tags[2]");
    }

    #[test]
    fn a_leading_dot_slash_is_dropped() {
        assert_splits(
            "./content/x.md#sc:note[1].0",
            "content/x.md",
            "sc:note[1].0",
        );
        assert_splits(
            "./content/sv/a.md#body:p[1]",
            "content/sv/a.md",
            "body:p[1]",
        );
    }

    #[test]
    fn nmtokens_encode_reversibly() {
        for key in [
            "body:p[3]",
            "sc:accordion[1].title",
            "fm:my_key",
            "fm:tags[2]",
            "fm:rubrik_ä",
        ] {
            let token = to_nmtoken(key);
            assert!(
                token
                    .chars()
                    .all(|c| c.is_alphanumeric() || "._-:".contains(c)),
                "{token}"
            );
            assert_eq!(from_nmtoken(&token).as_deref(), Some(key));
        }
        assert_eq!(to_nmtoken("body:p[3]"), "body:p_5B3_5D");
        assert_eq!(from_nmtoken("bad_Z"), None);
    }
}
