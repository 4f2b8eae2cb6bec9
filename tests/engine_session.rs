//! The step-by-step API: breakpoints, stepping, task-token callbacks, stage traces, several
//! executions at once.

use std::collections::HashSet;
use std::sync::Arc;

use serde_json::{Value, json};
use statewright::engine::{
    Breakpoints, Caught, Clock, ExecutionIdentity, Failure, Notice, Outcome, PauseReason,
    RunOptions, Session, VirtualClock, compile,
};

fn options(input: Value) -> RunOptions {
    RunOptions {
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
        record_history: true,
        trace: true,
        seed: 9,
        base_dir: ".".into(),
    }
}

fn start(definition: Value, input: Value, bp: Breakpoints, pause_at_start: bool) -> Session {
    let program = Arc::new(compile(&definition).unwrap_or_else(|e| panic!("{e}")));
    let clock: Arc<dyn Clock> = Arc::new(VirtualClock::new(0));
    Session::start(program, options(input), clock, bp, pause_at_start)
}

async fn next_pause(s: &mut Session) -> Option<(PauseReason, String, Value)> {
    while let Some(n) = s.next_notice().await {
        match n {
            Notice::Paused(p) => return Some((p.reason, p.state, p.input)),
            Notice::Finished(_) => return None,
            _ => {}
        }
    }
    None
}

const CHAIN: &str = r#"{"StartAt":"A","States":{"A":{"Type":"Pass","Result":1,"ResultPath":"$.a","Next":"B"},
 "B":{"Type":"Pass","Parameters":{"b.$":"$.a"},"Next":"C"},"C":{"Type":"Succeed"}}}"#;

#[tokio::test]
async fn breakpoint_then_step_then_continue() {
    let def: Value = serde_json::from_str(CHAIN).unwrap_or_default();
    let bp =
        Breakpoints { states: HashSet::from(["B".to_string()]), on_error: false, on_catch: false };
    let mut s = start(def, json!({"x": 0}), bp, false);
    let (reason, state, input) =
        next_pause(&mut s).await.unwrap_or((PauseReason::Requested, String::new(), Value::Null));
    assert_eq!(
        (reason, state.as_str(), input),
        (PauseReason::Breakpoint, "B", json!({"x": 0, "a": 1}))
    );
    s.step();
    let (reason, state, input) =
        next_pause(&mut s).await.unwrap_or((PauseReason::Requested, String::new(), Value::Null));
    assert_eq!((reason, state.as_str(), input), (PauseReason::Step, "C", json!({"b": 1})));
    s.resume();
    let report = s.finish().await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(report.outcome, Outcome::Succeeded(json!({"b": 1})));
    assert_eq!(report.transitions, 3);
}

#[tokio::test]
async fn events_and_traces_stream() {
    let def: Value = serde_json::from_str(CHAIN).unwrap_or_default();
    let mut s = start(def, json!({}), Breakpoints::default(), false);
    let (mut kinds, mut traces) = (Vec::new(), Vec::new());
    while let Some(n) = s.next_notice().await {
        match n {
            Notice::Event(e) => kinds.push(e.kind),
            Notice::Trace(t) => traces.push(*t),
            Notice::Finished(_) => break,
            Notice::Paused(_) => s.resume(),
        }
    }
    assert_eq!(kinds.first(), Some(&"ExecutionStarted"));
    assert_eq!(kinds.last(), Some(&"ExecutionSucceeded"));
    let b = traces.iter().find(|t| t.state == "B").map(|t| t.stages.clone()).unwrap_or_default();
    assert_eq!(b.input, Some(json!({"a": 1})));
    assert_eq!(b.after_parameters, Some(json!({"b": 1})));
    assert_eq!(b.output, Some(json!({"b": 1})));
}

const CALLBACK: &str = r#"{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken","TimeoutSeconds":5,
 "Parameters":{"token.$":"$$.Task.Token"},"ResultPath":"$.reply","End":true}}}"#;

