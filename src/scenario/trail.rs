//! Where each history event happened: the state (by JSON pointer) of the cursor that emitted it.
//!
//! AWS's history is flat: events link to the one before them on the same branch or iteration
//! (`previousEventId`), and only `*StateEntered`/`*StateExited` and `MapIteration*` events name a
//! state. A [`Trail`] rebuilds the tree of state *visits* from those links and the definition:
//! the first state of a Parallel branch or Map iteration links to `ParallelStateStarted` /
//! `MapIterationStarted`, a state after another links to its predecessor's exit, and container
//! events (`ParallelStateFailed`, `MapIterationSucceeded`...) link into a child and belong to the
//! nearest enclosing Parallel/Map. It also carries the error name along each chain, so a `Catch` or
//! `Retry` can be matched to the error it handled.
//!
//! Guarantees: works on any event list (unknown links, names or kinds never panic; an event it
//! cannot place has no visit); states are found first in the scope the links say, then anywhere
//! in the definition by name.

use std::collections::HashMap;

use serde_json::Value;

use crate::asl::pointer;
use crate::engine::HistoryEvent;

/// One entry into a state.
#[derive(Debug, Clone)]
pub struct Visit {
    /// The state's JSON pointer (`/States/A`, `/States/P/Branches/0/States/B`...).
    pub pointer: String,
    pub name: String,
    /// The enclosing Parallel/Map visit (none at the top level).
    pub parent: Option<usize>,
    /// The index of the `*StateEntered` event in the history slice.
    pub entered: usize,
    /// Exited, or failed as a whole (a container's `*StateFailed`).
    pub closed: bool,
}

/// The visits of one history and, per event, the visit it belongs to and the error it carries.
#[derive(Debug, Default)]
pub struct Trail {
    pub visits: Vec<Visit>,
    /// Per event (same index as the history): its visit.
    pub visit_of: Vec<Option<usize>>,
    /// Per event: the error name carried by its chain at that point (set by failure events).
    pub error_of: Vec<Option<String>>,
    /// Per event: the index of the event it links to.
    pub previous: Vec<Option<usize>>,
}

/// The state object at `pointer` in the definition.
pub fn state_at<'a>(definition: &'a Value, pointer: &str) -> Option<&'a Value> {
    definition.pointer(pointer)
}

fn state_type<'a>(definition: &'a Value, pointer: &str) -> &'a str {
    state_at(definition, pointer).and_then(|s| s.get("Type")).and_then(Value::as_str).unwrap_or("")
}

/// The `States` pointers directly inside a Parallel or Map state.
pub fn child_scopes(definition: &Value, state_pointer: &str) -> Vec<String> {
    let Some(state) = state_at(definition, state_pointer) else { return Vec::new() };
    let mut out = Vec::new();
    if let Some(branches) = state.get("Branches").and_then(Value::as_array) {
        for i in 0..branches.len() {
            out.push(format!("{state_pointer}/Branches/{i}/States"));
        }
    }
    for key in ["ItemProcessor", "Iterator"] {
        if state.get(key).is_some() {
            out.push(format!("{state_pointer}/{key}/States"));
        }
    }
    out
}

/// Every state of the definition at any depth: (pointer, name), in document order.
pub fn all_states(definition: &Value) -> Vec<(String, String)> {
    fn walk(definition: &Value, scope: &str, out: &mut Vec<(String, String)>) {
        let Some(states) = definition.pointer(scope).and_then(Value::as_object) else { return };
        for name in states.keys() {
            let p = pointer::join(scope, name);
            out.push((p.clone(), name.clone()));
            for child in child_scopes(definition, &p) {
                walk(definition, &child, out);
            }
        }
    }
    let mut out = Vec::new();
    walk(definition, "/States", &mut out);
    out
}

fn find_in(definition: &Value, scopes: &[String], name: &str) -> Option<String> {
    scopes.iter().map(|s| pointer::join(s, name)).find(|p| definition.pointer(p).is_some())
}

fn scope_of(state_pointer: &str) -> &str {
    state_pointer.rsplit_once('/').map_or("", |(s, _)| s)
}

fn is_container_event(kind: &str) -> bool {
    (kind.starts_with("Map") || kind.starts_with("Parallel")) && !kind.ends_with("StateEntered")
}

