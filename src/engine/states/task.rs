//! Task states without AWS: mocked answers, callbacks and timeouts.
//!
//! The resource ARN decides the history shape: a plain Lambda function ARN logs
//! `LambdaFunction*` events, an activity `Activity*`, and a service integration
//! (`arn:aws:states:::service:action[.sync|.waitForTaskToken]`) `Task*` events, with
//! `TaskSubmitted` for `.sync`. Answers come from the Step Functions Local mock test case (one
//! invocation counter per state, retries included). `.waitForTaskToken` and activities without a
//! mock wait for a callback through the session; any other unmocked Task stops the execution with
//! a message naming the state and how to mock it.

use serde_json::{Map, Value, json};

use super::Flow;
use crate::engine::compile::{NumberSource, State, Task};
use crate::engine::errors::{Failure, names};
use crate::engine::history::payload;
use crate::engine::lang::{Env, result_path};
use crate::engine::mock::{MockAnswer, MockLookup};
use crate::engine::scheduler::{Awaiting, Block, CursorId, Run, TimerKind};

macro_rules! tri {
    ($e:expr) => {
        match $e {
            Ok(v) => v,
            Err(f) => return Flow::Fail(f),
        }
    };
}

/// How a Task's resource is called, which decides its events.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Resource {
    /// A plain Lambda function ARN.
    Lambda(String),
    /// An activity ARN.
    Activity(String),
    /// A service integration: `resourceType` (`lambda`, `aws-sdk:s3`), `resource` (`invoke`,
    /// `startExecution.sync`).
    Service { resource_type: String, resource: String, sync: bool, token: bool },
}

impl Resource {
    pub(crate) fn parse(arn: &str) -> Resource {
        let parts: Vec<&str> = arn.splitn(7, ':').collect();
        match parts.as_slice() {
            ["arn", _, "lambda", _, _, "function", _] => Resource::Lambda(arn.to_string()),
            ["arn", _, "states", _, _, "activity", _] => Resource::Activity(arn.to_string()),
            ["arn", _, "states", "", "", ..] => {
                // `service:action[.sync[:2]|.waitForTaskToken]` or `aws-sdk:service:action`.
                let rest = arn.splitn(6, ':').nth(5).unwrap_or("");
                let (sdk, rest) = match rest.strip_prefix("aws-sdk:") {
                    Some(r) => ("aws-sdk:", r),
                    None => ("", rest),
                };
                let (service, action) = rest.split_once(':').unwrap_or((rest, ""));
                let (resource_type, action) = (format!("{sdk}{service}"), action.to_string());
                Resource::Service {
                    sync: action.contains(".sync"),
                    token: action.ends_with(".waitForTaskToken"),
                    resource_type,
                    resource: action,
                }
            }
            _ => Resource::Service {
                resource_type: "unknown".into(),
                resource: arn.to_string(),
                sync: false,
                token: false,
            },
        }
    }

    fn waits_for_callback(&self) -> bool {
        matches!(self, Resource::Activity(_) | Resource::Service { token: true, .. })
    }

    fn service_fields(&self, m: &mut Map<String, Value>) {
        if let Resource::Service { resource_type, resource, .. } = self {
            m.insert("resource".into(), json!(resource));
            m.insert("resourceType".into(), json!(resource_type));
        }
    }
}

impl Run {
    fn seconds_field(
        &mut self,
        src: &Option<NumberSource>,
        field: &str,
        env: &Env<'_>,
    ) -> Result<Option<i64>, Failure> {
        match src {
            None => Ok(None),
            Some(NumberSource::Literal(v)) => Ok(v.as_i64()),
            Some(NumberSource::Jsonata(t)) => {
                let v = t.eval(env, &mut self.entropy)?;
                match v.as_i64() {
                    Some(n) if n > 0 => Ok(Some(n)),
                    _ => Err(Failure::new(
                        names::QUERY_EVALUATION,
                        format!(
                            "The {field} field must be a positive integer, but was: {}",
                            serde_json::to_string(&v).unwrap_or_default()
                        ),
                    )),
                }
            }
            Some(NumberSource::Path(p)) => {
                let v = p.select(env)?;
                match v.as_i64() {
                    Some(n) if n > 0 => Ok(Some(n)),
                    _ => Err(Failure::runtime(format!(
                        "The {field}Path field refers to value \"{}\" which is not a valid positive integer: {}",
                        match &v {
                            Value::String(s) => s.clone(),
                            o => serde_json::to_string(o).unwrap_or_default(),
                        },
                        p.as_str()
                    ))),
                }
            }
        }
    }

