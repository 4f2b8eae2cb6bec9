//! Error handling: `Retry` retriers and `Catch` catchers.
//!
//! Guarantees: both are lists of objects; every element has a non-empty `ErrorEquals` of texts
//! in which `States.ALL` appears only alone and only in the last element; retrier numbers are in
//! AWS's ranges (IntervalSeconds ≥ 1, MaxAttempts ≥ 0, BackoffRate ≥ 1, MaxDelaySeconds ≥ 1,
//! JitterStrategy FULL or NONE); every catcher has a `Next` (checked for existence by
//! [`super::machine`]) and only the fields of its query language. `$states.errorOutput` is
//! allowed in a catcher's Output and Assign, and only there.

use serde_json::{Map, Value};

use super::states::State;
use super::{Ctx, Ql, at, jsonata, kind, paths, payload};
use crate::diagnostic::Code;

pub(crate) fn check_retry_catch(s: &State<'_>, cx: &mut Ctx<'_>) {
    for key in ["Retry", "Catch"] {
        let Some(value) = s.get(key) else { continue };
        let here = s.field(key);
        let Some(list) = value.as_array() else {
            cx.error(
                Code::InvalidFieldValue,
                here,
                format!("'{key}' must be a list, not {}.", kind(value)),
            );
            continue;
        };
        let last = list.len().saturating_sub(1);
        for (i, element) in list.iter().enumerate() {
            let ep = format!("{here}/{i}");
            let Some(obj) = element.as_object() else {
                cx.error(
                    Code::InvalidFieldValue,
                    ep,
                    format!("Each '{key}' entry must be an object, not {}.", kind(element)),
                );
                continue;
            };
            check_error_equals(obj, &ep, i == last, cx);
            if key == "Retry" {
                check_retrier(obj, &ep, cx);
            } else {
                check_catcher(obj, &ep, s.ql, cx);
            }
        }
    }
}

/// The errors Step Functions itself raises (besides `States.ALL`, which matches any error).
const PREDEFINED: [&str; 16] = [
    "States.Timeout",
    "States.HeartbeatTimeout",
    "States.TaskFailed",
    "States.Permissions",
    "States.ResultPathMatchFailure",
    "States.ParameterPathFailure",
    "States.QueryEvaluationError",
    "States.BranchFailed",
    "States.NoChoiceMatched",
    "States.IntrinsicFailure",
    "States.ExceedToleratedFailureThreshold",
    "States.ItemReaderFailed",
    "States.ResultWriterFailed",
    "States.Runtime",
    "States.DataLimitExceeded",
    "States.Http.Socket",
];

fn check_error_equals(obj: &Map<String, Value>, ptr: &str, is_last: bool, cx: &mut Ctx<'_>) {
    let here = at(ptr, "ErrorEquals");
    let list = match obj.get("ErrorEquals") {
        None => {
            cx.error(
                Code::MissingField,
                ptr,
                "'ErrorEquals' is missing: list the error names this entry handles.",
            )
            .hint = Some(
                "For example [\"States.ALL\"] for every error, or [\"States.Timeout\"].".into(),
            );
            return;
        }
        Some(Value::Array(list)) => list,
        Some(other) => {
            cx.error(
                Code::InvalidFieldValue,
                here,
                format!("'ErrorEquals' must be a list of error names, not {}.", kind(other)),
            );
            return;
        }
    };
    if list.is_empty() {
        cx.error(
            Code::InvalidFieldValue,
            &here,
            "'ErrorEquals' cannot be empty: list at least one error name.",
        );
    }
    let mut has_all = false;
    for (i, name) in list.iter().enumerate() {
        match name.as_str() {
            Some("States.ALL") => has_all = true,
            Some(other) if other.starts_with("States.") && !PREDEFINED.contains(&other) => {
                cx.warning(
                    Code::Lint,
                    format!("{here}/{i}"),
                    format!("\"{other}\" is not an error Step Functions raises, so this entry never matches it."),
                )
                .hint = Some(format!(
                    "Error names starting with States. are Step Functions' own: {}.",
                    PREDEFINED.join(", ")
                ));
            }
            Some(_) => {}
            None => {
                cx.error(
                    Code::InvalidFieldValue,
                    format!("{here}/{i}"),
                    format!("An error name must be text, not {}.", kind(name)),
                );
            }
        }
    }
    if has_all && (list.len() > 1 || !is_last) {
        cx.error(Code::SchemaValidationFailed, ptr, "\"States.ALL\" can only appear in the last entry, and by itself.")
            .hint = Some("States.ALL matches every error, so entries after it could never apply; move it to its own last entry.".into());
    }
}

