//! The discrete-event scheduler: one execution as cursors over virtual time.
//!
//! Each path of control (the top level, a Parallel branch, a Map iteration) is a [`Cursor`]. Ready
//! cursors run synchronously, state after state, until they block (a Wait, a retry delay, a task
//! callback, children running) or end; timers wake them in (time, sequence) order, so a run is
//! deterministic for a given seed and clock start. The only `.await`s are the clock reaching the
//! next timer, external callbacks and debugger pauses: never one per state.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap, VecDeque};
use std::sync::Arc;

use serde_json::Value;

use super::compile::{GraphId, Program, State};
use super::entropy::Entropy;
use super::errors::Failure;
use super::history::History;
use super::lang::Vars;
use super::mock::MockCase;
use super::session::{Command, DebugState, Outcome, RunOptions, StateTrace};
use super::states::fanout::Fanout;

/// Index of a cursor in [`Run::cursors`].
pub(crate) type CursorId = usize;

/// What a blocked cursor waits for.
#[derive(Debug, Default)]
pub(crate) enum Block {
    /// Ready or running.
    #[default]
    None,
    /// A Wait state or a Task's mocked duration: resume with this output when the timer fires.
    Wait,
    /// A retry delay: re-run the state's attempt when the timer fires.
    Retry,
    /// A task waiting for a callback (`.waitForTaskToken` / activity).
    Callback(Box<Awaiting>),
    /// Children (branches or iterations) running.
    Children(Box<Fanout>),
}

/// A Task waiting for a callback.
#[derive(Debug)]
pub(crate) struct Awaiting {
    pub token: String,
    /// Epoch milliseconds when `TimeoutSeconds` runs out.
    pub deadline: Option<i64>,
    /// `HeartbeatSeconds` in milliseconds.
    pub heartbeat: Option<i64>,
    pub resource: super::states::task::Resource,
}

/// One path of control.
#[derive(Debug)]
pub(crate) struct Cursor {
    pub graph: GraphId,
    pub state: usize,
    /// The state's raw input.
    pub input: Value,
    pub vars: Arc<Vars>,
    /// (parent cursor, child slot).
    pub parent: Option<(CursorId, usize)>,
    pub last_event: u64,
    pub entered_event: u64,
    pub entered_at: i64,
    /// Attempts per retrier of the current state.
    pub attempts: Vec<u64>,
    pub retry_count: u64,
    /// Bumped whenever a pending timer must be ignored.
    pub generation: u64,
    pub block: Block,
    /// A Wait's output held until its timer fires.
    pub held: Option<Value>,
    /// The task token of the current Task, when it has one.
    pub task_token: Option<String>,
    /// Variable assignments of the current state, applied when it exits.
    pub assign: Option<serde_json::Map<String, Value>>,
    /// Distributed Map children: their events stay out of the parent's history.
    pub silent: bool,
    /// A Parallel branch: takes turns with the other ready cursors, one state at a time.
    pub takes_turns: bool,
    /// The current state's I/O stages, while tracing.
    pub stages: Option<Box<super::io::Stages>>,
    /// Skip the debugger's pause check once (resuming from a pause).
    pub resume_past_pause: bool,
    pub cancelled: bool,
}

/// Why a timer fires.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum TimerKind {
    /// Resume a Wait / retry.
    Wake,
    /// A Task's TimeoutSeconds elapsed.
    TaskTimeout,
    /// A Task's HeartbeatSeconds elapsed without a heartbeat.
    Heartbeat,
    /// The execution's TimeoutSeconds elapsed.
    Execution,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Timer {
    pub at: i64,
    pub seq: u64,
    pub cursor: CursorId,
    pub generation: u64,
    pub kind: TimerKind,
}

/// Names and ARNs of the execution (the `$$.Execution` / `$$.StateMachine` values).
#[derive(Debug, Clone)]
pub struct ExecutionIdentity {
    pub execution_name: String,
    pub state_machine_name: String,
    pub account: String,
    pub region: String,
    pub role_arn: String,
    pub partition: String,
    /// EXPRESS executions have `express:` ARNs and no redrive count.
    pub express: bool,
}

impl ExecutionIdentity {
    /// A STANDARD execution in the placeholder account and region used for local runs (the app's
    /// run panel and `statewright test`), with a role named for Statewright.
    pub fn local(execution_name: impl Into<String>, state_machine_name: impl Into<String>) -> Self {
        ExecutionIdentity {
            execution_name: execution_name.into(),
            state_machine_name: state_machine_name.into(),
            account: "123456789012".into(),
            region: "us-east-1".into(),
            role_arn: "arn:aws:iam::123456789012:role/StatewrightLocal".into(),
            partition: "aws".into(),
            express: false,
        }
    }

