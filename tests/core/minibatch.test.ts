import { describe, expect, it } from 'vitest';
import { makeDataset } from '../../src/core/datasets';
import { batchesPerEpoch, createMinibatchWorkspace, shuffleOrder, trainMinibatches, type MinibatchSettings, type MinibatchWorkspace } from '../../src/core/minibatch';
import { cloneNetwork, createWorkspace, initNetwork, trainStep, type Activation, type BatchReduction, type Network, type NetworkParams } from '../../src/core/network';
import { createRandom } from '../../src/core/random';
import { fc } from './helpers';

const PARAMS = ['w1', 'b1', 'w2', 'b2'] as const;

/** Bit-for-bit equality (distinguishes −0 from 0). */
function sameBits(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  const ab = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const bb = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  return ab.every((v, i) => v === bb[i]);
}
const sameParams = (a: NetworkParams, b: NetworkParams) => PARAMS.every((name) => sameBits(a[name], b[name]));

const chapter8 = { inputs: 2, hidden: 16, outputs: 3, activation: 'relu' } as const;

function settings(patch: Partial<MinibatchSettings> & { batchSize: number }): MinibatchSettings {
  return { learningRate: 0.3, reduction: 'mean', seed: 5, startStep: 0, steps: 1, ...patch };
}

describe('trainMinibatches with batch size m', () => {
  // m = 62 is not a multiple of 4, so the kernels' leftover rows are taken too
  for (const activation of ['relu', 'tanh', 'sigmoid'] as Activation[]) {
    for (const reduction of ['mean', 'sum'] as BatchReduction[]) {
      it(`trainMinibatches(batchSize m) gives trainStep's weights bit for bit after 40 steps (${activation}, ${reduction})`, () => {
        const data = makeDataset('spirals', 62, 4);
        const shape = { ...chapter8, activation };
        const full = initNetwork(shape, 11);
        const mini = cloneNetwork(full);
        const ws = createWorkspace(shape, 62);
        const lr = reduction === 'sum' ? 0.01 : 0.4;
        for (let s = 0; s < 40; s++) trainStep(full, data.x, data.labels, 62, ws, lr, reduction);
        trainMinibatches(mini, data.x, data.labels, 62, createMinibatchWorkspace(shape, 62), settings({ batchSize: 62, learningRate: lr, reduction, steps: 40 }));
        expect(sameParams(mini.params, full.params)).toBe(true);
      });
    }
  }
});

/**
 * Plain SGD on one example at a time, written out for a 2-3-2 tanh network from the formulas (no
 * core code but the order of the rows): z1_j = b1_j + x_0·W1_0j + x_1·W1_1j, a = tanh z, z2_k likewise,
 * p = softmax(z2) shifted by its max, dz2 = p − e_t, dW2 = a·dz2ᵀ, da = W2·dz2, dz1 = da·(1 − a²),
 * dW1 = x·dz1ᵀ; then every parameter θ −= η·∂θ.
 */
function handSgd(net: Network, x: Float64Array, labels: Int32Array, order: readonly number[], lr: number): void {
  const { w1, b1, w2, b2 } = net.params;
  for (const row of order) {
    const x0 = x[2 * row] as number;
    const x1 = x[2 * row + 1] as number;
    const t = labels[row] as number;
    const z1 = [0, 1, 2].map((j) => (b1[j] as number) + x0 * (w1[j] as number) + x1 * (w1[3 + j] as number));
    const a = z1.map((z) => Math.tanh(z));
    const z2 = [0, 1].map((k) => (b2[k] as number) + (a[0] as number) * (w2[k] as number) + (a[1] as number) * (w2[2 + k] as number) + (a[2] as number) * (w2[4 + k] as number));
    const max = Math.max(z2[0] as number, z2[1] as number);
    const e = z2.map((z) => Math.exp(z - max));
    const inv = 1 / ((e[0] as number) + (e[1] as number));
    const dz2 = e.map((v, k) => v * inv - (k === t ? 1 : 0));
    const da = [0, 1, 2].map((j) => (w2[2 * j] as number) * (dz2[0] as number) + (w2[2 * j + 1] as number) * (dz2[1] as number));
    const dz1 = da.map((d, j) => d * (1 - (a[j] as number) * (a[j] as number)));
    for (let j = 0; j < 3; j++) {
      for (let k = 0; k < 2; k++) w2[2 * j + k] = (w2[2 * j + k] as number) - lr * ((a[j] as number) * (dz2[k] as number));
    }
    for (let k = 0; k < 2; k++) b2[k] = (b2[k] as number) - lr * (dz2[k] as number);
    for (let j = 0; j < 3; j++) {
      w1[j] = (w1[j] as number) - lr * (x0 * (dz1[j] as number));
      w1[3 + j] = (w1[3 + j] as number) - lr * (x1 * (dz1[j] as number));
      b1[j] = (b1[j] as number) - lr * (dz1[j] as number);
    }
  }
}

