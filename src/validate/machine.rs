//! State machines as a whole: the definition's top level and every nested machine (a Parallel
//! branch, a Map's ItemProcessor or Iterator).
//!
//! Guarantees: required `StartAt`/`States` are reported on the machine object; every transition
//! that names no state of the same machine is reported at its own field as AWS does ("Missing
//! 'Next' target: X" at `.../Next`, `.../Default` or `StartAt`); every state nothing reaches is
//! reported at the state; a machine with no terminal state is reported for the top level only
//! (AWS then skips the reachability report, so do we); state names are unique across the whole
//! definition, nested machines included. Reachability is one breadth-first walk: linear.

use std::collections::{HashMap, HashSet};

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
    /// How many states carry each name (by hash: no allocation per state), for the uniqueness
    /// rule; a second pass finds the places of the few names seen twice.
    names: HashMap<u64, u32>,
    /// Every Map `Label` and where it is, for the uniqueness rule.
    pub labels: Vec<(String, String)>,
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
    let mut walk = Walk { top, names: HashMap::new(), labels: Vec::new() };
    check_machine(obj, "", MachineKind::Root, &mut walk, cx);
    report_duplicate_labels(&walk.labels, cx);
    let suspects: HashSet<u64> =
        walk.names.iter().filter(|(_, n)| **n > 1).map(|(h, _)| *h).collect();
    if !suspects.is_empty() {
        let mut places: HashMap<String, Vec<String>> = HashMap::new();
        collect_names(obj, "", &suspects, &mut places);
        report_duplicate_names(places, cx);
    }
}

/// A Map Label names the Map's child executions, so two Maps may not share one.
fn report_duplicate_labels(labels: &[(String, String)], cx: &mut Ctx<'_>) {
    let mut seen: HashMap<&str, &str> = HashMap::new();
    for (label, ptr) in labels {
        if let Some(first) = seen.insert(label, ptr) {
            cx.error(
                Code::InvalidFieldValue,
                ptr,
                format!("Another Map state already uses the Label \"{label}\"."),
            )
            .hint = Some(format!(
                "Labels must be unique in the state machine (the other one is at {first})."
            ));
        }
    }
}

