//! Front-matter values a translation owns: a localized `slug`, `aliases`,
//! `url` or `date`, a key only the translation has, a key it left out.
//! They are not text to translate, so no segment holds them; they are kept
//! per language as edits of the source's front matter, by top-level entry,
//! and build applies them before it puts the translations in.
//!
//! An entry is a top-level key with everything that belongs to it: the
//! lines of a YAML list or block under it, a TOML table up to the next.
//! Entries are compared and replaced as text, so their formatting stays
//! exactly as the translator wrote it.

use serde::{Deserialize, Serialize};

use super::frontmatter::{self, Format};

/// One change to the source's front matter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "lowercase")]
pub enum Override {
    /// The entry `key` is written as `text` instead.
    Set { key: String, text: String },
    /// The entry `key`, which only the translation has, is inserted as
    /// `text` after the entry `after` (at the top if none; at the end if
    /// `after` is gone). Should the source gain `key`, it is replaced.
    Insert {
        key: String,
        after: Option<String>,
        text: String,
    },
    /// The entry `key` is left out.
    Remove { key: String },
    /// The blank lines between the front matter and the text.
    Lead { text: String },
    /// The white space at the end of the file (a final newline or none).
    Tail { text: String },
}

/// A top-level entry of a front matter: its key and its lines.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Entry<'a> {
    key: Option<String>,
    text: &'a str,
}

/// The overrides that turn `source`'s front matter into `localized`'s,
/// leaving alone the entries for which `owned_by_segments` is true (their
/// text is a translation) and JSON front matter (not split into entries).
/// `None` if the two cannot be compared that way.
pub fn between(
    source: &str,
    localized: &str,
    owned_by_segments: impl Fn(&str) -> bool,
) -> Option<Vec<Override>> {
    let mut overrides = Vec::new();
    let (source_lead, localized_lead) = (lead(source), lead(localized));
    if source[source_lead.clone()] != localized[localized_lead.clone()] {
        overrides.push(Override::Lead {
            text: localized[localized_lead].to_string(),
        });
    }
    let (source_tail, localized_tail) = (tail(source), tail(localized));
    if source_tail != localized_tail {
        overrides.push(Override::Tail {
            text: localized_tail.to_string(),
        });
    }
    let (source_format, source_entries) = match entries_of(source) {
        Some(found) => found,
        None if entries_of(localized).is_none() => return Some(overrides),
        None => return None,
    };
    let (localized_format, localized_entries) = entries_of(localized)?;
    if source_format != localized_format {
        return None;
    }
    let find = |entries: &[Entry<'_>], key: &str| {
        entries.iter().position(|e| e.key.as_deref() == Some(key))
    };
    let mut after: Option<String> = None;
    for entry in &localized_entries {
        let Some(key) = &entry.key else {
            // Comments and blank lines between entries stay with the source.
            continue;
        };
        match find(&source_entries, key) {
            Some(s) if source_entries[s].text == entry.text || owned_by_segments(key) => {}
            Some(_) => overrides.push(Override::Set {
                key: key.clone(),
                text: entry.text.to_string(),
            }),
            None => overrides.push(Override::Insert {
                key: key.clone(),
                after: after.clone(),
                text: entry.text.to_string(),
            }),
        }
        if find(&source_entries, key).is_some() {
            after = Some(key.clone());
        }
    }
    for entry in &source_entries {
        if let Some(key) = &entry.key
            && find(&localized_entries, key).is_none()
            && !owned_by_segments(key)
        {
            overrides.push(Override::Remove { key: key.clone() });
        }
    }
    Some(overrides)
}

/// `source` with its front matter, lead and tail edited by `overrides`.
pub fn apply(source: &str, overrides: &[Override]) -> String {
    if overrides.is_empty() {
        return source.to_string();
    }
    let mut text = apply_entries(source, overrides);
    for o in overrides {
        match o {
            Override::Lead { text: lead_text } => {
                let range = lead(&text);
                text.replace_range(range, lead_text);
            }
            Override::Tail { text: tail_text } => {
                let keep = text.len() - tail(&text).len();
                text.truncate(keep);
                text.push_str(tail_text);
            }
            _ => {}
        }
    }
    text
}

