//! The scoreboard of a run: turns the session's notices into what the canvas shows (each state's
//! status, the transitions taken, the tasks waiting for a callback) and collects them into
//! [`RunBatch`]es, so the UI gets one message per few milliseconds however fast the engine goes.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::Arc;

use serde_json::Value;
use statewright::engine::{HistoryEvent, Notice, Outcome, PauseReason, StateTrace};

use super::types::{
    CaughtAt, PausedAt, RunBatch, RunEnd, RunEvent, RunTrace, StateStatus, StatusChange, TakenEdge,
    WaitingTask,
};

/// Events in one batch at most, so no single message is too big to take in at once.
pub const MAX_BATCH_EVENTS: usize = 5000;

/// Traces kept per state (a 10,000-item Map would otherwise send 10,000 of each).
pub const TRACES_PER_STATE: usize = 200;

#[derive(Debug, Default)]
struct Track {
    active: u32,
    /// An error was raised since the state was entered (and not retried).
    error: bool,
    status: Option<StateStatus>,
}

/// What one event is about: its state, whether it left it, and whether it is one of a Parallel's
/// or Map's own events (`ParallelStateFailed`, `MapIterationStarted`...) rather than a state's.
#[derive(Debug, Clone)]
struct Owner {
    state: Arc<str>,
    exited: bool,
    container: bool,
    /// The event is a Parallel's or Map's `...StateEntered`.
    fans_out: bool,
    /// A container event that ends it (`ParallelStateSucceeded`, `MapStateFailed`...).
    ended: bool,
    failed: bool,
}

/// A Parallel's or Map's own events: they belong to that state, though the event before them
/// (their `previous_event_id`) may be the last event of a state inside it.
fn is_container_event(kind: &str) -> bool {
    (kind.starts_with("ParallelState")
        || kind.starts_with("MapState")
        || kind.starts_with("MapIteration"))
        && !kind.ends_with("StateEntered")
        && !kind.ends_with("StateExited")
}

/// Reads notices, keeps the statuses, hands out batches.
#[derive(Debug, Default)]
pub struct Board {
    run: u32,
    owners: HashMap<u64, Owner>,
    /// The Parallel or Map each state ran inside (state names are unique in a state machine).
    scope_of: HashMap<Arc<str>, Arc<str>>,
    tracks: HashMap<Arc<str>, Track>,
    changed: BTreeSet<Arc<str>>,
    taken: HashSet<TakenEdge>,
    /// Tokens of callback tasks about to start, by state.
    scheduled_tokens: HashMap<Arc<str>, String>,
    waiting: BTreeMap<String, String>,
    traces_of: HashMap<String, usize>,
    transitions: u64,
    pending: RunBatch,
    /// Something the UI must see now (a pause, the end) rather than at the next tick.
    urgent: bool,
}

impl Board {
    pub fn new(run: u32) -> Board {
        Board { run, ..Board::default() }
    }

    /// Whether a batch should go out right away: a pause, the end, or a batch already big.
    pub fn urgent(&self) -> bool {
        self.urgent || self.pending.events.len() >= MAX_BATCH_EVENTS
    }

    /// Whether anything happened since the last batch.
    pub fn has_news(&self) -> bool {
        let p = &self.pending;
        !(p.events.is_empty() && p.traces.is_empty() && self.changed.is_empty())
            || p.paused.is_some()
            || p.resumed
            || p.end.is_some()
    }

    /// The status of a state now (`Idle` when it never ran).
    pub fn status(&self, state: &str) -> StateStatus {
        self.tracks.get(state).and_then(|t| t.status).unwrap_or(StateStatus::Idle)
    }

    /// Notes that the execution resumed after a pause.
    pub fn resumed(&mut self) {
        self.pending.paused = None;
        self.pending.resumed = true;
        self.urgent = true;
    }

    pub fn apply(&mut self, notice: Notice) {
        match notice {
            Notice::Event(e) => self.event(&e),
            Notice::Trace(t) => self.trace(*t),
            Notice::Paused(p) => {
                let caught = match &p.reason {
                    PauseReason::Caught(c) => Some(CaughtAt {
                        state: c.state.clone(),
                        error: c.error.error.clone(),
                        cause: c.error.cause.clone(),
                        rule: u32::try_from(c.rule).unwrap_or(u32::MAX).saturating_add(1),
                        rules: u32::try_from(c.rules).unwrap_or(u32::MAX),
                        next: c.next.clone(),
                    }),
                    _ => None,
                };
                let reason = match p.reason {
                    PauseReason::Requested => "you asked to pause".to_string(),
                    PauseReason::Step => "a step".to_string(),
                    PauseReason::Breakpoint => "a breakpoint".to_string(),
                    PauseReason::Caught(_) => "a Catch".to_string(),
                    PauseReason::Error(f) => format!(
                        "an error: {}{}",
                        f.error.as_deref().unwrap_or("unnamed error"),
                        f.cause.map(|c| format!(" ({c})")).unwrap_or_default()
                    ),
                };
                self.pending.resumed = false;
                self.pending.paused = Some(PausedAt {
                    state: p.state,
                    reason,
                    input: p.input,
                    variables: Value::Object(p.variables),
                    caught,
                });
                self.urgent = true;
            }
            Notice::Finished(outcome) => self.finished(outcome),
        }
    }

