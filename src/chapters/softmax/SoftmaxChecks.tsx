import { useMemo } from 'react';
import { formatNumber } from '../../format/formatNumber';
import { CHECK_SHIFT, softmaxChecks } from './softmaxMath';

interface SoftmaxChecksProps {
  logits: readonly number[];
  temperature: number;
  probabilities: ArrayLike<number>;
}

/**
 * The chapter's claims, checked live on the learner's own numbers: the probabilities sum to 1, the
 * order of the logits is the order of the probabilities, adding a constant changes nothing, and the
 * smooth maximum T·ln Σ e^{z_k/T} lies above max z by at most T ln C.
 */
export function SoftmaxChecks({ logits, temperature, probabilities }: SoftmaxChecksProps) {
  const checks = useMemo(() => softmaxChecks(logits, temperature, probabilities), [logits, temperature, probabilities]);
  const { smooth } = checks;
  const t = temperature === 1 ? '' : `${formatNumber(temperature, 2)} `;
  const over = temperature === 1 ? '' : `/${formatNumber(temperature, 2)}`;

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
          ? `softmax(z + ${CHECK_SHIFT}) equals softmax(z) exactly.`
          : `softmax(z + ${CHECK_SHIFT}) equals softmax(z) to within ${formatNumber(checks.shiftGap, 2)}.`}
      </li>
      <li data-ok={checks.smoothOk} data-testid="smooth-maximum">
        Smooth maximum: {t}ln Σₖ exp(zₖ{over}) = {formatNumber(smooth.value, 3)}, above max z ={' '}
        {formatNumber(smooth.max, 3)} by {formatNumber(smooth.gap, 3)} (at most {t}ln {logits.length} ={' '}
        {formatNumber(smooth.bound, 3)}).
      </li>
    </ul>
  );
}
