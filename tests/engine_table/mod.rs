//! The runner shared by the table-driven engine tests: each row is a definition, an input, the
//! mocked Task answers (`{"State": [answers]}` or `-`), the expected result and the states
//! entered (`A,B,C` or `-`). A mocked answer `{"Return": {"big": ...}}` becomes a 300 KiB string,
//! for the payload-quota cases.

#![allow(dead_code)]

use std::sync::Arc;

use serde_json::{Map, Value, json};
use statewright::engine::{
    ExecutionIdentity, MockConfig, Outcome, RunOptions, compile, execute_virtual,
};

use crate::table;

pub fn identity() -> ExecutionIdentity {
    ExecutionIdentity {
        execution_name: "exec".into(),
        state_machine_name: "machine".into(),
        account: "123456789012".into(),
        region: "us-east-1".into(),
        role_arn: "arn:aws:iam::123456789012:role/r".into(),
        partition: "aws".into(),
        express: false,
    }
}

/// Wraps `{"State": {answers}}` into a Step Functions Local mock config, test case `T`.
pub fn mock_config(states: &Value) -> MockConfig {
    let mut cases = Map::new();
    let mut responses = Map::new();
    for (state, answers) in states.as_object().into_iter().flatten() {
        let mut answers = answers.clone();
        if let Some(big) = answers.pointer_mut("/0/Return/big") {
            *big = Value::String("x".repeat(300 * 1024));
        }
        cases.insert(state.clone(), json!(format!("R_{state}")));
        responses.insert(format!("R_{state}"), answers);
    }
    let doc = json!({"StateMachines": {"machine": {"TestCases": {"T": cases}}}, "MockedResponses": responses});
    MockConfig::parse(&doc).unwrap_or_else(|e| panic!("bad mock table entry: {e}"))
}

pub fn result_json(outcome: &Outcome) -> Value {
    let mut m = Map::new();
    m.insert("status".into(), json!(outcome.status()));
    match outcome {
        Outcome::Succeeded(v) => {
            m.insert("output".into(), v.clone());
        }
        Outcome::Failed(f) => {
            if let Some(e) = &f.error {
                m.insert("error".into(), json!(e));
            }
            if let Some(c) = &f.cause {
                m.insert("cause".into(), json!(c));
            }
        }
        _ => {}
    }
    Value::Object(m)
}

/// Runs every row of `text` (at least `min_rows` of them) and checks its result and path.
pub fn check_runs(text: &str, min_rows: usize) {
    let rows = table::rows(text, 5);
    assert!(rows.len() >= min_rows);
    for row in rows {
        let f = &row.fields;
        let definition = table::json(&f[0]);
        let program = compile(&definition).unwrap_or_else(|e| panic!("line {}: {e}", row.line));
        let mocks = (f[2] != "-").then(|| {
            mock_config(&table::json(&f[2])).case("machine", "T").unwrap_or_else(|e| panic!("{e}"))
        });
        let opts = RunOptions {
            input: table::json(&f[1]),
            identity: identity(),
            mocks,
            ignore_quotas: false,
            record_history: true,
            trace: false,
            seed: 1,
            base_dir: ".".into(),
        };
        let report = execute_virtual(Arc::new(program), opts, 0);
        assert_eq!(result_json(&report.outcome), table::json(&f[3]), "line {}", row.line);
        if f[4] != "-" {
            let entered: Vec<&str> = report
                .history
                .iter()
                .filter(|e| e.kind.ends_with("StateEntered"))
                .filter_map(|e| e.name.as_deref())
                .collect();
            assert_eq!(entered.join(","), f[4], "line {}: states entered", row.line);
        }
    }
}
