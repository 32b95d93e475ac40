import { useMemo } from 'react';
import { crossEntropyGrad } from '../core';
import { formatNumber } from '../format/formatNumber';
import { term } from '../math/terms';
import { hardLabel } from '../state/labels';
import { checkGradient, entryAgrees, GRADIENT_CHECK_TOLERANCE, type CrossEntropyGradient } from './crossEntropyGradientMath';

interface CrossEntropyChecksProps {
  logits: readonly number[];
  labels: readonly number[];
  numbers: CrossEntropyGradient;
}

/**
 * The chain-rule product and p − y are the same number computed two ways: they agree to rounding.
 * The central-difference check's tolerances are GRADIENT_CHECK_TOLERANCE's.
 */
const SAME = 1e-12;

/**
 * The chapter's claims checked live on the learner's numbers, beside a table of the analytic gradient,
 * the chain rule multiplied out, the central-difference estimate and the classic diagonal-only
 * mistake, class by class; under the checks that pass, the same check flags the mistake.
 */
export function CrossEntropyChecks({ logits, labels, numbers }: CrossEntropyChecksProps) {
  const checks = useMemo(() => {
    const { gradient, chainRule, numerical, probabilities, diagonalOnly } = numbers;
    const gaps = (a: ArrayLike<number>, b: (i: number) => number) =>
      Math.max(...Array.from(a, (v, i) => Math.abs(v - b(i))));
    const batch = crossEntropyGrad([logits, logits], [labels, labels]);
    const t = hardLabel(labels);
    const subtracted = t === undefined ? NaN : (probabilities[t] ?? NaN) - 1;
    const fused = t === undefined ? NaN : (gradient[t] ?? NaN);
    return {
      chainGap: gaps(chainRule, (i) => gradient[i] ?? NaN),
      fd: checkGradient(gradient, numerical),
      diagonal: checkGradient(diagonalOnly, numerical),
      diagonalRight: Array.from(diagonalOnly, (d, i) => entryAgrees(d, numerical[i] ?? NaN)),
      sum: Math.abs(Array.from(gradient).reduce((a, b) => a + b, 0)),
      batchGap: Math.max(...batch.map((row) => gaps(row, (i) => (gradient[i] ?? NaN) / 2))),
      t,
      fused,
      subtracted,
      fusedGap: fused === 0 ? Math.abs(subtracted) : Math.abs(subtracted - fused) / Math.abs(fused),
    };
  }, [logits, labels, numbers]);

  const right = checks.diagonalRight.flatMap((ok, i) => (ok ? [i + 1] : []));
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
        <li data-ok={checks.fd.passes} data-testid="fd-check">
          Central differences agree with p − y: relative error {formatNumber(checks.fd.relative, 2)} (largest gap{' '}
          {formatNumber(checks.fd.absolute, 2)}).
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
      <div className="table-scroll">
        <table className="gradient-table diagonal-table">
          <caption>The diagonal-only mistake beside p − y, each entry checked by central differences</caption>
          <thead>
            <tr>
              <th scope="col">class</th>
              <th scope="col">p − y</th>
              <th scope="col">
                diagonal only, <span className="nowrap">−yⱼ(1 − pⱼ)</span>
              </th>
              <th scope="col">check</th>
            </tr>
          </thead>
          <tbody>
            {Array.from(numbers.diagonalOnly, (d, i) => (
              <tr key={i}>
                <th scope="row">z{i + 1}</th>
                <td>{formatNumber(numbers.gradient[i] ?? NaN, 6)}</td>
                <td data-ok={checks.diagonalRight[i]} data-testid={`diagonal-text-${i + 1}`}>
                  {formatNumber(d, 6)}
                </td>
                <td className="verdict" data-ok={checks.diagonalRight[i]}>
                  {checks.diagonalRight[i] ? '✓ passes' : '✗ fails'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="checks diagonal-check" aria-label="The diagonal-only mistake, checked">
        <li data-ok={checks.diagonal.passes} data-testid="diagonal-check">
          {checks.diagonal.passes ? 'Central differences agree with' : 'Central differences reject'} the diagonal-only
          −yⱼ(1 − pⱼ): relative error {formatNumber(checks.diagonal.relative, 3)}, where the check allows{' '}
          {formatNumber(GRADIENT_CHECK_TOLERANCE.relative, 0)}.{' '}
          {right.length === 0
            ? 'No entry passes: each is short by pⱼ(1 − yⱼ), the off-diagonal paths it dropped.'
            : `Only the entry of ${classList(right)} passes; every other is short by pⱼ(1 − yⱼ), the off-diagonal paths it dropped.`}
        </li>
      </ul>
    </>
  );
}

/** "class 2", "classes 1 and 3", "classes 1, 2 and 4" */
function classList(classes: number[]): string {
  if (classes.length === 1) return `class ${classes[0]}`;
  return `classes ${classes.slice(0, -1).join(', ')} and ${classes[classes.length - 1]}`;
}
