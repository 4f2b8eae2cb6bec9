// Spans of states over time, with errors and the backoff before each retry, for the timeline.
import type { RunEvent } from '../ipc/bindings';

export interface Span {
  state: string;
  start: number;
  end: number | null;
  errors: number[];
  backoffs: { from: number; to: number }[];
}

export function spans(events: RunEvent[], limit: number): Span[] {
  const out: Span[] = [];
  const open = new Map<string, Span>();
  for (const e of events) {
    if (!e.state) continue;
    if (e.kind.endsWith('StateEntered')) {
      if (out.length >= limit) continue;
      const s: Span = { state: e.state, start: e.timestamp, end: null, errors: [], backoffs: [] };
      out.push(s);
      open.set(e.state, s);
      continue;
    }
    const s = open.get(e.state);
    if (!s) continue;
    if (e.kind.endsWith('StateExited')) {
      s.end = e.timestamp;
      open.delete(e.state);
    } else if ((e.kind.endsWith('Failed') || e.kind.endsWith('TimedOut')) && e.kind !== 'MapIterationFailed') {
      s.errors.push(e.timestamp);
    } else if (e.kind.endsWith('Scheduled') && s.errors.length > s.backoffs.length) {
      s.backoffs.push({ from: s.errors[s.errors.length - 1], to: e.timestamp });
    }
  }
  return out;
}
