//! State machines as a whole: the definition's top level and every nested machine (a Parallel
//! branch, a Map's ItemProcessor or Iterator).
//!
//! Guarantees: required `StartAt`/`States` are reported on the machine object; every transition
//! that names no state of the same machine is reported at its own field as AWS does ("Missing
//! 'Next' target: X" at `.../Next`, `.../Default` or `StartAt`); every state nothing reaches is
//! reported at the state; a machine with no terminal state is reported for the top level only
//! (AWS then skips the reachability report, so do we); state names are unique across the whole
//! definition, nested machines included. Reachability is one breadth-first walk: linear.

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::{Ctx, Ql, at, kind, states};
use crate::diagnostic::Code;

/// Where a machine sits, which decides its allowed fields and checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MachineKind {
    Root,
    Branch,
    ItemProcessor,
    Iterator,
}

impl MachineKind {
    fn label(self) -> &'static str {
        match self {
            MachineKind::Root => "the state machine",
            MachineKind::Branch => "a Parallel branch",
            MachineKind::ItemProcessor => "an ItemProcessor",
            MachineKind::Iterator => "an Iterator",
        }
    }
}

/// What every state of the definition shares while it is checked.
pub(crate) struct Walk {
    /// The top-level machine's query language: inner states inherit it, not their Map's or
    /// Parallel's own.
    pub top: Ql,
    /// Where each state name is defined, for the uniqueness rule.
    names: HashMap<String, Vec<String>>,
}

pub(crate) fn check_definition(root: &Value, cx: &mut Ctx<'_>) {
    let Some(obj) = root.as_object() else {
        cx.error(
            Code::SchemaValidationFailed,
            "",
            "The definition must be a JSON object ({ ... }).",
        )
        .hint = Some(format!(
            "The file holds {} instead; a state machine starts with {{ \"StartAt\": ..., \"States\": {{ ... }} }}.",
            kind(root)
        ));
        return;
    };
    let top = match obj.get("QueryLanguage") {
        None => Ql::JsonPath,
        Some(v) => {
            check_query_language_value(v, "/QueryLanguage", cx);
            Ql::of(v)
        }
    };
    let mut walk = Walk { top, names: HashMap::new() };
    check_machine(obj, "", MachineKind::Root, &mut walk, cx);
    report_duplicate_names(walk.names, cx);
}

/// Every definition of a state name used more than once (all of them: the user picks which
/// one to rename).
fn report_duplicate_names(names: HashMap<String, Vec<String>>, cx: &mut Ctx<'_>) {
    for (name, places) in names {
        if places.len() < 2 {
            continue;
        }
        for place in &places {
            cx.error(
                Code::DuplicateKey,
                place,
                format!("{} states are named \"{name}\".", places.len()),
            )
            .hint = Some(
                "State names must be unique in the whole state machine, branches and Map processors included. Rename all but one.".into(),
            );
        }
    }
}

/// Reports a `QueryLanguage` value that is not exactly `JSONPath` or `JSONata`.
pub(crate) fn check_query_language_value(value: &Value, pointer: &str, cx: &mut Ctx<'_>) {
    match value.as_str() {
        Some("JSONPath" | "JSONata") => {}
        Some(other) => {
            let d = cx.error(
                Code::InvalidFieldValue,
                pointer,
                format!("QueryLanguage must be \"JSONPath\" or \"JSONata\", not \"{other}\"."),
            );
            if other.eq_ignore_ascii_case("jsonpath") || other.eq_ignore_ascii_case("jsonata") {
                d.hint = Some(
                    "The value is case-sensitive: write \"JSONPath\" or \"JSONata\" exactly."
                        .into(),
                );
            }
        }
        None => {
            cx.error(
                Code::InvalidFieldValue,
                pointer,
                format!(
                    "QueryLanguage must be the text \"JSONPath\" or \"JSONata\", not {}.",
                    kind(value)
                ),
            );
        }
    }
}

