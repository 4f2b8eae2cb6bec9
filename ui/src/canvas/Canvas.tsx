// The workflow diagram. It shows the last diagram that parsed; while the text does not parse it
// stays as it was, dimmed, so nothing jumps around mid-typing. Editing by hand: palette items
// dropped here (onto a transition, into a branch or Map, or anywhere), connections dragged from
// a step's handles, moves that pin states, delete / duplicate / copy / paste of the selection
// (shift-click or shift-drag to select several). Every change goes through `actions`.
import {
  Controls,
  MiniMap,
  ReactFlow,
  useNodesState,
  useReactFlow,
  type Connection,
  type EdgeChange,
  type NodeMouseHandler,
  type OnNodeDrag,
} from '@xyflow/react';
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Diagram, DropPlace, LinkKind } from '../ipc/bindings';
import { PALETTE_DRAG, PALETTE_DROP, type PaletteDrag } from '../panels/usePaletteDrag';
import { takenEdge, useRunView } from '../run/RunView';
import { CanvasToolbar } from './CanvasToolbar';
import { containerOf } from './clipboard';
import { dropPlace } from './dropTarget';
import { FarView } from './FarView';
import { RouteClip, RoutedEdge, type FlowEdge } from './RoutedEdge';
import { GroupNode, StateNode } from './StateNode';
import { useStableFlow, withSelection } from './stableFlow';
import { lookOf } from './stateTypes';
import { toFlow, type FlowNode } from './toFlow';
import type { CanvasActions } from './useCanvasActions';
import { useCanvasKeys } from './useCanvasKeys';
import { absoluteBoxes, drawnIn, grow } from './drawnArea';
import { OverviewMap } from './OverviewMap';
import { useDrawnArea, useFitAll } from './useDrawnArea';
import { perfMark } from '../perf/probe';

const nodeTypes = { state: StateNode, group: GroupNode };
const edgeTypes = { routed: RoutedEdge };
/** From this many nodes on, those out of view are not drawn (measured: see ui/e2e/perf.test.mjs). */
const LARGE = 300;
/** How close (screen px) to a transition a dropped item must be to go into it. */
const DROP_REACH_PX = 14;
const MULTI_SELECT_KEYS = ['Shift', 'Control', 'Meta'];

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
  actions: CanvasActions;
}

