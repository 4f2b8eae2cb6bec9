//! The functions AWS adds to JSONata in Step Functions, the one it takes away (`$eval`), and
//! `$now()`/`$millis()` on the caller's clock when it gives one.
//!
//! Rules AWS follows and this module keeps: numeric arguments are truncated towards zero; a
//! chunk size below one, an empty array, a `$range` without a usable step and a `$hash`
//! without an algorithm give undefined (which then fails the field); a one-element `$range`
//! is the bare number. Randomness comes from the [`SplitMix64`] seeded by the caller, so a run
//! is reproducible from its seed.

use jsonata_core::evaluator::{Evaluator, EvaluatorError, HostFnResult};
use jsonata_core::value::JValue;
use md5::Md5;
use sha1::Sha1;
use sha2::{Digest, Sha256, Sha384, Sha512};
use std::cell::RefCell;
use std::fmt::Write as _;
use std::rc::Rc;

/// Most elements `$range` builds; AWS refuses one more (its memory bound for this function).
pub(super) const RANGE_LIMIT: f64 = 360_145.0;

/// A small, seedable pseudo-random generator (SplitMix64): enough for `$random` and `$uuid`,
/// and identical on every platform.
#[derive(Debug, Clone)]
pub struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    pub fn new(seed: u64) -> Self {
        Self { state: seed }
    }

    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `[0, 1)` with 53 random bits.
    pub fn next_f64(&mut self) -> f64 {
        // 53 bits fit a double's mantissa exactly.
        #[allow(clippy::cast_precision_loss)]
        let bits = (self.next_u64() >> 11) as f64;
        bits / 9_007_199_254_740_992.0
    }
}

fn failure(message: String) -> EvaluatorError {
    EvaluatorError::EvaluationError(message)
}

/// Adds AWS's functions to `evaluator`, drawing randomness from `entropy`.
pub(super) fn register(evaluator: &mut Evaluator, entropy: u64, now_millis: Option<i64>) {
    if let Some(ms) = now_millis {
        let _ = evaluator.register_fn_override("millis", move |args: &[JValue]| {
            no_arguments(args, "millis")?;
            // Epoch milliseconds of any real date are far below 2^53.
            #[allow(clippy::cast_precision_loss)]
            Ok(JValue::Number(ms as f64))
        });
        let _ = evaluator.register_fn_override("now", move |args: &[JValue]| {
            no_arguments(args, "now")?;
            Ok(chrono::DateTime::from_timestamp_millis(ms).map_or(JValue::Undefined, |t| {
                JValue::from(t.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string())
            }))
        });
    }
    let rng = Rc::new(RefCell::new(SplitMix64::new(entropy)));
    let uuid_rng = Rc::clone(&rng);
    // Registration only fails for a name that shadows a built-in; the names are fixed, so a
    // failure would be a crate change that the unit tests catch.
    let _ = evaluator.register_fn("partition", partition);
    let _ = evaluator.register_fn("range", range);
    let _ = evaluator.register_fn("hash", hash);
    let _ = evaluator.register_fn("parse", parse_json);
    let _ = evaluator.register_fn("uuid", move |_: &[JValue]| {
        Ok(JValue::from(uuid(&mut uuid_rng.borrow_mut())))
    });
    let _ = evaluator
        .register_fn_override("random", move |args: &[JValue]| random(args, &mut rng.borrow_mut()));
    let _ = evaluator.register_fn_override("eval", |_: &[JValue]| {
        Err(EvaluatorError::TypeError("T1006: Attempted to invoke a non-function".to_owned()))
    });
}

fn no_arguments(args: &[JValue], function: &str) -> Result<(), EvaluatorError> {
    if args.is_empty() {
        Ok(())
    } else {
        Err(failure(format!("T0410: {function}() takes no arguments")))
    }
}

/// An argument as an integer, truncated towards zero; `None` when absent or not a number.
fn integer_arg(args: &[JValue], index: usize) -> Option<f64> {
    let value = args.get(index)?;
    if !value.is_number() {
        return None;
    }
    value.as_f64().filter(|n| n.is_finite()).map(f64::trunc)
}

fn require_number(
    args: &[JValue],
    index: usize,
    function: &str,
) -> Result<Option<f64>, EvaluatorError> {
    match args.get(index) {
        None => Ok(None),
        Some(value) if value.is_undefined() => Ok(None),
        Some(value) if value.is_number() => Ok(integer_arg(args, index)),
        Some(_) => Err(failure(format!(
            "T0410: Argument {} of function \"{function}\" does not match function signature",
            index + 1
        ))),
    }
}