/// The blank lines after the front matter (or at the start of a posting
/// without one).
fn lead(text: &str) -> std::ops::Range<usize> {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let from = match frontmatter::split(text, start) {
        Ok(Some(front)) => front.body_start,
        _ => start,
    };
    let rest = &text[from..];
    let blank = rest.len() - rest.trim_start_matches(['\n', '\r', ' ', '\t']).len();
    // Up to the last line break: indentation belongs to the first line.
    let end = rest[..blank].rfind('\n').map_or(0, |i| i + 1);
    from..from + end
}

/// The white space at the end.
fn tail(text: &str) -> &str {
    &text[text.trim_end_matches(['\n', '\r', ' ', '\t']).len()..]
}

fn apply_entries(source: &str, overrides: &[Override]) -> String {
    let start = if source.starts_with('\u{feff}') { 3 } else { 0 };
    let Ok(Some(front)) = frontmatter::split(source, start) else {
        return source.to_string();
    };
    let Some((format, entries)) = entries_of(source) else {
        return source.to_string();
    };
    let present = |key: &str| entries.iter().any(|e| e.key.as_deref() == Some(key));
    // What the translation owns, by the key of the source entry it takes
    // the place of: a set value, or an inserted key the source now has too.
    let replacement = |key: &str| {
        overrides.iter().find_map(|o| match o {
            Override::Set { key: k, text } | Override::Insert { key: k, text, .. } if k == key => {
                Some(text.as_str())
            }
            _ => None,
        })
    };
    // Inserted after `key` (`None`: at the top), if the source lacks them.
    let inserted_after = |after: Option<&str>| -> Vec<&str> {
        overrides
            .iter()
            .filter_map(|o| match o {
                Override::Insert {
                    key,
                    after: a,
                    text,
                } if a.as_deref() == after && !present(key) => Some(text.as_str()),
                _ => None,
            })
            .collect()
    };
    let mut chunks: Vec<&str> = Vec::new();
    chunks.extend(inserted_after(None));
    for entry in &entries {
        let Some(key) = entry.key.as_deref() else {
            chunks.push(entry.text);
            continue;
        };
        let removed = overrides
            .iter()
            .any(|o| matches!(o, Override::Remove { key: k } if k == key));
        if !removed {
            chunks.push(replacement(key).unwrap_or(entry.text));
        }
        chunks.extend(inserted_after(Some(key)));
    }
    // Values the translation owns whose place in the source is gone: a
    // set key the source dropped, an insert whose anchor it dropped.
    for o in overrides {
        let orphaned = match o {
            Override::Set { key, .. } => !present(key),
            Override::Insert { key, after, .. } => {
                !present(key) && after.as_deref().is_some_and(|a| !present(a))
            }
            _ => false,
        };
        if let (true, Override::Set { text, .. } | Override::Insert { text, .. }) = (orphaned, o) {
            chunks.push(text);
        }
    }
    // In TOML a key after a `[table]` belongs to the table: top-level keys
    // go before the first table, tables keep their order after them.
    if format == Format::Toml {
        let mut in_table = false;
        let is_table: Vec<bool> = chunks
            .iter()
            .map(|chunk| {
                match chunk.trim_start().chars().next() {
                    Some('[') => in_table = true,
                    Some('#') | None => {}
                    Some(_) => in_table = false,
                }
                in_table
            })
            .collect();
        let (mut keys, mut tables) = (Vec::new(), Vec::new());
        for (chunk, table) in chunks.iter().zip(is_table) {
            if table {
                tables.push(*chunk);
            } else {
                keys.push(*chunk);
            }
        }
        keys.extend(tables);
        chunks = keys;
    }
    let mut content = String::with_capacity(front.content.len() + 64);
    for chunk in chunks {
        if !content.is_empty() && !content.ends_with('\n') {
            content.push('\n');
        }
        content.push_str(chunk);
    }
    let mut out = String::with_capacity(source.len() + 64);
    out.push_str(&source[..front.content.start]);
    out.push_str(&content);
    out.push_str(&source[front.content.end..]);
    out
}

