import { describe, expect, it } from 'vitest';
import { figuresText, gradeChoice, gradeNumber } from '../../../../src/exercises/grading';
import {
  DIAGONAL_ONLY_EXERCISE,
  OFF_DIAGONAL_EXERCISE,
  ROW_SIGNS_EXERCISE,
  type JacobianNumbers,
} from '../../../../src/chapters/jacobian/jacobianExerciseSpecs';
import { widgets } from '../../../../src/chapters/jacobian/index';
import { JACOBIAN_STATE } from '../../../../src/chapters/jacobian/jacobianState';

/*
 * Reference values by another route than the core's: p_k = 1 / Σ_m e^(z_m − z_k) (no max shift, no
 * division of exponentials), and J_ij written from the two cases of the quotient rule,
 * p_i(1 − p_i) on the diagonal (1 − p_i by subtraction, not as a sum of the others) and −p_i p_j off it.
 */
function prob(z: readonly number[], k: number): number {
  return 1 / z.reduce((s, zm) => s + Math.exp(zm - (z[k] as number)), 0);
}
function entryOf(z: readonly number[], i: number, j: number): number {
  const pi = prob(z, i);
  return i === j ? pi * (1 - pi) : -pi * prob(z, j);
}

const SEEDS = Array.from({ length: 200 }, (_, i) => i + 1);
const answer = (x: number) => x.toPrecision(3);
const onGrid = (v: number) => Math.abs(v * 10 - Math.round(v * 10)) < 1e-9;

/** the numbers of z = (2, 3, 4), worked by hand below, in the shape make() returns */
function byHand(): JacobianNumbers {
  const z = [2, 3, 4];
  return { z, p: Float64Array.from(z, (_, k) => prob(z, k)), J: z.map((_, i) => Float64Array.from(z, (_, j) => entryOf(z, i, j))) };
}

describe('the exercises’ numbers', () => {
  const specs = [ROW_SIGNS_EXERCISE, OFF_DIAGONAL_EXERCISE, DIAGONAL_ONLY_EXERCISE] as const;

  it('make(seed) gives the same numbers every time, and other seeds give others', () => {
    for (const spec of specs) {
      expect(spec.make(5)).toEqual(spec.make(5));
      expect(new Set(SEEDS.map((s) => spec.make(s).z.join(','))).size).toBeGreaterThan(190);
    }
  });

  it('the three exercises draw different logits from the same seed, so one’s worked answer gives away no other’s', () => {
    const same = SEEDS.filter((s) => new Set(specs.map((spec) => spec.make(s).z.join(','))).size < specs.length);
    expect(same.length).toBeLessThan(3);
  });

  it('draws 3 or 4 distinct logits on the 0.1 grid in [−2, 2], p and J of them', () => {
    for (const spec of specs) {
      for (const seed of SEEDS) {
        const { z, p, J } = spec.make(seed);
        expect([3, 4]).toContain(z.length);
        expect(new Set(z).size).toBe(z.length);
        for (const v of z) {
          expect(Math.abs(v)).toBeLessThanOrEqual(2);
          expect(onGrid(v)).toBe(true);
        }
        z.forEach((_, i) => {
          expect(p[i]).toBeCloseTo(prob(z, i), 14);
          z.forEach((_, j) => expect(J[i]?.[j]).toBeCloseTo(entryOf(z, i, j), 14));
        });
      }
    }
  });

  it('the seed keys are the chapter’s own: no clash with the explorer’s i=, j= or the lab’s keys', () => {
    const keys = specs.map((s) => s.seedKey);
    expect(new Set(keys).size).toBe(keys.length);
    const taken = [...Object.keys(JACOBIAN_STATE), 'z', 'T', 'y', 'bz', 'bt', 'hide', 'lock', 'caption', 'theme', 'frame'];
    for (const spec of specs) {
      expect(spec.seedKey).toMatch(/^[a-z]{2,3}$/);
      expect(taken).not.toContain(spec.seedKey);
      expect(spec.entry.state && Object.keys(spec.entry.state)).toEqual([spec.seedKey, `${spec.seedKey}hints`]);
      expect(widgets).toContain(spec.entry);
    }
  });
});

