import { createRandom } from '../../core/random';
import type { Network } from '../../core/network';
import { figuresText } from '../../exercises/grading';
import type { ExerciseSpec } from '../../exercises/exerciseSpec';
import { backwardPass } from './backwardPassMath';
import { BATCH_DIVISOR_ENTRY, OUTPUT_GRADIENT_ENTRY } from './index';

/**
 * Chapter 8's exercises. Their numbers come from their own seed, not from the chapter's run: a network
 * small enough to work by hand, whose gradients the core's forward and backward pass computes.
 */

const SUB = ['₁', '₂', '₃', '₄'] as const;
const sub = (k: number) => SUB[k] ?? String(k + 1);
const num = (v: number) => String(v).replace('-', '−');
const pair = (a: readonly number[]) => `(${a.map(num).join(', ')})`;
/** p − y in this exercise is always 1/3 or −2/3: written as the fraction, as the learner works it */
const third = (v: number) => (v > 0 ? '1/3' : '−2/3');

export interface OutputGradientNumbers {
  /** m = 2 samples: x₁ and x₂, each two inputs on the 0.5 grid */
  x: readonly (readonly number[])[];
  /** W₁ (2 × 2) by rows, on the 0.5 grid; b₁ = 0, W₂ = 0, b₂ = 0 */
  w1: readonly (readonly number[])[];
  /** each sample's class, 0, 1 or 2 */
  labels: readonly number[];
  /** the entry asked for: (∂L/∂W₂) at hidden unit j, class k */
  j: number;
  k: number;
  /** the core's pass: rows of Z₁, A₁, P − Y, and ∂L/∂W₂ (2 × 3, row-major) for the mean */
  z1: readonly (readonly number[])[];
  a1: readonly (readonly number[])[];
  pMinusY: readonly (readonly number[])[];
  dw2: readonly number[];
}

const M = 2;
const HIDDEN = 2;
const CLASSES = 3;

/** The core's forward and backward pass (mean over the m = 2 samples) of the 2-2-3 ReLU net with W₂ = 0. */
function passOf(x: readonly (readonly number[])[], w1: readonly (readonly number[])[], labels: readonly number[]) {
  const net: Network = {
    shape: { inputs: 2, hidden: HIDDEN, outputs: CLASSES, activation: 'relu' },
    params: { w1: Float64Array.from(w1.flat()), b1: new Float64Array(HIDDEN), w2: new Float64Array(HIDDEN * CLASSES), b2: new Float64Array(CLASSES) },
  };
  const data = { x: Float64Array.from(x.flat()), labels: Int32Array.from(labels), m: M, classes: CLASSES };
  const pass = backwardPass(net, data, 'mean');
  const rows = (a: Float64Array, width: number) => Array.from({ length: M }, (_, i) => Array.from(a.subarray(i * width, (i + 1) * width)));
  const p = rows(pass.ws.p, CLASSES);
  return {
    z1: rows(pass.ws.z1, HIDDEN),
    a1: rows(pass.ws.a1, HIDDEN),
    pMinusY: p.map((row, i) => row.map((v, c) => v - (c === labels[i] ? 1 : 0))),
    dw2: Array.from(pass.ws.grads.w2),
  };
}

/** A value on the 0.5 grid in [−limit, limit]. */
const half = (rng: ReturnType<typeof createRandom>, limit: number) => (rng.int(4 * limit + 1) - 2 * limit) / 2 || 0;

/** Σᵢ u[i][a] · v[i][b] / m: a column of one matrix against a column of another, for the named mistakes. */
const columns = (u: readonly (readonly number[])[], a: number, v: readonly (readonly number[])[], b: number) =>
  u.reduce((s, row, i) => s + (row[a] ?? NaN) * (v[i]?.[b] ?? NaN), 0) / M;

