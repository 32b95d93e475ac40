import { describe, expect, it } from 'vitest';
import { gradeChoice, gradeNumber } from '../../../../src/exercises/grading';
import { CLOSEST_PREDICTION_EXERCISE, CROSS_ENTROPY_EXERCISE, UNIT_BUG_EXERCISE } from '../../../../src/chapters/information/informationExerciseSpecs';

/**
 * H(y, p) in bits by another route than the core's: log₂ of a product, Π pᵢ^yᵢ (no sum of log terms,
 * no log2), then ln ÷ ln 2. Exact enough here: every pᵢ ≥ 0.1 and every yᵢ ≤ 1.
 */
function crossEntropyBits(y: readonly number[], p: readonly number[]): number {
  const product = y.reduce((acc, yi, i) => acc * (p[i] as number) ** yi, 1);
  return -Math.log(product) / Math.log(2);
}

const answer = (x: number) => x.toPrecision(3);
const SEEDS = Array.from({ length: 200 }, (_, i) => i + 1);
const onTenths = (d: readonly number[]) => d.every((v) => v >= 0.1 - 1e-12 && Math.abs(v * 10 - Math.round(v * 10)) < 1e-9) && Math.abs(d.reduce((s, v) => s + v, 0) - 1) < 1e-9;

describe('CROSS_ENTROPY_EXERCISE.make(seed)', () => {
  it('is the same numbers every time, and other seeds give others', () => {
    expect(CROSS_ENTROPY_EXERCISE.make(5)).toEqual(CROSS_ENTROPY_EXERCISE.make(5));
    const distinct = new Set(SEEDS.map((s) => { const q = CROSS_ENTROPY_EXERCISE.make(s); return `${q.p.join(',')}|${q.t}`; }));
    expect(distinct.size).toBeGreaterThan(100);
  });

  it('draws 3 or 4 probabilities on the 0.1 grid, each ≥ 0.1, summing to 1, and y one-hot at t', () => {
    for (const seed of SEEDS) {
      const { p, y, t } = CROSS_ENTROPY_EXERCISE.make(seed);
      expect([3, 4]).toContain(p.length);
      expect(onTenths(p)).toBe(true);
      expect(t >= 0 && t < p.length).toBe(true);
      expect(y).toEqual(p.map((_, i) => (i === t ? 1 : 0)));
    }
  });
});

