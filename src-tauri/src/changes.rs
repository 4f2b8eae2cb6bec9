//! The inspector's changes to one state, turned into the core's lossless edits.

use std::collections::BTreeMap;

use serde_json::Value;
use statewright::asl::Document;
use statewright::asl::edit::{self, Edit};

use crate::ipc::{ChangedText, CommandError, ErrorCode, FieldEdit, Pin, StateChange};

/// `text` with `change` applied, the pins carried through it (only when that changed them: a
/// rename moves them to the new pointer, a removal drops them) and the analysis of the result
/// with those pins.
pub fn change(
    text: &str,
    change: &StateChange,
    pins: &BTreeMap<String, Pin>,
    analyse: bool,
) -> Result<ChangedText, CommandError> {
    let (text, edit) = edited(text, change)?;
    let carried = edit.and_then(|e| crate::sidecar::carry(pins, &e));
    let analysis =
        analyse.then(|| crate::analysis::analyze(&text, carried.as_ref().unwrap_or(pins)));
    Ok(ChangedText { text, analysis, pins: carried })
}

/// `text` with `change` applied (every byte the change does not need stays as written) and the
/// edit that made it (none when there was nothing to do).
fn edited(text: &str, change: &StateChange) -> Result<(String, Option<Edit>), CommandError> {
    let doc = Document::parse(text).map_err(|e| {
        failure(format!(
            "The ASL JSON has a mistake at line {}, column {}; fix it first.",
            e.position.line, e.position.column
        ))
    })?;
    let has = |pointer: &str| doc.value().pointer(pointer).is_some();
    let edit = match change {
        StateChange::Rename { pointer, name } => {
            let name = name.trim();
            if name.is_empty() {
                return Err(failure("A state needs a name.".to_owned()));
            }
            if name.chars().count() > 80 {
                return Err(failure("State names can be at most 80 characters long.".to_owned()));
            }
            Edit::RenameState { pointer: pointer.clone(), new_name: name.to_owned() }
        }
        StateChange::SetComment { pointer, comment } => {
            let field = format!("{pointer}/Comment");
            match (comment.is_empty(), has(&field)) {
                (true, false) => return Ok((text.to_owned(), None)),
                (true, true) => Edit::RemoveField { pointer: field },
                (false, _) => {
                    Edit::SetField { pointer: field, value: Value::String(comment.clone()) }
                }
            }
        }
        StateChange::GoTo { pointer, target } => {
            let (set, drop) = match target {
                Some(t) => (
                    Edit::SetField {
                        pointer: format!("{pointer}/Next"),
                        value: Value::String(t.clone()),
                    },
                    "End",
                ),
                None => (
                    Edit::SetField { pointer: format!("{pointer}/End"), value: Value::Bool(true) },
                    "Next",
                ),
            };
            let drop = format!("{pointer}/{drop}");
            let mut edits = vec![set];
            if has(&drop) {
                edits.push(Edit::RemoveField { pointer: drop });
            }
            Edit::Batch { edits }
        }
        StateChange::Remove { pointer } => Edit::RemoveState { pointer: pointer.clone() },
        StateChange::Fields { edits } => Edit::Batch {
            edits: edits
                .iter()
                .map(|e| match e {
                    FieldEdit::Set { pointer, value } => {
                        Edit::PutField { pointer: pointer.clone(), value: value.clone() }
                    }
                    FieldEdit::Remove { pointer } => Edit::ClearField { pointer: pointer.clone() },
                })
                .collect(),
        },
    };
    match edit::apply(&doc, &edit) {
        Ok(d) => Ok((d.text().to_owned(), Some(edit))),
        Err(e) => Err(failure(format!("The change could not be made: {e}."))),
    }
}

