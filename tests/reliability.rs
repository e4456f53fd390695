//! Reliability (issue 13): what people's machines do to a command, done on
//! purpose. Each test says which promise it keeps:
//!
//! - **Killed** (`kill -9`) at seeded random points of `sync`, `import` and
//!   `build` on a generated site: the next run of the same command
//!   completes, its result is that of a run never interrupted, a build
//!   refuses none of the files tolkar wrote, `status` and `check` work,
//!   and no temporary file is left behind. So is a build whose record is
//!   lost altogether.
//! - **Two commands at once** (sync and sync, sync and build, import and
//!   build): both end with exit 0, the second having waited for the
//!   first, and the site is as one of the two orders would leave it.
//! - **Disk full**, made with `RLIMIT_FSIZE` (a file may not grow past a
//!   size: the write fails with `EFBIG`) and `/dev/full`: exit 2, a message
//!   naming the file, and a site the next run completes on.
//! - **A read-only store**, **deep nesting**, **a translate command that
//!   floods its output**, **hostile configuration paths**: refused or
//!   handled with a message, never a crash.
//!
//! Kept where they fit better, and part of the same promises:
//! `tests/limits.rs` (a posting over the size limit, an 8 GB posting,
//! control characters and stray placeholders in translations), `tests/cli_conventions.rs` (`doctor` on
//! a configuration with paths outside the site) and `tests/unreadable.rs`
//! (a posting that cannot be read stops nothing else).
//!
//! Runs in `cargo test` (`cargo test --test reliability`). Longer runs,
//! for CI or a bench: `TOLKAR_RELIABILITY_ROUNDS` kill points per command
//! (default 5) and `TOLKAR_RELIABILITY_POSTINGS` postings in the generated
//! site (default 300).

mod common;

use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use common::generated::{edit, generate, posting_path};
use common::history::Rng;
use common::{example_sources, stderr_of, succeed, tolkar_in};

/// Segments of one generated posting (title, description, 12 in the body).
const SEGMENTS: u64 = 14;

fn env_number(name: &str, default: usize) -> usize {
    match std::env::var(name) {
        Ok(value) => value
            .parse()
            .unwrap_or_else(|_| panic!("{name}={value:?} is not a number")),
        Err(_) => default,
    }
}

/// Kill points per command.
fn rounds() -> usize {
    env_number("TOLKAR_RELIABILITY_ROUNDS", 5)
}

/// Postings of the generated site the kill tests run on.
fn postings() -> usize {
    env_number("TOLKAR_RELIABILITY_POSTINGS", 300)
}

/// A generated site of `n` postings in a temporary directory.
fn generated(n: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    generate(dir.path(), n);
    dir
}

/// The binary in `dir`, started and left running; its output discarded.
fn spawn(dir: &Path, args: &[&str]) -> Child {
    std::process::Command::new(env!("CARGO_BIN_EXE_tolkar"))
        .arg("-C")
        .arg(dir)
        .args(args)
        .env("LC_ALL", "C")
        .env_remove("LANG")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Runs tolkar `args` in `dir` and kills it with SIGKILL after `delay`.
/// True if it was killed; a run that ended first must have succeeded.
fn kill_after(dir: &Path, args: &[&str], delay: Duration) -> bool {
    let mut child = spawn(dir, args);
    std::thread::sleep(delay);
    let _ = child.kill();
    let output = child.wait_with_output().unwrap();
    if output.status.signal() == Some(libc::SIGKILL) {
        return true;
    }
    assert!(
        output.status.success(),
        "{args:?} ended before it was killed, and failed: {}",
        stderr_of(&output)
    );
    false
}

/// The seeded kill points: delays spread over `0.05..0.95` of `whole`,
/// the time the command took when nobody killed it.
fn kill_points(seed: u64, whole: Duration) -> Vec<Duration> {
    let mut rng = Rng::new(seed);
    (0..rounds())
        .map(|_| whole.mul_f64(0.05 + 0.9 * rng.below(1000) as f64 / 1000.0))
        .collect()
}

/// Runs `cmd`, asserting success: its stderr and how long it took.
#[track_caller]
fn timed(cmd: &mut assert_cmd::Command) -> (String, Duration) {
    let started = Instant::now();
    let stderr = succeed(cmd);
    (stderr, started.elapsed())
}

/// Every file under `dir` (hidden ones too) whose name says it is a
/// temporary file of tolkar's or a rollback journal of SQLite's.
fn leftovers(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let entry = entry.unwrap();
            let name = entry.file_name().to_string_lossy().into_owned();
            if entry.file_type().unwrap().is_dir() {
                stack.push(entry.path());
            } else if name.ends_with(".tolkar-tmp") || name.ends_with("-journal") {
                found.push(entry.path());
            }
        }
    }
    found.sort();
    found
}

#[track_caller]
fn assert_no_leftovers(dir: &Path, after: &str) {
    let found = leftovers(dir);
    assert!(found.is_empty(), "left behind after {after}: {found:#?}");
}

/// `status --format json`, which must succeed.
#[track_caller]
fn status(dir: &Path) -> serde_json::Value {
    let output = tolkar_in(dir)
        .args(["status", "--format", "json"])
        .output()
        .unwrap();
    assert!(output.status.success(), "status: {}", stderr_of(&output));
    serde_json::from_slice(&output.stdout).unwrap()
}

/// One language of a `status` report.
fn of_lang<'a>(status: &'a serde_json::Value, lang: &str) -> &'a serde_json::Value {
    status
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["lang"] == lang)
        .unwrap_or_else(|| panic!("no {lang} in {status}"))
}

/// Every posting of `lang` is as build last wrote it: none merged, in
/// conflict or unknown to the store.
#[track_caller]
fn assert_all_built(status: &serde_json::Value, lang: &str, n: usize) {
    let postings = &of_lang(status, lang)["postings"];
    assert_eq!(
        postings,
        &serde_json::json!({"same": n, "merged": 0, "conflict": 0, "unmanaged": 0}),
        "{lang}: {status}"
    );
}

