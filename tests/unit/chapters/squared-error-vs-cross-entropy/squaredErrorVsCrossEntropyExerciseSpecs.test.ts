import { describe, expect, it } from 'vitest';
import { gradeChoice, gradeNumber } from '../../../../src/exercises/grading';
import {
  HARDEST_PUSH_EXERCISE,
  SQUARED_ERROR_GRADIENT_EXERCISE,
} from '../../../../src/chapters/squared-error-vs-cross-entropy/squaredErrorVsCrossEntropyExerciseSpecs';

const SEEDS = Array.from({ length: 200 }, (_, i) => i + 1);
const answer = (x: number) => x.toPrecision(3);
const minus = (text: string) => text.replace('-', '−');
const onGrid = (v: number, step: number) => Math.abs(v / step - Math.round(v / step)) < 1e-9;

/**
 * ∂/∂z ½(σ(z) − t)² in closed form with e = e^(−z), σ = 1/(1 + e), 1 − σ = e/(1 + e):
 * t = 1: (σ − 1)·σ(1 − σ) = −e²/(1 + e)³;  t = 0: σ·σ(1 − σ) = e/(1 + e)³.
 * No sigmoid, no product of the core's factors.
 */
function seGrad(z: number, t: 0 | 1): number {
  const e = Math.exp(-z);
  return (t === 1 ? -e * e : e) / (1 + e) ** 3;
}
/** ∂/∂z of the cross-entropy, ŷ − t, in the same closed form: −e/(1 + e) or 1/(1 + e). */
function ceGrad(z: number, t: 0 | 1): number {
  const e = Math.exp(-z);
  return (t === 1 ? -e : 1) / (1 + e);
}

function numberAnswer() {
  if (SQUARED_ERROR_GRADIENT_EXERCISE.answer.kind !== 'number') throw new Error('a number exercise');
  return SQUARED_ERROR_GRADIENT_EXERCISE.answer;
}

describe('SQUARED_ERROR_GRADIENT_EXERCISE.make(seed)', () => {
  it('is the same numbers every time; z on the 0.1 grid with |z| in [2, 6], on the wrong side of its target; both targets drawn', () => {
    expect(SQUARED_ERROR_GRADIENT_EXERCISE.make(3)).toEqual(SQUARED_ERROR_GRADIENT_EXERCISE.make(3));
    const targets = new Set<number>();
    const logits = new Set<number>();
    for (const seed of SEEDS) {
      const { z, t } = SQUARED_ERROR_GRADIENT_EXERCISE.make(seed);
      targets.add(t);
      logits.add(z);
      expect(onGrid(z, 0.1)).toBe(true);
      expect(Math.abs(z) >= 2 - 1e-12 && Math.abs(z) <= 6 + 1e-12).toBe(true);
      expect(t === 1 ? z < 0 : z > 0).toBe(true);
    }
    expect([...targets].sort()).toEqual([0, 1]);
    expect(logits.size).toBeGreaterThan(50);
  });
});

describe('SQUARED_ERROR_GRADIENT_EXERCISE graded', () => {
  it('by hand at t = 1, z = −3: ∂L_SE/∂z = −0.0430, and each slip named', () => {
    // ŷ = σ(−3) = 0.047426, ŷ − 1 = −0.952574, σ′ = ŷ(1 − ŷ) = 0.045177, product −0.043034
    const q = { z: -3, t: 1 as const };
    const { truth, figures, mistakes } = numberAnswer();
    expect(seGrad(-3, 1)).toBeCloseTo(-0.043034, 6);
    expect(gradeNumber('-0.0430', truth(q), figures, mistakes?.(q))).toEqual({ correct: true });
    expect(gradeNumber('−0.953', truth(q), figures, mistakes?.(q))).toMatchObject({ correct: false, mistake: expect.stringMatching(/cross-entropy’s gradient.*σ′\(z\)/) });
    expect(gradeNumber('-0.0861', truth(q), figures, mistakes?.(q))).toMatchObject({ correct: false, mistake: expect.stringMatching(/twice the answer.*½/) });
    expect(gradeNumber('0.0430', truth(q), figures, mistakes?.(q))).toMatchObject({ correct: false, mistake: expect.stringMatching(/sign flipped/) });
    expect(gradeNumber('-0.045', truth(q), figures, mistakes?.(q))).toEqual({ correct: false });
    // 1 − ŷ = 1/(1 + e^−3) = 0.952574; σ′ from the two shown: 0.04743 × 0.9526 = 0.045182
    expect(SQUARED_ERROR_GRADIENT_EXERCISE.worked(q)).toBe(
      'ŷ = σ(−3) = 1/(1 + e^3) = 0.04743 and 1 − ŷ = 1/(1 + e^−3) = 0.9526, so ŷ − t = −0.9526 and σ′(z) = ŷ(1 − ŷ) = 0.04743 × 0.9526 = 0.04518. Their product is ∂L_SE/∂z = −0.0430.',
    );
  });

  it('its truth is the closed form for every seed; the right answer is right, the worked answer ends on it, and every slip is named', () => {
    const { truth, figures, mistakes } = numberAnswer();
    for (const seed of SEEDS) {
      const q = SQUARED_ERROR_GRADIENT_EXERCISE.make(seed);
      const g = seGrad(q.z, q.t);
      expect(truth(q)).toBeCloseTo(g, 14);
      expect(Math.abs(truth(q) - g)).toBeLessThan(1e-12 * Math.abs(g));
      const said = mistakes?.(q);
      expect(gradeNumber(answer(g), truth(q), figures, said)).toEqual({ correct: true });
      expect(gradeNumber(answer(ceGrad(q.z, q.t)), truth(q), figures, said)).toMatchObject({ mistake: expect.stringMatching(/cross-entropy’s gradient/) });
      expect(gradeNumber(answer(2 * g), truth(q), figures, said)).toMatchObject({ mistake: expect.stringMatching(/twice/) });
      expect(gradeNumber(answer(-g), truth(q), figures, said)).toMatchObject({ mistake: expect.stringMatching(/sign flipped/) });
      expect(SQUARED_ERROR_GRADIENT_EXERCISE.worked(q).endsWith(`= ${minus(answer(g))}.`)).toBe(true);
      expect(SQUARED_ERROR_GRADIENT_EXERCISE.hints(q)).toHaveLength(2);
    }
  });
});

