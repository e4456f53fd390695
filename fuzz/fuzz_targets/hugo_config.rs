//! Arbitrary bytes, as a Hugo configuration file, into every reader.
//!
//! Each input is read as TOML, YAML and JSON, as the root file and as the
//! files of `config/_default/` (where `languages.*` and `module.*` are
//! wrapped in their key), alone and together: a clean `ConfigError` is
//! fine, a panic is not. What parses is then merged and its values read
//! as `init` reads them. Bytes that are no UTF-8 are skipped: `read`
//! refuses them before any parser sees them.

#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use tolkar::hugo::config::{from_texts, parse};

const NAMES: [&str; 8] = [
    "hugo.toml",
    "hugo.yaml",
    "hugo.json",
    "config/_default/hugo.yml",
    "config/_default/languages.toml",
    "config/_default/languages.yaml",
    "config/_default/module.json",
    "config/_default/module.toml",
];

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for name in NAMES {
        if let Err(e) = parse(Path::new(name), text) {
            assert!(e.at.line >= 1 && e.at.column >= 1, "{name}: {e}");
        }
        let files = [(name.to_string(), text.to_string())];
        if let Ok(Some(config)) = from_texts(Path::new("site"), &files) {
            let _ = (config.default_language(), config.content_dir());
        }
    }
    let together: Vec<(String, String)> = NAMES
        .iter()
        .map(|name| (name.to_string(), text.to_string()))
        .collect();
    let _ = from_texts(Path::new("site"), &together);
});
