import { describe, expect, it } from 'vitest';
import { createRandom } from '../../src/core/random';
import { numericalGradient } from '../../src/core/finiteDifference';
import {
  accuracy,
  backward,
  classify,
  cloneNetwork,
  createWorkspace,
  forward,
  initNetwork,
  sgdStep,
  trainStep,
  type Activation,
  type BatchReduction,
  type Network,
  type NetworkShape,
} from '../../src/core/network';
import { expectGradientMatches, expectRelClose, fc } from './helpers';
import {
  dot,
  flatten,
  lossFromHidden,
  lossFromLogits,
  lossFromPreActivation,
  phiPrime,
  referenceForward,
  rows,
} from './networkReference';

const ACTIVATIONS: Activation[] = ['relu', 'tanh', 'sigmoid'];
const REDUCTIONS: BatchReduction[] = ['mean', 'sum'];

/** A network with seeded weights and non-zero biases (initNetwork leaves biases at 0, which would hide a bias bug). */
function randomNetwork(shape: NetworkShape, seed: number): Network {
  const net = initNetwork(shape, seed);
  const random = createRandom(seed + 1000);
  for (const b of [net.params.b1, net.params.b2]) for (let i = 0; i < b.length; i++) b[i] = 0.5 * random.normal();
  return net;
}

function randomBatch(inputs: number, outputs: number, m: number, seed: number): { x: Float64Array; labels: Int32Array } {
  const random = createRandom(seed);
  const x = new Float64Array(m * inputs);
  for (let i = 0; i < x.length; i++) x[i] = random.normal();
  const labels = new Int32Array(m);
  for (let r = 0; r < m; r++) labels[r] = random.int(outputs);
  return { x, labels };
}

/** A copy of `net` with one parameter array replaced. */
function withParam(net: Network, name: 'w1' | 'b1' | 'w2' | 'b2', values: Float64Array): Network {
  const copy = cloneNetwork(net);
  copy.params[name].set(values);
  return copy;
}

describe('forward', () => {
  it('forward fills z1, a1, z2, p and returns the loss of a plain reference implementation', () => {
    for (const activation of ACTIVATIONS) {
      for (const reduction of REDUCTIONS) {
        const shape = { inputs: 3, hidden: 5, outputs: 4, activation };
        const net = randomNetwork(shape, 11);
        const m = 6;
        const { x, labels } = randomBatch(3, 4, m, 12);
        const ws = createWorkspace(shape, 8);
        const loss = forward(net, x, labels, m, ws, reduction);
        const ref = referenceForward(net, x, labels, m, reduction);
        expectRelClose(ws.z1.subarray(0, m * 5), flatten(ref.z1), 1e-13, 1e-15);
        expectRelClose(ws.a1.subarray(0, m * 5), flatten(ref.a1), 1e-13, 1e-15);
        expectRelClose(ws.z2.subarray(0, m * 4), flatten(ref.z2), 1e-13, 1e-15);
        expectRelClose(ws.p.subarray(0, m * 4), flatten(ref.p), 1e-13, 1e-16);
        expectRelClose([loss], [ref.loss], 1e-13);
      }
    }
  });

  it('forward with reduction sum is m times forward with reduction mean (mean = sum/m)', () => {
    const shape = { inputs: 2, hidden: 7, outputs: 3, activation: 'tanh' } as const;
    const net = randomNetwork(shape, 3);
    const { x, labels } = randomBatch(2, 3, 9, 4);
    const ws = createWorkspace(shape, 9);
    const sum = forward(net, x, labels, 9, ws, 'sum');
    expect(forward(net, x, labels, 9, ws, 'mean')).toBe(sum / 9);
    expect(forward(net, x, labels, 9, ws)).toBe(sum / 9);
  });

  it('forward stays finite for logits of ±1e4 (max-shifted softmax, log-sum-exp loss)', () => {
    const shape = { inputs: 1, hidden: 1, outputs: 3, activation: 'relu' } as const;
    const net = initNetwork(shape, 1);
    net.params.w1[0] = 1;
    net.params.w2.set([1e4, -1e4, 0]);
    const ws = createWorkspace(shape, 2);
    // x = 1: logits (1e4, −1e4, 0). Label 1 costs 2e4 exactly; label 0 costs log(1 + e^−1e4 + e^−2e4) = 0.
    const loss = forward(net, Float64Array.of(1, 1), Int32Array.of(1, 0), 2, ws, 'sum');
    expect(loss).toBe(2e4);
    expect(Array.from(ws.p.subarray(0, 3))).toEqual([1, 0, 0]);
  });
});

