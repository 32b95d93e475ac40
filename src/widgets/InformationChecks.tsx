import { useMemo } from 'react';
import { distributionCrossEntropy, entropy, klDivergence } from '../core';
import { formatNumber } from '../format/formatNumber';
import { hardLabel } from '../state/labels';
import type { InformationMeasures, InformationUnit } from './informationMath';

interface InformationChecksProps {
  labels: readonly number[];
  probabilities: ArrayLike<number>;
  unit: InformationUnit;
  measures: InformationMeasures;
}

/**
 * Room for rounding. KL is computed to a few ulp of its size, but H(y, p) = −Σ yᵢ log pᵢ is only as
 * good as the pᵢ it takes the log of: a pᵢ near 1 is rounded by about 10⁻¹⁶ before the log, so
 * H(y, p) carries an absolute error of that order even when it is tiny (4 × 10⁻⁹ for p ≈ y one-hot).
 * The checks allow this much relative to the largest number involved, or to 1, whichever is larger.
 */
const TOLERANCE = 1e-12;

/**
 * The chapter's claims, checked live on the learner's y and p: a rarer class carries more information;
 * Gibbs' inequality H(y, p) ≥ H(y); KL ≥ 0; H(y, p) = H(y) + KL with KL computed on its own; bits are
 * nats divided by ln 2; and, for a one-hot y, why KL stays above 0.
 */
export function InformationChecks({ labels, probabilities, unit, measures }: InformationChecksProps) {
  const checks = useMemo(() => {
    const p = Array.from(probabilities);
    const { information, entropy: h, crossEntropy: hp, kl } = measures;
    const rarerMore = p.every((pi, i) => p.every((pj, j) => !(pi < pj) || (information[i] ?? 0) > (information[j] ?? 0)));
    const scale = Math.max(Math.abs(hp), Math.abs(h), Math.abs(kl), 1);
    const sumGap = Math.abs(hp - (h + kl));
    const nats = distributionCrossEntropy(labels, p, 'e');
    const bits = distributionCrossEntropy(labels, p, 2);
    const unitGap = Math.abs(bits - nats / Math.LN2);
    return {
      rarerMore,
      // p = y exactly gives equal sums of equal terms; anything else is above by KL, far past rounding
      gibbs: hp >= h - TOLERANCE * scale,
      sumGap,
      sumOk: sumGap <= TOLERANCE * scale || hp === Infinity,
      nats,
      bits,
      unitGap,
      unitOk: unitGap <= TOLERANCE * Math.max(bits, 1) || bits === Infinity,
      // computed afresh for the one-hot check: KL > 0 in any unit, and a one-hot y's entropy exactly 0
      hard: hardLabel(labels),
      hardEntropy: entropy(labels),
      klNats: klDivergence(labels, p),
    };
  }, [labels, probabilities, measures]);

  const { entropy: h, crossEntropy: hp, kl } = measures;
  const n = (v: number) => formatNumber(v, 3);
  return (
    <ul className="checks" aria-label="Live checks">
      <li data-ok={checks.rarerMore}>
        {checks.rarerMore
          ? 'A rarer class always carries more information: the smaller pᵢ, the larger −log pᵢ.'
          : 'Order check failed: a rarer class carries less information.'}
      </li>
      <li data-ok={checks.gibbs}>
        Gibbs: H(y, p) = {n(hp)} ≥ H(y) = {n(h)} {unit}; they are equal only when p = y.
      </li>
      <li data-ok={kl >= 0}>KL(y ‖ p) = {n(kl)} {unit} ≥ 0.</li>
      <li data-ok={checks.sumOk}>
        H(y) + KL(y ‖ p) = {n(h + kl)} {unit}, with KL computed on its own: it differs from H(y, p) by{' '}
        {formatNumber(checks.sumGap, 2)}.
      </li>
      <li data-ok={checks.unitOk}>
        Bits are nats ÷ ln 2: H(y, p) = {n(checks.nats)} nats ÷ {formatNumber(Math.LN2, 4)} = {n(checks.nats / Math.LN2)}{' '}
        bits, and in bits directly {n(checks.bits)} (differing by {formatNumber(checks.unitGap, 2)}).
      </li>
      {checks.hard !== undefined && (
        <li data-ok={checks.klNats > 0 && checks.hardEntropy === 0}>
          y is one-hot (class {checks.hard + 1}), so H(y) = 0 and H(y, p) = KL = −log p{checks.hard + 1}. Softmax never
          gives exactly 1, so KL stays above 0: here {n(kl)} {unit}.
        </li>
      )}
    </ul>
  );
}
