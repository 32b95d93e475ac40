import { describe, expect, it } from 'vitest';
import { gradeChoice, gradeDrag, gradeNumber } from '../../../../src/exercises/grading';
import {
  GRADIENT_EXERCISE,
  PREDICTION_EXERCISE,
  RATE_EXERCISE,
  RATE_LADDER,
  type GradientNumbers,
} from '../../../../src/chapters/logistic-regression/logisticRegressionExerciseSpecs';

const SEEDS = Array.from({ length: 200 }, (_, i) => i + 1);
const answer = (x: number) => x.toPrecision(3);
const onGrid = (v: number, step: number) => Math.abs(v / step - Math.round(v / step)) < 1e-9;

/**
 * The cost another way than the core: the ±1 form (1/m)·Σ ln(1 + e^(−s·z)), s = 2t − 1, written out
 * here, and its k-th partial derivative by a central difference (no sigmoid, no (ŷ − t) anywhere).
 */
function cost(q: Pick<GradientNumbers, 'points'>, w: readonly number[]): number {
  const terms = q.points.map((p) => Math.log(1 + Math.exp(-(2 * p.t - 1) * ((w[0] as number) * p.x1 + (w[1] as number) * p.x2 + (w[2] as number)))));
  return terms.reduce((s, v) => s + v, 0) / q.points.length;
}
function partial(q: GradientNumbers, k: number): number {
  const h = 1e-5;
  const up = [...q.w];
  const down = [...q.w];
  up[k] = (up[k] as number) + h;
  down[k] = (down[k] as number) - h;
  return (cost(q, up) - cost(q, down)) / (2 * h);
}

function numberAnswer() {
  if (GRADIENT_EXERCISE.answer.kind !== 'number') throw new Error('a number exercise');
  return GRADIENT_EXERCISE.answer;
}

describe('GRADIENT_EXERCISE.make(seed)', () => {
  it('is the same numbers every time, and another seed gives others', () => {
    expect(GRADIENT_EXERCISE.make(5)).toEqual(GRADIENT_EXERCISE.make(5));
    const distinct = new Set(SEEDS.map((s) => JSON.stringify(GRADIENT_EXERCISE.make(s).points) + GRADIENT_EXERCISE.make(s).w.join()));
    expect(distinct.size).toBeGreaterThan(190);
  });

  it('draws 2 or 3 points on the 0.5 grid in [−2, 2], classes 0 or 1, weights on the 0.5 grid in [−1.5, 1.5], every component asked', () => {
    const asked = new Set<number>();
    for (const seed of SEEDS) {
      const { points, w, k } = GRADIENT_EXERCISE.make(seed);
      expect([2, 3]).toContain(points.length);
      for (const p of points) {
        for (const v of [p.x1, p.x2]) {
          expect(Math.abs(v)).toBeLessThanOrEqual(2);
          expect(onGrid(v, 0.5)).toBe(true);
        }
        expect([0, 1]).toContain(p.t);
      }
      for (const v of w) {
        expect(Math.abs(v)).toBeLessThanOrEqual(1.5);
        expect(onGrid(v, 0.5)).toBe(true);
      }
      asked.add(k);
    }
    expect([...asked].sort()).toEqual([0, 1, 2]);
  });
});

