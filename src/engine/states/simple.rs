//! Pass, Choice, Wait, Succeed and Fail: the states that need no outside answer.
//!
//! Each follows AWS's JSONPath pipeline for its type and moves values instead of cloning them
//! wherever the pipeline allows (the default `ResultPath: $` replaces the input, so the input is
//! never copied then). Wait validates `SecondsPath`/`TimestampPath` values with AWS's messages.

use serde_json::{Map, Value};

use super::Flow;
use crate::engine::compile::{Kind, State, WaitFor};
use crate::engine::errors::{Failure, names};
use crate::engine::lang::{Env, result_path};
use crate::engine::scheduler::{Block, CursorId, Run, TimerKind};
use crate::engine::time::parse_timestamp;

macro_rules! tri {
    ($e:expr) => {
        match $e {
            Ok(v) => v,
            Err(f) => return Flow::Fail(f),
        }
    };
}

/// How a `*Path` value is shown in Wait causes: strings bare, anything else as JSON.
fn shown(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => serde_json::to_string(other).unwrap_or_default(),
    }
}

impl Run {
    pub(crate) fn attempt_simple(&mut self, id: CursorId, state: &State) -> Flow {
        let context = self.context_for(id, state);
        let Some(c) = self.cursors.get_mut(id).and_then(Option::as_mut) else {
            return Flow::Blocked;
        };
        let vars = c.vars.clone();
        if let Kind::Fail { error, error_path, cause, cause_path } = &state.kind {
            let env = Env { input: &c.input, context: &context, vars: &vars };
            let mut text =
                |lit: &Option<String>, path: &Option<crate::engine::lang::Expr>, field: &str| {
                    if let Some(p) = path {
                        p.eval(&env, &mut self.entropy, field).map(|v| Some(shown(&v)))
                    } else {
                        Ok(lit.clone())
                    }
                };
            let error = tri!(text(error, error_path, "ErrorPath"));
            let cause = tri!(text(cause, cause_path, "CausePath"));
            return Flow::Fail(Failure { error, cause });
        }
        let raw = std::mem::take(&mut c.input);
        let effective = match &state.input_path {
            Some(Some(p)) if !p.is_root() => {
                Some(tri!(p.select(&Env { input: &raw, context: &context, vars: &vars })))
            }
            Some(None) => Some(Value::Object(Map::new())),
            _ => None,
        };
        let eff = effective.as_ref().unwrap_or(&raw);
        let env = Env { input: eff, context: &context, vars: &vars };
        match &state.kind {
            Kind::Pass { result } => {
                let produced = match (&state.parameters, result) {
                    (Some(t), _) => Some(tri!(t.eval(&env, &mut self.entropy))),
                    (None, Some(r)) => Some(r.clone()),
                    (None, None) => None,
                };
                if self.traces.is_some() {
                    let (e, p) = (eff.clone(), produced.clone());
                    self.stage(id, |s| {
                        s.after_input_path = Some(e);
                        s.after_parameters = p;
                    });
                }
                if let Some(t) = &state.assign {
                    let input = produced.as_ref().unwrap_or(eff);
                    let env = Env { input, context: &context, vars: &vars };
                    tri!(self.stage_assign(id, t, &env));
                }
                let after = match &state.result_path {
                    None => produced.unwrap_or_else(|| effective.unwrap_or(raw)),
                    Some(None) => raw,
                    Some(Some(p)) => {
                        let r = match produced {
                            Some(r) => r,
                            None => effective.clone().unwrap_or_else(|| raw.clone()),
                        };
                        tri!(result_path(Some(p), raw, r))
                    }
                };
                Flow::Output(tri!(Self::select_path(&state.output_path, after, &context, &vars)))
            }
            Kind::Succeed => {
                let v = effective.unwrap_or(raw);
                Flow::Output(tri!(Self::select_path(&state.output_path, v, &context, &vars)))
            }
            Kind::Choice { choices, default } => {
                let mut target = None;
                for rule in choices {
                    let Some(r) = &rule.rule else { continue };
                    if tri!(r.eval(&env)) {
                        if let Some(t) = &rule.assign {
                            tri!(self.stage_assign(id, t, &env));
                        }
                        target = Some(rule.next);
                        break;
                    }
                }
                let target = match (target, default) {
                    (Some(t), _) => t,
                    (None, Some(d)) => {
                        if let Some(t) = &state.assign {
                            tri!(self.stage_assign(id, t, &env));
                        }
                        *d
                    }
                    (None, None) => {
                        return Flow::Fail(Failure::new(
                            names::NO_CHOICE,
                            format!(
                                "No Choice rule matched in state '{}' and it has no Default.",
                                state.name
                            ),
                        ));
                    }
                };
                let v = effective.unwrap_or(raw);
                Flow::Goto(tri!(Self::select_path(&state.output_path, v, &context, &vars)), target)
            }
            Kind::Wait(w) => {
                let until = tri!(self.wait_until(w, &env));
                if let Some(t) = &state.assign {
                    tri!(self.stage_assign(id, t, &env));
                }
                let v = effective.unwrap_or(raw);
                let out = tri!(Self::select_path(&state.output_path, v, &context, &vars));
                let Some(c) = self.cursor(id) else { return Flow::Blocked };
                c.held = Some(out);
                c.block = Block::Wait;
                c.generation += 1;
                self.set_timer(id, until.max(self.now), TimerKind::Wake);
                Flow::Blocked
            }
            _ => Flow::Fail(Failure::runtime("internal: not a simple state")),
        }
    }

