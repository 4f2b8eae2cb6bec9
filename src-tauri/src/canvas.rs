//! The canvas's gestures (drop, connect, delete, duplicate, paste) turned into the core's
//! lossless edits (`statewright::asl::design`), with refusals as `CANNOT_EDIT` in plain words.

use std::collections::BTreeMap;

use statewright::asl::Document;
use statewright::asl::design::{self, Created, DesignError, Link, Place};
use statewright::asl::edit;
use statewright::asl::palette;

use crate::ipc::{CanvasChange, CanvasResult, CommandError, DropPlace, ErrorCode, LinkKind, Pin};

/// `text` with `change` made; every byte the change does not need stays as written. The pins
/// of deleted states are dropped.
pub fn apply(
    text: &str,
    change: &CanvasChange,
    pins: &BTreeMap<String, Pin>,
) -> Result<CanvasResult, CommandError> {
    let doc = Document::parse(text).map_err(|e| {
        failure(format!(
            "The ASL JSON has a mistake at line {}, column {}; fix it first.",
            e.position.line, e.position.column
        ))
    })?;
    let value = doc.value();
    let created = match change {
        CanvasChange::Drop { item, place } => {
            let (Some(state), Some(base)) =
                (palette::state(item, palette::is_jsonata(value)), palette::base_name(item))
            else {
                return Err(failure(format!("“{item}” is not something the palette offers.")));
            };
            let place = match place {
                DropPlace::Container { states } => Place::Container { states: states.clone() },
                DropPlace::Transition { transition } => {
                    Place::Transition { transition: transition.clone() }
                }
            };
            design::add_state(value, &place, base, state)
        }
        CanvasChange::Connect { from, to, link } => {
            let link = match link {
                LinkKind::Next => Link::Next,
                LinkKind::Rule => Link::Rule,
                LinkKind::Default => Link::Default,
                LinkKind::Catch => Link::Catch,
            };
            design::connect(value, from, to, link).map(plain)
        }
        CanvasChange::Delete { states, transitions } => {
            design::delete(value, states, transitions).map(plain)
        }
        CanvasChange::Duplicate { states } => design::duplicate(value, states),
        CanvasChange::Paste { container, states, after } => {
            let states: Vec<_> = states.iter().map(|s| (s.name.clone(), s.state.clone())).collect();
            design::paste(value, container, &states, after.as_deref())
        }
    }
    .map_err(refused)?;
    let out = edit::apply(&doc, &created.edit)
        .map_err(|e| failure(format!("The change could not be made: {e}.")))?;
    let pins = crate::sidecar::carry(pins, &created.edit);
    Ok(CanvasResult { text: out.text().to_owned(), created: created.states, pins })
}

fn plain(edit: edit::Edit) -> Created {
    Created { edit, states: Vec::new() }
}

fn refused(e: DesignError) -> CommandError {
    let message = match e {
        DesignError::NotAllowed(why) => why,
        other => format!("The change could not be made: {other}."),
    };
    failure(message)
}

fn failure(message: String) -> CommandError {
    CommandError { code: ErrorCode::CannotEdit, message, path: None }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ipc::CopiedState;
    use serde_json::{Value, json};

    const TEXT: &str = "{\n  \"StartAt\": \"A\",\n  \"States\": {\n    \"A\": {\n      \"Type\": \"Pass\",\n      \"Next\": \"B\"\n    },\n    \"B\": {\n      \"Type\": \"Succeed\"\n    }\n  }\n}\n";

    fn run(text: &str, change: CanvasChange) -> (Value, Vec<String>) {
        let r = apply(text, &change, &BTreeMap::new()).expect("allowed");
        (serde_json::from_str(&r.text).expect("JSON"), r.created)
    }

    #[test]
    fn a_wait_dropped_on_a_transition_is_wired_in() {
        let place = DropPlace::Transition { transition: "/States/A/Next".into() };
        let (v, created) = run(TEXT, CanvasChange::Drop { item: "Wait".into(), place });
        assert_eq!(v["States"]["A"]["Next"], "New Wait");
        assert_eq!(v["States"]["New Wait"], json!({"Type": "Wait", "Seconds": 10, "Next": "B"}));
        assert_eq!(created, ["/States/New Wait"]);
    }

    #[test]
    fn a_task_dropped_in_a_jsonata_workflow_gets_arguments() {
        let text = TEXT.replacen("{\n", "{\n  \"QueryLanguage\": \"JSONata\",\n", 1);
        let place = DropPlace::Container { states: "/States".into() };
        let (v, _) = run(&text, CanvasChange::Drop { item: "sns".into(), place });
        assert_eq!(v["States"]["Publish to SNS"]["Arguments"]["Message"], "{% $states.input %}");
    }

    #[test]
    fn connect_delete_duplicate_and_paste() {
        let (v, _) = run(
            TEXT,
            CanvasChange::Connect {
                from: "/States/A".into(),
                to: "/States/A".into(),
                link: LinkKind::Next,
            },
        );
        assert_eq!(v["States"]["A"]["Next"], "A");
        let (v, _) = run(
            TEXT,
            CanvasChange::Delete { states: vec![], transitions: vec!["/States/A/Next".into()] },
        );
        assert_eq!(v["States"]["A"], json!({"Type": "Pass", "End": true}));
        let (_, created) = run(TEXT, CanvasChange::Duplicate { states: vec!["/States/A".into()] });
        assert_eq!(created, ["/States/A 2"]);
        let copied = CopiedState { name: "B".into(), state: json!({"Type": "Succeed"}) };
        let paste =
            CanvasChange::Paste { container: "/States".into(), states: vec![copied], after: None };
        assert_eq!(run(TEXT, paste).1, ["/States/B 2"]);
    }

    #[test]
    fn deleting_states_drops_their_pins() {
        let pins = BTreeMap::from([
            ("/States/A".to_owned(), Pin { x: 300.0, y: 40.0 }),
            ("/States/B".to_owned(), Pin { x: 30.0, y: 400.0 }),
        ]);
        let delete = CanvasChange::Delete { states: vec!["/States/B".into()], transitions: vec![] };
        let r = apply(TEXT, &delete, &pins).expect("deletes");
        assert_eq!(r.pins, Some(BTreeMap::from([("/States/A".to_owned(), pins["/States/A"])])));
        let duplicate = CanvasChange::Duplicate { states: vec!["/States/A".into()] };
        assert_eq!(apply(TEXT, &duplicate, &pins).expect("duplicates").pins, None);
    }

    #[test]
    fn refusals_have_the_cannot_edit_code_and_plain_words() {
        let bad = [
            CanvasChange::Drop {
                item: "Nope".into(),
                place: DropPlace::Container { states: "/States".into() },
            },
            CanvasChange::Connect {
                from: "/States/B".into(),
                to: "/States/A".into(),
                link: LinkKind::Next,
            },
            CanvasChange::Duplicate { states: vec!["/States/Z".into()] },
        ];
        for change in bad {
            let e = apply(TEXT, &change, &BTreeMap::new()).expect_err("refused");
            assert_eq!(e.code, ErrorCode::CannotEdit);
            assert!(e.message.ends_with('.'), "{}", e.message);
        }
        let e = apply("{", &CanvasChange::Duplicate { states: vec![] }, &BTreeMap::new())
            .expect_err("broken");
        assert!(e.message.contains("line 1"), "{}", e.message);
    }
}
