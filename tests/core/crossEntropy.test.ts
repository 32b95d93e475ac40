import { describe, expect, it } from 'vitest';
import { crossEntropy } from '../../src/core';
import { referenceCrossEntropy } from './reference/reference';
import { expectUlpClose, fc } from './helpers';
import { crossEntropyCase, logitMatrix } from './arbitraries';

const LN2 = Math.LN2;
const LN4_3 = Math.log(4 / 3);

describe('crossEntropy matches PyTorch semantics (hand-derived)', () => {
  // Row 0: p = [1/2, 1/2], target 0 → −log p = ln 2. Row 1: p = [3/4, 1/4], target 1 → ln 4.
  // Row 2 is ignored. Weights [2, 5].
  const logits = [[0, 0], [Math.log(3), 0], [9, -3]];
  const target = [0, 1, -100];
  const weight = [2, 5];

  it('crossEntropy(…, { weight }) mean divides by the sum of the non-ignored targets’ weights', () => {
    expect(crossEntropy(logits, target, { weight })).toBeCloseTo((2 * LN2 + 5 * 2 * LN2) / (2 + 5), 15);
    expect(crossEntropy(logits, target, { weight, reduction: 'sum' })).toBeCloseTo(12 * LN2, 14);
    const none = crossEntropy(logits, target, { weight, reduction: 'none' });
    expect(none[0]).toBeCloseTo(2 * LN2, 15);
    expect(none[1]).toBeCloseTo(10 * LN2, 14);
    expect(none[2]).toBe(0);
  });

  it('crossEntropy without weight divides by the count of non-ignored rows', () => {
    expect(crossEntropy(logits, target)).toBeCloseTo((LN2 + 2 * LN2) / 2, 15);
  });

  it('crossEntropy with probability targets divides by N (weights and ignoreIndex do not change that)', () => {
    const y = [[0.5, 0.5], [1, 0], [0, 1]];
    // Row 2: p = softmax([9, −3]) so −log p_1 = 12 + log1p(e^-12).
    const row2 = 5 * (12 + Math.log1p(Math.exp(-12)));
    const expected = (2 * 0.5 * LN2 + 5 * 0.5 * LN2 + 2 * LN4_3 + row2) / 3;
    expect(crossEntropy(logits, y, { weight, ignoreIndex: 1 })).toBeCloseTo(expected, 14);
  });

  it('crossEntropy with every target ignored: mean is NaN, sum is 0, none is all 0', () => {
    expect(crossEntropy([[1, 2], [3, 4]], [-100, -100])).toBeNaN();
    expect(crossEntropy([[1, 2], [3, 4]], [-100, -100], { reduction: 'sum' })).toBe(0);
    expect(Array.from(crossEntropy([[1, 2], [3, 4]], [-100, -100], { reduction: 'none' }))).toEqual([0, 0]);
  });

  it('crossEntropy of no rows is 0 summed and NaN (0/0) as a mean, and takes a weight of any length: C is unknown', () => {
    expect(crossEntropy([], [], { weight: [1, 2, 3], reduction: 'sum' })).toBe(0);
    expect(crossEntropy([], [], { weight: [2] })).toBeNaN();
    expect(crossEntropy([], [], { reduction: 'none' })).toEqual(new Float64Array(0));
  });

  it('crossEntropy mean is NaN when the kept rows\' class weights add up to 0, with label smoothing too', () => {
    // PyTorch: (1 − ε)·nll + (ε/C)·smooth, each over Σ w_t = 0; its nll part is 0/0 = nan, so the sum
    // is nan even though the smoothing part's numerator (0.1959 here, NumPy) is positive.
    const z = [[1, 2, 3], [0, 1, 0], [2, 0, 1]];
    const options = { weight: [0, 0.5, 1], ignoreIndex: -100 };
    expect(crossEntropy(z, [0, 0, -100], { ...options, labelSmoothing: 0.2 })).toBeNaN();
    expect(crossEntropy(z, [0, 0, -100], options)).toBeNaN();
    expect(crossEntropy(z, [0, 0, -100], { ...options, labelSmoothing: 0.2, reduction: 'sum' })).toBeCloseTo(0.19590506783764317, 14);
  });

  it('crossEntropy label smoothing with weights: (1 − ε)·nll + (ε/C)·smooth, both over Σ w_t', () => {
    // p = [3/4, 1/4], t = 0, ε = 0.2, C = 2, w = [2, 5]: nll = 2 ln(4/3), smooth = 2 ln(4/3) + 5 ln 4,
    // mean over W = 2: 0.8 ln(4/3) + 0.1·(2 ln(4/3) + 5 ln 4)/2 = 0.9 ln(4/3) + 0.5 ln 2.
    const value = crossEntropy([[Math.log(3), 0], [5, 5]], [0, -100], { weight, labelSmoothing: 0.2 });
    expect(value).toBeCloseTo(0.9 * LN4_3 + 0.5 * LN2, 15);
    // Unweighted, ignored row excluded from the smoothing term too: 0.8 ln(4/3) + 0.1 (ln(4/3) + ln 4).
    expect(crossEntropy([[Math.log(3), 0], [5, 5]], [0, -100], { labelSmoothing: 0.2 })).toBeCloseTo(
      0.9 * LN4_3 + 0.2 * LN2,
      15,
    );
  });

  it('crossEntropy label smoothing with probability targets mixes y with the uniform distribution', () => {
    // ỹ = [1, 0]·0.8 + 0.1 = [0.9, 0.1]; loss = 2·0.9·ln(4/3) + 5·0.1·ln 4.
    const value = crossEntropy([[Math.log(3), 0]], [[1, 0]], { weight, labelSmoothing: 0.2 });
    expect(value).toBeCloseTo(1.8 * LN4_3 + LN2, 15);
  });

  it('crossEntropy([[0, 40]], [1]) is log1p(e^-40) = 4.248354255291589e-18, not 0', () => {
    expect(crossEntropy([[0, 40]], [1])).toBe(4.248354255291589e-18);
  });

  it('crossEntropy gives a masked (−∞) class with zero target weight no loss, and +∞ if it is the target', () => {
    expect(crossEntropy([[0, -Infinity]], [0])).toBe(0);
    expect(crossEntropy([[0, -Infinity]], [[1, 0]])).toBe(0);
    expect(crossEntropy([[Math.log(3), 0, -Infinity]], [1], { weight: [1, 1, 0], labelSmoothing: 0.3 })).toBeCloseTo(
      0.7 * Math.log(4) + 0.1 * (LN4_3 + Math.log(4)),
      15,
    );
    expect(crossEntropy([[0, -Infinity]], [1])).toBe(Infinity);
    expect(crossEntropy([[0, Infinity]], [0])).toBeNaN();
  });

  it('crossEntropy with huge finite logits is finite or +∞, never NaN', () => {
    expect(crossEntropy([[1e308, -1e308]], [0])).toBe(0);
    expect(crossEntropy([[1e308, -1e308]], [1])).toBe(Infinity); // exact value 2e308 exceeds float64
    expect(crossEntropy([[1.5e308, 1e308]], [1])).toBe(5e307);
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 2, maxLength: 4 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (row, eps) => !Number.isNaN(crossEntropy([row], [0], { labelSmoothing: eps })),
      ),
    );
  });
});

