//! The intrinsic functions themselves, on already-evaluated arguments.

use std::borrow::Cow;

use base64::Engine as _;
use serde_json::{Map, Value};

use super::render::{to_compact_json, to_java_string};
use super::{Arg, Func, Intrinsic, IntrinsicError};
use crate::asl::scope::RandomSource;

type Args<'a> = [Cow<'a, Value>];

fn invalid(func: Func, message: impl Into<String>) -> IntrinsicError {
    IntrinsicError::Invalid { func, message: message.into() }
}

pub(super) fn call(
    intrinsic: &Intrinsic,
    args: &Args<'_>,
    rng: &mut dyn RandomSource,
) -> Result<Value, IntrinsicError> {
    let f = intrinsic.func;
    let arg = |i: usize| -> &Value { args.get(i).map_or(&Value::Null, |v| v.as_ref()) };
    match f {
        Func::Format => format(intrinsic, args),
        Func::StringToJson => {
            let s = string(f, arg(0), "input")?;
            if s.trim().is_empty() {
                return Ok(Value::Null);
            }
            let mut parsed: Value = serde_json::from_str(s)
                .map_err(|_| invalid(f, format!("Invalid JSON string provided: '{s}'")))?;
            positive_zero(&mut parsed);
            Ok(parsed)
        }
        Func::JsonToString => Ok(Value::String(to_compact_json(arg(0)))),
        Func::Array => Ok(Value::Array(args.iter().map(|a| a.as_ref().clone()).collect())),
        Func::ArrayPartition => {
            let items = array(f, arg(0))?;
            let size = integer(f, arg(1), "chunk size")?;
            if size <= 0 {
                return Err(invalid(f, "The chunk size must be a positive integer"));
            }
            let size = usize::try_from(size).unwrap_or(usize::MAX);
            Ok(Value::Array(items.chunks(size).map(|c| Value::Array(c.to_vec())).collect()))
        }
        Func::ArrayContains => {
            let items = array(f, arg(0))?;
            Ok(Value::Bool(items.iter().any(|x| json_equal(x, arg(1)))))
        }
        Func::ArrayRange => array_range(f, arg(0), arg(1), arg(2)),
        Func::ArrayGetItem => {
            let items = array(f, arg(0))?;
            let index = integer(f, arg(1), "index")?;
            usize::try_from(index).ok().and_then(|i| items.get(i)).cloned().ok_or_else(|| {
                invalid(f, format!("The index {index} is out of bounds for the array"))
            })
        }
        Func::ArrayLength => Ok(Value::from(array(f, arg(0))?.len())),
        Func::ArrayUnique => {
            let items = array(f, arg(0))?;
            let mut out: Vec<Value> = Vec::with_capacity(items.len());
            for item in items {
                if !out.iter().any(|x| json_equal(x, item)) {
                    out.push(item.clone());
                }
            }
            Ok(Value::Array(out))
        }
        Func::Base64Encode => {
            let s = string(f, arg(0), "input")?;
            check_length(f, s)?;
            Ok(Value::String(base64::engine::general_purpose::STANDARD.encode(s)))
        }
        Func::Base64Decode => {
            let s = string(f, arg(0), "input")?;
            check_length(f, s)?;
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(s)
                .map_err(|_| invalid(f, format!("The input '{s}' is not valid base64")))?;
            String::from_utf8(bytes)
                .map(Value::String)
                .map_err(|_| invalid(f, "The decoded data is not valid UTF-8"))
        }
        Func::Hash => hash(f, arg(0), arg(1)),
        Func::JsonMerge => {
            let (Value::Object(a), Value::Object(b)) = (arg(0), arg(1)) else {
                return Err(invalid(f, "The JsonMerge arguments must be JSON objects"));
            };
            match arg(2) {
                Value::Bool(false) => {}
                Value::Bool(true) => {
                    return Err(invalid(f, "Deep merging is not supported, use 'false'"));
                }
                _ => return Err(invalid(f, "The third JsonMerge argument must be a boolean")),
            }
            let mut merged: Map<String, Value> = a.clone();
            for (k, v) in b {
                merged.insert(k.clone(), v.clone());
            }
            Ok(Value::Object(merged))
        }
        Func::MathRandom => math_random(f, args, rng),
        Func::MathAdd => {
            let a = rounded(f, arg(0))?;
            let b = rounded(f, arg(1))?;
            a.checked_add(b).map(Value::from).ok_or_else(|| invalid(f, "The sum is out of range"))
        }
        Func::StringSplit => {
            let s = string(f, arg(0), "input")?;
            let delims = string(f, arg(1), "delimiter")?;
            let parts = s
                .split(|c| delims.contains(c))
                .filter(|p| !p.is_empty())
                .map(|p| Value::String(p.to_owned()));
            Ok(Value::Array(parts.collect()))
        }
        Func::Uuid => {
            let mut bytes = [0u8; 16];
            bytes[..8].copy_from_slice(&rng.next_u64().to_le_bytes());
            bytes[8..].copy_from_slice(&rng.next_u64().to_le_bytes());
            let id = uuid::Builder::from_random_bytes(bytes).into_uuid();
            Ok(Value::String(id.hyphenated().to_string()))
        }
    }
}

