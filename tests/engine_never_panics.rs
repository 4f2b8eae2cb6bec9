//! Property test: compiling and running any definition with any input never panics, and every
//! run ends (a runaway loop stops at the history quota).

use std::sync::Arc;

use proptest::prelude::*;
use serde_json::{Value, json};
use statewright::engine::{ExecutionIdentity, RunOptions, compile, execute_virtual};

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        (-5i64..50).prop_map(|n| json!(n)),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>().prop_map(|f| json!(f)),
        prop::sample::select(vec![
            "$",
            "$.a",
            "$.b[0]",
            "$$.State.Name",
            "$x",
            "States.Array($.a)",
            "2016-03-14T01:59:00Z",
            "A",
            "B",
            "x"
        ])
        .prop_map(|s| Value::String(s.to_string())),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec(
                (
                    prop::sample::select(vec![
                        "a",
                        "b",
                        "a.$",
                        "Next",
                        "End",
                        "Type",
                        "Variable",
                        "StringEquals"
                    ]),
                    inner
                ),
                0..4
            )
            .prop_map(|kv| Value::Object(
                kv.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
            )),
        ]
    })
}

/// A state of a random type with random (often wrong) fields.
fn state() -> impl Strategy<Value = Value> {
    let ty = prop::sample::select(vec![
        "Pass", "Task", "Choice", "Wait", "Succeed", "Fail", "Parallel", "Map",
    ]);
    let next = prop::sample::select(vec!["A", "B", "C"]);
    (ty, next, json_value(), json_value(), any::<bool>()).prop_map(|(ty, next, v1, v2, end)| {
        let mut s = json!({"Type": ty, "Parameters": v1, "Result": v2.clone()});
        if end {
            s["End"] = json!(true)
        } else {
            s["Next"] = json!(next)
        }
        match ty {
            "Choice" => {
                s["Choices"] = json!([{"Variable": "$.a", "NumericEquals": v2, "Next": next}])
            }
            "Wait" => s["SecondsPath"] = json!("$.a"),
            "Pass" => s["Retry"] = json!([{"ErrorEquals": ["States.ALL"], "IntervalSeconds": v2, "BackoffRate": 1e300}]),
            "Task" => s["Resource"] = json!("arn:aws:states:::lambda:invoke"),
            "Parallel" => {
                s["Branches"] =
                    json!([{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}])
            }
            "Map" => {
                s["ItemProcessor"] =
                    json!({"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}})
            }
            _ => {}
        }
        s
    })
}

fn run(definition: &Value, input: Value) {
    if let Ok(program) = compile(definition) {
        let opts = RunOptions {
            input,
            identity: ExecutionIdentity {
                execution_name: "e".into(),
                state_machine_name: "m".into(),
                account: "1".into(),
                region: "r".into(),
                role_arn: "a".into(),
                partition: "aws".into(),
                express: false,
            },
            mocks: None,
            ignore_quotas: false,
            record_history: false,
            trace: true,
            seed: 3,
            base_dir: ".".into(),
        };
        let _ = execute_virtual(Arc::new(program), opts, 0);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn any_definition_any_input(def in json_value(), input in json_value()) {
        run(&def, input);
    }

    #[test]
    fn any_state_machine(a in state(), b in state(), c in state(), input in json_value()) {
        run(&json!({"StartAt": "A", "States": {"A": a, "B": b, "C": c}}), input);
    }
}