describe('GRADIENT_EXERCISE graded', () => {
  it('its truth is the central difference of the ±1-form cost for every seed, and at least 0.02 from 0', () => {
    const { truth } = numberAnswer();
    for (const seed of SEEDS) {
      const q = GRADIENT_EXERCISE.make(seed);
      expect(truth(q)).toBeCloseTo(partial(q, q.k), 8);
      expect(Math.abs(truth(q))).toBeGreaterThanOrEqual(0.02);
    }
  });

  it('by hand: points (1, 0; t = 1) and (−1, 2; t = 0), w = (0.5, −0.5, 0), ∂L/∂w₁ = −0.280', () => {
    // z₁ = 0.5, ŷ₁ = σ(0.5) = 0.622459, (ŷ₁ − 1)·1 = −0.377541
    // z₂ = −0.5 − 1 = −1.5, ŷ₂ = σ(−1.5) = 0.182426, (ŷ₂ − 0)·(−1) = −0.182426
    // mean = (−0.377541 − 0.182426)/2 = −0.279983; ∂L/∂b = (−0.377541 + 0.182426)/2 = −0.0975576
    const points = [
      { x1: 1, x2: 0, t: 1 as const },
      { x1: -1, x2: 2, t: 0 as const },
    ];
    const w = [0.5, -0.5, 0] as const;
    const q: GradientNumbers = { points, w, k: 0, grad: Float64Array.of(-0.2799831, -0.1824255, -0.0975576) };
    const { truth, figures, mistakes } = numberAnswer();
    expect(partial(q, 0)).toBeCloseTo(-0.2799831, 6);
    expect(partial(q, 2)).toBeCloseTo(-0.0975576, 6);
    expect(gradeNumber('-0.280', truth(q), figures, mistakes?.(q))).toEqual({ correct: true });
    expect(gradeNumber('−0.560', truth(q), figures, mistakes?.(q))).toMatchObject({ correct: false, mistake: expect.stringMatching(/sum over the 2 points.*divide by m = 2/) });
    expect(gradeNumber('0.280', truth(q), figures, mistakes?.(q))).toMatchObject({ correct: false, mistake: expect.stringMatching(/sign flipped.*\(ŷ − t\)/) });
    expect(gradeNumber('-0.0976', truth(q), figures, mistakes?.(q))).toMatchObject({ correct: false, mistake: expect.stringMatching(/∂L\/∂b.*multiplied by its x₁/) });
    expect(gradeNumber('-0.3', truth(q), figures, mistakes?.(q))).toEqual({ correct: false });
    expect(GRADIENT_EXERCISE.worked(q)).toMatch(/ŷ = 0\.62246.*ŷ = 0\.18243.*∂L\/∂w₁ = −0\.280\.$/);
  });

  it('each named mistake is named on the drawn numbers: the sum, the flipped sign, and for w₁, w₂ the input left out', () => {
    const { truth, figures, mistakes } = numberAnswer();
    let inputLeftOut = 0;
    for (const seed of SEEDS) {
      const q = GRADIENT_EXERCISE.make(seed);
      const g = partial(q, q.k);
      const m = q.points.length;
      const said = mistakes?.(q) ?? [];
      expect(gradeNumber(answer(m * g), truth(q), figures, said)).toMatchObject({ correct: false, mistake: expect.stringMatching(/sum over/) });
      expect(gradeNumber(answer(-g), truth(q), figures, said)).toMatchObject({ correct: false, mistake: expect.stringMatching(/sign flipped/) });
      if (q.k !== 2) {
        inputLeftOut++;
        expect(gradeNumber(answer(partial(q, 2)), truth(q), figures, said)).toMatchObject({ correct: false, mistake: expect.stringMatching(/∂L\/∂b/) });
      }
    }
    expect(inputLeftOut).toBeGreaterThan(100);
  });

  it('the right answer to 3 figures is right for every seed, and the worked answer ends on it', () => {
    const { truth, figures } = numberAnswer();
    for (const seed of SEEDS) {
      const q = GRADIENT_EXERCISE.make(seed);
      const typed = answer(partial(q, q.k));
      expect(gradeNumber(typed, truth(q), figures).correct).toBe(true);
      expect(GRADIENT_EXERCISE.worked(q).endsWith(` = ${typed.replace('-', '−')}.`)).toBe(true);
      expect(GRADIENT_EXERCISE.truthText(q).endsWith(typed.replace('-', '−'))).toBe(true);
      expect(GRADIENT_EXERCISE.hints(q)).toHaveLength(2);
    }
  });
});

