//! Path evaluation with Jayway's result shapes and error texts.

use std::borrow::Cow;
use std::fmt::Write;

use serde_json::Value;

use super::{Function, Path, PathError, Root, Segment, Selector, filter};
use crate::asl::scope::Scope;

/// What a path selected: one node (definite path), a list of nodes (indefinite path, always an
/// array in the result), or a computed value (path function).
#[derive(Debug, Clone, PartialEq)]
pub enum Selection<'v> {
    One(&'v Value),
    Many(Vec<&'v Value>),
    Computed(Value),
}

impl Selection<'_> {
    /// The selection as an owned value; lists become arrays.
    pub fn into_value(self) -> Value {
        match self {
            Selection::One(v) => v.clone(),
            Selection::Many(vs) => Value::Array(vs.into_iter().cloned().collect()),
            Selection::Computed(v) => v,
        }
    }

    /// The selection as a value, borrowed when it is a single node.
    pub fn as_value(&self) -> Cow<'_, Value> {
        match self {
            Selection::One(v) => Cow::Borrowed(*v),
            Selection::Many(vs) => {
                Cow::Owned(Value::Array(vs.iter().map(|v| (*v).clone()).collect()))
            }
            Selection::Computed(v) => Cow::Borrowed(v),
        }
    }
}

fn root<'v>(path: &Path, scope: &Scope<'v>) -> Result<&'v Value, PathError> {
    match &path.root {
        Root::Input => Ok(scope.input),
        Root::Context => Ok(scope.context),
        Root::Variable(name) => scope
            .variables
            .get(name)
            .ok_or_else(|| PathError::VariableNotFound { name: name.to_string() }),
    }
}

pub(super) fn select<'v>(path: &Path, scope: &Scope<'v>) -> Result<Selection<'v>, PathError> {
    let start = root(path, scope)?;
    // Inside a filter, `$` is the document the path started from (the context object for a
    // `$$` path, the variable's value for `$name`), as it is for Jayway.
    let scope = &scope.with_input(start);
    let selection = if path.definite {
        Selection::One(definite(path, start, path.segments.len())?)
    } else if let Some((Segment::Child(Selector::Names(names)), prefix)) =
        path.segments.split_last()
    {
        merge_leaf(path, prefix, names, start, scope)?
    } else {
        let mut out = Vec::new();
        walk_all(start, &path.segments, scope, &mut out);
        Selection::Many(out)
    };
    match path.function {
        None => Ok(selection),
        Some(f) => apply_function(f, &selection.as_value()).map(Selection::Computed),
    }
}

fn is_definite_step(seg: &Segment) -> bool {
    matches!(seg, Segment::Child(Selector::Name(_) | Selector::Index(_)))
}

/// Jayway's multi-property leaf (`$.a['x','y']`): one object holding the properties that exist,
/// per object the rest of the path reaches; a single value when the rest is definite.
fn merge_leaf<'v>(
    path: &Path,
    prefix: &[Segment],
    names: &[Box<str>],
    start: &'v Value,
    scope: &Scope<'v>,
) -> Result<Selection<'v>, PathError> {
    let merge = |map: &serde_json::Map<String, Value>| {
        let mut out = serde_json::Map::new();
        for name in names {
            if let Some(v) = map.get(&**name) {
                out.insert(name.to_string(), v.clone());
            }
        }
        Value::Object(out)
    };
    if prefix.iter().all(is_definite_step) {
        return match definite(path, start, prefix.len())? {
            Value::Object(map) => Ok(Selection::Computed(merge(map))),
            other => {
                let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
                Err(PathError::NotFound {
                    detail: format!(
                        "Expected to find an object with property [{}] in path {} but found \
                         '{}'. This is not a json object according to the JsonProvider: \
                         'com.jayway.jsonpath.spi.json.JsonSmartJsonProvider'.",
                        quoted.join(","),
                        canonical_prefix(path, prefix.len()),
                        java_class(other)
                    ),
                })
            }
        };
    }
    let mut nodes = Vec::new();
    walk_all(start, prefix, scope, &mut nodes);
    let merged = nodes.into_iter().filter_map(Value::as_object).map(merge).collect();
    Ok(Selection::Computed(Value::Array(merged)))
}

