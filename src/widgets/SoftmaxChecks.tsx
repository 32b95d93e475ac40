import { useMemo } from 'react';
import { softmax } from '../core';
import { formatNumber } from '../format/formatNumber';

interface SoftmaxChecksProps {
  logits: readonly number[];
  temperature: number;
  probabilities: ArrayLike<number>;
}

/** How far the shift-invariance check moves the logits: big enough to matter, far from overflow. */
const SHIFT = 7;

/**
 * The chapter's claims, checked live on the learner's own numbers: the probabilities sum to 1, the
 * order of the logits is the order of the probabilities, and adding a constant changes nothing.
 */
export function SoftmaxChecks({ logits, temperature, probabilities }: SoftmaxChecksProps) {
  const checks = useMemo(() => {
    const p = Array.from(probabilities);
    const total = p.reduce((a, b) => a + b, 0);
    const shifted = softmax(
      logits.map((z) => z + SHIFT),
      temperature,
    );
    const shiftGap = Math.max(...p.map((pi, i) => Math.abs(pi - (shifted[i] ?? NaN))));
    const sameOrder = logits.every((zi, i) => logits.every((zj, j) => (zi < zj) === ((p[i] ?? 0) < (p[j] ?? 0))));
    return { total, sumGap: Math.abs(total - 1), shiftGap, sameOrder };
  }, [logits, temperature, probabilities]);

  return (
    <ul className="checks" aria-label="Live checks">
      <li data-ok={checks.sumGap < 1e-12}>
        Σ pᵢ = {formatNumber(checks.total, 3)} (off from 1 by {formatNumber(checks.sumGap, 2)})
      </li>
      <li data-ok={checks.sameOrder}>
        {checks.sameOrder
          ? 'A larger logit always has a larger probability.'
          : 'Order check failed: a larger logit has a smaller probability.'}
      </li>
      <li data-ok={checks.shiftGap < 1e-12}>
        {checks.shiftGap === 0
          ? `softmax(z + ${SHIFT}) equals softmax(z) exactly.`
          : `softmax(z + ${SHIFT}) equals softmax(z) to within ${formatNumber(checks.shiftGap, 2)}.`}
      </li>
    </ul>
  );
}
