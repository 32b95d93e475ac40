import { describe, expect, it } from 'vitest';
import {
  advanceBatchRun,
  BATCH_SIZES,
  DEMO_LEARNING_RATE,
  demoDataset,
  gradientNorms,
  runComplete,
  runOutcome,
  startBatchRun,
} from '../../../../src/chapters/backprop/batchReductionMath';

const finish = (run: ReturnType<typeof startBatchRun>) => {
  while (!advanceBatchRun(run, 50));
  return run;
};

describe('batch reduction: mean against sum', () => {
  it('gradientNorms: the sum’s gradient is m times the mean’s, for every batch size', () => {
    // L_sum = Σᵢ ℓᵢ = m · (1/m) Σᵢ ℓᵢ = m · L_mean, so ∇L_sum = m ∇L_mean
    for (const m of BATCH_SIZES) {
      const { mean, sum } = gradientNorms(m);
      expect(mean).toBeGreaterThan(0);
      expect(sum / mean).toBeCloseTo(m, 9);
    }
  });

  it('training on the sum with η/m retraces training on the mean with η, step by step', () => {
    const m = 100;
    const mean = finish(startBatchRun(m, 'mean', 0.3, 60));
    const sum = finish(startBatchRun(m, 'sum', 0.3 / m, 60));
    for (let s = 0; s <= 60; s++) expect(Math.abs((sum.losses[s] ?? NaN) - (mean.losses[s] ?? NaN))).toBeLessThan(1e-10);
  });

  it(`at η = ${DEMO_LEARNING_RATE} the mean learns at every batch size, the sum at m = 10 but not at m = 1000`, () => {
    for (const m of BATCH_SIZES) {
      const outcome = runOutcome(finish(startBatchRun(m, 'mean', DEMO_LEARNING_RATE)));
      expect(outcome.verdict).toBe('learned');
      // three well-separated blobs: the loss falls far below ln 3 ≈ 1.0986 (a uniform guess)
      expect(outcome.finalLoss).toBeLessThan(0.1);
    }
    expect(runOutcome(finish(startBatchRun(10, 'sum', DEMO_LEARNING_RATE))).verdict).toBe('learned');
    const big = runOutcome(finish(startBatchRun(1000, 'sum', DEMO_LEARNING_RATE)));
    expect(big.verdict).toBe('blewUp');
    expect(big.peakLoss).toBeGreaterThan(10 * big.startLoss);
  });

  it('the recorded loss is the mean per sample for both reductions: the two runs start at the same loss', () => {
    const mean = startBatchRun(300, 'mean', 0.1, 5);
    const sum = startBatchRun(300, 'sum', 0.1, 5);
    advanceBatchRun(mean, 1);
    advanceBatchRun(sum, 1);
    expect(sum.losses[0]).toBeCloseTo(mean.losses[0] ?? NaN, 12);
    // three classes at random starting weights: near ln 3
    expect(mean.losses[0]).toBeGreaterThan(0.8);
    expect(mean.losses[0]).toBeLessThan(2);
  });

  it('advanceBatchRun in chunks of 7 gives exactly the losses of one long call', () => {
    const chunked = startBatchRun(30, 'sum', 0.3, 40);
    while (!advanceBatchRun(chunked, 7));
    const whole = startBatchRun(30, 'sum', 0.3, 40);
    advanceBatchRun(whole, 1000);
    expect(Array.from(chunked.losses)).toEqual(Array.from(whole.losses));
    expect(runComplete(chunked)).toBe(true);
    expect(chunked.filled).toBe(41);
  });

  it('runOutcome says a run whose loss went non-finite "blew up", never a number', () => {
    const run = startBatchRun(10, 'mean', 0.1, 3);
    advanceBatchRun(run, 4);
    run.losses[2] = Infinity;
    run.losses[3] = NaN;
    const outcome = runOutcome(run);
    expect(outcome.verdict).toBe('blewUp');
    expect(outcome.peakLoss).toBe(Infinity);
  });

  it('runOutcome: blew up above twice the start at any step, learned below half the start at the end, stalled otherwise', () => {
    const outcomeOf = (losses: number[]) => {
      const run = startBatchRun(10, 'mean', 0.1, losses.length - 1);
      run.losses.set(losses);
      run.filled = losses.length;
      return runOutcome(run);
    };
    expect(outcomeOf([1.2, 2.5, 0.01]).verdict).toBe('blewUp'); // a peak of 2.08 × the start, even though it ends low
    expect(outcomeOf([1.2, 2.3, 0.01]).verdict).toBe('learned');
    expect(outcomeOf([1.2, 1.0, 0.61]).verdict).toBe('stalled');
    expect(outcomeOf([1.2, 1.0, 0.59]).verdict).toBe('learned');
    expect(outcomeOf([1.2, 1.3, 1.25]).verdict).toBe('stalled');
  });

  it('startBatchRun refuses bad steps, learning rates and a data set of the wrong size', () => {
    expect(() => startBatchRun(10, 'mean', 0.1, 0)).toThrow(/steps/);
    expect(() => startBatchRun(10, 'mean', Number.NaN)).toThrow(/learning rate/);
    expect(() => startBatchRun(10, 'mean', -1)).toThrow(/learning rate/);
    expect(() => startBatchRun(10, 'mean', 0.1, 10, demoDataset(30))).toThrow(/30 points/);
    expect(() => runOutcome(startBatchRun(10, 'mean', 0.1))).toThrow(/not taken a step/);
  });
});