    pub fn state_machine_arn(&self) -> String {
        format!(
            "arn:{}:states:{}:{}:stateMachine:{}",
            self.partition, self.region, self.account, self.state_machine_name
        )
    }
    /// The execution ARN; EXPRESS executions end with a run id (`express_run_id`).
    pub fn execution_arn_with(&self, express_run_id: &str) -> String {
        if self.express {
            return format!(
                "arn:{}:states:{}:{}:express:{}:{}:{}",
                self.partition,
                self.region,
                self.account,
                self.state_machine_name,
                self.execution_name,
                express_run_id
            );
        }
        self.execution_arn()
    }

    /// The STANDARD execution ARN.
    pub fn execution_arn(&self) -> String {
        format!(
            "arn:{}:states:{}:{}:execution:{}:{}",
            self.partition, self.region, self.account, self.state_machine_name, self.execution_name
        )
    }
}

/// The state of one running execution.
pub(crate) struct Run {
    pub prog: Arc<Program>,
    pub opts: RunOptions,
    pub cursors: Vec<Option<Cursor>>,
    free: Vec<CursorId>,
    pub ready: VecDeque<CursorId>,
    pub timers: BinaryHeap<Reverse<Timer>>,
    seq: u64,
    pub now: i64,
    pub history: History,
    pub mocks: Option<MockCase>,
    pub invocations: HashMap<Arc<str>, u64>,
    pub entropy: Entropy,
    pub outcome: Option<Outcome>,
    pub tokens: HashMap<String, CursorId>,
    pub debug: DebugState,
    /// `$$.Execution` as a value (built once).
    pub execution_context: Value,
    /// `$$.StateMachine`.
    pub machine_context: Value,
    /// State entries so far (AWS's billed transitions).
    pub transitions: u64,
    pub traces: Option<Vec<StateTrace>>,
    /// Map states with iterations still to start and no concurrency limit.
    pub lazy_maps: Vec<CursorId>,
}

pub(crate) const HISTORY_LIMIT: u64 = 25_000;

impl Run {
    pub(crate) fn new(prog: Arc<Program>, opts: RunOptions, history: History, start: i64) -> Run {
        let id = &opts.identity;
        let input = if prog.uses_context { opts.input.clone() } else { Value::Null };
        let mut execution_context = serde_json::json!({
            "Id": id.execution_arn_with(&Entropy::new(opts.seed ^ 0x5EED).uuid()),
            "Input": input,
            "Name": id.execution_name,
            "RoleArn": id.role_arn,
            "StartTime": super::time::format_millis(start),
            "RedriveCount": 0,
        });
        if let (true, Value::Object(m)) = (id.express, &mut execution_context) {
            m.remove("RedriveCount");
        }
        let machine_context =
            serde_json::json!({"Id": id.state_machine_arn(), "Name": id.state_machine_name});
        Run {
            prog,
            entropy: Entropy::new(opts.seed),
            mocks: opts.mocks.clone(),
            traces: opts.trace.then(Vec::new),
            opts,
            cursors: Vec::new(),
            free: Vec::new(),
            ready: VecDeque::new(),
            timers: BinaryHeap::new(),
            seq: 0,
            now: start,
            history,
            invocations: HashMap::new(),
            outcome: None,
            tokens: HashMap::new(),
            debug: DebugState::default(),
            execution_context,
            machine_context,
            transitions: 0,
            lazy_maps: Vec::new(),
        }
    }

    /// Creates a cursor at the start of `graph` and makes it ready.
    pub(crate) fn spawn(
        &mut self,
        graph: GraphId,
        input: Value,
        vars: Arc<Vars>,
        parent: Option<(CursorId, usize)>,
        last_event: u64,
    ) -> CursorId {
        let cursor = Cursor {
            graph,
            state: self.prog.graphs[graph].start,
            input,
            vars,
            parent,
            last_event,
            entered_event: 0,
            entered_at: self.now,
            attempts: Vec::new(),
            retry_count: 0,
            generation: 0,
            block: Block::None,
            held: None,
            task_token: None,
            assign: None,
            stages: None,
            takes_turns: false,
            silent: parent.is_some_and(|(p, _)| {
                self.cursors.get(p).and_then(Option::as_ref).is_some_and(|c| c.silent)
            }),
            resume_past_pause: false,
            cancelled: false,
        };
        let id = match self.free.pop() {
            Some(id) => {
                self.cursors[id] = Some(cursor);
                id
            }
            None => {
                self.cursors.push(Some(cursor));
                self.cursors.len() - 1
            }
        };
        self.ready.push_back(id);
        id
    }

