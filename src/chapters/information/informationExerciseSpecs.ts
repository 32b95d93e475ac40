import { createRandom, type Random } from '../../core/random';
import { distributionCrossEntropy, informationContent } from '../../core/information';
import { figuresText } from '../../exercises/grading';
import type { ExerciseSpec } from '../../exercises/exerciseSpec';
import { CROSS_ENTROPY_ENTRY, CLOSEST_PREDICTION_ENTRY, UNIT_BUG_ENTRY } from './index';

/**
 * Chapter 1's exercises. Each draws its distributions from its seed: three or four classes, every
 * probability a multiple of 0.1 and at least 0.1, so they can be typed into a calculator as shown.
 */

const SUB = ['₁', '₂', '₃', '₄'] as const;
const sub = (k: number) => SUB[k] ?? String(k + 1);
const list = (d: readonly number[]) => `(${d.join(', ')})`;

/** `count` probabilities, each a multiple of 0.1 and at least 0.1, summing to 1: ten tenths shared out at random. */
function drawTenths(rng: Random, count: number): number[] {
  const tenths = Array.from({ length: count }, () => 1);
  for (let left = 10 - count; left > 0; left--) {
    const i = rng.int(count);
    tenths[i] = (tenths[i] as number) + 1;
  }
  return tenths.map((t) => t / 10);
}

const oneHot = (count: number, t: number) => Array.from({ length: count }, (_, i) => (i === t ? 1 : 0));

export interface CrossEntropyNumbers {
  /** the prediction, 3 or 4 classes */
  p: readonly number[];
  /** the true class (0-based); y is one-hot at t */
  t: number;
  y: readonly number[];
}

/** (1) H(y, p) in bits for a one-hot y: only the true class's term is left, −log₂ pₜ. */
export const CROSS_ENTROPY_EXERCISE: ExerciseSpec<CrossEntropyNumbers> = {
  entry: CROSS_ENTROPY_ENTRY,
  seedKey: 'ce',
  make(seed) {
    const rng = createRandom(seed);
    const count = 3 + rng.int(2);
    const p = drawTenths(rng, count);
    const t = rng.int(count);
    return { p, t, y: oneHot(count, t) };
  },
  answer: {
    kind: 'number',
    label: 'H(y, p)',
    figures: 3,
    truth: ({ y, p }) => distributionCrossEntropy(y, p, 2),
    mistakes: ({ y, p, t }) => [
      { value: distributionCrossEntropy(y, p, 'e'), says: `that is −ln p${sub(t)}, the answer in nats: in bits it is −log₂ p${sub(t)}, the nats divided by ln 2` },
      { value: -distributionCrossEntropy(y, p, 2), says: `that is log₂ p${sub(t)} without its minus sign: a probability below 1 has a negative log, and information is never negative` },
      // another class's surprise; classes with the same probability are named together
      ...p.flatMap((pj, j) => {
        const same = p.flatMap((pk, k) => (k !== t && pk === pj ? [k] : []));
        if (j === t || same[0] !== j) return [];
        const which = same.map((k) => `−log₂ p${sub(k)}`).join(' = ');
        const classes = same.map((k) => `class ${k + 1}`).join(' and ');
        return [{ value: informationContent(pj, 2), says: `that is ${which}, the surprise of ${classes}: y is 0 there, so that term counts 0 times; only class ${t + 1} is left` }];
      }),
    ],
  },
  hints: ({ y, t }) => [
    `Write out the sum −Σ yᵢ log₂ pᵢ term by term with y = ${list(y)}: every class with yᵢ = 0 contributes nothing.`,
    `Only class ${t + 1} is left, so H(y, p) = −log₂ p${sub(t)}. A calculator without log₂ can use log₂ x = ln x / ln 2.`,
  ],
  worked: ({ p, t, y }) => {
    const pt = p[t] as number;
    const bits = distributionCrossEntropy(y, p, 2);
    return (
      `y is one-hot at class ${t + 1}, so every term but yₜ·(−log₂ pₜ) is 0: H(y, p) = −log₂ p${sub(t)} = −log₂ ${pt}. ` +
      `In nats that is −ln ${pt} = ${figuresText(distributionCrossEntropy(y, p, 'e'), 4)}; divided by ln 2 = 0.6931 it is ${figuresText(bits, 3)}.`
    );
  },
  truthText: ({ y, p }) => `H(y, p) = ${figuresText(distributionCrossEntropy(y, p, 2), 3)} bits`,
};

