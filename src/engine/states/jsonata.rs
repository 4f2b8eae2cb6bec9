//! The JSONata pipeline of a state: `Arguments` → work → `Output` and `Assign`, with `$states`.
//!
//! AWS's rules kept here: a JSONata state has no InputPath/ResultPath/OutputPath stages; its
//! `Output` (default: the result, or the input for states without one) and `Assign` are both
//! evaluated against the variables as they were when the state was entered, and the new values
//! become visible only to the next state; `$states.result` exists after a Task/Map/Parallel
//! result and `$states.errorOutput` in a catcher's own `Output`/`Assign`. A matched Choice rule
//! uses its own `Output`/`Assign`, the Default transition the state's.

use std::sync::Arc;

use serde_json::{Map, Value};

use super::Flow;
use crate::engine::compile::{Kind, State};
use crate::engine::errors::{Failure, names};
use crate::engine::jsonata::{JEnv, JField, JsonataSpec};
use crate::engine::lang::Vars;
use crate::engine::scheduler::{Block, CursorId, Run, TimerKind};
use crate::engine::time::parse_timestamp;
use crate::jsonata::States;

macro_rules! tri {
    ($e:expr) => {
        match $e {
            Ok(v) => v,
            Err(f) => return Flow::Fail(f),
        }
    };
}

/// A Fail state's `Error`/`Cause` value as text: strings bare, other values as JSON.
fn text(v: Value) -> String {
    match v {
        Value::String(s) => s,
        other => serde_json::to_string(&other).unwrap_or_default(),
    }
}

/// What a JSONata state reads, held for one step.
struct Seen {
    input: Value,
    context: Value,
    vars: Arc<Vars>,
}

impl Run {
    /// What the cursor's current state reads: its input, context object and variables.
    fn jsonata_seen(&self, id: CursorId, state: &State) -> Option<Seen> {
        let context = self.context_for(id, state);
        let c = self.cursors.get(id).and_then(Option::as_ref)?;
        Some(Seen { input: c.input.clone(), context, vars: c.vars.clone() })
    }

    /// Evaluates an `Assign` block and keeps the values until the state exits.
    fn jsonata_assign(
        &mut self,
        id: CursorId,
        assign: Option<&JField>,
        env: &JEnv<'_>,
        field: &str,
    ) -> Result<(), Failure> {
        let Some(assign) = assign else { return Ok(()) };
        if let Value::Object(values) = assign.eval(env, &mut self.entropy, field)?
            && let Some(c) = self.cursor(id)
        {
            match &mut c.assign {
                Some(existing) => existing.extend(values),
                None => c.assign = Some(values),
            }
        }
        Ok(())
    }

    /// `Output` (or `default` when the state has none) and `Assign`, in the field names of
    /// `prefix` (empty for the state itself, `Choices[0]/`, `Catch[1]/`).
    fn jsonata_output(
        &mut self,
        id: CursorId,
        output: Option<&JField>,
        assign: Option<&JField>,
        env: &JEnv<'_>,
        prefix: &str,
        default: Value,
    ) -> Result<Value, Failure> {
        self.jsonata_assign(id, assign, env, &format!("{prefix}Assign"))?;
        match output {
            Some(o) => o.eval(env, &mut self.entropy, &format!("{prefix}Output")),
            None => Ok(default),
        }
    }