describe('ROW_SIGNS_EXERCISE graded', () => {
  const spec = ROW_SIGNS_EXERCISE;
  if (spec.answer.kind !== 'choices') throw new Error('a sign pattern');
  const { options, right, mistakes } = spec.answer;
  const others = (q: { z: readonly number[]; i: number }) => q.z.map((_, j) => String(j)).filter((j) => j !== String(q.i));

  it('asks about a class whose logit is neither the largest nor the smallest, and the right set is every column but its own', () => {
    for (const seed of SEEDS) {
      const q = spec.make(seed);
      const zi = q.z[q.i] as number;
      expect(Math.max(...q.z)).toBeGreaterThan(zi);
      expect(Math.min(...q.z)).toBeLessThan(zi);
      expect(options(q).map((o) => o.value)).toEqual(q.z.map((_, j) => String(j)));
      // −p_i p_j < 0 for every j ≠ i, and p_i(1 − p_i) > 0: by the signs, not by the core
      expect([...right(q)].sort()).toEqual(others(q));
      expect(gradeChoice(others(q), right(q), mistakes?.(q))).toEqual({ correct: true });
      expect(spec.worked(q)).toMatch(new RegExp(`So the negative entries are .*\\.$`));
      expect(spec.hints(q)).toHaveLength(2);
    }
  });

  it('by hand at z = (2, 3, 4), row 2: J₂₁ and J₂₃ are negative; each slip is named', () => {
    const q = { ...byHand(), i: 1 };
    const m = mistakes?.(q);
    expect(gradeChoice(['2', '0'], right(q), m)).toEqual({ correct: true });
    // the whole row: J₂₂ = p₂(1 − p₂) = 0.185 is positive
    expect(gradeChoice(['0', '1', '2'], right(q), m)).toMatchObject({ correct: false, mistake: expect.stringMatching(/^J₂₂ = p₂\(1 − p₂\) is positive/) });
    expect(gradeChoice(['1'], right(q), m)).toMatchObject({ correct: false, mistake: expect.stringMatching(/other way round/) });
    // z₃ = 4 is above z₂ = 3, z₁ = 2 below it
    expect(gradeChoice(['2'], right(q), m)).toMatchObject({ correct: false, mistake: expect.stringMatching(/^those are the classes whose logit is above z₂; the sign does not follow the order/) });
    expect(gradeChoice(['0'], right(q), m)).toMatchObject({ correct: false, mistake: expect.stringMatching(/^those are the classes whose logit is below z₂/) });
    expect(spec.worked(q)).toBe('J₂₂ = p₂(1 − p₂) = 0.185, positive: raising z₂ raises p₂. Every other entry is −p₂p_j, never positive: J₂₁ = −0.0220 and J₂₃ = −0.163. So the negative entries are J₂₁ and J₂₃.');
  });

  it('every named slip is a wrong set, named for every seed', () => {
    for (const seed of SEEDS) {
      const q = spec.make(seed);
      const named = mistakes?.(q) ?? {};
      expect(Object.keys(named)).toHaveLength(4);
      for (const [chosen, says] of Object.entries(named)) {
        const set = chosen.split(',');
        expect(gradeChoice(set, right(q), named)).toEqual({ correct: false, mistake: says });
      }
    }
  });
});

