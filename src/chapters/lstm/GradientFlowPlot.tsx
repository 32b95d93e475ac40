import { memo, useMemo } from 'react';
import { scaleLinear, scaleLog } from 'd3-scale';
import { line } from 'd3-shape';
import { formatNumber } from '../../format/formatNumber';
import { XGrid, YGrid } from '../../plots/axes';
import { PaintExtent } from '../../plots/PaintExtent';
import { useMeasuredWidth } from '../../plots/useMeasuredWidth';

export interface FlowCurve {
  id: string;
  /** the term id shared with the legend and the readout */
  term: string;
  colour: string;
  dashed: boolean;
  /** a gradient's norm at t = 0..T */
  values: readonly number[];
}

interface GradientFlowPlotProps {
  /** the text alternative, with the current numbers */
  label: string;
  curves: readonly FlowCurve[];
  /** T: the x axis runs from 0 to T */
  steps: number;
  /** the plot's height in CSS pixels; by default 260 on a phone, 320 wider (the opener draws it flatter) */
  height?: number;
}

const M = { top: 12, right: 14, bottom: 36, left: 56 } as const;
/** The widest span drawn, in decades: below it a curve runs along the bottom edge (and the text says its value). */
const MAX_DECADES = 120;

/** The y domain: whole decades around every positive value, at least two and at most MAX_DECADES. */
export function decadeDomain(curves: readonly FlowCurve[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const c of curves) {
    for (const v of c.values) {
      if (v > 0 && Number.isFinite(v)) {
        const e = Math.log10(v);
        if (e < lo) lo = e;
        if (e > hi) hi = e;
      }
    }
  }
  if (!Number.isFinite(lo)) return [-2, 1];
  const top = Math.ceil(hi - 1e-9) + 0; // + 0: no −0 for a curve just under 1
  const bottom = Math.max(Math.floor(lo), top - MAX_DECADES);
  return [Math.min(bottom, top - 2), top];
}

/** The step between labelled decades: the least of 1, 2, 5, 10, 20, 25, 50 that labels at most 6 of them. */
export function decadeStep(span: number): number {
  return [1, 2, 5, 10, 20, 25, 50].find((s) => span / s <= 5) ?? Math.ceil(span / 5);
}

/** "10⁻⁸" rather than "1 × 10⁻⁸"; 1 and 10 as themselves. */
const decade = (e: number) => (e === 0 ? '1' : e === 1 ? '10' : formatNumber(10 ** e, 0).replace(/^1 × /, ''));

/**
 * Gradient norms against the step t on a log axis, one curve per quantity: d3 makes the scales and
 * paths, React draws. The y axis spans the decades the curves reach, so a gradient of 10⁻⁸⁰ is drawn
 * where it is, not cut off at a fixed floor. Props in, SVG out; memoised, so one path per curve is all
 * a slider step re-renders.
 */
export const GradientFlowPlot = memo(function GradientFlowPlot({ label, curves, steps, height: fixedHeight }: GradientFlowPlotProps) {
  const [box, width] = useMeasuredWidth<HTMLDivElement>(640);
  const height = fixedHeight ?? (width < 500 ? 260 : 320);
  const bottom = height - M.bottom;
  const [lo, hi] = decadeDomain(curves);
  const x = scaleLinear().domain([0, Math.max(steps, 1)]).range([M.left, width - M.right]);
  const y = scaleLog().domain([10 ** lo, 10 ** hi]).range([bottom, M.top]).clamp(true);

  const paths = useMemo(() => {
    const px = scaleLinear().domain([0, Math.max(steps, 1)]).range([M.left, width - M.right]);
    const py = scaleLog().domain([10 ** lo, 10 ** hi]).range([height - M.bottom, M.top]).clamp(true);
    const floor = 10 ** lo;
    const path = line<number>()
      .x((_, t) => px(t))
      .y((v) => py(v > floor && Number.isFinite(v) ? v : floor));
    return curves.map((c) => path(c.values as number[]) ?? '');
  }, [curves, steps, width, height, lo, hi]);

  // at most 6 labelled decades, a round number of decades apart, each a multiple of that step
  const every = decadeStep(hi - lo);
  const yTicks: number[] = [];
  for (let e = Math.floor(hi / every) * every; e >= lo; e -= every) yTicks.push(e + 0);
  const xEvery = steps <= 10 ? 1 : steps <= 25 ? 5 : steps <= 60 ? 10 : 20;
  const xTicks: number[] = [];
  for (let t = 0; t <= steps; t += xEvery) xTicks.push(t);

  return (
    <div ref={box} className="flow-plot-box">
      <svg className="plot gradient-flow-plot" viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-label={label}>
        <rect className="plot-area" x={M.left} y={M.top} width={width - M.left - M.right} height={bottom - M.top} />
        <YGrid ticks={yTicks.map((e) => 10 ** e)} y={y} left={M.left} right={width - M.right} label={(v) => decade(Math.round(Math.log10(v)))} zeroAt={null} />
        <XGrid ticks={xTicks} x={x} top={M.top} bottom={bottom} labelY={bottom + 14} label={(t) => String(t)} zeroAt={null} />
        <text className="axis-name" x={(M.left + width - M.right) / 2} y={height - 4} textAnchor="middle">
          step t (the loss is read at t = T)
        </text>
        <text className="axis-name" transform={`translate(12 ${(M.top + bottom) / 2}) rotate(-90)`} textAnchor="middle">
          gradient norm (log scale)
        </text>
        {/* the curves and the markers are a run of their own after the rotated axis name */}
        <PaintExtent />
        {curves.map((c, i) => (
          <path key={c.id} className="flow-curve" data-term={c.term} d={paths[i]} style={{ stroke: c.colour }} strokeDasharray={c.dashed ? '6 4' : undefined} />
        ))}
        {/* the first curve's marker last and as a ring, so a marker at the same point beneath it shows */}
        {[...curves].reverse().map((c, i, all) => {
          const v0 = c.values[0] ?? NaN;
          const ring = i === all.length - 1;
          return (
            <circle
              key={c.id}
              className={ring ? 'flow-marker ring' : 'flow-marker'}
              data-term={c.term}
              data-value={v0}
              cx={x(0)}
              cy={y(v0 > 10 ** lo && Number.isFinite(v0) ? v0 : 10 ** lo)}
              r={ring ? 7 : 4.5}
              style={{ fill: ring ? 'none' : c.colour, stroke: c.colour }}
            />
          );
        })}
      </svg>
    </div>
  );
});
