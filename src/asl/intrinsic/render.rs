//! How AWS turns JSON values into text. AWS holds values as Java objects (Jackson's reading:
//! `Integer`/`Long` for integers, `Double` for other numbers, `LinkedHashMap`, `ArrayList`), so
//! compact JSON (`States.JsonToString`, error causes) writes floating-point numbers as Java's
//! `Double.toString` does (`1.0E21`, `1.0E-4`), and `States.Format` uses Java's `toString` forms
//! (`{a=1, b=[x, y]}`).

use serde_json::{Number, Value};

/// Compact JSON text, keys in document order, floating-point numbers as Java writes them.
pub fn to_compact_json(value: &Value) -> String {
    let mut out = String::new();
    write_json(&mut out, value);
    out
}

fn write_json(out: &mut String, value: &Value) {
    match value {
        Value::Number(n) => out.push_str(&java_number(n)),
        Value::String(s) => write_json_string(out, s),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_json(out, item);
            }
            out.push(']');
        }
        Value::Object(map) => {
            out.push('{');
            for (i, (k, v)) in map.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_json_string(out, k);
                out.push(':');
                write_json(out, v);
            }
            out.push('}');
        }
        Value::Null | Value::Bool(_) => out.push_str(&value.to_string()),
    }
}

fn write_json_string(out: &mut String, s: &str) {
    out.push_str(&serde_json::to_string(s).unwrap_or_default());
}

/// A value as AWS's `States.Format` renders it: strings as they are, objects and arrays in
/// Java's collection form, floating-point numbers in Java's `Double.toString` form.
pub fn to_java_string(value: &Value) -> String {
    let mut out = String::new();
    write_java(&mut out, value);
    out
}

fn write_java(out: &mut String, value: &Value) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&java_number(n)),
        Value::String(s) => out.push_str(s),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_java(out, item);
            }
            out.push(']');
        }
        Value::Object(map) => {
            out.push('{');
            for (i, (k, v)) in map.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(k);
                out.push('=');
                write_java(out, v);
            }
            out.push('}');
        }
    }
}

/// Integers as they are; other numbers as Java's `Double.toString`.
pub(crate) fn java_number(n: &Number) -> String {
    if n.is_i64() || n.is_u64() {
        return n.to_string();
    }
    match n.as_f64() {
        Some(x) => java_double(x),
        None => n.to_string(),
    }
}

/// Java's `Double.toString`: plain notation with at least one decimal for 1e-3 <= |x| < 1e7,
/// otherwise `d.dddE±n`.
pub(crate) fn java_double(x: f64) -> String {
    if x.is_nan() {
        return "NaN".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "Infinity".into() } else { "-Infinity".into() };
    }
    let abs = x.abs();
    if x == 0.0 || (1e-3..1e7).contains(&abs) {
        let mut s = format!("{x}");
        if !s.contains('.') {
            s.push_str(".0");
        }
        return s;
    }
    let sci = format!("{x:e}");
    let (mantissa, exponent) = sci.split_once('e').unwrap_or((&sci, "0"));
    let mut s = mantissa.to_owned();
    if !s.contains('.') {
        s.push_str(".0");
    }
    s.push('E');
    s.push_str(exponent);
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn java_doubles() {
        for (x, s) in [
            (1.1, "1.1"),
            (2.0, "2.0"),
            (0.001, "0.001"),
            (0.0001, "1.0E-4"),
            (1e7, "1.0E7"),
            (1.5e10, "1.5E10"),
            (-0.5, "-0.5"),
            (9_999_999.5, "9999999.5"),
        ] {
            assert_eq!(java_double(x), s);
        }
    }

    #[test]
    fn compact_json_writes_doubles_as_java() {
        let v = serde_json::json!({"a": [1, 1.5, 1e21, 0.0001, -2, null, true], "b\"": "x\n"});
        assert_eq!(to_compact_json(&v), r#"{"a":[1,1.5,1.0E21,1.0E-4,-2,null,true],"b\"":"x\n"}"#);
    }

    #[test]
    fn java_collections() {
        let v = serde_json::json!({"a": [1, "x", null], "b": {"c": 1.5}});
        assert_eq!(to_java_string(&v), "{a=[1, x, null], b={c=1.5}}");
    }
}
