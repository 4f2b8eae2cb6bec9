//! Shared by the layout tests: where the reference corpus is, and a generator of workflows.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use serde_json::{Map, Value, json};

/// The shared reference folder: `../shared` next to the crate (or two levels up, for a
/// worktree under `wt/`).
pub fn shared() -> Option<PathBuf> {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    [here.join("../shared"), here.join("../../shared")].into_iter().find(|p| p.is_dir())
}

/// Every `.asl.json` under `dir`, sorted.
pub fn definitions(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else { continue };
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

/// The conformance corpus definitions (empty without `shared`).
pub fn corpus() -> Vec<PathBuf> {
    shared().map(|s| definitions(&s.join("conformance"))).unwrap_or_default()
}

/// Small deterministic PRNG (xorshift64*).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// A plausible workflow of about `n` states: chains of Tasks and Passes, Choices with forward
/// jumps and the odd loop, Parallels and Maps with small inner flows, Catches into one handler.
pub fn workflow(seed: u64, n: usize) -> Value {
    let mut rng = Rng::new(seed);
    let mut states = Map::new();
    let mut count = 2; // the handler and the final failure
    let mut top = Vec::new();
    while count < n {
        let i = top.len();
        top.push(format!("S{i:03}"));
        count += 1;
        let roll = rng.below(100);
        if (80..88).contains(&roll) {
            count += 2;
        } else if roll >= 88 {
            count += 3;
        }
    }
    let last = top.len();
    for (i, name) in top.iter().enumerate() {
        let next = if i + 1 < last { Value::from(top[i + 1].clone()) } else { Value::Null };
        let mut body = Map::new();
        let roll = rng.below(100);
        let kind = match roll {
            0..=49 => "Task",
            50..=64 => "Pass",
            65..=76 => "Choice",
            77..=79 => "Wait",
            80..=87 => "Map",
            _ => "Parallel",
        };
        body.insert("Type".into(), kind.into());
        match kind {
            "Choice" if i + 1 < last => {
                let far = (i + 2 + rng.below(4) as usize).min(last - 1);
                let jump = if rng.below(8) == 0 && i > 3 {
                    top[i - 1 - rng.below(3) as usize].clone()
                } else {
                    top[far].clone()
                };
                body.insert(
                    "Choices".into(),
                    json!([
                        {"Variable": "$.amount", "NumericGreaterThan": rng.below(1000), "Next": jump},
                        {"Variable": "$.kind", "StringEquals": "express", "Next": next.clone()}
                    ]),
                );
                body.insert("Default".into(), next.clone());
            }
            "Choice" => {
                body.insert("Type".into(), "Succeed".into());
            }
            "Map" => {
                body.insert(
                    "ItemProcessor".into(),
                    json!({"StartAt": format!("{name}_a"), "States": {
                        format!("{name}_a"): {"Type": "Task", "Resource": "arn:aws:lambda:::function:f", "Next": format!("{name}_b")},
                        format!("{name}_b"): {"Type": "Pass", "End": true}}}),
                );
            }
            "Parallel" => {
                body.insert(
                    "Branches".into(),
                    json!([
                        {"StartAt": format!("{name}_x"), "States": {format!("{name}_x"): {"Type": "Pass", "Next": format!("{name}_y")}, format!("{name}_y"): {"Type": "Pass", "End": true}}},
                        {"StartAt": format!("{name}_z"), "States": {format!("{name}_z"): {"Type": "Wait", "Seconds": 1, "End": true}}}
                    ]),
                );
            }
            _ => {}
        }
        if kind == "Task" {
            body.insert("Resource".into(), "arn:aws:lambda:::function:f".into());
        }
        if body.get("Type").and_then(Value::as_str) != Some("Choice")
            && body.get("Type").and_then(Value::as_str) != Some("Succeed")
        {
            if next.is_null() {
                body.insert("End".into(), true.into());
            } else {
                body.insert("Next".into(), next.clone());
            }
        }
        if matches!(kind, "Task" | "Map" | "Parallel") && rng.below(3) == 0 {
            body.insert(
                "Catch".into(),
                json!([{"ErrorEquals": ["States.ALL"], "Next": "Handler"}]),
            );
        }
        states.insert(name.clone(), Value::Object(body));
    }
    states.insert(
        "Handler".into(),
        json!({"Type": "Task", "Resource": "arn:aws:lambda:::function:h", "Next": "Failed"}),
    );
    states.insert("Failed".into(), json!({"Type": "Fail", "Error": "Failed"}));
    json!({"StartAt": "S000", "States": states})
}
