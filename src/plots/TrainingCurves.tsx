import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { formatNumber } from '../format/formatNumber';
import { useMeasuredWidth } from './useMeasuredWidth';
import { XTickLabels, YGrid } from './axes';

/** One model's history of a measure, one value per step (index = step). */
export interface TrainingSeries {
  /** the class that gives its colour and dash (see the chapter's stylesheet) */
  kind: 'squared-error' | 'cross-entropy';
  values: readonly number[];
}

export interface TrainingCurvesProps {
  /** the text alternative, with the current numbers */
  label: string;
  series: readonly TrainingSeries[];
  /** the step cap: the x axis always spans 0 … cap, so the race fills it as it runs */
  cap: number;
  yDomain: readonly [number, number];
  yTicks: readonly number[];
  yDigits: number;
  /** how a tick value reads: a percentage for accuracy */
  tickText?: (v: number) => string;
  /** the width drawn before the plot's box is measured */
  width?: number;
  height?: number;
}

const M = { top: 10, right: 12, bottom: 30, left: 44 } as const;

/**
 * Training curves, value against step, for one or two models on a shared scale. d3 computes the
 * scales and paths, React draws; a dot marks where each model is now. Props in, SVG out.
 */
export function TrainingCurves({ label, series, cap, yDomain, yTicks, yDigits, tickText, width: initialWidth = 360, height = 200 }: TrainingCurvesProps) {
  const [box, width] = useMeasuredWidth<HTMLDivElement>(initialWidth, 240);
  const x = scaleLinear().domain([0, cap]).range([M.left, width - M.right]);
  const y = scaleLinear().domain(yDomain).range([height - M.bottom, M.top]).clamp(true);
  const path = line<number>()
    .x((_, i) => x(i))
    .y((v) => y(v))
    .defined(Number.isFinite);

  return (
    <div ref={box}>
    <svg className="plot training-curves" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      <YGrid ticks={yTicks} y={y} left={M.left} right={width - M.right} label={(v) => (tickText ? tickText(v) : formatNumber(v, yDigits))} />
      <XTickLabels ticks={x.ticks(4)} x={x} y={height - M.bottom + 15} label={(v) => formatNumber(v, 0)} />
      <text className="axis-name" x={width - M.right} y={height - 3} textAnchor="end">
        step
      </text>
      {series.map((s) => {
        const last = s.values.length - 1;
        const now = s.values[last] ?? NaN;
        return (
          <g key={s.kind}>
            <path className={`curve curve-${s.kind}`} d={path(s.values as number[]) ?? ''} />
            {Number.isFinite(now) && <circle className={`marker marker-${s.kind}`} cx={x(last)} cy={y(now)} r={4} />}
          </g>
        );
      })}
    </svg>
    </div>
  );
}
