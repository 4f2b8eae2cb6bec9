//! Runs `tests/data/templates.txt` (payload templates) and checks ResultPath application.

mod table;

use serde_json::json;
use statewright::asl::path::{Path, ResultPathError, apply_result_path};
use statewright::asl::scope::{Scope, SeededRandom};
use statewright::asl::template::Template;

#[test]
fn template_table() {
    let rows = table::rows(include_str!("data/templates.txt"), 3);
    let mut failures = Vec::new();
    for row in &rows {
        let (template, input, expected) = (&row.fields[0], &row.fields[1], &row.fields[2]);
        let compiled = Template::compile(&table::json(template));
        let outcome = match (compiled, expected.strip_prefix("invalid:")) {
            (Err(e), Some(want)) if e.message.contains(want.trim()) => continue,
            (Err(e), _) => Err(format!("does not compile: {e}")),
            (Ok(_), Some(_)) => Err("compiled but should not".to_owned()),
            (Ok(t), None) => {
                let input = table::json(input);
                let got = t.eval(&Scope::input(&input), &mut SeededRandom::new(1));
                table::check(&got.map_err(|e| e.cause(&input)), expected)
            }
        };
        if let Err(e) = outcome {
            failures.push(format!("line {}: {template}: {e}", row.line));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} rows failed:\n{}",
        failures.len(),
        rows.len(),
        failures.join("\n")
    );
}

#[test]
fn compile_errors_point_at_the_field() {
    let e = Template::compile(&json!({"a": {"b~c/d.$": "$.["}})).unwrap_err();
    assert_eq!(e.pointer, "/a/b~0c~1d.$");
    assert_eq!(e.offset, Some(3), "the text ends where a selector should start");
    assert!(Template::compile(&json!({"a": 1})).unwrap().is_constant());
    assert!(!Template::compile(&json!({"a.$": "$"})).unwrap().is_constant());
}

#[test]
fn result_path_merges_into_the_input() {
    let cases = [
        ("$", json!({"a": 1}), json!("r"), Ok(json!("r"))),
        ("$.r", json!({"a": 1}), json!([1]), Ok(json!({"a": 1, "r": [1]}))),
        ("$.a", json!({"a": 1}), json!(2), Ok(json!({"a": 2}))),
        ("$.x.y.z", json!({}), json!(true), Ok(json!({"x": {"y": {"z": true}}}))),
        ("$.x.y", json!({"x": {"k": 0}}), json!(1), Ok(json!({"x": {"k": 0, "y": 1}}))),
        ("$['a b']", json!({}), json!(1), Ok(json!({"a b": 1}))),
        ("$.l[1]", json!({"l": [0, 0]}), json!(9), Ok(json!({"l": [0, 9]}))),
        ("$.l[2]", json!({"l": [0, 0]}), json!(9), Err(ResultPathError::Unreachable)),
        ("$.a", json!("text"), json!(1), Err(ResultPathError::Unreachable)),
        ("$.a.b", json!({"a": 5}), json!(1), Err(ResultPathError::Unreachable)),
        ("$.a[*]", json!({}), json!(1), Err(ResultPathError::NotAReferencePath)),
        ("$$.a", json!({}), json!(1), Err(ResultPathError::NotAReferencePath)),
    ];
    for (path, input, result, expected) in cases {
        let p = Path::parse(path).unwrap();
        assert_eq!(apply_result_path(input, &p, result), expected, "{path}");
    }
}

#[test]
fn expressions_lists_every_dynamic_field_and_its_paths() {
    use statewright::asl::path::Root;
    use statewright::asl::template::Expression;
    let t = Template::compile(&json!({
        "a.$": "$x.y",
        "b": [{"c.$": "States.Format('{}', States.Array($$.Execution.Id, $z))"}],
        "d": "$not_dynamic"
    }))
    .unwrap();
    let fields = t.expressions();
    let keys: Vec<&str> = fields.iter().map(|(k, _)| *k).collect();
    assert_eq!(keys, ["a.$", "c.$"]);
    let Expression::Call(call) = fields[1].1 else { panic!("c.$ is a call") };
    let roots: Vec<&Root> = call.paths().into_iter().map(|p| p.root()).collect();
    assert_eq!(roots, [&Root::Context, &Root::Variable("z".into())]);
    assert_eq!(fields[0].1.path().map(|p| p.root()), Some(&Root::Variable("x".into())));
}

#[test]
fn compile_checked_refuses_arguments_that_can_never_work() {
    let t = json!({"nested": {"foo.$": "States.MathAdd(1,'-1')"}});
    assert!(Template::compile(&t).is_ok(), "the engine runs it (and fails like AWS at run time)");
    let e = Template::compile_checked(&t).unwrap_err();
    assert_eq!(e.pointer, "/nested/foo.$");
    assert_eq!(e.offset, Some(17));
    assert!(Template::compile_checked(&json!({"ok.$": "States.MathAdd($.a, -1)"})).is_ok());
}

#[test]
fn compiled_forms_can_be_shared_across_threads() {
    fn shareable<T: Send + Sync + Clone + 'static>() {}
    shareable::<Template>();
    shareable::<Path>();
    shareable::<statewright::asl::choice::Rule>();
    shareable::<statewright::asl::intrinsic::Intrinsic>();
    shareable::<statewright::asl::template::Expression>();
}
