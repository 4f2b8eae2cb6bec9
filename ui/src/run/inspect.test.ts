import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../ipc/bindings';
import { errorsAndRetries, formatMillis, iterationOf } from './inspect';

const ev = (id: number, previousEventId: number, kind: string, state: string | null, timestamp = 0, details: unknown = null, index: number | null = null): RunEvent => ({
  id,
  previousEventId,
  timestamp,
  kind,
  state,
  index,
  details,
});

describe('errorsAndRetries', () => {
  it('pairs each error with the delay before the next attempt', () => {
    const events = [
      ev(1, 0, 'TaskStateEntered', 'Pay', 0),
      ev(2, 1, 'TaskScheduled', 'Pay', 0),
      ev(3, 2, 'TaskFailed', 'Pay', 10, { error: 'Flaky', cause: 'x' }),
      ev(4, 3, 'TaskScheduled', 'Pay', 2010),
      ev(5, 4, 'TaskFailed', 'Pay', 2020, { error: 'Flaky', cause: 'y' }),
      ev(6, 5, 'TaskStateExited', 'Pay', 2020),
    ];
    const r = errorsAndRetries(events, 'Pay');
    expect(r.errors.map((e) => e.cause)).toEqual(['x', 'y']);
    expect(r.retries).toEqual([{ attempt: 1, delay: 2000, after: 'Flaky' }]);
    expect(errorsAndRetries(events, 'Other').errors).toEqual([]);
  });
});

describe('iterationOf', () => {
  it('follows the chain back to the iteration start', () => {
    const events = [
      ev(1, 0, 'MapStateEntered', 'Each'),
      ev(2, 1, 'MapIterationStarted', 'Each', 0, null, 3),
      ev(3, 2, 'PassStateEntered', 'Do'),
    ];
    expect(iterationOf(events, 3)).toBe(3);
    expect(iterationOf(events, 1)).toBeNull();
  });
});

it('formats durations in plain units', () => {
  expect(formatMillis(250)).toBe('250 ms');
  expect(formatMillis(2000)).toBe('2 s');
  expect(formatMillis(90000)).toBe('1 min 30 s');
});
