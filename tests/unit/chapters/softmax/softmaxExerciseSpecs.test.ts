import { describe, expect, it } from 'vitest';
import { gradeDrag, gradeNumber } from '../../../../src/exercises/grading';
import { PROBABILITY_EXERCISE, SHARES_EXERCISE, TEMPERATURE_EXERCISE } from '../../../../src/chapters/softmax/softmaxExerciseSpecs';

/** p_k as 1 / Σ_j e^{(z_j − z_k)/T}: another route to softmax than the core's (no max shift, no division of exponentials). */
function reference(z: readonly number[], k: number, T = 1): number {
  return 1 / z.reduce((s, zj) => s + Math.exp((zj - (z[k] as number)) / T), 0);
}

const answer = (x: number) => x.toPrecision(3);
const SEEDS = Array.from({ length: 200 }, (_, i) => i + 1);

describe('PROBABILITY_EXERCISE.make(seed)', () => {
  it('make(seed) is the same numbers every time, and another seed gives others', () => {
    expect(PROBABILITY_EXERCISE.make(5).z).toEqual(PROBABILITY_EXERCISE.make(5).z);
    const distinct = new Set(SEEDS.map((s) => PROBABILITY_EXERCISE.make(s).z.join(',')));
    expect(distinct.size).toBeGreaterThan(190);
  });

  it('draws 3 or 4 distinct logits on the 0.1 grid in [−3, 3], and a class among them', () => {
    for (const seed of SEEDS) {
      const { z, k } = PROBABILITY_EXERCISE.make(seed);
      expect([3, 4]).toContain(z.length);
      expect(new Set(z).size).toBe(z.length);
      for (const v of z) {
        expect(Math.abs(v)).toBeLessThanOrEqual(3);
        expect(Math.abs(v * 10 - Math.round(v * 10))).toBeLessThan(1e-9);
      }
      expect(k >= 0 && k < z.length).toBe(true);
    }
  });
});

describe('PROBABILITY_EXERCISE graded', () => {
  it('its truth is p_k = 1 / Σ e^(z_j − z_k) for every seed', () => {
    for (const seed of SEEDS) {
      const q = PROBABILITY_EXERCISE.make(seed);
      expect(PROBABILITY_EXERCISE.answer.kind).toBe('number');
      if (PROBABILITY_EXERCISE.answer.kind !== 'number') return;
      expect(PROBABILITY_EXERCISE.answer.truth(q)).toBeCloseTo(reference(q.z, q.k), 14);
    }
  });

  it('by hand at z = (2, 3, 4), class 3: p₃ = e⁴/(e² + e³ + e⁴) = 0.665', () => {
    const q = { z: [2, 3, 4], k: 2, p: Float64Array.from([0.09003057, 0.24472847, 0.66524096]) };
    if (PROBABILITY_EXERCISE.answer.kind !== 'number') throw new Error('a number exercise');
    const { truth, figures, mistakes } = PROBABILITY_EXERCISE.answer;
    expect(gradeNumber('0.665', truth(q), figures, mistakes?.(q))).toEqual({ correct: true });
    // z₃ / Σz = 4/9 = 0.444: the logits shared out without the exponential
    expect(gradeNumber('0.444', truth(q), figures, mistakes?.(q))).toMatchObject({ correct: false, mistake: expect.stringMatching(/without the exponential/) });
    // e⁴ = 54.6: not divided by the sum
    expect(gradeNumber('54.6', truth(q), figures, mistakes?.(q))).toMatchObject({ correct: false, mistake: expect.stringMatching(/divided by the sum/) });
    // p₂ = 0.245: another class
    expect(gradeNumber('0.245', truth(q), figures, mistakes?.(q))).toMatchObject({ correct: false, mistake: 'that is p₂, the probability of class 2: the question asks for class 3' });
    expect(gradeNumber('0.7', truth(q), figures, mistakes?.(q))).toEqual({ correct: false });
  });

  it('the right answer to 3 figures is right for every seed, and the worked answer ends on it', () => {
    for (const seed of SEEDS) {
      const q = PROBABILITY_EXERCISE.make(seed);
      const p = reference(q.z, q.k);
      if (PROBABILITY_EXERCISE.answer.kind !== 'number') return;
      expect(gradeNumber(answer(p), PROBABILITY_EXERCISE.answer.truth(q), 3).correct).toBe(true);
      expect(PROBABILITY_EXERCISE.worked(q)).toMatch(new RegExp(`= ${answer(p).replace('.', '\\.')}\\.$`));
      expect(PROBABILITY_EXERCISE.hints(q)).toHaveLength(2);
    }
  });
});

