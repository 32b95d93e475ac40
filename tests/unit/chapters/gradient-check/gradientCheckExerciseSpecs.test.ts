import { describe, expect, it } from 'vitest';
import { gradeChoice, gradeNumber } from '../../../../src/exercises/grading';
import {
  ALIAS_EXERCISE,
  CENTRAL_DIFFERENCE_EXERCISE,
  type AliasNumbers,
  type CentralDifferenceNumbers,
} from '../../../../src/chapters/gradient-check/gradientCheckExerciseSpecs';

/** L(z) = ln Σ e^{z_j} − z_t, written out (no max shift, no log-softmax): another route than the core's. */
function loss(z: ArrayLike<number>, t: number): number {
  let total = 0;
  for (let j = 0; j < z.length; j++) total += Math.exp(z[j] as number);
  return Math.log(total) - (z[t] as number);
}

const moved = (z: readonly number[], k: number, x: number) => z.map((v, j) => (j === k ? x : v));

/** The central difference, the forward one and p_k − y_k, all from the written-out loss. */
function reference(z: readonly number[], t: number, k: number, h: number) {
  const x = z[k] as number;
  const plus = loss(moved(z, k, x + h), t);
  const minus = loss(moved(z, k, x - h), t);
  const at = loss(z, t);
  const total = z.reduce((s, v) => s + Math.exp(v), 0);
  return { plus, minus, at, central: (plus - minus) / (2 * h), forward: (plus - at) / h, analytic: Math.exp(x) / total - (k === t ? 1 : 0) };
}

const answer = (x: number) => x.toPrecision(3);
const SEEDS = Array.from({ length: 200 }, (_, i) => i + 1);
const onGrid = (v: number) => Math.abs(v * 10 - Math.round(v * 10)) < 1e-9;

function numberAnswer() {
  const a = CENTRAL_DIFFERENCE_EXERCISE.answer;
  if (a.kind !== 'number') throw new Error('a number exercise');
  return a;
}

describe('CENTRAL_DIFFERENCE_EXERCISE.make(seed)', () => {
  it('is the same numbers every time, and another seed gives others', () => {
    expect(CENTRAL_DIFFERENCE_EXERCISE.make(5)).toEqual(CENTRAL_DIFFERENCE_EXERCISE.make(5));
    const distinct = new Set(SEEDS.map((s) => { const q = CENTRAL_DIFFERENCE_EXERCISE.make(s); return `${q.z.join(',')}|${q.t}|${q.k}|${q.h}`; }));
    expect(distinct.size).toBeGreaterThan(190);
  });

  it('draws 3 logits on the 0.1 grid in [−3, 3], a class, a logit and a step in {0.2, 0.5, 1}, each step over the seeds', () => {
    const steps = new Set<number>();
    for (const seed of SEEDS) {
      const { z, t, k, h } = CENTRAL_DIFFERENCE_EXERCISE.make(seed);
      expect(z).toHaveLength(3);
      for (const v of z) {
        expect(Math.abs(v)).toBeLessThanOrEqual(3);
        expect(onGrid(v)).toBe(true);
      }
      expect([0, 1, 2]).toContain(t);
      expect([0, 1, 2]).toContain(k);
      steps.add(h);
    }
    expect([...steps].sort()).toEqual([0.2, 0.5, 1]);
  });
});

