//! One state: its type, query language, allowed fields, Next/End, and the value rules of the
//! fields every type shares (paths, payload templates, Assign, Output) plus Pass, Wait, Fail and
//! Parallel. Task, Choice, Map and Retry/Catch have their own modules.
//!
//! Guarantees: a state of the wrong JSON type or unknown `Type` is reported once and its fields
//! are not second-guessed; the effective query language is the state's own valid value or the
//! top-level machine's (never a parent Map's or Parallel's); a JSONPath state inside a JSONata
//! machine is reported at the state, as AWS does.

use serde_json::{Map, Value};

use super::fields::{self, StateType};
use super::machine::{MachineKind, Walk, check_machine, check_query_language_value};
use super::{Ctx, Ql, at, choice, errors, jsonata, kind, map, paths, payload, resource};
use crate::diagnostic::Code;

/// What the rules of one state need to know about it.
pub(crate) struct State<'a> {
    pub obj: &'a Map<String, Value>,
    pub ptr: &'a str,
    pub ty: StateType,
    pub ql: Ql,
}

impl<'a> State<'a> {
    pub(crate) fn field(&self, key: &str) -> String {
        at(self.ptr, key)
    }

    /// The value of `key` on this state.
    pub(crate) fn get(&self, key: &str) -> Option<&'a Value> {
        get(self.obj, key)
    }

    pub(crate) fn has(&self, key: &str) -> bool {
        get(self.obj, key).is_some()
    }
}

/// `obj[key]` by a linear scan for the small objects states are (cheaper than hashing the key);
/// a hash lookup for large ones.
pub(crate) fn get<'v>(obj: &'v Map<String, Value>, key: &str) -> Option<&'v Value> {
    if obj.len() <= 24 {
        obj.iter().find_map(|(k, v)| (k == key).then_some(v))
    } else {
        obj.get(key)
    }
}

pub(crate) fn check_state(name: &str, value: &Value, ptr: &str, walk: &mut Walk, cx: &mut Ctx<'_>) {
    let Some(obj) = value.as_object() else {
        cx.error(
            Code::InvalidFieldValue,
            ptr,
            format!("State \"{name}\" must be an object with a \"Type\", not {}.", kind(value)),
        );
        return;
    };
    let ty = match get(obj, "Type") {
        None => {
            cx.error(Code::MissingField, ptr, format!("State \"{name}\" has no 'Type'."))
                .hint = Some("Add \"Type\": one of Task, Pass, Choice, Wait, Succeed, Fail, Parallel or Map.".into());
            None
        }
        Some(t) => {
            let ty = t.as_str().and_then(StateType::parse);
            if ty.is_none() {
                let shown = t.as_str().map_or_else(|| kind(t).to_string(), |s| format!("\"{s}\""));
                cx.error(
                    Code::InvalidFieldValue,
                    at(ptr, "Type"),
                    format!("{shown} is not a state type. The field 'Type' should have one of these values: Task, Wait, Pass, Succeed, Fail, Choice, Parallel, Map."),
                )
                .hint = Some("State types are case-sensitive.".into());
            }
            ty
        }
    };
    let ql = match get(obj, "QueryLanguage") {
        None => walk.top,
        Some(v) => {
            check_query_language_value(v, &at(ptr, "QueryLanguage"), cx);
            if walk.top == Ql::Jsonata && v.as_str() == Some("JSONPath") {
                cx.error(
                    Code::SchemaValidationFailed,
                    ptr,
                    "'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine.",
                )
                .hint = Some("A JSONata state machine cannot contain JSONPath states: remove this state's QueryLanguage and rewrite it with JSONata, or make the whole machine JSONPath.".into());
            }
            Ql::of(v)
        }
    };
    let Some(ty) = ty else { return };
    let state = State { obj, ptr, ty, ql };

    for key in obj.keys() {
        if let Some(why) = fields::refusal(ty, ql, key) {
            let (message, hint) = fields::explain(ty, ql, key, why);
            cx.error(Code::FieldNotAllowed, ptr, message).hint = Some(hint);
        }
    }

    check_next_end(&state, cx);
    check_common(&state, cx);
    match ty {
        StateType::Task => resource::check_task(&state, cx),
        StateType::Pass => {}
        StateType::Choice => choice::check_choice(&state, cx),
        StateType::Wait => check_wait(&state, cx),
        StateType::Succeed => {}
        StateType::Fail => check_fail(&state, cx),
        StateType::Parallel => check_parallel(&state, walk, cx),
        StateType::Map => map::check_map(&state, walk, cx),
    }
    errors::check_retry_catch(&state, cx);
    super::lint::check_state(&state, cx);
}