describe('SQUARED_ERROR_GRADIENT_EXERCISE worked digits', () => {
  const read = (text: string) => Number(text.replace('−', '-'));

  it('by hand at t = 0, z = 5.2: 1 − ŷ is worked out from e^5.2, so σ′ is the product of the two numbers shown (before, ŷ = 0.9945 and σ′ = 0.005456 were shown, while 0.9945 × (1 − 0.9945) = 0.00547)', () => {
    // e^5.2 = 181.272: ŷ = 1/(1 + e^−5.2) = 0.994514, 1 − ŷ = 1/(1 + e^5.2) = 1/182.272 = 0.0054863;
    // 0.9945 × 0.005486 = 0.0054558; the truth e/(1 + e)³ with e = e^−5.2 = 0.0055166 is 0.0054263
    const q = { z: 5.2, t: 0 as const };
    expect(SQUARED_ERROR_GRADIENT_EXERCISE.worked(q)).toBe(
      'ŷ = σ(5.2) = 1/(1 + e^−5.2) = 0.9945 and 1 − ŷ = 1/(1 + e^5.2) = 0.005486, so ŷ − t = 0.9945 and σ′(z) = ŷ(1 − ŷ) = 0.9945 × 0.005486 = 0.005456. Their product is ∂L_SE/∂z = 0.00543.',
    );
  });

  it('show numbers that follow from each other, and a learner who multiplies the shown ŷ − t and σ′ is graded right on every seed 1–300', () => {
    const { truth, figures, mistakes } = numberAnswer();
    let oldWayFails = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const q = SQUARED_ERROR_GRADIENT_EXERCISE.make(seed);
      const text = SQUARED_ERROR_GRADIENT_EXERCISE.worked(q);
      const m = /= (\S+) and 1 − ŷ = 1\/\(1 \+ e\^\S+\) = (\S+), so ŷ − t = (\S+) and σ′\(z\) = ŷ\(1 − ŷ\) = (\S+) × (\S+) = (\S+)\. /.exec(text);
      expect(m, text).not.toBeNull();
      const [y, c, error, y2, c2, slope] = m!.slice(1).map(read) as [number, number, number, number, number, number];
      // each shown to 4 figures, from the closed forms 1/(1 + e^−z) and 1/(1 + e^z)
      expect(y).toBe(Number((1 / (1 + Math.exp(-q.z))).toPrecision(4)));
      expect(c).toBe(Number((1 / (1 + Math.exp(q.z))).toPrecision(4)));
      expect([y2, c2]).toEqual([y, c]);
      expect(error).toBe(q.t === 1 ? -c : y);
      expect(slope).toBe(Number((y * c).toPrecision(4)));
      expect(gradeNumber(String(error * slope), truth(q), figures, mistakes?.(q))).toEqual({ correct: true });
      // the old way, 1 − ŷ from the rounded ŷ, is what rejected learners at t = 0
      if (!gradeNumber(String(y * (y * (1 - y))), truth(q), figures).correct && q.t === 0) oldWayFails++;
    }
    expect(oldWayFails).toBeGreaterThan(0);
  });
});

function choiceAnswer() {
  if (HARDEST_PUSH_EXERCISE.answer.kind !== 'choice') throw new Error('a choice exercise');
  return HARDEST_PUSH_EXERCISE.answer;
}

/** The logit with the largest |closed-form gradient|, and the runner-up's size. */
function reference(z: readonly number[], t: 0 | 1): { best: number; margin: number } {
  const sizes = z.map((v) => Math.abs(seGrad(v, t)));
  const sorted = [...sizes].sort((a, b) => b - a);
  return { best: z[sizes.indexOf(sorted[0] as number)] as number, margin: (sorted[0] as number) / (sorted[1] as number) };
}