export interface ClosestPredictionNumbers {
  /** the target, soft: 3 classes, each at least 0.1 */
  y: readonly number[];
  /** three candidate predictions, A, B and C */
  candidates: readonly (readonly number[])[];
}

const LETTERS = ['A', 'B', 'C'] as const;

/** The index of the smallest of `values`. */
const argmin = (values: readonly number[]) => values.reduce((best, v, i) => (v < (values[best] as number) ? i : best), 0);

/** Which candidate puts the most on y's likeliest class (the first such one). */
function mostConfident({ y, candidates }: ClosestPredictionNumbers): number {
  const mode = y.indexOf(Math.max(...y));
  return argmin(candidates.map((c) => -(c[mode] as number)));
}

/** The candidate with the smallest H(p, y): the cross-entropy with its arguments swapped. */
const swappedBest = ({ y, candidates }: ClosestPredictionNumbers) => argmin(candidates.map((c) => distributionCrossEntropy(c, y, 2)));

const crossEntropies = ({ y, candidates }: ClosestPredictionNumbers) => candidates.map((c) => distributionCrossEntropy(y, c, 2));

/** The least gap, in bits, between the best candidate and the next, so the choice does not hang on rounding. */
const MARGIN = 0.02;

/** (2) Of three predictions, which has the smallest H(y, p) for a soft y? Confidence on y's likeliest class is the trap. */
export const CLOSEST_PREDICTION_EXERCISE: ExerciseSpec<ClosestPredictionNumbers> = {
  entry: CLOSEST_PREDICTION_ENTRY,
  seedKey: 'cp',
  make(seed) {
    const rng = createRandom(seed);
    // Draw until the best candidate wins by a margin, the most confident one is another, and none is y
    // itself (a few draws on average; the bound only guards the loop).
    for (let attempt = 0; attempt < 10_000; attempt++) {
      const y = drawTenths(rng, 3);
      if (Math.max(...y) > 0.6) continue;
      const candidates = [drawTenths(rng, 3), drawTenths(rng, 3), drawTenths(rng, 3)];
      const keys = new Set(candidates.map((c) => c.join(',')));
      if (keys.size < 3 || keys.has(y.join(','))) continue;
      const q = { y, candidates };
      const h = crossEntropies(q);
      const best = argmin(h);
      const gap = Math.min(...h.filter((_, i) => i !== best)) - (h[best] as number);
      if (gap >= MARGIN && mostConfident(q) !== best) return q;
    }
    throw new Error(`CLOSEST_PREDICTION_EXERCISE: no numbers for seed ${seed}`);
  },
  answer: {
    kind: 'choice',
    legend: 'Which prediction p gives the smallest cross-entropy H(y, p)?',
    // A, B, C, as the prompt names them
    ordered: true,
    options: ({ candidates }) => candidates.map((c, i) => ({ value: LETTERS[i] as string, label: `${LETTERS[i]}: p = ${list(c)}` })),
    right: (q) => [LETTERS[argmin(crossEntropies(q))] as string],
    mistakes: (q) => {
      const best = argmin(crossEntropies(q));
      const mode = q.y.indexOf(Math.max(...q.y));
      const confident = mostConfident(q);
      const swapped = swappedBest(q);
      const says: Record<string, string> = {
        [LETTERS[confident] as string]: `${LETTERS[confident]} is the most confident about class ${mode + 1}, y’s likeliest, but H(y, p) also charges −log₂ pᵢ on every other class y gives weight to, and ${LETTERS[confident]} starves them`,
      };
      if (swapped !== best && swapped !== confident) {
        says[LETTERS[swapped] as string] = `${LETTERS[swapped]} has the smallest H(p, y): y and p swapped. In H(y, p), y weighs the terms and p is inside the log`;
      }
      return says;
    },
  },
  hints: ({ y }) => [
    `H(y, p) = −Σ yᵢ log₂ pᵢ with y = ${list(y)}: each class counts as often as y says, and costs −log₂ pᵢ.`,
    `Compute the three sums. The best p is not the boldest one: it is the one that is, term by term, least surprised where y puts its weight.`,
  ],
  worked: (q) => {
    const h = crossEntropies(q);
    const best = argmin(h);
    return (
      `${h.map((v, i) => `H(y, p_${LETTERS[i]}) = ${figuresText(v, 3)}`).join(', ')} bits. ` +
      `The smallest is ${LETTERS[best]}, p = ${list(q.candidates[best] as number[])}.`
    );
  },
  truthText: (q) => {
    const h = crossEntropies(q);
    const best = argmin(h);
    return `${LETTERS[best]}: H(y, p) = ${figuresText(h[best] as number, 3)} bits`;
  },
};

