// The workflow diagram. It shows the last diagram that parsed; while the text does not parse it
// stays as it was, dimmed, so nothing jumps around mid-typing.
import {
  Background,
  Controls,
  ReactFlow,
  useNodesState,
  useReactFlow,
  type NodeMouseHandler,
} from '@xyflow/react';
import { memo, useEffect, useMemo, useState } from 'react';
import type { Diagram } from '../ipc/bindings';
import { takenEdge, useRunView } from '../run/RunView';
import { RoutedEdge, type FlowEdge } from './RoutedEdge';
import { GroupNode, StateNode } from './StateNode';
import { useStableFlow } from './stableFlow';
import { toFlow, type FlowNode } from './toFlow';
import { perfMark } from '../perf/probe';

const nodeTypes = { state: StateNode, group: GroupNode };
const edgeTypes = { routed: RoutedEdge };
/** From this many nodes on, those out of view are not drawn (measured: see ui/e2e/perf.test.mjs). */
const LARGE = 300;

export interface FocusRequest {
  id: string;
  seq: number;
}

interface Props {
  diagram: Diagram | null;
  stale: boolean;
  problemCounts: Map<string, number>;
  selected: string | null;
  onSelect: (id: string | null) => void;
  /** Bumped to re-apply the computed layout (Auto layout). */
  layoutSeq: number;
  /** Bumped to fit the whole diagram in view. */
  fitSeq: number;
  focus: FocusRequest | null;
}

/** Memoised: an edit that changes only the text (not the diagram) does not render the canvas. */
export const Canvas = memo(function Canvas({ diagram, stale, problemCounts, selected, onSelect, layoutSeq, fitSeq, focus }: Props) {
  perfMark('Canvas render');
  const fresh = useMemo(
    () => (diagram ? toFlow(diagram, problemCounts) : { nodes: [] as FlowNode[], edges: [] as FlowEdge[] }),
    [diagram, problemCounts],
  );
  const [nodes, setNodes, onNodesChange] = useNodesState<FlowNode>(fresh.nodes);
  const { fitView, getInternalNode, setCenter, getZoom } = useReactFlow();

  // Dragging a state by hand makes the computed routes stale until the next layout.
  const [dragged, setDragged] = useState(false);
  const flow = useStableFlow(fresh, layoutSeq, setNodes, () => setDragged(false));
  const laidEdges = useMemo(
    () => (dragged ? flow.edges.map((e) => ({ ...e, data: e.data && { ...e.data, routed: false } })) : flow.edges),
    [flow, dragged],
  );
  // During a run, the transitions taken are drawn as traversed.
  const run = useRunView();
  const edges = useMemo(() => {
    if ((run.taken.size === 0 && !run.focus) || !diagram) return laidEdges;
    const names = new Map(diagram.nodes.map((n) => [n.id, n.name]));
    return laidEdges.map((e) =>
      takenEdge(run, names.get(e.source) ?? '', names.get(e.target) ?? '') ? { ...e, className: `${e.className ?? ''} taken` } : e,
    );
  }, [laidEdges, run, diagram]);

  useEffect(() => {
    // A new array only when the selection changes: React Flow goes over every node for a new one.
    setNodes((current) =>
      current.some((n) => Boolean(n.selected) !== (n.id === selected))
        ? current.map((n) => (Boolean(n.selected) === (n.id === selected) ? n : { ...n, selected: n.id === selected }))
        : current,
    );
  }, [selected, setNodes, flow]);

  useEffect(() => {
    if (fitSeq > 0) void fitView({ padding: 0.15, duration: 200, maxZoom: 1.2 });
  }, [fitSeq, fitView]);

  // A different number of states (a big edit, a state added or removed): show all of it once it
  // is drawn. A rename keeps the view where it is; opening a file fits through `fitSeq`.
  const shape = flow.nodes.length;
  useEffect(() => {
    const t = window.setTimeout(() => void fitView({ padding: 0.15, duration: 200, maxZoom: 1.2 }), 60);
    return () => window.clearTimeout(t);
  }, [shape, fitView]);

  useEffect(() => {
    if (!focus) return;
    const node = getInternalNode(focus.id);
    if (!node) return;
    const { x, y } = node.internals.positionAbsolute;
    const w = node.measured.width ?? 0;
    const h = node.measured.height ?? 0;
    void setCenter(x + w / 2, y + h / 2, { zoom: Math.max(getZoom(), 0.8), duration: 200 });
  }, [focus, getInternalNode, setCenter, getZoom]);

  const onNodeClick: NodeMouseHandler<FlowNode> = (_, node) => {
    if (node.type === 'state') onSelect(node.id);
  };

  return (
    <div className={stale ? 'canvas stale' : 'canvas'} aria-label="Workflow diagram" role="region">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodeDragStop={() => setDragged(true)}
        onNodesChange={onNodesChange}
        onNodeClick={onNodeClick}
        onPaneClick={() => onSelect(null)}
        nodesConnectable={false}
        fitView
        fitViewOptions={{ padding: 0.15, maxZoom: 1.2 }}
        minZoom={0.2}
        // Big workflows: only what is in view is in the page, so panning and zooming stay smooth.
        onlyRenderVisibleElements={nodes.length > LARGE}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={20} />
        <Controls showInteractive={false} />
      </ReactFlow>
      {diagram && diagram.nodes.length === 0 && (
        <p className="canvas-empty">No states to draw yet: add a state from the palette or type one in the ASL JSON pane.</p>
      )}
    </div>
  );
});
