//! The two failures of the seam: a parse error (for the validator's
//! `INVALID_JSONATA_EXPRESSION`) and a query error (AWS's `States.QueryEvaluationError`), with
//! AWS's cause texts built in one place.

use serde_json::Value;
use thiserror::Error;

/// An expression that does not parse: the parser's message and the byte offset in the
/// expression where the problem was found.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{message} (at offset {position})")]
pub struct JsonataError {
    pub message: String,
    pub position: usize,
}

/// Why a JSONata expression could not give a field its value at run time. The engine reports
/// every variant as `States.QueryEvaluationError`, with [`QueryError::cause`] as the cause.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum QueryError {
    /// The expression returned nothing (undefined).
    #[error("returned nothing (undefined)")]
    Undefined,
    /// The expression returned a function, which is not a JSON value.
    #[error("returned an unsupported result type")]
    UnsupportedType,
    /// The expression returned a JSON value of the wrong type for its field (`Items` needs an
    /// array, `Condition` a boolean, `Seconds` an integer, ...).
    #[error("expected {expected}, got {value}")]
    UnexpectedType { expected: &'static str, value: Value },
    /// JSONata itself raised an error (type error, bad argument, time limit, ...).
    #[error("{message}")]
    Evaluation { message: String },
}

/// The JSONata type name AWS uses in its causes: `null`, `boolean`, `number`, `string`,
/// `array`, `object`.
pub fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

impl QueryError {
    /// AWS's cause text for this error in `field` (`Output`, `Assign/x`, `Items`, ...), without
    /// the `An error occurred while executing the state ...` prefix that the engine adds.
    pub fn cause(&self, expression: &str, field: &str) -> String {
        let head =
            format!("The JSONata expression '{expression}' specified for the field '{field}'");
        match self {
            QueryError::Undefined => format!("{head} returned nothing (undefined)."),
            QueryError::UnsupportedType => format!("{head} returned an unsupported result type."),
            QueryError::UnexpectedType { expected, value } => format!(
                "{head} returned an unexpected result type. Expected '{expected}', but was '{}' for value: {}",
                type_name(value),
                serde_json::to_string(value).unwrap_or_default()
            ),
            QueryError::Evaluation { message } => {
                format!("{head} threw an error during evaluation. {message}")
            }
        }
    }
}

/// The parser's message, with the crate's variant prefix ("Invalid syntax: ") removed when the
/// message carries a JSONata error code of its own.
pub(super) fn parse_message(err: &jsonata_core::parser::ParserError) -> String {
    let text = err.to_string();
    for prefix in ["Invalid syntax: ", "Invalid number: "] {
        if let Some(rest) = text.strip_prefix(prefix)
            && jsonata_core::evaluator::error_code_prefix(rest).is_some()
        {
            return rest.to_owned();
        }
    }
    text
}
