import { describe, expect, it } from 'vitest';
import { crossEntropy } from '../../src/core/crossEntropy';
import { logitLossRounded, networkLossRounded, roundFloat32, roundFloat64, softmaxCrossEntropyRounded } from '../../src/core/float32';
import { createWorkspace, forward, initNetwork } from '../../src/core/network';
import { makeDataset } from '../../src/core/datasets';
import { expectRelClose, fc } from './helpers';

/** Rounding to float32 by a round trip through a Float32Array: the storage a float32 tensor has. */
const cell = new Float32Array(1);
const viaFloat32Array = (v: number): number => {
  cell[0] = v;
  return cell[0] as number;
};
const isFloat32 = (v: number) => viaFloat32Array(v) === v || Number.isNaN(v);

/**
 * An independent float32 reference, written out here with a Float32Array round trip after every
 * operation: the same formula as the source, so a missing rounding in the source shows as a difference.
 */
function referenceLoss32(z: readonly number[], y: readonly number[]): number {
  const r = viaFloat32Array;
  const zs = z.map(r);
  const m = Math.max(...zs);
  let s = 0;
  for (const v of zs) s = r(s + r(Math.exp(r(v - m))));
  const logS = r(Math.log(s));
  let loss = 0;
  zs.forEach((v, c) => {
    const yc = r(y[c] as number);
    if (yc !== 0) loss = r(loss - r(yc * r(r(v - m) - logS)));
  });
  return loss;
}

const logits = fc.array(fc.double({ min: -20, max: 20, noNaN: true }), { minLength: 2, maxLength: 6 });

describe('softmaxCrossEntropyRounded', () => {
  it('softmaxCrossEntropyRounded([2, 3, 4], [0, 1, 0], float64) = 1 + log(1 + e⁻¹ + e⁻²), by hand', () => {
    // L = log(e² + e³ + e⁴) − 3 = 4 + log(1 + e⁻¹ + e⁻²) − 3
    const expected = 1 + Math.log(1 + Math.exp(-1) + Math.exp(-2));
    expect(Math.abs(softmaxCrossEntropyRounded([2, 3, 4], [0, 1, 0], roundFloat64) - expected)).toBeLessThan(4e-16);
  });

  it('in float64 it equals the core crossEntropy to 1e-13 wherever the loss is not tiny', () => {
    fc.assert(
      fc.property(logits, fc.nat(), (z, pick) => {
        const label = pick % z.length;
        const y = z.map((_, c) => (c === label ? 1 : 0));
        const reference = crossEntropy([z], [label]);
        fc.pre(reference > 1e-3);
        expectRelClose([softmaxCrossEntropyRounded(z, y, roundFloat64)], [reference], 1e-13);
      }),
    );
  });

  it('in float32 every result is a float32 and equals the Float32Array reference exactly', () => {
    fc.assert(
      fc.property(logits, fc.nat(), (z, pick) => {
        const y = z.map((_, c) => (c === pick % z.length ? 1 : 0));
        const loss = softmaxCrossEntropyRounded(z, y, roundFloat32);
        expect(isFloat32(loss)).toBe(true);
        expect(loss).toBe(referenceLoss32(z, y));
      }),
    );
  });

  it('float32 is within 1e-6 (a few float32 ulp) of float64 but, here, not equal to it', () => {
    const f64 = softmaxCrossEntropyRounded([2, 3, 4], [0, 1, 0], roundFloat64);
    const f32 = softmaxCrossEntropyRounded([2, 3, 4], [0, 1, 0], roundFloat32);
    expect(f32).not.toBe(f64);
    expect(Math.abs(f32 - f64) / f64).toBeLessThan(1e-6);
  });

  it('a soft target: −Σ y log p with y = [0.25, 0.25, 0.5] at z = [0, 0, 0] is log 3', () => {
    expect(softmaxCrossEntropyRounded([0, 0, 0], [0.25, 0.25, 0.5], roundFloat64)).toBeCloseTo(Math.log(3), 15);
  });

  it('throws a RangeError for mismatched or empty rows', () => {
    expect(() => softmaxCrossEntropyRounded([1, 2], [1], roundFloat64)).toThrow(new RangeError('softmaxCrossEntropyRounded: 2 logits and 1 targets'));
    expect(() => softmaxCrossEntropyRounded([], [], roundFloat64)).toThrow(new RangeError('softmaxCrossEntropyRounded: 0 logits and 0 targets'));
  });

  it('a class with y_c = 0 costs nothing even where z_c − m overflows to −∞: [±1e308] in float64, [±3e38] in float32, give 0', () => {
    // z_1 − m = −2e308 (or −6e38 in float32) rounds to −∞, so log p_1 = −∞ and 0·(−∞) would be NaN; class 0 has
    // z_0 = m, s = e^0 + e^{−∞} = 1 and log p_0 = 0
    expect(softmaxCrossEntropyRounded([1e308, -1e308], [1, 0], roundFloat64)).toBe(0);
    expect(softmaxCrossEntropyRounded([3e38, -3e38], [1, 0], roundFloat32)).toBe(0);
  });
});

