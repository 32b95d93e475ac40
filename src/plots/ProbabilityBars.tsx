import { formatNumber } from '../format/formatNumber';
import { classColour, term } from '../format/terms';
import { barScales, ValueGrid } from './barScales';

export interface ProbabilityBarsProps {
  probabilities: ArrayLike<number>;
  width?: number;
  height?: number;
}

const DIGITS = 3;

/** A probability distribution as bars on [0, 1]. Props in, SVG out. */
export function ProbabilityBars({ probabilities, width = 360, height = 240 }: ProbabilityBarsProps) {
  const p = Array.from(probabilities);
  const { x, y } = barScales(p.length, [0, 1], width, height);
  const summary = p.map((v, i) => `p${i + 1} = ${formatNumber(v, DIGITS)}`).join(', ');

  return (
    <svg className="plot probability-bars" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`Probability bars: ${summary}`}>
      <ValueGrid ticks={[0, 0.5, 1]} y={y} width={width} digits={1} />
      {p.map((v, i) => {
        const x0 = x(i) ?? 0;
        const h = Math.max(y(0) - y(v), 0);
        return (
          <g key={i}>
            <rect
              className="bar"
              data-term={term.probability(i)}
              data-value={v}
              x={x0}
              y={y(0) - h}
              width={x.bandwidth()}
              height={h}
              style={{ fill: classColour(i) }}
            />
            <text className="bar-value" x={x0 + x.bandwidth() / 2} y={y(0) - h - 4} textAnchor="middle">
              {formatNumber(v, DIGITS)}
            </text>
            <text className="bar-label" x={x0 + x.bandwidth() / 2} y={height - 8} textAnchor="middle">
              p{i + 1}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
