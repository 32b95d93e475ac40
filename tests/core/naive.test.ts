import { describe, expect, it } from 'vitest';
import {
  chainGradient,
  epsilonCrossEntropy,
  epsilonGradientFactor,
  epsilonLossError,
  exponential,
  FLT_MAX,
  fusedGradient,
  naiveCrossEntropy,
  naiveSoftmax,
  OVERFLOW_THRESHOLD,
  rounding,
  softmaxBackwardChain,
  stableCrossEntropy,
  stableLogSoftmax,
  stableSoftmax,
} from '../../src/core/naive';
import { numericalGradient } from '../../src/core/finiteDifference';
import { expectRelClose, fc } from './helpers';

/**
 * Independent float32 reference: the stable softmax written with Float32Array stores (each store
 * rounds to float32) instead of Math.fround calls.
 */
function float32StableSoftmaxReference(z: readonly number[]): number[] {
  const zf = Float32Array.from(z);
  const m = Math.max(...zf);
  const e = new Float32Array(zf.length);
  const one = new Float32Array(1);
  const sum = new Float32Array(1);
  for (let i = 0; i < zf.length; i++) {
    one[0] = (zf[i] as number) - m;
    one[0] = Math.exp(one[0] as number);
    e[i] = one[0] as number;
    sum[0] = (sum[0] as number) + (e[i] as number);
  }
  return Array.from(Float32Array.from(e, (v) => v / (sum[0] as number)));
}

// By hand: log(1 + e^{-1} + e^{-2}) with e^{-1} = 0.36787944117144233, e^{-2} = 0.1353352832366127.
const LSE_REST = Math.log(1 + 0.36787944117144233 + 0.1353352832366127);

describe('overflow thresholds', () => {
  it('OVERFLOW_THRESHOLD is ln(FLT_MAX) ≈ 88.72 and ln(DBL_MAX) ≈ 709.78', () => {
    // FLT_MAX = (2 − 2^-23)·2^127, so ln FLT_MAX = 127 ln 2 + ln(2 − 2^-23)
    expect(FLT_MAX).toBe((2 - 2 ** -23) * 2 ** 127);
    expect(OVERFLOW_THRESHOLD.float32).toBeCloseTo(127 * Math.LN2 + Math.log(2 - 2 ** -23), 12);
    expect(OVERFLOW_THRESHOLD.float32).toBeCloseTo(88.7228, 4);
    // DBL_MAX = (2 − 2^-52)·2^1023
    expect(OVERFLOW_THRESHOLD.float64).toBeCloseTo(1023 * Math.LN2 + Math.log(2 - 2 ** -52), 10);
    expect(OVERFLOW_THRESHOLD.float64).toBeCloseTo(709.7827, 4);
  });

  it('exponential(x, "float32") is finite at 88.72 and +∞ at 88.73', () => {
    expect(Number.isFinite(exponential(88.72, 'float32'))).toBe(true);
    expect(exponential(88.72, 'float32')).toBeLessThanOrEqual(FLT_MAX);
    expect(exponential(88.73, 'float32')).toBe(Infinity);
    // float64 is nowhere near its limit there
    expect(exponential(88.73, 'float64')).toBeCloseTo(Math.exp(88.73), -30);
  });

  it('exponential(x, "float64") is finite at 709.78 and +∞ at 709.79', () => {
    expect(Number.isFinite(exponential(709.78))).toBe(true);
    expect(exponential(709.79)).toBe(Infinity);
  });

  it('exponential underflows to 0 in float32 near −104 but not in float64', () => {
    // the smallest float32 subnormal is 2^-149 ≈ 1.4e-45, e^{-104} ≈ 6.8e-46 is below half of it
    expect(exponential(-104, 'float32')).toBe(0);
    expect(exponential(-104, 'float64')).toBeGreaterThan(0);
  });

  it('rounding refuses an unknown precision with a RangeError', () => {
    expect(() => rounding('float16' as never)).toThrow(new RangeError("rounding: precision float16 is not 'float32' or 'float64'"));
  });
});

