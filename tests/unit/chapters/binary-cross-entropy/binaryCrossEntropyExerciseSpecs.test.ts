import { describe, expect, it } from 'vitest';
import { gradeChoice, gradeNumber } from '../../../../src/exercises/grading';
import type { NumberAnswer } from '../../../../src/exercises/exerciseSpec';
import {
  GRADIENT_EXERCISE,
  LOSS_EXERCISE,
  WITH_LOGITS_EXERCISE,
  type GradientNumbers,
  type LossNumbers,
  type WithLogitsNumbers,
} from '../../../../src/chapters/binary-cross-entropy/binaryCrossEntropyExerciseSpecs';

/*
 * Reference values by other routes than the core's: σ(z) as (1 + tanh(z/2))/2, and the loss as the
 * textbook ln(1 + e^∓z) with a plain Math.log (the core uses softplus with log1p and a max). For the
 * small logits these exercises draw, both routes agree to far more than the 3 figures graded.
 */
const sigma = (z: number) => (1 + Math.tanh(z / 2)) / 2;
/** −(t ln σ(z) + (1 − t) ln(1 − σ(z))), as PyTorch's BCEWithLogitsLoss defines it, for t ∈ {0, 1} */
const bce = (z: number, t: number) => (t === 1 ? Math.log(1 + Math.exp(-z)) : Math.log(1 + Math.exp(z)));

const answer = (x: number) => x.toPrecision(3);
const SEEDS = Array.from({ length: 200 }, (_, i) => i + 1);
const onGrid = (v: number) => Math.abs(v * 10 - Math.round(v * 10)) < 1e-9;
/** The first seed (of all the address allows) whose numbers have this z and t: the by-hand cases. */
function seedWith(spec: { make(seed: number): { z: number; t: number } }, z: number, t: number): number {
  for (let seed = 1; seed <= 99999; seed++) {
    const q = spec.make(seed);
    if (q.z === z && q.t === t) return seed;
  }
  throw new Error(`no seed draws z = ${z}, t = ${t}`);
}

function numberAnswer<Q>(spec: { answer: unknown }): NumberAnswer<Q> {
  const a = spec.answer as NumberAnswer<Q>;
  if (a.kind !== 'number') throw new Error('a number exercise');
  return a;
}
const regex = (text: string) => new RegExp(`${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.$`);
/** A figure as the page writes it (true minus sign). */
const shown = (x: number) => answer(x).replace('-', '−');

describe('LOSS_EXERCISE.make(seed)', () => {
  it('is the same numbers every time, and the seeds give many different ones', () => {
    expect(LOSS_EXERCISE.make(5)).toEqual(LOSS_EXERCISE.make(5));
    expect(new Set(SEEDS.map((s) => `${LOSS_EXERCISE.make(s).z},${LOSS_EXERCISE.make(s).t}`)).size).toBeGreaterThan(80);
  });

  it('draws z on the 0.1 grid with 0.5 ≤ |z| ≤ 3, and both labels over the seeds', () => {
    const labels = new Set<number>();
    for (const seed of SEEDS) {
      const { z, t } = LOSS_EXERCISE.make(seed);
      expect(onGrid(z)).toBe(true);
      expect(Math.abs(z)).toBeGreaterThanOrEqual(0.5);
      expect(Math.abs(z)).toBeLessThanOrEqual(3);
      expect([0, 1]).toContain(t);
      labels.add(t);
    }
    expect([...labels].sort()).toEqual([0, 1]);
  });
});

