//! Snapshot tests: the layout of every example (`examples/*.asl.json`) and layout fixture
//! (`tests/fixtures/layout/*.asl.json`), in both directions, must equal the committed snapshot
//! in `tests/snapshots/layout/`. After an intended change, regenerate them with
//! `STATEWRIGHT_UPDATE_SNAPSHOTS=1 cargo test --test layout_snapshots` and review the diff.

mod common;

use std::path::Path;

use serde_json::Value;
use statewright::layout::{Direction, Layout, Options, layout_definition};

/// The layout as pretty JSON, coordinates rounded to 0.1 so the files diff well.
fn snapshot(layout: &Layout) -> String {
    fn round(v: &mut Value) {
        match v {
            Value::Number(n) => {
                if let Some(f) = n.as_f64().filter(|_| !n.is_i64()) {
                    *v = serde_json::json!((f * 10.0).round() / 10.0);
                }
            }
            Value::Array(a) => a.iter_mut().for_each(round),
            Value::Object(m) => m.values_mut().for_each(round),
            _ => {}
        }
    }
    let mut v = serde_json::to_value(layout).unwrap();
    round(&mut v);
    serde_json::to_string_pretty(&v).unwrap() + "\n"
}

#[test]
fn layouts_match_snapshots() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = common::definitions(&root.join("tests/fixtures/layout"));
    files.extend(common::definitions(&root.join("examples")));
    assert!(!files.is_empty());
    let update = std::env::var_os("STATEWRIGHT_UPDATE_SNAPSHOTS").is_some();
    let dir = root.join("tests/snapshots/layout");
    let mut failures = Vec::new();
    for f in &files {
        let value: Value = serde_json::from_str(&std::fs::read_to_string(f).unwrap()).unwrap();
        let stem =
            f.file_name().unwrap().to_string_lossy().trim_end_matches(".asl.json").to_string();
        for (direction, tag) in [(Direction::Down, "down"), (Direction::Right, "right")] {
            let got =
                snapshot(&layout_definition(&value, &Options { direction, ..Options::default() }));
            let path = dir.join(format!("{stem}.{tag}.json"));
            if update {
                std::fs::create_dir_all(&dir).unwrap();
                std::fs::write(&path, &got).unwrap();
            } else {
                match std::fs::read_to_string(&path) {
                    Ok(want) if want == got => {}
                    Ok(_) => failures.push(format!("{}: layout changed", path.display())),
                    Err(_) => failures.push(format!("{}: no snapshot", path.display())),
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{}\nregenerate with STATEWRIGHT_UPDATE_SNAPSHOTS=1 if intended",
        failures.join("\n")
    );
}
