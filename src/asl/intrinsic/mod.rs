//! Intrinsic functions (`States.Format(...)`, `States.Array(...)`, ...) of JSONPath-mode ASL:
//! parsed once into an [`Intrinsic`], evaluated against a [`Scope`] with AWS's exact results.
//!
//! Guarantees: parsing and evaluation never panic; parse errors carry a byte offset; randomness
//! (`States.MathRandom` without a seed, `States.UUID`) comes only from the [`RandomSource`] passed
//! in. Runtime failures are [`IntrinsicError`]s; AWS reports them as `States.Runtime` with the
//! cause from [`IntrinsicError::cause`].
//!
//! ```
//! use statewright::asl::intrinsic::Intrinsic;
//! use statewright::asl::scope::{Scope, SeededRandom};
//! let f = Intrinsic::parse("States.Format('Hello {}', $.name)").unwrap();
//! let input = serde_json::json!({"name": "World"});
//! let out = f.eval(&Scope::input(&input), &mut SeededRandom::new(1)).unwrap();
//! assert_eq!(out, serde_json::json!("Hello World"));
//! ```

mod functions;
mod parse;
mod render;
mod types;

use std::borrow::Cow;
use std::fmt;

use serde_json::Value;

use crate::asl::path::{Path, PathError, SyntaxError};
use crate::asl::scope::{RandomSource, Scope};

pub use parse::looks_like_call;
pub use render::{to_compact_json, to_java_string};

/// Every intrinsic function AWS has (JSONPath query language).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Func {
    Format,
    StringToJson,
    JsonToString,
    Array,
    ArrayPartition,
    ArrayContains,
    ArrayRange,
    ArrayGetItem,
    ArrayLength,
    ArrayUnique,
    Base64Encode,
    Base64Decode,
    Hash,
    JsonMerge,
    MathRandom,
    MathAdd,
    StringSplit,
    Uuid,
}

impl Func {
    const ALL: [(Func, &'static str); 18] = [
        (Func::Format, "Format"),
        (Func::StringToJson, "StringToJson"),
        (Func::JsonToString, "JsonToString"),
        (Func::Array, "Array"),
        (Func::ArrayPartition, "ArrayPartition"),
        (Func::ArrayContains, "ArrayContains"),
        (Func::ArrayRange, "ArrayRange"),
        (Func::ArrayGetItem, "ArrayGetItem"),
        (Func::ArrayLength, "ArrayLength"),
        (Func::ArrayUnique, "ArrayUnique"),
        (Func::Base64Encode, "Base64Encode"),
        (Func::Base64Decode, "Base64Decode"),
        (Func::Hash, "Hash"),
        (Func::JsonMerge, "JsonMerge"),
        (Func::MathRandom, "MathRandom"),
        (Func::MathAdd, "MathAdd"),
        (Func::StringSplit, "StringSplit"),
        (Func::Uuid, "UUID"),
    ];

    /// The function called `States.<name>`.
    pub fn from_name(name: &str) -> Option<Func> {
        Func::ALL.iter().find(|(_, n)| *n == name).map(|(f, _)| *f)
    }

    /// The name after `States.`.
    pub fn name(self) -> &'static str {
        Func::ALL.iter().find(|(f, _)| *f == self).map_or("", |(_, n)| n)
    }

    /// The least and most number of arguments.
    pub fn arity(self) -> (usize, usize) {
        match self {
            Func::Format => (1, usize::MAX),
            Func::Array => (0, usize::MAX),
            Func::StringToJson
            | Func::JsonToString
            | Func::ArrayLength
            | Func::ArrayUnique
            | Func::Base64Encode
            | Func::Base64Decode => (1, 1),
            Func::ArrayPartition
            | Func::ArrayContains
            | Func::ArrayGetItem
            | Func::Hash
            | Func::MathAdd
            | Func::StringSplit => (2, 2),
            Func::ArrayRange | Func::JsonMerge => (3, 3),
            Func::MathRandom => (2, 3),
            Func::Uuid => (0, 0),
        }
    }
}

