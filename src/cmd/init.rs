//! `tolkar init`: write a `tolkar.toml` for the site in this directory,
//! from its Hugo configuration, postings and templates (`crate::hugo`),
//! with the flags as overrides.

use std::io::Write;
use std::path::Path;

use super::{Failure, note};
use crate::cli::{InitArgs, LayoutArg};
use crate::hugo::{self, Overrides};
use crate::i18n::Messages;
use crate::project::{CONFIG_FILE, Layout};
use crate::tr;

fn layout(arg: LayoutArg) -> Layout {
    match arg {
        LayoutArg::ByDirectory => Layout::ByDirectory,
        LayoutArg::ByFilename => Layout::ByFilename,
    }
}

pub fn run(
    dir: &Path,
    args: &InitArgs,
    messages: &Messages,
    out: &mut dyn Write,
) -> Result<u8, Failure> {
    let dry_run = args.dry_run;
    let overrides = Overrides {
        source: args.source.clone(),
        targets: args.targets.clone(),
        layout: args.layout.map(layout),
    };
    let path = dir.join(CONFIG_FILE);
    if path.exists() && !args.force && !dry_run {
        return Err(Failure::new(
            crate::msg_id!("error-config-exists"),
            vec![("path", path.display().to_string())],
        ));
    }
    let plan = hugo::plan(dir, &overrides)?;
    let text = hugo::render::render(&plan).map_err(|e| {
        Failure::new(
            crate::msg_id!("error-config-invalid"),
            vec![
                ("path", path.display().to_string()),
                ("line", e.at.line.to_string()),
                ("column", e.at.column.to_string()),
                ("reason", e.reason),
            ],
        )
    })?;
    if dry_run {
        out.write_all(text.as_bytes()).map_err(Failure::stdout)?;
    } else {
        crate::output::write_atomically(&path, text.as_bytes())
            .map_err(|e| Failure::io(&path, &e))?;
    }
    summary(&plan, &path, dry_run, messages);
    Ok(0)
}

/// A few lines on stderr: what was read and decided, and what to look at.
fn summary(plan: &hugo::Plan, path: &Path, dry_run: bool, messages: &Messages) {
    let site = &plan.site;
    if site.hugo_files.is_empty() {
        note(&tr!(messages, "init-no-hugo"));
    } else {
        note(&tr!(
            messages,
            "init-hugo-read",
            files = site.hugo_files.join(", ")
        ));
    }
    note(&tr!(
        messages,
        "init-postings",
        sources = plan.evidence.sources,
        pairs = plan.evidence.pairs,
    ));
    for exclude in &site.exclude {
        note(&tr!(messages, "init-shared", glob = exclude.value.as_str()));
    }
    if !plan.evidence.keyed.is_empty() {
        note(&tr!(
            messages,
            "init-translation-key",
            count = plan.evidence.keyed.len(),
        ));
    }
    let suggestions = &plan.suggestions;
    note(&tr!(
        messages,
        "init-suggested",
        keys = suggestions.front_matter.len(),
        shortcodes = suggestions.shortcodes.len(),
        templates = suggestions.templates,
    ));
    let undecided = site.undecided.len() + suggestions.undecided.len();
    if undecided > 0 {
        note(&tr!(messages, "init-undecided", count = undecided));
    }
    if !dry_run {
        note(&tr!(
            messages,
            "init-written",
            path = path.display().to_string(),
            source = plan.config.source_language.as_str(),
            targets = plan.config.target_languages.join(", "),
            layout = plan.config.layout.as_str(),
        ));
    }
}
