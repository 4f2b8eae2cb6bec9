//! Compiling a definition into an executable [`Program`].
//!
//! Every path, payload template and Choice rule is compiled once here, and every `Next` becomes
//! an index, so the scheduler never parses or looks names up while running. A definition that
//! cannot be compiled gives a [`CompileError`] naming the field (the CLI exits 2); anything that
//! can only be checked against data (a path that finds nothing...) is a runtime `Failure`.
//! Branches and Map processors are separate [`Graph`]s of the same program.

use std::collections::HashMap;
use std::sync::Arc;

use serde_json::{Map, Value};

use super::jsonata::JsonataSpec;
use super::lang::{CPath, Expr, Rule, Template};

/// Why a definition cannot be run: where, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompileError {
    /// The JSON-pointer-like location, e.g. `/States/Hello/Next`.
    pub at: String,
    pub message: String,
}

impl std::fmt::Display for CompileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", if self.at.is_empty() { "/" } else { &self.at }, self.message)
    }
}

impl std::error::Error for CompileError {}

type Res<T> = Result<T, CompileError>;

fn err<T>(at: &str, message: impl Into<String>) -> Res<T> {
    Err(CompileError { at: at.to_string(), message: message.into() })
}

/// Index of a graph (state list) in [`Program::graphs`].
pub type GraphId = usize;

/// A compiled state machine.
#[derive(Debug)]
pub struct Program {
    /// `graphs[0]` is the top level; Parallel branches and Map processors follow.
    pub graphs: Vec<Graph>,
    /// The top-level `TimeoutSeconds`.
    pub timeout_seconds: Option<u64>,
    /// Whether any state reads `$$` (the execution input is then kept for `$$.Execution.Input`).
    pub uses_context: bool,
}

/// One `StartAt` + `States` list.
#[derive(Debug)]
pub struct Graph {
    pub start: usize,
    pub states: Vec<State>,
}

/// The query language a state's expressions are written in (the seam for JSONata).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QueryLanguage {
    JsonPath,
    Jsonata,
}

/// A transition target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Next {
    State(usize),
    End,
}

/// A compiled state.
#[derive(Debug)]
pub struct State {
    pub name: Arc<str>,
    pub kind: Kind,
    pub query_language: QueryLanguage,
    /// `None` = `InputPath: null` (input becomes `{}`); default `$`.
    pub input_path: Option<Option<CPath>>,
    pub output_path: Option<Option<CPath>>,
    /// `Some(None)` = `ResultPath: null`; `None` = default `$`.
    pub result_path: Option<Option<CPath>>,
    pub parameters: Option<Template>,
    pub result_selector: Option<Template>,
    pub assign: Option<Template>,
    pub next: Next,
    pub retry: Vec<Retrier>,
    pub catch: Vec<Catcher>,
    /// Whether any expression of the state reads `$$` (the context object is built only then).
    pub uses_context: bool,
    /// The JSONata fields of a JSONata state (its JSONPath fields above stay empty then).
    pub jsonata: Option<Box<JsonataSpec>>,
    /// The state's JSON as written, kept for JSONata states (whose fields `Arguments`, `Output`,
    /// `Condition`... the JSONata evaluator reads); `Null` for JSONPath states.
    pub raw: Value,
}

/// A number given literally or by a reference path (`TimeoutSeconds` / `TimeoutSecondsPath`...).
#[derive(Debug)]
pub enum NumberSource {
    Literal(Value),
    Path(CPath),
    /// A `{% %}` expression (JSONata states).
    Jsonata(Template),
}

/// The state-type specific part.
#[derive(Debug)]
pub enum Kind {
    Pass {
        result: Option<Value>,
    },
    Task(Box<Task>),
    Choice {
        choices: Vec<ChoiceRule>,
        default: Option<usize>,
    },
    Wait(WaitFor),
    Succeed,
    Fail {
        error: Option<String>,
        error_path: Option<Expr>,
        cause: Option<String>,
        cause_path: Option<Expr>,
    },
    Parallel {
        branches: Vec<GraphId>,
    },
    Map(Box<MapSpec>),
}

