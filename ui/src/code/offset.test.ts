import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { offsetOf, unitsOfChars } from './offset';

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
  it('counts an emoji as one column though it is two UTF-16 units', () => {
    // The core's columns: 😀 is column 9, the quote after it 10, "Next" starts at column 13.
    const emoji = EditorState.create({ doc: '{\n  "A": "😀", "Next": "é😀b"\n}' });
    const line = emoji.doc.line(2);
    expect(emoji.doc.sliceString(offsetOf(emoji, 2, 9), offsetOf(emoji, 2, 10))).toBe('😀');
    expect(emoji.doc.sliceString(offsetOf(emoji, 2, 13), offsetOf(emoji, 2, 19))).toBe('"Next"');
    // Past two emoji: b is column 24, 25 UTF-16 units from the line start.
    expect(emoji.doc.sliceString(offsetOf(emoji, 2, 24), offsetOf(emoji, 2, 25))).toBe('b');
    expect(offsetOf(emoji, 2, 24) - line.from).toBe(25);
    expect(offsetOf(emoji, 2, 999)).toBe(line.to);
  });
});

describe('unitsOfChars', () => {
  it('walks surrogate pairs as one character', () => {
    expect(unitsOfChars('😀a', 1)).toBe(2);
    expect(unitsOfChars('😀a', 2)).toBe(3);
    expect(unitsOfChars('abc', 10)).toBe(3);
    expect(unitsOfChars('', 3)).toBe(0);
  });
});