describe('CENTRAL_DIFFERENCE_EXERCISE graded', () => {
  it('its truth is (L(z_k + h) − L(z_k − h)) / (2h) of the written-out loss, for every seed', () => {
    const { truth } = numberAnswer();
    for (const seed of SEEDS) {
      const q = CENTRAL_DIFFERENCE_EXERCISE.make(seed);
      const r = reference(q.z, q.t, q.k, q.h);
      expect(truth(q)).toBeCloseTo(r.central, 12);
      expect(q.analytic).toBeCloseTo(r.analytic, 14);
    }
  });

  it('by hand at z = (2, 3, 4), t = 2, k = 2, h = 0.5: (1.054957 − 1.806356)/1 = −0.751; forward −0.705, over h −1.50, exact −0.755', () => {
    // L(2, 3.5, 4) = ln(e² + e^3.5 + e⁴) − 3.5 = 1.054957; L(2, 2.5, 4) = ln(e² + e^2.5 + e⁴) − 2.5 = 1.806356
    // L(2, 3, 4) = 1.407606, so the forward difference is (1.054957 − 1.407606)/0.5 = −0.705298
    // p₂ − 1 = e³/(e² + e³ + e⁴) − 1 = 0.244728 − 1 = −0.755272
    const q: CentralDifferenceNumbers = {
      z: [2, 3, 4], t: 1, k: 1, h: 0.5,
      plus: 1.05495692, minus: 1.80635571, at: 1.407606,
      central: -0.751399, forward: -0.705298, analytic: -0.755272,
    };
    const { truth, figures, mistakes } = numberAnswer();
    const grade = (typed: string) => gradeNumber(typed, truth(q), figures, mistakes?.(q));
    expect(grade('-0.751')).toEqual({ correct: true });
    expect(grade('−0.7514')).toEqual({ correct: true });
    expect(grade('-0.705')).toMatchObject({ correct: false, mistake: expect.stringMatching(/forward difference/) });
    expect(grade('-1.50')).toMatchObject({ correct: false, mistake: expect.stringMatching(/divided by 2h, not by h/) });
    expect(grade('-0.755')).toMatchObject({ correct: false, mistake: expect.stringMatching(/exact derivative p₂ − y₂.*truncation error/) });
    expect(grade('-0.74')).toEqual({ correct: false });
    expect(CENTRAL_DIFFERENCE_EXERCISE.worked(q)).toBe(
      'At z = (2, 3.5, 4) the loss is 1.0549569; at z = (2, 2.5, 4) it is 1.8063557. The estimate is (1.0549569 − 1.8063557) / 1 = −0.751.',
    );
  });

  it('each named mistake is named, from the reference, on a seed where it differs from the truth', () => {
    const { truth, figures, mistakes } = numberAnswer();
    const named = { forward: 0, twice: 0, exact: 0 };
    for (const seed of SEEDS) {
      const q = CENTRAL_DIFFERENCE_EXERCISE.make(seed);
      const r = reference(q.z, q.t, q.k, q.h);
      const grade = (x: number) => gradeNumber(answer(x), truth(q), figures, mistakes?.(q));
      const differs = (x: number) => answer(x) !== answer(r.central) && Math.abs(x - r.central) > 0.01 * Math.abs(r.central);
      if (differs(r.forward)) {
        expect(grade(r.forward)).toMatchObject({ correct: false, mistake: expect.stringMatching(/forward difference/) });
        named.forward++;
      }
      if (differs(2 * r.central)) {
        expect(grade(2 * r.central)).toMatchObject({ correct: false, mistake: expect.stringMatching(/not by h/) });
        named.twice++;
      }
      if (differs(r.analytic)) {
        expect(grade(r.analytic)).toMatchObject({ correct: false, mistake: expect.stringMatching(/exact derivative/) });
        named.exact++;
      }
    }
    expect(named.forward).toBeGreaterThan(100);
    expect(named.twice).toBeGreaterThan(100);
    expect(named.exact).toBeGreaterThan(20);
  });

  it('the right answer to 3 figures is right for every seed, the worked answer ends on it, and there are 2 hints', () => {
    const { truth, figures } = numberAnswer();
    for (const seed of SEEDS) {
      const q = CENTRAL_DIFFERENCE_EXERCISE.make(seed);
      const right = answer(reference(q.z, q.t, q.k, q.h).central);
      expect(gradeNumber(right, truth(q), figures).correct).toBe(true);
      const worked = CENTRAL_DIFFERENCE_EXERCISE.worked(q);
      expect(worked).toMatch(new RegExp(`= ${right.replace('-', '−').replace('.', '\\.')}\\.$`));
      // the two losses as the worked answer shows them are enough for the answer to 3 figures
      const [shownPlus, shownMinus] = /\((\S+) − (\S+)\)/.exec(worked)!.slice(1).map((v) => Number(v.replace('−', '-')));
      expect(answer((shownPlus! - shownMinus!) / (2 * q.h))).toBe(right);
      expect(CENTRAL_DIFFERENCE_EXERCISE.hints(q)).toHaveLength(2);
    }
  });
});

