// One state on the canvas: coloured by type, with an icon, its name and its type in words.
// Parallel and Map states that contain steps are drawn as a box around them.
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { CSSProperties } from 'react';
import { lookOf } from './stateTypes';
import type { FlowNode } from './toFlow';

export function StateNode({ data, selected }: NodeProps<FlowNode>) {
  const look = lookOf(data.kind);
  const style = { '--state-colour': look.colour, '--state-tint': look.tint } as CSSProperties;
  const classes = ['state', data.container ? 'state-container' : '', selected ? 'selected' : '', data.problems > 0 ? 'has-problems' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={classes} style={style} aria-label={data.name} data-state-type={data.kind} title={`${data.kind}: ${look.summary}`}>
      <Handle type="target" position={Position.Top} isConnectable={false} />
      <div className="state-head">
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
      <div className="state-kind">{data.kind}</div>
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
