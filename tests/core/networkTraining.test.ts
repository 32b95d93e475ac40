import { describe, expect, it } from 'vitest';
import { makeDataset } from '../../src/core/datasets';
import { createRandom } from '../../src/core/random';
import {
  accuracy,
  backward,
  cloneNetwork,
  createWorkspace,
  forward,
  initNetwork,
  sgdStep,
  trainStep,
  type Activation,
  type Network,
  type NetworkParams,
} from '../../src/core/network';

const PARAMS = ['w1', 'b1', 'w2', 'b2'] as const;

/** Bit-for-bit equality of two Float64Arrays (distinguishes −0 from 0 and compares NaN payloads). */
function sameBits(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  const ab = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const bb = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  return ab.every((v, i) => v === bb[i]);
}

function sameParams(a: NetworkParams, b: NetworkParams): boolean {
  return PARAMS.every((name) => sameBits(a[name], b[name]));
}

const chapter8 = { inputs: 2, hidden: 16, outputs: 3, activation: 'relu' } as const;

describe('trainStep', () => {
  for (const activation of ['relu', 'tanh', 'sigmoid'] as Activation[]) {
    it(`trainStep lowers the loss on blobs and passes 90% accuracy within 300 steps (${activation}, lr 0.5, mean)`, () => {
      const data = makeDataset('blobs', 300, 8);
      const shape = { ...chapter8, activation };
      const net = initNetwork(shape, 8);
      const ws = createWorkspace(shape, data.m);
      const first = trainStep(net, data.x, data.labels, data.m, ws, 0.5);
      let last = first;
      for (let step = 1; step < 300; step++) last = trainStep(net, data.x, data.labels, data.m, ws, 0.5);
      // Three classes at chance cost about ln 3 ≈ 1.1; a trained net on separated blobs far less.
      expect(first).toBeGreaterThan(0.5);
      expect(last).toBeLessThan(first / 4);
      expect(accuracy(net, data.x, data.labels, data.m, ws)).toBeGreaterThan(0.9);
    });
  }

  it('trainStep returns the loss before the update and leaves what forward, backward and sgdStep leave', () => {
    const data = makeDataset('rings', 60, 3);
    const a = initNetwork(chapter8, 3);
    const b = cloneNetwork(a);
    const wsA = createWorkspace(chapter8, 60);
    const wsB = createWorkspace(chapter8, 60);
    const lossA = trainStep(a, data.x, data.labels, 60, wsA, 0.3, 'sum');
    const lossB = forward(b, data.x, data.labels, 60, wsB, 'sum');
    backward(b, data.x, data.labels, 60, wsB, 'sum');
    sgdStep(b, wsB, 0.3);
    expect(lossA).toBe(lossB);
    expect(sameParams(a.params, b.params)).toBe(true);
    expect(sameBits(wsA.dz1, wsB.dz1)).toBe(true);
  });

  it('sgdStep subtracts lr × grads from every parameter, and lr 0 changes nothing', () => {
    const data = makeDataset('spirals', 30, 4);
    const net = initNetwork(chapter8, 4);
    const ws = createWorkspace(chapter8, 30);
    forward(net, data.x, data.labels, 30, ws);
    backward(net, data.x, data.labels, 30, ws);
    const before = cloneNetwork(net);
    sgdStep(net, ws, 0);
    expect(sameParams(net.params, before.params)).toBe(true);
    sgdStep(net, ws, 0.25);
    for (const name of PARAMS) {
      const expected = before.params[name].map((w, i) => w - 0.25 * (ws.grads[name][i] as number));
      expect(sameBits(net.params[name], expected)).toBe(true);
    }
  });

  it('a batch in the front of a larger workspace and buffer gives the same step as an exact fit', () => {
    const data = makeDataset('blobs', 30, 5);
    const exact = initNetwork(chapter8, 5);
    const roomy = cloneNetwork(exact);
    const wsExact = createWorkspace(chapter8, 12);
    const wsRoomy = createWorkspace(chapter8, 30);
    const lossExact = trainStep(exact, data.x.slice(0, 24), data.labels.slice(0, 12), 12, wsExact, 0.5);
    const lossRoomy = trainStep(roomy, data.x, data.labels, 12, wsRoomy, 0.5);
    expect(lossRoomy).toBe(lossExact);
    expect(sameParams(roomy.params, exact.params)).toBe(true);
  });
});

