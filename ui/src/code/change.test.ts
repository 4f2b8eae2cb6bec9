import { describe, expect, it } from 'vitest';
import { changeBetween, type TextChange } from './change';

const apply = (text: string, c: TextChange | null) => (c ? text.slice(0, c.from) + c.insert + text.slice(c.to) : text);

describe('changeBetween', () => {
  it('replaces only what differs', () => {
    const before = '{"States":{"Pay":{"Next":"Ship"}}}';
    const after = '{"States":{"Pay":{"Next":"Send"}}}';
    const c = changeBetween(before, after);
    expect(c).toEqual({ from: 27, to: 30, insert: 'end' });
    expect(apply(before, c)).toBe(after);
  });

  it('handles insertions, deletions, repeats and equal texts', () => {
    for (const [a, b] of [
      ['aaaa', 'aaaaaa'],
      ['abcabc', 'abc'],
      ['', 'x'],
      ['x', ''],
      ['same', 'same'],
      ['ab', 'ba'],
    ]) {
      expect(apply(a, changeBetween(a, b))).toBe(b);
    }
    expect(changeBetween('same', 'same')).toBeNull();
  });

  it('never splits a surrogate pair', () => {
    const before = 'x\u{1F600}y';
    const after = 'x\u{1F601}y';
    const c = changeBetween(before, after)!;
    expect(c.insert).toBe('\u{1F601}');
    expect(apply(before, c)).toBe(after);
  });
});
