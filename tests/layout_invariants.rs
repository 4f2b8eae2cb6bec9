//! Layout invariants over the conformance corpus (when `../shared` exists next to the crate),
//! the 1000-state benchmark and generated workflows, in both directions.

mod common;

use std::path::Path;

use serde_json::Value;
use statewright::layout::{Direction, Options, check, layout_definition};

use common::{corpus, shared};

fn check_file(path: &Path) -> Vec<String> {
    let Ok(text) = std::fs::read_to_string(path) else { return Vec::new() };
    let Ok(value) = serde_json::from_str::<Value>(&text) else { return Vec::new() };
    check_value(&value, path)
}

/// Invariants of the layout of `value` in both directions, as messages.
fn check_value(value: &Value, path: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for direction in [Direction::Down, Direction::Right] {
        let layout = layout_definition(value, &Options { direction, ..Options::default() });
        let states = statewright::graph::Workflow::build(value).state_count();
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
        for (e, what) in check::label_overlaps(&layout) {
            let e = &layout.edges[e];
            out.push(format!(
                "{}: label of {} -> {} overlaps {what}",
                path.display(),
                e.from,
                e.to
            ));
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

#[test]
fn generated_layouts_keep_invariants() {
    let mut problems = Vec::new();
    for seed in 0..40 {
        let def = common::workflow(seed, 10 + (seed as usize * 7) % 140);
        problems.extend(check_value(&def, Path::new(&format!("generated-{seed}"))));
    }
    assert!(problems.is_empty(), "{}", problems[..problems.len().min(40)].join("\n"));
}

#[test]
fn same_definition_same_picture() {
    for seed in [3, 17] {
        let def = common::workflow(seed, 120);
        let a = layout_definition(&def, &Options::default());
        let b = layout_definition(&def.clone(), &Options::default());
        assert_eq!(serde_json::to_string(&a).unwrap(), serde_json::to_string(&b).unwrap());
    }
}

#[test]
fn large_benchmark_is_complete() {
    let Some(shared) = shared() else { return };
    let path = shared.join("conformance/validation/bench/large-1000.asl.json");
    let value: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let layout = layout_definition(&value, &Options::default());
    let states = layout
        .nodes
        .iter()
        .filter(|n| !matches!(n.kind.as_str(), "Branch" | "ItemProcessor"))
        .count();
    assert_eq!(states, 1000);
    let wf = statewright::graph::Workflow::build(&value);
    let flow = wf.graph.edge_weights().filter(|t| t.kind.is_flow()).count();
    assert_eq!(layout.edges.len(), flow, "every transition routed");
    assert!(check::problems(&layout).is_empty());
    assert!(check::edges_through_boxes(&layout).is_empty());
}
