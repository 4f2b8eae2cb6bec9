import { describe, expect, it } from 'vitest';
import { decide } from './useFileSafety';

const path = '/w/flow.asl.json';

describe('decide: what an outside change does to the open file', () => {
  it('reloads when there are no unsaved changes', () => {
    expect(decide({ kind: 'changed', path, text: 'theirs' }, path, false, 'mine')).toEqual({ do: 'reload', text: 'theirs' });
  });
  it('asks when there are unsaved changes', () => {
    expect(decide({ kind: 'changed', path, text: 'theirs' }, path, true, 'mine')).toEqual({ do: 'ask', theirs: 'theirs' });
  });
  it('ignores a change to the very text shown, and events about another file', () => {
    expect(decide({ kind: 'changed', path, text: 'same' }, path, true, 'same')).toEqual({ do: 'ignore' });
    expect(decide({ kind: 'changed', path: '/w/other.json', text: 'x' }, path, false, 'y')).toEqual({ do: 'ignore' });
    expect(decide({ kind: 'removed', path }, null, false, 'y')).toEqual({ do: 'ignore' });
  });
  it('keeps the text when the file is deleted, and switches on error codes', () => {
    expect(decide({ kind: 'removed', path }, path, false, 'mine')).toEqual({ do: 'markGone' });
    const error = { code: 'NOT_FOUND' as const, message: 'gone', path };
    expect(decide({ kind: 'unreadable', path, error }, path, false, 'mine')).toEqual({ do: 'markGone' });
    const denied = { code: 'PERMISSION_DENIED' as const, message: '“flow.asl.json” cannot be read: permission denied.', path };
    expect(decide({ kind: 'unreadable', path, error: denied }, path, true, 'mine')).toEqual({ do: 'tell', message: denied.message });
  });
});