/// A build refuses nothing of its own: exit 0, no file "not written", none
/// taken for one with edits of its own.
#[track_caller]
fn assert_builds_cleanly(dir: &Path, args: &[&str]) -> String {
    let output = tolkar_in(dir).arg("build").args(args).output().unwrap();
    let stderr = stderr_of(&output);
    assert!(output.status.success(), "build: {stderr}");
    assert!(!stderr.contains("not written"), "build: {stderr}");
    assert!(!stderr.contains("differences of"), "build: {stderr}");
    assert!(!stderr.contains("skipped") || stderr.contains(" 0 skipped"));
    for line in stderr.lines().filter(|l| l.starts_with("Built ")) {
        assert!(line.ends_with(" 0 skipped."), "build: {stderr}");
    }
    stderr
}

/// `check` comes to a verdict (0 or 1), not to an error.
#[track_caller]
fn assert_checks(dir: &Path) {
    let output = tolkar_in(dir)
        .args(["check", "--no-write"])
        .output()
        .unwrap();
    let stderr = stderr_of(&output);
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "check: {stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
}

/// A JSON file for `import` that translates every segment of the
/// generated site's postings (`0..n`) into `lang`: the source with
/// ` [LANG rROUND]` after it.
fn translations(dir: &Path, n: usize, lang: &str, round: usize) -> PathBuf {
    let rules = tolkar::project::Project::load(dir).unwrap().rules;
    let mut units = Vec::new();
    for i in 0..n {
        let path = posting_path(i);
        let text = std::fs::read(dir.join(&path)).unwrap();
        let doc = tolkar::posting::parse(&text, &rules).unwrap();
        for segment in doc.segments {
            units.push(serde_json::json!({
                "id": format!("{path}#{}", segment.key),
                "source": segment.text,
                "target": format!("{} [{lang} r{round}]", segment.text),
                "state": "translated",
            }));
        }
    }
    let file = dir.join(format!("{lang}-r{round}.json"));
    let json = serde_json::json!({
        "tolkar": 1,
        "source_language": "sv",
        "target_language": lang,
        "units": units,
    });
    std::fs::write(&file, serde_json::to_string(&json).unwrap()).unwrap();
    file
}

/// The stored translations of `lang`, from the store itself.
fn stored(dir: &Path, lang: &str) -> Vec<String> {
    let mut store = tolkar::store::Store::open(&dir.join(".tolkar/tolkar.db")).unwrap();
    let dump = store.transaction(|tx| tx.translation_dump()).unwrap();
    dump.into_iter()
        .filter_map(|row| {
            let fields: Vec<&str> = row.split('\t').collect();
            (fields[1] == lang).then(|| fields[2].to_string())
        })
        .collect()
}

// --- kill -9 ---------------------------------------------------------------

/// Sync killed while it reads the postings, stores their segments or
/// rewrites the state files of the translations they make stale.
#[test]
fn sync_killed_at_random_points_completes_on_the_next_run() {
    let n = postings();
    let site = generated(n);
    let dir = site.path();
    let (_, whole) = timed(tolkar_in(dir).arg("sync"));
    succeed(
        tolkar_in(dir)
            .arg("import")
            .arg(translations(dir, n, "da", 0)),
    );
    let mut killed = 0;
    for (round, delay) in kill_points(1, whole).into_iter().enumerate() {
        // Every posting's first paragraph changes: sync has all to do.
        edit(dir, n, round + 2);
        killed += usize::from(kill_after(dir, &["sync"], delay));
        let stderr = succeed(tolkar_in(dir).arg("sync"));
        assert!(
            stderr.contains(&format!("Synced {n} documents: 0 new,")),
            "{stderr}"
        );
        assert_no_leftovers(dir, &format!("sync killed after {delay:?}"));
        // As an uninterrupted sync leaves it: each first paragraph's
        // translation stale, the others translated.
        let status = status(dir);
        let da = of_lang(&status, "da");
        let n = n as u64;
        assert_eq!(
            (
                &da["total"],
                &da["translated"],
                &da["stale"],
                &da["missing"]
            ),
            (
                &(SEGMENTS * n).into(),
                &((SEGMENTS - 1) * n).into(),
                &n.into(),
                &0.into()
            ),
            "{status}"
        );
        assert_builds_cleanly(dir, &["--lang", "da"]);
        assert_no_leftovers(dir, "build");
    }
    assert_checks(dir);
    assert!(killed > 0, "no run was killed: the test proved nothing");
}

/// Import killed while it reads the file, stores the translations or
/// writes their state files: what it leaves is all of the import or none
/// of it, and the import run again stores all of it.
#[test]
fn import_killed_at_random_points_leaves_all_or_nothing() {
    let n = postings();
    let site = generated(n);
    let dir = site.path();
    succeed(tolkar_in(dir).arg("sync"));
    let (_, whole) = timed(
        tolkar_in(dir)
            .arg("import")
            .arg(translations(dir, n, "da", 0)),
    );
    let total = SEGMENTS as usize * n;
    let mut killed = 0;
    for (round, delay) in kill_points(2, whole).into_iter().enumerate() {
        let round = round + 1;
        let file = translations(dir, n, "da", round);
        let file = file.to_str().unwrap();
        killed += usize::from(kill_after(dir, &["import", file], delay));
        // What a command after the kill sees (the store, and the state
        // files as sync reads them back): the earlier round or this one.
        succeed(tolkar_in(dir).arg("sync"));
        let now = format!(" [da r{round}]");
        let before = format!(" [da r{}]", round - 1);
        let texts = stored(dir, "da");
        assert_eq!(texts.len(), total);
        let new = texts.iter().filter(|t| t.ends_with(&now)).count();
        let old = texts.iter().filter(|t| t.ends_with(&before)).count();
        assert!(
            (new, old) == (total, 0) || (new, old) == (0, total),
            "import killed after {delay:?} left {new} of its translations and {old} of the last"
        );
        let stderr = succeed(tolkar_in(dir).arg("import").arg(file));
        assert!(stderr.contains(", 0 refused."), "{stderr}");
        assert!(
            stored(dir, "da").iter().all(|t| t.ends_with(&now)),
            "the import run again stored all of it"
        );
        assert_no_leftovers(dir, &format!("import killed after {delay:?}"));
        let status = status(dir);
        assert_eq!(of_lang(&status, "da")["translated"], total as u64);
        assert_builds_cleanly(dir, &["--lang", "da"]);
    }
    assert_checks(dir);
    assert_no_leftovers(dir, "build");
    assert!(killed > 0, "no run was killed: the test proved nothing");
}

