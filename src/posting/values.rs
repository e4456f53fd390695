//! Values that are never prose, whatever the key or parameter holding them
//! is called: `{{< tabpane text=true >}}` is a switch and `{{< qr
//! text="https://…" >}}` a URL, though `text` is a text parameter by
//! default. A rule says where text may be; the value says whether it is.
//!
//! The test is on the whole value, trimmed: a boolean, a number (with a CSS
//! unit or `%`), a URL, a path, a file name, an e-mail address, a date, a
//! version, a colour, or a list of icon classes. Anything with two words of
//! letters is prose and never caught here, except icon class lists.

/// Whether `value` is a value no translation should change.
///
/// # Examples
///
/// ```
/// use tolkar::posting::values::is_never_text;
///
/// for value in ["true", "3.5", "120px", "https://x.se/a", "/docs/", "../a/b",
///               "logo.svg", "jobb@x.se", "2025-03-14", "v1.2.3", "#f0a",
///               "rgb(0, 0, 0)", "fa-solid fa-star", "fab fa-github"] {
///     assert!(is_never_text(value), "{value}");
/// }
/// for value in ["Hej", "Läs mer", "Node", "Read the docs/FAQ first", "Ja", "Q&A"] {
///     assert!(!is_never_text(value), "{value}");
/// }
/// ```
pub fn is_never_text(value: &str) -> bool {
    let value = value.trim();
    if value.is_empty() {
        return false;
    }
    is_boolean(value)
        || is_number(value)
        || is_colour(value)
        || is_icon_classes(value)
        || (!value.contains(char::is_whitespace)
            && (is_url(value)
                || is_path(value)
                || is_file_name(value)
                || is_email(value)
                || is_date(value)
                || is_version(value)))
}

fn is_boolean(value: &str) -> bool {
    ["true", "false"]
        .iter()
        .any(|b| value.eq_ignore_ascii_case(b))
}

/// `3`, `-1.5`, `1e3`, `1_000`, `0x1F`, or a number with a unit: `120px`,
/// `50%`, `1.5rem`, `300ms`.
fn is_number(value: &str) -> bool {
    let digits = value.strip_prefix(['-', '+']).unwrap_or(value);
    if !digits.starts_with(|c: char| c.is_ascii_digit() || c == '.') {
        return false;
    }
    if digits.replace('_', "").parse::<f64>().is_ok() {
        return true;
    }
    if let Some(hex) = digits.strip_prefix("0x") {
        return !hex.is_empty() && hex.chars().all(|c| c.is_ascii_hexdigit());
    }
    let number_end = digits
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(digits.len());
    let (number, unit) = digits.split_at(number_end);
    number.parse::<f64>().is_ok()
        && [
            "%", "px", "em", "rem", "vh", "vw", "pt", "ms", "s", "x", "fr", "ch", "deg", "dpi",
            "k", "kb", "mb", "gb",
        ]
        .iter()
        .any(|u| unit.eq_ignore_ascii_case(u))
}

/// A scheme URL (`https://…`, `mailto:…`, `tel:…`), `www.…`, or an anchor
/// (`#intro`, not a colour).
fn is_url(value: &str) -> bool {
    let lower = value.to_ascii_lowercase();
    if lower.contains("://") || lower.starts_with("www.") || lower.starts_with("//") {
        return true;
    }
    if ["mailto:", "tel:", "data:", "javascript:", "urn:"]
        .iter()
        .any(|s| lower.starts_with(s))
    {
        return true;
    }
    value
        .strip_prefix('#')
        .is_some_and(|anchor| !anchor.is_empty() && anchor.contains(['-', '_']))
}

/// `/docs/`, `./a`, `../a/b`, `docs/getting-started`, `a/b/c`, `v1/api`:
/// no spaces, and rooted, or with a part that has a dot, `_` or digit, or
/// lowercase parts with a hyphen or three of them. `and/or`,
/// `E-post/telefon` and `Kundtjänst/Support/FAQ` are words.
fn is_path(value: &str) -> bool {
    if value == "/"
        || value.starts_with('/')
        || value.starts_with("./")
        || value.starts_with("../")
        || value.starts_with("~/")
    {
        return true;
    }
    let parts: Vec<&str> = value.split('/').collect();
    if parts.len() < 2 {
        return false;
    }
    let lowercase = parts.iter().all(|p| {
        p.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    });
    value.ends_with('/')
        || parts
            .iter()
            .any(|p| p.contains(['.', '_']) || p.chars().any(|c| c.is_ascii_digit()))
        || (lowercase && (parts.len() >= 3 || value.contains('-')))
}

