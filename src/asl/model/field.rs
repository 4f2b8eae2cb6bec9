//! Reading JSON into typed fields without ever failing: a field is either well typed or kept
//! raw, and members nobody asked for end up in an `extra` map.

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::super::pointer;

/// A field as written: its typed reading, or the raw value when it has the wrong type.
/// Serialises as the value itself (untagged), so the UI sees the same JSON as the file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Field<T> {
    Ok(T),
    Invalid(Value),
}

impl<T> Field<T> {
    /// The typed value, if the field was well typed.
    pub fn ok(&self) -> Option<&T> {
        match self {
            Field::Ok(v) => Some(v),
            Field::Invalid(_) => None,
        }
    }
}

/// Members not described by the model, in document order.
pub type Extra = IndexMap<String, Value>;

/// A type that can be read from a JSON value found at a pointer (`None`: wrong type).
pub trait FromJson: Sized {
    fn from_json(value: &Value, at: &str) -> Option<Self>;
}

impl<T: FromJson> Field<T> {
    pub fn read(value: &Value, at: &str) -> Field<T> {
        T::from_json(value, at).map_or_else(|| Field::Invalid(value.clone()), Field::Ok)
    }
}

impl FromJson for String {
    fn from_json(value: &Value, _: &str) -> Option<Self> {
        value.as_str().map(str::to_string)
    }
}

impl FromJson for bool {
    fn from_json(value: &Value, _: &str) -> Option<Self> {
        value.as_bool()
    }
}

impl FromJson for f64 {
    fn from_json(value: &Value, _: &str) -> Option<Self> {
        value.as_f64()
    }
}

impl FromJson for Value {
    fn from_json(value: &Value, _: &str) -> Option<Self> {
        Some(value.clone())
    }
}

/// `null` reads as `None` (e.g. `"ResultPath": null`).
impl<T: FromJson> FromJson for Option<T> {
    fn from_json(value: &Value, at: &str) -> Option<Self> {
        if value.is_null() { Some(None) } else { T::from_json(value, at).map(Some) }
    }
}

/// Arrays of plain values: every element must be well typed.
impl FromJson for Vec<String> {
    fn from_json(value: &Value, at: &str) -> Option<Self> {
        value.as_array()?.iter().map(|v| String::from_json(v, at)).collect()
    }
}

/// Arrays of nodes: each element is kept, typed or raw, with its own pointer.
impl<T: FromJson> FromJson for Vec<Field<T>> {
    fn from_json(value: &Value, at: &str) -> Option<Self> {
        let items = value.as_array()?;
        Some(items.iter().enumerate().map(|(i, v)| Field::read(v, &format!("{at}/{i}"))).collect())
    }
}

/// Objects of nodes keyed by name (e.g. `States`), in document order.
impl<T: FromJson> FromJson for IndexMap<String, Field<T>> {
    fn from_json(value: &Value, at: &str) -> Option<Self> {
        let members = value.as_object()?;
        Some(
            members
                .iter()
                .map(|(k, v)| (k.clone(), Field::read(v, &pointer::join(at, k))))
                .collect(),
        )
    }
}

/// A whole number of seconds or items, or (JSONata) an expression string.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Count {
    Number(serde_json::Number),
    Expression(String),
}

impl FromJson for Count {
    fn from_json(value: &Value, _: &str) -> Option<Self> {
        match value {
            Value::Number(n) => Some(Count::Number(n.clone())),
            Value::String(s) => Some(Count::Expression(s.clone())),
            _ => None,
        }
    }
}

/// Enumerations spelled as AWS spells them.
macro_rules! spelled_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
        pub enum $name {
            $(#[serde(rename = $text)] $variant),+
        }

        impl $name {
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
        }

        impl FromJson for $name {
            fn from_json(value: &Value, _: &str) -> Option<Self> {
                match value.as_str()? { $($text => Some($name::$variant),)+ _ => None }
            }
        }
    };
}
pub(crate) use spelled_enum;

/// Takes members out of one JSON object by name; what is left over is the node's `extra`.
pub struct Members<'v> {
    map: Option<&'v Map<String, Value>>,
    at: String,
    taken: Vec<&'static str>,
}

impl<'v> Members<'v> {
    pub fn new(value: &'v Value, at: &str) -> Members<'v> {
        Members { map: value.as_object(), at: at.to_string(), taken: Vec::new() }
    }

    /// Member `key`, typed or raw.
    pub fn field<T: FromJson>(&mut self, key: &'static str) -> Option<Field<T>> {
        let value = self.raw(key)?;
        Some(Field::read(value, &pointer::join(&self.at, key)))
    }

    /// Member `key` as written.
    pub fn raw(&mut self, key: &'static str) -> Option<&'v Value> {
        self.taken.push(key);
        self.map?.get(key)
    }

    /// Member `key` cloned (payload templates and other free-form values).
    pub fn value(&mut self, key: &'static str) -> Option<Value> {
        self.raw(key).cloned()
    }

    /// Everything not taken, in document order.
    pub fn extra(self) -> Extra {
        let Some(map) = self.map else { return Extra::new() };
        map.iter()
            .filter(|(k, _)| !self.taken.contains(&k.as_str()))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect()
    }
}

/// The expression inside a JSONata `{% ... %}` string, if `value` is one.
pub fn jsonata_expression(value: &Value) -> Option<&str> {
    let s = value.as_str()?.trim();
    s.strip_prefix("{%")?.strip_suffix("%}").map(str::trim)
}