async fn token_of(s: &mut Session) -> String {
    while let Some(n) = s.next_notice().await {
        if let Notice::Event(e) = n
            && e.kind == "TaskScheduled"
        {
            let params: Value =
                serde_json::from_str(e.details["parameters"].as_str().unwrap_or("{}"))
                    .unwrap_or_default();
            return params["token"].as_str().unwrap_or_default().to_string();
        }
    }
    String::new()
}

#[tokio::test]
async fn task_token_callbacks_in_parallel_sessions() {
    let def: Value = serde_json::from_str(CALLBACK).unwrap_or_default();
    let mut ok = start(def.clone(), json!({"n": 1}), Breakpoints::default(), false);
    let mut bad = start(def, json!({"n": 2}), Breakpoints::default(), false);
    let (t1, t2) = (token_of(&mut ok).await, token_of(&mut bad).await);
    assert!(!t1.is_empty() && !t2.is_empty());
    ok.send_task_heartbeat(&t1);
    ok.send_task_success(&t1, json!("yes"));
    bad.send_task_failure(&t2, Some("Nope".into()), Some("denied".into()));
    let r1 = ok.finish().await.unwrap_or_else(|e| panic!("{e}"));
    let r2 = bad.finish().await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(r1.outcome, Outcome::Succeeded(json!({"n": 1, "reply": "yes"})));
    assert!(matches!(r2.outcome, Outcome::Failed(ref f) if f.error.as_deref() == Some("Nope")));
}

#[tokio::test]
async fn abort_stops_a_waiting_execution() {
    let def: Value = serde_json::from_str(CALLBACK).unwrap_or_default();
    let mut s = start(def, json!({}), Breakpoints::default(), false);
    let _ = token_of(&mut s).await;
    s.abort();
    let r = s.finish().await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(r.outcome, Outcome::Aborted);
    assert_eq!(r.history.last().map(|e| e.kind), Some("ExecutionAborted"));
}

#[tokio::test]
async fn pause_at_start_and_error_breakpoint() {
    let def = json!({"StartAt":"A","States":{"A":{"Type":"Pass","Next":"F"},"F":{"Type":"Fail","Error":"E"}}});
    let mut s =
        start(def, json!({}), Breakpoints { on_error: true, ..Breakpoints::default() }, true);
    let first = next_pause(&mut s).await.map(|p| p.1);
    assert_eq!(first.as_deref(), Some("A"));
    s.resume();
    let r = s.finish().await.unwrap_or_else(|e| panic!("{e}"));
    assert!(matches!(r.outcome, Outcome::Failed(_)));
}

/// A Parallel whose only branch fails with `error`, caught by its second rule (`States.ALL`),
/// after one retry of `Retried` errors. `jsonata` writes the same workflow in JSONata.
fn caught_workflow(error: &str, jsonata: bool) -> Value {
    let (lang, out) = if jsonata {
        (json!("JSONata"), json!({"Output": {"err": "{% $states.errorOutput.Error %}"}}))
    } else {
        (json!("JSONPath"), json!({"ResultPath": "$.err"}))
    };
    let mut handled = json!({"ErrorEquals": ["States.ALL"], "Next": "Handled"});
    if let (Some(h), Some(o)) = (handled.as_object_mut(), out.as_object()) {
        h.extend(o.clone());
    }
    json!({"QueryLanguage": lang, "StartAt": "Work", "States": {
        "Work": {"Type": "Parallel", "Branches": [{"StartAt": "Boom", "States": {
            "Boom": {"Type": "Fail", "Error": error, "Cause": "why"}}}],
          "Retry": [{"ErrorEquals": ["Retried"], "MaxAttempts": 1, "IntervalSeconds": 1}],
          "Catch": [{"ErrorEquals": ["Other"], "Next": "Elsewhere"}, handled],
          "Next": "Elsewhere"},
        "Elsewhere": {"Type": "Succeed"},
        "Handled": {"Type": "Succeed"}}})
}

