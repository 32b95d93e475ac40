import { useMemo } from 'react';
import { GRADIENT_CHECK } from '../../core/finiteDifference';
import { differenceQuotient, relativeError } from '../../core/gradientCheck';
import { formatNumber } from '../../format/formatNumber';
import { useLab } from '../../state/LabContext';
import { logitQuantity } from './gradientCheckMath';
import { formatStep } from './gradientCheckFormula';

/**
 * The check the project's own tests make, with their step and tolerance (the one GRADIENT_CHECK object
 * that tests/core/helpers.ts uses), run live on ∂L/∂z_k = p_k − y_k at the learner's logits.
 */
export function TestTolerance() {
  const logits = useLab((s) => s.logits);
  const labels = useLab((s) => s.labels);
  const rows = useMemo(
    () =>
      logits.map((_, k) => {
        const q = logitQuantity(logits, labels, k);
        const estimate = differenceQuotient(q.f.float64, q.x, GRADIENT_CHECK.step, 'central');
        const error = relativeError(estimate, q.analytic);
        return { k, analytic: q.analytic, estimate, error, ok: error <= GRADIENT_CHECK.relativeTolerance };
      }),
    [logits, labels],
  );
  return (
    <section className="widget ch9-widget test-tolerance" aria-label="The gradient check of the project's tests">
      <p className="tolerance-constants" data-testid="tolerance-constants">
        Step h = {formatStep(GRADIENT_CHECK.step)}, relative tolerance {formatNumber(GRADIENT_CHECK.relativeTolerance, 1)}
      </p>
      <ul className="checks" aria-label="The tests' check at your logits">
        {rows.map((r) => (
          <li key={r.k} data-ok={r.ok} data-testid={`tolerance-check-${r.k + 1}`}>
            ∂L/∂z{r.k + 1}: p{r.k + 1} − y{r.k + 1} = {formatNumber(r.analytic, 10)}, central difference {formatNumber(r.estimate, 10)},
            relative error {formatNumber(r.error, 2)} {r.ok ? '≤' : '>'} {formatNumber(GRADIENT_CHECK.relativeTolerance, 1)}
          </li>
        ))}
      </ul>
    </section>
  );
}