/// A Task's resource and limits.
#[derive(Debug)]
pub struct Task {
    pub resource: String,
    pub timeout: Option<NumberSource>,
    pub heartbeat: Option<NumberSource>,
}

/// One Choice rule with its target and `Assign`.
#[derive(Debug)]
pub struct ChoiceRule {
    /// The JSONPath rule; `None` in a JSONata state (its `Condition` is in [`State::raw`]).
    pub rule: Option<Rule>,
    pub next: usize,
    pub assign: Option<Template>,
}

/// What a Wait waits for.
#[derive(Debug)]
pub enum WaitFor {
    Seconds(Value),
    SecondsPath(CPath),
    Timestamp(String),
    TimestampPath(CPath),
}

/// A Map state's configuration.
#[derive(Debug)]
pub struct MapSpec {
    pub processor: GraphId,
    pub distributed: bool,
    pub items_path: Option<CPath>,
    pub items: Option<Template>,
    /// `ItemSelector` or legacy `Parameters`.
    pub item_selector: Option<Template>,
    pub max_concurrency: Option<NumberSource>,
    pub tolerated_count: Option<NumberSource>,
    pub tolerated_percentage: Option<NumberSource>,
    pub item_reader: Option<Value>,
    pub item_batcher: Option<BatcherSpec>,
    pub result_writer: Option<Value>,
    pub label: Option<String>,
}

/// A Map's `ItemBatcher`: each child gets `{"BatchInput": ..., "Items": [...]}` with at most
/// `max_items` items of at most `max_bytes` bytes. In a JSONPath state the limits are numbers or
/// `...Path` references and `BatchInput` is a payload template; in a JSONata state the limits are
/// numbers or `{% %}` expressions and `BatchInput` a value with `{% %}` expressions.
#[derive(Debug, Default)]
pub struct BatcherSpec {
    pub max_items: Option<NumberSource>,
    pub max_bytes: Option<NumberSource>,
    pub batch_input: Option<Template>,
}

/// A `Retry` entry.
#[derive(Debug)]
pub struct Retrier {
    pub error_equals: Vec<String>,
    pub interval_seconds: f64,
    pub max_attempts: u64,
    pub backoff_rate: f64,
    pub max_delay_seconds: Option<f64>,
    pub full_jitter: bool,
}

/// A `Catch` entry.
#[derive(Debug)]
pub struct Catcher {
    pub error_equals: Vec<String>,
    pub next: usize,
    pub result_path: Option<Option<CPath>>,
    pub assign: Option<Template>,
}

struct Compiler {
    graphs: Vec<Graph>,
    /// The state machine's language: what states inside branches and Map processors fall back
    /// to (AWS does not inherit the enclosing Parallel's or Map's own `QueryLanguage`).
    top: QueryLanguage,
}

fn obj<'a>(v: &'a Value, at: &str) -> Res<&'a Map<String, Value>> {
    v.as_object().map_or_else(|| err(at, "must be a JSON object"), Ok)
}

fn string_field(o: &Map<String, Value>, key: &str, at: &str) -> Res<Option<String>> {
    match o.get(key) {
        None => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => err(&format!("{at}/{key}"), "must be a string"),
    }
}

fn path_field(
    o: &Map<String, Value>,
    key: &str,
    at: &str,
    reference: bool,
) -> Res<Option<Option<CPath>>> {
    match o.get(key) {
        None => Ok(None),
        Some(Value::Null) => Ok(Some(None)),
        Some(Value::String(s)) => {
            let parsed = if reference { CPath::parse_reference(s) } else { CPath::parse(s) };
            parsed.map(|p| Some(Some(p))).or_else(|e| err(&format!("{at}/{key}"), e))
        }
        Some(_) => err(&format!("{at}/{key}"), "must be a JSONPath string or null"),
    }
}

