import { describe, expect, it } from 'vitest';
import { softmax, softmaxTerms } from '../../src/core';

describe('softmaxTerms', () => {
  it('softmaxTerms([2, 3, 4]) gives e², e³, e⁴ and their sum', () => {
    const { exponentials, sum } = softmaxTerms([2, 3, 4]);
    // e² = 7.38905609893065, e³ = 20.085536923187668, e⁴ = 54.598150033144236 (correctly rounded)
    expect(Array.from(exponentials)).toEqual([7.38905609893065, 20.085536923187668, 54.598150033144236]);
    // the exact sum of those three doubles, rounded once (Python: float(sum(map(Fraction, v))))
    expect(sum).toBe(82.07274305526255);
  });

  it('softmaxTerms(z, T) divides the logits by T first', () => {
    const { exponentials } = softmaxTerms([2, -4], 2);
    expect(exponentials[0]).toBe(Math.E);
    expect(exponentials[1]).toBe(Math.exp(-2));
  });

  it('exponentials / sum agrees with softmax(z) on ordinary logits', () => {
    const z = [0.3, -1.7, 2.2, 0];
    const { exponentials, sum } = softmaxTerms(z, 0.7);
    const p = softmax(z, 0.7);
    exponentials.forEach((e, i) => expect(e / sum).toBeCloseTo(p[i] ?? NaN, 15));
  });

  it('softmaxTerms([800, 0]) overflows to Infinity, as the naive formula does', () => {
    const { exponentials, sum } = softmaxTerms([800, 0]);
    expect(exponentials[0]).toBe(Infinity);
    expect(sum).toBe(Infinity);
  });
});