/** Memoised: an edit that changes only the text (not the diagram) does not render the canvas. */
export const Canvas = memo(function Canvas({ diagram, stale, problemCounts, selected, onSelect, layoutSeq, fitSeq, focus, actions }: Props) {
  perfMark('Canvas render');
  const fresh = useMemo(
    () => (diagram ? toFlow(diagram, problemCounts) : { nodes: [] as FlowNode[], edges: [] as FlowEdge[] }),
    [diagram, problemCounts],
  );
  const [nodes, setNodes, onNodesChange] = useNodesState<FlowNode>(fresh.nodes);
  const nodesRef = useRef(nodes);
  useEffect(() => {
    nodesRef.current = nodes;
  }, [nodes]);
  const [selectedEdges, setSelectedEdges] = useState<ReadonlySet<string>>(new Set());
  const [hint, setHint] = useState<DropPlace | null>(null);
  /** States a change created: selected as soon as they are drawn. */
  const pendingSelect = useRef<string[] | null>(null);
  const wrapper = useRef<HTMLDivElement>(null);
  const { setCenter, getZoom, screenToFlowPosition } = useReactFlow();
  const large = nodes.length > LARGE;
  const fitView = useFitAll(large, nodesRef);

  // Dragging a state by hand makes the computed routes stale until the pinned layout arrives.
  const [dragged, setDragged] = useState(false);
  const flow = useStableFlow(fresh, layoutSeq, selected, setNodes, () => setDragged(false));
  // States a change created are selected as soon as they are drawn; transitions stay selected
  // across analyses of the same document (their ids name their place).
  useEffect(() => {
    const want = pendingSelect.current;
    if (want !== null && want.every((id) => flow.nodes.some((n) => n.id === id))) {
      pendingSelect.current = null;
      const keep = new Set(want);
      setNodes((prev) => prev.map((n) => (Boolean(n.selected) === keep.has(n.id) ? n : { ...n, selected: keep.has(n.id) })));
    }
    setSelectedEdges((prev) => {
      const kept = [...prev].filter((id) => flow.edges.some((e) => e.id === id));
      return kept.length === prev.size ? prev : new Set(kept);
    });
  }, [flow, setNodes]);

  // Selecting from outside (the problem list): just that state, unless it is already part of a
  // multi-selection. A new array only when something changes: React Flow goes over every node
  // for a new one. (A new diagram comes with its selection applied: see useStableFlow.)
  useEffect(() => {
    if (withSelection(nodesRef.current, selected) !== nodesRef.current) setNodes((ns) => withSelection(ns, selected));
  }, [selected, setNodes, flow]);

  const laidEdges = useMemo(
    () => (dragged ? flow.edges.map((e) => ({ ...e, data: e.data && { ...e.data, routed: false } })) : flow.edges),
    [flow, dragged],
  );
  // During a run, the transitions taken are drawn as traversed.
  const run = useRunView();
  const edges = useMemo(() => {
    const names = new Map(diagram?.nodes.map((n) => [n.id, n.name]) ?? []);
    const target = hint?.at === 'transition' ? hint.transition : null;
    const running = run.taken.size > 0 || run.focus;
    return laidEdges.map((e) => {
      const classes = [e.className ?? ''];
      if (running && takenEdge(run, names.get(e.source) ?? '', names.get(e.target) ?? '')) classes.push('taken');
      if (target !== null && e.data?.source === target) classes.push('drop-target');
      const picked = selectedEdges.has(e.id);
      return classes.length === 1 && !picked ? e : { ...e, className: classes.join(' ').trim(), selected: picked };
    });
  }, [laidEdges, run, diagram, hint, selectedEdges]);

  const shown = useMemo(() => {
    const into = hint?.at === 'container' && hint.states !== '/States' ? containerOf(hint.states) : null;
    return into === null ? nodes : nodes.map((n) => (n.id === into ? { ...n, className: 'drop-target' } : n));
  }, [nodes, hint]);
  // A big diagram: only what is in an area around the view is in the page (see drawnArea.ts).
  const area = useDrawnArea(large);
  const drawn = useMemo(
    () => (!large ? { nodes: shown, edges } : area ? drawnIn(shown, edges, area) : { nodes: [], edges: [] }),
    [large, area, shown, edges],
  );
  // Long transitions are cut a little outside the drawn area (no cut end shows in a frame or two
  // of a pan before the area moves).
  const clip = useMemo(() => (area ? grow(area, 0.1) : null), [area]);

  useEffect(() => {
    if (fitSeq > 0) void fitView({ padding: 0.15, duration: 200, maxZoom: 1.2 });
  }, [fitSeq, fitView]);

  // A different number of states (opening a file, a big edit, a state added or removed): all of
  // it is shown, fitted from the computed boxes before the frame is painted, so it appears whole
  // at once rather than moving under the pointer for a moment after the change. A rename keeps
  // the view where it is; Fit and Auto layout fit through `fitSeq`.
  const shape = flow.nodes.length;
  const fitSource = useRef<readonly FlowNode[]>([]);
  const fitNow = useFitAll(true, fitSource);
  const shownShape = useRef(0);
  useLayoutEffect(() => {
    if (shownShape.current === shape) return;
    shownShape.current = shape;
    if (shape === 0) return;
    fitSource.current = flow.nodes;
    fitNow({ padding: 0.15, duration: 0, maxZoom: 1.2 });
  }, [shape, flow, fitNow]);

  useEffect(() => {
    if (!focus) return;
    // From the full node list: in a big diagram the state may not be drawn yet.
    const box = absoluteBoxes(nodesRef.current).get(focus.id);
    if (!box) return;
    void setCenter(box.x + box.width / 2, box.y + box.height / 2, { zoom: Math.max(getZoom(), 0.8), duration: 200 });
  }, [focus, setCenter, getZoom]);

  /** Selects what a change created once it is drawn (and shows the first in the inspector). */
  const select = useCallback(
    (created: string[] | null) => {
      if (!created || created.length === 0) return;
      pendingSelect.current = created;
      onSelect(created[0]);
    },
    [onSelect],
  );

  // Palette items dragged over and dropped on the canvas.
  useEffect(() => {
    const placeAt = (d: PaletteDrag): DropPlace | null => {
      const r = wrapper.current?.getBoundingClientRect();
      if (!r || !diagram || d.x < r.left || d.x > r.right || d.y < r.top || d.y > r.bottom) return null;
      return dropPlace(diagram, screenToFlowPosition({ x: d.x, y: d.y }), DROP_REACH_PX / getZoom());
    };
    const onDrag = (e: Event) => setHint(placeAt((e as CustomEvent<PaletteDrag>).detail));
    const onDrop = (e: Event) => {
      const d = (e as CustomEvent<PaletteDrag>).detail;
      setHint(null);
      const place = placeAt(d);
      if (!place) return;
      const where = place.at === 'transition' ? ' into the transition' : place.states === '/States' ? '' : ' inside the container';
      void actions.change({ op: 'drop', item: d.item, place }, `Added “${d.label}”${where}`).then(select);
    };
    window.addEventListener(PALETTE_DRAG, onDrag);
    window.addEventListener(PALETTE_DROP, onDrop);
    return () => {
      window.removeEventListener(PALETTE_DRAG, onDrag);
      window.removeEventListener(PALETTE_DROP, onDrop);
    };
  }, [diagram, screenToFlowPosition, getZoom, actions, select]);

  const selectedStates = useCallback(() => nodesRef.current.filter((n) => n.selected && n.type === 'state').map((n) => n.id), []);
  const selectedTransitions = useCallback(
    () => edges.filter((e) => selectedEdges.has(e.id) && e.data).map((e) => e.data!.source),
    [edges, selectedEdges],
  );
  const commands = useMemo(
    () => ({
      remove: () => {
        const states = selectedStates();
        const transitions = selectedTransitions();
        if (states.length + transitions.length === 0) return;
        const what = [count(states.length, 'step'), count(transitions.length, 'transition')].filter(Boolean).join(' and ');
        void actions.change({ op: 'delete', states, transitions }, `Deleted ${what}`).then((r) => r && onSelect(null));
      },
      duplicate: () => {
        const states = selectedStates();
        if (states.length > 0) void actions.change({ op: 'duplicate', states }, `Duplicated ${count(states.length, 'step')}`).then(select);
      },
      copy: () => actions.copy(selectedStates()),
      paste: () => void actions.paste().then(select),
    }),
    [actions, onSelect, select, selectedStates, selectedTransitions],
  );
  useCanvasKeys(commands, actions);

  const onNodeClick: NodeMouseHandler<FlowNode> = (_, node) => {
    if (node.type === 'state') onSelect(node.id);
  };

  const onConnect = (c: Connection) => {
    if (!c.sourceHandle) return;
    const name = (id: string) => diagram?.nodes.find((n) => n.id === id)?.name ?? id;
    const link = c.sourceHandle as LinkKind;
    const said = { next: 'now goes on to', rule: 'has a new rule going to', default: 'otherwise goes to', catch: 'on any error goes to' }[link];
    void actions.change({ op: 'connect', from: c.source, to: c.target, link }, `“${name(c.source)}” ${said} “${name(c.target)}”`);
  };

  const onNodeDragStop: OnNodeDrag<FlowNode> = (_, __, moved) => {
    setDragged(true);
    const before = new Map(flow.nodes.map((n) => [n.id, n.position]));
    actions.move(
      moved
        .filter((n) => n.type === 'state')
        .filter((n) => {
          const p = before.get(n.id);
          return !p || Math.abs(p.x - n.position.x) > 0.5 || Math.abs(p.y - n.position.y) > 0.5;
        })
        .map((n) => ({ id: n.id, position: n.position })),
    );
  };

  const onEdgesChange = (changes: EdgeChange<FlowEdge>[]) =>
    setSelectedEdges((prev) => {
      const next = new Set(prev);
      for (const c of changes) {
        if (c.type !== 'select') continue;
        if (c.selected) next.add(c.id);
        else next.delete(c.id);
      }
      return next;
    });

  const stateCount = nodes.filter((n) => n.selected && n.type === 'state').length;
  return (
    <>
      <CanvasToolbar
        states={stateCount}
        transitions={selectedEdges.size}
        canPaste={actions.canPaste()}
        onDelete={commands.remove}
        onDuplicate={commands.duplicate}
        onCopy={commands.copy}
        onPaste={commands.paste}
        onExport={(format) => void actions.exportImage(format)}
      />
      <div ref={wrapper} className={stale ? 'canvas stale' : 'canvas'} aria-label="Workflow diagram" role="region">
        <RouteClip.Provider value={clip}>
        <ReactFlow
          nodes={drawn.nodes}
          edges={drawn.edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodeDragStop={onNodeDragStop}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onNodeClick={onNodeClick}
          onPaneClick={() => onSelect(null)}
          onConnect={onConnect}
          isValidConnection={(c) => c.source !== undefined && containerOf(c.source) === containerOf(c.target)}
          connectionRadius={30}
          deleteKeyCode={null}
          multiSelectionKeyCode={MULTI_SELECT_KEYS}
          // A big diagram is fitted from its full node list (useFitAll), not from the states drawn.
          fitView={!large}
          fitViewOptions={{ padding: 0.15, maxZoom: 1.2 }}
          minZoom={0.2}
          proOptions={{ hideAttribution: true }}
        >
          <FarView host={wrapper} large={large} />
          <Controls showInteractive={false} />
          {/* Above LARGE React Flow's minimap would repaint every state (each its own store subscription) on every
              frame of a pan or zoom: a picture painted once per diagram stands in for it. */}
          {large ? (
            <OverviewMap nodes={flow.nodes} />
          ) : (
            <MiniMap pannable zoomable ariaLabel="Minimap" style={{ width: 150, height: 100 }} nodeColor={minimapColour} />
          )}
        </ReactFlow>
        </RouteClip.Provider>
        {diagram && diagram.nodes.length === 0 && (
          <p className="canvas-empty">No states to draw yet: drag a step here from the palette or type one in the ASL JSON pane.</p>
        )}
      </div>
    </>
  );
});

/** Stable across renders: the minimap re-draws its nodes when this changes. */
function minimapColour(n: FlowNode): string {
  return n.type === 'group' ? '#e3e7ec' : lookOf(String(n.data.kind)).colour;
}

function count(n: number, what: string): string {
  return n === 0 ? '' : `${n} ${what}${n === 1 ? '' : 's'}`;
}
