import { createRandom, type Random } from '../../core/random';
import { crossEntropy } from '../../core/crossEntropy';
import { figuresText, halfUnit, sameToFigures } from '../../exercises/grading';
import type { ExerciseSpec } from '../../exercises/exerciseSpec';
import { WEIGHT_BUG_ENTRY, WEIGHTED_MEAN_ENTRY } from './index';

/**
 * Chapter 11's exercises: the value of nn.CrossEntropyLoss(weight=w)'s mean from the per-sample losses
 * (with, for some seeds, one sample ignored); and the line of a NumPy port that divides a weighted sum
 * by N. Logits are on a 0.5 grid, weights on a 0.5 grid, classes counted from 0, as in PyTorch.
 */

const IGNORE = -100;
const WEIGHT_CHOICES = [0.5, 1, 1.5, 2, 2.5, 3] as const;
const sum = (v: readonly number[]) => v.reduce((s, x) => s + x, 0);
/** a weight as the prompt writes it: 2, 0.5 */
export const weightText = (w: number) => String(w);

function drawLogits(rng: Random, rows: number, classes: number): number[][] {
  return Array.from({ length: rows }, () => Array.from({ length: classes }, () => (rng.int(11) - 4) / 2));
}

function drawWeights(rng: Random, classes: number): number[] {
  for (;;) {
    const w = Array.from({ length: classes }, () => WEIGHT_CHOICES[rng.int(WEIGHT_CHOICES.length)] as number);
    if (new Set(w).size > 1) return w;
  }
}

export interface WeightedMeanNumbers {
  logits: readonly (readonly number[])[];
  /** class indices; IGNORE (−100) for an ignored sample */
  targets: readonly number[];
  weight: readonly number[];
  /** −log p_{n,t_n} of each sample, as reduction='none' without weight prints it (0 for an ignored one), from the core */
  nll: readonly number[];
  /** the same to 4 decimals, as the prompt shows them */
  shown: readonly number[];
  /** nn.CrossEntropyLoss(weight=w)(z, t), from the core */
  mean: number;
}

const FOUR = (x: number) => Number(x.toFixed(4));

export const WEIGHTED_MEAN_EXERCISE: ExerciseSpec<WeightedMeanNumbers> = {
  entry: WEIGHTED_MEAN_ENTRY,
  seedKey: 'wm',
  make(seed) {
    const rng = createRandom(seed);
    for (;;) {
      const logits = drawLogits(rng, 4, 3);
      const targets = logits.map(() => rng.int(3));
      if (rng.int(2) === 0) targets[rng.int(4)] = IGNORE;
      const weight = drawWeights(rng, 3);
      const nll = Array.from(crossEntropy(logits, targets, { reduction: 'none', ignoreIndex: IGNORE }));
      const mean = crossEntropy(logits, targets, { weight, ignoreIndex: IGNORE });
      const shown = nll.map(FOUR);
      const kept = targets.map((t, n) => n).filter((n) => targets[n] !== IGNORE);
      const weights = kept.map((n) => weight[targets[n] as number] as number);
      // the mean a learner gets from the 4-decimal losses must round as the truth does, and the
      // denominators that are mistakes must differ from the right one, so each can be named
      const fromShown = sum(kept.map((n, k) => (weights[k] as number) * (shown[n] as number))) / sum(weights);
      // (rounded to 3 figures, it must be within half a unit of the truth, as the grading asks)
      const fair = Math.abs(fromShown - mean) < 0.2 * halfUnit(mean, 3) && sameToFigures(Number(fromShown.toPrecision(3)), mean, 3);
      const distinct = sum(weights) !== kept.length && sum(weights) !== 4 && sum(weights) !== sum(weight);
      // dividing by w.sum() must not land on the N or count mistake, so the message names what was done
      const wholeVector = sum(weight) !== 4 && sum(weight) !== kept.length;
      // with equal weights on the kept samples (or losses alike enough) the unweighted mean is right to
      // 3 figures, and the exercise tests nothing
      const unweighted = sum(kept.map((n) => nll[n] as number)) / kept.length;
      const weighted = new Set(weights).size > 1;
      // and each named mistake (with nothing ignored, dividing by the count is dividing by N) must be
      // two half-units from the truth and from the others, so a rounded answer is named as what it is
      const top = sum(kept.map((n, k) => (weights[k] as number) * (nll[n] as number)));
      const named = [top / 4, ...(kept.length < 4 ? [top / kept.length] : []), unweighted, top / sum(weight), top];
      const apart = (a: number, b: number) => Math.abs(a - b) > 2 * Math.max(halfUnit(a, 3), halfUnit(b, 3));
      const separated = named.every((v, i) => apart(v, mean) && named.every((u, j) => j <= i || apart(u, v)));
      if (fair && distinct && wholeVector && weighted && separated) return { logits, targets, weight, nll, shown, mean };
    }
  },
  answer: {
    kind: 'number',
    label: 'L',
    figures: 3,
    truth: ({ mean }) => mean,
    mistakes: ({ targets, weight, nll }) => {
      const kept = targets.map((_, n) => n).filter((n) => targets[n] !== IGNORE);
      const weighted = sum(kept.map((n) => (weight[targets[n] as number] as number) * (nll[n] as number)));
      const plain = sum(kept.map((n) => nll[n] as number));
      return [
        { value: weighted / targets.length, says: `that is Σ w[tₙ]·ℓₙ divided by N = ${targets.length}: the weighted mean divides by the sum of the kept samples’ class weights` },
        { value: weighted / kept.length, says: `that is Σ w[tₙ]·ℓₙ divided by the number of kept samples, ${kept.length}: the weighted mean divides by Σ w[tₙ], not by a count` },
        { value: plain / kept.length, says: 'that is the mean without weights: each ℓₙ counts w[tₙ] times' },
        { value: weighted / sum(weight), says: 'that divides by the sum of the weight vector, each class once: PyTorch adds w[tₙ] once per kept sample' },
        { value: weighted, says: 'that is the weighted sum, reduction=’sum’: the mean divides it by Σ w[tₙ]' },
      ];
    },
  },
  hints: ({ targets }) => [
    `Multiply each ℓₙ by the weight of its sample’s class, w[tₙ]${targets.includes(IGNORE) ? ', and leave out the ignored sample' : ''}, and add them up.`,
    'Divide by the sum of the same weights, w[tₙ] over the kept samples: not by N.',
  ],
  worked: ({ targets, weight, shown, mean }) => {
    const kept = targets.map((_, n) => n).filter((n) => targets[n] !== IGNORE);
    const terms = kept.map((n) => `${weightText(weight[targets[n] as number] as number)} × ${(shown[n] as number).toFixed(4)}`);
    const weights = kept.map((n) => weightText(weight[targets[n] as number] as number));
    const top = sum(kept.map((n) => (weight[targets[n] as number] as number) * (shown[n] as number)));
    const bottom = sum(kept.map((n) => weight[targets[n] as number] as number));
    const skipped = targets.includes(IGNORE) ? ` Sample ${targets.indexOf(IGNORE)} is ignored: it is in neither sum.` : '';
    return `Σ w[tₙ]·ℓₙ = ${terms.join(' + ')} = ${top.toFixed(4)}; Σ w[tₙ] = ${weights.join(' + ')} = ${bottom}.${skipped} L = ${top.toFixed(4)} / ${bottom} = ${figuresText(mean, 3)}.`;
  },
  truthText: ({ mean }) => `L = ${figuresText(mean, 3)}`,
};

