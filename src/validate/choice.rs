//! Choice states and their rules.
//!
//! Guarantees: `Choices` is a non-empty list; every top-level rule has a `Next` and nested rules
//! (inside And/Or/Not) have none; a JSONPath rule is exactly one of a `Variable` with exactly
//! one comparison operator of the right value type, `And`/`Or` with a non-empty list, or `Not`
//! with one rule; a JSONata rule has a `Condition`. Rules are walked recursively to any depth.

use serde_json::{Map, Value};

use super::states::State;
use super::{Ctx, Ql, at, jsonata, kind, paths, payload};
use crate::diagnostic::Code;

/// What a comparison operator's value must be.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Operand {
    Text,
    Number,
    Boolean,
    Timestamp,
    Path,
}

fn operator(name: &str) -> Option<Operand> {
    if let Some(base) = name.strip_suffix("Path")
        && !base.starts_with("Is")
        && base != "StringMatches"
        && operator(base).is_some_and(|o| o != Operand::Path)
    {
        return Some(Operand::Path);
    }
    Some(match name {
        "StringEquals"
        | "StringLessThan"
        | "StringGreaterThan"
        | "StringLessThanEquals"
        | "StringGreaterThanEquals"
        | "StringMatches" => Operand::Text,
        "NumericEquals"
        | "NumericLessThan"
        | "NumericGreaterThan"
        | "NumericLessThanEquals"
        | "NumericGreaterThanEquals" => Operand::Number,
        "BooleanEquals" | "IsNull" | "IsPresent" | "IsNumeric" | "IsString" | "IsBoolean"
        | "IsTimestamp" => Operand::Boolean,
        "TimestampEquals"
        | "TimestampLessThan"
        | "TimestampGreaterThan"
        | "TimestampLessThanEquals"
        | "TimestampGreaterThanEquals" => Operand::Timestamp,
        _ => return None,
    })
}

pub(crate) fn check_choice(s: &State<'_>, cx: &mut Ctx<'_>) {
    let here = s.field("Choices");
    match s.get("Choices") {
        None => {
            cx.error(
                Code::MissingField,
                s.ptr,
                "A Choice state needs 'Choices', the list of rules to pick the next state.",
            );
        }
        Some(Value::Array(rules)) => {
            if rules.is_empty() {
                cx.error(
                    Code::InvalidFieldValue,
                    &here,
                    "'Choices' cannot be empty: add at least one rule.",
                );
            }
            for (i, rule) in rules.iter().enumerate() {
                check_rule(rule, &format!("{here}/{i}"), s.ql, true, cx);
            }
        }
        Some(other) => {
            cx.error(
                Code::InvalidFieldValue,
                here,
                format!("'Choices' must be a list of rules, not {}.", kind(other)),
            );
        }
    }
    if let Some(d) = s.get("Default")
        && !d.is_string()
    {
        cx.error(
            Code::InvalidFieldValue,
            s.field("Default"),
            format!("'Default' must be the name of a state (text), not {}.", kind(d)),
        );
    }
}

fn check_rule(rule: &Value, ptr: &str, ql: Ql, top: bool, cx: &mut Ctx<'_>) {
    let Some(obj) = rule.as_object() else {
        cx.error(
            Code::InvalidFieldValue,
            ptr,
            format!("A choice rule must be an object, not {}.", kind(rule)),
        );
        return;
    };
    if top {
        match obj.get("Next") {
            None => {
                cx.error(
                    Code::MissingField,
                    ptr,
                    "This choice rule has no 'Next': say which state to go to when it matches.",
                );
            }
            Some(n) if !n.is_string() => {
                cx.error(
                    Code::InvalidFieldValue,
                    at(ptr, "Next"),
                    format!("'Next' must be the name of a state (text), not {}.", kind(n)),
                );
            }
            Some(_) => {}
        }
    }
    match ql {
        Ql::Jsonata => check_jsonata_rule(obj, ptr, top, cx),
        Ql::JsonPath => check_jsonpath_rule(obj, ptr, top, cx),
    }
}

