import { describe, expect, it } from 'vitest';
import {
  binaryCrossEntropy,
  binaryCrossEntropyWithLogits,
  binaryCrossEntropyWithLogitsGrad,
  numericalGradient,
} from '../../src/core';
import { referenceBinaryCrossEntropy, referenceBinaryCrossEntropyWithLogits } from './reference/reference';
import { expectGradientMatches, expectUlpClose, fc, GRADIENT_CHECK } from './helpers';

const LN2 = Math.LN2;
const reductions = fc.constantFrom<'mean' | 'sum' | 'none'>('mean', 'sum', 'none');

function reduce(values: number[], reduction: 'mean' | 'sum' | 'none') {
  if (reduction === 'none') return values;
  const sum = values.reduce((s, v) => s + v, 0);
  return reduction === 'sum' ? sum : sum / values.length;
}

describe('binaryCrossEntropy', () => {
  it('binaryCrossEntropy clamps each log at −100: p = 0 with y = 1 gives 100, and 0·log 0 gives 0', () => {
    expect(binaryCrossEntropy([0], [1])).toBe(100);
    expect(binaryCrossEntropy([1], [0])).toBe(100);
    expect(binaryCrossEntropy([0, 1], [0, 1], { reduction: 'sum' })).toBe(0);
    expect(binaryCrossEntropy([1e-50], [1])).toBe(100);
  });

  it('binaryCrossEntropy hand cases: p = y = 0.5 gives ln 2; weight broadcasts; mean is over N', () => {
    expect(binaryCrossEntropy([0.5], [0.5])).toBeCloseTo(LN2, 15);
    // ℓ = [−ln 0.75·3, −ln 0.75·3] (p = 0.25, y = 0 and p = 0.75, y = 1), weight [3].
    expect(binaryCrossEntropy([0.25, 0.75], [0, 1], { weight: [3] })).toBeCloseTo(-3 * Math.log(0.75), 15);
    const none = binaryCrossEntropy([0.25, 0.75], [0, 1], { weight: [1, 2], reduction: 'none' });
    expect(none[1]).toBeCloseTo(-2 * Math.log(0.75), 15);
  });

  it('binaryCrossEntropy is within 4 ulp of the reference, with tiny p, 1 − p and all reductions', () => {
    const probability = fc.oneof(
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.constantFrom(0, 1, 1e-300, 1e-20, 1 - 2 ** -53, 0.5),
    );
    const cases = fc.integer({ min: 1, max: 4 }).chain((n) =>
      fc.tuple(
        fc.array(probability, { minLength: n, maxLength: n }),
        fc.array(probability, { minLength: n, maxLength: n }),
        fc.option(fc.array(fc.double({ min: 0.1, max: 3, noNaN: true }), { minLength: n, maxLength: n })),
        reductions,
      ),
    );
    fc.assert(
      fc.property(cases, ([p, y, weight, reduction]) => {
        const options = weight === null ? { reduction } : { weight, reduction };
        const actual = binaryCrossEntropy(p, y, options);
        const perElement = referenceBinaryCrossEntropy(p, y, weight ?? undefined);
        const expected = reduce(perElement, reduction);
        // Reductions of the exact per-element losses add one more rounding per element here.
        expectUlpClose(typeof actual === 'number' ? actual : Array.from(actual), expected, reduction === 'none' ? 4 : 4 + p.length);
      }),
      { numRuns: 200 },
    );
  });
});