    pub(crate) fn attempt_task(&mut self, id: CursorId, state: &State, task: &Task) -> Flow {
        let resource = Resource::parse(&task.resource);
        if resource.waits_for_callback() {
            let token = self.entropy.uuid();
            if let Some(c) = self.cursor(id) {
                c.task_token = Some(token);
            }
        }
        let context = self.context_for(id, state);
        let Some(c) = self.cursors.get(id).and_then(Option::as_ref) else { return Flow::Blocked };
        let vars = c.vars.clone();
        let token = c.task_token.clone();
        let raw_env = Env { input: &c.input, context: &context, vars: &vars };
        let effective =
            tri!(Self::select_path(&state.input_path, c.input.clone(), &context, &vars));
        let _ = raw_env;
        let env = Env { input: &effective, context: &context, vars: &vars };
        let params = match &state.parameters {
            Some(t) => tri!(t.eval(&env, &mut self.entropy)),
            None => effective.clone(),
        };
        if self.traces.is_some() {
            let (e, p) = (effective.clone(), params.clone());
            self.stage(id, |s| {
                s.after_input_path = Some(e);
                s.after_parameters = Some(p);
            });
        }
        let timeout = tri!(self.seconds_field(&task.timeout, "TimeoutSeconds", &env));
        let heartbeat = tri!(self.seconds_field(&task.heartbeat, "HeartbeatSeconds", &env));
        let wants = self.history.wants_details();
        match &resource {
            Resource::Lambda(arn) | Resource::Activity(arn) => {
                let lambda = matches!(resource, Resource::Lambda(_));
                let details = if wants {
                    let mut m = Map::new();
                    m.insert("input".into(), payload(&params));
                    m.insert("inputDetails".into(), json!({"truncated": false}));
                    m.insert("resource".into(), json!(arn));
                    if let Some(t) = timeout {
                        m.insert("timeoutInSeconds".into(), json!(t));
                    }
                    if let Some(h) = heartbeat.filter(|_| !lambda) {
                        m.insert("heartbeatInSeconds".into(), json!(h));
                    }
                    Value::Object(m)
                } else {
                    Value::Null
                };
                let (scheduled, started) = if lambda {
                    ("LambdaFunctionScheduled", "LambdaFunctionStarted")
                } else {
                    ("ActivityScheduled", "ActivityStarted")
                };
                self.emit(id, scheduled, None, None, || details);
                self.emit(id, started, None, None, || if lambda { Value::Null } else { json!({}) });
            }
            Resource::Service { .. } => {
                let details = if wants {
                    let mut m = Map::new();
                    m.insert("parameters".into(), payload(&params));
                    m.insert("region".into(), json!(self.opts.identity.region));
                    resource.service_fields(&mut m);
                    if let Some(t) = timeout {
                        m.insert("timeoutInSeconds".into(), json!(t));
                    }
                    if let Some(h) = heartbeat {
                        m.insert("heartbeatInSeconds".into(), json!(h));
                    }
                    Value::Object(m)
                } else {
                    Value::Null
                };
                self.emit(id, "TaskScheduled", None, None, || details);
                let mut started = Map::new();
                resource.service_fields(&mut started);
                self.emit(id, "TaskStarted", None, None, || Value::Object(started));
            }
        }
        let n = {
            let counter = self.invocations.entry(state.name.clone()).or_insert(0);
            *counter += 1;
            *counter - 1
        };
        let answer = match &self.mocks {
            Some(m) => match m.lookup(&state.name, n) {
                MockLookup::Answer(a) => Some(a.clone()),
                MockLookup::Exhausted => {
                    return Flow::Fail(Failure::runtime(format!(
                        "The mock for Task state '{}' has no response for invocation {n} (invocations count from 0, retries included). Add an entry \"{n}\" (or a range) to its MockedResponses.",
                        state.name
                    )));
                }
                MockLookup::NotMocked => None,
            },
            None => None,
        };
        match answer {
            Some(MockAnswer::Return(v)) => self.task_succeeded(id, state, &resource, v),
            Some(MockAnswer::Throw(f)) => {
                if let Resource::Service { sync: true, .. } = resource {
                    let mut m = Map::new();
                    resource.service_fields(&mut m);
                    self.emit(id, "TaskSubmitted", None, None, || Value::Object(m));
                }
                self.task_failed(id, &resource, &f);
                Flow::Fail(f)
            }
            None if resource.waits_for_callback() => {
                let token = token.unwrap_or_default();
                let deadline = timeout.map(|t| self.now.saturating_add(t.saturating_mul(1000)));
                let heartbeat = heartbeat.map(|h| h.saturating_mul(1000));
                if let Some(c) = self.cursor(id) {
                    c.generation += 1;
                    c.block = Block::Callback(Box::new(Awaiting {
                        token: token.clone(),
                        deadline,
                        heartbeat,
                        resource,
                    }));
                }
                self.tokens.insert(token, id);
                self.arm_task_timers(id);
                Flow::Blocked
            }
            None => Flow::Fail(Failure::runtime(format!(
                "Task state '{}' (resource {}) has no mocked response, and Statewright never calls AWS. Mock it: run with --mock-config FILE --test-case NAME, where the test case maps \"{}\" to a response in MockedResponses.",
                state.name, task.resource, state.name
            ))),
        }
    }

