//! Between serde_json (the engine's values) and the crate's values.
//!
//! JSONata numbers are doubles; AWS prints a whole number without a fraction, so a result that
//! is a whole double within the exactly representable range becomes a JSON integer. Non-finite
//! numbers become the strings JavaScript names them by, as AWS writes them.

use super::States;
use super::error::QueryError;
use super::reach::{Keys, Reach};
use indexmap::IndexMap;
use jsonata_core::value::JValue;
use serde_json::{Number, Value};

/// Largest magnitude below which every whole double is an exact integer (2^53).
const EXACT_INTEGER_LIMIT: f64 = 9_007_199_254_740_992.0;

/// A JSON value as the crate's value, converted in one pass (no intermediate clone).
pub(super) fn from_json(value: &Value) -> JValue {
    match value {
        Value::Null => JValue::Null,
        Value::Bool(b) => JValue::Bool(*b),
        Value::Number(n) => JValue::Number(n.as_f64().unwrap_or(0.0)),
        Value::String(s) => JValue::from(s.as_str()),
        Value::Array(items) => JValue::array(items.iter().map(from_json).collect()),
        Value::Object(map) => {
            JValue::object(map.iter().map(|(k, v)| (k.clone(), from_json(v))).collect())
        }
    }
}

/// Only the keys of `value` that `keys` allows (all of them for a non-object).
fn with_keys(value: &Value, keys: &Keys) -> JValue {
    match (keys, value) {
        (Keys::Only(names), Value::Object(map)) => JValue::object(
            names.iter().filter_map(|k| map.get(k).map(|v| (k.clone(), from_json(v)))).collect(),
        ),
        _ => from_json(value),
    }
}

/// The `$states` object: the members the state provides, restricted to what `reach` can read.
pub(super) fn states_value(states: &States<'_>, reach: &Reach) -> JValue {
    let members = [
        ("input", Some(states.input)),
        ("context", Some(states.context)),
        ("result", states.result),
        ("errorOutput", states.error_output),
    ];
    let mut map = IndexMap::new();
    for (name, value) in members {
        let Some(value) = value else { continue };
        let keys = match &reach.states {
            None => &Keys::All,
            Some(reached) => match reached.get(name) {
                Some(keys) => keys,
                None => continue,
            },
        };
        map.insert(name.to_owned(), with_keys(value, keys));
    }
    JValue::object(map)
}

/// A whole result: undefined and functions are errors, everything else converts.
pub(super) fn to_json(value: &JValue) -> Result<Value, QueryError> {
    if value.is_undefined() {
        return Err(QueryError::Undefined);
    }
    if value.is_function() {
        return Err(QueryError::UnsupportedType);
    }
    Ok(nested(value).unwrap_or(Value::Null))
}

pub(super) fn number(n: f64) -> Value {
    if n.is_nan() {
        return Value::String("NaN".to_owned());
    }
    if n.is_infinite() {
        let name = if n > 0.0 { "Infinity" } else { "-Infinity" };
        return Value::String(name.to_owned());
    }
    if n.fract() == 0.0 && n.abs() < EXACT_INTEGER_LIMIT {
        // Exact: |n| < 2^53 and whole, so the cast loses nothing.
        #[allow(clippy::cast_possible_truncation)]
        return Value::Number(Number::from(n as i64));
    }
    Number::from_f64(n).map_or(Value::Null, Value::Number)
}

/// A value inside a result: `None` where JSON.stringify would leave the member out
/// (undefined, functions).
fn nested(value: &JValue) -> Option<Value> {
    if value.is_undefined() || value.is_function() {
        return None;
    }
    if let Some(n) = value.as_f64().filter(|_| value.is_number()) {
        return Some(number(n));
    }
    if let Some(items) = value.as_array() {
        return Some(Value::Array(
            items
                .iter()
                .filter(|item| !item.is_undefined())
                .map(|item| nested(item).unwrap_or(Value::Null))
                .collect(),
        ));
    }
    if let Some(map) = value.as_object() {
        return Some(Value::Object(
            map.iter().filter_map(|(key, item)| nested(item).map(|v| (key.clone(), v))).collect(),
        ));
    }
    Some(Value::from(value))
}
