import { describe, expect, it } from 'vitest';
import { gradeChoice, gradeNumber, figuresText } from '../../../../src/exercises/grading';
import { backward, createWorkspace, forward, initNetwork } from '../../../../src/core/network';
import { BATCH_DIVISOR_EXERCISE, OUTPUT_GRADIENT_EXERCISE, type OutputGradientNumbers } from '../../../../src/chapters/backprop/backpropExerciseSpecs';

const SEEDS = Array.from({ length: 200 }, (_, i) => i + 1);
const onHalfGrid = (v: number) => Math.abs(v * 2 - Math.round(v * 2)) < 1e-12;

/**
 * (∂L/∂W₂)_{jk} by another route than the core's backward pass: with W₂ = 0 and b₂ = 0 every logit is 0,
 * so P is exactly 1/3 everywhere, and the mean loss's gradient is Σᵢ relu(xᵢ · W₁[:, j]) (1/3 − [tᵢ = k]) / 2,
 * written here sample by sample, in exact thirds.
 */
function reference({ x, w1, labels, j, k }: OutputGradientNumbers): number {
  let total = 0;
  x.forEach((xi, i) => {
    const z = (xi[0] as number) * (w1[0]?.[j] as number) + (xi[1] as number) * (w1[1]?.[j] as number);
    total += Math.max(0, z) * ((labels[i] === k ? -2 : 1) / 3);
  });
  return total / 2;
}

describe('OUTPUT_GRADIENT_EXERCISE.make(seed)', () => {
  it('is the same numbers every time, and other seeds give others', () => {
    expect(OUTPUT_GRADIENT_EXERCISE.make(9)).toEqual(OUTPUT_GRADIENT_EXERCISE.make(9));
    const distinct = new Set(SEEDS.map((s) => JSON.stringify(OUTPUT_GRADIENT_EXERCISE.make(s))));
    expect(distinct.size).toBeGreaterThan(190);
  });

  it('draws two samples in [−2, 2] and W₁ in [−1.5, 1.5] on the 0.5 grid, classes 0–2, an entry of the 2 × 3 matrix', () => {
    for (const seed of SEEDS) {
      const q = OUTPUT_GRADIENT_EXERCISE.make(seed);
      expect(q.x.flat()).toHaveLength(4);
      expect(q.w1.flat()).toHaveLength(4);
      for (const v of q.x.flat()) expect(onHalfGrid(v) && Math.abs(v) <= 2 && !Object.is(v, -0)).toBe(true);
      for (const v of q.w1.flat()) expect(onHalfGrid(v) && Math.abs(v) <= 1.5 && !Object.is(v, -0)).toBe(true);
      for (const t of q.labels) expect([0, 1, 2]).toContain(t);
      expect([0, 1]).toContain(q.j);
      expect([0, 1, 2]).toContain(q.k);
    }
  });
});