describe('CROSS_ENTROPY_EXERCISE graded', () => {
  const spec = CROSS_ENTROPY_EXERCISE.answer;
  if (spec.kind !== 'number') throw new Error('a number exercise');

  it('its truth is −log₂ pₜ for every seed (as a log of a product)', () => {
    for (const seed of SEEDS) {
      const q = CROSS_ENTROPY_EXERCISE.make(seed);
      expect(spec.truth(q)).toBeCloseTo(crossEntropyBits(q.y, q.p), 13);
    }
  });

  it('by hand at p = (0.2, 0.5, 0.3), class 1: H = −log₂ 0.2 = log₂ 5 = 2.32 bits', () => {
    // log₂ 5 = 2.3219…; in nats −ln 0.2 = 1.609; log₂ 0.2 = −2.32; class 2's surprise −log₂ 0.5 = 1 exactly
    const q = { p: [0.2, 0.5, 0.3], t: 0, y: [1, 0, 0] };
    const m = spec.mistakes?.(q);
    expect(gradeNumber('2.32', spec.truth(q), spec.figures, m)).toEqual({ correct: true });
    expect(gradeNumber('1.61', spec.truth(q), spec.figures, m)).toMatchObject({ correct: false, mistake: expect.stringMatching(/in nats/) });
    expect(gradeNumber('−2.32', spec.truth(q), spec.figures, m)).toMatchObject({ correct: false, mistake: expect.stringMatching(/without its minus sign/) });
    expect(gradeNumber('1', spec.truth(q), spec.figures, m)).toMatchObject({ correct: false, mistake: expect.stringMatching(/^that is −log₂ p₂, the surprise of class 2/) });
    // −log₂ 0.3 = 1.737: class 3
    expect(gradeNumber('1.74', spec.truth(q), spec.figures, m)).toMatchObject({ correct: false, mistake: expect.stringMatching(/class 3/) });
    // two other classes with the same probability are named together: −log₂ 0.4 = 1.32 (the truth −log₂ 0.2 = 2.32)
    const even = { p: [0.4, 0.2, 0.4], t: 1, y: [0, 1, 0] };
    expect(gradeNumber('1.32', spec.truth(even), spec.figures, spec.mistakes?.(even))).toMatchObject({ mistake: 'that is −log₂ p₁ = −log₂ p₃, the surprise of class 1 and class 3: y is 0 there, so that term counts 0 times; only class 2 is left' });
    expect(gradeNumber('2.5', spec.truth(q), spec.figures, m)).toEqual({ correct: false });
  });

  it('every named mistake is named on the drawn numbers, and the right answer is right, for every seed', () => {
    for (const seed of SEEDS) {
      const q = CROSS_ENTROPY_EXERCISE.make(seed);
      const bits = crossEntropyBits(q.y, q.p);
      const m = spec.mistakes?.(q);
      expect(gradeNumber(answer(bits), spec.truth(q), spec.figures, m)).toEqual({ correct: true });
      // nats, computed as bits · ln 2
      expect(gradeNumber(answer(bits * Math.LN2), spec.truth(q), spec.figures, m)).toMatchObject({ mistake: expect.stringMatching(/in nats/) });
      expect(gradeNumber(answer(-bits), spec.truth(q), spec.figures, m)).toMatchObject({ mistake: expect.stringMatching(/minus sign/) });
      q.p.forEach((pj, j) => {
        const wrong = -Math.log(pj) / Math.log(2);
        if (j === q.t || Math.abs(wrong - bits) < 0.01) return;
        expect(gradeNumber(answer(wrong), spec.truth(q), spec.figures, m)).toMatchObject({ mistake: expect.stringMatching(new RegExp(`class ${j + 1}(: | and ).*y is 0 there`)) });
      });
      expect(CROSS_ENTROPY_EXERCISE.worked(q)).toMatch(new RegExp(` ${answer(bits).replace('.', '\\.')}\\.$`));
      expect(CROSS_ENTROPY_EXERCISE.truthText(q)).toBe(`H(y, p) = ${answer(bits)} bits`);
      expect(CROSS_ENTROPY_EXERCISE.hints(q)).toHaveLength(2);
    }
  });
});