describe('trainMinibatches with batch size 1', () => {
  it('trainMinibatches(batchSize 1) is per-example SGD written by hand, in each epoch’s shuffled order, bit for bit', () => {
    const shape = { inputs: 2, hidden: 3, outputs: 2, activation: 'tanh' } as const;
    const m = 7;
    const x = Float64Array.from([0.5, -1, 1.25, 0.75, -0.3, 0.2, 2, -1.5, -0.9, -0.4, 0.1, 1.1, -1.7, 0.6]);
    const labels = Int32Array.from([0, 1, 1, 0, 0, 1, 1]);
    const core = initNetwork(shape, 3);
    const hand = cloneNetwork(core);
    const epochs = 4;
    trainMinibatches(core, x, labels, m, createMinibatchWorkspace(shape, m), settings({ batchSize: 1, learningRate: 0.2, reduction: 'mean', seed: 9, steps: epochs * m }));
    const order = new Int32Array(m);
    for (let epoch = 0; epoch < epochs; epoch++) {
      shuffleOrder(9, epoch, order);
      handSgd(hand, x, labels, Array.from(order), 0.2);
    }
    expect(sameParams(core.params, hand.params)).toBe(true);
    // and the weights did move: the comparison is not of two untouched networks
    expect(sameParams(core.params, initNetwork(shape, 3).params)).toBe(false);
  });

  it('trainMinibatches(batchSize 1) with reduction sum is the same as with mean (one row: mean = sum)', () => {
    const data = makeDataset('blobs', 30, 2);
    const a = initNetwork(chapter8, 2);
    const b = cloneNetwork(a);
    const ws = createMinibatchWorkspace(chapter8, 30);
    trainMinibatches(a, data.x, data.labels, 30, ws, settings({ batchSize: 1, reduction: 'mean', steps: 45 }));
    trainMinibatches(b, data.x, data.labels, 30, ws, settings({ batchSize: 1, reduction: 'sum', steps: 45 }));
    expect(sameParams(a.params, b.params)).toBe(true);
  });
});

