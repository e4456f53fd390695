//! The floor under `tolkar sync` followed by `tolkar export`: how long the
//! parts that no implementation of this design can skip take on a site,
//! measured with nothing of tolkar's own in between.
//!
//! Run with `TOLKAR_FLOOR_SITE=DIR cargo bench --bench store_floor`, where
//! DIR is a tolkar project that has been synced (`scripts/peer-bench` runs
//! it on its site after the rounds). `TOLKAR_FLOOR_REPS` sets the
//! repetitions (default 5); medians are printed, one line per part:
//!
//! - **read**: reading every source posting the store lists;
//! - **markdown**: pulldown-cmark over each of them, with the extensions
//!   tolkar turns on, on as many threads as the machine has cores (the
//!   parse alone, without front matter, shortcodes or segments);
//! - **tolkar parse**: `tolkar::posting::parse` over each of them, on as
//!   many threads (front matter, shortcodes, segments; for comparison);
//! - **insert**: the store's segment rows (as sync wrote them) inserted
//!   into a new SQLite table of the same columns and index, with the
//!   store's pragmas, through one prepared statement in one transaction:
//!   the least a store of every segment costs;
//! - **read back**: every live segment row read back in document order, the
//!   least an export of one language reads;
//! - **bare insert** and **bare read back**: the same with only each
//!   segment's text and document in a table without an index, below what
//!   any schema of one row per segment could do;
//! - **packed insert** and **packed read back**: each document's segment
//!   texts in one blob, one row per document, below what any store of the
//!   segments' text in SQLite could do.
//!
//! The sum of read, markdown, insert and read back is what DESIGN.md's
//! storage (every segment in SQLite, written by sync, read by export)
//! costs before any work of tolkar's own; the bare and packed floors are
//! the same with the bare or packed insert and read back.
//! docs/benchmarks.md compares them with a tenth of `mdbook-xgettext`'s
//! time (issue 14).

use std::path::{Path, PathBuf};
use std::time::Instant;

use pulldown_cmark::Parser;
use rusqlite::Connection;

/// One row of `segments`, as sync stored it.
struct SegmentRow {
    document_id: i64,
    key: String,
    kind: String,
    position: i64,
    line: i64,
    source_text: String,
    source_hash: String,
    markup: Option<String>,
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn source_paths(store: &Connection, root: &Path) -> Vec<PathBuf> {
    let mut statement = store
        .prepare("SELECT path FROM documents WHERE removed = 0 ORDER BY id")
        .expect("documents");
    statement
        .query_map([], |row| row.get::<_, String>(0))
        .expect("documents")
        .map(|path| root.join(path.expect("path")))
        .collect()
}

fn segment_rows(store: &Connection) -> Vec<SegmentRow> {
    let mut statement = store
        .prepare(
            "SELECT document_id, key, kind, position, line, source_text, source_hash, markup
             FROM segments ORDER BY id",
        )
        .expect("segments");
    statement
        .query_map([], |row| {
            Ok(SegmentRow {
                document_id: row.get(0)?,
                key: row.get(1)?,
                kind: row.get(2)?,
                position: row.get(3)?,
                line: row.get(4)?,
                source_text: row.get(5)?,
                source_hash: row.get(6)?,
                markup: row.get(7)?,
            })
        })
        .expect("segments")
        .map(|row| row.expect("segment row"))
        .collect()
}

/// Runs `each` over `texts` on `threads` threads; returns the seconds.
fn on_threads(texts: &[String], threads: usize, each: impl Fn(&str) + Sync) -> f64 {
    let start = Instant::now();
    let chunk = texts.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        for part in texts.chunks(chunk) {
            let each = &each;
            scope.spawn(move || part.iter().for_each(|text| each(text)));
        }
    });
    start.elapsed().as_secs_f64()
}

fn remove_database(path: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
}