    /// Sets the TimeoutSeconds / HeartbeatSeconds timers of a waiting Task.
    fn arm_task_timers(&mut self, id: CursorId) {
        let Some(c) = self.cursors.get(id).and_then(Option::as_ref) else { return };
        let Block::Callback(a) = &c.block else { return };
        let (deadline, heartbeat) = (a.deadline, a.heartbeat);
        if let Some(d) = deadline {
            self.set_timer(id, d, TimerKind::TaskTimeout);
        }
        if let Some(h) = heartbeat {
            self.set_timer(id, self.now.saturating_add(h), TimerKind::Heartbeat);
        }
    }

    fn task_failed(&mut self, id: CursorId, resource: &Resource, f: &Failure) {
        let timed_out =
            f.error_name() == names::TIMEOUT || f.error_name() == names::HEARTBEAT_TIMEOUT;
        let kind = match (resource, timed_out) {
            (Resource::Lambda(_), false) => "LambdaFunctionFailed",
            (Resource::Lambda(_), true) => "LambdaFunctionTimedOut",
            (Resource::Activity(_), false) => "ActivityFailed",
            (Resource::Activity(_), true) => "ActivityTimedOut",
            (Resource::Service { .. }, false) => "TaskFailed",
            (Resource::Service { .. }, true) => "TaskTimedOut",
        };
        let mut m = Map::new();
        if let Some(c) = &f.cause {
            m.insert("cause".into(), json!(c));
        }
        if let Some(e) = &f.error {
            m.insert("error".into(), json!(e));
        }
        resource.service_fields(&mut m);
        self.emit(id, kind, None, None, || Value::Object(m));
    }

    /// The raw result arrived: success events, then ResultSelector → ResultPath → OutputPath.
    fn task_succeeded(
        &mut self,
        id: CursorId,
        state: &State,
        resource: &Resource,
        result: Value,
    ) -> Flow {
        let who = match resource {
            Resource::Lambda(arn) => arn.as_str(),
            _ => &state.name,
        };
        if let Err(f) = self.check_payload(&result, who) {
            self.task_failed(id, resource, &f);
            return Flow::Fail(f);
        }
        let wants = self.history.wants_details();
        let out = |extra: &Resource| {
            let mut m = Map::new();
            if wants {
                m.insert("output".into(), payload(&result));
                m.insert("outputDetails".into(), json!({"truncated": false}));
            }
            extra.service_fields(&mut m);
            Value::Object(m)
        };
        match resource {
            Resource::Lambda(_) => {
                let d = out(resource);
                self.emit(id, "LambdaFunctionSucceeded", None, None, || d);
            }
            Resource::Activity(_) => {
                let d = out(resource);
                self.emit(id, "ActivitySucceeded", None, None, || d);
            }
            Resource::Service { sync, .. } => {
                if *sync {
                    let d = out(resource);
                    self.emit(id, "TaskSubmitted", None, None, || d);
                }
                let d = out(resource);
                self.emit(id, "TaskSucceeded", None, None, || d);
            }
        }
        self.finish_result(id, state, result)
    }

