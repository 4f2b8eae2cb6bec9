//! Commands that keep the open file safe: the watch on it and the autosaved draft of unsaved
//! text. One line each over the workspace; the clock is read here and passed in.

use tauri::State;

use crate::drafts::Draft;
use crate::ipc::CommandError;
use crate::workspace::Workspace;

/// The window shows a workflow with no file (new from a template): stop watching.
#[tauri::command]
pub fn unwatch_file(workspace: State<'_, Workspace>) {
    workspace.unwatch();
}

#[tauri::command]
pub fn draft_save(
    workspace: State<'_, Workspace>,
    path: Option<String>,
    text: &str,
) -> Result<(), CommandError> {
    let now = crate::drafts::millis(std::time::SystemTime::now());
    workspace.save_draft(path.as_deref(), text, now)
}

#[tauri::command]
pub fn draft_clear(workspace: State<'_, Workspace>, path: Option<String>) {
    workspace.clear_draft(path.as_deref());
}

#[tauri::command]
pub fn draft_find(workspace: State<'_, Workspace>, path: Option<String>) -> Option<Draft> {
    workspace.draft(path.as_deref())
}