/// Jackson reads `-0` as the integer 0; serde_json reads it as the float -0.0.
fn positive_zero(v: &mut Value) {
    match v {
        Value::Number(n) if n.as_f64().is_some_and(|x| x == 0.0 && x.is_sign_negative()) => {
            *v = Value::from(0);
        }
        Value::Array(items) => items.iter_mut().for_each(positive_zero),
        Value::Object(map) => map.values_mut().for_each(positive_zero),
        _ => {}
    }
}

fn string<'v>(f: Func, v: &'v Value, what: &str) -> Result<&'v str, IntrinsicError> {
    v.as_str().ok_or_else(|| {
        invalid(
            f,
            format!(
                "The {what} of States.{} must be a string, not {}",
                f.name(),
                to_compact_json(v)
            ),
        )
    })
}

fn array(f: Func, v: &Value) -> Result<&Vec<Value>, IntrinsicError> {
    v.as_array().ok_or_else(|| {
        invalid(
            f,
            format!(
                "The first argument of States.{} must be an array, not {}",
                f.name(),
                to_compact_json(v)
            ),
        )
    })
}

/// An integer argument: an integral number (`2` or `2.0`).
fn integer(f: Func, v: &Value, what: &str) -> Result<i64, IntrinsicError> {
    let n = v.as_i64().or_else(|| {
        v.as_f64().filter(|x| x.fract() == 0.0 && x.abs() < 9.0e15).map(|x| {
            #[allow(clippy::cast_possible_truncation)]
            let i = x as i64;
            i
        })
    });
    n.ok_or_else(|| {
        invalid(
            f,
            format!(
                "The {what} of States.{} must be an integer, not {}",
                f.name(),
                to_compact_json(v)
            ),
        )
    })
}

/// A number rounded half up, as Java's `Math.round` (`-1.5` → `-1`, `1.5` → `2`).
fn rounded(f: Func, v: &Value) -> Result<i64, IntrinsicError> {
    if let Some(i) = v.as_i64() {
        return Ok(i);
    }
    let x = v.as_f64().ok_or_else(|| {
        invalid(f, format!("States.{} needs numbers, not {}", f.name(), to_compact_json(v)))
    })?;
    // `x - floor(x)` is exact, so this is Java's `Math.round` even where `floor(x + 0.5)` is
    // not (0.49999999999999994 rounds to 0).
    let floor = x.floor();
    let r = if x - floor >= 0.5 { floor + 1.0 } else { floor };
    if r.abs() >= 9.0e18 {
        return Err(invalid(f, format!("The number {x} is out of range")));
    }
    #[allow(clippy::cast_possible_truncation)]
    Ok(r as i64)
}

fn check_length(f: Func, s: &str) -> Result<(), IntrinsicError> {
    if s.chars().count() > 10_000 {
        Err(invalid(f, format!("The input of States.{} exceeds 10000 characters", f.name())))
    } else {
        Ok(())
    }
}

/// Java's `equals` on the values AWS holds: an integer never equals a floating-point number
/// (`1` is not `1.0`), objects compare without regard to key order.
fn json_equal(a: &Value, b: &Value) -> bool {
    a == b
}

fn format(intrinsic: &Intrinsic, args: &Args<'_>) -> Result<Value, IntrinsicError> {
    let f = Func::Format;
    let raw: Cow<'_, str> = match intrinsic.args.first() {
        Some(Arg::String { raw, .. }) => Cow::Borrowed(raw),
        _ => match args.first().map(AsRef::as_ref) {
            Some(Value::String(s)) => Cow::Owned(escape_template(s)),
            Some(other) => {
                return Err(invalid(
                    f,
                    format!("The format template must be a string, not {}", to_compact_json(other)),
                ));
            }
            None => return Err(invalid(f, "States.Format needs a format template")),
        },
    };
    let values = args.get(1..).unwrap_or_default();
    let mut out = String::with_capacity(raw.len());
    let mut next = 0usize;
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some(e) = chars.next() {
                    if !matches!(e, '\'' | '\\' | '{' | '}') {
                        out.push('\\');
                    }
                    out.push(e);
                } else {
                    out.push('\\');
                }
            }
            '{' if chars.peek() == Some(&'}') => {
                chars.next();
                let value = values.get(next).ok_or_else(|| {
                    invalid(
                        f,
                        format!(
                            "The number of arguments ({}) does not match the number of \
                             placeholders in the format template",
                            values.len()
                        ),
                    )
                })?;
                out.push_str(&to_java_string(value));
                next += 1;
            }
            c => out.push(c),
        }
    }
    if next != values.len() {
        return Err(invalid(
            f,
            format!(
                "The number of arguments ({}) does not match the number of placeholders ({next}) \
                 in the format template",
                values.len()
            ),
        ));
    }
    Ok(Value::String(out))
}

