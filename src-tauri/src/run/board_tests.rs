//! Tests of the run board: how execution events turn into the statuses, taken edges and
//! inspection data the canvas and the run panel show.

use std::sync::Arc;

use serde_json::{Value, json};
use statewright::engine::{
    Breakpoints, ExecutionIdentity, MockConfig, Notice, RunOptions, Session, VirtualClock, compile,
};

use super::*;

fn identity() -> ExecutionIdentity {
    ExecutionIdentity {
        execution_name: "t".into(),
        state_machine_name: "m".into(),
        account: "123456789012".into(),
        region: "us-east-1".into(),
        role_arn: "arn:aws:iam::123456789012:role/r".into(),
        partition: "aws".into(),
        express: false,
    }
}

/// Runs `definition` with `mocks` (test case `T` of machine `m`) to the end, answering nothing.
fn board_of(definition: Value, mocks: Option<Value>, input: Value) -> (Board, Vec<RunBatch>) {
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    rt.block_on(async move {
        let program = Arc::new(compile(&definition).expect("compiles"));
        let mocks =
            mocks.map(|m| MockConfig::parse(&m).expect("mocks").case("m", "T").expect("case"));
        let opts = RunOptions {
            input,
            identity: identity(),
            mocks,
            ignore_quotas: true,
            record_history: false,
            trace: true,
            seed: 1,
            base_dir: ".".into(),
        };
        let clock = Arc::new(VirtualClock::new(0));
        let mut session = Session::start(program, opts, clock, Breakpoints::default(), false);
        let mut board = Board::new(7);
        let mut batches = Vec::new();
        while let Some(n) = session.next_notice().await {
            let end = matches!(n, Notice::Finished(_));
            board.apply(n);
            batches.push(board.take());
            if end {
                break;
            }
        }
        (board, batches)
    })
}

#[test]
fn a_caught_error_shows_as_caught_and_the_path_as_taken_edges() {
    let def = json!({"StartAt": "Pay", "States": {
        "Pay": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true,
                "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Sorry"}]},
        "Sorry": {"Type": "Pass", "End": true}}});
    let mocks = json!({"StateMachines": {"m": {"TestCases": {"T": {"Pay": "Declined"}}}},
        "MockedResponses": {"Declined": {"0": {"Throw": {"Error": "Declined", "Cause": "no"}}}}});
    let (board, batches) = board_of(def, Some(mocks), json!({}));
    assert_eq!(board.status("Pay"), StateStatus::Caught);
    assert_eq!(board.status("Sorry"), StateStatus::Succeeded);
    assert_eq!(board.status("Nowhere"), StateStatus::Idle);
    let edges: Vec<TakenEdge> = batches.iter().flat_map(|b| b.edges.clone()).collect();
    assert_eq!(edges, vec![TakenEdge { from: "Pay".into(), to: "Sorry".into() }]);
    let end = batches.iter().find_map(|b| b.end.clone()).expect("an end");
    assert_eq!(end.status, "SUCCEEDED");
    assert!(batches.iter().all(|b| b.run == 7));
    assert_eq!(batches.last().map(|b| b.transitions), Some(2));
}

#[test]
fn an_uncaught_error_fails_the_state_and_retries_do_not_count_as_caught() {
    let def = json!({"StartAt": "Pay", "States": {
        "Pay": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true,
                "Retry": [{"ErrorEquals": ["Flaky"], "MaxAttempts": 1}]}}});
    let mocks = json!({"StateMachines": {"m": {"TestCases": {"T": {"Pay": "R"}}}},
        "MockedResponses": {"R": {"0": {"Throw": {"Error": "Flaky", "Cause": "x"}}, "1": {"Return": {"ok": true}}}}});
    let (board, _) = board_of(def.clone(), Some(mocks), json!({}));
    assert_eq!(board.status("Pay"), StateStatus::Succeeded, "retried then succeeded");
    let mocks = json!({"StateMachines": {"m": {"TestCases": {"T": {"Pay": "R"}}}},
        "MockedResponses": {"R": {"0-1": {"Throw": {"Error": "Flaky", "Cause": "x"}}}}});
    let (board, batches) = board_of(def, Some(mocks), json!({}));
    assert_eq!(board.status("Pay"), StateStatus::Failed);
    assert_eq!(
        batches.iter().find_map(|b| b.end.clone()).map(|e| e.error),
        Some(Some("Flaky".into()))
    );
}

