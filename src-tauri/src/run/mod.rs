//! Running a workflow from the desktop: one debugger session at a time, driven by the run panel.
//!
//! [`Runs::start`] compiles the editor's text, picks the mock test case and the clock (instant,
//! real time or ×N) and starts a [`Session`]; a pump task reads its notices into a
//! [`board::Board`] and hands a [`RunBatch`] to `emit` every [`BATCH_MILLIS`] at most (at once on
//! a pause or the end), so the UI stays smooth at thousands of transitions per second. Controls,
//! breakpoints and callback answers go to the pump through a channel. The last finished run is
//! kept for exporting its history and saving it as a test case. Nothing here needs a window.

pub mod board;
pub mod files;
pub mod mocks;
pub mod types;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::Value;
use statewright::engine::{
    Breakpoints, Clock, ExecutionIdentity, ExecutionReport, MockConfig, RealClock, RunOptions,
    Session, VirtualClock, compile,
};
use statewright::scenario::{START_MILLIS, record};
use tokio::sync::mpsc;

use crate::ipc::{CommandError, ErrorCode};
use board::Board;
use types::{RunAction, RunBatch, RunRequest, TaskAnswer};

/// The longest the UI waits for news while an execution runs.
pub const BATCH_MILLIS: u64 = 40;

enum Control {
    Action(RunAction),
    Breakpoints(Breakpoints),
    Answer(TaskAnswer),
}

struct Finished {
    definition: Value,
    machine: String,
    report: ExecutionReport,
}

#[derive(Default)]
struct Slots {
    run: u32,
    control: Option<mpsc::UnboundedSender<Control>>,
    last: Option<Arc<Finished>>,
}

/// The desktop's runs (Tauri state).
#[derive(Default, Clone)]
pub struct Runs {
    slots: Arc<Mutex<Slots>>,
}

fn error(code: ErrorCode, message: impl Into<String>) -> CommandError {
    CommandError { code, message: message.into(), path: None }
}

/// The state machine name Step Functions Local uses for a file: its name up to the first dot.
pub fn machine_name(path: Option<&str>) -> String {
    path.and_then(|p| Path::new(p).file_name()?.to_str().map(str::to_string))
        .and_then(|n| n.split('.').next().map(str::to_string))
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| "Untitled".to_string())
}

impl Runs {
    fn lock(&self) -> std::sync::MutexGuard<'_, Slots> {
        self.slots.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Starts an execution (stopping the one before); returns its run number. Must be called
    /// inside a tokio runtime.
    pub fn start(
        &self,
        req: RunRequest,
        emit: impl Fn(RunBatch) + Send + 'static,
    ) -> Result<u32, CommandError> {
        let definition: Value = serde_json::from_str(&req.definition).map_err(|e| {
            error(ErrorCode::NotRunnable, format!("The workflow is not valid JSON yet: {e}."))
        })?;
        let program = compile(&definition).map_err(|e| {
            error(ErrorCode::NotRunnable, format!("The workflow cannot run yet: {e}"))
        })?;
        let input: Value = serde_json::from_str(&req.input).map_err(|e| {
            error(ErrorCode::BadInput, format!("The execution input is not valid JSON: {e}."))
        })?;
        let machine = machine_name(req.path.as_deref());
        let mocks = match (&req.mocks_path, &req.test_case) {
            (Some(path), Some(case)) => {
                let text = std::fs::read_to_string(path).map_err(|e| {
                    error(
                        ErrorCode::BadMocks,
                        format!("Cannot read the mock configuration {path}: {e}."),
                    )
                })?;
                let doc: Value = serde_json::from_str(&text).map_err(|e| {
                    error(
                        ErrorCode::BadMocks,
                        format!("The mock configuration is not valid JSON: {e}."),
                    )
                })?;
                let config = MockConfig::parse(&doc).map_err(|e| error(ErrorCode::BadMocks, e))?;
                Some(config.case(&machine, case).map_err(|e| error(ErrorCode::BadMocks, e))?)
            }
            _ => None,
        };
        let base_dir = req
            .path
            .as_deref()
            .and_then(|p| Path::new(p).parent().map(Path::to_path_buf))
            .unwrap_or_else(|| PathBuf::from("."));
        let mut slots = self.lock();
        if let Some(old) = slots.control.take() {
            let _ = old.send(Control::Action(RunAction::Stop));
        }
        slots.run += 1;
        let run = slots.run;
        let identity = ExecutionIdentity::local(format!("run-{run}"), machine.clone());
        let opts = RunOptions {
            input,
            identity,
            mocks,
            ignore_quotas: true,
            record_history: true,
            trace: true,
            seed: u64::from(run),
            base_dir,
        };
        let clock: Arc<dyn Clock> = if req.speed > 0.0 {
            Arc::new(RealClock::new(START_MILLIS, req.speed))
        } else {
            Arc::new(VirtualClock::new(START_MILLIS))
        };
        let breakpoints = Breakpoints {
            states: req.breakpoints.into_iter().collect(),
            on_error: req.break_on_error,
            on_catch: req.break_on_catch,
        };
        let session =
            Session::start(Arc::new(program), opts, clock, breakpoints, req.pause_at_start);
        let (tx, rx) = mpsc::unbounded_channel();
        slots.control = Some(tx);
        drop(slots);
        let runs = self.clone();
        tokio::spawn(async move {
            let report = pump(session, rx, Board::new(run), emit).await;
            let mut slots = runs.lock();
            if slots.run == run {
                slots.control = None;
            }
            if let Some(report) = report {
                slots.last = Some(Arc::new(Finished { definition, machine, report }));
            }
        });
        Ok(run)
    }

