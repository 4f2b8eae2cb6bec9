//! Edits checked against a reference: random SetField/RemoveField/PutField/ClearField sequences
//! on real definitions
//! written in several styles give exactly the value a plain JSON update gives, and replacing a
//! value leaves every byte before and after it alone.

use proptest::prelude::*;
use serde_json::{Value, json};
use statewright::asl::{Document, Edit, apply, pointer};

const SEED: &str = include_str!("../examples/order-processing.asl.json");

/// The same definition written minified, with tabs and CRLF, and as the file is.
fn styles() -> Vec<String> {
    let value: Value = serde_json::from_str(SEED).unwrap();
    let minified = serde_json::to_string(&value).unwrap();
    let tabs = SEED.replace("  ", "\t").replace('\n', "\r\n");
    vec![SEED.to_string(), minified, tabs]
}

fn pointers(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::Object(m) => m.iter().for_each(|(k, v)| pointers(v, pointer::join(&at, k), out)),
        Value::Array(a) => {
            a.iter().enumerate().for_each(|(i, v)| pointers(v, format!("{at}/{i}"), out))
        }
        _ => {}
    }
    if !at.is_empty() {
        out.push(at);
    }
}

fn new_value(kind: u8) -> Value {
    match kind {
        0 => json!("Ünïcode \"quoted\" \\ \u{1F600}"),
        1 => json!(12.75),
        2 => json!(null),
        3 => json!([]),
        4 => json!({"Type": "Pass", "Result": {"a": [1, 2]}, "End": true}),
        _ => json!(false),
    }
}

/// The reference: the same change made on the parsed value.
fn reference(value: &mut Value, edit: &Edit) {
    match edit {
        Edit::SetField { pointer: at, value: new } => {
            if let Some(slot) = value.pointer_mut(at) {
                *slot = new.clone();
                return;
            }
            let (parent, last) = at.rsplit_once('/').unwrap();
            match value.pointer_mut(parent) {
                Some(Value::Object(m)) => {
                    m.insert(pointer::unescape(last).into_owned(), new.clone());
                }
                Some(Value::Array(a)) => a.push(new.clone()),
                _ => unreachable!("the test only adds to existing containers"),
            }
        }
        Edit::PutField { pointer: at, value: new } => {
            let tokens: Vec<String> = pointer::tokens(at).map(|t| t.into_owned()).collect();
            let mut node = &mut *value;
            for (i, token) in tokens.iter().enumerate() {
                let last = i + 1 == tokens.len();
                node = match node {
                    Value::Object(m) if last => {
                        m.insert(token.clone(), new.clone());
                        return;
                    }
                    Value::Object(m) => m.entry(token.clone()).or_insert_with(|| json!({})),
                    Value::Array(a) => {
                        let index: usize = token.parse().unwrap();
                        if last {
                            a[index] = new.clone();
                            return;
                        }
                        &mut a[index]
                    }
                    _ => unreachable!("the test only puts into containers"),
                };
            }
            *node = new.clone();
        }
        Edit::ClearField { pointer: at } => {
            if value.pointer(at).is_some() {
                reference(value, &Edit::RemoveField { pointer: at.clone() });
            }
        }
        Edit::RemoveField { pointer: at } => {
            let (parent, last) = at.rsplit_once('/').unwrap();
            match value.pointer_mut(parent) {
                Some(Value::Object(m)) => {
                    m.shift_remove(pointer::unescape(last).as_ref());
                }
                Some(Value::Array(a)) => {
                    a.remove(last.parse::<usize>().unwrap());
                }
                _ => unreachable!(),
            }
        }
        _ => unreachable!(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn edits_match_the_reference(
        style in 0usize..3,
        steps in prop::collection::vec((0u8..5, any::<prop::sample::Index>(), 0u8..6), 1..8),
    ) {
        let mut doc = Document::parse(styles()[style].as_str()).unwrap();
        let mut expected = doc.value().clone();
        for (op, pick, kind) in steps {
            let mut all = Vec::new();
            pointers(doc.value(), String::new(), &mut all);
            if all.is_empty() {
                break;
            }
            let at = all[pick.index(all.len())].clone();
            let edit = match op {
                0 => Edit::SetField { pointer: at.clone(), value: new_value(kind) },
                1 => Edit::RemoveField { pointer: at.clone() },
                // Into an object, through members that do not exist yet.
                3 => match doc.value().pointer(&at) {
                    Some(Value::Object(_)) => Edit::PutField { pointer: format!("{at}/new/deeper"), value: new_value(kind) },
                    _ => Edit::PutField { pointer: at.clone(), value: new_value(kind) },
                },
                // A member that may or may not be there.
                4 => Edit::ClearField { pointer: if kind % 2 == 0 { at.clone() } else { format!("{at}/absent") } },
                _ => match doc.value().pointer(&at) {
                    Some(Value::Object(_)) => Edit::SetField { pointer: format!("{at}/new~1key"), value: new_value(kind) },
                    Some(Value::Array(_)) => Edit::SetField { pointer: format!("{at}/-"), value: new_value(kind) },
                    _ => Edit::SetField { pointer: at.clone(), value: new_value(kind) },
                },
            };
            let before = doc.text().to_string();
            let span = doc.span(&at).map(|s| (s.start.offset, s.end.offset));
            doc = apply(&doc, &edit).unwrap_or_else(|e| panic!("{edit:?}: {e}"));
            reference(&mut expected, &edit);
            // Compared as text: serde_json's `==` ignores member order, which edits must keep.
            prop_assert_eq!(
                serde_json::to_string(doc.value()).unwrap(),
                serde_json::to_string(&expected).unwrap(),
                "{:?}", edit
            );
            // Replacing a scalar touches only its own bytes.
            if let (Edit::SetField { .. }, Some((start, end)), 0) = (&edit, span, op)
                && start < end
                && !before[start..end].starts_with(['{', '['])
            {
                prop_assert!(doc.text().starts_with(&before[..start]));
                prop_assert!(doc.text().ends_with(&before[end..]));
            }
        }
    }
}