function choiceAnswer() {
  if (RATE_EXERCISE.answer.kind !== 'choice') throw new Error('a choice exercise');
  return RATE_EXERCISE.answer;
}

/** The first rate on the list whose step factor 1 − ηλ, worked out here, is below −1. */
const firstDiverging = (lambda: number, rates: readonly number[]) => rates.find((r) => Math.abs(1 - r * lambda) > 1);

describe('RATE_EXERCISE.make(seed)', () => {
  it('is the same numbers every time; λmax on the 0.01 grid in [0.04, 0.40]; four rates from the ladder, smallest first', () => {
    expect(RATE_EXERCISE.make(9)).toEqual(RATE_EXERCISE.make(9));
    const lambdas = new Set<number>();
    for (const seed of SEEDS) {
      const { lambda, rates } = RATE_EXERCISE.make(seed);
      lambdas.add(lambda);
      expect(lambda >= 0.04 && lambda <= 0.4).toBe(true);
      expect(onGrid(lambda, 0.01)).toBe(true);
      expect(rates).toHaveLength(4);
      for (const r of rates) expect(RATE_LADDER).toContain(r);
      for (let i = 1; i < 4; i++) expect(rates[i]).toBeGreaterThan(rates[i - 1] as number);
    }
    expect(lambdas.size).toBeGreaterThan(30);
  });

  it('one rate slides (factor in (0, 1)), one zigzags (in (−1, 0)), two overshoot (below −1), none within 5% of a limit', () => {
    for (const seed of SEEDS) {
      const { lambda, rates } = RATE_EXERCISE.make(seed);
      const factors = rates.map((r) => 1 - r * lambda);
      expect(factors[0]).toBeGreaterThan(0);
      expect(factors[1]).toBeLessThan(0);
      expect(factors[1]).toBeGreaterThan(-1);
      expect(factors[2]).toBeLessThan(-1.05);
      expect(factors[3]).toBeLessThan(-1.05);
    }
  });
});

describe('GRADIENT_EXERCISE hints', () => {
  it('say to keep 5 significant figures in ŷ, and a learner who does, or who adds up the worked answer’s terms, is graded right on every seed 1–3000 (with 4, seed 198 is not)', () => {
    if (GRADIENT_EXERCISE.answer.kind !== 'number') throw new Error('a number exercise');
    const { truth, figures, mistakes } = GRADIENT_EXERCISE.answer;
    const typed = (q: GradientNumbers, n: number) => {
      const terms = q.points.map((p) => {
        const y = Number((1 / (1 + Math.exp(-(q.w[0] * p.x1 + q.w[1] * p.x2 + q.w[2])))).toPrecision(n));
        return (y - p.t) * (q.k === 0 ? p.x1 : q.k === 1 ? p.x2 : 1);
      });
      return String(terms.reduce((a, b) => a + b, 0) / terms.length);
    };
    for (let seed = 1; seed <= 3000; seed++) {
      const q = GRADIENT_EXERCISE.make(seed);
      expect(GRADIENT_EXERCISE.hints(q)[0]).toMatch(/Keep 5 significant figures in each ŷ/);
      expect(gradeNumber(typed(q, 5), truth(q), figures, mistakes?.(q))).toEqual({ correct: true });
      // the worked answer's terms, as shown (true minus sign), added up and divided by m
      const shown = [...GRADIENT_EXERCISE.worked(q).matchAll(/\(ŷ − t\)[^=]* = (\S+?)[;.](?: |$)/g)].map((m) => Number((m[1] as string).replace('−', '-')));
      expect(shown).toHaveLength(q.points.length);
      expect(gradeNumber(String(shown.reduce((a, b) => a + b, 0) / shown.length), truth(q), figures)).toEqual({ correct: true });
    }
    expect(gradeNumber(typed(GRADIENT_EXERCISE.make(198), 4), truth(GRADIENT_EXERCISE.make(198)), figures).correct).toBe(false);
  });
});

