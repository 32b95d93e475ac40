import { createRandom, crossEntropy, type Random } from '../../core';
import { figuresText } from '../../exercises/grading';
import { distinctOnGrid } from '../../exercises/drawNumbers';
import type { ExerciseSpec } from '../../exercises/exerciseSpec';
import { crossEntropyGradient, gradientStep } from './crossEntropyGradientMath';
import { GRADIENT_ENTRY, SIGN_PATTERN_ENTRY, STEP_BUG_ENTRY } from './index';

/**
 * Chapter 4's exercises. Each draws its logits from its seed: three or four of them, on a grid of 0.1
 * in [−3, 3], so they can be typed into a calculator (or set on the explorer's sliders) as shown; a
 * label is a true class, or (for the sign pattern) sometimes a soft label on a grid of 0.1. Every
 * number graded is the chapter's (crossEntropyGradient: the core's softmax and fused gradient).
 */

const SUB = ['₁', '₂', '₃', '₄'] as const;
const sub = (k: number) => SUB[k] ?? String(k + 1);
const minus = (v: number) => String(v).replace('-', '−');
const list = (v: readonly number[]) => `(${v.map(minus).join(', ')})`;

/** Three or four distinct logits on the 0.1 grid in [−3, 3]. */
function drawLogits(rng: Random): number[] {
  return distinctOnGrid(rng, 3 + rng.int(2), -3, 3, 0.1);
}

const oneHot = (count: number, t: number) => Array.from({ length: count }, (_, i) => (i === t ? 1 : 0));

export interface GradientNumbers {
  z: readonly number[];
  /** the true class, from 0 */
  t: number;
  /** the class whose entry ∂L/∂z_k is asked for */
  k: number;
  y: readonly number[];
  p: Float64Array;
  /** the core's ∂L/∂z = p − y */
  g: Float64Array;
}

export const GRADIENT_EXERCISE: ExerciseSpec<GradientNumbers> = {
  entry: GRADIENT_ENTRY,
  seedKey: 'gk',
  make(seed) {
    const rng = createRandom(seed);
    const z = drawLogits(rng);
    const t = rng.int(z.length);
    // the true class half the time, another class the other half
    const k = rng.int(2) === 0 ? t : (t + 1 + rng.int(z.length - 1)) % z.length;
    const y = oneHot(z.length, t);
    const numbers = crossEntropyGradient(z, y);
    return { z, t, k, y, p: numbers.probabilities, g: numbers.gradient };
  },
  answer: {
    kind: 'number',
    label: ({ k }) => `∂L/∂z${sub(k)}`,
    figures: 3,
    truth: ({ g, k }) => g[k] as number,
    mistakes: ({ p, g, k, t }) => {
      const pk = p[k] as number;
      const b = sub(k);
      if (k === t) {
        return [
          { value: -1 / pk, says: `that is −y${b}/p${b} = −1/p${b}, the gradient with respect to p${b}: it still has to go through the softmax to reach z${b}` },
          { value: pk, says: `that is p${b} alone: the −y${b} = −1 of the true class was left out` },
          { value: 1 - pk, says: `that is y${b} − p${b}: the sign is flipped, which is the negative gradient, the way descent moves` },
        ];
      }
      return [
        {
          value: 0,
          says: `that is 0, what −y${b}/p${b} (the gradient with respect to p${b}) and the diagonal-only −y${b}(1 − p${b}) give for a class with y${b} = 0: z${b} still reaches L through the true class’s p${sub(t)}`,
        },
        { value: -pk, says: `that is y${b} − p${b}: the sign is flipped, which is the negative gradient, the way descent moves` },
        { value: g[t] as number, says: `that is ∂L/∂z${sub(t)}, the true class’s entry: the question asks for class ${k + 1}` },
      ];
    },
  },
  hints: ({ k, t }) => [
    `The chain rule through softmax collapses to ∂L/∂z = p − y: compute p${sub(k)} = softmax(z)${sub(k)} first.`,
    k === t
      ? `Class ${k + 1} is the true class, so y${sub(k)} = 1 and the entry is p${sub(k)} − 1: negative. Keep 6 figures in p${sub(k)}, since subtracting 1 cancels its leading ones.`
      : `Class ${k + 1} is not the true class, so y${sub(k)} = 0 and the entry is p${sub(k)} itself: positive.`,
  ],
  worked: ({ z, k, y, p, g }) => {
    const e = z.map(Math.exp);
    const total = e.reduce((s, v) => s + v, 0);
    return (
      // six figures, so that the division shown gives p to the figures p − 1 needs when it cancels
      `The exponentials sum to ${figuresText(total, 6)}, so p${sub(k)} = ${figuresText(e[k] as number, 6)} / ${figuresText(total, 6)} = ${figuresText(p[k] as number, 6)}. ` +
      `With y${sub(k)} = ${y[k]}, ∂L/∂z${sub(k)} = p${sub(k)} − y${sub(k)} = ${figuresText(g[k] as number, 3)}.`
    );
  },
  truthText: ({ k, g }) => `∂L/∂z${sub(k)} = ${figuresText(g[k] as number, 3)}`,
  explore: ({ z, y }) => ({ what: 'the cross-entropy gradient explorer', inputs: { logits: [...z], labels: [...y] } }),
};