/// One argument of a call.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    /// A number, `true`, `false` or `null`.
    Literal(Value),
    /// A `'...'` string: its value, and its raw text (escapes kept) for `States.Format`.
    String {
        value: Box<str>,
        raw: Box<str>,
    },
    Path(Box<Path>),
    Call(Box<Intrinsic>),
}

/// A compiled intrinsic function call.
#[derive(Debug, Clone, PartialEq)]
pub struct Intrinsic {
    pub func: Func,
    pub args: Vec<Arg>,
}

/// Why an intrinsic function failed at run time.
#[derive(Debug, Clone, PartialEq)]
pub enum IntrinsicError {
    /// A path argument found nothing.
    Path { path: String, error: PathError },
    /// The arguments were not acceptable; `message` is AWS's text.
    Invalid { func: Func, message: String },
}

impl IntrinsicError {
    /// The cause text AWS reports (the engine prefixes the state's part).
    pub fn cause(&self, field: &str, input: &Value) -> String {
        match self {
            IntrinsicError::Path { path, .. } => {
                crate::asl::path::cause_not_found_in_input(path, field, input)
            }
            IntrinsicError::Invalid { message, .. } => message.clone(),
        }
    }
}

impl fmt::Display for IntrinsicError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IntrinsicError::Path { path, error } => write!(f, "{path}: {error}"),
            IntrinsicError::Invalid { message, .. } => f.write_str(message),
        }
    }
}

impl std::error::Error for IntrinsicError {}

impl Intrinsic {
    /// Compiles `States.Name(args...)`: the grammar, the function names and their argument
    /// counts. This is what the engine uses: a call that is well formed runs, and fails (as on
    /// AWS) only when its arguments turn out wrong.
    pub fn parse(text: &str) -> Result<Intrinsic, SyntaxError> {
        parse::parse(text, false)
    }

    /// [`Intrinsic::parse`], also refusing arguments whose type can never suit their function
    /// (a literal or a nested call: `States.MathAdd(1, '-1')`, `States.ArrayLength(States.UUID())`,
    /// `States.Hash($.x, 'SHA-3')`, `States.JsonMerge($.a, $.b, true)`). For validators.
    pub fn parse_checked(text: &str) -> Result<Intrinsic, SyntaxError> {
        parse::parse(text, true)
    }

    /// How deeply calls nest: 1 for a call without calls among its arguments. AWS accepts at
    /// most 10 nested functions in a field.
    pub fn nesting_depth(&self) -> usize {
        1 + self
            .args
            .iter()
            .map(|a| match a {
                Arg::Call(c) => c.nesting_depth(),
                _ => 0,
            })
            .max()
            .unwrap_or(0)
    }

    /// Every path among the arguments, nested calls included, in text order (for checks such
    /// as "this variable is never assigned").
    pub fn paths(&self) -> Vec<&Path> {
        let mut out = Vec::new();
        self.collect_paths(&mut out);
        out
    }

    fn collect_paths<'a>(&'a self, out: &mut Vec<&'a Path>) {
        for arg in &self.args {
            match arg {
                Arg::Path(p) => out.push(p),
                Arg::Call(c) => c.collect_paths(out),
                Arg::Literal(_) | Arg::String { .. } => {}
            }
        }
    }

    /// Evaluates the call.
    pub fn eval(
        &self,
        scope: &Scope<'_>,
        rng: &mut dyn RandomSource,
    ) -> Result<Value, IntrinsicError> {
        let mut args: Vec<Cow<'_, Value>> = Vec::with_capacity(self.args.len());
        for arg in &self.args {
            args.push(match arg {
                Arg::Literal(v) => Cow::Borrowed(v),
                Arg::String { value, .. } => Cow::Owned(Value::String(value.to_string())),
                Arg::Path(p) => match p.select(scope) {
                    Ok(sel) => match sel {
                        crate::asl::path::Selection::One(v) => Cow::Borrowed(v),
                        other => Cow::Owned(other.into_value()),
                    },
                    Err(error) => {
                        return Err(IntrinsicError::Path { path: p.as_str().to_owned(), error });
                    }
                },
                Arg::Call(c) => Cow::Owned(c.eval(scope, rng)?),
            });
        }
        functions::call(self, &args, rng)
    }
}
