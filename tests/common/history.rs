//! Edit histories of a posting whose provenance is known. Every line of a
//! version remembers the line of the earlier version it came from, so which
//! segments kept, changed, lost or gained their text is known without
//! asking the aligner under test.
//!
//! A version is the front matter's lines, then the body's blocks (runs of
//! lines between blank lines; a paired shortcode, a code fence or an
//! indented continuation keeps its blank lines inside one block), written
//! out with one blank line between blocks. Edits are the ones people make:
//! a typo, a rewrite, an inserted or deleted paragraph or list item, a
//! moved paragraph or section, a reflowed line, a changed link target or
//! shortcode colour.

use std::collections::HashMap;

use tolkar::posting::{Kind, Rules, parse};
use tolkar::segment::hash::{normalize, source_hash};

/// A small deterministic generator (SplitMix64): histories are the same on
/// every machine and run.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        if items.is_empty() {
            None
        } else {
            Some(&items[self.below(items.len())])
        }
    }
}

#[derive(Debug, Clone)]
struct Line {
    /// The identity of the line across versions.
    id: usize,
    text: String,
}

/// One version of a posting.
#[derive(Debug, Clone)]
pub struct Version {
    front: Vec<Line>,
    blocks: Vec<Vec<Line>>,
    next_id: usize,
}

/// A segment of a version, as drift sees it, with the line it starts on.
#[derive(Debug, Clone)]
pub struct Seg {
    pub key: String,
    pub kind: Kind,
    pub text: String,
    pub hash: String,
    pub line: usize,
}

/// What really happened between two versions, by line provenance.
#[derive(Debug, Default)]
pub struct Truth {
    /// (old, new) segment pairs: the same segment, its text kept or changed.
    pub pairs: Vec<(usize, usize)>,
    /// New segments that did not exist before.
    pub added: Vec<usize>,
    /// Old segments that are gone.
    pub gone: Vec<usize>,
}

impl Version {
    pub fn parse(text: &str) -> Version {
        let lines: Vec<&str> = text
            .strip_suffix('\n')
            .unwrap_or(text)
            .split('\n')
            .collect();
        let front_len = front_matter_len(&lines);
        let mut next_id = 0;
        let mut line = |text: &str| {
            next_id += 1;
            Line {
                id: next_id,
                text: text.to_string(),
            }
        };
        let front: Vec<Line> = lines[..front_len].iter().map(|t| line(t)).collect();
        let body = &lines[front_len..];
        let mut blocks: Vec<Vec<Line>> = Vec::new();
        let mut current: Vec<Line> = Vec::new();
        let mut open = Openness::new(body);
        for text in body {
            let blank = text.trim().is_empty();
            if blank && !open.inside() {
                if !current.is_empty() {
                    blocks.push(std::mem::take(&mut current));
                }
            } else if !blank || !current.is_empty() {
                // An indented run after a blank line continues the block
                // before it (a list item's second paragraph, indented code).
                if current.is_empty()
                    && text.starts_with([' ', '\t'])
                    && let Some(last) = blocks.pop()
                {
                    current = last;
                    current.push(line(""));
                }
                current.push(line(text));
            }
            open.feed(text);
        }
        if !current.is_empty() {
            blocks.push(current);
        }
        // Blank lines inside a block keep their place; trailing ones go.
        for block in &mut blocks {
            while block.last().is_some_and(|l| l.text.trim().is_empty()) {
                block.pop();
            }
        }
        Version {
            front,
            blocks,
            next_id,
        }
    }

