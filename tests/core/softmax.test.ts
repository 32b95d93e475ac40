import { describe, expect, it } from 'vitest';
import { logSoftmax, logSumExp, softmax } from '../../src/core';
import { referenceLogSoftmax, referenceLogSumExp, referenceSoftmax } from './reference/reference';
import { expectUlpClose, fc } from './helpers';
import { extremeLogitVector, logitVector } from './arbitraries';

const temperatures = fc.constantFrom(0.05, 0.3, 1, 2.5, 7, 1000);

describe('softmax', () => {
  it('softmax([2, 3, 4]) is correctly rounded', () => {
    expectUlpClose(softmax([2, 3, 4]), [0.09003057317038046, 0.24472847105479764, 0.6652409557748219], 1);
  });

  it('softmax(z) sums to 1 within a few ulp and lies in [0, 1]', () => {
    fc.assert(
      fc.property(extremeLogitVector, (z) => {
        const p = softmax(z);
        const sum = p.reduce((s, v) => s + v, 0);
        return Math.abs(sum - 1) <= 4 * 2 ** -52 * z.length && p.every((v) => v >= 0 && v <= 1);
      }),
      { numRuns: 300 },
    );
  });

  it('softmax(z + c) equals softmax(z) (exact shifts give identical results)', () => {
    // z on a grid of 2^-20 and |z + c| < 2^30 keep every z_i + c exact, so the outputs must match bit for bit.
    const grid = fc.array(fc.integer({ min: -(2 ** 26), max: 2 ** 26 }), { minLength: 2, maxLength: 6 });
    fc.assert(
      fc.property(grid, fc.integer({ min: -(2 ** 28), max: 2 ** 28 }), temperatures, (k, shift, t) => {
        const z = k.map((v) => v * 2 ** -20);
        const shifted = z.map((v) => v + shift * 2 ** -10);
        expect(Array.from(softmax(shifted, t))).toEqual(Array.from(softmax(z, t)));
      }),
    );
  });

  it('softmax(z) is within 4 ulp of the high-precision reference on extreme logits', () => {
    fc.assert(
      fc.property(extremeLogitVector, (z) => expectUlpClose(softmax(z), referenceSoftmax(z), 4)),
      { numRuns: 150 },
    );
  });

  it('softmax(z, T) is within 4 ulp of the reference softmax(z/T)', () => {
    fc.assert(
      fc.property(extremeLogitVector, temperatures, (z, t) => expectUlpClose(softmax(z, t), referenceSoftmax(z, t), 4)),
      { numRuns: 100 },
    );
  });

  it('softmax([0, 40]) keeps the tiny probability e^-40/(1 + e^-40) to full precision', () => {
    expectUlpClose(softmax([0, 40]), referenceSoftmax([0, 40]), 2);
    expect(softmax([0, 40])[0]).toBeGreaterThan(4.24e-18);
  });

  it('softmax gives a masked (−∞) class probability 0 and ignores it otherwise', () => {
    const p = softmax([1, -Infinity, 2]);
    expect(p[1]).toBe(0);
    expectUlpClose([p[0] as number, p[2] as number], softmax([1, 2]), 0);
  });

  it('softmax of huge finite logits never gives NaN: softmax([1e308, -1e308]) = [1, 0]', () => {
    expect(Array.from(softmax([1e308, -1e308]))).toEqual([1, 0]);
    expect(Array.from(softmax([-1.7e308, 1.7e308, 1.7e308], 1e-300))).toEqual([0, 0.5, 0.5]);
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 5 }), (z) =>
        softmax(z).every((v) => !Number.isNaN(v)),
      ),
    );
  });

  it('softmax with NaN, a +∞ logit, or all −∞ gives all NaN (as PyTorch)', () => {
    for (const z of [[1, NaN, 2], [0, Infinity], [-Infinity, -Infinity]]) {
      expect(Array.from(softmax(z)).every(Number.isNaN)).toBe(true);
    }
    expect(Array.from(softmax([1, 2], NaN)).every(Number.isNaN)).toBe(true);
    expect(softmax([]).length).toBe(0);
  });
});

describe('logSoftmax', () => {
  it('logSoftmax(z, T) is within 4 ulp of the reference on extreme logits', () => {
    fc.assert(
      fc.property(extremeLogitVector, temperatures, (z, t) =>
        expectUlpClose(logSoftmax(z, t), referenceLogSoftmax(z, t), 4),
      ),
      { numRuns: 150 },
    );
  });

  it('logSoftmax([0, 40]) = [−40 − log1p(e^-40), −log1p(e^-40)]', () => {
    const l = logSoftmax([0, 40]);
    expect(l[1]).toBe(-4.248354255291589e-18);
    expect(l[0]).toBe(-40);
  });

  it('logSoftmax(z) equals log(softmax(z)) for moderate logits', () => {
    fc.assert(
      fc.property(logitVector(2, 6, 10), (z) => {
        const l = logSoftmax(z);
        softmax(z).forEach((p, i) => expect(Math.abs(Math.log(p) - (l[i] as number))).toBeLessThan(1e-13));
      }),
    );
  });

  it('logSoftmax gives −∞ for a masked class and NaN for NaN input', () => {
    expect(logSoftmax([0, -Infinity])[1]).toBe(-Infinity);
    expect(Object.is(logSoftmax([0, -Infinity])[0], 0)).toBe(true);
    expect(Number.isNaN(logSoftmax([NaN, 0])[1])).toBe(true);
  });
});

describe('logSumExp', () => {
  it('logSumExp(z) is within 4 ulp of the reference, relative to max(|max z|, |result|)', () => {
    fc.assert(
      fc.property(extremeLogitVector, (z) => {
        const m = Math.max(...z);
        const reference = referenceLogSumExp(z);
        const scale = Math.max(Math.abs(m), Math.abs(reference));
        expect(Math.abs(logSumExp(z) - reference)).toBeLessThanOrEqual(4 * 2 ** -52 * scale);
      }),
      { numRuns: 150 },
    );
  });

  it('logSumExp(z) is within 4 ulp when max z ≥ 0 (no cancellation)', () => {
    fc.assert(
      fc.property(
        extremeLogitVector.filter((z) => Math.max(...z) >= 0),
        (z) => expectUlpClose(logSumExp(z), referenceLogSumExp(z), 4),
      ),
      { numRuns: 100 },
    );
  });

  it('logSumExp closed forms: [0, 40] → 40 + log1p(e^-40) rounds to 40; [1000, 1000.5]; [0, 0] → log 2', () => {
    expect(logSumExp([0, 40])).toBe(40);
    expect(logSumExp([-40, 0])).toBe(4.248354255291589e-18);
    expect(logSumExp([1000, 1000.5])).toBe(1000.9740769841801);
    expect(logSumExp([0, 0])).toBe(Math.LN2);
  });

  it('logSumExp edge cases: empty or all −∞ → −∞, a +∞ → +∞, NaN → NaN', () => {
    expect(logSumExp([])).toBe(-Infinity);
    expect(logSumExp([-Infinity, -Infinity])).toBe(-Infinity);
    expect(logSumExp([0, Infinity])).toBe(Infinity);
    expect(logSumExp([NaN, Infinity])).toBeNaN();
    expect(logSumExp([1e308, 1e308])).toBe(1e308); // + log 2 is far below ulp(1e308)
    expect(logSumExp([1e308, -1e308])).toBe(1e308);
  });
});