fn some_path(o: &Map<String, Value>, key: &str, at: &str) -> Res<Option<CPath>> {
    match path_field(o, key, at, true)? {
        Some(Some(p)) => Ok(Some(p)),
        Some(None) => err(&format!("{at}/{key}"), "must be a JSONPath string"),
        None => Ok(None),
    }
}

fn expr_field(o: &Map<String, Value>, key: &str, at: &str) -> Res<Option<Expr>> {
    string_field(o, key, at)?
        .map(|t| Expr::parse(&t).or_else(|e| err(&format!("{at}/{key}"), e)))
        .transpose()
}

fn template_field(o: &Map<String, Value>, key: &str, at: &str) -> Res<Option<Template>> {
    o.get(key).map(|v| Template::compile(v).or_else(|e| err(&format!("{at}/{key}"), e))).transpose()
}

/// A number field of one query language: `key` or `keyPath` in JSONPath, `key` (a number or a
/// `{% %}` expression) in JSONata.
fn number_source_in(
    o: &Map<String, Value>,
    key: &str,
    at: &str,
    ql: QueryLanguage,
) -> Res<Option<NumberSource>> {
    match ql {
        QueryLanguage::Jsonata => number_source(o, key, at),
        QueryLanguage::JsonPath => match some_path(o, &format!("{key}Path"), at)? {
            Some(p) => Ok(Some(NumberSource::Path(p))),
            None => Ok(o.get(key).map(|v| NumberSource::Literal(v.clone()))),
        },
    }
}

fn item_batcher(v: &Value, at: &str, ql: QueryLanguage) -> Res<BatcherSpec> {
    let at = format!("{at}/ItemBatcher");
    let Some(o) = v.as_object() else { return err(&at, "must be an object") };
    let batch_input = match (o.get("BatchInput"), ql) {
        (None, _) => None,
        (Some(v), QueryLanguage::Jsonata) => Some(
            Template::jsonata(v, "ItemBatcher/BatchInput", None)
                .or_else(|e| err(&format!("{at}/BatchInput"), e))?,
        ),
        (Some(_), QueryLanguage::JsonPath) => template_field(o, "BatchInput", &at)?,
    };
    Ok(BatcherSpec {
        max_items: number_source_in(o, "MaxItemsPerBatch", &at, ql)?,
        max_bytes: number_source_in(o, "MaxInputBytesPerBatch", &at, ql)?,
        batch_input,
    })
}

fn number_source(o: &Map<String, Value>, key: &str, at: &str) -> Res<Option<NumberSource>> {
    if let Some(p) = some_path(o, &format!("{key}Path"), at)? {
        return Ok(Some(NumberSource::Path(p)));
    }
    match o.get(key) {
        Some(v @ Value::String(text)) if crate::jsonata::template_body(text).is_some() => {
            let t = Template::jsonata(v, key, None).or_else(|e| err(&format!("{at}/{key}"), e))?;
            Ok(Some(NumberSource::Jsonata(t)))
        }
        v => Ok(v.map(|v| NumberSource::Literal(v.clone()))),
    }
}

/// Whether any `{% %}` expression in a JSONata state's JSON may read `$states.context` (the
/// context object, which holds the execution input, is built only then).
fn reads_context(state: &Value) -> bool {
    crate::jsonata::find_templates(state).iter().any(|t| {
        crate::jsonata::parse(&t.expression).map_or(true, |e| e.may_read_states("context"))
    })
}

fn error_list(v: Option<&Value>, at: &str) -> Res<Vec<String>> {
    let Some(Value::Array(items)) = v else {
        return err(&format!("{at}/ErrorEquals"), "must be a non-empty array of error names");
    };
    items
        .iter()
        .map(|e| e.as_str().map(str::to_string))
        .collect::<Option<Vec<_>>>()
        .map_or_else(|| err(&format!("{at}/ErrorEquals"), "must hold strings"), Ok)
}

fn number(v: Option<&Value>, at: &str, default: f64) -> Res<f64> {
    match v {
        None => Ok(default),
        Some(n) => n.as_f64().map_or_else(|| err(at, "must be a number"), Ok),
    }
}

