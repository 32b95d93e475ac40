import { formatNumber } from '../../format/formatNumber';
import { term } from '../../format/terms';
import { derivativeText, ERROR_DIGITS } from './gradientCheckFormula';
import type { Estimate } from './gradientCheckMath';

/** An estimate as read: "0 (exactly)" for the zero the chapter is about, never "0.0000000000". */
export function estimateText(v: number): string {
  return v === 0 ? '0 (exactly)' : derivativeText(v);
}

export function errorText(v: number): string {
  return v === 0 ? '0 (exactly)' : formatNumber(v, ERROR_DIGITS);
}

/**
 * The four estimates at the learner's h, each beside its relative error; a lost step says so, in the
 * differentiated variable's own symbol (z₂, (W₂)₁₆,₁).
 */
export function EstimateTable({ estimates, analytic, symbol }: { estimates: readonly Estimate[]; analytic: number; symbol: string }) {
  return (
    <div className="table-scroll">
      <table className="estimate-table">
        <caption>At this h, against the analytic derivative {derivativeText(analytic)}</caption>
        <thead>
          <tr>
            <th scope="col">difference, precision</th>
            <th scope="col">estimate</th>
            <th scope="col">relative error</th>
          </tr>
        </thead>
        <tbody>
          {estimates.map((e) => {
            const id = `${e.scheme}-${e.precision}`;
            return (
              <tr key={id} data-term={term.differenceError(e.scheme, e.precision)}>
                <th scope="row">
                  {e.scheme}, {e.precision}
                </th>
                <td data-testid={`estimate-${id}`} data-value={e.trace.estimate}>
                  {estimateText(e.trace.estimate)}
                  {e.trace.stepLost && <span className="lost-step"> {symbol} ± h = {symbol}</span>}
                </td>
                <td data-testid={`error-${id}`} data-value={e.error}>
                  {errorText(e.error)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
