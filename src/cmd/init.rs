//! `tolkar init`: write a `tolkar.toml` for the site in this directory.

use std::path::Path;

use super::{Failure, note};
use crate::cli::LayoutArg;
use crate::i18n::Messages;
use crate::project::{CONFIG_FILE, Config, Layout};
use crate::tr;

pub fn run(
    dir: &Path,
    source: &str,
    targets: &[String],
    layout: LayoutArg,
    force: bool,
    messages: &Messages,
) -> Result<u8, Failure> {
    let path = dir.join(CONFIG_FILE);
    if path.exists() && !force {
        return Err(Failure::new(
            "error-config-exists",
            vec![("path", path.display().to_string())],
        ));
    }
    let layout = match layout {
        LayoutArg::ByDirectory => Layout::ByDirectory,
        LayoutArg::ByFilename => Layout::ByFilename,
    };
    let config = Config::new(source, targets, layout);
    let body = toml_edit::ser::to_string_pretty(&config).expect("the configuration serializes");
    let text = format!(
        "# tolkar configuration: see docs/config.md for every key.\n\
         # Shortcode rules: [shortcodes.NAME] with params = [\"…\"], positional = [0],\n\
         # not_text = [\"…\"] and content = \"markdown\" | \"verbatim\".\n\n{body}"
    );
    crate::output::write_atomically(&path, text.as_bytes()).map_err(|e| Failure::io(&path, &e))?;
    note(&tr!(
        messages,
        "init-written",
        path = path.display().to_string(),
        source = source,
        targets = targets.join(", "),
        layout = layout.as_str(),
    ));
    Ok(0)
}
