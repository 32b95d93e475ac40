import { describe, expect, it } from 'vitest';
import {
  binaryCrossEntropyGradZ,
  binaryCrossEntropyLossZ,
  binaryCrossEntropyWithLogits,
  centralDifference,
  squaredErrorGradZ,
  squaredErrorLoss,
} from '../../src/core';
import { add, big, div, exp, mul, neg, ONE, sub, toNumber, type BigFloat } from './reference/bigFloat';
import { expectGradientMatches, expectRelClose, expectUlpClose, fc, GRADIENT_CHECK } from './helpers';

/** σ(z) and 1 − σ(z) = σ(−z) at 200 bits, each from its own exponential (no 1 − σ cancellation). */
function referenceSigmoids(z: number): [BigFloat, BigFloat] {
  return [div(ONE, add(ONE, exp(neg(big(z))))), div(ONE, add(ONE, exp(big(z))))];
}
/** σ(z) − t, for t = 1 as −σ(−z) so that the reference keeps its own relative accuracy. */
function referenceError(z: number, t: number): BigFloat {
  const [s, sNeg] = referenceSigmoids(z);
  return t === 1 ? neg(sNeg) : sub(s, big(t));
}

const logit = fc.oneof(fc.double({ min: -40, max: 40, noNaN: true }), fc.constantFrom(-745, -700, -37, 0, 36.7, 40, 700));
const target = fc.oneof(fc.constantFrom(0, 1), fc.double({ min: 0, max: 1, noNaN: true }));

describe('squared error on a sigmoid', () => {
  it('hand cases: squaredErrorLoss(0, 1) = 1/8, squaredErrorGradZ(0, 1) = −1/8, squaredErrorGradZ(0, ½) = 0', () => {
    expect(squaredErrorLoss(0, 1)).toBe(0.125);
    expect(squaredErrorGradZ(0, 1)).toBe(-0.125);
    expect(squaredErrorGradZ(0, 0)).toBe(0.125);
    expect(squaredErrorGradZ(0, 0.5)).toBe(0);
    expect(squaredErrorLoss(Infinity, 1)).toBe(0);
    expect(squaredErrorLoss(-Infinity, 1)).toBe(0.5);
  });

  it('squaredErrorLoss(z, t) is within 4 ulp of ½(σ(z) − t)² at 200 bits for targets 0 and 1', () => {
    fc.assert(
      fc.property(logit, fc.constantFrom(0, 1), (z, t) => {
        const e = referenceError(z, t);
        expectUlpClose(squaredErrorLoss(z, t), toNumber(mul(big(0.5), mul(e, e))), 4);
      }),
    );
  });

  it('squaredErrorGradZ(z, t) is within 6 ulp of (σ − t)σ(1 − σ) at 200 bits, also for z = ±40 (≈ e^-80, not 0)', () => {
    fc.assert(
      fc.property(logit, fc.constantFrom(0, 1), (z, t) => {
        const [s, sNeg] = referenceSigmoids(z);
        expectUlpClose(squaredErrorGradZ(z, t), toNumber(mul(referenceError(z, t), mul(s, sNeg))), 6);
      }),
    );
    expect(squaredErrorGradZ(40, 1)).toBeLessThan(0);
    expect(squaredErrorGradZ(40, 1) / -Math.exp(-80)).toBeCloseTo(1, 12);
  });

  it('squaredErrorGradZ(z, t) agrees with central differences of squaredErrorLoss', () => {
    fc.assert(
      fc.property(fc.double({ min: -15, max: 15, noNaN: true }), target, (z, t) => {
        const numeric = centralDifference((x) => squaredErrorLoss(x, t), z, GRADIENT_CHECK.step);
        expectGradientMatches([squaredErrorGradZ(z, t)], [numeric], 1e-11);
      }),
    );
  });

  it('|squaredErrorGradZ(z, t)| ≤ ¼·|σ(z) − t|: squared error learns at most a quarter as fast', () => {
    fc.assert(
      fc.property(logit, target, (z, t) => {
        expect(Math.abs(squaredErrorGradZ(z, t))).toBeLessThanOrEqual(0.25 * Math.abs(binaryCrossEntropyGradZ(z, t)) * (1 + 2 ** -51));
      }),
    );
  });

  it('a confidently wrong prediction: at z = −10, t = 1 the squared-error gradient is 2e4 times smaller', () => {
    const ratio = binaryCrossEntropyGradZ(-10, 1) / squaredErrorGradZ(-10, 1);
    expect(ratio).toBeCloseTo(1 / (1 / (1 + Math.exp(-10)) * (1 / (1 + Math.exp(10)))), 6);
    expect(ratio).toBeGreaterThan(2e4);
  });
});