describe('hand-computed 2-2-2 networks', () => {
  // relu: x = (1, 2), W1 = [[1, −1], [0.5, −1]], b1 = (0, 1) → z1 = (1 + 1, −1 − 2 + 1) = (2, −2), a1 = (2, 0).
  // W2 = [[1, −1], [3, 2]], b2 = (0, 4 + ln 3) → z2 = (2, −2 + 4 + ln 3) = (2, 2 + ln 3), p = (1/4, 3/4).
  // Label 0: loss = −ln ¼ = ln 4; dz2 = p − y = (−¾, ¾); dW2 = a1ᵀdz2 = [[−1.5, 1.5], [0, 0]];
  // da1 = dz2·W2ᵀ = (−¾ − ¾, −9/4 + 6/4) = (−1.5, −0.75); dz1 = da1 ⊙ [z1 > 0] = (−1.5, 0);
  // dW1 = xᵀdz1 = [[−1.5, 0], [−3, 0]]; db1 = (−1.5, 0).
  const reluShape = { inputs: 2, hidden: 2, outputs: 2, activation: 'relu' } as const;
  function reluNet(): Network {
    const net = initNetwork(reluShape, 0);
    net.params.w1.set([1, -1, 0.5, -1]);
    net.params.b1.set([0, 1]);
    net.params.w2.set([1, -1, 3, 2]);
    net.params.b2.set([0, 4 + Math.log(3)]);
    return net;
  }

  it('forward and backward on one relu example give the values derived by hand', () => {
    const net = reluNet();
    const ws = createWorkspace(reluShape, 1);
    const x = Float64Array.of(1, 2);
    const labels = Int32Array.of(0);
    expect(forward(net, x, labels, 1, ws)).toBeCloseTo(Math.log(4), 14);
    backward(net, x, labels, 1, ws);
    expect(Array.from(ws.z1)).toEqual([2, -2]);
    expect(Array.from(ws.a1)).toEqual([2, 0]);
    expectRelClose(ws.p, [0.25, 0.75], 1e-14);
    expectRelClose(ws.dz2, [-0.75, 0.75], 1e-14);
    expectRelClose(ws.da1, [-1.5, -0.75], 1e-14);
    expectRelClose(ws.dz1, [-1.5, 0], 1e-14);
    expectRelClose(ws.grads.w2, [-1.5, 1.5, 0, 0], 1e-14);
    expectRelClose(ws.grads.b2, [-0.75, 0.75], 1e-14);
    expectRelClose(ws.grads.w1, [-1.5, 0, -3, 0], 1e-14);
    expectRelClose(ws.grads.b1, [-1.5, 0], 1e-14);
  });

  it('backward on the relu example twice over: mean gives the one-example gradient, sum twice it', () => {
    const net = reluNet();
    const ws = createWorkspace(reluShape, 2);
    const x = Float64Array.of(1, 2, 1, 2);
    const labels = Int32Array.of(0, 0);
    expect(forward(net, x, labels, 2, ws, 'mean')).toBeCloseTo(Math.log(4), 14);
    backward(net, x, labels, 2, ws, 'mean');
    expectRelClose(ws.grads.w1, [-1.5, 0, -3, 0], 1e-14);
    expectRelClose(ws.dz2, [-0.375, 0.375, -0.375, 0.375], 1e-14);
    expect(forward(net, x, labels, 2, ws, 'sum')).toBeCloseTo(2 * Math.log(4), 14);
    backward(net, x, labels, 2, ws, 'sum');
    expectRelClose(ws.grads.w1, [-3, 0, -6, 0], 1e-14);
    expectRelClose(ws.grads.b2, [-1.5, 1.5], 1e-14);
  });

  it('forward and backward on one sigmoid example give the closed forms in σ(−2)', () => {
    // W1 = 0, b1 = (0, ln 3) → a1 = (σ(0), σ(ln 3)) = (½, ¾). W2 = [[2, 0], [0, 4]], b2 = 0 → z2 = (1, 3).
    // Label 1: p = (σ(−2), σ(2)), loss = ln(1 + e^−2); with s = σ(−2): dz2 = (s, −s), da1 = (2s, −4s),
    // dz1 = da1 ⊙ a(1 − a) = (2s·¼, −4s·3/16) = (s/2, −3s/4), dW1 = xᵀdz1 with x = (1, 2).
    const shape = { inputs: 2, hidden: 2, outputs: 2, activation: 'sigmoid' } as const;
    const net = initNetwork(shape, 0);
    net.params.w1.fill(0);
    net.params.b1.set([0, Math.log(3)]);
    net.params.w2.set([2, 0, 0, 4]);
    const ws = createWorkspace(shape, 1);
    const x = Float64Array.of(1, 2);
    const labels = Int32Array.of(1);
    const s = 1 / (1 + Math.exp(2));
    expect(forward(net, x, labels, 1, ws)).toBeCloseTo(Math.log1p(Math.exp(-2)), 15);
    backward(net, x, labels, 1, ws);
    expectRelClose(ws.a1, [0.5, 0.75], 1e-15);
    expectRelClose(ws.dz2, [s, -s], 1e-14);
    expectRelClose(ws.da1, [2 * s, -4 * s], 1e-14);
    expectRelClose(ws.dz1, [s / 2, (-3 * s) / 4], 1e-14);
    expectRelClose(ws.grads.w2, [s / 2, -s / 2, (3 * s) / 4, (-3 * s) / 4], 1e-14);
    expectRelClose(ws.grads.w1, [s / 2, (-3 * s) / 4, s, (-3 * s) / 2], 1e-14);
    expectRelClose(ws.grads.b1, [s / 2, (-3 * s) / 4], 1e-14);
  });

  it('a tanh network with all weights 0 predicts uniformly: loss ln K, dz2 = 1/K − y, nothing flows back', () => {
    const shape = { inputs: 2, hidden: 3, outputs: 4, activation: 'tanh' } as const;
    const net = initNetwork(shape, 0);
    net.params.w1.fill(0);
    net.params.w2.fill(0);
    const ws = createWorkspace(shape, 1);
    const x = Float64Array.of(0.3, -0.7);
    const labels = Int32Array.of(2);
    expect(forward(net, x, labels, 1, ws)).toBeCloseTo(Math.log(4), 15);
    backward(net, x, labels, 1, ws);
    expect(Array.from(ws.dz2)).toEqual([0.25, 0.25, -0.75, 0.25]);
    expect(Array.from(ws.grads.b2)).toEqual([0.25, 0.25, -0.75, 0.25]);
    expect(Array.from(ws.grads.w1)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(Array.from(ws.grads.w2)).toEqual(new Array(12).fill(0));
  });
});

describe('backward against central finite differences', () => {
  const shape = (activation: Activation): NetworkShape => ({ inputs: 3, hidden: 4, outputs: 3, activation });
  const m = 5;

  for (const activation of ACTIVATIONS) {
    for (const reduction of REDUCTIONS) {
      it(`backward (${activation}, ${reduction}): dW1, db1, dW2, db2 match central differences of forward`, () => {
        const net = randomNetwork(shape(activation), 21);
        const { x, labels } = randomBatch(3, 3, m, 22);
        const ws = createWorkspace(net.shape, m);
        forward(net, x, labels, m, ws, reduction);
        // A relu kink within a step of some z1 would make the difference quotient meaningless: rule it out.
        expect(Math.min(...Array.from(ws.z1, Math.abs))).toBeGreaterThan(1e-3);
        backward(net, x, labels, m, ws, reduction);
        const scratch = createWorkspace(net.shape, m);
        for (const name of ['w1', 'b1', 'w2', 'b2'] as const) {
          const numeric = numericalGradient((theta) => forward(withParam(net, name, theta), x, labels, m, scratch, reduction), net.params[name]);
          expectGradientMatches(ws.grads[name], numeric, 1e-9);
        }
      });

      it(`backward (${activation}, ${reduction}): dz2, da1, dz1 match central differences of the loss in z2, a1, z1`, () => {
        const net = randomNetwork(shape(activation), 31);
        const { x, labels } = randomBatch(3, 3, m, 32);
        const ws = createWorkspace(net.shape, m);
        forward(net, x, labels, m, ws, reduction);
        expect(Math.min(...Array.from(ws.z1, Math.abs))).toBeGreaterThan(1e-3);
        backward(net, x, labels, m, ws, reduction);
        const H = net.shape.hidden;
        const K = net.shape.outputs;
        const numericDz2 = numericalGradient((z2) => lossFromLogits(rows(z2, m, K), labels, reduction), ws.z2);
        expectGradientMatches(ws.dz2, numericDz2, 1e-10);
        const numericDa1 = numericalGradient((a1) => lossFromHidden(net, rows(a1, m, H), labels, reduction), ws.a1);
        expectGradientMatches(ws.da1, numericDa1, 1e-10);
        const numericDz1 = numericalGradient((z1) => lossFromPreActivation(net, rows(z1, m, H), labels, reduction), ws.z1);
        expectGradientMatches(ws.dz1, numericDz1, 1e-10);
      });
    }
  }
});

describe('backward is the adjoint of the layer maps: ⟨J v, u⟩ = ⟨v, Jᵀ u⟩', () => {
  // u is the upstream gradient backward received (dz2 or da1/dz1), v a random direction; J v is made by
  // the core's own forward pass where the map is linear in the thing varied (so forward is J), and by
  // the closed-form φ′ for the element-wise activation. A transposed index or a missing sum breaks it.
  const m = 4;
  for (const activation of ACTIVATIONS) {
    it(`backward (${activation}): dW2, db2, dW1, db1, da1, dz1 are Jᵀ applied to the upstream gradient`, () => {
      const shape = { inputs: 3, hidden: 5, outputs: 4, activation };
      const { inputs: I, hidden: H, outputs: K } = shape;
      const net = randomNetwork(shape, 41);
      const { x, labels } = randomBatch(I, K, m, 42);
      const ws = createWorkspace(shape, m);
      forward(net, x, labels, m, ws);
      backward(net, x, labels, m, ws);
      const random = createRandom(43);
      const direction = (n: number) => Float64Array.from({ length: n }, () => random.normal());
      const probe = createWorkspace(shape, m);
      const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(a), Math.abs(b)));

      // W2 ↦ Z2 = A1·W2 + b2 is linear: J V = A1·V is z2 of the network with W2 = V, b2 = 0.
      const vW2 = direction(H * K);
      forward(withParam(withParam(net, 'w2', vW2), 'b2', new Float64Array(K)), x, labels, m, probe);
      close(dot(probe.z2, ws.dz2, m * K), dot(vW2, ws.grads.w2));
      // b2 ↦ Z2: J v = 1·vᵀ, z2 of the network with W2 = 0, b2 = v.
      const vb2 = direction(K);
      forward(withParam(withParam(net, 'w2', new Float64Array(H * K)), 'b2', vb2), x, labels, m, probe);
      close(dot(probe.z2, ws.dz2, m * K), dot(vb2, ws.grads.b2));
      // W1 ↦ Z1 = X·W1 + b1: J V = X·V, z1 of the network with W1 = V, b1 = 0.
      const vW1 = direction(I * H);
      forward(withParam(withParam(net, 'w1', vW1), 'b1', new Float64Array(H)), x, labels, m, probe);
      close(dot(probe.z1, ws.dz1, m * H), dot(vW1, ws.grads.w1));
      const vb1 = direction(H);
      forward(withParam(withParam(net, 'w1', new Float64Array(I * H)), 'b1', vb1), x, labels, m, probe);
      close(dot(probe.z1, ws.dz1, m * H), dot(vb1, ws.grads.b1));
      // A1 ↦ Z2: J v = v·W2, the first layer of an H-K network whose W1 is our W2, fed x = v.
      const vA1 = direction(m * H);
      const layer = initNetwork({ inputs: H, hidden: K, outputs: 2, activation }, 0);
      layer.params.w1.set(net.params.w2);
      const layerWs = createWorkspace(layer.shape, m);
      forward(layer, vA1, new Int32Array(m), m, layerWs);
      close(dot(layerWs.z1, ws.dz2, m * K), dot(vA1, ws.da1, m * H));
      // Z1 ↦ A1 = φ(Z1), element-wise: J v = φ′(Z1) ⊙ v.
      const vZ1 = direction(m * H);
      const jv = vZ1.map((v, i) => phiPrime(activation, ws.z1[i] as number) * v);
      close(dot(jv, ws.da1, m * H), dot(vZ1, ws.dz1, m * H));
    });
  }
});

