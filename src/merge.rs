//! Three-way merge of text, for build: *base* is what tolkar wrote last,
//! *ours* the file as it is on disk (with the translator's own edits),
//! *theirs* what tolkar would write now. Every difference ours has from
//! base is kept and every change theirs has from base applied, by line;
//! where both changed the same lines differently, the lines are merged
//! again span by span (a link target apart from its text, a parameter
//! apart from the next, white space apart), and only what still collides
//! is a conflict.
//!
//! Written here rather than taken from a crate: `diffy::merge` (the
//! maintained one) returns the merged text or the text with conflict
//! markers, while build needs the conflicts as data (to report both sides
//! and leave the file alone) and a second, finer pass inside a conflict.
//! The diffs themselves come from `similar`.

use std::hash::Hash;

use similar::{Algorithm, DiffOp, capture_diff_slices};

/// Where ours and theirs changed the same part of base differently.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// The 1-based line of ours where the conflict starts.
    pub line: usize,
    pub base: String,
    pub ours: String,
    pub theirs: String,
}

/// The outcome of a merge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Merged {
    Clean(String),
    Conflicts(Vec<Conflict>),
}

/// Merges the changes base → theirs into ours.
pub fn merge(base: &str, ours: &str, theirs: &str) -> Merged {
    // The line ends are the file's: where it has one kind throughout and
    // the other texts another (a source with Windows line ends, a file
    // without, or the other way round), the merge is of the lines.
    let lf = |text: &str| text.replace("\r\n", "\n");
    if !crlf_throughout(ours) && (base.contains("\r\n") || theirs.contains("\r\n")) {
        return merge_lines(&lf(base), ours, &lf(theirs));
    }
    if crlf_throughout(ours) && (lf(base) != base || lf(theirs) != theirs || !base.contains("\r\n"))
    {
        return match merge_lines(&lf(base), &lf(ours), &lf(theirs)) {
            Merged::Clean(text) => Merged::Clean(text.replace('\n', "\r\n")),
            Merged::Conflicts(conflicts) => Merged::Conflicts(conflicts),
        };
    }
    merge_lines(base, ours, theirs)
}

/// Whether every line of `text` ends in CR LF (and there is one).
fn crlf_throughout(text: &str) -> bool {
    let lines = text.matches('\n').count();
    lines > 0 && text.matches("\r\n").count() == lines
}

fn merge_lines(base: &str, ours: &str, theirs: &str) -> Merged {
    if ours == base {
        return Merged::Clean(theirs.to_string());
    }
    if theirs == base || theirs == ours {
        return Merged::Clean(ours.to_string());
    }
    let (b, o, t) = (lines(base), lines(ours), lines(theirs));
    // Lines pair by their text: the blank lines before one, and white
    // space at its end, are ours to keep and no reason not to pair.
    let mut text = String::with_capacity(ours.len().max(theirs.len()));
    let mut conflicts = Vec::new();
    let mut last: Option<&str> = None;
    for chunk in diff3(&b, &o, &t, Level::Lines) {
        match chunk {
            Chunk::Take(taken) => {
                for item in taken {
                    // A last line without its line end is last no more.
                    if !text.is_empty() && !text.ends_with('\n') {
                        text.push('\n');
                    }
                    if let Some(before) = last
                        && parted(before, item, [base, ours, theirs])
                    {
                        text.push('\n');
                    }
                    text.push_str(item);
                    last = Some(item);
                }
            }
            Chunk::Conflict {
                at,
                base,
                ours,
                theirs,
            } => {
                last = None;
                let (base, ours, theirs) = (base.concat(), ours.concat(), theirs.concat());
                match merge_spans(&base, &ours, &theirs) {
                    Some(resolved) => text.push_str(&resolved),
                    None => {
                        // Where its text starts, past the blank lines.
                        let lead = |text: &str| {
                            let key_start =
                                line_key(text).as_ptr() as usize - text.as_ptr() as usize;
                            let at = text[..key_start].rfind('\n').map_or(0, |i| i + 1);
                            (text[..at].matches('\n').count(), at)
                        };
                        let (blank, _) = lead(&ours);
                        let trimmed = |text: &str| text[lead(text).1..].to_string();
                        conflicts.push(Conflict {
                            line: 1
                                + blank
                                + o[..at]
                                    .iter()
                                    .map(|l| l.matches('\n').count())
                                    .sum::<usize>(),
                            base: trimmed(&base),
                            ours: trimmed(&ours),
                            theirs: trimmed(&theirs),
                        })
                    }
                }
            }
        }
    }
    if conflicts.is_empty() {
        Merged::Clean(text)
    } else {
        Merged::Conflicts(conflicts)
    }
}

