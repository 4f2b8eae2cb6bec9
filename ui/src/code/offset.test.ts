import { EditorState } from '@codemirror/state';
import { offsetOf } from './offset';

describe('offsetOf', () => {
  const state = EditorState.create({ doc: '{\n  "a": 1\n}' });
  it('maps one-based line and column to a document offset', () => {
    expect(offsetOf(state, 1, 1)).toBe(0);
    expect(offsetOf(state, 2, 3)).toBe(4);
    expect(state.doc.sliceString(offsetOf(state, 2, 3), offsetOf(state, 2, 6))).toBe('"a"');
  });
  it('clamps places outside the text', () => {
    expect(offsetOf(state, 99, 1)).toBe(state.doc.line(3).from);
    expect(offsetOf(state, 2, 99)).toBe(state.doc.line(2).to);
    expect(offsetOf(state, 0, 0)).toBe(0);
  });
});