    pub fn text(&self) -> String {
        let mut out = String::new();
        for line in &self.front {
            out.push_str(&line.text);
            out.push('\n');
        }
        for (i, block) in self.blocks.iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            for line in block {
                out.push_str(&line.text);
                out.push('\n');
            }
        }
        out
    }

    /// The line id of every line of `text()`, `None` for separators.
    fn line_ids(&self) -> Vec<Option<usize>> {
        let mut ids: Vec<Option<usize>> = self.front.iter().map(|l| Some(l.id)).collect();
        for (i, block) in self.blocks.iter().enumerate() {
            if i > 0 {
                ids.push(None);
            }
            ids.extend(block.iter().map(|l| Some(l.id)));
        }
        ids
    }

    pub fn segments(&self, rules: &Rules) -> Result<Vec<Seg>, String> {
        let text = self.text();
        let doc = parse(text.as_bytes(), rules).map_err(|e| format!("{e}\n{text}"))?;
        Ok(doc
            .segments
            .into_iter()
            .map(|s| Seg {
                hash: source_hash(&s.text),
                key: s.key,
                kind: s.kind,
                text: s.text,
                line: s.line,
            })
            .collect())
    }

    fn fresh(&mut self, text: String) -> Line {
        self.next_id += 1;
        Line {
            id: self.next_id,
            text,
        }
    }

    fn all_lines_mut(&mut self) -> impl Iterator<Item = &mut Line> {
        self.front
            .iter_mut()
            .chain(self.blocks.iter_mut().flatten())
    }

    /// Replaces the only occurrence of `word` in the version. False when it
    /// is not there exactly once.
    fn replace_unique(&mut self, word: &str, by: &str) -> bool {
        if self.text().matches(word).count() != 1 {
            return false;
        }
        for line in self.all_lines_mut() {
            if line.text.contains(word) {
                line.text = line.text.replacen(word, by, 1);
                return true;
            }
        }
        false
    }

    /// Words of translatable text that occur once in the whole version,
    /// by segment.
    fn editable_words(&self, segs: &[Seg], kinds: &[Kind]) -> Vec<(usize, Vec<String>)> {
        let text = self.text();
        segs.iter()
            .enumerate()
            .filter(|(_, s)| kinds.contains(&s.kind))
            .map(|(i, s)| {
                let mut words: Vec<String> = words_of(&s.text)
                    .into_iter()
                    .filter(|w| text.matches(w.as_str()).count() == 1)
                    .collect();
                words.dedup();
                (i, words)
            })
            .filter(|(_, words)| !words.is_empty())
            .collect()
    }

    /// A typo made (or fixed) in one word of one segment.
    pub fn typo(&mut self, rng: &mut Rng, rules: &Rules) -> bool {
        let Ok(segs) = self.segments(rules) else {
            return false;
        };
        let candidates = self.editable_words(&segs, &Kind::ALL);
        let Some((_, words)) = rng.pick(&candidates) else {
            return false;
        };
        let word = rng.pick(words).unwrap().clone();
        let mut chars: Vec<char> = word.chars().collect();
        let i = 1 + rng.below(chars.len() - 2);
        if chars[i] == chars[i + 1] {
            chars.insert(i, chars[i]);
        } else {
            chars.swap(i, i + 1);
        }
        let typo: String = chars.into_iter().collect();
        self.replace_unique(&word, &typo)
    }

    /// Most of one paragraph's or list item's words replaced.
    pub fn rewrite(&mut self, rng: &mut Rng, rules: &Rules, vocabulary: &[String]) -> bool {
        let Ok(segs) = self.segments(rules) else {
            return false;
        };
        let candidates: Vec<(usize, Vec<String>)> = self
            .editable_words(&segs, &[Kind::Paragraph, Kind::ListItem])
            .into_iter()
            .filter(|(_, words)| words.len() >= 3)
            .collect();
        let Some((_, words)) = rng.pick(&candidates) else {
            return false;
        };
        let mut changed = false;
        for (i, word) in words.clone().iter().enumerate() {
            if i % 5 < 3 {
                let by = rng.pick(vocabulary).unwrap().clone();
                changed |= self.replace_unique(word, &format!("{by}{}", rng.below(10)));
            }
        }
        changed
    }

    /// A new paragraph between two blocks, or a new item in a list, taken
    /// from another posting.
    pub fn insert(&mut self, rng: &mut Rng, pool: &Pool) -> bool {
        // Compared without line breaks, so that a reflowed copy counts.
        let text = normalize(&self.text());
        let items = self.list_item_lines();
        if rng.below(3) == 0
            && let Some(&(b, l)) = rng.pick(&items)
            && let Some(item) = rng.pick(&pool.items)
            && !text.contains(item.as_str())
        {
            let marker = self.blocks[b][l].text[..2].to_string();
            let line = self.fresh(format!("{marker}{item}"));
            self.blocks[b].insert(l + 1, line);
            return true;
        }
        let Some(paragraph) = rng.pick(&pool.paragraphs) else {
            return false;
        };
        if text.contains(paragraph.as_str()) {
            return false;
        }
        let at = rng.below(self.blocks.len() + 1);
        let line = self.fresh(paragraph.clone());
        self.blocks.insert(at, vec![line]);
        true
    }

    /// A block deleted, or an item of a list of several.
    pub fn delete(&mut self, rng: &mut Rng) -> bool {
        let items = self.list_item_lines();
        if rng.below(2) == 0
            && let Some(&(b, l)) = rng.pick(&items)
            && items.iter().filter(|(other, _)| *other == b).count() > 1
        {
            self.blocks[b].remove(l);
            return true;
        }
        if self.blocks.len() < 2 {
            return false;
        }
        let at = rng.below(self.blocks.len());
        self.blocks.remove(at);
        true
    }

    /// A block moved to another place.
    pub fn move_block(&mut self, rng: &mut Rng) -> bool {
        if self.blocks.len() < 2 {
            return false;
        }
        let from = rng.below(self.blocks.len());
        let block = self.blocks.remove(from);
        let mut to = rng.below(self.blocks.len() + 1);
        if to == from {
            to = (to + 1) % (self.blocks.len() + 1);
        }
        self.blocks.insert(to, block);
        true
    }

    /// A section (a heading and the blocks up to the next heading of its
    /// level or above) moved before another heading or to the end.
    pub fn move_section(&mut self, rng: &mut Rng) -> bool {
        let headings: Vec<(usize, usize)> = self
            .blocks
            .iter()
            .enumerate()
            .filter_map(|(i, b)| heading_level(&b[0].text).map(|level| (i, level)))
            .collect();
        let Some(&(start, level)) = rng.pick(&headings) else {
            return false;
        };
        let end = headings
            .iter()
            .find(|&&(i, l)| i > start && l <= level)
            .map_or(self.blocks.len(), |&(i, _)| i);
        let section: Vec<Vec<Line>> = self.blocks.drain(start..end).collect();
        let targets: Vec<usize> = self
            .blocks
            .iter()
            .enumerate()
            .filter(|(_, b)| heading_level(&b[0].text).is_some())
            .map(|(i, _)| i)
            .chain([self.blocks.len()])
            .filter(|&i| i != start)
            .collect();
        let to = match rng.pick(&targets) {
            Some(&to) => to,
            None => start,
        };
        for (i, block) in section.into_iter().enumerate() {
            self.blocks.insert(to + i, block);
        }
        to != start
    }

    /// A line of running text broken in two: not a change of text.
    pub fn reflow(&mut self, rng: &mut Rng) -> bool {
        let mut candidates: Vec<(usize, usize, usize)> = Vec::new();
        for (b, block) in self.blocks.iter().enumerate() {
            for (l, line) in block.iter().enumerate() {
                let text = &line.text;
                let plain = text.starts_with(char::is_alphabetic)
                    && !["{{", "`", "|", "<", "  "].iter().any(|m| text.contains(m));
                if !plain {
                    continue;
                }
                let bytes = text.as_bytes();
                for (at, _) in text.match_indices(' ').filter(|&(at, _)| at >= 20) {
                    let next = text[at + 1..].chars().next();
                    if next.is_some_and(char::is_alphabetic) && bytes[at - 1] != b' ' {
                        candidates.push((b, l, at));
                    }
                }
            }
        }
        let Some(&(b, l, at)) = rng.pick(&candidates) else {
            return false;
        };
        let rest = self.blocks[b][l].text[at + 1..].to_string();
        self.blocks[b][l].text.truncate(at);
        let line = self.fresh(rest);
        self.blocks[b].insert(l + 1, line);
        true
    }

    /// A link target, or a shortcode's colour, icon, image or link changed:
    /// not a change of text.
    pub fn relink(&mut self, rng: &mut Rng) -> bool {
        let mut candidates: Vec<(usize, usize, usize)> = Vec::new();
        for (b, block) in self.blocks.iter().enumerate() {
            for (l, line) in block.iter().enumerate() {
                for pattern in ["](", "color=\"#", "icon=\"", "image=\"", "link=\""] {
                    for (at, _) in line.text.match_indices(pattern) {
                        candidates.push((b, l, at + pattern.len()));
                    }
                }
            }
        }
        let Some(&(b, l, at)) = rng.pick(&candidates) else {
            return false;
        };
        let text = &mut self.blocks[b][l].text;
        let end = text[at..]
            .find(['"', ')', ' '])
            .map_or(text.len(), |e| at + e);
        if end == at {
            return false;
        }
        text.insert_str(end, "x2");
        true
    }

    /// (block, line) of every list item line that a continuation does not
    /// follow.
    fn list_item_lines(&self) -> Vec<(usize, usize)> {
        let mut items = Vec::new();
        for (b, block) in self.blocks.iter().enumerate() {
            for (l, line) in block.iter().enumerate() {
                let is_item = line.text.starts_with("- ") || line.text.starts_with("* ");
                let continued = block
                    .get(l + 1)
                    .is_some_and(|next| !next.text.starts_with(['-', '*']));
                if is_item && !continued {
                    items.push((b, l));
                }
            }
        }
        items
    }
}

