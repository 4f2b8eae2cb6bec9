//! Tauri's build step: reads the app configuration kept at the repository root and declares the
//! app's own commands, so the capability file can allow exactly those.

fn main() {
    let commands = tauri_build::AppManifest::new().commands(&[
        "analyze",
        "open_file",
        "save_file",
        "startup_file",
        "recent_files",
        "templates",
        "template_text",
        "add_state",
        "change_state",
        "check_jsonata",
        "run_setup",
        "run_save_input",
        "run_start",
        "run_act",
        "run_breakpoints",
        "run_answer",
        "run_history",
        "run_export_history",
        "run_save_test_case",
        "canvas_change",
        "load_pins",
        "save_pins",
        "export_diagram",
        "run_mock_case",
        "run_save_mock_case",
        "unwatch_file",
        "draft_save",
        "draft_clear",
        "draft_find",
    ]);
    let attributes =
        tauri_build::Attributes::new().config_path("../tauri.conf.json").app_manifest(commands);
    if let Err(error) = tauri_build::try_build(attributes) {
        eprintln!("tauri build step failed: {error:#}");
        std::process::exit(1);
    }
}
