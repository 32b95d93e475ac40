import { describe, expect, it } from 'vitest';
import { centralDifference, numericalGradient } from '../../src/core';

describe('finite differences', () => {
  it('centralDifference(sin, x) ≈ cos(x)', () => {
    for (const x of [-2, 0, 0.5, 3]) {
      expect(Math.abs(centralDifference(Math.sin, x) - Math.cos(x))).toBeLessThan(1e-9);
    }
  });

  it('centralDifference of a quadratic is exact up to rounding, for any h', () => {
    const f = (x: number) => 3 * x * x - 2 * x;
    expect(centralDifference(f, 1.5, 0.25)).toBeCloseTo(7, 12);
  });

  it('numericalGradient(f, x) of f(x) = Σ x_i² x_0 matches the hand derivative and leaves x unchanged', () => {
    const x = Object.freeze([1.5, -2, 0.25]) as readonly number[];
    const f = (v: Float64Array) => (v[0] as number) * v.reduce((s, t) => s + t * t, 0);
    const g = numericalGradient(f, x);
    const sumSquares = 1.5 ** 2 + 4 + 0.0625;
    const expected = [sumSquares + 2 * 1.5 * 1.5, 2 * 1.5 * -2, 2 * 1.5 * 0.25];
    g.forEach((v, i) => expect(Math.abs(v - (expected[i] as number))).toBeLessThan(1e-8));
    expect(x).toEqual([1.5, -2, 0.25]);
  });
});
