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
    Breakpoints, Command, ExecutionReport, Notice, Outcome, PauseReason, Paused, RunOptions,
    Session, StateTrace, execute, execute_virtual,
};
