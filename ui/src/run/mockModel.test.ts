import { expect, it } from 'vitest';
import { describeRange, editorRows, nextRange, taskStates } from './mockModel';

const def = {
  StartAt: 'A',
  States: {
    A: { Type: 'Task' },
    M: { Type: 'Map', ItemProcessor: { States: { T: { Type: 'Task' }, P: { Type: 'Pass' } } } },
    F: { Type: 'Parallel', Branches: [{ States: { B: { Type: 'Task' } } }] },
  },
};

it('lists the Task states at any depth', () => {
  expect(taskStates(def)).toEqual(['A', 'T', 'B']);
  expect(taskStates(null)).toEqual([]);
});

it('gives every Task a row and keeps mocked states that are no Task now', () => {
  const ret = { kind: 'return' as const, json: '1' };
  const rows = editorRows(['A', 'T'], [{ state: 'T', entries: [{ range: '0', reply: ret }] }, { state: 'Gone', entries: [] }]);
  expect(rows.map((r) => [r.state, r.entries.length])).toEqual([
    ['A', 0],
    ['T', 1],
    ['Gone', 0],
  ]);
});

it('numbers calls the way Step Functions Local does', () => {
  const reply = { kind: 'return' as const, json: '1' };
  expect(nextRange([])).toBe('0');
  expect(nextRange([{ range: '0-2', reply }, { range: '3', reply }])).toBe('4');
  expect(describeRange('0')).toBe('call 1');
  expect(describeRange('1-3')).toBe('calls 2 to 4');
});
