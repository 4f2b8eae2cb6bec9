// Keeps a big diagram's drawn area (see drawnArea.ts) around the view without rendering anything
// while the view stays inside it: it listens to React Flow's store directly (not through a React
// selector), and sets React state only when the view leaves the area. Also fits a big diagram in
// view from its own node list, since React Flow only knows the states that are drawn.
import { getViewportForBounds, useReactFlow, useStoreApi, type ReactFlowState } from '@xyflow/react';
import { useCallback, useLayoutEffect, useState, type RefObject } from 'react';
import { absoluteBoxes, boundsOf, grow, serves, viewOf, type Box } from './drawnArea';
import type { FlowNode } from './toFlow';

/** Drawn around the view: this times the view's width (height) on each side (measured: ui/e2e/perf.test.mjs). */
export const DRAW_MARGIN = 0.5;
/** Zoomed in so far that the drawn area is this many times the view: a new, smaller area is drawn. */
const MAX_AREA_RATIO = 16;

/** The area to draw while `active` (null until the pane has a size, and whenever not active). */
export function useDrawnArea(active: boolean): Box | null {
  const store = useStoreApi();
  const [area, setArea] = useState<Box | null>(null);
  // A layout effect: the first area is there before the first paint of a big diagram.
  useLayoutEffect(() => {
    if (!active) return;
    let current: Box | null = null;
    const check = ({ transform, width, height }: ReactFlowState) => {
      if (!width || !height) return;
      const view = viewOf(transform, width, height);
      if (current && serves(current, view, MAX_AREA_RATIO)) return;
      current = grow(view, DRAW_MARGIN);
      setArea(current);
    };
    check(store.getState());
    return store.subscribe(check);
  }, [active, store]);
  return active ? area : null;
}

export interface FitOptions {
  padding: number;
  duration?: number;
  maxZoom: number;
}

/**
 * `fit(options)`: shows the whole diagram. For a big one (`whole` is true) from the full node list
 * in `nodes` (React Flow would fit only the states drawn); otherwise React Flow's fitView.
 */
export function useFitAll(whole: boolean, nodes: RefObject<readonly FlowNode[]>) {
  const store = useStoreApi();
  const { fitView, setViewport } = useReactFlow();
  return useCallback(
    (options: FitOptions) => {
      if (!whole) return void fitView(options);
      const { width, height, minZoom } = store.getState();
      const bounds = boundsOf(absoluteBoxes(nodes.current).values());
      if (!bounds || !width || !height) return;
      const fitted = getViewportForBounds(bounds, width, height, minZoom, options.maxZoom, options.padding);
      void setViewport(fitted, { duration: options.duration });
    },
    [whole, nodes, store, fitView, setViewport],
  );
}
