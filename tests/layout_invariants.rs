//! Layout invariants over the conformance corpus (when `../shared` exists next to the crate),
//! the 1000-state benchmark and generated workflows, in both directions.

use std::path::{Path, PathBuf};

use statewright::layout::{Direction, Options, check, layout_definition};

/// The shared reference folder: `../shared` next to the crate (or two levels up, for a
/// worktree under `wt/`).
pub fn shared() -> Option<PathBuf> {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    [here.join("../shared"), here.join("../../shared")].into_iter().find(|p| p.is_dir())
}

fn corpus() -> Vec<PathBuf> {
    let Some(root) = shared() else { return Vec::new() };
    let mut out = Vec::new();
    let mut stack = vec![root.join("conformance")];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.to_string_lossy().ends_with(".asl.json") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

fn check_file(path: &Path) -> Vec<String> {
    let Ok(text) = std::fs::read_to_string(path) else { return Vec::new() };
    let Ok(value) = serde_json::from_str::<serde_json::Value>(&text) else { return Vec::new() };
    let mut out = Vec::new();
    for direction in [Direction::Down, Direction::Right] {
        let layout = layout_definition(&value, &Options { direction, ..Options::default() });
        let states = statewright::graph::Workflow::build(&value).state_count();
        let boxes = layout
            .nodes
            .iter()
            .filter(|n| !matches!(n.kind.as_str(), "Branch" | "ItemProcessor"))
            .count();
        if boxes != states {
            out.push(format!("{}: {states} states but {boxes} boxes", path.display()));
        }
        for p in check::problems(&layout) {
            out.push(format!("{} ({direction:?}): {p}", path.display()));
        }
        for (e, n) in check::edges_through_boxes(&layout) {
            let e = &layout.edges[e];
            out.push(format!(
                "{} ({direction:?}): edge {} -> {} crosses {n}",
                path.display(),
                e.from,
                e.to
            ));
        }
    }
    out
}

#[test]
fn corpus_layouts_keep_invariants() {
    let files = corpus();
    if shared().is_some() {
        assert!(files.len() > 100, "corpus not found: {} files", files.len());
    }
    let mut problems = Vec::new();
    for f in &files {
        problems.extend(check_file(f));
    }
    assert!(
        problems.is_empty(),
        "{} problems in {} files:\n{}",
        problems.len(),
        files.len(),
        problems[..problems.len().min(40)].join("\n")
    );
}
