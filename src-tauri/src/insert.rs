//! Adding a state from the palette by inserting its text into the root `States` object, leaving
//! every other byte as it was. A stopgap until the core's lossless edits (`asl::edit`) land.

use serde_json::Value;
use statewright::asl::Document;

use crate::ipc::{CommandError, ErrorCode};

/// `text` with a new state of type `kind` added first in the root `States`, named
/// `New <kind>` (numbered if that name is taken). The definition must parse.
pub fn add_state(text: &str, kind: &str) -> Result<String, CommandError> {
    let body = body_of(kind).ok_or_else(|| failure(format!("“{kind}” is not a state type.")))?;
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
    let span = doc
        .span("/States")
        .ok_or_else(|| failure("Cannot find \"States\" in the text.".to_owned()))?;
    let open = span.start.offset; // the `{`
    // Siblings sit one level deeper than the line that opens `States`.
    let entry = indent_of(text, open) + "  ";
    let key = serde_json::to_string(&name).unwrap_or_default();
    let separator = if states.is_empty() { "" } else { "," };
    let body = body.replace('\n', &format!("\n{entry}"));
    let inserted = format!("\n{entry}{key}: {body}{separator}");
    let mut out = String::with_capacity(text.len() + inserted.len());
    out.push_str(&text[..=open]);
    out.push_str(&inserted);
    out.push_str(&text[open + 1..]);
    Ok(out)
}

/// The leading whitespace of the line holding `offset`.
fn indent_of(text: &str, offset: usize) -> String {
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    text[line_start..].chars().take_while(|c| *c == ' ' || *c == '\t').collect()
}

fn body_of(kind: &str) -> Option<&'static str> {
    Some(match kind {
        "Task" => {
            "{\n  \"Type\": \"Task\",\n  \"Resource\": \"arn:aws:states:::lambda:invoke\",\n  \"Arguments\": {\n    \"FunctionName\": \"my-function\"\n  },\n  \"End\": true\n}"
        }
        "Choice" => "{\n  \"Type\": \"Choice\",\n  \"Choices\": [],\n  \"Default\": \"\"\n}",
        "Pass" => "{\n  \"Type\": \"Pass\",\n  \"End\": true\n}",
        "Wait" => "{\n  \"Type\": \"Wait\",\n  \"Seconds\": 10,\n  \"End\": true\n}",
        "Parallel" => {
            "{\n  \"Type\": \"Parallel\",\n  \"Branches\": [\n    {\n      \"StartAt\": \"First step\",\n      \"States\": {\n        \"First step\": {\n          \"Type\": \"Pass\",\n          \"End\": true\n        }\n      }\n    }\n  ],\n  \"End\": true\n}"
        }
        "Map" => {
            "{\n  \"Type\": \"Map\",\n  \"ItemProcessor\": {\n    \"StartAt\": \"Each item\",\n    \"States\": {\n      \"Each item\": {\n        \"Type\": \"Pass\",\n        \"End\": true\n      }\n    }\n  },\n  \"End\": true\n}"
        }
        "Succeed" => "{\n  \"Type\": \"Succeed\"\n}",
        "Fail" => {
            "{\n  \"Type\": \"Fail\",\n  \"Error\": \"Failed\",\n  \"Cause\": \"Describe what went wrong\"\n}"
        }
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
        assert_eq!(value["States"]["A"]["Type"], "Succeed");
        assert!(
            out.contains("    \"New Wait\": {\n      \"Type\": \"Wait\""),
            "indented like its siblings:\n{out}"
        );
        assert!(out.ends_with("    \"A\": { \"Type\": \"Succeed\" }\n  }\n}\n"));
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
