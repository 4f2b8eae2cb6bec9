//! Running states: entering, completing, transitions and the end of a cursor.
//!
//! [`Run::advance`] is the hot loop: it enters the cursor's current state, runs its attempt and,
//! while the state completes at once (Pass, Choice, a mocked Task...), moves straight on to the
//! next one; Parallel branches instead take turns with the other ready cursors. The state-type specific attempts live in `simple`, `task` and `fanout`; error
//! handling (Retry before Catch) in `recovery`.

pub(crate) mod fanout;
mod jsonata;
mod recovery;
mod simple;
pub(crate) mod task;

use serde_json::{Value, json};

use super::compile::{Kind, Next, State};
use super::errors::Failure;
use super::history::payload;
use super::lang::Vars;
use super::scheduler::{Block, CursorId, HISTORY_LIMIT, Run, TimerKind};
use super::session::Outcome;

/// How a state attempt ended.
pub(crate) enum Flow {
    /// Completed with this output; go to the state's `Next` (or end).
    Output(Value),
    /// Completed with this output; go to this state (Choice).
    Goto(Value, usize),
    /// Waiting for a timer, a callback or children.
    Blocked,
    /// Failed.
    Fail(Failure),
}

/// Whether the cursor can keep running now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Step {
    Continue,
    Stop,
}

/// `PassStateEntered`, `TaskStateEntered`...
pub(crate) fn entered_kind(kind: &Kind) -> &'static str {
    match kind {
        Kind::Pass { .. } => "PassStateEntered",
        Kind::Task(_) => "TaskStateEntered",
        Kind::Choice { .. } => "ChoiceStateEntered",
        Kind::Wait(_) => "WaitStateEntered",
        Kind::Succeed => "SucceedStateEntered",
        Kind::Fail { .. } => "FailStateEntered",
        Kind::Parallel { .. } => "ParallelStateEntered",
        Kind::Map(_) => "MapStateEntered",
    }
}

fn exited_kind(kind: &Kind) -> &'static str {
    match kind {
        Kind::Pass { .. } => "PassStateExited",
        Kind::Task(_) => "TaskStateExited",
        Kind::Choice { .. } => "ChoiceStateExited",
        Kind::Wait(_) => "WaitStateExited",
        Kind::Succeed => "SucceedStateExited",
        Kind::Fail { .. } => "FailStateExited",
        Kind::Parallel { .. } => "ParallelStateExited",
        Kind::Map(_) => "MapStateExited",
    }
}

impl Run {
    /// Runs a ready cursor until it blocks or ends. Returns `true` when the debugger paused it.
    pub(crate) fn advance(&mut self, id: CursorId) -> bool {
        loop {
            if self.outcome.is_some() {
                return false;
            }
            if self.debug.active && self.pause_before_entry(id) {
                self.ready.push_front(id);
                return true;
            }
            if self.enter(id) == Step::Stop {
                return false;
            }
            if self.over_history_quota() {
                self.fail_execution(Failure::runtime(format!(
                    "The execution reached the maximum number of history events ({HISTORY_LIMIT})."
                )));
                return false;
            }
            // Parallel branches take turns, one state each, as concurrent paths would (Map
            // iterations run to their end: far less live data for large fan-outs).
            if !self.ready.is_empty()
                && self.cursors.get(id).and_then(Option::as_ref).is_some_and(|c| c.takes_turns)
            {
                self.ready.push_back(id);
                return false;
            }
        }
    }

    /// Enters the cursor's current state and runs its first attempt.
    fn enter(&mut self, id: CursorId) -> Step {
        let prog = self.prog.clone();
        let Some(c) = self.cursors.get_mut(id).and_then(Option::as_mut) else { return Step::Stop };
        let state = &prog.graphs[c.graph].states[c.state];
        c.entered_at = self.now;
        c.attempts.clear();
        c.retry_count = 0;
        c.assign = None;
        c.task_token = None;
        if self.traces.is_some() {
            c.stages = Some(Box::new(super::io::Stages {
                input: Some(c.input.clone()),
                ..Default::default()
            }));
        }
        self.transitions += 1;
        let details = if self.history.wants_details() && !c.silent {
            json!({"input": payload(&c.input), "inputDetails": {"truncated": false}, "name": &*state.name})
        } else {
            Value::Null
        };
        let eid = self.emit(id, entered_kind(&state.kind), Some(&state.name), None, || details);
        if let Some(c) = self.cursor(id) {
            c.entered_event = eid;
        }
        let flow = self.attempt(id, state);
        self.resolve(id, state, flow)
    }

    /// Runs (or re-runs, on retry) the state's work.
    pub(crate) fn attempt(&mut self, id: CursorId, state: &State) -> Flow {
        let flow = match (&state.kind, &state.jsonata) {
            (Kind::Task(_) | Kind::Parallel { .. } | Kind::Map(_), _) | (_, None) => {
                self.attempt_by_kind(id, state)
            }
            (_, Some(spec)) => self.attempt_jsonata(id, state, spec),
        };
        match flow {
            Flow::Fail(f) => {
                let entered =
                    self.cursors.get(id).and_then(Option::as_ref).map_or(0, |c| c.entered_event);
                Flow::Fail(f.in_state(&state.name, entered))
            }
            other => other,
        }
    }

    fn attempt_by_kind(&mut self, id: CursorId, state: &State) -> Flow {
        match &state.kind {
            Kind::Task(task) => self.attempt_task(id, state, task),
            Kind::Parallel { branches } => self.attempt_parallel(id, state, branches),
            Kind::Map(spec) => self.attempt_map(id, state, spec),
            _ => self.attempt_simple(id, state),
        }
    }

