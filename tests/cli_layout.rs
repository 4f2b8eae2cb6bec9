//! `statewright layout` and `statewright render` end to end: JSON shape, pins from the sidecar,
//! SVG/PNG output, exit codes.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_statewright"))
}

fn fixture() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/layout/order.asl.json"))
}

#[test]
fn layout_json_has_the_contract_shape() {
    let out = bin().args(["layout", "--json"]).arg(fixture()).output().unwrap();
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["width"].as_f64().unwrap() > 0.0 && v["height"].as_f64().unwrap() > 0.0);
    let nodes = v["nodes"].as_array().unwrap();
    for key in ["id", "name", "type", "x", "y", "width", "height", "parent"] {
        assert!(nodes.iter().all(|n| n.get(key).is_some()), "node without {key}");
    }
    let nested =
        nodes.iter().find(|n| n["id"] == "/States/Fulfil/Branches/0/States/Reserve stock").unwrap();
    assert_eq!(nested["parent"], "/States/Fulfil/Branches/0");
    let edges = v["edges"].as_array().unwrap();
    for key in ["from", "to", "kind", "label", "points"] {
        assert!(edges.iter().all(|e| e.get(key).is_some()), "edge without {key}");
    }
    assert!(edges.iter().any(|e| e["kind"] == "choice" && e["label"] == "$.amount > 1000"));
    assert!(edges.iter().any(|e| e["kind"] == "catch" && e["label"] == "ValidationError"));
    let right =
        bin().args(["layout", "--json", "--direction", "right"]).arg(fixture()).output().unwrap();
    let r: Value = serde_json::from_slice(&right.stdout).unwrap();
    assert!(r["width"].as_f64() > r["height"].as_f64(), "right-flowing diagram is wide");
}

#[test]
fn sidecar_pins_are_applied_and_summary_is_readable() {
    let dir = std::env::temp_dir().join(format!("statewright-cli-layout-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let def = dir.join("flow.asl.json");
    std::fs::copy(fixture(), &def).unwrap();
    std::fs::write(
        dir.join("flow.asl.layout.json"),
        r#"{"version":1,"pins":{"/States/Done":{"x":1500,"y":30}}}"#,
    )
    .unwrap();
    let out = bin().args(["layout", "--json"]).arg(&def).output().unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let done =
        v["nodes"].as_array().unwrap().iter().find(|n| n["id"] == "/States/Done").unwrap().clone();
    assert_eq!((done["x"].as_f64(), done["y"].as_f64()), (Some(1500.0), Some(30.0)));
    let text = bin().arg("layout").arg(&def).output().unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(text.contains("21 states, 3 containers"), "{text}");
    let svg = dir.join("flow.svg");
    assert!(bin().arg("render").arg(&def).arg("-o").arg(&svg).status().unwrap().success());
    assert!(std::fs::read_to_string(&svg).unwrap().starts_with("<svg"));
    let bad = bin().arg("render").arg(&def).arg("-o").arg(dir.join("flow.gif")).output().unwrap();
    assert_eq!(bad.status.code(), Some(2));
    let missing = bin().args(["layout", "/nonexistent/x.asl.json"]).output().unwrap();
    assert_eq!(missing.status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&dir);
}
