import { useMemo } from 'react';
import { formatNumber } from '../../format/formatNumber';
import { saturationChecks, type GradientsAt } from './saturationMath';

/**
 * The chapter's claims, checked live at the learner's z and t (the numbers come from saturationChecks):
 * σ′ ≤ ¼; squared error's gradient is cross-entropy's times σ′, so never more than a quarter of it; and
 * both formulas agree with a central difference of the loss they come from.
 */
export function SaturationChecks({ g }: { g: GradientsAt }) {
  const checks = useMemo(() => saturationChecks(g), [g]);

  return (
    <ul className="checks" aria-label="Live checks">
      <li data-ok={checks.ok.slope}>
        σ′(z) = ŷ(1 − ŷ) = {formatNumber(g.slope, 3)}, at most ¼ = 0.250 (reached only at z = 0, where ŷ = ½).
      </li>
      <li data-ok={checks.ok.product}>
        Squared error&rsquo;s gradient equals cross-entropy&rsquo;s times σ′: {formatNumber(g.crossEntropy, 3)} ×{' '}
        {formatNumber(g.slope, 3)} = {formatNumber(g.squaredError, 3)}
        {checks.productGap === 0 ? ', exactly.' : ` (off by ${formatNumber(checks.productGap, 2)}).`}
      </li>
      <li data-ok={checks.ok.share}>
        {Number.isFinite(checks.share)
          ? `Here squared error’s gradient is ${formatNumber(100 * checks.share, 1)}% of cross-entropy’s (never more than 25%).`
          : 'Both gradients are 0 here.'}
      </li>
      <li data-ok={checks.ok.centralDifference}>
        Central differences of the losses: {formatNumber(checks.seEstimate, 6)} for squared error,{' '}
        {formatNumber(checks.ceEstimate, 6)} for cross-entropy, off from the formulas by {formatNumber(checks.seError, 2)} and{' '}
        {formatNumber(checks.ceError, 2)}.
      </li>
    </ul>
  );
}
