//! JSONPath as AWS Step Functions uses it (JSONPath query language): Jayway semantics, compiled
//! once, evaluated many times.
//!
//! Why our own code: AWS evaluates paths with Jayway JsonPath (Java), whose result shapes differ
//! from RFC 9535 (what the Rust crates implement): a *definite* path (only `.name`, `['name']` and
//! `[n]` steps) yields one value and fails when nothing matches, while an *indefinite* path
//! (wildcards, slices, unions, `..`, filters) always yields an array, empty when nothing matches;
//! quoted names keep their backslashes; the error texts quote Jayway's canonical form
//! (`$['a']['b']`). AWS also adds `$$` (context object) and `$name` (variables) roots.
//!
//! Guarantees: [`Path::parse`] never panics and reports a [`SyntaxError`] with a byte offset;
//! [`Path::select`] borrows from the [`Scope`] and clones nothing for definite paths.
//!
//! ```
//! use statewright::asl::path::Path;
//! use statewright::asl::scope::Scope;
//! let input = serde_json::json!({"a": [1, 2, 3]});
//! let p = Path::parse("$.a[1:]").unwrap();
//! assert_eq!(p.eval(&Scope::input(&input)).unwrap(), serde_json::json!([2, 3]));
//! ```

mod eval;
mod filter;
mod parse;
mod result;

use std::fmt;

use serde_json::Value;

use crate::asl::scope::Scope;

pub use eval::Selection;
pub use result::{ResultPathError, apply_result_path};

/// A path that does not parse, with the byte offset in the path text where the problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub message: String,
    pub offset: usize,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (at offset {})", self.message, self.offset)
    }
}

impl std::error::Error for SyntaxError {}

/// What a path starts from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Root {
    /// `$`: the effective input of the current step.
    Input,
    /// `$$`: the context object.
    Context,
    /// `$name`: a workflow variable.
    Variable(Box<str>),
}

/// One step's selector, after `.` / `..` or inside `[...]`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Selector {
    Name(Box<str>),
    Names(Vec<Box<str>>),
    Index(i64),
    Indexes(Vec<i64>),
    /// `[from:to]` (Jayway has no step).
    Slice(Option<i64>, Option<i64>),
    Wildcard,
    Filter(Box<filter::Expr>),
}

/// A Jayway path function applied to what the path selected (`$.a.length()`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Function {
    Length,
    Min,
    Max,
    Avg,
    Sum,
    Keys,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Segment {
    Child(Selector),
    Descendant(Selector),
}

/// A compiled JSONPath: parse once with [`Path::parse`], evaluate with [`Path::eval`] or
/// [`Path::select`].
#[derive(Debug, Clone, PartialEq)]
pub struct Path {
    source: Box<str>,
    root: Root,
    segments: Vec<Segment>,
    function: Option<Function>,
    definite: bool,
}

/// Why a path selected nothing usable.
#[derive(Debug, Clone, PartialEq)]
pub enum PathError {
    /// A definite path matched nothing. `detail` is Jayway's message, such as
    /// `No results for path: $['a']` or `Missing property in path $['a']`.
    NotFound { detail: String },
    /// `$name` names no variable in scope.
    VariableNotFound { name: String },
    /// A path function could not be applied (`length()` of a number, ...).
    Function { detail: String },
}

impl fmt::Display for PathError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PathError::NotFound { detail } | PathError::Function { detail } => f.write_str(detail),
            PathError::VariableNotFound { name } => write!(f, "Variable ${name} not found"),
        }
    }
}

impl std::error::Error for PathError {}

impl Path {
    /// Compiles a path: `$...`, `$$...` or `$name...`.
    pub fn parse(source: &str) -> Result<Path, SyntaxError> {
        parse::parse(source)
    }

    /// Compiles a *reference path* (ResultPath, Choice `Variable`, `*Path` fields): a path that
    /// names at most one node, so no wildcard, slice, union, `..`, filter or function.
    pub fn parse_reference(source: &str) -> Result<Path, SyntaxError> {
        let path = parse::parse(source)?;
        if path.definite && path.function.is_none() {
            Ok(path)
        } else {
            Err(SyntaxError {
                message: "a reference path must point to a single node: no wildcard, slice, \
                          union, '..', filter or function"
                    .into(),
                offset: parse::first_indefinite_offset(source),
            })
        }
    }

    /// The text the path was compiled from.
    pub fn as_str(&self) -> &str {
        &self.source
    }

    pub fn root(&self) -> &Root {
        &self.root
    }

    /// True when the path names at most one node (and so yields a value, not an array).
    pub fn is_definite(&self) -> bool {
        self.definite && self.function.is_none()
    }

    /// True for `$` alone (or `$$`, `$name` alone).
    pub fn is_root(&self) -> bool {
        self.segments.is_empty() && self.function.is_none()
    }

    /// Jayway's canonical spelling (`$['a'][0][*]`), as AWS quotes it in error causes.
    pub fn canonical(&self) -> String {
        eval::canonical(self)
    }

    /// What the path selects, borrowing from the scope where it can.
    pub fn select<'v>(&self, scope: &Scope<'v>) -> Result<Selection<'v>, PathError> {
        eval::select(self, scope)
    }

    /// What the path selects, as an owned value (an array for indefinite paths).
    pub fn eval(&self, scope: &Scope<'_>) -> Result<Value, PathError> {
        self.select(scope).map(Selection::into_value)
    }

    /// Like [`Path::eval`] with `input` as `$`, but takes the input by value: a definite `$...`
    /// path moves the selected node out instead of copying it (InputPath, OutputPath and
    /// ItemsPath on a value the engine owns). `$$` and `$name` paths read `context` and
    /// `variables`.
    pub fn eval_owned(
        &self,
        input: Value,
        context: &Value,
        variables: &dyn crate::asl::scope::Variables,
    ) -> Result<Value, PathError> {
        let scope = Scope { input: &input, context, variables };
        match self.select(&scope)? {
            Selection::One(_) if self.root == Root::Input => Ok(eval::take(self, input)),
            other => Ok(other.into_value()),
        }
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.source)
    }
}

/// AWS's cause for a JSONPath in a payload template (`Parameters`, `ResultSelector`, ...) or a
/// `*Path` field that found nothing:
/// `The JSONPath '$.x' specified for the field 'value.$' could not be found in the input '{...}'`.
/// `input` is the value the path was evaluated against (for `$$` paths, AWS still quotes the
/// state input).
pub fn cause_not_found_in_input(path: &str, field: &str, input: &Value) -> String {
    format!(
        "The JSONPath '{path}' specified for the field '{field}' could not be found in the input \
         '{}'",
        crate::asl::intrinsic::to_compact_json(input)
    )
}

/// AWS's cause for an `InputPath` / `OutputPath` (and `ItemsPath`) that found nothing:
/// `Invalid path '$.x' : No results for path: $['x']`.
pub fn cause_invalid_path(path: &Path, error: &PathError) -> String {
    format!("Invalid path '{}' : {}", path.as_str(), error)
}
