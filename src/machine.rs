//! Machine translation through a command the user chooses. tolkar runs
//! it with `sh -c`, writes one JSON object per line to its stdin
//! (`id`, `source_lang`, `target_lang`, `text`, `context`) and reads one
//! per line from its stdout (`id`, `text`). Segment text is never put on
//! the command line. A run that fails, hangs past the timeout, prints
//! something that is not an answer, or leaves a request unanswered gives
//! an error and no answers at all. Its output is read line by line and
//! capped ([`OutputLimits`]): a command that floods stdout is stopped at
//! the cap, not buffered until its timeout.

use std::collections::{HashMap, HashSet};
use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex, PoisonError, mpsc};
use std::thread;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use crate::limits::ByteSize;

/// One segment to translate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Request {
    pub id: String,
    pub source_lang: String,
    pub target_lang: String,
    /// With placeholders, which the answer must keep.
    pub text: String,
    /// Where the segment is: `path:line (kind)`.
    pub context: String,
}

/// One translation the command gave back.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Answer {
    pub id: String,
    pub text: String,
}

#[derive(Debug, thiserror::Error)]
pub enum MachineError {
    #[error("cannot start the command: {0}")]
    Start(std::io::Error),
    #[error("the command failed ({status}): {stderr}")]
    Exit { status: String, stderr: String },
    #[error("the command took longer than {seconds} s and was stopped")]
    Timeout { seconds: u64 },
    #[error("line {line} of the command's output is not an answer: {reason}")]
    Garbage { line: usize, reason: String },
    #[error("the command answered {id}, which was not asked")]
    Unasked { id: String },
    #[error("the command answered {id} twice")]
    Twice { id: String },
    #[error("the command gave no answer for {id}")]
    Unanswered { id: String },
    #[error("cannot talk to the command: {0}")]
    Pipe(std::io::Error),
    #[error("line {line} of the command's output is longer than {limit}; the command was stopped")]
    LineTooLong { line: usize, limit: ByteSize },
    #[error("the command wrote more than {limit}; it was stopped")]
    TooMuchOutput { limit: ByteSize },
}

impl MachineError {
    /// Whether the command was stopped for writing too much.
    fn is_over_limit(&self) -> bool {
        matches!(
            self,
            MachineError::LineTooLong { .. } | MachineError::TooMuchOutput { .. }
        )
    }
}

/// The most the command may write on stdout in one run. Only its answers
/// are kept, but a command that never stops writing would never be done
/// with: past a limit it is stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutputLimits {
    /// One line (one answer), without its line end.
    pub line: ByteSize,
    /// All lines, line ends included.
    pub total: ByteSize,
}

impl From<&crate::limits::Limits> for OutputLimits {
    fn from(limits: &crate::limits::Limits) -> OutputLimits {
        OutputLimits {
            line: limits.translate_line,
            total: limits.translate_output,
        }
    }
}

/// How much of the end of the command's stderr is kept for the error message.
const STDERR_KEPT: usize = 16 * 1024;
/// How long, past the deadline, the rest of the output may take to arrive
/// once the command has exited.
const GRACE: Duration = Duration::from_secs(2);
/// The longest timeout honoured, so that the deadline stays representable.
const LONGEST: Duration = Duration::from_secs(365 * 24 * 60 * 60);

