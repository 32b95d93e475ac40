import { useMemo, useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { formatNumber } from '../format/formatNumber';
import { useMeasuredWidth } from './useMeasuredWidth';
import { viewBoxPoint } from './viewBoxPoint';
import { XTickLabels, YGrid } from './axes';

/** One curve y(z) with the term id its formula shares, and its value at the learner's z. */
export interface GradientCurve {
  term: string;
  /** the class that gives its colour and dash (see the chapter's stylesheet) */
  kind: 'squared-error' | 'cross-entropy' | 'slope';
  values: readonly number[];
  at: number;
}

export interface GradientCurvesProps {
  /** the text alternative, with the current numbers */
  label: string;
  zs: readonly number[];
  curves: readonly GradientCurve[];
  z: number;
  zLimits: { min: number; max: number; step: number };
  /** the shaded "confidently wrong" interval of z */
  region: readonly [number, number];
  /** the term id of z, shared with the formula */
  zTerm: string;
  onZ(z: number): void;
  /** the plot's height in CSS pixels; by default 250 on a phone, 300 wider (a chapter's opener draws it flatter) */
  height?: number;
  /** the accessible name of the z handle, unique on its page */
  handleLabel?: string;
}

const M = { top: 22, right: 12, bottom: 36, left: 44 } as const;
const Y_DOMAIN = [-1, 1] as const;
const Y_TICKS = [-1, -0.5, 0, 0.5, 1];
const QUARTER = 0.25;

/**
 * Gradients ∂L/∂z against z: d3 computes the scales and the paths, React draws. The shaded band is
 * where the prediction is confidently wrong; a dotted line marks ¼, the most σ′ can be. The vertical
 * guide is the learner's z: drag anywhere on the plot, or focus the handle and use the arrow keys.
 * Props in, SVG out: no store.
 */
export function GradientCurves({
  label, zs, curves, z, zLimits, region, zTerm, onZ, height: fixedHeight, handleLabel = 'logit z on the plot',
}: GradientCurvesProps) {
  const [box, width] = useMeasuredWidth<HTMLDivElement>(640);
  // a phone gets a flatter plot, so the formulas below it stay in view
  const height = fixedHeight ?? (width < 500 ? 250 : 300);
  // the ¼ line is the most σ′ can be: it means something only beside the σ′ curve
  const showQuarter = curves.some((c) => c.kind === 'slope');
  const svgRef = useRef<SVGSVGElement>(null);
  const dragging = useRef(false);
  const x = scaleLinear().domain([zLimits.min, zLimits.max]).range([M.left, width - M.right]);
  const y = scaleLinear().domain(Y_DOMAIN).range([height - M.bottom, M.top]);
  // The curves change only with t and the plot's size, not with z: their paths are built only then.
  const paths = useMemo(() => {
    const px = scaleLinear().domain([zLimits.min, zLimits.max]).range([M.left, width - M.right]);
    const py = scaleLinear().domain(Y_DOMAIN).range([height - M.bottom, M.top]);
    const path = line<number>()
      .x((_, i) => px(zs[i] ?? 0))
      .y((v) => py(v))
      .defined((v) => Number.isFinite(v));
    return curves.map((c) => path(c.values) ?? '');
  }, [curves, zs, width, height, zLimits.min, zLimits.max]);

  const zAt = (event: PointerEvent) => x.invert(viewBoxPoint(svgRef.current, event).x);
  const onPointerDown = (event: PointerEvent<SVGSVGElement>) => {
    event.currentTarget.setPointerCapture?.(event.pointerId);
    dragging.current = true;
    onZ(zAt(event));
  };
  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    if (dragging.current) onZ(zAt(event));
  };
  const stop = () => {
    dragging.current = false;
  };
  const onKeyDown = (event: KeyboardEvent<SVGGElement>) => {
    const { step, min, max } = zLimits;
    const delta: Record<string, number> = {
      ArrowRight: step, ArrowUp: step, ArrowLeft: -step, ArrowDown: -step, PageUp: 10 * step, PageDown: -10 * step,
    };
    if (event.key in delta) onZ(z + (delta[event.key] ?? 0));
    else if (event.key === 'Home') onZ(min);
    else if (event.key === 'End') onZ(max);
    else return;
    event.preventDefault();
  };

  const [r0, r1] = [x(region[0]), x(region[1])];
  const xTicks = x.ticks(width < 500 ? 4 : 8);
  return (
    // The whole plot takes the pointer: press anywhere to move z there, then drag (curves and markers
    // still see the pointer, so hovering them lights up their formula terms).
    <div ref={box}>
    <svg
      ref={svgRef}
      className="plot gradient-curves"
      viewBox={`0 0 ${width} ${height}`}
      role="group"
      aria-label={label}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={stop}
      onPointerCancel={stop}
    >
      <rect className="wrong-region" x={r0} y={M.top} width={Math.max(r1 - r0, 0)} height={height - M.top - M.bottom} />
      <text className="region-label" x={(r0 + r1) / 2} y={M.top - 7} textAnchor="middle">
        confidently wrong
      </text>
      <YGrid ticks={Y_TICKS} y={y} left={M.left} right={width - M.right} label={(v) => formatNumber(v, v === 0 || Math.abs(v) === 1 ? 0 : 1)} />
      {showQuarter && (
        <>
          <line className="quarter-line" x1={M.left} x2={width - M.right} y1={y(QUARTER)} y2={y(QUARTER)} />
          <text className="quarter-label" x={width - M.right - 4} y={y(QUARTER) - 5} textAnchor="end">
            ¼: the most σ′ can be
          </text>
        </>
      )}
      <XTickLabels ticks={xTicks} x={x} y={height - M.bottom + 16} label={(v) => formatNumber(v, 0)} />
      <text className="axis-name" x={width - M.right} y={height - 4} textAnchor="end">
        logit z
      </text>
      {curves.map((c, i) => (
        <path key={c.term} className={`curve curve-${c.kind}`} data-term={c.term} d={paths[i]} />
      ))}
      <g
        className="z-handle"
        data-term={zTerm}
        role="slider"
        tabIndex={0}
        aria-label={handleLabel}
        aria-valuemin={zLimits.min}
        aria-valuemax={zLimits.max}
        aria-valuenow={z}
        aria-valuetext={formatNumber(z, 1)}
        onKeyDown={onKeyDown}
      >
        <line className="z-guide" x1={x(z)} x2={x(z)} y1={M.top} y2={height - M.bottom} />
      </g>
      {curves.map((c) => (
        <circle key={c.term} className={`marker marker-${c.kind}`} data-term={c.term} cx={x(z)} cy={y(c.at)} r={5.5} />
      ))}
    </svg>
    </div>
  );
}
