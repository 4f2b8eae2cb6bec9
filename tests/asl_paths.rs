//! Runs `tests/data/paths.txt` and `tests/data/paths_scoped.txt`: JSONPath with AWS's (Jayway's)
//! result shapes and error texts.

mod table;

use serde_json::Value;
use statewright::asl::path::Path;
use statewright::asl::scope::Scope;

fn run(path: &str, scope: &Scope<'_>, expected: &str) -> Result<(), String> {
    let parsed = Path::parse(path);
    if expected == "syntax error" {
        return match parsed {
            Ok(_) => Err("parsed but should not".into()),
            Err(e) if e.offset <= path.len() => Ok(()),
            Err(e) => Err(format!("offset {} beyond the text", e.offset)),
        };
    }
    let p = parsed.map_err(|e| format!("syntax error: {e}"))?;
    table::check(&p.eval(scope).map_err(|e| e.to_string()), expected)
}

#[test]
fn path_table() {
    let rows = table::rows(include_str!("data/paths.txt"), 3);
    let failures: Vec<String> = rows
        .iter()
        .filter_map(|row| {
            let (path, input, expected) = (&row.fields[0], &row.fields[1], &row.fields[2]);
            let input = if input == "-" { Value::Null } else { table::json(input) };
            run(path, &Scope::input(&input), expected)
                .err()
                .map(|e| format!("line {}: {path}: {e}", row.line))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} rows failed:\n{}",
        failures.len(),
        rows.len(),
        failures.join("\n")
    );
}

#[test]
fn scoped_path_table() {
    let rows = table::rows(include_str!("data/paths_scoped.txt"), 3);
    let failures: Vec<String> = rows
        .iter()
        .filter_map(|row| {
            let (path, scope, expected) = (&row.fields[0], &row.fields[1], &row.fields[2]);
            let scope = table::json(scope);
            let variables = scope["variables"].as_object().cloned().unwrap_or_default();
            let s =
                Scope { input: &scope["input"], context: &scope["context"], variables: &variables };
            run(path, &s, expected).err().map(|e| format!("line {}: {path}: {e}", row.line))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} rows failed:\n{}",
        failures.len(),
        rows.len(),
        failures.join("\n")
    );
}

#[test]
fn reference_paths_refuse_indefinite_steps() {
    for ok in ["$", "$.a", "$['a'][0].b", "$$.Execution.Id", "$var.x"] {
        assert!(Path::parse_reference(ok).is_ok(), "{ok}");
    }
    for bad in
        ["$.a[*]", "$..a", "$.a[1:2]", "$.a[0,1]", "$.a[?(@.x)]", "$.a.length()", "$['a','b']"]
    {
        let e = Path::parse_reference(bad).unwrap_err();
        assert!(e.offset < bad.len(), "{bad}: {e}");
    }
}

#[test]
fn canonical_form_is_jaywayish() {
    let p = Path::parse("$.a['b'][0][*]..c[1:]").unwrap();
    assert_eq!(p.canonical(), "$['a']['b'][0][*]..['c'][1:]");
    assert!(!p.is_definite());
    assert!(Path::parse("$.a[0]").unwrap().is_definite());
}

#[test]
fn surrounding_blanks_are_ignored_like_jayway() {
    let input = serde_json::json!({"a": 1});
    let p = Path::parse("  $.a \n").unwrap();
    assert_eq!(p.eval(&Scope::input(&input)).unwrap(), serde_json::json!(1));
    assert_eq!(Path::parse("  $.a[").unwrap_err().offset, 6);
}

#[test]
fn eval_owned_matches_eval() {
    let input = serde_json::json!({"a": [{"b": 1}, {"b": [2, 3]}], "c": "x"});
    let context = serde_json::json!({"Execution": {"Input": {"k": true}}});
    let vars = serde_json::Map::new();
    for text in
        ["$", "$.a", "$.a[1].b", "$.a[-1].b[0]", "$.a[*].b", "$.c", "$$.Execution.Input", "$..b"]
    {
        let p = Path::parse(text).unwrap();
        let scope = Scope { input: &input, context: &context, variables: &vars };
        let by_ref = p.eval(&scope).unwrap();
        let owned = p.eval_owned(input.clone(), &context, &vars).unwrap();
        assert_eq!(by_ref, owned, "{text}");
    }
    let p = Path::parse("$.nope").unwrap();
    assert!(p.eval_owned(input, &context, &vars).is_err());
}
