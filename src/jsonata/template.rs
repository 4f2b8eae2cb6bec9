//! Finding JSONata in a definition: a string value is an expression exactly when it begins with
//! `{%` and ends with `%}` (AWS's rule; surrounding spaces make it a plain string).

use serde_json::Value;

/// The expression inside a `{% ... %}` string, or `None` for a plain string. The expression
/// starts at byte 2 of the string.
pub fn template_body(text: &str) -> Option<&str> {
    text.strip_prefix("{%")?.strip_suffix("%}")
}

/// One `{% %}` string found in a JSON value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    /// RFC 6901 pointer to the string, relative to the searched value.
    pub pointer: String,
    /// The expression between the delimiters (byte 2 onwards of the string).
    pub expression: String,
}

/// Every `{% %}` string in `value`, depth first, in document order.
pub fn find_templates(value: &Value) -> Vec<Template> {
    let mut found = Vec::new();
    walk(value, &mut String::new(), &mut found);
    found
}

fn walk(value: &Value, pointer: &mut String, found: &mut Vec<Template>) {
    match value {
        Value::String(text) => {
            if let Some(body) = template_body(text) {
                found.push(Template { pointer: pointer.clone(), expression: body.to_owned() });
            }
        }
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                let len = pointer.len();
                pointer.push('/');
                pointer.push_str(&index.to_string());
                walk(item, pointer, found);
                pointer.truncate(len);
            }
        }
        Value::Object(map) => {
            for (key, item) in map {
                let len = pointer.len();
                pointer.push('/');
                pointer.push_str(&key.replace('~', "~0").replace('/', "~1"));
                walk(item, pointer, found);
                pointer.truncate(len);
            }
        }
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
}