describe('OUTPUT_GRADIENT_EXERCISE graded', () => {
  const answer = OUTPUT_GRADIENT_EXERCISE.answer;
  if (answer.kind !== 'number') throw new Error('a number exercise');
  const { truth, figures, mistakes } = answer;

  it('its truth is the hand formula in thirds for every seed, and never 0', () => {
    for (const seed of SEEDS) {
      const q = OUTPUT_GRADIENT_EXERCISE.make(seed);
      expect(truth(q)).toBeCloseTo(reference(q), 14);
      expect(Math.abs(truth(q))).toBeGreaterThan(1e-9);
    }
  });

  it('by hand: x₁ = (−2, −1) of class 2, x₂ = (1, 2) of class 1, W₁ rows (1, −0.5), (0, −0.5), entry (2, 2)', () => {
    // Z₁ = XW₁: (−2·1 + −1·0, −2·−0.5 + −1·−0.5) = (−2, 1.5); (1, −0.5 − 1) = (1, −1.5). A₁ = (0, 1.5), (1, 0).
    // P = 1/3 everywhere; P − Y column 2 = (1/3 − 1, 1/3) = (−2/3, 1/3).
    // (∂L/∂W₂)₂₂ = (1.5 · (−2/3) + 0 · 1/3) / 2 = −0.5. Sum: −1. Sign flipped: 0.5.
    // Without the ReLU: (1.5 · (−2/3) + (−1.5) · 1/3) / 2 = −0.75.
    // Transposed, ((P − Y)ᵀA₁)₂₂ / 2 = (−2/3 · 1.5 + 1/3 · 0) / 2 = −0.5: here the same as the truth, so not named.
    const q = OUTPUT_GRADIENT_EXERCISE.make(1);
    expect(q).toMatchObject({ x: [[-2, -1], [1, 2]], w1: [[1, -0.5], [0, -0.5]], labels: [1, 0], j: 1, k: 1 });
    const named = mistakes?.(q) ?? [];
    expect(gradeNumber('−0.500', truth(q), figures, named)).toEqual({ correct: true });
    expect(gradeNumber('-0.5', truth(q), figures, named)).toEqual({ correct: true });
    expect(gradeNumber('-1', truth(q), figures, named)).toMatchObject({ correct: false, mistake: expect.stringMatching(/sum over the two samples/) });
    expect(gradeNumber('0.5', truth(q), figures, named)).toMatchObject({ correct: false, mistake: expect.stringMatching(/sign flipped/) });
    expect(gradeNumber('-0.75', truth(q), figures, named)).toMatchObject({ correct: false, mistake: expect.stringMatching(/ReLU was left out/) });
    expect(gradeNumber('-0.6', truth(q), figures, named)).toEqual({ correct: false });
  });

  it('names each mistake, computed independently, on a seed where it differs from the truth', () => {
    const found = { sum: false, sign: false, relu: false, transpose: false };
    for (const seed of SEEDS) {
      const q = OUTPUT_GRADIENT_EXERCISE.make(seed);
      const t = truth(q);
      const named = mistakes?.(q) ?? [];
      const grade = (v: number) => gradeNumber(figuresText(v, 3).replace('−', '-'), t, figures, named);
      const noRelu = q.x.reduce((s, xi, i) => s + ((xi[0] as number) * (q.w1[0]?.[q.j] as number) + (xi[1] as number) * (q.w1[1]?.[q.j] as number)) * ((q.labels[i] === q.k ? -2 : 1) / 3), 0) / 2;
      const apart = (a: number, b: number) => Math.abs(a - b) > 0.01 * Math.abs(b) + 1e-3;
      const differs = (v: number, ...others: number[]) => [t, ...others].every((o) => apart(v, o));
      if (differs(2 * t)) {
        expect(grade(2 * t)).toMatchObject({ correct: false, mistake: expect.stringMatching(/sum over the two samples/) });
        found.sum = true;
      }
      if (differs(-t, 2 * t)) {
        expect(grade(-t)).toMatchObject({ correct: false, mistake: expect.stringMatching(/sign flipped/) });
        found.sign = true;
      }
      if (differs(noRelu, -t, 2 * t)) {
        expect(grade(noRelu)).toMatchObject({ correct: false, mistake: expect.stringMatching(/ReLU was left out/) });
        found.relu = true;
      }
      if (q.k < 2) {
        // ((P − Y)ᵀA₁)_{jk} / m: class j's column of P − Y against hidden unit k's activations.
        const transposed = q.x.reduce((s, xi, i) => s + ((q.labels[i] === q.j ? -2 : 1) / 3) * Math.max(0, (xi[0] as number) * (q.w1[0]?.[q.k] as number) + (xi[1] as number) * (q.w1[1]?.[q.k] as number)), 0) / 2;
        if (differs(transposed, -t, 2 * t, noRelu)) {
          expect(grade(transposed)).toMatchObject({ correct: false, mistake: expect.stringMatching(/transpose/) });
          found.transpose = true;
        }
      }
    }
    expect(found).toEqual({ sum: true, sign: true, relu: true, transpose: true });
  });

  it('the right answer to 3 figures is right for every seed, and the worked answer ends on it', () => {
    for (const seed of SEEDS) {
      const q = OUTPUT_GRADIENT_EXERCISE.make(seed);
      const typed = figuresText(reference(q), 3);
      expect(gradeNumber(typed, truth(q), figures, mistakes?.(q))).toEqual({ correct: true });
      expect(OUTPUT_GRADIENT_EXERCISE.worked(q).endsWith(`= ${typed}.`)).toBe(true);
      expect(OUTPUT_GRADIENT_EXERCISE.truthText(q).endsWith(typed)).toBe(true);
      expect(OUTPUT_GRADIENT_EXERCISE.hints(q)).toHaveLength(2);
    }
  });
});

