//! The mock editor of the run panel: reads one test case of the Step Functions Local mock
//! configuration beside a workflow (`<stem>.mocks.json`) as answers per Task state, and writes
//! edited answers back as that test case.
//!
//! Guarantees: the file is changed through the core's lossless edit
//! ([`statewright::scenario::record::set_test_case`]): other test cases and responses keep their
//! text; the new configuration is checked with the engine's own parser before it is written, so
//! a saved test case always runs; a file that is not JSON is refused, never overwritten.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};
use statewright::asl::save::write_atomically;
use statewright::engine::MockConfig;
use statewright::scenario::record::set_test_case;
use ts_rs::TS;

use super::files::mocks_file;
use super::machine_name;
use crate::ipc::{CommandError, ErrorCode};

/// One canned answer, as the editor shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum MockReply {
    /// The task result, as JSON text.
    Return {
        json: String,
    },
    Throw {
        error: String,
        cause: String,
    },
}

/// The answer for a run of calls of one state (`range` is `"0"`, `"1-3"`: call numbers from 0).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct MockEntry {
    pub range: String,
    pub reply: MockReply,
}

/// A Task state's answers in a test case.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct MockedState {
    pub state: String,
    pub entries: Vec<MockEntry>,
}

fn fail(code: ErrorCode, message: String, path: &std::path::Path) -> CommandError {
    CommandError { code, message, path: Some(path.to_string_lossy().into_owned()) }
}

fn reply_of(answer: &Value) -> MockReply {
    if let Some(t) = answer.get("Throw") {
        let text = |k: &str| t.get(k).and_then(Value::as_str).unwrap_or_default().to_string();
        MockReply::Throw { error: text("Error"), cause: text("Cause") }
    } else {
        let v = answer.get("Return").cloned().unwrap_or(Value::Null);
        MockReply::Return { json: serde_json::to_string_pretty(&v).unwrap_or_default() }
    }
}

/// The first call number of a range key (`"3"`, `"3-5"`); keys that are not numbers go last.
fn first_call(key: &str) -> u64 {
    key.split('-').next().and_then(|n| n.trim().parse().ok()).unwrap_or(u64::MAX)
}

/// Test case `case` of the workflow at `path` in the mock configuration `mocks` (default:
/// `<stem>.mocks.json`): its states' answers (empty for a new case).
pub fn mock_case(
    path: &str,
    mocks: Option<&str>,
    case: &str,
) -> Result<Vec<MockedState>, CommandError> {
    let file = mocks_file(path, mocks);
    let text = match std::fs::read_to_string(&file) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => {
            return Err(fail(
                ErrorCode::ReadFailed,
                format!("Cannot read {}: {e}.", file.display()),
                &file,
            ));
        }
    };
    let doc: Value = serde_json::from_str(&text).map_err(|e| {
        fail(ErrorCode::BadMocks, format!("The mock configuration is not valid JSON: {e}."), &file)
    })?;
    let machine = machine_name(Some(path));
    let states = doc
        .get("StateMachines")
        .and_then(|m| m.get(&machine))
        .and_then(|m| m.get("TestCases"))
        .and_then(|c| c.get(case))
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    let responses = doc.get("MockedResponses").and_then(Value::as_object);
    let mut out = Vec::new();
    for (state, name) in states {
        let response = name.as_str().and_then(|n| responses.and_then(|r| r.get(n)));
        let mut entries: Vec<MockEntry> = response
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
            .map(|(range, answer)| MockEntry { range: range.clone(), reply: reply_of(answer) })
            .collect();
        entries.sort_by_key(|e| first_call(&e.range));
        out.push(MockedState { state, entries });
    }
    Ok(out)
}

/// The response object of a state's entries, or why it cannot be written (in plain words).
fn response_of(s: &MockedState) -> Result<Value, String> {
    let mut out = Map::new();
    for e in &s.entries {
        let answer = match &e.reply {
            MockReply::Return { json } => {
                let v: Value = serde_json::from_str(json).map_err(|err| {
                    format!(
                        "The answer of {} (calls {}) is not valid JSON: {err}.",
                        s.state, e.range
                    )
                })?;
                json!({ "Return": v })
            }
            MockReply::Throw { error, cause } => {
                if error.trim().is_empty() {
                    return Err(format!(
                        "Give the error {} throws a name (for example States.TaskFailed).",
                        s.state
                    ));
                }
                json!({ "Throw": { "Error": error.trim(), "Cause": cause } })
            }
        };
        out.insert(e.range.trim().to_string(), answer);
    }
    Ok(Value::Object(out))
}

