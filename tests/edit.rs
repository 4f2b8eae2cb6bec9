//! Lossless edits as data: (input text, edit, exact expected text).

use serde_json::json;
use statewright::asl::{Document, Edit, EditError, apply};

fn check(name: &str, input: &str, edit: Edit, expected: &str) {
    let doc = Document::parse(input).unwrap_or_else(|e| panic!("{name}: input: {e}"));
    let out = apply(&doc, &edit).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(out.text(), expected, "{name}");
}

fn set(pointer: &str, value: serde_json::Value) -> Edit {
    Edit::SetField { pointer: pointer.into(), value }
}

const MACHINE: &str = r#"{
  "Comment": "Ünïcode ✓ \u00e9",
  "StartAt": "Charge",
  "States": {
    "Charge": {
      "Type": "Task",
      "Resource": "arn:aws:states:::lambda:invoke",
      "Retry": [{"ErrorEquals": ["States.ALL"], "BackoffRate": 2.0, "MaxAttempts": 1e1}],
      "Catch": [
        {
          "ErrorEquals": ["States.ALL"],
          "Next": "Refund"
        }
      ],
      "Next": "Check"
    },
    "Check": {
      "Type": "Choice",
      "Choices": [
        {"Variable": "$.ok", "BooleanEquals": true, "Next": "Done"},
        {"Not": {"Variable": "$.ok", "IsPresent": true}, "Next": "Charge"}
      ],
      "Default": "Charge"
    },
    "Refund": {"Type": "Fail"},
    "Done": {
      "Type": "Succeed"
    }
  }
}
"#;

