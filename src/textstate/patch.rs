//! The base of a merged localized posting as a patch of the posting: a
//! localized posting with differences of its own is not what build made,
//! and a fresh clone needs what build made to merge the next change.
//! Only the lines that differ are kept (JSON: `[[line, count, "text"]]`:
//! from 0-based line `line`, `count` lines of the file are replaced by
//! `text`); whoever applies it checks the result's hash.

use similar::{Algorithm, DiffOp, capture_diff_slices};

/// The patch that turns `file` into `base`. Lines end at `\n` only, as
/// [`apply`] splits them (`similar`'s own line diff also ends one at a
/// lone `\r`).
pub fn make(file: &str, base: &str) -> String {
    let old: Vec<&str> = file.split_inclusive('\n').collect();
    let new: Vec<&str> = base.split_inclusive('\n').collect();
    let hunks: Vec<(usize, usize, String)> = capture_diff_slices(Algorithm::Myers, &old, &new)
        .iter()
        .filter_map(|op| match *op {
            DiffOp::Equal { .. } => None,
            DiffOp::Delete {
                old_index, old_len, ..
            } => Some((old_index, old_len, String::new())),
            DiffOp::Insert {
                old_index,
                new_index,
                new_len,
            } => Some((old_index, 0, new[new_index..new_index + new_len].concat())),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => Some((
                old_index,
                old_len,
                new[new_index..new_index + new_len].concat(),
            )),
        })
        .collect();
    serde_json::to_string(&hunks).unwrap_or_default()
}

/// `file` with `patch` applied; `None` if the patch does not fit it.
pub fn apply(file: &str, patch: &str) -> Option<String> {
    let hunks: Vec<(usize, usize, String)> = serde_json::from_str(patch).ok()?;
    let lines: Vec<&str> = file.split_inclusive('\n').collect();
    let mut out = String::with_capacity(file.len());
    let mut at = 0;
    for (line, count, text) in hunks {
        let end = line.checked_add(count)?;
        if line < at || end > lines.len() {
            return None;
        }
        out.extend(lines[at..line].iter().copied());
        out.push_str(&text);
        at = end;
    }
    out.extend(lines[at..].iter().copied());
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_patch_gives_back_the_base() {
        let cases = [
            ("a\nb\nc\n", "a\nB\nc\n"),
            ("a\nb\nc", "a\nc"),
            ("title: x\n\nmine\n", "title: x\n\ntheirs\nmore\n"),
            ("", "all new\n"),
            ("gone\n", ""),
            ("same\n", "same\n"),
            ("a\rb\nc", "a\rB\nc\r"),
            ("\0\0", "x\ry\n"),
        ];
        for (file, base) in cases {
            assert_eq!(
                apply(file, &make(file, base)).as_deref(),
                Some(base),
                "{file:?}"
            );
        }
    }

    #[test]
    fn a_patch_for_another_file_does_not_apply() {
        let patch = make("a\nb\nc\nd\n", "a\nb\nc\nD\n");
        assert_eq!(apply("a\n", &patch), None);
        assert_eq!(apply("x", "not json"), None);
    }
}
