//! Runs `tests/data/intrinsics.txt`: one intrinsic call per line, with its input and the value
//! (or error) AWS gives.

mod table;

use statewright::asl::intrinsic::Intrinsic;
use statewright::asl::scope::{Scope, SeededRandom};

#[test]
fn intrinsic_table() {
    let mut failures = Vec::new();
    let rows = table::rows(include_str!("data/intrinsics.txt"), 3);
    for row in &rows {
        let (call, input, expected) = (&row.fields[0], &row.fields[1], &row.fields[2]);
        let parsed = Intrinsic::parse(call);
        if expected == "syntax error" {
            if parsed.is_ok() {
                failures.push(format!("line {}: {call} parsed but should not", row.line));
            }
            continue;
        }
        if expected == "checked error" {
            match (&parsed, Intrinsic::parse_checked(call)) {
                (Ok(_), Err(e)) if e.offset < call.len() => {}
                (Err(e), _) => failures.push(format!("line {}: {call}: {e}", row.line)),
                (Ok(_), other) => failures.push(format!(
                    "line {}: {call}: parse_checked should refuse it with an offset, got {other:?}",
                    row.line
                )),
            }
            continue;
        }
        if let (false, Err(e)) = (expected.starts_with("error:"), Intrinsic::parse_checked(call)) {
            failures.push(format!(
                "line {}: {call} succeeds, yet parse_checked refuses it: {e}",
                row.line
            ));
        }
        let f = match parsed {
            Ok(f) => f,
            Err(e) => {
                failures.push(format!("line {}: {call}: {e}", row.line));
                continue;
            }
        };
        let input = table::json(input);
        let got = f.eval(&Scope::input(&input), &mut SeededRandom::new(42));
        if let Err(problem) = table::check(&got.map_err(|e| e.to_string()), expected) {
            failures.push(format!("line {}: {call}: {problem}", row.line));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} rows failed:\n{}",
        failures.len(),
        rows.len(),
        failures.join("\n")
    );
    assert!(rows.len() > 50);
}

#[test]
fn math_random_is_seeded_and_in_range() {
    let f = Intrinsic::parse("States.MathRandom(10, 20)").unwrap();
    let input = serde_json::json!({});
    let scope = Scope::input(&input);
    let a: Vec<_> =
        (0..50).map(|_| 0).scan(SeededRandom::new(3), |r, _| f.eval(&scope, r).ok()).collect();
    let b: Vec<_> =
        (0..50).map(|_| 0).scan(SeededRandom::new(3), |r, _| f.eval(&scope, r).ok()).collect();
    assert_eq!(a, b);
    assert!(a.iter().all(|v| (10..20).contains(&v.as_i64().unwrap())));
    assert!(a.iter().any(|v| v != &a[0]), "not random: {a:?}");
    let seeded = Intrinsic::parse("States.MathRandom(0, 999, 3)").unwrap();
    let x = seeded.eval(&scope, &mut SeededRandom::new(1)).unwrap();
    let y = seeded.eval(&scope, &mut SeededRandom::new(2)).unwrap();
    assert_eq!(x, y, "an explicit seed decides the number");
}

#[test]
fn nesting_depth_counts_calls_inside_calls() {
    for (text, depth) in [
        ("States.UUID()", 1),
        ("States.Array(1, States.Array(States.Array()), $.a)", 3),
        ("States.Format('{}', States.ArrayGetItem(States.StringSplit($.a, '-'), 0))", 3),
    ] {
        assert_eq!(Intrinsic::parse(text).unwrap().nesting_depth(), depth, "{text}");
    }
}

#[test]
fn hand_built_calls_with_missing_arguments_fail_cleanly() {
    use statewright::asl::intrinsic::{Func, Intrinsic as Call};
    let input = serde_json::json!({});
    let scope = Scope::input(&input);
    for func in [Func::Format, Func::MathRandom, Func::ArrayRange, Func::Hash, Func::JsonMerge] {
        let call = Call { func, args: Vec::new() };
        assert!(call.eval(&scope, &mut SeededRandom::new(0)).is_err(), "{func:?}");
    }
}
