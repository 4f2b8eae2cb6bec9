//! Coverage of a definition by a set of executions: which states, Choice rules (and Default),
//! Retry rules and Catch rules were reached, located by JSON pointer and state name.
//!
//! Computed from the execution histories only (through a [`Trail`]), so it needs nothing from the
//! engine beyond the events AWS itself records. What the history does not say is derived:
//! * a Choice rule is "reached" when the Choice went to its `Next` because of it. The target comes
//!   from the next state entered; when several rules (or the Default) lead there, the rules are
//!   re-evaluated on the state's recorded input (after `InputPath`) and the first that holds wins.
//!   A rule that cannot be re-evaluated (it reads `$$` or variables, or is JSONata) counts as the
//!   first candidate.
//! * a Retry rule is reached when it was the first to match an error of its state (whether it
//!   then retried or was already exhausted); a Catch rule when it caught the error that left its
//!   state. Error names come from the failure events (`TaskFailed`...), a Fail state's `Error`, or
//!   the failure of a Parallel branch / Map iteration.
//!
//! Guarantees: never panics on any definition or history; items are listed in document order.

use serde::Serialize;
use serde_json::{Map, Value};

use super::trail::{Trail, all_states, state_at};
use crate::asl::choice::Rule;
use crate::asl::path::Path;
use crate::asl::scope::Scope;
use crate::engine::{Failure, HistoryEvent};

/// What kind of thing a coverage item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    State,
    ChoiceRule,
    ChoiceDefault,
    Retry,
    Catch,
}

/// One thing a test suite should reach.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Item {
    pub kind: ItemKind,
    /// JSON pointer into the definition (`/States/Check/Choices/1`).
    pub pointer: String,
    /// The state it belongs to.
    pub state: String,
    /// How many times the executions reached it.
    pub hits: u64,
}

impl Item {
    /// A plain description: "Choice rule 2 of 'Check' (→ Ship)".
    pub fn describe(&self, definition: &Value) -> String {
        let node = definition.pointer(&self.pointer);
        let list = |key: &str| {
            node.and_then(|n| n.get(key))
                .and_then(Value::as_array)
                .map(|a| a.iter().filter_map(Value::as_str).collect::<Vec<_>>().join(", "))
                .unwrap_or_default()
        };
        let next = node.and_then(|n| n.get("Next").or(Some(n))).and_then(Value::as_str);
        let number = self.pointer.rsplit('/').next().and_then(|n| n.parse::<usize>().ok());
        let ordinal = number.map_or(String::new(), |n| format!(" {}", n + 1));
        let s = &self.state;
        match self.kind {
            ItemKind::State => format!("state '{s}'"),
            ItemKind::ChoiceRule => {
                format!("Choice rule{ordinal} of '{s}' (→ {})", next.unwrap_or("?"))
            }
            ItemKind::ChoiceDefault => format!("Default of '{s}' (→ {})", next.unwrap_or("?")),
            ItemKind::Retry => format!("Retry rule{ordinal} of '{s}' ({})", list("ErrorEquals")),
            ItemKind::Catch => format!(
                "Catch rule{ordinal} of '{s}' ({} → {})",
                list("ErrorEquals"),
                next.unwrap_or("?")
            ),
        }
    }
}

/// The coverage of one definition, accumulated over executions.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Coverage {
    pub items: Vec<Item>,
}

fn array_len(state: &Value, key: &str) -> usize {
    state.get(key).and_then(Value::as_array).map_or(0, Vec::len)
}

impl Coverage {
    /// Every state, Choice rule, Default, Retry and Catch rule of `definition`, none reached yet.
    pub fn of(definition: &Value) -> Coverage {
        let mut items = Vec::new();
        for (pointer, name) in all_states(definition) {
            let Some(state) = state_at(definition, &pointer) else { continue };
            let mut push = |kind, pointer: String| {
                items.push(Item { kind, pointer, state: name.clone(), hits: 0 });
            };
            push(ItemKind::State, pointer.clone());
            for i in 0..array_len(state, "Choices") {
                push(ItemKind::ChoiceRule, format!("{pointer}/Choices/{i}"));
            }
            if state.get("Default").is_some() {
                push(ItemKind::ChoiceDefault, format!("{pointer}/Default"));
            }
            for i in 0..array_len(state, "Retry") {
                push(ItemKind::Retry, format!("{pointer}/Retry/{i}"));
            }
            for i in 0..array_len(state, "Catch") {
                push(ItemKind::Catch, format!("{pointer}/Catch/{i}"));
            }
        }
        Coverage { items }
    }

    fn hit(&mut self, pointer: &str) {
        if let Some(item) = self.items.iter_mut().find(|i| i.pointer == pointer) {
            item.hits += 1;
        }
    }

    /// The items no execution reached.
    pub fn missed(&self) -> impl Iterator<Item = &Item> {
        self.items.iter().filter(|i| i.hits == 0)
    }