/// A new database with the store's pragmas, where `remove_database` has
/// removed the last one (before the clock starts: deleting tens of
/// megabytes is no part of a store's work).
fn new_database(path: &Path) -> Connection {
    let db = Connection::open(path).expect("open floor database");
    db.query_row("PRAGMA journal_mode = WAL", [], |row| {
        row.get::<_, String>(0)
    })
    .expect("wal");
    db.execute_batch(
        "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -16384; PRAGMA temp_store = MEMORY;",
    )
    .expect("pragmas");
    db
}

/// Inserts `rows` with `insert` into a new database of `schema`, through
/// one prepared statement in one transaction; the seconds it took.
fn timed_insert<P: rusqlite::Params>(
    path: &Path,
    schema: &str,
    insert: &str,
    rows: impl IntoIterator<Item = P>,
) -> f64 {
    remove_database(path);
    let start = Instant::now();
    let mut db = new_database(path);
    db.execute_batch(schema).expect("schema");
    let tx = db.transaction().expect("transaction");
    {
        let mut statement = tx.prepare(insert).expect("insert");
        for row in rows {
            statement.execute(row).expect("insert row");
        }
    }
    tx.commit().expect("commit");
    start.elapsed().as_secs_f64()
}

fn insert(rows: &[SegmentRow], path: &Path) -> f64 {
    timed_insert(
        path,
        "CREATE TABLE segments (
             id INTEGER PRIMARY KEY, document_id INTEGER NOT NULL, key TEXT NOT NULL,
             kind TEXT NOT NULL, position INTEGER NOT NULL, line INTEGER NOT NULL,
             source_text TEXT NOT NULL, source_hash TEXT NOT NULL,
             obsolete INTEGER NOT NULL DEFAULT 0, markup TEXT);
         CREATE INDEX segments_by_document ON segments(document_id, obsolete, position);",
        "INSERT INTO segments
         (document_id, key, kind, position, line, source_text, source_hash, markup)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        rows.iter().map(|row| {
            (
                row.document_id,
                &row.key,
                &row.kind,
                row.position,
                row.line,
                &row.source_text,
                &row.source_hash,
                &row.markup,
            )
        }),
    )
}

fn insert_bare(rows: &[SegmentRow], path: &Path) -> f64 {
    timed_insert(
        path,
        "CREATE TABLE segments (
             id INTEGER PRIMARY KEY, document_id INTEGER NOT NULL, source_text TEXT NOT NULL);",
        "INSERT INTO segments (document_id, source_text) VALUES (?1, ?2)",
        rows.iter().map(|row| (row.document_id, &row.source_text)),
    )
}

fn insert_packed(rows: &[SegmentRow], path: &Path) -> f64 {
    // Packed before the clock starts: what is timed is SQLite's part.
    let mut documents: Vec<(i64, Vec<u8>)> = Vec::new();
    for row in rows {
        if documents
            .last()
            .is_none_or(|(id, _)| *id != row.document_id)
        {
            documents.push((row.document_id, Vec::new()));
        }
        if let Some((_, texts)) = documents.last_mut() {
            texts.extend_from_slice(row.source_text.as_bytes());
            texts.push(0);
        }
    }
    timed_insert(
        path,
        "CREATE TABLE packed (document_id INTEGER PRIMARY KEY, texts BLOB NOT NULL);",
        "INSERT INTO packed (document_id, texts) VALUES (?1, ?2)",
        documents.iter().map(|(document, texts)| (document, texts)),
    )
}

fn read_back_packed(path: &Path) -> f64 {
    let start = Instant::now();
    let db = Connection::open(path).expect("open floor database");
    let mut statement = db
        .prepare("SELECT texts FROM packed ORDER BY document_id")
        .expect("select");
    let mut rows = statement.query([]).expect("select");
    let mut texts = 0;
    while let Some(row) = rows.next().expect("row") {
        let blob = row.get_ref(0).expect("texts").as_blob().expect("blob");
        texts += blob.split(|&b| b == 0).count();
    }
    std::hint::black_box(texts);
    start.elapsed().as_secs_f64()
}

