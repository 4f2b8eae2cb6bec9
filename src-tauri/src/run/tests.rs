//! Tests of run sessions without a window: starting, batching, breakpoints, callbacks and the
//! error codes the UI switches on.

use std::sync::mpsc as std_mpsc;
use std::time::Duration;

use super::types::{CaughtAt, RunAction, RunBatch, RunRequest, StateStatus};
use super::*;

const ORDER: &str = r#"{"StartAt": "A", "States": {
  "A": {"Type": "Pass", "Next": "B"},
  "B": {"Type": "Pass", "Next": "C"},
  "C": {"Type": "Pass", "End": true}}}"#;

fn request(definition: &str) -> RunRequest {
    RunRequest {
        definition: definition.into(),
        path: None,
        input: "{}".into(),
        mocks_path: None,
        test_case: None,
        speed: 0.0,
        breakpoints: vec![],
        break_on_error: false,
        break_on_catch: false,
        pause_at_start: false,
    }
}

fn next(rx: &std_mpsc::Receiver<RunBatch>) -> RunBatch {
    rx.recv_timeout(Duration::from_secs(10)).expect("a batch")
}

#[test]
fn bad_text_and_bad_input_are_told_apart_by_code() {
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    let _g = rt.enter();
    let runs = Runs::default();
    let e = runs.start(request("{"), |_| {}).expect_err("not JSON");
    assert_eq!(e.code, ErrorCode::NotRunnable);
    let mut r = request(ORDER);
    r.input = "{oops".into();
    assert_eq!(runs.start(r, |_| {}).expect_err("bad input").code, ErrorCode::BadInput);
    assert_eq!(runs.act(RunAction::Step).expect_err("nothing runs").code, ErrorCode::NotRunning);
    assert_eq!(runs.history_json().expect_err("nothing ran").code, ErrorCode::NotRunning);
}

#[test]
fn a_breakpoint_pauses_and_step_moves_one_state() {
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    let _g = rt.enter();
    let runs = Runs::default();
    let (tx, rx) = std_mpsc::channel();
    let mut r = request(ORDER);
    r.breakpoints = vec!["B".into()];
    runs.start(r, move |b| {
        let _ = tx.send(b);
    })
    .expect("starts");
    let paused = loop {
        let b = next(&rx);
        if let Some(p) = b.paused {
            break p;
        }
    };
    assert_eq!(paused.state, "B");
    assert_eq!(paused.reason, "a breakpoint");
    runs.act(RunAction::Step).expect("steps");
    let paused = loop {
        let b = next(&rx);
        assert!(b.end.is_none(), "Step ran to the end");
        if let Some(p) = b.paused {
            break p;
        }
    };
    assert_eq!(paused.state, "C");
    runs.act(RunAction::Continue).expect("continues");
    let mut statuses = Vec::new();
    let end = loop {
        let b = next(&rx);
        statuses.extend(b.statuses);
        if let Some(e) = b.end {
            break e;
        }
    };
    assert_eq!(end.status, "SUCCEEDED");
    assert!(statuses.iter().any(|s| s.state == "C" && s.status == StateStatus::Succeeded));
    // The pump stores the report just after the last batch.
    let mut history = Err(error(ErrorCode::NotRunning, ""));
    for _ in 0..100 {
        history = runs.history_json();
        if history.is_ok() {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let history: Value = serde_json::from_str(&history.expect("history")).expect("json");
    assert_eq!(history["events"][0]["type"], "ExecutionStarted");
}

#[test]
fn a_catch_breakpoint_says_what_was_caught_then_continues() {
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    let _g = rt.enter();
    let runs = Runs::default();
    let (tx, rx) = std_mpsc::channel();
    let mut r = request(
        r#"{"StartAt": "Work", "States": {
  "Work": {"Type": "Parallel", "Branches": [{"StartAt": "Boom", "States": {
    "Boom": {"Type": "Fail", "Error": "PaymentDeclined"}}}],
    "Catch": [{"ErrorEquals": ["PaymentDeclined"], "Next": "Failed"}], "End": true},
  "Failed": {"Type": "Succeed"}}}"#,
    );
    r.break_on_catch = true;
    runs.start(r, move |b| {
        let _ = tx.send(b);
    })
    .expect("starts");
    let mut statuses = Vec::new();
    let paused = loop {
        let b = next(&rx);
        assert!(b.end.is_none(), "ran to the end without pausing");
        statuses.extend(b.statuses);
        if let Some(p) = b.paused {
            break p;
        }
    };
    assert_eq!(paused.state, "Failed");
    assert_eq!(
        paused.caught,
        Some(CaughtAt {
            state: "Work".into(),
            error: Some("PaymentDeclined".into()),
            cause: None,
            rule: 1,
            rules: 1,
            next: "Failed".into(),
        })
    );
    runs.act(RunAction::Continue).expect("continues");
    loop {
        let b = next(&rx);
        statuses.extend(b.statuses);
        if b.end.is_some() {
            break;
        }
    }
    // The run goes on from the paused Next state to its end.
    assert_eq!(
        statuses.iter().rev().find(|s| s.state == "Failed").map(|s| s.status),
        Some(StateStatus::Succeeded)
    );
}

#[test]
fn the_machine_name_is_the_file_name_up_to_the_first_dot() {
    assert_eq!(machine_name(Some("/x/order-processing.asl.json")), "order-processing");
    assert_eq!(machine_name(None), "Untitled");
}

#[test]
fn setup_reads_the_files_beside_the_workflow() {
    let dir = tempfile::tempdir().expect("tempdir");
    let wf = dir.path().join("flow.asl.json");
    std::fs::write(&wf, ORDER).expect("write");
    let path = wf.to_string_lossy().into_owned();
    let s = files::setup(&path, None);
    assert_eq!((s.input, s.mocks_path, s.test_cases.len()), (None, None, 0));
    std::fs::write(dir.path().join("flow.input.json"), "{\"a\": 1}").expect("write");
    std::fs::write(
        dir.path().join("flow.mocks.json"),
        r#"{"StateMachines": {"flow": {"TestCases": {"HappyPath": {}, "Sad": {}}}}, "MockedResponses": {}}"#,
    )
    .expect("write");
    files::save_input(&path, "big order", "{\"n\": 99}").expect("saves");
    assert_eq!(files::save_input(&path, "x", "{").expect_err("bad").code, ErrorCode::BadInput);
    let s = files::setup(&path, None);
    assert_eq!(s.input.as_deref(), Some("{\"a\": 1}"));
    assert_eq!(s.test_cases, vec!["HappyPath".to_string(), "Sad".to_string()]);
    assert_eq!(s.named_inputs.len(), 1);
    assert_eq!(s.named_inputs[0].name, "big order");
    assert!(s.mocks_problem.is_none());
}
