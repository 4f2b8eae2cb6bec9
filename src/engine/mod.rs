//! The execution engine: runs a state machine locally with AWS's semantics.
