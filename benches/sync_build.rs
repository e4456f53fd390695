//! End-to-end timing of `tolkar sync` and `tolkar build` on a generated
//! site of N postings shaped like the real career postings.
//!
//! Run with `cargo bench --bench sync_build`. Environment:
//!
//! - `TOLKAR_BENCH_N`: comma-separated posting counts (default `1000,10000`);
//! - `TOLKAR_BENCH_REPS`: repetitions per step, median reported (default 3);
//! - `TOLKAR_BENCH_KEEP=1`: keep the generated projects and print where;
//! - `TOLKAR_BENCH_GENERATE=DIR`: only write a project of the first N
//!   postings into DIR (some with a code block), print `N BYTES` and stop
//!   (used by `scripts/peer-bench`).
//!
//! Each command is a separate process of the release binary. Wall-clock
//! time is measured here; peak RSS and CPU time (user + system) come from
//! `/usr/bin/time -f "%e %M %U %S"` (Debian package `time`) when present.
//! CPU time is reported beside wall-clock time because it is much less
//! sensitive to other load on the machine.
//!
//! Between repetitions of the cold and first steps, `.tolkar/` and
//! `content/da/` are renamed into a trash directory instead of deleted,
//! and every generated project is deleted only at the end: on ext4,
//! creating thousands of files right after deleting thousands makes the
//! inode allocator step over the freed inodes one by one
//! (`recently_deleted` in the kernel), which made a first build up to four
//! times slower from one repetition to the next.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

const TOLKAR: &str = env!("CARGO_BIN_EXE_tolkar");
const TIME: &str = "/usr/bin/time";

const SECTIONS: [&str; 20] = [
    "career",
    "blog",
    "tech-update",
    "services",
    "compute",
    "storage",
    "network",
    "security",
    "industries",
    "partners",
    "about",
    "news",
    "events",
    "customers",
    "education",
    "public-sector",
    "kubernetes",
    "backup",
    "sustainability",
    "support",
];

const WORDS: &[&str] = &[
    "vi",
    "du",
    "och",
    "att",
    "som",
    "med",
    "för",
    "på",
    "av",
    "till",
    "om",
    "inte",
    "det",
    "ett",
    "en",
    "är",
    "har",
    "kan",
    "ska",
    "vill",
    "bygger",
    "utvecklar",
    "driver",
    "söker",
    "erbjuder",
    "arbetar",
    "hjälper",
    "skapar",
    "förbättrar",
    "levererar",
    "stärker",
    "forma",
    "säkerställa",
    "molnet",
    "tjänster",
    "plattformen",
    "infrastruktur",
    "kunder",
    "kollegor",
    "teamet",
    "företaget",
    "lösningar",
    "data",
    "säkerhet",
    "integritet",
    "suveränitet",
    "hållbarhet",
    "öppen",
    "källkod",
    "europeiska",
    "svenska",
    "nordiska",
    "moderna",
    "robusta",
    "skalbara",
    "tillförlitliga",
    "flexibla",
    "smidiga",
    "enkla",
    "snabba",
    "trygga",
    "digitala",
    "lokala",
    "tekniska",
    "nya",
    "bästa",
    "hela",
    "varje",
    "många",
    "våra",
    "dina",
    "sina",
    "framtiden",
    "utmaning",
    "möjlighet",
    "erfarenhet",
    "kunskap",
    "ansvar",
    "samarbete",
    "utveckling",
    "drift",
    "automation",
    "övervakning",
    "lagring",
    "nätverk",
    "servrar",
    "datacenter",
    "användare",
    "organisationer",
    "myndigheter",
    "forskning",
    "utbildning",
    "kontroll",
    "transparens",
    "kvalitet",
    "kostnad",
    "prestanda",
    "miljö",
    "arkitektur",
    "verktyg",
    "processer",
    "rutiner",
    "behov",
    "krav",
    "mål",
    "resultat",
    "vardag",
    "dag",
    "år",
    "gärna",
    "alltid",
    "också",
    "redan",
    "tillsammans",
    "direkt",
    "enkelt",
    "tydligt",
    "verkligen",
    "Safespring",
    "Kubernetes",
    "OpenStack",
    "Ceph",
    "Terraform",
    "Ansible",
    "Golang",
    "Linux",
    "Sverige",
    "Norge",
    "Europa",
    "Stockholm",
    "Oslo",
];