describe('TEMPERATURE_EXERCISE graded', () => {
  it('its truth is 1 / Σ e^((z_j − z_k)/T) at T ∈ {0.5, 2, 4}, every T drawn over the seeds', () => {
    const temperatures = new Set<number>();
    for (const seed of SEEDS) {
      const q = TEMPERATURE_EXERCISE.make(seed);
      temperatures.add(q.T);
      if (TEMPERATURE_EXERCISE.answer.kind !== 'number') return;
      expect(TEMPERATURE_EXERCISE.answer.truth(q)).toBeCloseTo(reference(q.z, q.k, q.T), 14);
    }
    expect([...temperatures].sort()).toEqual([0.5, 2, 4]);
  });

  it('leaving T out, or multiplying by it, is named', () => {
    // a seed where both mistakes differ from the truth to 3 figures
    const q = TEMPERATURE_EXERCISE.make(SEEDS.find((s) => {
      const t = TEMPERATURE_EXERCISE.make(s);
      return Math.abs(reference(t.z, t.k, 1) - reference(t.z, t.k, t.T)) > 0.01 && Math.abs(reference(t.z, t.k, 1 / t.T) - reference(t.z, t.k, t.T)) > 0.01;
    })!);
    if (TEMPERATURE_EXERCISE.answer.kind !== 'number') throw new Error('a number exercise');
    const { truth, figures, mistakes } = TEMPERATURE_EXERCISE.answer;
    expect(gradeNumber(answer(reference(q.z, q.k, 1)), truth(q), figures, mistakes?.(q))).toMatchObject({ mistake: expect.stringMatching(/temperature was left out/) });
    // softmax(z · T) is softmax at temperature 1/T
    expect(gradeNumber(answer(reference(q.z, q.k, 1 / q.T)), truth(q), figures, mistakes?.(q))).toMatchObject({ mistake: expect.stringMatching(/divided by T = .*, not multiplied/) });
    expect(gradeNumber(answer(reference(q.z, q.k, q.T)), truth(q), figures, mistakes?.(q))).toEqual({ correct: true });
  });
});

describe('TEMPERATURE_EXERCISE hints', () => {
  it('claim no direction a single probability must move in, which is false for some classes (seed 68 of old: z = (−1.7, 0.9, 1.5), T = 2, p₂ 0.345 → 0.381)', () => {
    // p₂ at T = 1 and T = 2 by the reference: 0.3453 → 0.3813, away from 1/3
    expect(reference([-1.7, 0.9, 1.5], 1, 1)).toBeCloseTo(0.3453, 4);
    expect(reference([-1.7, 0.9, 1.5], 1, 2)).toBeCloseTo(0.3813, 4);
    for (const seed of SEEDS) {
      const text = TEMPERATURE_EXERCISE.hints(TEMPERATURE_EXERCISE.make(seed)).join(' ');
      expect(text).not.toMatch(/towards 1\/C|goes that way|grows/);
    }
  });

  it('state z / T as it is, and a ratio check that holds: p_k / p_j at T is its T = 1 value to the power 1/T', () => {
    for (const seed of SEEDS) {
      const q = TEMPERATURE_EXERCISE.make(seed);
      const hint = TEMPERATURE_EXERCISE.hints(q)[1] as string;
      const shown = /z \/ T = \(([^)]*)\)/.exec(hint)?.[1]?.split(', ').map((v) => Number(v.replace('−', '-')));
      expect(shown).toHaveLength(q.z.length);
      shown!.forEach((v, j) => expect(v).toBeCloseTo((q.z[j] as number) / q.T, 4));
      const power = Number(/to the power 1\/T = ([\d.]+)\.$/.exec(hint)?.[1]);
      expect(power).toBe(1 / q.T);
      for (let j = 0; j < q.z.length; j++) {
        if (j === q.k) continue;
        const atT = reference(q.z, q.k, q.T) / reference(q.z, j, q.T);
        const atOne = reference(q.z, q.k, 1) / reference(q.z, j, 1);
        expect(atT / atOne ** power).toBeCloseTo(1, 10);
      }
    }
  });
});

