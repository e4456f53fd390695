//! A generated site of many small postings (sv → da, nb), for tests that
//! need a command to run long enough to be interrupted, or many files to
//! write. The words are picked by a seeded generator: every run and every
//! machine gets the same site.

use std::path::Path;

use super::history::Rng;

const WORDS: &[&str] = &[
    "vi",
    "och",
    "att",
    "som",
    "med",
    "för",
    "på",
    "till",
    "om",
    "det",
    "är",
    "har",
    "kan",
    "ska",
    "bygger",
    "driver",
    "söker",
    "erbjuder",
    "hjälper",
    "molnet",
    "tjänster",
    "plattformen",
    "kunder",
    "teamet",
    "lösningar",
    "data",
    "säkerhet",
    "hållbarhet",
    "öppen",
    "källkod",
    "svenska",
    "moderna",
    "robusta",
    "snabba",
    "trygga",
    "digitala",
    "framtiden",
    "ansvar",
    "samarbete",
    "drift",
    "lagring",
    "nätverk",
    "servrar",
    "användare",
    "kvalitet",
    "verktyg",
];

const SECTIONS: [&str; 8] = [
    "career", "blog", "services", "news", "about", "events", "support", "partners",
];

fn phrase(rng: &mut Rng, words: usize) -> String {
    let mut out = String::new();
    for i in 0..words {
        let word = WORDS[rng.below(WORDS.len())];
        if i == 0 {
            let mut chars = word.chars();
            let first = chars.next().unwrap();
            out.extend(first.to_uppercase());
            out.push_str(chars.as_str());
        } else {
            out.push(' ');
            out.push_str(word);
        }
    }
    out
}

/// The path of posting `i` of a generated site, relative to the site.
pub fn posting_path(i: usize) -> String {
    format!(
        "content/sv/{}/posting-{i:05}.md",
        SECTIONS[i % SECTIONS.len()]
    )
}

/// Posting `i`: front matter with a title and a description, then about
/// a dozen paragraphs, headings and list items. `edition` is the first
/// paragraph's last word, so that a site can be edited as a whole.
pub fn posting(i: usize, edition: usize) -> String {
    let mut rng = Rng::new(i as u64 + 1);
    let mut out = format!(
        "---\ntitle: \"{}\"\ndescription: \"{}.\"\ndate: 2024-01-{:02}\n---\n\n",
        phrase(&mut rng, 4),
        phrase(&mut rng, 8),
        1 + i % 28
    );
    out.push_str(&format!("{}, utgåva {edition}.\n\n", phrase(&mut rng, 12)));
    for _ in 0..2 {
        out.push_str(&format!(
            "## {}\n\n{}. {}.\n\n",
            phrase(&mut rng, 3),
            phrase(&mut rng, 14),
            phrase(&mut rng, 9)
        ));
        for _ in 0..3 {
            out.push_str(&format!("- {}\n", phrase(&mut rng, 6)));
        }
        out.push('\n');
    }
    out.push_str(&format!(
        "Läs mer om [{}](/{}/posting-{:05}/).\n",
        phrase(&mut rng, 2).to_lowercase(),
        SECTIONS[(i + 1) % SECTIONS.len()],
        (i + 1) % 1000
    ));
    out
}

/// Writes a project of `n` postings into `dir`: tolkar.toml (sv → da, nb)
/// and the Swedish postings, in their first edition.
pub fn generate(dir: &Path, n: usize) {
    std::fs::write(
        dir.join("tolkar.toml"),
        "source_language = \"sv\"\ntarget_languages = [\"da\", \"nb\"]\n",
    )
    .unwrap();
    for section in SECTIONS {
        std::fs::create_dir_all(dir.join("content/sv").join(section)).unwrap();
    }
    edit(dir, n, 1);
}

/// Rewrites every posting of a generated project as of `edition`: each
/// posting's first paragraph changes.
pub fn edit(dir: &Path, n: usize, edition: usize) {
    for i in 0..n {
        std::fs::write(dir.join(posting_path(i)), posting(i, edition)).unwrap();
    }
}
