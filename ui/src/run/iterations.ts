// Map iterations and Parallel branches read from the history and the definition, so one Map
// iteration's own path can be lit on the canvas and a Parallel state's branches shown side by side.
//
// Guarantees: an event belongs to the innermost Map iteration its `previousEventId` chain leads
// to; a Map state's own events after its iterations (MapStateSucceeded, MapStateExited) belong to
// where the Map itself ran, not to its last iteration. One pass over the history, no recursion.
import type { RunEvent, StateStatus } from '../ipc/bindings';

/** Where an event ran: a Map state's iteration, or null at the top (or in a Parallel branch). */
export interface IterationKey {
  map: string;
  index: number;
}

/** One Map state's iterations: each index's states and their status in that iteration alone. */
export interface MapIterations {
  map: string;
  /** Indexes in the order they started. */
  indexes: number[];
  statuses: Map<number, Record<string, StateStatus>>;
  /** Transitions taken in each iteration (`from\u0000to`). */
  taken: Map<number, Set<string>>;
}

const isFailure = (k: string) =>
  (k.endsWith('Failed') || k.endsWith('TimedOut') || k.endsWith('Aborted')) && !k.startsWith('Execution') && !k.startsWith('MapIteration');

/** Every Map state's iterations, from the history. */
export function mapIterations(events: RunEvent[]): Map<string, MapIterations> {
  const out = new Map<string, MapIterations>();
  // The iteration each event id belongs to (null: outside any Map iteration).
  const of = new Map<number, IterationKey | null>();
  // Where each iteration's Map state itself ran, to give the Map's closing events back to it.
  const parents = new Map<string, IterationKey | null>();
  // The state last entered in each iteration, and whether it met an error.
  const last = new Map<string, { state: string; error: boolean }>();
  const keyOf = (k: IterationKey) => `${k.map}\u0000${k.index}`;
  for (const e of events) {
    let at: IterationKey | null;
    if (e.kind === 'MapIterationStarted' && e.state !== null && e.index !== null) {
      at = { map: e.state, index: e.index };
      parents.set(`${e.state}\u0000${e.index}`, of.get(e.previousEventId) ?? null);
      let m = out.get(e.state);
      if (!m) {
        m = { map: e.state, indexes: [], statuses: new Map(), taken: new Map() };
        out.set(e.state, m);
      }
      if (!m.statuses.has(e.index)) {
        m.indexes.push(e.index);
        m.statuses.set(e.index, {});
        m.taken.set(e.index, new Set());
      }
    } else {
      at = of.get(e.previousEventId) ?? null;
      // The Map state's own closing events: back to where the Map itself ran.
      if (at && e.state === at.map && !e.kind.startsWith('MapIteration')) at = parents.get(keyOf(at)) ?? null;
    }
    of.set(e.id, at);
    if (!at || !e.state || e.kind.startsWith('MapIteration')) continue;
    const m = out.get(at.map);
    const statuses = m?.statuses.get(at.index);
    if (!m || !statuses) continue;
    const k = keyOf(at);
    if (e.kind.endsWith('StateEntered')) {
      const before = last.get(k);
      if (before && before.state !== e.state) m.taken.get(at.index)?.add(`${before.state}\u0000${e.state}`);
      last.set(k, { state: e.state, error: false });
      statuses[e.state] = 'active';
    } else if (e.kind.endsWith('StateExited')) {
      const l = last.get(k);
      statuses[e.state] = l && l.state === e.state && l.error ? 'caught' : 'succeeded';
    } else if (isFailure(e.kind)) {
      const l = last.get(k);
      if (l && l.state === e.state) l.error = true;
      statuses[e.state] = 'failed';
    } else if (e.kind.endsWith('Scheduled') || e.kind.endsWith('Started')) {
      // A retry: the state is running again.
      if (statuses[e.state] === 'failed') statuses[e.state] = 'active';
    }
  }
  return out;
}

/** The names of the states inside the Map or Parallel state `name` (at any depth), from the definition. */
export function statesInside(definition: unknown, name: string): Set<string> {
  const found = new Set<string>();
  const state = findState(definition, name);
  if (!state) return found;
  const scopes: unknown[] = [];
  const add = (s: unknown) => {
    if (s && typeof s === 'object') scopes.push(s);
  };
  add((state as Record<string, unknown>).ItemProcessor);
  add((state as Record<string, unknown>).Iterator);
  const branches = (state as Record<string, unknown>).Branches;
  if (Array.isArray(branches)) branches.forEach(add);
  while (scopes.length > 0) {
    const scope = scopes.pop() as Record<string, unknown>;
    const states = scope.States;
    if (!states || typeof states !== 'object') continue;
    for (const [n, s] of Object.entries(states as Record<string, unknown>)) {
      found.add(n);
      if (s && typeof s === 'object') {
        const o = s as Record<string, unknown>;
        add(o.ItemProcessor);
        add(o.Iterator);
        if (Array.isArray(o.Branches)) o.Branches.forEach(add);
      }
    }
  }
  return found;
}

/** The state called `name` anywhere in the definition (names are unique in a state machine). */
export function findState(definition: unknown, name: string): Record<string, unknown> | null {
  const scopes: unknown[] = [definition];
  while (scopes.length > 0) {
    const scope = scopes.pop();
    if (!scope || typeof scope !== 'object') continue;
    const states = (scope as Record<string, unknown>).States;
    if (!states || typeof states !== 'object') continue;
    for (const [n, s] of Object.entries(states as Record<string, unknown>)) {
      if (!s || typeof s !== 'object') continue;
      if (n === name) return s as Record<string, unknown>;
      const o = s as Record<string, unknown>;
      scopes.push(o.ItemProcessor, o.Iterator);
      if (Array.isArray(o.Branches)) scopes.push(...(o.Branches as unknown[]));
    }
  }
  return null;
}

/** The Map state `name` is, or the innermost Map state holding it; null when neither. */
export function enclosingMap(definition: unknown, name: string): string | null {
  const own = findState(definition, name);
  if (own && own.Type === 'Map') return name;
  let best: { map: string; size: number } | null = null;
  const scopes: unknown[] = [definition];
  while (scopes.length > 0) {
    const scope = scopes.pop();
    if (!scope || typeof scope !== 'object') continue;
    const states = (scope as Record<string, unknown>).States;
    if (!states || typeof states !== 'object') continue;
    for (const [n, s] of Object.entries(states as Record<string, unknown>)) {
      if (!s || typeof s !== 'object') continue;
      const o = s as Record<string, unknown>;
      if (o.Type === 'Map') {
        const inside = statesInside(definition, n);
        if (inside.has(name) && (!best || inside.size < best.size)) best = { map: n, size: inside.size };
      }
      scopes.push(o.ItemProcessor, o.Iterator);
      if (Array.isArray(o.Branches)) scopes.push(...(o.Branches as unknown[]));
    }
  }
  return best?.map ?? null;
}

/** A Parallel state's branches: each branch's state names, in the order written. */
export function parallelBranches(definition: unknown, name: string): string[][] {
  const state = findState(definition, name);
  if (!state || state.Type !== 'Parallel' || !Array.isArray(state.Branches)) return [];
  return (state.Branches as unknown[]).map((b) => {
    const states = b && typeof b === 'object' ? (b as Record<string, unknown>).States : null;
    return states && typeof states === 'object' ? Object.keys(states) : [];
  });
}