describe('LOSS_EXERCISE graded', () => {
  const a = numberAnswer<LossNumbers>(LOSS_EXERCISE);

  it('its truth is ln(1 + e^−z) for t = 1 and ln(1 + e^z) for t = 0, for every seed', () => {
    for (const seed of SEEDS) {
      const q = LOSS_EXERCISE.make(seed);
      expect(a.truth(q)).toBeCloseTo(bce(q.z, q.t), 13);
    }
  });

  it('by hand at z = 2, t = 1: ŷ = 0.8808, L = −ln 0.8808 = 0.127; each slip is named', () => {
    const q = LOSS_EXERCISE.make(seedWith(LOSS_EXERCISE, 2, 1));
    const grade = (typed: string) => gradeNumber(typed, a.truth(q), a.figures, a.mistakes?.(q));
    expect(grade('0.127')).toEqual({ correct: true });
    expect(grade('0.1269')).toEqual({ correct: true });
    // log₂: 0.1269 / ln 2 = 0.183; log₁₀: 0.1269 / ln 10 = 0.0551
    expect(grade('0.183')).toMatchObject({ correct: false, mistake: expect.stringMatching(/log base 2/) });
    expect(grade('0.0551')).toMatchObject({ correct: false, mistake: expect.stringMatching(/log base 10/) });
    // the other label: −ln(1 − 0.8808) = −ln 0.1192 = 2.13
    expect(grade('2.13')).toMatchObject({ correct: false, mistake: 'that is −ln(1 − ŷ), the loss the other label, t = 0, would give' });
    // the sigmoid twice: σ(0.8808) = 0.7070, −ln 0.7070 = 0.347
    expect(grade('0.347')).toMatchObject({ correct: false, mistake: expect.stringMatching(/sigmoid applied twice/) });
    // no minus sign: ln 0.8808 = −0.127; no log at all: 0.881
    expect(grade('-0.127')).toMatchObject({ correct: false, mistake: expect.stringMatching(/without its minus sign/) });
    expect(grade('0.881')).toMatchObject({ correct: false, mistake: expect.stringMatching(/^that is ŷ itself/) });
    expect(grade('0.13')).toEqual({ correct: false });
  });

  it('by hand at z = −2.5, t = 0: 1 − ŷ = σ(2.5) = 0.9241, L = 0.0789; the other label gives ln(1 + e^2.5) = 2.58', () => {
    const q = LOSS_EXERCISE.make(seedWith(LOSS_EXERCISE, -2.5, 0));
    const grade = (typed: string) => gradeNumber(typed, a.truth(q), a.figures, a.mistakes?.(q));
    expect(grade('0.0789')).toEqual({ correct: true });
    expect(grade('2.58')).toMatchObject({ mistake: 'that is −ln ŷ, the loss the other label, t = 1, would give' });
    expect(grade('0.924')).toMatchObject({ mistake: expect.stringMatching(/^that is 1 − ŷ itself/) });
  });

  it('every named mistake is named for some seed where it differs from the truth', () => {
    const named = new Set<number>();
    for (const seed of SEEDS) {
      const q = LOSS_EXERCISE.make(seed);
      a.mistakes!(q).forEach((m, i) => {
        const g = gradeNumber(answer(m.value), a.truth(q), a.figures, a.mistakes!(q));
        if (!g.correct && g.mistake === m.says) named.add(i);
      });
    }
    expect([...named].sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('the right answer to 3 figures is right for every seed, the worked answer ends on it, and there are 2 hints', () => {
    for (const seed of SEEDS) {
      const q = LOSS_EXERCISE.make(seed);
      const L = bce(q.z, q.t);
      expect(gradeNumber(answer(L), a.truth(q), 3).correct).toBe(true);
      expect(LOSS_EXERCISE.worked(q)).toMatch(regex(`= ${shown(L)}`));
      expect(LOSS_EXERCISE.hints(q)).toHaveLength(2);
      expect(LOSS_EXERCISE.truthText(q)).toContain(`L = ${shown(L)}`);
    }
  });
});

describe('GRADIENT_EXERCISE graded', () => {
  const a = numberAnswer<GradientNumbers>(GRADIENT_EXERCISE);

  it('its truth is σ(z) − t with σ(z) = (1 + tanh(z/2))/2, and a central difference of the loss agrees, for every seed', () => {
    for (const seed of SEEDS) {
      const q = GRADIENT_EXERCISE.make(seed);
      expect(onGrid(q.z)).toBe(true);
      expect(a.truth(q)).toBeCloseTo(sigma(q.z) - q.t, 14);
      const h = 1e-5;
      expect(a.truth(q)).toBeCloseTo((bce(q.z + h, q.t) - bce(q.z - h, q.t)) / (2 * h), 8);
    }
  });

  it('by hand at z = 2, t = 1: ŷ − t = 0.8808 − 1 = −0.119; each slip is named', () => {
    const q = GRADIENT_EXERCISE.make(seedWith(GRADIENT_EXERCISE, 2, 1));
    const grade = (typed: string) => gradeNumber(typed, a.truth(q), a.figures, a.mistakes?.(q));
    expect(grade('-0.119')).toEqual({ correct: true });
    expect(grade('−0.1192')).toEqual({ correct: true });
    // σ′(2) = 0.8808 · 0.1192 = 0.1050, and −0.1192 · 0.1050 = −0.0125
    expect(grade('-0.0125')).toMatchObject({ correct: false, mistake: expect.stringMatching(/counts it twice/) });
    expect(grade('0.105')).toMatchObject({ correct: false, mistake: expect.stringMatching(/slope alone/) });
    // −t/ŷ = −1/0.8808 = −1.14
    expect(grade('-1.14')).toMatchObject({ correct: false, mistake: expect.stringMatching(/^that is ∂L\/∂ŷ = −t\/ŷ/) });
    expect(grade('0.119')).toMatchObject({ correct: false, mistake: expect.stringMatching(/^that is t − ŷ/) });
    expect(grade('-0.12')).toEqual({ correct: false });
  });

  it('every named mistake is named for some seed, and for t = 0 the derivative in ŷ is (1 − t)/(1 − ŷ)', () => {
    const named = new Set<number>();
    for (const seed of SEEDS) {
      const q = GRADIENT_EXERCISE.make(seed);
      a.mistakes!(q).forEach((m, i) => {
        const g = gradeNumber(answer(m.value), a.truth(q), a.figures, a.mistakes!(q));
        if (!g.correct && g.mistake === m.says) named.add(i);
      });
    }
    expect([...named].sort()).toEqual([0, 1, 2, 3]);
    const q0 = GRADIENT_EXERCISE.make(seedWith(GRADIENT_EXERCISE, -1, 0));
    // 1/(1 − σ(−1)) = 1 + e^−1 = 1.37
    expect(gradeNumber('1.37', a.truth(q0), 3, a.mistakes!(q0))).toMatchObject({ mistake: expect.stringMatching(/^that is ∂L\/∂ŷ = \(1 − t\)\/\(1 − ŷ\)/) });
  });

  it('the right answer to 3 figures is right for every seed, and the worked answer ends on it', () => {
    for (const seed of SEEDS) {
      const q = GRADIENT_EXERCISE.make(seed);
      const g = sigma(q.z) - q.t;
      expect(gradeNumber(answer(g), a.truth(q), 3).correct).toBe(true);
      expect(GRADIENT_EXERCISE.worked(q)).toMatch(regex(`= ${shown(g)}`));
      expect(GRADIENT_EXERCISE.hints(q)).toHaveLength(2);
    }
  });
});

describe('WITH_LOGITS_EXERCISE (spot the bug)', () => {
  const a = WITH_LOGITS_EXERCISE.answer;
  if (a.kind !== 'choice') throw new Error('a choice exercise');

  it('draws a confident right model: z on the 0.1 grid, 2 ≤ |z| ≤ 4, positive exactly when t = 1', () => {
    expect(WITH_LOGITS_EXERCISE.make(9)).toEqual(WITH_LOGITS_EXERCISE.make(9));
    for (const seed of SEEDS) {
      const { z, t } = WITH_LOGITS_EXERCISE.make(seed);
      expect(onGrid(z)).toBe(true);
      expect(Math.abs(z) >= 2 && Math.abs(z) <= 4).toBe(true);
      expect(z > 0).toBe(t === 1);
    }
  });

  it('the line’s loss is the BCE of σ(σ(z)), above its floor (−ln σ(1) for t = 1, ln 2 for t = 0) and far from the true loss', () => {
    for (const seed of SEEDS) {
      const q: WithLogitsNumbers = WITH_LOGITS_EXERCISE.make(seed);
      expect(q.loss).toBeCloseTo(bce(q.z, q.t), 14);
      expect(q.buggy).toBeCloseTo(bce(sigma(q.z), q.t), 14);
      expect(q.floor).toBeCloseTo(q.t === 1 ? Math.log(1 + Math.exp(-1)) : Math.LN2, 14);
      expect(q.buggy).toBeGreaterThan(q.floor);
      expect(q.buggy - q.loss).toBeGreaterThan(0.18);
    }
  });

  it('by hand at z = −2.5, t = 0: σ(z) = 0.0759, σ(σ(z)) = 0.519, so the line returns −ln 0.481 = 0.732 where the loss is 0.0789', () => {
    const q = WITH_LOGITS_EXERCISE.make(seedWith(WITH_LOGITS_EXERCISE, -2.5, 0));
    const labels = Object.fromEntries(a.options(q).map((o) => [o.value, o.label]));
    expect(labels.twice).toBe('It returns 0.732, not 0.0789, and it can never fall below 0.693, however right the model is.');
    expect(labels.fine).toContain('it returns 0.0789, the binary cross-entropy of σ(z) = 0.0759 against t = 0');
    expect(WITH_LOGITS_EXERCISE.worked(q)).toContain('σ(σ(z)) = σ(0.07586) = 0.5190');
  });

  it('four options, one right (the sigmoid twice), every wrong one a named mistake, in an order that varies with the seed', () => {
    const firsts = new Set<string>();
    for (const seed of SEEDS) {
      const q = WITH_LOGITS_EXERCISE.make(seed);
      const values = a.options(q).map((o) => o.value);
      expect([...values].sort()).toEqual(['clamp', 'fine', 'nan', 'twice']);
      firsts.add(values[0]!);
      expect(gradeChoice(['twice'], a.right(q), a.mistakes?.(q))).toEqual({ correct: true });
      for (const wrong of ['fine', 'nan', 'clamp']) {
        expect(gradeChoice([wrong], a.right(q), a.mistakes?.(q))).toMatchObject({ correct: false, mistake: expect.any(String) });
      }
      expect(WITH_LOGITS_EXERCISE.hints(q)).toHaveLength(2);
      // the worked answer ends on the right option's numbers
      expect(WITH_LOGITS_EXERCISE.worked(q)).toMatch(regex(`It returns ${shown(bce(sigma(q.z), q.t))}, not ${shown(bce(q.z, q.t))}`));
      expect(WITH_LOGITS_EXERCISE.truthText(q)).toContain('applied twice');
    }
    expect(firsts.size).toBe(4);
    const q = WITH_LOGITS_EXERCISE.make(1);
    expect(gradeChoice(['fine'], a.right(q), a.mistakes?.(q))).toMatchObject({ mistake: expect.stringMatching(/F\.binary_cross_entropy\(torch\.sigmoid\(z\), t\), which takes probabilities/) });
  });
});