describe('the two exercises at one seed', () => {
  it('draw from different streams: seed 1 does not show the same logits in both, and few seeds do', () => {
    const same = (s: number) => PROBABILITY_EXERCISE.make(s).z.join(',') === TEMPERATURE_EXERCISE.make(s).z.join(',');
    expect(same(1)).toBe(false);
    expect(SEEDS.filter(same).length).toBeLessThan(3);
  });
});

describe('SHARES_EXERCISE (a drag: every probability by eye)', () => {
  const answer = SHARES_EXERCISE.answer;
  if (answer.kind !== 'drag') throw new Error('a drag exercise');

  it('make(seed) draws 3 or 4 distinct logits on the 0.5 grid in [−2, 2], the same for the same seed', () => {
    expect(SHARES_EXERCISE.make(8).z).toEqual(SHARES_EXERCISE.make(8).z);
    for (const seed of SEEDS) {
      const { z } = SHARES_EXERCISE.make(seed);
      expect([3, 4]).toContain(z.length);
      expect(new Set(z).size).toBe(z.length);
      for (const v of z) {
        expect(Math.abs(v)).toBeLessThanOrEqual(2);
        expect(Number.isInteger(v * 2)).toBe(true);
      }
    }
  });

  it('its truth is softmax(z) by the reference route, one bar per class, and bars start at 0', () => {
    for (const seed of SEEDS) {
      const q = SHARES_EXERCISE.make(seed);
      const truth = answer.truth(q);
      q.z.forEach((_, k) => expect(truth[k]).toBeCloseTo(reference(q.z, k), 14));
      expect(answer.items(q)).toHaveLength(q.z.length);
      expect(answer.start(q)).toEqual(q.z.map(() => 0));
    }
  });

  it('z = (−1, 0, 1.5) by hand: p ≈ (0.0629, 0.171, 0.766); bars (0.05, 0.2, 0.75) are right, (0, 0, 1) is argmax, named', () => {
    // e^−1 = 0.36788, e^0 = 1, e^1.5 = 4.48169; sum 5.84957
    const q = { z: [-1, 0, 1.5], p: Float64Array.from([0.36788 / 5.84957, 1 / 5.84957, 4.48169 / 5.84957]) };
    expect(gradeDrag([0.05, 0.2, 0.75], true, answer.truth(q), answer.tolerance, answer.mistakes!(q))).toEqual({ correct: true });
    const oneHot = gradeDrag([0, 0, 1], true, answer.truth(q), answer.tolerance, answer.mistakes!(q));
    expect(oneHot.correct === false && oneHot.mistake).toMatch(/^that is argmax as a one-hot vector/);
    // shares in proportion to the distance above the smallest logit: (0, 1, 2.5) / 3.5
    const linear = gradeDrag([0, 0.29, 0.71], true, answer.truth(q), answer.tolerance, answer.mistakes!(q));
    expect(linear.correct === false && linear.mistake).toMatch(/^those are shares in proportion/);
  });

  it('on every seed each named mistake is wrong and named, and never also within the tolerance of the truth', () => {
    for (const seed of SEEDS) {
      const q = SHARES_EXERCISE.make(seed);
      const truth = answer.truth(q);
      for (const m of answer.mistakes!(q)) {
        const far = Math.max(...m.values.map((v, i) => Math.abs(v - (truth[i] as number))));
        expect(far).toBeGreaterThan(2 * answer.tolerance);
        expect(gradeDrag(m.values, true, truth, answer.tolerance, answer.mistakes!(q))).toEqual({ correct: false, mistake: m.says });
      }
    }
  });

  it('"New numbers" (the next seed) never shows the same logits again: make(s) and make(s + 1) differ for s up to 3000', () => {
    let previous = SHARES_EXERCISE.make(1).z.join();
    for (let seed = 2; seed <= 3000; seed++) {
      const now = SHARES_EXERCISE.make(seed).z.join();
      expect(now, `seed ${seed}`).not.toBe(previous);
      previous = now;
    }
  });

  it('its explorer link sets the softmax explorer to the same logits at T = 1', () => {
    const q = SHARES_EXERCISE.make(3);
    expect(SHARES_EXERCISE.explore!(q)).toEqual({ what: 'the softmax explorer', inputs: { logits: [...q.z], temperature: 1 } });
  });
});
