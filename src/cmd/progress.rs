//! A progress bar on stderr for long work; hidden when stderr is not a
//! terminal (CI, pipes) and for small jobs, where it would only flicker.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::sync::Progress;

/// Below this many postings the work is too quick to need a bar.
const WORTH_SHOWING: usize = 500;

pub struct Bar {
    bar: ProgressBar,
}

impl Bar {
    pub fn new(label: &str) -> Bar {
        let bar = ProgressBar::hidden();
        bar.set_style(
            ProgressStyle::with_template("{prefix} [{bar:30}] {pos}/{len}")
                .expect("the template is valid")
                .progress_chars("=> "),
        );
        bar.set_prefix(label.to_string());
        Bar { bar }
    }
}

impl Progress for Bar {
    fn start(&self, total: usize) {
        self.bar.set_length(total as u64);
        let quiet = super::settings::get().quiet;
        if total >= WORTH_SHOWING && std::env::var_os("CI").is_none() && !quiet {
            // Draws only if stderr is a terminal.
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
        }
    }

    fn advance(&self) {
        self.bar.inc(1);
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