/// A template that came from a path: its characters are literal except `{}`.
fn escape_template(s: &str) -> String {
    s.replace('\\', "\\\\")
}

fn array_range(f: Func, a: &Value, b: &Value, c: &Value) -> Result<Value, IntrinsicError> {
    let start = integer(f, a, "start")?;
    let end = integer(f, b, "end")?;
    let step = integer(f, c, "step")?;
    if step == 0 {
        return Err(invalid(f, "The step of States.ArrayRange must not be 0"));
    }
    let count = if (step > 0 && end < start) || (step < 0 && end > start) {
        0
    } else {
        (i128::from(end) - i128::from(start)) / i128::from(step) + 1
    };
    if count > 1000 {
        return Err(invalid(f, "States.ArrayRange can create at most 1000 items"));
    }
    let mut out = Vec::new();
    let mut i = i128::from(start);
    for _ in 0..count {
        out.push(Value::from(i64::try_from(i).unwrap_or_default()));
        i += i128::from(step);
    }
    Ok(Value::Array(out))
}

fn hash(f: Func, data: &Value, algorithm: &Value) -> Result<Value, IntrinsicError> {
    use sha2::Digest as _;
    let text: Cow<'_, str> = match data {
        Value::String(s) => Cow::Borrowed(s),
        other => Cow::Owned(to_compact_json(other)),
    };
    check_length(f, &text)?;
    let bytes = text.as_bytes();
    let digest: Vec<u8> = match algorithm.as_str() {
        Some("MD5") => md5::Md5::digest(bytes).to_vec(),
        Some("SHA-1") => sha1::Sha1::digest(bytes).to_vec(),
        Some("SHA-256") => sha2::Sha256::digest(bytes).to_vec(),
        Some("SHA-384") => sha2::Sha384::digest(bytes).to_vec(),
        Some("SHA-512") => sha2::Sha512::digest(bytes).to_vec(),
        _ => {
            return Err(invalid(
                f,
                format!(
                    "The hash algorithm {} is not supported. Supported algorithms: MD5, SHA-1, \
                     SHA-256, SHA-384, SHA-512",
                    to_compact_json(algorithm)
                ),
            ));
        }
    };
    Ok(Value::String(digest.iter().map(|b| format!("{b:02x}")).collect()))
}

/// `States.MathRandom(start, end[, seed])`: an integer in `[start, end)`. With a seed, Java's
/// `new Random(seed).nextInt(end - start)`; without, the passed-in source.
fn math_random(
    f: Func,
    args: &Args<'_>,
    rng: &mut dyn RandomSource,
) -> Result<Value, IntrinsicError> {
    let arg = |i: usize| args.get(i).map_or(&Value::Null, |v| v.as_ref());
    let start = rounded(f, arg(0))?;
    let end = rounded(f, arg(1))?;
    if end <= start {
        return Err(invalid(f, "The end of States.MathRandom must be greater than its start"));
    }
    let span = end - start;
    let offset = match args.get(2) {
        Some(seed) => {
            let seed = rounded(f, seed)?;
            match i32::try_from(span) {
                Ok(bound) => i64::from(java_next_int(seed, bound)),
                Err(_) => i64::try_from(java_seed_u64(seed) % span.unsigned_abs()).unwrap_or(0),
            }
        }
        None => i64::try_from(rng.next_u64() % span.unsigned_abs()).unwrap_or(0),
    };
    Ok(Value::from(start + offset))
}

const JAVA_MULT: u64 = 0x5_DEEC_E66D;
const JAVA_MASK: u64 = (1 << 48) - 1;

fn java_next(state: &mut u64, bits: u32) -> i32 {
    *state = (state.wrapping_mul(JAVA_MULT).wrapping_add(0xB)) & JAVA_MASK;
    #[allow(clippy::cast_possible_truncation)]
    let v = (*state >> (48 - bits)) as i32;
    v
}

/// `new java.util.Random(seed).nextInt(bound)` for `bound > 0`.
fn java_next_int(seed: i64, bound: i32) -> i32 {
    #[allow(clippy::cast_sign_loss)]
    let mut state = (seed as u64 ^ JAVA_MULT) & JAVA_MASK;
    if bound & (-bound) == bound {
        return ((i64::from(bound) * i64::from(java_next(&mut state, 31))) >> 31) as i32;
    }
    loop {
        let bits = java_next(&mut state, 31);
        let val = bits % bound;
        if bits.wrapping_sub(val).wrapping_add(bound - 1) >= 0 {
            return val;
        }
    }
}

fn java_seed_u64(seed: i64) -> u64 {
    #[allow(clippy::cast_sign_loss)]
    let mut state = (seed as u64 ^ JAVA_MULT) & JAVA_MASK;
    #[allow(clippy::cast_sign_loss)]
    let hi = java_next(&mut state, 32) as u32 as u64;
    #[allow(clippy::cast_sign_loss)]
    let lo = java_next(&mut state, 32) as u32 as u64;
    (hi << 32) | lo
}
