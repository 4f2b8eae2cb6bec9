//! The IPC contract between the Rust shell and the TypeScript UI: every type a command takes or
//! returns. `ui/src/ipc/bindings.ts` is generated from these by `cargo test` (see the test below),
//! which fails when the committed file drifts from the Rust definitions.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A definition file read from disk.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OpenedFile {
    /// Absolute path, as given to Save.
    pub path: String,
    /// The file name shown in the title bar.
    pub name: String,
    /// The exact text, byte for byte.
    pub text: String,
}

/// What the UI shows for one version of the text: a diagram and problems, or where the JSON breaks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "status", rename_all = "camelCase")]
pub enum Analysis {
    /// The text is JSON: here is its diagram and what the validator says about it.
    Parsed { diagram: Diagram, problems: Vec<Problem> },
    /// The text is not JSON (yet): the canvas keeps its last good diagram.
    NotJson { error: TextError },
}

/// The text after a change made from the canvas or the inspector, with its analysis when asked
/// for: one round trip, so the window shows a change of the diagram in both panes in one go. A
/// change of a field's value is asked without it: its text reaches the window sooner, and the
/// analysis follows as for typing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ChangedText {
    pub text: String,
    #[ts(type = "Analysis | null")]
    pub analysis: Option<Analysis>,
    /// The hand-placed states after the change, when it moved or dropped some (a rename carries
    /// a state's pins to its new name, a removal drops them); `null` when they are as they were.
    #[ts(type = "Record<string, Pin> | null")]
    pub pins: Option<BTreeMap<String, Pin>>,
}

/// Why the text is not JSON, and where (one-based line and column).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct TextError {
    pub message: String,
    pub line: u32,
    pub column: u32,
}

/// The laid-out workflow: absolute coordinates, top-left origin.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Diagram {
    pub width: f64,
    pub height: f64,
    /// Parents come before their children.
    pub nodes: Vec<DiagramNode>,
    pub edges: Vec<DiagramEdge>,
}

/// A state, or a container inside a Parallel (`Branch`) or Map (`ItemProcessor`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DiagramNode {
    /// JSON pointer of the state or container (`/States/Pay`).
    pub id: String,
    pub name: String,
    /// The state's `Type` (`Task`, `Choice`...), `Branch` or `ItemProcessor`.
    pub kind: String,
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    pub parent: Option<String>,
    /// Where the state is written in the text (its key), to jump there from the canvas.
    pub at: Option<TextPlace>,
}

/// A transition between two nodes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DiagramEdge {
    pub id: String,
    pub from: String,
    pub to: String,
    /// `next`, `choice`, `default`, `catch`...
    pub kind: String,
    pub label: Option<String>,
    /// The routed polyline (absolute), from `from`'s border to `to`'s.
    pub points: Vec<[f64; 2]>,
    /// Where the label's text starts (left end, vertically centred), when there is a label.
    pub label_at: Option<[f64; 2]>,
    /// Where the transition is written (`/States/C/Choices/0/Next`), to change or remove it.
    pub source: String,
}

/// One-based line and column in the text. The column counts characters (Unicode scalar
/// values), not bytes and not UTF-16 units: the UI converts (an emoji is one column here, two
/// units in the editor).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TextPlace {
    pub line: u32,
    pub column: u32,
}

/// A stretch of text, from `start` up to (not including) `end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TextSpan {
    pub start: TextPlace,
    pub end: TextPlace,
}

/// One problem the validator found, in plain words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Problem {
    /// Stable code (`MISSING_TRANSITION_TARGET`...).
    pub code: String,
    pub severity: ProblemSeverity,
    pub message: String,
    pub hint: Option<String>,
    /// The JSON pointer it is about, if any.
    pub pointer: Option<String>,
    /// The diagram node to focus when the problem is clicked.
    pub node: Option<String>,
    /// Where in the text.
    pub at: Option<TextPlace>,
    /// The exact text to mark in the editor: inside a JSONata expression, the character where
    /// it stops making sense; otherwise the key (or the value, on one line) the problem is about.
    pub span: Option<TextSpan>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum ProblemSeverity {
    Error,
    Warning,
}

/// A change made to one state from the inspector (the state is named by its JSON pointer).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "op", rename_all = "camelCase")]
pub enum StateChange {
    /// Renames the state and every transition to it.
    Rename { pointer: String, name: String },
    /// Sets the state's `Comment` (an empty comment removes it).
    SetComment { pointer: String, comment: String },
    /// Makes the state go to `target` next, or end the workflow when `None`.
    GoTo { pointer: String, target: Option<String> },
    /// Deletes the state (transitions to it are left for the validator to report).
    Remove { pointer: String },
    /// Sets or removes fields anywhere in the definition, in order, all or nothing: the
    /// inspector's forms write every field through this one change.
    Fields { edits: Vec<FieldEdit> },
}

/// One field written by a form, at an RFC 6901 pointer (`/States/Pay/TimeoutSeconds`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "op", rename_all = "camelCase")]
pub enum FieldEdit {
    /// Sets the field to a JSON value (`null` included), creating missing parent objects.
    Set {
        pointer: String,
        #[ts(type = "unknown")]
        value: serde_json::Value,
    },
    /// Removes the field if it is there.
    Remove { pointer: String },
}