#[test]
fn a_callback_task_waits_with_its_token() {
    let def = json!({"StartAt": "Ask", "States": {"Ask": {"Type": "Task",
        "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
        "Parameters": {"QueueUrl": "q", "MessageBody": {"token.$": "$$.Task.Token"}}, "End": true}}});
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    rt.block_on(async move {
        let program = Arc::new(compile(&def).expect("compiles"));
        let opts = RunOptions {
            input: json!({}),
            identity: identity(),
            mocks: None,
            ignore_quotas: true,
            record_history: false,
            trace: false,
            seed: 1,
            base_dir: ".".into(),
        };
        let mut session = Session::start(
            program,
            opts,
            Arc::new(VirtualClock::new(0)),
            Breakpoints::default(),
            false,
        );
        let mut board = Board::new(1);
        let token = loop {
            let n = tokio::time::timeout(std::time::Duration::from_secs(5), session.next_notice())
                .await
                .expect("notices")
                .expect("not ended");
            board.apply(n);
            if board.status("Ask") == StateStatus::Waiting {
                let b = board.take();
                assert_eq!(b.waiting.len(), 1);
                break b.waiting[0].token.clone();
            }
        };
        assert!(looks_like_uuid(&token), "{token}");
        session.send_task_success(&token, json!({"approved": true}));
        while let Some(n) = session.next_notice().await {
            board.apply(n);
        }
        assert_eq!(board.status("Ask"), StateStatus::Succeeded);
        assert!(board.take().waiting.is_empty());
    });
}

#[test]
fn a_big_map_comes_out_in_few_batches_with_capped_traces() {
    let def = json!({"StartAt": "Each", "States": {"Each": {"Type": "Map", "End": true,
        "ItemProcessor": {"StartAt": "Do", "States": {"Do": {"Type": "Pass", "End": true}}}}}});
    let items: Vec<u32> = (0..2000).collect();
    let (board, batches) = board_of(def, None, json!(items));
    assert_eq!(board.status("Each"), StateStatus::Succeeded);
    assert_eq!(board.status("Do"), StateStatus::Succeeded);
    let traces = batches.iter().flat_map(|b| &b.traces).filter(|t| t.state == "Do").count();
    assert_eq!(traces, TRACES_PER_STATE);
    assert_eq!(batches.last().map(|b| b.transitions), Some(2001));
}

#[test]
fn a_caught_parallel_shows_as_caught_and_its_failed_branch_state_as_failed() {
    let def = json!({"StartAt": "P", "States": {
        "P": {"Type": "Parallel", "Branches": [
            {"StartAt": "Ok", "States": {"Ok": {"Type": "Pass", "End": true}}},
            {"StartAt": "Inner", "States": {"Inner": {"Type": "Parallel", "Branches": [
                {"StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "Boom"}}}
            ], "End": true}}}
        ], "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Done"}], "End": true},
        "Done": {"Type": "Succeed"}
    }});
    let (board, _) = board_of(def, None, json!({}));
    assert_eq!(board.status("P"), StateStatus::Caught);
    assert_eq!(board.status("F"), StateStatus::Failed);
    assert_eq!(board.status("Ok"), StateStatus::Succeeded);
    assert_eq!(board.status("Done"), StateStatus::Succeeded);
}

#[test]
fn a_map_that_tolerates_a_failed_iteration_succeeds() {
    let def = json!({"StartAt": "M", "States": {
        "M": {"Type": "Map", "ToleratedFailureCount": 1, "ItemProcessor": {
            "ProcessorConfig": {"Mode": "INLINE"},
            "StartAt": "C", "States": {
                "C": {"Type": "Choice", "Choices": [
                    {"Variable": "$", "NumericEquals": 2, "Next": "F"}
                ], "Default": "S"},
                "F": {"Type": "Fail", "Error": "Two"},
                "S": {"Type": "Succeed"}
            }}, "End": true}
    }});
    let (board, _) = board_of(def, None, json!([1, 2, 3]));
    assert_eq!(board.status("M"), StateStatus::Succeeded);
    assert_eq!(board.status("F"), StateStatus::Failed);
}
