// One state on the canvas: coloured by type, with an icon, its name and its type in words.
// Parallel and Map states that contain steps are drawn as a box around them.
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { CSSProperties } from 'react';
import { STATUS_LOOK } from '../run/look';
import { statusOf, useRunView } from '../run/RunView';
import { lookOf } from './stateTypes';
import type { FlowNode } from './toFlow';

export function StateNode({ data, selected }: NodeProps<FlowNode>) {
  const look = lookOf(data.kind);
  const run = useRunView();
  const status = statusOf(run, data.name);
  const breakpoint = run.breakpoints.has(data.name);
  const style = { '--state-colour': look.colour, '--state-tint': look.tint } as CSSProperties;
  const classes = ['state', data.container ? 'state-container' : '', selected ? 'selected' : '', data.problems > 0 ? 'has-problems' : '', run.ran ? `run-${status}` : '', run.pausedAt === data.name ? 'paused-here' : '', run.focus?.inside.has(data.name) ? 'in-iteration' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={classes} style={style} aria-label={data.name} data-state-type={data.kind} data-status={status} title={`${data.kind}: ${look.summary}`}>
      <Handle type="target" position={Position.Top} isConnectable={false} />
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
      <Handle type="source" position={Position.Bottom} isConnectable={false} />
    </div>
  );
}

/** A Parallel branch or a Map's per-item steps: a dashed frame with a caption. */
export function GroupNode({ data }: NodeProps<FlowNode>) {
  return (
    <div className="group-frame" data-container-type={data.kind} aria-label={data.name}>
      <span className="group-caption">{data.name}</span>
    </div>
  );
}
