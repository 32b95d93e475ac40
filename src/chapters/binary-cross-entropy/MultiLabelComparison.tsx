import { useMemo } from 'react';
import { binaryCrossEntropyWithLogits, crossEntropy, sigmoid, softmax } from '../../core';
import { formatNumber } from '../../format/formatNumber';
import { classColour, term } from '../../format/terms';
import { LabelledBars } from '../../plots/LabelledBars';
import { ProbabilityBars } from '../../plots/ProbabilityBars';
import { useLab } from '../../state/LabContext';
import { LogitSliders } from '../../controls/LogitSliders';

const n = (v: number) => formatNumber(v, 3);
const list = (values: ArrayLike<number>) => Array.from(values, n).join(', ');
/** a hard label reads [0, 1, 0], a soft one with its decimals */
const labelList = (values: readonly number[]) => values.map((v) => formatNumber(v, Number.isInteger(v) ? 0 : 3)).join(', ');

/**
 * The lab's logits read two ways: one softmax over all classes (multi-class: exactly one class is
 * true, the probabilities compete and sum to 1) and one sigmoid per class (multi-label: each class is
 * a yes/no question of its own, and the answers need not sum to anything). With the lab's label y,
 * the loss of each reading: one cross-entropy, or one binary cross-entropy per class.
 */
export function MultiLabelComparison() {
  const logits = useLab((s) => s.logits);
  const labels = useLab((s) => s.labels);
  const numbers = useMemo(() => {
    const p = softmax(logits);
    const sigmoids = logits.map(sigmoid);
    const perClass = binaryCrossEntropyWithLogits(logits, labels, { reduction: 'none' });
    return {
      p,
      sigmoids,
      pSum: Array.from(p).reduce((a, b) => a + b, 0),
      sigmoidSum: sigmoids.reduce((a, b) => a + b, 0),
      crossEntropy: crossEntropy([logits], [labels], { reduction: 'sum' }),
      perClass,
      perClassSum: Array.from(perClass).reduce((a, b) => a + b, 0),
    };
  }, [logits, labels]);

  return (
    <section className="widget multilabel-explorer" aria-label="One softmax against one sigmoid per class">
      <div className="plots-pair">
        <figure>
          <ProbabilityBars probabilities={numbers.p} />
          <figcaption>Multi-class: p = softmax(z), one distribution.</figcaption>
        </figure>
        <figure>
          <LabelledBars
            title="Multi-label: the sigmoid of each logit"
            bars={logits.map((z, i) => ({ label: `σ(z${i + 1})`, value: numbers.sigmoids[i] ?? NaN, term: term.classSigmoid(i), colour: classColour(i) }))}
          />
          <figcaption>Multi-label: σ(zᵢ) for each class on its own.</figcaption>
        </figure>
      </div>

      <ul className="multilabel-sums" aria-label="Sums and losses">
        <li data-testid="softmax-sum">
          Σ pᵢ = {n(numbers.pSum)}: the classes share one unit of probability.
        </li>
        <li data-testid="sigmoid-sum">
          Σ σ(zᵢ) = {n(numbers.sigmoidSum)}: each σ(zᵢ) is a probability of its own, and nothing makes them add up to 1.
        </li>
        <li data-testid="multiclass-loss">
          With the lab&apos;s label y = [{labelList(labels)}]: one cross-entropy, −Σ yᵢ ln pᵢ = {n(numbers.crossEntropy)}.
        </li>
        <li data-testid="multilabel-loss">
          One BCE per class against yᵢ: [{list(numbers.perClass)}], in total {n(numbers.perClassSum)}.
        </li>
      </ul>

      <fieldset className="controls">
        <legend>Logits (shared with the other chapters)</legend>
        <LogitSliders />
      </fieldset>
    </section>
  );
}
