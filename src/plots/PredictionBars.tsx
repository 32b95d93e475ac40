import { barScales, BAR_MARGIN as M, ValueGrid } from './barScales';
import { useBarDrag } from './useBarDrag';

export interface PredictionBarsProps {
  /** one name per bar: "p₁" */
  labels: readonly string[];
  /** the learner's prediction, one value per bar */
  values: readonly number[];
  domain: readonly [number, number];
  step: number;
  /** called with a raw value; the owner snaps and clamps it */
  onChange(index: number, value: number): void;
  /** the core's values, drawn beside the prediction once they may be seen (null: not yet) */
  truth: readonly number[] | null;
  /** figures after the point in the bars' values */
  digits: number;
  /** the prediction may no longer move (the exercise is over) */
  locked?: boolean;
  width?: number;
  height?: number;
}

/**
 * A prediction as bars the learner drags (pointer, or focus and arrow keys, as the chapters' logit
 * bars), and, once revealed, the core's values as outlined bars beside them. Props in, SVG out.
 */
export function PredictionBars({ labels, values, domain, step, onChange, truth, digits, locked = false, width = 360, height = 220 }: PredictionBarsProps) {
  const { x, y } = barScales(labels.length, domain, width, height);
  const { svgRef, barHandlers } = useBarDrag({ values, domain, step, invert: (v) => y.invert(v), onChange: locked ? () => {} : onChange });
  const half = truth ? x.bandwidth() / 2 : x.bandwidth();
  const ticks = y.ticks(4);
  // fixed decimals, as on the keyboard's grid: 0.004 reads 0.00 beside the learner's 0.00, never 4 × 10⁻³
  const text = (v: number) => (Math.abs(v) < 0.5 * 10 ** -digits ? 0 : v).toFixed(digits);

  return (
    <svg ref={svgRef} className="plot prediction-bars" viewBox={`0 0 ${width} ${height}`} role="group" aria-label="Your prediction as bars">
      <ValueGrid ticks={ticks} y={y} width={width} digits={Math.max(0, ...ticks.map((t) => (String(t).split('.')[1] ?? '').length))} />
      {values.map((v, i) => {
        const x0 = x(i) ?? 0;
        const label = labels[i] ?? '';
        const top = Math.min(y(v), y(0));
        const t = truth?.[i];
        return (
          <g key={i}>
            <g
              className={locked ? 'prediction-bar' : 'prediction-bar draggable-bar'}
              role="slider"
              tabIndex={locked ? -1 : 0}
              aria-label={`${label}, your prediction`}
              aria-orientation="vertical"
              aria-valuemin={domain[0]}
              aria-valuemax={domain[1]}
              aria-valuenow={v}
              aria-valuetext={text(v)}
              aria-disabled={locked || undefined}
              {...barHandlers(i)}
            >
              {/* a full-height hit area while the bar can move, so a bar at 0 is still easy to grab */}
              {!locked && <rect className="hit-area" x={x0} y={M.top} width={half} height={height - M.top - M.bottom} stroke="none" />}
              <rect className="bar" x={x0} y={top} width={half} height={Math.max(Math.abs(y(v) - y(0)), 1)} />
              <text className="bar-value" x={x0 + half / 2} y={top - 4} textAnchor="middle" stroke="none">
                {text(v)}
              </text>
            </g>
            {t !== undefined && (
              <g className="truth-bar" aria-hidden="true">
                <rect x={x0 + half} y={Math.min(y(t), y(0))} width={half} height={Math.max(Math.abs(y(t) - y(0)), 1)} />
                <text className="bar-value" x={x0 + 1.5 * half} y={Math.min(y(t), y(0)) - 4} textAnchor="middle" stroke="none">
                  {text(t)}
                </text>
              </g>
            )}
            <text className="bar-label" x={x0 + x.bandwidth() / 2} y={height - 8} textAnchor="middle" stroke="none" aria-hidden="true">
              {label}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