    fn send(&self, c: Control) -> Result<(), CommandError> {
        let slots = self.lock();
        let tx = slots
            .control
            .as_ref()
            .ok_or_else(|| error(ErrorCode::NotRunning, "No execution is running."))?;
        tx.send(c).map_err(|_| error(ErrorCode::NotRunning, "The execution already ended."))
    }

    pub fn act(&self, action: RunAction) -> Result<(), CommandError> {
        self.send(Control::Action(action))
    }

    pub fn set_breakpoints(
        &self,
        states: Vec<String>,
        on_error: bool,
        on_catch: bool,
    ) -> Result<(), CommandError> {
        self.send(Control::Breakpoints(Breakpoints {
            states: states.into_iter().collect(),
            on_error,
            on_catch,
        }))
    }

    pub fn answer(&self, answer: TaskAnswer) -> Result<(), CommandError> {
        if let TaskAnswer::Success { output, .. } = &answer {
            serde_json::from_str::<Value>(output).map_err(|e| {
                error(ErrorCode::BadInput, format!("The task output is not valid JSON: {e}."))
            })?;
        }
        self.send(Control::Answer(answer))
    }

    fn last(&self) -> Result<Arc<Finished>, CommandError> {
        self.lock()
            .last
            .clone()
            .ok_or_else(|| error(ErrorCode::NotRunning, "No execution has finished yet."))
    }

    /// The last finished execution's history as AWS's `GetExecutionHistory` prints it.
    pub fn history_json(&self) -> Result<String, CommandError> {
        let last = self.last()?;
        let events: Vec<Value> = last.report.history.iter().map(|e| e.to_json()).collect();
        serde_json::to_string_pretty(&serde_json::json!({ "events": events }))
            .map_err(|e| error(ErrorCode::WriteFailed, format!("Cannot write the history: {e}.")))
    }

    /// Writes the last finished execution's history to `path`.
    pub fn export_history(&self, path: &str) -> Result<(), CommandError> {
        let text = self.history_json()?;
        statewright::asl::save::write_atomically(Path::new(path), text.as_bytes()).map_err(|e| {
            error(ErrorCode::WriteFailed, format!("Cannot write the history to {path}: {e}."))
        })
    }

    /// Saves the last finished execution as test case `case` in `mocks_path` (and its
    /// expectations in `<stem>.tests.json` beside the workflow, when `tests_path` is given).
    pub fn save_test_case(
        &self,
        mocks_path: &str,
        tests_path: Option<&str>,
        case: &str,
    ) -> Result<(), CommandError> {
        let case = case.trim();
        if case.is_empty() {
            return Err(error(ErrorCode::BadInput, "Give the test case a name."));
        }
        let last = self.last()?;
        let recording = record::recording_of(&last.definition, &last.report);
        record::save(
            Path::new(mocks_path),
            tests_path.map(Path::new),
            &last.machine,
            case,
            &recording,
        )
        .map_err(|e| error(ErrorCode::WriteFailed, e))
    }
}

/// Reads the session's notices into batches until the execution ends; returns its report.
async fn pump(
    mut session: Session,
    mut control: mpsc::UnboundedReceiver<Control>,
    mut board: Board,
    emit: impl Fn(RunBatch),
) -> Option<ExecutionReport> {
    let mut tick = tokio::time::interval(Duration::from_millis(BATCH_MILLIS));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut controls_open = true;
    loop {
        tokio::select! {
            notice = session.next_notice() => match notice {
                Some(n) => {
                    board.apply(n);
                    if board.urgent() {
                        emit(board.take());
                    }
                }
                None => break,
            },
            c = control.recv(), if controls_open => match c {
                Some(Control::Action(a)) => {
                    match a {
                        RunAction::Pause => session.pause(),
                        RunAction::Step => { board.resumed(); session.step() }
                        RunAction::Continue => { board.resumed(); session.resume() }
                        RunAction::Stop => { session.abort(); session.resume() }
                    }
                }
                Some(Control::Breakpoints(b)) => session.set_breakpoints(b),
                Some(Control::Answer(a)) => match a {
                    TaskAnswer::Success { token, output } => {
                        let v = serde_json::from_str(&output).unwrap_or(Value::Null);
                        session.send_task_success(&token, v);
                    }
                    TaskAnswer::Failure { token, error, cause } => session.send_task_failure(&token, error, cause),
                    TaskAnswer::Heartbeat { token } => session.send_task_heartbeat(&token),
                },
                None => { controls_open = false; session.abort(); session.resume(); }
            },
            _ = tick.tick() => if board.has_news() { emit(board.take()) },
        }
    }
    if board.has_news() {
        emit(board.take());
    }
    session.finish().await.ok()
}

#[cfg(test)]
mod tests;
