//! Rule tests as data: one line per case, a small definition and the (code, pointer) pairs the
//! validator must report for it (errors only), plus every bundled example validating clean.

use super::*;
use crate::diagnostic::Severity;

fn errors(text: &str, machine_type: MachineType) -> Vec<(Code, String)> {
    let doc = Document::parse(text).expect("test definitions are JSON");
    validate(&doc, &Options { machine_type })
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| (d.code, d.pointer.unwrap_or_default()))
        .collect()
}

/// A one-state-or-more machine around `states` (a JSON object text), JSONPath unless `ql` says.
fn machine(states: &str) -> String {
    format!(r#"{{"StartAt": "A", "States": {states}}}"#)
}

/// A definition, the machine type it is checked as, and the errors it must produce.
type Case = (String, MachineType, Vec<(Code, &'static str)>);

const LAMBDA: &str = "arn:aws:lambda:us-east-1:111111111111:function:f";

#[test]
fn rules_as_data() {
    use Code::*;
    let lambda_task = |extra: &str| {
        machine(&format!(
            r#"{{"A": {{"Type": "Task", "Resource": "{LAMBDA}", {extra} "End": true}}}}"#
        ))
    };
    let cases: Vec<Case> = vec![
        // Structure.
        (machine(r#"{"A": {"Type": "Pass", "End": true}}"#), MachineType::Standard, vec![]),
        ("[]".into(), MachineType::Standard, vec![(SchemaValidationFailed, "")]),
        (r#"{"States": {"A": {"Type": "Succeed"}}}"#.into(), MachineType::Standard, vec![(MissingField, "")]),
        (r#"{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}, "Extra": 1}"#.into(), MachineType::Standard, vec![(FieldNotAllowed, "")]),
        (machine(r#"{"A": {"Type": "Pass", "Next": "Ghost"}}"#), MachineType::Standard, vec![(MissingTransitionTarget, "/States/A/Next"), (MissingEndState, "/States")]),
        (r#"{"StartAt": "Nope", "States": {"A": {"Type": "Succeed"}}}"#.into(), MachineType::Standard, vec![(MissingTransitionTarget, "/StartAt"), (UnreachableState, "/States/A")]),
        (machine(r#"{"A": {"Type": "Succeed"}, "a/b": {"Type": "Succeed"}}"#), MachineType::Standard, vec![(UnreachableState, "/States/a~1b")]),
        (machine(r#"{"A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Pass", "Next": "A"}, "C": {"Type": "Pass", "Next": "A"}}"#), MachineType::Standard, vec![(MissingEndState, "/States")]),
        (machine(r#"{"A": {"Type": "Choice", "Choices": [{"Variable": "$.x", "IsPresent": true, "Next": "Ghost"}], "Default": "Gone"}}"#), MachineType::Standard, vec![(MissingTransitionTarget, "/States/A/Choices/0/Next"), (MissingTransitionTarget, "/States/A/Default"), (MissingEndState, "/States")]),
        (lambda_task(r#""Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Ghost"}],"#), MachineType::Standard, vec![(MissingTransitionTarget, "/States/A/Catch/0/Next")]),
        (machine(r#"{"A": {"Type": "Map", "ItemProcessor": {"StartAt": "Nope", "States": {"P": {"Type": "Pass", "End": true}}}, "End": true}}"#), MachineType::Standard, vec![(MissingTransitionTarget, "/States/A/ItemProcessor/StartAt"), (UnreachableState, "/States/A/ItemProcessor/States/P")]),
        (machine(r#"{"A": {"Type": "Parallel", "Branches": [{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}], "End": true}}"#), MachineType::Standard, vec![(DuplicateKey, "/States/A"), (DuplicateKey, "/States/A/Branches/0/States/A")]),
        // Fields per state type and query language.
        (machine(r#"{"A": {"Type": "Pass", "Catch": [], "End": true}}"#), MachineType::Standard, vec![(FieldNotAllowed, "/States/A")]),
        (machine(r#"{"A": {"Type": "Succeed", "TimeoutSeconds": 5}}"#), MachineType::Standard, vec![(FieldNotAllowed, "/States/A")]),
        (machine(r#"{"A": {"Type": "Pass", "Output": 1, "End": true}}"#), MachineType::Standard, vec![(FieldNotAllowed, "/States/A")]),
        (machine(r#"{"A": {"Type": "Pass", "QueryLanguage": "JSONata", "InputPath": "$.a", "End": true}}"#), MachineType::Standard, vec![(FieldNotAllowed, "/States/A")]),
        (r#"{"QueryLanguage": "JSONata", "StartAt": "A", "States": {"A": {"Type": "Pass", "QueryLanguage": "JSONPath", "End": true}}}"#.into(), MachineType::Standard, vec![(SchemaValidationFailed, "/States/A")]),
        (machine(r#"{"A": {"Type": "Pass", "QueryLanguage": "jsonata", "End": true}}"#), MachineType::Standard, vec![(InvalidFieldValue, "/States/A/QueryLanguage")]),
        (r#"{"QueryLanguage": 5, "StartAt": "A", "States": {"A": {"Type": "Succeed"}}}"#.into(), MachineType::Standard, vec![(InvalidFieldValue, "/QueryLanguage")]),
        // A Parallel's own QueryLanguage does not pass to its branches.
        (machine(r#"{"A": {"Type": "Parallel", "QueryLanguage": "JSONata", "Branches": [{"StartAt": "P", "States": {"P": {"Type": "Pass", "Output": 1, "End": true}}}], "End": true}}"#), MachineType::Standard, vec![(FieldNotAllowed, "/States/A/Branches/0/States/P")]),
        (machine(r#"{"A": {"Type": "Map", "Iterator": {"QueryLanguage": "JSONPath", "StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}, "End": true}}"#), MachineType::Standard, vec![(FieldNotAllowed, "/States/A/Iterator")]),
        (machine(r#"{"A": {"Type": "Bogus", "End": true}}"#), MachineType::Standard, vec![(InvalidFieldValue, "/States/A/Type")]),
        (machine(r#"{"A": 3}"#), MachineType::Standard, vec![(InvalidFieldValue, "/States/A"), (MissingEndState, "/States")]),
        // Next / End.
        (machine(r#"{"A": {"Type": "Pass"}}"#), MachineType::Standard, vec![(MissingField, "/States/A"), (MissingEndState, "/States")]),
        (machine(r#"{"A": {"Type": "Pass", "Next": "A", "End": true}}"#), MachineType::Standard, vec![(SchemaValidationFailed, "/States/A")]),
        // Task.
        (lambda_task(""), MachineType::Standard, vec![]),
        (machine(r#"{"A": {"Type": "Task", "Resource": "arn:aws:states:::dynamodb:query", "End": true}}"#), MachineType::Standard, vec![(InvalidResource, "/States/A/Resource")]),
        (machine(r#"{"A": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:dynamodb:query", "End": true}}"#), MachineType::Standard, vec![]),
        (machine(r#"{"A": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:1:function:f:", "End": true}}"#), MachineType::Standard, vec![(InvalidResource, "/States/A/Resource")]),
        (machine(r#"{"A": {"Type": "Task", "Resource": "arn:aws:states:::states:startExecution.sync:2", "End": true}}"#), MachineType::Express, vec![(ExpressNotSupported, "/States/A/Resource")]),
        (machine(r#"{"A": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken", "HeartbeatSeconds": 60, "End": true}}"#), MachineType::Express, vec![(ExpressNotSupported, "/States/A/Resource")]),
        (machine(r#"{"A": {"Type": "Task", "Resource": "arn:aws:states:us-east-1:1:activity:x", "End": true}}"#), MachineType::Express, vec![(ExpressNotSupported, "/States/A/Resource")]),
        (machine(r#"{"A": {"Type": "Task", "Resource": "arn:aws:states:us-east-1:1:activity:x", "End": true}}"#), MachineType::Standard, vec![]),
        (lambda_task(r#""Credentials": {},"#), MachineType::Standard, vec![(SchemaValidationFailed, "/States/A/Credentials")]),
        (lambda_task(r#""TimeoutSeconds": 0,"#), MachineType::Standard, vec![(InvalidFieldValue, "/States/A/TimeoutSeconds")]),
        (lambda_task(r#""TimeoutSeconds": 5, "TimeoutSecondsPath": "$.t","#), MachineType::Standard, vec![(SchemaValidationFailed, "/States/A")]),
        // Retry / Catch.
        (lambda_task(r#""Retry": [{"ErrorEquals": []}],"#), MachineType::Standard, vec![(InvalidFieldValue, "/States/A/Retry/0/ErrorEquals")]),
        (lambda_task(r#""Retry": [{"ErrorEquals": ["States.ALL", "X"]}],"#), MachineType::Standard, vec![(SchemaValidationFailed, "/States/A/Retry/0")]),
        (lambda_task(r#""Retry": [{"ErrorEquals": ["X"], "BackoffRate": 0.5, "MaxDelaySeconds": -1, "JitterStrategy": "PARTIAL"}],"#), MachineType::Standard, vec![(InvalidFieldValue, "/States/A/Retry/0/BackoffRate"), (InvalidFieldValue, "/States/A/Retry/0/MaxDelaySeconds"), (InvalidFieldValue, "/States/A/Retry/0/JitterStrategy")]),
        (lambda_task(r#""Catch": [{"ErrorEquals": ["X"]}],"#), MachineType::Standard, vec![(MissingField, "/States/A/Catch/0")]),
        // Wait.
        (machine(r#"{"A": {"Type": "Wait", "Seconds": 1, "Timestamp": "2016-03-14T01:59:00Z", "End": true}}"#), MachineType::Standard, vec![(SchemaValidationFailed, "/States/A")]),
        (machine(r#"{"A": {"Type": "Wait", "End": true}}"#), MachineType::Standard, vec![(SchemaValidationFailed, "/States/A")]),
        (machine(r#"{"A": {"Type": "Wait", "Timestamp": "2016-13-05T21:29:29Z", "End": true}}"#), MachineType::Standard, vec![(InvalidFieldValue, "/States/A/Timestamp")]),
        (machine(r#"{"A": {"Type": "Wait", "Timestamp": "2016-02-29T21:29:29.5+01:00", "End": true}}"#), MachineType::Standard, vec![]),
        // Fail.
        (machine(r#"{"A": {"Type": "Fail", "Error": "E", "ErrorPath": "$.e"}}"#), MachineType::Standard, vec![(SchemaValidationFailed, "/States/A")]),
        (machine(r#"{"A": {"Type": "Fail", "CausePath": "States.MathAdd($.a, 1)"}}"#), MachineType::Standard, vec![(InvalidPath, "/States/A/CausePath")]),
        (machine(r#"{"A": {"Type": "Fail", "CausePath": "States.Format('{}', $.a)"}}"#), MachineType::Standard, vec![]),
        // Choice.
        (machine(r#"{"A": {"Type": "Choice", "Choices": [{"Variable": "$.x", "StringEquals": "a", "NumericEquals": 1, "Next": "A"}], "Default": "B"}, "B": {"Type": "Succeed"}}"#), MachineType::Standard, vec![(SchemaValidationFailed, "/States/A/Choices/0")]),
        (machine(r#"{"A": {"Type": "Choice", "Choices": [{"Not": {"Variable": "$.x", "IsNull": true, "Next": "B"}, "Next": "B"}]}, "B": {"Type": "Succeed"}}"#), MachineType::Standard, vec![(FieldNotAllowed, "/States/A/Choices/0/Not/Next")]),
        (machine(r#"{"A": {"Type": "Choice", "Choices": [{"Variable": "$.x", "NumericEquals": "1", "Next": "B"}]}, "B": {"Type": "Succeed"}}"#), MachineType::Standard, vec![(InvalidFieldValue, "/States/A/Choices/0/NumericEquals")]),
        (machine(r#"{"A": {"Type": "Choice", "Choices": []}}"#), MachineType::Standard, vec![(InvalidFieldValue, "/States/A/Choices"), (MissingEndState, "/States")]),
        // Map.
        (machine(r#"{"A": {"Type": "Map", "Label": "has space", "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Succeed"}}}, "End": true}}"#), MachineType::Standard, vec![(InvalidFieldValue, "/States/A/Label")]),
        (machine(r#"{"A": {"Type": "Map", "Label": "a|b,c", "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Succeed"}}}, "End": true}}"#), MachineType::Standard, vec![(InvalidFieldValue, "/States/A/Label")]),
        (machine(r#"{"A": {"Type": "Map", "Label": "L", "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Succeed"}}}, "Next": "B"}, "B": {"Type": "Map", "Label": "L", "ItemProcessor": {"StartAt": "Q", "States": {"Q": {"Type": "Succeed"}}}, "End": true}}"#), MachineType::Standard, vec![(InvalidFieldValue, "/States/B/Label")]),
        (machine(r#"{"A": {"Type": "Map", "MaxConcurrency": -1, "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Succeed"}}}, "End": true}}"#), MachineType::Standard, vec![(InvalidFieldValue, "/States/A/MaxConcurrency")]),
        (machine(r#"{"A": {"Type": "Map", "MaxConcurrencyPath": "$.l[*]", "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Succeed"}}}, "End": true}}"#), MachineType::Standard, vec![(InvalidPath, "/States/A/MaxConcurrencyPath")]),
        (machine(r#"{"A": {"Type": "Map", "ResultWriter": {}, "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Succeed"}}}, "End": true}}"#), MachineType::Standard, vec![(MissingField, "/States/A/ResultWriter")]),
        (machine(r#"{"A": {"Type": "Map", "ResultWriter": {"WriterConfig": {"OutputType": "JSON"}}, "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Succeed"}}}, "End": true}}"#), MachineType::Standard, vec![]),
        (machine(r#"{"A": {"Type": "Map", "End": true}}"#), MachineType::Standard, vec![(MissingField, "/States/A")]),
        // Paths and payload templates.
        (machine(r#"{"A": {"Type": "Pass", "ResultPath": "$.a[*]", "End": true}}"#), MachineType::Standard, vec![(InvalidPath, "/States/A/ResultPath")]),
        (machine(r#"{"A": {"Type": "Pass", "OutputPath": "$.a[?(@.b > 1)]", "InputPath": null, "End": true}}"#), MachineType::Standard, vec![]),
        (machine(r#"{"A": {"Type": "Pass", "Parameters": {"a.$": "hello", "b": {"c.$": 5}, "d.$": "States.Array()"}, "End": true}}"#), MachineType::Standard, vec![(InvalidPath, "/States/A/Parameters/a.$"), (InvalidPath, "/States/A/Parameters/b/c.$")]),
        (machine(r#"{"A": {"Type": "Pass", "Parameters": {"a": 1, "a.$": "$.x"}, "End": true}}"#), MachineType::Standard, vec![(SchemaValidationFailed, "/States/A/Parameters/a.$")]),
        (machine(r#"{"A": {"Type": "Pass", "Parameters": {"p.$": "States.StringToJson('{\"a\":\"\\\"q\\\"\"}')"}, "End": true}}"#), MachineType::Standard, vec![(InvalidPath, "/States/A/Parameters/p.$")]),
        // JSONata.
        (r#"{"QueryLanguage": "JSONata", "StartAt": "A", "States": {"A": {"Type": "Pass", "Output": "{% a[1,2) %}", "End": true}}}"#.into(), MachineType::Standard, vec![(InvalidJsonataExpression, "/States/A/Output")]),
        (r#"{"QueryLanguage": "JSONata", "StartAt": "A", "States": {"A": {"Type": "Pass", "Output": {"x": ["{% $$.Execution %}"]}, "End": true}}}"#.into(), MachineType::Standard, vec![(InvalidJsonataExpression, "/States/A/Output/x/0")]),
        (r#"{"QueryLanguage": "JSONata", "StartAt": "A", "States": {"A": {"Type": "Pass", "Output": "{% $states.errorOutput %}", "End": true}}}"#.into(), MachineType::Standard, vec![(UnsupportedJsonataExpression, "/States/A/Output")]),
        (format!(r#"{{"QueryLanguage": "JSONata", "StartAt": "A", "States": {{"A": {{"Type": "Task", "Resource": "{LAMBDA}", "Catch": [{{"ErrorEquals": ["States.ALL"], "Output": "{{% $states.errorOutput %}}", "Next": "B"}}], "End": true}}, "B": {{"Type": "Succeed"}}}}}}"#), MachineType::Standard, vec![]),
        // ItemBatcher: numbers or {% %} in JSONata, numbers or ...Path in JSONPath.
        (r#"{"QueryLanguage": "JSONata", "StartAt": "A", "States": {"A": {"Type": "Map", "ItemBatcher": {"MaxItemsPerBatch": "{% $states.input.n %}", "MaxInputBytesPerBatch": "{% 1024 * 8 %}", "BatchInput": {"t": "{% $states.input.t %}", "k": 1}}, "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"}, "StartAt": "P", "States": {"P": {"Type": "Succeed"}}}, "End": true}}}"#.into(), MachineType::Standard, vec![]),
        (r#"{"QueryLanguage": "JSONata", "StartAt": "A", "States": {"A": {"Type": "Map", "ItemBatcher": {"MaxItemsPerBatch": 5, "BatchInput": "{% $states.input %}"}, "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"}, "StartAt": "P", "States": {"P": {"Type": "Succeed"}}}, "End": true}}}"#.into(), MachineType::Standard, vec![]),
        (r#"{"QueryLanguage": "JSONata", "StartAt": "A", "States": {"A": {"Type": "Map", "ItemBatcher": {"MaxItemsPerBatch": "{% $states.input.n ( %}"}, "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"}, "StartAt": "P", "States": {"P": {"Type": "Succeed"}}}, "End": true}}}"#.into(), MachineType::Standard, vec![(InvalidJsonataExpression, "/States/A/ItemBatcher/MaxItemsPerBatch")]),
        (r#"{"QueryLanguage": "JSONata", "StartAt": "A", "States": {"A": {"Type": "Map", "ItemBatcher": {"BatchInput": {"t": "{% $states.errorOutput %}"}}, "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"}, "StartAt": "P", "States": {"P": {"Type": "Succeed"}}}, "End": true}}}"#.into(), MachineType::Standard, vec![(UnsupportedJsonataExpression, "/States/A/ItemBatcher/BatchInput/t")]),
        (r#"{"QueryLanguage": "JSONata", "StartAt": "A", "States": {"A": {"Type": "Map", "ItemBatcher": {"MaxItemsPerBatchPath": "$.n"}, "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"}, "StartAt": "P", "States": {"P": {"Type": "Succeed"}}}, "End": true}}}"#.into(), MachineType::Standard, vec![(FieldNotAllowed, "/States/A/ItemBatcher")]),
        (r#"{"QueryLanguage": "JSONata", "StartAt": "A", "States": {"A": {"Type": "Map", "ItemBatcher": {"MaxInputBytesPerBatch": 0}, "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"}, "StartAt": "P", "States": {"P": {"Type": "Succeed"}}}, "End": true}}}"#.into(), MachineType::Standard, vec![(InvalidFieldValue, "/States/A/ItemBatcher/MaxInputBytesPerBatch")]),
        (r#"{"QueryLanguage": "JSONata", "StartAt": "A", "States": {"A": {"Type": "Map", "ItemBatcher": {"MaxItemsPerBatch": "five"}, "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"}, "StartAt": "P", "States": {"P": {"Type": "Succeed"}}}, "End": true}}}"#.into(), MachineType::Standard, vec![(InvalidFieldValue, "/States/A/ItemBatcher/MaxItemsPerBatch")]),
        (r#"{"QueryLanguage": "JSONPath", "StartAt": "A", "States": {"A": {"Type": "Map", "ItemBatcher": {"MaxItemsPerBatchPath": "$.n", "MaxInputBytesPerBatch": 4096, "BatchInput": {"t.$": "$.t"}}, "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"}, "StartAt": "P", "States": {"P": {"Type": "Succeed"}}}, "End": true}}}"#.into(), MachineType::Standard, vec![]),
        (r#"{"QueryLanguage": "JSONPath", "StartAt": "A", "States": {"A": {"Type": "Map", "ItemBatcher": {"MaxItemsPerBatch": "{% 2 %}"}, "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"}, "StartAt": "P", "States": {"P": {"Type": "Succeed"}}}, "End": true}}}"#.into(), MachineType::Standard, vec![(InvalidFieldValue, "/States/A/ItemBatcher/MaxItemsPerBatch")]),
        (r#"{"QueryLanguage": "JSONPath", "StartAt": "A", "States": {"A": {"Type": "Map", "ItemBatcher": {"MaxItemsPerBatch": 2, "MaxItemsPerBatchPath": "$.n"}, "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"}, "StartAt": "P", "States": {"P": {"Type": "Succeed"}}}, "End": true}}}"#.into(), MachineType::Standard, vec![(SchemaValidationFailed, "/States/A/ItemBatcher")]),
        (r#"{"QueryLanguage": "JSONPath", "StartAt": "A", "States": {"A": {"Type": "Map", "ItemBatcher": {"MaxInputBytesPerBatchPath": "$.a[*]", "BatchInput": {"t.$": "nope"}}, "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"}, "StartAt": "P", "States": {"P": {"Type": "Succeed"}}}, "End": true}}}"#.into(), MachineType::Standard, vec![(InvalidPath, "/States/A/ItemBatcher/MaxInputBytesPerBatchPath"), (InvalidPath, "/States/A/ItemBatcher/BatchInput/t.$")]),
        // Duplicate keys in the text.
        (r#"{"StartAt": "A", "States": {"A": {"Type": "Succeed"}, "A": {"Type": "Succeed"}}}"#.into(), MachineType::Standard, vec![(DuplicateKey, "/States/A")]),
    ];
    let mut failures = Vec::new();
    for (i, (text, machine_type, expected)) in cases.iter().enumerate() {
        let mut got = errors(text, *machine_type);
        let mut want: Vec<(Code, String)> =
            expected.iter().map(|(c, p)| (*c, p.to_string())).collect();
        got.sort_by(|a, b| a.1.cmp(&b.1).then(format!("{:?}", a.0).cmp(&format!("{:?}", b.0))));
        want.sort_by(|a, b| a.1.cmp(&b.1).then(format!("{:?}", a.0).cmp(&format!("{:?}", b.0))));
        if got != want {
            failures.push(format!("case {i}: {text}\n   want {want:?}\n   got  {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Wrong JSON types anywhere must be reported, never crash the validator.
#[test]
fn never_panics_on_wrong_types() {
    let values =
        ["null", "1", "-1.5", "\"x\"", "[]", "{}", "[1, \"a\", {}]", "{\"a.$\": 1}", "true"];
    let fields = [
        "Type",
        "Next",
        "End",
        "Resource",
        "Parameters",
        "ResultPath",
        "InputPath",
        "Choices",
        "Default",
        "Branches",
        "ItemProcessor",
        "Iterator",
        "Retry",
        "Catch",
        "Seconds",
        "Timestamp",
        "Label",
        "ItemReader",
        "ResultWriter",
        "ItemBatcher",
        "Credentials",
        "Output",
        "Arguments",
        "Assign",
        "QueryLanguage",
        "Error",
        "CausePath",
        "MaxConcurrency",
        "TimeoutSeconds",
        "Items",
    ];
    for ty in ["Task", "Pass", "Choice", "Wait", "Succeed", "Fail", "Parallel", "Map"] {
        for field in fields {
            for value in values {
                for ql in ["JSONPath", "JSONata"] {
                    let text = format!(
                        r#"{{"QueryLanguage": "{ql}", "StartAt": "A", "States": {{"A": {{"Type": "{ty}", "{field}": {value}}}}}}}"#
                    );
                    let doc = Document::parse(text).unwrap();
                    let _ = validate(&doc, &Options::default());
                }
            }
        }
    }
    for root in [
        "null",
        "1",
        "\"x\"",
        "[]",
        "{}",
        "{\"StartAt\": 1, \"States\": []}",
        "{\"States\": {\"A\": []}}",
    ] {
        let doc = Document::parse(root).unwrap();
        assert!(!validate(&doc, &Options::default()).is_empty(), "{root} must be reported");
    }
}

/// Every bundled example is a definition AWS accepts, so it must validate without errors.
#[test]
fn examples_validate_clean() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let Ok(entries) = std::fs::read_dir(&dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if !path.to_string_lossy().ends_with(".asl.json") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let found = errors(&text, MachineType::Standard);
        assert!(found.is_empty(), "{}: {found:?}", path.display());
    }
}

/// Likely mistakes: a warning each (at the given pointer), and never an error.
#[test]
fn warnings_as_data() {
    let cases: &[(&str, &str)] = &[
        (
            r#"{"A": {"Type": "Choice", "Choices": [{"Variable": "$.x", "IsNull": true, "Next": "B"}]}, "B": {"Type": "Succeed"}}"#,
            "/States/A",
        ),
        (
            r#"{"A": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken", "End": true}}"#,
            "/States/A",
        ),
        (
            r#"{"A": {"Type": "Pass", "Parameters": {"id": "$.id"}, "End": true}}"#,
            "/States/A/Parameters/id",
        ),
        (
            r#"{"A": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:1:function:f", "Retry": [{"ErrorEquals": ["States.Tiemout"]}], "End": true}}"#,
            "/States/A/Retry/0/ErrorEquals/0",
        ),
        (
            r#"{"A": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:1:function:f", "TimeoutSeconds": 10, "HeartbeatSeconds": 10, "End": true}}"#,
            "/States/A/HeartbeatSeconds",
        ),
    ];
    for (states, pointer) in cases {
        let doc = Document::parse(machine(states)).unwrap();
        let found = validate(&doc, &Options::default());
        assert!(found.iter().all(|d| d.severity == Severity::Warning), "{states}: {found:?}");
        assert!(found.iter().any(|d| d.pointer.as_deref() == Some(pointer)), "{states}: {found:?}");
    }
}
