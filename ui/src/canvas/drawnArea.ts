// Which part of a big diagram is in the page. React Flow's own culling (`onlyRenderVisibleElements`)
// recomputes the states in view on every frame of a pan or zoom, so states enter and leave the page
// (each one rendered, measured and laid out) on nearly every frame. Instead, a big diagram draws
// the states and transitions in an area larger than the view (the view plus a margin on each
// side) and picks a new area only when the view leaves it (or has become much smaller than it,
// after zooming in a lot): most frames of a pan or zoom are then a pure CSS transform.
// Pure functions, in flow coordinates (the diagram's own, before the view's zoom and offset).
import type { FlowEdge } from './RoutedEdge';
import type { FlowNode } from './toFlow';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The part of the diagram in view, for React Flow's transform `[x, y, zoom]` and pane size (px). */
export function viewOf([tx, ty, zoom]: readonly [number, number, number], width: number, height: number): Box {
  return { x: -tx / zoom, y: -ty / zoom, width: width / zoom, height: height / zoom };
}

/** `box` grown by `mx` times its width on the left and right, `my` times its height above and below. */
export function grow(box: Box, mx: number, my: number = mx): Box {
  return {
    x: box.x - box.width * mx,
    y: box.y - box.height * my,
    width: box.width * (1 + 2 * mx),
    height: box.height * (1 + 2 * my),
  };
}

/**
 * The area to draw around `view` (seen at `zoom`): `margin` times the view's size on each side, and
 * at least `minPx` screen pixels (a pan moves the view by screen pixels, however small the pane).
 */
export function areaAround(view: Box, zoom: number, margin: number, minPx: number): Box {
  const least = minPx / zoom;
  return grow(view, Math.max(margin, least / Math.max(view.width, 1)), Math.max(margin, least / Math.max(view.height, 1)));
}

/**
 * Whether the states drawn for `area` still serve `view`: the view is inside the area, and not so
 * much smaller (zoomed far in) that most of what is drawn is far out of sight.
 */
export function serves(area: Box, view: Box, maxAreaRatio: number): boolean {
  return contains(area, view) && area.width * area.height <= view.width * view.height * maxAreaRatio;
}

/** Whether `inner` lies inside `outer`. */
export function contains(outer: Box, inner: Box): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}

/** Whether two boxes share some area (touching edges count: a zero-height line is still drawn). */
export function overlaps(a: Box, b: Box): boolean {
  return a.x <= b.x + b.width && b.x <= a.x + a.width && a.y <= b.y + b.height && b.y <= a.y + a.height;
}

/** Each node's box in flow coordinates (React Flow positions a child relative to its parent). */
export function absoluteBoxes(nodes: readonly FlowNode[]): Map<string, Box> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const boxes = new Map<string, Box>();
  const boxOf = (n: FlowNode, depth: number): Box => {
    const known = boxes.get(n.id);
    if (known) return known;
    const parent = n.parentId !== undefined && depth < 64 ? byId.get(n.parentId) : undefined;
    const origin = parent ? boxOf(parent, depth + 1) : { x: 0, y: 0 };
    const box = {
      x: origin.x + n.position.x,
      y: origin.y + n.position.y,
      width: n.measured?.width ?? n.width ?? 0,
      height: n.measured?.height ?? n.height ?? 0,
    };
    boxes.set(n.id, box);
    return box;
  };
  for (const n of nodes) boxOf(n, 0);
  return boxes;
}

/** The smallest box around all `boxes` (null when there are none). */
export function boundsOf(boxes: Iterable<Box>): Box | null {
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const b of boxes) {
    x1 = Math.min(x1, b.x);
    y1 = Math.min(y1, b.y);
    x2 = Math.max(x2, b.x + b.width);
    y2 = Math.max(y2, b.y + b.height);
  }
  return x1 === Infinity ? null : { x: x1, y: y1, width: x2 - x1, height: y2 - y1 };
}

/** The box a transition's line stays in: its computed route, or else the two states it joins. */
function edgeBox(e: FlowEdge, boxes: Map<string, Box>): Box | null {
  if (e.data?.routed && e.data.points.length > 0) {
    return boundsOf(e.data.points.map(([x, y]) => ({ x, y, width: 0, height: 0 })));
  }
  const ends = [boxes.get(e.source), boxes.get(e.target)].filter((b): b is Box => b !== undefined);
  return ends.length === 2 ? boundsOf(ends) : null;
}

/**
 * The nodes and edges to put in the page for `area`, in their original order and as the very same
 * objects: the states whose box meets the area, the transitions whose line crosses it (and the
 * states at both ends of those, so React Flow can attach them), the Parallel or Map around any
 * state drawn, and always the selected or dragged states (a drag may leave the area).
 */