describe('crossEntropy against the high-precision reference', () => {
  it('crossEntropy is within 4 ulp of the reference for every option combination, on extreme logits', () => {
    fc.assert(
      fc.property(crossEntropyCase(logitMatrix()), ({ logits, target, options }) => {
        const actual = crossEntropy(logits, target, options);
        const expected = referenceCrossEntropy(logits, target, options);
        expectUlpClose(typeof actual === 'number' ? actual : Array.from(actual), expected, 4);
      }),
      { numRuns: 250 },
    );
  });

  it('crossEntropy with a subnormal target probability times a large −log p is within 4 ulp', () => {
    const logits = [[0, 1e5], [1e5, 1e5]];
    const target = [[2.307e-320, 1], [1e-310, 1]];
    const options = { weight: [1.01005394377013, 0.16027637921079896], reduction: 'none' as const };
    expectUlpClose(crossEntropy(logits, target, options), referenceCrossEntropy(logits, target, options), 4);
  });

  it('crossEntropy on tiny logit differences is within 4 ulp of the reference', () => {
    const tiny = fc
      .tuple(fc.double({ min: -1e4, max: 1e4, noNaN: true }), fc.array(fc.integer({ min: -9, max: 9 }), { minLength: 3, maxLength: 3 }))
      .map(([base, steps]) => [steps.map((k) => base + k * 2 ** -40 * Math.max(1, Math.abs(base)))]);
    fc.assert(
      fc.property(crossEntropyCase(tiny), ({ logits, target, options }) => {
        const actual = crossEntropy(logits, target, options);
        const expected = referenceCrossEntropy(logits, target, options);
        expectUlpClose(typeof actual === 'number' ? actual : Array.from(actual), expected, 4);
      }),
      { numRuns: 100 },
    );
  });
});

