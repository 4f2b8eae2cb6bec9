//! Runs `tests/data/choice.txt`: Choice rules with AWS's type-mismatch and missing-value rules.

mod table;

use statewright::asl::choice::Rule;
use statewright::asl::scope::Scope;

#[test]
fn choice_table() {
    let rows = table::rows(include_str!("data/choice.txt"), 3);
    let mut failures = Vec::new();
    for row in &rows {
        let (rule, input, expected) = (&row.fields[0], &row.fields[1], &row.fields[2]);
        let compiled = Rule::compile(&table::json(rule));
        let outcome = match (compiled, expected.strip_prefix("invalid:")) {
            (Err(e), Some(want)) if e.message.contains(want.trim()) => continue,
            (Err(e), _) => Err(format!("does not compile: {e}")),
            (Ok(_), Some(_)) => Err("compiled but should not".to_owned()),
            (Ok(rule), None) => {
                let input = table::json(input);
                let got = rule.eval(&Scope::input(&input)).map(serde_json::Value::Bool);
                table::check(&got.map_err(|e| e.cause()), expected)
            }
        };
        if let Err(e) = outcome {
            failures.push(format!("line {}: {rule}: {e}", row.line));
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
