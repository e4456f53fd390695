//! Arbitrary bytes into the readers of the committed text state, as a
//! command reads a state file edited by hand, by a translation tool, or
//! left half-merged by git: a posting's PO file (`format::read`), a
//! language's `built.txt` (`built::read`), and a base patch applied to a
//! posting (`patch::apply`).
//!
//! No reader may panic; errors are fine. What the PO reader accepts is
//! written again and must read back the same (the same state always
//! gives the same bytes), and a conflict marker is never accepted.

#![no_main]

use libfuzzer_sys::fuzz_target;
use tolkar::textstate::{built, format, patch};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(file) = format::read(&text, "fuzz.po") {
        assert!(!text.lines().any(format::is_conflict_marker));
        let written = format::write(&file);
        let again = format::read(&written, "fuzz.po").expect("what tolkar writes reads back");
        assert_eq!(format::write(&again), written);
    }
    if let Ok(rows) = built::read(&text) {
        for row in &rows {
            if let Some(p) = &row.patch {
                let _ = patch::apply(&text, p);
            }
        }
    }
    // A patch made from any two texts gives back the second.
    if let Some((a, b)) = text.split_once('\u{0}') {
        assert_eq!(patch::apply(a, &patch::make(a, b)).as_deref(), Some(b));
    }
});
