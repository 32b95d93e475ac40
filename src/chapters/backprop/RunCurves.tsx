import { memo } from 'react';
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { formatNumber } from '../../format/formatNumber';
import { useMeasuredWidth } from '../../plots/useMeasuredWidth';
import type { TrainingPoint } from './backpropStore';
import { XTickLabels, YGrid } from '../../plots/axes';

export interface RunCurvesProps {
  /** the text alternative, with the current numbers */
  label: string;
  measure: 'loss' | 'accuracy';
  run: readonly TrainingPoint[];
  /** the run before the last replay or reset, drawn faint and dashed */
  previous: readonly TrainingPoint[];
  height?: number;
  /** draw at this width (CSS px) instead of the measured one: a compact figure sets its own */
  width?: number;
}

const M = { top: 10, right: 12, bottom: 30, left: 44 } as const;

/** Drawn at most this many points a curve: a path of thousands of points per frame costs frames, not detail. */
const MAX_DRAWN = 300;

/** Every k-th point, and always the last, so the curve ends where the run is. */
function thin(points: readonly TrainingPoint[]): TrainingPoint[] {
  if (points.length <= MAX_DRAWN) return points as TrainingPoint[];
  const k = Math.ceil(points.length / MAX_DRAWN);
  const out = points.filter((_, i) => i % k === 0);
  const last = points[points.length - 1] as TrainingPoint;
  if (out[out.length - 1] !== last) out.push(last);
  return out;
}

const niceTop = (v: number) => (v <= 0.5 ? 0.5 : v <= 1 ? 1 : v <= 1.5 ? 1.5 : v <= 2 ? 2 : v <= 5 ? 5 : 10 * Math.ceil(v / 10));

/**
 * A training curve, loss or accuracy against step, as the loss race draws them (d3 for scales and
 * paths, React for the SVG), but over steps that need not be consecutive: points arrive once per
 * frame, ten steps apart while playing. The x axis grows with the run. Props in, SVG out.
 */
export const RunCurves = memo(function RunCurves({ label, measure, run, previous, height = 170, width: fixedWidth }: RunCurvesProps) {
  const [box, measured] = useMeasuredWidth<HTMLDivElement>(360, 240, 520);
  const width = fixedWidth ?? measured;
  const value = (p: TrainingPoint) => (measure === 'loss' ? p.loss : p.accuracy);
  const lastStep = Math.max(run[run.length - 1]?.step ?? 0, previous[previous.length - 1]?.step ?? 0);
  const xMax = Math.max(50, lastStep);
  const yMax = measure === 'accuracy' ? 1 : niceTop(Math.max(0, ...run.map(value).filter(Number.isFinite), ...previous.map(value).filter(Number.isFinite)));
  const x = scaleLinear().domain([0, xMax]).range([M.left, width - M.right]).nice(4);
  const y = scaleLinear().domain([0, yMax]).range([height - M.bottom, M.top]).clamp(true);
  const path = line<TrainingPoint>()
    .x((p) => x(p.step))
    .y((p) => y(value(p)))
    .defined((p) => Number.isFinite(value(p)));
  const yTicks = [0, yMax / 2, yMax];
  const tickText = (v: number) => (measure === 'accuracy' ? `${formatNumber(100 * v, 0)}%` : formatNumber(v, yMax < 2 ? 2 : 1));
  const now = run[run.length - 1];

  return (
    <div ref={box}>
      <svg className={`plot run-curves run-${measure}`} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
        <YGrid ticks={yTicks} y={y} left={M.left} right={width - M.right} label={tickText} />
        <XTickLabels ticks={x.ticks(4)} x={x} y={height - M.bottom + 15} label={(v) => formatNumber(v, 0)} />
        <text className="axis-name" x={width - M.right} y={height - 3} textAnchor="end">
          step
        </text>
        {previous.length > 0 && <path className="curve curve-previous" d={path(thin(previous)) ?? ''} />}
        <path className="curve curve-current" d={path(thin(run)) ?? ''} />
        {now && Number.isFinite(value(now)) && <circle className="marker" cx={x(now.step)} cy={y(value(now))} r={4} />}
      </svg>
    </div>
  );
});