describe('OFF_DIAGONAL_EXERCISE graded', () => {
  const spec = OFF_DIAGONAL_EXERCISE;
  if (spec.answer.kind !== 'number') throw new Error('a number exercise');
  const { truth, figures, mistakes } = spec.answer;

  it('asks for an entry off the diagonal, and its truth is −p_i p_j for every seed', () => {
    for (const seed of SEEDS) {
      const q = spec.make(seed);
      expect(q.i).not.toBe(q.j);
      expect(truth(q)).toBeCloseTo(-prob(q.z, q.i) * prob(q.z, q.j), 14);
      expect(truth(q)).toBeLessThan(0);
    }
  });

  it('by hand at z = (2, 3, 4): J₂₃ = −p₂p₃ = −0.2447 × 0.6652 = −0.163, and each slip is named', () => {
    // p = (e², e³, e⁴) / (e² + e³ + e⁴) = (0.09003, 0.2447, 0.6652)
    const q = { ...byHand(), i: 1, j: 2 };
    const m = mistakes?.(q);
    expect(gradeNumber('-0.163', truth(q), figures, m)).toEqual({ correct: true });
    expect(gradeNumber('−0.1628', truth(q), figures, m)).toEqual({ correct: true });
    // p₂(1 − p₂) = 0.2447 × 0.7553 = 0.185: the diagonal's formula
    expect(gradeNumber('0.185', truth(q), figures, m)).toMatchObject({ correct: false, mistake: expect.stringMatching(/^that is p₂\(1 − p₂\), the diagonal’s formula/) });
    // +p₂p₃ = 0.163: the sign dropped
    expect(gradeNumber('0.163', truth(q), figures, m)).toMatchObject({ correct: false, mistake: expect.stringMatching(/^that is \+p₂p₃: the sign is dropped/) });
    // p₂(1 − p₃) = 0.2447 × 0.3348 = 0.0819: δ taken as 1
    expect(gradeNumber('0.0819', truth(q), figures, m)).toMatchObject({ correct: false, mistake: expect.stringMatching(/δ₂₃ taken as 1/) });
    // −z₂z₃ = −12: the logits in place of the probabilities
    expect(gradeNumber('-12', truth(q), figures, m)).toMatchObject({ correct: false, mistake: expect.stringMatching(/logits in place of the probabilities/) });
    expect(gradeNumber('-0.17', truth(q), figures, m)).toEqual({ correct: false });
    expect(spec.worked(q)).toBe('p = softmax(z) = (0.09003, 0.2447, 0.6652). Row 2, column 3 is off the diagonal, so δ₂₃ = 0 and J₂₃ = p₂(0 − p₃) = −0.2447 × 0.6652 = −0.163.');
  });

  it('the right answer to 3 figures is right for every seed, and the worked answer ends on it', () => {
    for (const seed of SEEDS) {
      const q = spec.make(seed);
      const reference = -prob(q.z, q.i) * prob(q.z, q.j);
      expect(gradeNumber(answer(reference), truth(q), figures, mistakes?.(q))).toEqual({ correct: true });
      expect(spec.worked(q).endsWith(`= ${figuresText(reference, 3)}.`)).toBe(true);
      expect(spec.truthText(q)).toContain(figuresText(reference, 3));
      expect(spec.hints(q)).toHaveLength(2);
    }
  });

  it('a learner who keeps 4 significant figures in p_i and p_j, as the first hint says, is graded right on every seed 1–3000; 3 figures is not always enough', () => {
    const to = (x: number, n: number) => Number(x.toPrecision(n));
    let threeFails = 0;
    for (let seed = 1; seed <= 3000; seed++) {
      const q = spec.make(seed);
      const [pi, pj] = [prob(q.z, q.i), prob(q.z, q.j)];
      expect(gradeNumber(String(-to(pi, 4) * to(pj, 4)), truth(q), figures, mistakes?.(q))).toEqual({ correct: true });
      if (!gradeNumber(String(-to(pi, 3) * to(pj, 3)), truth(q), figures).correct) threeFails++;
    }
    expect(threeFails).toBeGreaterThan(0);
    expect(spec.hints(spec.make(1))[0]).toMatch(/4 significant figures/);
  });

  it('labels its field with the entry asked for, J₂₃ for row 2, column 3', () => {
    if (spec.answer.kind !== 'number') throw new Error('a number exercise');
    const { label } = spec.answer;
    expect(typeof label === 'function' ? label({ ...byHand(), i: 1, j: 2 }) : label).toBe('J₂₃');
    for (const seed of SEEDS) {
      const q = spec.make(seed);
      expect(typeof label === 'function' ? label(q) : label).toBe(`J${'₁₂₃₄'[q.i]}${'₁₂₃₄'[q.j]}`);
    }
  });

  it('each slip, computed here from the probabilities, is named wherever it differs from the truth', () => {
    const slips = [
      { name: /the diagonal’s formula/, value: (z: readonly number[], i: number) => entryOf(z, i, i) },
      { name: /the sign is dropped/, value: (z: readonly number[], i: number, j: number) => prob(z, i) * prob(z, j) },
      { name: /taken as 1/, value: (z: readonly number[], i: number, j: number) => prob(z, i) * (1 - prob(z, j)) },
      { name: /logits in place/, value: (z: readonly number[], i: number, j: number) => -(z[i] as number) * (z[j] as number) },
    ];
    for (const slip of slips) {
      let namedOnce = false;
      for (const seed of SEEDS) {
        const q = spec.make(seed);
        const wrong = slip.value(q.z, q.i, q.j);
        if (Math.abs(wrong - truth(q)) < 0.01 || wrong === 0) continue;
        const grade = gradeNumber(answer(wrong), truth(q), figures, mistakes?.(q));
        expect(grade.correct).toBe(false);
        // another slip may give the same number on some seeds (both are then the same mistake in numbers); most seeds name this one
        if (!grade.correct && grade.mistake && slip.name.test(grade.mistake)) namedOnce = true;
      }
      expect(namedOnce).toBe(true);
    }
  });
});

