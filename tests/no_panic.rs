//! Nothing panics on any input: mutated real definitions and random bytes go through
//! parse → model → validate → edit → fmt → save. Parse failures are located inside the text.

use std::sync::OnceLock;

use proptest::prelude::*;
use serde_json::{Value, json};
use statewright::asl::model::Machine;
use statewright::asl::{Document, Edit, apply, format, save};
use statewright::validate::{self, Options};

fn seeds() -> &'static [String] {
    static SEEDS: OnceLock<Vec<String>> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.to_string_lossy().ends_with(".asl.json"))
            .collect();
        files.sort();
        let mut seeds: Vec<String> =
            files.iter().map(|p| std::fs::read_to_string(p).unwrap()).collect();
        // A sample of the real-world corpus, when it is beside the crate (or the worktree).
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let shared = ["../shared", "../../shared"]
            .iter()
            .map(|p| root.join(p).join("conformance/validation"))
            .find(|p| p.is_dir());
        if let Some(shared) = shared {
            let mut dirs: Vec<_> = std::fs::read_dir(shared)
                .into_iter()
                .flatten()
                .flatten()
                .flat_map(|area| std::fs::read_dir(area.path()).into_iter().flatten().flatten())
                .map(|case| case.path().join("definition.asl.json"))
                .collect();
            dirs.sort();
            let step = (dirs.len() / 60).max(1);
            seeds.extend(dirs.iter().step_by(step).filter_map(|p| std::fs::read_to_string(p).ok()));
        }
        // Odd but valid spellings the mutations should also start from.
        seeds.push("\u{feff}{\r\n\t\"StartAt\": \"A\",\r\n\t\"States\": {\"A\": {\"Type\": \"Pass\", \"Result\": 2.0e0, \"End\": true}}\r\n}".into());
        seeds.push(r#"{"StartAt":"Ä","States":{"Ä":{"Type":"Wait","Seconds":1e3,"Next":"B"},"B":{"Type":"Succeed"}}}"#.into());
        seeds
    })
}

/// One way to damage a text.
#[derive(Debug, Clone)]
enum Mutation {
    Flip { at: usize, byte: u8 },
    Delete { at: usize, len: usize },
    Duplicate { at: usize, len: usize },
    Retype { node: usize, to: u8 },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let byte =
        prop::sample::select(b"{}[]\",:\\ \n\t0123456789.eE-+truefalsnl$%{ab\xc3\xa9".to_vec());
    prop_oneof![
        (any::<usize>(), byte).prop_map(|(at, byte)| Mutation::Flip { at, byte }),
        (any::<usize>(), 0usize..40).prop_map(|(at, len)| Mutation::Delete { at, len }),
        (any::<usize>(), 0usize..80).prop_map(|(at, len)| Mutation::Duplicate { at, len }),
        (any::<usize>(), 0u8..7).prop_map(|(node, to)| Mutation::Retype { node, to }),
    ]
}

