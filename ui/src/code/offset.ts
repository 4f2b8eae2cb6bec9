// Places in the text: the core reports one-based lines and columns counted in characters
// (Unicode scalar values); CodeMirror wants offsets in UTF-16 units. An emoji is one column for
// the core and two units for the editor, so columns are walked, never added.
import type { EditorState } from '@codemirror/state';

/** The UTF-16 length of the first `chars` characters of `text` (all of it when shorter). */
export function unitsOfChars(text: string, chars: number): number {
  let units = 0;
  for (let n = 0; n < chars && units < text.length; n++) {
    const code = text.codePointAt(units) ?? 0;
    units += code > 0xffff ? 2 : 1;
  }
  return units;
}

/** The document offset of a one-based line and column (in characters), clamped to the document. */
export function offsetOf(state: EditorState, line: number, column: number): number {
  const lineNo = Math.min(Math.max(line, 1), state.doc.lines);
  const l = state.doc.line(lineNo);
  return l.from + unitsOfChars(l.text, Math.max(column - 1, 0));
}