describe('CLOSEST_PREDICTION_EXERCISE', () => {
  const spec = CLOSEST_PREDICTION_EXERCISE.answer;
  if (spec.kind !== 'choice') throw new Error('a choice exercise');
  const letters = ['A', 'B', 'C'];

  it('make(seed) is deterministic; y and the three distinct candidates are on the 0.1 grid, none equal to y', () => {
    expect(CLOSEST_PREDICTION_EXERCISE.make(9)).toEqual(CLOSEST_PREDICTION_EXERCISE.make(9));
    const distinct = new Set(SEEDS.map((s) => JSON.stringify(CLOSEST_PREDICTION_EXERCISE.make(s))));
    expect(distinct.size).toBeGreaterThan(190);
    for (const seed of SEEDS) {
      const { y, candidates } = CLOSEST_PREDICTION_EXERCISE.make(seed);
      expect(y).toHaveLength(3);
      expect(onTenths(y)).toBe(true);
      expect(candidates).toHaveLength(3);
      for (const c of candidates) expect(onTenths(c)).toBe(true);
      expect(new Set([y, ...candidates].map((d) => d.join(','))).size).toBe(4);
    }
  });

  it('the right option is the smallest −log₂ Π pᵢ^yᵢ, by a margin of 0.02 bits, for every seed; the worked answer names it', () => {
    for (const seed of SEEDS) {
      const q = CLOSEST_PREDICTION_EXERCISE.make(seed);
      const h = q.candidates.map((c) => crossEntropyBits(q.y, c));
      const sorted = [...h].sort((a, b) => a - b);
      const best = h.indexOf(sorted[0] as number);
      expect((sorted[1] as number) - (sorted[0] as number)).toBeGreaterThanOrEqual(0.02);
      expect(spec.right(q)).toEqual([letters[best]]);
      expect(gradeChoice([letters[best] as string], spec.right(q), spec.mistakes?.(q))).toEqual({ correct: true });
      expect(spec.options(q).map((o) => o.value)).toEqual(letters);
      expect(CLOSEST_PREDICTION_EXERCISE.worked(q)).toMatch(new RegExp(`The smallest is ${letters[best]}, p = \\(${q.candidates[best]!.join(', ')}\\)\\.$`));
      expect(CLOSEST_PREDICTION_EXERCISE.hints(q)).toHaveLength(2);
    }
  });

  it('choosing the most confident candidate on y’s likeliest class is named, for every seed (it is never the right one)', () => {
    for (const seed of SEEDS) {
      const q = CLOSEST_PREDICTION_EXERCISE.make(seed);
      const mode = q.y.indexOf(Math.max(...q.y));
      const top = Math.max(...q.candidates.map((c) => c[mode] as number));
      const confident = q.candidates.findIndex((c) => c[mode] === top);
      expect(spec.right(q)).not.toContain(letters[confident]);
      expect(gradeChoice([letters[confident] as string], spec.right(q), spec.mistakes?.(q))).toMatchObject({ correct: false, mistake: expect.stringMatching(/most confident about class/) });
    }
  });

  it('by hand: y = (0.5, 0.3, 0.2); A = (0.8, 0.1, 0.1) is the bold one, B = (0.4, 0.4, 0.2) the close one', () => {
    // H(y, A) = −(0.5 log₂ 0.8 + 0.3 log₂ 0.1 + 0.2 log₂ 0.1) = 0.161 + 0.997 + 0.664 = 1.82 bits
    // H(y, B) = −(0.5 log₂ 0.4 + 0.3 log₂ 0.4 + 0.2 log₂ 0.2) = 0.661 + 0.397 + 0.464 = 1.52 bits
    // H(y, C) for C = (0.2, 0.2, 0.6): 1.161 + 0.697 + 0.147 = 2.01 bits
    // swapped, H(p, y): A 0.8·1 + 0.1·1.737 + 0.1·2.322 = 1.21, B 1.56, C 1.94: A again, named as the bold one
    const q = { y: [0.5, 0.3, 0.2], candidates: [[0.8, 0.1, 0.1], [0.4, 0.4, 0.2], [0.2, 0.2, 0.6]] };
    expect(spec.right(q)).toEqual(['B']);
    const m = spec.mistakes?.(q);
    expect(gradeChoice(['A'], spec.right(q), m)).toMatchObject({ mistake: expect.stringMatching(/^A is the most confident about class 1/) });
    expect(gradeChoice(['C'], spec.right(q), m)).toEqual({ correct: false });
    expect(CLOSEST_PREDICTION_EXERCISE.truthText(q)).toBe('B: H(y, p) = 1.52 bits');
  });

  it('the candidate with the smallest H(p, y), the roles swapped, is named where it is neither right nor the bold one', () => {
    // y = (0.3, 0.3, 0.4): A = (0.1, 0.1, 0.8) bold on class 3; B = (0.3, 0.4, 0.3) close; C = (0.6, 0.2, 0.2)
    // H(y, ·): A 2.12, B 1.61, C 1.85 bits. H(·, y): A 0.1·1.737·2 + 0.8·1.322 = 1.41, B 1.61, C 1.65: A is both
    // the bold one and the swapped one, and is named as the bold one
    const q = { y: [0.3, 0.3, 0.4], candidates: [[0.1, 0.1, 0.8], [0.3, 0.4, 0.3], [0.6, 0.2, 0.2]] };
    expect(spec.right(q)).toEqual(['B']);
    expect(gradeChoice(['A'], spec.right(q), spec.mistakes?.(q))).toMatchObject({ mistake: expect.stringMatching(/most confident/) });
    // a drawn case where the swap picks a third candidate, found among the seeds by the independent sums
    const found = SEEDS.map((s) => CLOSEST_PREDICTION_EXERCISE.make(s)).find((t) => {
      const h = t.candidates.map((c) => crossEntropyBits(t.y, c));
      const sw = t.candidates.map((c) => crossEntropyBits(c, t.y));
      const best = h.indexOf(Math.min(...h));
      const swapped = sw.indexOf(Math.min(...sw));
      const mode = t.y.indexOf(Math.max(...t.y));
      const top = Math.max(...t.candidates.map((c) => c[mode] as number));
      return swapped !== best && t.candidates[swapped]![mode] !== top;
    });
    expect(found).toBeDefined();
    const sw = found!.candidates.map((c) => crossEntropyBits(c, found!.y));
    const swapped = letters[sw.indexOf(Math.min(...sw))] as string;
    expect(gradeChoice([swapped], spec.right(found!), spec.mistakes?.(found!))).toMatchObject({ mistake: expect.stringMatching(/smallest H\(p, y\): y and p swapped/) });
  });
});

