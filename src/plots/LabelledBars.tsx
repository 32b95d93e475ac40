import { formatNumber } from '../format/formatNumber';
import { barScales, ValueGrid } from './barScales';

export interface LabelledBar {
  /** the name under the bar and in the text alternative: "σ(z₁)", "softmax([z, 0])₁" */
  label: string;
  value: number;
  /** the term id shared with the formula or the text beside the plot */
  term: string;
  colour: string;
}

export interface LabelledBarsProps {
  /** what the bars are, for the text alternative: "Sigmoid of each logit" */
  title: string;
  bars: readonly LabelledBar[];
  width?: number;
  height?: number;
}

const DIGITS = 3;

/**
 * Values in [0, 1] as bars with a label of their own under each, for comparisons that are not one
 * distribution (ProbabilityBars draws p₁ … p_C): σ(z) beside softmax([z, 0])₁, one sigmoid per class.
 * Props in, SVG out.
 */
export function LabelledBars({ title, bars, width = 360, height = 240 }: LabelledBarsProps) {
  const { x, y } = barScales(bars.length, [0, 1], width, height);
  const summary = bars.map((b) => `${b.label} = ${formatNumber(b.value, DIGITS)}`).join(', ');
  return (
    <svg className="plot labelled-bars" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`${title}: ${summary}`}>
      <ValueGrid ticks={[0, 0.5, 1]} y={y} width={width} digits={1} />
      {bars.map((b, i) => {
        const x0 = x(i) ?? 0;
        const h = Math.max(y(0) - y(Math.min(Math.max(b.value, 0), 1)), 0);
        const centre = x0 + x.bandwidth() / 2;
        return (
          <g key={i}>
            <rect
              className="bar"
              data-term={b.term}
              data-value={b.value}
              x={x0}
              y={y(0) - h}
              width={x.bandwidth()}
              height={h}
              style={{ fill: b.colour }}
            />
            <text className="bar-value" x={centre} y={y(0) - h - 4} textAnchor="middle">
              {formatNumber(b.value, DIGITS)}
            </text>
            <text className="bar-label" x={centre} y={height - 8} textAnchor="middle">
              {b.label}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
