import { appendEdit, fieldEdit, fieldPointer, problemsAt } from './context';
import { readErrorList, errorListText } from './errorNames';
import { inputPaths, readSample } from './inputPaths';
import { freshName, stateNames } from './names';
import { waitMode } from './waitModes';
import type { Problem } from '../../ipc/bindings';

describe('field edits', () => {
  it('points inside the state, sets, removes and appends', () => {
    expect(fieldPointer('/States/A', 'Retry/0/MaxAttempts')).toBe('/States/A/Retry/0/MaxAttempts');
    expect(fieldEdit('/States/A', 'ResultPath', null)).toEqual({ op: 'set', pointer: '/States/A/ResultPath', value: null });
    expect(fieldEdit('/States/A', 'ResultPath', undefined)).toEqual({ op: 'remove', pointer: '/States/A/ResultPath' });
    expect(appendEdit('/States/A', {}, 'Retry', 1)).toEqual({ op: 'set', pointer: '/States/A/Retry', value: [1] });
    expect(appendEdit('/States/A', { Retry: [] }, 'Retry', 1)).toEqual({ op: 'set', pointer: '/States/A/Retry/-', value: 1 });
  });
  it('finds the problems of a field and inside it only', () => {
    const p = (pointer: string): Problem => ({ code: 'X', severity: 'error', message: pointer, hint: null, pointer, node: null, at: null, span: null });
    const all = [p('/States/A/Retry'), p('/States/A/Retry/0/MaxAttempts'), p('/States/A/RetryX'), p('/States/A')];
    expect(problemsAt(all, '/States/A/Retry').map((x) => x.message)).toEqual(['/States/A/Retry', '/States/A/Retry/0/MaxAttempts']);
  });
});

describe('error lists', () => {
  it('reads comma-separated names', () => {
    expect(readErrorList('States.Timeout, Lambda.ServiceException ,')).toEqual({ value: ['States.Timeout', 'Lambda.ServiceException'], error: null });
    expect(readErrorList(' ').error).toMatch(/at least one/);
    expect(readErrorList('States.ALL, X').error).toMatch(/alone/);
    expect(errorListText(['a', 'b'])).toBe('a, b');
  });
});

describe('input paths', () => {
  it('lists every path of the sample input', () => {
    expect(inputPaths({ order: { id: 1, 'a b': 2 }, items: [{ sku: 'x' }] })).toEqual([
      '$.order',
      '$.order.id',
      "$.order['a b']",
      '$.items',
      '$.items[0]',
      '$.items[0].sku',
    ]);
    expect(inputPaths(readSample('not json'))).toEqual([]);
    expect(inputPaths({ a: Array.from({ length: 10 }, (_, i) => ({ [`k${i}`]: i })) }, 3)).toHaveLength(3);
  });
});

describe('names', () => {
  it('finds names at every depth and picks a free one', () => {
    const def = {
      States: {
        P: { Type: 'Parallel', Branches: [{ States: { 'Branch 1 step': {} } }] },
        M: { Type: 'Map', ItemProcessor: { States: { Inner: {} } } },
      },
    };
    expect(stateNames(def)).toEqual(['P', 'Branch 1 step', 'M', 'Inner']);
    expect(freshName('Branch 1 step', stateNames(def))).toBe('Branch 1 step 2');
    expect(freshName('Branch 2 step', stateNames(def))).toBe('Branch 2 step');
  });
});

describe('waitMode', () => {
  it('tells which wait field is used', () => {
    expect(waitMode({ Seconds: 5 })).toBe('Seconds');
    expect(waitMode({ TimestampPath: '$.t' })).toBe('TimestampPath');
    expect(waitMode({})).toBe('Seconds');
  });
});
