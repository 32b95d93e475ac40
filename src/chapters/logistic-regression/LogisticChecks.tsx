import { memo } from 'react';
import { numericalGradient } from '../../core/finiteDifference';
import { logisticLoss } from '../../core/logisticRegression';
import { formatNumber } from '../../format/formatNumber';
import { trainingData, type DataPoint } from './logisticDescent';
import type { TwoForms } from './logisticFormula';

interface LogisticChecksProps {
  forms: TwoForms;
  points: readonly DataPoint[];
  learnBias: boolean;
}

const maxAbsDifference = (a: ArrayLike<number>, b: ArrayLike<number>, count: number) => {
  let d = 0;
  for (let k = 0; k < count; k++) d = Math.max(d, Math.abs((a[k] as number) - (b[k] as number)));
  return d;
};

/**
 * The claims of the chapter recomputed at the current weights: the 0/1-label and ±1-label costs and
 * gradients are the same numbers (each from its own core function), and the gradient agrees with
 * central differences of the cost.
 */
export const LogisticChecks = memo(function LogisticChecks({ forms, points, learnBias }: LogisticChecksProps) {
  const { readout, plusMinusCost, plusMinusGrad } = forms;
  if (readout.problem !== null) return null;
  const { X, t } = trainingData(points);
  const entries = learnBias ? 3 : 2;
  const numeric = numericalGradient((v) => logisticLoss(v, X, t, 'cross-entropy'), readout.w);
  const costGap = Math.abs(readout.cost - plusMinusCost);
  const gradGap = maxAbsDifference(readout.grad, plusMinusGrad, entries);
  const fdGap = maxAbsDifference(readout.grad, numeric, entries);
  const scale = Math.max(1, readout.cost);
  const checks = [
    {
      id: 'same-cost',
      ok: costGap <= 1e-12 * scale,
      text: `Same cost: with 0/1 labels ${formatNumber(readout.cost, 6)}, with ±1 labels ${formatNumber(plusMinusCost, 6)} (${costGap === 0 ? 'exactly equal' : `they differ by ${formatNumber(costGap, 1)}`}).`,
    },
    {
      id: 'same-gradient',
      ok: gradGap <= 1e-12 * Math.max(1, readout.gradNorm),
      text: `Same gradient from both forms: ${gradGap === 0 ? 'every entry exactly equal' : `the entries differ by at most ${formatNumber(gradGap, 1)}`}.`,
    },
    {
      id: 'finite-difference',
      ok: fdGap <= 1e-6 * Math.max(1, readout.gradNorm),
      text: `Central differences of the cost agree with ∇L to ${formatNumber(fdGap, 1)}.`,
    },
  ];
  return (
    <ul className="checks" aria-label="Checks at the current weights" data-testid="logistic-checks">
      {checks.map((c) => (
        <li key={c.id} data-ok={c.ok} data-testid={`check-${c.id}`}>
          {c.text}
        </li>
      ))}
    </ul>
  );
});
