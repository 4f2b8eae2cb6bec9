//! The reader shared by the table-driven tests: `field | field | ...` per line, `#` comments.

#![allow(dead_code)]

use serde_json::Value;

pub struct Row {
    pub line: usize,
    pub fields: Vec<String>,
}

/// The rows of a table with `n` fields (split on ` | ` from the left, the last field takes the
/// rest).
pub fn rows(text: &str, n: usize) -> Vec<Row> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| {
            let fields: Vec<String> = l.splitn(n, " | ").map(|f| f.trim().to_owned()).collect();
            assert_eq!(fields.len(), n, "line {}: expected {n} fields: {l}", i + 1);
            Row { line: i + 1, fields }
        })
        .collect()
}

pub fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("bad JSON in table: {text}: {e}"))
}

fn is_uuid_v4(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 36
        && s.chars().enumerate().all(|(i, c)| {
            if [8, 13, 18, 23].contains(&i) {
                c == '-'
            } else {
                c.is_ascii_hexdigit() && !c.is_ascii_uppercase()
            }
        })
        && b[14] == b'4'
        && matches!(b[19], b'8' | b'9' | b'a' | b'b')
}

/// Checks an outcome against an expectation: JSON, `error: text`, or `uuid`.
pub fn check(got: &Result<Value, String>, expected: &str) -> Result<(), String> {
    match (got, expected.strip_prefix("error:")) {
        (Err(e), Some(want)) if e.contains(want.trim()) => Ok(()),
        (Err(e), Some(want)) => Err(format!("error {e:?} does not contain {:?}", want.trim())),
        (Ok(v), Some(_)) => Err(format!("expected an error, got {v}")),
        (Err(e), None) => Err(format!("unexpected error: {e}")),
        (Ok(Value::String(s)), None) if expected == "uuid" => {
            if is_uuid_v4(s) {
                Ok(())
            } else {
                Err(format!("not a v4 UUID: {s}"))
            }
        }
        (Ok(v), None) => {
            let want = json(expected);
            if *v == want { Ok(()) } else { Err(format!("got {v}, expected {want}")) }
        }
    }
}
