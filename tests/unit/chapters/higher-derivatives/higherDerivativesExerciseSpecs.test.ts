import { describe, expect, it } from 'vitest';
import { gradeChoice, gradeNumber } from '../../../../src/exercises/grading';
import {
  EINSUM_BUG_EXERCISE,
  EINSUM_BUGS,
  EINSUM_EQUIVALENTS,
  einsumLinesWith,
  HESSIAN_ENTRY_EXERCISE,
  MAX_GAP,
  NONE,
  STABLE_RATE_EXERCISE,
} from '../../../../src/chapters/higher-derivatives/higherDerivativesExerciseSpecs';
import { widgets } from '../../../../src/chapters/higher-derivatives/index';
import { HESSIAN_STATE, QUADRATIC_STATE, TENSOR_STATE } from '../../../../src/chapters/higher-derivatives/higherDerivativesState';
import { createRandom } from '../../../../src/core/random';
import { distinctOnGrid } from '../../../../src/exercises/drawNumbers';
import { runPython } from './pythonRun';

/*
 * Reference values by another route than the core's: p_k = 1 / Σ_m e^(z_m − z_k) (no max shift),
 * H_ij = p_i(1 − p_i) or −p_i p_j by the quotient rule, and for two classes λmax = 2p₁p₂ (the trace of
 * p₁p₂[[1, −1], [−1, 1]], whose other eigenvalue is 0), so 2/λmax = 1/(p₁p₂) = 2 + 2cosh(z₁ − z₂).
 */
const prob = (z: readonly number[], k: number) => 1 / z.reduce((s, zm) => s + Math.exp(zm - (z[k] as number)), 0);
const entryOf = (z: readonly number[], i: number, j: number) => (i === j ? prob(z, i) * (1 - prob(z, i)) : -prob(z, i) * prob(z, j));
const SEEDS = Array.from({ length: 200 }, (_, i) => i + 1);
const answer = (x: number) => x.toPrecision(3);
const onGrid = (v: number) => Math.abs(v * 10 - Math.round(v * 10)) < 1e-9;

describe('the exercises’ numbers', () => {
  const specs = [HESSIAN_ENTRY_EXERCISE, STABLE_RATE_EXERCISE, EINSUM_BUG_EXERCISE] as const;

  it('make(seed) gives the same numbers every time, distinct logits on the 0.1 grid in [−2, 2]', () => {
    for (const spec of specs) {
      expect(spec.make(5)).toEqual(spec.make(5));
      expect(new Set(SEEDS.map((s) => spec.make(s).z.join(','))).size).toBeGreaterThan(150);
      for (const seed of SEEDS) {
        const { z } = spec.make(seed);
        expect(new Set(z).size).toBe(z.length);
        for (const v of z) expect(Math.abs(v) <= 2 && onGrid(v)).toBe(true);
      }
    }
  });

  it('the seed keys are the chapter’s own: no clash with the widgets’ keys or the lab’s', () => {
    const taken = [...Object.keys(HESSIAN_STATE), ...Object.keys(QUADRATIC_STATE), ...Object.keys(TENSOR_STATE), 'z', 'T', 'y', 'bz', 'bt'];
    expect(new Set(specs.map((s) => s.seedKey)).size).toBe(3);
    for (const spec of specs) {
      expect(taken).not.toContain(spec.seedKey);
      expect(widgets).toContain(spec.entry);
    }
  });
});

