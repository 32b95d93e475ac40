import { useId, useMemo } from 'react';
import { useWidgetState } from '../../embed/useWidgetState';
import { formatNumber } from '../../format/formatNumber';
import { LecturerControl } from '../controls/LecturerControl';
import { ZERO_CASES_STATE } from './gradientCheckState';
import { formatStep, valueDigits } from './gradientCheckFormula';
import { estimateText } from './EstimateTable';
import { zeroCase, zeroCaseAnalytic, ZERO_CASES, ZERO_CASE_X, type ZeroCase, type ZeroCaseId } from './zeroCases';

const LABEL: Record<ZeroCaseId, string> = {
  'tiny-step': 'h = 10⁻¹⁶ in float64',
  float32: 'h = 10⁻⁸ in float32',
  integer: 'x stored in an Int32Array',
};

function why(c: ZeroCase): string {
  const spacing = formatNumber(c.spacing, 3);
  if (c.id === 'tiny-step') {
    return `Doubles near 3 are ${spacing} apart, and h is less than half of that: 3 + h and 3 − h both round to 3. ` +
      'f is evaluated at the same input twice. The cure: a step relative to x, about 10⁻⁵ · max(1, |x|) for a central difference.';
  }
  if (c.id === 'float32') {
    return `float32 numbers near 3 are ${spacing} apart: a step of 10⁻⁸ is lost the moment x + h is stored. ` +
      'A step that is harmless in float64 is below float32’s resolution. The cure: h near ∛ε ≈ 5 × 10⁻³ for float32, or compute the check in float64.';
  }
  return 'An Int32Array holds only integers: writing 3 + 0.00001 into it stores 3 (it truncates towards zero), so f(x + h) = f(x) and the forward difference is 0. ' +
    `The central difference is no better: 3 − 0.00001 is stored as 2, and (f(3) − f(2)) / (2h) = ${formatNumber(c.central?.estimate ?? NaN, 1)} is a slope over a step of 1 divided by 2 × 10⁻⁵. ` +
    'The cure: keep inputs in floating point (Float64Array; in NumPy, astype(float)).';
}

/**
 * "My finite difference returns only zeros", reproduced three ways on one function, each with every
 * intermediate shown as computed by the core. A native radio group picks the case, kept in the
 * address (`zero=`).
 */
export function ZeroCases() {
  const [{ zero: id }, update] = useWidgetState(ZERO_CASES_STATE);
  const name = useId();
  const c = useMemo(() => zeroCase(id), [id]);
  const analytic = zeroCaseAnalytic();
  const d = valueDigits(c.precision);
  const t = c.trace;
  const central = c.scheme === 'central';
  const rows: [string, string][] = [
    ['x as stored', formatNumber(t.x, 0)],
    ['h', formatStep(c.h)],
    [`x + h as stored (${c.storage})`, formatNumber(t.xPlus, d)],
    central ? [`x − h as stored (${c.storage})`, formatNumber(t.xMinus, d)] : ['x (the other point)', formatNumber(t.xMinus, 0)],
    ['f(x + h)', formatNumber(t.fPlus, d)],
    [central ? 'f(x − h)' : 'f(x)', formatNumber(t.fMinus, d)],
    ['numerator', estimateText(t.numerator)],
    [central ? 'estimate (numerator / 2h)' : 'estimate (numerator / h)', estimateText(t.estimate)],
  ];
  return (
    <section className="widget ch9-widget zero-cases" aria-label="It returns only zeros">
      <LecturerControl ids={['zero']}>
        <fieldset className="controls">
          <legend>Reproduce a zero</legend>
          <div className="choice-row" role="radiogroup" aria-label="Case">
            {ZERO_CASES.map((k) => (
              <label key={k}>
                <input type="radio" name={name} checked={id === k} onChange={() => update({ zero: k })} />
                {LABEL[k]}
              </label>
            ))}
          </div>
        </fieldset>
      </LecturerControl>
      <p className="hint">
        f(x) is the loss of the worked example z = [2, x, 4], label class 2, at x = {ZERO_CASE_X}; its derivative there is p₂ − 1 ={' '}
        {formatNumber(analytic, 4)}. {c.scheme === 'central' ? 'Central' : 'Forward'} difference, {c.precision} arithmetic.
      </p>
      <div className="table-scroll" aria-live="polite">
        <table className="zero-trace" data-testid="zero-trace">
          <caption>{c.title}: every step as computed</caption>
          <tbody>
            {rows.map(([k, v]) => (
              <tr key={k}>
                <th scope="row">{k}</th>
                <td>{v}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="zero-why" data-testid="zero-why">
        {why(c)}
      </p>
    </section>
  );
}
