/**
 * The axes kit every plot draws its grid and tick labels with: the scales and tick values are the
 * plot's (d3 computes them), the markup and its class names are here once, so the theme styles one
 * `.tick` and a change of how a tick looks is made in one place. Each tick line carries its position
 * in its own attributes (no transform), so a test can read the scale back from the drawing.
 */

type Scale = (v: number) => number;

/** Which tick gets the darker zero line: the value 0 on a linear axis, 1 on a log axis, or none. */
type ZeroAt = number | null;

const lineClass = (v: number, zeroAt: ZeroAt) => (v === zeroAt ? 'zero-line' : 'grid-line');

/** Horizontal grid lines across [left, right], each labelled at the left edge. */
export function YGrid({
  ticks,
  y,
  left,
  right,
  label,
  zeroAt = 0,
}: {
  ticks: readonly number[];
  y: Scale;
  left: number;
  right: number;
  label: (v: number) => string;
  zeroAt?: ZeroAt;
}) {
  return (
    <>
      {ticks.map((v) => (
        <g key={v} className="tick">
          <line x1={left} x2={right} y1={y(v)} y2={y(v)} className={lineClass(v, zeroAt)} />
          <text x={left - 6} y={y(v)} dy="0.32em" textAnchor="end">
            {label(v)}
          </text>
        </g>
      ))}
    </>
  );
}

/** Vertical grid lines over [top, bottom], each labelled below at `labelY`. */
export function XGrid({
  ticks,
  x,
  top,
  bottom,
  labelY,
  label,
  zeroAt = 0,
}: {
  ticks: readonly number[];
  x: Scale;
  top: number;
  bottom: number;
  labelY: number;
  label: (v: number) => string;
  zeroAt?: ZeroAt;
}) {
  return (
    <>
      {ticks.map((v) => (
        <g key={v} className="tick">
          <line x1={x(v)} x2={x(v)} y1={top} y2={bottom} className={lineClass(v, zeroAt)} />
          <text x={x(v)} y={labelY} textAnchor="middle">
            {label(v)}
          </text>
        </g>
      ))}
    </>
  );
}

/** Tick labels along the bottom with no grid lines (a training curve's steps, a log axis's sizes). */
export function XTickLabels({ ticks, x, y, label }: { ticks: readonly number[]; x: Scale; y: number; label: (v: number) => string }) {
  return (
    <>
      {ticks.map((v) => (
        <text key={v} className="tick x-tick" x={x(v)} y={y} textAnchor="middle">
          {label(v)}
        </text>
      ))}
    </>
  );
}
