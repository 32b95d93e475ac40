import { binaryCrossEntropyWithLogits, binaryCrossEntropyWithLogitsGrad, sigmoid, sigmoidGrad } from '../../core';
import { createRandom } from '../../core/random';
import { figuresText } from '../../exercises/grading';
import type { ExerciseSpec } from '../../exercises/exerciseSpec';
import { bceGradPredictionAtLogit, type BinaryTarget } from './binaryCrossEntropyMath';
import { GRADIENT_ENTRY, LOSS_ENTRY, WITH_LOGITS_ENTRY } from './index';

/**
 * Chapter 5's exercises. Each draws one logit z on a grid of 0.1 and a label t ∈ {0, 1} from its seed,
 * so the numbers can be typed into a calculator (or set on the explorer's slider) as shown. Every value
 * is the core's, as PyTorch defines it: the loss is F.binary_cross_entropy_with_logits (BCEWithLogitsLoss)
 * of one logit, and the gradient that function's gradient.
 */

/** A number as the page writes it, with the true minus sign. */
const signed = (v: number) => String(v).replace('-', '−');

/** One logit's loss, as BCEWithLogitsLoss computes it. */
const lossAt = (z: number, t: number) => binaryCrossEntropyWithLogits([z], [t]);

export interface BinaryNumbers {
  z: number;
  t: BinaryTarget;
  /** ŷ = σ(z) */
  yHat: number;
}

/** A logit on the 0.1 grid with 0.5 ≤ |z| ≤ 3 (away from 0, where both labels cost the same), and a label. */
function drawLogit(seed: number): BinaryNumbers {
  const rng = createRandom(seed);
  const size = (5 + rng.int(26)) / 10;
  const z = rng.int(2) === 0 ? -size : size;
  const t: BinaryTarget = rng.int(2) === 0 ? 0 : 1;
  return { z, t, yHat: sigmoid(z) };
}

export interface LossNumbers extends BinaryNumbers {
  loss: number;
}

export const LOSS_EXERCISE: ExerciseSpec<LossNumbers> = {
  entry: LOSS_ENTRY,
  seedKey: 'bl',
  make(seed) {
    const q = drawLogit(seed);
    return { ...q, loss: lossAt(q.z, q.t) };
  },
  answer: {
    kind: 'number',
    label: 'L',
    figures: 3,
    truth: ({ loss }) => loss,
    mistakes: ({ z, t, yHat, loss }) => {
      const other: BinaryTarget = t === 1 ? 0 : 1;
      return [
        { value: loss / Math.LN2, says: 'that is the loss with log base 2 (in bits): binary cross-entropy uses the natural logarithm, ln' },
        { value: loss / Math.LN10, says: 'that is the loss with log base 10: binary cross-entropy uses the natural logarithm, ln' },
        { value: lossAt(z, other), says: `that is ${other === 1 ? '−ln ŷ' : '−ln(1 − ŷ)'}, the loss the other label, t = ${other}, would give` },
        { value: lossAt(sigmoid(z), t), says: 'that is the loss of σ(σ(z)): the sigmoid applied twice, as when BCEWithLogitsLoss is given σ(z) instead of z' },
        { value: -loss, says: 'that is the logarithm without its minus sign: a loss is never negative' },
        { value: t === 1 ? yHat : 1 - yHat, says: `that is ${t === 1 ? 'ŷ' : '1 − ŷ'} itself, the probability of the label: the loss is minus its natural logarithm` },
      ];
    },
  },
  hints: ({ t }) => [
    'First turn the logit into a probability: ŷ = σ(z) = 1 / (1 + e^(−z)).',
    t === 1
      ? 'The label is t = 1, so only the first term counts: L = −ln ŷ, with the natural logarithm.'
      : 'The label is t = 0, so only the second term counts: L = −ln(1 − ŷ), with the natural logarithm.',
  ],
  worked: ({ z, t, yHat, loss }) => {
    const sigma = `ŷ = σ(${signed(z)}) = 1 / (1 + e^(${signed(-z)})) = ${figuresText(yHat, 4)}.`;
    return t === 1
      ? `${sigma} With t = 1 the loss is L = −ln ŷ = −ln ${figuresText(yHat, 4)} = ${figuresText(loss, 3)}.`
      : `${sigma} With t = 0 the loss is L = −ln(1 − ŷ) = −ln ${figuresText(sigmoid(-z), 4)} = ${figuresText(loss, 3)}.`;
  },
  truthText: ({ z, t, loss }) => `at z = ${signed(z)} and t = ${t}, L = ${figuresText(loss, 3)}`,
  explore: ({ z, t }) => ({ what: 'the binary cross-entropy explorer', inputs: { binaryLogit: z, binaryTarget: t } }),
};

