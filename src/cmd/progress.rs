//! A progress bar on stderr for work that takes a while. It appears once
//! the work has run [`SHOW_AFTER`] (about a second), whatever its size: a
//! sync of 5,000 postings that takes 300 ms shows nothing, a translate of
//! 20 segments through a slow engine shows its bar after a second. It never
//! appears where nobody would watch it: stderr not a terminal (pipes, CI
//! logs), the `CI` environment variable set, or `--quiet`.
//!
//! A thread started with the work wakes after [`SHOW_AFTER`] and draws the
//! bar if the work is still running, so that one long step (a batch of the
//! translate command) does not keep the bar hidden until it ends.

use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Mutex, OnceLock};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::sync::Progress;

/// Work that ends sooner needs no bar: it would only flicker.
pub const SHOW_AFTER: Duration = Duration::from_secs(1);

/// How often a bar on show is redrawn while no step ends (its clock runs).
const TICK: Duration = Duration::from_millis(200);

pub struct Bar {
    inner: Arc<Inner>,
    watcher: Mutex<Option<Watcher>>,
}

struct Inner {
    bar: ProgressBar,
    /// Whether anybody could watch the bar (a terminal, not CI, not
    /// `--quiet`); decided once.
    allowed: bool,
    /// When the work began: the first `start`.
    began: OnceLock<Instant>,
    shown: Mutex<bool>,
}

/// The thread that shows the bar once the work has run long enough;
/// dropping `stop` ends it.
struct Watcher {
    stop: mpsc::Sender<()>,
    thread: JoinHandle<()>,
}

/// Whether the bar of work that began `elapsed` ago is drawn now.
fn due(allowed: bool, elapsed: Duration) -> bool {
    allowed && elapsed >= SHOW_AFTER
}

/// Whether a person could be watching stderr.
fn watched() -> bool {
    use std::io::IsTerminal;
    !super::settings::get().quiet
        && std::env::var_os("CI").is_none()
        && std::io::stderr().is_terminal()
}

impl Bar {
    pub fn new(label: &str) -> Bar {
        Bar::with(label, watched())
    }

    fn with(label: &str, allowed: bool) -> Bar {
        let bar = ProgressBar::hidden();
        bar.set_style(
            ProgressStyle::with_template("{prefix} [{bar:30}] {pos}/{len} {elapsed}")
                .expect("the template is valid")
                .progress_chars("=> "),
        );
        bar.set_prefix(label.to_string());
        Bar {
            inner: Arc::new(Inner {
                bar,
                allowed,
                began: OnceLock::new(),
                shown: Mutex::new(false),
            }),
            watcher: Mutex::new(None),
        }
    }

    /// Whether the bar is drawn (on a terminal) now.
    #[cfg(test)]
    fn is_shown(&self) -> bool {
        *self.inner.shown.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn stop_watching(&self) {
        let watcher = self
            .watcher
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take();
        if let Some(Watcher { stop, thread }) = watcher {
            drop(stop);
            let _ = thread.join();
        }
    }
}

impl Inner {
    /// Shows the bar if the work, at `now`, has run long enough.
    fn show_if_due(&self, now: Instant) {
        let Some(began) = self.began.get() else {
            return;
        };
        let mut shown = self.shown.lock().unwrap_or_else(|e| e.into_inner());
        if !*shown && due(self.allowed, now.saturating_duration_since(*began)) {
            *shown = true;
            // Draws only if stderr is a terminal.
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
            self.bar.enable_steady_tick(TICK);
        }
    }
}

impl Progress for Bar {
    /// Starts the work, or a next part of it (adopt, per language): the
    /// bar counts `total` steps from 0; the clock runs from the first.
    fn start(&self, total: usize) {
        self.inner.bar.set_length(total as u64);
        self.inner.bar.set_position(0);
        if self.inner.began.set(Instant::now()).is_err() || !self.inner.allowed {
            return;
        }
        let (stop, wake) = mpsc::channel::<()>();
        let inner = Arc::clone(&self.inner);
        let thread = std::thread::spawn(move || {
            if let Err(RecvTimeoutError::Timeout) = wake.recv_timeout(SHOW_AFTER) {
                inner.show_if_due(Instant::now());
            }
        });
        *self.watcher.lock().unwrap_or_else(|e| e.into_inner()) = Some(Watcher { stop, thread });
    }

    fn advance(&self) {
        self.inner.bar.inc(1);
    }

    fn finish(&self) {
        self.stop_watching();
        self.inner.bar.disable_steady_tick();
        self.inner.bar.finish_and_clear();
    }
}

/// Work that stops early (an error) clears its bar too.
impl Drop for Bar {
    fn drop(&mut self) {
        self.finish();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bar_shows_after_a_second_of_work_whatever_its_size() {
        let bar = Bar::with("translate", true);
        bar.start(3);
        let began = *bar.inner.began.get().unwrap();
        bar.inner.show_if_due(began + Duration::from_millis(400));
        assert!(!bar.is_shown(), "too early");
        bar.inner.show_if_due(began + Duration::from_millis(1100));
        assert!(bar.is_shown(), "three steps that take over a second");
        bar.finish();
    }

    #[test]
    fn the_bar_never_shows_where_nobody_watches() {
        let bar = Bar::with("sync", false);
        bar.start(100_000);
        let began = *bar.inner.began.get().unwrap();
        bar.inner.show_if_due(began + Duration::from_secs(60));
        assert!(!bar.is_shown());
        assert!(!due(false, Duration::from_secs(3600)));
        assert!(!due(true, Duration::from_millis(999)));
        assert!(due(true, SHOW_AFTER));
    }

    #[test]
    fn the_watcher_shows_the_bar_during_one_long_step() {
        let bar = Bar::with("translate", true);
        bar.start(1);
        std::thread::sleep(SHOW_AFTER);
        // The watcher wakes a little after: wait for it, generously.
        let deadline = Instant::now() + Duration::from_secs(20);
        while !bar.is_shown() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(50));
        }
        assert!(bar.is_shown(), "no step ended, the bar is on show");
        bar.finish();
        // Quick work: finished before the watcher wakes, never shown.
        let quick = Bar::with("sync", true);
        quick.start(10);
        quick.finish();
        assert!(!quick.is_shown());
    }
}