describe('UNIT_BUG_EXERCISE (spot the bug: bits from np.log)', () => {
  const spec = UNIT_BUG_EXERCISE.answer;
  if (spec.kind !== 'choice') throw new Error('a choice exercise');

  it('by hand at p = (0.2, 0.5, 0.3), class 1: the line prints −ln 0.2 = 1.61 nats, 2.32 bits', () => {
    // np.mean over 3 classes: 1.609 / 3 = 0.536; without the minus: ln 0.2 = −1.61
    const q = { p: [0.2, 0.5, 0.3], t: 0, y: [1, 0, 0] };
    const m = spec.mistakes?.(q);
    expect(spec.right(q)).toEqual(['nats']);
    // the truth, shown once the learner has chosen, gives the bits (no option carries a number)
    expect(UNIT_BUG_EXERCISE.truthText(q as never)).toMatch(/in bits H\(y, p\) = 2\.32$/);
    expect(gradeChoice(['nats'], spec.right(q), m)).toEqual({ correct: true });
    expect(gradeChoice(['fine'], spec.right(q), m)).toMatchObject({ mistake: expect.stringMatching(/^the line prints 1\.61 = −ln p₁, in nats/) });
    expect(gradeChoice(['mean'], spec.right(q), m)).toMatchObject({ mistake: expect.stringMatching(/giving 0\.536/) });
    expect(gradeChoice(['sign'], spec.right(q), m)).toMatchObject({ mistake: expect.stringMatching(/log p₁ = −1\.61 is negative/) });
  });

  it('at the default seed 1 its numbers are not those of the cross-entropy exercise, so it does not show that answer', () => {
    expect(UNIT_BUG_EXERCISE.make(1)).not.toEqual(CROSS_ENTROPY_EXERCISE.make(1));
  });

  it('for every seed: the numbers are drawn as the cross-entropy exercise draws them, every wrong option is named, and the worked answer ends on the bits', () => {
    for (const seed of SEEDS) {
      const q = UNIT_BUG_EXERCISE.make(seed);
      expect(q).toEqual(CROSS_ENTROPY_EXERCISE.make(seed + 7919));
      const bits = crossEntropyBits(q.y, q.p);
      const m = spec.mistakes?.(q);
      expect(gradeChoice(['nats'], spec.right(q), m)).toEqual({ correct: true });
      for (const wrong of ['fine', 'mean', 'sign']) expect(gradeChoice([wrong], spec.right(q), m)).toMatchObject({ correct: false, mistake: expect.any(String) });
      expect(m?.fine).toContain(answer(bits * Math.LN2));
      expect(UNIT_BUG_EXERCISE.worked(q)).toContain(`to get ${answer(bits)}. The bug: np.log gives nats.`);
      expect(UNIT_BUG_EXERCISE.hints(q)).toHaveLength(2);
    }
  });
});