/// Saves `states` as test case `case` of the workflow at `path` in the mock configuration
/// `mocks` (default: `<stem>.mocks.json`, created when there is none). States without entries
/// are left out of the case.
pub fn save_mock_case(
    path: &str,
    mocks: Option<&str>,
    case: &str,
    states: &[MockedState],
) -> Result<(), CommandError> {
    let file = mocks_file(path, mocks);
    let case = case.trim();
    if case.is_empty() {
        return Err(fail(ErrorCode::BadInput, "Give the test case a name.".into(), &file));
    }
    let mut responses = Vec::new();
    for s in states.iter().filter(|s| !s.entries.is_empty()) {
        let r = response_of(s).map_err(|m| fail(ErrorCode::BadInput, m, &file))?;
        responses.push((s.state.clone(), r));
    }
    let old = match std::fs::read_to_string(&file) {
        Ok(t) => Some(t),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => {
            return Err(fail(
                ErrorCode::ReadFailed,
                format!("Cannot read {}: {e}.", file.display()),
                &file,
            ));
        }
    };
    let machine = machine_name(Some(path));
    let text = set_test_case(old.as_deref(), &machine, case, &responses).map_err(|e| {
        fail(ErrorCode::BadMocks, format!("Cannot change the mock configuration: {e}."), &file)
    })?;
    let doc: Value = serde_json::from_str(&text).map_err(|e| {
        fail(ErrorCode::BadMocks, format!("The mock configuration would not be JSON: {e}."), &file)
    })?;
    let config = MockConfig::parse(&doc).map_err(|e| fail(ErrorCode::BadMocks, e, &file))?;
    config.case(&machine, case).map_err(|e| fail(ErrorCode::BadMocks, e, &file))?;
    write_atomically(&file, text.as_bytes()).map_err(|e| {
        fail(ErrorCode::WriteFailed, format!("Cannot save {}: {e}.", file.display()), &file)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn workflow(dir: &std::path::Path) -> String {
        dir.join("flow.asl.json").to_string_lossy().into_owned()
    }

    #[test]
    fn a_new_case_is_written_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = workflow(dir.path());
        assert_eq!(mock_case(&path, None, "Any").unwrap(), Vec::new());
        let states = vec![
            MockedState {
                state: "Charge".into(),
                entries: vec![
                    MockEntry {
                        range: "0".into(),
                        reply: MockReply::Throw { error: "Busy".into(), cause: "try later".into() },
                    },
                    MockEntry {
                        range: "1-9".into(),
                        reply: MockReply::Return { json: "{\"ok\": true}".into() },
                    },
                ],
            },
            MockedState { state: "NotMocked".into(), entries: vec![] },
        ];
        save_mock_case(&path, None, " Retry ", &states).unwrap();
        let back = mock_case(&path, None, "Retry").unwrap();
        assert_eq!(back.len(), 1);
        assert_eq!(back[0].state, "Charge");
        assert_eq!(back[0].entries[0].reply, states[0].entries[0].reply);
        assert_eq!(back[0].entries[1].range, "1-9");
        let MockReply::Return { json } = &back[0].entries[1].reply else { panic!("a return") };
        assert_eq!(serde_json::from_str::<Value>(json).unwrap(), json!({"ok": true}));
        let text = std::fs::read_to_string(dir.path().join("flow.mocks.json")).unwrap();
        assert!(text.contains("\"Retry.Charge\""), "{text}");
    }

    #[test]
    fn a_chosen_mock_file_is_used_instead_of_the_one_beside() {
        let dir = tempfile::tempdir().unwrap();
        let path = workflow(dir.path());
        let other = dir.path().join("shared-mocks.json");
        let other = other.to_string_lossy().into_owned();
        let states = vec![MockedState {
            state: "A".into(),
            entries: vec![MockEntry {
                range: "0".into(),
                reply: MockReply::Return { json: "7".into() },
            }],
        }];
        save_mock_case(&path, Some(&other), "Seven", &states).unwrap();
        assert!(!dir.path().join("flow.mocks.json").exists());
        assert_eq!(mock_case(&path, Some(&other), "Seven").unwrap().len(), 1);
        assert_eq!(mock_case(&path, None, "Seven").unwrap(), Vec::new());
        let setup = crate::run::files::setup(&path, Some(&other));
        assert_eq!(setup.test_cases, ["Seven"]);
        assert_eq!(setup.mocks_path.as_deref(), Some(other.as_str()));
    }

    #[test]
    fn bad_answers_are_refused_and_the_file_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = workflow(dir.path());
        let file = dir.path().join("flow.mocks.json");
        let before = "{\"StateMachines\": {}, \"MockedResponses\": {}}\n";
        std::fs::write(&file, before).unwrap();
        let bad_json = vec![MockedState {
            state: "A".into(),
            entries: vec![MockEntry {
                range: "0".into(),
                reply: MockReply::Return { json: "{".into() },
            }],
        }];
        let e = save_mock_case(&path, None, "C", &bad_json).unwrap_err();
        assert_eq!(e.code, ErrorCode::BadInput);
        assert!(e.message.contains("not valid JSON"), "{}", e.message);
        let gap = vec![MockedState {
            state: "A".into(),
            entries: vec![MockEntry {
                range: "1".into(),
                reply: MockReply::Return { json: "1".into() },
            }],
        }];
        assert_eq!(save_mock_case(&path, None, "C", &gap).unwrap_err().code, ErrorCode::BadMocks);
        assert_eq!(save_mock_case(&path, None, "  ", &[]).unwrap_err().code, ErrorCode::BadInput);
        assert_eq!(std::fs::read_to_string(&file).unwrap(), before);
    }
}
