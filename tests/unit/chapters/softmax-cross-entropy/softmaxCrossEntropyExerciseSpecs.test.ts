import { describe, expect, it } from 'vitest';
import { gradeChoice, gradeNumber } from '../../../../src/exercises/grading';
import type { ChoiceAnswer, ExerciseSpec } from '../../../../src/exercises/exerciseSpec';
import {
  GRADIENT_EXERCISE,
  SIGN_MARGIN,
  SIGN_PATTERN_EXERCISE,
  STEP_BUG_EXERCISE,
  STEP_BUG_OPTIONS,
} from '../../../../src/chapters/softmax-cross-entropy/softmaxCrossEntropyExerciseSpecs';

/** p_k as 1 / Σ_j e^(z_j − z_k): another route to softmax than the core's (no max shift, no division of exponentials). */
function probability(z: readonly number[], k: number): number {
  return 1 / z.reduce((s, zj) => s + Math.exp(zj - (z[k] as number)), 0);
}

/** p − y, entry by entry, from that route: a subtraction, where the core sums the other classes. */
function gradient(z: readonly number[], y: readonly number[]): number[] {
  return z.map((_, k) => probability(z, k) - (y[k] as number));
}

/** L = −Σ y_i ln p_i with ln p_i = −ln Σ_j e^(z_j − z_i). */
function loss(z: readonly number[], y: readonly number[]): number {
  return y.reduce((s, yi, i) => (yi === 0 ? s : s + yi * Math.log(z.reduce((t, zj) => t + Math.exp(zj - (z[i] as number)), 0))), 0);
}

const onGrid = (v: number) => Math.abs(v * 10 - Math.round(v * 10)) < 1e-9;
const answer = (x: number) => x.toPrecision(3);
const SEEDS = Array.from({ length: 200 }, (_, i) => i + 1);

function numberAnswer() {
  if (GRADIENT_EXERCISE.answer.kind !== 'number') throw new Error('a number exercise');
  return GRADIENT_EXERCISE.answer;
}

describe('GRADIENT_EXERCISE.make(seed)', () => {
  it('is the same numbers every time, and another seed gives others', () => {
    expect(GRADIENT_EXERCISE.make(5)).toEqual(GRADIENT_EXERCISE.make(5));
    // each exercise's first set of numbers is its own
    expect(SIGN_PATTERN_EXERCISE.make(1).z).not.toEqual(GRADIENT_EXERCISE.make(1).z);
    expect(STEP_BUG_EXERCISE.make(1).z).not.toEqual(GRADIENT_EXERCISE.make(1).z);
    const distinct = new Set(SEEDS.map((s) => GRADIENT_EXERCISE.make(s).z.join(',')));
    expect(distinct.size).toBeGreaterThan(190);
  });

  it('draws 3 or 4 distinct logits on the 0.1 grid in [−3, 3], a one-hot label, and asks for the true class and for others', () => {
    let asksTrue = 0;
    for (const seed of SEEDS) {
      const { z, t, k, y } = GRADIENT_EXERCISE.make(seed);
      expect([3, 4]).toContain(z.length);
      expect(new Set(z).size).toBe(z.length);
      for (const v of z) {
        expect(Math.abs(v)).toBeLessThanOrEqual(3);
        expect(onGrid(v)).toBe(true);
      }
      expect(y).toEqual(z.map((_, i) => (i === t ? 1 : 0)));
      expect(k >= 0 && k < z.length).toBe(true);
      if (k === t) asksTrue++;
    }
    expect(asksTrue).toBeGreaterThan(60);
    expect(asksTrue).toBeLessThan(140);
  });
});