export interface GradientNumbers extends BinaryNumbers {
  /** ∂L/∂z = ŷ − t, the gradient of BCEWithLogitsLoss */
  grad: number;
}

export const GRADIENT_EXERCISE: ExerciseSpec<GradientNumbers> = {
  entry: GRADIENT_ENTRY,
  seedKey: 'bg',
  make(seed) {
    const q = drawLogit(seed);
    return { ...q, grad: binaryCrossEntropyWithLogitsGrad([q.z], [q.t])[0] as number };
  },
  answer: {
    kind: 'number',
    label: '∂L/∂z',
    figures: 3,
    truth: ({ grad }) => grad,
    mistakes: ({ z, t, grad }) => [
      { value: grad * sigmoidGrad(z), says: 'that is (ŷ − t)·σ′(z): the sigmoid’s slope ŷ(1 − ŷ) is already inside ŷ − t, and multiplying by it again counts it twice' },
      { value: bceGradPredictionAtLogit(z, t), says: `that is ∂L/∂ŷ = ${t === 1 ? '−t/ŷ' : '(1 − t)/(1 − ŷ)'}, the derivative in the prediction: it still has to be multiplied by σ′(z)` },
      { value: -grad, says: 'that is t − ŷ: the sign is reversed (∂L/∂z is positive when ŷ is above the label, so that a step against it lowers z)' },
      { value: sigmoidGrad(z), says: 'that is σ′(z) = ŷ(1 − ŷ), the sigmoid’s slope alone: it still has to be multiplied by ∂L/∂ŷ' },
    ],
  },
  hints: () => [
    'Chain rule: ∂L/∂z = ∂L/∂ŷ · σ′(z), with ∂L/∂ŷ = −t/ŷ + (1 − t)/(1 − ŷ) and σ′(z) = ŷ(1 − ŷ).',
    'Multiply the two out: the ŷ and 1 − ŷ cancel, and ∂L/∂z = ŷ − t. Compute ŷ = σ(z) first.',
  ],
  worked: ({ z, t, yHat, grad }) =>
    `ŷ = σ(${signed(z)}) = ${figuresText(yHat, 4)}, so ∂L/∂ŷ = ${figuresText(bceGradPredictionAtLogit(z, t), 4)} and σ′(z) = ŷ(1 − ŷ) = ${figuresText(sigmoidGrad(z), 4)}. ` +
    `Their product is ŷ − t = ${figuresText(yHat, 4)} − ${t} = ${figuresText(grad, 3)}.`,
  truthText: ({ z, t, grad }) => `at z = ${signed(z)} and t = ${t}, ∂L/∂z = ŷ − t = ${figuresText(grad, 3)}`,
  explore: ({ z, t }) => ({ what: 'the binary cross-entropy explorer', inputs: { binaryLogit: z, binaryTarget: t } }),
};

export interface WithLogitsNumbers extends BinaryNumbers {
  /** the loss the line should compute, BCEWithLogits(z, t) */
  loss: number;
  /** what the line computes, BCEWithLogits(σ(z), t): the loss of σ(σ(z)) */
  buggy: number;
  /** σ(σ(z)) */
  twice: number;
  /** the least the line can ever return for this label: its value as σ(z) → t */
  floor: number;
  /** the four options' values, in the order shown (drawn from the seed) */
  order: readonly WithLogitsOption[];
}

export type WithLogitsOption = 'twice' | 'fine' | 'nan' | 'clamp';

export const WITH_LOGITS_LINE = 'loss = F.binary_cross_entropy_with_logits(torch.sigmoid(z), t)';