describe('DIAGONAL_ONLY_EXERCISE graded', () => {
  const spec = DIAGONAL_ONLY_EXERCISE;
  if (spec.answer.kind !== 'choice') throw new Error('a choice');
  const { options, right, mistakes } = spec.answer;

  it('the right option is true on every seed’s numbers: diag(p(1 − p)) times the ones is not 0, while J times them is', () => {
    for (const seed of SEEDS) {
      const q = spec.make(seed);
      expect(right(q)).toEqual(['rows']);
      expect(options(q).map((o) => o.value)).toContain('rows');
      q.z.forEach((_, i) => {
        const buggyRowSum = prob(q.z, i) * (1 - prob(q.z, i));
        const trueRowSum = q.z.reduce((s, _z, j) => s + entryOf(q.z, i, j), 0);
        expect(buggyRowSum).toBeGreaterThan(1e-3);
        expect(Math.abs(trueRowSum)).toBeLessThan(1e-15);
      });
      expect(gradeChoice(['rows'], right(q), mistakes?.(q))).toEqual({ correct: true });
      expect(spec.worked(q)).toMatch(/adding the same number to every logit changes p, which softmax never does\.$/);
      expect(spec.truthText(q)).toContain(figuresText(entryOf(q.z, 0, 0), 3));
      expect(spec.hints(q)).toHaveLength(2);
    }
  });

  it('every other option is false, and named: the diagonal is right, the dropped entries are not small, a diagonal matrix is symmetric and has no eigenvalue 0', () => {
    for (const seed of SEEDS) {
      const q = spec.make(seed);
      const named = mistakes?.(q) ?? {};
      const wrong = options(q).map((o) => o.value).filter((v) => v !== 'rows');
      expect(Object.keys(named).sort()).toEqual([...wrong].sort());
      for (const v of wrong) expect(gradeChoice([v], right(q), named)).toEqual({ correct: false, mistake: named[v] });
      // not small: in row 1 the dropped entries add up to −J₁₁, as large as the diagonal entry itself
      const dropped = q.z.reduce((s, _z, j) => (j === 0 ? s : s + entryOf(q.z, 0, j)), 0);
      expect(dropped).toBeCloseTo(-entryOf(q.z, 0, 0), 14);
      expect(named.small).toContain(`= ${figuresText(-entryOf(q.z, 0, 0), 3)}`);
      // no eigenvalue 0: every diagonal entry p_i(1 − p_i) is positive
      for (const [i] of q.z.entries()) expect(entryOf(q.z, i, i)).toBeGreaterThan(0);
    }
  });

  it('by hand at z = (2, 3, 4): row 1 of J is (0.0819, −0.0220, −0.0599), summing to 0; diag(p(1 − p)) keeps only 0.0819', () => {
    const q = byHand();
    expect(mistakes?.(q).small).toBe('they are as large as what it keeps: in every row they add up to minus the diagonal entry; on your numbers row 1’s are −0.0220 and −0.0599, together −J₁₁ = −0.0819');
    expect(spec.worked(q)).toContain('Row 1 of the true J is (0.0819, −0.0220, −0.0599), and sums to 0; row 1 of this matrix sums to p₁(1 − p₁) = 0.0819.');
  });
});
