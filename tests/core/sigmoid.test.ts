import { describe, expect, it } from 'vitest';
import { centralDifference, sigmoid, sigmoidGrad, softplus, softplusGrad } from '../../src/core';
import { add, big, exp, log, ONE, toNumber } from './reference/bigFloat';
import { referenceSigmoid } from './reference/reference';
import { expectGradientMatches, expectUlpClose, fc, GRADIENT_CHECK } from './helpers';

const wide = fc.oneof(
  fc.double({ min: -40, max: 40, noNaN: true }),
  fc.double({ min: -800, max: 800, noNaN: true }),
  fc.constantFrom(-745, -700, -37, 0, 36.7, 700, 1e5, -1e5),
);

describe('sigmoid', () => {
  it('sigmoid(x) is within 2 ulp of the reference 1/(1 + e^-x)', () => {
    fc.assert(fc.property(wide, (x) => expectUlpClose(sigmoid(x), referenceSigmoid(x), 2)), { numRuns: 300 });
  });

  it('sigmoid(x) + sigmoid(−x) = 1 and sigmoid(0) = 0.5', () => {
    expect(sigmoid(0)).toBe(0.5);
    fc.assert(fc.property(fc.double({ min: -30, max: 30, noNaN: true }), (x) => Math.abs(sigmoid(x) + sigmoid(-x) - 1) <= 2 ** -52));
  });

  it('sigmoid at the extremes: ±∞ → 1 and 0, −700 keeps relative accuracy, NaN → NaN', () => {
    expect(sigmoid(Infinity)).toBe(1);
    expect(sigmoid(-Infinity)).toBe(0);
    expect(sigmoid(-700)).toBe(9.85967654375977e-305);
    expect(sigmoid(NaN)).toBeNaN();
  });

  it('sigmoidGrad(x) agrees with central differences of sigmoid', () => {
    fc.assert(
      fc.property(fc.double({ min: -20, max: 20, noNaN: true }), (x) => {
        const numeric = centralDifference(sigmoid, x, GRADIENT_CHECK.step);
        expectGradientMatches([sigmoidGrad(x)], [numeric], 1e-10);
      }),
    );
  });

  it('sigmoidGrad(40) ≈ e^-40 keeps its digits (not σ(1 − σ) = 0)', () => {
    expect(sigmoidGrad(40) / Math.exp(-40)).toBeCloseTo(1, 12);
  });
});

describe('softplus', () => {
  it('softplus(x) is within 2 ulp of the reference log(1 + e^x)', () => {
    fc.assert(
      fc.property(wide, (x) => expectUlpClose(softplus(x), toNumber(log(add(ONE, exp(big(x))))), 2)),
      { numRuns: 300 },
    );
  });

  it('softplusGrad(x) agrees with central differences of softplus', () => {
    fc.assert(
      fc.property(fc.double({ min: -20, max: 20, noNaN: true }), (x) => {
        const numeric = centralDifference(softplus, x, GRADIENT_CHECK.step);
        expectGradientMatches([softplusGrad(x)], [numeric], 1e-10);
      }),
    );
  });

  it('softplus(±∞) = ∞, 0 and softplus(1e308) = 1e308', () => {
    expect(softplus(Infinity)).toBe(Infinity);
    expect(softplus(-Infinity)).toBe(0);
    expect(softplus(1e308)).toBe(1e308);
  });
});
