import { describe, expect, it } from 'vitest';
import { followSource, type Draft } from './draft';

describe('followSource', () => {
  const typed: Draft = { source: '30', text: '45' };

  it('keeps what is being typed while the file keeps its value', () => {
    expect(followSource(typed, '30', '30')).toBe(typed);
  });

  it('starts over from the file when its value changes (a commit, undo, an edit in the JSON)', () => {
    expect(followSource(typed, '45', '45')).toEqual({ source: '45', text: '45' });
    expect(followSource(typed, 'null', '')).toEqual({ source: 'null', text: '' });
  });

  it('tells values apart by identity, not by how they are shown', () => {
    // A removed field and an empty string both show as an empty box.
    const empty: Draft = { source: '""', text: 'draft' };
    expect(followSource(empty, '""', '')).toBe(empty);
    expect(followSource(empty, '', '')).toEqual({ source: '', text: '' });
  });
});