/**
 * (3) Spot the bug: `-np.sum(y * np.log(p))` said to be in bits. The numbers are drawn as in (1), from
 * another stream of the seed, so that at the same seed (the default, 1) it does not show (1)'s answer.
 */
export const UNIT_BUG_EXERCISE: ExerciseSpec<CrossEntropyNumbers> = {
  entry: UNIT_BUG_ENTRY,
  seedKey: 'sb',
  make: (seed) => CROSS_ENTROPY_EXERCISE.make(seed + 7919),
  answer: {
    kind: 'choice',
    legend: 'What is wrong with the line?',
    // no option carries a number of its own: one that did would stand out as the answer
    options: () => {
      return [
        { value: 'nats', label: 'np.log is the natural log: it prints nats, not bits' },
        { value: 'fine', label: 'Nothing: it prints H(y, p) in bits' },
        { value: 'mean', label: 'np.sum should be np.mean: an average over the classes' },
        { value: 'sign', label: 'The minus sign: it makes the result negative' },
      ];
    },
    right: () => ['nats'],
    mistakes: ({ y, p, t }) => {
      const nats = distributionCrossEntropy(y, p, 'e');
      return {
        fine: `the line prints ${figuresText(nats, 3)} = −ln p${sub(t)}, in nats: np.log is ln, and bits need log₂ (np.log2, or divide by np.log(2))`,
        mean: `np.mean would divide by the ${p.length} classes, giving ${figuresText(nats / p.length, 3)}: H(y, p) is a sum over the classes, weighted by y`,
        sign: `log p${sub(t)} = ${figuresText(-nats, 3)} is negative, since p${sub(t)} < 1: the minus sign is what makes the surprise positive`,
      };
    },
  },
  hints: ({ p, t }) => [
    `Compute the line by hand: y is one-hot at class ${t + 1}, so it is −np.log(${p[t]}). Which logarithm is np.log?`,
    `np.log is ln, so the line gives nats; bits are nats divided by ln 2.`,
  ],
  worked: ({ y, p, t }) =>
    `The line computes −ln p${sub(t)} = −ln ${p[t]} = ${figuresText(distributionCrossEntropy(y, p, 'e'), 3)} nats. ` +
    `In bits: divide by ln 2, or use np.log2, to get ${figuresText(distributionCrossEntropy(y, p, 2), 3)}. The bug: np.log gives nats.`,
  truthText: ({ y, p }) => `np.log gives nats; in bits H(y, p) = ${figuresText(distributionCrossEntropy(y, p, 2), 3)}`,
};

export { list as distributionList, sub as classSubscript };
