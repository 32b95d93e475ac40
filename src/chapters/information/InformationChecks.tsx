import { useMemo } from 'react';
import { formatNumber } from '../../format/formatNumber';
import { printedRelation, shownValue } from './informationFormula';
import { informationChecks, UNIT_LOG, type InformationMeasures, type InformationUnit } from './informationMath';

interface InformationChecksProps {
  labels: readonly number[];
  probabilities: ArrayLike<number>;
  unit: InformationUnit;
  measures: InformationMeasures;
}

/**
 * The chapter's claims, checked live on the learner's y and p (see informationChecks): a rarer class
 * carries more information; Gibbs' inequality H(y, p) ≥ H(y); KL ≥ 0; H(y, p) = H(y) + KL with KL
 * computed on its own; bits are nats divided by ln 2; and, for a one-hot y, why KL stays above 0. The
 * logarithm is written in the unit shown: log₂ for bits, ln for nats. Printed arithmetic ends in "="
 * only when the printed numbers give the printed result, and in "≈" otherwise (see printedRelation).
 */
export function InformationChecks({ labels, probabilities, unit, measures }: InformationChecksProps) {
  const checks = useMemo(() => informationChecks(labels, probabilities, measures), [labels, probabilities, measures]);

  const { entropy: h, crossEntropy: hp, kl } = measures;
  const log = UNIT_LOG[unit];
  const n = (v: number) => formatNumber(v, 3);
  const ln2 = formatNumber(Math.LN2, 4);
  const sumRelation = printedRelation(shownValue(h, 3) + shownValue(kl, 3), h + kl, 3);
  const unitRelation = printedRelation(shownValue(checks.nats, 3) / shownValue(Math.LN2, 4), checks.nats / Math.LN2, 3);
  return (
    <ul className="checks" aria-label="Live checks">
      <li data-ok={checks.rarerMore}>
        {checks.rarerMore
          ? `A rarer class always carries more information: the smaller pᵢ, the larger −${log} pᵢ.`
          : 'Order check failed: a rarer class carries less information.'}
      </li>
      <li data-ok={checks.gibbs}>
        Gibbs: H(y, p) = {n(hp)} ≥ H(y) = {n(h)} {unit}; they are equal only when p = y.
      </li>
      <li data-ok={kl >= 0}>KL(y ‖ p) = {n(kl)} {unit} ≥ 0.</li>
      <li data-ok={checks.sumOk}>
        H(y) + KL(y ‖ p) = {n(h)} + {n(kl)} {sumRelation} {n(h + kl)} {unit}, with KL computed on its own: it differs from
        H(y, p) by {formatNumber(checks.sumGap, 2)}.
      </li>
      <li data-ok={checks.unitOk}>
        Bits are nats ÷ ln 2: H(y, p) = {n(checks.nats)} nats ÷ {ln2} {unitRelation} {n(checks.nats / Math.LN2)} bits, and in
        bits directly {n(checks.bits)} (differing by {formatNumber(checks.unitGap, 2)}).
      </li>
      {checks.hard !== undefined && (
        <li data-ok={checks.klNats > 0 && checks.hardEntropy === 0}>
          y is one-hot (class {checks.hard + 1}), so H(y) = 0 and H(y, p) = KL = −{log} p{checks.hard + 1}. Softmax never
          gives exactly 1, so KL stays above 0: here {n(kl)} {unit}.
        </li>
      )}
    </ul>
  );
}
