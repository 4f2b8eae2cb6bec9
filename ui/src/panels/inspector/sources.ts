// Fields ASL lets people give either as a fixed value or read from a field of the input
// (JSONPath states only): Error / ErrorPath and Cause / CausePath on Fail, TimeoutSeconds /
// TimeoutSecondsPath and HeartbeatSeconds / HeartbeatSecondsPath on Task. Which of the two a
// state uses, and the one change that switches (the other member removed in the same write, so
// the state never holds both). Pure (tested in sources.test.ts).
import type { FieldEdit } from '../../ipc/bindings';
import { fieldEdit } from './context';

export interface SourcePair {
  /** The fixed member, like `TimeoutSeconds`. */
  fixed: string;
  /** The member read from the input, like `TimeoutSecondsPath`. */
  path: string;
  /** What the path field starts with when people switch to it. */
  pathStart: string;
}

export type Source = 'fixed' | 'path';

export const ERROR_SOURCE: SourcePair = { fixed: 'Error', path: 'ErrorPath', pathStart: '$.error' };
export const CAUSE_SOURCE: SourcePair = { fixed: 'Cause', path: 'CausePath', pathStart: '$.cause' };
export const TIMEOUT_SOURCE: SourcePair = { fixed: 'TimeoutSeconds', path: 'TimeoutSecondsPath', pathStart: '$.timeoutSeconds' };
export const HEARTBEAT_SOURCE: SourcePair = { fixed: 'HeartbeatSeconds', path: 'HeartbeatSecondsPath', pathStart: '$.heartbeatSeconds' };

/** Whether the state reads the value from the input (its path member is there). */
export function sourceOf(state: Record<string, unknown>, pair: SourcePair): Source {
  return state[pair.path] !== undefined ? 'path' : 'fixed';
}

/**
 * The edits that switch `pair` to `to`: the other member removed, the new one started (a path
 * to fill in; a fixed value is left empty, which means the default). None when already there.
 */
export function switchSource(pointer: string, state: Record<string, unknown>, pair: SourcePair, to: Source): FieldEdit[] {
  if (sourceOf(state, pair) === to) return [];
  if (to === 'path') {
    const edits = state[pair.fixed] !== undefined ? [fieldEdit(pointer, pair.fixed, undefined)] : [];
    return [...edits, fieldEdit(pointer, pair.path, pair.pathStart)];
  }
  return [fieldEdit(pointer, pair.path, undefined)];
}