/// Whether a blank line must go between `before` and `item`, lines of
/// two of `texts` that the merge puts next to each other: `before` was
/// followed by a blank line where it comes from, and `item` has none before
/// it (a paragraph the source added, before a paragraph the translation
/// starts without a blank line). Without it, Markdown would join the two.
fn parted(before: &str, item: &str, texts: [&str; 3]) -> bool {
    let address = |s: &str| s.as_ptr() as usize;
    let origin = |s: &str| {
        texts
            .into_iter()
            .find(|t| (address(t)..address(t) + t.len()).contains(&address(s)))
    };
    let (Some(from), Some(to)) = (origin(before), origin(item)) else {
        return false;
    };
    if address(from) == address(to) || item.trim().is_empty() {
        return false;
    }
    let after = &from[address(before) - address(from) + before.len()..];
    let blank_after = after
        .split_inclusive('\n')
        .next()
        .is_some_and(|line| line.trim().is_empty());
    let blank_before = item
        .split_inclusive('\n')
        .next()
        .is_some_and(|line| line.trim().is_empty());
    // Only before a block that starts where it comes from (at the top,
    // after the front matter or a heading), not before a table row or a
    // list item that follows another.
    let preceding = to[..address(item) - address(to)]
        .trim_end_matches(['\n', '\r'])
        .rsplit('\n')
        .next()
        .unwrap_or_default()
        .trim_end();
    let starts_block = address(item) == address(to)
        || matches!(preceding, "---" | "+++")
        || preceding.trim_start().starts_with('#');
    blank_after && !blank_before && starts_block
}

/// The same region merged span by span (see `spans`); `None` if spans
/// collide too.
fn merge_spans(base: &str, ours: &str, theirs: &str) -> Option<String> {
    // Lines the build adds or takes away inside lines the file changed:
    // where they go is anyone's guess.
    if base.matches('\n').count() != theirs.matches('\n').count() {
        return None;
    }
    let (b, o, t) = (spans(base), spans(ours), spans(theirs));
    let mut text = String::new();
    for chunk in diff3(&b, &o, &t, Level::Spans) {
        match chunk {
            Chunk::Take(taken) => text.extend(taken.iter().copied()),
            Chunk::Conflict { .. } => return None,
        }
    }
    Some(text)
}

/// A text as lines, each with its line end and the blank lines before it:
/// in Markdown a blank line separates the block after it, so a paragraph
/// added with its blank line is one item, which cannot lose the blank line
/// to a neighbour's when the diffs pair blank lines. Blank lines at the
/// end are an item of their own.
fn lines(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut item_start, mut at) = (0, 0);
    for line in text.split_inclusive('\n') {
        at += line.len();
        if !line.trim().is_empty() {
            out.push(&text[item_start..at]);
            item_start = at;
        }
    }
    if at > item_start {
        out.push(&text[item_start..at]);
    }
    out
}

/// A text as spans that a translation changes as a whole: the runs of
/// text between line breaks and markup characters (quotes, brackets,
/// braces, `|`, `=`, angle brackets), each without its leading and
/// trailing white space, which are spans of their own, as is every line
/// break and markup character. So a
/// link's target and its text, a shortcode's parameters, a table's cells
/// and the white space around them merge apart, while two edits of one
/// sentence collide.
fn spans(text: &str) -> Vec<&str> {
    const MARKUP: &[char] = &[
        '"', '\'', '(', ')', '[', ']', '{', '}', '<', '>', '|', '=', '\n',
    ];
    let mut out = Vec::new();
    let mut run_start = 0;
    for (i, c) in text.char_indices() {
        if MARKUP.contains(&c) {
            push_run(&mut out, &text[run_start..i]);
            out.push(&text[i..i + c.len_utf8()]);
            run_start = i + c.len_utf8();
        }
    }
    push_run(&mut out, &text[run_start..]);
    out
}

