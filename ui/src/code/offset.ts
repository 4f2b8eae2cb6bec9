// Places in the text: the core reports one-based lines and columns, CodeMirror wants offsets.
import type { EditorState } from '@codemirror/state';

/** The document offset of a one-based line and column, clamped to the document. */
export function offsetOf(state: EditorState, line: number, column: number): number {
  const lineNo = Math.min(Math.max(line, 1), state.doc.lines);
  const l = state.doc.line(lineNo);
  return Math.min(l.from + Math.max(column - 1, 0), l.to);
}
