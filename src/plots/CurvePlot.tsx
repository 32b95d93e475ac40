import { memo, useId, useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { formatNumber } from '../format/formatNumber';
import { viewBoxPoint } from './viewBoxPoint';
import { XGrid, YGrid } from './axes';
import { PaintExtent } from './PaintExtent';

export interface Curve {
  /** stable key */
  id: string;
  points: readonly (readonly [number, number])[];
  colour: string;
  /** the curve of the current case: drawn solid and thick; the others dashed */
  emphasis: boolean;
}

export interface CurveMarker {
  /** the term id shared with the formula */
  term: string;
  x: number;
  y: number;
  colour: string;
  emphasis: boolean;
}

/** The slider the plot's handle is: the value it sets, in its own units (the binary logit z). */
export interface CurveHandle {
  name: string;
  value: number;
  min: number;
  max: number;
  step: number;
  valueText: string;
  onValue(value: number): void;
  /** the handle's value at an x of the plot (a ŷ axis maps back to z); the identity when absent */
  fromX?: (x: number) => number;
}

export interface CurvePlotProps {
  /** the text alternative: what is drawn, with its current numbers */
  label: string;
  xDomain: readonly [number, number];
  yDomain: readonly [number, number];
  xTicks: readonly number[];
  yTicks: readonly number[];
  xName: string;
  curves: readonly Curve[];
  markers: readonly CurveMarker[];
  /** where the vertical guide through the markers stands, in x units */
  guideX: number;
  handle: CurveHandle;
  width?: number;
  height?: number;
}

const M = { top: 10, right: 12, bottom: 34, left: 40 } as const;

const tickDigits = (ticks: readonly number[]) => (ticks.every(Number.isInteger) ? 0 : ticks.some((t) => !Number.isInteger(t * 10)) ? 2 : 1);

/**
 * Curves y = f(x) over fixed domains, with one marker per curve at the current point and a vertical
 * guide through them. d3 computes the scales and the paths; React owns every element. The plot is a
 * handle on one number: drag anywhere across it (pointer capture, so a fast drag cannot escape), or
 * focus it and use the arrow keys. Values outside the y domain are clipped; a marker beyond it sits
 * on the edge, its true value in the label. Props in, SVG out: this component reads no store.
 */
type CurvePoints = CurvePlotProps['curves'][number]['points'];

/**
 * A curve's path string, by its points and the plot's geometry. The curves are sampled once and only
 * the marker moves with a slider step, so their paths are built once, not at every step.
 */
const pathCache = new WeakMap<CurvePoints, Map<string, string>>();
function cachedPath(points: CurvePoints, geometry: string, build: () => string): string {
  let byGeometry = pathCache.get(points);
  if (!byGeometry) pathCache.set(points, (byGeometry = new Map()));
  let d = byGeometry.get(geometry);
  if (d === undefined) byGeometry.set(geometry, (d = build()));
  return d;
}

export function CurvePlot(props: CurvePlotProps) {
  const { label, xDomain, yDomain, xTicks, yTicks, xName, curves, markers, guideX, handle, width = 360, height = 230 } = props;
  const svgRef = useRef<SVGSVGElement>(null);
  const dragging = useRef(false);
  const clip = `curve-clip-${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;

  const x = scaleLinear().domain(xDomain).range([M.left, width - M.right]);
  const y = scaleLinear().domain(yDomain).range([height - M.bottom, M.top]);
  const inY = (v: number) => Math.min(Math.max(v, yDomain[0]), yDomain[1]);

  const pointerX = (event: PointerEvent) => viewBoxPoint(svgRef.current, event).x;
  const setFromPointer = (event: PointerEvent) => {
    const at = x.invert(pointerX(event));
    const v = handle.fromX ? handle.fromX(at) : at;
    if (Number.isFinite(v)) handle.onValue(Math.min(handle.max, Math.max(handle.min, v)));
  };
  const onPointerDown = (event: PointerEvent<SVGSVGElement>) => {
    event.currentTarget.setPointerCapture?.(event.pointerId);
    dragging.current = true;
    setFromPointer(event);
  };
  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    if (dragging.current) setFromPointer(event);
  };
  const onPointerUp = () => {
    dragging.current = false;
  };
  const onKeyDown = (event: KeyboardEvent<SVGSVGElement>) => {
    const { value, step, min, max, onValue } = handle;
    const delta: Record<string, number> = {
      ArrowUp: step, ArrowRight: step, ArrowDown: -step, ArrowLeft: -step, PageUp: 10 * step, PageDown: -10 * step,
    };
    if (event.key in delta) onValue(value + (delta[event.key] ?? 0));
    else if (event.key === 'Home') onValue(min);
    else if (event.key === 'End') onValue(max);
    else return;
    event.preventDefault();
  };

  const bottom = height - M.bottom;
  return (
    <svg
      ref={svgRef}
      className="plot curve-plot"
      viewBox={`0 0 ${width} ${height}`}
      role="slider"
      tabIndex={0}
      aria-label={`${handle.name}. ${label}`}
      aria-valuemin={handle.min}
      aria-valuemax={handle.max}
      aria-valuenow={handle.value}
      aria-valuetext={handle.valueText}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
    >
      <Backdrop clip={clip} width={width} height={height} xDomain={xDomain} yDomain={yDomain} xTicks={xTicks} yTicks={yTicks} xName={xName} curves={curves} />
      {/* the guide and the markers are a run of their own after the clipped curves */}
      <PaintExtent />
      <line className="guide" x1={x(guideX)} x2={x(guideX)} y1={M.top} y2={bottom} />
      {markers.map((m) => (
        <circle
          key={m.term}
          className={m.emphasis ? 'marker marker-main' : 'marker marker-other'}
          data-term={m.term}
          data-value={m.y}
          cx={x(m.x)}
          cy={y(inY(m.y))}
          r={m.emphasis ? 6 : 4.5}
          style={{ fill: m.colour }}
        />
      ))}
    </svg>
  );
}

type BackdropProps = Pick<CurvePlotProps, 'xDomain' | 'yDomain' | 'xTicks' | 'yTicks' | 'xName' | 'curves'> & {
  clip: string;
  width: number;
  height: number;
};

const sameNumbers = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
const sameCurves = (a: readonly Curve[], b: readonly Curve[]) =>
  a.length === b.length &&
  a.every((c, i) => {
    const d = b[i];
    return d !== undefined && c.id === d.id && c.points === d.points && c.colour === d.colour && c.emphasis === d.emphasis;
  });

/**
 * What a slider step does not move: the grid, the axis name and the curves. Compared by value (a
 * caller writes its domains and curve lists afresh at each render), so a step renders only the guide
 * and the markers.
 */
const Backdrop = memo(
  function Backdrop({ clip, width, height, xDomain, yDomain, xTicks, yTicks, xName, curves }: BackdropProps) {
    const x = scaleLinear().domain(xDomain).range([M.left, width - M.right]);
    const y = scaleLinear().domain(yDomain).range([height - M.bottom, M.top]);
    const path = line<readonly [number, number]>()
      .x((d) => x(d[0]))
      .y((d) => y(Math.max(Math.min(d[1], yDomain[1] + 1e3), yDomain[0] - 1e3)));
    const geometry = `${width} ${height} ${xDomain.join(' ')} ${yDomain.join(' ')}`;
    const pathOf = (points: CurvePoints) => cachedPath(points, geometry, () => path(points) ?? '');
    const bottom = height - M.bottom;
    const xDigits = tickDigits(xTicks);
    const yDigits = tickDigits(yTicks);
    return (
      <>
        <defs>
          <clipPath id={clip}>
            <rect x={M.left} y={M.top} width={width - M.left - M.right} height={bottom - M.top} />
          </clipPath>
        </defs>
        <rect className="plot-area" x={M.left} y={M.top} width={width - M.left - M.right} height={bottom - M.top} />
        <YGrid ticks={yTicks} y={y} left={M.left} right={width - M.right} label={(t) => formatNumber(t, yDigits)} />
        <XGrid ticks={xTicks} x={x} top={M.top} bottom={bottom} labelY={bottom + 14} label={(t) => formatNumber(t, xDigits)} />
        <text className="axis-name" x={(M.left + width - M.right) / 2} y={height - 3} textAnchor="middle">
          {xName}
        </text>
        <g clipPath={`url(#${clip})`}>
          {curves.map((c) => (
            <path
              key={c.id}
              className={c.emphasis ? 'curve curve-main' : 'curve curve-other'}
              d={pathOf(c.points)}
              style={{ stroke: c.colour }}
            />
          ))}
        </g>
      </>
    );
  },
  (a, b) =>
    a.clip === b.clip &&
    a.width === b.width &&
    a.height === b.height &&
    a.xName === b.xName &&
    sameNumbers(a.xDomain, b.xDomain) &&
    sameNumbers(a.yDomain, b.yDomain) &&
    sameNumbers(a.xTicks, b.xTicks) &&
    sameNumbers(a.yTicks, b.yTicks) &&
    sameCurves(a.curves, b.curves),
);
