//! Property tests: the expression parsers take any text without panicking, and every syntax
//! error points inside (or just past) the text; evaluation of whatever parses never panics.

use proptest::prelude::*;
use serde_json::json;
use statewright::asl::choice::Rule;
use statewright::asl::intrinsic::Intrinsic;
use statewright::asl::path::Path;
use statewright::asl::scope::{Scope, SeededRandom};
use statewright::asl::template::Template;
use statewright::asl::timestamp::Timestamp;

/// Text built from the characters the grammars care about, so that the parsers go deep.
fn grammar_soup() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just("$".to_owned()),
            Just("$$".to_owned()),
            Just(".".to_owned()),
            Just("..".to_owned()),
            Just("[".to_owned()),
            Just("]".to_owned()),
            Just("*".to_owned()),
            Just("?(".to_owned()),
            Just("@".to_owned()),
            Just(")".to_owned()),
            Just("(".to_owned()),
            Just("'".to_owned()),
            Just("\\".to_owned()),
            Just(",".to_owned()),
            Just(":".to_owned()),
            Just("-1".to_owned()),
            Just("==".to_owned()),
            Just("&&".to_owned()),
            Just("States.".to_owned()),
            Just("Format".to_owned()),
            Just("Array".to_owned()),
            Just("{}".to_owned()),
            Just("a".to_owned()),
            Just("é".to_owned()),
            Just(" ".to_owned()),
            Just("length()".to_owned()),
            "[0-9]{1,3}".prop_map(|s| s),
        ],
        0..24,
    )
    .prop_map(|parts| parts.concat())
}

fn input() -> serde_json::Value {
    json!({"a": [1, {"a": "x"}, [2]], "b": {"c": null}, "s": "t,u", "n": 2.5})
}

fn check_path(text: &str) {
    let data = input();
    let scope = Scope::input(&data);
    match Path::parse(text) {
        Ok(p) => {
            let _ = p.eval(&scope);
            let _ = p.canonical();
        }
        Err(e) => assert!(e.offset <= text.len(), "{text:?}: offset {}", e.offset),
    }
}

fn check_intrinsic(text: &str) {
    let data = input();
    let scope = Scope::input(&data);
    match Intrinsic::parse(text) {
        Ok(f) => {
            let _ = f.eval(&scope, &mut SeededRandom::new(0));
        }
        Err(e) => assert!(e.offset <= text.len(), "{text:?}: offset {}", e.offset),
    }
    match Intrinsic::parse_checked(text) {
        Ok(_) => assert!(Intrinsic::parse(text).is_ok(), "{text:?}: checked is stricter"),
        Err(e) => assert!(e.offset <= text.len(), "{text:?}: offset {}", e.offset),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn paths_never_panic(text in grammar_soup()) {
        check_path(&text);
        check_path(&format!("$.{text}"));
        check_path(&format!("$[{text}]"));
    }

    #[test]
    fn paths_take_any_text(text in "\\PC{0,40}") {
        check_path(&text);
    }

    #[test]
    fn intrinsics_never_panic(text in grammar_soup()) {
        check_intrinsic(&text);
        check_intrinsic(&format!("States.Format({text})"));
        check_intrinsic(&format!("States.Array({text}"));
    }

    #[test]
    fn intrinsics_take_any_text(text in "\\PC{0,40}") {
        check_intrinsic(&text);
    }

    #[test]
    fn templates_and_rules_never_panic(text in grammar_soup(), op in "[A-Za-z]{0,30}") {
        let data = input();
        let scope = Scope::input(&data);
        if let Ok(t) = Template::compile(&json!({"x.$": text, "y": [{"z.$": "$.a"}]})) {
            let _ = t.eval(&scope, &mut SeededRandom::new(0));
        }
        for rule in [json!({"Variable": text, op.clone(): "x"}), json!({"Variable": "$.n", op: text})] {
            if let Ok(r) = Rule::compile(&rule) {
                let _ = r.eval(&scope);
            }
        }
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash(n in 30usize..5000) {
        check_path(&format!("$.a[?({}@.x{})]", "(".repeat(n), ")".repeat(n)));
        check_path(&format!("$.a[?({}@.x)]", "!".repeat(n)));
        check_path(&format!("$.a[?(@.b[?(@.c[?(@.d{})])])]", "[?(@".repeat(n)));
        check_intrinsic(&format!("{}{}", "States.Array(".repeat(n), ")".repeat(n)));
    }

    #[test]
    fn timestamps_never_panic(text in "[0-9T:Z+.\\-]{0,40}") {
        let _ = Timestamp::parse(&text);
    }
}
