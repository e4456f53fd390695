//! TOML front matter, read with `toml_edit`, which keeps the span of every
//! value.

use super::{Field, ScalarStyle};
use crate::posting::error::PostingError;

pub(super) fn fields(
    content: &str,
    syntax_error: &impl Fn(usize, String) -> PostingError,
) -> Result<Vec<Field>, PostingError> {
    let document = toml_edit::Document::parse(content).map_err(|err| {
        let offset = err.span().map_or(0, |s| s.start);
        syntax_error(offset, err.message().trim().to_string())
    })?;
    let mut fields: Vec<Field> = document
        .as_table()
        .iter()
        .filter_map(|(key, item)| {
            let value = item.as_value()?;
            let text = value.as_str()?;
            Some(Field {
                key: key.to_string(),
                value: text.to_string(),
                span: value.span()?,
                style: ScalarStyle::Toml,
            })
        })
        .collect();
    fields.sort_by_key(|f| f.span.start);
    Ok(fields)
}
