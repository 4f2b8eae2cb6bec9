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
}

export const RunView = createContext<RunViewValue>({
  ran: false,
  statuses: {},
  breakpoints: new Set(),
  toggleBreakpoint: () => undefined,
  taken: new Set(),
  pausedAt: null,
});

export const useRunView = () => useContext(RunView);

export const edgeKey = (from: string, to: string) => `${from}\u0000${to}`;
