//! The workflow as a graph of states and transitions.
//!
//! Why: the validator (reachability, loops), the layout and the canvas all need the same view of
//! "which state can go where, and why". [`Workflow::build`] reads it straight from the
//! definition's JSON value so it works on definitions that do not validate yet.
//!
//! Guarantees:
//! - never panics, whatever the value: broken parts (a state that is not an object, a `Next` to
//!   a missing state, a branch without `States`) are skipped, everything else is kept;
//! - every state is keyed by its JSON pointer (`/States/Pay`,
//!   `/States/Fan/Branches/0/States/X`, `/States/Each/ItemProcessor/States/Y`, or `Iterator`);
//! - nodes, scopes and edges come in document order, so everything built on them is
//!   deterministic.

mod analysis;
mod build;
mod condition;

use std::collections::HashMap;

use petgraph::graph::{DiGraph, NodeIndex};

pub use condition::summarize_rule;

/// One state of the definition (at any nesting depth).
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// JSON pointer of the state object, e.g. `/States/Fan/Branches/0/States/X`.
    pub pointer: String,
    /// The state's name (its key in `States`).
    pub name: String,
    /// The state's `Type`, or an empty string when it has none (or not a string).
    pub kind: String,
    /// Index of the scope (in [`Workflow::scopes`]) whose `States` holds this state.
    pub scope: usize,
    /// Scopes this state owns: a Parallel's branches, a Map's item processor.
    pub containers: Vec<usize>,
}

/// Why a transition exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TransitionKind {
    /// `Next` of a state.
    Next,
    /// `Next` of a Choice rule.
    Choice,
    /// `Default` of a Choice state.
    Default,
    /// `Next` of a Catch entry.
    Catch,
    /// A Parallel state to the `StartAt` of one of its branches.
    BranchEntry,
    /// A terminal (`End: true` or Succeed) state of a branch back to its Parallel state.
    BranchExit,
    /// A Map state to the `StartAt` of its item processor.
    ProcessorEntry,
    /// A terminal state of a Map's item processor back to its Map state.
    ProcessorExit,
}

impl TransitionKind {
    /// The lowercase name used in layout JSON (`next`, `choice`, `default`, `catch`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            TransitionKind::Next => "next",
            TransitionKind::Choice => "choice",
            TransitionKind::Default => "default",
            TransitionKind::Catch => "catch",
            TransitionKind::BranchEntry => "branch",
            TransitionKind::BranchExit => "branch-exit",
            TransitionKind::ProcessorEntry => "processor",
            TransitionKind::ProcessorExit => "processor-exit",
        }
    }

    /// True for transitions between states of one scope (Next, Choice, Default, Catch), as
    /// opposed to entering or leaving a nested scope.
    pub fn is_flow(self) -> bool {
        matches!(
            self,
            TransitionKind::Next
                | TransitionKind::Choice
                | TransitionKind::Default
                | TransitionKind::Catch
        )
    }
}

/// One edge of the graph.
#[derive(Debug, Clone, PartialEq)]
pub struct Transition {
    pub kind: TransitionKind,
    /// A short caption: the Choice rule's condition (`$.amount > 100`), the caught errors.
    pub label: Option<String>,
    /// Pointer of the JSON member that creates it (`/States/C/Choices/0/Next`), or of the
    /// container for entry/exit edges.
    pub source: String,
}

/// What kind of `States` block a scope is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScopeKind {
    /// The top-level `States`.
    Root,
    /// One element of a Parallel's `Branches`.
    Branch,
    /// A Map's `ItemProcessor` (or legacy `Iterator`).
    ItemProcessor,
}

/// A `States` block with its own `StartAt`: the root, a branch or an item processor.
#[derive(Debug, Clone, PartialEq)]
pub struct Scope {
    /// Pointer of the object holding `StartAt`/`States`: `""` for the root,
    /// `/States/Fan/Branches/0`, `/States/Each/ItemProcessor`.
    pub pointer: String,
    pub kind: ScopeKind,
    /// The Parallel or Map state that owns it (`None` for the root).
    pub owner: Option<NodeIndex>,
    /// The `StartAt` state, when it names an existing state of this scope.
    pub start: Option<NodeIndex>,
    /// The states of this scope, in document order.
    pub states: Vec<NodeIndex>,
}

/// The whole definition as a directed graph.
#[derive(Debug, Clone, Default)]
pub struct Workflow {
    pub graph: DiGraph<State, Transition>,
    /// `scopes[0]` is the root (when the definition is an object); nested scopes follow in
    /// document order.
    pub scopes: Vec<Scope>,
    by_pointer: HashMap<String, NodeIndex>,
}

impl Workflow {
    /// Builds the graph of a definition. Never fails: what cannot be read is left out.
    pub fn build(definition: &serde_json::Value) -> Workflow {
        build::build(definition)
    }

    /// The state with this pointer.
    pub fn state(&self, pointer: &str) -> Option<NodeIndex> {
        self.by_pointer.get(pointer).copied()
    }

    /// The number of states.
    pub fn state_count(&self) -> usize {
        self.graph.node_count()
    }
}