/**
 * The bug's numbers: a model that is right, and confidently (z on the 0.1 grid, 2 ≤ |z| ≤ 4, its sign
 * the label's), so the true loss is small and the line's is not.
 */
export const WITH_LOGITS_EXERCISE: ExerciseSpec<WithLogitsNumbers> = {
  entry: WITH_LOGITS_ENTRY,
  seedKey: 'bs',
  make(seed) {
    const rng = createRandom(seed);
    const t: BinaryTarget = rng.int(2) === 0 ? 0 : 1;
    const size = (20 + rng.int(21)) / 10;
    const z = t === 1 ? size : -size;
    const yHat = sigmoid(z);
    const order: WithLogitsOption[] = ['twice', 'fine', 'nan', 'clamp'];
    for (let i = order.length - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [order[i], order[j]] = [order[j] as WithLogitsOption, order[i] as WithLogitsOption];
    }
    return { z, t, yHat, loss: lossAt(z, t), buggy: lossAt(yHat, t), twice: sigmoid(yHat), floor: lossAt(t, t), order };
  },
  answer: {
    kind: 'choice',
    legend: 'What goes wrong?',
    options: ({ t, yHat, loss, buggy, floor, order }) => {
      const label: Record<WithLogitsOption, string> = {
        twice: `It returns ${figuresText(buggy, 3)}, not ${figuresText(loss, 3)}, and it can never fall below ${figuresText(floor, 3)}, however right the model is.`,
        fine: `Nothing: it returns ${figuresText(loss, 3)}, the binary cross-entropy of σ(z) = ${figuresText(yHat, 3)} against t = ${t}.`,
        nan: 'It returns nan: a function that takes logits refuses numbers between 0 and 1.',
        clamp: `It returns ${figuresText(loss, 3)}, but without the safety of “with logits”: a larger z would hit the −100 clamp.`,
      };
      return order.map((value) => ({ value, label: label[value] }));
    },
    right: () => ['twice'],
    mistakes: ({ yHat, twice }) => ({
      fine: 'that would be F.binary_cross_entropy(torch.sigmoid(z), t), which takes probabilities. The “with logits” version takes the logit and applies the sigmoid itself',
      nan: `any real number is a logit, ${figuresText(yHat, 3)} too: nothing fails loudly, which is what makes this slip hard to see`,
      clamp: `the −100 clamp belongs to F.binary_cross_entropy, the version that takes probabilities; and the loss here is already wrong, since the function scores σ(σ(z)) = ${figuresText(twice, 3)}`,
    }),
  },
  hints: () => [
    'F.binary_cross_entropy_with_logits(x, t) expects a logit x: it computes σ(x) itself, then the binary cross-entropy of σ(x) against t.',
    'Here x is already σ(z), a number between 0 and 1. What is σ of a number between 0 and 1, and what loss does that give?',
  ],
  worked: ({ z, t, yHat, loss, buggy, twice, floor }) =>
    `The function applies the sigmoid itself, so it scores σ(σ(z)) = σ(${figuresText(yHat, 4)}) = ${figuresText(twice, 4)} instead of σ(z) = ${figuresText(yHat, 4)}. ` +
    `Its loss is ${t === 1 ? '−ln σ(σ(z))' : '−ln(1 − σ(σ(z)))'} = ${figuresText(buggy, 3)}, where the loss of z = ${signed(z)} is ${figuresText(loss, 3)}. ` +
    `Since σ(z) lies between 0 and 1, σ(σ(z)) lies between σ(0) = 0.5 and σ(1) = 0.731, so the loss never falls below ${figuresText(floor, 3)}; and its gradient, (σ(σ(z)) − t)·σ′(z), carries a factor σ′(z) ≤ ¼ that ŷ − t does not. ` +
    `The line should pass z itself: F.binary_cross_entropy_with_logits(z, t). It returns ${figuresText(buggy, 3)}, not ${figuresText(loss, 3)}.`,
  truthText: ({ buggy, loss }) => `the sigmoid is applied twice, so the loss is ${figuresText(buggy, 3)}, not ${figuresText(loss, 3)}`,
  explore: ({ z, t }) => ({ what: 'the binary cross-entropy explorer', inputs: { binaryLogit: z, binaryTarget: t } }),
};

export { signed as logitText };
