import { describe, expect, it } from 'vitest';
import {
  accuracy,
  backward,
  classify,
  createWorkspace,
  forward,
  initNetwork,
  type Activation,
  type BatchReduction,
  type Network,
  type NetworkShape,
  type Workspace,
} from '../../src/core/network';
import { forwardRows, lossSum } from '../../src/core/networkKernels';
import { gatherRows } from '../../src/core/minibatch';
import { createRandom } from '../../src/core/random';
import { expectRelClose } from './helpers';
import { phiPrime, referenceForward, rows, type Matrix } from './networkReference';

/*
 * The kernels behind network.ts through its public functions: batches that take the four-row path
 * (m = 4, 9), the one-row path (m = 1) and both (m = 5, 9) of a workspace larger than the batch, whose
 * rows past m must stay as they were; relu at exactly 0; the logits' argmax on ties; the loss slot
 * when no labels are given; and gatherRows.
 */

const ACTIVATIONS: Activation[] = ['relu', 'tanh', 'sigmoid'];
const REDUCTIONS: BatchReduction[] = ['mean', 'sum'];
// inputs ≠ hidden ≠ outputs, so a swapped index or width lands somewhere else
const SHAPE = { inputs: 3, hidden: 4, outputs: 5 } as const;
const CAPACITY = 11;

function randomNetwork(shape: NetworkShape, seed: number): Network {
  const net = initNetwork(shape, seed);
  const random = createRandom(seed + 1000);
  for (const b of [net.params.b1, net.params.b2]) for (let i = 0; i < b.length; i++) b[i] = 0.5 * random.normal();
  return net;
}

/** m rows of x and labels that include the first and the last class. */
function batch(m: number, seed: number): { x: Float64Array; labels: Int32Array } {
  const random = createRandom(seed);
  const x = new Float64Array(m * SHAPE.inputs);
  for (let i = 0; i < x.length; i++) x[i] = random.normal();
  const labels = new Int32Array(m);
  for (let r = 0; r < m; r++) labels[r] = r === 0 ? SHAPE.outputs - 1 : r === 1 ? 0 : random.int(SHAPE.outputs);
  return { x, labels };
}

const SCRATCH = ['z1', 'a1', 'z2', 'p', 'dz2', 'da1', 'dz1'] as const;

/** Each scratch array filled with its own value, so a stray write of one array's entry into another shows. */
function fillSentinels(ws: Workspace): void {
  SCRATCH.forEach((name, n) => ws[name].fill(n + 1.5));
}

function expectRowsPastMUntouched(ws: Workspace, m: number): void {
  SCRATCH.forEach((name, n) => {
    const width = name === 'z2' || name === 'p' || name === 'dz2' ? SHAPE.outputs : SHAPE.hidden;
    const rest = Array.from(ws[name].subarray(m * width));
    expect(rest, `${name} past row ${m}`).toEqual(rest.map(() => n + 1.5));
  });
}

interface ReferenceBackward {
  dz2: Matrix;
  da1: Matrix;
  dz1: Matrix;
  w1: Matrix;
  b1: number[];
  w2: Matrix;
  b2: number[];
}

/** The backward formulas of network.ts's doc comment, one sum at a time over plain arrays. */
function referenceBackward(net: Network, x: Float64Array, labels: Int32Array, m: number, reduction: BatchReduction): ReferenceBackward {
  const { inputs: I, hidden: H, outputs: K, activation } = net.shape;
  const { z1, a1, p } = referenceForward(net, x, labels, m, reduction);
  const xs = rows(x, m, I);
  const w2 = rows(net.params.w2, H, K);
  const s = reduction === 'mean' ? 1 / m : 1;
  const dz2 = p.map((row, r) => row.map((pk, k) => s * (pk - (k === labels[r] ? 1 : 0))));
  const da1 = dz2.map((g) => w2.map((wj) => wj.reduce((sum, w, k) => sum + w * (g[k] as number), 0)));
  const dz1 = da1.map((row, r) => row.map((d, j) => d * phiPrime(activation, (z1[r] as number[])[j] as number)));
  const outer = (a: Matrix, b: Matrix, n: number, q: number): Matrix =>
    Array.from({ length: n }, (_, i) => Array.from({ length: q }, (_, j) => a.reduce((sum, row, r) => sum + (row[i] as number) * ((b[r] as number[])[j] as number), 0)));
  const colSums = (a: Matrix, q: number): number[] => Array.from({ length: q }, (_, j) => a.reduce((sum, row) => sum + (row[j] as number), 0));
  return { dz2, da1, dz1, w1: outer(xs, dz1, I, H), b1: colSums(dz1, H), w2: outer(a1, dz2, H, K), b2: colSums(dz2, K) };
}

