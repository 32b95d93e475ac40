import { useEffect, useMemo, useRef, useState, type PointerEvent } from 'react';
import { line } from 'd3-shape';
import { scaleLinear } from 'd3-scale';
import type { CostGridSpec } from '../../core/logisticCostGrid';
import { formatNumber } from '../../format/formatNumber';
import { term } from '../../format/terms';
import { PaintExtent } from '../../plots/PaintExtent';
import { useMeasuredWidth } from '../../plots/useMeasuredWidth';
import { viewBoxPoint } from '../../plots/viewBoxPoint';
import { levelsFor, sublevelRings, type Ring } from './costMap';
import type { Weights } from './logisticDescent';

export interface CostContourMapProps {
  /** the canvas's text alternative, with the current numbers */
  label: string;
  values: Float64Array;
  spec: CostGridSpec;
  path: readonly Weights[];
  /** the cost at the current (w₁, w₂) on the slice drawn: its contour passes through the current point */
  cost: number;
  /** where the next step lands, w − η∇L (null when there is nothing to train) */
  next: readonly [number, number] | null;
  /** a press on the map starts there; without it (the start is the lecturer's) the map is only seen */
  onStart?: (w1: number, w2: number) => void;
}

const M = { top: 12, right: 12, bottom: 34, left: 38 } as const;
const TICKS = [-6, -4, -2, 0, 2, 4, 6];
// dark is for screens only, as in theme.css: printing switches to light, and the canvas repaints for paper
const COLOUR_SCHEME = 'screen and (prefers-color-scheme: dark)';

/** The canvas is redrawn when the colour scheme flips: its colours are read from CSS variables. */
function useColourScheme(): boolean {
  const [dark, setDark] = useState(() => typeof matchMedia === 'function' && matchMedia(COLOUR_SCHEME).matches);
  useEffect(() => {
    if (typeof matchMedia !== 'function') return;
    const query = matchMedia(COLOUR_SCHEME);
    const update = () => setDark(query.matches);
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  return dark;
}

/**
 * The cost over (w₁, w₂) as a contour map: filled sublevel sets and their outlines on a canvas (one
 * canvas instead of thousands of SVG nodes), and on an SVG layer above it the axes, the descent path,
 * the contour through the current point and the next step. Press the map to start from there.
 * Props in, canvas and SVG out.
 */
export function CostContourMap({ label, values, spec, path, cost, next, onStart }: CostContourMapProps) {
  const [box, size] = useMeasuredWidth<HTMLDivElement>(420, 280, 520);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const dark = useColourScheme();
  const x = useMemo(() => scaleLinear().domain([spec.w1Min, spec.w1Max]).range([M.left, size - M.right]), [spec, size]);
  const y = useMemo(() => scaleLinear().domain([spec.w2Min, spec.w2Max]).range([size - M.bottom, M.top]), [spec, size]);

  const bands = useMemo(() => levelsFor(values).map((level) => ({ level, rings: sublevelRings(values, spec, level) })), [values, spec]);
  const currentRings = useMemo(() => (Number.isFinite(cost) ? sublevelRings(values, spec, cost) : []), [values, spec, cost]);

  useEffect(() => {
    const canvas = canvasRef.current;
    const context = canvas?.getContext?.('2d');
    if (!canvas || !context) return;
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.round(size * ratio);
    canvas.height = Math.round(size * ratio);
    const style = getComputedStyle(canvas);
    const colour = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, size, size);
    context.save();
    context.beginPath();
    context.rect(M.left, M.top, size - M.left - M.right, size - M.top - M.bottom);
    context.clip();
    context.fillStyle = colour('--surface', '#fff');
    context.fillRect(0, 0, size, size);
    const trace = (rings: Ring[]) => {
      context.beginPath();
      for (const ring of rings) {
        ring.forEach(([w1, w2], k) => (k === 0 ? context.moveTo(x(w1), y(w2)) : context.lineTo(x(w1), y(w2))));
        context.closePath();
      }
    };
    // Lower cost, deeper colour: each sublevel set adds one translucent layer of the accent.
    context.fillStyle = colour('--accent', '#1d4ed8');
    context.globalAlpha = dark ? 0.1 : 0.07;
    for (const band of bands) {
      trace(band.rings);
      context.fill('evenodd');
    }
    context.globalAlpha = 0.75;
    context.strokeStyle = colour('--ink-soft', '#4a4f57');
    context.lineWidth = 1;
    for (const band of bands) {
      trace(band.rings);
      context.stroke();
    }
    context.restore();
  }, [bands, size, x, y, dark]);

  const toPixels = line<readonly [number, number] | Weights>()
    .x((p) => x(p[0]))
    .y((p) => y(p[1]));
  const pathD = useMemo(() => toPixels(path) ?? '', [path, toPixels]);
  const currentD = currentRings.map((ring) => toPixels(ring) ?? '').join(' ');
  const current = path[path.length - 1];
  const first = path[0];
  const inside = (p: readonly number[] | undefined) =>
    p !== undefined && (p[0] as number) >= spec.w1Min && (p[0] as number) <= spec.w1Max && (p[1] as number) >= spec.w2Min && (p[1] as number) <= spec.w2Max;

  const onPointerDown = (event: PointerEvent<SVGSVGElement>) => {
    if (!onStart || event.button !== 0) return;
    const p = viewBoxPoint(svgRef.current, event);
    onStart(x.invert(p.x), y.invert(p.y));
  };

  return (
    <div ref={box} className="contour-box" style={{ aspectRatio: '1 / 1' }}>
      <canvas ref={canvasRef} className="contour-canvas" role="img" aria-label={label} />
      <svg
        ref={svgRef}
        className="plot contour-overlay"
        viewBox={`0 0 ${size} ${size}`}
        aria-hidden="true"
        // read-only, the pointer says so, and a finger may scroll the page across the map
        style={onStart ? undefined : { cursor: 'default', touchAction: 'auto' }}
        onPointerDown={onPointerDown}
      >
        <defs>
          <clipPath id="lr-map-clip">
            <rect x={M.left} y={M.top} width={size - M.left - M.right} height={size - M.top - M.bottom} />
          </clipPath>
        </defs>
        <rect className="map-frame" x={M.left} y={M.top} width={size - M.left - M.right} height={size - M.top - M.bottom} />
        {TICKS.map((v) => (
          <g key={v} className="tick">
            <text x={x(v)} y={size - M.bottom + 15} textAnchor="middle">
              {formatNumber(v, 0)}
            </text>
            <text x={M.left - 6} y={y(v)} dy="0.32em" textAnchor="end">
              {formatNumber(v, 0)}
            </text>
          </g>
        ))}
        <text className="axis-name" x={size - M.right} y={size - 4} textAnchor="end">
          w₁
        </text>
        <text className="axis-name" x={4} y={M.top + 4} dy="0.6em">
          w₂
        </text>
        <g clipPath="url(#lr-map-clip)">
          {/* what moves at a step is this clipped group's own run */}
          <PaintExtent />
          <path className="current-level" data-term={term.logisticCost()} d={currentD} />
          <path className="descent-path" d={pathD} />
          {first && inside(first) && <circle className="path-start" cx={x(first[0])} cy={y(first[1])} r={5} />}
          {current && next && (
            <line className="next-step" data-term={term.logisticGradient()} x1={x(current[0])} y1={y(current[1])} x2={x(next[0])} y2={y(next[1])} />
          )}
          {current && <circle className="path-current" data-term={term.logisticWeights()} cx={x(current[0])} cy={y(current[1])} r={6} />}
        </g>
      </svg>
    </div>
  );
}