/// Runs `command` once for `requests` and returns an answer to each.
pub fn translate(
    command: &str,
    requests: &[Request],
    timeout: Duration,
    limits: OutputLimits,
) -> Result<Vec<Answer>, MachineError> {
    let deadline = Instant::now() + timeout.min(LONGEST);
    let mut child = spawn(command)?;
    let mut input = String::new();
    for request in requests {
        input.push_str(&serde_json::to_string(request).expect("requests serialize"));
        input.push('\n');
    }
    let mut stdin = child.stdin.take().expect("piped");
    let stdout = child.stdout.take().expect("piped");
    let stderr = child.stderr.take().expect("piped");
    // Three threads, so that neither side can block the other on a full
    // pipe. None is waited for past the deadline: something the command
    // left behind may hold a pipe open, and the threads then end only
    // when it does.
    thread::spawn(move || {
        // A command that stops reading early is judged by its answers.
        let _ = stdin.write_all(input.as_bytes());
    });
    let (answers_sent, answers_read) = mpsc::channel();
    let asked: HashSet<String> = requests.iter().map(|r| r.id.clone()).collect();
    thread::spawn(move || {
        let mut stdout = stdout;
        let read = read_answers(&mut stdout, &asked, limits);
        // Sent before the pipe closes: a command that then dies of
        // SIGPIPE is seen to have been stopped for its output.
        let _ = answers_sent.send(read);
        drop(stdout);
    });
    let tail = Arc::new(Mutex::new(Vec::new()));
    let (drained_sent, drained) = mpsc::channel();
    thread::spawn({
        let tail = Arc::clone(&tail);
        move || {
            drain(stderr, &tail);
            let _ = drained_sent.send(());
        }
    });
    let (status, early) = wait(&mut child, deadline, timeout, &answers_read)?;
    // The shell has exited; what it left running is stopped too, so that
    // the pipes close once what was written to them is read.
    kill(&mut child);
    let limit = deadline + GRACE;
    // Read to its end, or stopped at a cap while the command exited.
    let early = match early.or_else(|| answers_read.try_recv().ok()) {
        Some(Err(e)) if e.is_over_limit() => return Err(e),
        early => early,
    };
    if !status.success() {
        let _ = drained.recv_timeout(limit.saturating_duration_since(Instant::now()));
        return Err(MachineError::Exit {
            status: status.to_string(),
            stderr: last_lines(&kept(&tail)),
        });
    }
    let received = match early {
        Some(read) => Ok(read),
        None => answers_read.recv_timeout(limit.saturating_duration_since(Instant::now())),
    };
    let found = match received {
        Ok(found) => found?,
        Err(mpsc::RecvTimeoutError::Timeout) => {
            return Err(MachineError::Timeout {
                seconds: timeout.as_secs(),
            });
        }
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            return Err(MachineError::Pipe(std::io::Error::other(
                "reading the output failed",
            )));
        }
    };
    answers(requests, found)
}

/// The answers in the command's output, read as they come: blank lines
/// skipped, every other line an answer to a request not answered yet.
/// After the first line that is not, the rest is read and dropped (the
/// command's exit status may explain it better). Stops at once at a line
/// or a total over `limits`: nothing is kept but the answers.
fn read_answers(
    from: impl Read,
    asked: &HashSet<String>,
    limits: OutputLimits,
) -> Result<HashMap<String, Answer>, MachineError> {
    let mut reader = BufReader::new(from);
    let mut found = HashMap::new();
    let mut wrong = None;
    let mut total: u64 = 0;
    let mut number = 0;
    let mut line = Vec::new();
    loop {
        line.clear();
        // The longest line allowed and its `\r\n`; one byte more tells.
        let room = limits.line.bytes().saturating_add(3);
        let read = (&mut reader)
            .take(room)
            .read_until(b'\n', &mut line)
            .map_err(MachineError::Pipe)?;
        if read == 0 {
            return wrong.map_or(Ok(found), Err);
        }
        total = total.saturating_add(read as u64);
        if total > limits.total.bytes() {
            return Err(MachineError::TooMuchOutput {
                limit: limits.total,
            });
        }
        number += 1;
        let text = line.strip_suffix(b"\n").unwrap_or(&line);
        let text = text.strip_suffix(b"\r").unwrap_or(text);
        if text.len() as u64 > limits.line.bytes() {
            return Err(MachineError::LineTooLong {
                line: number,
                limit: limits.line,
            });
        }
        if wrong.is_none()
            && let Err(e) = take_answer(text, number, asked, &mut found)
        {
            wrong = Some(e);
        }
    }
}

/// Adds the answer on line `number` to `found`, unless the line is blank.
fn take_answer(
    line: &[u8],
    number: usize,
    asked: &HashSet<String>,
    found: &mut HashMap<String, Answer>,
) -> Result<(), MachineError> {
    let line = std::str::from_utf8(line).map_err(|_| MachineError::Garbage {
        line: number,
        reason: "not UTF-8".into(),
    })?;
    if line.trim().is_empty() {
        return Ok(());
    }
    let answer: Answer = serde_json::from_str(line).map_err(|e| MachineError::Garbage {
        line: number,
        reason: e.to_string(),
    })?;
    if !asked.contains(&answer.id) {
        return Err(MachineError::Unasked { id: answer.id });
    }
    if found.contains_key(&answer.id) {
        return Err(MachineError::Twice { id: answer.id });
    }
    found.insert(answer.id.clone(), answer);
    Ok(())
}

