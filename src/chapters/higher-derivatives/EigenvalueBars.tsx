import { formatNumber } from '../../format/formatNumber';
import { term } from '../../format/terms';
import { barScales, BAR_MARGIN, ValueGrid } from '../../plots/barScales';
import { isZero, LAMBDA_BOUND } from './hessianMath';

export interface EigenvalueBarsProps {
  /** the Hessian's eigenvalues, ascending */
  eigenvalues: readonly number[];
  /** which of them belongs to the eigenvector (1, …, 1) */
  onesIndex: number;
  width?: number;
  height?: number;
}

/** An eigenvalue as the page writes it: rounding noise around 0 reads "0". */
export function eigenvalueText(v: number): string {
  return isZero(v) ? '0' : formatNumber(v, 3);
}

/**
 * The Hessian's eigenvalues as bars on [0, ½], with the bound ½ drawn as a dashed line and the
 * eigenvalue of (1, …, 1) labelled as such. Chapter 12's own figure: props in, SVG out.
 */
export function EigenvalueBars({ eigenvalues, onesIndex, width = 360, height = 200 }: EigenvalueBarsProps) {
  const { x, y } = barScales(eigenvalues.length, [0, LAMBDA_BOUND], width, height);
  const summary = eigenvalues
    .map((v, k) => `λ${k + 1} = ${eigenvalueText(v)}${k === onesIndex ? ' (eigenvector (1, …, 1))' : ''}`)
    .join(', ');
  return (
    <svg
      className="plot eigenvalue-bars"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={`Eigenvalues of H, ascending: ${summary}. None is negative and none is above the bound ½.`}
    >
      <ValueGrid ticks={[0, 0.25, 0.5]} y={y} width={width} digits={2} />
      <line className="bound-line" x1={BAR_MARGIN.left} x2={width - BAR_MARGIN.right} y1={y(LAMBDA_BOUND)} y2={y(LAMBDA_BOUND)} />
      <text className="bound-label" x={width - BAR_MARGIN.right} y={y(LAMBDA_BOUND) - 4} textAnchor="end">
        bound ½
      </text>
      {eigenvalues.map((v, k) => {
        const x0 = x(k) ?? 0;
        const shown = Math.min(Math.max(v, 0), LAMBDA_BOUND);
        const h = Math.max(y(0) - y(shown), 0);
        const centre = x0 + x.bandwidth() / 2;
        const ones = k === onesIndex;
        return (
          <g key={k} data-term={term.eigenvalue(k)}>
            <rect className="bar" x={x0} y={y(0) - h} width={x.bandwidth()} height={h} style={{ fill: 'var(--accent)' }} />
            <text className="bar-value" x={centre} y={y(0) - h - 4} textAnchor="middle">
              {ones ? `${eigenvalueText(v)}, along (1, …, 1)` : eigenvalueText(v)}
            </text>
            <text className="bar-label" x={centre} y={height - 8} textAnchor="middle">
              λ{k + 1}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