export interface SignNumbers {
  z: readonly number[];
  y: readonly number[];
  /** the true class of a hard label, or undefined for a soft one */
  t: number | undefined;
  p: Float64Array;
  g: Float64Array;
}

/** Entries of p − y closer to 0 than this are redrawn: their sign would hang on the last digit. */
export const SIGN_MARGIN = 0.02;

/** A soft label on the 0.1 grid: two or three classes share the weight, none of them all of it. */
function drawSoftLabel(rng: Random, count: number): number[] {
  const y = new Array<number>(count).fill(0);
  const shared = 2 + rng.int(Math.min(2, count - 1));
  const classes: number[] = [];
  while (classes.length < shared) {
    const c = rng.int(count);
    if (!classes.includes(c)) classes.push(c);
  }
  // tenths: each class at least one, all ten shared out
  const tenths = classes.map(() => 1);
  for (let left = 10 - shared; left > 0; left--) {
    const i = rng.int(shared);
    tenths[i] = (tenths[i] as number) + 1;
  }
  classes.forEach((c, i) => (y[c] = (tenths[i] as number) / 10));
  return y;
}

const classesWhere = (v: ArrayLike<number>, test: (x: number, i: number) => boolean) => Array.from(v).flatMap((x, i) => (test(x, i) ? [String(i + 1)] : []));
const key = (values: readonly string[]) => [...values].sort().join(',');
const names = (values: readonly string[]) => values.map((v) => `z${sub(Number(v) - 1)}`).join(', ');

export const SIGN_PATTERN_EXERCISE: ExerciseSpec<SignNumbers> = {
  entry: SIGN_PATTERN_ENTRY,
  seedKey: 'sg',
  make(seed) {
    // offset, so that each exercise's first set of numbers (seed 1) is not another's
    const rng = createRandom(seed + 1000);
    for (;;) {
      const z = drawLogits(rng);
      const soft = rng.int(2) === 0;
      const t = soft ? undefined : rng.int(z.length);
      const y = t === undefined ? drawSoftLabel(rng, z.length) : oneHot(z.length, t);
      const { probabilities: p, gradient: g } = crossEntropyGradient(z, y);
      if (Array.from(g).every((v) => Math.abs(v) >= SIGN_MARGIN)) return { z, y, t, p, g };
    }
  },
  answer: {
    kind: 'choices',
    legend: 'Which entries of ∂L/∂z are negative?',
    options: ({ z }) => z.map((_, i) => ({ value: String(i + 1), label: `∂L/∂z${sub(i)}` })),
    right: ({ g }) => classesWhere(g, (v) => v < 0),
    mistakes: ({ g, y, p }) => {
      const right = key(classesWhere(g, (v) => v < 0));
      const named: Record<string, string> = {};
      const add = (values: readonly string[], says: string) => {
        const k = key(values);
        if (values.length > 0 && k !== right && !(k in named)) named[k] = says;
      };
      add(classesWhere(g, (v) => v > 0), 'those are the positive entries: the sign is flipped, as if the gradient were y − p, the direction descent moves');
      add(
        y.map((_, i) => String(i + 1)),
        'they cannot all be negative: the entries of p − y sum to 1 − 1 = 0',
      );
      add(classesWhere(y, (v) => v > 0), 'those are the classes the label gives weight to: an entry p − y is negative only where yⱼ is larger than pⱼ');
      const heaviest = Array.from(y).indexOf(Math.max(...y));
      add([String(heaviest + 1)], `that is the hard-label answer, class ${heaviest + 1} alone: with a soft label, every class whose yⱼ is larger than its pⱼ is negative`);
      const likeliest = Array.from(p).indexOf(Math.max(...p));
      add([String(likeliest + 1)], `that is the class with the largest probability; the sign of pⱼ − yⱼ depends on the label too`);
      return named;
    },
  },
  hints: ({ t }) => [
    'Each entry is ∂L/∂zⱼ = pⱼ − yⱼ: it is negative exactly where the label wants more probability than softmax gives.',
    t === undefined
      ? 'The label is soft: compute p = softmax(z) and compare each pⱼ with yⱼ.'
      : `The label is hard: y${sub(t)} = 1 and every other yⱼ = 0, and every pⱼ lies strictly between 0 and 1.`,
  ],
  worked: ({ p, y, g }) => {
    const negative = classesWhere(g, (v) => v < 0);
    return (
      `p = ${list(Array.from(p, (v) => Number(v.toFixed(3))))} and y = ${list(y)}, so p − y = ${list(Array.from(g, (v) => Number(v.toFixed(3))))}. ` +
      `The negative ${negative.length === 1 ? 'entry is' : 'entries are'} ${names(negative)}.`
    );
  },
  truthText: ({ g }) => `negative: ${names(classesWhere(g, (v) => v < 0))}`,
  explore: ({ z, y }) => ({ what: 'the cross-entropy gradient explorer', inputs: { logits: [...z], labels: [...y] } }),
};

