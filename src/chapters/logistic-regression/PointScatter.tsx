import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { formatNumber } from '../../format/formatNumber';
import { term } from '../../format/terms';
import { useMeasuredWidth } from '../../plots/useMeasuredWidth';
import { viewBoxPoint } from '../../plots/viewBoxPoint';
import { boundaryGeometry, type Point } from './boundaryGeometry';
import type { DataPoint, Weights } from './logisticDescent';
import { XGrid, YGrid } from '../../plots/axes';

export interface PointScatterProps {
  /** the text alternative, with the current numbers */
  label: string;
  points: readonly DataPoint[];
  w: Weights;
  limit: number;
  onAdd(x1: number, x2: number): void;
  onMove(id: number, x1: number, x2: number): void;
  onRemove(id: number): void;
  /** the point that should hold the keyboard focus (a point just added by a button) */
  focusId?: number | null;
  /** the points are the lecturer's: shown, and reachable from the keyboard, but not to be changed */
  readOnly?: boolean;
  /**
   * the points are only drawn, for a figure where the learner moves something else (the chapter
   * opener's boundary): no Tab stop, no pointer, said by `label`. Implies readOnly.
   */
  staticPoints?: boolean;
  /** draw at this size (CSS px, square) instead of the measured width: a compact figure sets its own */
  size?: number;
  /** more SVG drawn on top of the points, in the plot's coordinates (the chapter opener's boundary handles) */
  overlay?: (scale: PlotScale) => ReactNode;
}

/** The plot's data → viewBox maps (d3 scales: `invert` finds where a pointer on an overlay lands). */
export interface PlotScale {
  x: ScaleLinear<number, number>;
  y: ScaleLinear<number, number>;
}

const M = { top: 12, right: 12, bottom: 34, left: 38 } as const;
const KEY_STEP = 0.1;
const TICKS = [-3, -2, -1, 0, 1, 2, 3];
/** A read-only plot says so to the pointer, and lets a finger scroll the page across it. */
const READ_ONLY_STYLE = { cursor: 'default', touchAction: 'auto' } as const;

export const pointName = (p: DataPoint) => `class ${p.t} point at (${formatNumber(p.x1, 2)}, ${formatNumber(p.x2, 2)})`;

/**
 * The 2-D points with the decision boundary and the two half-planes it makes. Press empty space to
 * add a point, drag a point to move it. From the keyboard the points are one Tab stop (roving
 * tabindex): arrow keys move the focused point (Shift: five times as far), PageUp/PageDown (or [ and ])
 * and Home/End go to another point, Delete removes it. Read-only, only the going from point to point
 * is left. Props in, SVG out.
 */
