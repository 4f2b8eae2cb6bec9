//! The public API: run an execution to its end, or drive it step by step from a debugger.
//!
//! [`execute`] runs to completion (synchronously when the clock is virtual and nothing waits on
//! the outside: the fastest path). [`Session::start`] spawns the execution on the current tokio
//! runtime and gives a handle to pause, step to the next state entry, continue, abort, set
//! breakpoints (state names, errors) and answer task tokens, plus a stream of [`Notice`]s (every
//! history event as it happens, pauses with the state's input and variables, per-state I/O stage
//! traces, the end). Executions share nothing, so any number can run at once.

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Arc;

use serde_json::{Map, Value, json};
use tokio::sync::mpsc;

use super::clock::Clock;
use super::compile::{Program, State};
use super::errors::Failure;
use super::history::{EventSink, History, HistoryEvent, payload};
use super::io::Stages;
use super::lang::Vars;
use super::mock::MockCase;
use super::scheduler::{CursorId, ExecutionIdentity, Run, TimerKind};

/// How to run an execution.
#[derive(Debug, Clone)]
pub struct RunOptions {
    pub input: Value,
    pub identity: ExecutionIdentity,
    /// The mock test case answering Task states.
    pub mocks: Option<MockCase>,
    /// Lift AWS's payload and history quotas.
    pub ignore_quotas: bool,
    /// Keep the history in memory (in the report).
    pub record_history: bool,
    /// Record each state's I/O stages (for the debugger).
    pub trace: bool,
    /// Seed for UUIDs, task tokens, `States.MathRandom` and jitter.
    pub seed: u64,
    /// Where ItemReader/ResultWriter files live (`<base_dir>/<Bucket>/<Key>`).
    pub base_dir: PathBuf,
}

/// How the execution ended.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Succeeded(Value),
    Failed(Failure),
    TimedOut,
    Aborted,
}

impl Outcome {
    /// AWS's status name.
    pub fn status(&self) -> &'static str {
        match self {
            Outcome::Succeeded(_) => "SUCCEEDED",
            Outcome::Failed(_) => "FAILED",
            Outcome::TimedOut => "TIMED_OUT",
            Outcome::Aborted => "ABORTED",
        }
    }
}

/// One state's run as the debugger sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct StateTrace {
    pub state: String,
    pub entered_event: u64,
    pub stages: Stages,
    /// Variables visible after the state.
    pub variables: Map<String, Value>,
}

/// Everything known once an execution ended.
#[derive(Debug, Clone)]
pub struct ExecutionReport {
    pub outcome: Outcome,
    /// The history (empty unless `record_history`).
    pub history: Vec<HistoryEvent>,
    /// State entries (AWS's billed transitions).
    pub transitions: u64,
    pub start: i64,
    pub stop: i64,
}

/// What a debugger can ask.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    Pause,
    /// Run to the next state entry, then pause.
    Step,
    Continue,
    Abort,
    SetBreakpoints(Breakpoints),
    TaskSuccess {
        token: String,
        output: Value,
    },
    TaskFailure {
        token: String,
        error: Option<String>,
        cause: Option<String>,
    },
    TaskHeartbeat {
        token: String,
    },
}

/// Where to pause.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Breakpoints {
    /// Pause before entering these states (any depth).
    pub states: HashSet<String>,
    /// Pause after a state raises an error (before Retry/Catch takes effect on the next entry).
    pub on_error: bool,
    /// Pause when a `Catch` rule handles an error, before its `Next` state is entered.
    pub on_catch: bool,
}

/// Why the execution paused.
#[derive(Debug, Clone, PartialEq)]
pub enum PauseReason {
    Requested,
    Step,
    Breakpoint,
    Error(Failure),
    /// A `Catch` rule handled an error; the paused state is the rule's `Next`.
    Caught(Caught),
}