/// The paths of a generated site's postings `0..n`, sorted.
fn sorted_postings(n: usize) -> Vec<String> {
    let mut paths: Vec<String> = (0..n).map(posting_path).collect();
    paths.sort();
    paths
}

/// An import killed while it writes its state files, at a point made
/// certain: one state file's place is a named pipe, which the import
/// blocks on reading (the pipe is no state file to the walk that reads
/// them back, so nothing else trips on it). The others of its batch are
/// written by then. They used to be renamed into place at once, and the
/// next command read them back as changes: half of the import stored.
#[test]
fn an_import_killed_while_it_writes_state_files_stores_none_of_it() {
    let n = 40;
    let site = generated(n);
    let dir = site.path();
    succeed(tolkar_in(dir).arg("sync"));
    let file = translations(dir, n, "da", 1);
    // The last posting in the order state files are written.
    let last = sorted_postings(n).pop().unwrap();
    let pipe = dir.join(format!(".tolkar/state/da/{last}.po"));
    std::fs::create_dir_all(pipe.parent().unwrap()).unwrap();
    let path = std::ffi::CString::new(pipe.to_str().unwrap()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(path.as_ptr(), 0o644) }, 0);
    let mut child = spawn(dir, &["import", file.to_str().unwrap()]);
    // Until the others are written, or the import ends (which it must not).
    let state = dir.join(".tolkar/state");
    let started = Instant::now();
    while leftovers(&state).is_empty() && state_files(&state) == 0 {
        assert!(
            child.try_wait().unwrap().is_none(),
            "the import ended before it blocked on the pipe"
        );
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "the import wrote no state file"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    std::fs::remove_file(&pipe).unwrap();

    succeed(tolkar_in(dir).arg("sync"));
    assert!(stored(dir, "da").is_empty(), "nothing of the import stored");
    assert_eq!(state_files(&state), 0, "no state file written");
    assert_no_leftovers(dir, "an import killed while it wrote state files");
    succeed(tolkar_in(dir).arg("import").arg(&file));
    assert_eq!(stored(dir, "da").len(), n * SEGMENTS as usize);
}

/// The state files (`*.po`) under `dir`.
fn state_files(dir: &Path) -> usize {
    let mut count = 0;
    let mut stack = vec![dir.to_path_buf()];
    while let Some(at) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&at) else {
            continue;
        };
        for entry in entries {
            let entry = entry.unwrap();
            let kind = entry.file_type().unwrap();
            if kind.is_dir() {
                stack.push(entry.path());
            } else if kind.is_file() && entry.file_name().to_string_lossy().ends_with(".po") {
                count += 1;
            }
        }
    }
    count
}

/// What a command killed between its commit and putting its state files
/// in place leaves, made by hand: the store records the new state file,
/// the file there is the old one, and the new one waits beside it under
/// its temporary name; the command's mark names a process that is gone.
/// The next command puts the new file in place, instead of reading the
/// old one back as a change (which undid the import for that posting).
#[test]
fn state_files_a_killed_command_committed_are_put_in_place() {
    let (site, _) = imported_site();
    let dir = site.path();
    let state = dir.join(format!(".tolkar/state/da/{}.po", posting_path(0)));
    let old = std::fs::read_to_string(&state).unwrap();
    succeed(
        tolkar_in(dir)
            .arg("import")
            .arg(translations(dir, IMPORTED, "da", 2)),
    );
    let temp = temporary_beside(&state);
    std::fs::rename(&state, &temp).unwrap();
    std::fs::write(&state, old).unwrap();
    mark_a_dead_command(dir);

    succeed(tolkar_in(dir).arg("sync"));
    assert_no_leftovers(dir, "a command killed before its renames");
    assert!(
        std::fs::read_to_string(&state)
            .unwrap()
            .contains(" [da r2]"),
        "the committed state file is in place"
    );
    assert!(
        stored(dir, "da").iter().all(|t| t.ends_with(" [da r2]")),
        "the import stays stored"
    );
    let marks = std::fs::read_dir(dir.join(".tolkar"))
        .unwrap()
        .filter(|e| {
            let name = e.as_ref().unwrap().file_name();
            name.to_string_lossy().contains("-writing-")
        })
        .count();
    assert_eq!(marks, 0, "the dead command's mark is gone");
}

/// The mark a command that died while writing leaves beside the store,
/// named after process 1, which is alive: in a container every run is
/// process 1, and a dead command's process id may be a live one's.
fn mark_a_dead_command(dir: &Path) {
    std::fs::write(dir.join(".tolkar/tolkar.db-writing-1-Ab12Cd"), "").unwrap();
}

/// Postings of [`imported_site`].
const IMPORTED: usize = 10;

