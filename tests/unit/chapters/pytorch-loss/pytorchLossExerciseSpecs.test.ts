import { describe, expect, it } from 'vitest';
import { gradeChoice, gradeNumber } from '../../../../src/exercises/grading';
import { WEIGHT_BUG_EXERCISE, WEIGHTED_MEAN_EXERCISE } from '../../../../src/chapters/pytorch-loss/pytorchLossExerciseSpecs';

/**
 * −ln p_t of one row by its own route, shifted by the true class's logit (the core shifts by the
 * largest): ln Σ_k e^(z_k − z_t).
 */
const nllByHand = (z: readonly number[], t: number) => Math.log(z.reduce((s, v) => s + Math.exp(v - (z[t] as number)), 0));

/** PyTorch's weighted mean by its definition: Σ w[tₙ]·ℓₙ / Σ w[tₙ] over the kept samples. */
function weightedMeanByHand(z: readonly (readonly number[])[], t: readonly number[], w: readonly number[]): number {
  let top = 0;
  let bottom = 0;
  t.forEach((k, n) => {
    if (k === -100) return;
    top += (w[k] as number) * nllByHand(z[n] as readonly number[], k);
    bottom += w[k] as number;
  });
  return top / bottom;
}

const SEEDS = Array.from({ length: 150 }, (_, i) => i + 1);
const answer = (x: number) => x.toPrecision(3);

function numberAnswer() {
  const a = WEIGHTED_MEAN_EXERCISE.answer;
  if (a.kind !== 'number') throw new Error('a number exercise');
  return a;
}

describe('WEIGHTED_MEAN_EXERCISE.make(seed)', () => {
  it('is the same numbers every time, and other seeds give others', () => {
    expect(WEIGHTED_MEAN_EXERCISE.make(7)).toEqual(WEIGHTED_MEAN_EXERCISE.make(7));
    const distinct = new Set(SEEDS.map((s) => JSON.stringify(WEIGHTED_MEAN_EXERCISE.make(s).targets.concat(WEIGHTED_MEAN_EXERCISE.make(s).weight))));
    expect(distinct.size).toBeGreaterThan(100);
  });

  it('draws 4 samples of 3 classes, at most one ignored, weights on the 0.5 grid that are not all equal', () => {
    let withIgnored = 0;
    for (const seed of SEEDS) {
      const { logits, targets, weight } = WEIGHTED_MEAN_EXERCISE.make(seed);
      expect(logits).toHaveLength(4);
      expect(targets.filter((t) => t === -100).length).toBeLessThanOrEqual(1);
      withIgnored += targets.includes(-100) ? 1 : 0;
      for (const t of targets) expect([-100, 0, 1, 2]).toContain(t);
      for (const w of weight) expect(Number.isInteger(w * 2) && w > 0).toBe(true);
      expect(new Set(weight).size).toBeGreaterThan(1);
    }
    // both kinds of prompt occur
    expect(withIgnored).toBeGreaterThan(30);
    expect(withIgnored).toBeLessThan(120);
  });
});

const SEEDS_400 = Array.from({ length: 400 }, (_, i) => i + 1);
const total = (v: readonly number[]) => v.reduce((s, x) => s + x, 0);