/// An error a `Catch` rule handled: whose, which rule, and where it goes.
#[derive(Debug, Clone, PartialEq)]
pub struct Caught {
    /// The state that failed.
    pub state: String,
    pub error: Failure,
    /// The rule's position in the state's `Catch` list (from 0).
    pub rule: usize,
    /// How many rules the state's `Catch` has.
    pub rules: usize,
    /// The rule's `Next` state.
    pub next: String,
}

/// A paused execution: the state about to be entered, its input and variables.
#[derive(Debug, Clone, PartialEq)]
pub struct Paused {
    pub reason: PauseReason,
    pub state: String,
    pub input: Value,
    pub variables: Map<String, Value>,
}

/// What a session reports.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    Event(HistoryEvent),
    Trace(Box<StateTrace>),
    Paused(Paused),
    Finished(Outcome),
}

/// The debugger state inside a run.
#[derive(Debug, Default)]
pub(crate) struct DebugState {
    pub active: bool,
    pub breakpoints: Breakpoints,
    pub pause_next: Option<PauseReason>,
    pub paused: Option<Paused>,
}

impl Run {
    /// Whether to pause before the cursor enters its state (records why).
    pub(crate) fn pause_before_entry(&mut self, id: CursorId) -> bool {
        let Some((prog, graph, si)) = self.state_of(id) else { return false };
        let state = Self::state(&prog, graph, si);
        let Some(c) = self.cursor(id) else { return false };
        if std::mem::take(&mut c.resume_past_pause) {
            return false;
        }
        let reason = match self.debug.pause_next.take() {
            Some(r) => r,
            None if self.debug.breakpoints.states.contains(&*state.name) => PauseReason::Breakpoint,
            None => return false,
        };
        let Some(c) = self.cursor(id) else { return false };
        c.resume_past_pause = true;
        let paused = Paused {
            reason,
            state: state.name.to_string(),
            input: c.input.clone(),
            variables: c.vars.snapshot(),
        };
        self.debug.paused = Some(paused);
        true
    }

    /// With `on_catch`, makes the next state entry pause because `rule` of `state`'s `Catch`
    /// handled `f` (called once the catch succeeded, just before its transition).
    pub(crate) fn note_catch(&mut self, id: CursorId, state: &State, f: &Failure, rule: usize) {
        if !self.debug.breakpoints.on_catch {
            return;
        }
        let Some(catcher) = state.catch.get(rule) else { return };
        let Some((prog, graph, _)) = self.state_of(id) else { return };
        let next = prog
            .graphs
            .get(graph)
            .and_then(|g| g.states.get(catcher.next))
            .map(|s| s.name.to_string())
            .unwrap_or_default();
        self.debug.pause_next = Some(PauseReason::Caught(Caught {
            state: state.name.to_string(),
            error: f.clone(),
            rule,
            rules: state.catch.len(),
            next,
        }));
    }

    /// Updates the current state's stages when tracing.
    pub(crate) fn stage(&mut self, id: CursorId, f: impl FnOnce(&mut Stages)) {
        if let Some(s) = self.cursor(id).and_then(|c| c.stages.as_mut()) {
            f(s);
        }
    }

    /// Moves the current state's stages into the trace list (when tracing).
    pub(crate) fn record_trace(&mut self, id: CursorId, state: &str) {
        let Some(c) = self.cursors.get_mut(id).and_then(Option::as_mut) else { return };
        let (Some(stages), Some(traces)) = (c.stages.take(), self.traces.as_mut()) else { return };
        traces.push(StateTrace {
            state: state.to_string(),
            entered_event: c.entered_event,
            stages: *stages,
            variables: c.vars.snapshot(),
        });
    }

    fn begin(&mut self) {
        let wants = self.history.wants_details();
        let (input, role) = (&self.opts.input, &self.opts.identity.role_arn);
        let details = if wants {
            json!({"input": payload(input), "inputDetails": {"truncated": false}, "roleArn": role})
        } else {
            Value::Null
        };
        self.history.push(0, self.now, "ExecutionStarted", None, None, || details);
        let input = std::mem::take(&mut self.opts.input);
        let root = self.spawn(0, input, Arc::new(Vars::default()), None, 0);
        if let Some(t) = self.prog.timeout_seconds {
            self.set_timer(
                root,
                self.now.saturating_add(i64::try_from(t).unwrap_or(i64::MAX).saturating_mul(1000)),
                TimerKind::Execution,
            );
        }
    }