const HEADINGS: &[&str] = &[
    "Vad kommer du att göra?",
    "Vem är du?",
    "Vad får du?",
    "Om Safespring",
    "Sök nu",
    "Ditt team",
    "Vanliga frågor",
    "Det här behöver du",
    "Varför välja oss?",
    "Nästa steg",
];

const ICONS: &[&str] = &[
    "fa-arrow-up-right-from-square",
    "fa-paper-plane-top",
    "fa-cloud",
    "fa-server",
    "fa-shield-halved",
    "fa-database",
];

/// xorshift64*: tiny, deterministic, good enough to pick words.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xD1B5_4A32_D192_ED03);
        if rng.0 == 0 {
            rng.0 = 1;
        }
        for _ in 0..4 {
            rng.next();
        }
        rng
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() >> 33) as usize % n
    }

    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Words, first capitalized, no final punctuation.
fn phrase(rng: &mut Rng, lo: usize, hi: usize) -> String {
    let n = rng.range(lo, hi);
    let mut out = String::new();
    for i in 0..n {
        let word = rng.pick(WORDS);
        if i == 0 {
            out.push_str(&capitalize(word));
        } else {
            out.push(' ');
            out.push_str(word);
            if i + 1 < n && rng.below(9) == 0 {
                out.push(',');
            }
        }
    }
    out
}

/// Text generator for one posting: fresh sentences, except that about one
/// in ten comes from a pool shared by all postings (boilerplate that real
/// sites repeat).
struct Writer<'p> {
    rng: Rng,
    shared: &'p [String],
}

impl Writer<'_> {
    fn sentence(&mut self) -> String {
        if self.rng.below(10) == 0 {
            let i = self.rng.below(self.shared.len());
            return self.shared[i].clone();
        }
        let mut s = phrase(&mut self.rng, 6, 18);
        s.push(if self.rng.below(12) == 0 { '?' } else { '.' });
        s
    }

    fn sentences(&mut self, lo: usize, hi: usize) -> String {
        let n = self.rng.range(lo, hi);
        (0..n)
            .map(|_| self.sentence())
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn heading(&mut self) -> String {
        if self.rng.below(3) == 0 {
            self.rng.pick(HEADINGS).to_string()
        } else {
            phrase(&mut self.rng, 2, 5)
        }
    }
}

fn shared_pool() -> Vec<String> {
    let mut rng = Rng::new(0xC0FFEE);
    (0..300)
        .map(|_| {
            let mut s = phrase(&mut rng, 8, 16);
            s.push('.');
            s
        })
        .collect()
}