fn failure(message: String) -> CommandError {
    CommandError { code: ErrorCode::CannotEdit, message, path: None }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apply(text: &str, change: &StateChange) -> Result<String, CommandError> {
        edited(text, change).map(|(text, _)| text)
    }

    const TEXT: &str = "{\n  \"StartAt\": \"A\",\n  \"States\": {\n    \"A\": {\n      \"Type\": \"Pass\",\n      \"Next\": \"B\"\n    },\n    \"B\": {\n      \"Type\": \"Succeed\"\n    }\n  }\n}\n";

    fn value(text: &str) -> Value {
        serde_json::from_str(text).expect("JSON")
    }

    #[test]
    fn rename_follows_references() {
        let change = StateChange::Rename { pointer: "/States/B".into(), name: " Done ".into() };
        let out = value(&apply(TEXT, &change).expect("renames"));
        assert_eq!(out["States"]["A"]["Next"], "Done");
        assert_eq!(out["States"]["Done"]["Type"], "Succeed");
        let empty = StateChange::Rename { pointer: "/States/B".into(), name: "  ".into() };
        assert_eq!(apply(TEXT, &empty).expect_err("empty").code, ErrorCode::CannotEdit);
    }

    #[test]
    fn comment_is_set_and_cleared() {
        let set = StateChange::SetComment { pointer: "/States/A".into(), comment: "Say hi".into() };
        let with = apply(TEXT, &set).expect("sets");
        assert_eq!(value(&with)["States"]["A"]["Comment"], "Say hi");
        let clear = StateChange::SetComment { pointer: "/States/A".into(), comment: String::new() };
        assert_eq!(apply(&with, &clear).expect("clears"), TEXT);
        assert_eq!(apply(TEXT, &clear).expect("nothing to clear"), TEXT);
    }

    #[test]
    fn go_to_switches_between_next_and_end() {
        let end = StateChange::GoTo { pointer: "/States/A".into(), target: None };
        let ended = apply(TEXT, &end).expect("ends");
        let v = value(&ended);
        assert_eq!(v["States"]["A"]["End"], true);
        assert!(v["States"]["A"].get("Next").is_none());
        let back = StateChange::GoTo { pointer: "/States/A".into(), target: Some("B".into()) };
        let v = value(&apply(&ended, &back).expect("goes on"));
        assert_eq!(v["States"]["A"]["Next"], "B");
        assert!(v["States"]["A"].get("End").is_none());
    }

    #[test]
    fn fields_set_and_remove_anywhere_keeping_the_rest() {
        let change = StateChange::Fields {
            edits: vec![
                FieldEdit::Set {
                    pointer: "/States/A/Parameters/Wait".into(),
                    value: serde_json::json!(5),
                },
                FieldEdit::Remove { pointer: "/States/A/Next".into() },
                FieldEdit::Set { pointer: "/States/A/End".into(), value: Value::Bool(true) },
                FieldEdit::Remove { pointer: "/States/B/Comment".into() },
            ],
        };
        let out = apply(TEXT, &change).expect("applies");
        let v = value(&out);
        assert_eq!(v["States"]["A"]["Parameters"]["Wait"], 5);
        assert!(v["States"]["A"].get("Next").is_none());
        assert!(out.ends_with("    \"B\": {\n      \"Type\": \"Succeed\"\n    }\n  }\n}\n"));
        let bad = StateChange::Fields {
            edits: vec![
                FieldEdit::Set { pointer: "/States/A/Comment".into(), value: Value::Null },
                FieldEdit::Set { pointer: "/StartAt/x".into(), value: Value::Null },
            ],
        };
        assert_eq!(apply(TEXT, &bad).expect_err("not a container").code, ErrorCode::CannotEdit);
    }

    #[test]
    fn a_rename_carries_the_pins_a_removal_drops_them_other_changes_keep_them() {
        let pins = BTreeMap::from([
            ("/States/A".to_owned(), Pin { x: 300.0, y: 40.0 }),
            ("/States/B".to_owned(), Pin { x: 30.0, y: 400.0 }),
        ]);
        let rename = StateChange::Rename { pointer: "/States/B".into(), name: "Done".into() };
        let changed = change(TEXT, &rename, &pins, true).expect("renames");
        let carried = changed.pins.expect("pins moved");
        assert_eq!(carried.get("/States/Done"), Some(&Pin { x: 30.0, y: 400.0 }));
        assert_eq!(carried.get("/States/B"), None);
        assert_eq!(carried.get("/States/A"), pins.get("/States/A"));
        // The analysis is made with the carried pins: the renamed state stays where it was.
        let Some(crate::ipc::Analysis::Parsed { diagram, .. }) = changed.analysis else {
            panic!("parsed")
        };
        let done = diagram.nodes.iter().find(|n| n.id == "/States/Done").expect("node");
        assert_eq!((done.x, done.y), (30.0, 400.0));
        let remove = StateChange::Remove { pointer: "/States/A".into() };
        let carried = change(TEXT, &remove, &pins, true).expect("removes").pins.expect("dropped");
        assert_eq!(carried.keys().collect::<Vec<_>>(), ["/States/B"]);
        let comment = StateChange::SetComment { pointer: "/States/A".into(), comment: "Hi".into() };
        let commented = change(TEXT, &comment, &pins, false).expect("comments");
        assert_eq!(commented.pins, None);
        // Not asked for: no analysis (the window asks for it as for typing).
        assert_eq!(commented.analysis, None);
        assert_eq!(value(&commented.text)["States"]["A"]["Comment"], "Hi");
    }

    #[test]
    fn remove_deletes_only_that_state() {
        let out = value(
            &apply(TEXT, &StateChange::Remove { pointer: "/States/B".into() }).expect("removes"),
        );
        assert!(out["States"].get("B").is_none());
        assert_eq!(out["States"]["A"]["Next"], "B");
        assert_eq!(
            apply("{", &StateChange::Remove { pointer: "/States/B".into() })
                .expect_err("broken")
                .code,
            ErrorCode::CannotEdit
        );
    }
}