describe('GRADIENT_EXERCISE graded', () => {
  it('its truth is p_k − y_k by another route for every seed', () => {
    for (const seed of SEEDS) {
      const q = GRADIENT_EXERCISE.make(seed);
      expect(numberAnswer().truth(q)).toBeCloseTo(gradient(q.z, q.y)[q.k] as number, 14);
    }
  });

  it('by hand at z = (2, 3, 4), true class 2', () => {
    // p = (e², e³, e⁴) / (e² + e³ + e⁴) = (0.0900, 0.245, 0.665)
    const p = Float64Array.from([0.09003057, 0.24472847, 0.66524096]);
    const g = Float64Array.from([0.09003057, 0.24472847 - 1, 0.66524096]);
    const { truth, figures, mistakes } = numberAnswer();
    // asked for the true class: ∂L/∂z₂ = 0.245 − 1 = −0.755
    const q2 = { z: [2, 3, 4], t: 1, k: 1, y: [0, 1, 0], p, g };
    const grade2 = (typed: string) => gradeNumber(typed, truth(q2), figures, mistakes?.(q2));
    expect(grade2('-0.755')).toEqual({ correct: true });
    expect(grade2('−0.755')).toEqual({ correct: true });
    // −1/p₂ = −4.09: the gradient with respect to p
    expect(grade2('-4.09')).toMatchObject({ correct: false, mistake: expect.stringMatching(/^that is −y₂\/p₂ = −1\/p₂, the gradient with respect to p₂/) });
    // p₂ alone = 0.245
    expect(grade2('0.245')).toMatchObject({ correct: false, mistake: expect.stringMatching(/p₂ alone: the −y₂ = −1/) });
    // y₂ − p₂ = 0.755
    expect(grade2('0.755')).toMatchObject({ correct: false, mistake: expect.stringMatching(/y₂ − p₂: the sign is flipped/) });
    expect(grade2('-0.7')).toEqual({ correct: false });
    // asked for another class: ∂L/∂z₃ = p₃ = 0.665
    const q3 = { ...q2, k: 2 };
    const grade3 = (typed: string) => gradeNumber(typed, truth(q3), figures, mistakes?.(q3));
    expect(grade3('0.665')).toEqual({ correct: true });
    expect(grade3('0')).toMatchObject({ correct: false, mistake: expect.stringMatching(/^that is 0, what −y₃\/p₃/) });
    expect(grade3('-0.665')).toMatchObject({ correct: false, mistake: expect.stringMatching(/y₃ − p₃: the sign is flipped/) });
    expect(grade3('-0.755')).toMatchObject({ correct: false, mistake: expect.stringMatching(/∂L\/∂z₂, the true class’s entry/) });
  });

  it('names every mistake, computed by another route, on every seed where it differs from the truth', () => {
    const { truth, figures, mistakes } = numberAnswer();
    let named = 0;
    for (const seed of SEEDS) {
      const q = GRADIENT_EXERCISE.make(seed);
      const pk = probability(q.z, q.k);
      const truthValue = gradient(q.z, q.y)[q.k] as number;
      const wrong =
        q.k === q.t
          ? [
              [-1 / pk, /gradient with respect to p/],
              [pk, /alone: the −y/],
              [1 - pk, /sign is flipped/],
            ]
          : [
              [0, /^that is 0/],
              [-pk, /sign is flipped/],
              [probability(q.z, q.t) - 1, /the true class’s entry/],
            ];
      const seen = [answer(truthValue)];
      for (const [value, says] of wrong as [number, RegExp][]) {
        // a mistake that gives the truth, or an earlier mistake's value (1 − p = p at p ≈ 0.5), is not this one's to name
        if (seen.includes(answer(value))) continue;
        seen.push(answer(value));
        expect(gradeNumber(answer(value), truth(q), figures, mistakes?.(q))).toMatchObject({ correct: false, mistake: expect.stringMatching(says) });
        named++;
      }
    }
    expect(named).toBeGreaterThan(550);
  });

  it('the right answer to 3 figures is right for every seed, the worked answer ends on it, and there are 2 hints', () => {
    for (const seed of SEEDS) {
      const q = GRADIENT_EXERCISE.make(seed);
      const g = gradient(q.z, q.y)[q.k] as number;
      expect(gradeNumber(answer(g), numberAnswer().truth(q), 3).correct).toBe(true);
      expect(GRADIENT_EXERCISE.worked(q)).toMatch(new RegExp(`= ${answer(g).replace('-', '−').replace('.', '\\.')}\\.$`));
      expect(GRADIENT_EXERCISE.hints(q)).toHaveLength(2);
    }
  });
});

function choiceAnswer<Q>(spec: ExerciseSpec<Q>): ChoiceAnswer<Q> {
  if (spec.answer.kind === 'number' || spec.answer.kind === 'drag') throw new Error('a choice exercise');
  return spec.answer;
}

