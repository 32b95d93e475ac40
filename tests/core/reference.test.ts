import { describe, expect, it } from 'vitest';
import { add, big, div, exp, log, mul, ONE, sub, toNumber } from './reference/bigFloat';
import { referenceCrossEntropy, referenceLogSumExp, referenceSoftmax } from './reference/reference';
import { expectUlpClose, fc, ulpDistance } from './helpers';

// Closed forms below were computed independently with python3's decimal module at 60 digits.
describe('the high-precision reference', () => {
  it('toNumber(big(x)) round-trips every double, subnormals included', () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => toNumber(big(x)) === x));
    expect(toNumber(big(5e-324))).toBe(5e-324);
  });

  it('toNumber rounds to nearest, ties to even', () => {
    const oneUlp = { m: 1n, e: -52 };
    const halfUlp = { m: 1n, e: -53 };
    expect(toNumber(add(ONE, halfUlp))).toBe(1);
    expect(toNumber(add(add(ONE, oneUlp), halfUlp))).toBe(1 + 2 ** -51);
    expect(toNumber(add(ONE, { m: 3n, e: -54 }))).toBe(1 + 2 ** -52);
  });

  it('exp and log match closed forms', () => {
    expect(toNumber(exp(ONE))).toBe(2.718281828459045);
    expect(toNumber(log(big(10)))).toBe(2.302585092994046);
    expect(toNumber(exp(big(-700)))).toBe(9.85967654375977e-305);
    expect(toNumber(log(big(1e-300)))).toBe(-690.7755278982137);
  });

  it('log(1 + e^-40) = 4.248354255291589e-18 (log1p of a tiny value keeps its digits)', () => {
    expect(toNumber(log(add(ONE, exp(big(-40)))))).toBe(4.248354255291589e-18);
  });

  it('log(exp(x)) = x and exp agrees with Math.exp within 1 ulp', () => {
    fc.assert(
      fc.property(fc.double({ min: -700, max: 700, noNaN: true }), (x) => {
        const e = exp(big(x));
        return ulpDistance(toNumber(log(e)), x) <= 0 && ulpDistance(toNumber(e), Math.exp(x)) <= 1;
      }),
      { numRuns: 100 },
    );
  });

  it('arithmetic is exact where it should be: (a + b) − a = b and a·b/b = a', () => {
    const a = big(1e300);
    const b = big(1e-300);
    expect(toNumber(sub(add(a, b), a))).toBe(1e-300);
    expect(toNumber(div(mul(big(3), big(0.1)), big(3)))).toBe(0.1);
  });

  it('softmax([2, 3, 4]) = [0.09003057317038046, 0.24472847105479764, 0.6652409557748219]', () => {
    // The correctly rounded middle entry is …764 (…767, often quoted, is one ulp off).
    expectUlpClose(referenceSoftmax([2, 3, 4]), [0.09003057317038046, 0.24472847105479764, 0.6652409557748219], 0);
  });

  it('logSumExp([1000, 1000.5]) = 1000.9740769841801 and cross-entropy([[0, 40]], [1]) = log1p(e^-40)', () => {
    expect(referenceLogSumExp([1000, 1000.5])).toBe(1000.9740769841801);
    expect(referenceCrossEntropy([[0, 40]], [1])).toBe(4.248354255291589e-18);
  });
});
