// A transition drawn along the route the core's layout computed (so lines and captions do not
// overlap); once states have been dragged by hand, a simple stepped line between them instead.
import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, getSmoothStepPath, type Edge, type EdgeProps } from '@xyflow/react';

export interface RoutedEdgeData extends Record<string, unknown> {
  points: [number, number][];
  labelAt: [number, number] | null;
  /** False once a state was moved by hand: the computed route no longer fits. */
  routed: boolean;
  /** Where the transition is written (`/States/A/Next`): what a drop on it or a delete changes. */
  source: string;
}

export type FlowEdge = Edge<RoutedEdgeData>;

/** Memoised: drawn again only when its own route or look changes. */
export const RoutedEdge = memo(function RoutedEdge(props: EdgeProps<FlowEdge>) {
  const { id, data, label, markerEnd, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition } = props;
  const routed = data?.routed === true && data.points.length >= 2;
  let path: string;
  let labelX: number;
  let labelY: number;
  if (routed) {
    path = `M ${data.points.map(([x, y]) => `${x} ${y}`).join(' L ')}`;
    const middle = data.points[Math.floor((data.points.length - 1) / 2)];
    [labelX, labelY] = data.labelAt ?? middle;
  } else {
    [path, labelX, labelY] = getSmoothStepPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  }
  // The layout gives the label's left end; the fallback gives its centre.
  const shift = routed && data?.labelAt ? '0%' : '-50%';
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} interactionWidth={16} />
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