describe('WEIGHTED_MEAN_EXERCISE.make(seed), over 400 seeds', () => {
  it("weights the kept samples' classes unequally, so the unweighted mean is wrong and its message can appear", () => {
    const { truth, figures, mistakes } = numberAnswer();
    for (const seed of SEEDS_400) {
      const q = WEIGHTED_MEAN_EXERCISE.make(seed);
      const kept = q.targets.filter((t) => t !== -100);
      expect(new Set(kept.map((t) => q.weight[t])).size, `seed ${seed}`).toBeGreaterThan(1);
      // the unweighted mean of the kept samples, by hand, is graded wrong and named
      const unweighted = q.targets.reduce((s, t, n) => (t === -100 ? s : s + nllByHand(q.logits[n] as number[], t)), 0) / kept.length;
      const grade = gradeNumber(answer(unweighted), truth(q), figures, mistakes?.(q));
      expect(grade.correct, `seed ${seed}`).toBe(false);
      if (!grade.correct) expect(grade.mistake, `seed ${seed}`).toMatch(/mean without weights/);
    }
  });

  it('draws w.sum() that is neither N = 4 nor the number of kept samples, so dividing by it is named as itself', () => {
    const { truth, figures, mistakes } = numberAnswer();
    for (const seed of SEEDS_400) {
      const q = WEIGHTED_MEAN_EXERCISE.make(seed);
      const kept = q.targets.map((_, n) => n).filter((n) => q.targets[n] !== -100);
      expect(total(q.weight), `seed ${seed}`).not.toBe(4);
      expect(total(q.weight), `seed ${seed}`).not.toBe(kept.length);
      const weighted = kept.reduce((s, n) => s + (q.weight[q.targets[n] as number] as number) * nllByHand(q.logits[n] as number[], q.targets[n] as number), 0);
      const grade = gradeNumber(answer(weighted / total(q.weight)), truth(q), figures, mistakes?.(q));
      if (!grade.correct && grade.mistake) expect(grade.mistake, `seed ${seed}`).not.toMatch(/divided by N|number of kept samples/);
    }
  });

  it('seed 7, which the every-chapter e2e solves, still names dividing by N = 4', () => {
    const q = WEIGHTED_MEAN_EXERCISE.make(7);
    const { truth, figures, mistakes } = numberAnswer();
    const kept = q.targets.map((_, n) => n).filter((n) => q.targets[n] !== -100);
    const weighted = kept.reduce((s, n) => s + (q.weight[q.targets[n] as number] as number) * (q.shown[n] as number), 0);
    const grade = gradeNumber(answer(weighted / 4), truth(q), figures, mistakes?.(q));
    expect(grade.correct).toBe(false);
    if (!grade.correct) expect(grade.mistake).toContain('divided by N = 4');
  });
});

describe('WEIGHTED_MEAN_EXERCISE graded', () => {
  it('its truth is Σ w[t]·ℓ / Σ w[t] over the kept samples, by hand, for every seed', () => {
    const { truth } = numberAnswer();
    for (const seed of SEEDS) {
      const q = WEIGHTED_MEAN_EXERCISE.make(seed);
      expect(truth(q)).toBeCloseTo(weightedMeanByHand(q.logits, q.targets, q.weight), 12);
    }
  });

  it('the mean of the shown 4-decimal losses is right to 3 figures, so the prompt can be answered from it', () => {
    const { truth, figures, mistakes } = numberAnswer();
    for (const seed of SEEDS) {
      const q = WEIGHTED_MEAN_EXERCISE.make(seed);
      let top = 0;
      let bottom = 0;
      q.targets.forEach((t, n) => {
        if (t === -100) return;
        top += (q.weight[t] as number) * (q.shown[n] as number);
        bottom += q.weight[t] as number;
      });
      expect(gradeNumber(answer(top / bottom), truth(q), figures, mistakes?.(q))).toEqual({ correct: true });
    }
  });

  it('names dividing by N, by the count, the unweighted mean, w.sum() and the plain sum', () => {
    const { truth, figures, mistakes } = numberAnswer();
    const named = new Set<string>();
    for (const seed of SEEDS) {
      const q = WEIGHTED_MEAN_EXERCISE.make(seed);
      const kept = q.targets.map((_, n) => n).filter((n) => q.targets[n] !== -100);
      const weighted = kept.reduce((s, n) => s + (q.weight[q.targets[n] as number] as number) * nllByHand(q.logits[n] as number[], q.targets[n] as number), 0);
      const overN = gradeNumber(answer(weighted / 4), truth(q), figures, mistakes?.(q));
      if (!overN.correct && overN.mistake) named.add(overN.mistake.split(':')[0] as string);
      const sum = gradeNumber(answer(weighted), truth(q), figures, mistakes?.(q));
      expect(sum.correct).toBe(false);
      if (!sum.correct) expect(sum.mistake).toMatch(/weighted sum/);
    }
    expect([...named].some((m) => m.includes('divided by N = 4'))).toBe(true);
  });

  it('a wrong answer that is no known mistake is just wrong', () => {
    const q = WEIGHTED_MEAN_EXERCISE.make(3);
    const { truth, figures, mistakes } = numberAnswer();
    expect(gradeNumber('123', truth(q), figures, mistakes?.(q))).toEqual({ correct: false });
  });

  it('hints and the worked answer use the same numbers as the truth', () => {
    const q = WEIGHTED_MEAN_EXERCISE.make(11);
    expect(WEIGHTED_MEAN_EXERCISE.hints(q)).toHaveLength(2);
    expect(WEIGHTED_MEAN_EXERCISE.worked(q)).toContain(`L = `);
    expect(WEIGHTED_MEAN_EXERCISE.worked(q)).toContain(WEIGHTED_MEAN_EXERCISE.truthText(q).replace('L = ', ''));
  });
});

