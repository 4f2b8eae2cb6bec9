// Where something dropped on the canvas goes: onto a transition (the nearest one within reach),
// else into the innermost Parallel branch or Map's per-item steps under the pointer, else the
// workflow itself. Pure geometry on the diagram's absolute coordinates, so it is unit-tested.
import type { Diagram, DropPlace } from '../ipc/bindings';

export type Point = { x: number; y: number };

/** Distance from `p` to the segment a–b. */
function segmentDistance(p: Point, a: [number, number], b: [number, number]): number {
  const [ax, ay] = a;
  const dx = b[0] - ax;
  const dy = b[1] - ay;
  const len = dx * dx + dy * dy;
  const t = len === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - ax) * dx + (p.y - ay) * dy) / len));
  return Math.hypot(p.x - (ax + t * dx), p.y - (ay + t * dy));
}

/** Distance from `p` to a polyline. */
export function polylineDistance(p: Point, points: readonly [number, number][]): number {
  if (points.length === 1) return Math.hypot(p.x - points[0][0], p.y - points[0][1]);
  let best = Infinity;
  for (let i = 1; i < points.length; i++) best = Math.min(best, segmentDistance(p, points[i - 1], points[i]));
  return best;
}

const isGroup = (kind: string) => kind === 'Branch' || kind === 'ItemProcessor';

/**
 * The place for a drop at `p` (flow coordinates). `reach` is how close to a transition counts
 * as on it (in flow units: a screen distance divided by the zoom).
 */
export function dropPlace(diagram: Diagram, p: Point, reach: number): DropPlace {
  const inside = (n: Diagram['nodes'][number]) => p.x >= n.x && p.x <= n.x + n.width && p.y >= n.y && p.y <= n.y + n.height;
  // On a step itself (not a container box): not on a transition.
  const onStep = diagram.nodes.some((n) => !isGroup(n.kind) && inside(n) && !diagram.nodes.some((c) => c.parent === n.id));
  if (!onStep) {
    let nearest: { source: string; d: number } | null = null;
    for (const e of diagram.edges) {
      const d = polylineDistance(p, e.points);
      if (d <= reach && (!nearest || d < nearest.d)) nearest = { source: e.source, d };
    }
    if (nearest) return { at: 'transition', transition: nearest.source };
  }
  // The innermost container: the deepest group under the pointer (children come after parents).
  let container: string | null = null;
  let depth = -1;
  for (const n of diagram.nodes) {
    if (!isGroup(n.kind) || !inside(n)) continue;
    const d = n.id.split('/').length;
    if (d > depth) {
      depth = d;
      container = n.id;
    }
  }
  return { at: 'container', states: container ? `${container}/States` : '/States' };
}
