import { formatNumber } from '../../format/formatNumber';
import { term } from '../../math/terms';
import { DERIVATIVE_DIGITS, ERROR_DIGITS } from './gradientCheckFormula';
import type { Estimate } from './gradientCheckMath';

/** An estimate as read: "0 (exactly)" for the zero the chapter is about, never "0.0000000000". */
export function estimateText(v: number): string {
  return v === 0 ? '0 (exactly)' : formatNumber(v, DERIVATIVE_DIGITS);
}

export function errorText(v: number): string {
  return v === 0 ? '0 (exactly)' : formatNumber(v, ERROR_DIGITS);
}

/** The four estimates at the learner's h, each beside its relative error; a lost step says so. */
export function EstimateTable({ estimates, analytic }: { estimates: readonly Estimate[]; analytic: number }) {
  return (
    <div className="table-scroll">
      <table className="estimate-table">
        <caption>At this h, against the analytic derivative {formatNumber(analytic, DERIVATIVE_DIGITS)}</caption>
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
                  {e.trace.stepLost && <span className="lost-step"> x ± h = x</span>}
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