/// The front matter's format and top-level entries, in order; their texts
/// put together are the front matter's content.
fn entries_of(text: &str) -> Option<(Format, Vec<Entry<'_>>)> {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let front = frontmatter::split(text, start).ok()??;
    let content = &text[front.content.clone()];
    let starts_entry: fn(&str) -> Option<String> = match front.format {
        Format::Yaml => yaml_key,
        Format::Toml => toml_key,
        Format::Json | Format::Org => return None,
    };
    let mut entries: Vec<Entry<'_>> = Vec::new();
    let mut from = 0;
    let mut key: Option<String> = None;
    let mut in_multiline = false;
    let mut in_table = false;
    for line in content.split_inclusive('\n') {
        let offset = line.as_ptr() as usize - content.as_ptr() as usize;
        let new_key = if in_multiline {
            None
        } else {
            // In TOML, keys after a `[table]` header belong to the table.
            starts_entry(line).filter(|_| !in_table || line.starts_with('['))
        };
        in_table |= front.format == Format::Toml && line.starts_with('[');
        if front.format == Format::Toml
            && (line.matches("\"\"\"").count() + line.matches("\'\'\'").count()) % 2 == 1
        {
            in_multiline = !in_multiline;
        }
        if let Some(new_key) = new_key {
            if offset > from || key.is_some() {
                entries.push(Entry {
                    key: key.take(),
                    text: &content[from..offset],
                });
            }
            from = offset;
            key = Some(new_key);
        }
    }
    if from < content.len() || key.is_some() {
        entries.push(Entry {
            key,
            text: &content[from..],
        });
    }
    Some((front.format, entries))
}

/// `key:` at the start of a line, unquoted.
fn yaml_key(line: &str) -> Option<String> {
    let first = line.chars().next()?;
    if first.is_whitespace() || matches!(first, '-' | '#' | '[' | '{' | '}' | ']') {
        return None;
    }
    let colon = line.find(':')?;
    let key = line[..colon].trim();
    let key = key
        .strip_prefix('"')
        .and_then(|k| k.strip_suffix('"'))
        .or_else(|| key.strip_prefix('\'').and_then(|k| k.strip_suffix('\'')))
        .unwrap_or(key);
    (!key.is_empty()).then(|| key.to_string())
}

