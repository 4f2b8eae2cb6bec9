//! The typed model: every construct typed, wrong types and unknown members kept, pointers right.

use std::collections::BTreeSet;

use serde_json::json;
use statewright::asl::Document;
use statewright::asl::model::{
    Count, Field, JitterStrategy, Machine, ProcessorMode, QueryLanguage, StateKind,
};

fn machine(text: &str) -> Machine {
    match Machine::of(&Document::parse(text).unwrap()) {
        Field::Ok(m) => m,
        Field::Invalid(v) => panic!("not a machine: {v}"),
    }
}

fn examples() -> Vec<std::path::PathBuf> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".asl.json"))
        .collect();
    files.sort();
    files
}

#[test]
fn examples_are_fully_typed_and_cover_every_state_type() {
    let mut types = BTreeSet::new();
    let files = examples();
    assert!(files.len() >= 6);
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let doc = Document::parse(text.as_str()).unwrap();
        let m = machine(&text);
        assert!(m.extra.is_empty(), "{}: {:?}", file.display(), m.extra);
        for state in m.all_states() {
            assert!(state.extra.is_empty(), "{} {}: {:?}", file.display(), state.name, state.extra);
            assert!(!matches!(state.kind, StateKind::Unknown), "{}", state.name);
            types.insert(state.state_type.as_ref().and_then(Field::ok).unwrap().as_str());
            assert!(doc.span(&state.pointer).is_some(), "{}", state.pointer);
            for (at, target) in state.transitions() {
                assert_eq!(doc.value().pointer(&at), Some(&json!(target)), "{at}");
            }
        }
    }
    let expected = ["Choice", "Fail", "Map", "Parallel", "Pass", "Succeed", "Task", "Wait"];
    assert_eq!(types.into_iter().collect::<Vec<_>>(), expected);
}

#[test]
fn wrong_types_and_unknown_members_are_kept() {
    let m = machine(
        r#"{"StartAt": 7, "Extra": [1], "States": {
            "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                  "Retry": [{"ErrorEquals": ["States.ALL"], "JitterStrategy": "FULL", "MaxDelaySeconds": 9}, 5],
                  "TimeoutSeconds": true, "HeartbeatSecondsPath": "$.hb", "Surprise": {"a": 1}, "End": true},
            "Odd": {"Type": "Teleport", "Next": "T", "Where": "moon"},
            "Broken": "not a state"
        }}"#,
    );
    assert_eq!(m.start_at, Some(Field::Invalid(json!(7))));
    assert_eq!(m.extra["Extra"], json!([1]));
    let states = m.states.as_ref().and_then(Field::ok).unwrap();
    assert_eq!(states["Broken"], Field::Invalid(json!("not a state")));
    let t = states["T"].ok().unwrap();
    assert_eq!(t.extra["Surprise"], json!({"a": 1}));
    let StateKind::Task(task) = &t.kind else { panic!("{:?}", t.kind) };
    assert_eq!(task.timeout_seconds, Some(Field::Invalid(json!(true))));
    assert_eq!(task.heartbeat_seconds_path, Some(Field::Ok("$.hb".to_string())));
    let retry = task.retry.as_ref().and_then(Field::ok).unwrap();
    let first = retry[0].ok().unwrap();
    assert_eq!(first.pointer, "/States/T/Retry/0");
    assert_eq!(first.jitter_strategy, Some(Field::Ok(JitterStrategy::Full)));
    assert!(matches!(first.max_delay_seconds, Some(Field::Ok(Count::Number(_)))));
    assert_eq!(retry[1], Field::Invalid(json!(5)));
    let odd = states["Odd"].ok().unwrap();
    assert!(matches!(odd.kind, StateKind::Unknown));
    assert_eq!(odd.state_type, Some(Field::Invalid(json!("Teleport"))));
    assert_eq!(odd.extra["Where"], json!("moon"));
}

#[test]
fn map_and_jsonata_constructs_are_typed() {
    let m = machine(
        r#"{"QueryLanguage": "JSONata", "StartAt": "M", "States": {"M": {
            "Type": "Map", "Items": "{% $states.input.xs %}", "MaxConcurrencyPath": "$.c",
            "ToleratedFailurePercentage": 12.5, "Label": "Batch",
            "ItemReader": {"Resource": "arn:aws:states:::s3:getObject", "ReaderConfig": {"InputType": "CSV", "CSVHeaderLocation": "FIRST_ROW", "MaxItems": 100}, "Arguments": {"Bucket": "b", "Key": "k.csv"}},
            "ItemBatcher": {"MaxItemsPerBatch": 10},
            "ResultWriter": {"Resource": "arn:aws:states:::s3:putObject", "Arguments": {"Bucket": "r"}},
            "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"},
                "StartAt": "C", "States": {"C": {"Type": "Choice", "Choices": [
                    {"Condition": "{% $states.input.ok %}", "Next": "S"},
                    {"Not": {"Variable": "$.x", "IsPresent": true}, "Next": "S"}], "Default": "S"},
                "S": {"Type": "Succeed", "Output": "{% 1 %}"}}},
            "End": true}}}"#,
    );
    assert_eq!(m.query_language, Some(Field::Ok(QueryLanguage::Jsonata)));
    let map = m.states().next().unwrap();
    let StateKind::Map(map) = &map.kind else { panic!() };
    assert_eq!(map.items, Some(json!("{% $states.input.xs %}")));
    let reader = map.item_reader.as_ref().and_then(Field::ok).unwrap();
    let config = reader.reader_config.as_ref().and_then(Field::ok).unwrap();
    assert_eq!(config.input_type, Some(Field::Ok("CSV".into())));
    assert_eq!(config.pointer, "/States/M/ItemReader/ReaderConfig");
    assert!(map.item_batcher.as_ref().and_then(Field::ok).is_some());
    assert!(map.result_writer.as_ref().and_then(Field::ok).is_some());
    assert_eq!(map.label, Some(Field::Ok("Batch".into())));
    let processor = map.processor().unwrap();
    let config = processor.processor_config.as_ref().and_then(Field::ok).unwrap();
    assert_eq!(config.mode, Some(Field::Ok(ProcessorMode::Distributed)));
    let choice = processor.states().next().unwrap();
    let StateKind::Choice { choices, .. } = &choice.kind else { panic!() };
    let rules = choices.as_ref().and_then(Field::ok).unwrap();
    assert_eq!(rules[0].ok().unwrap().condition, Some(json!("{% $states.input.ok %}")));
    let not = rules[1].ok().unwrap().not.as_ref().and_then(Field::ok).unwrap();
    assert_eq!(not.pointer, "/States/M/ItemProcessor/States/C/Choices/1/Not");
    assert_eq!(not.comparison.as_ref().unwrap().operator, "IsPresent");
    // The UI receives the model as JSON and can read it back.
    let json = serde_json::to_value(&m).unwrap();
    let back: Machine = serde_json::from_value(json).unwrap();
    assert_eq!(back, m);
    assert_eq!(m.all_states().len(), 3);
}

#[test]
fn any_root_is_read_without_panicking() {
    for text in
        ["1", "[]", "null", "\"x\"", "{\"States\": []}", "{\"States\": {\"A\": {\"Type\": 1}}}"]
    {
        let _ = Machine::of(&Document::parse(text).unwrap());
    }
    assert!(matches!(Machine::of(&Document::parse("[1]").unwrap()), Field::Invalid(_)));
}