describe('trainMinibatches batches and epochs', () => {
  it('each step is trainStep on the next B rows of the epoch’s order; the last batch of an epoch holds the rows left over', () => {
    // m = 10, B = 4: batches of 4, 4 and 2 rows, so 'mean' divides by 4, 4 and then 2
    const data = makeDataset('rings', 10, 6);
    const mini = initNetwork(chapter8, 6);
    const byHand = cloneNetwork(mini);
    trainMinibatches(mini, data.x, data.labels, 10, createMinibatchWorkspace(chapter8, 10), settings({ batchSize: 4, steps: 7 }));
    expect(batchesPerEpoch(10, 4)).toBe(3);
    const ws = createWorkspace(chapter8, 4);
    const order = new Int32Array(10);
    for (let step = 0; step < 7; step++) {
      const epoch = Math.floor(step / 3);
      shuffleOrder(5, epoch, order);
      const rows = Array.from(order.subarray(4 * (step % 3), Math.min(10, 4 * (step % 3) + 4)));
      expect(rows.length).toBe(step % 3 === 2 ? 2 : 4);
      const bx = Float64Array.from(rows.flatMap((r) => [data.x[2 * r] as number, data.x[2 * r + 1] as number]));
      const bl = Int32Array.from(rows.map((r) => data.labels[r] as number));
      trainStep(byHand, bx, bl, rows.length, ws, 0.3, 'mean');
    }
    expect(sameParams(mini.params, byHand.params)).toBe(true);
  });

  it('a run continued from startStep gives the weights of the same run taken in one call', () => {
    const data = makeDataset('spirals', 45, 1);
    const once = initNetwork(chapter8, 1);
    const twice = cloneNetwork(once);
    const ws = createMinibatchWorkspace(chapter8, 45);
    // batch size 10: 5 batches an epoch; the split at step 7 falls inside the second epoch
    trainMinibatches(once, data.x, data.labels, 45, ws, settings({ batchSize: 10, steps: 23 }));
    trainMinibatches(twice, data.x, data.labels, 45, ws, settings({ batchSize: 10, steps: 7 }));
    trainMinibatches(twice, data.x, data.labels, 45, ws, settings({ batchSize: 10, startStep: 7, steps: 16 }));
    expect(sameParams(once.params, twice.params)).toBe(true);
  });

  it('trainMinibatches with another shuffle seed gives other weights; with the same seed the same', () => {
    const data = makeDataset('blobs', 40, 3);
    const run = (seed: number) => {
      const net = initNetwork(chapter8, 3);
      trainMinibatches(net, data.x, data.labels, 40, createMinibatchWorkspace(chapter8, 40), settings({ batchSize: 8, seed, steps: 20 }));
      return net.params;
    };
    expect(sameParams(run(1), run(1))).toBe(true);
    expect(sameBits(run(1).w1, run(2).w1)).toBe(false);
  });

  it('trainMinibatches with 0 steps leaves the weights as they are', () => {
    const data = makeDataset('blobs', 12, 3);
    const net = initNetwork(chapter8, 3);
    const before = cloneNetwork(net);
    trainMinibatches(net, data.x, data.labels, 12, createMinibatchWorkspace(chapter8, 12), settings({ batchSize: 5, steps: 0 }));
    trainMinibatches(net, data.x, data.labels, 12, createMinibatchWorkspace(chapter8, 12), settings({ batchSize: 12, steps: 0 }));
    expect(sameParams(net.params, before.params)).toBe(true);
  });

  it('trainMinibatches takes the step that ends at startStep + steps = 2^53 − 1, the last safe integer', () => {
    // m = 10, B = 4: 3 steps an epoch; 2^53 − 2 = 3·e exactly (2^53 ≡ 2 mod 3), so the step is batch 0 of epoch e
    const data = makeDataset('rings', 10, 6);
    const mini = initNetwork(chapter8, 6);
    const byHand = cloneNetwork(mini);
    const startStep = 2 ** 53 - 2;
    trainMinibatches(mini, data.x, data.labels, 10, createMinibatchWorkspace(chapter8, 10), settings({ batchSize: 4, startStep, steps: 1 }));
    const epoch = Number((2n ** 53n - 2n) / 3n);
    const order = new Int32Array(10);
    shuffleOrder(5, epoch, order);
    const rows = Array.from(order.subarray(0, 4));
    const bx = Float64Array.from(rows.flatMap((r) => [data.x[2 * r] as number, data.x[2 * r + 1] as number]));
    const bl = Int32Array.from(rows.map((r) => data.labels[r] as number));
    trainStep(byHand, bx, bl, 4, createWorkspace(chapter8, 4), 0.3, 'mean');
    expect(sameParams(mini.params, byHand.params)).toBe(true);
    expect(sameParams(mini.params, initNetwork(chapter8, 6).params)).toBe(false);
  });
});