/// A run of text as its leading white space, its core and its trailing
/// white space (the empty ones left out).
fn push_run<'a>(out: &mut Vec<&'a str>, run: &'a str) {
    let trimmed = run.trim_start();
    let core = trimmed.trim_end();
    let (lead, tail) = (&run[..run.len() - trimmed.len()], &trimmed[core.len()..]);
    out.extend([lead, core, tail].into_iter().filter(|p| !p.is_empty()));
}

/// A run of the merge: what to take, or a collision.
#[derive(Debug, PartialEq, Eq)]
enum Chunk<'a, T> {
    Take(&'a [T]),
    Conflict {
        /// Where the run starts in ours.
        at: usize,
        base: &'a [T],
        ours: &'a [T],
        theirs: &'a [T],
    },
}

/// For every item of `base`, where `other` has it unchanged.
fn kept<T: Eq + Hash>(base: &[T], other: &[T]) -> Vec<Option<usize>> {
    let mut at = vec![None; base.len()];
    for op in capture_diff_slices(Algorithm::Myers, base, other) {
        if let DiffOp::Equal {
            old_index,
            new_index,
            len,
        } = op
        {
            for k in 0..len {
                at[old_index + k] = Some(new_index + k);
            }
        }
    }
    at
}

/// What `run` adds before and after `base`, if it is `base` with items
/// added around it only (and `base` is not empty).
fn around<'a>(
    run: &'a [&'a str],
    base: &[&str],
    key: fn(&str) -> &str,
) -> Option<(&'a [&'a str], &'a [&'a str])> {
    if base.is_empty() || run.len() <= base.len() {
        return None;
    }
    (0..=run.len() - base.len())
        .find(|&i| same(&run[i..i + base.len()], base, key))
        .map(|i| (&run[..i], &run[i + base.len()..]))
}

/// Whether two runs have the same items by `key`.
fn same(a: &[&str], b: &[&str], key: fn(&str) -> &str) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| key(x) == key(y))
}

/// If `added` is `base` with items inserted, and `changed` has as many
/// items as `base` (changed one for one): `changed` with the insertions at
/// the same places, as runs to take.
fn interleave<'a>(
    added: &'a [&'a str],
    base: &[&str],
    changed: &'a [&'a str],
    key: fn(&str) -> &str,
) -> Option<Vec<Chunk<'a, &'a str>>> {
    if changed.len() != base.len() || added.len() <= base.len() {
        return None;
    }
    let mut chunks = Vec::new();
    let mut from = 0;
    for (i, item) in base.iter().enumerate() {
        let at = from + added[from..].iter().position(|a| key(a) == key(item))?;
        chunks.push(Chunk::Take(&added[from..at]));
        chunks.push(Chunk::Take(&changed[i..i + 1]));
        from = at + 1;
    }
    chunks.push(Chunk::Take(&added[from..]));
    Some(chunks)
}

/// What diff3 merges.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Level {
    /// Lines, each with the blank lines before it, paired by their text
    /// (its indentation counts; blank lines before it and white space at
    /// its end do not).
    Lines,
    /// Spans inside lines, paired as they are.
    Spans,
}

impl Level {
    fn key(self) -> fn(&str) -> &str {
        match self {
            Level::Lines => line_key,
            Level::Spans => |span| span,
        }
    }
}

/// A line item's text: without the blank lines before it and the white
/// space at its end.
fn line_key(item: &str) -> &str {
    let mut rest = item;
    while let Some(end) = rest.find('\n') {
        if !rest[..end].trim().is_empty() {
            break;
        }
        rest = &rest[end + 1..];
    }
    rest.trim_end()
}

