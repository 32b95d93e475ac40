import { logisticLossGrad } from '../../core/logisticRegression';
import { createRandom } from '../../core/random';
import { sigmoid } from '../../core/sigmoid';
import { figuresText } from '../../exercises/grading';
import type { ExerciseSpec } from '../../exercises/exerciseSpec';
import { formatLambda, formatRate, rateRegime, type Curvature } from './logisticCurvature';
import { GRADIENT_ENTRY, PREDICTION_ENTRY, RATE_ENTRY } from './index';

/**
 * Chapter 6's exercises. The first draws two or three points, their classes and the weights from its
 * seed, on a grid of 0.5, so the learner can work the gradient out by hand; the second draws the
 * curvature at the bottom of the bowl, λmax on a grid of 0.01, and four learning rates around its limits.
 */

const SUB = ['₁', '₂', '₃'] as const;
const sub = (n: number) => SUB[n] ?? String(n + 1);
const num = (v: number) => String(v).replace('-', '−');

/** The three components of ∇L in the page's order, as the learner reads them. */
export const COMPONENTS = ['∂L/∂w₁', '∂L/∂w₂', '∂L/∂b'] as const;

export interface GradientNumbers {
  /** the points, each x₁, x₂ and its class t */
  points: readonly { x1: number; x2: number; t: 0 | 1 }[];
  /** w₁, w₂, b */
  w: readonly [number, number, number];
  /** the component asked for: 0 for w₁, 1 for w₂, 2 for b */
  k: 0 | 1 | 2;
  /** ∇L at w, from the core */
  grad: Float64Array;
}

const half = (rng: ReturnType<typeof createRandom>, steps: number) => (rng.int(2 * steps + 1) - steps) / 2;

function drawGradient(seed: number): GradientNumbers {
  const rng = createRandom(seed);
  for (;;) {
    const m = 2 + rng.int(2);
    const points = Array.from({ length: m }, () => ({ x1: half(rng, 4), x2: half(rng, 4), t: rng.int(2) as 0 | 1 }));
    const w = [half(rng, 3), half(rng, 3), half(rng, 3)] as const;
    const k = rng.int(3) as 0 | 1 | 2;
    const X = Float64Array.from(points.flatMap((p) => [p.x1, p.x2]));
    const t = Float64Array.from(points.map((p) => p.t));
    const grad = logisticLossGrad(w, X, t, 'cross-entropy');
    const g = grad[k] as number;
    // a component far enough from 0 that its sign and its figures mean something, and (for w₁, w₂)
    // ∂L/∂b far from it, from its sum over the points and from its negative, so that leaving the input
    // out is a mistake the grader can name and never mistakes for another
    const gb = grad[2] as number;
    const apart = k === 2 || [g, m * g, -g].every((v) => Math.abs(gb - v) >= 0.01);
    if (Math.abs(g) >= 0.02 && apart) return { points, w, k, grad };
  }
}

/** The input x̃ₙ's k-th entry: x₁, x₂, or 1 for the bias. */
const input = (p: { x1: number; x2: number }, k: 0 | 1 | 2) => (k === 0 ? p.x1 : k === 1 ? p.x2 : 1);

export const GRADIENT_EXERCISE: ExerciseSpec<GradientNumbers> = {
  entry: GRADIENT_ENTRY,
  seedKey: 'gr',
  make: drawGradient,
  answer: {
    kind: 'number',
    label: ({ k }) => COMPONENTS[k],
    figures: 3,
    truth: ({ grad, k }) => grad[k] as number,
    mistakes: ({ grad, k, points }) => {
      const g = grad[k] as number;
      const m = points.length;
      return [
        { value: m * g, says: `that is the sum over the ${m} points: the cost is their mean, so divide by m = ${m}` },
        { value: -g, says: 'that is the right size with the sign flipped: each point contributes (ŷ − t), prediction minus target, not (t − ŷ)' },
        ...(k === 2 ? [] : [{ value: grad[2] as number, says: `that is ∂L/∂b: each point’s (ŷ − t) still has to be multiplied by its x${sub(k)}` }]),
      ];
    },
  },
  hints: ({ k, points }) => [
    `For each point, z = w₁x₁ + w₂x₂ + b and ŷ = σ(z) = 1/(1 + e^−z); its error is ŷ − t. Keep 5 significant figures in each ŷ: with fewer, the mean can miss its third figure when the terms nearly cancel.`,
    `${COMPONENTS[k]} is the mean over the ${points.length} points of (ŷ − t)${k === 2 ? ' alone (the bias’s input is 1)' : ` · x${sub(k)}`}.`,
  ],
  worked: ({ points, w, k, grad }) => {
    const rows = points.map((p, n) => {
      const z = w[0] * p.x1 + w[1] * p.x2 + w[2];
      const y = sigmoid(z);
      const term = (y - p.t) * input(p, k);
      return `point ${n + 1}: z = ${num(Number(z.toFixed(4)))}, ŷ = ${figuresText(y, 5)}, (ŷ − t)${k === 2 ? '' : ` · x${sub(k)}`} = ${figuresText(term, 5)}`;
    });
    return `${rows.join('; ')}. The mean of the ${points.length} terms is ${COMPONENTS[k]} = ${figuresText(grad[k] as number, 3)}.`;
  },
  truthText: ({ grad, k }) => `${COMPONENTS[k]} = ${figuresText(grad[k] as number, 3)}`,
};