    fn set(&mut self, state: &Arc<str>, status: StateStatus) {
        let track = self.tracks.entry(state.clone()).or_default();
        if track.status != Some(status) {
            track.status = Some(status);
            self.changed.insert(state.clone());
        }
    }

    fn event(&mut self, e: &HistoryEvent) {
        let kind = e.kind;
        let container = is_container_event(kind);
        let prev = self.owners.get(&e.previous_event_id).cloned();
        let owner = if kind.ends_with("StateEntered") || kind.ends_with("StateExited") {
            e.name.clone()
        } else if container {
            // Right after the Parallel or Map was entered, or after another of its own events,
            // the event before is the container's; after a state inside it, that state's scope is.
            prev.as_ref().and_then(|p| {
                if (p.container && !p.ended) || p.fans_out {
                    Some(p.state.clone())
                } else {
                    self.scope_of.get(&p.state).cloned()
                }
            })
        } else {
            prev.as_ref().map(|o| o.state.clone())
        };
        // A nested Parallel or Map that failed with no Catch has no `...StateExited`: its
        // container's next event is where it ends.
        if container
            && let Some(p) = prev.as_ref().filter(|p| p.ended && p.failed)
            && owner.as_ref().is_some_and(|o| *o != p.state)
        {
            if let Some(t) = self.tracks.get_mut(&p.state) {
                t.active = 0;
            }
            self.set(&p.state.clone(), StateStatus::Failed);
        }
        if kind.ends_with("StateEntered")
            && let (Some(state), Some(p)) = (&owner, &prev)
        {
            // The first state of a branch or iteration comes right after its container's
            // `...Started` event; a later one after a sibling's event.
            let scope = if p.container {
                Some(p.state.clone())
            } else {
                self.scope_of.get(&p.state).cloned()
            };
            if let Some(scope) = scope {
                self.scope_of.insert(state.clone(), scope);
            }
        }
        if let Some(state) = &owner {
            self.owners.insert(
                e.id,
                Owner {
                    state: state.clone(),
                    exited: kind.ends_with("StateExited"),
                    container,
                    fans_out: kind == "ParallelStateEntered" || kind == "MapStateEntered",
                    ended: container
                        && !kind.starts_with("MapIteration")
                        && !kind.ends_with("Started"),
                    failed: kind.ends_with("Failed")
                        || kind.ends_with("TimedOut")
                        || kind.ends_with("Aborted"),
                },
            );
        }
        self.pending.events.push(RunEvent {
            id: e.id,
            previous_event_id: e.previous_event_id,
            timestamp: e.timestamp,
            kind: kind.to_string(),
            state: owner.as_deref().map(str::to_string),
            index: e.index,
            details: e.details.clone(),
        });
        match (kind, owner) {
            ("ExecutionFailed" | "ExecutionTimedOut", _) => self.stop_active(StateStatus::Failed),
            ("ExecutionAborted", _) => self.stop_active(StateStatus::Cancelled),
            ("ExecutionSucceeded", _) => self.stop_active(StateStatus::Cancelled),
            (k, Some(state)) if k.ends_with("StateEntered") => self.entered(e, state),
            (k, Some(state)) if k.ends_with("StateExited") => {
                self.forget_waiting(&state);
                let track = self.tracks.entry(state.clone()).or_default();
                track.active = track.active.saturating_sub(1);
                if track.active == 0 {
                    let done =
                        if track.error { StateStatus::Caught } else { StateStatus::Succeeded };
                    self.set(&state, done);
                }
            }
            ("TaskScheduled" | "ActivityScheduled" | "LambdaFunctionScheduled", Some(state)) => {
                self.tracks.entry(state.clone()).or_default().error = false;
                if let Some(token) = callback_token(&e.details) {
                    self.scheduled_tokens.insert(state, token);
                }
            }
            ("TaskStarted", Some(state)) => {
                if let Some(token) = self.scheduled_tokens.remove(&state) {
                    self.waiting.insert(token, state.to_string());
                    self.set(&state, StateStatus::Waiting);
                }
            }
            (k, Some(state))
                if (k.ends_with("Failed") || k.ends_with("TimedOut"))
                    && !k.starts_with("MapIteration") =>
            {
                self.forget_waiting(&state);
                self.tracks.entry(state.clone()).or_default().error = true;
                self.set(&state, StateStatus::Active);
            }
            ("TaskSucceeded", Some(state)) => {
                self.forget_waiting(&state);
                self.set(&state, StateStatus::Active);
            }
            _ => {}
        }
    }

