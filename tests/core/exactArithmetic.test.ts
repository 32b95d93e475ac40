import { describe, expect, it } from 'vitest';
import { accurateSum, sumsExcludingEach, twoProduct, twoSum } from '../../src/core';
import { accurateAffine } from '../../src/core/exactArithmetic';
import { add, big, mul, sub, sumOf, toNumber } from './reference/bigFloat';
import { expectUlpClose, fc } from './helpers';

const moderate = fc.double({ min: -1e150, max: 1e150, noNaN: true });

describe('error-free transformations', () => {
  it('twoSum(a, b): hi + lo equals a + b exactly and hi = fl(a + b)', () => {
    fc.assert(
      fc.property(moderate, moderate, (a, b) => {
        const { hi, lo } = twoSum(a, b);
        expect(hi).toBe(a + b);
        expect(sub(add(big(hi), big(lo)), add(big(a), big(b))).m).toBe(0n);
      }),
    );
  });

  it('twoProduct(a, b): hi + lo equals a·b exactly', () => {
    fc.assert(
      fc.property(moderate, moderate, (a, b) => {
        const { hi, lo } = twoProduct(a, b);
        expect(hi).toBe(a * b);
        if (Math.abs(hi) > 1e-290) expect(sub(add(big(hi), big(lo)), mul(big(a), big(b))).m).toBe(0n);
      }),
    );
  });

  it('accurateSum([1, 1e100, 1, −1e100]) = 2 (naive summation gives 0)', () => {
    expect(accurateSum([1, 1e100, 1, -1e100])).toBe(2);
  });

  it('sumsExcludingEach(x)[j] is Σ_{k≠j} x_k within 2 ulp, also when x_j dominates', () => {
    const entries = fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(1, 1e-20, 4e-18, 1e-300, 0));
    fc.assert(
      fc.property(fc.array(entries, { minLength: 1, maxLength: 7 }), (x) => {
        const expected = x.map((_, j) => toNumber(sumOf(x.filter((__, k) => k !== j).map(big))));
        expectUlpClose(sumsExcludingEach(x), expected, 2);
      }),
    );
  });
});

describe('accurateAffine', () => {
  /** The same sum spelled with twoProduct and twoSum, as lstmCell wrote it before accurateAffine. */
  function byParts(rowA: number[], x: number[], rowB: number[], y: number[], b1: number, b2: number): number {
    let hi = 0;
    let lo = 0;
    const add = (value: number, error: number) => {
      const s = twoSum(hi, value);
      hi = s.hi;
      lo += s.lo + error;
    };
    rowA.forEach((a, k) => {
      const p = twoProduct(a, x[k] as number);
      add(p.hi, p.lo);
    });
    rowB.forEach((b, k) => {
      const p = twoProduct(b, y[k] as number);
      add(p.hi, p.lo);
    });
    add(b1, 0);
    add(b2, 0);
    return Number.isFinite(hi) ? hi + lo : hi;
  }

  it('accurateAffine(rowA, x, rowB, y, b1, b2) is bit for bit the twoProduct/twoSum sum it inlines', () => {
    const num = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(fc.array(fc.tuple(num, num), { minLength: 1, maxLength: 6 }), fc.array(fc.tuple(num, num), { maxLength: 6 }), num, num, (ax, by, b1, b2) => {
        const args = [ax.map((p) => p[0]), ax.map((p) => p[1]), by.map((p) => p[0]), by.map((p) => p[1]), b1, b2] as const;
        expect(Object.is(accurateAffine(...args), byParts(...args))).toBe(true);
      }),
      { seed: 42 },
    );
  });

  it('accurateAffine keeps a sum that cancels to 1e-17, and gives NaN for ∞ − ∞ and ±∞ for a lone overflow', () => {
    expect(accurateAffine([1e16], [1], [-1e16], [1], 1e-17, 0)).toBe(1e-17);
    expect(accurateAffine([1e308], [10], [-1e308], [10], 0, 0)).toBeNaN();
    expect(accurateAffine([1e308], [10], [1], [1], 0, 0)).toBe(Infinity);
  });
});
