import { expect, it } from 'vitest';
import type { RunEvent } from '../ipc/bindings';
import { spans } from './timeline';

const ev = (id: number, kind: string, state: string, timestamp: number, details: unknown = null): RunEvent => ({
  id,
  previousEventId: id - 1,
  timestamp,
  kind,
  state,
  index: null,
  details,
});

it('shows each pass with its errors and the backoff before the retry', () => {
  const events = [
    ev(1, 'TaskStateEntered', 'Pay', 0),
    ev(2, 'TaskScheduled', 'Pay', 0),
    ev(3, 'TaskFailed', 'Pay', 5, { error: 'Throttled' }),
    ev(4, 'TaskScheduled', 'Pay', 1005),
    ev(5, 'TaskSucceeded', 'Pay', 1010),
    ev(6, 'TaskStateExited', 'Pay', 1010),
    ev(7, 'PassStateEntered', 'Done', 1010),
  ];
  const s = spans(events, 10);
  expect(s).toHaveLength(2);
  expect(s[0]).toEqual({ state: 'Pay', start: 0, end: 1010, errors: [5], backoffs: [{ from: 5, to: 1005 }] });
  expect(s[1].end).toBeNull();
  expect(spans(events, 1)).toHaveLength(1);
});