/// Follows the first `n` (name or index) steps of a path.
fn definite<'v>(path: &Path, start: &'v Value, n: usize) -> Result<&'v Value, PathError> {
    let mut node = start;
    let last = path.segments.len().saturating_sub(1);
    for (i, seg) in path.segments.iter().enumerate().take(n) {
        node = match seg {
            Segment::Child(Selector::Name(name)) => match node {
                Value::Object(map) => match map.get(&**name) {
                    Some(v) => v,
                    None if i == last => return Err(no_results(path)),
                    None => {
                        return Err(PathError::NotFound {
                            detail: format!(
                                "Missing property in path {}",
                                canonical_prefix(path, i + 1)
                            ),
                        });
                    }
                },
                other => {
                    return Err(PathError::NotFound {
                        detail: format!(
                            "Expected to find an object with property ['{name}'] in path {} but \
                             found '{}'. This is not a json object according to the \
                             JsonProvider: 'com.jayway.jsonpath.spi.json.JsonSmartJsonProvider'.",
                            canonical_prefix(path, i),
                            java_class(other)
                        ),
                    });
                }
            },
            Segment::Child(Selector::Index(index)) => match node {
                Value::Array(items) => match wrap(*index, items.len()).and_then(|i| items.get(i)) {
                    Some(v) => v,
                    None => return Err(no_results(path)),
                },
                Value::Null => {
                    return Err(PathError::NotFound {
                        detail: format!("The path {} is null", canonical_prefix(path, i)),
                    });
                }
                other => {
                    return Err(PathError::NotFound {
                        detail: format!(
                            "Filter: [{index}] can only be applied to arrays. Current context \
                             is: {}",
                            crate::asl::intrinsic::to_compact_json(other)
                        ),
                    });
                }
            },
            _ => return Err(no_results(path)),
        };
    }
    Ok(node)
}

/// Moves the node a definite path names out of `input`; the caller has checked that it exists
/// (`Null` otherwise).
pub(super) fn take(path: &Path, input: Value) -> Value {
    let mut node = input;
    for seg in &path.segments {
        node = match (seg, node) {
            (Segment::Child(Selector::Name(name)), Value::Object(mut map)) => {
                map.remove(&**name).unwrap_or(Value::Null)
            }
            (Segment::Child(Selector::Index(i)), Value::Array(mut items)) => {
                match wrap(*i, items.len()) {
                    Some(i) if i < items.len() => items.swap_remove(i),
                    _ => Value::Null,
                }
            }
            _ => Value::Null,
        };
    }
    node
}

fn no_results(path: &Path) -> PathError {
    PathError::NotFound { detail: format!("No results for path: {}", path.canonical()) }
}

fn java_class(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "java.lang.Boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "java.lang.Integer",
        Value::Number(_) => "java.lang.Double",
        Value::String(_) => "java.lang.String",
        Value::Array(_) => "net.minidev.json.JSONArray",
        Value::Object(_) => "net.minidev.json.JSONObject",
    }
}

/// An index counted from the end when negative; `None` when out of range.
fn wrap(index: i64, len: usize) -> Option<usize> {
    let len = i64::try_from(len).ok()?;
    let i = if index < 0 { len + index } else { index };
    if (0..len).contains(&i) { usize::try_from(i).ok() } else { None }
}

/// Every node `segments` reaches from `node`, in Jayway's order; missing steps select nothing.
pub(super) fn walk_all<'v>(
    node: &'v Value,
    segments: &[Segment],
    scope: &Scope<'_>,
    out: &mut Vec<&'v Value>,
) {
    let Some((first, rest)) = segments.split_first() else {
        out.push(node);
        return;
    };
    match first {
        Segment::Child(sel) => {
            apply(node, sel, scope, &mut |child| walk_all(child, rest, scope, out));
        }
        Segment::Descendant(sel) => descend(node, sel, rest, scope, out),
    }
}

fn descend<'v>(
    node: &'v Value,
    sel: &Selector,
    rest: &[Segment],
    scope: &Scope<'_>,
    out: &mut Vec<&'v Value>,
) {
    apply(node, sel, scope, &mut |child| walk_all(child, rest, scope, out));
    match node {
        Value::Object(map) => map.values().for_each(|v| descend(v, sel, rest, scope, out)),
        Value::Array(items) => items.iter().for_each(|v| descend(v, sel, rest, scope, out)),
        _ => {}
    }
}