    fn report(mut self) -> ExecutionReport {
        ExecutionReport {
            outcome: self.outcome.take().unwrap_or(Outcome::Aborted),
            transitions: self.transitions,
            stop: self.now,
            start: 0,
            history: self.history.events,
        }
    }
}

/// Runs an execution to its end.
pub async fn execute(
    program: Arc<Program>,
    opts: RunOptions,
    clock: Arc<dyn Clock>,
) -> ExecutionReport {
    let (_tx, rx) = mpsc::unbounded_channel();
    drive(program, opts, clock, rx, None).await
}

/// Runs an execution to its end without an async runtime. Only for a virtual clock; a Task
/// waiting for a callback (which nobody can send here) fails the execution.
pub fn execute_virtual(program: Arc<Program>, opts: RunOptions, start: i64) -> ExecutionReport {
    let history = History::new(opts.record_history, None);
    let mut run = Run::new(program, opts, history, start);
    run.begin();
    loop {
        run.drain_ready();
        if run.outcome.is_some() {
            break;
        }
        if run.fire_next_timer() {
            continue;
        }
        stalled(&mut run);
        break;
    }
    let mut report = run.report();
    report.start = start;
    report
}

fn stalled(run: &mut Run) {
    let waiting = if run.awaits_callback() {
        "a Task waits for a task token callback and none can arrive (mock the Task instead)"
    } else {
        "no state can make progress"
    };
    run.fail_execution(Failure::runtime(format!("The execution stalled: {waiting}.")));
}

struct ChannelSink(mpsc::UnboundedSender<Notice>);

impl EventSink for ChannelSink {
    fn event(&mut self, event: &HistoryEvent) {
        let _ = self.0.send(Notice::Event(event.clone()));
    }
}

async fn drive(
    program: Arc<Program>,
    opts: RunOptions,
    clock: Arc<dyn Clock>,
    mut rx: mpsc::UnboundedReceiver<Command>,
    notices: Option<mpsc::UnboundedSender<Notice>>,
) -> ExecutionReport {
    let sink = notices.clone().map(|tx| Box::new(ChannelSink(tx)) as Box<dyn EventSink>);
    let history = History::new(opts.record_history, sink);
    let start = clock.start();
    let mut run = Run::new(program, opts, history, start);
    run.debug.active = notices.is_some();
    run.begin();
    let notify = |n: Notice| {
        if let Some(tx) = &notices {
            let _ = tx.send(n);
        }
    };
    let mut paused = false;
    while run.outcome.is_none() {
        while let Ok(cmd) = rx.try_recv() {
            paused = handle(&mut run, cmd, paused);
        }
        if run.outcome.is_some() {
            break;
        }
        if paused {
            match rx.recv().await {
                Some(cmd) => paused = handle(&mut run, cmd, paused),
                None => run.abort(),
            }
            continue;
        }
        if let Some(now) = clock.now() {
            run.now = run.now.max(now);
        }
        let traced = run.traces.as_ref().map_or(0, Vec::len);
        let hit = run.drain_ready();
        if let Some(traces) = run.traces.as_ref() {
            for t in &traces[traced..] {
                notify(Notice::Trace(Box::new(t.clone())));
            }
        }
        if hit {
            paused = true;
            if let Some(p) = run.debug.paused.clone() {
                notify(Notice::Paused(p));
            }
            continue;
        }
        if run.outcome.is_some() {
            break;
        }
        // In virtual time a callback may arrive "at any moment": time stands still while a task
        // waits for one, so its TimeoutSeconds cannot run out before the debugger answers.
        let frozen = clock.is_virtual() && run.awaits_callback();
        if let Some(at) = run.next_timer_at().filter(|_| !frozen) {
            if clock.is_virtual() {
                run.fire_next_timer();
            } else {
                tokio::select! {
                    () = clock.sleep_until(run.now, at) => { run.fire_next_timer(); }
                    cmd = rx.recv() => match cmd {
                        Some(cmd) => paused = handle(&mut run, cmd, paused),
                        None => { run.fire_next_timer(); }
                    },
                }
            }
            continue;
        }
        if run.awaits_callback() {
            match rx.recv().await {
                Some(cmd) => paused = handle(&mut run, cmd, paused),
                None => stalled(&mut run),
            }
            continue;
        }
        stalled(&mut run);
    }
    let mut report = run.report();
    report.start = start;
    notify(Notice::Finished(report.outcome.clone()));
    report
}

