import { describe, expect, it } from 'vitest';
import { gradeChoice, gradeNumber } from '../../../../src/exercises/grading';
import {
  EPSILON_BUG_EXERCISE,
  LOG_SUM_EXP_EXERCISE,
  type EpsilonBugNumbers,
  type LogSumExpNumbers,
} from '../../../../src/chapters/stability/stabilityExerciseSpecs';

/**
 * L = −ln p_t = ln Σ_k e^(z_k − z_t): shifted by the true class's logit, not by the largest (the core's
 * route), and with no log-softmax. Finite here, since no z_k − z_t exceeds 100.
 */
function lossByTrueClass(z: readonly number[], t: number): number {
  return Math.log(z.reduce((s, v) => s + Math.exp(v - (z[t] as number)), 0));
}

const answer = (x: number) => x.toPrecision(3);
const SEEDS = Array.from({ length: 200 }, (_, i) => i + 1);
const onGrid = (v: number) => Math.abs(v * 10 - Math.round(v * 10)) < 1e-6;

function numberAnswer() {
  const a = LOG_SUM_EXP_EXERCISE.answer;
  if (a.kind !== 'number') throw new Error('a number exercise');
  return a;
}

describe('LOG_SUM_EXP_EXERCISE.make(seed)', () => {
  it('is the same numbers every time, and another seed gives others', () => {
    expect(LOG_SUM_EXP_EXERCISE.make(9)).toEqual(LOG_SUM_EXP_EXERCISE.make(9));
    const distinct = new Set(SEEDS.map((s) => { const q = LOG_SUM_EXP_EXERCISE.make(s); return `${q.z.join(',')}|${q.t}`; }));
    expect(distinct.size).toBeGreaterThan(190);
  });

  it('draws 3 distinct logits on the 0.1 grid in [997, 1000], all past float64’s 709.78, and a class', () => {
    for (const seed of SEEDS) {
      const { z, t } = LOG_SUM_EXP_EXERCISE.make(seed);
      expect(z).toHaveLength(3);
      expect(new Set(z).size).toBe(3);
      for (const v of z) {
        expect(v).toBeGreaterThanOrEqual(997);
        expect(v).toBeLessThanOrEqual(1000);
        expect(onGrid(v)).toBe(true);
        expect(Math.exp(v)).toBe(Infinity);
      }
      expect([0, 1, 2]).toContain(t);
    }
  });
});