describe('HESSIAN_ENTRY_EXERCISE', () => {
  it('asks for a diagonal entry in some draws and an off-diagonal one in others, its truth p_i(δ_ij − p_j)', () => {
    let diagonal = 0;
    for (const seed of SEEDS) {
      const q = HESSIAN_ENTRY_EXERCISE.make(seed);
      if (q.i === q.j) diagonal++;
      const truth = HESSIAN_ENTRY_EXERCISE.answer.kind === 'number' ? HESSIAN_ENTRY_EXERCISE.answer.truth(q) : NaN;
      expect(truth).toBeCloseTo(entryOf(q.z, q.i, q.j), 14);
    }
    expect(diagonal).toBeGreaterThan(60);
    expect(diagonal).toBeLessThan(140);
  });

  it('grades the rounded truth right and names the gradient, the wrong δ and the dropped sign', () => {
    const answerSpec = HESSIAN_ENTRY_EXERCISE.answer;
    if (answerSpec.kind !== 'number') throw new Error('a number answer');
    for (const seed of SEEDS.slice(0, 60)) {
      const q = HESSIAN_ENTRY_EXERCISE.make(seed);
      const mistakes = answerSpec.mistakes?.(q) ?? [];
      expect(gradeNumber(answer(entryOf(q.z, q.i, q.j)), answerSpec.truth(q), 3, mistakes).correct).toBe(true);
      const pi = prob(q.z, q.i);
      // p_i − y_i for the true class (for another class it is p_i, named first as "p_i alone" on the diagonal)
      if (q.t === q.i) {
        expect(gradeNumber(answer(pi - 1), answerSpec.truth(q), 3, mistakes)).toEqual({ correct: false, mistake: expect.stringContaining('the gradient') });
      }
      if (q.i !== q.j) {
        const sign = gradeNumber(answer(pi * prob(q.z, q.j)), answerSpec.truth(q), 3, mistakes);
        expect(sign).toEqual({ correct: false, mistake: expect.stringContaining('the sign is dropped') });
        const diag = gradeNumber(answer(pi * (1 - pi)), answerSpec.truth(q), 3, mistakes);
        expect(diag).toEqual({ correct: false, mistake: expect.stringContaining('the diagonal’s formula') });
      } else {
        const off = gradeNumber(answer(-pi * pi), answerSpec.truth(q), 3, mistakes);
        expect(off).toEqual({ correct: false, mistake: expect.stringContaining('the formula off the diagonal') });
      }
    }
  });

  it('its worked answer ends with the entry to 3 figures and its hints name δ', () => {
    const q = HESSIAN_ENTRY_EXERCISE.make(7);
    expect(HESSIAN_ENTRY_EXERCISE.worked(q)).toContain(`= ${answer(entryOf(q.z, q.i, q.j)).replace('-', '−')}.`);
    expect(HESSIAN_ENTRY_EXERCISE.hints(q).join(' ')).toContain('δ');
  });
});

describe('STABLE_RATE_EXERCISE', () => {
  it('its truth is 2/λmax = 2 + 2cosh(z₁ − z₂) for two classes', () => {
    for (const seed of SEEDS) {
      const q = STABLE_RATE_EXERCISE.make(seed);
      expect(q.z).toHaveLength(2);
      const truth = STABLE_RATE_EXERCISE.answer.kind === 'number' ? STABLE_RATE_EXERCISE.answer.truth(q) : NaN;
      const byHand = 2 + 2 * Math.cosh((q.z[0] as number) - (q.z[1] as number));
      expect(Math.abs(truth - byHand) / byHand).toBeLessThan(1e-13);
    }
  });

  it('names 1/λmax, 2/(p₁p₂) and the bound’s 4 as mistakes', () => {
    const answerSpec = STABLE_RATE_EXERCISE.answer;
    if (answerSpec.kind !== 'number') throw new Error('a number answer');
    const q = STABLE_RATE_EXERCISE.make(3);
    const truth = answerSpec.truth(q);
    const mistakes = answerSpec.mistakes?.(q) ?? [];
    expect(gradeNumber(answer(truth), truth, 3, mistakes).correct).toBe(true);
    expect(gradeNumber(answer(truth / 2), truth, 3, mistakes)).toEqual({ correct: false, mistake: expect.stringContaining('1/λmax') });
    expect(gradeNumber(answer(2 * truth), truth, 3, mistakes)).toEqual({ correct: false, mistake: expect.stringContaining('λmax = 2p₁p₂') });
    expect(gradeNumber('4', truth, 3, mistakes)).toEqual({ correct: false, mistake: expect.stringContaining('the bound') });
  });
});

describe('STABLE_RATE_EXERCISE, worked with p₂ = 1 − p₁', () => {
  // 4 significant figures, as the hint asks, by hand
  const four = (x: number) => Number(x.toPrecision(4));

  it('over 5000 seeds no draw has logits more than 3.85 apart, and 1/(p₁(1 − p₁)) with p₁ to 4 figures is graded right', () => {
    for (let seed = 1; seed <= 5000; seed++) {
      const q = STABLE_RATE_EXERCISE.make(seed);
      const gap = Math.abs((q.z[0] as number) - (q.z[1] as number));
      expect(gap).toBeLessThanOrEqual(MAX_GAP);
      const p1 = four(prob(q.z, 0));
      const truth = 2 + 2 * Math.cosh(gap);
      expect(gradeNumber(String(1 / (p1 * (1 - p1))), truth, 3).correct, `seed ${seed}, z = ${q.z.join(', ')}`).toBe(true);
    }
  });

  it('at z = (1.9, −2.0), the draw it leaves out, that route gives 51.5 for the truth 51.4', () => {
    // p₁ = 1/(1 + e^−3.9) = 0.98016… → 0.9802; 1/(0.9802 × 0.0198) = 51.53, 2 + 2cosh 3.9 = 51.42
    const p1 = four(1 / (1 + Math.exp(-3.9)));
    expect(answer(1 / (p1 * (1 - p1)))).toBe('51.5');
    expect(answer(2 + 2 * Math.cosh(3.9))).toBe('51.4');
    expect(gradeNumber(String(1 / (p1 * (1 - p1))), 2 + 2 * Math.cosh(3.9), 3).correct).toBe(false);
  });

  it('a seed whose first draw is within the gap keeps its logits', () => {
    // the logits as drawn before the gap was enforced: the stream's (seed + 100000) first two distinct grid values
    for (const seed of [1, 2, 3, 4, 5]) {
      const q = STABLE_RATE_EXERCISE.make(seed);
      const rng = createRandom(seed + 100000);
      const first = distinctOnGrid(rng, 2, -2, 2, 0.1);
      if (Math.abs((first[0] as number) - (first[1] as number)) <= MAX_GAP) expect(q.z).toEqual(first);
    }
  });
});