/// `key =` or a `[table]` header at the start of a line.
fn toml_key(line: &str) -> Option<String> {
    let first = line.chars().next()?;
    if first.is_whitespace() || first == '#' {
        return None;
    }
    if first == '[' {
        let end = line.find(']')?;
        return Some(line[..=end].trim_matches(['[', ']']).trim().to_string());
    }
    let eq = line.find('=')?;
    let key = line[..eq].trim().trim_matches(['"', '\'']);
    (!key.is_empty()).then(|| key.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCE: &str =
        "---\ntitle: \"Om oss\"\ndate: 2021-02-26\naliases:\n  - /om/\ndraft: true\n---\nText.\n";

    #[test]
    fn values_the_translation_owns_are_kept_and_reapplied() {
        let localized = "---\ntitle: \"About us\"\nslug: about\ndate: 2021-03-01\naliases:\n  - /about/\n  - /en/about/\n---\nText.\n";
        let overrides = between(SOURCE, localized, |key| key == "title").unwrap();
        assert_eq!(
            overrides,
            [
                Override::Insert {
                    key: "slug".into(),
                    after: Some("title".into()),
                    text: "slug: about\n".into()
                },
                Override::Set {
                    key: "date".into(),
                    text: "date: 2021-03-01\n".into()
                },
                Override::Set {
                    key: "aliases".into(),
                    text: "aliases:\n  - /about/\n  - /en/about/\n".into()
                },
                Override::Remove {
                    key: "draft".into()
                },
            ]
        );
        // Applied to the source: the translation's front matter, except
        // the title, which is a segment and stays the source's here.
        let applied = apply(SOURCE, &overrides);
        assert_eq!(applied, localized.replace("About us", "Om oss"));
    }

    #[test]
    fn owned_values_stay_when_the_source_gains_or_drops_their_keys() {
        let localized =
            "---\ntitle: \"About us\"\nslug: about\nicon: a\nlayout: wide\n---\nText.\n";
        let source = "---\ntitle: \"Om oss\"\nslug: om\nicon: a\n---\nText.\n";
        let overrides = between(source, localized, |key| key == "title").unwrap();
        // The source gains `layout`: the translation's replaces it, once.
        let gained = "---\ntitle: \"Om oss\"\nslug: om\nicon: b\nlayout: narrow\n---\nText.\n";
        assert_eq!(
            apply(gained, &overrides),
            "---\ntitle: \"Om oss\"\nslug: about\nicon: b\nlayout: wide\n---\nText.\n"
        );
        // The source drops `slug` and `icon`: the translation keeps its own.
        let dropped = "---\ntitle: \"Om oss\"\n---\nText.\n";
        assert_eq!(
            apply(dropped, &overrides),
            "---\ntitle: \"Om oss\"\nslug: about\nlayout: wide\n---\nText.\n"
        );
    }

    #[test]
    fn toml_keys_the_translation_owns_stay_out_of_tables() {
        let source = "+++\ntitle = \"Om\"\ndate = 2021-01-01\n[params]\nicon = \"a\"\n+++\nText.\n";
        let localized = "+++\ntitle = \"About\"\ndate = 2021-01-01\nslug = \"about\"\n[extra]\nnote = \"en\"\n[params]\nicon = \"a\"\n+++\nText.\n";
        let overrides = between(source, localized, |key| key == "title").unwrap();
        // The source drops `date` (the slug's anchor) and gains `draft`.
        let changed = "+++\ntitle = \"Om\"\ndraft = true\n[params]\nicon = \"b\"\n+++\nText.\n";
        let applied = apply(changed, &overrides);
        let value: toml_edit::DocumentMut = applied
            .trim_start_matches("+++\n")
            .split("+++")
            .next()
            .unwrap()
            .parse()
            .unwrap();
        assert_eq!(value["slug"].as_str(), Some("about"), "{applied}");
        assert_eq!(value["draft"].as_bool(), Some(true), "{applied}");
        assert_eq!(value["extra"]["note"].as_str(), Some("en"), "{applied}");
        assert_eq!(value["params"]["icon"].as_str(), Some("b"), "{applied}");
    }

    #[test]
    fn toml_literal_strings_are_one_entry() {
        let source =
            "+++\ntitle = \"Om\"\nnotes = \'\'\'\nweight = 1\n\'\'\'\nslug = \"om\"\n+++\nText.\n";
        let localized = source.replace("weight = 1", "weight = 2");
        let overrides = between(source, &localized, |key| key == "title").unwrap();
        assert_eq!(
            overrides,
            [Override::Set {
                key: "notes".into(),
                text: "notes = \'\'\'\nweight = 2\n\'\'\'\n".into()
            }]
        );
    }

    #[test]
    fn toml_entries_and_tables() {
        let source =
            "+++\ntitle = \"Om oss\"\ndate = 2021-02-26\n[params]\nicon = \"a\"\n+++\nText.\n";
        let localized =
            "+++\ntitle = \"About\"\ndate = 2021-02-26\n[params]\nicon = \"b\"\n+++\nText.\n";
        let overrides = between(source, localized, |key| key == "title").unwrap();
        assert_eq!(
            overrides,
            [Override::Set {
                key: "params".into(),
                text: "[params]\nicon = \"b\"\n".into()
            }]
        );
        assert_eq!(
            apply(source, &overrides),
            localized.replace("About", "Om oss")
        );
    }

    #[test]
    fn json_front_matter_is_not_split() {
        assert_eq!(
            between("{\"a\": 1}\nText\n", "{\"a\": 2}\nText\n", |_| false),
            Some(vec![])
        );
    }

    #[test]
    fn blank_lines_after_the_front_matter_and_the_final_newline() {
        let localized = SOURCE.replace("---\nText.\n", "---\n\nText.");
        let overrides = between(SOURCE, &localized, |_| false).unwrap();
        assert_eq!(
            overrides,
            [
                Override::Lead { text: "\n".into() },
                Override::Tail { text: "".into() }
            ]
        );
        assert_eq!(apply(SOURCE, &overrides), localized);
    }
}
