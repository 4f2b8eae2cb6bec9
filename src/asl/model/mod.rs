//! A typed view of a definition: every construct AWS accepts today, for the designer and any
//! code that wants names instead of JSON lookups.
//!
//! Guarantees: reading never fails and never panics. A member of the right type is typed
//! ([`Field::Ok`]); one of the wrong type is kept as written ([`Field::Invalid`]); members the
//! model does not describe are kept in each node's `extra` map; so nothing in the file is lost
//! and the validator, not the model, reports problems. Every node carries its JSON pointer, which
//! [`crate::asl::Document::span`] turns into a place in the text. Everything is serde
//! serialisable: the desktop UI receives the model as JSON.
//!
//! The model is read-only: changes go through [`crate::asl::edit`], which keeps the user's text.

mod field;
mod map;
mod rules;

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};
use serde_json::Value;

pub use field::{Count, Extra, Field, FromJson, jsonata_expression};
pub use map::{
    ExecutionType, ItemBatcher, ItemReader, MapState, ProcessorConfig, ProcessorMode, ReaderConfig,
    ResultWriter, WriterConfig,
};
pub use rules::{COMPARISONS, Catcher, ChoiceRule, Comparison, JitterStrategy, Retrier};

use field::{Members, spelled_enum};

use super::{Document, pointer};

spelled_enum!(
    /// `QueryLanguage`, at the top level or on one state.
    QueryLanguage { JsonPath = "JSONPath", Jsonata = "JSONata" }
);

spelled_enum!(
    /// A state's `Type`.
    StateType {
        Pass = "Pass",
        Task = "Task",
        Choice = "Choice",
        Wait = "Wait",
        Succeed = "Succeed",
        Fail = "Fail",
        Parallel = "Parallel",
        Map = "Map",
    }
);

/// The states of one scope, by name, in document order.
pub type States = IndexMap<String, Field<State>>;

/// A state machine: the whole definition, a Parallel branch, or a Map's processor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Machine {
    pub pointer: String,
    pub comment: Option<Field<String>>,
    pub start_at: Option<Field<String>>,
    pub version: Option<Field<String>>,
    pub timeout_seconds: Option<Field<Count>>,
    pub query_language: Option<Field<QueryLanguage>>,
    /// Only meaningful in a Map's `ItemProcessor`.
    pub processor_config: Option<Field<ProcessorConfig>>,
    pub states: Option<Field<States>>,
    pub extra: Extra,
}

impl FromJson for Machine {
    fn from_json(value: &Value, at: &str) -> Option<Self> {
        value.as_object()?;
        let mut m = Members::new(value, at);
        Some(Machine {
            pointer: at.to_string(),
            comment: m.field("Comment"),
            start_at: m.field("StartAt"),
            version: m.field("Version"),
            timeout_seconds: m.field("TimeoutSeconds"),
            query_language: m.field("QueryLanguage"),
            processor_config: m.field("ProcessorConfig"),
            states: m.field("States"),
            extra: m.extra(),
        })
    }
}

impl Machine {
    /// Reads a whole definition. A root that is not an object is kept raw.
    pub fn read(value: &Value) -> Field<Machine> {
        Field::read(value, "")
    }

    /// Reads a parsed document.
    pub fn of(doc: &Document) -> Field<Machine> {
        Machine::read(doc.value())
    }

    /// The well-typed states of this scope (not of nested branches), in document order.
    pub fn states(&self) -> impl Iterator<Item = &State> {
        let states = self.states.as_ref().and_then(Field::ok);
        states.into_iter().flat_map(|s| s.values().filter_map(Field::ok))
    }

    /// Every well-typed state, of this scope and of all nested ones, parents before children.
    pub fn all_states(&self) -> Vec<&State> {
        let mut out = Vec::new();
        for state in self.states() {
            out.push(state);
            for nested in state.nested() {
                out.extend(nested.all_states());
            }
        }
        out
    }