describe('network properties (fast-check, fixed seed)', () => {
  const problem = fc.record({
    inputs: fc.integer({ min: 1, max: 4 }),
    hidden: fc.integer({ min: 1, max: 6 }),
    outputs: fc.integer({ min: 2, max: 5 }),
    activation: fc.constantFrom<Activation>('relu', 'tanh', 'sigmoid'),
    m: fc.integer({ min: 1, max: 8 }),
    seed: fc.integer({ min: 0, max: 1e6 }),
    scale: fc.constantFrom(0.1, 1, 5),
  });
  function setUp({ inputs, hidden, outputs, activation, m, seed, scale }: typeof problem extends fc.Arbitrary<infer T> ? T : never) {
    const shape = { inputs, hidden, outputs, activation };
    const net = randomNetwork(shape, seed);
    const { x, labels } = randomBatch(inputs, outputs, m, seed + 7);
    for (let i = 0; i < x.length; i++) x[i] = (x[i] as number) * scale;
    const ws = createWorkspace(shape, m + 2);
    return { net, x, labels, ws, m, K: outputs };
  }

  it('forward: every row of p is a probability vector and the loss is ≥ 0', () => {
    fc.assert(
      fc.property(problem, (args) => {
        const { net, x, labels, ws, m, K } = setUp(args);
        const loss = forward(net, x, labels, m, ws, 'sum');
        expect(loss).toBeGreaterThanOrEqual(0);
        for (let r = 0; r < m; r++) {
          let sum = 0;
          for (let k = 0; k < K; k++) {
            const pk = ws.p[r * K + k] as number;
            expect(pk).toBeGreaterThanOrEqual(0);
            expect(pk).toBeLessThanOrEqual(1);
            sum += pk;
          }
          expect(Math.abs(sum - 1)).toBeLessThanOrEqual(4 * K * Number.EPSILON);
        }
      }),
      { seed: 42, numRuns: 150 },
    );
  });

  it('classify writes the argmax of the reference logits; accuracy is the share of those equal to the label', () => {
    fc.assert(
      fc.property(problem, (args) => {
        const { net, x, labels, ws, m } = setUp(args);
        const ref = referenceForward(net, x, labels, m, 'mean');
        const out = new Uint8Array(m);
        classify(net, x, m, ws, out);
        let correct = 0;
        ref.z2.forEach((row, r) => {
          const best = row.indexOf(Math.max(...row));
          // Two logits within rounding of each other may order either way; only decide clear cases.
          const sorted = [...row].sort((a, b) => b - a);
          if ((sorted[0] as number) - (sorted[1] as number) > 1e-12) expect(out[r]).toBe(best);
          if (out[r] === labels[r]) correct++;
        });
        expect(accuracy(net, x, labels, m, ws)).toBe(correct / m);
      }),
      { seed: 42, numRuns: 150 },
    );
  });

  it('backward: every row of dz2 sums to 0 and db2 is the column sum of dz2', () => {
    fc.assert(
      fc.property(problem, fc.constantFrom<BatchReduction>('mean', 'sum'), (args, reduction) => {
        const { net, x, labels, ws, m, K } = setUp(args);
        forward(net, x, labels, m, ws, reduction);
        backward(net, x, labels, m, ws, reduction);
        for (let k = 0; k < K; k++) {
          let column = 0;
          for (let r = 0; r < m; r++) column += ws.dz2[r * K + k] as number;
          expect(Math.abs(column - (ws.grads.b2[k] as number))).toBeLessThanOrEqual(1e-14 * m);
        }
        for (let r = 0; r < m; r++) {
          let rowSum = 0;
          for (let k = 0; k < K; k++) rowSum += ws.dz2[r * K + k] as number;
          expect(Math.abs(rowSum)).toBeLessThanOrEqual(4 * K * Number.EPSILON);
        }
      }),
      { seed: 42, numRuns: 150 },
    );
  });
});

