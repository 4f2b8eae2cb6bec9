//! `ResultPath`: placing a state's result inside its input.

use std::fmt;

use serde_json::{Map, Value};

use super::{Path, Root, Segment, Selector};

/// Why a result could not be placed (AWS: `States.ResultPathMatchFailure`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResultPathError {
    /// The path does not start at `$` or uses more than names and indexes.
    NotAReferencePath,
    /// A step of the path runs into a value that is not an object (or not an array, for an index
    /// step), or an index is out of range.
    Unreachable,
}

impl fmt::Display for ResultPathError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ResultPathError::NotAReferencePath => {
                f.write_str("ResultPath must be a reference path")
            }
            ResultPathError::Unreachable => f.write_str("ResultPath does not match the input"),
        }
    }
}

impl std::error::Error for ResultPathError {}

impl ResultPathError {
    /// AWS's cause text for `States.ResultPathMatchFailure`, as reported by AWS users:
    /// `Unable to apply ReferencePath $.x to input "text"` (the input in compact JSON).
    pub fn cause(path: &Path, input: &Value) -> String {
        format!(
            "Unable to apply ReferencePath {} to input {}",
            path.as_str(),
            crate::asl::intrinsic::to_compact_json(input)
        )
    }
}

/// Puts `result` into `input` at `path` (ResultPath semantics): `$` replaces the input, a missing
/// object on the way is created, an existing field is replaced. A `null` ResultPath (discard the
/// result) is the caller's business: it keeps `input` as is. Works in place, without copying the
/// input.
pub fn apply_result_path(
    input: Value,
    path: &Path,
    result: Value,
) -> Result<Value, ResultPathError> {
    if path.root != Root::Input || !path.is_definite() {
        return Err(ResultPathError::NotAReferencePath);
    }
    let Some((last, init)) = path.segments.split_last() else {
        return Ok(result);
    };
    let mut input = input;
    let mut node = &mut input;
    for seg in init {
        node = match seg {
            Segment::Child(Selector::Name(name)) => match node {
                Value::Object(map) => {
                    map.entry(name.to_string()).or_insert_with(|| Value::Object(Map::new()))
                }
                _ => return Err(ResultPathError::Unreachable),
            },
            Segment::Child(Selector::Index(i)) => index_mut(node, *i)?,
            _ => return Err(ResultPathError::NotAReferencePath),
        };
    }
    match last {
        Segment::Child(Selector::Name(name)) => match node {
            Value::Object(map) => {
                map.insert(name.to_string(), result);
            }
            _ => return Err(ResultPathError::Unreachable),
        },
        Segment::Child(Selector::Index(i)) => *index_mut(node, *i)? = result,
        _ => return Err(ResultPathError::NotAReferencePath),
    }
    Ok(input)
}

fn index_mut(node: &mut Value, index: i64) -> Result<&mut Value, ResultPathError> {
    let Value::Array(items) = node else {
        return Err(ResultPathError::Unreachable);
    };
    let len = i64::try_from(items.len()).map_err(|_| ResultPathError::Unreachable)?;
    let i = if index < 0 { len + index } else { index };
    usize::try_from(i).ok().and_then(|i| items.get_mut(i)).ok_or(ResultPathError::Unreachable)
}