fn check_jsonata_rule(obj: &Map<String, Value>, ptr: &str, top: bool, cx: &mut Ctx<'_>) {
    for (key, value) in obj {
        let here = at(ptr, key);
        match key.as_str() {
            "Next" | "Comment" if top => {}
            "Condition" => {
                if value.is_boolean() || jsonata::is_expression(value) {
                    jsonata::check_value(value, &here, jsonata::Scope::State, cx);
                } else {
                    cx.error(
                        Code::InvalidFieldValue,
                        here,
                        "'Condition' must be a {% %} expression or true/false.",
                    );
                }
            }
            "Assign" if top => jsonata::check_assign(value, &here, jsonata::Scope::State, cx),
            "Output" if top => jsonata::check_value(value, &here, jsonata::Scope::State, cx),
            _ => {
                cx.error(Code::FieldNotAllowed, here, format!("Field '{key}' is not supported in a JSONata choice rule."))
                    .hint = Some("A JSONata choice rule has a 'Condition' and a 'Next' (and optionally 'Assign', 'Output', 'Comment').".into());
            }
        }
    }
    if !obj.contains_key("Condition") {
        cx.error(Code::MissingField, ptr, "This JSONata choice rule has no 'Condition'.").hint =
            Some("Write the test as \"Condition\": \"{% ... %}\".".into());
    }
}

fn check_jsonpath_rule(obj: &Map<String, Value>, ptr: &str, top: bool, cx: &mut Ctx<'_>) {
    let mut operators = Vec::new();
    let mut combinators = 0;
    for (key, value) in obj {
        let here = at(ptr, key);
        match key.as_str() {
            "Next" | "Assign" if top => {
                if key == "Assign" {
                    payload::check_assign(value, &here, cx);
                }
            }
            "Comment" => {}
            "Variable" => {
                paths::check_path_field(value, &here, key, paths::PathKind::Path, cx);
            }
            "And" | "Or" => {
                combinators += 1;
                match value.as_array() {
                    Some(list) if !list.is_empty() => {
                        for (i, r) in list.iter().enumerate() {
                            check_rule(r, &format!("{here}/{i}"), Ql::JsonPath, false, cx);
                        }
                    }
                    _ => {
                        cx.error(
                            Code::InvalidFieldValue,
                            here,
                            format!("'{key}' must be a non-empty list of rules."),
                        );
                    }
                }
            }
            "Not" => {
                combinators += 1;
                check_rule(value, &here, Ql::JsonPath, false, cx);
            }
            _ => match operator(key) {
                Some(operand) => {
                    operators.push(key.as_str());
                    check_operand(key, operand, value, &here, cx);
                }
                None => {
                    let message = if top || key != "Next" {
                        format!("Field '{key}' is not supported in a choice rule.")
                    } else {
                        "Only top-level choice rules have 'Next'; a rule inside And, Or or Not cannot.".into()
                    };
                    cx.error(Code::FieldNotAllowed, here, message);
                }
            },
        }
    }
    let has_variable = obj.contains_key("Variable");
    match (operators.len(), combinators, has_variable) {
        (1, 0, true) | (0, 1, false) => {}
        (0, 0, _) => {
            cx.error(Code::SchemaValidationFailed, ptr, "This choice rule has no comparison.")
                .hint = Some("Give it a 'Variable' and one comparison such as \"StringEquals\", or combine rules with And, Or or Not.".into());
        }
        (1, 0, false) => {
            cx.error(
                Code::MissingField,
                ptr,
                format!(
                    "This choice rule uses '{}' but has no 'Variable' to compare.",
                    operators[0]
                ),
            );
        }
        (0, _, true) => {
            cx.error(
                Code::MissingField,
                ptr,
                "This choice rule has a 'Variable' but no comparison operator.",
            );
        }
        _ => {
            cx.error(
                Code::SchemaValidationFailed,
                ptr,
                "Each choice rule can only have one comparison operator (or one And/Or/Not).",
            )
            .hint = Some("Split it into several rules, or combine them with And / Or.".into());
        }
    }
}

fn check_operand(key: &str, operand: Operand, value: &Value, ptr: &str, cx: &mut Ctx<'_>) {
    let ok = match operand {
        Operand::Text => value.is_string(),
        Operand::Number => value.is_number(),
        Operand::Boolean => value.is_boolean(),
        Operand::Timestamp => value.as_str().is_some_and(super::states::is_rfc3339),
        Operand::Path => {
            paths::check_path_field(value, ptr, key, paths::PathKind::Path, cx);
            true
        }
    };
    if !ok {
        let want = match operand {
            Operand::Text => "text",
            Operand::Number => "a number",
            Operand::Boolean => "true or false",
            Operand::Timestamp => "a date and time like 2026-03-14T01:59:00Z",
            Operand::Path => "a path",
        };
        cx.error(
            Code::InvalidFieldValue,
            ptr,
            format!("'{key}' compares with {want}, not {}.", kind(value)),
        );
    }
}