describe('EINSUM_BUG_EXERCISE', () => {
  it('each wrong line and each rewritten right line, run in NumPy, builds what its value function says', () => {
    const z = [0.4, -1.1, 1.7];
    const lines = [...EINSUM_BUGS, ...EINSUM_EQUIVALENTS];
    const program = [
      'import numpy as np',
      `z = np.array(${JSON.stringify(z)})`,
      'p = np.exp(z - z.max()); p /= p.sum()',
      'I = np.eye(3)',
      ...lines.map((l, n) => `print('t${n} =', (0 ${/^[-+]/.test(l.code) ? '' : '+ '}${l.code}).tolist())`),
    ].join('\n');
    const out = runPython(program);
    const p = z.map((_, k) => prob(z, k));
    lines.forEach((line, n) => {
      const built = out.get(`t${n}`) as number[][][];
      for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) for (let k = 0; k < 3; k++) expect(built[i]?.[j]?.[k]).toBeCloseTo(line.value(p, i, j, k), 15);
    });
  }, 30_000);

  it('with the bug the five lines miss the core’s T by the error it states; with only the rewritten line they do not', () => {
    for (const seed of SEEDS.slice(0, 40)) {
      const q = EINSUM_BUG_EXERCISE.make(seed);
      expect(q.error).toBeGreaterThan(1e-3);
      expect(EINSUM_BUGS[q.bug]?.line).not.toBe(EINSUM_EQUIVALENTS[q.equivalent]?.line);
      // the right lines with only the rewritten one in place: T exactly, up to rounding
      const right = einsumLinesWith(-1, q.equivalent);
      const p = q.z.map((_, k) => prob(q.z, k));
      for (let i = 0; i < 3; i++) {
        for (let j = 0; j < 3; j++) {
          for (let k = 0; k < 3; k++) {
            const d = (a: number, b: number) => (a === b ? 1 : 0);
            const byHand = d(i, j) * d(i, k) * p[i]! - d(i, j) * p[i]! * p[k]! - d(i, k) * p[i]! * p[j]! - d(j, k) * p[i]! * p[j]! + 2 * p[i]! * p[j]! * p[k]!;
            expect(right.reduce((s, l) => s + l.value(p, i, j, k), 0)).toBeCloseTo(byHand, 14);
          }
        }
      }
    }
  });

  it('grades the wrong line right, and names the rewritten line and "none"', () => {
    const answerSpec = EINSUM_BUG_EXERCISE.answer;
    if (answerSpec.kind !== 'choice') throw new Error('a choice answer');
    for (const seed of SEEDS.slice(0, 20)) {
      const q = EINSUM_BUG_EXERCISE.make(seed);
      const right = answerSpec.right(q);
      const letters = ['A', 'B', 'C', 'D', 'E'];
      expect(right).toEqual([letters[EINSUM_BUGS[q.bug]?.line ?? -1]]);
      const mistakes = answerSpec.mistakes?.(q) ?? {};
      expect(gradeChoice(right, right, mistakes).correct).toBe(true);
      const herring = letters[EINSUM_EQUIVALENTS[q.equivalent]?.line ?? -1] as string;
      expect(gradeChoice([herring], right, mistakes)).toEqual({ correct: false, mistake: expect.stringContaining('is right') });
      expect(gradeChoice([NONE], right, mistakes)).toEqual({ correct: false, mistake: expect.stringContaining('one line builds the wrong term') });
      expect(q.lines[EINSUM_BUGS[q.bug]?.line ?? -1]?.code).toBe(EINSUM_BUGS[q.bug]?.code);
    }
  });
});
