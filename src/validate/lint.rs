//! Warnings: definitions AWS accepts that probably do not do what their author meant.
//!
//! Guarantees: only warning-severity diagnostics come from here (they never make a definition
//! invalid), each says what will happen at run time and what to change.

use serde_json::Value;

use super::fields::StateType;
use super::states::State;
use super::{Ctx, Ql};
use crate::diagnostic::Code;

pub(crate) fn check_state(s: &State<'_>, cx: &mut Ctx<'_>) {
    if s.ty == StateType::Choice && !s.has("Default") {
        cx.warning(Code::Lint, s.ptr, "This Choice state has no 'Default': if no rule matches, the execution fails with States.NoChoiceMatched.")
            .hint = Some("Add \"Default\": the state to go to when no rule matches.".into());
    }
    if s.ty == StateType::Task
        && s.obj
            .get("Resource")
            .and_then(Value::as_str)
            .is_some_and(|r| r.ends_with(".waitForTaskToken"))
        && !["HeartbeatSeconds", "HeartbeatSecondsPath", "TimeoutSeconds", "TimeoutSecondsPath"]
            .iter()
            .any(|k| s.has(k))
    {
        cx.warning(Code::Lint, s.ptr, "This task waits for a callback with no time limit: if the token is never returned, the execution waits for up to a year.")
            .hint = Some("Set 'TimeoutSeconds' (and 'HeartbeatSeconds') so a lost callback fails the task instead.".into());
    }
}

/// A plain payload field whose text looks like a path: it is sent as that literal text.
pub(crate) fn literal_path(key: &str, value: &Value, ptr: &str, ql: Ql, cx: &mut Ctx<'_>) {
    let Some(text) = value.as_str() else { return };
    if ql == Ql::JsonPath && (text.starts_with("$.") || text.starts_with("$$.")) {
        cx.warning(
            Code::Lint,
            ptr,
            format!("'{key}' is the literal text \"{text}\", not the value at that path."),
        )
        .hint = Some(format!("To read the value from the input, name the field '{key}.$'."));
    }
    if ql == Ql::Jsonata && text.contains("{%") && text.contains("%}") {
        cx.warning(Code::Lint, ptr, format!("'{key}' is plain text, not a JSONata expression: an expression must start with {{% and end with %}} exactly."))
            .hint = Some("Remove the spaces or text around {% ... %}.".into());
    }
}