describe('logitLossRounded', () => {
  it('logitLossRounded(z, y, k) replaces z_k by x and leaves z untouched', () => {
    const z = [2, 3, 4];
    const f = logitLossRounded(z, [0, 1, 0], 2, roundFloat64);
    // with z_3 = 3: L = log(e² + 2e³) − 3
    expect(f(3)).toBeCloseTo(Math.log(Math.exp(2) + 2 * Math.exp(3)) - 3, 14);
    expect(z).toEqual([2, 3, 4]);
  });

  it('in float32, 3 + 10⁻⁸ is stored as 3, so the loss does not move', () => {
    const f = logitLossRounded([2, 3, 4], [0, 1, 0], 1, roundFloat32);
    expect(Math.fround(3 + 1e-8)).toBe(3);
    expect(f(3 + 1e-8)).toBe(f(3));
    expect(logitLossRounded([2, 3, 4], [0, 1, 0], 1, roundFloat64)(3 + 1e-8)).not.toBe(logitLossRounded([2, 3, 4], [0, 1, 0], 1, roundFloat64)(3));
  });

  it('throws a RangeError for a logit index outside the row', () => {
    expect(() => logitLossRounded([1, 2], [0, 1], 2, roundFloat64)).toThrow(new RangeError('logitLossRounded: logit index 2 outside [0, 2)'));
    expect(() => logitLossRounded([1, 2], [0, 1], -1, roundFloat64)).toThrow(new RangeError('logitLossRounded: logit index -1 outside [0, 2)'));
  });

  it('throws a RangeError for mismatched lengths when made, not when first called', () => {
    expect(() => logitLossRounded([1, 2], [1], 0, roundFloat64)).toThrow(new RangeError('logitLossRounded: 2 logits and 1 targets'));
  });
});

describe('networkLossRounded', () => {
  const shape = { inputs: 2, hidden: 16, outputs: 3, activation: 'relu' } as const;
  const data = makeDataset('blobs', 30, 7);

  it('in float64 it equals forward(net, x, label, m = 1) of network.ts, sample by sample', () => {
    for (const activation of ['relu', 'tanh', 'sigmoid'] as const) {
      const net = initNetwork({ ...shape, activation }, 3);
      const ws = createWorkspace(net.shape, 1);
      for (let r = 0; r < data.m; r++) {
        const x = data.x.slice(2 * r, 2 * r + 2);
        const label = data.labels[r] as number;
        const expected = forward(net, x, Int32Array.of(label), 1, ws);
        expectRelClose([networkLossRounded(net.shape, net.params, x, label, roundFloat64)], [expected], 1e-13, 1e-16);
      }
    }
  });

  it('by hand: a 1-1-2 relu network with w1 = 2, w2 = [1, −1], x = 0.5 has loss log(1 + e²) for label 1', () => {
    // z1 = 1, a1 = 1, z2 = [1, −1]: −log softmax(z2)_1 = log(e¹ + e⁻¹) + 1 = log(1 + e²)
    const tiny = { inputs: 1, hidden: 1, outputs: 2, activation: 'relu' } as const;
    const params = { w1: [2], b1: [0], w2: [1, -1], b2: [0, 0] };
    expect(networkLossRounded(tiny, params, [0.5], 1, roundFloat64)).toBeCloseTo(Math.log(1 + Math.exp(2)), 15);
    // a negative input switches the unit off: z2 = 0, loss log 2
    expect(networkLossRounded(tiny, params, [-0.5], 1, roundFloat64)).toBeCloseTo(Math.LN2, 15);
  });

  it('in float32 the loss is a float32 within 1e-5 of float64', () => {
    const net = initNetwork(shape, 3);
    for (let r = 0; r < data.m; r++) {
      const x = data.x.slice(2 * r, 2 * r + 2);
      const label = data.labels[r] as number;
      const f32 = networkLossRounded(net.shape, net.params, x, label, roundFloat32);
      const f64 = networkLossRounded(net.shape, net.params, x, label, roundFloat64);
      expect(isFloat32(f32)).toBe(true);
      expect(Math.abs(f32 - f64)).toBeLessThan(1e-5 * Math.max(1, f64));
    }
  });

  it('throws a RangeError for a label outside [0, K) or parameters of the wrong size', () => {
    const net = initNetwork(shape, 3);
    for (const label of [3, -1, 0.5]) {
      expect(() => networkLossRounded(net.shape, net.params, [0, 0], label, roundFloat64)).toThrow(
        new RangeError(`networkLossRounded: label ${label} outside [0, 3)`),
      );
    }
    const wrongSize = new RangeError('networkLossRounded: parameter or input lengths do not match the shape');
    // each array one entry short, alone (2·16 w1, 16 b1, 16·3 w2, 3 b2, 2 inputs)
    for (const patch of [{ w1: new Float64Array(31) }, { b1: new Float64Array(15) }, { w2: new Float64Array(47) }, { b2: new Float64Array(2) }]) {
      expect(() => networkLossRounded(net.shape, { ...net.params, ...patch }, [0, 0], 0, roundFloat64)).toThrow(wrongSize);
    }
    expect(() => networkLossRounded(net.shape, net.params, [0], 0, roundFloat64)).toThrow(wrongSize);
  });

  it('leaves a1 in hidden[0, H) and z2 in logits[0, K) of longer scratch, and the entries past them alone', () => {
    // z1 = [0.5·2, 0.5·(−1), −0 + 0.5·(−0)] = [1, −0.5, −0]: relu gives [1, 0, +0]; z2 = [1, −1], loss log(1 + e²)
    const tiny = { inputs: 1, hidden: 3, outputs: 2, activation: 'relu' } as const;
    const params = { w1: [2, -1, -0], b1: [0, 0, -0], w2: [1, -1, 5, 5, 7, 7], b2: [0, 0] };
    const hidden = new Float64Array([9, 9, 9, 9, 9]);
    const logits = new Float64Array([9, 9, 9]);
    expect(networkLossRounded(tiny, params, [0.5], 1, roundFloat64, hidden, logits)).toBeCloseTo(Math.log(1 + Math.exp(2)), 15);
    // toEqual tells +0 from −0: the unit at z1 = −0 is off and gives +0, as network.ts's relu does
    expect(Array.from(hidden)).toEqual([1, 0, 0, 9, 9]);
    expect(Array.from(logits)).toEqual([1, -1, 9]);
  });
});
