//! Engine throughput: the inline-Map fan-out benchmarks of `shared/bench`, in-process.
//!
//! Measures compile + run of `map_pass` and `map_choice` with N items (no history recorded,
//! quotas off), i.e. the engine alone, without process start-up or JSON file I/O. The state
//! transitions per run are 3N+1 and 4N+1.

use std::hint::black_box;
use std::sync::Arc;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use serde_json::{Value, json};
use statewright::engine::{ExecutionIdentity, Outcome, RunOptions, compile, execute_virtual};

const MAP_PASS: &str = r#"{"StartAt":"Fanout","States":{"Fanout":{"Type":"Map","ItemsPath":"$.items","MaxConcurrency":0,
 "ItemProcessor":{"ProcessorConfig":{"Mode":"INLINE"},"StartAt":"Shape","States":{
  "Shape":{"Type":"Pass","Parameters":{"i.$":"$.i","payload.$":"$.payload","tag":"shaped"},"Next":"Annotate"},
  "Annotate":{"Type":"Pass","Result":{"step":2},"ResultPath":"$.annotation","Next":"Finish"},
  "Finish":{"Type":"Pass","Parameters":{"i.$":"$.i","step.$":"$.annotation.step"},"End":true}}},"End":true}}}"#;

const MAP_CHOICE: &str = r#"{"StartAt":"Fanout","States":{"Fanout":{"Type":"Map","ItemsPath":"$.items","MaxConcurrency":0,
 "ItemProcessor":{"ProcessorConfig":{"Mode":"INLINE"},"StartAt":"Shape","States":{
  "Shape":{"Type":"Pass","Parameters":{"i.$":"$.i","parity.$":"$.parity"},"Next":"Route"},
  "Route":{"Type":"Choice","Choices":[{"Variable":"$.parity","StringEquals":"even","Next":"Even"},
    {"And":[{"Variable":"$.i","IsNumeric":true},{"Variable":"$.i","NumericGreaterThanEquals":0}],"Next":"Odd"}],"Default":"Odd"},
  "Even":{"Type":"Pass","Result":"even","ResultPath":"$.route","Next":"Finish"},
  "Odd":{"Type":"Pass","Result":"odd","ResultPath":"$.route","Next":"Finish"},
  "Finish":{"Type":"Pass","Parameters":{"i.$":"$.i","route.$":"$.route"},"End":true}}},"End":true}}}"#;

fn input(n: usize) -> Value {
    let items: Vec<Value> = (0..n)
        .map(|i| json!({"i": i, "parity": if i % 2 == 0 { "even" } else { "odd" }, "payload": format!("item-{i}")}))
        .collect();
    json!({ "items": items })
}

fn options(input: Value) -> RunOptions {
    RunOptions {
        input,
        identity: ExecutionIdentity {
            execution_name: "bench".into(),
            state_machine_name: "bench".into(),
            account: "123456789012".into(),
            region: "us-east-1".into(),
            role_arn: "arn:aws:iam::123456789012:role/bench".into(),
            partition: "aws".into(),
            express: false,
        },
        mocks: None,
        ignore_quotas: true,
        record_history: false,
        trace: false,
        seed: 1,
        base_dir: ".".into(),
    }
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("engine");
    group.sample_size(10);
    for (name, text, per_item) in [("map_pass", MAP_PASS, 3u64), ("map_choice", MAP_CHOICE, 4)] {
        let definition: Value = serde_json::from_str(text).unwrap_or(Value::Null);
        for n in [1000usize, 10_000] {
            let data = input(n);
            group.throughput(Throughput::Elements(per_item * n as u64 + 1));
            group.bench_function(format!("{name}/{n}"), |b| {
                b.iter(|| {
                    let program = Arc::new(
                        compile(&definition)
                            .map_err(|e| e.to_string())
                            .unwrap_or_else(|e| panic!("{e}")),
                    );
                    let report = execute_virtual(program, options(data.clone()), 0);
                    assert!(matches!(report.outcome, Outcome::Succeeded(_)));
                    black_box(report.transitions)
                })
            });
        }
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