describe('RATE_EXERCISE options', () => {
  it('show the four rates in an order shuffled by the seed: over 200 seeds the right answer takes every position, none more than half the time', () => {
    const { right, options } = choiceAnswer();
    const at = [0, 0, 0, 0];
    for (const seed of SEEDS) {
      const q = RATE_EXERCISE.make(seed);
      const values = options(q).map((o) => o.value);
      expect([...values].sort()).toEqual(q.rates.map(String).sort());
      expect(options(RATE_EXERCISE.make(seed)).map((o) => o.value)).toEqual(values);
      const position = values.indexOf(String(firstDiverging(q.lambda, q.rates)));
      expect(values[position]).toBe(right(q)[0]);
      at[position] = (at[position] as number) + 1;
    }
    for (const count of at) {
      expect(count).toBeGreaterThan(0);
      expect(count).toBeLessThan(SEEDS.length / 2);
    }
  });
});

describe('RATE_EXERCISE graded', () => {
  it('its right answer is the first rate with |1 − ηλmax| > 1, for every seed, and the worked answer ends on it', () => {
    const { right } = choiceAnswer();
    for (const seed of SEEDS) {
      const q = RATE_EXERCISE.make(seed);
      const first = firstDiverging(q.lambda, q.rates);
      expect(right(q)).toEqual([String(first)]);
      expect(gradeChoice([String(first)], right(q))).toEqual({ correct: true });
      expect(RATE_EXERCISE.worked(q).endsWith(`The first below −1 is at η = ${first}.`)).toBe(true);
      expect(RATE_EXERCISE.hints(q)).toHaveLength(2);
    }
  });

  it('by hand at λmax = 0.08 (2/λmax = 25) with rates 10, 22, 28, 60: 28, and each other choice named', () => {
    // factors 1 − 0.08η: 0.2 (slides), −0.76 (zigzags), −1.24 (first beyond −1), −3.8
    const q = { lambda: 0.08, rates: [10, 22, 28, 60], shown: [10, 22, 28, 60] };
    const { right, mistakes, options } = choiceAnswer();
    expect(options(q).map((o) => o.label)).toEqual(['η = 10', 'η = 22', 'η = 28', 'η = 60']);
    expect(right(q)).toEqual(['28']);
    const said = mistakes?.(q);
    expect(gradeChoice(['22'], right(q), said)).toMatchObject({ correct: false, mistake: expect.stringMatching(/−0\.760, between −1 and 0.*zigzags in and settles/) });
    expect(gradeChoice(['10'], right(q), said)).toMatchObject({ correct: false, mistake: expect.stringMatching(/0\.200, between 0 and 1.*slides/) });
    expect(gradeChoice(['60'], right(q), said)).toMatchObject({ correct: false, mistake: expect.stringMatching(/a smaller rate on the list already fails/) });
    expect(RATE_EXERCISE.worked(q)).toMatch(/^2\/λmax = 2\/0\.0800 = 25\.0\. .*η = 28: 1 − ηλmax = −1\.24/);
  });

  it('on the drawn numbers every wrong choice is named', () => {
    const { right, mistakes } = choiceAnswer();
    for (const seed of SEEDS) {
      const q = RATE_EXERCISE.make(seed);
      for (const r of q.rates) {
        if (r === firstDiverging(q.lambda, q.rates)) continue;
        expect(gradeChoice([String(r)], right(q), mistakes?.(q))).toMatchObject({ correct: false, mistake: expect.any(String) });
      }
    }
  });
});