/// Compiles a definition (the parsed JSON of an `.asl.json` file).
pub fn compile(definition: &Value) -> Result<Program, CompileError> {
    let root = obj(definition, "")?;
    let mut c = Compiler { graphs: Vec::new(), top: QueryLanguage::JsonPath };
    let top_ql = match root.get("QueryLanguage").and_then(Value::as_str) {
        Some("JSONata") => QueryLanguage::Jsonata,
        _ => QueryLanguage::JsonPath,
    };
    c.top = top_ql;
    c.graph(definition, "", top_ql)?;
    let timeout_seconds = match root.get("TimeoutSeconds") {
        None => None,
        Some(v) => Some(
            v.as_u64().map_or_else(|| err("/TimeoutSeconds", "must be a positive integer"), Ok)?,
        ),
    };
    let uses_context = c.graphs.iter().flat_map(|g| &g.states).any(|s| s.uses_context);
    Ok(Program { graphs: c.graphs, timeout_seconds, uses_context })
}

impl Compiler {
    fn graph(&mut self, v: &Value, at: &str, ql: QueryLanguage) -> Res<GraphId> {
        let o = obj(v, at)?;
        let id = self.graphs.len();
        self.graphs.push(Graph { start: 0, states: Vec::new() });
        let ql = match o.get("QueryLanguage").and_then(Value::as_str) {
            Some("JSONata") => QueryLanguage::Jsonata,
            Some("JSONPath") => QueryLanguage::JsonPath,
            _ => ql,
        };
        let states_at = format!("{at}/States");
        let states =
            o.get("States").map_or_else(|| err(at, "has no States"), |s| obj(s, &states_at))?;
        if states.is_empty() {
            return err(&states_at, "must hold at least one state");
        }
        let index: HashMap<&str, usize> =
            states.keys().enumerate().map(|(i, k)| (k.as_str(), i)).collect();
        let target = |name: Option<&Value>, at: &str| -> Res<usize> {
            let name =
                name.and_then(Value::as_str).map_or_else(|| err(at, "must name a state"), Ok)?;
            index
                .get(name)
                .copied()
                .map_or_else(|| err(at, format!("names '{name}', which is not a state here")), Ok)
        };
        let start = target(o.get("StartAt"), &format!("{at}/StartAt"))?;
        let mut compiled = Vec::with_capacity(states.len());
        for (name, sv) in states {
            let sat = format!("{states_at}/{}", crate::asl::pointer::escape(name));
            compiled.push(self.state(name, sv, &sat, ql, &target)?);
        }
        self.graphs[id] = Graph { start, states: compiled };
        Ok(id)
    }

