//! Payload templates: `Parameters`, `ResultSelector`, `ItemSelector` and JSONPath-mode `Assign`.
//! A key ending in `.$` takes the value of a path (`$.x`, `$$.x`, `$var.x`) or an intrinsic call
//! and loses its `.$`; every other value is copied as written, recursing into objects and arrays.
//!
//! [`Template::compile`] parses every expression once; subtrees without `.$` keys are kept as
//! ready values. [`Template::eval`] builds the output in one pass and clones only what it must.
//! Errors name the field (`value.$`) and path so the engine can give AWS's cause texts.

use std::fmt;

use serde_json::{Map, Value};

use crate::asl::intrinsic::{Intrinsic, IntrinsicError, looks_like_call};
use crate::asl::path::{Path, PathError, Selection, SyntaxError, cause_not_found_in_input};
use crate::asl::scope::{RandomSource, Scope};

/// The value of a `.$` field: a path or an intrinsic function call.
#[derive(Debug, Clone, PartialEq)]
pub enum Expression {
    Path(Path),
    Call(Intrinsic),
}

impl Expression {
    /// A path if the text starts with `$`, an intrinsic call if it starts with `States.`.
    pub fn parse(text: &str) -> Result<Expression, SyntaxError> {
        Expression::parse_with(text, false)
    }

    /// [`Expression::parse`] with [`Intrinsic::parse_checked`] for calls (for validators).
    pub fn parse_checked(text: &str) -> Result<Expression, SyntaxError> {
        Expression::parse_with(text, true)
    }

    fn parse_with(text: &str, checked: bool) -> Result<Expression, SyntaxError> {
        if looks_like_call(text) {
            let call =
                if checked { Intrinsic::parse_checked(text) } else { Intrinsic::parse(text) };
            call.map(Expression::Call)
        } else if text.trim_start().starts_with('$') {
            Path::parse(text).map(Expression::Path)
        } else {
            Err(SyntaxError {
                message: "expected a JSONPath ('$...') or an intrinsic function ('States.…')"
                    .into(),
                offset: 0,
            })
        }
    }

    pub fn eval(&self, scope: &Scope<'_>, rng: &mut dyn RandomSource) -> Result<Value, ExprError> {
        match self {
            Expression::Path(p) => p
                .eval(scope)
                .map_err(|error| ExprError::Path { path: p.as_str().to_owned(), error }),
            Expression::Call(c) => c.eval(scope, rng).map_err(ExprError::Intrinsic),
        }
    }

    /// The path, when the expression is one (`None` for intrinsic calls).
    pub fn path(&self) -> Option<&Path> {
        match self {
            Expression::Path(p) => Some(p),
            Expression::Call(_) => None,
        }
    }
}

/// Why an expression failed at run time.
#[derive(Debug, Clone, PartialEq)]
pub enum ExprError {
    Path { path: String, error: PathError },
    Intrinsic(IntrinsicError),
}

impl ExprError {
    /// AWS's cause for this failure in field `field` (such as `value.$`), where `input` is the
    /// state input the template saw.
    pub fn cause(&self, field: &str, input: &Value) -> String {
        match self {
            ExprError::Path { path, .. } => cause_not_found_in_input(path, field, input),
            ExprError::Intrinsic(e) => e.cause(field, input),
        }
    }
}

impl fmt::Display for ExprError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExprError::Path { path, error } => write!(f, "{path}: {error}"),
            ExprError::Intrinsic(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for ExprError {}

#[derive(Debug, Clone, PartialEq)]
enum Node {
    /// A subtree with no `.$` key: copied as is.
    Literal(Value),
    Object(Vec<(Box<str>, Node)>),
    Array(Vec<Node>),
    /// A `.$` field: its full key (with `.$`) and expression.
    Dynamic {
        key: Box<str>,
        expr: Expression,
    },
}

/// A compiled payload template.
#[derive(Debug, Clone, PartialEq)]
pub struct Template {
    root: Node,
}

/// A template that does not compile: where (JSON pointer below the template) and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateError {
    /// RFC 6901 pointer to the offending field, relative to the template (`/a/b.$`).
    pub pointer: String,
    pub message: String,
    /// Byte offset in the field's value text, for expression syntax errors.
    pub offset: Option<usize>,
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.pointer, self.message)
    }
}

impl std::error::Error for TemplateError {}

/// A template that failed at run time: the `.$` field and the error.
#[derive(Debug, Clone, PartialEq)]
pub struct TemplateEvalError {
    /// The field's key as written, `.$` included (`value.$`).
    pub field: String,
    pub error: ExprError,
}

impl TemplateEvalError {
    /// AWS's cause text (the engine adds the `An error occurred while executing the state ...`
    /// prefix). `input` is the state input the template was evaluated against.
    pub fn cause(&self, input: &Value) -> String {
        self.error.cause(&self.field, input)
    }
}

impl fmt::Display for TemplateEvalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "field '{}': {}", self.field, self.error)
    }
}

impl std::error::Error for TemplateEvalError {}

