//! Statewright core: the pipeline behind the designer, the debugger and the CLI.
//!
//! `asl` reads a `.asl.json` text into a [`asl::Document`] that keeps every byte and can point at
//! any node; `validate` checks a document the way AWS does when a state machine is created;
//! `graph` and `layout` turn it into a diagram; `engine` runs it locally as AWS would; `scenario`
//! runs a mock configuration's test cases against their expectations and measures coverage.
//! Nothing here knows about Tauri or a window: the desktop shell and the CLI are thin adapters.

pub mod asl;
pub mod cli;
pub mod diagnostic;
pub mod engine;
pub mod graph;
pub mod jsonata;
pub mod layout;
pub mod render;
pub mod scenario;
pub mod validate;