/// A pause as (reason, state about to be entered, its input).
type Pause<'a> = (PauseReason, &'a str, Value);

#[tokio::test]
async fn catch_breakpoint_pauses_before_the_catch_next_state() {
    let caught = |error: &str| Caught {
        state: "Work".into(),
        error: Failure { error: Some(error.into()), cause: Some("why".into()) },
        rule: 1,
        rules: 2,
        next: "Handled".into(),
    };
    // (error raised, JSONata, on_catch, on_error, expected pauses as (reason, state, input))
    let cases: Vec<(&str, bool, bool, bool, Vec<Pause>)> = vec![
        (
            "Declined",
            false,
            true,
            false,
            vec![(
                PauseReason::Caught(caught("Declined")),
                "Handled",
                json!({"n": 1, "err": {"Error": "Declined", "Cause": "why"}}),
            )],
        ),
        // Retried once first: the pause comes only when the Catch finally handles it.
        (
            "Retried",
            false,
            true,
            false,
            vec![(
                PauseReason::Caught(caught("Retried")),
                "Handled",
                json!({"n": 1, "err": {"Error": "Retried", "Cause": "why"}}),
            )],
        ),
        (
            "Declined",
            true,
            true,
            false,
            vec![(PauseReason::Caught(caught("Declined")), "Handled", json!({"err": "Declined"}))],
        ),
        ("Declined", false, false, false, vec![]),
        // The branch's own failure is an error: "pause on any error" stops there...
        (
            "Declined",
            false,
            false,
            true,
            vec![(
                PauseReason::Error(Failure {
                    error: Some("Declined".into()),
                    cause: Some("why".into()),
                }),
                "Handled",
                json!({"n": 1, "err": {"Error": "Declined", "Cause": "why"}}),
            )],
        ),
        // ...and with both, the pause says the Catch handled it (one pause, not two).
        (
            "Declined",
            false,
            true,
            true,
            vec![(
                PauseReason::Caught(caught("Declined")),
                "Handled",
                json!({"n": 1, "err": {"Error": "Declined", "Cause": "why"}}),
            )],
        ),
    ];
    for (error, jsonata, on_catch, on_error, expected) in cases {
        let bp = Breakpoints { on_catch, on_error, ..Breakpoints::default() };
        let mut s = start(caught_workflow(error, jsonata), json!({"n": 1}), bp, false);
        let mut pauses = Vec::new();
        while let Some(p) = next_pause(&mut s).await {
            pauses.push(p);
            s.resume();
        }
        let got: Vec<_> =
            pauses.iter().map(|(r, st, i)| (r.clone(), st.as_str(), i.clone())).collect();
        assert_eq!(
            got, expected,
            "{error} jsonata={jsonata} on_catch={on_catch} on_error={on_error}"
        );
        let report = s.finish().await.unwrap_or_else(|e| panic!("{e}"));
        assert!(matches!(report.outcome, Outcome::Succeeded(_)), "{error}: {:?}", report.outcome);
    }
}

#[tokio::test]
async fn an_uncaught_error_never_pauses_as_caught() {
    let def = json!({"StartAt": "Work", "States": {
        "Work": {"Type": "Parallel", "Branches": [{"StartAt": "Boom", "States": {
            "Boom": {"Type": "Fail", "Error": "Unlisted"}}}],
          "Catch": [{"ErrorEquals": ["Other"], "Next": "Elsewhere"}], "End": true},
        "Elsewhere": {"Type": "Succeed"}}});
    let bp = Breakpoints { on_catch: true, ..Breakpoints::default() };
    let mut s = start(def, json!({}), bp, false);
    assert_eq!(next_pause(&mut s).await, None);
    let report = s.finish().await.unwrap_or_else(|e| panic!("{e}"));
    assert!(
        matches!(report.outcome, Outcome::Failed(ref f) if f.error.as_deref() == Some("Unlisted"))
    );
}