/// File extensions that name files people link or embed.
const FILE_EXTENSIONS: [&str; 40] = [
    "png", "jpg", "jpeg", "gif", "svg", "webp", "avif", "ico", "bmp", "tif", "tiff", "pdf", "md",
    "markdown", "html", "htm", "css", "scss", "js", "mjs", "ts", "json", "yaml", "yml", "toml",
    "txt", "xml", "csv", "zip", "gz", "tgz", "mp4", "webm", "mov", "mp3", "ogg", "wav", "woff",
    "woff2", "sh",
];

fn is_file_name(value: &str) -> bool {
    value.rsplit_once('.').is_some_and(|(stem, ext)| {
        !stem.is_empty()
            && !stem.ends_with('.')
            && FILE_EXTENSIONS.iter().any(|e| ext.eq_ignore_ascii_case(e))
    })
}

fn is_email(value: &str) -> bool {
    value.split_once('@').is_some_and(|(user, domain)| {
        !user.is_empty() && domain.contains('.') && !domain.starts_with('.')
    })
}

/// `2025-03-14`, `2025-03-14T10:00:00Z`, `14.03.2025`, `2025/03/14`.
fn is_date(value: &str) -> bool {
    let head: String = value.chars().take(10).collect();
    let digits = head.chars().filter(char::is_ascii_digit).count();
    let separators = head
        .chars()
        .filter(|c| matches!(c, '-' | '.' | '/'))
        .count();
    head.chars().count() == 10
        && digits == 8
        && separators == 2
        && value
            .chars()
            .skip(10)
            .all(|c| c.is_ascii_digit() || matches!(c, 'T' | 'Z' | ':' | '+' | '-' | '.' | ' '))
}

/// `v1.2`, `1.2.3`, `1.2.3-beta.1`.
fn is_version(value: &str) -> bool {
    let core = value.strip_prefix(['v', 'V']).unwrap_or(value);
    let core = core.split(['-', '+']).next().unwrap_or(core);
    let parts: Vec<&str> = core.split('.').collect();
    parts.len() >= 2
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
}

/// `#fff`, `#a0b1c2`, `#a0b1c2ff`, `rgb(…)`, `rgba(…)`, `hsl(…)`,
/// `var(--accent)`.
fn is_colour(value: &str) -> bool {
    if let Some(hex) = value.strip_prefix('#') {
        return matches!(hex.len(), 3 | 4 | 6 | 8) && hex.chars().all(|c| c.is_ascii_hexdigit());
    }
    let lower = value.to_ascii_lowercase();
    [
        "rgb(",
        "rgba(",
        "hsl(",
        "hsla(",
        "var(--",
        "oklch(",
        "color-mix(",
    ]
    .iter()
    .any(|f| lower.starts_with(f))
        && lower.ends_with(')')
}

/// Icon classes of the common icon fonts: `fa-solid fa-star`, `fab
/// fa-github`, `bi bi-check`, `mdi mdi-home`, `icon-phone`.
fn is_icon_classes(value: &str) -> bool {
    // Prefixes that are no English or Nordic word start (`la-la-land`).
    const PREFIXES: [&str; 7] = [
        "fa-",
        "bi-",
        "mdi-",
        "icon-",
        "glyphicon-",
        "octicon-",
        "material-icons",
    ];
    let words: Vec<&str> = value.split_whitespace().collect();
    words.iter().all(|w| {
        w.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
    }) && words.iter().any(|w| {
        PREFIXES
            .iter()
            .any(|p| w.starts_with(p) && w.len() > p.len())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_that_are_never_text() {
        for value in [
            "false",
            "TRUE",
            "0",
            "-12",
            "3.14",
            "1e3",
            "0x1F",
            "50%",
            "1.5rem",
            "http://example.com",
            "mailto:a@b.c",
            "tel:+46812345",
            "www.example.com",
            "#section-two",
            "/",
            "/about/",
            "docs/getting-started",
            "api/v1",
            "a/b/c",
            "docs/",
            "content/en/x.md",
            "./img/a.png",
            "hero.jpg",
            "Report.PDF",
            "someone@example.org",
            "2024-01-31",
            "2024-01-31T12:00:00+01:00",
            "1.2.3",
            "v0.146",
            "#ABC",
            "#a1b2c3",
            "rgba(0,0,0,.5)",
            "var(--accent)",
            "fa-brands fa-linkedin",
            "fas fa-check",
            "bi bi-arrow-right",
        ] {
            assert!(is_never_text(value), "{value:?} is never text");
        }
    }

    #[test]
    fn words_stay_text() {
        for value in [
            "Read more",
            "Kontakt",
            "and/or",
            "e.g.",
            "3 jobb",
            "#1 choice",
            "#hashtag",
            "10 x faster",
            "E-post/telefon",
            "Kundtjänst/Support/FAQ",
            "la-la-land",
            "Version 2",
            "Big Data",
            "fa",
            "icon",
            "Fullstack-utvecklare",
            "red",
            "Go 1.22 is out",
            "5G",
        ] {
            assert!(!is_never_text(value), "{value:?} may be text");
        }
    }
}