export interface RateNumbers {
  /** λmax of the Hessian at the bottom of the bowl */
  lambda: number;
  /** four rates, smallest first: one that slides in, one that zigzags in, the first that cannot settle, one far beyond */
  rates: readonly number[];
  /** the same four rates in the order the options show them, shuffled by the seed */
  shown: readonly number[];
}

/** The rates the options are drawn from: round numbers like the slider's. */
export const RATE_LADDER = [0.5, 1, 1.5, 2, 2.5, 3, 4, 5, 6, 7, 8, 9, 10, 12, 14, 16, 18, 20, 22, 25, 28, 30, 35, 40, 45, 50, 60, 70, 80, 90, 100] as const;

const curvature = (lambda: number): Curvature => ({ lambdaMax: lambda, zigzagFrom: 1 / lambda, threshold: 2 / lambda });

function drawRates(seed: number): RateNumbers {
  const rng = createRandom(seed);
  const lambda = (4 + rng.int(37)) / 100;
  const one = 1 / lambda;
  const two = 2 / lambda;
  const pick = (from: readonly number[]) => from[rng.int(from.length)] as number;
  const slides = pick(RATE_LADDER.filter((r) => r <= 0.85 * one));
  // the zigzag option is the largest rate clearly below 2/λmax: the near miss
  const zigzags = RATE_LADDER.filter((r) => r >= 1.1 * one && r <= 0.95 * two).at(-1) as number;
  const first = RATE_LADDER.find((r) => r >= 1.05 * two) as number;
  const far = pick(RATE_LADDER.filter((r) => r >= 1.5 * two && r > first));
  const rates = [slides, zigzags, first, far];
  // the options' order from a stream of its own (seed + 100000, past the seeds' range), so the right
  // answer is not always the third option and drawing it leaves the rates as they were
  const order = createRandom(seed + 100000);
  const shown = [...rates];
  for (let n = shown.length - 1; n > 0; n--) {
    const m = order.int(n + 1);
    [shown[n], shown[m]] = [shown[m] as number, shown[n] as number];
  }
  return { lambda, rates, shown };
}

const rateValue = (r: number) => String(r);

export const RATE_EXERCISE: ExerciseSpec<RateNumbers> = {
  entry: RATE_ENTRY,
  seedKey: 'lr',
  make: drawRates,
  answer: {
    kind: 'choice',
    legend: 'The smallest rate at which the path cannot settle',
    options: ({ shown }) => shown.map((r) => ({ value: rateValue(r), label: `η = ${r}` })),
    right: ({ lambda, rates }) => [rateValue(rates.find((r) => rateRegime(r, curvature(lambda)) === 'overshoots') as number)],
    mistakes: ({ lambda, rates }) => {
      const c = curvature(lambda);
      const firstOver = rates.find((r) => rateRegime(r, c) === 'overshoots') as number;
      const says: Record<string, string> = {};
      for (const r of rates) {
        const factor = figuresText(1 - r * lambda, 3);
        const regime = rateRegime(r, c);
        if (regime === 'zigzags') {
          says[rateValue(r)] = `at η = ${r} the factor 1 − ηλmax is ${factor}, between −1 and 0: each step overshoots the floor, but each overshoot is smaller than the one before, so the path zigzags in and settles`;
        } else if (regime === 'slides') {
          says[rateValue(r)] = `at η = ${r} the factor 1 − ηλmax is ${factor}, between 0 and 1: the path slides in from one side and settles`;
        } else if (r !== firstOver) {
          says[rateValue(r)] = `the path cannot settle at η = ${r} either, but a smaller rate on the list already fails`;
        }
      }
      return says;
    },
  },
  hints: () => [
    'Near the bottom, one step multiplies the error along the steepest direction by 1 − ηλmax. The path settles only while that factor stays between −1 and 1.',
    'The factor passes −1 at η = 2/λmax. Compute 2/λmax and find the smallest rate on the list above it.',
  ],
  worked: ({ lambda, rates }) => {
    const c = curvature(lambda);
    const factors = rates.map((r) => `η = ${r}: 1 − ηλmax = ${figuresText(1 - r * lambda, 3)}`).join('; ');
    const first = rates.find((r) => rateRegime(r, c) === 'overshoots') as number;
    return `2/λmax = 2/${formatLambda(lambda)} = ${formatRate(c.threshold)}. The factors are ${factors}. The first below −1 is at η = ${first}.`;
  },
  truthText: ({ lambda, rates }) => {
    const first = rates.find((r) => rateRegime(r, curvature(lambda)) === 'overshoots') as number;
    return `2/λmax = ${formatRate(2 / lambda)}, so η = ${first} is the first that cannot settle`;
  },
};

