//! Machine translation through a command the user chooses. tolkar runs
//! it with `sh -c`, writes one JSON object per line to its stdin
//! (`id`, `source_lang`, `target_lang`, `text`, `context`) and reads one
//! per line from its stdout (`id`, `text`). Segment text is never put on
//! the command line. A run that fails, hangs past the timeout, prints
//! something that is not an answer, or leaves a request unanswered gives
//! an error and no answers at all.

use std::collections::{HashMap, HashSet};
use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

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
}

/// Runs `command` once for `requests` and returns an answer to each.
pub fn translate(
    command: &str,
    requests: &[Request],
    timeout: Duration,
) -> Result<Vec<Answer>, MachineError> {
    let mut child = spawn(command)?;
    let mut input = String::new();
    for request in requests {
        input.push_str(&serde_json::to_string(request).expect("requests serialize"));
        input.push('\n');
    }
    let mut stdin = child.stdin.take().expect("piped");
    let stdout = child.stdout.take().expect("piped");
    let stderr = child.stderr.take().expect("piped");
    // Three threads, so that neither side can block the other on a full pipe.
    let writer = thread::spawn(move || {
        // A command that stops reading early is judged by its answers.
        let _ = stdin.write_all(input.as_bytes());
    });
    let reader = thread::spawn(move || -> std::io::Result<Vec<String>> {
        BufReader::new(stdout).lines().collect()
    });
    let errors = thread::spawn(move || {
        let mut text = String::new();
        let _ = BufReader::new(stderr)
            .take(64 * 1024)
            .read_to_string(&mut text);
        text
    });
    let status = wait(&mut child, timeout)?;
    let _ = writer.join();
    let lines = reader
        .join()
        .expect("reader thread")
        .map_err(MachineError::Pipe)?;
    let stderr = errors.join().unwrap_or_default();
    if !status.success() {
        return Err(MachineError::Exit {
            status: status.to_string(),
            stderr: last_lines(&stderr),
        });
    }
    answers(requests, &lines)
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

/// Waits for the command, killing it (and what it started) at the deadline.
fn wait(child: &mut Child, timeout: Duration) -> Result<std::process::ExitStatus, MachineError> {
    let deadline = Instant::now() + timeout;
    loop {
        if let Some(status) = child.try_wait().map_err(MachineError::Pipe)? {
            return Ok(status);
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
    unsafe {
        libc::kill(-group, libc::SIGKILL);
    }
}

#[cfg(not(unix))]
fn kill(child: &mut Child) {
    let _ = child.kill();
}

/// The answers in `lines`, each to a request, every request answered once.
fn answers(requests: &[Request], lines: &[String]) -> Result<Vec<Answer>, MachineError> {
    let asked: HashSet<&str> = requests.iter().map(|r| r.id.as_str()).collect();
    let mut found: HashMap<String, Answer> = HashMap::new();
    for (i, line) in lines.iter().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let answer: Answer = serde_json::from_str(line).map_err(|e| MachineError::Garbage {
            line: i + 1,
            reason: e.to_string(),
        })?;
        if !asked.contains(answer.id.as_str()) {
            return Err(MachineError::Unasked { id: answer.id });
        }
        if found.contains_key(&answer.id) {
            return Err(MachineError::Twice { id: answer.id });
        }
        found.insert(answer.id.clone(), answer);
    }
    requests
        .iter()
        .map(|r| {
            found
                .remove(&r.id)
                .ok_or_else(|| MachineError::Unanswered { id: r.id.clone() })
        })
        .collect()
}

/// The end of what the command said on stderr, for the error message.
fn last_lines(text: &str) -> String {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    lines[lines.len().saturating_sub(5)..].join(" | ")
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

    #[test]
    fn reads_answers_in_any_order() {
        let command =
            r#"cat >/dev/null; printf '{"id":"b","text":"B"}\n\n{"id":"a","text":"A"}\n'"#;
        let answers = translate(command, &requests(), SECOND).unwrap();
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
        let err = translate("echo oops >&2; exit 3", &requests(), SECOND).unwrap_err();
        assert!(
            matches!(&err, MachineError::Exit { stderr, .. } if stderr == "oops"),
            "{err}"
        );
        let err = translate("cat >/dev/null; echo '<html>'", &requests(), SECOND).unwrap_err();
        assert!(
            matches!(err, MachineError::Garbage { line: 1, .. }),
            "{err}"
        );
        let err = translate(
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
            translate(twice, &requests(), SECOND),
            Err(MachineError::Twice { .. })
        ));
    }

    #[test]
    fn a_hanging_command_is_stopped() {
        let started = Instant::now();
        let err = translate("sleep 30; cat", &requests(), Duration::from_millis(300)).unwrap_err();
        assert!(matches!(err, MachineError::Timeout { .. }), "{err}");
        assert!(started.elapsed() < Duration::from_secs(10));
    }
}
