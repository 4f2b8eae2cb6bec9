// Undo/redo as whole-document snapshots: every entry is the exact text at one moment.

export interface History {
  readonly past: readonly string[];
  readonly present: string;
  readonly future: readonly string[];
}

const LIMIT = 200;

export function start(text: string): History {
  return { past: [], present: text, future: [] };
}

/** Records `text` as the new present (nothing happens if it equals the present). */
export function record(h: History, text: string): History {
  if (text === h.present) return h;
  return { past: [...h.past, h.present].slice(-LIMIT), present: text, future: [] };
}

export function canUndo(h: History): boolean {
  return h.past.length > 0;
}

export function canRedo(h: History): boolean {
  return h.future.length > 0;
}

export function undo(h: History): History {
  if (!canUndo(h)) return h;
  return {
    past: h.past.slice(0, -1),
    present: h.past[h.past.length - 1],
    future: [h.present, ...h.future],
  };
}

export function redo(h: History): History {
  if (!canRedo(h)) return h;
  return { past: [...h.past, h.present], present: h.future[0], future: h.future.slice(1) };
}
