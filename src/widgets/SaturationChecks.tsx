import { useMemo } from 'react';
import { binaryCrossEntropyLossZ, centralDifference, squaredErrorLoss } from '../core';
import { formatNumber } from '../format/formatNumber';
import type { GradientsAt } from './saturationMath';

/** Both tolerances the core's own tests use: a few ulp for an identity, 1e-8 for a central difference. */
const EXACT = 1e-15;
const FD_TOLERANCE = 1e-8;

/**
 * The chapter's claims, checked live at the learner's z and t: σ′ ≤ ¼; squared error's gradient is
 * cross-entropy's times σ′, so never more than a quarter of it; and both formulas agree with a central
 * difference of the loss they come from.
 */
export function SaturationChecks({ g }: { g: GradientsAt }) {
  const checks = useMemo(() => {
    const product = g.crossEntropy * g.slope;
    const productGap = Math.abs(g.squaredError - product);
    const share = Math.abs(g.squaredError) / Math.abs(g.crossEntropy);
    const seEstimate = centralDifference((z) => squaredErrorLoss(z, g.t), g.z);
    const ceEstimate = centralDifference((z) => binaryCrossEntropyLossZ(z, g.t), g.z);
    return {
      productGap,
      share,
      seEstimate,
      seError: Math.abs(seEstimate - g.squaredError),
      ceEstimate,
      ceError: Math.abs(ceEstimate - g.crossEntropy),
    };
  }, [g]);

  return (
    <ul className="checks" aria-label="Live checks">
      <li data-ok={g.slope <= 0.25}>
        σ′(z) = ŷ(1 − ŷ) = {formatNumber(g.slope, 3)}, at most ¼ = 0.250 (reached only at z = 0, where ŷ = ½).
      </li>
      <li data-ok={checks.productGap <= EXACT * Math.max(1, Math.abs(g.crossEntropy))}>
        Squared error&rsquo;s gradient equals cross-entropy&rsquo;s times σ′: {formatNumber(g.crossEntropy, 3)} ×{' '}
        {formatNumber(g.slope, 3)} = {formatNumber(g.squaredError, 3)}
        {checks.productGap === 0 ? ', exactly.' : ` (off by ${formatNumber(checks.productGap, 2)}).`}
      </li>
      <li data-ok={checks.share <= 0.25}>
        {Number.isFinite(checks.share)
          ? `Here squared error’s gradient is ${formatNumber(100 * checks.share, 1)}% of cross-entropy’s (never more than 25%).`
          : 'Both gradients are 0 here.'}
      </li>
      <li data-ok={checks.seError <= FD_TOLERANCE && checks.ceError <= FD_TOLERANCE}>
        Central differences of the losses: {formatNumber(checks.seEstimate, 6)} for squared error,{' '}
        {formatNumber(checks.ceEstimate, 6)} for cross-entropy, off from the formulas by {formatNumber(checks.seError, 2)} and{' '}
        {formatNumber(checks.ceError, 2)}.
      </li>
    </ul>
  );
}