describe('forward and backward on batches in the front of a larger workspace', () => {
  for (const activation of ACTIVATIONS) {
    for (const reduction of REDUCTIONS) {
      for (const m of [1, 4, 5, 9]) {
        it(`forward and backward (${activation}, ${reduction}, m = ${m} of ${CAPACITY}) match the reference and leave rows m and after as they were`, () => {
          const shape = { ...SHAPE, activation };
          const net = randomNetwork(shape, 7 + m);
          const { x, labels } = batch(m, 70 + m);
          const ws = createWorkspace(shape, CAPACITY);
          fillSentinels(ws);
          const loss = forward(net, x, labels, m, ws, reduction);
          backward(net, x, labels, m, ws, reduction);
          expectRowsPastMUntouched(ws, m);

          const ref = referenceForward(net, x, labels, m, reduction);
          const close = (actual: Float64Array, expected: Matrix | number[]) =>
            expectRelClose(actual, expected.flat() as number[], 1e-12, 1e-15);
          close(ws.z1.subarray(0, m * SHAPE.hidden), ref.z1);
          close(ws.a1.subarray(0, m * SHAPE.hidden), ref.a1);
          close(ws.z2.subarray(0, m * SHAPE.outputs), ref.z2);
          close(ws.p.subarray(0, m * SHAPE.outputs), ref.p);
          expectRelClose([loss], [ref.loss], 1e-12);

          const grad = referenceBackward(net, x, labels, m, reduction);
          close(ws.dz2.subarray(0, m * SHAPE.outputs), grad.dz2);
          close(ws.da1.subarray(0, m * SHAPE.hidden), grad.da1);
          close(ws.dz1.subarray(0, m * SHAPE.hidden), grad.dz1);
          close(ws.grads.w1, grad.w1);
          close(ws.grads.b1, grad.b1);
          close(ws.grads.w2, grad.w2);
          close(ws.grads.b2, grad.b2);
        });
      }
    }
  }
});

describe('relu at exactly 0', () => {
  for (const m of [1, 4, 5]) {
    it(`backward (relu, m = ${m}) passes no gradient through a hidden unit whose z1 is exactly 0 (relu′(0) = 0)`, () => {
      const shape = { ...SHAPE, activation: 'relu' } as const;
      const net = randomNetwork(shape, 3);
      // hidden unit 0 gets no input and no bias: z1[r, 0] = 0 on every row
      for (let i = 0; i < SHAPE.inputs; i++) net.params.w1[i * SHAPE.hidden] = 0;
      net.params.b1[0] = 0;
      const { x, labels } = batch(m, 30);
      const ws = createWorkspace(shape, m);
      forward(net, x, labels, m, ws);
      backward(net, x, labels, m, ws);
      for (let r = 0; r < m; r++) {
        expect(ws.z1[r * SHAPE.hidden]).toBe(0);
        expect(ws.a1[r * SHAPE.hidden]).toBe(0);
        // da1 is W2's row 0 against dz2, not 0, so only relu′ can stop it
        expect(ws.da1[r * SHAPE.hidden]).not.toBe(0);
        expect(ws.dz1[r * SHAPE.hidden]).toBe(0);
      }
      expect(ws.grads.b1[0]).toBe(0);
      for (let i = 0; i < SHAPE.inputs; i++) expect(ws.grads.w1[i * SHAPE.hidden]).toBe(0);
    });
  }
});