export interface PredictionNumbers {
  /** three points, each x₁ and x₂ */
  points: readonly { x1: number; x2: number }[];
  /** w₁, w₂, b */
  w: readonly [number, number, number];
  /** ŷ = σ(w₁x₁ + w₂x₂ + b) for each point, from the core's sigmoid */
  yHat: readonly number[];
}

/** A drag's bars are judged to ± this: by eye and a rough sum, not by calculator. */
const PREDICTION_TOLERANCE = 0.05;

/** Each mistake as its bars: the bias left out, and σ(−z) (the probability of class 0). */
function predictionMistakes({ points, w }: Pick<PredictionNumbers, 'points' | 'w'>) {
  return {
    noBias: points.map((p) => sigmoid(w[0] * p.x1 + w[1] * p.x2)),
    flipped: points.map((p) => sigmoid(-(w[0] * p.x1 + w[1] * p.x2 + w[2]))),
  };
}

/** ŷ to three decimals, as the bars are judged: 0.996, never a rounded 1.0 */
const probability = (v: number) => v.toFixed(3);

const gap = (a: readonly number[], b: readonly number[]) => Math.max(...a.map((v, i) => Math.abs(v - (b[i] as number))));

export const PREDICTION_EXERCISE: ExerciseSpec<PredictionNumbers> = {
  entry: PREDICTION_ENTRY,
  seedKey: 'lp',
  make(seed) {
    // its own stream, past the gradient exercise's: weights and points on the 0.5 grid
    const rng = createRandom(seed + 100000);
    for (;;) {
      const points = Array.from({ length: 3 }, () => ({ x1: half(rng, 4), x2: half(rng, 4) }));
      const w = [half(rng, 3), half(rng, 3), half(rng, 3)] as const;
      const z = points.map((p) => w[0] * p.x1 + w[1] * p.x2 + w[2]);
      const yHat = z.map(sigmoid);
      const m = predictionMistakes({ points, w });
      // three different z (the points must matter: w₁ = w₂ = 0 would give one ŷ for all), and each
      // mistake more than twice the tolerance from the truth in some bar, so none is also right
      const apart = new Set(z).size === 3;
      if (apart && gap(m.noBias, yHat) > 2.4 * PREDICTION_TOLERANCE && gap(m.flipped, yHat) > 2.4 * PREDICTION_TOLERANCE) return { points, w, yHat };
    }
  },
  answer: {
    kind: 'drag',
    legend: 'Drag each bar to ŷ, the probability of class 1 you predict for that point',
    items: () => ['point 1', 'point 2', 'point 3'],
    domain: [0, 1],
    step: 0.01,
    start: () => [0, 0, 0],
    tolerance: PREDICTION_TOLERANCE,
    truth: ({ yHat }) => yHat,
    mistakes: (q) => {
      const m = predictionMistakes(q);
      return [
        { values: m.noBias, says: 'that is σ(w₁x₁ + w₂x₂): the bias b was left out of z' },
        { values: m.flipped, says: 'that is σ(−z) = 1 − ŷ, the probability of class 0: ŷ is the probability of class 1' },
      ];
    },
  },
  hints: () => [
    'First z = w₁x₁ + w₂x₂ + b for each point; its sign says which side of ½ the bar is on (z > 0: above).',
    'Then σ(z) = 1/(1 + e^−z). Some landmarks: σ(0) = 0.5, σ(±1) ≈ 0.73 / 0.27, σ(±2) ≈ 0.88 / 0.12, σ(±3) ≈ 0.95 / 0.05.',
  ],
  worked: ({ points, w, yHat }) =>
    points
      .map((p, n) => {
        const z = w[0] * p.x1 + w[1] * p.x2 + w[2];
        return `point ${n + 1}: z = ${num(z)}, ŷ = σ(${num(z)}) = ${probability(yHat[n] as number)}`;
      })
      .join('; ') + '.',
  truthText: ({ yHat }) => `ŷ = (${yHat.map(probability).join(', ')})`,
};

export { sub as pointSubscript, num as signedNumber };
