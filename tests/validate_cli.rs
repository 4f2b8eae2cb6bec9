//! `statewright validate` as CI and the conformance runner call it: the `--json` contract and
//! the exit status (0 valid, 1 invalid or not JSON, 2 unreadable file).

use std::process::Command;

fn run(text: &str, args: &[&str]) -> (i32, String) {
    let dir = std::env::temp_dir().join(format!("statewright-validate-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join(format!("case-{:x}.asl.json", text.len() * 31 + args.len()));
    std::fs::write(&file, text).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_statewright"))
        .arg("validate")
        .arg(&file)
        .args(args)
        .output()
        .unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Definition text, extra arguments, exit status, `valid`, pointers that must be reported.
type Case<'a> = (&'a str, &'a [&'a str], i32, bool, &'a [&'a str]);

#[test]
fn json_contract_and_exit_status() {
    let table: &[Case<'_>] = &[
        (r#"{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}"#, &[], 0, true, &[]),
        (
            r#"{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "Ghost"}}}"#,
            &[],
            1,
            false,
            &["/States/A/Next", "/States"],
        ),
        ("{\"StartAt\": ", &[], 1, false, &[]),
        (
            r#"{"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "arn:aws:states:::states:startExecution.sync", "End": true}}}"#,
            &["--type", "EXPRESS"],
            1,
            false,
            &["/States/A/Resource"],
        ),
        (
            r#"{"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "arn:aws:states:::states:startExecution.sync", "End": true}}}"#,
            &["--type", "standard"],
            0,
            true,
            &[],
        ),
    ];
    for (text, extra, status, valid, pointers) in table {
        let mut args = vec!["--json"];
        args.extend_from_slice(extra);
        let (code, stdout) = run(text, &args);
        assert_eq!(code, *status, "{text} {extra:?}: {stdout}");
        let answer: serde_json::Value = serde_json::from_str(&stdout).expect("one JSON object");
        assert_eq!(answer["valid"], *valid, "{text}");
        let diagnostics = answer["diagnostics"].as_array().unwrap();
        for d in diagnostics {
            for key in ["code", "severity", "pointer", "message"] {
                assert!(d.get(key).is_some(), "{key} missing in {d}");
            }
        }
        for pointer in *pointers {
            assert!(
                diagnostics.iter().any(|d| d["pointer"] == *pointer),
                "{pointer} not in {stdout}"
            );
        }
    }
}

#[test]
fn unreadable_file_exits_2() {
    let out = Command::new(env!("CARGO_BIN_EXE_statewright"))
        .args(["validate", "/nonexistent/definitely/missing.asl.json", "--json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}