describe('naiveSoftmax and naiveCrossEntropy', () => {
  it('naiveSoftmax([2, 3, 4]) is the worked example [0.090, 0.245, 0.665]', () => {
    const p = naiveSoftmax([2, 3, 4]).probabilities;
    // e^2, e^3, e^4 over their sum, by hand
    const e = [7.38905609893065, 20.085536923187668, 54.598150033144236];
    const s = e[0]! + e[1]! + e[2]!;
    expectRelClose(p, e.map((v) => v / s), 1e-15);
  });

  it('naiveSoftmax([1000, 999, 998]) is NaN everywhere in float64: ∞/∞', () => {
    const steps = naiveSoftmax([1000, 999, 998]);
    expect(Array.from(steps.exponentials)).toEqual([Infinity, Infinity, Infinity]);
    expect(steps.sum).toBe(Infinity);
    expect(Array.from(steps.probabilities).every(Number.isNaN)).toBe(true);
    expect(naiveCrossEntropy([1000, 999, 998], 0)).toBeNaN();
  });

  it('naiveSoftmax([89, 0, 0]) overflows only in float32', () => {
    const f32 = naiveSoftmax([89, 0, 0], 'float32').probabilities;
    expect(f32[0]).toBeNaN(); // ∞/∞
    expect(f32[1]).toBe(0); // 1/∞
    expect(naiveCrossEntropy([89, 0, 0], 1, 'float32')).toBe(Infinity); // −log 0
    const f64 = naiveSoftmax([89, 0, 0], 'float64').probabilities;
    // p_2 = 1/(e^89 + 2) ≈ e^{-89}
    expect(f64[1]).toBeCloseTo(Math.exp(-89), 50);
    expect(naiveCrossEntropy([89, 0, 0], 1, 'float64')).toBeCloseTo(89 + Math.log1p(2 * Math.exp(-89)), 10);
  });

  it('naiveSoftmax overflows exactly above the float32 threshold: 88.72 finite, 88.73 NaN', () => {
    expect(Array.from(naiveSoftmax([88.72, 0, 0], 'float32').probabilities).every(Number.isFinite)).toBe(true);
    expect(naiveSoftmax([88.73, 0, 0], 'float32').probabilities[0]).toBeNaN();
  });

  it('naiveSoftmax([710, 0, 0]) overflows in float64', () => {
    expect(naiveSoftmax([709, 0, 0]).probabilities[0]).toBe(1);
    expect(naiveSoftmax([710, 0, 0]).probabilities[0]).toBeNaN();
  });

  it('naiveSoftmax([−1000, 0, 1000]) is [0, 0, NaN]: 0/∞, 1/∞, ∞/∞', () => {
    expect(Array.from(naiveSoftmax([-1000, 0, 1000]).probabilities)).toEqual([0, 0, NaN]);
    expect(naiveCrossEntropy([-1000, 0, 1000], 0)).toBe(Infinity);
  });

  it('naiveSoftmax of all −1000 is 0/0 = NaN: every exponential underflowed', () => {
    const steps = naiveSoftmax([-1000, -1000, -1000]);
    expect(steps.sum).toBe(0);
    expect(Array.from(steps.probabilities).every(Number.isNaN)).toBe(true);
  });

  it('naiveSoftmax([88.7, 88.7, 88.7], "float32") has finite exponentials whose sum overflows: p = 0', () => {
    const steps = naiveSoftmax([88.7, 88.7, 88.7], 'float32');
    expect(Array.from(steps.exponentials).every(Number.isFinite)).toBe(true);
    expect(steps.sum).toBe(Infinity);
    expect(Array.from(steps.probabilities)).toEqual([0, 0, 0]);
  });

  it('naiveSoftmax equals the stable softmax in float64 for moderate logits', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -30, max: 30, noNaN: true }), { minLength: 2, maxLength: 6 }), (z) => {
        expectRelClose(naiveSoftmax(z).probabilities, stableSoftmax(z).probabilities, 1e-13, 1e-300);
      }),
      { seed: 42 },
    );
  });

  it('a label below 0 is refused by name, as one past the end is', () => {
    const message = (fn: string) => new RangeError(`${fn}: label -1 is not a class index in [0, 3)`);
    expect(() => naiveCrossEntropy([1, 2, 3], -1)).toThrow(message('naiveCrossEntropy'));
    expect(() => stableCrossEntropy([1, 2, 3], -1)).toThrow(message('stableCrossEntropy'));
    expect(() => epsilonCrossEntropy([1, 2, 3], -1, 1e-8)).toThrow(message('epsilonCrossEntropy'));
    expect(() => fusedGradient([1, 2, 3], -1)).toThrow(message('fusedGradient'));
    expect(() => chainGradient([0.2, 0.3, 0.5], -1, 1e-8)).toThrow(message('chainGradient'));
  });

  it('naiveSoftmax and naiveCrossEntropy refuse empty logits and a bad label', () => {
    expect(() => naiveSoftmax([])).toThrow(/naiveSoftmax: the logits are empty/);
    expect(() => naiveCrossEntropy([1, 2], 2)).toThrow(/label 2 is not a class index in \[0, 2\)/);
    expect(() => naiveCrossEntropy([1, 2], 0.5)).toThrow(RangeError);
  });
});

