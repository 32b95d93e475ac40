import { memo } from 'react';
import { scaleLinear, scaleLog } from 'd3-scale';
import { line } from 'd3-shape';
import type { BatchReduction } from '../core/network';
import { formatNumber } from '../format/formatNumber';
import { useMeasuredWidth } from './useMeasuredWidth';
import { XTickLabels, YGrid } from './axes';

/** Losses from 10⁻⁴ to 10⁴ on a log axis: a fitted run and a run that blew up both stay on the plot. */
export const LOSS_DOMAIN = [1e-4, 1e4] as const;
const LOSS_TICKS = [1e-4, 1e-2, 1, 1e2, 1e4];
const M = { top: 24, right: 14, bottom: 34, left: 62 } as const;
const onAxis = (v: number) => (Number.isFinite(v) ? Math.min(LOSS_DOMAIN[1], Math.max(LOSS_DOMAIN[0], v)) : LOSS_DOMAIN[1]);

export interface FinalLossPoint {
  m: number;
  /** the mean loss per sample after the last step (may be non-finite: drawn at the top, as ✕) */
  loss: number;
  /** the run blew up: its loss rose above twice its start at some step (drawn as ✕) */
  blewUp: boolean;
}

interface FinalLossPlotProps {
  label: string;
  sizes: readonly number[];
  series: Readonly<Record<BatchReduction, readonly FinalLossPoint[]>>;
  /** the batch size the learner chose: a guide line */
  chosen: number;
}

function LossAxis({ y, left, right }: { y: (v: number) => number; left: number; right: number }) {
  // a log axis: 1 is its middle line, as 0 is a linear axis's
  return <YGrid ticks={LOSS_TICKS} y={y} left={left} right={right} label={(v) => formatNumber(v, 0)} zeroAt={1} />;
}

/**
 * The loss each run ended at, against the batch size m on log axes: one line for the mean, one for
 * the sum; a run that blew up is a cross. d3 computes the scales and paths, React draws.
 */
export const BatchReductionFinalLossPlot = memo(function BatchReductionFinalLossPlot({ label, sizes, series, chosen }: FinalLossPlotProps) {
  const [box, width] = useMeasuredWidth<HTMLDivElement>(420, 260, 640);
  const height = 230;
  const x = scaleLog()
    .domain([sizes[0] ?? 1, sizes[sizes.length - 1] ?? 10])
    .range([M.left + 8, width - M.right - 8]);
  const y = scaleLog().domain(LOSS_DOMAIN).range([height - M.bottom, M.top]).clamp(true);
  const path = line<FinalLossPoint>()
    .x((p) => x(p.m))
    .y((p) => y(onAxis(p.loss)));

  return (
    <div ref={box}>
      <svg className="plot bp-final-loss-plot" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
        <LossAxis y={y} left={M.left} right={width - M.right} />
        <XTickLabels ticks={sizes} x={x} y={height - M.bottom + 15} label={String} />
        <text className="axis-name" x={width - M.right} y={height - 3} textAnchor="end">
          batch size m (log scale)
        </text>
        <text className="axis-name" x={M.left} y={11} textAnchor="start">
          final loss per sample (log scale)
        </text>
        <line className="bp-chosen-guide" x1={x(chosen)} x2={x(chosen)} y1={M.top} y2={height - M.bottom} />
        {(['mean', 'sum'] as const).map((reduction) => (
          <g key={reduction} className={`bp-series bp-series-${reduction}`}>
            <path className="curve" d={path(series[reduction] as FinalLossPoint[]) ?? ''} />
            {series[reduction].map((p) =>
              p.blewUp ? (
                <path key={p.m} className="bp-blew-up-mark" d={`M${x(p.m) - 5},${y(onAxis(p.loss)) - 5}l10,10m0,-10l-10,10`} />
              ) : (
                <circle key={p.m} className="marker" cx={x(p.m)} cy={y(onAxis(p.loss))} r={4} />
              ),
            )}
          </g>
        ))}
      </svg>
    </div>
  );
});

interface CurvesPlotProps {
  label: string;
  steps: number;
  runs: readonly { reduction: BatchReduction; losses: ArrayLike<number>; filled: number; emphasis: boolean }[];
}

/** The loss step by step at the chosen batch size, both reductions, log loss axis. */
export const BatchReductionCurvesPlot = memo(function BatchReductionCurvesPlot({ label, steps, runs }: CurvesPlotProps) {
  const [box, width] = useMeasuredWidth<HTMLDivElement>(420, 260, 640);
  const height = 200;
  const x = scaleLinear().domain([0, steps]).range([M.left, width - M.right]);
  const y = scaleLog().domain(LOSS_DOMAIN).range([height - M.bottom, M.top]).clamp(true);
  const path = line<number>()
    .x((_, s) => x(s))
    .y((v) => y(onAxis(v)))
    .defined((v) => Number.isFinite(v));

  return (
    <div ref={box}>
      <svg className="plot bp-curves-plot" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
        <LossAxis y={y} left={M.left} right={width - M.right} />
        <XTickLabels ticks={x.ticks(4)} x={x} y={height - M.bottom + 15} label={(v) => formatNumber(v, 0)} />
        <text className="axis-name" x={width - M.right} y={height - 3} textAnchor="end">
          step
        </text>
        {runs.map((run) => (
          <path
            key={run.reduction}
            className={`curve bp-series-${run.reduction}${run.emphasis ? ' bp-emphasis' : ''}`}
            d={path(Array.from(run.losses).slice(0, run.filled)) ?? ''}
          />
        ))}
      </svg>
    </div>
  );
});