describe('forwardRows without labels', () => {
  for (const m of [1, 4, 5]) {
    it(`forwardRows(net, x, null, ${m}, ws) fills p and leaves lossSum[0] at 0`, () => {
      const shape = { ...SHAPE, activation: 'tanh' } as const;
      const net = randomNetwork(shape, 11);
      const { x, labels } = batch(m, 12);
      const ws = createWorkspace(shape, m);
      lossSum[0] = 5;
      forwardRows(net, x, null, m, ws);
      expect(lossSum[0]).toBe(0);
      expectRelClose(ws.p, referenceForward(net, x, labels, m, 'sum').p.flat(), 1e-12, 1e-15);
    });
  }
});

describe('classify and accuracy', () => {
  /** A network whose logits are b2 on every row: w2 = 0. */
  function constantLogits(b2: number[]): Network {
    const shape = { inputs: 2, hidden: 3, outputs: b2.length, activation: 'tanh' } as const;
    const net = randomNetwork(shape, 4);
    net.params.w2.fill(0);
    net.params.b2.set(b2);
    return net;
  }

  it('classify and accuracy break a tie of the largest logits toward the lowest class', () => {
    const net = constantLogits([0.5, 2, -1, 2, 2]);
    const x = Float64Array.of(1, -1, 0.5, 2, -3, 0.25, 0, 0, 9, -9);
    const ws = createWorkspace(net.shape, 5);
    const out = new Uint8Array(5);
    classify(net, x, 5, ws, out);
    expect(Array.from(out)).toEqual([1, 1, 1, 1, 1]);
    expect(accuracy(net, x, Int32Array.of(1, 1, 3, 4, 0), 5, ws)).toBe(2 / 5);
  });

  it('classify writes only out[0..m) and accuracy counts only the first m rows of a larger workspace', () => {
    const net = constantLogits([0, 0, 1]);
    const x = Float64Array.of(1, 2, 3, 4);
    const ws = createWorkspace(net.shape, 3);
    const out = Uint8Array.of(9, 9, 9);
    classify(net, x, 1, ws, out);
    expect(Array.from(out)).toEqual([2, 9, 9]);
    // rows 1 and 2 of the fresh workspace's z2 are 0 (argmax class 0): labels 0 there must not count
    const fresh = createWorkspace(net.shape, 3);
    expect(accuracy(net, x, Int32Array.of(0, 0, 0), 1, fresh)).toBe(0);
    expect(accuracy(net, x, Int32Array.of(2, 0, 0), 1, fresh)).toBe(1);
  });

  it('classify takes 256 classes (the last is 255) and refuses 257, which a Uint8Array cannot hold', () => {
    const logits = Array.from({ length: 256 }, (_, k) => (k === 255 ? 1 : 0));
    const net = constantLogits(logits);
    const out = new Uint8Array(1);
    classify(net, Float64Array.of(0.5, 0.5), 1, createWorkspace(net.shape, 1), out);
    expect(out[0]).toBe(255);
    const tooMany = constantLogits([...logits, 0]);
    expect(() => classify(tooMany, Float64Array.of(0.5, 0.5), 1, createWorkspace(tooMany.shape, 1), out)).toThrow(
      new RangeError('classify: 257 classes do not fit a Uint8Array'),
    );
  });
});

describe('gatherRows', () => {
  it('gatherRows copies rows order[from..from+n) and their labels into the front of the buffers and nothing after', () => {
    // row r of x is (10r, 10r + 1, 10r + 2), label 100 + r
    const x = Float64Array.from({ length: 12 }, (_, i) => 10 * Math.floor(i / 3) + (i % 3));
    const labels = Int32Array.of(100, 101, 102, 103);
    const order = Int32Array.of(2, 0, 3, 1);
    const xOut = new Float64Array(12).fill(-1);
    const labelsOut = new Int32Array(4).fill(-1);
    gatherRows(x, labels, order, 1, 2, 3, xOut, labelsOut);
    expect(Array.from(xOut)).toEqual([0, 1, 2, 30, 31, 32, -1, -1, -1, -1, -1, -1]);
    expect(Array.from(labelsOut)).toEqual([100, 103, -1, -1]);
  });
});
