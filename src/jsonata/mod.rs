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
//! Guarantees: no function here panics on any input string or JSON value (the crate's own
//! rare panics are caught and reported as errors); parse errors carry a
//! byte offset into the expression; evaluation is bounded in time and depth and is deterministic
//! for a given [`Scope::entropy`].

mod convert;
mod error;
mod functions;
mod position;
mod reach;
mod template;
#[cfg(test)]
mod tests;

pub use error::{JsonataError, QueryError, type_name};
pub use functions::SplitMix64;
pub use template::{Template, find_templates, template_body};

use crate::asl::scope::Variables;
use jsonata_core::ast::AstNode;
use jsonata_core::evaluator::{Context, Evaluator, EvaluatorOptions};
use jsonata_core::value::JValue;
use reach::Reach;
use serde_json::Value;

/// A parsed JSONata expression (the text between `{%` and `%}`), ready to evaluate many times.
#[derive(Debug, Clone)]
pub struct Expr {
    source: String,
    ast: AstNode,
    /// The variables and `$states` members the text can read (only those are converted).
    reach: Reach,
}

impl Expr {
    /// Whether the expression can read the `$states` member `member` (`input`, `context`,
    /// `result`, `errorOutput`): over-inclusive, never wrong when it says no.
    pub fn may_read_states(&self, member: &str) -> bool {
        self.reach.states.as_ref().is_none_or(|members| members.contains_key(member))
    }

    /// The expression text without surrounding blanks, as AWS quotes it in its error causes.
    pub fn source(&self) -> &str {
        &self.source
    }
}

/// Parses one JSONata expression. The error's position is a byte offset into `source`.
pub fn parse(source: &str) -> Result<Expr, JsonataError> {
    match parse_guarded(source) {
        Ok(ast) => Ok(Expr { source: source.trim().to_owned(), ast, reach: Reach::of(source) }),
        Err(err) => Err(JsonataError {
            message: error::parse_message(&err),
            position: position::error_position(source),
        }),
    }
}

/// The crate's parser, with a panic (none known) turned into a parse error.
fn parse_guarded(source: &str) -> Result<AstNode, jsonata_core::parser::ParserError> {
    std::panic::catch_unwind(|| jsonata_core::parser::parse(source)).unwrap_or_else(|_| {
        Err(jsonata_core::parser::ParserError::InvalidSyntax(
            "The JSONata parser failed on this expression (an internal error).".to_owned(),
        ))
    })
}

/// The `$states` reserved variable of a state, as AWS binds it (borrowed: building one per
/// evaluation costs nothing).
#[derive(Debug, Clone, Copy)]
pub struct States<'a> {
    /// `$states.input`: the state's raw input.
    pub input: &'a Value,
    /// `$states.context`: the context object (`$$` in JSONPath).
    pub context: &'a Value,
    /// `$states.result`: the Task/Map/Parallel result, in `Output` and `Assign` after it.
    pub result: Option<&'a Value>,
    /// `$states.errorOutput`: the error a `Catch` caught, in that catcher's `Output`/`Assign`.
    pub error_output: Option<&'a Value>,
}

impl<'a> States<'a> {
    /// `$states` with an input and a context object, and no result or error output.
    pub fn new(input: &'a Value, context: &'a Value) -> Self {
        States { input, context, result: None, error_output: None }
    }
}

/// Everything an expression can see: `$states`, the workflow variables in scope, the entropy
/// that `$random()` and `$uuid()` draw from (pass a fresh value per evaluation for real
/// randomness, a fixed one for reproducible runs) and the clock of `$now()`/`$millis()`.
#[derive(Clone, Copy)]
pub struct Scope<'a> {
    pub states: &'a States<'a>,
    pub variables: &'a dyn Variables,
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
    for name in &expr.reach.variables {
        if let Some(value) = scope.variables.get(name) {
            context.bind(name.clone(), convert::from_json(value));
        }
    }
    context.bind("states".to_owned(), convert::states_value(scope.states, &expr.reach));
    let options = EvaluatorOptions { timeout_ms: Some(TIME_LIMIT_MS), ..Default::default() };
    let mut evaluator = Evaluator::with_options(context, options);
    functions::register(&mut evaluator, scope.entropy, scope.now_millis);
    // JSONata expressions in a state machine have no context item: the input is `$states.input`.
    // Last resort: jsonata-core 2.2.13 panics on a few inputs (an `unwrap` in `$parseInteger`'s
    // picture handling, found by fuzzing); the evaluator is dropped with the panic, so nothing
    // half-updated is observed afterwards.
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        evaluator.evaluate(&expr.ast, &JValue::Undefined)
    }));
    match outcome {
        Ok(result) => {
            result.map_err(|err| QueryError::Evaluation { message: err.message().to_owned() })
        }
        Err(_) => Err(QueryError::Evaluation {
            message: "The JSONata evaluator failed on this expression (an internal error)."
                .to_owned(),
        }),
    }
}
