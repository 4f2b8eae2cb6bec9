//! Table-driven runs of JSONata states (`tests/data/engine_jsonata.txt`): definition, input,
//! mocks, expected result and the states entered, one line per case.

mod engine_table;
mod table;

use std::sync::Arc;

use engine_table::{identity, result_json};
use serde_json::json;
use statewright::engine::{Outcome, RunOptions, compile, execute_virtual};

#[test]
fn jsonata_runs_table() {
    engine_table::check_runs(include_str!("data/engine_jsonata.txt"), 20);
}

#[test]
fn invalid_jsonata_is_a_compile_error_naming_the_field() {
    let definition = json!({"QueryLanguage": "JSONata", "StartAt": "A",
        "States": {"A": {"Type": "Pass", "Output": {"k": "{% a[1,2) %}"}, "End": true}}});
    let err = compile(&definition).err().map(|e| e.at);
    assert_eq!(err.as_deref(), Some("/States/A/Output"));
}

#[test]
fn item_reader_arguments_are_jsonata_in_a_jsonata_map() {
    let dir = std::env::temp_dir().join(format!("statewright-jsonata-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("data")).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(dir.join("data/items.json"), "[1, 2, 3]").unwrap_or_else(|e| panic!("{e}"));
    let definition = json!({"QueryLanguage": "JSONata", "StartAt": "M", "States": {"M": {
        "Type": "Map",
        "ItemReader": {"Resource": "arn:aws:states:::s3:getObject",
            "ReaderConfig": {"InputType": "JSON"},
            "Arguments": {"Bucket": "{% $states.input.bucket %}", "Key": "{% 'items' & '.json' %}"}},
        "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
            "StartAt": "P", "States": {"P": {"Type": "Pass", "Output": "{% $states.input * 2 %}", "End": true}}},
        "Output": "{% $sum($states.result) %}",
        "End": true}}});
    let program = compile(&definition).unwrap_or_else(|e| panic!("{e}"));
    let opts = RunOptions {
        input: json!({"bucket": "data"}),
        identity: identity(),
        mocks: None,
        ignore_quotas: false,
        record_history: false,
        trace: false,
        seed: 1,
        base_dir: dir.clone(),
    };
    let report = execute_virtual(Arc::new(program), opts, 0);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(result_json(&report.outcome), json!({"status": "SUCCEEDED", "output": 12}));
}

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    fn expression() -> impl Strategy<Value = String> {
        let atoms = prop_oneof![
            Just("$states.input"),
            Just("$states.input.xs"),
            Just("$states.result"),
            Just("$states.errorOutput"),
            Just("$states.context.Map.Item.Value"),
            Just("$v"),
            Just("1"),
            Just("-2.5"),
            Just("'s'"),
            Just("null"),
            Just("true"),
            Just("[1,2]"),
            Just("{'a': 1}"),
            Just("function($x){$x}"),
            Just("$range(1, 3, 1)"),
            Just("$partition([1], 0)"),
            Just("$parse('{')"),
            Just("$nothing"),
        ];
        let ops = prop_oneof![
            Just(" + "),
            Just(" & "),
            Just(" = "),
            Just(" and "),
            Just("."),
            Just("[0]")
        ];
        (proptest::collection::vec((atoms, ops), 1..4)).prop_map(|parts| {
            let mut text = String::new();
            for (i, (atom, op)) in parts.iter().enumerate() {
                if i > 0 {
                    text.push_str(op);
                }
                text.push_str(atom);
            }
            format!("{{% {text} %}}")
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]
        #[test]
        fn any_expression_in_any_field_runs_or_fails_cleanly(
            output in expression(), condition in expression(), items in expression(),
            seconds in expression(), assign in expression(),
        ) {
            let definition = json!({"QueryLanguage": "JSONata", "StartAt": "A", "States": {
                "A": {"Type": "Pass", "Assign": {"v": assign}, "Output": output, "Next": "C"},
                "C": {"Type": "Choice", "Choices": [{"Condition": condition, "Next": "M"}], "Default": "W"},
                "M": {"Type": "Map", "Items": items, "ItemProcessor": {"StartAt": "P",
                    "States": {"P": {"Type": "Pass", "End": true}}}, "Next": "W"},
                "W": {"Type": "Wait", "Seconds": seconds, "End": true}}});
            if let Ok(program) = compile(&definition) {
                let opts = RunOptions {
                    input: json!({"xs": [1, 2]}),
                    identity: identity(),
                    mocks: None,
                    ignore_quotas: false,
                    record_history: true,
                    trace: false,
                    seed: 3,
                    base_dir: ".".into(),
                };
                let report = execute_virtual(Arc::new(program), opts, 0);
                prop_assert!(matches!(report.outcome, Outcome::Succeeded(_) | Outcome::Failed(_)));
            }
        }
    }
}
