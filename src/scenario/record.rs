//! Recording: turn a finished execution into a mock test case (the Task results it saw, as
//! `Return`/`Throw` responses per invocation) plus its expectations, and write both into the
//! user's files.
//!
//! The recording is read from the history alone: each `TaskSucceeded`/`LambdaFunctionSucceeded`
//! output becomes a `Return`, each `*Failed`/`*TimedOut` a `Throw`, in the order the history gives
//! them per Task state (retries included, as Step Functions Local counts invocations). Runs of
//! equal answers share a range key (`"0-2"`). Responses are named `<test case>.<state>`.
//!
//! Guarantees: the files are changed by lossless edits ([`crate::asl::edit`]): every other test
//! case, response, key order, indentation and number spelling stays as written; saving goes
//! through [`write_atomically`]; a file that is not JSON is refused, never overwritten.

use std::path::Path;

use serde_json::{Map, Value, json};

use super::actual_of;
use super::trail::{Trail, state_at};
use crate::asl::Document;
use crate::asl::edit::{Edit, apply};
use crate::asl::pointer;
use crate::asl::save::write_atomically;
use crate::engine::{ExecutionReport, HistoryEvent};

/// What an execution did, ready to be saved as a test case.
#[derive(Debug, Clone, PartialEq)]
pub struct Recording {
    /// The execution input.
    pub input: Value,
    /// Per Task state (in order of first call): its answers in invocation order, each
    /// `{"Return": ...}` or `{"Throw": {"Error", "Cause"}}`.
    pub answers: Vec<(String, Vec<Value>)>,
    /// The test case's expectations (`Input`, `Status`, `Output` or `Error`/`Cause`, `Path`).
    pub expectation: Value,
}

fn answer(e: &HistoryEvent) -> Option<Value> {
    let d = &e.details;
    match e.kind {
        "TaskSucceeded" | "LambdaFunctionSucceeded" | "ActivitySucceeded" => {
            let text = d.get("output").and_then(Value::as_str).unwrap_or("null");
            let v = serde_json::from_str(text).unwrap_or(Value::String(text.to_string()));
            Some(json!({ "Return": v }))
        }
        "TaskFailed"
        | "TaskTimedOut"
        | "LambdaFunctionFailed"
        | "LambdaFunctionTimedOut"
        | "ActivityFailed"
        | "ActivityTimedOut" => {
            let text = |k: &str| d.get(k).and_then(Value::as_str).unwrap_or("").to_string();
            Some(json!({ "Throw": { "Error": text("error"), "Cause": text("cause") } }))
        }
        _ => None,
    }
}

/// Reads a recording from a finished execution (its report must hold the history).
pub fn recording_of(definition: &Value, report: &ExecutionReport) -> Recording {
    let history = &report.history;
    let trail = Trail::build(definition, history);
    let mut answers: Vec<(String, Vec<Value>)> = Vec::new();
    for (i, e) in history.iter().enumerate() {
        let Some(a) = answer(e) else { continue };
        let Some(v) = trail.visit_of[i] else { continue };
        let visit = &trail.visits[v];
        let is_task = state_at(definition, &visit.pointer)
            .and_then(|s| s.get("Type"))
            .and_then(Value::as_str)
            == Some("Task");
        if !is_task {
            continue;
        }
        match answers.iter_mut().find(|(n, _)| *n == visit.name) {
            Some((_, list)) => list.push(a),
            None => answers.push((visit.name.clone(), vec![a])),
        }
    }
    let input = history
        .iter()
        .find(|e| e.kind == "ExecutionStarted")
        .and_then(|e| e.details.get("input"))
        .and_then(Value::as_str)
        .and_then(|t| serde_json::from_str(t).ok())
        .unwrap_or_else(|| Value::Object(Map::new()));
    let actual = actual_of(report, &trail);
    let mut exp = Map::new();
    exp.insert("Input".into(), input.clone());
    exp.insert("Status".into(), json!(actual.status));
    if let Some(o) = actual.output {
        exp.insert("Output".into(), o);
    }
    if let Some(e) = actual.error {
        exp.insert("Error".into(), json!(e));
    }
    if let Some(c) = actual.cause {
        exp.insert("Cause".into(), json!(c));
    }
    exp.insert("Path".into(), json!(actual.path));
    Recording { input, answers, expectation: Value::Object(exp) }
}