export interface WeightBugNumbers {
  logits: readonly (readonly number[])[];
  targets: readonly number[];
  weight: readonly number[];
  /** what nn.CrossEntropyLoss(weight=w) prints, from the core */
  torch: number;
  /** what the port prints: the core's weighted sum divided by N */
  port: number;
}

export const WEIGHT_BUG_EXERCISE: ExerciseSpec<WeightBugNumbers> = {
  entry: WEIGHT_BUG_ENTRY,
  seedKey: 'wb',
  make(seed) {
    const rng = createRandom(seed);
    for (;;) {
      const logits = drawLogits(rng, 3, 3);
      const targets = logits.map(() => rng.int(3));
      const weight = drawWeights(rng, 3);
      const wt = sum(targets.map((t) => weight[t] as number));
      // every wrong line must print a number of its own; with one weight for all three samples the
      // weighted mean is the plain mean, and w[t].mean() * nll.mean() would print it too
      if (wt === 3 || wt === sum(weight) || new Set(targets).size === 3) continue;
      const wts = targets.map((t) => weight[t] as number);
      if (new Set(wts).size === 1) continue;
      const total = crossEntropy(logits, targets, { weight, reduction: 'sum' });
      const torch = crossEntropy(logits, targets, { weight });
      const nll = crossEntropy(logits, targets, { reduction: 'none' });
      const lines = [torch, total / sum(weight), total / targets.length, (sum(wts) / 3) * (sum(Array.from(nll)) / 3)];
      if (new Set(lines.map((v) => v.toFixed(4))).size < lines.length) continue;
      return { logits, targets, weight, torch, port: total / targets.length };
    }
  },
  answer: {
    kind: 'choice',
    legend: 'Which last line prints what PyTorch prints?',
    options: () => [
      { value: 'wt', label: 'loss = (w[t] * nll).sum() / w[t].sum()' },
      { value: 'w', label: 'loss = (w[t] * nll).sum() / w.sum()' },
      { value: 'mean', label: 'loss = (w[t] * nll).mean()' },
      { value: 'product', label: 'loss = w[t].mean() * nll.mean()' },
    ],
    right: () => ['wt'],
    mistakes: ({ targets, weight }) => ({
      w: `w.sum() = ${weightText(sum(weight))} adds each class’s weight once; PyTorch adds the weight of each sample’s class, w[t].sum() = ${weightText(sum(targets.map((t) => weight[t] as number)))}`,
      mean: '.mean() divides by N again: it is the line with the bug',
      product: 'a product of two means is not a weighted mean: the weights must multiply each sample’s own loss',
    }),
  },
  hints: () => [
    'The bug divides a weighted sum by N. A weighted mean divides by the sum of the weights that were used.',
    'Which weights were used? One per sample: the weight of that sample’s class, w[t].',
  ],
  worked: ({ targets, weight, torch, port }) => {
    const wt = targets.map((t) => weightText(weight[t] as number));
    return `The weights used are w[t] = [${wt.join(', ')}], which add up to ${weightText(sum(targets.map((t) => weight[t] as number)))}, not N = 3. Dividing by it turns the port’s ${figuresText(port, 4)} into PyTorch’s ${figuresText(torch, 4)}.`;
  },
  truthText: ({ torch }) => `dividing by w[t].sum() prints ${figuresText(torch, 4)}, as PyTorch does`,
};