fn partition(args: &[JValue]) -> HostFnResult {
    let items: Vec<JValue> = match args.first() {
        None => return Ok(JValue::Undefined),
        Some(value) if value.is_undefined() => return Ok(JValue::Undefined),
        Some(value) => match value.as_array() {
            Some(items) => items.clone(),
            None => vec![value.clone()],
        },
    };
    let Some(size) = require_number(args, 1, "partition")? else {
        return Ok(JValue::Undefined);
    };
    if size < 1.0 || items.is_empty() {
        return Ok(JValue::Undefined);
    }
    // `size` is a whole number >= 1; anything beyond the length makes one chunk.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let size = size.min(items.len() as f64) as usize;
    let chunks = items.chunks(size).map(|chunk| JValue::array(chunk.to_vec())).collect();
    Ok(JValue::array(chunks))
}

fn range(args: &[JValue]) -> HostFnResult {
    let start = require_number(args, 0, "range")?;
    let end = require_number(args, 1, "range")?;
    let step = require_number(args, 2, "range")?;
    let (Some(start), Some(end), Some(step)) = (start, end, step) else {
        return Ok(JValue::Undefined);
    };
    if step == 0.0 || (end - start) * step < 0.0 {
        return Ok(JValue::Undefined);
    }
    let count = ((end - start) / step).floor() + 1.0;
    if count > RANGE_LIMIT {
        return Err(failure("Expression evaluation memory limit exceeded".to_owned()));
    }
    // `count` is a whole number in 1..=RANGE_LIMIT.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let values: Vec<JValue> = (0..count as usize)
        .map(|i| {
            #[allow(clippy::cast_precision_loss)]
            let offset = i as f64 * step;
            JValue::Number(start + offset)
        })
        .collect();
    if values.len() == 1 {
        return Ok(values.into_iter().next().unwrap_or(JValue::Undefined));
    }
    Ok(JValue::array(values))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().fold(String::with_capacity(bytes.len() * 2), |mut text, byte| {
        let _ = write!(text, "{byte:02x}");
        text
    })
}

fn hash(args: &[JValue]) -> HostFnResult {
    let Some(value) = args.first().filter(|v| !v.is_undefined()) else {
        return Ok(JValue::Undefined);
    };
    let Some(algorithm) = args.get(1).filter(|v| !v.is_undefined()) else {
        return Ok(JValue::Undefined);
    };
    let Some(text) = value.as_str() else {
        return Err(failure(
            "T0410: Argument 1 of function \"hash\" does not match function signature".to_owned(),
        ));
    };
    let data = text.as_bytes();
    let digest = match algorithm.as_str() {
        Some("MD5") => hex(&Md5::digest(data)),
        Some("SHA-1") => hex(&Sha1::digest(data)),
        Some("SHA-256") => hex(&Sha256::digest(data)),
        Some("SHA-384") => hex(&Sha384::digest(data)),
        Some("SHA-512") => hex(&Sha512::digest(data)),
        _ => {
            return Err(failure(
                "The hash algorithm must be one of: MD5, SHA-1, SHA-256, SHA-384, SHA-512"
                    .to_owned(),
            ));
        }
    };
    Ok(JValue::from(digest))
}

fn parse_json(args: &[JValue]) -> HostFnResult {
    let Some(value) = args.first().filter(|v| !v.is_undefined()) else {
        return Ok(JValue::Undefined);
    };
    let Some(text) = value.as_str() else {
        return Err(failure(
            "T0410: Argument 1 of function \"parse\" does not match function signature".to_owned(),
        ));
    };
    serde_json::from_str::<serde_json::Value>(text)
        .map(JValue::from)
        .map_err(|err| failure(format!("The string cannot be parsed as JSON: {err}")))
}

fn random(args: &[JValue], rng: &mut SplitMix64) -> HostFnResult {
    match args.first().filter(|v| !v.is_undefined()) {
        None => Ok(JValue::Number(rng.next_f64())),
        Some(seed) => {
            let Some(seed) = seed.as_f64().filter(|_| seed.is_number()) else {
                return Err(failure(
                    "T0410: Argument 1 of function \"random\" does not match function signature"
                        .to_owned(),
                ));
            };
            // Any double maps to a seed; the same seed always gives the same number.
            #[allow(clippy::cast_possible_truncation)]
            let seed = seed.trunc() as i64;
            Ok(JValue::Number(SplitMix64::new(seed.cast_unsigned()).next_f64()))
        }
    }
}

/// A version 4 UUID from 122 random bits.
pub(super) fn uuid(rng: &mut SplitMix64) -> String {
    let mut bytes = [0u8; 16];
    bytes[..8].copy_from_slice(&rng.next_u64().to_be_bytes());
    bytes[8..].copy_from_slice(&rng.next_u64().to_be_bytes());
    uuid::Builder::from_random_bytes(bytes).into_uuid().hyphenated().to_string()
}