describe('crossEntropy keeps the low-order parts of its row sum', () => {
  it('crossEntropy(zeros(257), [1, 2^-56 × 256]) is log 257 · (1 + 2^-48): the 256 terms below half an ulp count', () => {
    // −log p_c = log 257 for every class; each 2^-56·log 257 ≈ 7.7e-17 is below half an ulp of log 257,
    // so only the compensation of the row sum keeps them. mpmath: log 257 · (1 + 2^-48) = 5.549076084895239512…
    const logits = [new Array<number>(257).fill(0)];
    const target = [[1, ...new Array<number>(256).fill(2 ** -56)]];
    expectUlpClose(crossEntropy(logits, target, { reduction: 'sum' }), 5.54907608489524, 1);
  });

  it('crossEntropy([[0, −100, −200, −300]], [[0, 1, 1, 1]], weight [1, 0.9, 0.6, 1/9]) adds the products\' rounding errors', () => {
    // −log p_c = 100, 200, 300 exactly (e^{-100} is far below their ulp). With the doubles 0.9, 0.6 and
    // fl(1/9), 0.9·100 + 0.6·200 + fl(1/9)·300 = 243.333333333333329262… (mpmath), whose nearest double is
    // 243.33333333333334; the three products rounded and summed give 243.33333333333331.
    const loss = crossEntropy([[0, -100, -200, -300]], [[0, 1, 1, 1]], { weight: [1, 0.9, 0.6, 1 / 9], reduction: 'sum' });
    expect(loss).toBe(243.33333333333334);
  });

  it('crossEntropy([[0, −1e300]], [[1, 2^-1070]], weight [1, 1 + 2^-10]) forms the subnormal w·s scaled, keeping its low bits', () => {
    // w·s = (1 + 2^-10)·2^-1070 is subnormal and would round to 2^-1070, losing 2^-10 relative; −log p_1 = 1e300
    // exactly. mpmath: (1 + 2^-10)·2^-1070·1e300 = 7.91277010917621459…e-23 (7.905050…e-23 without the 2^-10).
    const loss = crossEntropy([[0, -1e300]], [[1, 2 ** -1070]], { weight: [1, 1 + 2 ** -10], reduction: 'sum' });
    expectUlpClose(loss, 7.912770109176214e-23, 1);
  });
});

describe('crossEntropy zero weights, zero shares and a zero denominator', () => {
  it('crossEntropy([[0, 0]], [[NaN, 1]], weight [0, 1]) is NaN: a zero weight does not hide a NaN probability', () => {
    expect(crossEntropy([[0, 0]], [[NaN, 1]], { weight: [0, 1], reduction: 'sum' })).toBeNaN();
  });

  it('crossEntropy mean with class weights [1, −1] that cancel and no label smoothing is Σ/0 = +∞, as PyTorch', () => {
    // row 0: target 0 of [0, 0], −log p = ln 2, weight 1; row 1: target 1 of [0, ln 3], p_1 = 3/4,
    // −log p = ln(4/3), weight −1: Σ = ln 2 − ln(4/3) = ln 1.5 > 0 over D = 1 − 1 = 0
    expect(crossEntropy([[0, 0], [0, Math.log(3)]], [0, 1], { weight: [1, -1] })).toBe(Infinity);
  });
});