/// Reads `from` to its end, keeping about the last [`STDERR_KEPT`] bytes.
fn drain(mut from: impl Read, tail: &Mutex<Vec<u8>>) {
    let mut buffer = [0; 8 * 1024];
    loop {
        match from.read(&mut buffer) {
            Ok(0) => return,
            Ok(n) => {
                let mut kept = tail.lock().unwrap_or_else(PoisonError::into_inner);
                kept.extend_from_slice(&buffer[..n]);
                if kept.len() > 2 * STDERR_KEPT {
                    let cut = kept.len() - STDERR_KEPT;
                    kept.drain(..cut);
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) => return,
        }
    }
}

/// The last [`STDERR_KEPT`] bytes in `tail`, as text.
fn kept(tail: &Mutex<Vec<u8>>) -> String {
    let kept = tail.lock().unwrap_or_else(PoisonError::into_inner);
    let mut start = kept.len().saturating_sub(STDERR_KEPT);
    // Not from the middle of a character.
    while kept.get(start).is_some_and(|b| b & 0xC0 == 0x80) {
        start += 1;
    }
    String::from_utf8_lossy(&kept[start..]).into_owned()
}

#[cfg(unix)]
fn spawn(command: &str) -> Result<Child, MachineError> {
    use std::os::unix::process::CommandExt;
    Command::new("sh")
        .arg("-c")
        .arg(command)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        // Its own process group, so a timeout stops everything it started.
        .process_group(0)
        .spawn()
        .map_err(MachineError::Start)
}

#[cfg(not(unix))]
fn spawn(command: &str) -> Result<Child, MachineError> {
    Command::new("cmd")
        .arg("/C")
        .arg(command)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(MachineError::Start)
}

/// The answers read from the command's output, if reading ended.
type Output = Option<Result<HashMap<String, Answer>, MachineError>>;

/// Waits for the command, killing it (and what it started) at the deadline
/// or as soon as its output goes over a limit. Returns its exit status,
/// and its output if reading it ended first.
fn wait(
    child: &mut Child,
    deadline: Instant,
    timeout: Duration,
    answers_read: &mpsc::Receiver<Result<HashMap<String, Answer>, MachineError>>,
) -> Result<(std::process::ExitStatus, Output), MachineError> {
    let mut output: Output = None;
    loop {
        if output.is_none()
            && let Ok(read) = answers_read.try_recv()
        {
            match read {
                Err(e) if e.is_over_limit() => {
                    kill(child);
                    let _ = child.wait();
                    return Err(e);
                }
                read => output = Some(read),
            }
        }
        if let Some(status) = child.try_wait().map_err(MachineError::Pipe)? {
            return Ok((status, output));
        }
        if Instant::now() >= deadline {
            kill(child);
            let _ = child.wait();
            return Err(MachineError::Timeout {
                seconds: timeout.as_secs(),
            });
        }
        thread::sleep(Duration::from_millis(10));
    }
}

#[cfg(unix)]
fn kill(child: &mut Child) {
    let group = child.id() as libc::pid_t;
    // SAFETY: kill(2) with a process group id we created; no memory involved.
    // ESRCH (nothing left in the group) is fine.
    unsafe {
        libc::kill(-group, libc::SIGKILL);
    }
}

#[cfg(not(unix))]
fn kill(child: &mut Child) {
    let _ = child.kill();
}

/// The answer to each request, in the order of the requests.
fn answers(
    requests: &[Request],
    mut found: HashMap<String, Answer>,
) -> Result<Vec<Answer>, MachineError> {
    requests
        .iter()
        .map(|r| {
            found
                .remove(&r.id)
                .ok_or_else(|| MachineError::Unanswered { id: r.id.clone() })
        })
        .collect()
}

/// The end of what the command said on stderr, for the error message:
/// the last five lines, each cut short if long.
fn last_lines(text: &str) -> String {
    const LONGEST: usize = 200;
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    lines[lines.len().saturating_sub(5)..]
        .iter()
        .map(|line| match line.char_indices().nth(LONGEST) {
            Some((at, _)) => format!("{}…", &line[..at]),
            None => line.to_string(),
        })
        .collect::<Vec<_>>()
        .join(" | ")
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    fn requests() -> Vec<Request> {
        ["a", "b"]
            .map(|id| Request {
                id: id.into(),
                source_lang: "sv".into(),
                target_lang: "en".into(),
                text: format!("text {id}"),
                context: "content/sv/a.md:1 (paragraph)".into(),
            })
            .to_vec()
    }

    const SECOND: Duration = Duration::from_secs(10);

    /// Runs with the default output limits.
    fn run(
        command: &str,
        requests: &[Request],
        timeout: Duration,
    ) -> Result<Vec<Answer>, MachineError> {
        translate(
            command,
            requests,
            timeout,
            (&crate::limits::Limits::default()).into(),
        )
    }

    #[test]
    fn reads_answers_in_any_order() {
        let command =
            r#"cat >/dev/null; printf '{"id":"b","text":"B"}\n\n{"id":"a","text":"A"}\n'"#;
        let answers = run(command, &requests(), SECOND).unwrap();
        assert_eq!(
            answers[0],
            Answer {
                id: "a".into(),
                text: "A".into()
            }
        );
        assert_eq!(answers[1].text, "B");
    }

    #[test]
    fn a_broken_command_gives_no_answers() {
        let err = run("echo oops >&2; exit 3", &requests(), SECOND).unwrap_err();
        assert!(
            matches!(&err, MachineError::Exit { stderr, .. } if stderr == "oops"),
            "{err}"
        );
        let err = run("cat >/dev/null; echo '<html>'", &requests(), SECOND).unwrap_err();
        assert!(
            matches!(err, MachineError::Garbage { line: 1, .. }),
            "{err}"
        );
        let err = run(
            r#"cat >/dev/null; echo '{"id":"a","text":"A"}'"#,
            &requests(),
            SECOND,
        )
        .unwrap_err();
        assert!(
            matches!(err, MachineError::Unanswered { ref id } if id == "b"),
            "{err}"
        );
        let twice = r#"cat >/dev/null; echo '{"id":"a","text":"A"}'; echo '{"id":"a","text":"A"}'"#;
        assert!(matches!(
            run(twice, &requests(), SECOND),
            Err(MachineError::Twice { .. })
        ));
    }

    #[test]
    fn a_hanging_command_is_stopped() {
        let started = Instant::now();
        let err = run("sleep 30; cat", &requests(), Duration::from_millis(300)).unwrap_err();
        assert!(matches!(err, MachineError::Timeout { .. }), "{err}");
        assert!(started.elapsed() < Duration::from_secs(10));
    }

    /// Answers both requests of [`requests`].
    const ANSWERS: &str = r#"printf '{"id":"a","text":"A"}\n{"id":"b","text":"B"}\n'"#;
    /// Sets `$l` to a line of 100 characters.
    const LINE: &str = "l=xxxxxxxxxx; l=$l$l$l$l$l$l$l$l$l$l";
    /// Generous: only there to catch a hang.
    const HANG: Duration = Duration::from_secs(15);

    #[test]
    fn a_chatty_command_is_heard_to_the_end() {
        // About 200 KB on stderr; the shell dies of SIGPIPE if it is not read.
        let command = format!(
            "cat >/dev/null; {LINE}; i=0; while [ $i -lt 2000 ]; do printf '%s\\n' \"$l\" >&2; i=$((i+1)); done; {ANSWERS}"
        );
        let answers = run(&command, &requests(), SECOND).unwrap();
        assert_eq!(answers.len(), 2);
        assert_eq!(answers[1].text, "B");
    }

    #[test]
    fn what_a_command_leaves_running_is_stopped() {
        // The shell exits normally after answering; the background sleep
        // holding stdout open is killed with the group, so the answers stand.
        let started = Instant::now();
        let command = format!("cat >/dev/null; {ANSWERS}; sleep 30 &");
        let answers = run(&command, &requests(), Duration::from_secs(1)).unwrap();
        assert_eq!(answers.len(), 2);
        assert!(started.elapsed() < HANG);
        // Nothing answered before the shell exited: still unanswered.
        let started = Instant::now();
        let err = run(
            "cat >/dev/null; (sleep 30; echo late) &",
            &requests(),
            Duration::from_secs(1),
        )
        .unwrap_err();
        assert!(matches!(err, MachineError::Unanswered { .. }), "{err}");
        assert!(started.elapsed() < HANG);
    }

    #[test]
    fn output_held_open_past_the_deadline_is_a_timeout() {
        // Out of the process group, so it cannot be killed with it.
        if !Command::new("sh")
            .args(["-c", "command -v setsid"])
            .stdout(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
        {
            return;
        }
        let started = Instant::now();
        // The shell exits only once the sleep has left the group: it tells
        // on fd 3 after setsid.
        let command = format!(
            "cat >/dev/null; {ANSWERS}; exec 4>&1; \
             {{ setsid sh -c 'echo >&3; exec sleep 8' 3>&1 >&4 4>&- & }} | read x"
        );
        let err = run(&command, &requests(), Duration::from_secs(1)).unwrap_err();
        assert!(matches!(err, MachineError::Timeout { .. }), "{err}");
        assert!(started.elapsed() < HANG);
    }

    #[test]
    fn a_long_complaint_is_cut_short() {
        // 100 KB on one line, then a last word.
        let command = format!(
            "cat >/dev/null; {LINE}; i=0; while [ $i -lt 1000 ]; do printf '%s' \"$l\" >&2; i=$((i+1)); done; echo >&2; echo 'last words' >&2; exit 1"
        );
        let err = run(&command, &requests(), SECOND).unwrap_err();
        let message = err.to_string();
        assert!(matches!(err, MachineError::Exit { .. }), "{message}");
        assert!(message.len() < 2_000, "{message}");
        assert!(message.ends_with("x… | last words"), "{message}");
        // Cut between characters, never inside one.
        let line = "å".repeat(500);
        assert_eq!(last_lines(&line), format!("{}…", "å".repeat(200)));
        let many = "1\n2\n\n3\n4\n5\n6\n";
        assert_eq!(last_lines(many), "2 | 3 | 4 | 5 | 6");
    }

    fn capped(line: u64, total: u64) -> OutputLimits {
        OutputLimits {
            line: ByteSize(line),
            total: ByteSize(total),
        }
    }

    #[test]
    fn a_flood_is_stopped_at_the_cap_not_at_the_timeout() {
        let started = Instant::now();
        let long = Duration::from_secs(60);
        // Lines without end: `yes` never exits on its own.
        let err = translate("yes", &requests(), long, capped(1_000, 100_000)).unwrap_err();
        assert!(
            matches!(err, MachineError::TooMuchOutput { limit } if limit == ByteSize(100_000)),
            "{err}"
        );
        // One line without end.
        let err = translate(
            "yes | tr -d '\\n'",
            &requests(),
            long,
            capped(1_000, 100_000),
        )
        .unwrap_err();
        assert!(
            matches!(err, MachineError::LineTooLong { line: 1, .. }),
            "{err}"
        );
        assert!(started.elapsed() < Duration::from_secs(20));
        // Right at the caps is fine: each answer is 21 bytes, 22 with its
        // line end.
        let answers = translate(
            &format!("cat >/dev/null; {ANSWERS}"),
            &requests(),
            SECOND,
            capped(21, 44),
        )
        .unwrap();
        assert_eq!(answers.len(), 2);
        let err = translate(
            &format!("cat >/dev/null; {ANSWERS}"),
            &requests(),
            SECOND,
            capped(20, 44),
        )
        .unwrap_err();
        assert!(matches!(err, MachineError::LineTooLong { .. }), "{err}");
        let err = translate(
            &format!("cat >/dev/null; {ANSWERS}"),
            &requests(),
            SECOND,
            capped(21, 43),
        )
        .unwrap_err();
        assert!(matches!(err, MachineError::TooMuchOutput { .. }), "{err}");
    }
}
