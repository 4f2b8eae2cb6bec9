//! Reading a definition value into a [`Workflow`]: states first (so forward references
//! resolve), then transitions, one scope at a time, recursively.

use std::collections::HashMap;

use petgraph::graph::NodeIndex;
use serde_json::Value;

use super::{Scope, ScopeKind, State, Transition, TransitionKind, Workflow, summarize_rule};
use crate::asl::pointer;

pub(super) fn build(definition: &Value) -> Workflow {
    let mut wf = Workflow::default();
    if definition.is_object() {
        add_scope(&mut wf, definition, String::new(), ScopeKind::Root, None);
    }
    wf
}

/// Adds the scope whose `StartAt`/`States` live in `obj` at `at`, with all nested scopes, and
/// returns its index.
fn add_scope(
    wf: &mut Workflow,
    obj: &Value,
    at: String,
    kind: ScopeKind,
    owner: Option<NodeIndex>,
) -> usize {
    let id = wf.scopes.len();
    wf.scopes.push(Scope { pointer: at.clone(), kind, owner, start: None, states: Vec::new() });
    let states_at = pointer::join(&at, "States");
    let mut names: HashMap<&str, NodeIndex> = HashMap::new();
    let states = obj.get("States").and_then(Value::as_object);
    // Pass 1: the states of this scope.
    for (name, body) in states.into_iter().flatten() {
        if !body.is_object() {
            continue;
        }
        let p = pointer::join(&states_at, name);
        let kind = body.get("Type").and_then(Value::as_str).unwrap_or("").to_string();
        let node = wf.graph.add_node(State {
            pointer: p.clone(),
            name: name.clone(),
            kind,
            scope: id,
            containers: Vec::new(),
        });
        wf.by_pointer.insert(p, node);
        wf.scopes[id].states.push(node);
        names.insert(name.as_str(), node);
    }
    let start = obj.get("StartAt").and_then(Value::as_str).and_then(|s| names.get(s).copied());
    wf.scopes[id].start = start;
    // Pass 2: transitions and nested scopes, in document order.
    for (name, body) in states.into_iter().flatten() {
        let Some(&node) = names.get(name.as_str()) else { continue };
        let here = pointer::join(&states_at, name);
        add_flow(wf, &names, node, &here, body);
        add_nested(wf, node, &here, body);
    }
    id
}

fn add_flow(
    wf: &mut Workflow,
    names: &HashMap<&str, NodeIndex>,
    node: NodeIndex,
    here: &str,
    body: &Value,
) {
    let link = |wf: &mut Workflow, target: Option<&Value>, kind, label, source: String| {
        if let Some(&to) = target.and_then(Value::as_str).and_then(|t| names.get(t)) {
            wf.graph.add_edge(node, to, Transition { kind, label, source });
        }
    };
    if let Some(rules) = body.get("Choices").and_then(Value::as_array) {
        for (i, rule) in rules.iter().enumerate() {
            let label = Some(summarize_rule(rule)).filter(|s| !s.is_empty());
            let source = format!("{here}/Choices/{i}/Next");
            link(wf, rule.get("Next"), TransitionKind::Choice, label, source);
        }
    }
    let default = body.get("Default");
    link(wf, default, TransitionKind::Default, None, format!("{here}/Default"));
    link(wf, body.get("Next"), TransitionKind::Next, None, format!("{here}/Next"));
    if let Some(catchers) = body.get("Catch").and_then(Value::as_array) {
        for (i, catcher) in catchers.iter().enumerate() {
            let errors: Vec<&str> = catcher
                .get("ErrorEquals")
                .and_then(Value::as_array)
                .map(|a| a.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            let label = Some(errors.join(", ")).filter(|s| !s.is_empty());
            let source = format!("{here}/Catch/{i}/Next");
            link(wf, catcher.get("Next"), TransitionKind::Catch, label, source);
        }
    }
}

fn add_nested(wf: &mut Workflow, node: NodeIndex, here: &str, body: &Value) {
    if let Some(branches) = body.get("Branches").and_then(Value::as_array) {
        for (i, branch) in branches.iter().enumerate() {
            if !branch.is_object() {
                continue;
            }
            let at = format!("{here}/Branches/{i}");
            let scope = add_scope(wf, branch, at, ScopeKind::Branch, Some(node));
            link_container(
                wf,
                node,
                scope,
                TransitionKind::BranchEntry,
                TransitionKind::BranchExit,
            );
        }
    }
    for key in ["ItemProcessor", "Iterator"] {
        if let Some(processor) = body.get(key).filter(|v| v.is_object()) {
            let at = pointer::join(here, key);
            let scope = add_scope(wf, processor, at, ScopeKind::ItemProcessor, Some(node));
            link_container(
                wf,
                node,
                scope,
                TransitionKind::ProcessorEntry,
                TransitionKind::ProcessorExit,
            );
            break;
        }
    }
}

/// Records the container on its owner and adds the entry edge and the exit edges (from every
/// state that ends the scope: `End: true` or Succeed).
fn link_container(
    wf: &mut Workflow,
    owner: NodeIndex,
    scope: usize,
    entry: TransitionKind,
    exit: TransitionKind,
) {
    wf.graph[owner].containers.push(scope);
    let source = wf.scopes[scope].pointer.clone();
    if let Some(start) = wf.scopes[scope].start {
        let t = Transition { kind: entry, label: None, source: source.clone() };
        wf.graph.add_edge(owner, start, t);
    }
    let ends: Vec<NodeIndex> = wf.scopes[scope]
        .states
        .iter()
        .copied()
        .filter(|&s| wf.graph[s].kind == "Succeed" || ends_flow(wf, s))
        .collect();
    for s in ends {
        let t = Transition { kind: exit, label: None, source: source.clone() };
        wf.graph.add_edge(s, owner, t);
    }
}

/// True when the state has no outgoing flow transition and is not a Fail (so it ends with
/// `End: true`, or is a terminal of a broken definition).
fn ends_flow(wf: &Workflow, s: NodeIndex) -> bool {
    let kind = wf.graph[s].kind.as_str();
    kind != "Fail"
        && kind != "Choice"
        && !wf
            .graph
            .edges(s)
            .any(|e| matches!(e.weight().kind, TransitionKind::Next | TransitionKind::Choice))
}
