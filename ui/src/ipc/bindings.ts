// Generated from src-tauri/src/ipc.rs by `cargo test -p statewright-desktop`. Do not edit.
// To regenerate: UPDATE_BINDINGS=1 cargo test -p statewright-desktop bindings

export type OpenedFile = { 
/**
 * Absolute path, as given to Save.
 */
path: string, 
/**
 * The file name shown in the title bar.
 */
name: string, 
/**
 * The exact text, byte for byte.
 */
text: string, };

export type Analysis = { "status": "parsed", diagram: Diagram, problems: Array<Problem>, } | { "status": "notJson", error: TextError, };

export type TextError = { message: string, line: number, column: number, };

export type Diagram = { width: number, height: number, 
/**
 * Parents come before their children.
 */
nodes: Array<DiagramNode>, edges: Array<DiagramEdge>, };

export type DiagramNode = { 
/**
 * JSON pointer of the state or container (`/States/Pay`).
 */
id: string, name: string, 
/**
 * The state's `Type` (`Task`, `Choice`...), `Branch` or `ItemProcessor`.
 */
kind: string, x: number, y: number, width: number, height: number, parent: string | null, 
/**
 * Where the state is written in the text (its key), to jump there from the canvas.
 */
at: TextPlace | null, };

export type DiagramEdge = { id: string, from: string, to: string, 
/**
 * `next`, `choice`, `default`, `catch`...
 */
kind: string, label: string | null, 
/**
 * The routed polyline (absolute), from `from`'s border to `to`'s.
 */
points: Array<[number, number]>, 
/**
 * Where the label's text starts (left end, vertically centred), when there is a label.
 */
labelAt: [number, number] | null, };

export type TextPlace = { line: number, column: number, };

export type Problem = { 
/**
 * Stable code (`MISSING_TRANSITION_TARGET`...).
 */
code: string, severity: ProblemSeverity, message: string, hint: string | null, 
/**
 * The JSON pointer it is about, if any.
 */
pointer: string | null, 
/**
 * The diagram node to focus when the problem is clicked.
 */
node: string | null, 
/**
 * Where in the text.
 */
at: TextPlace | null, };

export type ProblemSeverity = "error" | "warning";

export type StateChange = { "op": "rename", pointer: string, name: string, } | { "op": "setComment", pointer: string, comment: string, } | { "op": "goTo", pointer: string, target: string | null, } | { "op": "remove", pointer: string, };

export type Template = { id: string, title: string, description: string, };

export type CommandError = { code: ErrorCode, message: string, path: string | null, };

export type ErrorCode = "NOT_FOUND" | "PERMISSION_DENIED" | "NOT_TEXT" | "TOO_LARGE" | "READ_FAILED" | "WRITE_FAILED" | "UNKNOWN_TEMPLATE" | "CANNOT_EDIT";