describe('bad input', () => {
  const shape = { inputs: 2, hidden: 3, outputs: 3, activation: 'relu' } as const;
  const setUp = () => {
    const net = randomNetwork(shape, 5);
    const ws = createWorkspace(shape, 4);
    const { x, labels } = randomBatch(2, 3, 4, 6);
    return { net, ws, x, labels };
  };

  it('initNetwork and createWorkspace name a bad shape, activation or capacity', () => {
    expect(() => initNetwork({ ...shape, hidden: 0 }, 1)).toThrow(/initNetwork: shape.hidden 0 is not an integer/);
    expect(() => initNetwork({ ...shape, inputs: 1.5 }, 1)).toThrow(/shape.inputs 1.5/);
    expect(() => initNetwork({ ...shape, outputs: Number.NaN }, 1)).toThrow(RangeError);
    expect(() => initNetwork({ ...shape, activation: 'gelu' as Activation }, 1)).toThrow(/activation gelu is not one of/);
    expect(() => initNetwork(shape, 0.5)).toThrow(RangeError);
    expect(() => createWorkspace(shape, 0)).toThrow(/createWorkspace: capacity 0/);
    expect(() => createWorkspace({ ...shape, hidden: 2 ** 20 }, 2 ** 20)).toThrow(/createWorkspace: capacity/);
  });

  it('trainStep names m beyond the capacity, a short x, a label out of range and a bad learning rate, and changes nothing', () => {
    const { net, ws, x, labels } = setUp();
    const before = cloneNetwork(net);
    expect(() => trainStep(net, x, labels, 5, ws, 0.1)).toThrow(/trainStep: batch size m = 5 is not an integer in \[1, 4\]/);
    expect(() => trainStep(net, x, labels, 0, ws, 0.1)).toThrow(/m = 0/);
    expect(() => trainStep(net, x, labels, 2.5, ws, 0.1)).toThrow(/m = 2.5/);
    expect(() => trainStep(net, x.subarray(0, 7), labels, 4, ws, 0.1)).toThrow(/x has length 7 but m × inputs = 4 × 2 = 8/);
    expect(() => trainStep(net, x, labels.subarray(0, 3), 4, ws, 0.1)).toThrow(/labels has length 3/);
    const badLabels = Int32Array.of(0, 1, 3, 2);
    expect(() => trainStep(net, x, badLabels, 4, ws, 0.1)).toThrow(/trainStep: labels\[2\] = 3 is not a class index in \[0, 3\)/);
    expect(() => trainStep(net, x, Int32Array.of(-1, 0, 0, 0), 4, ws, 0.1)).toThrow(/labels\[0\] = -1/);
    expect(() => trainStep(net, x, labels, 4, ws, Number.NaN)).toThrow(/trainStep: learning rate NaN is not a finite number ≥ 0/);
    expect(() => trainStep(net, x, labels, 4, ws, Infinity)).toThrow(/learning rate Infinity/);
    expect(() => trainStep(net, x, labels, 4, ws, -0.1)).toThrow(/learning rate -0.1/);
    expect(() => trainStep(net, x, labels, 4, ws, 0.1, 'max' as BatchReduction)).toThrow(/reduction max is not 'mean' or 'sum'/);
    for (const name of ['w1', 'b1', 'w2', 'b2'] as const) expect(net.params[name]).toEqual(before.params[name]);
    expect(ws.z1.every((v) => v === 0)).toBe(true);
  });

  it('forward, backward, sgdStep, accuracy and classify refuse a workspace made for another shape', () => {
    const { net, x, labels } = setUp();
    const other = createWorkspace({ ...shape, hidden: 4 }, 4);
    expect(() => forward(net, x, labels, 4, other)).toThrow(/forward: the workspace was not made for this network's shape/);
    expect(() => backward(net, x, labels, 4, other)).toThrow(/backward: the workspace/);
    expect(() => sgdStep(net, other, 0.1)).toThrow(/sgdStep: the workspace/);
    expect(() => accuracy(net, x, labels, 4, other)).toThrow(/accuracy: the workspace/);
    expect(() => classify(net, x, 4, other, new Uint8Array(4))).toThrow(/classify: the workspace/);
    const wrongParams = { shape: net.shape, params: { ...net.params, b2: new Float64Array(2) } };
    expect(() => forward(wrongParams, x, labels, 4, createWorkspace(shape, 4))).toThrow(/net.params.b2 has length 2 but the shape needs 3/);
  });

  it('classify names an output array shorter than the batch; accuracy names a bad label', () => {
    const { net, ws, x } = setUp();
    expect(() => classify(net, x, 4, ws, new Uint8Array(3))).toThrow(/classify: out has length 3 but the batch has m = 4 rows/);
    expect(() => accuracy(net, x, Int32Array.of(0, 0, 9, 0), 4, ws)).toThrow(/accuracy: labels\[2\] = 9/);
  });
});
