//! The commands the UI invokes: one line each over the core and the workspace.

use std::collections::BTreeMap;
use std::path::Path;

use tauri::State;

use crate::ipc::{
    Analysis, CanvasChange, CanvasResult, ChangedText, CommandError, ImageFormat, JsonataProblem,
    OpenedFile, Pin, StateChange, Template,
};
use crate::workspace::Workspace;

/// Async, like `change_state`: Tauri runs it off the main thread, which also draws the window,
/// so a big workflow's analysis does not hold up the frames the user is looking at.
#[tauri::command]
pub async fn analyze(text: String, pins: Option<BTreeMap<String, Pin>>) -> Analysis {
    crate::analysis::analyze(&text, &pins.unwrap_or_default())
}

#[tauri::command]
pub fn open_file(workspace: State<'_, Workspace>, path: &str) -> Result<OpenedFile, CommandError> {
    workspace.open(path)
}

#[tauri::command]
pub fn save_file(
    workspace: State<'_, Workspace>,
    path: &str,
    text: &str,
) -> Result<OpenedFile, CommandError> {
    workspace.save(path, text)
}

#[tauri::command]
pub fn startup_file(workspace: State<'_, Workspace>) -> Option<String> {
    workspace.startup_file()
}

#[tauri::command]
pub fn recent_files(workspace: State<'_, Workspace>) -> Vec<String> {
    workspace.recent_files()
}

#[tauri::command]
pub fn templates() -> Vec<Template> {
    crate::templates::list()
}

#[tauri::command]
pub fn template_text(id: &str) -> Result<String, CommandError> {
    crate::templates::text(id)
}

#[tauri::command]
pub fn add_state(text: &str, kind: &str) -> Result<String, CommandError> {
    crate::insert::add_state(text, kind)
}

#[tauri::command]
pub async fn change_state(
    text: String,
    change: StateChange,
    pins: Option<BTreeMap<String, Pin>>,
    analyse: Option<bool>,
) -> Result<ChangedText, CommandError> {
    crate::changes::change(&text, &change, &pins.unwrap_or_default(), analyse.unwrap_or(true))
}

#[tauri::command]
pub fn canvas_change(
    text: &str,
    change: CanvasChange,
    pins: Option<BTreeMap<String, Pin>>,
) -> Result<CanvasResult, CommandError> {
    crate::canvas::apply(text, &change, &pins.unwrap_or_default())
}

#[tauri::command]
pub fn load_pins(path: &str) -> Result<BTreeMap<String, Pin>, CommandError> {
    crate::sidecar::load(Path::new(path))
}

#[tauri::command]
pub fn save_pins(path: &str, pins: BTreeMap<String, Pin>) -> Result<(), CommandError> {
    crate::sidecar::save(Path::new(path), &pins)
}

/// Async, like `analyze`: drawing a big PNG takes a while, and on the main thread it would
/// freeze the window until it is written.
#[tauri::command]
pub async fn export_diagram(
    text: String,
    pins: BTreeMap<String, Pin>,
    path: String,
    format: ImageFormat,
) -> Result<(), CommandError> {
    crate::export::save(&text, &pins, Path::new(&path), format)
}

#[tauri::command]
pub fn check_jsonata(field: &str) -> Option<JsonataProblem> {
    crate::expressions::check(field)
}