impl Template {
    /// Compiles a template value (the JSON of `Parameters`, `ResultSelector`, ...).
    pub fn compile(value: &Value) -> Result<Template, TemplateError> {
        let mut pointer = String::new();
        compile(value, &mut pointer, false).map(|root| Template { root })
    }

    /// [`Template::compile`] with [`Intrinsic::parse_checked`] for calls (for validators).
    pub fn compile_checked(value: &Value) -> Result<Template, TemplateError> {
        let mut pointer = String::new();
        compile(value, &mut pointer, true).map(|root| Template { root })
    }

    /// True when the template has no `.$` field (its output never depends on the input).
    pub fn is_constant(&self) -> bool {
        matches!(self.root, Node::Literal(_))
    }

    /// Every `.$` field with its expression, in document order: the key as written (`value.$`)
    /// and the path or call (for checks such as "this variable is never assigned").
    pub fn expressions(&self) -> Vec<(&str, &Expression)> {
        fn walk<'a>(node: &'a Node, out: &mut Vec<(&'a str, &'a Expression)>) {
            match node {
                Node::Literal(_) => {}
                Node::Object(fields) => fields.iter().for_each(|(_, n)| walk(n, out)),
                Node::Array(items) => items.iter().for_each(|n| walk(n, out)),
                Node::Dynamic { key, expr } => out.push((key, expr)),
            }
        }
        let mut out = Vec::new();
        walk(&self.root, &mut out);
        out
    }

    /// Builds the payload.
    pub fn eval(
        &self,
        scope: &Scope<'_>,
        rng: &mut dyn RandomSource,
    ) -> Result<Value, TemplateEvalError> {
        eval(&self.root, scope, rng)
    }

    /// Builds an object template as its fields, for JSONPath `Assign`: every value is computed
    /// from the same scope, so the caller assigns them all only afterwards (AWS evaluates all of
    /// `Assign` before any variable changes). A template that is not an object gives no fields.
    pub fn eval_fields(
        &self,
        scope: &Scope<'_>,
        rng: &mut dyn RandomSource,
    ) -> Result<Map<String, Value>, TemplateEvalError> {
        match self.eval(scope, rng)? {
            Value::Object(map) => Ok(map),
            _ => Ok(Map::new()),
        }
    }
}

fn has_dynamic(value: &Value) -> bool {
    match value {
        Value::Object(map) => map.iter().any(|(k, v)| k.ends_with(".$") || has_dynamic(v)),
        Value::Array(items) => items.iter().any(has_dynamic),
        _ => false,
    }
}

fn compile(value: &Value, pointer: &mut String, checked: bool) -> Result<Node, TemplateError> {
    if !has_dynamic(value) {
        return Ok(Node::Literal(value.clone()));
    }
    match value {
        Value::Object(map) => {
            let mut fields = Vec::with_capacity(map.len());
            for (key, v) in map {
                let len = pointer.len();
                pointer.push('/');
                pointer.push_str(&crate::asl::pointer::escape(key));
                let node = if let Some(name) = key.strip_suffix(".$") {
                    let Value::String(text) = v else {
                        return Err(TemplateError {
                            pointer: pointer.clone(),
                            message: format!(
                                "the value of '{key}' must be a string holding a JSONPath or an \
                                 intrinsic function"
                            ),
                            offset: None,
                        });
                    };
                    let expr =
                        Expression::parse_with(text, checked).map_err(|e| TemplateError {
                            pointer: pointer.clone(),
                            message: e.message,
                            offset: Some(e.offset),
                        })?;
                    fields.push((name.into(), Node::Dynamic { key: key.as_str().into(), expr }));
                    pointer.truncate(len);
                    continue;
                } else {
                    compile(v, pointer, checked)?
                };
                pointer.truncate(len);
                fields.push((key.as_str().into(), node));
            }
            Ok(Node::Object(fields))
        }
        Value::Array(items) => {
            let mut nodes = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                let len = pointer.len();
                pointer.push('/');
                pointer.push_str(&i.to_string());
                nodes.push(compile(item, pointer, checked)?);
                pointer.truncate(len);
            }
            Ok(Node::Array(nodes))
        }
        other => Ok(Node::Literal(other.clone())),
    }
}

fn eval(
    node: &Node,
    scope: &Scope<'_>,
    rng: &mut dyn RandomSource,
) -> Result<Value, TemplateEvalError> {
    Ok(match node {
        Node::Literal(v) => v.clone(),
        Node::Object(fields) => {
            let mut map = Map::with_capacity(fields.len());
            for (name, node) in fields {
                map.insert(name.to_string(), eval(node, scope, rng)?);
            }
            Value::Object(map)
        }
        Node::Array(items) => {
            Value::Array(items.iter().map(|n| eval(n, scope, rng)).collect::<Result<_, _>>()?)
        }
        Node::Dynamic { key, expr } => {
            let result = match expr {
                Expression::Path(p) => p
                    .select(scope)
                    .map(Selection::into_value)
                    .map_err(|error| ExprError::Path { path: p.as_str().to_owned(), error }),
                Expression::Call(c) => c.eval(scope, rng).map_err(ExprError::Intrinsic),
            };
            result.map_err(|error| TemplateEvalError { field: key.to_string(), error })?
        }
    })
}
