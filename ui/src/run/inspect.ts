// What the inspector derives from the history: a state's errors and retries, a trace's Map
// iteration.
import type { RunEvent } from '../ipc/bindings';

export interface StateError {
  at: number;
  kind: string;
  error: string;
  cause: string;
}

export interface Retry {
  attempt: number;
  /** Milliseconds between the error and the next attempt. */
  delay: number;
  after: string;
}

const isError = (k: string) => (k.endsWith('Failed') || k.endsWith('TimedOut')) && !k.startsWith('Execution') && k !== 'MapIterationFailed';
const isAttempt = (k: string) => k.endsWith('Scheduled');

export function errorsAndRetries(events: RunEvent[], state: string): { errors: StateError[]; retries: Retry[] } {
  const errors: StateError[] = [];
  const retries: Retry[] = [];
  let lastError: StateError | null = null;
  for (const e of events) {
    if (e.state !== state) continue;
    if (e.kind.endsWith('StateEntered')) lastError = null;
    if (isError(e.kind)) {
      const d = (e.details ?? {}) as { error?: string; cause?: string };
      lastError = { at: e.timestamp, kind: e.kind, error: d.error ?? '', cause: d.cause ?? '' };
      errors.push(lastError);
    } else if (isAttempt(e.kind) && lastError) {
      retries.push({ attempt: retries.length + 1, delay: e.timestamp - lastError.at, after: lastError.error });
      lastError = null;
    }
  }
  return { errors, retries };
}

/** The Map iteration (index) an event belongs to, following its chain back; null outside a Map. */
export function iterationOf(events: RunEvent[], eventId: number): number | null {
  let id = eventId;
  for (let guard = 0; guard < 100000 && id > 0; guard++) {
    const e = events[id - 1];
    if (!e || e.id !== id) return null;
    if (e.kind === 'MapIterationStarted') return e.index;
    id = e.previousEventId;
  }
  return null;
}

export function formatMillis(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60000) return `${(ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 1)} s`;
  return `${Math.floor(ms / 60000)} min ${Math.round((ms % 60000) / 1000)} s`;
}