/// One posting: YAML front matter and a body with the shortcodes the real
/// corpus uses; about 30 segments. With `code`, every third posting also
/// has a fenced shell block with a comment, as a technical blog post would
/// (drawn from its own generator, so the rest of the posting is the same
/// bytes either way).
fn posting(index: usize, section: &str, shared: &[String], code: bool) -> String {
    let mut w = Writer {
        rng: Rng::new(index as u64 + 1),
        shared,
    };
    let mut out = String::with_capacity(6000);
    let title = phrase(&mut w.rng, 2, 6);
    let intro = w.sentence();
    let month = 1 + index % 12;
    let day = 1 + index % 28;
    let icon = w.rng.pick(ICONS);
    let slug = format!("posting-{index:06}");
    // Front matter: translatable keys (Title, intro, sidebarlinkname, TOC)
    // mixed with the ones that are not.
    let _ = write!(
        out,
        "---\nai: true\nTitle: \"{title}\"\nintro: \"{intro}\"\nTeam: \"Produktutvecklingsteam\"\n\
         Location: \"På distans (Sverige eller Norge)\"\nDuration: \"Heltid\"\ndraft: false\n\
         date: \"20{yy:02}-{month:02}-{day:02}\"\nsidebarlinkurl: \"mailto:jobb@example.com\"\n\
         sidebarlinkname: \"{link}\"\nsidebarlinkicon: \"{icon}\"\nlanguage: \"sv\"\n\
         socialmedia: \"/socialmedia/safespring-work.jpg\"\nTOC: \"På den här sidan\"\n\
         aliases:\n  - /{section}/{slug}/\n---\n",
        yy = 20 + index % 6,
        link = if index.is_multiple_of(2) {
            "Ansök nu"
        } else {
            "Mejla ditt CV"
        },
    );

    let _ = write!(
        out,
        "{{{{< ingress >}}}}\n{}\n{{{{< /ingress >}}}}\n\n",
        w.sentences(1, 3)
    );
    for _ in 0..w.rng.range(2, 3) {
        let _ = writeln!(out, "{}\n", w.sentences(2, 4));
    }
    // A paragraph with an internal link.
    let other = SECTIONS[w.rng.below(SECTIONS.len())];
    let _ = writeln!(
        out,
        "{} Läs mer i [{}]({{{{% relref \"/{other}/posting-{:06}.md\" %}}}}). {}\n",
        w.sentence(),
        phrase(&mut w.rng, 1, 3).to_lowercase(),
        w.rng.below(index + 1),
        w.sentence(),
    );

    let _ = writeln!(out, "## {}\n", w.heading());
    for _ in 0..w.rng.range(4, 5) {
        let label = phrase(&mut w.rng, 1, 3);
        let _ = writeln!(
            out,
            "- {{{{< inline \"{label}:\" >}}}} {}",
            w.sentences(1, 2)
        );
    }
    out.push('\n');

    let _ = writeln!(out, "## {}\n", w.heading());
    let _ = writeln!(out, "{}\n", w.sentences(2, 5));
    let _ = writeln!(out, "### {}\n", w.heading());
    for _ in 0..w.rng.range(3, 4) {
        let _ = writeln!(out, "- {}", w.sentence());
    }
    out.push('\n');

    if code && index.is_multiple_of(3) {
        let mut rng = Rng::new(index as u64 ^ 0xC0DE);
        let _ = writeln!(
            out,
            "```sh\n# {}\nopenstack volume create --size {} data-{index:06}\n\
             kubectl -n {section} apply -f deploy/{slug}.yaml\n```\n",
            phrase(&mut rng, 3, 6),
            10 * rng.range(1, 50),
        );
    }

    let _ = writeln!(
        out,
        "{{{{< icon-block-horisontal color=\"#3C9BCD\" icon=\"fa-solid {icon}\" \
         text=\"{}\" description=\"{}\" link=\"https://example.com/jobb/{slug}#applyNow\" >}}}}\n",
        phrase(&mut w.rng, 3, 5),
        w.sentence(),
    );

    for _ in 0..w.rng.range(1, 2) {
        let _ = writeln!(
            out,
            "{{{{% accordion title=\"{}?\" %}}}}\n{}\n\n{}\n{{{{% /accordion %}}}}\n",
            phrase(&mut w.rng, 3, 7),
            w.sentences(1, 3),
            w.sentences(1, 2),
        );
    }

    let _ = writeln!(
        out,
        "{{{{< horisontal-card image=\"/img/kontakt/person-{}.webp\" cardtitle=\"Har du frågor?\" \
         link=\"mailto:jobb@example.com\" linktext=\"Skicka e-post\" text=\"{}\" >}}}}",
        index % 7,
        w.sentence(),
    );
    out
}

/// Writes a tolkar project with `n` postings under `dir` (with `code`,
/// some have a code block: see [`posting`]).
fn generate(dir: &Path, n: usize, code: bool) -> std::io::Result<u64> {
    std::fs::write(
        dir.join("tolkar.toml"),
        "source_language = \"sv\"\ntarget_languages = [\"en\", \"da\", \"nb\"]\n",
    )?;
    let shared = shared_pool();
    let mut bytes = 0;
    for section in SECTIONS {
        std::fs::create_dir_all(dir.join("content/sv").join(section))?;
    }
    for i in 0..n {
        let section = SECTIONS[i % SECTIONS.len()];
        let text = posting(i, section, &shared, code);
        bytes += text.len() as u64;
        std::fs::write(
            dir.join(format!("content/sv/{section}/posting-{i:06}.md")),
            text,
        )?;
    }
    Ok(bytes)
}

