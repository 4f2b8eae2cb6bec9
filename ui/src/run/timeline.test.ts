import { expect, it } from 'vitest';
import type { RunEvent } from '../ipc/bindings';
import { ORDER_SHARE, axis, spans } from './timeline';

const ev = (id: number, kind: string, state: string, timestamp: number, details: unknown = null): RunEvent => ({
  id,
  previousEventId: id - 1,
  timestamp,
  kind,
  state,
  index: null,
  details,
});

const retried = [
  ev(1, 'TaskStateEntered', 'Pay', 0),
  ev(2, 'TaskScheduled', 'Pay', 0),
  ev(3, 'TaskFailed', 'Pay', 5, { error: 'Throttled' }),
  ev(4, 'TaskScheduled', 'Pay', 1005),
  ev(5, 'TaskSucceeded', 'Pay', 1010),
  ev(6, 'TaskStateExited', 'Pay', 1010),
  ev(7, 'PassStateEntered', 'Done', 1010),
];

it('shows each pass with its errors and the backoff before the retry', () => {
  const s = spans(retried, 10);
  expect(s).toHaveLength(2);
  expect(s[0]).toMatchObject({ state: 'Pay', start: 0, end: 1010, errors: [5], backoffs: [{ from: 5, to: 1005 }] });
  expect(s[0].at).toEqual({ start: 0, end: 5, errors: [2], backoffs: [{ from: 2, to: 3 }] });
  expect(s[1].end).toBeNull();
  expect(spans(retried, 1)).toHaveLength(1);
});

it('draws states that take no time in order, with equal room', () => {
  const instant = [ev(1, 'PassStateEntered', 'A', 7), ev(2, 'PassStateExited', 'A', 7), ev(3, 'PassStateEntered', 'B', 7), ev(4, 'PassStateExited', 'B', 7)];
  const { at, timed } = axis(instant);
  expect(timed).toBe(false);
  expect([0, 1, 2, 3].map(at)).toEqual([0, 1 / 3, 2 / 3, 1]);
});

it('gives waits and backoff room in proportion to the clock, keeping the order', () => {
  const { at, timed } = axis(retried);
  expect(timed).toBe(true);
  const xs = retried.map((_, i) => at(i));
  for (let i = 1; i < xs.length; i++) expect(xs[i]).toBeGreaterThanOrEqual(xs[i - 1]);
  expect(xs[0]).toBe(0);
  expect(xs[xs.length - 1]).toBeCloseTo(1);
  // The 1 s backoff between events 3 and 4 takes most of the time part of the width.
  expect(xs[3] - xs[2]).toBeGreaterThan((1 - ORDER_SHARE) * 0.9);
});