describe('LOG_SUM_EXP_EXERCISE graded', () => {
  it('its truth is ln Σ e^(z_k − z_t), shifted by the true class, for every seed', () => {
    const { truth } = numberAnswer();
    for (const seed of SEEDS) {
      const q = LOG_SUM_EXP_EXERCISE.make(seed);
      expect(truth(q)).toBeCloseTo(lossByTrueClass(q.z, q.t), 10);
    }
  });

  it('by hand: the chapter’s z = (1000, 999, 998), t = 1, gives ln(1 + e⁻¹ + e⁻²) = 0.408', () => {
    const q: LogSumExpNumbers = { z: [1000, 999, 998], t: 0, loss: 0.4076, lse: 1000.4076 };
    const { truth, figures, mistakes } = numberAnswer();
    expect(gradeNumber('0.408', truth(q), figures, mistakes?.(q))).toEqual({ correct: true });
    // max z alone: LSE = 1000, L = 0; ln 3 + 0 = 1.10
    expect(gradeNumber('0', truth(q), figures, mistakes?.(q))).toMatchObject({ mistake: expect.stringMatching(/max z alone/) });
    expect(gradeNumber('1.10', truth(q), figures, mistakes?.(q))).toMatchObject({ mistake: expect.stringMatching(/ln 3/) });
  });

  it('by hand at z = (1000.3, 999.1, 998.6), t = 2: L = 1.59, and each mistake named', () => {
    // z_max = 1000.3; e^−1.2 = 0.301194, e^−1.7 = 0.182684; 1 + 0.301194 + 0.182684 = 1.483878
    // ln 1.483878 = 0.394659; LSE = 1000.694659; L = 1000.694659 − 999.1 = 1.594659
    const q: LogSumExpNumbers = { z: [1000.3, 999.1, 998.6], t: 1, loss: 1.594659, lse: 1000.694659 };
    const { truth, figures, mistakes } = numberAnswer();
    const grade = (typed: string) => gradeNumber(typed, truth(q), figures, mistakes?.(q));
    expect(grade('1.59')).toEqual({ correct: true });
    expect(grade('1.2')).toMatchObject({ correct: false, mistake: expect.stringMatching(/max z alone/) }); // 1000.3 − 999.1
    expect(grade('2.30')).toMatchObject({ correct: false, mistake: expect.stringMatching(/ln 3/) }); // ln 3 + 1.2 = 2.2986
    expect(grade('0.474')).toMatchObject({ correct: false, mistake: expect.stringMatching(/e⁰ = 1, is missing/) }); // ln 0.483878 + 1.2
    expect(grade('1000.69')).toMatchObject({ correct: false, mistake: expect.stringMatching(/LSE\(z\) itself/) });
    expect(grade('-1.59')).toMatchObject({ correct: false, mistake: expect.stringMatching(/ln p_t, a negative number/) });
    expect(grade('1.6')).toEqual({ correct: false });
    expect(LOG_SUM_EXP_EXERCISE.worked(q)).toBe(
      'z_max = 1000.3. The shifted exponentials e^(z_k − z_max) are 1.0000, 0.30119, 0.18268; their sum is 1.48388, and ln 1.48388 = 0.39466. ' +
        'So LSE(z) = 1000.3 + 0.39466 = 1000.69466, and L = LSE(z) − z₂ = 1000.69466 − 999.1 = 1.59.',
    );
  });

  it('the named mistakes are named on every seed where they differ from the truth', () => {
    const { truth, figures, mistakes } = numberAnswer();
    let maxAlone = 0;
    for (const seed of SEEDS) {
      const q = LOG_SUM_EXP_EXERCISE.make(seed);
      const m = Math.max(...q.z);
      const zt = q.z[q.t] as number;
      const l = lossByTrueClass(q.z, q.t);
      const grade = (x: number) => gradeNumber(answer(x), truth(q), figures, mistakes?.(q));
      if (answer(m - zt) !== answer(l)) {
        expect(grade(m - zt)).toMatchObject({ correct: false, mistake: expect.stringMatching(/max z alone/) });
        maxAlone++;
      }
      expect(grade(l + zt)).toMatchObject({ correct: false, mistake: expect.stringMatching(/LSE\(z\) itself/) });
      expect(grade(-l)).toMatchObject({ correct: false, mistake: expect.stringMatching(/negative/) });
    }
    expect(maxAlone).toBe(200);
  });

  it('the right answer to 3 figures is right for every seed, the worked answer ends on it, and there are 2 hints', () => {
    const { truth, figures } = numberAnswer();
    for (const seed of SEEDS) {
      const q = LOG_SUM_EXP_EXERCISE.make(seed);
      const right = answer(lossByTrueClass(q.z, q.t));
      expect(gradeNumber(right, truth(q), figures).correct).toBe(true);
      const worked = LOG_SUM_EXP_EXERCISE.worked(q);
      expect(worked.endsWith(`= ${right}.`)).toBe(true);
      // LSE(z) as the worked answer shows it is enough for the answer to 3 figures
      const shownLse = Number(/LSE\(z\) = \S+ \+ \S+ = (\S+),/.exec(worked)![1]);
      expect(answer(shownLse - (q.z[q.t] as number))).toBe(right);
      expect(LOG_SUM_EXP_EXERCISE.hints(q)).toHaveLength(2);
    }
  });
});

function choiceAnswer() {
  const a = EPSILON_BUG_EXERCISE.answer;
  if (a.kind !== 'choice') throw new Error('a choice exercise');
  return a;
}

/** p_t = 1 / Σ e^(z_k − z_t), the line's loss −ln(p_t + 1e-8) and the gradient's factor p_t/(p_t + 1e-8), by hand. */
function byHand(q: EpsilonBugNumbers) {
  const pt = 1 / q.z.reduce((s, v) => s + Math.exp(v - (q.z[q.t] as number)), 0);
  return { pt, loss: lossByTrueClass(q.z, q.t), lossEps: -Math.log(pt + 1e-8), factor: pt / (pt + 1e-8) };
}