describe('stableSoftmax, stableLogSoftmax and stableCrossEntropy', () => {
  it('stableCrossEntropy([1000, 999, 998], y) = logsumexp − z_y = log(1 + e^{-1} + e^{-2}) + (1000 − z_y)', () => {
    expect(stableCrossEntropy([1000, 999, 998], 0)).toBeCloseTo(LSE_REST, 14);
    expect(stableCrossEntropy([1000, 999, 998], 2)).toBeCloseTo(2 + LSE_REST, 13);
    // float32: the same within float32's precision
    expect(stableCrossEntropy([1000, 999, 998], 0, 'float32')).toBeCloseTo(LSE_REST, 6);
    expect(stableCrossEntropy([1000, 999, 998], 2, 'float32')).toBeCloseTo(2 + LSE_REST, 6);
  });

  it('stableSoftmax in float32 matches a Float32Array-based reference bit for bit', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1000, max: 1000, noNaN: true }), { minLength: 2, maxLength: 6 }), (z) => {
        expect(Array.from(stableSoftmax(z, 'float32').probabilities)).toEqual(float32StableSoftmaxReference(z));
      }),
      { seed: 42 },
    );
  });

  it('stableSoftmax in float32 is within float32 rounding of float64', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -20, max: 20, noNaN: true }), { minLength: 2, maxLength: 6 }), (z) => {
        expectRelClose(stableSoftmax(z, 'float32').probabilities, stableSoftmax(z).probabilities, 1e-5, 1e-30);
      }),
      { seed: 42 },
    );
  });

  it('stableSoftmax shifts by the maximum, so the exponentials of [1000, 999, 998] are 1, e^{-1}, e^{-2}', () => {
    const steps = stableSoftmax([1000, 999, 998]);
    expect(steps.shift).toBe(1000);
    expectRelClose(steps.exponentials, [1, 0.36787944117144233, 0.1353352832366127], 1e-15);
    expect(steps.sum).toBeCloseTo(1.503214724408055, 14);
  });

  it('stableLogSoftmax stays finite where p underflows to 0: log p_1 of [−1000, 0, 1000] ≈ −2000', () => {
    expect(stableSoftmax([-1000, 0, 1000]).probabilities[0]).toBe(0);
    expect(stableSoftmax([-1000, 0, 1000], 'float32').probabilities[0]).toBe(0);
    // log p_1 = −2000 − log(1 + e^{-1000} + e^{-2000}) = −2000 in either precision
    expect(stableLogSoftmax([-1000, 0, 1000])[0]).toBe(-2000);
    expect(stableLogSoftmax([-1000, 0, 1000], 'float32')[0]).toBe(-2000);
    expect(stableCrossEntropy([-1000, 0, 1000], 0, 'float32')).toBe(2000);
  });

  it('stableSoftmax in float64 is the core softmax: p_1 of [0.1, −700] to 1e-15, where e^{z − m} with z − m rounded misses by 2e-14', () => {
    // mpmath at 300 bits: e^{−700}/(e^{0.1} + e^{−700}) = 8.92140426652530478…e-305 for the doubles 0.1 and
    // −700. z_1 − m = −700.1 is not a double; rounding it changes e^{z_1 − m} by up to ulp(700)/2 ≈ 6e-14
    // relative, which the core softmax does not lose.
    const exact = 8.921404266525305e-305;
    expect(Math.abs((stableSoftmax([0.1, -700]).probabilities[1] as number) / exact - 1)).toBeLessThan(1e-15);
  });

  it('stableLogSoftmax in float64 is the core logSoftmax: log p_0 of [0, −40] is −log(1 + e^{-40}) ≈ −4.25e-18, not 0', () => {
    // mpmath: −log1p(e^{−40}) = −4.248354255291589e-18; (z − m) − log Σ would give 0 − log(1) = 0
    const value = stableLogSoftmax([0, -40])[0] as number;
    expect(Math.abs(value / -4.248354255291589e-18 - 1)).toBeLessThan(1e-15);
  });

  it('stableLogSoftmax in float32 gives float32 values, each rounded step by step', () => {
    const z = [3.5, -2.25, 0.125, 7];
    const values = stableLogSoftmax(z, 'float32');
    values.forEach((v) => expect(Math.fround(v)).toBe(v));
    // by hand: (z_i − 7) − fround(log s), with s the float32 sum of the float32 exponentials
    const e = z.map((v) => Math.fround(Math.exp(v - 7)));
    const s = e.reduce((acc, v) => Math.fround(acc + v), 0);
    const logS = Math.fround(Math.log(s));
    expect(Array.from(values)).toEqual(z.map((v) => Math.fround(v - 7 - logS)));
  });

  it('stableSoftmax, stableLogSoftmax and stableCrossEntropy name themselves when they refuse input', () => {
    expect(() => stableSoftmax([])).toThrow(new RangeError('stableSoftmax: the logits are empty'));
    expect(() => stableLogSoftmax([])).toThrow(new RangeError('stableLogSoftmax: the logits are empty'));
    expect(() => stableCrossEntropy([1, 2, 3], 3)).toThrow(new RangeError('stableCrossEntropy: label 3 is not a class index in [0, 3)'));
  });

  it('stableLogSoftmax in float32 is log of the float32 stable softmax where that is positive', () => {
    const z = [3.5, -2.25, 0.125, 7];
    expectRelClose(stableLogSoftmax(z, 'float32'), Array.from(stableSoftmax(z, 'float32').probabilities, Math.log), 1e-6);
  });
});