fn pointers(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::Object(m) => {
            for (k, v) in m {
                pointers(v, statewright::asl::pointer::join(&at, k), out);
            }
        }
        Value::Array(a) => {
            for (i, v) in a.iter().enumerate() {
                pointers(v, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
    out.push(at);
}

fn all_pointers(value: &Value) -> Vec<String> {
    let mut out = Vec::new();
    pointers(value, String::new(), &mut out);
    out
}

fn other_type(to: u8) -> Value {
    match to {
        0 => Value::Null,
        1 => json!(true),
        2 => json!(-1.5e300),
        3 => json!("{% $states.input %}"),
        4 => json!([1, "two", {}]),
        5 => json!({"Type": "Map", "Next": 3}),
        _ => json!("Next"),
    }
}

fn mutate(text: &str, m: &Mutation) -> String {
    let mut bytes = text.as_bytes().to_vec();
    let n = bytes.len().max(1);
    match *m {
        Mutation::Flip { at, byte } => {
            if !bytes.is_empty() {
                bytes[at % n] = byte;
            }
        }
        Mutation::Delete { at, len } => {
            let start = at % n;
            let end = (start + len).min(bytes.len());
            bytes.drain(start.min(end)..end);
        }
        Mutation::Duplicate { at, len } => {
            let start = at % n;
            let end = (start + len).min(bytes.len());
            let slice = bytes.get(start..end).unwrap_or_default().to_vec();
            bytes.splice(end..end, slice);
        }
        Mutation::Retype { node, to } => {
            let Ok(doc) = Document::parse(text) else { return text.to_string() };
            let all = all_pointers(doc.value());
            let at = &all[node % all.len()];
            let edit = Edit::SetField { pointer: at.clone(), value: other_type(to) };
            return apply(&doc, &edit).map(|d| d.text().to_string()).unwrap_or_default();
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Runs the whole pipeline over `text`; panics only through a failed assertion.
fn pipeline(text: &str, pick: usize) {
    let doc = match Document::parse(text) {
        Ok(doc) => doc,
        Err(e) => {
            let p = e.position;
            let lines = text.split('\n').count();
            assert!(p.offset <= text.len(), "{e}");
            assert!(p.line >= 1 && p.line <= lines, "{e}: {lines} lines");
            assert!(p.column >= 1, "{e}");
            return;
        }
    };
    let _ = Machine::of(&doc);
    let _ = validate::validate(&doc, &Options::default());
    let formatted = format::format(&doc);
    let again = Document::parse(formatted.as_str()).expect("fmt output is JSON");
    assert_eq!(again.value(), doc.value(), "fmt lost data");

    let all = all_pointers(doc.value());
    let at = all[pick % all.len()].clone();
    let state = doc.value().get("States").and_then(Value::as_object).and_then(|s| s.keys().next());
    let mut edits = vec![
        Edit::SetField { pointer: at.clone(), value: json!({"k": [1.0, "é"]}) },
        Edit::RemoveField { pointer: at.clone() },
        Edit::SetField { pointer: format!("{at}/-"), value: json!(1) },
    ];
    if let Some(state) = state {
        let states = "/States".to_string();
        let ptr = statewright::asl::pointer::join(&states, state);
        edits.push(Edit::RenameState { pointer: ptr.clone(), new_name: "Renamed/~".into() });
        edits.push(Edit::AddState {
            container_pointer: states.clone(),
            name: "New".into(),
            state_json: json!({"Type": "Succeed"}),
            after: Some(state.clone()),
        });
        edits.push(Edit::MoveState {
            from_container: states.clone(),
            to_container: states,
            name: state.clone(),
            after: None,
        });
        edits.push(Edit::RemoveState { pointer: ptr });
    }
    for edit in &edits {
        if let Ok(edited) = apply(&doc, edit) {
            // The edited text is a document again (apply re-parses it) and can be saved.
            let _ = Machine::of(&edited);
            if let Edit::SetField { pointer, value } = edit
                && doc.value().pointer(pointer).is_some()
                && doc.duplicate_keys().is_empty()
            {
                assert_eq!(edited.value().pointer(pointer), Some(value), "{edit:?}");
            }
        }
    }
    let dir = std::env::temp_dir().join(format!("statewright-no-panic-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    save::write_atomically(&dir.join("out.asl.json"), doc.text().as_bytes()).unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 160, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn mutated_definitions_never_panic(
        seed in any::<prop::sample::Index>(),
        mutations in prop::collection::vec(mutation(), 1..4),
        pick in any::<usize>(),
    ) {
        let seeds = seeds();
        let mut text = seeds[seed.index(seeds.len())].clone();
        for m in &mutations {
            text = mutate(&text, m);
        }
        pipeline(&text, pick);
    }

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..300), pick in any::<usize>()) {
        pipeline(&String::from_utf8_lossy(&bytes), pick);
    }
}
