//! `tolkar pseudo FILE`: the posting reassembled with every segment
//! translated to itself (identity) or pseudo-translated (expand).

use std::io::Write;
use std::path::Path;

use super::{Failure, read_posting, rules_near};
use crate::cli::PseudoArgs;
use crate::cli::PseudoMode;
use crate::reassemble::{identity, reassemble};

pub fn run(dir: &Path, args: &PseudoArgs, out: &mut impl Write) -> Result<u8, Failure> {
    let near = rules_near(dir)?;
    let doc = read_posting(&dir.join(&args.file), &near)?;
    let text = match args.mode {
        PseudoMode::Identity => identity(&doc),
        PseudoMode::Expand => {
            let expanded: Vec<String> = doc
                .segments
                .iter()
                .map(|s| crate::pseudo::expand(&s.text))
                .collect();
            reassemble(&doc, |i| Some(expanded[i].as_str()), None)
                .expect("pseudo-translation keeps every placeholder")
        }
    };
    out.write_all(text.as_bytes()).map_err(Failure::stdout)?;
    Ok(0)
}