pub(crate) fn check_machine(
    obj: &Map<String, Value>,
    ptr: &str,
    machine: MachineKind,
    walk: &mut Walk,
    cx: &mut Ctx<'_>,
) {
    for (key, value) in obj {
        let allowed = match key.as_str() {
            "StartAt" | "States" | "Comment" => true,
            "Version" | "TimeoutSeconds" | "QueryLanguage" => machine == MachineKind::Root,
            "ProcessorConfig" => {
                matches!(machine, MachineKind::ItemProcessor | MachineKind::Iterator)
            }
            _ => false,
        };
        if !allowed {
            let d = cx.error(
                Code::FieldNotAllowed,
                ptr,
                format!("Field '{key}' is not supported in {}.", machine.label()),
            );
            if key == "QueryLanguage" {
                d.hint = Some(
                    "Set QueryLanguage on the state machine or on each inner state, not on a branch, ItemProcessor or Iterator.".into(),
                );
            }
            continue;
        }
        let here = at(ptr, key);
        match key.as_str() {
            "Comment" | "Version" if !value.is_string() => {
                cx.error(
                    Code::InvalidFieldValue,
                    here,
                    format!("'{key}' must be text, not {}.", kind(value)),
                );
            }
            "TimeoutSeconds" if !value.as_u64().is_some_and(|n| (1..=99_999_999).contains(&n)) => {
                cx.error(
                    Code::InvalidFieldValue,
                    here,
                    "'TimeoutSeconds' must be a whole number of seconds greater than 0.",
                );
            }
            "ProcessorConfig" => super::map::check_processor_config(value, &here, cx),
            _ => {}
        }
    }

    let start = obj.get("StartAt");
    let states = obj.get("States");
    let mut missing = Vec::new();
    if states.is_none() {
        missing.push("States");
    }
    if start.is_none() {
        missing.push("StartAt");
    }
    if !missing.is_empty() {
        cx.error(
            Code::MissingField,
            ptr,
            format!("{} must have {}.", capitalise(machine.label()), quoted_list(&missing)),
        )
        .hint = Some("StartAt names the first state; States holds every state by name.".into());
    }
    if let Some(v) = start
        && !v.is_string()
    {
        cx.error(
            Code::InvalidFieldValue,
            at(ptr, "StartAt"),
            format!("'StartAt' must be the name of a state (text), not {}.", kind(v)),
        );
    }
    let Some(states_value) = states else { return };
    let states_ptr = at(ptr, "States");
    let Some(states_obj) = states_value.as_object() else {
        cx.error(
            Code::InvalidFieldValue,
            states_ptr,
            format!("'States' must be an object of states by name, not {}.", kind(states_value)),
        );
        return;
    };
    if states_obj.is_empty() {
        cx.error(
            Code::InvalidFieldValue,
            &states_ptr,
            "'States' cannot be empty: add at least one state.",
        );
    }

    for (name, state) in states_obj {
        let state_ptr = at(&states_ptr, name);
        walk.names.entry(name.clone()).or_default().push(state_ptr.clone());
        check_state_name(name, &state_ptr, cx);
        states::check_state(name, state, &state_ptr, walk, cx);
    }

    check_transitions(obj, ptr, &states_ptr, states_obj, machine, cx);
}

fn check_state_name(name: &str, ptr: &str, cx: &mut Ctx<'_>) {
    if name.is_empty() {
        cx.error(Code::InvalidFieldValue, ptr, "A state name cannot be empty.");
    } else if name.chars().count() > 80 {
        cx.error(
            Code::InvalidFieldValue,
            ptr,
            format!("The state name \"{name}\" is too long: at most 80 characters are allowed."),
        );
    }
}