    /// Pass, Succeed, Fail, Choice and Wait in a JSONata state.
    pub(crate) fn attempt_jsonata(
        &mut self,
        id: CursorId,
        state: &State,
        spec: &JsonataSpec,
    ) -> Flow {
        let Some(seen) = self.jsonata_seen(id, state) else { return Flow::Blocked };
        let states = States::new(&seen.input, &seen.context);
        let env = JEnv::new(&states, &*seen.vars).at(self.now);
        let input = seen.input.clone();
        match &state.kind {
            Kind::Fail { error, cause, .. } => {
                let mut field = |f: &Option<JField>, literal: &Option<String>, name: &str| match f {
                    Some(f) => f.eval(&env, &mut self.entropy, name).map(|v| Some(text(v))),
                    None => Ok(literal.clone()),
                };
                let error = tri!(field(&spec.error, error, "Error"));
                let cause = tri!(field(&spec.cause, cause, "Cause"));
                Flow::Fail(Failure { error, cause })
            }
            Kind::Pass { .. } | Kind::Succeed => Flow::Output(tri!(self.jsonata_output(
                id,
                spec.output.as_ref(),
                spec.assign.as_ref(),
                &env,
                "",
                input
            ))),
            Kind::Choice { default, .. } => {
                for (i, rule) in spec.choices.iter().enumerate() {
                    let field = format!("Choices[{i}]/Condition");
                    if tri!(rule.condition.eval_typed(&env, &mut self.entropy, &field, "boolean"))
                        == Value::Bool(true)
                    {
                        let prefix = format!("Choices[{i}]/");
                        let out = tri!(self.jsonata_output(
                            id,
                            rule.output.as_ref(),
                            rule.assign.as_ref(),
                            &env,
                            &prefix,
                            input
                        ));
                        return Flow::Goto(out, rule.next);
                    }
                }
                let Some(default) = *default else {
                    return Flow::Fail(Failure::new(
                        names::NO_CHOICE,
                        format!(
                            "No Choice rule matched in state '{}' and it has no Default.",
                            state.name
                        ),
                    ));
                };
                let out = tri!(self.jsonata_output(
                    id,
                    spec.output.as_ref(),
                    spec.assign.as_ref(),
                    &env,
                    "",
                    input
                ));
                Flow::Goto(out, default)
            }
            Kind::Wait(_) => {
                let until = tri!(self.jsonata_wait_until(spec, &env));
                let out = tri!(self.jsonata_output(
                    id,
                    spec.output.as_ref(),
                    spec.assign.as_ref(),
                    &env,
                    "",
                    input
                ));
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

    /// The epoch millisecond a JSONata Wait ends at.
    fn jsonata_wait_until(&mut self, spec: &JsonataSpec, env: &JEnv<'_>) -> Result<i64, Failure> {
        if let Some(seconds) = &spec.seconds {
            let v = seconds.eval(env, &mut self.entropy, "Seconds")?;
            return match v.as_f64().filter(|n| n.fract() == 0.0 && *n >= 0.0) {
                // Whole and non-negative: the cast keeps the value (saturating beyond i64).
                #[allow(clippy::cast_possible_truncation)]
                Some(n) => Ok(self.now.saturating_add((n as i64).saturating_mul(1000))),
                None => Err(Failure::new(
                    names::QUERY_EVALUATION,
                    format!(
                        "The Seconds field must be a non-negative integer, but was: {}",
                        serde_json::to_string(&v).unwrap_or_default()
                    ),
                )),
            };
        }
        let Some(timestamp) = &spec.timestamp else {
            return Err(Failure::runtime("A Wait state needs Seconds or Timestamp"));
        };
        let v = timestamp.eval(env, &mut self.entropy, "Timestamp")?;
        v.as_str().and_then(parse_timestamp).ok_or_else(|| {
            Failure::new(
                names::QUERY_EVALUATION,
                format!(
                    "The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: {}",
                    text(v)
                ),
            )
        })
    }

    /// `Output` and `Assign` after a Task/Map/Parallel result, with `$states.result`.
    pub(crate) fn finish_jsonata(
        &mut self,
        id: CursorId,
        state: &State,
        spec: &JsonataSpec,
        result: Value,
    ) -> Flow {
        let Some(seen) = self.jsonata_seen(id, state) else { return Flow::Blocked };
        let states = States { result: Some(&result), ..States::new(&seen.input, &seen.context) };
        let env = JEnv::new(&states, &*seen.vars).at(self.now);
        match self.jsonata_output(
            id,
            spec.output.as_ref(),
            spec.assign.as_ref(),
            &env,
            "",
            result.clone(),
        ) {
            Ok(v) => Flow::Output(v),
            Err(f) => Flow::Fail(self.in_current_state(id, state, f)),
        }
    }

    /// A JSONata `Catch` clause matched: its `Output` (default: the error output) and `Assign`,
    /// with `$states.errorOutput`; then the transition.
    pub(crate) fn catch_jsonata(
        &mut self,
        id: CursorId,
        state: &State,
        spec: &JsonataSpec,
        index: usize,
        failure: &Failure,
    ) -> super::Step {
        let error_output = failure.to_catch_output();
        let caught = spec.catchers.get(index);
        let Some(seen) = self.jsonata_seen(id, state) else { return super::Step::Stop };
        let states =
            States { error_output: Some(&error_output), ..States::new(&seen.input, &seen.context) };
        let env = JEnv::new(&states, &*seen.vars).at(self.now);
        if let Some(c) = self.cursor(id) {
            c.assign = None;
        }
        let prefix = format!("Catch[{index}]/");
        let output = self.jsonata_output(
            id,
            caught.and_then(|c| c.output.as_ref()),
            caught.and_then(|c| c.assign.as_ref()),
            &env,
            &prefix,
            error_output.clone(),
        );
        match output {
            Ok(v) => {
                let next = state.catch.get(index).map(|c| c.next);
                self.note_catch(id, state, failure, index);
                self.complete(id, state, v, next)
            }
            Err(f) => {
                let f = self.in_current_state(id, state, f);
                self.finish(id, Err(f));
                super::Step::Stop
            }
        }
    }

    /// AWS's `EvaluationFailed` event for a `States.QueryEvaluationError` a state raised itself.
    pub(crate) fn evaluation_failed(&mut self, id: CursorId, state: &State, f: &Failure) {
        let mut details = Map::new();
        if let Some(cause) = &f.cause {
            details.insert("cause".into(), Value::String(cause.clone()));
        }
        details.insert("error".into(), Value::String(f.error_name().to_string()));
        if let Some(at) = f.cause.as_deref().and_then(crate::engine::jsonata::location) {
            details.insert("location".into(), Value::String(at));
        }
        details.insert("state".into(), Value::String(state.name.to_string()));
        self.emit(id, "EvaluationFailed", None, None, || Value::Object(details));
    }

    /// Adds AWS's state prefix to a failure raised outside [`Run::attempt`].
    fn in_current_state(&self, id: CursorId, state: &State, f: Failure) -> Failure {
        let entered = self.cursors.get(id).and_then(Option::as_ref).map_or(0, |c| c.entered_event);
        f.in_state(&state.name, entered)
    }
}