/// Real text to insert: one-line paragraphs and list items of plain text
/// from other postings.
#[derive(Debug, Default)]
pub struct Pool {
    pub paragraphs: Vec<String>,
    pub items: Vec<String>,
}

impl Pool {
    pub fn add(&mut self, text: &str) {
        let plain = |line: &str| {
            line.len() >= 30
                && !["{{", "`", "|", "<", "[", "*"]
                    .iter()
                    .any(|m| line.contains(m))
        };
        let lines: Vec<&str> = text.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            let alone = (i == 0 || lines[i - 1].trim().is_empty())
                && lines.get(i + 1).is_none_or(|next| next.trim().is_empty());
            if let Some(item) = line.strip_prefix("- ")
                && plain(item)
                && item.starts_with(char::is_alphabetic)
            {
                self.items.push(item.to_string());
            } else if alone && plain(line) && line.starts_with(char::is_alphabetic) {
                self.paragraphs.push(line.to_string());
            }
        }
    }
}

/// What the two versions' segments really are to each other: segments
/// starting on the same line (by identity) pair in order.
pub fn truth(old: &Version, old_segs: &[Seg], new: &Version, new_segs: &[Seg]) -> Truth {
    fn by_line(version: &Version, segs: &[Seg]) -> HashMap<usize, Vec<usize>> {
        let ids = version.line_ids();
        let mut map: HashMap<usize, Vec<usize>> = HashMap::new();
        for (i, seg) in segs.iter().enumerate() {
            let id = ids[seg.line - 1].expect("a segment starts on a line of text");
            map.entry(id).or_default().push(i);
        }
        map
    }
    let old_lines = by_line(old, old_segs);
    let new_lines = by_line(new, new_segs);
    let mut truth = Truth::default();
    for (id, news) in &new_lines {
        match old_lines.get(id) {
            Some(olds) => {
                assert_eq!(
                    olds.len(),
                    news.len(),
                    "the history broke a line's segments apart:\n{:?}\n{:?}",
                    olds.iter().map(|&o| &old_segs[o]).collect::<Vec<_>>(),
                    news.iter().map(|&n| &new_segs[n]).collect::<Vec<_>>()
                );
                truth
                    .pairs
                    .extend(olds.iter().copied().zip(news.iter().copied()));
            }
            None => truth.added.extend(news),
        }
    }
    for (id, olds) in &old_lines {
        if !new_lines.contains_key(id) {
            truth.gone.extend(olds);
        }
    }
    truth.pairs.sort();
    truth.added.sort();
    truth.gone.sort();
    truth
}

