// Spans of states over time, with errors and the backoff before each retry, for the timeline; and
// the axis they are drawn on.
//
// The axis mixes the run's clock with the order of events: in instant mode most states take no
// virtual time (only waits and retry backoff advance it), so a pure time axis would stack every
// bar at 0. Each event gets an even share of the order part of the width and the time part is
// spread in proportion to the clock, so states stay in order and readable while waits and
// backoff still show their length. With no time passed at all the axis is the order alone.
import type { RunEvent } from '../ipc/bindings';

export interface Span {
  state: string;
  /** Timestamps (the run's clock, milliseconds). */
  start: number;
  end: number | null;
  errors: number[];
  backoffs: { from: number; to: number }[];
  /** Where the same moments are in the event list (indexes), for the axis. */
  at: { start: number; end: number | null; errors: number[]; backoffs: { from: number; to: number }[] };
}

export function spans(events: RunEvent[], limit: number): Span[] {
  const out: Span[] = [];
  const open = new Map<string, Span>();
  events.forEach((e, i) => {
    if (!e.state) return;
    if (e.kind.endsWith('StateEntered')) {
      if (out.length >= limit) return;
      const s: Span = { state: e.state, start: e.timestamp, end: null, errors: [], backoffs: [], at: { start: i, end: null, errors: [], backoffs: [] } };
      out.push(s);
      open.set(e.state, s);
      return;
    }
    const s = open.get(e.state);
    if (!s) return;
    if (e.kind.endsWith('StateExited')) {
      s.end = e.timestamp;
      s.at.end = i;
      open.delete(e.state);
    } else if ((e.kind.endsWith('Failed') || e.kind.endsWith('TimedOut')) && e.kind !== 'MapIterationFailed') {
      s.errors.push(e.timestamp);
      s.at.errors.push(i);
    } else if (e.kind.endsWith('Scheduled') && s.errors.length > s.backoffs.length) {
      s.backoffs.push({ from: s.errors[s.errors.length - 1], to: e.timestamp });
      s.at.backoffs.push({ from: s.at.errors[s.at.errors.length - 1], to: i });
    }
  });
  return out;
}

/** Share of the width given to the order of events when time also passed. */
export const ORDER_SHARE = 0.3;

/** The axis: an event index to a fraction of the width (0..1), and whether time passed at all. */
export function axis(events: RunEvent[]): { at: (index: number) => number; timed: boolean } {
  const n = events.length;
  const t0 = events[0]?.timestamp ?? 0;
  const total = n > 0 ? events[n - 1].timestamp - t0 : 0;
  const steps = Math.max(n - 1, 1);
  if (total <= 0) return { at: (i) => Math.min(Math.max(i, 0), steps) / steps, timed: false };
  return {
    at: (i) => {
      const k = Math.min(Math.max(i, 0), n - 1);
      return ORDER_SHARE * (k / steps) + (1 - ORDER_SHARE) * ((events[k].timestamp - t0) / total);
    },
    timed: true,
  };
}
