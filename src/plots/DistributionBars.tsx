import { formatNumber } from '../format/formatNumber';
import { classColour } from '../format/terms';
import { barScales, BAR_MARGIN as M, ValueGrid } from './barScales';
import { useBarDrag } from './useBarDrag';

export interface DistributionBarsProps {
  /** the distribution: C values in [0, 1] */
  values: ArrayLike<number>;
  /** the distribution's letter: bars are labelled y1, y2, … or p1, p2, … */
  symbol: string;
  /** what the distribution is, for the accessible names: "target" → "target y1 bar" */
  role: string;
  /** the term id of class i's bar, for formula ↔ plot linking */
  termOf(i: number): string;
  /** called with the raw value a bar was dragged or stepped to; the owner decides what follows */
  onChange(index: number, value: number): void;
  /** one arrow-key step, in probability */
  step?: number;
  width?: number;
  height?: number;
}

const DIGITS = 3;

/**
 * A probability distribution as bars on [0, 1], each bar draggable (pointer with capture, relative
 * drag) and a keyboard slider of its own, like LogitBars, with which it shares useBarDrag. Props in,
 * SVG out: it reads no store, and it does not renormalize: the owner turns one dragged value into a
 * whole distribution.
 */
export function DistributionBars(props: DistributionBarsProps) {
  const { values, symbol, role, termOf, onChange, step = 0.05, width = 360, height = 240 } = props;
  const v = Array.from(values);
  const { x, y } = barScales(v.length, [0, 1], width, height);
  const { svgRef, barHandlers } = useBarDrag({
    values: v,
    domain: [0, 1],
    step,
    pageStep: 0.25,
    invert: (py) => y.invert(py),
    onChange,
  });
  const summary = v.map((vi, i) => `${symbol}${i + 1} = ${formatNumber(vi, DIGITS)}`).join(', ');

  return (
    <svg
      ref={svgRef}
      className={`plot distribution-bars distribution-${symbol}`}
      viewBox={`0 0 ${width} ${height}`}
      role="group"
      aria-label={`${role} ${symbol} bars: ${summary}. Drag a bar, or focus it and use the arrow keys.`}
    >
      <ValueGrid ticks={[0, 0.5, 1]} y={y} width={width} digits={1} />
      {v.map((vi, i) => {
        const x0 = x(i) ?? 0;
        const h = Math.max(y(0) - y(vi), 0);
        const text = formatNumber(vi, DIGITS);
        return (
          <g
            key={i}
            className="draggable-bar"
            data-term={termOf(i)}
            role="slider"
            tabIndex={0}
            aria-label={`${role} ${symbol}${i + 1} bar`}
            aria-orientation="vertical"
            aria-valuemin={0}
            aria-valuemax={1}
            aria-valuenow={vi}
            aria-valuetext={text}
            {...barHandlers(i)}
          >
            {/* a full-height hit area, so a bar at 0 can still be grabbed and pulled up */}
            <rect className="hit-area" x={x0} y={M.top} width={x.bandwidth()} height={height - M.top - M.bottom} stroke="none" />
            <rect
              className="bar"
              data-value={vi}
              x={x0}
              y={y(0) - h}
              width={x.bandwidth()}
              height={Math.max(h, 1)}
              style={{ fill: classColour(i) }}
            />
            <text className="bar-value" x={x0 + x.bandwidth() / 2} y={y(0) - h - 4} textAnchor="middle" stroke="none">
              {text}
            </text>
            <text className="bar-label" x={x0 + x.bandwidth() / 2} y={height - 8} textAnchor="middle" stroke="none">
              {symbol}
              {i + 1}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