describe('the epsilon trick', () => {
  it('epsilonLossError(log p, ε) is −log(1 + ε/p) for p ≥ ε', () => {
    // ε/p comes back as e^{log ε − log p}: the two logs' rounding costs |log(ε/p)|·2^-53 relative
    for (const [p, eps] of [
      [0.5, 1e-8],
      [1e-3, 1e-4],
      [1e-8, 1e-8],
      [0.9, 1e-12],
    ] as const) {
      expectRelClose([epsilonLossError(Math.log(p), eps)], [-Math.log1p(eps / p)], 1e-14);
    }
  });

  it('epsilonLossError at p = ε is −log 2', () => {
    expect(epsilonLossError(Math.log(1e-8), 1e-8)).toBeCloseTo(-Math.LN2, 14);
  });

  it('epsilonLossError(−1000, 1e-8) = −1000 − ln(1e-8): the trick caps the loss near 18.42', () => {
    // ln(1e-8) = −8 ln 10 = −18.420680743952367; log(1 + e^{-1000}/1e-8) is 0 in float64
    expect(epsilonLossError(-1000, 1e-8)).toBeCloseTo(-1000 + 8 * Math.LN10, 11);
  });

  it('epsilonLossError equals −log(p + ε) + log p computed directly, where that is accurate', () => {
    fc.assert(
      fc.property(fc.double({ min: -30, max: 0, noNaN: true }), fc.constantFrom(1e-4, 1e-8, 1e-12), (logP, eps) => {
        const direct = -Math.log(Math.exp(logP) + eps) + logP;
        expect(Math.abs(epsilonLossError(logP, eps) - direct)).toBeLessThanOrEqual(1e-13 * Math.max(1, Math.abs(logP)));
      }),
      { seed: 42 },
    );
  });

  it('epsilonLossError with ε = 0 is 0, and a negative ε is refused', () => {
    expect(epsilonLossError(-5, 0)).toBe(0);
    expect(() => epsilonLossError(-5, -1e-8)).toThrow(/epsilon -1e-8 is not a finite number ≥ 0/);
    expect(() => epsilonLossError(-5, NaN)).toThrow(RangeError);
  });

  it('ε = ∞ is refused by name: the trick needs a finite ε ≥ 0', () => {
    const message = (fn: string) => new RangeError(`${fn}: epsilon Infinity is not a finite number ≥ 0`);
    expect(() => epsilonLossError(-5, Infinity)).toThrow(message('epsilonLossError'));
    expect(() => epsilonGradientFactor(-5, Infinity)).toThrow(message('epsilonGradientFactor'));
    expect(() => epsilonCrossEntropy([1, 2, 3], 0, Infinity)).toThrow(message('epsilonCrossEntropy'));
    expect(() => chainGradient([0.5, 0.5], 0, Infinity)).toThrow(message('chainGradient'));
  });

  it('epsilonLossError is continuous at p = ε: −log 2 there, and −log(1 + ε/p) just above and below', () => {
    const logE = Math.log(1e-8);
    expect(epsilonLossError(logE, 1e-8)).toBe(-Math.LN2);
    // d = log ε − log p = ∓1e-9: −log(1 + e^d) = −ln 2 − d/2 + O(d²)
    expect(epsilonLossError(logE + 1e-9, 1e-8)).toBeCloseTo(-Math.LN2 + 5e-10, 15);
    expect(epsilonLossError(logE - 1e-9, 1e-8)).toBeCloseTo(-Math.LN2 - 5e-10, 15);
  });

  it('epsilonCrossEntropy([−1000, 0, 0], 0, 1e-8) is −ln(1e-8) = 18.42…, not the true 1000.69', () => {
    expect(epsilonCrossEntropy([-1000, 0, 0], 0, 1e-8)).toBeCloseTo(8 * Math.LN10, 12);
    // the true loss: 1000 + log(1 + 2e^{-1000})... = 1000 + ln 2 + tiny
    expect(stableCrossEntropy([-1000, 0, 0], 0)).toBeCloseTo(1000 + Math.LN2, 10);
  });

  it('epsilonCrossEntropy − stableCrossEntropy equals epsilonLossError(log p_y)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -25, max: 25, noNaN: true }), { minLength: 3, maxLength: 3 }), fc.constantFrom(1e-4, 1e-8), (z, eps) => {
        const logP = stableLogSoftmax(z)[0] as number;
        const gap = epsilonCrossEntropy(z, 0, eps) - stableCrossEntropy(z, 0);
        expect(Math.abs(gap - epsilonLossError(logP, eps))).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(logP)));
      }),
      { seed: 42 },
    );
  });

  it('epsilonGradientFactor is p/(p + ε): ½ at p = ε, about 1 far above, about 0 far below', () => {
    expect(epsilonGradientFactor(Math.log(1e-8), 1e-8)).toBeCloseTo(0.5, 14);
    expect(epsilonGradientFactor(Math.log(0.5), 1e-8)).toBeCloseTo(0.5 / (0.5 + 1e-8), 15);
    expect(epsilonGradientFactor(-1000, 1e-8)).toBe(0);
    expect(epsilonGradientFactor(-1000, 0)).toBe(1);
    // with ε = 0 there is no trick: the factor is 1 even where p_y = 0 (log p_y = −∞)
    expect(epsilonGradientFactor(-Infinity, 0)).toBe(1);
  });
});

