//! Distributed Map I/O on the local disk: ItemReader (JSON, CSV) and ResultWriter.

use std::sync::Arc;

use serde_json::{Value, json};
use statewright::engine::{ExecutionIdentity, Outcome, RunOptions, compile, execute_virtual};

fn run(definition: Value, dir: &std::path::Path) -> Outcome {
    run_with(definition, dir, json!({"bucket": "data"}))
}

fn run_with(definition: Value, dir: &std::path::Path, input: Value) -> Outcome {
    let program = compile(&definition).unwrap_or_else(|e| panic!("{e}"));
    let opts = RunOptions {
        input,
        identity: ExecutionIdentity {
            execution_name: "e".into(),
            state_machine_name: "m".into(),
            account: "123456789012".into(),
            region: "us-east-1".into(),
            role_arn: "arn:aws:iam::123456789012:role/r".into(),
            partition: "aws".into(),
            express: false,
        },
        mocks: None,
        ignore_quotas: false,
        record_history: false,
        trace: false,
        seed: 5,
        base_dir: dir.to_path_buf(),
    };
    execute_virtual(Arc::new(program), opts, 0).outcome
}

fn temp_dir(tag: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("statewright-items-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("data")).unwrap_or_else(|e| panic!("{e}"));
    dir
}

fn map(reader: Value, writer: Option<Value>) -> Value {
    let mut m = json!({
        "Type": "Map",
        "ItemReader": reader,
        "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
            "StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}},
        "End": true
    });
    if let Some(w) = writer {
        m["ResultWriter"] = w;
    }
    json!({"StartAt": "M", "States": {"M": m}})
}

#[test]
fn reads_csv_items_from_the_data_folder() {
    let dir = temp_dir("csv");
    std::fs::write(dir.join("data/rows.csv"), "id,name\n1,a\n2,\"b,c\"\n")
        .unwrap_or_else(|e| panic!("{e}"));
    let reader = json!({"Resource": "arn:aws:states:::s3:getObject", "ReaderConfig": {"InputType": "CSV", "CSVHeaderLocation": "FIRST_ROW"},
        "Parameters": {"Bucket.$": "$.bucket", "Key": "rows.csv"}});
    let outcome = run(map(reader, None), &dir);
    assert_eq!(
        outcome,
        Outcome::Succeeded(json!([{"id": "1", "name": "a"}, {"id": "2", "name": "b,c"}]))
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn writes_results_and_a_manifest() {
    let dir = temp_dir("writer");
    std::fs::write(dir.join("data/items.json"), "[1,2,3]").unwrap_or_else(|e| panic!("{e}"));
    let reader = json!({"Resource": "arn:aws:states:::s3:getObject", "ReaderConfig": {"InputType": "JSON"},
        "Parameters": {"Bucket": "data", "Key": "items.json"}});
    let writer = json!({"Resource": "arn:aws:states:::s3:putObject", "Parameters": {"Bucket": "out", "Prefix": "runs"}});
    let Outcome::Succeeded(out) = run(map(reader, Some(writer)), &dir) else {
        panic!("the run failed")
    };
    assert_eq!(out["ResultWriterDetails"]["Bucket"], json!("out"));
    let key = out["ResultWriterDetails"]["Key"].as_str().unwrap_or_default().to_string();
    assert!(key.starts_with("runs/") && key.ends_with("/manifest.json"), "{key}");
    let results_file = dir.join("out").join(key.replace("manifest.json", "SUCCEEDED_0.json"));
    let results: Value = serde_json::from_slice(&std::fs::read(&results_file).unwrap_or_default())
        .unwrap_or_default();
    let outputs: Vec<&str> =
        results.as_array().into_iter().flatten().filter_map(|r| r["Output"].as_str()).collect();
    assert_eq!(outputs, ["1", "2", "3"]);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_missing_items_file_is_an_item_reader_failure() {
    let dir = temp_dir("missing");
    let reader = json!({"Resource": "arn:aws:states:::s3:getObject", "Parameters": {"Bucket": "data", "Key": "nope.json"}});
    let outcome = run(map(reader, None), &dir);
    assert!(
        matches!(outcome, Outcome::Failed(ref f) if f.error.as_deref() == Some("States.ItemReaderFailed")),
        "{outcome:?}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// `ReaderConfig` item limits read from the input (`MaxItemsPath`, JSONPath) or computed (`MaxItems`
/// as a `{% %}` expression, JSONata), as rows: query language, ReaderConfig, input, result.
#[test]
fn reader_max_items_from_a_path_or_an_expression() {
    let dir = temp_dir("max");
    std::fs::write(dir.join("data/items.json"), "[1, 2, 3, 4, 5]")
        .unwrap_or_else(|e| panic!("{e}"));
    let prefix = "An error occurred while executing the state 'M' (entered at the event id #2). ";
    let rows = [
        (
            "JSONPath",
            json!({"InputType": "JSON", "MaxItemsPath": "$.n"}),
            json!({"bucket": "data", "n": 2}),
            json!({"output": [1, 2]}),
        ),
        (
            "JSONPath",
            json!({"InputType": "JSON", "MaxItemsPath": "$.n"}),
            json!({"bucket": "data", "n": "3"}),
            json!({"output": [1, 2, 3]}),
        ),
        (
            "JSONPath",
            json!({"InputType": "JSON", "MaxItemsPath": "$.n"}),
            json!({"bucket": "data", "n": "many"}),
            json!({"error": "States.Runtime", "cause": format!("{prefix}The MaxItemsPath field refers to value \"many\" which is not a valid integer: $.n")}),
        ),
        (
            "JSONata",
            json!({"InputType": "JSON", "MaxItems": "{% $states.input.n + 1 %}"}),
            json!({"bucket": "data", "n": 3}),
            json!({"output": [1, 2, 3, 4]}),
        ),
        (
            "JSONata",
            json!({"InputType": "JSON", "MaxItems": 1}),
            json!({"bucket": "data"}),
            json!({"output": [1]}),
        ),
        (
            "JSONata",
            json!({"InputType": "JSON", "MaxItems": "{% $states.input.n %}"}),
            json!({"bucket": "data", "n": -1}),
            json!({"error": "States.QueryEvaluationError", "cause": format!("{prefix}The MaxItems field must be a non-negative integer, but was: -1")}),
        ),
    ];
    for (i, (ql, config, input, want)) in rows.into_iter().enumerate() {
        let reader = if ql == "JSONata" {
            json!({"Resource": "arn:aws:states:::s3:getObject", "ReaderConfig": config,
                "Arguments": {"Bucket": "{% $states.input.bucket %}", "Key": "items.json"}})
        } else {
            json!({"Resource": "arn:aws:states:::s3:getObject", "ReaderConfig": config,
                "Parameters": {"Bucket.$": "$.bucket", "Key": "items.json"}})
        };
        let mut definition = map(reader, None);
        definition["QueryLanguage"] = json!(ql);
        let got = match run_with(definition, &dir, input) {
            Outcome::Succeeded(v) => json!({"output": v}),
            Outcome::Failed(f) => json!({"error": f.error, "cause": f.cause}),
            other => json!(format!("{other:?}")),
        };
        assert_eq!(got, want, "row {i}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