    /// Adds one execution's history.
    pub fn record(&mut self, definition: &Value, history: &[HistoryEvent], trail: &Trail) {
        for (i, e) in history.iter().enumerate() {
            let Some(v) = trail.visit_of[i] else { continue };
            let visit = &trail.visits[v];
            let Some(state) = state_at(definition, &visit.pointer) else { continue };
            let here = visit.pointer.clone();
            let error_before = trail.previous[i].and_then(|p| trail.error_of[p].clone());
            match e.kind {
                k if k.ends_with("StateEntered") => self.hit(&here),
                "ChoiceStateExited" => {
                    let target =
                        trail.next_entered(history, i).and_then(|j| history[j].name.clone());
                    let entered = &history[visit.entered];
                    if let Some(p) = target.and_then(|t| choice_taken(state, &t, entered)) {
                        self.hit(&format!("{here}{p}"));
                    }
                }
                k if k.ends_with("StateExited") => {
                    if let Some(error) = error_before {
                        let target =
                            trail.next_entered(history, i).and_then(|j| history[j].name.clone());
                        if let Some(n) = catcher(state, &error, target.as_deref()) {
                            self.hit(&format!("{here}/Catch/{n}"));
                        }
                    }
                }
                "MapStateFailed" | "ParallelStateFailed" => {
                    if let Some(n) = trail.error_of[i].as_deref().and_then(|er| retrier(state, er))
                    {
                        self.hit(&format!("{here}/Retry/{n}"));
                    }
                }
                "MapStateStarted" | "ParallelStateStarted" => {
                    if let Some(n) = error_before.as_deref().and_then(|er| retrier(state, er)) {
                        self.hit(&format!("{here}/Retry/{n}"));
                    }
                }
                _ => {
                    let error = e.details.get("error").and_then(Value::as_str);
                    if let Some(n) = error.and_then(|er| retrier(state, er)) {
                        self.hit(&format!("{here}/Retry/{n}"));
                    }
                }
            }
        }
    }
}

fn error_lists(state: &Value, key: &str) -> Vec<(Vec<String>, Option<String>)> {
    let rules = state.get(key).and_then(Value::as_array).map(Vec::as_slice).unwrap_or(&[]);
    rules
        .iter()
        .map(|r| {
            let errors = r.get("ErrorEquals").and_then(Value::as_array).map(Vec::as_slice);
            let errors = errors.unwrap_or(&[]).iter().filter_map(Value::as_str).map(String::from);
            (errors.collect(), r.get("Next").and_then(Value::as_str).map(String::from))
        })
        .collect()
}

fn failure(error: &str) -> Failure {
    Failure { error: Some(error.to_string()), cause: None }
}

/// The Retry rule that handles `error` (the first that matches).
fn retrier(state: &Value, error: &str) -> Option<usize> {
    let f = failure(error);
    error_lists(state, "Retry").iter().position(|(errs, _)| f.matches(errs))
}

/// The Catch rule that caught `error` and led to `target`.
fn catcher(state: &Value, error: &str, target: Option<&str>) -> Option<usize> {
    let f = failure(error);
    let rules = error_lists(state, "Catch");
    rules.iter().position(|(errs, _)| f.matches(errs)).or_else(|| {
        let target = target?;
        rules.iter().position(|(_, next)| next.as_deref() == Some(target))
    })
}

/// Which branch of a Choice led to `target`: `/Choices/N` or `/Default`.
fn choice_taken(state: &Value, target: &str, entered: &HistoryEvent) -> Option<String> {
    let rules = state.get("Choices").and_then(Value::as_array).map(Vec::as_slice).unwrap_or(&[]);
    let leads = |r: &Value| r.get("Next").and_then(Value::as_str) == Some(target);
    let candidates: Vec<usize> = (0..rules.len()).filter(|&i| leads(&rules[i])).collect();
    let default = state.get("Default").and_then(Value::as_str) == Some(target);
    match (candidates.as_slice(), default) {
        ([], true) => return Some("/Default".into()),
        ([], false) => return None,
        ([only], false) => return Some(format!("/Choices/{only}")),
        _ => {}
    }
    let input = effective_input(state, entered);
    for &i in &candidates {
        let holds = input.as_ref().and_then(|v| {
            let rule = Rule::compile(&rules[i]).ok()?;
            rule.eval(&Scope::input(v)).ok()
        });
        match holds {
            Some(true) => return Some(format!("/Choices/{i}")),
            Some(false) => {}
            None if !default => return Some(format!("/Choices/{i}")),
            None => {}
        }
    }
    if default {
        Some("/Default".into())
    } else {
        candidates.first().map(|i| format!("/Choices/{i}"))
    }
}

/// The Choice's input after `InputPath`, from its `*StateEntered` event.
fn effective_input(state: &Value, entered: &HistoryEvent) -> Option<Value> {
    let text = entered.details.get("input")?.as_str()?;
    let raw: Value = serde_json::from_str(text).ok()?;
    match state.get("InputPath") {
        None => Some(raw),
        Some(Value::Null) => Some(Value::Object(Map::new())),
        Some(Value::String(p)) => Path::parse(p).ok()?.eval(&Scope::input(&raw)).ok(),
        Some(_) => None,
    }
}