/// A synced generated site of `IMPORTED` postings with every segment
/// imported into da, and how many segments `status` counts translated
/// there.
fn imported_site() -> (tempfile::TempDir, u64) {
    let site = generated(IMPORTED);
    let dir = site.path();
    succeed(tolkar_in(dir).arg("sync"));
    succeed(
        tolkar_in(dir)
            .arg("import")
            .arg(translations(dir, IMPORTED, "da", 1)),
    );
    let translated = translated(dir, "da");
    (site, translated)
}

/// A temporary file of tolkar's beside a state file, as a command writes
/// it before its commit.
fn temporary_beside(state: &Path) -> PathBuf {
    let name = state.file_name().unwrap().to_str().unwrap();
    state.with_file_name(format!(".{name}.Ab12Cd.tolkar-tmp"))
}

/// The mark beside a state file that a command will remove it.
fn removal_mark(state: &Path) -> PathBuf {
    let name = state.file_name().unwrap().to_str().unwrap();
    state.with_file_name(format!(".{name}.tolkar-remove"))
}

/// The translated segments of `lang`, as `status` counts them.
fn translated(dir: &Path, lang: &str) -> u64 {
    of_lang(&status(dir), lang)["translated"]
        .as_u64()
        .unwrap_or_else(|| panic!("no translated count for {lang}"))
}

/// What a command killed between its commit and removing a state file
/// leaves, made by hand (as `strace -e inject=unlink:signal=SIGKILL`
/// makes it): a posting was renamed, the store moved its translations to
/// the new state file and no longer records the old one, which is still
/// there with its removal mark. The next command, even one that only
/// reads, removes it, instead of reading it back as translations of a
/// posting gone.
#[test]
fn a_state_file_whose_removal_committed_is_removed_after_a_kill() {
    let (site, before) = imported_site();
    let dir = site.path();
    let old_source = posting_path(0);
    let new_source = old_source.replace(".md", "-renamed.md");
    std::fs::rename(dir.join(&old_source), dir.join(&new_source)).unwrap();
    let old_state = dir.join(format!(".tolkar/state/da/{old_source}.po"));
    let kept = std::fs::read(&old_state).unwrap();
    succeed(tolkar_in(dir).arg("sync"));
    assert!(!old_state.exists(), "sync removes the old state file");
    std::fs::write(&old_state, kept).unwrap();
    let mark = removal_mark(&old_state);
    std::fs::write(&mark, "").unwrap();
    mark_a_dead_command(dir);

    assert_eq!(translated(dir, "da"), before, "status after the kill");
    assert!(!old_state.exists(), "the committed removal is finished");
    assert!(!mark.exists(), "the removal mark is gone");
    let ignored = std::fs::read_to_string(dir.join(".tolkar/state/.gitignore")).unwrap();
    assert!(
        ignored.contains(".*.tolkar-remove") && ignored.contains(".*.tolkar-tmp"),
        "git never takes in what a killed command left: {ignored}"
    );
    assert!(
        dir.join(format!(".tolkar/state/da/{new_source}.po"))
            .exists()
    );
    succeed(tolkar_in(dir).arg("sync"));
    assert_eq!(translated(dir, "da"), before, "sync after the kill");
}

/// A command killed after marking a state file for removal but before
/// its commit: the store still records the file, which stays.
#[test]
fn a_state_file_whose_removal_never_committed_stays() {
    let (site, before) = imported_site();
    let dir = site.path();
    let state = dir.join(format!(".tolkar/state/da/{}.po", posting_path(0)));
    let mark = removal_mark(&state);
    std::fs::write(&mark, "").unwrap();
    mark_a_dead_command(dir);

    succeed(tolkar_in(dir).arg("sync"));
    assert!(state.exists(), "the state file stays");
    assert!(!mark.exists(), "the removal mark is gone");
    assert_eq!(translated(dir, "da"), before);
}

/// What a killed command left, beside a store deleted since (as people
/// delete it to start over): nothing says what it committed, so the
/// state files stay as they are, and its leftovers go.
#[test]
fn leftovers_of_a_killed_command_beside_a_new_store_remove_no_state_file() {
    let (site, before) = imported_site();
    let dir = site.path();
    let state = dir.join(format!(".tolkar/state/da/{}.po", posting_path(0)));
    let mark = removal_mark(&state);
    let temp = temporary_beside(&state);
    std::fs::write(&mark, "").unwrap();
    std::fs::write(&temp, "half").unwrap();
    mark_a_dead_command(dir);
    for end in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(dir.join(format!(".tolkar/tolkar.db{end}")));
    }

    succeed(tolkar_in(dir).arg("sync"));
    assert!(state.exists(), "the state file stays");
    assert!(!mark.exists() && !temp.exists(), "the leftovers are gone");
    assert_eq!(translated(dir, "da"), before);
}

/// Build killed while it syncs, renders or writes the postings of two
/// languages: the next build completes and takes every file it wrote for
/// its own, as an uninterrupted build would leave them.
#[test]
fn build_killed_at_random_points_knows_its_own_files_on_the_next_run() {
    let n = postings();
    let site = generated(n);
    let dir = site.path();
    succeed(tolkar_in(dir).arg("sync"));
    succeed(
        tolkar_in(dir)
            .arg("import")
            .arg(translations(dir, n, "da", 0)),
    );
    let (_, whole) = timed(tolkar_in(dir).arg("build"));
    let mut killed = 0;
    for (round, delay) in kill_points(3, whole).into_iter().enumerate() {
        // Every posting changes: build has every file to write again.
        edit(dir, n, round + 2);
        killed += usize::from(kill_after(dir, &["build"], delay));
        assert_builds_cleanly(dir, &[]);
        assert_no_leftovers(dir, &format!("build killed after {delay:?}"));
        // It wrote what an uninterrupted build writes: every file is as
        // build recorded it.
        let status = status(dir);
        assert_all_built(&status, "da", n);
        assert_all_built(&status, "nb", n);
        // nb has no translations: the source's text, as edited last.
        let first = std::fs::read_to_string(dir.join(posting_path(0).replace("/sv/", "/nb/")));
        assert!(
            first.unwrap().contains(&format!("utgåva {}.", round + 2)),
            "the last edit is built"
        );
    }
    assert_checks(dir);
    assert!(killed > 0, "no run was killed: the test proved nothing");
}

