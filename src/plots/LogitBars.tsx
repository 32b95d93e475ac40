import { formatNumber } from '../format/formatNumber';
import { classColour, term } from '../format/terms';
import { barScales, BAR_MARGIN as M, ValueGrid } from './barScales';
import { useBarDrag } from './useBarDrag';

export interface LogitBarsProps {
  logits: readonly number[];
  /** the logit range; bars are drawn from 0 */
  domain: readonly [number, number];
  step: number;
  /** called with a raw value; the store snaps and clamps it */
  onChange(index: number, value: number): void;
  width?: number;
  height?: number;
}

const DIGITS = 2;

/**
 * Logits as bars from zero, each one draggable (pointer, with capture, so a fast drag cannot escape)
 * and a keyboard slider of its own. Props in, SVG out: this component reads no store.
 */
export function LogitBars({ logits, domain, step, onChange, width = 360, height = 240 }: LogitBarsProps) {
  const { x, y } = barScales(logits.length, domain, width, height);
  const { svgRef, barHandlers } = useBarDrag({ values: logits, domain, step, invert: (v) => y.invert(v), onChange });

  const summary = logits.map((z, i) => `z${i + 1} = ${formatNumber(z, DIGITS)}`).join(', ');

  return (
    <svg
      ref={svgRef}
      className="plot logit-bars"
      viewBox={`0 0 ${width} ${height}`}
      role="group"
      aria-label={`Logit bars: ${summary}. Drag a bar, or focus it and use the arrow keys.`}
    >
      <ValueGrid ticks={y.ticks(4)} y={y} width={width} digits={0} />
      {logits.map((z, i) => {
        const x0 = x(i) ?? 0;
        const top = Math.min(y(z), y(0));
        const id = term.logit(i);
        return (
          <g
            key={i}
            className="draggable-bar"
            data-term={id}
            role="slider"
            tabIndex={0}
            aria-label={`logit z${i + 1} bar`}
            aria-orientation="vertical"
            aria-valuemin={domain[0]}
            aria-valuemax={domain[1]}
            aria-valuenow={z}
            aria-valuetext={formatNumber(z, DIGITS)}
            {...barHandlers(i)}
          >
            {/* a full-height hit area, so a bar near zero is still easy to grab */}
            <rect className="hit-area" x={x0} y={M.top} width={x.bandwidth()} height={height - M.top - M.bottom} stroke="none" />
            <rect
              className="bar"
              x={x0}
              y={top}
              width={x.bandwidth()}
              height={Math.max(Math.abs(y(z) - y(0)), 1)}
              style={{ fill: classColour(i) }}
            />
            <text
              className="bar-value"
              x={x0 + x.bandwidth() / 2}
              y={z >= 0 ? top - 4 : top + Math.abs(y(z) - y(0)) + 12}
              textAnchor="middle"
              stroke="none"
            >
              {formatNumber(z, DIGITS)}
            </text>
            <text className="bar-label" x={x0 + x.bandwidth() / 2} y={height - 8} textAnchor="middle" stroke="none">
              z{i + 1}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
