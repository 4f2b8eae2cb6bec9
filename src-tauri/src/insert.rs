//! Adding a state from the palette by a click: the core's palette state of the chosen item
//! (`statewright::asl::palette`), appended to the root `States` with the core's lossless edit
//! (every other byte stays as written). Drops on the canvas go through `crate::canvas`.

use serde_json::Value;
use statewright::asl::Document;
use statewright::asl::design;
use statewright::asl::edit::{self, Edit};
use statewright::asl::palette;

use crate::ipc::{CommandError, ErrorCode};

/// `text` with a new state of palette item `kind` (a state type or a common task) added at the
/// end of the root `States`, named like `New Wait` (numbered if that name is taken), in the
/// workflow's query language. The definition must parse.
pub fn add_state(text: &str, kind: &str) -> Result<String, CommandError> {
    let doc = Document::parse(text).map_err(|e| {
        failure(format!(
            "The ASL JSON has a mistake at line {}, column {}; fix it before adding states.",
            e.position.line, e.position.column
        ))
    })?;
    let (Some(state_json), Some(base)) =
        (palette::state(kind, palette::is_jsonata(doc.value())), palette::base_name(kind))
    else {
        return Err(failure(format!("“{kind}” is not a state type.")));
    };
    let states = doc.value().get("States").and_then(Value::as_object).ok_or_else(|| {
        failure("The definition has no \"States\" object to add the state to.".to_owned())
    })?;
    let name = design::unique_name(base, |n| states.contains_key(n));
    let add =
        Edit::AddState { container_pointer: "/States".to_owned(), name, state_json, after: None };
    edit::apply(&doc, &add)
        .map(|d| d.text().to_owned())
        .map_err(|e| failure(format!("The state could not be added: {e}.")))
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
