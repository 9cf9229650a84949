import { memo } from 'react';
import { Handle, Position } from '@xyflow/react';
import type { NodeProps } from '@xyflow/react';
import type { StateFlowNode } from './graphTypes.js';

/** Marks a stage where a case may be handed over to another country (meta.handover). */
function HandoverBadge({ label }: { label: string }) {
  return (
    <span className="dz-badge dz-handover" role="img" aria-label={label} title={label} data-handover="">
      ⇄
    </span>
  );
}

/** A step of the protocol: title, institution, form, deadline and whether it allows a handover, at a glance. */
export const StateNode = memo(function StateNode({ data, selected }: NodeProps<StateFlowNode>) {
  const cls = [
    'dz-node',
    `dz-node-${data.kind}`,
    selected ? 'is-selected' : '',
    data.diff ? `is-${data.diff}` : '',
    data.active ? 'is-active' : '',
    data.problems > 0 ? 'has-problems' : '',
    data.handover ? 'has-handover' : '',
  ].join(' ');
  return (
    <div className={cls} data-path={data.path} title={data.path}>
      <Handle type="target" position={Position.Top} />
      {data.handover && <HandoverBadge label={data.handover} />}
      <div className="dz-node-title">
        {data.initial && (
          <span className="dz-initial" aria-hidden="true">
            ▶{' '}
          </span>
        )}
        {data.title}
      </div>
      <div className="dz-node-badges">
        {data.institution && <span className="dz-badge">{data.institution}</span>}
        {data.form && (
          <span className="dz-badge" title={data.formLabel}>
            <span aria-hidden="true">▤ </span>
            <span className="visually-hidden">{data.formLabel}: </span>
            {data.form}
          </span>
        )}
        {data.deadlineHours !== undefined && <span className="dz-badge">◷ {data.deadlineHours} h</span>}
        {data.kind === 'final' && <span className="dz-badge">◉</span>}
        {data.problems > 0 && <span className="dz-badge dz-badge-problem">⚠ {data.problems}</span>}
      </div>
      <Handle type="source" position={Position.Bottom} />
    </div>
  );
});

/** A compound or parallel state: a frame around its children, titled at the top. */
export const GroupNode = memo(function GroupNode({ data, selected }: NodeProps<StateFlowNode>) {
  const cls = [
    'dz-group',
    `dz-group-${data.kind}`,
    data.region ? 'dz-region' : '',
    selected ? 'is-selected' : '',
    data.diff ? `is-${data.diff}` : '',
    data.active ? 'is-active' : '',
    data.problems > 0 ? 'has-problems' : '',
  ].join(' ');
  return (
    <div className={cls} data-path={data.path} title={data.path}>
      <Handle type="target" position={Position.Top} />
      <div className="dz-group-title">
        {data.initial && <span aria-hidden="true">▶ </span>}
        {data.kind === 'parallel' && <span className="dz-badge">∥</span>} {data.title}
        {data.handover && <HandoverBadge label={data.handover} />}
        {data.problems > 0 && <span className="dz-badge dz-badge-problem">⚠ {data.problems}</span>}
      </div>
      <Handle type="source" position={Position.Bottom} />
    </div>
  );
});

/** Where transitions available in every state leave from. */
export const AnyNode = memo(function AnyNode({ data }: NodeProps<StateFlowNode>) {
  return (
    <div className="dz-node dz-node-any" data-path="*">
      <div className="dz-node-title">✱ {data.title}</div>
      <Handle type="source" position={Position.Bottom} />
    </div>
  );
});
