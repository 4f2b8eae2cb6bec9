// Keeps the node and edge objects that did not change from one diagram to the next, so React Flow
// redraws only what an edit changed: a one-field edit in a 200-state workflow re-renders one node,
// not 200 (React Flow skips nodes and edges whose objects are the same as before).
import { useState, type Dispatch, type SetStateAction } from 'react';
import type { FlowEdge } from './RoutedEdge';
import type { FlowNode } from './toFlow';

export interface Flow {
  nodes: FlowNode[];
  edges: FlowEdge[];
}

/** Deep equality of plain data (what toFlow builds: objects, arrays, strings, numbers...). */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(rb, k) && sameData(ra[k], rb[k]));
}

/** `after`, with every item equal to the one of the same id in `before` replaced by that one. */
export function keepSame<T extends { id: string }>(before: readonly T[], after: readonly T[]): T[] {
  const old = new Map(before.map((x) => [x.id, x]));
  return after.map((x) => {
    const o = old.get(x.id);
    return o !== undefined && sameData(o, x) ? o : x;
  });
}

/**
 * The nodes to show for `next`: where a node did not change (`next[i]` is the very object shown
 * before), React Flow's live node is kept (with its measured size and selection), unless it
 * was dragged away from the computed place.
 */
export function keepLive(live: readonly FlowNode[], shown: readonly FlowNode[], next: readonly FlowNode[]): FlowNode[] {
  const wasShown = new Set(shown);
  const liveById = new Map(live.map((n) => [n.id, n]));
  return next.map((n) => {
    const l = liveById.get(n.id);
    return wasShown.has(n) && l && l.position.x === n.position.x && l.position.y === n.position.y ? l : n;
  });
}

/**
 * `nodes` with `selected` chosen from outside (the problem list, the inspector) marked as the
 * only selected state, unless it is already part of a multi-selection; `null` selects nothing.
 * Unchanged nodes keep their objects, and so does the array when nothing changes.
 */
export function withSelection(nodes: FlowNode[], selected: string | null): FlowNode[] {
  if (selected !== null && nodes.some((n) => n.id === selected && n.selected)) return nodes;
  if (!nodes.some((n) => Boolean(n.selected) !== (n.id === selected))) return nodes;
  return nodes.map((n) => (Boolean(n.selected) === (n.id === selected) ? n : { ...n, selected: n.id === selected }));
}

/**
 * The diagram to draw: `fresh` (from the latest analysis) with unchanged objects kept. Applied
 * while rendering (no effect and no second commit), it also resets the nodes React Flow holds;
 * a new `layoutSeq` (Auto layout) puts every node back where the layout says.
 */
export function useStableFlow(
  fresh: Flow,
  layoutSeq: number,
  selected: string | null,
  setNodes: Dispatch<SetStateAction<FlowNode[]>>,
  onNew: () => void,
): Flow {
  const [shown, setShown] = useState({ fresh, flow: fresh, layoutSeq });
  if (shown.fresh === fresh && shown.layoutSeq === layoutSeq) return shown.flow;
  const relayout = shown.layoutSeq !== layoutSeq;
  const flow = relayout ? fresh : { nodes: keepSame(shown.flow.nodes, fresh.nodes), edges: keepSame(shown.flow.edges, fresh.edges) };
  setShown({ fresh, flow, layoutSeq });
  // The selection comes with the nodes (not from an effect a frame later): a renamed state is
  // drawn selected in the same render that draws it.
  setNodes((live) => withSelection(relayout ? flow.nodes : keepLive(live, shown.flow.nodes, flow.nodes), selected));
  onNew();
  return flow;
}