fn apply<'v>(node: &'v Value, sel: &Selector, scope: &Scope<'_>, f: &mut dyn FnMut(&'v Value)) {
    match (sel, node) {
        (Selector::Name(name), Value::Object(map)) => {
            if let Some(v) = map.get(&**name) {
                f(v);
            }
        }
        (Selector::Names(names), Value::Object(map)) => {
            names.iter().filter_map(|n| map.get(&**n)).for_each(f);
        }
        (Selector::Index(i), Value::Array(items)) => {
            if let Some(v) = wrap(*i, items.len()).and_then(|i| items.get(i)) {
                f(v);
            }
        }
        (Selector::Indexes(is), Value::Array(items)) => {
            is.iter().filter_map(|i| wrap(*i, items.len()).and_then(|i| items.get(i))).for_each(f);
        }
        (Selector::Slice(from, to), Value::Array(items)) => {
            let len = i64::try_from(items.len()).unwrap_or(i64::MAX);
            let (from, to) = match (from, to) {
                (Some(from), None) => (if *from < 0 { (len + from).max(0) } else { *from }, len),
                (None, Some(to)) => (0, if *to < 0 { len + to } else { *to }.min(len)),
                // Jayway walks from `from` even when it is negative (reading from the end); below
                // -len nothing is in range, so start there rather than loop through nothing.
                (Some(from), Some(to)) => ((*from).max(-len), (*to).min(len)),
                (None, None) => (0, len),
            };
            let mut i = from;
            while i < to {
                if let Some(v) = wrap(i, items.len()).and_then(|i| items.get(i)) {
                    f(v);
                }
                i += 1;
            }
        }
        (Selector::Wildcard, Value::Object(map)) => map.values().for_each(f),
        (Selector::Wildcard, Value::Array(items)) => items.iter().for_each(f),
        (Selector::Filter(expr), Value::Array(items)) => {
            items.iter().filter(|item| filter::matches(expr, item, scope)).for_each(f);
        }
        (Selector::Filter(expr), Value::Object(_)) if filter::matches(expr, node, scope) => {
            f(node);
        }
        _ => {}
    }
}

fn apply_function(f: Function, v: &Value) -> Result<Value, PathError> {
    let numbers = |v: &Value| -> Result<Vec<f64>, PathError> {
        let items = v.as_array().ok_or_else(|| PathError::Function {
            detail: "Aggregation function attempted to calculate value using empty array".into(),
        })?;
        let nums: Vec<f64> = items.iter().filter_map(Value::as_f64).collect();
        if nums.is_empty() {
            return Err(PathError::Function {
                detail: "Aggregation function attempted to calculate value using empty array"
                    .into(),
            });
        }
        Ok(nums)
    };
    let number = |x: f64| serde_json::Number::from_f64(x).map_or(Value::Null, Value::Number);
    Ok(match f {
        Function::Length => match v {
            Value::Array(a) => Value::from(a.len()),
            Value::Object(o) => Value::from(o.len()),
            Value::String(s) => Value::from(s.chars().count()),
            _ => {
                return Err(PathError::Function {
                    detail: "length() can only be applied to an array, an object or a string"
                        .into(),
                });
            }
        },
        Function::Keys => match v {
            Value::Object(o) => Value::Array(o.keys().cloned().map(Value::String).collect()),
            _ => return Err(PathError::Function { detail: "keys() needs an object".into() }),
        },
        Function::Min => number(numbers(v)?.into_iter().fold(f64::INFINITY, f64::min)),
        Function::Max => number(numbers(v)?.into_iter().fold(f64::NEG_INFINITY, f64::max)),
        Function::Sum => number(numbers(v)?.into_iter().sum()),
        Function::Avg => {
            let n = numbers(v)?;
            #[allow(clippy::cast_precision_loss)]
            let len = n.len() as f64;
            number(n.into_iter().sum::<f64>() / len)
        }
    })
}

fn write_selector(out: &mut String, sel: &Selector) {
    let _ = match sel {
        Selector::Name(n) => write!(out, "['{n}']"),
        Selector::Names(ns) => {
            let names: Vec<String> = ns.iter().map(|n| format!("'{n}'")).collect();
            write!(out, "[{}]", names.join(","))
        }
        Selector::Index(i) => write!(out, "[{i}]"),
        Selector::Indexes(is) => {
            let is: Vec<String> = is.iter().map(ToString::to_string).collect();
            write!(out, "[{}]", is.join(","))
        }
        Selector::Slice(from, to) => {
            let s = |x: &Option<i64>| x.map(|x| x.to_string()).unwrap_or_default();
            write!(out, "[{}:{}]", s(from), s(to))
        }
        Selector::Wildcard => write!(out, "[*]"),
        Selector::Filter(_) => write!(out, "[?]"),
    };
}

fn canonical_prefix(path: &Path, n: usize) -> String {
    let mut out = String::from("$");
    for seg in path.segments.iter().take(n) {
        match seg {
            Segment::Child(sel) => write_selector(&mut out, sel),
            Segment::Descendant(sel) => {
                out.push_str("..");
                write_selector(&mut out, sel);
            }
        }
    }
    out
}

pub(super) fn canonical(path: &Path) -> String {
    let mut out = canonical_prefix(path, path.segments.len());
    if let Some(f) = path.function {
        let name = match f {
            Function::Length => "length",
            Function::Min => "min",
            Function::Max => "max",
            Function::Avg => "avg",
            Function::Sum => "sum",
            Function::Keys => "keys",
        };
        let _ = write!(out, ".{name}()");
    }
    out
}
