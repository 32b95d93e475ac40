import { scaleLinear } from 'd3-scale';
import { OVERFLOW_THRESHOLD } from '../../core/naive';
import { formatNumber, powerOfTen, superscript } from '../../format/formatNumber';
import { classColour, term } from '../../format/terms';
import { useMeasuredWidth } from '../../plots/useMeasuredWidth';
import { STABILITY_LIMITS } from './stabilityInputs';
import { XTickLabels, YGrid } from '../../plots/axes';

const M = { top: 34, right: 14, bottom: 36, left: 52 } as const;
/** log₁₀ e^z = z·log₁₀ e: on a log scale e^z is a straight line */
const LOG10_E = Math.LOG10E;
const Y_MAX = STABILITY_LIMITS.max * LOG10_E + 10;
const Y_TICKS = [-400, -200, 0, 200, 400];
/** a tick label of the log axis, an integer power of ten: 10⁻⁴⁰⁰ … 10⁴⁰⁰ */
const tickLabel = (k: number) => `10${superscript(k)}`;
/** the least normal double: below it float64 keeps fewer than 53 bits, down to 1 at 4.9 × 10⁻³²⁴ */
const DBL_MIN = 2.2250738585072014e-308;

/**
 * e^z in words: its value while float64 holds it to full precision, else "about m × 10^k" from
 * log₁₀ e^z = z·log₁₀ e = k + f, with m = 10^f to three digits and k an integer. A decimal exponent in
 * superscript ("10⁴³⁴·³") reads as a product; and a subnormal e^z (z below −708.4) is a rounded
 * multiple of 4.9 × 10⁻³²⁴, so e^−744 would read 9.88 × 10⁻³²⁴ where it is 7.67 × 10⁻³²⁴.
 */
export function describeExponential(z: number): string {
  const value = Math.exp(z);
  if (Number.isFinite(value) && value >= DBL_MIN) return formatNumber(value, 3);
  const log10 = z * LOG10_E;
  let k = Math.floor(log10);
  let mantissa = (10 ** (log10 - k)).toFixed(2);
  // 10^f just under 10 rounds up to "10.00": carry it into the power
  if (mantissa === '10.00') {
    mantissa = '1.00';
    k += 1;
  }
  return `about ${mantissa} ${powerOfTen(k)}`;
}

function overflowNote(z: number): string {
  if (z > OVERFLOW_THRESHOLD.float64) return '∞ in float32 and in float64';
  if (z > OVERFLOW_THRESHOLD.float32) return '∞ in float32, finite in float64';
  return 'finite in both';
}

/**
 * e^z against z on a log scale (a straight line, since log₁₀ e^z = z·log₁₀ e), with the two overflow
 * thresholds ln(FLT_MAX) and ln(DBL_MAX) as labelled vertical lines, the regions beyond them shaded,
 * and the current logits marked in their class colours. Props in, SVG out.
 */
export function ExponentialPlot({
  logits,
  height: givenHeight,
}: {
  logits: readonly number[];
  /** the height in CSS pixels; by default 250 on a phone and 280 wider (the chapter's opener draws it flatter) */
  height?: number;
}) {
  const [box, width] = useMeasuredWidth<HTMLDivElement>(640);
  const height = givenHeight ?? (width < 500 ? 250 : 280);
  const { min, max } = STABILITY_LIMITS;
  const x = scaleLinear().domain([min, max]).range([M.left, width - M.right]);
  const y = scaleLinear().domain([-Y_MAX, Y_MAX]).range([height - M.bottom, M.top]);
  const t32 = OVERFLOW_THRESHOLD.float32;
  const t64 = OVERFLOW_THRESHOLD.float64;
  const bottom = height - M.bottom;
  const narrow = width < 500;

  const label =
    `e to the z on a log scale against z from ${formatNumber(min, 0)} to ${formatNumber(max, 0)}, a straight line. ` +
    `It overflows to infinity above ln(FLT_MAX) = ${formatNumber(t32, 2)} in float32 and above ln(DBL_MAX) = ${formatNumber(t64, 2)} in float64. ` +
    logits.map((z, i) => `z${i + 1} = ${formatNumber(z, 1)}: e^z is ${describeExponential(z)}, ${overflowNote(z)}.`).join(' ');

  return (
    <div ref={box}>
      <svg className="plot exponential-plot" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
        <rect className="overflow-region overflow-32" x={x(t32)} y={M.top} width={x(t64) - x(t32)} height={bottom - M.top} />
        <rect className="overflow-region overflow-64" x={x(t64)} y={M.top} width={x(max) - x(t64)} height={bottom - M.top} />
        <YGrid ticks={Y_TICKS} y={y} left={M.left} right={width - M.right} label={tickLabel} />
        <XTickLabels ticks={x.ticks(narrow ? 4 : 8)} x={x} y={bottom + 16} label={(v) => formatNumber(v, 0)} />
        <text className="axis-name" x={width - M.right} y={height - 4} textAnchor="end">
          logit z
        </text>
        <text className="axis-name" x={M.left} y={M.top - 22} textAnchor="start">
          e^z (log scale)
        </text>
        <line className="exp-line" x1={x(min)} y1={y(min * LOG10_E)} x2={x(t64)} y2={y(t64 * LOG10_E)} />
        {/* float32's label above the line, where e^z is still small; float64's below it, clear of the line */}
        {[
          { t: t32, name: narrow ? 'float32' : 'float32: ln FLT_MAX', top: M.top + 12 },
          { t: t64, name: narrow ? 'float64' : 'float64: ln DBL_MAX', top: bottom - 44 },
        ].map(({ t, name, top }) => (
          <g key={name} className="threshold">
            <line x1={x(t)} x2={x(t)} y1={M.top - 4} y2={bottom} />
            <text x={x(t) - 4} y={top} textAnchor="end">
              {name}
            </text>
            <text x={x(t) - 4} y={top + 14} textAnchor="end">
              = {formatNumber(t, 2)}
            </text>
          </g>
        ))}
        <text className="region-label" x={(x(t64) + x(max)) / 2} y={bottom - 8} textAnchor="middle">
          ∞
        </text>
        {logits.map((z, i) => {
          const over = z > t64;
          const cy = over ? M.top : y(z * LOG10_E);
          // markers closer than a label's width stack their labels instead of overprinting them
          const left = x(z) > (M.left + width - M.right) / 2;
          const rank = logits.slice(0, i).filter((other) => Math.abs(x(other) - x(z)) < 26).length;
          return (
            <g key={i} className="exp-marker" data-term={term.logit(i)}>
              <circle cx={x(z)} cy={cy} r={6} style={{ fill: classColour(i) }} />
              <text
                x={x(z) + (left ? -9 : 9)}
                y={cy + 18 + 13 * rank}
                textAnchor={left ? 'end' : 'start'}
                className="marker-label"
              >
                z{i + 1}
                {over ? ' ∞ (both)' : z > t32 ? ' ∞ (f32)' : ''}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}