    /// Acts on an attempt's outcome.
    pub(crate) fn resolve(&mut self, id: CursorId, state: &State, flow: Flow) -> Step {
        match flow {
            Flow::Output(v) => self.complete(id, state, v, None),
            Flow::Goto(v, n) => self.complete(id, state, v, Some(n)),
            Flow::Blocked => Step::Stop,
            Flow::Fail(f) => self.handle_failure(id, state, f, false),
        }
    }

    /// Resolves a flow that arrived later (timer, callback, children) and requeues the cursor
    /// when it can continue.
    pub(crate) fn resolve_later(&mut self, id: CursorId, flow: Flow) {
        let Some((prog, graph, si)) = self.state_of(id) else { return };
        let state = Self::state(&prog, graph, si);
        if self.resolve(id, state, flow) == Step::Continue {
            self.ready.push_back(id);
        }
    }

    /// The state finished with `output`: exit event, variables, transition.
    pub(crate) fn complete(
        &mut self,
        id: CursorId,
        state: &State,
        output: Value,
        goto: Option<usize>,
    ) -> Step {
        if let Err(f) = self.check_payload(&output, &state.name) {
            return self.handle_failure(id, state, f, false);
        }
        let wants = self.history.wants_details();
        let details = if wants {
            json!({"name": &*state.name, "output": payload(&output), "outputDetails": {"truncated": false}})
        } else {
            Value::Null
        };
        self.emit(id, exited_kind(&state.kind), Some(&state.name), None, || details);
        if self.traces.is_some() {
            self.stage(id, |s| s.output = Some(output.clone()));
            self.record_trace(id, &state.name);
        }
        let Some(c) = self.cursor(id) else { return Step::Stop };
        c.block = Block::None;
        if let Some(values) = c.assign.take() {
            Vars::assign(&mut c.vars, values);
        }
        match goto.map_or(state.next, Next::State) {
            Next::State(n) => {
                c.state = n;
                c.input = output;
                Step::Continue
            }
            Next::End => {
                self.finish(id, Ok(output));
                Step::Stop
            }
        }
    }

    /// A cursor reached its end (or an uncaught failure): tell its parent, or end the execution.
    pub(crate) fn finish(&mut self, id: CursorId, result: Result<Value, Failure>) {
        let Some(c) = self.cursors.get(id).and_then(Option::as_ref) else { return };
        match c.parent {
            None => match result {
                Ok(v) => self.succeed_execution(id, v),
                Err(f) => self.fail_execution(f),
            },
            Some((parent, slot)) => {
                let last = c.last_event;
                self.release(id);
                self.child_done(parent, slot, last, result);
            }
        }
    }

    fn succeed_execution(&mut self, id: CursorId, output: Value) {
        let wants = self.history.wants_details();
        self.emit(id, "ExecutionSucceeded", None, None, || {
            if wants {
                json!({"output": payload(&output), "outputDetails": {"truncated": false}})
            } else {
                Value::Null
            }
        });
        self.outcome = Some(Outcome::Succeeded(output));
    }

    /// Ends the execution as FAILED.
    pub(crate) fn fail_execution(&mut self, f: Failure) {
        if self.outcome.is_some() {
            return;
        }
        let last = self.history.count();
        let mut details = serde_json::Map::new();
        if let Some(e) = &f.error {
            details.insert("error".into(), json!(e));
        }
        if let Some(c) = &f.cause {
            details.insert("cause".into(), json!(c));
        }
        self.history.push(last, self.now, "ExecutionFailed", None, None, || Value::Object(details));
        self.outcome = Some(Outcome::Failed(f));
    }

    /// The execution's TimeoutSeconds elapsed.
    pub(crate) fn time_out_execution(&mut self) {
        if self.outcome.is_some() {
            return;
        }
        let last = self.history.count();
        self.history.push(last, self.now, "ExecutionTimedOut", None, None, || Value::Null);
        self.outcome = Some(Outcome::TimedOut);
    }

    /// Stops the execution as ABORTED.
    pub(crate) fn abort(&mut self) {
        if self.outcome.is_some() {
            return;
        }
        let last = self.history.count();
        self.history.push(last, self.now, "ExecutionAborted", None, None, || Value::Null);
        self.outcome = Some(Outcome::Aborted);
    }

    /// A timer fired for a live cursor.
    pub(crate) fn on_timer(&mut self, t: super::scheduler::Timer) {
        let Some(c) = self.cursor(t.cursor) else { return };
        match (t.kind, &c.block) {
            (TimerKind::Wake, Block::Wait) => {
                let out = c.held.take().unwrap_or(Value::Null);
                c.block = Block::None;
                self.resolve_later(t.cursor, Flow::Output(out));
            }
            (TimerKind::Wake, Block::Retry) => {
                c.block = Block::None;
                let Some((prog, graph, si)) = self.state_of(t.cursor) else { return };
                let state = Self::state(&prog, graph, si);
                let flow = self.attempt(t.cursor, state);
                if self.resolve(t.cursor, state, flow) == Step::Continue {
                    self.ready.push_back(t.cursor);
                }
            }
            (TimerKind::TaskTimeout | TimerKind::Heartbeat, Block::Callback(_)) => {
                self.task_timed_out(t.cursor, t.kind == TimerKind::Heartbeat);
            }
            _ => {}
        }
    }
}