    fn state(
        &mut self,
        name: &str,
        v: &Value,
        at: &str,
        ql: QueryLanguage,
        target: &dyn Fn(Option<&Value>, &str) -> Res<usize>,
    ) -> Res<State> {
        let o = obj(v, at)?;
        let ty = string_field(o, "Type", at)?.map_or_else(|| err(at, "has no Type"), Ok)?;
        let query_language = match o.get("QueryLanguage").and_then(Value::as_str) {
            Some("JSONata") => QueryLanguage::Jsonata,
            Some("JSONPath") => QueryLanguage::JsonPath,
            _ => ql,
        };
        let next = if matches!(ty.as_str(), "Choice" | "Succeed" | "Fail")
            || o.get("End") == Some(&Value::Bool(true))
        {
            Next::End
        } else {
            Next::State(target(o.get("Next"), &format!("{at}/Next"))?)
        };
        let kind = match ty.as_str() {
            "Pass" => Kind::Pass { result: o.get("Result").cloned() },
            "Task" => Kind::Task(Box::new(Task {
                resource: string_field(o, "Resource", at)?
                    .map_or_else(|| err(at, "a Task needs a Resource"), Ok)?,
                timeout: number_source(o, "TimeoutSeconds", at)?,
                heartbeat: number_source(o, "HeartbeatSeconds", at)?,
            })),
            "Choice" if query_language == QueryLanguage::Jsonata => Kind::Choice {
                choices: Vec::new(),
                default: o
                    .get("Default")
                    .map(|d| target(Some(d), &format!("{at}/Default")))
                    .transpose()?,
            },
            "Choice" => {
                let list = o.get("Choices").and_then(Value::as_array);
                let list = list.map_or_else(|| err(at, "a Choice needs Choices"), Ok)?;
                let mut choices = Vec::new();
                for (i, rule) in list.iter().enumerate() {
                    let rat = format!("{at}/Choices/{i}");
                    let ro = obj(rule, &rat)?;
                    choices.push(ChoiceRule {
                        rule: if query_language == QueryLanguage::Jsonata {
                            None
                        } else {
                            Some(Rule::compile(rule).or_else(|e| err(&rat, e))?)
                        },
                        next: target(ro.get("Next"), &format!("{rat}/Next"))?,
                        assign: template_field(ro, "Assign", &rat)?,
                    });
                }
                let default = o
                    .get("Default")
                    .map(|d| target(Some(d), &format!("{at}/Default")))
                    .transpose()?;
                Kind::Choice { choices, default }
            }
            "Wait" => Kind::Wait(if let Some(s) = o.get("Seconds") {
                WaitFor::Seconds(s.clone())
            } else if let Some(p) = some_path(o, "SecondsPath", at)? {
                WaitFor::SecondsPath(p)
            } else if let Some(t) = string_field(o, "Timestamp", at)? {
                WaitFor::Timestamp(t)
            } else if let Some(p) = some_path(o, "TimestampPath", at)? {
                WaitFor::TimestampPath(p)
            } else {
                return err(at, "a Wait needs Seconds, SecondsPath, Timestamp or TimestampPath");
            }),
            "Succeed" => Kind::Succeed,
            "Fail" => Kind::Fail {
                error: string_field(o, "Error", at)?,
                error_path: expr_field(o, "ErrorPath", at)?,
                cause: string_field(o, "Cause", at)?,
                cause_path: expr_field(o, "CausePath", at)?,
            },
            "Parallel" => {
                let list = o.get("Branches").and_then(Value::as_array);
                let list = list.map_or_else(|| err(at, "a Parallel needs Branches"), Ok)?;
                let mut branches = Vec::new();
                for (i, b) in list.iter().enumerate() {
                    branches.push(self.graph(b, &format!("{at}/Branches/{i}"), self.top)?);
                }
                Kind::Parallel { branches }
            }
            "Map" => Kind::Map(Box::new(self.map(o, at, query_language)?)),
            other => return err(&format!("{at}/Type"), format!("'{other}' is not a state type")),
        };
        let mut retry = Vec::new();
        if let Some(list) = o.get("Retry").and_then(Value::as_array) {
            for (i, r) in list.iter().enumerate() {
                let rat = format!("{at}/Retry/{i}");
                let ro = obj(r, &rat)?;
                retry.push(Retrier {
                    error_equals: error_list(ro.get("ErrorEquals"), &rat)?,
                    interval_seconds: number(ro.get("IntervalSeconds"), &rat, 1.0)?,
                    max_attempts: number(ro.get("MaxAttempts"), &rat, 3.0)?.max(0.0) as u64,
                    backoff_rate: number(ro.get("BackoffRate"), &rat, 2.0)?,
                    max_delay_seconds: ro.get("MaxDelaySeconds").and_then(Value::as_f64),
                    full_jitter: ro.get("JitterStrategy").and_then(Value::as_str) == Some("FULL"),
                });
            }
        }
        let mut catch = Vec::new();
        if let Some(list) = o.get("Catch").and_then(Value::as_array) {
            for (i, r) in list.iter().enumerate() {
                let cat = format!("{at}/Catch/{i}");
                let co = obj(r, &cat)?;
                catch.push(Catcher {
                    error_equals: error_list(co.get("ErrorEquals"), &cat)?,
                    next: target(co.get("Next"), &format!("{cat}/Next"))?,
                    result_path: path_field(co, "ResultPath", &cat, true)?,
                    assign: template_field(co, "Assign", &cat)?,
                });
            }
        }
        let is_map = ty == "Map";
        let jsonata = query_language == QueryLanguage::Jsonata;
        if jsonata {
            let jtarget =
                |name: Option<&Value>, at: &str| target(name, at).map_err(|e| (e.at, e.message));
            let spec = JsonataSpec::compile(o, at, &jtarget)
                .map_err(|(at, message)| CompileError { at, message })?;
            let arguments = match o.get("Arguments") {
                Some(v) if !is_map => Some(
                    Template::jsonata(v, "Arguments", None)
                        .or_else(|e| err(&format!("{at}/Arguments"), e))?,
                ),
                _ => None,
            };
            return Ok(State {
                name: Arc::from(name),
                uses_context: reads_context(v),
                kind,
                query_language,
                input_path: None,
                output_path: None,
                result_path: None,
                parameters: arguments,
                result_selector: None,
                assign: None,
                next,
                retry,
                catch,
                jsonata: Some(Box::new(spec)),
                raw: v.clone(),
            });
        }
        Ok(State {
            name: Arc::from(name),
            uses_context: serde_json::to_string(v).is_ok_and(|t| t.contains("$$")),
            kind,
            query_language,
            input_path: path_field(o, "InputPath", at, false)?,
            output_path: path_field(o, "OutputPath", at, false)?,
            result_path: path_field(o, "ResultPath", at, true)?,
            parameters: if is_map { None } else { template_field(o, "Parameters", at)? },
            result_selector: template_field(o, "ResultSelector", at)?,
            assign: if jsonata { None } else { template_field(o, "Assign", at)? },
            raw: if jsonata { v.clone() } else { Value::Null },
            next,
            retry,
            catch,
            jsonata: None,
        })
    }

