// A transition drawn along the route the core's layout computed (so lines and captions do not
// overlap); once states have been dragged by hand, a simple stepped line between them instead.
// In a big diagram, a route is cut to the part that crosses the drawn area (see drawnArea.ts).
import { createContext, memo, useContext, useMemo } from 'react';
import { BaseEdge, EdgeLabelRenderer, getSmoothStepPath, type Edge, type EdgeProps } from '@xyflow/react';
import { trimRoute, type Box } from './drawnArea';

export interface RoutedEdgeData extends Record<string, unknown> {
  points: [number, number][];
  labelAt: [number, number] | null;
  /** False once a state was moved by hand: the computed route no longer fits. */
  routed: boolean;
  /** Where the transition is written (`/States/A/Next`): what a drop on it or a delete changes. */
  source: string;
}

export type FlowEdge = Edge<RoutedEdgeData>;

/** Where routes are cut (a big diagram's drawn area, a little larger); null: drawn whole. */
export const RouteClip = createContext<Box | null>(null);

/** Memoised: drawn again only when its own route or look changes. */
export const RoutedEdge = memo(function RoutedEdge(props: EdgeProps<FlowEdge>) {
  const { id, data, label, markerEnd, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition } = props;
  const routed = data?.routed === true && data.points.length >= 2;
  const clip = useContext(RouteClip);
  const points = data?.points;
  const trimmed = useMemo(() => (clip && points ? trimRoute(points, clip) : undefined), [clip, points]);
  let path: string;
  let labelX: number;
  let labelY: number;
  let dashOffset: number | undefined;
  let arrow = markerEnd;
  if (routed) {
    const drawnPoints = trimmed === undefined ? data.points : (trimmed?.points ?? []);
    path = drawnPoints.length >= 2 ? `M ${drawnPoints.map(([x, y]) => `${x} ${y}`).join(' L ')}` : '';
    if (trimmed) {
      // The dashes stay where they were on the whole line; the arrowhead only where the line ends.
      dashOffset = trimmed.skipped;
      if (!trimmed.endKept) arrow = undefined;
    }
    const middle = data.points[Math.floor((data.points.length - 1) / 2)];
    [labelX, labelY] = data.labelAt ?? middle;
  } else {
    [path, labelX, labelY] = getSmoothStepPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  }
  // The layout gives the label's left end; the fallback gives its centre.
  const shift = routed && data?.labelAt ? '0%' : '-50%';
  return (
    <>
      {path !== '' && (
        <BaseEdge
          id={id}
          path={path}
          markerEnd={arrow}
          interactionWidth={16}
          style={dashOffset ? { strokeDashoffset: dashOffset } : undefined}
        />
      )}
      {label && (
        <EdgeLabelRenderer>
          <div
            className="edge-label"
            style={{ transform: `translate(${shift}, -50%) translate(${labelX}px, ${labelY}px)` }}
          >
            {label}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
});
