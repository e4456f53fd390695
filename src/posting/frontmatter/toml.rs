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
    let mut fields = Vec::new();
    for (key, item) in document.as_table().iter() {
        let Some(value) = item.as_value() else {
            continue;
        };
        let field = |item: Option<usize>, value: &toml_edit::Value| {
            Some(Field {
                key: key.to_string(),
                item,
                value: value.as_str()?.to_string(),
                span: value.span()?,
                style: ScalarStyle::Toml,
            })
        };
        match value.as_array() {
            Some(array) => fields.extend(
                array
                    .iter()
                    .enumerate()
                    .filter_map(|(i, v)| field(Some(i), v)),
            ),
            None => fields.extend(field(None, value)),
        }
    }
    fields.sort_by_key(|f| f.span.start);
    Ok(fields)
}
