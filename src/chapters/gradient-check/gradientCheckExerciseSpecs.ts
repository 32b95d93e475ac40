import { createRandom } from '../../core/random';
import { crossEntropy } from '../../core/crossEntropy';
import { crossEntropyGrad } from '../../core/crossEntropyGrad';
import { differenceQuotient } from '../../core/gradientCheck';
import { figuresText } from '../../exercises/grading';
import type { ExerciseSpec } from '../../exercises/exerciseSpec';
import { ALIAS_ENTRY, CENTRAL_DIFFERENCE_ENTRY } from './index';

/**
 * Chapter 9's exercises. Each differentiates the chapter's function, the loss L(z) = −ln p_t of three
 * logits, in one logit z_k. The logits are on a grid of 0.1 in [−3, 3], so they can be typed into a
 * calculator as shown.
 */

const SUB = ['₁', '₂', '₃'] as const;
const sub = (k: number) => SUB[k] ?? String(k + 1);
const signed = (v: number) => String(v).replace('-', '−');
const list = (z: readonly number[]) => `(${z.map(signed).join(', ')})`;

/** The loss −ln p_t at z, from the core. */
function loss(z: readonly number[], t: number): number {
  return crossEntropy([z], [t]);
}

/** The loss as a function of the logit z_k alone, the others held at z. */
function lossIn(z: readonly number[], t: number, k: number): (x: number) => number {
  return (x) => loss(z.map((v, j) => (j === k ? x : v)), t);
}

/** Three logits on the 0.1 grid in [−3, 3], the true class t and the logit k differentiated. */
function drawCase(seed: number): { z: number[]; t: number; k: number; rng: ReturnType<typeof createRandom> } {
  const rng = createRandom(seed);
  const z = Array.from({ length: 3 }, () => (rng.int(61) - 30) / 10);
  return { z, t: rng.int(3), k: rng.int(3), rng };
}

export interface CentralDifferenceNumbers {
  z: readonly number[];
  t: number;
  k: number;
  h: number;
  /** L at z_k + h and z_k − h (and at z_k, for the forward difference) */
  plus: number;
  minus: number;
  at: number;
  /** the central difference (L(z_k + h) − L(z_k − h)) / (2h), as the core computes it */
  central: number;
  /** (L(z_k + h) − L(z_k)) / h */
  forward: number;
  /** ∂L/∂z_k = p_k − y_k, the analytic derivative */
  analytic: number;
}

const STEPS = [0.2, 0.5, 1] as const;

export const CENTRAL_DIFFERENCE_EXERCISE: ExerciseSpec<CentralDifferenceNumbers> = {
  entry: CENTRAL_DIFFERENCE_ENTRY,
  seedKey: 'cd',
  make(seed) {
    const { z, t, k, rng } = drawCase(seed);
    const h = STEPS[rng.int(STEPS.length)] as number;
    const f = lossIn(z, t, k);
    const x = z[k] as number;
    return {
      z,
      t,
      k,
      h,
      plus: f(x + h),
      minus: f(x - h),
      at: f(x),
      central: differenceQuotient(f, x, h, 'central'),
      forward: differenceQuotient(f, x, h, 'forward'),
      analytic: crossEntropyGrad([z], [t])[0]![k] as number,
    };
  },
  answer: {
    kind: 'number',
    label: 'estimate',
    figures: 3,
    truth: ({ central }) => central,
    mistakes: ({ central, forward, analytic, k }) => [
      { value: forward, says: `that is the forward difference (L(z${sub(k)} + h) − L(z${sub(k)})) / h: the central one steps both ways, to z${sub(k)} + h and z${sub(k)} − h` },
      { value: 2 * central, says: 'that is twice the estimate: the two points are 2h apart, so the difference is divided by 2h, not by h' },
      { value: analytic, says: `that is the exact derivative p${sub(k)} − y${sub(k)}: the estimate at this h differs from it by the truncation error, about h²/6 · |L‴|` },
    ],
  },
  hints: ({ k, h }) => [
    `Compute the loss twice: with z${sub(k)} moved up by h = ${h}, and with it moved down by h. The other logits stay as they are.`,
    `L(z) = ln(e^z₁ + e^z₂ + e^z₃) − z_t. Subtract the second loss from the first and divide by the distance between the two points, 2h = ${2 * h}.`,
  ],
  worked: ({ z, k, h, plus, minus, central }) => {
    const up = z.map((v, j) => (j === k ? Number((v + h).toFixed(1)) : v));
    const down = z.map((v, j) => (j === k ? Number((v - h).toFixed(1)) : v));
    return (
      `At z = ${list(up)} the loss is ${figuresText(plus, 8)}; at z = ${list(down)} it is ${figuresText(minus, 8)}. ` +
      `The estimate is (${figuresText(plus, 8)} − ${figuresText(minus, 8)}) / ${2 * h} = ${figuresText(central, 3)}.`
    );
  },
  truthText: ({ k, h, central, analytic }) =>
    `the central difference at h = ${h} is ${figuresText(central, 3)}, against the exact ∂L/∂z${sub(k)} = ${figuresText(analytic, 4)}`,
};

