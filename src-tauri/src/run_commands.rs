//! The run panel's commands: one line each over [`crate::run`]. Batches reach the UI as the
//! `run-batch` event.

use tauri::{AppHandle, Emitter, State};

use crate::ipc::CommandError;
use crate::run::mocks::{self, MockedState};
use crate::run::types::{BATCH_EVENT, RunAction, RunRequest, RunSetup, TaskAnswer};
use crate::run::{Runs, files};

#[tauri::command]
pub fn run_setup(path: &str, mocks: Option<&str>) -> RunSetup {
    files::setup(path, mocks)
}

#[tauri::command]
pub fn run_save_input(path: &str, name: &str, text: &str) -> Result<(), CommandError> {
    files::save_input(path, name, text)
}

#[tauri::command]
pub async fn run_start(
    app: AppHandle,
    runs: State<'_, Runs>,
    request: RunRequest,
) -> Result<u32, CommandError> {
    runs.start(request, move |batch| {
        let _ = app.emit(BATCH_EVENT, batch);
    })
}

#[tauri::command]
pub fn run_act(runs: State<'_, Runs>, action: RunAction) -> Result<(), CommandError> {
    runs.act(action)
}

#[tauri::command]
pub fn run_breakpoints(
    runs: State<'_, Runs>,
    states: Vec<String>,
    on_error: bool,
    on_catch: bool,
) -> Result<(), CommandError> {
    runs.set_breakpoints(states, on_error, on_catch)
}

#[tauri::command]
pub fn run_answer(runs: State<'_, Runs>, answer: TaskAnswer) -> Result<(), CommandError> {
    runs.answer(answer)
}

#[tauri::command]
pub fn run_history(runs: State<'_, Runs>) -> Result<String, CommandError> {
    runs.history_json()
}

#[tauri::command]
pub fn run_export_history(runs: State<'_, Runs>, path: &str) -> Result<(), CommandError> {
    runs.export_history(path)
}

#[tauri::command]
pub fn run_save_test_case(
    runs: State<'_, Runs>,
    mocks_path: &str,
    tests_path: Option<&str>,
    case: &str,
) -> Result<(), CommandError> {
    runs.save_test_case(mocks_path, tests_path, case)
}

#[tauri::command]
pub fn run_mock_case(
    path: &str,
    mocks: Option<&str>,
    case: &str,
) -> Result<Vec<MockedState>, CommandError> {
    mocks::mock_case(path, mocks, case)
}

#[tauri::command]
pub fn run_save_mock_case(
    path: &str,
    mocks: Option<&str>,
    case: &str,
    states: Vec<MockedState>,
) -> Result<(), CommandError> {
    mocks::save_mock_case(path, mocks, case, &states)
}
