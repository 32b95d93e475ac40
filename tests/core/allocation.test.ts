import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { PerformanceObserver } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { makeDataset } from '../../src/core/datasets';
import { createMinibatchWorkspace, trainMinibatches, type MinibatchSettings } from '../../src/core/minibatch';
import { accuracy, createWorkspace, initNetwork, trainStep } from '../../src/core/network';

/*
 * The core's two allocation tests, in a file of their own so that the mutation run
 * (vitest.mutation.config.ts) can leave them out: Stryker's instrumented code allocates on every
 * call by design, so these would fail for every mutant and hide the real verdicts.
 */

const PARAMS = ['w1', 'b1', 'w2', 'b2'] as const;

const chapter8 = { inputs: 2, hidden: 16, outputs: 3, activation: 'relu' } as const;

function settings(patch: Partial<MinibatchSettings> & { batchSize: number }): MinibatchSettings {
  return { learningRate: 0.3, reduction: 'mean', seed: 5, startStep: 0, steps: 1, ...patch };
}

describe('allocation', () => {
  /**
   * What this proves: after warm-up, 20 000 trainSteps (m = 64) trigger no garbage collection and grow
   * the young generation by less than 64 bytes per step. Any allocation per row or per entry (an array
   * literal, a closure, a subarray in a loop) costs at least 64 × 16 bytes a step, i.e. 20 MB over the
   * run, which forces scavenges and fails both checks; so does a new object per step (≥ 64 bytes).
   * What it doesn't: that zero bytes are allocated. The returned loss is a double that V8 boxes as a
   * 16-byte HeapNumber when the call is not inlined, and that is measured here (about 16 bytes a step).
   * It also measures only what V8 has optimised; the first calls run in the interpreter, hence the
   * warm-up, and a few attempts in case optimisation finishes late (a real leak fails every attempt).
   */
  it('trainStep allocates no more than its returned number per step once warm', async () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const data = makeDataset('blobs', 64, 1);
    const net = initNetwork(chapter8, 7);
    const ws = createWorkspace(chapter8, 64);
    const arrays = [ws.z1, ws.a1, ws.z2, ws.p, ws.dz2, ws.da1, ws.dz1, ...PARAMS.map((n) => ws.grads[n]), ...PARAMS.map((n) => net.params[n])];
    const collections: string[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) collections.push(entry.name);
    });
    observer.observe({ entryTypes: ['gc'] });
    const newSpaceUsed = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_used_size ?? NaN;
    const steps = 20_000;
    const attempts: string[] = [];
    try {
      for (let attempt = 0; attempt < 3; attempt++) {
        for (let s = 0; s < steps; s++) trainStep(net, data.x, data.labels, 64, ws, 0.05);
        gc();
        await new Promise((resolve) => setTimeout(resolve, 20));
        collections.length = 0;
        const before = newSpaceUsed();
        for (let s = 0; s < steps; s++) trainStep(net, data.x, data.labels, 64, ws, 0.05);
        const bytesPerStep = (newSpaceUsed() - before) / steps;
        // Observer entries arrive asynchronously.
        await new Promise((resolve) => setTimeout(resolve, 20));
        attempts.push(`${bytesPerStep.toFixed(1)} B/step, ${collections.length} collections`);
        if (collections.length === 0 && bytesPerStep >= 0 && bytesPerStep < 64) break;
      }
    } finally {
      observer.disconnect();
    }
    expect(attempts.at(-1)).toMatch(/^\d+\.\d B\/step, 0 collections$/);
    expect(Number.parseFloat(attempts.at(-1) ?? 'NaN')).toBeLessThan(64);
    // The workspace and the parameters are updated in place, never replaced.
    const after = [ws.z1, ws.a1, ws.z2, ws.p, ws.dz2, ws.da1, ws.dz1, ...PARAMS.map((n) => ws.grads[n]), ...PARAMS.map((n) => net.params[n])];
    after.forEach((array, i) => expect(array).toBe(arrays[i]));
    expect(accuracy(net, data.x, data.labels, 64, ws)).toBe(1);
  }, 60_000);
});

describe('trainMinibatches allocation', () => {
  /**
   * After warm-up, 9 000 steps at batch size 1 on 300 rows (30 epochs) allocate about 15 bytes a step
   * here: a boxed double (12 bytes with pointer compression, as networkTraining.test.ts explains for
   * trainStep) and one generator an epoch (about 1 KB, spread over its 300 steps). A typed array or
   * subarray made per step costs at least 60 bytes a step, so the bound of 40 separates the two.
   */
  it('trainMinibatches(batchSize 1) allocates no more than a boxed number a step once warm, no array', () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const data = makeDataset('blobs', 300, 1);
    const net = initNetwork(chapter8, 7);
    const ws = createMinibatchWorkspace(chapter8, 300);
    const steps = 9000;
    const run = settings({ batchSize: 1, learningRate: 0.01, steps });
    const newSpaceUsed = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_used_size ?? NaN;
    let perStep = Infinity;
    for (let attempt = 0; attempt < 3 && !(perStep < 40); attempt++) {
      trainMinibatches(net, data.x, data.labels, 300, ws, run);
      gc();
      const before = newSpaceUsed();
      trainMinibatches(net, data.x, data.labels, 300, ws, run);
      perStep = (newSpaceUsed() - before) / steps;
    }
    expect(perStep).toBeGreaterThanOrEqual(0);
    expect(perStep).toBeLessThan(40);
  });
});
