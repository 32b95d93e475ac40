import { useMemo } from 'react';
import { crossEntropyGrad } from '../core';
import { formatNumber } from '../format/formatNumber';
import { term } from '../math/terms';
import { hardLabel } from '../state/labels';
import { relativeError, type CrossEntropyGradient } from './crossEntropyGradientMath';

interface CrossEntropyChecksProps {
  logits: readonly number[];
  labels: readonly number[];
  numbers: CrossEntropyGradient;
}

/**
 * Tolerances. The chain-rule product and p − y are the same number computed two ways: they agree to
 * rounding. A central difference with h ≈ 6·10⁻⁶ resolves a derivative to about 10⁻¹⁰ absolute, so a
 * gradient far smaller than that (one class near certain) is checked absolutely, not relatively.
 */
const SAME = 1e-12;
const FD_RELATIVE = 1e-6;
const FD_ABSOLUTE = 1e-9;

/**
 * The chapter's claims checked live on the learner's numbers, beside a table of the analytic gradient,
 * the chain rule multiplied out and the central-difference estimate, class by class.
 */
export function CrossEntropyChecks({ logits, labels, numbers }: CrossEntropyChecksProps) {
  const checks = useMemo(() => {
    const { gradient, chainRule, numerical, probabilities } = numbers;
    const gaps = (a: ArrayLike<number>, b: (i: number) => number) =>
      Math.max(...Array.from(a, (v, i) => Math.abs(v - b(i))));
    const batch = crossEntropyGrad([logits, logits], [labels, labels]);
    const t = hardLabel(labels);
    const subtracted = t === undefined ? NaN : (probabilities[t] ?? NaN) - 1;
    const fused = t === undefined ? NaN : (gradient[t] ?? NaN);
    return {
      chainGap: gaps(chainRule, (i) => gradient[i] ?? NaN),
      fdRelative: relativeError(gradient, numerical),
      fdAbsolute: gaps(numerical, (i) => gradient[i] ?? NaN),
      sum: Math.abs(Array.from(gradient).reduce((a, b) => a + b, 0)),
      batchGap: Math.max(...batch.map((row) => gaps(row, (i) => (gradient[i] ?? NaN) / 2))),
      t,
      fused,
      subtracted,
      fusedGap: fused === 0 ? Math.abs(subtracted) : Math.abs(subtracted - fused) / Math.abs(fused),
    };
  }, [logits, labels, numbers]);

  const fdOk = checks.fdRelative <= FD_RELATIVE || checks.fdAbsolute <= FD_ABSOLUTE;
  return (
    <>
      <div className="table-scroll">
        <table className="gradient-table">
          <caption>∂L/∂z three ways</caption>
          <thead>
            <tr>
              <th scope="col">class</th>
              <th scope="col">p − y</th>
              <th scope="col">Jᵀ(−y ⊘ p)</th>
              <th scope="col">central difference</th>
            </tr>
          </thead>
          <tbody>
            {Array.from(numbers.gradient, (g, i) => (
              <tr key={i}>
                <th scope="row">z{i + 1}</th>
                <td data-term={term.gradient(i)} data-testid={`g-text-${i + 1}`}>
                  {formatNumber(g, 6)}
                </td>
                <td>{formatNumber(numbers.chainRule[i] ?? NaN, 6)}</td>
                <td data-testid={`fd-text-${i + 1}`}>{formatNumber(numbers.numerical[i] ?? NaN, 6)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="checks" aria-label="Live checks">
        <li data-ok={checks.chainGap <= SAME}>
          The chain rule multiplied out equals p − y: the largest gap is {formatNumber(checks.chainGap, 2)}.
        </li>
        <li data-ok={fdOk} data-testid="fd-check">
          Central differences agree with p − y: relative error {formatNumber(checks.fdRelative, 2)} (largest gap{' '}
          {formatNumber(checks.fdAbsolute, 2)}).
        </li>
        <li data-ok={checks.sum <= SAME}>
          The components sum to 0 (Σ p = Σ y = 1): |Σⱼ ∂L/∂zⱼ| = {formatNumber(checks.sum, 2)}. Raising every logit
          together changes nothing.
        </li>
        <li data-ok={checks.batchGap <= SAME}>
          A batch of this row twice, mean reduction (as PyTorch): each row&apos;s gradient is (p − y)/2, to within{' '}
          {formatNumber(checks.batchGap, 2)}.
        </li>
        {checks.t !== undefined && (
          <li data-ok={Number.isFinite(checks.fused)}>
            The true class&apos;s p − 1, computed as −Σ of the other p (fused, no subtraction from 1):{' '}
            {formatNumber(checks.fused, 3)}; by subtraction: {formatNumber(checks.subtracted, 3)}, off by a relative{' '}
            {formatNumber(checks.fusedGap, 2)}.
          </li>
        )}
      </ul>
    </>
  );
}