/**
 * The two forms of the slip: 'zero', both copies made (and both moved) before f is called, so f sees x
 * twice; 'half', f(xp) called between the two moves, so it sees x + h and then x itself.
 */
export type AliasVariant = 'zero' | 'half';

export interface AliasNumbers {
  variant: AliasVariant;
  z: readonly number[];
  t: number;
  k: number;
  h: number;
  /** what the buggy loop puts in g[k] */
  printed: number;
  /** the true ∂L/∂z_k */
  analytic: number;
}

export const ALIAS_STEP = 1e-5;

/** What g[i] holds, in the words of the right option, by variant. */
const ALIAS_ANSWERS: Readonly<Record<AliasVariant, string>> = { zero: 'exactly 0, for every i', half: 'about half of the derivative' };

export const ALIAS_EXERCISE: ExerciseSpec<AliasNumbers> = {
  entry: ALIAS_ENTRY,
  seedKey: 'al',
  make(seed) {
    const { z, t, k, rng } = drawCase(seed);
    const variant: AliasVariant = rng.int(2) === 0 ? 'zero' : 'half';
    const f = lossIn(z, t, k);
    const x = z[k] as number;
    // 'half': f(x + h) − f(x) over 2h, half the forward difference; 'zero': f(x) − f(x)
    const printed = variant === 'half' ? differenceQuotient(f, x, ALIAS_STEP, 'forward') / 2 : (f(x) - f(x)) / (2 * ALIAS_STEP);
    return { variant, z, t, k, h: ALIAS_STEP, printed, analytic: crossEntropyGrad([z], [t])[0]![k] as number };
  },
  answer: {
    kind: 'choice',
    legend: 'What does this code put in g[i]?',
    options: () => [
      { value: 'fine', label: 'The central difference (f(x + h) − f(x − h)) / (2h), as intended' },
      { value: 'zero', label: 'Exactly 0, for every i' },
      { value: 'half', label: 'About half of the derivative' },
      { value: 'twice', label: 'About twice the derivative: it should divide by h' },
      { value: 'moved', label: 'The right value, but x is left moved by h, so every later entry is checked at the wrong point' },
    ],
    right: ({ variant }) => [variant],
    mistakes: ({ variant }) => ({
      fine: '“xp = x” makes no copy: xp, xm and x are one array, so xp[i] += h and xm[i] -= h both move x itself',
      twice: 'dividing by 2h is right for a central difference; the fault is in the points f is called at',
      moved: 'both moves act on x, +h and then −h: they cancel, and x ends where it started (up to rounding). The harm is in the values f sees',
      ...(variant === 'zero'
        ? { half: 'that would be so if f(xp) were called between the two moves; here both calls come after them, when x is back where it started' }
        : { zero: 'that would be so if both calls came after the two moves; here f(xp) is called in between, while x[i] is still moved up by h' }),
    }),
  },
  hints: ({ variant }) => [
    'In NumPy, “xp = x” gives the array a second name; it makes no copy. Follow x[i] through the lines one at a time.',
    variant === 'zero'
      ? 'After “xm[i] -= h”, where is x[i]? Both f(xp) and f(xm) are called after that line.'
      : 'When f(xp) is called, x[i] has moved up by h. Where is it when f(xm) is called?',
  ],
  worked: ({ variant, z, t, k, printed, analytic }) => {
    const start =
      variant === 'zero'
        ? 'xp and xm are both x. x[i] goes up by h and back down by h, and only then is f called, twice at the same point: the numerator is exactly 0.'
        : 'xp and xm are both x. f(xp) sees x[i] + h, then x[i] moves back down by h, so f(xm) sees x itself: the code computes (f(x + h) − f(x)) / (2h), half a forward difference.';
    return (
      `${start} For the loss of z = ${list(z)} with t = ${t + 1} and h = 10⁻⁵, entry ${k + 1} comes out as ` +
      `${figuresText(printed, 3)}, where ∂L/∂z${sub(k)} = ${figuresText(analytic, 3)} (write xp = x.copy() and xm = x.copy()). ` +
      `So the answer is: ${ALIAS_ANSWERS[variant]}.`
    );
  },
  truthText: ({ variant }) => `g[i] is ${ALIAS_ANSWERS[variant]}`,
};

export { list as logitList, sub as classSubscript };