/// Writes `to`: the export `from` with every other unit translated (its
/// source with a suffix, so placeholders fit).
fn translate_half(from: &Path, to: &Path) {
    let text = std::fs::read_to_string(from).expect("export written");
    let mut json: serde_json::Value = serde_json::from_str(&text).expect("export is JSON");
    let units = json["units"].as_array_mut().expect("units");
    let mut kept = Vec::new();
    for (i, mut unit) in std::mem::take(units).into_iter().enumerate() {
        if i % 2 == 0 {
            let source = unit["source"].as_str().unwrap_or_default().to_string();
            unit["target"] = format!("{source} (nb)").into();
            unit["state"] = "translated".into();
            kept.push(unit);
        }
    }
    *units = kept;
    std::fs::write(to, serde_json::to_string(&json).expect("json")).expect("write");
}

/// One run of the binary.
struct Run {
    seconds: f64,
    rss_kb: Option<u64>,
    /// User plus system CPU seconds.
    cpu: Option<f64>,
    ok: bool,
    stdout: String,
    stderr: String,
}

fn run(dir: &Path, args: &[&str]) -> Run {
    let time_file = dir.join(".bench-time");
    let use_time = Path::new(TIME).exists();
    let mut command = if use_time {
        let mut c = Command::new(TIME);
        c.arg("-f")
            .arg("%e %M %U %S")
            .arg("-o")
            .arg(&time_file)
            .arg(TOLKAR);
        c
    } else {
        Command::new(TOLKAR)
    };
    command.arg("-C").arg(dir).args(args);
    command.env("LC_ALL", "C").env_remove("LANG");
    let start = Instant::now();
    let output = command.output();
    let seconds = start.elapsed().as_secs_f64();
    let output = match output {
        Ok(output) => output,
        Err(e) => {
            return Run {
                seconds,
                rss_kb: None,
                cpu: None,
                ok: false,
                stdout: String::new(),
                stderr: format!("cannot start {TOLKAR}: {e}"),
            };
        }
    };
    // The last line; on failure `time` writes "Command exited with
    // non-zero status" above it.
    let fields: Vec<f64> = if use_time {
        std::fs::read_to_string(&time_file)
            .ok()
            .and_then(|t| {
                t.lines()
                    .last()?
                    .split_whitespace()
                    .map(|f| f.parse::<f64>().ok())
                    .collect()
            })
            .unwrap_or_default()
    } else {
        Vec::new()
    };
    let (rss_kb, cpu) = match fields[..] {
        [_, rss, user, sys] => (Some(rss as u64), Some(user + sys)),
        _ => (None, None),
    };
    Run {
        seconds,
        rss_kb,
        cpu,
        ok: output.status.success(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// Moves `path` (if it exists) into `trash`, which is deleted only when
/// the run is over (see the module comment).
/// Untimed: the store thrown away and the site synced into a new one.
fn fresh_store(dir: &Path, db: &Path, trash: &Path) {
    discard(db, trash);
    let r = run(dir, &["sync"]);
    if !r.ok {
        eprintln!("  (untimed sync failed: {})", tail(&r.stderr, 10));
    }
}

fn discard(path: &Path, trash: &Path) {
    if !path.exists() {
        return;
    }
    std::fs::create_dir_all(trash).expect("create the trash directory");
    let count = std::fs::read_dir(trash).map_or(0, |d| d.count());
    let name = path
        .file_name()
        .expect("a named directory")
        .to_string_lossy();
    let to = trash.join(format!("{count}-{name}"));
    std::fs::rename(path, &to)
        .unwrap_or_else(|e| panic!("cannot move {} aside: {e}", path.display()));
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg").map_or("n/a".into(), |t| {
        t.split_whitespace().take(3).collect::<Vec<_>>().join(" ")
    })
}

fn tail(text: &str, lines: usize) -> String {
    let all: Vec<&str> = text.lines().collect();
    all[all.len().saturating_sub(lines)..].join("\n")
}

/// The result of one step: medians over its repetitions.
struct Step {
    n: usize,
    name: &'static str,
    target: Option<f64>,
    median: Option<f64>,
    all: Vec<f64>,
    median_cpu: Option<f64>,
    peak_rss_kb: Option<u64>,
    failed: bool,
}

fn median(values: &[f64]) -> Option<f64> {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    (!sorted.is_empty()).then(|| sorted[sorted.len() / 2])
}

/// Runs `args` `reps` times, calling `prepare` (untimed) before each.
fn measure(
    n: usize,
    name: &'static str,
    target: Option<f64>,
    dir: &Path,
    args: &[&str],
    reps: usize,
    mut prepare: impl FnMut(),
) -> Step {
    let mut times = Vec::new();
    let mut cpus = Vec::new();
    let mut peak: Option<u64> = None;
    let mut failed = false;
    for rep in 0..reps {
        prepare();
        let r = run(dir, args);
        if !r.ok {
            failed = true;
            eprintln!(
                "  {name} (N={n}, rep {}) FAILED after {:.2}s; stderr:\n{}",
                rep + 1,
                r.seconds,
                tail(&r.stderr, 20)
            );
            continue;
        }
        eprintln!(
            "  {name} (N={n}, rep {}): {:.3}s wall, {} s CPU, {} MB; {}",
            rep + 1,
            r.seconds,
            r.cpu.map_or("n/a".into(), |c| format!("{c:.2}")),
            r.rss_kb
                .map_or("n/a".into(), |k| format!("{:.1}", k as f64 / 1024.0)),
            tail(&r.stderr, 3).replace('\n', " | ")
        );
        times.push(r.seconds);
        cpus.extend(r.cpu);
        if let Some(k) = r.rss_kb {
            peak = Some(peak.map_or(k, |p| p.max(k)));
        }
    }
    Step {
        n,
        name,
        target,
        median: median(&times),
        all: times,
        median_cpu: median(&cpus),
        peak_rss_kb: peak,
        failed,
    }
}

/// The cost of reading the text state into an empty store: a sync into
/// an empty store with the state, less one without it (the state moved
/// aside), run in pairs one after the other so that a busy machine weighs
/// on both; the median of `pairs` differences.
fn measure_state_load(n: usize, dir: &Path, pairs: usize, trash: &Path) -> Step {
    let state = dir.join(".tolkar/state");
    let aside = dir.join(".state-aside");
    let fresh = || {
        for suffix in ["", "-wal", "-shm"] {
            discard(&dir.join(format!(".tolkar/tolkar.db{suffix}")), trash);
        }
    };
    let (mut differences, mut cpus, mut peak, mut failed) = (Vec::new(), Vec::new(), None, false);
    for pair in 0..pairs {
        fresh();
        std::fs::rename(&state, &aside).expect("move the state aside");
        let without = run(dir, &["sync"]);
        std::fs::rename(&aside, &state).expect("put the state back");
        fresh();
        let with = run(dir, &["sync"]);
        if !(with.ok && without.ok) {
            failed = true;
            eprintln!(
                "  reading the text state (pair {}) FAILED: {}",
                pair + 1,
                tail(&with.stderr, 10)
            );
            continue;
        }
        let difference = with.seconds - without.seconds;
        eprintln!(
            "  reading the text state (N={n}, pair {}): {:.3}s with it, {:.3}s without: {difference:.3}s",
            pair + 1,
            with.seconds,
            without.seconds
        );
        differences.push(difference);
        if let (Some(a), Some(b)) = (with.cpu, without.cpu) {
            cpus.push(a - b);
        }
        if let Some(k) = with.rss_kb {
            peak = Some(peak.map_or(k, |p: u64| p.max(k)));
        }
    }
    Step {
        n,
        name: "reading the text state into an empty store (paired difference)",
        target: Some(1.5),
        median: median(&differences),
        all: differences,
        median_cpu: median(&cpus),
        peak_rss_kb: peak,
        failed,
    }
}

/// Every file under `dir` with its modification time, by path.
fn modified_times(dir: &Path) -> Vec<(PathBuf, std::time::SystemTime)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if let Ok(time) = entry.metadata().and_then(|m| m.modified()) {
                out.push((path, time));
            }
        }
    }
    out.sort();
    out
}