export interface StepBugNumbers {
  z: readonly number[];
  t: number;
  y: readonly number[];
  eta: number;
  /** the loss before the step, and after the step as the code takes it, z + η(p − y) */
  before: number;
  after: number;
}

/** The options of the spot-the-bug exercise: what goes wrong with the code shown. */
export const STEP_BUG_OPTIONS = [
  { value: 'uphill', label: 'The loss goes up: y − p is the negative gradient, so subtracting it climbs.' },
  { value: 'fine', label: 'Nothing: y − p is ∂L/∂z, and descent subtracts the gradient.' },
  { value: 'diagonal', label: 'The gradient keeps only the Jacobian’s diagonal, so only the true class moves.' },
  { value: 'mean', label: 'The step is too large: the gradient must first be divided by the number of classes.' },
] as const;

export const STEP_BUG_EXERCISE: ExerciseSpec<StepBugNumbers> = {
  entry: STEP_BUG_ENTRY,
  seedKey: 'sb',
  make(seed) {
    const rng = createRandom(seed + 2000);
    const z = drawLogits(rng);
    const t = rng.int(z.length);
    const y = oneHot(z.length, t);
    const eta = (1 + rng.int(10)) / 10;
    // the code's step, z − η(y − p) = z + η(p − y): a descent step with the rate negated
    const stepped = gradientStep(z, y, -eta);
    return { z, t, y, eta, before: crossEntropy([z], [y]), after: crossEntropy([stepped], [y]) };
  },
  answer: {
    kind: 'choice',
    legend: 'What goes wrong?',
    options: () => STEP_BUG_OPTIONS,
    right: () => ['uphill'],
    mistakes: () => ({
      fine: 'y − p is the negative of ∂L/∂z = p − y; code that writes y − p must add it, z + η(y − p), not subtract it',
      diagonal: 'every entry of y − p is there, the true class’s and the others’: nothing is dropped, only the sign is wrong',
      mean: 'p − y needs no division by the number of classes (only by the batch size m, for a mean over a batch); the trouble is the sign',
    }),
  },
  hints: () => [
    'Write the gradient down: ∂L/∂z = p − y. Compare it with the second line.',
    'z − η × (y − p) is z + η(p − y): which way does that move the true class’s logit, whose p − y is negative?',
  ],
  worked: ({ t, eta, before, after }) =>
    `grad = y − p is −∂L/∂z, so z − η·grad = z + η(p − y): a step uphill. The true class’s logit goes down by η(1 − p${sub(t)}) and every other logit goes up. ` +
    `With η = ${eta}, the loss goes up, from ${figuresText(before, 3)} to ${figuresText(after, 3)}.`,
  truthText: ({ before, after }) => `the step is uphill: the loss rises from ${figuresText(before, 3)} to ${figuresText(after, 3)}`,
};

export { list as numberList, sub as classSubscript };
