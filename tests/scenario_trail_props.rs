//! The trail and coverage never panic, whatever the history: events may link forwards, to
//! unknown ids or to themselves, name states that do not exist or sit in another scope, and carry
//! any details. Whatever they say, every reached item is one the definition has.

use std::sync::Arc;

use proptest::prelude::*;
use serde_json::{Value, json};
use statewright::engine::HistoryEvent;
use statewright::scenario::{Coverage, Trail};

const KINDS: &[&str] = &[
    "ExecutionStarted",
    "TaskStateEntered",
    "TaskStateExited",
    "TaskScheduled",
    "TaskFailed",
    "TaskSucceeded",
    "ChoiceStateEntered",
    "ChoiceStateExited",
    "ParallelStateEntered",
    "ParallelStateStarted",
    "ParallelStateFailed",
    "ParallelStateExited",
    "MapStateEntered",
    "MapStateStarted",
    "MapIterationStarted",
    "MapIterationFailed",
    "MapStateFailed",
    "MapStateExited",
    "FailStateEntered",
    "ExecutionFailed",
];

const NAMES: &[&str] = &["Work", "Route", "Fan", "Inner", "Each", "Missing", ""];

fn definition() -> Value {
    json!({"StartAt": "Work", "States": {
        "Work": {"Type": "Task", "Resource": "x", "Retry": [{"ErrorEquals": ["States.ALL"]}],
                 "Catch": [{"ErrorEquals": ["E"], "Next": "Route"}], "Next": "Route"},
        "Route": {"Type": "Choice", "Choices": [{"Variable": "$.a", "IsPresent": true, "Next": "Fan"},
                  {"Variable": "$$.x", "IsPresent": true, "Next": "Fan"}], "Default": "Fan"},
        "Fan": {"Type": "Parallel", "Branches": [{"StartAt": "Inner", "States": {
            "Inner": {"Type": "Map", "ItemProcessor": {"StartAt": "Each", "States": {
                "Each": {"Type": "Fail", "Error": "E"}}}, "End": true}}}],
            "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Work"}], "End": true}
    }})
}

fn event() -> impl Strategy<Value = (usize, usize, u64, bool, u8)> {
    (0..KINDS.len(), 0..NAMES.len(), 0u64..40, any::<bool>(), 0u8..4)
}

proptest! {
    #[test]
    fn any_history_is_placed_without_panicking(events in prop::collection::vec(event(), 0..40)) {
        let def = definition();
        let history: Vec<HistoryEvent> = events
            .iter()
            .enumerate()
            .map(|(i, &(k, n, prev, named, details))| HistoryEvent {
                id: i as u64 + 1,
                previous_event_id: prev,
                timestamp: 0,
                kind: KINDS[k],
                name: named.then(|| Arc::from(NAMES[n])),
                index: None,
                details: match details {
                    0 => Value::Null,
                    1 => json!({"error": "E", "cause": "c"}),
                    2 => json!({"input": "{\"a\": 1}"}),
                    _ => json!({"input": "not json", "error": 5}),
                },
            })
            .collect();
        let trail = Trail::build(&def, &history);
        prop_assert_eq!(trail.visit_of.len(), history.len());
        let mut coverage = Coverage::of(&def);
        coverage.record(&def, &history, &trail);
        for item in &coverage.items {
            prop_assert!(def.pointer(&item.pointer).is_some(), "{}", item.pointer);
        }
        let _ = trail.top_level_path();
    }
}
