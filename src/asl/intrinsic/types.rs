//! Static argument checks for intrinsic calls: a literal argument or a nested call whose type
//! can never suit its parameter (`States.MathAdd(1, '-1')`, `States.ArrayLength(States.Format('x'))`)
//! makes the call fail every time it runs, so a validator can report it when the definition is
//! written. Paths are unknown until run time and always pass.

use serde_json::Value;

use super::{Arg, Func};
use crate::asl::path::SyntaxError;

/// The JSON type a parameter needs or a value is known to have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ty {
    Any,
    String,
    Number,
    Integer,
    Boolean,
    Array,
    Object,
    Null,
}

impl Ty {
    fn name(self) -> &'static str {
        match self {
            Ty::Any => "any value",
            Ty::String => "a string",
            Ty::Number => "a number",
            Ty::Integer => "an integer",
            Ty::Boolean => "a boolean",
            Ty::Array => "an array",
            Ty::Object => "a JSON object",
            Ty::Null => "null",
        }
    }

    /// Whether a value known to be `self` can fill a parameter that needs `need`.
    fn suits(self, need: Ty) -> bool {
        match (self, need) {
            (_, Ty::Any) | (Ty::Any, _) => true,
            (Ty::Integer, Ty::Number) => true,
            (have, need) => have == need,
        }
    }
}

fn param(func: Func, index: usize) -> Ty {
    use Func as F;
    match (func, index) {
        (F::Format, 0) => Ty::String,
        (F::StringToJson | F::Base64Encode | F::Base64Decode | F::StringSplit, _) => Ty::String,
        (F::Hash, 0 | 1) => Ty::String,
        (F::ArrayPartition | F::ArrayGetItem, 0) => Ty::Array,
        (F::ArrayPartition | F::ArrayGetItem, 1) => Ty::Integer,
        (F::ArrayContains, 0) | (F::ArrayLength | F::ArrayUnique, _) => Ty::Array,
        (F::ArrayRange, _) => Ty::Integer,
        (F::JsonMerge, 0 | 1) => Ty::Object,
        (F::JsonMerge, 2) => Ty::Boolean,
        (F::MathAdd | F::MathRandom, _) => Ty::Number,
        _ => Ty::Any,
    }
}

fn returns(func: Func) -> Ty {
    use Func as F;
    match func {
        F::Format | F::JsonToString | F::Base64Encode | F::Base64Decode | F::Hash | F::Uuid => {
            Ty::String
        }
        F::Array | F::ArrayPartition | F::ArrayRange | F::ArrayUnique | F::StringSplit => Ty::Array,
        F::ArrayContains => Ty::Boolean,
        F::ArrayLength | F::MathAdd | F::MathRandom => Ty::Integer,
        F::JsonMerge => Ty::Object,
        F::StringToJson | F::ArrayGetItem => Ty::Any,
    }
}

fn literal(v: &Value) -> Ty {
    match v {
        Value::Null => Ty::Null,
        Value::Bool(_) => Ty::Boolean,
        Value::Number(n) if n.is_i64() || n.is_u64() => Ty::Integer,
        Value::Number(_) => Ty::Number,
        Value::String(_) => Ty::String,
        Value::Array(_) => Ty::Array,
        Value::Object(_) => Ty::Object,
    }
}

/// How many `{}` placeholders a raw (escapes kept) format template has.
fn placeholders(raw: &str) -> usize {
    let mut count = 0;
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                chars.next();
            }
            '{' if chars.peek() == Some(&'}') => {
                chars.next();
                count += 1;
            }
            _ => {}
        }
    }
    count
}

/// The first argument of `func` that can never be accepted; `offsets` are where the arguments
/// start in the text.
pub(super) fn check(func: Func, args: &[Arg], offsets: &[usize]) -> Result<(), SyntaxError> {
    if let (Func::Format, Some(Arg::String { raw, .. })) = (func, args.first()) {
        let wanted = placeholders(raw);
        if wanted != args.len() - 1 {
            return Err(SyntaxError {
                message: format!(
                    "the format template has {wanted} placeholder{} but {} value{} follow",
                    if wanted == 1 { "" } else { "s" },
                    args.len() - 1,
                    if args.len() == 2 { "" } else { "s" }
                ),
                offset: offsets.first().copied().unwrap_or(0),
            });
        }
    }
    for (i, arg) in args.iter().enumerate() {
        let offset = offsets.get(i).copied().unwrap_or(0);
        let fail = |message: String| Err(SyntaxError { message, offset });
        let have = match arg {
            Arg::Literal(v) => literal(v),
            Arg::String { .. } => Ty::String,
            Arg::Path(_) => Ty::Any,
            Arg::Call(c) => returns(c.func),
        };
        let need = param(func, i);
        if !have.suits(need) {
            return fail(format!(
                "argument {} of States.{} must be {}, not {}",
                i + 1,
                func.name(),
                need.name(),
                have.name()
            ));
        }
        match (func, i, arg) {
            (Func::Hash, 1, Arg::String { value, .. })
                if !["MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512"].contains(&&**value) =>
            {
                return fail(format!(
                    "States.Hash supports MD5, SHA-1, SHA-256, SHA-384 and SHA-512, not '{value}'"
                ));
            }
            (Func::JsonMerge, 2, Arg::Literal(Value::Bool(true))) => {
                return fail("States.JsonMerge supports only shallow merging: use false".into());
            }
            _ => {}
        }
    }
    Ok(())
}
