import { useId, useMemo } from 'react';
import { useWidgetState } from '../../state/useWidgetState';
import { formatNumber } from '../../format/formatNumber';
import { LecturerControl } from '../../controls/LecturerControl';
import { ZERO_CASES_STATE } from './gradientCheckState';
import { zeroCase, zeroCaseAnalytic, zeroCaseWhy, zeroStepText, ZERO_CASES, ZERO_CASE_X } from './zeroCaseMath';

/**
 * "My finite difference returns only zeros", reproduced five ways on one function, each with the NumPy
 * lines that produce it and every intermediate as computed (zeroCaseMath.ts). A native radio group picks
 * the case, kept in the address (`zero=`).
 */
export function ZeroCases() {
  const [{ zero: id }, update] = useWidgetState(ZERO_CASES_STATE);
  const name = useId();
  const c = useMemo(() => zeroCase(id), [id]);
  const labels = useMemo(() => Object.fromEntries(ZERO_CASES.map((k) => [k, zeroCase(k).label])), []);
  const analytic = zeroCaseAnalytic();
  return (
    <section className="widget gradient-check-widget zero-cases" aria-label="It returns only zeros">
      <LecturerControl ids={['zero']}>
        <fieldset className="controls">
          <legend>Reproduce a zero</legend>
          <div className="choice-row" role="radiogroup" aria-label="Case">
            {ZERO_CASES.map((k) => (
              <label key={k}>
                <input type="radio" name={name} checked={id === k} onChange={() => update({ zero: k })} />
                {labels[k]}
              </label>
            ))}
          </div>
        </fieldset>
      </LecturerControl>
      <p className="hint">
        f(x) = L([2, x, 4]) is the loss of the worked example, true class t = 2, at x = {ZERO_CASE_X}; its derivative there is p₂ − 1 ={' '}
        {formatNumber(analytic, 4)}. {c.scheme === 'central' ? 'Central' : 'Forward'} difference, {c.precision} arithmetic.
      </p>
      {/* the code is read, not run: a tab stop lets the keyboard scroll it sideways on a phone */}
      <pre className="zero-code" tabIndex={0} role="region" aria-label="The NumPy lines of this case" data-testid="zero-code">
        <code>{c.code.join('\n')}</code>
      </pre>
      <div className="table-scroll" aria-live="polite">
        <table className="zero-trace" data-testid="zero-trace">
          <caption>{c.title}: every step as computed</caption>
          <tbody>
            {c.steps.map((step) => (
              <tr key={step.label}>
                <th scope="row">{step.label}</th>
                <td>{zeroStepText(step, c.precision)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="zero-why" data-testid="zero-why">
        {zeroCaseWhy(c)}
      </p>
    </section>
  );
}
