//! The messages of a Fluent file and the variables each one uses, read
//! from Fluent's own syntax tree. Shared by `build.rs`, which turns the
//! English file into the catalogue that `tr!` and `msg_id!` check against
//! at compile time, and by the tests that hold every locale to the English
//! messages.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

/// Message id → the variables its value and attributes use; or the first
/// syntax error.
pub fn messages(source: &str) -> Result<BTreeMap<String, BTreeSet<String>>, String> {
    let resource = fluent_syntax::parser::parse(source)
        .map_err(|(_, errors)| format!("{:?}", errors.first()))?;
    let mut out = BTreeMap::new();
    for entry in resource.body {
        if let Entry::Message(message) = entry {
            let mut variables = BTreeSet::new();
            if let Some(value) = &message.value {
                pattern(value, &mut variables);
            }
            for attribute in &message.attributes {
                pattern(&attribute.value, &mut variables);
            }
            if out.insert(message.id.name.to_string(), variables).is_some() {
                return Err(format!("message {} is defined twice", message.id.name));
            }
        }
    }
    Ok(out)
}

fn pattern(pattern: &Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            self::expression(expression, out);
        }
    }
}

fn expression(expression: &Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        Expression::Select { selector, variants } => {
            inline(selector, out);
            for variant in variants {
                pattern(&variant.value, out);
            }
        }
        Expression::Inline(inline_expression) => inline(inline_expression, out),
    }
}

fn inline(expression: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                inline(argument, out);
            }
            for argument in &arguments.named {
                inline(&argument.value, out);
            }
        }
        InlineExpression::Placeable { expression: inner } => self::expression(inner, out),
        _ => {}
    }
}