export const OUTPUT_GRADIENT_EXERCISE: ExerciseSpec<OutputGradientNumbers> = {
  entry: OUTPUT_GRADIENT_ENTRY,
  seedKey: 'gw',
  make(seed) {
    const rng = createRandom(seed);
    // Draw until the entry asked for is not 0 (its hidden unit is on for some sample): at most a few draws.
    for (;;) {
      const x = [0, 1].map(() => [half(rng, 2), half(rng, 2)]);
      const w1 = [0, 1].map(() => [half(rng, 1.5), half(rng, 1.5)]);
      const labels = [rng.int(CLASSES), rng.int(CLASSES)];
      const j = rng.int(HIDDEN);
      const k = rng.int(CLASSES);
      const pass = passOf(x, w1, labels);
      if (Math.abs(pass.dw2[j * CLASSES + k] ?? 0) > 1e-9) return { x, w1, labels, j, k, ...pass };
    }
  },
  answer: {
    kind: 'number',
    label: '∂L/∂W₂ entry',
    figures: 3,
    truth: ({ dw2, j, k }) => dw2[j * CLASSES + k] as number,
    mistakes: ({ dw2, j, k, z1, a1, pMinusY }) => {
      const truth = dw2[j * CLASSES + k] as number;
      const named = [
        { value: M * truth, says: `that is the sum over the two samples: the loss is their mean, so the sum is still to be divided by m = ${M}` },
        { value: -truth, says: 'that is the sign flipped, from Y − P: the gradient at the logits is P − Y, probability minus target' },
        { value: columns(z1, j, pMinusY, k), says: `that uses Z₁ for A₁: the ReLU was left out, and A₁ = max(0, Z₁) has a 0 where Z₁ is negative` },
      ];
      // (P − Y)ᵀA₁ is 3 × 2: its entry (j, k) exists when k is a hidden unit, and is another weight's gradient.
      if (k < HIDDEN) named.push({ value: columns(pMinusY, j, a1, k), says: `that is entry (${j + 1}, ${k + 1}) of (P − Y)ᵀA₁/m, the transpose: ∂L/∂W₂ = A₁ᵀ(P − Y)/m is H × 3 like W₂, row ${j + 1} for hidden unit ${j + 1}, column ${k + 1} for class ${k + 1}` });
      return named;
    },
  },
  hints: ({ j, k }) => [
    'With W₂ = 0 and b₂ = 0 every logit is 0, so every row of P is (1/3, 1/3, 1/3). Work out A₁ = max(0, XW₁) and P − Y first.',
    `∂L/∂W₂ = A₁ᵀ(P − Y)/m, so its entry (${j + 1}, ${k + 1}) is column ${j + 1} of A₁ against column ${k + 1} of P − Y, summed over the two samples and divided by m = ${M}.`,
  ],
  worked: ({ j, k, z1, a1, pMinusY, dw2 }) => {
    const terms = a1.map((row, i) => `${num(row[j] as number)} · (${third(pMinusY[i]?.[k] as number)})`).join(' + ');
    return (
      `Z₁ = XW₁ has rows ${z1.map(pair).join(' and ')}, so A₁ = max(0, Z₁) has rows ${a1.map(pair).join(' and ')}. ` +
      `P − Y has rows ${pMinusY.map((row) => `(${row.map(third).join(', ')})`).join(' and ')}. ` +
      `So (∂L/∂W₂)${sub(j)}${sub(k)} = (${terms}) / ${M} = ${figuresText(dw2[j * CLASSES + k] as number, 3)}.`
    );
  },
  truthText: ({ j, k, dw2 }) => `(∂L/∂W₂)${sub(j)}${sub(k)} = ${figuresText(dw2[j * CLASSES + k] as number, 3)}`,
};

export interface BatchDivisorNumbers {
  /** the batch size and the number of classes in the prompt */
  m: number;
  C: number;
}

const BATCHES = [4, 8, 10, 16, 20, 32, 50, 64, 100, 128] as const;
const CLASS_COUNTS = [3, 4, 5, 10] as const;

export const BATCH_DIVISOR_EXERCISE: ExerciseSpec<BatchDivisorNumbers> = {
  entry: BATCH_DIVISOR_ENTRY,
  seedKey: 'bg',
  make(seed) {
    const rng = createRandom(seed);
    for (;;) {
      const m = BATCHES[rng.int(BATCHES.length)] as number;
      const C = CLASS_COUNTS[rng.int(CLASS_COUNTS.length)] as number;
      if (m !== C) return { m, C };
    }
  },
  answer: {
    kind: 'choice',
    legend: 'What goes wrong?',
    options: ({ m, C }) => [
      { value: 'none', label: 'Nothing: dividing by P.size is the mean over the batch.' },
      { value: 'm', label: `Every gradient is ${m} times too small (m = ${m}).` },
      { value: 'c', label: `Every gradient is ${C} times too small (C = ${C}).` },
      { value: 'mc', label: `Every gradient is ${m * C} times too small (m·C = ${m * C}).` },
      { value: 'sign', label: 'The gradients point the wrong way, so the loss rises.' },
      { value: 'error', label: 'NumPy raises an error: the shapes do not match.' },
    ],
    right: () => ['c'],
    mistakes: ({ m, C }) => ({
      none: `The mean over the batch divides by m = ${m}, the number of samples; P.size counts every entry of P, m·C = ${m * C}`,
      m: `Dividing by m = ${m} is the mean’s, and it is right; P.size = m·C divides by C = ${C} more than that`,
      mc: `The mean divides by m = ${m} anyway, so only the factor the mean does not have, C = ${C}, is wrong`,
      sign: `P.size is positive: dividing by it keeps every sign, so every step still goes downhill, only shorter`,
      error: 'P.size is a plain number, so the division is fine for NumPy: nothing raises, which is why the slip goes unnoticed',
    }),
  },
  hints: () => [
    'The loss is the mean over the batch: L = (1/m) Σᵢ ℓᵢ. What does P.size count?',
    'Every gradient of the backward pass is a product with dZ₂, so a factor in dZ₂ goes into all of them. Compare P.size with the right divisor.',
  ],
  worked: ({ m, C }) =>
    `The mean over the batch gives dZ₂ = (P − Y)/m, with m = ${m}. P has shape (m, C), so P.size = m·C = ${m * C}: ` +
    `C = ${C} times the right divisor. dW₂, db₂, dA₁, dZ₁, dW₁ and db₁ are all linear in dZ₂, so every gradient is ${C} times too small. ` +
    `Nothing raises and the loss still falls, but gradient descent steps as if η were η/${C}: training is slower, and a check against a central difference of the mean loss fails by the factor ${C}.`,
  truthText: ({ C }) => `every gradient is C = ${C} times too small, as if η were η/${C}`,
};

export { sub as backpropSubscript, pair as backpropPair };