/// A build whose record is lost (killed before its transaction committed,
/// or the store deleted) does not refuse the files it wrote: a file that
/// is what build writes is its own.
#[test]
fn a_build_whose_record_is_lost_knows_its_own_files() {
    let site = common::example_site();
    succeed(tolkar_in(site.path()).arg("build"));
    std::fs::remove_dir_all(site.path().join(".tolkar")).unwrap();
    let stderr = succeed(tolkar_in(site.path()).arg("build"));
    assert!(
        stderr.contains("Built nb: 0 written, 5 unchanged, 0 skipped."),
        "{stderr}"
    );
    // Only the hand translations the example ships are not build's.
    assert_eq!(stderr.matches("not written").count(), 3, "{stderr}");
}

// --- Two commands at once --------------------------------------------------

/// What two runs leave that people see: the postings, the committed text
/// state (without the times it records) and the figures of `status`.
fn outcome(dir: &Path) -> Vec<(String, String)> {
    let mut files = Vec::new();
    let mut stack = vec![dir.join("content"), dir.join(".tolkar/state")];
    while let Some(at) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&at) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            // `#. tolkar: translated, 2025-01-01T10:00:00Z, import:da.json`
            let text: Vec<String> = text
                .lines()
                .map(|line| match line.strip_prefix("#. tolkar: ") {
                    Some(rest) => rest
                        .split(", ")
                        .filter(|part| !(part.len() == 20 && part.ends_with('Z')))
                        .collect::<Vec<_>>()
                        .join(", "),
                    None => line.to_string(),
                })
                .collect();
            let relative = path.strip_prefix(dir).unwrap().display().to_string();
            files.push((relative, text.join("\n")));
        }
    }
    files.sort();
    files.push(("status".into(), status(dir).to_string()));
    files
}

/// Starts two commands on `dir` at once; both must end with exit 0.
#[track_caller]
fn at_once(dir: &Path, first: &[&str], second: &[&str]) {
    let children = [spawn(dir, first), spawn(dir, second)];
    for (child, args) in children.into_iter().zip([first, second]) {
        let output = child.wait_with_output().unwrap();
        assert!(output.status.success(), "{args:?}: {}", stderr_of(&output));
    }
}

/// Two copies of a generated site, made the same way by `prepare`.
fn twins(n: usize, prepare: impl Fn(&Path)) -> (tempfile::TempDir, tempfile::TempDir) {
    let (a, b) = (generated(n), generated(n));
    prepare(a.path());
    prepare(b.path());
    (a, b)
}

const AT_ONCE: usize = 100;

/// Two syncs on a site with no store yet (both create it) and again after
/// an edit: both succeed, and the site is as after one sync.
#[test]
fn two_syncs_at_once_end_as_one() {
    let (site, alone) = twins(AT_ONCE, |_| {});
    at_once(site.path(), &["sync"], &["sync"]);
    succeed(tolkar_in(alone.path()).arg("sync"));
    assert_eq!(outcome(site.path()), outcome(alone.path()));
    for dir in [site.path(), alone.path()] {
        succeed(
            tolkar_in(dir)
                .arg("import")
                .arg(translations(dir, AT_ONCE, "da", 0)),
        );
        edit(dir, AT_ONCE, 2);
    }
    at_once(site.path(), &["sync"], &["sync"]);
    succeed(tolkar_in(alone.path()).arg("sync"));
    assert_eq!(outcome(site.path()), outcome(alone.path()));
    assert_no_leftovers(site.path(), "two syncs");
}

/// Sync and build at once after an edit: whichever runs first, the site
/// is as after a sync and then a build.
#[test]
fn sync_and_build_at_once_end_as_one_after_the_other() {
    let prepare = |dir: &Path| {
        succeed(tolkar_in(dir).arg("sync"));
        succeed(
            tolkar_in(dir)
                .arg("import")
                .arg(translations(dir, AT_ONCE, "da", 0)),
        );
        succeed(tolkar_in(dir).arg("build"));
        edit(dir, AT_ONCE, 2);
    };
    let (site, alone) = twins(AT_ONCE, prepare);
    at_once(site.path(), &["sync"], &["build"]);
    succeed(tolkar_in(alone.path()).arg("sync"));
    succeed(tolkar_in(alone.path()).arg("build"));
    assert_eq!(outcome(site.path()), outcome(alone.path()));
    assert_no_leftovers(site.path(), "sync and build");
}

/// Import and build at once: the site is as after the import and then
/// the build, or the build and then the import; never a mix.
#[test]
fn import_and_build_at_once_end_as_one_after_the_other() {
    let prepare = |dir: &Path| {
        succeed(tolkar_in(dir).arg("sync"));
        succeed(
            tolkar_in(dir)
                .arg("import")
                .arg(translations(dir, AT_ONCE, "da", 0)),
        );
        edit(dir, AT_ONCE, 2);
        translations(dir, AT_ONCE, "da", 1);
    };
    let site = generated(AT_ONCE);
    prepare(site.path());
    at_once(site.path(), &["import", "da-r1.json"], &["build"]);
    let (import_first, build_first) = twins(AT_ONCE, prepare);
    succeed(tolkar_in(import_first.path()).args(["import", "da-r1.json"]));
    succeed(tolkar_in(import_first.path()).arg("build"));
    succeed(tolkar_in(build_first.path()).arg("build"));
    succeed(tolkar_in(build_first.path()).args(["import", "da-r1.json"]));
    let got = outcome(site.path());
    assert!(
        got == outcome(import_first.path()) || got == outcome(build_first.path()),
        "import and build at once left neither what import then build leaves nor the other order"
    );
    assert_no_leftovers(site.path(), "import and build");
}