    /// ResultSelector → Assign → ResultPath → OutputPath on a Task/Map/Parallel result.
    pub(crate) fn finish_result(&mut self, id: CursorId, state: &State, result: Value) -> Flow {
        if self.traces.is_some() {
            let r = result.clone();
            self.stage(id, |s| s.result = Some(r));
        }
        if let Some(spec) = &state.jsonata {
            return self.finish_jsonata(id, state, spec, result);
        }
        let context = self.context_for(id, state);
        let Some(c) = self.cursors.get(id).and_then(Option::as_ref) else { return Flow::Blocked };
        let vars = c.vars.clone();
        let selected = match &state.result_selector {
            Some(t) => tri!(
                t.eval(&Env { input: &result, context: &context, vars: &vars }, &mut self.entropy)
            ),
            None => result,
        };
        if self.traces.is_some() {
            let sel = selected.clone();
            self.stage(id, |s| s.after_result_selector = Some(sel));
        }
        if let Some(t) = &state.assign {
            let env = Env { input: &selected, context: &context, vars: &vars };
            tri!(self.stage_assign(id, t, &env));
        }
        let Some(c) = self.cursors.get(id).and_then(Option::as_ref) else { return Flow::Blocked };
        let after = match &state.result_path {
            None => selected,
            Some(None) => c.input.clone(),
            Some(Some(p)) => tri!(result_path(Some(p), c.input.clone(), selected)),
        };
        if self.traces.is_some() {
            let a = after.clone();
            self.stage(id, |s| s.after_result_path = Some(a));
        }
        Flow::Output(tri!(Self::select_path(&state.output_path, after, &context, &vars)))
    }

    /// `SendTaskSuccess` / `SendTaskFailure` for a waiting task.
    pub(crate) fn callback(&mut self, token: &str, result: Result<Value, Failure>) {
        let Some(id) = self.tokens.remove(token) else { return };
        let Some(c) = self.cursor(id) else { return };
        let Block::Callback(a) = std::mem::take(&mut c.block) else { return };
        c.generation += 1;
        let Some((prog, graph, si)) = self.state_of(id) else { return };
        let state = Self::state(&prog, graph, si);
        let flow = match result {
            Ok(v) => self.task_succeeded(id, state, &a.resource, v),
            Err(f) => {
                self.task_failed(id, &a.resource, &f);
                Flow::Fail(f)
            }
        };
        if self.resolve(id, state, flow) == super::Step::Continue {
            self.ready.push_back(id);
        }
    }

    /// `SendTaskHeartbeat`: restarts the heartbeat timer.
    pub(crate) fn heartbeat(&mut self, token: &str) {
        let Some(&id) = self.tokens.get(token) else { return };
        if let Some(c) = self.cursor(id) {
            c.generation += 1;
        }
        self.arm_task_timers(id);
    }

    /// A waiting task ran out of time.
    pub(crate) fn task_timed_out(&mut self, id: CursorId, heartbeat: bool) {
        let Some(c) = self.cursor(id) else { return };
        let Block::Callback(a) = std::mem::take(&mut c.block) else { return };
        c.generation += 1;
        self.tokens.remove(&a.token);
        let f = Failure::bare(if heartbeat { names::HEARTBEAT_TIMEOUT } else { names::TIMEOUT });
        self.task_failed(id, &a.resource, &f);
        self.resolve_later(id, Flow::Fail(f));
    }
}

#[cfg(test)]
mod tests {
    use super::Resource;

    #[test]
    fn resource_kinds_and_event_names() {
        let service = |t: &str, r: &str, sync, token| Resource::Service {
            resource_type: t.into(),
            resource: r.into(),
            sync,
            token,
        };
        let cases = [
            ("arn:aws:states:::lambda:invoke", service("lambda", "invoke", false, false)),
            (
                "arn:aws:states:::aws-sdk:s3:getObject",
                service("aws-sdk:s3", "getObject", false, false),
            ),
            (
                "arn:aws:states:::states:startExecution.sync:2",
                service("states", "startExecution.sync:2", true, false),
            ),
            (
                "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                service("sqs", "sendMessage.waitForTaskToken", false, true),
            ),
            (
                "arn:aws:lambda:us-east-1:1:function:f",
                Resource::Lambda("arn:aws:lambda:us-east-1:1:function:f".into()),
            ),
            (
                "arn:aws:states:us-east-1:1:activity:a",
                Resource::Activity("arn:aws:states:us-east-1:1:activity:a".into()),
            ),
        ];
        for (arn, want) in cases {
            assert_eq!(Resource::parse(arn), want, "{arn}");
        }
    }
}