describe('EPSILON_BUG_EXERCISE', () => {
  it('make(seed) is deterministic, draws both verdicts, and its logits are on the 0.1 grid', () => {
    expect(EPSILON_BUG_EXERCISE.make(3)).toEqual(EPSILON_BUG_EXERCISE.make(3));
    const verdicts = new Set<string>();
    for (const seed of SEEDS) {
      const q = EPSILON_BUG_EXERCISE.make(seed);
      verdicts.add(q.verdict);
      expect(q.z).toHaveLength(3);
      expect(q.z.every(onGrid)).toBe(true);
      expect([0, 1, 2]).toContain(q.t);
    }
    expect([...verdicts].sort()).toEqual(['capped', 'fine']);
  });

  it('what each right option says holds, by hand, for every seed', () => {
    for (const seed of SEEDS) {
      const q = EPSILON_BUG_EXERCISE.make(seed);
      const h = byHand(q);
      expect(q.loss).toBeCloseTo(h.loss, 9);
      expect(q.lossEps).toBeCloseTo(h.lossEps, 9);
      expect(q.factor).toBeCloseTo(h.factor, 9);
      if (q.verdict === 'fine') {
        // within 0.01 % of the true loss, and of the true gradient
        expect(Math.abs(h.lossEps - h.loss) / h.loss).toBeLessThan(1e-4);
        expect(1 - h.factor).toBeLessThan(1e-4);
      } else {
        // near 18.4 (−ln 1e-8 = 18.4207), far below a true loss of at least 25, and the gradient scaled almost to 0
        expect(Math.abs(h.lossEps - 18.42)).toBeLessThan(0.01);
        expect(h.loss).toBeGreaterThan(24);
        expect(h.factor).toBeLessThan(0.01);
      }
      expect(choiceAnswer().right(q)).toEqual([q.verdict]);
    }
  });

  it('by hand at z = (0, 25, 23), t = 1: p₁ = 1.22 × 10⁻¹¹, the line gives 18.42 for a true loss of 25.13', () => {
    // p₁ = 1/(1 + e²⁵ + e²³) = 1.2232e-11; −ln p₁ = 25.1269; −ln(1.2232e-11 + 1e-8) = 18.4195; factor 0.0012218
    const q: EpsilonBugNumbers = { verdict: 'capped', z: [0, 25, 23], t: 0, logP: -25.126928, loss: 25.126928, lossEps: 18.419458, factor: 0.0012218 };
    expect(byHand(q).lossEps).toBeCloseTo(18.419458, 5);
    expect(EPSILON_BUG_EXERCISE.worked(q)).toBe(
      'p₁ = e^(−25.13) = 1.22 × 10⁻¹¹, far below 1e-8. The true loss is 25.13; the line computes 18.42, and the gradient is p − y times 0.00122. ' +
        'So: the loss is capped near 18.4 and the gradient nearly vanishes.',
    );
  });

  it('grades the right option right and names every other one, for both verdicts', () => {
    const { options, right, mistakes } = choiceAnswer();
    for (const verdict of ['fine', 'capped'] as const) {
      const q = EPSILON_BUG_EXERCISE.make(SEEDS.find((s) => EPSILON_BUG_EXERCISE.make(s).verdict === verdict)!);
      expect(gradeChoice([verdict], right(q), mistakes?.(q))).toEqual({ correct: true });
      const values = options(q).map((o) => o.value);
      expect([...values].sort()).toEqual(['capped', 'fine', 'inf', 'nan']);
      for (const wrong of values.filter((v) => v !== verdict)) {
        expect(gradeChoice([wrong], right(q), mistakes?.(q))).toMatchObject({ correct: false, mistake: expect.any(String) });
      }
      expect(gradeChoice(['inf'], right(q), mistakes?.(q))).toMatchObject({ mistake: expect.stringMatching(/at most −ln 1e-8/) });
    }
  });

  it('the worked answer ends on the right option, and there are 2 hints', () => {
    for (const seed of SEEDS.slice(0, 40)) {
      const q = EPSILON_BUG_EXERCISE.make(seed);
      expect(EPSILON_BUG_EXERCISE.worked(q)).toMatch(q.verdict === 'fine' ? /So: nothing that matters\.$/ : /So: the loss is capped near 18\.4 and the gradient nearly vanishes\.$/);
      expect(EPSILON_BUG_EXERCISE.hints(q)).toHaveLength(2);
    }
  });
});
