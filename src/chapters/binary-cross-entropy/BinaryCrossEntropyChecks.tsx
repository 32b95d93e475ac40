import { useMemo } from 'react';
import { sigmoid } from '../../core';
import { formatNumber } from '../../format/formatNumber';
import { binaryChecks, FAR_LOGIT, type BinaryState } from './binaryCrossEntropyMath';

/**
 * The chapter's claims, checked live on the learner's z and t (the numbers come from binaryChecks,
 * which the chapter's claims test replays over the whole slider): the chain rule, a central difference
 * of the loss and of the sigmoid, the loss from ŷ against the loss from z; and, at a z beyond the
 * slider, why frameworks compute it from z.
 */
export function BinaryCrossEntropyChecks({ state: s }: { state: BinaryState }) {
  const c = useMemo(() => binaryChecks(s), [s]);
  const f = (v: number, digits = 6) => formatNumber(v, digits);
  return (
    <ul className="checks" aria-label="Live checks">
      <li data-ok={c.ok.chain}>
        Chain rule: ∂L/∂ŷ × σ′(z) = {f(s.gradPrediction, 3)} × {f(s.slope)} = {f(c.chain)}, and ŷ − t = {f(s.gradLogit)}{' '}
        ({c.chainGap === 0 ? 'equal to the last bit' : `off by ${formatNumber(c.chainGap, 2)}`}).
      </li>
      <li data-ok={c.ok.loss}>
        Central difference: (L(z + h) − L(z − h)) / 2h ≈ {f(c.lossEstimate)}, off from ŷ − t by {formatNumber(c.lossGap, 2)}.
      </li>
      <li data-ok={c.ok.slope}>
        Slope of the sigmoid: a central difference gives σ′(z) ≈ {f(c.slopeEstimate)}; ŷ(1 − ŷ) = {f(c.slopeProduct)}.
      </li>
      <li data-ok={c.ok.route}>
        The loss from ŷ, −ln of {t1(s.t)}, is {f(c.fromProbability)}; from z, with softplus, it is {f(c.fromLogit)}.
      </li>
      <li data-ok={c.ok.far}>
        Beyond the slider, at z = {FAR_LOGIT} with t = 0: σ(z) rounds to exactly {formatNumber(sigmoid(FAR_LOGIT), 0)}, so the loss
        from ŷ hits the clamp of ln 0 at −100 and reads {f(c.farProbability, 3)}; the loss from z reads {f(c.farLogit, 3)}, the true
        value.
      </li>
    </ul>
  );
}

/** Which probability the loss takes the log of: ŷ for t = 1, 1 − ŷ for t = 0. */
function t1(t: 0 | 1): string {
  return t === 1 ? 'ŷ' : '(1 − ŷ)';
}
