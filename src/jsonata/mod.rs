//! JSONata for Step Functions: the one seam between Statewright and a JSONata implementation.
//!
//! Why a seam: AWS runs JSONata 2.x with additions of its own (`$partition`, `$range`, `$hash`,
//! `$random`, `$uuid`, `$parse`, a disabled `$eval`) and with its own rules about what an
//! expression may return (never undefined, never a function). Everything that knows about the
//! chosen crate, `jsonata-core`, lives under this module; the validator and the engine only see
//! [`parse`], [`evaluate`], [`Expr`], [`JsonataError`] and [`QueryError`].
//!
//! The crate was chosen by measurement (see the commit that introduced this module): on the
//! jsonata-js test suite it passes 1569 of 1577 cases without a panic, where the next best
//! candidate passes 1251.
//!
//! Guarantees: no function here panics on any input string or JSON value; parse errors carry a
//! byte offset into the expression; evaluation is bounded in time and depth and is deterministic
//! for a given [`Scope::entropy`].

mod convert;
mod error;
mod functions;
mod position;
mod template;
#[cfg(test)]
mod tests;

pub use error::{JsonataError, QueryError, type_name};
pub use functions::SplitMix64;
pub use template::{Template, find_templates, template_body};

use jsonata_core::ast::AstNode;
use jsonata_core::evaluator::{Context, Evaluator, EvaluatorOptions};
use jsonata_core::value::JValue;
use serde_json::{Map, Value};

/// A parsed JSONata expression (the text between `{%` and `%}`), ready to evaluate many times.
#[derive(Debug, Clone)]
pub struct Expr {
    source: String,
    ast: AstNode,
}

impl Expr {
    /// The expression text without surrounding blanks, as AWS quotes it in its error causes.
    pub fn source(&self) -> &str {
        &self.source
    }
}

/// Parses one JSONata expression. The error's position is a byte offset into `source`.
pub fn parse(source: &str) -> Result<Expr, JsonataError> {
    match jsonata_core::parser::parse(source) {
        Ok(ast) => Ok(Expr { source: source.trim().to_owned(), ast }),
        Err(err) => Err(JsonataError {
            message: error::parse_message(&err),
            position: position::error_position(source),
        }),
    }
}

/// The `$states` reserved variable of a state, as AWS binds it.
#[derive(Debug, Clone, Default)]
pub struct States {
    /// `$states.input`: the state's raw input.
    pub input: Value,
    /// `$states.context`: the context object (`$$` in JSONPath).
    pub context: Value,
    /// `$states.result`: the Task/Map/Parallel result, in `Output` and `Assign` after it.
    pub result: Option<Value>,
    /// `$states.errorOutput`: the error a `Catch` caught, in that catcher's `Output`/`Assign`.
    pub error_output: Option<Value>,
}

/// Everything an expression can see: `$states`, the workflow variables in scope, the entropy
/// that `$random()` and `$uuid()` draw from (pass a fresh value per evaluation for real
/// randomness, a fixed one for reproducible runs) and the clock of `$now()`/`$millis()`.
#[derive(Debug, Clone, Copy)]
pub struct Scope<'a> {
    pub states: &'a States,
    pub variables: &'a Map<String, Value>,
    pub entropy: u64,
    /// The time `$now()` and `$millis()` answer, in epoch milliseconds; `None` reads the
    /// system clock (JSONata's own behaviour).
    pub now_millis: Option<i64>,
}

/// Longest an expression may run before AWS-style refusal (AWS's library default).
const TIME_LIMIT_MS: u64 = 5_000;

/// Evaluates `expr` in `scope`. An undefined result or a function is an error, as on AWS; a
/// JSON `null` is a value.
pub fn evaluate(expr: &Expr, scope: &Scope<'_>) -> Result<Value, QueryError> {
    let result = evaluate_raw(expr, scope)?;
    convert::to_json(&result)
}

/// Evaluates `expr` and keeps JSONata's own value, so callers can tell undefined apart.
fn evaluate_raw(expr: &Expr, scope: &Scope<'_>) -> Result<JValue, QueryError> {
    let mut context = Context::new();
    for (name, value) in scope.variables {
        context.bind(name.clone(), convert::from_json(value));
    }
    context.bind("states".to_owned(), convert::states_value(scope.states));
    let options = EvaluatorOptions { timeout_ms: Some(TIME_LIMIT_MS), ..Default::default() };
    let mut evaluator = Evaluator::with_options(context, options);
    functions::register(&mut evaluator, scope.entropy, scope.now_millis);
    // JSONata expressions in a state machine have no context item: the input is `$states.input`.
    evaluator
        .evaluate(&expr.ast, &JValue::Undefined)
        .map_err(|err| QueryError::Evaluation { message: err.message().to_owned() })
}
