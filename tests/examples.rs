//! The bundled examples come with a Step Functions Local mock configuration and an input that
//! the engine can run: the mock file follows the format LocalStack enforces, and names only Task
//! states that exist.

use std::path::{Path, PathBuf};

use serde_json::Value;
use statewright::asl::Document;
use statewright::asl::model::{Field, Machine, StateType};

fn definitions() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".asl.json"))
        .collect();
    files.sort();
    files
}

fn sibling(definition: &Path, suffix: &str) -> (String, PathBuf) {
    let file = definition.file_name().unwrap().to_string_lossy();
    let stem = file.trim_end_matches(".asl.json").to_string();
    (stem.clone(), definition.with_file_name(format!("{stem}.{suffix}")))
}

/// `"0"`, `"1-2"` ... must cover 0..k without gaps or overlaps (LocalStack's rule).
fn check_invocations(name: &str, response: &Value) {
    let mut ranges: Vec<(u64, u64)> = response
        .as_object()
        .unwrap_or_else(|| panic!("{name}: a response is an object"))
        .keys()
        .map(|k| {
            let (a, b) = k.split_once('-').unwrap_or((k, k));
            (a.parse().unwrap(), b.parse().unwrap())
        })
        .collect();
    ranges.sort();
    let mut next = 0;
    for (start, end) in ranges {
        assert_eq!(start, next, "{name}: invocation keys must start at 0 and leave no gap");
        assert!(end >= start, "{name}: bad range");
        next = end + 1;
    }
    for entry in response.as_object().unwrap().values() {
        let entry = entry.as_object().unwrap();
        assert_eq!(entry.len(), 1, "{name}: exactly one of Return or Throw");
        if let Some(thrown) = entry.get("Throw") {
            assert!(thrown["Error"].is_string() && thrown["Cause"].is_string(), "{name}");
        } else {
            assert!(entry.contains_key("Return"), "{name}");
        }
    }
}

#[test]
fn every_example_has_runnable_mocks_and_an_input() {
    let files = definitions();
    assert!(files.len() >= 6);
    let mut jsonata = 0;
    for definition in files {
        let (stem, mocks_path) = sibling(&definition, "mocks.json");
        let (_, input_path) = sibling(&definition, "input.json");
        let doc = Document::parse(std::fs::read_to_string(&definition).unwrap()).unwrap();
        let Field::Ok(machine) = Machine::of(&doc) else { panic!("{stem}") };
        if doc.value()["QueryLanguage"] == "JSONata" {
            jsonata += 1;
        }
        let tasks: Vec<&str> = machine
            .all_states()
            .into_iter()
            .filter(|s| matches!(s.state_type, Some(Field::Ok(StateType::Task))))
            .map(|s| s.name.as_str())
            .collect();
        let input: Value = serde_json::from_str(&std::fs::read_to_string(&input_path).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", input_path.display()));
        assert!(input.is_object(), "{stem}: the input is an object");

        let mocks: Value = serde_json::from_str(&std::fs::read_to_string(&mocks_path).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", mocks_path.display()));
        let cases = mocks["StateMachines"][&stem]["TestCases"]
            .as_object()
            .unwrap_or_else(|| panic!("{stem}: the state machine is named after the file"));
        assert!(cases.contains_key("HappyPath"), "{stem}");
        assert!(cases.len() >= 2, "{stem}: a failure path besides the happy path");
        let responses = mocks["MockedResponses"].as_object().unwrap();
        for (case, states) in cases {
            for (state, response) in states.as_object().unwrap() {
                assert!(tasks.contains(&state.as_str()), "{stem}/{case}: {state} is not a Task");
                let response = response.as_str().unwrap();
                let mocked = responses.get(response);
                let mocked = mocked.unwrap_or_else(|| panic!("{stem}/{case}: no {response}"));
                check_invocations(&format!("{stem}/{response}"), mocked);
            }
        }
    }
    assert_eq!(jsonata, 1, "one JSONata workflow");
}
