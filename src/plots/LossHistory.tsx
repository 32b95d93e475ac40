import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { formatNumber } from '../format/formatNumber';
import { term } from '../format/terms';
import { BAR_MARGIN as M } from './barScales';
import { YGrid } from './axes';

export interface LossHistoryProps {
  /** the loss before the first step, then after each step */
  losses: readonly number[];
  /** how many steps the x axis has room for, so the plot does not rescale at every step */
  capacity: number;
  width?: number;
  height?: number;
}

const DIGITS = 3;

/** The loss after each gradient step, as a line with a dot per step from 0 up. Props in, SVG out. */
export function LossHistory({ losses, capacity, width = 360, height = 200 }: LossHistoryProps) {
  const finite = losses.filter(Number.isFinite);
  const top = Math.max(1, ...finite) * 1.1;
  const x = scaleLinear().domain([0, Math.max(capacity, losses.length - 1, 1)]).range([M.left + 22, width - M.right - 12]);
  const y = scaleLinear().domain([0, top]).range([height - M.bottom, M.top]);
  const path = line<number>()
    .x((_, k) => x(k))
    .y((v) => y(v))
    .defined(Number.isFinite)(losses as number[]);
  const ticks = y.ticks(4);
  const summary = losses.map((v, k) => (k === 0 ? `start ${formatNumber(v, DIGITS)}` : `step ${k} ${formatNumber(v, DIGITS)}`)).join(', ');
  const last = losses.length - 1;

  return (
    <svg className="plot loss-history" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`Loss after each step: ${summary}`}>
      <YGrid ticks={ticks} y={y} left={M.left} right={width - M.right} label={(t) => formatNumber(t, 1)} />
      <path className="loss-line" d={path ?? ''} fill="none" />
      {losses.map((v, k) =>
        Number.isFinite(v) ? <circle key={k} className="loss-dot" data-term={k === last ? term.loss() : undefined} cx={x(k)} cy={y(v)} r={k === last ? 5 : 3.5} /> : null,
      )}
      {last >= 0 && Number.isFinite(losses[last]) && (
        // beside the newest dot, on the side away from the nearer edge: clear of the value axis
        <text
          className="bar-value"
          x={x(last) + (x(last) > width * 0.7 ? -9 : 9)}
          y={y(losses[last] ?? 0) - 8}
          textAnchor={x(last) > width * 0.7 ? 'end' : 'start'}
        >
          {formatNumber(losses[last] ?? NaN, DIGITS)}
        </text>
      )}
      <text className="bar-label" x={(M.left + width - M.right) / 2} y={height - 6} textAnchor="middle">
        step
      </text>
    </svg>
  );
}