describe('binary cross-entropy on a logit', () => {
  it('hand cases: binaryCrossEntropyLossZ(0, t) = ln 2, binaryCrossEntropyGradZ(0, 1) = −½', () => {
    expect(binaryCrossEntropyLossZ(0, 1)).toBe(Math.LN2);
    expect(binaryCrossEntropyLossZ(0, 0.3)).toBeCloseTo(Math.LN2, 15);
    expect(binaryCrossEntropyGradZ(0, 1)).toBe(-0.5);
    expect(binaryCrossEntropyLossZ(Infinity, 1)).toBe(0);
    expect(binaryCrossEntropyLossZ(-Infinity, 0)).toBe(0);
    expect(binaryCrossEntropyLossZ(-Infinity, 1)).toBe(Infinity);
  });

  it('binaryCrossEntropyGradZ(0, ½ − 2^-54) = 2^-54 and binaryCrossEntropyLossZ(1023.5, ½ − 2^-54) = 511.75 + 2^-44: 1 − t keeps its lost bit', () => {
    // 1 − t = ½ + 2^-54 is not a double (it rounds to ½); the bit it loses must still count.
    // σ(0) = ½ exactly, so σ(0) − t = 2^-54.
    const t = 0.5 - 2 ** -54;
    expect(binaryCrossEntropyGradZ(0, t)).toBe(2 ** -54);
    // softplus(−1023.5) underflows to 0 and softplus(1023.5) = 1023.5, so the loss is (½ + 2^-54)·1023.5
    // = 511.75 + 0.9995·2^-44, which rounds up to 511.75 + 2^-44 (the spacing of doubles near 511.75 is
    // 2^-44); mpmath at 300 bits agrees.
    expect(binaryCrossEntropyLossZ(1023.5, t)).toBe(511.75 + 2 ** -44);
  });

  it('binaryCrossEntropyLossZ(z, t) equals binaryCrossEntropyWithLogits([z], [t]) within 1 ulp', () => {
    fc.assert(fc.property(logit, target, (z, t) => expectUlpClose(binaryCrossEntropyLossZ(z, t), binaryCrossEntropyWithLogits([z], [t]), 1)));
  });

  it('binaryCrossEntropyGradZ(z, t) = σ(z) − t to 4 ulp for t ∈ {0, 1}, and 4 ulp of max(σ, t) otherwise', () => {
    fc.assert(
      fc.property(logit, target, (z, t) => {
        const expected = toNumber(referenceError(z, t));
        if (t === 0 || t === 1) expectUlpClose(binaryCrossEntropyGradZ(z, t), expected, 4);
        else expectRelClose([binaryCrossEntropyGradZ(z, t)], [expected], 0, 4 * 2 ** -53 * Math.max(t, toNumber(referenceSigmoids(z)[0])));
      }),
    );
    expect(binaryCrossEntropyGradZ(40, 1)).toBe(-toNumber(referenceSigmoids(40)[1]));
  });

  it('binaryCrossEntropyGradZ(z, t) agrees with central differences of binaryCrossEntropyWithLogits', () => {
    fc.assert(
      fc.property(fc.double({ min: -15, max: 15, noNaN: true }), target, (z, t) => {
        const numeric = centralDifference((x) => binaryCrossEntropyWithLogits([x], [t]), z, GRADIENT_CHECK.step);
        expectGradientMatches([binaryCrossEntropyGradZ(z, t)], [numeric], 1e-10);
      }),
    );
  });
});

describe('binary losses: bad input and NaN', () => {
  it('a target outside [0, 1] is a RangeError naming the function', () => {
    expect(() => squaredErrorLoss(0, 1.5)).toThrow(/squaredErrorLoss: target t = 1.5 is outside \[0, 1\]/);
    expect(() => squaredErrorGradZ(0, -1)).toThrow(RangeError);
    expect(() => squaredErrorGradZ(0, -1)).toThrow(/squaredErrorGradZ: target t = -1 is outside \[0, 1\]/);
    expect(() => binaryCrossEntropyGradZ(0, 2)).toThrow(/binaryCrossEntropyGradZ: target t = 2/);
    expect(() => binaryCrossEntropyLossZ(0, -0.5)).toThrow(RangeError);
    expect(() => binaryCrossEntropyLossZ(0, -0.5)).toThrow(/binaryCrossEntropyLossZ: target t = -0.5 is outside \[0, 1\]/);
  });

  it('NaN in gives NaN out', () => {
    for (const f of [squaredErrorLoss, squaredErrorGradZ, binaryCrossEntropyLossZ, binaryCrossEntropyGradZ]) {
      expect(f(NaN, 1)).toBeNaN();
      expect(f(0.5, NaN)).toBeNaN();
    }
  });
});
