// Keeps a big diagram's drawn area (see drawnArea.ts) around the view without rendering anything
// while the view stays inside it: it listens to React Flow's store directly (not through a React
// selector), and sets React state only when the view leaves the area. Also fits a big diagram in
// view from its own node list, since React Flow only knows the states that are drawn.
import { getViewportForBounds, useReactFlow, useStoreApi, type ReactFlowState } from '@xyflow/react';
import { useCallback, useLayoutEffect, useState, type RefObject } from 'react';
import { absoluteBoxes, areaAround, boundsOf, contains, serves, viewOf, type Box } from './drawnArea';
import type { FlowNode } from './toFlow';
import { perfMark } from '../perf/probe';

/**
 * Drawn around the view: this times the view's width (height) on each side, and at least
 * DRAW_MARGIN_PX screen pixels (measured: ui/e2e/perf.test.mjs; each state drawn costs a little
 * on every frame, each new area one slower frame).
 */
export const DRAW_MARGIN = 0.5;
const DRAW_MARGIN_PX = 400;
/** Zoomed in so far that the drawn area is this many times the view: a new, smaller area is drawn. */
const MAX_AREA_RATIO = 64;
/** Once the view has stopped this long (ms) with less than half the margin left on a side, the area is drawn again around it. */
const SETTLE_MS = 250;

/** The area to draw while `active` (null until the pane has a size, and whenever not active). */
export function useDrawnArea(active: boolean): Box | null {
  const store = useStoreApi();
  const [area, setArea] = useState<Box | null>(null);
  // A layout effect: the first area is there before the first paint of a big diagram.
  useLayoutEffect(() => {
    if (!active) return;
    let current: Box | null = null;
    let settle: number | undefined;
    const drawAround = (view: Box, why: string) => {
      perfMark(`drawn area: ${why}`);
      current = areaAround(view, store.getState().transform[2], DRAW_MARGIN, DRAW_MARGIN_PX);
      setArea(current);
    };
    // A pan or zoom that ended near the area's border: a new area while nothing moves, so the
    // next one starts with the full margin (not mid-movement, when it would cost a frame).
    const recentre = () => {
      const { transform, width, height } = store.getState();
      const view = viewOf(transform, width, height);
      if (current && width && height && !contains(current, areaAround(view, transform[2], DRAW_MARGIN / 2, DRAW_MARGIN_PX / 2))) drawAround(view, 'recentred');
    };
    const check = ({ transform, width, height }: ReactFlowState) => {
      if (!width || !height) return;
      const view = viewOf(transform, width, height);
      window.clearTimeout(settle);
      settle = window.setTimeout(recentre, SETTLE_MS);
      if (current && serves(current, view, MAX_AREA_RATIO)) return;
      drawAround(view, current ? 'view left it' : 'first');
    };
    check(store.getState());
    const unsubscribe = store.subscribe(check);
    return () => {
      unsubscribe();
      window.clearTimeout(settle);
    };
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