    /// The pointer of this scope's `States` object.
    pub fn states_pointer(&self) -> String {
        pointer::join(&self.pointer, "States")
    }
}

/// `Credentials` of a Task: the role to assume.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Credentials {
    pub pointer: String,
    pub role_arn: Option<Field<String>>,
    /// `RoleArn.$` (JSONPath).
    pub role_arn_path: Option<Field<String>>,
    pub extra: Extra,
}

impl FromJson for Credentials {
    fn from_json(value: &Value, at: &str) -> Option<Self> {
        value.as_object()?;
        let mut m = Members::new(value, at);
        Some(Credentials {
            pointer: at.to_string(),
            role_arn: m.field("RoleArn"),
            role_arn_path: m.field("RoleArn.$"),
            extra: m.extra(),
        })
    }
}

/// One state. The fields every state may carry are here; what only some types have is in
/// `kind`. Input/output fields are read for any type: the validator says where they are allowed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct State {
    pub name: String,
    pub pointer: String,
    pub state_type: Option<Field<StateType>>,
    pub comment: Option<Field<String>>,
    pub query_language: Option<Field<QueryLanguage>>,
    pub next: Option<Field<String>>,
    pub end: Option<Field<bool>>,
    // JSONPath input and output processing.
    pub input_path: Option<Field<Option<String>>>,
    pub parameters: Option<Value>,
    pub result_selector: Option<Value>,
    pub result_path: Option<Field<Option<String>>>,
    pub output_path: Option<Field<Option<String>>>,
    // JSONata input and output processing, and variables (both languages).
    pub arguments: Option<Value>,
    pub output: Option<Value>,
    pub assign: Option<Value>,
    pub kind: StateKind,
    pub extra: Extra,
}

/// The fields only a Task state has.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaskState {
    pub resource: Option<Field<String>>,
    pub credentials: Option<Field<Credentials>>,
    pub timeout_seconds: Option<Field<Count>>,
    pub timeout_seconds_path: Option<Field<String>>,
    pub heartbeat_seconds: Option<Field<Count>>,
    pub heartbeat_seconds_path: Option<Field<String>>,
    pub retry: Option<Field<Vec<Field<Retrier>>>>,
    pub catch: Option<Field<Vec<Field<Catcher>>>>,
}

/// What only some state types have.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type")]
pub enum StateKind {
    Pass {
        result: Option<Value>,
    },
    Task(Box<TaskState>),
    Choice {
        choices: Option<Field<Vec<Field<ChoiceRule>>>>,
        default: Option<Field<String>>,
    },
    Wait {
        seconds: Option<Field<Count>>,
        seconds_path: Option<Field<String>>,
        /// A timestamp string, or (JSONata) a `{% %}` expression.
        timestamp: Option<Field<String>>,
        timestamp_path: Option<Field<String>>,
    },
    Succeed,
    Fail {
        error: Option<Field<String>>,
        error_path: Option<Field<String>>,
        cause: Option<Field<String>>,
        cause_path: Option<Field<String>>,
    },
    Parallel {
        branches: Option<Field<Vec<Field<Machine>>>>,
        retry: Option<Field<Vec<Field<Retrier>>>>,
        catch: Option<Field<Vec<Field<Catcher>>>>,
    },
    Map(Box<MapState>),
    /// `Type` is missing or not one AWS knows: everything else is in `extra`.
    Unknown,
}

impl FromJson for State {
    fn from_json(value: &Value, at: &str) -> Option<Self> {
        value.as_object()?;
        let name = pointer::tokens(at).last().map(|t| t.into_owned()).unwrap_or_default();
        let mut m = Members::new(value, at);
        let state_type: Option<Field<StateType>> = m.field("Type");
        let mut state = State {
            name,
            pointer: at.to_string(),
            comment: m.field("Comment"),
            query_language: m.field("QueryLanguage"),
            next: m.field("Next"),
            end: m.field("End"),
            input_path: m.field("InputPath"),
            parameters: m.value("Parameters"),
            result_selector: m.value("ResultSelector"),
            result_path: m.field("ResultPath"),
            output_path: m.field("OutputPath"),
            arguments: m.value("Arguments"),
            output: m.value("Output"),
            assign: m.value("Assign"),
            kind: StateKind::Unknown,
            extra: Extra::new(),
            state_type,
        };
        state.kind = match state.state_type.as_ref().and_then(Field::ok) {
            Some(t) => StateKind::read(*t, &mut m),
            None => StateKind::Unknown,
        };
        state.extra = m.extra();
        Some(state)
    }
}