    fn map(&mut self, o: &Map<String, Value>, at: &str, ql: QueryLanguage) -> Res<MapSpec> {
        let (proc_key, proc) = match (o.get("ItemProcessor"), o.get("Iterator")) {
            (Some(p), _) => ("ItemProcessor", p),
            (None, Some(p)) => ("Iterator", p),
            _ => return err(at, "a Map needs an ItemProcessor"),
        };
        let distributed = proc
            .pointer("/ProcessorConfig/Mode")
            .and_then(Value::as_str)
            .is_some_and(|m| m == "DISTRIBUTED");
        let processor = self.graph(proc, &format!("{at}/{proc_key}"), self.top)?;
        let (items, item_selector) = if ql == QueryLanguage::Jsonata {
            let items = match o.get("Items") {
                Some(v) => Template::jsonata(v, "Items", Some("array"))
                    .or_else(|e| err(&format!("{at}/Items"), e))?,
                None => Template::jsonata_input_array(),
            };
            let selector = o
                .get("ItemSelector")
                .map(|v| {
                    Template::jsonata(v, "ItemSelector", None)
                        .or_else(|e| err(&format!("{at}/ItemSelector"), e))
                })
                .transpose()?;
            (Some(items), selector)
        } else {
            let selector = match template_field(o, "ItemSelector", at)? {
                Some(t) => Some(t),
                None => template_field(o, "Parameters", at)?,
            };
            (template_field(o, "Items", at)?, selector)
        };
        Ok(MapSpec {
            processor,
            distributed,
            items_path: some_path(o, "ItemsPath", at)?,
            items,
            item_selector,
            max_concurrency: number_source(o, "MaxConcurrency", at)?,
            tolerated_count: number_source(o, "ToleratedFailureCount", at)?,
            tolerated_percentage: number_source(o, "ToleratedFailurePercentage", at)?,
            item_reader: o.get("ItemReader").cloned(),
            item_batcher: o.get("ItemBatcher").map(|b| item_batcher(b, at, ql)).transpose()?,
            result_writer: o.get("ResultWriter").cloned(),
            label: string_field(o, "Label", at)?,
        })
    }
}