describe('WEIGHT_BUG_EXERCISE', () => {
  it('prints what PyTorch prints (the weighted mean, by hand) and what the port prints (the weighted sum over N)', () => {
    for (const seed of SEEDS) {
      const q = WEIGHT_BUG_EXERCISE.make(seed);
      expect(q.torch).toBeCloseTo(weightedMeanByHand(q.logits, q.targets, q.weight), 12);
      const sum = q.targets.reduce((s, t, n) => s + (q.weight[t] as number) * nllByHand(q.logits[n] as number[], t), 0);
      expect(q.port).toBeCloseTo(sum / 3, 12);
      // the two differ in what the prompt shows (4 decimals), so the bug is visible
      expect(q.torch.toFixed(4)).not.toBe(q.port.toFixed(4));
    }
  });

  it('is right with w[t].sum() only; w.sum(), .mean() and the product of means are named', () => {
    const a = WEIGHT_BUG_EXERCISE.answer;
    if (a.kind !== 'choice') throw new Error('a choice');
    const q = WEIGHT_BUG_EXERCISE.make(5);
    const mistakes = a.mistakes?.(q) ?? {};
    expect(gradeChoice(['wt'], a.right(q), mistakes)).toEqual({ correct: true });
    for (const wrong of ['w', 'mean', 'product']) {
      const grade = gradeChoice([wrong], a.right(q), mistakes);
      expect(grade.correct).toBe(false);
      if (!grade.correct) expect(grade.mistake).toBeTruthy();
    }
    expect(mistakes.w).toContain('w[t].sum()');
  });

  it('draws unequal weights w[t] for the three samples, and the four lines print four different numbers to 4 decimals, over 400 seeds', () => {
    for (const seed of SEEDS_400) {
      const q = WEIGHT_BUG_EXERCISE.make(seed);
      const wt = q.targets.map((t) => q.weight[t] as number);
      expect(new Set(wt).size, `seed ${seed}`).toBeGreaterThan(1);
      const nll = q.targets.map((t, n) => nllByHand(q.logits[n] as number[], t));
      const weighted = total(nll.map((l, n) => (wt[n] as number) * l));
      const printed = [weighted / total(wt), weighted / total(q.weight), weighted / 3, (total(wt) / 3) * (total(nll) / 3)];
      expect(new Set(printed.map((v) => v.toFixed(4))).size, `seed ${seed}`).toBe(4);
    }
  });

  it('draws weights whose w[t].sum() is neither N = 3 nor w.sum(), so each wrong line prints its own number', () => {
    for (const seed of SEEDS) {
      const q = WEIGHT_BUG_EXERCISE.make(seed);
      const wt = q.targets.reduce((s, t) => s + (q.weight[t] as number), 0);
      expect(wt).not.toBe(3);
      expect(wt).not.toBe(q.weight.reduce((s, w) => s + w, 0));
    }
  });
});
