import { describe, expect, it } from 'vitest';
import { logisticLoss, logisticLossGrad } from '../../src/core/logisticRegression';
import { logisticLossPlusMinus, logisticLossPlusMinusGrad, plusMinusLabels } from '../../src/core/logisticPlusMinus';
import { numericalGradient } from '../../src/core/finiteDifference';
import { createRandom } from '../../src/core/random';
import { expectRelClose, expectUlpClose, fc } from './helpers';

/** n points in [−3, 3]² with hard 0/1 targets, from the core's seeded generator. */
function points(seed: number, n: number): { X: Float64Array; t: Float64Array } {
  const random = createRandom(seed);
  const X = Float64Array.from({ length: 2 * n }, () => 6 * random.next() - 3);
  const t = Float64Array.from({ length: n }, () => random.int(2));
  return { X, t };
}

const weights = fc.array(fc.double({ min: -8, max: 8, noNaN: true }), { minLength: 3, maxLength: 3 });
const dataSet = fc.tuple(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 1, max: 40 })).map(([seed, n]) => points(seed, n));
const SEED = { seed: 42 };

describe('plusMinusLabels', () => {
  it('plusMinusLabels([0, 1, 1, 0]) = [−1, 1, 1, −1]', () => {
    expect(Array.from(plusMinusLabels([0, 1, 1, 0]))).toEqual([-1, 1, 1, -1]);
  });

  it('plusMinusLabels refuses a soft target with a RangeError naming it', () => {
    expect(() => plusMinusLabels([1, 0.5])).toThrow(/t\[1\] = 0.5 is not 0 or 1/);
  });
});

describe('logisticLossPlusMinus', () => {
  it('at w = 0 every term is ln(1 + e⁰) = ln 2', () => {
    const { X, t } = points(3, 25);
    expectUlpClose(logisticLossPlusMinus([0, 0, 0], X, plusMinusLabels(t)), Math.LN2, 1);
  });

  it('one point by hand: x = (1, 2), s = +1, w = (1, 1, 0) gives z = 3 and ln(1 + e⁻³); s = −1 gives ln(1 + e³) = 3 + ln(1 + e⁻³)', () => {
    const X = Float64Array.of(1, 2);
    // ln(1 + e⁻³) = 0.0485873515737420587589…, by mpmath at 30 digits
    expectUlpClose(logisticLossPlusMinus([1, 1, 0], X, Float64Array.of(1)), 0.04858735157374206, 2);
    expectUlpClose(logisticLossPlusMinus([1, 1, 0], X, Float64Array.of(-1)), 3.048587351573742, 2);
  });

  it('a margin of −800 costs 800, not ∞: e⁸⁰⁰ overflows but softplus does not', () => {
    expect(logisticLossPlusMinus([-400, -400, 0], Float64Array.of(1, 1), Float64Array.of(1))).toBe(800);
  });

  it('logisticLossPlusMinus(w, X, 2t − 1) = logisticLoss(w, X, t, cross-entropy): the ±1 form is the same function', () => {
    fc.assert(
      fc.property(weights, dataSet, (w, { X, t }) => {
        expectRelClose([logisticLossPlusMinus(w, X, plusMinusLabels(t))], [logisticLoss(w, X, t, 'cross-entropy')], 1e-14, 1e-300);
      }),
      SEED,
    );
  });

  it('an empty data set gives NaN, and bad shapes or labels a RangeError naming the problem', () => {
    expect(logisticLossPlusMinus([0, 0, 0], new Float64Array(0), new Float64Array(0))).toBeNaN();
    expect(() => logisticLossPlusMinus([0, 0], Float64Array.of(1, 1), Float64Array.of(1))).toThrow(/length 3/);
    expect(() => logisticLossPlusMinus([0, 0, 0], Float64Array.of(1), Float64Array.of(1))).toThrow(/n × 2 = 2/);
    expect(() => logisticLossPlusMinus([0, 0, 0], Float64Array.of(1, 1), Float64Array.of(0))).toThrow(/s\[0\] = 0 is not −1 or \+1/);
  });

  it('logisticLossPlusMinus and its gradient name themselves and the sizes they expected', () => {
    const s = Float64Array.of(1, -1, 1);
    expect(() => logisticLossPlusMinus([0, 0], new Float64Array(6), s)).toThrow(
      'logisticLossPlusMinus: w has length 2 but must be [w1, w2, b] (length 3)',
    );
    expect(() => logisticLossPlusMinus([0, 0, 0], new Float64Array(4), s)).toThrow(
      'logisticLossPlusMinus: X has length 4 but n × 2 = 6 for the n = 3 labels',
    );
    expect(() => logisticLossPlusMinusGrad([0, 0, 0], new Float64Array(4), s)).toThrow(
      'logisticLossPlusMinusGrad: X has length 4 but n × 2 = 6 for the n = 3 labels',
    );
  });

  it('logisticLossPlusMinus keeps the tiny terms that come after a large one (compensated sum)', () => {
    // 1000 points of cost softplus(−32) = log1p(e^-32) ≈ 1.27e-14, one of cost softplus(800) = 800, then
    // 1000 more: added naively, each tiny term after the 800 is below half an ulp of the running sum and
    // is lost. mpmath (50 digits): (800 + 2000·log1p(e^-32))/2001 = 0.3998000999500376.
    const x1 = [...Array<number>(1000).fill(32), 800, ...Array<number>(1000).fill(32)];
    const X = Float64Array.from(x1.flatMap((v) => [v, 0]));
    const s = Float64Array.from(x1, (v) => (v === 800 ? -1 : 1));
    expectUlpClose([logisticLossPlusMinus([1, 0, 0], X, s)], [0.3998000999500376], 2);
  });
});

describe('logisticLossPlusMinusGrad', () => {
  it('logisticLossPlusMinusGrad(w, X, 2t − 1) = logisticLossGrad(w, X, t, cross-entropy)', () => {
    fc.assert(
      fc.property(weights, dataSet, (w, { X, t }) => {
        expectRelClose(logisticLossPlusMinusGrad(w, X, plusMinusLabels(t)), logisticLossGrad(w, X, t, 'cross-entropy'), 1e-12, 1e-15);
      }),
      SEED,
    );
  });

  it('logisticLossPlusMinusGrad agrees with central differences of logisticLossPlusMinus', () => {
    fc.assert(
      fc.property(weights, dataSet, (w, { X, t }) => {
        const s = plusMinusLabels(t);
        const numeric = numericalGradient((v) => logisticLossPlusMinus(v, X, s), w);
        expectRelClose(logisticLossPlusMinusGrad(w, X, s), numeric, 1e-6, 1e-8);
      }),
      SEED,
    );
  });

  it('one point by hand: x = (1, 2), s = +1, z = 3 gives −σ(−3)·(1, 2, 1)', () => {
    const g = -1 / (1 + Math.exp(3));
    expectRelClose(logisticLossPlusMinusGrad([1, 1, 0], Float64Array.of(1, 2), Float64Array.of(1)), [g, 2 * g, g], 1e-15);
  });

  it('keeps full relative accuracy on a confidently right point (z = 40: −e⁻⁴⁰, not 0)', () => {
    const [g1] = logisticLossPlusMinusGrad([40, 0, 0], Float64Array.of(1, 0), Float64Array.of(1));
    expectRelClose([g1 as number], [-Math.exp(-40) / (1 + Math.exp(-40))], 1e-14);
  });
});
