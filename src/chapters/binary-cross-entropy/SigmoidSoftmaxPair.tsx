import { useMemo } from 'react';
import { sigmoid, softmax } from '../../core';
import { formatNumber } from '../../format/formatNumber';
import { term } from '../../format/terms';
import { LabelledBars } from '../../plots/LabelledBars';
import { useLab } from '../../state/LabContext';
import { pairSoftmaxFormula } from './binaryCrossEntropyFormula';
import { BinaryControls } from '../../controls/BinaryControls';
import { LiveFormula } from '../../math/LiveFormula';

const EXACT = 1e-15;

/** "are equal" when they are, to the last bit; otherwise how far apart. */
const agreement = (gap: number) => (gap === 0 ? 'they are equal to the last bit' : `they differ by ${formatNumber(gap, 2)}`);

/**
 * Softmax over the two logits [z, 0] beside the sigmoid of z: two routes, one answer. The bars come
 * from the core's softmax and sigmoid separately, and the difference between them is printed live.
 */
export function SigmoidSoftmaxPair() {
  const z = useLab((s) => s.binaryLogit);
  const { q, yHat, complement } = useMemo(() => ({ q: softmax([z, 0]), yHat: sigmoid(z), complement: sigmoid(-z) }), [z]);
  const q1 = q[0] ?? NaN;
  const q2 = q[1] ?? NaN;
  const gaps = [Math.abs(q1 - yHat), Math.abs(q2 - complement)];
  const formula = pairSoftmaxFormula(z, q, yHat);

  return (
    <section className="widget pair-explorer" aria-label="Two-class softmax beside the sigmoid">
      <figure className="pair-figure">
        <LabelledBars
          title="The two-class softmax q = softmax([z, 0]) beside the sigmoid"
          bars={[
            { label: 'q₁', value: q1, term: term.pairSoftmax(0), colour: 'var(--class-1)' },
            { label: 'σ(z)', value: yHat, term: term.binaryPrediction(), colour: 'var(--class-3)' },
            { label: 'q₂', value: q2, term: term.pairSoftmax(1), colour: 'var(--class-1)' },
            { label: '1 − σ(z)', value: complement, term: term.binaryComplement(), colour: 'var(--class-3)' },
          ]}
        />
        <figcaption>q = softmax([z, 0]) from the core&apos;s softmax, beside σ(z) and 1 − σ(z) = σ(−z) from its sigmoid.</figcaption>
      </figure>

      <LiveFormula
        testId="pair-formula"
        label={`Live formula: ${formula.map((line) => line.text).join('; ')}`}
        lines={formula.map((line) => line.pieces)}
      />

      <ul className="checks" aria-label="Live checks: softmax against sigmoid">
        <li data-ok={(gaps[0] ?? 1) <= EXACT} data-testid="pair-check-1">
          softmax([z, 0])₁ = {formatNumber(q1, 6)} and σ(z) = {formatNumber(yHat, 6)}: {agreement(gaps[0] ?? NaN)}.
        </li>
        <li data-ok={(gaps[1] ?? 1) <= EXACT} data-testid="pair-check-2">
          softmax([z, 0])₂ = {formatNumber(q2, 6)} and σ(−z) = 1 − σ(z) = {formatNumber(complement, 6)}:{' '}
          {agreement(gaps[1] ?? NaN)}.
        </li>
      </ul>

      <fieldset className="controls">
        <legend>The logit</legend>
        <BinaryControls sliderLabel="binary logit z, beside the two-class softmax" withTarget={false} />
      </fieldset>
    </section>
  );
}
