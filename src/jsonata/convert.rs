//! Between serde_json (the engine's values) and the crate's values.
//!
//! JSONata numbers are doubles; AWS prints a whole number without a fraction, so a result that
//! is a whole double within the exactly representable range becomes a JSON integer. Non-finite
//! numbers become the strings JavaScript names them by, as AWS writes them.

use super::States;
use super::error::QueryError;
use jsonata_core::value::JValue;
use serde_json::{Map, Number, Value};

/// Largest magnitude below which every whole double is an exact integer (2^53).
const EXACT_INTEGER_LIMIT: f64 = 9_007_199_254_740_992.0;

pub(super) fn from_json(value: &Value) -> JValue {
    JValue::from(value.clone())
}

/// The `$states` object: only the members the state provides are bound.
pub(super) fn states_value(states: &States) -> JValue {
    let mut map = Map::new();
    map.insert("input".to_owned(), states.input.clone());
    map.insert("context".to_owned(), states.context.clone());
    if let Some(result) = &states.result {
        map.insert("result".to_owned(), result.clone());
    }
    if let Some(error_output) = &states.error_output {
        map.insert("errorOutput".to_owned(), error_output.clone());
    }
    JValue::from(Value::Object(map))
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