/// Why a JSONata expression (`{% ... %}`) does not parse, and where.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct JsonataProblem {
    /// The parser's message.
    pub message: String,
    /// Where the problem is, in UTF-16 code units from the start of the whole `{% %}` string
    /// (as JavaScript counts), so the field can put the caret there.
    pub offset: u32,
}

/// A gesture on the canvas, made as one lossless edit (see `crate::canvas`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "op", rename_all = "camelCase")]
pub enum CanvasChange {
    /// A palette item (`Wait`, `lambda`...) dropped somewhere.
    Drop { item: String, place: DropPlace },
    /// A connection dragged from state `from` to state `to` (state pointers).
    Connect { from: String, to: String, link: LinkKind },
    /// Deletes states and transitions (transitions by where they are written).
    Delete { states: Vec<String>, transitions: Vec<String> },
    /// Copies of the states, next to them.
    Duplicate { states: Vec<String> },
    /// Copied states added to the `States` at `container`, after `after` (or at the end).
    Paste { container: String, states: Vec<CopiedState>, after: Option<String> },
}

/// Where a palette item was dropped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "at", rename_all = "camelCase")]
pub enum DropPlace {
    /// Into the `States` object at `states` (the workflow, a branch, a Map's steps).
    Container { states: String },
    /// Onto the transition written at `transition`.
    Transition { transition: String },
}

/// How a dragged connection joins two states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum LinkKind {
    Next,
    Rule,
    Default,
    Catch,
}

/// A state as copied: its name and its JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CopiedState {
    pub name: String,
    #[ts(type = "unknown")]
    pub state: serde_json::Value,
}

/// The text after a canvas change, and the pointers of the states it created (to select them).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CanvasResult {
    pub text: String,
    pub created: Vec<String>,
    /// The hand-placed states after the change, when it dropped some (deleted states);
    /// `null` when they are as they were.
    #[ts(type = "Record<string, Pin> | null")]
    pub pins: Option<BTreeMap<String, Pin>>,
}

/// A state placed by hand: its box's top-left, relative to the box that contains it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
pub struct Pin {
    pub x: f64,
    pub y: f64,
}

/// An exported picture of the diagram.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum ImageFormat {
    Png,
    Svg,
}

/// A starting point for File > New.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Template {
    pub id: String,
    pub title: String,
    pub description: String,
}

/// What went wrong in a command: a stable code the UI switches on and a sentence for people.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CommandError {
    pub code: ErrorCode,
    pub message: String,
    pub path: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ErrorCode {
    /// The file does not exist.
    NotFound,
    /// The system refused access.
    PermissionDenied,
    /// The file is not UTF-8 text.
    NotText,
    /// The file is too big to be a workflow definition.
    TooLarge,
    /// Reading failed for another reason.
    ReadFailed,
    /// Writing failed (disk full, read-only folder...).
    WriteFailed,
    /// No template with that id.
    UnknownTemplate,
    /// The definition cannot be changed that way (it does not parse, has no `States`...).
    CannotEdit,
    /// The workflow cannot run (not JSON, or a definition the engine refuses).
    NotRunnable,
    /// The execution input (or a task answer) is not valid JSON.
    BadInput,
    /// The mock configuration or its test case cannot be used.
    BadMocks,
    /// No execution is running (or none finished, for export and save).
    NotRunning,
}

/// The whole TypeScript contract, as committed in `ui/src/ipc/bindings.ts`.
pub fn typescript() -> String {
    let decls = [
        OpenedFile::decl(),
        Analysis::decl(),
        ChangedText::decl(),
        TextError::decl(),
        Diagram::decl(),
        DiagramNode::decl(),
        DiagramEdge::decl(),
        TextPlace::decl(),
        TextSpan::decl(),
        Problem::decl(),
        ProblemSeverity::decl(),
        StateChange::decl(),
        CanvasChange::decl(),
        DropPlace::decl(),
        LinkKind::decl(),
        CopiedState::decl(),
        CanvasResult::decl(),
        Pin::decl(),
        ImageFormat::decl(),
        FieldEdit::decl(),
        JsonataProblem::decl(),
        Template::decl(),
        CommandError::decl(),
        ErrorCode::decl(),
        crate::watch::FileEvent::decl(),
        crate::drafts::Draft::decl(),
    ];
    let decls = decls.into_iter().chain(crate::run::types::decls());
    let mut out = String::from(
        "// Generated from src-tauri/src/ipc.rs by `cargo test -p statewright-desktop`. Do not edit.\n\
         // To regenerate: UPDATE_BINDINGS=1 cargo test -p statewright-desktop bindings\n\n",
    );
    for decl in decls {
        out.push_str("export ");
        out.push_str(&decl);
        out.push_str("\n\n");
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bindings_ts_matches_the_rust_contract() {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/ipc/bindings.ts");
        let expected = typescript();
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            std::fs::write(&path, &expected).expect("write bindings.ts");
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == expected,
            "ui/src/ipc/bindings.ts is out of date: run UPDATE_BINDINGS=1 cargo test -p statewright-desktop bindings"
        );
    }

    #[test]
    fn tagged_analysis_serializes_as_the_ui_expects() {
        let a = Analysis::NotJson { error: TextError { message: "x".into(), line: 2, column: 3 } };
        let v = serde_json::to_value(&a).expect("serializes");
        assert_eq!(v["status"], "notJson");
        assert_eq!(v["error"]["line"], 2);
        let e = serde_json::to_value(ErrorCode::PermissionDenied).expect("serializes");
        assert_eq!(e, "PERMISSION_DENIED");
    }
}