describe('shuffleOrder', () => {
  it('shuffleOrder fills a permutation of 0..n−1 for every seed, epoch and n (fast-check, fixed seed)', () => {
    fc.assert(
      fc.property(fc.integer(), fc.nat(10_000), fc.integer({ min: 0, max: 300 }), (seed, epoch, n) => {
        const order = new Int32Array(n);
        shuffleOrder(seed, epoch, order);
        expect(Array.from(order).sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('shuffleOrder is fixed by the seed and the epoch, and another epoch or seed gives another order', () => {
    const order = (seed: number, epoch: number) => {
      const out = new Int32Array(50);
      shuffleOrder(seed, epoch, out);
      return Array.from(out);
    };
    expect(order(3, 0)).toEqual(order(3, 0));
    expect(order(3, 4)).toEqual(order(3, 4));
    // two orders of 50 coincide with probability 1/50!: a match means the epoch or seed was ignored
    expect(order(3, 1)).not.toEqual(order(3, 0));
    expect(order(4, 0)).not.toEqual(order(3, 0));
    // seeds are taken modulo 2^32, as createRandom takes them
    expect(order(-1, 2)).toEqual(order(2 ** 32 - 1, 2));
  });

  it('shuffleOrder makes each of the 6 orders of 3 equally often (a biased swap would give 4/27 and 5/27)', () => {
    // 27 000 epochs: 4 500 expected for each order, standard deviation √(27 000·(1/6)(5/6)) ≈ 61; the
    // classic mistake (swap with any place, not one at or below i) is off by 500 for some orders
    const counts = new Map<string, number>();
    const order = new Int32Array(3);
    for (let epoch = 0; epoch < 27_000; epoch++) {
      shuffleOrder(12, epoch, order);
      const key = order.join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    for (const count of counts.values()) expect(Math.abs(count - 4500)).toBeLessThan(300);
  });

  /**
   * The documented recipe, written out: the generator's seed is seed XOR (epoch + 1)·0x9e3779b9 mod 2^32
   * (here in BigInt, so no 32-bit trick is shared with the code), then Fisher–Yates from the last place
   * down, each place swapped with one drawn from it and the places below.
   */
  function recipeOrder(seed: number, epoch: number, n: number): number[] {
    const mod = 2n ** 32n;
    const seedMod = ((BigInt(seed) % mod) + mod) % mod;
    const mixed = seedMod ^ ((BigInt(epoch + 1) * 0x9e3779b9n) % mod);
    const random = createRandom(Number(mixed));
    const out = Array.from({ length: n }, (_, i) => i);
    for (let place = n - 1; place > 0; place--) {
      const other = random.int(place + 1);
      [out[place], out[other]] = [out[other] as number, out[place] as number];
    }
    return out;
  }

  it('shuffleOrder(seed, epoch, order) is the documented Fisher–Yates on the seeded generator (fast-check, fixed seed)', () => {
    fc.assert(
      fc.property(fc.integer(), fc.nat(2 ** 40), fc.integer({ min: 0, max: 40 }), (seed, epoch, n) => {
        const order = new Int32Array(n);
        shuffleOrder(seed, epoch, order);
        expect(Array.from(order)).toEqual(recipeOrder(seed, epoch, n));
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('shuffleOrder(seed, 0, …) and shuffleOrder(seed, 1, …) follow the recipe for epochs 0 and 1 and differ', () => {
    const order = (epoch: number) => {
      const out = new Int32Array(20);
      shuffleOrder(7, epoch, out);
      return Array.from(out);
    };
    expect(order(0)).toEqual(recipeOrder(7, 0, 20));
    expect(order(1)).toEqual(recipeOrder(7, 1, 20));
    expect(order(0)).not.toEqual(order(1));
  });

  it('shuffleOrder(seed, epoch, order, n) fills order[0..n) and leaves the places from n on as they were', () => {
    const order = Int32Array.of(-7, -7, -7, -7, -7, -7);
    shuffleOrder(3, 2, order, 4);
    expect(Array.from(order.subarray(0, 4))).toEqual(recipeOrder(3, 2, 4));
    expect(Array.from(order.subarray(4))).toEqual([-7, -7]);
    shuffleOrder(3, 2, order, 0);
    expect(Array.from(order.subarray(0, 4))).toEqual(recipeOrder(3, 2, 4));
    shuffleOrder(3, 2, order, 6);
    expect(Array.from(order)).toEqual(recipeOrder(3, 2, 6));
  });

  it('shuffleOrder names a bad epoch, n or seed', () => {
    expect(() => shuffleOrder(1, -1, new Int32Array(3))).toThrow(/epoch -1 is not an integer ≥ 0/);
    expect(() => shuffleOrder(1, 0.5, new Int32Array(3))).toThrow(/epoch 0.5 is not an integer ≥ 0/);
    expect(() => shuffleOrder(1, 0, new Int32Array(3), 4)).toThrow(/n = 4 is not an integer from 0 to order.length = 3/);
    expect(() => shuffleOrder(1, 0, new Int32Array(3), -1)).toThrow(/n = -1 is not an integer from 0 to order.length = 3/);
    expect(() => shuffleOrder(1, 0, new Int32Array(3), 1.5)).toThrow(/n = 1.5 is not an integer from 0 to order.length = 3/);
    expect(() => shuffleOrder(1.5, 0, new Int32Array(3))).toThrow(/seed 1.5 is not an integer/);
  });
});

describe('trainMinibatches bad input', () => {
  const data = makeDataset('blobs', 20, 1);
  const ws = createMinibatchWorkspace(chapter8, 20);

  for (const bad of [0, 21, 2.5, -1, NaN, Infinity]) {
    it(`trainMinibatches refuses batch size ${bad} with a message naming it and 1 to m, and changes nothing`, () => {
      const net = initNetwork(chapter8, 1);
      const before = cloneNetwork(net);
      expect(() => trainMinibatches(net, data.x, data.labels, 20, ws, settings({ batchSize: bad, steps: 3 }))).toThrow(
        new RangeError(`trainMinibatches: batch size ${bad} is not a whole number from 1 to m = 20, the number of examples`),
      );
      expect(sameParams(net.params, before.params)).toBe(true);
    });
  }

  it('trainMinibatches names a bad step count, start, seed, rate or label before writing anything', () => {
    const net = initNetwork(chapter8, 1);
    const before = cloneNetwork(net);
    const call = (patch: Partial<MinibatchSettings>, labels = data.labels) => () =>
      trainMinibatches(net, data.x, labels, 20, ws, settings({ batchSize: 5, steps: 3, ...patch }));
    expect(call({ steps: -1 })).toThrow(/steps -1 is not a whole number ≥ 0/);
    expect(call({ steps: 1.5 })).toThrow(/steps 1.5 is not a whole number ≥ 0/);
    expect(call({ startStep: -2 })).toThrow(/startStep -2 is not a whole number ≥ 0/);
    expect(call({ steps: 2 ** 53 })).toThrow(/steps 9007199254740992 is not a whole number ≥ 0/);
    expect(call({ seed: 0.5 })).toThrow(new RangeError('trainMinibatches: seed 0.5 is not an integer'));
    // full batch never shuffles, so the seed is checked by trainMinibatches itself, not by shuffleOrder
    expect(call({ seed: 0.5, batchSize: 20 })).toThrow(new RangeError('trainMinibatches: seed 0.5 is not an integer'));
    expect(call({ seed: '1' as unknown as number })).toThrow(new RangeError('trainMinibatches: seed 1 is not an integer'));
    expect(call({ learningRate: -0.1 })).toThrow(/learning rate -0.1 is not a finite number ≥ 0/);
    const badLabels = data.labels.slice();
    badLabels[19] = 3;
    expect(call({}, badLabels)).toThrow(/labels\[19\] = 3 is not a class index in \[0, 3\)/);
    expect(sameParams(net.params, before.params)).toBe(true);
  });

  it('trainMinibatches refuses startStep + steps past 2^53 − 1 and changes nothing', () => {
    const net = initNetwork(chapter8, 1);
    const before = cloneNetwork(net);
    const call = (startStep: number, steps: number) => () => trainMinibatches(net, data.x, data.labels, 20, ws, settings({ batchSize: 5, startStep, steps }));
    expect(call(2 ** 53 - 1, 1)).toThrow(new RangeError('trainMinibatches: startStep + steps = 9007199254740992 is past 2^53 − 1, the last step count a double counts exactly'));
    expect(call(1, 2 ** 53 - 1)).toThrow(new RangeError('trainMinibatches: startStep + steps = 9007199254740992 is past 2^53 − 1, the last step count a double counts exactly'));
    expect(call(2 ** 52, 2 ** 52)).toThrow(/startStep \+ steps = 9007199254740992 is past 2\^53/);
    expect(sameParams(net.params, before.params)).toBe(true);
  });

  it('trainMinibatches refuses steps or startStep given as a string', () => {
    const net = initNetwork(chapter8, 1);
    const call = (patch: Partial<MinibatchSettings>) => () => trainMinibatches(net, data.x, data.labels, 20, ws, settings({ batchSize: 5, ...patch }));
    expect(call({ steps: '2' as unknown as number })).toThrow(new RangeError('trainMinibatches: steps 2 is not a whole number ≥ 0'));
    expect(call({ startStep: '2' as unknown as number })).toThrow(new RangeError('trainMinibatches: startStep 2 is not a whole number ≥ 0'));
    expect(call({ batchSize: '5' as unknown as number })).toThrow(/batch size 5 is not a whole number from 1 to m = 20/);
  });

  /** A workspace for m = 20 rows of chapter8 whose batch buffers are replaced by ones of the given lengths. */
  function withBuffers(order: number, batchX: number, batchLabels: number): MinibatchWorkspace {
    return { ...createMinibatchWorkspace(chapter8, 20), order: new Int32Array(order), batchX: new Float64Array(batchX), batchLabels: new Int32Array(batchLabels) };
  }

  it('trainMinibatches(batchSize 5) refuses a workspace whose order, batchX or batchLabels is one short, and takes them at exactly m, 5·inputs and 5', () => {
    const net = initNetwork(chapter8, 1);
    const before = cloneNetwork(net);
    const message = new RangeError("trainMinibatches: the workspace's batch buffers are too small for m = 20 and batch size 5");
    const call = (buffers: MinibatchWorkspace) => () => trainMinibatches(net, data.x, data.labels, 20, buffers, settings({ batchSize: 5, steps: 6 }));
    expect(call(withBuffers(19, 10, 5))).toThrow(message);
    expect(call(withBuffers(20, 9, 5))).toThrow(message);
    expect(call(withBuffers(20, 10, 4))).toThrow(message);
    expect(sameParams(net.params, before.params)).toBe(true);
    // at exactly the sizes needed it trains as with createMinibatchWorkspace's (larger) buffers
    const reference = cloneNetwork(net);
    call(withBuffers(20, 10, 5))();
    trainMinibatches(reference, data.x, data.labels, 20, createMinibatchWorkspace(chapter8, 20), settings({ batchSize: 5, steps: 6 }));
    expect(sameParams(net.params, reference.params)).toBe(true);
    expect(sameParams(net.params, before.params)).toBe(false);
  });

  it('trainMinibatches(batchSize m) needs no batch buffers: it trains as trainStep does with them empty', () => {
    const net = initNetwork(chapter8, 1);
    const byHand = cloneNetwork(net);
    trainMinibatches(net, data.x, data.labels, 20, withBuffers(0, 0, 0), settings({ batchSize: 20, steps: 3 }));
    const plain = createWorkspace(chapter8, 20);
    for (let s = 0; s < 3; s++) trainStep(byHand, data.x, data.labels, 20, plain, 0.3, 'mean');
    expect(sameParams(net.params, byHand.params)).toBe(true);
  });
});

describe('createMinibatchWorkspace', () => {
  it('createMinibatchWorkspace(shape, m) has an order of m places and buffers for a batch of m rows', () => {
    const ws = createMinibatchWorkspace({ ...chapter8, inputs: 5 }, 7);
    expect([ws.capacity, ws.order.length, ws.batchX.length, ws.batchLabels.length]).toEqual([7, 7, 35, 7]);
  });

  it('createMinibatchWorkspace names a bad shape or m', () => {
    expect(() => createMinibatchWorkspace({ ...chapter8, hidden: 0 }, 10)).toThrow(/^createMinibatchWorkspace: shape.hidden 0 is not an integer/);
    expect(() => createMinibatchWorkspace(chapter8, 0)).toThrow(/^createMinibatchWorkspace: m 0 is not an integer in \[1, 67108864\]/);
    expect(() => createMinibatchWorkspace(chapter8, 2.5)).toThrow(/^createMinibatchWorkspace: m 2.5 is not an integer/);
  });
});