/// Reads every row `query` selects, touching its text in column `text`.
fn read_back(path: &Path, query: &str, text: usize) -> f64 {
    let start = Instant::now();
    let db = Connection::open(path).expect("open floor database");
    let mut statement = db.prepare(query).expect("select");
    let mut rows = statement.query([]).expect("select");
    let mut bytes = 0;
    while let Some(row) = rows.next().expect("row") {
        bytes += row
            .get_ref(text)
            .expect("text")
            .as_str()
            .expect("utf-8")
            .len();
    }
    std::hint::black_box(bytes);
    start.elapsed().as_secs_f64()
}

fn main() {
    let Some(site) = std::env::var_os("TOLKAR_FLOOR_SITE").map(PathBuf::from) else {
        eprintln!(
            "store_floor: set TOLKAR_FLOOR_SITE to a synced tolkar project; nothing measured"
        );
        return;
    };
    let reps: usize = std::env::var("TOLKAR_FLOOR_REPS")
        .ok()
        .and_then(|reps| reps.parse().ok())
        .filter(|&reps| reps > 0)
        .unwrap_or(5);
    let project = tolkar::project::Project::load(&site).expect("load the project");
    let store = Connection::open(project.database_path()).expect("open the store");
    let paths = source_paths(&store, &site);
    let rows = segment_rows(&store);
    drop(store);
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let scratch = std::env::temp_dir().join(format!("tolkar-floor-{}.db", std::process::id()));

    let (mut read, mut markdown, mut parse) = (Vec::new(), Vec::new(), Vec::new());
    let (mut inserted, mut back, mut bare_inserted, mut bare_back) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let (mut packed_inserted, mut packed_back) = (Vec::new(), Vec::new());
    let mut texts = Vec::new();
    for _ in 0..reps {
        let start = Instant::now();
        texts = paths
            .iter()
            .map(|path| std::fs::read_to_string(path).expect("read a posting"))
            .collect();
        read.push(start.elapsed().as_secs_f64());
        markdown.push(on_threads(&texts, threads, |text| {
            std::hint::black_box(
                Parser::new_ext(text, tolkar::posting::markdown::options())
                    .into_offset_iter()
                    .count(),
            );
        }));
        parse.push(on_threads(&texts, threads, |text| {
            let _ = std::hint::black_box(tolkar::posting::parse(text.as_bytes(), &project.rules));
        }));
        inserted.push(insert(&rows, &scratch));
        back.push(read_back(
            &scratch,
            "SELECT id, key, kind, line, source_text, markup FROM segments
             WHERE obsolete = 0 ORDER BY document_id, position",
            4,
        ));
        bare_inserted.push(insert_bare(&rows, &scratch));
        bare_back.push(read_back(
            &scratch,
            "SELECT id, document_id, source_text FROM segments ORDER BY id",
            2,
        ));
        packed_inserted.push(insert_packed(&rows, &scratch));
        packed_back.push(read_back_packed(&scratch));
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    remove_database(&scratch);

    let (read, markdown, parse) = (median(&mut read), median(&mut markdown), median(&mut parse));
    let (inserted, back) = (median(&mut inserted), median(&mut back));
    let (bare_inserted, bare_back) = (median(&mut bare_inserted), median(&mut bare_back));
    let (packed_inserted, packed_back) = (median(&mut packed_inserted), median(&mut packed_back));
    println!(
        "store_floor: {} postings, {:.1} MB, {} segment rows, {threads} threads, median of {reps}",
        paths.len(),
        bytes as f64 / 1e6,
        rows.len()
    );
    let line = |label: &str, seconds: f64| println!("{label:<17}{seconds:.3} s");
    line("read", read);
    line("markdown", markdown);
    line("insert", inserted);
    line("read back", back);
    line("bare insert", bare_inserted);
    line("bare read back", bare_back);
    line("packed insert", packed_inserted);
    line("packed read back", packed_back);
    line("floor", read + markdown + inserted + back);
    line("bare floor", read + markdown + bare_inserted + bare_back);
    line(
        "packed floor",
        read + markdown + packed_inserted + packed_back,
    );
    println!(
        "{:<17}{parse:.3} s (for comparison, in no floor)",
        "tolkar parse"
    );
}