describe('PREDICTION_EXERCISE (a drag: the model’s ŷ for three points, by eye)', () => {
  const answer = PREDICTION_EXERCISE.answer;
  if (answer.kind !== 'drag') throw new Error('a drag exercise');
  /** ŷ as e^z / (1 + e^z): another route to the sigmoid than the core's */
  const logistic = (z: number) => Math.exp(z) / (1 + Math.exp(z));

  it('make(seed) draws three points and the weights on the 0.5 grid, the same for the same seed', () => {
    expect(PREDICTION_EXERCISE.make(4)).toEqual(PREDICTION_EXERCISE.make(4));
    for (const seed of SEEDS) {
      const { points, w } = PREDICTION_EXERCISE.make(seed);
      expect(points).toHaveLength(3);
      for (const p of points) expect(onGrid(p.x1, 0.5) && onGrid(p.x2, 0.5) && Math.abs(p.x1) <= 2 && Math.abs(p.x2) <= 2).toBe(true);
      for (const v of w) expect(onGrid(v, 0.5) && Math.abs(v) <= 1.5).toBe(true);
    }
  });

  it('the points matter: the three z = w₁x₁ + w₂x₂ + b differ on every seed (never w₁ = w₂ = 0)', () => {
    for (const seed of SEEDS) {
      const { points, w } = PREDICTION_EXERCISE.make(seed);
      expect(w[0] !== 0 || w[1] !== 0).toBe(true);
      expect(new Set(points.map((p) => w[0] * p.x1 + w[1] * p.x2 + w[2])).size).toBe(3);
    }
  });

  it('its worked answer gives ŷ to three decimals: σ(5.5) = 0.996, not a rounded 1.0', () => {
    const q = { points: [{ x1: 2, x2: 1 }, { x1: 0, x2: 0 }, { x1: -1, x2: 0 }], w: [2, 1.5, 0] as const, yHat: [1 / (1 + Math.exp(-5.5)), 0.5, 1 / (1 + Math.exp(2))] };
    expect(PREDICTION_EXERCISE.worked(q)).toBe('point 1: z = 5.5, ŷ = σ(5.5) = 0.996; point 2: z = 0, ŷ = σ(0) = 0.500; point 3: z = −2, ŷ = σ(−2) = 0.119.');
  });

  it('its truth is e^z / (1 + e^z) at z = w₁x₁ + w₂x₂ + b for each point', () => {
    for (const seed of SEEDS) {
      const q = PREDICTION_EXERCISE.make(seed);
      const truth = answer.truth(q);
      q.points.forEach((p, n) => expect(truth[n]).toBeCloseTo(logistic(q.w[0] * p.x1 + q.w[1] * p.x2 + q.w[2]), 14));
    }
  });

  it('w = (1, −0.5, 0.5) by hand: z = (2, −1.5, 0.5) gives ŷ ≈ (0.881, 0.182, 0.622); leaving out b is named, and so is 1 − ŷ', () => {
    const q = { points: [{ x1: 1, x2: -1 }, { x1: -1, x2: 2 }, { x1: 0, x2: 0 }], w: [1, -0.5, 0.5] as const, yHat: [0.8808, 0.1824, 0.6225] };
    const grade = (bars: number[]) => gradeDrag(bars, true, answer.truth(q), answer.tolerance, answer.mistakes!(q));
    expect(grade([0.85, 0.2, 0.6])).toEqual({ correct: true });
    // without b: z = (1.5, −2, 0) → (0.818, 0.119, 0.5)
    const noBias = grade([0.82, 0.12, 0.5]);
    expect(noBias.correct === false && noBias.mistake).toMatch(/the bias b was left out/);
    const flipped = grade([0.12, 0.82, 0.38]);
    expect(flipped.correct === false && flipped.mistake).toMatch(/the probability of class 0/);
  });

  it('on every seed each named mistake is more than twice the tolerance from the truth, and named', () => {
    for (const seed of SEEDS) {
      const q = PREDICTION_EXERCISE.make(seed);
      const truth = answer.truth(q);
      for (const m of answer.mistakes!(q)) {
        expect(Math.max(...m.values.map((v, i) => Math.abs(v - (truth[i] as number))))).toBeGreaterThan(2 * answer.tolerance);
        expect(gradeDrag(m.values, true, truth, answer.tolerance, answer.mistakes!(q))).toEqual({ correct: false, mistake: m.says });
      }
    }
  });
});
