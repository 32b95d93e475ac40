import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { formatNumber } from '../../format/formatNumber';
import { viewBoxPoint } from '../../plots/viewBoxPoint';
import { boundaryGeometry } from './boundaryGeometry';
import { degreesOf, normOf, shiftedByKey, shiftedTo, tipOf, tipTo, turnedByKey, weightsOfPose, type BoundaryPose } from './boundaryPose';
import type { PlotScale } from './PointScatter';

interface BoundaryHandlesProps {
  pose: BoundaryPose;
  /** the plot's square is [−limit, limit]² */
  limit: number;
  scale: PlotScale;
  onChange(pose: BoundaryPose): void;
}

const n2 = (v: number) => formatNumber(v, 2);

/**
 * The decision boundary as two things to grab, drawn over PointScatter: the line itself (drag it, or
 * focus it and press the arrow keys, to move it parallel to itself) and the tip of the arrow (w₁, w₂)
 * from a point of the line (drag it to turn the arrow and change its length; arrow keys turn it, Page
 * Up / Page Down lengthen it). The arrow is named (w₁, w₂), not w, which the chapter keeps for all
 * three weights (w₁, w₂, b). Each is a slider for assistive technology, its value text the current numbers.
 */
export function BoundaryHandles({ pose, limit, scale, onChange }: BoundaryHandlesProps) {
  const drag = useRef<'line' | 'tip' | null>(null);
  const { x, y } = scale;
  const [w1, w2, b] = weightsOfPose(pose);
  const { segment } = boundaryGeometry(w1, w2, b, limit);
  const tip = tipOf(pose);
  const degrees = degreesOf(pose.w);

  const start = (event: PointerEvent<SVGGElement>, which: 'line' | 'tip') => {
    if (event.button !== 0) return;
    event.stopPropagation();
    event.currentTarget.setPointerCapture?.(event.pointerId);
    drag.current = which;
  };
  const move = (event: PointerEvent<SVGGElement>) => {
    const which = drag.current;
    if (which === null) return;
    const p = viewBoxPoint(event.currentTarget.ownerSVGElement, event);
    const q = [x.invert(p.x), y.invert(p.y)] as const;
    onChange(which === 'line' ? shiftedTo(pose, q) : tipTo(pose, q));
  };
  const up = () => {
    drag.current = null;
  };
  const key = (event: KeyboardEvent<SVGGElement>, which: 'line' | 'tip') => {
    const next = (which === 'line' ? shiftedByKey : turnedByKey)(pose, event.key, event.shiftKey);
    if (next === null) return;
    event.preventDefault();
    onChange(next);
  };
  const pointer = { onPointerMove: move, onPointerUp: up, onPointerCancel: up };

  return (
    <g className="boundary-handles">
      {segment && (
        <g
          className="line-handle"
          role="slider"
          tabIndex={0}
          aria-label="decision boundary: drag it, or press the arrow keys, to move it"
          aria-valuenow={Number(b.toFixed(2))}
          aria-valuetext={`b = ${n2(b)}`}
          onPointerDown={(event) => start(event, 'line')}
          onKeyDown={(event) => key(event, 'line')}
          {...pointer}
        >
          <line className="line-hit" x1={x(segment[0][0])} y1={y(segment[0][1])} x2={x(segment[1][0])} y2={y(segment[1][1])} />
        </g>
      )}
      <line className="w-arrow" x1={x(pose.anchor[0])} y1={y(pose.anchor[1])} x2={x(tip[0])} y2={y(tip[1])} />
      <circle className="w-anchor" cx={x(pose.anchor[0])} cy={y(pose.anchor[1])} r={3.5} />
      <g
        className="tip-handle"
        role="slider"
        tabIndex={0}
        aria-label="weight arrow (w₁, w₂): drag its tip; arrow keys turn it, Page Up and Page Down lengthen it"
        aria-valuemin={-180}
        aria-valuemax={180}
        aria-valuenow={Math.round(degrees)}
        aria-valuetext={`(w₁, w₂) = (${n2(w1)}, ${n2(w2)}), pointing at ${formatNumber(degrees, 0)}°, length ${n2(normOf(pose.w))}`}
        transform={`translate(${x(tip[0])},${y(tip[1])})`}
        onPointerDown={(event) => start(event, 'tip')}
        onKeyDown={(event) => key(event, 'tip')}
        {...pointer}
      >
        <circle className="hit-area" r={14} />
        <circle className="tip-mark" r={6.5} />
      </g>
    </g>
  );
}