/// Applies a command; returns whether the run is (still) paused.
fn handle(run: &mut Run, cmd: Command, paused: bool) -> bool {
    match cmd {
        Command::Pause => {
            run.debug.pause_next = Some(PauseReason::Requested);
            paused
        }
        Command::Step => {
            run.debug.pause_next = Some(PauseReason::Step);
            false
        }
        Command::Continue => false,
        Command::SetBreakpoints(b) => {
            run.debug.breakpoints = b;
            paused
        }
        other => {
            run.apply(other);
            paused
        }
    }
}

/// A running execution driven from outside (the debugger).
pub struct Session {
    commands: mpsc::UnboundedSender<Command>,
    notices: mpsc::UnboundedReceiver<Notice>,
    done: tokio::task::JoinHandle<ExecutionReport>,
}

impl Session {
    /// Starts an execution on the current tokio runtime. With `pause_at_start`, it pauses before
    /// the first state.
    pub fn start(
        program: Arc<Program>,
        opts: RunOptions,
        clock: Arc<dyn Clock>,
        breakpoints: Breakpoints,
        pause_at_start: bool,
    ) -> Session {
        let (ctx, crx) = mpsc::unbounded_channel();
        let (ntx, nrx) = mpsc::unbounded_channel();
        let _ = ctx.send(Command::SetBreakpoints(breakpoints));
        if pause_at_start {
            let _ = ctx.send(Command::Step);
        }
        let done = tokio::spawn(drive(program, opts, clock, crx, Some(ntx)));
        Session { commands: ctx, notices: nrx, done }
    }

    fn send(&self, c: Command) {
        let _ = self.commands.send(c);
    }

    /// Pauses before the next state entry.
    pub fn pause(&self) {
        self.send(Command::Pause);
    }
    /// Runs until the next state entry, then pauses.
    pub fn step(&self) {
        self.send(Command::Step);
    }
    /// Resumes a paused execution.
    pub fn resume(&self) {
        self.send(Command::Continue);
    }
    /// Stops the execution (ABORTED).
    pub fn abort(&self) {
        self.send(Command::Abort);
    }
    /// Replaces the breakpoints.
    pub fn set_breakpoints(&self, b: Breakpoints) {
        self.send(Command::SetBreakpoints(b));
    }
    /// `SendTaskSuccess` for a waiting task.
    pub fn send_task_success(&self, token: &str, output: Value) {
        self.send(Command::TaskSuccess { token: token.into(), output });
    }
    /// `SendTaskFailure` for a waiting task.
    pub fn send_task_failure(&self, token: &str, error: Option<String>, cause: Option<String>) {
        self.send(Command::TaskFailure { token: token.into(), error, cause });
    }
    /// `SendTaskHeartbeat` for a waiting task.
    pub fn send_task_heartbeat(&self, token: &str) {
        self.send(Command::TaskHeartbeat { token: token.into() });
    }
    /// The next notice; `None` once the execution ended and every notice was read.
    pub async fn next_notice(&mut self) -> Option<Notice> {
        self.notices.recv().await
    }
    /// Waits for the end of the execution.
    pub async fn finish(self) -> Result<ExecutionReport, String> {
        self.done.await.map_err(|e| format!("the execution task failed: {e}"))
    }
}
