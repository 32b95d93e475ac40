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

  /*
   * sin(x + h) − sin(x − h) = 2 cos x sin h exactly, so the central difference of sin is cos(x)·sin(h)/h
   * = cos(x)(1 − h²/6 + …): the truncation error shows the step. At |x| = 1000 the default step is
   * 6e-6·1000 = 6e-3, which leaves −h²/6·cos x ≈ −3.4e-6, far above the rounding (about ε/h ≈ 4e-14,
   * plus cos moving by ulp(1000)·|sin x| ≈ 1e-13 where x ± h round). An unscaled 6e-6 (or 6e-9) would leave
   * 6e-12 or less of truncation and miss cos(x)·sin(h)/h by 3.4e-6.
   */
  it('centralDifference(sin, ±1000) takes the step 6e-6·|x|: it is cos(x)·sin(h)/h with h = 6e-3', () => {
    const h = 6e-3;
    for (const x of [1000, -1000]) {
      const estimate = centralDifference(Math.sin, x);
      expect(Math.abs(estimate - (Math.cos(x) * Math.sin(h)) / h)).toBeLessThan(1e-12);
      expect(Math.abs(estimate - Math.cos(x))).toBeGreaterThan(3e-6);
    }
  });

  it('numericalGradient(f, x) takes the step 6e-6·max(1, |x_i|) in each coordinate and calls f 2n times', () => {
    let calls = 0;
    const f = (v: Float64Array) => {
      calls++;
      return Math.sin(v[0] as number) + Math.sin(v[1] as number) + Math.sin(v[2] as number);
    };
    const x = [1000, -2000, 0.5];
    const g = numericalGradient(f, x);
    expect(calls).toBe(6);
    // ∂f/∂x_i = cos x_i, estimated as cos(x_i)·sin(h_i)/h_i: the other two sines cancel in f(plus) − f(minus)
    // up to rounding of the sum, a few ε·|f|/h_i ≤ 1e-10 at h = 6e-6
    const steps = [6e-3, 1.2e-2, 6e-6];
    g.forEach((v, i) => {
      const xi = x[i] as number;
      const hi = steps[i] as number;
      expect(Math.abs(v - (Math.cos(xi) * Math.sin(hi)) / hi)).toBeLessThan(5e-10);
    });
    // h²/6·|cos 2000| ≈ 8.8e-6: the step 1.2e-2 shows
    expect(Math.abs((g[1] as number) - Math.cos(-2000))).toBeGreaterThan(5e-6);
  });
});
