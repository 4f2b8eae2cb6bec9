// Undo/redo as whole-document snapshots: every entry is the exact state of the document at one
// moment (its text, and the states placed by hand), so a step back restores both at once.

export interface History<T = string> {
  readonly past: readonly T[];
  readonly present: T;
  readonly future: readonly T[];
}

const LIMIT = 200;

export function start<T>(value: T): History<T> {
  return { past: [], present: value, future: [] };
}

/** Records `value` as the new present (nothing happens if it is the same as the present). */
export function record<T>(h: History<T>, value: T, same: (a: T, b: T) => boolean = Object.is): History<T> {
  if (same(value, h.present)) return h;
  return { past: [...h.past, h.present].slice(-LIMIT), present: value, future: [] };
}

export function canUndo<T>(h: History<T>): boolean {
  return h.past.length > 0;
}

export function canRedo<T>(h: History<T>): boolean {
  return h.future.length > 0;
}

export function undo<T>(h: History<T>): History<T> {
  if (!canUndo(h)) return h;
  return {
    past: h.past.slice(0, -1),
    present: h.past[h.past.length - 1],
    future: [h.present, ...h.future],
  };
}

export function redo<T>(h: History<T>): History<T> {
  if (!canRedo(h)) return h;
  return { past: [...h.past, h.present], present: h.future[0], future: h.future.slice(1) };
}