fn check_retrier(obj: &Map<String, Value>, ptr: &str, cx: &mut Ctx<'_>) {
    for (key, value) in obj {
        let here = at(ptr, key);
        match key.as_str() {
            "ErrorEquals" | "Comment" => {}
            "IntervalSeconds" => whole(value, 1, 99_999_999, key, &here, cx),
            "MaxAttempts" => whole(value, 0, 99_999_999, key, &here, cx),
            "MaxDelaySeconds" => whole(value, 1, 31_622_400, key, &here, cx),
            "BackoffRate" => {
                match value.as_f64() {
                    Some(f) if f >= 1.0 => {}
                    Some(f) => {
                        cx.error(Code::InvalidFieldValue, here, format!("'BackoffRate' is {f} but the minimum is 1.0."))
                        .hint = Some("BackoffRate multiplies the wait between attempts; 1.0 keeps it constant.".into());
                    }
                    None => {
                        cx.error(
                            Code::InvalidFieldValue,
                            here,
                            format!("'BackoffRate' must be a number, not {}.", kind(value)),
                        );
                    }
                }
            }
            "JitterStrategy" => {
                if !matches!(value.as_str(), Some("FULL" | "NONE")) {
                    cx.error(
                        Code::InvalidFieldValue,
                        here,
                        "'JitterStrategy' must be \"FULL\" or \"NONE\".",
                    );
                }
            }
            _ => {
                cx.error(Code::FieldNotAllowed, ptr, format!("Field '{key}' is not supported in a Retry entry."))
                    .hint = Some("A retrier has ErrorEquals, IntervalSeconds, MaxAttempts, BackoffRate, MaxDelaySeconds, JitterStrategy and Comment.".into());
            }
        }
    }
}

fn whole(value: &Value, min: u64, max: u64, key: &str, ptr: &str, cx: &mut Ctx<'_>) {
    if value.as_u64().is_some_and(|n| (min..=max).contains(&n)) {
        return;
    }
    let message = match value.as_f64() {
        Some(f) if f < min as f64 => format!("'{key}' is {f} but the minimum is {min}."),
        Some(f) if f > max as f64 => format!("'{key}' is {f} but the maximum is {max}."),
        Some(_) => format!("'{key}' must be a whole number."),
        None => format!("'{key}' must be a whole number, not {}.", kind(value)),
    };
    cx.error(Code::InvalidFieldValue, ptr, message);
}

fn check_catcher(obj: &Map<String, Value>, ptr: &str, ql: Ql, cx: &mut Ctx<'_>) {
    if !obj.contains_key("Next") {
        cx.error(
            Code::MissingField,
            ptr,
            "This Catch entry has no 'Next': say which state handles the error.",
        );
    }
    for (key, value) in obj {
        let here = at(ptr, key);
        match (key.as_str(), ql) {
            ("ErrorEquals" | "Comment", _) => {}
            ("Next", _) => {
                if !value.is_string() {
                    cx.error(
                        Code::InvalidFieldValue,
                        here,
                        format!("'Next' must be the name of a state (text), not {}.", kind(value)),
                    );
                }
            }
            ("ResultPath", Ql::JsonPath) => {
                if !value.is_null() {
                    paths::check_path_field(value, &here, key, paths::PathKind::ResultPath, cx);
                }
            }
            ("Assign", Ql::JsonPath) => payload::check_assign(value, &here, cx),
            ("Assign", Ql::Jsonata) => {
                jsonata::check_assign(value, &here, jsonata::Scope::Catch, cx)
            }
            ("Output", Ql::Jsonata) => {
                jsonata::check_value(value, &here, jsonata::Scope::Catch, cx)
            }
            _ => {
                cx.error(
                    Code::FieldNotAllowed,
                    ptr,
                    format!(
                        "Field '{key}' is not supported in a Catch entry of a {} state.",
                        ql.name()
                    ),
                );
            }
        }
    }
}