describe('binaryCrossEntropyWithLogits', () => {
  it('binaryCrossEntropyWithLogits hand cases with posWeight', () => {
    expect(binaryCrossEntropyWithLogits([0], [1], { posWeight: [3] })).toBeCloseTo(3 * LN2, 15);
    expect(binaryCrossEntropyWithLogits([0, 0], [1, 0], { posWeight: [3], weight: [2] })).toBeCloseTo(4 * LN2, 15);
    // softplus(−ln 3) = ln(4/3), softplus(ln 3) = ln 4.
    expect(binaryCrossEntropyWithLogits([Math.log(3)], [0.25], { posWeight: [2] })).toBeCloseTo(
      2 * 0.25 * Math.log(4 / 3) + 0.75 * Math.log(4),
      15,
    );
  });

  it('binaryCrossEntropyWithLogits does not clamp and never gives NaN for finite logits', () => {
    expect(binaryCrossEntropyWithLogits([-1000], [1])).toBe(1000);
    expect(binaryCrossEntropyWithLogits([1e308], [1])).toBe(0);
    expect(binaryCrossEntropyWithLogits([-Infinity], [0])).toBe(0);
    expect(binaryCrossEntropyWithLogits([-Infinity], [1])).toBe(Infinity);
    expect(binaryCrossEntropyWithLogits([40], [1])).toBe(4.248354255291589e-18);
  });

  it('binaryCrossEntropyWithLogits is within 4 ulp of the reference (PyTorch formula) on wide logits', () => {
    const logit = fc.oneof(fc.double({ min: -50, max: 50, noNaN: true }), fc.constantFrom(-700, -40, 0, 40, 700, 1e5, -1e5));
    const target = fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 1));
    const cases = fc.integer({ min: 1, max: 3 }).chain((n) =>
      fc.tuple(
        fc.array(logit, { minLength: n, maxLength: n }),
        fc.array(target, { minLength: n, maxLength: n }),
        fc.option(fc.array(fc.double({ min: 0.1, max: 3, noNaN: true }), { minLength: 1, maxLength: 1 })),
        fc.option(fc.array(fc.double({ min: 0.1, max: 3, noNaN: true }), { minLength: n, maxLength: n })),
      ),
    );
    fc.assert(
      fc.property(cases, ([x, y, weight, posWeight]) => {
        const options = { reduction: 'none' as const, ...(weight ? { weight } : {}), ...(posWeight ? { posWeight } : {}) };
        const expected = referenceBinaryCrossEntropyWithLogits(x, y, weight ?? undefined, posWeight ?? undefined);
        expectUlpClose(binaryCrossEntropyWithLogits(x, y, options), expected, 4);
      }),
      { numRuns: 200 },
    );
  });

  it('binaryCrossEntropyWithLogits with a subnormal target and posWeight does not underflow early', () => {
    const expected = referenceBinaryCrossEntropyWithLogits([-1e5], [5e-324], undefined, [0.1]);
    expectUlpClose(binaryCrossEntropyWithLogits([-1e5], [5e-324], { posWeight: [0.1], reduction: 'none' }), expected, 4);
  });

  it('binaryCrossEntropyWithLogitsGrad agrees with central differences for every reduction and weighting', () => {
    const cases = fc.integer({ min: 1, max: 4 }).chain((n) =>
      fc.tuple(
        fc.array(fc.double({ min: -8, max: 8, noNaN: true }), { minLength: n, maxLength: n }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: n, maxLength: n }),
        fc.option(fc.array(fc.double({ min: 0.1, max: 3, noNaN: true }), { minLength: n, maxLength: n })),
        fc.option(fc.array(fc.double({ min: 0.1, max: 3, noNaN: true }), { minLength: 1, maxLength: 1 })),
        reductions,
      ),
    );
    fc.assert(
      fc.property(cases, ([x, y, weight, posWeight, reduction]) => {
        const options = { reduction, ...(weight ? { weight } : {}), ...(posWeight ? { posWeight } : {}) };
        const loss = (v: Float64Array) => {
          const value = binaryCrossEntropyWithLogits(v, y, options);
          return typeof value === 'number' ? value : value.reduce((s, t) => s + t, 0);
        };
        expectGradientMatches(binaryCrossEntropyWithLogitsGrad(x, y, options), numericalGradient(loss, x, GRADIENT_CHECK.step), 1e-9);
      }),
    );
  });

  it('binaryCrossEntropyWithLogitsGrad(40, 1) = −σ(−40) ≈ −e^-40, not 0', () => {
    expect(binaryCrossEntropyWithLogitsGrad([40], [1])[0]).toBeCloseTo(-Math.exp(-40) / (1 + Math.exp(-40)), 30);
    expect((binaryCrossEntropyWithLogitsGrad([40], [1])[0] as number) / -Math.exp(-40)).toBeCloseTo(1, 12);
  });
});

describe('binaryCrossEntropyWithLogits edges and messages', () => {
  it('binaryCrossEntropyWithLogits([+∞], [1]) is 0 and ([+∞], [0]) is +∞: a zero coefficient on softplus(+∞) is 0', () => {
    expect(binaryCrossEntropyWithLogits([Infinity], [1])).toBe(0);
    expect(binaryCrossEntropyWithLogits([Infinity], [0])).toBe(Infinity);
  });

  it('binaryCrossEntropyWithLogits and its gradient name themselves, the target and the weight in their errors', () => {
    expect(() => binaryCrossEntropyWithLogits([1, 2], [1])).toThrow(/^binaryCrossEntropyWithLogits: target y has length 1 but the length N of x is 2$/);
    expect(() => binaryCrossEntropyWithLogits([1, 2], [1, 0], { weight: [1, 2, 3] })).toThrow(
      /^binaryCrossEntropyWithLogits: weight has length 3 but must have length 1 or N = 2$/,
    );
    expect(() => binaryCrossEntropyWithLogits([1, 2], [1, 0], { posWeight: [1, 2, 3] })).toThrow(/: posWeight has length 3/);
    expect(() => binaryCrossEntropyWithLogitsGrad([1, 2], [1])).toThrow(/^binaryCrossEntropyWithLogitsGrad: target y has length 1/);
  });

  it('binaryCrossEntropyWithLogitsGrad(x, y, { reduction }) divides by N for mean only', () => {
    // σ(0) = 1/2: ∂ℓ/∂x = (1 − y)/2 − y/2 = 1/2 − y
    expect(Array.from(binaryCrossEntropyWithLogitsGrad([0, 0], [0, 1], { reduction: 'sum' }))).toEqual([0.5, -0.5]);
    expect(Array.from(binaryCrossEntropyWithLogitsGrad([0, 0], [0, 1], { reduction: 'none' }))).toEqual([0.5, -0.5]);
    expect(Array.from(binaryCrossEntropyWithLogitsGrad([0, 0], [0, 1]))).toEqual([0.25, -0.25]);
  });
});
