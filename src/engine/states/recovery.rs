//! Error handling: `Retry` first, then `Catch`, else the failure leaves the cursor.
//!
//! AWS's rules: the first retrier whose `ErrorEquals` matches decides (when it is exhausted, no
//! later retrier is tried); `States.ALL` never matches `States.Runtime`; the delay is
//! `IntervalSeconds × BackoffRate^attempt`, capped by `MaxDelaySeconds`, and with `FULL` jitter a
//! random fraction of it from the execution's seeded source. A Map/Parallel whose children failed
//! logs `MapStateFailed`/`ParallelStateFailed` only once it gives up retrying.

use serde_json::Value;

use super::Step;
use crate::engine::compile::{Kind, State};
use crate::engine::errors::{Failure, names};
use crate::engine::lang::{Env, result_path};
use crate::engine::scheduler::{Block, CursorId, Run, TimerKind};

impl Run {
    /// Handles a failure of the cursor's current state. `from_children` is set when a Map or
    /// Parallel failed because of its branches/iterations.
    pub(crate) fn handle_failure(
        &mut self,
        id: CursorId,
        state: &State,
        f: Failure,
        from_children: bool,
    ) -> Step {
        let own_evaluation = !from_children && f.error_name() == names::QUERY_EVALUATION;
        if own_evaluation {
            self.evaluation_failed(id, state, &f);
        }
        if !f.is_terminal()
            && let Some(i) = state.retry.iter().position(|r| f.matches(&r.error_equals))
        {
            {
                let r = &state.retry[i];
                let Some(c) = self.cursors.get_mut(id).and_then(Option::as_mut) else {
                    return Step::Stop;
                };
                if c.attempts.len() < state.retry.len() {
                    c.attempts.resize(state.retry.len(), 0);
                }
                let done = c.attempts[i];
                if done < r.max_attempts {
                    let mut delay = r.interval_seconds * r.backoff_rate.powi(done.min(1000) as i32);
                    if let Some(max) = r.max_delay_seconds {
                        delay = delay.min(max);
                    }
                    c.attempts[i] = done + 1;
                    c.retry_count += 1;
                    c.block = Block::Retry;
                    c.generation += 1;
                    if r.full_jitter {
                        delay *= self.entropy.next_f64();
                    }
                    let ms = (delay * 1000.0).clamp(0.0, 1e15) as i64;
                    self.set_timer(id, self.now.saturating_add(ms), TimerKind::Wake);
                    return Step::Stop;
                }
            }
        }
        if from_children || own_evaluation {
            let kind = match state.kind {
                Kind::Map(_) => Some("MapStateFailed"),
                Kind::Parallel { .. } => Some("ParallelStateFailed"),
                _ => None,
            };
            if let Some(kind) = kind {
                self.emit(id, kind, None, None, || Value::Null);
            }
        }
        if !f.is_terminal()
            && let Some(index) = state.catch.iter().position(|c| f.matches(&c.error_equals))
        {
            if let Some(spec) = &state.jsonata {
                return self.catch_jsonata(id, state, spec, index, &f);
            }
            let catcher = &state.catch[index];
            {
                let mut error_output = f.to_catch_output();
                if let (Kind::Task(_), None, Value::Object(m)) =
                    (&state.kind, &f.cause, &mut error_output)
                {
                    m.insert("Cause".into(), Value::String(String::new()));
                }
                let Some(c) = self.cursors.get_mut(id).and_then(Option::as_mut) else {
                    return Step::Stop;
                };
                let raw_input = std::mem::take(&mut c.input);
                let output = match &catcher.result_path {
                    None => Ok(error_output.clone()),
                    Some(None) => Ok(raw_input),
                    Some(Some(p)) => result_path(Some(p), raw_input, error_output.clone()),
                };
                let output = match output {
                    Ok(o) => o,
                    Err(e) => {
                        self.finish(id, Err(e));
                        return Step::Stop;
                    }
                };
                if let Some(t) = &catcher.assign {
                    let context = self.context_for(id, state);
                    let Some(c) = self.cursors.get(id).and_then(Option::as_ref) else {
                        return Step::Stop;
                    };
                    let vars = c.vars.clone();
                    let env = Env { input: &error_output, context: &context, vars: &vars };
                    match t.eval(&env, &mut self.entropy) {
                        Ok(Value::Object(values)) => {
                            if let Some(c) = self.cursor(id) {
                                c.assign = Some(values);
                            }
                        }
                        Ok(_) => {}
                        Err(e) => {
                            let entered = c.entered_event;
                            self.finish(id, Err(e.in_state(&state.name, entered)));
                            return Step::Stop;
                        }
                    }
                }
                self.note_catch(id, state, &f, index);
                return self.complete(id, state, output, Some(catcher.next));
            }
        }
        if self.traces.is_some() {
            self.record_trace(id, &state.name);
        }
        if self.debug.breakpoints.on_error {
            self.debug.pause_next = Some(crate::engine::session::PauseReason::Error(f.clone()));
        }
        self.finish(id, Err(f));
        Step::Stop
    }
}
