//! Adding a state from the palette: a default state of the chosen type, appended to the root
//! `States` with the core's lossless edit (every other byte stays as written).

use serde_json::{Value, json};
use statewright::asl::Document;
use statewright::asl::edit::{self, Edit};

use crate::ipc::{CommandError, ErrorCode};

/// `text` with a new state of type `kind` added at the end of the root `States`, named
/// `New <kind>` (numbered if that name is taken). The definition must parse.
pub fn add_state(text: &str, kind: &str) -> Result<String, CommandError> {
    let state_json =
        default_state(kind).ok_or_else(|| failure(format!("“{kind}” is not a state type.")))?;
    let doc = Document::parse(text).map_err(|e| {
        failure(format!(
            "The ASL JSON has a mistake at line {}, column {}; fix it before adding states.",
            e.position.line, e.position.column
        ))
    })?;
    let states = doc.value().get("States").and_then(Value::as_object).ok_or_else(|| {
        failure("The definition has no \"States\" object to add the state to.".to_owned())
    })?;
    let name = (1..)
        .map(|i| if i == 1 { format!("New {kind}") } else { format!("New {kind} {i}") })
        .find(|n| !states.contains_key(n))
        .unwrap_or_default();
    let add =
        Edit::AddState { container_pointer: "/States".to_owned(), name, state_json, after: None };
    edit::apply(&doc, &add)
        .map(|d| d.text().to_owned())
        .map_err(|e| failure(format!("The state could not be added: {e}.")))
}

/// The smallest useful state of each type, ready to be filled in.
fn default_state(kind: &str) -> Option<Value> {
    Some(match kind {
        "Task" => json!({
            "Type": "Task",
            "Resource": "arn:aws:states:::lambda:invoke",
            "Parameters": { "FunctionName": "my-function", "Payload.$": "$" },
            "End": true
        }),
        "Choice" => json!({
            "Type": "Choice",
            "Choices": [{ "Variable": "$.value", "IsPresent": true, "Next": "" }],
            "Default": ""
        }),
        "Pass" => json!({ "Type": "Pass", "End": true }),
        "Wait" => json!({ "Type": "Wait", "Seconds": 10, "End": true }),
        "Parallel" => json!({
            "Type": "Parallel",
            "Branches": [{
                "StartAt": "First step",
                "States": { "First step": { "Type": "Pass", "End": true } }
            }],
            "End": true
        }),
        "Map" => json!({
            "Type": "Map",
            "ItemProcessor": {
                "StartAt": "Each item",
                "States": { "Each item": { "Type": "Pass", "End": true } }
            },
            "End": true
        }),
        "Succeed" => json!({ "Type": "Succeed" }),
        "Fail" => json!({ "Type": "Fail", "Error": "Failed", "Cause": "Describe what went wrong" }),
        _ => return None,
    })
}

fn failure(message: String) -> CommandError {
    CommandError { code: ErrorCode::CannotEdit, message, path: None }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str =
        "{\n  \"StartAt\": \"A\",\n  \"States\": {\n    \"A\": { \"Type\": \"Succeed\" }\n  }\n}\n";

    #[test]
    fn adds_a_named_state_and_keeps_the_rest_byte_for_byte() {
        let out = add_state(TEXT, "Wait").expect("adds");
        let value: Value = serde_json::from_str(&out).expect("still JSON");
        assert_eq!(value["States"]["New Wait"]["Type"], "Wait");
        let start = out.find("\"New Wait\"").expect("inserted");
        assert!(out.starts_with(
            "{\n  \"StartAt\": \"A\",\n  \"States\": {\n    \"A\": { \"Type\": \"Succeed\" }"
        ));
        assert!(
            out[start - 4..].starts_with("    \"New Wait\": {\n      \"Type\": \"Wait\""),
            "{out}"
        );
        assert!(out.ends_with("\n  }\n}\n"));
        let again = add_state(&out, "Wait").expect("adds again");
        let value: Value = serde_json::from_str(&again).expect("still JSON");
        assert_eq!(value["States"]["New Wait 2"]["Type"], "Wait");
    }

    #[test]
    fn every_palette_type_gives_json_and_bad_input_is_refused() {
        for kind in ["Task", "Choice", "Pass", "Wait", "Parallel", "Map", "Succeed", "Fail"] {
            let out = add_state("{\"StartAt\":\"x\",\"States\":{}}", kind).expect(kind);
            let value: Value = serde_json::from_str(&out).expect(kind);
            assert_eq!(value["States"][format!("New {kind}")]["Type"], kind);
        }
        assert_eq!(add_state("{", "Pass").expect_err("broken").code, ErrorCode::CannotEdit);
        assert_eq!(add_state("{}", "Pass").expect_err("no States").code, ErrorCode::CannotEdit);
        assert_eq!(add_state(TEXT, "Nope").expect_err("bad type").code, ErrorCode::CannotEdit);
    }
}
