import { useMemo } from 'react';
import { binaryCrossEntropy, binaryCrossEntropyLossZ, binaryCrossEntropyWithLogits, centralDifference, sigmoid } from '../core';
import { formatNumber } from '../format/formatNumber';
import type { BinaryState } from './binaryCrossEntropyMath';

/** The tolerances: a few ulp for identities, the central difference's own error for estimates. */
const EXACT = 1e-12;
const FD_TOLERANCE = 1e-8;
/** σ(z) near 1 leaves 1 − ŷ a few ulp of 1 off, which log(1 − ŷ) turns into about 10⁻¹² at z = 10 */
const ROUTE_TOLERANCE = 1e-10;
/** Far enough out that σ(z) rounds to exactly 1 in float64 (1 − σ(40) ≈ 4 × 10⁻¹⁸ < 2⁻⁵³). */
const FAR = 40;

/**
 * The chapter's claims, checked live on the learner's z and t: the chain rule ∂L/∂ŷ · σ′(z) collapses
 * to ŷ − t, a central difference of L agrees with it, σ′ = ŷ(1 − ŷ), the loss computed from ŷ equals
 * the loss computed from z; and, at a z beyond the slider, why frameworks compute it from z.
 */
export function BinaryCrossEntropyChecks({ state: s }: { state: BinaryState }) {
  const checks = useMemo(() => {
    const chain = s.gradPrediction * s.slope;
    const lossEstimate = centralDifference((v) => binaryCrossEntropyLossZ(v, s.t), s.z);
    const slopeEstimate = centralDifference(sigmoid, s.z);
    const fromProbability = binaryCrossEntropy([s.yHat], [s.t]);
    const fromLogit = binaryCrossEntropyWithLogits([s.z], [s.t]);
    const farProbability = binaryCrossEntropy([sigmoid(FAR)], [0]);
    const farLogit = binaryCrossEntropyWithLogits([FAR], [0]);
    return {
      chain,
      chainGap: Math.abs(chain - s.gradLogit),
      lossEstimate,
      lossGap: Math.abs(lossEstimate - s.gradLogit),
      slopeEstimate,
      slopeProduct: s.yHat * s.complement,
      slopeGap: Math.abs(slopeEstimate - s.slope),
      fromProbability,
      fromLogit,
      routeGap: Math.abs(fromProbability - fromLogit),
      farSaturated: sigmoid(FAR) === 1,
      farProbability,
      farLogit,
    };
  }, [s]);
  const c = checks;
  const f = (v: number, digits = 6) => formatNumber(v, digits);
  return (
    <ul className="checks" aria-label="Live checks">
      <li data-ok={c.chainGap <= EXACT}>
        Chain rule: ∂L/∂ŷ × σ′(z) = {f(s.gradPrediction, 3)} × {f(s.slope)} = {f(c.chain)}, and ŷ − t = {f(s.gradLogit)}{' '}
        ({c.chainGap === 0 ? 'equal to the last bit' : `off by ${formatNumber(c.chainGap, 2)}`}).
      </li>
      <li data-ok={c.lossGap <= FD_TOLERANCE}>
        Central difference: (L(z + h) − L(z − h)) / 2h ≈ {f(c.lossEstimate)}, off from ŷ − t by {formatNumber(c.lossGap, 2)}.
      </li>
      <li data-ok={c.slopeGap <= FD_TOLERANCE}>
        Slope of the sigmoid: a central difference gives σ′(z) ≈ {f(c.slopeEstimate)}; ŷ(1 − ŷ) = {f(c.slopeProduct)}.
      </li>
      <li data-ok={c.routeGap <= ROUTE_TOLERANCE}>
        The loss from ŷ, −log of {t1(s.t)}, is {f(c.fromProbability)}; from z, with softplus, it is {f(c.fromLogit)}.
      </li>
      <li data-ok={c.farSaturated && c.farProbability === 100 && Math.abs(c.farLogit - FAR) <= EXACT * FAR}>
        Beyond the slider, at z = {FAR} with t = 0: σ(z) rounds to exactly {formatNumber(sigmoid(FAR), 0)}, so the loss from ŷ
        hits the clamp of log 0 and reads {f(c.farProbability, 3)}; the loss from z reads {f(c.farLogit, 3)}, the true value.
      </li>
    </ul>
  );
}

/** Which probability the loss takes the log of: ŷ for t = 1, 1 − ŷ for t = 0. */
function t1(t: 0 | 1): string {
  return t === 1 ? 'ŷ' : '(1 − ŷ)';
}