    /// Frees a finished cursor's slot.
    pub(crate) fn release(&mut self, id: CursorId) {
        if let Some(slot) = self.cursors.get_mut(id) {
            if let Some(c) = slot.take()
                && let Block::Callback(a) = c.block
            {
                self.tokens.remove(&a.token);
            }
            self.free.push(id);
        }
    }

    pub(crate) fn cursor(&mut self, id: CursorId) -> Option<&mut Cursor> {
        self.cursors.get_mut(id).and_then(Option::as_mut)
    }

    /// The compiled state a cursor is at.
    pub(crate) fn state_of(&self, id: CursorId) -> Option<(Arc<Program>, GraphId, usize)> {
        let c = self.cursors.get(id)?.as_ref()?;
        Some((self.prog.clone(), c.graph, c.state))
    }

    pub(crate) fn state(prog: &Program, graph: GraphId, state: usize) -> &State {
        &prog.graphs[graph].states[state]
    }

    /// Schedules a timer for a cursor (at its current generation).
    pub(crate) fn set_timer(&mut self, cursor: CursorId, at: i64, kind: TimerKind) {
        let generation =
            self.cursors.get(cursor).and_then(Option::as_ref).map_or(0, |c| c.generation);
        self.seq += 1;
        self.timers.push(Reverse(Timer { at, seq: self.seq, cursor, generation, kind }));
    }

    /// Emits a history event for a cursor and moves its `last_event`.
    pub(crate) fn emit(
        &mut self,
        cursor: CursorId,
        kind: &'static str,
        name: Option<&Arc<str>>,
        index: Option<u64>,
        details: impl FnOnce() -> Value,
    ) -> u64 {
        let (prev, silent) = self
            .cursors
            .get(cursor)
            .and_then(Option::as_ref)
            .map_or((0, false), |c| (c.last_event, c.silent));
        if silent {
            return prev;
        }
        let id = self.history.push(prev, self.now, kind, name, index, details);
        if let Some(c) = self.cursor(cursor) {
            c.last_event = id;
        }
        id
    }

    /// Whether the history quota has been exceeded (only when quotas apply).
    pub(crate) fn over_history_quota(&self) -> bool {
        !self.opts.ignore_quotas && self.history.count() > HISTORY_LIMIT
    }

    /// Runs ready cursors until none is ready, the execution ends, or the debugger pauses.
    /// Returns `true` when paused.
    pub(crate) fn drain_ready(&mut self) -> bool {
        while self.outcome.is_none() {
            let Some(id) = self.ready.pop_front() else {
                if self.refill() {
                    continue;
                }
                return false;
            };
            if self.cursors.get(id).and_then(Option::as_ref).is_none_or(|c| c.cancelled) {
                continue;
            }
            if self.advance(id) {
                return true;
            }
            if self.over_history_quota() && self.outcome.is_none() {
                self.fail_execution(Failure::runtime(format!(
                    "The execution reached the maximum number of history events ({HISTORY_LIMIT})."
                )));
            }
        }
        false
    }

    /// Pops the next due timer and applies it. Returns `false` when there is none.
    pub(crate) fn fire_next_timer(&mut self) -> bool {
        let Some(Reverse(t)) = self.timers.pop() else { return false };
        if t.at > self.now {
            self.now = t.at;
        }
        if t.kind == TimerKind::Execution {
            self.time_out_execution();
            return true;
        }
        let live = self
            .cursors
            .get(t.cursor)
            .and_then(Option::as_ref)
            .is_some_and(|c| c.generation == t.generation && !c.cancelled);
        if live {
            self.on_timer(t);
        }
        true
    }

    /// The time of the next live-looking timer.
    pub(crate) fn next_timer_at(&self) -> Option<i64> {
        self.timers.peek().map(|Reverse(t)| t.at)
    }

    /// Applies a command from the session (callbacks, abort...). Debugger commands are handled
    /// by the session loop.
    pub(crate) fn apply(&mut self, cmd: Command) {
        match cmd {
            Command::TaskSuccess { token, output } => self.callback(&token, Ok(output)),
            Command::TaskFailure { token, error, cause } => {
                self.callback(&token, Err(Failure { error, cause }))
            }
            Command::TaskHeartbeat { token } => self.heartbeat(&token),
            Command::Abort => self.abort(),
            _ => {}
        }
    }

    /// Whether something outside (a callback) can still make progress.
    pub(crate) fn awaits_callback(&self) -> bool {
        !self.tokens.is_empty()
    }
}
