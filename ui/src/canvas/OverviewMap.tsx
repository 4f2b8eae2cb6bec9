// The minimap of a big diagram. React Flow's MiniMap draws one SVG element per state, each its own
// store subscription, all repainted on every frame of a pan or zoom; with 1000 states that costs
// more than the diagram itself. This one paints every state as a rectangle into one <canvas>, only
// when the diagram changes, and moves a frame showing the view over it (a style change, no React
// render) as the view moves. Clicking or dragging in it centres the view there; with the keyboard
// focus on it, the arrow keys move the view.
import { Panel, useReactFlow, useStoreApi, type ReactFlowState } from '@xyflow/react';
import { useEffect, useMemo, useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { absoluteBoxes, atLeast, boundsOf, fitInto, fromMap, toMap, viewOf } from './drawnArea';
import { lookOf } from './stateTypes';
import type { FlowNode } from './toFlow';
import './overviewMap.css';

const WIDTH = 150;
const HEIGHT = 100;
const PAD = 4;
/** The frame showing the view is at least this big (px). */
const MIN_FRAME = 6;
/** The arrow keys move the view by this part of its width or height. */
const KEY_STEP = 0.25;

export function OverviewMap({ nodes }: { nodes: readonly FlowNode[] }) {
  const store = useStoreApi();
  const { setCenter } = useReactFlow();
  const picture = useRef<HTMLCanvasElement>(null);
  const frame = useRef<HTMLDivElement>(null);
  const drag = useRef<number | null>(null);
  const map = useMemo(() => {
    const boxes = absoluteBoxes(nodes);
    const bounds = boundsOf(boxes.values());
    return bounds ? { boxes, fit: fitInto(bounds, WIDTH, HEIGHT, PAD) } : null;
  }, [nodes]);

  // The states, painted once per diagram.
  useEffect(() => {
    const el = picture.current;
    const g = el?.getContext('2d');
    if (!el || !g) return;
    const dpr = window.devicePixelRatio || 1;
    el.width = Math.round(WIDTH * dpr);
    el.height = Math.round(HEIGHT * dpr);
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    g.clearRect(0, 0, WIDTH, HEIGHT);
    if (!map) return;
    for (const n of nodes) {
      const box = map.boxes.get(n.id);
      if (!box) continue;
      const r = toMap(map.fit, box);
      const look = lookOf(String(n.data.kind));
      g.fillStyle = n.type === 'group' ? '#e3e7ec' : n.data.container ? look.tint : look.colour;
      g.fillRect(r.x, r.y, Math.max(r.width, 1), Math.max(r.height, 1));
    }
  }, [map, nodes]);

  // The frame showing the view, moved with it without rendering.
  useEffect(() => {
    let last = '';
    const place = ({ transform, width, height }: ReactFlowState) => {
      const el = frame.current;
      if (!el || !map || !width || !height) return;
      // Never smaller than a few pixels: zoomed in on a long workflow, the view is still found.
      const r = atLeast(toMap(map.fit, viewOf(transform, width, height)), MIN_FRAME);
      const key = `${r.x.toFixed(1)},${r.y.toFixed(1)},${r.width.toFixed(1)},${r.height.toFixed(1)}`;
      if (key === last) return;
      last = key;
      el.style.transform = `translate(${r.x}px, ${r.y}px)`;
      el.style.width = `${r.width}px`;
      el.style.height = `${r.height}px`;
    };
    place(store.getState());
    return store.subscribe(place);
  }, [map, store]);

  const centreAt = (e: PointerEvent<HTMLDivElement>) => {
    if (!map) return;
    const r = e.currentTarget.getBoundingClientRect();
    const p = fromMap(map.fit, e.clientX - r.left, e.clientY - r.top);
    void setCenter(p.x, p.y, { zoom: store.getState().transform[2] });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] }[e.key];
    if (!step) return;
    e.preventDefault();
    const { transform, width, height } = store.getState();
    const view = viewOf(transform, width, height);
    const x = view.x + view.width / 2 + step[0] * view.width * KEY_STEP;
    const y = view.y + view.height / 2 + step[1] * view.height * KEY_STEP;
    void setCenter(x, y, { zoom: transform[2] });
  };

  return (
    <Panel position="bottom-right" className="overview-map nopan nowheel">
      <div
        className="overview-map-area"
        role="group"
        aria-label="Minimap"
        aria-roledescription="minimap"
        title="The whole workflow: click or drag to move the view there (arrow keys move it too)"
        tabIndex={0}
        style={{ width: WIDTH, height: HEIGHT }}
        onKeyDown={onKeyDown}
        onPointerDown={(e) => {
          if (e.button !== 0) return;
          drag.current = e.pointerId;
          e.currentTarget.setPointerCapture(e.pointerId);
          centreAt(e);
        }}
        onPointerMove={(e) => {
          if (drag.current === e.pointerId) centreAt(e);
        }}
        onPointerUp={(e) => {
          if (drag.current === e.pointerId) drag.current = null;
        }}
        onPointerCancel={() => (drag.current = null)}
      >
        <canvas ref={picture} style={{ width: WIDTH, height: HEIGHT }} aria-hidden="true" />
        <div ref={frame} className="overview-map-view" aria-hidden="true" />
      </div>
    </Panel>
  );
}
