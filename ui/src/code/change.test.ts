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

  it('finds the smallest replacement in texts longer than its comparison blocks', () => {
    // A seeded generator: the same cases on every run.
    let seed = 12345;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
    const text = (n: number) => Array.from({ length: n }, () => 'ab{}"\n '[next(7)]).join('');
    for (let i = 0; i < 300; i++) {
      const before = text(next(3000));
      const from = next(before.length + 1);
      const to = from + next(Math.min(40, before.length - from) + 1);
      const after = before.slice(0, from) + text(next(30)) + before.slice(to);
      const c = changeBetween(before, after);
      expect(apply(before, c)).toBe(after);
      if (!c) continue;
      // Nothing kept could have been kept longer: the characters next to the replacement differ.
      let prefix = 0;
      while (prefix < Math.min(before.length, after.length) && before[prefix] === after[prefix]) prefix++;
      expect(c.from).toBe(prefix);
      const suffix = before.length - c.to;
      const canGrow = suffix < before.length - c.from && suffix < after.length - c.from && before[c.to - 1] === after[after.length - suffix - 1];
      expect(canGrow).toBe(false);
    }
  });
});
