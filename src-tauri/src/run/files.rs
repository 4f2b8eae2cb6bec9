//! The files beside a workflow that the run panel uses: `<stem>.input.json` (the default input),
//! `<stem>.inputs.json` (inputs saved by name) and `<stem>.mocks.json` (the Step Functions Local
//! mock configuration, whose test cases for the state machine `<stem>` are offered).

use std::path::{Path, PathBuf};

use serde_json::{Map, Value};
use statewright::asl::save::write_atomically;

use super::machine_name;
use super::types::{NamedInput, RunSetup};
use crate::ipc::{CommandError, ErrorCode};

/// `<dir>/<stem><suffix>` for the workflow at `path`.
pub fn beside(path: &str, suffix: &str) -> PathBuf {
    let p = Path::new(path);
    let stem = machine_name(Some(path));
    p.with_file_name(format!("{stem}{suffix}"))
}

/// The mock configuration the run panel uses: the one chosen, else `<stem>.mocks.json`.
pub fn mocks_file(path: &str, chosen: Option<&str>) -> PathBuf {
    chosen
        .filter(|c| !c.trim().is_empty())
        .map_or_else(|| beside(path, ".mocks.json"), PathBuf::from)
}

/// What the run panel offers for the workflow at `path`, with the mock configuration `mocks`
/// (default: `<stem>.mocks.json` beside it).
pub fn setup(path: &str, mocks: Option<&str>) -> RunSetup {
    let input = std::fs::read_to_string(beside(path, ".input.json")).ok();
    let named_inputs = named(path)
        .into_iter()
        .map(|(name, v)| NamedInput {
            name,
            text: serde_json::to_string_pretty(&v).unwrap_or_else(|_| "{}".into()),
        })
        .collect();
    let mocks = mocks_file(path, mocks);
    let (mut test_cases, mut mocks_problem) = (Vec::new(), None);
    let mocks_path = mocks.exists().then(|| mocks.to_string_lossy().into_owned());
    if mocks_path.is_some() {
        match std::fs::read_to_string(&mocks).map_err(|e| e.to_string()).and_then(|t| {
            serde_json::from_str::<Value>(&t).map_err(|e| format!("it is not valid JSON ({e})"))
        }) {
            Ok(doc) => {
                let machine = machine_name(Some(path));
                let cases = doc
                    .pointer(&format!(
                        "/StateMachines/{}/TestCases",
                        machine.replace('~', "~0").replace('/', "~1")
                    ))
                    .and_then(Value::as_object);
                match cases {
                    Some(c) => test_cases = c.keys().cloned().collect(),
                    None => {
                        mocks_problem = Some(format!(
                            "The mock configuration has no test cases for the state machine \"{machine}\"."
                        ))
                    }
                }
            }
            Err(e) => mocks_problem = Some(format!("The mock configuration cannot be read: {e}.")),
        }
    }
    RunSetup { input, named_inputs, mocks_path, test_cases, mocks_problem }
}

fn named(path: &str) -> Map<String, Value> {
    std::fs::read_to_string(beside(path, ".inputs.json"))
        .ok()
        .and_then(|t| serde_json::from_str::<Value>(&t).ok())
        .and_then(|v| v.as_object().cloned())
        .unwrap_or_default()
}

/// Saves `text` as the input called `name` in `<stem>.inputs.json`.
pub fn save_input(path: &str, name: &str, text: &str) -> Result<(), CommandError> {
    let fail = |code, message: String| CommandError { code, message, path: Some(path.into()) };
    let name = name.trim();
    if name.is_empty() {
        return Err(fail(ErrorCode::BadInput, "Give the input a name.".into()));
    }
    let v: Value = serde_json::from_str(text)
        .map_err(|e| fail(ErrorCode::BadInput, format!("The input is not valid JSON: {e}.")))?;
    let mut all = named(path);
    all.insert(name.to_string(), v);
    let mut out = serde_json::to_string_pretty(&Value::Object(all)).unwrap_or_default();
    out.push('\n');
    let file = beside(path, ".inputs.json");
    write_atomically(&file, out.as_bytes())
        .map_err(|e| fail(ErrorCode::WriteFailed, format!("Cannot save {}: {e}.", file.display())))
}
