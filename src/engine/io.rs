//! Input and output processing helpers: the context object, the payload quota, stage traces.
//!
//! The pipeline itself (InputPath → Parameters → result → ResultSelector → ResultPath →
//! OutputPath) is spelled out per state type in `states`; this module gives it the pieces that do
//! not depend on the state type. The context object is built only for states whose expressions
//! read `$$`, so the hot path never allocates it.

use serde_json::{Map, Value, json};

use super::compile::{Kind, State};
use super::errors::Failure;
use super::lang::{CPath, Env, Vars};
use super::scheduler::{CursorId, Run};

/// AWS's payload quota: 256 KiB of UTF-8 JSON.
pub(crate) const PAYLOAD_LIMIT: usize = 256 * 1024;

/// The size of `v` as compact JSON, stopping early once over `limit`.
pub(crate) fn json_size(v: &Value, limit: usize) -> usize {
    fn walk(v: &Value, acc: &mut usize, limit: usize) {
        if *acc > limit {
            return;
        }
        match v {
            Value::Null => *acc += 4,
            Value::Bool(b) => *acc += if *b { 4 } else { 5 },
            Value::Number(n) => {
                *acc += match (n.as_u64(), n.as_i64()) {
                    (Some(u), _) => digits(u),
                    (None, Some(i)) => 1 + digits(i.unsigned_abs()),
                    _ => n.to_string().len(),
                }
            }
            Value::String(s) => *acc += string_size(s),
            Value::Array(a) => {
                *acc += 2 + a.len().saturating_sub(1);
                for x in a {
                    walk(x, acc, limit);
                }
            }
            Value::Object(o) => {
                *acc += 2 + o.len().saturating_sub(1);
                for (k, x) in o {
                    *acc += string_size(k) + 1;
                    walk(x, acc, limit);
                }
            }
        }
    }
    fn digits(mut n: u64) -> usize {
        let mut d = 1;
        while n >= 10 {
            n /= 10;
            d += 1;
        }
        d
    }
    fn string_size(s: &str) -> usize {
        2 + s.len()
            + s.bytes()
                .map(|b| match b {
                    b'"' | b'\\' | b'\n' | b'\r' | b'\t' | 0x08 | 0x0c => 1,
                    0..0x20 => 5,
                    _ => 0,
                })
                .sum::<usize>()
    }
    let mut acc = 0;
    walk(v, &mut acc, limit);
    acc
}

/// What the debugger sees of one state attempt, stage by stage.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Stages {
    pub input: Option<Value>,
    pub after_input_path: Option<Value>,
    pub after_parameters: Option<Value>,
    pub result: Option<Value>,
    pub after_result_selector: Option<Value>,
    pub after_result_path: Option<Value>,
    pub output: Option<Value>,
}

impl Run {
    /// The context object `$$` for a cursor's current state (`Null` if the state never reads it).
    pub(crate) fn context_for(&self, id: CursorId, state: &State) -> Value {
        if !state.uses_context {
            return Value::Null;
        }
        let Some(c) = self.cursors.get(id).and_then(Option::as_ref) else { return Value::Null };
        let mut st = Map::new();
        st.insert("EnteredTime".into(), json!(super::time::format_millis(c.entered_at)));
        st.insert("Name".into(), json!(&*state.name));
        if matches!(state.kind, Kind::Task(_)) || !state.retry.is_empty() {
            st.insert("RetryCount".into(), json!(c.retry_count));
        }
        let mut ctx = Map::new();
        ctx.insert("Execution".into(), self.execution_context.clone());
        ctx.insert("StateMachine".into(), self.machine_context.clone());
        ctx.insert("State".into(), Value::Object(st));
        if let Some(token) = &c.task_token {
            ctx.insert("Task".into(), json!({ "Token": token }));
        }
        Value::Object(ctx)
    }

    /// Applies an InputPath/OutputPath field: absent = `$`, `null` = `{}`.
    pub(crate) fn select_path(
        field: &Option<Option<CPath>>,
        value: Value,
        context: &Value,
        vars: &Vars,
    ) -> Result<Value, Failure> {
        match field {
            None => Ok(value),
            Some(None) => Ok(Value::Object(Map::new())),
            Some(Some(p)) if p.is_root() => Ok(value),
            Some(Some(p)) => p.select(&Env { input: &value, context, vars }),
        }
    }

    /// Checks a payload against the quota (unless quotas are off).
    pub(crate) fn check_payload(&self, v: &Value, who: &str) -> Result<(), Failure> {
        if self.opts.ignore_quotas || json_size(v, PAYLOAD_LIMIT) <= PAYLOAD_LIMIT {
            Ok(())
        } else {
            Err(super::errors::data_limit(who))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn size_matches_serde_for_plain_values() {
        for v in [
            json!({"a": [1, "x\"y", null, true, {"b": 2.5}]}),
            json!("abc"),
            json!([]),
            json!([0, -7, 10, 12345678901_u64, -99, 1e300]),
        ] {
            assert_eq!(
                json_size(&v, usize::MAX),
                serde_json::to_string(&v).unwrap_or_default().len()
            );
        }
    }
}
