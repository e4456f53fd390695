//! What each placeholder of a segment stands for (`<1>…</1>` is
//! `[ … ](/jobs/)`), as export shows it to translators (PO comments, XLIFF
//! `<originalData>`) and as the store keeps it, so that an export need not
//! read and parse the postings again.

use serde::{Deserialize, Serialize};

use crate::posting::{Document, Segment, Shape};

/// The markup behind one placeholder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Markup {
    pub id: u32,
    /// The opening markup, or the whole atom of a standalone placeholder.
    pub open: String,
    /// The closing markup; `Some` exactly for a paired placeholder.
    pub close: Option<String>,
}

/// The markup behind each placeholder of `segment`, a segment of `doc`.
pub fn of(doc: &Document, segment: &Segment) -> Vec<Markup> {
    match &segment.shape {
        Shape::Inline { placeholders, .. } => placeholders
            .iter()
            .map(|p| Markup {
                id: p.id,
                open: doc.source[p.open.clone()].to_string(),
                close: p.close.clone().map(|c| doc.source[c].to_string()),
            })
            .collect(),
        Shape::Param { markup, .. } => markup
            .iter()
            .map(|m| Markup {
                id: m.id,
                open: m.open.clone(),
                close: m.close.clone(),
            })
            .collect(),
        Shape::FrontMatter(_) => Vec::new(),
    }
}

/// One placeholder as stored: `[id, open, close or null]`.
#[derive(Serialize, Deserialize)]
struct Stored(u32, String, Option<String>);

/// `markup` as the store keeps it: empty for none (most segments), else a
/// JSON array of `[id, open, close]`.
pub fn encode(markup: &[Markup]) -> String {
    if markup.is_empty() {
        return String::new();
    }
    let stored: Vec<Stored> = markup
        .iter()
        .map(|m| Stored(m.id, m.open.clone(), m.close.clone()))
        .collect();
    serde_json::to_string(&stored).expect("strings and numbers always serialize")
}

/// What [`encode`] wrote; `None` for anything else (a damaged row, which
/// the caller treats as markup not recorded).
pub fn decode(stored: &str) -> Option<Vec<Markup>> {
    if stored.is_empty() {
        return Some(Vec::new());
    }
    let stored: Vec<Stored> = serde_json::from_str(stored).ok()?;
    Some(
        stored
            .into_iter()
            .map(|Stored(id, open, close)| Markup { id, open, close })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_reads_back_as_it_was_written() {
        let doc = crate::posting::parse(
            "Läs *mer* i [guiden](/guide/ \"Titel\") {{< icon \"x\" >}}.\n".as_bytes(),
            &crate::posting::Rules::default(),
        )
        .unwrap();
        let markup = of(&doc, &doc.segments[0]);
        assert!(markup.len() >= 2, "{markup:?}");
        assert!(markup.iter().any(|m| m.close.is_some()));
        assert_eq!(decode(&encode(&markup)), Some(markup));
        assert_eq!(encode(&[]), "");
        assert_eq!(decode(""), Some(Vec::new()));
        assert_eq!(decode("[[1,"), None);
    }
}
