//! The IPC types of a run (the debugger panel): what the UI sends to start and drive an execution
//! and the batches of what happened that the shell streams back. Generated into
//! `ui/src/ipc/bindings.ts` with the rest of the contract (see `crate::ipc::typescript`).

use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

/// The event name the shell emits a [`RunBatch`] under.
pub const BATCH_EVENT: &str = "run-batch";

/// What the run panel starts with for a workflow file: its default input, named inputs and the
/// test cases of its mock configuration (`<stem>.mocks.json`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RunSetup {
    /// `<stem>.input.json`, when it exists.
    pub input: Option<String>,
    /// Inputs saved by name in `<stem>.inputs.json`.
    pub named_inputs: Vec<NamedInput>,
    /// `<stem>.mocks.json`, when it exists.
    pub mocks_path: Option<String>,
    /// The test cases for this state machine in the mock configuration.
    pub test_cases: Vec<String>,
    /// Why the mock configuration cannot be used, in plain words.
    pub mocks_problem: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct NamedInput {
    pub name: String,
    pub text: String,
}

/// Everything needed to start an execution.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RunRequest {
    /// The definition text as shown in the editor (saved or not).
    pub definition: String,
    /// The workflow file, when it has one (names the state machine, finds item files).
    pub path: Option<String>,
    /// The execution input, as JSON text.
    pub input: String,
    pub mocks_path: Option<String>,
    pub test_case: Option<String>,
    /// 0 runs instantly (virtual time); 1 in real time; N speeds waits up N times.
    pub speed: f64,
    pub breakpoints: Vec<String>,
    pub break_on_error: bool,
    /// Pause when a Catch rule handles an error, before its Next state.
    #[serde(default)]
    pub break_on_catch: bool,
    /// Pause before the first state.
    pub pause_at_start: bool,
}

/// What the debugger controls ask.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum RunAction {
    Pause,
    Step,
    Continue,
    Stop,
}

/// An answer to a task waiting for a callback.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum TaskAnswer {
    Success { token: String, output: String },
    Failure { token: String, error: Option<String>, cause: Option<String> },
    Heartbeat { token: String },
}

/// How a state looks on the canvas during and after a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum StateStatus {
    Idle,
    Active,
    Succeeded,
    Failed,
    Caught,
    Cancelled,
    Waiting,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct StatusChange {
    pub state: String,
    pub status: StateStatus,
}

/// A transition the execution took, by state names.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
pub struct TakenEdge {
    pub from: String,
    pub to: String,
}

/// One history event (AWS's `HistoryEventType` names).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RunEvent {
    #[ts(type = "number")]
    pub id: u64,
    #[ts(type = "number")]
    pub previous_event_id: u64,
    /// Epoch milliseconds.
    #[ts(type = "number")]
    pub timestamp: i64,
    pub kind: String,
    /// The state the event belongs to, when known.
    pub state: Option<String>,
    /// The Map iteration index, on `MapIteration*` events.
    #[ts(type = "number | null")]
    pub index: Option<u64>,
    #[ts(type = "unknown")]
    pub details: Value,
}

/// One pass through a state: each I/O-processing stage and the variables after it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RunTrace {
    pub state: String,
    #[ts(type = "number")]
    pub entered_event: u64,
    #[ts(type = "unknown")]
    pub input: Option<Value>,
    #[ts(type = "unknown")]
    pub after_input_path: Option<Value>,
    #[ts(type = "unknown")]
    pub after_parameters: Option<Value>,
    #[ts(type = "unknown")]
    pub result: Option<Value>,
    #[ts(type = "unknown")]
    pub after_result_selector: Option<Value>,
    #[ts(type = "unknown")]
    pub after_result_path: Option<Value>,
    #[ts(type = "unknown")]
    pub output: Option<Value>,
    #[ts(type = "Record<string, unknown>")]
    pub variables: Value,
}

/// Where and why the execution paused.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PausedAt {
    pub state: String,
    /// In plain words: "a breakpoint", "a step", "you asked", "an error: ...", "a Catch".
    pub reason: String,
    #[ts(type = "unknown")]
    pub input: Value,
    #[ts(type = "Record<string, unknown>")]
    pub variables: Value,
    /// Set when the pause is because a Catch rule handled an error (`state` is then its Next).
    pub caught: Option<CaughtAt>,
}

/// An error a Catch rule handled: which state failed, with what, which rule, where it goes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CaughtAt {
    pub state: String,
    pub error: Option<String>,
    pub cause: Option<String>,
    /// The rule's position in the state's Catch list, from 1.
    pub rule: u32,
    /// How many rules the state's Catch has.
    pub rules: u32,
    pub next: String,
}

/// A task waiting for a callback, and the token to answer it with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct WaitingTask {
    pub state: String,
    pub token: String,
}

/// How the execution ended.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RunEnd {
    /// AWS's status: `SUCCEEDED`, `FAILED`, `TIMED_OUT`, `ABORTED`.
    pub status: String,
    #[ts(type = "unknown")]
    pub output: Option<Value>,
    pub error: Option<String>,
    pub cause: Option<String>,
}

/// What happened since the last batch (one IPC event every few milliseconds at most).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct RunBatch {
    /// Which run this is about (a restart starts a new one).
    pub run: u32,
    pub events: Vec<RunEvent>,
    pub statuses: Vec<StatusChange>,
    pub edges: Vec<TakenEdge>,
    pub traces: Vec<RunTrace>,
    /// Set when the execution paused in this batch; `resumed` clears it.
    pub paused: Option<PausedAt>,
    pub resumed: bool,
    /// Every task waiting for a callback now (not only new ones).
    pub waiting: Vec<WaitingTask>,
    pub end: Option<RunEnd>,
    /// State entries so far.
    #[ts(type = "number")]
    pub transitions: u64,
}

/// The TypeScript declarations of this module.
pub fn decls() -> Vec<String> {
    vec![
        RunSetup::decl(),
        NamedInput::decl(),
        RunRequest::decl(),
        RunAction::decl(),
        TaskAnswer::decl(),
        StateStatus::decl(),
        StatusChange::decl(),
        TakenEdge::decl(),
        RunEvent::decl(),
        RunTrace::decl(),
        PausedAt::decl(),
        CaughtAt::decl(),
        WaitingTask::decl(),
        RunEnd::decl(),
        RunBatch::decl(),
        super::mocks::MockReply::decl(),
        super::mocks::MockEntry::decl(),
        super::mocks::MockedState::decl(),
    ]
}
