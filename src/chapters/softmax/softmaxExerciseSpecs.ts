import { createRandom } from '../../core/random';
import { softmax } from '../../core/softmax';
import { figuresText } from '../../exercises/grading';
import { distinctOnGrid } from '../../exercises/drawNumbers';
import type { ExerciseSpec } from '../../exercises/exerciseSpec';
import { PROBABILITY_ENTRY, SHARES_ENTRY, TEMPERATURE_ENTRY } from './index';

/**
 * Chapter 2's exercises. Each draws its logits from its seed: three or four of them, on a grid of 0.1
 * in [−3, 3], so they can be typed into a calculator (or set on the explorer's sliders) as shown.
 */

const SUB = ['₁', '₂', '₃', '₄'] as const;
const sub = (k: number) => SUB[k] ?? String(k + 1);
const list = (z: readonly number[]) => `(${z.map((v) => String(v).replace('-', '−')).join(', ')})`;

/**
 * Three or four logits on the 0.1 grid in [−3, 3], no two equal, the class asked about, and the
 * generator, to draw what else the exercise needs. Each exercise has its own stream (seed + 100000 ×
 * stream, past the seeds' range), so the page's two exercises at the same seed show different logits.
 */
function drawLogits(seed: number, stream: 0 | 1) {
  const rng = createRandom(seed + 100000 * stream);
  const z = distinctOnGrid(rng, 3 + rng.int(2), -3, 3, 0.1);
  return { z, k: rng.int(z.length), rng };
}

export interface ProbabilityNumbers {
  z: readonly number[];
  k: number;
  p: Float64Array;
}

export const PROBABILITY_EXERCISE: ExerciseSpec<ProbabilityNumbers> = {
  entry: PROBABILITY_ENTRY,
  seedKey: 'pk',
  make(seed) {
    const { z, k } = drawLogits(seed, 0);
    return { z, k, p: softmax(z) };
  },
  answer: {
    kind: 'number',
    label: ({ k }) => `p${sub(k)}`,
    figures: 3,
    truth: ({ p, k }) => p[k] as number,
    mistakes: ({ z, p, k }) => {
      const total = z.reduce((s, v) => s + v, 0);
      const others = [...p.keys()].filter((j) => j !== k);
      return [
        { value: (z[k] as number) / total, says: `that is z${sub(k)} / Σz: the logits shared out without the exponential, which can even give a negative “probability”` },
        { value: Math.exp(z[k] as number), says: `that is exp(z${sub(k)}) alone: it still has to be divided by the sum of every class’s exponential` },
        ...others.map((j) => ({ value: p[j] as number, says: `that is p${sub(j)}, the probability of class ${j + 1}: the question asks for class ${k + 1}` })),
      ];
    },
  },
  hints: ({ z, k }) => [
    `Exponentiate every logit first: exp(z) for each of the ${z.length} classes, not only class ${k + 1}.`,
    `Add the ${z.length} exponentials up; p${sub(k)} is exp(z${sub(k)}) divided by that sum.`,
  ],
  worked: ({ z, k, p }) => {
    const e = z.map(Math.exp);
    const total = e.reduce((s, v) => s + v, 0);
    return (
      `The exponentials are ${e.map((v) => figuresText(v, 4)).join(', ')}; their sum is ${figuresText(total, 4)}. ` +
      `So p${sub(k)} = ${figuresText(e[k] as number, 4)} / ${figuresText(total, 4)} = ${figuresText(p[k] as number, 3)}.`
    );
  },
  truthText: ({ k, p }) => `p${sub(k)} = ${figuresText(p[k] as number, 3)}`,
  explore: ({ z }) => ({ what: 'the softmax explorer', inputs: { logits: [...z], temperature: 1 } }),
};

export interface TemperatureNumbers extends ProbabilityNumbers {
  T: number;
  /** p at T = 1, for the mistake of leaving T out */
  plain: Float64Array;
  /** softmax(z · T), for the mistake of multiplying by T */
  timesT: Float64Array;
}

const TEMPERATURES = [0.5, 2, 4] as const;

export const TEMPERATURE_EXERCISE: ExerciseSpec<TemperatureNumbers> = {
  entry: TEMPERATURE_ENTRY,
  seedKey: 'tk',
  make(seed) {
    const { z, k, rng } = drawLogits(seed, 1);
    const T = TEMPERATURES[rng.int(TEMPERATURES.length)] as number;
    return { z, k, T, p: softmax(z, T), plain: softmax(z), timesT: softmax(z.map((v) => v * T)) };
  },
  answer: {
    kind: 'number',
    label: ({ k }) => `p${sub(k)}`,
    figures: 3,
    truth: ({ p, k }) => p[k] as number,
    mistakes: ({ plain, timesT, k, T }) => [
      { value: plain[k] as number, says: `that is p${sub(k)} at T = 1: the temperature was left out` },
      { value: timesT[k] as number, says: `that is softmax(z · T): the logits are divided by T = ${T}, not multiplied` },
    ],
  },
  hints: ({ z, k, T }) => [
    `Divide every logit by T = ${T} first, then take the softmax of the result.`,
    `Here z / T = ${list(z.map((v) => Number((v / T).toFixed(4))))}. A check: p${sub(k)} / p_j = exp((z${sub(k)} − z_j) / T) for every other class j, so each such ratio is its T = 1 value to the power 1/T = ${1 / T}.`,
  ],
  worked: ({ z, k, T, p }) => {
    const scaled = z.map((v) => v / T);
    return `z / T = ${list(scaled.map((v) => Number(v.toFixed(4))))}. Its softmax gives p${sub(k)} = ${figuresText(p[k] as number, 3)}.`;
  },
  truthText: ({ k, p, T }) => `at T = ${T}, p${sub(k)} = ${figuresText(p[k] as number, 3)}`,
  explore: ({ z, T }) => ({ what: 'the softmax explorer', inputs: { logits: [...z], temperature: T } }),
};