/// `[A, A, B]` → `{"0-1": A, "2": B}`.
fn ranges(answers: &[Value]) -> Value {
    let mut out = Map::new();
    let mut start = 0;
    for i in 0..answers.len() {
        if i + 1 == answers.len() || answers[i + 1] != answers[i] {
            let key = if start == i { format!("{i}") } else { format!("{start}-{i}") };
            out.insert(key, answers[i].clone());
            start = i + 1;
        }
    }
    Value::Object(out)
}

fn parse(text: Option<&str>, empty: &str) -> Result<Document, String> {
    Document::parse(text.unwrap_or(empty).to_string())
        .map_err(|e| format!("{}:{}: {}", e.position.line, e.position.column, e.message))
}

/// Sets `pointer` to `value`, creating missing parent objects (each with the rest of the value).
fn set_deep(doc: &Document, pointer: &str, value: Value) -> Result<Document, String> {
    let tokens: Vec<String> = pointer::tokens(pointer).map(|t| t.into_owned()).collect();
    if tokens.is_empty() {
        return Err("cannot replace the whole document".into());
    }
    let mut depth = 1;
    while depth < tokens.len() {
        let parent = tokens[..depth].iter().fold(String::new(), |p, t| pointer::join(&p, t));
        match doc.value().pointer(&parent) {
            Some(Value::Object(_)) => depth += 1,
            Some(_) => return Err(format!("{parent} is not an object")),
            None => break,
        }
    }
    let mut nested = value;
    for t in tokens[depth..].iter().rev() {
        let mut m = Map::new();
        m.insert(t.clone(), nested);
        nested = Value::Object(m);
    }
    let at = tokens[..depth].iter().fold(String::new(), |p, t| pointer::join(&p, t));
    let edit = Edit::SetField { pointer: at, value: nested };
    apply(doc, &edit).map_err(|e| e.to_string())
}

/// Whether response `name` is used by a test case other than `(machine, case)`.
fn used_elsewhere(doc: &Value, name: &str, machine: &str, case: &str) -> bool {
    let Some(machines) = doc.get("StateMachines").and_then(Value::as_object) else { return false };
    machines.iter().any(|(m, body)| {
        let cases = body.get("TestCases").and_then(Value::as_object);
        cases.into_iter().flatten().any(|(c, states)| {
            (m != machine || c != case)
                && states.as_object().is_some_and(|s| s.values().any(|r| r == name))
        })
    })
}

/// Writes `recording` as test case `case` of `machine` into a mock configuration text (`None`
/// for a new file); returns the new text.
pub fn add_to_mock_config(
    text: Option<&str>,
    machine: &str,
    case: &str,
    recording: &Recording,
) -> Result<String, String> {
    let responses: Vec<(String, Value)> =
        recording.answers.iter().map(|(state, answers)| (state.clone(), ranges(answers))).collect();
    set_test_case(text, machine, case, &responses)
}

/// Sets test case `case` of `machine` in a mock configuration text (`None` for a new file) to
/// `responses`: per state, its response object (`{"0": {"Return": ...}, "1-3": {"Throw": ...}}`),
/// written as `<case>.<state>` (numbered when that name is used by another test case). Other
/// test cases and responses stay as written. Returns the new text.
pub fn set_test_case(
    text: Option<&str>,
    machine: &str,
    case: &str,
    responses: &[(String, Value)],
) -> Result<String, String> {
    let mut doc = parse(text, "{\n  \"StateMachines\": {},\n  \"MockedResponses\": {}\n}\n")?;
    if !doc.value().is_object() {
        return Err("a mock configuration must be a JSON object".into());
    }
    let mut states = Map::new();
    for (state, response) in responses {
        let base = format!("{case}.{state}");
        let mut name = base.clone();
        let mut n = 2;
        while used_elsewhere(doc.value(), &name, machine, case) {
            name = format!("{base}.{n}");
            n += 1;
        }
        let at = pointer::join("/MockedResponses", &name);
        doc = set_deep(&doc, &at, response.clone())?;
        states.insert(state.clone(), Value::String(name));
    }
    let at =
        format!("/StateMachines/{}/TestCases/{}", pointer::escape(machine), pointer::escape(case));
    doc = set_deep(&doc, &at, Value::Object(states))?;
    Ok(doc.text().to_string())
}

