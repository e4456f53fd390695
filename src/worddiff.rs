//! Word-level diffs of an old and a new source text, for editors: what
//! changed, shown as runs of kept, deleted and inserted text.

use serde::Serialize;
use similar::{ChangeTag, TextDiff};

/// One run of a diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Run {
    pub op: Op,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Op {
    Equal,
    Delete,
    Insert,
}

/// The runs that turn `old` into `new`, word by word; neighbouring words
/// of the same kind are one run.
pub fn diff(old: &str, new: &str) -> Vec<Run> {
    let mut runs: Vec<Run> = Vec::new();
    for change in TextDiff::from_words(old, new).iter_all_changes() {
        let op = match change.tag() {
            ChangeTag::Equal => Op::Equal,
            ChangeTag::Delete => Op::Delete,
            ChangeTag::Insert => Op::Insert,
        };
        match runs.last_mut() {
            Some(last) if last.op == op => last.text.push_str(change.value()),
            _ => runs.push(Run {
                op,
                text: change.value().to_string(),
            }),
        }
    }
    runs
}

/// The diff as text: `[-deleted-]{+inserted+}` as `git diff --word-diff`
/// writes it, or in red and green for a terminal.
pub fn render(runs: &[Run], color: bool) -> String {
    let mut out = String::new();
    for run in runs {
        let (open, close) = match (run.op, color) {
            (Op::Equal, _) => ("", ""),
            (Op::Delete, false) => ("[-", "-]"),
            (Op::Insert, false) => ("{+", "+}"),
            (Op::Delete, true) => ("\x1b[31m", "\x1b[0m"),
            (Op::Insert, true) => ("\x1b[32m", "\x1b[0m"),
        };
        out.push_str(open);
        out.push_str(&run.text);
        out.push_str(close);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_that_changed_are_marked() {
        let runs = diff(
            "snabb expansion i Skandinavien",
            "snabb expansion i hela Skandinavien",
        );
        assert_eq!(
            render(&runs, false),
            "snabb expansion i {+hela +}Skandinavien"
        );
        let runs = diff("Ansök i maj", "Ansök i juni");
        assert_eq!(render(&runs, false), "Ansök i [-maj-]{+juni+}");
        assert_eq!(
            render(&runs, true),
            "Ansök i \x1b[31mmaj\x1b[0m\x1b[32mjuni\x1b[0m"
        );
        assert_eq!(
            diff("a b", "a b"),
            [Run {
                op: Op::Equal,
                text: "a b".into()
            }]
        );
    }
}