/// Missing targets, unreachable states and (top level only) the terminal-state rule.
fn check_transitions(
    obj: &Map<String, Value>,
    ptr: &str,
    states_ptr: &str,
    states_obj: &Map<String, Value>,
    machine: MachineKind,
    cx: &mut Ctx<'_>,
) {
    let index: HashMap<&str, usize> =
        states_obj.keys().enumerate().map(|(i, k)| (k.as_str(), i)).collect();
    let mut edges: Vec<Vec<usize>> = vec![Vec::new(); states_obj.len()];
    let mut roots = Vec::new();

    let mut target = |name: &Value, field_ptr: String, from: Option<usize>, cx: &mut Ctx<'_>| {
        let Some(name) = name.as_str() else { return };
        match index.get(name) {
            Some(&to) => match from {
                Some(from) => edges[from].push(to),
                None => roots.push(to),
            },
            None => {
                cx.error(
                    Code::MissingTransitionTarget,
                    field_ptr,
                    format!("Missing 'Next' target: {name}"),
                )
                .hint = Some(format!(
                    "No state named \"{name}\" exists {}. Check the spelling (names are case-sensitive) or add that state.",
                    if ptr.is_empty() {
                        "in the state machine".to_string()
                    } else {
                        "in this branch".to_string()
                    }
                ));
            }
        }
    };

    if let Some(start) = obj.get("StartAt") {
        target(start, at(ptr, "StartAt"), None, cx);
    }
    let mut has_terminal = false;
    for (i, (name, state)) in states_obj.iter().enumerate() {
        let Some(state) = state.as_object() else { continue };
        let sp = at(states_ptr, name);
        if let Some("Succeed" | "Fail") = state.get("Type").and_then(Value::as_str) {
            has_terminal = true;
        }
        if state.get("End") == Some(&Value::Bool(true)) {
            has_terminal = true;
        }
        if let Some(next) = state.get("Next") {
            target(next, at(&sp, "Next"), Some(i), cx);
        }
        if state.get("Type").and_then(Value::as_str) == Some("Choice") {
            if let Some(default) = state.get("Default") {
                target(default, at(&sp, "Default"), Some(i), cx);
            }
            if let Some(choices) = state.get("Choices").and_then(Value::as_array) {
                let cp = at(&sp, "Choices");
                for (j, rule) in choices.iter().enumerate() {
                    if let Some(next) = rule.get("Next") {
                        target(next, format!("{cp}/{j}/Next"), Some(i), cx);
                    }
                }
            }
        }
        if let Some(catchers) = state.get("Catch").and_then(Value::as_array) {
            let cp = at(&sp, "Catch");
            for (j, catcher) in catchers.iter().enumerate() {
                if let Some(next) = catcher.get("Next") {
                    target(next, format!("{cp}/{j}/Next"), Some(i), cx);
                }
            }
        }
    }

    if machine == MachineKind::Root && !has_terminal && !states_obj.is_empty() {
        cx.error(Code::MissingEndState, states_ptr, "Workflow has no terminal state.").hint = Some(
            "At least one state must end the workflow: a Succeed or Fail state, or a state with \"End\": true.".into(),
        );
        return;
    }

    if !obj.get("StartAt").is_some_and(Value::is_string) {
        return; // Already reported; without a start every state would look unreachable.
    }
    let mut seen = vec![false; states_obj.len()];
    let mut queue = roots;
    for &r in &queue {
        seen[r] = true;
    }
    while let Some(i) = queue.pop() {
        for &to in &edges[i] {
            if !seen[to] {
                seen[to] = true;
                queue.push(to);
            }
        }
    }
    for (name, reached) in states_obj.keys().zip(seen) {
        if !reached {
            cx.error(Code::UnreachableState, at(states_ptr, name), format!("State \"{name}\" is not reachable."))
                .hint = Some(
                "No StartAt, Next, Default or Catch leads to this state. Point a transition at it or delete it.".into(),
            );
        }
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn quoted_list(items: &[&str]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| format!("'{s}'")).collect();
    match quoted.len() {
        0 => String::new(),
        1 => quoted[0].clone(),
        n => format!("{} and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    }
}