export function drawnIn(nodes: readonly FlowNode[], edges: readonly FlowEdge[], area: Box): { nodes: FlowNode[]; edges: FlowEdge[] } {
  const boxes = absoluteBoxes(nodes);
  const keep = new Set<string>();
  for (const n of nodes) {
    const box = boxes.get(n.id);
    if (n.selected || n.dragging || (box && overlaps(box, area))) keep.add(n.id);
  }
  const shownEdges = new Set<FlowEdge>();
  for (const e of edges) {
    const box = edgeBox(e, boxes);
    if (box && overlaps(box, area)) {
      shownEdges.add(e);
      keep.add(e.source);
      keep.add(e.target);
    }
  }
  // A drawn state needs the Parallel or Map (and branch frame) it sits in.
  const parentOf = new Map(nodes.map((n) => [n.id, n.parentId]));
  for (const id of [...keep]) {
    let p = parentOf.get(id);
    for (let depth = 0; p !== undefined && !keep.has(p) && depth < 64; depth++) {
      keep.add(p);
      p = parentOf.get(p);
    }
  }
  return {
    nodes: nodes.filter((n) => keep.has(n.id)),
    edges: edges.filter((e) => shownEdges.has(e) || (keep.has(e.source) && keep.has(e.target))),
  };
}

/** How a diagram of `bounds` is drawn into a `width` × `height` picture, `pad` px inside its border. */
export interface MapFit {
  scale: number;
  /** Picture coordinates of the diagram point (bounds.x, bounds.y). */
  left: number;
  top: number;
  bounds: Box;
}

/** Scales `bounds` to fit the picture, keeping its proportions, centred. */
export function fitInto(bounds: Box, width: number, height: number, pad: number): MapFit {
  const scale = Math.min((width - 2 * pad) / Math.max(bounds.width, 1), (height - 2 * pad) / Math.max(bounds.height, 1));
  return {
    scale,
    left: (width - bounds.width * scale) / 2,
    top: (height - bounds.height * scale) / 2,
    bounds,
  };
}

/** `box` (flow coordinates) in picture coordinates. */
export function toMap(fit: MapFit, box: Box): Box {
  return {
    x: fit.left + (box.x - fit.bounds.x) * fit.scale,
    y: fit.top + (box.y - fit.bounds.y) * fit.scale,
    width: box.width * fit.scale,
    height: box.height * fit.scale,
  };
}

/** The diagram point (flow coordinates) under picture point (`px`, `py`). */
export function fromMap(fit: MapFit, px: number, py: number): { x: number; y: number } {
  return { x: fit.bounds.x + (px - fit.left) / fit.scale, y: fit.bounds.y + (py - fit.top) / fit.scale };
}

/** A route cut to the part that crosses a box (see `trimRoute`). */
export interface TrimmedRoute {
  points: [number, number][];
  /** Length of the route cut off before the first point (to keep a dashed line's dashes in place). */
  skipped: number;
  /** Whether the route still ends where it did (where its arrowhead belongs). */
  endKept: boolean;
}

/**
 * `points` (a polyline) from where it first enters `box` to where it last leaves it. A dashed line
 * is drawn dash by dash along its whole length, on screen or not: a big diagram's long transitions
 * (every Task's "on error" line running down to one handler) cost more to paint than all the rest
 * of the view. Null when no part of the line is in the box; the route itself when it all is.
 */
export function trimRoute(points: readonly [number, number][], box: Box): TrimmedRoute | null {
  let first = -1;
  let last = -1;
  let entry: [number, number] = [0, 0];
  let exit: [number, number] = [0, 0];
  let skipped = 0;
  let before = 0;
  let exitT = 1;
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const cut = clipSegment(a, b, box);
    const length = Math.hypot(b[0] - a[0], b[1] - a[1]);
    if (cut) {
      if (first < 0) {
        first = i;
        entry = at(a, b, cut[0]);
        skipped = before + length * cut[0];
      }
      last = i;
      exit = at(a, b, cut[1]);
      exitT = cut[1];
    }
    before += length;
  }
  if (first < 0) return null;
  const endKept = last === points.length - 2 && exitT === 1;
  return { points: [entry, ...points.slice(first + 1, last + 1), exit], skipped, endKept };
}

function at(a: readonly [number, number], b: readonly [number, number], t: number): [number, number] {
  return t === 0 ? [a[0], a[1]] : t === 1 ? [b[0], b[1]] : [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
}

/** The part [t0, t1] of segment a→b inside `box` (Liang–Barsky), or null when it misses it. */
function clipSegment(a: readonly [number, number], b: readonly [number, number], box: Box): [number, number] | null {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  let t0 = 0;
  let t1 = 1;
  const sides: [number, number][] = [
    [-dx, a[0] - box.x],
    [dx, box.x + box.width - a[0]],
    [-dy, a[1] - box.y],
    [dy, box.y + box.height - a[1]],
  ];
  for (const [p, q] of sides) {
    if (p === 0) {
      if (q < 0) return null;
      continue;
    }
    const r = q / p;
    if (p < 0) t0 = Math.max(t0, r);
    else t1 = Math.min(t1, r);
    if (t0 > t1) return null;
  }
  return [t0, t1];
}

/** `box` widened (heightened) about its centre to at least `size`. */
export function atLeast(box: Box, size: number): Box {
  const width = Math.max(box.width, size);
  const height = Math.max(box.height, size);
  return { x: box.x - (width - box.width) / 2, y: box.y - (height - box.height) / 2, width, height };
}