describe('BATCH_DIVISOR_EXERCISE', () => {
  const answer = BATCH_DIVISOR_EXERCISE.answer;
  if (answer.kind !== 'choice') throw new Error('a choice exercise');

  it('make(seed) is deterministic, with m ≠ C from the stated lists', () => {
    for (const seed of SEEDS) {
      const q = BATCH_DIVISOR_EXERCISE.make(seed);
      expect(BATCH_DIVISOR_EXERCISE.make(seed)).toEqual(q);
      expect([4, 8, 10, 16, 20, 32, 50, 64, 100, 128]).toContain(q.m);
      expect([3, 4, 5, 10]).toContain(q.C);
      expect(q.m).not.toBe(q.C);
    }
    expect(new Set(SEEDS.map((s) => JSON.stringify(BATCH_DIVISOR_EXERCISE.make(s)))).size).toBeGreaterThan(20);
  });

  it('the right option is “C times too small”, and the core agrees: (P − Y)/P.size is the core’s mean dZ₂ divided by C', () => {
    for (const C of [3, 4, 5]) {
      const m = 6;
      const net = initNetwork({ inputs: 2, hidden: 4, outputs: C, activation: 'relu' }, 11);
      const x = Float64Array.from({ length: 2 * m }, (_, i) => Math.sin(i + 1));
      const labels = Int32Array.from({ length: m }, (_, i) => i % C);
      const ws = createWorkspace(net.shape, m);
      forward(net, x, labels, m, ws, 'mean');
      backward(net, x, labels, m, ws, 'mean');
      for (let r = 0; r < m; r++) {
        for (let c = 0; c < C; c++) {
          const buggy = ((ws.p[r * C + c] as number) - (labels[r] === c ? 1 : 0)) / (m * C);
          expect((ws.dz2[r * C + c] as number) / buggy).toBeCloseTo(C, 12);
        }
      }
    }
    for (const seed of SEEDS) {
      const q = BATCH_DIVISOR_EXERCISE.make(seed);
      const right = answer.right(q);
      expect(right).toEqual(['c']);
      const label = answer.options(q).find((o) => o.value === 'c')?.label ?? '';
      expect(label).toContain(`${q.C} times too small`);
      expect(gradeChoice(right, answer.right(q), answer.mistakes?.(q))).toEqual({ correct: true });
      expect(BATCH_DIVISOR_EXERCISE.worked(q)).toContain(`every gradient is ${q.C} times too small`);
    }
  });

  it('names every wrong option, with the seed’s numbers', () => {
    const q = { m: 32, C: 4 };
    const named = answer.mistakes?.(q) ?? {};
    const values = answer.options(q).map((o) => o.value);
    expect(new Set(values).size).toBe(values.length);
    for (const v of values.filter((v) => v !== 'c')) {
      expect(gradeChoice([v], answer.right(q), named)).toMatchObject({ correct: false, mistake: expect.any(String) });
    }
    expect(gradeChoice(['m'], answer.right(q), named)).toMatchObject({ mistake: expect.stringMatching(/C = 4 more/) });
    expect(gradeChoice(['none'], answer.right(q), named)).toMatchObject({ mistake: expect.stringMatching(/m·C = 128/) });
    expect(BATCH_DIVISOR_EXERCISE.hints(q)).toHaveLength(2);
  });
});