#[test]
fn set_field_changes_only_its_value() {
    check(
        "scalar in place",
        MACHINE,
        set("/States/Charge/Retry/0/MaxAttempts", json!(3)),
        &MACHINE.replace("\"MaxAttempts\": 1e1", "\"MaxAttempts\": 3"),
    );
    check(
        "new member appended AWS-style",
        MACHINE,
        set("/States/Done/Comment", json!({"why": ["a", 1]})),
        &MACHINE.replace(
            "\"Type\": \"Succeed\"\n",
            "\"Type\": \"Succeed\",\n      \"Comment\": {\n        \"why\": [\n          \"a\",\n          1\n        ]\n      }\n",
        ),
    );
    check(
        "new member in an inline object stays inline",
        MACHINE,
        set("/States/Refund/Error", json!("Refunded")),
        &MACHINE.replace(r#"{"Type": "Fail"}"#, r#"{"Type": "Fail", "Error": "Refunded"}"#),
    );
    check(
        "append to an array with -",
        MACHINE,
        set("/States/Charge/Retry/0/ErrorEquals/-", json!("Lambda.ServiceException")),
        &MACHINE.replace(
            r#"["States.ALL"], "BackoffRate""#,
            r#"["States.ALL", "Lambda.ServiceException"], "BackoffRate""#,
        ),
    );
}

#[test]
fn setting_an_object_keeps_unchanged_members_text() {
    let doc = Document::parse(MACHINE).unwrap();
    let mut state = doc.value()["States"]["Charge"].clone();
    state["Next"] = json!("Done");
    let out = apply(&doc, &set("/States/Charge", state)).unwrap();
    assert_eq!(
        out.text(),
        MACHINE.replace("\"Next\": \"Check\"", "\"Next\": \"Done\""),
        "2.0, 1e1 and the inline Retry keep their spelling"
    );
}

#[test]
fn no_op_edits_are_byte_identical() {
    for text in [MACHINE, "\u{feff}{\r\n\t\"a\": 2.0,\r\n\t\"b\": \"\\u00e9\"\r\n}", "{\"a\":1e3}"]
    {
        let doc = Document::parse(text).unwrap();
        for (key, value) in doc.value().as_object().unwrap() {
            let out = apply(&doc, &set(&format!("/{key}"), value.clone())).unwrap();
            assert_eq!(out.text(), text);
        }
        let out = apply(&doc, &set("", doc.value().clone())).unwrap();
        assert_eq!(out.text(), text);
    }
}

#[test]
fn numbers_equal_in_value_keep_their_spelling() {
    // The canvas is JavaScript: 2.0 and 1e1 come back as 2 and 10.
    let doc = Document::parse(MACHINE).unwrap();
    let mut js = doc.value().clone();
    js["States"]["Charge"]["Retry"][0]["BackoffRate"] = json!(2);
    js["States"]["Charge"]["Retry"][0]["MaxAttempts"] = json!(10);
    js["States"]["Charge"]["Comment"] = json!("retried");
    let out = apply(&doc, &set("", js)).unwrap();
    assert_eq!(
        out.text(),
        MACHINE.replace(
            "\"Next\": \"Check\"\n    },",
            "\"Next\": \"Check\",\n      \"Comment\": \"retried\"\n    },"
        )
    );
    let out = apply(&doc, &set("/States/Charge/Retry/0/BackoffRate", json!(2.5))).unwrap();
    assert!(out.text().contains("\"BackoffRate\": 2.5,"));
}

#[test]
fn odd_formatting_is_kept() {
    check(
        "tabs and CRLF",
        "{\r\n\t\"StartAt\": \"A\",\r\n\t\"States\": {\r\n\t\t\"A\": {\"Type\": \"Pass\", \"End\": true}\r\n\t}\r\n}\r\n",
        Edit::AddState {
            container_pointer: "/States".into(),
            name: "B".into(),
            state_json: json!({"Type": "Wait", "Seconds": 2.0, "Next": "A"}),
            after: None,
        },
        "{\r\n\t\"StartAt\": \"A\",\r\n\t\"States\": {\r\n\t\t\"A\": {\"Type\": \"Pass\", \"End\": true},\r\n\t\t\"B\": {\r\n\t\t\t\"Type\": \"Wait\",\r\n\t\t\t\"Seconds\": 2.0,\r\n\t\t\t\"Next\": \"A\"\r\n\t\t}\r\n\t}\r\n}\r\n",
    );
    check(
        "minified stays one line",
        r#"{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}"#,
        Edit::AddState {
            container_pointer: "/States".into(),
            name: "Z".into(),
            state_json: json!({"Type": "Succeed"}),
            after: None,
        },
        r#"{"StartAt":"A","States":{"A":{"Type":"Pass","End":true},"Z":{"Type":"Succeed"}}}"#,
    );
    check(
        "byte order mark kept",
        "\u{feff}{\"a\": 1}",
        set("/b", json!(1e3)),
        "\u{feff}{\"a\": 1, \"b\": 1000.0}",
    );
    check(
        "first member into an empty object",
        "{\n    \"StartAt\": \"A\",\n    \"States\": {}\n}",
        Edit::AddState {
            container_pointer: "/States".into(),
            name: "A".into(),
            state_json: json!({"Type": "Pass", "End": true}),
            after: None,
        },
        "{\n    \"StartAt\": \"A\",\n    \"States\": {\n        \"A\": {\n            \"Type\": \"Pass\",\n            \"End\": true\n        }\n    }\n}",
    );
}

#[test]
fn add_state_after_a_named_state() {
    check(
        "after the first of several",
        MACHINE,
        Edit::AddState {
            container_pointer: "/States".into(),
            name: "Log".into(),
            state_json: json!({"Type": "Pass", "Next": "Check"}),
            after: Some("Charge".into()),
        },
        &MACHINE.replace(
            "    \"Check\": {\n",
            "    \"Log\": {\n      \"Type\": \"Pass\",\n      \"Next\": \"Check\"\n    },\n    \"Check\": {\n",
        ),
    );
}

#[test]
fn remove_keeps_commas_right() {
    check("middle", MACHINE, Edit::RemoveState { pointer: "/States/Check".into() }, &{
        let start = MACHINE.find("    \"Check\": {").unwrap();
        let end = MACHINE.find("    \"Refund\"").unwrap();
        format!("{}{}", &MACHINE[..start], &MACHINE[end..])
    });
    check(
        "last",
        MACHINE,
        Edit::RemoveState { pointer: "/States/Done".into() },
        &MACHINE.replace(",\n    \"Done\": {\n      \"Type\": \"Succeed\"\n    }", ""),
    );
    check(
        "only",
        "{\"a\": {\"b\": [1]}}",
        Edit::RemoveField { pointer: "/a/b/0".into() },
        "{\"a\": {\"b\": []}}",
    );
    check("first", "[1, 2.0, 3]", Edit::RemoveField { pointer: "/0".into() }, "[2.0, 3]");
    check(
        "a duplicated key goes everywhere",
        "{\"a\": 1, \"b\": 2, \"a\": 3}",
        Edit::RemoveField { pointer: "/a".into() },
        "{\"b\": 2}",
    );
}

#[test]
fn rename_rewrites_references_in_scope_only() {
    let nested = r#"{"StartAt": "A", "States": {
  "A": {"Type": "Parallel", "Next": "B", "Branches": [
    {"StartAt": "B", "States": {"B": {"Type": "Pass", "End": true}}}
  ]},
  "B": {"Type": "Pass", "End": true}
}}"#;
    check(
        "nested branch keeps its own B",
        nested,
        Edit::RenameState { pointer: "/States/B".into(), new_name: "Bé \"2\"".into() },
        &nested
            .replace(r#""Next": "B""#, r#""Next": "Bé \"2\"""#)
            .replace("  \"B\": {\"Type\"", "  \"Bé \\\"2\\\"\": {\"Type\""),
    );
    let renamed = MACHINE
        .replace("\"StartAt\": \"Charge\"", "\"StartAt\": \"Pay\"")
        .replace("\"Charge\": {", "\"Pay\": {")
        .replace("\"Next\": \"Charge\"", "\"Next\": \"Pay\"")
        .replace("\"Default\": \"Charge\"", "\"Default\": \"Pay\"");
    check(
        "all reference kinds",
        MACHINE,
        Edit::RenameState { pointer: "/States/Charge".into(), new_name: "Pay".into() },
        &renamed,
    );
    let taken = Edit::RenameState { pointer: "/States/Charge".into(), new_name: "Done".into() };
    let doc = Document::parse(MACHINE).unwrap();
    assert!(matches!(apply(&doc, &taken), Err(EditError::NameTaken { .. })));
}