fn count_files(dir: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    entries
        .flatten()
        .map(|e| {
            let path = e.path();
            if path.is_dir() {
                count_files(&path)
            } else {
                usize::from(path.extension().is_some_and(|x| x == "md"))
            }
        })
        .sum()
}

/// Rewrites every Markdown file under `dir` with `edit`.
fn edit_files(dir: &Path, edit: &dyn Fn(&str) -> String) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for path in entries.flatten().map(|e| e.path()) {
        if path.is_dir() {
            edit_files(&path, edit);
        } else if path.extension().is_some_and(|x| x == "md")
            && let Ok(text) = std::fs::read_to_string(&path)
        {
            std::fs::write(&path, edit(&text)).expect("edit a posting");
        }
    }
}

fn segments_total(dir: &Path) -> Result<u64, String> {
    let r = run(dir, &["status", "--format", "json"]);
    if !r.ok {
        return Err(tail(&r.stderr, 10));
    }
    let value: serde_json::Value = serde_json::from_str(&r.stdout).map_err(|e| e.to_string())?;
    value
        .get(0)
        .and_then(|l| l.get("total"))
        .and_then(serde_json::Value::as_u64)
        .ok_or_else(|| format!("no [0].total in {}", r.stdout))
}

fn machine() -> String {
    let cpus = std::thread::available_parallelism().map_or(0, |n| n.get());
    let model = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|t| {
            t.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|m| m.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let mem = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|t| {
            t.lines()
                .next()?
                .split_whitespace()
                .nth(1)?
                .parse::<u64>()
                .ok()
        })
        .map_or("? GB".into(), |kb| {
            format!("{:.0} GB", kb as f64 / 1048576.0)
        });
    format!("{model}, {cpus} CPUs available, {mem} RAM")
}

