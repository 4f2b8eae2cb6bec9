//! Layout speed: a generated 50-state workflow (bar: ≤ 5 ms) and the 1000-state benchmark
//! definition from the shared corpus (when present next to the crate).

use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use serde_json::{Value, json};
use statewright::graph::Workflow;
use statewright::layout::{Options, layout};

/// 50 states: a chain with Choices jumping ahead, a Parallel, a Map, Catches into one handler.
fn fifty() -> Value {
    let mut states = serde_json::Map::new();
    for i in 0..39 {
        let next = format!("S{:02}", i + 1);
        let body = match i % 11 {
            3 => json!({"Type": "Choice", "Choices": [
                {"Variable": "$.n", "NumericGreaterThan": i, "Next": format!("S{:02}", (i + 3).min(38))}],
                "Default": next}),
            6 => json!({"Type": "Parallel", "Next": next, "Branches": [
                {"StartAt": format!("P{i}a"), "States": {format!("P{i}a"): {"Type": "Pass", "End": true}}},
                {"StartAt": format!("P{i}b"), "States": {format!("P{i}b"): {"Type": "Pass", "End": true}}}]}),
            9 => json!({"Type": "Map", "Next": next, "ItemProcessor": {"StartAt": format!("M{i}"),
                "States": {format!("M{i}"): {"Type": "Pass", "End": true}}}}),
            _ => json!({"Type": "Task", "Resource": "arn:aws:lambda:::function:f", "Next": next,
                "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Handler"}]}),
        };
        states.insert(format!("S{i:02}"), body);
    }
    states.insert("S39".into(), json!({"Type": "Succeed"}));
    states.insert("Handler".into(), json!({"Type": "Fail"}));
    json!({"StartAt": "S00", "States": states})
}

fn bench(c: &mut Criterion) {
    let small = fifty();
    let wf = Workflow::build(&small);
    assert_eq!(wf.state_count(), 50);
    c.bench_function("layout 50 states", |b| b.iter(|| layout(&wf, &Options::default())));
    let big = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/conformance/validation/bench/large-1000.asl.json");
    let big = if big.exists() {
        big
    } else {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../shared/conformance/validation/bench/large-1000.asl.json")
    };
    if let Ok(text) = std::fs::read_to_string(big) {
        let value: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
        c.bench_function("graph + layout 1000 states", |b| {
            b.iter(|| layout(&Workflow::build(&value), &Options::default()))
        });
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