#[test]
fn move_state_keeps_its_text_reindented() {
    let input = "{\n  \"StartAt\": \"P\",\n  \"States\": {\n    \"P\": {\n      \"Type\": \"Parallel\",\n      \"Branches\": [\n        {\n          \"StartAt\": \"X\",\n          \"States\": {}\n        }\n      ],\n      \"End\": true\n    },\n    \"X\": {\"Type\": \"Pass\",\n      \"Result\": 2.50, \"End\": true}\n  }\n}";
    check(
        "into a branch",
        input,
        Edit::MoveState {
            from_container: "/States".into(),
            to_container: "/States/P/Branches/0/States".into(),
            name: "X".into(),
            after: None,
        },
        "{\n  \"StartAt\": \"P\",\n  \"States\": {\n    \"P\": {\n      \"Type\": \"Parallel\",\n      \"Branches\": [\n        {\n          \"StartAt\": \"X\",\n          \"States\": {\n            \"X\": {\"Type\": \"Pass\",\n              \"Result\": 2.50, \"End\": true}\n          }\n        }\n      ],\n      \"End\": true\n    }\n  }\n}",
    );
}

#[test]
fn move_state_within_its_scope_reorders() {
    check(
        "last to after the first",
        "{\"StartAt\": \"A\", \"States\": {\n  \"A\": {\"Type\": \"Pass\", \"Next\": \"C\"},\n  \"B\": {\"Type\": \"Fail\"},\n  \"C\": {\"Type\": \"Succeed\"}\n}}",
        Edit::MoveState {
            from_container: "/States".into(),
            to_container: "/States".into(),
            name: "C".into(),
            after: Some("A".into()),
        },
        "{\"StartAt\": \"A\", \"States\": {\n  \"A\": {\"Type\": \"Pass\", \"Next\": \"C\"},\n  \"C\": {\"Type\": \"Succeed\"},\n  \"B\": {\"Type\": \"Fail\"}\n}}",
    );
}