fn check_next_end(s: &State<'_>, cx: &mut Ctx<'_>) {
    if matches!(s.ty, StateType::Choice | StateType::Succeed | StateType::Fail) {
        return; // Next/End there are refused by the field table.
    }
    let next = s.get("Next");
    let end = s.get("End");
    if let Some(n) = next
        && !n.is_string()
    {
        cx.error(
            Code::InvalidFieldValue,
            s.field("Next"),
            format!("'Next' must be the name of a state (text), not {}.", kind(n)),
        );
    }
    if let Some(e) = end
        && !e.is_boolean()
    {
        cx.error(
            Code::InvalidFieldValue,
            s.field("End"),
            format!("'End' must be true or false, not {}.", kind(e)),
        );
    }
    let ends = end == Some(&Value::Bool(true));
    match (next.is_some(), ends) {
        (true, true) => {
            cx.error(
                Code::SchemaValidationFailed,
                s.ptr,
                "A state cannot have both 'Next' and \"End\": true.",
            )
            .hint = Some(
                "Keep 'Next' to continue to another state, or \"End\": true to finish here.".into(),
            );
        }
        (false, false) => {
            cx.error(Code::MissingField, s.ptr, format!("This {} state has neither 'Next' nor \"End\": true.", s.ty.name()))
                .hint = Some("Say where the workflow goes after this state ('Next') or that it stops here (\"End\": true).".into());
        }
        _ => {}
    }
}

/// Fields several types share: Comment, paths, payload templates, Assign, Output, Arguments.
fn check_common(s: &State<'_>, cx: &mut Ctx<'_>) {
    for (key, value) in s.obj {
        let here = || s.field(key);
        match key.as_str() {
            "Comment" if !value.is_string() => {
                cx.error(
                    Code::InvalidFieldValue,
                    here(),
                    format!("'Comment' must be text, not {}.", kind(value)),
                );
            }
            "InputPath" | "OutputPath" if s.ql == Ql::JsonPath && !value.is_null() => {
                paths::check_path_field(value, &here(), key, paths::PathKind::Path, cx);
            }
            "ResultPath" if s.ql == Ql::JsonPath && !value.is_null() => {
                paths::check_path_field(value, &here(), key, paths::PathKind::ResultPath, cx);
            }
            "Parameters" | "ResultSelector" if s.ql == Ql::JsonPath => {
                payload::check_template_field(value, &here(), key, cx);
            }
            "Assign" => match s.ql {
                Ql::JsonPath => payload::check_assign(value, &here(), cx),
                Ql::Jsonata => jsonata::check_assign(value, &here(), jsonata::Scope::State, cx),
            },
            "Output" | "Arguments" if s.ql == Ql::Jsonata => {
                if key == "Arguments" && !(value.is_object() || jsonata::is_expression(value)) {
                    cx.error(
                        Code::InvalidFieldValue,
                        here(),
                        format!(
                            "'Arguments' must be an object or a {{% %}} expression, not {}.",
                            kind(value)
                        ),
                    );
                }
                jsonata::check_value(value, &here(), jsonata::Scope::State, cx);
            }
            _ => {}
        }
    }
}

/// Reports `a` and `b` both present (AWS accepts only one of a value and its `...Path` form).
pub(crate) fn only_one_of(s: &State<'_>, a: &str, b: &str, cx: &mut Ctx<'_>) {
    if s.has(a) && s.has(b) {
        cx.error(
            Code::SchemaValidationFailed,
            s.ptr,
            format!("A {} state may have only one of '{a}' and '{b}'.", s.ty.name()),
        )
        .hint =
            Some(format!("'{a}' is a fixed value, '{b}' reads it from the input; keep just one."));
    }
}

/// A whole number in `min..=max`, or (JSONata) a `{% %}` expression. Reports otherwise.
pub(crate) fn check_count(s: &State<'_>, key: &str, min: u64, max: u64, cx: &mut Ctx<'_>) {
    let Some(value) = s.get(key) else { return };
    let here = s.field(key);
    if s.ql == Ql::Jsonata && value.is_string() {
        if jsonata::is_expression(value) {
            jsonata::check_value(value, &here, jsonata::Scope::State, cx);
        } else {
            cx.error(
                Code::InvalidFieldValue,
                here,
                format!("'{key}' must be a whole number or a {{% %}} expression."),
            );
        }
        return;
    }
    let ok = value.as_u64().is_some_and(|n| (min..=max).contains(&n))
        || value.as_f64().is_some_and(|f| f.fract() == 0.0 && f >= min as f64 && f <= max as f64);
    if !ok {
        let message = match value.as_f64() {
            Some(f) if f < min as f64 => format!("'{key}' is {f} but the minimum value is {min}."),
            Some(f) if f > max as f64 => format!("'{key}' is {f} but the maximum value is {max}."),
            Some(_) => format!("'{key}' must be a whole number."),
            None => format!("'{key}' must be a whole number, not {}.", kind(value)),
        };
        cx.error(Code::InvalidFieldValue, here, message);
    }
}

/// A `...Path` field that must name one value of the input (a reference path).
pub(crate) fn check_reference_path_field(s: &State<'_>, key: &str, cx: &mut Ctx<'_>) {
    if s.ql != Ql::JsonPath {
        return;
    }
    if let Some(value) = s.get(key) {
        paths::check_path_field(value, &s.field(key), key, paths::PathKind::Reference, cx);
    }
}