/**
 * The learner's loop, run literally: in JavaScript as in NumPy, `xp = x` gives a typed array a second
 * name, so xp[i] += h moves x[i]. Returns what the loop puts in g[i].
 */
function runBuggyLoop(variant: AliasNumbers['variant'], z: readonly number[], t: number, i: number, h: number): number {
  const f = (v: Float64Array) => loss(v, t);
  const x = Float64Array.from(z);
  const xp = x;
  xp[i]! += h;
  if (variant === 'zero') {
    const xm = x;
    xm[i]! -= h;
    return (f(xp) - f(xm)) / (2 * h);
  }
  const fp = f(xp);
  const xm = x;
  xm[i]! -= h;
  return (fp - f(xm)) / (2 * h);
}

function choiceAnswer() {
  const a = ALIAS_EXERCISE.answer;
  if (a.kind !== 'choice') throw new Error('a choice exercise');
  return a;
}

describe('ALIAS_EXERCISE', () => {
  it('make(seed) is deterministic, draws both forms of the loop, and its logits are on the grid', () => {
    expect(ALIAS_EXERCISE.make(17)).toEqual(ALIAS_EXERCISE.make(17));
    const variants = new Set<string>();
    for (const seed of SEEDS) {
      const q = ALIAS_EXERCISE.make(seed);
      variants.add(q.variant);
      expect(q.z.every(onGrid)).toBe(true);
      expect(q.h).toBe(1e-5);
    }
    expect([...variants].sort()).toEqual(['half', 'zero']);
  });

  it('the loop, run with aliasing, gives exactly 0 in one form and about half the derivative in the other, as the spec says', () => {
    const { right } = choiceAnswer();
    for (const seed of SEEDS) {
      const q = ALIAS_EXERCISE.make(seed);
      const g = runBuggyLoop(q.variant, q.z, q.t, q.k, q.h);
      const exact = reference(q.z, q.t, q.k, 1e-5).analytic;
      if (q.variant === 'zero') {
        expect(g).toBe(0);
        expect(right(q)).toEqual(['zero']);
      } else {
        expect(Math.abs(g / exact - 0.5)).toBeLessThan(0.01);
        expect(right(q)).toEqual(['half']);
      }
      expect(q.printed).toBeCloseTo(g, 6);
      expect(q.analytic).toBeCloseTo(exact, 12);
    }
  });

  it('grades the right option right and names every other one, in both forms', () => {
    const { options, right, mistakes } = choiceAnswer();
    for (const variant of ['zero', 'half'] as const) {
      const q = ALIAS_EXERCISE.make(SEEDS.find((s) => ALIAS_EXERCISE.make(s).variant === variant)!);
      expect(gradeChoice([variant], right(q), mistakes?.(q))).toEqual({ correct: true });
      const values = options(q).map((o) => o.value);
      expect(values.sort()).toEqual(['fine', 'half', 'moved', 'twice', 'zero']);
      for (const wrong of values.filter((v) => v !== variant)) {
        expect(gradeChoice([wrong], right(q), mistakes?.(q))).toMatchObject({ correct: false, mistake: expect.any(String) });
      }
      expect(gradeChoice(['fine'], right(q), mistakes?.(q))).toMatchObject({ mistake: expect.stringMatching(/makes no copy/) });
      expect(gradeChoice(['moved'], right(q), mistakes?.(q))).toMatchObject({ mistake: expect.stringMatching(/they cancel/) });
    }
  });

  it('the worked answer ends on the right option, and there are 2 hints', () => {
    for (const seed of SEEDS.slice(0, 40)) {
      const q = ALIAS_EXERCISE.make(seed);
      const label = choiceAnswer().options(q).find((o) => o.value === q.variant)!.label.toLowerCase();
      expect(ALIAS_EXERCISE.worked(q).endsWith(`So the answer is: ${label}.`)).toBe(true);
      expect(ALIAS_EXERCISE.hints(q)).toHaveLength(2);
    }
  });
});
