//! Short human summaries of Choice rules, for edge labels: `$.amount > 100`,
//! `$.type == "gold" and $.vip exists`, or the JSONata `Condition` itself.
//!
//! Guarantees: total (any value gives a string, possibly empty), single line, deterministic.

use serde_json::Value;

/// Summarizes one Choice rule (or a nested boolean expression of one).
pub fn summarize_rule(rule: &Value) -> String {
    summarize(rule, 0)
}

const OPERATORS: [(&str, &str); 19] = [
    ("StringEquals", "=="),
    ("StringLessThan", "<"),
    ("StringGreaterThan", ">"),
    ("StringLessThanEquals", "<="),
    ("StringGreaterThanEquals", ">="),
    ("StringMatches", "matches"),
    ("NumericEquals", "=="),
    ("NumericLessThan", "<"),
    ("NumericGreaterThan", ">"),
    ("NumericLessThanEquals", "<="),
    ("NumericGreaterThanEquals", ">="),
    ("BooleanEquals", "=="),
    ("TimestampEquals", "=="),
    ("TimestampLessThan", "<"),
    ("TimestampGreaterThan", ">"),
    ("TimestampLessThanEquals", "<="),
    ("TimestampGreaterThanEquals", ">="),
    ("IsNumeric", "is number"),
    ("IsString", "is string"),
];

fn summarize(rule: &Value, depth: usize) -> String {
    if depth > 8 {
        return "…".into();
    }
    let Some(obj) = rule.as_object() else { return String::new() };
    if let Some(cond) = obj.get("Condition") {
        return match cond {
            Value::String(s) => {
                let t = s.trim();
                let t = t.strip_prefix("{%").and_then(|t| t.strip_suffix("%}")).unwrap_or(t);
                one_line(t.trim())
            }
            other => other.to_string(),
        };
    }
    for (key, joiner) in [("And", " and "), ("Or", " or ")] {
        if let Some(items) = obj.get(key).and_then(Value::as_array) {
            let parts: Vec<String> = items
                .iter()
                .map(|r| {
                    let s = summarize(r, depth + 1);
                    if r.get("And").is_some() || r.get("Or").is_some() {
                        format!("({s})")
                    } else {
                        s
                    }
                })
                .collect();
            return parts.join(joiner);
        }
    }
    if let Some(inner) = obj.get("Not") {
        return format!("not ({})", summarize(inner, depth + 1));
    }
    let variable = obj.get("Variable").and_then(Value::as_str).unwrap_or("?");
    for (key, value) in obj {
        let (base, is_path) = match key.strip_suffix("Path") {
            Some(b) if key != "Variable" => (b, true),
            _ => (key.as_str(), false),
        };
        if let Some(&(_, op)) = OPERATORS.iter().find(|(k, _)| *k == base) {
            if op.starts_with("is ") {
                return type_test(variable, value, op);
            }
            let rhs =
                if is_path { value.as_str().unwrap_or("?").to_string() } else { value.to_string() };
            return format!("{variable} {op} {rhs}");
        }
        match key.as_str() {
            "IsPresent" => {
                return format!("{variable} {}", if *value == true { "exists" } else { "missing" });
            }
            "IsNull" => return type_test(variable, value, "is null"),
            "IsBoolean" => return type_test(variable, value, "is boolean"),
            "IsTimestamp" => return type_test(variable, value, "is timestamp"),
            _ => {}
        }
    }
    String::new()
}

fn type_test(variable: &str, value: &Value, test: &str) -> String {
    if *value == false {
        let negated = test.replacen("is ", "is not ", 1);
        format!("{variable} {negated}")
    } else {
        format!("{variable} {test}")
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn summaries() {
        let cases = [
            (json!({"Variable": "$.amount", "NumericGreaterThan": 100}), "$.amount > 100"),
            (json!({"Variable": "$.t", "StringEquals": "gold"}), "$.t == \"gold\""),
            (json!({"Variable": "$.a", "NumericLessThanPath": "$.b"}), "$.a < $.b"),
            (json!({"Variable": "$.v", "IsPresent": false}), "$.v missing"),
            (json!({"Variable": "$.v", "IsNull": false}), "$.v is not null"),
            (
                json!({"And": [{"Variable": "$.a", "BooleanEquals": true},
                               {"Or": [{"Variable": "$.b", "IsPresent": true},
                                       {"Not": {"Variable": "$.c", "StringMatches": "x*"}}]}]}),
                "$.a == true and ($.b exists or not ($.c matches \"x*\"))",
            ),
            (json!({"Condition": "{% $states.input.n  >\n 3 %}"}), "$states.input.n > 3"),
            (json!(42), ""),
        ];
        for (rule, want) in cases {
            assert_eq!(summarize_rule(&rule), want, "{rule}");
        }
    }
}
