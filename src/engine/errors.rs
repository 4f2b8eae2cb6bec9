//! Runtime failures with AWS's error names and cause texts.
//!
//! A [`Failure`] is what a state raises: an error name and a cause, either of which AWS may leave
//! out (a `Fail` state without `Error` fails the execution with neither). The constructors here
//! are the only place the engine spells AWS's wording, so every message stays consistent.

use serde_json::Value;

/// An error raised while running a state: matched by `Retry`/`Catch`, or ends the execution.
#[derive(Debug, Clone, PartialEq)]
pub struct Failure {
    /// The error name (`States.Runtime`, `States.TaskFailed`, a custom name...), absent when the
    /// state gave none.
    pub error: Option<String>,
    /// The human-readable cause, absent when the state gave none.
    pub cause: Option<String>,
}

/// Error names the engine raises itself.
pub mod names {
    pub const ALL: &str = "States.ALL";
    pub const RUNTIME: &str = "States.Runtime";
    pub const TIMEOUT: &str = "States.Timeout";
    pub const TASK_FAILED: &str = "States.TaskFailed";
    pub const HEARTBEAT_TIMEOUT: &str = "States.HeartbeatTimeout";
    pub const DATA_LIMIT: &str = "States.DataLimitExceeded";
    pub const NO_CHOICE: &str = "States.NoChoiceMatched";
    pub const INTRINSIC: &str = "States.IntrinsicFailure";
    pub const RESULT_PATH: &str = "States.ResultPathMatchFailure";
    pub const PARAMETER_PATH: &str = "States.ParameterPathFailure";
    pub const TOLERATED: &str = "States.ExceedToleratedFailureThreshold";
    pub const ITEM_READER: &str = "States.ItemReaderFailed";
    pub const RESULT_WRITER: &str = "States.ResultWriterFailed";
    pub const BRANCH_FAILED: &str = "States.BranchFailed";
    pub const QUERY_EVALUATION: &str = "States.QueryEvaluationError";
}

impl Failure {
    /// A failure with both an error name and a cause.
    pub fn new(error: impl Into<String>, cause: impl Into<String>) -> Self {
        Failure { error: Some(error.into()), cause: Some(cause.into()) }
    }

    /// A failure with an error name and no cause.
    pub fn bare(error: impl Into<String>) -> Self {
        Failure { error: Some(error.into()), cause: None }
    }

    /// `States.Runtime` with a detail; [`Failure::in_state`] adds the state prefix.
    pub fn runtime(detail: impl Into<String>) -> Self {
        Failure::new(names::RUNTIME, detail)
    }

    /// The error name, or the empty string when there is none (for matching).
    pub fn error_name(&self) -> &str {
        self.error.as_deref().unwrap_or("")
    }

    /// Whether this is a terminal error that no `Retry`/`Catch` may handle (States.ALL included).
    pub fn is_terminal(&self) -> bool {
        self.error_name() == names::RUNTIME
    }

    /// Prefixes a `States.Runtime` or `States.QueryEvaluationError` cause (once) with AWS's "An error occurred while executing the state
    /// 'NAME' (entered at the event id #N)." sentence. Other errors are returned unchanged.
    pub fn in_state(mut self, state: &str, entered_event: u64) -> Self {
        const PREFIX: &str = "An error occurred while executing the state '";
        let prefixed = self.cause.as_deref().is_some_and(|c| c.starts_with(PREFIX));
        if matches!(self.error_name(), names::RUNTIME | names::QUERY_EVALUATION) && !prefixed {
            let detail = self.cause.take().unwrap_or_default();
            self.cause = Some(format!(
                "An error occurred while executing the state '{state}' (entered at the event id #{entered_event}). {detail}"
            ));
        }
        self
    }

    /// The `{"Error", "Cause"}` object a `Catch` passes on (keys left out when absent).
    pub fn to_catch_output(&self) -> Value {
        let mut map = serde_json::Map::new();
        if let Some(e) = &self.error {
            map.insert("Error".into(), Value::String(e.clone()));
        }
        if let Some(c) = &self.cause {
            map.insert("Cause".into(), Value::String(c.clone()));
        }
        Value::Object(map)
    }

    /// Whether an `ErrorEquals` list matches this failure, with AWS's wildcard rules:
    /// `States.ALL` matches every non-terminal error and `States.TaskFailed` every error but
    /// `States.Timeout` (for Task states).
    pub fn matches(&self, error_equals: &[String]) -> bool {
        let name = self.error_name();
        error_equals.iter().any(|e| {
            e == name
                || (e == names::ALL && !self.is_terminal())
                || (e == names::TASK_FAILED && !self.is_terminal() && name != names::TIMEOUT)
        })
    }
}

/// AWS's text for a result over the payload quota.
pub fn data_limit(state_or_resource: &str) -> Failure {
    Failure::new(
        names::DATA_LIMIT,
        format!(
            "The state/task '{state_or_resource}' returned a result with a size exceeding the maximum number of bytes service limit."
        ),
    )
}

/// A JSON value as AWS quotes it inside causes: compact JSON text.
pub fn json_text(v: &Value) -> String {
    serde_json::to_string(v).unwrap_or_default()
}
