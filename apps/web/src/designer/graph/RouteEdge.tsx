import { memo } from 'react';
import { BaseEdge, ViewportPortal } from '@xyflow/react';
import type { EdgeProps } from '@xyflow/react';
import type { RouteFlowEdge } from './graphTypes.js';
import { useEdgeClick } from './edgeClick.js';

/**
 * A transition drawn along ELK's route, labelled with its event and a mark when it is guarded.
 * The label is the transition's button; it is drawn in the viewport's portal, after the states,
 * so that tabbing through the chart reaches every state before the transitions.
 */
export const RouteEdge = memo(function RouteEdge({
  id,
  data,
  selected,
  markerEnd,
}: EdgeProps<RouteFlowEdge>) {
  const click = useEdgeClick();
  if (!data || data.points.length < 2) return null;
  const [first, ...rest] = data.points;
  const path = `M ${first!.x} ${first!.y} ${rest.map((p) => `L ${p.x} ${p.y}`).join(' ')}`;
  const cls = [
    'dz-edge',
    selected ? 'is-selected' : '',
    data.diff ? `is-${data.diff}` : '',
    data.broken ? 'is-broken' : '',
  ]
    .join(' ')
    .trim();
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className={cls} interactionWidth={14} />
      {data.label && (
        <ViewportPortal>
          <button
            type="button"
            onClick={() => click(id)}
            className={`dz-edge-label nodrag nopan ${cls}`}
            data-edge={id}
            aria-label={data.description}
            style={{
              transform: `translate(${data.label.x}px, ${data.label.y}px)`,
              width: data.label.width,
            }}
            title={data.guard ? `${data.title} [${data.guard}]` : data.title}
          >
            {data.guard && <span className="dz-guard-mark">◆ </span>}
            {data.title}
            {data.problems > 0 && <span className="dz-badge-problem"> ⚠</span>}
          </button>
        </ViewportPortal>
      )}
    </>
  );
});