/// Writes the recording's expectations as test case `case` into an expectations text.
pub fn add_to_expectations(
    text: Option<&str>,
    case: &str,
    recording: &Recording,
) -> Result<String, String> {
    let doc = parse(text, "{\n  \"TestCases\": {}\n}\n")?;
    if !doc.value().is_object() {
        return Err("an expectations file must be a JSON object".into());
    }
    let at = pointer::join("/TestCases", case);
    Ok(set_deep(&doc, &at, recording.expectation.clone())?.text().to_string())
}

fn update(
    path: &Path,
    change: impl FnOnce(Option<&str>) -> Result<String, String>,
) -> Result<(), String> {
    let old = match std::fs::read_to_string(path) {
        Ok(t) => Some(t),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(format!("{}: cannot read it ({e})", path.display())),
    };
    let new = change(old.as_deref()).map_err(|e| format!("{}: {e}", path.display()))?;
    write_atomically(path, new.as_bytes())
        .map_err(|e| format!("{}: cannot save it ({e})", path.display()))
}

/// Saves `recording` as test case `case`: into the mock configuration at `mock_path` and, when
/// given, its expectations into `tests_path`. Files that do not exist are created.
pub fn save(
    mock_path: &Path,
    tests_path: Option<&Path>,
    machine: &str,
    case: &str,
    recording: &Recording,
) -> Result<(), String> {
    update(mock_path, |t| add_to_mock_config(t, machine, case, recording))?;
    if let Some(tests) = tests_path {
        update(tests, |t| add_to_expectations(t, case, recording))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_group_equal_neighbours() {
        let (a, b) = (json!({"Return": 1}), json!({"Return": 2}));
        let r = ranges(&[a.clone(), a.clone(), b.clone(), a.clone()]);
        assert_eq!(r, json!({"0-1": a, "2": b, "3": {"Return": 1}}));
        assert_eq!(
            serde_json::to_string(&r).unwrap(),
            r#"{"0-1":{"Return":1},"2":{"Return":2},"3":{"Return":1}}"#
        );
    }

    #[test]
    fn adding_keeps_the_rest_of_the_file() {
        let text = "{\n    \"StateMachines\": {\"M\": {\"TestCases\": {\"Old\": {\"A\": \"R\"}}}},\n    \"MockedResponses\": {\"R\": {\"0\": {\"Return\": 1.50}}}\n}\n";
        let rec = Recording {
            input: json!({}),
            answers: vec![("A".into(), vec![json!({"Throw": {"Error": "E", "Cause": "C"}})])],
            expectation: json!({"Status": "FAILED"}),
        };
        let new = add_to_mock_config(Some(text), "M", "New", &rec).unwrap();
        assert!(new.contains("\"Old\": {\"A\": \"R\"}"), "{new}");
        assert!(new.contains("1.50"), "{new}");
        let v: Value = serde_json::from_str(&new).unwrap();
        assert_eq!(v["StateMachines"]["M"]["TestCases"]["New"], json!({"A": "New.A"}));
        assert_eq!(v["MockedResponses"]["New.A"]["0"]["Throw"]["Error"], "E");
        let again = add_to_mock_config(Some(&new), "M", "New", &rec).unwrap();
        assert_eq!(again, new, "saving the same recording twice changes nothing");
        let fresh = add_to_mock_config(None, "Other", "T", &rec).unwrap();
        let v: Value = serde_json::from_str(&fresh).unwrap();
        assert_eq!(v["StateMachines"]["Other"]["TestCases"]["T"]["A"], "T.A");
        assert!(add_to_mock_config(Some("[1"), "M", "T", &rec).is_err());
    }
}