    fn entered(&mut self, e: &HistoryEvent, state: Arc<str>) {
        self.transitions += 1;
        if let Some(prev) = self.owners.get(&e.previous_event_id).filter(|o| o.exited) {
            let edge = TakenEdge { from: prev.state.to_string(), to: state.to_string() };
            if self.taken.insert(edge.clone()) {
                self.pending.edges.push(edge);
            }
        }
        let track = self.tracks.entry(state.clone()).or_default();
        track.error = false;
        if e.kind == "FailStateEntered" {
            self.set(&state, StateStatus::Failed);
        } else {
            track.active += 1;
            self.set(&state, StateStatus::Active);
        }
    }

    fn forget_waiting(&mut self, state: &str) {
        self.waiting.retain(|_, s| s != state);
    }

    /// At the end, whatever still runs stops with `status`.
    fn stop_active(&mut self, status: StateStatus) {
        let running: Vec<Arc<str>> = self
            .tracks
            .iter()
            .filter(|(_, t)| t.active > 0 || t.status == Some(StateStatus::Waiting))
            .map(|(s, _)| s.clone())
            .collect();
        for state in running {
            if let Some(t) = self.tracks.get_mut(&state) {
                t.active = 0;
            }
            self.set(&state, status);
        }
        self.waiting.clear();
    }

    fn trace(&mut self, t: StateTrace) {
        let seen = self.traces_of.entry(t.state.clone()).or_default();
        if *seen >= TRACES_PER_STATE {
            return;
        }
        *seen += 1;
        let s = t.stages;
        self.pending.traces.push(RunTrace {
            state: t.state,
            entered_event: t.entered_event,
            input: s.input,
            after_input_path: s.after_input_path,
            after_parameters: s.after_parameters,
            result: s.result,
            after_result_selector: s.after_result_selector,
            after_result_path: s.after_result_path,
            output: s.output,
            variables: Value::Object(t.variables),
        });
    }

    fn finished(&mut self, outcome: Outcome) {
        let status = outcome.status().to_string();
        let end = match outcome {
            Outcome::Succeeded(v) => RunEnd { status, output: Some(v), error: None, cause: None },
            Outcome::Failed(f) => RunEnd { status, output: None, error: f.error, cause: f.cause },
            Outcome::TimedOut | Outcome::Aborted => {
                RunEnd { status, output: None, error: None, cause: None }
            }
        };
        self.pending.paused = None;
        self.pending.end = Some(end);
        self.urgent = true;
    }

    /// Everything since the last batch.
    pub fn take(&mut self) -> RunBatch {
        let mut batch = std::mem::take(&mut self.pending);
        batch.run = self.run;
        batch.statuses = std::mem::take(&mut self.changed)
            .into_iter()
            .map(|s| StatusChange { status: self.status(&s), state: s.to_string() })
            .collect();
        batch.waiting = self
            .waiting
            .iter()
            .map(|(token, state)| WaitingTask { state: state.clone(), token: token.clone() })
            .collect();
        batch.transitions = self.transitions;
        self.urgent = false;
        batch
    }
}

/// The task token a `.waitForTaskToken` task hands to its worker: in AWS the worker can only learn
/// it from the task's parameters, so it is there (a field named like `taskToken`, or any UUID).
fn callback_token(details: &Value) -> Option<String> {
    let resource = details.get("resource").and_then(Value::as_str)?;
    if !resource.ends_with(".waitForTaskToken") {
        return None;
    }
    let params = details.get("parameters")?;
    let parsed;
    let params = match params {
        Value::String(s) => {
            parsed = serde_json::from_str::<Value>(s).ok()?;
            &parsed
        }
        other => other,
    };
    let mut found = None;
    find_token(params, false, &mut found);
    found
}

fn find_token(v: &Value, named: bool, found: &mut Option<String>) {
    match v {
        Value::String(s)
            if (looks_like_uuid(s) || (named && !s.is_empty())) && (found.is_none() || named) =>
        {
            *found = Some(s.clone());
        }
        Value::Object(m) => {
            for (k, x) in m {
                find_token(x, k.to_ascii_lowercase().contains("token"), found);
            }
        }
        Value::Array(a) => a.iter().for_each(|x| find_token(x, false, found)),
        _ => {}
    }
}

fn looks_like_uuid(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    parts.iter().map(|p| p.len()).eq([8, 4, 4, 4, 12])
        && parts.iter().all(|p| p.chars().all(|c| c.is_ascii_hexdigit()))
}

#[cfg(test)]
#[path = "board_tests.rs"]
mod tests;
