import { formatNumber } from '../format/formatNumber';
import { classColour } from '../format/terms';
import { barScales, ValueGrid } from './barScales';

export interface GradientBarsProps {
  /** one signed value per class, in [−1, 1] (p − y always is) */
  values: ArrayLike<number>;
  /** the short label under class i's bar: "z1" */
  label: (i: number) => string;
  /** class i's value named in the text alternative: "∂L/∂z1" */
  name: (i: number) => string;
  /** the term id per class, for formula ↔ plot linking */
  termId: (i: number) => string;
  /** what the plot shows, opening its text alternative */
  title: string;
  width?: number;
  height?: number;
}

const DIGITS = 3;

/**
 * Signed per-class values as bars from a zero line in the middle: up for positive, down for negative.
 * The gradient p − y lies in [−1, 1] for any target that sums to 1, so the scale is fixed and a bar's
 * length can be compared from one state to the next. Props in, SVG out.
 */
export function GradientBars({ values, label, name, termId, title, width = 360, height = 240 }: GradientBarsProps) {
  const v = Array.from(values);
  const { x, y } = barScales(v.length, [-1, 1], width, height);
  const summary = v.map((g, i) => `${name(i)} = ${formatNumber(g, DIGITS)}`).join(', ');

  return (
    <svg className="plot gradient-bars" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`${title}: ${summary}`}>
      <ValueGrid ticks={[-1, -0.5, 0, 0.5, 1]} y={y} width={width} digits={1} />
      {v.map((g, i) => {
        const x0 = x(i) ?? 0;
        const top = Math.min(y(g), y(0));
        const h = Math.abs(y(g) - y(0));
        const mid = x0 + x.bandwidth() / 2;
        // the value sits beyond the bar's end; the class name on the other side of the zero line
        const valueY = g >= 0 ? top - 4 : top + h + 13;
        const labelY = g >= 0 ? y(0) + 14 : y(0) - 6;
        return (
          <g key={i}>
            <rect
              className="bar"
              data-term={termId(i)}
              data-value={g}
              x={x0}
              y={top}
              width={x.bandwidth()}
              height={Math.max(h, 1)}
              style={{ fill: classColour(i) }}
            />
            <text className="bar-value" x={mid} y={valueY} textAnchor="middle">
              {formatNumber(g, DIGITS)}
            </text>
            <text className="bar-label" x={mid} y={labelY} textAnchor="middle">
              {label(i)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