/// Words of four letters or more.
pub fn words_of(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 4)
        .map(str::to_string)
        .collect()
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn heading_level(line: &str) -> Option<usize> {
    let level = line.chars().take_while(|&c| c == '#').count();
    (level > 0 && line[level..].starts_with(' ')).then_some(level)
}

/// How many lines of front matter open the posting (YAML, TOML or JSON).
fn front_matter_len(lines: &[&str]) -> usize {
    let Some(first) = lines.first() else {
        return 0;
    };
    let close = match first.trim_end() {
        "---" => "---",
        "+++" => "+++",
        "{" => "}",
        _ => return 0,
    };
    lines
        .iter()
        .skip(1)
        .position(|l| l.trim_end() == close)
        .map_or(0, |p| p + 2)
}

/// Whether a blank line at this point is inside a paired shortcode or a
/// code fence, which keeps it within the block.
struct Openness {
    /// For each tag in the body, in order: (name, closes).
    pending: Vec<(String, bool)>,
    next_tag: usize,
    depth: usize,
    fence: bool,
}

impl Openness {
    fn new(body: &[&str]) -> Openness {
        let pending = body.iter().flat_map(|l| tags(l)).collect();
        Openness {
            pending,
            next_tag: 0,
            depth: 0,
            fence: false,
        }
    }

    fn inside(&self) -> bool {
        self.depth > 0 || self.fence
    }

    fn feed(&mut self, line: &str) {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            self.fence = !self.fence;
        }
        for _ in tags(line) {
            let (name, closes) = self.pending[self.next_tag].clone();
            if closes {
                self.depth = self.depth.saturating_sub(1);
            } else if self.pending[self.next_tag + 1..]
                .iter()
                .any(|(other, c)| *c && *other == name)
            {
                self.depth += 1;
            }
            self.next_tag += 1;
        }
    }
}

/// The shortcode tags of a line: (name, whether it is a closing tag).
fn tags(line: &str) -> Vec<(String, bool)> {
    let mut found = Vec::new();
    let mut rest = line;
    while let Some(at) = rest.find("{{") {
        rest = rest[at + 2..].trim_start_matches(['<', '%']).trim_start();
        let closes = rest.starts_with('/');
        let name: String = rest
            .trim_start_matches('/')
            .trim_start()
            .chars()
            .take_while(|c| !c.is_whitespace() && !['>', '%', '}'].contains(c))
            .collect();
        let self_closing = rest
            .find("}}")
            .is_some_and(|end| rest[..end].trim_end_matches(['>', '%']).ends_with('/'));
        if !name.is_empty() && !self_closing {
            found.push((name, closes));
        }
    }
    found
}
