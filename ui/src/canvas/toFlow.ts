// Converts the core's laid-out diagram (absolute coordinates) into React Flow nodes and edges
// (children positioned relative to their parent).
import type { Node } from '@xyflow/react';
import type { FlowEdge } from './RoutedEdge';
import type { Diagram, DiagramNode } from '../ipc/bindings';

export interface StateNodeData extends Record<string, unknown> {
  name: string;
  kind: string;
  /** True for Parallel/Map states drawn as a box around what they contain. */
  container: boolean;
  problems: number;
}

export type FlowNode = Node<StateNodeData>;

export function toFlow(diagram: Diagram, problemCounts: Map<string, number>): { nodes: FlowNode[]; edges: FlowEdge[] } {
  const byId = new Map<string, DiagramNode>(diagram.nodes.map((n) => [n.id, n]));
  const hasChildren = new Set(diagram.nodes.map((n) => n.parent).filter((p): p is string => p !== null));
  const nodes: FlowNode[] = diagram.nodes.map((n) => {
    const parent = n.parent !== null ? byId.get(n.parent) : undefined;
    const isGroup = n.kind === 'Branch' || n.kind === 'ItemProcessor';
    // Whole pixels, and given as already measured: the box is drawn at exactly this size, so
    // React Flow finds nothing to report when it measures a state that is new to the canvas (a
    // renamed one), which would otherwise cost a second render of every node.
    const width = Math.round(n.width);
    const height = Math.round(n.height);
    return {
      id: n.id,
      type: isGroup ? 'group' : 'state',
      position: { x: n.x - (parent?.x ?? 0), y: n.y - (parent?.y ?? 0) },
      width,
      height,
      measured: { width, height },
      style: { width, height },
      ...(parent ? { parentId: parent.id } : {}),
      data: {
        name: n.name,
        kind: n.kind,
        container: hasChildren.has(n.id) && !isGroup,
        problems: problemCounts.get(n.id) ?? 0,
      },
      ariaLabel: n.name,
      selectable: !isGroup,
      draggable: !isGroup,
      zIndex: isGroup || hasChildren.has(n.id) ? 0 : 1,
    };
  });
  const edges: FlowEdge[] = diagram.edges.map((e) => ({
    id: e.id,
    source: e.from,
    target: e.to,
    label: e.label ?? undefined,
    type: 'routed',
    data: { points: e.points, labelAt: e.labelAt, routed: true, source: e.source },
    className: `edge-${e.kind}`,
    zIndex: 2,
    markerEnd: { type: 'arrowclosed' as const },
    ariaLabel: `${nameOf(byId, e.from)} to ${nameOf(byId, e.to)}${e.label ? ` (${e.label})` : ''}`,
  }));
  return { nodes, edges };
}

function nameOf(byId: Map<string, DiagramNode>, id: string): string {
  return byId.get(id)?.name ?? id;
}