describe('reproducibility', () => {
  function run(seed: number): { losses: Float64Array; net: Network } {
    const data = makeDataset('spirals', 150, seed);
    const net = initNetwork({ ...chapter8, activation: 'tanh' }, seed);
    const ws = createWorkspace(net.shape, 150);
    const losses = new Float64Array(200);
    for (let step = 0; step < 200; step++) losses[step] = trainStep(net, data.x, data.labels, 150, ws, 0.4);
    return { losses, net };
  }

  it('the same seed gives a bit-identical run; another seed gives another', () => {
    const first = run(17);
    const again = run(17);
    expect(sameBits(first.losses, again.losses)).toBe(true);
    expect(sameParams(first.net.params, again.net.params)).toBe(true);
    const other = run(18);
    expect(sameBits(first.losses, other.losses)).toBe(false);
    expect(sameBits(first.net.params.w1, other.net.params.w1)).toBe(false);
  });

  it('initNetwork draws He-normal weights for relu and Glorot-normal for tanh, biases 0, fixed by the seed', () => {
    const shape = { inputs: 200, hidden: 300, outputs: 100, activation: 'relu' } as const;
    const sampleStd = (w: Float64Array) => Math.sqrt(w.reduce((s, v) => s + v * v, 0) / w.length);
    const relu = initNetwork(shape, 1);
    // 60 000 draws: the sample standard deviation is within 1% of σ with overwhelming probability.
    expect(sampleStd(relu.params.w1) / Math.sqrt(2 / 200)).toBeCloseTo(1, 1.7);
    expect(sampleStd(relu.params.w2) / Math.sqrt(2 / 300)).toBeCloseTo(1, 1.7);
    const tanh = initNetwork({ ...shape, activation: 'tanh' }, 1);
    expect(sampleStd(tanh.params.w1) / Math.sqrt(2 / 500)).toBeCloseTo(1, 1.7);
    expect(sampleStd(tanh.params.w2) / Math.sqrt(2 / 400)).toBeCloseTo(1, 1.7);
    expect(relu.params.b1.every((b) => b === 0) && relu.params.b2.every((b) => b === 0)).toBe(true);
    expect(sameParams(initNetwork(shape, 1).params, relu.params)).toBe(true);
    expect(sameBits(initNetwork(shape, 2).params.w1, relu.params.w1)).toBe(false);
  });

  for (const activation of ['relu', 'sigmoid'] as const) {
    it(`initNetwork (${activation}) draws w1 then w2 row-major from one seeded stream, bit for bit`, () => {
      const shape = { inputs: 3, hidden: 4, outputs: 5, activation };
      const net = initNetwork(shape, 9);
      // the documented recipe by hand: He σ² = 2/fan_in, Glorot σ² = 2/(fan_in + fan_out)
      const std1 = activation === 'relu' ? Math.sqrt(2 / 3) : Math.sqrt(2 / 7);
      const std2 = activation === 'relu' ? Math.sqrt(2 / 4) : Math.sqrt(2 / 9);
      const random = createRandom(9);
      const w1 = Float64Array.from({ length: 12 }, () => std1 * random.normal());
      const w2 = Float64Array.from({ length: 20 }, () => std2 * random.normal());
      expect(sameBits(net.params.w1, w1)).toBe(true);
      expect(sameBits(net.params.w2, w2)).toBe(true);
      expect(Array.from(net.params.b1)).toEqual([0, 0, 0, 0]);
      expect(Array.from(net.params.b2)).toEqual([0, 0, 0, 0, 0]);
    });
  }

  it('cloneNetwork copies the parameters: training the clone leaves the original as it was', () => {
    const data = makeDataset('blobs', 30, 6);
    const net = initNetwork(chapter8, 6);
    const copy = cloneNetwork(net);
    const snapshot = cloneNetwork(net);
    trainStep(copy, data.x, data.labels, 30, createWorkspace(chapter8, 30), 0.5);
    expect(sameParams(net.params, snapshot.params)).toBe(true);
    expect(sameParams(copy.params, net.params)).toBe(false);
    expect(copy.shape).toEqual(net.shape);
  });
});

describe('mean against sum', () => {
  function gradients(m: number, reduction: 'mean' | 'sum'): NetworkParams {
    const data = makeDataset('rings', m, 9);
    const net = initNetwork({ ...chapter8, activation: 'sigmoid' }, 9);
    const ws = createWorkspace(net.shape, m);
    forward(net, data.x, data.labels, m, ws, reduction);
    backward(net, data.x, data.labels, m, ws, reduction);
    return ws.grads;
  }

  it("sum's gradient is exactly m × mean's when m is a power of two (scaling by 2^k is exact)", () => {
    const mean = gradients(16, 'mean');
    const sum = gradients(16, 'sum');
    for (const name of PARAMS) expect(sameBits(sum[name], mean[name].map((g) => 16 * g))).toBe(true);
  });

  it("sum's gradient is m × mean's to rounding for m = 300", () => {
    const mean = gradients(300, 'mean');
    const sum = gradients(300, 'sum');
    for (const name of PARAMS) {
      sum[name].forEach((g, i) => expect(Math.abs(g - 300 * (mean[name][i] as number))).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(g))));
    }
  });
});