/// The classic diff3: base items unchanged on both sides are stable;
/// between two stable points, the side that changed wins, the same change
/// on both sides is taken once, and different changes collide.
/// Items are paired by their key (see `Level`); a stable item is taken as
/// ours has it, unless ours has it as base does (then as theirs has it:
/// a change of indentation or of white space at its end).
fn diff3<'a>(
    base: &'a [&'a str],
    ours: &'a [&'a str],
    theirs: &'a [&'a str],
    level: Level,
) -> Vec<Chunk<'a, &'a str>> {
    let key = level.key();
    let keys = |items: &'a [&'a str]| items.iter().map(|i| key(i)).collect::<Vec<&str>>();
    let (base_keys, ours_keys, theirs_keys) = (keys(base), keys(ours), keys(theirs));
    let (in_ours, in_theirs) = (kept(&base_keys, &ours_keys), kept(&base_keys, &theirs_keys));
    let mut chunks = Vec::new();
    let (mut b, mut o, mut t) = (0, 0, 0);
    loop {
        // The stable items from here on.
        while b < base.len() && in_ours[b] == Some(o) && in_theirs[b] == Some(t) {
            let take = if ours[o] == base[b] {
                &theirs[t..t + 1]
            } else {
                &ours[o..o + 1]
            };
            chunks.push(Chunk::Take(take));
            b += 1;
            o += 1;
            t += 1;
        }
        // The next base item both sides kept ends the unstable run.
        let next = (b..base.len()).find(|&k| in_ours[k].is_some() && in_theirs[k].is_some());
        let (b_end, o_end, t_end) = match next {
            Some(k) => (k, in_ours[k].unwrap_or(o), in_theirs[k].unwrap_or(t)),
            None => (base.len(), ours.len(), theirs.len()),
        };
        let (base_run, ours_run, theirs_run) =
            (&base[b..b_end], &ours[o..o_end], &theirs[t..t_end]);
        if ours_run == base_run {
            chunks.push(Chunk::Take(theirs_run));
        } else if theirs_run == base_run || same(ours_run, theirs_run, key) {
            chunks.push(Chunk::Take(ours_run));
        } else if let Some(gaps) = (level == Level::Lines)
            .then(|| interleave(theirs_run, base_run, ours_run, key))
            .flatten()
        {
            // Theirs only added between items ours changed one for one (a
            // new paragraph among paragraphs the translation rewords): the
            // additions go between ours' items at the same places.
            chunks.extend(gaps);
        } else if let Some(gaps) = (level == Level::Lines)
            .then(|| interleave(ours_run, base_run, theirs_run, key))
            .flatten()
        {
            chunks.extend(gaps);
        } else if let Some((before, after)) = around(theirs_run, base_run, key) {
            // Theirs only added next to what ours changed (a new paragraph
            // before a line the translation edited): both.
            chunks.extend([
                Chunk::Take(before),
                Chunk::Take(ours_run),
                Chunk::Take(after),
            ]);
        } else if let Some((before, after)) = around(ours_run, base_run, key) {
            chunks.extend([
                Chunk::Take(before),
                Chunk::Take(theirs_run),
                Chunk::Take(after),
            ]);
        } else if base_run.is_empty() && level == Level::Lines {
            // Both added whole lines at one place (a heading of the
            // translation's own and a new paragraph of the source before
            // one line): both, the file's first. (Blank lines pair either
            // way, so the order can come out the other way round.) Inside
            // a line, two additions would glue two texts into one value.
            chunks.extend([Chunk::Take(ours_run), Chunk::Take(theirs_run)]);
        } else {
            chunks.push(Chunk::Conflict {
                at: o,
                base: base_run,
                ours: ours_run,
                theirs: theirs_run,
            });
        }
        (b, o, t) = (b_end, o_end, t_end);
        if next.is_none() {
            break;
        }
    }
    chunks.retain(|c| !matches!(c, Chunk::Take(taken) if taken.is_empty()));
    chunks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(base: &str, ours: &str, theirs: &str) -> String {
        match merge(base, ours, theirs) {
            Merged::Clean(text) => text,
            Merged::Conflicts(c) => panic!("conflicts: {c:?}"),
        }
    }

    #[test]
    fn one_side_changed_takes_that_side() {
        let base = "a\nb\nc\n";
        assert_eq!(clean(base, base, "a\nB\nc\n"), "a\nB\nc\n");
        assert_eq!(clean(base, "a\nb!\nc\n", base), "a\nb!\nc\n");
    }

    #[test]
    fn what_both_add_at_one_place_is_kept_the_files_first() {
        let base = "Ett.\n\nTvå.\n";
        let ours = "One.\n\n\nTwo.\n";
        let theirs = "Ett.\n\nNytt.\n\nTvå.\n";
        assert_eq!(clean(base, ours, theirs), "One.\n\nNytt.\n\n\nTwo.\n");
        // A heading of the translation's own, a paragraph the source gained.
        let base = "---\n---\n\nText.\n";
        let ours = "---\n---\n\n## Own\n\nTexte.\n";
        let theirs = "---\n---\n\nNew.\n\nText.\n";
        // Which comes first follows how the diffs pair the blank lines.
        let merged = clean(base, ours, theirs);
        assert!(
            merged.contains("\n## Own\n")
                && merged.contains("\nNew.\n")
                && merged.ends_with("\nTexte.\n"),
            "{merged}"
        );
    }

    #[test]
    fn a_local_edit_survives_a_new_paragraph() {
        let base = "# Rubrik\n\nEtt.\n\nTvå.\n";
        let ours = "# Heading {#own}\n\nOne.\n\nTwo. \n";
        let theirs = "# Rubrik\n\nEtt.\n\nNytt.\n\nTvå.\n";
        assert_eq!(
            clean(base, ours, theirs),
            "# Heading {#own}\n\nOne.\n\nNytt.\n\nTwo. \n"
        );
    }

    #[test]
    fn the_same_change_on_both_sides_is_taken_once() {
        let base = "a\nb\n";
        assert_eq!(clean(base, "a\nc\n", "a\nc\n"), "a\nc\n");
        assert_eq!(clean(base, "a\nb\nx\n", "a\nb\nx\n"), "a\nb\nx\n");
    }

    #[test]
    fn changes_to_different_spans_of_a_line_merge() {
        // The link's target is the translation's, its text the source's.
        let base = "See [the service](/service/) now.\n";
        let ours = "See [the service](/fr/service/) now. \n";
        let theirs = "See [our service](/service/) now.\n";
        assert_eq!(
            clean(base, ours, theirs),
            "See [our service](/fr/service/) now. \n"
        );
        let base = "{{< card header=\"A\" icon=\"fa-star\" >}}\n";
        let ours = "{{< card header=\"Ä\" icon=\"fa-star\" >}}\n";
        let theirs = "{{< card header=\"A\" icon=\"fa-moon\" >}}\n";
        assert_eq!(
            clean(base, ours, theirs),
            "{{< card header=\"Ä\" icon=\"fa-moon\" >}}\n"
        );
    }

    #[test]
    fn two_edits_of_one_sentence_collide() {
        let base = "Title: \"Jobb hos Safespring\"\n";
        let ours = "Title: \"Jobb hos oss\"\n";
        let theirs = "Title: \"Jobbe hos Safespring\"\n";
        assert!(matches!(merge(base, ours, theirs), Merged::Conflicts(_)));
    }

    #[test]
    fn the_same_words_changed_differently_conflict() {
        let base = "a\nlinkref: /x/\nb\n";
        let ours = "a\nlinkref: /da/x/\nb\n";
        let theirs = "a\nlinkref: /y/\nb\n";
        let Merged::Conflicts(conflicts) = merge(base, ours, theirs) else {
            panic!("expected a conflict");
        };
        assert_eq!(
            conflicts,
            vec![Conflict {
                line: 2,
                base: "linkref: /x/\n".into(),
                ours: "linkref: /da/x/\n".into(),
                theirs: "linkref: /y/\n".into(),
            }]
        );
    }

    #[test]
    fn a_file_with_windows_line_ends_keeps_them() {
        let base = "Ett.\n\nTvå.\n";
        let ours = "One.\r\n\r\nTwo.\r\n";
        let theirs = "Ett.\n\nNytt.\n\nTvå.\n";
        assert_eq!(
            clean(base, ours, theirs),
            "One.\r\n\r\nNytt.\r\n\r\nTwo.\r\n"
        );
    }

    #[test]
    fn a_file_without_windows_line_ends_from_a_source_with_them_keeps_its_own() {
        let base = "Ett.\r\n\r\nTvå.\r\n";
        let ours = "One.\n\nTwo.\n";
        let theirs = "Ett.\r\n\r\nNytt.\r\n\r\nTvå.\r\n";
        assert_eq!(clean(base, ours, theirs), "One.\n\nNytt.\n\nTwo.\n");
    }

    #[test]
    fn a_paragraph_added_among_reworded_ones_lands_at_its_place() {
        let base = "---\n---\n\n\nEtt\nett.\n\nTvå.\n";
        let ours = "---\n---\n\nOne\none.\n\nTwo.\n";
        let theirs = "---\n---\n\n\nNytt.\n\nEtt\nett.\n\nTvå.\n";
        assert_eq!(
            clean(base, ours, theirs),
            "---\n---\n\n\nNytt.\n\nOne\none.\n\nTwo.\n"
        );
    }

    #[test]
    fn a_paragraph_added_before_one_without_a_blank_line_stays_a_paragraph() {
        let base = "---\n---\n\nEtt.\n";
        let ours = "---\n---\nOne.\n";
        let theirs = "---\n---\n\nNytt.\n\nEtt.\n";
        assert_eq!(clean(base, ours, theirs), "---\n---\n\nNytt.\n\nOne.\n");
    }

    #[test]
    fn two_texts_added_inside_one_line_collide() {
        let merged = merge(
            "description: \"\"\n",
            "description: \"Egen text\"\n",
            "description: \"New source text\"\n",
        );
        assert!(matches!(merged, Merged::Conflicts(_)), "{merged:?}");
    }

    #[test]
    fn the_same_addition_on_both_sides_is_taken_once() {
        assert_eq!(
            clean("a\n\nb\n", "a\n\n\nNew.\n\nb\n", "a\n\nNew.\n\nb\n"),
            "a\n\n\nNew.\n\nb\n"
        );
        assert_eq!(
            clean("a\n\nb\n", "a\n\nNew. \n\nb\n", "a\n\nNew.\n\nb\n"),
            "a\n\nNew. \n\nb\n"
        );
    }

    #[test]
    fn rows_both_add_to_a_table_stay_in_the_table() {
        let base = "| a |\n| b |\n\nText\n";
        let ours = "| a |\n| b |\n| X |\n\nText\n";
        let theirs = "| a |\n| b |\n| Y |\n\nText\n";
        assert_eq!(
            clean(base, ours, theirs),
            "| a |\n| b |\n| X |\n| Y |\n\nText\n"
        );
    }

    #[test]
    fn a_change_of_indentation_or_trailing_white_space_in_the_source_lands() {
        assert_eq!(
            clean("- a\n- b\n", "- A\n- b\n", "- a\n  - b\n"),
            "- A\n  - b\n"
        );
        assert_eq!(clean("x\ny\n", "X\ny\n", "x\ny  \n"), "X\ny  \n");
    }

    #[test]
    fn a_conflict_names_the_line_of_its_text_not_the_blank_line_before() {
        let Merged::Conflicts(conflicts) =
            merge("Eins.\n\nZwei.\n", "Eins.\n\nTwo!\n", "Eins.\n\nZwo.\n")
        else {
            panic!("no conflict");
        };
        assert_eq!(conflicts[0].line, 3);
        assert_eq!(conflicts[0].ours, "Two!\n");
    }

    #[test]
    fn a_conflict_after_blank_lines_in_any_script_is_told() {
        let Merged::Conflicts(conflicts) = merge("a\n\nb\n", "a\n\n클라 c\n", "a\n\n클라 d\n")
        else {
            panic!("no conflict");
        };
        assert_eq!(
            (conflicts[0].line, conflicts[0].ours.as_str()),
            (3, "클라 c\n")
        );
    }

    #[test]
    fn a_file_with_a_stray_carriage_return_keeps_its_line_ends() {
        assert_eq!(clean("a\nb\n", "A\r\nb\n", "a\r\nb\r\n"), "A\r\nb\n");
    }

    #[test]
    fn insertions_at_the_same_place_keep_both() {
        let base = "a\nb\n";
        assert_eq!(clean(base, "a\nX\nb\n", "a\nY\nb\n"), "a\nX\nY\nb\n");
        assert_eq!(clean(base, "a\nX\nb\n", "a\nX\nb\n"), "a\nX\nb\n");
        assert_eq!(clean(base, "X\na\nb\n", "a\nb\nY\n"), "X\na\nb\nY\n");
    }

    #[test]
    fn deletions_merge_with_edits_elsewhere() {
        let base = "a\nb\nc\nd\n";
        assert_eq!(clean(base, "a\nc\nd\n", "a\nb\nc\nD\n"), "a\nc\nD\n");
    }

    #[test]
    fn no_final_newline_and_empty_texts() {
        assert_eq!(clean("a", "a", "b"), "b");
        assert_eq!(clean("", "x\n", ""), "x\n");
        assert_eq!(clean("a\nb", "A\nb", "a\nB"), "A\nB");
    }

    proptest::proptest! {
        /// Any three texts, in any script, with any line ends: a merge or
        /// conflicts, never a panic; a clean merge of a side with itself
        /// is that side.
        #[test]
        fn any_texts_merge_or_conflict(
            base in "([a-c클 é|#-]|\n|\r\n| |\n\n){0,40}",
            ours in "([a-c클 é|#-]|\n|\r\n| |\n\n){0,40}",
            theirs in "([a-c클 é|#-]|\n|\r\n| |\n\n){0,40}",
        ) {
            let _ = merge(&base, &ours, &theirs);
            proptest::prop_assert_eq!(merge(&base, &ours, &base), Merged::Clean(ours.clone()));
            if let Merged::Conflicts(conflicts) = merge(&base, &ours, &theirs) {
                for c in conflicts {
                    proptest::prop_assert!(c.line >= 1 && c.line <= ours.split('\n').count().max(1));
                }
            }
        }

        #[test]
        fn edits_of_distant_lines_both_land(
            lines in proptest::collection::vec(
                proptest::prop_oneof![4 => "[a-z][a-z ]{0,11}", 1 => proptest::strategy::Just(String::new())],
                4..30,
            ),
            i in 0usize..30,
            j in 0usize..30,
        ) {
            // Two lines of text apart (a blank line is no text to edit,
            // and blank lines pair with each other any way round).
            let texts: Vec<usize> = (0..lines.len()).filter(|&k| !lines[k].is_empty()).collect();
            proptest::prop_assume!(texts.len() >= 2);
            let (i, j) = (texts[i % texts.len()], texts[j % texts.len()]);
            proptest::prop_assume!(i.abs_diff(j) >= 2);
            let text = |edits: &[(usize, &str)]| {
                let mut out = String::new();
                for (k, line) in lines.iter().enumerate() {
                    let line = edits.iter().find(|e| e.0 == k).map_or(line.as_str(), |e| e.1);
                    out.push_str(line);
                    out.push('\n');
                }
                out
            };
            let base = text(&[]);
            let ours = text(&[(i, "OURS")]);
            let theirs = text(&[(j, "THEIRS")]);
            proptest::prop_assert_eq!(
                merge(&base, &ours, &theirs),
                Merged::Clean(text(&[(i, "OURS"), (j, "THEIRS")]))
            );
            proptest::prop_assert_eq!(merge(&base, &base, &theirs), Merged::Clean(theirs.clone()));
            proptest::prop_assert_eq!(merge(&base, &ours, &base), Merged::Clean(ours.clone()));
        }
    }
}
