// Copy and paste inside the designer: the copied states' names and JSON (read from the parsed
// document), and where they came from, so a paste lands in the same workflow, branch or Map.
import type { CopiedState } from '../ipc/bindings';
import { atPointer } from '../panels/Inspector';

export interface Clip {
  /** The `States` pointer the states were copied from. */
  container: string;
  states: CopiedState[];
}

/** The `States` pointer containing the state at `pointer`. */
export function containerOf(pointer: string): string {
  return pointer.replace(/\/[^/]*$/, '');
}

function unescape(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

/**
 * A clip of the states at `pointers` in `definition`. States of another container than the
 * first one are left out (a paste goes into one place); missing states are skipped.
 */
export function copyStates(definition: unknown, pointers: readonly string[]): Clip | null {
  if (pointers.length === 0) return null;
  const container = containerOf(pointers[0]);
  const states: CopiedState[] = [];
  for (const p of pointers) {
    if (containerOf(p) !== container) continue;
    const state = atPointer(definition, p);
    if (state && typeof state === 'object') states.push({ name: unescape(p.slice(container.length + 1)), state });
  }
  return states.length > 0 ? { container, states } : null;
}

/** Where a clip is pasted: its own container if it still exists, else the workflow's top. */
export function pasteContainer(definition: unknown, clip: Clip): string {
  const at = atPointer(definition, clip.container);
  return at && typeof at === 'object' ? clip.container : '/States';
}
