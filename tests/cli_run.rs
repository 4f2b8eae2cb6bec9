//! `statewright run`: exit codes, the `--json` object, usage errors, mocks, both clocks.

use std::path::PathBuf;
use std::process::Command;

use serde_json::{Value, json};

fn dir() -> PathBuf {
    let d = std::env::temp_dir().join(format!("statewright-cli-run-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap_or_else(|e| panic!("{e}"));
    d
}

fn file(name: &str, text: &str) -> String {
    let p = dir().join(name);
    std::fs::write(&p, text).unwrap_or_else(|e| panic!("{e}"));
    p.to_string_lossy().into_owned()
}

fn run(args: &[&str]) -> (i32, Value) {
    let out = Command::new(env!("CARGO_BIN_EXE_statewright"))
        .arg("run")
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let text = String::from_utf8_lossy(&out.stdout);
    (out.status.code().unwrap_or(-1), serde_json::from_str(&text).unwrap_or(Value::Null))
}

const OK: &str = r#"{"StartAt":"A","States":{"A":{"Type":"Pass","Parameters":{"v.$":"$.v","sm.$":"$$.StateMachine.Name"},"End":true}}}"#;
const FAIL: &str = r#"{"StartAt":"F","States":{"F":{"Type":"Fail","Error":"E","Cause":"C"}}}"#;
const TASK: &str = r#"{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","ResultSelector":{"p.$":"$.Payload"},"End":true}}}"#;

#[test]
fn json_results_and_exit_codes() {
    let (ok, fail) = (file("ok.asl.json", OK), file("fail.asl.json", FAIL));
    let input = file("in.json", r#"{"v": 3}"#);
    let cases: &[(&[&str], i32, Value)] = &[
        (
            &[&ok, "--input", &input, "--json", "--state-machine-name", "M"],
            0,
            json!({"status": "SUCCEEDED", "output": {"v": 3, "sm": "M"}}),
        ),
        (&[&fail, "--json"], 1, json!({"status": "FAILED", "error": "E", "cause": "C"})),
    ];
    for (args, code, want) in cases {
        let (c, v) = run(args);
        assert_eq!((c, &v), (*code, want), "{args:?}");
    }
}

#[test]
fn usage_and_definition_errors_exit_2_with_a_message() {
    let bad_json = file("bad.asl.json", "{\"StartAt\":");
    let bad_target =
        file("target.asl.json", r#"{"StartAt":"Z","States":{"A":{"Type":"Pass","End":true}}}"#);
    let ok = file("ok2.asl.json", OK);
    for args in [
        vec![bad_json.as_str(), "--json"],
        vec![bad_target.as_str(), "--json"],
        vec![ok.as_str(), "--input", "/no/such/input.json", "--json"],
        vec!["/no/such/definition.json", "--json"],
    ] {
        let (code, v) = run(&args);
        assert_eq!(code, 2, "{args:?}");
        assert!(v["cause"].as_str().is_some_and(|c| !c.is_empty()), "{args:?}: {v}");
    }
}

#[test]
fn mocks_history_and_real_clock() {
    let task = file("task.asl.json", TASK);
    let mock = file(
        "mock.json",
        r#"{"StateMachines":{"task":{"TestCases":{"Happy":{"T":"R"}}}},"MockedResponses":{"R":{"0":{"Return":{"Payload":{"ok":1}}}}}}"#,
    );
    let (code, v) = run(&[
        &task,
        "--mock-config",
        &mock,
        "--test-case",
        "Happy",
        "--history",
        "--json",
        "--clock",
        "real",
        "--speed",
        "100",
    ]);
    assert_eq!((code, &v["output"]), (0, &json!({"p": {"ok": 1}})));
    let kinds: Vec<&str> =
        v["history"].as_array().into_iter().flatten().filter_map(|e| e["type"].as_str()).collect();
    assert_eq!(
        kinds,
        [
            "ExecutionStarted",
            "TaskStateEntered",
            "TaskScheduled",
            "TaskStarted",
            "TaskSucceeded",
            "TaskStateExited",
            "ExecutionSucceeded"
        ]
    );
    let (code, v) = run(&[&task, "--json"]);
    assert_eq!(code, 1);
    assert!(v["cause"].as_str().is_some_and(|c| c.contains("--mock-config")), "{v}");
}