    /// Evaluates an `Assign` template now and keeps the values until the state exits.
    pub(crate) fn stage_assign(
        &mut self,
        id: CursorId,
        t: &crate::engine::lang::Template,
        env: &Env<'_>,
    ) -> Result<(), Failure> {
        if let Value::Object(values) = t.eval(env, &mut self.entropy)?
            && let Some(c) = self.cursor(id)
        {
            match &mut c.assign {
                Some(existing) => existing.extend(values),
                None => c.assign = Some(values),
            }
        }
        Ok(())
    }

    /// AWS keeps a Wait's delay in a 32-bit count of seconds: a timestamp further ahead than
    /// that (about 68 years) is rejected like a malformed one.
    fn delay_fits(&self, at: i64) -> bool {
        (at - self.now) / 1000 <= i64::from(i32::MAX)
    }

    /// The epoch millisecond a Wait ends at.
    fn wait_until(&self, w: &WaitFor, env: &Env<'_>) -> Result<i64, Failure> {
        let seconds = |v: &Value, field: &str, path: &str| -> Result<i64, Failure> {
            match v.as_i64() {
                Some(n) if n >= 0 => Ok(n),
                Some(_) => Err(Failure::runtime(format!(
                    "The {field} parameter references a negative value: {path} == {}",
                    shown(v)
                ))),
                None => Err(Failure::runtime(format!(
                    "The {field} parameter cannot be parsed as a long value: {path} == {}",
                    shown(v)
                ))),
            }
        };
        match w {
            WaitFor::Seconds(v) => Ok(self.now.saturating_add(seconds(v, "Seconds", "Seconds")?.saturating_mul(1000))),
            WaitFor::SecondsPath(p) => {
                let v = p.select(env)?;
                Ok(self.now.saturating_add(seconds(&v, "SecondsPath", p.as_str())?.saturating_mul(1000)))
            }
            WaitFor::Timestamp(t) => parse_timestamp(t).filter(|&at| self.delay_fits(at)).ok_or_else(|| {
                Failure::runtime(format!(
                    "The Timestamp parameter does not reference a valid ISO-8601 extended offset date-time format string: {t}"
                ))
            }),
            WaitFor::TimestampPath(p) => {
                let v = p.select(env)?;
                v.as_str().and_then(parse_timestamp).filter(|&at| self.delay_fits(at)).ok_or_else(|| {
                    Failure::runtime(format!(
                        "The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: {} == {}",
                        p.as_str(),
                        shown(&v)
                    ))
                })
            }
        }
    }
}