fn main() {
    // `cargo bench` passes `--bench`; a filter argument is ignored.
    let ns: Vec<usize> = std::env::var("TOLKAR_BENCH_N")
        .unwrap_or_else(|_| "1000,10000".into())
        .split(',')
        .filter(|s| !s.trim().is_empty())
        .map(|s| {
            s.trim()
                .parse()
                .expect("TOLKAR_BENCH_N: comma-separated numbers")
        })
        .collect();
    let reps: usize = std::env::var("TOLKAR_BENCH_REPS")
        .ok()
        .map_or(3, |s| s.parse().expect("TOLKAR_BENCH_REPS: a number"));
    let keep = std::env::var("TOLKAR_BENCH_KEEP").is_ok_and(|v| v == "1");
    // Only write a project (the first N) into this directory and stop:
    // scripts/peer-bench uses it to give tolkar and mdbook-xgettext the
    // same postings.
    if let Some(dir) = std::env::var_os("TOLKAR_BENCH_GENERATE") {
        let dir = PathBuf::from(dir);
        let n = ns.first().copied().unwrap_or(2000);
        std::fs::create_dir_all(&dir).expect("create TOLKAR_BENCH_GENERATE");
        let bytes = generate(&dir, n, true).expect("generate postings");
        println!("{n} {bytes}");
        return;
    }
    if !Path::new(TIME).exists() {
        eprintln!("note: {TIME} not found (apt package `time`); peak RSS and CPU are n/a");
    }
    eprintln!("binary: {TOLKAR}\nmachine: {}", machine());

    let mut steps = Vec::new();
    let mut segments = Vec::new();
    // Kept to the end, so that no deletion precedes a measurement.
    let mut projects = Vec::new();
    for &n in &ns {
        let temp = tempfile::Builder::new()
            .prefix(&format!("tolkar-bench-{n}-"))
            .tempdir()
            .expect("temp dir");
        let dir: PathBuf = temp.path().to_path_buf();
        let started = Instant::now();
        let bytes = generate(&dir, n, false).expect("generate postings");
        eprintln!(
            "N={n}: generated {n} postings ({:.1} MB) in {:.2}s under {}",
            bytes as f64 / 1e6,
            started.elapsed().as_secs_f64(),
            dir.display()
        );
        eprintln!("  load average before: {}", load_average());
        let db = dir.join(".tolkar");
        let da = dir.join("content/da");
        let trash = dir.join(".bench-trash");
        let sync: &[&str] = &["sync"];
        let build: &[&str] = &["build", "--lang", "da"];

        // Cold: no store yet.
        steps.push(measure(
            n,
            "sync, cold",
            Some(1.2),
            &dir,
            sync,
            reps,
            || discard(&db, &trash),
        ));
        steps.push(measure(
            n,
            "sync, no change",
            Some(0.1),
            &dir,
            sync,
            reps,
            || {},
        ));
        segments.push((n, segments_total(&dir)));

        // First build: a freshly synced store, no localized postings yet.
        steps.push(measure(
            n,
            "build --lang da, first",
            Some(1.0),
            &dir,
            build,
            reps,
            || {
                discard(&da, &trash);
                fresh_store(&dir, &db, &trash);
            },
        ));
        eprintln!(
            "  content/da holds {} postings after the first build",
            count_files(&da)
        );
        steps.push(measure(
            n,
            "build --lang da, no change",
            Some(0.2),
            &dir,
            build,
            reps,
            || {},
        ));

        // Adopting: the da postings just built, as a site that already has
        // them would, into a store that does not know them.
        let adopt: &[&str] = &["adopt", "--lang", "da"];
        steps.push(measure(
            n,
            "adopt --lang da, every posting",
            Some(3.0),
            &dir,
            adopt,
            reps,
            || fresh_store(&dir, &db, &trash),
        ));

        // Merging: every adopted da posting edited by hand (an anchor on
        // its first heading) and every source given a new paragraph, so
        // that build merges each posting three ways.
        let round = std::cell::Cell::new(0);
        let sv = dir.join("content/sv");
        steps.push(measure(
            n,
            "build --lang da, merging every posting",
            None,
            &dir,
            build,
            reps,
            || {
                round.set(round.get() + 1);
                let r = round.get();
                edit_files(&da, &|text| {
                    let mut done = false;
                    text.split_inclusive('\n')
                        .map(|line| {
                            if done || !line.starts_with("## ") {
                                return line.to_string();
                            }
                            done = true;
                            format!("{} {{#own-{r}}}\n", line.trim_end())
                        })
                        .collect()
                });
                edit_files(&sv, &|text| {
                    format!("{text}\nEtt nytt stycke, omgång {r}.\n")
                });
            },
        ));

        // Translators: export everything missing for nb (an empty memory),
        // import half of it back, then export the other half, which now
        // gets fuzzy matches from a memory of the first half.
        let exported = dir.join("nb-missing.json");
        let exported_arg = exported.to_string_lossy().into_owned();
        let export: &[&str] = &[
            "export",
            "--lang",
            "nb",
            "--format",
            "json",
            "-o",
            &exported_arg,
        ];
        steps.push(measure(
            n,
            "export --lang nb, all missing",
            None,
            &dir,
            export,
            reps,
            || {},
        ));
        let half = dir.join("nb-half.json");
        let half_arg = half.to_string_lossy().into_owned();
        translate_half(&exported, &half);
        let import: &[&str] = &["import", &half_arg];
        steps.push(measure(
            n,
            "import, half the units",
            None,
            &dir,
            import,
            reps,
            || fresh_store(&dir, &db, &trash),
        ));
        // A fresh clone: the text state of every posting (half of nb
        // translated) committed, no store. Sync reads all of it into the
        // empty store.
        let state = dir.join(".tolkar/state");
        eprintln!(
            "  .tolkar/state holds {} state files",
            modified_times(&state).len()
        );
        steps.push(measure(
            n,
            "sync, empty store, text state of every posting",
            None,
            &dir,
            sync,
            reps,
            || {
                for suffix in ["", "-wal", "-shm"] {
                    discard(&dir.join(format!(".tolkar/tolkar.db{suffix}")), &trash);
                }
            },
        ));
        steps.push(measure_state_load(n, &dir, reps.max(3), &trash));
        // Commands that change nothing write no state file.
        let before = modified_times(&state);
        for args in [sync, build, &["status"][..], &["check", "--lang", "nb"][..]] {
            run(&dir, args);
        }
        let rewritten = modified_times(&state)
            .iter()
            .filter(|file| !before.contains(file))
            .count();
        eprintln!(
            "  state files rewritten by sync, build, status and check with no change: {rewritten}"
        );
        assert_eq!(rewritten, 0, "no-change commands rewrote state files");

        let xliff = dir.join("nb-rest.xlf");
        let xliff_arg = xliff.to_string_lossy().into_owned();
        let export_rest: &[&str] = &["export", "--lang", "nb", "-o", &xliff_arg];
        steps.push(measure(
            n,
            "export --lang nb, rest with memory",
            None,
            &dir,
            export_rest,
            reps,
            || {},
        ));
        eprintln!("  load average after: {}", load_average());

        if keep {
            std::fs::remove_dir_all(&trash).ok();
            let kept = temp.keep();
            eprintln!("  kept {}", kept.display());
        } else {
            projects.push(temp);
        }
    }

    report(&steps, &segments, reps);
    drop(projects);
}

