import { EditorState } from '@codemirror/state';
import { expect, it } from 'vitest';
import type { Problem } from '../ipc/bindings';
import { problemDiagnostics } from './diagnostics';

const problem = (p: Partial<Problem>): Problem => ({
  code: 'INVALID_JSONATA_EXPRESSION',
  severity: 'error',
  message: 'This JSONata expression cannot be read.',
  hint: null,
  pointer: '/States/A/Output',
  node: null,
  at: null,
  span: null,
  ...p,
});

it('marks the exact character the core names, after emoji on the line', () => {
  const doc = '{"😀": {"Output": "{% 1 + %}"}}';
  const state = EditorState.create({ doc });
  // The core counts characters: the "%" of "%}" is the 28th character of the line.
  const chars = [...doc];
  const col = chars.indexOf('%', chars.indexOf('+')) + 1;
  const [d] = problemDiagnostics(state, [problem({ span: { start: { line: 1, column: col }, end: { line: 1, column: col + 1 } }, hint: 'Check it.' })]);
  expect(doc.slice(d.from, d.to)).toBe('%');
  expect(d.severity).toBe('error');
  expect(d.source).toBe('INVALID_JSONATA_EXPRESSION');
  expect(d.message).toBe('This JSONata expression cannot be read. Check it.');
});

it('falls back to the problem place and never gives an empty range', () => {
  const state = EditorState.create({ doc: '{\n  "A": 1\n}' });
  const [d] = problemDiagnostics(state, [problem({ severity: 'warning', at: { line: 2, column: 3 } })]);
  expect([d.from, d.to, d.severity]).toEqual([4, 5, 'warning']);
  expect(problemDiagnostics(state, [problem({})])).toEqual([]);
});
