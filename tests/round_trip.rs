//! Every real definition we have (examples/, and ../shared/conformance when present) survives
//! parse → save unchanged, no-op edits unchanged, and fmt without losing a token.

use std::path::{Path, PathBuf};

use serde_json::Value;
use statewright::asl::model::Machine;
use statewright::asl::{Document, Edit, apply, format, pointer, save};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn collect(dir: &Path, keep: &dyn Fn(&Path) -> bool, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, keep, out);
        } else if keep(&path) {
            out.push(path);
        }
    }
}

/// (name, text) of every definition that is UTF-8 text, plus how many files were not.
fn corpus() -> (Vec<(String, String)>, usize, usize) {
    let mut files = Vec::new();
    collect(&root().join("examples"), &|p| p.to_string_lossy().ends_with(".asl.json"), &mut files);
    let examples = files.len();
    // `../shared` beside the crate (the main checkout); `../../shared` from a worktree.
    let shared = ["../shared", "../../shared"]
        .iter()
        .map(|p| root().join(p).join("conformance"))
        .find(|p| p.is_dir())
        .unwrap_or_default();
    collect(&shared, &|p| p.file_name().is_some_and(|n| n == "definition.asl.json"), &mut files);
    files.sort();
    let mut texts = Vec::new();
    let mut not_text = 0;
    for file in files {
        match String::from_utf8(std::fs::read(&file).unwrap()) {
            Ok(text) => texts.push((file.display().to_string(), text)),
            Err(_) => not_text += 1,
        }
    }
    (texts, examples, not_text)
}

fn states_pointer(value: &Value) -> Option<String> {
    value.get("States")?.as_object().map(|_| "/States".to_string())
}

#[test]
fn unedited_and_no_op_edited_documents_keep_every_byte() {
    let (corpus, examples, not_text) = corpus();
    assert!(examples >= 6, "examples/ holds the bundled workflows");
    let dir = std::env::temp_dir().join(format!("statewright-round-trip-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (mut parsed, mut not_json) = (0, 0);
    for (i, (name, text)) in corpus.iter().enumerate() {
        let Ok(doc) = Document::parse(text.as_str()) else {
            not_json += 1;
            continue;
        };
        parsed += 1;
        assert_eq!(doc.text(), text, "{name}");
        // Saving goes through fsync; a sample of the corpus keeps the test fast.
        if name.contains("/examples/") || i % 25 == 0 {
            let saved = dir.join("definition.asl.json");
            save::write_atomically(&saved, doc.text().as_bytes()).unwrap();
            assert_eq!(std::fs::read(&saved).unwrap(), text.as_bytes(), "{name}: save");
        }
        let _ = Machine::of(&doc);

        // Setting any top-level member, and any state, to its current value changes nothing.
        let mut pointers: Vec<String> = match doc.value() {
            Value::Object(m) => m.keys().map(|k| pointer::join("", k)).collect(),
            _ => Vec::new(),
        };
        if let Some(Value::Object(states)) = doc.value().get("States") {
            pointers.extend(states.keys().map(|k| pointer::join("/States", k)));
        }
        pointers.push(String::new());
        for at in pointers {
            let value = doc.value().pointer(&at).unwrap().clone();
            let edited = apply(&doc, &Edit::SetField { pointer: at.clone(), value }).unwrap();
            assert_eq!(edited.text(), text, "{name}: no-op SetField {at}");
        }
    }
    std::fs::remove_dir_all(&dir).ok();
    println!(
        "round trip: {parsed} definitions byte-identical ({examples} examples); {not_json} not JSON, {not_text} not UTF-8"
    );
    assert!(parsed >= examples);
}

/// A value's text with members in document order (serde_json's `==` ignores member order).
fn ordered(value: &Value) -> String {
    serde_json::to_string(value).unwrap()
}

/// The reference rename: the key, in place, and every reference in the same scope.
fn renamed(value: &Value, old: &str, new: &str) -> Value {
    let mut value = value.clone();
    let retarget = |v: Option<&mut Value>| {
        if let Some(v) = v
            && v == old
        {
            *v = new.into();
        }
    };
    retarget(value.get_mut("StartAt"));
    let states = value["States"].as_object_mut().unwrap();
    for state in states.values_mut() {
        retarget(state.get_mut("Next"));
        retarget(state.get_mut("Default"));
        for list in ["Choices", "Catch"] {
            if let Some(Value::Array(rules)) = state.get_mut(list) {
                for rule in rules {
                    retarget(rule.get_mut("Next"));
                }
            }
        }
    }
    let renamed = states
        .iter()
        .map(|(k, v)| (if k == old { new.to_string() } else { k.clone() }, v.clone()))
        .collect();
    *states = renamed;
    value
}

#[test]
fn real_edits_change_exactly_the_value_they_name() {
    let (corpus, _, _) = corpus();
    let mut edited = 0;
    for (name, text) in &corpus {
        let Ok(doc) = Document::parse(text.as_str()) else { continue };
        let Some(states_at) = states_pointer(doc.value()) else { continue };
        let names: Vec<String> =
            doc.value()["States"].as_object().unwrap().keys().cloned().collect();
        if doc.duplicate_keys().iter().any(|d| d.starts_with("/States/")) {
            continue; // the value keeps only the last duplicate; the text keeps both
        }
        for state in names.iter().take(3) {
            let at = pointer::join(&pointer::join(&states_at, state), "Comment");
            let edit = Edit::SetField { pointer: at.clone(), value: "edited ✓".into() };
            let Ok(after) = apply(&doc, &edit) else { continue };
            let mut expected = doc.value().clone();
            if let Some(Value::Object(s)) = expected.pointer_mut(&pointer::join("/States", state)) {
                s.insert("Comment".into(), "edited ✓".into());
            } else {
                continue;
            }
            assert_eq!(ordered(after.value()), ordered(&expected), "{name}: SetField {at}");
            edited += 1;
        }
        if let Some(first) = names.first() {
            let at = pointer::join(&states_at, first);
            let edit = Edit::RenameState { pointer: at.clone(), new_name: "Renamed ✓".into() };
            let after = apply(&doc, &edit).unwrap_or_else(|e| panic!("{name}: {e}"));
            let expected = renamed(doc.value(), first, "Renamed ✓");
            assert_eq!(ordered(after.value()), ordered(&expected), "{name}: {at}");
            edited += 1;
        }
        if let Some(last) = names.last() {
            let at = pointer::join(&states_at, last);
            let after = apply(&doc, &Edit::RemoveState { pointer: at.clone() }).unwrap();
            let mut expected = doc.value().clone();
            expected["States"].as_object_mut().unwrap().shift_remove(last);
            assert_eq!(ordered(after.value()), ordered(&expected), "{name}: RemoveState {at}");
            edited += 1;
        }
    }
    println!("{edited} edits checked against the expected value");
    assert!(edited > 0);
}

#[test]
fn fmt_keeps_every_token_and_is_idempotent() {
    let (corpus, _, _) = corpus();
    let mut formatted = 0;
    for (name, text) in &corpus {
        let Ok(doc) = Document::parse(text.as_str()) else { continue };
        let once = format::format(&doc);
        let again = Document::parse(once.as_str()).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(again.value(), doc.value(), "{name}: fmt changed the value");
        assert_eq!(format::format(&again), once, "{name}: fmt is not idempotent");
        // Only whitespace between tokens changes: every other character, in order, is kept.
        let ink = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        assert_eq!(ink(&once), ink(text), "{name}: fmt changed a token's spelling");
        formatted += 1;
    }
    assert!(formatted > 0);
}