export interface SharesNumbers {
  z: readonly number[];
  p: Float64Array;
}

/** A drag's bars are judged to ± this: by eye, not by calculator. */
const SHARES_TOLERANCE = 0.05;

/** The largest gap between two sets of bars. */
const gap = (a: ArrayLike<number>, b: ArrayLike<number>) => Math.max(...Array.from(a, (v, i) => Math.abs(v - (b[i] as number))));

/** Each mistake as its bars: all on the argmax, all equal, and shares in proportion to the logits above the smallest. */
function shareMistakes(z: readonly number[]) {
  const top = z.indexOf(Math.max(...z));
  const low = Math.min(...z);
  const above = z.reduce((s, v) => s + (v - low), 0);
  return {
    oneHot: z.map((_, i) => (i === top ? 1 : 0)),
    uniform: z.map(() => 1 / z.length),
    linear: z.map((v) => (v - low) / above),
  };
}

/**
 * Logits on the 0.5 grid (the shape is the question, not the arithmetic), from the exercise's own
 * stream past the other two's, redrawn until each known mistake is more than twice the tolerance
 * from the truth in some bar (so a set of bars is never both right and a named mistake) and the
 * logits are not `not` (joined by commas).
 */
function drawShares(seed: number, not: string | null): SharesNumbers {
  const rng = createRandom(seed + 200000);
  for (;;) {
    const z = distinctOnGrid(rng, 3 + rng.int(2), -2, 2, 0.5);
    const p = softmax(z);
    const m = shareMistakes(z);
    if (z.join() !== not && [m.oneHot, m.uniform, m.linear].every((bars) => gap(bars, p) > 2.4 * SHARES_TOLERANCE)) return { z, p };
  }
}

export const SHARES_EXERCISE: ExerciseSpec<SharesNumbers> = {
  entry: SHARES_ENTRY,
  seedKey: 'pb',
  make(seed) {
    // the 0.5 grid holds fewer sets than there are seeds: "New numbers" (seed + 1) must not show the
    // same logits again, so a seed whose first draw is its predecessor's draws on
    const before = seed > 1 ? drawShares(seed - 1, null).z.join() : null;
    return drawShares(seed, before);
  },
  answer: {
    kind: 'drag',
    legend: 'Drag each bar to the probability you predict',
    items: ({ z }) => z.map((_, i) => `p${sub(i)}`),
    domain: [0, 1],
    step: 0.01,
    start: ({ z }) => z.map(() => 0),
    tolerance: SHARES_TOLERANCE,
    truth: ({ p }) => Array.from(p),
    mistakes: ({ z }) => {
      const m = shareMistakes(z);
      return [
        { values: m.oneHot, says: 'that is argmax as a one-hot vector: softmax gives every class a share, the largest logit only the largest one' },
        { values: m.uniform, says: `that is 1/${z.length} for every class, what a very high temperature gives: at T = 1 a larger logit gets a larger share` },
        { values: m.linear, says: 'those are shares in proportion to each logit’s distance above the smallest: softmax grows exponentially, each unit of logit multiplies the odds by e' },
      ];
    },
  },
  hints: ({ z }) => [
    `Every class gets a share, and the ${z.length} shares add up to 1. Each unit of logit between two classes multiplies their odds by e ≈ 2.72; half a unit by √e ≈ 1.65.`,
    `Divide every exponential by the largest (it cancels in each share): the top class gets 1, each other class e^−(its gap to the top), by the rule above; each share is then its number over their sum.`,
  ],
  worked: ({ z, p }) => {
    const top = Math.max(...z);
    const e = z.map((v) => Math.exp(v - top));
    const total = e.reduce((s, v) => s + v, 0);
    return (
      `z − max z = ${list(z.map((v) => v - top))}; their exponentials are ${e.map((v) => figuresText(v, 3)).join(', ')}, summing to ${figuresText(total, 4)}. ` +
      `So p = (${Array.from(p, (v) => figuresText(v, 2)).join(', ')}).`
    );
  },
  truthText: ({ p }) => `p = (${Array.from(p, (v) => figuresText(v, 2)).join(', ')})`,
  explore: ({ z }) => ({ what: 'the softmax explorer', inputs: { logits: [...z], temperature: 1 } }),
};

export { list as logitList, sub as classSubscript };