fn check_wait(s: &State<'_>, cx: &mut Ctx<'_>) {
    const TIME: [&str; 4] = ["Seconds", "Timestamp", "SecondsPath", "TimestampPath"];
    let present = TIME.iter().filter(|k| s.has(k)).count();
    if present != 1 {
        let message = if present == 0 {
            "A Wait state needs one of 'Seconds', 'Timestamp', 'SecondsPath' or 'TimestampPath'."
        } else {
            "A Wait state must have exactly one of 'Seconds', 'Timestamp', 'SecondsPath' or 'TimestampPath'."
        };
        cx.error(Code::SchemaValidationFailed, s.ptr, message).hint =
            Some("Say how long to wait (Seconds) or until when (Timestamp), once.".into());
    }
    check_count(s, "Seconds", 0, 99_999_999, cx);
    if let Some(ts) = s.get("Timestamp") {
        let here = s.field("Timestamp");
        if s.ql == Ql::Jsonata && jsonata::is_expression(ts) {
            jsonata::check_value(ts, &here, jsonata::Scope::State, cx);
        } else if !ts.as_str().is_some_and(is_rfc3339) {
            cx.error(Code::InvalidFieldValue, here, "The Timestamp is not a valid date and time (RFC 3339, like 2026-03-14T01:59:00Z).")
                .hint = Some("Write it as YYYY-MM-DDThh:mm:ssZ, with a capital T between date and time and a time zone (Z or +hh:mm).".into());
        }
    }
    check_reference_path_field(s, "SecondsPath", cx);
    check_reference_path_field(s, "TimestampPath", cx);
}

/// `YYYY-MM-DDThh:mm:ss[.frac](Z|±hh:mm)` with real calendar values.
pub(crate) fn is_rfc3339(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = b.get(r)?;
        if part.iter().all(u8::is_ascii_digit) {
            std::str::from_utf8(part).ok()?.parse().ok()
        } else {
            None
        }
    };
    let (Some(year), Some(month), Some(day), Some(hour), Some(min), Some(sec)) =
        (digits(0..4), digits(5..7), digits(8..10), digits(11..13), digits(14..16), digits(17..19))
    else {
        return false;
    };
    if b.len() < 20
        || b[4] != b'-'
        || b[7] != b'-'
        || b[10] != b'T'
        || b[13] != b':'
        || b[16] != b':'
    {
        return false;
    }
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    if day == 0 || day > days || hour > 23 || min > 59 || sec > 60 {
        return false;
    }
    let mut rest = &b[19..];
    if rest.first() == Some(&b'.') {
        let n = rest[1..].iter().take_while(|c| c.is_ascii_digit()).count();
        if n == 0 {
            return false;
        }
        rest = &rest[1 + n..];
    }
    match rest {
        [b'Z'] => true,
        [sign, h1, h2, b':', m1, m2] if (*sign == b'+' || *sign == b'-') => {
            [h1, h2, m1, m2].iter().all(|c| c.is_ascii_digit())
                && (*h1 - b'0') * 10 + (*h2 - b'0') < 24
                && (*m1 - b'0') * 10 + (*m2 - b'0') < 60
        }
        _ => false,
    }
}

fn check_fail(s: &State<'_>, cx: &mut Ctx<'_>) {
    only_one_of(s, "Error", "ErrorPath", cx);
    only_one_of(s, "Cause", "CausePath", cx);
    for key in ["Error", "Cause"] {
        if let Some(v) = s.get(key) {
            let here = s.field(key);
            if !v.is_string() {
                cx.error(
                    Code::InvalidFieldValue,
                    here,
                    format!("'{key}' must be text, not {}.", kind(v)),
                );
            } else if s.ql == Ql::Jsonata {
                jsonata::check_value(v, &here, jsonata::Scope::State, cx);
            }
        }
    }
    if s.ql == Ql::JsonPath {
        for key in ["ErrorPath", "CausePath"] {
            if let Some(v) = s.get(key) {
                paths::check_path_field(
                    v,
                    &s.field(key),
                    key,
                    paths::PathKind::ReferenceOrIntrinsic,
                    cx,
                );
            }
        }
    }
}

fn check_parallel(s: &State<'_>, walk: &mut Walk, cx: &mut Ctx<'_>) {
    let here = s.field("Branches");
    match s.get("Branches") {
        None => {
            cx.error(
                Code::MissingField,
                s.ptr,
                "A Parallel state needs 'Branches', the list of branches to run at the same time.",
            );
        }
        Some(Value::Array(branches)) => {
            if branches.is_empty() {
                cx.error(
                    Code::InvalidFieldValue,
                    &here,
                    "'Branches' cannot be empty: a Parallel state needs at least one branch.",
                );
            }
            for (i, branch) in branches.iter().enumerate() {
                let bp = format!("{here}/{i}");
                match branch.as_object() {
                    Some(obj) => check_machine(obj, &bp, MachineKind::Branch, walk, cx),
                    None => {
                        cx.error(
                            Code::InvalidFieldValue,
                            bp,
                            format!(
                                "A branch must be an object with StartAt and States, not {}.",
                                kind(branch)
                            ),
                        );
                    }
                }
            }
        }
        Some(other) => {
            cx.error(
                Code::InvalidFieldValue,
                here,
                format!("'Branches' must be a list of branches, not {}.", kind(other)),
            );
        }
    }
}