describe('fusedGradient and chainGradient', () => {
  const oneHot = (n: number, y: number) => Array.from({ length: n }, (_, i) => (i === y ? 1 : 0));
  const moderate = fc.array(fc.double({ min: -8, max: 8, noNaN: true }), { minLength: 2, maxLength: 5 });

  it('fusedGradient(z, y) matches central differences of stableCrossEntropy', () => {
    fc.assert(
      fc.property(moderate, fc.nat(), (z, seed) => {
        const y = seed % z.length;
        const numeric = numericalGradient((v) => stableCrossEntropy(v, y), z);
        expectRelClose(fusedGradient(z, y), numeric, 1e-7, 1e-8);
      }),
      { seed: 42 },
    );
  });

  it('fusedGradient is p − y by hand at [2, 3, 4], label 2', () => {
    const e = [Math.exp(2), Math.exp(3), Math.exp(4)];
    const s = e[0]! + e[1]! + e[2]!;
    expectRelClose(fusedGradient([2, 3, 4], 1), [e[0]! / s, e[1]! / s - 1, e[2]! / s], 1e-14);
  });

  it('fusedGradient([−1000, 0, 1000], 0) is finite: [−1, 0, 1]', () => {
    expect(Array.from(fusedGradient([-1000, 0, 1000], 0))).toEqual([-1, 0, 1]);
    expect(Array.from(fusedGradient([-1000, 0, 1000], 0, 'float32'))).toEqual([-1, 0, 1]);
  });

  it('chainGradient(p, y, ε) matches central differences of epsilonCrossEntropy', () => {
    fc.assert(
      fc.property(moderate, fc.nat(), fc.constantFrom(1e-4, 1e-2, 0.3), (z, seed, eps) => {
        const y = seed % z.length;
        const numeric = numericalGradient((v) => epsilonCrossEntropy(v, y, eps), z);
        expectRelClose(chainGradient(stableSoftmax(z).probabilities, y, eps).gradient, numeric, 1e-6, 1e-8);
      }),
      { seed: 42 },
    );
  });

  it('chainGradient is (p_y/(p_y + ε))·(p − y) by the closed form', () => {
    const p = [0.2, 0.5, 0.3];
    const eps = 0.1;
    const factor = 0.2 / 0.3;
    expectRelClose(chainGradient(p, 0, eps).gradient, p.map((v, j) => factor * (v - oneHot(3, 0)[j]!)), 1e-15);
    expectRelClose(chainGradient(p, 0, eps).upstream, [-1 / 0.3, -0, -0], 1e-15);
  });

  it('chainGradient with ε = 0 is p − y for moderate logits', () => {
    fc.assert(
      fc.property(moderate, fc.nat(), (z, seed) => {
        const y = seed % z.length;
        const p = stableSoftmax(z).probabilities;
        expectRelClose(chainGradient(p, y, 0).gradient, Array.from(p, (v, j) => v - oneHot(z.length, y)[j]!), 1e-12, 1e-15);
      }),
      { seed: 42 },
    );
  });

  it('epsilonGradientFactor is the ratio of the trick’s ∂L/∂z_y to the true one, by central differences', () => {
    for (const [z, eps] of [
      [[-15, 1, 2], 1e-8],
      [[-5, 0, 0], 1e-4],
      [[1, 0, -2], 1e-2],
    ] as const) {
      const logP = stableLogSoftmax(z)[0] as number;
      const trick = numericalGradient((v) => epsilonCrossEntropy(v, 0, eps), z)[0] as number;
      const exact = numericalGradient((v) => stableCrossEntropy(v, 0), z)[0] as number;
      expect(trick / exact).toBeCloseTo(epsilonGradientFactor(logP, eps), 6);
    }
  });

  it('chainGradient with ε = 0 through an underflowed p is NaN (−1/0 · 0), and with ε = 1e-8 it vanishes', () => {
    const p = stableSoftmax([-1000, 0, 1000]).probabilities; // [0, 0, 1]
    expect(Array.from(chainGradient(p, 0, 0).gradient).every(Number.isNaN)).toBe(true);
    const trick = chainGradient(p, 0, 1e-8).gradient;
    // p_1 = 0: the factor p_1/(p_1 + ε) is 0, so the whole gradient is 0 where p − y is [−1, 0, 1]
    expect(Array.from(trick).map(Math.abs)).toEqual([0, 0, 0]);
  });

  it('chainGradient through a naive NaN p is NaN; the fused gradient at the same logits is finite', () => {
    const p = naiveSoftmax([1000, 999, 998]).probabilities;
    expect(Array.from(chainGradient(p, 0, 1e-8).gradient).every(Number.isNaN)).toBe(true);
    expect(Array.from(fusedGradient([1000, 999, 998], 0)).every(Number.isFinite)).toBe(true);
  });

  it('chainGradient in float32 rounds every step: ε = 1e-8 vanishes below float32 rounding of p_y = 1', () => {
    const p = stableSoftmax([5, 0, 0], 'float32').probabilities;
    const g = chainGradient(p, 0, 1e-8, 'float32').gradient;
    for (const v of g) expect(Math.fround(v)).toBe(v);
    expectRelClose(g, fusedGradient([5, 0, 0], 0, 'float32'), 1e-5, 1e-7);
  });

  it('chainGradient refuses a bad label or ε', () => {
    expect(() => chainGradient([0.5, 0.5], 3, 1e-8)).toThrow(/chainGradient: label 3/);
    expect(() => chainGradient([0.5, 0.5], 0, -1)).toThrow(/chainGradient: epsilon -1/);
  });
});

