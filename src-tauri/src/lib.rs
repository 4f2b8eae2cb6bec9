//! Statewright desktop: a thin Tauri shell over the `statewright` core.
//!
//! `ipc` is the typed contract with the UI (TypeScript generated from it); `commands` and
//! `file_commands` are one-line adapters; `analysis`, `canvas` (drag-and-drop gestures),
//! `changes`, `drafts` (autosaved unsaved text), `export` (pictures), `expressions` (JSONata
//! fields checked as typed), `files`, `insert`, `recent`, `run` (executions for the run panel),
//! `sidecar` (hand-placed states), `templates`, `watch` (outside changes to the open file) and
//! `workspace` hold the little logic the shell has, all testable without a window.

pub mod analysis;
pub mod canvas;
pub mod changes;
pub mod commands;
pub mod drafts;
pub mod export;
pub mod expressions;
pub mod file_commands;
pub mod files;
pub mod insert;
pub mod ipc;
pub mod recent;
pub mod run;
pub mod run_commands;
pub mod sidecar;
pub mod templates;
pub mod watch;
pub mod workspace;

use std::process::ExitCode;

use tauri::{Emitter, Manager};

/// Starts the app; returns when the last window closes.
pub fn run() -> ExitCode {
    let startup = files::path_from_args(std::env::args());
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .setup(move |app| {
            let config_dir = app.path().app_config_dir().ok();
            app.manage(run::Runs::default());
            let data_dir = app.path().app_data_dir().ok();
            let window = app.handle().clone();
            let mut ws = workspace::Workspace::new(startup.clone(), config_dir.as_deref())
                .watching(std::sync::Arc::new(move |e| {
                    let _ = window.emit(watch::FILE_EVENT, e);
                }));
            if let Some(dir) = &data_dir {
                ws = ws.with_drafts(dir);
            }
            app.manage(ws);
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::analyze,
            commands::open_file,
            commands::save_file,
            commands::startup_file,
            commands::recent_files,
            commands::templates,
            commands::template_text,
            commands::add_state,
            run_commands::run_setup,
            run_commands::run_save_input,
            run_commands::run_start,
            run_commands::run_act,
            run_commands::run_breakpoints,
            run_commands::run_answer,
            run_commands::run_history,
            run_commands::run_export_history,
            run_commands::run_save_test_case,
            run_commands::run_mock_case,
            run_commands::run_save_mock_case,
            commands::change_state,
            commands::canvas_change,
            commands::load_pins,
            commands::save_pins,
            commands::export_diagram,
            commands::check_jsonata,
            file_commands::unwatch_file,
            file_commands::draft_save,
            file_commands::draft_clear,
            file_commands::draft_find,
        ])
        .run(tauri::generate_context!("../tauri.conf.json"));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("Statewright could not start its window: {error}");
            ExitCode::FAILURE
        }
    }
}