// --- Disk full -------------------------------------------------------------

/// The binary in `dir` as one that may write no file past `limit` bytes
/// (`RLIMIT_FSIZE`; a write past it fails with `EFBIG`, as on a full
/// disk, SIGXFSZ being ignored), or `None` (said once) where the limit
/// cannot be had or does not hold.
fn tolkar_with_file_limit(dir: &Path, limit: u64, args: &[&str]) -> Option<std::process::Output> {
    use std::os::unix::process::CommandExt;
    let limited = |program: &str| {
        let mut command = std::process::Command::new(program);
        // SAFETY: only async-signal-safe calls between fork and exec.
        unsafe {
            command.pre_exec(move || {
                let rlimit = libc::rlimit {
                    rlim_cur: limit as libc::rlim_t,
                    rlim_max: limit as libc::rlim_t,
                };
                if libc::setrlimit(libc::RLIMIT_FSIZE, &rlimit) != 0 {
                    return Err(std::io::Error::last_os_error());
                }
                libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
                Ok(())
            });
        }
        command
    };
    // The limit holds where a file of twice its size cannot be written.
    let probe = dir.join("probe");
    let held = limited("sh")
        .arg("-c")
        .arg(format!(
            "head -c {} /dev/zero > '{}'",
            2 * limit,
            probe.display()
        ))
        .stderr(Stdio::null())
        .status()
        .is_ok()
        && std::fs::metadata(&probe).is_ok_and(|m| m.len() <= limit);
    let _ = std::fs::remove_file(&probe);
    if !held {
        static SAID: std::sync::Once = std::sync::Once::new();
        SAID.call_once(|| {
            use std::io::Write;
            let _ = writeln!(
                std::io::stderr(),
                "skipped: the disk-full tests (RLIMIT_FSIZE cannot be set or does not hold here)"
            );
        });
        return None;
    }
    let output = limited(env!("CARGO_BIN_EXE_tolkar"))
        .arg("-C")
        .arg(dir)
        .args(args)
        .env("LC_ALL", "C")
        .env_remove("LANG")
        .output()
        .unwrap();
    Some(output)
}

/// A posting of about `size` bytes whose bulk is a code block (which the
/// store does not hold), so that only its built file is that big.
fn big_posting(size: usize) -> String {
    let mut rng = Rng::new(7);
    let mut text = String::from("---\ntitle: \"Stor\"\n---\n\nEn stor kodruta.\n\n```\n");
    while text.len() < size {
        text.push_str(&format!("{:016x}{:016x}\n", rng.next(), rng.next()));
    }
    text.push_str("```\n");
    text
}

/// Exit status 2 and a message naming `path`; no panic.
#[track_caller]
fn assert_fails_naming(output: &std::process::Output, path: &str) {
    let stderr = stderr_of(output);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(
        stderr.contains("cannot write") || stderr.contains("database error"),
        "{stderr}"
    );
    assert!(stderr.contains(path), "{path} not named: {stderr}");
}

/// A build that cannot write a posting (the file may not grow that big)
/// stops with the posting named; nothing of it is recorded, and the next
/// build without the limit completes and refuses nothing.
#[test]
fn a_build_on_a_full_disk_names_the_posting_and_the_next_completes() {
    let site = generated(20);
    let dir = site.path();
    let big = "content/sv/blog/big.md";
    std::fs::write(dir.join(big), big_posting(600_000)).unwrap();
    succeed(tolkar_in(dir).arg("sync"));
    let Some(output) = tolkar_with_file_limit(dir, 256 * 1024, &["build", "--lang", "da"]) else {
        return;
    };
    assert_fails_naming(&output, "content/da/blog/big.md");
    assert_no_leftovers(dir, "a build on a full disk");
    assert_builds_cleanly(dir, &["--lang", "da"]);
    assert_all_built(&status(dir), "da", 21);
}

/// An import whose state file cannot be written stores nothing, names the
/// file, and the import run again stores everything.
#[test]
fn an_import_on_a_full_disk_stores_nothing_and_the_next_stores_all() {
    let site = generated(20);
    let dir = site.path();
    // One paragraph of 300 kB: its state file is twice that.
    let long = format!(
        "---\ntitle: \"Lång\"\n---\n\n{}.\n",
        ["Ett långt stycke om molnet"; 12_000].join(" och ")
    );
    std::fs::write(dir.join("content/sv/blog/long.md"), long).unwrap();
    succeed(tolkar_in(dir).arg("sync"));
    let file = translations(dir, 20, "da", 0);
    // The long posting's translation too.
    let mut json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let rules = tolkar::project::Project::load(dir).unwrap().rules;
    let text = std::fs::read(dir.join("content/sv/blog/long.md")).unwrap();
    for segment in tolkar::posting::parse(&text, &rules).unwrap().segments {
        json["units"]
            .as_array_mut()
            .unwrap()
            .push(serde_json::json!({
                "id": format!("content/sv/blog/long.md#{}", segment.key),
                "source": segment.text,
                "target": format!("{} [da]", segment.text),
                "state": "translated",
            }));
    }
    std::fs::write(&file, json.to_string()).unwrap();
    let file = file.to_str().unwrap();
    let Some(output) = tolkar_with_file_limit(dir, 256 * 1024, &["import", file]) else {
        return;
    };
    assert_fails_naming(&output, ".tolkar/state/da/content/sv/blog/long.md.po");
    assert_no_leftovers(dir, "an import on a full disk");
    succeed(tolkar_in(dir).arg("sync"));
    assert!(stored(dir, "da").is_empty(), "nothing of the import stored");
    succeed(tolkar_in(dir).arg("import").arg(file));
    assert_eq!(stored(dir, "da").len(), 20 * SEGMENTS as usize + 2);
    assert_builds_cleanly(dir, &["--lang", "da"]);
}

