//! Table tests for the seam: one line per case.

use super::*;
use proptest::prelude::*;
use serde_json::{Map, json};

fn run(expression: &str, input: Value, variables: Value) -> Result<Value, QueryError> {
    let expr = parse(expression).map_err(|e| QueryError::Evaluation { message: e.message })?;
    let context = json!({"Execution": {"Name": "exec"}, "State": {"Name": "S"}});
    let states = States::new(&input, &context);
    let variables = variables.as_object().cloned().unwrap_or_default();
    evaluate(
        &expr,
        &Scope {
            states: &states,
            variables: &variables,
            entropy: 7,
            now_millis: Some(1_700_000_000_123),
        },
    )
}

fn ok(expression: &str, input: Value) -> Value {
    match run(expression, input, json!({})) {
        Ok(value) => value,
        Err(err) => panic!("{expression}: {err:?}"),
    }
}

fn err(expression: &str, input: Value) -> QueryError {
    match run(expression, input, json!({})) {
        Ok(value) => panic!("{expression}: expected an error, got {value}"),
        Err(err) => err,
    }
}

#[test]
fn values() {
    let cases: &[(&str, Value, Value)] = &[
        ("$states.input.a", json!({"a": 1}), json!(1)),
        ("$states.input.a + 1", json!({"a": 1}), json!(2)),
        ("$states.input.a / 2", json!({"a": 3}), json!(1.5)),
        ("$states.input.a", json!({"a": null}), json!(null)),
        ("$states.input", json!([1, 2]), json!([1, 2])),
        ("$states.input[0]", json!([1, 2]), json!(1)),
        ("$states.context.State.Name", json!({}), json!("S")),
        ("{'k': $states.input.missing, 'n': 1}", json!({}), json!({"n": 1})),
        ("[1, $states.input.missing, 2]", json!({}), json!([1, 2])),
        ("$string(1e20)", json!({}), json!("100000000000000000000")),
        ("1e300 * 1e10 > 0", json!({}), json!(true)),
        ("$count($states.input.xs)", json!({"xs": [1, 2, 3]}), json!(3)),
        ("$partition([1,2,3,4,5], 2)", json!({}), json!([[1, 2], [3, 4], [5]])),
        ("$partition([1,2,3], 2.9)", json!({}), json!([[1, 2], [3]])),
        ("$partition([1,2,3], 10)", json!({}), json!([[1, 2, 3]])),
        ("$range(0, 10, 2)", json!({}), json!([0, 2, 4, 6, 8, 10])),
        ("$range(-1.7, 2, 1)", json!({}), json!([-1, 0, 1, 2])),
        ("$range(5, 1, -2)", json!({}), json!([5, 3, 1])),
        ("$range(1, 1, 1)", json!({}), json!(1)),
        ("$hash('abc', 'MD5')", json!({}), json!("900150983cd24fb0d6963f7d28e17f72")),
        ("$hash('abc', 'SHA-1')", json!({}), json!("a9993e364706816aba3e25717850c26c9cd0d89d")),
        (
            "$hash('abc', 'SHA-256')",
            json!({}),
            json!("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ),
        ("$length($hash('abc', 'SHA-384'))", json!({}), json!(96)),
        ("$length($hash('abc', 'SHA-512'))", json!({}), json!(128)),
        ("$parse('{\"a\": [1, true]}')", json!({}), json!({"a": [1, true]})),
        ("$parse($states.input.s).x", json!({"s": "{\"x\": 5}"}), json!(5)),
        ("$random(42) = $random(42)", json!({}), json!(true)),
        ("$random() >= 0 and $random() < 1", json!({}), json!(true)),
        ("$random(1) != $random(2)", json!({}), json!(true)),
        ("$length($uuid())", json!({}), json!(36)),
        ("$substring($uuid(), 14, 1)", json!({}), json!("4")),
        ("$uuid() != $uuid()", json!({}), json!(true)),
        ("$now()", json!({}), json!("2023-11-14T22:13:20.123Z")),
        ("$millis()", json!({}), json!(1_700_000_000_123_i64)),
        ("$exists($states.input.n)", json!({"n": null}), json!(true)),
        ("$exists($states.input.missing)", json!({}), json!(false)),
        ("$exists($states.input.xs[$ > 5])", json!({"xs": [1]}), json!(false)),
        ("$exists($states.input.e)", json!({"e": []}), json!(true)),
        ("$states.input.e", json!({"e": []}), json!([])),
        ("$append([], $range(7, 7, 1))", json!({}), json!([7])),
        ("$type($states.input.n)", json!({"n": null}), json!("null")),
    ];
    for (expression, input, expected) in cases {
        assert_eq!(&ok(expression, input.clone()), expected, "{expression}");
    }
}

#[test]
fn errors() {
    let undefined = QueryError::Undefined;
    let cases: &[(&str, Value, Option<QueryError>)] = &[
        ("$states.input.missing", json!({}), Some(undefined.clone())),
        ("$doesNotExist", json!({}), Some(undefined.clone())),
        ("$states.result", json!({}), Some(undefined.clone())),
        ("$states.errorOutput", json!({}), Some(undefined.clone())),
        ("function($x){$x}", json!({}), Some(QueryError::UnsupportedType)),
        ("$fn := function($x){$x}", json!({}), Some(QueryError::UnsupportedType)),
        ("$partition([1,2], 0)", json!({}), Some(undefined.clone())),
        ("$partition([], 2)", json!({}), Some(undefined.clone())),
        ("$range(1, 5)", json!({}), Some(undefined.clone())),
        ("$range(1, 5, -1)", json!({}), Some(undefined.clone())),
        ("$hash('abc')", json!({}), Some(undefined.clone())),
        ("$hash('abc', 'sha-256')", json!({}), None),
        ("$range(1, 400000, 1)", json!({}), None),
        ("$parse('{')", json!({}), None),
        ("$parseInteger('\u{661}\u{662}\u{663}\u{664}(\u{660}', '###\u{661}')", json!({}), None),
        ("$eval('1')", json!({}), None),
        ("'a' + 1", json!({}), None),
        ("$states.input.a.b.c + 1", json!({"a": {"b": {"c": "x"}}}), None),
    ];
    for (expression, input, expected) in cases {
        let got = err(expression, input.clone());
        match expected {
            Some(expected) => assert_eq!(&got, expected, "{expression}"),
            None => assert!(matches!(got, QueryError::Evaluation { .. }), "{expression}: {got:?}"),
        }
    }
}

#[test]
fn variables_and_states() {
    let cases: &[(&str, Value, Value)] = &[
        ("$x", json!({"x": 1}), json!(1)),
        ("$x.y[1]", json!({"x": {"y": [5, 6]}}), json!(6)),
        ("$x & $states.input.s", json!({"x": "a"}), json!("ab")),
        ("$x = null", json!({"x": null}), json!(true)),
    ];
    for (expression, variables, expected) in cases {
        let got = run(expression, json!({"s": "b"}), variables.clone());
        assert_eq!(got.as_ref(), Ok(expected), "{expression}");
    }
    let (empty, result, error) = (json!({}), json!({"r": 1}), json!({"Error": "E"}));
    let states =
        States { result: Some(&result), error_output: Some(&error), ..States::new(&empty, &empty) };
    let expr = parse("[$states.result.r, $states.errorOutput.Error]").expect("parses");
    let got = evaluate(
        &expr,
        &Scope { states: &states, variables: &Map::new(), entropy: 0, now_millis: None },
    );
    assert_eq!(got, Ok(json!([1, "E"])));
    let whole = parse("$keys($states)").expect("parses");
    let got = evaluate(
        &whole,
        &Scope { states: &states, variables: &Map::new(), entropy: 0, now_millis: None },
    );
    assert_eq!(got, Ok(json!(["input", "context", "result", "errorOutput"])));
    let keys = parse("$keys($states.input) ~> $count()").expect("parses");
    let input = json!({"a": 1, "b": 2});
    let states = States::new(&input, &empty);
    let got = evaluate(
        &keys,
        &Scope { states: &states, variables: &Map::new(), entropy: 0, now_millis: None },
    );
    assert_eq!(got, Ok(json!(2)));
}

#[test]
fn parse_errors_have_positions() {
    let cases: &[(&str, Option<usize>)] = &[
        ("$states.input", None),
        ("a[1,2)", Some(3)),
        ("a[1] b", Some(5)),
        ("1 +", Some(3)),
        ("'open", Some(5)),
        ("(1 + 2))", Some(7)),
        ("$x := ", Some(6)),
        ("{ 'a': 1 ", Some(9)),
        ("1 ] 2", Some(2)),
        ("é + ]", Some(5)),
    ];
    for (expression, expected) in cases {
        let got = parse(expression).err().map(|e| e.position);
        assert_eq!(&got, expected, "{expression}");
        if let Err(e) = parse(expression) {
            assert!(!e.message.is_empty() && e.position <= expression.len());
        }
    }
}

#[test]
fn states_members_an_expression_may_read() {
    let cases: &[(&str, &str, bool)] = &[
        ("$states.input.a", "input", true),
        ("$states.input.a", "context", false),
        ("$states.context.Map.Item.Value", "context", true),
        ("$x + 1", "context", false),
        ("$states", "context", true),
        ("$lookup($states, 'context')", "context", true),
    ];
    for (text, member, expected) in cases {
        let expr = parse(text).expect("parses");
        assert_eq!(expr.may_read_states(member), *expected, "{text} reads {member}");
    }
}

#[test]
fn source_is_quoted_without_blanks() {
    let cases: &[(&str, &str)] = &[(" $x ", "$x"), ("\n  1 + 1\t", "1 + 1"), ("a", "a")];
    for (text, expected) in cases {
        assert_eq!(parse(text).map(|e| e.source().to_owned()).as_deref(), Ok(*expected));
    }
}

#[test]
fn templates() {
    let cases: &[(&str, Option<&str>)] = &[
        ("{% 1 %}", Some(" 1 ")),
        ("{%%}", Some("")),
        (" {% 1 %}", None),
        ("{% 1 %} ", None),
        ("$.a", None),
        ("{%", None),
    ];
    for (text, expected) in cases {
        assert_eq!(template_body(text), *expected, "{text}");
    }
    let found = find_templates(&json!({"a": ["x", "{% 1 %}"], "b/c": {"d": "{%2%}"}, "e": 3}));
    let found: Vec<(&str, &str)> =
        found.iter().map(|t| (t.pointer.as_str(), t.expression.as_str())).collect();
    assert_eq!(found, vec![("/a/1", " 1 "), ("/b~1c/d", "2")]);
}

#[test]
fn causes_follow_aws_wording() {
    let cases: &[(QueryError, &str, &str, &str)] = &[
        (
            QueryError::Undefined,
            "$doesNotExist",
            "Assign/result",
            "The JSONata expression '$doesNotExist' specified for the field 'Assign/result' returned nothing (undefined).",
        ),
        (
            QueryError::UnsupportedType,
            "$fn := function($x){$x}",
            "Items",
            "The JSONata expression '$fn := function($x){$x}' specified for the field 'Items' returned an unsupported result type.",
        ),
        (
            QueryError::UnexpectedType { expected: "array", value: json!({"foo": "bar"}) },
            "$v",
            "Items",
            "The JSONata expression '$v' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was 'object' for value: {\"foo\":\"bar\"}",
        ),
        (
            QueryError::UnexpectedType { expected: "array", value: json!("string") },
            "'string'",
            "Items",
            "The JSONata expression ''string'' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was 'string' for value: \"string\"",
        ),
    ];
    for (error, expression, field, expected) in cases {
        assert_eq!(error.cause(expression, field), *expected);
    }
    let raised: &[(&str, &str)] = &[
        (
            "$range('0',4,1)",
            "T0410: Argument 1 of function \"range\" does not match function signature",
        ),
        (
            "$partition([1], 'a')",
            "T0410: Argument 2 of function \"partition\" does not match function signature",
        ),
    ];
    for (expression, message) in raised {
        let cause = err(expression, json!({})).cause(expression, "Output");
        let expected = format!(
            "The JSONata expression '{expression}' specified for the field 'Output' threw an error during evaluation. {message}"
        );
        assert_eq!(cause, expected);
    }
}

#[test]
fn split_mix_is_reproducible() {
    let mut a = SplitMix64::new(99);
    let mut b = SplitMix64::new(99);
    for _ in 0..100 {
        let x = a.next_f64();
        assert!((0.0..1.0).contains(&x));
        assert_eq!(x.to_bits(), b.next_f64().to_bits());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]
    #[test]
    fn arbitrary_text_never_panics(text in "[ -~]{0,40}") {
        if let Ok(expr) = parse(&text) {
            let null = Value::Null;
            let states = States::new(&null, &null);
            let _ = evaluate(&expr, &Scope { states: &states, variables: &Map::new(), entropy: 1, now_millis: None });
        }
    }

    #[test]
    fn jsonata_shaped_text_never_panics(parts in proptest::collection::vec(
        prop_oneof![
            Just("$states.input"), Just("."), Just("["), Just("]"), Just("("), Just(")"), Just("{"),
            Just("}"), Just("'a'"), Just("1"), Just("+"), Just(":="), Just("$x"), Just(","), Just("?"),
            Just(":"), Just("function($v){$v}"), Just("$range(1,3,1)"), Just("$partition("),
            Just("$hash("), Just("&"), Just("~>"), Just("$map("), Just(";"), Just("**"), Just("%"),
        ], 0..16)) {
        let text: String = parts.concat();
        if let Ok(expr) = parse(&text) {
            let (input, null) = (json!({"a": [1, {"b": 2}]}), Value::Null);
            let states = States::new(&input, &null);
            let _ = evaluate(&expr, &Scope { states: &states, variables: &Map::new(), entropy: 1, now_millis: None });
        }
    }
}
