import { describe, expect, it } from 'vitest';
import { accurateSum, sumsExcludingEach, twoProduct, twoSum } from '../../src/core';
import { accurateAffine, compensatedSum } from '../../src/core/exactArithmetic';
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

/**
 * 1 followed by 64 terms of 2^-53: each is exactly half an ulp of 1, so every running sum rounds back to 1
 * (ties to even) and only the error terms keep them. The exact sum, 1 + 64·2^-53 = 1 + 2^-47, is a double.
 */
const halfUlps = Array.from({ length: 64 }, () => 2 ** -53);

describe('compensated sums keep terms a plain sum drops', () => {
  it('accurateSum([1, 2^-53 × 64]) = 1 + 2^-47 exactly, and so does the other order', () => {
    expect(accurateSum([1, ...halfUlps])).toBe(1 + 2 ** -47);
    expect(accurateSum([...halfUlps, 1])).toBe(1 + 2 ** -47);
  });

  it('compensatedSum([1, 2^-53 × 64]) is hi = 1, lo = 2^-47: the error terms go to lo', () => {
    expect(compensatedSum([1, ...halfUlps])).toEqual({ hi: 1, lo: 2 ** -47 });
  });

  it('compensatedSum(values, skip) leaves out index skip and only that one', () => {
    expect(compensatedSum([3, 1, ...halfUlps], 0)).toEqual({ hi: 1, lo: 2 ** -47 });
    expect(compensatedSum([1, 5, ...halfUlps], 1)).toEqual({ hi: 1, lo: 2 ** -47 });
    expect(compensatedSum([1, 2, 4])).toEqual({ hi: 7, lo: 0 });
  });

  it('compensatedSum of an overflowing sum is ±∞ with lo 0, and NaN for ∞ − ∞', () => {
    expect(compensatedSum([1e308, 1e308, 1])).toEqual({ hi: Infinity, lo: 0 });
    expect(compensatedSum([-1e308, -1e308])).toEqual({ hi: -Infinity, lo: 0 });
    expect(compensatedSum([Infinity, -Infinity]).hi).toBeNaN();
  });

  it('sumsExcludingEach([1, 2^-53 × 64, 0]) leaves 1 + 2^-47 for the last entry, by its prefix sum', () => {
    const out = sumsExcludingEach([1, ...halfUlps, 0]);
    expect(out[65]).toBe(1 + 2 ** -47);
    // leaving out the 1: 64·2^-53 = 2^-47 exactly
    expect(out[0]).toBe(2 ** -47);
  });

  it('sumsExcludingEach([0, 2^-53 × 64, 1]) leaves 1 + 2^-47 for the first entry, by its suffix sum', () => {
    const out = sumsExcludingEach([0, ...halfUlps, 1]);
    expect(out[0]).toBe(1 + 2 ** -47);
    expect(out[65]).toBe(2 ** -47);
  });

  it('sumsExcludingEach([1e308, 1e308, 1]) is [1e308 + 1, 1e308 + 1, ∞]: an overflowing part stays ∞', () => {
    const out = sumsExcludingEach([1e308, 1e308, 1]);
    expect(Array.from(out)).toEqual([1e308, 1e308, Infinity]);
  });
});

describe('twoSum and twoProduct at the edges', () => {
  it('twoSum(1e308, 1e308) is {∞, 0}: the error of an overflow is not ∞ − ∞', () => {
    expect(twoSum(1e308, 1e308)).toEqual({ hi: Infinity, lo: 0 });
    expect(twoSum(-Infinity, 1)).toEqual({ hi: -Infinity, lo: 0 });
  });

  it('twoSum(1, 2^-60) is {1, 2^-60} and twoSum(2^-60, 1) too', () => {
    expect(twoSum(1, 2 ** -60)).toEqual({ hi: 1, lo: 2 ** -60 });
    expect(twoSum(2 ** -60, 1)).toEqual({ hi: 1, lo: 2 ** -60 });
  });

  it('twoProduct(1 + 2^-30, 1 + 2^-30) is {1 + 2^-29, 2^-60}', () => {
    // (1 + 2^-30)² = 1 + 2^-29 + 2^-60 exactly; the double nearest is 1 + 2^-29
    expect(twoProduct(1 + 2 ** -30, 1 + 2 ** -30)).toEqual({ hi: 1 + 2 ** -29, lo: 2 ** -60 });
  });

  it('twoProduct of a factor above 2^996 or an overflowing product reports error 0, not NaN', () => {
    expect(twoProduct(2 ** 1000, 1.5)).toEqual({ hi: 1.5 * 2 ** 1000, lo: 0 });
    expect(twoProduct(1.5, 2 ** 1000)).toEqual({ hi: 1.5 * 2 ** 1000, lo: 0 });
    expect(twoProduct(-(2 ** 1000), 1.5)).toEqual({ hi: -1.5 * 2 ** 1000, lo: 0 });
    expect(twoProduct(1.5, -(2 ** 1000))).toEqual({ hi: -1.5 * 2 ** 1000, lo: 0 });
    expect(twoProduct(1e200, 1e200)).toEqual({ hi: Infinity, lo: 0 });
  });
});

/**
 * Three terms where the running sum is smaller than the next term (a) and larger (b): Neumaier's error
 * term must take the other order in each, or it loses a bit. References: the exact sums, by rational
 * arithmetic (Python fractions), rounded to the nearest double.
 */
const smallerFirst = [6.821210263296964e-13, 1.818989403545857e-12, 1.3322676295501882e-15];
const largerFirst = [5.7220459037665705e-6, 2.081668171172169e-17, 2.861022949218751e-6];

describe('Neumaier error terms in either order', () => {
  it('accurateSum(smallerFirst) and accurateSum(largerFirst) are the exact sums rounded once', () => {
    expect(accurateSum(smallerFirst)).toBe(2.5024426975051036e-12);
    expect(accurateSum(largerFirst)).toBe(8.583068853006139e-6);
  });

  it('sumsExcludingEach gives the same exact sums through its prefix and its suffix', () => {
    expect(sumsExcludingEach([...smallerFirst, 0])[3]).toBe(2.5024426975051036e-12);
    expect(sumsExcludingEach([...largerFirst, 0])[3]).toBe(8.583068853006139e-6);
    // the suffix sum runs from the end, so these see the terms in the same order
    expect(sumsExcludingEach([0, ...smallerFirst.toReversed()])[0]).toBe(2.5024426975051036e-12);
    expect(sumsExcludingEach([0, ...largerFirst.toReversed()])[0]).toBe(8.583068853006139e-6);
  });
});

describe('accurateAffine with a factor too large to split', () => {
  it('accurateAffine([1.5], [2^1000], …) and with the factors swapped, in either row, is 1.5·2^1000 (no NaN from the split)', () => {
    const big = 1.5 * 2 ** 1000;
    expect(accurateAffine([1.5], [2 ** 1000], [], [], 0, 0)).toBe(big);
    expect(accurateAffine([2 ** 1000], [1.5], [], [], 0, 0)).toBe(big);
    expect(accurateAffine([], [], [1.5], [2 ** 1000], 0, 0)).toBe(big);
    expect(accurateAffine([], [], [2 ** 1000], [1.5], 0, 0)).toBe(big);
  });
});