describe('softmaxBackwardChain: the unfused backward as autograd runs it, p ⊙ (u − ⟨u, p⟩)', () => {
  const moderate = fc.array(fc.double({ min: -8, max: 8, noNaN: true }), { minLength: 2, maxLength: 5 });

  it('matches central differences of epsilonCrossEntropy', () => {
    fc.assert(
      fc.property(moderate, fc.nat(), fc.constantFrom(0, 1e-4, 1e-2, 0.3), (z, seed, eps) => {
        const y = seed % z.length;
        const numeric = numericalGradient((v) => epsilonCrossEntropy(v, y, eps), z);
        expectRelClose(softmaxBackwardChain(stableSoftmax(z).probabilities, y, eps).gradient, numeric, 1e-6, 1e-8);
      }),
      { seed: 42 },
    );
  });

  it('equals the C×C product Σ_k u_k J_kj of chainGradient, and its dot is u_t·p_t', () => {
    fc.assert(
      fc.property(moderate, fc.nat(), fc.constantFrom(0, 1e-8, 0.1), (z, seed, eps) => {
        const y = seed % z.length;
        const p = stableSoftmax(z).probabilities;
        const fast = softmaxBackwardChain(p, y, eps);
        expectRelClose(fast.gradient, chainGradient(p, y, eps).gradient, 1e-12, 1e-15);
        expect(fast.dot).toBeCloseTo(-(p[y] as number) / ((p[y] as number) + eps), 14);
      }),
      { seed: 42 },
    );
  });

  it('by hand at p = [0.2, 0.5, 0.3], t = 1, ε = 0.1: u = [−1/0.3, −0, −0], ⟨u, p⟩ = −2/3, g = (2/3)(p − y)', () => {
    const b = softmaxBackwardChain([0.2, 0.5, 0.3], 0, 0.1);
    expectRelClose(b.upstream, [-1 / 0.3, -0, -0], 1e-15);
    expect(b.dot).toBeCloseTo(-2 / 3, 15);
    expectRelClose(b.gradient, [(2 / 3) * -0.8, (2 / 3) * 0.5, (2 / 3) * 0.3], 1e-15);
  });

  it('through an underflowed p_t: NaN at ε = 0 (−1/0 = −∞, then −∞ × 0), zeros at ε = 1e-8, as the chapter says', () => {
    const p = stableSoftmax([-1000, 0, 1000]).probabilities; // [0, 0, 1]
    const none = softmaxBackwardChain(p, 0, 0);
    expect(none.upstream[0]).toBe(-Infinity);
    expect(Number.isNaN(none.dot)).toBe(true);
    expect(Array.from(none.gradient).every(Number.isNaN)).toBe(true);
    const trick = softmaxBackwardChain(p, 0, 1e-8);
    expect(trick.upstream[0]).toBe(-1e8);
    expect(Array.from(trick.gradient).map(Math.abs)).toEqual([0, 0, 0]);
    for (const precision of ['float32', 'float64'] as const) {
      const q = stableSoftmax([-1000, 0, 1000], precision).probabilities;
      expect(Array.from(softmaxBackwardChain(q, 0, 0, precision).gradient).every(Number.isNaN)).toBe(true);
    }
  });

  it('rounds every step in float32, and refuses a bad label or ε', () => {
    const p = stableSoftmax([5, 0, 0], 'float32').probabilities;
    const g = softmaxBackwardChain(p, 0, 1e-8, 'float32').gradient;
    for (const v of g) expect(Math.fround(v)).toBe(v);
    expectRelClose(g, fusedGradient([5, 0, 0], 0, 'float32'), 1e-5, 1e-7);
    expect(() => softmaxBackwardChain([0.5, 0.5], 3, 1e-8)).toThrow(/softmaxBackwardChain: label 3/);
    expect(() => softmaxBackwardChain([0.5, 0.5], 0, -1)).toThrow(/softmaxBackwardChain: epsilon -1/);
  });
});