/// Peak memory every step should stay under at N = 10,000 (issue 14).
const MEMORY_TARGET_MB: f64 = 100.0;

fn fmt_duration(seconds: f64) -> String {
    format!("{seconds:.3}")
}

fn report(steps: &[Step], segments: &[(usize, Result<u64, String>)], reps: usize) {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "\n| N | step | median wall s (of {reps}) | all runs, wall s | median CPU s (user+sys) | peak RSS MB | target at N=10 000 | verdict |"
    );
    let _ = writeln!(out, "|---:|---|---:|---|---:|---:|---|---|");
    for s in steps {
        let median = s.median.map_or("failed".into(), fmt_duration);
        let all = s
            .all
            .iter()
            .map(|t| fmt_duration(*t))
            .collect::<Vec<_>>()
            .join(", ");
        let cpu = s.median_cpu.map_or("n/a".into(), fmt_duration);
        let rss = s
            .peak_rss_kb
            .map_or("n/a".into(), |k| format!("{:.1}", k as f64 / 1024.0));
        let target = match s.target {
            Some(t) => format!("≤ {t} s, ≤ {MEMORY_TARGET_MB} MB"),
            None => format!("≤ {MEMORY_TARGET_MB} MB"),
        };
        let verdict = if s.failed {
            "command failed".to_string()
        } else if s.n != 10_000 {
            "—".to_string()
        } else {
            let time_ok = match (s.target, s.median) {
                (Some(t), Some(m)) => m <= t,
                _ => true,
            };
            let mem_ok = s
                .peak_rss_kb
                .is_none_or(|k| k as f64 / 1024.0 <= MEMORY_TARGET_MB);
            match (time_ok, mem_ok) {
                (true, true) => "meets".into(),
                (false, true) => "MISSES time".into(),
                (true, false) => "MISSES memory".into(),
                (false, false) => "MISSES time and memory".into(),
            }
        };
        let _ = writeln!(
            out,
            "| {} | {} | {median} | {all} | {cpu} | {rss} | {target} | {verdict} |",
            s.n, s.name
        );
    }
    out.push('\n');
    for (n, total) in segments {
        match total {
            Ok(t) => {
                let _ = writeln!(
                    out,
                    "N={n}: {t} segments synced ({:.1} per posting)",
                    *t as f64 / *n as f64
                );
            }
            Err(e) => {
                let _ = writeln!(out, "N={n}: segment count unavailable: {e}");
            }
        }
    }
    print!("{out}");
}
