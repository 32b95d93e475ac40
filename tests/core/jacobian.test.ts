import { describe, expect, it } from 'vitest';
import { numericalGradient, softmax, softmaxJacobian } from '../../src/core';
import { add, big, div, exp, mul, ONE, sub, sumOf, toNumber, type BigFloat } from './reference/bigFloat';
import { expectGradientMatches, expectUlpClose, fc, GRADIENT_CHECK } from './helpers';
import { extremeLogitVector, logitVector } from './arbitraries';

/**
 * (1/T)(p_i δ_ij − p_i p_j) from the 200-bit reference. 1 − p_i is taken as (Σ_k e_k − e_i)/Σ_k e_k with
 * the sum exact: a rounded 200-bit p_i would leave only 2^-200 absolute accuracy in 1 − p_i ≈ 1e-46.
 */
function referenceJacobian(z: number[], t = 1): number[][] {
  const shift = Math.max(...z);
  const shifted = z.map((zk) => (zk === -Infinity ? big(0) : exp(div(sub(big(zk), big(shift)), big(t)))));
  const total = sumOf(shifted);
  const p = shifted.map((e) => div(e, total));
  const complement = shifted.map((e) => div(sub(total, e), total));
  return p.map((pi, i) =>
    p.map((pj, j) => toNumber(div(i === j ? mul(pi, complement[i] as BigFloat) : mul(pi, mul(big(-1), pj)), big(t)))),
  );
}

describe('softmaxJacobian', () => {
  it('softmaxJacobian(z) is symmetric with zero row sums', () => {
    fc.assert(
      fc.property(extremeLogitVector, (z) => {
        const j = softmaxJacobian(z);
        j.forEach((row, a) => {
          const scale = row.reduce((s, v) => s + Math.abs(v), 0);
          expect(Math.abs(row.reduce((s, v) => s + v, 0))).toBeLessThanOrEqual(8 * 2 ** -52 * scale);
          row.forEach((v, b) => expect(v).toBe((j[b] as Float64Array)[a]));
        });
      }),
    );
  });

  it('softmaxJacobian(z) is positive semidefinite: vᵀJv ≥ 0 up to rounding', () => {
    const vector = fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 6, maxLength: 6 });
    fc.assert(
      fc.property(logitVector(2, 6, 30), vector, (z, v) => {
        const j = softmaxJacobian(z);
        let quadratic = 0;
        let magnitude = 0;
        j.forEach((row, a) =>
          row.forEach((value, b) => {
            quadratic += (v[a] as number) * value * (v[b] as number);
            magnitude += Math.abs((v[a] as number) * value * (v[b] as number));
          }),
        );
        expect(quadratic).toBeGreaterThanOrEqual(-16 * 2 ** -52 * magnitude);
      }),
    );
  });

  it('softmaxJacobian(z, T) columns agree with central differences of softmax', () => {
    fc.assert(
      fc.property(logitVector(2, 5, 5), fc.constantFrom(0.5, 1, 3), (z, t) => {
        const j = softmaxJacobian(z, t);
        for (let i = 0; i < z.length; i++) {
          const numeric = numericalGradient((x) => softmax(x, t)[i] as number, z, GRADIENT_CHECK.step);
          expectGradientMatches(j[i] as Float64Array, numeric, 1e-10);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('softmaxJacobian(z, T) is within 8 ulp of the reference, also when one logit dominates', () => {
    fc.assert(
      fc.property(extremeLogitVector, fc.constantFrom(0.5, 1, 3), (z, t) => {
        const j = softmaxJacobian(z, t);
        referenceJacobian(z, t).forEach((row, i) => expectUlpClose(j[i] as Float64Array, row, 8));
      }),
      { numRuns: 100 },
    );
  });

  it('softmaxJacobian([0, 40]) has diagonal p_0 p_1 ≈ e^-40, not 0', () => {
    const j = softmaxJacobian([0, 40]);
    const e = exp(big(-40));
    const expected = toNumber(div(e, mul(add(ONE, e), add(ONE, e))));
    expectUlpClose([(j[1] as Float64Array)[1] as number], [expected], 4);
  });

  it('softmaxJacobian gives a masked class a zero row and column', () => {
    const j = softmaxJacobian([1, -Infinity, 2]);
    expect(Array.from(j[1] as Float64Array).every((v) => v === 0)).toBe(true);
    expect((j[0] as Float64Array)[1]).toBe(0);
    expect((j[2] as Float64Array)[1]).toBe(0);
  });
});
