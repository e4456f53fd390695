//! Turns `locales/en/tolkar.ftl` into the message catalogue the code is
//! checked against at compile time: `tr!` and `msg_id!` refuse an id that
//! English does not have, and `tr!` a variable the message does not use or
//! one it uses but is not given.

#[path = "src/i18n/variables.rs"]
mod variables;

use std::fmt::Write as _;

fn main() {
    let path = "locales/en/tolkar.ftl";
    println!("cargo::rerun-if-changed={path}");
    println!("cargo::rerun-if-changed=src/i18n/variables.rs");
    let source = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let messages = variables::messages(&source).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut code = String::from(
        "/// Every message of locales/en/tolkar.ftl with the variables it uses.\n\
         pub const MESSAGES: &[(&str, &[&str])] = &[\n",
    );
    for (id, vars) in &messages {
        let vars: Vec<String> = vars.iter().map(|v| format!("{v:?}")).collect();
        let _ = writeln!(code, "    ({id:?}, &[{}]),", vars.join(", "));
    }
    code.push_str("];\n");
    let out = std::path::Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("messages.rs");
    std::fs::write(&out, code).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
}
