import { scaleLinear, scaleLog } from 'd3-scale';
import { formatNumber } from '../format/formatNumber';
import { useMeasuredWidth } from './useMeasuredWidth';

/** The five numbers and the mean of a strip of values, as the plot marks them (summarize() in seedRuns.ts computes them). */
export interface Summary {
  count: number;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
  mean: number;
}

/** One row of dots: one value per seed, and their summary for the box. */
export interface StripRow {
  kind: 'squared-error' | 'cross-entropy';
  name: string;
  values: readonly number[];
  summary: Summary;
}

export interface StripPlotProps {
  /** the text alternative, with the current numbers */
  label: string;
  rows: readonly StripRow[];
  domain: readonly [number, number];
  /** a log scale for a measure that spans decades (log loss): both ends of the domain must be > 0 */
  scale?: 'linear' | 'log';
  ticks: readonly number[];
  digits: number;
  /** what a tick value means on screen: a percentage for accuracy */
  tickText?: (v: number) => string;
  height?: number;
}

const M = { top: 8, right: 14, bottom: 24, left: 104 } as const;

/** A fixed, seed-independent vertical spread (golden-ratio steps), so dots with equal values stay visible. */
const jitter = (i: number) => ((i * 0.6180339887) % 1) - 0.5;

/**
 * The distribution of one measure over many seeds, one row per loss: every seed a dot, the box from
 * the first to the third quartile, a bar at the median. d3 for the scale, React for the SVG. Props in.
 */
export function StripPlot({ label, rows, domain, scale = 'linear', ticks, digits, tickText, height = 130 }: StripPlotProps) {
  const [box, width] = useMeasuredWidth<HTMLDivElement>(640);
  const x = (scale === 'log' ? scaleLog() : scaleLinear()).domain(domain).range([M.left, width - M.right]).clamp(true);
  const band = (height - M.top - M.bottom) / rows.length;
  const text = tickText ?? ((v: number) => formatNumber(v, digits));

  return (
    <div ref={box}>
    <svg className="plot strip-plot" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      {ticks.map((v) => (
        <g key={v} className="tick">
          <line className="grid-line" x1={x(v)} x2={x(v)} y1={M.top} y2={height - M.bottom} />
          <text x={x(v)} y={height - M.bottom + 15} textAnchor="middle">
            {text(v)}
          </text>
        </g>
      ))}
      {rows.map((row, r) => {
        const mid = M.top + band * (r + 0.5);
        const s = row.summary;
        return (
          <g key={row.kind} className={`strip strip-${row.kind}`}>
            <text className="strip-name" x={M.left - 8} y={mid} dy="0.32em" textAnchor="end">
              {row.name}
            </text>
            {row.values.map((v, i) =>
              Number.isFinite(v) ? (
                <circle key={i} className="strip-dot" cx={x(v)} cy={mid + jitter(i) * band * 0.55} r={3} />
              ) : null,
            )}
            {s.count > 0 && (
              <>
                <rect
                  className="strip-box"
                  x={x(s.q1)}
                  y={mid - band * 0.38}
                  width={Math.max(x(s.q3) - x(s.q1), 1)}
                  height={band * 0.76}
                />
                <line className="strip-median" x1={x(s.median)} x2={x(s.median)} y1={mid - band * 0.42} y2={mid + band * 0.42} />
              </>
            )}
          </g>
        );
      })}
    </svg>
    </div>
  );
}
