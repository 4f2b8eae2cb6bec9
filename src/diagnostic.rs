//! One problem found in a definition, as every front end shows it.
//!
//! A diagnostic carries a stable `code` the UI switches on (AWS's own code where AWS has one),
//! a severity, the RFC 6901 pointer of the node it is about (or `None` for the whole file), and
//! a message written for someone who does not read JSON every day.

use serde::{Deserialize, Serialize};

/// How bad a problem is: errors make AWS reject the definition, warnings are likely mistakes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// Stable diagnostic codes. The first group are AWS's own (`ValidateStateMachineDefinition`);
/// the others are ours, for problems AWS reports only as a generic schema failure or not at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Code {
    // AWS's codes.
    SchemaValidationFailed,
    MissingTransitionTarget,
    MissingEndState,
    InvalidJsonDescription,
    InvalidJsonataExpression,
    UnsupportedJsonataExpression,
    // Ours.
    /// The text is not JSON (or not readable at all).
    InvalidJson,
    /// The same key twice in one object.
    DuplicateKey,
    /// A state nothing transitions to.
    UnreachableState,
    /// A field that does not belong on this state (or on this query language).
    FieldNotAllowed,
    /// A field with a value of the wrong type or out of range.
    InvalidFieldValue,
    /// A required field is missing.
    MissingField,
    /// A JSONPath or reference path that does not parse or is not allowed here.
    InvalidPath,
    /// An intrinsic function call that does not parse or has the wrong arguments.
    InvalidIntrinsic,
    /// A Task resource that is not a known ARN or service integration.
    InvalidResource,
    /// A construct that only a STANDARD state machine may use.
    ExpressNotSupported,
    /// A likely mistake that AWS accepts.
    Lint,
}

/// One problem, located by JSON pointer into the definition.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub code: Code,
    pub severity: Severity,
    /// RFC 6901 pointer (`""` is the root, `/States/a~1b` is state `a/b`); `None` = no location.
    pub pointer: Option<String>,
    pub message: String,
    /// What to do about it, when there is something useful to say.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub hint: Option<String>,
    /// Where inside the string value at `pointer` the problem is: a byte offset into the string
    /// as decoded (a JSONata syntax error's place in its `{% %}` string), when known.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub offset: Option<usize>,
}

impl Diagnostic {
    pub fn error(
        code: Code,
        pointer: impl Into<Option<String>>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            code,
            severity: Severity::Error,
            pointer: pointer.into(),
            message: message.into(),
            hint: None,
            offset: None,
        }
    }

    pub fn warning(
        code: Code,
        pointer: impl Into<Option<String>>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic { severity: Severity::Warning, ..Diagnostic::error(code, pointer, message) }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}
