// One state on the canvas: coloured by type, with an icon, its name and its type in words.
// Parallel and Map states that contain steps are drawn as a box around them. Handles to drag a
// connection from: "next" below a flowing step, "rule" and "default" below a Choice, "on error"
// on the right of a Task, Parallel or Map; while a connection is dragged, the whole step is a
// place to drop it.
import { Handle, Position, useConnection, type NodeProps } from '@xyflow/react';
import { memo, type CSSProperties } from 'react';
import { STATUS_LOOK } from '../run/look';
import { statusOf, useRunView } from '../run/RunView';
import { LOOKS, lookOf } from './stateTypes';
import type { FlowNode } from './toFlow';

/** Memoised: a pan or zoom that brings other states into view does not render this one again. */
export const StateNode = memo(function StateNode({ data, selected }: NodeProps<FlowNode>) {
  const look = lookOf(data.kind);
  const run = useRunView();
  const status = statusOf(run, data.name);
  const breakpoint = run.breakpoints.has(data.name);
  const style = { '--state-colour': look.colour, '--state-tint': look.tint } as CSSProperties;
  const connecting = useConnection((c) => c.inProgress);
  const outs = handlesOf(data.kind);
  const classes = ['state', data.container ? 'state-container' : '', selected ? 'selected' : '', data.problems > 0 ? 'has-problems' : '', run.ran ? `run-${status}` : '', run.pausedAt === data.name ? 'paused-here' : '', run.focus?.inside.has(data.name) ? 'in-iteration' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={classes} style={style} aria-label={data.name} data-state-type={data.kind} data-status={status} title={`${data.kind}: ${look.summary}`}>
      <Handle
        type="target"
        id="in"
        position={Position.Top}
        className={connecting ? 'handle-in connecting' : 'handle-in'}
        isConnectableStart={false}
      />
      <div className="state-head">
        <button
          type="button"
          className={breakpoint ? 'bp on nodrag' : 'bp nodrag'}
          aria-label={`Toggle breakpoint on ${data.name}`}
          aria-pressed={breakpoint}
          title={breakpoint ? 'Breakpoint: the run pauses before this state (click to remove)' : 'Add a breakpoint: pause before this state'}
          onClick={(e) => {
            e.stopPropagation();
            run.toggleBreakpoint(data.name);
          }}
        />
        <span className="state-icon" aria-hidden="true">
          {look.icon}
        </span>
        <span className="state-name">{data.name}</span>
        {data.problems > 0 && (
          <span className="state-badge" title={`${data.problems} problem${data.problems === 1 ? '' : 's'}`}>
            {data.problems}
          </span>
        )}
      </div>
      <div className="state-kind">
        {data.kind}
        {run.ran && status !== 'idle' && (
          <span className="state-status" style={{ color: STATUS_LOOK[status].colour }}>
            {' '}
            · {STATUS_LOOK[status].icon} {STATUS_LOOK[status].label}
          </span>
        )}
      </div>
      {outs.map((h) => (
        <Handle
          key={h.id}
          type="source"
          id={h.id}
          position={h.id === 'catch' ? Position.Right : Position.Bottom}
          className={`handle-out handle-${h.id}`}
          style={h.left ? { left: h.left } : undefined}
          aria-label={`${h.label} from ${data.name}`}
          title={h.title}
          isConnectableEnd={false}
        >
          {h.caption && <span className="handle-caption">{h.caption}</span>}
        </Handle>
      ))}
    </div>
  );
});

/** A Parallel branch or a Map's per-item steps: a dashed frame with a caption. */
export function GroupNode({ data }: NodeProps<FlowNode>) {
  return (
    <div className="group-frame" data-container-type={data.kind} aria-label={data.name}>
      <span className="group-caption">{data.name}</span>
    </div>
  );
}

interface OutHandle {
  id: 'next' | 'rule' | 'default' | 'catch';
  label: string;
  title: string;
  caption?: string;
  left?: string;
}

/** The connections a step of type `kind` can start. */
export function handlesOf(kind: string): OutHandle[] {
  const out: OutHandle[] = [];
  if (kind === 'Choice') {
    out.push(
      { id: 'rule', label: 'Add a rule', title: 'Drag to a step: add a rule that goes there (then edit its condition)', caption: 'rule', left: '30%' },
      { id: 'default', label: 'Set the default', title: 'Drag to a step: where to go when no rule matches', caption: 'default', left: '70%' },
    );
  } else if (kind !== 'Succeed' && kind !== 'Fail' && kind in LOOKS) {
    out.push({ id: 'next', label: 'Connect next step', title: 'Drag to a step: go there next' });
  }
  if (kind === 'Task' || kind === 'Parallel' || kind === 'Map') {
    out.push({ id: 'catch', label: 'On error', title: 'Drag to a step: go there on any error' });
  }
  return out;
}