export function PointScatter({ label, points, w, limit, onAdd, onMove, onRemove, focusId, readOnly: fixedPoints = false, staticPoints = false, size: fixedSize, overlay }: PointScatterProps) {
  const readOnly = fixedPoints || staticPoints;
  const [box, measured] = useMeasuredWidth<HTMLDivElement>(420, 280, 520);
  const size = fixedSize ?? measured;
  const svgRef = useRef<SVGSVGElement>(null);
  const drag = useRef<{ id: number; moved: boolean } | null>(null);
  const [active, setActive] = useState(0);
  const x = scaleLinear().domain([-limit, limit]).range([M.left, size - M.right]);
  const y = scaleLinear().domain([-limit, limit]).range([size - M.bottom, M.top]);
  const at = (event: PointerEvent) => {
    const p = viewBoxPoint(svgRef.current, event);
    return [x.invert(p.x), y.invert(p.y)] as const;
  };

  const focusedIndex = Math.min(active, Math.max(points.length - 1, 0));
  const focusPoint = (index: number) => {
    setActive(index);
    const el = svgRef.current?.querySelectorAll<SVGGElement>('.lab-point')[index];
    el?.focus();
  };
  // A point added from the keyboard takes the focus, so the arrow keys move it at once.
  const focusIndex = focusId == null ? -1 : points.findIndex((p) => p.id === focusId);
  useEffect(() => {
    if (focusIndex < 0) return;
    // its onFocus makes it the active point
    svgRef.current?.querySelectorAll<SVGGElement>('.lab-point')[focusIndex]?.focus();
  }, [focusId, focusIndex]);

  const onBackgroundDown = (event: PointerEvent<SVGRectElement>) => {
    if (readOnly || event.button !== 0) return;
    const [x1, x2] = at(event);
    onAdd(x1, x2);
  };
  const onPointDown = (event: PointerEvent<SVGGElement>, p: DataPoint, index: number) => {
    event.stopPropagation();
    if (readOnly) return;
    event.currentTarget.setPointerCapture?.(event.pointerId);
    drag.current = { id: p.id, moved: false };
    setActive(index);
  };
  const onPointMove = (event: PointerEvent<SVGGElement>) => {
    if (!drag.current) return;
    const [x1, x2] = at(event);
    drag.current.moved = true;
    onMove(drag.current.id, x1, x2);
  };
  const stop = () => {
    drag.current = null;
  };
  const onKeyDown = (event: KeyboardEvent<SVGGElement>, p: DataPoint, index: number) => {
    const step = event.shiftKey ? 5 * KEY_STEP : KEY_STEP;
    const moves: Record<string, [number, number]> = { ArrowRight: [step, 0], ArrowLeft: [-step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
    const move = readOnly ? undefined : moves[event.key];
    if (move) onMove(p.id, p.x1 + move[0], p.x2 + move[1]);
    else if (!readOnly && (event.key === 'Delete' || event.key === 'Backspace')) {
      onRemove(p.id);
      // focus stays in the plot: on the point that takes this one's place
      requestAnimationFrame(() => focusPoint(Math.min(index, points.length - 2)));
    } else if (event.key === 'PageDown' || event.key === ']') focusPoint((index + 1) % points.length);
    else if (event.key === 'PageUp' || event.key === '[') focusPoint((index - 1 + points.length) % points.length);
    else if (event.key === 'Home') focusPoint(0);
    else if (event.key === 'End') focusPoint(points.length - 1);
    else return;
    event.preventDefault();
  };

  const [w1, w2, b] = w;
  const geometry = boundaryGeometry(w1, w2, b, limit);
  const polygon = (ps: readonly Point[]) => ps.map(([a, c]) => `${x(a)},${y(c)}`).join(' ');

  return (
    <div ref={box} className="scatter-box">
      <svg
        ref={svgRef}
        className="plot point-scatter"
        viewBox={`0 0 ${size} ${size}`}
        role="group"
        aria-label={label}
        style={readOnly ? READ_ONLY_STYLE : undefined}
        onPointerUp={stop}
        onPointerCancel={stop}
      >
        {geometry.positive.length > 2 && <polygon className="half-plane half-plane-1" points={polygon(geometry.positive)} />}
        {geometry.negative.length > 2 && <polygon className="half-plane half-plane-0" points={polygon(geometry.negative)} />}
        <rect
          className="add-area"
          x={M.left}
          y={M.top}
          width={size - M.left - M.right}
          height={size - M.top - M.bottom}
          onPointerDown={onBackgroundDown}
        />
        <XGrid ticks={TICKS} x={x} top={M.top} bottom={size - M.bottom} labelY={size - M.bottom + 15} label={(v) => formatNumber(v, 0)} />
        <YGrid ticks={TICKS} y={y} left={M.left} right={size - M.right} label={(v) => formatNumber(v, 0)} />
        <text className="axis-name" x={size - M.right} y={size - 4} textAnchor="end">
          x₁
        </text>
        <text className="axis-name" x={4} y={M.top + 4} dy="0.6em">
          x₂
        </text>
        {geometry.segment && (
          <line
            className="boundary-line"
            data-term={term.logisticBoundary()}
            x1={x(geometry.segment[0][0])}
            y1={y(geometry.segment[0][1])}
            x2={x(geometry.segment[1][0])}
            y2={y(geometry.segment[1][1])}
          />
        )}
        {staticPoints &&
          points.map((p) => (
            <g key={p.id} className={`static-point static-point-${p.t}`} transform={`translate(${x(p.x1)},${y(p.x2)})`} aria-hidden="true">
              {p.t === 1 ? <circle className="mark" r={6.5} /> : <rect className="mark" x={-6} y={-6} width={12} height={12} />}
            </g>
          ))}
        {!staticPoints && points.map((p, index) => (
          <g
            key={p.id}
            className={`lab-point lab-point-${p.t}`}
            data-testid={`lab-point-${p.id}`}
            data-x1={p.x1}
            data-x2={p.x2}
            role="button"
            aria-roledescription={readOnly ? 'point' : 'movable point'}
            aria-disabled={readOnly || undefined}
            aria-label={
              readOnly
                ? `${pointName(p)}: set by your lecturer; PageUp and PageDown go to the other points`
                : `${pointName(p)}: arrow keys move it, Delete removes it, PageUp and PageDown go to the other points`
            }
            style={readOnly ? READ_ONLY_STYLE : undefined}
            tabIndex={index === focusedIndex ? 0 : -1}
            transform={`translate(${x(p.x1)},${y(p.x2)})`}
            onPointerDown={(event) => onPointDown(event, p, index)}
            onPointerMove={onPointMove}
            onKeyDown={(event) => onKeyDown(event, p, index)}
            onFocus={() => setActive(index)}
          >
            <circle className="hit-area" r={13} />
            {p.t === 1 ? <circle className="mark" r={6.5} /> : <rect className="mark" x={-6} y={-6} width={12} height={12} />}
          </g>
        ))}
        {overlay?.({ x, y })}
      </svg>
    </div>
  );
}
