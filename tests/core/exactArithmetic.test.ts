import { describe, expect, it } from 'vitest';
import { accurateSum, sumsExcludingEach, twoProduct, twoSum } from '../../src/core';
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