/// The first sync of a site, with a store that cannot grow: the store is
/// named, nothing is half stored, and the next sync completes.
#[test]
fn a_sync_on_a_full_disk_names_the_store_and_the_next_completes() {
    let site = generated(200);
    let dir = site.path();
    let Some(output) = tolkar_with_file_limit(dir, 64 * 1024, &["sync"]) else {
        return;
    };
    assert_fails_naming(&output, "tolkar.db");
    let stderr = succeed(tolkar_in(dir).arg("sync"));
    assert!(
        stderr.contains("Synced 200 documents: 200 new,"),
        "{stderr}"
    );
    assert_no_leftovers(dir, "a sync on a full disk");
    assert_builds_cleanly(dir, &[]);
}

/// A file named on the command line on a full device: the file is named,
/// exit 2.
#[test]
fn an_export_to_a_full_device_names_it() {
    if !Path::new("/dev/full").exists() {
        eprintln!("skipped: no /dev/full here");
        return;
    }
    let site = generated(5);
    let output = tolkar_in(site.path())
        .args(["export", "--lang", "da", "-o", "/dev/full"])
        .output()
        .unwrap();
    assert_fails_naming(&output, "/dev/full");
    let output = tolkar_in(site.path())
        .args(["report", "--html", "-o", "/dev/full"])
        .output()
        .unwrap();
    assert_fails_naming(&output, "/dev/full");
}

/// An export that outgrows the disk part way, with batches still being
/// formatted: the file is named, exit 2, and neither it nor a temporary
/// file is left; the same export without the limit writes every unit.
#[test]
fn an_export_that_outgrows_the_disk_leaves_no_file() {
    let site = generated(200);
    let dir = site.path();
    succeed(tolkar_in(dir).arg("sync"));
    let po = dir.join("nb.po");
    let po_arg = po.to_str().unwrap();
    let args = ["export", "--lang", "nb", "--format", "po", "-o", po_arg];
    let Some(output) = tolkar_with_file_limit(dir, 256 * 1024, &args) else {
        return;
    };
    assert_fails_naming(&output, po_arg);
    assert!(!po.exists(), "a part of the export was left");
    assert_no_leftovers(dir, "an export on a full disk");
    succeed(tolkar_in(dir).args(args));
    let text = std::fs::read_to_string(&po).unwrap();
    // More than two batches of units, each one whole.
    let units = text.matches("\nmsgctxt ").count();
    assert!(units > 2048, "{units} units");
    assert_eq!(
        text.matches("\nmsgstr ").count(),
        units + 1,
        "the header too"
    );
}

// --- A read-only store -----------------------------------------------------