/// The error name an event's details give, if any.
fn detail_error(e: &HistoryEvent) -> Option<String> {
    e.details.get("error").and_then(Value::as_str).map(str::to_string)
}

impl Trail {
    /// Rebuilds the visits of `history` (one execution, in id order) against `definition`.
    pub fn build(definition: &Value, history: &[HistoryEvent]) -> Trail {
        let index: HashMap<u64, usize> =
            history.iter().enumerate().map(|(i, e)| (e.id, i)).collect();
        let all = all_states(definition);
        let mut t = Trail::default();
        for (i, e) in history.iter().enumerate() {
            let prev = (e.previous_event_id != 0)
                .then(|| index.get(&e.previous_event_id).copied())
                .flatten()
                .filter(|&p| p < i);
            t.previous.push(prev);
            let prev_visit = prev.and_then(|p| t.visit_of[p]);
            let name = e.name.as_deref();
            let visit = if e.kind.starts_with("Execution") {
                None
            } else if e.kind.ends_with("StateEntered") {
                let name = name.unwrap_or("");
                let prev_kind = prev.map_or("", |p| history[p].kind);
                let child_start =
                    matches!(prev_kind, "ParallelStateStarted" | "MapIterationStarted");
                let (scopes, parent) = match prev_visit {
                    Some(v) if child_start => {
                        (child_scopes(definition, &t.visits[v].pointer), Some(v))
                    }
                    Some(v) => {
                        (vec![scope_of(&t.visits[v].pointer).to_string()], t.visits[v].parent)
                    }
                    None => (vec!["/States".to_string()], None),
                };
                let found = find_in(definition, &scopes, name)
                    .or_else(|| all.iter().find(|(_, n)| n == name).map(|(p, _)| p.clone()));
                found.map(|pointer| {
                    t.visits.push(Visit {
                        pointer,
                        name: name.to_string(),
                        parent,
                        entered: i,
                        closed: false,
                    });
                    t.visits.len() - 1
                })
            } else if let Some(start) = prev_visit {
                t.owner(definition, start, e.kind, name)
            } else {
                None
            };
            let closes = e.kind.ends_with("StateExited")
                || matches!(e.kind, "MapStateFailed" | "ParallelStateFailed");
            if let Some(v) = visit.filter(|_| closes) {
                t.visits[v].closed = true;
            }
            t.visit_of.push(visit);
            let inherited = prev.and_then(|p| t.error_of[p].clone());
            let error = match e.kind {
                _ if detail_error(e).is_some() => detail_error(e),
                "FailStateEntered" => visit
                    .and_then(|v| state_at(definition, &t.visits[v].pointer))
                    .and_then(|s| s.get("Error"))
                    .and_then(Value::as_str)
                    .map(str::to_string),
                "MapIterationFailed"
                | "ParallelStateFailed"
                | "MapStateFailed"
                | "MapIterationAborted" => inherited,
                _ => None,
            };
            t.error_of.push(error);
        }
        t
    }

    /// The visit an event that does not enter a state belongs to, starting from the visit of the
    /// event it links to.
    fn owner(
        &self,
        definition: &Value,
        start: usize,
        kind: &str,
        name: Option<&str>,
    ) -> Option<usize> {
        let named =
            name.is_some() && (kind.ends_with("StateExited") || kind.starts_with("MapIteration"));
        if !named && !is_container_event(kind) {
            return Some(start);
        }
        let want = if kind.starts_with("Map") { "Map" } else { "Parallel" };
        let mut cur = Some(start);
        while let Some(v) = cur {
            let visit = &self.visits[v];
            let fits = if named {
                Some(visit.name.as_str()) == name
            } else {
                !visit.closed && state_type(definition, &visit.pointer) == want
            };
            if fits {
                return Some(v);
            }
            cur = visit.parent;
        }
        Some(start)
    }

    /// The names of the states entered at the top level, in order.
    pub fn top_level_path(&self) -> Vec<String> {
        self.visits.iter().filter(|v| v.parent.is_none()).map(|v| v.name.clone()).collect()
    }

    /// The index of the event that links to `i` and enters a state, if any.
    pub fn next_entered(&self, history: &[HistoryEvent], i: usize) -> Option<usize> {
        (i + 1..history.len())
            .find(|&j| self.previous[j] == Some(i) && history[j].kind.ends_with("StateEntered"))
    }
}
