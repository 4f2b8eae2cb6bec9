// What the canvas needs from the run: each state's status, the breakpoints and the edges taken.
// Given through a context so the canvas's node and edge lists stay untouched while a run streams.
import { createContext, useContext } from 'react';
import type { StateStatus } from '../ipc/bindings';

export interface RunViewValue {
  /** Whether a run happened since the workflow was opened (statuses mean something). */
  ran: boolean;
  statuses: Record<string, StateStatus>;
  breakpoints: ReadonlySet<string>;
  toggleBreakpoint: (state: string) => void;
  /** Taken transitions as `from\u0000to` (state names). */
  taken: ReadonlySet<string>;
  /** The state the execution is paused before. */
  pausedAt: string | null;
  /** One Map iteration picked in the inspection: the states inside that Map show its path only. */
  focus: IterationFocus | null;
}

export interface IterationFocus {
  map: string;
  index: number;
  /** Every state inside the Map: these take their status from the iteration. */
  inside: ReadonlySet<string>;
  statuses: Record<string, StateStatus>;
  taken: ReadonlySet<string>;
}

/** A state's status on the canvas: the picked iteration's for states inside its Map. */
export function statusOf(view: RunViewValue, state: string): StateStatus {
  if (view.focus?.inside.has(state)) return view.focus.statuses[state] ?? 'idle';
  return view.statuses[state] ?? 'idle';
}

/** Whether the transition was taken (within the picked iteration for states inside its Map). */
export function takenEdge(view: RunViewValue, from: string, to: string): boolean {
  if (view.focus && (view.focus.inside.has(from) || view.focus.inside.has(to))) return view.focus.taken.has(edgeKey(from, to));
  return view.taken.has(edgeKey(from, to));
}

export const RunView = createContext<RunViewValue>({
  ran: false,
  statuses: {},
  breakpoints: new Set(),
  toggleBreakpoint: () => undefined,
  taken: new Set(),
  pausedAt: null,
  focus: null,
});

export const useRunView = () => useContext(RunView);

export const edgeKey = (from: string, to: string) => `${from}\u0000${to}`;