fn set_mode(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// `tolkar ARGS` in `dir` as a user who may not write the store, or `None`
/// when there is no way to be one (root without `setpriv`). Root may write
/// any file, so as root the commands run as `nobody` through `setpriv`.
fn tolkar_unprivileged(dir: &Path, args: &[&str]) -> Option<std::process::Output> {
    let is_root = unsafe { libc::geteuid() } == 0;
    let mut command = if is_root {
        let setpriv = Path::new("/usr/bin/setpriv");
        if !setpriv.exists() {
            eprintln!("skipped: running as root and /usr/bin/setpriv is missing");
            return None;
        }
        let mut c = std::process::Command::new(setpriv);
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
            .arg(env!("CARGO_BIN_EXE_tolkar"));
        c
    } else {
        std::process::Command::new(env!("CARGO_BIN_EXE_tolkar"))
    };
    command
        .args(args)
        .current_dir(dir)
        .env("LC_ALL", "C")
        .env_remove("CI");
    Some(command.output().unwrap())
}

/// Issue 13: "A read-only store (mode 0444, directory not writable) cannot
/// even be read by `status`, `tm search` or `check --no-write`".
#[test]
fn status_check_and_tm_search_read_a_store_that_may_not_be_written() {
    let site = common::example_site();
    // A store with a translation, then made read-only, as a CI cache or a
    // checkout by another user would be.
    tolkar_in(site.path()).arg("sync").assert().success();
    tolkar_in(site.path())
        .args([
            "review",
            "set",
            "--lang",
            "nb",
            "content/sv/career/cfo.md#fm:Title",
            "Økonomisjef",
        ])
        .assert()
        .success();
    let store = site.path().join(".tolkar");
    let database = store.join("tolkar.db");
    let before = std::fs::read(&database).unwrap();
    set_mode(site.path(), 0o755);
    set_mode(&database, 0o444);
    set_mode(&store, 0o555);

    let status = tolkar_unprivileged(site.path(), &["status", "--format", "json"]);
    let check = tolkar_unprivileged(
        site.path(),
        &[
            "check",
            "--no-write",
            "--lang",
            "nb",
            "--fail-on",
            "missing",
        ],
    );
    let search = tolkar_unprivileged(
        site.path(),
        &["tm", "search", "--lang", "nb", "Finanschef (CFO)"],
    );
    let explain = tolkar_unprivileged(
        site.path(),
        &[
            "adopt",
            "--explain",
            "content/da/career/cfo.md",
            "--lang",
            "da",
        ],
    );
    set_mode(&store, 0o755);
    set_mode(&database, 0o644);
    let (Some(status), Some(check), Some(search), Some(explain)) = (status, check, search, explain)
    else {
        return;
    };

    let text = |o: &std::process::Output| {
        format!(
            "{}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        )
    };
    assert!(status.status.success(), "status: {}", text(&status));
    let json: serde_json::Value = serde_json::from_slice(&status.stdout).unwrap();
    assert_eq!(
        of_lang(&json, "nb")["translated"],
        1,
        "the stored translation is read: {json}"
    );
    // The check runs to its verdict (nb is far from done: exit 1), not to a
    // store error (exit 2), and counts the stored translation.
    assert_eq!(check.status.code(), Some(1), "check: {}", text(&check));
    assert!(text(&check).contains("0.5% translated"), "{}", text(&check));
    assert!(!text(&check).contains("readonly"), "{}", text(&check));
    assert!(search.status.success(), "tm search: {}", text(&search));
    assert!(
        explain.status.success(),
        "adopt --explain: {}",
        text(&explain)
    );
    assert_eq!(
        std::fs::read(&database).unwrap(),
        before,
        "the store is as it was"
    );
}

// --- Deep nesting ----------------------------------------------------------

/// The issue's postings (10,000 nested `*`, 20,000 nested `<span>`) once
/// overflowed the stack of sync's worker threads (abort, exit 134). Kept
/// here so that it stays fixed for the commands that walk postings on
/// worker threads.
#[test]
fn deeply_nested_postings_are_synced_built_and_checked() {
    let dir = example_sources("");
    let front = "---\ntitle: \"Djup\"\n---\n";
    std::fs::write(
        dir.path().join("content/sv/career/stars.md"),
        format!("{front}{}a{}\n", "*".repeat(10_000), "*".repeat(10_000)),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("content/sv/career/spans.md"),
        format!(
            "{front}{}a{}\n",
            "<span>".repeat(20_000),
            "</span>".repeat(20_000)
        ),
    )
    .unwrap();
    succeed(tolkar_in(dir.path()).arg("sync"));
    succeed(tolkar_in(dir.path()).args(["build", "--lang", "da"]));
    assert!(dir.path().join("content/da/career/spans.md").is_file());
    // Nothing is translated here: the check judges, it does not crash.
    let output = tolkar_in(dir.path())
        .args(["check", "--allow-empty"])
        .output()
        .unwrap();
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "{}",
        stderr_of(&output)
    );
}

// --- A translate command that floods its output ----------------------------

/// `yes` as the translate command: stopped at the output cap within
/// seconds (not at its 60 s timeout), nothing stored, exit 2.
#[test]
fn a_translate_command_that_floods_stdout_is_stopped_at_the_cap() {
    let dir =
        example_sources("[limits]\ntranslate_output = \"200 kB\"\ntranslate_line = \"1 kB\"\n");
    succeed(tolkar_in(dir.path()).arg("sync"));
    let started = Instant::now();
    let translate = |command: &str| {
        let output = tolkar_in(dir.path())
            .args(["translate", "--lang", "da", "--timeout", "60", "--command"])
            .arg(command)
            .output()
            .unwrap();
        let stderr = stderr_of(&output);
        assert_eq!(output.status.code(), Some(2), "{command}: {stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
        stderr
    };
    let stderr = translate("yes");
    assert!(
        stderr.contains(
            "the machine-translation command wrote more than 200 kB for one batch ([limits] translate_output in tolkar.toml), so it was stopped and nothing of this batch was stored (yes)"
        ),
        "{stderr}"
    );
    // One long line without end: the line cap.
    let stderr = translate("yes | tr -d '\\n'");
    assert!(
        stderr.contains(
            "wrote a line longer than 1 kB (line 1 of its output; [limits] translate_line"
        ),
        "{stderr}"
    );
    // Not the 60 s timeout (twice) that stopped it.
    assert!(
        started.elapsed() < Duration::from_secs(40),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(of_lang(&status(dir.path()), "da")["translated"], 0);
}

// --- Hostile configuration paths -------------------------------------------

/// A configuration that would make build write outside the site or over
/// the sources is refused, naming the file and line.
#[test]
fn a_configuration_that_would_write_outside_or_over_the_sources_is_refused() {
    for (config, says) in [
        (
            "source_language = \"sv\"\ntarget_languages = [\"../../escape\"]\n",
            "tolkar.toml:2:1: invalid configuration: \"../../escape\" is no language code",
        ),
        (
            "source_language = \"sv\"\ntarget_languages = [\"da\", \"SV\"]\n",
            "tolkar.toml:2:1: invalid configuration: the source language sv is also a target",
        ),
        (
            "source_language = \"sv\"\ntarget_languages = [\"da\"]\n\n[links]\npattern = \"/{lang}/\"\n",
            "tolkar.toml:4:1: invalid configuration: [links] pattern \"/{lang}/\" has no {path}",
        ),
        (
            "source_language = \"sv\"\ntarget_languages = [\"da\"]\n\n[links]\nlocalize = [\"xx\"]\n",
            "tolkar.toml:4:1: invalid configuration: [links] localize names xx, which is not a target language",
        ),
        (
            "source_language = \"sv\"\ntarget_languages = [\"da\"]\n\n[content_dirs]\nda = \"../outside/da\"\n",
            "tolkar.toml:5:1: invalid configuration: da = \"../outside/da\" is not a directory inside the site",
        ),
        (
            "source_language = \"sv\"\ntarget_languages = [\"da\"]\nstate = \"../state\"\n",
            "tolkar.toml:3:1: invalid configuration: state = \"../state\" is not a directory inside the site",
        ),
        (
            "source_language = \"sv\"\ntarget_languages = [\"da\"]\ncontent_dir = \"/tmp\"\n",
            "tolkar.toml:3:1: invalid configuration: content_dir = \"/tmp\" is not a directory inside the site",
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("tolkar.toml"), config).unwrap();
        let output = tolkar_in(dir.path()).arg("build").output().unwrap();
        let stderr = stderr_of(&output);
        assert_eq!(output.status.code(), Some(2), "{stderr}");
        assert!(stderr.contains(says), "{stderr}");
    }
}