describe('HARDEST_PUSH_EXERCISE', () => {
  it('draws four distinct logits on the 0.5 grid in [−7, 7], smallest first: three on the wrong side or at 0, one on the right side', () => {
    expect(HARDEST_PUSH_EXERCISE.make(8)).toEqual(HARDEST_PUSH_EXERCISE.make(8));
    for (const seed of SEEDS) {
      const { z, t } = HARDEST_PUSH_EXERCISE.make(seed);
      expect(z).toHaveLength(4);
      expect(new Set(z).size).toBe(4);
      for (let i = 1; i < 4; i++) expect(z[i]).toBeGreaterThan(z[i - 1] as number);
      for (const v of z) {
        expect(onGrid(v, 0.5)).toBe(true);
        expect(Math.abs(v)).toBeLessThanOrEqual(7);
      }
      const rightSide = z.filter((v) => (t === 1 ? v > 0 : v < 0));
      expect(rightSide).toHaveLength(1);
    }
  });

  it('its right answer is the closed form’s largest |∂L_SE/∂z|, at least 20% above the next, never the most wrong point; the worked answer ends on it', () => {
    const { right, options } = choiceAnswer();
    for (const seed of SEEDS) {
      const q = HARDEST_PUSH_EXERCISE.make(seed);
      const { best, margin } = reference(q.z, q.t);
      expect(right(q)).toEqual([String(best)]);
      expect(margin).toBeGreaterThan(1.2);
      const mostWrong = q.t === 1 ? q.z[0] : q.z[3];
      expect(best).not.toBe(mostWrong);
      expect(options(q).map((o) => o.value)).toContain(String(best));
      expect(gradeChoice([String(best)], right(q))).toEqual({ correct: true });
      expect(HARDEST_PUSH_EXERCISE.worked(q).endsWith(`The largest is at z = ${minus(String(best))}.`)).toBe(true);
      expect(HARDEST_PUSH_EXERCISE.hints(q)).toHaveLength(2);
    }
  });

  it('by hand at t = 1, z = −6, −2.5, −0.5, 2: −0.5, and each other choice named', () => {
    // |ŷ − 1|·ŷ(1 − ŷ): z = −6: 0.99753 × 0.0024665 = 0.00246; z = −2.5: 0.92414 × 0.070104 = 0.0648;
    // z = −0.5: 0.62246 × 0.23500 = 0.146; z = 2: 0.11920 × 0.10499 = 0.0125
    const q = { t: 1 as const, z: [-6, -2.5, -0.5, 2], shown: [-0.5, 2, -6, -2.5] };
    const { right, mistakes } = choiceAnswer();
    expect(right(q)).toEqual(['-0.5']);
    const said = mistakes?.(q);
    expect(gradeChoice(['-6'], right(q), said)).toMatchObject({ correct: false, mistake: expect.stringMatching(/most wrong point.*0\.998 × 0\.00247 = 0\.00246, less than 0\.146 at z = −0\.5$/) });
    expect(gradeChoice(['-2.5'], right(q), said)).toMatchObject({ correct: false, mistake: expect.stringMatching(/further wrong.*= 0\.0648,/) });
    expect(gradeChoice(['2'], right(q), said)).toMatchObject({ correct: false, mistake: expect.stringMatching(/on its own side.*= 0\.0125,/) });
  });

  it('shows the four logits in an order shuffled by the seed: over 200 seeds, for each target, the right answer takes at least three positions, none more than 60% of the time', () => {
    const { right, options } = choiceAnswer();
    const at = { 0: [0, 0, 0, 0], 1: [0, 0, 0, 0] };
    for (const seed of SEEDS) {
      const q = HARDEST_PUSH_EXERCISE.make(seed);
      const values = options(q).map((o) => o.value);
      expect([...values].sort()).toEqual(q.z.map(String).sort());
      expect(options(HARDEST_PUSH_EXERCISE.make(seed)).map((o) => o.value)).toEqual(values);
      const position = values.indexOf(String(reference(q.z, q.t).best));
      expect(values[position]).toBe(right(q)[0]);
      at[q.t][position] = (at[q.t][position] as number) + 1;
    }
    for (const counts of [at[0], at[1]]) {
      const total = counts.reduce((a, b) => a + b, 0);
      expect(counts.filter((c) => c > 0).length).toBeGreaterThanOrEqual(3);
      for (const c of counts) expect(c).toBeLessThan(0.6 * total);
    }
  });

  it('on the drawn numbers every wrong choice is named', () => {
    const { right, mistakes } = choiceAnswer();
    for (const seed of SEEDS) {
      const q = HARDEST_PUSH_EXERCISE.make(seed);
      for (const v of q.z) {
        if (right(q).includes(String(v))) continue;
        expect(gradeChoice([String(v)], right(q), mistakes?.(q))).toMatchObject({ correct: false, mistake: expect.any(String) });
      }
    }
  });
});