describe('SIGN_PATTERN_EXERCISE', () => {
  it('is the same numbers every time; logits on the 0.1 grid; a hard or soft label on the 0.1 grid summing to 1; no entry near 0', () => {
    expect(SIGN_PATTERN_EXERCISE.make(9)).toEqual(SIGN_PATTERN_EXERCISE.make(9));
    let soft = 0;
    for (const seed of SEEDS) {
      const { z, y, t } = SIGN_PATTERN_EXERCISE.make(seed);
      expect([3, 4]).toContain(z.length);
      expect(y).toHaveLength(z.length);
      for (const v of [...z, ...y]) expect(onGrid(v)).toBe(true);
      expect(y.every((v) => v >= 0)).toBe(true);
      expect(y.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
      if (t === undefined) {
        soft++;
        expect(y.filter((v) => v > 0).length).toBeGreaterThanOrEqual(2);
      } else expect(y[t]).toBe(1);
      for (const g of gradient(z, y)) expect(Math.abs(g)).toBeGreaterThanOrEqual(SIGN_MARGIN - 1e-12);
    }
    expect(soft).toBeGreaterThan(60);
    expect(soft).toBeLessThan(140);
  });

  it('the right entries are those where y_j > p_j (by another route); with a hard label, the true class alone', () => {
    const { right, options } = choiceAnswer(SIGN_PATTERN_EXERCISE);
    let softWithTwo = 0;
    for (const seed of SEEDS) {
      const q = SIGN_PATTERN_EXERCISE.make(seed);
      const expected = q.z.flatMap((_, j) => ((q.y[j] as number) > probability(q.z, j) ? [String(j + 1)] : []));
      expect([...right(q)].sort()).toEqual(expected);
      if (q.t !== undefined) expect(right(q)).toEqual([String(q.t + 1)]);
      else if (expected.length > 1) softWithTwo++;
      expect(options(q).map((o) => o.value)).toEqual(q.z.map((_, j) => String(j + 1)));
      expect(gradeChoice(right(q), right(q))).toEqual({ correct: true });
      expect(SIGN_PATTERN_EXERCISE.worked(q)).toMatch(new RegExp(`${right(q).map((v) => `z${'₁₂₃₄'[Number(v) - 1]}`).join(', ')}\\.$`));
      expect(SIGN_PATTERN_EXERCISE.hints(q)).toHaveLength(2);
    }
    // a soft label can pull more than one class down: some seeds ask for that
    expect(softWithTwo).toBeGreaterThan(5);
  });

  it('by hand at z = (2, 3, 4), y = (0.5, 0.5, 0): p − y = (−0.410, −0.255, 0.665)', () => {
    const q = { z: [2, 3, 4], y: [0.5, 0.5, 0], t: undefined, p: Float64Array.from([0.09, 0.245, 0.665]), g: Float64Array.from([-0.41, -0.255, 0.665]) };
    const { right, mistakes } = choiceAnswer(SIGN_PATTERN_EXERCISE);
    expect(right(q)).toEqual(['1', '2']);
    const grade = (chosen: string[]) => gradeChoice(chosen, right(q), mistakes?.(q));
    expect(grade(['2', '1'])).toEqual({ correct: true });
    expect(grade(['3'])).toMatchObject({ mistake: expect.stringMatching(/positive entries: the sign is flipped/) });
    expect(grade(['1', '2', '3'])).toMatchObject({ mistake: expect.stringMatching(/cannot all be negative/) });
    // the heaviest class of (0.5, 0.5, 0) is class 1: the hard-label answer
    expect(grade(['1'])).toMatchObject({ mistake: expect.stringMatching(/hard-label answer, class 1 alone/) });
    expect(grade(['2'])).toEqual({ correct: false });
  });

  it('names the flipped sign and "all of them" on every seed, and the label’s classes where they differ from the truth', () => {
    const { right, mistakes } = choiceAnswer(SIGN_PATTERN_EXERCISE);
    let labelled = 0;
    for (const seed of SEEDS) {
      const q = SIGN_PATTERN_EXERCISE.make(seed);
      const grade = (chosen: string[]) => gradeChoice(chosen, right(q), mistakes?.(q));
      const g = gradient(q.z, q.y);
      const positive = g.flatMap((v, j) => (v > 0 ? [String(j + 1)] : []));
      expect(grade(positive)).toMatchObject({ correct: false, mistake: expect.stringMatching(/sign is flipped/) });
      expect(grade(q.z.map((_, j) => String(j + 1)))).toMatchObject({ correct: false, mistake: expect.stringMatching(/cannot all be negative/) });
      const weighted = q.y.flatMap((v, j) => (v > 0 ? [String(j + 1)] : []));
      const negative = g.flatMap((v, j) => (v < 0 ? [String(j + 1)] : []));
      if (weighted.join() !== negative.join() && weighted.join() !== positive.join() && weighted.length < q.z.length) {
        expect(grade(weighted)).toMatchObject({ correct: false, mistake: expect.stringMatching(/classes the label gives weight to/) });
        labelled++;
      }
    }
    expect(labelled).toBeGreaterThan(10);
  });
});

describe('STEP_BUG_EXERCISE', () => {
  it('is the same numbers every time: logits on the 0.1 grid, a one-hot label, η in 0.1 … 1', () => {
    expect(STEP_BUG_EXERCISE.make(3)).toEqual(STEP_BUG_EXERCISE.make(3));
    for (const seed of SEEDS) {
      const { z, y, t, eta } = STEP_BUG_EXERCISE.make(seed);
      for (const v of z) expect(onGrid(v)).toBe(true);
      expect(y[t]).toBe(1);
      expect(onGrid(eta) && eta >= 0.1 && eta <= 1).toBe(true);
    }
  });

  it('the code’s step z − η(y − p) raises the loss on every seed, by another route', () => {
    for (const seed of SEEDS) {
      const q = STEP_BUG_EXERCISE.make(seed);
      // the code's own lines: p by another route, grad = y − p, z − η·grad
      const stepped = q.z.map((v, i) => v - q.eta * ((q.y[i] as number) - probability(q.z, i)));
      expect(q.before).toBeCloseTo(loss(q.z, q.y), 12);
      expect(q.after).toBeCloseTo(loss(stepped, q.y), 12);
      expect(q.after).toBeGreaterThan(q.before);
      expect(STEP_BUG_EXERCISE.truthText(q)).toContain(`from ${answer(loss(q.z, q.y))} to ${answer(loss(stepped, q.y))}`);
      expect(STEP_BUG_EXERCISE.worked(q)).toMatch(new RegExp(`the loss goes up, from ${answer(loss(q.z, q.y))} to ${answer(loss(stepped, q.y))}\\.$`));
    }
  });

  it('the uphill option is right; every other is a named mistake', () => {
    const q = STEP_BUG_EXERCISE.make(1);
    const { right, mistakes, options } = choiceAnswer(STEP_BUG_EXERCISE);
    expect(options(q)).toEqual(STEP_BUG_OPTIONS);
    expect(gradeChoice(['uphill'], right(q), mistakes?.(q))).toEqual({ correct: true });
    for (const wrong of ['fine', 'diagonal', 'mean']) {
      expect(gradeChoice([wrong], right(q), mistakes?.(q))).toMatchObject({ correct: false, mistake: expect.any(String) });
    }
    expect(gradeChoice(['fine'], right(q), mistakes?.(q))).toMatchObject({ mistake: expect.stringMatching(/negative of ∂L\/∂z = p − y/) });
    expect(STEP_BUG_EXERCISE.hints(q)).toHaveLength(2);
  });
});

describe('GRADIENT_EXERCISE.worked(q), followed as a learner would', () => {
  it('dividing the exponential by the sum as shown, then subtracting y, is graded right for seeds 1–300 (p − 1 cancels figures)', async () => {
    const { GRADIENT_EXERCISE } = await import('../../../../src/chapters/softmax-cross-entropy/softmaxCrossEntropyExerciseSpecs');
    const { gradeNumber } = await import('../../../../src/exercises/grading');
    if (GRADIENT_EXERCISE.answer.kind !== 'number') throw new Error('a number exercise');
    for (let seed = 1; seed <= 300; seed++) {
      const q = GRADIENT_EXERCISE.make(seed);
      const [, e, total] = /p. = (\S+) \/ (\S+) =/.exec(GRADIENT_EXERCISE.worked(q))!;
      const p = Number(e!.replace('−', '-')) / Number(total!.replace('−', '-'));
      const yk = q.y[q.k] as number;
      expect(gradeNumber((p - yk).toPrecision(3), GRADIENT_EXERCISE.answer.truth(q), 3).correct, `seed ${seed}`).toBe(true);
    }
  });
});