fn name_hash(name: &str) -> u64 {
    // FNV-1a: short names, one multiply per byte.
    name.bytes()
        .fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// The pointer of every state whose name hashes to one of `suspects`, in every machine.
fn collect_names(
    machine: &Map<String, Value>,
    ptr: &str,
    suspects: &HashSet<u64>,
    places: &mut HashMap<String, Vec<String>>,
) {
    let Some(states) = machine.get("States").and_then(Value::as_object) else { return };
    let states_ptr = at(ptr, "States");
    for (name, state) in states {
        let state_ptr = at(&states_ptr, name);
        if suspects.contains(&name_hash(name)) {
            places.entry(name.clone()).or_default().push(state_ptr.clone());
        }
        let Some(state) = state.as_object() else { continue };
        if let Some(branches) = state.get("Branches").and_then(Value::as_array) {
            for (i, branch) in branches.iter().enumerate() {
                if let Some(b) = branch.as_object() {
                    collect_names(b, &format!("{state_ptr}/Branches/{i}"), suspects, places);
                }
            }
        }
        for key in ["ItemProcessor", "Iterator"] {
            if let Some(inner) = state.get(key).and_then(Value::as_object) {
                collect_names(inner, &at(&state_ptr, key), suspects, places);
            }
        }
    }
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
        *walk.names.entry(name_hash(name)).or_default() += 1;
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

    // Suggestions cost a scan of the names each: offer them for the first few misses only.
    let mut suggestions_left = 20usize;
    let mut target = |name: &Value,
                      field_ptr: &dyn Fn() -> String,
                      from: Option<usize>,
                      cx: &mut Ctx<'_>| {
        let Some(name) = name.as_str() else { return };
        match index.get(name) {
            Some(&to) => match from {
                Some(from) => edges[from].push(to),
                None => roots.push(to),
            },
            None => {
                let place = if ptr.is_empty() { "in the state machine" } else { "in this branch" };
                cx.error(
                    Code::MissingTransitionTarget,
                    field_ptr(),
                    format!("Missing 'Next' target: {name}"),
                )
                .hint = Some(
                    match (suggestions_left > 0)
                        .then(|| {
                            suggestions_left -= 1;
                            closest(name, states_obj.keys())
                        })
                        .flatten()
                    {
                        Some(near) => format!(
                            "No state named \"{name}\" exists {place}. Did you mean \"{near}\"?"
                        ),
                        None => format!(
                            "No state named \"{name}\" exists {place}. Check the spelling (names are case-sensitive) or add that state."
                        ),
                    },
                );
            }
        }
    };

    if let Some(start) = obj.get("StartAt") {
        target(start, &|| at(ptr, "StartAt"), None, cx);
    }
    let mut has_terminal = false;
    for (i, (name, state)) in states_obj.iter().enumerate() {
        let Some(state) = state.as_object() else { continue };
        let sp = || at(states_ptr, name);
        if let Some("Succeed" | "Fail") = states::get(state, "Type").and_then(Value::as_str) {
            has_terminal = true;
        }
        if states::get(state, "End") == Some(&Value::Bool(true)) {
            has_terminal = true;
        }
        if let Some(next) = states::get(state, "Next") {
            target(next, &|| at(&sp(), "Next"), Some(i), cx);
        }
        if states::get(state, "Type").and_then(Value::as_str) == Some("Choice") {
            if let Some(default) = states::get(state, "Default") {
                target(default, &|| at(&sp(), "Default"), Some(i), cx);
            }
            if let Some(choices) = states::get(state, "Choices").and_then(Value::as_array) {
                let cp = || at(&sp(), "Choices");
                for (j, rule) in choices.iter().enumerate() {
                    if let Some(next) = rule.as_object().and_then(|r| states::get(r, "Next")) {
                        target(next, &|| format!("{}/{j}/Next", cp()), Some(i), cx);
                    }
                }
            }
        }
        if let Some(catchers) = states::get(state, "Catch").and_then(Value::as_array) {
            let cp = || at(&sp(), "Catch");
            for (j, catcher) in catchers.iter().enumerate() {
                if let Some(next) = catcher.as_object().and_then(|c| states::get(c, "Next")) {
                    target(next, &|| format!("{}/{j}/Next", cp()), Some(i), cx);
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

/// The state name most like `wanted` (case-insensitive equal, or at most two edits away).
fn closest<'n>(wanted: &str, names: impl Iterator<Item = &'n String>) -> Option<&'n str> {
    let budget = if wanted.chars().count() <= 3 { 1 } else { 2 };
    names
        .map(|n| {
            let d = if n.eq_ignore_ascii_case(wanted) { 0 } else { edit_distance(wanted, n) };
            (d, n)
        })
        .filter(|(d, _)| *d <= budget)
        .min_by_key(|(d, _)| *d)
        .map(|(_, n)| n.as_str())
}

/// Levenshtein distance, by characters (only computed when a target is missing).
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = if ca == *cb { prev } else { 1 + prev.min(row[j]).min(row[j + 1]) };
            prev = cur;
        }
    }
    row[b.len()]
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

#[cfg(test)]
mod tests {
    use super::{closest, edit_distance};

    #[test]
    fn suggests_the_nearest_state_name() {
        assert_eq!(edit_distance("Hnadler", "Handler"), 2);
        assert_eq!(edit_distance("", "abc"), 3);
        let names: Vec<String> =
            ["Handler", "Done", "Start"].iter().map(|s| s.to_string()).collect();
        assert_eq!(closest("Hnadler", names.iter()), Some("Handler"));
        assert_eq!(closest("done", names.iter()), Some("Done"));
        assert_eq!(closest("Elsewhere", names.iter()), None);
    }
}