#[test]
fn failures_change_nothing_and_say_why() {
    let doc = Document::parse(MACHINE).unwrap();
    let cases = [
        (set("/States/Nope/Next", json!("A")), "nothing at /States/Nope"),
        (set("/Comment/x", json!(1)), "not an object or array"),
        (Edit::RemoveField { pointer: "".into() }, "not a JSON pointer"),
        (set("States/Charge/Next", json!("Done")), "not a JSON pointer"),
        (
            Edit::AddState {
                container_pointer: "/States/Charge".into(),
                name: "A".into(),
                state_json: json!({}),
                after: None,
            },
            "not a States object",
        ),
        (
            Edit::Batch {
                edits: vec![
                    set("/Comment", json!("x")),
                    Edit::RemoveField { pointer: "/Nope".into() },
                ],
            },
            "nothing at /Nope",
        ),
    ];
    for (edit, why) in cases {
        let err = apply(&doc, &edit).unwrap_err().to_string();
        assert!(err.contains(why), "{edit:?}: {err}");
    }
}

#[test]
fn edits_are_serialisable_data() {
    let edit: Edit = serde_json::from_value(json!({
        "op": "AddState", "container_pointer": "/States", "name": "N", "state_json": {"Type": "Pass"}
    }))
    .unwrap();
    assert!(matches!(edit, Edit::AddState { after: None, .. }));
}

fn put(pointer: &str, value: serde_json::Value) -> Edit {
    Edit::PutField { pointer: pointer.into(), value }
}

#[test]
fn put_field_creates_missing_parents_and_nothing_else() {
    check(
        "existing member: same as SetField",
        MACHINE,
        put("/States/Charge/Retry/0/MaxAttempts", json!(3)),
        &MACHINE.replace("\"MaxAttempts\": 1e1", "\"MaxAttempts\": 3"),
    );
    check(
        "two missing levels become one new member",
        MACHINE,
        put("/States/Done/Parameters/Payload/id.$", json!("$.id")),
        &MACHINE.replace(
            "\"Type\": \"Succeed\"\n",
            "\"Type\": \"Succeed\",\n      \"Parameters\": {\n        \"Payload\": {\n          \"id.$\": \"$.id\"\n        }\n      }\n",
        ),
    );
    check(
        "null is a value (ResultPath: null discards the result)",
        MACHINE,
        put("/States/Refund/ResultPath", json!(null)),
        &MACHINE.replace(
            "\"Refund\": {\"Type\": \"Fail\"}",
            "\"Refund\": {\"Type\": \"Fail\", \"ResultPath\": null}",
        ),
    );
    let doc = Document::parse(MACHINE).unwrap();
    let err = apply(&doc, &put("/StartAt/x/y", json!(1))).unwrap_err();
    assert_eq!(err, EditError::NotAContainer("/StartAt".into()));
    assert!(matches!(apply(&doc, &put("", json!(1))), Err(EditError::BadPointer(_))));
}

#[test]
fn clear_field_removes_when_present_and_is_a_no_op_otherwise() {
    check(
        "present",
        MACHINE,
        Edit::ClearField { pointer: "/States/Check/Default".into() },
        &MACHINE.replace("      ],\n      \"Default\": \"Charge\"\n", "      ]\n"),
    );
    check(
        "absent",
        MACHINE,
        Edit::ClearField { pointer: "/States/Check/TimeoutSeconds".into() },
        MACHINE,
    );
    check("absent parent", MACHINE, Edit::ClearField { pointer: "/States/X/Y".into() }, MACHINE);
    let doc = Document::parse(MACHINE).unwrap();
    assert!(matches!(
        apply(&doc, &Edit::ClearField { pointer: "".into() }),
        Err(EditError::BadPointer(_))
    ));
}
