//! Arbitrary bytes into every exchange-file reader, as `import` reads a
//! file: the format detected from a file name and the first bytes
//! (`Format::detect`), then the reader of each format (`exchange::read`:
//! XLIFF 2, XLIFF 1.2, PO, CSV, JSON) on the text, whatever the detection
//! says.
//!
//! No reader may panic; errors are fine (most random bytes are no
//! exchange file). Each unit a reader accepts goes through what import
//! does with it next: its id split into path and key, its placeholders
//! checked against its source. A unit's line, which messages show, is
//! 1-based. Import reads a file unit by unit (`exchange::read_each`) and
//! only falls back to `read` for the error: both must take in the same
//! files and find the same units.

#![no_main]

use libfuzzer_sys::fuzz_target;
use tolkar::exchange::{self, Format, id};
use tolkar::segment::placeholder;

fuzz_target!(|data: &[u8]| {
    for name in ["in.xlf", "in.po", "in.csv", "in.json", "in"] {
        let _ = Format::detect(name, data);
    }
    // Import refuses a file that is not UTF-8 before a reader sees it; the
    // readers still get every text the bytes come near.
    let text = String::from_utf8_lossy(data);
    for format in Format::ALL {
        let mut streamed = Vec::new();
        let each = exchange::read_each(format, &mut text.as_bytes(), &mut |u| streamed.push(u));
        let whole = exchange::read(format, &text);
        assert_eq!(whole.is_ok(), each.is_ok(), "{format}: the readers disagree");
        let Ok(file) = whole else {
            continue;
        };
        assert_eq!(streamed, file.units, "{format}: other units streamed");
        for unit in &file.units {
            assert!(unit.line >= 1, "{format}: unit {:?} on line 0", unit.id);
            let _ = id::split(&unit.id);
            if let (Some(source), Some(target)) = (&unit.source, &unit.target) {
                let _ = placeholder::check(source, target);
            }
        }
    }
});
