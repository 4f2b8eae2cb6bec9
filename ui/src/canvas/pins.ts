// Moving states by hand pins them: their position (relative to the box that contains them, as
// React Flow and the core's sidecar both count it) is kept in the document's pins.
import type { Pins } from '../state/useDesigner';

export interface Moved {
  id: string;
  position: { x: number; y: number };
}

/** `pins` with the moved states pinned where they were dropped (a new object; rounded to 0.1). */
export function pinMoved(pins: Pins, moved: readonly Moved[]): Pins {
  if (moved.length === 0) return pins;
  const next: Record<string, { x: number; y: number }> = { ...pins };
  const round = (v: number) => Math.round(v * 10) / 10;
  for (const m of moved) next[m.id] = { x: round(m.position.x), y: round(m.position.y) };
  return next;
}