impl StateKind {
    fn read(state_type: StateType, m: &mut Members<'_>) -> StateKind {
        match state_type {
            StateType::Pass => StateKind::Pass { result: m.value("Result") },
            StateType::Task => StateKind::Task(Box::new(TaskState {
                resource: m.field("Resource"),
                credentials: m.field("Credentials"),
                timeout_seconds: m.field("TimeoutSeconds"),
                timeout_seconds_path: m.field("TimeoutSecondsPath"),
                heartbeat_seconds: m.field("HeartbeatSeconds"),
                heartbeat_seconds_path: m.field("HeartbeatSecondsPath"),
                retry: m.field("Retry"),
                catch: m.field("Catch"),
            })),
            StateType::Choice => {
                StateKind::Choice { choices: m.field("Choices"), default: m.field("Default") }
            }
            StateType::Wait => StateKind::Wait {
                seconds: m.field("Seconds"),
                seconds_path: m.field("SecondsPath"),
                timestamp: m.field("Timestamp"),
                timestamp_path: m.field("TimestampPath"),
            },
            StateType::Succeed => StateKind::Succeed,
            StateType::Fail => StateKind::Fail {
                error: m.field("Error"),
                error_path: m.field("ErrorPath"),
                cause: m.field("Cause"),
                cause_path: m.field("CausePath"),
            },
            StateType::Parallel => StateKind::Parallel {
                branches: m.field("Branches"),
                retry: m.field("Retry"),
                catch: m.field("Catch"),
            },
            StateType::Map => StateKind::Map(Box::new(MapState::read(m))),
        }
    }
}

impl State {
    /// The scopes nested in this state: Parallel branches and a Map's processor.
    pub fn nested(&self) -> Vec<&Machine> {
        match &self.kind {
            StateKind::Parallel { branches: Some(Field::Ok(branches)), .. } => {
                branches.iter().filter_map(Field::ok).collect()
            }
            StateKind::Map(map) => map.processor().into_iter().collect(),
            _ => Vec::new(),
        }
    }

    /// Every state this one can go to directly, with the pointer of the reference:
    /// `Next`, Choice rules' `Next`, `Default` and Catch `Next`.
    pub fn transitions(&self) -> Vec<(String, &str)> {
        fn add<'s>(out: &mut Vec<(String, &'s str)>, at: String, to: &'s Option<Field<String>>) {
            if let Some(Field::Ok(t)) = to {
                out.push((at, t.as_str()));
            }
        }
        let mut out = Vec::new();
        add(&mut out, pointer::join(&self.pointer, "Next"), &self.next);
        let catchers = match &self.kind {
            StateKind::Choice { choices, default } => {
                for rule in choices.iter().filter_map(Field::ok).flatten().filter_map(Field::ok) {
                    add(&mut out, pointer::join(&rule.pointer, "Next"), &rule.next);
                }
                add(&mut out, pointer::join(&self.pointer, "Default"), default);
                None
            }
            StateKind::Task(task) => task.catch.as_ref(),
            StateKind::Parallel { catch, .. } => catch.as_ref(),
            StateKind::Map(map) => map.catch.as_ref(),
            _ => None,
        };
        for c in catchers.and_then(Field::ok).into_iter().flatten().filter_map(Field::ok) {
            add(&mut out, pointer::join(&c.pointer, "Next"), &c.next);
        }
        out
    }
}
