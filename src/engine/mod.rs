//! The execution engine: runs a state machine locally with AWS's semantics.
//!
//! Pipeline: [`compile`] turns a definition into a [`Program`] (paths, templates and rules
//! compiled once, `Next` names resolved to indexes); the scheduler runs it as cursors over
//! virtual time (deterministic for a given seed and start time); [`session`] is the public entry
//! point, both for running to the end ([`execute`], [`execute_virtual`]) and for a step-by-step
//! debugger ([`Session`]). Time comes from an injected [`Clock`], randomness from a seeded
//! [`Entropy`]; tasks are answered by a Step Functions Local [`MockConfig`]. Nothing here reads
//! the system clock or calls AWS.
//!
//! Guarantees: no panic on any definition or input (bad data is a `States.*` failure, a bad
//! definition a [`CompileError`]); AWS's quotas (256 KiB payloads, 25,000 history events) unless
//! `ignore_quotas`; history events with AWS's `HistoryEventType` names, ids and details.
//!
//! ```
//! use std::sync::Arc;
//! use serde_json::json;
//! use statewright::engine::{compile, execute_virtual, ExecutionIdentity, Outcome, RunOptions};
//!
//! let definition = json!({"StartAt": "Hi", "States": {"Hi": {
//!     "Type": "Pass", "Parameters": {"greeting.$": "States.Format('Hello, {}!', $.name)"}, "End": true}}});
//! let program = Arc::new(compile(&definition).unwrap());
//! let identity = ExecutionIdentity {
//!     execution_name: "run-1".into(), state_machine_name: "hello".into(), account: "123456789012".into(),
//!     region: "us-east-1".into(), role_arn: "arn:aws:iam::123456789012:role/r".into(),
//!     partition: "aws".into(), express: false,
//! };
//! let opts = RunOptions {
//!     input: json!({"name": "Ada"}), identity, mocks: None, ignore_quotas: false,
//!     record_history: true, trace: false, seed: 1, base_dir: ".".into(),
//! };
//! let report = execute_virtual(program, opts, 0);
//! assert_eq!(report.outcome, Outcome::Succeeded(json!({"greeting": "Hello, Ada!"})));
//! assert_eq!(report.history.len(), 4); // ExecutionStarted, PassStateEntered/Exited, ExecutionSucceeded
//! ```

pub mod clock;
pub mod compile;
pub mod entropy;
pub mod errors;
pub mod history;
pub mod io;
mod items;
pub mod jsonata;
pub mod lang;
pub mod mock;
mod scheduler;
pub mod session;
mod states;
pub mod time;

pub use clock::{Clock, RealClock, VirtualClock};
pub use compile::{CompileError, Program, compile};
pub use entropy::Entropy;
pub use errors::Failure;
pub use history::{EventSink, HistoryEvent};
pub use mock::{MockCase, MockConfig};
pub use scheduler::ExecutionIdentity;
pub use session::{
    Breakpoints, Caught, Command, ExecutionReport, Notice, Outcome, PauseReason, Paused,
    RunOptions, Session, StateTrace, execute, execute_virtual,
};
