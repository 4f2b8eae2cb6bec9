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

export type ChangedText = { text: string, analysis: Analysis | null, 
/**
 * The hand-placed states after the change, when it moved or dropped some (a rename carries
 * a state's pins to its new name, a removal drops them); `null` when they are as they were.
 */
pins: Record<string, Pin> | null, };

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
labelAt: [number, number] | null, 
/**
 * Where the transition is written (`/States/C/Choices/0/Next`), to change or remove it.
 */
source: string, };

export type TextPlace = { line: number, column: number, };

export type TextSpan = { start: TextPlace, end: TextPlace, };

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
at: TextPlace | null, 
/**
 * The exact text to mark in the editor: inside a JSONata expression, the character where
 * it stops making sense; otherwise the key (or the value, on one line) the problem is about.
 */
span: TextSpan | null, };

export type ProblemSeverity = "error" | "warning";

export type StateChange = { "op": "rename", pointer: string, name: string, } | { "op": "setComment", pointer: string, comment: string, } | { "op": "goTo", pointer: string, target: string | null, } | { "op": "remove", pointer: string, } | { "op": "fields", edits: Array<FieldEdit>, };

export type CanvasChange = { "op": "drop", item: string, place: DropPlace, } | { "op": "connect", from: string, to: string, link: LinkKind, } | { "op": "delete", states: Array<string>, transitions: Array<string>, } | { "op": "duplicate", states: Array<string>, } | { "op": "paste", container: string, states: Array<CopiedState>, after: string | null, };

export type DropPlace = { "at": "container", states: string, } | { "at": "transition", transition: string, };

export type LinkKind = "next" | "rule" | "default" | "catch";

export type CopiedState = { name: string, state: unknown, };

export type CanvasResult = { text: string, created: Array<string>, 
/**
 * The hand-placed states after the change, when it dropped some (deleted states);
 * `null` when they are as they were.
 */
pins: Record<string, Pin> | null, };

export type Pin = { x: number, y: number, };

export type ImageFormat = "png" | "svg";

export type FieldEdit = { "op": "set", pointer: string, value: unknown, } | { "op": "remove", pointer: string, };

export type JsonataProblem = { 
/**
 * The parser's message.
 */
message: string, 
/**
 * Where the problem is, in UTF-16 code units from the start of the whole `{% %}` string
 * (as JavaScript counts), so the field can put the caret there.
 */
offset: number, };

export type Template = { id: string, title: string, description: string, };

export type CommandError = { code: ErrorCode, message: string, path: string | null, };

export type ErrorCode = "NOT_FOUND" | "PERMISSION_DENIED" | "NOT_TEXT" | "TOO_LARGE" | "READ_FAILED" | "WRITE_FAILED" | "UNKNOWN_TEMPLATE" | "CANNOT_EDIT" | "NOT_RUNNABLE" | "BAD_INPUT" | "BAD_MOCKS" | "NOT_RUNNING";

export type FileEvent = { "kind": "changed", path: string, text: string, } | { "kind": "removed", path: string, } | { "kind": "unreadable", path: string, error: CommandError, };

export type Draft = { 
/**
 * The file the text belongs to; `None` for a workflow never saved.
 */
path: string | null, text: string, 
/**
 * When the draft was written, in milliseconds since 1970 (UTC).
 */
savedAtMs: number, };

export type RunSetup = { 
/**
 * `<stem>.input.json`, when it exists.
 */
input: string | null, 
/**
 * Inputs saved by name in `<stem>.inputs.json`.
 */
namedInputs: Array<NamedInput>, 
/**
 * `<stem>.mocks.json`, when it exists.
 */
mocksPath: string | null, 
/**
 * The test cases for this state machine in the mock configuration.
 */
testCases: Array<string>, 
/**
 * Why the mock configuration cannot be used, in plain words.
 */
mocksProblem: string | null, };

export type NamedInput = { name: string, text: string, };

export type RunRequest = { 
/**
 * The definition text as shown in the editor (saved or not).
 */
definition: string, 
/**
 * The workflow file, when it has one (names the state machine, finds item files).
 */
path: string | null, 
/**
 * The execution input, as JSON text.
 */
input: string, mocksPath: string | null, testCase: string | null, 
/**
 * 0 runs instantly (virtual time); 1 in real time; N speeds waits up N times.
 */
speed: number, breakpoints: Array<string>, breakOnError: boolean, 
/**
 * Pause when a Catch rule handles an error, before its Next state.
 */
breakOnCatch: boolean, 
/**
 * Pause before the first state.
 */
pauseAtStart: boolean, };

export type RunAction = "pause" | "step" | "continue" | "stop";

export type TaskAnswer = { "kind": "success", token: string, output: string, } | { "kind": "failure", token: string, error: string | null, cause: string | null, } | { "kind": "heartbeat", token: string, };

export type StateStatus = "idle" | "active" | "succeeded" | "failed" | "caught" | "cancelled" | "waiting";

export type StatusChange = { state: string, status: StateStatus, };

export type TakenEdge = { from: string, to: string, };

export type RunEvent = { id: number, previousEventId: number, 
/**
 * Epoch milliseconds.
 */
timestamp: number, kind: string, 
/**
 * The state the event belongs to, when known.
 */
state: string | null, 
/**
 * The Map iteration index, on `MapIteration*` events.
 */
index: number | null, details: unknown, };

export type RunTrace = { state: string, enteredEvent: number, input: unknown, afterInputPath: unknown, afterParameters: unknown, result: unknown, afterResultSelector: unknown, afterResultPath: unknown, output: unknown, variables: Record<string, unknown>, };

export type PausedAt = { state: string, 
/**
 * In plain words: "a breakpoint", "a step", "you asked", "an error: ...", "a Catch".
 */
reason: string, input: unknown, variables: Record<string, unknown>, 
/**
 * Set when the pause is because a Catch rule handled an error (`state` is then its Next).
 */
caught: CaughtAt | null, };

export type CaughtAt = { state: string, error: string | null, cause: string | null, 
/**
 * The rule's position in the state's Catch list, from 1.
 */
rule: number, 
/**
 * How many rules the state's Catch has.
 */
rules: number, next: string, };

export type WaitingTask = { state: string, token: string, };

export type RunEnd = { 
/**
 * AWS's status: `SUCCEEDED`, `FAILED`, `TIMED_OUT`, `ABORTED`.
 */
status: string, output: unknown, error: string | null, cause: string | null, };

export type RunBatch = { 
/**
 * Which run this is about (a restart starts a new one).
 */
run: number, events: Array<RunEvent>, statuses: Array<StatusChange>, edges: Array<TakenEdge>, traces: Array<RunTrace>, 
/**
 * Set when the execution paused in this batch; `resumed` clears it.
 */
paused: PausedAt | null, resumed: boolean, 
/**
 * Every task waiting for a callback now (not only new ones).
 */
waiting: Array<WaitingTask>, end: RunEnd | null, 
/**
 * State entries so far.
 */
transitions: number, };

export type MockReply = { "kind": "return", json: string, } | { "kind": "throw", error: string, cause: string, };

export type MockEntry = { range: string, reply: MockReply, };

export type MockedState = { state: string, entries: Array<MockEntry>, };
