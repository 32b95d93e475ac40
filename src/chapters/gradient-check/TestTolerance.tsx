import { useMemo, type ReactNode } from 'react';
import { GRADIENT_CHECK } from '../../core/finiteDifference';
import { formatNumber } from '../../format/formatNumber';
import { useLab } from '../../state/LabContext';
import { derivativeText, formatStep, smallText } from './gradientCheckFormula';
import { subscript, toleranceChecks } from './gradientCheckMath';

const RTOL = formatNumber(GRADIENT_CHECK.relativeTolerance, 0);
const ATOL = formatNumber(GRADIENT_CHECK.absoluteTolerance, 0);

/**
 * The check the project's tests make, run live on ∂L/∂z_k = p_k − y_k at the learner's logits: the
 * core's central difference with GRADIENT_CHECK's step, accepted when |analytic − estimate| ≤
 * rtol·max(|analytic|, |estimate|) + atol (toleranceChecks in gradientCheckMath.ts). Where the relative
 * error alone is above rtol but the check passes, the row says so: that is what the absolute part is for.
 */
export function TestTolerance() {
  const logits = useLab((s) => s.logits);
  const labels = useLab((s) => s.labels);
  const rows = useMemo(() => toleranceChecks(logits, labels), [logits, labels]);
  return (
    <section className="widget gradient-check-widget test-tolerance" aria-label="The gradient check of the project's tests">
      <p className="tolerance-constants" data-testid="tolerance-constants">
        <strong>
          Step h = <Num>{formatStep(GRADIENT_CHECK.step)}</Num>, relative tolerance <Num>{RTOL}</Num>, absolute tolerance <Num>{ATOL}</Num>
        </strong>
        : a check passes when <Num>|analytic − estimate|</Num> ≤ <Num>{RTOL}</Num> · <Num>max(|analytic|, |estimate|)</Num> + <Num>{ATOL}</Num>.
      </p>
      <ul className="checks" aria-label="The tests' check at your logits">
        {rows.map((r) => {
          const i = subscript(r.k + 1);
          return (
            <li key={r.k} data-ok={r.ok} data-relative-ok={r.relativeOk} data-testid={`tolerance-check-${r.k + 1}`}>
              <span className="check-verdict">{r.ok ? 'passes' : 'fails'}</span> ∂L/∂z{i}: p{i} − y{i} = <Num>{derivativeText(r.analytic)}</Num>, central
              difference <Num>{derivativeText(r.estimate)}</Num>; they differ by <Num>{smallText(r.gap)}</Num> {r.ok ? '≤' : '>'}{' '}
              <Num>{smallText(r.allowed)}</Num> allowed.
              {r.ok && !r.relativeOk && (
                <span className="relative-note">
                  {' '}
                  The relative error, <Num>{smallText(r.relative)}</Num>, is above <Num>{RTOL}</Num>: a relative tolerance alone would
                  fail this correct formula.
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** A number (or a short expression) that never breaks across lines: "2.0610600 × 10⁻⁹" stays whole on a phone. */
function Num({ children }: { children: ReactNode }) {
  return <span className="num">{children}</span>;
}
